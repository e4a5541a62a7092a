"""Helpers for the heldout5 generator: record builders and the mechanical truth.

Everything here is deterministic (no clock, no unseeded randomness)."""
import base64, hashlib, json, re

STORE = "acme"
SHOP_DOMAIN = "acme-velo.example"
SUPPORT_ADDR = "support@acme-velo.example"
IG_PAGE = "17841400000050210"     # Instagram professional account id
FB_PAGE = "104920000050817"       # Facebook page id


def h(s, n=12):
    return hashlib.sha256(s.encode()).hexdigest()[:n]


def norm_gmail(addr):
    a = addr.strip().lower()
    local, _, dom = a.partition("@")
    if dom == "googlemail.com":
        dom = "gmail.com"
    if dom == "gmail.com":
        local = local.split("+", 1)[0].replace(".", "")
    return local + "@" + dom


# ---------------------------------------------------------------- candidates
RE_AMZ = re.compile(r"(?<!\d)\d{3}-\d{7}-\d{7}(?!\d)")
RE_EBAY = re.compile(r"(?<![\d-])\d{2}-\d{5}-\d{5}(?![\d])")
RE_HASH = re.compile(r"#\s?(\d+)")
RE_4 = re.compile(r"(?<!\d)(50\d\d)(?!\d)")


def candidates(subject, text, order_ids=()):
    """Every candidate key, in first-seen order: 4-digit 5000-5099 however
    written, every "#<digits>", every Amazon (3-7-7) and eBay (2-5-5) id."""
    s = (subject or "") + "\n" + (text or "") + "\n" + "\n".join(order_ids)
    out = []
    def add(k):
        if k not in out:
            out.append(k)
    spans = []
    for m in RE_AMZ.finditer(s):
        add(m.group(0)); spans.append(m.span())
    for m in RE_EBAY.finditer(s):
        add(m.group(0)); spans.append(m.span())
    inside = lambda p: any(a <= p < b for a, b in spans)
    for m in RE_HASH.finditer(s):
        if not inside(m.start(1)):
            add("#" + m.group(1))
    for m in RE_4.finditer(s):
        if not inside(m.start(1)):
            add("#" + m.group(1))
    return out


# ---------------------------------------------------------------- truth
def truth(msgs, shop_orders, amazon_orders, ebay_orders):
    """msgs: the messages in arrival order (dicts with person, conv, kind,
    chankey, from, subject, text, order_ids, amazon_order, ebay_user).
    shop_orders: "#50NN" -> {person, email, bill_zip}.
    amazon_orders: id -> person.  ebay_orders: id -> (person, username).
    Returns one truth dict per message (without ids renumbered)."""
    out = []
    for i, m in enumerate(msgs):
        cands = candidates(m["subject"], m["text"], m.get("order_ids", ()))
        # her own thread of this conversation on this channel key, up to now
        mine = [x for x in msgs[: i + 1]
                if x["conv"] == m["conv"] and x["chankey"] == m["chankey"]]
        shown_keys = set()
        blob = ""
        for x in mine:
            shown_keys.update(candidates(x["subject"], x["text"], x.get("order_ids", ())))
            blob += "\n" + (x["text"] or "")
        blob_l = blob.lower()
        labels = {}
        for k in cands:
            own = False
            if k in shop_orders:
                o = shop_orders[k]
                if o["person"] == m["person"]:
                    if m["kind"] == "mail" and norm_gmail(m["from"]) == norm_gmail(o["email"]):
                        own = True
                    elif k in shown_keys:
                        em = o["email"].lower()
                        z = o["bill_zip"].lower()
                        if re.search(r"(?<![\w.+-])" + re.escape(em) + r"(?![\w-])", blob_l):
                            own = True
                        elif re.search(r"(?<![\w])" + re.escape(z) + r"(?![\w])", blob_l):
                            own = True
            elif k in amazon_orders:
                if (m["kind"] == "amazon" and m.get("amazon_order") == k
                        and amazon_orders[k] == m["person"]):
                    own = True
            elif k in ebay_orders:
                p, user = ebay_orders[k]
                if m["kind"] == "ebay" and m.get("ebay_user") == user and p == m["person"]:
                    own = True
            labels[k] = "own" if own else "not_own"
        out.append(labels)
    return out


# ---------------------------------------------------------------- records
def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def mail_record(mid, frm, name, subject, text, at, in_reply_to, references, n, source="support", channel="email", extra=None):
    tk = references[0] if references else (in_reply_to or mid)
    src = {"name": source, "external_id": mid, "thread_key": tk, "url": None,
           "message_id": mid, "in_reply_to": in_reply_to, "references": references,
           "path": "/var/mail/acme/%s/new/%d.M%dP%d.mx1" % (source, int(at.timestamp()), 100 + n, 7000 + n)}
    cust = {}
    if name:
        cust["name"] = name
    cust["emails"] = [frm]
    if extra and extra.get("handles"):
        cust["handles"] = extra["handles"]
    rec = {"omni": 1, "id": source + ":" + mid, "channel": channel, "store": STORE,
           "kind": "message", "source": src, "subject": subject,
           "created_at": iso(at), "updated_at": iso(at), "customer": cust}
    if extra and extra.get("order_ids"):
        rec["order_ids"] = extra["order_ids"]
    rec["messages"] = [{
        "id": mid, "direction": "in", "author": "customer", "at": iso(at),
        "text": text, "attachments": [], "channel": channel, "from": frm,
        "source": {"name": source, "external_id": mid, "thread_key": tk, "message_id": mid}}]
    return rec


def meta_mid(channel, page, sender, n):
    if channel == "instagram":
        raw = "ig_message_item:1:IGMessageThread:%s:%s:%d" % (page, sender, n)
        return base64.b64encode(raw.encode()).decode().rstrip("=")
    return "m_" + base64.urlsafe_b64encode(hashlib.sha256(("%s:%s:%d" % (page, sender, n)).encode()).digest()[:33]).decode()


def meta_record(channel, sender, name, text, at, n):
    page = IG_PAGE if channel == "instagram" else FB_PAGE
    mid = meta_mid(channel, page, sender, n)
    tk = "%s:%s:%s" % (channel, page, sender)
    src = {"name": "meta", "external_id": mid, "thread_key": tk, "url": None, "page_id": page}
    cust = {}
    if name:
        cust["name"] = name
    cust["handles"] = {channel: sender}
    return {"omni": 1, "id": "meta:" + mid, "channel": channel, "store": STORE,
            "kind": "message", "source": src, "created_at": iso(at), "updated_at": iso(at),
            "customer": cust,
            "messages": [{"id": mid, "direction": "in", "author": "customer", "at": iso(at),
                          "text": text, "channel": channel,
                          "source": {"name": "meta", "external_id": mid, "thread_key": tk, "page_id": page}}]}


def ebay_digest(user, text):
    t = re.sub(r"\s+", " ", text).strip()
    return "ebay:" + hashlib.sha256((user + "\n" + t).encode()).hexdigest()[:32]


def ebay_record(conv_id, msg_id, user, title, text, at):
    tk = "ebay:" + conv_id
    src = {"name": "ebay", "external_id": conv_id, "thread_key": tk,
           "url": "https://mesg.ebay.com/mesgweb/ViewMessages/0?conversationId=" + conv_id}
    return {"omni": 1, "id": "ebay:" + conv_id, "channel": "ebay", "store": STORE,
            "kind": "message", "source": src, "subject": title,
            "created_at": iso(at), "updated_at": iso(at),
            "customer": {"name": user, "handles": {"ebay": user}},
            "messages": [{"id": msg_id, "direction": "in", "author": "customer", "at": iso(at),
                          "text": text, "channel": "ebay", "digest": ebay_digest(user, text),
                          "source": {"name": "ebay", "external_id": msg_id, "thread_key": tk}}]}


def dumps(o):
    return json.dumps(o, ensure_ascii=False, separators=(",", ":"))
