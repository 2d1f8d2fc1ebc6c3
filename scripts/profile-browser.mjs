#!/usr/bin/env node
// Where one analyze() spends its time in headless Chromium: a V8 CPU profile
// (through CDP) of the five seed articles analyzed over and over, summed by
// function (self time), wasm functions by name. Needs a build that keeps the
// wasm name section:
//   scripts/profile-browser.mjs --build     # pkgprof/ from the release wasm, with names (wasm-opt -g)
//   node scripts/profile-browser.mjs [--seconds 4] [--top 40] [--pkg pkgprof]
// With a pkgprof/kashif.js patched by --build, it also splits each call into
// passing the string in (JS → wasm), the call into wasm (analysis + result
// tape), and the JS side of the result (the tape's strings decoded, objects built).
import { readFile, writeFile } from "node:fs/promises";
import { execFileSync } from "node:child_process";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { serve, launch } from "../tests/e2e/run.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (name, d) => (args.includes(name) ? args[args.indexOf(name) + 1] : d);
const pkg = opt("--pkg", "pkgprof");

if (args.includes("--build")) {
  const input = join(root, "target/wasm32-unknown-unknown/release/kashif.wasm");
  const out = join(root, pkg);
  execFileSync("wasm-bindgen", ["--target", "web", "--out-dir", out, "--out-name", "kashif", input], { stdio: "inherit" });
  execFileSync(join(root, "node_modules/.bin/wasm-opt"), ["-O4", "-g", "--enable-bulk-memory", "--enable-nontrapping-float-to-int",
    "--enable-sign-ext", "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue",
    join(out, "kashif_bg.wasm"), "-o", join(out, "kashif_bg.wasm")], { stdio: "inherit" });
  // Timers around the three parts of Analyzer.analyze (the generated glue, patched).
  const p = join(out, "kashif.js");
  let s = await readFile(p, "utf8");
  const patch = (from, to) => {
    if (!s.includes(from)) throw new Error(`glue changed: cannot find ${from}`);
    s = s.replace(from, to);
  };
  // The string passed in: by the glue before the call, or by wasm asking for it (__wbindgen_string_get).
  if (s.includes("const ptr0 = passStringToWasm0(text, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);\n        const len0 = WASM_VECTOR_LEN;\n        const ret = wasm.analyzer_analyze(")) {
    patch("const ptr0 = passStringToWasm0(text, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);\n        const len0 = WASM_VECTOR_LEN;\n        const ret = wasm.analyzer_analyze(",
      "const K = globalThis.__kt, a0 = performance.now();\n        const ptr0 = passStringToWasm0(text, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);\n        const a1 = performance.now();\n        const len0 = WASM_VECTOR_LEN;\n        const ret = wasm.analyzer_analyze(");
  } else {
    patch("        const ret = wasm.analyzer_analyze(this.__wbg_ptr, text);",
      "        const K = globalThis.__kt, a0 = performance.now(), a1 = a0;\n        const ret = wasm.analyzer_analyze(this.__wbg_ptr, text);");
    const g = s.match(/(__wbg___wbindgen_string_get_\w+: function\(arg0, arg1\) \{\n)([\s\S]*?)(\n        \},)/);
    if (!g) throw new Error("glue changed: no __wbindgen_string_get");
    s = s.replace(g[0], `${g[1]}            const K = globalThis.__kt, g0 = performance.now();\n${g[2]}\n            if (K) { const d = performance.now() - g0; K.pass += d; K.passInside += d; }${g[3]}`);
  }
  patch("        if (ret[2]) {\n            throw takeFromExternrefTable0(ret[1]);\n        }\n        return takeFromExternrefTable0(ret[0]);\n    }\n    /**\n     * Builds",
    "        if (K) { K.pass += a1 - a0; K.call += performance.now() - a1; K.n++; }\n        if (ret[2]) {\n            throw takeFromExternrefTable0(ret[1]);\n        }\n        return takeFromExternrefTable0(ret[0]);\n    }\n    /**\n     * Builds");
  const m = s.match(/const ret = kashifDecode\((\w+)\(arg0, arg1\), (\w+)\(arg2, arg3\)(, arg4)?\);/);
  if (!m) throw new Error("glue changed: no kashifDecode call");
  s = s.replace(m[0], `const K = globalThis.__kt, d0 = performance.now(); const ss = ${m[2]}(arg2, arg3), d1 = performance.now();
            const ret = kashifDecode(${m[1]}(arg0, arg1), ss${m[3] || ""});
            if (K) { K.str += d1 - d0; K.dec += performance.now() - d1; K.nums += arg1; K.chars += ss.length; }`);
  await writeFile(p, s);
  console.log(`${pkg}/ built`);
  process.exit(0);
}

const seconds = Number(opt("--seconds", 4));
const top = Number(opt("--top", 40));
const server = await serve(root, { "cross-origin-opener-policy": "same-origin", "cross-origin-embedder-policy": "require-corp" });
const browser = await launch();
try {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/www/bench.html?initOnly`);
  await page.waitForFunction(() => window.benchResult, null, { timeout: 60_000 });
  // Warm up (tier-up), then time the parts.
  const split = await page.evaluate(async ({ pkg }) => {
    const mod = await import(`/${pkg}/kashif.js`);
    await mod.default({ module_or_path: `/${pkg}/kashif_bg.wasm` });
    window.__an = new mod.Analyzer();
    window.__seeds = (await (await fetch("/tests/data/seeds.gold.jsonl")).text()).trim().split("\n").map((l) => JSON.parse(l).text);
    for (let r = 0; r < 100; r++) for (const t of window.__seeds) window.__an.analyze(t);
    const K = (globalThis.__kt = { pass: 0, passInside: 0, call: 0, str: 0, dec: 0, n: 0, nums: 0, chars: 0 });
    const t0 = performance.now();
    for (let r = 0; r < 200; r++) for (const t of window.__seeds) window.__an.analyze(t);
    K.total = performance.now() - t0;
    globalThis.__kt = null;
    return K;
  }, { pkg });
  if (split.n) {
    const per = (x) => (x / split.n).toFixed(3);
    console.log(`per analyze() over the five seeds (${split.n} calls, mean ms): total ${per(split.total)} = pass string in ${per(split.pass)}`
      + ` + in wasm ${per(split.call - split.str - split.dec - split.passInside)} (analysis and result tape)`
      + ` + tape strings to JS ${per(split.str)} + JS decoder ${per(split.dec)}; tape ${(split.nums / split.n).toFixed(0)} u32 and ${(split.chars / split.n).toFixed(0)} chars a call`);
  }
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 50 });
  await cdp.send("Profiler.start");
  const calls = await page.evaluate((ms) => {
    const end = performance.now() + ms;
    let n = 0;
    while (performance.now() < end) for (const t of window.__seeds) { window.__an.analyze(t); n++; }
    return n;
  }, seconds * 1000);
  const { profile } = await cdp.send("Profiler.stop");
  // Self time per function name from the sample counts.
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const hits = new Map();
  for (const id of profile.samples) hits.set(id, (hits.get(id) || 0) + 1);
  const self = new Map();
  let total = 0;
  for (const [id, c] of hits) {
    const f = byId.get(id).callFrame;
    const name = `${f.functionName || "(anonymous)"}${f.url && !f.url.endsWith(".wasm") && !f.url.includes("wasm://") ? "  [" + f.url.split("/").pop() + "]" : ""}`;
    self.set(name, (self.get(name) || 0) + c);
    total += c;
  }
  const msPer = (c) => ((c / total) * seconds * 1000) / calls;
  console.log(`CPU profile: ${calls} analyze() calls in ${seconds} s (${((seconds * 1000) / calls).toFixed(3)} ms a call), ${total} samples; self time, ms a call:`);
  for (const [name, c] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${msPer(c).toFixed(4).padStart(8)}  ${((100 * c) / total).toFixed(1).padStart(5)} %  ${name.slice(0, 140)}`);
  }
} finally {
  await browser.close();
  server.close();
}
