# Record builders and truth computation.
import json, re, random, hashlib
from gen_orders import BUYERS, ORDERS, ITEMS, EBAY

rnd = random.Random(20261207)
IG_PAGE = '17841466120034519'
FB_PAGE = '108822345117702'
RECS = []
THREADS = {}

def h(s, n=10):
    return hashlib.sha256(s.encode()).hexdigest()[:n]

def ts(d, t):
    # d: day of (Nov 20 + d-1); t "HH:MM"
    day = 19 + d
    mon, dd = (11, day) if day <= 30 else (12, day - 30)
    return f'2026-{mon:02d}-{dd:02d}T{t}:{int(h(str(d)+t,4),16)%60:02d}Z'

def msgid(frm, at):
    dom = frm.split('@')[1]
    style = int(h(frm, 2), 16) % 3
    if style == 0:
        return f'{at[:10].replace("-","")}{at[11:19].replace(":","")}.{h(frm+at)}@{dom}'
    if style == 1:
        return f'CAF{h(frm+at,24).upper()}@mail.{dom}'
    return f'{h(frm+at,8)}-{h(at+frm,4)}-{h(at,4)}-{h(frm,12)}@{dom}'

def _add(rec, pid, conv, lang, cases, note, scope, sender):
    RECS.append(dict(rec=rec, pid=pid, conv=conv, lang=lang, cases=list(cases), note=note, scope=scope, sender=sender))

def M(pid, conv, frm, name, subj, text, lang, d, t, th=None, cases=(), note='', parent=None, src='support'):
    """A mail. th: thread label (replies continue it); parent: a shop message id (BCC, newsletter) replied to."""
    at = ts(d, t)
    mid = msgid(frm, at)
    irt = None; refs = None
    if th and th in THREADS:
        st = THREADS[th]
        shop = f'{h(st["last"]+"r",12)}.reply@mail.crumbandcrust.example'
        refs = st['refs'] + [shop]
        irt = shop
        st['refs'] = refs + [mid]; st['last'] = mid
    elif parent:
        refs = [parent]; irt = parent
        if th: THREADS[th] = dict(refs=[parent, mid], last=mid)
    else:
        if th: THREADS[th] = dict(refs=[mid], last=mid)
    tk = refs[0] if refs else mid
    s = {'name': src, 'external_id': mid, 'thread_key': tk, 'url': None, 'message_id': mid, 'in_reply_to': irt}
    if refs: s['references'] = refs
    s['path'] = f'/home/acme/Mail/{src}/cur/{1795000000+int(h(mid,6),16)%900000}.M{int(h(mid,5),16)}P{int(h(at,4),16)}.mx1:2,S'
    ms = {'name': src, 'external_id': mid, 'thread_key': tk, 'message_id': mid}
    rec = {'omni': 1, 'id': f'{src}:{mid}', 'channel': 'email', 'store': 'acme', 'kind': 'message', 'source': s,
           'subject': subj, 'created_at': at, 'updated_at': at,
           'customer': {'name': name, 'emails': [frm.lower()]},
           'messages': [{'id': mid, 'direction': 'in', 'author': 'customer', 'at': at, 'text': text,
                         'channel': 'email', 'from': frm.lower(), 'source': ms}]}
    if name is None: del rec['customer']['name']
    _add(rec, pid, conv, lang, cases, note, (conv, 'email', frm.lower()), ('email', frm.lower()))

def DM(pid, conv, chan, sid, display, text, lang, d, t, cases=(), note=''):
    at = ts(d, t)
    page = IG_PAGE if chan == 'instagram' else FB_PAGE
    if chan == 'instagram':
        mid = 'aWdfZAG' + h(sid + at, 30)
    else:
        mid = 'm_' + h(sid + at, 28)
    tk = f'{chan}:{page}:{sid}'
    s = {'name': 'meta', 'external_id': mid, 'thread_key': tk, 'url': None, 'page_id': page}
    cust = {'handles': {chan: sid}}
    if display: cust = {'name': display, 'handles': {chan: sid}}
    rec = {'omni': 1, 'id': f'meta:{mid}', 'channel': chan, 'store': 'acme', 'kind': 'message', 'source': s,
           'created_at': at, 'updated_at': at, 'customer': cust,
           'messages': [{'id': mid, 'direction': 'in', 'author': 'customer', 'at': at, 'text': text, 'channel': chan,
                         'source': {'name': 'meta', 'external_id': mid, 'thread_key': tk, 'page_id': page}}]}
    _add(rec, pid, conv, lang, cases, note, (conv, chan, sid), (chan, sid))

AMZ_BUYER = {}
def AMZ(pid, conv, alias, first, oid, subj, text, lang, d, t, cases=(), note='', tld='de'):
    AMZ_BUYER.setdefault(oid, pid)
    at = ts(d, t)
    mid = f'0102019{h(alias+at,9)}-{h(at,8)}-{h(alias,4)}-{h(oid,4)}-{h(text,4)}-{h(at+oid,12)}-000000@eu-west-1.amazonses.com'
    mail = f'{alias}@marketplace.amazon.{tld}'
    tk = f'amazon:{mail}:{oid}'
    s = {'name': 'amazon-mail', 'external_id': mid, 'thread_key': tk, 'url': None, 'message_id': mid, 'in_reply_to': None,
         'path': f'/home/acme/Mail/amazon/new/{1795000000+int(h(mid,6),16)%900000}.M1P{int(h(mid,3),16)}.shop'}
    rec = {'omni': 1, 'id': f'amazon-mail:{mid}', 'channel': 'amazon', 'store': 'acme', 'kind': 'message', 'source': s,
           'subject': subj, 'created_at': at, 'updated_at': at,
           'customer': {'name': first, 'emails': [mail], 'handles': {'amazon': mail}},
           'order_ids': [oid],
           'messages': [{'id': mid, 'direction': 'in', 'author': 'customer', 'at': at, 'text': text, 'attachments': [],
                         'channel': 'amazon', 'from': mail,
                         'source': {'name': 'amazon-mail', 'external_id': mid, 'thread_key': tk, 'message_id': mid}}]}
    _add(rec, pid, conv, lang, cases, note, (conv, 'amazon', mail), ('amazon', mail))

def EB(pid, conv, user, convid, title, text, lang, d, t, cases=(), note=''):
    at = ts(d, t)
    msg = str(int(h(user + at, 10), 16) % 10**11)
    tk = f'ebay:{convid}'
    s = {'name': 'ebay', 'external_id': convid, 'thread_key': tk,
         'url': f'https://mesg.ebay.com/mesgweb/ViewMessages/0?conversationId={convid}'}
    rec = {'omni': 1, 'id': f'ebay:{convid}', 'channel': 'ebay', 'store': 'acme', 'kind': 'message', 'source': s,
           'subject': title, 'created_at': at, 'updated_at': at,
           'customer': {'handles': {'ebay': user}},
           'messages': [{'id': msg, 'direction': 'in', 'author': 'customer', 'at': at, 'text': text, 'channel': 'ebay',
                         'source': {'name': 'ebay', 'external_id': convid, 'thread_key': tk},
                         'digest': 'ebay:' + hashlib.sha256((user + ' ' + ' '.join(text.split())).encode()).hexdigest()[:32]}]}
    _add(rec, pid, conv, lang, cases, note, (conv, 'ebay', user), ('ebay', user))

# ---------- truth ----------
SHOP_RE = re.compile(r'(?<![\d\w])#?(40\d\d)(?![\d])|#(\d+)')
AMZ_RE = re.compile(r'(?<!\d)\d{3}-\d{7}-\d{7}(?!\d)')
EBAY_RE = re.compile(r'(?<![\d-])\d{2}-\d{5}-\d{5}(?![\d-])')
EMAIL_RE = re.compile(r'[\w.+-]+@[\w-]+(?:\.[\w-]+)+')

def candidates(text):
    out = []
    for m in AMZ_RE.finditer(text): out.append(m.group(0))
    t2 = AMZ_RE.sub(' ', text)
    for m in EBAY_RE.finditer(t2): out.append(m.group(0))
    t3 = EBAY_RE.sub(' ', t2)
    for m in SHOP_RE.finditer(t3):
        out.append('#' + (m.group(1) or m.group(2)))
    return out

def gnorm(e):
    e = e.lower().rstrip('.')
    loc, dom = e.split('@')
    if dom in ('gmail.com', 'googlemail.com'):
        loc = loc.split('+')[0].replace('.', '')
        dom = 'gmail.com'
    return loc + '@' + dom

def order_email(n): return BUYERS[ORDERS[n][0]][2]
def order_zip(n): return BUYERS[ORDERS[n][0]][6]
EBAY_BUYER = {oid: user for oid, user, *_ in EBAY}

# Conversations whose writer is another human than the one their pid
# names: the pid is also the key of the orders (ORDERS[n][0]), so a
# family's or a company's orders and its members shared it.  The README
# says a person is one human; these three writers were labelled with
# their relative's or their company's person before.
OTHER_HUMAN = {'brandt2': 'p93', 'mcarter1': 'p94', 'diego1': 'p95'}


def truth():
    RECS.sort(key=lambda r: r['rec']['created_at'])
    ids = set()
    for r in RECS:
        assert r['rec']['id'] not in ids, r['rec']['id']; ids.add(r['rec']['id'])
    scope_text = {}
    pmap, cmap = {}, {}
    out = []
    for r in RECS:
        rec = r['rec']
        text = (rec.get('subject') or '') + '\n' + rec['messages'][0]['text']
        scope_text[r['scope']] = scope_text.get(r['scope'], '') + '\n' + text
        st = scope_text[r['scope']]
        st_c = set(candidates(st))
        st_emails = {gnorm(e) for e in EMAIL_RE.findall(st)}
        cands = candidates(text) + rec.get('order_ids', [])
        labels = {}
        for c in cands:
            lab = 'not_own'
            if c.startswith('#') and c[1:].isdigit() and int(c[1:]) in ORDERS and len(c) == 5:
                n = int(c[1:])
                if ORDERS[n][0] == r['pid']:
                    if r['sender'][0] == 'email' and gnorm(r['sender'][1]) == gnorm(order_email(n)):
                        lab = 'own'
                    elif c in st_c and (gnorm(order_email(n)) in st_emails or re.search(r'(?<![\w])' + re.escape(order_zip(n)) + r'(?![\w])', st)):
                        lab = 'own'
            elif AMZ_RE.fullmatch(c):
                if rec['channel'] == 'amazon' and c in rec.get('order_ids', []) and AMZ_BUYER.get(c) == r['pid']:
                    lab = 'own'
            elif EBAY_RE.fullmatch(c):
                if rec['channel'] == 'ebay' and EBAY_BUYER.get(c) == r['sender'][1]:
                    lab = 'own'
            labels[c] = lab
        pmap.setdefault(r['pid'], f'p{len(pmap)+1}')
        cmap.setdefault(r['conv'], f'c{len(cmap)+1}')
        t = {'id': rec['id'], 'person': OTHER_HUMAN.get(r['conv'], pmap[r['pid']]), 'conversation': cmap[r['conv']], 'orders': labels,
             'note': r['note'], 'cases': r['cases'], 'lang': r['lang']}
        out.append(t)
    return out
