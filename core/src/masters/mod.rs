//! 基本マスター loading and master generations.
//!
//! A *generation* is the set of master files in force from one 施行日; on disk it is a folder named
//! by that date (`2024-06-01/`) holding the official files, zipped or extracted. A master root
//! holds one or more generation folders. In memory the same files are passed as
//! `("2024-06-01/s_20240531.zip", bytes)` pairs, so every surface loads masters the same way.

pub mod comment;
pub mod csvfile;
pub mod diff;
pub mod disease;
pub mod drug;
pub mod material;
pub mod modifier;
pub mod procedure;
pub mod table;
pub mod tensuhyo;

use crate::date::{parse_iso, ymd_display};
use crate::error::{Error, ErrorCode, Result};
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashSet};
use std::io::Read;
use std::path::Path;

pub use comment::CommentRow;
pub use disease::DiseaseRow;
pub use drug::DrugRow;
pub use material::MaterialRow;
pub use modifier::ModifierRow;
pub use procedure::{AgeAddon, AgeBound, ProcedureRow};
pub use table::{Lookup, MasterRow, Table};
pub use tensuhyo::{Tensuhyo, TensuhyoFile};

/// The six 基本マスター, told apart by the official file name prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MasterKind {
    /// s_ 医科診療行為
    Procedure,
    /// y_ 医薬品
    Drug,
    /// t_ 特定器材
    Material,
    /// c_ コメント
    Comment,
    /// b_ 傷病名
    Disease,
    /// z_ 修飾語
    Modifier,
}

impl MasterKind {
    pub const ALL: [MasterKind; 6] = [
        MasterKind::Procedure,
        MasterKind::Drug,
        MasterKind::Material,
        MasterKind::Comment,
        MasterKind::Disease,
        MasterKind::Modifier,
    ];

    /// The file name prefix letter ("s", "y", "t", "c", "b", "z").
    pub fn letter(self) -> &'static str {
        match self {
            MasterKind::Procedure => "s",
            MasterKind::Drug => "y",
            MasterKind::Material => "t",
            MasterKind::Comment => "c",
            MasterKind::Disease => "b",
            MasterKind::Modifier => "z",
        }
    }

    pub fn from_letter(letter: &str) -> Option<MasterKind> {
        MasterKind::ALL.into_iter().find(|k| k.letter() == letter)
    }

    pub fn title(self) -> &'static str {
        match self {
            MasterKind::Procedure => "医科診療行為マスター",
            MasterKind::Drug => "医薬品マスター",
            MasterKind::Material => "特定器材マスター",
            MasterKind::Comment => "コメントマスター",
            MasterKind::Disease => "傷病名マスター",
            MasterKind::Modifier => "修飾語マスター",
        }
    }

    pub fn from_file_name(name: &str) -> Option<MasterKind> {
        let base = base_name(name).to_ascii_lowercase();
        if !(base.ends_with(".csv") || base.ends_with(".txt")) {
            return None;
        }
        let (letter, rest) = base.split_at_checked(1)?;
        if !rest.starts_with('_') {
            return None;
        }
        MasterKind::from_letter(letter)
    }

    /// 傷病名 and 修飾語 are published as full files only; the others as a full file (…_ALL…)
    /// followed by monthly 差分 files.
    fn is_full_file(self, name: &str) -> bool {
        matches!(self, MasterKind::Disease | MasterKind::Modifier)
            || base_name(name).to_ascii_uppercase().contains("ALL")
    }
}

/// The file's own name: after the last folder separator or zip-member marker `!`.
fn base_name(name: &str) -> &str {
    name.rsplit(['/', '\\', '!']).next().unwrap_or(name)
}

/// The publication date in an official file name (the last run of 8 digits), for ordering.
fn file_date(name: &str) -> u32 {
    let base = base_name(name).as_bytes();
    let mut best = 0;
    let mut i = 0;
    while i < base.len() {
        let run = base[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        if run == 8 {
            best = std::str::from_utf8(&base[i..i + 8])
                .ok()
                .and_then(|s| s.parse().ok())
                .unwrap_or(0);
        }
        i += run.max(1);
    }
    best
}

/// A master file that was read, and how many rows it gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadedFile {
    pub name: String,
    pub kind: MasterKind,
    /// A full file (true) or a monthly 差分 (false).
    pub full: bool,
    pub rows: usize,
}

/// All master rows in force from one 施行日, with their history.
#[derive(Debug, Default)]
pub struct Generation {
    pub effective: Option<NaiveDate>,
    pub procedures: Table<ProcedureRow>,
    pub drugs: Table<DrugRow>,
    pub materials: Table<MaterialRow>,
    pub comments: Table<CommentRow>,
    pub diseases: Table<DiseaseRow>,
    pub modifiers: Table<ModifierRow>,
    /// 医科電子点数表 (補助・包括・背反・入院基本料・算定回数), when the generation has it.
    pub tensuhyo: Tensuhyo,
    /// 判断料・診断料 codes (検査等実施判断区分 2, column 50) by 検査等実施判断グループ区分 (column
    /// 51), from every version of every row: the 検査 rules find a group's 判断料 here instead of
    /// scanning the whole table at each visit.
    pub judgement_fees: BTreeMap<u32, Vec<String>>,
    pub loaded: Vec<LoadedFile>,
    /// Files present but not master files (read-me files and the like).
    pub skipped: Vec<String>,
}

impl Generation {
    pub fn effective_date(&self) -> NaiveDate {
        self.effective.unwrap_or(NaiveDate::MIN)
    }

    /// Number of codes per kind.
    pub fn count(&self, kind: MasterKind) -> usize {
        match kind {
            MasterKind::Procedure => self.procedures.len(),
            MasterKind::Drug => self.drugs.len(),
            MasterKind::Material => self.materials.len(),
            MasterKind::Comment => self.comments.len(),
            MasterKind::Disease => self.diseases.len(),
            MasterKind::Modifier => self.modifiers.len(),
        }
    }

    /// Builds a generation from its files: each kind's files are applied in date order, the full
    /// file first. Zip members are decompressed one at a time, when applied, and a full file's raw
    /// records are kept only for the codes a later 差分 changes, so loading needs little more
    /// memory than the tables it builds.
    fn build(date: NaiveDate, files: &[(&str, &[u8])]) -> Result<Generation> {
        let mut g = Generation {
            effective: Some(date),
            ..Generation::default()
        };
        let mut sources = Sources::open(files)?;
        let mut masters: Vec<(MasterKind, u32, bool, String, usize)> = Vec::new();
        for (i, name) in sources.names.clone().into_iter().enumerate() {
            if let Some(kind) = MasterKind::from_file_name(&name) {
                let full = kind.is_full_file(&name);
                masters.push((kind, file_date(&name), !full, name, i));
            } else if let Some(kind) = tensuhyo::file_kind(&name) {
                let bytes = sources.read(i)?;
                g.tensuhyo.add_file(kind, &name, &bytes)?;
            } else {
                g.skipped.push(name);
            }
        }
        // per kind: by publication date, a full file before an update of the same date
        masters.sort_by(|a, b| (a.0, a.1, a.2, &a.3).cmp(&(b.0, b.1, b.2, &b.3)));
        for kind in MasterKind::ALL {
            let files: Vec<&(MasterKind, u32, bool, String, usize)> =
                masters.iter().filter(|m| m.0 == kind).collect();
            let Some(first) = files.first() else { continue };
            if first.2 {
                return Err(Error::master(
                    &first.3,
                    format!(
                        "a 差分 file of the {} comes before any full file (…_ALL…) in generation {date}",
                        kind.title()
                    ),
                ));
            }
            // the codes the 差分 files change (変更・廃止), whose full rows must be kept to merge onto
            let mut touched = HashSet::new();
            for (_, _, update, name, i) in &files {
                if *update {
                    collect_changed_keys(kind, name, &sources.read(*i)?, &mut touched)?;
                }
            }
            for (_, _, update, name, i) in files {
                let bytes = sources.read(*i)?;
                let rows = g.apply(kind, !update, name, &bytes, &touched)?;
                g.loaded.push(LoadedFile {
                    name: name.clone(),
                    kind,
                    full: !update,
                    rows,
                });
            }
        }
        g.procedures.finish();
        g.judgement_fees = judgement_fees(&g.procedures);
        g.drugs.finish();
        g.materials.finish();
        g.comments.finish();
        g.diseases.finish();
        g.modifiers.finish();
        g.skipped.sort();
        Ok(g)
    }

    fn apply(
        &mut self,
        kind: MasterKind,
        full: bool,
        name: &str,
        bytes: &[u8],
        keep: &HashSet<String>,
    ) -> Result<usize> {
        fn go<R: MasterRow>(
            t: &mut Table<R>,
            full: bool,
            name: &str,
            bytes: &[u8],
            keep: &HashSet<String>,
        ) -> Result<usize> {
            if full {
                t.load_full(name, bytes, keep)
            } else {
                t.apply_update(name, bytes)
            }
        }
        match kind {
            MasterKind::Procedure => go(&mut self.procedures, full, name, bytes, keep),
            MasterKind::Drug => go(&mut self.drugs, full, name, bytes, keep),
            MasterKind::Material => go(&mut self.materials, full, name, bytes, keep),
            MasterKind::Comment => go(&mut self.comments, full, name, bytes, keep),
            MasterKind::Disease => go(&mut self.diseases, full, name, bytes, keep),
            MasterKind::Modifier => go(&mut self.modifiers, full, name, bytes, keep),
        }
    }
}

/// The codes of the 判断料・診断料 rows (検査等実施判断区分 2) by 検査等実施判断グループ区分.
fn judgement_fees(procedures: &Table<ProcedureRow>) -> BTreeMap<u32, Vec<String>> {
    let mut by_group: BTreeMap<u32, Vec<String>> = BTreeMap::new();
    for code in procedures.codes() {
        let groups: HashSet<u32> = procedures
            .versions(code)
            .iter()
            .filter(|r| r.test_judgement == 2)
            .map(|r| r.test_judgement_group)
            .collect();
        for group in groups {
            by_group.entry(group).or_default().push(code.to_string());
        }
    }
    for codes in by_group.values_mut() {
        codes.sort();
    }
    by_group
}

/// A generation's input files with zip archives opened: every file and zip member by name, read
/// (decompressed) only when asked for.
struct Sources<'a> {
    names: Vec<String>,
    /// per name: a plain file, or (archive, member index)
    places: Vec<Place<'a>>,
    archives: Vec<(String, zip::ZipArchive<std::io::Cursor<&'a [u8]>>)>,
}

enum Place<'a> {
    Plain(&'a [u8]),
    Member(usize, usize),
}

impl<'a> Sources<'a> {
    fn open(files: &[(&str, &'a [u8])]) -> Result<Sources<'a>> {
        let mut s = Sources {
            names: Vec::new(),
            places: Vec::new(),
            archives: Vec::new(),
        };
        for (name, bytes) in files {
            if !name.to_ascii_lowercase().ends_with(".zip") {
                s.names.push(name.to_string());
                s.places.push(Place::Plain(bytes));
                continue;
            }
            let mut archive = zip::ZipArchive::new(std::io::Cursor::new(*bytes))
                .map_err(|e| Error::master(name, format!("not a readable zip archive: {e}")))?;
            for m in 0..archive.len() {
                let entry = archive
                    .by_index(m)
                    .map_err(|e| Error::master(name, format!("zip entry {m}: {e}")))?;
                if entry.is_dir() {
                    continue;
                }
                // official archives name their members in CP932 (the 電子点数表's Japanese names)
                let member = tensuhyo::decode_member_name(entry.name_raw());
                s.names.push(format!("{name}!{member}"));
                s.places.push(Place::Member(s.archives.len(), m));
            }
            s.archives.push((name.to_string(), archive));
        }
        Ok(s)
    }

    fn read(&mut self, i: usize) -> Result<std::borrow::Cow<'a, [u8]>> {
        match self.places[i] {
            Place::Plain(bytes) => Ok(std::borrow::Cow::Borrowed(bytes)),
            Place::Member(a, m) => {
                let name = &self.names[i];
                let archive = &mut self.archives[a].1;
                let mut entry = archive
                    .by_index(m)
                    .map_err(|e| Error::master(name, format!("zip entry: {e}")))?;
                let mut data = Vec::with_capacity(entry.size().min(64 << 20) as usize);
                entry
                    .read_to_end(&mut data)
                    .map_err(|e| Error::master(name, format!("cannot decompress: {e}")))?;
                Ok(std::borrow::Cow::Owned(data))
            }
        }
    }
}

/// The codes of a 差分 file's 変更 (5) and 廃止 (9) rows.
fn collect_changed_keys(
    kind: MasterKind,
    name: &str,
    bytes: &[u8],
    out: &mut HashSet<String>,
) -> Result<()> {
    let text = csvfile::decode_cp932(name, bytes)?;
    let key: fn(&csvfile::Row<'_>) -> String = match kind {
        MasterKind::Comment => comment::comment_key,
        _ => |row| row.text(3).trim().to_string(),
    };
    csvfile::for_each_record(name, &text, &[], |row| {
        if matches!(row.text(1), "5" | "9") {
            out.insert(key(row));
        }
        Ok(())
    })
}

/// Every loaded generation, ordered by 施行日.
#[derive(Debug, Default)]
pub struct MasterSet {
    generations: Vec<Generation>,
}

impl MasterSet {
    /// Loads in-memory files named `GENERATION/FILE` where GENERATION is a `YYYY-MM-DD` folder.
    pub fn from_files<N: AsRef<str>, B: AsRef<[u8]>>(files: &[(N, B)]) -> Result<MasterSet> {
        let mut by_date: BTreeMap<NaiveDate, Vec<(&str, &[u8])>> = BTreeMap::new();
        for (name, bytes) in files {
            let name = name.as_ref();
            by_date
                .entry(generation_of(name)?)
                .or_default()
                .push((name, bytes.as_ref()));
        }
        if by_date.is_empty() {
            return Err(Error::new(
                ErrorCode::MasterError,
                "no master files given (expected e.g. 2024-06-01/s_ALL20240531.csv)",
            ));
        }
        let mut generations = Vec::new();
        for (date, files) in by_date {
            let g = Generation::build(date, &files)?;
            if g.procedures.is_empty() {
                return Err(Error::new(
                    ErrorCode::MasterError,
                    format!("generation {date}: no 医科診療行為マスター (s_*.csv) among its files"),
                ));
            }
            generations.push(g);
        }
        Ok(MasterSet { generations })
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

/// A master date number `YYYYMMDD` as `YYYY-MM-DD` for messages.
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
            Some(MasterKind::Disease)
        );
        assert_eq!(
            MasterKind::from_file_name("z_20250601.txt"),
            Some(MasterKind::Modifier)
        );
        assert_eq!(
            MasterKind::from_file_name("t_ALL20240315.csv"),
            Some(MasterKind::Material)
        );
        assert_eq!(MasterKind::from_file_name("README.txt"), None);
    }

    #[test]
    fn publication_dates_order_the_files() {
        assert_eq!(
            file_date("2024-06-01/s_20240531.zip!s_ALL20240531.csv"),
            20240531
        );
        assert_eq!(file_date("s_20240621.csv"), 20240621);
        assert_eq!(file_date("README.txt"), 0);
        assert!(MasterKind::Procedure.is_full_file("x.zip!s_ALL20240531.csv"));
        assert!(!MasterKind::Procedure.is_full_file("s_20240621.csv"));
        assert!(MasterKind::Disease.is_full_file("b_20240601.txt"));
    }

    #[test]
    fn file_outside_a_generation_folder_is_refused() {
        let err = MasterSet::from_files(&[("s_ALL20240531.csv", b"" as &[u8])]).unwrap_err();
        assert_eq!(err.code, ErrorCode::MasterError);
        assert!(err
            .message
            .starts_with("s_ALL20240531.csv: a master file must sit"));
    }
}
