#!/usr/bin/env bash
# Builds the npm package into pkg/ (release, size-tuned, through wasm-opt).
#   scripts/build.sh            release build (what the demo and the package use)
#   scripts/build.sh --dev      debug build (faster, no wasm-opt)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
mode=--release
[ "${1:-}" = "--dev" ] && mode=--dev
wasm-pack build "$mode" --target web --out-dir pkg --out-name kashif --no-pack >&2
# The widget (<kashif-analyzer>) and its view helpers ship beside kashif.js.
cp js/widget.js js/widget.d.ts js/ui.js js/world.js pkg/
node scripts/package-json.mjs
