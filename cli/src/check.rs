//! `santei check`: the 事前審査 of one claim, a JSON array of claims or NDJSON (one claim a line).

use crate::table::width;
use santei_core::checks::uke::{CheckUkeReceipt, CheckUkeResponse};
use santei_core::checks::{CheckRequest, CheckResponse, CheckSeverity};
use santei_core::uke::UkeFile;
use santei_core::{Engine, Error, ErrorCode, Result};
use std::fmt::Write;

/// More claims than this get a progress display on standard error.
pub const PROGRESS_AFTER: usize = 20;

/// Where a claim came from, for error messages: its number (from 1) and place in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub number: usize,
    pub place: Place,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// The whole input is one claim.
    Single,
    /// Element `[index]` of a JSON array.
    Element(usize),
    /// Line `n` (from 1) of NDJSON.
    Line(usize),
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.place {
            Place::Single => write!(f, "claim {}", self.number),
            Place::Element(i) => write!(f, "claim {} ([{i}])", self.number),
            Place::Line(n) => write!(f, "claim {} (line {n})", self.number),
        }
    }
}

/// A claim's error with the claim named in front: `claim 3 (line 3): lines[0].days: …`.
fn at(origin: &Origin, e: Error) -> Error {
    Error::new(e.code, format!("{origin}: {}", e.message))
}

/// serde_json's message without its ` at line L column C` tail (added back as a column for NDJSON).
fn serde_message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// One claim from a JSON value: a mismatch is SANTEI_PARSE_ERROR naming the field's path.
fn claim_from_value(value: serde_json::Value, origin: &Origin) -> Result<CheckRequest> {
    serde_path_to_error::deserialize::<_, CheckRequest>(value).map_err(|e| {
        let path = e.path().to_string();
        let inner = serde_message(e.inner());
        let message = if path == "." {
            format!("{origin}: {inner}")
        } else {
            format!("{origin}: {path}: {inner}")
        };
        Error::new(ErrorCode::ParseError, message)
    })
}

/// JSON text that is not JSON: SANTEI_PARSE_ERROR with where it broke.
fn not_json(what: &str, e: &serde_json::Error, column_only: bool) -> Error {
    let place = if column_only {
        format!("column {}", e.column())
    } else {
        format!("line {} column {}", e.line(), e.column())
    };
    Error::new(
        ErrorCode::ParseError,
        format!("{what}: not JSON: {} ({place})", serde_message(e)),
    )
}

/// The claims of the input: one CheckRequest, a JSON array of them, or NDJSON (one a line, blank
/// lines skipped). The input is NDJSON when its first non-blank line is a whole JSON value and the
/// whole input is not.
pub fn parse_claims(bytes: &[u8]) -> Result<Vec<(Origin, CheckRequest)>> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        Error::new(
            ErrorCode::ParseError,
            format!("input: not UTF-8 text ({e})"),
        )
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Error::new(
            ErrorCode::ParseError,
            "input: no claim (empty input)",
        ));
    }
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(serde_json::Value::Array(items)) => {
            if items.is_empty() {
                return Err(Error::new(
                    ErrorCode::ParseError,
                    "input: an empty array (no claim)",
                ));
            }
            items
                .into_iter()
                .enumerate()
                .map(|(i, v)| {
                    let origin = Origin {
                        number: i + 1,
                        place: Place::Element(i),
                    };
                    claim_from_value(v, &origin).map(|c| (origin, c))
                })
                .collect()
        }
        Ok(value) => {
            let origin = Origin {
                number: 1,
                place: Place::Single,
            };
            Ok(vec![(origin.clone(), claim_from_value(value, &origin)?)])
        }
        Err(whole) => {
            let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
            if serde_json::from_str::<serde_json::Value>(first).is_err() {
                // one JSON document (perhaps spread over lines) that is broken
                return Err(not_json("input", &whole, false));
            }
            let mut claims = Vec::new();
            for (i, line) in text.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                let origin = Origin {
                    number: claims.len() + 1,
                    place: Place::Line(i + 1),
                };
                let value = serde_json::from_str::<serde_json::Value>(line)
                    .map_err(|e| not_json(&origin.to_string(), &e, true))?;
                claims.push((origin.clone(), claim_from_value(value, &origin)?));
            }
            Ok(claims)
        }
    }
}

/// Checks every claim in order; `progress` is told after each one. The first claim the engine
/// refuses (SANTEI_INVALID_REQUEST …) ends the run with that error, naming the claim.
pub fn check_all(
    engine: &Engine,
    claims: &[(Origin, CheckRequest)],
    mut progress: impl FnMut(usize),
) -> Result<Vec<CheckResponse>> {
    let mut out = Vec::with_capacity(claims.len());
    for (i, (origin, claim)) in claims.iter().enumerate() {
        out.push(engine.check(claim).map_err(|e| at(origin, e))?);
        progress(i + 1);
    }
    Ok(out)
}

/// A UKE file (RECEIPTC.UKE): CP932 text whose first record is the 医療機関情報レコード `IR,`.
/// JSON never starts so, so the input is told by its content, not by its name.
pub fn is_uke(bytes: &[u8]) -> bool {
    bytes.starts_with(b"IR,")
}

/// 事前審査 of every receipt of a UKE file, one receipt at a time so that `progress` is told after
/// each: the same response as `Engine::check_uke` on the whole file (each receipt through the
/// core's `checks::uke::check_uke`, a receipt that cannot be checked an `E-UKE-001` finding on it).
/// A file that is not a readable UKE is SANTEI_PARSE_ERROR naming its line, record and field.
pub fn check_uke_file(
    engine: &Engine,
    file: &UkeFile,
    mut progress: impl FnMut(usize),
) -> Result<CheckUkeResponse> {
    let generation_for = |month: &str| {
        let first = santei_core::date::parse_iso(&format!("{month}-01"))
            .filter(|_| month.len() == 7)
            .ok_or_else(|| {
                Error::new(
                    ErrorCode::InvalidRequest,
                    format!("month: expected a month YYYY-MM, found {month:?}"),
                )
            })?;
        engine.masters().generation_for(first)
    };
    let mut receipts: Vec<CheckUkeReceipt> = Vec::with_capacity(file.receipts.len());
    for (i, receipt) in file.receipts.iter().enumerate() {
        let one = UkeFile {
            ir: file.ir.clone(),
            receipts: vec![receipt.clone()],
            go: file.go.clone(),
            eof_mark: file.eof_mark,
        };
        let checked = santei_core::checks::uke::check_uke(generation_for, &one)?;
        receipts.extend(checked.receipts);
        progress(i + 1);
    }
    let sum = |f: fn(&CheckResponse) -> u32| receipts.iter().map(|r| f(&r.check)).sum();
    Ok(CheckUkeResponse {
        billing_month: file.ir.seikyu_ym.to_string(),
        errors: sum(|c| c.errors),
        warnings: sum(|c| c.warnings),
        infos: sum(|c| c.infos),
        receipts,
    })
}

fn pad(s: &str, w: usize) -> String {
    let mut out = s.to_string();
    for _ in width(s)..w {
        out.push(' ');
    }
    out
}

fn severity_name(s: CheckSeverity) -> &'static str {
    match s {
        CheckSeverity::Error => "error",
        CheckSeverity::Warning => "warning",
        CheckSeverity::Info => "info",
    }
}

/// One row per finding — claim, line and item numbered from 1, the day of the month, code,
/// severity, the Japanese message and the data row — then a summary line.
pub fn render_table(responses: &[CheckResponse]) -> String {
    let ids: Vec<String> = (1..=responses.len()).map(|n| n.to_string()).collect();
    let refs: Vec<&CheckResponse> = responses.iter().collect();
    render_rows(&ids, &refs, &summary(responses))
}

/// The table of a UKE file: the same columns, the claim named by its レセプト番号 (RE field 2),
/// and a summary counting receipts.
pub fn render_uke_table(resp: &CheckUkeResponse) -> String {
    let ids: Vec<String> = resp
        .receipts
        .iter()
        .map(|r| r.receipt_no.to_string())
        .collect();
    let refs: Vec<&CheckResponse> = resp.receipts.iter().map(|r| &r.check).collect();
    render_rows(&ids, &refs, &summary_of(&refs, "receipt", "receipts"))
}

fn render_rows(ids: &[String], responses: &[&CheckResponse], summary: &str) -> String {
    let num = |n: Option<usize>| n.map_or("-".to_string(), |n| (n + 1).to_string());
    let mut rows: Vec<[String; 8]> = Vec::new();
    for (id, r) in ids.iter().zip(responses) {
        for f in &r.findings {
            rows.push([
                id.clone(),
                num(f.line),
                num(f.item),
                f.day.map_or("-".to_string(), |d| d.to_string()),
                f.code.clone(),
                severity_name(f.severity).to_string(),
                f.message_ja.clone(),
                f.source.clone(),
            ]);
        }
    }
    let head = [
        "claim", "line", "item", "day", "code", "severity", "message", "source",
    ];
    let mut widths: Vec<usize> = head.iter().map(|h| width(h)).collect();
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row.iter()) {
            *w = (*w).max(width(cell));
        }
    }
    let mut o = String::new();
    let line = |o: &mut String, cells: &[&str]| {
        let mut s = String::new();
        for (i, cell) in cells.iter().enumerate() {
            let last = i + 1 == cells.len();
            if i < 4 {
                // numbers to the right
                let _ = write!(s, "{}{cell}  ", " ".repeat(widths[i] - width(cell)));
            } else if last {
                s.push_str(cell);
            } else {
                s.push_str(&pad(cell, widths[i]));
                s.push_str("  ");
            }
        }
        let _ = writeln!(o, "{}", s.trim_end());
    };
    if rows.is_empty() {
        let _ = writeln!(o, "no findings");
    } else {
        line(&mut o, &head);
        for row in &rows {
            let cells: Vec<&str> = row.iter().map(String::as_str).collect();
            line(&mut o, &cells);
        }
    }
    let _ = writeln!(o, "{summary}");
    o
}

/// `3 claims: 2 errors, 1 warning, 0 infos (1 claim with errors)`.
pub fn summary(responses: &[CheckResponse]) -> String {
    let refs: Vec<&CheckResponse> = responses.iter().collect();
    summary_of(&refs, "claim", "claims")
}

/// The summary line with `one` / `many` naming what was checked (claims, receipts).
fn summary_of(responses: &[&CheckResponse], one: &str, many: &str) -> String {
    let plural = |n: u64, one: &str, many: &str| {
        if n == 1 {
            format!("{n} {one}")
        } else {
            format!("{n} {many}")
        }
    };
    let sum = |f: fn(&CheckResponse) -> u32| responses.iter().map(|r| u64::from(f(r))).sum::<u64>();
    let with_errors = responses.iter().filter(|r| r.errors > 0).count() as u64;
    format!(
        "{}: {}, {}, {} ({} with errors)",
        plural(responses.len() as u64, one, many),
        plural(sum(|r| r.errors), "error", "errors"),
        plural(sum(|r| r.warnings), "warning", "warnings"),
        plural(sum(|r| r.infos), "info", "infos"),
        plural(with_errors, one, many),
    )
}

/// Progress on standard error for a run of many claims: a bar on a terminal, and plain lines at
/// every tenth (and the end) otherwise — never anything on standard output.
pub enum Progress {
    None,
    Bar(indicatif::ProgressBar),
    Lines {
        total: usize,
        next: usize,
        unit: &'static str,
    },
}

impl Progress {
    /// Progress over `total` claims.
    pub fn new(total: usize) -> Progress {
        Progress::of(total, "claims")
    }

    /// Progress over `total` things named `unit` (`claims`, `receipts`).
    pub fn of(total: usize, unit: &'static str) -> Progress {
        use std::io::IsTerminal;
        if total <= PROGRESS_AFTER {
            return Progress::None;
        }
        if std::io::stderr().is_terminal() {
            let bar = indicatif::ProgressBar::with_draw_target(
                Some(total as u64),
                indicatif::ProgressDrawTarget::stderr(),
            );
            if let Ok(style) = indicatif::ProgressStyle::with_template(&format!(
                "{{bar:40}} {{pos}}/{{len}} {unit} {{elapsed}}"
            )) {
                bar.set_style(style);
            }
            Progress::Bar(bar)
        } else {
            Progress::Lines {
                total,
                next: total.div_ceil(10),
                unit,
            }
        }
    }

    pub fn tick(&mut self, done: usize) {
        match self {
            Progress::None => {}
            Progress::Bar(bar) => bar.set_position(done as u64),
            Progress::Lines { total, next, unit } => {
                if done >= *next || done == *total {
                    eprintln!("santei check: {done}/{total} {unit}");
                    let step = total.div_ceil(10);
                    while *next <= done {
                        *next += step;
                    }
                }
            }
        }
    }

    pub fn finish(&self) {
        if let Progress::Bar(bar) = self {
            bar.finish_and_clear();
        }
    }
}
