// One visit through the wasm package in Node (bindings/js/dist/node, built by bindings/js/build.sh).
//
//   node bench/wasm.mjs [--copay COPAY_VECTOR_JSON] VECTOR_JSON N MASTER_FILE...
//
// Loads the master files as "2024-06-01/<basename>" through Engine.fromFiles, checks the response
// has the vector's totalPoints, then times 5 rounds of N calls and prints, tab-separated,
//   wasm-json    <µs per visit, median round>  <ms per load, best of 3>   (calculateJson: text in, text out)
//   wasm-object  <µs per visit, median round>                            (calculate: JS object in, object out)
// and with --copay, for one 患者負担金 receipt (the vector's patientYen checked):
//   wasm-copay-json         <µs>   calculateCopayJson: text in, canonical text out
//   wasm-copay-object       <µs>   calculateCopay: JS object in, object out (serde-wasm-bindgen)
//   wasm-copay-object-text  <µs>   JS object → JSON.stringify → calculateCopayJson → JSON.parse
//   wasm-copay-stringify    <µs>   JSON.stringify + JSON.parse alone (the JS side of the above)
// Run by scripts/bench.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename } from "node:path";

const require = createRequire(import.meta.url);
const { Engine } = require("../bindings/js/dist/node/santei.js");

const args = process.argv.slice(2);
let copayPath;
if (args[0] === "--copay") [, copayPath] = args.splice(0, 2);
const [vectorPath, nText, ...paths] = args;
const n = Number(nText);
if (!vectorPath || !(n > 0) || paths.length === 0) {
  console.error("usage: node bench/wasm.mjs [--copay COPAY_VECTOR_JSON] VECTOR_JSON N MASTER_FILE...");
  process.exit(2);
}
const vector = JSON.parse(readFileSync(vectorPath, "utf8"));
const request = vector.request;
const text = JSON.stringify(request);
const expected = vector.expected.totalPoints;

const files = {};
for (const p of paths) files[`2024-06-01/${basename(p)}`] = new Uint8Array(readFileSync(p));

const ns = () => process.hrtime.bigint();
let engine;
let bestLoad = Infinity;
for (let i = 0; i < 3; i++) {
  engine?.free();
  const t0 = ns();
  engine = Engine.fromFiles(files);
  bestLoad = Math.min(bestLoad, Number(ns() - t0) / 1e6);
}

const fromJson = JSON.parse(engine.calculateJson(text)).totalPoints;
const fromObject = engine.calculate(request).totalPoints;
if (fromJson !== expected || fromObject !== expected) {
  console.error(`wasm: totalPoints ${fromJson} / ${fromObject}, expected ${expected}`);
  process.exit(1);
}

function time(call) {
  for (let i = 0; i < n / 10 + 1; i++) call(); // warm-up (JIT, wasm tiering)
  const rounds = [];
  for (let r = 0; r < 5; r++) {
    const t0 = ns();
    for (let i = 0; i < n; i++) call();
    rounds.push(Number(ns() - t0) / 1e3 / n);
  }
  rounds.sort((a, b) => a - b);
  return rounds[2];
}

const json = time(() => engine.calculateJson(text));
const object = time(() => engine.calculate(request));
console.log(`wasm-json\t${json.toFixed(2)}\t${bestLoad.toFixed(1)}`);
console.log(`wasm-object\t${object.toFixed(2)}\t`);

if (copayPath) {
  const copay = JSON.parse(readFileSync(copayPath, "utf8"));
  const req = copay.request;
  const reqText = JSON.stringify(req);
  const want = copay.expectedSubset.patientYen;
  const got = [
    JSON.parse(engine.calculateCopayJson(reqText)).patientYen,
    engine.calculateCopay(req).patientYen,
  ];
  if (got.some((y) => y !== want)) {
    console.error(`wasm: copay patientYen ${got.join(" / ")}, expected ${want}`);
    process.exit(1);
  }
  const rows = [
    ["wasm-copay-json", () => engine.calculateCopayJson(reqText)],
    ["wasm-copay-object", () => engine.calculateCopay(req)],
    ["wasm-copay-object-text", () => JSON.parse(engine.calculateCopayJson(JSON.stringify(req)))],
    ["wasm-copay-stringify", () => JSON.parse(JSON.stringify(req))],
  ];
  for (const [name, call] of rows) console.log(`${name}\t${time(call).toFixed(3)}`);
}
engine.free();
