// Analyzes the five seed articles N times with the package in DIR (a
// wasm-pack --target web build), after WARM rounds of warm-up; run under
// valgrind by scripts/wasm-instructions.sh, which counts the instructions.
//   node scripts/wasm-instructions.mjs DIR N [WARM]
import { readFileSync } from "node:fs";
import { resolve, join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const [dir, n, warm] = [resolve(process.argv[2] || "pkg"), Number(process.argv[3] || 1), Number(process.argv[4] || 0)];
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const m = await import(pathToFileURL(join(dir, "kashif.js")).href);
m.initSync({ module: readFileSync(join(dir, "kashif_bg.wasm")) });
const analyzer = new m.Analyzer();
const seeds = readFileSync(join(root, "tests/data/seeds.gold.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l).text);
let entities = 0;
for (let r = 0; r < warm + n; r++) for (const t of seeds) entities += analyzer.analyze(t).entities.length;
console.log(entities);
