//! 第6部 注射: the rules that look at a visit's 注射 together — 点滴注射 by the day's 注射量 and the
//! patient's age (G004), one 手技料 when 静脈内注射・点滴注射・中心静脈注射 are combined on a day (通知 通則8),
//! 精密持続点滴注射加算 (通則4). Runs after the orders are resolved; the lines are sorted by 診療識別
//! after it.
//!
//! **注射量 of G004.** The 注射量 of a day is the total of the drugs given by 点滴 that day (通知 G004
//! (2): with 管注 the drugs injected through the drip line count too; two drips a day add up). santei
//! counts the `drugs` listed under the visit's G004 orders: each drug's 注射容量 (医薬品マスター column
//! 21, mL per 単位) × its `quantity` (in the drug's 単位: 袋, 瓶, 管 …); a drug whose 単位 is mL counts
//! its `quantity` as mL. The master gives 注射容量 only for 注射薬 of 20mL or more (当分の間, マスター
//! ファイル仕様説明書 項番21), so a drug without it is taken as less than 20mL per 単位: when that
//! uncertainty decides between two codes, the check is not made and a warning says why.
//!
//! **G020 無菌製剤処理料.** The clerk orders the 号 (1 イ / 1 ロ / 2); its 施設基準 (727) is checked with
//! every code's when `facility.standards` is given. This pass checks the 注射 it goes with (G020 注1 and
//! 特掲診療料の施設基準等 第八 三(2) 対象患者) and 1日につき. Whether the drug is a 悪性腫瘍に対して
//! 用いる薬剤であって細胞毒性を有するもの (号 1) is not in the masters and is not checked.
//!
//! **Not done here.** The conditions of 精密持続点滴注射 (自動輸液ポンプ, 1時間に30mL以下, the drugs given to patients of
//! 1歳以上) are not in the request either.

use super::common::{check_data_date, order_path, row_of, single_code, warning};
use super::drug::parse_quantity;
use super::Calc;
use crate::masters::procedure::KokujiKind;
use crate::masters::{Lookup, ProcedureRow};
use rust_decimal::Decimal;

/// 施行日 of the 告示 and 通知 the rules below were written from (令和6年厚生労働省告示第57号 別表第一
/// 第2章第6部; 令和6年3月5日保医発0305第4号 別添1 第2章第6部).
const RULES_FROM: u32 = 20240601;

/// G004 点滴注射（1日につき） (令和6: 1 105点, 2 102点, 3 53点): the code of each 号.
struct Drip {
    code: &'static str,
    /// The 号 of G004 and what it is for.
    kokuji: &'static str,
}

/// G004 1 ６歳未満の乳幼児に対するもの（１日分の注射量が100mL以上の場合）
const DRIP_INFANT: Drip = Drip {
    code: "130003710",
    kokuji: "G004 1 (6歳未満の乳幼児, 1日分の注射量が100mL以上)",
};
/// G004 2 １に掲げる者以外の者に対するもの（１日分の注射量が500mL以上の場合）
const DRIP_STANDARD: Drip = Drip {
    code: "130003810",
    kokuji: "G004 2 (6歳以上, 1日分の注射量が500mL以上)",
};
/// G004 3 その他の場合（入院中の患者以外の患者に限る。）
const DRIP_OTHER: Drip = Drip {
    code: "130009310",
    kokuji: "G004 3 その他の場合 (入院外)",
};

const DRIPS: [&Drip; 3] = [&DRIP_INFANT, &DRIP_STANDARD, &DRIP_OTHER];

/// G004 1 / 2: the 1日分の注射量 (mL) from which the 号 applies, for 6歳未満 and for the others.
const INFANT_ML: i64 = 100;
const STANDARD_ML: i64 = 500;

/// 医薬品マスター 項番21 注射容量 is set 当分の間 for 注射薬 of 20mL or more only.
const VOLUME_LISTED_FROM_ML: i64 = 20;

/// 第6部 通則4 精密持続点滴注射加算（1日につき80点）.
const PRECISION_DRIP: &str = "130000210";

/// 通知 第6部 通則8: 区分番号 G001 静脈内注射, G004 点滴注射, G005 中心静脈注射, G006 植込型カテーテル
/// による中心静脈注射 のうち2以上を同一日に併せて行った場合は、主たるものの所定点数のみ算定する.
const ONE_A_DAY_KUBUN: [&str; 4] = ["G001", "G004", "G005", "G006"];

/// G020 無菌製剤処理料 (令和6: 1 イ 180点, 1 ロ 45点, 2 40点; 1日につき): the code of each 号.
struct Aseptic {
    code: &'static str,
    kokuji: &'static str,
    /// The 注射 (区分番号) the 号 goes with for a patient 入院中の患者以外 (G020 注1; 施設基準等 第八 三(2)).
    with: &'static [&'static str],
    with_text: &'static str,
}

/// 施設基準等 第八 三(2)イ: 無菌製剤処理料1 — 皮内・皮下・筋肉内注射 (G000), 動脈注射 (G002), 抗悪性腫瘍剤
/// 局所持続注入 (G003), 肝動脈塞栓を伴う抗悪性腫瘍剤肝動脈内注入 (G003-3), 点滴注射 (G004), 脳脊髄腔注射 (G009).
const ASEPTIC_1_WITH: &[&str] = &["G000", "G002", "G003", "G003-3", "G004", "G009"];
const ASEPTIC_1_TEXT: &str = "G000 皮内・皮下・筋肉内注射, G002 動脈注射, G003 抗悪性腫瘍剤局所持続注入, G003-3 肝動脈塞栓を伴う抗悪性腫瘍剤肝動脈内注入, G004 点滴注射 or G009 脳脊髄腔注射";

const ASEPTIC: [Aseptic; 3] = [
    // G020 1 イ 閉鎖式接続器具を使用した場合
    Aseptic {
        code: "130013410",
        kokuji: "G020 1 イ",
        with: ASEPTIC_1_WITH,
        with_text: ASEPTIC_1_TEXT,
    },
    // G020 1 ロ イ以外の場合
    Aseptic {
        code: "130011070",
        kokuji: "G020 1 ロ",
        with: ASEPTIC_1_WITH,
        with_text: ASEPTIC_1_TEXT,
    },
    // G020 2 (1以外のもの): 施設基準等 第八 三(2)ロ — 動脈注射・点滴注射 only for 入院中の患者 (①–③),
    // so outside the hospital 中心静脈注射 (G005) or 植込型カテーテルによる中心静脈注射 (G006)
    Aseptic {
        code: "130008270",
        kokuji: "G020 2",
        with: &["G005", "G006"],
        with_text: "G005 中心静脈注射 or G006 植込型カテーテルによる中心静脈注射 (動脈注射・点滴注射 qualify for 無菌製剤処理料2 only 入院中)",
    },
];

/// Applies the 注射 rules to the visit's lines.
pub(crate) fn apply(calc: &mut Calc<'_>) {
    // G020 looks at the 注射 ordered, before 通則8 takes a 手技料 out (通知 第1節 通則: 注射実施料が
    // 算定できない場合であっても、無菌製剤処理料を算定できる)
    aseptic(calc);
    main_injection_only(calc);
    drip_volume(calc);
    precision_drip(calc);
}

/// G020 無菌製剤処理料: 注1 — with the 注射 of its 号 done that day, 1日につき (one 号 a day).
fn aseptic(calc: &mut Calc<'_>) {
    let lines: Vec<(usize, &Aseptic)> = calc
        .lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| {
            let code = single_code(l)?;
            ASEPTIC.iter().find(|a| a.code == code).map(|a| (i, a))
        })
        .collect();
    if lines.is_empty() {
        return;
    }
    check_data_date(calc, RULES_FROM, "G020 無菌製剤処理料");
    // the 区分番号 of the 注射 (base items) ordered at this visit, whether or not their 手技料 is billed
    let ordered: Vec<String> = calc
        .req
        .orders
        .iter()
        .filter_map(|o| row_of(calc, &o.code))
        .filter(|r| is_base(r))
        .map(|r| r.kubun.clone())
        .collect();
    let mut dropped = vec![false; calc.lines.len()];
    let mut kept: Option<(usize, &Aseptic)> = None;
    for &(i, a) in &lines {
        let name = calc.lines[i].items[0].name.clone();
        let path = order_path(calc, a.code);
        // G020 注1: 「…を行う際に」 — the 注射 of the 号 that day
        if !ordered.iter().any(|k| a.with.contains(&k.as_str())) {
            calc.finding(
                "ASEPTIC_WITHOUT_INJECTION",
                &path,
                format!(
                    "{} {name} ({}) is billed with a {} done the same day (G020 注1); none is ordered at this visit",
                    a.code, a.kokuji, a.with_text
                ),
            );
            dropped[i] = true;
            continue;
        }
        match kept {
            None => {
                kept = Some((i, a));
                if calc.lines[i].count > 1 {
                    warning(
                        calc,
                        "ASEPTIC_ONCE_A_DAY",
                        &path,
                        format!(
                            "{} {name} is 1日につき (G020 注1): ordered {} times, billed once",
                            a.code, calc.lines[i].count
                        ),
                    );
                    let line = &mut calc.lines[i];
                    line.count = 1;
                    line.total = line.points;
                }
            }
            // G020 注1: 当該患者に係る区分に従い1日につき — one 号, once a day
            Some((_, first)) if first.code == a.code => {
                warning(
                    calc,
                    "ASEPTIC_ONCE_A_DAY",
                    &path,
                    format!(
                        "{} {name} is 1日につき (G020 注1): ordered again, billed once",
                        a.code
                    ),
                );
                dropped[i] = true;
            }
            Some((_, first)) => {
                calc.finding(
                    "ASEPTIC_ONCE_A_DAY",
                    &path,
                    format!(
                        "{} {name} ({}) and {} ({}) on the same day: 無菌製剤処理料 is billed once a day by the 区分 of the patient (G020 注1: 当該患者に係る区分に従い1日につき); {} is billed, {} is not",
                        a.code, a.kokuji, first.code, first.kokuji, first.code, a.code
                    ),
                );
                dropped[i] = true;
            }
        }
    }
    if calc.req.trace {
        if let Some((i, a)) = kept {
            calc.lines[i].trace.push(format!(
                "{} 無菌製剤処理料 1日につき, with a {} of the day (G020 注1; 施設基準 checked with `facility.standards`; 悪性腫瘍に対して用いる細胞毒性を有する薬剤 not checked)",
                a.kokuji, a.with_text
            ));
        }
    }
    let mut i = 0;
    calc.lines.retain(|_| {
        i += 1;
        !dropped[i - 1]
    });
}

/// A base item (基本・合成・準用項目), not a 加算: 告示等識別区分（1）（2） neither 7 加算項目 nor 9 通則加算
/// (精密持続点滴注射加算 and 生物学的製剤注射加算 are 1 / 7: 区分番号 G000 but 加算).
fn is_base(row: &ProcedureRow) -> bool {
    let addon = |k: KokujiKind| matches!(k, KokujiKind::Addon | KokujiKind::GeneralAddon);
    !addon(row.kokuji1) && !addon(row.kokuji2)
}

/// The lines of the 年齢加算 (乳幼児加算) the orders pass added right after the base line `i`.
fn age_addon_lines(calc: &Calc<'_>, i: usize, row: &ProcedureRow) -> Vec<usize> {
    let count = calc.lines[i].count;
    let mut out = Vec::new();
    for (j, line) in calc.lines.iter().enumerate().skip(i + 1) {
        match single_code(line) {
            Some(code) if line.count == count && row.age_addons.iter().any(|a| a.code == code) => {
                out.push(j);
            }
            _ => break,
        }
    }
    out
}

/// 通知 第6部 通則8: of G001 / G004 / G005 / G006 done on the same day only the 主たるもの (the highest
/// 所定点数, its 乳幼児加算 included) is billed; the others' 手技料 and 乳幼児加算 lines are removed, their
/// 薬剤料 stays.
fn main_injection_only(calc: &mut Calc<'_>) {
    // (line, its 年齢加算 lines, 区分番号, 所定点数 per 回)
    let mut found: Vec<(usize, Vec<usize>, String, i64)> = Vec::new();
    for (i, line) in calc.lines.iter().enumerate() {
        let Some(row) = single_code(line).and_then(|c| row_of(calc, c)) else {
            continue;
        };
        if !is_base(row) || !ONE_A_DAY_KUBUN.contains(&row.kubun.as_str()) {
            continue;
        }
        let addons = age_addon_lines(calc, i, row);
        let points = line.points + addons.iter().map(|&j| calc.lines[j].points).sum::<i64>();
        found.push((i, addons, row.kubun.clone(), points));
    }
    let mut kubun: Vec<&str> = found.iter().map(|f| f.2.as_str()).collect();
    kubun.sort_unstable();
    kubun.dedup();
    if kubun.len() < 2 {
        return;
    }
    check_data_date(calc, RULES_FROM, "通知 第6部 通則8");
    // the first of the highest wins
    let main = found
        .iter()
        .enumerate()
        .max_by_key(|(k, f)| (f.3, std::cmp::Reverse(*k)))
        .map(|(k, _)| k)
        .unwrap_or(0);
    let (main_line, _, main_kubun, main_points) = found[main].clone();
    let main_item = calc.lines[main_line].items[0].clone();
    let mut dropped = vec![false; calc.lines.len()];
    for (k, (i, addons, kb, points)) in found.iter().enumerate() {
        if k == main || kb == &main_kubun {
            continue;
        }
        let item = calc.lines[*i].items[0].clone();
        let path = order_path(calc, &item.code);
        warning(
            calc,
            "INJECTION_MAIN_ONLY",
            &path,
            format!(
                "通知 第6部 通則8: {kb} {} ({points}点) and {main_kubun} {} ({main_points}点) on the same day — only the 主たるもの, {}, is billed; the 薬剤料 stays",
                item.name, main_item.name, main_item.code
            ),
        );
        dropped[*i] = true;
        for &j in addons {
            dropped[j] = true;
        }
    }
    if calc.req.trace {
        let dropped_codes: Vec<String> = found
            .iter()
            .filter(|f| dropped[f.0])
            .map(|f| calc.lines[f.0].items[0].code.clone())
            .collect();
        if !dropped_codes.is_empty() {
            calc.lines[main_line].trace.push(format!(
                "通知 第6部 通則8: the 主たるもの of {} on the day ({main_points}点); {} not billed",
                kubun.join(", "),
                dropped_codes.join(", ")
            ));
        }
    }
    let mut i = 0;
    calc.lines.retain(|_| {
        i += 1;
        !dropped[i - 1]
    });
}

/// The day's 注射量 of the G004 orders: what is known, and how many 単位 of drugs without a volume
/// (each less than 20mL) may add to it.
struct Volume {
    known_ml: Decimal,
    unlisted_units: Decimal,
    unlisted: Vec<String>,
    /// Each drug's part, for the trace.
    parts: Vec<String>,
    /// A drug could not be looked up (its finding is already there).
    incomplete: bool,
}

fn day_volume(calc: &Calc<'_>) -> Volume {
    let mut v = Volume {
        known_ml: Decimal::ZERO,
        unlisted_units: Decimal::ZERO,
        unlisted: Vec::new(),
        parts: Vec::new(),
        incomplete: false,
    };
    for order in calc.req.orders.iter() {
        if !DRIPS.iter().any(|d| d.code == order.code) {
            continue;
        }
        let times = Decimal::from(order.count.unwrap_or(1));
        for drug in &order.drugs {
            let row = match calc.ctx.generation.drugs.get(&drug.code, calc.ctx.date) {
                Lookup::Valid(r) | Lookup::NotYet(r) => r,
                Lookup::Abolished(_) | Lookup::Unknown => {
                    v.incomplete = true;
                    continue;
                }
            };
            let Some(qty) = parse_quantity(&drug.quantity) else {
                v.incomplete = true;
                continue;
            };
            let qty = qty * times;
            let unit_is_ml = matches!(row.unit.as_str(), "ｍＬ" | "mL" | "ml");
            if row.injection_volume > 0 {
                let ml = Decimal::from(row.injection_volume) * qty;
                v.known_ml += ml;
                v.parts.push(format!(
                    "{} {}: 注射容量 {}mL × {}{} = {}mL",
                    row.code,
                    row.name,
                    row.injection_volume,
                    qty.normalize(),
                    row.unit,
                    ml.normalize()
                ));
            } else if unit_is_ml {
                v.known_ml += qty;
                v.parts
                    .push(format!("{} {}: {}mL", row.code, row.name, qty.normalize()));
            } else {
                v.unlisted_units += qty;
                v.unlisted.push(format!("{} {}", row.code, row.name));
                v.parts.push(format!(
                    "{} {}: no 注射容量 (less than {VOLUME_LISTED_FROM_ML}mL per {}) × {}",
                    row.code,
                    row.name,
                    row.unit,
                    qty.normalize()
                ));
            }
        }
    }
    v
}

/// G004: the 号 follows the patient's age and the day's 注射量 (通知 G004 (1)(2)); an ordered code that
/// does not fit is an error naming the right one. 点滴注射 is 1日につき.
fn drip_volume(calc: &mut Calc<'_>) {
    let drips: Vec<usize> = calc
        .lines
        .iter()
        .enumerate()
        .filter(|(_, l)| single_code(l).is_some_and(|c| DRIPS.iter().any(|d| d.code == c)))
        .map(|(i, _)| i)
        .collect();
    if drips.is_empty() {
        return;
    }
    check_data_date(calc, RULES_FROM, "G004 点滴注射");
    let times: u32 = drips.iter().map(|&i| calc.lines[i].count).sum();
    if times > 1 {
        let code = calc.lines[drips[0]].items[0].code.clone();
        let path = order_path(calc, &code);
        calc.finding(
            "DRIP_ONCE_A_DAY",
            &path,
            format!("G004 点滴注射 is billed once a day (1日につき), ordered {times} times: list every drug of the day's 点滴 under one order — its 注射量 is the day's total (通知 G004 (2))"),
        );
    }
    let volume = day_volume(calc);
    if volume.incomplete {
        return; // a drug is unknown or its quantity invalid; its finding says so
    }
    let infant = calc.ctx.age < 6;
    let (threshold, high) = if infant {
        (INFANT_ML, &DRIP_INFANT)
    } else {
        (STANDARD_ML, &DRIP_STANDARD)
    };
    let threshold_ml = Decimal::from(threshold);
    let ceiling = volume.known_ml + volume.unlisted_units * Decimal::from(VOLUME_LISTED_FROM_ML);
    let age = calc.ctx.age;
    let who = if infant {
        "6歳未満の乳幼児"
    } else {
        "6歳以上"
    };
    let known = volume.known_ml.normalize();
    let (right, how) = if volume.known_ml >= threshold_ml {
        let at_least = if volume.unlisted.is_empty() {
            ""
        } else {
            " at least"
        };
        (high, format!("{at_least} {known}mL ≥ {threshold}mL"))
    } else if ceiling <= threshold_ml {
        let how = if volume.unlisted.is_empty() {
            format!(" {known}mL < {threshold}mL")
        } else {
            format!(
                " less than {}mL (known {known}mL + under {VOLUME_LISTED_FROM_ML}mL per 単位 of {}) ≤ {threshold}mL",
                ceiling.normalize(),
                volume.unlisted.join(", ")
            )
        };
        (&DRIP_OTHER, how)
    } else {
        let code = calc.lines[drips[0]].items[0].code.clone();
        let path = order_path(calc, &code);
        warning(
            calc,
            "DRIP_VOLUME_UNKNOWN",
            &path,
            format!(
                "G004 点滴注射: the day's 注射量 is {known}mL plus {} without 注射容量 in the 医薬品マスター (each under {VOLUME_LISTED_FROM_ML}mL per 単位): whether it reaches {threshold}mL cannot be told; the ordered code is not checked",
                volume.unlisted.join(", ")
            ),
        );
        return;
    };
    for &i in &drips {
        let code = calc.lines[i].items[0].code.clone();
        let name = calc.lines[i].items[0].name.clone();
        if calc.req.trace {
            let mut notes: Vec<String> = volume
                .parts
                .iter()
                .map(|p| format!("注射量 (医薬品マスター): {p}"))
                .collect();
            notes.push(format!(
                "通知 G004 (1)(2): 1日分の注射量{how}, patient aged {age} ({who}) → {} {}",
                right.code, right.kokuji
            ));
            calc.lines[i].trace.extend(notes);
        }
        if code != right.code {
            let right_name = row_of(calc, right.code).map_or(String::new(), |r| r.name.clone());
            let ordered = DRIPS
                .iter()
                .find(|d| d.code == code)
                .map_or("", |d| d.kokuji);
            let path = order_path(calc, &code);
            calc.finding(
                "DRIP_CODE_MISMATCH",
                &path,
                format!(
                    "{code} {name} is {ordered}; the day's 注射量 is{how} for a patient aged {age} ({who}): bill {} {right_name} ({}) (通知 G004 (1))",
                    right.code, right.kokuji
                ),
            );
        }
    }
}

/// 第6部 通則4 精密持続点滴注射加算: 1日につき, with a 注射 of the day.
fn precision_drip(calc: &mut Calc<'_>) {
    let lines: Vec<usize> = calc
        .lines
        .iter()
        .enumerate()
        .filter(|(_, l)| single_code(l) == Some(PRECISION_DRIP))
        .map(|(i, _)| i)
        .collect();
    if lines.is_empty() {
        return;
    }
    check_data_date(calc, RULES_FROM, "第6部 通則4 精密持続点滴注射加算");
    let path = order_path(calc, PRECISION_DRIP);
    let name = calc.lines[lines[0]].items[0].name.clone();
    // a 注射実施料 (G000–G018) at the visit: the 加算 is added to a 注射
    let injection = calc.lines.iter().any(|l| {
        single_code(l)
            .and_then(|c| row_of(calc, c))
            .is_some_and(|r| is_base(r) && is_injection_fee(&r.kubun))
    });
    let mut dropped = vec![false; calc.lines.len()];
    if !injection {
        calc.finding(
            "ADDON_WITHOUT_BASE",
            &path,
            format!("{PRECISION_DRIP} {name} (第6部 通則4) is added to a 注射 of the day; no 注射実施料 (G000–G018) is billed at this visit"),
        );
        for &i in &lines {
            dropped[i] = true;
        }
    } else {
        let times: u32 = lines.iter().map(|&i| calc.lines[i].count).sum();
        if times > 1 {
            warning(
                calc,
                "PRECISION_DRIP_ONCE_A_DAY",
                &path,
                format!("{PRECISION_DRIP} {name} is 1日につき (第6部 通則4): ordered {times} times, billed once"),
            );
            let first = &mut calc.lines[lines[0]];
            first.count = 1;
            first.total = first.points;
            for &i in &lines[1..] {
                dropped[i] = true;
            }
        }
        if calc.req.trace {
            calc.lines[lines[0]].trace.push(
                "第6部 通則4: 1日につき80点, with a 注射実施料 of the day (通知: 自動輸液ポンプ, 1時間に30mL以下; 1歳以上 only for drugs to be given slowly — not checked)".to_string(),
            );
        }
    }
    let mut i = 0;
    calc.lines.retain(|_| {
        i += 1;
        !dropped[i - 1]
    });
}

/// 区分番号 G000–G018 (第1節 第1款 注射実施料).
fn is_injection_fee(kubun: &str) -> bool {
    let Some(rest) = kubun.strip_prefix('G') else {
        return false;
    };
    let num: String = rest.chars().take_while(char::is_ascii_digit).collect();
    num.len() == 3 && num.parse::<u32>().is_ok_and(|n| n <= 18)
}

#[cfg(test)]
mod tests {
    use super::is_injection_fee;

    #[test]
    fn injection_fee_kubun() {
        for k in ["G000", "G001", "G004", "G005-2", "G018"] {
            assert!(is_injection_fee(k), "{k}");
        }
        for k in ["G020", "G100", "J000", "", "G"] {
            assert!(!is_injection_fee(k), "{k}");
        }
    }
}
