// Types of the npm package `santei` (hand-written; they mirror core/src/model.rs,
// core/src/masters/diff.rs and core/src/engine.rs field for field: camelCase names, enums as
// string unions, points and yen as integers, prices and quantities as decimal strings).
//
// Node.js build (`require("santei")` / `import … from "santei"` under the "node" condition):
// ready to use as soon as it is loaded. The web build adds `init` / `initSync`
// (see santei-web.d.mts).

// ---------------------------------------------------------------------------------------------
// Request
// ---------------------------------------------------------------------------------------------

/** An outpatient claim for one visit (one date of service). */
export interface CalcRequest {
  /** Date of service, `YYYY-MM-DD`. Selects the master generation and the patient's age. */
  serviceDate: string;
  patient: Patient;
  insurance: Insurance;
  /** Default: `{ kind: "clinic", beds: 0 }`. */
  facility?: Facility;
  /** 時間外等の区分 of the visit. Default: `"regular"`. */
  time?: TimeCategory;
  /** 診療行為 orders (医科診療行為マスター codes). Default: none. */
  orders?: Order[];
  /** 投薬: the prescription of this visit, if any. */
  prescription?: Prescription;
  /** Add a `trace` to every line: the master rows used and the rule applied. */
  trace?: boolean;
  /** The patient's 傷病名 (レセプト 傷病名欄), for the rules that need one (e.g. 主病 of a 管理料). */
  diseases?: Disease[];
  /** 公費 (受給者証) that share this visit, at most 4: the whole visit is their 公費併用分. */
  publicExpenses?: PublicExpense[];
}

export interface Patient {
  /** `YYYY-MM-DD` */
  birthDate: string;
  sex: Sex;
}

export type Sex = "male" | "female";

export interface Insurance {
  /** 社保 (被用者保険), 国保, or 後期高齢者医療. */
  insurerType: InsurerType;
  /** 本人 or 家族 (for 国保 and 後期, `"honnin"`). */
  relation: Relation;
  /** An explicit 負担割合 in percent (0–100) that overrides the one derived from age. */
  burdenPercent?: number;
  /**
   * 所得区分: `kubunA`…`kubunO` (70歳未満 ア〜オ) or, for 70歳以上, `genekiIII`, `genekiII`,
   * `genekiI` (現役並み), `ippanII` (後期 一定以上所得, 2割), `ippan`, `teishotokuII`, `teishotokuI`.
   */
  incomeCategory?: IncomeCategory;
  /**
   * 高額療養費 多数回該当 (the 4th month or later within 12 months that reached the limit).
   * Default: false. Read by `calculateCopay`.
   */
  multipleHighCost?: boolean;
  /**
   * 特定疾病療養受療証 (マル長: 人工透析・血友病・抗HIV) 自己負担限度額 per month, in yen
   * (10,000; 20,000 for 70歳未満 上位所得者の人工透析). Read by `calculateCopay`.
   */
  specificDiseaseCapYen?: number;
  /**
   * 後期高齢者医療 by 障害認定 (65〜74歳, 高齢者医療確保法 第50条第2号): required for a 後期 patient
   * under 75; such a patient has no 75歳到達月 特例. Default: false.
   */
  disabilityCertified?: boolean;
}

export type InsurerType = "shaho" | "kokuho" | "kouki";

export type Relation = "honnin" | "kazoku";

export type IncomeCategory =
  | "kubunA"
  | "kubunI"
  | "kubunU"
  | "kubunE"
  | "kubunO"
  | "genekiIII"
  | "genekiII"
  | "genekiI"
  | "ippanII"
  | "ippan"
  | "teishotokuII"
  | "teishotokuI";

export interface Facility {
  kind: FacilityKind;
  /** 許可病床数. Default: 0. */
  beds?: number;
  /**
   * 施設基準 届出 held (施設基準コード, マスターファイル仕様説明書 別紙7-8). When given, a code whose master row
   * requires 施設基準 is billed only if one of them is held; when absent, the requirement is not checked.
   */
  standards?: number[];
}

/** `clinic` 診療所, `hospital` 病院. */
export type FacilityKind = "clinic" | "hospital";

/**
 * `regular` 診療時間内, `overtime` 時間外, `holiday` 休日, `lateNight` 深夜,
 * `nightEarly` 夜間・早朝等 (診療所のみ).
 */
export type TimeCategory = "regular" | "overtime" | "holiday" | "lateNight" | "nightEarly";

export interface Order {
  /** 診療行為コード (9 digits) */
  code: string;
  /** 回数 (default 1) */
  count?: number;
  /** 数量データ for codes priced by きざみ値 (分, cm², mL … in the master's 単位): a whole number as a string. */
  quantity?: string;
  /** 薬剤 used with this 診療行為 at each 回 (注射薬, 処置・検査・画像 薬剤): 使用量 per 回. */
  drugs?: DrugOrder[];
  /** 特定保険医療材料 used with it at each 回 (特定器材マスター codes). */
  materials?: MaterialOrder[];
}

export interface MaterialOrder {
  /** 特定器材コード (9 digits) */
  code: string;
  /** 使用量 in the material's 単位 (本, 枚, cm …), decimal string. */
  quantity: string;
}

export interface Prescription {
  /** 院内 (処方料 + 調剤料 + 薬剤料) or 院外 (処方箋料). */
  dispensing: Dispensing;
  /** 剤 (Rp) list. */
  rps: Rp[];
}

export type Dispensing = "inHouse" | "outside";

/** One 剤: drugs taken together (内服: same 服用時点). */
export interface Rp {
  form: RpForm;
  /** 内服: 投与日数 */
  days?: number;
  /** 頓服: 回数 */
  times?: number;
  /** 臨時の投薬 (not counted toward 7種類以上 when 投与期間 ≤ 14日). Default: false. */
  temporary?: boolean;
  drugs: DrugOrder[];
}

/** `internal` 内服 (1剤1日分 × 日数), `prn` 頓服 (1回分 × 回数), `external` 外用 (1調剤). */
export type RpForm = "internal" | "prn" | "external";

export interface DrugOrder {
  /** 医薬品コード (9 digits) */
  code: string;
  /** 使用量 per unit of the 剤 (内服 1日分, 頓服 1回分, 外用 1調剤), decimal string, e.g. "3" or "1.5". */
  quantity: string;
  /**
   * 投薬 only: the drug's class in 通知 別紙36 (by 一般名; not in the masters), for the
   * 向精神薬多剤投与 rules (F100 1, F400 1, F200 注2). Absent = none of the four classes.
   */
  psychotropic?: Psychotropic;
}

/** 抗不安薬 `anxiolytic`, 睡眠薬 `hypnotic`, 抗うつ薬 `antidepressant`, 抗精神病薬 `antipsychotic` (通知 別紙36). */
export type Psychotropic = "anxiolytic" | "hypnotic" | "antidepressant" | "antipsychotic";

// ---------------------------------------------------------------------------------------------
// Response
// ---------------------------------------------------------------------------------------------

/** The result of one visit's calculation. */
export interface CalcResponse {
  serviceDate: string;
  /** 施行日 of the master generation used. */
  masterGeneration: string;
  /** 満年齢 on the date of service. */
  patientAge: number;
  /** One line per 算定単位 (a 診療行為 or one 剤), in 診療識別 order. */
  lines: Line[];
  /** Totals per 診療識別 (点数欄). */
  sections: SectionTotal[];
  totalPoints: number;
  /** 患者一部負担金; absent when an error finding makes the total incomplete. */
  copay?: Copay;
  findings: Finding[];
}

export interface Line {
  /**
   * 診療識別 (別表20): "11" 初診, "12" 再診, "13" 医学管理, "21" 内服, "22" 頓服, "23" 外用,
   * "24" 調剤, "25" 処方, "60" 検査・病理, "80" その他 …
   */
  section: string;
  items: LineItem[];
  /** 点数 per unit (per 回, per 1剤1日分 …) */
  points: number;
  /** 回数 / 日数 */
  count: number;
  /** points × count */
  total: number;
  /** The master rows used and the rules applied (only when the request asks for `trace`). */
  trace?: string[];
}

export interface LineItem {
  code: string;
  name: string;
  /** 使用量 (drugs) */
  quantity?: string;
  /** 単位 (drugs) */
  unit?: string;
  /** 薬価 per unit in 円, decimal string (drugs) */
  unitPrice?: string;
}

/** One 点数欄 of the レセプト (様式第2号), as the paper shows it. */
export interface SectionTotal {
  /** 診療識別 (別表20). */
  section: string;
  /**
   * The 欄's 回数 box: 21 内服 Σ 日数 (単位), 22 屯服 Σ 回数, 23 外用 Σ 調剤; elsewhere Σ 回数 of the
   * 欄's 診療行為 lines that are not 加算 nor 薬剤・材料 lines (13 医学管理 has no 回数 box on paper).
   */
  count: number;
  total: number;
  /** 欄 14 and 31 onward: the points of `total` that are 薬剤 (the paper's 「薬剤」 項). */
  drugTotal?: number;
  /** 欄 14 and 31 onward: the points of `total` that are 特定保険医療材料 (フィルム included). */
  materialTotal?: number;
}

export interface Copay {
  /** 負担割合 in percent. */
  burdenPercent: number;
  /**
   * Why this 割合: `explicit`, `preschool` (未就学 2割), `general` (3割), `elderly` (高齢受給者 2割),
   * `elderlyGeneki` (現役並み 3割), `elderlyTokurei` (特例措置 1割, to 2019-03), `kouki` (後期 1割),
   * `koukiIppanII` (2割), `koukiGeneki` (3割).
   * A plain string on the wire (core may add bases).
   */
  basis: string;
  /** 総医療費 = total points × 10 円. */
  totalYen: number;
  /** What the counter collects: 一部負担金 after 10円未満四捨五入 (with the 高額療養費 限度額 and the 公費 when the request has them). */
  patientYen: number;
  /** Per 公費 of the request, in its order (absent when none). */
  publicExpenses?: PublicExpenseResult[];
}

export interface Finding {
  code: string;
  severity: Severity;
  /** Where in the request: `orders[2].code`, `prescription.rps[0].drugs[1].code`, … */
  path: string;
  message: string;
}

export type Severity = "error" | "warning";

// ---------------------------------------------------------------------------------------------
// Month (core/src/model.rs MonthRequest … VisitResult; schema/month-request.schema.json,
// schema/month-response.schema.json)
// ---------------------------------------------------------------------------------------------

/** A month of one patient's outpatient visits under one insurance: the レセプト. */
/** A 傷病名 as recorded on the receipt. */
export interface Disease {
  /** 傷病名コード (7 digits, 傷病名マスター) */
  code: string;
  /** 主病 */
  main?: boolean;
  /** 診療開始日, `YYYY-MM-DD` */
  startDate?: string;
  /** 修飾語コード (4 digits each, 修飾語マスター), e.g. "8002" の疑い */
  modifiers?: string[];
}

export interface MonthRequest {
  /** 診療年月, `YYYY-MM`; every visit falls in it. */
  month: string;
  patient: Patient;
  insurance: Insurance;
  /** Default: `{ kind: "clinic", beds: 0 }`. */
  facility?: Facility;
  /** The visits in date order (several on one day are allowed: 同日再診). */
  visits: Visit[];
  /**
   * Add a `trace` to every line of every visit (`visits[i].lines[j].trace`); the receipt lines
   * (`MonthLine`) carry none.
   */
  trace?: boolean;
  /** The patient's 傷病名 (レセプト 傷病名欄), for the rules that need one (e.g. 主病 of a 管理料). */
  diseases?: Disease[];
  /** The patient's 公費 (受給者証) this month, at most 4; each visit says which share it. */
  publicExpenses?: PublicExpense[];
}

/** One visit of a month: what a single-visit request holds besides the patient and insurance. */
export interface Visit {
  /** Date of service, `YYYY-MM-DD`. */
  date: string;
  /** 時間外等の区分 of the visit. Default: `"regular"`. */
  time?: TimeCategory;
  /** 診療行為 orders (医科診療行為マスター codes). Default: none. */
  orders?: Order[];
  /** 投薬: the prescription of this visit, if any. */
  prescription?: Prescription;
  /** Indexes into the month's `publicExpenses` that share this visit; absent = all of them, `[]` = 保険単独. */
  publicExpenses?: number[];
}

/**
 * The レセプト of a month: receipt lines with their 算定日, totals per 点数欄, and each visit's
 * own result (what the clerk collected at the counter).
 */
export interface MonthResponse {
  month: string;
  /**
   * Receipt lines: the same item at the same points on several days is one line, its `count`
   * the sum and `days` the 算定日情報.
   */
  lines: MonthLine[];
  /** Totals per 診療識別 (点数欄). */
  sections: SectionTotal[];
  totalPoints: number;
  /** 診療実日数: days with a visit. */
  actualDays: number;
  /** Absent (never `null`) when an error finding makes the month incomplete. */
  copay?: MonthCopay;
  /** One per visit of the request, in its order. */
  visits: VisitResult[];
  /** Every visit's findings, their paths prefixed with `visits[i].`. */
  findings: Finding[];
}

/** A receipt line of the month (no `trace`: see the visits' lines). */
export interface MonthLine {
  section: string;
  items: LineItem[];
  /** 点数 per unit */
  points: number;
  /** 回数 / 日数 over the month (the sum of `days[].count`) */
  count: number;
  /** points × count */
  total: number;
  /** 算定日: day of the month and 回数 that day. */
  days: DayCount[];
}

export interface DayCount {
  /** Day of the month, 1–31. */
  day: number;
  count: number;
}

export interface MonthCopay {
  /** 負担割合 in percent. */
  burdenPercent: number;
  /** Why this 割合, as `Copay.basis`. */
  basis: string;
  /** 総医療費 of the month = total points × 10 円. */
  totalYen: number;
  /** What the clerk collected: the sum of each visit's rounded 一部負担金. */
  counterYen: number;
  /** The receipt's 一部負担金: the month's total × 割合, rounded once (健康保険法75条). */
  receiptYen: number;
  /** Per 公費 of the request: 公費分点数, 公費負担, 公費の患者負担 (absent when none). */
  publicExpenses?: PublicExpenseResult[];
}

/** One visit's own result within the month. */
export interface VisitResult {
  date: string;
  totalPoints: number;
  /** The counter amount of this visit (absent, never `null`, when it has an error finding). */
  patientYen?: number;
  lines: Line[];
}

// ---------------------------------------------------------------------------------------------
// 患者負担金 of a レセプト (core/src/model.rs CopayRequest … CopayPartResult;
// schema/copay-request.schema.json, schema/copay-response.schema.json)
// ---------------------------------------------------------------------------------------------

/**
 * 患者負担金 of one レセプト (a month at one facility, 入院 or 外来): the 保険's 割合 and 高額療養費
 * 限度額, then each 公費 in priority order. Amounts come in 点 per part: the part billed to the
 * 保険 alone and one part per combination of 公費 (公費併用分).
 */
export interface CopayRequest {
  /**
   * A date of service of the claim, `YYYY-MM-DD`: its month is the 診療月 that selects the
   * 限度額 table; age and 割合 are taken on it.
   */
  serviceDate: string;
  patient: Patient;
  /** The 医療保険; absent for a 公費単独 claim (e.g. 生活保護 単独). */
  insurance?: Insurance;
  /** 入院 receipt (70歳以上: the 外来+入院 limit instead of the 外来 特例). Default: false. */
  inpatient?: boolean;
  /** The patient's 公費 (受給者証), at most 4; each part refers to them by index. Default: none. */
  publicExpenses?: PublicExpense[];
  /** The claim's 点数 split by who shares it (at least one part; with `monthToDate`: this visit's). */
  parts: CopayPart[];
  /**
   * At the counter: what this facility already billed this month on the same insurance and
   * 入院/外来. The response is then the month so far, and `visitCounterYen` what to collect now.
   */
  monthToDate?: MonthToDate;
  /** Add a `trace` saying how every amount was worked out. Default: false. */
  trace?: boolean;
  /** 入院時食事療養: meals of the claim (入院 only). */
  meals?: Meals;
  /**
   * 世帯合算: the household's other receipts of the month under the same insurer; the response
   * then says what the insurer pays back (高額療養費 償還).
   */
  household?: Household;
  /**
   * 70歳以上 一般・低所得, 外来: the patient's 外来 一部負担金 of the 計算期間 (8/1 〜 翌7/31) before this
   * month, in yen; the response then says what of this month is over the 年間 上限.
   */
  annualOutpatientPaidYen?: number;
}

export interface AnnualOutpatient {
  /** 年間 上限 (144,000円). */
  capYen: number;
  /** 計算期間 so far including this month. */
  paidYen: number;
  /** What of this month is over the 上限: paid back by the insurer after the 計算期間 (償還). */
  benefitYen: number;
}

export interface Household {
  /** 所得区分 of the household's 70歳未満 members (default: this request's, when under 70). */
  under70Category?: IncomeCategory;
  /** 所得区分 of its 70歳以上 members (default: this request's, when 70 or over). */
  over70Category?: IncomeCategory;
  /** The other receipts (each after its own 限度額 at the counter). */
  receipts: HouseholdReceipt[];
}

export interface HouseholdReceipt {
  /** Who (any stable id): the 70歳以上 外来 limit is per person. This request's patient is "". */
  person?: string;
  /** 70歳以上 (高齢受給者 or 後期). Default: false. */
  over70?: boolean;
  /** Default: false. */
  inpatient?: boolean;
  /** 総医療費 of the receipt, in yen. */
  totalYen: number;
  /** 一部負担金 of the receipt, in yen. */
  patientYen: number;
}

export interface HouseholdResult {
  /** Σ 一部負担金 of every receipt (this one included). */
  paidYen: number;
  /** What the household bears after 世帯合算. */
  burdenYen: number;
  /** 高額療養費 paid back by the insurer (paidYen − burdenYen). */
  benefitYen: number;
  trace?: string[];
}

/** The month before this visit at the counter. */
export interface MonthToDate {
  /** Earlier visits' 点数 by 公費 combination (same indexes as `parts`). Default: none. */
  parts?: CopayPart[];
  /** 一部負担金 already collected at the counter this month, in yen. Default: 0. */
  collectedYen?: number;
}

/** 入院時食事療養 標準負担額 区分. */
export type MealCategory = "general" | "nanbyou" | "teishotokuII" | "teishotokuIILong" | "teishotokuI";

export interface Meals {
  /** 食数 (at most 3 a day). */
  count: number;
  /** Derived from the 所得区分 and the 公費 when absent. */
  category?: MealCategory;
  /** 入院時生活療養 (65歳以上, 療養病床): 食費 and 居住費 instead of the 食事療養 標準負担額. */
  lifeCare?: LifeCare;
}

export interface LifeCare {
  /** 入院日数 of the month (居住費 per 日). */
  days: number;
  /** The facility bills 入院時生活療養(Ⅱ) (not (Ⅰ)): a lower 食費. Default: false. */
  typeII?: boolean;
}

export interface MealResult {
  count: number;
  category: MealCategory;
  /** 標準負担額 per 食. */
  perMealYen: number;
  /** 生活療養: 居住費 per 日 and the days. */
  residencePerDayYen?: number;
  residenceDays?: number;
  /** What the patient pays for the meals (and 居住費) (added to `counterYen`, not to `patientYen`). */
  patientYen: number;
  /** What a 公費 pays of the 標準負担額 (生活保護: all; 小児慢性: half). */
  publicYen: number;
}

/** One 公費 (受給者証) of the patient. */
export interface PublicExpense {
  /** 法別番号: the first two digits of the 公費負担者番号, e.g. "54" 難病, "12" 生活保護. */
  houbetsu: string;
  /** 自己負担上限月額 on the 受給者証, in yen (0 for no patient burden). */
  capYen?: number;
  /** Already paid toward the cap this month elsewhere (上限額管理票), in yen. Default: 0. */
  paidThisMonthYen?: number;
  /**
   * 患者負担 rate in percent of the 医療費, for a 地方単独 公費 (法別番号 80–99); the national
   * 公費 take theirs from the law.
   */
  ratePercent?: number;
}

/** A share of the claim's 点数. */
export interface CopayPart {
  points: number;
  /** Indexes into `publicExpenses` of the 公費 that share this part; absent or empty = 保険単独. */
  publicExpenses?: number[];
}

/** Who pays what of the レセプト, in yen. */
export interface CopayResponse {
  /** 負担割合 of the 保険 in percent (absent, never `null`, for 公費単独). */
  burdenPercent?: number;
  /** Why this 割合, as `Copay.basis` (absent, never `null`, for 公費単独). */
  basis?: string;
  /** 総医療費: all parts × 10円. */
  totalYen: number;
  /** 保険者負担 (療養の給付 and 高額療養費 現物給付). */
  insurerYen: number;
  /** What the 保険 leaves to the patient side (一部負担金相当額, before the 公費). */
  insurancePatientYen: number;
  /** Per 公費, in the order of `publicExpenses` in the request. */
  publicExpenses: PublicExpenseResult[];
  /** The patient's 一部負担金 of the claim, to the yen (the receipt's 患者負担). */
  patientYen: number;
  /** What the counter collects: `patientYen` with 10円未満四捨五入 (健康保険法75条), plus the meals' 標準負担額. */
  counterYen: number;
  /** Per part, in request order (with `monthToDate`: this visit's parts, then earlier-only ones). */
  parts: CopayPartResult[];
  /** 年間 外来 上限, when the request has `annualOutpatientPaidYen`. */
  annualOutpatient?: AnnualOutpatient;
  /** 世帯合算, when the request has the household's other receipts. */
  household?: HouseholdResult;
  /** 食事療養 標準負担額, when the request has meals. */
  meal?: MealResult;
  /**
   * With `monthToDate`: what the counter collects at this visit — its own 割合 rounded to 10円,
   * or, once the month reaches a 限度額 or 公費 上限, what is left up to it.
   */
  visitCounterYen?: number;
  /** How every amount was worked out (present only when the request asks for `trace`). */
  trace?: string[];
}

export interface PublicExpenseResult {
  houbetsu: string;
  /** 公費分点数: the points of the parts this 公費 shares. */
  points: number;
  /** The patient-side amount that reached this 公費 (公費対象の一部負担金相当額). */
  subjectYen: number;
  /** 公費負担金額. */
  paidYen: number;
  /** 公費の患者負担 (受給者証の自己負担). */
  patientYen: number;
}

export interface CopayPartResult {
  totalYen: number;
  insurerYen: number;
  /** The 高額療養費 限度額 applied to this part, when it was reached (absent, never `null`, otherwise). */
  limitYen?: number;
  patientYen: number;
}

// ---------------------------------------------------------------------------------------------
// 事前審査 (core/src/checks/mod.rs CheckRequest … CheckFinding; schema/check-request.schema.json,
// schema/check-response.schema.json)
// ---------------------------------------------------------------------------------------------

/** A month's claim as billed: the レセプト's lines with their 算定日 (what a UKE file holds). */
export interface CheckRequest {
  /** 診療年月, `YYYY-MM`. */
  month: string;
  patient: Patient;
  insurance: Insurance;
  /** Default: `{ kind: "clinic", beds: 0 }`. */
  facility?: Facility;
  /** 入院 claim. Default: false. */
  inpatient?: boolean;
  /** The receipt's 傷病名. Default: none. */
  diseases?: Disease[];
  /** 実日数 as claimed (レセプト 診療実日数); checked against the 算定日 when given. */
  actualDays?: number;
  /** The receipt's lines (at least one). */
  lines: ClaimLine[];
}

/** One 算定単位 of the receipt: its 診療行為 / 医薬品 / 特定器材 records and its 算定日. */
export interface ClaimLine {
  /** 診療識別 (別表20), two digits, e.g. "11" 初診, "12" 再診. */
  section: string;
  /** At least one. */
  items: ClaimItem[];
  /** 点数 per unit as claimed. */
  points?: number;
  /** 算定日 (day of the month) and 回数 that day; at least one, each count 1 or more. */
  days: DayCount[];
}

export interface ClaimItem {
  /** 診療行為 (1…), 医薬品 (6…) or 特定器材 (7…) code, nine digits. */
  code: string;
  /** 数量データ / 使用量 as claimed, decimal string. */
  quantity?: string;
}

/** What the 事前審査 found; a claim with findings is still a response, not an error. */
export interface CheckResponse {
  /** 診療年月 of the claim, `YYYY-MM`. */
  month: string;
  /** 施行日 of the master generation used (`YYYY-MM-DD`). */
  masterGeneration: string;
  /**
   * Whether the generation has the 電子点数表 (without it the 回数・背反・包括 checks of its tables
   * do not run; the master columns' checks still do).
   */
  tensuhyo: boolean;
  /** Ordered by line, item, day, severity, code. */
  findings: CheckFinding[];
  /** How many findings have each severity. */
  errors: number;
  warnings: number;
  infos: number;
}

/** `error`: the claim will be returned (返戻); `warning`: 査定 risk; `info`. */
export type CheckSeverity = "error" | "warning" | "info";

export interface CheckFinding {
  /** Stable code, e.g. `E-MASTER-002`. */
  code: string;
  severity: CheckSeverity;
  /** For the clerk. */
  messageJa: string;
  messageEn: string;
  /** Index into `lines` (absent, never `null`, for a finding on the whole claim). */
  line?: number;
  /** Index into the line's `items` (absent, never `null`, when not about one item). */
  item?: number;
  /** Day of the month (absent, never `null`, when not about one day). */
  day?: number;
  /** The data row behind it: table / master, code, column. */
  source: string;
}

// ---------------------------------------------------------------------------------------------
// 事前審査 of a UKE file (core/src/checks/uke.rs CheckUkeResponse, CheckUkeReceipt;
// schema/check-uke-response.schema.json). The input is the RECEIPTC.UKE file's bytes.
// ---------------------------------------------------------------------------------------------

/** Every receipt of a UKE file, each read as a claim and checked. */
export interface CheckUkeResponse {
  /** 請求年月 of the file (IR), `YYYY-MM`. */
  billingMonth: string;
  /** In file order. */
  receipts: CheckUkeReceipt[];
  /** How many findings of each severity, over all receipts. */
  errors: number;
  warnings: number;
  infos: number;
}

export interface CheckUkeReceipt {
  /** レセプト番号 (RE field 2). */
  receiptNo: number;
  /**
   * The claim the receipt was read as (SY → `diseases`, HO 実日数 → `actualDays`, each 算定単位 of
   * SI / IY / TO → a line with its 算定日): the findings' `line` / `item` index its `lines`.
   */
  claim: CheckRequest;
  /**
   * Its 事前審査. A receipt that cannot be checked (no master generation for its month, no 算定日)
   * has one `E-UKE-001` finding and an empty `masterGeneration`.
   */
  check: CheckResponse;
}

// ---------------------------------------------------------------------------------------------
// Masters diff (core/src/masters/diff.rs; schema/diff-request.schema.json, diff-response.…)
// ---------------------------------------------------------------------------------------------

/**
 * A 基本マスター by its file letter: `s` 医科診療行為, `y` 医薬品, `t` 特定器材, `c` コメント,
 * `b` 傷病名, `z` 修飾語.
 */
export type MasterKindLetter = "s" | "y" | "t" | "c" | "b" | "z";

/**
 * Which states of the masters to compare. Both dates are dates of service: each side uses the
 * generation in force on its date and, inside it, the version of each code in force on that date.
 */
export interface DiffRequest {
  /** `YYYY-MM-DD` */
  from: string;
  /** `YYYY-MM-DD` */
  to: string;
  /** Master kinds to compare; absent or empty = all six. */
  kinds?: MasterKindLetter[];
  /** Only these codes; absent or empty = every code. */
  codes?: string[];
}

/** What changed between the two sides. */
export interface DiffResponse {
  from: DiffSide;
  to: DiffSide;
  /** Counts per kind and change, for every kind compared (in the order s, y, t, c, b, z). */
  counts: DiffCount[];
  /** One entry per change, by kind (s, y, t, c, b, z), then code. */
  changes: DiffEntry[];
}

export interface DiffSide {
  /** The date of service asked for, `YYYY-MM-DD`. */
  date: string;
  /** 施行日 of the generation used for this side, `YYYY-MM-DD`. */
  generation: string;
}

export interface DiffCount {
  kind: MasterKindLetter;
  added: number;
  abolished: number;
  /** 点数 (s) or 金額 (y, t) changed. */
  repriced: number;
  renamed: number;
}

/**
 * `added` 新規, `abolished` 廃止, `repriced` 点数 / 金額 changed, `renamed` 名称 changed
 * (a code both repriced and renamed has two entries).
 */
export type DiffChange = "added" | "abolished" | "repriced" | "renamed";

export interface DiffEntry {
  kind: MasterKindLetter;
  code: string;
  change: DiffChange;
  /** The name on the newer side (the older one for `abolished`). */
  name: string;
  /**
   * The value before: 点数 / 金額 as published (e.g. `"288.00"`, with `" (点数識別 N)"` when the
   * 点数識別 is not 3), or the old name for `renamed`. Absent (never `null`) for `added`, and for
   * the price-less kinds (c, b, z) unless `renamed`.
   */
  old?: string;
  /** The value after, as `old`. Absent for `abolished`, and for c, b, z unless `renamed`. */
  new?: string;
}

// ---------------------------------------------------------------------------------------------
// Engine info (core/src/engine.rs EngineInfo, core/src/masters/tensuhyo.rs TensuhyoCounts)
// ---------------------------------------------------------------------------------------------

/** What an engine has loaded, per generation. */
export interface EngineInfo {
  version: string;
  /** Ordered by 施行日. */
  generations: GenerationInfo[];
}

export interface GenerationInfo {
  /** 施行日 of the generation, `YYYY-MM-DD`. */
  effective: string;
  /** Codes per 基本マスター (full files plus the codes their 差分 add), always all six letters. */
  codes: Record<MasterKindLetter, number>;
  /** Rows per 医科電子点数表 table (all 0 when the generation has none). */
  tensuhyo: TensuhyoCounts;
  /** Master files in the order applied: per kind (s, y, t, c, b, z), by date, the full file first. */
  files: FileInfo[];
  /** Files present that are neither 基本マスター nor 電子点数表 files (read-me files and the like). */
  skipped: string[];
}

/** Rows per 医科電子点数表 table. */
export interface TensuhyoCounts {
  /** 補助マスターテーブル */
  hojo: number;
  /** 包括テーブル */
  houkatsu: number;
  /** 背反テーブル 1日につき */
  haihanPerDay: number;
  /** 背反テーブル 同一月内 */
  haihanSameMonth: number;
  /** 背反テーブル 同時 */
  haihanSimultaneous: number;
  /** 背反テーブル 1週間につき */
  haihanPerWeek: number;
  /** 入院基本料テーブル */
  nyuin: number;
  /** 算定回数テーブル */
  santeiKaisu: number;
}

/** One master file read into a generation. */
export interface FileInfo {
  /** Its path under the master root; a zip member as `ARCHIVE!MEMBER`. */
  name: string;
  kind: MasterKindLetter;
  /**
   * A full file (`…ALL…` in its name; every 傷病名 / 修飾語 file), or (`false`) a monthly 差分
   * applied on top of it by 変更年月日.
   */
  full: boolean;
  /** CSV records read. */
  rows: number;
}

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/** The status names shared with the C ABI (`SANTEI_…`) and the other bindings. */
export type SanteiErrorCode =
  | "SANTEI_INVALID_ARGUMENT"
  | "SANTEI_PARSE_ERROR"
  | "SANTEI_INVALID_REQUEST"
  | "SANTEI_MASTER_ERROR"
  | "SANTEI_CALC_ERROR"
  | "SANTEI_IO_ERROR";

/**
 * What every function of this package throws: a real `Error` (`instanceof Error` holds) whose
 * `code` names the kind of failure and whose `message` names the file / line / field at fault.
 * There is no `SanteiError` class at run time: test `err.code`.
 */
export interface SanteiError extends Error {
  readonly code: SanteiErrorCode;
}

// ---------------------------------------------------------------------------------------------
// Engine
// ---------------------------------------------------------------------------------------------

/**
 * Master files keyed by their path under the master root: `"<施行日>/<file>"`, e.g.
 * `{ "2024-06-01/s_20240531.zip": bytes }`. Zipped or extracted 基本マスター files (CP932 CSV).
 */
export type MasterFiles = Record<string, Uint8Array | ArrayBuffer>;

/**
 * A loaded set of 基本マスター generations, the calculations (one visit, a month, the 患者負担金 of a
 * レセプト), the 事前審査 of a claim and the masters diff.
 */
export class Engine {
  private constructor();
  /**
   * Loads masters from in-memory files.
   * @throws {SanteiError} `SANTEI_MASTER_ERROR` for a missing or malformed master,
   *   `SANTEI_INVALID_ARGUMENT` when `files` is not an object of byte arrays.
   */
  static fromFiles(files: MasterFiles): Engine;
  /**
   * Calculates one visit.
   * @throws {SanteiError} `SANTEI_PARSE_ERROR` when `request` does not match CalcRequest,
   *   `SANTEI_INVALID_REQUEST`, `SANTEI_CALC_ERROR`.
   */
  calculate(request: CalcRequest): CalcResponse;
  /**
   * Calculates one visit from request JSON text; returns the canonical response JSON text
   * (compact, object keys sorted), byte-identical to the C ABI's output.
   * @throws {SanteiError} `SANTEI_PARSE_ERROR` for text that is not a CalcRequest,
   *   `SANTEI_INVALID_ARGUMENT` when `text` is not a string, and as `calculate`.
   */
  calculateJson(text: string): string;
  /**
   * A month of visits as one レセプト: receipt lines with their 算定日, 診療実日数, and the
   * 一部負担金 both as collected at the counter (per visit) and as on the receipt (once).
   * @throws {SanteiError} `SANTEI_PARSE_ERROR` when `request` does not match MonthRequest,
   *   `SANTEI_INVALID_REQUEST` for a bad month or a visit outside it, `SANTEI_CALC_ERROR`.
   */
  calculateMonth(request: MonthRequest): MonthResponse;
  /**
   * `calculateMonth` with request JSON text in and the canonical response JSON text out
   * (compact, object keys sorted), byte-identical to the C ABI's `santei_calculate_month_json`.
   * @throws {SanteiError} `SANTEI_PARSE_ERROR` for text that is not a MonthRequest,
   *   `SANTEI_INVALID_ARGUMENT` when `text` is not a string, and as `calculateMonth`.
   */
  calculateMonthJson(text: string): string;
  /**
   * 患者負担金 of one レセプト: the 保険's 割合 and 高額療養費 限度額 (多数回, マル長, 70歳以上 外来特例),
   * then each 公費 in priority order with its 上限月額 or rate.
   * @throws {SanteiError} `SANTEI_PARSE_ERROR` when `request` does not match CopayRequest,
   *   `SANTEI_INVALID_REQUEST` for a bad date, an unknown 法別番号, a negative amount or a part
   *   naming a 公費 the request does not list.
   */
  calculateCopay(request: CopayRequest): CopayResponse;
  /**
   * `calculateCopay` with request JSON text in and the canonical response JSON text out
   * (compact, object keys sorted), byte-identical to the C ABI's `santei_calculate_copay_json`.
   * @throws {SanteiError} `SANTEI_PARSE_ERROR` for text that is not a CopayRequest,
   *   `SANTEI_INVALID_ARGUMENT` when `text` is not a string, and as `calculateCopay`.
   */
  calculateCopayJson(text: string): string;
  /**
   * 事前審査 of a month's claim as billed, against the masters in force on the first day of its
   * month: each finding with a stable code, severity, Japanese and English messages, the line /
   * item / day it points at and the data row behind it.
   * @throws {SanteiError} `SANTEI_PARSE_ERROR` when `request` does not match CheckRequest,
   *   `SANTEI_INVALID_REQUEST` for an impossible claim (no lines, a bad month, a line without
   *   items or 算定日, a day not in the month, a code that is not nine digits).
   */
  check(request: CheckRequest): CheckResponse;
  /**
   * `check` with request JSON text in and the canonical response JSON text out (compact, object
   * keys sorted), byte-identical to the C ABI's `santei_check_json`.
   * @throws {SanteiError} `SANTEI_PARSE_ERROR` for text that is not a CheckRequest,
   *   `SANTEI_INVALID_ARGUMENT` when `text` is not a string, and as `check`.
   */
  checkJson(text: string): string;
  /**
   * 事前審査 of every receipt of a UKE file (RECEIPTC.UKE, 記録条件仕様 医科): the file's bytes as
   * they are on disk (CP932 text; a Node `Buffer` is a Uint8Array) in, a `CheckUkeResponse` out.
   * A receipt that cannot be checked is an `E-UKE-001` finding on it, not an exception.
   * @throws {SanteiError} `SANTEI_PARSE_ERROR` for bytes that are not a readable UKE file (the
   *   message names the line, record and field), `SANTEI_INVALID_ARGUMENT` when `bytes` is not a
   *   Uint8Array or ArrayBuffer (a string is refused: the file is CP932).
   */
  checkUke(bytes: Uint8Array | ArrayBuffer): CheckUkeResponse;
  /**
   * `checkUke` with the canonical response JSON text out (compact, object keys sorted),
   * byte-identical to the C ABI's `santei_check_uke_json`.
   * @throws {SanteiError} as `checkUke`.
   */
  checkUkeJson(bytes: Uint8Array | ArrayBuffer): string;
  /**
   * What changed in the masters between two dates of service: every code added, abolished,
   * repriced or renamed.
   * @throws {SanteiError} `SANTEI_PARSE_ERROR` when `request` does not match DiffRequest,
   *   `SANTEI_INVALID_REQUEST` for a bad date or kind, `SANTEI_MASTER_ERROR` when no generation
   *   is in force on a date.
   */
  diffMasters(request: DiffRequest): DiffResponse;
  /**
   * `diffMasters` with request JSON text in and the canonical response JSON text out
   * (compact, object keys sorted), byte-identical to the C ABI's `santei_diff_masters_json`.
   * @throws {SanteiError} `SANTEI_PARSE_ERROR` for text that is not a DiffRequest,
   *   `SANTEI_INVALID_ARGUMENT` when `text` is not a string, and as `diffMasters`.
   */
  diffMastersJson(text: string): string;
  /** What the engine has loaded: per generation, codes per master, 電子点数表 rows, files. */
  info(): EngineInfo;
  /** Frees the engine's wasm memory now (otherwise a FinalizationRegistry does, eventually). */
  free(): void;
}

/** The package / core version, `"0.1.0"`. */
export function version(): string;

/** The boundary contract version; the same number as the C ABI's `santei_abi_version()`. */
export function abiVersion(): number;
