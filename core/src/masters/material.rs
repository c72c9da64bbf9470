//! 特定器材マスター (t): 特定保険医療材料 and other 器材, priced in 円.
//! Columns: マスターファイル仕様説明書 特定器材マスター 項番 1–38 (令和6 layout).

use super::csvfile::Row;
use crate::error::Result;

pub const COLUMNS: &[usize] = &[38];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MaterialRow {
    /// 3 特定器材コード
    pub code: String,
    /// 5 漢字名称
    pub name: String,
    /// 8 単位コード, 10 単位漢字名称
    pub unit_code: u32,
    pub unit: String,
    /// 11 金額種別 (1 金額, 2 購入価格, 5 %加算, 9 …; kept as published)
    pub price_kind: u32,
    /// 12 新又は現金額 in 銭
    pub price_sen: i64,
    /// 14 年齢加算区分, 15 下限年齢, 16 上限年齢
    pub age_addon: u32,
    pub age_lower: String,
    pub age_upper: String,
    /// 17 金額種別（旧金額）, 18 旧金額 in 銭
    pub old_price_kind: u32,
    pub old_price_sen: Option<i64>,
    /// 21 酸素等区分
    pub oxygen: u32,
    /// 22 特定器材種別
    pub material_kind: u32,
    /// 23 上限価格, 24 上限点数
    pub upper_price: u32,
    pub upper_points: u32,
    /// 28 変更年月日
    pub changed: u32,
    /// 29 経過措置年月日 (0 none)
    pub transitional: u32,
    /// 30 廃止年月日
    pub abolished: u32,
    /// 31 別表番号, 32 区分番号
    pub table_no: u32,
    pub kubun_no: u32,
    /// 37 基本漢字名称
    pub full_name: String,
}

fn parse_row(row: &Row<'_>) -> Result<MaterialRow> {
    Ok(MaterialRow {
        code: row.digits(3, "特定器材コード", 9)?,
        name: row.text(5).to_string(),
        unit_code: row.number(8, "単位コード")?,
        unit: row.text(10).to_string(),
        price_kind: row.number(11, "金額種別")?,
        price_sen: row.hundredths(12, "新又は現金額")?,
        age_addon: row.number(14, "年齢加算区分")?,
        age_lower: row.text(15).trim().to_string(),
        age_upper: row.text(16).trim().to_string(),
        old_price_kind: row.number(17, "金額種別（旧金額）")?,
        old_price_sen: match row.number(17, "金額種別（旧金額）")? {
            0 => None,
            _ => row.hundredths_opt(18, "旧金額")?,
        },
        oxygen: row.number(21, "酸素等区分")?,
        material_kind: row.number(22, "特定器材種別")?,
        upper_price: row.number(23, "上限価格")?,
        upper_points: row.number(24, "上限点数")?,
        changed: row.date(28, "変更年月日")?,
        transitional: row.date_or_zero(29, "経過措置年月日")?,
        abolished: row.date(30, "廃止年月日")?,
        table_no: row.number(31, "別表番号")?,
        kubun_no: row.number(32, "区分番号")?,
        full_name: row.text(37).to_string(),
    })
}

crate::master_row!(
    MaterialRow,
    "T",
    COLUMNS,
    "特定器材コード",
    "特定器材マスター"
);
