//! 医薬品マスター (y): one typed row per 医薬品コード.
//! Columns: マスターファイル仕様説明書 医薬品マスター 項番 1–40; 42 columns from the October 2024 layout
//! (41 長期収載品関連, 42 選定療養区分).

use super::csvfile::{read_rows, Row};
use crate::error::Result;

pub const COLUMNS: &[usize] = &[40, 42];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DrugRow {
    /// 3 医薬品コード
    pub code: String,
    /// 5 漢字名称
    pub name: String,
    /// 10 単位 漢字名称
    pub unit: String,
    /// 11 金額種別 (1 金額, 3 薬剤使用量省略（歯科）, 7 減点)
    pub price_kind: u32,
    /// 12 新又は現金額 (薬価, 円) in hundredths (銭)
    pub price_sen: i64,
    /// 25 旧金額 in 銭
    pub old_price_sen: Option<i64>,
    /// 28 剤形 (1 内用薬, 3 その他, 4 注射薬, 6 外用薬, 8 歯科用薬剤)
    pub form: u32,
    /// 30 変更年月日
    pub changed: u32,
    /// 31 廃止年月日 (last day usable; 99999999 = open)
    pub abolished: u32,
}

pub const FORM_INTERNAL: u32 = 1;
pub const FORM_INJECTION: u32 = 4;
pub const FORM_EXTERNAL: u32 = 6;

fn parse_row(row: &Row<'_>) -> Result<DrugRow> {
    Ok(DrugRow {
        code: row.digits(3, "医薬品コード", 9)?,
        name: row.text(5).to_string(),
        unit: row.text(10).to_string(),
        price_kind: row.number(11, "金額種別")?,
        price_sen: row.hundredths(12, "新又は現金額")?,
        old_price_sen: row.hundredths_opt(25, "旧金額")?,
        form: row.number(28, "剤形")?,
        changed: row.date(30, "変更年月日")?,
        abolished: row.date(31, "廃止年月日")?,
    })
}

/// Reads every row of one file of this master.
pub fn parse(file: &str, text: &str) -> Result<Vec<DrugRow>> {
    read_rows(file, text, COLUMNS, "Y", parse_row)
}
