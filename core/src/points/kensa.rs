//! 第3部 検査: the rules that look at all of a visit's 検体検査 together — まるめ of the 包括対象検査
//! groups, 検体検査判断料 and 外来迅速検体検査加算. Runs after the orders and the prescription are
//! resolved; the lines are sorted by 診療識別 after it.
//!
//! What the master says is read from the master: which items a group bundles (包括対象検査, column
//! 16), which items carry a 判断料 and which row is that 判断料 (検査等実施判断区分 / グループ区分,
//! columns 50–51), the 外来迅速検体検査加算's 10点 per item and 5項目 limit (its きざみ値). What only
//! the 告示 says is kept here as dated rule data, each table row with its 施行日: the bundle points
//! by item count, the item caps, and the list of 検体検査 the 外来迅速検体検査加算 applies to.
//!
//! Month: a lone visit knows nothing of the month; inside `calculateMonth` the visit knows the codes
//! billed earlier in the month (`Context::earlier`), so a 判断料 (月1回) is not billed twice. The
//! 外来迅速検体検査加算's "5項目 per day" cannot see another visit of the same day yet (the month
//! model keeps codes per month, not per day).

use super::common::{check_data_date, order_path, row_of, single_code, warning};
use super::kizami::{kizami_points, KizamiPoints};
use super::Calc;
use crate::date::{ymd_display, ymd_number};
use crate::model::{Line, LineItem};

/// まるめ of one 包括対象検査 group (master column 16) from one 施行日. The master says which items
/// belong to the group; the points by the number of items are only in the 告示.
struct Bundle {
    group: u32,
    /// 施行日 (YYYYMMDD)
    from: u32,
    /// The 告示 and the items it bundles.
    kokuji: &'static str,
    /// (from this many items, points), ascending; below the first tier each item keeps its points.
    tiers: &'static [(usize, i64)],
}

/// 令和6年厚生労働省告示第57号 別表第一 (医科点数表), 第2章第3部第1節第1款; each "所定点数にかかわらず"
/// the points below replace the items' own when "患者から1回に採取した" 検体 gives that many items
/// (santei takes one 採取 per visit).
const BUNDLES: &[Bundle] = &[
    // D007 注: 本区分の1から8までを5項目以上 — イ 5〜7項目 93点, ロ 8・9項目 99点, ハ 10項目以上 103点
    Bundle {
        group: 1,
        from: 20240601,
        kokuji: "D007 注 血液化学検査 (生化学的検査(Ⅰ) 1〜8)",
        tiers: &[(5, 93), (8, 99), (10, 103)],
    },
    // D008 注: 本区分の12から51までを3項目以上 — イ 3〜5項目 410点, ロ 6・7項目 623点, ハ 8項目以上 900点
    Bundle {
        group: 2,
        from: 20240601,
        kokuji: "D008 注 内分泌学的検査 (12〜51)",
        tiers: &[(3, 410), (6, 623), (8, 900)],
    },
    // D013 注: 本区分の3から14までを3項目以上 — イ 3項目 290点, ロ 4項目 360点, ハ 5項目以上 425点
    Bundle {
        group: 3,
        from: 20240601,
        kokuji: "D013 注 肝炎ウイルス関連検査 (3〜14)",
        tiers: &[(3, 290), (4, 360), (5, 425)],
    },
    // D009 注2: 本区分の2から36までを2項目以上 — イ 2項目 230点, ロ 3項目 290点, ハ 4項目以上 385点
    Bundle {
        group: 5,
        from: 20240601,
        kokuji: "D009 注2 腫瘍マーカー (2〜36)",
        tiers: &[(2, 230), (3, 290), (4, 385)],
    },
    // D006 注: 本区分の13から32までを3項目以上 — イ 3・4項目 530点, ロ 5項目以上 722点
    Bundle {
        group: 6,
        from: 20240601,
        kokuji: "D006 注 出血・凝固検査 (13〜32)",
        tiers: &[(3, 530), (5, 722)],
    },
    // D014 注1: 本区分の10から16まで, 18, 19, 23及び37を2項目又は3項目以上 — 320点又は490点
    Bundle {
        group: 7,
        from: 20240601,
        kokuji: "D014 注1 自己抗体検査 (10〜16, 18, 19, 23, 37)",
        tiers: &[(2, 320), (3, 490)],
    },
    // D004-2 1 注1: イ (処理が容易なもの) を同一がん種に — 2項目 4,000点, 3項目 6,000点, 4項目以上 8,000点
    Bundle {
        group: 13,
        from: 20240601,
        kokuji: "D004-2 1 注1 悪性腫瘍遺伝子検査 イ 処理が容易なもの (同一がん種)",
        tiers: &[(2, 4000), (3, 6000), (4, 8000)],
    },
    // D004-2 1 注2: ロ (処理が複雑なもの) を同一がん種に — 2項目 8,000点, 3項目以上 12,000点
    Bundle {
        group: 14,
        from: 20240601,
        kokuji: "D004-2 1 注2 悪性腫瘍遺伝子検査 ロ 処理が複雑なもの (同一がん種)",
        tiers: &[(2, 8000), (3, 12000)],
    },
    // D006-27 注1: 1, 2, 5, 6, 7, 9 又は D006-12 — 2項目 4,000点, 3項目 6,000点, 4項目以上 8,000点
    Bundle {
        group: 15,
        from: 20240601,
        kokuji: "D006-27 注1 悪性腫瘍遺伝子検査(血液・血漿) (1, 2, 5, 6, 7, 9, D006-12)",
        tiers: &[(2, 4000), (3, 6000), (4, 8000)],
    },
    // D006-27 注2: 3, 4 又は 8 — 2項目 8,000点, 3項目以上 12,000点
    Bundle {
        group: 16,
        from: 20240601,
        kokuji: "D006-27 注2 悪性腫瘍遺伝子検査(血液・血漿) (3, 4, 8)",
        tiers: &[(2, 8000), (3, 12000)],
    },
];

/// A 包括対象検査 group whose 告示 caps the number of items of one 検体 instead of bundling them.
struct ItemLimit {
    group: u32,
    /// 施行日 (YYYYMMDD)
    from: u32,
    kokuji: &'static str,
    max: u32,
}

const ITEM_LIMITS: &[ItemLimit] = &[
    // D012 11 注: 同一検体についてウイルス抗体価（定性・半定量・定量）の測定を行った場合は、8項目を限度
    ItemLimit {
        group: 9,
        from: 20240601,
        kokuji: "D012 11 注 ウイルス抗体価（定性・半定量・定量）",
        max: 8,
    },
    // D012 44 注: 同一検体についてグロブリンクラス別ウイルス抗体価の測定を行った場合は、2項目を限度
    ItemLimit {
        group: 10,
        from: 20240601,
        kokuji: "D012 44 注 グロブリンクラス別ウイルス抗体価",
        max: 2,
    },
];

/// 区分番号 of the 検体検査判断料 rows: the 判断料 this pass adds (生体検査・病理・画像 判断料 and
/// 診断料 share master columns 50–51 but follow other rules).
const JUDGEMENT_KUBUN: &str = "D026";

/// 外来迅速検体検査加算 from one 施行日.
struct Rapid {
    /// 施行日 (YYYYMMDD)
    from: u32,
    /// The 加算 code; its 10点 per item and 5項目 limit are the master's きざみ値 (columns 30–35).
    addon: &'static str,
    /// Codes that exclude it on the same day.
    excluded_by: &'static [&'static str],
    /// The 検体検査 it applies to (the master does not mark them).
    items: &'static [&'static str],
}

const RAPID: &[Rapid] = &[Rapid {
    from: 20240601,
    // 第1款 通則3: 別に厚生労働大臣が定める検体検査の結果を検査実施日のうちに文書で説明 — 5項目を限度に各10点
    addon: "160177770",
    // 第1款 通則1 ただし書: 時間外緊急院内検査加算の日は通則3の加算を算定できない
    excluded_by: &["160000210"],
    // 特掲診療料の施設基準等 (令和6年厚生労働省告示第59号) 別表第九の二 検体検査実施料に規定する検体検査
    items: &[
        "160000310", // D000 尿中一般物質定性半定量検査
        "160005010", // D002 尿沈渣（鏡検法）
        "160006810", // D003 糞便中ヘモグロビン
        "160007610", // D005 赤血球沈降速度（ＥＳＲ）
        "160008010", // D005 末梢血液一般検査
        "160010010", // D005 ＨｂＡ１ｃ
        "160012010", // D006 プロトロンビン時間（ＰＴ）
        "160014510", // D006 ＦＤＰ定性
        "160191810", // D006 ＦＤＰ半定量
        "160191910", // D006 ＦＤＰ定量
        "160114010", // D006 Ｄダイマー
        "160017010", // D007 総ビリルビン
        "160017410", // D007 総蛋白
        "160018910", // D007 アルブミン（ＢＣＰ改良法・ＢＣＧ法）
        "160019010", // D007 尿素窒素
        "160019210", // D007 クレアチニン
        "160019310", // D007 尿酸
        "160020010", // D007 アルカリホスファターゼ（ＡＬＰ）
        "160020210", // D007 コリンエステラーゼ（ＣｈＥ）
        "160020410", // D007 γ－ＧＴ
        "160020910", // D007 中性脂肪
        "160021110", // D007 ナトリウム及びクロール
        "160021410", // D007 カリウム
        "160021510", // D007 カルシウム
        "160019410", // D007 グルコース
        "160019510", // D007 乳酸デヒドロゲナーゼ（ＬＤ）
        "160020610", // D007 クレアチンキナーゼ（ＣＫ）
        "160023410", // D007 ＨＤＬ－コレステロール
        "160022410", // D007 総コレステロール
        "160022510", // D007 ＡＳＴ
        "160022610", // D007 ＡＬＴ
        "160167250", // D007 ＬＤＬ－コレステロール
        "160151050", // D007 グリコアルブミン
        "160031710", // D008 甲状腺刺激ホルモン（ＴＳＨ）
        "160033310", // D008 遊離サイロキシン（ＦＴ４）
        "160033210", // D008 遊離トリヨードサイロニン（ＦＴ３）
        "160036510", // D009 癌胎児性抗原（ＣＥＡ）
        "160036710", // D009 α－フェトプロテイン（ＡＦＰ）
        "160037510", // D009 前立腺特異抗原（ＰＳＡ）
        "160037210", // D009 ＣＡ１９－９
        "160054710", // D015 Ｃ反応性蛋白（ＣＲＰ）
        "160057710", // D017 排泄物、滲出物又は分泌物の細菌顕微鏡検査 その他のもの
    ],
}];

/// Applies the 検査 rules to the visit's lines.
pub(crate) fn apply(calc: &mut Calc<'_>) {
    bundle(calc);
    judgement_fees(calc);
    rapid_addon(calc);
}

/// "5〜7項目", "8項目", "10項目以上": the item counts tier `k` covers.
fn tier_text(tiers: &[(usize, i64)], k: usize) -> String {
    let from = tiers[k].0;
    match tiers.get(k + 1) {
        None => format!("{from}項目以上"),
        Some(&(next, _)) if next == from + 1 => format!("{from}項目"),
        Some(&(next, _)) => format!("{from}〜{}項目", next - 1),
    }
}

/// まるめ: at or over a group's threshold, its items' lines become one line (one 算定単位 with the
/// items, the bundle points on it, as the レセプト shows it); below it they keep their own points.
fn bundle(calc: &mut Calc<'_>) {
    let date = ymd_number(calc.ctx.date);
    // 包括対象検査 group → its one-item lines, in line order
    let mut groups: Vec<(u32, Vec<usize>)> = Vec::new();
    for (i, line) in calc.lines.iter().enumerate() {
        let Some(row) = single_code(line).and_then(|c| row_of(calc, c)) else {
            continue;
        };
        if row.bundle_group == 0 {
            continue;
        }
        match groups.iter_mut().find(|(g, _)| *g == row.bundle_group) {
            Some((_, lines)) => lines.push(i),
            None => groups.push((row.bundle_group, vec![i])),
        }
    }
    let mut merged = vec![false; calc.lines.len()];
    for (group, lines) in groups {
        let rule = BUNDLES
            .iter()
            .filter(|b| b.group == group && b.from <= date)
            .max_by_key(|b| b.from);
        if let Some(rule) = rule {
            bundle_group(calc, rule, &lines, &mut merged);
            continue;
        }
        let limit = ITEM_LIMITS
            .iter()
            .filter(|l| l.group == group && l.from <= date)
            .max_by_key(|l| l.from);
        if let Some(limit) = limit {
            check_data_date(calc, limit.from, limit.kokuji);
            let n: u32 = lines.iter().map(|&i| calc.lines[i].count).sum();
            if n > limit.max {
                calc.finding(
                    "ITEM_LIMIT_EXCEEDED",
                    "orders",
                    format!(
                        "{}: {n}項目 at one visit; at most {} are billed per 検体 (項目を限度) — order the ones to bill",
                        limit.kokuji, limit.max
                    ),
                );
            }
        }
    }
    if merged.contains(&true) {
        let mut i = 0;
        calc.lines.retain(|_| {
            i += 1;
            !merged[i - 1]
        });
    }
}

fn bundle_group(calc: &mut Calc<'_>, rule: &Bundle, lines: &[usize], merged: &mut [bool]) {
    let group = rule.group;
    let n = lines.len();
    let mut codes: Vec<&str> = lines
        .iter()
        .filter_map(|&i| single_code(&calc.lines[i]))
        .collect();
    codes.sort_unstable();
    codes.dedup();
    // the まるめ counts the items of one 採取; an item twice means two 採取, which one visit cannot say
    if codes.len() != n || lines.iter().any(|&i| calc.lines[i].count != 1) {
        calc.finding(
            "UNSUPPORTED_RULE",
            "orders",
            format!(
                "{}: an item ordered twice or with 回数 > 1 at one visit — the まるめ counts the items of one 採取; give each 採取 as its own visit",
                rule.kokuji
            ),
        );
        return;
    }
    check_data_date(calc, rule.from, rule.kokuji);
    let Some(k) = rule.tiers.iter().rposition(|&(from, _)| n >= from) else {
        if calc.req.trace {
            let first = rule.tiers.first().map_or(0, |t| t.0);
            let note = format!(
                "{} ({}〜): {n}項目 of 包括対象検査 {group}, まるめ from {first}項目 — each item keeps its 所定点数",
                rule.kokuji,
                ymd_display(rule.from)
            );
            for &i in lines {
                calc.lines[i].trace.push(note.clone());
            }
        }
        return;
    };
    let points = rule.tiers[k].1;
    let sum: i64 = lines.iter().map(|&i| calc.lines[i].total).sum();
    let items: Vec<LineItem> = lines
        .iter()
        .flat_map(|&i| calc.lines[i].items.iter().cloned())
        .collect();
    let trace = if calc.req.trace {
        let mut t: Vec<String> = lines
            .iter()
            .flat_map(|&i| {
                let line = &calc.lines[i];
                line.items.iter().map(move |item| {
                    format!(
                        "医科診療行為マスター {} {}: {}点 (包括対象検査 {group})",
                        item.code, item.name, line.points
                    )
                })
            })
            .collect();
        t.push(format!(
            "{} ({}〜): {n}項目 → {} {points}点 (所定点数の合計 {sum}点にかかわらず)",
            rule.kokuji,
            ymd_display(rule.from),
            tier_text(rule.tiers, k)
        ));
        t
    } else {
        Vec::new()
    };
    let first = lines[0];
    let section = calc.lines[first].section.clone();
    calc.lines[first] = Line {
        section,
        items,
        points,
        count: 1,
        total: points,
        trace,
    };
    for &i in &lines[1..] {
        merged[i] = true;
    }
}

/// The 検体検査判断料 row of a 検査等実施判断グループ: the master's row of 検査等実施判断区分 2 with that
/// グループ区分 and 区分番号 D026 (none for the groups whose 判断料 is not a 検体検査判断料).
fn judgement_code(calc: &mut Calc<'_>, group: u32) -> Option<String> {
    let generation = calc.ctx.generation;
    let found: Vec<&str> = generation
        .judgement_fees
        .get(&group)
        .into_iter()
        .flatten()
        .filter(|code| {
            row_of(calc, code).is_some_and(|r| {
                r.test_judgement == 2
                    && r.test_judgement_group == group
                    && r.kubun == JUDGEMENT_KUBUN
            })
        })
        .map(String::as_str)
        .collect();
    match found.as_slice() {
        [] => None,
        [code] => Some((*code).to_string()),
        several => {
            calc.finding(
                "UNSUPPORTED_RULE",
                "orders",
                format!(
                    "検査等実施判断グループ区分 {group}: the master has several 検体検査判断料 rows ({}); order the one to bill",
                    several.join(", ")
                ),
            );
            None
        }
    }
}

/// D026 検体検査判断料: once per 判断グループ that has a 実施料 item at the visit (注1: 月1回), unless
/// ordered explicitly or billed earlier in the month.
fn judgement_fees(calc: &mut Calc<'_>) {
    // 判断グループ → the 実施料 items at the visit
    let mut tested: Vec<(u32, Vec<String>)> = Vec::new();
    // the ordered 検体検査判断料 lines: (line, group)
    let mut ordered: Vec<(usize, u32)> = Vec::new();
    for (i, line) in calc.lines.iter().enumerate() {
        for item in &line.items {
            let Some(row) = row_of(calc, &item.code) else {
                continue;
            };
            let group = row.test_judgement_group;
            match row.test_judgement {
                1 if group != 0 => match tested.iter_mut().find(|(g, _)| *g == group) {
                    Some((_, items)) => items.push(item.code.clone()),
                    None => tested.push((group, vec![item.code.clone()])),
                },
                2 if row.kubun == JUDGEMENT_KUBUN && line.items.len() == 1 => {
                    ordered.push((i, group));
                }
                _ => {}
            }
        }
    }
    if tested.is_empty() && ordered.is_empty() {
        return;
    }
    let mut dropped = vec![false; calc.lines.len()];
    let mut billed: Vec<u32> = Vec::new();
    for (i, group) in ordered {
        let (code, name) = match calc.lines[i].items.as_slice() {
            [item] => (item.code.clone(), item.name.clone()),
            _ => continue,
        };
        let path = order_path(calc, &code);
        if calc.ctx.earlier.get(&code).is_some_and(|&n| n > 0) {
            warning(
                calc,
                "JUDGEMENT_ALREADY_BILLED",
                &path,
                format!("D026 注1: {code} {name} is billed once a month and was billed at an earlier visit of the month; not billed again"),
            );
            dropped[i] = true;
            continue;
        }
        let Some((_, items)) = tested.iter().find(|(g, _)| *g == group) else {
            calc.finding(
                "JUDGEMENT_WITHOUT_TEST",
                &path,
                format!("{code} {name}: no 検体検査実施料 of its 検査等実施判断グループ区分 {group} at this visit; the 判断料 follows the 実施料 (D026)"),
            );
            dropped[i] = true;
            continue;
        };
        let items = items.join(", ");
        if billed.contains(&group) {
            warning(
                calc,
                "JUDGEMENT_ONCE",
                &path,
                format!(
                    "D026 注1: {code} {name} is billed once a month; ordered twice, billed once"
                ),
            );
            dropped[i] = true;
            continue;
        }
        billed.push(group);
        if calc.lines[i].count > 1 {
            let line = &mut calc.lines[i];
            line.count = 1;
            line.total = line.points;
            warning(
                calc,
                "JUDGEMENT_ONCE",
                &path,
                format!("D026 注1: {code} {name} is billed once a month; 回数 set to 1"),
            );
        }
        if calc.req.trace {
            calc.lines[i].trace.push(format!(
                "D026 注1: 実施料 {items} of 検査等実施判断グループ区分 {group} at this visit; ordered, so not added again"
            ));
        }
    }
    if dropped.contains(&true) {
        let mut i = 0;
        calc.lines.retain(|_| {
            i += 1;
            !dropped[i - 1]
        });
    }
    for (group, items) in tested {
        if billed.contains(&group) {
            continue;
        }
        let Some(code) = judgement_code(calc, group) else {
            continue;
        };
        if calc.ctx.earlier.get(&code).is_some_and(|&n| n > 0) {
            if calc.req.trace {
                let note = format!("D026 注1: the 判断料 {code} of 検査等実施判断グループ区分 {group} was billed at an earlier visit of the month (月1回)");
                if let Some(line) = calc
                    .lines
                    .iter_mut()
                    .find(|l| l.items.iter().any(|i| items.contains(&i.code)))
                {
                    line.trace.push(note);
                }
            }
            continue;
        }
        let path = order_path(calc, &items[0]);
        let items = items.join(", ");
        if let Some(r) = calc.resolve_procedure(&code, &path) {
            calc.push(&r, 1, || {
                format!("D026 注1 検体検査判断料 (月1回): 実施料 {items} of 検査等実施判断グループ区分 {group} at this visit")
            });
        }
    }
}

/// Whether the engine works out a code's 数量データ itself when the order gives none
/// (外来迅速検体検査加算: the count of the visit's qualifying 検体検査).
pub(crate) fn derives_quantity(code: &str) -> bool {
    RAPID.iter().any(|r| r.addon == code)
}

/// 外来迅速検体検査加算 (第1款 通則3), asked for by ordering its code: without `quantity` the engine
/// counts the visit's 検体検査 of 別表第九の二 and bills 10点 each, 5項目を限度 (the master's きざみ値);
/// with `quantity` the orders pass priced it, and the count is checked against those items.
fn rapid_addon(calc: &mut Calc<'_>) {
    let date = ymd_number(calc.ctx.date);
    let Some(rule) = RAPID
        .iter()
        .filter(|r| r.from <= date)
        .max_by_key(|r| r.from)
    else {
        return;
    };
    let req = calc.req;
    let ordered: Vec<usize> = req
        .orders
        .iter()
        .enumerate()
        .filter(|(_, o)| o.code == rule.addon)
        .map(|(i, _)| i)
        .collect();
    let Some(&first) = ordered.first() else {
        return;
    };
    check_data_date(calc, rule.from, "外来迅速検体検査加算 (別表第九の二)");
    let code_path = format!("orders[{first}].code");
    let quantity_path = format!("orders[{first}].quantity");
    let order = &req.orders[first];
    if let Some(&again) = ordered.get(1) {
        calc.finding(
            "RAPID_ADDON_TWICE",
            &format!("orders[{again}].code"),
            "外来迅速検体検査加算 is one 加算 for the day's 検体検査 (5項目を限度); order it once"
                .to_string(),
        );
    }
    let excluded = calc
        .lines
        .iter()
        .flat_map(|l| &l.items)
        .find(|i| rule.excluded_by.contains(&i.code.as_str()))
        .map(|i| format!("{} {}", i.code, i.name));
    let mut eligible: Vec<String> = Vec::new();
    let mut n: u64 = 0;
    for line in &calc.lines {
        for item in &line.items {
            if rule.items.contains(&item.code.as_str()) {
                n += u64::from(line.count);
                eligible.push(format!("{} {}", item.code, item.name));
            }
        }
    }
    let problem = match (&excluded, n) {
        (Some(by), _) => Some((
            "RAPID_ADDON_NOT_ALLOWED",
            format!("第1款 通則1 ただし書: 外来迅速検体検査加算 is not billed on a day with {by}"),
        )),
        (None, 0) => Some((
            "RAPID_ADDON_NO_ITEMS",
            "外来迅速検体検査加算: no 検体検査 of 別表第九の二 (特掲診療料の施設基準等) at this visit"
                .to_string(),
        )),
        _ => None,
    };
    if let Some((code, message)) = problem {
        calc.finding(code, &code_path, message);
        calc.lines.retain(|l| single_code(l) != Some(rule.addon));
        return;
    }
    let eligible = eligible.join(", ");
    if let Some(q) = &order.quantity {
        let q: u64 = q.parse().unwrap_or(0);
        let limit = row_of(calc, rule.addon).map_or(5, |r| u64::from(r.kizami_params.upper));
        if q > n {
            calc.finding(
                "RAPID_ADDON_ITEMS",
                &quantity_path,
                format!("外来迅速検体検査加算 for {q}項目, but the visit has {n} 検体検査 of 別表第九の二 ({eligible})"),
            );
        } else if q < n.min(limit) {
            warning(
                calc,
                "RAPID_ADDON_ITEMS",
                &quantity_path,
                format!("外来迅速検体検査加算 for {q}項目 of the {n} 検体検査 of 別表第九の二 at the visit ({eligible}); 通則3 adds 10点 to each, 5項目を限度"),
            );
        }
        return;
    }
    let Some(r) = calc.resolve_procedure(rule.addon, &code_path) else {
        return;
    };
    let row = r.row;
    let k = &row.kizami_params;
    let priced = if row.kizami == 1 {
        kizami_points(r.points * 100, k, n)
    } else {
        KizamiPoints::NotBillable
    };
    let KizamiPoints::Points { x100, capped } = priced else {
        calc.finding(
            "UNSUPPORTED_RULE",
            &code_path,
            format!(
                "{} {}: expected きざみ値 by 項目 in the master (きざみ値計算識別 {})",
                row.code, row.name, row.kizami
            ),
        );
        return;
    };
    let billed = if capped { u64::from(k.upper) } else { n };
    let points = x100 / 100;
    let trace = if calc.req.trace {
        vec![
            format!(
                "医科診療行為マスター {} {}: {}点, きざみ値 {}{} ごとに {}点 (下限値 {}, 上限値 {}, 上下限エラー処理 {})",
                row.code,
                row.name,
                r.points,
                k.step,
                row.unit,
                k.step_points_x100 / 100,
                k.lower,
                k.upper,
                k.error_handling
            ),
            format!(
                "第1款 通則3 外来迅速検体検査加算: 別表第九の二 の検体検査 {n}項目 ({eligible}) → {billed}項目 (5項目を限度) = {points}点"
            ),
        ]
    } else {
        Vec::new()
    };
    calc.lines.push(Line {
        section: r.section.to_string(),
        items: vec![LineItem {
            code: row.code.clone(),
            name: row.name.clone(),
            quantity: Some(billed.to_string()),
            unit: Some(row.unit.clone()),
            unit_price: None,
        }],
        points,
        count: 1,
        total: points,
        trace,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::parse_iso;
    use crate::masters::MasterSet;
    use crate::masters::{Lookup, ProcedureRow};
    use std::path::Path;

    #[test]
    fn tiers_ascend_and_read_like_the_kokuji() {
        for b in BUNDLES {
            assert!(b
                .tiers
                .windows(2)
                .all(|w| w[0].0 < w[1].0 && w[0].1 < w[1].1));
        }
        let d007 = &BUNDLES[0].tiers;
        assert_eq!(tier_text(d007, 0), "5〜7項目");
        assert_eq!(tier_text(d007, 1), "8〜9項目");
        assert_eq!(tier_text(d007, 2), "10項目以上");
        let d013 = &BUNDLES[2].tiers;
        assert_eq!(tier_text(d013, 0), "3項目");
        assert_eq!(tier_text(d013, 2), "5項目以上");
    }

    /// The dated data names real rows of the bundled 令和6 masters: the groups exist, the 外来迅速
    /// items are 検体検査実施料, the 加算 is priced by 項目 up to 5, every 判断グループ of a 実施料 in
    /// the 検体検査 has exactly one D026 row.
    #[test]
    fn rule_data_matches_the_bundled_masters() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../masters");
        let masters = MasterSet::load_dir(&root).unwrap();
        let date = parse_iso("2024-06-01").unwrap();
        let g = masters.generation_for(date).unwrap();
        let valid = |code: &str| match g.procedures.get(code, date) {
            Lookup::Valid(r) => r,
            other => panic!("{code}: {other:?}"),
        };
        for b in BUNDLES {
            let members = g
                .procedures
                .codes()
                .filter(|c| {
                    g.procedures
                        .latest(c)
                        .is_some_and(|r| r.bundle_group == b.group)
                })
                .count();
            assert!(
                members >= b.tiers[0].0,
                "group {} has {members} codes",
                b.group
            );
        }
        for code in RAPID[0].items {
            // 検体検査実施料 (D000–D025); D000 尿中一般物質定性半定量検査 has no 判断料 (D026 注2)
            let r = valid(code);
            assert_eq!(r.section_outpatient, 600, "{code}");
            assert!(
                r.kubun.as_str() < "D026" && r.kubun.starts_with("D0"),
                "{code} {}",
                r.kubun
            );
            assert_eq!(r.test_judgement, u32::from(*code != "160000310"), "{code}");
        }
        let addon = valid(RAPID[0].addon);
        assert_eq!(
            (addon.kizami, addon.kizami_params.upper, addon.points_x100),
            (1, 5, 1000)
        );
        for group in [1, 2, 3, 4, 5, 6, 17] {
            let rows: Vec<&ProcedureRow> = g.judgement_fees[&group]
                .iter()
                .map(|c| valid(c))
                .filter(|r| r.kubun == JUDGEMENT_KUBUN)
                .collect();
            assert_eq!(rows.len(), 1, "group {group}");
        }
    }
}
