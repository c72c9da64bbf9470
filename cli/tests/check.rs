//! `santei check` end to end: one claim, a JSON array, NDJSON (from a file or standard input).

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

fn vector(name: &str) -> serde_json::Value {
    let path = root().join("tests/vectors/check").join(name);
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

/// A file in this test's own folder.
fn temp_file(test: &str, name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("santei-cli-check-{test}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn ndjson(claims: &[&serde_json::Value]) -> String {
    claims
        .iter()
        .map(|c| serde_json::to_string(c).unwrap() + "\n")
        .collect()
}

#[test]
fn check_prints_a_table_of_findings_and_a_summary() {
    let clean = vector("check-clean-shoshin-saishin.json");
    let abolished = vector("check-master-abolished.json");
    let unknown = vector("check-master-unknown-code.json");
    let claims = serde_json::json!([clean["request"], abolished["request"], unknown["request"]]);
    let file = temp_file(
        "table",
        "claims.json",
        &serde_json::to_vec(&claims).unwrap(),
    );
    let masters = root().join("masters");
    let (code, out, err) = santei(
        &[
            "check",
            "--masters",
            masters.to_str().unwrap(),
            file.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(code, 1, "an error-severity finding is exit code 1: {err}");
    assert_eq!(err, "", "3 claims: no progress");
    let rows: Vec<&str> = out.lines().collect();
    assert_eq!(
        rows.len(),
        4,
        "header, one row per finding, summary:\n{out}"
    );
    for column in [
        "claim", "line", "item", "day", "code", "severity", "message", "source",
    ] {
        assert!(rows[0].contains(column), "{out}");
    }
    // claim 2: 111703170 廃止 2024-11-30, billed on 12/2 (line 2, item 1 — numbered from 1)
    let row: Vec<&str> = rows[1].split_whitespace().collect();
    assert_eq!(
        &row[..6],
        ["2", "2", "1", "2", "E-MASTER-002", "error"],
        "{out}"
    );
    assert!(
        rows[1].contains("111703170 は2024-11-30に廃止されています"),
        "{out}"
    );
    assert!(rows[1].ends_with("廃止年月日 20241130"), "{out}");
    // claim 3: an unknown code, on no particular day
    let row: Vec<&str> = rows[2].split_whitespace().collect();
    assert_eq!(
        &row[..6],
        ["3", "1", "1", "-", "E-MASTER-001", "error"],
        "{out}"
    );
    assert_eq!(
        rows[3],
        "3 claims: 2 errors, 0 warnings, 0 infos (2 claims with errors)"
    );

    // the clean claim alone: no findings, exit code 0
    let file = temp_file(
        "table",
        "clean.json",
        &serde_json::to_vec(&clean["request"]).unwrap(),
    );
    let (code, out, err) = santei(&["check", file.to_str().unwrap()], b"");
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        "no findings\n1 claim: 0 errors, 0 warnings, 0 infos (0 claims with errors)\n"
    );
}

#[test]
fn check_prints_json_an_array_of_responses() {
    // a pretty-printed single claim: still an array of one CheckResponse
    let v = vector("check-age-below-lower-bound.json");
    let file = temp_file(
        "json",
        "claim.json",
        serde_json::to_string_pretty(&v["request"])
            .unwrap()
            .as_bytes(),
    );
    let (code, out, err) = santei(&["check", "--format", "json", file.to_str().unwrap()], b"");
    assert_eq!(code, 1, "{err}");
    let got: serde_json::Value = serde_json::from_str(&out).unwrap();
    let got = got.as_array().unwrap();
    assert_eq!(got.len(), 1);
    assert_eq!(got[0]["month"], v["request"]["month"]);
    assert_eq!(got[0]["masterGeneration"], "2024-06-01");
    assert_eq!(got[0]["errors"], v["expectedSubset"]["errors"]);
    for (f, e) in got[0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .zip(v["expectedSubset"]["findings"].as_array().unwrap())
    {
        for (key, value) in e.as_object().unwrap() {
            assert_eq!(&f[key], value, "{key} of {f}");
        }
        assert!(f["messageJa"].as_str().unwrap().contains("対象年齢"), "{f}");
    }

    // NDJSON from standard input: one response per claim, in order; the JSON is the core's
    let clean = vector("check-clean-shoshin-saishin.json");
    let input = ndjson(&[&clean["request"], &v["request"]]);
    let (code, out, err) = santei(&["check", "--format", "json", "-"], input.as_bytes());
    assert_eq!(code, 1, "{err}");
    let got: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(got.as_array().unwrap().len(), 2);
    assert_eq!(got[0]["findings"], serde_json::json!([]));
    assert_eq!(got[0]["errors"], 0);
    assert_eq!(got[1]["errors"], v["expectedSubset"]["errors"]);
}

#[test]
fn check_ndjson_with_a_bad_line_is_exit_code_2_naming_the_line() {
    let clean = vector("check-clean-shoshin-saishin.json");
    let mut bad = clean["request"].clone();
    bad["lines"][0]["days"][0]["day"] = serde_json::json!("3");
    // line 3 is blank: the bad claim is the 3rd claim, on line 4
    let input = format!(
        "{}\n{}",
        ndjson(&[&clean["request"], &clean["request"]]),
        ndjson(&[&bad, &clean["request"]])
    );
    let file = temp_file("ndjson", "claims.ndjson", input.as_bytes());
    let (code, out, err) = santei(&["check", file.to_str().unwrap()], b"");
    assert_eq!(code, 2, "{err}");
    assert_eq!(out, "", "nothing on standard output for bad input");
    assert_eq!(
        err,
        "santei: SANTEI_PARSE_ERROR: claim 3 (line 4): lines[0].days[0].day: invalid type: string \"3\", expected u32\n"
    );

    // a line that is not JSON at all
    let input = format!(
        "{}{{\"month\": \"2024-06\", \"lines\": [\n",
        ndjson(&[&clean["request"]])
    );
    let (code, out, err) = santei(&["check", "-"], input.as_bytes());
    assert_eq!(code, 2, "{err}");
    assert_eq!(out, "");
    assert!(
        err.starts_with("santei: SANTEI_PARSE_ERROR: claim 2 (line 2): not JSON: "),
        "{err}"
    );

    // a claim the engine refuses: SANTEI_INVALID_REQUEST naming the claim and the field
    let mut no_lines = clean["request"].clone();
    no_lines["lines"] = serde_json::json!([]);
    let input = serde_json::to_vec(&serde_json::json!([clean["request"], no_lines])).unwrap();
    let (code, out, err) = santei(&["check", "-"], &input);
    assert_eq!(code, 2, "{err}");
    assert_eq!(out, "");
    assert_eq!(
        err,
        "santei: SANTEI_INVALID_REQUEST: claim 2 ([1]): lines: a claim has at least one line\n"
    );
}

#[test]
fn check_200_claims_shows_progress_on_stderr_only() {
    let clean = vector("check-clean-shoshin-saishin.json");
    let abolished = vector("check-master-abolished.json");
    // every 50th claim bills an abolished code
    let claims: Vec<&serde_json::Value> = (0..200)
        .map(|i| {
            if i % 50 == 49 {
                &abolished["request"]
            } else {
                &clean["request"]
            }
        })
        .collect();
    let input = ndjson(&claims);
    let (code, out, err) = santei(&["check", "-"], input.as_bytes());
    assert_eq!(code, 1, "{err}");
    // standard output is the table alone
    assert!(!out.contains("/200"), "{out}");
    assert_eq!(
        out.lines().last().unwrap(),
        "200 claims: 4 errors, 0 warnings, 0 infos (4 claims with errors)"
    );
    assert_eq!(out.lines().count(), 1 + 4 + 1, "{out}");
    // not a terminal: a plain line at every tenth, ending with the total
    let progress: Vec<&str> = err.lines().collect();
    assert_eq!(progress.len(), 10, "{err}");
    assert_eq!(progress[0], "santei check: 20/200 claims");
    assert_eq!(progress[9], "santei check: 200/200 claims");

    // JSON: the same run, 200 responses, progress again on standard error only
    let (code, out, err) = santei(&["check", "--format", "json", "-"], input.as_bytes());
    assert_eq!(code, 1);
    let got: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(got.as_array().unwrap().len(), 200);
    assert_eq!(got[49]["errors"], 1);
    assert_eq!(got[48]["errors"], 0);
    assert!(err.ends_with("santei check: 200/200 claims\n"), "{err}");

    // 20 claims or fewer: no progress
    let (code, _, err) = santei(&["check", "-"], ndjson(&claims[..20]).as_bytes());
    assert_eq!(code, 0);
    assert_eq!(err, "");
}
