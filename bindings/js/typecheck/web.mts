// Compile-time checks of santei-web.d.mts (tsc only, never run): the web build carries the same
// API and types as the Node.js build, plus init / initSync.
import init, {
  Engine,
  initSync,
  type CheckRequest,
  type CheckResponse,
  type CheckUkeResponse,
  type UkeFile,
  type CopayRequest,
  type CopayResponse,
  type DiffRequest,
  type DiffResponse,
  type EngineInfo,
  type MonthRequest,
  type MonthResponse,
} from "santei/web";

declare const wasm: Uint8Array;
initSync({ module: wasm });
await init();

declare const engine: Engine;
const req: DiffRequest = { from: "2024-06-01", to: "2025-06-01", kinds: ["t"] };
const resp: DiffResponse = engine.diffMasters(req);
const text: string = engine.diffMastersJson(JSON.stringify(req));
const info: EngineInfo = engine.info();
const drugs: number = info.generations[0].codes.y;
const monthReq: MonthRequest = {
  month: "2024-06",
  patient: { birthDate: "1989-04-10", sex: "male" },
  insurance: { insurerType: "shaho", relation: "honnin" },
  visits: [{ date: "2024-06-03", orders: [{ code: "111000110" }] }],
};
const month: MonthResponse = engine.calculateMonth(monthReq);
const monthText: string = engine.calculateMonthJson(JSON.stringify(monthReq));
void [resp.changes[0].new, text, drugs, month.copay?.receiptYen, month.lines[0].days[0].day, monthText];
const copayReq: CopayRequest = {
  serviceDate: "2024-06-15",
  patient: { birthDate: "1952-05-10", sex: "female" },
  publicExpenses: [{ houbetsu: "12" }],
  parts: [{ points: 1000, publicExpenses: [0] }],
};
const copay: CopayResponse = engine.calculateCopay(copayReq);
const copayText: string = engine.calculateCopayJson(JSON.stringify(copayReq));
void [copay.patientYen, copay.publicExpenses[0].paidYen, copayText];
const checkReq: CheckRequest = {
  month: "2024-06",
  patient: { birthDate: "1989-04-10", sex: "male" },
  insurance: { insurerType: "shaho", relation: "honnin" },
  lines: [{ section: "11", items: [{ code: "111000110" }], days: [{ day: 3, count: 1 }] }],
};
const checked: CheckResponse = engine.check(checkReq);
const checkText: string = engine.checkJson(JSON.stringify(checkReq));
void [checked.errors, checked.findings[0]?.messageJa, checkText];
const uke: CheckUkeResponse = engine.checkUke(new Uint8Array(0));
const ukeText: string = engine.checkUkeJson(new Uint8Array(0));
void [uke.receipts[0]?.check.errors, ukeText];
const ukeFile: UkeFile = engine.readUke(new Uint8Array(0));
const ukeBytes: Uint8Array = engine.writeUke(ukeFile);
const ukeBytes2: Uint8Array = engine.writeUkeJson(engine.readUkeJson(ukeBytes));
void ukeBytes2;

// @ts-expect-error: the web build's diffMastersJson takes text, too
engine.diffMastersJson(req);
// @ts-expect-error: the web build's calculateMonthJson takes text, too
engine.calculateMonthJson(monthReq);
// @ts-expect-error: the web build's calculateCopayJson takes text, too
engine.calculateCopayJson(copayReq);
// @ts-expect-error: the web build's checkJson takes text, too
engine.checkJson(checkReq);
// @ts-expect-error: the web build's checkUke takes bytes, too
engine.checkUke("IR,");
