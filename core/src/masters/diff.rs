//! What changed between the masters in force on two dates (or in two master sets): every code
//! added, abolished, with points / 金額 changed, or renamed — the readable form of a 改定.

use super::table::{Lookup, MasterRow, Table};
use super::{Generation, MasterKind};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Which states to compare. Both dates are dates of service: each side uses the generation in
/// force on its date and, inside it, the version of each code in force on that date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DiffRequest {
    /// `YYYY-MM-DD`
    pub from: String,
    /// `YYYY-MM-DD`
    pub to: String,
    /// Master kinds by file letter (`s`, `y`, `t`, `c`, `b`, `z`); empty = all.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kinds: Vec<String>,
    /// Only these codes; empty = every code.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub codes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct DiffResponse {
    pub from: DiffSide,
    pub to: DiffSide,
    /// Counts per kind and change, for every kind compared.
    pub counts: Vec<DiffCount>,
    /// One entry per change, by kind (s, y, t, c, b, z), then code.
    pub changes: Vec<DiffEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct DiffSide {
    pub date: String,
    /// 施行日 of the generation used for this side.
    pub generation: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct DiffCount {
    pub kind: String,
    pub added: usize,
    pub abolished: usize,
    /// 点数 (s) or 金額 (y, t) changed
    pub repriced: usize,
    pub renamed: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct DiffEntry {
    pub kind: String,
    pub code: String,
    /// `added`, `abolished`, `repriced`, `renamed`
    pub change: String,
    /// The name on the newer side (the older one for `abolished`).
    pub name: String,
    /// The value before (points / 金額 as published, e.g. "288.00"; the old name for `renamed`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new: Option<String>,
}

/// What a diff compares of a row besides its name: the 点数 or 金額, as published.
pub trait Priced: MasterRow {
    fn price(&self) -> Option<String>;
}

fn hundredths(v: i64) -> String {
    format!("{}.{:02}", v / 100, (v % 100).abs())
}

impl Priced for super::ProcedureRow {
    fn price(&self) -> Option<String> {
        Some(format!(
            "{}{}",
            hundredths(self.points_x100),
            kind_suffix(self.points_kind.code())
        ))
    }
}

/// 点数識別 other than 3 (点数) is shown, e.g. "50.00 (点数識別 5)" for a % 加算.
fn kind_suffix(kind: u32) -> String {
    if kind == 3 {
        String::new()
    } else {
        format!(" (点数識別 {kind})")
    }
}

impl Priced for super::DrugRow {
    fn price(&self) -> Option<String> {
        Some(hundredths(self.price_sen))
    }
}

impl Priced for super::MaterialRow {
    fn price(&self) -> Option<String> {
        Some(hundredths(self.price_sen))
    }
}

impl Priced for super::CommentRow {
    fn price(&self) -> Option<String> {
        None
    }
}

impl Priced for super::DiseaseRow {
    fn price(&self) -> Option<String> {
        None
    }
}

impl Priced for super::ModifierRow {
    fn price(&self) -> Option<String> {
        None
    }
}

fn in_force<'t, R: MasterRow>(t: &'t Table<R>, code: &str, date: NaiveDate) -> Option<&'t R> {
    match t.get(code, date) {
        Lookup::Valid(r) => Some(r),
        _ => None,
    }
}

fn diff_table<R: Priced>(
    kind: MasterKind,
    (old, old_date): (&Table<R>, NaiveDate),
    (new, new_date): (&Table<R>, NaiveDate),
    codes: &[String],
    count: &mut DiffCount,
    out: &mut Vec<DiffEntry>,
) {
    let all: BTreeSet<&str> = if codes.is_empty() {
        old.codes().chain(new.codes()).collect()
    } else {
        codes.iter().map(String::as_str).collect()
    };
    let entry =
        |code: &str, change: &str, name: &str, o: Option<String>, n: Option<String>| DiffEntry {
            kind: kind.letter().to_string(),
            code: code.to_string(),
            change: change.to_string(),
            name: name.to_string(),
            old: o,
            new: n,
        };
    for code in all {
        match (in_force(old, code, old_date), in_force(new, code, new_date)) {
            (None, Some(n)) => {
                count.added += 1;
                out.push(entry(code, "added", n.name(), None, n.price()));
            }
            (Some(o), None) => {
                count.abolished += 1;
                out.push(entry(code, "abolished", o.name(), o.price(), None));
            }
            (Some(o), Some(n)) => {
                if o.price() != n.price() {
                    count.repriced += 1;
                    out.push(entry(code, "repriced", n.name(), o.price(), n.price()));
                }
                if o.name() != n.name() {
                    count.renamed += 1;
                    out.push(entry(
                        code,
                        "renamed",
                        n.name(),
                        Some(o.name().to_string()),
                        Some(n.name().to_string()),
                    ));
                }
            }
            (None, None) => {}
        }
    }
}

/// Compares the state of `old` on `old_date` with the state of `new` on `new_date`.
pub fn diff(
    (old, old_date): (&Generation, NaiveDate),
    (new, new_date): (&Generation, NaiveDate),
    kinds: &[MasterKind],
    codes: &[String],
) -> DiffResponse {
    let mut counts = Vec::new();
    let mut changes = Vec::new();
    for kind in MasterKind::ALL {
        if !kinds.is_empty() && !kinds.contains(&kind) {
            continue;
        }
        let mut c = DiffCount {
            kind: kind.letter().to_string(),
            ..DiffCount::default()
        };
        let o = old_date;
        let n = new_date;
        match kind {
            MasterKind::Procedure => diff_table(
                kind,
                (&old.procedures, o),
                (&new.procedures, n),
                codes,
                &mut c,
                &mut changes,
            ),
            MasterKind::Drug => diff_table(
                kind,
                (&old.drugs, o),
                (&new.drugs, n),
                codes,
                &mut c,
                &mut changes,
            ),
            MasterKind::Material => diff_table(
                kind,
                (&old.materials, o),
                (&new.materials, n),
                codes,
                &mut c,
                &mut changes,
            ),
            MasterKind::Comment => diff_table(
                kind,
                (&old.comments, o),
                (&new.comments, n),
                codes,
                &mut c,
                &mut changes,
            ),
            MasterKind::Disease => diff_table(
                kind,
                (&old.diseases, o),
                (&new.diseases, n),
                codes,
                &mut c,
                &mut changes,
            ),
            MasterKind::Modifier => diff_table(
                kind,
                (&old.modifiers, o),
                (&new.modifiers, n),
                codes,
                &mut c,
                &mut changes,
            ),
        }
        counts.push(c);
    }
    DiffResponse {
        from: DiffSide {
            date: old_date.to_string(),
            generation: old.effective_date().to_string(),
        },
        to: DiffSide {
            date: new_date.to_string(),
            generation: new.effective_date().to_string(),
        },
        counts,
        changes,
    }
}
