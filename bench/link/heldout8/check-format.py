#!/usr/bin/env python3
"""Checks that the heldout8 files are consistent.  Exit 0 when they are; prints each
problem and exits 1 otherwise.  Usage: python3 check-format.py [dir]"""
import json, os, re, sys, hashlib
from collections import defaultdict

D = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, D)
from gen_lib import candidates, ebay_digest, RE_AMZ  # noqa: E402

errs = []
def err(*a):
    errs.append(" ".join(str(x) for x in a))

E164 = re.compile(r"^\+[1-9]\d{7,14}$")
def domain_ok(addr):
    dom = addr.rsplit("@", 1)[-1].lower()
    return dom in ("gmail.com", "googlemail.com") or dom.endswith(".example") \
        or re.match(r"^([a-z0-9-]+\.)*example\.[a-z.]+$", dom) is not None \
        or re.match(r"^marketplace\.amazon\.[a-z.]+$", dom) is not None \
        or dom == "members.ebay.com"

# ------------------------------------------------------------- orders.json
orders = json.load(open(os.path.join(D, "orders.json")))["orders"]
if not 60 <= len(orders) <= 75:
    err("orders.json: %d orders" % len(orders))
shop = {}
cid_of_email, email_of_cid = {}, {}
for o in orders:
    n = o["order_number"]
    if o["name"] != "#%d" % n or not 8001 <= n <= 8075:
        err("order name/number", o["name"], n)
    if o["number"] != n - 1000:
        err("order number field", o["name"])
    for k in ("id", "email", "contact_email", "phone", "customer", "billing_address", "shipping_address",
              "created_at", "updated_at", "financial_status", "fulfillment_status", "total_price",
              "currency", "line_items", "fulfillments"):
        if k not in o:
            err(o["name"], "missing", k)
    if not o["created_at"].startswith("2026-11"):
        err(o["name"], "created_at not Nov 2026")
    if not E164.match(o["phone"]) or not E164.match(o["customer"]["phone"]):
        err(o["name"], "phone not E.164")
    if o["email"] != o["customer"]["email"] or o["email"] != o["contact_email"]:
        err(o["name"], "email mismatch")
    if not domain_ok(o["email"]):
        err(o["name"], "email domain", o["email"])
    for a in ("billing_address", "shipping_address"):
        for k in ("name", "first_name", "last_name", "address1", "city", "zip", "country", "country_code"):
            if not o[a].get(k):
                err(o["name"], a, "missing", k)
    for f in o["fulfillments"]:
        for k in ("tracking_company", "tracking_number", "tracking_numbers", "tracking_url", "shipment_status"):
            if k not in f:
                err(o["name"], "fulfillment missing", k)
    c = o["customer"]
    for k in ("id", "email", "phone", "first_name", "last_name"):
        if k not in c:
            err(o["name"], "customer missing", k)
    e = c["email"].lower()
    if cid_of_email.setdefault(e, c["id"]) != c["id"]:
        err("one buyer with two customer ids:", e)
    if email_of_cid.setdefault(c["id"], e) != e:
        err("customer id", c["id"], "shared by two buyers")
    shop[o["name"]] = o
nums = sorted(o["order_number"] for o in orders)
if nums != list(range(8001, 8001 + len(orders))):
    err("order numbers not contiguous from 8001")

# ------------------------------------------------------------- ebay-orders.json
eb = json.load(open(os.path.join(D, "ebay-orders.json")))
for k in ("orders", "total", "limit", "offset"):
    if k not in eb:
        err("ebay-orders.json missing", k)
if not 3 <= len(eb["orders"]) <= 5 or eb["total"] != len(eb["orders"]):
    err("ebay-orders.json count")
ebay_buyer = {}
for o in eb["orders"]:
    if not re.fullmatch(r"\d{2}-\d{5}-\d{5}", o["orderId"]):
        err("eBay orderId", o["orderId"])
    ebay_buyer[o["orderId"]] = o["buyer"]["username"]
    if not o.get("lineItems") or not o["fulfillmentStartInstructions"][0]["shippingStep"]["shipTo"].get("fullName"):
        err("eBay order shape", o["orderId"])

# ------------------------------------------------------------- records.ndjson
recs = [json.loads(l) for l in open(os.path.join(D, "records.ndjson"), encoding="utf-8")]
if not 180 <= len(recs) <= 240:
    err("records: %d" % len(recs))
ids = [r["id"] for r in recs]
if len(set(ids)) != len(ids):
    err("duplicate record ids")
last_at = ""
for i, r in enumerate(recs, 1):
    where = "records.ndjson:%d" % i
    if r.get("omni") != 1 or r.get("store") != "acme" or r.get("kind") != "message":
        err(where, "omni/store/kind")
    ch, s, c = r["channel"], r["source"], r["customer"]
    if len(r["messages"]) != 1:
        err(where, "not one message")
    m = r["messages"][0]
    if m["direction"] != "in" or m["author"] != "customer" or m["at"] != r["created_at"]:
        err(where, "message direction/author/at")
    if not ("2026-11-20" <= m["at"][:10] <= "2026-12-10"):
        err(where, "time out of range", m["at"])
    if m["at"] < last_at:
        err(where, "not in arrival order")
    last_at = m["at"]
    if "order_ids" in r and ch != "amazon":
        err(where, "order_ids on a non-Amazon record")
    if ch == "email":
        if r["id"] != "support:" + s["message_id"] or s["external_id"] != s["message_id"]:
            err(where, "mail id")
        tk = (s["references"] or [None])[0] or s["in_reply_to"] or s["message_id"]
        if s["thread_key"] != tk:
            err(where, "mail thread_key")
        if m["from"] != m["from"].lower() or c["emails"] != [m["from"]]:
            err(where, "from/customer.emails")
        if not domain_ok(m["from"]):
            err(where, "sender domain", m["from"])
    elif ch == "amazon":
        alias = c["handles"]["amazon"]
        if not re.fullmatch(r"[a-z0-9]{15}@marketplace\.amazon\.[a-z.]+", alias) or c["emails"] != [alias]:
            err(where, "amazon alias")
        oid = r["order_ids"]
        if len(oid) != 1 or not RE_AMZ.fullmatch(oid[0]) or s["thread_key"] != "amazon:%s:%s" % (alias, oid[0]):
            err(where, "amazon thread/order")
        if oid[0] not in r["subject"]:
            err(where, "amazon subject lacks order id")
    elif ch in ("instagram", "facebook"):
        sender = c["handles"][ch]
        if r["id"] != "meta:" + m["id"] or s["thread_key"] != "%s:%s:%s" % (ch, s["page_id"], sender):
            err(where, "meta id/thread")
        if "emails" in c or "phones" in c:
            err(where, "meta customer carries keys")
    elif ch == "ebay":
        if r["id"] != "ebay:" + s["external_id"] or s["thread_key"] != r["id"]:
            err(where, "ebay id/thread")
        if m["digest"] != ebay_digest(c["handles"]["ebay"], m["text"]):
            err(where, "ebay digest")
    else:
        err(where, "channel", ch)

# ------------------------------------------------------------- truth.ndjson
truth = [json.loads(l) for l in open(os.path.join(D, "truth.ndjson"), encoding="utf-8")]
if len(truth) != len(recs):
    err("truth has %d lines, records %d" % (len(truth), len(recs)))
conv_person = {}
pnums, cnums = set(), set()
for i, (r, t) in enumerate(zip(recs, truth), 1):
    where = "truth.ndjson:%d" % i
    if set(t) != {"id", "person", "conversation", "orders", "note", "cases", "lang"}:
        err(where, "keys", sorted(t))
    if t["id"] != r["id"]:
        err(where, "id differs from record")
    if not re.fullmatch(r"p\d+", t["person"]) or not re.fullmatch(r"c\d+", t["conversation"]):
        err(where, "person/conversation format")
    pnums.add(int(t["person"][1:])); cnums.add(int(t["conversation"][1:]))
    if conv_person.setdefault(t["conversation"], t["person"]) != t["person"]:
        err(where, "conversation", t["conversation"], "has two persons")
    if t["lang"] not in ("en", "de", "fr", "es", "it"):
        err(where, "lang")
    if not isinstance(t["cases"], list) or not t["cases"]:
        err(where, "cases")
    text = (r.get("subject") or "") + "\n" + r["messages"][0]["text"]
    want = candidates(text, r.get("order_ids", []))
    if list(t["orders"]) != want:
        err(where, "order keys", list(t["orders"]), "expected", want)
    for k, v in t["orders"].items():
        if v not in ("own", "not_own"):
            err(where, "label", k, v)
        if v == "own":
            if k.startswith("#") and k not in shop:
                err(where, "own label on an unknown shop order", k)
            if re.fullmatch(r"\d{2}-\d{5}-\d{5}", k) and not (r["channel"] == "ebay"
                                                              and ebay_buyer.get(k) == r["customer"]["handles"]["ebay"]):
                err(where, "own eBay order not from its buyer", k)
            if RE_AMZ.fullmatch(k) and r.get("order_ids") != [k]:
                err(where, "own Amazon order outside its relay thread", k)
if pnums != set(range(1, len(pnums) + 1)) or cnums != set(range(1, len(cnums) + 1)):
    err("person/conversation ids not contiguous")

for e in errs:
    print("check-format:", e)
if errs:
    sys.exit(1)
print("check-format: ok: %d orders, %d eBay orders, %d records, %d persons, %d conversations"
      % (len(orders), len(eb["orders"]), len(recs), len(pnums), len(cnums)))
