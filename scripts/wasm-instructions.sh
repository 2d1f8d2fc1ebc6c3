#!/usr/bin/env bash
# Instructions one analyze() of a seed article costs in V8 (wasm and the JS
# glue together), counted by valgrind, so that wasm builds can be compared
# on a loaded machine where wall times swing 2×:
#   scripts/wasm-instructions.sh [PKGDIR]      (default pkg/, after scripts/build.sh)
# Runs node --no-liftoff (every function compiled by TurboFan, as hot code
# is in a browser) twice, analyzing the seeds 2 and 12 times after WARM
# rounds of warm-up (default 30) in both, and prints (B − A) / 50: the
# steady state. Without the warm-up (WARM=0) the difference also holds
# TurboFan's compiles of the JS glue that gets hot between the two counts
# (4.7 M of the 14.6 M a seed measured so on main 50b555a: one-off work, and
# the noise of up to 1.5 % between builds that should agree). Needs
# valgrind; takes a few minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-pkg}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
count() {
  valgrind --tool=callgrind --smc-check=all-non-file --callgrind-out-file="$tmp/cg.$1" \
    node --no-liftoff scripts/wasm-instructions.mjs "$dir" "$1" "${WARM:-30}" > /dev/null 2> "$tmp/log.$1"
  grep -o "Collected : [0-9]*" "$tmp/log.$1" | awk '{print $3}'
}
a=$(count 2)
b=$(count 12)
echo "$dir: $(( (b - a) / 50 )) instructions an analyze() of a seed (wasm in V8, TurboFan; valgrind)"
