//! Master generations and the monthly 差分 files on the real official data: the 令和2 → 令和4 →
//! 令和6 改定 replayed from ../shared/data/masters (set SANTEI_OFFICIAL_MASTERS to move it).

use santei_core::masters::diff::DiffRequest;
use santei_core::masters::{Lookup, MasterKind, TensuhyoFile};
use santei_core::{wire, Engine, ErrorCode};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

fn official() -> PathBuf {
    let dir = std::env::var_os("SANTEI_OFFICIAL_MASTERS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/data/masters"));
    assert!(
        dir.join("full/s_ALL20220218.zip").is_file(),
        "the official masters are expected in {} (set SANTEI_OFFICIAL_MASTERS)",
        dir.display()
    );
    dir
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// s_ALL20220218 (令和2 generation as of 2022-02-18) plus every s 差分 published up to 2024-05-30,
/// as generation folder `gen`.
fn reiwa2_with_updates(gen: &str) -> Vec<(String, Vec<u8>)> {
    let dir = official();
    let mut files = vec![(
        format!("{gen}/s_ALL20220218.zip"),
        read(&dir.join("full/s_ALL20220218.zip")),
    )];
    let mut updates: Vec<PathBuf> = std::fs::read_dir(dir.join("updates"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy().into_owned();
            n.starts_with("s_") && n[2..10] <= *"20240530"
        })
        .collect();
    updates.sort();
    assert_eq!(
        updates.len(),
        58,
        "s 差分 files from s_20220304 to s_20240530"
    );
    for p in updates {
        files.push((
            format!("{gen}/{}", p.file_name().unwrap().to_string_lossy()),
            read(&p),
        ));
    }
    files
}

fn reiwa6_full(gen: &str) -> (String, Vec<u8>) {
    (
        format!("{gen}/s_20240531.zip"),
        read(&official().join("full/s_20240531.zip")),
    )
}

fn diff(
    engine: &Engine,
    from: &str,
    to: &str,
    codes: &[&str],
) -> santei_core::masters::diff::DiffResponse {
    engine
        .diff_masters(&DiffRequest {
            from: from.into(),
            to: to.into(),
            kinds: vec!["s".into()],
            codes: codes.iter().map(|c| c.to_string()).collect(),
        })
        .unwrap()
}

#[test]
fn replaying_the_updates_gives_the_official_reiwa6_file() {
    // The 差分 files up to 2024-05-30 carry the 令和6 rows ahead of time (変更年月日 2024-06-01):
    // the state they give for 2024-06-01 must be the official s_ALL20240531, row for row.
    let replayed = Engine::from_files(&reiwa2_with_updates("2020-04-01")).unwrap();
    let official = Engine::from_files(&[reiwa6_full("2024-06-01")]).unwrap();
    let d = replayed
        .diff_with("2024-06-01", &official, "2024-06-01", &["s".into()], &[])
        .unwrap();
    assert_eq!(
        d.changes,
        vec![],
        "replayed 差分 and the official full file differ"
    );
    // and the 令和4 state a day earlier is what the 2024 改定 changed
    let d = replayed
        .diff_with("2024-05-31", &official, "2024-06-01", &["s".into()], &[])
        .unwrap();
    let c = &d.counts[0];
    // counted by an independent replay of the raw files (a Python script over the same CSVs)
    assert_eq!(
        (c.added, c.abolished, c.repriced, c.renamed),
        (1769, 607, 1507, 514)
    );
}

#[test]
fn the_2024_kaitei_between_two_generations() {
    let mut files = reiwa2_with_updates("2020-04-01");
    files.push(reiwa6_full("2024-06-01"));
    let engine = Engine::from_files(&files).unwrap();
    let d = diff(
        &engine,
        "2024-05-31",
        "2024-06-01",
        &["111000110", "112007410", "160008010"],
    );
    assert_eq!(d.from.generation, "2020-04-01");
    assert_eq!(d.to.generation, "2024-06-01");
    let got: Vec<(&str, &str, Option<&str>, Option<&str>)> = d
        .changes
        .iter()
        .map(|e| {
            (
                e.code.as_str(),
                e.change.as_str(),
                e.old.as_deref(),
                e.new.as_deref(),
            )
        })
        .collect();
    // 初診料 288 → 291, 再診料 73 → 75 (令和6 改定); 末梢血液一般検査 21 unchanged
    assert_eq!(
        got,
        vec![
            ("111000110", "repriced", Some("288.00"), Some("291.00")),
            ("112007410", "repriced", Some("73.00"), Some("75.00")),
        ]
    );
    // the same claim on each side of the 施行日, with no code change
    let claim = |date: &str| {
        let req = wire::parse_request(
            format!(
                r#"{{"serviceDate":"{date}","patient":{{"birthDate":"1989-04-10","sex":"male"}},
                "insurance":{{"insurerType":"shaho","relation":"honnin"}},"orders":[{{"code":"111000110"}},{{"code":"160008010"}}]}}"#
            )
            .as_bytes(),
        )
        .unwrap();
        engine.calculate(&req).unwrap()
    };
    // 末梢血液一般検査 brings its 血液学的検査判断料 (D026, 125点 in both generations)
    let before = claim("2024-05-31");
    assert_eq!(
        (before.master_generation.as_str(), before.total_points),
        ("2020-04-01", 288 + 21 + 125)
    );
    let after = claim("2024-06-01");
    assert_eq!(
        (after.master_generation.as_str(), after.total_points),
        ("2024-06-01", 291 + 21 + 125)
    );
}

#[test]
fn reiwa4_kaitei_arrives_through_the_march_2022_updates() {
    // s_ALL20220218 is 令和2; its March 2022 差分 carry the 令和4 改定 (変更年月日 2022-04-01)
    let engine = Engine::from_files(&reiwa2_with_updates("2020-04-01")).unwrap();
    let g = &engine.masters().generations()[0];
    let date = |s: &str| santei_core::date::parse_iso(s).unwrap();
    // 111013970 is abolished by s_20220304 (廃止, 変更年月日 2022-04-01, 廃止年月日 2022-03-31)
    assert!(matches!(
        g.procedures.get("111013970", date("2022-03-31")),
        Lookup::Valid(_)
    ));
    assert!(matches!(
        g.procedures.get("111013970", date("2022-04-01")),
        Lookup::Abolished(_)
    ));
    // 111014210 初診料（情報通信機器） is new from 2022-04-01 (新規 in s_20220304): not yet on 03-31
    assert!(matches!(
        g.procedures.get("111014210", date("2022-03-31")),
        Lookup::NotYet(_)
    ));
    match g.procedures.get("111014210", date("2022-04-01")) {
        Lookup::Valid(r) => assert_eq!(r.points_x100, 25_100),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_forty_two_column_update_merges_onto_the_forty_column_full_file() {
    // y_ALL20240321 has the 40-column layout; y_20240906 the 42-column one (41 長期収載品関連,
    // 42 選定療養区分). Its 変更 row for ガスター散２％ fills only 変更年月日 2024-10-01 and column 42.
    let dir = official();
    let engine = Engine::from_files(&[
        (
            "2024-06-01/s_20240531.zip".to_string(),
            read(&dir.join("full/s_20240531.zip")),
        ),
        (
            "2024-06-01/y_ALL20240321.zip".to_string(),
            read(&dir.join("full/y_ALL20240321.zip")),
        ),
        (
            "2024-06-01/y_20240906.csv".to_string(),
            read(&dir.join("updates/y_20240906.csv")),
        ),
    ])
    .unwrap();
    let g = &engine.masters().generations()[0];
    let versions = g.drugs.versions("610406079");
    assert_eq!(versions.len(), 2);
    assert_eq!(
        (versions[0].changed, versions[0].selective_care),
        (20240401, 0)
    );
    assert_eq!(
        (
            versions[1].changed,
            versions[1].selective_care,
            versions[1].price_sen
        ),
        (20241001, 1, 1650)
    );
    assert_eq!(
        versions[1].name, "ガスター散２％",
        "unchanged fields come from the full file"
    );
}

#[test]
fn an_update_before_its_full_file_is_refused() {
    let dir = official();
    let err = Engine::from_files(&[
        (
            "2024-06-01/s_20240621.csv".to_string(),
            read(&dir.join("updates/s_20240621.csv")),
        ),
        (
            "2024-06-01/y_20240417.csv".to_string(),
            read(&dir.join("updates/y_20240417.csv")),
        ),
        reiwa6_full("2024-06-01"),
    ])
    .err()
    .unwrap();
    assert_eq!(err.code, ErrorCode::MasterError);
    assert_eq!(
        err.message,
        "2024-06-01/y_20240417.csv: a 差分 file of the 医薬品マスター comes before any full file (…_ALL…) in generation 2024-06-01"
    );
}

/// Damages one field of row 1 of the CSV inside an official zip.
fn damaged_first_row(zip_name: &str, col: usize, value: &str) -> (String, Vec<u8>) {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(read(
        &official().join("full").join(zip_name),
    )))
    .unwrap();
    let mut entry = archive.by_index(0).unwrap();
    let member = entry.name().to_string();
    let mut csv = Vec::new();
    entry.read_to_end(&mut csv).unwrap();
    let mut start = 1;
    for _ in 1..col {
        start += csv[start..].windows(3).position(|w| w == b"\",\"").unwrap() + 3;
    }
    let end = start + csv[start..].iter().position(|&b| b == b'"').unwrap();
    csv.splice(start..end, value.bytes());
    (format!("2024-06-01/{member}"), csv)
}

#[test]
fn a_malformed_row_of_each_master_names_file_line_column_and_form() {
    let cases = [
        ("y_ALL20240321.zip", 12, "1x.00", "y_ALL20240321.csv line 1 column 12 (新又は現金額): expected a decimal number like 291.00, found \"1x.00\""),
        ("t_ALL20240315.zip", 28, "2024060", "t_ALL20240315.csv line 1 column 28 (変更年月日): expected a date YYYYMMDD, found \"2024060\""),
        ("c_ALL20230801.zip", 23, "820100009", "c_ALL20230801.csv line 1 column 23 (コメントコード): 820100009 is not 区分 8 + パターン 20 + 一連番号 100001"),
        ("b_20240601.zip", 3, "99", "b_20240601.txt line 1 column 3 (傷病名コード): expected 7 digits, found \"99\""),
        ("z_20250601.zip", 16, "9999", "z_20250601.txt line 1 column 16 (廃止年月日): expected a date YYYYMMDD, found \"9999\""),
        ("s_20240531.zip", 11, "2", "s_ALL20240531.csv line 1 column 11 (点数識別): unknown code 2"),
    ];
    for (zip, col, value, message) in cases {
        let (name, bytes) = damaged_first_row(zip, col, value);
        let mut files = vec![(name, bytes)];
        if !zip.starts_with("s_") {
            files.push(reiwa6_full("2024-06-01"));
        }
        let err = Engine::from_files(&files)
            .err()
            .unwrap_or_else(|| panic!("{zip}: loaded"));
        assert_eq!(err.code, ErrorCode::MasterError, "{zip}");
        assert_eq!(err.message, format!("2024-06-01/{message}"), "{zip}");
    }
}

#[test]
fn tensuhyo_files_load_with_the_generation() {
    // 電子点数表 rows in the official layouts, CP932, inside a zip with CP932 member names
    let sjis = |s: &str| encoding_rs::SHIFT_JIS.encode(s).0.into_owned();
    let tables = [
        ("01補助マスターテーブル.csv", "\"0\",\"112011010\",\"外来管理加算\",\"0\",\"\",\"0\",\"\",\"0\",\"\",\"1\",\"0\",\"0\",\"0\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"0\",\"\",\"\",\"\",\"\",\"20240601\",\"99999999\"\r\n"),
        ("03-1背反テーブル1.csv", "\"0\",\"112011010\",\"外来管理加算\",\"140000610\",\"創傷処置（１００ｃｍ２未満）\",\"2\",\"0\",\"\",\"20240601\",\"99999999\"\r\n"),
        ("05算定回数テーブル.csv", "\"0\",\"113001810\",\"特定疾患療養管理料（診療所）\",\"131\",\"月\",\"2\",\"0\",\"\",\"\",\"\",\"\",\"\",\"20240601\",\"99999999\"\r\n"),
    ];
    let mut zip_bytes = Vec::new();
    {
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(&mut zip_bytes));
        for (name, text) in tables {
            w.start_file(name, zip::write::SimpleFileOptions::default())
                .unwrap();
            w.write_all(&sjis(text)).unwrap();
        }
        w.finish().unwrap();
    }
    let engine = Engine::from_files(&[
        reiwa6_full("2024-06-01"),
        ("2024-06-01/tensuhyo_02.zip".into(), zip_bytes),
    ])
    .unwrap();
    let g = &engine.masters().generations()[0];
    let counts = g.tensuhyo.counts();
    assert_eq!(
        (counts.hojo, counts.haihan_per_day, counts.santei_kaisu),
        (1, 1, 1)
    );
    let date = santei_core::date::parse_iso("2024-06-03").unwrap();
    let pair: Vec<String> = g
        .tensuhyo
        .haihan(
            santei_core::masters::tensuhyo::HaihanUnit::PerDay,
            "140000610",
            date,
        )
        .map(|m| m.other_code().to_string())
        .collect();
    assert_eq!(pair, vec!["112011010"]);
    assert!(g.skipped.is_empty());
    assert!(TensuhyoFile::ALL.len() == 8);
    assert_eq!(g.count(MasterKind::Procedure), 10_133);
}
