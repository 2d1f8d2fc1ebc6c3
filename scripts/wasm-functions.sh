#!/usr/bin/env bash
# V8's instructions an analyze() of a seed, by wasm function (steady state):
# scripts/wasm-instructions.sh's measure, with the machine code mapped to
# names through V8's --perf-basic-prof map. Builds its own package with the
# name section (wasm-bindgen + wasm-opt with Cargo.toml's flags and -g) from
# target/wasm32-unknown-unknown/release/kashif.wasm (after scripts/build.sh).
#   scripts/wasm-functions.sh [TOP]      (default 40 rows; takes a few minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
top=${1:-40}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
flags=$(python3 -c "import tomllib; print(' '.join(tomllib.load(open('Cargo.toml','rb'))['package']['metadata']['wasm-pack']['profile']['release']['wasm-opt']))")
wasm-bindgen --target web --out-dir "$tmp/pkg" --out-name kashif target/wasm32-unknown-unknown/release/kashif.wasm
# shellcheck disable=SC2086
node_modules/.bin/wasm-opt $flags -g --enable-reference-types --enable-multivalue "$tmp/pkg/kashif_bg.wasm" -o "$tmp/pkg/kashif_bg.wasm"
for n in 2 12; do
  (cd "$tmp" && valgrind --tool=callgrind --dump-instr=yes --smc-check=all-non-file --callgrind-out-file="$tmp/cg.$n" \
    node --no-liftoff --perf-basic-prof "$OLDPWD/scripts/wasm-instructions.mjs" "$tmp/pkg" $n "${WARM:-30}" > /dev/null 2> "$tmp/log.$n")
  pid=$(grep -o '==[0-9]*==' "$tmp/log.$n" | head -1 | tr -d =)
  python3 scripts/wasm-functions.py "$tmp/cg.$n" "/tmp/perf-$pid.map" > "$tmp/f.$n.json"
  rm -f "/tmp/perf-$pid.map"
done
python3 - "$tmp" "$top" <<'P'
import json, sys
o, top = sys.argv[1], int(sys.argv[2])
a, b = json.load(open(o + '/f.2.json')), json.load(open(o + '/f.12.json'))
d = {k: (b.get(k, 0) - a.get(k, 0)) / 50 for k in set(a) | set(b)}
tot = sum(d.values())
wasm = sum(v for k, v in d.items() if k.startswith('JS:') and 'file://' not in k and 'shim' not in k)
print(f"an analyze() of a seed: {tot / 1e6:.3f} M instructions, {wasm / 1e6:.3f} M of them in wasm functions")
for k, v in sorted(d.items(), key=lambda x: -x[1])[:top]:
    print(f"{v / 1e6:8.3f} M {100 * v / tot:5.1f} %  {k[3:] if k.startswith('JS:') else k}")
P
