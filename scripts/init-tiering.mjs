#!/usr/bin/env node
// What V8 compiles while `new Analyzer()` runs in Chromium: www/bench.html?initOnly
// in fresh browsers started with --js-flags=--trace-wasm-compilation-times, and
// the sum of the TurboFan (optimizing) compiles V8 reports, which run beside
// the start in the background and compete with it on a busy machine. Also
// `new Analyzer()` with V8's recompiles on the main thread (--wasm-sync-tier-up,
// so that they are timed) and with none (--liftoff-only).
//   scripts/build.sh && node scripts/init-tiering.mjs [--runs N] [--pkg DIR] [--list]
// (--list prints V8's line for each TurboFan compile: which functions ran long.)
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, serve } from "../tests/e2e/run.mjs";
import { join, dirname, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf("--runs") + 1]) || 3;
const pkg = args.includes("--pkg") ? relative(join(root, "www"), args[args.indexOf("--pkg") + 1]) + "/" : null;
const files = await serve(root);
const url = `http://127.0.0.1:${files.address().port}/www/bench.html?initOnly${pkg ? "&pkg=" + encodeURIComponent(pkg) : ""}`;

/** One fresh browser with V8 flags: the page's init parts and V8's trace lines. */
async function once(flags) {
  const server = await chromium.launchServer({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", headless: true, args: [...CHROMIUM_ARGS, `--js-flags=${flags}`] });
  let out = "";
  server.process().stdout.on("data", (d) => { out += d; });
  const browser = await chromium.connect(server.wsEndpoint());
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(url);
    await page.waitForFunction(() => window.benchResult, null, { timeout: 60_000 });
    const r = await page.evaluate(() => window.benchResult);
    if (r.error) throw new Error(r.error);
    await new Promise((res) => setTimeout(res, 500));
    return { parts: r.initParts, trace: out };
  } finally {
    await browser.close();
    await server.close();
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const traced = [];
for (let i = 0; i < runs; i++) {
  const { parts, trace } = await once("--trace-wasm-compilation-times");
  const turbofan = [...trace.matchAll(/using TurboFan, took (\d+) μs.*?bodysize (\d+)/g)].map((m) => [Number(m[1]) / 1000, Number(m[2])]);
  traced.push({ analyzerMs: parts.analyzerMs, n: turbofan.length, ms: turbofan.reduce((a, b) => a + b[0], 0), bytes: turbofan.reduce((a, b) => a + b[1], 0) });
  // --list: which functions V8 recompiled, and how long each took
  if (args.includes("--list")) for (const line of trace.split("\n").filter((l) => l.includes("using TurboFan"))) console.log(`  ${line.trim()}`);
}
const sync = [], liftoff = [];
for (let i = 0; i < runs; i++) {
  sync.push((await once("--wasm-sync-tier-up")).parts.analyzerMs);
  liftoff.push((await once("--liftoff-only")).parts.analyzerMs);
}
files.close();
const list = (xs) => xs.map((x) => x.toFixed(1)).join(", ");
console.log(`${runs} fresh browsers each; load average (1 min) ${(await import("node:os")).loadavg()[0].toFixed(2)}`);
console.log(`TurboFan compiles V8 reports during init (background): ${traced.map((t) => `${t.n} = ${t.ms.toFixed(1)} ms (${(t.bytes / 1024).toFixed(1)} KB of wasm)`).join("; ")}`);
console.log(`new Analyzer(): as shipped ${list(traced.map((t) => t.analyzerMs))} ms (median ${median(traced.map((t) => t.analyzerMs)).toFixed(1)})`);
console.log(`  recompiles on the main thread (--wasm-sync-tier-up): ${list(sync)} ms (median ${median(sync).toFixed(1)})`);
console.log(`  no recompiles (--liftoff-only): ${list(liftoff)} ms (median ${median(liftoff).toFixed(1)})`);
