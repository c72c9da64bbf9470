//! The typed records of a 医科 UKE file (記録条件仕様（医科用）令和４年４月版, 第1章 3 (4)).
//! Field comments give the 1-based field position in the record, the spec's item name, and its
//! モード / 最大バイト / 固定・可変. Optional fields are `None` when the field is empty.

use super::values::{Date, FutanKubun, MasterCode, ShinryoShikibetsu, UkeDecimal, YearMonth};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A whole RECEIPTC.UKE file: IR, the receipts, GO.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UkeFile {
    /// 医療機関情報レコード (first line).
    pub ir: Ir,
    /// The receipts in file order, each an RE and the records up to the next RE or GO.
    pub receipts: Vec<Receipt>,
    /// 診療報酬請求書レコード (last line).
    pub go: Go,
    /// The file ends with the EOF code 0x1A after the last CRLF, as the spec requires (第1章 3 (3)
    /// ア (ク)). Files without it are read (`false`) and written back without it.
    #[serde(default = "yes")]
    pub eof_mark: bool,
}

fn yes() -> bool {
    true
}

/// IR 医療機関情報レコード (10 fields).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Ir {
    /// 2 審査支払機関 (数字1 固定, 別表1: 1 支払基金, 2 国保連)
    pub shinsa_shiharai_kikan: u8,
    /// 3 都道府県 (数字2 固定, 別表2: "01".."47")
    pub todofuken: String,
    /// 4 点数表 (数字1 固定, 別表3: 1 医科 — the only value this reader accepts)
    pub tensuhyo: u8,
    /// 5 医療機関コード (数字7 固定)
    pub iryokikan_code: String,
    /// 7 医療機関名称 (漢字40 可変); field 6 is 予備 (empty)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iryokikan_name: Option<String>,
    /// 8 請求年月 (数字6 固定, 西暦 YYYYMM)
    pub seikyu_ym: YearMonth,
    /// 9 マルチボリューム識別情報 (数字2 固定: "00", "01", …)
    pub multi_volume: String,
    /// 10 電話番号 (英数15 可変, 任意)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

/// One receipt: its RE record and the records that follow it, in file order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Receipt {
    pub re: Re,
    /// HO, KO, SN, JD, MF, GR, SY, then 摘要 (SI, IY, TO, CO), SJ, and any other records, in order.
    #[serde(default)]
    pub records: Vec<Record>,
}

/// A record inside a receipt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "record")]
pub enum Record {
    #[serde(rename = "HO")]
    Ho(Ho),
    #[serde(rename = "KO")]
    Ko(Ko),
    #[serde(rename = "SN")]
    Sn(Sn),
    #[serde(rename = "JD")]
    Jd(Jd),
    #[serde(rename = "MF")]
    Mf(Mf),
    #[serde(rename = "GR")]
    Gr(Gr),
    #[serde(rename = "SY")]
    Sy(Sy),
    #[serde(rename = "SI")]
    Si(Si),
    #[serde(rename = "IY")]
    Iy(Iy),
    #[serde(rename = "TO")]
    To(Box<To>),
    #[serde(rename = "CO")]
    Co(Co),
    #[serde(rename = "SJ")]
    Sj(Sj),
    /// Any other record (臓器提供 TI/TR/TS, or a type this reader does not know), kept as its
    /// raw fields so nothing is lost.
    #[serde(rename = "other")]
    Other(OtherRecord),
}

impl Record {
    /// The record's identifier in the file ("HO", "SI", …).
    pub fn kind(&self) -> &str {
        match self {
            Record::Ho(_) => "HO",
            Record::Ko(_) => "KO",
            Record::Sn(_) => "SN",
            Record::Jd(_) => "JD",
            Record::Mf(_) => "MF",
            Record::Gr(_) => "GR",
            Record::Sy(_) => "SY",
            Record::Si(_) => "SI",
            Record::Iy(_) => "IY",
            Record::To(_) => "TO",
            Record::Co(_) => "CO",
            Record::Sj(_) => "SJ",
            Record::Other(o) => o.fields.first().map_or("", |s| s.as_str()),
        }
    }
}

/// A record kept as text fields (field 1 is its identifier).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OtherRecord {
    pub fields: Vec<String>,
}

/// 診療科 (RE fields 22–26, 27–31, 32–36): 診療科名 and 組み合わせ名称 codes (別表10–14).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Shinryoka {
    /// 診療科名 (数字2 可変, 別表10)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// 人体の部位等 (数字3 可変, 別表11)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_part: Option<String>,
    /// 性別等 (数字3 可変, 別表12)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sex: Option<String>,
    /// 医学的処置 (数字3 可変, 別表13)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub treatment: Option<String>,
    /// 特定疾病 (数字3 可変, 別表14)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disease: Option<String>,
}

/// RE レセプト共通レコード (38 fields).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Re {
    /// 2 レセプト番号 (数字6 可変; 1, 2, … in file order)
    pub receipt_no: u32,
    /// 3 レセプト種別 (数字4 固定, 別表5, e.g. 1112 医科・医保単独・本人・入院外)
    pub receipt_type: u16,
    /// 4 診療年月 (数字6 固定, YYYYMM)
    pub shinryo_ym: YearMonth,
    /// 5 氏名 (英数40 / 漢字20 可変)
    pub name: String,
    /// 6 男女区分 (数字1 固定, 別表6: 1 男, 2 女)
    pub sex: u8,
    /// 7 生年月日 (数字8 固定)
    pub birth_date: Date,
    /// 8 給付割合 (数字3 可変, %)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kyufu_wariai: Option<u16>,
    /// 9 入院年月日 (数字8 可変)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admission_date: Option<Date>,
    /// 10 病棟区分 (英数8 可変, 別表7: up to 4 two-character codes)
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub byoto: Vec<String>,
    /// 11 一部負担金・食事療養費・生活療養費標準負担額区分 (数字1 可変, 別表8)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub futan_kubun: Option<u8>,
    /// 12 レセプト特記事項 (英数10 可変, 別表9: up to 5 two-character codes)
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tokki: Vec<String>,
    /// 13 病床数 (数字4 可変)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub beds: Option<u16>,
    /// 14 カルテ番号等 (英数20 可変)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub karte_no: Option<String>,
    /// 15 割引点数単価 (数字2 可変)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discount_unit_price: Option<u8>,
    /// 19 検索番号 (数字30 可変); fields 16–18 and 20 are 予備 (empty)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search_no: Option<String>,
    /// 21 請求情報 (英数又は漢字40 可変)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seikyu_info: Option<String>,
    /// 22–36 診療科1, 診療科2, 診療科3 (at most 3; empty trailing ones are left out)
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shinryoka: Vec<Shinryoka>,
    /// 37 カタカナ（氏名） (漢字80 可変)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kana_name: Option<String>,
    /// 38 患者の状態 (数字60 可変, 別表27: up to 20 three-digit codes)
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub patient_state: Vec<String>,
}

/// HO 保険者レコード (15 fields).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Ho {
    /// 2 保険者番号 (英数8 固定; shorter numbers are right-aligned with leading spaces)
    pub hokensha_no: String,
    /// 3 被保険者証（手帳）等の記号 (英数又は漢字38 可変)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kigo: Option<String>,
    /// 4 被保険者証（手帳）等の番号 (英数又は漢字38 可変)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bango: Option<String>,
    /// 5 診療実日数 (数字2 可変)
    pub jitsunissu: u16,
    /// 6 合計点数 (数字8 可変)
    pub total_points: u32,
    /// 8 食事療養・生活療養 回数 (数字2 可変); field 7 is 予備 (empty)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meal_count: Option<u16>,
    /// 9 食事療養・生活療養 合計金額 (数字8 可変, 円)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meal_yen: Option<u32>,
    /// 10 職務上の事由 (数字1 可変, 別表15)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shokumu_jiyu: Option<u8>,
    /// 11 証明書番号 (数字3 可変)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_no: Option<String>,
    /// 12 負担金額 医療保険 (数字9 可変, 円)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub futan_yen: Option<u32>,
    /// 13 減免区分 (数字1 可変, 別表16)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub genmen_kubun: Option<u8>,
    /// 14 減額割合 (数字3 可変, %)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gengaku_wariai: Option<u16>,
    /// 15 減額金額 (数字6 可変, 円)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gengaku_yen: Option<u32>,
}

/// KO 公費レコード (12 fields; up to 4, 第1公費 first).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Ko {
    /// 2 負担者番号 (英数8 固定)
    pub futansha_no: String,
    /// 3 受給者番号 (数字7 可変; 7 digits with leading zeros)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jukyusha_no: Option<String>,
    /// 4 任意給付区分 (数字1 可変)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nini_kyufu: Option<u8>,
    /// 5 診療実日数 (数字2 可変)
    pub jitsunissu: u16,
    /// 6 合計点数 (数字8 可変)
    pub total_points: u32,
    /// 7 負担金額 公費 (数字8 可変, 円)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub futan_yen: Option<u32>,
    /// 8 公費給付対象外来一部負担金 (数字6 可変, 円)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gairai_futan_yen: Option<u32>,
    /// 9 公費給付対象入院一部負担金 (数字6 可変, 円)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nyuin_futan_yen: Option<u32>,
    /// 11 食事療養・生活療養 回数 (数字2 可変); field 10 is 予備 (empty)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meal_count: Option<u16>,
    /// 12 食事療養・生活療養 合計金額 (数字8 可変, 円)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meal_yen: Option<u32>,
}

/// SN 資格確認レコード (9 fields).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Sn {
    /// 2 負担者種別 (数字1 固定, 別表28: 1 医療保険, 2–5 第1–第4公費)
    pub futansha_shubetsu: u8,
    /// 3 確認区分 (数字2 固定, 別表29: "01" …)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kakunin_kubun: Option<String>,
    /// 4 保険者番号等（資格確認） (英数8 可変; 審査支払機関 only)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hokensha_no: Option<String>,
    /// 5 被保険者証（手帳）等の記号（資格確認） (英数又は漢字38 可変)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kigo: Option<String>,
    /// 6 被保険者証（手帳）等の番号（資格確認） (英数又は漢字38 可変)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bango: Option<String>,
    /// 7 枝番 (英数2 可変)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edaban: Option<String>,
    /// 8 受給者番号 (数字7 可変); field 9 is 予備 (empty)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jukyusha_no: Option<String>,
}

/// JD 受診日等レコード (33 fields).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Jd {
    /// 2 負担者種別 (数字1 固定, 別表28)
    pub futansha_shubetsu: u8,
    /// 3–33 1日…31日の情報 (数字1 可変, 別表30 受診等区分: 1 実日数に計上, 2 計上しない,
    /// 9 不一致); index 0 is day 1, 0 = empty.
    pub days: [u8; 31],
}

/// MF 窓口負担額レコード (33 fields: 窓口負担額区分 and 予備1–予備31, which stay empty).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Mf {
    /// 2 窓口負担額区分 (数字2 固定, 別表31: "00", "01", "02")
    pub madoguchi_kubun: String,
}

/// GR 包括評価対象外理由レコード (3 fields).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Gr {
    /// 2 医科点数表算定理由 (数字2 固定, 別表17)
    pub santei_riyu: String,
    /// 3 ＤＰＣコード (英数14 可変)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dpc_code: Option<String>,
}

/// SY 傷病名レコード (8 fields).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Sy {
    /// 2 傷病名コード (数字7 固定; "0000999" = 未コード化傷病名)
    pub code: String,
    /// 3 診療開始日 (数字8 固定)
    pub start_date: Date,
    /// 4 転帰区分 (数字1 固定, 別表18: 1 継続, 2 治ゆ, 3 死亡, 4 中止)
    pub tenki: u8,
    /// 5 修飾語コード (英数80 可変: up to 20 four-character codes)
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub modifiers: Vec<String>,
    /// 6 傷病名称 (漢字40 可変; 未コード化傷病名 only)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// 7 主傷病 (数字2 可変, 別表19: "01" 主)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub main: Option<String>,
    /// 8 補足コメント (漢字40 可変)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

/// A コメント pair of SI / IY / TO (コメントコード 数字9, 文字データ 漢字100).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Comment {
    pub code: MasterCode,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// SI 診療行為レコード (44 fields).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Si {
    /// 2 診療識別 (数字2 可変, 別表20; empty on the lines after the first of a 診療識別)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shikibetsu: Option<ShinryoShikibetsu>,
    /// 3 負担区分 (英数1 固定, 別表21)
    pub futan: FutanKubun,
    /// 4 診療行為コード (数字9 固定)
    pub code: MasterCode,
    /// 5 数量データ (数字8 可変)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<u32>,
    /// 6 点数 (数字7 可変; only on the last line of a 点数・回数算定単位)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<u32>,
    /// 7 回数 (数字3 可変)
    pub count: u16,
    /// 8–13 コメント①–③ (filled from ①)
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub comments: Vec<Comment>,
    /// 14–44 算定日情報 1日…31日 (数字3 可変): the count on each day; index 0 is day 1.
    pub days: [u16; 31],
}

/// IY 医薬品レコード (44 fields).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Iy {
    /// 2 診療識別 (数字2 可変, 別表20)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shikibetsu: Option<ShinryoShikibetsu>,
    /// 3 負担区分 (英数1 固定, 別表21)
    pub futan: FutanKubun,
    /// 4 医薬品コード (数字9 固定)
    pub code: MasterCode,
    /// 5 使用量 (数字11 可変: 整数部5桁, 小数部5桁)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<UkeDecimal>,
    /// 6 点数 (数字7 可変; only on the last line of a 点数・回数算定単位)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<u32>,
    /// 7 回数 (数字3 可変)
    pub count: u16,
    /// 8–13 コメント①–③
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub comments: Vec<Comment>,
    /// 14–44 算定日情報 1日…31日 (数字3 可変); index 0 is day 1.
    pub days: [u16; 31],
}

/// TO 特定器材レコード (48 fields).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct To {
    /// 2 診療識別 (数字2 可変, 別表20)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shikibetsu: Option<ShinryoShikibetsu>,
    /// 3 負担区分 (英数1 固定, 別表21)
    pub futan: FutanKubun,
    /// 4 特定器材コード (数字9 固定)
    pub code: MasterCode,
    /// 5 使用量 (数字9 可変: 整数部5桁, 小数部3桁)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<UkeDecimal>,
    /// 6 点数 (数字7 可変)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<u32>,
    /// 7 回数 (数字3 可変)
    pub count: u16,
    /// 8 単位コード (数字3 可変, 別表22: "001" …)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_code: Option<String>,
    /// 9 単価 (数字11 可変: 整数部8桁, 小数部2桁, 円)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_price: Option<UkeDecimal>,
    /// 11 商品名及び規格又はサイズ (漢字300 可変); field 10 is 予備 (empty)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_name: Option<String>,
    /// 12–17 コメント①–③
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub comments: Vec<Comment>,
    /// 18–48 算定日情報 1日…31日 (数字3 可変); index 0 is day 1.
    pub days: [u16; 31],
}

/// CO コメントレコード (5 fields).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Co {
    /// 2 診療識別 (数字2 可変, 別表20)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shikibetsu: Option<ShinryoShikibetsu>,
    /// 3 負担区分 (英数1 固定, 別表21)
    pub futan: FutanKubun,
    /// 4 コメントコード (数字9 固定)
    pub code: MasterCode,
    /// 5 文字データ (漢字76 可変)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// SJ 症状詳記レコード (3 fields).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Sj {
    /// 2 症状詳記区分 (数字2 可変, 別表23; empty on a continuation)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kubun: Option<String>,
    /// 3 症状詳記データ (漢字2400 可変)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// GO 診療報酬請求書レコード (4 fields).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Go {
    /// 2 総件数 (数字6 可変; empty on a volume that is not the last)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_receipts: Option<u32>,
    /// 3 総合計点数 (数字10 可変)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_points: Option<u64>,
    /// 4 マルチボリューム識別情報 (数字2 固定: "99" = the last or only volume)
    pub multi_volume: String,
}
