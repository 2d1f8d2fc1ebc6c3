#!/usr/bin/env node
// Runs www/bench.html in headless Chromium and prints, in one run: load and
// init time, median and worst analysis time per seed article, MB/s on 1 MB,
// the ratio to a TextEncoder/TextDecoder round trip of the same text, and
// the wasm size raw and gzipped; then checks the budgets.
//   scripts/build.sh && node scripts/bench-browser.mjs [--runs N] [--json] [--no-fail]
// Exit code 1 when a budget fails (unless --no-fail).
import { readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { createServer } from "node:http";
import { cpus, loadavg } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { serve, launch } from "../tests/e2e/run.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf("--runs") + 1]) || 200;

const wasmPath = join(root, "pkg", "kashif_bg.wasm");
const wasm = await readFile(wasmPath).catch(() => {
  console.error(`no ${wasmPath}: run scripts/build.sh first`);
  process.exit(2);
});

// Cross-origin isolation gives the page 5 µs timers instead of 100 µs.
const isolation = { "cross-origin-opener-policy": "same-origin", "cross-origin-embedder-policy": "require-corp" };
const files = await serve(root, isolation);
// The same files, except that `kashif_bg.wasm?gzip` comes gzip-encoded, as a
// static host (nginx, GitHub Pages, a CDN) sends it: the page then times the
// download of the compressed bytes and the browser's inflating them.
const wasmGz = gzipSync(wasm, { level: 6 });
const server = createServer((req, res) => {
  if (req.url === "/pkg/kashif_bg.wasm?gzip") {
    res.writeHead(200, { "content-type": "application/wasm", "content-encoding": "gzip", "cache-control": "no-store", ...isolation });
    return res.end(wasmGz);
  }
  files.emit("request", req, res);
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const browser = await launch();
let r;
const inits = [], initsGz = [];
try {
  // Load and init in five fresh pages (nothing cached: the server says no-store), and in five more
  // that get the wasm gzip-encoded, alternating; the full run is an eleventh.
  for (let i = 0; i < 10; i++) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/www/bench.html?initOnly${i % 2 ? "&gzip" : ""}`);
    await page.waitForFunction(() => window.benchResult, null, { timeout: 60_000 });
    (i % 2 ? initsGz : inits).push(await page.evaluate(() => window.benchResult));
    await ctx.close();
  }
  const page = await (await browser.newContext()).newPage();
  page.on("console", (m) => { if (m.type() === "error") console.error("page:", m.text()); });
  await page.goto(`http://127.0.0.1:${server.address().port}/www/bench.html?runs=${runs}`);
  await page.waitForFunction(() => window.benchResult, null, { timeout: 300_000 });
  r = await page.evaluate(() => window.benchResult);
  r.browser = `Chromium ${browser.version()}`;
} finally {
  await browser.close();
  server.close();
  files.close();
}
// The init budget is judged on the median of the five fresh pages (the first one also starts the browser's processes).
const initMedian = inits.map((x) => x.initMs).sort((a, b) => a - b)[2];
r.initFirstMs = inits[0].initMs;
r.initMedianMs = initMedian;
r.initParts = [...inits].sort((a, b) => a.initMs - b.initMs)[2].initParts;
r.readyMedianMs = inits.map((x) => x.readyMs).sort((a, b) => a - b)[2];
r.initGzipMedianMs = initsGz.map((x) => x.initMs).sort((a, b) => a - b)[2];
r.initGzipParts = [...initsGz].sort((a, b) => a.initMs - b.initMs)[2].initParts;
const initBudget = r.budgets?.find((b) => b.key === "initMs");
if (initBudget) { initBudget.value = initMedian; initBudget.ok = initMedian <= initBudget.limit; initBudget.label += ", median of 5 fresh pages"; }
if (r.error) {
  console.error(r.error);
  process.exit(2);
}
r.wasmGzip9Bytes = gzipSync(wasm, { level: 9 }).length;
const cpu = (await readFile("/proc/cpuinfo", "utf8").catch(() => "")).match(/model name\s*:\s*(.*)/)?.[1] || cpus()[0]?.model || "?";
r.machine = `${cpus().length} cores, ${cpu}`;
r.loadAverage = loadavg()[0];

if (args.includes("--json")) {
  console.log(JSON.stringify(r, null, 2));
} else {
  const ms = (x) => `${x.toFixed(3)} ms`;
  console.log(`kashif ${r.version} in ${r.browser} (headless), ${r.machine}; timer ${(r.timerResolutionMs * 1000).toFixed(0)} µs; ${runs} runs per seed`);
  console.log(`load average (1 min) at the end: ${r.loadAverage.toFixed(2)} (other processes on the machine slow every figure)`);
  const p = r.initParts;
  console.log(`init (fetch + instantiate + new Analyzer()), median of 5 fresh pages: ${r.initMedianMs.toFixed(1)} ms = fetch and instantiate ${p.instantiateMs.toFixed(1)} + new Analyzer() ${p.analyzerMs.toFixed(1)}; first page ${r.initFirstMs.toFixed(1)} ms`);
  const g = r.initGzipParts;
  if (p.fetchMs !== undefined) console.log(`  fetch and instantiate timed again in parts: download ${p.fetchMs.toFixed(1)} + compile ${p.compileMs.toFixed(1)} + instantiate ${p.instantiateOnlyMs.toFixed(1)} ms (compileStreaming, download and compile overlapped: ${p.streamingMs.toFixed(1)}; a request for a small file: ${p.requestMs.toFixed(1)}); the first analysis after init ${p.firstAnalyzeMs.toFixed(1)} ms`);
  console.log(`  the wasm served gzip-encoded (as static hosts do), median of 5 more fresh pages: ${r.initGzipMedianMs.toFixed(1)} ms = fetch and instantiate ${g.instantiateMs.toFixed(1)} + new Analyzer() ${g.analyzerMs.toFixed(1)}`);
  console.log(`  before it, import() of the JS glue (pkg/kashif.js): ${p.importMs.toFixed(1)} ms; page script to ready: median ${r.readyMedianMs.toFixed(1)} ms`);
  console.log(`seeds after a warm-up of ${r.warmUp.rounds} untimed rounds (${r.warmUp.ms.toFixed(0)} ms; V8 tiers up meanwhile); first = the seed's first analysis, in the warm-up`);
  console.log("seed                        chars  entities   median      worst      first");
  for (const s of r.seeds) {
    console.log(`${s.id.padEnd(26)} ${String(s.length).padStart(6)} ${String(s.entities).padStart(9)} ${ms(s.medianMs).padStart(10)} ${ms(s.worstMs).padStart(10)} ${ms(s.firstMs).padStart(10)}`);
  }
  console.log(`1 MB (${r.bigBytes} bytes of UTF-8, ${r.bigEntities} entities): ${r.bigMedianMs.toFixed(1)} ms median = ${r.mbPerSecond.toFixed(1)} MB/s`);
  console.log(`TextEncoder+TextDecoder round trip of the same text: ${r.copyMedianMs.toFixed(2)} ms; analysis / round trip = ${r.floorRatio.toFixed(1)}x`);
  console.log(`wasm: ${r.wasmBytes} bytes raw, ${r.wasmGzipBytes} gzipped (CompressionStream), ${r.wasmGzip9Bytes} (gzip -9); memory after the run ${(r.wasmMemoryBytes / 1048576).toFixed(1)} MiB`);
  console.log("budgets:");
  for (const b of r.budgets) {
    const v = b.unit === "bytes" ? `${b.value} bytes` : `${b.value.toFixed(b.unit === "x" ? 1 : 3)} ${b.unit}`;
    const lim = b.unit === "bytes" ? `${b.limit} bytes` : `${b.limit} ${b.unit}`;
    console.log(`  ${b.ok ? "ok  " : "FAIL"} ${b.label}: ${v} (${b.higher ? ">=" : "<="} ${lim})`);
  }
}
const failed = r.budgets.filter((b) => !b.ok);
process.exit(failed.length && !args.includes("--no-fail") ? 1 : 0);
