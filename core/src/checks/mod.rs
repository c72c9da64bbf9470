//! 事前審査: checks of a month's claim (a レセプト as billed) before it is sent. Each check reads its
//! rule from data — the 基本マスター columns and the 電子点数表 tables — and says what it found with
//! a stable code, a severity (error = 返戻, warning = 査定 risk, info), Japanese and English
//! messages, the line / item / day it points at and the data row behind it.
//!
//! Families: [`master`] (E-MASTER-00x), [`applicability`] (E-NYUGAI / E-KOUKI / E-SHISETSU /
//! E-AGE), [`kaisu`] (算定回数: s master 上限回数 E-KAISU-002, 05 算定回数テーブル E-KAISU-001,
//! I-KAISU-001/002), [`haihan`] (03-1..03-4 背反テーブル, E-HAIHAN-001..004, I-HAIHAN-005) and
//! [`houkatsu`] (01 補助 包括単位 + 02 包括テーブル, E-HOUKATSU-001, I-HOUKATSU-002). `W-` codes are
//! the same rules as warnings (a 特例条件 on the row; 同時 on separate lines). Without the
//! 電子点数表 only the master columns' checks run.

pub mod applicability;
pub mod byomei;
pub mod consistency;
pub mod drug;
pub mod haihan;
pub mod houkatsu;
pub mod kaisu;
pub mod master;
pub mod uke;

use crate::date::{age_on, parse_iso};
use crate::error::{Error, Result};
use crate::masters::Generation;
use crate::model::{DayCount, Disease, Facility, Insurance, Patient};
use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A month's claim as billed: the レセプト's lines with their 算定日 (what a UKE file holds).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CheckRequest {
    /// 診療年月, `YYYY-MM`.
    pub month: String,
    pub patient: Patient,
    pub insurance: Insurance,
    #[serde(default)]
    pub facility: Facility,
    /// 入院 claim.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub inpatient: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diseases: Vec<Disease>,
    /// 実日数 as claimed (レセプト 診療実日数); checked against the 算定日 when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual_days: Option<u32>,
    pub lines: Vec<ClaimLine>,
}

/// One 算定単位 of the receipt: its 診療行為 / 医薬品 / 特定器材 records and its 算定日.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ClaimLine {
    /// 診療識別 (別表20), two digits.
    pub section: String,
    pub items: Vec<ClaimItem>,
    /// 点数 per unit as claimed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<i64>,
    /// 算定日 (day of the month) and 回数 that day.
    pub days: Vec<DayCount>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ClaimItem {
    /// 診療行為 (1…), 医薬品 (6…) or 特定器材 (7…) code.
    pub code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CheckResponse {
    pub month: String,
    /// 施行日 of the master generation used.
    pub master_generation: String,
    /// Whether the generation has the 電子点数表 (without it the 回数・背反・包括 checks of its tables
    /// do not run; the master columns' checks still do).
    pub tensuhyo: bool,
    pub findings: Vec<CheckFinding>,
    pub errors: u32,
    pub warnings: u32,
    pub infos: u32,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "camelCase")]
pub enum CheckSeverity {
    /// The claim will be returned (返戻).
    Error,
    /// 査定 risk.
    Warning,
    Info,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CheckFinding {
    /// Stable code, e.g. `E-MASTER-002`.
    pub code: String,
    pub severity: CheckSeverity,
    /// For the clerk.
    pub message_ja: String,
    pub message_en: String,
    /// Index into `lines`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// Index into the line's `items`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<usize>,
    /// Day of the month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day: Option<u32>,
    /// The data row behind it: table / master, code, column.
    pub source: String,
}

/// What every check sees: the claim, the masters of its month and the dates it covers.
pub struct Ctx<'a> {
    pub req: &'a CheckRequest,
    pub generation: &'a Generation,
    pub year: i32,
    pub month: u32,
    pub birth: NaiveDate,
    pub findings: Vec<CheckFinding>,
}

impl<'a> Ctx<'a> {
    /// The date of a 算定日.
    pub fn date(&self, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, self.month, day)
    }

    /// The patient's age on a 算定日 (the 1st when the day is not a date).
    pub fn age_on_day(&self, day: u32) -> u32 {
        let date = self
            .date(day)
            .or_else(|| self.date(1))
            .unwrap_or(self.birth);
        age_on(self.birth, date)
    }

    /// The first 算定日 of a line (for lines that name none: the 1st).
    pub fn first_day(line: &ClaimLine) -> u32 {
        line.days.iter().map(|d| d.day).min().unwrap_or(1)
    }

    /// Every 診療行為 (code 1…) billed on every 算定日, ordered by (day, line, item): what the
    /// 回数・背反・包括 checks count and pair.
    pub fn occurrences(&self) -> Vec<Occurrence<'a>> {
        let mut out = Vec::new();
        for (line, l) in self.req.lines.iter().enumerate() {
            for (item, it) in l.items.iter().enumerate() {
                if !it.code.starts_with('1') {
                    continue;
                }
                for d in &l.days {
                    if let Some(date) = self.date(d.day) {
                        out.push(Occurrence {
                            line,
                            item,
                            day: d.day,
                            date,
                            count: d.count,
                            code: it.code.as_str(),
                        });
                    }
                }
            }
        }
        out.sort_by_key(|o| (o.day, o.line, o.item));
        out
    }

    /// The 診療行為 name of a code on a date (empty when the master has none).
    pub fn name_of(&self, code: &str, date: NaiveDate) -> String {
        match self.generation.procedures.get(code, date) {
            crate::masters::table::Lookup::Valid(r)
            | crate::masters::table::Lookup::NotYet(r)
            | crate::masters::table::Lookup::Abolished(r) => r.name.clone(),
            crate::masters::table::Lookup::Unknown => String::new(),
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub fn push(
        &mut self,
        code: &str,
        severity: CheckSeverity,
        at: (Option<usize>, Option<usize>, Option<u32>),
        message_ja: String,
        message_en: String,
        source: String,
    ) {
        self.findings.push(CheckFinding {
            code: code.to_string(),
            severity,
            message_ja,
            message_en,
            line: at.0,
            item: at.1,
            day: at.2,
            source,
        });
    }
}

/// One 診療行為 code billed on one 算定日 of one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occurrence<'a> {
    pub line: usize,
    pub item: usize,
    pub day: u32,
    pub date: NaiveDate,
    /// 回数 that day
    pub count: u32,
    pub code: &'a str,
}

impl Occurrence<'_> {
    /// Claim order: (day, line, item).
    pub fn order(&self) -> (u32, usize, usize) {
        (self.day, self.line, self.item)
    }
}

/// The Sunday that starts the week of a date: 「週」は日曜日から土曜日までの１週間 (the 点数表's
/// week, as in core/src/points/zaitaku.rs).
pub fn week_start(date: NaiveDate) -> NaiveDate {
    date - chrono::Duration::days(i64::from(date.weekday().num_days_from_sunday()))
}

/// The severity and code of a finding of a 電子点数表 rule: a row with a 特例条件 (non-zero) has
/// exceptions the claim cannot show, so its finding is a warning (`W-…`), else an error (`E-…`).
pub fn rule_severity(family_number: &str, special: u32) -> (String, CheckSeverity) {
    if special == 0 {
        (format!("E-{family_number}"), CheckSeverity::Error)
    } else {
        (format!("W-{family_number}"), CheckSeverity::Warning)
    }
}

/// Checks a claim against the generation in force on the first day of its month.
pub fn check(generation: &Generation, req: &CheckRequest) -> Result<CheckResponse> {
    let (year, month) = parse_month(&req.month)?;
    let birth = parse_iso(&req.patient.birth_date).ok_or_else(|| {
        Error::invalid_request(
            "patient.birthDate",
            format!(
                "expected a date YYYY-MM-DD, found {:?}",
                req.patient.birth_date
            ),
        )
    })?;
    validate(req, year, month)?;
    let mut ctx = Ctx {
        req,
        generation,
        year,
        month,
        birth,
        findings: Vec::new(),
    };
    master::run(&mut ctx);
    applicability::run(&mut ctx);
    byomei::run(&mut ctx);
    consistency::run(&mut ctx);
    drug::run(&mut ctx);
    kaisu::run(&mut ctx);
    haihan::run(&mut ctx);
    houkatsu::run(&mut ctx);
    let mut findings = ctx.findings;
    findings.sort_by(|a, b| {
        (a.line, a.item, a.day, a.severity, &a.code)
            .cmp(&(b.line, b.item, b.day, b.severity, &b.code))
    });
    let count = |s: CheckSeverity| findings.iter().filter(|f| f.severity == s).count() as u32;
    Ok(CheckResponse {
        month: req.month.clone(),
        master_generation: generation.effective_date().to_string(),
        tensuhyo: generation.tensuhyo.counts().total() > 0,
        errors: count(CheckSeverity::Error),
        warnings: count(CheckSeverity::Warning),
        infos: count(CheckSeverity::Info),
        findings,
    })
}

/// `YYYY-MM` → (year, month).
pub fn parse_month(s: &str) -> Result<(i32, u32)> {
    parse_iso(&format!("{s}-01"))
        .filter(|_| s.len() == 7)
        .map(|d| (d.year(), d.month()))
        .ok_or_else(|| {
            Error::invalid_request("month", format!("expected a month YYYY-MM, found {s:?}"))
        })
}

fn validate(req: &CheckRequest, year: i32, month: u32) -> Result<()> {
    if req.lines.is_empty() {
        return Err(Error::invalid_request(
            "lines",
            "a claim has at least one line",
        ));
    }
    for (i, line) in req.lines.iter().enumerate() {
        let path = || format!("lines[{i}]");
        let s = line.section.as_bytes();
        if s.len() != 2 || !s.iter().all(u8::is_ascii_digit) {
            return Err(Error::invalid_request(
                &format!("{}.section", path()),
                format!("a 診療識別 is two digits, found {:?}", line.section),
            ));
        }
        if line.items.is_empty() {
            return Err(Error::invalid_request(
                &format!("{}.items", path()),
                "a line has at least one item",
            ));
        }
        for (j, item) in line.items.iter().enumerate() {
            let c = item.code.as_bytes();
            if c.len() != 9 || !c.iter().all(u8::is_ascii_digit) {
                return Err(Error::invalid_request(
                    &format!("{}.items[{j}].code", path()),
                    format!("a master code is nine digits, found {:?}", item.code),
                ));
            }
        }
        if line.days.is_empty() {
            return Err(Error::invalid_request(
                &format!("{}.days", path()),
                "a line has at least one 算定日",
            ));
        }
        for (j, d) in line.days.iter().enumerate() {
            if NaiveDate::from_ymd_opt(year, month, d.day).is_none() || d.count == 0 {
                return Err(Error::invalid_request(
                    &format!("{}.days[{j}]", path()),
                    format!(
                        "day {} count {}: not a day of {year:04}-{month:02} with a 回数 of 1 or more",
                        d.day, d.count
                    ),
                ));
            }
        }
    }
    Ok(())
}
