#!/usr/bin/env python3
"""Write the heldout6 set deterministically: orders.json, ebay-orders.json,
records.ndjson, truth.ndjson.  Shop: "Hollin & Thyme", home and kitchen
(store name acme).  Run: python3 gen.py  (from this directory)."""
import hashlib, json, os, random
from datetime import datetime, timezone, timedelta
from gen_lib import Builder, gmail_norm

HERE = os.path.dirname(os.path.abspath(__file__))
rnd = random.Random(6006)

def T(s):
    return datetime.strptime("2026-" + s, "%Y-%m-%d %H:%M").replace(tzinfo=timezone.utc)

# ------------------------------------------------------------------ products
PRODUCTS = [
    ("HT-SK26", "Cast-iron skillet 26 cm", "39.00"),
    ("HT-DO24", "Enamel Dutch oven 24 cm, sage", "89.00"),
    ("HT-LTT4", "Linen tea towels, set of 4", "24.00"),
    ("HT-PO02", "Stoneware pour-over dripper", "29.00"),
    ("HT-OWB40", "Olive-wood chopping board 40 cm", "45.00"),
    ("HT-KB05", "Oak knife block, 5 slots", "59.00"),
    ("HT-SJ12", "Glass spice jars, set of 12", "32.00"),
    ("HT-BW3", "Beeswax food wraps, 3 pack", "14.00"),
    ("HT-MG4", "Speckled stoneware mugs, set of 4", "36.00"),
    ("HT-CK17", "Copper kettle 1.7 l", "119.00"),
    ("HT-BB01", "Enamel bread bin, cream", "49.00"),
    ("HT-HK02", "Herb keeper, glass", "19.00"),
    ("HT-TP08", "Cast-iron teapot 0.8 l", "54.00"),
    ("HT-SP3", "Bamboo spatula set of 3", "16.00"),
    ("HT-FP28", "Carbon-steel frying pan 28 cm", "42.00"),
]
PROD = {p[0]: p for p in PRODUCTS}

# ------------------------------------------------------------------ orders
# (num, who, first, last, email, phone, address1, city, zip, cc, ship, skus, day)
CC = {"DE": "Germany", "AT": "Austria", "CH": "Switzerland", "FR": "France", "IT": "Italy",
      "ES": "Spain", "GB": "United Kingdom", "IE": "Ireland", "NL": "Netherlands", "BE": "Belgium"}
SPECIAL = [
    (6003, "hannah", "Hannah", "Whitcombe", "hannah.whitcombe@fernmail.example", "+441179460318", "14 Alma Vale Road", "Bristol", "BS8 2HS", "GB", None, ["HT-DO24"], 9),
    (6005, "rosa", "Rosa", "Delgado", "rosa.delgado@correo.example", "+34961234071", "Calle de Colón 12", "Valencia", "46004", "ES", None, ["HT-MG4", "HT-BW3"], 10),
    (6007, "lena", "Lena", "Vogt", "lena.vogt@gmail.com", "+4940555017", "Bahrenfelder Str. 88", "Hamburg", "22765", "DE", None, ["HT-SK26"], 10),
    (6008, "lena", "Lena", "Vogt", "lena.vogt@gmail.com", "+4940555017", "Bahrenfelder Str. 88", "Hamburg", "22765", "DE", None, ["HT-LTT4", "HT-HK02"], 11),
    (6010, "sergio", "Sergio", "Romero", "sergio.romero@correo.example", "+34944100228", "Calle Ercilla 7", "Bilbao", "48009", "ES", None, ["HT-CK17"], 11),
    (6011, "anna", "Anna", "Berg", "anna.berg@posteo.example", "+493055501122", "Lychener Str. 31", "Berlin", "10437", "DE", None, ["HT-OWB40"], 11),
    (6013, "elena", "Elena", "Moretti", "elena.moretti@gmail.com", "+390655501913", "Via Tiburtina 211", "Roma", "00185", "IT", None, ["HT-TP08"], 12),
    (6014, "camille", "Camille", "Roux", "camille.roux@laposte.example", "+33240555014", "8 rue Kervégan", "Nantes", "44000", "FR", None, ["HT-BB01"], 12),
    (6015, "sophie", "Sophie", "Brandt", "sophie.brandt@webpost.example", "+4942155501515", "Ostertorsteinweg 40", "Bremen", "28203", "DE", None, ["HT-KB05"], 12),
    (6016, "peter", "Peter", "Huber", "peter.huber@tirolnet.example", "+43512908877", "Anichstraße 17", "Innsbruck", "6020", "AT", None, ["HT-FP28"], 13),
    (6017, "mariah", "Maria", "Huber", "maria.huber@tirolnet.example", "+43512908877", "Anichstraße 17", "Innsbruck", "6020", "AT", None, ["HT-SJ12", "HT-HK02"], 13),
    (6019, "priya", "Priya", "Natarajan", "priya.n@orbitmail.example", "+441135550619", "22 Cardigan Road", "Leeds", "LS6 3AG", "GB", None, ["HT-PO02", "HT-MG4"], 13),
    (6022, "matteo", "Matteo", "Ferri", "matteo.ferri@posta.example", "+39051555022", "Via del Pratello 40", "Bologna", "40122", "IT", None, ["HT-CK17"], 14),
    (6025, "lucia", "Lucía", "Ortega", "lucia.ortega@correo.example", "+34954555025", "Calle Feria 55", "Sevilla", "41003", "ES", None, ["HT-DO24"], 15),
    (6027, "giulia", "Giulia", "Marchetti", "giulia.marchetti@posta.example", "+39025550227", "Corso di Porta Romana 63", "Milano", "20122", "IT",
     ("Chiara", "Marchetti", "Via Nizza 150", "Torino", "10126", "IT"), ["HT-TP08", "HT-LTT4"], 15),
    (6030, "thomas", "Thomas", "Keller", "t.keller@webpost.example", "+4922155503030", "Brüsseler Str. 9", "Köln", "50674", "DE", None, ["HT-KB05", "HT-SP3"], 16),
    (6033, "olivia", "Olivia", "Grant", "olivia.grant@fernmail.example", "+441615550633", "5 Lapwing Lane", "Manchester", "M20 2NT", "GB", None, ["HT-BB01"], 16),
    (6035, "sabine", "Sabine", "Lorenz", "sabine.lorenz@webpost.example", "+4935155503535", "Königsbrücker Str. 60", "Dresden", "01099", "DE",
     ("Jonas", "Lorenz", "Karl-Liebknecht-Str. 12", "Leipzig", "04107", "DE"), ["HT-FP28", "HT-SP3", "HT-MG4"], 17),
    (6036, "ines", "Inès", "Moreau", "ines.moreau@laposte.example", "+33561555036", "12 rue des Filatiers", "Toulouse", "31000", "FR", None, ["HT-SJ12"], 17),
    (6038, "elise", "Élise", "Dubois", "elise.dubois@laposte.example", "+33478555038", "41 rue Duguesclin", "Lyon", "69006", "FR", None, ["HT-DO24", "HT-OWB40"], 18),
    (6039, "alessandro", "Alessandro", "Greco", "alessandro.greco@posta.example", "+39081555039", "Via Toledo 256", "Napoli", "80134", "IT", None, ["HT-FP28"], 18),
    (6040, "laura", "Laura", "Sánchez", "laura.sanchez@correo.example", "+34915550040", "Calle de Alcalá 98", "Madrid", "28009", "ES", None, ["HT-KB05"], 18),
    (6041, "marta", "Marta", "Gil", "marta.gil@correo.example", "+34915550041", "Calle de Toledo 30", "Madrid", "28005", "ES", None, ["HT-TP08"], 19),
    (6043, "luca", "Luca", "Bianchi", "luca.bianchi@posta.example", "+39065550043", "Via Natale del Grande 18", "Roma", "00153", "IT", None, ["HT-SK26", "HT-SP3"], 19),
    (6045, "helga", "Helga", "Albrecht", "helga.albrecht@webpost.example", "+498955504545", "Sendlinger Str. 3", "München", "80331", "DE", None, ["HT-CK17"], 19),
    (6046, "jan", "Jan", "Meyer", "jan.meyer@nordpost.example", "+4951155504646", "Lister Meile 21", "Hannover", "30161", "DE", None, ["HT-BB01"], 20),
    (6047, "dev", "Dev", "Anand", "dev.anand@brightlane.example", "+442075550647", "90 Old Street", "London", "EC1V 9AX", "GB", None, ["HT-CK17", "HT-MG4"], 20),
    (6048, "nora", "Nora", "Lindqvist", "nora.lindqvist@fernmail.example", "+441315550648", "3 Bruntsfield Place", "Edinburgh", "EH10 4HN", "GB", None, ["HT-PO02"], 20),
    (6049, "hale", "Patricia", "Hale", "p.hale@fernmail.example", "+441392555049", "7 Pennsylvania Road", "Exeter", "EX4 6BH", "GB", None, ["HT-BB01", "HT-BW3"], 20),
    (6050, "claire", "Claire", "Martin", "claire.martin@laposte.example", "+33320555050", "5 place Rihour", "Lille", "59800", "FR", None, ["HT-LTT4"], 21),
    (6051, "garnier", "Bertrand", "Garnier", "garnier.direction@atelier-garnier.example", "+33556555051", "18 cours de l'Intendance", "Bordeaux", "33000", "FR", None, ["HT-OWB40", "HT-KB05"], 21),
    (6052, "valentina", "Valentina", "Russo", "valentina.russo@posta.example", "+39011555052", "Via Po 14", "Torino", "10123", "IT", None, ["HT-MG4"], 21),
    (6053, "carmen", "Carmen", "Ruiz", "carmen.ruiz@correo.example", "+34963555053", "Calle de Cuba 21", "Valencia", "46006", "ES", None, ["HT-CK17"], 21),
    (6055, "wolfgang", "Wolfgang", "Pohl", "w.pohl@webpost.example", "+4971155505555", "Hohenheimer Str. 44", "Stuttgart", "70184", "DE", None, ["HT-DO24"], 22),
    (6056, "daniel", "Daniel", "Walsh", "daniel.walsh@eirmail.example", "+35315550656", "Unit 4, Harbour Court, Ringsend Road", "Dublin", "D04 K7W2", "IE", None, ["HT-SK26"], 22),
    (6057, "finn", "Finn", "O'Brien", "finn.obrien@gmail.com", "+35315550657", "19 Leinster Road", "Dublin", "D06 R2F3", "IE", None, ["HT-FP28", "HT-BW3"], 22),
    (6058, "ruth", "Ruth", "Baumann", "ruth.baumann@seemail.example", "+41415550658", "Haldenstrasse 23", "Luzern", "6006", "CH", None, ["HT-TP08", "HT-BW3"], 22),
    (6059, "pablo", "Pablo", "Navarro", "pablo.navarro@gmail.com", "+34932555059", "Carrer de Verdi 70", "Barcelona", "08012", "ES", None, ["HT-OWB40"], 23),
    (6062, "tischlein", "Katrin", "Wolff", "orders@tischlein-deck.example", "+496955506200", "Berger Str. 120", "Frankfurt am Main", "60316", "DE",
     ("Renate", "Hoffmann", "Am Weinberg 4", "Wiesbaden", "65193", "DE"), ["HT-DO24"], 23),
    (6063, "tischlein", "Katrin", "Wolff", "orders@tischlein-deck.example", "+496955506200", "Berger Str. 120", "Frankfurt am Main", "60316", "DE",
     ("Ingrid", "Sommer", "Wilhelmshöher Allee 77", "Kassel", "34119", "DE"), ["HT-CK17", "HT-TP08"], 23),
    (6064, "tischlein", "Katrin", "Wolff", "orders@tischlein-deck.example", "+496955506200", "Berger Str. 120", "Frankfurt am Main", "60316", "DE",
     ("Uwe", "Krämer", "Rheinstraße 15", "Darmstadt", "64283", "DE"), ["HT-KB05"], 24),
    (6065, "kuechenwerk", "Einkauf", "Küchenwerk Mainz", "einkauf@kuechenwerk-mainz.example", "+4961315550650", "Rheinallee 101", "Mainz", "55118", "DE", None, ["HT-FP28", "HT-FP28", "HT-SP3"], 24),
    (6066, "greenleaf", "Purchasing", "Greenleaf Café", "purchasing@greenleaf-cafe.example", "+441273555066", "27 Sydney Street", "Brighton", "BN1 4EP", "GB", None, ["HT-MG4", "HT-PO02"], 24),
    (6071, "bottega", "Ordini", "Bottega Casa Nostra", "ordini@bottega-casanostra.example", "+390461555071", "Via Belenzani 20", "Trento", "38122", "IT",
     ("Martina", "Pichler", "Via dei Portici 33", "Bolzano", "39100", "IT"), ["HT-TP08"], 25),
    (6072, "bottega", "Ordini", "Bottega Casa Nostra", "ordini@bottega-casanostra.example", "+390461555071", "Via Belenzani 20", "Trento", "38122", "IT",
     ("Roberto", "Sala", "Via Manci 4", "Rovereto", "38068", "IT"), ["HT-MG4", "HT-MG4"], 26),
    (6073, "silvia", "Silvia", "Bianco", "s.bianco@googlemail.com", "+39011555073", "Via Garibaldi 31", "Torino", "10122", "IT", None, ["HT-SK26"], 26),
    (6074, "elise", "Élise", "Dubois", "elise.dubois@laposte.example", "+33478555038", "41 rue Duguesclin", "Lyon", "69006", "FR", None, ["HT-MG4"], 26),
    (6068, "francesca", "Francesca", "Galli", "francesca.galli@posta.example", "+39055555068", "Via dei Serragli 9", "Firenze", "50124", "IT", None, ["HT-BB01"], 25),
    (6069, "hugo", "Hugo", "Lefèvre", "hugo.lefevre@orange-mail.example", "+33320555069", "22 rue de Gand", "Lille", "59000", "FR", None, ["HT-CK17"], 25),
    (6070, "amelie", "Amélie", "Fontaine", "amelie.fontaine@laposte.example", "+33556555070", "3 rue Sainte-Catherine", "Bordeaux", "33000", "FR", None, ["HT-HK02"], 25),
]
BG_NAMES = [("Mark", "Ellison", "GB", "Bath", "BA1 5LL"), ("Sinead", "Quinn", "IE", "Cork", "T12 X9P4"), ("Greta", "Hansen", "DE", "Kiel", "24103"),
            ("Paul", "Schäfer", "DE", "Bonn", "53111"), ("Margot", "Lambert", "FR", "Rennes", "35000"), ("Yann", "Le Goff", "FR", "Brest", "29200"),
            ("Sofia", "Colombo", "IT", "Verona", "37121"), ("Davide", "Fontana", "IT", "Padova", "35122"), ("Irene", "Castro", "ES", "Zaragoza", "50001"),
            ("Álvaro", "Molina", "ES", "Granada", "18009"), ("Urs", "Amrein", "CH", "Luzern", "6003"), ("Kees", "de Vries", "NL", "Utrecht", "3511 AB"),
            ("Lotte", "Peeters", "BE", "Gent", "9000"), ("George", "Pryce", "GB", "Cardiff", "CF10 1EP"), ("Mireille", "Caron", "FR", "Nice", "06000"),
            ("Ugo", "Ferrara", "IT", "Bari", "70121"), ("Nuria", "Vidal", "ES", "Girona", "17001"), ("Felix", "Brenner", "AT", "Graz", "8010"),
            ("Chloe", "Barnes", "GB", "York", "YO1 7HH"), ("Henrik", "Lund", "DE", "Lübeck", "23552"), ("Agnese", "Sartori", "IT", "Trento", "38122"),
            ("Bruno", "Petit", "FR", "Dijon", "21000"), ("Carla", "Medina", "ES", "Málaga", "29005"), ("Oskar", "Vogel", "DE", "Erfurt", "99084"),
            ("Isla", "MacLeod", "GB", "Glasgow", "G12 8QQ"), ("Tobias", "Frei", "CH", "Zug", "6300")]
BG_STREETS = ["Mill Lane 3", "Hauptstraße 12", "rue Victor Hugo 4", "Via Roma 8", "Calle Mayor 10", "Station Road 21", "Lindenweg 5",
              "Kerkstraat 9"]


def build_orders():
    specials = {s[0]: s for s in SPECIAL}
    shop = {}
    orders = []
    bg = 0
    for num in range(6001, 6075):
        created = None
        if num in specials:
            (n, who, first, last, email, phone, a1, city, z, cc, ship, skus, day) = specials[num]
        else:
            first, last, cc, city, z = BG_NAMES[bg % len(BG_NAMES)]
            bg += 1
            who = "bg%d" % num
            email = "%s.%s@%s" % (first.lower().replace("á", "a").replace("ä", "ae").replace("ü", "ue").replace("é", "e"),
                                  last.lower().replace(" ", "").replace("ä", "ae").replace("ü", "ue"),
                                  {"GB": "fernmail.example", "IE": "fernmail.example", "DE": "webpost.example", "AT": "webpost.example",
                                   "CH": "webpost.example", "FR": "laposte.example", "BE": "laposte.example", "IT": "posta.example",
                                   "ES": "correo.example", "NL": "polder-mail.example"}[cc])
            phone = "+%d%09d" % ({"GB": 44, "IE": 353, "DE": 49, "AT": 43, "CH": 41, "FR": 33, "IT": 39, "ES": 34, "NL": 31, "BE": 32}[cc], rnd.randrange(10**8, 10**9))
            a1 = rnd.choice(BG_STREETS)
            ship = None
            skus = rnd.sample([p[0] for p in PRODUCTS], rnd.choice([1, 1, 2, 3]))
            day = 2 + (num - 6001) * 23 // 70
        shop["#%d" % num] = {"person": who, "email": email, "bzip": z}
        created_at = datetime(2026, 11, day, 8 + (num % 11), (num * 7) % 60, 0)
        oid = 6104310000000 + num * 137
        # one Shopify customer id a buyer, as Shopify gives (the sum of
        # the name's letters gave 14 pairs of buyers one id: corrected
        # after the blind score)
        cid = 7801200000000 + int(hashlib.sha256(who.encode()).hexdigest()[:9], 16) % 999999
        bill = {"first_name": first, "last_name": last, "name": "%s %s" % (first, last), "address1": a1, "city": city,
                "zip": z, "country": CC[cc], "country_code": cc, "phone": phone}
        if ship:
            sf, sl, sa, sc_, sz, scc = ship
            shipa = {"first_name": sf, "last_name": sl, "name": "%s %s" % (sf, sl), "address1": sa, "city": sc_,
                     "zip": sz, "country": CC[scc], "country_code": scc, "phone": None}
        else:
            shipa = dict(bill)
        items, total = [], 0.0
        for i, sku in enumerate(skus):
            p = PROD[sku]
            items.append({"id": oid * 10 + i, "sku": sku, "title": p[1], "name": p[1], "quantity": 1,
                          "price": p[2], "product_id": 8800000000 + PRODUCTS.index(p), "vendor": "Hollin & Thyme"})
            total += float(p[2])
        fulfilled = num <= 6063 or num in (6066, 6071, 6073)
        ful = []
        if fulfilled:
            if cc in ("DE", "AT"):
                comp, tn = "DHL", "00340434%010d" % (oid % 10**10)
                url = "https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=" + tn
            elif cc in ("GB", "IE"):
                comp, tn = "Royal Mail", "RM%09dGB" % (oid % 10**9)
                url = "https://www.royalmail.com/track-your-item#/tracking-results/" + tn
            elif cc == "FR":
                comp, tn = "Colissimo", "6A%011d" % (oid % 10**11)
                url = "https://www.laposte.fr/outils/suivre-vos-envois?code=" + tn
            else:
                comp, tn = "UPS", "1Z8F4A71%010d" % (oid % 10**10)
                url = "https://www.ups.com/track?tracknum=" + tn
            st = ["delivered", "in_transit", "delivered", "out_for_delivery", "in_transit"][num % 5]
            ful.append({"id": 5500000000 + num, "order_id": oid, "name": "#%d.1" % num, "status": "success",
                        "shipment_status": st, "tracking_company": comp, "tracking_number": tn,
                        "tracking_numbers": [tn], "tracking_url": url, "tracking_urls": [url],
                        "created_at": (created_at + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%S+00:00"),
                        "updated_at": (created_at + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M:%S+00:00")})
        o = {"id": oid, "name": "#%d" % num, "number": num, "order_number": num,
             "email": email, "contact_email": email, "phone": phone,
             "created_at": created_at.strftime("%Y-%m-%dT%H:%M:%S+01:00"),
             "updated_at": (created_at + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M:%S+01:00"),
             "financial_status": "paid", "fulfillment_status": "fulfilled" if fulfilled else None,
             "currency": "EUR", "total_price": "%.2f" % total, "subtotal_price": "%.2f" % total,
             "customer": {"id": cid, "email": email, "phone": phone, "first_name": first, "last_name": last},
             "billing_address": bill, "shipping_address": shipa, "line_items": items, "fulfillments": ful}
        orders.append(o)
    return orders, shop

EBAY = [
    ("14-12031-58847", "kuechenliebe_hh", "dirk", "Dirk Paulsen", "Grindelallee 140", "Hamburg", "20146", "DE", "HT-SK26", "EBAY_DE"),
    ("23-10877-40216", "potsandpans-uk", "gwen", "Gwen Morgan", "11 Heol y Llan", "Swansea", "SA1 6AB", "GB", "HT-CK17", "EBAY_GB"),
    ("09-44120-77103", "cucina.viva", "elena", "Elena Moretti", "Via Tiburtina 211", "Roma", "00185", "IT", "HT-FP28", "EBAY_IT"),
    ("12-60245-31988", "maison_et_jardin75", "remi", "Rémi Aubert", "9 rue Oberkampf", "Paris", "75011", "FR", "HT-BB01", "EBAY_FR"),
]

def build_ebay():
    out = []
    for i, (oid, user, who, full, a1, city, z, cc, sku, mk) in enumerate(EBAY):
        p = PROD[sku]
        d = datetime(2026, 11, 12 + i * 3, 10 + i, 15, 3)
        out.append({
            "orderId": oid, "legacyOrderId": "%d-%d" % (1846500000 + i * 3301, 2900000000 + i * 77),
            "creationDate": d.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
            "lastModifiedDate": (d + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
            "orderFulfillmentStatus": "FULFILLED", "orderPaymentStatus": "PAID", "sellerId": "hollin_thyme",
            "buyer": {"username": user, "taxAddress": {"city": city, "postalCode": z, "countryCode": cc},
                      "buyerRegistrationAddress": {"fullName": full, "contactAddress": {"addressLine1": a1, "city": city, "postalCode": z, "countryCode": cc},
                                                   "email": "%s@members.ebay.com" % ("%020x" % (0x5a3f11c0de0000 + i * 7919))}},
            "pricingSummary": {"priceSubtotal": {"value": p[2], "currency": "EUR" if cc != "GB" else "GBP"},
                               "deliveryCost": {"value": "4.90", "currency": "EUR" if cc != "GB" else "GBP"},
                               "total": {"value": "%.2f" % (float(p[2]) + 4.9), "currency": "EUR" if cc != "GB" else "GBP"}},
            "cancelStatus": {"cancelState": "NONE_REQUESTED", "cancelRequests": []},
            "paymentSummary": {"payments": [{"paymentMethod": "EBAY", "paymentStatus": "PAID"}], "refunds": []},
            "fulfillmentStartInstructions": [{"fulfillmentInstructionsType": "SHIP_TO", "shippingStep": {
                "shipTo": {"fullName": full, "contactAddress": {"addressLine1": a1, "city": city, "postalCode": z, "countryCode": cc},
                           "primaryPhone": {"phoneNumber": "0%d" % (170000000 + i * 123457)}},
                "shippingCarrierCode": "DHL" if cc == "DE" else "ROYAL_MAIL" if cc == "GB" else "POSTE_ITALIANE" if cc == "IT" else "COLISSIMO",
                "shippingServiceCode": "Standard"}}],
            "fulfillmentHrefs": ["https://api.ebay.com/sell/fulfillment/v1/order/%s/shipping_fulfillment/%d" % (oid, 910000 + i)],
            "lineItems": [{"lineItemId": "%d" % (10050000000 + i * 17), "legacyItemId": "%d" % (335100000000 + i * 31), "sku": sku,
                           "title": p[1], "quantity": 1, "lineItemCost": {"value": p[2], "currency": "EUR" if cc != "GB" else "GBP"},
                           "lineItemFulfillmentStatus": "FULFILLED"}],
            "salesRecordReference": "%d" % (7100 + i)})
    return {"href": "https://api.ebay.com/sell/fulfillment/v1/order?limit=50&offset=0", "total": len(out),
            "limit": 50, "offset": 0, "next": None, "prev": None, "orders": out}, \
        {e[0]: {"person": e[2], "user": e[1]} for e in EBAY}

AMAZON = {
    "302-5518274-9920131": {"person": "ulrike", "alias": "k3v8p2mq9tz4xbn@marketplace.amazon.de"},
    "171-4402981-3357720": {"person": "benoit", "alias": "q7w2e9r4t1y6u3i@marketplace.amazon.fr"},
    "171-9981234-5566778": {"person": "benoit", "alias": "q7w2e9r4t1y6u3i@marketplace.amazon.fr"},
    "204-7730158-2209416": {"person": "james", "alias": "z1x8c3v7b5n2m9a@marketplace.amazon.co.uk"},
    "403-6120975-8841302": {"person": "francesca", "alias": "h4j6k2l9p3o8i1u@marketplace.amazon.it"},
    "406-2259013-7734150": {"person": "ramon", "alias": "d5f8g1h4j7k2l6m@marketplace.amazon.es"},
}

# ------------------------------------------------------------------ channels
def mail(addr, name=None, thread=None, subject=None, mode="new", root=None):
    return {"kind": "mail", "addr": addr, "name": name, "thread": thread, "subject": subject, "mode": mode, "root": root}
def ig(sid, name=None):
    return {"kind": "instagram", "sid": sid, "name": name}
def fb(sid, name=None):
    return {"kind": "facebook", "sid": sid, "name": name}
def amz(order, name, subject):
    return {"kind": "amazon", "addr": AMAZON[order]["alias"], "name": name or None,
            "order": order, "subject": subject}
def eb(conv, user, subject=None):
    return {"kind": "ebay", "conv": conv, "user": user, "subject": subject, "msgbase": 2290000000}

MSGS = []
def M(when, who, conv, lang, ch, text, cases, note=""):
    MSGS.append({"at": T(when), "who": who, "conv": conv, "lang": lang, "ch": ch, "text": text, "cases": cases, "note": note})

from scenarios import add_all  # noqa: E402
from scenarios2 import add_more, add_late  # noqa: E402

def main():
    orders, shop = build_orders()
    ebay_page, ebay_map = build_ebay()
    add_all(M, mail, ig, fb, amz, eb)
    add_more(M, mail, ig, fb, amz, eb)
    add_late(M, mail, ig, fb, amz, eb)
    msgs = sorted(MSGS, key=lambda m: m["at"])
    b = Builder(shop, AMAZON, ebay_map)
    for m in msgs:
        b.record(m)
    with open(os.path.join(HERE, "orders.json"), "w") as f:
        json.dump({"orders": orders}, f, ensure_ascii=False, indent=1)
        f.write("\n")
    with open(os.path.join(HERE, "ebay-orders.json"), "w") as f:
        json.dump(ebay_page, f, ensure_ascii=False, indent=1)
        f.write("\n")
    with open(os.path.join(HERE, "records.ndjson"), "w") as f:
        for r in b.records:
            f.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")
    with open(os.path.join(HERE, "truth.ndjson"), "w") as f:
        for t in b.truth:
            f.write(json.dumps(t, ensure_ascii=False, separators=(",", ":")) + "\n")
    print("records", len(b.records), "persons", len(b.persons), "conversations", len(b.convs))

if __name__ == "__main__":
    main()
