// End-to-end test runner: serves the repository root on a loopback port,
// starts Debian's Chromium through playwright-core, and runs every
// tests/e2e/*.test.mjs file. Each file exports `tests`, a list of
// { name, run: async ({ browser, base, newPage }) => {} } that throw on failure.
//   node tests/e2e/run.mjs [filter]
import { createServer } from "node:http";
import { readFile, readdir, stat } from "node:fs/promises";
import { extname, join, normalize, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".json": "application/json; charset=utf-8", ".jsonl": "application/json; charset=utf-8",
  ".wasm": "application/wasm", ".txt": "text/plain; charset=utf-8", ".svg": "image/svg+xml", ".ts": "text/plain; charset=utf-8",
};

// `headers` are added to every response (the benchmark sends COOP/COEP for precise timers).
export function serve(dir = root, headers = {}) {
  const server = createServer(async (req, res) => {
    try {
      const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
      let file = join(dir, path);
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream", "cache-control": "no-store", ...headers });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
  "--disable-component-update", "--disable-quic", "--no-first-run", "--disable-sync"];

export function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", headless: true, args: CHROMIUM_ARGS });
}

async function main() {
  const filter = process.argv[2] || "";
  const here = dirname(fileURLToPath(import.meta.url));
  const files = (await readdir(here)).filter((f) => f.endsWith(".test.mjs")).sort();
  const server = await serve();
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await launch();
  let passed = 0, failed = 0;
  try {
    for (const f of files) {
      const { tests } = await import(pathToFileURL(join(here, f)).href);
      for (const t of tests) {
        const name = `${f.replace(".test.mjs", "")}: ${t.name}`;
        if (filter && !name.includes(filter)) continue;
        const pages = [];
        const newPage = async (opts) => {
          const ctx = await browser.newContext(opts);
          const page = await ctx.newPage();
          page.on("pageerror", (e) => { page.__errors = (page.__errors || []).concat(String(e)); });
          pages.push(ctx);
          return page;
        };
        const t0 = Date.now();
        try {
          await t.run({ browser, base, newPage, root });
          passed++;
          console.log(`ok   ${name} (${Date.now() - t0} ms)`);
        } catch (e) {
          failed++;
          console.log(`FAIL ${name}\n     ${String(e && e.stack || e).split("\n").join("\n     ")}`);
        } finally {
          for (const c of pages) await c.close().catch(() => {});
        }
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed || passed === 0 ? 1 : 0);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) main();
