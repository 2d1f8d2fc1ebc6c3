#!/usr/bin/env python3
"""Generate data/orgs_corpus.tsv: organization names taken from the ORG spans of the NER training text.

Sources (see data/README.md for licences): ANERcorp `anercorp-train.txt` (CC BY-SA 4.0; its first five
sixths only, the last sixth is the tagger's held-out dev split, see nercorpus.py) and Wojood
`wojood-train.txt` (MIT; any layer). Never wojood-val.txt or aqmar-dev.txt (they are evaluation text).

A span becomes an entry (`src=corpus`, so the tagger's features and the lexicon its training rules read
leave these names out) when:
- a clitic on its first word is dropped (`للأمم المتحدة` -> `الأمم المتحدة`, `وحزب الله` -> `حزب الله`):
  `و ف ب ل` before the article, `لل` -> `ال`, or any of them when what is left is itself an ORG span;
- the words of the span are inside an ORG span at least half of the times they occur in the same text
  (a word that is also an ordinary noun, `سنة`، `العربي`, never passes), and at least twice for one word;
- it is no place, nationality or person of the other lists (ANERcorp tags a country acting as an
  ORG: `قطر`), no head noun alone (`جامعة`), not already in data/orgs.tsv, and has 3+ letters.

Usage: python3 scripts/lexicon/gen_orgs_corpus.py [--corpus-dir ../shared/eval/ner] > data/orgs_corpus.tsv
"""
import argparse
import collections
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
from arnorm import key  # noqa: E402
from nercorpus import conll_lines  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, '..', '..', 'data')
FILES = ('anercorp-train.txt', 'wojood-train.txt')
PARTICLES = {'ال', 'و', 'في', 'من', 'علي', 'الي', 'عن', 'ضد', 'مع'}
# peoples, sects and dynasties that ANERcorp tags ORG; the spec makes them NORP or no entity
NOT_ORG = {key(w) for w in 'الفرس الروم قريش قريشا بنو بني الماوري البانتو الشيعة شيعة السنة سنة الأكراد الإسلام'
           ' التشيع الأعراب الخوارج الهكسوس الإغريق المرابطين الموحدين الحفصيين العباسية العثمانية الأمويين'
           ' الحرام سيدتي الوفاق الأوقاف'.split()}  # the last four: ordinary words (forbidden, my lady, accord, endowments)
PLACE_WORDS = {key(w) for w in 'قرية مدينة بلدة منطقة محافظة'.split()}
WORD = re.compile(r'^[\u0621-\u064aa-z0-9][\u0621-\u064aa-z0-9\-]*$')


def read_sents(d):
    """Sentences as lists of (key, surface, inside an ORG span) and the ORG spans as (surfaces) lists."""
    sents, spans = [], []
    for fn in FILES:
        path = os.path.join(d, fn)
        cur = []
        open_spans = {}
        for line in conll_lines(path) + ['\n']:
            p = line.split()
            if not p:
                spans.extend(open_spans.values())
                open_spans = {}
                if cur:
                    sents.append(cur)
                cur = []
                continue
            tok, tags = p[0], p[1:]
            seen = set()
            for li, t in enumerate(tags):
                if t.endswith('-ORG'):
                    seen.add(li)
                    if t.startswith('B-') or li not in open_spans:
                        if li in open_spans:
                            spans.append(open_spans[li])
                        open_spans[li] = [tok]
                    else:
                        open_spans[li].append(tok)
            for li in [li for li in open_spans if li not in seen]:
                spans.append(open_spans.pop(li))
            cur.append((key(tok), tok, bool(seen)))
    return sents, spans


def stems(k):
    """The key and its readings without a proclitic (as the recognizer tries them)."""
    out = [k]
    if k.startswith('لل') and len(k) > 4:
        out.append('ال' + k[2:])
    for pre in ('ولل', 'فلل'):
        if k.startswith(pre) and len(k) > 5:
            out.append('ال' + k[3:])
    for pre in ('وب', 'ول', 'فب', 'فل', 'وك', 'و', 'ف', 'ب', 'ل', 'ك'):
        if k.startswith(pre) and len(k) - len(pre) >= 3:
            out.append(k[len(pre):])
    return out


def names_of(path, want=None):
    out = {}
    for line in open(path, encoding='utf-8'):
        if line.startswith('#') or line.startswith('key\t') or not line.strip():
            continue
        p = line.rstrip('\n').split('\t')
        if want is None or p[1] in want:
            out.setdefault(p[0], p[1])
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--corpus-dir', default=os.path.join(HERE, '..', '..', '..', 'shared', 'eval', 'ner'))
    a = ap.parse_args()
    if not all(os.path.exists(os.path.join(a.corpus_dir, f)) for f in FILES):
        sys.exit(f'gen_orgs_corpus: the NER corpora are missing ({a.corpus_dir}/{FILES[0]}, {FILES[1]}); '
                 'pass --corpus-dir (../shared/eval/ner of the project)')
    sents, spans = read_sents(a.corpus_dir)
    # where each key starts (any clitic reading of the first word)
    at = collections.defaultdict(list)
    for si, s in enumerate(sents):
        for i, (k, _, _) in enumerate(s):
            for st in set(stems(k)):
                at[st].append((si, i))

    def stat(words):
        n = org = 0
        for si, i in at.get(words[0], []):
            s = sents[si]
            if i + len(words) <= len(s) and all(s[i + j][0] == words[j] for j in range(1, len(words))):
                n += 1
                org += all(s[i + j][2] for j in range(len(words)))
        return n, org

    span_keys = collections.Counter(' '.join(key(w) for w in sp) for sp in spans)
    curated = names_of(os.path.join(DATA, 'orgs.tsv'))
    other = {}
    for f in ('countries.tsv', 'cities.tsv', 'places.tsv', 'nationalities.tsv'):
        other.update(names_of(os.path.join(DATA, f)))
    persons = set(names_of(os.path.join(DATA, 'given_names.tsv'))) | set(names_of(os.path.join(DATA, 'family_names.tsv')))
    heads = set(names_of(os.path.join(DATA, 'org_heads.tsv')))
    ordinary = set(names_of(os.path.join(DATA, 'common_words.tsv')))
    surfaces = collections.defaultdict(collections.Counter)
    for sp in spans:
        words = [key(w) for w in sp]
        if not all(WORD.match(w) for w in words):
            continue
        first = words[0]
        # the reading of the first word: the bare word, or without a clitic
        known = lambda w, rest: w in heads or ' '.join([w] + rest) in span_keys or ' '.join([w] + rest) in curated
        if first.startswith('لل') and len(first) > 4:
            # للجنة = ل + لجنة (a head), للأمم = ل + الأمم
            first = first[1:] if first[1:] in heads else 'ال' + first[2:]
        else:
            for pre in ('وب', 'ول', 'فب', 'فل', 'و', 'ف', 'ب', 'ل'):
                rest = first[len(pre):]
                if first.startswith(pre) and len(rest) >= 3 and (rest.startswith('ال') or known(rest, words[1:])):
                    first = rest
                    break
        words = [first] + words[1:]
        k = ' '.join(words)
        # the surface without the clitic: `للأمم` -> `الأمم`, `وحزب` -> `حزب`
        drop = len(first) - len(words[0])
        lead = sp[0]
        if first.startswith('لل') and words[0].startswith('ال') and drop in (0, 1):
            lead = lead[lead.index('ل', lead.index('ل') + 1) - 1:]
            lead = 'ا' + lead[1:]
        elif drop > 0:
            lead = lead[drop:]
        surfaces[k][' '.join([lead] + sp[1:])] += 1
    whole = collections.Counter()
    for k, forms in surfaces.items():
        whole[k] = sum(forms.values())
    rows = []
    for k, forms in surfaces.items():
        words = k.split(' ')
        letters = sum(len(w) for w in words)
        if letters < 3 or k in curated or k in other or k in heads or (len(words) == 1 and k in persons):
            continue
        # a head with the article alone is generic (spec rule 5: الهيئة، التنظيم)
        if k.startswith('ال') and (k[2:] in heads or 'ال' + k[2:] in heads):
            continue
        if words[0] in PARTICLES or words[-1] in PARTICLES or any(w in NOT_ORG for w in words):
            continue
        # annotation slips: a phrase running past the name (مجلس الأمن ضد الأسد), a word twice, a village
        if 'ضد' in words or len(set(words)) < len(words) or words[0] in PLACE_WORDS:
            continue
        # one word that the corpora and news also use as an ordinary word (الحرام)
        if len(words) == 1 and k in ordinary:
            continue
        # a person's full name inside a longer ORG layer (Wojood)
        if len(words) > 1 and words[0] in persons and words[0] not in heads:
            continue
        n, _ = stat(words)
        # the whole span, not a piece of a longer name, at least half of the times the words occur
        if n == 0 or whole[k] * 2 < n:
            continue
        # one word twice at least; a phrase seen once only when a head noun opens it (هيئة كبار العلماء)
        if whole[k] < 2 and (len(words) == 1 or words[0] not in heads):
            continue
        name = forms.most_common(1)[0][0]
        rows.append((k, 'ORG', name, '', 'src=corpus'))
    rows.sort()
    print('# generated by: python3 scripts/lexicon/gen_orgs_corpus.py > data/orgs_corpus.tsv')
    print('# ORG names of the NER training text (ANERcorp first five sixths, CC BY-SA 4.0; Wojood train, MIT):')
    print('# src=corpus: the tagger leaves them out of its features and of the rules it trains with.')
    print('key\ttype\tname\tenglish\tattrs')
    for r in rows:
        print('\t'.join(r))


if __name__ == '__main__':
    main()
