#!/usr/bin/env python3
"""How far the ASND dev accuracy can go: the label noise behind issue #5's bar.

ASND (../shared/eval/topics/asnd-{train,dev}.csv) is posts of one news
channel; many dev posts have a near-identical post in train (the same
headline posted again, or on another platform). Where they do, the train
twin's label is the best evidence any classifier can have, so the twins'
agreement bounds what a classifier can score on those posts. This script
measures, with the shipped model's predictions (`kashif analyze --jsonl`):

  near-duplicates   dev posts whose most similar train post has cosine
                    >= THRESHOLD over TF-IDF character 3-5-grams
  twin agrees       share of them for which SOME train post at or above
                    the threshold carries the dev label (an oracle that
                    may pick the right twin; no classifier that answers
                    as the twins do can beat it)
  model             the shipped model's accuracy on each part
  needed            the accuracy the other dev posts would need for the
                    whole dev set to reach the bar, with the near-duplicates
                    at the oracle's level
  train twins       within train, the share of near-duplicate pairs whose
                    labels differ (annotators' disagreement on one text)

Needs scikit-learn and numpy (`pip install scikit-learn`) and a built CLI
(`cargo build --release --bin kashif`). Usage:
  python3 scripts/asnd-ceiling.py [--threshold 0.9] [--bar 0.85]
"""
import argparse
import csv
import json
import os
import subprocess
import sys

# spec/topics.md: ASND classes under our names (`others` has none).
CLASSES = {
    'politics': 'politics', 'crime-war-conflict': 'security',
    'human-rights-press-freedom': 'human_rights', 'business-and-economy': 'economy',
    'health': 'health', 'sports': 'sports', 'art-and-entertainment': 'culture',
    'spiritual': 'religion', 'science-and-technology': 'technology',
    'environment': 'environment', 'education': 'education',
}


def fail(message):
    print(f'asnd-ceiling: {message}', file=sys.stderr)
    sys.exit(2)


def load(path):
    with open(path, encoding='utf-8') as f:
        return [(r['ID'], r['Content'], CLASSES[r['Class'].strip()])
                for r in csv.DictReader(f) if r['Class'].strip() in CLASSES]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--threshold', type=float, default=0.9)
    ap.add_argument('--bar', type=float, default=0.85)
    ap.add_argument('--kashif', default='target/release/kashif')
    args = ap.parse_args()
    shared = os.environ.get('KASHIF_SHARED', '../shared')
    topics = os.path.join(shared, 'eval', 'topics')
    if not os.path.isfile(os.path.join(topics, 'asnd-dev.csv')):
        fail(f'the shared evaluation data is missing ({topics}/asnd-dev.csv).\n'
             'Run from a checkout with ../shared beside it, or set KASHIF_SHARED=/path/to/shared.')
    try:
        import numpy as np
        from sklearn.feature_extraction.text import TfidfVectorizer
    except ImportError:
        fail('needs numpy and scikit-learn (pip install scikit-learn).')
    if not os.path.isfile(args.kashif):
        fail(f'{args.kashif} is missing; run cargo build --release --bin kashif')

    train = load(os.path.join(topics, 'asnd-train.csv'))
    dev = load(os.path.join(topics, 'asnd-dev.csv'))
    lines = ''.join(json.dumps({'id': i, 'text': t}, ensure_ascii=False) + '\n' for i, t, _ in dev)
    out = subprocess.run([args.kashif, 'analyze', '--jsonl'], input=lines, capture_output=True,
                         text=True, check=True).stdout
    predicted = {}
    for line in out.splitlines():
        o = json.loads(line)
        c = o.get('category')
        predicted[o['id']] = c.get('label') if isinstance(c, dict) else c

    vec = TfidfVectorizer(analyzer='char_wb', ngram_range=(3, 5), sublinear_tf=True)
    xt = vec.fit_transform([t for _, t, _ in train])
    xd = vec.transform([t for _, t, _ in dev])
    sim = (xd @ xt.T).toarray()
    dup = sim.max(1) >= args.threshold
    right = np.array([predicted.get(i) == c for i, _, c in dev])
    agrees = np.array([any(train[j][2] == dev[k][2] for j in np.flatnonzero(sim[k] >= args.threshold))
                       for k in range(len(dev))])
    n_dup, n_rest = int(dup.sum()), int((~dup).sum())
    oracle = agrees[dup].mean()
    needed = (args.bar * len(dev) - agrees[dup].sum()) / n_rest

    tt = (xt @ xt.T).tocoo()
    pairs = [(i, j) for i, j, v in zip(tt.row, tt.col, tt.data) if i < j and v >= args.threshold]
    differ = sum(train[i][2] != train[j][2] for i, j in pairs)

    print(f'dev posts (mapped classes): {len(dev)}; shipped model accuracy {right.mean():.3f}')
    print(f'near-duplicates of a train post (cosine >= {args.threshold}): {n_dup}')
    print(f'  some train twin carries the dev label (oracle): {oracle:.3f}')
    print(f'  shipped model: {right[dup].mean():.3f}')
    print(f'other dev posts: {n_rest}; shipped model {right[~dup].mean():.3f}')
    print(f'  needed on them for {args.bar} overall, near-duplicates at the oracle: {needed:.3f}')
    print(f'train near-duplicate pairs: {len(pairs)}; with different labels: {differ} '
          f'({differ / max(1, len(pairs)):.3f})')


if __name__ == '__main__':
    main()
