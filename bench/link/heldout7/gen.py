#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Writes orders.json, ebay-orders.json, records.ndjson and truth.ndjson of
heldout7 deterministically (no randomness; run twice, same bytes)."""
import json
import os
from decimal import Decimal

from gen_data import BUYERS, ORDERS, EBAY_ORDERS, CATALOG
import scenarios

HERE = os.path.dirname(os.path.abspath(__file__))

# customer ids: one per buyer key, assigned by a counter (never derived from data)
CUSTOMER_ID = {}
for i, k in enumerate(BUYERS):
    CUSTOMER_ID[k] = 8112345600000 + 1000 * (i + 1) + 17


def addr(first, last, a1, city, z, cc, country, phone=None):
    return {"first_name": first, "last_name": last, "name": ("%s %s" % (first, last)).strip(),
            "address1": a1, "address2": None, "city": city, "zip": z, "province": None,
            "country": country, "country_code": cc, "phone": phone, "company": None}


def shop_order(num, buyer, items, ship, day, ful):
    first, last, email, phone, cc, country, city, z, a1, cur = BUYERS[buyer]
    oid = 6234500000000 + num * 101
    created = "2026-11-%02dT%02d:%02d:11+01:00" % (day, 8 + num % 12, (num * 7) % 60)
    updated = "2026-11-%02dT%02d:%02d:40+01:00" % (min(day + 2, 30), 9 + num % 10, (num * 11) % 60)
    bill = addr(first, last, a1, city, z, cc, country, phone)
    if buyer in ("sommer", "zampa", "kennels"):
        bill["company"] = last
    if ship:
        sf, sl, sa, sc, sz, scc, scountry = ship
        shipto = addr(sf, sl, sa, sc, sz, scc, scountry)
    else:
        shipto = dict(bill)
    lines = []
    total = Decimal("0")
    for j, (sku, qty) in enumerate(items):
        title, price = CATALOG[sku]
        total += Decimal(price) * qty
        lines.append({"id": oid * 10 + j + 1, "name": title, "title": title, "variant_title": None,
                      "sku": sku, "quantity": qty, "current_quantity": qty,
                      "fulfillable_quantity": 0 if ful else qty,
                      "fulfillment_status": "fulfilled" if ful else None,
                      "price": price, "product_id": 9001000000000 + list(CATALOG).index(sku),
                      "variant_id": 9002000000000 + list(CATALOG).index(sku), "vendor": "Paw & Pine",
                      "properties": []})
    total += Decimal("4.90")
    fuls = []
    if ful:
        carrier, tn, st = ful
        url = "https://track.example/%s/%s" % (carrier.lower().replace(" ", "-").replace(".", ""), tn.replace(".", ""))
        fuls.append({"id": oid + 7, "order_id": oid, "name": "#%d.1" % num, "status": "success",
                     "shipment_status": st, "tracking_company": carrier, "tracking_number": tn,
                     "tracking_numbers": [tn], "tracking_url": url, "tracking_urls": [url],
                     "created_at": "2026-11-%02dT16:05:00+01:00" % min(day + 1, 30),
                     "updated_at": updated,
                     "line_items": [{"id": l["id"], "sku": l["sku"], "quantity": l["quantity"]} for l in lines]})
    return {
        "id": oid, "admin_graphql_api_id": "gid://shopify/Order/%d" % oid,
        "name": "#%d" % num, "number": num - 1000, "order_number": num,
        "confirmation_number": "PP%05dX" % (num * 37 % 100000),
        "email": email, "contact_email": email, "phone": phone,
        "created_at": created, "updated_at": updated, "processed_at": created,
        "closed_at": None, "cancelled_at": None, "cancel_reason": None,
        "financial_status": "paid", "fulfillment_status": "fulfilled" if ful else None,
        "currency": cur, "total_price": str(total), "subtotal_price": str(total - Decimal("4.90")),
        "total_tax": "0.00", "total_discounts": "0.00",
        "customer": {"id": CUSTOMER_ID[buyer], "email": email, "phone": phone,
                     "first_name": first, "last_name": last, "state": "enabled",
                     "tags": "", "currency": cur},
        "billing_address": bill, "shipping_address": shipto,
        "line_items": lines, "fulfillments": fuls, "refunds": [],
    }


def ebay_order(oid, user, full, street, city, z, cc, cur, item, day):
    sku, qty = item
    title, price = CATALOG[sku]
    total = str(Decimal(price) * qty + Decimal("5.50"))
    contact = {"addressLine1": street, "city": city, "postalCode": z, "countryCode": cc}
    return {
        "orderId": oid, "legacyOrderId": oid,
        "creationDate": "2026-11-%02dT10:%02d:03.000Z" % (day, day),
        "lastModifiedDate": "2026-11-%02dT09:00:00.000Z" % (day + 2),
        "orderFulfillmentStatus": "FULFILLED" if day < 20 else "IN_PROGRESS",
        "orderPaymentStatus": "PAID",
        "sellerId": "pawandpine_shop",
        "buyer": {"username": user,
                  "taxAddress": {"city": city, "postalCode": z, "countryCode": cc},
                  "buyerRegistrationAddress": {"fullName": full, "contactAddress": contact,
                                               "email": "%s@members.ebay.com" % ("%020x" % (abs(hash_s(user)) % (16 ** 20)))}},
        "pricingSummary": {"priceSubtotal": {"value": str(Decimal(price) * qty), "currency": cur},
                           "deliveryCost": {"value": "5.50", "currency": cur},
                           "total": {"value": total, "currency": cur}},
        "cancelStatus": {"cancelState": "NONE_REQUESTED", "cancelRequests": []},
        "paymentSummary": {"payments": [], "refunds": [], "totalDueSeller": {"value": total, "currency": cur}},
        "fulfillmentStartInstructions": [{
            "fulfillmentInstructionsType": "SHIP_TO",
            "shippingStep": {"shipTo": {"fullName": full, "contactAddress": contact,
                                        "email": "%s@members.ebay.com" % ("%020x" % (abs(hash_s(user)) % (16 ** 20)))},
                             "shippingCarrierCode": "DHL", "shippingServiceCode": "Standard"}}],
        "lineItems": [{"lineItemId": str(10000000000 + day * 1000 + qty), "legacyItemId": "1560%08d" % (day * 4321),
                       "sku": sku, "title": title, "quantity": qty,
                       "lineItemCost": {"value": str(Decimal(price) * qty), "currency": cur},
                       "total": {"value": total, "currency": cur},
                       "lineItemFulfillmentStatus": "FULFILLED" if day < 20 else "IN_PROGRESS"}],
        "fulfillmentHrefs": [],
    }


def hash_s(s):
    import hashlib
    return int(hashlib.sha256(s.encode()).hexdigest()[:16], 16)


def main():
    orders = [shop_order(*o) for o in ORDERS]
    orders.sort(key=lambda o: o["order_number"], reverse=True)
    with open(os.path.join(HERE, "orders.json"), "w") as f:
        json.dump({"orders": orders}, f, ensure_ascii=False, indent=1)
        f.write("\n")
    eb = [ebay_order(*o) for o in EBAY_ORDERS]
    with open(os.path.join(HERE, "ebay-orders.json"), "w") as f:
        json.dump({"href": "https://api.ebay.com/sell/fulfillment/v1/order?limit=50&offset=0",
                   "total": len(eb), "limit": 50, "offset": 0, "next": None, "prev": None,
                   "orders": eb}, f, ensure_ascii=False, indent=1)
        f.write("\n")
    R = scenarios.build()
    recs, (truth, pids, cids) = R.finish()
    with open(os.path.join(HERE, "records.ndjson"), "w") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")
    with open(os.path.join(HERE, "truth.ndjson"), "w") as f:
        for t in truth:
            f.write(json.dumps(t, ensure_ascii=False, separators=(",", ":")) + "\n")
    print("orders", len(orders), "ebay", len(eb), "records", len(recs),
          "persons", len(pids), "conversations", len(cids))


if __name__ == "__main__":
    main()
