//! Loading the real bundled 令和6 masters, and the typed errors of damaged ones.

use santei_core::model::{CalcRequest, Severity};
use santei_core::{wire, Engine, ErrorCode};
use std::io::Read;
use std::path::Path;

fn bundled(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../masters/2024-06-01")
            .join(name),
    )
    .unwrap()
}

/// The CSV inside an official zip, byte for byte.
fn unzip(name: &str) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bundled(name))).unwrap();
    let mut entry = archive.by_index(0).unwrap();
    let mut out = Vec::new();
    entry.read_to_end(&mut out).unwrap();
    out
}

/// Byte span of the value of 1-based column `col` in row 1 (every field is double-quoted).
fn field_span(csv: &[u8], col: usize) -> (usize, usize) {
    let mut start = 1; // after the opening quote of field 1
    for _ in 1..col {
        start += csv[start..].windows(3).position(|w| w == b"\",\"").unwrap() + 3;
    }
    let end = start + csv[start..].iter().position(|&b| b == b'"').unwrap();
    (start, end)
}

fn request(date: &str, code: &str) -> CalcRequest {
    wire::parse_request(
        format!(
            r#"{{"serviceDate":"{date}","patient":{{"birthDate":"1989-04-10","sex":"male"}},
                "insurance":{{"insurerType":"shaho","relation":"honnin"}},"orders":[{{"code":"{code}"}}]}}"#
        )
        .as_bytes(),
    )
    .unwrap()
}

#[test]
fn official_full_files_have_every_row() {
    // the full files alone: s_ALL20240531 10,133 rows, y_ALL20240321 19,686 (40-column layout)
    let engine = Engine::from_files(&[
        ("2024-06-01/s_20240531.zip", bundled("s_20240531.zip")),
        ("2024-06-01/y_ALL20240321.zip", bundled("y_ALL20240321.zip")),
        ("2024-06-01/t_ALL20240315.zip", bundled("t_ALL20240315.zip")),
        ("2024-06-01/c_ALL20230801.zip", bundled("c_ALL20230801.zip")),
        ("2024-06-01/b_20240601.zip", bundled("b_20240601.zip")),
        ("2024-06-01/z_20250601.zip", bundled("z_20250601.zip")),
    ])
    .unwrap();
    let g = &engine.masters().generations()[0];
    assert_eq!(g.effective_date().to_string(), "2024-06-01");
    assert_eq!(g.procedures.len(), 10_133);
    assert_eq!(g.drugs.len(), 19_686);
    assert_eq!(g.materials.len(), 1_334); // t_ALL20240315: 1,334 × 38
    assert_eq!(g.comments.len(), 3_065); // c_ALL20230801: 3,065 × 30
    assert_eq!(g.diseases.len(), 27_437); // b_20240601: 27,437 × 46
    assert_eq!(g.modifiers.len(), 2_375); // z_20250601: 2,375 × 19
    let shoshin = g.procedures.latest("111000110").unwrap();
    assert_eq!(
        (shoshin.points_x100, shoshin.old_points_x100),
        (29_100, Some(28_800))
    );
    assert_eq!(shoshin.kubun, "A000");
    let gaster = g.drugs.latest("610406079").unwrap();
    assert_eq!(
        (gaster.price_sen, gaster.old_price_sen, gaster.form.code()),
        (1650, Some(2410), 1)
    );
    assert_eq!(gaster.generic_name, "【般】ファモチジン散２％");
    let film = g.materials.latest("700010000").unwrap(); // 半切 120.00円, 別表 3
    assert_eq!(
        (film.name.as_str(), film.price_sen, film.table_no),
        ("半切", 12_000, 3)
    );
    let comment = g.comments.latest("820100001").unwrap();
    assert_eq!((comment.pattern, comment.serial), (20, 100_001));
    let suspected = g.modifiers.latest("8002").unwrap();
    assert_eq!(suspected.name, "の疑い");
    assert!(suspected.is_suffix());
    let uncoded = g.diseases.latest("0000999").unwrap();
    assert_eq!(uncoded.full_name, "＊＊　未コード化傷病名　＊＊");
}

#[test]
fn extracted_csv_and_zip_load_the_same() {
    let from_csv =
        Engine::from_files(&[("2024-06-01/s_ALL20240531.csv", unzip("s_20240531.zip"))]).unwrap();
    let from_zip =
        Engine::from_files(&[("2024-06-01/s_20240531.zip", bundled("s_20240531.zip"))]).unwrap();
    let a = &from_csv.masters().generations()[0].procedures;
    let b = &from_zip.masters().generations()[0].procedures;
    assert_eq!(a.len(), b.len());
    assert_eq!(a.latest("160008010"), b.latest("160008010"));
}

#[test]
fn truncated_master_names_file_and_line() {
    let csv = unzip("s_20240531.zip");
    // cut in the middle of row 3 (each row of s_ALL20240531 is one CRLF-terminated line)
    let third_row_start = csv
        .windows(2)
        .enumerate()
        .filter(|(_, w)| w == b"\r\n")
        .nth(1)
        .unwrap()
        .0
        + 2;
    let cut = &csv[..third_row_start + 40];
    let err = Engine::from_files(&[("2024-06-01/s_ALL20240531.csv", cut)])
        .err()
        .unwrap();
    assert_eq!(err.code, ErrorCode::MasterError);
    assert!(
        err.message
            .starts_with("2024-06-01/s_ALL20240531.csv: line 3: "),
        "{}",
        err.message
    );
    assert!(
        err.message.contains("expected 150 fields"),
        "{}",
        err.message
    );
}

#[test]
fn malformed_field_names_line_column_and_field() {
    let csv = unzip("s_20240531.zip");
    // row 1 is 初診料 111000110 with 新又は現点数 "291.00" (column 12)
    let (start, end) = field_span(&csv, 12);
    assert_eq!(&csv[start..end], b"291.00");
    let mut damaged = csv.clone();
    damaged[start..end].copy_from_slice(b"29X.00");
    let err = Engine::from_files(&[("2024-06-01/s_ALL20240531.csv", damaged)])
        .err()
        .unwrap();
    assert_eq!(err.code, ErrorCode::MasterError);
    assert_eq!(
        err.message,
        "2024-06-01/s_ALL20240531.csv line 1 column 12 (新又は現点数): expected a decimal number like 291.00, found \"29X.00\""
    );
}

#[test]
fn damaged_zip_is_a_master_error() {
    let mut zip = bundled("y_ALL20240321.zip");
    zip.truncate(zip.len() / 2);
    let err = Engine::from_files(&[("2024-06-01/y_ALL20240321.zip", zip)])
        .err()
        .unwrap();
    assert_eq!(err.code, ErrorCode::MasterError);
    assert!(
        err.message.starts_with("2024-06-01/y_ALL20240321.zip: "),
        "{}",
        err.message
    );
}

#[test]
fn rows_published_ahead_of_their_date_use_the_old_points() {
    // The 令和6 file in a generation that starts earlier: before 変更年月日 2024-06-01 the row's
    // 旧点数 (令和4: 初診料 288) applies, from 2024-06-01 the new 291.
    let engine =
        Engine::from_files(&[("2024-04-01/s_20240531.zip", bundled("s_20240531.zip"))]).unwrap();
    let before = engine
        .calculate(&request("2024-05-31", "111000110"))
        .unwrap();
    assert_eq!(before.total_points, 288);
    let after = engine
        .calculate(&request("2024-06-01", "111000110"))
        .unwrap();
    assert_eq!(after.total_points, 291);
}

#[test]
fn abolished_code_is_a_finding_from_the_day_after_its_last_day() {
    let csv = unzip("s_20240531.zip");
    // give 初診料 (row 1) a 廃止年月日 of 2024-06-30: usable through that day, not after
    let mut damaged = csv.clone();
    let (start, end) = field_span(&csv, 88); // 廃止年月日 of row 1
    assert_eq!(&csv[start..end], b"99999999");
    damaged[start..end].copy_from_slice(b"20240630");
    let engine = Engine::from_files(&[("2024-06-01/s_ALL20240531.csv", damaged)]).unwrap();
    let ok = engine
        .calculate(&request("2024-06-30", "111000110"))
        .unwrap();
    assert_eq!(ok.total_points, 291);
    let gone = engine
        .calculate(&request("2024-07-01", "111000110"))
        .unwrap();
    assert_eq!(gone.total_points, 0);
    assert!(gone.copay.is_none());
    assert_eq!(gone.findings.len(), 1);
    assert_eq!(gone.findings[0].code, "CODE_ABOLISHED");
    assert_eq!(gone.findings[0].severity, Severity::Error);
    assert_eq!(
        gone.findings[0].message,
        "111000110 初診料 may be used only until 2024-06-30 (廃止年月日)"
    );
}

#[test]
fn two_generations_each_date_uses_its_own() {
    let engine = Engine::from_files(&[
        ("2024-06-01/s_20240531.zip", bundled("s_20240531.zip")),
        ("2024-06-01/y_ALL20240321.zip", bundled("y_ALL20240321.zip")),
        ("2025-04-01/s_20240531.zip", bundled("s_20240531.zip")),
    ])
    .unwrap();
    assert_eq!(
        engine
            .calculate(&request("2025-03-31", "111000110"))
            .unwrap()
            .master_generation,
        "2024-06-01"
    );
    assert_eq!(
        engine
            .calculate(&request("2025-04-01", "111000110"))
            .unwrap()
            .master_generation,
        "2025-04-01"
    );
    let err = engine
        .calculate(&request("2024-05-31", "111000110"))
        .err()
        .unwrap();
    assert_eq!(err.code, ErrorCode::CalcError);
    assert_eq!(
        err.message,
        "no master generation in force on 2024-05-31 (loaded: 2024-06-01, 2025-04-01)"
    );
}
