//! The レセプト's 点数欄 (様式第2号): per 診療識別, the 回数 box, the 点数, and the 薬剤 / 特定保険医療材料
//! part of the 点数 — worked out from the receipt lines alone (one visit's lines or a month's receipt
//! lines), so that a visit and a month follow the same rules. The rules, per 欄, with the passage of
//! 「診療報酬請求書等の記載要領等について」 別紙1 Ⅱ 第3 (診療報酬明細書の記載要領, 入院外) they follow:
//!
//! - 21 内服: 「単位」 = Σ 日数 of the 剤 lines (1剤1日分 = 1単位; 「投薬」欄 「内服」の項).
//! - 22 屯服: Σ 回数 of the 剤 lines (1回分 = 1単位; 「投薬」欄 「屯服」の項).
//! - 23 外用: Σ 調剤 of the 剤 lines (1調剤 = 1単位; 「投薬」欄 「外用」の項).
//! - every other 欄: Σ 回数 of its 診療行為 lines that are not 加算 — the line's first item is a
//!   診療行為 (code 1xxxxxxxx) whose 告示等識別区分 (master columns 68/69) is not 7 加算項目 or
//!   9 通則加算項目. So 11 初診 counts 初診料 (「初診」欄 回数; its 時間外・乳幼児加算 are 加算),
//!   12 再診 counts 再診料・外来診療料・同日再診 (「再診」の項; 外来管理加算 and 時間外・休日・深夜 are
//!   the 欄's other 項, 加算 here), 24 調剤 the 調剤料 (内服・屯服 and 外用, each once per 処方: 「調剤」の項 ×回), 25 処方 the 処方料 (特定疾患処方管理加算 is a
//!   加算), 31–33 注射 the 手技 (not the 薬剤 lines nor 精密持続点滴注射加算 …), 40 処置 / 50 手術 /
//!   60 検査 (a まるめ group is one line, one 回; 判断料 and 採血料 are lines of their own) / 70 画像
//!   (a study is one line, one 回; its 電子画像管理加算 and a lone 画像診断管理加算 line are 加算) /
//!   80 その他 (処方箋料, 「処方せん」の項). 13 医学管理 has no 回数 box on paper (「医学管理」欄 shows
//!   the 点数 only): its `count` is the same Σ over the 管理料 lines, for the 摘要 not the box.
//!   14 在宅 shows 回数 per 項 (往診, 在宅患者訪問診療 …): its `count` is the Σ over its base lines.
//! - `drug_total` / `material_total` (欄 14 and 31 onward, where the paper has a 「薬剤」 項): the
//!   points of the 欄's 薬剤 lines (first item 6xxxxxxxx) and 特定保険医療材料 lines (7xxxxxxxx), plus
//!   the 薬剤 (E300) and フィルム・材料 (E400/E401) a 画像 study carries inside its own line, priced
//!   as the study priced them (薬剤: Σ 薬価 × 使用量 by the 15円 rule; 材料: Σ 材料価格 × 数量 / 10
//!   四捨五入, × (100 + %) / 100 with a 金額種別 5 %加算 such as フィルム料（乳幼児）加算).

use super::drug::{drug_points_per_unit, parse_quantity};
use super::material_points;
use crate::masters::procedure::KokujiKind;
use crate::masters::Generation;
use crate::model::{LineItem, SectionTotal};
use rust_decimal::Decimal;

/// A receipt line as the 点数欄 see it.
pub(crate) struct Entry<'a> {
    pub section: &'a str,
    pub items: &'a [LineItem],
    pub count: u32,
    pub total: i64,
}

/// 21 内服, 22 屯服, 23 外用: the 欄 is 薬剤 itself, its 回数 box the 単位 of its 剤.
fn is_drug_section(section: &str) -> bool {
    matches!(section, "21" | "22" | "23")
}

/// 14 在宅 and 31 onward have a 「薬剤」 項 (and carry 特定保険医療材料).
fn has_supplies(section: &str) -> bool {
    section == "14" || section >= "31"
}

/// Totals per 点数欄, in the order of the lines (they come sorted by 診療識別).
pub(crate) fn section_totals<'a>(
    generation: &Generation,
    lines: impl IntoIterator<Item = Entry<'a>>,
) -> Vec<SectionTotal> {
    let mut sections: Vec<SectionTotal> = Vec::new();
    for line in lines {
        if sections.last().is_none_or(|s| s.section != line.section) {
            let supplies = has_supplies(line.section);
            sections.push(SectionTotal {
                section: line.section.to_string(),
                count: 0,
                total: 0,
                drug_total: supplies.then_some(0),
                material_total: supplies.then_some(0),
            });
        }
        let Some(s) = sections.last_mut() else {
            continue;
        };
        s.total += line.total;
        if is_drug_section(line.section) {
            s.count += line.count;
            continue;
        }
        let first = line.items.first().map_or("", |i| i.code.as_str());
        let (drugs, materials) = match first.as_bytes().first() {
            Some(b'1') => {
                if !is_addon(generation, first) {
                    s.count += line.count;
                }
                let (d, m) = inner_supplies(generation, line.items);
                (d * i64::from(line.count), m * i64::from(line.count))
            }
            Some(b'6') => (line.total, 0),
            Some(b'7') => (0, line.total),
            _ => (0, 0),
        };
        if let Some(d) = s.drug_total.as_mut() {
            *d += drugs;
        }
        if let Some(m) = s.material_total.as_mut() {
            *m += materials;
        }
    }
    sections
}

/// 告示等識別区分 (1) 7 加算項目 / 9 通則加算項目, or (2) 7 加算項目.
fn is_addon(generation: &Generation, code: &str) -> bool {
    generation.procedures.latest(code).is_some_and(|r| {
        matches!(r.kokuji1, KokujiKind::Addon | KokujiKind::GeneralAddon)
            || r.kokuji2 == KokujiKind::Addon
    })
}

/// The 薬剤 and 材料 points per unit inside a 診療行為 line (a 画像 study's E300 / E400 / E401).
fn inner_supplies(generation: &Generation, items: &[LineItem]) -> (i64, i64) {
    let amount = |i: &LineItem| -> Option<Decimal> {
        let price = parse_quantity(i.unit_price.as_deref()?)?;
        let qty = i.quantity.as_deref().and_then(parse_quantity)?;
        Some(price * qty)
    };
    let mut drug_yen: Option<Decimal> = None;
    let mut material_yen: Option<Decimal> = None;
    let mut percent = Decimal::ZERO;
    for item in items.iter().skip(1) {
        match item.code.as_bytes().first() {
            Some(b'6') => {
                if let Some(y) = amount(item) {
                    *drug_yen.get_or_insert(Decimal::ZERO) += y;
                }
            }
            Some(b'7') => match amount(item) {
                Some(y) => *material_yen.get_or_insert(Decimal::ZERO) += y,
                None => {
                    if let Some(r) = generation.materials.latest(&item.code) {
                        if r.price_kind == 5 {
                            percent += Decimal::new(r.price_sen, 2);
                        }
                    }
                }
            },
            _ => {}
        }
    }
    let drugs = drug_yen.map_or(0, drug_points_per_unit);
    let materials = material_yen.map_or(0, |y| {
        material_points(y * (Decimal::from(100) + percent) / Decimal::from(100))
    });
    (drugs, materials)
}
