#!/usr/bin/env python3
"""Checks the files of this set.  python3 check-format.py ; exit 0 when all is well."""
import json, re, sys, os

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []
def err(msg): errors.append(msg)

# Keys labelled in truth.ndjson that are deliberately not in orders.json / ebay-orders.json.
ABSENT = {
    '#4000': 'a quantity (4000 paper cups), no such order',
    '#4096': 'mistyped order number, no such order',
    '#40062': 'mistyped order number (extra digit), no such order',
    '302-4417265-1183920': 'Amazon order, verified only through its relay thread',
    '171-8820417-6650328': 'Amazon order, verified only through its relay thread',
    '408-1197735-2046611': 'Amazon order, verified only through its relay thread',
    '405-3318802-7741920': 'Amazon order, verified only through its relay thread',
}
CHANNELS = {'email', 'instagram', 'facebook', 'amazon', 'ebay'}
LANGS = {'en', 'de', 'fr', 'es', 'it'}
TIME = re.compile(r'^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$')
AMZ = re.compile(r'(?<!\d)\d{3}-\d{7}-\d{7}(?!\d)')
EBAY = re.compile(r'(?<![\d-])\d{2}-\d{5}-\d{5}(?![\d-])')
SHOP = re.compile(r'(?<![\d\w])#?(40\d\d)(?!\d)|#(\d+)')

def candidates(text):
    out = AMZ.findall(text)
    t = AMZ.sub(' ', text)
    out += EBAY.findall(t)
    t = EBAY.sub(' ', t)
    out += ['#' + (a or b) for a, b in SHOP.findall(t)]
    return out

def load(name):
    try:
        with open(os.path.join(HERE, name), encoding='utf-8') as f:
            return json.load(f)
    except Exception as e:
        err(f'{name}: {e}'); return None

# ---- orders ----
orders = load('orders.json') or {'orders': []}
names = {}
need = ['id', 'name', 'number', 'order_number', 'email', 'contact_email', 'phone', 'customer', 'billing_address',
        'shipping_address', 'created_at', 'updated_at', 'financial_status', 'fulfillment_status', 'total_price',
        'currency', 'line_items', 'fulfillments']
if set(orders) != {'orders'}: err('orders.json: the page must be {"orders":[...]}')
for i, o in enumerate(orders['orders']):
    for k in need:
        if k not in o: err(f'orders.json: order {i}: {k} missing')
    n = o.get('order_number')
    if not isinstance(n, int) or not 4001 <= n <= 4075: err(f'orders.json: order {i}: order_number {n} out of #4001-#4075')
    if o.get('name') != f'#{n}': err(f'orders.json: order {i}: name {o.get("name")} does not match {n}')
    if o.get('name') in names: err(f'orders.json: {o.get("name")} twice')
    names[o.get('name')] = o
    if not re.fullmatch(r'\+\d{8,15}', o.get('phone') or ''): err(f'orders.json: {o.get("name")}: phone not E.164')
    c = o.get('customer') or {}
    for k in ('id', 'email', 'phone', 'first_name', 'last_name'):
        if k not in c: err(f'orders.json: {o.get("name")}: customer.{k} missing')
    for a in ('billing_address', 'shipping_address'):
        if not (o.get(a) or {}).get('zip') or not (o.get(a) or {}).get('name'): err(f'orders.json: {o.get("name")}: {a} zip/name missing')
    for fu in o.get('fulfillments', []):
        for k in ('tracking_company', 'tracking_number', 'tracking_url', 'shipment_status'):
            if k not in fu: err(f'orders.json: {o.get("name")}: fulfillment {k} missing')
if not 60 <= len(names) <= 75: err(f'orders.json: {len(names)} orders, want 60-75')

ebay = load('ebay-orders.json') or {'orders': []}
ebay_ids = {}
for o in ebay.get('orders', []):
    if not EBAY.fullmatch(o.get('orderId', '')): err(f'ebay-orders.json: bad orderId {o.get("orderId")}')
    if not (o.get('buyer') or {}).get('username'): err(f'ebay-orders.json: {o.get("orderId")}: buyer.username missing')
    ebay_ids[o.get('orderId')] = o

# ---- records ----
recs = []
with open(os.path.join(HERE, 'records.ndjson'), encoding='utf-8') as f:
    for ln, line in enumerate(f, 1):
        try:
            r = json.loads(line)
        except Exception as e:
            err(f'records.ndjson:{ln}: {e}'); continue
        recs.append((ln, r))
ids = set()
prev = ''
for ln, r in recs:
    where = f'records.ndjson:{ln}'
    if r.get('omni') != 1: err(f'{where}: omni is not 1')
    if not isinstance(r.get('id'), str) or not r['id']: err(f'{where}: id missing'); continue
    if r['id'] in ids: err(f'{where}: id {r["id"]} twice')
    ids.add(r['id'])
    if r.get('store') != 'acme': err(f'{where}: store is not acme')
    if r.get('channel') not in CHANNELS: err(f'{where}: channel {r.get("channel")}')
    for k in ('created_at', 'updated_at'):
        if not TIME.match(r.get(k) or ''): err(f'{where}: {k} not RFC 3339')
    if r.get('created_at', '') < prev: err(f'{where}: not in arrival order')
    prev = r.get('created_at', '')
    ms = r.get('messages')
    if not isinstance(ms, list) or len(ms) != 1: err(f'{where}: want one message'); continue
    m = ms[0]
    if m.get('direction') != 'in' or m.get('author') != 'customer' or not TIME.match(m.get('at') or ''):
        err(f'{where}: message must be inbound, by the customer, with a time')
    src = r.get('source') or {}
    if not src.get('thread_key'): err(f'{where}: source.thread_key missing')
    ch = r.get('channel')
    if ch == 'email':
        for k in ('message_id', 'in_reply_to'):
            if k not in src: err(f'{where}: source.{k} missing')
        if src.get('references') and src['thread_key'] != src['references'][0]: err(f'{where}: thread_key is not the first References id')
        if not src.get('references') and src['thread_key'] != src.get('message_id'): err(f'{where}: thread_key is not the Message-ID')
        if not m.get('from'): err(f'{where}: message from missing')
    if ch in ('instagram', 'facebook'):
        h = (r.get('customer') or {}).get('handles', {}).get(ch)
        if src['thread_key'] != f'{ch}:{src.get("page_id")}:{h}': err(f'{where}: thread_key is not {ch}:<page id>:<sender id>')
    if ch == 'amazon':
        oid = (r.get('order_ids') or [None])[0]
        alias = (r.get('customer') or {}).get('handles', {}).get('amazon')
        if src['thread_key'] != f'amazon:{alias}:{oid}': err(f'{where}: amazon thread_key')
    elif r.get('order_ids'):
        err(f'{where}: order_ids only for the Amazon relay\'s own order reference')
    if ch == 'ebay' and not (r.get('customer') or {}).get('handles', {}).get('ebay'): err(f'{where}: ebay user name missing')

# ---- truth ----
truth = []
with open(os.path.join(HERE, 'truth.ndjson'), encoding='utf-8') as f:
    for ln, line in enumerate(f, 1):
        try:
            truth.append(json.loads(line))
        except Exception as e:
            err(f'truth.ndjson:{ln}: {e}')
if len(truth) != len(recs): err(f'truth.ndjson: {len(truth)} lines for {len(recs)} records')
conv_person = {}
for i, (t, (ln, r)) in enumerate(zip(truth, recs), 1):
    where = f'truth.ndjson:{i}'
    for k in ('id', 'person', 'conversation', 'orders', 'note', 'cases', 'lang'):
        if k not in t: err(f'{where}: {k} missing')
    if t.get('id') != r.get('id'): err(f'{where}: id does not match records.ndjson:{ln}')
    if not re.fullmatch(r'p\d+', t.get('person', '')) or not re.fullmatch(r'c\d+', t.get('conversation', '')):
        err(f'{where}: person/conversation ids')
    if conv_person.setdefault(t.get('conversation'), t.get('person')) != t.get('person'):
        err(f'{where}: conversation {t.get("conversation")} has two persons')
    if t.get('lang') not in LANGS: err(f'{where}: lang {t.get("lang")}')
    if not isinstance(t.get('cases'), list) or not t['cases']: err(f'{where}: cases empty')
    m = r['messages'][0]
    text = (r.get('subject') or '') + '\n' + m.get('text', '')
    visible = set(candidates(text)) | set(r.get('order_ids') or [])
    labels = t.get('orders') or {}
    for k, v in labels.items():
        if v not in ('own', 'not_own'): err(f'{where}: {k}: label {v}')
        if k not in visible: err(f'{where}: {k} is not visible in its record')
        if k not in names and k not in ebay_ids and k not in ABSENT: err(f'{where}: {k} is in no order file and not listed as absent')
    for k in visible:
        if k not in labels: err(f'{where}: candidate {k} has no label')

if errors:
    for e in errors: print(e, file=sys.stderr)
    sys.exit(1)
print(f'ok: {len(names)} shop orders, {len(ebay_ids)} eBay orders, {len(recs)} records, {len(truth)} truth lines')
