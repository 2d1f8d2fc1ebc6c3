// Bundles main.js with esbuild into dist/ (main.js, the wasm file, index.html).
//   npm install && node build.mjs      (kashif comes from ../../pkg: run scripts/build.sh first)
import { build } from "esbuild";
import { copyFileSync, mkdirSync } from "node:fs";

const here = new URL(".", import.meta.url).pathname;
mkdirSync(`${here}dist`, { recursive: true });
const result = await build({
  absWorkingDir: here,
  entryPoints: ["main.js"],
  bundle: true,
  format: "esm",
  minify: true,
  outdir: "dist",
  loader: { ".wasm": "file" },
  metafile: true,
  logLevel: "warning",
});
copyFileSync(`${here}index.html`, `${here}dist/index.html`);
for (const [file, { bytes }] of Object.entries(result.metafile.outputs)) console.error(`${file} ${bytes} bytes`);
