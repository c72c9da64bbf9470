//! 第9部 処置 and 第10部 手術: the 通則 that change a 処置's or 手術's points. Runs after the orders
//! are resolved; the lines are sorted by 診療識別 after it.
//!
//! - **乳幼児加算 of 処置** (the 注 of J005, J007, J018 …: 3歳未満 / 6歳未満 110点・83点・55点): the master
//!   links each 処置 to its 加算 through 年齢加算 (columns 100–111), so the orders pass already adds it
//!   (処置乳幼児加算区分, column 46, says the same and is not needed for the price). The ギプス 乳幼児加算
//!   (ギプス 通則3, 100分の55) is a %年齢加算 (点数識別 5): this pass prices it, on the 区分's points.
//! - **時間外・休日・深夜加算２ of 処置** (通則5 ロ): a 処置 whose 所定点数 (第1節 処置料 with its 注加算,
//!   通知 通則10) is 150点以上, done at a visit whose 初診料・再診料・外来診療料 carries its 時間外・休日・
//!   深夜加算 (通知 通則5), takes 100分の40 (時間外) or 100分の80 (休日・深夜) of it. The 処置 must be
//!   master-marked as taking 時間外加算等 (時間加算区分 1, column 43). santei takes every such 処置 of the
//!   visit as the 緊急処置 that followed the 初診・再診 (the request has no per-order flag yet). 夜間・早朝等
//!   加算 visits take none. From 1,000点 the 加算１ of 通則5 イ applies instead at a facility that has
//!   notified its 施設基準, which the request cannot express: an error finding says so.
//! - **手術 通則8**: 3歳未満 100分の100 (乳幼児加算), 3歳以上6歳未満 100分の50 (幼児加算) of the 手術's
//!   所定点数 (第1節 手術料 with its 注加算, 通知 第10部 通則9), for the 手術 the master marks (通則年齢 1,
//!   column 40; K618 is not). A 新生児 falls under 通則7 for the 手術 it lists (100分の300, or 100分の400
//!   under 1,500g), which santei does not hold yet: an error finding. The 時間外・休日・深夜加算 of 手術
//!   (通則12) is 加算１ or ２ by the facility's 届出 only, so it is an error finding too.
//!
//! A 処置 or 手術 that takes a %加算 becomes one line (one 算定単位): its items (the base, its 注加算,
//! the %加算 codes), its points the 所定点数 plus each %加算 rounded on its own (1点未満四捨五入).

use super::common::{check_data_date, order_path, row_of, single_code};
use super::has_addon_code;
use super::Calc;
use crate::masters::procedure::{KokujiKind, PointsKind};
use crate::masters::ProcedureRow;
use crate::model::{Line, LineItem, TimeCategory};
use rust_decimal::{Decimal, RoundingStrategy};

/// 施行日 of the 告示 and 通知 the rules below were written from (令和6年厚生労働省告示第57号 別表第一
/// 第2章第9部・第10部; 令和6年3月5日保医発0305第4号 別添1).
const RULES_FROM: u32 = 20240601;

/// 初診料・再診料・外来診療料 時間外・休日・深夜加算 (A000 注7, A001 注5, A002 注8), adult and 乳幼児:
/// the visit's 加算 that a 処置's 通則5 ロ follows (通知 第9部 通則5). 夜間・早朝等加算 is not one.
const VISIT_TIME_ADDONS: &[(&str, TimeCategory)] = &[
    ("111000570", TimeCategory::Overtime),
    ("111011970", TimeCategory::Overtime),
    ("111000670", TimeCategory::Holiday),
    ("111012070", TimeCategory::Holiday),
    ("111000770", TimeCategory::LateNight),
    ("111012170", TimeCategory::LateNight),
    ("112001110", TimeCategory::Overtime),
    ("112014770", TimeCategory::Overtime),
    ("112015170", TimeCategory::Overtime),
    ("112001210", TimeCategory::Holiday),
    ("112014870", TimeCategory::Holiday),
    ("112015270", TimeCategory::Holiday),
    ("112001310", TimeCategory::LateNight),
    ("112014970", TimeCategory::LateNight),
    ("112015370", TimeCategory::LateNight),
];

/// 第9部 通則5 ロ: the %加算 code of each time (its percentage is the master's, 点数識別 5).
const SHOCHI_TIME_ADDONS: &[(TimeCategory, &str, &str)] = &[
    (
        TimeCategory::Holiday,
        "140000290",
        "第9部 通則5 ロ(1) 休日加算２",
    ),
    (
        TimeCategory::Overtime,
        "140000190",
        "第9部 通則5 ロ(2) 時間外加算２",
    ),
    (
        TimeCategory::LateNight,
        "140000390",
        "第9部 通則5 ロ(3) 深夜加算２",
    ),
];

/// 第9部 通則5 ロ: 処置の所定点数が150点以上; イ (施設基準) from 1,000点.
const SHOCHI_TIME_FROM: i64 = 150;
const SHOCHI_TIME_FACILITY_FROM: i64 = 1000;

/// 第10部 通則7 新生児加算 (100分の300, listed 手術 only), 通則8 乳幼児加算 (3歳未満 100分の100) and
/// 幼児加算 (3歳以上6歳未満 100分の50): the 通則加算 codes; their age bands and percentages are the master's.
const SHUJUTSU_NEWBORN: &str = "150000190";
const SHUJUTSU_AGE_ADDONS: &[(&str, &str)] = &[
    ("150000290", "第10部 通則8 乳幼児加算 (3歳未満)"),
    ("150342890", "第10部 通則8 幼児加算 (3歳以上6歳未満)"),
];

/// Applies the 処置 and 手術 rules to the visit's lines.
pub(crate) fn apply(calc: &mut Calc<'_>) {
    let units = units(calc);
    if units.is_empty() {
        return;
    }
    let visit_time = calc
        .lines
        .iter()
        .filter_map(single_code)
        .find_map(|c| VISIT_TIME_ADDONS.iter().find(|(code, _)| *code == c))
        .map(|(_, t)| *t);
    let mut merged = vec![false; calc.lines.len()];
    let mut replaced: Vec<(usize, Line)> = Vec::new();
    for unit in &units {
        let percents = match unit.part {
            Part::Shochi => {
                let mut p = gips_infant_percents(calc, unit);
                let extra: i64 = p.iter().map(|x| x.points).sum();
                p.extend(shochi_percents(calc, unit, extra, visit_time));
                p
            }
            Part::Shujutsu => shujutsu_percents(calc, unit, visit_time),
        };
        if percents.is_empty() {
            continue;
        }
        let line = merge(calc, unit, &percents);
        for &j in &unit.addons {
            merged[j] = true;
        }
        replaced.push((unit.line, line));
    }
    for (i, line) in replaced {
        calc.lines[i] = line;
    }
    if merged.contains(&true) {
        let mut i = 0;
        calc.lines.retain(|_| {
            i += 1;
            !merged[i - 1]
        });
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    /// 第9部 処置 第1節 処置料
    Shochi,
    /// 第10部 手術 第1節 手術料
    Shujutsu,
}

/// A 処置 or 手術 line with the lines of its 注加算: what a 通則's 所定点数 is made of.
struct Unit<'a> {
    part: Part,
    line: usize,
    row: &'a ProcedureRow,
    addons: Vec<usize>,
    /// 所定点数 per 回: the base and its 注加算.
    points: i64,
}

/// A %加算 to add to a unit: the master row, how many points, and why.
struct Percent<'a> {
    row: &'a ProcedureRow,
    points: i64,
    rule: String,
}

fn is_addon(row: &ProcedureRow) -> bool {
    matches!(row.kokuji1, KokujiKind::Addon | KokujiKind::GeneralAddon)
}

/// 1点未満の端数は四捨五入 (診療報酬の算定方法 第一号).
fn round(d: Decimal) -> i64 {
    i64::try_from(d.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero))
        .unwrap_or(i64::MAX / 2)
}

/// The visit's 処置 (第1節 処置料) and 手術 (第1節 手術料) lines with their 注加算 lines: the 年齢加算
/// lines the orders pass added right after the base, and the ordered 注加算 of the base's 注加算コード.
fn units<'a>(calc: &Calc<'a>) -> Vec<Unit<'a>> {
    let mut out: Vec<Unit<'a>> = Vec::new();
    for (i, line) in calc.lines.iter().enumerate() {
        let Some(row) = single_code(line).and_then(|c| row_of(calc, c)) else {
            continue;
        };
        if is_addon(row) {
            continue;
        }
        let part = match (line.section.as_str(), row.kubun.as_bytes().first()) {
            ("40", Some(b'J')) => Part::Shochi,
            ("50", Some(b'K')) if row.general_age == 1 => Part::Shujutsu,
            _ => continue,
        };
        let mut addons = Vec::new();
        for (j, next) in calc.lines.iter().enumerate().skip(i + 1) {
            match single_code(next) {
                Some(code)
                    if next.count == line.count
                        && row.age_addons.iter().any(|a| a.code == code) =>
                {
                    addons.push(j);
                }
                _ => break,
            }
        }
        out.push(Unit {
            part,
            line: i,
            row,
            addons,
            points: 0,
        });
    }
    // ordered 注加算 (告示等識別区分 7 with the base's 注加算コード), when one base of that code is here
    for (j, line) in calc.lines.iter().enumerate() {
        let Some(row) = single_code(line).and_then(|c| row_of(calc, c)) else {
            continue;
        };
        if row.kokuji1 != KokujiKind::Addon || !has_addon_code(row) || row.addon_seq == "0" {
            continue;
        }
        let bases: Vec<usize> = out
            .iter()
            .enumerate()
            .filter(|(_, u)| has_addon_code(u.row) && u.row.addon_code == row.addon_code)
            .map(|(k, _)| k)
            .collect();
        if let [k] = bases.as_slice() {
            let unit = &mut out[*k];
            if line.count == calc.lines[unit.line].count && !unit.addons.contains(&j) {
                unit.addons.push(j);
            }
        }
    }
    for unit in &mut out {
        unit.addons.sort_unstable();
        unit.points = calc.lines[unit.line].points
            + unit
                .addons
                .iter()
                .map(|&j| calc.lines[j].points)
                .sum::<i64>();
    }
    out
}

/// A %加算 row and its percentage (点数識別 5), or a finding.
fn percent_row<'a>(calc: &mut Calc<'a>, code: &str, path: &str) -> Option<(&'a ProcedureRow, i64)> {
    match row_of(calc, code) {
        Some(r) if r.points_kind == PointsKind::PercentAdd && r.points_x100 % 100 == 0 => {
            Some((r, r.points_x100 / 100))
        }
        Some(r) => {
            calc.finding(
                "UNSUPPORTED_RULE",
                path,
                format!(
                    "{code} {}: 点数識別 {} is not a %加算 santei can apply",
                    r.name,
                    r.points_kind.code()
                ),
            );
            None
        }
        None => {
            calc.finding(
                "UNSUPPORTED_RULE",
                path,
                format!(
                    "{code} is not in the 医科診療行為マスター of {} on the date of service",
                    calc.ctx.generation.effective_date()
                ),
            );
            None
        }
    }
}

/// Whether this pass prices the %年齢加算 (点数識別 5) of a base row: the ギプス 乳幼児加算 of 第9部
/// (J122–J129-4, ギプス 通則3). The orders pass's 年齢加算 should leave those to it, as it does for
/// the 画像診断 pass (hook to add in `Calc::age_addons`).
pub(crate) fn prices_percent_age_addon(base: &ProcedureRow) -> bool {
    base.kubun.starts_with('J') && base.section_outpatient == 400
}

/// ギプス 通則3: ６歳未満の乳幼児に対して J122–J129-4 のギプスの処置を行った場合は、乳幼児加算として当該
/// 各区分の所定点数の100分の55 — the %年齢加算 rows of the master (columns 100–111, 点数識別 5).
fn gips_infant_percents<'a>(calc: &mut Calc<'a>, unit: &Unit<'a>) -> Vec<Percent<'a>> {
    let row = unit.row;
    if !prices_percent_age_addon(row) {
        return Vec::new();
    }
    let base = calc.lines[unit.line].points;
    let mut out = Vec::new();
    for addon in &row.age_addons {
        let Some(addon_row) = row_of(calc, &addon.code) else {
            continue;
        };
        if addon_row.points_kind != PointsKind::PercentAdd {
            continue;
        }
        if calc.in_age_band(addon.lower, addon.upper) != Ok(true) {
            continue; // a special age code is reported by the orders pass
        }
        let path = order_path(calc, &row.code);
        let Some((addon_row, pct)) = percent_row(calc, &addon.code, &path) else {
            continue;
        };
        check_data_date(calc, RULES_FROM, "第9部 処置 ギプス 通則3");
        let exact = Decimal::from(base) * Decimal::from(pct) / Decimal::from(100);
        let points = round(exact);
        let age = calc.ctx.age;
        out.push(Percent {
            row: addon_row,
            points,
            rule: format!(
                "第9部 ギプス 通則3 乳幼児加算: patient aged {age}, 各区分の所定点数 {base}点 × {pct}/100 = {} → {points}点 (1点未満四捨五入)",
                exact.normalize()
            ),
        });
    }
    out
}

/// 第9部 通則5 ロ: the 処置's 休日・時間外・深夜加算２; `extra` is the %乳幼児加算 of ギプス, part of the
/// 所定点数 (通知 第9部 通則10).
fn shochi_percents<'a>(
    calc: &mut Calc<'a>,
    unit: &Unit<'a>,
    extra: i64,
    visit_time: Option<TimeCategory>,
) -> Vec<Percent<'a>> {
    let row = unit.row;
    let base_points = unit.points + extra;
    // 時間加算区分 1: 時間外加算等を算定可能な診療行為
    if row.time_addon != 1 {
        return Vec::new();
    }
    let path = order_path(calc, &row.code);
    let Some(time) = visit_time else {
        if calc.req.time != TimeCategory::Regular
            && base_points >= SHOCHI_TIME_FROM
            && calc.req.trace
        {
            calc.lines[unit.line].trace.push(format!(
                "第9部 通則5: no 初診料・再診料・外来診療料 時間外・休日・深夜加算 at this visit (time {:?}), so no 時間外加算等 of the 処置 (通知 第9部 通則5)",
                calc.req.time
            ));
        }
        return Vec::new();
    };
    if base_points < SHOCHI_TIME_FROM {
        if calc.req.trace {
            calc.lines[unit.line].trace.push(format!(
                "第9部 通則5 ロ: 所定点数 {}点 is under {SHOCHI_TIME_FROM}点; no 時間外加算等",
                base_points
            ));
        }
        return Vec::new();
    }
    check_data_date(calc, RULES_FROM, "第9部 処置 通則5");
    if base_points >= SHOCHI_TIME_FACILITY_FROM {
        calc.finding(
            "UNSUPPORTED_RULE",
            &path,
            format!(
                "{} {}: 所定点数 {}点 is {SHOCHI_TIME_FACILITY_FROM}点以上 — 第9部 通則5 イ (休日・時間外・深夜加算１, at a facility that notified its 施設基準) or ロ (加算２) depends on the facility's 届出, which the request cannot express",
                row.code, row.name, base_points
            ),
        );
        return Vec::new();
    }
    let Some(&(_, code, rule)) = SHOCHI_TIME_ADDONS.iter().find(|(t, _, _)| *t == time) else {
        return Vec::new();
    };
    let Some((addon, pct)) = percent_row(calc, code, &path) else {
        return Vec::new();
    };
    let exact = Decimal::from(base_points) * Decimal::from(pct) / Decimal::from(100);
    let points = round(exact);
    vec![Percent {
        row: addon,
        points,
        rule: format!(
            "{rule}: visit {time:?} with its 初診・再診 加算, 所定点数 {}点 (≥ {SHOCHI_TIME_FROM}点) × {pct}/100 = {} → {points}点 (1点未満四捨五入)",
            base_points,
            exact.normalize()
        ),
    }]
}

/// 第10部 通則8: the 手術's 乳幼児加算 or 幼児加算; 通則7 (新生児) and 通則12 (時間外等) are findings.
fn shujutsu_percents<'a>(
    calc: &mut Calc<'a>,
    unit: &Unit<'a>,
    visit_time: Option<TimeCategory>,
) -> Vec<Percent<'a>> {
    let row = unit.row;
    let path = order_path(calc, &row.code);
    if visit_time.is_some() {
        calc.finding(
            "UNSUPPORTED_RULE",
            &path,
            format!(
                "{} {}: 第10部 通則12 休日・時間外・深夜加算 of a 手術 is 加算１ or 加算２ by the facility's 届出 (施設基準), which the request cannot express",
                row.code, row.name
            ),
        );
    }
    if calc.ctx.age >= 6 {
        return Vec::new();
    }
    let newborn = row_of(calc, SHUJUTSU_NEWBORN)
        .map(|r| calc.in_age_band(r.age_lower, r.age_upper))
        .unwrap_or(Ok(false));
    if !matches!(newborn, Ok(false)) {
        calc.finding(
            "UNSUPPORTED_RULE",
            &path,
            format!(
                "{} {}: a 新生児 — 第10部 通則7 (新生児加算 100分の300 for the 手術 it lists) or 通則8 (乳幼児加算 100分の100) is not supported yet",
                row.code, row.name
            ),
        );
        return Vec::new();
    }
    for &(code, rule) in SHUJUTSU_AGE_ADDONS {
        let Some(addon) = row_of(calc, code) else {
            continue;
        };
        match calc.in_age_band(addon.age_lower, addon.age_upper) {
            Ok(true) => {}
            Ok(false) => continue,
            Err(special) => {
                calc.finding(
                    "UNSUPPORTED_RULE",
                    &path,
                    format!(
                        "{code} {}: age code {special} is not supported yet",
                        addon.name
                    ),
                );
                return Vec::new();
            }
        }
        check_data_date(calc, RULES_FROM, "第10部 手術 通則8");
        let Some((addon, pct)) = percent_row(calc, code, &path) else {
            return Vec::new();
        };
        let exact = Decimal::from(unit.points) * Decimal::from(pct) / Decimal::from(100);
        let points = round(exact);
        let age = calc.ctx.age;
        return vec![Percent {
            row: addon,
            points,
            rule: format!(
                "{rule}: patient aged {age}, 所定点数 {}点 × {pct}/100 = {} → {points}点 (1点未満四捨五入)",
                unit.points,
                exact.normalize()
            ),
        }];
    }
    Vec::new()
}

/// One 算定単位: the base, its 注加算 and the %加算, points = 所定点数 + each %加算.
fn merge(calc: &Calc<'_>, unit: &Unit<'_>, percents: &[Percent<'_>]) -> Line {
    let base = &calc.lines[unit.line];
    let mut items = base.items.clone();
    let mut trace = base.trace.clone();
    for &j in &unit.addons {
        items.extend(calc.lines[j].items.iter().cloned());
        trace.extend(calc.lines[j].trace.iter().cloned());
    }
    let mut points = unit.points;
    for p in percents {
        items.push(LineItem {
            code: p.row.code.clone(),
            name: p.row.name.clone(),
            quantity: None,
            unit: None,
            unit_price: None,
        });
        points += p.points;
        if calc.req.trace {
            trace.push(format!(
                "医科診療行為マスター {} {}: 点数識別 5 (%加算) {}",
                p.row.code,
                p.row.name,
                Decimal::new(p.row.points_x100, 2).normalize()
            ));
            trace.push(p.rule.clone());
        }
    }
    if calc.req.trace {
        trace.push(format!(
            "one 算定単位: {}点 (the 処置・手術 with its 注加算) + %加算 = {points}点",
            unit.points
        ));
    }
    Line {
        section: base.section.clone(),
        items,
        points,
        count: base.count,
        total: points * i64::from(base.count),
        trace,
    }
}

#[cfg(test)]
mod tests {
    use super::round;
    use rust_decimal::Decimal;

    #[test]
    fn rounding_half_up() {
        assert_eq!(round(Decimal::new(1268, 1)), 127); // 317 × 40/100
        assert_eq!(round(Decimal::new(3416, 1)), 342); // 427 × 80/100
        assert_eq!(round(Decimal::new(2205, 1)), 221);
        assert_eq!(round(Decimal::from(64)), 64);
    }
}
