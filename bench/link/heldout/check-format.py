#!/usr/bin/env python3
"""Check the held-out link set: records.ndjson, truth.ndjson, orders.json, ebay-orders.json.

Usage: check-format.py [directory]   (default: the directory of this script)
Exit status 0 when every check passes, 1 otherwise.
"""
import json, os, re, sys, collections

D = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
CHANNELS = {"email", "instagram", "facebook", "amazon", "ebay"}
KINDS = {"message", "claim", "return", "review", "comment", "proactive"}
TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$")
AMAZON_ID = re.compile(r"^\d{3}-\d{7}-\d{7}$")
EBAY_ID = re.compile(r"^\d{2}-\d{5}-\d{5}$")
SHOPIFY_NO = re.compile(r"^#\d+$")

# Order numbers in truth that are deliberately not in orders.json / ebay-orders.json.
ABSENT = {
    "#1000": "not an order: a quantity ('1000 for the venue') and a volume ('1000 ml'); the store has no #1000",
    "17-12044-63301": "a mistyped eBay order number (63310 with two digits swapped); no such order",
}
# Amazon order ids are absent from the order files on purpose: the store's Amazon orders are not part
# of this set; the relay mail itself names the order (order_ids, thread_key amazon:<alias>:<order>),
# which is what verifies it.

errors = []
def err(msg):
    errors.append(msg)

def load_ndjson(name):
    out = []
    with open(os.path.join(D, name), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                err("%s:%d: blank line" % (name, n))
                continue
            try:
                out.append((n, json.loads(line)))
            except ValueError as e:
                err("%s:%d: bad JSON: %s" % (name, n, e))
    return out

records = load_ndjson("records.ndjson")
truth = load_ndjson("truth.ndjson")
shop = json.load(open(os.path.join(D, "orders.json"), encoding="utf-8"))
ebay = json.load(open(os.path.join(D, "ebay-orders.json"), encoding="utf-8"))
shop_numbers = {o["name"] for o in shop["orders"]}
ebay_numbers = {o["orderId"] for o in ebay["orders"]}

# ---------------------------------------------------------------- orders.json
nums = sorted(o["order_number"] for o in shop["orders"])
if nums != list(range(nums[0], nums[0] + len(nums))) or nums[0] != 1001:
    err("orders.json: order numbers are not sequential from #1001")
if len(nums) < 60:
    err("orders.json: fewer than 60 orders")
for o in shop["orders"]:
    for m in ("id", "name", "order_number", "email", "contact_email", "phone", "billing_address", "shipping_address",
              "created_at", "updated_at", "financial_status", "fulfillment_status", "total_price", "currency",
              "line_items", "fulfillments", "customer"):
        if m not in o:
            err("orders.json %s: no %s" % (o.get("name"), m))
    if o["name"] != "#%d" % o["order_number"]:
        err("orders.json %s: name and order_number differ" % o["name"])
    for f in o["fulfillments"]:
        for m in ("tracking_company", "tracking_number", "tracking_url"):
            if not f.get(m):
                err("orders.json %s: fulfilment without %s" % (o["name"], m))
buyers = collections.Counter((o["customer"] or {}).get("id") for o in shop["orders"] if o["customer"])
if sum(1 for c in buyers.values() if c > 1) < 3:
    err("orders.json: fewer than three customers with several orders")

# ---------------------------------------------------------------- records
ids = {}
prev = None
for n, r in records:
    where = "records.ndjson:%d" % n
    if not isinstance(r, dict):
        err(where + ": not an object"); continue
    if r.get("omni") != 1:
        err(where + ": omni is not 1")
    rid = r.get("id")
    if not isinstance(rid, str) or not rid or "\u0000" in rid:
        err(where + ": bad id"); continue
    if rid in ids:
        err(where + ": id repeated from line %d" % ids[rid])
    ids[rid] = n
    if r.get("channel") not in CHANNELS:
        err(where + ": channel %r" % r.get("channel"))
    if r.get("store") != "acme":
        err(where + ": store is not acme")
    if r.get("kind") not in KINDS:
        err(where + ": kind %r" % r.get("kind"))
    src = r.get("source")
    if not isinstance(src, dict) or not all(isinstance(src.get(k), str) and src.get(k) for k in ("name", "external_id", "thread_key")):
        err(where + ": source needs name, external_id and thread_key")
    elif r["channel"] in ("email", "amazon") and not src.get("message_id"):
        err(where + ": mail without source.message_id")
    for k in ("created_at", "updated_at"):
        if not isinstance(r.get(k), str) or not TIME.match(r[k]):
            err(where + ": %s is not RFC 3339 UTC" % k)
    if prev and r.get("created_at", "") < prev:
        err(where + ": not in arrival order")
    prev = r.get("created_at", prev)
    c = r.get("customer")
    if not isinstance(c, dict) or not (c.get("emails") or c.get("handles") or c.get("name")):
        err(where + ": customer reveals nothing")
    if r["channel"] in ("email",) and not (c or {}).get("emails"):
        err(where + ": e-mail without the sender's address")
    if r["channel"] in ("instagram", "facebook", "ebay") and r["channel"] not in ((c or {}).get("handles") or {}):
        err(where + ": %s without its handle" % r["channel"])
    if r["channel"] in ("instagram", "facebook") and (c or {}).get("emails"):
        err(where + ": a DM cannot reveal an e-mail address")
    if r["channel"] == "amazon" and not r.get("order_ids") and "customization" not in (r.get("subject") or "") and "details" not in (r.get("subject") or ""):
        err(where + ": Amazon relay mail about an order without order_ids")
    msgs = r.get("messages")
    if not isinstance(msgs, list) or not msgs:
        err(where + ": no messages"); continue
    for m in msgs:
        if not all(k in m for k in ("id", "direction", "author", "at", "text", "channel")):
            err(where + ": message lacks a required member")
        elif m["direction"] != "in" or m["author"] != "customer" or m["channel"] != r["channel"] or not TIME.match(m["at"]):
            err(where + ": message direction/author/channel/at")

# ---------------------------------------------------------------- truth
rec_by_id = {r["id"]: r for _, r in records if isinstance(r, dict) and "id" in r}
seen = set()
conv_person = {}
counts = collections.Counter()
for n, t in truth:
    where = "truth.ndjson:%d" % n
    for k in ("id", "person", "conversation", "orders", "note"):
        if k not in t:
            err(where + ": no %s" % k)
    tid = t.get("id")
    if tid not in rec_by_id:
        err(where + ": no record with id %r" % tid); continue
    if tid in seen:
        err(where + ": id repeated")
    seen.add(tid)
    p, cv = t.get("person"), t.get("conversation")
    if conv_person.setdefault(cv, p) != p:
        err(where + ": conversation %s has two persons" % cv)
    r = rec_by_id[tid]
    visible = (r.get("subject") or "") + "\n" + "\n".join(m.get("text", "") for m in r.get("messages", []))
    for num, lab in (t.get("orders") or {}).items():
        counts[lab] += 1
        if lab not in ("own", "not_own"):
            err(where + ": label %r for %s" % (lab, num))
        bare = num[1:] if num.startswith("#") else num
        if bare not in visible and num not in (r.get("order_ids") or []):
            err(where + ": %s is neither in the text nor in order_ids" % num)
        if SHOPIFY_NO.match(num):
            if num not in shop_numbers and num not in ABSENT:
                err(where + ": %s is not in orders.json and not listed as deliberately absent" % num)
        elif EBAY_ID.match(num):
            if num not in ebay_numbers and num not in ABSENT:
                err(where + ": eBay order %s is not in ebay-orders.json and not listed as absent" % num)
        elif AMAZON_ID.match(num):
            if num not in (r.get("order_ids") or []) and lab == "own":
                err(where + ": Amazon order %s labelled own but not named by the relay" % num)
        else:
            err(where + ": %r is no order-number form" % num)
        if num in ABSENT and lab != "not_own":
            err(where + ": absent %s labelled own" % num)
missing = set(rec_by_id) - seen
for rid in sorted(missing):
    err("record %s has no truth line (records.ndjson:%d)" % (rid, ids[rid]))
if [t.get("id") for _, t in truth] != [r.get("id") for _, r in records]:
    err("truth.ndjson is not in the order of records.ndjson")

print("records %d, truth %d, orders %d (+%d eBay), persons %d, conversations %d, labels %s" % (
    len(records), len(truth), len(shop["orders"]), len(ebay["orders"]),
    len({t.get("person") for _, t in truth}), len(conv_person), dict(counts)))
print("deliberately absent order numbers:")
for k, v in ABSENT.items():
    print("  %s: %s" % (k, v))
print("  Amazon order ids: no Amazon order file; verified by the relay thread that names them")
if errors:
    for e in errors:
        print("check-format: " + e, file=sys.stderr)
    print("%d problems" % len(errors), file=sys.stderr)
    sys.exit(1)
print("ok")
