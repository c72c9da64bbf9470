//! Rust surface of the golden vectors (see tests/README.md): every vector in tests/vectors,
//! against the bundled masters, compared as canonical JSON (a `writeUke` vector: its output bytes
//! with the `expectedFile`'s); outputs go to tests/out/rust/ (`<id>.json`, or `<id>.uke` for the
//! bytes `writeUke` wrote).

use santei_core::masters::diff::DiffRequest;
use santei_core::model::{CopayRequest, MonthRequest};
use santei_core::{wire, Engine};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "json") {
            out.push(p);
        }
    }
}

/// `expectedSubset` (tests/README.md): every key of an expected object must be in the actual one
/// with a matching value; arrays match element by element and have the same length.
fn subset_mismatch(expected: &Value, actual: &Value, path: &str) -> Option<String> {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => e.iter().find_map(|(k, ev)| match a.get(k) {
            Some(av) => subset_mismatch(ev, av, &format!("{path}.{k}")),
            None => Some(format!("{path}.{k}: missing")),
        }),
        (Value::Array(e), Value::Array(a)) if e.len() == a.len() => e
            .iter()
            .zip(a)
            .enumerate()
            .find_map(|(i, (ev, av))| subset_mismatch(ev, av, &format!("{path}[{i}]"))),
        _ if expected == actual => None,
        _ => Some(format!("{path}: expected {expected}, actual {actual}")),
    }
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let engine = Engine::from_dir(&root.join("masters")).expect("bundled masters load");
    let out_dir = root.join("tests/out/rust");
    std::fs::create_dir_all(&out_dir).unwrap();
    let mut files = Vec::new();
    collect(&root.join("tests/vectors"), &mut files);
    let (mut passed, mut failed) = (0, 0);
    for file in files {
        let v: Value = serde_json::from_slice(&std::fs::read(&file).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let id = v["id"]
            .as_str()
            .unwrap_or_else(|| panic!("{}: no id", file.display()))
            .to_string();
        if filter.as_ref().is_some_and(|f| !id.contains(f.as_str())) {
            continue;
        }
        let kinds = [
            "expected",
            "expectedSubset",
            "expectedFile",
            "expectedError",
        ]
        .iter()
        .filter(|k| !v[**k].is_null())
        .count();
        assert!(
            kinds == 1,
            "{}: exactly one of expected, expectedSubset, expectedFile, expectedError",
            file.display()
        );
        let inputs = ["request", "requestText", "requestFile"]
            .iter()
            .filter(|k| !v[**k].is_null())
            .count();
        assert!(
            inputs == 1,
            "{}: exactly one of request, requestText, requestFile",
            file.display()
        );
        assert!(
            v["requestFile"].is_null() || v["call"] == "checkUke" || v["call"] == "readUke",
            "{}: requestFile is only for calls checkUke and readUke",
            file.display()
        );
        let writes = v["call"] == "writeUke";
        assert!(
            v["expectedFile"].is_null() || writes,
            "{}: expectedFile is only for call writeUke",
            file.display()
        );
        assert!(
            !writes || (v["expected"].is_null() && v["expectedSubset"].is_null()),
            "{}: call writeUke takes expectedFile or expectedError",
            file.display()
        );
        // a byte input: the file named by `requestFile` (from the repository root)
        let request_file = || {
            let name = v["requestFile"]
                .as_str()
                .unwrap_or_else(|| panic!("{}: {} needs a requestFile", file.display(), v["call"]));
            std::fs::read(root.join(name))
                .unwrap_or_else(|e| panic!("{}: {name}: {e}", file.display()))
        };
        let text = match (&v["requestText"], &v["request"]) {
            (Value::String(s), _) => s.clone(),
            (_, req) => serde_json::to_string(req).unwrap(),
        };
        let result = match v["call"].as_str().unwrap_or("calculate") {
            "calculate" => wire::parse_request(text.as_bytes())
                .and_then(|r| engine.calculate(&r))
                .and_then(|resp| canonical(&resp)),
            "diffMasters" => wire::parse::<DiffRequest>(text.as_bytes())
                .and_then(|r| engine.diff_masters(&r))
                .and_then(|resp| canonical(&resp)),
            "calculateMonth" => wire::parse::<MonthRequest>(text.as_bytes())
                .and_then(|r| engine.calculate_month(&r))
                .and_then(|resp| canonical(&resp)),
            "calculateCopay" => wire::parse::<CopayRequest>(text.as_bytes())
                .and_then(|r| engine.calculate_copay(&r))
                .and_then(|resp| canonical(&resp)),
            "check" => wire::parse::<santei_core::checks::CheckRequest>(text.as_bytes())
                .and_then(|r| engine.check(&r))
                .and_then(|resp| canonical(&resp)),
            "checkUke" => engine
                .check_uke(&request_file())
                .and_then(|resp| canonical(&resp)),
            "readUke" => engine
                .read_uke(&request_file())
                .and_then(|resp| canonical(&resp)),
            // bytes out, not JSON: compared with the expectedFile's bytes
            "writeUke" => wire::parse::<santei_core::uke::UkeFile>(text.as_bytes())
                .and_then(|f| engine.write_uke(&f)),
            "info" => canonical(&engine.info()),
            other => panic!("{}: unknown call {other:?}", file.display()),
        };
        let mut ext = "json";
        let (actual, verdict) = match result {
            Ok(bytes) if !v["expectedFile"].is_null() => {
                ext = "uke";
                let name = v["expectedFile"].as_str().unwrap();
                let expected = std::fs::read(root.join(name))
                    .unwrap_or_else(|e| panic!("{}: {name}: {e}", file.display()));
                let verdict = if bytes == expected {
                    Ok(())
                } else {
                    let at = bytes
                        .iter()
                        .zip(&expected)
                        .take_while(|(a, b)| a == b)
                        .count();
                    Err(format!(
                        "output ({} bytes) differs from {name} ({} bytes) at byte {at}",
                        bytes.len(),
                        expected.len()
                    ))
                };
                (bytes, verdict)
            }
            Ok(bytes) => {
                let actual = String::from_utf8(bytes).unwrap();
                let verdict = if !v["expectedSubset"].is_null() {
                    let actual_value: Value = serde_json::from_str(&actual).unwrap();
                    match subset_mismatch(&v["expectedSubset"], &actual_value, "") {
                        None => Ok(()),
                        Some(m) => Err(format!("{m}\n     actual   {actual}")),
                    }
                } else if v["expected"].is_null() {
                    Err(format!(
                        "expected error {}, got a response",
                        v["expectedError"]["code"]
                    ))
                } else {
                    let expected = serde_json::to_string(&v["expected"]).unwrap();
                    if expected == actual {
                        Ok(())
                    } else {
                        Err(format!("expected {expected}\n     actual   {actual}"))
                    }
                };
                (actual.into_bytes(), verdict)
            }
            Err(e) => {
                let actual =
                    serde_json::to_string(&serde_json::json!({ "code": e.code.name() })).unwrap();
                let verdict = match v["expectedError"]["code"].as_str() {
                    Some(code) if code == e.code.name() => Ok(()),
                    _ => Err(format!("unexpected error {e}")),
                };
                (actual.into_bytes(), verdict)
            }
        };
        std::fs::write(out_dir.join(format!("{id}.{ext}")), &actual).unwrap();
        match verdict {
            Ok(()) => {
                passed += 1;
                println!("test {id} ... ok");
            }
            Err(msg) => {
                failed += 1;
                println!("test {id} ... FAILED\n     {msg}");
            }
        }
    }
    println!("{passed} passed, {failed} failed");
    if failed > 0 || passed == 0 {
        std::process::exit(1);
    }
}

/// `wire::to_canonical_json`, checked against the sorted `serde_json::Value` it stands for.
fn canonical<T: serde::Serialize>(resp: &T) -> santei_core::Result<Vec<u8>> {
    let bytes = wire::to_canonical_json(resp)?;
    let via_value = serde_json::to_vec(&serde_json::to_value(resp).unwrap()).unwrap();
    assert_eq!(
        String::from_utf8_lossy(&bytes),
        String::from_utf8_lossy(&via_value),
        "canonical JSON differs from the sorted Value"
    );
    Ok(bytes)
}
