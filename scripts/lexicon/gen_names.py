#!/usr/bin/env python3
"""Generate data/given_names.tsv and data/family_names.tsv.

Sources (see data/README.md for licences):
  - scripts/lexicon/given_names_curated.tsv, scripts/lexicon/family_names_curated.tsv (written here, CC0);
  - the npm package arabic-name-to-en@1.0.6 (ISC): its table of ~2,900 Arabic given names;
  - the PyPI package arabnamer==0.1.3 (data CC BY 4.0): English spellings, looked up in reverse;
  - PERS spans of ANERcorp (CC BY-SA 4.0; its first five sixths only, the last sixth is the
    held-out dev split, see nercorpus.py; --aner-all for all of it), Wojood (MIT) and AQMAR (CC BY-SA 3.0) in
    ../shared/eval/ner: first tokens of multi-token names -> given names, last tokens -> family names.
A name that the corpora mostly use as an ordinary word (tag O at least 3 times and more than twice
as often as inside a PERS span) gets `common=1`: the recognizer never takes it alone as a name.

Usage:
  npm install arabic-name-to-en@1.0.6 ; pip install arabnamer==0.1.3
  python3 scripts/lexicon/gen_names.py --npm DIR/node_modules/arabic-name-to-en --arabnamer SITE/arabnamer \
      [--corpus-dir ../shared/eval/ner] --out data
"""
import argparse
import collections
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
from arnorm import key, is_arabic  # noqa: E402
from nercorpus import conll_files, conll_lines  # noqa: E402

HERE = os.path.dirname(__file__)
PARTICLES = {key(w) for w in 'بن ابن بنت أبو ابو أبي ابي أم آل ال عبد الله الدين ولد ولد'.split()}
ORDINALS = {key(w) for w in 'الأول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر'
            ' الأكبر الأصغر الابن الأب'.split()}
MALE_IN_A = {key(w) for w in 'حمزة أسامة طلحة عبيدة معاوية عطية عكرمة ميسرة خليفة جمعة سلامة عقيلة'
             ' حسونة حمادة زكريا يحيى مصطفى موسى عيسى مرتضى مجتبى علاء ضياء براء بهاء وفاء'.split()}


def read_tsv(path):
    for line in open(path, encoding='utf-8'):
        if line.startswith('#') or not line.strip():
            continue
        yield line.rstrip('\n').split('\t')


def corpus(d, all_aner=False):
    """first-token and last-token counts of PERS spans, and O / PERS counts per key."""
    first, last, o, pers = (collections.Counter() for _ in range(4))
    for path in conll_files(d):
        cur = []
        spans = []
        for line in conll_lines(path, all_aner):
            p = line.split()
            if len(p) < 2:
                if cur:
                    spans.append(cur)
                cur = []
                continue
            tags = [t for t in p[1:] if t.endswith('-PERS') or t.endswith('-PER')]
            k = key(p[0])
            if tags:
                pers[k] += 1
            elif p[1] == 'O':
                o[k] += 1
            if tags and tags[0].startswith('B-'):
                if cur:
                    spans.append(cur)
                cur = [p[0]]
            elif tags and cur:
                cur.append(p[0])
            else:
                if cur:
                    spans.append(cur)
                cur = []
        if cur:
            spans.append(cur)
        for s in spans:
            if len(s) >= 2:
                first[s[0]] += 1
                last[s[-1]] += 1
    return first, last, o, pers


def strip_clitic(w, known, ordinary):
    """ANERcorp keeps و/ف/ب/ل attached: ومحمد -> محمد when the rest is a known name. Another
    corpus name that starts with و is the conjunction before a name (وجومانا مراد, وديفد
    تريزيغيه in a list of people): the rest is the name, or nothing when the rest is an ordinary
    word (`ordinary`); names that really start with و (وائل، وليد) are known from the curated
    and npm lists. Returns None for nothing."""
    if key(w) in known:
        return w
    if len(w) > 3 and w[0] in 'وفبل' and key(w[1:]) in known:
        return w[1:]
    # but W of a foreign name stays: وايت، ويلكس، ولفجانج (و + ا/ي/ل/و is kept unless ال follows)
    rest = key(w[1:])
    if len(w) >= 3 and w[0] == 'و' and (rest.startswith('ال') or rest[0] not in 'ايلو'):
        return None if ordinary(rest) else w[1:]
    return w


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--npm', required=True)
    ap.add_argument('--arabnamer', required=True)
    ap.add_argument('--corpus-dir', default=os.path.join(HERE, '../../../shared/eval/ner'))
    ap.add_argument('--aner-all', action='store_true',
                    help='read all of anercorp-train.txt (default: its first five sixths, see nercorpus.py)')
    ap.add_argument('--out', default=os.path.join(HERE, '../../data'))
    a = ap.parse_args()

    rev = {}
    for en, ar in json.load(open(os.path.join(a.arabnamer, 'data', 'dict_FINAL.json'), encoding='utf-8')).items():
        rev.setdefault(key(ar), en.title())
    if os.path.isdir(a.corpus_dir):
        first, last, o, pers = corpus(a.corpus_dir, a.aner_all)
    else:
        print(f'note: {a.corpus_dir} missing: corpus names and common-word flags left out', file=sys.stderr)
        first, last, o, pers = (collections.Counter() for _ in range(4))

    def common(k):
        # علي: the contract folds the preposition على into it; the recognizer tells them apart by
        # the surface letter ى, so the corpus count of على must not flag the name.
        return k != 'علي' and o[k] >= 3 and o[k] > 2 * pers[k]

    # title words (لواء، أمير، رئيس) are not given names even if a name table lists them
    titles = {key(r[0]) for r in read_tsv(os.path.join(HERE, 'src', 'titles.tsv')) if r[0] != 'name'}
    given = {}  # key -> [name, english, gender, gsrc, src]
    for name, g, en in read_tsv(os.path.join(HERE, 'given_names_curated.tsv')):
        if name == 'name':
            continue
        given.setdefault(key(name), [name, en, g, 'curated', 'curated'])
    npm_db = open(os.path.join(a.npm, 'cases', 'fullnamedb.js'), encoding='utf-8').read()
    for name, en in re.findall(r'^\s*"?([^\s:"]+)"?\s*:\s*"([^"]*)"', npm_db, re.M):
        if not is_arabic(name) or len(key(name)) < 2:
            continue
        k = key(name)
        if k in given or k in PARTICLES or k in titles or k.startswith('ال') or common(k):
            continue  # the npm table also holds ordinary words and titles; keep only name-like entries
        given[k] = [name, rev.get(k, en.title()), guess_gender(k), 'guess', 'npm']
    known = set(given)
    for w, n in first.items():
        w = strip_clitic(w, known, common)
        if w is None:
            continue
        k = key(w)
        if not is_arabic(w) or len(k) < 2 or k in PARTICLES or k in ORDINALS or k in titles or k in given:
            continue
        given[k] = [w, rev.get(k, ''), guess_gender(k), 'guess', 'corpus']

    family = {}
    for name, en in read_tsv(os.path.join(HERE, 'family_names_curated.tsv')):
        if name == 'name':
            continue
        family.setdefault(key(name), [name, en, 'curated'])
    for w, n in last.items():
        w = strip_clitic(w, known, common)
        if w is None:
            continue
        k = key(w)
        if not is_arabic(w) or len(k) < 3 or k in PARTICLES or k in ORDINALS or k in family:
            continue
        family[k] = [w, rev.get(k, ''), 'corpus']

    cmd = ('python3 scripts/lexicon/gen_names.py --npm node_modules/arabic-name-to-en '
           '--arabnamer site-packages/arabnamer --out data' + (' --aner-all' if a.aner_all else ''))
    aner = 'ANERcorp CC BY-SA 4.0' + ('' if a.aner_all else ' (first five sixths)')
    with open(os.path.join(a.out, 'given_names.tsv'), 'w', encoding='utf-8') as f:
        f.write(f'# generated by: {cmd}  (curated CC0; arabic-name-to-en@1.0.6 ISC; arabnamer==0.1.3 data '
                f'CC BY 4.0; {aner}, Wojood MIT, AQMAR CC BY-SA 3.0)\n')
        f.write('key\ttype\tname\tenglish\tattrs\n')
        for k in sorted(given):
            name, en, g, gsrc, src = given[k]
            attrs = f'part=given;g={g}' + (';gsrc=guess' if gsrc == 'guess' else '') + f';src={src}'
            if common(k):
                attrs += ';common=1'
            f.write(f'{k}\tPERS\t{name}\t{en}\t{attrs}\n')
    with open(os.path.join(a.out, 'family_names.tsv'), 'w', encoding='utf-8') as f:
        f.write(f'# generated by: {cmd}  (curated CC0; arabnamer==0.1.3 data CC BY 4.0; {aner}, '
                f'Wojood MIT, AQMAR CC BY-SA 3.0)\n')
        f.write('key\ttype\tname\tenglish\tattrs\n')
        for k in sorted(family):
            name, en, src = family[k]
            attrs = f'part=family;src={src}'
            if common(k):
                attrs += ';common=1'
            f.write(f'{k}\tPERS\t{name}\t{en}\t{attrs}\n')
    print(f'given {len(given)} family {len(family)}', file=sys.stderr)


def guess_gender(k):
    """Feminine endings (ة ا ء ى, normalized) mark a woman's name unless the name is a known male one."""
    if k in MALE_IN_A:
        return 'm'
    return 'f' if k.endswith(('ه', 'اء')) and len(k) > 2 else 'm'


if __name__ == '__main__':
    main()
