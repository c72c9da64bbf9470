//! A whole-month receipt through `Engine::calculate_month`:
//! tests/vectors/month/month-shoshin-then-saishin-rx.json (初診 then 再診, 院内処方 on both days).
//! Issue 4's target: ≥ 200,000 claims/s per core native.
//!
//!   cargo bench -p santei-core --bench month

mod common;

use criterion::{Criterion, Throughput};
use santei_core::model::MonthRequest;
use santei_core::{wire, Engine};
use std::hint::black_box;

const VECTOR: &str = "tests/vectors/month/month-shoshin-then-saishin-rx.json";

fn main() {
    let files = common::read_official();
    let engine = Engine::from_files(&files).unwrap_or_else(|e| panic!("{}", e.message));
    let path = common::repo_root().join(VECTOR);
    let vector: serde_json::Value = serde_json::from_slice(
        &std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
    )
    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let text = serde_json::to_string(&vector["request"]).unwrap_or_default();
    let req: MonthRequest =
        wire::parse(text.as_bytes()).unwrap_or_else(|e| panic!("{}", e.message));
    // only worth its number if the month is priced as the vector says
    let resp = engine
        .calculate_month(&req)
        .unwrap_or_else(|e| panic!("{}", e.message));
    assert_eq!(
        Some(resp.total_points),
        vector["expected"]["totalPoints"].as_i64(),
        "{VECTOR}"
    );

    let mut c = Criterion::default()
        .output_directory(&common::criterion_dir())
        .configure_from_args();
    {
        let mut g = c.benchmark_group("month");
        g.throughput(Throughput::Elements(1));
        g.bench_function("receipt", |b| {
            b.iter(|| engine.calculate_month(black_box(&req)))
        });
        g.finish();
    }
    c.final_summary();
}
