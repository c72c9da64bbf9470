// Compile-time checks of santei.d.ts (tsc only, never run): what must and must not type-check.
import { Engine, abiVersion, version } from "santei";
import type { CalcRequest, CalcResponse, EngineInfo, SanteiError, SanteiErrorCode } from "santei";

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
const gens: number = info.generations[0].procedures;
const v: string = version();
const abi: number = abiVersion();
const code: SanteiErrorCode = ({} as SanteiError).code;
void [points, yen, price, sev, text, gens, v, abi, code];

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
void [badSex, badCount, badQty, noDate, snake];
