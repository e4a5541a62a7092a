"""The shop's orders (Shopify, store "acme" = Acme Velo, cycling gear and
bike accessories) and the eBay orders.  Imported by gen.py."""
import datetime as dt
from gen_lib import h

# num: (person, first, last, email, address1, city, zip, country_code, phone, opts)
# opts: ship=(first,last,address1,city,zip,cc), company=..., cur=...
C = {"GB": "United Kingdom", "IE": "Ireland", "DE": "Germany", "AT": "Austria", "CH": "Switzerland",
     "FR": "France", "BE": "Belgium", "ES": "Spain", "IT": "Italy", "NL": "Netherlands"}
CUR = {"GB": "GBP", "CH": "CHF"}

ORDERS = {
 5001: ("x_ruth", "Ruth", "Abernethy", "ruth.abernethy@example.co.uk", "14 Hollis Road", "Sheffield", "S10 2HP", "GB", "+447700900311", {}),
 5002: ("de_sabine", "Sabine", "Krämer", "sabine.kraemer@example.de", "Hein-Hoyer-Straße 41", "Hamburg", "22767", "DE", "+4915110203040", {}),
 5003: ("en_olivia", "Olivia", "Hartley", "olivia.hartley@example.co.uk", "7 Cotham Hill", "Bristol", "BS1 4DJ", "GB", "+447700900457", {}),
 5004: ("fr_claire", "Claire", "Dubois-Martin", "claire.dubois@example.fr", "18 rue Paul Bert", "Lyon", "69003", "FR", "+33612457801", {}),
 5005: ("es_javier", "Javier", "Montero Ruiz", "j.montero@example.es", "Calle de Atocha 112", "Madrid", "28012", "ES", "+34612340987", {}),
 5006: ("it_giulia", "Giulia", "Rinaldi", "giulia.rinaldi@example.it", "Via Nizza 88", "Torino", "10126", "IT", "+393471122334", {}),
 5007: ("en_tom", "Tom", "Brennan", "tom.brennan@gmail.com", "22 Harold's Cross Road", "Dublin", "D6W K2P9", "IE", "+353871234560", {}),
 5008: ("de_lena", "Lena", "Fischer", "lena.fischer@gmail.com", "Karl-Heine-Straße 19", "Leipzig", "04229", "DE", "+4917623456781", {}),
 5009: ("es_carmen", "Carmen", "Ruiz García", "carmen.ruizgarcia@gmail.com", "Calle Feria 63", "Sevilla", "41003", "ES", "+34655123098", {}),
 5010: ("it_marco", "Marco", "Bellini", "marco.bellini@googlemail.com", "Via dei Tribunali 210", "Napoli", "80138", "IT", "+393331234987", {}),
 5011: ("en_priya", "Priya", "Raman", "priya.raman@example.com", "41 Wilmslow Road", "Manchester", "M14 5RT", "GB", "+447700900622", {}),
 5012: ("fr_ines", "Inès", "Haddad", "ines.haddad@example.fr", "9 rue Oberkampf", "Paris", "75011", "FR", "+33698112233", {}),
 5013: ("es_lucia", "Lucía", "Navarro", "lucia.navarro@example.es", "Carrer de Cuba 27", "Valencia", "46006", "ES", "+34622987123", {}),
 5014: ("en_kofi", "Kofi", "Osei", "k.osei@example.net", "3 Brudenell Grove", "Leeds", "LS6 1HR", "GB", "+447700900733", {}),
 5015: ("de_julia", "Julia", "Brandt", "julia.brandt@example.de", "Thalkirchner Straße 12", "München", "80337", "DE", "+4915209876543", {}),
 5016: ("de_jonas", "Jonas", "Albrecht", "jonas.albrecht@example.de", "Zülpicher Straße 220", "Köln", "50937", "DE", "+4915901122334", {}),
 5017: ("de_heike", "Heike", "Vogt", "heike.vogt@example.de", "Wiesentalstraße 8", "Freiburg", "79115", "DE", "+4917011223344",
        {"ship": ("Mia", "Vogt", "Stargarder Straße 61", "Berlin", "10437", "DE")}),
 5018: ("en_dan", "Daniel", "Whitaker", "dan.whitaker@example.com", "16 Bishopthorpe Road", "York", "YO23 1JJ", "GB", "+447700900844", {}),
 5019: ("de_klaus", "Klaus", "Reimann", "k.reimann@example.de", "Lister Meile 70", "Hannover", "30161", "DE", "+4917155566677", {}),
 5020: ("x_henrik", "Henrik", "Dahl", "henrik.dahl@example.nl", "Oudegracht 144", "Utrecht", "3511 AX", "NL", "+31612345670", {}),
 5021: ("en_grant", "Robert", "Grant", "r.grant@grant-partners.example", "1 Paul Street", "London", "EC2A 4NE", "GB", "+442079460321",
        {"company": "Grant & Partners LLP"}),
 5022: ("de_katrin", "Katrin", "Sommer", "katrin.sommer@example.de", "Rotebühlstraße 90", "Stuttgart", "70178", "DE", "+4915733344455", {}),
 5023: ("en_aisha", "Aisha", "Bello", "aisha.bello@example.com", "58 Cathedral Road", "Cardiff", "CF11 9LL", "GB", "+447700900955", {}),
 5024: ("fr_julien", "Julien", "Moreau", "julien.moreau@example.fr", "4 quai de Versailles", "Nantes", "44000", "FR", "+33677889900", {}),
 5025: ("en_margaret", "Margaret", "Doyle", "margaret.doyle@example.ie", "12 Sunday's Well Road", "Cork", "T23 R2X8", "IE", "+353861112223",
        {"ship": ("Chloe", "Doyle", "5 Nuns Island", "Galway", "H91 E2K3", "IE")}),
 5026: ("de_petra", "Petra", "Weber", "petra.weber@example.de", "Am Dobben 43", "Bremen", "28203", "DE", "+4915122223333", {}),
 5027: ("de_markus", "Markus", "Weber", "markus.weber@example.de", "Am Dobben 43", "Bremen", "28203", "DE", "+4915122223333", {}),
 5028: ("it_franca", "Franca", "Esposito", "franca.esposito@example.it", "Via Toledo 301", "Napoli", "80134", "IT", "+393389988776",
        {"ship": ("Luca", "Esposito", "Via Zamboni 33", "Bologna", "40126", "IT")}),
 5029: ("de_tobias", "Tobias", "Kern", "tobias.kern@example.de", "Alaunstraße 36", "Dresden", "01099", "DE", "+4916098765432", {}),
 5030: ("x_ingrid", "Ingrid", "Solberg", "ingrid.solberg@example.de", "Bergmannstraße 5", "Berlin", "10961", "DE", "+4915167788990", {}),
 5031: ("at_verena", "Verena", "Huber", "verena.huber@example.at", "Linzer Gasse 22", "Salzburg", "5020", "AT", "+436641234567", {"cur": "EUR"}),
 5032: ("de_miriam", "Miriam", "Schulte", "m.schulte@example.de", "Hammer Straße 140", "Münster", "48153", "DE", "+4917622334455",
        {"ship": ("Miriam", "Schulte", "Hansastraße 9 (Schulte Metallbau GmbH)", "Osnabrück", "49074", "DE")}),
 5033: ("en_hannah", "Hannah", "Clarke", "hannah.clarke@example.co.uk", "2 Walcot Street", "Bath", "BA1 5BG", "GB", "+447700900166", {}),
 5034: ("de_uwe", "Uwe", "Pohl", "uwe.pohl@example.de", "Holtenauer Straße 88", "Kiel", "24105", "DE", "+4915144455566", {}),
 5035: ("en_ben", "Ben", "Okafor", "ben.okafor@example.com", "91 Great Western Road", "Glasgow", "G4 9AH", "GB", "+447700900277", {}),
 5036: ("x_chen", "Wei", "Chen", "wei.chen@example.com", "30 Mill Road", "Cambridge", "CB1 2AD", "GB", "+447700900388", {}),
 5037: ("x_anouk", "Anouk", "Peeters", "anouk.peeters@example.be", "Rue Haute 150", "Bruxelles", "1000", "BE", "+32470123456", {}),
 5038: ("fr_amelie", "Amélie", "Roux", "amelie.roux@example.fr", "27 cours de l'Argonne", "Bordeaux", "33000", "FR", "+33611223344", {}),
 5039: ("x_pieter", "Pieter", "de Vries", "pieter.devries@example.nl", "Witte de Withstraat 40", "Rotterdam", "3012 BR", "NL", "+31687654321", {}),
 5040: ("es_pablo", "Pablo", "Ortega", "pablo.ortega@example.es", "Calle Ledesma 10", "Bilbao", "48001", "ES", "+34633445566", {}),
 5041: ("en_grace", "Grace", "Liu", "grace.liu@example.com", "11 Walton Street", "Oxford", "OX1 2HD", "GB", "+447700900499", {}),
 5042: ("x_ola", "Ola", "Nordin", "ola.nordin@example.com", "Grüner Weg 3", "Bonn", "53113", "DE", "+4915255566677", {}),
 5043: ("fr_sophie", "Sophie", "Lambert", "sophie.lambert@example.be", "Rue de Fer 12", "Namur", "5000", "BE", "+32478998877", {}),
 5044: ("en_brightwheel", "Brightwheel", "Cycles", "orders@brightwheel-cycles.example", "Unit 4, Canal Works", "Nottingham", "NG7 1FH", "GB", "+441159460112",
        {"company": "Brightwheel Cycles Ltd", "ship": ("Harvey", "Quinn", "8 Castle Boulevard", "Nottingham", "NG7 1FB", "GB")}),
 5045: ("en_brightwheel", "Brightwheel", "Cycles", "orders@brightwheel-cycles.example", "Unit 4, Canal Works", "Nottingham", "NG7 1FH", "GB", "+441159460112",
        {"company": "Brightwheel Cycles Ltd", "ship": ("Nadia", "Karim", "17 Mansfield Road", "Derby", "DE1 3QY", "GB")}),
 5046: ("it_chiara", "Chiara", "Lombardi", "chiara.lombardi@example.it", "Via del Pratello 14", "Bologna", "40122", "IT", "+393405566778", {}),
 5047: ("en_ben", "Ben", "Okafor", "ben.okafor@example.com", "91 Great Western Road", "Glasgow", "G4 9AH", "GB", "+447700900277", {}),
 5048: ("es_antonio", "Antonio", "Vidal", "antonio.vidal@example.es", "Calle Alfonso I 25", "Zaragoza", "50003", "ES", "+34976123456", {}),
 5049: ("it_stefano", "Stefano", "Greco", "stefano.greco@example.it", "Corso Vittorio Emanuele 54", "Bari", "70122", "IT", "+393298877665", {}),
 5050: ("en_northgate", "Purchasing", "Northgate", "purchasing@northgate-logistics.example", "Thorpe Park, Building 3", "Leeds", "LS15 8GB", "GB", "+441134960200",
        {"company": "Northgate Logistics Ltd"}),
 5051: ("de_radkontor", "Einkauf", "Rad-Kontor", "einkauf@rad-kontor.example", "Stresemannstraße 300", "Hamburg", "22761", "DE", "+49408899770",
        {"company": "Rad-Kontor GmbH"}),
 5052: ("it_ferri", "Alberto", "Ferri", "alberto.ferri@studio-ferri.example", "Corso di Porta Romana 61", "Milano", "20122", "IT", "+390258431190",
        {"company": "Studio Legale Ferri"}),
 5053: ("es_diego", "Diego", "Castillo", "diego.castillo@example.es", "Calle Elvira 44", "Granada", "18010", "ES", "+34644556677", {}),
 5054: ("fr_monique", "Monique", "Girard", "monique.girard@example.fr", "6 rue de Saint-Malo", "Rennes", "35000", "FR", "+33299887766", {}),
 5055: ("en_rachel", "Rachel", "Moss", "rachel.moss@example.co.uk", "23 Sydney Street", "Brighton", "BN1 4EN", "GB", "+447700900511", {}),
 5056: ("de_florian", "Florian", "Wolf", "florian.wolf@example.de", "Gartenfeldstraße 7", "Mainz", "55118", "DE", "+4917688899900", {}),
 5057: ("fr_lucas", "Lucas", "Petit", "lucas.petit@example.fr", "40 allées Jean Jaurès", "Toulouse", "31000", "FR", "+33645678912", {}),
 5058: ("es_pablo", "Pablo", "Ortega", "pablo.ortega@example.es", "Calle Ledesma 10", "Bilbao", "48001", "ES", "+34633445566", {}),
 5059: ("it_francesca", "Francesca", "Russo", "francesca.russo@example.it", "Via Mazzini 31", "Verona", "37121", "IT", "+393471239876", {}),
 5060: ("en_emily", "Emily", "Carter", "emily.carter@example.com", "9 Elm Hill", "Norwich", "NR3 1HN", "GB", "+447700900688", {}),
 5061: ("x_joost", "Joost", "Bakker", "joost.bakker@example.nl", "Vismarkt 9", "Groningen", "9711 KS", "NL", "+31611122233", {}),
 5062: ("es_levante", "Compras", "Ciclos Levante", "compras@ciclos-levante.example", "Avenida del Puerto 210", "Valencia", "46023", "ES", "+34963001122",
        {"company": "Ciclos Levante S.L."}),
 5063: ("x_odile", "Odile", "Marchand", "odile.marchand@example.fr", "3 place du Ralliement", "Angers", "49100", "FR", "+33612349876", {}),
 5064: ("it_davide", "Davide", "Marino", "davide.marino@example.it", "Via Altinate 120", "Padova", "35121", "IT", "+393356677889", {}),
 5065: ("de_nina", "Nina", "Hoffmann", "nina.hoffmann@example.de", "Maximilianstraße 31", "Augsburg", "86150", "DE", "+4915766677788", {}),
 5066: ("x_greta", "Greta", "Lind", "greta.lind@example.de", "Ostertorsteinweg 12", "Bremen", "28203", "DE", "+4916233344455", {}),
 5067: ("x_colm", "Colm", "Byrne", "colm.byrne@example.ie", "8 Dominick Street", "Galway", "H91 X2Y4", "IE", "+353879876543", {}),
 5068: ("en_sam", "Sam", "Turner", "sam.turner@example.com", "70 Kings Road", "Reading", "RG1 3AA", "GB", "+447700900744", {}),
 5069: ("en_sam", "Sam", "Turner", "sam.turner@example.com", "70 Kings Road", "Reading", "RG1 3AA", "GB", "+447700900744", {}),
 5070: ("fr_luc", "Luc", "Favre", "luc.favre@example.ch", "Avenue de Cour 15", "Lausanne", "1007", "CH", "+41791234567", {}),
 5071: ("x_maeve", "Maeve", "Kennedy", "maeve.kennedy@example.ie", "19 Main Street", "Kilkenny", "R95 TX42", "IE", "+353851234567", {}),
 5072: ("it_alessia", "Alessia", "Conte", "alessia.conte@gmail.com", "Via Garibaldi 9", "Genova", "16124", "IT", "+393661122445", {}),
 5073: ("x_rosa", "Rosa", "Blanco", "rosa.blanco@example.es", "Calle Mayor 5", "Salamanca", "37002", "ES", "+34611998877", {}),
 5074: ("es_nuria", "Núria", "Puig", "nuria.puig@example.es", "Carrer de Verdi 80", "Barcelona", "08012", "ES", "+34677001122", {}),
}

PRODUCTS = [
    ("AV-HLM-220", "Aero Commuter Helmet", "89.00"),
    ("AV-LGT-5042", "Beacon 500 Front Light", "54.90"),   # product code with 5042 in it
    ("AV-LGT-180", "Ember Rear Light", "24.90"),
    ("AV-JKT-310", "Stormline Rain Jacket", "129.00"),
    ("AV-GLV-045", "Thermo Winter Gloves", "34.50"),
    ("AV-LCK-770", "Fortress D-Lock", "64.00"),
    ("AV-BAG-120", "Pannier Pair 2x20L", "99.00"),
    ("AV-PMP-015", "Mini Floor Pump", "39.90"),
    ("AV-TUB-700", "Inner Tube 700x28 (2-pack)", "14.80"),
    ("AV-BTL-750", "Insulated Bottle 750 ml", "19.90"),
    ("AV-MUD-600", "Clip-on Mudguard Set", "44.00"),
    ("AV-TOOL-19", "19-in-1 Multitool", "29.90"),
]

CARRIERS = {"GB": ("Royal Mail", "https://www.royalmail.com/track-your-item#/tracking-results/"),
            "IE": ("An Post", "https://www.anpost.com/Post-Parcels/Track/History?item="),
            "DE": ("DHL", "https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode="),
            "AT": ("Österreichische Post", "https://www.post.at/s/sendungssuche?snr="),
            "CH": ("Swiss Post", "https://service.post.ch/ekp-web/ui/entry/search/"),
            "FR": ("Colissimo", "https://www.laposte.fr/outils/suivre-vos-envois?code="),
            "BE": ("bpost", "https://track.bpost.cloud/btr/web/#/search?itemCode="),
            "ES": ("Correos", "https://www.correos.es/es/es/herramientas/localizador/envios/detalle?tracking-number="),
            "IT": ("BRT", "https://vas.brt.it/vas/sped_det_show.hsm?Nspediz="),
            "NL": ("PostNL", "https://jouw.postnl.nl/track-and-trace/")}


def tracking_number(num, cc):
    d = str(int(h("trk%d" % num, 10), 16))
    d = (d * 3)[:14]
    if cc == "GB":
        return "AV" + d[:9] + "GB"
    if cc in ("DE", "AT"):
        return "0034" + d[:16].ljust(16, "7")
    if cc == "FR":
        return "6A" + d[:11]
    if cc == "IE":
        return "CE" + d[:9] + "IE"
    return "AVL" + d[:12]


def shopify_orders():
    out = []
    base = dt.datetime(2026, 11, 2, 8, 0, 0)
    for num in sorted(ORDERS):
        pid, first, last, email, a1, city, zz, cc, phone, opt = ORDERS[num]
        i = num - 5000
        created = base + dt.timedelta(hours=9 * i + (i * 37) % 7, minutes=(i * 13) % 60)
        oid = 6104000000000 + 7919 * i * 131
        cid = 8200100000000 + 104729 * (hash_int(pid) % 90000)
        bill = {"first_name": first, "last_name": last, "name": first + " " + last,
                "address1": a1, "city": city, "zip": zz, "country": C[cc], "country_code": cc,
                "phone": phone, "company": opt.get("company")}
        if "ship" in opt:
            sf, sl, sa, sc, sz, scc = opt["ship"]
            ship = {"first_name": sf, "last_name": sl, "name": sf + " " + sl, "address1": sa,
                    "city": sc, "zip": sz, "country": C[scc], "country_code": scc, "phone": None,
                    "company": None}
        else:
            ship = dict(bill)
        k = [PRODUCTS[(i * 5) % len(PRODUCTS)]]
        if i % 3 == 0:
            k.append(PRODUCTS[(i * 7 + 3) % len(PRODUCTS)])
        items = []
        total = 0.0
        for j, (sku, title, price) in enumerate(k):
            q = 1 + (i + j) % 2 if not opt.get("company") else 6 + (i % 5)
            items.append({"id": 15800000000000 + i * 10 + j, "sku": sku, "title": title, "name": title,
                          "quantity": q, "price": price, "product_id": 9100000000000 + PRODUCTS.index((sku, title, price)),
                          "fulfillment_status": None})
            total += q * float(price)
        total += 4.90
        cur = opt.get("cur") or CUR.get(cc, "EUR")
        fulfilled = i <= 66
        fulfs = []
        if fulfilled:
            carrier, url = CARRIERS[ship["country_code"]]
            tn = tracking_number(num, ship["country_code"])
            shipped = created + dt.timedelta(days=1, hours=3)
            st = ["in_transit", "delivered", "out_for_delivery", "in_transit", "failure", "delivered", "attempted_delivery"][i % 7]
            fulfs.append({"id": 5300000000000 + i, "order_id": oid, "name": "#%d.1" % num, "status": "success",
                          "shipment_status": st, "tracking_company": carrier, "tracking_number": tn,
                          "tracking_numbers": [tn], "tracking_url": url + tn, "tracking_urls": [url + tn],
                          "created_at": shipped.strftime("%Y-%m-%dT%H:%M:%S+00:00"),
                          "updated_at": (shipped + dt.timedelta(days=2)).strftime("%Y-%m-%dT%H:%M:%S+00:00"),
                          "line_items": [{"id": it["id"], "quantity": it["quantity"]} for it in items]})
            for it in items:
                it["fulfillment_status"] = "fulfilled"
        upd = created + dt.timedelta(days=3)
        out.append({
            "id": oid, "admin_graphql_api_id": "gid://shopify/Order/%d" % oid,
            "name": "#%d" % num, "number": num - 1000 if False else num, "order_number": num,
            "confirmation_number": h("conf%d" % num, 9).upper(),
            "email": email, "contact_email": email, "phone": phone,
            "created_at": created.strftime("%Y-%m-%dT%H:%M:%S+00:00"),
            "updated_at": upd.strftime("%Y-%m-%dT%H:%M:%S+00:00"),
            "processed_at": created.strftime("%Y-%m-%dT%H:%M:%S+00:00"),
            "financial_status": "paid" if i % 17 else "partially_refunded",
            "fulfillment_status": "fulfilled" if fulfilled else None,
            "total_price": "%.2f" % total, "subtotal_price": "%.2f" % (total - 4.90), "currency": cur,
            "customer": {"id": cid, "email": email, "phone": phone, "first_name": first, "last_name": last,
                         "state": "enabled"},
            "billing_address": bill, "shipping_address": ship,
            "line_items": items, "fulfillments": fulfs, "refunds": [],
        })
    return out


def hash_int(s):
    return int(h(s, 8), 16)


# eBay orders: id -> (person, username, fullName, address, city, zip, cc, item)
EBAY = {
    "17-13890-42217": ("de_kai", "velo_kai_84", "Kai Neumann", "Gneisenaustraße 14", "Berlin", "10961", "DE", 2),
    "04-12577-81930": ("en_jamie", "riverside.rides", "Jamie Ford", "27 Chapel Street", "Lancaster", "LA1 1NZ", "GB", 6),
    "22-10834-66712": ("it_gianni", "giannib_bici", "Gianni Bruno", "Via Roma 77", "Trento", "38122", "IT", 3),
    "09-11462-35508": ("es_ana", "pedalea_ana", "Ana Ferrer", "Calle Colón 18", "Valencia", "46004", "ES", 9),
}


def ebay_orders():
    orders = []
    for k, (oid, (pid, user, full, a1, city, zz, cc, pi)) in enumerate(sorted(EBAY.items())):
        sku, title, price = PRODUCTS[pi]
        created = dt.datetime(2026, 11, 9 + 3 * k, 10 + k, 14, 3)
        cur = "GBP" if cc == "GB" else "EUR"
        mp = {"DE": "EBAY_DE", "GB": "EBAY_GB", "IT": "EBAY_IT", "ES": "EBAY_ES"}[cc]
        relay = h("ebayrelay" + user, 20) + "@members.ebay.com"
        addr = {"addressLine1": a1, "city": city, "postalCode": zz, "countryCode": cc}
        orders.append({
            "orderId": oid, "legacyOrderId": oid,
            "creationDate": created.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
            "lastModifiedDate": (created + dt.timedelta(days=2)).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
            "orderFulfillmentStatus": "FULFILLED", "orderPaymentStatus": "PAID",
            "sellerId": "acme_velo",
            "buyer": {"username": user, "taxAddress": {"postalCode": zz, "countryCode": cc},
                      "buyerRegistrationAddress": {"fullName": full, "contactAddress": addr,
                                                   "primaryPhone": {"phoneNumber": "+00 000"}, "email": relay}},
            "pricingSummary": {"priceSubtotal": {"value": price, "currency": cur},
                               "deliveryCost": {"value": "4.90", "currency": cur},
                               "total": {"value": "%.2f" % (float(price) + 4.90), "currency": cur}},
            "cancelStatus": {"cancelState": "NONE_REQUESTED", "cancelRequests": []},
            "paymentSummary": {"payments": [{"paymentMethod": "EBAY", "paymentStatus": "PAID",
                                             "amount": {"value": "%.2f" % (float(price) + 4.90), "currency": cur}}],
                               "refunds": [], "totalDueSeller": {"value": "%.2f" % (float(price) + 0.5), "currency": cur}},
            "fulfillmentStartInstructions": [{"fulfillmentInstructionsType": "SHIP_TO",
                "minEstimatedDeliveryDate": (created + dt.timedelta(days=3)).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
                "maxEstimatedDeliveryDate": (created + dt.timedelta(days=6)).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
                "shippingStep": {"shipTo": {"fullName": full, "contactAddress": addr,
                                            "primaryPhone": {"phoneNumber": "+00 000"}, "email": relay},
                                 "shippingCarrierCode": "DHL" if cc == "DE" else "ROYAL_MAIL" if cc == "GB" else "BRT" if cc == "IT" else "CORREOS",
                                 "shippingServiceCode": "Standard"}}],
            "fulfillmentHrefs": ["https://api.ebay.com/sell/fulfillment/v1/order/%s/shipping_fulfillment/%s" % (oid, h("ful" + oid, 16).upper())],
            "lineItems": [{"lineItemId": str(10044000000000 + 37 * k), "legacyItemId": str(3961000000 + 11 * k), "sku": sku,
                           "title": title, "quantity": 1, "lineItemCost": {"value": price, "currency": cur},
                           "total": {"value": price, "currency": cur}, "lineItemFulfillmentStatus": "FULFILLED"}],
            "salesRecordReference": str(1800 + k),
            "listingMarketplaceId": mp, "purchaseMarketplaceId": mp,
        })
    return {"href": "https://api.ebay.com/sell/fulfillment/v1/order?limit=50&offset=0",
            "total": len(orders), "limit": 50, "offset": 0, "orders": orders}


# Amazon orders known only through the relay mail: id -> (person, alias, tld, first name)
AMAZON = {
    "202-8837461-2290315": ("en_hugh", "q7m3kd9x2plw4vt", "co.uk", "Hugh"),
    "302-6619304-7745128": ("de_birgit", "b4nx8w2kq9dm7rz", "de", "Birgit"),
    "302-1175530-9902846": ("de_birgit", "b4nx8w2kq9dm7rz", "de", "Birgit"),
    "405-2283917-6610452": ("fr_nathalie", "n2c8vj5tq1wx6kp", "fr", "Nathalie"),
    "403-7719265-3308147": ("it_roberto", "r9d2hm6pw3zk8sa", "it", "Roberto"),
    "406-5524183-1190736": ("es_elena", "e5tq1m8vz2kd7xw", "es", "Elena"),
}
