#!/usr/bin/env bash
# Measures the learned tagger on the held-out last sixth of ANERcorp:
# builds word clusters without that sixth, trains a model on the first five sixths (target/tagger-holdout.bin, the
# shipped data/tagger.bin is left alone), writes the held-out sentences as
# gold JSONL with conll2jsonl.py, predicts them with the kashif CLI (rules +
# tagger, merged by src/tagger/merge.rs) and scores PERS/ORG/LOC with
# score.py --tokens. Also scores the tagger alone, the rules alone (an empty
# tagger model) and the seeds with the shipped model.
#
#   scripts/eval-tagger.sh            # KASHIF_SHARED=/path/to/shared to override ../shared
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/shared-data.sh eval-tagger
OUT=target/eval-tagger
mkdir -p "$OUT"
cargo build --release --quiet --bin train --bin kashif --example tagger
# Word clusters without the held-out text, used by the held-out model
# (training and prediction); the seeds below use the shipped ones.
target/release/train clusters --holdout --out "$OUT/clusters-holdout.bin"
export KASHIF_TAGGER_CLUSTERS="$OUT/clusters-holdout.bin"
target/release/train tagger --holdout --out "$OUT/holdout.bin" --dev-out "$OUT/dev.txt"
target/release/train tagger --holdout --objective perceptron --epochs 0 --out "$OUT/empty.bin" 2>/dev/null
python3 "$SHARED/eval/conll2jsonl.py" "$OUT/dev.txt" anercorp-dev > "$OUT/dev.jsonl"
SCORE=(python3 "$SHARED/eval/score.py" --tokens --types PERS,ORG,LOC --map GPE=LOC,FAC=LOC)

echo; echo "== held-out sixth of ANERcorp: rules + tagger (model trained on the other five sixths)"
KASHIF_TAGGER_MODEL="$OUT/holdout.bin" target/release/kashif analyze --jsonl --no-topics --no-meetings < "$OUT/dev.jsonl" > "$OUT/pred.jsonl"
"${SCORE[@]}" "$OUT/dev.jsonl" "$OUT/pred.jsonl" | sed -n '1,/^entities (partial/p' | head -n -1

echo; echo "== held-out sixth of ANERcorp: tagger alone (examples/tagger.rs jsonl)"
KASHIF_TAGGER_MODEL="$OUT/holdout.bin" target/release/examples/tagger jsonl < "$OUT/dev.jsonl" > "$OUT/pred-tagger.jsonl"
"${SCORE[@]}" "$OUT/dev.jsonl" "$OUT/pred-tagger.jsonl" | sed -n '1,/^entities (partial/p' | head -n -1

echo; echo "== held-out sixth of ANERcorp: rules alone"
KASHIF_TAGGER_MODEL="$OUT/empty.bin" target/release/kashif analyze --jsonl --no-topics --no-meetings < "$OUT/dev.jsonl" > "$OUT/pred-rules.jsonl"
"${SCORE[@]}" "$OUT/dev.jsonl" "$OUT/pred-rules.jsonl" | sed -n '1,/^entities (partial/p' | head -n -1

echo; echo "== seeds: rules + shipped tagger, then rules alone (entity F1, exact)"
unset KASHIF_TAGGER_CLUSTERS
target/release/kashif analyze --jsonl < "$SHARED/eval/seeds.gold.jsonl" > "$OUT/seeds.jsonl"
python3 "$SHARED/eval/score.py" "$SHARED/eval/seeds.gold.jsonl" "$OUT/seeds.jsonl" | grep -E "^  (PERS|ORG|GPE|LOC|ALL) " | head -5
KASHIF_TAGGER_MODEL="$OUT/empty.bin" target/release/kashif analyze --jsonl < "$SHARED/eval/seeds.gold.jsonl" > "$OUT/seeds-rules.jsonl"
python3 "$SHARED/eval/score.py" "$SHARED/eval/seeds.gold.jsonl" "$OUT/seeds-rules.jsonl" | grep -E "^  (PERS|ORG|GPE|LOC|ALL) " | head -5
