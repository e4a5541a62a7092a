#!/usr/bin/env python3
# Builds orders.json, ebay-orders.json, records.ndjson and truth.ndjson of this set.
import json, re, sys, collections
import gen_orders, gen_lib
import gen_part1, gen_part2, gen_part3, gen_part4

CAND = [re.compile(r"#\d+"), re.compile(r"(?<![\d#])30\d\d(?!\d)"),
        re.compile(r"(?<!\d)\d{3}-\d{7}-\d{7}(?!\d)"), re.compile(r"(?<![\d-])\d{2}-\d{5}-\d{5}(?![\d-])")]

def candidates(rec):
    s = [rec.get("subject") or ""] + [m["text"] for m in rec["messages"]] + rec.get("order_ids", [])
    out = set()
    for t in s:
        for i, rx in enumerate(CAND):
            for m in rx.finditer(t):
                k = m.group(0)
                out.add("#" + k if i == 1 else k)
    return out

recs = sorted(gen_lib.RECS, key=lambda x: (x[0], x[1]))
pmap, cmap = {}, {}
last = {}   # (person, conv, key) -> label
filled = []
for at, _, rec, tr in recs:
    c = candidates(rec)
    for k in sorted(c - set(tr["orders"])):
        lab = last.get((tr["person"], tr["conversation"], rec["source"]["thread_key"], k))
        if lab is None:
            sys.exit("no label for %s in %s (%s)" % (k, rec["id"], tr["person"]))
        tr["orders"][k] = lab
        filled.append((tr["person"], k, lab, rec.get("subject")))
    extra = set(tr["orders"]) - c
    if extra:
        sys.exit("labels not in record %s: %s" % (rec["id"], extra))
    for k, v in tr["orders"].items():
        last[(tr["person"], tr["conversation"], rec["source"]["thread_key"], k)] = v
for at, _, rec, tr in recs:
    tr["person"] = pmap.setdefault(tr["person"], "p%d" % (len(pmap) + 1))
    tr["conversation"] = cmap.setdefault(tr["conversation"], "c%d" % (len(cmap) + 1))
    tr["orders"] = dict(sorted(tr["orders"].items()))

json.dump(gen_orders.build(), open("orders.json", "w"), ensure_ascii=False, indent=1)
json.dump(gen_orders.build_ebay(), open("ebay-orders.json", "w"), ensure_ascii=False, indent=1)
with open("records.ndjson", "w") as f:
    for _, _, rec, _ in recs:
        f.write(json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n")
with open("truth.ndjson", "w") as f:
    for _, _, _, tr in recs:
        f.write(json.dumps(tr, ensure_ascii=False, separators=(",", ":")) + "\n")
if "-v" in sys.argv:
    for x in filled:
        print("filled", *x)
print(len(recs), "records", len(pmap), "people", len(cmap), "conversations", file=sys.stderr)
