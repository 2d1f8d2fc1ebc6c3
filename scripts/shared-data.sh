# Sourced by the NER evaluation scripts (`. scripts/shared-data.sh NAME`):
# sets and exports KASHIF_SHARED (../shared unless set) as SHARED, and exits 2
# with a message naming NAME when the shared evaluation data is missing.
SHARED=${KASHIF_SHARED:-../shared}
if [ ! -f "$SHARED/eval/ner/anercorp-train.txt" ] || [ ! -f "$SHARED/eval/score.py" ]; then
  echo "$1: the shared evaluation data is missing ($SHARED/eval/ner/anercorp-train.txt, $SHARED/eval/score.py)." >&2
  echo "Run from a checkout with ../shared beside it, or set KASHIF_SHARED=/path/to/shared." >&2
  exit 2
fi
export KASHIF_SHARED="$SHARED"
