//! Shared by the benches: the official full master files, the raw-parse baseline, and where the
//! one-line summaries go (`target/bench/*.tsv`, read by scripts/bench).
//!
//! Masters: `$SANTEI_OFFICIAL_MASTERS` (a folder holding `full/`, or `full/` itself), default
//! `<repo>/../shared/data/masters`.

// Each bench uses a different part of this module.
#![allow(dead_code)]

use santei_core::Engine;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The six kinds of official full 基本マスター file, as distributed (s, y, t, c, b, z).
pub const OFFICIAL: [&str; 6] = [
    "s_20240531.zip",
    "y_ALL20240321.zip",
    "t_ALL20240315.zip",
    "c_ALL20230801.zip",
    "b_20240601.zip",
    "z_20250601.zip",
];

/// The generation folder the files are given under.
pub const GENERATION: &str = "2024-06-01";

/// The visit of the calculation benchmark.
pub const VECTOR: &str = "tests/vectors/calc/rx-inhouse-three-forms.json";

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

pub fn masters_dir() -> PathBuf {
    let dir = std::env::var_os("SANTEI_OFFICIAL_MASTERS")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("../shared/data/masters"));
    if dir.join("full").is_dir() {
        dir.join("full")
    } else {
        dir
    }
}

/// The official files as `("2024-06-01/<name>", bytes)`, in the order of [`OFFICIAL`].
pub fn read_official() -> Vec<(String, Vec<u8>)> {
    let dir = masters_dir();
    OFFICIAL
        .iter()
        .map(|name| {
            let path = dir.join(name);
            let bytes = std::fs::read(&path).unwrap_or_else(|e| {
                panic!(
                    "{}: {e} (set SANTEI_OFFICIAL_MASTERS to the folder holding full/)",
                    path.display()
                )
            });
            (format!("{GENERATION}/{name}"), bytes)
        })
        .collect()
}

/// The master kind of a file name: the first letter of its base name (`s`, `y`, `t`, …).
pub fn kind_of(name: &str) -> char {
    let base = name.rsplit(['/', '\\', '!']).next().unwrap_or(name);
    base.chars().next().unwrap_or('?').to_ascii_lowercase()
}

/// Which kinds the engine loaded (named in `info().generations[].files`) and which it skipped.
/// Read through the serialized info, so that its shape may change: a file is its name, or an
/// object with a `name`.
pub fn kinds(engine: &Engine) -> (Vec<char>, Vec<char>) {
    let info = serde_json::to_value(engine.info()).unwrap_or_default();
    let names = |key: &str| -> Vec<char> {
        let mut kinds: Vec<char> = info["generations"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|g| g[key].as_array().into_iter().flatten())
            .filter_map(|f| f.as_str().or_else(|| f["name"].as_str()))
            .map(|f| kind_of(f.split(" (").next().unwrap_or(f)))
            .filter(|k| "sytcbz".contains(*k))
            .collect();
        kinds.sort_by_key(|k| "sytcbz".find(*k).unwrap_or(9));
        kinds.dedup();
        kinds
    };
    let loaded = names("files");
    let skipped = names("skipped")
        .into_iter()
        .filter(|k| !loaded.contains(k))
        .collect();
    (loaded, skipped)
}

pub fn kinds_text(kinds: &[char]) -> String {
    if kinds.is_empty() {
        "-".to_string()
    } else {
        kinds
            .iter()
            .map(|k| k.to_string())
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// The files among `files` whose kind is in `kinds`.
pub fn files_of(files: &[(String, Vec<u8>)], kinds: &[char]) -> Vec<(String, Vec<u8>)> {
    files
        .iter()
        .filter(|(n, _)| kinds.contains(&kind_of(n)))
        .cloned()
        .collect()
}

/// Every entry of a zip, decompressed (a non-zip file is its own single entry).
pub fn unzip(name: &str, bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    if !name.to_ascii_lowercase().ends_with(".zip") {
        return vec![(name.to_string(), bytes.to_vec())];
    }
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap_or_else(|e| panic!("{name}: {e}"));
    let mut out = Vec::new();
    for i in 0..archive.len() {
        let mut entry = archive
            .by_index(i)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        if entry.is_dir() {
            continue;
        }
        let mut data = Vec::with_capacity(entry.size() as usize);
        entry
            .read_to_end(&mut data)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        out.push((format!("{name}!{}", entry.name()), data));
    }
    out
}

/// CP932 → UTF-8, as any loader of the official files must.
pub fn decode(bytes: &[u8]) -> String {
    encoding_rs::SHIFT_JIS
        .decode_without_bom_handling(bytes)
        .0
        .into_owned()
}

/// The baseline: what any loader must do with the same bytes and nothing more — unzip, decode
/// CP932, and parse every CSV record into a `StringRecord` (one, reused: the floor; a real loader
/// then turns each into its typed row). Returns the number of records and fields seen.
pub fn raw_parse(files: &[(String, Vec<u8>)]) -> (usize, usize) {
    let (mut records, mut fields) = (0, 0);
    let mut record = csv::StringRecord::new();
    for (name, bytes) in files {
        for (_, data) in unzip(name, bytes) {
            let text = decode(&data);
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(text.as_bytes());
            while reader
                .read_record(&mut record)
                .unwrap_or_else(|e| panic!("{name}: {e}"))
            {
                records += 1;
                fields += std::hint::black_box(&record).len();
            }
        }
    }
    (records, fields)
}

/// Decoded (UTF-8) text size of the files, in bytes.
pub fn decoded_len(files: &[(String, Vec<u8>)]) -> usize {
    files
        .iter()
        .flat_map(|(n, b)| unzip(n, b))
        .map(|(_, data)| decode(&data).len())
        .sum()
}

pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("target"))
}

pub fn criterion_dir() -> PathBuf {
    target_dir().join("criterion")
}

/// Criterion's estimate in nanoseconds for `group/function` — the slope of linear sampling, else
/// the mean, as criterion prints it — if measured by this run (written after `since`); None when
/// it was filtered out or run in test mode.
pub fn mean_ns(group: &str, function: &str, since: SystemTime) -> Option<f64> {
    let path = criterion_dir()
        .join(group)
        .join(function)
        .join("new/estimates.json");
    let fresh = std::fs::metadata(&path)
        .and_then(|m| m.modified())
        .is_ok_and(|t| t >= since);
    if !fresh {
        return None;
    }
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).ok()?).ok()?;
    v["slope"]["point_estimate"]
        .as_f64()
        .or_else(|| v["mean"]["point_estimate"].as_f64())
}

/// Writes `key<TAB>value` lines to `target/bench/<name>.tsv` for scripts/bench.
pub fn write_summary(name: &str, lines: &[(&str, String)]) {
    let dir = target_dir().join("bench");
    let text: String = lines.iter().map(|(k, v)| format!("{k}\t{v}\n")).collect();
    if let Err(e) =
        std::fs::create_dir_all(&dir).and_then(|()| std::fs::write(dir.join(name), text))
    {
        eprintln!("cannot write {}: {e}", dir.join(name).display());
    }
}

pub const MIB: f64 = 1024.0 * 1024.0;
