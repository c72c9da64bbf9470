//! `santei check FILE.UKE` end to end: a UKE file (told by its content, first record `IR,`) is
//! checked receipt by receipt, each receipt named by its レセプト番号, with the same table and the
//! core's CheckUkeResponse as JSON.

use santei_core::uke::{read_uke, write_uke, UkeFile};
use santei_core::Engine;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Runs `santei ARGS` with `stdin` on standard input: (exit code, stdout, stderr).
fn santei(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_santei"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let bytes = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&bytes);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

fn uke_path(name: &str) -> PathBuf {
    root().join("tests/uke").join(name)
}

/// A file in this test's own folder.
fn temp_file(test: &str, name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "santei-cli-check-uke-{test}-{}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// `n` receipts: those of tests/uke/check-2024-06.UKE in turn (1 clean, 2 with two errors),
/// renumbered 1…n, and a GO with the matching 総件数 and 総合計点数.
fn generated(n: u32) -> Vec<u8> {
    let base = read_uke(&std::fs::read(uke_path("check-2024-06.UKE")).unwrap()).unwrap();
    assert_eq!(base.receipts.len(), 2);
    let per_file = base.go.total_points.unwrap();
    let mut file = UkeFile {
        ir: base.ir.clone(),
        receipts: Vec::new(),
        go: base.go.clone(),
        eof_mark: base.eof_mark,
    };
    for i in 0..n {
        let mut r = base.receipts[i as usize % 2].clone();
        r.re.receipt_no = i + 1;
        file.receipts.push(r);
    }
    file.go.total_receipts = Some(n);
    file.go.total_points = Some(per_file * u64::from(n) / 2);
    let bytes = write_uke(&file).unwrap();
    // what was written reads back as the same file
    assert_eq!(read_uke(&bytes).unwrap(), file);
    bytes
}

#[test]
fn a_uke_file_prints_the_table_with_receipt_numbers() {
    let file = uke_path("check-2024-06.UKE");
    let (code, out, err) = santei(&["check", file.to_str().unwrap()], b"");
    assert_eq!(code, 1, "receipt 2 has error findings: {err}");
    assert_eq!(err, "", "2 receipts: no progress");
    let rows: Vec<&str> = out.lines().collect();
    assert_eq!(rows.len(), 4, "header, two findings, summary:\n{out}");
    for column in [
        "claim", "line", "item", "day", "code", "severity", "message", "source",
    ] {
        assert!(rows[0].contains(column), "{out}");
    }
    // receipt 2: 実日数 on the whole receipt first, then 乳幼児加算 (line 1, item 2, day 3)
    let row: Vec<&str> = rows[1].split_whitespace().collect();
    assert_eq!(
        &row[..6],
        ["2", "-", "-", "-", "E-JITSU-001", "error"],
        "{out}"
    );
    let row: Vec<&str> = rows[2].split_whitespace().collect();
    assert_eq!(
        &row[..6],
        ["2", "1", "2", "3", "E-AGE-001", "error"],
        "{out}"
    );
    assert_eq!(
        rows[3],
        "2 receipts: 2 errors, 0 warnings, 0 infos (1 receipt with errors)"
    );
}

#[test]
fn a_uke_file_as_json_is_the_core_response() {
    let bytes = std::fs::read(uke_path("check-2024-06.UKE")).unwrap();
    // from standard input: told by its content, not its name
    let (code, out, err) = santei(&["check", "--format", "json", "-"], &bytes);
    assert_eq!(code, 1, "{err}");
    let got: serde_json::Value = serde_json::from_str(&out).unwrap();
    let engine = Engine::from_dir(&root().join("masters")).unwrap();
    let want = serde_json::to_value(engine.check_uke(&bytes).unwrap()).unwrap();
    assert_eq!(got, want);
    assert_eq!(got["receipts"][1]["receiptNo"], 2);
    assert_eq!(got["errors"], 2);
}

#[test]
fn a_broken_uke_file_is_exit_code_2_naming_the_line() {
    let file = uke_path("broken-points.UKE");
    let (code, out, err) = santei(&["check", file.to_str().unwrap()], b"");
    assert_eq!(code, 2, "{err}");
    assert_eq!(out, "");
    assert_eq!(
        err,
        "santei: SANTEI_PARSE_ERROR: line 5: SI field 6 (点数): expected a number of at most 7 digits, found \"29X\"\n"
    );
    let file = uke_path("broken-truncated.UKE");
    let (code, out, err) = santei(&["check", file.to_str().unwrap()], b"");
    assert_eq!(code, 2, "{err}");
    assert_eq!(out, "");
    assert!(
        err.starts_with("santei: SANTEI_PARSE_ERROR: line 10: "),
        "{err}"
    );
}

#[test]
fn a_uke_file_of_1000_receipts_shows_progress_on_stderr_only() {
    let path = temp_file("1000", "RECEIPTC.UKE", &generated(1000));
    let (code, out, err) = santei(&["check", path.to_str().unwrap()], b"");
    assert_eq!(code, 1, "{err}");
    // standard output is the table alone: header, 2 findings on each even receipt, summary
    assert!(!out.contains("/1000"), "progress leaked to stdout");
    let rows: Vec<&str> = out.lines().collect();
    assert_eq!(rows.len(), 1 + 500 * 2 + 1);
    assert_eq!(
        rows.last().unwrap(),
        &"1000 receipts: 1000 errors, 0 warnings, 0 infos (500 receipts with errors)"
    );
    // the claim column is the レセプト番号: the last finding is on receipt 1000
    assert_eq!(rows[rows.len() - 2].split_whitespace().next(), Some("1000"));
    // not a terminal: a plain line at every tenth, ending with the total
    let progress: Vec<&str> = err.lines().collect();
    assert_eq!(progress.len(), 10, "{err}");
    assert_eq!(progress[0], "santei check: 100/1000 receipts");
    assert_eq!(progress[9], "santei check: 1000/1000 receipts");

    // JSON: the same file, the core's response, progress again on standard error only
    let (code, out, err) = santei(&["check", "--format", "json", path.to_str().unwrap()], b"");
    assert_eq!(code, 1);
    let got: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(got["receipts"].as_array().unwrap().len(), 1000);
    assert_eq!(got["receipts"][999]["receiptNo"], 1000);
    assert_eq!(got["receipts"][999]["check"]["errors"], 2);
    assert_eq!(got["receipts"][998]["check"]["errors"], 0);
    assert_eq!(got["errors"], 1000);
    assert!(err.ends_with("santei check: 1000/1000 receipts\n"), "{err}");
}
