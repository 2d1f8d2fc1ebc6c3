// Hostile input through the JS API of the release package, in Chromium:
// each case is a named test; every result must keep the invariants
// (spans in bounds, never splitting a surrogate pair, slicing to their
// text, sorted, non-overlapping, naming existing groups) and be the same
// when analyzed again. Then the memory test: 10,000 analyses in a row
// leave the wasm memory no larger than after the first hundred.
// The Rust side of these cases is tests/robust.rs.
import assert from "node:assert/strict";

async function load(newPage, base) {
  const page = await newPage();
  await page.goto(`${base}/tests/e2e/blank.html`);
  await page.evaluate(async () => {
    const mod = await import("/pkg/kashif.js");
    window.wasm = await mod.default();
    window.kashif = mod;
    window.seeds = (await (await fetch("/tests/data/seeds.gold.jsonl")).text()).trim().split("\n").map((l) => JSON.parse(l).text);
    // Returns a list of broken invariants (empty when all hold).
    window.checkInvariants = (text, a) => {
      const bad = [];
      const len = text.length;
      const isHigh = (u) => u >= 0xd800 && u < 0xdc00, isLow = (u) => u >= 0xdc00 && u < 0xe000;
      const splits = (p) => p > 0 && p < len && isHigh(text.charCodeAt(p - 1)) && isLow(text.charCodeAt(p));
      const span = (what, s) => {
        if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start < s.end && s.end <= len)) bad.push(`${what} [${s.start}, ${s.end}) out of bounds (length ${len})`);
        else if (splits(s.start) || splits(s.end)) bad.push(`${what} [${s.start}, ${s.end}) splits a surrogate pair`);
        else if (text.slice(s.start, s.end) !== s.text) bad.push(`${what} [${s.start}, ${s.end}) does not slice to its text`);
      };
      if (a.stats.length !== len) bad.push(`stats.length ${a.stats.length} != text.length ${len}`);
      const ids = new Set(a.groups.map((g) => g.id));
      let prev = 0;
      for (const m of a.entities) {
        span(`mention ${m.type} ${JSON.stringify(m.text)}`, m);
        if (m.start < prev) bad.push(`mention at ${m.start} overlaps or is out of order (previous end ${prev})`);
        prev = m.end;
        if (!ids.has(m.entity)) bad.push(`mention at ${m.start} names group ${m.entity}, which does not exist`);
      }
      for (const t of a.themes) for (const s of t.evidence) span(`theme ${t.id} evidence`, s);
      for (const k of a.keyphrases) for (const s of k.occurrences) span(`keyphrase ${k.text}`, s);
      for (const m of a.meetings) span("meeting evidence", m.evidence);
      return bad;
    };
    // Analyzes `text` twice (function and class), checks invariants and sameness.
    window.checked = (text) => {
      const a = window.kashif.analyze(text);
      const b = new window.kashif.Analyzer().analyze(text);
      const bad = window.checkInvariants(text, a);
      if (JSON.stringify(a) !== JSON.stringify(b)) bad.push("the same text gave a different result the second time");
      return { bad, entities: a.entities.map((m) => [m.type, m.text]), tokens: a.stats.tokens, length: a.stats.length };
    };
  });
  return page;
}

/** A named case: `make` runs in the page and returns the text; `expect` checks the summary. */
function hostile(name, make, expect = () => {}) {
  return {
    name,
    async run({ newPage, base }) {
      const page = await load(newPage, base);
      const r = await page.evaluate(`(() => { const text = (${make})(); return { ...window.checked(text), jsLength: text.length }; })()`);
      assert.deepEqual(r.bad, [], `${name}: broken invariants`);
      assert.equal(r.length, r.jsLength, `${name}: stats.length is the JS length`);
      expect(r);
      assert.deepEqual(page.__errors || [], [], `${name}: errors in the page`);
    },
  };
}

const names = (r) => r.entities.map(([, t]) => t);

export const tests = [
  hostile("empty", () => "", (r) => assert.equal(r.tokens, 0)),
  hostile("whitespace only", () => " \t\n\r\u00a0\u2003\u3000\u2028\u2029".repeat(100), (r) => assert.equal(r.tokens, 0)),
  hostile("latin only", () => "The Libyan interior minister met his Turkish counterpart in Tripoli. ÉTAT ß İstanbul ﬁ", (r) => assert.ok(r.tokens > 10)),
  hostile("only diacritics", () => "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670".repeat(100), (r) => assert.equal(r.tokens, 0)),
  hostile("only tatweel", () => "\u0640".repeat(1000), (r) => assert.equal(r.tokens, 0)),
  hostile("bidi controls and zero-width joiners inside names",
    () => "زار الوفد ليب\u200dيا و\u2067تركيا\u2069 في طرا\u200fبلس \u202bأنقرة\u202c",
    (r) => assert.deepEqual(names(r), ["ليب\u200dيا", "تركيا", "طرا\u200fبلس", "أنقرة"])),
  hostile("emoji sequences and astral characters",
    () => "👨‍👩‍👧‍👦 زار 🇱🇾ليبيا 👍🏽 و𝕋𝕣𝕚𝕡𝕠𝕝𝕚 تركيا🇹🇷 🏳️‍🌈 𠀀 ❤️ 1️⃣",
    (r) => assert.deepEqual(names(r), ["ليبيا", "تركيا"])),
  hostile("lone surrogates from JS",
    () => "\ud800ليبيا \udfff تركيا \udc00\ud800 طرابلس\ud83d",
    (r) => assert.deepEqual(names(r), ["ليبيا", "تركيا", "طرابلس"])),
  hostile("NUL and other control characters",
    () => "\0ليبيا\0تركيا\u0001\u0007\u001b[31mطرابلس\u007f\u0085\r\n\f\v" + "\0".repeat(1000),
    (r) => assert.deepEqual(names(r), ["ليبيا", "تركيا", "طرابلس"])),
  hostile("HTML and script tags",
    () => "<script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 2\"><b>ليبيا</b> &lt;تركيا&gt; <!-- طرابلس -->",
    (r) => { assert.ok(names(r).includes("ليبيا")); for (const t of names(r)) assert.ok(!/[<>]/.test(t), `a mention swallowed markup: ${t}`); }),
  hostile("Arabic-Indic, Persian and ASCII digits mixed",
    () => "في ٢٠٢٥-١١-٢٤ و2025/11/24 و۱۴۰۳ و٢0۲5 و٣٫٥ و١٬٠٠٠ ليبيا 12٣۴ " + "٠۰0".repeat(1000),
    (r) => assert.ok(names(r).includes("ليبيا"))),
  hostile("runs of clitics", () => "ووووو وووووووووو ليبيا للللللل وبالللليبيا " + "و".repeat(50000)),
  hostile("one 200,000-character token", () => "ليبيا".repeat(40000), (r) => assert.equal(r.tokens, 1)),
  hostile("text without spaces", () => window.seeds.join("").replace(/\s+/g, "").repeat(10), (r) => assert.ok(r.tokens > 1000)),
  {
    name: "10 MB of text, and past the limit a clear error",
    async run({ newPage, base }) {
      const page = await load(newPage, base);
      const r = await page.evaluate(() => {
        const { Analyzer } = window.kashif;
        const unit = window.seeds.join("\n\n") + "\n\n";
        const make = (bytes) => unit.repeat(Math.ceil(bytes / new TextEncoder().encode(unit).length));
        const analyzer = new Analyzer();
        const timed = (text) => { const t = performance.now(); const a = analyzer.analyze(text); return [performance.now() - t, a]; };
        const quarter = make(2_500_000), full = make(10_000_000);
        timed(quarter); // warm up
        let [t1] = timed(quarter);
        let [t4, a] = timed(full);
        const bad = window.checkInvariants(full, a);
        let ratio = (t4 / t1) * (quarter.length / full.length) * 4;
        if (ratio > 10) { [t1] = timed(quarter); [t4] = timed(full); ratio = Math.min(ratio, (t4 / t1) * (quarter.length / full.length) * 4); }
        let tooLarge = null;
        try { analyzer.analyze("ا".repeat(8 * 1024 * 1024 + 1)); } catch (e) { tooLarge = [e instanceof Error, e.message]; }
        const stillWorks = analyzer.analyze("ليبيا").entities.length;
        return { bytes: new TextEncoder().encode(full).length, n: a.entities.length, bad, t1, t4, ratio, tooLarge, stillWorks };
      });
      assert.ok(r.bytes >= 10_000_000, "the text is 10 MB");
      assert.deepEqual(r.bad, [], "10 MB: broken invariants");
      assert.ok(r.n > 10_000, `10 MB of news has many entities, got ${r.n}`);
      assert.ok(r.ratio < 10, `4x the text took ${r.ratio.toFixed(1)}x the time (${r.t1.toFixed(0)} ms -> ${r.t4.toFixed(0)} ms); something is quadratic`);
      assert.equal(r.tooLarge?.[0], true, "over 16 MiB throws an Error");
      assert.match(r.tooLarge[1], /too large.*16777216/, "the message names the limit");
      assert.equal(r.stillWorks, 1, "the analyzer works after an error");
    },
  },
  {
    name: "memory: 10,000 analyses leave the wasm memory no larger than after the first hundred",
    async run({ newPage, base }) {
      const page = await load(newPage, base);
      const r = await page.evaluate(() => {
        const { analyze, Analyzer } = window.kashif;
        const texts = [...window.seeds, "", "\ud800 ليبيا 👨‍👩‍👧", "<b>تركيا</b>".repeat(50)];
        let analyzer = new Analyzer();
        let after100 = 0, errors = 0;
        const trace = [];
        for (let i = 0; i < 10_000; i++) {
          const text = texts[i % texts.length];
          // The class, the function (with and without options), a new analyzer now and then, and an error path.
          if (i % 4 === 0) analyzer.analyze(text);
          else if (i % 4 === 1) analyze(text);
          else if (i % 4 === 2) analyze(text, { topics: false, types: ["GPE", "PERS"] });
          else {
            // An analyzer that is dropped must be freed (or wait for the GC's finalizer).
            const small = new Analyzer({ maxInputBytes: 10 });
            try { small.analyze(text + "1234567890"); } catch { errors++; } finally { small.free(); }
          }
          if (i % 500 === 499) { analyzer.free(); analyzer = new Analyzer(); }
          if (i === 99) after100 = window.wasm.memory.buffer.byteLength;
          if (i % 1000 === 999) trace.push(window.wasm.memory.buffer.byteLength);
        }
        return { after100, after10000: window.wasm.memory.buffer.byteLength, errors, trace };
      });
      assert.equal(r.errors, 2500, "every oversized text threw");
      assert.ok(r.after10000 <= r.after100, `wasm memory grew from ${r.after100} to ${r.after10000} bytes over 10,000 analyses (every 1000: ${r.trace.join(", ")}): something leaks`);
    },
  },
];
