// @ts-check
// Example: load the bundled masters and calculate one 初診 (Node.js build).
//   node bindings/js/examples/calc.mjs [MASTER_ROOT]
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Engine, version } from "santei";

const root = process.argv[2] ?? fileURLToPath(new URL("../../../masters", import.meta.url));

/** @type {import("santei").MasterFiles} */
const files = {};
for (const generation of readdirSync(root)) {
  for (const file of readdirSync(join(root, generation))) {
    files[`${generation}/${file}`] = new Uint8Array(readFileSync(join(root, generation, file)));
  }
}

const engine = Engine.fromFiles(files);

/** @type {import("santei").CalcRequest} */
const request = {
  serviceDate: "2024-06-03",
  patient: { birthDate: "1989-04-10", sex: "male" },
  insurance: { insurerType: "shaho", relation: "honnin" },
  facility: { kind: "clinic" },
  orders: [{ code: "111000110" }],
};

try {
  const response = engine.calculate(request);
  console.log(`santei ${version()}: ${response.totalPoints}点, 一部負担金 ${response.copay?.patientYen ?? "-"}円`);
  for (const line of response.lines) {
    console.log(`  [${line.section}] ${line.items.map((i) => i.name).join(" + ")}  ${line.points}×${line.count} = ${line.total}`);
  }
} catch (e) {
  const err = /** @type {import("santei").SanteiError} */ (e);
  console.error(`${err.code}: ${err.message}`);
  process.exitCode = 1;
} finally {
  engine.free();
}
