"""Shared functions of the heldout10 generator: candidates, Gmail
normalisation and the truth labels, computed from who really wrote."""
import re

SHOP_LO, SHOP_HI = 12000, 12099
RE_SHOP = re.compile(r'(?<!\d)(\d{5})(?!\d)')
RE_HASH = re.compile(r'#(\d+)')
RE_AMZ = re.compile(r'(?<![\d-])(\d{3}-\d{7}-\d{7})(?![\d-])')
RE_EBAY = re.compile(r'(?<![\d-])(\d{2}-\d{5}-\d{5})(?![\d-])')
RE_MAIL = re.compile(r'[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}')


def norm_mail(addr):
    """An address as its provider delivers it: Gmail ignores case, dots and
    +tags and googlemail.com is gmail.com; other providers only case."""
    a = addr.strip().lower()
    local, _, dom = a.partition('@')
    if dom in ('gmail.com', 'googlemail.com'):
        local = local.split('+', 1)[0].replace('.', '')
        dom = 'gmail.com'
    return local + '@' + dom


def candidates(texts):
    """Every order-number candidate in the given strings, in order of first
    appearance: 5-digit 12000-12099 not inside a longer digit run, every
    #<digits>, every Amazon 3-7-7 and eBay 2-5-5 id."""
    found = []
    for t in texts:
        if not t:
            continue
        hits = []
        for m in RE_AMZ.finditer(t):
            hits.append((m.start(), m.group(1)))
        for m in RE_EBAY.finditer(t):
            hits.append((m.start(), m.group(1)))
        for m in RE_SHOP.finditer(t):
            # skip the 5-digit groups of an eBay id
            s, e = m.start(), m.end()
            if (s > 0 and t[s - 1] == '-') or (e < len(t) and t[e:e + 1] == '-'):
                if RE_EBAY.search(t[max(0, s - 9):e + 7]):
                    continue
            if SHOP_LO <= int(m.group(1)) <= SHOP_HI:
                hits.append((s, '#' + m.group(1)))
        for m in RE_HASH.finditer(t):
            hits.append((m.start(), '#' + m.group(1)))
        for _, k in sorted(hits):
            if k not in found:
                found.append(k)
    return found


def zip_in(zipc, text):
    z = re.sub(r'\s+', '', zipc).upper()
    flat = text.upper()
    if z.isdigit():
        return re.search(r'(?<!\d)' + z + r'(?!\d)', flat) is not None
    pat = r'\s*'.join(re.escape(c) for c in z)
    return re.search(r'(?<![A-Z0-9])' + pat + r'(?![A-Z0-9])', flat) is not None


def truth(records, metas, shop, amazon, ebay):
    """One truth line per record.  metas[i] carries what the generator knows:
    person, conv (a key), cases, lang.  shop: name -> {email, zip, buyer};
    amazon: id -> {buyer, alias}; ebay: id -> {buyer, username}."""
    seen = {}      # (person, conv, thread_key) -> texts so far
    convs = {}
    out = []
    for rec, meta in zip(records, metas):
        person = meta['person']
        ck = (person, meta['conv'])
        if ck not in convs:
            convs[ck] = 'c%d' % (len(convs) + 1)
        src = rec['source']
        tk = src['thread_key']
        texts = [rec.get('subject') or ''] + [m.get('text') or '' for m in rec['messages']]
        hist = seen.setdefault((person, meta['conv'], rec['channel'], tk), [])
        hist.extend(texts)
        cands = candidates(texts + list(rec.get('order_ids') or []))
        sender = None
        if rec['channel'] == 'email':
            sender = rec['messages'][0].get('from')
        shown_mails = {norm_mail(a) for t in hist for a in RE_MAIL.findall(t)}
        hist_cands = set(candidates(hist))
        labels = {}
        for k in cands:
            lab = 'not_own'
            if k in shop:
                o = shop[k]
                if o['buyer'] == person:
                    if sender and norm_mail(sender) == norm_mail(o['email']):
                        lab = 'own'
                    elif k in hist_cands and (
                            norm_mail(o['email']) in shown_mails or
                            any(zip_in(o['zip'], t) for t in hist)):
                        lab = 'own'
            elif k in amazon:
                o = amazon[k]
                if (o['buyer'] == person and rec['channel'] == 'amazon' and
                        tk == 'amazon:%s:%s' % (o['alias'], k)):
                    lab = 'own'
            elif k in ebay:
                o = ebay[k]
                if (o['buyer'] == person and rec['channel'] == 'ebay' and
                        rec['customer'].get('handles', {}).get('ebay') == o['username']):
                    lab = 'own'
            labels[k] = lab
        out.append({'id': rec['id'], 'person': person, 'conversation': convs[ck],
                    'orders': labels, 'note': meta.get('note', ''),
                    'cases': meta['cases'], 'lang': meta['lang']})
    return out
