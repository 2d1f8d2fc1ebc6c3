#!/usr/bin/env python3
"""Rewrites kashif predictions into ANERcorp's annotation conventions, to
measure what our spec's conventions cost on ANERcorp (never shipped; the
analyzer's output follows spec/entities.md).

    python3 scripts/anercorp-conventions.py PRED.jsonl > PRED-anercorp.jsonl
    python3 scripts/anercorp-conventions.py PRED.jsonl --gold GOLD.jsonl > …   # mentions without "text"
                                                    # (cv-tagger.sh's predictions) take it from GOLD

ANERcorp differs from our spec in three ways this undoes:
1. a descriptive head noun opening an ORG or place is outside the name
   (`شركة مايكروسوفت` → `مايكروسوفت`, `قطاع غزة` → `غزة`,
   `مفوضية الاتحاد الأوروبي` → `الاتحاد الأوروبي`);
2. a nationality adjective closing an ORG or place is outside it
   (`حزب الله اللبناني` → `حزب الله`);
3. governments are not annotated (`الحكومة السودانية`, `حكومة موسكو`).
Heads and nationalities are read from data/org_heads.tsv-like fixed lists
below and data/nationalities.tsv; keys are normalized as in the spec.
"""
import json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
DIAC = re.compile("[\u064b-\u065f\u0670\u0640]")
FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
# Heads ANERcorp leaves outside the name (حزب, بنك, مجلس, منظمة… stay in).
HEADS = {"شركه", "حركه", "صحيفه", "جريده", "مجله", "وكاله", "قناه", "تلفزيون", "اذاعه", "بعثه", "مفوضيه",
         "قياده", "قوات", "قوه", "مركز", "اقليم", "قطاع", "مدينه", "دوله", "ولايه", "منطقه", "محافظه",
         "مستشفي", "ملعب", "نادي", "فريق", "منتخب", "بلديه"}
GOV = {"حكومه", "حكومات"}


def key(w):
    return DIAC.sub("", w).translate(FOLD)


def core(w):
    """The word without proclitics and article."""
    k = key(w)
    for p in ("ولل", "فلل", "لل"):
        if k.startswith(p) and len(k) > len(p) + 2:
            return k[len(p):]
    for p in ("وب", "فب", "ول", "فل", "وك", "و", "ف", "ب", "ل", "ك"):
        if k.startswith(p) and len(k) > len(p) + 2 and (k[len(p):] in HEADS or k[len(p):] in GOV or k[len(p):].startswith("ال")):
            k = k[len(p):]
            break
    return k[2:] if k.startswith("ال") and len(k) > 4 else k


def nationalities():
    out = set()
    with open(os.path.join(HERE, "..", "data", "nationalities.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("key\t"):
                continue
            k = line.split("\t")[0]
            out.add(k)
            out.add(k + "ه")
    return out


def main():
    nat = nationalities()
    texts = {}
    if "--gold" in sys.argv:
        for line in open(sys.argv[sys.argv.index("--gold") + 1], encoding="utf-8"):
            g = json.loads(line)
            texts[g["id"]] = g["text"].encode("utf-16-le")
    for line in open(sys.argv[1], encoding="utf-8"):
        d = json.loads(line)
        ents = []
        for e in d.get("entities", []):
            if "text" not in e and d.get("id") in texts:
                e = dict(e, text=texts[d["id"]][2 * e["start"]:2 * e["end"]].decode("utf-16-le"))
            t = e.get("type")
            if t not in ("ORG", "GPE", "LOC", "FAC"):
                ents.append(e)
                continue
            s, en = e["start"], e["end"]
            words = [(m.start() + s, m.end() + s) for m in re.finditer(r"\S+", e["text"])]
            if t == "ORG" and core(e["text"].split()[0]) in GOV:
                continue
            if len(words) >= 2 and core(e["text"][words[-1][0] - s:words[-1][1] - s]) in nat:
                words = words[:-1]
            if len(words) >= 2 and core(e["text"][words[0][0] - s:words[0][1] - s]) in HEADS:
                words = words[1:]
            ns, ne = words[0][0], words[-1][1]
            e = dict(e, start=ns, end=ne, text=e["text"][ns - s:ne - s])
            ents.append(e)
        d["entities"] = ents
        print(json.dumps(d, ensure_ascii=False))


main()
