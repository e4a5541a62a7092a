#!/usr/bin/env python3
"""Consistency check of heldout9: exits 0 when orders.json, ebay-orders.json, records.ndjson,
truth.ndjson (and the generator's people.json) agree with each other and with the stated shapes."""
import json, re, sys, os, collections, datetime as dt
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_lib import candidates, norm_email, ebay_digest, EMAIL, sender_key

D = os.path.dirname(os.path.abspath(__file__))
errors = []
def err(*a):
    errors.append(" ".join(str(x) for x in a))

def t(s):
    return dt.datetime.fromisoformat(s.replace("Z", "+00:00"))

E164 = re.compile(r"^\+[1-9]\d{7,14}$")
OK_DOM = re.compile(r"(^|\.)example(\.[a-z.]+)?$|^gmail\.com$|^googlemail\.com$|^marketplace\.amazon\.[a-z.]+$|^members\.ebay\.com$")

# ---------------- orders.json
orders = json.load(open(os.path.join(D, "orders.json")))["orders"]
if not 60 <= len(orders) <= 75: err("orders: count", len(orders))
shop = {}
cust_by_email, email_by_cust = {}, {}
for o in orders:
    n = o.get("order_number")
    for k in ("id", "name", "number", "order_number", "email", "contact_email", "phone", "customer", "billing_address",
              "shipping_address", "created_at", "updated_at", "financial_status", "fulfillment_status", "total_price",
              "currency", "line_items", "fulfillments"):
        if k not in o: err("order", n, "missing", k)
    if o["name"] != "#%d" % n or not 9001 <= n <= 9075: err("order name/number", o["name"], n)
    if o["name"] in shop: err("duplicate order", o["name"])
    if not E164.match(o["phone"] or ""): err("order phone", o["name"], o["phone"])
    c = o["customer"]
    for k in ("id", "email", "phone", "first_name", "last_name"):
        if k not in c: err("customer missing", k, o["name"])
    if not E164.match(c["phone"] or ""): err("customer phone", o["name"])
    if c["email"] != o["email"]: err("customer email != order email", o["name"])
    ne = norm_email(o["email"])
    if cust_by_email.setdefault(ne, c["id"]) != c["id"]: err("one buyer, two customer ids", ne)
    if email_by_cust.setdefault(c["id"], ne) != ne: err("one customer id, two buyers", c["id"])
    if not t(o["created_at"]).strftime("%Y-%m") == "2026-11": err("created_at not Nov 2026", o["name"])
    for a in ("billing_address", "shipping_address"):
        for k in ("name", "first_name", "last_name", "address1", "city", "zip", "country", "country_code"):
            if k not in o[a]: err(a, "missing", k, o["name"])
    for f in o["fulfillments"]:
        for k in ("tracking_company", "tracking_number", "tracking_numbers", "tracking_url", "shipment_status"):
            if k not in f: err("fulfillment missing", k, o["name"])
    for e in (o["email"],):
        if not OK_DOM.search(e.split("@")[1]): err("order e-mail domain", e)
    shop[o["name"]] = o
nums = sorted(o["order_number"] for o in orders)
if nums != list(range(nums[0], nums[0] + len(nums))) or nums[0] != 9001: err("order numbers not #9001.. consecutive")

# ---------------- ebay-orders.json
eb = json.load(open(os.path.join(D, "ebay-orders.json")))
for k in ("orders", "total", "limit", "offset"):
    if k not in eb: err("ebay page missing", k)
if not 3 <= len(eb["orders"]) <= 5: err("ebay count")
ebay = {}
for o in eb["orders"]:
    if not re.fullmatch(r"\d{2}-\d{5}-\d{5}", o["orderId"]): err("ebay orderId", o["orderId"])
    if not o.get("buyer", {}).get("username"): err("ebay buyer.username", o["orderId"])
    if not o.get("lineItems"): err("ebay lineItems", o["orderId"])
    if not o["fulfillmentStartInstructions"][0]["shippingStep"]["shipTo"].get("fullName"): err("ebay shipTo", o["orderId"])
    ebay[o["orderId"]] = o["buyer"]["username"]

# ---------------- records
recs = [json.loads(l) for l in open(os.path.join(D, "records.ndjson"))]
truth = [json.loads(l) for l in open(os.path.join(D, "truth.ndjson"))]
people = json.load(open(os.path.join(D, "people.json")))
pkey, obuyer = people["persons"], people["order_buyers"]
if not 180 <= len(recs) <= 240: err("records count", len(recs))
if len(recs) != len(truth): err("records/truth count differ")
ids = collections.Counter(r["id"] for r in recs)
for i, c in ids.items():
    if c > 1: err("duplicate record id", i)
CH = {"email", "instagram", "facebook", "amazon", "ebay"}
prev = None
lo, hi = t("2026-11-20T00:00:00Z"), t("2026-12-07T00:00:00Z")
for ln, r in enumerate(recs, 1):
    where = "records:%d" % ln
    if r.get("omni") != 1 or not r.get("id") or r.get("channel") not in CH or r.get("store") != "acme":
        err(where, "header fields")
    ms = r.get("messages")
    if not isinstance(ms, list) or len(ms) != 1: err(where, "one message"); continue
    m = ms[0]
    if m["direction"] != "in" or m["author"] != "customer": err(where, "not an inbound customer message")
    at = t(m["at"])
    if not lo <= at < hi: err(where, "time out of range", m["at"])
    if prev and at < prev: err(where, "not in arrival order")
    prev = at
    if r["created_at"] != m["at"]: err(where, "created_at")
    src = r["source"]
    ch = r["channel"]
    if ch != "amazon" and "order_ids" in r: err(where, "order_ids on a non-Amazon record")
    if ch in ("email", "amazon"):
        mid = src["message_id"]
        exp = "%s:%s" % (src["name"], mid)
        if r["id"] != exp or src["external_id"] != mid or m["id"] != mid: err(where, "mail ids")
        refs = src["references"]
        if ch == "email":
            tk = refs[0] if refs else (src["in_reply_to"] or mid)
            if src["thread_key"] != tk: err(where, "thread_key rule")
        if m["from"] != m["from"].lower() or r["customer"]["emails"] != [m["from"]]: err(where, "from/emails")
        if not OK_DOM.search(m["from"].split("@")[1]): err(where, "sender domain", m["from"])
        if ch == "amazon":
            a = m["from"]
            if not re.fullmatch(r"[a-z0-9]{15}@marketplace\.amazon\.[a-z.]+", a): err(where, "amazon alias")
            oi = r.get("order_ids") or []
            if len(oi) != 1 or not re.fullmatch(r"\d{3}-\d{7}-\d{7}", oi[0]): err(where, "amazon order_ids")
            if src["thread_key"] != "amazon:%s:%s" % (a, oi[0]) or r["customer"]["handles"].get("amazon") != a: err(where, "amazon keys")
    elif ch in ("instagram", "facebook"):
        h = r["customer"]["handles"]
        if list(h) != [ch]: err(where, "meta handles")
        if r["id"] != "meta:" + m["id"] or src["thread_key"] != "%s:%s:%s" % (ch, src["page_id"], h[ch]): err(where, "meta ids")
        if "emails" in r["customer"]: err(where, "DM with e-mail key")
    elif ch == "ebay":
        u = r["customer"]["handles"]["ebay"]
        if r["id"] != "ebay:" + src["external_id"] or src["thread_key"] != "ebay:" + src["external_id"]: err(where, "ebay ids")
        if m.get("digest") != ebay_digest(u, m["text"]): err(where, "ebay digest")
    for e in EMAIL.findall((r.get("subject") or "") + " " + m["text"]):
        if not OK_DOM.search(e.split("@")[1].lower()): err(where, "e-mail in text with a real domain", e)

# ---------------- truth
conv_person, sender_person = {}, {}
state = {}
LANGS = {"en", "de", "fr", "es", "it"}
for ln, (r, tr) in enumerate(zip(recs, truth), 1):
    where = "truth:%d" % ln
    if tr["id"] != r["id"]: err(where, "id order")
    if set(tr) != {"id", "person", "conversation", "orders", "note", "cases", "lang"}: err(where, "keys", sorted(tr))
    if not re.fullmatch(r"p\d+", tr["person"]) or not re.fullmatch(r"c\d+", tr["conversation"]): err(where, "ids")
    if tr["lang"] not in LANGS: err(where, "lang")
    if not tr["cases"]: err(where, "no cases")
    if conv_person.setdefault(tr["conversation"], tr["person"]) != tr["person"]: err(where, "two persons in one conversation", tr["conversation"])
    sk = sender_key(r)
    if sender_person.setdefault(sk, tr["person"]) != tr["person"]: err(where, "one sender key, two persons", sk)
    m = r["messages"][0]
    keys = candidates(r.get("subject"), m["text"], r.get("order_ids"))
    if sorted(keys) != sorted(tr["orders"]): err(where, "candidates", keys, list(tr["orders"]))
    p = pkey[tr["person"]]
    st = state.setdefault((tr["person"], tr["conversation"], sk), "")
    st += "\n" + (r.get("subject") or "") + "\n" + m["text"]
    state[(tr["person"], tr["conversation"], sk)] = st
    said = {norm_email(e) for e in EMAIL.findall(st)}
    # a mail from an order's own address is written by that order's buyer (no shared-mailbox ambiguity in this set)
    if r["channel"] == "email":
        for name, o in shop.items():
            if norm_email(o["email"]) == norm_email(m["from"]) and obuyer[name] != p:
                err(where, "mail from the address of", name, "by someone who is not its buyer")
    for k, v in tr["orders"].items():
        if v not in ("own", "not_own"): err(where, "label", v)
        if v != "own": continue
        if k in shop:
            o = shop[k]
            if obuyer[k] != p: err(where, k, "own but not the buyer")
            by_addr = r["channel"] == "email" and norm_email(m["from"]) == norm_email(o["email"])
            by_facts = (k in st or k[1:] in st) and (norm_email(o["email"]) in said or o["billing_address"]["zip"] in st)
            if not (by_addr or by_facts): err(where, k, "own without address or facts")
        elif re.fullmatch(r"\d{3}-\d{7}-\d{7}", k):
            if r["channel"] != "amazon" or k not in r.get("order_ids", []): err(where, k, "amazon own outside its relay thread")
        elif k in ebay:
            if r["channel"] != "ebay" or r["customer"]["handles"]["ebay"] != ebay[k]: err(where, k, "ebay own, not its buyer")
        else:
            err(where, k, "own for an unknown order")

if errors:
    for e in errors[:50]:
        print("check-format:", e, file=sys.stderr)
    print("check-format: %d problem(s)" % len(errors), file=sys.stderr)
    sys.exit(1)
c = collections.Counter(v for tr in truth for v in tr["orders"].values())
print("ok: %d orders, %d eBay orders, %d records, %d persons, %d conversations, labels %s" % (
    len(orders), len(eb["orders"]), len(recs), len({x["person"] for x in truth}), len({x["conversation"] for x in truth}), dict(c)))
