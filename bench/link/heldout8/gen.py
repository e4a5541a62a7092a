#!/usr/bin/env python3
"""Writes the heldout8 set deterministically: orders.json, ebay-orders.json,
records.ndjson, truth.ndjson.  Shop: Nordkamm Outdoor (sporting goods), store "acme".
Run: python3 gen.py   (from this directory)"""
import json, os, sys
from collections import OrderedDict
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_lib import *

OUT = os.path.dirname(os.path.abspath(__file__))

# ------------------------------------------------------------------ buyers
# key: (first, last, email, phone, cc, city, zip, address1)
B = OrderedDict()
def buyer(key, first, last, email, phone, cc, city, zipc, addr1, company=None):
    B[key] = dict(first=first, last=last, email=email, phone=phone, cc=cc, city=city,
                  zip=zipc, addr1=addr1, company=company)

buyer("lena", "Lena", "Hoffmann", "lena.hoffmann@gmail.com", "+4915112873340", "DE", "Berlin", "10437", "Kastanienallee 41")
buyer("tobias", "Tobias", "Krämer", "t.kraemer@posteo.example", "+4917620418833", "DE", "München", "81667", "Wörthstraße 12")
buyer("claire", "Claire", "Dubois", "claire.dubois@orange.example", "+33612457809", "FR", "Lyon", "69003", "18 rue Paul Bert")
buyer("marta", "Marta", "Ruiz", "marta.ruiz@correo.example", "+34622918374", "ES", "Valencia", "46005", "Calle de Cádiz 22, 3º")
buyer("giulia", "Giulia", "Bianchi", "giulia.bianchi@libero.example", "+393471208856", "IT", "Bologna", "40125", "Via Santo Stefano 64")
buyer("prana", "Mareike", "Jansen", "hello@studio-prana.example", "+4940889120", "DE", "Hamburg", "22765", "Bahrenfelder Straße 91", "Studio Prana Yoga")
buyer("baumann", "Ralf", "Baumann", "orders@kletterladen-baumann.example", "+49761401277", "DE", "Freiburg im Breisgau", "79098", "Kaiser-Joseph-Straße 210", "Kletterladen Baumann")
buyer("brandt", "Einkauf", "Brandt Logistik", "einkauf@brandt-logistik.example", "+494216098100", "DE", "Bremen", "28195", "Am Wall 140", "Brandt Logistik GmbH")
buyer("oliver", "Oliver", "Grant", "oliver.grant@mailbox.example", "+447700918245", "GB", "London", "SW11 4NJ", "27 Lavender Hill Mews")
buyer("sabine", "Sabine", "Weber", "sabine.weber@mailhaus.example", "+4917698120455", "DE", "Mainz", "55116", "Gaustraße 7")
buyer("frank", "Frank", "Weber", "frank.weber@mailhaus.example", "+4917698120455", "DE", "Mainz", "55116", "Gaustraße 7")
buyer("nadine", "Nadine", "Keller", "nadine.keller@alpenmail.example", "+41791234508", "CH", "Zürich", "8003", "Zurlindenstrasse 88")
buyer("pierre", "Pierre", "Lefèvre", "pierre.lefevre@wanadoo.example", "+33698214470", "FR", "Nantes", "44000", "5 quai de la Fosse")
buyer("hannah", "Hannah", "Schulz", "hannah.schulz@posteo.example", "+4915209913377", "DE", "Hannover", "30159", "Lister Meile 55")
buyer("diego", "Diego", "Fernández", "diego.fernandez@correo.example", "+34655102938", "ES", "Sevilla", "41001", "Calle Sierpes 48")
buyer("emily", "Emily", "Carter", "emily.carter@gmail.com", "+447911302716", "GB", "Bristol", "BS1 5TR", "14 Queen Square")
buyer("albrecht", "Jürgen", "Albrecht", "j.albrecht@albrecht-mail.example", "+496221587700", "DE", "Heidelberg", "69117", "Hauptstraße 133")
buyer("felix", "Felix", "Wagner", "felix.wagner@elbnet.example", "+4917144028816", "DE", "Dresden", "01067", "Ostra-Allee 9")
buyer("ines", "Ines", "Roth", "ines.roth@posteo.example", "+4915772301984", "DE", "Kassel", "34117", "Friedrich-Ebert-Straße 77")
buyer("grunwald", "Thomas", "Eder", "info@sv-gruenwald.example", "+49896410233", "DE", "Grünwald", "82031", "Sportplatzweg 3", "SV Grünwald e.V. Handball")
buyer("mathilde", "Mathilde", "Laurent", "mathilde.laurent@laposte.example", "+33677120984", "FR", "Lille", "59000", "42 rue de Béthune")
buyer("jonas", "Jonas", "Becker", "jonas.becker@gmail.com", "+4916090178823", "DE", "Münster", "48143", "Ludgeristraße 60")
buyer("lucia", "Lucía", "Moreno", "lucia.moreno@correo.example", "+34611874203", "ES", "Madrid", "28004", "Calle de Fuencarral 101")
buyer("elif", "Elif", "Demir", "elif.demir@mailhaus.example", "+4917220984561", "DE", "Essen", "45127", "Rüttenscheider Straße 150")
buyer("carla", "Carla", "Rossi", "carla.rossi@tin.example", "+390115620874", "IT", "Torino", "10121", "Via Roma 245")
buyer("antoine", "Antoine", "Girard", "antoine.girard@sfr.example", "+33645902318", "FR", "Bordeaux", "33000", "9 rue Sainte-Catherine")
buyer("sarah", "Sarah", "Collins", "sarah.collins@inbox.example", "+447700345612", "GB", "Manchester", "M4 1HQ", "Flat 6, 31 Thomas Street")
buyer("jose", "José", "Navarro", "jnavarro1951@correo.example", "+34958226104", "ES", "Granada", "18001", "Calle Elvira 17")
buyer("chiara", "Chiara", "Esposito", "chiara.esposito@libero.example", "+393338810247", "IT", "Napoli", "80121", "Via Chiaia 149")
buyer("mia", "Mia", "Schneider", "mia.schneider@web-post.example", "+4915122093318", "DE", "Köln", "50667", "Breite Straße 19")
buyer("luca", "Luca", "Romano", "luca.romano@fastmail.example", "+393402291856", "IT", "Milano", "20121", "Corso Garibaldi 73")
buyer("isabelle", "Isabelle", "Fontaine", "isabelle.fontaine@orange.example", "+33631870452", "FR", "Paris", "75011", "64 rue Oberkampf")
buyer("raul", "Raúl", "Jiménez", "raul.jimenez@correo.example", "+34699031472", "ES", "Zaragoza", "50001", "Calle Alfonso I 30")
buyer("katharina", "Katharina", "Vogel", "katharina.vogel@aon-post.example", "+436641830294", "AT", "Graz", "8010", "Sporgasse 21")
buyer("james", "James", "Whitfield", "j.whitfield@oxmail.example", "+447823019475", "GB", "Oxford", "OX1 2JD", "8 Turl Street")
buyer("priya", "Priya", "Nair", "priya.nair@inbox.example", "+447956280134", "GB", "Leicester", "LE1 5WW", "112 Granby Street")
buyer("marco", "Marco", "Rinaldi", "marco@posta-rinaldi.example", "+393356672910", "IT", "Verona", "37121", "Via Mazzini 12")
buyer("sophiel", "Sophie", "Lambert", "sophie.lambert@skynet.example", "+32478219043", "BE", "Liège", "4000", "Rue Saint-Gilles 58")
buyer("johanna", "Johanna", "Wolf", "johanna.wolf@jwolf.example", "+4917833092174", "DE", "Freiburg im Breisgau", "79102", "Günterstalstraße 4")
buyer("valentina", "Valentina", "Greco", "vale.greco@libero.example", "+393489014526", "IT", "Roma", "00184", "Via Cavour 188")
buyer("hugo", "Hugo", "Moreau", "hugo.moreau@free.example", "+33782015536", "FR", "Toulouse", "31000", "23 rue d'Alsace-Lorraine")
buyer("carmen", "Carmen", "Ortega", "carmen.ortega@correo.example", "+34688410927", "ES", "Bilbao", "48001", "Gran Vía 61")
buyer("daniel", "Daniel", "Price", "dan.price@valleymail.example", "+447712098834", "GB", "Cardiff", "CF10 1EP", "4 Womanby Street")
buyer("laura", "Laura", "Martínez", "laura.martinez.bcn@gmail.com", "+34644592018", "ES", "Barcelona", "08001", "Carrer de l'Hospital 90")
buyer("stefan", "Stefan", "Huber", "stefan.huber@tirolnet.example", "+436509021844", "AT", "Innsbruck", "6020", "Maria-Theresien-Straße 33")
buyer("eichenau", "Markus", "Lindner", "info@tsv-eichenau.example", "+49814180245", "DE", "Eichenau", "82223", "Am Sportpark 1", "TSV Eichenau Handball")
buyer("bernadette", "Bernadette", "Roux", "b.roux@laposte.example", "+33476219835", "FR", "Grenoble", "38000", "11 rue Félix Poulat")
buyer("federica", "Federica", "Conti", "federica.conti@tin.example", "+393294410783", "IT", "Firenze", "50122", "Borgo Pinti 36")
buyer("nils", "Nils", "Petersen", "nils.petersen@foerde.example", "+4915731098720", "DE", "Kiel", "24103", "Holstenstraße 82")
buyer("olivia", "Olivia", "Bennett", "olivia.bennett@inbox.example", "+447984113029", "GB", "York", "YO1 7HH", "19 Stonegate")
buyer("radhaus", "Dirk", "Kowalski", "orders@radhaus-bikes.example", "+49231556108", "DE", "Dortmund", "44135", "Kleppingstraße 20", "Radhaus Bikes")
buyer("julia", "Julia", "Krüger", "julia.krueger@havelpost.example", "+4917641092237", "DE", "Potsdam", "14467", "Brandenburger Straße 40")
buyer("alessandro", "Alessandro", "Ferri", "a.ferri@genovamail.example", "+393391850247", "IT", "Genova", "16121", "Via XX Settembre 140")
buyer("noemie", "Noémie", "Blanc", "noemie.blanc@free.example", "+33650982113", "FR", "Rennes", "35000", "7 rue Saint-Michel")
buyer("ben", "Ben", "Hartley", "ben.hartley@seaside.example", "+447700502281", "GB", "Brighton", "BN1 1AE", "55 Ship Street")
buyer("elena", "Elena", "Vidal", "elena.vidal@correo.example", "+34633018452", "ES", "Málaga", "29001", "Calle Larios 9")
buyer("max", "Max", "Lehmann", "max.lehmann@frankenpost.example", "+4915904412853", "DE", "Nürnberg", "90402", "Karolinenstraße 27")
buyer("sara", "Sara", "Colombo", "sara.colombo@libero.example", "+393479920315", "IT", "Bergamo", "24121", "Via Tasso 14")
buyer("camille", "Camille", "Perrin", "camille.perrin@orange.example", "+33614409287", "FR", "Dijon", "21000", "30 rue des Forges")
buyer("grace", "Grace", "O'Neill", "grace.oneill@mersey.example", "+447519230846", "GB", "Liverpool", "L1 8JQ", "3 Bold Street")
buyer("moritz", "Moritz", "Fischer", "moritz.fischer@rheinpost.example", "+4915140928871", "DE", "Bonn", "53111", "Sternstraße 44")
buyer("irene", "Irene", "Marino", "irene.marino@tin.example", "+393921045583", "IT", "Bari", "70121", "Via Sparano 77")
buyer("javier", "Javier", "Castillo", "javier.castillo@correo.example", "+34677203591", "ES", "Murcia", "30001", "Calle Trapería 5")
buyer("aylin", "Aylin", "Kaya", "aylin.kaya@mainpost.example", "+4916098301274", "DE", "Frankfurt am Main", "60311", "Berger Straße 12")
buyer("louis", "Louis", "Mercier", "louis.mercier@estmail.example", "+33688301945", "FR", "Strasbourg", "67000", "15 rue des Juifs")
buyer("rebecca", "Rebecca", "Stone", "rebecca.stone@inbox.example", "+447402918365", "GB", "Norwich", "NR1 3QU", "21 Elm Hill")
buyer("paolo", "Paolo", "Gatti", "paolo.gatti@venetomail.example", "+393387710294", "IT", "Padova", "35121", "Via San Francesco 51")
buyer("clara", "Clara", "Domínguez", "clara.dominguez@correo.example", "+34699820146", "ES", "Salamanca", "37001", "Rúa Mayor 26")
buyer("florian", "Florian", "Maier", "florian.maier@donaupost.example", "+4917190382264", "DE", "Regensburg", "93047", "Gesandtenstraße 8")

# ------------------------------------------------------------------ catalogue
P = {
    "shoe": ("NK-TR-420", "Trailrunner Kamm 420", "129.90"),
    "chalk": ("NK-CB-11", "Chalkbag Granit", "24.90"),
    "goggle": ("NK-SG-07", "Skibrille Firn Photochrom", "89.00"),
    "mat": ("NK-YM-04", "Yogamatte Kork 4 mm", "59.00"),
    "poles": ("NK-TP-2", "Trekkingstöcke Carbon (Paar)", "99.00"),
    "light": ("NK-BL-300", "Fahrradlicht-Set 300 lm", "44.50"),
    "swim": ("NK-SW-1", "Schwimmbrille Klar", "19.90"),
    "biner": ("NK-KB-HMS", "HMS-Karabiner Screwgate", "14.90"),
    "jacket": ("NK-JK-3L", "Hardshelljacke Grat 3L", "249.00"),
    "ball": ("NK-HB-3", "Handball Match Größe 3", "32.00"),
    "pack": ("NK-RP-28", "Rucksack Gipfel 28 L", "119.00"),
    "bottle": ("NK-TB-75", "Thermoflasche 0,75 l", "29.90"),
    "helmet": ("NK-BH-M", "Radhelm Pass M", "79.00"),
    "rope": ("NK-SR-60", "Einfachseil 9,5 mm 60 m", "169.00"),
    "gloves": ("NK-GL-W", "Winterhandschuhe Loipe", "39.90"),
}
CARRIER = {"DE": ("DHL", "https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode="),
           "AT": ("Österreichische Post", "https://www.post.at/s/sendungssuche?snr="),
           "CH": ("DHL", "https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode="),
           "FR": ("Colissimo", "https://www.laposte.fr/outils/suivre-vos-envois?code="),
           "BE": ("bpost", "https://track.bpost.cloud/btr/web/#/search?itemCode="),
           "ES": ("Correos", "https://www.correos.es/es/es/herramientas/localizador/envios/detalle?tracking-number="),
           "IT": ("Poste Italiane", "https://www.poste.it/cerca/index.html#/risultati-spedizioni/"),
           "GB": ("Royal Mail", "https://www.royalmail.com/track-your-item#/tracking-results/")}
COUNTRY = {"DE": "Germany", "AT": "Austria", "CH": "Switzerland", "FR": "France", "BE": "Belgium",
           "ES": "Spain", "IT": "Italy", "GB": "United Kingdom"}
CUR = {"GB": "GBP", "CH": "CHF"}

# order number -> (buyer key, items, ship-to override or None, state)
O = OrderedDict()
def order(num, bkey, items, ship=None, state="delivered"):
    O[num] = dict(buyer=bkey, items=items, ship=ship, state=state)

def ship(first, last, addr1, city, zipc, cc):
    return dict(first=first, last=last, addr1=addr1, city=city, zip=zipc, cc=cc)

order(8001, "lena", [("shoe", 1)], state="in_transit")
order(8002, "tobias", [("poles", 1), ("bottle", 1)])
order(8003, "claire", [("mat", 1)], state="in_transit")
order(8004, "marta", [("shoe", 1), ("swim", 2)], state="in_transit")
order(8005, "giulia", [("goggle", 1)], state="in_transit")
order(8006, "prana", [("mat", 12)], state="delivered")
order(8007, "baumann", [("chalk", 2), ("biner", 4)], ship("Paul", "Meier", "Silberburgstraße 118", "Stuttgart", "70178", "DE"), "delivered")
order(8008, "baumann", [("rope", 1)], ship("Jana", "Voss", "Karl-Liebknecht-Straße 34", "Leipzig", "04107", "DE"), "in_transit")
order(8009, "baumann", [("helmet", 1)], ship("Emre", "Yilmaz", "Venloer Straße 301", "Köln", "50823", "DE"), "unfulfilled")
order(8010, "brandt", [("jacket", 8), ("gloves", 8)], state="partial")
order(8011, "oliver", [("pack", 1)], ship("Emma", "Grant", "6 Headingley Lane", "Leeds", "LS6 2AB", "GB"), "delivered")
order(8012, "sabine", [("shoe", 1)], state="in_transit")
order(8013, "frank", [("light", 1)], state="delivered")
order(8014, "nadine", [("goggle", 1), ("gloves", 1)], state="in_transit")
order(8015, "pierre", [("poles", 1)], state="in_transit")
order(8016, "hannah", [("pack", 1)], state="in_transit")
order(8017, "diego", [("shoe", 1)], state="in_transit")
order(8018, "emily", [("swim", 1), ("bottle", 1)], state="delivered")
order(8019, "albrecht", [("poles", 1), ("gloves", 1)], state="in_transit")
order(8020, "felix", [("jacket", 1)], state="in_transit")
order(8021, "ines", [("bottle", 2)], state="in_transit")
order(8022, "grunwald", [("ball", 20)], state="in_transit")
order(8023, "mathilde", [("mat", 1)], state="in_transit")
order(8024, "jonas", [("helmet", 1)], state="in_transit")
order(8025, "lucia", [("shoe", 1)], state="in_transit")
order(8026, "elif", [("light", 1)], state="in_transit")
order(8027, "carla", [("poles", 1)], state="in_transit")
order(8028, "antoine", [("pack", 1)], state="delivered")
order(8029, "sarah", [("goggle", 1)], state="in_transit")
order(8030, "tobias", [("gloves", 1), ("goggle", 1)], state="in_transit")
order(8031, "jose", [("poles", 1)], ship("José", "Navarro", "Calle Elvira 17", "Granada", "18001", "ES"), "in_transit")
order(8032, "chiara", [("swim", 2)], state="delivered")
order(8033, "mia", [("shoe", 1)], state="delivered")
order(8034, "luca", [("jacket", 1)], state="in_transit")
order(8035, "isabelle", [("mat", 1), ("bottle", 1)], state="in_transit")
order(8036, "raul", [("helmet", 1)], state="delivered")
order(8037, "katharina", [("poles", 1)], state="in_transit")
order(8038, "james", [("rope", 1)], state="delivered")
order(8039, "priya", [("shoe", 1)], state="in_transit")
order(8040, "marco", [("pack", 1)], state="in_transit")
order(8041, "sophiel", [("chalk", 1)], state="delivered")
order(8042, "johanna", [("jacket", 1)], state="in_transit")
order(8043, "valentina", [("mat", 1)], state="in_transit")
order(8044, "prana", [("bottle", 12)], state="unfulfilled")
order(8045, "hugo", [("shoe", 1)], state="in_transit")
order(8046, "carmen", [("gloves", 2)], state="delivered")
order(8047, "daniel", [("light", 1)], state="in_transit")
order(8048, "laura", [("swim", 1)], state="in_transit")
order(8049, "stefan", [("goggle", 1)], state="delivered")
order(8050, "eichenau", [("ball", 15)], state="in_transit")
order(8051, "bernadette", [("poles", 1)], state="in_transit")
order(8052, "federica", [("pack", 1)], state="delivered")
order(8053, "nils", [("jacket", 1)], state="in_transit")
order(8054, "olivia", [("shoe", 1)], state="in_transit")
order(8055, "radhaus", [("light", 10), ("helmet", 6)], state="partial")
order(8056, "emily", [("goggle", 1)], state="in_transit")
order(8057, "julia", [("mat", 1)], ship("Greta", "Krüger", "Lindenstraße 9", "Cottbus", "03046", "DE"), "in_transit")
order(8058, "alessandro", [("rope", 1)], state="in_transit")
order(8059, "noemie", [("bottle", 1)], state="delivered")
order(8060, "ben", [("shoe", 1)], state="in_transit")
order(8061, "elena", [("swim", 1)], state="in_transit")
order(8062, "max", [("helmet", 1)], state="in_transit")
order(8063, "sara", [("gloves", 1)], state="in_transit")
order(8064, "camille", [("mat", 1)], state="in_transit")
order(8065, "grace", [("pack", 1)], state="in_transit")
order(8066, "moritz", [("poles", 1)], state="in_transit")
order(8067, "irene", [("bottle", 1)], state="in_transit")
order(8068, "javier", [("light", 1)], state="in_transit")
order(8069, "aylin", [("jacket", 1)], state="in_transit")
order(8070, "louis", [("goggle", 1)], state="in_transit")
order(8071, "rebecca", [("chalk", 1)], state="in_transit")
order(8072, "paolo", [("shoe", 1)], state="unfulfilled")
order(8073, "lena", [("gloves", 1)], state="unfulfilled")
order(8074, "clara", [("mat", 1)], state="unfulfilled")
order(8075, "florian", [("pack", 1)], state="unfulfilled")


def order_created(num):
    # 2 Nov 2026 09:00 + 0.3 day per number, local +01:00
    base = datetime(2026, 11, 2, 8, 0, tzinfo=timezone.utc).timestamp()
    return base + (num - 8001) * 0.3 * 86400 + (num * 137 % 3600)


def fmt_local(t):
    return datetime.fromtimestamp(t + 3600, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S+01:00")


def build_orders():
    cust_ids, orders = {}, []
    for num, o in O.items():
        b = B[o["buyer"]]
        if o["buyer"] not in cust_ids:
            cust_ids[o["buyer"]] = 7741203000101 + len(cust_ids) * 7
        t = order_created(num)
        cc = b["cc"]
        cur = CUR.get(cc, "EUR")
        addr = OrderedDict([("first_name", b["first"]), ("last_name", b["last"]),
                            ("name", b["first"] + " " + b["last"]), ("company", b["company"]),
                            ("address1", b["addr1"]), ("address2", None), ("city", b["city"]),
                            ("zip", b["zip"]), ("province", None), ("country", COUNTRY[cc]),
                            ("country_code", cc), ("phone", b["phone"])])
        if o["ship"]:
            s = o["ship"]
            saddr = OrderedDict([("first_name", s["first"]), ("last_name", s["last"]),
                                 ("name", s["first"] + " " + s["last"]), ("company", None),
                                 ("address1", s["addr1"]), ("address2", None), ("city", s["city"]),
                                 ("zip", s["zip"]), ("province", None), ("country", COUNTRY[s["cc"]]),
                                 ("country_code", s["cc"]), ("phone", None)])
        else:
            saddr = OrderedDict(addr)
        oid = 6120448000000 + num * 13
        items, total = [], 0.0
        for i, (pk, q) in enumerate(o["items"]):
            sku, title, price = P[pk]
            total += float(price) * q
            items.append(OrderedDict([("id", 15800000000000 + num * 10 + i), ("name", title),
                                      ("title", title), ("variant_title", None), ("sku", sku),
                                      ("quantity", q), ("current_quantity", q),
                                      ("fulfillable_quantity", 0 if o["state"] in ("delivered", "in_transit") else q),
                                      ("price", price), ("product_id", 9100000000 + abs(hash_int(sku)) % 100000),
                                      ("vendor", "Nordkamm")]))
        shipping = 0.0 if total >= 100 else 4.90
        fulfs, fstat = [], None
        if o["state"] in ("delivered", "in_transit", "partial"):
            carrier, url = CARRIER[saddr["country_code"]]
            tn = tracking_no(carrier, num)
            ft = t + 86400 * 1.2
            fulfs.append(OrderedDict([("id", 5230000000000 + num), ("order_id", oid),
                                      ("name", "#%d.1" % num), ("status", "success"),
                                      ("shipment_status", "delivered" if o["state"] == "delivered" else "in_transit"),
                                      ("tracking_company", carrier), ("tracking_number", tn),
                                      ("tracking_numbers", [tn]), ("tracking_url", url + tn),
                                      ("tracking_urls", [url + tn]),
                                      ("created_at", fmt_local(ft)), ("updated_at", fmt_local(ft + 86400)),
                                      ("line_items", [{"id": items[0]["id"], "quantity": items[0]["quantity"]}]
                                       if o["state"] == "partial" else [{"id": it["id"], "quantity": it["quantity"]} for it in items])]))
            fstat = "partial" if o["state"] == "partial" else "fulfilled"
        cust = OrderedDict([("id", cust_ids[o["buyer"]]), ("email", b["email"]), ("phone", b["phone"]),
                            ("first_name", b["first"]), ("last_name", b["last"]),
                            ("state", "enabled"), ("currency", cur)])
        orders.append(OrderedDict([
            ("id", oid), ("name", "#%d" % num), ("number", num - 1000), ("order_number", num),
            ("confirmation_number", b64ish("conf%d" % num, 9).upper()),
            ("email", b["email"]), ("contact_email", b["email"]), ("phone", b["phone"]),
            ("created_at", fmt_local(t)), ("processed_at", fmt_local(t)),
            ("updated_at", fmt_local(t + 86400 * 2.5)),
            ("financial_status", "paid"), ("fulfillment_status", fstat),
            ("currency", cur), ("subtotal_price", "%.2f" % total),
            ("total_price", "%.2f" % (total + shipping)), ("total_tax", "%.2f" % (total * 0.19 / 1.19)),
            ("customer", cust), ("billing_address", addr), ("shipping_address", saddr),
            ("line_items", items), ("fulfillments", fulfs), ("refunds", [])]))
    return {"orders": orders}, cust_ids


def hash_int(s):
    return int(h(s, 8), 16)


def tracking_no(carrier, num):
    d = digits("trk%d" % num, 12)
    if carrier == "DHL":
        return "00340434" + digits("dhl%d" % num, 12)
    if carrier == "Royal Mail":
        return "RM%sGB" % digits("rm%d" % num, 9)
    if carrier == "Colissimo":
        return "6A%s" % digits("co%d" % num, 11)
    if carrier == "Correos":
        return "PQ4F6P%sX" % digits("cor%d" % num, 10)
    if carrier == "Poste Italiane":
        return "RR%sIT" % digits("pi%d" % num, 9)
    if carrier == "bpost":
        return "3232%s" % digits("bp%d" % num, 20)
    return "RB%sAT" % digits("at%d" % num, 9)


# ------------------------------------------------------------------ eBay
EBAY = [
    ("11-24071-33508", "bergfex_77", "Georg Stadler", "Bahnhofstraße 4", "Schladming", "8970", "AT", "goggle"),
    ("14-24088-51279", "sue.climbs", "Susan Reed", "12 Castle Road", "Sheffield", "S10 2TE", "GB", "rope"),
    ("19-24102-60714", "dolomiti-gianni", "Gianni Moser", "Via Rezia 19", "Ortisei", "39046", "IT", "poles"),
    ("23-24119-07462", "trailmaus", "Kerstin Lang", "Lindenweg 3", "Marburg", "35037", "DE", "shoe"),
]

def build_ebay():
    orders = []
    for i, (oid, user, full, a1, city, z, cc, pk) in enumerate(EBAY):
        sku, title, price = P[pk]
        cd = "2026-11-%02dT%02d:%02d:11.000Z" % (8 + i * 3, 10 + i, 12 + i)
        orders.append(OrderedDict([
            ("orderId", oid), ("legacyOrderId", oid), ("creationDate", cd),
            ("lastModifiedDate", cd.replace("T1", "T2")),
            ("orderFulfillmentStatus", "FULFILLED" if i != 2 else "NOT_STARTED"),
            ("orderPaymentStatus", "PAID"),
            ("sellerId", "nordkamm_outdoor"),
            ("buyer", OrderedDict([("username", user), ("taxAddress", {"postalCode": z, "countryCode": cc}),
                                   ("buyerRegistrationAddress", OrderedDict([
                                       ("fullName", full),
                                       ("contactAddress", {"addressLine1": a1, "city": city, "postalCode": z, "countryCode": cc}),
                                       ("primaryPhone", {"phoneNumber": "+49" + digits(user, 10) if cc == "DE" else "+44" + digits(user, 10)}),
                                       ("email", h(user, 20) + "@members.ebay.com")]))])),
            ("pricingSummary", {"priceSubtotal": {"value": price, "currency": "EUR"},
                                "deliveryCost": {"value": "5.90", "currency": "EUR"},
                                "total": {"value": "%.2f" % (float(price) + 5.90), "currency": "EUR"}}),
            ("cancelStatus", {"cancelState": "NONE_REQUESTED", "cancelRequests": []}),
            ("paymentSummary", {"payments": [{"paymentMethod": "EBAY", "paymentStatus": "PAID",
                                              "amount": {"value": "%.2f" % (float(price) + 5.90), "currency": "EUR"}}],
                                "refunds": [], "totalDueSeller": {"value": price, "currency": "EUR"}}),
            ("fulfillmentStartInstructions", [OrderedDict([
                ("fulfillmentInstructionsType", "SHIP_TO"), ("minEstimatedDeliveryDate", cd),
                ("maxEstimatedDeliveryDate", cd),
                ("shippingStep", OrderedDict([
                    ("shipTo", OrderedDict([("fullName", full),
                                            ("contactAddress", {"addressLine1": a1, "city": city, "postalCode": z, "countryCode": cc}),
                                            ("primaryPhone", {"phoneNumber": "+49" + digits(user, 10) if cc == "DE" else "+44" + digits(user, 10)}),
                                            ("email", h(user, 20) + "@members.ebay.com")])),
                    ("shippingCarrierCode", "DHL"), ("shippingServiceCode", "DE_DHLPaket")]))])]),
            ("fulfillmentHrefs", [] if i == 2 else ["https://api.ebay.com/sell/fulfillment/v1/order/%s/shipping_fulfillment/%s" % (oid, digits(oid, 12))]),
            ("lineItems", [OrderedDict([("lineItemId", digits(oid + "li", 11)), ("legacyItemId", digits(oid + "it", 12)),
                                        ("sku", sku), ("title", title), ("quantity", 1),
                                        ("lineItemCost", {"value": price, "currency": "EUR"}),
                                        ("total", {"value": price, "currency": "EUR"}),
                                        ("lineItemFulfillmentStatus", "FULFILLED" if i != 2 else "NOT_STARTED")])]),
        ]))
    return OrderedDict([("href", "https://api.ebay.com/sell/fulfillment/v1/order?limit=50&offset=0"),
                        ("total", len(orders)), ("limit", 50), ("offset", 0), ("orders", orders)])


# ------------------------------------------------------------------ messages
MS = []

def _m(kind, who, matter, lang, day, hh, mm, text, tags, note, **kw):
    d = dict(kind=kind, person=who, matter=matter, lang=lang, day=day, hh=hh, mm=mm,
             text=text, tags=list(tags), note=note)
    d.update(kw)
    MS.append(d)

def mail(who, matter, addr, name, subj, text, lang, day, hh, mm, tags=(), note="", th=None,
         to=None, lost=False):
    if to is None and "newsletter_reply" in tags:
        to = "NL"
    if to is None and "bcc_reply" in tags:
        to = "BCC"
    _m("mail", who, matter, lang, day, hh, mm, text, tags, note, addr=addr, name=name,
       subject=subj, th=th or ("T", who, matter, addr), to=to, lost=lost)

def ig(who, matter, sender, name, text, lang, day, hh, mm, tags=(), note=""):
    _m("meta", who, matter, lang, day, hh, mm, text, tags, note, channel="instagram",
       sender=sender, name=name)

def fb(who, matter, sender, name, text, lang, day, hh, mm, tags=(), note=""):
    _m("meta", who, matter, lang, day, hh, mm, text, tags, note, channel="facebook",
       sender=sender, name=name)

def amz(who, matter, alias, name, order_id, subj, text, lang, day, hh, mm, tags=(), note=""):
    _m("amazon", who, matter, lang, day, hh, mm, text, tags + ("amazon",), note, addr=alias,
       name=name, order=order_id, subject=subj, th=("A", alias, order_id))

def ebay(who, matter, user, conv_id, subj, text, lang, day, hh, mm, tags=(), note=""):
    _m("ebay", who, matter, lang, day, hh, mm, text, tags + ("ebay",), note, user=user,
       conv_id=conv_id, subject=subj)

import scenarios  # noqa: E402  (fills MS through the helpers above)
scenarios.run(sys.modules[__name__])

NL_MID = "nl-2026-11-30.7f3c91@news.nordkamm.example"
BCC_MID = "notice-dpd-2026-12-01.a61e04@nordkamm.example"


def finish():
    MS.sort(key=lambda m: (m["day"], m["hh"], m["mm"]))
    threads, counter = {}, 0
    for i, m in enumerate(MS):
        m["at"], m["epoch"] = iso(m["day"], m["hh"], m["mm"], (i * 7) % 60)
        if m["kind"] == "meta":
            lab = "meta%d%s" % (i, m["text"][:20])
            m["mid"] = ("aWdfZAG1faXRlbTox" + b64ish(lab, 40)) if m["channel"] == "instagram" \
                else "m_" + b64ish(lab, 22) + "-" + b64ish(lab + "x", 20)
        elif m["kind"] == "ebay":
            m["mid"] = digits("ebmsg%d" % i, 12)
        else:
            lab = "mail%d%s" % (i, m["addr"])
            if m["kind"] == "amazon":
                m["mid"] = "0102019%s-%s-%s-000000@eu-west-1.amazonses.com" % (
                    h(lab, 9), h(lab + "1", 8), h(lab + "2", 12))
            else:
                m["mid"] = message_id(lab, m["addr"])
            th = m["th"]
            if m.get("lost"):
                m["in_reply_to"], m["references"], m["thread_key"] = None, [], m["mid"]
            elif th in threads:
                counter += 1
                ans = "ans-%s@%s" % (h("ans%d" % counter, 16), SHOP_DOMAIN)
                refs = threads[th] + [ans]
                m["in_reply_to"], m["references"], m["thread_key"] = ans, refs, refs[0]
                threads[th] = refs + [m["mid"]]
            elif m.get("to"):
                root = NL_MID if m["to"] == "NL" else BCC_MID
                m["in_reply_to"], m["references"], m["thread_key"] = root, [root], root
                threads[th] = [root, m["mid"]]
            else:
                m["in_reply_to"], m["references"], m["thread_key"] = None, [], m["mid"]
                threads[th] = [m["mid"]]
        # a message about a shop order never predates it
        for k in candidates((m.get("subject") or "") + "\n" + m["text"]):
            if k.startswith("#") and k[1:].isdigit() and int(k[1:]) in O:
                ot = order_created(int(k[1:]))
                assert m["epoch"] > ot, (m["note"], k)


finish()
orders_doc, cust_ids = build_orders()
shop = {"#%d" % n: dict(email=B[o["buyer"]]["email"], zip=B[o["buyer"]]["zip"], person=o["buyer"])
        for n, o in O.items()}
ebay_doc = build_ebay()
ebay_buyers = {e[0]: e[1] for e in EBAY}
labels = truth(MS, shop, ebay_buyers)

with open(os.path.join(OUT, "orders.json"), "w") as f:
    json.dump(orders_doc, f, ensure_ascii=False, indent=1)
    f.write("\n")
with open(os.path.join(OUT, "ebay-orders.json"), "w") as f:
    json.dump(ebay_doc, f, ensure_ascii=False, indent=1)
    f.write("\n")
with open(os.path.join(OUT, "records.ndjson"), "w") as fr, \
        open(os.path.join(OUT, "truth.ndjson"), "w") as ft:
    for m, lab in zip(MS, labels):
        rec = build_record(m)
        fr.write(json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n")
        t = OrderedDict([("id", rec["id"])])
        t.update(lab)
        ft.write(json.dumps(t, ensure_ascii=False, separators=(",", ":")) + "\n")
print("records:", len(MS), "orders:", len(O), "ebay:", len(EBAY))
