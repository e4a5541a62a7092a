#!/usr/bin/env python3
"""Checks that the heldout5 files are consistent with each other and with the
shapes they claim.  Exit 0 when all is well, 1 with a list of problems."""
import collections, datetime as dt, hashlib, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from gen_lib import candidates, norm_gmail  # the same candidate rule the truth used

errs = []


def err(msg):
    errs.append(msg)


def load_ndjson(name):
    out = []
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            if not line.endswith("\n"):
                err("%s:%d: no final newline" % (name, i))
            try:
                out.append(json.loads(line))
            except ValueError as e:
                err("%s:%d: bad json: %s" % (name, i, e))
    return out


RFC = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
E164 = re.compile(r"^\+[1-9]\d{6,14}$")
ADDR_OK = re.compile(r"@([a-z0-9-]+\.)*(example(\.[a-z]+)*|gmail\.com|googlemail\.com|marketplace\.amazon\.[a-z.]+|members\.ebay\.com)$")


def walk_strings(o):
    if isinstance(o, dict):
        for k, v in o.items():
            yield k
            yield from walk_strings(v)
    elif isinstance(o, list):
        for v in o:
            yield from walk_strings(v)
    elif isinstance(o, str):
        yield o


# ------------------------------------------------------------------ orders
orders = json.load(open(os.path.join(HERE, "orders.json"), encoding="utf-8"))
olist = orders.get("orders")
if not isinstance(olist, list) or not 60 <= len(olist) <= 75:
    err("orders.json: need 60-75 orders")
shop = {}
for o in olist or []:
    n = o.get("name", "")
    if not re.fullmatch(r"#50\d\d", n) or not 5001 <= int(n[1:]) <= 5075:
        err("order name %r" % n)
    if n in shop:
        err("duplicate order %s" % n)
    shop[n] = o
    if o.get("number") != int(n[1:]) or o.get("order_number") != int(n[1:]):
        err("%s: number/order_number" % n)
    for k in ("id", "email", "contact_email", "phone", "customer", "billing_address", "shipping_address",
              "created_at", "updated_at", "financial_status", "fulfillment_status", "total_price", "currency",
              "line_items", "fulfillments"):
        if k not in o:
            err("%s: missing %s" % (n, k))
    if not o.get("created_at", "").startswith("2026-11"):
        err("%s: not created in Nov 2026" % n)
    if not E164.match(o.get("phone") or ""):
        err("%s: phone not E.164" % n)
    c = o.get("customer") or {}
    for k in ("id", "email", "phone", "first_name", "last_name"):
        if k not in c:
            err("%s: customer.%s missing" % (n, k))
    if c.get("email") != o.get("email") or not E164.match(c.get("phone") or ""):
        err("%s: customer email/phone" % n)
    for a in ("billing_address", "shipping_address"):
        for k in ("name", "first_name", "last_name", "address1", "city", "zip", "country", "country_code"):
            if not (o.get(a) or {}).get(k):
                err("%s: %s.%s missing" % (n, a, k))
    for f in o.get("fulfillments") or []:
        for k in ("tracking_company", "tracking_number", "tracking_numbers", "tracking_url", "shipment_status"):
            if k not in f:
                err("%s: fulfillment %s missing" % (n, k))
    if not ADDR_OK.search(o.get("email", "")):
        err("%s: e-mail domain not invented: %s" % (n, o.get("email")))

eb = json.load(open(os.path.join(HERE, "ebay-orders.json"), encoding="utf-8"))
for k in ("orders", "total", "limit", "offset", "href"):
    if k not in eb:
        err("ebay-orders.json: %s missing" % k)
ebay = {}
if not 3 <= len(eb.get("orders", [])) <= 5 or eb.get("total") != len(eb.get("orders", [])):
    err("ebay-orders.json: need 3-5 orders and a matching total")
for o in eb.get("orders", []):
    if not re.fullmatch(r"\d\d-\d{5}-\d{5}", o.get("orderId", "")):
        err("ebay orderId %r" % o.get("orderId"))
    ebay[o["orderId"]] = o
    if not (o.get("buyer") or {}).get("username"):
        err("ebay %s: buyer.username" % o.get("orderId"))
    if not o.get("lineItems"):
        err("ebay %s: lineItems" % o.get("orderId"))
    try:
        o["fulfillmentStartInstructions"][0]["shippingStep"]["shipTo"]["fullName"]
    except (KeyError, IndexError, TypeError):
        err("ebay %s: fulfillmentStartInstructions shipTo" % o.get("orderId"))

# ------------------------------------------------------------------ records
R = load_ndjson("records.ndjson")
T = load_ndjson("truth.ndjson")
if not 180 <= len(R) <= 240:
    err("records: %d, need 180-240" % len(R))
if len(R) != len(T):
    err("records and truth differ in length")
ids = set()
prev = ""
CH = {"email", "instagram", "facebook", "amazon", "ebay"}
for i, r in enumerate(R, 1):
    where = "records.ndjson:%d" % i
    for s in walk_strings(r):
        if "\x00" in s:
            err(where + ": NUL")
    if r.get("omni") != 1 or not isinstance(r.get("id"), str) or not r["id"]:
        err(where + ": not a ticket")
        continue
    if r["id"] in ids:
        err(where + ": duplicate id " + r["id"])
    ids.add(r["id"])
    if r.get("channel") not in CH or r.get("store") != "acme" or r.get("kind") != "message":
        err(where + ": channel/store/kind")
    for k in ("created_at", "updated_at"):
        if not RFC.match(r.get(k) or ""):
            err(where + ": bad time " + k)
    if r["created_at"] < prev:
        err(where + ": not in arrival order")
    prev = r["created_at"]
    if not ("2026-11-20" <= r["created_at"][:10] <= "2026-12-07"):
        err(where + ": outside late Nov - early Dec")
    ms = r.get("messages")
    if not isinstance(ms, list) or len(ms) != 1:
        err(where + ": exactly one message expected")
        continue
    m = ms[0]
    if m.get("direction") != "in" or m.get("author") != "customer" or m.get("at") != r["created_at"]:
        err(where + ": message direction/author/at")
    if not isinstance(m.get("text"), str) or not m["text"].strip():
        err(where + ": empty text")
    src, cust, ch = r.get("source") or {}, r.get("customer") or {}, r["channel"]
    if ch in ("email", "amazon"):
        mid = src.get("message_id")
        pre = "support:" if ch == "email" else "amazon-mail:"
        if r["id"] != pre + str(mid) or src.get("external_id") != mid or m.get("id") != mid:
            err(where + ": mail ids")
        refs = src.get("references")
        if not isinstance(refs, list):
            err(where + ": references not a list")
            refs = []
        frm = m.get("from", "")
        if frm != frm.lower() or cust.get("emails") != [frm]:
            err(where + ": from / customer.emails")
        if not ADDR_OK.search(frm):
            err(where + ": sender domain not invented: " + frm)
        if ch == "email":
            tk = refs[0] if refs else (src.get("in_reply_to") or mid)
            if src.get("thread_key") != tk:
                err(where + ": thread_key rule")
            if src.get("in_reply_to") and refs and refs[-1] != src["in_reply_to"]:
                err(where + ": in_reply_to is not the last reference")
            if "order_ids" in r:
                err(where + ": order_ids on plain mail")
        else:
            if not re.fullmatch(r"[a-z0-9]{15}@marketplace\.amazon\.[a-z.]+", frm):
                err(where + ": amazon alias")
            oids = r.get("order_ids") or []
            if len(oids) != 1 or not re.fullmatch(r"\d{3}-\d{7}-\d{7}", oids[0]):
                err(where + ": amazon order_ids")
            elif src.get("thread_key") != "amazon:%s:%s" % (frm, oids[0]) or oids[0] not in r.get("subject", ""):
                err(where + ": amazon thread_key/subject")
            if (cust.get("handles") or {}).get("amazon") != frm:
                err(where + ": handles.amazon")
    elif ch in ("instagram", "facebook"):
        page = src.get("page_id")
        h = cust.get("handles") or {}
        sender = h.get(ch)
        if list(h) != [ch] or not sender or not sender.isdigit():
            err(where + ": meta handle")
        if r["id"] != "meta:" + str(m.get("id")) or src.get("external_id") != m.get("id"):
            err(where + ": meta ids")
        if src.get("thread_key") != "%s:%s:%s" % (ch, page, sender):
            err(where + ": meta thread_key")
        if ch == "instagram" and not str(m.get("id")).startswith("aWdf"):
            err(where + ": instagram mid")
        if ch == "facebook" and not str(m.get("id")).startswith("m_"):
            err(where + ": messenger mid")
        if "emails" in cust or "order_ids" in r or "subject" in r:
            err(where + ": meta record carries mail fields")
    elif ch == "ebay":
        cid = src.get("external_id")
        user = (cust.get("handles") or {}).get("ebay")
        if r["id"] != "ebay:%s" % cid or src.get("thread_key") != "ebay:%s" % cid or not user:
            err(where + ": ebay ids/handle")
        t = re.sub(r"\s+", " ", m["text"]).strip()
        dg = "ebay:" + hashlib.sha256((user + "\n" + t).encode()).hexdigest()[:32]
        if m.get("digest") != dg:
            err(where + ": ebay digest")
        if "order_ids" in r:
            err(where + ": order_ids on ebay record")

# ------------------------------------------------------------------ truth
conv_person = {}
person_seen, conv_seen = [], []
LANGS = {"en", "de", "fr", "es", "it"}
threads = collections.defaultdict(list)   # (conversation, channel key) -> texts so far
for i, (r, t) in enumerate(zip(R, T), 1):
    where = "truth.ndjson:%d" % i
    if set(t) != {"id", "person", "conversation", "orders", "note", "cases", "lang"}:
        err(where + ": keys " + ",".join(sorted(t)))
    if t.get("id") != r.get("id"):
        err(where + ": id differs from the record's")
    if not re.fullmatch(r"p\d+", t.get("person", "")) or not re.fullmatch(r"c\d+", t.get("conversation", "")):
        err(where + ": person/conversation id")
    for lst, v in ((person_seen, t["person"]), (conv_seen, t["conversation"])):
        if v not in lst:
            if v != "%s%d" % (v[0], len(lst) + 1):
                err(where + ": %s not numbered in order of appearance" % v)
            lst.append(v)
    cp = conv_person.setdefault(t["conversation"], t["person"])
    if cp != t["person"]:
        err(where + ": conversation %s has two persons" % t["conversation"])
    if t.get("lang") not in LANGS or not isinstance(t.get("cases"), list) or not t["cases"] or not t.get("note"):
        err(where + ": lang/cases/note")
    m = r["messages"][0]
    want = candidates(r.get("subject"), m["text"], r.get("order_ids") or [])
    if list(t["orders"]) != want:
        err(where + ": orders keys %s, candidates %s" % (list(t["orders"]), want))
    ch = r["channel"]
    key = (t["conversation"], src_key := (m.get("from") if ch == "email" else r["source"]["thread_key"]))
    threads[key].append(m["text"])
    blob = "\n".join(threads[key]).lower()
    for k, v in t["orders"].items():
        if v not in ("own", "not_own"):
            err(where + ": label " + v)
        if v != "own":
            continue
        if k in shop:
            o = shop[k]
            ok = ch == "email" and norm_gmail(m["from"]) == norm_gmail(o["email"])
            ok = ok or (o["email"].lower() in blob or o["billing_address"]["zip"].lower() in blob)
            if not ok:
                err(where + ": %s own without the address or the facts" % k)
        elif k in ebay:
            if ch != "ebay" or ebay[k]["buyer"]["username"] != r["customer"]["handles"]["ebay"]:
                err(where + ": %s own outside its buyer's eBay conversation" % k)
        elif re.fullmatch(r"\d{3}-\d{7}-\d{7}", k):
            if ch != "amazon" or r.get("order_ids") != [k]:
                err(where + ": %s own outside its relay thread" % k)
        else:
            err(where + ": %s own but no such order" % k)

if errs:
    for e in errs:
        print("check-format:", e, file=sys.stderr)
    sys.exit(1)
print("ok: %d orders, %d eBay orders, %d records, %d persons, %d conversations"
      % (len(shop), len(ebay), len(R), len(person_seen), len(conv_seen)))
