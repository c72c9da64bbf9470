//! The one request/response model that crosses every boundary (JSON for C, C#, Java; plain JS
//! objects for wasm). camelCase on the wire; points and yen are integers, prices decimal strings.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// An outpatient claim for one visit (one date of service).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CalcRequest {
    /// Date of service, `YYYY-MM-DD`. Selects the master generation and the patient's age.
    pub service_date: String,
    pub patient: Patient,
    pub insurance: Insurance,
    #[serde(default)]
    pub facility: Facility,
    /// 時間外等の区分 of the visit.
    #[serde(default)]
    pub time: TimeCategory,
    /// 診療行為 orders (医科診療行為マスター codes).
    #[serde(default)]
    pub orders: Vec<Order>,
    /// 投薬: the prescription of this visit, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prescription: Option<Prescription>,
    /// Add a `trace` to every line: the master rows used and the rule applied.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub trace: bool,
    /// The patient's 傷病名 (レセプト 傷病名欄), for the rules that need one (e.g. 主病 of a 管理料).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diseases: Vec<Disease>,
    /// 公費 (受給者証) that share this visit, at most 4: the whole visit is their 公費併用分.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub public_expenses: Vec<PublicExpense>,
}

/// A 傷病名 as recorded on the receipt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Disease {
    /// 傷病名コード (7 digits, 傷病名マスター)
    pub code: String,
    /// 主病
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub main: bool,
    /// 診療開始日, `YYYY-MM-DD`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    /// 修飾語コード (4 digits each, 修飾語マスター), e.g. "8002" の疑い
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub modifiers: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Patient {
    /// `YYYY-MM-DD`
    pub birth_date: String,
    pub sex: Sex,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum Sex {
    Male,
    Female,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Insurance {
    /// 社保 (被用者保険), 国保, or 後期高齢者医療.
    pub insurer_type: InsurerType,
    /// 本人 or 家族 (for 国保 and 後期, `honnin`).
    pub relation: Relation,
    /// An explicit 負担割合 in percent (0–100) that overrides the one derived from age.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub burden_percent: Option<u8>,
    /// 所得区分: `kubunA`…`kubunO` (70歳未満 ア〜オ) or, for 70歳以上, `genekiIII`, `genekiII`,
    /// `genekiI` (現役並み), `ippanII` (後期 一定以上所得, 2割), `ippan`, `teishotokuII`, `teishotokuI`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub income_category: Option<IncomeCategory>,
    /// 高額療養費 多数回該当 (the 4th month or later within 12 months that reached the limit).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub multiple_high_cost: bool,
    /// 特定疾病療養受療証 (マル長: 人工透析・血友病・抗HIV) 自己負担限度額 per month, in yen
    /// (10,000; 20,000 for 70歳未満 上位所得者の人工透析).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub specific_disease_cap_yen: Option<i64>,
    /// 後期高齢者医療 by 障害認定 (65〜74歳, 高齢者医療確保法 第50条第2号): required for a 後期 patient
    /// under 75; such a patient has no 75歳到達月 特例.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub disability_certified: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum InsurerType {
    Shaho,
    Kokuho,
    Kouki,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum Relation {
    Honnin,
    Kazoku,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum IncomeCategory {
    KubunA,
    KubunI,
    KubunU,
    KubunE,
    KubunO,
    #[serde(rename = "genekiIII")]
    GenekiIII,
    #[serde(rename = "genekiII")]
    GenekiII,
    #[serde(rename = "genekiI")]
    GenekiI,
    #[serde(rename = "ippanII")]
    IppanII,
    Ippan,
    #[serde(rename = "teishotokuII")]
    TeishotokuII,
    #[serde(rename = "teishotokuI")]
    TeishotokuI,
}

impl IncomeCategory {
    /// ア〜オ apply under 70; the others to 高齢受給者 and 後期高齢者.
    pub fn is_under70(self) -> bool {
        matches!(
            self,
            IncomeCategory::KubunA
                | IncomeCategory::KubunI
                | IncomeCategory::KubunU
                | IncomeCategory::KubunE
                | IncomeCategory::KubunO
        )
    }

    pub fn is_geneki(self) -> bool {
        matches!(
            self,
            IncomeCategory::GenekiIII | IncomeCategory::GenekiII | IncomeCategory::GenekiI
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Facility {
    pub kind: FacilityKind,
    /// 許可病床数
    #[serde(default)]
    pub beds: u32,
    /// 施設基準 届出 held (施設基準コード, マスターファイル仕様説明書 別紙7-8). When given, a code whose
    /// master row requires 施設基準 (columns 72–81) is billed only if one of them is held; when
    /// absent, the requirement is not checked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standards: Option<Vec<u32>>,
}

impl Default for Facility {
    fn default() -> Self {
        Facility {
            kind: FacilityKind::Clinic,
            beds: 0,
            standards: None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum FacilityKind {
    /// 診療所
    Clinic,
    /// 病院
    Hospital,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum TimeCategory {
    /// 診療時間内
    #[default]
    Regular,
    /// 時間外
    Overtime,
    /// 休日
    Holiday,
    /// 深夜
    LateNight,
    /// 夜間・早朝等 (診療所のみ)
    NightEarly,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Order {
    /// 診療行為コード (9 digits)
    pub code: String,
    /// 回数 (default 1)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
    /// 数量データ for codes priced by きざみ値 (分, cm², mL, 回 … in the master's 単位), an integer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<String>,
    /// 薬剤 used with this 診療行為 at each 回 (注射薬, 処置・検査・画像 薬剤): 使用量 per 回.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub drugs: Vec<DrugOrder>,
    /// 特定保険医療材料 used with it at each 回 (特定器材マスター codes).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub materials: Vec<MaterialOrder>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MaterialOrder {
    /// 特定器材コード (9 digits)
    pub code: String,
    /// 使用量 in the material's 単位 (本, 枚, cm …), decimal string.
    pub quantity: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Prescription {
    /// 院内 (処方料 + 調剤料 + 薬剤料) or 院外 (処方箋料).
    pub dispensing: Dispensing,
    /// 剤 (Rp) list.
    pub rps: Vec<Rp>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum Dispensing {
    InHouse,
    Outside,
}

/// One 剤: drugs taken together (内服: same 服用時点).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Rp {
    pub form: RpForm,
    /// 内服: 投与日数
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<u32>,
    /// 頓服: 回数
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub times: Option<u32>,
    /// 臨時の投薬 (not counted toward 7種類以上 when 投与期間 ≤ 14日).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub temporary: bool,
    pub drugs: Vec<DrugOrder>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum RpForm {
    /// 内服 (1剤1日分 × 日数)
    Internal,
    /// 頓服 (1回分 × 回数)
    Prn,
    /// 外用 (1調剤)
    External,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DrugOrder {
    /// 医薬品コード (9 digits)
    pub code: String,
    /// 使用量 per unit of the 剤 (内服 1日分, 頓服 1回分, 外用 1調剤), decimal string, e.g. "3" or "1.5".
    pub quantity: String,
    /// 投薬 only: the drug's class in 通知 別紙36 (by 一般名; not in the masters), for the
    /// 向精神薬多剤投与 rules (F100 1, F400 1, F200 注2). Absent = none of the four classes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub psychotropic: Option<Psychotropic>,
}

/// 抗不安薬, 睡眠薬, 抗うつ薬 or 抗精神病薬 as 通知 別紙36 lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum Psychotropic {
    /// 抗不安薬
    Anxiolytic,
    /// 睡眠薬
    Hypnotic,
    /// 抗うつ薬
    Antidepressant,
    /// 抗精神病薬
    Antipsychotic,
}

/// A month of one patient's outpatient visits under one insurance: the レセプト.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MonthRequest {
    /// 診療年月, `YYYY-MM`; every visit falls in it.
    pub month: String,
    pub patient: Patient,
    pub insurance: Insurance,
    #[serde(default)]
    pub facility: Facility,
    /// The visits in date order (several on one day are allowed: 同日再診).
    pub visits: Vec<Visit>,
    /// Add a `trace` to every line.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub trace: bool,
    /// The patient's 傷病名 for the month's receipt.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diseases: Vec<Disease>,
    /// The patient's 公費 (受給者証) this month, at most 4; each visit says which share it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub public_expenses: Vec<PublicExpense>,
}

/// One visit of a month: what a single-visit request holds besides the patient and insurance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Visit {
    /// Date of service, `YYYY-MM-DD`.
    pub date: String,
    #[serde(default)]
    pub time: TimeCategory,
    #[serde(default)]
    pub orders: Vec<Order>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prescription: Option<Prescription>,
    /// Indexes into the month's `publicExpenses` of the 公費 that share this visit; absent = all
    /// of them, `[]` = 保険単独.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_expenses: Option<Vec<usize>>,
}

/// The レセプト of a month: receipt lines with their 算定日, totals per 点数欄, and each visit's
/// own result (what the clerk collected at the counter).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct MonthResponse {
    pub month: String,
    /// Receipt lines: the same item at the same points on several days is one line, its `count`
    /// the sum and `days` the 算定日情報.
    pub lines: Vec<MonthLine>,
    pub sections: Vec<SectionTotal>,
    pub total_points: i64,
    /// 診療実日数: days with a visit.
    pub actual_days: u32,
    /// Absent when an error finding makes the month incomplete.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copay: Option<MonthCopay>,
    pub visits: Vec<VisitResult>,
    /// Every visit's findings, their paths prefixed with `visits[i].`.
    pub findings: Vec<Finding>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct MonthLine {
    pub section: String,
    pub items: Vec<LineItem>,
    pub points: i64,
    pub count: u32,
    pub total: i64,
    /// 算定日: day of the month and 回数 that day.
    pub days: Vec<DayCount>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct DayCount {
    pub day: u32,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct MonthCopay {
    pub burden_percent: u8,
    pub basis: String,
    /// 総医療費 of the month = total points × 10 円.
    pub total_yen: i64,
    /// What the clerk collected: the sum of each visit's rounded 一部負担金.
    pub counter_yen: i64,
    /// The receipt's 一部負担金: the month's total × 割合, rounded once (健康保険法75条); to the yen
    /// when a 限度額 or 公費 上限 applied.
    pub receipt_yen: i64,
    /// Per 公費 of the request: 公費分点数, 公費負担, 公費の患者負担.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub public_expenses: Vec<PublicExpenseResult>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct VisitResult {
    pub date: String,
    pub total_points: i64,
    /// The counter amount of this visit (absent when it has an error finding).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub patient_yen: Option<i64>,
    pub lines: Vec<Line>,
}

/// The result of one visit's calculation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CalcResponse {
    pub service_date: String,
    /// 施行日 of the master generation used.
    pub master_generation: String,
    /// 満年齢 on the date of service.
    pub patient_age: u32,
    /// One line per 算定単位 (a 診療行為 or one 剤), in 診療識別 order.
    pub lines: Vec<Line>,
    /// Totals per 診療識別 (点数欄).
    pub sections: Vec<SectionTotal>,
    pub total_points: i64,
    /// 患者一部負担金; absent when an error finding makes the total incomplete.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copay: Option<Copay>,
    pub findings: Vec<Finding>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Line {
    /// 診療識別 (別表20): "11" 初診, "12" 再診, "13" 医学管理, "21" 内服, "22" 頓服, "23" 外用,
    /// "24" 調剤, "25" 処方, "60" 検査・病理, "80" その他 …
    pub section: String,
    pub items: Vec<LineItem>,
    /// 点数 per unit (per 回, per 1剤1日分 …)
    pub points: i64,
    /// 回数 / 日数
    pub count: u32,
    /// points × count
    pub total: i64,
    /// The master rows used and the rules applied (only when the request asks for `trace`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub trace: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct LineItem {
    pub code: String,
    pub name: String,
    /// 使用量 (drugs)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<String>,
    /// 単位 (drugs)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// 薬価 per unit in 円, decimal string (drugs)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_price: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct SectionTotal {
    /// 診療識別 (別表20).
    pub section: String,
    /// The 欄's 回数 box: 21 内服 Σ 日数 (単位), 22 屯服 Σ 回数, 23 外用 Σ 調剤; elsewhere Σ 回数 of the
    /// 欄's 診療行為 lines that are not 加算 (告示等識別区分 7 / 9) nor 薬剤・材料 lines (13 医学管理 has
    /// no 回数 box on paper; see `points::sections`).
    pub count: u32,
    pub total: i64,
    /// 欄 14 and 31 onward: the points of `total` that are 薬剤 (the paper's 「薬剤」 項).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drug_total: Option<i64>,
    /// 欄 14 and 31 onward: the points of `total` that are 特定保険医療材料 (フィルム included).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub material_total: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Copay {
    /// 負担割合 in percent.
    pub burden_percent: u8,
    /// Why this 割合: `explicit`, `preschool` (未就学 2割), `general` (3割), `elderly` (高齢受給者 2割),
    /// `elderlyGeneki` (現役並み 3割), `elderlyTokurei` (特例措置 1割, to 2019-03), `kouki` (後期 1割),
    /// `koukiIppanII` (2割), `koukiGeneki` (3割).
    pub basis: String,
    /// 総医療費 = total points × 10 円.
    pub total_yen: i64,
    /// What the counter collects: 一部負担金 after 10円未満四捨五入 (the 高額療養費 限度額 and the 公費
    /// applied when the request has them).
    pub patient_yen: i64,
    /// Per 公費 of the request, in its order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub public_expenses: Vec<PublicExpenseResult>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    pub code: String,
    pub severity: Severity,
    /// Where in the request: `orders[2].code`, `prescription.rps[0].drugs[1].code`, …
    pub path: String,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum Severity {
    Error,
    Warning,
}

/// 患者負担金 of one レセプト (a month at one facility, 入院 or 外来): the 保険's 割合 and 高額療養費
/// 限度額, then each 公費 in priority order. Amounts come in 点 per part: the part billed to the
/// 保険 alone and one part per combination of 公費 (公費併用分).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CopayRequest {
    /// A date of service of the claim, `YYYY-MM-DD`: its month is the 診療月 that selects the
    /// 限度額 table; age and 割合 are taken on it.
    pub service_date: String,
    pub patient: Patient,
    /// The 医療保険; absent for a 公費単独 claim (e.g. 生活保護 単独).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub insurance: Option<Insurance>,
    /// 入院 receipt (70歳以上: the 外来+入院 limit instead of the 外来 特例).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub inpatient: bool,
    /// The patient's 公費 (受給者証), at most 4; each part refers to them by index.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub public_expenses: Vec<PublicExpense>,
    /// The claim's 点数 split by who shares it (with `monthToDate`: this visit's).
    pub parts: Vec<CopayPart>,
    /// At the counter: what this facility already billed this month on the same insurance and
    /// 入院/外来. The response is then the month so far, and `visitCounterYen` what to collect now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month_to_date: Option<MonthToDate>,
    /// Add a `trace` saying how every amount was worked out.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub trace: bool,
    /// 入院時食事療養: meals of the claim (入院 only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meals: Option<Meals>,
    /// 世帯合算: the household's other receipts of the month under the same insurer; the response
    /// then says what the insurer pays back (高額療養費 償還).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub household: Option<Household>,
    /// 70歳以上 一般・低所得, 外来: the patient's 外来 一部負担金 of the 計算期間 (8/1 〜 翌7/31)
    /// before this month, in yen; the response then says what of this month is over the 年間 上限.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annual_outpatient_paid_yen: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Household {
    /// 所得区分 of the household's 70歳未満 members (default: this request's, when under 70).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub under70_category: Option<IncomeCategory>,
    /// 所得区分 of its 70歳以上 members (default: this request's, when 70 or over).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub over70_category: Option<IncomeCategory>,
    /// The other receipts (each after its own 限度額 at the counter).
    pub receipts: Vec<HouseholdReceipt>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HouseholdReceipt {
    /// Who (any stable id): the 70歳以上 外来 limit is per person. This request's patient is "".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
    /// 70歳以上 (高齢受給者 or 後期).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub over70: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub inpatient: bool,
    /// 総医療費 of the receipt, in yen.
    pub total_yen: i64,
    /// 一部負担金 of the receipt, in yen.
    pub patient_yen: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AnnualOutpatient {
    /// 年間 上限 (144,000円).
    pub cap_yen: i64,
    /// 計算期間 so far including this month.
    pub paid_yen: i64,
    /// What of this month is over the 上限: paid back by the insurer after the 計算期間 (償還).
    pub benefit_yen: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct HouseholdResult {
    /// Σ 一部負担金 of every receipt (this one included).
    pub paid_yen: i64,
    /// What the household bears after 世帯合算.
    pub burden_yen: i64,
    /// 高額療養費 paid back by the insurer (paidYen − burdenYen).
    pub benefit_yen: i64,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub trace: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Meals {
    /// 食数 (at most 3 a day).
    pub count: u32,
    /// The 標準負担額 区分; derived from the 所得区分 and the 公費 when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<MealCategory>,
    /// 入院時生活療養 (65歳以上, 療養病床): 食費 and 居住費 instead of the 食事療養 標準負担額.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub life_care: Option<LifeCare>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LifeCare {
    /// 入院日数 of the month (居住費 per 日).
    pub days: u32,
    /// The facility bills 入院時生活療養(Ⅱ) (not (Ⅰ)): a lower 食費.
    #[serde(default, rename = "typeII", skip_serializing_if = "std::ops::Not::not")]
    pub type_ii: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum MealCategory {
    /// 一般
    General,
    /// 指定難病・小児慢性特定疾病 (一般所得)
    Nanbyou,
    /// 低所得Ⅱ / 住民税非課税, 入院 90日以下
    #[serde(rename = "teishotokuII")]
    TeishotokuII,
    /// 低所得Ⅱ / 住民税非課税, 91日目から (長期入院該当)
    #[serde(rename = "teishotokuIILong")]
    TeishotokuIILong,
    /// 70歳以上 低所得Ⅰ
    #[serde(rename = "teishotokuI")]
    TeishotokuI,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MonthToDate {
    /// Earlier visits' 点数 by 公費 combination (same indexes as `parts`).
    #[serde(default)]
    pub parts: Vec<CopayPart>,
    /// 一部負担金 already collected at the counter this month, in yen.
    #[serde(default)]
    pub collected_yen: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PublicExpense {
    /// 法別番号: the first two digits of the 公費負担者番号, e.g. "54" 難病, "12" 生活保護.
    pub houbetsu: String,
    /// 自己負担上限月額 on the 受給者証, in yen (0 for no patient burden).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cap_yen: Option<i64>,
    /// Already paid toward the cap this month elsewhere (上限額管理票), in yen.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub paid_this_month_yen: i64,
    /// 患者負担 rate in percent of the 医療費, for a 地方単独 公費 (法別番号 80–99); the
    /// national 公費 take theirs from the law.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_percent: Option<u8>,
}

fn is_zero(v: &i64) -> bool {
    *v == 0
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CopayPart {
    pub points: i64,
    /// Indexes into `publicExpenses` of the 公費 that share this part; empty = 保険単独.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub public_expenses: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CopayResponse {
    /// 負担割合 of the 保険 in percent (absent for 公費単独).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub burden_percent: Option<u8>,
    /// Why this 割合, as `Copay.basis` (absent for 公費単独).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<std::borrow::Cow<'static, str>>,
    /// 総医療費: all parts × 10円.
    pub total_yen: i64,
    /// 保険者負担 (療養の給付 and 高額療養費 現物給付).
    pub insurer_yen: i64,
    /// What the 保険 leaves to the patient side (一部負担金相当額, before the 公費).
    pub insurance_patient_yen: i64,
    /// Per 公費, in the order of `publicExpenses` in the request.
    pub public_expenses: Vec<PublicExpenseResult>,
    /// The patient's 一部負担金 of the claim, to the yen (the receipt's 患者負担).
    pub patient_yen: i64,
    /// What the counter collects: `patientYen` with 10円未満四捨五入 (健康保険法75条), plus the
    /// meals' 標準負担額.
    pub counter_yen: i64,
    /// Per part, in request order (with `monthToDate`: this visit's parts, then earlier-only ones).
    pub parts: Vec<CopayPartResult>,
    /// 年間 外来 上限, when the request has `annualOutpatientPaidYen`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annual_outpatient: Option<AnnualOutpatient>,
    /// 世帯合算, when the request has the household's other receipts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub household: Option<HouseholdResult>,
    /// 食事療養 標準負担額, when the request has meals.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meal: Option<MealResult>,
    /// With `monthToDate`: what the counter collects at this visit — its own 割合 rounded to 10円,
    /// or, once the month reaches a 限度額 or 公費 上限, what is left up to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visit_counter_yen: Option<i64>,
    /// How every amount was worked out (only when the request asks for `trace`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub trace: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct MealResult {
    pub count: u32,
    pub category: MealCategory,
    /// 標準負担額 per 食.
    pub per_meal_yen: i64,
    /// 生活療養: 居住費 per 日 and the days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub residence_per_day_yen: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub residence_days: Option<u32>,
    /// What the patient pays for the meals (and 居住費) (added to `counterYen`, not to `patientYen`).
    pub patient_yen: i64,
    /// What a 公費 pays of the 標準負担額 (生活保護: all; 小児慢性: half).
    pub public_yen: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct PublicExpenseResult {
    pub houbetsu: std::borrow::Cow<'static, str>,
    /// 公費分点数: the points of the parts this 公費 shares.
    pub points: i64,
    /// The patient-side amount that reached this 公費 (公費対象の一部負担金相当額).
    pub subject_yen: i64,
    /// 公費負担金額.
    pub paid_yen: i64,
    /// 公費の患者負担 (受給者証の自己負担).
    pub patient_yen: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CopayPartResult {
    pub total_yen: i64,
    pub insurer_yen: i64,
    /// The 高額療養費 限度額 applied to this part, when it was reached.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit_yen: Option<i64>,
    pub patient_yen: i64,
}
