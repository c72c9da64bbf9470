//! 病名: the claim's 傷病名 against the 傷病名マスター (b) and 修飾語マスター (z), and the 医学管理料
//! whose 算定要件 is a 主病 of a kind the b master marks.
//!
//! - `E-BYOMEI-001` a 診療行為 of 傷病名関連区分 5 (s master 項番25: B000 特定疾患療養管理料 and the
//!   特定疾患処方管理加算) without a 主病 that the b master marks 特定疾患 (項番21 = 05 / 08).
//! - `W-BYOMEI-002` a 疑い病名 (修飾語 8002 「の疑い」) whose 診療開始日 is [`SUSPECTED_MONTHS`] or
//!   more calendar months before the service month.
//! - `E-BYOMEI-004` a 傷病名 / 修飾語 code not in its master, not yet listed (収載年月日) or past its
//!   廃止年月日 on a 算定日 of the claim.
//! - `E-BYOMEI-005` a claim with lines and no 傷病名.
//!
//! `E-BYOMEI-003` (a 修飾語 on a 傷病名 that may not take one) is not checked: the b master has no
//! such column. Its only 修飾語 column is the converse, 項番19 単独使用禁止区分 (01 = 部位等修飾語
//! との組み合わせが必須の傷病名).

use super::{CheckSeverity, Ctx};
use crate::date::{parse_iso, ymd_display, ymd_number};
use crate::masters::table::{Lookup, MasterRow, Table};
use crate::masters::{DiseaseRow, ModifierRow};
use chrono::{Datelike, NaiveDate};

/// 修飾語マスター 8002 「の疑い」 (接尾語, 修飾語区分 A8000000).
pub const SUSPECTED: &str = "8002";

/// How long a 疑い病名 may stay on the claim before it is flagged. No 告示 or 通知 sets a period:
/// a 疑い is the reason for the 検査 that confirms or rules it out, and 審査 expects it to be
/// confirmed or closed (中止) once they are done. This crate names the limit 3 months, counted in
/// calendar months from the month of the 診療開始日 (started in March → flagged from June).
pub const SUSPECTED_MONTHS: i32 = 3;

/// What a b / z table says about a code on a date. Both masters ship as full files holding only
/// the current version of each code, so a 変更年月日 later than the date is a change of an existing
/// code (e.g. a name), not a code that does not exist yet: 「未収載」 is read from 収載年月日.
enum State {
    Unknown,
    Valid,
    NotListed(u32),
    Abolished(u32),
}

fn state<R: MasterRow>(
    table: &Table<R>,
    code: &str,
    date: NaiveDate,
    listed: impl Fn(&R) -> u32,
) -> State {
    let d = ymd_number(date);
    let row = match table.get(code, date) {
        Lookup::Unknown => return State::Unknown,
        Lookup::Abolished(r) => return State::Abolished(r.abolished()),
        Lookup::Valid(r) | Lookup::NotYet(r) => r,
    };
    match listed(row) {
        l if l != 0 && d < l => State::NotListed(l),
        _ => State::Valid,
    }
}

/// The distinct 算定日 of the claim, in order (the days the 傷病名 must be valid on).
fn claim_days(ctx: &Ctx<'_>) -> Vec<u32> {
    let mut days: Vec<u32> = ctx
        .req
        .lines
        .iter()
        .flat_map(|l| l.days.iter().map(|d| d.day))
        .collect();
    days.sort_unstable();
    days.dedup();
    days
}

pub fn run(ctx: &mut Ctx<'_>) {
    if ctx.req.diseases.is_empty() {
        // 記載要領: 「傷病名」欄 — every レセプト records at least one 傷病名 (SY レコード)
        ctx.push(
            "E-BYOMEI-005",
            CheckSeverity::Error,
            (None, None, None),
            "傷病名が記録されていません".to_string(),
            "the claim has no 傷病名".to_string(),
            "記載要領 傷病名欄 / 記録条件仕様 SY レコード".to_string(),
        );
        return;
    }
    let unresolved = validity(ctx);
    main_disease(ctx, &unresolved);
    suspected(ctx);
}

/// E-BYOMEI-004, per disease and 修飾語 on the first 算定日 it fails. Returns the indexes of the
/// diseases whose 傷病名コード failed.
fn validity(ctx: &mut Ctx<'_>) -> Vec<usize> {
    let g = ctx.generation;
    let days = claim_days(ctx);
    let mut failed = Vec::new();
    for (i, disease) in ctx.req.diseases.iter().enumerate() {
        let mut codes = vec![(disease.code.as_str(), None)];
        codes.extend(disease.modifiers.iter().map(|m| (m.as_str(), Some(m))));
        for (code, modifier) in codes {
            let (ja, en, master) = match modifier {
                None => ("傷病名", "disease", "b master 傷病名マスター"),
                Some(_) => ("修飾語", "modifier", "z master 修飾語マスター"),
            };
            for &day in &days {
                let Some(date) = ctx.date(day) else { continue };
                let st = match modifier {
                    None => state(&g.diseases, code, date, |r: &DiseaseRow| r.listed),
                    Some(_) => state(&g.modifiers, code, date, |r: &ModifierRow| r.listed),
                };
                if let State::Valid = st {
                    continue;
                }
                if modifier.is_none() {
                    failed.push(i);
                }
                let (msg_ja, msg_en, source, day) = match st {
                    State::NotListed(l) => (
                        format!(
                            "{ja}コード {code} は{}収載です ({day}日時点で未収載)",
                            ymd_display(l)
                        ),
                        format!(
                            "{en} code {code} is listed from {} (not yet on day {day})",
                            ymd_display(l)
                        ),
                        format!("{master} {code} 収載年月日 {l}"),
                        Some(day),
                    ),
                    State::Abolished(a) => (
                        format!(
                            "{ja}コード {code} は{}に廃止されています ({day}日)",
                            ymd_display(a)
                        ),
                        format!(
                            "{en} code {code} was abolished on {} (day {day})",
                            ymd_display(a)
                        ),
                        format!("{master} {code} 廃止年月日 {a}"),
                        Some(day),
                    ),
                    _ => (
                        format!(
                            "{ja}コード {code} はマスターにありません (傷病名 {})",
                            i + 1
                        ),
                        format!("{en} code {code} is not in the master (disease {})", i + 1),
                        format!("{master} ({})", g.effective_date()),
                        None,
                    ),
                };
                ctx.push(
                    "E-BYOMEI-004",
                    CheckSeverity::Error,
                    (None, None, day),
                    msg_ja,
                    msg_en,
                    source,
                );
                break;
            }
        }
    }
    failed
}

/// E-BYOMEI-001: 傷病名関連区分 5 (s master 項番25; B000 注1, F100 注5, F400 注4: 別に厚生労働大臣が
/// 定める疾患を主病とする患者) needs a 主病 the b master marks 特定疾患 (項番21 05 / 08).
fn main_disease(ctx: &mut Ctx<'_>, unresolved: &[usize]) {
    let g = ctx.generation;
    let req = ctx.req;
    for (i, line) in req.lines.iter().enumerate() {
        for (j, item) in line.items.iter().enumerate() {
            if !item.code.starts_with('1') {
                continue;
            }
            let day = Ctx::first_day(line);
            let Some(date) = ctx.date(day) else { continue };
            let Lookup::Valid(row) = g.procedures.get(&item.code, date) else {
                continue; // the master checks report it
            };
            if row.disease_related != 5 {
                continue;
            }
            let mains: Vec<usize> = (0..req.diseases.len())
                .filter(|&k| req.diseases[k].main)
                .collect();
            if mains.iter().any(|k| unresolved.contains(k)) {
                continue; // E-BYOMEI-004 says why the 主病 cannot be read
            }
            let rows: Vec<&DiseaseRow> = mains
                .iter()
                .filter_map(|&k| match g.diseases.get(&req.diseases[k].code, date) {
                    Lookup::Valid(r) | Lookup::NotYet(r) => Some(r),
                    _ => None,
                })
                .collect();
            if rows.iter().any(|r| r.is_tokutei_shikkan()) {
                continue;
            }
            let (code, name) = (&item.code, &row.name);
            let (ja, en) = if rows.is_empty() {
                (
                    "主病が指定されていません".to_string(),
                    "no disease is marked 主病".to_string(),
                )
            } else {
                let list = rows
                    .iter()
                    .map(|r| {
                        format!(
                            "{} {} (特定疾患等対象区分 {:02})",
                            r.code, r.name, r.specific_disease
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(", ");
                (
                    format!("主病 {list} は特定疾患療養管理料の対象疾患ではありません"),
                    format!("the 主病 {list} is not a 特定疾患 (05 / 08)"),
                )
            };
            ctx.push(
                "E-BYOMEI-001",
                CheckSeverity::Error,
                (Some(i), Some(j), None),
                format!("{code} {name} は特定疾患を主病とする患者に算定します: {ja}"),
                format!("{code} {name} needs a 主病 that is a 特定疾患: {en}"),
                format!(
                    "s master {code} 項番25 傷病名関連区分 5; b master 項番21 特定疾患等対象区分 05/08"
                ),
            );
        }
    }
}

/// W-BYOMEI-002: a 疑い病名 kept [`SUSPECTED_MONTHS`] calendar months or more.
fn suspected(ctx: &mut Ctx<'_>) {
    let now = ctx.year * 12 + ctx.month as i32;
    for (i, disease) in ctx.req.diseases.iter().enumerate() {
        if !disease.modifiers.iter().any(|m| m == SUSPECTED) {
            continue;
        }
        let Some(start) = disease.start_date.as_deref().and_then(parse_iso) else {
            continue;
        };
        let months = now - (start.year() * 12 + start.month() as i32);
        if months < SUSPECTED_MONTHS {
            continue;
        }
        let code = &disease.code;
        ctx.push(
            "W-BYOMEI-002",
            CheckSeverity::Warning,
            (None, None, None),
            format!(
                "疑い病名 {code} (傷病名 {}) は診療開始日 {start} から{months}か月経過しています: 確定又は中止を確認してください (目安 {SUSPECTED_MONTHS}か月)",
                i + 1
            ),
            format!(
                "suspected disease {code} (disease {}) started {start}, {months} months ago: confirm or close it (limit {SUSPECTED_MONTHS} months)",
                i + 1
            ),
            format!("z master {SUSPECTED} の疑い; 疑い病名の期間 {SUSPECTED_MONTHS}か月 (santei の目安、通知なし)"),
        );
    }
}
