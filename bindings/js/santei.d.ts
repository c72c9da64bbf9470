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
// UKE files (core/src/uke/records.rs UkeFile; schema/uke-file.schema.json): readUke's response and
// writeUke's request. Records inside a receipt are a tagged union on `record`. Optional fields are
// left out when the file's field is empty.
// ---------------------------------------------------------------------------------------------

/** 年月日 (西暦) `YYYY-MM-DD` (YYYYMMDD in the file). */
export type UkeDate = string;
/** 年月 (西暦) `YYYY-MM` (YYYYMM in the file). */
export type UkeYearMonth = string;
/** 9-digit 基本マスター code (診療行為 1…, 医薬品 6…, 特定器材 7…, コメント 8…). */
export type UkeMasterCode = string;
/** A non-negative decimal number as recorded, e.g. `"0.5"`. */
export type UkeDecimal = string;
/** 負担区分 (記録条件仕様 別表21), one character `1`–`7`, `9`, `B`, `C`, `E`, `G`–`Z`. */
export type UkeFutanKubun = string;
/** 診療識別 (記録条件仕様 別表20), two digits, e.g. `"11"` 初診. */
export type UkeShinryoShikibetsu = string;

/** A record inside a receipt, told apart by `record`. */
export type UkeRecord =
  | UkeHo
  | UkeKo
  | UkeSn
  | UkeJd
  | UkeMf
  | UkeGr
  | UkeSy
  | UkeSi
  | UkeIy
  | UkeTo
  | UkeCo
  | UkeSj
  | UkeOtherRecord;

/** A whole RECEIPTC.UKE file: IR, the receipts, GO. */
export interface UkeFile {
  /**
   * The file ends with the EOF code 0x1A after the last CRLF, as the spec requires (第1章 3 (3)
   * ア (ク)). Files without it are read (`false`) and written back without it.
   */
  eofMark?: boolean;
  /** 診療報酬請求書レコード (last line). */
  go: UkeGo;
  /** 医療機関情報レコード (first line). */
  ir: UkeIr;
  /** The receipts in file order, each an RE and the records up to the next RE or GO. */
  receipts: UkeReceipt[];
}

/** IR 医療機関情報レコード (10 fields). */
export interface UkeIr {
  /** 2 審査支払機関 (数字1 固定, 別表1: 1 支払基金, 2 国保連) */
  shinsaShiharaiKikan: number;
  /** 3 都道府県 (数字2 固定, 別表2: "01".."47") */
  todofuken: string;
  /** 4 点数表 (数字1 固定, 別表3: 1 医科 — the only value this reader accepts) */
  tensuhyo: number;
  /** 5 医療機関コード (数字7 固定) */
  iryokikanCode: string;
  /** 7 医療機関名称 (漢字40 可変); field 6 is 予備 (empty) */
  iryokikanName?: string;
  /** 8 請求年月 (数字6 固定, 西暦 YYYYMM) */
  seikyuYm: UkeYearMonth;
  /** 9 マルチボリューム識別情報 (数字2 固定: "00", "01", …) */
  multiVolume: string;
  /** 10 電話番号 (英数15 可変, 任意) */
  phone?: string;
}

/** One receipt: its RE record and the records that follow it, in file order. */
export interface UkeReceipt {
  re: UkeRe;
  /**
   * HO, KO, SN, JD, MF, GR, SY, then 摘要 (SI, IY, TO, CO), SJ, and any other records, in order.
   */
  records?: UkeRecord[];
}

/** RE レセプト共通レコード (38 fields). */
export interface UkeRe {
  /** 2 レセプト番号 (数字6 可変; 1, 2, … in file order) */
  receiptNo: number;
  /** 3 レセプト種別 (数字4 固定, 別表5, e.g. 1112 医科・医保単独・本人・入院外) */
  receiptType: number;
  /** 4 診療年月 (数字6 固定, YYYYMM) */
  shinryoYm: UkeYearMonth;
  /** 5 氏名 (英数40 / 漢字20 可変) */
  name: string;
  /** 6 男女区分 (数字1 固定, 別表6: 1 男, 2 女) */
  sex: number;
  /** 7 生年月日 (数字8 固定) */
  birthDate: UkeDate;
  /** 8 給付割合 (数字3 可変, %) */
  kyufuWariai?: number;
  /** 9 入院年月日 (数字8 可変) */
  admissionDate?: UkeDate;
  /** 10 病棟区分 (英数8 可変, 別表7: up to 4 two-character codes) */
  byoto?: string[];
  /** 11 一部負担金・食事療養費・生活療養費標準負担額区分 (数字1 可変, 別表8) */
  futanKubun?: number;
  /** 12 レセプト特記事項 (英数10 可変, 別表9: up to 5 two-character codes) */
  tokki?: string[];
  /** 13 病床数 (数字4 可変) */
  beds?: number;
  /** 14 カルテ番号等 (英数20 可変) */
  karteNo?: string;
  /** 15 割引点数単価 (数字2 可変) */
  discountUnitPrice?: number;
  /** 19 検索番号 (数字30 可変); fields 16–18 and 20 are 予備 (empty) */
  searchNo?: string;
  /** 21 請求情報 (英数又は漢字40 可変) */
  seikyuInfo?: string;
  /** 22–36 診療科1, 診療科2, 診療科3 (at most 3; empty trailing ones are left out) */
  shinryoka?: UkeShinryoka[];
  /** 37 カタカナ（氏名） (漢字80 可変) */
  kanaName?: string;
  /** 38 患者の状態 (数字60 可変, 別表27: up to 20 three-digit codes) */
  patientState?: string[];
}

/** 診療科 (RE fields 22–26, 27–31, 32–36): 診療科名 and 組み合わせ名称 codes (別表10–14). */
export interface UkeShinryoka {
  /** 人体の部位等 (数字3 可変, 別表11) */
  bodyPart?: string;
  /** 特定疾病 (数字3 可変, 別表14) */
  disease?: string;
  /** 診療科名 (数字2 可変, 別表10) */
  name?: string;
  /** 性別等 (数字3 可変, 別表12) */
  sex?: string;
  /** 医学的処置 (数字3 可変, 別表13) */
  treatment?: string;
}

/** HO 保険者レコード (15 fields). */
export interface UkeHo {
  record: "HO";
  /** 2 保険者番号 (英数8 固定; shorter numbers are right-aligned with leading spaces) */
  hokenshaNo: string;
  /** 3 被保険者証（手帳）等の記号 (英数又は漢字38 可変) */
  kigo?: string;
  /** 4 被保険者証（手帳）等の番号 (英数又は漢字38 可変) */
  bango?: string;
  /** 5 診療実日数 (数字2 可変) */
  jitsunissu: number;
  /** 6 合計点数 (数字8 可変) */
  totalPoints: number;
  /** 8 食事療養・生活療養 回数 (数字2 可変); field 7 is 予備 (empty) */
  mealCount?: number;
  /** 9 食事療養・生活療養 合計金額 (数字8 可変, 円) */
  mealYen?: number;
  /** 10 職務上の事由 (数字1 可変, 別表15) */
  shokumuJiyu?: number;
  /** 11 証明書番号 (数字3 可変) */
  certificateNo?: string;
  /** 12 負担金額 医療保険 (数字9 可変, 円) */
  futanYen?: number;
  /** 13 減免区分 (数字1 可変, 別表16) */
  genmenKubun?: number;
  /** 14 減額割合 (数字3 可変, %) */
  gengakuWariai?: number;
  /** 15 減額金額 (数字6 可変, 円) */
  gengakuYen?: number;
}

/** KO 公費レコード (12 fields; up to 4, 第1公費 first). */
export interface UkeKo {
  record: "KO";
  /** 2 負担者番号 (英数8 固定) */
  futanshaNo: string;
  /** 3 受給者番号 (数字7 可変; 7 digits with leading zeros) */
  jukyushaNo?: string;
  /** 4 任意給付区分 (数字1 可変) */
  niniKyufu?: number;
  /** 5 診療実日数 (数字2 可変) */
  jitsunissu: number;
  /** 6 合計点数 (数字8 可変) */
  totalPoints: number;
  /** 7 負担金額 公費 (数字8 可変, 円) */
  futanYen?: number;
  /** 8 公費給付対象外来一部負担金 (数字6 可変, 円) */
  gairaiFutanYen?: number;
  /** 9 公費給付対象入院一部負担金 (数字6 可変, 円) */
  nyuinFutanYen?: number;
  /** 11 食事療養・生活療養 回数 (数字2 可変); field 10 is 予備 (empty) */
  mealCount?: number;
  /** 12 食事療養・生活療養 合計金額 (数字8 可変, 円) */
  mealYen?: number;
}

/** SN 資格確認レコード (9 fields). */
export interface UkeSn {
  record: "SN";
  /** 2 負担者種別 (数字1 固定, 別表28: 1 医療保険, 2–5 第1–第4公費) */
  futanshaShubetsu: number;
  /** 3 確認区分 (数字2 固定, 別表29: "01" …) */
  kakuninKubun?: string;
  /** 4 保険者番号等（資格確認） (英数8 可変; 審査支払機関 only) */
  hokenshaNo?: string;
  /** 5 被保険者証（手帳）等の記号（資格確認） (英数又は漢字38 可変) */
  kigo?: string;
  /** 6 被保険者証（手帳）等の番号（資格確認） (英数又は漢字38 可変) */
  bango?: string;
  /** 7 枝番 (英数2 可変) */
  edaban?: string;
  /** 8 受給者番号 (数字7 可変); field 9 is 予備 (empty) */
  jukyushaNo?: string;
}

/** JD 受診日等レコード (33 fields). */
export interface UkeJd {
  record: "JD";
  /** 2 負担者種別 (数字1 固定, 別表28) */
  futanshaShubetsu: number;
  /**
   * 3–33 1日…31日の情報 (数字1 可変, 別表30 受診等区分: 1 実日数に計上, 2 計上しない,
   * 9 不一致); index 0 is day 1, 0 = empty.
   */
  days: number[];
}

/** MF 窓口負担額レコード (33 fields: 窓口負担額区分 and 予備1–予備31, which stay empty). */
export interface UkeMf {
  record: "MF";
  /** 2 窓口負担額区分 (数字2 固定, 別表31: "00", "01", "02") */
  madoguchiKubun: string;
}

/** GR 包括評価対象外理由レコード (3 fields). */
export interface UkeGr {
  record: "GR";
  /** 2 医科点数表算定理由 (数字2 固定, 別表17) */
  santeiRiyu: string;
  /** 3 ＤＰＣコード (英数14 可変) */
  dpcCode?: string;
}

/** SY 傷病名レコード (8 fields). */
export interface UkeSy {
  record: "SY";
  /** 2 傷病名コード (数字7 固定; "0000999" = 未コード化傷病名) */
  code: string;
  /** 3 診療開始日 (数字8 固定) */
  startDate: UkeDate;
  /** 4 転帰区分 (数字1 固定, 別表18: 1 継続, 2 治ゆ, 3 死亡, 4 中止) */
  tenki: number;
  /** 5 修飾語コード (英数80 可変: up to 20 four-character codes) */
  modifiers?: string[];
  /** 6 傷病名称 (漢字40 可変; 未コード化傷病名 only) */
  name?: string;
  /** 7 主傷病 (数字2 可変, 別表19: "01" 主) */
  main?: string;
  /** 8 補足コメント (漢字40 可変) */
  comment?: string;
}

/** SI 診療行為レコード (44 fields). */
export interface UkeSi {
  record: "SI";
  /** 2 診療識別 (数字2 可変, 別表20; empty on the lines after the first of a 診療識別) */
  shikibetsu?: UkeShinryoShikibetsu;
  /** 3 負担区分 (英数1 固定, 別表21) */
  futan: UkeFutanKubun;
  /** 4 診療行為コード (数字9 固定) */
  code: UkeMasterCode;
  /** 5 数量データ (数字8 可変) */
  quantity?: number;
  /** 6 点数 (数字7 可変; only on the last line of a 点数・回数算定単位) */
  points?: number;
  /** 7 回数 (数字3 可変) */
  count: number;
  /** 8–13 コメント①–③ (filled from ①) */
  comments?: UkeComment[];
  /** 14–44 算定日情報 1日…31日 (数字3 可変): the count on each day; index 0 is day 1. */
  days: number[];
}

/** IY 医薬品レコード (44 fields). */
export interface UkeIy {
  record: "IY";
  /** 2 診療識別 (数字2 可変, 別表20) */
  shikibetsu?: UkeShinryoShikibetsu;
  /** 3 負担区分 (英数1 固定, 別表21) */
  futan: UkeFutanKubun;
  /** 4 医薬品コード (数字9 固定) */
  code: UkeMasterCode;
  /** 5 使用量 (数字11 可変: 整数部5桁, 小数部5桁) */
  amount?: UkeDecimal;
  /** 6 点数 (数字7 可変; only on the last line of a 点数・回数算定単位) */
  points?: number;
  /** 7 回数 (数字3 可変) */
  count: number;
  /** 8–13 コメント①–③ */
  comments?: UkeComment[];
  /** 14–44 算定日情報 1日…31日 (数字3 可変); index 0 is day 1. */
  days: number[];
}

/** TO 特定器材レコード (48 fields). */
export interface UkeTo {
  record: "TO";
  /** 2 診療識別 (数字2 可変, 別表20) */
  shikibetsu?: UkeShinryoShikibetsu;
  /** 3 負担区分 (英数1 固定, 別表21) */
  futan: UkeFutanKubun;
  /** 4 特定器材コード (数字9 固定) */
  code: UkeMasterCode;
  /** 5 使用量 (数字9 可変: 整数部5桁, 小数部3桁) */
  amount?: UkeDecimal;
  /** 6 点数 (数字7 可変) */
  points?: number;
  /** 7 回数 (数字3 可変) */
  count: number;
  /** 8 単位コード (数字3 可変, 別表22: "001" …) */
  unitCode?: string;
  /** 9 単価 (数字11 可変: 整数部8桁, 小数部2桁, 円) */
  unitPrice?: UkeDecimal;
  /** 11 商品名及び規格又はサイズ (漢字300 可変); field 10 is 予備 (empty) */
  productName?: string;
  /** 12–17 コメント①–③ */
  comments?: UkeComment[];
  /** 18–48 算定日情報 1日…31日 (数字3 可変); index 0 is day 1. */
  days: number[];
}

/** CO コメントレコード (5 fields). */
export interface UkeCo {
  record: "CO";
  /** 2 診療識別 (数字2 可変, 別表20) */
  shikibetsu?: UkeShinryoShikibetsu;
  /** 3 負担区分 (英数1 固定, 別表21) */
  futan: UkeFutanKubun;
  /** 4 コメントコード (数字9 固定) */
  code: UkeMasterCode;
  /** 5 文字データ (漢字76 可変) */
  text?: string;
}

/** SJ 症状詳記レコード (3 fields). */
export interface UkeSj {
  record: "SJ";
  /** 2 症状詳記区分 (数字2 可変, 別表23; empty on a continuation) */
  kubun?: string;
  /** 3 症状詳記データ (漢字2400 可変) */
  text?: string;
}

/**
 * Any other record (臓器提供 TI/TR/TS, or a type this reader does not know), kept as its
 * raw fields so nothing is lost.
 */
export interface UkeOtherRecord {
  record: "other";
  fields: string[];
}

/** A コメント pair of SI / IY / TO (コメントコード 数字9, 文字データ 漢字100). */
export interface UkeComment {
  code: UkeMasterCode;
  text?: string;
}

/** GO 診療報酬請求書レコード (4 fields). */
export interface UkeGo {
  /** 2 総件数 (数字6 可変; empty on a volume that is not the last) */
  totalReceipts?: number;
  /** 3 総合計点数 (数字10 可変) */
  totalPoints?: number;
  /** 4 マルチボリューム識別情報 (数字2 固定: "99" = the last or only volume) */
  multiVolume: string;
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
   * A UKE file (RECEIPTC.UKE, 記録条件仕様 医科) read into its records: the file's bytes as they are
   * on disk (CP932; a Node `Buffer` is a Uint8Array) in, a `UkeFile` out.
   * @throws {SanteiError} `SANTEI_PARSE_ERROR` for bytes that are not a readable UKE file (the
   *   message names the line, record and field), `SANTEI_INVALID_ARGUMENT` when `bytes` is not a
   *   Uint8Array or ArrayBuffer.
   */
  readUke(bytes: Uint8Array | ArrayBuffer): UkeFile;
  /**
   * `readUke` with the canonical UkeFile JSON text out (compact, object keys sorted),
   * byte-identical to the C ABI's `santei_read_uke_json`.
   * @throws {SanteiError} as `readUke`.
   */
  readUkeJson(bytes: Uint8Array | ArrayBuffer): string;
  /**
   * A UKE file written from its records: the file's exact bytes (CP932, CRLF, the EOF code 0x1A
   * when `eofMark` is true or absent). `writeUke(readUke(bytes))` gives `bytes` back.
   * @throws {SanteiError} `SANTEI_PARSE_ERROR` for an object that is not a UkeFile,
   *   `SANTEI_INVALID_REQUEST` for a value the file cannot hold (a character CP932 cannot encode, a
   *   comma in a text, a number wider than its field; the message names the line, record and field).
   */
  writeUke(file: UkeFile): Uint8Array;
  /**
   * `writeUke` with the UkeFile as JSON text in (what `readUkeJson` returns); the same bytes as the
   * C ABI's `santei_write_uke`.
   * @throws {SanteiError} `SANTEI_INVALID_ARGUMENT` when `text` is not a string, and as `writeUke`.
   */
  writeUkeJson(text: string): Uint8Array;
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
