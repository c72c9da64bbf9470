//! The wire model as JSON Schema, committed under schema/ so C#, Java and TypeScript users can
//! generate or check their types. This test fails when the committed files differ from the Rust
//! types; `SANTEI_BLESS=1 cargo test -p santei-core --test schema` rewrites them.

use santei_core::masters::diff::{DiffRequest, DiffResponse};
use santei_core::model::{
    CalcRequest, CalcResponse, CopayRequest, CopayResponse, MonthRequest, MonthResponse,
};
use std::path::Path;

fn check(name: &str, schema: schemars::Schema) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../schema")
        .join(name);
    let text = serde_json::to_string_pretty(&schema).unwrap() + "\n";
    if std::env::var_os("SANTEI_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &text).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == text,
        "{} is stale: run SANTEI_BLESS=1 cargo test -p santei-core --test schema and commit it",
        path.display()
    );
}

#[test]
fn request_schema_is_current() {
    check(
        "calc-request.schema.json",
        schemars::schema_for!(CalcRequest),
    );
}

#[test]
fn response_schema_is_current() {
    check(
        "calc-response.schema.json",
        schemars::schema_for!(CalcResponse),
    );
}

#[test]
fn diff_schemas_are_current() {
    check(
        "diff-request.schema.json",
        schemars::schema_for!(DiffRequest),
    );
    check(
        "diff-response.schema.json",
        schemars::schema_for!(DiffResponse),
    );
}

#[test]
fn month_schemas_are_current() {
    check(
        "month-request.schema.json",
        schemars::schema_for!(MonthRequest),
    );
    check(
        "month-response.schema.json",
        schemars::schema_for!(MonthResponse),
    );
}

#[test]
fn copay_schemas_are_current() {
    check(
        "copay-request.schema.json",
        schemars::schema_for!(CopayRequest),
    );
    check(
        "copay-response.schema.json",
        schemars::schema_for!(CopayResponse),
    );
}

#[test]
fn check_schemas_are_current() {
    check(
        "check-request.schema.json",
        schemars::schema_for!(santei_core::checks::CheckRequest),
    );
    check(
        "check-response.schema.json",
        schemars::schema_for!(santei_core::checks::CheckResponse),
    );
}

#[test]
fn check_uke_schema_is_current() {
    // the request is the UKE file's bytes (記録条件仕様), not JSON: only the response has a schema
    check(
        "check-uke-response.schema.json",
        schemars::schema_for!(santei_core::checks::uke::CheckUkeResponse),
    );
}

#[test]
fn uke_file_schema_is_current() {
    // readUke's response and writeUke's request: a UKE file as typed records
    check(
        "uke-file.schema.json",
        schemars::schema_for!(santei_core::uke::UkeFile),
    );
}
