//! 医薬品: a drug billed after its 経過措置 ends.
//!
//! - `E-DRUG-001` a 医薬品 whose y master row in force on the 算定日 carries a 項番34 経過措置年月日
//!   earlier than that day (the 経過措置期限 is the last day it may be billed). Once the master
//!   sets the same date as its 廃止年月日 the master checks report it (E-MASTER-002) instead.
//!
//! `E-DRUG-002` (新医薬品 14日 投与制限, 療担規則 第20条第2号ヘ / 掲示事項等告示 第10) is not
//! checked: the y master has no 新医薬品 flag and no 投与期間 column; 項番36 薬価基準収載年月日 is
//! "0" on most rows and cannot tell a 新医薬品 (薬機法 第14条の4 再審査対象) from a new 規格 or
//! 後発品, and the 告示's exceptions are not in any master.

use super::{CheckSeverity, Ctx};
use crate::date::{ymd_display, ymd_number};
use crate::masters::table::Lookup;

pub fn run(ctx: &mut Ctx<'_>) {
    let g = ctx.generation;
    for (i, line) in ctx.req.lines.iter().enumerate() {
        for (j, item) in line.items.iter().enumerate() {
            if !item.code.starts_with('6') {
                continue;
            }
            for d in &line.days {
                let Some(date) = ctx.date(d.day) else {
                    continue;
                };
                let Lookup::Valid(row) = g.drugs.get(&item.code, date) else {
                    continue; // the master checks report it
                };
                let until = row.transition;
                if until == 0 || ymd_number(date) <= until {
                    continue;
                }
                let (code, name) = (&item.code, &row.name);
                ctx.push(
                    "E-DRUG-001",
                    CheckSeverity::Error,
                    (Some(i), Some(j), Some(d.day)),
                    format!(
                        "{code} {name} は経過措置期限 {} を過ぎています ({}日算定)",
                        ymd_display(until),
                        d.day
                    ),
                    format!(
                        "{code} {name}: its 経過措置 ended on {} (billed on day {})",
                        ymd_display(until),
                        d.day
                    ),
                    format!("y master {code} 項番34 経過措置年月日 {until}"),
                );
            }
        }
    }
}
