//! The `santei` command end to end.

use std::path::Path;
use std::process::Command;

fn santei(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_santei"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

#[test]
fn demo_prints_the_table_on_the_bundled_masters() {
    let (code, out, _) = santei(&["demo"]);
    assert_eq!(code, 0);
    // 4歳, 休日 初診: 291 + 乳幼児休日加算 365; ガスター散2% 0.6g = 9.90円 → 1点 × 5日;
    // ベノキシール点眼液 1mL 25.10円 → 2.51 → 3点; 調剤料 11 + 8; 処方料 42; 末梢血液一般 21 and
    // its D026 血液学的検査判断料 125 → 871点; 8,710円 × 2割 = 1,742円 → 1,740円
    assert!(out.contains("111012070  乳幼児休日加算（初診）"), "{out}");
    assert!(out.contains("160061810  血液学的検査判断料"), "{out}");
    assert!(out.contains("合計 871点"), "{out}");
    assert!(
        out.contains("総医療費 8710円  負担割合 20% (preschool)  一部負担金 1740円"),
        "{out}"
    );
}

#[test]
fn calc_prints_json_for_a_vector_request() {
    let vector: serde_json::Value = serde_json::from_slice(
        &std::fs::read(root().join("tests/vectors/calc/rx-inhouse-three-forms.json")).unwrap(),
    )
    .unwrap();
    let dir = std::env::temp_dir().join(format!("santei-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let req = dir.join("req.json");
    std::fs::write(&req, serde_json::to_vec(&vector["request"]).unwrap()).unwrap();
    let masters = root().join("masters");
    let (code, out, err) = santei(&[
        "calc",
        "--masters",
        masters.to_str().unwrap(),
        req.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let got: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(got, vector["expected"]);
}

#[test]
fn bad_input_is_a_typed_error_and_exit_code_2() {
    let dir = std::env::temp_dir().join(format!("santei-cli-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let req = dir.join("bad.json");
    std::fs::write(&req, b"{\"serviceDate\": ").unwrap();
    let (code, _, err) = santei(&["calc", req.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("santei: SANTEI_PARSE_ERROR: request: "),
        "{err}"
    );
    let (code, _, err) = santei(&["calc", "--masters", "/nonexistent", req.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("santei: SANTEI_PARSE_ERROR"),
        "request is parsed first: {err}"
    );
}

#[test]
fn masters_lists_the_bundled_generation() {
    let (code, out, _) = santei(&["masters"]);
    assert_eq!(code, 0);
    let info: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(info["generations"][0]["effective"], "2024-06-01");
    // full files plus the codes the bundled 差分 files add (新規) up to 2025-09:
    // s 10,133 → 10,173, y 19,686 → 21,182, t 1,334 → 1,360, c 3,065 → 3,909 (counted from the
    // raw files by an independent script); b 27,437 and z 2,375 are full files only
    let codes = &info["generations"][0]["codes"];
    assert_eq!(
        (
            &codes["s"],
            &codes["y"],
            &codes["t"],
            &codes["c"],
            &codes["b"],
            &codes["z"]
        ),
        (
            &10173.into(),
            &21182.into(),
            &1360.into(),
            &3909.into(),
            &27437.into(),
            &2375.into()
        )
    );
    assert_eq!(
        info["generations"][0]["files"].as_array().unwrap().len(),
        70
    );
}

#[test]
fn calc_takes_a_month_and_prints_the_receipt() {
    let vector: serde_json::Value = serde_json::from_slice(
        &std::fs::read(root().join("tests/vectors/month/month-shoshin-then-saishin-rx.json"))
            .unwrap(),
    )
    .unwrap();
    let dir = std::env::temp_dir().join(format!("santei-cli-month-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let req = dir.join("month.json");
    std::fs::write(&req, serde_json::to_vec(&vector["request"]).unwrap()).unwrap();
    let (code, out, err) = santei(&["calc", req.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let got: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(got, vector["expected"]);
    let (code, table, _) = santei(&["calc", "--format", "table", req.to_str().unwrap()]);
    assert_eq!(code, 0);
    // the 剤 given on two days is one receipt line: 1点 × 21回, 算定日 3 (7回) and 10 (14回)
    assert!(table.contains("  21  3×7,10×14"), "{table}");
    assert!(
        table.contains("窓口合計 1480円  レセプト一部負担金 1480円"),
        "{table}"
    );
}

#[test]
fn copay_prints_the_receipt_copay_of_an_official_case() {
    let vector: serde_json::Value = serde_json::from_slice(
        &std::fs::read(root().join("tests/vectors/copay-official/copay-official-k70-001.json"))
            .unwrap(),
    )
    .unwrap();
    let dir = std::env::temp_dir().join(format!("santei-cli-copay-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let req = dir.join("copay.json");
    std::fs::write(&req, serde_json::to_vec(&vector["request"]).unwrap()).unwrap();
    let (code, out, err) = santei(&["copay", req.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let got: serde_json::Value = serde_json::from_str(&out).unwrap();
    // 現役並みⅢ 入院, 992,600円: 252,600 + (992,600 − 842,000) × 1% = 254,106円
    assert_eq!(got["patientYen"], vector["expectedSubset"]["patientYen"]);
    assert_eq!(got["burdenPercent"], 30);
    assert_eq!(got["totalYen"], 992_600);

    // an unknown 法別番号 is a typed error, exit code 2
    let bad: serde_json::Value = serde_json::from_slice(
        &std::fs::read(root().join("tests/vectors/errors/copay-unknown-houbetsu.json")).unwrap(),
    )
    .unwrap();
    std::fs::write(&req, serde_json::to_vec(&bad["request"]).unwrap()).unwrap();
    let (code, _, err) = santei(&["copay", req.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("santei: SANTEI_INVALID_REQUEST: publicExpenses[0].houbetsu"),
        "{err}"
    );
    assert!(err.contains("unknown 法別番号 77"), "{err}");
}
