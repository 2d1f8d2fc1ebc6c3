#!/usr/bin/env bash
# Instructions one analyze() of a seed article costs in V8 (wasm and the JS
# glue together), counted by valgrind, so that wasm builds can be compared
# on a loaded machine where wall times swing 2×:
#   scripts/wasm-instructions.sh [PKGDIR]      (default pkg/, after scripts/build.sh)
# Runs node --no-liftoff (every function compiled by TurboFan, as hot code
# is in a browser) twice, analyzing the seeds 2 and 12 times, and prints
# (B − A) / 50. The same package measured twice agreed to 0.1 %; builds that
# should agree differed by up to 1.5 % (V8's own threads): trust differences
# above that. Needs valgrind; takes a few minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-pkg}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
count() {
  valgrind --tool=callgrind --smc-check=all-non-file --callgrind-out-file="$tmp/cg.$1" \
    node --no-liftoff scripts/wasm-instructions.mjs "$dir" "$1" > /dev/null 2> "$tmp/log.$1"
  grep -o "Collected : [0-9]*" "$tmp/log.$1" | awk '{print $3}'
}
a=$(count 2)
b=$(count 12)
echo "$dir: $(( (b - a) / 50 )) instructions an analyze() of a seed (wasm in V8, TurboFan; valgrind)"
