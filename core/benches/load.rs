//! Loading the official full 基本マスター files through `Engine::from_files`, next to the baseline
//! every loader pays: unzip + CP932 decode + raw `csv` parse of the same bytes into a StringRecord.
//! Target: engine ≤ 1.5× the baseline.
//!
//!   cargo bench -p santei-core --bench load
//!
//! The ratio compares the same work: both sides get the files of the kinds the engine loads
//! (kinds it skips are only unzipped by it, so counting them would flatter the engine). While
//! some kinds are skipped, `engine_all_six` / `raw_csv_all_six` time all six files as well.

mod common;

use criterion::{BatchSize, Criterion, SamplingMode};
use santei_core::Engine;
use std::hint::black_box;
use std::time::{Duration, SystemTime};

fn main() {
    let started = SystemTime::now();
    let all = common::read_official();
    let engine = Engine::from_files(&all).unwrap_or_else(|e| panic!("{}", e.message));
    let (loaded, skipped) = common::kinds(&engine);
    drop(engine);
    println!(
        "masters: {} — engine loads kinds [{}], skips [{}]",
        common::masters_dir().display(),
        common::kinds_text(&loaded),
        common::kinds_text(&skipped)
    );
    let same = common::files_of(&all, &loaded);
    let decoded = common::decoded_len(&same);

    let mut c = Criterion::default()
        .output_directory(&common::criterion_dir())
        .sample_size(10)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(10))
        .configure_from_args();
    {
        let mut g = c.benchmark_group("load");
        // ~0.1 s per load: a fixed number of iterations per sample.
        g.sampling_mode(SamplingMode::Flat);
        // Per iteration: the result is dropped outside the timing.
        g.bench_function("engine", |b| {
            b.iter_batched(
                || (),
                |()| Engine::from_files(black_box(&same)),
                BatchSize::PerIteration,
            )
        });
        g.bench_function("raw_csv", |b| {
            b.iter_batched(
                || (),
                |()| common::raw_parse(black_box(&same)),
                BatchSize::PerIteration,
            )
        });
        if !skipped.is_empty() {
            g.bench_function("engine_all_six", |b| {
                b.iter_batched(
                    || (),
                    |()| Engine::from_files(black_box(&all)),
                    BatchSize::PerIteration,
                )
            });
            g.bench_function("raw_csv_all_six", |b| {
                b.iter_batched(
                    || (),
                    |()| common::raw_parse(black_box(&all)),
                    BatchSize::PerIteration,
                )
            });
        }
        g.finish();
    }
    c.final_summary();

    let ms = |f: &str| common::mean_ns("load", f, started).map(|ns| ns / 1e6);
    if let (Some(engine_ms), Some(raw_ms)) = (ms("engine"), ms("raw_csv")) {
        let ratio = engine_ms / raw_ms;
        println!(
            "\nload [{}] ({:.1} MiB decoded): engine {engine_ms:.1} ms, raw unzip+CP932+csv {raw_ms:.1} ms, ratio {ratio:.2}× (target ≤ 1.5×: {})",
            common::kinds_text(&loaded),
            decoded as f64 / common::MIB,
            if ratio <= 1.5 { "met" } else { "NOT met" }
        );
        let mut lines = vec![
            ("kinds", common::kinds_text(&loaded)),
            ("skipped", common::kinds_text(&skipped)),
            (
                "decoded_mib",
                format!("{:.1}", decoded as f64 / common::MIB),
            ),
            ("engine_ms", format!("{engine_ms:.1}")),
            ("raw_ms", format!("{raw_ms:.1}")),
            ("ratio", format!("{ratio:.2}")),
        ];
        if let (Some(e6), Some(r6)) = (ms("engine_all_six"), ms("raw_csv_all_six")) {
            println!(
                "load [all six files, kinds [{}] only unzipped by the engine]: engine {e6:.1} ms, raw {r6:.1} ms",
                common::kinds_text(&skipped)
            );
            lines.push(("engine_all_six_ms", format!("{e6:.1}")));
            lines.push(("raw_all_six_ms", format!("{r6:.1}")));
        }
        common::write_summary("load.tsv", &lines);
    }
}
