#!/usr/bin/env python3
"""Error analysis of entity predictions against CoNLL-derived gold JSONL
(same span conventions as score.py --tokens --types PERS,ORG,LOC --map GPE=LOC,FAC=LOC).

    python3 scripts/ner-errors.py GOLD.jsonl PRED.jsonl [--top N]

Per gold type: correct, wrong type (same span), boundary (overlapping,
same type), boundary+type, missed; per predicted type: spurious (overlaps
no gold span). Lists the most frequent strings of each kind.
"""
import json, sys
from collections import Counter, defaultdict
TYPES = ("PERS", "ORG", "LOC")
MAP = {"GPE": "LOC", "FAC": "LOC"}

def load(p):
    return {d["id"]: d for d in map(json.loads, open(p, encoding="utf-8")) if d}

def u16(text, s, e):
    return text.encode("utf-16-le")[2*s:2*e].decode("utf-16-le", errors="replace")

def snap(s, e, toks):
    t = [tk for tk in toks if tk[0] < e and s < tk[1]]
    return (min(s, t[0][0]), max(e, t[-1][1])) if t else (s, e)

def main():
    gold, pred = load(sys.argv[1]), load(sys.argv[2])
    top = int(sys.argv[sys.argv.index("--top") + 1]) if "--top" in sys.argv else 15
    counts = defaultdict(Counter)
    strings = defaultdict(Counter)
    for i, g in gold.items():
        text = g["text"]
        gs = [(e["start"], e["end"], e["type"]) for e in g["entities"] if e["type"] in TYPES]
        ps = []
        for e in pred.get(i, {}).get("entities", []):
            t = MAP.get(e["type"], e["type"])
            if t in TYPES:
                s, en = snap(e["start"], e["end"], g.get("tokens", []))
                ps.append((s, en, t))
        ps = list(set(ps))
        for s, e, t in gs:
            if (s, e, t) in ps:
                counts[t]["correct"] += 1
                continue
            ov = [p for p in ps if p[0] < e and s < p[1]]
            same = [p for p in ov if (p[0], p[1]) == (s, e)]
            if same:
                k = f"type->{same[0][2]}"
                strings[(t, k)][u16(text, s, e)] += 1
            elif any(p[2] == t for p in ov):
                p = [p for p in ov if p[2] == t][0]
                k = "boundary"
                strings[(t, k)][u16(text, s, e) + "  ⇐  " + u16(text, p[0], p[1])] += 1
            elif ov:
                p = ov[0]
                k = "boundary+type"
                strings[(t, k)][u16(text, s, e) + "  ⇐  " + u16(text, p[0], p[1]) + f" [{p[2]}]"] += 1
            else:
                k = "missed"
                strings[(t, k)][u16(text, s, e)] += 1
            counts[t][k] += 1
        for s, e, t in ps:
            if not any(g0 < e and s < g1 for g0, g1, _ in gs):
                counts[t]["spurious"] += 1
                strings[(t, "spurious")][u16(text, s, e)] += 1
    for t in TYPES:
        c = counts[t]
        tot = sum(v for k, v in c.items() if k != "spurious")
        print(f"{t}: gold {tot}: " + ", ".join(f"{k} {v}" for k, v in sorted(c.items(), key=lambda x: -x[1])))
    for (t, k), cs in sorted(strings.items()):
        print(f"\n-- {t} {k} ({sum(cs.values())})")
        print("  " + " | ".join(f"{s} ×{n}" if n > 1 else s for s, n in cs.most_common(top)))

main()
