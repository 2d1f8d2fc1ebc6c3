#!/usr/bin/env python3
"""Development measure for the key phrases that is not the five seeds.

The seeds' gold (../shared/eval/seeds.gold.jsonl, scored by score.py) is
five documents: too few to tell a better ranking from one fitted to them.
This script measures the key phrases on the 225 news articles of
../shared/eval/topics/ant-v1.1-sample.jsonl instead, using the editor's
title as the reference: a title names what the article is about, and the
analyzer never sees it (the article's `text` is analyzed; the title is not
part of it in this corpus).

Reference items of an article: the content words of its title, each
reduced with score.py's phrase key (no diacritics, folded letters, no
leading و/ف, ب/ك/ل/لل or article), without stopwords
(data/stopwords-ar.txt, also behind و/ف), digits, Latin and one-letter
words, and only those that occur somewhere in the text (a word the text
never uses cannot be one of its key phrases; this ceiling is reported).

  title words@10   share of those words found among the top ten predicted
                   phrases, with score.py's matching: a predicted phrase
                   finds a word when the word is one of its words (a longer
                   phrase containing the gold one matches). Micro average
                   over all reference words, as score.py averages over
                   gold phrases.
  title chunks@10  score.py's rule exactly, with the title's chunks as the
                   gold phrases: the title cut at stopwords, punctuation,
                   digits and Latin into runs of content words (noun
                   phrases and the odd verb); a chunk is found when its key
                   and a predicted key contain one another as whole words.
  word F1@10       title words@10 rewards long phrases (a four-word
                   phrase of which one word is a title word finds it as
                   well as the word alone); word precision counts the words
                   of the top ten phrases (each distinct word key once per
                   article) that are reference words, and word F1 is the
                   harmonic mean of the two: longer, vaguer phrases lower
                   it, and so do short lists of single words.

title chunks@10 is the headline figure (it is score.py's own rule); it
also prints how many chunks were found whole inside a prediction (the
rest were found by a prediction inside the chunk, often one word of it,
which score.py counts too). title words@10, word F1@10 and that split
show whether a change gains through phrase length alone.

The articles are split in two halves (even and odd line numbers): tune on
`dev` (even), and read `test` (odd) only to confirm; both are printed, and
so is `long`: the articles of either half with more than 150 words, as
long as news articles like the seeds (where a key phrase must recur).

    cargo build --release --bin kashif
    python3 scripts/eval-keyphrases.py            # ANT measure
    python3 scripts/eval-keyphrases.py --seeds    # + how the title measure
                                                  #   relates to the seeds' gold
    python3 scripts/eval-keyphrases.py --show 5   # worst articles, for reading

Exit status 2 when ../shared (the evaluation data) is missing.
"""
import argparse
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared", "eval"))
ANT = os.path.join(SHARED, "topics", "ant-v1.1-sample.jsonl")
SEEDS = os.path.join(SHARED, "seeds.gold.jsonl")

DIAC = {chr(c) for c in range(0x064B, 0x0660)} | {"\u0670", "\u0640"}
FMT = {chr(c) for c in [*range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0xFEFF]}
FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه",
                      **{chr(0x660 + i): str(i) for i in range(10)}, **{chr(0x6F0 + i): str(i) for i in range(10)}})


def key(s):
    """kashif::text::normalize::key."""
    return "".join(c for c in s if c not in DIAC and c not in FMT).translate(FOLD).lower()


def word_key(w):
    """score.py's phrase_key of one word (after key())."""
    if w[:1] in ("و", "ف") and len(w) > 3:
        w = w[1:]
    if w.startswith("لل") and len(w) > 3:
        w = w[2:]
    elif w[:1] in ("ب", "ك", "ل") and len(w) > 3:
        w = w[1:]
    if w.startswith("ال") and len(w) > 3:
        w = w[2:]
    return w


def phrase_key(p):
    """score.py's phrase_key."""
    return " ".join(word_key(w) for w in key(p).split())


def load_stopwords():
    path = os.path.join(ROOT, "data", "stopwords-ar.txt")
    lines = [line.strip() for line in open(path, encoding="utf-8") if not line.startswith("#")]
    return set(lines[1:])


STOP = load_stopwords()


def is_stop(k):
    """Stopword test on a key()-form word, as src/topics/keyphrases.rs does."""
    return k in STOP or (k[:1] in ("و", "ف") and len(k) > 2 and k[1:] in STOP)


ARABIC_WORD = re.compile(r"[\u0621-\u064A\u064B-\u065F\u0670\u0640\u0671-\u06D3]+|[^\s]")


def title_chunks(title):
    """The title's runs of content words, each a list of word keys."""
    chunks, cur = [], []
    for tok in ARABIC_WORD.findall(title):
        k = key(tok)
        content = len(k) > 1 and re.fullmatch(r"[\u0621-\u064A]+", k) and not is_stop(k) and not is_stop(word_key(k))
        if content:
            cur.append(word_key(k))
        elif cur:
            chunks.append(cur)
            cur = []
    if cur:
        chunks.append(cur)
    return chunks


def text_words(text):
    return {word_key(key(t)) for t in ARABIC_WORD.findall(text)}


def run_kashif(binary, docs):
    """{id: [predicted phrase text, ...]} from `kashif analyze --jsonl`."""
    inp = "".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in docs)
    out = subprocess.run([binary, "analyze", "--jsonl", "--no-meetings"], input=inp, capture_output=True, text=True, check=True).stdout
    preds = {}
    for line in out.splitlines():
        d = json.loads(line)
        preds[d["id"]] = [k["text"] for k in d.get("keyphrases", [])]
    return preds


def score_doc(title, text, predicted, k=10):
    """(word hits, words, chunk hits, chunks, predicted words that are
    reference words, predicted words, unreachable words, chunks found whole
    inside a prediction)."""
    present = text_words(text)
    chunks = title_chunks(title)
    words = []
    for c in chunks:
        for w in c:
            if w not in words:
                words.append(w)
    reachable = [w for w in words if w in present]
    preds = [f" {phrase_key(p)} " for p in predicted[:k]]
    pred_words = set(" ".join(preds).split())
    word_hits = sum(w in pred_words for w in reachable)
    chunk_keys = [f" {' '.join(c)} " for c in chunks if any(w in present for w in c)]
    chunk_hits = sum(any(a in b or b in a for b in preds) for a in chunk_keys)
    chunk_in_pred = sum(any(a in b for b in preds) for a in chunk_keys)
    ref = set(reachable)
    return word_hits, len(reachable), chunk_hits, len(chunk_keys), len(pred_words & ref), len(pred_words), len(words) - len(reachable), chunk_in_pred


def report(name, rows):
    t = [sum(r[i] for r in rows) for i in range(8)]
    wr = t[0] / max(t[1], 1)
    cr = t[2] / max(t[3], 1)
    pr = t[4] / max(t[5], 1)
    f1 = 2 * wr * pr / max(wr + pr, 1e-9)
    print(f"{name:5} docs {len(rows):3}  title chunks@10 {cr:.3f} ({t[2]}/{t[3]}; whole chunk inside a prediction {t[7]})  title words@10 {wr:.3f} ({t[0]}/{t[1]})  "
          f"word F1@10 {f1:.3f} (P {pr:.3f} = {t[4]}/{t[5]})  [title words absent from the text: {t[6]}]")
    return cr


def seeds_agreement(binary):
    """How the title measure relates to score.py on the seeds: the share of
    gold phrases that touch the title line, where a seed has one."""
    gold = [json.loads(line) for line in open(SEEDS, encoding="utf-8")]
    preds = run_kashif(binary, [(g["id"], g["text"]) for g in gold])
    touched = total = 0
    for g in gold:
        first = g["text"].strip().split("\n")[0]
        has_title = len(first.split()) <= 20 and not first.rstrip().endswith(("،", ".", ":"))
        tw = {w for c in title_chunks(first) for w in c}
        hits = 0
        for ph in g["keyphrases"]:
            keys = [phrase_key(v) for v in [ph["phrase"], *ph.get("variants", [])]]
            got = any(f" {a} " in f" {b} " or f" {b} " in f" {a} " for a in keys for b in (phrase_key(p) for p in preds[g["id"]][:10]))
            hits += got
            if has_title:
                total += 1
                touched += any(set(k.split()) & tw for k in keys)
        gold_words = {w for ph in g["keyphrases"] for w in phrase_key(ph["phrase"]).split()}
        body = g["text"].strip().split("\n", 1)[1] if has_title else g["text"]
        row = score_doc(first, body, preds[g["id"]]) if has_title else None
        print(f"  {g['id']}: score.py {hits}/{len(g['keyphrases'])}; title line: {'yes' if has_title else 'no '}"
              + (f"; title words in the gold phrases {len(tw & gold_words)}/{len(tw)}; title words@10 (title line left in) {row[0]}/{row[1]}" if row else ""))
    print(f"seeds' gold phrases sharing a word with the title line (seeds with one): {touched}/{total}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "kashif"))
    ap.add_argument("--seeds", action="store_true", help="also relate the measure to the seeds' gold")
    ap.add_argument("--show", type=int, default=0, help="print the N dev articles with the most missed title words")
    ap.add_argument("--dump", help="write the predictions (JSON lines) to this file")
    args = ap.parse_args()
    if not os.path.isfile(ANT):
        print(f"eval-keyphrases: {ANT} is missing: this measure needs the evaluation data in ../shared "
              "(it is not part of the repository); nothing was measured.", file=sys.stderr)
        sys.exit(2)
    if not os.path.isfile(args.bin):
        print(f"eval-keyphrases: no analyzer at {args.bin}: run `cargo build --release --bin kashif` first.", file=sys.stderr)
        sys.exit(1)
    docs = [json.loads(line) for line in open(ANT, encoding="utf-8")]
    preds = run_kashif(args.bin, [(d["docno"], d["text"]) for d in docs])
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as f:
            for d in docs:
                f.write(json.dumps({"id": d["docno"], "title": d["title"], "keyphrases": preds[d["docno"]][:10]}, ensure_ascii=False) + "\n")
    rows = {"dev": [], "test": []}
    for n, d in enumerate(docs):
        rows["dev" if n % 2 == 0 else "test"].append((d, score_doc(d["title"], d["text"], preds[d["docno"]])))
    report("dev", [r for _, r in rows["dev"]])
    report("test", [r for _, r in rows["test"]])
    report("all", [r for part in rows.values() for _, r in part])
    # Articles as long as the seeds (more than 150 words, where a key
    # phrase must occur twice): both halves together.
    report("long", [r for part in rows.values() for d, r in part if len(d["text"].split()) > 150])
    if args.show:
        worst = sorted(rows["dev"], key=lambda x: x[1][0] - x[1][1])[: args.show]
        for d, r in worst:
            print(f"\n{d['docno']} ({r[0]}/{r[1]}) title: {d['title']}\n  top ten: {' · '.join(preds[d['docno']][:10])}")
    if args.seeds:
        if not os.path.isfile(SEEDS):
            print(f"eval-keyphrases: {SEEDS} is missing; no seed comparison.", file=sys.stderr)
            sys.exit(2)
        seeds_agreement(args.bin)


if __name__ == "__main__":
    main()
