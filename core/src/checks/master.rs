//! Master validity: every code of the claim must be in the masters and in force on each 算定日
//! (変更年月日 / 廃止年月日 of its version); a 医薬品 past its 経過措置年月日 is drug.rs's.

use super::{CheckSeverity, Ctx};
use crate::date::ymd_display;
use crate::masters::table::{Lookup, MasterRow, Table};

/// One lookup outcome, as the findings need it.
enum State {
    Unknown,
    Valid,
    NotYet(u32),
    Abolished(u32),
}

fn state<R: MasterRow>(table: &Table<R>, code: &str, date: chrono::NaiveDate) -> State {
    match table.get(code, date) {
        Lookup::Unknown => State::Unknown,
        Lookup::Valid(_) => State::Valid,
        Lookup::NotYet(r) => State::NotYet(r.changed()),
        Lookup::Abolished(r) => State::Abolished(r.abolished()),
    }
}

pub fn run(ctx: &mut Ctx<'_>) {
    let g = ctx.generation;
    for (i, line) in ctx.req.lines.iter().enumerate() {
        for (j, item) in line.items.iter().enumerate() {
            let (kind_ja, kind_en) = match item.code.as_bytes()[0] {
                b'1' => ("診療行為", "procedure"),
                b'6' => ("医薬品", "drug"),
                b'7' => ("特定器材", "material"),
                // コメント codes are keyed by 区分 + パターン + 一連番号 in the master: the コメント
                // checks look at them
                _ => continue,
            };
            let mut unknown_reported = false;
            for d in &line.days {
                let Some(date) = ctx.date(d.day) else {
                    continue;
                };
                let st = match item.code.as_bytes()[0] {
                    b'1' => state(&g.procedures, &item.code, date),
                    b'6' => state(&g.drugs, &item.code, date),
                    b'7' => state(&g.materials, &item.code, date),
                    _ => State::Unknown,
                };
                let at = (Some(i), Some(j), Some(d.day));
                match st {
                    State::Valid => {}
                    State::Unknown if !unknown_reported => {
                        unknown_reported = true;
                        ctx.push(
                            "E-MASTER-001",
                            CheckSeverity::Error,
                            (Some(i), Some(j), None),
                            format!("{} は{}マスターにないコードです", item.code, kind_ja),
                            format!("{} is not in the {kind_en} master", item.code),
                            format!("{kind_en} master ({})", g.effective_date()),
                        );
                    }
                    State::Unknown => {}
                    State::Abolished(when) => ctx.push(
                        "E-MASTER-002",
                        CheckSeverity::Error,
                        at,
                        format!(
                            "{} は{}に廃止されています ({}日算定)",
                            item.code,
                            ymd_display(when),
                            d.day
                        ),
                        format!(
                            "{} was abolished on {} (billed on day {})",
                            item.code,
                            ymd_display(when),
                            d.day
                        ),
                        format!("{kind_en} master {} 廃止年月日 {when}", item.code),
                    ),
                    State::NotYet(from) => ctx.push(
                        "E-MASTER-003",
                        CheckSeverity::Error,
                        at,
                        format!(
                            "{} は{}からの収載です ({}日算定)",
                            item.code,
                            ymd_display(from),
                            d.day
                        ),
                        format!(
                            "{} is valid from {} (billed on day {})",
                            item.code,
                            ymd_display(from),
                            d.day
                        ),
                        format!("{kind_en} master {} 変更年月日 {from}", item.code),
                    ),
                }
            }
        }
    }
}
