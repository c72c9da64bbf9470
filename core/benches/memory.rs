//! Resident memory of an engine loaded from the official full masters, against the decoded
//! (UTF-8) text size of the files it loads. Target: ≤ 3×. Linux only (/proc/self/statm).
//!
//!   cargo bench -p santei-core --bench memory
//!
//! Two measures, both taken after loading with the master file bytes already in memory:
//! - RSS: /proc/self/statm resident pages after − before `Engine::from_files`, with glibc's
//!   `malloc_trim` first so that freed load-time buffers do not count;
//! - heap: live bytes of a counting global allocator after − before (exact, allocator overhead
//!   excluded), the peak while loading, and the number of allocations made by the load. A live
//!   heap far below RSS means freed load-time memory is pinned by live rows (fragmentation).

mod common;

use santei_core::Engine;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

fn grew(n: usize) {
    let now = LIVE.fetch_add(n, Ordering::Relaxed) + n;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

fn shrank(n: usize) {
    LIVE.fetch_sub(n, Ordering::Relaxed);
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
            ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
            ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        shrank(layout.size());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            grew(new_size);
            shrank(layout.size());
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

#[cfg(target_os = "linux")]
mod os {
    extern "C" {
        fn sysconf(name: i32) -> i64;
    }
    #[cfg(target_env = "gnu")]
    extern "C" {
        fn malloc_trim(pad: usize) -> i32;
    }

    /// Returns freed heap pages to the kernel, so RSS shows what is still in use.
    pub fn trim() {
        #[cfg(target_env = "gnu")]
        // SAFETY: glibc's malloc_trim takes no pointers and may be called at any time.
        unsafe {
            malloc_trim(0);
        }
    }

    /// Resident set size in bytes (/proc/self/statm, field 2, in pages).
    pub fn rss() -> Option<usize> {
        // _SC_PAGESIZE on Linux (glibc and musl)
        const SC_PAGESIZE: i32 = 30;
        // SAFETY: sysconf takes an int and returns a long; no memory is touched.
        let page = usize::try_from(unsafe { sysconf(SC_PAGESIZE) }).ok()?;
        let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
        let pages: usize = statm.split_whitespace().nth(1)?.parse().ok()?;
        Some(pages * page)
    }
}

#[cfg(not(target_os = "linux"))]
mod os {
    pub fn trim() {}
    pub fn rss() -> Option<usize> {
        None
    }
}

/// With SANTEI_BENCH_SMAPS set: the mappings holding ≥ 1 MiB resident after the load.
fn print_big_mappings() {
    let smaps = std::fs::read_to_string("/proc/self/smaps").unwrap_or_default();
    let mut mapping = "";
    for line in smaps.lines() {
        if line
            .split_whitespace()
            .next()
            .is_some_and(|f| f.contains('-'))
        {
            mapping = line;
        } else if let Some(kb) = line.strip_prefix("Rss:") {
            let kb: usize = kb.trim().trim_end_matches("kB").trim().parse().unwrap_or(0);
            if kb >= 1024 {
                println!("  {:>8.1} MiB  {mapping}", kb as f64 / 1024.0);
            }
        }
    }
}

fn main() {
    let files = common::read_official();

    os::trim();
    let rss_before = os::rss();
    let heap_before = LIVE.load(Ordering::Relaxed);
    PEAK.store(heap_before, Ordering::Relaxed);
    let allocations_before = ALLOCATIONS.load(Ordering::Relaxed);
    let engine = Engine::from_files(&files).unwrap_or_else(|e| panic!("{}", e.message));
    let heap_peak = PEAK.load(Ordering::Relaxed) - heap_before;
    let allocations = ALLOCATIONS.load(Ordering::Relaxed) - allocations_before;
    let rss_untrimmed = os::rss();
    os::trim();
    let rss_after = os::rss();
    let heap = LIVE.load(Ordering::Relaxed).saturating_sub(heap_before);
    if std::env::var_os("SANTEI_BENCH_SMAPS").is_some() {
        print_big_mappings();
    }

    let (loaded, skipped) = common::kinds(&engine);
    let decoded = common::decoded_len(&common::files_of(&files, &loaded));
    let decoded_all = common::decoded_len(&files);
    let mib = |b: usize| b as f64 / common::MIB;

    println!(
        "memory [{}] (skipped [{}]): decoded text {:.1} MiB (all six files {:.1} MiB)",
        common::kinds_text(&loaded),
        common::kinds_text(&skipped),
        mib(decoded),
        mib(decoded_all)
    );
    let heap_ratio = heap as f64 / decoded as f64;
    println!(
        "  heap: {:.1} MiB live after load ({heap_ratio:.2}× decoded), {:.1} MiB peak while loading, {:.2} M allocations",
        mib(heap),
        mib(heap_peak),
        allocations as f64 / 1e6
    );
    let mut lines = vec![
        ("kinds", common::kinds_text(&loaded)),
        ("decoded_mib", format!("{:.1}", mib(decoded))),
        ("decoded_all_mib", format!("{:.1}", mib(decoded_all))),
        ("heap_mib", format!("{:.1}", mib(heap))),
        ("heap_ratio", format!("{heap_ratio:.2}")),
        ("heap_peak_mib", format!("{:.1}", mib(heap_peak))),
        ("allocations_m", format!("{:.2}", allocations as f64 / 1e6)),
    ];
    if let (Some(before), Some(after)) = (rss_before, rss_after) {
        let rss = after.saturating_sub(before);
        let ratio = rss as f64 / decoded as f64;
        let untrimmed = rss_untrimmed.unwrap_or(after).saturating_sub(before);
        println!(
            "  RSS:  {:.1} MiB resident for the engine ({:.1} → {:.1} MiB; {:.1} MiB before malloc_trim), ratio {ratio:.2}× decoded (target ≤ 3×: {})",
            mib(rss),
            mib(before),
            mib(after),
            mib(untrimmed),
            if ratio <= 3.0 { "met" } else { "NOT met" }
        );
        lines.push(("rss_untrimmed_mib", format!("{:.1}", mib(untrimmed))));
        lines.push(("rss_mib", format!("{:.1}", mib(rss))));
        lines.push(("rss_ratio", format!("{ratio:.2}")));
    } else {
        println!("  RSS: not available on this system (/proc/self/statm)");
    }
    common::write_summary("memory.tsv", &lines);
    drop(engine);
}
