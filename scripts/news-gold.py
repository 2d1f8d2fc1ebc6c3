#!/usr/bin/env python3
"""Build the news dev/test gold (tests/data/news/{dev,test}.gold.jsonl) from the hand annotation.

    python3 scripts/news-gold.py [--check] [--show]

Reads tests/data/news/texts/DOCNO.txt (ANT articles: title, blank line, body) and
tests/data/news/mentions.tsv (docno, type, surface, in reading order). Each surface is looked up
after the end of the previous mention of its article, at a word start (the start of the text, a
non-letter, or one or two attached clitics و ف ب ل ك before it) and ending before a non-letter,
so the gold offsets are found by the script, never typed. Offsets are UTF-16 code units, as in
../shared/eval/seeds.gold.jsonl. --check verifies the written files are up to date (exit 1 if
not); --show prints every mention in its context for review.
"""
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT / "tests/data/news"
TYPES = {"PERS", "ORG", "GPE", "LOC", "FAC", "NORP", "OCC", "EVENT", "DATE"}
CLITICS = set("وفبلك")
# The split: the ten articles in selection order (README.md here), alternately dev and test.
ORDER = [
    "JA-politic-3-20170121", "JA-politic-382-20170429", "JA-politic-390-20170428",
    "JA-politic-456-20170520", "JA-internationalNews-1195-20170615",
    "JA-internationalNews-193-20161109", "JA-internationalNews-30-20170117",
    "JA-localNews-1748-20160309", "JA-localNews-1926-20151215", "JA-localNews-1989-20161111",
]


def is_letter(ch):
    return ch.isalpha() or "\u064B" <= ch <= "\u065F" or ch in "\u0670\u0640"


def word_start(text, i):
    """True when text[i] starts a word, possibly after one or two clitic letters."""
    j = i
    for _ in range(3):
        if j == 0 or not is_letter(text[j - 1]):
            return True
        if text[j - 1] not in CLITICS:
            return False
        j -= 1
    return False


def find(text, surface, start):
    i = text.find(surface, start)
    while i >= 0:
        end = i + len(surface)
        if word_start(text, i) and (end == len(text) or not is_letter(text[end])):
            return i
        i = text.find(surface, i + 1)
    return -1


def u16(text, i):
    return len(text[:i].encode("utf-16-le")) // 2


def build(show=False):
    mentions = {}
    for n, line in enumerate((NEWS / "mentions.tsv").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("docno\t"):
            continue
        doc, typ, surface = line.split("\t")
        if typ not in TYPES:
            sys.exit(f"mentions.tsv:{n}: unknown type {typ}")
        mentions.setdefault(doc, []).append((n, typ, surface))
    unknown = set(mentions) - set(ORDER)
    if unknown:
        sys.exit(f"mentions.tsv: articles not in the selection: {sorted(unknown)}")
    out = {"dev": [], "test": []}
    for k, doc in enumerate(ORDER):
        text = (NEWS / "texts" / f"{doc}.txt").read_text(encoding="utf-8")
        ents, cursor = [], 0
        for n, typ, surface in mentions.get(doc, []):
            i = find(text, surface, cursor)
            if i < 0:
                sys.exit(f"mentions.tsv:{n}: {surface!r} not found after offset {cursor} in {doc}")
            end = i + len(surface)
            if show:
                ctx = text[max(0, i - 25):i] + "[" + surface + "]" + text[end:end + 25]
                print(f"{doc[3:20]:17} {typ:5} {ctx.replace(chr(10), ' ')}")
            ents.append({"start": u16(text, i), "end": u16(text, end), "type": typ, "text": surface})
            cursor = end
        out["dev" if k % 2 == 0 else "test"].append({"id": doc, "text": text, "entities": ents})
    return out


def main():
    out = build(show="--show" in sys.argv)
    stale = False
    for split, docs in out.items():
        path = NEWS / f"{split}.gold.jsonl"
        body = "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs)
        if "--check" in sys.argv:
            if not path.exists() or path.read_text(encoding="utf-8") != body:
                print(f"{path} is out of date: run python3 scripts/news-gold.py", file=sys.stderr)
                stale = True
        else:
            path.write_text(body, encoding="utf-8")
        counts = {}
        for d in docs:
            for e in d["entities"]:
                counts[e["type"]] = counts.get(e["type"], 0) + 1
        print(f"{split}: {len(docs)} articles, {sum(counts.values())} mentions "
              + " ".join(f"{t} {c}" for t, c in sorted(counts.items())), file=sys.stderr)
    sys.exit(1 if stale else 0)


if __name__ == "__main__":
    main()
