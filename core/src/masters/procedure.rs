//! 医科診療行為マスター (s): one typed row per 診療行為コード.
//! Column numbers and code values: マスターファイル仕様説明書 (令和4年4月) 医科診療行為マスター 項番 1–117;
//! the 令和6 layout has 150 columns (118–131 new 加算区分, 132–150 予備).

use super::csvfile::Row;
use crate::code_enum;
use crate::error::Result;

/// Accepted field counts of the s master (令和2 〜 令和6 full and update files: 150).
pub const COLUMNS: &[usize] = &[150];

code_enum!(
    /// 11 / 57 点数識別
    PointsKind, "点数識別" {
        /// 0: no (旧) value
        None = 0,
        /// 1 金額
        Amount = 1,
        /// 3 点数（プラス）
        Points = 3,
        /// 4 購入価格（点数）
        PurchasePrice = 4,
        /// 5 ％加算
        PercentAdd = 5,
        /// 6 ％減算
        PercentSub = 6,
        /// 7 減点診療行為
        Reduction = 7,
        /// 8 点数（マイナス）
        MinusPoints = 8,
    }
);

code_enum!(
    /// 13 入外適用区分
    InOut, "入外適用区分" {
        Both = 0,
        /// 1 入院レセプトのみ
        InpatientOnly = 1,
        /// 2 入院外レセプトのみ
        OutpatientOnly = 2,
    }
);

code_enum!(
    /// 14 後期高齢者医療適用区分
    KoukiScope, "後期高齢者医療適用区分" {
        Both = 0,
        /// 1 医療保険のみ
        MedicalInsuranceOnly = 1,
        /// 2 後期高齢者医療のみ
        KoukiOnly = 2,
    }
);

code_enum!(
    /// 37 上限回数エラー処理
    LimitHandling, "上限回数エラー処理" {
        /// 0 上限回数を確認する
        Confirm = 0,
        /// 1 上限回数を算定する
        Cap = 1,
    }
);

code_enum!(
    /// 68 / 69 告示等識別区分
    KokujiKind, "告示等識別区分" {
        None = 0,
        /// 1 基本項目（告示）
        Basic = 1,
        /// 3 合成項目
        Composite = 3,
        /// 5 準用項目（通知）
        Analogous = 5,
        /// 7 加算項目
        Addon = 7,
        /// 9 通則加算項目
        GeneralAddon = 9,
    }
);

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

/// Whether a patient born on `birth` is inside a master age band on `date` (lower inclusive,
/// upper exclusive; 上下限年齢 columns 41–42, 年齢加算 100–111). Err carries a special age code
/// this version does not evaluate.
pub fn in_age_band(
    birth: chrono::NaiveDate,
    date: chrono::NaiveDate,
    lower: AgeBound,
    upper: AgeBound,
) -> std::result::Result<bool, String> {
    let age = crate::date::age_on(birth, date);
    let ok_lower = match lower {
        AgeBound::None => true,
        AgeBound::Years(n) => age >= u32::from(n),
        AgeBound::Special(c) => !special_below(birth, date, c)?,
    };
    let ok_upper = match upper {
        AgeBound::None => true,
        AgeBound::Years(n) => age < u32::from(n),
        AgeBound::Special(c) => special_below(birth, date, c)?,
    };
    Ok(ok_lower && ok_upper)
}

/// Whether `date` is before the special age bound (別紙: 上下限年齢の特殊コード).
fn special_below(
    birth: chrono::NaiveDate,
    date: chrono::NaiveDate,
    code: [u8; 2],
) -> std::result::Result<bool, String> {
    use crate::copay::burden::school_entry;
    use crate::date::{first_of_next_month, reaches_age};
    let days = (date - birth).num_days();
    Ok(match &code {
        b"AA" => days < 28,                  // 生後28日
        b"AE" => days < 90,                  // 生後90日
        b"MG" => date < school_entry(birth), // 未就学児
        b"B3" => date < first_of_next_month(reaches_age(birth, 3)),
        b"B6" => date < first_of_next_month(reaches_age(birth, 6)),
        b"BF" => date < first_of_next_month(reaches_age(birth, 15)),
        b"BK" => date < first_of_next_month(reaches_age(birth, 20)),
        _ => return Err(String::from_utf8_lossy(&code).into_owned()),
    })
}

/// Shows an age band as the master gives it ("3–6", "MG–").
pub fn band_text(lower: AgeBound, upper: AgeBound) -> String {
    let show = |b: AgeBound| match b {
        AgeBound::None => String::new(),
        AgeBound::Years(n) => n.to_string(),
        AgeBound::Special(c) => String::from_utf8_lossy(&c).into_owned(),
    };
    format!("{}–{}", show(lower), show(upper))
}

/// 年齢加算 (columns 100–111): a 加算 code that applies in an age band.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgeAddon {
    pub lower: AgeBound,
    pub upper: AgeBound,
    pub code: String,
}

/// きざみ値 (columns 30–35): points by quantity steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kizami {
    /// 31 下限値 (0 = none)
    pub lower: u32,
    /// 32 上限値 (99999999 = none)
    pub upper: u32,
    /// 33 きざみ値
    pub step: u32,
    /// 34 きざみ点数, in hundredths
    pub step_points_x100: i64,
    /// 35 上下限エラー処理 (0–3)
    pub error_handling: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProcedureRow {
    /// 1 変更区分 of the record as published
    pub change: u32,
    /// 3 診療行為コード
    pub code: String,
    /// 5 省略漢字名称
    pub name: String,
    /// 7 省略カナ名称
    pub kana: String,
    /// 8 データ規格コード (単位)
    pub unit_code: u32,
    /// 10 データ規格名
    pub unit: String,
    /// 11 点数識別
    pub points_kind: PointsKind,
    /// 12 新又は現点数, in hundredths
    pub points_x100: i64,
    /// 13 入外適用区分
    pub inout: InOut,
    /// 14 後期高齢者医療適用区分
    pub kouki: KoukiScope,
    /// 15 点数欄集計先識別（入院外）
    pub section_outpatient: u32,
    /// 16 包括対象検査 (0 none; 1 血液化学 … group ids for まるめ)
    pub bundle_group: u32,
    /// 18 DPC適用区分
    pub dpc: u32,
    /// 19 病院・診療所区分 (0, 1 病院のみ, 2 診療所のみ, 4 短期滞在手術等基本料3)
    pub facility_scope: u32,
    /// 25 傷病名関連区分 (e.g. 5: B000 and its 加算, which need a 特定疾患)
    pub disease_related: u32,
    /// 27 実日数 / 28 日数・回数
    pub actual_days: u32,
    pub days_count: u32,
    /// 29 医薬品関連区分
    pub drug_related: u32,
    /// 30 きざみ値計算識別 (0/1) and 31–35
    pub kizami: u32,
    pub kizami_params: Kizami,
    /// 36 上限回数 (0 = 無制限)
    pub limit_count: u32,
    /// 37 上限回数エラー処理
    pub limit_handling: LimitHandling,
    /// 38 注加算コード
    pub addon_code: String,
    /// 39 注加算通番
    pub addon_seq: String,
    /// 40 通則年齢
    pub general_age: u32,
    /// 41 下限年齢
    pub age_lower: AgeBound,
    /// 42 上限年齢 (exclusive)
    pub age_upper: AgeBound,
    /// 43 時間加算区分
    pub time_addon: u32,
    /// 44 適合区分, 45 対象施設基準
    pub conformity: u32,
    pub facility_standard: u32,
    /// 46 処置乳幼児加算区分, 47 極低出生体重児加算区分
    pub infant_procedure: u32,
    pub low_birth_weight: u32,
    /// 50 検査等実施判断区分 (1 実施料, 2 判断料)
    pub test_judgement: u32,
    /// 51 検査等実施判断グループ区分
    pub test_judgement_group: u32,
    /// 52 逓減対象区分
    pub decreasing: u32,
    /// 56 外来管理加算区分 (0, 1 外来管理加算を算定できない, 2 外来管理加算自体)
    pub gairai_kanri: u32,
    /// 57 点数識別（旧）
    pub old_points_kind: PointsKind,
    /// 58 旧点数, in hundredths (None when 点数識別（旧） is 0)
    pub old_points_x100: Option<i64>,
    /// 66 点数欄集計先識別（入院）
    pub section_inpatient: u32,
    /// 68 / 69 告示等識別区分（1）（2）
    pub kokuji1: KokujiKind,
    pub kokuji2: KokujiKind,
    /// 71 病床数区分
    pub bed_class: u32,
    /// 72–81 施設基準①–⑩ (4-digit 施設基準コード; 0 none)
    pub facility_standards: Vec<u32>,
    /// 85 + 92 + 93: 点数表の区分番号, e.g. "A000", "D007-2"
    pub kubun: String,
    /// 94 コード表用番号 項番
    pub item_no: u32,
    /// 87 変更年月日 (YYYYMMDD)
    pub changed: u32,
    /// 88 廃止年月日 (last day the code may be used; 99999999 = open)
    pub abolished: u32,
    /// 100–111 年齢加算1..4
    pub age_addons: Vec<AgeAddon>,
    /// 113 基本漢字名称
    pub full_name: String,
}

/// 区分番号 for display: alphabet (85) + 区分番号 (92) + "-" 枝番 (93) when not 00.
fn kubun(row: &Row<'_>) -> String {
    let alpha = row.text(85).trim();
    if alpha.is_empty() || alpha == "-" || alpha == "*" {
        return String::new();
    }
    let num = row.text(92).trim();
    let branch = row.text(93).trim();
    if branch.is_empty() || branch.bytes().all(|b| b == b'0') {
        format!("{alpha}{num}")
    } else {
        format!("{alpha}{num}-{}", branch.trim_start_matches('0'))
    }
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
    let mut facility_standards = Vec::new();
    for col in 72..=81 {
        let v = row.number(col, "施設基準")?;
        if v != 0 {
            facility_standards.push(v);
        }
    }
    Ok(ProcedureRow {
        change: row.number(1, "変更区分")?,
        code: row.digits(3, "診療行為コード", 9)?,
        name: row.text(5).to_string(),
        kana: row.text(7).to_string(),
        unit_code: row.number(8, "データ規格コード")?,
        unit: row.text(10).to_string(),
        points_kind: PointsKind::parse(row, 11)?,
        points_x100: row.hundredths(12, "新又は現点数")?,
        inout: InOut::parse(row, 13)?,
        kouki: KoukiScope::parse(row, 14)?,
        section_outpatient: row.number(15, "点数欄集計先識別（入院外）")?,
        bundle_group: row.number(16, "包括対象検査")?,
        dpc: row.number(18, "DPC適用区分")?,
        facility_scope: row.number(19, "病院・診療所区分")?,
        disease_related: row.number(25, "傷病名関連区分")?,
        actual_days: row.number(27, "実日数")?,
        days_count: row.number(28, "日数・回数")?,
        drug_related: row.number(29, "医薬品関連区分")?,
        kizami: row.number(30, "きざみ値計算識別")?,
        kizami_params: Kizami {
            lower: row.number(31, "下限値")?,
            upper: row.number(32, "上限値")?,
            step: row.number(33, "きざみ値")?,
            step_points_x100: row.hundredths_opt(34, "きざみ点数")?.unwrap_or(0),
            error_handling: row.number(35, "上下限エラー処理")?,
        },
        limit_count: row.number(36, "上限回数")?,
        limit_handling: LimitHandling::parse(row, 37)?,
        addon_code: row.text(38).trim().to_string(),
        addon_seq: row.text(39).trim().to_string(),
        general_age: row.number(40, "通則年齢")?,
        age_lower: AgeBound::parse(row, 41, "下限年齢")?,
        age_upper: AgeBound::parse(row, 42, "上限年齢")?,
        time_addon: row.number(43, "時間加算区分")?,
        conformity: row.number(44, "適合区分")?,
        facility_standard: row.number(45, "対象施設基準")?,
        infant_procedure: row.number(46, "処置乳幼児加算区分")?,
        low_birth_weight: row.number(47, "極低出生体重児加算区分")?,
        test_judgement: row.number(50, "検査等実施判断区分")?,
        test_judgement_group: row.number(51, "検査等実施判断グループ区分")?,
        decreasing: row.number(52, "逓減対象区分")?,
        gairai_kanri: row.number(56, "外来管理加算区分")?,
        old_points_kind: PointsKind::parse(row, 57)?,
        // 点数識別（旧） 0 = there is no 旧点数 (a new code); its "0.00" is not a price
        old_points_x100: match PointsKind::parse(row, 57)? {
            PointsKind::None => None,
            _ => row.hundredths_opt(58, "旧点数")?,
        },
        section_inpatient: row.number(66, "点数欄集計先識別（入院）")?,
        kokuji1: KokujiKind::parse(row, 68)?,
        kokuji2: KokujiKind::parse(row, 69)?,
        bed_class: row.number(71, "病床数区分")?,
        facility_standards,
        kubun: kubun(row),
        item_no: row.number(94, "コード表用番号 項番")?,
        changed: row.date(87, "変更年月日")?,
        abolished: row.date(88, "廃止年月日")?,
        age_addons,
        full_name: row.text(113).to_string(),
    })
}

crate::master_row!(
    ProcedureRow,
    "S",
    COLUMNS,
    "診療行為コード",
    "医科診療行為マスター"
);
