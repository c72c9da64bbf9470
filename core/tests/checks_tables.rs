//! 事前審査 of the 電子点数表 families (算定回数・背反・包括) against the real 令和6 s master
//! (masters/2024-06-01/s_20240531.zip) and small 電子点数表 tables written here in the official
//! layout (CP932, CRLF, every field quoted; 01 補助 27 columns, 02 包括 7, 03-x 背反 10, 04 8,
//! 05 算定回数 14). The official 電子点数表 cannot be downloaded here, so the rows are the 点数表's
//! own rules, written by hand; the bundled generation folder holds only official files and is not
//! touched (these tables are given to `Engine::from_files` in memory).
//!
//! June 2024: the 1st is a Saturday; the weeks (日曜日から土曜日) are 1, 2–8, 9–15, 16–22, 23–29, 30.

use santei_core::checks::{CheckRequest, CheckResponse, CheckSeverity};
use santei_core::Engine;
use std::path::Path;
use std::sync::OnceLock;

/// 01 補助マスターテーブル: 包括単位/グループ番号 ①..③ (列4–9), 背反関連識別 1日/同一月/同時/1週
/// (列10–13), 入院基本料識別 (列20), 算定回数関連 (列21), 新設・廃止年月日 (列26–27).
const HOJO: &str = r#"
"0","111000110","初診料","0","","0","","0","","1","0","0","0","","","","","","","","0","","","","","20240601","99999999"
"0","112007410","再診料","0","","0","","0","","1","0","0","0","","","","","","","","0","","","","","20240601","99999999"
"0","112011010","外来管理加算","0","","0","","0","","1","0","0","0","","","","","","","","0","","","","","20240601","99999999"
"0","112011310","外来診療料","1","A000002","0","","0","","0","0","0","0","","","","","","","","0","","","","","20240601","99999999"
"0","113024810","地域包括診療料１","2","A000001","0","","0","","0","0","0","0","","","","","","","","0","","","","","20240601","99999999"
"0","190873110","短期滞在手術等基本料１（イ以外の場合）（１以外の場合）","5","A000003","0","","0","","0","0","0","0","","","","","","","","0","","","","","20240601","99999999"
"0","150001810","皮膚切開術（長径１０ｃｍ未満）","6","A000004","3","A000005","0","","0","0","0","0","","","","","","","","0","","","","","20240601","99999999"
"0","113001810","特定疾患療養管理料（診療所）","0","","0","","0","","0","1","0","0","","","","","","","","1","","","","","20240601","99999999"
"0","113000910","皮膚科特定疾患指導管理料（１）","0","","0","","0","","0","1","0","0","","","","","","","","0","","","","","20240601","99999999"
"0","140000610","創傷処置（１００ｃｍ２未満）","0","","0","","0","","1","0","1","0","","","","","","","","0","","","","","20240601","99999999"
"0","140000710","創傷処置（１００ｃｍ２以上５００ｃｍ２未満）","0","","0","","0","","0","0","1","0","","","","","","","","0","","","","","20240601","99999999"
"0","160061810","血液学的検査判断料","0","","0","","0","","0","0","0","0","","","","","","","","1","","","","","20240601","99999999"
"0","160010010","ＨｂＡ１ｃ","0","","0","","0","","0","0","0","0","","","","","","","","1","","","","","20240601","99999999"
"0","160091310","骨塩定量検査（ＤＥＸＡ法による腰椎撮影）","0","","0","","0","","0","0","0","0","","","","","","","","1","","","","","20240601","99999999"
"0","113000310","ウイルス疾患指導料１","0","","0","","0","","0","0","0","0","","","","","","","","1","","","","","20240601","99999999"
"0","113008410","ニコチン依存症管理料１（２回目から４回目まで）（対面）","0","","0","","0","","0","0","0","0","","","","","","","","1","","","","","20240601","99999999"
"0","180020010","心身医学療法（入院外）（再診時）","0","","0","","0","","0","0","0","1","","","","","","","","1","","","","","20240601","99999999"
"0","180067310","通院精神療法（３０分未満）（１以外）","0","","0","","0","","0","0","0","1","","","","","","","","0","","","","","20240601","99999999"
"0","160022410","Ｔｃｈｏ","4","A000006","0","","0","","0","1","0","0","","","","","","","","0","","","","","20240601","99999999"
"0","160019010","ＢＵＮ","0","","0","","0","","1","0","0","0","","","","","","","","0","","","","","20240601","99999999"
"#;

/// 02 包括テーブル: グループ番号, 診療行為コード (included), 名称, 特例条件, 新設・廃止年月日.
/// A000001 地域包括診療料 (同一月内), A000002 外来診療料 (1日につき: 尿・血液の一般検査),
/// A000003 短期滞在手術等基本料１ (手術前1週間の検査), A000004 手術当日の創傷処置 (1手術),
/// A000005 皮膚切開術と同時の創傷処置.
const HOUKATSU: &str = r#"
"0","A000001","160008010","末梢血液一般検査","0","20240601","99999999"
"0","A000001","160061810","血液学的検査判断料","0","20240601","99999999"
"0","A000002","160000310","尿一般","0","20240601","99999999"
"0","A000002","160008010","末梢血液一般検査","0","20240601","99999999"
"0","A000003","160000310","尿一般","0","20240601","99999999"
"0","A000003","160008010","末梢血液一般検査","0","20240601","99999999"
"0","A000004","140000610","創傷処置（１００ｃｍ２未満）","0","20240601","99999999"
"0","A000005","140000710","創傷処置（１００ｃｍ２以上５００ｃｍ２未満）","0","20240601","99999999"
"0","A000006","160022510","ＡＳＴ","0","20240601","99999999"
"#;

/// 03-1 1日につき: 初診料 / 再診料 (区分 1: 初診料を算定); 外来管理加算 / 創傷処置 (区分 2: 処置を算定).
const HAIHAN1: &str = r#"
"0","111000110","初診料","112007410","再診料","1","0","","20240601","99999999"
"0","112011010","外来管理加算","140000610","創傷処置（１００ｃｍ２未満）","2","0","","20240601","99999999"
"0","160019010","ＢＵＮ","160022510","ＡＳＴ","9","0","","20240601","99999999"
"#;

/// 03-2 同一月内: 特定疾患療養管理料 / 皮膚科特定疾患指導管理料 (区分 3: いずれか一方).
const HAIHAN2: &str = r#"
"0","113001810","特定疾患療養管理料（診療所）","113000910","皮膚科特定疾患指導管理料（１）","3","0","","20240601","99999999"
"0","160022410","Ｔｃｈｏ","160022510","ＡＳＴ","3","1","","20240601","99999999"
"#;

/// 03-3 同時: 創傷処置 of two sizes (区分 3).
const HAIHAN3: &str = r#"
"0","140000610","創傷処置（１００ｃｍ２未満）","140000710","創傷処置（１００ｃｍ２以上５００ｃｍ２未満）","3","0","","20240601","99999999"
"#;

/// 03-4 1週間につき: 心身医学療法 / 通院精神療法 (区分 1: 心身医学療法を算定).
const HAIHAN4: &str = r#"
"0","180020010","心身医学療法（入院外）（再診時）","180067310","通院精神療法（３０分未満）（１以外）","1","0","","20240601","99999999"
"#;

const NYUIN: &str = r#"
"0","00001","190117710","急性期一般入院料１","0","","20240601","99999999"
"#;

/// 05 算定回数テーブル: 算定単位コード (別紙4-1: 121 日, 131 月, 138 週, 145 ４月, 53 患者当り,
/// 141 一連), 算定単位名称, 算定回数, 特例条件, 新設・廃止年月日 (列13–14).
const SANTEI: &str = r#"
"0","113001810","特定疾患療養管理料（診療所）","131","月","2","0","","","","","","20240601","99999999"
"0","160061810","血液学的検査判断料","121","日","1","0","","","","","","20240601","99999999"
"0","160061810","血液学的検査判断料","131","月","1","0","","","","","","20240601","99999999"
"0","180020010","心身医学療法（入院外）（再診時）","138","週","2","0","","","","","","20240601","99999999"
"0","160010010","ＨｂＡ１ｃ","131","月","1","1","","","","","","20240601","99999999"
"0","160091310","骨塩定量検査（ＤＥＸＡ法による腰椎撮影）","145","４月","1","0","","","","","","20240601","99999999"
"0","113000310","ウイルス疾患指導料１","53","患者当り","1","0","","","","","","20240601","99999999"
"0","113008410","ニコチン依存症管理料１（２回目から４回目まで）（対面）","141","一連","3","0","","","","","","20240601","99999999"
"#;

fn cp932(text: &str) -> Vec<u8> {
    let text = text.trim_start_matches('\n').replace('\n', "\r\n");
    let (bytes, _, unmappable) = encoding_rs::SHIFT_JIS.encode(&text);
    assert!(!unmappable);
    bytes.into_owned()
}

fn bundled(name: &str) -> (String, Vec<u8>) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../masters/2024-06-01")
        .join(name);
    (format!("2024-06-01/{name}"), std::fs::read(path).unwrap())
}

/// The s master and the 傷病名マスター (for the claim's 主病).
fn s_master() -> Vec<(String, Vec<u8>)> {
    vec![bundled("s_20240531.zip"), bundled("b_20240601.zip")]
}

/// The s master with the tables above.
fn with_tables() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| {
        let mut files = s_master();
        for (name, text) in [
            ("01補助マスターテーブル.csv", HOJO),
            ("02包括テーブル.csv", HOUKATSU),
            ("03-1背反テーブル1.csv", HAIHAN1),
            ("03-2背反テーブル2.csv", HAIHAN2),
            ("03-3背反テーブル3.csv", HAIHAN3),
            ("03-4背反テーブル4.csv", HAIHAN4),
            ("04入院基本料テーブル.csv", NYUIN),
            ("05算定回数テーブル.csv", SANTEI),
        ] {
            files.push((format!("2024-06-01/{name}"), cp932(text)));
        }
        Engine::from_files(&files).unwrap()
    })
}

/// The s master alone: no 電子点数表.
fn without_tables() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| Engine::from_files(&s_master()).unwrap())
}

/// A line: 診療識別, codes, 算定日 (day, 回数).
type Line<'a> = (&'a str, &'a [&'a str], &'a [(u32, u32)]);

fn claim(hospital: bool, lines: &[Line<'_>]) -> CheckRequest {
    let lines: Vec<serde_json::Value> = lines
        .iter()
        .map(|(section, codes, days)| {
            serde_json::json!({
                "section": section,
                "items": codes.iter().map(|c| serde_json::json!({"code": c})).collect::<Vec<_>>(),
                "days": days.iter().map(|(d, n)| serde_json::json!({"day": d, "count": n})).collect::<Vec<_>>(),
            })
        })
        .collect();
    serde_json::from_value(serde_json::json!({
        "month": "2024-06",
        "patient": {"birthDate": "1970-04-01", "sex": "female"},
        "insurance": {"insurerType": "shaho", "relation": "honnin"},
        "facility": {"kind": if hospital { "hospital" } else { "clinic" }},
        // 5319009 胃潰瘍 (特定疾患等対象区分 05) as 主病: the 病名 checks stay quiet
        "diseases": [{"code": "5319009", "main": true, "startDate": "2024-04-01"}],
        "lines": lines,
    }))
    .unwrap()
}

fn run(engine: &Engine, hospital: bool, lines: &[Line<'_>]) -> CheckResponse {
    engine.check(&claim(hospital, lines)).unwrap()
}

/// (code, line, item, day) of a finding.
type At = (String, Option<usize>, Option<usize>, Option<u32>);

/// Every finding's (code, line, item, day), in the response's order.
fn found(r: &CheckResponse) -> Vec<At> {
    r.findings
        .iter()
        .map(|f| (f.code.clone(), f.line, f.item, f.day))
        .collect()
}

fn f(
    code: &str,
    line: usize,
    item: usize,
    day: Option<u32>,
) -> (String, Option<usize>, Option<usize>, Option<u32>) {
    (code.to_string(), Some(line), Some(item), day)
}

// ---- 算定回数 ----

#[test]
fn kaisu_month_limit_from_table_and_master() {
    let e = with_tables();
    // 特定疾患療養管理料 月2回: the third (day 19) is over both 05 (月 2) and 上限回数 2
    let r = run(
        e,
        false,
        &[("13", &["113001810"], &[(5, 1), (12, 1), (19, 1)])],
    );
    assert!(r.tensuhyo);
    assert_eq!(
        found(&r),
        [
            f("E-KAISU-001", 0, 0, Some(19)),
            f("E-KAISU-002", 0, 0, Some(19))
        ]
    );
    assert_eq!(r.errors, 2);
    assert!(r.findings[0]
        .source
        .starts_with("05算定回数テーブル 113001810 列4 算定単位コード 131 (月), 列6 算定回数 2"));
    assert_eq!(
        r.findings[1].source,
        "s master 113001810 項番36 上限回数 2, 項番37 上限回数エラー処理 0"
    );
    // exactly 2: nothing
    let r = run(e, false, &[("13", &["113001810"], &[(5, 1), (19, 1)])]);
    assert_eq!(found(&r), []);
    // counted across lines: the line billing the third one is pointed at
    let r = run(
        e,
        false,
        &[
            ("13", &["113001810"], &[(5, 1), (12, 1)]),
            ("13", &["113001810"], &[(19, 1)]),
        ],
    );
    assert_eq!(
        found(&r),
        [
            f("E-KAISU-001", 1, 0, Some(19)),
            f("E-KAISU-002", 1, 0, Some(19))
        ]
    );
}

#[test]
fn kaisu_day_unit() {
    let e = with_tables();
    // 血液学的検査判断料 2 on day 10: over 日 1 and 月 1 (two 05 rows) and 上限回数 1
    let r = run(e, false, &[("60", &["160061810"], &[(10, 2)])]);
    assert_eq!(
        found(&r),
        [
            f("E-KAISU-001", 0, 0, Some(10)),
            f("E-KAISU-001", 0, 0, Some(10)),
            f("E-KAISU-002", 0, 0, Some(10))
        ]
    );
    let units: Vec<bool> = r.findings[..2]
        .iter()
        .map(|x| x.source.contains("算定単位コード 121 (日)"))
        .collect();
    assert!(units.contains(&true) && units.contains(&false));
    // once: nothing
    let r = run(e, false, &[("60", &["160061810"], &[(10, 1)])]);
    assert_eq!(found(&r), []);
}

#[test]
fn kaisu_week_unit_is_sunday_to_saturday() {
    let e = with_tables();
    // 心身医学療法 週2回: Mon 3, Wed 5, Fri 7 are one week (2–8) → the third, day 7
    let r = run(
        e,
        false,
        &[("80", &["180020010"], &[(3, 1), (5, 1), (7, 1)])],
    );
    assert_eq!(found(&r), [f("E-KAISU-001", 0, 0, Some(7))]);
    // Thu 6 and Sat 8 in one week, Sun 9 starts the next: 2 + 1
    let r = run(
        e,
        false,
        &[("80", &["180020010"], &[(6, 1), (8, 1), (9, 1)])],
    );
    assert_eq!(found(&r), []);
    // Saturday the 1st: its week began on 26 May, on May's claim
    let r = run(e, false, &[("80", &["180020010"], &[(1, 1)])]);
    assert_eq!(found(&r), [f("I-KAISU-001", 0, 0, Some(1))]);
    assert_eq!(r.findings[0].severity, CheckSeverity::Info);
}

#[test]
fn kaisu_units_longer_than_the_month() {
    let e = with_tables();
    // 骨塩定量検査 ４月に1回: twice this month is over within the month alone (and 上限回数 1)
    let r = run(e, false, &[("60", &["160091310"], &[(4, 1), (18, 1)])]);
    assert_eq!(
        found(&r),
        [
            f("E-KAISU-001", 0, 0, Some(18)),
            f("E-KAISU-002", 0, 0, Some(18))
        ]
    );
    // once: the earlier months decide → info
    let r = run(e, false, &[("60", &["160091310"], &[(4, 1)])]);
    assert_eq!(found(&r), [f("I-KAISU-001", 0, 0, None)]);
    // 患者当り: a lifetime
    let r = run(e, false, &[("13", &["113000310"], &[(4, 1)])]);
    assert_eq!(found(&r), [f("I-KAISU-001", 0, 0, None)]);
    // 一連: not settled by one claim
    let r = run(e, false, &[("13", &["113008410"], &[(4, 1)])]);
    assert_eq!(found(&r), [f("I-KAISU-002", 0, 0, None)]);
    assert_eq!((r.errors, r.infos), (0, 1));
}

#[test]
fn kaisu_special_condition_is_a_warning() {
    let e = with_tables();
    // ＨｂＡ１ｃ 月1回 with 特例条件 1; 上限回数 2 is not exceeded
    let r = run(e, false, &[("60", &["160010010"], &[(3, 1), (17, 1)])]);
    assert_eq!(found(&r), [f("W-KAISU-001", 0, 0, Some(17))]);
    assert_eq!((r.errors, r.warnings), (0, 1));
    let r = run(e, false, &[("60", &["160010010"], &[(3, 1)])]);
    assert_eq!(found(&r), []);
}

// ---- 背反 ----

#[test]
fn haihan_per_day() {
    let e = with_tables();
    // 初診料 and 再診料 the same day: 区分 1 → 再診料 goes
    let r = run(
        e,
        false,
        &[
            ("11", &["111000110"], &[(3, 1)]),
            ("12", &["112007410"], &[(3, 1)]),
        ],
    );
    assert_eq!(found(&r), [f("E-HAIHAN-001", 1, 0, Some(3))]);
    assert!(r.findings[0].source.starts_with("03-1背反テーブル1（1日につき） 列2 診療行為コード① 111000110, 列4 診療行為コード② 112007410, 列6 背反区分 1"));
    // 再診料 the next day
    let r = run(
        e,
        false,
        &[
            ("11", &["111000110"], &[(3, 1)]),
            ("12", &["112007410"], &[(4, 1)]),
        ],
    );
    assert_eq!(found(&r), []);
    // 外来管理加算 (an item of the 再診 line) with 創傷処置 the same day: 区分 2 → 外来管理加算 goes
    let r = run(
        e,
        false,
        &[
            ("12", &["112007410", "112011010"], &[(10, 1)]),
            ("40", &["140000610"], &[(10, 1)]),
        ],
    );
    assert_eq!(found(&r), [f("E-HAIHAN-001", 0, 1, Some(10))]);
    let r = run(
        e,
        false,
        &[
            ("12", &["112007410", "112011010"], &[(10, 1)]),
            ("40", &["140000610"], &[(11, 1)]),
        ],
    );
    assert_eq!(found(&r), []);
}

#[test]
fn haihan_same_month_drops_the_later_one() {
    let e = with_tables();
    let r = run(
        e,
        false,
        &[
            ("13", &["113001810"], &[(5, 1)]),
            ("13", &["113000910"], &[(20, 1)]),
        ],
    );
    assert_eq!(found(&r), [f("E-HAIHAN-002", 1, 0, Some(20))]);
    // the other way round: now 特定疾患療養管理料 is the later one
    let r = run(
        e,
        false,
        &[
            ("13", &["113000910"], &[(5, 1)]),
            ("13", &["113001810"], &[(20, 1)]),
        ],
    );
    assert_eq!(found(&r), [f("E-HAIHAN-002", 1, 0, Some(20))]);
    assert!(r.findings[0].message_ja.starts_with("113001810 "));
    // one of them alone
    let r = run(e, false, &[("13", &["113000910"], &[(5, 1)])]);
    assert_eq!(found(&r), []);
}

#[test]
fn haihan_simultaneous() {
    let e = with_tables();
    // one line: certain; the later item goes
    let r = run(e, false, &[("40", &["140000610", "140000710"], &[(12, 1)])]);
    assert_eq!(found(&r), [f("E-HAIHAN-003", 0, 1, Some(12))]);
    // two lines the same day: a warning
    let r = run(
        e,
        false,
        &[
            ("40", &["140000610"], &[(12, 1)]),
            ("40", &["140000710"], &[(12, 1)]),
        ],
    );
    assert_eq!(found(&r), [f("W-HAIHAN-003", 1, 0, Some(12))]);
    assert_eq!(r.findings[0].severity, CheckSeverity::Warning);
    // different days
    let r = run(
        e,
        false,
        &[
            ("40", &["140000610"], &[(12, 1)]),
            ("40", &["140000710"], &[(13, 1)]),
        ],
    );
    assert_eq!(found(&r), []);
}

#[test]
fn haihan_per_week() {
    let e = with_tables();
    // Sunday 2 and Saturday 8: one week; 区分 1 → 通院精神療法 goes
    let r = run(
        e,
        false,
        &[
            ("80", &["180020010"], &[(2, 1)]),
            ("80", &["180067310"], &[(8, 1)]),
        ],
    );
    assert_eq!(found(&r), [f("E-HAIHAN-004", 1, 0, Some(8))]);
    // Saturday 8 and Sunday 9: two weeks
    let r = run(
        e,
        false,
        &[
            ("80", &["180020010"], &[(8, 1)]),
            ("80", &["180067310"], &[(9, 1)]),
        ],
    );
    assert_eq!(found(&r), []);
}

// ---- 包括 ----

#[test]
fn houkatsu_per_day_and_same_month() {
    let e = with_tables();
    // 外来診療料 includes 尿一般 the same day
    let r = run(
        e,
        true,
        &[
            ("12", &["112011310"], &[(3, 1)]),
            ("60", &["160000310"], &[(3, 1)]),
        ],
    );
    assert_eq!(found(&r), [f("E-HOUKATSU-001", 1, 0, Some(3))]);
    assert_eq!(r.findings[0].source, "01補助マスターテーブル 112011310 包括単位 1 グループ番号 A000002; 02包括テーブル A000002 列3 160000310 列5 特例条件 0");
    let r = run(
        e,
        true,
        &[
            ("12", &["112011310"], &[(3, 1)]),
            ("60", &["160000310"], &[(4, 1)]),
        ],
    );
    assert_eq!(found(&r), []);
    // 地域包括診療料 includes 末梢血液一般 anywhere in the month; ＢＵＮ is not in its group
    let r = run(
        e,
        false,
        &[
            ("13", &["113024810"], &[(3, 1)]),
            ("60", &["160008010"], &[(25, 1)]),
            ("60", &["160019010"], &[(25, 1)]),
        ],
    );
    assert_eq!(found(&r), [f("E-HOUKATSU-001", 1, 0, Some(25))]);
}

#[test]
fn houkatsu_operation_units() {
    let e = with_tables();
    // 手術前1週間: day 8 is 7 days before the 15th (in), day 7 is 8 days before (out)
    let r = run(
        e,
        false,
        &[
            ("50", &["190873110"], &[(15, 1)]),
            ("60", &["160000310"], &[(8, 1)]),
        ],
    );
    assert_eq!(found(&r), [f("E-HOUKATSU-001", 1, 0, Some(8))]);
    let r = run(
        e,
        false,
        &[
            ("50", &["190873110"], &[(15, 1)]),
            ("60", &["160000310"], &[(7, 1)]),
        ],
    );
    assert_eq!(found(&r), []);
    // 1手術: 創傷処置 on the day of 皮膚切開術, not the day after
    let r = run(
        e,
        false,
        &[
            ("50", &["150001810"], &[(12, 1)]),
            ("40", &["140000610"], &[(12, 1)]),
        ],
    );
    assert_eq!(found(&r), [f("E-HOUKATSU-001", 1, 0, Some(12))]);
    let r = run(
        e,
        false,
        &[
            ("50", &["150001810"], &[(12, 1)]),
            ("40", &["140000610"], &[(13, 1)]),
        ],
    );
    assert_eq!(found(&r), []);
    // 同時: in the 手術's line (error) or on another line the same day (warning)
    let r = run(e, false, &[("50", &["150001810", "140000710"], &[(12, 1)])]);
    assert_eq!(found(&r), [f("E-HOUKATSU-001", 0, 1, Some(12))]);
    let r = run(
        e,
        false,
        &[
            ("50", &["150001810"], &[(12, 1)]),
            ("40", &["140000710"], &[(12, 1)]),
        ],
    );
    assert_eq!(found(&r), [f("W-HOUKATSU-001", 1, 0, Some(12))]);
}

// ---- values the checks do not evaluate, and 特例条件 ----

#[test]
fn unknown_values_are_reported_not_evaluated() {
    let e = with_tables();
    // 03-1 ＢＵＮ / ＡＳＴ with 背反区分 9 (outside 1–3): info at the first of the two
    let r = run(
        e,
        false,
        &[
            ("60", &["160019010"], &[(3, 1)]),
            ("60", &["160022510"], &[(3, 1)]),
        ],
    );
    assert_eq!(found(&r), [f("I-HAIHAN-005", 0, 0, None)]);
    // Ｔｃｈｏ's 包括単位 4 (group A000006: ＡＳＴ): info once the member is billed, and the 03-2
    // row Ｔｃｈｏ / ＡＳＴ (区分 3, 特例条件 1) → a warning at the later one, ＡＳＴ on the 20th
    let r = run(
        e,
        false,
        &[
            ("60", &["160022410"], &[(5, 1)]),
            ("60", &["160022510"], &[(20, 1)]),
        ],
    );
    assert_eq!(
        found(&r),
        [
            f("I-HOUKATSU-002", 0, 0, None),
            f("W-HAIHAN-002", 1, 0, Some(20))
        ]
    );
    assert_eq!((r.errors, r.warnings, r.infos), (0, 1, 1));
    // Ｔｃｈｏ alone: neither
    let r = run(e, false, &[("60", &["160022410"], &[(5, 1)])]);
    assert_eq!(found(&r), []);
}

// ---- without the 電子点数表 ----

#[test]
fn without_tables_only_the_master_limit_runs() {
    let e = without_tables();
    let r = run(
        e,
        false,
        &[
            ("11", &["111000110"], &[(3, 1)]),
            ("12", &["112007410"], &[(3, 1)]),
        ],
    );
    assert!(!r.tensuhyo);
    assert_eq!(found(&r), []);
    let r = run(
        e,
        false,
        &[("13", &["113001810"], &[(5, 1), (12, 1), (19, 1)])],
    );
    assert_eq!(found(&r), [f("E-KAISU-002", 0, 0, Some(19))]);
    let r = run(e, false, &[("80", &["180020010"], &[(1, 1)])]);
    assert_eq!(found(&r), []);
}
