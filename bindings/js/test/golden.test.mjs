// Node (wasm) surface of the golden vectors (see tests/README.md): every tests/vectors/**/*.json,
// sorted by path, against the bundled masters in masters/, compared as canonical JSON; outputs go
// to tests/out/node/<id>.json. Run with `node --test bindings/js/test/` after bindings/js/build.sh.
//
// Each vector's `call` picks the entry point (absent = "calculate"): `request` goes to
// calculate / calculateMonth / calculateCopay / check / diffMasters as a plain object,
// `requestText` to calculateJson / calculateMonthJson / calculateCopayJson / checkJson /
// diffMastersJson as-is; `requestFile` (a path from the repository root, call "checkUke") is read
// as bytes and sent to checkUkeJson — and checkUke, whose object must agree (likewise readUke /
// readUkeJson); `writeUke` sends `request` to writeUke (and writeUkeJson, which must agree) or
// `requestText` to writeUkeJson, and its bytes must equal `expectedFile`'s (written to
// tests/out/node/<id>.uke); `info` sends
// nothing. An unknown call fails the vector. `expectedSubset` checks only the keys it names.
//
// Plus a few checks of the package surface: error objects and codes, master errors, version,
// the engine info's shape, calculateMonth vs calculateMonthJson, diffMasters vs diffMastersJson,
// and the web build (loaded in Node with initSync) running vectors.

import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { inflateRawSync } from "node:zlib";
// The Node.js build, through the package's own "exports" (self-reference by name).
import { Engine, abiVersion, version } from "santei";

const repo = fileURLToPath(new URL("../../../", import.meta.url));
const mastersRoot = join(repo, "masters");
const vectorsRoot = join(repo, "tests", "vectors");
const outDir = join(repo, "tests", "out", "node");
const webDir = fileURLToPath(new URL("../dist/web/", import.meta.url));

// ---------------------------------------------------------------------------------------------
// Canonical JSON (tests/README.md): compact, object keys sorted by code point, arrays in order,
// integers as written, strings escaped as JSON.stringify / serde_json do.
// ---------------------------------------------------------------------------------------------

/** A JSON number kept as the text it was written as (so integers beyond 2^53 stay exact). */
class RawNumber {
  constructor(text) {
    this.text = text;
  }
}

/**
 * Parses JSON text like JSON.parse, except that numbers become RawNumber and objects Map
 * (last duplicate key wins, as with JSON.parse and serde_json). Call only on text JSON.parse
 * accepted, so the grammar needs no error reporting beyond a guard.
 */
function parseRaw(text) {
  let i = 0;
  const ws = () => {
    while (i < text.length && " \t\n\r".includes(text[i])) i++;
  };
  const value = () => {
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      const map = new Map();
      ws();
      if (text[i] === "}") {
        i++;
        return map;
      }
      for (;;) {
        ws();
        const key = string();
        ws();
        i++; // ':'
        map.set(key, value());
        ws();
        if (text[i++] === "}") return map; // else ','
      }
    }
    if (c === "[") {
      i++;
      const arr = [];
      ws();
      if (text[i] === "]") {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(value());
        ws();
        if (text[i++] === "]") return arr; // else ','
      }
    }
    if (c === '"') return string();
    for (const [word, v] of [["true", true], ["false", false], ["null", null]]) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return v;
      }
    }
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) throw new SyntaxError(`bad JSON at offset ${i}`);
    i += m[0].length;
    return new RawNumber(m[0]);
  };
  const string = () => {
    const start = i;
    i++; // opening quote
    while (text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i));
  };
  const v = value();
  ws();
  if (i !== text.length) throw new SyntaxError(`trailing text at offset ${i}`);
  return v;
}

/** Orders strings by Unicode code point (= UTF-8 byte order, serde_json's BTreeMap order). */
function byCodePoint(a, b) {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}

function canonicalNumber(text) {
  // Integers as written (BigInt keeps every digit; "-0" becomes "0" as in serde_json).
  if (/^-?(?:0|[1-9]\d*)$/.test(text)) return BigInt(text).toString();
  // Responses carry no floating-point numbers; print any that shows up the way JS does.
  return JSON.stringify(Number(text));
}

/** Canonical JSON text of a value from parseRaw or from a plain JS object / array. */
function canonical(v) {
  if (v === null || typeof v === "boolean") return JSON.stringify(v);
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new TypeError(`not a JSON number: ${v}`);
    return Number.isInteger(v) ? canonicalNumber(BigInt(v).toString()) : JSON.stringify(v);
  }
  if (v instanceof RawNumber) return canonicalNumber(v.text);
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? "null" : canonical(x))).join(",")}]`;
  const entries = v instanceof Map ? [...v.entries()] : Object.entries(v);
  return `{${entries
    .filter(([, x]) => x !== undefined)
    .sort(([a], [b]) => byCodePoint(a, b))
    .map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`)
    .join(",")}}`;
}

// ---------------------------------------------------------------------------------------------
// Masters and vectors
// ---------------------------------------------------------------------------------------------

/** Every file under masters/<generation>/, keyed "<generation>/<file>". */
function loadMasterFiles(root) {
  const files = {};
  for (const generation of readdirSync(root).sort()) {
    const dir = join(root, generation);
    if (!statSync(dir).isDirectory()) continue;
    for (const file of readdirSync(dir).sort()) {
      const path = join(dir, file);
      if (statSync(path).isFile()) files[`${generation}/${file}`] = new Uint8Array(readFileSync(path));
    }
  }
  return files;
}

function collectVectors(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) collectVectors(path, out);
    else if (name.endsWith(".json")) out.push(path);
  }
  return out;
}

/** Sorted by path (relative, `/`-separated, by code point) as every runner does. */
const vectorFiles = collectVectors(vectorsRoot)
  .map((path) => ({ path, rel: relative(vectorsRoot, path).split("\\").join("/") }))
  .sort((a, b) => byCodePoint(a.rel, b.rel));

const vectors = vectorFiles.map(({ path, rel }) => {
  const text = readFileSync(path, "utf8");
  const obj = JSON.parse(text); // the request as a plain object, as a JS caller has it
  const raw = parseRaw(text); // the expected response with its numbers as written
  if (typeof obj.id !== "string" || obj.id === "") throw new Error(`${rel}: no id`);
  return { rel, obj, raw };
});

const masterFiles = loadMasterFiles(mastersRoot);
const engine = Engine.fromFiles(masterFiles);

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

/**
 * The entry points per vector `call` (absent = "calculate"): `object` takes the request as a
 * plain object and returns an object, `text` takes `requestText` as-is and returns canonical
 * JSON text. `info` takes no request (the vector's `request` is `{}` and is not sent).
 */
const calls = {
  calculate: {
    object: (eng, request) => eng.calculate(request),
    text: (eng, text) => eng.calculateJson(text),
  },
  calculateMonth: {
    object: (eng, request) => eng.calculateMonth(request),
    text: (eng, text) => eng.calculateMonthJson(text),
  },
  calculateCopay: {
    object: (eng, request) => eng.calculateCopay(request),
    text: (eng, text) => eng.calculateCopayJson(text),
  },
  check: {
    object: (eng, request) => eng.check(request),
    text: (eng, text) => eng.checkJson(text),
  },
  diffMasters: {
    object: (eng, request) => eng.diffMasters(request),
    text: (eng, text) => eng.diffMastersJson(text),
  },
  info: {
    object: (eng) => eng.info(),
  },
  readUke: {
    file: (eng, bytes) => {
      const text = eng.readUkeJson(bytes);
      assert.equal(canonical(eng.readUke(bytes)), text, "readUke and readUkeJson agree");
      return text;
    },
  },
  writeUke: {
    // bytes out (a Uint8Array), compared with the vector's expectedFile
    bytes: true,
    object: (eng, request) => {
      const bytes = eng.writeUke(request);
      assert.deepEqual(eng.writeUkeJson(JSON.stringify(request)), bytes, "writeUke and writeUkeJson agree");
      return bytes;
    },
    text: (eng, text) => eng.writeUkeJson(text),
  },
  checkUke: {
    // a byte input: the text call gives the output, the object call must agree with it
    file: (eng, bytes) => {
      const text = eng.checkUkeJson(bytes);
      assert.equal(canonical(eng.checkUke(bytes)), text, "checkUke and checkUkeJson agree");
      return text;
    },
  },
};

/**
 * `expectedSubset` (tests/README.md): undefined when every key of an expected object is in the
 * actual one with a matching value, recursively, arrays have the same length and match element by
 * element, and scalars are equal (as canonical JSON); otherwise where and how they differ.
 * `expected` comes from parseRaw (objects as Map), `actual` from parseRaw of the canonical output.
 */
function subsetMismatch(expected, actual, path) {
  if (expected instanceof Map && actual instanceof Map) {
    for (const [key, ev] of expected) {
      const at = `${path}.${key}`;
      if (!actual.has(key)) return `${at}: missing`;
      const m = subsetMismatch(ev, actual.get(key), at);
      if (m !== undefined) return m;
    }
    return undefined;
  }
  if (Array.isArray(expected) && Array.isArray(actual) && expected.length === actual.length) {
    for (let i = 0; i < expected.length; i++) {
      const m = subsetMismatch(expected[i], actual[i], `${path}[${i}]`);
      if (m !== undefined) return m;
    }
    return undefined;
  }
  const [e, a] = [canonical(expected), canonical(actual)];
  return e === a ? undefined : `${path}: expected ${e}, actual ${a}`;
}

/** Runs one vector on an engine; returns the canonical actual (or {"code":…}) and a verdict. */
function runVector(eng, { rel, obj, raw }) {
  const call = obj.call ?? "calculate";
  const entry = Object.hasOwn(calls, call) ? calls[call] : undefined;
  if (entry === undefined) throw new assert.AssertionError({ message: `${rel}: unknown call ${JSON.stringify(call)}` });
  const byText = typeof obj.requestText === "string";
  if (byText && entry.text === undefined) {
    throw new assert.AssertionError({ message: `${rel}: call ${call} takes no requestText` });
  }
  const inputs = ["request", "requestText", "requestFile"].filter((k) => Object.hasOwn(obj, k)).length;
  if (inputs !== 1) {
    throw new assert.AssertionError({ message: `${rel}: exactly one of "request", "requestText" and "requestFile" is required` });
  }
  const byFile = typeof obj.requestFile === "string";
  if (byFile !== (entry.file !== undefined)) {
    throw new assert.AssertionError({
      message: `${rel}: ${byFile ? `call ${call} takes no requestFile` : `call ${call} needs a requestFile`}`,
    });
  }
  const expected = raw.get("expected");
  const expectedSubset = raw.get("expectedSubset");
  const expectedCode = obj.expectedError?.code;
  const kinds = [expected, expectedSubset, obj.expectedFile, obj.expectedError].filter((x) => x !== undefined).length;
  if (kinds !== 1) {
    throw new assert.AssertionError({
      message: `${rel}: exactly one of "expected", "expectedSubset", "expectedFile" and "expectedError" is required`,
    });
  }
  if ((obj.expectedFile !== undefined) !== (entry.bytes === true && expectedCode === undefined)) {
    throw new assert.AssertionError({
      message: `${rel}: "expectedFile" is for call "writeUke", which takes it or "expectedError"`,
    });
  }
  let actual;
  let code;
  try {
    actual = byFile
      ? entry.file(eng, readFileSync(join(repo, obj.requestFile)))
      : byText
        ? entry.text(eng, obj.requestText)
        : entry.bytes
          ? entry.object(eng, obj.request)
          : canonical(entry.object(eng, obj.request));
  } catch (e) {
    if (!(e instanceof Error)) throw new assert.AssertionError({ message: `thrown value is not an Error: ${String(e)}` });
    if (typeof e.code !== "string") throw e; // not a santei error: report it as it is
    code = e.code;
    actual = canonical({ code });
  }
  const check = () => {
    if (code !== undefined) {
      assert.ok(expectedCode !== undefined, `unexpected error ${code}`);
      assert.equal(code, expectedCode);
    } else {
      assert.ok(expectedCode === undefined, `expected error ${expectedCode}, got a response: ${actual}`);
      if (obj.expectedFile !== undefined) {
        assert.ok(actual instanceof Uint8Array, "writeUke returns a Uint8Array");
        const file = readFileSync(join(repo, obj.expectedFile));
        assert.ok(Buffer.from(actual).equals(file), `output (${actual.length} bytes) differs from ${obj.expectedFile} (${file.length} bytes)`);
      } else if (expectedSubset !== undefined) {
        const mismatch = subsetMismatch(expectedSubset, parseRaw(actual), "");
        assert.ok(mismatch === undefined, `${mismatch}\n     actual   ${actual}`);
      } else {
        assert.equal(actual, canonical(expected));
      }
    }
  };
  // the bytes writeUke wrote go to <id>.uke, everything else (JSON text) to <id>.json
  return { actual, check, ext: actual instanceof Uint8Array ? "uke" : "json" };
}

// ---------------------------------------------------------------------------------------------
// One test per vector (test name = vector id)
// ---------------------------------------------------------------------------------------------

let passed = 0;
let failed = 0;
const seen = new Map();

for (const v of vectors) {
  const { id } = v.obj;
  test(id, () => {
    try {
      assert.ok(!seen.has(id), `id ${id} is also used by ${seen.get(id)}`);
      seen.set(id, v.rel);
      const { actual, check, ext } = runVector(engine, v);
      writeFileSync(join(outDir, `${id}.${ext}`), actual);
      check();
      passed++;
    } catch (e) {
      failed++;
      throw e;
    }
  });
}

after(() => {
  console.log(`golden: ${passed} passed, ${failed} failed`);
});

test("the vectors exist", () => {
  assert.ok(vectors.length > 0, `no vectors under ${vectorsRoot}`);
});

// ---------------------------------------------------------------------------------------------
// The package surface
// ---------------------------------------------------------------------------------------------

/** Asserts fn throws a real Error carrying `code`; returns it. */
function throwsCode(fn, code) {
  let caught;
  assert.throws(fn, (e) => {
    caught = e;
    return true;
  });
  assert.ok(caught instanceof Error, `thrown value is not an Error: ${String(caught)}`);
  assert.equal(caught.code, code, `code of ${caught}`);
  assert.equal(typeof caught.message, "string");
  assert.ok(caught.message.length > 0, "the error has a message");
  return caught;
}

/** The stored bytes of the first entry of a zip archive (central directory; deflate or stored). */
function firstZipEntry(zip) {
  const buf = Buffer.from(zip);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(eocd >= 0, "zip: end of central directory");
  const cd = buf.readUInt32LE(eocd + 16);
  assert.equal(buf.readUInt32LE(cd), 0x02014b50, "zip: central directory header");
  const method = buf.readUInt16LE(cd + 10);
  const compressed = buf.readUInt32LE(cd + 20);
  const nameLen = buf.readUInt16LE(cd + 28);
  const name = buf.subarray(cd + 46, cd + 46 + nameLen).toString("latin1");
  const local = buf.readUInt32LE(cd + 42);
  const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
  const data = buf.subarray(dataStart, dataStart + compressed);
  return { name, bytes: new Uint8Array(method === 8 ? inflateRawSync(data) : data) };
}

/** The 基本マスター file letters, in the engine's order. */
const masterLetters = ["s", "y", "t", "c", "b", "z"];

const sZipKey = Object.keys(masterFiles).find((k) => /\/s_[^/]*\.zip$/i.test(k));

test("version() is 0.1.0 and abiVersion() is 1", () => {
  assert.equal(version(), "0.1.0");
  assert.equal(abiVersion(), 1);
  assert.equal(engine.info().version, "0.1.0");
});

test("info() lists the bundled generation: codes per master, 電子点数表 rows, files", () => {
  const info = engine.info();
  assert.equal(Object.getPrototypeOf(info), Object.prototype, "a plain object, not a Map");
  assert.ok(Array.isArray(info.generations) && info.generations.length > 0);
  const gen = info.generations.find((g) => g.effective === "2024-06-01");
  assert.ok(gen, JSON.stringify(info));
  assert.deepEqual(Object.keys(gen).sort(), ["codes", "effective", "files", "skipped", "tensuhyo"]);
  // codes: one count per 基本マスター letter, all six loaded from the bundled files
  assert.equal(Object.getPrototypeOf(gen.codes), Object.prototype, "codes is a plain object, not a Map");
  assert.deepEqual(Object.keys(gen.codes).sort(), ["b", "c", "s", "t", "y", "z"]);
  for (const letter of masterLetters) {
    assert.ok(Number.isInteger(gen.codes[letter]) && gen.codes[letter] > 0, `codes.${letter}: ${gen.codes[letter]}`);
  }
  // tensuhyo: a row count per table (the bundled generation has no 電子点数表)
  assert.deepEqual(Object.keys(gen.tensuhyo).sort(), [
    "haihanPerDay",
    "haihanPerWeek",
    "haihanSameMonth",
    "haihanSimultaneous",
    "hojo",
    "houkatsu",
    "nyuin",
    "santeiKaisu",
  ]);
  for (const [table, n] of Object.entries(gen.tensuhyo)) assert.ok(Number.isInteger(n) && n >= 0, `tensuhyo.${table}: ${n}`);
  // files: {name, kind, full, rows} in the order applied, each kind's full file first
  assert.ok(Array.isArray(gen.files) && gen.files.length > 0);
  for (const f of gen.files) {
    assert.deepEqual(Object.keys(f).sort(), ["full", "kind", "name", "rows"], JSON.stringify(f));
    assert.ok(typeof f.name === "string" && f.name.startsWith("2024-06-01/"), f.name);
    assert.ok(masterLetters.includes(f.kind), f.kind);
    assert.equal(typeof f.full, "boolean");
    assert.ok(Number.isInteger(f.rows) && f.rows >= 0, `${f.name}: rows ${f.rows}`);
  }
  const kindsInOrder = gen.files.map((f) => f.kind).filter((k, i, all) => i === 0 || all[i - 1] !== k);
  assert.deepEqual(kindsInOrder, masterLetters, "files grouped by kind in the order s, y, t, c, b, z");
  for (const letter of masterLetters) {
    const first = gen.files.find((f) => f.kind === letter);
    assert.ok(first.full && first.rows > 0, `the first ${letter} file is a full file: ${JSON.stringify(first)}`);
  }
  const s = gen.files.filter((f) => f.kind === "s");
  assert.ok(s.some((f) => !f.full), "the s 差分 files are applied, too");
  assert.ok(gen.codes.s >= s[0].rows, "codes.s counts the full file's codes and those the 差分 add");
  assert.ok(Array.isArray(gen.skipped) && gen.skipped.every((x) => typeof x === "string"));
});

test("calculateMonth() and calculateMonthJson() agree on a month vector", () => {
  const v = vectors.find((x) => x.obj.call === "calculateMonth" && x.obj.request && x.obj.expected);
  assert.ok(v, "a calculateMonth success vector");
  const object = engine.calculateMonth(v.obj.request);
  assert.equal(Object.getPrototypeOf(object), Object.prototype, "a plain object, not a Map");
  const text = engine.calculateMonthJson(JSON.stringify(v.obj.request));
  assert.equal(text, canonical(object));
  assert.equal(text, canonical(v.raw.get("expected")), v.obj.id);
  assert.equal(text, canonical(JSON.parse(text)), "calculateMonthJson returns canonical JSON");
  assert.equal(object.visits.length, v.obj.request.visits.length, "one result per visit");
  for (const line of object.lines) {
    assert.ok(Array.isArray(line.days) && line.days.length > 0, JSON.stringify(line));
    assert.equal(line.days.reduce((n, d) => n + d.count, 0), line.count, "count is the sum of the 算定日 counts");
    assert.ok(!("trace" in line), "receipt lines carry no trace");
  }
  // absent copay / patientYen are left out, never null
  assert.ok(!("copay" in object) || typeof object.copay === "object" && object.copay !== null);
  for (const visit of object.visits) assert.ok(!("patientYen" in visit) || Number.isInteger(visit.patientYen));
});

test("calculateMonth() with trace: the visits' lines carry it, the receipt lines do not", () => {
  const v = vectors.find((x) => x.obj.call === "calculateMonth" && x.obj.request && x.obj.expected);
  const traced = engine.calculateMonth({ ...v.obj.request, trace: true });
  const lines = traced.visits.flatMap((visit) => visit.lines);
  assert.ok(lines.length > 0);
  for (const line of lines) {
    assert.ok(Array.isArray(line.trace) && line.trace.length > 0 && line.trace.every((t) => typeof t === "string"), JSON.stringify(line));
  }
  for (const line of traced.lines) assert.ok(!("trace" in line), JSON.stringify(line));
  // The same month otherwise.
  const plain = engine.calculateMonth(v.obj.request);
  assert.equal(traced.totalPoints, plain.totalPoints);
  assert.equal(canonical(traced.lines), canonical(plain.lines));
});

test("calculateMonthJson('{') and bad month requests throw", () => {
  throwsCode(() => engine.calculateMonthJson("{"), "SANTEI_PARSE_ERROR");
  throwsCode(() => engine.calculateMonthJson(""), "SANTEI_PARSE_ERROR");
  throwsCode(() => engine.calculateMonthJson({}), "SANTEI_INVALID_ARGUMENT");
  throwsCode(() => engine.calculateMonth("not an object"), "SANTEI_PARSE_ERROR");
  const v = vectors.find((x) => x.obj.call === "calculateMonth" && x.obj.request && x.obj.expected);
  const { visits, ...noVisits } = v.obj.request;
  assert.ok(visits.length > 0);
  throwsCode(() => engine.calculateMonth(noVisits), "SANTEI_PARSE_ERROR");
  throwsCode(() => engine.calculateMonth({ ...v.obj.request, unknownField: 1 }), "SANTEI_PARSE_ERROR");
  // A single-visit request is not a month (serviceDate is not a MonthRequest field).
  const calc = vectors.find((x) => (x.obj.call ?? "calculate") === "calculate" && x.obj.request && x.obj.expected);
  throwsCode(() => engine.calculateMonth(calc.obj.request), "SANTEI_PARSE_ERROR");
  throwsCode(() => engine.calculateMonthJson(JSON.stringify(calc.obj.request)), "SANTEI_PARSE_ERROR");
  throwsCode(() => engine.calculateMonth({ ...v.obj.request, month: "2024-6" }), "SANTEI_INVALID_REQUEST");
});

test("diffMasters() and diffMastersJson() agree", () => {
  const v = vectors.find((x) => x.obj.call === "diffMasters" && x.obj.request && x.obj.expected);
  assert.ok(v, "a diffMasters success vector");
  const object = engine.diffMasters(v.obj.request);
  assert.equal(Object.getPrototypeOf(object), Object.prototype, "a plain object, not a Map");
  const text = engine.diffMastersJson(JSON.stringify(v.obj.request));
  assert.equal(text, canonical(object));
  assert.equal(text, canonical(v.raw.get("expected")), v.obj.id);
  assert.equal(text, canonical(JSON.parse(text)), "diffMastersJson returns canonical JSON");
  // absent old / new are left out, never null
  for (const entry of object.changes) {
    for (const key of ["old", "new"]) assert.ok(!(key in entry) || typeof entry[key] === "string", JSON.stringify(entry));
  }
});

test("diffMastersJson('{') and bad diff requests throw", () => {
  throwsCode(() => engine.diffMastersJson("{"), "SANTEI_PARSE_ERROR");
  throwsCode(() => engine.diffMastersJson(""), "SANTEI_PARSE_ERROR");
  throwsCode(() => engine.diffMastersJson({ from: "2024-06-01", to: "2024-07-01" }), "SANTEI_INVALID_ARGUMENT");
  throwsCode(() => engine.diffMasters("not an object"), "SANTEI_PARSE_ERROR");
  throwsCode(() => engine.diffMasters({ from: "2024-06-01" }), "SANTEI_PARSE_ERROR");
  throwsCode(() => engine.diffMasters({ from: "2024-06-01", to: "2024-07-01", extra: 1 }), "SANTEI_PARSE_ERROR");
  throwsCode(() => engine.diffMasters({ from: "2024-06-01", to: "2024-07-01", kinds: ["S"] }), "SANTEI_INVALID_REQUEST");
});

test("calculateCopay() and calculateCopayJson() agree", () => {
  const v = vectors.find(
    (x) => x.obj.call === "calculateCopay" && x.obj.expectedSubset && x.obj.request && x.obj.request.publicExpenses,
  );
  assert.ok(v, "a calculateCopay success vector with 公費");
  const object = engine.calculateCopay(v.obj.request);
  assert.equal(Object.getPrototypeOf(object), Object.prototype, "a plain object, not a Map");
  const text = engine.calculateCopayJson(JSON.stringify(v.obj.request));
  assert.equal(text, canonical(object));
  assert.equal(text, canonical(JSON.parse(text)), "calculateCopayJson returns canonical JSON");
  assert.equal(object.parts.length, v.obj.request.parts.length, "one result per part");
  assert.equal(object.publicExpenses.length, v.obj.request.publicExpenses.length, "one result per 公費");
  assert.ok(!("trace" in object), "no trace unless asked for");
  const traced = engine.calculateCopay({ ...v.obj.request, trace: true });
  assert.ok(traced.trace.length > 0 && traced.trace.every((t) => typeof t === "string"));
  // absent limitYen / burdenPercent / basis are left out, never null
  for (const part of object.parts) assert.ok(!("limitYen" in part) || Number.isInteger(part.limitYen), JSON.stringify(part));
  for (const key of ["burdenPercent", "basis"]) assert.ok(!(key in object) || object[key] !== null, key);
});

test("calculateCopayJson('{') and bad copay requests throw", () => {
  throwsCode(() => engine.calculateCopayJson("{"), "SANTEI_PARSE_ERROR");
  throwsCode(() => engine.calculateCopayJson(""), "SANTEI_PARSE_ERROR");
  throwsCode(() => engine.calculateCopayJson({}), "SANTEI_INVALID_ARGUMENT");
  throwsCode(() => engine.calculateCopay("not an object"), "SANTEI_PARSE_ERROR");
  const v = vectors.find((x) => x.obj.call === "calculateCopay" && x.obj.request && x.obj.request.insurance);
  const { parts, ...noParts } = v.obj.request;
  assert.ok(parts.length > 0);
  throwsCode(() => engine.calculateCopay(noParts), "SANTEI_PARSE_ERROR");
  throwsCode(() => engine.calculateCopay({ ...v.obj.request, unknownField: 1 }), "SANTEI_PARSE_ERROR");
  throwsCode(() => engine.calculateCopay({ ...v.obj.request, parts: [] }), "SANTEI_INVALID_REQUEST");
  throwsCode(() => engine.calculateCopay({ ...v.obj.request, publicExpenses: [{ houbetsu: "5" }] }), "SANTEI_INVALID_REQUEST");
});

test("check() and checkJson() agree", () => {
  const v = vectors.find((x) => x.obj.call === "check" && x.obj.request && x.obj.expectedSubset);
  assert.ok(v, "a check success vector");
  const object = engine.check(v.obj.request);
  assert.equal(Object.getPrototypeOf(object), Object.prototype, "a plain object, not a Map");
  const text = engine.checkJson(JSON.stringify(v.obj.request));
  assert.equal(text, canonical(object));
  assert.equal(text, canonical(JSON.parse(text)), "checkJson returns canonical JSON");
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of object.findings) {
    assert.ok(f.severity in counts, f.severity);
    counts[f.severity]++;
    assert.ok(typeof f.messageJa === "string" && typeof f.messageEn === "string" && typeof f.source === "string");
    // absent line / item / day are left out, never null
    for (const key of ["line", "item", "day"]) assert.ok(!(key in f) || Number.isInteger(f[key]), JSON.stringify(f));
  }
  assert.deepEqual([object.errors, object.warnings, object.infos], [counts.error, counts.warning, counts.info]);
});

test("checkJson('{') and bad claims throw", () => {
  throwsCode(() => engine.checkJson("{"), "SANTEI_PARSE_ERROR");
  throwsCode(() => engine.checkJson(""), "SANTEI_PARSE_ERROR");
  throwsCode(() => engine.checkJson({}), "SANTEI_INVALID_ARGUMENT");
  throwsCode(() => engine.check("not an object"), "SANTEI_PARSE_ERROR");
  const v = vectors.find((x) => x.obj.call === "check" && x.obj.request && x.obj.expectedSubset);
  const { lines, ...noLines } = v.obj.request;
  assert.ok(lines.length > 0);
  throwsCode(() => engine.check(noLines), "SANTEI_PARSE_ERROR");
  throwsCode(() => engine.check({ ...v.obj.request, unknownField: 1 }), "SANTEI_PARSE_ERROR");
  const err = throwsCode(() => engine.check({ ...v.obj.request, lines: [] }), "SANTEI_INVALID_REQUEST");
  assert.match(err.message, /lines/, "the message names the field");
  throwsCode(() => engine.check({ ...v.obj.request, month: "2024-13" }), "SANTEI_INVALID_REQUEST");
});

test("checkUke() takes the UKE file's bytes (Buffer, Uint8Array, ArrayBuffer)", () => {
  const bytes = readFileSync(join(repo, "tests", "uke", "check-2024-06.UKE"));
  const text = engine.checkUkeJson(bytes);
  assert.equal(text, canonical(JSON.parse(text)), "checkUkeJson returns canonical JSON");
  const copy = new Uint8Array(bytes); // a plain Uint8Array, not a Buffer
  assert.equal(engine.checkUkeJson(copy), text);
  assert.equal(engine.checkUkeJson(copy.buffer), text, "an ArrayBuffer");
  const object = engine.checkUke(copy);
  assert.equal(Object.getPrototypeOf(object), Object.prototype, "a plain object, not a Map");
  assert.equal(object.billingMonth, "2024-07");
  assert.deepEqual(object.receipts.map((r) => r.receiptNo), [1, 2]);
  assert.equal(object.receipts[1].check.errors, 2);
  assert.equal(object.errors, 2);
});

test("checkUke()'s response has the keys of schema/check-uke-response.schema.json", () => {
  const schema = JSON.parse(readFileSync(join(repo, "schema", "check-uke-response.schema.json"), "utf8"));
  const object = engine.checkUke(readFileSync(join(repo, "tests", "uke", "check-2024-06.UKE")));
  const keys = (o) => Object.keys(o).sort();
  assert.deepEqual(keys(object), [...schema.required].sort());
  assert.deepEqual(keys(schema.properties), [...schema.required].sort(), "every property is required");
  const receipt = schema.$defs.CheckUkeReceipt;
  for (const r of object.receipts) assert.deepEqual(keys(r), [...receipt.required].sort());
  assert.deepEqual(keys(receipt.properties), [...receipt.required].sort());
});

test("checkUke() of what is not a UKE file throws", () => {
  throwsCode(() => engine.checkUkeJson(new TextEncoder().encode("{not json")), "SANTEI_PARSE_ERROR");
  throwsCode(() => engine.checkUke(new Uint8Array(0)), "SANTEI_PARSE_ERROR");
  const err = throwsCode(
    () => engine.checkUke(readFileSync(join(repo, "tests", "uke", "broken-points.UKE"))),
    "SANTEI_PARSE_ERROR",
  );
  assert.match(err.message, /line 5/, "the message names the line");
  // the file's bytes, never text: a string would hide the CP932 encoding
  throwsCode(() => engine.checkUkeJson("IR,1,13,1,1234567"), "SANTEI_INVALID_ARGUMENT");
  throwsCode(() => engine.checkUke({}), "SANTEI_INVALID_ARGUMENT");
});

test("readUke() gives a plain object with the keys of schema/uke-file.schema.json; writeUke() gives the bytes back", () => {
  const schema = JSON.parse(readFileSync(join(repo, "schema", "uke-file.schema.json"), "utf8"));
  const bytes = readFileSync(join(repo, "tests", "uke", "check-2024-06.UKE"));
  const file = engine.readUke(new Uint8Array(bytes).buffer);
  assert.equal(Object.getPrototypeOf(file), Object.prototype, "a plain object, not a Map");
  assert.deepEqual(Object.keys(file).sort(), Object.keys(schema.properties).sort());
  const records = new Map(schema.$defs.Record.oneOf.map((r) => [r.properties.record.const, r]));
  for (const receipt of file.receipts) {
    for (const key of Object.keys(receipt.re)) assert.ok(key in schema.$defs.Re.properties, key);
    for (const record of receipt.records) {
      const def = records.get(record.record);
      assert.ok(def, `record ${record.record}`);
      for (const key of Object.keys(record)) assert.ok(key in def.properties, `${record.record}.${key}`);
    }
  }
  const text = engine.readUkeJson(bytes);
  assert.equal(text, canonical(JSON.parse(text)), "readUkeJson returns canonical JSON");
  const written = engine.writeUke(file);
  assert.ok(written instanceof Uint8Array);
  assert.ok(Buffer.from(written).equals(bytes), "read → write gives the same bytes");
  assert.ok(Buffer.from(engine.writeUkeJson(text)).equals(bytes));
});

test("readUke() / writeUke() errors", () => {
  throwsCode(() => engine.readUkeJson(new TextEncoder().encode("{not json")), "SANTEI_PARSE_ERROR");
  throwsCode(() => engine.readUke("IR,1,13,1,1234567"), "SANTEI_INVALID_ARGUMENT");
  throwsCode(() => engine.writeUkeJson("{"), "SANTEI_PARSE_ERROR");
  throwsCode(() => engine.writeUkeJson({}), "SANTEI_INVALID_ARGUMENT");
  throwsCode(() => engine.writeUke("not an object"), "SANTEI_PARSE_ERROR");
  const file = engine.readUke(readFileSync(join(repo, "tests", "uke", "check-2024-06.UKE")));
  throwsCode(() => engine.writeUke({ ...file, unknownField: 1 }), "SANTEI_PARSE_ERROR");
  const err = throwsCode(() => engine.writeUke({ ...file, ir: { ...file.ir, iryokikanName: "診療所🏥" } }), "SANTEI_INVALID_REQUEST");
  assert.match(err.message, /line 1/, "the message names the line");
});

test("calculate() and calculateJson() agree", () => {
  const v = vectors.find((x) => x.obj.request && x.obj.expected);
  assert.ok(v, "a success vector");
  const text = engine.calculateJson(JSON.stringify(v.obj.request));
  assert.equal(text, canonical(engine.calculate(v.obj.request)));
  assert.equal(text, canonical(JSON.parse(text)), "calculateJson returns canonical JSON");
});

test("calculate('not an object') throws SANTEI_PARSE_ERROR", () => {
  throwsCode(() => engine.calculate("not an object"), "SANTEI_PARSE_ERROR");
  throwsCode(() => engine.calculate(undefined), "SANTEI_PARSE_ERROR");
  throwsCode(() => engine.calculate({ serviceDate: "2024-06-03" }), "SANTEI_PARSE_ERROR");
  const v = vectors.find((x) => x.obj.request && x.obj.expected);
  throwsCode(() => engine.calculate({ ...v.obj.request, unknownField: 1 }), "SANTEI_PARSE_ERROR");
  throwsCode(() => engine.calculate({ ...v.obj.request, time: "Regular" }), "SANTEI_PARSE_ERROR");
});

test("calculateJson() with bad text or a non-string", () => {
  throwsCode(() => engine.calculateJson("{"), "SANTEI_PARSE_ERROR");
  throwsCode(() => engine.calculateJson(""), "SANTEI_PARSE_ERROR");
  throwsCode(() => engine.calculateJson({}), "SANTEI_INVALID_ARGUMENT");
});

test("Engine.fromFiles with a truncated s master zip throws SANTEI_MASTER_ERROR", () => {
  assert.ok(sZipKey, "an s_*.zip among the bundled masters");
  const zip = masterFiles[sZipKey];
  const err = throwsCode(
    () => Engine.fromFiles({ [sZipKey]: zip.subarray(0, Math.floor(zip.length / 2)) }),
    "SANTEI_MASTER_ERROR",
  );
  assert.match(err.message, /s_/, "the message names the file");
});

test("Engine.fromFiles with a truncated s master CSV throws SANTEI_MASTER_ERROR", () => {
  const { name, bytes } = firstZipEntry(masterFiles[sZipKey]);
  assert.match(name, /^s_.*\.csv$/i);
  const generation = sZipKey.split("/")[0];
  // Whole, the CSV loads on its own.
  const whole = Engine.fromFiles({ [`${generation}/${name}`]: bytes });
  assert.ok(whole.info().generations[0].codes.s > 0);
  whole.free();
  // Cut in the middle of a row (just after the 10th field separator of the last row).
  const lastRow = bytes.lastIndexOf(0x0a, bytes.length - 2) + 1;
  let cut = lastRow;
  for (let commas = 0; commas < 10; cut++) if (bytes[cut] === 0x2c) commas++;
  throwsCode(() => Engine.fromFiles({ [`${generation}/${name}`]: bytes.subarray(0, cut) }), "SANTEI_MASTER_ERROR");
});

test("Engine.fromFiles rejects bad arguments and misplaced files", () => {
  throwsCode(() => Engine.fromFiles({}), "SANTEI_MASTER_ERROR");
  throwsCode(() => Engine.fromFiles({ "s_20240531.zip": masterFiles[sZipKey] }), "SANTEI_MASTER_ERROR");
  throwsCode(() => Engine.fromFiles("masters"), "SANTEI_INVALID_ARGUMENT");
  throwsCode(() => Engine.fromFiles(null), "SANTEI_INVALID_ARGUMENT");
  throwsCode(() => Engine.fromFiles({ "2024-06-01/s_x.csv": "not bytes" }), "SANTEI_INVALID_ARGUMENT");
});

test("the web build (initSync in Node) runs vectors of every call", async () => {
  const web = await import(new URL("santei.js", `file://${webDir}`).href);
  web.initSync({ module: readFileSync(join(webDir, "santei_bg.wasm")) });
  assert.equal(web.version(), "0.1.0");
  assert.equal(web.abiVersion(), 1);
  const webEngine = web.Engine.fromFiles(masterFiles);
  try {
    const success = vectors.find((x) => x.obj.request && x.obj.expected);
    const failure = vectors.find((x) => x.obj.expectedError);
    const diff = vectors.find((x) => x.obj.call === "diffMasters" && x.obj.expected);
    const info = vectors.find((x) => x.obj.call === "info");
    const month = vectors.find((x) => x.obj.call === "calculateMonth" && x.obj.expected);
    const copay = vectors.find((x) => x.obj.call === "calculateCopay" && x.obj.expectedSubset);
    const claim = vectors.find((x) => x.obj.call === "check" && x.obj.expectedSubset);
    const uke = vectors.find((x) => x.obj.call === "checkUke" && x.obj.expectedSubset);
    assert.ok(
      success && failure && diff && info && month && copay && claim && uke,
      "a success, an error, a diffMasters, an info, a month, a copay, a check and a checkUke vector",
    );
    for (const v of [success, failure, diff, info, month, copay, claim, uke]) {
      const { actual, check } = runVector(webEngine, v);
      check();
      // Byte-identical to what the Node.js build gives.
      assert.equal(actual, runVector(engine, v).actual, v.obj.id);
    }
    // The web build's errors are real Errors with a code, too.
    throwsCode(() => webEngine.calculate("not an object"), "SANTEI_PARSE_ERROR");
    throwsCode(() => webEngine.diffMastersJson("{"), "SANTEI_PARSE_ERROR");
    throwsCode(() => webEngine.calculateMonthJson("{"), "SANTEI_PARSE_ERROR");
    throwsCode(() => webEngine.calculateCopayJson("{"), "SANTEI_PARSE_ERROR");
    throwsCode(() => webEngine.checkJson("{"), "SANTEI_PARSE_ERROR");
    // calculateMonth and calculateMonthJson agree on the web build, too.
    assert.equal(webEngine.calculateMonthJson(JSON.stringify(month.obj.request)), canonical(webEngine.calculateMonth(month.obj.request)));
  } finally {
    webEngine.free();
  }
});
