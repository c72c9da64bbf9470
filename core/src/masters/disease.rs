//! 傷病名マスター (b): 7-digit 傷病名コード with ICD-10 and the flags the checks use.
//! Columns: マスターファイル仕様説明書 傷病名マスター 項番 1–46 (令和6 layout).

use super::csvfile::Row;
use crate::error::Result;

pub const COLUMNS: &[usize] = &[46];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiseaseRow {
    /// 3 傷病名コード
    pub code: String,
    /// 4 移行先コード
    pub successor: String,
    /// 6 傷病名基本名称
    pub full_name: String,
    /// 8 傷病名省略名称
    pub name: String,
    /// 10 傷病名カナ名称
    pub kana: String,
    /// 11 病名管理番号
    pub management_no: String,
    /// 12 採択区分
    pub adoption: u32,
    /// 13 病名交換用コード
    pub exchange_code: String,
    /// 16 / 17 ICD-10-1 / ICD-10-2 (2013)
    pub icd10_1: String,
    pub icd10_2: String,
    /// 19 単独使用禁止区分 (01 = 単独使用禁止)
    pub no_standalone: u32,
    /// 20 保険請求外区分
    pub not_billable: u32,
    /// 21 特定疾患等対象区分 (e.g. 05 特定疾患療養管理料の対象)
    pub specific_disease: u32,
    /// 22 収載年月日, 23 変更年月日 (0 when empty), 24 廃止年月日
    pub listed: u32,
    pub changed: u32,
    pub abolished: u32,
    /// 43 難病外来対象区分
    pub intractable_outpatient: u32,
}

impl DiseaseRow {
    /// 傷病名マスター 項番21 特定疾患等対象区分: 05 特定疾患療養管理料算定対象, 08 特定疾患療養管理料
    /// 又はてんかん指導料算定対象 (マスターファイル仕様説明書). The same 別表第一 of 特掲診療料の施設基準等
    /// is the 特定疾患処方管理加算's (医科診療行為マスター 項番25 傷病名関連区分 5 names both).
    pub fn is_tokutei_shikkan(&self) -> bool {
        matches!(self.specific_disease, 5 | 8)
    }
}

fn parse_row(row: &Row<'_>) -> Result<DiseaseRow> {
    Ok(DiseaseRow {
        code: row.digits(3, "傷病名コード", 7)?,
        successor: row.text(4).trim().to_string(),
        full_name: row.text(6).to_string(),
        name: row.text(8).to_string(),
        kana: row.text(10).to_string(),
        management_no: row.text(11).trim().to_string(),
        adoption: row.number(12, "採択区分")?,
        exchange_code: row.text(13).trim().to_string(),
        icd10_1: row.text(16).trim().to_string(),
        icd10_2: row.text(17).trim().to_string(),
        no_standalone: row.number(19, "単独使用禁止区分")?,
        not_billable: row.number(20, "保険請求外区分")?,
        specific_disease: row.number(21, "特定疾患等対象区分")?,
        listed: row.date_or_zero(22, "収載年月日")?,
        changed: row.date_or_zero(23, "変更年月日")?,
        abolished: row.date(24, "廃止年月日")?,
        intractable_outpatient: row.number(43, "難病外来対象区分")?,
    })
}

crate::master_row!(DiseaseRow, "B", COLUMNS, "傷病名コード", "傷病名マスター");
