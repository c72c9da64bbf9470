//! Small helpers the 部 passes share: reading lines and rows, pointing at orders, warnings.

use super::Calc;
use crate::date::{ymd_display, ymd_number};
use crate::masters::{Lookup, ProcedureRow};
use crate::model::{Facility, FacilityKind, Finding, Line, Severity};

/// The code of a line that bills one item.
pub(crate) fn single_code(line: &Line) -> Option<&str> {
    match line.items.as_slice() {
        [item] => Some(item.code.as_str()),
        _ => None,
    }
}

/// The master row a code is priced from on the date: the version in force, or the one whose
/// 旧点数 applies.
pub(crate) fn row_of<'a>(calc: &Calc<'a>, code: &str) -> Option<&'a ProcedureRow> {
    match calc.ctx.generation.procedures.get(code, calc.ctx.date) {
        Lookup::Valid(r) | Lookup::NotYet(r) => Some(r),
        Lookup::Abolished(_) | Lookup::Unknown => None,
    }
}

/// `orders[i].code` of the first order of `code` (`orders` when the code was not ordered).
pub(crate) fn order_path(calc: &Calc<'_>, code: &str) -> String {
    calc.req
        .orders
        .iter()
        .position(|o| o.code == code)
        .map_or_else(|| "orders".to_string(), |i| format!("orders[{i}].code"))
}

/// 回数 of a code on this visit's lines.
pub(crate) fn billed(calc: &Calc<'_>, code: &str) -> u32 {
    calc.lines
        .iter()
        .filter(|l| single_code(l) == Some(code))
        .map(|l| l.count)
        .sum()
}

/// 回数 of a code billed earlier in the month.
pub(crate) fn earlier(calc: &Calc<'_>, code: &str) -> u32 {
    calc.ctx.earlier.get(code).copied().unwrap_or(0)
}

pub(crate) fn warning(calc: &mut Calc<'_>, code: &str, path: &str, message: String) {
    calc.findings.push(Finding {
        code: code.to_string(),
        severity: Severity::Warning,
        path: path.to_string(),
        message,
    });
}

/// Rule data (告示 tables) older than the master generation in use: the 改定 that brought the
/// masters may have changed the 告示 too, and this version of santei does not know it.
pub(crate) fn check_data_date(calc: &mut Calc<'_>, from: u32, what: &str) {
    let Some(effective) = calc.ctx.generation.effective else {
        return;
    };
    if from < ymd_number(effective) {
        warning(
            calc,
            "RULE_DATA_OUTDATED",
            "serviceDate",
            format!(
                "{what}: santei's 告示 data is from {}, the masters are of generation {effective}; check the 点数表 of that 改定",
                ymd_display(from)
            ),
        );
    }
}

/// Takes every line of the codes out of the visit, with an error finding at the first code's order.
pub(crate) fn refuse(calc: &mut Calc<'_>, codes: &[&str], finding: &str, message: String) {
    calc.lines
        .retain(|l| !single_code(l).is_some_and(|c| codes.contains(&c)));
    let path = order_path(calc, codes.first().copied().unwrap_or_default());
    calc.finding(finding, &path, message);
}

/// Adds a line to the trace of a code's lines (only when the request asks for a trace).
pub(crate) fn note(calc: &mut Calc<'_>, code: &str, text: String) {
    if !calc.req.trace {
        return;
    }
    for line in calc
        .lines
        .iter_mut()
        .filter(|l| single_code(l) == Some(code))
    {
        line.trace.push(text.clone());
    }
}

/// Whether the facility may bill a row, by 病院・診療所区分 (項番19) and 病床数区分 (項番71);
/// Some(what the row is for) when it may not.
pub(crate) fn facility_problem(row: &ProcedureRow, f: &Facility) -> Option<String> {
    let hospital = f.kind == FacilityKind::Hospital;
    match row.facility_scope {
        1 if !hospital => return Some("病院 only (病院・診療所区分 1)".to_string()),
        2 if hospital => return Some("診療所 only (病院・診療所区分 2)".to_string()),
        _ => {}
    }
    let beds = f.beds;
    let (fits, band) = match row.bed_class {
        1 => ((1..=99).contains(&beds), "許可病床 1–99床"),
        2 => ((100..=199).contains(&beds), "許可病床 100–199床"),
        3 => (beds <= 199, "許可病床 0–199床"),
        4 => (beds >= 200, "許可病床 200床以上"),
        7 => (beds < 400, "許可病床 400床未満"),
        8 => (beds >= 400, "許可病床 400床以上"),
        // 0: no condition; 5 / 6 count 一般病床, which the request does not carry
        _ => (true, ""),
    };
    (!fits).then(|| format!("{band} (病床数区分 {})", row.bed_class))
}

pub(crate) fn describe_facility(f: &Facility) -> String {
    match f.kind {
        FacilityKind::Clinic => "a 診療所".to_string(),
        FacilityKind::Hospital => format!("a 病院 with 許可病床 {}床", f.beds),
    }
}
