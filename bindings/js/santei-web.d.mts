// Types of the web build of `santei` (the "browser" / "default" export condition and
// `santei/web`): the same API and types as the Node.js build (santei.d.ts: Engine with
// calculate / calculateJson / calculateMonth / calculateMonthJson / calculateCopay /
// calculateCopayJson / check / checkJson / checkUke / checkUkeJson / readUke / readUkeJson /
// writeUke / writeUkeJson / diffMasters / diffMastersJson / info, CalcRequest, MonthRequest,
// CopayRequest, CheckRequest, CheckUkeResponse, UkeFile, DiffRequest, EngineInfo, …, re-exported
// below), plus the wasm loaders.
// Call `await init()` (fetches santei_bg.wasm next to the module) or `initSync({ module: bytes })`
// once before using Engine.

export * from "./santei.js";

/** Where to get the .wasm from: a URL / fetch Response, its bytes, or a compiled module. */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export type SyncInitInput = BufferSource | WebAssembly.Module;

/** The instantiated wasm module's exports (only `memory` is meant for users). */
export interface InitOutput {
  readonly memory: WebAssembly.Memory;
}

/** Instantiates the module from bytes or a compiled `WebAssembly.Module`, synchronously. */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/**
 * Instantiates the module; with no argument it fetches `santei_bg.wasm` next to the JS module.
 * Resolves once the package is usable; later calls are no-ops.
 */
export default function init(
  module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>,
): Promise<InitOutput>;
