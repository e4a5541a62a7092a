#!/usr/bin/env python3
"""Checks the files of this set.  python3 check-format.py ; exit 0 when all is well.

- orders.json, ebay-orders.json parse; order names unique, #2001-#2080
- records.ndjson: one JSON ticket a line, omni 1, store acme, ids unique, one
  inbound customer message each, order_ids only on Amazon relay records
- truth.ndjson: one line per record, same ids in the same order, labels own|not_own
- every labelled number is visible in its record (subject, text, order_ids) and
  is a shop order, an eBay order, an Amazon order of amazon-orders.txt, or in
  ABSENT (deliberately absent); every candidate in a record is labelled
- a conversation belongs to one person
"""
import json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ABSENT = {"#2504"}          # mistyped, names no order
NONORDER_OK = {"#2000"}      # a postcode / quantity, outside the shop's numbers
LANGS = {"en", "de", "fr", "es", "it"}
AMZ_RE = re.compile(r"(?<![\d-])\d{3}-\d{7}-\d{7}(?![\d-])")
EBY_RE = re.compile(r"(?<![\d-])\d{2}-\d{5}-\d{5}(?![\d-])")
HASH_RE = re.compile(r"#\s?(\d+)")
BARE_RE = re.compile(r"(?<![\d])(20\d\d)(?!\d)")
errors = []

def err(msg):
    errors.append(msg)

def candidates(s):
    c = set()
    for m in AMZ_RE.finditer(s): c.add(m.group())
    for m in EBY_RE.finditer(s): c.add(m.group())
    s2 = AMZ_RE.sub(" ", EBY_RE.sub(" ", s))
    for m in HASH_RE.finditer(s2): c.add("#" + m.group(1))
    for m in BARE_RE.finditer(s2): c.add("#" + m.group(1))
    return c

def load(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        return json.load(f)

shop = load("orders.json")["orders"]
names = [o["name"] for o in shop]
if len(set(names)) != len(names): err("orders.json: duplicate order names")
for o in shop:
    n = int(o["name"][1:])
    if not 2001 <= n <= 2080: err("orders.json: %s outside #2001-#2080" % o["name"])
    if o["order_number"] != n: err("orders.json: %s order_number %s" % (o["name"], o["order_number"]))
    for k in ("id", "email", "contact_email", "phone", "billing_address", "shipping_address", "created_at", "line_items"):
        if k not in o: err("orders.json: %s lacks %s" % (o["name"], k))
    if o["phone"] and not re.fullmatch(r"\+\d{8,15}", o["phone"]): err("orders.json: %s phone not E.164" % o["name"])
ebay = load("ebay-orders.json")["orders"]
ebay_ids = {o["orderId"] for o in ebay}
amazon_ids = set()
with open(os.path.join(HERE, "amazon-orders.txt"), encoding="utf-8") as f:
    for line in f:
        if line.strip() and not line.startswith("#"):
            amazon_ids.add(line.split()[0])
known = set(names) | ebay_ids | amazon_ids | ABSENT | NONORDER_OK

recs, truth = [], []
for fname, dest in (("records.ndjson", recs), ("truth.ndjson", truth)):
    with open(os.path.join(HERE, fname), encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            try:
                dest.append(json.loads(line))
            except ValueError as e:
                err("%s:%d: bad JSON: %s" % (fname, i, e))
if len(recs) != len(truth): err("records %d, truth %d lines" % (len(recs), len(truth)))
ids = [r.get("id") for r in recs]
if len(set(ids)) != len(ids): err("records.ndjson: duplicate ids")
conv_person = {}
last_at = ""
for i, (r, t) in enumerate(zip(recs, truth), 1):
    where = "line %d (%s)" % (i, r.get("id"))
    if r.get("omni") != 1 or r.get("store") != "acme" or not r.get("id"): err(where + ": not an acme ticket")
    ms = r.get("messages") or []
    if len(ms) != 1 or ms[0].get("direction") != "in" or ms[0].get("author") != "customer":
        err(where + ": not one inbound customer message")
    at = ms[0].get("at", "") if ms else ""
    if at < last_at: err(where + ": not in arrival order")
    last_at = at
    if r.get("order_ids") and r.get("channel") != "amazon": err(where + ": order_ids outside Amazon relay")
    if t.get("id") != r.get("id"): err(where + ": truth id %s" % t.get("id"))
    for k in ("person", "conversation", "orders", "note", "cases", "lang"):
        if k not in t: err(where + ": truth lacks " + k)
    if t.get("lang") not in LANGS: err(where + ": lang %s" % t.get("lang"))
    if conv_person.setdefault(t.get("conversation"), t.get("person")) != t.get("person"):
        err(where + ": conversation %s has two people" % t.get("conversation"))
    text = (r.get("subject") or "") + "\n" + (ms[0].get("text", "") if ms else "") + "\n" + " ".join(r.get("order_ids") or [])
    cands = candidates(text)
    labels = t.get("orders", {})
    for k, v in labels.items():
        if v not in ("own", "not_own"): err(where + ": label %s=%s" % (k, v))
        if k not in cands: err(where + ": labelled %s not visible in the record" % k)
        if k not in known: err(where + ": labelled %s in no order file and not listed absent" % k)
    for k in cands - set(labels):
        err(where + ": candidate %s not labelled" % k)
for e in errors:
    print("check-format: " + e, file=sys.stderr)
if errors:
    sys.exit(1)
print("ok: %d records, %d orders, %d eBay orders, %d Amazon orders, %d labels" % (
    len(recs), len(shop), len(ebay), len(amazon_ids), sum(len(t["orders"]) for t in truth)))
