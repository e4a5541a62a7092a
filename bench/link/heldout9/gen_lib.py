"""Record builders and the mechanical truth labeller for heldout9."""
import hashlib, re, json, datetime as dt

SUPPORT = "support@leafandkettle.example"
IG_PAGE = "17841407731240958"
FB_PAGE = "104877215530118"

def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")

def norm_email(a):
    a = a.strip().lower()
    loc, _, dom = a.partition("@")
    if dom in ("gmail.com", "googlemail.com"):
        loc = loc.split("+", 1)[0].replace(".", "")
        dom = "gmail.com"
    return loc + "@" + dom

CAND_4 = re.compile(r"(?<!\d)(90\d\d)(?!\d)")
CAND_HASH = re.compile(r"#\s?(\d+)")
AMZ = re.compile(r"(?<!\d)(\d{3}-\d{7}-\d{7})(?!\d)")
EBAY = re.compile(r"(?<![\d-])(\d{2}-\d{5}-\d{5})(?![\d-])")
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")

def candidates(subject, text, order_ids):
    s = (subject or "") + "\n" + (text or "")
    keys = []
    def add(k):
        if k not in keys:
            keys.append(k)
    for m in re.finditer(r"#\s?(\d+)|(?<!\d)(90\d\d)(?!\d)|(?<!\d)(\d{3}-\d{7}-\d{7})(?!\d)|(?<![\d-])(\d{2}-\d{5}-\d{5})(?![\d-])", s):
        if m.group(1):
            add("#" + m.group(1))
        elif m.group(2):
            add("#" + m.group(2))
        else:
            add(m.group(3) or m.group(4))
    for o in order_ids or []:
        add(o)
    return keys

def ebay_digest(user, text):
    body = " ".join(text.split())
    return "ebay:" + hashlib.sha256((user + "\n" + body).encode()).hexdigest()[:32]

def mail_record(src, mid, at, subject, text, name, addr, in_reply_to=None, references=None, path=None, channel="email", order_ids=None, store="acme"):
    refs = list(references or [])
    tk = refs[0] if refs else (in_reply_to or mid)
    if channel == "amazon":
        tk = "amazon:%s:%s" % (addr, order_ids[0])
    source = {"name": src, "external_id": mid, "thread_key": tk, "url": None, "message_id": mid,
              "in_reply_to": in_reply_to, "references": refs, "path": path}
    cust = {}
    if name:
        cust["name"] = name
    cust["emails"] = [addr]
    if channel == "amazon":
        cust["handles"] = {"amazon": addr}
    rec = {"omni": 1, "id": "%s:%s" % (src, mid), "channel": channel, "store": store, "kind": "message",
           "source": source, "subject": subject, "created_at": iso(at), "updated_at": iso(at), "customer": cust}
    if order_ids:
        rec["order_ids"] = list(order_ids)
    rec["messages"] = [{"id": mid, "direction": "in", "author": "customer", "at": iso(at), "text": text,
                        "attachments": [], "channel": channel, "from": addr,
                        "source": {"name": src, "external_id": mid, "thread_key": tk, "message_id": mid}}]
    return rec

def meta_record(platform, mid, at, text, sender, name):
    page = IG_PAGE if platform == "instagram" else FB_PAGE
    tk = "%s:%s:%s" % (platform, page, sender)
    rec = {"omni": 1, "id": "meta:" + mid, "channel": platform, "store": "acme", "kind": "message",
           "source": {"name": "meta", "external_id": mid, "thread_key": tk, "url": None, "page_id": page},
           "created_at": iso(at), "updated_at": iso(at), "customer": {}}
    if name:
        rec["customer"]["name"] = name
    rec["customer"]["handles"] = {platform: sender}
    rec["messages"] = [{"id": mid, "direction": "in", "author": "customer", "at": iso(at), "text": text,
                        "attachments": [], "channel": platform,
                        "source": {"name": "meta", "external_id": mid, "thread_key": tk}}]
    return rec

def ebay_record(conv, msgid, at, subject, text, user, name=None):
    tk = "ebay:" + conv
    rec = {"omni": 1, "id": "ebay:" + conv, "channel": "ebay", "store": "acme", "kind": "message",
           "source": {"name": "ebay", "external_id": conv, "thread_key": tk, "url": None},
           "subject": subject, "created_at": iso(at), "updated_at": iso(at), "customer": {}}
    if name:
        rec["customer"]["name"] = name
    rec["customer"]["handles"] = {"ebay": user}
    rec["messages"] = [{"id": msgid, "direction": "in", "author": "customer", "at": iso(at), "text": text,
                        "attachments": [], "channel": "ebay", "digest": ebay_digest(user, text),
                        "source": {"name": "ebay", "external_id": conv, "thread_key": tk}}]
    return rec

def sender_key(rec):
    ch = rec["channel"]
    if ch in ("email", "amazon"):
        return ch + ":" + rec["messages"][0]["from"]
    if ch == "ebay":
        return "ebay:" + rec["customer"]["handles"]["ebay"]
    return ch + ":" + rec["customer"]["handles"][ch]

def truth(items, shop_orders, amazon_orders, ebay_orders):
    """items: list of (rec, meta) in arrival order; meta has person, conv (keys), note, cases, lang.
    shop_orders: '#90NN' -> {buyer (person key), email, zip}; amazon_orders: id -> buyer person;
    ebay_orders: id -> (username, buyer person).  Returns truth dicts."""
    pids, cids, out = {}, {}, []
    state = {}   # (person, conv, sender key) -> {"nums": set, "text": str}
    for rec, meta in items:
        p, c = meta["person"], meta["conv"]
        pids.setdefault(p, "p%d" % (len(pids) + 1))
        cids.setdefault(c, "c%d" % (len(cids) + 1))
        msg = rec["messages"][0]
        subj, text = rec.get("subject") or "", msg["text"]
        keys = candidates(subj, text, rec.get("order_ids"))
        sk = sender_key(rec)
        st = state.setdefault((p, c, sk), {"nums": set(), "text": ""})
        st["nums"].update(k for k in keys if k.startswith("#"))
        st["text"] += "\n" + subj + "\n" + text
        said_emails = {norm_email(e) for e in EMAIL.findall(st["text"])}
        labels = {}
        for k in keys:
            own = False
            if k in shop_orders:
                o = shop_orders[k]
                if o["buyer"] == p:
                    if rec["channel"] == "email" and norm_email(msg["from"]) == norm_email(o["email"]):
                        own = True
                    elif k in st["nums"] and (norm_email(o["email"]) in said_emails or
                            re.search(r"(?<![0-9A-Za-z])" + re.escape(o["zip"]) + r"(?![0-9A-Za-z])", st["text"], re.I)):
                        own = True
            elif k in amazon_orders:
                own = (rec["channel"] == "amazon" and k in (rec.get("order_ids") or []) and amazon_orders[k] == p)
            elif k in ebay_orders:
                u, b = ebay_orders[k]
                own = (rec["channel"] == "ebay" and rec["customer"]["handles"]["ebay"] == u and b == p)
            labels[k] = "own" if own else "not_own"
        out.append({"id": rec["id"], "person": pids[p], "conversation": cids[c], "orders": labels,
                    "note": meta["note"], "cases": meta["cases"], "lang": meta["lang"]})
    return out
