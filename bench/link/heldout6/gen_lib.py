"""Shared machinery for the heldout6 generator: record shaping and truth labels.

Deterministic: no clocks, no unseeded randomness.  gen.py supplies the shop
data (orders, people) and the scenario messages; this module turns them into
omni-fetch(1) records and truth lines.
"""
import hashlib, json, re, base64
from datetime import datetime, timedelta, timezone

SHOP_DOMAIN = "hollinthyme.example"
SUPPORT = "support@" + SHOP_DOMAIN
IG_PAGE = "17841462000551208"      # Instagram professional account id
FB_PAGE = "108234957712460"        # Facebook page id
STORE = "acme"

def h(s, n=16):
    return hashlib.sha256(s.encode()).hexdigest()[:n]

def iso(dt):
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

# ---------------------------------------------------------------- candidates
# every 4-digit 6000-6099 not glued to other digits, every "#<digits>",
# every Amazon 3-7-7 and eBay 2-5-5 id (not glued to digits or hyphens).
RE_AMZ = re.compile(r"(?<![\d-])(\d{3}-\d{7}-\d{7})(?![\d-])")
RE_EBAY = re.compile(r"(?<![\d-])(\d{2}-\d{5}-\d{5})(?![\d-])")
RE_HASH = re.compile(r"#\s?(\d+)")
RE_SHOP = re.compile(r"(?<!\d)(60\d\d)(?!\d)")

def candidates(texts):
    keys = []
    def add(k):
        if k not in keys:
            keys.append(k)
    for t in texts:
        if not t:
            continue
        rest = t
        for m in RE_AMZ.finditer(t):
            add(m.group(1))
        rest = RE_AMZ.sub(" ", rest)
        for m in RE_EBAY.finditer(rest):
            add(m.group(1))
        rest = RE_EBAY.sub(" ", rest)
        for m in RE_HASH.finditer(rest):
            add("#" + m.group(1))
        for m in RE_SHOP.finditer(rest):
            add("#" + m.group(1))
    return keys

def gmail_norm(addr):
    addr = addr.strip().lower()
    local, _, dom = addr.partition("@")
    if dom in ("gmail.com", "googlemail.com"):
        local = local.split("+", 1)[0].replace(".", "")
        dom = "gmail.com"
    return local + "@" + dom

def zip_norm(z):
    return re.sub(r"\s+", "", z).lower()

def text_has_zip(text, z):
    zn = zip_norm(z)
    t = re.sub(r"\s+", "", text.lower())
    # bounded: not glued to other alphanumerics in the space-free text is too
    # strict for UK codes; check in the spaced text instead
    pat = r"(?<![0-9a-z])" + r"\s*".join(re.escape(c) for c in zn) + r"(?![0-9a-z])"
    return re.search(pat, text.lower()) is not None

def text_has_email(text, e):
    return re.search(r"(?<![\w.+-])" + re.escape(e.lower()) + r"(?![\w-])", text.lower()) is not None


class Builder:
    def __init__(self, shop_orders, amazon_orders, ebay_orders):
        # shop_orders: "#60NN" -> dict(person, email, bzip)
        # amazon_orders: id -> dict(person, alias); ebay_orders: id -> dict(person, user)
        self.shop = shop_orders
        self.amz = amazon_orders
        self.ebay = ebay_orders
        self.threads = {}      # mail thread label -> dict(root, subject, n)
        self.persons = {}
        self.convs = {}
        self.facts = {}        # (conv, sender key) -> accumulated text
        self.records, self.truth = [], []
        self.n = 0

    def pid(self, who):
        if who not in self.persons:
            self.persons[who] = "p%d" % (len(self.persons) + 1)
        return self.persons[who]

    def cid(self, who, conv):
        k = (who, conv)
        if k not in self.convs:
            self.convs[k] = "c%d" % (len(self.convs) + 1)
        return self.convs[k]

    # ------------------------------------------------------------ records
    def record(self, m):
        self.n += 1
        at = iso(m["at"])
        ch = m["ch"]
        kind = ch["kind"]
        text = m["text"]
        rec = {"omni": 1}
        msg = {"direction": "in", "author": "customer", "at": at, "text": text,
               "attachments": []}
        if kind in ("mail", "amazon"):
            addr = ch["addr"].lower()
            dom = addr.split("@")[1]
            mid_dom = "mail.gmail.com" if dom in ("gmail.com", "googlemail.com") else dom
            if kind == "amazon":
                mid_dom = "email.amazonses.com"
                msgid = "0100019%s-%s-000000@%s" % (h("amz%d" % self.n, 9), h("a2%d" % self.n, 24), mid_dom)
            else:
                msgid = "%s.%s@%s" % (m["at"].strftime("%Y%m%d%H%M%S"), h("m%d" % self.n, 10), mid_dom)
            subject = ch.get("subject")
            irt, refs = None, []
            if kind == "mail":
                mode = ch.get("mode", "new")
                th = ch.get("thread")
                if mode == "bcc":
                    root = ch["root"]
                    irt, refs = root, [root]
                elif th in self.threads:
                    t = self.threads[th]
                    t["n"] += 1
                    shop_reply = "r%d.%s@%s" % (t["n"], h(th + t["root"], 8), SHOP_DOMAIN)
                    irt = shop_reply
                    refs = [t["root"], shop_reply]
                    if subject is None:
                        subject = "Re: " + t["subject"]
                elif th is not None:
                    self.threads[th] = {"root": msgid, "subject": subject, "n": 0, "replies": []}
                thread_key = refs[0] if refs else (irt or msgid)
                src_name = "support"
                channel = "email"
            else:
                oid = ch["order"]
                thread_key = "amazon:%s:%s" % (addr, oid)
                src_name = "support"
                channel = "amazon"
            src = {"name": src_name, "external_id": msgid, "thread_key": thread_key,
                   "url": None, "message_id": msgid, "in_reply_to": irt,
                   "references": refs,
                   "path": "/var/mail/acme/support/new/%d.M%dP%d.mx" % (int(m["at"].timestamp()), 100 + self.n, 4000 + self.n)}
            rec["id"] = "support:" + msgid
            rec["channel"] = channel
            rec["store"] = STORE
            rec["kind"] = "message"
            rec["source"] = src
            if subject is not None:
                rec["subject"] = subject
            rec["created_at"] = at
            rec["updated_at"] = at
            cust = {}
            if ch.get("name"):
                cust["name"] = ch["name"]
            cust["emails"] = [addr]
            if kind == "amazon":
                cust["handles"] = {"amazon": addr}
            rec["customer"] = cust
            if kind == "amazon":
                rec["order_ids"] = [ch["order"]]
            msg["id"] = msgid
            msg["channel"] = channel
            msg["from"] = addr
            msg["source"] = {"name": src_name, "external_id": msgid, "thread_key": thread_key,
                             "message_id": msgid}
            skey = (channel, addr)
        elif kind in ("instagram", "facebook"):
            sid = ch["sid"]
            page = IG_PAGE if kind == "instagram" else FB_PAGE
            if kind == "instagram":
                mid = "aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOj" + base64.b64encode(h("ig%d" % self.n, 30).encode()).decode().rstrip("=")
            else:
                mid = "m_" + base64.urlsafe_b64encode(bytes.fromhex(h("fb%d" % self.n, 48))).decode().rstrip("=")
            thread_key = "%s:%s:%s" % (kind, page, sid)
            src = {"name": "meta", "external_id": mid, "thread_key": thread_key, "url": None,
                   "page_id": page}
            rec.update({"id": "meta:" + mid, "channel": kind, "store": STORE, "kind": "message",
                        "source": src, "created_at": at, "updated_at": at})
            cust = {}
            if ch.get("name"):
                cust["name"] = ch["name"]
            cust["handles"] = {kind: sid}
            rec["customer"] = cust
            msg["id"] = mid
            msg["channel"] = kind
            msg["source"] = {"name": "meta", "external_id": mid, "thread_key": thread_key}
            skey = (kind, sid)
        elif kind == "ebay":
            conv = ch["conv"]
            user = ch["user"]
            mid = str(ch["msgbase"] + self.n)
            norm = " ".join(text.split())
            digest = "ebay:" + hashlib.sha256((user + "\n" + norm).encode()).hexdigest()[:32]
            thread_key = "ebay:" + conv
            src = {"name": "ebay", "external_id": conv, "thread_key": thread_key, "url": None}
            rec.update({"id": "ebay:%s" % conv,
                        "channel": "ebay", "store": STORE, "kind": "message", "source": src})
            if ch.get("subject"):
                rec["subject"] = ch["subject"]
            rec["created_at"] = at
            rec["updated_at"] = at
            cust = {"handles": {"ebay": user}}
            if ch.get("name"):
                cust = {"name": ch["name"], "handles": {"ebay": user}}
            rec["customer"] = cust
            msg["id"] = mid
            msg["channel"] = "ebay"
            msg["digest"] = digest
            msg["source"] = {"name": "ebay", "external_id": conv, "thread_key": thread_key}
            skey = ("ebay", user)
        else:
            raise ValueError(kind)
        rec["messages"] = [msg]
        self.records.append(rec)
        self.label(m, rec, skey)

    # ------------------------------------------------------------ truth
    def label(self, m, rec, skey):
        who = m["who"]
        pid = self.pid(who)
        cid = self.cid(who, m["conv"])
        texts = [rec.get("subject"), m["text"]] + list(rec.get("order_ids", []))
        keys = candidates(texts)
        fk = (cid, skey)
        self.facts[fk] = self.facts.get(fk, "") + "\n" + (rec.get("subject") or "") + "\n" + m["text"]
        acc = self.facts[fk]
        acc_keys = set(candidates([acc]))
        orders = {}
        for k in keys:
            own = False
            if k in self.shop:
                o = self.shop[k]
                if o["person"] == who:
                    if rec["channel"] == "email" and gmail_norm(rec["messages"][0]["from"]) == gmail_norm(o["email"]):
                        own = True
                    elif k in acc_keys and (text_has_email(acc, o["email"]) or text_has_zip(acc, o["bzip"])):
                        own = True
            elif k in self.amz:
                o = self.amz[k]
                if o["person"] == who and rec["channel"] == "amazon" and rec["order_ids"] == [k] \
                        and rec["customer"]["handles"]["amazon"] == o["alias"]:
                    own = True
            elif k in self.ebay:
                o = self.ebay[k]
                if o["person"] == who and rec["channel"] == "ebay" and rec["customer"]["handles"]["ebay"] == o["user"]:
                    own = True
            orders[k] = "own" if own else "not_own"
        self.truth.append({"id": rec["id"], "person": pid, "conversation": cid, "orders": orders,
                           "note": m.get("note", ""), "cases": m.get("cases", []), "lang": m["lang"]})
