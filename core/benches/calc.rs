//! One visit through `Engine::calculate`: tests/vectors/calc/rx-inhouse-three-forms.json
//! (初診 + 院内処方 with 内服, 頓服 and 外用 剤) on the official full masters.
//!
//!   cargo bench -p santei-core --bench calc
//!
//! `calc/visit`: a parsed `CalcRequest` in, a `CalcResponse` out (the core alone).
//! `calc/visit_json`: request JSON text in, canonical response JSON out — the work the C ABI's
//! `santei_calculate_json` and wasm's `calculateJson` do, for comparing surfaces (scripts/bench).

mod common;

use criterion::Criterion;
use santei_core::{wire, Engine};
use std::hint::black_box;
use std::time::SystemTime;

fn main() {
    let started = SystemTime::now();
    let files = common::read_official();
    let engine = Engine::from_files(&files).unwrap_or_else(|e| panic!("{}", e.message));
    let path = common::repo_root().join(common::VECTOR);
    let vector: serde_json::Value = serde_json::from_slice(
        &std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
    )
    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let text = serde_json::to_string(&vector["request"]).unwrap_or_default();
    let req = wire::parse_request(text.as_bytes()).unwrap_or_else(|e| panic!("{}", e.message));

    // The benchmark is only worth its number if the visit is priced as the vector says.
    let resp = engine
        .calculate(&req)
        .unwrap_or_else(|e| panic!("{}", e.message));
    let expected = vector["expected"]["totalPoints"].as_i64();
    assert_eq!(
        Some(resp.total_points),
        expected,
        "{}: totalPoints differs from the vector",
        common::VECTOR
    );

    let mut c = Criterion::default()
        .output_directory(&common::criterion_dir())
        .configure_from_args();
    {
        let mut g = c.benchmark_group("calc");
        g.bench_function("visit", |b| b.iter(|| engine.calculate(black_box(&req))));
        g.bench_function("visit_json", |b| {
            b.iter(|| {
                let req = wire::parse_request(black_box(text.as_bytes()))?;
                let resp = engine.calculate(&req)?;
                wire::to_canonical_json(&resp)
            })
        });
        g.finish();
    }
    c.final_summary();

    let us = |f: &str| common::mean_ns("calc", f, started).map(|ns| ns / 1e3);
    if let (Some(visit), Some(json)) = (us("visit"), us("visit_json")) {
        println!(
            "\ncalc {}: {visit:.2} µs per visit (typed), {json:.2} µs (JSON in → canonical JSON out)",
            vector["id"].as_str().unwrap_or("?")
        );
        common::write_summary(
            "calc.tsv",
            &[
                ("visit_us", format!("{visit:.2}")),
                ("visit_json_us", format!("{json:.2}")),
            ],
        );
    }
}
