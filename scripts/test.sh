#!/usr/bin/env bash
# One command for every test: installs what is missing, then runs the
# native tests, the browser tests (Chrome and Firefox) and the tests of the
# release package in a real page. .ci/run calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

step() { printf '\n\033[1m== %s\033[0m\n' "$*" >&2; }

step "native tests"
cargo test --release --all-targets

step "clippy"
cargo clippy --all-targets --quiet -- -D warnings

step "browser tests of the JS API (wasm-bindgen-test in headless Chrome and Firefox)"
wasm-pack test --headless --chrome --firefox

step "release package"
scripts/build.sh
node tests/e2e/run.mjs
