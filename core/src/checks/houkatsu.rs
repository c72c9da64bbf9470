//! 包括: a 診療行為 whose fee includes others. The 01 補助マスターテーブル row of a billed code (the
//! 包括する側) names up to three 包括単位/グループ番号 pairs (列4–9); the 02 包括テーブル lists each
//! group's member codes (列2 グループ番号, 列3 診療行為コード, 列5 特例条件). A member billed within the
//! unit of the including code is billed separately in error → `E-HOUKATSU-001`, pointing at the
//! member (once per line/item and including code, at its first day in the unit):
//!
//! - 1 1日につき: the member on a day the including code is billed.
//! - 2 同一月内: the member anywhere in the month's claim.
//! - 3 同時: on the same day within the including code's line (certain), or on another line the
//!   same day (`W-HOUKATSU-001`, warning: the claim does not say they were done at once).
//! - 5 手術前1週間: the member on the day of the including code or the 7 days before it (days of
//!   the previous month are on that month's claim and are not seen).
//! - 6 1手術: the member on the day of the including code (the 手術's day).
//! - any other 包括単位: `I-HOUKATSU-002` when a member is billed too, not evaluated.
//!
//! A 02 row with a 特例条件 (non-zero) gives `W-HOUKATSU-001` (warning).

use super::{rule_severity, CheckSeverity, Ctx, Occurrence};
use crate::masters::tensuhyo::{HoukatsuRow, HoukatsuUnit};

/// One member billed within the unit of an including code.
struct Hit<'a> {
    parent: Occurrence<'a>,
    child: Occurrence<'a>,
    unit: HoukatsuUnit,
    group: String,
    member: &'a HoukatsuRow,
    same_line: bool,
}

pub fn run(ctx: &mut Ctx<'_>) {
    let g = ctx.generation;
    let t = &g.tensuhyo;
    if t.is_empty() {
        return;
    }
    let occ = ctx.occurrences();
    let mut hits: Vec<Hit<'_>> = Vec::new();
    let mut unknown: Vec<(Occurrence<'_>, u32, String)> = Vec::new();
    for p in &occ {
        // 01 補助 row of the including code in force that day; 列4/6/8 包括単位, 列5/7/9 グループ番号
        let Some(hojo) = t.hojo(p.code, p.date) else {
            continue;
        };
        for slot in hojo.houkatsu_slots() {
            if let HoukatsuUnit::Other(n) = slot.unit {
                // reported only when a member of the group is billed too
                let member_billed = t
                    .houkatsu_members(&slot.group, p.date)
                    .any(|m| m.code != p.code && occ.iter().any(|c| c.code == m.code));
                if member_billed
                    && !unknown
                        .iter()
                        .any(|(o, m, gr)| o.code == p.code && *m == n && *gr == slot.group)
                {
                    unknown.push((*p, n, slot.group.clone()));
                }
                continue;
            }
            // 02 包括テーブル 列3: the codes of the group in force that day
            for member in t.houkatsu_members(&slot.group, p.date) {
                if member.code == p.code {
                    continue;
                }
                for c in occ.iter().filter(|c| c.code == member.code) {
                    let same_line = c.line == p.line && c.day == p.day;
                    let within = match slot.unit {
                        HoukatsuUnit::PerDay | HoukatsuUnit::PerOperation => c.day == p.day,
                        HoukatsuUnit::SameMonth => true,
                        HoukatsuUnit::Simultaneous => c.day == p.day,
                        HoukatsuUnit::PreOperationWeek => c.day <= p.day && c.day + 7 >= p.day,
                        HoukatsuUnit::Other(_) => false,
                    };
                    if !within {
                        continue;
                    }
                    let dup = hits.iter().position(|h| {
                        h.parent.code == p.code && (h.child.line, h.child.item) == (c.line, c.item)
                    });
                    match dup {
                        // keep the earliest day (and a certain same-line hit over another)
                        Some(i) if hits[i].child.order() <= c.order() => {}
                        Some(i) => hits[i].child = *c,
                        None => hits.push(Hit {
                            parent: *p,
                            child: *c,
                            unit: slot.unit,
                            group: slot.group.clone(),
                            member,
                            same_line,
                        }),
                    }
                }
            }
        }
    }
    for h in hits {
        let (mut fcode, mut severity) = rule_severity("HOUKATSU-001", h.member.special);
        let mut note_ja = String::new();
        let mut note_en = String::new();
        if h.unit == HoukatsuUnit::Simultaneous && !h.same_line {
            fcode = "W-HOUKATSU-001".to_string();
            severity = CheckSeverity::Warning;
            note_ja.push_str(" (別の算定単位: 同時に行ったかを確認)");
            note_en.push_str(" (separate lines: confirm they were done at once)");
        }
        if h.member.special != 0 {
            note_ja.push_str(&format!(
                " (特例条件 {}: 該当すれば別に算定可)",
                h.member.special
            ));
            note_en.push_str(&format!(
                " (特例条件 {}: billable when it applies)",
                h.member.special
            ));
        }
        let (pcode, ccode) = (h.parent.code, h.child.code);
        let pname = ctx.name_of(pcode, h.parent.date);
        let cname = &h.member.name;
        let (unit_ja, unit_en) = unit_text(h.unit);
        ctx.push(
            &fcode,
            severity,
            (Some(h.child.line), Some(h.child.item), Some(h.child.day)),
            format!("{ccode} {cname} は {pcode} {pname} に包括されます ({unit_ja}){note_ja}"),
            format!("{ccode} {cname} is included in {pcode} {pname} ({unit_en}){note_en}"),
            format!(
                "01補助マスターテーブル {pcode} 包括単位 {} グループ番号 {}; 02包括テーブル {} 列3 {ccode} 列5 特例条件 {}",
                h.unit.code(),
                h.group,
                h.group,
                h.member.special
            ),
        );
    }
    for (p, n, group) in unknown {
        ctx.push(
            "I-HOUKATSU-002",
            CheckSeverity::Info,
            (Some(p.line), Some(p.item), None),
            format!(
                "{} の包括単位 {n} (グループ {group}) は確認していません",
                p.code
            ),
            format!("{}: 包括単位 {n} (group {group}) is not evaluated", p.code),
            format!(
                "01補助マスターテーブル {} 包括単位 {n} グループ番号 {group}",
                p.code
            ),
        );
    }
}

fn unit_text(unit: HoukatsuUnit) -> (&'static str, &'static str) {
    match unit {
        HoukatsuUnit::PerDay => ("包括単位 1: 1日につき", "包括単位 1: per day"),
        HoukatsuUnit::SameMonth => ("包括単位 2: 同一月内", "包括単位 2: within the month"),
        HoukatsuUnit::Simultaneous => ("包括単位 3: 同時", "包括単位 3: at the same time"),
        HoukatsuUnit::PreOperationWeek => (
            "包括単位 5: 手術前1週間",
            "包括単位 5: the week before the operation",
        ),
        HoukatsuUnit::PerOperation => ("包括単位 6: 1手術", "包括単位 6: one operation"),
        HoukatsuUnit::Other(_) => ("", ""),
    }
}
