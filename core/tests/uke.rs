//! UKE reader and writer: the real synthetic sample (receiptisan, CP932) read, spot-checked by
//! hand against its text and written back byte for byte; broken copies of it rejected with the
//! line, record and field named; the old 和暦 layout rejected with a message saying so.

use santei_core::uke::{read_uke, write_uke, Date, Record, UkeFile};
use santei_core::ErrorCode;

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/uke/RECEIPTC_GAIRAI_SAMPLE.excerpt.cp932.UKE"
);

fn sample_bytes() -> Vec<u8> {
    std::fs::read(SAMPLE).unwrap()
}

/// The sample as UTF-8 lines (without CRLF).
fn sample_lines() -> Vec<String> {
    let bytes = sample_bytes();
    let (text, _, bad) = encoding_rs::SHIFT_JIS.decode(&bytes);
    assert!(!bad);
    text.lines().map(str::to_string).collect()
}

fn encode(lines: &[String]) -> Vec<u8> {
    let mut text = lines.join("\r\n");
    text.push_str("\r\n");
    let (bytes, _, bad) = encoding_rs::SHIFT_JIS.encode(&text);
    assert!(!bad);
    bytes.into_owned()
}

/// The error message for the sample after `edit`.
fn broken(edit: impl FnOnce(&mut Vec<String>)) -> String {
    let mut lines = sample_lines();
    edit(&mut lines);
    let err = read_uke(&encode(&lines)).expect_err("the broken file was accepted");
    assert_eq!(err.code, ErrorCode::ParseError);
    err.message
}

/// Sets field `pos` (1-based) of line `line` (1-based).
fn set(lines: &mut [String], line: usize, pos: usize, value: &str) {
    let mut f: Vec<&str> = lines[line - 1].split(',').collect();
    f[pos - 1] = value;
    lines[line - 1] = f.join(",");
}

fn count(file: &UkeFile, kind: &str) -> usize {
    file.receipts
        .iter()
        .flat_map(|r| &r.records)
        .filter(|r| r.kind() == kind)
        .count()
}

#[test]
fn sample_reads_with_the_values_of_its_text() {
    let file = read_uke(&sample_bytes()).unwrap();
    // IR,1,12,1,0000000,,,202111,00,05012345678
    assert_eq!(file.ir.shinsa_shiharai_kikan, 1);
    assert_eq!(file.ir.todofuken, "12");
    assert_eq!(file.ir.tensuhyo, 1);
    assert_eq!(file.ir.iryokikan_code, "0000000");
    assert_eq!(file.ir.iryokikan_name, None);
    assert_eq!(file.ir.seikyu_ym.to_string(), "2021-11");
    assert_eq!(file.ir.multi_volume, "00");
    assert_eq!(file.ir.phone.as_deref(), Some("05012345678"));
    // GO,140,86392,99 (totals of the full 75-receipt file, kept as recorded)
    assert_eq!(file.go.total_receipts, Some(140));
    assert_eq!(file.go.total_points, Some(86392));
    assert_eq!(file.go.multi_volume, "99");
    assert!(!file.eof_mark);

    // 194 lines: IR + 21 RE + 171 records + GO
    assert_eq!(file.receipts.len(), 21);
    let records: usize = file.receipts.iter().map(|r| r.records.len()).sum();
    assert_eq!(2 + 21 + records, 194);
    for (kind, n) in [
        ("HO", 19),
        ("KO", 19),
        ("SN", 2),
        ("SY", 7),
        ("SI", 101),
        ("IY", 16),
        ("CO", 7),
        ("TO", 0),
    ] {
        assert_eq!(count(&file, kind), n, "{kind}");
    }
    for (i, r) in file.receipts.iter().enumerate() {
        assert_eq!(r.re.receipt_no as usize, i + 1);
    }

    // RE,1,1122,202110,テスト　汎用,1,19911121,,,,,28,,00697,…,テストハンヨウ,
    let r1 = &file.receipts[0];
    assert_eq!(r1.re.receipt_type, 1122);
    assert_eq!(r1.re.shinryo_ym.to_string(), "2021-10");
    assert_eq!(r1.re.name, "テスト　汎用");
    assert_eq!(r1.re.sex, 1);
    assert_eq!(r1.re.birth_date, Date::parse("1991-11-21").unwrap());
    assert_eq!(r1.re.tokki, vec!["28".to_string()]);
    assert_eq!(r1.re.karte_no.as_deref(), Some("00697"));
    assert_eq!(r1.re.kana_name.as_deref(), Some("テストハンヨウ"));
    // HO,01010016,１,１,1,13642,,,,,,,,,
    let Record::Ho(ho) = &r1.records[0] else {
        panic!()
    };
    assert_eq!(
        (
            ho.hokensha_no.as_str(),
            ho.kigo.as_deref(),
            ho.bango.as_deref()
        ),
        ("01010016", Some("１"), Some("１"))
    );
    assert_eq!((ho.jitsunissu, ho.total_points), (1, 13642));
    // KO,83136019,1111111,,1,677,1354,,,,,
    let Record::Ko(ko) = &r1.records[1] else {
        panic!()
    };
    assert_eq!(ko.futansha_no, "83136019");
    assert_eq!(ko.jukyusha_no.as_deref(), Some("1111111"));
    assert_eq!(
        (ko.jitsunissu, ko.total_points, ko.futan_yen),
        (1, 677, Some(1354))
    );
    // SY,2500013,20210801,1,,,01,
    let Record::Sy(sy) = &r1.records[2] else {
        panic!()
    };
    assert_eq!(
        (
            sy.code.as_str(),
            sy.start_date.to_string(),
            sy.tenki,
            sy.main.as_deref()
        ),
        ("2500013", "2021-08-01".into(), 1, Some("01"))
    );
    // SI,11,2,111000110,,288,1,,,,,,,1,…
    let Record::Si(si) = &r1.records[5] else {
        panic!()
    };
    assert_eq!(si.shikibetsu.map(|s| s.name()), Some("初診"));
    assert_eq!(
        (si.futan.code(), si.code.to_string(), si.points, si.count),
        ('2', "111000110".into(), Some(288), 1)
    );
    assert_eq!(si.days[0], 1);
    assert_eq!(si.days[1..].iter().sum::<u16>(), 0);
    // CO,22,2,810000001,疼痛時
    let Record::Co(co) = &r1.records[8] else {
        panic!()
    };
    assert_eq!(
        (co.shikibetsu.map(|s| s.code()), co.text.as_deref()),
        (Some(22), Some("疼痛時"))
    );
    // IY,,2,620098801,1,1,2,,,,,,,2,… (診療識別 omitted, 2 on day 1)
    let Record::Iy(iy) = &r1.records[9] else {
        panic!()
    };
    assert_eq!(
        (
            iy.shikibetsu,
            iy.code.value(),
            iy.amount.map(|a| a.to_string()),
            iy.points,
            iy.count,
            iy.days[0]
        ),
        (None, 620098801, Some("1".into()), Some(1), 2, 2)
    );
    // IY,,1,620003853,2,,1,… (not the last line of its 剤: no 点数)
    let Record::Iy(iy) = &r1.records[21] else {
        panic!()
    };
    assert_eq!((iy.code.value(), iy.points), (620003853, None));

    // receipt 2: HO,01130012,６４４４０７１８,７,…; SN,1,01,,,,00,,; SY with 修飾語 8070;
    // IY,33,1,620004422,1,203,1 on day 11
    let r2 = &file.receipts[1];
    let Record::Sn(sn) = &r2.records[1] else {
        panic!()
    };
    assert_eq!(
        (
            sn.futansha_shubetsu,
            sn.kakunin_kubun.as_deref(),
            sn.edaban.as_deref()
        ),
        (1, Some("01"), Some("00"))
    );
    let Record::Sy(sy) = &r2.records[2] else {
        panic!()
    };
    assert_eq!(sy.modifiers, vec!["8070".to_string()]);
    let Record::Iy(iy) = &r2.records[3] else {
        panic!()
    };
    assert_eq!(
        (iy.shikibetsu.map(|s| s.code()), iy.points, iy.days[10]),
        (Some(33), Some(203), 1)
    );
    // receipt 4: 1212 公費単独 (no HO), a woman born 2021-01-27
    assert_eq!(
        (file.receipts[3].re.receipt_type, file.receipts[3].re.sex),
        (1212, 2)
    );
    assert!(file.receipts[3].records.iter().all(|r| r.kind() != "HO"));
}

#[test]
fn sample_round_trips_byte_for_byte() {
    let bytes = sample_bytes();
    let file = read_uke(&bytes).unwrap();
    assert_eq!(write_uke(&file).unwrap(), bytes);
    // and through JSON (the shape that crosses the C / wasm boundaries)
    let json = serde_json::to_string(&file).unwrap();
    let back: UkeFile = serde_json::from_str(&json).unwrap();
    assert_eq!(back, file);
    assert_eq!(write_uke(&back).unwrap(), bytes);
}

#[test]
fn eof_mark_and_lf_line_ends() {
    let mut bytes = sample_bytes();
    bytes.push(0x1A);
    let file = read_uke(&bytes).unwrap();
    assert!(file.eof_mark);
    assert_eq!(write_uke(&file).unwrap(), bytes);

    // LF instead of CRLF is read the same; the writer always writes CRLF
    let lf: Vec<u8> = sample_bytes().into_iter().filter(|&b| b != b'\r').collect();
    let from_lf = read_uke(&lf).unwrap();
    assert_eq!(from_lf, read_uke(&sample_bytes()).unwrap());
    assert_eq!(write_uke(&from_lf).unwrap(), sample_bytes());

    // a file whose last line has no line end is read too
    let mut cut = sample_bytes();
    cut.truncate(cut.len() - 2);
    assert_eq!(read_uke(&cut).unwrap().go.multi_volume, "99");
}

#[test]
fn every_record_type_written_reads_back_identically() {
    let mut lines = sample_lines();
    let days = |d: &str| {
        let mut v = vec![""; 31];
        v[4] = d;
        v.join(",")
    };
    // receipt 1 (HO, KO, SY…): add JD, MF, GR after KO; a TO with decimals; SJ; an organ-donor
    // TI record and an unknown record type, kept raw.
    lines.insert(4, format!("JD,1,{}", days("1")));
    lines.insert(5, format!("JD,2,{}", days("2")));
    lines.insert(6, format!("MF,00{}", ",".repeat(31)));
    lines.insert(7, "GR,09,010010XX01X0XX".into());
    let to = format!(
        "TO,40,1,700030000,1.5,13,1,036,1234.56,,商品Ａ　規格２,820100012,,,,,,{}",
        days("1")
    );
    lines.insert(33, to);
    lines.insert(34, "SJ,01,主たる疾患の臨床症状：テスト".into());
    lines.insert(35, "SJ,,続き".into());
    lines.insert(36, "TI,1,1,,,,,,,".into());
    lines.insert(37, "ZZ,未知のレコード,1,,".into());
    let bytes = encode(&lines);
    let file = read_uke(&bytes).unwrap();
    for (kind, n) in [
        ("JD", 2),
        ("MF", 1),
        ("GR", 1),
        ("TO", 1),
        ("SJ", 2),
        ("TI", 1),
        ("ZZ", 1),
    ] {
        assert_eq!(count(&file, kind), n, "{kind}");
    }
    let Some(Record::To(to)) = file.receipts[0].records.iter().find(|r| r.kind() == "TO") else {
        panic!()
    };
    assert_eq!(to.amount.map(|a| a.to_string()).as_deref(), Some("1.5"));
    assert_eq!(
        to.unit_price.map(|a| (a.mantissa(), a.scale())),
        Some((123456, 2))
    );
    assert_eq!(to.unit_code.as_deref(), Some("036"));
    assert_eq!(to.comments.len(), 1);
    assert_eq!(to.days[4], 1);
    let written = write_uke(&file).unwrap();
    assert_eq!(written, bytes);
    let json = serde_json::to_string(&file).unwrap();
    assert_eq!(serde_json::from_str::<UkeFile>(&json).unwrap(), file);
}

#[test]
fn writer_refuses_what_would_break_the_file() {
    let mut file = read_uke(&sample_bytes()).unwrap();
    let Record::Co(co) = &mut file.receipts[0].records[8] else {
        panic!()
    };
    co.text = Some("疼痛時,頓用".into());
    assert_eq!(
        write_uke(&file).unwrap_err().message,
        "UKE line 11: CO field 5 (文字データ): a comma is not allowed in a field (記録条件仕様: comma separates fields, quotes are not used)"
    );
    let Record::Co(co) = &mut file.receipts[0].records[8] else {
        panic!()
    };
    co.text = Some("疼痛時😀".into());
    assert_eq!(
        write_uke(&file).unwrap_err().message,
        "UKE line 11: CO field 5 (文字データ): '😀' (U+1F600) cannot be written in CP932 (Shift_JIS)"
    );
    let Record::Co(co) = &mut file.receipts[0].records[8] else {
        panic!()
    };
    co.text = None;
    let Record::Si(si) = &mut file.receipts[0].records[5] else {
        panic!()
    };
    si.points = Some(12_345_678);
    assert_eq!(
        write_uke(&file).unwrap_err().message,
        "UKE line 8: SI field 6 (点数): 12345678 has more than 7 digits"
    );
}

#[test]
fn old_wareki_layout_is_rejected_with_a_clear_message() {
    // The old layout (until 令和元年度): 請求年月 GYYMM (43011 = 平成30年11月), 生年月日 GYYMMDD.
    let old = "IR,2,13,1,1234567,,医療法人　オルカクリニック,43011,00,03-3946-0001\r\n\
               RE,1,1122,43011,保険いっぱい,1,4060618,70,,,,,,00175,,,,,,,,,,,,,,,,,,,,,,,ホケンイッパイ,\r\n\
               GO,1,354,99\r\n";
    let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(old);
    let err = read_uke(&bytes).unwrap_err();
    assert_eq!(
        err.message,
        "line 1: IR field 8 (請求年月): \"43011\" is a 和暦 date (GYYMM, 年号区分 first) of the old 記録条件仕様 layout, which is not supported: only the current 西暦 layout (YYYYMM / YYYYMMDD, 令和2年度以降) is read"
    );
    // The ORCA test file (sosuke-hirayama/uke-parser kokuho_201811), when the shared data is here.
    let orca = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/data/samples/orca_test_kokuho_201811.oldformat.utf8.UKE"
    );
    if let Ok(text) = std::fs::read_to_string(orca) {
        let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(&text);
        let err = read_uke(&bytes).unwrap_err();
        assert!(
            err.message
                .starts_with("line 1: IR field 8 (請求年月): \"43011\" is a 和暦 date"),
            "{}",
            err.message
        );
    }
}

type Edit = Box<dyn FnOnce(&mut Vec<String>)>;

#[test]
fn broken_files_name_line_record_and_field() {
    let cases: Vec<(&str, Edit, &str)> = vec![
        ("unknown 診療識別", Box::new(|l| set(l, 8, 2, "15")),
         "line 8: SI field 2 (診療識別): unknown 診療識別 \"15\" (別表20)"),
        ("a field missing", Box::new(|l| { let s = l[7].rsplit_once(',').unwrap().0.to_string(); l[7] = s; }),
         "line 8: SI record has 43 fields, expected 44 (記録条件仕様 SI layout)"),
        ("an extra field", Box::new(|l| l[2].push(',')),
         "line 3: HO record has 16 fields, expected 15 (記録条件仕様 HO layout)"),
        ("点数 not a number", Box::new(|l| set(l, 8, 6, "28a")),
         "line 8: SI field 6 (点数): expected a number of at most 7 digits, found \"28a\""),
        ("点数 too wide", Box::new(|l| set(l, 8, 6, "12345678")),
         "line 8: SI field 6 (点数): expected a number of at most 7 digits, found \"12345678\""),
        ("impossible birth date", Box::new(|l| set(l, 2, 7, "19911131")),
         "line 2: RE field 7 (生年月日): expected a date YYYYMMDD, found \"19911131\""),
        ("month 13", Box::new(|l| set(l, 2, 4, "202113")),
         "line 2: RE field 4 (診療年月): expected a year and month YYYYMM, found \"202113\""),
        ("short 診療開始日", Box::new(|l| set(l, 5, 3, "2021080")),
         "line 5: SY field 3 (診療開始日): expected a date YYYYMMDD, found \"2021080\""),
        ("unknown 負担区分", Box::new(|l| set(l, 8, 3, "A")),
         "line 8: SI field 3 (負担区分): unknown 負担区分 \"A\" (別表21)"),
        ("8-digit 診療行為コード", Box::new(|l| set(l, 8, 4, "11100011")),
         "line 8: SI field 4 (診療行為コード): expected a 9-digit code, found \"11100011\""),
        ("bad 算定日情報", Box::new(|l| set(l, 8, 14, "x")),
         "line 8: SI field 14 (算定日情報 1日): expected a count of at most 3 digits, found \"x\""),
        ("IR missing", Box::new(|l| { l.remove(0); }),
         "line 1: expected the IR record (医療機関情報レコード) first, found \"RE\""),
        ("GO missing", Box::new(|l| { l.pop(); }),
         "line 193: the file ends without the GO record (診療報酬請求書レコード), which must be the last record"),
        ("data after GO", Box::new(|l| { let s = l[7].clone(); l.push(s); }),
         "line 195: SI record after the GO record (GO must be the last record)"),
        ("a quoted field", Box::new(|l| set(l, 11, 5, "\"疼痛時\"")),
         "line 11: CO field 5 (文字データ): a double quote (quotes are not used in UKE files)"),
        ("a tab", Box::new(|l| set(l, 11, 5, "疼痛\t時")),
         "line 11: CO field 5 (文字データ): the control byte 0x09"),
        ("required 診療実日数 empty", Box::new(|l| set(l, 3, 5, "")),
         "line 3: HO field 5 (診療実日数): required, but empty"),
        ("点数表 歯科", Box::new(|l| set(l, 1, 4, "3")),
         "line 1: IR field 4 (点数表): 点数表 3 is not 医科 (1): only 医科 UKE files are read"),
        ("receipt number out of sequence", Box::new(|l| set(l, 32, 2, "5")),
         "line 32: RE field 2 (レセプト番号): expected 2 (receipts are numbered in order), found 5"),
        ("HO after KO", Box::new(|l| l.swap(2, 3)),
         "line 4: HO record out of order in receipt 1 (after a record that must follow it; 記録条件仕様 order: RE, HO, KO, SN, JD, MF, GR, SY, SI/IY/TO/CO, SJ)"),
        ("SY after SI", Box::new(|l| { let s = l.remove(4); l.insert(8, s); }),
         "line 9: SY record out of order in receipt 1 (after a record that must follow it; 記録条件仕様 order: RE, HO, KO, SN, JD, MF, GR, SY, SI/IY/TO/CO, SJ)"),
        ("two HO", Box::new(|l| { let s = l[2].clone(); l.insert(3, s); }),
         "line 4: a second HO record in receipt 1 (at most one 保険者レコード)"),
        ("a record before RE", Box::new(|l| { let s = l[4].clone(); l.insert(1, s); }),
         "line 2: SY record before the first RE record (レセプト共通レコード)"),
        ("an empty line", Box::new(|l| l.insert(4, String::new())),
         "line 5: empty line (every line must be a record)"),
        ("予備 filled", Box::new(|l| set(l, 3, 7, "1")),
         "line 3: HO field 7 (予備): 予備 must be empty, found \"1\""),
        ("comment text without code", Box::new(|l| set(l, 8, 9, "テキスト")),
         "line 8: SI field 9 (コメント① 文字データ): 文字データ without its コメントコード"),
        ("使用量 with 6 decimals", Box::new(|l| set(l, 12, 5, "1.123456")),
         "line 12: IY field 5 (使用量): expected a decimal of at most 5 integer and 5 fraction digits, found \"1.123456\""),
        ("not a record identifier", Box::new(|l| set(l, 8, 1, "si")),
         "line 8: field 1 (レコード識別情報): \"si\" is not a record identifier (two capital letters such as SI)"),
        ("unknown 受診等区分", Box::new(|l| l.insert(4, format!("JD,1,3{}", ",".repeat(30)))),
         "line 5: JD field 3 (1日の情報): unknown code \"3\" (別表30 受診等区分)"),
        ("unknown 男女区分", Box::new(|l| set(l, 2, 6, "3")),
         "line 2: RE field 6 (男女区分): unknown code \"3\" (別表6)"),
        ("保険者番号 too short", Box::new(|l| set(l, 3, 2, "1010016")),
         "line 3: HO field 2 (保険者番号): expected 8 digits (leading spaces allowed), found \"1010016\""),
        ("特記事項 odd length", Box::new(|l| set(l, 2, 12, "281")),
         "line 2: RE field 12 (レセプト特記事項): expected codes of 2 characters each (a multiple of 2), found \"281\""),
    ];
    assert!(cases.len() >= 20);
    for (what, edit, expected) in cases {
        assert_eq!(broken(edit), expected, "{what}");
    }
}

#[test]
fn bytes_that_are_not_cp932_name_the_field() {
    let mut lines = sample_lines();
    set(&mut lines, 11, 5, "@@@");
    let mut bytes = encode(&lines);
    let at = bytes.windows(3).position(|w| w == b"@@@").unwrap();
    bytes[at + 1] = 0xFF; // never a Shift_JIS byte
    let err = read_uke(&bytes).unwrap_err();
    assert_eq!(
        err.message,
        "line 11: CO field 5 (文字データ): bytes that are not valid Shift_JIS (CP932)"
    );
    // a UTF-8 file is not CP932 either
    let utf8 = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/uke/RECEIPTC_GAIRAI_SAMPLE.excerpt.cp932.UKE"
    );
    let text = encoding_rs::SHIFT_JIS
        .decode(&std::fs::read(utf8).unwrap())
        .0
        .into_owned();
    let err = read_uke(text.as_bytes()).unwrap_err();
    assert_eq!(
        err.message,
        "line 2: RE field 5 (氏名): bytes that are not valid Shift_JIS (CP932)"
    );
}

#[test]
fn empty_input() {
    assert_eq!(
        read_uke(b"").unwrap_err().message,
        "empty file: expected the IR record (医療機関情報レコード)"
    );
}
