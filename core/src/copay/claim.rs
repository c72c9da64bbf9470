//! The 負担金 of the points engine's visits and month receipts: the claim's points under the
//! patient's insurance and 公費, through [`calculate_copay`].

use super::receipt::calculate_copay;
use super::rounding::copay_for_points;
use crate::date::parse_iso;
use crate::error::Result;
use crate::model::{
    CopayPart, CopayRequest, Insurance, InsurerType, MonthToDate, Patient, PublicExpense,
    PublicExpenseResult,
};

/// What the counter collects and what the receipt shows.
pub struct ClaimCopay {
    pub counter_yen: i64,
    /// 一部負担金 of the claim: to the yen when a 限度額 or 公費 上限 applied, else rounded to 10円.
    pub receipt_yen: i64,
    pub public_expenses: Vec<PublicExpenseResult>,
}

/// One claim: `parts` (points by 公費 combination, indexes into `publics`) and, at the counter,
/// the month before it (`earlier` parts and the yen already collected).
pub struct Claim<'a> {
    pub service_date: &'a str,
    pub patient: &'a Patient,
    pub insurance: &'a Insurance,
    pub publics: &'a [PublicExpense],
    pub parts: Vec<CopayPart>,
    pub earlier: Option<(&'a [CopayPart], i64)>,
    /// The 負担割合 the points engine already worked out.
    pub percent: u8,
}

pub fn claim_copay(c: Claim<'_>) -> Result<ClaimCopay> {
    // under 70 without a 認定証 (no 所得区分), マル長 or 公費 no 限度額 can apply: the 割合,
    // rounded (the hot path; calculate_copay gives the same numbers)
    let ins = c.insurance;
    if c.publics.is_empty()
        && ins.income_category.is_none()
        && ins.specific_disease_cap_yen.is_none()
        && ins.insurer_type != InsurerType::Kouki
    {
        if let (Some(birth), Some(date)) =
            (parse_iso(&c.patient.birth_date), parse_iso(c.service_date))
        {
            if date < super::burden::elderly_from(birth) {
                let points = c.parts.iter().map(|p| p.points).sum();
                let yen = copay_for_points(points, c.percent);
                return Ok(ClaimCopay {
                    counter_yen: yen,
                    receipt_yen: yen,
                    public_expenses: Vec::new(),
                });
            }
        }
    }
    let req = CopayRequest {
        service_date: c.service_date.to_string(),
        patient: c.patient.clone(),
        insurance: Some(ins.clone()),
        inpatient: false,
        public_expenses: c.publics.to_vec(),
        parts: c.parts,
        month_to_date: c.earlier.map(|(parts, collected_yen)| MonthToDate {
            parts: parts.to_vec(),
            collected_yen,
        }),
        trace: false,
        meals: None,
        household: None,
        annual_outpatient_paid_yen: None,
    };
    let r = calculate_copay(&req)?;
    let limited = r.parts.iter().any(|p| p.limit_yen.is_some())
        || r.public_expenses.iter().any(|p| p.paid_yen > 0);
    Ok(ClaimCopay {
        counter_yen: r.visit_counter_yen.unwrap_or(r.counter_yen),
        receipt_yen: if limited {
            r.patient_yen
        } else {
            r.counter_yen
        },
        public_expenses: r.public_expenses,
    })
}

/// A claim of `points` shared by the 公費 `set`.
pub fn part(points: i64, set: &[usize]) -> CopayPart {
    CopayPart {
        points,
        public_expenses: set.to_vec(),
    }
}
