//! The engine: loaded masters + the calculation entry point.

use crate::copay::burden;
use crate::copay::claim::{self, claim_copay, Claim};
use crate::date::{age_on, parse_iso};
use crate::error::{Error, Result};
use crate::masters::diff::{self, DiffRequest, DiffResponse};
use crate::masters::tensuhyo::TensuhyoCounts;
use crate::masters::{MasterKind, MasterSet};
use crate::model::{
    CalcRequest, CalcResponse, Copay, CopayRequest, CopayResponse, MonthRequest, MonthResponse,
    Severity,
};
use crate::points::{self, Context};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

fn date_field(field: &str, value: &str) -> Result<chrono::NaiveDate> {
    parse_iso(value).ok_or_else(|| {
        Error::invalid_request(
            field,
            format!("expected a date YYYY-MM-DD, found {value:?}"),
        )
    })
}

fn diff_kinds(kinds: &[String]) -> Result<Vec<MasterKind>> {
    kinds
        .iter()
        .enumerate()
        .map(|(i, k)| {
            MasterKind::from_letter(k).ok_or_else(|| {
                Error::invalid_request(
                    &format!("kinds[{i}]"),
                    format!("expected one of s, y, t, c, b, z, found {k:?}"),
                )
            })
        })
        .collect()
}

/// A 負担金 that cannot be worked out for want of data (e.g. no 限度額 row for the month) leaves the
/// points standing with an error finding; a bad request stays an error.
pub(crate) fn copay_finding(e: Error) -> Result<crate::model::Finding> {
    if e.code != crate::error::ErrorCode::CalcError {
        return Err(e);
    }
    Ok(crate::model::Finding {
        code: "COPAY_UNAVAILABLE".to_string(),
        severity: Severity::Error,
        path: "insurance.incomeCategory".to_string(),
        message: e.message,
    })
}

/// Oldest plausible age; an older patient is taken to be a wrong birth date.
const MAX_AGE: u32 = 130;

pub struct Engine {
    masters: MasterSet,
}

/// What an engine has loaded, per generation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EngineInfo {
    pub version: String,
    pub generations: Vec<GenerationInfo>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GenerationInfo {
    pub effective: String,
    /// Codes per 基本マスター, by file letter (s, y, t, c, b, z).
    pub codes: BTreeMap<String, usize>,
    /// Rows per 電子点数表 table.
    pub tensuhyo: TensuhyoCounts,
    pub files: Vec<FileInfo>,
    /// Files that are not master files.
    pub skipped: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FileInfo {
    pub name: String,
    pub kind: String,
    /// A full file, or a monthly 差分 applied on top of it.
    pub full: bool,
    pub rows: usize,
}

impl Engine {
    pub fn new(masters: MasterSet) -> Engine {
        Engine { masters }
    }

    pub fn from_dir(path: &Path) -> Result<Engine> {
        MasterSet::load_dir(path).map(Engine::new)
    }

    pub fn from_files<N: AsRef<str>, B: AsRef<[u8]>>(files: &[(N, B)]) -> Result<Engine> {
        MasterSet::from_files(files).map(Engine::new)
    }

    pub fn masters(&self) -> &MasterSet {
        &self.masters
    }

    pub fn info(&self) -> EngineInfo {
        EngineInfo {
            version: crate::VERSION.to_string(),
            generations: self
                .masters
                .generations()
                .iter()
                .map(|g| GenerationInfo {
                    effective: g.effective_date().to_string(),
                    codes: MasterKind::ALL
                        .iter()
                        .map(|k| (k.letter().to_string(), g.count(*k)))
                        .collect(),
                    tensuhyo: g.tensuhyo.counts(),
                    files: g
                        .loaded
                        .iter()
                        .map(|f| FileInfo {
                            name: f.name.clone(),
                            kind: f.kind.letter().to_string(),
                            full: f.full,
                            rows: f.rows,
                        })
                        .collect(),
                    skipped: g.skipped.clone(),
                })
                .collect(),
        }
    }

    /// 患者負担金 of one レセプト: 保険 割合, 高額療養費 and 公費 (see [`CopayRequest`]). Needs no master:
    /// it is on the engine so that every surface reaches it the same way.
    pub fn calculate_copay(&self, req: &CopayRequest) -> Result<CopayResponse> {
        crate::copay::calculate_copay(req)
    }

    /// 事前審査 of a month's claim as billed (see [`crate::checks::CheckRequest`]), against the
    /// masters in force on the first day of its month.
    pub fn check(&self, req: &crate::checks::CheckRequest) -> Result<crate::checks::CheckResponse> {
        let (y, m) = crate::checks::parse_month(&req.month)?;
        let first = chrono::NaiveDate::from_ymd_opt(y, m, 1)
            .ok_or_else(|| Error::invalid_request("month", format!("{y:04}-{m:02}")))?;
        crate::checks::check(self.masters.generation_for(first)?, req)
    }

    /// 事前審査 of every receipt of a UKE file (RECEIPTC.UKE bytes, 記録条件仕様 医科).
    pub fn check_uke(&self, bytes: &[u8]) -> Result<crate::checks::uke::CheckUkeResponse> {
        let file = crate::uke::read_uke(bytes)?;
        crate::checks::uke::check_uke(
            |month| {
                let (y, m) = crate::checks::parse_month(month)?;
                let first = chrono::NaiveDate::from_ymd_opt(y, m, 1)
                    .ok_or_else(|| Error::invalid_request("month", month.to_string()))?;
                self.masters.generation_for(first)
            },
            &file,
        )
    }

    /// A UKE file (RECEIPTC.UKE bytes, 記録条件仕様 医科) read into its typed records: the same as
    /// [`crate::uke::read_uke`], here so every surface reaches the UKE calls through its engine.
    /// The masters are not consulted; a malformed file is `ParseError` naming line, record, field.
    pub fn read_uke(&self, bytes: &[u8]) -> Result<crate::uke::UkeFile> {
        crate::uke::read_uke(bytes)
    }

    /// A [`crate::uke::UkeFile`] written as the file's exact bytes (CP932, CRLF, EOF 0x1A when
    /// `eofMark`): [`crate::uke::write_uke`]. A value the file cannot hold (a character CP932
    /// cannot encode, a comma in a text, a number too wide) is `InvalidRequest`.
    pub fn write_uke(&self, file: &crate::uke::UkeFile) -> Result<Vec<u8>> {
        crate::uke::write_uke(file)
    }

    /// What changed in the masters between two dates of service (see [`DiffRequest`]).
    pub fn diff_masters(&self, req: &DiffRequest) -> Result<DiffResponse> {
        let (from, to) = (date_field("from", &req.from)?, date_field("to", &req.to)?);
        let kinds = diff_kinds(&req.kinds)?;
        Ok(diff::diff(
            (self.masters.generation_for(from)?, from),
            (self.masters.generation_for(to)?, to),
            &kinds,
            &req.codes,
        ))
    }

    /// Compares this engine's masters on `from` with another engine's on `to` (e.g. two folders).
    pub fn diff_with(
        &self,
        from: &str,
        other: &Engine,
        to: &str,
        kinds: &[String],
        codes: &[String],
    ) -> Result<DiffResponse> {
        let (f, t) = (date_field("from", from)?, date_field("to", to)?);
        Ok(diff::diff(
            (self.masters.generation_for(f)?, f),
            (other.masters.generation_for(t)?, t),
            &diff_kinds(kinds)?,
            codes,
        ))
    }

    /// Calculates one outpatient visit: points per line and 点数欄, then the 一部負担金.
    pub fn calculate(&self, req: &CalcRequest) -> Result<CalcResponse> {
        self.calculate_in_month(req, &HashMap::new())
    }

    /// A month of visits: each visit in date order knowing what the month billed before it.
    pub fn calculate_month(&self, req: &MonthRequest) -> Result<MonthResponse> {
        crate::points::month::calculate_month(self, req)
    }

    /// One visit, knowing the codes billed earlier in the same month (`earlier`).
    pub fn calculate_in_month(
        &self,
        req: &CalcRequest,
        earlier: &HashMap<String, u32>,
    ) -> Result<CalcResponse> {
        let date = parse_iso(&req.service_date).ok_or_else(|| {
            Error::invalid_request(
                "serviceDate",
                format!("expected a date YYYY-MM-DD, found {:?}", req.service_date),
            )
        })?;
        let birth = parse_iso(&req.patient.birth_date).ok_or_else(|| {
            Error::invalid_request(
                "patient.birthDate",
                format!(
                    "expected a date YYYY-MM-DD, found {:?}",
                    req.patient.birth_date
                ),
            )
        })?;
        if birth > date {
            return Err(Error::invalid_request(
                "patient.birthDate",
                format!("{birth} is after the date of service {date}"),
            ));
        }
        let age = age_on(birth, date);
        if age > MAX_AGE {
            return Err(Error::invalid_request(
                "patient.birthDate",
                format!("{birth} makes the patient {age} years old on {date}"),
            ));
        }
        let burden = burden(birth, date, age, &req.insurance)?;
        let generation = self.masters.generation_for(date)?;
        let ctx = Context {
            generation,
            date,
            birth,
            age,
            earlier,
        };
        let (lines, findings) = points::calculate(&ctx, req)?;
        let sections = points::sections::section_totals(
            generation,
            lines.iter().map(|l| points::sections::Entry {
                section: &l.section,
                items: &l.items,
                count: l.count,
                total: l.total,
            }),
        );
        let total_points: i64 = lines.iter().map(|l| l.total).sum();
        let mut findings = findings;
        let complete = !findings.iter().any(|f| f.severity == Severity::Error);
        let copay = if complete {
            // the visit alone: 割合, and the 高額療養費 限度額 when the 所得区分 is known
            let all: Vec<usize> = (0..req.public_expenses.len()).collect();
            match claim_copay(Claim {
                service_date: &req.service_date,
                patient: &req.patient,
                insurance: &req.insurance,
                publics: &req.public_expenses,
                parts: vec![claim::part(total_points, &all)],
                earlier: None,
                percent: burden.percent,
            }) {
                Ok(c) => Some(Copay {
                    burden_percent: burden.percent,
                    basis: burden.basis.to_string(),
                    total_yen: total_points * 10,
                    patient_yen: c.counter_yen,
                    public_expenses: c.public_expenses,
                }),
                Err(e) => {
                    findings.push(copay_finding(e)?);
                    None
                }
            }
        } else {
            None
        };
        Ok(CalcResponse {
            service_date: req.service_date.clone(),
            master_generation: generation.effective_date().to_string(),
            patient_age: age,
            lines,
            sections,
            total_points,
            copay,
            findings,
        })
    }
}
