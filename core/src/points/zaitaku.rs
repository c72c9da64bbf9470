//! 第2部 在宅医療: C000 往診料 and C001 在宅患者訪問診療料(Ⅰ) (with C001-2 where the 告示 says the
//! same) for a 保険医療機関 that is not a 在宅療養支援診療所・在宅療養支援病院 — the request cannot say
//! it is one yet. Runs after the orders are resolved (and after 検査・画像・注射・処置), before 医学管理.
//!
//! - 往診料's 注1 夜間・休日往診加算 and 深夜往診加算 follow the visit's `time`, like the 時間外加算 of
//!   初診料・再診料: the engine adds them and refuses them when ordered. 緊急往診加算 (標榜時間内) is
//!   ordered. 注1 ハ (別に厚生労働大臣が定める患者) or ニ (それ以外) is ハ when the month shows a
//!   在宅患者訪問診療料 earlier (患者 (1)); otherwise ニ, with a warning.
//! - 往診料 is billed with the 初診料 or 再診料 of the 往診; 在宅患者訪問診療料 is billed without 再診料・
//!   外来診療料・往診料 and not on the 初診 day. One visit is a 往診 or a 訪問診療, never both.
//! - 訪問診療料: 1日につき, 週3回 (as far as the month's counts can show it), 月1回 for C001 2.
//!
//! A line that may not be billed is taken out and said so in a finding, like the 医学管理等 pass.

use super::common::{billed, earlier, note, order_path, refuse, row_of, single_code};
use super::visit::{visit_kind, VisitKind, AUTO_ADDONS};
use super::Calc;
use crate::masters::procedure::LimitHandling;
use crate::masters::ProcedureRow;
use crate::model::{Finding, Severity, TimeCategory};
use chrono::{Datelike, Duration, NaiveDate};

/// C000 往診料 720点.
const OUSHIN: &str = "114000110";
/// C000 注2 患家診療時間加算（往診料）: 100点 per 30分 over 1時間 (きざみ値, priced by the orders pass).
const OUSHIN_JIKAN: &str = "114000970";
/// C001 注5 患家診療時間加算（在宅患者訪問診療料（１）・（２））.
const HOMON_JIKAN: &str = "114001470";
/// C001 注4 乳幼児加算 400点: the 年齢加算 of every 在宅患者訪問診療料 row (added by the orders pass).
const HOMON_NYUYOJI: &str = "114015870";
/// 注加算コード of the C000 往診料 and its 注1 加算 (通番 1).
const OUSHIN_ADDON_CODE: &str = "1401";

/// A C000 注1 加算 as billed by a 保険医療機関 that is not a 在宅療養支援診療所・病院: ハ for
/// 別に厚生労働大臣が定める患者, ニ for the others.
struct Kasan {
    /// The 加算 as the 告示 names it.
    label: &'static str,
    /// 注1 ハ (別に厚生労働大臣が定める患者に対し、イからロまでに掲げるもの以外の保険医療機関).
    designated: &'static str,
    /// 注1 ニ (別に厚生労働大臣が定める患者以外の患者に対して行う場合).
    other: &'static str,
}

/// C000 注1 ハ(1) 緊急往診加算 325点 / ニ(1) 325点.
const KINKYU: Kasan = Kasan {
    label: "緊急往診加算",
    designated: "114000370",
    other: "114704470",
};
/// C000 注1 ハ(2) 夜間・休日往診加算 650点 / ニ(2) 405点 — 夜間 (深夜を除く).
const YAKAN: Kasan = Kasan {
    label: "夜間・休日往診加算 (夜間)",
    designated: "114000470",
    other: "114704570",
};
/// C000 注1 ハ(2) 夜間・休日往診加算 650点 / ニ(2) 405点 — 休日.
const KYUJITSU: Kasan = Kasan {
    label: "夜間・休日往診加算 (休日)",
    designated: "114029570",
    other: "114704670",
};
/// C000 注1 ハ(3) 深夜往診加算 1,300点 / ニ(3) 485点.
const SHINYA: Kasan = Kasan {
    label: "深夜往診加算",
    designated: "114000570",
    other: "114704770",
};

/// What a 初診料 at the same visit means for a 在宅患者訪問診療料.
#[derive(Clone, Copy, PartialEq, Eq)]
enum OnShoshin {
    /// 初診料を算定する初診の日に訪問して診療を行った場合を除く: the 訪問診療料 is not billed.
    NotBillable,
    /// 初診料…は、算定しない: the 初診料 is not billed.
    ExcludesShoshin,
}

/// How often a 在宅患者訪問診療料 may be billed besides 1日につき.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Limit {
    /// 週3回 (別に厚生労働大臣が定める疾病等の患者を除く).
    Weekly,
    /// 月1回 (master 上限回数).
    Monthly,
}

/// One 在宅患者訪問診療料 and the 告示 that governs it; the codes of one entry share its limit.
struct Homon {
    rule: &'static str,
    /// The 注 that says which 基本診療料 are not billed with it.
    excludes: &'static str,
    codes: &'static [&'static str],
    on_shoshin: OnShoshin,
    limit: Limit,
    /// None: billable by this facility; Some(why not) for the 在宅療養支援診療所・病院 variants.
    unsupported: Option<&'static str>,
}

const HOMON: &[Homon] = &[
    // C001 1 イ 同一建物居住者以外 888点 / ロ 同一建物居住者 213点; 注1: 週3回 (イ及びロを併せて)
    Homon {
        rule: "C001 1 在宅患者訪問診療料1",
        excludes: "C001 注1",
        codes: &["114001110", "114030310"],
        on_shoshin: OnShoshin::NotBillable,
        limit: Limit::Weekly,
        unsupported: None,
    },
    // C001 注12: 在宅療養支援診療所又は在宅療養支援病院 … 基準に適合しなくなった場合 … 100分の50
    Homon {
        rule: "C001 注12 在宅患者訪問診療料1 (100分の50)",
        excludes: "C001 注1",
        codes: &["114706310", "114706410"],
        on_shoshin: OnShoshin::NotBillable,
        limit: Limit::Weekly,
        unsupported: Some("C001 注12 applies to a 在宅療養支援診療所又は在宅療養支援病院 that no longer meets its 基準; the request cannot say the facility is one yet"),
    },
    // C001 2 イ 884点 / ロ 187点; 注2: 月1回, 初診料・再診料・外来診療料・往診料は算定しない
    Homon {
        rule: "C001 2 在宅患者訪問診療料2",
        excludes: "C001 注2",
        codes: &["114042110", "114042210"],
        on_shoshin: OnShoshin::ExcludesShoshin,
        limit: Limit::Monthly,
        unsupported: None,
    },
    // C001-2 在宅患者訪問診療料（Ⅱ） 150点; 注1 イ (初診の日を除く), 注2: 週3回
    Homon {
        rule: "C001-2 注1 イ 在宅患者訪問診療料（Ⅱ）",
        excludes: "C001-2 注1",
        codes: &["114042810"],
        on_shoshin: OnShoshin::NotBillable,
        limit: Limit::Weekly,
        unsupported: None,
    },
    // C001-2 注6 (C001 注12 準用)
    Homon {
        rule: "C001-2 注6 在宅患者訪問診療料（Ⅱ） (100分の50)",
        excludes: "C001-2 注1",
        codes: &["114706610"],
        on_shoshin: OnShoshin::NotBillable,
        limit: Limit::Weekly,
        unsupported: Some("C001-2 注6 (C001 注12 準用) applies to a 在宅療養支援診療所又は在宅療養支援病院 that no longer meets its 基準; the request cannot say the facility is one yet"),
    },
    // C001-2 注1 ロ 150点; 注3: 月1回
    Homon {
        rule: "C001-2 注1 ロ 在宅患者訪問診療料（Ⅱ）",
        excludes: "C001-2 注1",
        codes: &["114046310"],
        on_shoshin: OnShoshin::ExcludesShoshin,
        limit: Limit::Monthly,
        unsupported: None,
    },
];

/// Applies the 在宅医療 rules to the visit's lines.
/// The 往診料 注1 加算 (注加算コード 1401, 通番 1) other than the plain 緊急往診加算 (ハ・ニ, ordered by
/// hand and priced by the orders pass) are this pass's to bill or refuse: the orders pass leaves
/// such an order alone instead of pricing it or reporting it.
pub(crate) fn handles_order(row: &ProcedureRow) -> bool {
    row.addon_code == OUSHIN_ADDON_CODE
        && row.addon_seq == "1"
        && row.code != KINKYU.designated
        && row.code != KINKYU.other
}

pub(crate) fn apply(calc: &mut Calc<'_>) {
    refuse_ordered_addons(calc);
    homon(calc);
    oushin(calc);
}

/// 加算 the engine adds itself, or cannot bill for this facility, refused when ordered: C000 注1
/// 夜間・休日・深夜往診加算 (from `time`) and the 在宅療養支援診療所・病院 緊急往診加算. (C001 注4
/// 乳幼児加算 ordered with its 訪問診療料 is refused by the orders pass as a 年齢加算.)
fn refuse_ordered_addons(calc: &mut Calc<'_>) {
    let req = calc.req;
    for (i, order) in req.orders.iter().enumerate() {
        let Some(row) = row_of(calc, &order.code) else {
            continue;
        };
        let path = format!("orders[{i}].code");
        let code = row.code.as_str();
        let oushin_kasan = row.addon_code == OUSHIN_ADDON_CODE && row.addon_seq == "1";
        let (finding, message) = if oushin_kasan && row.time_addon != 0 {
            let plain = [&YAKAN, &KYUJITSU, &SHINYA]
                .iter()
                .any(|k| k.designated == code || k.other == code);
            let variant = if plain {
                ""
            } else {
                "; the 在宅療養支援診療所・在宅療養支援病院 variants (注1 イ・ロ) need a facility type the request cannot give yet"
            };
            (
                "AUTO_ADDON_ORDERED",
                format!(
                    "{code} {} is added by the engine from `time` with the 往診料 (C000 注1){variant}; do not order it",
                    row.name
                ),
            )
        } else if oushin_kasan && code != KINKYU.designated && code != KINKYU.other {
            (
                "UNSUPPORTED_RULE",
                format!(
                    "{code} {}: C000 注1 イ・ロ are for a 在宅療養支援診療所・在宅療養支援病院, which the request cannot say the facility is yet; order {} (ハ, 別に厚生労働大臣が定める患者) or {} (ニ)",
                    row.name, KINKYU.designated, KINKYU.other
                ),
            )
        } else {
            continue;
        };
        calc.lines.retain(|l| single_code(l) != Some(code));
        calc.finding(finding, &path, message);
    }
}

/// 在宅患者訪問診療料: facility variants, 往診, the visit fee, 1日につき, 週3回 / 月1回, and the 加算
/// that depend on it.
fn homon(calc: &mut Calc<'_>) {
    for (code, h) in present(calc) {
        if let Some(why) = h.unsupported {
            let name = name_of(calc, &code);
            refuse(
                calc,
                &[&code],
                "UNSUPPORTED_RULE",
                format!("{code} {name}: {why}"),
            );
        }
    }
    // 第2部第1節 通知1: 往診料、在宅患者訪問診療料(Ⅰ)… いずれか１つを算定した日においては、他のものを算定
    // できない (a 往診 after a 訪問診療 for 急変 is a visit of its own); C001 通知(11): 緊急の場合の往診は
    // 在宅患者訪問診療料(Ⅰ)は算定せず、往診料及び再診料又は外来診療料を算定する
    if billed(calc, OUSHIN) > 0 {
        for (code, h) in present(calc) {
            let name = name_of(calc, &code);
            refuse(
                calc,
                &[&code],
                "OUSHIN_WITH_HOMON",
                format!(
                    "{code} {name} and 114000110 往診料 at one visit: a visit is either a 往診 or a 訪問診療 (第2部第1節 通知1); C001 通知(11): 緊急の場合の往診は在宅患者訪問診療料(Ⅰ)は算定せず、往診料及び再診料又は外来診療料を算定する ({}; a 往診 after the 訪問診療 for 急変 is a visit of its own)",
                    h.rule
                ),
            );
        }
    }
    // C001 (１日につき), 通知(6): １日につき１回に限り; イ・ロ or two kinds at one visit are one too many
    let mut kept: Option<String> = None;
    for (code, _) in present(calc) {
        let units = billed(calc, &code);
        let allowed = u32::from(kept.is_none());
        if units > allowed {
            let name = name_of(calc, &code);
            remove_units(calc, &code, units - allowed);
            let path = order_path(calc, &code);
            let why = match &kept {
                None => format!("{} more at this visit not billed", units - allowed),
                Some(first) => format!("{first} is billed at this visit: not billed"),
            };
            calc.finding(
                "HOMON_ONCE_A_DAY",
                &path,
                format!("{code} {name}: 在宅患者訪問診療料 is billed once a day (１日につき, C001 通知(6)); {why}"),
            );
        }
        kept.get_or_insert(code);
    }
    if let Some((code, h)) = present(calc).into_iter().next() {
        visit_fee_with_homon(calc, &code, h);
    }
    if let Some((code, h)) = present(calc).into_iter().next() {
        match h.limit {
            Limit::Weekly => weekly_limit(calc, &code, h),
            Limit::Monthly => monthly_limit(calc, &code, h),
        }
    }
    let first = present(calc).into_iter().next();
    // C001 注4 乳幼児加算 (通知(13): １日につき１回に限り) goes with the 訪問診療料 it was added for
    match &first {
        None => calc.lines.retain(|l| single_code(l) != Some(HOMON_NYUYOJI)),
        Some(_) => {
            let units = billed(calc, HOMON_NYUYOJI);
            if units > 1 {
                remove_units(calc, HOMON_NYUYOJI, units - 1);
            }
        }
    }
    // C001 注5 患家診療時間加算 (C001-2 注6 準用): 患家における診療時間が１時間を超えた場合
    if billed(calc, HOMON_JIKAN) > 0 {
        match &first {
            None => {
                let name = name_of(calc, HOMON_JIKAN);
                refuse(
                    calc,
                    &[HOMON_JIKAN],
                    "ADDON_WITHOUT_BASE",
                    format!("{HOMON_JIKAN} {name}: C001 注5 is a 加算 of the 在宅患者訪問診療料, which is not billed at this visit"),
                );
            }
            Some((code, h)) => {
                let rule = format!(
                    "C001 注5 (C001-2 注6 準用): 患家における診療時間が１時間を超えた場合, with {code} ({})",
                    h.rule
                );
                note(calc, HOMON_JIKAN, rule);
            }
        }
    }
}

/// The 在宅患者訪問診療料 codes billed at this visit, in line order, each once, with their entry.
fn present(calc: &Calc<'_>) -> Vec<(String, &'static Homon)> {
    let mut out: Vec<(String, &'static Homon)> = Vec::new();
    for c in calc.lines.iter().filter_map(single_code) {
        if let Some(h) = homon_of(c) {
            if !out.iter().any(|(o, _)| o == c) {
                out.push((c.to_string(), h));
            }
        }
    }
    out
}

/// The wire name of a visit's `time`.
fn time_name(t: TimeCategory) -> &'static str {
    match t {
        TimeCategory::Regular => "regular",
        TimeCategory::Overtime => "overtime",
        TimeCategory::Holiday => "holiday",
        TimeCategory::LateNight => "lateNight",
        TimeCategory::NightEarly => "nightEarly",
    }
}

/// The 基本診療料 at a visit with a 在宅患者訪問診療料.
fn visit_fee_with_homon(calc: &mut Calc<'_>, code: &str, h: &Homon) {
    let Some((kind, fee)) = visit_fee(calc) else {
        note(
            calc,
            code,
            format!(
                "{}: billed without 初診料・再診料・外来診療料 (C001 注1)",
                h.rule
            ),
        );
        return;
    };
    let name = name_of(calc, code);
    if kind == VisitKind::Shoshin && h.on_shoshin == OnShoshin::NotBillable {
        // C001 注1: 初診料を算定する初診の日に訪問して診療を行った場合…を除く; 通知(6)
        refuse(
            calc,
            &[code],
            "HOMON_ON_SHOSHIN_DAY",
            format!(
                "{code} {name}: {}: not on the day a 初診料 is billed (初診料を算定する初診の日に訪問して診療を行った場合を除く, C001 注1, 通知(6)); {} {} is billed at this visit (with 114000110 往診料 when the patient asked for the visit)",
                h.rule, fee.code, fee.name
            ),
        );
        return;
    }
    // C001 注1: 再診料、外来診療料又は往診料は、算定しない; 注2 and C001-2 注1: 初診料 too
    let removed = remove_visit_fee(calc, fee);
    let path = order_path(calc, &fee.code);
    calc.finding(
        "VISIT_FEE_WITH_HOMON",
        &path,
        format!(
            "{} {}: not billed with {code} {name} ({}: {}); not billed: {}",
            fee.code,
            fee.name,
            h.excludes,
            if h.on_shoshin == OnShoshin::ExcludesShoshin {
                "初診料、再診料、外来診療料又は往診料は、算定しない"
            } else {
                "再診料、外来診療料又は往診料は、算定しない"
            },
            removed.join(", ")
        ),
    );
}

/// Takes the visit fee and its 加算 out of the lines: the rows of its 注加算コード, the 乳幼児・時間外等
/// 加算 the engine added with it (one visit fee a visit, so every one of them is its), and the
/// 外来管理加算 of a 再診料. Returns what was taken out.
fn remove_visit_fee(calc: &mut Calc<'_>, fee: &ProcedureRow) -> Vec<String> {
    let saishin = visit_kind(fee) == Some(VisitKind::Saishin);
    let mut removed = Vec::new();
    let mut i = 0;
    while i < calc.lines.len() {
        let goes = single_code(&calc.lines[i])
            .and_then(|c| row_of(calc, c))
            .filter(|r| {
                r.addon_code == fee.addon_code
                    || AUTO_ADDONS.contains(&r.code.as_str())
                    || (saishin && r.gairai_kanri == 2)
            });
        match goes {
            Some(r) => {
                removed.push(format!("{} {}", r.code, r.name));
                calc.lines.remove(i);
            }
            None => i += 1,
        }
    }
    removed
}

/// C001 注1 / C001-2 注2: 週3回 (別に厚生労働大臣が定める疾病等の患者を除く), a week being 日曜日から
/// 土曜日まで (通知 第1章第1部＜通則＞6). The month's counts carry no dates, so this finds only what they prove:
/// more 訪問診療 from the 1st to this day than 3 a week (and 1 a day) allow.
fn weekly_limit(calc: &mut Calc<'_>, code: &str, h: &Homon) {
    let before: u32 = h.codes.iter().map(|c| earlier(calc, c)).sum();
    let total = before + billed(calc, code);
    let bound = weekly_bound(calc.ctx.date);
    if total <= bound {
        if before > 0 {
            let text = format!(
                "{}: 週3回; {before} billed earlier this month, at most {bound} possible from the 1st to {}",
                h.rule, calc.ctx.date
            );
            note(calc, code, text);
        }
        return;
    }
    let name = name_of(calc, code);
    let date = calc.ctx.date;
    refuse(
        calc,
        &[code],
        "WEEKLY_LIMIT",
        format!(
            "{code} {name}: {}: 週3回に限り (日曜日から土曜日までの１週間); {before} billed earlier this month and 1 at this visit, but the days from the 1st to {date} allow at most {bound} (3 a week, 1 a day): not billed, unless the patient is one of the 別に厚生労働大臣が定める疾病等の患者 or C001 注3 (急性増悪等, 14日) applies, which the request cannot say yet",
            h.rule
        ),
    );
}

/// The most 訪問診療 the days from the 1st of the month to `date` allow at 3 a week and 1 a day.
fn weekly_bound(date: NaiveDate) -> u32 {
    let mut start = date.with_day(1).unwrap_or(date);
    let mut bound = 0;
    loop {
        let saturday =
            start + Duration::days(i64::from(6 - start.weekday().num_days_from_sunday()));
        let end = saturday.min(date);
        let days = u32::try_from((end - start).num_days() + 1).unwrap_or(0);
        bound += days.min(3);
        if end >= date {
            return bound;
        }
        start = end + Duration::days(1);
    }
}

/// C001 注2 / C001-2 注3: 月1回 (医科診療行為マスター 上限回数, 上限回数エラー処理).
fn monthly_limit(calc: &mut Calc<'_>, code: &str, h: &Homon) {
    let Some(row) = row_of(calc, code) else {
        return;
    };
    let limit = if row.limit_count == 0 {
        1
    } else {
        row.limit_count
    };
    let used: u32 = h.codes.iter().map(|c| earlier(calc, c)).sum();
    if used < limit {
        return;
    }
    let (finding, severity) = match row.limit_handling {
        LimitHandling::Confirm => ("MONTHLY_LIMIT", Severity::Error),
        LimitHandling::Cap => ("MONTHLY_LIMIT_CAPPED", Severity::Warning),
    };
    let message = format!(
        "{code} {}: {}: 月１回に限り (上限回数 {limit}, 上限回数エラー処理 {}); {used} billed earlier this month: not billed",
        row.name,
        h.rule,
        row.limit_handling.code()
    );
    let path = order_path(calc, code);
    calc.lines.retain(|l| single_code(l) != Some(code));
    calc.findings.push(Finding {
        code: finding.to_string(),
        severity,
        path,
        message,
    });
}

/// C000 往診料: once a visit, with the visit fee, 注1 加算 and 注2 患家診療時間加算.
fn oushin(calc: &mut Calc<'_>) {
    let units = billed(calc, OUSHIN);
    if units == 0 {
        // C000 注2: 患家における診療時間が１時間を超えた場合 — a 加算 of the 往診料
        if billed(calc, OUSHIN_JIKAN) > 0 {
            let name = name_of(calc, OUSHIN_JIKAN);
            refuse(
                calc,
                &[OUSHIN_JIKAN],
                "ADDON_WITHOUT_BASE",
                format!("{OUSHIN_JIKAN} {name}: C000 注2 is a 加算 of 114000110 往診料, which is not billed at this visit"),
            );
        }
        return;
    }
    let Some(row) = row_of(calc, OUSHIN) else {
        return;
    };
    let path = order_path(calc, OUSHIN);
    if units > 1 {
        // C000 通知(1): 患家に赴き診療を行った場合 — one 往診 is one visit
        remove_units(calc, OUSHIN, units - 1);
        calc.finding(
            "OUSHIN_ONCE_PER_VISIT",
            &path,
            format!("114000110 往診料 is billed once per 往診 (C000 通知(1)); send each 往診 as a visit of its own: {} more not billed", units - 1),
        );
    }
    match visit_fee(calc) {
        // C001 通知(11): 往診料及び再診料又は外来診療料を算定する; C000 通知(10): 2人目以降 初診料・再診料のみ
        Some((_, fee)) => {
            let text = format!(
                "C000 往診料 with {} {} (C001 通知(11): 往診料及び再診料又は外来診療料を算定する)",
                fee.code, fee.name
            );
            note(calc, OUSHIN, text);
        }
        None => calc.findings.push(Finding {
            code: "VISIT_FEE_MISSING".to_string(),
            severity: Severity::Warning,
            path: path.clone(),
            message: "114000110 往診料 is billed with the 初診料 or 再診料 (外来診療料) of the 往診 (C001 通知(11): 往診料及び再診料又は外来診療料を算定する); none is ordered at this visit".to_string(),
        }),
    }
    let designated = designated_patient(calc);
    let kinkyu = emergency(calc, designated.as_deref());
    if row.time_addon != 0 && !kinkyu {
        time_addon(calc, designated, &path);
    }
    // C000 注2 患家診療時間加算: 30分又はその端数を増すごとに100点 (数量データ 分, master きざみ値)
    if billed(calc, OUSHIN_JIKAN) > 0 {
        note(
            calc,
            OUSHIN_JIKAN,
            "C000 注2: 患家における診療時間が１時間を超えた場合 (通知(9): 実際に診療に当たっている時間), with 114000110 往診料".to_string(),
        );
    }
}

/// C000 注1 ハ/ニ: whether the patient is one of the 別に厚生労働大臣が定める患者 (特掲診療料の施設基準等
/// 第四 一の三の二: (1) 過去60日以内に在宅患者訪問診療料(Ⅰ)(Ⅱ)又は在宅がん医療総合診療料を算定). Some(code)
/// when the month shows one billed earlier; None when the request cannot tell.
fn designated_patient(calc: &Calc<'_>) -> Option<String> {
    let mut codes: Vec<&String> = calc
        .ctx
        .earlier
        .iter()
        .filter(|(_, n)| **n > 0)
        .map(|(c, _)| c)
        .collect();
    codes.sort();
    codes
        .into_iter()
        .find(|c| {
            row_of(calc, c).is_some_and(|r| matches!(r.kubun.as_str(), "C001" | "C001-2" | "C003"))
        })
        .cloned()
}

/// The ordered 緊急往診加算 (C000 注1 ハ(1)/ニ(1)): 標榜時間内, once, the variant for the patient.
/// Returns whether one is billed (then no 夜間・休日・深夜往診加算 is added).
fn emergency(calc: &mut Calc<'_>, designated: Option<&str>) -> bool {
    let mut kept = false;
    for code in [KINKYU.designated, KINKYU.other] {
        let units = billed(calc, code);
        if units == 0 {
            continue;
        }
        let name = name_of(calc, code);
        // C000 通知(2)(3): 標榜時間内 … 概ね午前８時から午後１時までの間; 夜間・休日・深夜 have their own 加算
        if calc.req.time != TimeCategory::Regular {
            let time = time_name(calc.req.time);
            let instead = if calc.req.time == TimeCategory::NightEarly {
                "no 往診料 注1 加算 applies within the 標榜時間 (通知(6))"
            } else {
                "the engine adds the 夜間・休日往診加算 or 深夜往診加算 instead"
            };
            refuse(
                calc,
                &[code],
                "EMERGENCY_ADDON_TIME",
                format!(
                    "{code} {name}: C000 注1 緊急往診加算 is for a 往診 during 標榜時間 (通知(2)(3): 概ね午前８時から午後１時までの間); the visit's `time` is {time}: {instead}"
                ),
            );
            continue;
        }
        if code == KINKYU.other {
            if let Some(by) = designated {
                refuse(
                    calc,
                    &[code],
                    "DESIGNATED_PATIENT_VARIANT",
                    format!(
                        "{code} {name} is C000 注1 ニ (別に厚生労働大臣が定める患者以外); {by} was billed earlier this month, so the patient is one of them (特掲診療料の施設基準等 第四 一の三の二 (1)): order {} (注1 ハ)",
                        KINKYU.designated
                    ),
                );
                continue;
            }
        }
        if kept || units > 1 {
            let extra = if kept { units } else { units - 1 };
            remove_units(calc, code, extra);
            let path = order_path(calc, code);
            calc.finding(
                "DUPLICATE_ADDON",
                &path,
                format!("{code} {name}: C000 注1 緊急往診加算 is added once to the 往診料; {extra} not billed"),
            );
        }
        if billed(calc, code) > 0 {
            kept = true;
            let variant = if code == KINKYU.designated {
                "ハ: 別に厚生労働大臣が定める患者"
            } else {
                "ニ: 別に厚生労働大臣が定める患者以外"
            };
            note(
                calc,
                code,
                format!("C000 注1 {variant}; 通知(2)(3): 標榜時間内 (概ね午前８時から午後１時) に緊急に求められて行った往診"),
            );
        }
    }
    kept
}

/// C000 注1 夜間・休日往診加算 / 深夜往診加算 from the visit's `time`.
fn time_addon(calc: &mut Calc<'_>, designated: Option<String>, path: &str) {
    let kasan = match calc.req.time {
        TimeCategory::Regular => return,
        // 通知(6): これらの時間帯が標榜時間に含まれる場合、夜間・休日往診加算及び深夜往診加算は算定できない;
        // A000 通知(23)エ: 往診料を算定した場合にも夜間・早朝等加算を算定できる (the 初診料・再診料's)
        TimeCategory::NightEarly => {
            note(
                calc,
                OUSHIN,
                "C000 通知(6): nightEarly is within the 標榜時間: no 夜間・休日往診加算 / 深夜往診加算 (A000 通知(23)エ: the visit fee's 夜間・早朝等加算 applies)".to_string(),
            );
            return;
        }
        TimeCategory::Overtime => &YAKAN,
        TimeCategory::Holiday => &KYUJITSU,
        TimeCategory::LateNight => &SHINYA,
    };
    let code = if designated.is_some() {
        kasan.designated
    } else {
        kasan.other
    };
    let Some(r) = calc.resolve_procedure(code, path) else {
        return;
    };
    let time = calc.req.time;
    let time_text = time_name(time);
    let who = match &designated {
        Some(by) => format!("ハ: 別に厚生労働大臣が定める患者 ({by} billed earlier this month, 特掲診療料の施設基準等 第四 一の三の二 (1))"),
        None => "ニ: 別に厚生労働大臣が定める患者以外 (no 在宅患者訪問診療料 earlier this month)".to_string(),
    };
    let label = kasan.label;
    calc.push(&r, 1, || {
        format!("C000 注1 {who}: {label} for `time` {time_text}")
    });
    if time == TimeCategory::Overtime {
        // 通知(6): 夜間（深夜を除く。）とは午後６時から午前８時までとし
        calc.findings.push(Finding {
            code: "NIGHT_HOURS_UNCONFIRMED".to_string(),
            severity: Severity::Warning,
            path: path.to_string(),
            message: format!("{code} {}: C000 注1 夜間（深夜を除く。） is 午後６時から午前８時まで (通知(6)); `overtime` does not say the hour: a 往診 outside the 標榜時間 before 午後６時 (e.g. a Saturday afternoon) has no 夜間往診加算", r.row.name),
        });
    }
    if designated.is_none() {
        let designated_row = row_of(calc, kasan.designated);
        let (dname, dpoints) = designated_row
            .map(|d| (d.name.clone(), d.points_x100 / 100))
            .unwrap_or_default();
        calc.findings.push(Finding {
            code: "DESIGNATED_PATIENT_UNCONFIRMED".to_string(),
            severity: Severity::Warning,
            path: path.to_string(),
            message: format!(
                "{code} {} ({}点) is C000 注1 ニ: nothing in the request shows the patient is one of the 別に厚生労働大臣が定める患者 (特掲診療料の施設基準等 第四 一の三の二: (1) 過去60日以内に在宅患者訪問診療料(Ⅰ)(Ⅱ)又は在宅がん医療総合診療料を算定 — seen when billed earlier in the month —, (2) 連携する保険医療機関で同, (3) 外来において継続的に診療, (4) 連携する介護保険施設等に入所); for one of them it is 注1 ハ {} {dname} ({dpoints}点)",
                r.row.name, r.points, kasan.designated
            ),
        });
    }
}

/// The 基本診療料 line of the visit (初診料, 再診料 or 外来診療料) and its row.
fn visit_fee<'a>(calc: &Calc<'a>) -> Option<(VisitKind, &'a ProcedureRow)> {
    calc.lines.iter().filter_map(single_code).find_map(|c| {
        let row = row_of(calc, c)?;
        visit_kind(row).map(|k| (k, row))
    })
}

/// The 在宅患者訪問診療料 entry of a code.
fn homon_of(code: &str) -> Option<&'static Homon> {
    HOMON.iter().find(|h| h.codes.contains(&code))
}

fn name_of(calc: &Calc<'_>, code: &str) -> String {
    row_of(calc, code)
        .map(|r| r.name.clone())
        .unwrap_or_default()
}

/// Takes `n` 回 of a code off its lines, last line first.
fn remove_units(calc: &mut Calc<'_>, code: &str, mut n: u32) {
    let mut i = calc.lines.len();
    while n > 0 && i > 0 {
        i -= 1;
        if single_code(&calc.lines[i]) != Some(code) {
            continue;
        }
        let line = &mut calc.lines[i];
        if line.count <= n {
            n -= line.count;
            calc.lines.remove(i);
        } else {
            line.count -= n;
            line.total = line.points * i64::from(line.count);
            n = 0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::masters::Lookup;
    use crate::masters::MasterSet;
    use std::path::Path;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// June 2024 starts on a Saturday: week 1 is the 1st alone, week 2 the 2nd–8th.
    #[test]
    fn weekly_bound_counts_three_a_week_and_one_a_day() {
        assert_eq!(weekly_bound(d(2024, 6, 1)), 1);
        assert_eq!(weekly_bound(d(2024, 6, 2)), 2);
        assert_eq!(weekly_bound(d(2024, 6, 4)), 4);
        assert_eq!(weekly_bound(d(2024, 6, 8)), 4);
        assert_eq!(weekly_bound(d(2024, 6, 9)), 5);
        assert_eq!(weekly_bound(d(2024, 6, 30)), 1 + 3 * 4 + 1);
        // September 2024 starts on a Sunday
        assert_eq!(weekly_bound(d(2024, 9, 7)), 3);
    }

    /// The codes and points of this pass agree with the bundled 令和6 master.
    #[test]
    fn codes_match_the_master() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../masters");
        let masters = MasterSet::load_dir(&root).expect("bundled masters load");
        let date = d(2024, 6, 3);
        let g = masters.generation_for(date).expect("a generation");
        let row = |code: &str| match g.procedures.get(code, date) {
            Lookup::Valid(r) => r,
            _ => panic!("{code} not valid on {date}"),
        };
        let points = |code: &str| row(code).points_x100 / 100;
        assert_eq!(points(OUSHIN), 720);
        assert_eq!(row(OUSHIN).addon_code, OUSHIN_ADDON_CODE);
        for (k, (hi, lo)) in [
            (&KINKYU, (325, 325)),
            (&YAKAN, (650, 405)),
            (&KYUJITSU, (650, 405)),
            (&SHINYA, (1300, 485)),
        ] {
            assert_eq!(
                (points(k.designated), points(k.other)),
                (hi, lo),
                "{}",
                k.label
            );
            for c in [k.designated, k.other] {
                assert_eq!(row(c).addon_code, OUSHIN_ADDON_CODE, "{c}");
                assert_eq!(row(c).addon_seq, "1", "{c}");
            }
        }
        assert_eq!(points("114001110"), 888);
        assert_eq!(points("114030310"), 213);
        assert_eq!(points(HOMON_NYUYOJI), 400);
        assert_eq!(row(OUSHIN_JIKAN).kizami, 1);
        assert_eq!(row(HOMON_JIKAN).kizami, 1);
        for h in HOMON {
            for c in h.codes {
                let r = row(c);
                assert!(r.addon_code == "1402" && r.addon_seq == "0", "{c}");
                assert!(r.age_addons.iter().any(|a| a.code == HOMON_NYUYOJI), "{c}");
            }
        }
    }
}
