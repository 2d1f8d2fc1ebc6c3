#!/usr/bin/env bash
# Entity figures of the recognizer on the NER corpora, in one table (exact F1 per type; `p` = partial):
#   - ANERcorp held-out sixth (the dev split of scripts/eval-tagger.sh): rules alone (empty tagger
#     model) and rules + tagger (the model trained on the other five sixths);
#   - ANERcorp first five sixths, rules alone (the part the lexicons and rules were developed on);
#   - Wojood val and train (--any-layer, PERS ORG GPE DATE NORP) and AQMAR dev, with the shipped tagger.
# Needs target/eval-tagger/{holdout.bin,empty.bin,dev.jsonl} from scripts/eval-tagger.sh (run it once;
# this script only runs the CLI, a few seconds).
#
#   scripts/eval-entities.sh [OUT_DIR]     # KASHIF_SHARED=/path/to/shared to override ../shared
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/shared-data.sh eval-entities
E="$SHARED/eval"
T=target/eval-tagger
if [ ! -f "$T/holdout.bin" ] || [ ! -f "$T/empty.bin" ] || [ ! -f "$T/dev.jsonl" ] || [ ! -f "$T/clusters-holdout.bin" ]; then
  echo "eval-entities: run scripts/eval-tagger.sh first (it writes $T/holdout.bin, empty.bin, clusters-holdout.bin, dev.jsonl)." >&2
  exit 2
fi
OUT=${1:-target/eval-entities}
mkdir -p "$OUT"
cargo build --release --quiet --bin kashif
K=target/release/kashif
# the first five sixths of ANERcorp by sentence, as src/bin/train/tagger.rs splits it
python3 - "$E/ner/anercorp-train.txt" > "$OUT/aner-train5.txt" <<'EOF'
import sys
sents, cur = [], []
for line in open(sys.argv[1], encoding='utf-8-sig'):
    if line.split():
        cur.append(line)
    elif cur:
        sents.append(cur); cur = []
if cur:
    sents.append(cur)
for s in sents[:len(sents) - len(sents) // 6]:
    sys.stdout.write(''.join(s) + '\n')
EOF
python3 "$E/conll2jsonl.py" "$OUT/aner-train5.txt" aner-train > "$OUT/aner-train5.jsonl"
python3 "$E/conll2jsonl.py" "$E/ner/wojood-val.txt" wojood > "$OUT/wojood-val.jsonl"
python3 "$E/conll2jsonl.py" "$E/ner/wojood-train.txt" wojood > "$OUT/wojood-train.jsonl"
python3 "$E/conll2jsonl.py" "$E/ner/aqmar-dev.txt" aqmar > "$OUT/aqmar.jsonl"
run() { KASHIF_TAGGER_MODEL=$1 "$K" analyze --jsonl --no-topics --no-meetings < "$2" > "$3"; }
run "$T/empty.bin" "$T/dev.jsonl" "$OUT/aner-dev-rules.pred"
# the held-out model reads the word clusters made without the held-out text, as in eval-tagger.sh
KASHIF_TAGGER_CLUSTERS="$T/clusters-holdout.bin" run "$T/holdout.bin" "$T/dev.jsonl" "$OUT/aner-dev-system.pred"
run "$T/empty.bin" "$OUT/aner-train5.jsonl" "$OUT/aner-train5-rules.pred"
for f in wojood-val wojood-train aqmar; do "$K" analyze --jsonl --no-topics --no-meetings < "$OUT/$f.jsonl" > "$OUT/$f.pred"; done
A=(--tokens --types PERS,ORG,LOC --map GPE=LOC,FAC=LOC)
W=(--any-layer --types PERS,ORG,GPE,DATE,NORP)
row() {
  printf '%-34s %s\n' "$1" "$(python3 "$E/score.py" "$2" "$3" "${@:4}" | awk '
    /^entities \(exact/ {m = 1} /^entities \(partial/ {m = 2}
    m && $1 ~ /^(PERS|ORG|LOC|GPE|DATE|NORP|ALL)$/ {printf "%s%s %s  ", (m == 2 ? "p" : ""), $1, $(NF - 1)}')"
}
row "ANERcorp dev, rules alone" "$T/dev.jsonl" "$OUT/aner-dev-rules.pred" "${A[@]}"
row "ANERcorp dev, rules + tagger" "$T/dev.jsonl" "$OUT/aner-dev-system.pred" "${A[@]}"
row "ANERcorp first 5/6, rules alone" "$OUT/aner-train5.jsonl" "$OUT/aner-train5-rules.pred" "${A[@]}"
row "Wojood val" "$OUT/wojood-val.jsonl" "$OUT/wojood-val.pred" "${W[@]}"
row "Wojood train" "$OUT/wojood-train.jsonl" "$OUT/wojood-train.pred" "${W[@]}"
row "AQMAR dev" "$OUT/aqmar.jsonl" "$OUT/aqmar.pred" "${A[@]}"
