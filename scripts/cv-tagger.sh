#!/usr/bin/env bash
# Cross-validation of the tagger and of the merged system inside the first five sixths of ANERcorp
# (the held-out last sixth stays for the final figure: scripts/eval-tagger.sh). For each of 5
# contiguous folds: word clusters without the fold (and without the last sixth), a model trained on
# the other four folds, and the fold predicted in-process by `train tagger --fold K --pred-out`
# (rules + tagger merged, the tagger alone, the rules alone) with a lexicon whose corpus names come
# from the other sentences only (as new text meets them). The five folds are pooled and scored with
# score.py --tokens --types PERS,ORG,LOC --map GPE=LOC,FAC=LOC.
#
#   scripts/cv-tagger.sh [extra options of `train tagger`…]   # KASHIF_SHARED=/path/to/shared to override ../shared
#   KASHIF_CV_FOLDS="0 1" scripts/cv-tagger.sh               # some folds only
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/shared-data.sh cv-tagger
OUT=${KASHIF_CV_OUT:-target/cv-tagger}
mkdir -p "$OUT"
cargo build --release --quiet --bin train
FOLDS=${KASHIF_CV_FOLDS:-0 1 2 3 4}
for k in $FOLDS; do
  [ -f "$OUT/clusters-$k.bin" ] || target/release/train clusters --fold "$k" --out "$OUT/clusters-$k.bin" 2>/dev/null
  KASHIF_TAGGER_CLUSTERS="$OUT/clusters-$k.bin" target/release/train tagger --fold "$k" "$@" --out "$OUT/model-$k.bin" \
    --dev-out "$OUT/dev-$k.txt" --pred-out "$OUT/pred-$k" --pred-name "cv$k" 2> "$OUT/train-$k.log"
  python3 "$SHARED/eval/conll2jsonl.py" "$OUT/dev-$k.txt" "cv$k" > "$OUT/gold-$k.jsonl"
done
for f in gold; do for k in $FOLDS; do cat "$OUT/$f-$k.jsonl"; done > "$OUT/$f.jsonl"; done
for f in system tagger rules; do for k in $FOLDS; do cat "$OUT/pred-$k/$f.jsonl"; done > "$OUT/$f.jsonl"; done
SCORE=(python3 "$SHARED/eval/score.py" --tokens --types PERS,ORG,LOC --map GPE=LOC,FAC=LOC)
for f in system tagger rules; do
  printf '%-8s %s\n' "$f" "$("${SCORE[@]}" "$OUT/gold.jsonl" "$OUT/$f.jsonl" | awk '/^entities \(exact/ {m = 1} /^entities \(partial/ {m = 0}
    m && $1 ~ /^(PERS|ORG|LOC|ALL)$/ {printf "%s %s %s %s   ", $1, $2, $3, $4}')"
done
