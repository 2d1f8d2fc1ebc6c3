// Copies the seed articles of tests/data/seeds/ into www/samples.json, the
// sample list of the demo page (loaded once with the page, so a click on a
// sample makes no request).   node scripts/samples.mjs
import { readFileSync, readdirSync, writeFileSync } from "node:fs";

const dir = new URL("../tests/data/seeds/", import.meta.url);
const samples = readdirSync(dir).filter((f) => f.endsWith(".txt")).sort().map((f) => {
  const text = readFileSync(new URL(f, dir), "utf8");
  const first = text.trim().split("\n")[0].replace(/^date \S+\s*/, "");
  const words = first.split(/\s+/);
  const title = words.length > 8 ? words.slice(0, 8).join(" ") + "…" : first;
  return { id: f.replace(/\.txt$/, ""), title, text };
});
const out = { generated_by: "node scripts/samples.mjs (from tests/data/seeds/*.txt)", samples };
writeFileSync(new URL("../www/samples.json", import.meta.url), JSON.stringify(out, null, 1) + "\n");
console.error(`www/samples.json written (${samples.length} samples)`);
