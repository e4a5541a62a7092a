"""Helpers for the heldout8 generator: record builders and the truth labeller.

Everything is deterministic: ids are derived from SHA-256 of fixed labels.
"""
import hashlib, json, re
from collections import defaultdict, OrderedDict
from datetime import datetime, timezone

STORE = "acme"
SHOP_DOMAIN = "nordkamm.example"
IG_PAGE = "17841402958301146"      # the shop's Instagram professional account
FB_PAGE = "104837261955027"        # the shop's Facebook page
ORDER_LO, ORDER_HI = 8000, 8099


def h(label, n=32):
    return hashlib.sha256(label.encode()).hexdigest()[:n]


def digits(label, n):
    x = int(hashlib.sha256(label.encode()).hexdigest(), 16)
    s = str(x)
    return s[:n]


def b64ish(label, n):
    abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    x = int(hashlib.sha256(label.encode()).hexdigest(), 16)
    out = []
    for _ in range(n):
        x, r = divmod(x, 62)
        out.append(abc[r])
    return "".join(out)


def gnorm(addr):
    """An address as Gmail delivers it; other providers are only lower-cased."""
    a = addr.strip().lower()
    local, _, dom = a.partition("@")
    if dom in ("gmail.com", "googlemail.com"):
        local = local.split("+", 1)[0].replace(".", "")
        dom = "gmail.com"
    return local + "@" + dom


def message_id(label, addr):
    dom = addr.split("@", 1)[1].lower()
    if dom in ("gmail.com", "googlemail.com"):
        return "CA%s%s@mail.gmail.com" % (b64ish(label + "a", 20), b64ish(label + "b", 18))
    k = int(h(label, 4), 16) % 3
    if k == 0:
        return "%s-%s-%s@%s" % (h(label, 8), h(label + "1", 4), h(label + "2", 12), dom)
    if k == 1:
        return "%s.%s@%s" % (digits(label, 13), h(label, 6), dom)
    return "%s@smtp.%s" % (b64ish(label, 24), dom)


def iso(day, hh, mm, ss=0):
    """day: day offset from 2026-11-24 (0 = 24 Nov)."""
    base = datetime(2026, 11, 24, tzinfo=timezone.utc).timestamp()
    t = base + day * 86400 + hh * 3600 + mm * 60 + ss
    return datetime.fromtimestamp(t, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"), int(t)


# ---------------------------------------------------------------- candidates
RE_AMZ = re.compile(r"(?<!\d)\d{3}-\d{7}-\d{7}(?!\d)")
RE_EBAY = re.compile(r"(?<![\d-])\d{2}-\d{5}-\d{5}(?![\d-])")
RE_HASH = re.compile(r"#\s?(\d+)")
RE_4 = re.compile(r"(?<!\d)(80\d\d)(?!\d)")
RE_MAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")


def candidates(text, order_ids=()):
    """Every candidate key, in order of first appearance, per shapes-and-truth.md."""
    found = []
    def add(pos, key):
        found.append((pos, key))
    for m in RE_AMZ.finditer(text):
        add(m.start(), m.group(0))
    for m in RE_EBAY.finditer(text):
        add(m.start(), m.group(0))
    for m in RE_HASH.finditer(text):
        add(m.start(), "#" + m.group(1))
    for m in RE_4.finditer(text):
        add(m.start(), "#" + m.group(1))
    found.sort()
    out = []
    for oid in order_ids:
        if oid not in out:
            out.append(oid)
    for _, k in found:
        if k not in out:
            out.append(k)
    return out


def zip_in(zipcode, text):
    z = re.escape(zipcode.upper()).replace("\\ ", r"\s?")
    return re.search(r"(?<![\w#\-])" + z + r"(?![\w])", text.upper()) is not None


# ---------------------------------------------------------------- builders
def _mail_record(m):
    src_common = {"name": "support", "external_id": m["mid"], "thread_key": m["thread_key"],
                  "message_id": m["mid"]}
    source = OrderedDict([("name", "support"), ("external_id", m["mid"]),
                          ("thread_key", m["thread_key"]), ("url", None),
                          ("message_id", m["mid"]), ("in_reply_to", m["in_reply_to"]),
                          ("references", m["references"]),
                          ("path", "/home/acme/Mail/support/new/%d.M%sP%s.mx" % (
                              m["epoch"], digits(m["mid"], 6), digits(m["mid"] + "p", 5)))])
    cust = OrderedDict()
    if m["name"]:
        cust["name"] = m["name"]
    cust["emails"] = [m["addr"].lower()]
    rec = OrderedDict([("omni", 1), ("id", "support:" + m["mid"]), ("channel", "email"),
                       ("store", STORE), ("kind", "message"), ("source", source),
                       ("subject", m["subject"]), ("created_at", m["at"]), ("updated_at", m["at"]),
                       ("customer", cust),
                       ("messages", [OrderedDict([("id", m["mid"]), ("direction", "in"),
                                                  ("author", "customer"), ("at", m["at"]),
                                                  ("text", m["text"]), ("attachments", []),
                                                  ("channel", "email"), ("from", m["addr"].lower()),
                                                  ("source", src_common)])])])
    return rec


def _amazon_record(m):
    alias = m["addr"]
    tk = "amazon:%s:%s" % (alias, m["order"])
    src_common = {"name": "amazon-mail", "external_id": m["mid"], "thread_key": tk,
                  "message_id": m["mid"]}
    source = OrderedDict([("name", "amazon-mail"), ("external_id", m["mid"]), ("thread_key", tk),
                          ("url", None), ("message_id", m["mid"]), ("in_reply_to", m["in_reply_to"]),
                          ("references", m["references"]),
                          ("path", "/home/acme/Mail/amazon/new/%d.M%sP%s.mx" % (
                              m["epoch"], digits(m["mid"], 6), digits(m["mid"] + "p", 5)))])
    cust = OrderedDict()
    if m["name"]:
        cust["name"] = m["name"]
    cust["emails"] = [alias]
    cust["handles"] = {"amazon": alias}
    return OrderedDict([("omni", 1), ("id", "amazon-mail:" + m["mid"]), ("channel", "amazon"),
                        ("store", STORE), ("kind", "message"), ("source", source),
                        ("subject", m["subject"]), ("created_at", m["at"]), ("updated_at", m["at"]),
                        ("customer", cust), ("order_ids", [m["order"]]),
                        ("messages", [OrderedDict([("id", m["mid"]), ("direction", "in"),
                                                   ("author", "customer"), ("at", m["at"]),
                                                   ("text", m["text"]), ("attachments", []),
                                                   ("channel", "amazon"), ("from", alias),
                                                   ("source", src_common)])])])


def _meta_record(m):
    chan = m["channel"]            # instagram | facebook
    page = IG_PAGE if chan == "instagram" else FB_PAGE
    tk = "%s:%s:%s" % (chan, page, m["sender"])
    src_common = {"name": "meta", "external_id": m["mid"], "thread_key": tk, "page_id": page}
    source = OrderedDict([("name", "meta"), ("external_id", m["mid"]), ("thread_key", tk),
                          ("url", None), ("page_id", page)])
    cust = OrderedDict()
    if m["name"]:
        cust["name"] = m["name"]
    cust["handles"] = {chan: m["sender"]}
    return OrderedDict([("omni", 1), ("id", "meta:" + m["mid"]), ("channel", chan),
                        ("store", STORE), ("kind", "message"), ("source", source),
                        ("created_at", m["at"]), ("updated_at", m["at"]), ("customer", cust),
                        ("messages", [OrderedDict([("id", m["mid"]), ("direction", "in"),
                                                   ("author", "customer"), ("at", m["at"]),
                                                   ("text", m["text"]), ("attachments", []),
                                                   ("channel", chan), ("source", src_common)])])])


def ebay_digest(user, text):
    return "ebay:" + hashlib.sha256((user + " " + " ".join(text.split())).encode()).hexdigest()[:32]


def _ebay_record(m):
    conv = m["conv_id"]
    tk = "ebay:" + conv
    src_common = {"name": "ebay", "external_id": conv, "thread_key": tk}
    source = OrderedDict([("name", "ebay"), ("external_id", conv), ("thread_key", tk),
                          ("url", None)])
    cust = OrderedDict([("handles", {"ebay": m["user"]})])
    return OrderedDict([("omni", 1), ("id", "ebay:" + conv), ("channel", "ebay"),
                        ("store", STORE), ("kind", "message"), ("source", source),
                        ("subject", m["subject"]), ("created_at", m["at"]), ("updated_at", m["at"]),
                        ("customer", cust),
                        ("messages", [OrderedDict([("id", m["mid"]), ("direction", "in"),
                                                   ("author", "customer"), ("at", m["at"]),
                                                   ("text", m["text"]), ("attachments", []),
                                                   ("channel", "ebay"),
                                                   ("digest", ebay_digest(m["user"], m["text"])),
                                                   ("source", src_common)])])])


def build_record(m):
    return {"mail": _mail_record, "amazon": _amazon_record, "meta": _meta_record,
            "ebay": _ebay_record}[m["kind"]](m)


def channel_key(m):
    if m["kind"] in ("mail", "amazon"):
        return "mail:" + m["addr"].lower()
    if m["kind"] == "meta":
        return m["channel"] + ":" + m["sender"]
    return "ebay:" + m["user"]


# ---------------------------------------------------------------- truth
def truth(msgs, shop, ebay_orders):
    """msgs: in arrival order, each with person (human key), matter, kind, texts.
    shop: {"#80NN": {"email", "zip", "person"}}; ebay_orders: {orderId: username}."""
    pid, cid = {}, {}
    state = defaultdict(lambda: {"nums": set(), "emails": set(), "text": ""})
    seen_conv_of = defaultdict(list)
    out = []
    for m in msgs:
        if m["person"] not in pid:
            pid[m["person"]] = "p%d" % (len(pid) + 1)
        ck = (m["person"], m["matter"])
        tags = list(m["tags"])
        if ck not in cid:
            cid[ck] = "c%d" % (len(cid) + 1)
            if seen_conv_of[m["person"]] and "newsletter_reply" not in tags \
                    and "bcc_reply" not in tags and "new_matter" not in tags:
                tags.append("new_matter")
            seen_conv_of[m["person"]].append(ck)
        full = (m.get("subject") or "") + "\n" + m["text"]
        oids = [m["order"]] if m["kind"] == "amazon" else []
        cands = candidates(full, oids)
        st = state[(m["person"], m["matter"], channel_key(m))]
        st["text"] += "\n" + full
        st["nums"].update(cands)
        st["emails"].update(e.lower().rstrip(".") for e in RE_MAIL.findall(full))
        labels = OrderedDict()
        for k in cands:
            own = False
            if k in shop:
                o = shop[k]
                if o["person"] == m["person"]:
                    if m["kind"] == "mail" and gnorm(m["addr"]) == gnorm(o["email"]):
                        own = True
                    elif k in st["nums"] and (o["email"].lower() in st["emails"]
                                              or zip_in(o["zip"], st["text"])):
                        own = True
            elif RE_AMZ.fullmatch(k):
                own = m["kind"] == "amazon" and m["order"] == k
            elif k in ebay_orders:
                own = m["kind"] == "ebay" and ebay_orders[k] == m["user"]
            labels[k] = "own" if own else "not_own"
        out.append(OrderedDict([("person", pid[m["person"]]), ("conversation", cid[ck]),
                                ("orders", labels), ("note", m["note"]), ("cases", tags),
                                ("lang", m["lang"])]))
    return out
