// The package's widget (pkg/widget.js): www/embed.html uses nothing but the
// package; mount() works from script; hostile text stays text; the
// package.json exports the widget.
import assert from "node:assert/strict";
import { readFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { execFileSync } from "node:child_process";

async function widgetState(page) {
  return page.evaluate(() => {
    const w = document.querySelector("kashif-analyzer");
    const r = w.shadowRoot;
    return {
      text: r.querySelector(".article").textContent,
      marks: [...r.querySelectorAll(".article mark")].map((m) => ({ type: m.dataset.type, entity: Number(m.dataset.entity), text: m.textContent })),
      entities: [...r.querySelectorAll(".side button[data-entity]")].length,
      status: r.querySelector(".status").dataset.state,
      analysis: w.analysis,
    };
  });
}

export const tests = [
  {
    name: "embed.html loads only the package and its three lines give a working widget",
    async run({ newPage, base, root }) {
      const html = readFileSync(join(root, "www", "embed.html"), "utf8");
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      assert.deepEqual(scripts, ['<script type="module" src="../pkg/widget.js"></script>'.replace("</script>", "")], "one script: the package's widget");
      assert.ok(!/<link\b/.test(html), "no stylesheet of its own: the widget brings its styles");
      const page = await newPage({ viewport: { width: 1000, height: 800 } });
      const requests = [];
      page.on("request", (r) => requests.push(new URL(r.url()).pathname));
      await page.goto(`${base}/www/embed.html`);
      await page.waitForFunction(() => document.querySelector("kashif-analyzer")?.shadowRoot?.querySelector(".status")?.dataset.state === "done", null, { timeout: 15000 });
      const s = await widgetState(page);
      const ref = await page.evaluate(async (t) => { const m = await import("/pkg/kashif.js"); await m.default(); return m.analyze(t); }, s.text);
      assert.ok(ref.entities.length >= 5, "the sample text has entities");
      assert.deepEqual(s.marks, ref.entities.map((m) => ({ type: m.type, entity: m.entity, text: m.text })), "the widget marks every mention");
      assert.equal(s.entities, ref.groups.length, "the widget lists every entity");
      assert.ok(requests.every((p) => p.startsWith("/pkg/") || p === "/www/embed.html"), `only package files are loaded: ${requests}`);
      assert.deepEqual(page.__errors || [], [], "no page errors");

      // Typing analyzes again (debounced); clicking an entity focuses its mentions.
      const typed = "زار وزير الخارجية التركي ليبيا ثم عاد إلى تركيا وليبيا.";
      await page.locator("kashif-analyzer textarea").fill(typed);
      await page.waitForFunction((t) => {
        const w = document.querySelector("kashif-analyzer");
        return w.shadowRoot.querySelector(".status").dataset.state === "done" && w.shadowRoot.querySelector(".article").textContent === t;
      }, typed, { timeout: 10000 });
      const libya = await page.evaluate(() => document.querySelector("kashif-analyzer").analysis.groups.find((g) => g.name === "ليبيا"));
      assert.ok(libya && libya.mentions === 2, "ليبيا is one entity mentioned twice");
      await page.locator(`kashif-analyzer .side button[data-entity="${libya.id}"]`).click();
      const focused = await page.evaluate((id) => [...document.querySelector("kashif-analyzer").shadowRoot.querySelectorAll("mark.kashif-focus")].map((m) => m.dataset.entity), libya.id);
      assert.deepEqual(focused, [String(libya.id), String(libya.id)], "both mentions are focused");
      mkdirSync(join(root, "tests", "e2e", "artifacts"), { recursive: true });
      await page.screenshot({ path: join(root, "tests", "e2e", "artifacts", "embed.png") });
    },
  },
  {
    name: "mount() from script, the kashif-analysis event, readonly mode and hostile text",
    async run({ newPage, base }) {
      const page = await newPage();
      await page.goto(`${base}/tests/e2e/blank.html`);
      const r = await page.evaluate(async () => {
        const { mount } = await import("/pkg/widget.js");
        const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2<\/script> وصل وفد من مصر إلى ليبيا';
        const box = document.createElement("div");
        document.body.append(box);
        const got = new Promise((resolve) => box.addEventListener("kashif-analysis", (e) => resolve(e.detail), { once: true }));
        const w = mount(box, { text: hostile, lang: "en", readonly: true });
        const detail = await got;
        await new Promise((r) => setTimeout(r, 200));
        const root = w.shadowRoot;
        return {
          pwned: window.__pwned,
          inside: w.parentElement === box,
          n: detail.analysis.entities.length,
          ms: typeof detail.ms,
          text: root.querySelector(".article").textContent === hostile,
          made: [...root.querySelectorAll("img, script, iframe")].length + document.querySelectorAll("img, iframe").length,
          inputHidden: root.querySelector("textarea").hidden,
          legend: [...root.querySelectorAll(".legend button")].map((b) => b.textContent).join(" | "),
        };
      });
      assert.equal(r.pwned, undefined, "nothing ran");
      assert.equal(r.made, 0, "no element was made from the text");
      assert.ok(r.inside && r.text, "the widget shows the text, as text, inside the given element");
      assert.ok(r.n >= 2, `the analysis event carries the entities (${r.n})`);
      assert.equal(r.ms, "number");
      assert.equal(r.inputHidden, true, "readonly hides the text box");
      assert.match(r.legend, /Countries and cities/, `lang=en gives English labels (legend: ${r.legend})`);
    },
  },
  {
    name: "the package bundled by esbuild (examples/bundler) runs the widget and the API",
    async run({ newPage, base, root }) {
      const dir = join(root, "examples", "bundler");
      // A file: dependency on ../../pkg: npm links it, no registry involved.
      execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: dir, stdio: "pipe" });
      execFileSync(process.execPath, ["build.mjs"], { cwd: dir, stdio: "pipe" });
      const page = await newPage();
      await page.goto(`${base}/examples/bundler/dist/index.html`);
      await page.waitForFunction(() => document.getElementById("count").textContent.includes("/"), null, { timeout: 15000 });
      const [fromWidget, fromApi] = (await page.textContent("#count")).split(" / ").map(Number);
      assert.ok(fromWidget >= 3, `the bundled widget found mentions (${fromWidget})`);
      assert.equal(fromApi, fromWidget, "the API from the same bundle agrees with the widget");
      assert.ok(await page.locator("kashif-analyzer mark").count() >= 3, "the bundled widget marks the text");
      assert.deepEqual(page.__errors || [], [], "no page errors");
    },
  },
  {
    name: "pkg/package.json exports the widget and lists its files",
    async run({ root }) {
      const pkg = JSON.parse(readFileSync(join(root, "pkg", "package.json"), "utf8"));
      assert.equal(pkg.name, "kashif");
      for (const k of ["description", "license", "repository", "keywords", "types", "files", "exports"]) assert.ok(pkg[k], `package.json has ${k}`);
      assert.equal(pkg.exports["./widget"]?.import, "./widget.js", "exports ./widget");
      for (const f of ["kashif.js", "kashif_bg.wasm", "kashif.d.ts", "widget.js", "widget.d.ts", "ui.js", "world.js"]) assert.ok(pkg.files.includes(f), `files lists ${f}`);
    },
  },
];
