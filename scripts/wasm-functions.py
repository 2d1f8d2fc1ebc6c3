#!/usr/bin/env python3
"""Self instructions by JIT function, for scripts/wasm-functions.sh: a callgrind
profile (--dump-instr=yes) and V8's --perf-basic-prof map of the same run.
  wasm-functions.py CALLGRIND_OUT PERF_MAP  > {name: instructions} (JSON)"""
import sys, json, bisect, re
cg, pm = sys.argv[1], sys.argv[2]
ranges = []
for line in open(pm, errors='replace'):
    p = line.rstrip('\n').split(' ', 2)
    if len(p) < 3: continue
    try: a = int(p[0], 16); n = int(p[1], 16)
    except ValueError: continue
    name = p[2]
    name = re.sub(r'::h[0-9a-f]{16}', '', name)
    name = re.sub(r'-\d+-turbofan$', '', name)
    ranges.append((a, a + n, name))
ranges.sort()
starts = [r[0] for r in ranges]
def lookup(addr):
    i = bisect.bisect_right(starts, addr) - 1
    if i >= 0 and ranges[i][0] <= addr < ranges[i][1]: return ranges[i][2]
    return None
costs = {}
positions = None
last = []
skip_next = False
def parse_pos(tok, k):
    if tok == '*': return last[k]
    if tok[0] in '+-': return last[k] + int(tok)
    return int(tok, 16) if tok.startswith('0x') else int(tok)
other = 0
with open(cg, errors='replace') as f:
    for line in f:
        if line.startswith('positions:'):
            positions = line.split()[1:]
            last = [0] * len(positions)
            continue
        c = line[0] if line else ''
        if not line.strip(): continue
        if c.isdigit() or c in '+-*':
            toks = line.split()
            np_ = len(positions)
            pos = [parse_pos(toks[k], k) for k in range(np_)]
            last = pos
            cost = int(toks[np_]) if len(toks) > np_ else 0
            if skip_next:
                skip_next = False
                continue
            name = lookup(pos[0])
            if name is None:
                other += cost
            else:
                costs[name] = costs.get(name, 0) + cost
        elif line.startswith('calls='):
            skip_next = True
costs['(not JIT)'] = other
json.dump(costs, sys.stdout)
