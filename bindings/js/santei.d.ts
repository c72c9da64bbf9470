// Types of the npm package `santei` (hand-written; they mirror core/src/model.rs and
// core/src/engine.rs field for field: camelCase names, enums as string unions, points and yen as
// integers, prices and quantities as decimal strings).
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
}

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

export interface SectionTotal {
  section: string;
  total: number;
}

export interface Copay {
  /** 負担割合 in percent. */
  burdenPercent: number;
  /**
   * Why this 割合: `explicit`, `preschool` (未就学 2割), `general` (3割), `elderly` (高齢受給者 2割),
   * `elderlyGeneki` (現役並み 3割), `kouki` (後期 1割), `koukiIppanII` (2割), `koukiGeneki` (3割).
   * A plain string on the wire (core may add bases).
   */
  basis: string;
  /** 総医療費 = total points × 10 円. */
  totalYen: number;
  /** 一部負担金 after 10円未満四捨五入. */
  patientYen: number;
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
// Engine info
// ---------------------------------------------------------------------------------------------

/** What an engine has loaded, per generation. */
export interface EngineInfo {
  version: string;
  generations: GenerationInfo[];
}

export interface GenerationInfo {
  /** 施行日 of the generation, `YYYY-MM-DD`. */
  effective: string;
  /** Number of 診療行為 rows loaded. */
  procedures: number;
  /** Number of 医薬品 rows loaded. */
  drugs: number;
  /** Files read, as `"NAME (N rows)"`. */
  files: string[];
  /** Files present but not used by this version. */
  skipped: string[];
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

/** A loaded set of 基本マスター generations and the calculation entry points. */
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
  /** What the engine has loaded. */
  info(): EngineInfo;
  /** Frees the engine's wasm memory now (otherwise a FinalizationRegistry does, eventually). */
  free(): void;
}

/** The package / core version, `"0.1.0"`. */
export function version(): string;

/** The boundary contract version; the same number as the C ABI's `santei_abi_version()`. */
export function abiVersion(): number;
