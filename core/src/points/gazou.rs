//! 第4部 画像診断: the rules that look at one imaging study (一連の撮影) as a whole — 写真診断 and
//! 撮影 of 2枚以上 (第1節 通則3), the 撮影's 新生児・乳幼児・幼児加算, 電子画像管理加算 instead of
//! フィルム, フィルム料 (E400, 6歳未満 1.1倍), CT/MRI of the month (第3節 通則2 2回目以降 100分の80,
//! E203 月1回), 画像診断管理加算1–4 (通則4・5: on the E001 / E102 / E203 of the visit, 月1回 each).
//! Runs after the orders and the prescription are resolved; the lines are sorted by 診療識別 after it.
//!
//! **How a request expresses a study.** The orders of one study are listed together, each `count` 1:
//! - エックス線 (第1節): the 写真診断 (E001) and the 撮影 (E002) of the same kind (単純・特殊・造影剤
//!   使用・乳房). The 枚数 is the `quantity` of both (their データ規格 is 枚: 単純撮影 and 造影剤使用撮影
//!   are priced by the master's きざみ値, which is 通則3 — 2〜5枚目 100分の50, 6枚目以後 none;
//!   特殊撮影 and 乳房撮影 are 一連につき and take no quantity). Then its 加算: 電子画像管理加算 of
//!   that kind, the 撮影's 注加算, E003 造影剤注入手技.
//! - CT/MRI (第3節): one E200/E201/E202 撮影 order per 一連, optionally E203 コンピューター断層診断
//!   (the engine adds it when neither the month so far nor this visit has it), 電子画像管理加算
//!   (コンピューター断層診断料), the 撮影's 注加算 (造影剤使用加算 …).
//! - フィルム (E400) and other 特定保険医療材料 (E401) are the `materials`, 薬剤 (E300, 造影剤) the
//!   `drugs`, of any order of the study (フィルム `quantity` = 枚). A 6歳未満 胸部・腹部 単純撮影
//!   asks for E400 注1 by listing 799990070 フィルム料（乳幼児）加算 among the `materials`.
//!
//! A study becomes one line in 点数欄 70 (one 算定単位, `count` 1): its items in order (with the
//! 加算 the engine adds after the 撮影), its points the sum of the parts each rounded on its own
//! (1点未満四捨五入): 写真診断料, 撮影料 (with its %加算 and 注加算), フィルム料, the fixed 加算, 薬剤料.
//! A 写真診断 or 撮影 that does not fit the study in progress starts the next one. Section-70 orders
//! that are not part of a study (透視診断, 核医学, 他医撮影の写真診断, 時間外緊急院内画像診断加算 …)
//! keep their own lines.
//!
//! What the master says is read from the master: points and きざみ値, the 年齢加算 rows and their
//! percentages (点数識別 5), the 2回目以降 減算 percentage (点数識別 6), the フィルム 別表番号 and the
//! 乳幼児 フィルム percentage (金額種別 5). Which code is which kind of 写真診断 / 撮影 / 電子画像管理加算
//! is kept below as rule data (the master's 項番, column 94, is not read yet).

use super::common::{
    describe_facility, earlier, facility_problem, order_path, refuse, row_of, single_code, warning,
};
use super::drug::parse_quantity;
use super::kizami::{kizami_points, KizamiPoints};
use super::{material_points, Calc};
use crate::date::{ymd_display, ymd_number};
use crate::masters::procedure::{KokujiKind, LimitHandling, PointsKind};
use crate::masters::{Lookup, MaterialRow, ProcedureRow};
use crate::model::{Finding, Line, LineItem, Severity};
use rust_decimal::{Decimal, RoundingStrategy};

/// 施行日 of the 告示 the rules below were written from (令和6年厚生労働省告示第57号 別表第一 第2章第4部).
const RULES_FROM: u32 = 20240601;

/// The four methods of エックス線撮影 (E001 / E002 の 1–4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Simple,
    Special,
    Contrast,
    Mammo,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Simple => "単純撮影",
            Kind::Special => "特殊撮影",
            Kind::Contrast => "造影剤使用撮影",
            Kind::Mammo => "乳房撮影",
        }
    }
}

/// E001 写真診断 (令和6: 1 単純撮影 イ 85点 / ロ 43点, 2 特殊撮影 96点, 3 造影剤使用撮影 72点, 4 乳房撮影 306点).
const DIAGNOSES: &[(&str, Kind)] = &[
    ("170000410", Kind::Simple),   // 1 イ 頭部、胸部、腹部又は脊椎
    ("170000510", Kind::Simple),   // 1 ロ その他
    ("170000610", Kind::Special),  // 2
    ("170000810", Kind::Contrast), // 3
    ("170026910", Kind::Mammo),    // 4
];

/// E001 1 ロ その他: not 頭部・胸部・腹部・脊椎, so never the 胸部・腹部 of E400 注1.
const DIAGNOSIS_OTHER: &str = "170000510";

/// E002 撮影 イ アナログ / ロ デジタル (令和6: 1 単純 60/68点, 2 特殊 260/270点, 3 造影剤使用 144/154点,
/// 4 乳房 192/202点).
const SHOTS: &[(&str, Kind)] = &[
    ("170001910", Kind::Simple),
    ("170027910", Kind::Simple),
    ("170002010", Kind::Special),
    ("170028010", Kind::Special),
    ("170002110", Kind::Contrast),
    ("170028110", Kind::Contrast),
    ("170027010", Kind::Mammo),
    ("170028210", Kind::Mammo),
];

/// 第1節 通則4 電子画像管理加算: イ 単純撮影 57点, ロ 特殊撮影 58点, ハ 造影剤使用撮影 66点, ニ 乳房撮影 54点
/// (一連の撮影について; フィルムの費用は算定できない).
const XRAY_ELECTRONIC: &[(&str, Kind)] = &[
    ("170000210", Kind::Simple),
    ("170016910", Kind::Special),
    ("170017010", Kind::Contrast),
    ("170026710", Kind::Mammo),
];

/// 第3節 通則3 電子画像管理加算 120点 (一連の撮影について1回; フィルムの費用は算定できない).
const CT_ELECTRONIC: &str = "170028810";

/// E203 コンピューター断層診断 450点 (注: 種類又は回数にかかわらず月1回).
const CT_DIAGNOSIS: &str = "170015410";

/// 第3節 通則1: the コンピューター断層撮影 区分 whose 撮影 is billed with E203 (E200-2 is 入院 only).
const CT_KUBUN: &[&str] = &["E200", "E201", "E202"];

/// 第3節 通則2: CT撮影 (E200) and MRI撮影 (E202) count toward 同一月の2回目以降.
const CT_SECOND_KUBUN: &[&str] = &["E200", "E202"];

/// 第3節 通則2 ２回目以降減算（ＣＴ、ＭＲＩ）: 点数識別 6 (%減算) 20.00 → 所定点数の100分の80.
const CT_SECOND: &str = "170022290";

/// E400 注1 フィルム料（乳幼児）加算 (特定器材, 金額種別 5 %加算 10.00 → 材料価格 × 1.1).
const FILM_INFANT: &str = "799990070";

/// The orders pass leaves a 撮影's %加算 年齢加算 to this pass (it prices them with the study).
pub(crate) fn prices_percent_age_addon(base: &ProcedureRow) -> bool {
    super::section_of(base.section_outpatient) == Some("70")
}

/// The orders pass leaves フィルム料（乳幼児）加算 (特定器材 金額種別 5) to this pass.
pub(crate) fn prices_material(code: &str) -> bool {
    code == FILM_INFANT
}

/// 材料価格基準 別表 Ⅲ (フィルム): 特定器材マスター 別表番号 3.
const FILM_TABLE: u32 = 3;

/// The 画像診断 a 画像診断管理加算 is added to (第4部 通則4・5: E001又はE004, E102, E203 のそれぞれについて
/// 月1回).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    /// E001 写真診断 (or E004 基本的エックス線診断料, 入院中の患者 only)
    Xray,
    /// E004 基本的エックス線診断料
    Basic,
    /// E102 核医学診断
    Nuclear,
    /// E203 コンピューター断層診断
    Ct,
}

impl Reading {
    /// 区分番号 of the base item.
    fn kubun(self) -> &'static str {
        match self {
            Reading::Xray => "E001",
            Reading::Basic => "E004",
            Reading::Nuclear => "E102",
            Reading::Ct => "E203",
        }
    }

    fn name(self) -> &'static str {
        match self {
            Reading::Xray => "E001 写真診断",
            Reading::Basic => "E004 基本的エックス線診断料 (入院中の患者)",
            Reading::Nuclear => "E102 核医学診断",
            Reading::Ct => "E203 コンピューター断層診断",
        }
    }

    /// 通則4: E001 and E004 share one 月1回.
    fn month_group(self) -> Reading {
        match self {
            Reading::Basic => Reading::Xray,
            r => r,
        }
    }
}

/// 画像診断管理加算 (令和6: 1 70点 — 通則4; 2 175点, 3 235点, 4 340点 — 通則5, E102 and E203 only): the
/// code, its number and the 画像診断 it is added to. 施設基準 (master columns 72–81) are checked with
/// every code's; 加算2–4 are 病院 only (病院・診療所区分 1).
const MANAGEMENT: &[(&str, u8, Reading)] = &[
    ("170025210", 1, Reading::Xray),    // 通則4 加算1 (写真診断)
    ("170025310", 1, Reading::Basic),   // 通則4 加算1 (基本的エックス線診断)
    ("170025410", 1, Reading::Nuclear), // 通則4 加算1 (核医学診断)
    ("170025510", 1, Reading::Ct),      // 通則4 加算1 (コンピューター断層診断)
    ("170025610", 2, Reading::Nuclear), // 通則5 加算2 (核医学診断)
    ("170025710", 2, Reading::Ct),      // 通則5 加算2 (コンピューター断層診断)
    ("170702310", 3, Reading::Nuclear), // 通則5 加算3 (核医学診断)
    ("170702410", 3, Reading::Ct),      // 通則5 加算3 (コンピューター断層診断)
    ("170035710", 4, Reading::Nuclear), // 通則5 加算4 (核医学診断)
    ("170035810", 4, Reading::Ct),      // 通則5 加算4 (コンピューター断層診断)
];

/// 遠隔画像診断による画像診断管理加算 (第4部 通則6): the 送信側 and 受信側 conditions are not in the
/// request.
const REMOTE_MANAGEMENT: &[&str] = &[
    "170025810",
    "170025910",
    "170026010",
    "170026110",
    "170026210",
    "170026310",
    "170035910",
    "170036010",
    "170702710",
    "170702810",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// E001 写真診断
    Diagnosis(Kind),
    /// E002 撮影
    Shot(Kind),
    /// E200 / E201 / E202 撮影 (検査等実施判断区分 1)
    CtShot,
    /// E203 コンピューター断層診断
    CtDiagnosis,
    /// 電子画像管理加算 (None: コンピューター断層診断料)
    Electronic(Option<Kind>),
    /// E003 造影剤注入手技
    Injection,
    /// a 注加算 of the study's 撮影 (告示等識別区分 7, same 注加算コード)
    Note,
}

/// One order of a study and the lines the orders pass made of it.
struct Member<'a> {
    order: usize,
    role: Role,
    row: &'a ProcedureRow,
    /// The order's 70 lines: its own, then (when billed) its 薬剤 line and its 材料 lines.
    lines: Vec<usize>,
    count: u32,
    /// 数量データ: the 枚数 of a 写真診断・撮影 priced by きざみ値
    quantity: Option<u64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Xray(Kind),
    Ct,
}

struct Study {
    family: Family,
    diagnosis: Option<usize>,
    shot: Option<usize>,
    electronic: Option<usize>,
    /// 注加算 and E003, in order
    others: Vec<usize>,
}

/// Applies the 画像診断 rules to the visit's lines.
pub(crate) fn apply(calc: &mut Calc<'_>) {
    let lines_of = order_lines(calc);
    if lines_of.iter().all(Vec::is_empty) {
        return;
    }
    let mut members: Vec<Member<'_>> = Vec::new();
    let mut studies: Vec<Study> = Vec::new();
    let mut drop = vec![false; calc.lines.len()];
    let req = calc.req;
    for (i, order) in req.orders.iter().enumerate() {
        let own = &lines_of[i];
        if own.is_empty() {
            continue;
        }
        let Some(row) = row_of(calc, &order.code) else {
            continue;
        };
        let path = format!("orders[{i}].code");
        if MANAGEMENT.iter().any(|m| m.0 == order.code) {
            continue; // checked once the studies are built (management)
        }
        if REMOTE_MANAGEMENT.contains(&order.code.as_str()) {
            calc.finding(
                "UNSUPPORTED_RULE",
                &path,
                format!("{} {}: 遠隔画像診断による画像診断管理加算 (第4部 通則6) needs the 送信側・受信側 conditions, which the request cannot express yet", row.code, row.name),
            );
            for &l in own {
                drop[l] = true;
            }
            continue;
        }
        let Some(role) = classify(row, studies.last()) else {
            continue;
        };
        let m = members.len();
        members.push(Member {
            order: i,
            role,
            row,
            lines: own.clone(),
            count: order.count.unwrap_or(1),
            quantity: order.quantity.as_deref().and_then(|q| q.parse().ok()),
        });
        if order.count.unwrap_or(1) != 1
            && matches!(role, Role::Diagnosis(_) | Role::Shot(_) | Role::CtShot)
        {
            calc.finding(
                "IMAGING_COUNT",
                &format!("orders[{i}].count"),
                format!(
                    "{} {}: one study's 写真診断・撮影 is ordered once (count 1); the 枚数 goes in `quantity` (データ規格 枚), and each further study is its own orders",
                    row.code, row.name
                ),
            );
        }
        let last = studies.last_mut();
        match role {
            Role::Diagnosis(kind) => match last {
                Some(s)
                    if s.family == Family::Xray(kind)
                        && s.diagnosis.is_none()
                        && s.shot.is_some() =>
                {
                    s.diagnosis = Some(m)
                }
                _ => studies.push(Study::new(Family::Xray(kind), Some(m), None)),
            },
            Role::Shot(kind) => match last {
                Some(s)
                    if s.family == Family::Xray(kind)
                        && s.shot.is_none()
                        && s.diagnosis.is_some() =>
                {
                    s.shot = Some(m)
                }
                _ => studies.push(Study::new(Family::Xray(kind), None, Some(m))),
            },
            Role::CtShot => match last {
                Some(s) if s.family == Family::Ct && s.shot.is_none() => s.shot = Some(m),
                _ => studies.push(Study::new(Family::Ct, None, Some(m))),
            },
            Role::CtDiagnosis => match last {
                Some(s) if s.family == Family::Ct && s.diagnosis.is_none() => s.diagnosis = Some(m),
                _ => studies.push(Study::new(Family::Ct, Some(m), None)),
            },
            Role::Electronic(kind) => {
                let fits = last.filter(|s| {
                    s.shot.is_some()
                        && match (s.family, kind) {
                            (Family::Xray(k), Some(e)) => k == e,
                            (Family::Ct, None) => true,
                            _ => false,
                        }
                });
                match fits {
                    Some(s) if s.electronic.is_none() => s.electronic = Some(m),
                    Some(_) => {
                        warning(
                            calc,
                            "ELECTRONIC_ADDON_ONCE",
                            &path,
                            format!("{} {} is added once per 一連の撮影 (第1節 通則4 / 第3節 通則3); ordered twice, billed once", row.code, row.name),
                        );
                        for &l in own {
                            drop[l] = true;
                        }
                    }
                    None => {
                        let what = match kind {
                            Some(k) => format!("an E002 {} (撮影)", k.name()),
                            None => "a CT/MRI 撮影 (E200–E202)".to_string(),
                        };
                        calc.finding(
                            "ELECTRONIC_ADDON_WITHOUT_SCAN",
                            &path,
                            format!("{} {} is added to {what} of the study it follows; list it after that 撮影 (第1節 通則4 / 第3節 通則3)", row.code, row.name),
                        );
                    }
                }
            }
            Role::Injection => match last {
                Some(s) => s.others.push(m),
                None => {
                    members.pop(); // 透視 etc.: keeps its own line
                }
            },
            Role::Note => match last {
                Some(s)
                    if s.shot
                        .is_some_and(|k| members[k].row.addon_code == row.addon_code) =>
                {
                    s.others.push(m)
                }
                _ => {
                    members.pop();
                }
            },
        }
    }
    if studies.is_empty() {
        remove_dropped(calc, &drop, Vec::new());
        management(calc);
        return;
    }
    check_rules_date(calc);
    let mut month = MonthState::from_earlier(calc);
    // E203 is added by the engine only when no study of the visit orders it (月1回)
    month.diagnosis_ordered = studies
        .iter()
        .any(|s| s.family == Family::Ct && s.diagnosis.is_some());
    let mut replace: Vec<(usize, Line)> = Vec::new();
    for study in &studies {
        let built = match study.family {
            Family::Xray(kind) => xray(calc, study, kind, &members),
            Family::Ct => ct(calc, study, &members, &mut month),
        };
        let Some(line) = built else {
            continue;
        };
        let mut lines: Vec<usize> = study
            .parts()
            .flat_map(|m| members[m].lines.iter().copied())
            .collect();
        lines.sort_unstable();
        for &l in &lines {
            drop[l] = true;
        }
        replace.push((lines[0], line));
    }
    remove_dropped(calc, &drop, replace);
    management(calc);
}

/// 第4部 通則4・5 画像診断管理加算: each on its own line, added to the 画像診断 (E001 / E004, E102, E203)
/// billed at this visit, 月1回 for each of them — 加算1 not when 加算2–4 is billed for the same one
/// (通則4 ただし書), so one 画像診断管理加算 a month per 画像診断. Runs on the lines the studies made.
fn management(calc: &mut Calc<'_>) {
    let found: Vec<(String, u8, Reading)> = calc
        .lines
        .iter()
        .filter_map(|l| {
            let code = single_code(l)?;
            MANAGEMENT
                .iter()
                .find(|m| m.0 == code)
                .map(|m| (m.0.to_string(), m.1, m.2))
        })
        .collect();
    if found.is_empty() {
        return;
    }
    check_rules_date(calc);
    // 画像診断管理加算 billed this month so far, per 画像診断 (通則4・5: それぞれについて月1回)
    let mut used: Vec<(Reading, u32)> = Vec::new();
    for m in MANAGEMENT {
        let n = earlier(calc, m.0);
        if n > 0 {
            add_used(&mut used, m.2.month_group(), n);
        }
    }
    for (code, level, reading) in found {
        let Some(row) = row_of(calc, &code) else {
            continue;
        };
        let name = row.name.clone();
        let rule = if level == 1 { "通則4" } else { "通則5" };
        // 通則5: 画像診断管理加算2–4 are for 病院 (施設基準 放射線科を標榜している病院; 病院・診療所区分 1)
        if let Some(what) = facility_problem(row, &calc.req.facility) {
            let facility = describe_facility(&calc.req.facility);
            refuse(
                calc,
                &[code.as_str()],
                "FACILITY_NOT_APPLICABLE",
                format!("{code} {name} is for {what}; the facility is {facility} (第4部 {rule})"),
            );
            continue;
        }
        // 月1回 for each 画像診断 (医科診療行為マスター 上限回数 / 上限回数エラー処理)
        let limit = if row.limit_count == 0 {
            1
        } else {
            row.limit_count
        };
        let group = reading.month_group();
        let before = used.iter().find(|u| u.0 == group).map_or(0, |u| u.1);
        let Some(i) = calc
            .lines
            .iter()
            .position(|l| single_code(l) == Some(code.as_str()))
        else {
            continue;
        };
        let count = calc.lines[i].count;
        let allowed = limit.saturating_sub(before);
        if count > allowed {
            let (fcode, severity) = match row.limit_handling {
                LimitHandling::Confirm => ("MONTHLY_LIMIT", Severity::Error),
                LimitHandling::Cap => ("MONTHLY_LIMIT_CAPPED", Severity::Warning),
            };
            let message = format!(
                "{code} {name}: 第4部 {rule}: 画像診断管理加算 is billed once a month for the {} (上限回数 {limit}, 上限回数エラー処理 {}; 通則4 ただし書: 加算1 not with 加算2–4); {before} already billed this month: {} not billed",
                reading.month_group().name(),
                row.limit_handling.code(),
                count - allowed
            );
            let path = order_path(calc, &code);
            calc.findings.push(Finding {
                code: fcode.to_string(),
                severity,
                path,
                message,
            });
            if allowed == 0 {
                calc.lines.remove(i);
                continue;
            }
            let line = &mut calc.lines[i];
            line.count = allowed;
            line.total = line.points * i64::from(allowed);
        }
        // 所定点数に加算: the 画像診断 itself is billed at this visit
        let base = calc.lines.iter().any(|l| {
            l.items.iter().any(|it| {
                row_of(calc, &it.code).is_some_and(|r| r.kubun == reading.kubun() && !is_addon(r))
            })
        });
        if !base {
            let why = if reading == Reading::Basic {
                " (E004 is for 入院中の患者)"
            } else {
                ""
            };
            refuse(
                calc,
                &[code.as_str()],
                "ADDON_WITHOUT_BASE",
                format!(
                    "{code} {name} is added to the {} of the visit (第4部 {rule}); none is billed at this visit{why}",
                    reading.name()
                ),
            );
            continue;
        }
        let billed_now = calc.lines[i].count;
        add_used(&mut used, group, billed_now);
        if calc.req.trace {
            calc.lines[i].trace.push(format!(
                "第4部 {rule} 画像診断管理加算{level}: added to the {} billed at this visit, 月1回 ({before} earlier this month); 施設基準 checked with `facility.standards`",
                reading.name()
            ));
        }
    }
}

fn add_used(used: &mut Vec<(Reading, u32)>, group: Reading, n: u32) {
    match used.iter_mut().find(|u| u.0 == group) {
        Some(u) => u.1 += n,
        None => used.push((group, n)),
    }
}

/// A 加算 row (告示等識別区分 7 加算項目 or 9 通則加算), not a 画像診断 itself.
fn is_addon(row: &ProcedureRow) -> bool {
    let addon = |k: KokujiKind| matches!(k, KokujiKind::Addon | KokujiKind::GeneralAddon);
    addon(row.kokuji1) || addon(row.kokuji2)
}

impl Study {
    fn new(family: Family, diagnosis: Option<usize>, shot: Option<usize>) -> Study {
        Study {
            family,
            diagnosis,
            shot,
            electronic: None,
            others: Vec::new(),
        }
    }

    /// The study's members in request order.
    fn parts(&self) -> impl Iterator<Item = usize> {
        let mut all: Vec<usize> = [self.diagnosis, self.shot, self.electronic]
            .into_iter()
            .flatten()
            .chain(self.others.iter().copied())
            .collect();
        all.sort_unstable();
        all.into_iter()
    }
}

/// What an order's row is in a study; `None` for the section-70 codes that keep their own line.
fn classify(row: &ProcedureRow, last: Option<&Study>) -> Option<Role> {
    let code = row.code.as_str();
    let find = |table: &[(&str, Kind)]| table.iter().find(|(c, _)| *c == code).map(|&(_, k)| k);
    if let Some(k) = find(DIAGNOSES) {
        return Some(Role::Diagnosis(k));
    }
    if let Some(k) = find(SHOTS) {
        return Some(Role::Shot(k));
    }
    if let Some(k) = find(XRAY_ELECTRONIC) {
        return Some(Role::Electronic(Some(k)));
    }
    if code == CT_ELECTRONIC {
        return Some(Role::Electronic(None));
    }
    if code == CT_DIAGNOSIS {
        return Some(Role::CtDiagnosis);
    }
    if is_scan(row, CT_KUBUN) {
        return Some(Role::CtShot);
    }
    if row.kubun == "E003" {
        return Some(Role::Injection);
    }
    let has_addon_code = !row.addon_code.is_empty() && row.addon_code.bytes().any(|b| b != b'0');
    if row.kokuji1 == KokujiKind::Addon && has_addon_code && last.is_some_and(|s| s.shot.is_some())
    {
        return Some(Role::Note);
    }
    None
}

/// A コンピューター断層撮影 of one of the 区分: its 実施料 row (検査等実施判断区分 1) with points — not
/// the %加算・減算 rows the master files under the same 区分 (２回目以降減算 is E200 実施料 too).
fn is_scan(row: &ProcedureRow, kubun: &[&str]) -> bool {
    kubun.contains(&row.kubun.as_str())
        && row.test_judgement == 1
        && row.points_kind == PointsKind::Points
}

/// The section-70 lines each order made, matched in order: the orders pass pushes an order's own
/// line, then its 年齢加算 lines, its 薬剤 line, its 材料 lines; the passes before this one add no
/// section-70 lines.
fn order_lines(calc: &Calc<'_>) -> Vec<Vec<usize>> {
    let seventy: Vec<usize> = calc
        .lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.section == "70")
        .map(|(i, _)| i)
        .collect();
    let single = |i: usize| match calc.lines[i].items.as_slice() {
        [item] => Some(item.code.as_str()),
        _ => None,
    };
    let orders = &calc.req.orders;
    let mut out = vec![Vec::new(); orders.len()];
    let mut k = 0;
    for (i, order) in orders.iter().enumerate() {
        let Some(&first) = seventy.get(k) else {
            break;
        };
        if single(first) != Some(order.code.as_str())
            || calc.lines[first].count != order.count.unwrap_or(1)
        {
            continue;
        }
        let mut own = vec![first];
        k += 1;
        let addons: Vec<&str> = row_of(calc, &order.code)
            .map(|r| r.age_addons.iter().map(|a| a.code.as_str()).collect())
            .unwrap_or_default();
        while let Some(&j) = seventy.get(k) {
            if !single(j).is_some_and(|c| addons.contains(&c)) {
                break;
            }
            own.push(j);
            k += 1;
        }
        if !order.drugs.is_empty() {
            if let Some(&j) = seventy.get(k) {
                let items = &calc.lines[j].items;
                if items.len() == order.drugs.len()
                    && items
                        .iter()
                        .zip(&order.drugs)
                        .all(|(it, d)| it.code == d.code)
                {
                    own.push(j);
                    k += 1;
                }
            }
        }
        for material in &order.materials {
            if let Some(&j) = seventy.get(k) {
                if single(j) == Some(material.code.as_str()) {
                    own.push(j);
                    k += 1;
                }
            }
        }
        out[i] = own;
    }
    out
}

/// The month so far: CT/MRI 撮影 billed (第3節 通則2) and whether E203 was billed (月1回).
struct MonthState {
    scans: u32,
    diagnosis_billed: bool,
    /// E203 was billed at this visit (not at an earlier one)
    diagnosis_here: bool,
    diagnosis_ordered: bool,
}

impl MonthState {
    fn from_earlier(calc: &Calc<'_>) -> MonthState {
        let mut state = MonthState {
            scans: 0,
            diagnosis_billed: false,
            diagnosis_here: false,
            diagnosis_ordered: false,
        };
        for (code, &n) in calc.ctx.earlier {
            if n == 0 {
                continue;
            }
            let Some(row) = row_of(calc, code) else {
                continue;
            };
            if is_scan(row, CT_SECOND_KUBUN) {
                state.scans += n;
            }
            if row.kubun == "E203" {
                state.diagnosis_billed = true;
            }
        }
        state
    }
}

/// The parts of a study line as they are summed: each with its points and what made them.
struct Parts {
    items: Vec<LineItem>,
    points: i64,
    /// kept only when the request asks for a trace
    trace: Vec<String>,
    tracing: bool,
}

impl Parts {
    fn new(calc: &Calc<'_>) -> Parts {
        Parts {
            items: Vec::new(),
            points: 0,
            trace: Vec::new(),
            tracing: calc.req.trace,
        }
    }

    /// A study member's own item as the orders pass made it (with its 枚数), and its trace.
    fn base(&mut self, calc: &Calc<'_>, m: &Member<'_>) {
        let line = &calc.lines[m.lines[0]];
        self.items.extend(line.items.iter().cloned());
        if calc.req.trace {
            // a きざみ member's points are this pass's (the orders pass truncates the half point)
            let kizami = m.quantity.is_some() && m.row.kizami == 1;
            self.trace.extend(
                line.trace
                    .iter()
                    .filter(|t| !(kizami && t.starts_with("医科診療行為マスター")))
                    .cloned(),
            );
        }
    }

    /// An item the engine adds (年齢加算, 減算, E203).
    fn item_of(&mut self, row: &ProcedureRow) {
        self.items.push(LineItem {
            code: row.code.clone(),
            name: row.name.clone(),
            quantity: None,
            unit: None,
            unit_price: None,
        });
    }

    fn add(&mut self, points: i64, note: String) {
        self.points += points;
        if self.tracing {
            self.trace.push(note);
        }
    }
}

/// A percentage 加算/減算 row (点数識別 5 / 6): its row and the percent (80.00 → 80).
struct Percent<'a> {
    row: &'a ProcedureRow,
    percent: Decimal,
}

/// A エックス線 study (第1節): 写真診断 + 撮影 (+ 加算, フィルム, 薬剤).
fn xray<'a>(
    calc: &mut Calc<'a>,
    study: &Study,
    kind: Kind,
    members: &[Member<'a>],
) -> Option<Line> {
    let diagnosis = study.diagnosis.map(|m| &members[m]);
    let shot = study.shot.map(|m| &members[m]);
    let lead = shot.or(diagnosis)?;
    let lead_path = format!("orders[{}].code", lead.order);
    if let (Some(d), Some(s)) = (diagnosis, shot) {
        if d.quantity != s.quantity {
            calc.finding(
                "IMAGING_QUANTITY_MISMATCH",
                &format!("orders[{}].quantity", d.order),
                format!(
                    "{} {} quantity {} vs {} {} quantity {}: the 写真診断 and the 撮影 of one study have the same 枚数 (第1節 通則3)",
                    d.row.code,
                    d.row.name,
                    quantity_text(d.quantity),
                    s.row.code,
                    s.row.name,
                    quantity_text(s.quantity)
                ),
            );
        }
    }
    if shot.is_some() && diagnosis.is_none() {
        calc.finding(
            "XRAY_WITHOUT_DIAGNOSIS",
            &lead_path,
            format!(
                "{} {}: an E002 撮影 is billed with the E001 写真診断 of the same study (第1節 通則1); order the {}の写真診断 with it",
                lead.row.code,
                lead.row.name,
                kind.name()
            ),
        );
    }
    let mut parts = Parts::new(calc);
    let mut supplies = Supplies::default();
    let age = shot.and_then(|s| age_percent(calc, s));
    let notes: Vec<&Member<'_>> = study
        .others
        .iter()
        .map(|&m| &members[m])
        .filter(|m| m.role == Role::Note)
        .collect();
    if let (Some(a), Some(n)) = (&age, notes.first()) {
        calc.finding(
            "UNSUPPORTED_RULE",
            &lead_path,
            format!(
                "{} {} with its 注加算 {} {}: the {} on a 撮影 with a 注加算 is not supported yet",
                lead.row.code, lead.row.name, n.row.code, n.row.name, a.row.name
            ),
        );
    }
    for m in study.parts().map(|m| &members[m]) {
        parts.base(calc, m);
        match m.role {
            Role::Diagnosis(_) => {
                let (exact, how) = exact_points(calc, m);
                let p = round(exact);
                parts.add(
                    p,
                    format!("写真診断料 {how} → {p}点 (E001; 1点未満四捨五入)"),
                );
            }
            Role::Shot(_) => {
                let (mut exact, how) = exact_points(calc, m);
                let mut text = format!("撮影料 {how}");
                if let Some(a) = &age {
                    parts.item_of(a.row);
                    exact = exact * (Decimal::from(100) + a.percent) / Decimal::from(100);
                    text.push_str(&format!(
                        " × (100 + {}) / 100 ({} E002 注2)",
                        a.percent.normalize(),
                        a.row.name
                    ));
                }
                for n in &notes {
                    let (e, h) = exact_points(calc, n);
                    exact += e;
                    text.push_str(&format!(" + 注加算 {h}"));
                }
                let p = round(exact);
                if age.is_some() || !notes.is_empty() {
                    text.push_str(&format!(" = {}", exact.normalize()));
                }
                parts.add(p, format!("{text} → {p}点 (1点未満四捨五入)"));
            }
            Role::Note => once(calc, m),
            Role::Electronic(_) => {
                let points = calc.lines[m.lines[0]].points;
                parts.add(
                    points,
                    format!("電子画像管理加算 {points}点 (第1節 通則4: 一連の撮影について; フィルムの費用は算定できない)"),
                );
                once(calc, m);
            }
            Role::Injection => {
                let points = calc.lines[m.lines[0]].points;
                parts.add(
                    points,
                    format!("造影剤注入手技 {} {points}点 (E003)", m.row.code),
                );
                once(calc, m);
            }
            Role::CtShot | Role::CtDiagnosis => {}
        }
        supplies.collect(calc, m);
    }
    let shot_kind = shot.map(|_| kind);
    let diagnosis_code = diagnosis.map(|d| d.row.code.as_str());
    supplies.finish(
        calc,
        &mut parts,
        study.electronic.is_some(),
        shot_kind,
        diagnosis_code,
        &lead_path,
    );
    Some(line_of(parts))
}

/// A study member's points in hundredths as the master prices it: with 数量データ (枚数) by its
/// きざみ値 — 第1節 通則3's 2枚目から5枚目 100分の50, 6枚目以後 none, is the master's きざみ (下限値 1,
/// 上限値 5, きざみ点数 = 所定点数の半分, 上下限エラー処理 1) — without rounding the half point.
fn exact_points(calc: &Calc<'_>, m: &Member<'_>) -> (Decimal, String) {
    let line = &calc.lines[m.lines[0]];
    let row = m.row;
    let (Some(data), 1) = (m.quantity, row.kizami) else {
        return (
            Decimal::from(line.points),
            format!("{} {}点", row.code, line.points),
        );
    };
    // the 点数 in force on the date (旧点数 before the row's 変更年月日), as the orders pass priced it
    let base_x100 = if row.changed > ymd_number(calc.ctx.date) {
        row.old_points_x100.unwrap_or(row.points_x100)
    } else {
        row.points_x100
    };
    let k = &row.kizami_params;
    let x100 = match kizami_points(base_x100, k, data) {
        KizamiPoints::Points { x100, .. } => x100,
        KizamiPoints::NotBillable => 0,
    };
    let exact = Decimal::new(x100, 2);
    (
        exact,
        format!(
            "{} {}点, {data}{} (きざみ: 下限値 {} 上限値 {} きざみ値 {} きざみ点数 {}) = {}",
            row.code,
            Decimal::new(base_x100, 2).normalize(),
            row.unit,
            k.lower,
            k.upper,
            k.step,
            Decimal::new(k.step_points_x100, 2).normalize(),
            exact.normalize()
        ),
    )
}

fn quantity_text(q: Option<u64>) -> String {
    q.map_or_else(|| "none".to_string(), |n| n.to_string())
}

/// A CT / MRI study (第3節): 撮影 + E203 (+ 加算, フィルム, 薬剤).
fn ct<'a>(
    calc: &mut Calc<'a>,
    study: &Study,
    members: &[Member<'a>],
    month: &mut MonthState,
) -> Option<Line> {
    let Some(shot) = study.shot.map(|m| &members[m]) else {
        let d = &members[study.diagnosis?];
        calc.finding(
            "CT_DIAGNOSIS_WITHOUT_SCAN",
            &format!("orders[{}].code", d.order),
            format!("{} {} is billed on the day of the month's first コンピューター断層撮影 (E203 通知); no CT/MRI 撮影 (E200–E202) is ordered with it", d.row.code, d.row.name),
        );
        return None;
    };
    let path = format!("orders[{}].code", shot.order);
    let mut parts = Parts::new(calc);
    let mut supplies = Supplies::default();
    let age = age_percent(calc, shot);
    // 第3節 通則2: CT撮影・MRI撮影 の同一月2回目以降は所定点数の100分の80
    let second = if is_scan(shot.row, CT_SECOND_KUBUN) {
        let prior = month.scans;
        month.scans += 1;
        if prior > 0 {
            percent_row(calc, CT_SECOND, PointsKind::PercentSub, &path).map(|p| (p, prior))
        } else {
            None
        }
    } else {
        None
    };
    let notes: Vec<&Member<'_>> = study
        .others
        .iter()
        .map(|&m| &members[m])
        .filter(|m| m.role == Role::Note)
        .collect();
    if (age.is_some() || second.is_some()) && !notes.is_empty() {
        calc.finding(
            "UNSUPPORTED_RULE",
            &path,
            format!("{} {} with its 注加算 {}: the 注加算 with the 新生児・乳幼児・幼児加算 or the 2回目以降 100分の80 is not supported yet", shot.row.code, shot.row.name, notes[0].row.code),
        );
    }
    if age.is_some() && second.is_some() {
        calc.finding(
            "UNSUPPORTED_RULE",
            &path,
            format!("{} {}: the 新生児・乳幼児・幼児加算 on a 2回目以降 (100分の80) CT/MRI is not supported yet", shot.row.code, shot.row.name),
        );
    }
    for m in study.parts().map(|m| &members[m]) {
        let points = calc.lines[m.lines[0]].points;
        match m.role {
            Role::CtShot => {
                parts.base(calc, m);
                let mut exact = Decimal::from(points);
                let mut text = format!("撮影料 {} {points}点", m.row.code);
                if let Some(a) = &age {
                    parts.item_of(a.row);
                    exact = exact * (Decimal::from(100) + a.percent) / Decimal::from(100);
                    text.push_str(&format!(
                        " × (100 + {}) / 100 ({} 第3節 通則4)",
                        a.percent.normalize(),
                        a.row.name
                    ));
                }
                if let Some((s, prior)) = &second {
                    parts.item_of(s.row);
                    exact = exact * (Decimal::from(100) - s.percent) / Decimal::from(100);
                    text.push_str(&format!(
                        " × (100 − {}) / 100 ({}: 第3節 通則2, {prior} CT/MRI 撮影 earlier this month)",
                        s.percent.normalize(),
                        s.row.name
                    ));
                }
                for n in &notes {
                    let (e, h) = exact_points(calc, n);
                    exact += e;
                    text.push_str(&format!(" + 注加算 {h}"));
                }
                let p = round(exact);
                parts.add(
                    p,
                    format!("{text} = {} → {p}点 (1点未満四捨五入)", exact.normalize()),
                );
            }
            Role::CtDiagnosis => {
                if month.diagnosis_billed {
                    let when = if month.diagnosis_here {
                        "at this visit"
                    } else {
                        "at an earlier visit of the month"
                    };
                    warning(
                        calc,
                        "CT_DIAGNOSIS_ONCE",
                        &format!("orders[{}].code", m.order),
                        format!("E203 注: {} {} is billed once a month (種類又は回数にかかわらず) and was billed {when}; not billed again", m.row.code, m.row.name),
                    );
                    if calc.req.trace {
                        parts.trace.push(format!(
                            "{} {}: E203 注 月1回, already billed {when}; not billed",
                            m.row.code, m.row.name
                        ));
                    }
                } else {
                    parts.base(calc, m);
                    parts.add(
                        points,
                        format!(
                            "コンピューター断層診断 {} {points}点 (E203, 月1回)",
                            m.row.code
                        ),
                    );
                    once(calc, m);
                    month.diagnosis_billed = true;
                    month.diagnosis_here = true;
                }
            }
            Role::Note => {
                parts.base(calc, m);
                once(calc, m);
            }
            Role::Electronic(_) => {
                parts.base(calc, m);
                parts.add(
                    points,
                    format!("電子画像管理加算 {points}点 (第3節 通則3: 一連の撮影について1回; フィルムの費用は算定できない)"),
                );
                once(calc, m);
            }
            Role::Injection => {
                calc.finding(
                    "INJECTION_INCLUDED",
                    &format!("orders[{}].code", m.order),
                    format!("{} {}: with CT/MRI the 造影剤注入手技料 is included in the 造影剤使用加算 (E200 注3, E202 注3) or in the 脳槽CT撮影 (E200 注5); order the 造影剤使用加算 instead", m.row.code, m.row.name),
                );
                parts.base(calc, m);
                parts.add(points, format!("造影剤注入手技 {} {points}点", m.row.code));
            }
            Role::Diagnosis(_) | Role::Shot(_) => {}
        }
        supplies.collect(calc, m);
    }
    // E203 注: 月1回, 初回のコンピューター断層撮影を実施する日に (通知) — added when the visit does not order it
    if !month.diagnosis_billed && !month.diagnosis_ordered {
        if let Some(r) = calc.resolve_procedure(CT_DIAGNOSIS, &path) {
            parts.item_of(r.row);
            parts.add(
                r.points,
                format!("コンピューター断層診断 {} {}点: E203 注 月1回, not billed earlier this month; added by the engine", r.row.code, r.points),
            );
            month.diagnosis_billed = true;
            month.diagnosis_here = true;
        }
    }
    supplies.finish(
        calc,
        &mut parts,
        study.electronic.is_some(),
        None,
        None,
        &path,
    );
    Some(line_of(parts))
}

/// 薬剤 (E300) and 特定保険医療材料 (E400 フィルム, E401) of a study's orders.
#[derive(Default)]
struct Supplies {
    /// billed as the orders pass priced them (per study): 薬剤 lines and non-film 材料 lines
    priced: Vec<(Vec<LineItem>, i64, Vec<String>)>,
    /// フィルム: the item, 材料価格 × 枚数 in 円, and the path of its order's material
    films: Vec<(LineItem, Decimal, String)>,
    /// 799990070 フィルム料（乳幼児）加算 ordered: its row and path
    infant: Option<(MaterialRow, String)>,
}

impl Supplies {
    fn collect(&mut self, calc: &mut Calc<'_>, m: &Member<'_>) {
        let req = calc.req;
        let order = &req.orders[m.order];
        for &l in &m.lines[1..] {
            let line = &calc.lines[l];
            let film = match line.items.as_slice() {
                [item] if item.code.starts_with('7') => material_row(calc, &item.code)
                    .is_some_and(|r| r.table_no == FILM_TABLE)
                    .then(|| item.clone()),
                _ => None,
            };
            match film {
                Some(item) => {
                    let price = item
                        .unit_price
                        .as_deref()
                        .and_then(parse_quantity)
                        .unwrap_or_default();
                    let qty = item
                        .quantity
                        .as_deref()
                        .and_then(parse_quantity)
                        .unwrap_or_default();
                    let at = order
                        .materials
                        .iter()
                        .position(|x| x.code == item.code)
                        .unwrap_or(0);
                    self.films.push((
                        item,
                        price * qty,
                        format!("orders[{}].materials[{at}].code", m.order),
                    ));
                }
                // 薬剤 and 材料 other than フィルム: the study's quantity, priced once
                None => self
                    .priced
                    .push((line.items.clone(), line.points, line.trace.clone())),
            }
        }
        for (at, material) in order.materials.iter().enumerate() {
            if material.code != FILM_INFANT {
                continue;
            }
            let path = format!("orders[{}].materials[{at}].code", m.order);
            if let Some(row) = material_row(calc, FILM_INFANT) {
                if self.infant.is_none() {
                    self.infant = Some((row.clone(), path));
                }
            }
        }
    }

    fn finish(
        self,
        calc: &mut Calc<'_>,
        parts: &mut Parts,
        electronic: bool,
        shot: Option<Kind>,
        diagnosis: Option<&str>,
        lead_path: &str,
    ) {
        for (items, points, trace) in self.priced {
            parts.items.extend(items);
            parts.points += points;
            if calc.req.trace {
                parts.trace.extend(trace);
            }
        }
        if electronic {
            // 第1節 通則4 / 第3節 通則3 ただし書: フィルムの費用は算定できない
            for (item, _, path) in &self.films {
                warning(
                    calc,
                    "FILM_NOT_BILLABLE",
                    path,
                    format!("{} {}: with 電子画像管理加算 the フィルムの費用は算定できない (第1節 通則4, 第3節 通則3 ただし書); not billed", item.code, item.name),
                );
            }
            if let Some((row, path)) = &self.infant {
                warning(
                    calc,
                    "FILM_NOT_BILLABLE",
                    path,
                    format!(
                        "{} {}: no フィルム is billed with 電子画像管理加算; not billed",
                        row.code, row.name
                    ),
                );
            }
            return;
        }
        let mut yen: Decimal = self.films.iter().map(|(_, y, _)| *y).sum();
        let mut infant_item = None;
        let mut note = String::new();
        match &self.infant {
            Some((row, path)) => {
                // E400 注1: 6歳未満の乳幼児に対して胸部単純撮影又は腹部単純撮影を行った場合は材料価格 × 1.1
                let under = row.age_upper.trim().parse::<u32>().ok();
                let problem = if self.films.is_empty() {
                    Some("no フィルム (別表 Ⅲ) is ordered with it".to_string())
                } else if under.is_none_or(|u| calc.ctx.age >= u) {
                    Some(format!(
                        "it is for patients under {}歳 (E400 注1); the patient is {}",
                        row.age_upper.trim(),
                        calc.ctx.age
                    ))
                } else if shot != Some(Kind::Simple) || diagnosis == Some(DIAGNOSIS_OTHER) {
                    Some("it is for 胸部単純撮影 or 腹部単純撮影 only (E400 注1)".to_string())
                } else if row.price_kind != 5 {
                    Some(format!("金額種別 {} is not a %加算", row.price_kind))
                } else {
                    None
                };
                match problem {
                    Some(p) => calc.finding(
                        "FILM_INFANT_ADDON_NOT_ALLOWED",
                        path,
                        format!("{} {}: {p}", row.code, row.name),
                    ),
                    None => {
                        let percent = Decimal::new(row.price_sen, 2);
                        yen = yen * (Decimal::from(100) + percent) / Decimal::from(100);
                        note = format!(
                            " × (100 + {}) / 100 ({} {}, E400 注1)",
                            percent.normalize(),
                            row.code,
                            row.name
                        );
                        infant_item = Some(LineItem {
                            code: row.code.clone(),
                            name: row.name.clone(),
                            quantity: None,
                            unit: None,
                            unit_price: None,
                        });
                    }
                }
            }
            None => {
                // E400 注1 may apply: 写真診断 イ covers 頭部・胸部・腹部・脊椎, and only 胸部・腹部 get × 1.1
                if !self.films.is_empty()
                    && calc.ctx.age < 6
                    && shot == Some(Kind::Simple)
                    && diagnosis != Some(DIAGNOSIS_OTHER)
                {
                    warning(
                        calc,
                        "FILM_INFANT_SITE",
                        lead_path,
                        format!("E400 注1: a 6歳未満 胸部・腹部 単純撮影's フィルム is priced at 材料価格 × 1.1; if this study is 胸部 or 腹部, add {FILM_INFANT} フィルム料（乳幼児）加算 to its materials"),
                    );
                }
            }
        }
        if self.films.is_empty() {
            return;
        }
        let points = material_points(yen);
        let mut listed = Vec::new();
        for (item, _, _) in self.films {
            listed.push(format!(
                "{} {}円 × {}",
                item.code,
                item.unit_price.as_deref().unwrap_or(""),
                item.quantity.as_deref().unwrap_or("")
            ));
            parts.items.push(item);
        }
        if let Some(item) = infant_item {
            parts.items.push(item);
        }
        parts.add(
            points,
            format!(
                "フィルム (特定器材マスター) {}{note} = {}円 / 10 → {points}点 (E400, 1点未満四捨五入)",
                listed.join(" + "),
                yen.normalize()
            ),
        );
    }
}

/// The 新生児・乳幼児・幼児加算 of a 撮影 (its 年齢加算 rows, 点数識別 5) for the patient's age. The orders
/// pass cannot price a %加算 and left a finding for it: this pass prices it, so the finding goes. A
/// row that needs a 施設基準 (e.g. 小児鎮静下ＭＲＩ撮影加算) is not a plain age 加算 and is not added.
fn age_percent<'a>(calc: &mut Calc<'a>, shot: &Member<'a>) -> Option<Percent<'a>> {
    let path = format!("orders[{}].code", shot.order);
    let mut found: Option<Percent<'a>> = None;
    for addon in &shot.row.age_addons {
        if calc.in_age_band(addon.lower, addon.upper) != Ok(true) {
            continue;
        }
        let Some(row) = row_of(calc, &addon.code) else {
            continue;
        };
        if row.points_kind != PointsKind::PercentAdd {
            continue;
        }
        if !row.facility_standards.is_empty() {
            continue;
        }
        if let Some(first) = &found {
            calc.finding(
                "UNSUPPORTED_RULE",
                &path,
                format!(
                    "{} {}: two 年齢加算 apply ({} and {})",
                    shot.row.code, shot.row.name, first.row.code, row.code
                ),
            );
            continue;
        }
        found = Some(Percent {
            row,
            percent: Decimal::new(row.points_x100, 2),
        });
    }
    found
}

/// A %加算 / %減算 row the rules name by code, checked against the master.
fn percent_row<'a>(
    calc: &mut Calc<'a>,
    code: &str,
    kind: PointsKind,
    path: &str,
) -> Option<Percent<'a>> {
    match row_of(calc, code) {
        Some(row) if row.points_kind == kind => Some(Percent {
            row,
            percent: Decimal::new(row.points_x100, 2),
        }),
        _ => {
            calc.finding(
                "UNSUPPORTED_RULE",
                path,
                format!(
                    "{code} is not a 点数識別 {} row in the master of {}",
                    kind.code(),
                    calc.ctx.date
                ),
            );
            None
        }
    }
}

/// A 加算 billed once per study: a count above 1 is a warning.
fn once(calc: &mut Calc<'_>, m: &Member<'_>) {
    if m.count > 1 {
        warning(
            calc,
            "IMAGING_ADDON_ONCE",
            &format!("orders[{}].count", m.order),
            format!(
                "{} {} is billed once per study; count {} billed as 1",
                m.row.code, m.row.name, m.count
            ),
        );
    }
}

fn line_of(parts: Parts) -> Line {
    let mut trace = parts.trace;
    let points = parts.points;
    let trace = if trace.is_empty() {
        trace
    } else {
        trace.push(format!(
            "one 算定単位 (一連の撮影): {points}点 (parts rounded on their own, then summed)"
        ));
        trace
    };
    Line {
        section: "70".to_string(),
        items: parts.items,
        points,
        count: 1,
        total: points,
        trace,
    }
}

/// Drops the marked lines and puts each study line where its first line was.
fn remove_dropped(calc: &mut Calc<'_>, drop: &[bool], mut replace: Vec<(usize, Line)>) {
    if !drop.contains(&true) {
        return;
    }
    replace.sort_by_key(|(i, _)| *i);
    let mut replace = replace.into_iter().peekable();
    let old = std::mem::take(&mut calc.lines);
    for (i, line) in old.into_iter().enumerate() {
        if replace.peek().is_some_and(|(at, _)| *at == i) {
            if let Some((_, study)) = replace.next() {
                calc.lines.push(study);
            }
        }
        if !drop[i] {
            calc.lines.push(line);
        }
    }
}

/// 1点未満の端数は四捨五入 (診療報酬の算定方法 第一号).
fn round(d: Decimal) -> i64 {
    i64::try_from(d.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero))
        .unwrap_or(i64::MAX / 2)
}

fn material_row<'a>(calc: &Calc<'a>, code: &str) -> Option<&'a MaterialRow> {
    match calc.ctx.generation.materials.get(code, calc.ctx.date) {
        Lookup::Valid(r) | Lookup::NotYet(r) => Some(r),
        Lookup::Abolished(_) | Lookup::Unknown => None,
    }
}

/// The rules above are the 令和6 告示's; a newer master generation may come with a newer 点数表.
fn check_rules_date(calc: &mut Calc<'_>) {
    let Some(effective) = calc.ctx.generation.effective else {
        return;
    };
    if RULES_FROM < ymd_number(effective) {
        warning(
            calc,
            "RULE_DATA_OUTDATED",
            "serviceDate",
            format!(
                "第4部 画像診断: santei's 告示 data is from {}, the masters are of generation {effective}; check the 点数表 of that 改定",
                ymd_display(RULES_FROM)
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_half_up() {
        assert_eq!(round(Decimal::new(1275, 1)), 128); // 85 × 1.5 = 127.5
        assert_eq!(round(Decimal::new(884, 1)), 88); // 68 × 1.3
        assert_eq!(round(Decimal::new(1326, 1)), 133);
        assert_eq!(round(Decimal::from(102)), 102);
    }
}
