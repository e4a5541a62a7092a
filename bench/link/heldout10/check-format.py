#!/usr/bin/env python3
"""Checks that the heldout10 files agree with each other and with the
shapes they claim.  Exit 0 when they do, 1 with one line per problem."""
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_lib as L  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
errs = []


def err(msg):
    errs.append(msg)


def load(name):
    try:
        with open(os.path.join(HERE, name), encoding='utf-8') as f:
            return json.load(f)
    except Exception as e:
        err('%s: %s' % (name, e))
        return None


def load_nd(name):
    out = []
    with open(os.path.join(HERE, name), encoding='utf-8') as f:
        for i, line in enumerate(f, 1):
            try:
                out.append(json.loads(line))
            except Exception as e:
                err('%s:%d: %s' % (name, i, e))
    return out


RFC3339 = re.compile(r'^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$')
E164 = re.compile(r'^\+[1-9]\d{6,14}$')
CHANNELS = {'email', 'amazon', 'ebay', 'instagram', 'facebook'}
LANGS = {'en', 'de', 'fr', 'it', 'es'}


def domain_ok(dom):
    dom = dom.lower().rstrip('.')
    labels = dom.split('.')
    if 'example' in labels:
        return True
    for ok in ('gmail.com', 'googlemail.com', 'members.ebay.com'):
        if dom == ok or dom.endswith('.' + ok):
            return True
    return re.search(r'(^|\.)marketplace\.amazon\.[a-z.]+$', dom) is not None


def walk(v, path, fn):
    if isinstance(v, dict):
        for k, x in v.items():
            walk(x, path + [k], fn)
    elif isinstance(v, list):
        for i, x in enumerate(v):
            walk(x, path + [i], fn)
    else:
        fn(path, v)


def scan(name, doc):
    def fn(path, v):
        key = path[-1] if path else None
        if isinstance(v, str):
            for m in L.RE_MAIL.finditer(v):
                if not domain_ok(m.group(0).split('@')[1]):
                    err('%s: %s: address outside the example domains: %s' % (name, path, m.group(0)))
        if key in ('phone', 'phoneNumber', 'phones') and v is not None:
            if not (isinstance(v, str) and E164.match(v)):
                err('%s: %s: not an E.164 phone: %r' % (name, path, v))
    walk(doc, [], fn)


orders = load('orders.json')
ebay = load('ebay-orders.json')
people = load('people.json')
records = load_nd('records.ndjson')
truth = load_nd('truth.ndjson')
if None in (orders, ebay, people):
    print('\n'.join(errs))
    sys.exit(1)
for n, d in (('orders.json', orders), ('ebay-orders.json', ebay), ('people.json', people)):
    scan(n, d)
for i, r in enumerate(records, 1):
    scan('records.ndjson:%d' % i, r)
for i, r in enumerate(truth, 1):
    scan('truth.ndjson:%d' % i, r)

# ---- Shopify orders
P = people['people']
shop = {}
cust_of = {}
names = set()
for o in orders.get('orders', []):
    n = o.get('name')
    for f in ('id', 'name', 'email', 'created_at', 'customer', 'billing_address',
              'shipping_address', 'line_items', 'fulfillments'):
        if f not in o:
            err('orders.json: %s: %s missing' % (n, f))
    if not re.match(r'^#120\d\d$', n or ''):
        err('orders.json: bad name %r' % n)
    if n in names:
        err('orders.json: %s twice' % n)
    names.add(n)
    if not RFC3339.match(o.get('created_at', '')) or not o['created_at'].startswith('2026-11'):
        err('orders.json: %s: created_at %r not November 2026' % (n, o.get('created_at')))
    c = o.get('customer') or {}
    if c.get('email') != o.get('email'):
        err('orders.json: %s: customer e-mail differs from the order e-mail' % n)
    for a in ('billing_address', 'shipping_address'):
        for f in ('first_name', 'last_name', 'name', 'address1', 'city', 'zip', 'country_code'):
            if f not in (o.get(a) or {}):
                err('orders.json: %s: %s.%s missing' % (n, a, f))
    for fu in o.get('fulfillments') or []:
        if not fu.get('tracking_number'):
            err('orders.json: %s: fulfilment without tracking' % n)
    buyer = people['shop_orders'].get(n)
    if buyer not in P:
        err('orders.json: %s: no buyer in people.json' % n)
    cid = c.get('id')
    if cid in cust_of and cust_of[cid] != buyer:
        err('orders.json: customer id %s used by two buyers' % cid)
    cust_of[cid] = buyer
    shop[n] = dict(buyer=buyer, email=o['email'], zip=o['billing_address']['zip'])
per_buyer = {}
for cid, b in cust_of.items():
    per_buyer.setdefault(b, set()).add(cid)
for b, ids in per_buyer.items():
    if len(ids) > 1:
        err('orders.json: buyer %s has several customer ids %s' % (b, sorted(ids)))
if set(people['shop_orders']) != names:
    err('people.json: shop_orders do not match orders.json')

# ---- eBay orders
EB = {}
for o in ebay.get('orders', []):
    oid = o.get('orderId', '')
    if not re.match(r'^\d{2}-\d{5}-\d{5}$', oid):
        err('ebay-orders.json: bad orderId %r' % oid)
    b = o.get('buyer') or {}
    if not b.get('username'):
        err('ebay-orders.json: %s: buyer.username missing' % oid)
    mail = (b.get('buyerRegistrationAddress') or {}).get('email', '')
    if not mail.endswith('@members.ebay.com'):
        err('ebay-orders.json: %s: buyer e-mail is not an eBay relay' % oid)
    if 'total' not in (o.get('pricingSummary') or {}):
        err('ebay-orders.json: %s: pricingSummary.total missing' % oid)
    pe = people['ebay_orders'].get(oid)
    if not pe or pe['username'] != b.get('username'):
        err('ebay-orders.json: %s: buyer differs from people.json' % oid)
    else:
        EB[oid] = pe
AM = {k: dict(buyer=v['buyer'], alias=v['alias']) for k, v in people['amazon_orders'].items()}
for k in AM:
    if not re.match(r'^\d{3}-\d{7}-\d{7}$', k):
        err('people.json: bad Amazon order id %r' % k)

# ---- records
ids = set()
prev = ''
for i, r in enumerate(records, 1):
    w = 'records.ndjson:%d' % i
    rid = r.get('id')
    if r.get('omni') != 1 or not isinstance(rid, str) or not rid:
        err('%s: not a ticket' % w)
        continue
    if rid in ids:
        err('%s: id %s twice' % (w, rid))
    ids.add(rid)
    ch = r.get('channel')
    if ch not in CHANNELS:
        err('%s: channel %r' % (w, ch))
    if r.get('store') != 'acme':
        err('%s: store %r' % (w, r.get('store')))
    msgs = r.get('messages') or []
    if len(msgs) != 1 or msgs[0].get('direction') != 'in' or msgs[0].get('author') != 'customer':
        err('%s: not one inbound customer message' % w)
        continue
    m = msgs[0]
    for f in ('created_at', 'updated_at'):
        if not RFC3339.match(r.get(f) or ''):
            err('%s: %s %r' % (w, f, r.get(f)))
    if m.get('at') != r.get('created_at'):
        err('%s: message time differs from created_at' % w)
    if not ('2026-11-20' <= r['created_at'][:10] <= '2026-12-07'):
        err('%s: %s outside late Nov - early Dec 2026' % (w, r['created_at']))
    if r['created_at'] < prev:
        err('%s: not in arrival order' % w)
    prev = r['created_at']
    s = r.get('source') or {}
    cu = r.get('customer') or {}
    hd = cu.get('handles') or {}
    if 'order_ids' in r and ch != 'amazon':
        err('%s: order_ids on a %s record' % (w, ch))
    if ch in ('email', 'amazon'):
        mid = s.get('message_id')
        if rid != 'support:%s' % mid or s.get('external_id') != mid:
            err('%s: id is not support:<Message-ID>' % w)
        refs = s.get('references') or []
        if ch == 'email':
            want = refs[0] if refs else (s.get('in_reply_to') or mid)
            if s.get('thread_key') != want:
                err('%s: thread_key is not first References / In-Reply-To / Message-ID' % w)
            if refs and s.get('in_reply_to') != refs[-1]:
                err('%s: In-Reply-To is not the last reference' % w)
        if cu.get('emails') != [m.get('from')]:
            err('%s: customer.emails is not message.from' % w)
        if m.get('from') != (m.get('from') or '').lower():
            err('%s: from not in lower case' % w)
        for f in ('path', 'url', 'in_reply_to', 'references', 'name'):
            if f not in s:
                err('%s: source.%s missing' % (w, f))
    if ch == 'amazon':
        al = hd.get('amazon', '')
        oids = r.get('order_ids') or []
        if not re.match(r'^[a-z0-9]{15}@marketplace\.amazon\.[a-z.]+$', al):
            err('%s: bad relay alias %r' % (w, al))
        if len(oids) != 1 or s.get('thread_key') != 'amazon:%s:%s' % (al, oids[0]):
            err('%s: Amazon thread_key/order_ids' % w)
        if cu.get('emails') != [al]:
            err('%s: relay alias is not the e-mail' % w)
    if ch in ('instagram', 'facebook'):
        mid = s.get('external_id')
        if rid != 'meta:%s' % mid or m.get('id') != mid:
            err('%s: id is not meta:<mid>' % w)
        if list(hd) != [ch]:
            err('%s: handles must be the sender id only' % w)
        if s.get('thread_key') != '%s:%s:%s' % (ch, s.get('page_id'), hd.get(ch)):
            err('%s: Meta thread_key' % w)
        if cu.get('emails') or cu.get('phones') or 'from' in m:
            err('%s: a DM has no address' % w)
    if ch == 'ebay':
        cid = s.get('external_id')
        if rid != 'ebay:%s' % cid or s.get('thread_key') != 'ebay:%s' % cid:
            err('%s: eBay id/thread_key' % w)
        if not hd.get('ebay'):
            err('%s: handles.ebay missing' % w)
        if not re.match(r'^ebay:[0-9a-f]{32}$', m.get('digest', '')):
            err('%s: digest' % w)
    if not (m.get('text') or '').strip():
        err('%s: empty text' % w)

# ---- truth
if len(truth) != len(records):
    err('truth.ndjson has %d lines, records.ndjson %d' % (len(truth), len(records)))
conv_person = {}
KEYS = ['id', 'person', 'conversation', 'orders', 'note', 'cases', 'lang']
for i, (r, t) in enumerate(zip(records, truth), 1):
    w = 'truth.ndjson:%d' % i
    if list(t) != KEYS:
        err('%s: members %s' % (w, list(t)))
        continue
    if t['id'] != r.get('id'):
        err('%s: id %s is not record %d\'s' % (w, t['id'], i))
    if t['person'] not in P:
        err('%s: person %s not in people.json' % (w, t['person']))
    if not re.match(r'^c\d+$', t['conversation']):
        err('%s: conversation %r' % (w, t['conversation']))
    if conv_person.setdefault(t['conversation'], t['person']) != t['person']:
        err('%s: conversation %s has two people' % (w, t['conversation']))
    if t['lang'] not in LANGS:
        err('%s: lang %r' % (w, t['lang']))
    if not isinstance(t['cases'], list) or not all(isinstance(c, str) for c in t['cases']):
        err('%s: cases' % w)
    texts = [r.get('subject') or ''] + [m.get('text') or '' for m in r.get('messages') or []]
    cands = L.candidates(texts + list(r.get('order_ids') or []))
    if sorted(cands) != sorted(t['orders']):
        err('%s: candidates %s, labelled %s' % (w, cands, sorted(t['orders'])))
    for k, v in t['orders'].items():
        if v not in ('own', 'not_own'):
            err('%s: %s labelled %r' % (w, k, v))

# ---- labels follow from the records, the orders and who wrote
conv_of = {}
metas = []
for t in truth:
    metas.append(dict(person=t['person'], conv=t['conversation'], cases=t['cases'],
                      lang=t['lang'], note=t['note']))
again = L.truth(records, metas, shop, AM, EB)
for i, (a, t) in enumerate(zip(again, truth), 1):
    if a['orders'] != t['orders']:
        err('truth.ndjson:%d: labels %s, recomputed %s' % (i, t['orders'], a['orders']))

if errs:
    print('\n'.join(errs))
    sys.exit(1)
print('ok: %d orders, %d eBay orders, %d records, %d people, %d conversations'
      % (len(names), len(EB), len(records), len(P), len(conv_person)))
if '--stats' in sys.argv:
    import collections
    c = collections.Counter(x for t in truth for x in t['cases'])
    print('cases:', ', '.join('%s %d' % kv for kv in sorted(c.items())))
    easy = {'follow_up', 'presale', 'new_matter', 'no_number', 'lost_headers'}
    print('records with a hard-case tag:', sum(1 for t in truth if set(t['cases']) - easy))
    print('records with a not_own label:', sum(1 for t in truth if 'not_own' in t['orders'].values()))
    print('labels:', dict(collections.Counter(v for t in truth for v in t['orders'].values())))
    print('records without candidate:', sum(1 for t in truth if not t['orders']))
    print('channels:', dict(collections.Counter(r['channel'] for r in records)))
    print('langs:', dict(collections.Counter(t['lang'] for t in truth)))
    print('people writing:', len(set(t['person'] for t in truth)))
