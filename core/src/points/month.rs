//! A month of visits as one レセプト: each visit is calculated in date order knowing what the
//! month billed before it (so 月1回 items are not billed twice), then the lines are gathered the way
//! the receipt shows them: one line per item and points, with its 回数 and 算定日.

use crate::copay::claim::{self, claim_copay, Claim};
use crate::date::parse_iso;
use crate::engine::Engine;
use crate::error::{Error, ErrorCode, Result};
use crate::model::{
    CalcRequest, CopayPart, DayCount, Finding, MonthCopay, MonthLine, MonthRequest, MonthResponse,
    Severity, VisitResult,
};
use chrono::Datelike;
use std::collections::HashMap;

/// Upper bound on visits in one month's request.
const MAX_VISITS: usize = 200;

pub fn calculate_month(engine: &Engine, req: &MonthRequest) -> Result<MonthResponse> {
    let (year, month) = parse_month(&req.month)?;
    if req.visits.is_empty() || req.visits.len() > MAX_VISITS {
        return Err(Error::invalid_request(
            "visits",
            format!("1–{MAX_VISITS} visits, found {}", req.visits.len()),
        ));
    }
    let mut order: Vec<(usize, chrono::NaiveDate)> = Vec::with_capacity(req.visits.len());
    for (i, v) in req.visits.iter().enumerate() {
        let field = format!("visits[{i}].date");
        let date = parse_iso(&v.date).ok_or_else(|| {
            Error::invalid_request(
                &field,
                format!("expected a date YYYY-MM-DD, found {:?}", v.date),
            )
        })?;
        if (date.year(), date.month()) != (year, month) {
            return Err(Error::invalid_request(
                &field,
                format!("{date} is not in the 診療年月 {}", req.month),
            ));
        }
        order.push((i, date));
    }
    order.sort_by_key(|(i, d)| (*d, *i));

    let mut earlier: HashMap<String, u32> = HashMap::new();
    let mut visits = Vec::with_capacity(order.len());
    let mut findings = Vec::new();
    let mut receipt: Vec<MonthLine> = Vec::new();
    let mut burden = None;
    let mut counter_yen = 0;
    // the month so far by 公費 combination
    let mut month_parts: Vec<CopayPart> = Vec::new();
    let mut copay_errors = Vec::new();
    let mut days: Vec<u32> = Vec::new();
    let order_last = order.last().map(|(i, _)| req.visits[*i].date.clone());
    let last_date = order.last().map(|(_, d)| *d);
    for (i, date) in order {
        let v = &req.visits[i];
        let visit = CalcRequest {
            service_date: v.date.clone(),
            patient: req.patient.clone(),
            insurance: req.insurance.clone(),
            facility: req.facility.clone(),
            time: v.time,
            orders: v.orders.clone(),
            prescription: v.prescription.clone(),
            trace: req.trace,
            diseases: req.diseases.clone(),
            // the month works out the 公費 below, visit by visit against the month so far
            public_expenses: Vec::new(),
        };
        let set: Vec<usize> = match &v.public_expenses {
            None => (0..req.public_expenses.len()).collect(),
            Some(set) => {
                if let Some((j, k)) = set
                    .iter()
                    .enumerate()
                    .find(|(_, &k)| k >= req.public_expenses.len())
                {
                    return Err(Error::invalid_request(
                        &format!("visits[{i}].publicExpenses[{j}]"),
                        format!(
                            "no publicExpenses[{k}]: the month lists {}",
                            req.public_expenses.len()
                        ),
                    ));
                }
                set.clone()
            }
        };
        let resp = engine
            .calculate_in_month(&visit, &earlier)
            .map_err(|e| in_visit(e, i))?;
        for line in &resp.lines {
            for item in &line.items {
                *earlier.entry(item.code.clone()).or_default() += line.count;
            }
            add_to_receipt(&mut receipt, line, date.day());
        }
        // at the counter: this visit's 割合, or what is left up to the month's 限度額
        let mut visit_yen = None;
        if let Some(c) = &resp.copay {
            burden.get_or_insert((c.burden_percent, c.basis.clone()));
            match claim_copay(Claim {
                service_date: &v.date,
                patient: &req.patient,
                insurance: &req.insurance,
                publics: &req.public_expenses,
                parts: vec![claim::part(resp.total_points, &set)],
                earlier: Some((&month_parts, counter_yen)),
                percent: c.burden_percent,
            }) {
                Ok(c) => {
                    counter_yen += c.counter_yen;
                    add_part(&mut month_parts, resp.total_points, &set);
                    visit_yen = Some(c.counter_yen);
                }
                Err(e) => copay_errors.push(crate::engine::copay_finding(e)?),
            }
        }
        if !days.contains(&date.day()) {
            days.push(date.day());
        }
        findings.extend(resp.findings.into_iter().map(|f| Finding {
            path: format!("visits[{i}].{}", f.path),
            ..f
        }));
        visits.push(VisitResult {
            date: v.date.clone(),
            total_points: resp.total_points,
            patient_yen: visit_yen,
            lines: resp.lines,
        });
    }
    receipt.sort_by(|a, b| a.section.cmp(&b.section));
    // the month's receipt lines, read against the masters of its last visit
    let sections = match last_date {
        Some(d) => super::sections::section_totals(
            engine.masters().generation_for(d)?,
            receipt.iter().map(|l| super::sections::Entry {
                section: &l.section,
                items: &l.items,
                count: l.count,
                total: l.total,
            }),
        ),
        None => Vec::new(),
    };
    let total_points: i64 = receipt.iter().map(|l| l.total).sum();
    findings.extend(copay_errors);
    let complete = !findings.iter().any(|f| f.severity == Severity::Error);
    let copay = match (complete, burden) {
        (true, Some((percent, basis))) => {
            let last = order_last.as_deref().unwrap_or(req.month.as_str());
            let receipt = claim_copay(Claim {
                service_date: last,
                patient: &req.patient,
                insurance: &req.insurance,
                publics: &req.public_expenses,
                parts: month_parts,
                earlier: None,
                percent,
            })?;
            Some(MonthCopay {
                burden_percent: percent,
                basis,
                total_yen: total_points * 10,
                counter_yen,
                receipt_yen: receipt.receipt_yen,
                public_expenses: receipt.public_expenses,
            })
        }
        _ => None,
    };
    Ok(MonthResponse {
        month: req.month.clone(),
        lines: receipt,
        sections,
        total_points,
        actual_days: days.len() as u32,
        copay,
        visits,
        findings,
    })
}

/// Adds a visit's points to the month's part of the same 公費 combination.
fn add_part(parts: &mut Vec<CopayPart>, points: i64, set: &[usize]) {
    let same = |p: &&mut CopayPart| {
        p.public_expenses.len() == set.len() && set.iter().all(|k| p.public_expenses.contains(k))
    };
    match parts.iter_mut().find(same) {
        Some(p) => p.points += points,
        None => parts.push(claim::part(points, set)),
    }
}

/// `YYYY-MM` → (year, month)
fn parse_month(s: &str) -> Result<(i32, u32)> {
    parse_iso(&format!("{s}-01"))
        .filter(|_| s.len() == 7)
        .map(|d| (d.year(), d.month()))
        .ok_or_else(|| Error::invalid_request("month", format!("expected YYYY-MM, found {s:?}")))
}

/// A visit's request error names the visit: `visits[2].orders[0].count: …`.
fn in_visit(e: Error, i: usize) -> Error {
    match e.code {
        ErrorCode::InvalidRequest => Error::new(e.code, format!("visits[{i}].{}", e.message)),
        _ => e,
    }
}

/// The same item(s) at the same points on another day joins the receipt line (算定日情報).
fn add_to_receipt(receipt: &mut Vec<MonthLine>, line: &crate::model::Line, day: u32) {
    let same = receipt
        .iter_mut()
        .find(|r| r.section == line.section && r.points == line.points && r.items == line.items);
    match same {
        Some(r) => {
            r.count += line.count;
            r.total += line.total;
            match r.days.iter_mut().find(|d| d.day == day) {
                Some(d) => d.count += line.count,
                None => r.days.push(DayCount {
                    day,
                    count: line.count,
                }),
            }
        }
        None => receipt.push(MonthLine {
            section: line.section.clone(),
            items: line.items.clone(),
            points: line.points,
            count: line.count,
            total: line.total,
            days: vec![DayCount {
                day,
                count: line.count,
            }],
        }),
    }
}
