#!/usr/bin/env bash
# Entity figures on the news dev/test gold of tests/data/news (ten ANT articles annotated by hand
# per spec/entities.md; see tests/data/news/README.md): runs `target/release/kashif analyze --jsonl`
# on each split and prints score.py's exact and partial F1 per type. Uses ../shared/eval/score.py
# (KASHIF_SHARED overrides ../shared) when it is there, else scripts/entity-score.py (the same
# entity computation), so it works in a checkout without ../shared.
#
#   scripts/eval-news.sh [dev|test|all]      # default: all (dev, then test)
# Look at errors on dev only (scripts/eval-news.sh dev, then the predictions in target/eval-news/);
# test is for the before/after figures.
set -euo pipefail
cd "$(dirname "$0")/.."
WHICH=${1:-all}
SHARED=${KASHIF_SHARED:-../shared}
if [ -f "$SHARED/eval/score.py" ]; then
  SCORE=(python3 "$SHARED/eval/score.py")
else
  echo "eval-news: $SHARED/eval/score.py not found; scoring with scripts/entity-score.py" >&2
  SCORE=(python3 scripts/entity-score.py)
fi
python3 scripts/news-gold.py --check
cargo build --release --quiet --bin kashif
OUT=target/eval-news
mkdir -p "$OUT"
case "$WHICH" in
  all) SPLITS="dev test" ;;
  dev|test) SPLITS=$WHICH ;;
  *) echo "usage: scripts/eval-news.sh [dev|test|all]" >&2; exit 2 ;;
esac
for s in $SPLITS; do
  target/release/kashif analyze --jsonl < "tests/data/news/$s.gold.jsonl" > "$OUT/$s.pred.jsonl"
  echo "== news $s ($(wc -l < "tests/data/news/$s.gold.jsonl") articles)"
  "${SCORE[@]}" "tests/data/news/$s.gold.jsonl" "$OUT/$s.pred.jsonl"
done
