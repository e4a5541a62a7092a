#!/usr/bin/env python3
"""report-check.py FORMAT TICKETS [--by F,..] [--since T] [--until T] [--now T]

Computes the figures of omni-report(1), "Figures", for TICKETS on its
own (plain Python, nothing shared with omni-report), reads omni-report's
output in FORMAT (json, csv, markdown, table, prometheus) on stdin, and
prints every figure that differs.  Exit 0 when all agree, 1 otherwise."""
import csv
import io
import json
import math
import re
import sys
from collections import defaultdict
from datetime import datetime

WEEK = 7 * 24 * 3600 * 1000


def ms(s):
    if s is None:
        return None
    return int(round(datetime.fromisoformat(s.replace('Z', '+00:00')).timestamp() * 1000))


def rnd(x, places):
    # as C's round(): half away from zero, on the same double
    f = 10 ** places
    return math.copysign(math.floor(abs(x * f) + 0.5), x * f) / f


def args():
    a = {'format': sys.argv[1], 'file': sys.argv[2], 'by': 'channel,store',
         'since': None, 'until': None, 'now': None}
    rest = sys.argv[3:]
    for i in range(0, len(rest), 2):
        a[rest[i].lstrip('-')] = rest[i + 1]
    a['by'] = [f for f in a['by'].split(',') if f]
    return a


def latest(path):
    keep, order = {}, []
    with open(path, encoding='utf-8') as fh:
        for line in fh:
            if not line.strip():
                continue
            t = json.loads(line)
            u = ms(t.get('updated_at')) or -2**63
            old = keep.get(t['id'])
            if old is None:
                order.append(t['id'])
            if old is None or u >= old[0]:
                keep[t['id']] = (u, t)
    return [keep[i][1] for i in order]


def response(t):
    msgs = t.get('messages') or []
    ins = [ms(m['at']) for m in msgs if m.get('direction') == 'in'
           and m.get('author') in (None, 'customer') and m.get('at')]
    outs = [ms(m['at']) for m in msgs if m.get('direction') == 'out'
            and m.get('author') in ('agent', 'bot') and m.get('at')]
    first_in = min(ins) if ins else None
    later = [o for o in outs if first_in is not None and o >= first_in]
    return first_in, (min(later) if later else None), len(outs)


def by_person(t, first_in):
    """The first reply by a person at or after first_in (a message whose
    author is agent, or the desk's answer), and the handling time: over
    the desk's answers, the sum of the time from the answerer's first
    action since the previous answer to the answer; None without one."""
    times = [ms(m['at']) for m in t.get('messages') or [] if m.get('direction') == 'out'
             and m.get('author') == 'agent' and m.get('at')]
    handling, since = None, []
    for a in (t.get('desk') or {}).get('actions') or []:
        if not isinstance(a.get('who'), str) or not a.get('at'):
            continue
        since.append(a)
        if a.get('verb') != 'answer':
            continue
        times.append(ms(a['at']))
        mine = [ms(b['at']) for b in since if b['who'] == a['who']]
        handling = (handling or 0) + ms(a['at']) - min(mine)
        since = []
    later = [x for x in times if first_in is not None and x >= first_in]
    return (min(later) if later else None), handling


def field(t, f):
    """A --by field's value; a person's assignee (desk) over routing's."""
    if f == 'assignee' and isinstance((t.get('desk') or {}).get('assignee'), str):
        return t['desk']['assignee']
    return t.get(f)


def stat(values):
    n = len(values)
    if not n:
        return {'count': 0, 'mean': None, 'p50': None, 'p90': None}
    v = sorted(values)
    rank = lambda num, den: v[max(1, -(-num * n // den)) - 1]
    return {'count': n, 'mean': rnd(sum(values) / n / 60000, 2),
            'p50': rnd(rank(1, 2) / 60000, 2), 'p90': rnd(rank(9, 10) / 60000, 2)}


def share(n, d):
    return rnd(n / d, 4) if d else None


def expected(a):
    tickets = latest(a['file'])
    now = ms(a['now'])
    since, until = ms(a['since']), ms(a['until'])
    win = lambda t: (since is None and until is None) or (
        t is not None and (since is None or t >= since) and (until is None or t < until))
    created_by_customer = defaultdict(list)
    for t in tickets:
        c = (t.get('customer') or {}).get('id')
        if isinstance(c, str) and t.get('created_at'):
            created_by_customer[c].append(ms(t['created_at']))
    groups = defaultdict(lambda: defaultdict(list))
    for t in tickets:
        key = tuple(field(t, f) if field(t, f) is None or isinstance(field(t, f), str)
                    else json.dumps(field(t, f)) for f in a['by'])
        created, solved = ms(t.get('created_at')), ms(t.get('solved_at'))
        first_in, reply, outs = response(t)
        person, handling = by_person(t, first_in)
        for g in (key, 'total'):
            d = groups[g]
            if win(created):
                d['tickets'].append(1)
                if first_in is not None and reply is not None:
                    d['frt'].append(reply - first_in)
                elif first_in is not None:
                    d['unanswered'].append(1)
                if first_in is not None and person is not None:
                    d['frt_person'].append(person - first_in)
                if handling is not None:
                    d['handling'].append(handling)
                due = ms((t.get('sla') or {}).get('first_response_due'))
                if first_in is not None and due is not None:
                    if reply is not None:
                        d['sla'].append(reply <= due)
                    elif now > due:
                        d['sla'].append(False)
                d['wismo'].append(t.get('intent') == 'wismo')
                orders = t.get('orders') or []
                if orders:
                    d['refund'].append(any(o.get('refunds') for o in orders))
                for o in orders:
                    for r in o.get('refunds') or []:
                        d['reason:' + (r.get('reason') if isinstance(r.get('reason'), str) else 'unknown')].append(1)
                    fs = o.get('fulfillments') or []
                    if fs:
                        d['late'].append(any(f.get('status') == 'exception' or (
                            f.get('delivered_at') and f.get('estimated_at') and
                            ms(f['delivered_at']) > ms(f['estimated_at'])) for f in fs))
                cs = t.get('csat') or {}
                if isinstance(cs.get('score'), (int, float)):
                    scale = cs.get('scale') if isinstance(cs.get('scale'), (int, float)) and cs['scale'] > 0 else 5
                    d['csat'].append(cs['score'] >= 0.8 * scale - 1e-9)
                c = (t.get('customer') or {}).get('id')
                hist = [ms(h.get('created_at')) for h in t.get('history') or [] if h.get('created_at')]
                before = [x for x in created_by_customer.get(c, []) + hist
                          if created is not None and x < created and x >= created - WEEK]
                d['repeat'].append(bool(before))
            if solved is not None and win(solved):
                d['solved_one'].append(outs == 1)
                r = t.get('reopens')
                d['reopened'].append(isinstance(r, (int, float)) and r > 0)
                if created is not None:
                    d['res'].append(solved - created)
    out = {}
    for g, d in groups.items():
        if not d['tickets'] and not d['solved_one']:
            continue
        f = {'tickets': len(d['tickets']), 'first_response_min': stat(d['frt']),
             'unanswered': len(d['unanswered']), 'resolution_min': stat(d['res']),
             'sla_compliance': share(sum(d['sla']), len(d['sla'])),
             'wismo_share': share(sum(d['wismo']), len(d['wismo'])),
             'late_delivery_share': share(sum(d['late']), len(d['late'])),
             'refund_rate': share(sum(d['refund']), len(d['refund'])),
             'refund_reasons': {k[7:]: len(v) for k, v in d.items() if k.startswith('reason:') and v},
             'csat': share(sum(d['csat']), len(d['csat'])),
             'one_touch_share': share(sum(d['solved_one']), len(d['solved_one'])),
             'reopen_rate': share(sum(d['reopened']), len(d['reopened'])),
             'repeat_contacts': sum(d['repeat']),
             'first_response_person_min': stat(d['frt_person']),
             'handling_min': stat(d['handling'])}
        out[g] = f
    return out


def flat(f):
    r = {}
    for k, v in f.items():
        if isinstance(v, dict) and k != 'refund_reasons':
            for s, x in v.items():
                r[k + '_' + s] = x
        else:
            r[k] = v
    return r


def from_json(text, a):
    doc = json.loads(text)
    got = {tuple(g['group'][f] for f in a['by']): g for g in doc['groups']}
    got['total'] = doc['total']
    return {k: flat({n: v for n, v in g.items() if n not in ('group', 'period')})
            for k, g in got.items()}


def num(s):
    if s in ('', '-'):
        return None
    s = s.rstrip('%')
    return float(s)


def from_csv(text, a):
    rows = list(csv.DictReader(io.StringIO(text, newline='')))
    got = {}
    for r in rows:
        key = tuple(r[f] or None for f in a['by'])
        if key and key[0] == 'total' and all(k is None for k in key[1:]):
            key = 'total'
        f = {}
        for k, v in r.items():
            if k in a['by']:
                continue
            if k == 'refund_reasons':
                f[k] = {p.rsplit(': ', 1)[0]: int(p.rsplit(': ', 1)[1]) for p in v.split('; ') if p}
            else:
                f[k] = num(v)
        got[key] = f
    return got


COLS = ['tickets', 'first_response_min_count', 'first_response_min_mean',
        'first_response_min_p50', 'first_response_min_p90', 'unanswered',
        'resolution_min_count', 'resolution_min_mean', 'resolution_min_p50',
        'resolution_min_p90', 'sla_compliance', 'wismo_share', 'late_delivery_share',
        'refund_rate', 'csat', 'one_touch_share', 'reopen_rate', 'repeat_contacts',
        'first_response_person_min_count', 'first_response_person_min_mean',
        'first_response_person_min_p50', 'first_response_person_min_p90',
        'handling_min_count', 'handling_min_mean', 'handling_min_p50', 'handling_min_p90']


TIME_COLS = [c for c in COLS if c.endswith(('_mean', '_p50', '_p90'))]
HOURS = set()   # the time columns the table shows in hours


def from_rows(text, a, markdown):
    got = {}
    for line in text.splitlines():
        units = re.findall(r'\((?:business )?(min|h)\)', line)
        if units:
            # the header: each time column's unit, in order
            HOURS.update(c for c, u in zip(TIME_COLS, units) if u == 'h')
            continue
        if line.startswith('| refund reason |') or line == 'refund reasons':
            break
        if markdown:
            if not line.startswith('| ') or line.startswith('|---'):
                continue
            # a group's value comes backslash-escaped
            cells = [re.sub(r'\\(.)', r'\1', c.strip())
                     for c in line.strip().strip('|').split('|')]
        else:
            if not line or line.startswith(' '):
                continue
            cells = line.split()
        if cells[0] == a['by'][0]:
            continue
        if cells[0] == 'total':
            key, vals = 'total', cells[len(a['by']) if markdown else 1:]
        else:
            key, vals = tuple(None if c == '-' else c for c in cells[:len(a['by'])]), cells[len(a['by']):]
        f = {}
        for c, v in zip(COLS, vals):
            x = num(v)
            f[c] = None if x is None else (x / 100 if v.endswith('%') else
                                           x * 60 if c in HOURS else x)
        got[key] = f
    return got


PROM = {'tickets': 'tickets', 'unanswered_tickets': 'unanswered',
        'sla_compliance_ratio': 'sla_compliance', 'wismo_ratio': 'wismo_share',
        'late_delivery_ratio': 'late_delivery_share', 'refund_ratio': 'refund_rate',
        'csat_ratio': 'csat', 'one_touch_ratio': 'one_touch_share', 'reopen_ratio': 'reopen_rate',
        'repeat_contacts': 'repeat_contacts'}


def from_prometheus(text, a):
    got = defaultdict(dict)
    sums = defaultdict(dict)
    for line in text.splitlines():
        if line.startswith('#'):
            continue
        m = re.match(r'omni_report_(\w+)(?:\{(.*)\})? (\S+)$', line)
        labels = dict(re.findall(r'(\w+)="((?:[^"\\]|\\.)*)"', m.group(2) or ''))
        key = tuple(labels.get(f) or None for f in a['by']) if a['by'] else 'total'
        name, v = m.group(1), float(m.group(3))
        t = re.match(r'(first_response_person|first_response|handling|resolution)_seconds(_sum|_count)?$',
                     name)
        if name == 'refunds':
            got[key].setdefault('refund_reasons', {})[labels['reason']] = int(v)
        elif t and t.group(2) == '_count':
            got[key][t.group(1) + '_min_count'] = v
        elif t and t.group(2) == '_sum':
            sums[key][t.group(1)] = v
        elif t:
            q = {'0.5': 'p50', '0.9': 'p90'}[labels['quantile']]
            got[key][t.group(1) + '_min_' + q] = rnd(v / 60, 2)
        else:
            got[key][PROM[name]] = v
    for key, d in sums.items():
        for f, total in d.items():
            n = got[key].get(f + '_min_count')
            if n:
                got[key][f + '_min_mean'] = rnd(total / n / 60, 2)
    return got


def close(x, y, tol):
    if x is None or y is None:
        return x is None and y is None
    return abs(x - y) <= tol


def main():
    a = args()
    text = sys.stdin.read()
    fmt = a['format']
    got = {'json': from_json, 'csv': from_csv, 'prometheus': from_prometheus}.get(fmt)
    got = got(text, a) if got else from_rows(text, a, fmt == 'markdown')
    want = {k: flat(v) for k, v in expected(a).items()}
    if fmt == 'prometheus' and a['by']:
        del want['total']      # grouped: the groups alone, no unlabelled total
    bad = 0
    if set(got) != set(want):
        print('groups differ: got', sorted(map(str, got)), 'want', sorted(map(str, want)))
        bad += 1
    for k in want:
        for name, w in want[k].items():
            g = got.get(k, {}).get(name, None)
            if fmt in ('table', 'markdown', 'prometheus') and name == 'refund_reasons':
                continue
            if fmt == 'prometheus' and w is None:
                continue       # a null is no sample
            if name == 'refund_reasons':
                ok = (g or {}) == w
            else:
                # the table shows minutes with one decimal and shares as percent
                tol = 0.051 if fmt in ('table', 'markdown') else 1e-9
                tol = 0.051 * 60 if name in HOURS else tol
                tol = 0.00051 if fmt in ('table', 'markdown') and name in (
                    'sla_compliance', 'wismo_share', 'late_delivery_share', 'refund_rate',
                    'csat', 'one_touch_share', 'reopen_rate') else tol
                ok = close(g, w, tol)
            if not ok:
                print(f'{k} {name}: omni-report {g}, expected {w}')
                bad += 1
    sys.exit(1 if bad else 0)


main()
