#!/usr/bin/env python3
"""Entity part of ../shared/eval/score.py, for checkouts without ../shared.

    python3 scripts/entity-score.py GOLD.jsonl PRED.jsonl

Same computation and output as score.py's entity tables (exact and partial matches per type,
micro average; offsets in UTF-16 code units); scripts/eval-news.sh uses score.py itself when
../shared is there and this file otherwise.
"""
import json
import sys
from collections import Counter

TYPES = ["PERS", "ORG", "GPE", "LOC", "FAC", "NORP", "OCC", "EVENT", "DATE"]


def load(path):
    with open(path, encoding="utf-8") as f:
        return {d["id"]: d for d in (json.loads(line) for line in f if line.strip())}


def prf(c):
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    gold, pred = load(sys.argv[1]), load(sys.argv[2])
    tables = {"exact": {t: Counter() for t in TYPES}, "partial": {t: Counter() for t in TYPES}}
    for doc_id, g in gold.items():
        u16 = g["text"].encode("utf-16-le")
        for e in g["entities"]:
            if u16[2 * e["start"]:2 * e["end"]].decode("utf-16-le") != e["text"]:
                sys.exit(f"gold {doc_id}: span {e['start']}-{e['end']} is not {e['text']!r}")
        gs = {(e["start"], e["end"], e["type"]) for e in g["entities"] if e["type"] in TYPES}
        ps = {(int(e["start"]), int(e["end"]), e["type"]) for e in pred.get(doc_id, {}).get("entities", [])
              if e.get("type") in TYPES}
        for t in TYPES:
            gt = {s for s in gs if s[2] == t}
            pt = {s for s in ps if s[2] == t}
            ex = tables["exact"][t]
            ex.update(tp=len(gt & pt), fp=len(pt - gt), fn=len(gt - pt))
            hit = lambda a, bs: any(a[0] < b[1] and b[0] < a[1] for b in bs)
            pa = tables["partial"][t]
            pa.update(tp=sum(hit(s, pt) for s in gt), fn=sum(not hit(s, pt) for s in gt),
                      fp=sum(not hit(s, gt) for s in pt))
    for name, table in tables.items():
        print(f"entities ({name} match)   P      R      F1    support")
        total = Counter()
        for t in TYPES:
            c = table[t]
            if c["tp"] + c["fp"] + c["fn"] == 0:
                continue
            total.update(c)
            p, r, f = prf(c)
            print(f"  {t:6}               {p:.3f}  {r:.3f}  {f:.3f}  {c['tp'] + c['fn']}")
        p, r, f = prf(total)
        print(f"  {'ALL':6}               {p:.3f}  {r:.3f}  {f:.3f}  {total['tp'] + total['fn']}")
        if name == "exact":
            exact_all = f
    print(f"entity F1 (exact): {exact_all:.3f}")


if __name__ == "__main__":
    main()
