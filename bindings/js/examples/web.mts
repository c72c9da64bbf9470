// Example (type-checked, not run): the web build in a browser or bundler.
import init, { Engine, type CalcResponse, type SanteiError } from "santei/web";

export async function calculateInBrowser(masterUrls: Record<string, string>): Promise<CalcResponse | string> {
  await init(); // fetches santei_bg.wasm next to the module
  const files: Record<string, Uint8Array> = {};
  for (const [path, url] of Object.entries(masterUrls)) {
    files[path] = new Uint8Array(await (await fetch(url)).arrayBuffer());
  }
  const engine = Engine.fromFiles(files);
  try {
    return engine.calculate({
      serviceDate: "2024-06-03",
      patient: { birthDate: "1989-04-10", sex: "female" },
      insurance: { insurerType: "kokuho", relation: "honnin" },
      time: "lateNight",
      prescription: {
        dispensing: "outside",
        rps: [{ form: "internal", days: 14, drugs: [{ code: "620000001", quantity: "3" }] }],
      },
    });
  } catch (e) {
    return (e as SanteiError).code;
  } finally {
    engine.free();
  }
}
