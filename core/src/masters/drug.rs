//! 医薬品マスター (y): one typed row per 医薬品コード.
//! Columns: マスターファイル仕様説明書 医薬品マスター 項番 1–40; the 42-column layout (files from
//! October 2024) adds 41 長期収載品関連 and 42 選定療養区分.

use super::csvfile::Row;
use crate::code_enum;
use crate::error::Result;

/// The two published layouts: 40 columns (to September 2024) and 42 columns.
pub const COLUMNS: &[usize] = &[40, 42];

code_enum!(
    /// 11 / 24 金額種別 (別紙4-2)
    PriceKind, "金額種別" {
        /// 0: no (旧) value
        None = 0,
        /// 1 金額
        Amount = 1,
        /// 3 薬剤使用量省略（歯科に限る）
        DentalOmitted = 3,
        /// 7 減点
        Reduction = 7,
    }
);

code_enum!(
    /// 28 剤形
    DrugForm, "剤形" {
        /// 1 内用薬
        Internal = 1,
        /// 3 その他
        Other = 3,
        /// 4 注射薬
        Injection = 4,
        /// 6 外用薬
        External = 6,
        /// 8 歯科用薬剤
        Dental = 8,
    }
);

impl DrugForm {
    pub fn label(self) -> &'static str {
        match self {
            DrugForm::Internal => "内用薬",
            DrugForm::Other => "その他",
            DrugForm::Injection => "注射薬",
            DrugForm::External => "外用薬",
            DrugForm::Dental => "歯科用薬剤",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DrugRow {
    /// 1 変更区分 of the record as published
    pub change: u32,
    /// 3 医薬品コード
    pub code: String,
    /// 5 漢字名称
    pub name: String,
    /// 7 カナ名称
    pub kana: String,
    /// 8 単位コード
    pub unit_code: u32,
    /// 10 単位 漢字名称
    pub unit: String,
    /// 11 金額種別
    pub price_kind: PriceKind,
    /// 12 新又は現金額 (薬価, 円) in hundredths (銭)
    pub price_sen: i64,
    /// 14 麻薬・毒薬・覚醒剤原料・向精神薬 (0, 1 麻薬, 2 毒薬, 3 覚醒剤原料, 5 向精神薬)
    pub narcotic: u32,
    /// 15 神経破壊剤, 16 生物学的製剤, 17 後発品
    pub neurolytic: u32,
    pub biological: u32,
    pub generic: u32,
    /// 20 造影（補助）剤
    pub contrast: u32,
    /// 21 注射容量
    pub injection_volume: u32,
    /// 24 金額種別（旧金額）, 25 旧金額 in 銭 (None when the 金額種別 is 0)
    pub old_price_kind: PriceKind,
    pub old_price_sen: Option<i64>,
    /// 28 剤形
    pub form: DrugForm,
    /// 30 変更年月日
    pub changed: u32,
    /// 31 廃止年月日 (last day usable; 99999999 = open)
    pub abolished: u32,
    /// 32 薬価基準収載医薬品コード
    pub yj_code: String,
    /// 34 経過措置年月日又は商品名医薬品コード使用期限: the last day a 経過措置品目 may be billed
    /// (0 = no 経過措置; the master writes "0")
    pub transition: u32,
    /// 35 基本漢字名称
    pub full_name: String,
    /// 37 一般名コード, 38 一般名処方の標準的な記載
    pub generic_name_code: String,
    pub generic_name: String,
    /// 39 一般名処方加算対象区分
    pub generic_rx_addon: u32,
    /// 41 長期収載品関連, 42 選定療養区分 (42-column layout; 0 in the 40-column one)
    pub long_listed: String,
    pub selective_care: u32,
}

fn parse_row(row: &Row<'_>) -> Result<DrugRow> {
    Ok(DrugRow {
        change: row.number(1, "変更区分")?,
        code: row.digits(3, "医薬品コード", 9)?,
        name: row.text(5).to_string(),
        kana: row.text(7).to_string(),
        unit_code: row.number(8, "単位コード")?,
        unit: row.text(10).to_string(),
        price_kind: PriceKind::parse(row, 11)?,
        price_sen: row.hundredths(12, "新又は現金額")?,
        narcotic: row.number(14, "麻薬・毒薬・覚醒剤原料・向精神薬")?,
        neurolytic: row.number(15, "神経破壊剤")?,
        biological: row.number(16, "生物学的製剤")?,
        generic: row.number(17, "後発品")?,
        contrast: row.number(20, "造影（補助）剤")?,
        injection_volume: row.number(21, "注射容量")?,
        old_price_kind: PriceKind::parse(row, 24)?,
        // 金額種別（旧金額） 0 = no 旧金額 (a newly listed drug); its "0.00" is not a price
        old_price_sen: match PriceKind::parse(row, 24)? {
            PriceKind::None => None,
            _ => row.hundredths_opt(25, "旧金額")?,
        },
        form: DrugForm::parse(row, 28)?,
        changed: row.date(30, "変更年月日")?,
        abolished: row.date(31, "廃止年月日")?,
        yj_code: row.text(32).trim().to_string(),
        transition: match row.text(34).trim() {
            "" | "0" => 0,
            _ => row.date(34, "経過措置年月日")?,
        },
        full_name: row.text(35).to_string(),
        generic_name_code: row.text(37).trim().to_string(),
        generic_name: row.text(38).to_string(),
        generic_rx_addon: row.number(39, "一般名処方加算対象区分")?,
        long_listed: row.text(41).trim().to_string(),
        selective_care: row.number(42, "選定療養区分")?,
    })
}

crate::master_row!(DrugRow, "Y", COLUMNS, "医薬品コード", "医薬品マスター");
