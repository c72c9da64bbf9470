//! レセ電 UKE reader and writer (issue 7's target: ≤ 0.2 µs per line, a 100,000-receipt file in
//! under 1 s). The file is synthetic: the 21 receipts of the receiptisan sample
//! (tests/data/uke, CP932) repeated to 10,000 receipts and renumbered, written by `write_uke`.
//!
//! Reports MB/s and lines/s read (ns per line) and receipts/s written, and writes
//! `target/bench/uke.tsv` for scripts/bench.
//!
//!   cargo bench -p santei-core --bench uke

mod common;

use criterion::{Criterion, Throughput};
use santei_core::uke::{read_uke, write_uke, UkeFile};
use std::hint::black_box;

const SAMPLE: &str = "core/tests/data/uke/RECEIPTC_GAIRAI_SAMPLE.excerpt.cp932.UKE";
const RECEIPTS: usize = 10_000;

fn main() {
    let started = std::time::SystemTime::now();
    let path = common::repo_root().join(SAMPLE);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let sample = read_uke(&bytes).unwrap_or_else(|e| panic!("{}", e.message));
    let mut big = UkeFile {
        receipts: Vec::with_capacity(RECEIPTS),
        ..sample.clone()
    };
    for i in 0..RECEIPTS {
        let mut r = sample.receipts[i % sample.receipts.len()].clone();
        r.re.receipt_no = (i + 1) as u32;
        big.receipts.push(r);
    }
    let file = write_uke(&big).unwrap_or_else(|e| panic!("{}", e.message));
    let lines = file.iter().filter(|&&b| b == b'\n').count();
    // only worth its number if the big file reads back to what was written
    assert_eq!(read_uke(&file).ok().as_ref(), Some(&big));
    println!(
        "uke: synthetic file of {RECEIPTS} receipts, {lines} lines, {:.2} MB",
        file.len() as f64 / 1e6
    );

    let mut c = Criterion::default()
        .output_directory(&common::criterion_dir())
        .sample_size(20)
        .configure_from_args();
    {
        let mut g = c.benchmark_group("uke");
        g.throughput(Throughput::Bytes(file.len() as u64));
        g.bench_function("read", |b| b.iter(|| read_uke(black_box(&file))));
        g.throughput(Throughput::Elements(RECEIPTS as u64));
        g.bench_function("write", |b| b.iter(|| write_uke(black_box(&big))));
        g.finish();
    }
    c.final_summary();

    if let (Some(read), Some(write)) = (
        common::mean_ns("uke", "read", started),
        common::mean_ns("uke", "write", started),
    ) {
        let ns_line = read / lines as f64;
        let mb_s = file.len() as f64 / (read / 1e9) / 1e6;
        let lines_s = lines as f64 / (read / 1e9);
        let receipts_s = RECEIPTS as f64 / (write / 1e9);
        let write_ns_line = write / lines as f64;
        println!(
            "\nuke: read {mb_s:.0} MB/s, {:.1} M lines/s ({ns_line:.0} ns per line); write {:.0} k receipts/s ({write_ns_line:.0} ns per line)",
            lines_s / 1e6,
            receipts_s / 1e3
        );
        common::write_summary(
            "uke.tsv",
            &[
                ("read_ns_per_line", format!("{ns_line:.1}")),
                ("read_mb_per_s", format!("{mb_s:.1}")),
                ("read_lines_per_s", format!("{lines_s:.0}")),
                ("write_receipts_per_s", format!("{receipts_s:.0}")),
                ("write_ns_per_line", format!("{write_ns_line:.1}")),
            ],
        );
    }
}
