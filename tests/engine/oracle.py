#!/usr/bin/env python3
"""oracle.py: an independent, slow, exact (fractions) reading of
spec/commission-calc.md section 2, for differential testing of
ticheng-calc on small generated inputs.  make check runs it through
calc-oracle.sh; by hand: tests/engine/oracle.py BUILD_DIR [SEEDS]."""
import csv, io, json, random, subprocess, sys, tempfile, os
from fractions import Fraction as F

def rnd_half_away(x, unit=F(1, 100)):
    q = x / unit
    n = abs(q)
    r = int(n) + (1 if n - int(n) >= F(1, 2) else 0)
    return (r if q >= 0 else -r) * unit

def money(x):
    v = rnd_half_away(x)
    c = int(v * 100)
    s = '-' if c < 0 else ''
    c = abs(c)
    return '%s%d.%02d' % (s, c // 100, c % 100)

def qty(x):
    v = rnd_half_away(x, F(1, 1000))
    m = int(v * 1000)
    s = '-' if m < 0 else ''
    m = abs(m)
    t = '%d.%03d' % (m // 1000, m % 1000)
    t = t.rstrip('0').rstrip('.')
    return s + t

def dec(s):
    return F(s)

def pct(s):
    return F(s[:-1]) / 100

def period_of(kind, d):
    y, m = int(d[:4]), int(d[5:7])
    if kind == 'quarter':
        return (y, (m - 1) // 3)
    if kind == 'year':
        return (y, 0)
    return (y, m - 1)

def label(kind, p):
    y, i = p
    if kind == 'quarter':
        return '%04d-Q%d' % (y, i + 1)
    if kind == 'year':
        return '%04d' % y
    return '%04d-%02d' % (y, i + 1)

def largest_remainder(T, ws, keys):
    W = sum(ws)
    if W == 0:
        return [0] * len(ws)
    exact = [F(T) * w / W for w in ws]
    fl = [x.numerator // x.denominator for x in exact]
    k = T - sum(fl)
    order = sorted(range(len(ws)), key=lambda i: (-(exact[i] - fl[i]), keys[i]))
    for i in order[:k]:
        fl[i] += 1
    return fl

def calc(plans, orders, payments, targets):
    vers = sorted(plans, key=lambda v: v['effective_from'])
    kind = vers[0].get('period', 'month')
    def ver_at(d):
        for i, v in enumerate(vers):
            if v['effective_from'] <= d and (('effective_to' not in v) or d <= v['effective_to']):
                return i
        return None
    def pick(v, row):
        best = None
        for idx, r in enumerate(v['rules']):
            m = r.get('match', {})
            if all(row.get(k, '') != '' and row.get(k) == val for k, val in m.items()):
                key = (-r.get('priority', 0), -len(m), idx)
                if best is None or key < best[0]:
                    best = (key, idx)
        return None if best is None else best[1]
    rows = []
    for r in orders:
        if r.get('status', '') == 'cancelled':
            continue
        reps = []
        for part in r['rep'].split('|'):
            if ':' in part:
                n, s = part.split(':')
                reps.append((n, F(s) / 100))
            else:
                reps.append((part, F(1)))
        vi = ver_at(r['date'])
        ri = None if vi is None else pick(vers[vi], r)
        rows.append(dict(r, reps=reps, vi=vi, ri=ri, lineno=int(r.get('line') or 1)))
    items = []  # (rep, period, date, order, line, pid, vi, ri, base, sales)
    for r in rows:
        for n, s in r['reps']:
            if r['ri'] is None:
                items.append([n, period_of(kind, r['date']), r['date'], r['order_id'], r['lineno'], '', None, None, F(0), F(0)])
                continue
            rule = vers[r['vi']]['rules'][r['ri']]
            b = rule['base']
            if b == 'collected':
                continue
            amt = dec(r['amount'])
            val = {'amount': amt, 'margin': amt - (dec(r['cost']) if r.get('cost') else 0), 'quantity': dec(r['quantity'])}[b]
            items.append([n, period_of(kind, r['date']), r['date'], r['order_id'], r['lineno'], '', r['vi'], r['ri'], s * val, s * amt])
    byorder = {}
    for r in rows:
        byorder.setdefault(r['order_id'], []).append(r)
    pays = sorted(payments, key=lambda p: (p['order_id'], p['date'], p['payment_id'].encode()))
    state = {}
    for p in pays:
        lines = sorted(byorder.get(p['order_id'], []), key=lambda r: r['lineno'])
        A = sum(int(dec(r['amount']) * 100) for r in lines)
        if not lines or A == 0:
            continue
        raw, cred = state.get(p['order_id'], (0, 0))
        raw += int(dec(p['amount']) * 100)
        nxt = min(max(raw, 0), A) if A > 0 else min(max(raw, A), 0)
        delta = nxt - cred
        state[p['order_id']] = (raw, nxt)
        if delta == 0:
            continue
        parts = largest_remainder(delta, [int(dec(r['amount']) * 100) for r in lines], list(range(len(lines))))
        for r, part in zip(lines, parts):
            if r['ri'] is None or vers[r['vi']]['rules'][r['ri']]['base'] != 'collected':
                continue
            for n, s in r['reps']:
                v = s * F(part, 100)
                items.append([n, period_of(kind, p['date']), p['date'], r['order_id'], r['lineno'], p['payment_id'], r['vi'], r['ri'], v, v])
    tg = {}
    for t in targets:
        tg[(t['rep'], t['period'])] = dec(t['amount'])
    items.sort(key=lambda it: (it[0].encode(), it[1], it[2], it[3].encode(), it[4], it[5].encode()))
    summary, outlines = [], []
    i = 0
    while i < len(items):
        j = i
        while j < len(items) and items[j][0] == items[i][0] and items[j][1] == items[i][1]:
            j += 1
        grp = items[i:j]
        rep, per = grp[0][0], grp[0][1]
        S = sum(it[9] for it in grp)
        B = {}
        for it in grp:
            if it[7] is not None:
                B[(it[6], it[7])] = B.get((it[6], it[7]), 0) + it[8]
        comm = {}
        for (vi, ri), b in B.items():
            rule = vers[vi]['rules'][ri]
            if 'rate' in rule:
                c = b * pct(rule['rate'])
            elif 'per_unit' in rule:
                c = b * dec(rule['per_unit'])
            else:
                bands = rule['tiers']['bands']
                if b < 0:
                    c = b * pct(bands[0]['rate'])
                elif rule['tiers']['mode'] == 'marginal':
                    c, prev = F(0), F(0)
                    for bd in bands:
                        up = dec(bd['upto']) if 'upto' in bd else None
                        hi = b if up is None else min(b, up)
                        if hi > prev:
                            c += (hi - prev) * pct(bd['rate'])
                        if up is None:
                            break
                        prev = up
                else:
                    c = None
                    for bd in bands:
                        if 'upto' not in bd or b <= dec(bd['upto']):
                            c = b * pct(bd['rate'])
                            break
            comm[(vi, ri)] = c
        C = sum(comm.values())
        first = {'month': '%04d-%02d-01' % (per[0], per[1] + 1), 'quarter': '%04d-%02d-01' % (per[0], per[1] * 3 + 1), 'year': '%04d-01-01' % per[0]}[kind]
        pv = ver_at(first)
        t = tg.get((rep, label(kind, per)))
        mult, bonus = F(1), F(0)
        if t is not None and pv is not None:
            for a in sorted(vers[pv].get('accelerators', []), key=lambda a: pct(a['attainment'])):
                if S / t >= pct(a['attainment']):
                    mult = dec(a['multiplier'])
            for a in sorted(vers[pv].get('bonuses', []), key=lambda a: pct(a['attainment'])):
                if S / t >= pct(a['attainment']):
                    bonus = dec(a['amount'])
        M = C * mult
        if pv is not None and 'cap' in vers[pv] and M > dec(vers[pv]['cap']):
            M = dec(vers[pv]['cap'])
        P = rnd_half_away(M)
        summary.append('%s,%s,%s,%s,%s,%s,%s,%s' % (rep, label(kind, per), money(S), money(t) if t is not None else '', money(S / t * 100) if t is not None else '', money(P), money(bonus), money(P + bonus)))
        rk = sorted(comm.keys())
        rparts = dict(zip(rk, largest_remainder(int(P * 100), [comm[k] for k in rk], list(range(len(rk))))))
        share = {}
        for k in rk:
            idx = [n for n, it in enumerate(grp) if (it[6], it[7]) == k]
            for n, v in zip(idx, largest_remainder(rparts[k], [grp[n][8] for n in idx], list(range(len(idx))))):
                share[n] = v
        for n, it in enumerate(grp):
            if it[7] is None:
                outlines.append('%s,%s,%s,%d,%s,,,,0.00' % (rep, label(kind, per), it[3], it[4], it[5]))
            else:
                rule = vers[it[6]]['rules'][it[7]]
                bv = qty(it[8]) if rule['base'] == 'quantity' else money(it[8])
                outlines.append('%s,%s,%s,%d,%s,%s,%s,%s,%s' % (rep, label(kind, per), it[3], it[4], it[5], rule['id'], rule['base'], bv, money(F(share[n], 100))))
        i = j
    return summary, outlines

def gen(seed):
    R = random.Random(seed)
    kind = R.choice(['month', 'month', 'quarter', 'year'])
    starts = {'month': ['2026-01-01', '2026-07-01'], 'quarter': ['2026-01-01', '2026-07-01'], 'year': ['2025-01-01', '2026-01-01']}[kind]
    ends = {'month': '2026-06-30', 'quarter': '2026-06-30', 'year': '2025-12-31'}[kind]
    def rate():
        return R.choice(['1%', '2.5%', '3.3333%', '0.0125%', '10%', '7.75%'])
    def rule(i):
        b = R.choice(['amount', 'margin', 'quantity', 'collected'])
        r = {'id': 'r%d' % i, 'base': b}
        if R.random() < 0.6:
            r['match'] = {k: R.choice(['a', 'b']) for k in R.sample(['product_type', 'region', 'channel'], R.randint(1, 2))}
        if R.random() < 0.4:
            r['priority'] = R.randint(-1, 2)
        if b == 'quantity':
            r['per_unit'] = R.choice(['2.50', '0.07', '1'])
        elif R.random() < 0.5:
            r['rate'] = rate()
        else:
            r['tiers'] = {'mode': R.choice(['marginal', 'whole']), 'bands': [{'upto': '300', 'rate': rate()}, {'upto': '1000.5', 'rate': rate()}, {'rate': rate()}]}
        return r
    plans = []
    for v in range(2):
        p = {'plan': 'v%d' % v, 'period': kind, 'effective_from': starts[v], 'rules': [rule(i) for i in range(R.randint(1, 5))]}
        if R.random() < 0.6:
            catch = rule(9)
            catch.pop('match', None)
            catch['priority'] = -5
            p['rules'].append(catch)
        if v == 0:
            p['effective_to'] = ends
        if R.random() < 0.7:
            p['accelerators'] = [{'attainment': '80%', 'multiplier': '1.25'}, {'attainment': '100%', 'multiplier': R.choice(['1.5', '0.5', '2'])}]
        if R.random() < 0.5:
            p['cap'] = R.choice(['0', '50', '300.25'])
        if R.random() < 0.5:
            p['bonuses'] = [{'attainment': '90%', 'amount': '10'}]
        plans.append(p)
    reps = ['ann', 'bob', 'cy']
    orders = []
    for o in range(R.randint(1, 12)):
        d = '%s-%02d-%02d' % (R.choice(['2025'] + ['2026'] * 5) if kind != 'year' else R.choice(['2025', '2026']), R.randint(1, 12), R.randint(1, 28))
        rep = R.choice(reps) if R.random() < 0.7 else '%s:%s|%s:%s' % ('ann', '33.3333', 'bob', '66.6667')
        for l in range(R.randint(1, 3)):
            amt = R.randint(-5000, 150000) * (1 if R.random() < 0.9 else -1)
            orders.append({'order_id': 'O%d' % o, 'line': str(l + 1), 'date': d, 'rep': rep,
                           'product_type': R.choice(['a', 'b', '']), 'region': R.choice(['a', 'b']), 'channel': R.choice(['a', 'b']),
                           'quantity': '%d.%03d' % (R.randint(0, 9), R.randint(0, 999)), 'amount': '%d.%02d' % (amt // 100, amt % 100) if amt >= 0 else '-%d.%02d' % ((-amt) // 100, (-amt) % 100),
                           'cost': '%d.%02d' % (R.randint(0, 20), R.randint(0, 99)), 'status': 'cancelled' if R.random() < 0.05 else 'booked'})
    payments = []
    for k in range(R.randint(0, 15)):
        o = R.choice(orders)
        a = R.randint(-20000, 200000)
        payments.append({'payment_id': 'P%d' % R.randint(0, 10**6) + str(k), 'order_id': o['order_id'],
                         'date': '%s-%02d-%02d' % (R.choice(['2025', '2026']), R.randint(1, 12), R.randint(1, 28)),
                         'amount': ('-' if a < 0 else '') + '%d.%02d' % (abs(a) // 100, abs(a) % 100)})
    targets = []
    seen = set()
    for k in range(R.randint(0, 6)):
        rep = R.choice(reps)
        y = R.choice([2025, 2026])
        lab = {'month': '%d-%02d' % (y, R.randint(1, 12)), 'quarter': '%d-Q%d' % (y, R.randint(1, 4)), 'year': '%d' % y}[kind]
        if (rep, lab) in seen:
            continue
        seen.add((rep, lab))
        targets.append({'rep': rep, 'period': lab, 'amount': '%d.%02d' % (R.randint(1, 6000), R.randint(0, 99))})
    return plans, orders, payments, targets

def write_csv(path, rows, cols):
    with open(path, 'w', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(cols)
        for r in rows:
            w.writerow([r.get(c, '') for c in cols])

def main():
    calc_bin = os.path.join(sys.argv[1], 'ticheng-calc')
    seeds = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    bad = 0
    for seed in range(seeds):
        plans, orders, payments, targets = gen(seed)
        with tempfile.TemporaryDirectory() as d:
            args = [calc_bin]
            for i, p in enumerate(plans):
                fn = os.path.join(d, 'p%d.json' % i)
                json.dump(p, open(fn, 'w'))
                args += ['--plan', fn]
            write_csv(os.path.join(d, 'o.csv'), orders, ['order_id', 'line', 'date', 'rep', 'product_type', 'region', 'channel', 'quantity', 'amount', 'cost', 'status'])
            write_csv(os.path.join(d, 'p.csv'), payments, ['payment_id', 'order_id', 'date', 'amount'])
            write_csv(os.path.join(d, 't.csv'), targets, ['rep', 'period', 'amount'])
            args += ['--orders', os.path.join(d, 'o.csv'), '--payments', os.path.join(d, 'p.csv'), '--targets', os.path.join(d, 't.csv'), '--lines', os.path.join(d, 'l.csv')]
            r = subprocess.run(args, capture_output=True, text=True)
            if r.returncode != 0:
                print('seed %d: exit %d: %s' % (seed, r.returncode, r.stderr[:300]))
                bad += 1
                continue
            ws, wl = calc(plans, orders, payments, targets)
            gs = r.stdout.splitlines()[1:]
            gl = open(os.path.join(d, 'l.csv')).read().splitlines()[1:]
            if gs != ws or gl != wl:
                bad += 1
                print('seed %d differs' % seed)
                for a, b in zip(ws + ['-'] * 5, gs + ['-'] * 5):
                    if a != b:
                        print('  summary want %s\n          got  %s' % (a, b))
                        break
                for a, b in zip(wl + ['-'] * 5, gl + ['-'] * 5):
                    if a != b:
                        print('  lines want %s\n        got  %s' % (a, b))
                        break
    print('%d of %d seeds differ' % (bad, seeds))
    sys.exit(1 if bad else 0)

main()
