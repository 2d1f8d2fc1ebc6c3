// The release package (pkg/, built by scripts/build.sh through wasm-opt)
// loads in a real page and its API keeps its promises. Debug builds skip
// wasm-opt, so this is the test that catches a wasm-opt that breaks the
// module at load.
import assert from "node:assert/strict";

async function load(newPage, base) {
  const page = await newPage();
  await page.goto(`${base}/tests/e2e/blank.html`);
  await page.evaluate(async () => {
    const mod = await import("/pkg/kashif.js");
    await mod.default();
    window.kashif = mod;
  });
  return page;
}

export const tests = [
  {
    name: "release package loads and analyzes every seed with exact UTF-16 spans",
    async run({ newPage, base }) {
      const page = await load(newPage, base);
      const report = await page.evaluate(async () => {
        const lines = (await (await fetch("/tests/data/seeds.gold.jsonl")).text()).trim().split("\n").map(JSON.parse);
        const out = [];
        for (const { id, text } of lines) {
          const a = window.kashif.analyze(text);
          const bad = a.entities.filter((m) => text.slice(m.start, m.end) !== m.text);
          const unordered = a.entities.filter((m, i) => i > 0 && m.start < a.entities[i - 1].end);
          const orphan = a.entities.filter((m) => !a.groups.some((g) => g.id === m.entity));
          out.push({ id, n: a.entities.length, bad: bad.length, unordered: unordered.length, orphan: orphan.length, length: a.stats.length, textLength: text.length, plain: Object.getPrototypeOf(a) === Object.prototype });
        }
        return out;
      });
      assert.equal(report.length, 5, "five seeds");
      for (const r of report) {
        assert.ok(r.n > 10, `${r.id}: expected entities, got ${r.n}`);
        assert.equal(r.bad, 0, `${r.id}: spans that do not slice to their text`);
        assert.equal(r.unordered, 0, `${r.id}: overlapping or unordered mentions`);
        assert.equal(r.orphan, 0, `${r.id}: mentions naming no group`);
        assert.equal(r.length, r.textLength, `${r.id}: stats.length is the JS length`);
        assert.ok(r.plain, `${r.id}: the result is a plain object`);
      }
    },
  },
  {
    name: "emoji and lone surrogates keep offsets; errors are thrown as Error",
    async run({ newPage, base }) {
      const page = await load(newPage, base);
      const r = await page.evaluate(() => {
        const { analyze, Analyzer, version } = window.kashif;
        const text = "👨‍👩‍👧 زار \uD800الوفد ليبيا 🇱🇾 وتركيا";
        const a = analyze(text);
        const spans = a.entities.map((m) => [m.type, text.slice(m.start, m.end), m.text]);
        let optionsError = null;
        try { new Analyzer({ noSuchOption: 1 }); } catch (e) { optionsError = [e instanceof Error, e.message]; }
        let sizeError = null;
        try { new Analyzer({ maxInputBytes: 10 }).analyze("ليبيا ليبيا ليبيا"); } catch (e) { sizeError = [e instanceof Error, e.message]; }
        return { spans, optionsError, sizeError, version: version(), length: a.stats.length, jsLength: text.length };
      });
      assert.deepEqual(r.spans, [["GPE", "ليبيا", "ليبيا"], ["GPE", "تركيا", "تركيا"]]);
      assert.equal(r.length, r.jsLength, "a lone surrogate counts as one code unit");
      assert.deepEqual(r.optionsError?.[0], true, "invalid options throw an Error");
      assert.match(r.optionsError[1], /noSuchOption/);
      assert.deepEqual(r.sizeError?.[0], true, "oversized text throws an Error");
      assert.match(r.sizeError[1], /too large/);
      assert.match(r.version, /^\d+\.\d+\.\d+$/);
    },
  },
];
