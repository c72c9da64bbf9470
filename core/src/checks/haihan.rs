//! 背反: pairs of 診療行為 that may not both be billed within a unit of time, from the 電子点数表's
//! 03-1..03-4 背反テーブル (列2 診療行為コード①, 列4 診療行為コード②, 列6 背反区分, 列7 特例条件,
//! 列9–10 新設・廃止年月日). 背反区分 says which code is billed: 1 ①, 2 ②, 3 いずれか一方 — for 3
//! the code billed later in the unit (by 算定日, then line, then item) is the one to drop. Each
//! finding points at the code that must go, once per line/item and unit, at its first day there.
//!
//! - 03-1 1日につき: both on the same 算定日 → `E-HAIHAN-001`.
//! - 03-2 同一月内: both in the month's claim → `E-HAIHAN-002`.
//! - 03-3 同時: both on the same 算定日. Within one line (one 算定単位: one act) it is certain →
//!   `E-HAIHAN-003`; on separate lines the claim does not say the two were done at once →
//!   `W-HAIHAN-003` (warning).
//! - 03-4 1週間につき: both in the same 週, 日曜日から土曜日 (the 点数表's week) → `E-HAIHAN-004`. The
//!   days of a week in the neighbouring month are on that month's claim and are not seen.
//!
//! A row with a 特例条件 (non-zero) gives the `W-` code (warning): the exception may apply. A 背反区分
//! outside 1–3 is reported as `I-HAIHAN-005` and not evaluated.

use super::{rule_severity, week_start, CheckSeverity, Ctx, Occurrence};
use crate::masters::tensuhyo::{HaihanKubun, HaihanRow, HaihanUnit, TensuhyoFile};
use chrono::Datelike;
use std::collections::BTreeMap;

pub fn run(ctx: &mut Ctx<'_>) {
    let t = &ctx.generation.tensuhyo;
    if t.is_empty() {
        return;
    }
    let occ = ctx.occurrences();
    let mut rows: Vec<&HaihanRow> = Vec::new();
    for o in &occ {
        for unit in HaihanUnit::ALL {
            for m in t.haihan(unit, o.code, o.date) {
                let other = m.other_code();
                if other != o.code
                    && occ.iter().any(|x| x.code == other)
                    && !rows.iter().any(|r| std::ptr::eq(*r, m.row))
                {
                    rows.push(m.row);
                }
            }
        }
    }
    for row in rows {
        pair(ctx, row, &occ);
    }
}

/// The finding number of each 背反テーブル.
fn number(unit: HaihanUnit) -> &'static str {
    match unit {
        HaihanUnit::PerDay => "HAIHAN-001",
        HaihanUnit::SameMonth => "HAIHAN-002",
        HaihanUnit::Simultaneous => "HAIHAN-003",
        HaihanUnit::PerWeek => "HAIHAN-004",
    }
}

fn pair(ctx: &mut Ctx<'_>, row: &HaihanRow, occ: &[Occurrence<'_>]) {
    let (c1, c2) = (row.code1.as_str(), row.code2.as_str());
    let source = format!(
        "{}{} 列2 診療行為コード① {c1}, 列4 診療行為コード② {c2}, 列6 背反区分 {}, 列7 特例条件 {}",
        row.unit.file_number(),
        TensuhyoFile::Haihan(row.unit).label(),
        row.kubun.code(),
        row.special
    );
    if let HaihanKubun::Other(n) = row.kubun {
        let first = occ.iter().find(|o| o.code == c1 || o.code == c2);
        ctx.push(
            "I-HAIHAN-005",
            CheckSeverity::Info,
            (first.map(|o| o.line), first.map(|o| o.item), None),
            format!("{c1} と {c2} の背反区分 {n} は確認していません"),
            format!("{c1} / {c2}: 背反区分 {n} is not evaluated"),
            source,
        );
        return;
    }
    // the windows of the table's unit, over the days the row is in force (列9–10)
    let mut windows: BTreeMap<i64, Vec<Occurrence<'_>>> = BTreeMap::new();
    for o in occ
        .iter()
        .filter(|o| (o.code == c1 || o.code == c2) && row.in_force_on(o.date))
    {
        let key = match row.unit {
            HaihanUnit::PerDay | HaihanUnit::Simultaneous => i64::from(o.day),
            HaihanUnit::SameMonth => 0,
            HaihanUnit::PerWeek => i64::from(week_start(o.date).num_days_from_ce()),
        };
        windows.entry(key).or_default().push(*o);
    }
    let (name1, name2) = (row.name1.as_str(), row.name2.as_str());
    for win in windows.values() {
        let first = |c: &str| win.iter().find(|o| o.code == c).map(|o| o.order());
        let (Some(f1), Some(f2)) = (first(c1), first(c2)) else {
            continue;
        };
        // 列6 背反区分: 1 ①を算定, 2 ②を算定, 3 いずれか一方 (the later one goes)
        let (loser, winner, how_ja, how_en) = match row.kubun {
            HaihanKubun::First => (c2, c1, "背反区分 1: ①を算定", "背反区分 1: ① is billed"),
            HaihanKubun::Second => (c1, c2, "背反区分 2: ②を算定", "背反区分 2: ② is billed"),
            _ if f2 > f1 => (
                c2,
                c1,
                "背反区分 3: いずれか一方を算定",
                "背反区分 3: one or the other",
            ),
            _ => (
                c1,
                c2,
                "背反区分 3: いずれか一方を算定",
                "背反区分 3: one or the other",
            ),
        };
        let (lname, wname) = if loser == c1 {
            (name1, name2)
        } else {
            (name2, name1)
        };
        let mut seen: Vec<(usize, usize)> = Vec::new();
        for o in win.iter().filter(|o| o.code == loser) {
            if seen.contains(&(o.line, o.item)) {
                continue;
            }
            seen.push((o.line, o.item));
            let (mut fcode, mut severity) = rule_severity(number(row.unit), row.special);
            let mut note_ja = String::new();
            let mut note_en = String::new();
            if row.unit == HaihanUnit::Simultaneous
                && !win
                    .iter()
                    .any(|w| w.code == winner && w.line == o.line && w.day == o.day)
            {
                (fcode, severity) = (format!("W-{}", number(row.unit)), CheckSeverity::Warning);
                note_ja = " (別の算定単位: 同時に行ったかを確認)".to_string();
                note_en = " (separate lines: confirm they were done at once)".to_string();
            }
            if row.special != 0 {
                note_ja.push_str(&format!(" (特例条件 {}: 該当すれば併算定可)", row.special));
                note_en.push_str(&format!(
                    " (特例条件 {}: allowed when it applies)",
                    row.special
                ));
            }
            ctx.push(
                &fcode,
                severity,
                (Some(o.line), Some(o.item), Some(o.day)),
                format!(
                    "{loser} {lname} は {winner} {wname} と{}に併算定できません ({how_ja}){note_ja}",
                    unit_ja(row.unit)
                ),
                format!(
                    "{loser} {lname} may not be billed with {winner} {wname} {} ({how_en}){note_en}",
                    unit_en(row.unit)
                ),
                source.clone(),
            );
        }
    }
}

fn unit_ja(unit: HaihanUnit) -> &'static str {
    match unit {
        HaihanUnit::PerDay => "同一日",
        HaihanUnit::SameMonth => "同一月",
        HaihanUnit::Simultaneous => "同時",
        HaihanUnit::PerWeek => "同一週 (日曜日から土曜日)",
    }
}

fn unit_en(unit: HaihanUnit) -> &'static str {
    match unit {
        HaihanUnit::PerDay => "on the same day",
        HaihanUnit::SameMonth => "in the same month",
        HaihanUnit::Simultaneous => "at the same time",
        HaihanUnit::PerWeek => "in the same week (Sunday to Saturday)",
    }
}
