// Writes pkg/package.json: wasm-pack's --no-pack leaves it out so that the
// package's metadata lives here, in one place. Run by scripts/build.sh.
import { readFileSync, writeFileSync, existsSync, readdirSync } from "node:fs";

const cargo = readFileSync(new URL("../Cargo.toml", import.meta.url), "utf8");
const field = (name) => (cargo.match(new RegExp(`^${name} = "(.*)"`, "m")) || [])[1];
const files = readdirSync(new URL("../pkg/", import.meta.url)).filter((f) => f !== "package.json" && f !== ".gitignore");
const pkg = {
  name: "kashif",
  version: field("version"),
  description: field("description"),
  license: field("license"),
  repository: { type: "git", url: field("repository") },
  keywords: ["arabic", "ner", "named-entity-recognition", "nlp", "wasm", "news", "topics", "web-component", "custom-element"],
  type: "module",
  main: "kashif.js",
  module: "kashif.js",
  types: "kashif.d.ts",
  files,
  exports: {
    ".": { types: "./kashif.d.ts", import: "./kashif.js", default: "./kashif.js" },
    "./kashif_bg.wasm": "./kashif_bg.wasm",
    ...(existsSync(new URL("../pkg/widget.js", import.meta.url)) ? { "./widget": { types: "./widget.d.ts", import: "./widget.js", default: "./widget.js" } } : {}),
  },
  // widget.js defines the custom element when it loads.
  sideEffects: ["./snippets/*", "./widget.js"],
};
writeFileSync(new URL("../pkg/package.json", import.meta.url), JSON.stringify(pkg, null, 2) + "\n");
console.error(`pkg/package.json written (${files.length} files)`);
