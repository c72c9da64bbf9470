//! 基本マスター loading and master generations.
//!
//! A *generation* is the set of master files in force from one 施行日; on disk it is a folder named
//! by that date (`2024-06-01/`) holding the official files, zipped or extracted. A master root
//! holds one or more generation folders. In memory the same files are passed as
//! `("2024-06-01/s_20240531.zip", bytes)` pairs, so every surface loads masters the same way.

pub mod csvfile;
pub mod drug;
pub mod procedure;

use crate::date::{parse_iso, ymd_display, ymd_number};
use crate::error::{Error, ErrorCode, Result};
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::path::Path;

pub use drug::DrugRow;
pub use procedure::{AgeAddon, AgeBound, ProcedureRow};

/// The kinds of 基本マスター file, told apart by the official file name prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MasterKind {
    /// s_*.csv 医科診療行為
    Procedure,
    /// y_*.csv 医薬品
    Drug,
    /// t_ 特定器材, c_ コメント, b_ 傷病名, z_ 修飾語: recognised, not yet used by the calculation.
    Other(char),
}

impl MasterKind {
    pub fn from_file_name(name: &str) -> Option<MasterKind> {
        let base = name.rsplit(['/', '\\', '!']).next().unwrap_or(name);
        let lower = base.to_ascii_lowercase();
        if !(lower.ends_with(".csv") || lower.ends_with(".txt")) {
            return None;
        }
        let mut chars = lower.chars();
        let (first, second) = (chars.next()?, chars.next()?);
        if second != '_' {
            return None;
        }
        match first {
            's' => Some(MasterKind::Procedure),
            'y' => Some(MasterKind::Drug),
            't' | 'c' | 'b' | 'z' => Some(MasterKind::Other(first)),
            _ => None,
        }
    }
}

/// A master file that was read, and how many rows it gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadedFile {
    pub name: String,
    pub rows: usize,
}

/// All master rows in force from one 施行日.
#[derive(Debug, Default)]
pub struct Generation {
    pub effective: Option<NaiveDate>,
    pub procedures: HashMap<String, ProcedureRow>,
    pub drugs: HashMap<String, DrugRow>,
    pub loaded: Vec<LoadedFile>,
    /// Files present but not used by this version (t, c, b, z masters; other files).
    pub skipped: Vec<String>,
}

impl Generation {
    pub fn effective_date(&self) -> NaiveDate {
        self.effective.unwrap_or(NaiveDate::MIN)
    }

    fn add_file(&mut self, name: &str, bytes: &[u8]) -> Result<()> {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".zip") {
            return self.add_zip(name, bytes);
        }
        let kind = match MasterKind::from_file_name(name) {
            Some(k) => k,
            None => {
                self.skipped.push(name.to_string());
                return Ok(());
            }
        };
        let rows = match kind {
            MasterKind::Procedure => {
                let text = csvfile::decode_cp932(name, bytes)?;
                let rows = procedure::parse(name, &text)?;
                insert_unique(
                    &mut self.procedures,
                    rows,
                    |r| &r.code,
                    name,
                    "診療行為コード",
                )?
            }
            MasterKind::Drug => {
                let text = csvfile::decode_cp932(name, bytes)?;
                let rows = drug::parse(name, &text)?;
                insert_unique(&mut self.drugs, rows, |r| &r.code, name, "医薬品コード")?
            }
            MasterKind::Other(_) => {
                self.skipped.push(name.to_string());
                return Ok(());
            }
        };
        self.loaded.push(LoadedFile {
            name: name.to_string(),
            rows,
        });
        Ok(())
    }

    fn add_zip(&mut self, name: &str, bytes: &[u8]) -> Result<()> {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
            .map_err(|e| Error::master(name, format!("not a readable zip archive: {e}")))?;
        for i in 0..archive.len() {
            let mut entry = archive
                .by_index(i)
                .map_err(|e| Error::master(name, format!("zip entry {i}: {e}")))?;
            if entry.is_dir() {
                continue;
            }
            let entry_name = format!("{name}!{}", entry.name());
            let mut data = Vec::with_capacity(entry.size().min(64 << 20) as usize);
            entry
                .read_to_end(&mut data)
                .map_err(|e| Error::master(&entry_name, format!("cannot decompress: {e}")))?;
            drop(entry);
            self.add_file(&entry_name, &data)?;
        }
        Ok(())
    }
}

/// Adds rows keyed by their code; a code seen twice in one generation is an error.
fn insert_unique<R>(
    map: &mut HashMap<String, R>,
    rows: Vec<R>,
    code_of: impl Fn(&R) -> &String,
    file: &str,
    what: &str,
) -> Result<usize> {
    let n = rows.len();
    for row in rows {
        let code = code_of(&row).clone();
        if map.insert(code.clone(), row).is_some() {
            return Err(Error::master(
                file,
                format!("{what} {code} appears twice in the generation"),
            ));
        }
    }
    Ok(n)
}

/// Every loaded generation, ordered by 施行日.
#[derive(Debug, Default)]
pub struct MasterSet {
    generations: Vec<Generation>,
}

impl MasterSet {
    /// Loads in-memory files named `GENERATION/FILE` where GENERATION is a `YYYY-MM-DD` folder.
    pub fn from_files<N: AsRef<str>, B: AsRef<[u8]>>(files: &[(N, B)]) -> Result<MasterSet> {
        let mut by_date: BTreeMap<NaiveDate, Generation> = BTreeMap::new();
        let mut sorted: Vec<(&str, &[u8])> = files
            .iter()
            .map(|(n, b)| (n.as_ref(), b.as_ref()))
            .collect();
        sorted.sort_by(|a, b| a.0.cmp(b.0));
        for (name, bytes) in sorted {
            let date = generation_of(name)?;
            let generation = by_date.entry(date).or_insert_with(|| Generation {
                effective: Some(date),
                ..Generation::default()
            });
            generation.add_file(name, bytes)?;
        }
        if by_date.is_empty() {
            return Err(Error::new(
                ErrorCode::MasterError,
                "no master files given (expected e.g. 2024-06-01/s_ALL20240531.csv)",
            ));
        }
        for g in by_date.values() {
            if g.procedures.is_empty() {
                return Err(Error::new(
                    ErrorCode::MasterError,
                    format!(
                        "generation {}: no 医科診療行為マスター (s_*.csv) among its files",
                        g.effective_date()
                    ),
                ));
            }
        }
        Ok(MasterSet {
            generations: by_date.into_values().collect(),
        })
    }

    /// Loads a master root (a folder of `YYYY-MM-DD/` generation folders) or one generation folder.
    pub fn load_dir(path: &Path) -> Result<MasterSet> {
        let io = |p: &Path, e: std::io::Error| {
            Error::new(ErrorCode::IoError, format!("{}: {e}", p.display()))
        };
        let meta = std::fs::metadata(path).map_err(|e| io(path, e))?;
        if !meta.is_dir() {
            return Err(Error::new(
                ErrorCode::IoError,
                format!("{}: not a folder", path.display()),
            ));
        }
        let own_name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let generation_dirs: Vec<(String, std::path::PathBuf)> = if parse_iso(own_name).is_some() {
            vec![(own_name.to_string(), path.to_path_buf())]
        } else {
            let mut dirs = Vec::new();
            for entry in std::fs::read_dir(path).map_err(|e| io(path, e))? {
                let entry = entry.map_err(|e| io(path, e))?;
                let name = entry.file_name().to_string_lossy().into_owned();
                if entry.path().is_dir() && parse_iso(&name).is_some() {
                    dirs.push((name, entry.path()));
                }
            }
            if dirs.is_empty() {
                return Err(Error::new(
                    ErrorCode::MasterError,
                    format!(
                        "{}: no generation folder named YYYY-MM-DD (e.g. 2024-06-01/) inside",
                        path.display()
                    ),
                ));
            }
            dirs
        };
        let mut files = Vec::new();
        for (gen_name, dir) in generation_dirs {
            for entry in std::fs::read_dir(&dir).map_err(|e| io(&dir, e))? {
                let entry = entry.map_err(|e| io(&dir, e))?;
                if !entry.path().is_file() {
                    continue;
                }
                let name = format!("{gen_name}/{}", entry.file_name().to_string_lossy());
                let bytes = std::fs::read(entry.path()).map_err(|e| io(&entry.path(), e))?;
                files.push((name, bytes));
            }
        }
        MasterSet::from_files(&files)
    }

    pub fn generations(&self) -> &[Generation] {
        &self.generations
    }

    /// The newest generation whose 施行日 is on or before the date of service.
    pub fn generation_for(&self, date: NaiveDate) -> Result<&Generation> {
        self.generations
            .iter()
            .rev()
            .find(|g| g.effective_date() <= date)
            .ok_or_else(|| {
                let loaded: Vec<String> = self
                    .generations
                    .iter()
                    .map(|g| g.effective_date().to_string())
                    .collect();
                Error::new(
                    ErrorCode::CalcError,
                    format!(
                        "no master generation in force on {date} (loaded: {})",
                        loaded.join(", ")
                    ),
                )
            })
    }
}

/// The generation date of an in-memory file name: its folder component `YYYY-MM-DD`.
fn generation_of(name: &str) -> Result<NaiveDate> {
    let mut parts = name.rsplit(['/', '\\']);
    let _file = parts.next();
    parts
        .next()
        .and_then(parse_iso)
        .ok_or_else(|| {
            Error::master(
                name,
                "a master file must sit in a generation folder named by its 施行日, e.g. 2024-06-01/s_ALL20240531.csv",
            )
        })
}

/// Whether a master row with 変更年月日 `changed` and 廃止年月日 `abolished` may be used on `date`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Validity {
    Valid,
    /// The row's current values start after the date (its 旧 values apply, if given).
    NotYetChanged,
    /// The code's last valid day (廃止年月日) is before the date.
    Abolished,
}

pub fn validity(changed: u32, abolished: u32, date: NaiveDate) -> Validity {
    let d = ymd_number(date);
    if abolished != 0 && d > abolished {
        Validity::Abolished
    } else if changed != 0 && d < changed {
        Validity::NotYetChanged
    } else {
        Validity::Valid
    }
}

pub fn describe_date(n: u32) -> String {
    ymd_display(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_official_names() {
        assert_eq!(
            MasterKind::from_file_name("s_ALL20240531.csv"),
            Some(MasterKind::Procedure)
        );
        assert_eq!(
            MasterKind::from_file_name("2024-06-01/x.zip!y_ALL20240321.csv"),
            Some(MasterKind::Drug)
        );
        assert_eq!(
            MasterKind::from_file_name("b_20240601.txt"),
            Some(MasterKind::Other('b'))
        );
        assert_eq!(MasterKind::from_file_name("README.txt"), None);
    }

    #[test]
    fn file_outside_a_generation_folder_is_refused() {
        let err = MasterSet::from_files(&[("s_ALL20240531.csv", b"" as &[u8])]).unwrap_err();
        assert_eq!(err.code, ErrorCode::MasterError);
        assert!(err
            .message
            .starts_with("s_ALL20240531.csv: a master file must sit"));
    }

    #[test]
    fn validity_uses_inclusive_abolition_day() {
        let d = |s| parse_iso(s).unwrap();
        assert_eq!(
            validity(20240601, 99999999, d("2024-06-01")),
            Validity::Valid
        );
        assert_eq!(
            validity(20240601, 99999999, d("2024-05-31")),
            Validity::NotYetChanged
        );
        assert_eq!(
            validity(20220401, 20240531, d("2024-05-31")),
            Validity::Valid
        );
        assert_eq!(
            validity(20220401, 20240531, d("2024-06-01")),
            Validity::Abolished
        );
    }
}
