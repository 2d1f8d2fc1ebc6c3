#!/usr/bin/env bash
# Installs everything kashif's build, demo and tests need, skipping what is
# already there. Safe to run again; fast when all is installed.
#   scripts/setup.sh            toolchain, wasm tools, browsers, npm tools
# Sourced by scripts/demo.sh and scripts/test.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

log() { printf '\033[1msetup:\033[0m %s\n' "$*" >&2; }
have() { command -v "$1" >/dev/null 2>&1; }
SUDO=""; if [ "$(id -u)" != 0 ] && have sudo; then SUDO=sudo; fi

export PATH="$HOME/.cargo/bin:$PATH"

# Rust and the wasm target.
if ! have cargo; then
  log "cargo is missing: install Rust with rustup first (this machine kind has it)"; exit 1
fi
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen-cli must match the wasm-bindgen version in Cargo.lock exactly.
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/"/,"",$3); print $3; exit}' Cargo.lock)
if ! have wasm-bindgen || [ "$(wasm-bindgen --version | awk '{print $2}')" != "$WB_VERSION" ]; then
  log "installing wasm-bindgen-cli $WB_VERSION (about 5 minutes)"
  cargo install wasm-bindgen-cli --version "=$WB_VERSION"
fi
if ! have wasm-pack; then
  log "installing wasm-pack (about 5 minutes)"
  cargo install wasm-pack
fi

# Browsers and their drivers, from Debian.
apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then $SUDO apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}
if ! have chromium || ! have chromedriver; then log "installing chromium and chromium-driver"; apt_install chromium chromium-driver; fi
if ! have firefox-esr && ! have firefox; then log "installing firefox-esr"; apt_install firefox-esr; fi
if ! have geckodriver; then log "installing geckodriver (about 3 minutes)"; cargo install geckodriver; fi

# npm tools: wasm-opt (binaryen 132; never Debian's binaryen 108), playwright-core,
# esbuild (the bundler example's test), world-atlas + topojson-client (scripts/world-map.mjs).
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -x node_modules/.bin/esbuild ]; then
  log "installing npm dev tools (binaryen, playwright-core, esbuild, world-atlas)"
  npm install --no-audit --no-fund --loglevel=error
fi
export PATH="$PWD/node_modules/.bin:$PATH"
unset CHROMEDRIVER GECKODRIVER
log "ready: $(cargo --version), wasm-pack $(wasm-pack --version | awk '{print $2}'), wasm-bindgen $WB_VERSION, $(wasm-opt --version | head -1)"
