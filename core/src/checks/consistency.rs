//! Consistency of the claim with itself: 診療実日数 against the 算定日 of the 診療行為 that make a
//! 実日数, and a second 初診料 in the month.
//!
//! - `E-JITSU-001` (入院外) `actualDays` ≠ the number of distinct 算定日 carrying a 診療行為 whose s
//!   master 項番27 実日数 is 2 (初診料, 再診料, 外来診療料, 小児科外来診療料, 在宅患者訪問診療料 …).
//!   C000 往診料 is 実日数 0 in the master: an 往診 day bills its 初診料 / 再診料 too, which count it.
//! - `W-SHOSHIN-001` 初診料 (項番27/28 = 2/1) on a second day of the month with no 傷病名 whose
//!   診療開始日 is that day.
//!
//! 入院外 claims with 入院 codes are the applicability checks' (E-NYUGAI-001).

use super::{CheckSeverity, Ctx};
use crate::date::ymd_number;
use crate::masters::table::Lookup;
use std::collections::BTreeMap;

/// The first (line, item) of each 算定日 that bills a 診療行為 whose row satisfies `pick`.
fn days_with(
    ctx: &Ctx<'_>,
    pick: impl Fn(&crate::masters::ProcedureRow) -> bool,
) -> BTreeMap<u32, (usize, usize, String)> {
    let g = ctx.generation;
    let mut days = BTreeMap::new();
    for (i, line) in ctx.req.lines.iter().enumerate() {
        for (j, item) in line.items.iter().enumerate() {
            if !item.code.starts_with('1') {
                continue;
            }
            for d in &line.days {
                let Some(date) = ctx.date(d.day) else {
                    continue;
                };
                // a code not in force that day is the master checks' finding; what kind of
                // 診療行為 it is still decides whether the day is a 実日数
                let row = match g.procedures.get(&item.code, date) {
                    Lookup::Valid(r) | Lookup::NotYet(r) | Lookup::Abolished(r) => r,
                    Lookup::Unknown => continue,
                };
                if pick(row) {
                    days.entry(d.day).or_insert((i, j, item.code.clone()));
                }
            }
        }
    }
    days
}

pub fn run(ctx: &mut Ctx<'_>) {
    jitsu_nissu(ctx);
    second_shoshin(ctx);
}

/// E-JITSU-001: s master 項番27 実日数 2 = 初診料、再診料、外来診療料等 (マスターファイル仕様説明書);
/// 記載要領: 診療実日数 counts the days of 初診・再診・往診・訪問診療, 同一日の2回以上は1日.
fn jitsu_nissu(ctx: &mut Ctx<'_>) {
    let Some(claimed) = ctx.req.actual_days else {
        return;
    };
    if ctx.req.inpatient {
        return; // 入院: 実日数 is the 入院基本料 days (項番27 = 3), not checked here
    }
    let days = days_with(ctx, |r| r.actual_days == 2);
    let counted = days.len() as u32;
    if counted == claimed {
        return;
    }
    let list = days
        .keys()
        .map(|d| d.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    let list = if list.is_empty() {
        "-".to_string()
    } else {
        list
    };
    ctx.push(
        "E-JITSU-001",
        CheckSeverity::Error,
        (None, None, None),
        format!(
            "診療実日数 {claimed}日 が初診・再診等の算定日数 {counted}日 ({list}日) と一致しません"
        ),
        format!(
            "実日数 {claimed} differs from the {counted} days billing 初診・再診・外来診療料・訪問診療 (days {list})"
        ),
        "s master 項番27 実日数 2 (初診料、再診料、外来診療料等); 記載要領 診療実日数".to_string(),
    );
}

/// W-SHOSHIN-001: A000 通知: 現に診療継続中の傷病がある間に別の傷病が発生しても初診料は算定できず,
/// the 1月以上の中止 that makes a new 初診 cannot fit in one month: a second 初診料 in the month
/// stands only when the earlier episode is 治癒 and a new 傷病 starts that day (its 診療開始日).
fn second_shoshin(ctx: &mut Ctx<'_>) {
    // 項番27 実日数 2 with 項番28 日数・回数 1 = 初診料 (and the 初診時 of 小児科外来診療料 etc.)
    let days = days_with(ctx, |r| r.actual_days == 2 && r.days_count == 1);
    let starts: Vec<u32> = ctx
        .req
        .diseases
        .iter()
        .filter_map(|d| d.start_date.as_deref().and_then(crate::date::parse_iso))
        .map(ymd_number)
        .collect();
    let Some(&first) = days.keys().next() else {
        return;
    };
    for (&day, (i, j, code)) in days.iter().skip(1) {
        let Some(date) = ctx.date(day) else { continue };
        if starts.contains(&ymd_number(date)) {
            continue;
        }
        ctx.push(
            "W-SHOSHIN-001",
            CheckSeverity::Warning,
            (Some(*i), Some(*j), Some(day)),
            format!(
                "{code} 初診料が{first}日と{day}日に算定されています: {day}日の初診は前の傷病の治癒と新たな傷病 (診療開始日 {day}日) が必要です"
            ),
            format!(
                "{code} 初診料 on day {first} and again on day {day}: a second 初診 needs the earlier episode healed and a new 傷病 starting on day {day}"
            ),
            format!("s master {code} 項番27/28 実日数・日数回数 2/1 (初診料); A000 通知"),
        );
    }
}
