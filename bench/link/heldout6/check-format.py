#!/usr/bin/env python3
"""Check that the heldout6 files are consistent.  Exit 0 when they are.
Independent of gen_lib: re-derives candidates and re-checks every "own"
label against the record data (the person labels it cannot re-derive)."""
import json, re, sys, os
from collections import defaultdict, Counter

D = os.path.dirname(os.path.abspath(__file__))
errs = []
def err(m):
    errs.append(m)

def load_ndjson(p):
    out = []
    with open(os.path.join(D, p), encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            if not line.endswith("\n"):
                err("%s:%d: no final newline" % (p, i))
            try:
                out.append(json.loads(line))
            except Exception as e:
                err("%s:%d: bad JSON %s" % (p, i, e))
    return out

E164 = re.compile(r"^\+[1-9]\d{6,14}$")
orders = json.load(open(os.path.join(D, "orders.json"), encoding="utf-8"))["orders"]
if not 60 <= len(orders) <= 75:
    err("orders.json: %d orders" % len(orders))
shop = {}
for o in orders:
    n = o["order_number"]
    if not (6001 <= n <= 6075) or o["name"] != "#%d" % n or o["number"] != n:
        err("order numbering %r" % o["name"])
    for k in ("id", "email", "contact_email", "phone", "customer", "billing_address", "shipping_address", "created_at",
              "updated_at", "financial_status", "fulfillment_status", "total_price", "currency", "line_items", "fulfillments"):
        if k not in o:
            err("%s: missing %s" % (o["name"], k))
    if not o["created_at"].startswith("2026-11"):
        err("%s created %s" % (o["name"], o["created_at"]))
    if not E164.match(o["phone"]) or not E164.match(o["customer"]["phone"]):
        err("%s phone %s" % (o["name"], o["phone"]))
    for a in ("billing_address", "shipping_address"):
        for k in ("name", "first_name", "last_name", "address1", "city", "zip", "country", "country_code"):
            if not o[a].get(k):
                err("%s %s.%s" % (o["name"], a, k))
    for f in o["fulfillments"]:
        for k in ("tracking_company", "tracking_number", "tracking_numbers", "tracking_url", "shipment_status"):
            if k not in f:
                err("%s fulfillment %s" % (o["name"], k))
    if o["customer"]["email"] != o["email"]:
        err("%s customer email" % o["name"])
    shop[o["name"]] = o
if len(shop) != len(orders):
    err("duplicate order names")

eb = json.load(open(os.path.join(D, "ebay-orders.json"), encoding="utf-8"))
if not 3 <= len(eb["orders"]) <= 5 or eb["total"] != len(eb["orders"]):
    err("ebay-orders.json count")
ebay = {}
for o in eb["orders"]:
    if not re.fullmatch(r"\d{2}-\d{5}-\d{5}", o["orderId"]):
        err("ebay orderId %s" % o["orderId"])
    if not o["buyer"]["username"] or not o["lineItems"] or not o["fulfillmentStartInstructions"][0]["shippingStep"]["shipTo"]:
        err("ebay order %s shape" % o["orderId"])
    ebay[o["orderId"]] = o["buyer"]["username"]

recs = load_ndjson("records.ndjson")
truth = load_ndjson("truth.ndjson")
if not 180 <= len(recs) <= 240:
    err("records: %d" % len(recs))
if len(recs) != len(truth):
    err("records %d vs truth %d" % (len(recs), len(truth)))

RE_AMZ = re.compile(r"(?<![\d-])(\d{3}-\d{7}-\d{7})(?![\d-])")
RE_EBAY = re.compile(r"(?<![\d-])(\d{2}-\d{5}-\d{5})(?![\d-])")
def cands(texts):
    out = []
    for t in texts:
        if not t:
            continue
        for m in RE_AMZ.finditer(t):
            out.append(m.group(1))
        t2 = RE_AMZ.sub(" ", t)
        for m in RE_EBAY.finditer(t2):
            out.append(m.group(1))
        t3 = RE_EBAY.sub(" ", t2)
        out += ["#" + x for x in re.findall(r"#\s?(\d+)", t3)]
        out += ["#" + x for x in re.findall(r"(?<!\d)(60\d\d)(?!\d)", t3)]
    return set(out)

def gnorm(a):
    l, _, d = a.lower().partition("@")
    if d in ("gmail.com", "googlemail.com"):
        return l.split("+")[0].replace(".", "") + "@gmail.com"
    return l + "@" + d

def domain_ok(a):
    d = a.split("@")[1]
    return d.endswith(".example") or d in ("gmail.com", "googlemail.com") or re.fullmatch(r"marketplace\.amazon\.[a-z.]+", d)

ids = set()
last = ""
conv_person = {}
acc = defaultdict(str)
own_by = Counter()
langs = Counter()
cases = Counter()
for i, (r, t) in enumerate(zip(recs, truth), 1):
    where = "records.ndjson:%d" % i
    if r.get("omni") != 1 or not r.get("id"):
        err(where + ": not a ticket")
    if r["id"] in ids:
        err(where + ": duplicate id " + r["id"])
    ids.add(r["id"])
    if t["id"] != r["id"]:
        err(where + ": truth id differs")
    if r["store"] != "acme" or r["kind"] != "message" or len(r["messages"]) != 1:
        err(where + ": store/kind/messages")
    m = r["messages"][0]
    if m["direction"] != "in" or m["author"] != "customer" or m["at"] != r["created_at"]:
        err(where + ": message head")
    if m["at"] < last:
        err(where + ": not in arrival order")
    last = m["at"]
    if not ("2026-11-20" <= m["at"][:10] <= "2026-12-07"):
        err(where + ": date " + m["at"])
    ch = r["channel"]
    src = r["source"]
    if ch != "amazon" and "order_ids" in r:
        err(where + ": order_ids on a non-Amazon record")
    if ch in ("email", "amazon"):
        mid = src["message_id"]
        if r["id"] != "support:" + mid or m["from"] != r["customer"]["emails"][0] or m["from"] != m["from"].lower():
            err(where + ": mail id/from")
        if not domain_ok(m["from"]):
            err(where + ": domain " + m["from"])
        exp = src["references"][0] if src["references"] else (src["in_reply_to"] or mid)
        if ch == "email" and src["thread_key"] != exp:
            err(where + ": thread_key")
        if ch == "amazon":
            alias = m["from"]
            if not re.fullmatch(r"[a-z0-9]{15}@marketplace\.amazon\.[a-z.]+", alias) or r["customer"]["handles"]["amazon"] != alias:
                err(where + ": amazon alias")
            if len(r["order_ids"]) != 1 or src["thread_key"] != "amazon:%s:%s" % (alias, r["order_ids"][0]):
                err(where + ": amazon thread")
        skey = (ch, m["from"])
    elif ch in ("instagram", "facebook"):
        sid = r["customer"]["handles"][ch]
        if r["id"] != "meta:" + m["id"] or src["thread_key"] != "%s:%s:%s" % (ch, src["page_id"], sid) or "emails" in r["customer"]:
            err(where + ": meta shape")
        skey = (ch, sid)
    elif ch == "ebay":
        if r["id"] != "ebay:" + src["external_id"] or src["thread_key"] != r["id"] or not m.get("digest", "").startswith("ebay:"):
            err(where + ": ebay shape")
        skey = ("ebay", r["customer"]["handles"]["ebay"])
    else:
        err(where + ": channel " + ch)
        continue
    # truth
    if not re.fullmatch(r"p\d+", t["person"]) or not re.fullmatch(r"c\d+", t["conversation"]):
        err(where + ": person/conversation ids")
    if conv_person.setdefault(t["conversation"], t["person"]) != t["person"]:
        err(where + ": conversation %s has two persons" % t["conversation"])
    if t["lang"] not in ("en", "de", "fr", "es", "it"):
        err(where + ": lang")
    langs[t["lang"]] += 1
    if not t["cases"]:
        err(where + ": no case tags")
    cases.update(t["cases"])
    exp = cands([r.get("subject"), m["text"]] + r.get("order_ids", []))
    if set(t["orders"]) != exp:
        err(where + ": candidates %s vs truth %s" % (sorted(exp), sorted(t["orders"])))
    fk = (t["conversation"], skey)
    acc[fk] += "\n" + (r.get("subject") or "") + "\n" + m["text"]
    for k, v in t["orders"].items():
        if v not in ("own", "not_own"):
            err(where + ": label " + v)
        if v != "own":
            continue
        how = None
        if k in shop:
            o = shop[k]
            if ch == "email" and gnorm(m["from"]) == gnorm(o["email"]):
                how = "email"
            else:
                a = acc[fk].lower()
                z = o["billing_address"]["zip"].lower()
                if k in cands([acc[fk]]) and (o["email"] in a or re.search(r"(?<![0-9a-z])" + re.escape(z) + r"(?![0-9a-z])", a)):
                    how = "facts"
        elif k in ebay:
            if ch == "ebay" and skey[1] == ebay[k]:
                how = "ebay"
        elif re.fullmatch(r"\d{3}-\d{7}-\d{7}", k):
            if ch == "amazon" and r["order_ids"] == [k]:
                how = "amazon"
        if not how:
            err(where + ": %s labelled own without evidence" % k)
        own_by[how] += 1

if errs:
    for e in errs[:50]:
        print("check-format:", e, file=sys.stderr)
    print("check-format: %d problem(s)" % len(errs), file=sys.stderr)
    sys.exit(1)
pairs = Counter(v for t in truth for v in t["orders"].values())
print("ok: %d orders, %d eBay orders, %d records, %d persons, %d conversations" % (
    len(orders), len(eb["orders"]), len(recs), len({t["person"] for t in truth}), len(conv_person)))
print("pairs: %s; own by %s" % (dict(pairs), dict(own_by)))
print("channels: %s" % dict(Counter(r["channel"] for r in recs)))
print("langs: %s" % dict(langs))
print("cases: %s" % ", ".join("%s %d" % kv for kv in sorted(cases.items())))
