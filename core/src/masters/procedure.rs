//! 医科診療行為マスター (s): one typed row per 診療行為コード.
//! Column numbers and code values: マスターファイル仕様説明書 (令和4年4月) 医科診療行為マスター 項番 1–117,
//! 令和6 layout adds columns up to 150.

use super::csvfile::{read_rows, Row};
use crate::error::Result;

/// Accepted field counts of the s master (令和2 〜 令和6 full and update files: 150).
pub const COLUMNS: &[usize] = &[150];

/// 上下限年齢 / 年齢加算 bounds (columns 41–42, 100–111): "00" = none, two digits = years,
/// letters = the special bounds of 別紙 (生後28日 "AA", 未就学 "MG", …).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgeBound {
    None,
    Years(u8),
    Special([u8; 2]),
}

impl AgeBound {
    fn parse(row: &Row<'_>, col: usize, field: &str) -> Result<AgeBound> {
        let v = row.text(col).trim();
        let b = v.as_bytes();
        if v.is_empty() || v == "00" {
            return Ok(AgeBound::None);
        }
        if b.len() == 2 && b.iter().all(u8::is_ascii_digit) {
            return Ok(AgeBound::Years((b[0] - b'0') * 10 + (b[1] - b'0')));
        }
        if b.len() == 2 && b.iter().all(u8::is_ascii_alphanumeric) {
            return Ok(AgeBound::Special([b[0], b[1]]));
        }
        Err(row.error(
            col,
            field,
            format!("expected a 2-character age code, found {v:?}"),
        ))
    }
}

/// 年齢加算 (columns 100–111): a 加算 code that applies in an age band.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgeAddon {
    pub lower: AgeBound,
    pub upper: AgeBound,
    pub code: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProcedureRow {
    /// 3 診療行為コード
    pub code: String,
    /// 5 省略漢字名称
    pub name: String,
    /// 11 点数識別 (1 金額, 3 点数, 4 購入価格, 5 %加算, 6 %減算, 7 減点, 8 点数マイナス)
    pub points_kind: u32,
    /// 12 新又は現点数, in hundredths
    pub points_x100: i64,
    /// 13 入外適用区分 (0 both, 1 入院のみ, 2 入院外のみ)
    pub inout: u32,
    /// 14 後期高齢者医療適用区分 (0 both, 1 医療保険のみ, 2 後期高齢者医療のみ)
    pub kouki: u32,
    /// 15 点数欄集計先識別（入院外）
    pub section_outpatient: u32,
    /// 16 包括対象検査
    pub bundle_group: u32,
    /// 30 きざみ値計算識別
    pub kizami: u32,
    /// 38 注加算コード
    pub addon_code: String,
    /// 39 注加算通番
    pub addon_seq: String,
    /// 41 下限年齢
    pub age_lower: AgeBound,
    /// 42 上限年齢 (exclusive)
    pub age_upper: AgeBound,
    /// 43 時間加算区分
    pub time_addon: u32,
    /// 56 外来管理加算区分 (0, 1 外来管理加算を算定できない, 2 外来管理加算自体)
    pub gairai_kanri: u32,
    /// 57 点数識別（旧）
    pub old_points_kind: u32,
    /// 58 旧点数, in hundredths
    pub old_points_x100: Option<i64>,
    /// 87 変更年月日 (YYYYMMDD)
    pub changed: u32,
    /// 88 廃止年月日 (last day the code may be used; 99999999 = open)
    pub abolished: u32,
    /// 100–111 年齢加算1..4
    pub age_addons: Vec<AgeAddon>,
}

fn parse_row(row: &Row<'_>) -> Result<ProcedureRow> {
    let mut age_addons = Vec::new();
    for i in 0..4 {
        let base = 100 + i * 3;
        let code = row.text(base + 2).trim();
        if code.is_empty() || code.bytes().all(|b| b == b'0') {
            continue;
        }
        age_addons.push(AgeAddon {
            lower: AgeBound::parse(row, base, "年齢加算 下限年齢")?,
            upper: AgeBound::parse(row, base + 1, "年齢加算 上限年齢")?,
            code: row.digits(base + 2, "年齢加算 注加算診療行為コード", 9)?,
        });
    }
    Ok(ProcedureRow {
        code: row.digits(3, "診療行為コード", 9)?,
        name: row.text(5).to_string(),
        points_kind: row.number(11, "点数識別")?,
        points_x100: row.hundredths(12, "新又は現点数")?,
        inout: row.number(13, "入外適用区分")?,
        kouki: row.number(14, "後期高齢者医療適用区分")?,
        section_outpatient: row.number(15, "点数欄集計先識別（入院外）")?,
        bundle_group: row.number(16, "包括対象検査")?,
        kizami: row.number(30, "きざみ値計算識別")?,
        addon_code: row.text(38).trim().to_string(),
        addon_seq: row.text(39).trim().to_string(),
        age_lower: AgeBound::parse(row, 41, "下限年齢")?,
        age_upper: AgeBound::parse(row, 42, "上限年齢")?,
        time_addon: row.number(43, "時間加算区分")?,
        gairai_kanri: row.number(56, "外来管理加算区分")?,
        old_points_kind: row.number(57, "点数識別（旧）")?,
        old_points_x100: row.hundredths_opt(58, "旧点数")?,
        changed: row.date(87, "変更年月日")?,
        abolished: row.date(88, "廃止年月日")?,
        age_addons,
    })
}

/// Reads every row of one file of this master.
pub fn parse(file: &str, text: &str) -> Result<Vec<ProcedureRow>> {
    read_rows(file, text, COLUMNS, "S", parse_row)
}
