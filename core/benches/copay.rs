//! 患者負担金 through `santei_core::copay::calculate_copay` (issue 5's targets: ≤ 0.2 µs per
//! receipt native; the TypeScript peer myclinic-ts takes about 4 µs in Node):
//! - `receipt`: an official 計算事例 with a 公費 (tests/vectors/copay-official, 高齢受給者
//!   事例8: 現役並みⅢ 多数回, 難病 part + 保険単独 part);
//! - `receipt_json`: the same receipt as JSON text in → canonical JSON text out (the C ABI's work);
//! - `counter-10-visits`: ten visits of one month at the counter, each with `monthToDate`
//!   (70歳以上 一般 外来, crossing the 18,000円 限度額 on the way).
//!
//! Writes `target/bench/copay.tsv` (µs per receipt, per receipt as JSON, per counter visit) for
//! scripts/bench.
//!
//!   cargo bench -p santei-core --bench copay

mod common;

use criterion::{Criterion, Throughput};
use santei_core::copay::calculate_copay;
use santei_core::model::{CopayPart, CopayRequest, MonthToDate};
use santei_core::wire;
use std::hint::black_box;

const VECTOR: &str = "tests/vectors/copay-official/copay-official-k70-008.json";

fn main() {
    let started = std::time::SystemTime::now();
    let path = common::repo_root().join(VECTOR);
    let vector: serde_json::Value = serde_json::from_slice(
        &std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
    )
    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let text = serde_json::to_string(&vector["request"]).unwrap_or_default();
    let receipt: CopayRequest =
        wire::parse(text.as_bytes()).unwrap_or_else(|e| panic!("{}", e.message));
    // only worth its number if the receipt is priced as the 事例集 says
    let r = calculate_copay(&receipt).unwrap_or_else(|e| panic!("{}", e.message));
    assert_eq!(
        Some(r.patient_yen),
        vector["expectedSubset"]["patientYen"].as_i64(),
        "{VECTOR}"
    );

    // ten visits of 1,200点 each, 72歳 一般 2割: 2,400円 a visit until the 18,000円 外来 limit
    let visit = |n: i64, collected: i64| CopayRequest {
        service_date: format!("2024-06-{:02}", n + 1),
        patient: santei_core::model::Patient {
            birth_date: "1952-05-10".to_string(),
            sex: santei_core::model::Sex::Female,
        },
        insurance: Some(santei_core::model::Insurance {
            insurer_type: santei_core::model::InsurerType::Kokuho,
            relation: santei_core::model::Relation::Honnin,
            burden_percent: None,
            income_category: Some(santei_core::model::IncomeCategory::Ippan),
            multiple_high_cost: false,
            specific_disease_cap_yen: None,
            disability_certified: false,
        }),
        inpatient: false,
        public_expenses: Vec::new(),
        parts: vec![CopayPart {
            points: 1200,
            public_expenses: Vec::new(),
        }],
        month_to_date: Some(MonthToDate {
            parts: vec![CopayPart {
                points: 1200 * n,
                public_expenses: Vec::new(),
            }],
            collected_yen: collected,
        }),
        trace: false,
        meals: None,
        household: None,
        annual_outpatient_paid_yen: None,
    };
    // the sequence, worked by hand: 2,400円 × 7 = 16,800; the 8th pays 1,200 (18,000 − 16,800); then 0
    let mut visits = Vec::new();
    let mut collected = 0;
    for n in 0..10 {
        let req = visit(n, collected);
        let r = calculate_copay(&req).unwrap_or_else(|e| panic!("{}", e.message));
        let paid = r.visit_counter_yen.unwrap_or(-1);
        let expected = match n {
            0..=6 => 2400,
            7 => 1200,
            _ => 0,
        };
        assert_eq!(paid, expected, "visit {n}");
        collected += paid;
        visits.push(req);
    }

    let mut c = Criterion::default()
        .output_directory(&common::criterion_dir())
        .configure_from_args();
    {
        let mut g = c.benchmark_group("copay");
        g.throughput(Throughput::Elements(1));
        g.bench_function("receipt", |b| {
            b.iter(|| calculate_copay(black_box(&receipt)))
        });
        g.bench_function("receipt_json", |b| {
            b.iter(|| {
                let req: CopayRequest = wire::parse(black_box(text.as_bytes()))?;
                wire::to_canonical_json(&calculate_copay(&req)?)
            })
        });
        g.finish();
        let mut g = c.benchmark_group("copay");
        g.throughput(Throughput::Elements(10));
        g.bench_function("counter-10-visits", |b| {
            b.iter(|| {
                for v in &visits {
                    let _ = black_box(calculate_copay(black_box(v)));
                }
            })
        });
        g.finish();
    }
    c.final_summary();

    let us = |f: &str| common::mean_ns("copay", f, started).map(|ns| ns / 1e3);
    if let (Some(receipt), Some(json), Some(ten)) =
        (us("receipt"), us("receipt_json"), us("counter-10-visits"))
    {
        let visit = ten / 10.0;
        println!(
            "\ncopay: {receipt:.3} µs per receipt (typed), {json:.2} µs (JSON in → canonical JSON out), {visit:.3} µs per counter visit"
        );
        common::write_summary(
            "copay.tsv",
            &[
                ("receipt_us", format!("{receipt:.3}")),
                ("receipt_json_us", format!("{json:.2}")),
                ("visit_us", format!("{visit:.3}")),
            ],
        );
    }
}
