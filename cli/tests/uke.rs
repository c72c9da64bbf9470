//! `santei uke read` / `santei uke write` end to end: a UKE file read to JSON and written back is
//! the same bytes.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

fn temp_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("santei-cli-uke-{test}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn round_trip(test: &str, file: &str) {
    let original = root().join(file);
    let dir = temp_dir(test);
    let out = Command::new(env!("CARGO_BIN_EXE_santei"))
        .args(["uke", "read", "--format", "json"])
        .arg(&original)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(json["receipts"].is_array(), "{json}");
    let json_path = dir.join("file.json");
    std::fs::write(&json_path, &out.stdout).unwrap();
    let uke_path = dir.join("OUT.UKE");
    let out = Command::new(env!("CARGO_BIN_EXE_santei"))
        .args(["uke", "write"])
        .arg(&json_path)
        .arg("-o")
        .arg(&uke_path)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty());
    assert!(
        std::fs::read(&uke_path).unwrap() == std::fs::read(&original).unwrap(),
        "{file}: read → write is not byte-identical"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn read_then_write_gives_the_same_bytes() {
    round_trip("hand", "tests/uke/check-2024-06.UKE");
    round_trip(
        "sample",
        "core/tests/data/uke/RECEIPTC_GAIRAI_SAMPLE.excerpt.cp932.UKE",
    );
}

#[test]
fn errors_exit_2_naming_the_field() {
    let out = Command::new(env!("CARGO_BIN_EXE_santei"))
        .args(["uke", "read"])
        .arg(root().join("tests/uke/broken-points.UKE"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("SANTEI_PARSE_ERROR") && err.contains("line 5"),
        "{err}"
    );

    let dir = temp_dir("errors");
    let json_path = dir.join("bad.json");
    std::fs::write(&json_path, "{\"ir\":").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_santei"))
        .args(["uke", "write"])
        .arg(&json_path)
        .args(["-o", "-"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("SANTEI_PARSE_ERROR"));
    std::fs::remove_dir_all(&dir).unwrap();
}
