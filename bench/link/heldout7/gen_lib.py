# -*- coding: utf-8 -*-
"""Record builders and the mechanical truth labeller for heldout7."""
import hashlib
import json
import re
from datetime import datetime, timedelta, timezone

from gen_data import (BUYERS, ORDERS, EBAY_ORDERS, AMAZON_ORDERS, IG_ACCOUNT,
                      FB_PAGE, SHOP_DOMAIN)

STORE = "acme"


def h(s, n=16):
    return hashlib.sha256(s.encode()).hexdigest()[:n]


def ts(day, hh, mm):
    d = datetime(2026, 11, 1, tzinfo=timezone.utc) + timedelta(days=day - 1, hours=hh, minutes=mm)
    return d.strftime("%Y-%m-%dT%H:%M:%SZ")


def gmail_norm(addr):
    addr = addr.strip().lower()
    local, _, dom = addr.partition("@")
    if dom in ("gmail.com", "googlemail.com"):
        local = local.split("+", 1)[0].replace(".", "")
        dom = "gmail.com"
    return local + "@" + dom


ORDER_BY_NUM = {n: o for n, *o in [(o[0],) + tuple(o[1:]) for o in ORDERS]}
BUYER_OF = {o[0]: o[1] for o in ORDERS}
EBAY_BUYER = {o[0]: o[1] for o in EBAY_ORDERS}           # order id -> username
EBAY_USER_PERSON = {"k9_dave_uk": "dave", "zampetta_mia": "mia",
                    "hundefreund_leo": "leo", "chat.noir.lyon": "aurelie"}

RE_SHOP4 = re.compile(r"(?<!\d)(70\d\d)(?!\d)")
RE_HASH = re.compile(r"#(\d+)")
RE_AMZ = re.compile(r"(?<!\d)(\d{3}-\d{7}-\d{7})(?!\d)")
RE_EBAY = re.compile(r"(?<!\d)(\d{2}-\d{5}-\d{5})(?!\d)")
RE_MAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")


def candidates(text, order_ids):
    keys = []
    def add(k):
        if k not in keys:
            keys.append(k)
    for m in RE_SHOP4.finditer(text):
        add("#" + m.group(1))
    for m in RE_HASH.finditer(text):
        add("#" + m.group(1))
    for m in RE_AMZ.finditer(text):
        add(m.group(1))
    for m in RE_EBAY.finditer(text):
        add(m.group(1))
    for o in order_ids:
        add(o)
    return keys


def zip_in(text, z):
    pat = r"(?<![A-Za-z0-9])" + r"\s*".join(re.escape(c) for c in z.replace(" ", "")) + r"(?![A-Za-z0-9])"
    return re.search(pat, text, re.I) is not None


class Thread:
    def __init__(self):
        self.chain = []
        self.subject = None


class Recorder:
    def __init__(self):
        self.recs = []       # (at, seq, record, meta)
        self.seq = 0
        self.ids = {}
        self.n_ans = 0

    # ---- ids -------------------------------------------------------------
    def sender_id(self, ch, key):
        k = (ch, key)
        if k not in self.ids:
            n = len(self.ids) + 1
            self.ids[k] = (str(6801234500000000 + 7919 * n) if ch == "instagram"
                           else str(2456780000000000 + 6133 * n))
        return self.ids[k]

    def _add(self, at, rec, meta):
        self.seq += 1
        self.recs.append((at, self.seq, rec, meta))

    # ---- mail ------------------------------------------------------------
    def mail(self, p, addr, name, subject, text, day, hh, mm, conv, tags, lang,
             thread=None, lost=False, bcc=None, note=""):
        addr_l = addr.lower()
        dom = addr_l.split("@")[1]
        mdom = "mail.gmail.com" if dom in ("gmail.com", "googlemail.com") else "mx." + dom
        mid = "%s.%s@%s" % (h("%s|%s|%s|%s" % (addr, day, hh, mm), 12), h(text, 6), mdom)
        irt, refs = None, []
        if bcc:
            irt, refs = bcc, [bcc]
        elif thread is not None and thread.chain and not lost:
            self.n_ans += 1
            ans = "ans%03d.%s@%s" % (self.n_ans, h(mid, 8), SHOP_DOMAIN)
            thread.chain.append(ans)
            irt, refs = ans, list(thread.chain)
        tk = refs[0] if refs else (irt or mid)
        if thread is not None:
            if not thread.chain:
                thread.subject = subject
            thread.chain.append(mid)
        at = ts(day, hh, mm)
        src = {"name": "support", "external_id": mid, "thread_key": tk, "url": None,
               "message_id": mid, "in_reply_to": irt, "references": refs,
               "path": "/srv/mail/acme/support/new/%d.M%dP%d.mx1" % (
                   int(datetime.strptime(at, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc).timestamp()),
                   100 + self.seq, 4000 + self.seq * 3)}
        cust = {}
        if name:
            cust["name"] = name
        cust["emails"] = [addr_l]
        rec = {"omni": 1, "id": "support:" + mid, "channel": "email", "store": STORE,
               "kind": "message", "source": src, "subject": subject,
               "created_at": at, "updated_at": at, "customer": cust,
               "messages": [{"id": mid, "direction": "in", "author": "customer", "at": at,
                             "text": text, "attachments": [], "channel": "email",
                             "from": addr_l,
                             "source": {"name": "support", "external_id": mid,
                                        "thread_key": tk, "message_id": mid}}]}
        self._add(at, rec, dict(p=p, conv=conv, tags=tags, lang=lang, note=note,
                                chkey="email:" + gmail_norm(addr_l), mailfrom=addr_l,
                                channel="email"))
        return mid

    # ---- Instagram / Messenger ------------------------------------------
    def dm(self, p, ch, skey, name, text, day, hh, mm, conv, tags, lang, note=""):
        channel = "instagram" if ch == "ig" else "facebook"
        page = IG_ACCOUNT if ch == "ig" else FB_PAGE
        sid = self.sender_id(channel, skey)
        raw = "%s|%s|%s|%s|%s" % (channel, sid, day, hh, mm)
        if ch == "ig":
            import base64
            mid = "aWdfZAG1" + base64.b64encode(hashlib.sha256(raw.encode()).digest()[:33]).decode().replace("/", "_").replace("+", "-")
        else:
            mid = "m_" + base64url(hashlib.sha256(raw.encode()).digest()[:30])
        tk = "%s:%s:%s" % (channel, page, sid)
        at = ts(day, hh, mm)
        cust = {}
        if name:
            cust["name"] = name
        cust["handles"] = {channel: sid}
        rec = {"omni": 1, "id": "meta:" + mid, "channel": channel, "store": STORE,
               "kind": "message",
               "source": {"name": "meta", "external_id": mid, "thread_key": tk,
                          "url": None, "page_id": page},
               "created_at": at, "updated_at": at, "customer": cust,
               "messages": [{"id": mid, "direction": "in", "author": "customer", "at": at,
                             "text": text, "attachments": [], "channel": channel,
                             "source": {"name": "meta", "external_id": mid, "thread_key": tk}}]}
        self._add(at, rec, dict(p=p, conv=conv, tags=tags, lang=lang, note=note,
                                chkey=tk, channel=channel))
        return mid

    # ---- Amazon relay ----------------------------------------------------
    def amz(self, p, order, name, kind, text, day, hh, mm, conv, tags, lang, note=""):
        _, alias, tld = AMAZON_ORDERS[order]
        addr = "%s@marketplace.amazon.%s" % (alias, tld)
        mid = "0102019%s-%s-000000@eu-west-1.amazonses.com" % (h(addr + str(day) + str(hh) + str(mm), 9), h(text, 24))
        subj = {
            "de": "Anfrage zur Lieferung von Amazon-Kunde %s (Bestellung: %s)",
            "fr": "Demande de renseignements du client Amazon %s (Commande : %s)",
            "it": "Richiesta dal cliente Amazon %s (Ordine: %s)",
            "es": "Consulta del cliente de Amazon %s (Pedido: %s)",
        }.get(tld, kind + " from Amazon customer %s (Order: %s)") % (name, order)
        tk = "amazon:%s:%s" % (addr, order)
        at = ts(day, hh, mm)
        rec = {"omni": 1, "id": "amazon-mail:" + mid, "channel": "amazon", "store": STORE,
               "kind": "message",
               "source": {"name": "amazon-mail", "external_id": mid, "thread_key": tk,
                          "url": None, "message_id": mid, "in_reply_to": None, "references": [],
                          "path": "/srv/mail/acme/amazon/new/%d.M%dP%d.mx1" % (
                              int(datetime.strptime(at, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc).timestamp()),
                              100 + self.seq, 5000 + self.seq)},
               "subject": subj, "created_at": at, "updated_at": at,
               "customer": {"name": name, "emails": [addr], "handles": {"amazon": addr}},
               "order_ids": [order],
               "messages": [{"id": mid, "direction": "in", "author": "customer", "at": at,
                             "text": text, "attachments": [], "channel": "amazon", "from": addr,
                             "source": {"name": "amazon-mail", "external_id": mid,
                                        "thread_key": tk, "message_id": mid}}]}
        self._add(at, rec, dict(p=p, conv=conv, tags=tags, lang=lang, note=note,
                                chkey=tk, channel="amazon", amazon_order=order))
        return mid

    # ---- eBay ------------------------------------------------------------
    def ebay(self, p, user, subject, text, day, hh, mm, conv, tags, lang, note=""):
        cid = str(2145000000 + int(h(user + subject, 6), 16) % 99999999)
        msgid = str(3100000000 + int(h(user + text, 6), 16) % 99999999)
        at = ts(day, hh, mm)
        digest = "ebay:" + hashlib.sha256((user + " " + " ".join(text.split())).encode()).hexdigest()[:32]
        tk = "ebay:" + cid
        rec = {"omni": 1, "id": "ebay:" + cid, "channel": "ebay", "store": STORE,
               "kind": "message",
               "source": {"name": "ebay", "external_id": cid, "thread_key": tk, "url": None},
               "subject": subject, "created_at": at, "updated_at": at,
               "customer": {"name": user, "handles": {"ebay": user}},
               "messages": [{"id": msgid, "direction": "in", "author": "customer", "at": at,
                             "text": text, "attachments": [], "channel": "ebay",
                             "digest": digest,
                             "source": {"name": "ebay", "external_id": cid, "thread_key": tk}}]}
        self._add(at, rec, dict(p=p, conv=conv, tags=tags, lang=lang, note=note,
                                chkey="ebay:" + user, channel="ebay", ebay_user=user))
        return cid

    # ---- truth -----------------------------------------------------------
    def finish(self):
        self.recs.sort(key=lambda r: (r[0], r[1]))
        recs = [r[2] for r in self.recs]
        metas = [r[3] for r in self.recs]
        ids = [r["id"] for r in recs]
        assert len(ids) == len(set(ids)), "duplicate record id"
        return recs, truth(recs, metas)


def base64url(b):
    import base64
    return base64.urlsafe_b64encode(b).decode().rstrip("=")


def truth(recs, metas):
    pids, cids = {}, {}
    facts = {}   # (person, conv, chkey) -> {"nums": set, "emails": set, "text": str}
    out = []
    for rec, m in zip(recs, metas):
        p = m["p"]
        conv = (p, m["conv"])
        if p not in pids:
            pids[p] = "p%d" % (len(pids) + 1)
        if conv not in cids:
            cids[conv] = "c%d" % (len(cids) + 1)
        text = (rec.get("subject") or "") + "\n" + rec["messages"][0]["text"]
        keys = candidates(text, rec.get("order_ids", []))
        fk = (p, m["conv"], m["chkey"])
        f = facts.setdefault(fk, {"nums": set(), "emails": set(), "text": ""})
        for mm in RE_SHOP4.finditer(text):
            f["nums"].add(int(mm.group(1)))
        for mm in RE_MAIL.finditer(text):
            f["emails"].add(gmail_norm(mm.group(0)))
        f["text"] += "\n" + text
        orders = {}
        for k in keys:
            lab = "not_own"
            if k.startswith("#") and len(k) == 5 and k[1:].isdigit() and int(k[1:]) in BUYER_OF:
                n = int(k[1:])
                o = ORDER_BY_NUM[n]
                buyer = o[0]
                b = BUYERS[buyer]
                if p == buyer:
                    own_mail = (m["channel"] == "email" and gmail_norm(m["mailfrom"]) == gmail_norm(b[2]))
                    own_facts = (n in f["nums"] and (gmail_norm(b[2]) in f["emails"] or zip_in(f["text"], b[7])))
                    # only a shop channel key may verify by facts (not a marketplace relay)
                    if m["channel"] in ("amazon", "ebay"):
                        own_facts = False
                    if own_mail or own_facts:
                        lab = "own"
            elif RE_AMZ.fullmatch(k) and k in AMAZON_ORDERS:
                if m["channel"] == "amazon" and m.get("amazon_order") == k and AMAZON_ORDERS[k][0] == p:
                    lab = "own"
            elif RE_EBAY.fullmatch(k) and k in EBAY_BUYER:
                u = EBAY_BUYER[k]
                if m["channel"] == "ebay" and m.get("ebay_user") == u and EBAY_USER_PERSON[u] == p:
                    lab = "own"
            orders[k] = lab
        out.append({"id": rec["id"], "person": pids[p], "conversation": cids[conv],
                    "orders": orders, "note": m["note"], "cases": m["tags"], "lang": m["lang"]})
    # every conversation one person
    cp = {}
    for t in out:
        cp.setdefault(t["conversation"], set()).add(t["person"])
    assert all(len(v) == 1 for v in cp.values())
    return out, pids, cids
