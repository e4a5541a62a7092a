#!/usr/bin/env python3
"""Consistency check of heldout7. Exits 0 when every file is consistent."""
import json
import os
import re
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


def load_json(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        return json.load(f)


def load_ndjson(name):
    out = []
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            if "\\u0000" in line or "\x00" in line:
                err("%s:%d: NUL" % (name, i))
            out.append(json.loads(line))
    return out


E164 = re.compile(r"^\+[1-9]\d{6,14}$")
# invented domains only: example.<tld>, <name>.example (RFC 2606), Gmail, relays
EMAIL_OK = re.compile(r"@(?:(?:[a-z0-9-]+\.)*example(?:-[a-z]+)?\.[a-z.]+|(?:[a-z0-9-]+\.)+example|gmail\.com|googlemail\.com|marketplace\.amazon\.[a-z.]+|members\.ebay\.com)$", re.I)

# ---- orders.json ---------------------------------------------------------
orders = load_json("orders.json")["orders"]
if not 60 <= len(orders) <= 75:
    err("orders.json: %d orders" % len(orders))
ids_by_email = defaultdict(set)
emails_by_id = defaultdict(set)
oid_seen = set()
SHOP = {}
for o in orders:
    n = o.get("order_number")
    if not (isinstance(n, int) and 7001 <= n <= 7075):
        err("order_number %r" % n)
    if o.get("name") != "#%d" % n:
        err("name %r for %r" % (o.get("name"), n))
    for k in ("id", "email", "contact_email", "phone", "customer", "billing_address",
              "shipping_address", "created_at", "updated_at", "financial_status",
              "fulfillment_status", "total_price", "currency", "line_items", "fulfillments", "number"):
        if k not in o:
            err("#%s lacks %s" % (n, k))
    if o["id"] in oid_seen:
        err("duplicate order id %s" % o["id"])
    oid_seen.add(o["id"])
    if not o["created_at"].startswith("2026-11-"):
        err("#%s created %s" % (n, o["created_at"]))
    if not E164.match(o["phone"] or ""):
        err("#%s phone %r" % (n, o["phone"]))
    if o["email"] != o["contact_email"] or o["customer"]["email"] != o["email"]:
        err("#%s email mismatch" % n)
    if not EMAIL_OK.search(o["email"]):
        err("#%s email domain %s" % (n, o["email"]))
    c = o["customer"]
    for k in ("id", "email", "phone", "first_name", "last_name"):
        if k not in c:
            err("#%s customer lacks %s" % (n, k))
    ids_by_email[c["email"]].add(c["id"])
    emails_by_id[c["id"]].add(c["email"])
    for a in ("billing_address", "shipping_address"):
        for k in ("name", "first_name", "last_name", "address1", "city", "zip", "country", "country_code"):
            if not o[a].get(k):
                err("#%s %s lacks %s" % (n, a, k))
    for f in o["fulfillments"]:
        for k in ("tracking_company", "tracking_number", "tracking_numbers", "tracking_url", "shipment_status"):
            if k not in f:
                err("#%s fulfilment lacks %s" % (n, k))
    SHOP[n] = o
for e, s in ids_by_email.items():
    if len(s) != 1:
        err("buyer %s has customer ids %s" % (e, s))
for i, s in emails_by_id.items():
    if len(s) != 1:
        err("customer id %s shared by %s" % (i, s))
if len(ids_by_email) != len(emails_by_id):
    err("customer ids not one per buyer")

# ---- ebay-orders.json ----------------------------------------------------
eb = load_json("ebay-orders.json")
for k in ("orders", "total", "limit", "offset"):
    if k not in eb:
        err("ebay-orders.json lacks %s" % k)
if not 3 <= len(eb["orders"]) <= 5:
    err("ebay orders: %d" % len(eb["orders"]))
EBAY = {}
for o in eb["orders"]:
    if not re.fullmatch(r"\d{2}-\d{5}-\d{5}", o["orderId"]):
        err("ebay orderId %s" % o["orderId"])
    if not o["buyer"].get("username") or not o.get("lineItems"):
        err("ebay order %s incomplete" % o["orderId"])
    if not o["fulfillmentStartInstructions"][0]["shippingStep"]["shipTo"].get("fullName"):
        err("ebay order %s lacks shipTo" % o["orderId"])
    EBAY[o["orderId"]] = o["buyer"]["username"]

# ---- records.ndjson ------------------------------------------------------
recs = load_ndjson("records.ndjson")
if not 180 <= len(recs) <= 240:
    err("records: %d" % len(recs))
seen = set()
prev = ""
langs_ok = {"en", "de", "fr", "es", "it"}
for i, r in enumerate(recs, 1):
    where = "records.ndjson:%d" % i
    if r.get("omni") != 1 or not r.get("id") or not r.get("channel"):
        err(where + ": not a ticket")
    if r["id"] in seen:
        err(where + ": duplicate id")
    seen.add(r["id"])
    if r["store"] != "acme":
        err(where + ": store")
    if r["created_at"] < prev:
        err(where + ": not in arrival order")
    prev = r["created_at"]
    if not ("2026-11-20" <= r["created_at"][:10] <= "2026-12-06"):
        err(where + ": date %s" % r["created_at"])
    if len(r["messages"]) != 1:
        err(where + ": one message expected")
    m = r["messages"][0]
    if m["direction"] != "in" or m["author"] != "customer" or m["at"] != r["created_at"]:
        err(where + ": message head")
    src = r["source"]
    ch = r["channel"]
    if ch != "amazon" and "order_ids" in r:
        err(where + ": order_ids outside Amazon")
    if ch == "email":
        mid = src["message_id"]
        if r["id"] != "support:" + mid:
            err(where + ": mail id")
        tk = (src["references"] or [None])[0] or src["in_reply_to"] or mid
        if src["thread_key"] != tk:
            err(where + ": thread_key")
        if r["customer"]["emails"] != [m["from"]] or m["from"] != m["from"].lower():
            err(where + ": from")
        if not EMAIL_OK.search(m["from"]):
            err(where + ": domain %s" % m["from"])
    elif ch in ("instagram", "facebook"):
        sid = list(r["customer"]["handles"].values())[0]
        if list(r["customer"]["handles"]) != [ch]:
            err(where + ": handles")
        if src["thread_key"] != "%s:%s:%s" % (ch, src["page_id"], sid):
            err(where + ": dm thread_key")
        if r["id"] != "meta:" + m["id"] or "emails" in r["customer"]:
            err(where + ": dm id/emails")
        if ch == "instagram" and not m["id"].startswith("aWdf"):
            err(where + ": ig mid")
        if ch == "facebook" and not m["id"].startswith("m_"):
            err(where + ": fb mid")
    elif ch == "amazon":
        alias = r["customer"]["handles"]["amazon"]
        if not re.fullmatch(r"[a-z0-9]{15}@marketplace\.amazon\.[a-z.]+", alias):
            err(where + ": alias")
        oids = r.get("order_ids") or []
        if len(oids) != 1 or not re.fullmatch(r"\d{3}-\d{7}-\d{7}", oids[0]):
            err(where + ": amazon order_ids")
        if src["thread_key"] != "amazon:%s:%s" % (alias, oids[0]):
            err(where + ": amazon thread_key")
        if r["customer"]["emails"] != [alias]:
            err(where + ": amazon e-mail")
    elif ch == "ebay":
        cid = src["external_id"]
        if r["id"] != "ebay:" + cid or src["thread_key"] != "ebay:" + cid:
            err(where + ": ebay ids")
        if not r["customer"]["handles"].get("ebay") or not m.get("digest", "").startswith("ebay:"):
            err(where + ": ebay handle/digest")
    else:
        err(where + ": channel %s" % ch)

# ---- truth.ndjson --------------------------------------------------------
truth = load_ndjson("truth.ndjson")
if len(truth) != len(recs):
    err("truth has %d lines for %d records" % (len(truth), len(recs)))
RE4 = re.compile(r"(?<!\d)70\d\d(?!\d)")
conv_person = defaultdict(set)
own_person = defaultdict(set)
for i, (r, t) in enumerate(zip(recs, truth), 1):
    where = "truth.ndjson:%d" % i
    if t["id"] != r["id"]:
        err(where + ": id differs from records")
    if set(t) != {"id", "person", "conversation", "orders", "note", "cases", "lang"}:
        err(where + ": keys %s" % sorted(t))
    if not re.fullmatch(r"p\d+", t["person"]) or not re.fullmatch(r"c\d+", t["conversation"]):
        err(where + ": person/conversation form")
    if t["lang"] not in langs_ok or not t["cases"]:
        err(where + ": lang/cases")
    conv_person[t["conversation"]].add(t["person"])
    text = (r.get("subject") or "") + "\n" + r["messages"][0]["text"]
    want = set("#" + x for x in RE4.findall(text))
    want |= set("#" + x for x in re.findall(r"#(\d+)", text))
    want |= set(re.findall(r"(?<!\d)\d{3}-\d{7}-\d{7}(?!\d)", text))
    want |= set(re.findall(r"(?<!\d)\d{2}-\d{5}-\d{5}(?!\d)", text))
    want |= set(r.get("order_ids") or [])
    if set(t["orders"]) != want:
        err(where + ": candidates %s != %s" % (sorted(t["orders"]), sorted(want)))
    for k, v in t["orders"].items():
        if v not in ("own", "not_own"):
            err(where + ": label %s" % v)
        if v == "own":
            if k.startswith("#"):
                if int(k[1:]) not in SHOP:
                    err(where + ": own on a non-order %s" % k)
            elif re.fullmatch(r"\d{2}-\d{5}-\d{5}", k):
                if r["channel"] != "ebay" or EBAY.get(k) != r["customer"]["handles"]["ebay"]:
                    err(where + ": own eBay %s not from its buyer" % k)
            elif r["channel"] != "amazon" or k not in (r.get("order_ids") or []):
                err(where + ": own Amazon %s outside its relay thread" % k)
            own_person[k].add(t["person"])
    # a mail from the ordering address that quotes its own order is own
    if r["channel"] == "email":
        frm = r["messages"][0]["from"]
        for k, v in t["orders"].items():
            if k.startswith("#") and len(k) == 5 and int(k[1:]) in SHOP and SHOP[int(k[1:])]["email"] == frm and v != "own":
                err(where + ": ordering address but %s not own" % k)
for c, ps in conv_person.items():
    if len(ps) != 1:
        err("conversation %s has persons %s" % (c, ps))
for k, ps in own_person.items():
    if len(ps) != 1:
        err("order %s is own for several persons %s" % (k, ps))

# ---- determinism: the generator writes the same truth --------------------
sys.path.insert(0, HERE)
try:
    import scenarios
    R = scenarios.build()
    recs2, (truth2, _, _) = R.finish()
    if [json.dumps(x, ensure_ascii=False, separators=(",", ":")) for x in recs2] != \
       [json.dumps(x, ensure_ascii=False, separators=(",", ":")) for x in recs]:
        err("records.ndjson differs from the generator's output")
    if truth2 != truth:
        err("truth.ndjson differs from the generator's output")
except Exception as e:  # pragma: no cover
    err("generator failed: %r" % e)

if errors:
    for e in errors[:50]:
        print("check-format: " + e, file=sys.stderr)
    print("check-format: %d problem(s)" % len(errors), file=sys.stderr)
    sys.exit(1)
print("check-format: ok: %d orders, %d eBay orders, %d records, %d persons, %d conversations"
      % (len(orders), len(eb["orders"]), len(recs), len({t['person'] for t in truth}),
         len(conv_person)))
