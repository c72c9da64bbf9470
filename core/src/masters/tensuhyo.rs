//! 医科電子点数表 (支払基金 `tensuhyo_02.zip`): the 補助・包括・背反・入院基本料・算定回数 tables the
//! 事前審査 checks use. Each file is CSV, CP932, CRLF, no header, every field double-quoted, like
//! the 基本マスター. Column numbers below are the 1-based CSV field positions of the official layout
//! (docs/master-formats.md §9).
//!
//! Every row is kept, whatever its dates: the lookups select by the date of service against
//! 新設年月日 / 廃止年月日 (the 廃止年月日 is the last valid day; `99999999` = open).

use super::csvfile::{decode_cp932, for_each_record, Row};
use crate::date::ymd_number;
use crate::error::{Error, Result};
use chrono::NaiveDate;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

/// The four 背反テーブル, one per unit of time in which the two codes exclude each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum HaihanUnit {
    /// 03-1 背反テーブル1: 1日につき
    PerDay,
    /// 03-2 背反テーブル2: 同一月内
    SameMonth,
    /// 03-3 背反テーブル3: 同時
    Simultaneous,
    /// 03-4 背反テーブル4: 1週間につき
    PerWeek,
}

impl HaihanUnit {
    pub const ALL: [HaihanUnit; 4] = [
        HaihanUnit::PerDay,
        HaihanUnit::SameMonth,
        HaihanUnit::Simultaneous,
        HaihanUnit::PerWeek,
    ];

    /// The official file number: "03-1" … "03-4".
    pub fn file_number(self) -> &'static str {
        match self {
            HaihanUnit::PerDay => "03-1",
            HaihanUnit::SameMonth => "03-2",
            HaihanUnit::Simultaneous => "03-3",
            HaihanUnit::PerWeek => "03-4",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            HaihanUnit::PerDay => "1日につき",
            HaihanUnit::SameMonth => "同一月内",
            HaihanUnit::Simultaneous => "同時",
            HaihanUnit::PerWeek => "1週間につき",
        }
    }
}

/// The files of the 医科電子点数表.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TensuhyoFile {
    /// 01補助マスターテーブル.csv (27 columns)
    Hojo,
    /// 02包括テーブル.csv (7 columns)
    Houkatsu,
    /// 03-1..03-4背反テーブル1..4.csv (10 columns)
    Haihan(HaihanUnit),
    /// 04入院基本料テーブル.csv (8 columns)
    Nyuin,
    /// 05算定回数テーブル.csv (14 columns)
    SanteiKaisu,
}

impl TensuhyoFile {
    /// Every file of the 医科 table set, in the official order.
    pub const ALL: [TensuhyoFile; 8] = [
        TensuhyoFile::Hojo,
        TensuhyoFile::Houkatsu,
        TensuhyoFile::Haihan(HaihanUnit::PerDay),
        TensuhyoFile::Haihan(HaihanUnit::SameMonth),
        TensuhyoFile::Haihan(HaihanUnit::Simultaneous),
        TensuhyoFile::Haihan(HaihanUnit::PerWeek),
        TensuhyoFile::Nyuin,
        TensuhyoFile::SanteiKaisu,
    ];

    /// The field count of the official layout.
    pub fn columns(self) -> usize {
        match self {
            TensuhyoFile::Hojo => 27,
            TensuhyoFile::Houkatsu => 7,
            TensuhyoFile::Haihan(_) => 10,
            TensuhyoFile::Nyuin => 8,
            TensuhyoFile::SanteiKaisu => 14,
        }
    }

    /// The official file number: "01", "02", "03-1" … "03-4", "04", "05".
    pub fn file_number(self) -> &'static str {
        match self {
            TensuhyoFile::Hojo => "01",
            TensuhyoFile::Houkatsu => "02",
            TensuhyoFile::Haihan(unit) => unit.file_number(),
            TensuhyoFile::Nyuin => "04",
            TensuhyoFile::SanteiKaisu => "05",
        }
    }

    /// The word of the official file name that, with the number, identifies the file.
    fn word(self) -> &'static str {
        match self {
            TensuhyoFile::Hojo => "補助",
            TensuhyoFile::Houkatsu => "包括",
            TensuhyoFile::Haihan(_) => "背反",
            TensuhyoFile::Nyuin => "入院基本料",
            TensuhyoFile::SanteiKaisu => "算定回数",
        }
    }

    /// The table's name, for messages.
    pub fn label(self) -> &'static str {
        match self {
            TensuhyoFile::Hojo => "補助マスターテーブル",
            TensuhyoFile::Houkatsu => "包括テーブル",
            TensuhyoFile::Haihan(HaihanUnit::PerDay) => "背反テーブル1（1日につき）",
            TensuhyoFile::Haihan(HaihanUnit::SameMonth) => "背反テーブル2（同一月内）",
            TensuhyoFile::Haihan(HaihanUnit::Simultaneous) => "背反テーブル3（同時）",
            TensuhyoFile::Haihan(HaihanUnit::PerWeek) => "背反テーブル4（1週間につき）",
            TensuhyoFile::Nyuin => "入院基本料テーブル",
            TensuhyoFile::SanteiKaisu => "算定回数テーブル",
        }
    }
}

/// Recognises an official 医科電子点数表 file name (`01補助マスターテーブル.csv`,
/// `03-2背反テーブル2.csv`, …) by its leading number and the table's word, after any folder
/// prefix (`a/b/`, `a\b\`) or zip-member prefix (`tensuhyo_02.zip!`). Info-ZIP's `#Uxxxx`
/// escapes of non-ASCII member names are undone first. The `.csv` suffix is required (any case);
/// `00ファイル一覧表.pdf` and the 歯科 table numbering (`03-5…`, `04算定回数…`) do not match.
pub fn file_kind(base_name: &str) -> Option<TensuhyoFile> {
    let base = base_name
        .rsplit(['/', '\\', '!'])
        .next()
        .unwrap_or(base_name);
    let base = unescape_hash_u(base);
    let split = base.len().checked_sub(4)?;
    let (stem, ext) = (base.get(..split)?, base.get(split..)?);
    if !ext.eq_ignore_ascii_case(".csv") {
        return None;
    }
    TensuhyoFile::ALL.into_iter().find(|kind| {
        stem.strip_prefix(kind.file_number())
            .map(|rest| rest.trim_start_matches([' ', '_', '　']))
            .is_some_and(|rest| rest.starts_with(kind.word()))
    })
}

/// Decodes a zip member name from its raw bytes: UTF-8 when it is valid UTF-8, else CP932 (the
/// 支払基金 archives store CP932 names without the UTF-8 flag, which the `zip` crate's `name()`
/// would read as CP437).
pub fn decode_member_name(raw: &[u8]) -> String {
    match std::str::from_utf8(raw) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::SHIFT_JIS
            .decode_without_bom_handling(raw)
            .0
            .into_owned(),
    }
}

/// Replaces Info-ZIP's `#Uxxxx` escapes (4 hex digits) with the character they stand for.
fn unescape_hash_u(s: &str) -> Cow<'_, str> {
    if !s.contains("#U") {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find("#U") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let decoded = after
            .get(..4)
            .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .and_then(char::from_u32);
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &after[4..];
            }
            None => {
                out.push_str("#U");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// 包括単位 (補助マスターテーブル columns 4, 6, 8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HoukatsuUnit {
    /// 1 1日につき
    PerDay,
    /// 2 同一月内
    SameMonth,
    /// 3 同時
    Simultaneous,
    /// 5 手術前1週間
    PreOperationWeek,
    /// 6 1手術
    PerOperation,
    /// Any other value, kept as published.
    Other(u32),
}

impl HoukatsuUnit {
    pub fn from_code(n: u32) -> HoukatsuUnit {
        match n {
            1 => HoukatsuUnit::PerDay,
            2 => HoukatsuUnit::SameMonth,
            3 => HoukatsuUnit::Simultaneous,
            5 => HoukatsuUnit::PreOperationWeek,
            6 => HoukatsuUnit::PerOperation,
            other => HoukatsuUnit::Other(other),
        }
    }

    pub fn code(self) -> u32 {
        match self {
            HoukatsuUnit::PerDay => 1,
            HoukatsuUnit::SameMonth => 2,
            HoukatsuUnit::Simultaneous => 3,
            HoukatsuUnit::PreOperationWeek => 5,
            HoukatsuUnit::PerOperation => 6,
            HoukatsuUnit::Other(n) => n,
        }
    }
}

/// 背反区分 (背反テーブル column 6): which of the pair may be claimed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HaihanKubun {
    /// 1 ①を算定 (診療行為コード①, column 2)
    First,
    /// 2 ②を算定 (診療行為コード②, column 4)
    Second,
    /// 3 いずれか一方を算定
    Either,
    /// Any other value, kept as published.
    Other(u32),
}

impl HaihanKubun {
    pub fn from_code(n: u32) -> HaihanKubun {
        match n {
            1 => HaihanKubun::First,
            2 => HaihanKubun::Second,
            3 => HaihanKubun::Either,
            other => HaihanKubun::Other(other),
        }
    }

    pub fn code(self) -> u32 {
        match self {
            HaihanKubun::First => 1,
            HaihanKubun::Second => 2,
            HaihanKubun::Either => 3,
            HaihanKubun::Other(n) => n,
        }
    }
}

/// One used 包括 slot of a 補助 row: the unit and the 包括テーブル group it refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoukatsuSlot {
    /// 包括単位①..③ (columns 4, 6, 8)
    pub unit: HoukatsuUnit,
    /// グループ番号①..③ (columns 5, 7, 9): a 02包括テーブル グループ番号
    pub group: String,
}

/// 01 補助マスターテーブル: one row per 診療行為コード (and 新設..廃止 period).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HojoRow {
    /// 1 変更区分
    pub change: u32,
    /// 2 診療行為コード
    pub code: String,
    /// 3 診療行為省略名称
    pub name: String,
    /// 4–9 包括単位①/グループ番号① … 包括単位③/グループ番号③; `None` where both are blank
    /// (or 単位 0 and グループ番号 all zeros).
    pub houkatsu: [Option<HoukatsuSlot>; 3],
    /// 10 背反関連識別（1日につき）: non-zero = the code has rows in 03-1
    pub haihan_per_day: u32,
    /// 11 背反関連識別（同一月内）: non-zero = rows in 03-2
    pub haihan_same_month: u32,
    /// 12 背反関連識別（同時）: non-zero = rows in 03-3
    pub haihan_simultaneous: u32,
    /// 13 背反関連識別（1週間につき）: non-zero = rows in 03-4
    pub haihan_per_week: u32,
    /// 20 入院基本料識別: the 04入院基本料テーブル グループ番号 (`None` when blank or all zeros)
    pub nyuin_group: Option<String>,
    /// 21 算定回数関連: non-zero = the code has rows in 05算定回数テーブル
    pub santei_kaisu: u32,
    /// 26 新設年月日 (YYYYMMDD)
    pub start: u32,
    /// 27 廃止年月日 (YYYYMMDD, last valid day; 99999999 = open)
    pub end: u32,
}

impl HojoRow {
    /// The 背反関連識別 of one 背反テーブル (columns 10–13).
    pub fn haihan_flag(&self, unit: HaihanUnit) -> u32 {
        match unit {
            HaihanUnit::PerDay => self.haihan_per_day,
            HaihanUnit::SameMonth => self.haihan_same_month,
            HaihanUnit::Simultaneous => self.haihan_simultaneous,
            HaihanUnit::PerWeek => self.haihan_per_week,
        }
    }

    /// The used 包括 slots, in order ①..③.
    pub fn houkatsu_slots(&self) -> impl Iterator<Item = &HoukatsuSlot> {
        self.houkatsu.iter().flatten()
    }
}

/// 02 包括テーブル: one member code of a 包括 group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoukatsuRow {
    /// 1 変更区分
    pub change: u32,
    /// 2 グループ番号 (referenced from 補助 グループ番号①..③)
    pub group: String,
    /// 3 診療行為コード (the code included, 被包括)
    pub code: String,
    /// 4 診療行為省略名称
    pub name: String,
    /// 5 特例条件
    pub special: u32,
    /// 6 新設年月日 (YYYYMMDD)
    pub start: u32,
    /// 7 廃止年月日 (YYYYMMDD, last valid day; 99999999 = open)
    pub end: u32,
}

/// 03-1..03-4 背反テーブル: a pair of codes that may not both be claimed within the unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HaihanRow {
    /// The table the row came from (03-1 1日につき … 03-4 1週間につき).
    pub unit: HaihanUnit,
    /// 1 変更区分
    pub change: u32,
    /// 2 診療行為コード①
    pub code1: String,
    /// 3 診療行為省略名称①
    pub name1: String,
    /// 4 診療行為コード②
    pub code2: String,
    /// 5 診療行為省略名称②
    pub name2: String,
    /// 6 背反区分
    pub kubun: HaihanKubun,
    /// 7 特例条件
    pub special: u32,
    /// 9 新設年月日 (YYYYMMDD)
    pub start: u32,
    /// 10 廃止年月日 (YYYYMMDD, last valid day; 99999999 = open)
    pub end: u32,
}

/// 04 入院基本料テーブル: one code of an 入院基本料 group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NyuinRow {
    /// 1 変更区分
    pub change: u32,
    /// 2 グループ番号 (referenced from 補助 column 20 入院基本料識別)
    pub group: String,
    /// 3 診療行為コード
    pub code: String,
    /// 4 診療行為省略名称
    pub name: String,
    /// 5 加算識別 (0 = 入院基本料等の本体, 1 = 加算, as far as known; kept as published)
    pub kasan: u32,
    /// 7 新設年月日 (YYYYMMDD)
    pub start: u32,
    /// 8 廃止年月日 (YYYYMMDD, last valid day; 99999999 = open)
    pub end: u32,
}

/// 05 算定回数テーブル: the limit of one code in one 算定単位 (a code may have several rows).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SanteiKaisuRow {
    /// 1 変更区分
    pub change: u32,
    /// 2 診療行為コード
    pub code: String,
    /// 3 診療行為省略名称
    pub name: String,
    /// 4 算定単位コード (単位コード, e.g. 121 日, 131 月, 138 週, 147 １２月 in 別紙4-1)
    pub unit_code: u32,
    /// 5 算定単位名称 ("日", "月", "１２月", …)
    pub unit_name: String,
    /// 6 算定回数 (the most times the code may be claimed in the unit)
    pub count: u32,
    /// 7 特例条件
    pub special: u32,
    /// 13 新設年月日 (YYYYMMDD)
    pub start: u32,
    /// 14 廃止年月日 (YYYYMMDD, last valid day; 99999999 = open)
    pub end: u32,
}

/// Rows valid over 新設年月日..=廃止年月日.
trait Dated {
    fn period(&self) -> (u32, u32);

    /// Whether the row is in force on `date`: on or after 新設年月日 (00000000 = always) and on or
    /// before 廃止年月日 (00000000 / 99999999 = open).
    fn in_force(&self, date: NaiveDate) -> bool {
        let (start, end) = self.period();
        in_period(start, end, ymd_number(date))
    }
}

fn in_period(start: u32, end: u32, d: u32) -> bool {
    d >= start && (end == 0 || d <= end)
}

macro_rules! dated {
    ($($t:ty),*) => {$(
        impl Dated for $t {
            fn period(&self) -> (u32, u32) {
                (self.start, self.end)
            }
        }
        impl $t {
            /// Whether the row is in force on the date of service (新設年月日 ≤ date ≤ 廃止年月日).
            pub fn in_force_on(&self, date: NaiveDate) -> bool {
                self.in_force(date)
            }
        }
    )*};
}
dated!(HojoRow, HoukatsuRow, HaihanRow, NyuinRow, SanteiKaisuRow);

/// What a 背反 row means for the code it was looked up by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HaihanOutcome {
    /// This code is the one to claim; the other is not.
    KeepThis,
    /// The other code is the one to claim; this one is not.
    KeepOther,
    /// Either one of the two, not both.
    EitherOne,
    /// A 背反区分 outside 1–3, kept as published.
    Other(u32),
}

/// A 背反 row found from one of its two codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HaihanMatch<'a> {
    pub row: &'a HaihanRow,
    /// Whether the code looked up is 診療行為コード① (else it is ②).
    pub this_is_first: bool,
}

impl<'a> HaihanMatch<'a> {
    pub fn this_code(&self) -> &'a str {
        if self.this_is_first {
            &self.row.code1
        } else {
            &self.row.code2
        }
    }

    pub fn other_code(&self) -> &'a str {
        if self.this_is_first {
            &self.row.code2
        } else {
            &self.row.code1
        }
    }

    pub fn other_name(&self) -> &'a str {
        if self.this_is_first {
            &self.row.name2
        } else {
            &self.row.name1
        }
    }

    /// 背反区分 read from the side of the code looked up.
    pub fn outcome(&self) -> HaihanOutcome {
        match (self.row.kubun, self.this_is_first) {
            (HaihanKubun::First, true) | (HaihanKubun::Second, false) => HaihanOutcome::KeepThis,
            (HaihanKubun::First, false) | (HaihanKubun::Second, true) => HaihanOutcome::KeepOther,
            (HaihanKubun::Either, _) => HaihanOutcome::EitherOne,
            (HaihanKubun::Other(n), _) => HaihanOutcome::Other(n),
        }
    }
}

/// Row counts per table, for engine info.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TensuhyoCounts {
    pub hojo: usize,
    pub houkatsu: usize,
    pub haihan_per_day: usize,
    pub haihan_same_month: usize,
    pub haihan_simultaneous: usize,
    pub haihan_per_week: usize,
    pub nyuin: usize,
    pub santei_kaisu: usize,
}

impl TensuhyoCounts {
    pub fn total(&self) -> usize {
        self.hojo
            + self.houkatsu
            + self.haihan_per_day
            + self.haihan_same_month
            + self.haihan_simultaneous
            + self.haihan_per_week
            + self.nyuin
            + self.santei_kaisu
    }
}

impl fmt::Display for TensuhyoCounts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "補助 {}, 包括 {}, 背反 {}/{}/{}/{} (1日/同一月/同時/1週), 入院基本料 {}, 算定回数 {}",
            self.hojo,
            self.houkatsu,
            self.haihan_per_day,
            self.haihan_same_month,
            self.haihan_simultaneous,
            self.haihan_per_week,
            self.nyuin,
            self.santei_kaisu
        )
    }
}

/// The loaded 医科電子点数表, with the lookup indices the checks use.
#[derive(Debug, Default)]
pub struct Tensuhyo {
    hojo: Vec<HojoRow>,
    houkatsu: Vec<HoukatsuRow>,
    haihan: Vec<HaihanRow>,
    nyuin: Vec<NyuinRow>,
    santei_kaisu: Vec<SanteiKaisuRow>,
    /// 補助 rows by 診療行為コード (several only when their periods do not overlap)
    hojo_by_code: HashMap<String, Vec<usize>>,
    /// 包括 rows by グループ番号
    houkatsu_by_group: HashMap<String, Vec<usize>>,
    /// 背反 rows by (table, code), under both codes of the pair
    haihan_by_code: HashMap<(HaihanUnit, String), Vec<usize>>,
    /// 入院基本料 rows by グループ番号
    nyuin_by_group: HashMap<String, Vec<usize>>,
    /// 算定回数 rows by 診療行為コード
    santei_by_code: HashMap<String, Vec<usize>>,
    /// Files read, with the rows each gave.
    files: Vec<(String, TensuhyoFile, usize)>,
}

impl Tensuhyo {
    /// Reads one file of the table set (CP932 bytes) and adds its rows; returns how many.
    /// On error nothing of the file is added.
    pub fn add_file(&mut self, kind: TensuhyoFile, file: &str, bytes: &[u8]) -> Result<usize> {
        let text = decode_cp932(file, bytes)?;
        let columns = kind.columns();
        let n = match kind {
            TensuhyoFile::Hojo => {
                let rows = parse_all(file, &text, columns, parse_hojo)?;
                self.check_hojo_periods(file, &rows)?;
                let n = rows.len();
                for (_, row) in rows {
                    push_indexed(&mut self.hojo, &mut self.hojo_by_code, row, |r| {
                        r.code.clone()
                    });
                }
                n
            }
            TensuhyoFile::Houkatsu => {
                let rows = parse_all(file, &text, columns, parse_houkatsu)?;
                let n = rows.len();
                for (_, row) in rows {
                    push_indexed(&mut self.houkatsu, &mut self.houkatsu_by_group, row, |r| {
                        r.group.clone()
                    });
                }
                n
            }
            TensuhyoFile::Haihan(unit) => {
                let rows = parse_all(file, &text, columns, |r| parse_haihan(unit, r))?;
                let n = rows.len();
                for (_, row) in rows {
                    let i = self.haihan.len();
                    let key1 = (unit, row.code1.clone());
                    let key2 = (unit, row.code2.clone());
                    self.haihan.push(row);
                    self.haihan_by_code.entry(key1.clone()).or_default().push(i);
                    if key2 != key1 {
                        self.haihan_by_code.entry(key2).or_default().push(i);
                    }
                }
                n
            }
            TensuhyoFile::Nyuin => {
                let rows = parse_all(file, &text, columns, parse_nyuin)?;
                let n = rows.len();
                for (_, row) in rows {
                    push_indexed(&mut self.nyuin, &mut self.nyuin_by_group, row, |r| {
                        r.group.clone()
                    });
                }
                n
            }
            TensuhyoFile::SanteiKaisu => {
                let rows = parse_all(file, &text, columns, parse_santei_kaisu)?;
                let n = rows.len();
                for (_, row) in rows {
                    push_indexed(&mut self.santei_kaisu, &mut self.santei_by_code, row, |r| {
                        r.code.clone()
                    });
                }
                n
            }
        };
        self.files.push((file.to_string(), kind, n));
        Ok(n)
    }

    /// Adds a file recognised by its name ([`file_kind`]); `Ok(None)` when the name is not one
    /// of the table set (e.g. `00ファイル一覧表.pdf`), so the caller can list it as skipped.
    pub fn add_named(&mut self, file: &str, bytes: &[u8]) -> Result<Option<usize>> {
        match file_kind(file) {
            Some(kind) => self.add_file(kind, file, bytes).map(Some),
            None => Ok(None),
        }
    }

    /// A 補助 code may have several rows only with periods that do not overlap, so that
    /// [`Tensuhyo::hojo`] is unambiguous.
    fn check_hojo_periods(&self, file: &str, rows: &[(u64, HojoRow)]) -> Result<()> {
        // per code: (新設年月日, 廃止年月日, line in this file; None = from an earlier file)
        type Period = (u32, u32, Option<u64>);
        let mut seen: HashMap<&str, Vec<Period>> = HashMap::new();
        for (line, row) in rows {
            let periods = seen.entry(row.code.as_str()).or_insert_with(|| {
                self.hojo_by_code
                    .get(&row.code)
                    .into_iter()
                    .flatten()
                    .filter_map(|&i| self.hojo.get(i))
                    .map(|r| (r.start, r.end, None))
                    .collect()
            });
            if let Some((start, end, earlier)) = periods
                .iter()
                .find(|(s, e, _)| overlaps((*s, *e), (row.start, row.end)))
            {
                let from = match earlier {
                    Some(l) => format!("line {l}"),
                    None => "an earlier file".to_string(),
                };
                return Err(Error::master(
                    file,
                    format!(
                        "line {line}: 診療行為コード {} has a second 補助マスターテーブル row for \
                         {}..{} overlapping {start}..{end} ({from})",
                        row.code, row.start, row.end
                    ),
                ));
            }
            periods.push((row.start, row.end, Some(*line)));
        }
        Ok(())
    }

    /// The 補助 row of a code in force on the date of service.
    pub fn hojo(&self, code: &str, date: NaiveDate) -> Option<&HojoRow> {
        in_force(&self.hojo, self.hojo_by_code.get(code), date).next()
    }

    /// The member codes (包括テーブル rows) of a 包括 group in force on the date.
    pub fn houkatsu_members<'a>(
        &'a self,
        group: &str,
        date: NaiveDate,
    ) -> impl Iterator<Item = &'a HoukatsuRow> + 'a {
        in_force(&self.houkatsu, self.houkatsu_by_group.get(group), date)
    }

    /// The 包括単位 under which `parent` includes `child` on the date: for each 包括 slot of
    /// `parent`'s 補助 row whose group lists `child`. Empty when `child` is not included.
    pub fn houkatsu_units<'a>(
        &'a self,
        parent: &str,
        child: &'a str,
        date: NaiveDate,
    ) -> impl Iterator<Item = HoukatsuUnit> + 'a {
        self.hojo(parent, date)
            .into_iter()
            .flat_map(|row| row.houkatsu_slots())
            .filter(move |slot| {
                self.houkatsu_members(&slot.group, date)
                    .any(|m| m.code == child)
            })
            .map(|slot| slot.unit)
    }

    /// The 背反 rows of one table in force on the date that name `code`, as ① or as ②.
    pub fn haihan<'a>(
        &'a self,
        unit: HaihanUnit,
        code: &str,
        date: NaiveDate,
    ) -> impl Iterator<Item = HaihanMatch<'a>> + 'a {
        let code = code.to_string();
        in_force(
            &self.haihan,
            self.haihan_by_code.get(&(unit, code.clone())),
            date,
        )
        .map(move |row| HaihanMatch {
            row,
            this_is_first: row.code1 == code,
        })
    }

    /// The 背反 row of one table between two codes (either order) in force on the date.
    pub fn haihan_between(
        &self,
        unit: HaihanUnit,
        code: &str,
        other: &str,
        date: NaiveDate,
    ) -> Option<HaihanMatch<'_>> {
        self.haihan(unit, code, date)
            .find(|m| m.other_code() == other)
    }

    /// The codes of an 入院基本料 group (補助 column 20) in force on the date.
    pub fn nyuin_group<'a>(
        &'a self,
        group: &str,
        date: NaiveDate,
    ) -> impl Iterator<Item = &'a NyuinRow> + 'a {
        in_force(&self.nyuin, self.nyuin_by_group.get(group), date)
    }

    /// The 算定回数 rows of a code in force on the date, one per 算定単位.
    pub fn santei_kaisu<'a>(
        &'a self,
        code: &str,
        date: NaiveDate,
    ) -> impl Iterator<Item = &'a SanteiKaisuRow> + 'a {
        in_force(&self.santei_kaisu, self.santei_by_code.get(code), date)
    }

    pub fn hojo_rows(&self) -> &[HojoRow] {
        &self.hojo
    }

    pub fn houkatsu_rows(&self) -> &[HoukatsuRow] {
        &self.houkatsu
    }

    /// Every 背反 row of the four tables (each row carries its [`HaihanUnit`]).
    pub fn haihan_rows(&self) -> &[HaihanRow] {
        &self.haihan
    }

    pub fn nyuin_rows(&self) -> &[NyuinRow] {
        &self.nyuin
    }

    pub fn santei_kaisu_rows(&self) -> &[SanteiKaisuRow] {
        &self.santei_kaisu
    }

    /// The files read, in order, with their table and row count.
    pub fn files(&self) -> &[(String, TensuhyoFile, usize)] {
        &self.files
    }

    /// Whether no file has been added.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Row counts per table.
    pub fn counts(&self) -> TensuhyoCounts {
        let haihan = |unit| self.haihan.iter().filter(|r| r.unit == unit).count();
        TensuhyoCounts {
            hojo: self.hojo.len(),
            houkatsu: self.houkatsu.len(),
            haihan_per_day: haihan(HaihanUnit::PerDay),
            haihan_same_month: haihan(HaihanUnit::SameMonth),
            haihan_simultaneous: haihan(HaihanUnit::Simultaneous),
            haihan_per_week: haihan(HaihanUnit::PerWeek),
            nyuin: self.nyuin.len(),
            santei_kaisu: self.santei_kaisu.len(),
        }
    }
}

fn overlaps(a: (u32, u32), b: (u32, u32)) -> bool {
    let end = |e: u32| if e == 0 { u32::MAX } else { e };
    a.0 <= end(b.1) && b.0 <= end(a.1)
}

fn in_force<'a, R: Dated>(
    rows: &'a [R],
    indices: Option<&'a Vec<usize>>,
    date: NaiveDate,
) -> impl Iterator<Item = &'a R> + 'a {
    indices
        .into_iter()
        .flatten()
        .filter_map(move |&i| rows.get(i))
        .filter(move |r| r.in_force(date))
}

fn push_indexed<R>(
    rows: &mut Vec<R>,
    index: &mut HashMap<String, Vec<usize>>,
    row: R,
    key: impl Fn(&R) -> String,
) {
    index.entry(key(&row)).or_default().push(rows.len());
    rows.push(row);
}

/// Reads every record (exactly `columns` fields) into typed rows with their line numbers.
fn parse_all<R>(
    file: &str,
    text: &str,
    columns: usize,
    parse: impl Fn(&Row<'_>) -> Result<R>,
) -> Result<Vec<(u64, R)>> {
    let mut rows = Vec::new();
    for_each_record(file, text, &[columns], |row| {
        rows.push((row.line, parse(row)?));
        Ok(())
    })?;
    Ok(rows)
}

/// 診療行為コード: 9 digits.
fn code(row: &Row<'_>, col: usize, field: &str) -> Result<String> {
    row.digits(col, field, 9)
}

/// A グループ番号: ASCII letters and digits; `None` when blank or all zeros.
fn group_opt(row: &Row<'_>, col: usize, field: &str) -> Result<Option<String>> {
    let v = row.text(col).trim();
    if v.is_empty() || v.bytes().all(|b| b == b'0') {
        return Ok(None);
    }
    if v.bytes().all(|b| b.is_ascii_alphanumeric()) {
        Ok(Some(v.to_string()))
    } else {
        Err(row.error(
            col,
            field,
            format!("expected a group number of ASCII letters and digits, found {v:?}"),
        ))
    }
}

/// A required グループ番号.
fn group(row: &Row<'_>, col: usize, field: &str) -> Result<String> {
    group_opt(row, col, field)?.ok_or_else(|| {
        row.error(
            col,
            field,
            format!("expected a group number, found {:?}", row.text(col)),
        )
    })
}

fn parse_hojo(row: &Row<'_>) -> Result<HojoRow> {
    const SLOTS: [(usize, &str, &str); 3] = [
        (4, "包括単位①", "グループ番号①"),
        (6, "包括単位②", "グループ番号②"),
        (8, "包括単位③", "グループ番号③"),
    ];
    let mut houkatsu: [Option<HoukatsuSlot>; 3] = [None, None, None];
    for (slot, (col, unit_field, group_field)) in houkatsu.iter_mut().zip(SLOTS) {
        let unit = row.number(col, unit_field)?;
        let group = group_opt(row, col + 1, group_field)?;
        *slot = match (unit, group) {
            (0, None) => None,
            (_, Some(group)) => Some(HoukatsuSlot {
                unit: HoukatsuUnit::from_code(unit),
                group,
            }),
            (_, None) => {
                return Err(row.error(
                    col + 1,
                    group_field,
                    format!(
                        "{unit_field} is {unit} but the group number is {:?}",
                        row.text(col + 1)
                    ),
                ))
            }
        };
    }
    Ok(HojoRow {
        change: row.number(1, "変更区分")?,
        code: code(row, 2, "診療行為コード")?,
        name: row.text(3).to_string(),
        houkatsu,
        haihan_per_day: row.number(10, "背反関連識別（1日につき）")?,
        haihan_same_month: row.number(11, "背反関連識別（同一月内）")?,
        haihan_simultaneous: row.number(12, "背反関連識別（同時）")?,
        haihan_per_week: row.number(13, "背反関連識別（1週間につき）")?,
        nyuin_group: group_opt(row, 20, "入院基本料識別")?,
        santei_kaisu: row.number(21, "算定回数関連")?,
        start: row.date(26, "新設年月日")?,
        end: row.date(27, "廃止年月日")?,
    })
}

fn parse_houkatsu(row: &Row<'_>) -> Result<HoukatsuRow> {
    Ok(HoukatsuRow {
        change: row.number(1, "変更区分")?,
        group: group(row, 2, "グループ番号")?,
        code: code(row, 3, "診療行為コード")?,
        name: row.text(4).to_string(),
        special: row.number(5, "特例条件")?,
        start: row.date(6, "新設年月日")?,
        end: row.date(7, "廃止年月日")?,
    })
}

fn parse_haihan(unit: HaihanUnit, row: &Row<'_>) -> Result<HaihanRow> {
    Ok(HaihanRow {
        unit,
        change: row.number(1, "変更区分")?,
        code1: code(row, 2, "診療行為コード①")?,
        name1: row.text(3).to_string(),
        code2: code(row, 4, "診療行為コード②")?,
        name2: row.text(5).to_string(),
        kubun: HaihanKubun::from_code(row.number(6, "背反区分")?),
        special: row.number(7, "特例条件")?,
        start: row.date(9, "新設年月日")?,
        end: row.date(10, "廃止年月日")?,
    })
}

fn parse_nyuin(row: &Row<'_>) -> Result<NyuinRow> {
    Ok(NyuinRow {
        change: row.number(1, "変更区分")?,
        group: group(row, 2, "グループ番号")?,
        code: code(row, 3, "診療行為コード")?,
        name: row.text(4).to_string(),
        kasan: row.number(5, "加算識別")?,
        start: row.date(7, "新設年月日")?,
        end: row.date(8, "廃止年月日")?,
    })
}

fn parse_santei_kaisu(row: &Row<'_>) -> Result<SanteiKaisuRow> {
    Ok(SanteiKaisuRow {
        change: row.number(1, "変更区分")?,
        code: code(row, 2, "診療行為コード")?,
        name: row.text(3).to_string(),
        unit_code: row.number(4, "算定単位コード")?,
        unit_name: row.text(5).to_string(),
        count: row.number(6, "算定回数")?,
        special: row.number(7, "特例条件")?,
        start: row.date(13, "新設年月日")?,
        end: row.date(14, "廃止年月日")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hand-made tables in the official layouts (codes and names from the 令和6 s master).
    const HOJO: &str = r#"
"0","111000110","初診料","0","","0","","0","","1","0","0","0","","","","","","","","0","","","","","20240601","99999999"
"0","112007410","再診料","0","","0","","0","","1","0","0","0","","","","","","","","0","","","","","20240601","99999999"
"0","112011010","外来管理加算","0","","0","","0","","1","0","0","0","","","","","","","","0","","","","","20220401","20240531"
"0","112011010","外来管理加算","0","","0","","0","","1","0","0","0","","","","","","","","0","","","","","20240601","99999999"
"0","112011310","外来診療料","1","A000002","0","","0","","0","0","0","0","","","","","","","","0","","","","","20240601","99999999"
"0","113024810","地域包括診療料１","2","A000001","0","","0","","0","1","0","0","","","","","","","","0","","","","","20240601","99999999"
"0","113001810","特定疾患療養管理料（診療所）","0","","0","","0","","0","1","0","0","","","","","","","","1","","","","","20240601","99999999"
"0","140000610","創傷処置（１００ｃｍ２未満）","0","","0","","0","","1","0","1","0","","","","","","","","0","","","","","20240601","99999999"
"0","140000710","創傷処置（１００ｃｍ２以上５００ｃｍ２未満）","0","","0","","0","","0","0","1","0","","","","","","","","0","","","","","20240601","99999999"
"0","160008010","末梢血液一般検査","0","","0","","0","","0","0","0","0","","","","","","","","0","","","","","20240601","99999999"
"0","160061810","血液学的検査判断料","0","","0","","0","","0","0","0","0","","","","","","","","1","","","","","20240601","99999999"
"0","160010010","ＨｂＡ１ｃ","0","","0","","0","","0","0","0","0","","","","","","","","1","","","","","20240601","99999999"
"0","190117710","急性期一般入院料１","0","","0","","0","","0","0","0","0","","","","","","","00001","0","","","","","20240601","99999999"
"0","180012410","心身医学療法（入院）","0","","0","","0","","0","0","0","1","","","","","","","","1","","","","","20240601","99999999"
"0","180020010","心身医学療法（入院外）（再診時）","0","","0","","0","","0","0","0","1","","","","","","","","0","","","","","20240601","99999999"
"#;

    const HOUKATSU: &str = r#"
"0","A000001","160008010","末梢血液一般検査","0","20240601","99999999"
"0","A000001","160061810","血液学的検査判断料","0","20240601","99999999"
"0","A000001","160010010","ＨｂＡ１ｃ","0","20240601","20250531"
"0","A000002","160000310","尿一般","0","20240601","99999999"
"0","A000002","160008010","末梢血液一般検査","0","20240601","99999999"
"#;

    const HAIHAN1: &str = r#"
"0","111000110","初診料","112007410","再診料","1","0","","20240601","99999999"
"0","112011010","外来管理加算","140000610","創傷処置（１００ｃｍ２未満）","2","0","","20240601","99999999"
"#;

    const HAIHAN2: &str = r#"
"0","113001810","特定疾患療養管理料（診療所）","113024810","地域包括診療料１","3","0","","20240601","99999999"
"#;

    const HAIHAN3: &str = r#"
"0","140000610","創傷処置（１００ｃｍ２未満）","140000710","創傷処置（１００ｃｍ２以上５００ｃｍ２未満）","3","0","","20240601","99999999"
"#;

    const HAIHAN4: &str = r#"
"0","180012410","心身医学療法（入院）","180020010","心身医学療法（入院外）（再診時）","3","0","","20240601","99999999"
"#;

    const NYUIN: &str = r#"
"0","00001","190117710","急性期一般入院料１","0","","20240601","99999999"
"0","00001","190199710","急性期一般入院料２","0","","20240601","99999999"
"0","00001","190171910","救急医療管理加算１","1","","20240601","99999999"
"#;

    const SANTEI: &str = r#"
"0","113001810","特定疾患療養管理料（診療所）","131","月","2","0","","","","","","20240601","99999999"
"0","160010010","ＨｂＡ１ｃ","131","月","1","0","","","","","","20240601","99999999"
"0","160061810","血液学的検査判断料","121","日","1","0","","","","","","20240601","99999999"
"0","160061810","血液学的検査判断料","131","月","1","0","","","","","","20240601","99999999"
"0","180012410","心身医学療法（入院）","138","週","2","0","","","","","","20240601","99999999"
"#;

    const FILES: [(&str, &str); 8] = [
        ("01補助マスターテーブル.csv", HOJO),
        ("02包括テーブル.csv", HOUKATSU),
        ("03-1背反テーブル1.csv", HAIHAN1),
        ("03-2背反テーブル2.csv", HAIHAN2),
        ("03-3背反テーブル3.csv", HAIHAN3),
        ("03-4背反テーブル4.csv", HAIHAN4),
        ("04入院基本料テーブル.csv", NYUIN),
        ("05算定回数テーブル.csv", SANTEI),
    ];

    /// A table written one row per source line, as the official file: CRLF, CP932.
    fn cp932(text: &str) -> Vec<u8> {
        let text = text.trim_start_matches('\n').replace('\n', "\r\n");
        let (bytes, _, unmappable) = encoding_rs::SHIFT_JIS.encode(&text);
        assert!(!unmappable);
        bytes.into_owned()
    }

    fn day(s: &str) -> NaiveDate {
        crate::date::parse_iso(s).unwrap()
    }

    fn loaded() -> Tensuhyo {
        let mut t = Tensuhyo::default();
        for (name, text) in FILES {
            let path = format!("2024-06-01/tensuhyo_02.zip!{name}");
            assert!(t.add_named(&path, &cp932(text)).unwrap().is_some());
        }
        t
    }

    #[test]
    fn every_file_kind_parses() {
        let t = loaded();
        let counts = t.counts();
        assert_eq!(
            counts,
            TensuhyoCounts {
                hojo: 15,
                houkatsu: 5,
                haihan_per_day: 2,
                haihan_same_month: 1,
                haihan_simultaneous: 1,
                haihan_per_week: 1,
                nyuin: 3,
                santei_kaisu: 5,
            }
        );
        assert_eq!(counts.total(), 33);
        assert_eq!(
            counts.to_string(),
            "補助 15, 包括 5, 背反 2/1/1/1 (1日/同一月/同時/1週), 入院基本料 3, 算定回数 5"
        );
        assert_eq!(t.files().len(), 8);
        assert_eq!(t.files()[2].1, TensuhyoFile::Haihan(HaihanUnit::PerDay));

        let d = day("2024-06-01");
        let chiiki = t.hojo("113024810", d).unwrap();
        assert_eq!(chiiki.name, "地域包括診療料１");
        assert_eq!(
            chiiki.houkatsu,
            [
                Some(HoukatsuSlot {
                    unit: HoukatsuUnit::SameMonth,
                    group: "A000001".into()
                }),
                None,
                None
            ]
        );
        assert_eq!(chiiki.haihan_flag(HaihanUnit::SameMonth), 1);
        assert_eq!(chiiki.haihan_flag(HaihanUnit::PerDay), 0);
        let nyuin = t.hojo("190117710", d).unwrap();
        assert_eq!(nyuin.nyuin_group.as_deref(), Some("00001"));
        assert_eq!(t.hojo("160008010", d).unwrap().nyuin_group, None);

        let members: Vec<&str> = t
            .houkatsu_members("A000002", d)
            .map(|r| r.code.as_str())
            .collect();
        assert_eq!(members, ["160000310", "160008010"]);
        let units: Vec<HoukatsuUnit> = t.houkatsu_units("112011310", "160000310", d).collect();
        assert_eq!(units, [HoukatsuUnit::PerDay]);
        assert_eq!(t.houkatsu_units("112011310", "160061810", d).count(), 0);
        assert_eq!(t.houkatsu_units("160000310", "112011310", d).count(), 0);

        let nyuin_group: Vec<(&str, u32)> = t
            .nyuin_group("00001", d)
            .map(|r| (r.code.as_str(), r.kasan))
            .collect();
        assert_eq!(
            nyuin_group,
            [("190117710", 0), ("190199710", 0), ("190171910", 1)]
        );

        let limits: Vec<(u32, &str, u32)> = t
            .santei_kaisu("160061810", d)
            .map(|r| (r.unit_code, r.unit_name.as_str(), r.count))
            .collect();
        assert_eq!(limits, [(121, "日", 1), (131, "月", 1)]);
        assert_eq!(t.santei_kaisu("111000110", d).count(), 0);
    }

    #[test]
    fn haihan_is_found_from_either_code() {
        let t = loaded();
        let d = day("2024-06-01");
        let from_first: Vec<HaihanMatch<'_>> =
            t.haihan(HaihanUnit::PerDay, "112011010", d).collect();
        assert_eq!(from_first.len(), 1);
        assert_eq!(from_first[0].other_code(), "140000610");
        assert_eq!(from_first[0].other_name(), "創傷処置（１００ｃｍ２未満）");
        assert_eq!(from_first[0].outcome(), HaihanOutcome::KeepOther);

        let from_second: Vec<HaihanMatch<'_>> =
            t.haihan(HaihanUnit::PerDay, "140000610", d).collect();
        assert_eq!(from_second.len(), 1);
        assert_eq!(from_second[0].this_code(), "140000610");
        assert_eq!(from_second[0].other_code(), "112011010");
        assert_eq!(from_second[0].outcome(), HaihanOutcome::KeepThis);
        assert_eq!(from_first[0].row, from_second[0].row);

        let shoshin = t
            .haihan_between(HaihanUnit::PerDay, "112007410", "111000110", d)
            .unwrap();
        assert_eq!(shoshin.row.kubun, HaihanKubun::First);
        assert_eq!(shoshin.outcome(), HaihanOutcome::KeepOther);

        // each pair is found only in its own table
        assert!(t
            .haihan_between(HaihanUnit::SameMonth, "113024810", "113001810", d)
            .is_some_and(|m| m.outcome() == HaihanOutcome::EitherOne));
        assert!(t
            .haihan_between(HaihanUnit::PerDay, "113024810", "113001810", d)
            .is_none());
        assert_eq!(
            t.haihan(HaihanUnit::Simultaneous, "140000610", d).count(),
            1
        );
        assert_eq!(t.haihan(HaihanUnit::PerWeek, "180020010", d).count(), 1);
        assert_eq!(t.haihan(HaihanUnit::PerWeek, "140000610", d).count(), 0);
        // not yet in force the day before 新設
        assert_eq!(
            t.haihan(HaihanUnit::PerDay, "140000610", day("2024-05-31"))
                .count(),
            0
        );
    }

    #[test]
    fn dates_of_service_honour_both_ends() {
        let t = loaded();
        // 外来管理加算 has two 補助 rows: 20220401..20240531 and 20240601..open
        let gairai = |s| t.hojo("112011010", day(s)).map(|r| (r.start, r.end));
        assert_eq!(gairai("2022-03-31"), None);
        assert_eq!(gairai("2022-04-01"), Some((20220401, 20240531)));
        assert_eq!(gairai("2024-05-31"), Some((20220401, 20240531)));
        assert_eq!(gairai("2024-06-01"), Some((20240601, 99999999)));
        assert_eq!(gairai("2099-12-31"), Some((20240601, 99999999)));
        assert!(t.hojo("111000110", day("2024-05-31")).is_none());
        assert!(t.hojo("111000110", day("2024-06-01")).is_some());

        // ＨｂＡ１ｃ leaves group A000001 after its 廃止年月日 20250531 (the last valid day)
        let members = |s| {
            t.houkatsu_members("A000001", day(s))
                .map(|r| r.code.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            members("2025-05-31"),
            ["160008010", "160061810", "160010010"]
        );
        assert_eq!(members("2025-06-01"), ["160008010", "160061810"]);
        assert!(members("2024-05-31").is_empty());
        assert_eq!(
            t.houkatsu_units("113024810", "160010010", day("2025-05-31"))
                .count(),
            1
        );
        assert_eq!(
            t.houkatsu_units("113024810", "160010010", day("2025-06-01"))
                .count(),
            0
        );
        assert!(t
            .houkatsu_members("A000001", day("2025-06-01"))
            .all(|r| r.in_force_on(day("2025-06-01"))));
    }

    #[test]
    fn official_file_names() {
        use HaihanUnit::*;
        let cases = [
            ("01補助マスターテーブル.csv", TensuhyoFile::Hojo),
            ("02包括テーブル.csv", TensuhyoFile::Houkatsu),
            ("03-1背反テーブル1.csv", TensuhyoFile::Haihan(PerDay)),
            ("03-2背反テーブル2.csv", TensuhyoFile::Haihan(SameMonth)),
            ("03-3背反テーブル3.csv", TensuhyoFile::Haihan(Simultaneous)),
            ("03-4背反テーブル4.csv", TensuhyoFile::Haihan(PerWeek)),
            ("04入院基本料テーブル.csv", TensuhyoFile::Nyuin),
            ("05算定回数テーブル.csv", TensuhyoFile::SanteiKaisu),
        ];
        for (name, kind) in cases {
            assert_eq!(file_kind(name), Some(kind), "{name}");
            for prefixed in [
                format!("2024-06-01/{name}"),
                format!("masters\\2024-06-01\\{name}"),
                format!("2024-06-01/tensuhyo_02.zip!{name}"),
                format!("2024-06-01/tensuhyo_02_R6.zip!tensuhyo_02/{name}"),
            ] {
                assert_eq!(file_kind(&prefixed), Some(kind), "{prefixed}");
            }
        }
        let columns: Vec<usize> = TensuhyoFile::ALL.iter().map(|k| k.columns()).collect();
        assert_eq!(columns, [27, 7, 10, 10, 10, 10, 8, 14]);
        assert_eq!(
            file_kind("01補助マスターテーブル.CSV"),
            Some(TensuhyoFile::Hojo)
        );
        // Info-ZIP's escapes of a CP932 member name: 01補助マスターテーブル.csv
        assert_eq!(
            file_kind("01#U88dc#U52a9#U30de#U30b9#U30bf#U30fc#U30c6#U30fc#U30d6#U30eb.csv"),
            Some(TensuhyoFile::Hojo)
        );
        for name in [
            "",
            ".csv",
            "00ファイル一覧表.pdf",
            "00ファイル一覧表.csv",
            "01補助マスターテーブル.pdf",
            "01補助マスターテーブル.csv.bak",
            "01包括テーブル.csv",
            "011補助マスターテーブル.csv",
            "1補助マスターテーブル.csv",
            "補助マスターテーブル.csv",
            "03背反テーブル.csv",
            "03-5背反テーブル5.csv",
            "03-10背反テーブル.csv",
            "04算定回数テーブル.csv",
            "s_ALL20240531.csv",
            "ck_ALL20240601.csv",
            "tensuhyo_02.zip",
            "#U",
            "01#U88d",
        ] {
            assert_eq!(file_kind(name), None, "{name}");
        }
        let raw = cp932("03-2背反テーブル2.csv");
        assert_eq!(decode_member_name(&raw), "03-2背反テーブル2.csv");
        assert_eq!(decode_member_name(b"02.csv"), "02.csv");
    }

    #[test]
    fn truncated_row_names_file_line_and_expected_count() {
        let text = r#"
"0","A000002","160000310","尿一般","0","20240601","99999999"
"0","A000002","160008010","末梢血液一般検査","0","20240601"
"#;
        let mut t = Tensuhyo::default();
        let err = t
            .add_file(TensuhyoFile::Houkatsu, "02包括テーブル.csv", &cp932(text))
            .unwrap_err();
        assert_eq!(err.code, crate::error::ErrorCode::MasterError);
        assert_eq!(
            err.message,
            "02包括テーブル.csv: line 2: expected 7 fields, found 6 (truncated or not this master's layout)"
        );
        assert!(t.is_empty());
        assert_eq!(t.counts().total(), 0);
    }

    #[test]
    fn bad_date_names_file_line_column_and_field() {
        let text = r#"
"0","111000110","初診料","112007410","再診料","1","0","","20240601","99999999"
"0","112011010","外来管理加算","140000610","創傷処置（１００ｃｍ２未満）","2","0","","20240631","99999999"
"#;
        let mut t = Tensuhyo::default();
        let err = t
            .add_file(
                TensuhyoFile::Haihan(HaihanUnit::PerDay),
                "03-1背反テーブル1.csv",
                &cp932(text),
            )
            .unwrap_err();
        assert_eq!(
            err.message,
            "03-1背反テーブル1.csv line 2 column 9 (新設年月日): expected a date YYYYMMDD, found \"20240631\""
        );
        // nothing of the failed file was added
        assert_eq!(t.haihan_rows().len(), 0);
        assert_eq!(
            t.haihan(HaihanUnit::PerDay, "111000110", day("2024-06-01"))
                .count(),
            0
        );
    }

    #[test]
    fn other_malformed_fields_are_named() {
        let mut t = Tensuhyo::default();
        let santei = r#""0","16001001","ＨｂＡ１ｃ","131","月","1","0","","","","","","20240601","99999999""#;
        let err = t
            .add_file(
                TensuhyoFile::SanteiKaisu,
                "05算定回数テーブル.csv",
                &cp932(santei),
            )
            .unwrap_err();
        assert_eq!(
            err.message,
            "05算定回数テーブル.csv line 1 column 2 (診療行為コード): expected 9 digits, found \"16001001\""
        );
        let santei = r#""0","160010010","ＨｂＡ１ｃ","131","月","一","0","","","","","","20240601","99999999""#;
        let err = t
            .add_file(
                TensuhyoFile::SanteiKaisu,
                "05算定回数テーブル.csv",
                &cp932(santei),
            )
            .unwrap_err();
        assert_eq!(
            err.message,
            "05算定回数テーブル.csv line 1 column 6 (算定回数): expected a number, found \"一\""
        );
        let hojo = r#""0","112011310","外来診療料","1","","0","","0","","0","0","0","0","","","","","","","","0","","","","","20240601","99999999""#;
        let err = t
            .add_file(
                TensuhyoFile::Hojo,
                "01補助マスターテーブル.csv",
                &cp932(hojo),
            )
            .unwrap_err();
        assert_eq!(
            err.message,
            "01補助マスターテーブル.csv line 1 column 5 (グループ番号①): 包括単位① is 1 but the group number is \"\""
        );
        let nyuin = r#""0","","190117710","急性期一般入院料１","0","","20240601","99999999""#;
        let err = t
            .add_file(
                TensuhyoFile::Nyuin,
                "04入院基本料テーブル.csv",
                &cp932(nyuin),
            )
            .unwrap_err();
        assert_eq!(
            err.message,
            "04入院基本料テーブル.csv line 1 column 2 (グループ番号): expected a group number, found \"\""
        );
        let err = t
            .add_file(
                TensuhyoFile::Hojo,
                "01補助マスターテーブル.csv",
                b"\"0\",\"\x81\"\r\n",
            )
            .unwrap_err();
        assert_eq!(
            err.message,
            "01補助マスターテーブル.csv: line 1: bytes that are not valid Shift_JIS (CP932)"
        );
        // a 10-column 背反 file given as 02包括 is refused by its field count
        let err = t
            .add_file(TensuhyoFile::Houkatsu, "x.csv", &cp932(HAIHAN2))
            .unwrap_err();
        assert_eq!(
            err.message,
            "x.csv: line 1: expected 7 fields, found 10 (truncated or not this master's layout)"
        );
        assert_eq!(t.counts().total(), 0);
    }

    #[test]
    fn overlapping_hojo_rows_are_refused() {
        let mut t = Tensuhyo::default();
        t.add_file(
            TensuhyoFile::Hojo,
            "01補助マスターテーブル.csv",
            &cp932(HOJO),
        )
        .unwrap();
        let again = r#""0","112011010","外来管理加算","0","","0","","0","","1","0","0","0","","","","","","","","0","","","","","20240401","20240630""#;
        let err = t
            .add_file(
                TensuhyoFile::Hojo,
                "b/01補助マスターテーブル.csv",
                &cp932(again),
            )
            .unwrap_err();
        assert_eq!(
            err.message,
            "b/01補助マスターテーブル.csv: line 1: 診療行為コード 112011010 has a second 補助マスターテーブル row for 20240401..20240630 overlapping 20220401..20240531 (an earlier file)"
        );
        let twice = format!("{HOJO}{}", HOJO.trim_start());
        let err = Tensuhyo::default()
            .add_file(
                TensuhyoFile::Hojo,
                "01補助マスターテーブル.csv",
                &cp932(&twice),
            )
            .unwrap_err();
        assert_eq!(
            err.message,
            "01補助マスターテーブル.csv: line 16: 診療行為コード 111000110 has a second 補助マスターテーブル row for 20240601..99999999 overlapping 20240601..99999999 (line 1)"
        );
    }

    #[test]
    fn coded_values_keep_unknown_numbers() {
        for n in 0..10 {
            assert_eq!(HoukatsuUnit::from_code(n).code(), n);
            assert_eq!(HaihanKubun::from_code(n).code(), n);
        }
        assert_eq!(HoukatsuUnit::from_code(4), HoukatsuUnit::Other(4));
        assert_eq!(HoukatsuUnit::from_code(5), HoukatsuUnit::PreOperationWeek);
        assert_eq!(HaihanKubun::from_code(9), HaihanKubun::Other(9));
        let hojo = r#""0","140000610","創傷処置（１００ｃｍ２未満）","4","A000009","6","A000010","0","00000","0","0","0","0","","","","","","","","0","","","","","00000000","99999999""#;
        let mut t = Tensuhyo::default();
        assert_eq!(
            t.add_file(TensuhyoFile::Hojo, "01.csv", &cp932(hojo))
                .unwrap(),
            1
        );
        let row = t.hojo("140000610", day("2000-01-01")).unwrap();
        let units: Vec<(u32, &str)> = row
            .houkatsu_slots()
            .map(|s| (s.unit.code(), s.group.as_str()))
            .collect();
        assert_eq!(units, [(4, "A000009"), (6, "A000010")]);
        assert_eq!(
            row.houkatsu[1].as_ref().unwrap().unit,
            HoukatsuUnit::PerOperation
        );
        let haihan =
            r#""0","111000110","初診料","112007410","再診料","7","0","","20240601","99999999""#;
        t.add_file(
            TensuhyoFile::Haihan(HaihanUnit::PerDay),
            "03-1.csv",
            &cp932(haihan),
        )
        .unwrap();
        let m = t
            .haihan_between(
                HaihanUnit::PerDay,
                "111000110",
                "112007410",
                day("2024-06-01"),
            )
            .unwrap();
        assert_eq!(m.outcome(), HaihanOutcome::Other(7));
    }
}
