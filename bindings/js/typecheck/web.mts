// Compile-time checks of santei-web.d.mts (tsc only, never run): the web build carries the same
// API and types as the Node.js build, plus init / initSync.
import init, { Engine, initSync, type DiffRequest, type DiffResponse, type EngineInfo } from "santei/web";

declare const wasm: Uint8Array;
initSync({ module: wasm });
await init();

declare const engine: Engine;
const req: DiffRequest = { from: "2024-06-01", to: "2025-06-01", kinds: ["t"] };
const resp: DiffResponse = engine.diffMasters(req);
const text: string = engine.diffMastersJson(JSON.stringify(req));
const info: EngineInfo = engine.info();
const drugs: number = info.generations[0].codes.y;
void [resp.changes[0].new, text, drugs];

// @ts-expect-error: the web build's diffMastersJson takes text, too
engine.diffMastersJson(req);
