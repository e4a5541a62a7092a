#!/usr/bin/env python3
"""Writes the heldout10 identity set of Inkwell & Fold (store "acme"):
orders.json, ebay-orders.json, records.ndjson, truth.ndjson, people.json.
Deterministic: fixed seed, no clock, no network."""
import datetime as dt
import hashlib
import json
import os
import random
import re

import gen_data as D
import gen_lib as L
import gen_text as X

SEED = 20261207
rng = random.Random(SEED)
HERE = os.path.dirname(os.path.abspath(__file__))
STORE = 'acme'
SHOPDOM = 'inkwell-fold.example'
IG_PAGE = '17841400734120995'
FB_PAGE = '108822739415562'

# ---------------------------------------------------------------- people
PEOPLE = {}          # key -> {pid, name, ...}


def person(key, name, lang, **kw):
    if key not in PEOPLE:
        PEOPLE[key] = dict(pid='p%d' % (len(PEOPLE) + 1), key=key, name=name,
                           lang=lang, **kw)
    return PEOPLE[key]


for k, first, last, cc, lang, mail in D.BUYERS:
    person(k, '%s %s' % (first, last), lang, country=cc, email=mail)

# ---------------------------------------------------------------- orders
T0 = dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc)


def iso(t):
    return t.strftime('%Y-%m-%dT%H:%M:%SZ')


keys = [b[0] for b in D.BUYERS]
extra = ['lindner', 'lindner', 'paperco', 'paperco', 'lumiere', 'lena', 'camille',
         'giulia', 'maria1', 'maria2', 'emily', 'rachel', 'sabine', 'verena',
         'marco', 'siobhan', 'katrin', 'claire', 'nadine', 'julien']
seq = keys[:]
rng.shuffle(seq)
for e in extra:
    seq.insert(rng.randrange(len(seq) // 3, len(seq) + 1), e)
assert len(seq) == 75
times = sorted(T0 + dt.timedelta(minutes=rng.randrange(0, 30 * 24 * 60 - 60)) for _ in seq)
# no buyer's postcode may be one of her own order numbers
for _ in range(200):
    bad = [i for i, k in enumerate(seq) if D.PLACES[k][1] == str(12001 + i)]
    if not bad:
        break
    i = bad[0]
    j = (i + 7) % 75
    seq[i], seq[j] = seq[j], seq[i]

GIFTS = {'claire': ('Margaux', 'Dubois', '9 rue Mercière', 'Lyon', '69002', 'FR'),
         'daniel': ('Linda', 'Brooks', '41 Kenwood Avenue', 'Delmar', '12054', 'US')}

cust_ids = {}
PHONE = {'DE': '+49157', 'AT': '+43664', 'CH': '+4179', 'FR': '+336', 'IT': '+39347',
         'ES': '+34612', 'GB': '+447700900', 'IE': '+35387', 'US': '+1555010'}
PHONE_LEN = {'DE': 8, 'AT': 7, 'CH': 7, 'FR': 8, 'IT': 7, 'ES': 6, 'GB': 3, 'IE': 7, 'US': 4}
ORDERS = []
SHOP = {}            # '#12043' -> truth facts
by_buyer = {}
for i, (k, t) in enumerate(zip(seq, times)):
    num = 12001 + i
    name = '#%d' % num
    p = PEOPLE[k]
    first, last = p['name'].split(' ', 1)
    city, zipc, street = D.PLACES[k]
    cc = p['country']
    cur, carrier = D.COUNTRY[cc]
    if k not in cust_ids:
        cust_ids[k] = 7391620000 + 1000 + len(cust_ids) * 17
    addr = dict(first_name=first, last_name=last, name=p['name'], address1=street,
                city=city, zip=zipc, country_code=cc)
    if rng.random() < 0.5:
        addr['phone'] = PHONE[cc] + ''.join(rng.choice('0123456789') for _ in range(PHONE_LEN[cc]))
    ship = dict(addr)
    gift = GIFTS.get(k) if k in GIFTS and k not in [o['_buyer'] for o in ORDERS] else None
    if gift:
        ship = dict(first_name=gift[0], last_name=gift[1], name='%s %s' % gift[:2],
                    address1=gift[2], city=gift[3], zip=gift[4], country_code=gift[5])
    items = []
    tot = 0.0
    for j, (sku, title, price) in enumerate(rng.sample(D.PRODUCTS, rng.choice([1, 1, 2, 2, 3]))):
        q = rng.choice([1, 1, 1, 2]) if k not in ('lindner', 'paperco', 'lumiere') else rng.choice([10, 20, 25])
        items.append(dict(id=15822000000 + num * 10 + j, sku=sku, title=title, name=title,
                          quantity=q, price=price))
        tot += q * float(price)
    o = dict(id=5930000000000 + num * 37, name=name, order_number=num, email=p['email'],
             created_at=iso(t), currency=cur, total_price='%.2f' % tot,
             financial_status='paid',
             customer=dict(id=cust_ids[k], first_name=first, last_name=last, email=p['email']),
             billing_address=addr, shipping_address=ship, line_items=items,
             fulfillments=[], _buyer=k)
    if t < dt.datetime(2026, 11, 27, tzinfo=dt.timezone.utc):
        trk = ''.join(rng.choice('0123456789') for _ in range(20))
        ft = t + dt.timedelta(hours=rng.randrange(20, 60))
        o['fulfillment_status'] = 'fulfilled'
        o['fulfillments'] = [dict(id=4810000000000 + num, order_id=o['id'], name=name + '.1',
                                  status='success',
                                  shipment_status=rng.choice(['in_transit', 'delivered', 'delivered', 'out_for_delivery']),
                                  tracking_company=carrier, tracking_number=trk,
                                  tracking_numbers=[trk],
                                  tracking_url='https://tracking.example.com/%s' % trk,
                                  created_at=iso(ft))]
    else:
        o['fulfillment_status'] = None
    ORDERS.append(o)
    SHOP[name] = dict(buyer=p['pid'], email=p['email'], zip=zipc)
    by_buyer.setdefault(k, []).append(o)


def order_of(k, i=0):
    return by_buyer[k][i]


def onum(o):
    return o['name'][1:]


# Amazon and eBay
AMAZON = {}
AMZ_BUYERS = [('stefanie', 'Stefanie Lang', 'de', 'de', '302-4418275-6630918'),
              ('oliver', 'Oliver Grant', 'en', 'co.uk', '204-7731902-5528341'),
              ('valentina', 'Valentina Russo', 'it', 'it', '403-1187264-9902716')]
for k, nm, lang, tld, oid in AMZ_BUYERS:
    alias = ''.join(rng.choice('abcdefghijklmnopqrstuvwxyz0123456789') for _ in range(15))
    p = person(k, nm, lang, amazon_alias='%s@marketplace.amazon.%s' % (alias, tld))
    AMAZON[oid] = dict(buyer=p['pid'], alias='%s@marketplace.amazon.%s' % (alias, tld), tld=tld)

EBAY_BUYERS = [('sven', 'Sven Albrecht', 'de', 'papierliebe_84', '14-13908-47215', 'EUR', 'DE'),
               ('fiona', 'Fiona Reid', 'en', 'inkfan.uk', '23-11840-66502', 'GBP', 'GB'),
               ('gilles', 'Gilles Marchand', 'fr', 'brocante-et-papier', '07-14472-30981', 'EUR', 'FR'),
               ('ruby', 'Ruby Sato', 'en', 'rubys_desk', '19-10263-88417', 'USD', 'US')]
EBAY = {}
EBAY_ORDERS = []
for i, (k, nm, lang, user, oid, cur, cc) in enumerate(EBAY_BUYERS):
    p = person(k, nm, lang, ebay_user=user)
    EBAY[oid] = dict(buyer=p['pid'], username=user)
    sku, title, price = D.PRODUCTS[(i * 5) % len(D.PRODUCTS)]
    relay = '%s@members.ebay.com' % hashlib.sha256(user.encode()).hexdigest()[:12]
    ct = iso(T0 + dt.timedelta(days=8 + i * 4, hours=9 + i))
    EBAY_ORDERS.append(dict(
        orderId=oid, legacyOrderId='%s!%s' % (oid.split('-')[1], oid.split('-')[2]),
        creationDate=ct[:-1] + '.000Z', lastModifiedDate=ct[:-1] + '.000Z',
        orderFulfillmentStatus='FULFILLED' if i < 3 else 'NOT_STARTED',
        orderPaymentStatus='PAID',
        buyer=dict(username=user, buyerRegistrationAddress=dict(
            fullName=nm, email=relay, contactAddress=dict(countryCode=cc))),
        pricingSummary=dict(priceSubtotal=dict(value=price, currency=cur),
                            deliveryCost=dict(value='4.90', currency=cur),
                            total=dict(value='%.2f' % (float(price) + 4.9), currency=cur)),
        lineItems=[dict(lineItemId=str(10021000000 + i), legacyItemId=str(3968000000 + i * 11),
                        sku=sku, title=title, quantity=1,
                        lineItemCost=dict(value=price, currency=cur),
                        lineItemFulfillmentStatus='FULFILLED' if i < 3 else 'NOT_STARTED')]))

# ---------------------------------------------------------------- records
EVENTS = []          # (time, seq, record, meta)
_seq = [0]


def at(day, h, m=0):
    """day counts from 1 November 2026 (30 = 30 Nov, 31 = 1 Dec)."""
    return T0 + dt.timedelta(days=day - 1, hours=h, minutes=m)


def hexid(n=16):
    return ''.join(rng.choice('0123456789abcdef') for _ in range(n))


def push(t, rec, meta):
    who = next(q for q in PEOPLE.values() if q['pid'] == meta['person'])
    m = rec['messages'][0]
    key = m.get('from') or '%s:%s' % next(iter(rec['customer']['handles'].items()))
    uses = who.setdefault('writes_as', [])
    if key not in uses:
        uses.append(key)
    _seq[0] += 1
    EVENTS.append((t, _seq[0], rec, meta))


def _meta(p, conv, cases, lang, note):
    return dict(person=p['pid'], conv=conv, cases=list(cases), lang=lang, note=note)


class Thread:
    def __init__(self):
        self.refs = []
        self.subject = None


def mail(p, addr, t, subj, text, conv, cases, lang, note='', thread=None, display=None,
         lost=False):
    """A customer's mail; with a thread, it answers the shop's (invented)
    reply to the thread's last message."""
    dom = addr.split('@')[1]
    if dom in ('gmail.com', 'googlemail.com'):
        mid = 'CA%s@mail.gmail.com' % hexid(24).upper()
    else:
        mid = '%s.%s@%s' % (t.strftime('%Y%m%d%H%M%S'), hexid(8), dom)
    irt, refs = None, []
    if subj is None and thread is not None:
        subj = thread.subject
    if thread is not None and thread.refs and not lost:
        ans = 'ans-%s@%s' % (hexid(10), SHOPDOM)
        refs = thread.refs + [ans]
        irt = ans
        subj = thread.subject if subj is None else subj
    tk = refs[0] if refs else (irt or mid)
    rec = {'omni': 1, 'id': 'support:' + mid, 'channel': 'email', 'store': STORE,
           'source': {'name': 'support', 'external_id': mid, 'thread_key': tk, 'url': None,
                      'message_id': mid, 'in_reply_to': irt, 'references': refs,
                      'path': '/var/mail/support/new/%d.%s.mx1' % (int(t.timestamp()), hexid(6))},
           'kind': 'message', 'subject': subj, 'created_at': iso(t), 'updated_at': iso(t),
           'customer': {'name': display if display is not None else p['name'],
                        'emails': [addr.lower()]},
           'messages': [{'id': mid, 'direction': 'in', 'author': 'customer', 'at': iso(t),
                         'from': addr.lower(), 'text': text}]}
    if thread is not None:
        if not thread.refs or lost:
            thread.refs = [mid]
            thread.subject = subj if subj.lower().startswith(('re:', 'aw:', 'r:')) else (
                {'de': 'AW: ', 'it': 'R: '}.get(lang, 'Re: ') + subj)
        else:
            thread.refs = refs + [mid]
    push(t, rec, _meta(p, conv, cases, lang, note))
    return rec


def reply_to_newsletter(p, addr, t, text, conv, cases, lang, note='', display=None):
    mid = '%s.%s@%s' % (t.strftime('%Y%m%d%H%M%S'), hexid(8), addr.split('@')[1]) \
        if not addr.endswith('gmail.com') else 'CA%s@mail.gmail.com' % hexid(24).upper()
    nl = 'newsletter-2026-12-01.%s@%s' % ('7f3a9c', SHOPDOM)
    rec = {'omni': 1, 'id': 'support:' + mid, 'channel': 'email', 'store': STORE,
           'source': {'name': 'support', 'external_id': mid, 'thread_key': nl, 'url': None,
                      'message_id': mid, 'in_reply_to': nl, 'references': [nl],
                      'path': '/var/mail/support/new/%d.%s.mx1' % (int(t.timestamp()), hexid(6))},
           'kind': 'message', 'subject': {'de': 'AW: ', 'it': 'R: '}.get(lang, 'Re: ') +
           'Advent at Inkwell & Fold ✉ 15% off all paper',
           'created_at': iso(t), 'updated_at': iso(t),
           'customer': {'name': display if display is not None else p['name'],
                        'emails': [addr.lower()]},
           'messages': [{'id': mid, 'direction': 'in', 'author': 'customer', 'at': iso(t),
                         'from': addr.lower(), 'text': text}]}
    push(t, rec, _meta(p, conv, cases, lang, note))


SENDERS = {}


def dm(p, channel, t, text, conv, cases, lang, note='', sender=None, display=True):
    if sender is None:
        sender = SENDERS.setdefault((p['key'], channel), (
            '17%s' % ''.join(rng.choice('0123456789') for _ in range(15))
            if channel == 'instagram' else
            '2%s' % ''.join(rng.choice('0123456789') for _ in range(15))))
    page = IG_PAGE if channel == 'instagram' else FB_PAGE
    if channel == 'instagram':
        mid = 'aWdfZAG1faXRlbToxOklH' + hexid(28)
    else:
        mid = 'm_' + hexid(22)
    rec = {'omni': 1, 'id': 'meta:' + mid, 'channel': channel, 'store': STORE,
           'source': {'name': 'meta', 'external_id': mid,
                      'thread_key': '%s:%s:%s' % (channel, page, sender), 'url': None,
                      'page_id': page},
           'kind': 'message', 'created_at': iso(t), 'updated_at': iso(t),
           'customer': {'handles': {channel: sender}},
           'messages': [{'id': mid, 'direction': 'in', 'author': 'customer', 'at': iso(t),
                         'text': text}]}
    if display:
        rec['customer'] = {'name': display if isinstance(display, str) else p['name'],
                           'handles': {channel: sender}}
    push(t, rec, _meta(p, conv, cases, lang, note))


def amazon(p, oid, t, subj, text, conv, cases, lang, note=''):
    a = AMAZON[oid]
    mid = '%s-%s-000000@email.marketplace.amazon.%s' % (hexid(16), hexid(8), a['tld'])
    first = p['name'].split()[0]
    rec = {'omni': 1, 'id': 'support:' + mid, 'channel': 'amazon', 'store': STORE,
           'source': {'name': 'support', 'external_id': mid,
                      'thread_key': 'amazon:%s:%s' % (a['alias'], oid), 'url': None,
                      'message_id': mid, 'in_reply_to': None, 'references': [],
                      'path': '/var/mail/support/new/%d.%s.mx1' % (int(t.timestamp()), hexid(6))},
           'kind': 'message', 'subject': subj % dict(n=first, o=oid),
           'created_at': iso(t), 'updated_at': iso(t),
           'customer': {'name': '%s - Amazon Marketplace' % first, 'emails': [a['alias']],
                        'handles': {'amazon': a['alias']}},
           'order_ids': [oid],
           'messages': [{'id': mid, 'direction': 'in', 'author': 'customer', 'at': iso(t),
                         'from': a['alias'], 'text': text}]}
    push(t, rec, _meta(p, conv, cases, lang, note))


def ebay(p, conv_id, t, text, conv, cases, lang, note='', subject=None):
    user = p['ebay_user']
    norm = re.sub(r'\s+', ' ', text.strip())
    dig = 'ebay:' + hashlib.sha256((user + '\n' + norm).encode()).hexdigest()[:32]
    rec = {'omni': 1, 'id': 'ebay:' + conv_id, 'channel': 'ebay', 'store': STORE,
           'source': {'name': 'ebay', 'external_id': conv_id, 'thread_key': 'ebay:' + conv_id,
                      'url': None},
           'kind': 'message', 'subject': subject, 'created_at': iso(t), 'updated_at': iso(t),
           'customer': {'name': p['name'].split()[0], 'handles': {'ebay': user}},
           'messages': [{'id': str(rng.randrange(10 ** 11, 10 ** 12)), 'direction': 'in',
                         'author': 'customer', 'at': iso(t), 'digest': dig, 'text': text}]}
    if subject is None:
        del rec['subject']
    push(t, rec, _meta(p, conv, cases, lang, note))


# ---------------------------------------------------------------- small functions
def P(k):
    return PEOPLE[k]


def first(p):
    return p['name'].split()[0]


def otime(o):
    return dt.datetime.strptime(o['created_at'], '%Y-%m-%dT%H:%M:%SZ').replace(tzinfo=dt.timezone.utc)


LO = at(20, 7)
HI = at(36, 20)


def when(o, lo_days=2.0, hi_days=7.0):
    t = otime(o) + dt.timedelta(minutes=rng.randrange(int(lo_days * 1440), int(hi_days * 1440)))
    if t < LO:
        t = LO + dt.timedelta(minutes=rng.randrange(0, 12 * 1440))
    t = t.replace(hour=rng.choice([7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18, 19, 20, 21, 22]))
    return min(t, HI - dt.timedelta(hours=rng.randrange(1, 60)))


def later(t, lo_h=16, hi_h=60):
    return min(t + dt.timedelta(minutes=rng.randrange(lo_h * 60, hi_h * 60)), HI)


USED = set()


def use(k, i=0):
    o = order_of(k, i)
    USED.add(o['name'])
    return o


def oconv(o):
    return 'order:' + o['name']


# ---------------------------------------------------------------- hard cases
def hard_cases():
    # Instagram: number first, order e-mail in a second DM
    o = use('katrin'); p = P('katrin'); t = when(o)
    dm(p, 'instagram', t, 'Hallo! Wo bleibt meine Bestellung %s? 🙈' % onum(o), oconv(o),
       ['dm', 'dm_number_only'], 'de', 'number alone does not verify')
    dm(p, 'instagram', later(t, 1, 3), 'Ach so, die Mailadresse bei Bestellung %s ist katrin.vogel@example.de' % onum(o),
       oconv(o), ['dm', 'dm_verified'], 'de', 'number + order e-mail in her DM thread: verified now')
    # Instagram: number + billing postcode in one DM
    o = use('camille'); p = P('camille'); t = when(o)
    dm(p, 'instagram', t, "Bonjour ! Ma commande %s n'est toujours pas arrivée… code postal 75011. Merci 🙏" % onum(o),
       oconv(o), ['dm', 'dm_verified'], 'fr', 'number + billing postcode')
    # Messenger: number only, then mail from the order address (same matter)
    o = use('giulia'); p = P('giulia'); t = when(o)
    dm(p, 'facebook', t, 'Ciao, ordine %s quando arriva? grazie' % onum(o), oconv(o),
       ['dm', 'dm_number_only'], 'it', 'number only on Messenger')
    th = Thread()
    mail(p, p['email'], later(t, 20, 40), 'Ordine %s' % onum(o),
         'Buongiorno,\nvi avevo scritto anche su Facebook: l\'ordine %s non è ancora arrivato. Potete controllare?\n\nGiulia Ferri' % onum(o),
         oconv(o), ['cross_channel'], 'it', 'same matter by mail from the order address', thread=th)
    # Instagram: wrong postcode, then the right one
    o = use('julien'); p = P('julien'); t = when(o)
    dm(p, 'instagram', t, 'Salut, commande %s, je suis à Lyon 69006, vous pouvez me dire où elle en est ?' % onum(o),
       oconv(o), ['dm', 'wrong_fact'], 'fr', '69006 is not the billing postcode')
    dm(p, 'instagram', later(t, 1, 2), 'pardon, le code postal de facturation c’est 69003 (j’ai déménagé)',
       oconv(o), ['dm', 'dm_verified'], 'fr',
       'right billing postcode in the same DM thread; no number in this message, so no label here')
    dm(p, 'instagram', later(t, 3, 6), 'du coup pour la commande %s, vous avez un numéro de suivi ?' % onum(o),
       oconv(o), ['dm', 'dm_verified'], 'fr', 'number (earlier DM) + billing postcode (previous DM) in this thread')
    # Instagram: Berlin postcode that looks like an order number
    o = use('tobias'); p = P('tobias'); t = when(o)
    dm(p, 'instagram', t, 'Moin, hab bei euch Bestellung %s gemacht, PLZ 12047. Kommt die noch diese Woche?' % onum(o),
       oconv(o), ['dm', 'dm_verified', 'postcode_number'], 'de', '12047 is his postcode, not an order')
    # mistyped number from the order address, corrected in the reply
    o = use('sabine', 0); p = P('sabine'); t = when(o)
    n = onum(o); wrong = n[:3] + n[4] + n[3]
    if wrong == n or not (12001 <= int(wrong) <= 12075):
        wrong = str(int(n) + 10)
    th = Thread()
    mail(p, p['email'], t, 'Bestellung %s' % wrong,
         'Hallo,\nmeine Bestellung %s ist noch nicht da, könnt ihr schauen?\n\nGruß Sabine Wolff' % wrong,
         oconv(o), ['mistyped'], 'de', 'digits swapped: %s is not hers' % wrong, thread=th)
    mail(p, p['email'], later(t), None,
         'Oh sorry, Zahlendreher! Richtig ist %s.\n\nSabine' % n, oconv(o), ['mistyped', 'follow_up'], 'de',
         'corrected number from the order address', thread=th)
    # dropped digit
    o = use('pablo'); p = P('pablo'); t = when(o)
    mail(p, p['email'], t, 'Pedido #%s' % onum(o)[:4],
         'Hola,\nel pedido #%s no me ha llegado todavía. ¿Me decís algo?\n\nPablo' % onum(o)[:4],
         oconv(o), ['mistyped'], 'es', 'a digit missing: no such order')
    # stranger
    victim = use('jonas'); s = person('kevin', 'Kevin Marsh', 'en')
    th = Thread(); t = when(victim)
    mail(s, 'kevin.marsh@example.com', t,
         'Order %s' % onum(victim),
         'Hello, order %s was supposed to come to my address, where is it? Kevin' % onum(victim),
         'stranger', ['stranger'], 'en', 'a stranger quoting someone else\'s number', thread=th)
    mail(s, 'kevin.marsh@example.com', later(t, 20, 40), None,
         'I told you, it is my order. Just send me the tracking number please.\nKevin',
         'stranger', ['stranger', 'follow_up'], 'en', 'still a stranger', thread=th)
    # guesser
    a, b = order_of('uwe'), order_of('antoine'); USED.update([a['name'], b['name']])
    s = person('nina', 'Nina Falk', 'de')
    mail(s, 'nina.falk@gmail.com', when(b), 'Bestellung?',
         'Hallo, ich weiß meine Bestellnummer nicht mehr genau, war es %s oder %s? Könnt ihr mir den Status sagen?\nNina' % (onum(a), onum(b)),
         'guess', ['guesser'], 'de', 'guesses two numbers, neither hers')
    # impersonators who know the facts
    o = use('emily'); v = P('emily'); t = when(o)
    s = person('imp_emily', 'Emily Carter', 'en', note='impersonator')
    dm(s, 'instagram', t,
       "hi it's Emily Carter, order %s, email emily.carter@example.co.uk, postcode E8 3RL. please send it to 4 Dalston Lane instead, thx" % onum(o),
       'imp', ['dm', 'impersonator'], 'en', 'knows number, e-mail and postcode but is not the buyer')
    mail(v, v['email'], later(t, 30, 50), 'Order %s - address change?' % onum(o),
         "Hi, I got an odd message that the delivery address of my order %s was changed?? I didn't ask for that, please keep it going to Mare Street!\n\nEmily Carter" % onum(o),
         oconv(o), ['impersonated_buyer'], 'en', 'the real buyer from the order address')
    s2 = person('imp_lindner', 'Büro Lindner', 'de', note='impersonator')
    lo = use('lindner', 0)
    mail(s2, 'buero.lindner.einkauf@gmail.com', when(lo), 'Rechnungsadresse %s' % lo['name'],
         'Guten Tag,\nbitte ändern Sie für Bestellung %s (PLZ 70173) die Zahlungsdaten, neue Rechnung an diese Adresse.\n\nEinkauf Büro Lindner' % onum(lo),
         'imp', ['impersonator'], 'de', 'look-alike Gmail mailbox, not the company')
    # relatives, carers, assistants
    o = use('elisabeth'); t = when(o)
    s = person('laura', 'Laura Pichler', 'de')
    mail(s, 'laura.pichler@gmail.com', t, 'Bestellung meiner Mutter %s' % onum(o),
         'Hallo,\nich schreibe für meine Mutter Elisabeth Pichler, sie hat die Bestellung %s gemacht (PLZ 4020, Linz). Das Paket ist nicht angekommen, könnt ihr nachschauen?\n\nLG Laura' % onum(o),
         'mum', ['relative'], 'de', 'daughter knows number and postcode, is not the buyer')
    mail(P('elisabeth'), P('elisabeth')['email'], later(t, 24, 40), 'Bestellung %s' % onum(o),
         'Sehr geehrte Damen und Herren,\nmeine Tochter hat Ihnen schon geschrieben. Das Paket zur Bestellung %s ist bis heute nicht gekommen.\n\nMit freundlichen Grüßen\nElisabeth Pichler' % onum(o),
         oconv(o), ['relative'], 'de', 'the buyer herself from the order address')
    o = use('helmut'); t = when(o)
    s = person('carer', 'Sonja Reiter', 'de')
    mail(s, 's.reiter@pflege-sonnenschein.example.de', t, 'Herr Sommer, Bestellung %s' % onum(o),
         'Guten Tag,\nich betreue Herrn Helmut Sommer (Karlstraße 5, 90403 Nürnberg). Er hat bei Ihnen Bestellung %s aufgegeben und möchte den Kalender umtauschen. Rückfragen gern an mich, Tel. +49 911 5550 314.\n\nSonja Reiter\nAmbulanter Pflegedienst Sonnenschein' % onum(o),
         'carer', ['carer'], 'de', 'carer, not the buyer')
    o = use('reto'); t = when(o)
    s = person('assist', 'Andrea Frei', 'de')
    mail(s, 'sekretariat@brunner-architekten.example.ch', t, 'Bestellung Reto Brunner %s' % onum(o),
         'Grüezi\nIm Auftrag von Herrn Brunner: Können Sie uns für die Bestellung %s eine Rechnung auf die Firma ausstellen? Brunner Architekten GmbH, Kramgasse 18, 3011 Bern.\n\nFreundliche Grüsse\nAndrea Frei, Sekretariat' % onum(o),
         'assist', ['assistant'], 'de', 'assistant writes for the buyer')
    # gift buyer and recipient
    o = use('claire'); t = when(o)
    s = person('margaux', 'Margaux Dubois', 'fr')
    mail(s, 'margaux.dubois@example.fr', t, 'Cadeau reçu abîmé',
         "Bonjour,\nma sœur m'a offert un kit de cire (commande %s, livré chez moi à Lyon 69002). Le sceau est cassé. Que faire ?\n\nMargaux" % onum(o),
         'gift', ['gift_recipient'], 'fr', 'recipient of a gift, not the buyer', thread=(mth := Thread()))
    mail(s, 'margaux.dubois@example.fr', later(t, 30, 50), None,
         "Re-bonjour, ma sœur vous a écrit aussi pour la commande %s. Vous pouvez m'envoyer le nouveau sceau directement ?\nMargaux" % onum(o),
         'gift', ['gift_recipient', 'follow_up', 'lost_headers'], 'fr', 'her own matter again, headers lost', thread=mth, lost=True)
    th = Thread()
    mail(P('claire'), P('claire')['email'], later(t, 3, 10), 'Commande %s – cadeau pour ma sœur' % onum(o),
         "Bonjour,\nj'ai offert la commande %s à ma sœur Margaux, le sceau est arrivé cassé. Pouvez-vous lui en renvoyer un ?\n\nClaire Dubois" % onum(o),
         oconv(o), ['gift_buyer'], 'fr', 'the buyer about her gift', thread=th)
    o = use('daniel'); t = when(o)
    s = person('linda', 'Linda Brooks', 'en')
    dm(s, 'facebook', t, 'Hello my son Daniel ordered me the ink set, order %s, my zip is 12054. It says delivered but I have nothing' % onum(o),
       'gift', ['dm', 'gift_recipient', 'postcode_number'], 'en', 'shipping zip of the recipient, not the billing postcode')
    # company purchasing mailbox and its employee
    lo2 = use('lindner', 1); p = P('lindner'); t = when(lo2)
    th = Thread()
    mail(p, p['email'], t, 'Bestellung %s / unsere PO-12088' % onum(lo2),
         'Sehr geehrte Damen und Herren,\nzu Ihrer Bestellung %s (unsere Bestellnummer PO-12088): bitte liefern Sie an Wareneingang Tor 3.\n\nMit freundlichen Grüßen\nEinkauf\nBüro Lindner GmbH\nTel. 0711 400500-12021' % onum(lo2),
         oconv(lo2), ['company_mailbox', 'po_number', 'extension_number'], 'de', 'PO-12088 and the extension are not orders', thread=th)
    e = person('petra', 'Petra Kühn', 'de')
    mail(e, 'p.kuehn@buero-lindner.example.de', later(t, 20, 50), 'Lieferung %s unvollständig' % onum(lo2),
         'Hallo,\nvon unserer Bestellung %s sind nur 10 statt 20 Notizbücher gekommen.\n\nPetra Kühn\nBüro Lindner GmbH – Assistenz der Geschäftsführung' % onum(lo2),
         'emp', ['company_employee'], 'de', 'employee from her own address, not the purchasing mailbox')
    lu = use('lumiere'); p = P('lumiere'); t = when(lu)
    mail(p, p['email'], t, 'Facture commande %s' % onum(lu),
         'Bonjour,\npour notre comptabilité, merci de faire figurer notre bon de commande BC-12096 sur la facture de la commande %s.\n\nService achats – Café Lumière' % onum(lu),
         oconv(lu), ['company_mailbox', 'po_number'], 'fr', 'BC-12096 is their own PO number')
    s = person('hugo', 'Hugo Martin', 'fr')
    mail(s, 'hugo.martin.paris@gmail.com', later(t, 30, 60), 'Livraison café',
         'Bonjour, je suis barista au Café Lumière, la commande %s est-elle partie ? Hugo' % onum(lu),
         'emp', ['company_employee'], 'fr', 'employee of the buying café')
    # reseller: a quantity, and a reseller's own customer
    pc = use('paperco', 0); p = P('paperco'); t = when(pc)
    mail(p, p['email'], t, 'Restock + order %s' % onum(pc),
         'Hi team,\nthanks for order %s, all arrived fine. For January we would need about 12000 C6 envelopes - can you quote?\n\nPaper & Co Purchasing' % onum(pc),
         oconv(pc), ['reseller', 'quantity_number'], 'en', '12000 is a quantity')
    f = person('fiona_rc', 'Fiona Reid', 'en')   # not the eBay Fiona: different person
    mail(f, 'fiona.reid@example.co.uk', later(t, 20, 80), 'Notebook from Paper & Co',
         'Hello, I bought one of your notebooks at Paper & Co in Brighton, their receipt says #%s. The binding came loose, can you help?\nFiona' % onum(pc),
         'rc', ['reseller_customer', 'namesake'], 'en', "the reseller's customer quoting the reseller's order")
    # household: family mailbox used by the husband; spouse from own address
    o = use('anke'); t = when(o)
    j = person('joerg', 'Jörg Brandt', 'de')
    mail(j, P('anke')['email'], t, 'Bestellung %s' % onum(o),
         'Hallo,\nmeine Frau hat bei Ihnen die Bestellung %s gemacht, ich wollte fragen ob man noch eine Karte dazulegen kann. Sie hat nächste Woche Geburtstag :)\n\nJörg Brandt' % onum(o),
         'hh', ['household', 'shared_mailbox'], 'de', 'husband writes from the family address the wife ordered with', display='Familie Brandt')
    o = use('megan'); t = when(o)
    sn = person('sean', "Sean O'Connor", 'en')
    mail(sn, 'sean.oconnor@gmail.com', t, "Megan's order %s" % onum(o),
         "Hi, my wife Megan ordered %s, our phone is +1 503 555 0142 if the courier needs it. Can it be left at the side door?\nSean" % onum(o),
         'hh', ['household'], 'en', 'spouse with shared phone and surname')
    # namesakes
    for k in ('maria1', 'maria2'):
        o = use(k); p = P(k); t = when(o)
        mail(p, p['email'], t, 'Pedido %s' % onum(o),
             'Hola, ¿me podéis decir cuándo llega el pedido %s? Gracias.\nMaría García' % onum(o),
             oconv(o), ['namesake'], 'es', 'two buyers share a name')
    s = person('maria3', 'María García', 'es')
    mail(s, 'maria.garcia.r@example.es', at(27, 18), 'Consulta',
         'Hola, ¿tenéis papel de acuarela? Un saludo, María García', 'pre', ['namesake', 'presale'], 'es', 'third María, no order')
    # Gmail variants and a non-Gmail variant
    for k, addr in (('lena', 'LenaHoffmann@gmail.com'), ('felix', 'felix.neumann87@gmail.com'),
                    ('hannah', 'hannahprice+shop@gmail.com'), ('marco', 'm.a.r.c.o.conti@googlemail.com')):
        o = use(k); p = P(k); t = when(o)
        lang = p['lang']
        subj, text = X.first_mail(rng, lang, 'wismo', onum(o), D.ITEM_WORDS[lang], otime(o).day, first(p))
        mail(p, addr, t, subj, text, oconv(o), ['gmail_variant'], lang, 'Gmail delivers this to the order address', thread=Thread())
    o = use('james'); p = P('james'); t = when(o)
    mail(p, 'jwhitfield@example.co.uk', t, 'Order %s' % onum(o),
         'Hi, could you tell me where order %s is? Cheers, James' % onum(o),
         oconv(o), ['address_variant'], 'en', 'dots matter outside Gmail: not the order address')
    # nicknames
    o = use('beatrice'); p = P('beatrice'); t = when(o)
    mail(p, p['email'], t, 'ordine %s' % onum(o),
         'Ciao! Sono Bea, l’ordine %s è arrivato ma manca il segnalibro. Baci, Bea' % onum(o),
         oconv(o), ['nickname'], 'it', 'nickname, order address', display='Bea')
    o = use('thomas'); p = P('thomas'); t = when(o)
    th = Thread()
    mail(p, 'tommy.aldridge@gmail.com', t, 'my order',
         'Hiya, Tom here, order %s - any chance it ships before the 10th?\nTom' % onum(o),
         oconv(o), ['nickname', 'new_address'], 'en', 'real buyer from another address, no second fact',
         display='Tommy A', thread=th)
    mail(p, 'tommy.aldridge@gmail.com', later(t, 5, 20), None,
         'Sure, billing postcode is ls16az (Leeds). Order %s as I said.\nTom' % onum(o),
         oconv(o), ['nickname', 'new_address', 'mail_verified', 'follow_up'], 'en',
         'billing postcode written without space, in the same thread: verified now', display='Tommy A', thread=th)
    # numbers that are not orders
    o = use('olivia'); p = P('olivia'); t = when(o)
    mail(p, p['email'], t, 'Delivery instructions',
         "Hello, for my order could the courier please ring Flat #3? The buzzer for 9 Shore doesn't work.\nOlivia",
         oconv(o), ['street_number'], 'en', 'Flat #3 is not an order')
    o = use('rachel'); p = P('rachel'); t = when(o)
    mail(p, p['email'], t, 'Order %s' % onum(o),
         'Hi, my order %s shows delivered but it is not here.\n\nRachel Kim\n14 Vischer Ferry Road\nClifton Park, NY 12065' % onum(o),
         oconv(o), ['postcode_number'], 'en', 'ZIP 12065 in the signature is not an order')
    o = use('chiara'); p = P('chiara'); t = when(o)
    mail(p, p['email'], t, 'Ordine %s' % onum(o),
         "Buongiorno,\nvorrei restituire l'agenda dell'ordine %s.\n\nChiara Greco\nVia Palazzo di Città 9\n12037 Saluzzo (CN)" % onum(o),
         oconv(o), ['postcode_number'], 'it', '12037 Saluzzo is a postcode')
    o = use('katharina'); p = P('katharina'); t = when(o)
    mail(p, p['email'], t, 'Rechnung 12081?',
         'Hallo,\nich habe eine Rechnung Nr. 12081 bekommen, gehört die zu meiner Bestellung %s? Der Betrag stimmt nicht.\n\nKatharina Berg' % onum(o),
         oconv(o), ['invoice_number'], 'de', '12081 is an invoice number, no such order')
    # newsletter (BCC) replies, each its own conversation
    t = at(31, 10)
    v = P('verena'); vo = use('verena', 0)
    reply_to_newsletter(v, v['email'], later(t, 1, 5),
                        'Hallo, gilt der Rabatt auch noch für meine Bestellung %s von letzter Woche?\nVerena' % onum(vo),
                        'nl', ['bcc_reply'], 'de', 'newsletter reply from the order address')
    kr = P('kranich'); ko = use('kranich')
    reply_to_newsletter(kr, kr['email'], later(t, 2, 8),
                        'Liebes Team,\nwir (Studio Kranich, Salzburg) würden gerne eure Karten im Laden führen. Unsere letzte Bestellung war %s. Gibt es Händlerkonditionen?\n\nliebe Grüße aus Salzburg\nTeam Kranich' % onum(ko),
                        'nl', ['bcc_reply', 'role_address'], 'de', 'role address of a small business that is the buyer')
    s = person('ruth', 'Ruth Evans', 'en')
    reply_to_newsletter(s, 'ruth.evans@example.co.uk', later(t, 3, 9), 'Please take me off this list. Thanks.',
                        'nl', ['bcc_reply'], 'en', 'unsubscribe, no order')
    a = P('aoife')
    reply_to_newsletter(a, a['email'], later(t, 4, 12), 'Is the advent calendar still in stock? Would love one for my niece.\nAoife',
                        'nl', ['bcc_reply'], 'en', 'buyer asks pre-sale in a newsletter reply')
    s = person('info_sole', 'Cartoleria Sole', 'it')
    reply_to_newsletter(s, 'info@cartoleria-sole.example.it', later(t, 6, 20),
                        'Buongiorno, siamo una cartoleria a Lecce, fate prezzi per rivenditori?\nCartoleria Sole', 'nl',
                        ['bcc_reply', 'role_address'], 'it', 'a shop\'s info@ address, not a buyer')
    # Amazon relay
    st = P('stefanie'); oid = AMZ_BUYERS[0][4]
    t = at(22, 9, 12)
    amazon(st, oid, t, 'Anfrage zur Lieferung von Amazon-Kunde %(n)s (Bestellung: %(o)s)',
           'Hallo, mein Adventskalender ist noch nicht da, dabei brauche ich ihn zum 1.12. Können Sie nachsehen? Danke, Stefanie',
           'amz:' + oid, ['amazon'], 'de', 'relay thread of her order')
    amazon(st, oid, later(t, 20, 30), 'Anfrage zur Lieferung von Amazon-Kunde %(n)s (Bestellung: %(o)s)',
           'Ist angekommen, danke! 4 Tage später als angegeben, aber egal.',
           'amz:' + oid, ['amazon', 'follow_up'], 'de', 'same relay thread')
    ol = P('oliver'); oid = AMZ_BUYERS[1][4]
    amazon(ol, oid, at(26, 21, 40), 'Return policy inquiry from Amazon customer %(n)s(Order: %(o)s)',
           'Hi, the wax seal kit arrived with the stamp handle cracked. Can I get a replacement rather than a refund?',
           'amz:' + oid, ['amazon'], 'en', 'relay thread of his order')
    amazon(ol, oid, at(28, 7, 55), 'Return policy inquiry from Amazon customer %(n)s(Order: %(o)s)',
           'Thanks. Photo of the cracked handle attached. Happy to send it back if needed.',
           'amz:' + oid, ['amazon', 'follow_up'], 'en', 'same relay thread')
    va = P('valentina'); oid = AMZ_BUYERS[2][4]
    amazon(va, oid, at(33, 8, 5), 'Richiesta dal cliente Amazon %(n)s (Ordine: %(o)s)',
           'Buongiorno, nel pacco c’erano le buste C6 invece delle C5 che avevo ordinato. Come facciamo?',
           'amz:' + oid, ['amazon'], 'it', 'relay thread of her order')
    # eBay buyers
    texts = [('Hallo, das Notizbuch ist angekommen, aber der Einband ist an einer Ecke geknickt. Bestellung %s.', 'de'),
             ('Hi, any chance you could combine postage if I buy two more packs of the envelopes? My last order was %s.', 'en'),
             ("Bonjour, le colis %s est arrivé humide, l'agenda est tout gondolé.", 'fr'),
             ('Hi! Has order %s shipped yet? It says not started. The cards are for a party on the 12th.', 'en')]
    for i, (k, nm, lang, user, oid, cur, cc) in enumerate(EBAY_BUYERS):
        txt, lg = texts[i]
        ebay(P(k), 'c%010d' % (88012000 + i * 7919), at(22 + i * 3, 14, 30), txt % oid,
             'ebay:' + oid, ['ebay'], lg, 'the eBay buyer of this order', subject='About item: ' + EBAY_ORDERS[i]['lineItems'][0]['title'])
    # new address: verifies with a second fact; another does not
    o = use('siobhan', 0); p = P('siobhan'); t = when(o)
    mail(p, 'sbyrne@harbourlaw.example.ie', t, 'Order %s' % onum(o),
         "Hi, I can't get into my personal email at the moment. My order %s was placed with siobhan.byrne@example.ie, eircode D08 XR63. Could you tell me when it will arrive?\n\nSiobhán Byrne" % onum(o),
         oconv(o), ['new_address', 'mail_verified'], 'en', 'number + order e-mail + postcode from a work address')
    o = use('ciaran'); p = P('ciaran'); t = when(o); th = Thread()
    mail(p, 'c.walsh@corkbrewing.example.ie', t, 'Order %s' % onum(o),
         'Hi, order %s - has it left yet? Ciarán' % onum(o),
         oconv(o), ['new_address'], 'en', 'number only from a work address', thread=th)
    mail(p, 'c.walsh@corkbrewing.example.ie', later(t, 18, 30), None,
         'Sure - I ordered with ciaran.walsh@gmail.com.\nCiarán', oconv(o),
         ['new_address', 'mail_verified', 'follow_up'], 'en', 'gives the order e-mail in the same thread: verified now', thread=th)
    # DM verified, then mail from an address that is not the order's
    o = use('nadine'); p = P('nadine'); t = when(o)
    dm(p, 'instagram', t, 'Hoi! Bestellung %s, Mail nadine.keller@example.ch – wann kommt das Paket?' % onum(o),
       oconv(o), ['dm', 'dm_verified'], 'de', 'number + order e-mail')
    mail(p, 'nadine.k@gmail.com', later(t, 24, 48), 'Bestellung %s' % onum(o),
         'Hallo, ich hatte schon auf Instagram geschrieben wegen Bestellung %s. Ist es inzwischen verschickt?\nNadine' % onum(o),
         oconv(o), ['cross_channel', 'new_address'], 'de', 'verification does not carry over to this mail')
    # Instagram: a buyer with no name shown, number only
    o = use('aoife'); p = P('aoife'); t = when(o)
    dm(p, 'instagram', t, 'hiya is %s on its way? x' % onum(o), oconv(o), ['dm', 'dm_number_only'], 'en',
       'number only, no display name', display=False)


# ---------------------------------------------------------------- everyday
PRESALE_PEOPLE = [('anna_w', 'Anna Winter', 'de', 'anna.winter@example.de'),
                  ('moritz', 'Moritz Hahn', 'de', 'moritz.hahn@gmail.com'),
                  ('petra_k', 'Petra Koller', 'de', 'petra.koller@example.at'),
                  ('lea', 'Léa Perrin', 'fr', 'lea.perrin@example.fr'),
                  ('mathis', 'Mathis Girard', 'fr', 'mathis.girard@gmail.com'),
                  ('sara', 'Sara Bianchi', 'it', 'sara.bianchi@example.it'),
                  ('davide', 'Davide Romano', 'it', 'davide.romano@gmail.com'),
                  ('elena', 'Elena Castro', 'es', 'elena.castro@example.es'),
                  ('diego', 'Diego Molina', 'es', 'diego.molina@gmail.com'),
                  ('chloe', 'Chloe Turner', 'en', 'chloe.turner@example.co.uk'),
                  ('noah', 'Noah Fischer', 'en', 'noah.fischer@example.com'),
                  ('amelia', 'Amelia Ross', 'en', 'amelia.ross@gmail.com'),
                  ('sean_k', 'Seán Kelly', 'en', 'sean.kelly@example.ie'),
                  ('brigitte', 'Brigitte Roth', 'de', 'brigitte.roth@example.ch'),
                  ('jan', 'Jan Vos', 'en', 'jan.vos@example.nl'),
                  ('marta', 'Marta Iglesias', 'es', 'marta.iglesias@example.es'),
                  ('pauline', 'Pauline Marchal', 'fr', 'pauline.marchal@example.be'),
                  ('stefano', 'Stefano Ricci', 'it', 'stefano.ricci@example.it'),
                  ('oskar', 'Oskar Lindqvist', 'en', 'oskar.lindqvist@gmail.com'),
                  ('heike', 'Heike Jansen', 'de', 'heike.jansen@example.de'),
                  ('lily', 'Lily Chen', 'en', 'lily.chen@example.com'),
                  ('ana', 'Ana Sousa', 'es', 'ana.sousa@example.pt'),
                  ('gabriel', 'Gabriel Lemoine', 'fr', 'gabriel.lemoine@gmail.com'),
                  ('silvia', 'Silvia Costa', 'it', 'silvia.costa@example.it')]

COMEBACK = {
    'de': ['ich hatte letzten Monat schon bei euch bestellt ({r}) und bin begeistert. Gibt es das Notizbuch auch liniert?',
           'andere Frage: habt ihr auch Geschenkpapier? Würde gern noch etwas dazubestellen.'],
    'fr': ["j'ai déjà commandé chez vous ({r}), super qualité ! Le carnet existe-t-il en version lignée ?",
           'autre question : vendez-vous du papier cadeau ?'],
    'it': ["ho già ordinato da voi ({r}), qualità ottima! Il quaderno esiste anche a righe?",
           'altra domanda: vendete anche carta da regalo?'],
    'es': ['ya os compré antes ({r}), ¡me encantó! ¿El cuaderno existe también con rayas?',
           'otra pregunta: ¿vendéis papel de regalo?'],
    'en': ['I ordered from you before ({r}) and loved it. Does the notebook come lined as well?',
           'different question: do you sell wrapping paper?'],
}
COMEBACK_SUBJ = {'de': 'Noch eine Frage', 'fr': 'Autre question', 'it': 'Altra domanda',
                 'es': 'Otra pregunta', 'en': 'Another question'}


THANKS = {'de': 'Danke für die schnelle Info, dann bestelle ich gleich!',
          'fr': 'Merci pour la réponse, je commande tout de suite !',
          'it': 'Grazie per la risposta, ordino subito!',
          'es': '¡Gracias por responder tan rápido, hago el pedido ya!',
          'en': 'Thanks for getting back to me, I will place the order now!'}


def comebacks():
    ks = sorted(k for k in by_buyer if k not in ('lindner', 'paperco', 'lumiere', 'kranich', 'anke'))
    for k in rng.sample(ks, 33):
        p = P(k)
        lang = p['lang']
        o = by_buyer[k][-1]
        t = max(otime(o) + dt.timedelta(days=5), at(29, 8)) + dt.timedelta(minutes=rng.randrange(0, 6 * 1440))
        t = min(t, HI - dt.timedelta(hours=rng.randrange(1, 30)))
        withnum = rng.random() < 0.4
        body = COMEBACK[lang][0 if withnum else 1].format(r=X.ref(rng, lang, onum(o)))
        th = Thread()
        mail(p, p['email'], t, COMEBACK_SUBJ[lang], X.wrap(rng, lang, body, first(p)), 'later-question',
             ['presale'], lang, 'a buyer back with another matter' +
             (' naming her earlier order' if withnum else ''), thread=th)
        if rng.random() < 0.25:
            mail(p, p['email'], later(t, 4, 30), None, THANKS[lang] + '\n' + first(p), 'later-question', ['presale', 'follow_up'], lang, 'reply in the thread',
                 thread=th)


def everyday():
    lost_left = 6
    for o in ORDERS:
        if o['name'] in USED or rng.random() > 0.97:
            continue
        k = o['_buyer']
        p = P(k)
        lang = p['lang']
        if o['fulfillments']:
            intent = rng.choice(['wismo', 'wismo', 'wismo', 'return', 'exchange', 'damaged', 'invoice'])
        else:
            intent = rng.choice(['wismo', 'wismo', 'cancel', 'address_change', 'invoice'])
        withnum = rng.random() > 0.12
        sig = rng.choice([first(p), p['name'], first(p)[0] + '.'])
        if k in ('lindner', 'paperco', 'lumiere', 'kranich'):
            sig = {'lindner': 'Einkauf\nBüro Lindner GmbH', 'paperco': 'Paper & Co Purchasing',
                   'lumiere': 'Service achats\nCafé Lumière', 'kranich': 'Team Kranich'}[k]
        subj, text = X.first_mail(rng, lang, intent, onum(o), D.ITEM_WORDS[lang], otime(o).day, sig, withnum)
        if rng.random() < 0.2:
            text = X.typo(rng, text)
        t = when(o)
        th = Thread()
        cases = [] if withnum else ['no_number']
        mail(p, p['email'], t, subj, text, oconv(o), cases, lang, thread=th,
             note='buyer from the order address' if withnum else 'buyer, no number given')
        n = 0
        while rng.random() < (0.75 if n == 0 else 0.3) and n < X.max_follow(intent):
            n += 1
            t = later(t, 14, 70)
            lost = lost_left > 0 and rng.random() < 0.18
            if lost:
                lost_left -= 1
            mail(p, p['email'], t, None, X.follow(rng, lang, first(p), intent, n), oconv(o),
                 ['follow_up'] + (['lost_headers'] if lost else []), lang, thread=th, lost=lost,
                 note='reply without In-Reply-To/References' if lost else 'reply in the thread')
    for k, nm, lang, addr in PRESALE_PEOPLE:
        p = person(k, nm, lang)
        t = at(rng.randrange(20, 36), rng.randrange(7, 22), rng.randrange(60))
        subj, text = X.presale(rng, lang, nm.split()[0])
        if rng.random() < 0.2:
            text = X.typo(rng, text)
        th = Thread()
        mail(p, addr, t, subj, text, 'presale', ['presale'], lang, thread=th, note='not a buyer')
        if rng.random() < 0.4:
            mail(p, addr, later(t, 3, 30), None, THANKS[lang] + '\n' + nm.split()[0], 'presale', ['presale', 'follow_up'], lang, thread=th, note='not a buyer')


# ---------------------------------------------------------------- output
def main():
    hard_cases()
    everyday()
    comebacks()
    EVENTS.sort(key=lambda e: (e[0], e[1]))
    records = [e[2] for e in EVENTS]
    metas = [e[3] for e in EVENTS]
    started = {}
    for m in metas:
        convs = started.setdefault(m['person'], [])
        if m['conv'] not in convs:
            if convs and 'new_matter' not in m['cases']:
                m['cases'].append('new_matter')
            convs.append(m['conv'])
    truth = L.truth(records, metas, SHOP,
                    {k: dict(buyer=v['buyer'], alias=v['alias']) for k, v in AMAZON.items()}, EBAY)
    out = lambda n: os.path.join(HERE, n)
    with open(out('orders.json'), 'w') as f:
        json.dump({'orders': [{k: v for k, v in o.items() if not k.startswith('_')} for o in ORDERS]},
                  f, ensure_ascii=False, indent=1)
        f.write('\n')
    with open(out('ebay-orders.json'), 'w') as f:
        json.dump({'href': 'https://api.ebay.com/sell/fulfillment/v1/order?limit=50&offset=0',
                   'total': len(EBAY_ORDERS), 'limit': 50, 'offset': 0, 'orders': EBAY_ORDERS},
                  f, ensure_ascii=False, indent=1)
        f.write('\n')
    with open(out('records.ndjson'), 'w') as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False, separators=(',', ':')) + '\n')
    with open(out('truth.ndjson'), 'w') as f:
        for r in truth:
            f.write(json.dumps(r, ensure_ascii=False, separators=(',', ':')) + '\n')
    people = {}
    for p in sorted(PEOPLE.values(), key=lambda p: int(p['pid'][1:])):
        q = {k: v for k, v in p.items() if k != 'pid'}
        people[p['pid']] = q
    with open(out('people.json'), 'w') as f:
        json.dump({'seed': SEED, 'store': STORE, 'people': people,
                   'shop_orders': {n: v['buyer'] for n, v in SHOP.items()},
                   'amazon_orders': {k: v for k, v in AMAZON.items()},
                   'ebay_orders': EBAY}, f, ensure_ascii=False, indent=1)
        f.write('\n')


if __name__ == '__main__':
    main()
