//! One master table with its history: every code keeps the versions published for it, each in
//! force from its 変更年月日, so the engine knows the state of any date the loaded files cover.
//!
//! A generation's files of one kind are applied in date order: the full file (s_ALL…, y_ALL…;
//! 傷病名 b_ and 修飾語 z_ are always full) first, then the monthly 差分 files, whose rows carry
//! 変更区分 (1 抹消, 3 新規, 5 変更, 9 廃止). In 5 and 9 rows an empty field means "unchanged".

use super::csvfile::{decode_cp932, for_each_record, Row};
use crate::date::ymd_number;
use crate::error::{Error, Result};
use chrono::NaiveDate;
use csv::StringRecord;
use std::collections::{HashMap, HashSet};

/// A typed row of one 基本マスター.
pub trait MasterRow: Sized {
    /// マスター種別 in column 2 ("S", "Y", …).
    const KIND: &'static str;
    /// The field counts of the published layouts this loader reads.
    const LAYOUTS: &'static [usize];
    /// What the code is called in messages ("診療行為コード").
    const CODE_NAME: &'static str;
    /// The master's name ("医科診療行為マスター").
    const TITLE: &'static str;
    /// The code a raw record is about (column 3; コメント: 区分 + パターン + 一連番号, since its
    /// 差分 rows leave column 23 empty).
    fn key(row: &Row<'_>) -> String {
        row.text(3).trim().to_string()
    }
    fn parse(row: &Row<'_>) -> Result<Self>;
    fn code(&self) -> &str;
    fn name(&self) -> &str;
    /// 変更年月日 (YYYYMMDD as a number; 0 when not given)
    fn changed(&self) -> u32;
    /// 廃止年月日 (the last day the code may be used; 99999999 open)
    fn abolished(&self) -> u32;
}

/// Implements [`MasterRow`] for a row struct with `code`, `name`, `changed` and `abolished`
/// fields and a `parse_row` function.
#[macro_export]
macro_rules! master_row {
    ($row:ty, $kind:literal, $layouts:expr, $code_name:literal, $title:literal $(, key = $key:path)?) => {
        impl $crate::masters::table::MasterRow for $row {
            const KIND: &'static str = $kind;
            const LAYOUTS: &'static [usize] = $layouts;
            const CODE_NAME: &'static str = $code_name;
            const TITLE: &'static str = $title;
            $(
                fn key(row: &$crate::masters::csvfile::Row<'_>) -> String {
                    $key(row)
                }
            )?
            fn parse(row: &$crate::masters::csvfile::Row<'_>) -> $crate::error::Result<Self> {
                parse_row(row)
            }
            fn code(&self) -> &str {
                &self.code
            }
            fn name(&self) -> &str {
                &self.name
            }
            fn changed(&self) -> u32 {
                self.changed
            }
            fn abolished(&self) -> u32 {
                self.abolished
            }
        }
    };
}

/// What a table says about a code on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lookup<'a, R> {
    Unknown,
    /// The version in force on the date.
    Valid(&'a R),
    /// Every version starts after the date; the earliest one is given (its 旧 values may apply).
    NotYet(&'a R),
    /// The version for the date was abolished before it.
    Abolished(&'a R),
}

#[derive(Debug)]
pub struct Table<R> {
    versions: HashMap<String, Vec<R>>,
    /// The latest published record of each code, kept while loading to merge 変更 rows onto.
    raw: HashMap<String, StringRecord>,
}

impl<R> Default for Table<R> {
    fn default() -> Self {
        Table {
            versions: HashMap::new(),
            raw: HashMap::new(),
        }
    }
}

impl<R: MasterRow> Table<R> {
    /// Number of codes.
    pub fn len(&self) -> usize {
        self.versions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.versions.is_empty()
    }

    /// The version of `code` in force on `date`.
    pub fn get(&self, code: &str, date: NaiveDate) -> Lookup<'_, R> {
        let Some(versions) = self.versions.get(code) else {
            return Lookup::Unknown;
        };
        let d = ymd_number(date);
        match versions.iter().rev().find(|v| v.changed() <= d) {
            Some(v) if v.abolished() != 0 && d > v.abolished() => Lookup::Abolished(v),
            Some(v) => Lookup::Valid(v),
            None => versions.first().map_or(Lookup::Unknown, Lookup::NotYet),
        }
    }

    /// The latest published version of `code`, whatever its dates.
    pub fn latest(&self, code: &str) -> Option<&R> {
        self.versions.get(code).and_then(|v| v.last())
    }

    /// Every version of `code`, oldest first.
    pub fn versions(&self, code: &str) -> &[R] {
        self.versions.get(code).map_or(&[], |v| v.as_slice())
    }

    /// Every code, unordered.
    pub fn codes(&self) -> impl Iterator<Item = &str> {
        self.versions.keys().map(String::as_str)
    }

    /// Replaces the table with a full file's rows, keeping the raw records of the codes in `keep`
    /// (those a later 差分 changes) to merge onto.
    pub fn load_full(&mut self, file: &str, bytes: &[u8], keep: &HashSet<String>) -> Result<usize> {
        let text = decode_cp932(file, bytes)?;
        self.versions.clear();
        self.raw.clear();
        let mut n = 0;
        for_each_record(file, &text, R::LAYOUTS, |row| {
            check_kind::<R>(row)?;
            let parsed = R::parse(row)?;
            let code = parsed.code().to_string();
            if self.versions.insert(code.clone(), vec![parsed]).is_some() {
                return Err(Error::master(
                    file,
                    format!("line {}: {} {code} appears twice", row.line, R::CODE_NAME),
                ));
            }
            if keep.contains(&code) {
                self.raw.insert(code, row.record.clone());
            }
            n += 1;
            Ok(())
        })?;
        Ok(n)
    }

    /// Applies one monthly update (差分) file.
    pub fn apply_update(&mut self, file: &str, bytes: &[u8]) -> Result<usize> {
        let text = decode_cp932(file, bytes)?;
        let mut n = 0;
        for_each_record(file, &text, R::LAYOUTS, |row| {
            check_kind::<R>(row)?;
            let code = R::key(row);
            match row.text(1) {
                // 抹消: the code was registered in error and is removed altogether
                "1" => {
                    self.versions.remove(&code);
                    self.raw.remove(&code);
                }
                // 新規 (and an unflagged full row): a complete row
                "0" | "3" => self.add_version(row.record.clone(), row)?,
                // 変更 / 廃止: only the changed fields are filled
                "5" | "9" => {
                    let Some(base) = self.raw.get(&code) else {
                        return Err(row.error(
                            3,
                            R::CODE_NAME,
                            format!("変更区分 {} for {code}, which no earlier file of the generation has", row.text(1)),
                        ));
                    };
                    let merged = merge(base, row.record);
                    self.add_version(merged, row)?;
                }
                other => {
                    return Err(row.error(
                        1,
                        "変更区分",
                        format!("expected 0, 1, 3, 5 or 9, found {other:?}"),
                    ));
                }
            }
            n += 1;
            Ok(())
        })?;
        Ok(n)
    }

    /// Stores a complete record as the version in force from its 変更年月日 (replacing a version
    /// published earlier for the same date: the March files re-issue the coming 改定 several times).
    fn add_version(&mut self, record: StringRecord, at: &Row<'_>) -> Result<()> {
        let parsed = R::parse(&Row {
            file: at.file,
            line: at.line,
            record: &record,
        })?;
        let code = parsed.code().to_string();
        let versions = self.versions.entry(code.clone()).or_default();
        match versions
            .iter()
            .position(|v| v.changed() >= parsed.changed())
        {
            Some(i) if versions[i].changed() == parsed.changed() => versions[i] = parsed,
            Some(i) => versions.insert(i, parsed),
            None => versions.push(parsed),
        }
        self.raw.insert(code, record);
        Ok(())
    }

    /// Drops the loading state once every file of the generation is applied.
    pub fn finish(&mut self) {
        self.raw = HashMap::new();
    }
}

fn check_kind<R: MasterRow>(row: &Row<'_>) -> Result<()> {
    if row.text(2) == R::KIND {
        Ok(())
    } else {
        Err(row.error(
            2,
            "マスター種別",
            format!("expected {:?}, found {:?}", R::KIND, row.text(2)),
        ))
    }
}

/// A 変更 / 廃止 row over the latest record: non-empty fields replace, empty ones keep.
fn merge(base: &StringRecord, update: &StringRecord) -> StringRecord {
    let len = base.len().max(update.len());
    let mut out = StringRecord::with_capacity(base.as_slice().len() + update.as_slice().len(), len);
    for i in 0..len {
        let u = update.get(i).unwrap_or("");
        out.push_field(if u.is_empty() {
            base.get(i).unwrap_or("")
        } else {
            u
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A minimal master: 1 変更区分, 2 "Q", 3 code, 4 name, 5 変更年月日, 6 廃止年月日.
    #[derive(Debug, PartialEq)]
    struct Q {
        code: String,
        name: String,
        changed: u32,
        abolished: u32,
    }

    fn parse_row(row: &Row<'_>) -> Result<Q> {
        Ok(Q {
            code: row.text(3).to_string(),
            name: row.text(4).to_string(),
            changed: row.date(5, "変更年月日")?,
            abolished: row.date(6, "廃止年月日")?,
        })
    }

    crate::master_row!(Q, "Q", &[6], "コード", "テスト");

    fn sjis(s: &str) -> Vec<u8> {
        encoding_rs::SHIFT_JIS.encode(s).0.into_owned()
    }

    fn d(s: &str) -> NaiveDate {
        crate::date::parse_iso(s).unwrap()
    }

    #[test]
    fn versions_by_date_with_inclusive_abolition_day() {
        let mut t: Table<Q> = Table::default();
        t.load_full(
            "q_ALL.csv",
            &sjis("\"0\",\"Q\",\"1\",\"旧\",\"20220401\",\"99999999\"\r\n"),
            &HashSet::from(["1".to_string()]),
        )
        .unwrap();
        // a 変更 from 2024-06-01 renaming, then a 廃止 of that version after 2025-03-31
        t.apply_update(
            "q_1.csv",
            &sjis("\"5\",\"Q\",\"1\",\"新\",\"20240601\",\"\"\r\n"),
        )
        .unwrap();
        t.apply_update(
            "q_2.csv",
            &sjis("\"9\",\"Q\",\"1\",\"\",\"\",\"20250331\"\r\n"),
        )
        .unwrap();
        let name = |date: &str| match t.get("1", d(date)) {
            Lookup::Valid(q) => q.name.clone(),
            other => format!("{other:?}"),
        };
        assert_eq!(
            name("2022-03-31"),
            "NotYet(Q { code: \"1\", name: \"旧\", changed: 20220401, abolished: 99999999 })"
        );
        assert_eq!(name("2022-04-01"), "旧");
        assert_eq!(name("2024-05-31"), "旧");
        assert_eq!(name("2024-06-01"), "新");
        assert_eq!(name("2025-03-31"), "新");
        assert!(matches!(t.get("1", d("2025-04-01")), Lookup::Abolished(_)));
        assert!(matches!(t.get("2", d("2025-04-01")), Lookup::Unknown));
        // 抹消 removes the code altogether
        t.apply_update("q_3.csv", &sjis("\"1\",\"Q\",\"1\",\"\",\"\",\"\"\r\n"))
            .unwrap();
        assert!(t.is_empty());
    }

    #[test]
    fn a_change_for_an_unknown_code_names_the_row() {
        let mut t: Table<Q> = Table::default();
        let err = t
            .apply_update("q_1.csv", &sjis("\"5\",\"Q\",\"7\",\"x\",\"\",\"\"\r\n"))
            .unwrap_err();
        assert_eq!(err.message, "q_1.csv line 1 column 3 (コード): 変更区分 5 for 7, which no earlier file of the generation has");
        let err = t
            .apply_update("q_1.csv", &sjis("\"4\",\"Q\",\"7\",\"x\",\"\",\"\"\r\n"))
            .unwrap_err();
        assert_eq!(
            err.message,
            "q_1.csv line 1 column 1 (変更区分): expected 0, 1, 3, 5 or 9, found \"4\""
        );
    }

    #[test]
    fn merge_keeps_empty_fields() {
        let base = StringRecord::from(vec!["0", "S", "111000110", "初診料", "288.00", "20220401"]);
        let upd = StringRecord::from(vec!["5", "S", "111000110", "", "291.00", "20240601", "x"]);
        let m = merge(&base, &upd);
        assert_eq!(
            m,
            StringRecord::from(vec![
                "5",
                "S",
                "111000110",
                "初診料",
                "291.00",
                "20240601",
                "x"
            ])
        );
    }
}
