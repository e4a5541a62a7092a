#!/usr/bin/env python3
"""Checks the files of this set: python3 check-format.py (exit 0 when all is well)."""
import json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
# Numbers labelled in truth.ndjson that are deliberately in no order file:
ABSENT = {
    "#3073": "no such order", "#3074": "typo of #3047", "#3075": "no such order", "#3076": "Worb postcode",
    "#3077": "no such order", "#3078": "no such order", "#3079": "no such order", "#3080": "Tervuren postcode",
    "#30033": "typo of #3033 (an extra 0)",
    "302-5581046-2290317": "Amazon order (marketplace; no Amazon order file)",
    "404-7719253-6630148": "Amazon order (marketplace; no Amazon order file)",
    "171-3302985-4417206": "Amazon order (marketplace; no Amazon order file)",
    "406-2291874-5503619": "Amazon order (marketplace; no Amazon order file)",
}
CAND = [re.compile(r"#\d+"), re.compile(r"(?<![\d#])30\d\d(?!\d)"),
        re.compile(r"(?<!\d)\d{3}-\d{7}-\d{7}(?!\d)"), re.compile(r"(?<![\d-])\d{2}-\d{5}-\d{5}(?![\d-])")]
CHANNELS = {"email", "instagram", "facebook", "amazon", "ebay"}
LANGS = {"en", "de", "fr", "es", "it"}
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
errors = []

def err(msg):
    errors.append(msg)

def load_ndjson(name):
    out = []
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            try:
                out.append(json.loads(line))
            except ValueError as e:
                err("%s:%d: bad JSON: %s" % (name, i, e))
    return out

def candidates(rec):
    texts = [rec.get("subject") or ""] + [m.get("text") or "" for m in rec.get("messages", [])] + rec.get("order_ids", [])
    out = set()
    for t in texts:
        for i, rx in enumerate(CAND):
            for m in rx.finditer(t):
                out.add("#" + m.group(0) if i == 1 else m.group(0))
    return out

orders = json.load(open(os.path.join(HERE, "orders.json"), encoding="utf-8"))["orders"]
ebay = json.load(open(os.path.join(HERE, "ebay-orders.json"), encoding="utf-8"))["orders"]
known = {}
for o in orders:
    for f in ("id", "name", "number", "order_number", "email", "contact_email", "phone", "customer",
              "billing_address", "shipping_address", "created_at", "updated_at", "financial_status",
              "fulfillment_status", "total_price", "currency", "line_items", "fulfillments"):
        if f not in o:
            err("order %s: no %s" % (o.get("name"), f))
    if not re.fullmatch(r"#30([0-7]\d|80)", o["name"]) or o["name"] == "#3000":
        err("order %s: out of range #3001-#3080" % o["name"])
    if o["order_number"] != int(o["name"][1:]):
        err("order %s: order_number differs" % o["name"])
    if not re.fullmatch(r"\+\d{8,15}", o["phone"] or ""):
        err("order %s: phone not E.164" % o["name"])
    for a in ("billing_address", "shipping_address"):
        if not o[a].get("zip") or not o[a].get("name"):
            err("order %s: %s without zip or name" % (o["name"], a))
    if o["name"] in known:
        err("order %s twice" % o["name"])
    known[o["name"]] = o
for o in ebay:
    if not o.get("buyer", {}).get("username"):
        err("ebay order %s without buyer.username" % o.get("orderId"))
    known[o["orderId"]] = o
for k in ABSENT:
    if k in known:
        err("%s is listed absent but is in an order file" % k)

recs = load_ndjson("records.ndjson")
truth = load_ndjson("truth.ndjson")
if len(recs) != len(truth):
    err("records.ndjson has %d lines, truth.ndjson %d" % (len(recs), len(truth)))
ids = set()
prev_at = ""
for n, (r, t) in enumerate(zip(recs, truth), 1):
    where = "records.ndjson:%d" % n
    if r.get("omni") != 1 or not isinstance(r.get("id"), str) or not r["id"]:
        err("%s: not a ticket" % where)
    if r.get("id") in ids:
        err("%s: id %s repeated" % (where, r.get("id")))
    ids.add(r.get("id"))
    if r.get("store") != "acme":
        err("%s: store is not acme" % where)
    ch = r.get("channel")
    if ch not in CHANNELS:
        err("%s: channel %r" % (where, ch))
    msgs = r.get("messages")
    if not isinstance(msgs, list) or len(msgs) != 1:
        err("%s: one message expected" % where)
        continue
    m = msgs[0]
    if m.get("direction") != "in" or m.get("author") != "customer" or not m.get("text"):
        err("%s: not an inbound customer message" % where)
    for x in (r.get("created_at"), r.get("updated_at"), m.get("at")):
        if not isinstance(x, str) or not RFC3339.match(x):
            err("%s: bad time %r" % (where, x))
    if m.get("at", "") < prev_at:
        err("%s: not in arrival order" % where)
    prev_at = m.get("at", "")
    src = r.get("source") or {}
    tk = src.get("thread_key")
    if not tk:
        err("%s: no thread_key" % where)
    if ch == "email":
        if not src.get("message_id") or "in_reply_to" not in src or not m.get("from"):
            err("%s: mail without message_id / in_reply_to / from" % where)
        refs = src.get("references") or []
        want = refs[0] if refs else (src.get("in_reply_to") or src.get("message_id"))
        if tk != want:
            err("%s: thread_key is not first reference / in_reply_to / message_id" % where)
        if m.get("from") not in r["customer"].get("emails", []):
            err("%s: from not in customer emails" % where)
    if ch in ("instagram", "facebook"):
        h = r["customer"].get("handles", {}).get(ch)
        if not h or tk != "%s:%s:%s" % (ch, src.get("page_id"), h):
            err("%s: Meta thread_key is not channel:page:sender" % where)
        if r["customer"].get("emails"):
            err("%s: a DM has no e-mail" % where)
    if ch == "amazon":
        alias = r["customer"]["handles"]["amazon"]
        if not re.fullmatch(r"[a-z0-9]{15}@marketplace\.amazon\.[a-z.]+", alias):
            err("%s: bad relay alias" % where)
        if r.get("order_ids") != [tk.rsplit(":", 1)[1]] or tk != "amazon:%s:%s" % (alias, r["order_ids"][0]):
            err("%s: amazon thread_key / order_ids" % where)
    elif r.get("order_ids"):
        err("%s: order_ids outside the Amazon relay" % where)
    if ch == "ebay" and not r["customer"].get("handles", {}).get("ebay"):
        err("%s: eBay record without user name" % where)
    # truth
    tw = "truth.ndjson:%d" % n
    for f in ("id", "person", "conversation", "orders", "note", "cases", "lang"):
        if f not in t:
            err("%s: no %s" % (tw, f))
    if t.get("id") != r.get("id"):
        err("%s: id differs from the record's" % tw)
    if not re.fullmatch(r"p\d+", t.get("person", "")) or not re.fullmatch(r"c\d+", t.get("conversation", "")):
        err("%s: bad person / conversation" % tw)
    if t.get("lang") not in LANGS:
        err("%s: lang %r" % (tw, t.get("lang")))
    if not isinstance(t.get("cases"), list):
        err("%s: cases is not a list" % tw)
    labels = t.get("orders", {})
    cand = candidates(r)
    for k, v in labels.items():
        if v not in ("own", "not_own"):
            err("%s: label %s=%r" % (tw, k, v))
        if k not in cand:
            err("%s: %s is not visible in the record" % (tw, k))
        if k not in known and k not in ABSENT:
            err("%s: %s is in no order file and not listed as absent" % (tw, k))
        if v == "own" and k not in known and not k.count("-") == 2:
            err("%s: %s own but no such order" % (tw, k))
    for k in cand - set(labels):
        err("%s: candidate %s is not labelled" % (tw, k))

# one conversation, one person
conv_person = {}
for t in truth:
    p = conv_person.setdefault(t.get("conversation"), t.get("person"))
    if p != t.get("person"):
        err("conversation %s has two people" % t.get("conversation"))

for e in errors:
    print("check-format: " + e, file=sys.stderr)
if errors:
    sys.exit(1)
print("check-format: ok: %d orders, %d eBay orders, %d records, %d people, %d conversations" %
      (len(orders), len(ebay), len(recs), len({t["person"] for t in truth}), len({t["conversation"] for t in truth})))
