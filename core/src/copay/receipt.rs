//! 患者負担金 of one レセプト: 保険 (割合, 高額療養費) then each 公費 in priority order.
//!
//! The parts that a 公費 shares (公費併用分) are worked out first, each with the 限度額 its 公費
//! gets (公費負担医療に係る高額療養費の支給について, 昭和48年保発第42号); the part billed to the
//! 保険 alone comes last and takes the month's 限度額 on everything that is 合算 (70歳未満: only
//! 一部負担金 of 21,000円以上, 健康保険法施行令 第41条), less what the patient already pays on the
//! other parts.

use super::burden::burden;
use super::household;
use super::kouhi::{self, Kind, Rule};
use super::limits::{self, LimitOptions};
use super::meals;
use super::rounding::round_copay_10yen;
use crate::date::{age_on, anniversary_ymd, parse_iso};
use crate::error::{Error, Result};
use crate::model::{
    AnnualOutpatient, CopayPart, CopayPartResult, CopayRequest, CopayResponse, IncomeCategory,
    InsurerType, MealResult, Meals, PublicExpenseResult,
};
use chrono::{Datelike, NaiveDate};

/// At most 4 公費 on one レセプト (レセプト電算 記録条件仕様: 公費① 〜 公費④).
const MAX_PUBLIC: usize = 4;
/// 70歳未満の合算対象: 一部負担金 21,000円以上 (健康保険法施行令 第41条第1項).
pub(crate) const GASSAN_MIN_UNDER70: i64 = 21_000;
/// Largest 点数 accepted for one part (a sanity bound, far above any real claim).
const MAX_POINTS: i64 = 100_000_000;
/// 後期高齢者 2割 外来 配慮措置: 2022-10-01 〜 2025-09-30 (令和3年政令第281号 附則).
const HAIRYO_FROM: (i32, u32, u32) = (2022, 10, 1);
const HAIRYO_TO: (i32, u32, u32) = (2025, 9, 30);
/// 配慮措置: 1割負担との差額が月3,000円を超えない (一部負担金 ≤ 医療費 × 1割 + 3,000円).
const HAIRYO_EXTRA: i64 = 3_000;

fn ymd(t: (i32, u32, u32)) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(t.0, t.1, t.2)
}

fn date_field(field: &str, value: &str) -> Result<NaiveDate> {
    parse_iso(value).ok_or_else(|| {
        Error::invalid_request(
            field,
            format!("expected a date YYYY-MM-DD, found {value:?}"),
        )
    })
}

/// `yen × percent / 100`, rounded to the yen (四捨五入).
fn percent_of(yen: i64, percent: u8) -> i64 {
    (yen * i64::from(percent) + 50) / 100
}

/// Parts of one レセプト: one per combination of its 公費, so at most 2⁴.
const MAX_PARTS: usize = 1 << MAX_PUBLIC;

type Parts = Few<PartIn, MAX_PARTS>;

/// A list of at most `N` items kept inline (the 公費 and parts of one レセプト: no allocation).
#[derive(Clone, Copy)]
struct Few<T, const N: usize> {
    items: [T; N],
    len: usize,
}

impl<T: Copy + Default, const N: usize> Few<T, N> {
    fn new() -> Self {
        Few {
            items: [T::default(); N],
            len: 0,
        }
    }

    fn clear(&mut self) {
        self.len = 0;
    }

    /// False (and nothing added) when full.
    fn push(&mut self, item: T) -> bool {
        match self.items.get_mut(self.len) {
            Some(slot) => {
                *slot = item;
                self.len += 1;
                true
            }
            None => false,
        }
    }

    /// Stable insertion sort (a handful of items).
    fn sort_by_key<K: Ord>(&mut self, key: impl Fn(&T) -> K) {
        let items = self.as_mut_slice();
        for i in 1..items.len() {
            let mut j = i;
            while j > 0 && key(&items[j - 1]) > key(&items[j]) {
                items.swap(j - 1, j);
                j -= 1;
            }
        }
    }

    fn as_slice(&self) -> &[T] {
        self.items.get(..self.len).unwrap_or_default()
    }

    fn as_mut_slice(&mut self) -> &mut [T] {
        self.items.get_mut(..self.len).unwrap_or_default()
    }
}

/// A part of the claim: its 点数 and its 公費 as a bit set (bit k = `publicExpenses[k]`).
#[derive(Debug, Clone, Copy, Default)]
struct PartIn {
    points: i64,
    mask: u8,
}

/// A 公費 of the request (`publicExpenses[k]`), checked and resolved.
#[derive(Clone, Copy)]
struct Public {
    kind: &'static Kind,
    /// What the patient may still pay under the cap this month (None = no cap).
    cap_left: Option<i64>,
    priority: usize,
    rate: Option<u8>,
}

impl Default for Public {
    fn default() -> Self {
        Public {
            kind: &kouhi::NO_KIND,
            cap_left: None,
            priority: usize::MAX,
            rate: None,
        }
    }
}

/// What a claim gives one 公費 (and what is left of its cap).
#[derive(Debug, Clone, Copy, Default)]
struct PublicSum {
    cap_left: Option<i64>,
    points: i64,
    subject_yen: i64,
    paid_yen: i64,
    patient_yen: i64,
}

/// A request checked once: what every claim of it (a visit alone, the month so far) shares.
struct Receipt<'a> {
    req: &'a CopayRequest,
    age: u32,
    /// 診療月 as YYYYMM.
    month: u32,
    inpatient: bool,
    publics: Few<Public, MAX_PUBLIC>,
    /// Indexes into `publics` by priority (stable: equal priorities keep the request's order).
    by_priority: Few<u8, MAX_PUBLIC>,
    ins: Option<InsuranceCtx>,
}

/// The sums of one claim (its parts and 公費 go to the caller's buffers).
#[derive(Debug, Clone, Copy, Default)]
struct Totals {
    total_yen: i64,
    insurer_yen: i64,
    insurance_patient_yen: i64,
    patient_yen: i64,
    /// A 限度額 or a 公費 上限 applied.
    limited: bool,
}

/// 患者負担金 of a レセプト; with `monthToDate`, of the month so far including this visit, and
/// what the counter collects at this visit.
pub fn calculate_copay(req: &CopayRequest) -> Result<CopayResponse> {
    let mut r = by_visit(req)?;
    if let Some(m) = &req.meals {
        let meal = meal_result(req, m, &r)?;
        if req.trace {
            r.trace.push(format!(
                "{} 標準負担額: {}食 × {}円{} = {}円{}",
                if meal.residence_days.is_some() {
                    "生活療養"
                } else {
                    "食事療養"
                },
                meal.count,
                meal.per_meal_yen,
                match (meal.residence_per_day_yen, meal.residence_days) {
                    (Some(p), Some(d)) => format!(" + 居住費 {d}日 × {p}円"),
                    _ => String::new(),
                },
                meal.count as i64 * meal.per_meal_yen
                    + meal.residence_per_day_yen.unwrap_or(0)
                        * i64::from(meal.residence_days.unwrap_or(0)),
                if meal.public_yen > 0 {
                    format!(" (公費 {}円, 患者 {}円)", meal.public_yen, meal.patient_yen)
                } else {
                    String::new()
                }
            ));
        }
        r.counter_yen += meal.patient_yen;
        if let Some(v) = r.visit_counter_yen.as_mut() {
            *v += meal.patient_yen;
        }
        r.meal = Some(meal);
    }
    if let Some(before) = req.annual_outpatient_paid_yen {
        r.annual_outpatient = Some(annual_outpatient(req, &r, before)?);
    }
    if let Some(h) = &req.household {
        let date = date_field("serviceDate", &req.service_date)?;
        let birth = date_field("patient.birthDate", &req.patient.birth_date)?;
        let over70 = date >= super::burden::elderly_from(birth)
            || req
                .insurance
                .as_ref()
                .is_some_and(|i| i.insurer_type == InsurerType::Kouki);
        let category = match &req.insurance {
            Some(ins) => ins.income_category.or_else(|| {
                r.burden_percent.and_then(|p| {
                    default_category(ins.insurer_type, p, age_on(birth, date), birth, date)
                })
            }),
            None => None,
        };
        let many = req.insurance.as_ref().is_some_and(|i| i.multiple_high_cost);
        let month = date.year() as u32 * 100 + date.month();
        let hr = household::household(
            h,
            household::Own {
                result: &r,
                over70,
                inpatient: req.inpatient,
                category,
                month,
                many,
                trace: req.trace,
            },
        )?;
        r.household = Some(hr);
    }
    Ok(r)
}

/// 年間 外来 上限 (健康保険法施行令 第41条の2): 70歳以上 一般・低所得 外来, 8/1 〜 翌7/31.
fn annual_outpatient(
    req: &CopayRequest,
    r: &CopayResponse,
    before: i64,
) -> Result<AnnualOutpatient> {
    let field = "annualOutpatientPaidYen";
    if before < 0 {
        return Err(Error::invalid_request(
            field,
            format!("cannot be negative, found {before}"),
        ));
    }
    if req.inpatient {
        return Err(Error::invalid_request(
            field,
            "the 年間 上限 is for 外来 receipts",
        ));
    }
    let date = date_field("serviceDate", &req.service_date)?;
    let birth = date_field("patient.birthDate", &req.patient.birth_date)?;
    let ins = req
        .insurance
        .as_ref()
        .ok_or_else(|| Error::invalid_request(field, "needs the 医療保険"))?;
    let category = ins.income_category.or_else(|| {
        r.burden_percent
            .and_then(|p| default_category(ins.insurer_type, p, age_on(birth, date), birth, date))
    });
    let month = date.year() as u32 * 100 + date.month();
    let cap = match category {
        Some(c) => limits::outpatient_annual(month, c)?,
        None => None,
    }
    .ok_or_else(|| {
        Error::invalid_request(
            field,
            "the 年間 外来 上限 applies to 70歳以上 一般 and 低所得 (not 現役並み, not under 70)",
        )
    })?;
    let paid = before + r.patient_yen;
    let benefit = (paid - cap).max(0) - (before - cap).max(0);
    Ok(AnnualOutpatient {
        cap_yen: cap,
        paid_yen: paid,
        benefit_yen: benefit,
    })
}

/// 入院 months have at most 31 days × 3 食.
const MAX_MEALS: u32 = 93;

fn meal_result(req: &CopayRequest, m: &Meals, r: &CopayResponse) -> Result<MealResult> {
    if !req.inpatient {
        return Err(Error::invalid_request(
            "meals",
            "入院時食事療養 applies to 入院 claims: set inpatient",
        ));
    }
    if m.count > MAX_MEALS {
        return Err(Error::invalid_request(
            "meals.count",
            format!(
                "at most 3 食 a day ({MAX_MEALS} a month), found {}",
                m.count
            ),
        ));
    }
    let has = |codes: &[&str]| {
        r.public_expenses
            .iter()
            .any(|p| codes.contains(&p.houbetsu.as_ref()))
    };
    let category = m.category.unwrap_or_else(|| {
        // 被保護者 are 低所得 for the 標準負担額 (減額認定) like for 高額療養費 (kouhi.json 12)
        let income = req.insurance.as_ref().and_then(|i| i.income_category);
        let income = income.or(has(&["12"]).then_some(IncomeCategory::TeishotokuII));
        meals::default_category(income, has(&["54", "52"]))
    });
    let date = date_field("serviceDate", &req.service_date)?;
    let month = format!("{:04}-{:02}", date.year(), date.month());
    let (per, residence) = match &m.life_care {
        None => (meals::per_meal(&month, category)?, None),
        Some(lc) => {
            // 入院時生活療養: 65歳以上 in a 療養病床 (健康保険法 第85条の2)
            let birth = date_field("patient.birthDate", &req.patient.birth_date)?;
            let age = age_on(birth, date);
            if age < 65 {
                return Err(Error::invalid_request(
                    "meals.lifeCare",
                    format!("入院時生活療養 is for patients aged 65 or over; the patient is {age}"),
                ));
            }
            if !(1..=31).contains(&lc.days) || m.count > lc.days * 3 {
                return Err(Error::invalid_request(
                    "meals.lifeCare.days",
                    format!(
                        "need 1–31 days and at most 3 食 a day, found {} days for {} 食",
                        lc.days, m.count
                    ),
                ));
            }
            let (meal, per_day) = meals::life_care(&month, category, lc.type_ii)?;
            (meal, Some((per_day, lc.days)))
        }
    };
    let total =
        per * i64::from(m.count) + residence.map_or(0, |(per_day, days)| per_day * i64::from(days));
    // 生活保護 and 全額公費 pay the 標準負担額; 小児慢性 pays half (児童福祉法施行令 第22条)
    let public = if has(&["12", "13", "14", "18", "29", "30"]) {
        total
    } else if has(&["52"]) {
        total / 2
    } else {
        0
    };
    Ok(MealResult {
        count: m.count,
        category,
        per_meal_yen: per,
        residence_per_day_yen: residence.map(|r| r.0),
        residence_days: residence.map(|r| r.1),
        patient_yen: total - public,
        public_yen: public,
    })
}

fn by_visit(req: &CopayRequest) -> Result<CopayResponse> {
    let mut trace = Vec::new();
    let mut parts = Parts::new();
    let mut sums = [PublicSum::default(); MAX_PUBLIC];
    let mut results = Vec::new();
    if let Some(mtd) = &req.month_to_date {
        if mtd.collected_yen < 0 {
            return Err(Error::invalid_request(
                "monthToDate.collectedYen",
                format!("cannot be negative, found {}", mtd.collected_yen),
            ));
        }
        validate_parts(
            &mtd.parts,
            req.public_expenses.len(),
            "monthToDate.parts",
            true,
            None,
        )?;
    }
    let r = prepare(req, &mut parts, &mut trace)?;
    let Some(mtd) = &req.month_to_date else {
        let t = claim(
            &r,
            &parts,
            req.trace,
            &mut trace,
            &mut sums,
            Some(&mut results),
        )?;
        return Ok(respond(&r, t, &sums, results, trace, None));
    };
    // this visit alone: only its counter amount is needed (no trace, no parts)
    let alone = claim(&r, &parts, false, &mut Vec::new(), &mut sums, None)?;
    // the month so far: earlier points added to the part with the same 公費
    for e in &mtd.parts {
        let mask = mask_of(&e.public_expenses);
        if let Some(p) = parts.as_mut_slice().iter_mut().find(|p| p.mask == mask) {
            p.points += e.points;
        } else if !parts.push(PartIn {
            points: e.points,
            mask,
        }) {
            return Err(too_many_parts("parts"));
        }
    }
    for (i, p) in parts.as_slice().iter().enumerate() {
        check_points("parts", i, p.points)?;
    }
    let cum = claim(
        &r,
        &parts,
        req.trace,
        &mut trace,
        &mut sums,
        Some(&mut results),
    )?;
    // each visit pays its own 割合 rounded (健康保険法75条); once the month reaches a 限度額 or a
    // 公費 上限, the visit pays only what is left up to it
    let own = round_copay_10yen(alone.patient_yen * 10);
    let left = round_copay_10yen((cum.patient_yen - mtd.collected_yen).max(0) * 10);
    let visit = if cum.limited { own.min(left) } else { own };
    if req.trace {
        trace.push(if cum.limited && left < own {
            format!(
                "この来院: 月の患者負担 {}円 − 既収 {}円 = {left}円 (< この来院の {own}円) → {visit}円",
                cum.patient_yen, mtd.collected_yen
            )
        } else {
            format!("この来院: {own}円 (限度額・上限に達していない)")
        });
    }
    Ok(respond(&r, cum, &sums, results, trace, Some(visit)))
}

fn prepare<'a>(
    req: &'a CopayRequest,
    parts: &mut Parts,
    trace: &mut Vec<String>,
) -> Result<Receipt<'a>> {
    let date = date_field("serviceDate", &req.service_date)?;
    let birth = date_field("patient.birthDate", &req.patient.birth_date)?;
    if birth > date {
        return Err(Error::invalid_request(
            "patient.birthDate",
            format!("{birth} is after the date of service {date}"),
        ));
    }
    let age = age_on(birth, date);
    let month = date.year() as u32 * 100 + date.month();
    let tr = req.trace;

    let publics = resolve_publics(req)?;
    validate_parts(&req.parts, publics.len, "parts", false, Some(parts))?;

    // 保険: 割合, 所得区分 and the options of the 限度額
    let ins = match &req.insurance {
        Some(ins) => {
            let b = burden(birth, date, age, ins)?;
            if let Some(cap) = ins.specific_disease_cap_yen {
                if cap < 0 {
                    return Err(Error::invalid_request(
                        "insurance.specificDiseaseCapYen",
                        format!("must be 0 or more, found {cap}"),
                    ));
                }
            }
            let category = match ins.income_category {
                Some(c) => Some(c),
                None => default_category(ins.insurer_type, b.percent, age, birth, date),
            };
            // 75歳到達月の特例: the month the patient turns 75, unless born on the 1st (高齢者医療確保法
            // 施行令 第16条, 健康保険法施行令 第42条第8項: 限度額 1/2 on both insurers)
            let (y75, m75, d75) = anniversary_ymd(birth, 75);
            // (not for a 後期 member by 障害認定: no change of insurer at 75)
            let half =
                y75 == date.year() && m75 == date.month() && d75 != 1 && !ins.disability_certified;
            // not with マル長: the 特定疾病 limit replaces it (後期 2割 事例集 事例21: 2割 8,000円)
            let hairyo = category == Some(IncomeCategory::IppanII)
                && !req.inpatient
                && ins.specific_disease_cap_yen.is_none()
                && ymd(HAIRYO_FROM).is_some_and(|f| date >= f)
                && ymd(HAIRYO_TO).is_some_and(|t| date <= t);
            if tr {
                trace.push(format!(
                    "負担割合 {}割 ({}); 所得区分 {}{}{}{}",
                    b.percent / 10,
                    b.basis,
                    category.map_or(
                        "not given (限度額適用認定証 なし: 高額療養費 is not applied)",
                        limits::category_label
                    ),
                    if ins.multiple_high_cost {
                        "; 多数回該当"
                    } else {
                        ""
                    },
                    if half {
                        "; 75歳到達月 (限度額 1/2)"
                    } else {
                        ""
                    },
                    if hairyo {
                        "; 配慮措置 (2022-10〜2025-09 外来)"
                    } else {
                        ""
                    },
                ));
            }
            Some(InsuranceCtx {
                version: limits::version_for(month).ok(),
                percent: b.percent,
                basis: b.basis,
                category,
                opts: LimitOptions {
                    many: ins.multiple_high_cost,
                    half,
                    explain: tr,
                },
                marucho: ins.specific_disease_cap_yen,
                hairyo,
            })
        }
        None => {
            if tr {
                trace.push("公費単独: no 医療保険".to_string());
            }
            None
        }
    };

    let mut by_priority = Few::new();
    for k in 0..MAX_PUBLIC.min(publics.len) as u8 {
        by_priority.push(k);
    }
    let p = publics.as_slice();
    by_priority.sort_by_key(|&k| p.get(usize::from(k)).map_or(usize::MAX, |p| p.priority));
    Ok(Receipt {
        req,
        age,
        month,
        inpatient: req.inpatient,
        publics,
        by_priority,
        ins,
    })
}

/// The 保険 and 公費 shares of the parts `parts_in` (a visit, or the month so far). The parts that a
/// 公費 shares go first, by the priority of their first 公費; the 保険単独 part last.
///
/// `sums` receives what each 公費 gets; `results`, when given, each part's amounts in the order
/// of `parts`.
fn claim(
    r: &Receipt,
    parts: &Parts,
    tr: bool,
    trace: &mut Vec<String>,
    sums: &mut [PublicSum; MAX_PUBLIC],
    mut results: Option<&mut Vec<CopayPartResult>>,
) -> Result<Totals> {
    let field = "parts";
    let parts_in = parts.as_slice();
    let age = r.age;
    let month = r.month;
    let ins = &r.ins;
    let publics = r.publics.as_slice();
    let public = |k: usize| publics.get(k).copied().unwrap_or_default();
    let houbetsu = |k: usize| {
        r.req
            .public_expenses
            .get(k)
            .map_or("", |p| p.houbetsu.as_str())
    };
    *sums = [PublicSum::default(); MAX_PUBLIC];
    for (s, p) in sums.iter_mut().zip(publics) {
        s.cap_left = p.cap_left;
    }
    if let Some(out) = results.as_deref_mut() {
        out.clear();
        out.reserve_exact(parts_in.len());
        out.resize(
            parts_in.len(),
            CopayPartResult {
                total_yen: 0,
                insurer_yen: 0,
                limit_yen: None,
                patient_yen: 0,
            },
        );
    }
    let mut t = Totals::default();
    let mut limited = false;

    // 公費併用分 first, by the priority of their first 公費; 保険単独分 last
    let first_priority = |mask: u8| -> usize {
        r.by_priority
            .as_slice()
            .iter()
            .find(|&&k| mask & (1 << k) != 0)
            .map_or(usize::MAX, |&k| public(usize::from(k)).priority)
    };
    let mut order: Few<u8, MAX_PARTS> = Few::new();
    for i in 0..parts_in.len() {
        if !order.push(i as u8) {
            return Err(too_many_parts(field));
        }
    }
    order.sort_by_key(|&i| {
        parts_in
            .get(usize::from(i))
            .map_or(usize::MAX, |p| first_priority(p.mask))
    });

    let (mut gassan_total, mut gassan_patient) = (0i64, 0i64);
    for i in order.as_slice().iter().map(|&i| usize::from(i)) {
        let Some(part) = parts_in.get(i) else {
            continue;
        };
        let mut record = |total_yen, insurer_yen, limit_yen, patient_yen| {
            t.total_yen += total_yen;
            t.insurer_yen += insurer_yen;
            t.patient_yen += patient_yen;
            if let Some(slot) = results.as_deref_mut().and_then(|out| out.get_mut(i)) {
                *slot = CopayPartResult {
                    total_yen,
                    insurer_yen,
                    limit_yen,
                    patient_yen,
                };
            }
        };
        let total = part.points * 10;
        // this part's 公費 in priority order
        let mut chain: Few<usize, MAX_PUBLIC> = Few::new();
        for &k in r.by_priority.as_slice() {
            if part.mask & (1 << k) != 0 {
                chain.push(usize::from(k));
            }
        }
        let chain = chain.as_slice();
        let path = || format!("{field}[{i}]");
        if let Some(&full) = chain.iter().find(|&&k| public(k).kind.rule == Rule::Full) {
            // 全額公費: the 公費 pays the whole part
            let p = public(full);
            if let Some(s) = sums.get_mut(full) {
                s.points += part.points;
                s.subject_yen += total;
                s.paid_yen += total;
            }
            if tr {
                trace.push(format!(
                    "{}: {}点 = {total}円, 全額公費 {} {} pays {total}円",
                    path(),
                    part.points,
                    houbetsu(full),
                    p.kind.name
                ));
            }
            record(total, 0, None, 0);
            continue;
        }
        // the patient side the 保険 leaves, and the limit that applied
        let (kakari, limit_yen) = match ins {
            None => {
                if tr {
                    trace.push(format!(
                        "{}: {}点 = {total}円, 公費単独 (10割)",
                        path(),
                        part.points
                    ));
                }
                (total, None)
            }
            Some(ctx) if !chain.is_empty() => {
                let jf = percent_of(total, ctx.percent);
                let own = ctx.category;
                let lead = public(chain.first().copied().unwrap_or(usize::MAX)).kind;
                // without the patient's 区分, a 公費 that fixes its own 区分 still has it
                let fixed = match lead.under70_limit {
                    Some(kouhi::LimitBasis::KubunU) if age < 70 => Some(IncomeCategory::KubunU),
                    Some(kouhi::LimitBasis::KubunO) if age < 70 => Some(IncomeCategory::KubunO),
                    _ => None,
                };
                let cat = own.map(|c| lead.limit_category(c)).or(fixed);
                // 公費併用分には配慮措置を適用しない (後期 2割 事例集 事例10): 一般Ⅱ → 一般
                let cat = cat.map(|c| {
                    if c == IncomeCategory::IppanII {
                        IncomeCategory::Ippan
                    } else {
                        c
                    }
                });
                let limit = match cat {
                    Some(c) => Some(ctx.limit(month, c, r.inpatient, total)?),
                    None => None,
                };
                let limit = ctx.with_marucho(limit);
                let mut line = String::new();
                if tr {
                    line = format!(
                        "{} (公費併用): {}点 = {total}円 × {}割 = {jf}円",
                        path(),
                        part.points,
                        ctx.percent / 10
                    );
                }
                let kakari = match &limit {
                    Some(l) if jf > l.yen => {
                        if tr {
                            line.push_str(&format!(" > 限度額 {} → {}円", l.explain, l.yen));
                        }
                        l.yen
                    }
                    _ => jf,
                };
                if tr {
                    trace.push(line);
                }
                let reached = (kakari < jf).then_some(kakari);
                limited |= reached.is_some();
                // 合算: 70歳以上 always; 70歳未満 only a part of 21,000円 or more
                (kakari, reached)
            }
            Some(_) => (0, None), // 保険単独: below
        };
        if chain.is_empty() {
            let Some(ctx) = ins else {
                return Err(Error::invalid_request(
                    &format!("{}.publicExpenses", path()),
                    "a 公費単独 claim (no insurance) has no 保険単独 part: name the 公費 of every part",
                ));
            };
            let jf = percent_of(total, ctx.percent);
            let mut patient = jf;
            let mut line = String::new();
            if tr {
                line = format!(
                    "{} (保険単独): {}点 = {total}円 × {}割 = {jf}円",
                    path(),
                    part.points,
                    ctx.percent / 10
                );
            }
            let under70 = age < 70;
            let mut limit_yen = None;
            if let Some(cat) = ctx.category {
                if !(under70 && jf < GASSAN_MIN_UNDER70) {
                    let l = ctx.limit(month, cat, r.inpatient, total + gassan_total)?;
                    let avail = (l.yen - gassan_patient).max(0);
                    if jf > avail {
                        patient = avail;
                        limit_yen = Some(l.yen);
                        limited = true;
                        if !tr {
                        } else if gassan_patient > 0 {
                            line.push_str(&format!(
                                "; 限度額 {} (合算 {}円) − 公費併用分の患者負担 {gassan_patient}円 = {avail}円",
                                l.explain,
                                total + gassan_total
                            ));
                        } else {
                            line.push_str(&format!("; 限度額 {} → {avail}円", l.explain));
                        }
                    }
                }
            }
            if let Some(m) = ctx.marucho {
                let m = if ctx.opts.half { m / 2 } else { m };
                if patient > m {
                    patient = m;
                    limit_yen = Some(m);
                    limited = true;
                    if tr {
                        line.push_str(&format!("; 特定疾病 (マル長) 限度額 {m}円"));
                    }
                }
            }
            if ctx.hairyo {
                // 配慮措置: 医療費 × 1割 + 3,000円 (this part's own 医療費, not halved at 75)
                let cap = total / 10 + HAIRYO_EXTRA;
                if patient > cap {
                    patient = cap;
                    limit_yen = Some(cap);
                    limited = true;
                    if tr {
                        line.push_str(&format!("; 配慮措置 {total} × 1割 + 3,000 = {cap}円"));
                    }
                }
            }
            if tr {
                line.push_str(&format!("; 患者負担 {patient}円"));
                trace.push(line);
            }
            t.insurance_patient_yen += patient;
            record(total, total - patient, limit_yen, patient);
            continue;
        }
        t.insurance_patient_yen += if ins.is_some() { kakari } else { 0 };
        // the 公費 in priority order, each down to its own 患者負担
        let mut remaining = kakari;
        for &k in chain {
            let p = public(k);
            let Some(s) = sums.get_mut(k) else { continue };
            let by_rate = match (p.rate, s.cap_left) {
                (Some(0), None) => Some(0),
                (Some(0), Some(_)) => None,
                (Some(r), _) => Some(percent_of(total, r)),
                (None, _) => None,
            };
            let mut patient = remaining;
            let mut why = Vec::new();
            if let Some(r) = by_rate {
                if r < patient {
                    patient = r;
                    if tr {
                        why.push(format!("{}% of {total}円 = {r}円", p.rate.unwrap_or(0)));
                    }
                }
            }
            if let Some(left) = s.cap_left {
                if left < patient {
                    patient = left;
                    limited = true;
                    if tr {
                        why.push(format!("上限月額の残り {left}円"));
                    }
                }
                s.cap_left = Some(left - patient);
            }
            if tr {
                trace.push(format!(
                    "{}: 公費 {} {}: 対象 {remaining}円, 患者負担 {patient}円{}, 公費負担 {}円",
                    path(),
                    houbetsu(k),
                    p.kind.name,
                    if why.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", why.join(", "))
                    },
                    remaining - patient
                ));
            }
            s.points += part.points;
            s.subject_yen += remaining;
            s.paid_yen += remaining - patient;
            s.patient_yen += patient;
            remaining = patient;
        }
        if ins.is_some() && (age >= 70 || kakari >= GASSAN_MIN_UNDER70) {
            gassan_total += total;
            gassan_patient += remaining;
        }
        let insurer = if ins.is_some() { total - kakari } else { 0 };
        record(total, insurer, limit_yen, remaining);
    }
    t.limited = limited;
    if tr {
        trace.push(format!(
            "総医療費 {}円: 保険者 {}円, 公費 {}円, 患者 {}円 (窓口 10円未満四捨五入 {}円)",
            t.total_yen,
            t.insurer_yen,
            sums.iter().map(|p| p.paid_yen).sum::<i64>(),
            t.patient_yen,
            round_copay_10yen(t.patient_yen * 10)
        ));
    }
    Ok(t)
}

/// The response of a claim.
fn respond(
    r: &Receipt,
    t: Totals,
    sums: &[PublicSum; MAX_PUBLIC],
    parts: Vec<CopayPartResult>,
    trace: Vec<String>,
    visit_counter_yen: Option<i64>,
) -> CopayResponse {
    CopayResponse {
        burden_percent: r.ins.as_ref().map(|c| c.percent),
        basis: r.ins.as_ref().map(|c| c.basis.into()),
        total_yen: t.total_yen,
        insurer_yen: t.insurer_yen,
        insurance_patient_yen: t.insurance_patient_yen,
        public_expenses: r
            .req
            .public_expenses
            .iter()
            .zip(sums)
            .map(|(p, s)| PublicExpenseResult {
                // checked two digits: static text (no allocation)
                houbetsu: kouhi::houbetsu_text(&p.houbetsu)
                    .map_or_else(|| p.houbetsu.clone().into(), Into::into),
                points: s.points,
                subject_yen: s.subject_yen,
                paid_yen: s.paid_yen,
                patient_yen: s.patient_yen,
            })
            .collect(),
        patient_yen: t.patient_yen,
        counter_yen: round_copay_10yen(t.patient_yen * 10),
        parts,
        trace,
        visit_counter_yen,
        meal: None,
        household: None,
        annual_outpatient: None,
    }
}

struct InsuranceCtx {
    /// The 限度額 table of the 診療月 (None: none covers it, an error once a limit is needed).
    version: Option<&'static limits::Version>,
    percent: u8,
    basis: &'static str,
    category: Option<IncomeCategory>,
    opts: LimitOptions,
    marucho: Option<i64>,
    hairyo: bool,
}

impl InsuranceCtx {
    fn limit(
        &self,
        month: u32,
        c: IncomeCategory,
        inpatient: bool,
        total: i64,
    ) -> Result<limits::Limit> {
        match self.version {
            Some(v) => v.receipt_limit(month, c, inpatient, total, self.opts),
            None => limits::receipt_limit(month, c, inpatient, total, self.opts),
        }
    }

    /// マル長 (特定疾病療養): the lower of the 限度額 and the 受療証's amount (halved in the 75歳到達月).
    fn with_marucho(&self, limit: Option<limits::Limit>) -> Option<limits::Limit> {
        let Some(m) = self.marucho else { return limit };
        let m = if self.opts.half { m / 2 } else { m };
        match limit {
            Some(l) if l.yen <= m => Some(l),
            _ => Some(limits::Limit {
                yen: m,
                explain: format!("特定疾病 (マル長) {m}円"),
            }),
        }
    }
}

/// The 所得区分 a 高齢受給者証 / 後期 被保険者証 implies when no 認定証 is shown: 3割 → 現役並みⅢ,
/// 後期 2割 → 一般Ⅱ, otherwise 一般 (限度額適用認定証 is needed only for 現役並みⅠ・Ⅱ and 低所得).
/// Under 70 there is none: the counter charges the 割合 without a 認定証.
fn default_category(
    t: InsurerType,
    percent: u8,
    age: u32,
    birth: NaiveDate,
    date: NaiveDate,
) -> Option<IncomeCategory> {
    let elderly = super::burden::is_elderly(birth, date) || t == InsurerType::Kouki;
    if !elderly || age < 65 && t != InsurerType::Kouki {
        return None;
    }
    Some(match (t, percent) {
        (_, 30) => IncomeCategory::GenekiIII,
        (InsurerType::Kouki, 20) => IncomeCategory::IppanII,
        _ => IncomeCategory::Ippan,
    })
}

fn resolve_publics(req: &CopayRequest) -> Result<Few<Public, MAX_PUBLIC>> {
    if req.public_expenses.len() > MAX_PUBLIC {
        return Err(Error::invalid_request(
            "publicExpenses",
            format!(
                "a レセプト has at most {MAX_PUBLIC} 公費, found {}",
                req.public_expenses.len()
            ),
        ));
    }
    let mut out: Few<Public, MAX_PUBLIC> = Few::new();
    for (i, pe) in req.public_expenses.iter().enumerate() {
        let path = || format!("publicExpenses[{i}]");
        let resolved = kouhi::resolve(&pe.houbetsu, || format!("{}.houbetsu", path()))?;
        let earlier = req.public_expenses.get(..i).unwrap_or_default();
        if earlier.iter().any(|p| p.houbetsu == pe.houbetsu) {
            return Err(Error::invalid_request(
                &format!("{}.houbetsu", path()),
                format!("法別番号 {} is listed twice", pe.houbetsu),
            ));
        }
        if let Some(c) = pe.cap_yen {
            if c < 0 {
                return Err(Error::invalid_request(
                    &format!("{}.capYen", path()),
                    format!("a 上限月額 cannot be negative, found {c}"),
                ));
            }
        } else if resolved.kind.cap_required {
            return Err(Error::invalid_request(
                &format!("{}.capYen", path()),
                format!(
                    "{} {} needs the 自己負担上限月額 of the 受給者証",
                    pe.houbetsu, resolved.kind.name
                ),
            ));
        }
        if pe.paid_this_month_yen < 0 {
            return Err(Error::invalid_request(
                &format!("{}.paidThisMonthYen", path()),
                format!("cannot be negative, found {}", pe.paid_this_month_yen),
            ));
        }
        let rate = match pe.rate_percent {
            Some(r) if !resolved.local => {
                return Err(Error::invalid_request(
                    &format!("{}.ratePercent", path()),
                    format!(
                        "{} {} has its 患者負担 fixed by law; ratePercent is for 地方単独 公費 (80–99), found {r}",
                        pe.houbetsu, resolved.kind.name
                    ),
                ))
            }
            Some(r) if r > 100 => {
                return Err(Error::invalid_request(
                    &format!("{}.ratePercent", path()),
                    format!("must be 0–100, found {r}"),
                ))
            }
            Some(r) => Some(r),
            None if resolved.local && pe.cap_yen.is_none() => Some(0),
            None => resolved.kind.rate_percent,
        };
        let pushed = out.push(Public {
            kind: resolved.kind,
            priority: resolved.priority,
            cap_left: pe.cap_yen.map(|c| (c - pe.paid_this_month_yen).max(0)),
            rate,
        });
        if !pushed {
            return Err(Error::invalid_request(
                "publicExpenses",
                format!("a レセプト has at most {MAX_PUBLIC} 公費"),
            ));
        }
    }
    Ok(out)
}

/// A checked part's 公費 (indexes below [`MAX_PUBLIC`]) as a bit set.
fn mask_of(public_expenses: &[usize]) -> u8 {
    public_expenses
        .iter()
        .fold(0, |m, &k| m | 1u8.checked_shl(k as u32).unwrap_or(0))
}

fn too_many_parts(field: &str) -> Error {
    Error::invalid_request(
        field,
        format!("at most {MAX_PARTS} parts: one per combination of 公費"),
    )
}

#[inline]
fn check_points(field: &str, i: usize, points: i64) -> Result<()> {
    if (0..=MAX_POINTS).contains(&points) {
        Ok(())
    } else {
        Err(points_error(field, i, points))
    }
}

#[cold]
fn points_error(field: &str, i: usize, points: i64) -> Error {
    Error::invalid_request(
        &format!("{field}[{i}].points"),
        format!("must be 0–{MAX_POINTS}, found {points}"),
    )
}

/// Checks the parts and gives each its 公費 as a bit set.
fn validate_parts(
    parts: &[CopayPart],
    publics: usize,
    field: &str,
    may_be_empty: bool,
    mut out: Option<&mut Parts>,
) -> Result<()> {
    if parts.is_empty() && !may_be_empty {
        return Err(Error::invalid_request(field, "at least one part is needed"));
    }
    if publics > MAX_PUBLIC {
        return Err(Error::invalid_request(
            "publicExpenses",
            format!("a レセプト has at most {MAX_PUBLIC} 公費, found {publics}"),
        ));
    }
    // each part's 公費 as a bit set (at most 4 公費 → 16 combinations)
    let mut seen = 0u16;
    if let Some(out) = out.as_deref_mut() {
        out.clear();
    }
    for (i, part) in parts.iter().enumerate() {
        let path = || format!("{field}[{i}]");
        check_points(field, i, part.points)?;
        let mut mask = 0u16;
        for (j, &k) in part.public_expenses.iter().enumerate() {
            if k >= publics {
                return Err(Error::invalid_request(
                    &format!("{}.publicExpenses[{j}]", path()),
                    format!("no publicExpenses[{k}]: the request lists {publics}"),
                ));
            }
            if mask & (1 << k) != 0 {
                return Err(Error::invalid_request(
                    &format!("{}.publicExpenses", path()),
                    "a 公費 is listed twice in one part",
                ));
            }
            mask |= 1 << k;
        }
        if seen & (1 << mask) != 0 {
            return Err(Error::invalid_request(
                &format!("{}.publicExpenses", path()),
                "another part has the same 公費: give each combination once",
            ));
        }
        seen |= 1 << mask;
        let part = PartIn {
            points: part.points,
            mask: mask_of(&part.public_expenses),
        };
        if out.as_deref_mut().is_some_and(|out| !out.push(part)) {
            return Err(too_many_parts(field));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(json: &str) -> CopayRequest {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn no_trace_unless_asked_for() {
        let counter = r#"{"serviceDate":"2024-06-15","patient":{"birthDate":"1952-05-10","sex":"female"},
            "insurance":{"insurerType":"kokuho","relation":"honnin","incomeCategory":"ippan"},
            "parts":[{"points":4000}],"monthToDate":{"parts":[{"points":6000}],"collectedYen":12000}}"#;
        let meals = r#"{"serviceDate":"2024-06-15","patient":{"birthDate":"1980-05-10","sex":"female"},
            "insurance":{"insurerType":"kokuho","relation":"honnin"},"inpatient":true,
            "parts":[{"points":4000}],"meals":{"count":9}}"#;
        for json in [counter, meals] {
            let mut req = request(json);
            let plain = calculate_copay(&req).unwrap();
            assert!(plain.trace.is_empty(), "{:?}", plain.trace);
            req.trace = true;
            let traced = calculate_copay(&req).unwrap();
            assert!(traced.trace.len() > 1);
            assert_eq!(traced.visit_counter_yen, plain.visit_counter_yen);
            assert_eq!(traced.counter_yen, plain.counter_yen);
        }
    }
}
