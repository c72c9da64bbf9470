//! 高額療養費 世帯合算 (健康保険法施行令 第41条・第42条): this receipt with the household's other
//! receipts of the month under the same insurer, in the law's order — 70歳以上 外来 per person,
//! then 70歳以上 世帯 (外来+入院), then the whole household with the 70歳未満 receipts of 21,000円 or
//! more. What is over the limit is paid back by the insurer (償還), not at the counter.

use super::limits::{self, LimitOptions};
use crate::error::{Error, Result};
use crate::model::{CopayResponse, Household, HouseholdResult, IncomeCategory};

use super::receipt::GASSAN_MIN_UNDER70;

struct Receipt {
    person: String,
    over70: bool,
    inpatient: bool,
    total: i64,
    patient: i64,
}

/// This receipt: its result, its patient's age group and 区分, and the month (YYYYMM).
pub struct Own<'a> {
    pub result: &'a CopayResponse,
    pub over70: bool,
    pub inpatient: bool,
    pub category: Option<IncomeCategory>,
    pub month: u32,
    /// 多数回該当 of the household.
    pub many: bool,
    pub trace: bool,
}

pub fn household(h: &Household, own: Own<'_>) -> Result<HouseholdResult> {
    let Own {
        result: own,
        over70: own_over70,
        inpatient: own_inpatient,
        category: own_category,
        month,
        many,
        trace,
    } = own;
    let mut receipts = vec![Receipt {
        person: String::new(),
        over70: own_over70,
        inpatient: own_inpatient,
        total: own.total_yen,
        patient: own.patient_yen,
    }];
    for (i, r) in h.receipts.iter().enumerate() {
        let path = format!("household.receipts[{i}]");
        if r.total_yen < 0 || r.patient_yen < 0 || r.patient_yen > r.total_yen {
            return Err(Error::invalid_request(
                &path,
                format!(
                    "need 0 ≤ patientYen ≤ totalYen, found patientYen {} and totalYen {}",
                    r.patient_yen, r.total_yen
                ),
            ));
        }
        receipts.push(Receipt {
            person: r.person.clone().unwrap_or_else(|| format!("#{i}")),
            over70: r.over70,
            inpatient: r.inpatient,
            total: r.total_yen,
            patient: r.patient_yen,
        });
    }
    let cat70 = h.over70_category.or(own_category.filter(|_| own_over70));
    let cat_u70 = h.under70_category.or(own_category.filter(|_| !own_over70));
    let mut lines = Vec::new();
    let o = LimitOptions {
        many,
        half: false,
        explain: trace,
    };
    let paid: i64 = receipts.iter().map(|r| r.patient).sum();

    // 1. 70歳以上 外来, per person
    let over70: Vec<&Receipt> = receipts.iter().filter(|r| r.over70).collect();
    let mut s70 = 0i64;
    if !over70.is_empty() {
        let cat = cat70.ok_or_else(|| {
            Error::invalid_request(
                "household.over70Category",
                "the 所得区分 of the household's 70歳以上 members is needed",
            )
        })?;
        if cat.is_under70() {
            return Err(Error::invalid_request(
                "household.over70Category",
                "a 70歳以上 区分 is needed (genekiIII…teishotokuI)",
            ));
        }
        let cap = limits::outpatient_cap(month, cat)?;
        let mut persons: Vec<&str> = over70
            .iter()
            .filter(|r| !r.inpatient)
            .map(|r| r.person.as_str())
            .collect();
        persons.sort_unstable();
        persons.dedup();
        for p in persons {
            let out: i64 = over70
                .iter()
                .filter(|r| !r.inpatient && r.person == p)
                .map(|r| r.patient)
                .sum();
            let kept = cap.map_or(out, |c| out.min(c));
            if trace && kept < out {
                lines.push(format!(
                    "70歳以上 外来 ({}): {out}円 → 外来(個人) 限度額 {kept}円",
                    if p.is_empty() {
                        "this receipt's patient"
                    } else {
                        p
                    }
                ));
            }
            s70 += kept;
        }
        s70 += over70
            .iter()
            .filter(|r| r.inpatient)
            .map(|r| r.patient)
            .sum::<i64>();
        // 2. 70歳以上 世帯 (外来+入院)
        let total70: i64 = over70.iter().map(|r| r.total).sum();
        let l = limits::receipt_limit(month, cat, true, total70, o)?;
        if s70 > l.yen {
            if trace {
                lines.push(format!(
                    "70歳以上 世帯: {s70}円 > {} → {}円",
                    l.explain, l.yen
                ));
            }
            s70 = l.yen;
        }
    }
    // 3. the whole household: 70歳未満 receipts of 21,000円 or more with what 70歳以上 pay
    let under: Vec<&Receipt> = receipts.iter().filter(|r| !r.over70).collect();
    let burden =
        if under.is_empty() {
            s70
        } else {
            let (big, small): (Vec<&&Receipt>, Vec<&&Receipt>) =
                under.iter().partition(|r| r.patient >= GASSAN_MIN_UNDER70);
            let small_sum: i64 = small.iter().map(|r| r.patient).sum();
            if big.is_empty() && s70 == 0 {
                if trace {
                    lines.push("no 70歳未満 receipt reaches 21,000円: nothing to 合算".to_string());
                }
                small_sum + s70
            } else {
                let cat = cat_u70.ok_or_else(|| {
                    Error::invalid_request(
                        "household.under70Category",
                        "the 所得区分 (ア〜オ) of the household's 70歳未満 members is needed",
                    )
                })?;
                if !cat.is_under70() {
                    return Err(Error::invalid_request(
                        "household.under70Category",
                        "a 70歳未満 区分 is needed (kubunA…kubunO)",
                    ));
                }
                let s: i64 = big.iter().map(|r| r.patient).sum::<i64>() + s70;
                let t: i64 = big.iter().map(|r| r.total).sum::<i64>()
                    + over70.iter().map(|r| r.total).sum::<i64>();
                let l = limits::receipt_limit(month, cat, true, t, o)?;
                if trace {
                    lines.push(format!(
                    "世帯合算: {} receipt(s) ≥ 21,000円{} = {s}円 (総医療費 {t}円); 限度額 {}{}",
                    big.len(),
                    if over70.is_empty() { "" } else { " + 70歳以上" },
                    l.explain,
                    if small.is_empty() {
                        String::new()
                    } else {
                        format!("; {small_sum}円 under 21,000円 not 合算")
                    }
                ));
                }
                s.min(l.yen) + small_sum
            }
        };
    let benefit = (paid - burden).max(0);
    if trace {
        lines.push(format!(
            "世帯の一部負担金 {paid}円 → 自己負担 {burden}円, 高額療養費 {benefit}円"
        ));
    }
    Ok(HouseholdResult {
        paid_yen: paid,
        burden_yen: burden,
        benefit_yen: benefit,
        trace: lines,
    })
}
