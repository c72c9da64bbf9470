//! A readable table of a calculation, as a clerk would check it against the receipt.

use santei_core::masters::diff::DiffResponse;
use santei_core::model::{CalcResponse, Finding, LineItem, MonthResponse, SectionTotal};
use std::fmt::Write;

/// Display width: East Asian wide characters take two columns.
pub(crate) fn width(s: &str) -> usize {
    s.chars()
        .map(|c| {
            if (c as u32) < 0x1100 || ('\u{FF61}'..='\u{FF9F}').contains(&c) {
                1
            } else {
                2
            }
        })
        .sum()
}

fn pad(s: &str, w: usize) -> String {
    let mut out = s.to_string();
    for _ in width(s)..w {
        out.push(' ');
    }
    out
}

/// The column header of a line table; `extra` names a last column.
fn header(o: &mut String, extra: &str) {
    let _ = writeln!(
        o,
        "{:<4} {:<9}  {}  {:>6} {:>4} {:>7}{extra}",
        "欄",
        "コード",
        pad("名称", 44),
        "点数",
        "回数",
        "合計"
    );
}

/// One 算定単位: a row per item, the points on the last one (as on the receipt); `tail` ends it.
fn item_rows(
    o: &mut String,
    section: &str,
    items: &[LineItem],
    (points, count, total): (i64, u32, i64),
    tail: &str,
) {
    let n = items.len();
    for (i, item) in items.iter().enumerate() {
        let mut name = item.name.clone();
        if let (Some(q), Some(u)) = (&item.quantity, &item.unit) {
            let _ = write!(name, " {q}{u}");
        }
        let sec = if i == 0 { section } else { "" };
        if i + 1 == n {
            let _ = writeln!(
                o,
                "{:<4} {:<9}  {}  {:>6} {:>4} {:>7}{tail}",
                sec,
                item.code,
                pad(&name, 44),
                points,
                count,
                total
            );
        } else {
            let _ = writeln!(o, "{:<4} {:<9}  {}", sec, item.code, name);
        }
    }
}

/// Totals per 点数欄 and in all, then the findings.
fn footer(o: &mut String, sections: &[SectionTotal], total: i64) {
    let _ = writeln!(o, "{}", "-".repeat(84));
    for s in sections {
        let mut supplies = String::new();
        if let Some(d) = s.drug_total.filter(|d| *d != 0) {
            supplies += &format!("  薬剤 {d}点");
        }
        if let Some(m) = s.material_total.filter(|m| *m != 0) {
            supplies += &format!("  材料 {m}点");
        }
        let _ = writeln!(
            o,
            "  欄 {}: {}回 {}点{supplies}",
            s.section, s.count, s.total
        );
    }
    let _ = writeln!(o, "合計 {total}点");
}

fn findings(o: &mut String, findings: &[Finding]) {
    for f in findings {
        let _ = writeln!(o, "[{:?}] {} {}: {}", f.severity, f.code, f.path, f.message);
    }
}

pub fn render(r: &CalcResponse) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "診療日 {}  マスター {}  年齢 {}歳",
        r.service_date, r.master_generation, r.patient_age
    );
    header(&mut o, "");
    for line in &r.lines {
        item_rows(
            &mut o,
            &line.section,
            &line.items,
            (line.points, line.count, line.total),
            "",
        );
    }
    footer(&mut o, &r.sections, r.total_points);
    match &r.copay {
        Some(c) => {
            let _ = writeln!(
                o,
                "総医療費 {}円  負担割合 {}% ({})  一部負担金 {}円",
                c.total_yen, c.burden_percent, c.basis, c.patient_yen
            );
        }
        None => {
            let _ = writeln!(o, "一部負担金: not computed (see findings)");
        }
    }
    findings(&mut o, &r.findings);
    o
}

/// A 改定 as a table: counts per kind, then one line per change.
pub fn render_diff(d: &DiffResponse) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{} (generation {}) → {} (generation {})",
        d.from.date, d.from.generation, d.to.date, d.to.generation
    );
    let _ = writeln!(
        o,
        "{:<6} {:>8} {:>10} {:>9} {:>8}",
        "master", "added", "abolished", "repriced", "renamed"
    );
    for c in &d.counts {
        let _ = writeln!(
            o,
            "{:<6} {:>8} {:>10} {:>9} {:>8}",
            c.kind, c.added, c.abolished, c.repriced, c.renamed
        );
    }
    let _ = writeln!(o, "{}", "-".repeat(84));
    for e in &d.changes {
        let values = match (&e.old, &e.new) {
            (Some(a), Some(b)) => format!("{a} → {b}"),
            (Some(a), None) => format!("was {a}"),
            (None, Some(b)) => b.clone(),
            (None, None) => String::new(),
        };
        let _ = writeln!(
            o,
            "{} {:<9} {:<9} {}  {}",
            e.kind,
            e.code,
            e.change,
            pad(&e.name, 40),
            values
        );
    }
    o
}

/// A month's レセプト: receipt lines with their 算定日, totals per 点数欄, the counter amounts.
pub fn render_month(r: &MonthResponse) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "診療年月 {}  実日数 {}", r.month, r.actual_days);
    header(&mut o, "  算定日");
    for line in &r.lines {
        let days: Vec<String> = line
            .days
            .iter()
            .map(|d| {
                if d.count == 1 {
                    d.day.to_string()
                } else {
                    format!("{}×{}", d.day, d.count)
                }
            })
            .collect();
        let tail = format!("  {}", days.join(","));
        item_rows(
            &mut o,
            &line.section,
            &line.items,
            (line.points, line.count, line.total),
            &tail,
        );
    }
    footer(&mut o, &r.sections, r.total_points);
    for v in &r.visits {
        let yen = v.patient_yen.map_or("—".to_string(), |y| format!("{y}円"));
        let _ = writeln!(o, "  {} {}点 窓口 {}", v.date, v.total_points, yen);
    }
    match &r.copay {
        Some(c) => {
            let _ = writeln!(
                o,
                "総医療費 {}円  負担割合 {}% ({})  窓口合計 {}円  レセプト一部負担金 {}円",
                c.total_yen, c.burden_percent, c.basis, c.counter_yen, c.receipt_yen
            );
        }
        None => {
            let _ = writeln!(o, "一部負担金: not computed (see findings)");
        }
    }
    findings(&mut o, &r.findings);
    o
}
