//! 事前審査 of a month's claim through `Engine::check` (issue 6: receipts/s):
//! tests/vectors/check/check-clean-shoshin-saishin.json (初診 + 再診, no findings) and
//! check-kouki-insurance-only-and-age.json (two findings), on the bundled official masters.
//!
//!   cargo bench -p santei-core --bench check

mod common;

use criterion::{Criterion, Throughput};
use santei_core::checks::CheckRequest;
use santei_core::{wire, Engine};
use std::hint::black_box;

const VECTORS: &[&str] = &[
    "tests/vectors/check/check-clean-shoshin-saishin.json",
    "tests/vectors/check/check-kouki-insurance-only-and-age.json",
];

fn main() {
    let engine = Engine::from_dir(&common::repo_root().join("masters"))
        .unwrap_or_else(|e| panic!("{}", e.message));
    let mut claims = Vec::new();
    for v in VECTORS {
        let path = common::repo_root().join(v);
        let vector: serde_json::Value = serde_json::from_slice(
            &std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
        )
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let text = serde_json::to_string(&vector["request"]).unwrap_or_default();
        let req: CheckRequest =
            wire::parse(text.as_bytes()).unwrap_or_else(|e| panic!("{}", e.message));
        // only worth its number if the claim is checked as the vector says
        let r = engine
            .check(&req)
            .unwrap_or_else(|e| panic!("{}", e.message));
        assert_eq!(
            Some(i64::from(r.errors)),
            vector["expectedSubset"]["errors"].as_i64(),
            "{v}"
        );
        claims.push(req);
    }

    let mut c = Criterion::default()
        .output_directory(&common::criterion_dir())
        .configure_from_args();
    {
        let mut g = c.benchmark_group("check");
        g.throughput(Throughput::Elements(claims.len() as u64));
        g.bench_function("receipts", |b| {
            b.iter(|| {
                for claim in &claims {
                    let _ = black_box(engine.check(black_box(claim)));
                }
            })
        });
        g.finish();
    }
    c.final_summary();
}
