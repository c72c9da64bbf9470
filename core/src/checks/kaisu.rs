//! 算定回数: how many times a 診療行為 may be billed.
//!
//! - 医科診療行為マスター 項番36 上限回数 (`0` = no limit) and 項番37 上限回数エラー処理 (0 上限回数を
//!   確認する, 1 上限回数を算定する): the spec says only "当該診療行為の算定可能な回数"; its values are
//!   per レセプト — a month's claim (特定疾患療養管理料 2 = 月2回, 人工腎臓 14 = 月14回, 入院期間加算
//!   (15日以上30日以内) 16, 食事 31) — and the points engine reads it per month too. Over it:
//!   `E-KAISU-002`, whatever 項番37 says (0: to confirm; 1: only the 上限回数 is billable).
//! - 05 算定回数テーブル (電子点数表): per code, one row per 算定単位 (列4 算定単位コード, a 単位コード of
//!   マスターファイル仕様説明書 別紙4-1; 列5 its name; 列6 算定回数; 列7 特例条件). Units one month's claim
//!   settles: 121 日 (each 算定日), 138 週 (日曜日から土曜日), 131 月 (the claim). Over it:
//!   `E-KAISU-001` (`W-KAISU-001` when 特例条件 is set). Units longer than a month (143 ２月, 144 ３月,
//!   145 ４月, 146 ６月, 147 １２月, 148 ５年, 161 ２年, 53 患者当り): over the limit within this month
//!   alone is `E-KAISU-001`; otherwise `I-KAISU-001` (earlier claims needed). A 週 that began in the
//!   previous month and holds a billing: `I-KAISU-001` too. Any other unit (初診時, 入院中, 一連,
//!   ２週, 手術当り, …) cannot be settled from one claim: `I-KAISU-002`.

use super::{rule_severity, week_start, CheckSeverity, Ctx, Occurrence};
use crate::masters::table::Lookup;
use crate::masters::tensuhyo::SanteiKaisuRow;
use chrono::Datelike;
use std::collections::BTreeMap;

pub fn run(ctx: &mut Ctx<'_>) {
    let occ = ctx.occurrences();
    let mut by_code: BTreeMap<&str, Vec<Occurrence<'_>>> = BTreeMap::new();
    for o in &occ {
        by_code.entry(o.code).or_default().push(*o);
    }
    for (code, list) in &by_code {
        master_limit(ctx, code, list);
    }
    // without the 電子点数表 the 05 table's checks do not run
    if ctx.generation.tensuhyo.is_empty() {
        return;
    }
    for (code, list) in &by_code {
        table_limits(ctx, code, list);
    }
}

/// s master 項番36 上限回数 / 項番37 上限回数エラー処理, per month's claim.
fn master_limit(ctx: &mut Ctx<'_>, code: &str, list: &[Occurrence<'_>]) {
    let g = ctx.generation;
    let mut total = 0u32;
    let mut over: Option<(Occurrence<'_>, u32, u32, String)> = None;
    for o in list {
        total += o.count;
        // 項番36 上限回数 of the version in force that day (0 = 算定回数に制限がない)
        let Lookup::Valid(row) = g.procedures.get(code, o.date) else {
            continue;
        };
        if row.limit_count == 0 || over.is_some() || total <= row.limit_count {
            continue;
        }
        over = Some((
            *o,
            row.limit_count,
            row.limit_handling.code(),
            row.name.clone(),
        ));
    }
    let Some((o, limit, handling, name)) = over else {
        return;
    };
    let (ja_how, en_how) = if handling == 1 {
        ("上限回数まで算定", "only the 上限回数 is billable")
    } else {
        ("上限回数を確認", "confirm the 上限回数")
    };
    ctx.push(
        "E-KAISU-002",
        CheckSeverity::Error,
        (Some(o.line), Some(o.item), Some(o.day)),
        format!(
            "{code} {name} は1月{limit}回までです (上限回数): この月{total}回算定、{}日で超過 ({ja_how})",
            o.day
        ),
        format!(
            "{code} {name} may be billed at most {limit} a month (上限回数); billed {total}, over on day {} ({en_how})",
            o.day
        ),
        format!("s master {code} 項番36 上限回数 {limit}, 項番37 上限回数エラー処理 {handling}"),
    );
}

/// How a 05 算定単位コード (別紙4-1) is settled from one month's claim.
enum Unit {
    Day,
    Week,
    Month,
    /// A period longer than the month (or the patient's lifetime): only the month's part is seen.
    Longer,
    /// An episode the claim does not delimit.
    Unsettled,
}

fn unit_of(code: u32) -> Unit {
    match code {
        121 => Unit::Day,
        138 => Unit::Week,
        131 => Unit::Month,
        143..=148 | 161 | 53 => Unit::Longer,
        _ => Unit::Unsettled,
    }
}

/// 05 算定回数テーブル: each row in force on a day the code is billed.
fn table_limits(ctx: &mut Ctx<'_>, code: &str, list: &[Occurrence<'_>]) {
    let t = &ctx.generation.tensuhyo;
    let mut rows: Vec<&SanteiKaisuRow> = Vec::new();
    for o in list {
        for r in t.santei_kaisu(code, o.date) {
            if !rows.iter().any(|x| std::ptr::eq(*x, r)) {
                rows.push(r);
            }
        }
    }
    for row in rows {
        let billed: Vec<Occurrence<'_>> = list
            .iter()
            .filter(|o| row.in_force_on(o.date))
            .copied()
            .collect();
        let Some(first) = billed.first().copied() else {
            continue;
        };
        let source = format!(
            "05算定回数テーブル {code} 列4 算定単位コード {} ({}), 列6 算定回数 {}, 列7 特例条件 {}",
            row.unit_code, row.unit_name, row.count, row.special
        );
        // the windows of the unit: key → occurrences in claim order
        let mut windows: BTreeMap<i64, Vec<Occurrence<'_>>> = BTreeMap::new();
        match unit_of(row.unit_code) {
            Unit::Day => billed
                .iter()
                .for_each(|o| windows.entry(i64::from(o.day)).or_default().push(*o)),
            Unit::Week => billed.iter().for_each(|o| {
                windows
                    .entry(i64::from(week_start(o.date).num_days_from_ce()))
                    .or_default()
                    .push(*o)
            }),
            Unit::Month | Unit::Longer => windows.entry(0).or_default().extend(billed.iter()),
            Unit::Unsettled => {
                ctx.push(
                    "I-KAISU-002",
                    CheckSeverity::Info,
                    (Some(first.line), Some(first.item), None),
                    format!(
                        "{code} {} の算定回数 ({}{}回) は1月のレセプトからは確認できません",
                        row.name, row.unit_name, row.count
                    ),
                    format!(
                        "{code} {}: its limit of {} per {} cannot be settled from one month's claim",
                        row.name, row.count, row.unit_name
                    ),
                    source,
                );
                continue;
            }
        }
        let mut any_over = false;
        for win in windows.values() {
            let mut total = 0u32;
            let mut over: Option<Occurrence<'_>> = None;
            for o in win {
                total += o.count;
                if over.is_none() && total > row.count {
                    over = Some(*o);
                }
            }
            let Some(o) = over else {
                // a 週 that began in the previous month: its earlier days are on that claim
                if matches!(unit_of(row.unit_code), Unit::Week)
                    && win
                        .first()
                        .is_some_and(|f| week_start(f.date).month() != ctx.month)
                {
                    ctx.push(
                        "I-KAISU-001",
                        CheckSeverity::Info,
                        (Some(win[0].line), Some(win[0].item), Some(win[0].day)),
                        format!(
                            "{code} {} は週{}回までです: この週の前月分は前月のレセプトで確認してください",
                            row.name, row.count
                        ),
                        format!(
                            "{code} {}: {} a week; the days of this week in the previous month are on that month's claim",
                            row.name, row.count
                        ),
                        source.clone(),
                    );
                }
                continue;
            };
            any_over = true;
            let (fcode, severity) = rule_severity("KAISU-001", row.special);
            let special = if row.special == 0 {
                String::new()
            } else {
                format!(" (特例条件 {}: 該当すれば算定可)", row.special)
            };
            ctx.push(
                &fcode,
                severity,
                (Some(o.line), Some(o.item), Some(o.day)),
                format!(
                    "{code} {} は{}{}回までです: {}回算定、{}日で超過{special}",
                    row.name, row.unit_name, row.count, total, o.day
                ),
                format!(
                    "{code} {}: at most {} per {} ({} billed, over on day {})",
                    row.name, row.count, row.unit_name, total, o.day
                ),
                source.clone(),
            );
        }
        if matches!(unit_of(row.unit_code), Unit::Longer) && !any_over {
            ctx.push(
                "I-KAISU-001",
                CheckSeverity::Info,
                (Some(first.line), Some(first.item), None),
                format!(
                    "{code} {} は{}{}回までです: 前月以前の算定は確認していません",
                    row.name, row.unit_name, row.count
                ),
                format!(
                    "{code} {}: {} per {}; earlier months' claims are needed to check it",
                    row.name, row.count, row.unit_name
                ),
                source,
            );
        }
    }
}
