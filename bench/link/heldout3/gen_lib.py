# Record builders: fetch-stage tickets as omni-fetch(1) writes them, per channel.
import hashlib, datetime, re

IG_PAGE = "17841462093385107"      # Lanterna Tea Co. Instagram professional account
FB_PAGE = "108224391776520"        # Lanterna Tea Co. Facebook page
SHOP_DOMAIN = "lanterna-tea.example"
RECS = []      # (at, seq, record, truth)
KEYS = {}      # our label -> (message_id, references list)

def h(s, n=10):
    return hashlib.sha256(s.encode()).hexdigest()[:n]

def at_of(t):
    md, hm = t.split()
    return "2026-%s-%sT%s:%02dZ" % (md[:2], md[3:5], hm, int(h(t, 4), 16) % 60)

def epoch(at):
    return int(datetime.datetime.strptime(at, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.timezone.utc).timestamp())

def msgid(frm, at, text):
    dom = frm.split("@")[1]
    x = h(frm + at + text, 16)
    if dom in ("gmail.com", "googlemail.com"):
        return "CA+%s%s@mail.gmail.com" % (x.upper()[:12], h(x, 20))
    if dom.endswith(".co.uk") or dom.endswith(".com"):
        return "%s%s@%s.prod.outlook.example" % (x.upper(), h(x, 8).upper(), "DB9PR0%sMB" % x[:1])
    return "%s.%s@%s" % (at[:19].replace("-", "").replace(":", "").replace("T", ""), x[:10], dom)

def parse_orders(spec):
    d = {}
    for tok in spec.split():
        k, v = tok.rsplit(":", 1)
        lab = {"o": "own", "n": "not_own"}[v]
        if re.fullmatch(r"\d{4,}", k):
            k = "#" + k
        d[k] = lab
    return d

def _truth(rid, person, conv, orders, note, cases, lang, unsure=None):
    t = {"id": rid, "person": person, "conversation": conv, "orders": parse_orders(orders),
         "note": note, "cases": list(cases), "lang": lang}
    if unsure:
        t["unsure"] = unsure
    return t

def mail(key, t, frm, name, subject, text, person, conv, lang, orders="", cases=(), note="",
         reply=None, bcc=None, unsure=None, channel="email"):
    """reply: key of an earlier mail of ours answered by the shop; the customer answers
    the shop's reply.  bcc: message id of a mail the shop sent to many (BCC / newsletter)."""
    at = at_of(t)
    frm = frm.lower()
    mid = msgid(frm, at, text)
    refs, irt = [], None
    if reply:
        pmid, prefs = KEYS[reply]
        shop_reply = "%s.%s@mail.%s" % (h(pmid, 12), "r", SHOP_DOMAIN)
        refs = (prefs or []) + [pmid, shop_reply]
        irt = shop_reply
    if bcc:
        refs, irt = [bcc], bcc
    KEYS[key] = (mid, refs)
    tk = refs[0] if refs else (irt or mid)
    src = {"name": "support", "external_id": mid, "thread_key": tk, "url": None, "message_id": mid,
           "in_reply_to": irt}
    if refs:
        src["references"] = refs
    src["path"] = "/home/acme/Mail/support/cur/%d.M%dP%d.mx1:2,S" % (epoch(at), int(h(mid, 5), 16), int(h(mid + "p", 4), 16))
    msrc = {"name": "support", "external_id": mid, "thread_key": tk, "message_id": mid}
    rec = {"omni": 1, "id": "support:" + mid, "channel": channel, "store": "acme", "kind": "message",
           "source": src, "subject": subject, "created_at": at, "updated_at": at,
           "customer": {"name": name, "emails": [frm]} if name else {"emails": [frm]},
           "messages": [{"id": mid, "direction": "in", "author": "customer", "at": at, "text": text,
                         "channel": channel, "from": frm, "source": msrc}]}
    RECS.append((at, len(RECS), rec, _truth(rec["id"], person, conv, orders, note, cases, lang, unsure)))

def meta(t, platform, sender, name, text, person, conv, lang, orders="", cases=(), note="", unsure=None):
    at = at_of(t)
    page = IG_PAGE if platform == "instagram" else FB_PAGE
    if platform == "instagram":
        mid = "aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQx" + h(sender + at + text, 30)
    else:
        mid = "m_" + h(sender + at + text, 40)
    tk = "%s:%s:%s" % (platform, page, sender)
    src = {"name": "meta", "external_id": mid, "thread_key": tk, "url": None, "page_id": page}
    cust = {"handles": {platform: sender}}
    if name:
        cust = {"name": name, "handles": {platform: sender}}
    rec = {"omni": 1, "id": "meta:" + mid, "channel": platform, "store": "acme", "kind": "message",
           "source": src, "created_at": at, "updated_at": at, "customer": cust,
           "messages": [{"id": mid, "direction": "in", "author": "customer", "at": at, "text": text,
                         "channel": platform, "source": {"name": "meta", "external_id": mid, "thread_key": tk}}]}
    RECS.append((at, len(RECS), rec, _truth(rec["id"], person, conv, orders, note, cases, lang, unsure)))

def ig(t, sender, name, text, person, conv, lang, orders="", cases=(), **kw):
    meta(t, "instagram", sender, name, text, person, conv, lang, orders, cases, **kw)

def fb(t, sender, name, text, person, conv, lang, orders="", cases=(), **kw):
    meta(t, "facebook", sender, name, text, person, conv, lang, orders, cases, **kw)

AMZ_SUBJ = {"en": "Order delivery inquiry from Amazon customer %s (Order: %s)",
            "de": "Anfrage zur Lieferung von Amazon-Kunde %s (Bestellung: %s)",
            "it": "Richiesta di informazioni sulla consegna dal cliente Amazon %s (Ordine: %s)",
            "fr": "Demande de renseignements sur la livraison du client Amazon %s (Commande : %s)",
            "es": "Consulta sobre la entrega del cliente de Amazon %s (Pedido: %s)"}

def amazon(t, alias, name, oid, text, person, conv, lang, orders="", cases=(), note="", tld="de", unsure=None, first=True):
    at = at_of(t)
    mid = "0102019%s-%s-%s-000000@eu-west-1.amazonses.com" % (h(alias + at, 9), h(text, 8), h(at, 4))
    tk = "amazon:%s:%s" % (alias, oid)
    src = {"name": "amazon-mail", "external_id": mid, "thread_key": tk, "url": None, "message_id": mid,
           "in_reply_to": None,
           "path": "/home/acme/Mail/amazon/cur/%d.M%dP%d.mx1:2,S" % (epoch(at), int(h(mid, 5), 16), int(h(mid + "p", 4), 16))}
    subj = AMZ_SUBJ[lang] % (name, oid)
    if not first:
        subj = "RE: " + subj
    rec = {"omni": 1, "id": "amazon-mail:" + mid, "channel": "amazon", "store": "acme", "kind": "message",
           "source": src, "subject": subj, "created_at": at, "updated_at": at,
           "customer": {"name": name, "emails": [alias], "handles": {"amazon": alias}},
           "order_ids": [oid],
           "messages": [{"id": mid, "direction": "in", "author": "customer", "at": at, "text": text,
                         "attachments": [], "channel": "amazon", "from": alias,
                         "source": {"name": "amazon-mail", "external_id": mid, "thread_key": tk, "message_id": mid}}]}
    RECS.append((at, len(RECS), rec, _truth(rec["id"], person, conv, orders, note, cases, lang, unsure)))

def ebay(t, conv_id, user, subject, text, person, conv, lang, orders="", cases=(), note="", unsure=None):
    at = at_of(t)
    msg = "%d" % (2150000000000 + int(h(conv_id + at, 8), 16) % 999999999)
    tk = "ebay:%s" % conv_id
    src = {"name": "ebay", "external_id": conv_id, "thread_key": tk,
           "url": "https://www.ebay.de/cnt/ViewMessage?conversationId=%s" % conv_id}
    rec = {"omni": 1, "id": "ebay:" + conv_id, "channel": "ebay", "store": "acme", "kind": "message",
           "source": src, "subject": subject, "created_at": at, "updated_at": at,
           "customer": {"name": user, "handles": {"ebay": user}},
           "messages": [{"id": msg, "direction": "in", "author": "customer", "at": at, "text": text,
                         "channel": "ebay", "source": {"name": "ebay", "external_id": msg, "thread_key": tk}}]}
    RECS.append((at, len(RECS), rec, _truth(rec["id"], person, conv, orders, note, cases, lang, unsure)))
