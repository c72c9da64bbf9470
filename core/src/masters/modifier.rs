//! 修飾語マスター (z): 4-digit 修飾語コード (接頭語, 接尾語 such as 8002 "の疑い").
//! Columns: マスターファイル仕様説明書 修飾語マスター 項番 1–19.

use super::csvfile::Row;
use crate::error::Result;

pub const COLUMNS: &[usize] = &[19];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModifierRow {
    /// 3 修飾語コード
    pub code: String,
    /// 7 修飾語名称
    pub name: String,
    /// 10 修飾語カナ名称
    pub kana: String,
    /// 14 収載年月日, 15 変更年月日 (0 when empty), 16 廃止年月日
    pub listed: u32,
    pub changed: u32,
    pub abolished: u32,
    /// 17 修飾語管理番号, 18 修飾語交換用コード
    pub management_no: String,
    pub exchange_code: String,
    /// 19 修飾語区分 (e.g. "A8000000": second character 8 = 接尾語, others 接頭語)
    pub class: String,
}

impl ModifierRow {
    /// 接尾語 (written after the 傷病名, e.g. "の疑い") rather than 接頭語.
    pub fn is_suffix(&self) -> bool {
        self.class.as_bytes().get(1) == Some(&b'8')
    }
}

fn parse_row(row: &Row<'_>) -> Result<ModifierRow> {
    Ok(ModifierRow {
        code: row.digits(3, "修飾語コード", 4)?,
        name: row.text(7).to_string(),
        kana: row.text(10).to_string(),
        listed: row.date_or_zero(14, "収載年月日")?,
        changed: row.date_or_zero(15, "変更年月日")?,
        abolished: row.date(16, "廃止年月日")?,
        management_no: row.text(17).trim().to_string(),
        exchange_code: row.text(18).trim().to_string(),
        class: row.text(19).trim().to_string(),
    })
}

crate::master_row!(ModifierRow, "Z", COLUMNS, "修飾語コード", "修飾語マスター");
