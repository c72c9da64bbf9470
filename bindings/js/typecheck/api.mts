// Compile-time checks of santei.d.ts (tsc only, never run): what must and must not type-check.
import { Engine, abiVersion, version } from "santei";
import type {
  CalcRequest,
  CalcResponse,
  CheckFinding,
  CheckRequest,
  CheckResponse,
  CheckSeverity,
  CheckUkeReceipt,
  CheckUkeResponse,
  UkeFile,
  UkeRecord,
  UkeReceipt,
  UkeSi,
  ClaimItem,
  ClaimLine,
  CopayPart,
  CopayPartResult,
  MealResult,
  Meals,
  CopayRequest,
  CopayResponse,
  DiffChange,
  DiffCount,
  DiffEntry,
  DiffRequest,
  DiffResponse,
  DiffSide,
  EngineInfo,
  FileInfo,
  MasterKindLetter,
  DayCount,
  MonthCopay,
  MonthLine,
  MonthRequest,
  MonthResponse,
  PublicExpense,
  PublicExpenseResult,
  SanteiError,
  SanteiErrorCode,
  TensuhyoCounts,
  Visit,
  VisitResult,
} from "santei";

declare const engine: Engine;

const ok: CalcRequest = {
  serviceDate: "2024-06-03",
  patient: { birthDate: "1989-04-10", sex: "male" },
  insurance: { insurerType: "kouki", relation: "honnin", burdenPercent: 10, incomeCategory: "genekiIII" },
  facility: { kind: "hospital", beds: 199 },
  time: "nightEarly",
  orders: [{ code: "111000110", count: 2 }],
  prescription: {
    dispensing: "inHouse",
    rps: [
      { form: "prn", times: 5, drugs: [{ code: "620000001", quantity: "1.5" }] },
      { form: "external", temporary: true, drugs: [] },
    ],
  },
};
const resp: CalcResponse = engine.calculate(ok);
const points: number = resp.totalPoints + resp.lines[0].total;
const yen: number | undefined = resp.copay?.patientYen;
const price: string | undefined = resp.lines[0].items[0].unitPrice;
const sev: "error" | "warning" = resp.findings[0].severity;
const text: string = engine.calculateJson(JSON.stringify(ok));
const info: EngineInfo = engine.info();
const gen = info.generations[0];
const codesS: number = gen.codes.s + gen.codes.y + gen.codes.t + gen.codes.c + gen.codes.b + gen.codes.z;
const hojo: number = gen.tensuhyo.hojo + gen.tensuhyo.haihanPerWeek + gen.tensuhyo.santeiKaisu;
const tensuhyo: TensuhyoCounts = gen.tensuhyo;
const file: FileInfo = gen.files[0];
const fileKind: MasterKindLetter = file.kind;
const full: boolean = file.full;
const rows: number = file.rows + file.name.length + gen.skipped.length + gen.effective.length;
const v: string = version();
const abi: number = abiVersion();
const code: SanteiErrorCode = ({} as SanteiError).code;
void [points, yen, price, sev, text, codesS, hojo, tensuhyo, fileKind, full, rows, v, abi, code];

// Masters diff
const diffReq: DiffRequest = { from: "2025-05-31", to: "2025-06-01", kinds: ["y", "s"], codes: ["622945701"] };
const diffMin: DiffRequest = { from: "2024-06-01", to: "2025-06-01" };
const diff: DiffResponse = engine.diffMasters(diffReq);
const side: DiffSide = diff.from;
const generation: string = side.generation + diff.to.date;
const count: DiffCount = diff.counts[0];
const changed: number = count.added + count.abolished + count.repriced + count.renamed;
const countKind: MasterKindLetter = count.kind;
const entry: DiffEntry = diff.changes[0];
const change: DiffChange = entry.change;
const oldValue: string | undefined = entry.old;
const newValue: string | undefined = entry.new;
const entryText: string = entry.kind + entry.code + entry.name;
const diffText: string = engine.diffMastersJson(JSON.stringify(diffMin));
void [generation, changed, countKind, change, oldValue, newValue, entryText, diffText];

// Orders with 数量データ, 薬剤 and 特定保険医療材料; trace
const withQty: CalcRequest = {
  ...ok,
  trace: true,
  orders: [
    { code: "140009310", quantity: "45" },
    { code: "130003510", drugs: [{ code: "620000001", quantity: "0.5" }], materials: [{ code: "700590000", quantity: "1" }] },
  ],
};
const traced: string[] | undefined = engine.calculate(withQty).lines[0].trace;
void traced;

// Month
const visit: Visit = { date: "2024-06-10", time: "overtime", orders: [{ code: "112007410" }], prescription: ok.prescription! };
const monthReq: MonthRequest = {
  month: "2024-06",
  patient: ok.patient,
  insurance: ok.insurance,
  facility: { kind: "clinic" },
  visits: [{ date: "2024-06-03" }, visit],
  trace: true,
};
const monthMin: MonthRequest = { month: "2024-06", patient: ok.patient, insurance: ok.insurance, visits: [] };
const month: MonthResponse = engine.calculateMonth(monthReq);
const monthLine: MonthLine = month.lines[0];
const dayCount: DayCount = monthLine.days[0];
const perDay: number = dayCount.day + dayCount.count + monthLine.points * monthLine.count - monthLine.total;
const monthPoints: number = month.totalPoints + month.actualDays + month.sections[0].total;
const sectionCount: number = month.sections[0].count;
const sectionDrugs: number | undefined = month.sections[0].drugTotal;
const sectionMaterials: number | undefined = month.sections[0].materialTotal;
const monthCopay: MonthCopay | undefined = month.copay;
const counter: number | undefined = monthCopay?.counterYen;
const receipt: number | undefined = month.copay?.receiptYen;
const monthBasis: string | undefined = month.copay?.basis;
const visitResult: VisitResult = month.visits[0];
const visitYen: number | undefined = visitResult.patientYen;
const visitTrace: string[] | undefined = visitResult.lines[0].trace;
const visitText: string = visitResult.date + month.month + month.findings[0].path;
const monthText: string = engine.calculateMonthJson(JSON.stringify(monthMin));
void [perDay, monthPoints, counter, receipt, monthBasis, visitYen, visitTrace, visitText, monthText];
void [sectionCount, sectionDrugs, sectionMaterials];

// 患者負担金 of a レセプト
const kouhi: PublicExpense = { houbetsu: "54", capYen: 10000, paidThisMonthYen: 2500 };
const local: PublicExpense = { houbetsu: "88", ratePercent: 0 };
const kouhiPart: CopayPart = { points: 20000, publicExpenses: [0, 1] };
const copayReq: CopayRequest = {
  serviceDate: "2024-06-15",
  patient: { birthDate: "1952-05-10", sex: "female" },
  insurance: {
    insurerType: "kokuho",
    relation: "honnin",
    incomeCategory: "ippan",
    multipleHighCost: true,
    specificDiseaseCapYen: 10000,
  },
  inpatient: true,
  publicExpenses: [kouhi, local],
  parts: [{ points: 5000 }, kouhiPart],
};
const copayMin: CopayRequest = { serviceDate: "2024-06-15", patient: copayReq.patient, parts: [{ points: 100 }] };
const copay: CopayResponse = engine.calculateCopay(copayReq);
const copayPercent: number | undefined = copay.burdenPercent;
const copayBasis: string | undefined = copay.basis;
const copayYen: number =
  copay.totalYen + copay.insurerYen + copay.insurancePatientYen + copay.patientYen + copay.counterYen;
const kouhiResult: PublicExpenseResult = copay.publicExpenses[0];
const kouhiYen: number = kouhiResult.points + kouhiResult.subjectYen + kouhiResult.paidYen + kouhiResult.patientYen;
const kouhiHoubetsu: string = kouhiResult.houbetsu;
const partResult: CopayPartResult = copay.parts[0];
const partYen: number = partResult.totalYen + partResult.insurerYen + partResult.patientYen;
const limitYen: number | undefined = partResult.limitYen;
const copayTrace: string[] | undefined = copay.trace;
const copayText: string = engine.calculateCopayJson(JSON.stringify(copayMin));
void [copayPercent, copayBasis, copayYen, kouhiYen, kouhiHoubetsu, partYen, limitYen, copayTrace, copayText];
// at the counter, and meals
const counterReq: CopayRequest = {
  ...copayMin,
  monthToDate: { parts: [{ points: 1200 }], collectedYen: 2400 },
  trace: true,
};
const counterVisitYen: number | undefined = engine.calculateCopay(counterReq).visitCounterYen;
const mealReq: CopayRequest = { ...copayMin, inpatient: true, meals: { count: 30, category: "teishotokuII" } };
const meal: MealResult | undefined = engine.calculateCopay(mealReq).meal;
// @ts-expect-error: meal categories are named
const badMeal: Meals = { count: 3, category: "ippan" };
void [counterVisitYen, meal, badMeal];

// 事前審査 of a claim as billed
const claimItem: ClaimItem = { code: "620000001", quantity: "1.5" };
const claimLine: ClaimLine = {
  section: "21",
  items: [{ code: "120001210" }, claimItem],
  points: 12,
  days: [{ day: 3, count: 1 }, { day: 10, count: 2 }],
};
const checkReq: CheckRequest = {
  month: "2024-06",
  patient: { birthDate: "1940-04-10", sex: "female" },
  insurance: { insurerType: "kouki", relation: "honnin", disabilityCertified: false },
  facility: { kind: "hospital", beds: 250, standards: [1] },
  inpatient: true,
  diseases: [{ code: "8830417", main: true }],
  actualDays: 2,
  lines: [claimLine],
};
const checkMin: CheckRequest = {
  month: "2024-06",
  patient: checkReq.patient,
  insurance: { insurerType: "shaho", relation: "honnin" },
  lines: [{ section: "11", items: [{ code: "111000110" }], days: [{ day: 3, count: 1 }] }],
};
const checked: CheckResponse = engine.check(checkReq);
const checkCounts: number = checked.errors + checked.warnings + checked.infos;
const checkHead: string = checked.month + checked.masterGeneration;
const checkTables: boolean = checked.tensuhyo;
const finding: CheckFinding = checked.findings[0];
const findingSeverity: CheckSeverity = finding.severity;
const findingText: string = finding.code + finding.messageJa + finding.messageEn + finding.source;
const findingAt: [number | undefined, number | undefined, number | undefined] = [finding.line, finding.item, finding.day];
const checkText: string = engine.checkJson(JSON.stringify(checkMin));
void [checkCounts, checkHead, checkTables, findingSeverity, findingText, findingAt, checkText];
// @ts-expect-error: a claim has lines
const checkNoLines: CheckRequest = { month: "2024-06", patient: checkReq.patient, insurance: checkMin.insurance };
// @ts-expect-error: a line names its 算定日 as {day, count}
const lineDayNumbers: ClaimLine = { section: "11", items: [{ code: "111000110" }], days: [3] };
// @ts-expect-error: a claim item's quantity is a decimal string
const claimQtyNumber: ClaimItem = { code: "620000001", quantity: 1.5 };
// @ts-expect-error: severities are error / warning / info
const fatal: CheckSeverity = "fatal";
// @ts-expect-error: absent line is absent, never null
const nullLine: CheckFinding = { ...finding, line: null };
// @ts-expect-error: the claim's month is `month`, not a serviceDate
const checkServiceDate: CheckRequest = { ...checkMin, serviceDate: "2024-06-03" };
// @ts-expect-error: check takes a CheckRequest, not a MonthRequest
engine.check(monthMin);
// @ts-expect-error: checkJson takes text
engine.checkJson(checkReq);
void [checkNoLines, lineDayNumbers, claimQtyNumber, fatal, nullLine, checkServiceDate];

// 事前審査 of a UKE file: its bytes in
const ukeBytes = new Uint8Array([0x49, 0x52, 0x2c]);
const uke: CheckUkeResponse = engine.checkUke(ukeBytes);
const ukeFromBuffer: CheckUkeResponse = engine.checkUke(ukeBytes.buffer);
const ukeReceipt: CheckUkeReceipt = uke.receipts[0];
const ukeReceiptNo: number = ukeReceipt.receiptNo;
const ukeClaim: CheckRequest = ukeReceipt.claim;
const ukeCheck: CheckResponse = ukeReceipt.check;
const ukeCounts: number = uke.errors + uke.warnings + uke.infos;
const ukeMonth: string = uke.billingMonth;
const ukeText: string = engine.checkUkeJson(ukeBytes);
void [ukeFromBuffer, ukeReceiptNo, ukeClaim.lines[0].days, ukeCheck.findings, ukeCounts, ukeMonth, ukeText];
// The keys are exactly those of schema/check-uke-response.schema.json (all required there).
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const ukeKeys: Exactly<keyof CheckUkeResponse, "billingMonth" | "receipts" | "errors" | "warnings" | "infos"> = true;
const ukeReceiptKeys: Exactly<keyof CheckUkeReceipt, "receiptNo" | "claim" | "check"> = true;
void [ukeKeys, ukeReceiptKeys];
// @ts-expect-error: checkUke takes the file's bytes, not text (the file is CP932)
engine.checkUke("IR,1,13,1,1234567");
// @ts-expect-error: checkUkeJson takes bytes too
engine.checkUkeJson("IR,1,13,1,1234567");
// @ts-expect-error: the receipt number is a number
const ukeNoText: CheckUkeReceipt = { ...ukeReceipt, receiptNo: "1" };
void ukeNoText;

// UKE files: bytes → UkeFile → bytes
const ukeFile: UkeFile = engine.readUke(ukeBytes);
const ukeFileText: string = engine.readUkeJson(ukeBytes.buffer);
const ukeOut: Uint8Array = engine.writeUke(ukeFile);
const ukeOutFromText: Uint8Array = engine.writeUkeJson(ukeFileText);
const firstReceipt: UkeReceipt = ukeFile.receipts[0];
const ukeSeikyu: string = ukeFile.ir.seikyuYm;
const ukeTotal: number | undefined = ukeFile.go.totalPoints;
void [ukeOut, ukeOutFromText, ukeSeikyu, ukeTotal, firstReceipt.re.receiptNo];
// records are a tagged union on `record`: narrowing by it reaches the record's own fields
for (const rec of firstReceipt.records ?? []) {
  if (rec.record === "SI") {
    const si: UkeSi = rec;
    const siDays: number[] = si.days;
    const siCode: string = si.code;
    void [siDays, siCode];
  } else if (rec.record === "HO") {
    const hoPoints: number = rec.totalPoints;
    void hoPoints;
  } else if (rec.record === "other") {
    const fields: string[] = rec.fields;
    void fields;
  }
}
const built: UkeFile = {
  ir: { shinsaShiharaiKikan: 1, todofuken: "13", tensuhyo: 1, iryokikanCode: "1234567", seikyuYm: "2024-07", multiVolume: "00" },
  receipts: [],
  go: { multiVolume: "99", totalReceipts: 0, totalPoints: 0 },
};
engine.writeUke(built);
// @ts-expect-error: a record's tag is one of the known record types
const badRecord: UkeRecord = { record: "XX", fields: [] };
void badRecord;
// @ts-expect-error: writeUke takes the UkeFile object; text goes to writeUkeJson
engine.writeUke(ukeFileText);
// @ts-expect-error: readUke takes the file's bytes, not text
engine.readUke("IR,1,13,1,1234567");

// @ts-expect-error: the constructor is private; use Engine.fromFiles
new Engine();
// @ts-expect-error: enums are camelCase strings
const badSex: CalcRequest = { ...ok, patient: { birthDate: "1989-04-10", sex: "Male" } };
// @ts-expect-error: money is not a string
const badCount: CalcRequest = { ...ok, orders: [{ code: "111000110", count: "1" }] };
// @ts-expect-error: quantities are decimal strings, never numbers
const badQty: CalcRequest = { ...ok, prescription: { dispensing: "outside", rps: [{ form: "internal", drugs: [{ code: "1", quantity: 3 }] }] } };
// @ts-expect-error: serviceDate is required
const noDate: CalcRequest = { patient: ok.patient, insurance: ok.insurance };
// @ts-expect-error: snake_case is not the wire name
const snake: CalcRequest = { ...ok, service_date: "2024-06-03" };
// @ts-expect-error: calculateJson takes text
engine.calculateJson(ok);
// @ts-expect-error: the old info shape (procedures / drugs counts) is gone; use codes.s / codes.y
void info.generations[0].procedures;
// @ts-expect-error: files are objects, not "NAME (N rows)" strings
const fileText: string = gen.files[0];
// @ts-expect-error: codes are counted per file letter only
void gen.codes.x;
// @ts-expect-error: from and to are both required
const diffNoTo: DiffRequest = { from: "2024-06-01" };
// @ts-expect-error: kinds are file letters
const diffBadKind: DiffRequest = { ...diffReq, kinds: ["S"] };
// @ts-expect-error: kinds is a list
const diffKindString: DiffRequest = { ...diffReq, kinds: "y" };
// @ts-expect-error: unknown fields are rejected (here a misspelt from)
const diffMisspelt: DiffRequest = { form: "2024-06-01", to: "2024-07-01" };
// @ts-expect-error: old / new are absent, never null
const nullOld: DiffEntry = { ...entry, old: null };
// @ts-expect-error: change is one of four words
const badChange: DiffChange = "changed";
// @ts-expect-error: diffMasters takes a DiffRequest, not a CalcRequest
engine.diffMasters(ok);
// @ts-expect-error: diffMastersJson takes text
engine.diffMastersJson(diffReq);
// @ts-expect-error: 数量データ is a string, never a number
const qtyNumber: CalcRequest = { ...ok, orders: [{ code: "140009310", quantity: 45 }] };
// @ts-expect-error: a material's quantity is required
const materialNoQty: CalcRequest = { ...ok, orders: [{ code: "130003510", materials: [{ code: "700590000" }] }] };
// @ts-expect-error: trace is a flag
const traceString: CalcRequest = { ...ok, trace: "yes" };
// @ts-expect-error: month and visits are required
const monthNoVisits: MonthRequest = { month: "2024-06", patient: ok.patient, insurance: ok.insurance };
// @ts-expect-error: a visit has a date, not a serviceDate
const visitServiceDate: Visit = { serviceDate: "2024-06-03" };
// @ts-expect-error: patient and insurance belong to the month, not to a visit
const visitPatient: Visit = { date: "2024-06-03", patient: ok.patient };
// @ts-expect-error: calculateMonth takes a MonthRequest, not a CalcRequest
engine.calculateMonth(ok);
// @ts-expect-error: calculate takes a CalcRequest, not a MonthRequest
engine.calculate(monthReq);
// @ts-expect-error: calculateMonthJson takes text
engine.calculateMonthJson(monthReq);
// @ts-expect-error: receipt lines carry no trace (the visits' lines do)
void month.lines[0].trace;
// @ts-expect-error: days are {day, count} objects, not day numbers
const dayNumbers: DayCount[] = [3, 10];
// @ts-expect-error: the month's copay has counterYen / receiptYen, not patientYen
void month.copay?.patientYen;
// @ts-expect-error: absent patientYen is absent, never null
const nullYen: VisitResult = { ...visitResult, patientYen: null };
// @ts-expect-error: parts are required
const copayNoParts: CopayRequest = { serviceDate: "2024-06-15", patient: copayReq.patient };
// @ts-expect-error: a 法別番号 is a two-digit string, not a number
const houbetsuNumber: PublicExpense = { houbetsu: 54 };
// @ts-expect-error: a part names its 公費 by index
const partByHoubetsu: CopayPart = { points: 100, publicExpenses: ["54"] };
// @ts-expect-error: capYen is absent, never null
const nullCap: PublicExpense = { houbetsu: "54", capYen: null };
// @ts-expect-error: multipleHighCost is a flag
const tasuuString: CopayRequest = { ...copayReq, insurance: { insurerType: "shaho", relation: "honnin", multipleHighCost: "yes" } };
// @ts-expect-error: calculateCopay takes a CopayRequest, not a CalcRequest
engine.calculateCopay(ok);
// @ts-expect-error: calculateCopayJson takes text
engine.calculateCopayJson(copayReq);
// @ts-expect-error: absent limitYen is absent, never null
const nullLimit: CopayPartResult = { ...partResult, limitYen: null };
void [copayNoParts, houbetsuNumber, partByHoubetsu, nullCap, tasuuString, nullLimit];
void [badSex, badCount, badQty, noDate, snake, fileText, diffNoTo, diffBadKind, diffKindString, diffMisspelt, nullOld, badChange];
void [qtyNumber, materialNoQty, traceString, monthNoVisits, visitServiceDate, visitPatient, dayNumbers, nullYen];
