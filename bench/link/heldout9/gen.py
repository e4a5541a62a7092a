#!/usr/bin/env python3
"""Writes orders.json, ebay-orders.json, records.ndjson and truth.ndjson (deterministic)."""
import json, datetime as dt, string, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_data import R, ITEMS, ITEM_WORDS, COUNTRY, CITY, STREET, zip_for, phone_for, REGULAR_NAMES, local, ASCII
import gen_text as T
import gen_lib as L

OUT = os.path.dirname(os.path.abspath(__file__))
UTC = dt.timezone.utc
def D(m, d, h=10, mi=0):
    return dt.datetime(2026, m, d, h, mi, tzinfo=UTC)
START, END = D(11, 20, 7), D(12, 6, 21)

# ------------------------------------------------------------------ buyers & orders
BUYERS = {}     # person key -> buyer dict
ORDERS = {}     # number -> order dict (internal)
cust_counter = [7804112900001]
def buyer(pkey, first, last, lang, cc, email, city=None, zipc=None, street=None, company=None, display=None):
    b = dict(pkey=pkey, first=first, last=last, lang=lang, cc=cc, email=email.lower(),
             city=city or R.choice(CITY[cc]), zip=zipc or zip_for(cc),
             street=street or "%d %s" % (R.randint(2, 88), R.choice(STREET[lang])) if lang in ("en",) else
                    street or "%s %d" % (R.choice(STREET[lang]), R.randint(2, 88)),
             phone=phone_for(cc), cid=cust_counter[0], company=company, display=display or "%s %s" % (first, last))
    cust_counter[0] += 1
    BUYERS[pkey] = b
    return b

def created_of(n):
    base = D(11, 8, 7) + dt.timedelta(days=(n - 9001) * 0.28)
    return base + dt.timedelta(minutes=R.randint(0, 300))

def order(n, pkey, items, ship=None, status=None, ship_status=None):
    ORDERS[n] = dict(n=n, buyer=pkey, items=items, ship=ship, status=status, ship_status=ship_status, created=created_of(n))

# special buyers
buyer("rebecca", "Rebecca", "Hale", "en", "GB", "rebecca.hale@gmail.com", city="York", zipc="YO10 3BQ")
buyer("jonas", "Jonas", "Brandt", "de", "DE", "jonas.brandt@web.example", city="Freiburg", zipc="79104")
buyer("chloe", "Chloé", "Martin", "fr", "FR", "chloe.martin@courriel.example", city="Lyon", zipc="69004")
buyer("herbert", "Herbert", "Vogl", "de", "AT", "h.vogl@example.at", city="Graz", zipc="8010")
buyer("theresa", "Theresa", "Gruber", "de", "AT", "theresa.gruber@example.at", city="Klagenfurt", zipc="9020", street="Bahnhofstraße 14")
buyer("marco", "Marco", "Bellini", "it", "IT", "m.bellini@bellini-studio.example", city="Torino", zipc="10123", company="Bellini Studio Associato")
buyer("roth", "Einkauf", "Kanzlei Roth", "de", "DE", "einkauf@kanzlei-roth.example", city="Münster", zipc="48143", company="Kanzlei Roth & Partner", display="Kanzlei Roth & Partner")
buyer("aurora", "Café", "Aurora", "en", "IE", "orders@cafe-aurora.example", city="Galway", zipc="H91 R2KX", company="Café Aurora Ltd", display="Café Aurora")
buyer("lukas", "Lukas", "Hoffmann", "de", "DE", "lukas.hoffmann@mail.example", city="Leipzig", zipc="04277", street="Kochstraße 31")
buyer("mia", "Mia", "Hoffmann", "de", "DE", "mia.hoffmann@mail.example", city="Leipzig", zipc="04277", street="Kochstraße 31")
buyer("ute", "Ute", "Sommerfeld", "de", "DE", "ute.sommerfeld@example.de", city="Kassel", zipc="34117")
buyer("sarah", "Sarah", "Quinn", "en", "IE", "sarah.quinn@example.ie", city="Dublin", zipc="D08 W6P3")
buyer("anna", "Anna", "Weber", "de", "DE", "anna.weber@posteo.example", city="Bamberg", zipc="96047")
buyer("pietro", "Pietro", "Sala", "it", "IT", "pietro.sala@posta.example", city="Verona", zipc="37121")
buyer("juliette", "Juliette", "Moreau", "fr", "FR", "j.moreau@courriel.example", city="Nantes", zipc="44000")
buyer("tomas", "Tomás", "García", "es", "ES", "tomas.garcia.r@gmail.com", city="Valencia", zipc="46002")
buyer("dwayne", "Dwayne", "Mercer", "en", "US", "dwayne.mercer@inbox.example", city="Tucson", zipc="85716")
buyer("helene", "Hélène", "Brun", "fr", "FR", "helene.brun@orange.example", city="Dijon", zipc="21000")
buyer("davide", "Davide", "Lupo", "it", "IT", "davide.lupo@example.it", city="Bari", zipc="70121")
buyer("imogen", "Imogen", "Shaw", "en", "GB", "imogen.shaw@post.example", city="Norwich", zipc="NR2 4TL")
buyer("marta", "Marta", "Sanz", "es", "ES", "marta.sanz@correo.example", city="Zaragoza", zipc="50001")
buyer("maureen", "Maureen", "Kelly", "en", "IE", "maureen.kelly@eircom.example", city="Cork", zipc="T12 K8XN")

SK = {i[0]: i[1] for i in ITEMS}
def it(*skus):
    return [(s, R.choice([1, 1, 1, 2])) for s in skus]

order(9005, "rebecca", it("LK-ADV-24", "LK-EGREY-100"), ship=("Margaret", "Hale", "Scarborough", "YO11 2PD", "GB", "7 Esplanade Court"), ship_status="failure")
order(9008, "lukas", it("LK-SENCHA-50", "LK-FILT-100"), ship_status="delivered")
order(9009, "roth", it("LK-EGREY-100", "LK-ROOI-VAN", "LK-FILT-100"), ship_status="delivered")
order(9011, "jonas", it("LK-POT-GL1", "LK-GIFT-BOX"), ship=("Gisela", "Brandt", "Kassel", "34131", "DE", "Wilhelmshöher Allee 212"), ship_status="delivered")
order(9013, "ute", it("LK-SENCHA-50"), ship_status="delivered")
order(9014, None, it("LK-ADV-24"), ship_status="in_transit")
order(9016, "tomas", it("LK-TETSU-08"), ship_status="delivered")
order(9018, "chloe", it("LK-MATCHA-30", "LK-POT-GL1"), ship_status="in_transit")
order(9020, "juliette", it("LK-CHAI-100", "LK-OOL-MILK"), ship_status="in_transit")
order(9023, "herbert", it("LK-EGREY-100", "LK-ROOI-VAN"), ship_status="attempted_delivery")
order(9027, "marco", it("LK-TETSU-08", "LK-SENCHA-50"), ship_status="delivered")
order(9030, "roth", it("LK-DARJ-FF100", "LK-FILT-100"), ship_status="delivered")
order(9034, "theresa", it("LK-GIFT-BOX"), ship_status="in_transit")
order(9035, None, it("LK-DARJ-FF100", "LK-CHAI-100"), status="unfulfilled")
order(9036, "sarah", it("LK-GIFT-BOX"), ship=("Emma", "Quinn", "Bristol", "BS3 4QT", "GB", "18 Raleigh Road"), ship_status="delivered")
order(9040, "aurora", it("LK-MATCHA-30", "LK-FILT-100", "LK-POT-GL1"), ship_status="delivered")
order(9041, None, it("LK-DARJ-FF100"), status="unfulfilled")
order(9042, "mia", it("LK-ADV-24"), ship_status="in_transit")
order(9045, "anna", it("LK-OOL-MILK", "LK-MATCHA-30"), ship_status="attempted_delivery")
order(9046, None, it("LK-DARJ-FF100", "LK-EGREY-100"), status="unfulfilled")
order(9047, "roth", it("LK-EGREY-100", "LK-SENCHA-50", "LK-CHAI-100"), ship_status="in_transit")
order(9049, None, it("LK-DARJ-FF100", "LK-ROOI-VAN"), status="unfulfilled")
order(9052, "pietro", it("LK-ADV-24", "LK-CHAI-100"), status="unfulfilled")
order(9055, "dwayne", it("LK-TETSU-08"), status="unfulfilled")
order(9057, "imogen", it("LK-POT-GL1"), ship_status="delivered")
order(9058, None, it("LK-ADV-24", "LK-MATCHA-30"), status="unfulfilled")
order(9059, "helene", it("LK-DARJ-FF100"), ship_status="delivered")
order(9063, "davide", it("LK-MATCHA-30"), ship_status="in_transit")
order(9066, "marta", it("LK-EGREY-100", "LK-ROOI-VAN"), ship_status="in_transit")
order(9068, "maureen", it("LK-TETSU-08", "LK-OOL-MILK"), ship=("Cian", "Kelly", "Galway", "H91 E2C4", "IE", "Apt 6, Newcastle Road"), ship_status="in_transit")

# regular buyers
regs = []
for lang, lst in REGULAR_NAMES.items():
    for first, last, cc, dom in lst:
        style = R.choice([0, 0, 0, 1, 2, 3])
        if dom == "gmail.com":
            style = 0
        email = local(first, last, style) + "@" + dom
        pk = "reg:" + email
        buyer(pk, first, last, lang, cc, email)
        regs.append(pk)
R.shuffle(regs)
free = [n for n in range(9001, 9076) if n not in ORDERS or ORDERS[n]["buyer"] is None]
two = set(regs[:10])
pool = []
for pk in regs:
    pool.append(pk)
    if pk in two:
        pool.append(pk)
# the reserved BCC / newsletter orders go to regular buyers too
while len(pool) > len(free):
    pool.pop()
R.shuffle(pool)
skus = [i[0] for i in ITEMS]
for n, pk in zip(free, pool):
    if n in ORDERS:
        ORDERS[n]["buyer"] = pk
    else:
        k = R.choice([1, 1, 2, 2, 3])
        order(n, pk, it(*R.sample(skus, k)), status=R.choice([None, None, "unfulfilled"]),
              ship_status=R.choice(["in_transit", "delivered", "delivered", "out_for_delivery", "in_transit"]))
assert all(o["buyer"] for o in ORDERS.values()), [n for n, o in ORDERS.items() if not o["buyer"]]
NUMS = sorted(ORDERS)
assert NUMS == list(range(9001, 9076)), NUMS
# two orders of one buyer: make sure the second is later (numbers are sequential)
RESERVED = {9014, 9035, 9041, 9046, 9049, 9058}

# ------------------------------------------------------------------ Shopify JSON
CARRIER = {"GB": ("Royal Mail", "https://www.royalmail.com/track-your-item#/tracking-results/{t}"),
           "IE": ("An Post", "https://www.anpost.com/Post-Parcels/Track/History?item={t}"),
           "US": ("UPS", "https://www.ups.com/track?tracknum={t}"),
           "DE": ("DHL", "https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode={t}"),
           "AT": ("DHL", "https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode={t}"),
           "CH": ("DHL", "https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode={t}"),
           "FR": ("Colissimo", "https://www.laposte.fr/outils/suivre-vos-envois?code={t}"),
           "BE": ("Colissimo", "https://www.laposte.fr/outils/suivre-vos-envois?code={t}"),
           "ES": ("Correos Express", "https://s.correosexpress.com/search?shippingNumber={t}"),
           "IT": ("BRT", "https://vas.brt.it/vas/sped_det_show.hsm?referer=sped_numspe_par.htm&Nspediz={t}")}
def tracking(cc):
    if cc in ("GB", "IE"):
        return "".join(R.choice(string.ascii_uppercase) for _ in range(2)) + "%09d" % R.randint(10**8, 10**9 - 1) + cc
    return "".join(str(R.randint(1, 8)) for _ in range(14))

def addr(first, last, street, city, zipc, cc, company=None):
    a = {"name": "%s %s" % (first, last), "first_name": first, "last_name": last, "address1": street,
         "city": city, "zip": zipc, "country": COUNTRY[cc], "country_code": cc}
    if company:
        a["company"] = company
    return a

shop_orders = []
for n in NUMS:
    o = ORDERS[n]
    b = BUYERS[o["buyer"]]
    oid = 6021558800001 + (n - 9001) * 37
    created = o["created"]
    cur = "GBP" if b["cc"] == "GB" else ("USD" if b["cc"] == "US" else ("CHF" if b["cc"] == "CH" else "EUR"))
    lines, total = [], 0.0
    for i, (sku, q) in enumerate(o["items"]):
        title = SK[sku]
        price = dict((s, p) for s, _, p in ITEMS)[sku]
        total += float(price) * q
        lines.append({"id": oid * 10 + i + 1, "name": title, "title": title, "sku": sku, "quantity": q,
                      "price": price, "product_id": 8800100 + skus.index(sku), "fulfillment_status":
                      None if o["status"] == "unfulfilled" else "fulfilled"})
    ship_cost = 4.90 if total < 49 else 0.0
    total += ship_cost
    bill = addr(b["first"], b["last"], b["street"], b["city"], b["zip"], b["cc"], b["company"])
    if b["company"] and o["buyer"] in ("roth", "aurora"):
        bill["name"] = b["display"]
    if o["ship"]:
        f, l, city, z, cc, st = o["ship"]
        shipa = addr(f, l, st, city, z, cc)
    else:
        shipa = dict(bill)
    fulfillments = []
    upd = created + dt.timedelta(days=1, hours=R.randint(1, 9))
    if o["status"] != "unfulfilled":
        cc = shipa["country_code"]
        t = tracking(cc)
        comp, url = CARRIER[cc]
        fulfillments.append({"id": oid * 3 + 1, "order_id": oid, "name": "#%d.1" % n, "status": "success",
                             "created_at": upd.astimezone(dt.timezone(dt.timedelta(hours=1))).isoformat(),
                             "tracking_company": comp, "tracking_number": t, "tracking_numbers": [t],
                             "tracking_url": url.format(t=t), "tracking_urls": [url.format(t=t)],
                             "shipment_status": o["ship_status"] or "in_transit"})
    LOCALTZ = dt.timezone(dt.timedelta(hours=1))
    shop_orders.append({
        "id": oid, "name": "#%d" % n, "number": n - 1000, "order_number": n,
        "email": b["email"], "contact_email": b["email"], "phone": b["phone"],
        "created_at": created.astimezone(LOCALTZ).isoformat(), "updated_at": upd.astimezone(LOCALTZ).isoformat(),
        "processed_at": created.astimezone(LOCALTZ).isoformat(),
        "financial_status": "paid", "fulfillment_status": None if o["status"] == "unfulfilled" else "fulfilled",
        "currency": cur, "total_price": "%.2f" % total, "subtotal_price": "%.2f" % (total - ship_cost),
        "customer": {"id": b["cid"], "email": b["email"], "phone": b["phone"], "first_name": b["first"], "last_name": b["last"]},
        "billing_address": bill, "shipping_address": shipa, "line_items": lines, "fulfillments": fulfillments,
    })
with open(os.path.join(OUT, "orders.json"), "w") as f:
    json.dump({"orders": shop_orders}, f, ensure_ascii=False, indent=1)
    f.write("\n")
SHOP = {"#%d" % n: {"buyer": ORDERS[n]["buyer"], "email": BUYERS[ORDERS[n]["buyer"]]["email"],
                    "zip": BUYERS[ORDERS[n]["buyer"]]["zip"]} for n in NUMS}

# ------------------------------------------------------------------ eBay + Amazon orders
EBAY = [
 ("12-10931-44872", "teafan_leipzig", "Kerstin Vogt", "DE", "Leipzig", "04109", "Karl-Liebknecht-Straße 58", "LK-OOL-MILK", "NOT_STARTED"),
 ("05-22817-63109", "cornwall.cuppa", "Jack Trevithick", "GB", "Truro", "TR1 2HE", "9 Lemon Street", "LK-TETSU-08", "FULFILLED"),
 ("19-30457-81226", "mate_y_mas", "Rocío Campos", "ES", "Granada", "18009", "calle Elvira 22", "LK-MATCHA-30", "FULFILLED"),
 ("21-48820-17365", "lamp.and.leaf", "Angelo Ferri", "IT", "Bologna", "40126", "via Zamboni 17", "LK-TETSU-08", "IN_PROGRESS"),
]
eb = []
for i, (oid, user, name, cc, city, z, st, sku, fs) in enumerate(EBAY):
    cr = D(11, 12 + i * 3, 14, 5)
    price = dict((s, p) for s, _, p in ITEMS)[sku]
    cur = "GBP" if cc == "GB" else "EUR"
    eb.append({"orderId": oid, "legacyOrderId": "1%011d-%d" % (R.randint(10**9, 10**10), R.randint(10**12, 10**13)),
        "creationDate": cr.strftime("%Y-%m-%dT%H:%M:%S.000Z"), "lastModifiedDate": (cr + dt.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
        "orderFulfillmentStatus": fs, "orderPaymentStatus": "PAID",
        "sellerId": "leafandkettle", "buyer": {"username": user, "taxAddress": {"countryCode": cc, "postalCode": z},
            "buyerRegistrationAddress": {"fullName": name, "contactAddress": {"addressLine1": st, "city": city, "postalCode": z, "countryCode": cc},
                "primaryPhone": {"phoneNumber": phone_for(cc)}, "email": "%020x@members.ebay.com" % R.getrandbits(80)}},
        "pricingSummary": {"priceSubtotal": {"value": price, "currency": cur}, "deliveryCost": {"value": "4.90", "currency": cur},
                           "total": {"value": "%.2f" % (float(price) + 4.9), "currency": cur}},
        "cancelStatus": {"cancelState": "NONE_REQUESTED", "cancelRequests": []},
        "fulfillmentStartInstructions": [{"fulfillmentInstructionsType": "SHIP_TO", "shippingStep": {"shipTo": {"fullName": name,
            "contactAddress": {"addressLine1": st, "city": city, "postalCode": z, "countryCode": cc},
            "primaryPhone": {"phoneNumber": phone_for(cc)}, "email": "%020x@members.ebay.com" % R.getrandbits(80)},
            "shippingCarrierCode": "DHL" if cc == "DE" else "ROYAL_MAIL" if cc == "GB" else "OTHER", "shippingServiceCode": "Standard"}}],
        "lineItems": [{"lineItemId": str(10000000000 + R.randint(10**9, 9 * 10**9)), "legacyItemId": str(R.randint(10**11, 4 * 10**11)),
            "sku": sku, "title": SK[sku], "quantity": 1, "lineItemCost": {"value": price, "currency": cur},
            "total": {"value": price, "currency": cur},
            "lineItemFulfillmentStatus": "FULFILLED" if fs == "FULFILLED" else "NOT_STARTED"}],
        "fulfillmentHrefs": []})
with open(os.path.join(OUT, "ebay-orders.json"), "w") as f:
    json.dump({"href": "https://api.ebay.com/sell/fulfillment/v1/order?limit=50&offset=0", "total": len(eb), "limit": 50,
               "offset": 0, "orders": eb}, f, ensure_ascii=False, indent=1)
    f.write("\n")
EBAY_TRUTH = {e[0]: (e[1], "ebay:" + e[1]) for e in EBAY}
EBAY_TRUTH["21-48820-17365"] = ("lamp.and.leaf", "angelo")
AMZ = {"302-4417782-5530914": "amz:ingrid", "405-8830215-2274619": "amz:margaux",
       "404-1190378-6642150": "amz:giorgio", "202-7730561-4418823": "amz:liam"}

# ------------------------------------------------------------------ message machinery
ITEMS_OUT = []   # (at, seq, rec, meta)
seq = [0]
def emit(at, rec, person, conv, lang, cases, note):
    assert START <= at <= END, (at, note)
    seq[0] += 1
    ITEMS_OUT.append((at, seq[0], rec, dict(person=person, conv=conv, lang=lang, cases=list(cases), note=note)))

def mid_for(addr, at):
    dom = addr.split("@")[1]
    if dom in ("gmail.com", "googlemail.com"):
        return "CA%s@mail.gmail.com" % "".join(R.choice(string.ascii_letters + string.digits + "+_") for _ in range(40))
    return "%s.%s@%s" % (at.strftime("%Y%m%d%H%M%S"), "".join(R.choice("0123456789abcdef") for _ in range(10)), "mx." + dom)

def path_for(at, box="support"):
    return "/home/acme/Maildir/%s/new/%d.M%dP%d.mx1.leafandkettle.example" % (box, int(at.timestamp()), R.randint(100000, 999999), R.randint(1000, 60000))

class Thread:
    def __init__(self, subject, root=None, refs=None):
        self.subject, self.root, self.refs, self.last = subject, root, list(refs or []), root

def mail_new(person, conv, at, subject, text, addr, name, lang, cases, note):
    mid = mid_for(addr, at)
    rec = L.mail_record("support", mid, at, subject, text, name, addr.lower(), path=path_for(at))
    emit(at, rec, person, conv, lang, cases, note)
    th = Thread(subject, mid, [mid])
    return th

def re_prefix(lang):
    return {"de": "AW: ", "fr": "RE : ", "es": "RE: ", "it": "R: "}.get(lang, "Re: ")

def mail_reply(th, person, conv, at, text, addr, name, lang, cases, note, lost=False):
    subj = th.subject if th.subject.lower().startswith(("re:", "aw:", "r:", "re :")) else re_prefix(lang) + th.subject
    mid = mid_for(addr, at)
    if lost:
        rec = L.mail_record("support", mid, at, subj, text, name, addr.lower(), path=path_for(at))
        cases = list(cases) + ["lost_headers"]
    else:
        ans = "ans-%s@leafandkettle.example" % "".join(R.choice("0123456789abcdef") for _ in range(16))
        refs = th.refs + [ans]
        rec = L.mail_record("support", mid, at, subj, text, name, addr.lower(), in_reply_to=ans, references=refs, path=path_for(at))
        th.refs = refs + [mid]
    emit(at, rec, person, conv, lang, cases, note)
    return th

def mail_bulk_reply(root, subject, person, conv, at, text, addr, name, lang, cases, note):
    mid = mid_for(addr, at)
    rec = L.mail_record("support", mid, at, re_prefix(lang) + subject, text, name, addr.lower(), in_reply_to=root, references=[root], path=path_for(at))
    emit(at, rec, person, conv, lang, cases, note)

def ig_id():
    return "17%015d" % R.randint(10**13, 10**15 - 1)
def psid():
    return "2%015d" % R.randint(10**13, 10**15 - 1)
def dm(platform, person, conv, at, text, sender, name, lang, cases, note):
    if platform == "instagram":
        mid = "aWdfZAG" + "".join(R.choice(string.ascii_letters + string.digits) for _ in range(60))
    else:
        mid = "m_" + "".join(R.choice(string.ascii_letters + string.digits + "-_") for _ in range(60))
    rec = L.meta_record(platform, mid, at, text, sender, name)
    emit(at, rec, person, conv, lang, cases + [platform], note)

def amazon(person, conv, at, alias, tld, oid, first, subject_kind, text, lang, cases, note):
    mid = "0102019%s-%s-000000@eu-west-1.amazonses.com" % ("".join(R.choice("0123456789abcdef") for _ in range(9)),
                                                        "-".join("".join(R.choice("0123456789abcdef") for _ in range(k)) for k in (8, 4, 4, 4, 12)))
    a = "%s@marketplace.amazon.%s" % (alias, tld)
    subj = "%s %s (Order: %s)" % (subject_kind, first, oid)
    rec = L.mail_record("amazon-mail", mid, at, subj, text, "%s - Amazon Marketplace" % first if False else first, a,
                        path=path_for(at, "amazon"), channel="amazon", order_ids=[oid])
    emit(at, rec, person, conv, lang, cases + ["amazon"], note)

def ebay_msg(person, conv, at, user, name, subject, text, lang, cases, note):
    conv_id = "%d" % R.randint(10**11, 10**12 - 1)
    msgid = "%d" % R.randint(10**12, 10**13 - 1)
    rec = L.ebay_record(conv_id, msgid, at, subject, text, user, name)
    emit(at, rec, person, conv, lang, cases + ["ebay"], note)

def numphrase(lang, n):
    return R.choice(T.NUMF[lang]).format(n=n)

# ------------------------------------------------------------------ special episodes
B = BUYERS
def em(k): return B[k]["email"]
def nm(k): return B[k]["display"]

# Rebecca "Becky" Hale, #9005 (Gmail variant, nickname, then IG, then a new matter)
th = mail_new("rebecca", "rebecca:9005", D(11, 21, 8, 42), "Advent calendar order #9005 - returned to sender?",
    "Hi,\n\nI ordered the advent calendar (#9005) to go to my mum in Scarborough but the tracking now says it's being returned to sender?? Can you find out what happened? It was meant to be there for the 1st.\n\nThanks,\nBecky",
    "rebeccahale@gmail.com", "Becky Hale", "en", ["buyer", "nickname", "gmail_variant", "gift_buyer"], "Becky = Rebecca Hale, buyer of #9005; Gmail without the dot is her order address")
becky_ig = ig_id()
dm("instagram", "rebecca", "rebecca:9005", D(11, 23, 19, 5), "hi! it's Becky - I emailed you on Saturday about #9005 (the advent calendar going back to you), any update?? 🙈",
   becky_ig, "Becky Hale", "en", ["buyer", "nickname", "cross_channel", "dm_unverified"], "same matter as her mail; IG gives no fact yet")
dm("instagram", "rebecca", "rebecca:9005", D(11, 23, 19, 9), "order #9005 is under rebecca.hale@gmail.com (Rebecca on the order, Becky to everyone else 😊)",
   becky_ig, "Becky Hale", "en", ["buyer", "nickname", "dm_facts"], "number + order e-mail in her IG thread: verified")
mail_new("rebecca", "rebecca:matcha", D(12, 2, 12, 30), "Matcha for lattes?",
    "Hello again,\nunrelated to my calendar - is your ceremonial matcha OK for lattes or should I get a cheaper grade? Thinking of Christmas presents.\nBecky",
    "rebecca.hale@gmail.com", "Rebecca Hale", "en", ["presale", "new_matter", "nickname"], "new question from the same person: new conversation")
mail_new("imp:rebecca", "imp:rebecca:9005", D(11, 25, 3, 17), "URGENT change delivery address order #9005",
    "Hello, this is Rebecca Hale, order #9005, email rebecca.hale@gmail.com.\nPlease send the returned parcel to my new address: Flat 2, 41 Quay Street, Hull HU1 1RE. Reply with the tracking number to this email as my old one is not working.\nRegards Rebecca",
    "rebecca.hale@secure-mailbox.example", "Rebecca Hale", "en", ["impersonator", "knows_facts"], "not Rebecca: lookalike mailbox quoting her number and e-mail")

# Brandt: Jonas (buyer, gift to his mother Gisela)
th_j = mail_new("jonas", "jonas:9011", D(11, 20, 18, 11), "Geschenk für meine Mutter - Bestellung 9011",
    "Hallo,\n\nich habe Bestellung 9011 als Geschenk direkt an meine Mutter in Kassel schicken lassen. Liegt da keine Rechnung bei? Es soll eine Überraschung sein.\n\nDanke\nJonas Brandt",
    em("jonas"), nm("jonas"), "de", ["buyer", "gift_buyer"], "buyer of #9011 from his order address")
mail_new("gisela", "gisela:9011", D(11, 24, 9, 3), "Teekanne zerbrochen",
    "Sehr geehrte Damen und Herren,\n\nmein Sohn Jonas hat bei Ihnen für mich Tee und eine Glaskanne bestellt (Bestellung 9011). Das Paket kam gestern, leider ist die Kanne zerbrochen. Was kann ich tun?\n\nMit freundlichen Grüßen\nGisela Brandt",
    "gisela.brandt@t-mail.example", "Gisela Brandt", "de", ["gift_recipient", "relative"], "mother of the buyer, the recipient; not the buyer")
mail_reply(th_j, "jonas", "jonas:9011", D(11, 25, 7, 48),
    "Guten Morgen,\nmeine Mutter hat sich gemeldet, die Glaskanne aus Bestellung 9011 ist kaputt angekommen. Können Sie bitte Ersatz direkt an sie schicken?\nJonas",
    em("jonas"), nm("jonas"), "de", ["buyer", "followup", "damaged"], "buyer follows up in his thread")

# Chloé Martin / partner Julien Roux
mail_new("julien", "julien:9018", D(11, 22, 20, 40), "Commande n° 9018",
    "Bonjour,\n\nma compagne Chloé Martin a passé la commande n° 9018 (adresse chloe.martin@courriel.example). Elle est en déplacement cette semaine : pouvez-vous me dire quand le colis arrivera et me donner le numéro de suivi ?\n\nMerci,\nJulien Roux",
    "julien.roux@courriel.example", "Julien Roux", "fr", ["partner", "knows_facts"], "partner quoting number and her e-mail: not the buyer")
mail_new("chloe", "chloe:9018", D(11, 23, 7, 55), "Ma commande 9018",
    "Bonjour,\n\nc'est bien moi qui ai commandé la 9018. Mon compagnon vous a peut-être écrit, je préfère que vous me répondiez directement. Le matcha arrive quand ?\n\nChloé",
    em("chloe"), nm("chloe"), "fr", ["buyer"], "the buyer herself")

# Herbert Vogl / carer
th_s = mail_new("sabine", "sabine:9023", D(11, 24, 11, 20), "Lieferung für Herrn Vogl",
    "Grüß Gott,\n\nich bin Pflegerin von Herrn Herbert Vogl (Graz). Er hat bei Ihnen Tee bestellt, Bestellung 9023, PLZ 8010. Der Bote war da, als wir beim Arzt waren. Kann man die Zustellung neu ansetzen?\n\nFreundliche Grüße\nSabine Eder\nMobile Pflege Sonnweg",
    "s.eder@pflege-sonnweg.example", "Sabine Eder", "de", ["carer", "knows_facts"], "carer gives number and his postcode: still not the buyer")
mail_reply(th_s, "sabine", "sabine:9023", D(11, 26, 10, 2),
    "Hallo, gibt es schon einen neuen Termin für Herrn Vogl (Bestellung 9023)? Vormittags ist immer jemand da.\nS. Eder",
    "s.eder@pflege-sonnweg.example", "Sabine Eder", "de", ["carer", "followup"], "carer's follow-up")

# Theresa Gruber, postcode 9020 Klagenfurt
th_ig = ig_id()
dm("instagram", "theresa", "theresa:9034", D(11, 24, 17, 30), "Servus! Wo bleibt meine Bestellung 9034? Sollte ein Geschenk werden",
   th_ig, "resi.gruber", "de", ["buyer", "dm_unverified"], "buyer on IG, number only")
dm("instagram", "theresa", "theresa:9034", D(11, 24, 17, 41), "Bestellung 9034, PLZ 9020 Klagenfurt, bestellt auf Theresa Gruber",
   th_ig, "resi.gruber", "de", ["buyer", "dm_facts", "non_order_number"], "number + billing postcode: verified; 9020 is the postcode, not an order")
dm("facebook", "fb:viktring", "fb:viktring:presale", D(11, 28, 13, 12), "Hallo, liefert ihr auch nach 9073 Viktring (Österreich)? Und wie lange dauert das vor Weihnachten?",
   psid(), "Florian Pichler", "de", ["presale", "non_order_number"], "postcode, not an order")

# Marco Bellini / assistant / impersonator
mail_new("giulia", "giulia:9027", D(11, 25, 9, 14), "Fattura ordine n. 9027",
    "Buongiorno,\n\nscrivo per conto del dott. Marco Bellini: ci servirebbe la fattura dell'ordine n. 9027 intestata allo studio (Bellini Studio Associato, P.IVA IT02834716005). Potete inviarla a me?\n\nCordiali saluti\nGiulia Fontana\nSegreteria",
    "g.fontana@bellini-studio.example", "Giulia Fontana", "it", ["assistant", "same_company_domain"], "assistant, own address in the same domain")
mail_new("marco", "marco:9027", D(11, 26, 8, 2), "Ordine 9027 - fattura",
    "Buongiorno,\nconfermo la richiesta della mia assistente Giulia Fontana: fattura dell'ordine 9027 intestata allo studio, per favore.\nGrazie\nMarco Bellini",
    em("marco"), nm("marco"), "it", ["buyer"], "the buyer")
dm("instagram", "imp:marco", "imp:marco:9027", D(11, 27, 22, 48), "Sono Marco Bellini, ordine 9027, mail m.bellini@bellini-studio.example. Mandatemi qui il link di tracciamento e l'indirizzo di consegna, grazie",
   ig_id(), "marco.bellini.official", "it", ["impersonator", "knows_facts"], "not Marco: a new IG account quoting his facts")

# Kanzlei Roth: purchasing mailbox (one person), an employee
th_r = mail_new("roth", "roth:9047", D(11, 23, 10, 5), "Bestellung 9047 - Lieferung ins Büro",
    "Sehr geehrte Damen und Herren,\n\nwann dürfen wir mit unserer Bestellung 9047 rechnen? Bitte an den Empfang im 2. OG liefern.\n\nMit freundlichen Grüßen\nEinkauf\nKanzlei Roth & Partner",
    em("roth"), nm("roth"), "de", ["company_role", "buyer"], "the company's purchasing mailbox is the buyer")
mail_new("tobias", "tobias:9047", D(11, 26, 14, 36), "Tee für die Teeküche",
    "Hallo,\n\nich warte auf den Tee für unsere Teeküche (Bestellung 9047, bestellt über einkauf@kanzlei-roth.example). Ist der schon unterwegs? Sie erreichen mich unter der Durchwahl -9021.\n\nTobias Klein\nKanzlei Roth & Partner",
    "t.klein@kanzlei-roth.example", "Tobias Klein", "de", ["company_employee", "knows_facts", "non_order_number"], "employee from his own address; 9021 is a phone extension")
mail_new("roth", "roth:9030", D(12, 1, 9, 12), "Rechnung zu Bestellung 9030 fehlt",
    "Guten Tag,\n\nfür unsere Bestellung 9030 liegt uns keine Rechnung vor. Bitte senden Sie diese an diese Adresse.\n\nMit freundlichen Grüßen\nEinkauf - Kanzlei Roth & Partner",
    em("roth"), nm("roth"), "de", ["company_role", "buyer", "new_matter"], "another order of the same mailbox: new conversation")

# Café Aurora: orders@ buyer, info@ another person
mail_new("aurora", "aurora:9040", D(11, 27, 8, 20), "Our order #9040 - delivery date",
    "Hi,\n\ncould you confirm when #9040 will reach us? We're opening the new tea corner on Friday. Our internal PO is 118.\n\nThanks,\nCafé Aurora - purchasing",
    em("aurora"), nm("aurora"), "en", ["company_role", "buyer"], "role mailbox that placed #9040")
mail_new("niamh", "niamh:9040", D(12, 1, 16, 45), "Dented matcha tin",
    "Hi there,\nNiamh here from front of house at Café Aurora. A box came for us last week (order 9040 I think) and one of the matcha tins is badly dented. Could you send another?\nNiamh",
    "info@cafe-aurora.example", "Café Aurora", "en", ["company_role_other"], "info@ is a different mailbox, written by an employee; not the ordering mailbox")

# Hoffmann household
mail_new("mia", "mia:9042", D(11, 27, 19, 25), "Adventskalender noch nicht da",
    "Hallo,\n\ndie Bestellung 9008 von meinem Mann ist längst angekommen, aber meine 9042 (Adventskalender) noch nicht. Ab dem 1. brauche ich ihn!\n\nViele Grüße\nMia Hoffmann",
    em("mia"), nm("mia"), "de", ["buyer", "household"], "her own order own; her husband's order not hers")
mail_new("lukas", "lukas:9008", D(11, 21, 12, 40), "Rücksendung Bestellung 9008",
    "Hallo,\nich möchte die Teefilter aus Bestellung 9008 zurückgeben, die sind zu klein für unsere Kanne. Wie geht das?\nLukas Hoffmann",
    em("lukas"), nm("lukas"), "de", ["buyer", "household"], "the husband about his own order")

# Ute Lorenz: mistyped number, then corrected
th_u = mail_new("ute", "ute:9013", D(11, 21, 15, 10), "Bestellung 9031 - falscher Tee",
    "Guten Tag,\n\nin meiner Bestellung 9031 war Earl Grey statt Sencha. Bitte schicken Sie mir den richtigen Tee.\n\nUte Sommerfeld",
    em("ute"), nm("ute"), "de", ["buyer", "mistyped_number"], "digits swapped: 9031 is somebody else's order")
mail_reply(th_u, "ute", "ute:9013", D(11, 21, 15, 31),
    "Entschuldigung, Zahlendreher: richtig ist Bestellung 9013.\nUte Sommerfeld",
    em("ute"), nm("ute"), "de", ["buyer", "mistyped_number", "followup"], "correction; the subject still carries the wrong number")

# Gift recipient Emma Quinn, buyer Sarah Quinn
mail_new("sarah", "sarah:9036", D(11, 28, 9, 50), "Gift box #9036 - my sister may contact you",
    "Hi,\nI sent your winter gift box to my sister Emma (order #9036). She's off caffeine at the moment, so if she asks to swap the rooibos, that's fine by me.\nThanks,\nSarah",
    em("sarah"), nm("sarah"), "en", ["buyer", "gift_buyer"], "buyer")
dm("instagram", "emma", "emma:9036", D(11, 28, 21, 14), "Hi! my sister got me one of your gift boxes (order 9036 on the slip) 😍 could I swap the rooibos for something else? postcode BS3 4QT if that helps",
   ig_id(), "emma.q", "en", ["gift_recipient", "relative"], "recipient gives number and the SHIPPING postcode; not the buyer")

# Anna Weber / friend
mail_new("lea", "lea:9045", D(11, 26, 13, 0), "Paket für Anna Weber",
    "Hallo,\n\nmeine Freundin Anna Weber liegt im Krankenhaus und hat mich gebeten nachzufragen: Bestellung 9045, ihre Mail ist anna.weber@posteo.example. Kann das Paket bei mir abgegeben werden? Ich wohne zwei Häuser weiter.\n\nLea Sommer",
    "lea.sommer@web.example", "Lea Sommer", "de", ["friend", "knows_facts"], "friend with both facts: not the buyer")

# Pietro Sala writes from work, then gives the order e-mail
th_p = mail_new("pietro", "pietro:9052", D(11, 27, 11, 3), "Ordine 9052 - consegna in ufficio?",
    "Buongiorno,\nho fatto l'ordine 9052 da casa, è possibile farlo consegnare qui in ufficio? Via Mazzini 4, Verona.\nPietro Sala",
    "p.sala@ufficio-sala.example", "Pietro Sala", "it", ["buyer", "new_address"], "buyer from a work address: not shown yet")
mail_reply(th_p, "pietro", "pietro:9052", D(11, 28, 8, 44),
    "Certo: l'ordine 9052 l'ho fatto con pietro.sala@posta.example.\nPietro",
    "p.sala@ufficio-sala.example", "Pietro Sala", "it", ["buyer", "new_address", "facts", "followup"], "number + order e-mail in the same thread")

# Juliette Moreau: dotless non-Gmail address
mail_new("juliette", "juliette:9020", D(11, 22, 16, 18), "Commande n° 9020",
    "Bonjour,\nma commande n° 9020 est partie il y a 10 jours et le suivi Colissimo ne bouge plus. Pouvez-vous voir ?\nJuliette Moreau",
    "jmoreau@courriel.example", "Juliette Moreau", "fr", ["buyer", "address_variant"], "order address is j.moreau@; no normalisation outside Gmail")

# Tomás García: googlemail, then Messenger
tom_ps = psid()
mail_new("tomas", "tomas:9016", D(11, 21, 10, 20), "Pedido 9016 - tetera rota",
    "Hola,\n\nla tetera de hierro del pedido 9016 ha llegado con el asa suelta. Os adjunto fotos. ¿Me mandáis otra?\n\nTomás",
    "TomasGarciaR@googlemail.com", "Tomás García", "es", ["buyer", "gmail_variant"], "googlemail + case + no dots = his Gmail")
dm("facebook", "tomas", "tomas:9016", D(11, 22, 22, 3), "Hola, soy Tomás, os escribí por correo por el pedido 9016 (la tetera rota). ¿Lo habéis visto?",
   tom_ps, "Tomás García", "es", ["buyer", "cross_channel", "dm_unverified"], "same matter on Messenger, no fact given")

# Non-order numbers from buyers
mail_new("dwayne", "dwayne:9055", D(11, 24, 15, 2), "Address change for order #9055",
    "Hi,\nplease ship #9055 to my new place instead: 9062 Birchwood Dr, Unit #4, Tucson, AZ 85719. We move on Friday.\nThanks,\nDwayne",
    em("dwayne"), nm("dwayne"), "en", ["buyer", "non_order_number", "address_change"], "9062 is a street number, #4 a unit")
mail_new("helene", "helene:9059", D(11, 29, 10, 33), "Darjeeling au goût bizarre - commande 9059",
    "Bonjour,\nle Darjeeling de ma commande 9059 a un goût de fumée, rien à voir avec d'habitude. Le numéro de lot sur la boîte est L9071.\nHélène Brun",
    em("helene"), nm("helene"), "fr", ["buyer", "non_order_number"], "L9071 is a batch code")
mail_new("davide", "davide:9063", D(12, 2, 17, 20), "Ordine 9063 - rif. ticket #58213",
    "Buonasera,\nvi ho già scritto dal modulo del sito (ticket #58213) ma nessuno mi ha risposto: il matcha dell'ordine 9063 quando arriva?\nDavide Lupo",
    em("davide"), nm("davide"), "it", ["buyer", "non_order_number"], "#58213 is a ticket number")
mail_new("imogen", "imogen:9057", D(11, 26, 12, 12), "Order #90577 - teapot lid",
    "Hello,\nthe lid of the glass teapot from order #90577 doesn't sit properly and drips when I pour. Is that normal?\nImogen Shaw",
    em("imogen"), nm("imogen"), "en", ["buyer", "mistyped_number"], "extra digit: #90577 is no order")

# Marta Sanz: phone is no fact, then the e-mail
ms = ig_id()
dm("instagram", "marta", "marta:9066", D(11, 30, 12, 5), "Hola! pedido 9066, mi teléfono es +34 611 482 337. ¿Cuándo llega?",
   ms, "marta.sanz.z", "es", ["buyer", "facts_insufficient"], "a phone number is not one of the two facts")
dm("instagram", "marta", "marta:9066", D(11, 30, 12, 19), "pedido 9066: el correo es marta.sanz@correo.example",
   ms, "marta.sanz.z", "es", ["buyer", "dm_facts"], "number + e-mail")

# Maureen Kelly bought for her son Cian
mail_new("cian", "cian:9068", D(12, 2, 21, 40), "Kettle order #9068",
    "Hi, my mum ordered a cast iron kettle for me (#9068) and the tracking says it's held at the depot in Galway. Can I collect it myself? Cian Kelly",
    "cian.kelly@campus-mail.example", "Cian Kelly", "en", ["gift_recipient", "relative"], "the son, recipient; his mother is the buyer")

# strangers and guessers
mail_new("kevin", "kevin:9050", D(11, 29, 23, 10), "Where's my order #9050??",
    "I ordered a hoodie from you two weeks ago, order #9050, and still nothing. This is ridiculous.\nKev",
    "kev.doyle@inbox.example", "Kevin Doyle", "en", ["stranger", "wrong_shop"], "writes to the wrong shop; #9050 is someone else's order")
mail_new("bernd", "bernd:1187", D(11, 25, 7, 30), "Bestellung #1187",
    "Hallo, wo bleibt meine Bestellung #1187 (2 kg Espressobohnen)? Gruß Bernd",
    "bernd.maier@mail.example", "Bernd Maier", "de", ["stranger", "wrong_shop"], "a number of another shop")
dm("instagram", "jess", "jess:guess", D(12, 1, 20, 2), "hey my order number is 9044 or 9048 i think? name's Jess. where is it",
   ig_id(), "jess.travels", "en", ["guesser"], "not a buyer of either order")
mail_new("rolf", "rolf:9039", D(11, 30, 18, 0), "Bestellung",
    "Guten Abend, ich habe irgendwann im November bei Ihnen Tee bestellt, Nummer 9039 oder so. Wann kommt der?\nR. Kunze",
    "rolf.kunze@example.de", "Rolf Kunze", "de", ["guesser"], "not the buyer of #9039")

# BCC announcement (Darjeeling delay) - replies thread on the shop's message
BCC_ROOT = "bcc-darj-delay-20261124.7f3a@leafandkettle.example"
BCC_SUBJ = "Your Darjeeling First Flush: short delay"
bcc_txt = {
 "en": ["No problem at all, I'll wait. Could you ship the other things in {num} already?\n{sig}", "Thanks for letting me know. Happy to wait.\n{sig}"],
 "de": ["Dann bitte {num} stornieren, ich brauche den Tee vor Weihnachten.\n{sig}", "Kein Problem, danke für die Info.\n{sig}"],
 "fr": ["D'accord, merci de prévenir. J'attendrai pour la {num}.\n{sig}"],
 "es": ["Vale, gracias por avisar. ¿Podéis mandar lo demás del {num}?\n{sig}"],
 "it": ["Nessun problema, aspetto. Grazie!\n{sig}"],
}
for i, n in enumerate([9035, 9041, 9046, 9049]):
    b = B[ORDERS[n]["buyer"]]
    t = R.choice(bcc_txt[b["lang"]]).format(num=numphrase(b["lang"], n), sig=b["first"])
    mail_bulk_reply(BCC_ROOT, BCC_SUBJ, b["pkey"], b["pkey"] + ":%d" % n, D(11, 24, 13 + i, 7 + 9 * i), t, b["email"], b["display"], b["lang"],
                    ["bcc_reply", "buyer"], "reply to the shop's BCC notice; own conversation per sender")
# newsletter
NL_ROOT = "nl-advent-2026.20261126.a1@news.leafandkettle.example"
NL_SUBJ = "Our Advent Calendar is back 🎄"
b14, b58 = B[ORDERS[9014]["buyer"]], B[ORDERS[9058]["buyer"]]
nl = [
 (b14["pkey"], b14["pkey"] + ":9014", b14["email"], b14["display"], b14["lang"], {"en": "I ordered the calendar with order 9014 and it still hasn't arrived - will it come before the 1st?\n{sig}",
   "de": "Ich habe den Kalender mit Bestellung 9014 bestellt und er ist noch nicht da - kommt er vor dem 1.?\n{sig}", "fr": "J'ai commandé le calendrier (commande 9014) et il n'est pas encore là, il arrivera avant le 1er ?\n{sig}",
   "es": "Pedí el calendario en el pedido 9014 y todavía no ha llegado, ¿llegará antes del día 1?\n{sig}", "it": "Ho ordinato il calendario con l'ordine 9014 e non è ancora arrivato, arriverà prima del 1°?\n{sig}"}, ["newsletter_reply", "buyer"], "buyer asks about her order in a newsletter reply"),
 (b58["pkey"], b58["pkey"] + ":9058", b58["email"], b58["display"], b58["lang"], {"en": "Is the calendar in my #9058 the new edition?\n{sig}", "de": "Ist der Kalender in meiner #9058 schon die neue Ausgabe?\n{sig}",
   "fr": "Le calendrier de ma #9058 est bien la nouvelle édition ?\n{sig}", "es": "¿El calendario de mi #9058 es la nueva edición?\n{sig}", "it": "Il calendario del mio #9058 è la nuova edizione?\n{sig}"}, ["newsletter_reply", "buyer"], "buyer"),
 ("nl:vera", "nl:vera", "vera.baldini@libero.example", "Vera Baldini", "it", {"it": "Buongiorno, il calendario contiene anche tè senza teina? Mio marito non la tollera.\nVera"}, ["newsletter_reply", "presale"], "presale question from a subscriber"),
 ("nl:dieter", "nl:dieter", "d.schaller@example.de", "Dieter Schaller", "de", {"de": "Bitte nehmen Sie mich aus dem Verteiler.\nD. Schaller"}, ["newsletter_reply", "unsubscribe"], "unsubscribe"),
 ("nl:ines", "nl:ines", "ines.prado@correo.example", "Inés Prado", "es", {"es": "Hola, ¿el calendario se puede enviar a Portugal? Gracias.\nInés"}, ["newsletter_reply", "presale"], "presale"),
]
for i, (pk, cv, a, name, lang, txt, cases, note) in enumerate(nl):
    b = BUYERS.get(pk)
    t = txt[lang].format(sig=b["first"] if b else "")
    mail_bulk_reply(NL_ROOT, NL_SUBJ, pk, cv, D(11, 26, 15 + i, 3 + 7 * i), t, a, name, lang, cases, note)

# Amazon buyers
amazon("amz:ingrid", "amz:ingrid", D(11, 22, 18, 30), "k3m9x2p7q4w8z1a", "de", "302-4417782-5530914", "Ingrid", "Lieferanfrage von Amazon-Kunde",
       "Guten Tag, meine Lieferung ist seit einer Woche angekündigt, aber nichts kam. Können Sie nachsehen? Danke, Ingrid", "de", ["buyer"], "Amazon relay, the order's buyer")
amazon("amz:ingrid", "amz:ingrid", D(11, 25, 9, 12), "k3m9x2p7q4w8z1a", "de", "302-4417782-5530914", "Ingrid", "Lieferanfrage von Amazon-Kunde",
       "Immer noch nichts angekommen. Bitte um Rückerstattung, wenn es nicht bis Freitag kommt.", "de", ["buyer", "followup"], "same relay thread")
amazon("amz:margaux", "amz:margaux", D(11, 27, 14, 40), "q8w2e7r1t5y9u3i", "fr", "405-8830215-2274619", "Margaux", "Demande de renseignements de la part du client Amazon",
       "Bonjour, la théière est arrivée fêlée. Je peux vous envoyer une photo ? Margaux", "fr", ["buyer", "damaged"], "Amazon relay")
mail_new("amz:margaux", "amz:margaux", D(11, 28, 10, 5), "Théière fêlée - commande Amazon 405-8830215-2274619",
    "Bonjour,\nje vous ai écrit via Amazon pour la théière fêlée (commande Amazon 405-8830215-2274619). Voici les photos en pièce jointe, c'est plus simple par mail.\nMargaux Lenoir",
    "margaux.lenoir@courriel.example", "Margaux Lenoir", "fr", ["amazon_buyer_by_mail", "cross_channel"], "same buyer and matter by plain mail: not the relay, not verified")
amazon("amz:giorgio", "amz:giorgio", D(12, 2, 8, 55), "z5x1c9v3b7n2m6a", "it", "404-1190378-6642150", "Giorgio", "Richiesta di informazioni dal cliente Amazon",
       "Buongiorno, il matcha che ho ricevuto ha come data di scadenza marzo 2027, è normale che sia così vicina? Giorgio", "it", ["buyer"], "Amazon relay")
amazon("amz:liam", "amz:liam", D(11, 30, 16, 22), "h4j8k2l6p0o3i7u", "co.uk", "202-7730561-4418823", "Liam", "Return policy inquiry from Amazon customer",
       "Hi, the kettle is lovely but too big for our hob. Can I return it unused?", "en", ["buyer", "return"], "Amazon relay")
amazon("amz:liam", "amz:liam", D(12, 3, 9, 5), "h4j8k2l6p0o3i7u", "co.uk", "202-7730561-4418823", "Liam", "Return policy inquiry from Amazon customer",
       "Thanks - sent it back today with the label, order 202-7730561-4418823.", "en", ["buyer", "return", "followup"], "Amazon relay follow-up")

# eBay
ebay_msg("ebay:teafan_leipzig", "ebay:teafan_leipzig:12-10931-44872", D(11, 24, 20, 15), "teafan_leipzig", "Kerstin Vogt",
         "Frage zu Bestellung 12-10931-44872", "Hallo, wann wird meine Bestellung 12-10931-44872 verschickt? Danke!", "de", ["buyer"], "eBay buyer of the order")
ebay_msg("ebay:cornwall.cuppa", "ebay:cornwall.cuppa:05-22817-63109", D(11, 26, 11, 40), "cornwall.cuppa", None,
         "Kettle lid", "Hi, the kettle arrived fine but the lid doesn't quite fit. Is there a spare one you could send?", "en", ["buyer"], "eBay buyer, no number written")
ebay_msg("ebay:mate_y_mas", "ebay:mate_y_mas:19-30457-81226", D(11, 28, 19, 0), "mate_y_mas", "Rocío Campos",
         "Factura", "Hola, ¿me podéis mandar la factura del pedido 19-30457-81226 a nombre de mi empresa? Gracias", "es", ["buyer"], "eBay buyer")
ebay_msg("ebay:tea_tom_88", "ebay:tea_tom_88:presale", D(12, 1, 13, 30), "tea_tom_88", None,
         "Combined postage?", "Hello, if I buy two tins of the oolong do you combine postage?", "en", ["presale"], "eBay member, presale")
mail_new("angelo", "angelo:21-48820-17365", D(11, 30, 9, 40), "Teiera comprata su eBay",
    "Buongiorno,\nho comprato su eBay la teiera in ghisa (ordine 21-48820-17365) ma non è ancora partita. Mi sapete dire qualcosa?\nAngelo Ferri",
    "angelo.ferri@posta.example", "Angelo Ferri", "it", ["ebay_buyer_by_mail"], "the eBay buyer by plain mail: not through eBay, not verified")

# ------------------------------------------------------------------ everyday episodes of the regular buyers
def U(a, b):
    return dt.timedelta(hours=R.uniform(a * 24, b * 24))
def gvariant(email):
    loc, dom = email.split("@")
    v = R.choice(["nodot", "caps", "plus", "googlemail"])
    if v == "nodot": return loc.replace(".", "") + "@" + dom
    if v == "caps": return ".".join(p.capitalize() for p in loc.split(".")) + "@" + dom
    if v == "plus": return loc + "+tea@" + dom
    return loc + "@googlemail.com"
INTENTS = [("wismo", 34), ("return", 14), ("exchange", 6), ("damaged", 9), ("address_change", 6), ("cancel", 5), ("invoice", 8), ("feedback", 7)]
def pick_intent():
    x = R.uniform(0, sum(w for _, w in INTENTS))
    for k, w in INTENTS:
        x -= w
        if x <= 0:
            return k
    return "wismo"

def dm_name(b):
    r = R.random()
    if r < 0.25: return None
    if r < 0.6: return b["display"]
    return (b["first"] + "." + b["last"]).lower().translate(ASCII)[:20] + R.choice(["", "_", "_tea", "88"])

def handle(b, plat):
    k = "h_" + plat
    if k not in b:
        b[k] = ig_id() if plat == "instagram" else psid()
        b["n_" + plat] = dm_name(b)
    return b[k]

def daytime(t):
    if t.hour < 6:
        t = t.replace(hour=t.hour + 7)
    return t

def dm_episode(b, n, t0, conv, lang):
    plat = "instagram" if R.random() < 0.6 else "facebook"
    sender = handle(b, plat)
    name = b["n_" + plat]
    mode = R.choice("AABBCCD")
    t = t0
    def say(text, cases, note):
        dm(plat, b["pkey"], conv, t, text, sender, name, lang, ["buyer"] + cases, note)
    email_given = b["email"]
    wrong = R.random() < 0.12
    if wrong:
        email_given = local(b["first"], b["last"], 1) + "@" + R.choice(["mail.example", "web.example", "correo.example"])
    fact_note = "gives another address of hers, not the order's" if wrong else "number + order e-mail"
    if mode == "A":
        say(R.choice(T.DM_NUM[lang]).format(num=numphrase(lang, n), n=n), ["dm_unverified"], "number only")
        t += dt.timedelta(minutes=R.randint(3, 90))
        txt = R.choice([x for x in T.DM_EMAIL[lang] if "{n}" in x]).format(n=n, email=email_given)
        say(txt, ["dm_facts"] + (["wrong_fact"] if wrong else []), fact_note)
    elif mode == "B":
        say(R.choice(T.DM_NONUM[lang]), ["dm_unverified"], "no number yet")
        t += dt.timedelta(minutes=R.randint(3, 120))
        say(R.choice(T.DM_ZIP[lang]).format(n=n, zip=b["zip"]), ["dm_facts"], "number + billing postcode")
    elif mode == "C":
        say(R.choice(T.DM_NONUM[lang]), ["dm_unverified"], "no number yet")
        t += dt.timedelta(minutes=R.randint(3, 120))
        say(R.choice(T.DM_EMAIL[lang]).format(n=n, email=email_given), ["dm_facts"] + (["wrong_fact"] if wrong else []), fact_note)
    else:
        say(R.choice(T.DM_NUM[lang]).format(num=numphrase(lang, n), n=n), ["dm_unverified"], "number only, never verifies")
    if R.random() < 0.4:
        t += dt.timedelta(hours=R.uniform(2, 30))
        if t <= END:
            say(T.DM_THANKS[lang], ["followup"], "thanks after the shop's answer")

regular = [n for n in NUMS if BUYERS[ORDERS[n]["buyer"]]["pkey"].startswith("reg:") and n not in RESERVED]
for n in regular:
    b = BUYERS[ORDERS[n]["buyer"]]
    if R.random() > 0.95:
        continue
    lang = b["lang"]
    conv = "%s:%d" % (b["pkey"], n)
    t0 = ORDERS[n]["created"] + U(1.5, 6)
    if t0 < START:
        t0 = START + U(0, 4)
    if t0 > END - dt.timedelta(hours=8):
        t0 = END - U(0.3, 1)
    t0 = daytime(t0)
    r = R.random()
    if r > 0.8:
        dm_episode(b, n, t0, conv, lang)
        continue
    intent = pick_intent()
    withnum = R.random() < 0.8
    cands = [x for x in T.FIRST[intent][lang] if ("{num}" in x[0] + x[1]) == withnum] or T.FIRST[intent][lang]
    subj, body = R.choice(cands)
    num = numphrase(lang, n)
    sku = R.choice(ORDERS[n]["items"])[0]
    sig = R.choice([b["first"], b["first"], b["display"]])
    fill = dict(num=num, item=ITEM_WORDS[sku][lang], sig=sig)
    subj, body = subj.format(**fill), body.format(**fill)
    body = body[0].upper() + body[1:]
    addr, cases, note = b["email"], ["buyer", intent], "buyer from the order address"
    if b["email"].endswith("@gmail.com") and R.random() < 0.5:
        addr, cases, note = gvariant(b["email"]), ["buyer", intent, "gmail_variant"], "buyer, Gmail spelling of the order address"
    mdisp = b.setdefault("mdisp", R.choice([b["display"], b["display"], b["display"], b["first"]]))
    th = mail_new(b["pkey"], conv, t0, subj, body, addr, mdisp, lang, cases, note)
    t = t0
    fus = [T.FOLLOW[lang][i] for i in T.FU_BY_INTENT[intent] if withnum or "{num}" not in T.FOLLOW[lang][i]]
    R.shuffle(fus)
    for k in range(min(len(fus), R.choice([0, 1, 1, 2, 2, 2]))):
        t = daytime(t + U(0.5, 3))
        if t > END:
            break
        txt = fus[k].format(num=num, sig=b["first"])
        lost = R.random() < 0.1
        mail_reply(th, b["pkey"], conv, t, txt, addr, mdisp, lang, ["buyer", "followup"], "follow-up in her thread" if not lost else "reply whose mail client dropped In-Reply-To/References", lost=lost)
    if R.random() < 0.1:
        t += U(0.3, 2)
        if t <= END:
            plat = R.choice(["instagram", "facebook"])
            dm(plat, b["pkey"], conv, daytime(t), T.DM_XCH[lang].format(num=num), handle(b, plat),
               b["n_" + plat], lang, ["buyer", "cross_channel", "dm_unverified"], "same order on a DM, no fact given")

# some buyers come back later with an unrelated presale question (a new matter)
wrote = sorted({m["person"] for _, _, _, m in ITEMS_OUT if m["person"].startswith("reg:")})
for pk in R.sample(wrote, 9):
    b = BUYERS[pk]
    lang = b["lang"]
    last = max(a for a, _, _, m in ITEMS_OUT if m["person"] == pk)
    at = daytime(last + U(1, 6))
    if at > END:
        continue
    subj, body = R.choice(T.PRESALE[lang])
    mail_new(pk, pk + ":presale", at, subj, body.format(sig=b["first"]), b["email"], b.get("mdisp", b["display"]), lang, ["presale", "buyer_other_matter"],
             "a buyer asks something unrelated to her order: new conversation")

# presale and other non-order messages from people who have not bought
NONBUYERS = {"en": ["Freya Long", "Callum Reid", "Bethany Moss", "Rory Gallagher", "Ellie Park", "Hamish Boyd", "Leah Corrigan", "Josh Pemberton", "Tara Doyle"],
             "de": ["Clara Vogel", "Jannik Wolff", "Maren Busch", "Heike Sander", "Till Neumann", "Greta Lindner", "Bastian Pohl"],
             "fr": ["Inès Robert", "Baptiste Leroy", "Zoé Garnier", "Maxime Caron", "Laure Besson"],
             "es": ["Álvaro Cano", "Nuria Peña", "Irene Soto", "Raúl Herrero", "Alba Méndez"],
             "it": ["Giorgia Villa", "Matteo Ferraro", "Alessia Rossi", "Tommaso Gatti", "Noemi Bruno"]}
LANGW = ["en"] * 7 + ["de"] * 5 + ["fr"] * 3 + ["es"] * 3 + ["it"] * 3
used = set()
for i in range(34):
    lang = R.choice(LANGW)
    names = [x for x in NONBUYERS[lang] if x not in used]
    if not names:
        continue
    name = R.choice(names); used.add(name)
    first, last = name.split(" ", 1)
    pk = "pre:" + name
    at = daytime(START + U(0, 16))
    if at > END: at = END - U(0.1, 0.5)
    if i % 2 == 0:
        subj, body = R.choice(T.PRESALE[lang])
        dom = R.choice(["mail.example", "example.com", "web.example", "posta.example", "correo.example", "gmail.com"])
        mail_new(pk, pk + ":q", at, subj, body.format(sig=first), local(first, last, R.choice([0, 1, 2])) + "@" + dom, name, lang, ["presale"], "presale question, no order")
    else:
        plat = R.choice(["instagram", "facebook"])
        dm(plat, pk, pk + ":q", at, R.choice(T.DM_PRESALE[lang]), ig_id() if plat == "instagram" else psid(),
           R.choice([name, None, (first + "_" + last).lower()]), lang, ["presale"], "presale question, no order")

# ------------------------------------------------------------------ write
ITEMS_OUT.sort(key=lambda x: (x[0], x[1]))
seen_person_convs = {}
for at, _, rec, meta in ITEMS_OUT:
    p, c = meta["person"], meta["conv"]
    convs = seen_person_convs.setdefault(p, [])
    if c not in convs:
        if convs and "new_matter" not in meta["cases"]:
            meta["cases"].append("new_matter")
        convs.append(c)
pairs = [(rec, meta) for _, _, rec, meta in ITEMS_OUT]
tr = L.truth(pairs, SHOP, AMZ, EBAY_TRUTH)
with open(os.path.join(OUT, "records.ndjson"), "w") as f:
    for rec, _ in pairs:
        f.write(json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n")
with open(os.path.join(OUT, "truth.ndjson"), "w") as f:
    for t in tr:
        f.write(json.dumps(t, ensure_ascii=False, separators=(",", ":")) + "\n")
# buyer map for the checker
with open(os.path.join(OUT, "people.json"), "w") as f:
    json.dump({"note": "generator's person keys, for check-format.py only",
               "persons": {t["person"]: m["person"] for t, (_, m) in zip(tr, pairs)},
               "order_buyers": {k: v["buyer"] for k, v in SHOP.items()}}, f, ensure_ascii=False, indent=1)
print(len(pairs), "records", len(shop_orders), "orders", len(eb), "ebay orders")
