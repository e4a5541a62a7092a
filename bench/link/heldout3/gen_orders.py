# Orders of the invented shop "Lanterna Tea Co." (store "acme"), #3001-#3072.
import json

PRODUCTS = {
    "SEN-100": ("Sencha Kyoto", "100 g", "12.50", 120),
    "EGL-250": ("Earl Grey Lavanda", "250 g", "14.90", 270),
    "TET-08": ("Tetsubin Cast-Iron Teapot", "0.8 l", "64.00", 1900),
    "MAT-SET": ("Matcha Starter Set", "Bowl, whisk, scoop", "39.00", 800),
    "ROO-100": ("Rooibos Vanilla", "100 g", "8.90", 120),
    "GYO-50": ("Gyokuro Premium", "50 g", "24.00", 70),
    "ADV-24": ("Tea Advent Calendar", "24 doors", "34.00", 900),
    "CHA-200": ("Masala Chai Blend", "200 g", "11.50", 230),
    "GAI-SET": ("Porcelain Gaiwan Set", "4 cups", "45.00", 1200),
    "INF-MUG": ("Glass Infuser Mug", "350 ml", "18.00", 450),
}
COUNTRY = {"DE": "Germany", "AT": "Austria", "CH": "Switzerland", "IT": "Italy", "FR": "France",
           "BE": "Belgium", "ES": "Spain", "GB": "United Kingdom", "US": "United States"}
CUR = {"GB": "GBP", "US": "USD", "CH": "CHF"}
LOCALE = {"DE": "de-DE", "AT": "de-AT", "CH": "de-CH", "IT": "it-IT", "FR": "fr-FR", "BE": "fr-BE",
          "ES": "es-ES", "GB": "en-GB", "US": "en-US"}

# num: (customer key, first, last, email, phone, (address1, address2, city, zip, cc),
#       ship-to or None = billing: (first, last, address1, city, zip, cc),
#       created "MM-DD HH:MM" (UTC), [(sku, qty)], state F shipped / D delivered / U unfulfilled)
O = {
 3001: ("vosskamp", "Henrike", "Vosskamp", "henrike.vosskamp@example.de", "+494055501017", ("Große Bergstraße 118", "", "Hamburg", "22767", "DE"), None, "11-18 08:12", [("SEN-100", 2), ("INF-MUG", 1)], "F"),
 3002: ("brambilla", "Matteo", "Brambilla", "matteo.brambilla@example.it", "+390355550122", ("Via Pignolo 41", "", "Bergamo", "24121", "IT"), None, "11-18 10:40", [("TET-08", 1)], "F"),
 3003: ("garnier", "Élodie", "Garnier", "elodie.garnier@example.fr", "+33255550133", ("12 rue Crébillon", "", "Nantes", "44000", "FR"), None, "11-18 16:05", [("GAI-SET", 1), ("GYO-50", 1)], "D"),
 3004: ("ferrandiz", "Lucía", "Ferrándiz", "lucia.ferrandiz@example.es", "+34963555044", ("Calle de la Paz 17, 3º", "", "Valencia", "46002", "ES"), None, "11-19 09:30", [("CHA-200", 2), ("ROO-100", 2)], "F"),
 3005: ("pritchard", "Owen", "Pritchard", "owen.pritchard@example.co.uk", "+447700900505", ("27 Cardigan Road", "", "Leeds", "LS6 2AB", "GB"), ("Bethan", "Pritchard", "9 Womanby Street", "Cardiff", "CF10 1AA", "GB"), "11-19 13:22", [("ADV-24", 1)], "F"),
 3006: ("oberholzer", "Nadine", "Oberholzer", "nadine.oberholzer@example.ch", "+41315550606", ("Kramgasse 52", "", "Bern", "3011", "CH"), None, "11-19 15:48", [("MAT-SET", 1), ("SEN-100", 1)], "F"),
 3007: ("ferri", "Gianluca", "Ferri", "gianluca.ferri@example.it", "+390115550707", ("Corso Vittorio Emanuele II 90", "", "Torino", "10128", "IT"), None, "11-19 18:10", [("EGL-250", 2)], "D"),
 3008: ("martin_lyon", "Sophie", "Martin", "sophie.martin@example.fr", "+33478555008", ("40 cours Lafayette", "", "Lyon", "69003", "FR"), None, "11-20 07:55", [("GYO-50", 2)], "F"),
 3009: ("martin_bxl", "Sophie", "Martin", "sophie.martin.bxl@example.be", "+32165550909", ("Naamsesteenweg 210", "", "Heverlee", "3001", "BE"), None, "11-20 09:12", [("ADV-24", 2)], "U"),
 3010: ("brunnmatt", "Einkauf", "Teehaus Brunnmatt GmbH", "einkauf@teehaus-brunnmatt.example", "+41315551010", ("Brunnmattstrasse 15", "", "Bern", "3007", "CH"), ("Ruth", "Amstutz", "Bälliz 31", "Thun", "3600", "CH"), "11-20 11:02", [("TET-08", 1), ("SEN-100", 2)], "F"),
 3011: ("brunnmatt", "Einkauf", "Teehaus Brunnmatt GmbH", "einkauf@teehaus-brunnmatt.example", "+41315551010", ("Brunnmattstrasse 15", "", "Bern", "3007", "CH"), ("Beat", "Zürcher", "Enggisteinstrasse 4", "Worb", "3076", "CH"), "11-20 11:09", [("GAI-SET", 1)], "F"),
 3012: ("brunnmatt", "Einkauf", "Teehaus Brunnmatt GmbH", "einkauf@teehaus-brunnmatt.example", "+41315551010", ("Brunnmattstrasse 15", "", "Bern", "3007", "CH"), None, "11-20 11:20", [("EGL-250", 12), ("CHA-200", 12)], "U"),
 3013: ("bianchini", "Clara", "Bianchini", "clara.bianchini@gmail.com", "+390255501313", ("Viale Umbria 36", "", "Milano", "20135", "IT"), None, "11-20 14:33", [("MAT-SET", 1)], "F"),
 3014: ("okafor", "Daniel", "Okafor", "daniel.okafor@example.co.uk", "+447700900314", ("58 Bellenden Road", "", "London", "SE15 4QL", "GB"), None, "11-20 19:41", [("TET-08", 1)], "F"),
 3015: ("raman", "Priya", "Raman", "priya.raman@example.co.uk", "+447700900314", ("58 Bellenden Road", "", "London", "SE15 4QL", "GB"), None, "11-21 08:03", [("CHA-200", 3)], "U"),
 3016: ("dubois", "Mireille", "Dubois", "mireille.dubois@example.be", "+32165551616", ("Diestsesteenweg 88", "", "Kessel-Lo", "3010", "BE"), None, "11-21 10:17", [("GAI-SET", 1)], "F"),
 3017: ("montoya", "Javier", "Montoya", "javier.montoya@example.es", "+34954555017", ("Calle Feria 64", "", "Sevilla", "41001", "ES"), None, "11-21 12:44", [("SEN-100", 3)], "F"),
 3018: ("pichler", "Annalena", "Pichler", "annalena.pichler@example.at", "+432231555018", ("Wiener Straße 21", "", "Purkersdorf", "3002", "AT"), None, "11-21 15:09", [("ADV-24", 1), ("ROO-100", 1)], "D"),
 3019: ("gallo", "Roberto", "Gallo", "roberto.gallo@example.it", "+390105550191", ("Via XX Settembre 33", "", "Genova", "16121", "IT"), None, "11-21 17:26", [("TET-08", 2)], "F"),
 3020: ("ellery", "Margaret", "Ellery", "m.ellery@example.com", "+15125550120", ("1408 S 1st St", "", "Austin", "78704", "US"), None, "11-22 02:14", [("GYO-50", 1), ("INF-MUG", 2)], "U"),
 3021: ("hartung", "Felix", "Hartung", "felix.hartung@example.de", "+493415550211", ("Karl-Liebknecht-Straße 77", "", "Leipzig", "04275", "DE"), None, "11-22 09:51", [("CHA-200", 1), ("EGL-250", 1)], "F"),
 3022: ("lombardi", "Chiara", "Lombardi", "chiara.lombardi@example.it", "+390655502222", ("Via Merulana 140", "", "Roma", "00185", "IT"), ("Tommaso", "Lombardi", "Via Zamboni 25", "Bologna", "40126", "IT"), "11-22 11:30", [("INF-MUG", 1), ("SEN-100", 2)], "F"),
 3023: ("olmedo", "Beatriz", "Olmedo", "beatriz.olmedo@example.es", "+34915550230", ("Calle de Hortaleza 75", "", "Madrid", "28004", "ES"), None, "11-22 13:18", [("GAI-SET", 1)], "F"),
 3024: ("lefort", "Yannick", "Lefort", "yannick.lefort@example.fr", "+33299555024", ("5 rue de Saint-Malo", "", "Rennes", "35000", "FR"), None, "11-22 16:02", [("MAT-SET", 1)], "F"),
 3025: ("whitcombe", "Hannah", "Whitcombe", "hannah.whitcombe@example.co.uk", "+447700900625", ("14 Cotham Vale", "", "Bristol", "BS6 6HR", "GB"), None, "11-22 20:37", [("ADV-24", 1)], "F"),
 3026: ("rinaldi", "Stefano", "Rinaldi", "stefano.rinaldi@example.it", "+390555502626", ("Via Gioberti 19", "", "Firenze", "50121", "IT"), None, "11-23 08:45", [("TET-08", 1), ("GYO-50", 1)], "F"),
 3027: ("baumgartner", "Lena", "Baumgartner", "lena.baumgartner@example.ch", "+41315552727", ("Rain 9", "", "Ittigen", "3063", "CH"), None, "11-23 10:10", [("GAI-SET", 1), ("SEN-100", 1)], "F"),
 3028: ("engl", "Tobias", "Engl", "tobias.engl@example.at", "+4315552828", ("Neubaugasse 36", "", "Wien", "1070", "AT"), None, "11-23 12:21", [("EGL-250", 1), ("CHA-200", 1)], "F"),
 3029: ("kimber", "Rachel", "Kimber", "rachel.kimber@example.co.uk", "+447700900929", ("3 Unthank Road", "", "Norwich", "NR2 2PA", "GB"), None, "11-23 14:50", [("MAT-SET", 1)], "F"),
 3030: ("kroeger", "Sabine", "Kröger", "sabine.kroeger@example.de", "+492515553030", ("Wolbecker Straße 102", "", "Münster", "48155", "DE"), None, "11-23 17:15", [("ADV-24", 2)], "F"),
 3031: ("morel", "Camille", "Morel", "camille.morel@example.be", "+32165553131", ("Wijgmaalsesteenweg 12", "", "Herent", "3020", "BE"), None, "11-24 08:22", [("TET-08", 1)], "F"),
 3032: ("villalba", "Carmen", "Villalba", "carmen.villalba@example.es", "+34976555032", ("Paseo de Sagasta 28", "", "Zaragoza", "50006", "ES"), None, "11-24 10:35", [("ROO-100", 4)], "F"),
 3033: ("costa", "Isabella", "Costa", "isabella.costa@example.it", "+390455503333", ("Corso Porta Nuova 7", "", "Verona", "37122", "IT"), None, "11-24 12:00", [("GAI-SET", 1), ("EGL-250", 1)], "U"),
 3034: ("conti", "Federica", "Conti", "federica.conti@example.it", "+390495553434", ("Via Belzoni 50", "", "Padova", "35121", "IT"), None, "11-24 14:12", [("MAT-SET", 1)], "F"),
 3035: ("whitfield", "Graham", "Whitfield", "graham.whitfield@example.co.uk", "+447700903535", ("6 Gay Street", "", "Bath", "BA1 2PH", "GB"), None, "11-24 16:40", [("TET-08", 1), ("GYO-50", 2)], "F"),
 3036: ("haslinger", "Werner", "Haslinger", "werner.haslinger@example.at", "+432772555036", ("Hauptplatz 4", "", "Neulengbach", "3040", "AT"), None, "11-24 18:55", [("CHA-200", 2)], "F"),
 3037: ("lefebvre", "Manon", "Lefebvre", "manon.lefebvre@example.fr", "+33320555037", ("48 rue Gambetta", "", "Lille", "59000", "FR"), None, "11-25 07:48", [("ADV-24", 1)], "F"),
 3038: ("echeverria", "Pilar", "Echeverría", "pilar.echeverria@example.es", "+34944555038", ("Calle Ercilla 21", "", "Bilbao", "48009", "ES"), None, "11-25 09:16", [("GAI-SET", 1), ("ROO-100", 2)], "F"),
 3039: ("vitale", "Alessandra", "Vitale", "alessandra.vitale@example.it", "+390815553939", ("Via Toledo 256", "", "Napoli", "80134", "IT"), None, "11-25 11:28", [("EGL-250", 2)], "F"),
 3040: ("dunmore", "Craig", "Dunmore", "craig.dunmore@example.co.uk", "+447700904040", ("Brewery Wharf", "Unit 3061", "Leeds", "LS10 1JQ", "GB"), None, "11-25 13:03", [("TET-08", 1)], "F"),
 3041: ("ashdown", "Paul", "Ashdown", "paul.ashdown@example.co.uk", "+447700904141", ("112 Cowley Road", "", "Oxford", "OX4 1JE", "GB"), None, "11-25 15:37", [("SEN-100", 2), ("GYO-50", 1)], "F"),
 3042: ("wirth", "Jonas", "Wirth", "jonas.wirth@gmail.com", "+492215554242", ("Brüsseler Straße 33", "", "Köln", "50674", "DE"), None, "11-25 17:44", [("MAT-SET", 1)], "F"),
 3043: ("fabre", "Aurélien", "Fabre", "aurelien.fabre@example.fr", "+33561555043", ("9 rue des Filatiers", "", "Toulouse", "31000", "FR"), None, "11-25 19:20", [("CHA-200", 1), ("INF-MUG", 1)], "U"),
 3044: ("keller", "Martina", "Keller", "martina.keller@example.de", "+497615554444", ("Wilhelmstraße 18", "", "Freiburg im Breisgau", "79098", "DE"), None, "11-26 08:05", [("MAT-SET", 1)], "U"),
 3045: ("bassi", "Riccardo", "Bassi", "riccardo.bassi@example.it", "+390521554545", ("Strada della Repubblica 60", "", "Parma", "43121", "IT"), None, "11-26 09:40", [("MAT-SET", 2)], "U"),
 3046: ("hargreaves", "Emily", "Hargreaves", "emily.hargreaves@example.co.uk", "+447700904646", ("21 Bootham", "", "York", "YO30 7BW", "GB"), None, "11-26 11:11", [("MAT-SET", 1), ("GYO-50", 1)], "U"),
 3047: ("beltran", "Ana", "Beltrán", "ana.beltran@example.es", "+34958555047", ("Calle Elvira 80", "", "Granada", "18010", "ES"), None, "11-26 12:52", [("TET-08", 1)], "F"),
 3048: ("roche", "Vincent", "Roche", "vincent.roche@example.fr", "+33556555048", ("30 cours de l'Intendance", "", "Bordeaux", "33000", "FR"), None, "11-26 14:26", [("SEN-100", 1)], "F"),
 3049: ("petit", "Sandrine", "Petit", "sandrine.petit@example.be", "+32276555049", ("Brusselsesteenweg 5", "", "Tervuren", "3080", "BE"), None, "11-26 16:00", [("MAT-SET", 1)], "U"),
 3050: ("marini", "Giorgio", "Marini", "giorgio.marini@example.it", "+390805555050", ("Via Sparano 101", "", "Bari", "70121", "IT"), None, "11-26 18:18", [("GAI-SET", 1)], "F"),
 3051: ("halden", "Procurement", "Halden Architects Ltd", "procurement@halden-architects.example", "+442075555151", ("41 Great Sutton Street", "", "London", "EC1V 0DX", "GB"), None, "11-27 09:02", [("TET-08", 2), ("SEN-100", 6)], "F"),
 3052: ("halden", "Procurement", "Halden Architects Ltd", "procurement@halden-architects.example", "+442075555151", ("41 Great Sutton Street", "", "London", "EC1V 0DX", "GB"), None, "11-27 09:15", [("INF-MUG", 8)], "U"),
 3053: ("iglesias", "Rosa", "Iglesias", "rosa.iglesias@example.es", "+34981555053", ("Rúa Real 44", "", "A Coruña", "15003", "ES"), None, "11-27 11:37", [("ADV-24", 1)], "F"),
 3054: ("ahlgren", "Kerstin", "Ahlgren", "kerstin.ahlgren@example.de", "+494315555454", ("Holtenauer Straße 150", "", "Kiel", "24105", "DE"), None, "11-27 13:49", [("GAI-SET", 1)], "F"),
 3055: ("carpentier", "Louise", "Carpentier", "louise.carpentier@example.fr", "+33467555055", ("14 rue de l'Aiguillerie", "", "Montpellier", "34000", "FR"), None, "11-27 15:30", [("EGL-250", 1), ("MAT-SET", 1)], "F"),
 3056: ("fontana", "Nicola", "Fontana", "nicola.fontana@example.it", "+390461555056", ("Via Manci 18", "", "Trento", "38122", "IT"), None, "11-27 17:05", [("TET-08", 1)], "F"),
 3057: ("macleod", "Fiona", "MacLeod", "fiona.macleod@example.co.uk", "+447700905757", ("7 Shore Place", "", "Edinburgh", "EH6 6UU", "GB"), None, "11-27 19:58", [("ADV-24", 1), ("CHA-200", 1)], "F"),
 3058: ("albrecht", "Jürgen", "Albrecht", "juergen.albrecht@example.de", "+497115555858", ("Lange Straße 9", "", "Stuttgart", "70173", "DE"), None, "11-28 08:31", [("GYO-50", 3)], "F"),
 3059: ("paredes", "Sofía", "Paredes", "sofia.paredes@example.es", "+34952555059", ("Calle Granada 45", "", "Málaga", "29015", "ES"), None, "11-28 10:12", [("INF-MUG", 2)], "F"),
 3060: ("blanchard", "Étienne", "Blanchard", "etienne.blanchard@example.fr", "+33476555060", ("22 rue Saint-Laurent", "", "Grenoble", "38000", "FR"), None, "11-28 12:40", [("SEN-100", 1), ("ROO-100", 1)], "F"),
 3061: ("hofer", "Greta", "Hofer", "greta.hofer@example.at", "+432252556161", ("Pfarrgasse 3", "", "Baden", "2500", "AT"), None, "11-28 14:22", [("EGL-250", 1)], "F"),
 3062: ("keller", "Martina", "Keller", "martina.keller@example.de", "+497615554444", ("Wilhelmstraße 18", "", "Freiburg im Breisgau", "79098", "DE"), None, "11-28 16:48", [("ROO-100", 2)], "F"),
 3063: ("vosskamp", "Henrike", "Vosskamp", "henrike.vosskamp@example.de", "+494055501017", ("Große Bergstraße 118", "", "Hamburg", "22767", "DE"), None, "11-29 09:06", [("ADV-24", 1)], "U"),
 3064: ("brambilla", "Matteo", "Brambilla", "matteo.brambilla@example.it", "+390355550122", ("Via Pignolo 41", "", "Bergamo", "24121", "IT"), None, "11-29 11:19", [("GYO-50", 1)], "F"),
 3065: ("serra", "Giulio", "Serra", "giulio.serra@example.it", "+390705556565", ("Via Sonnino 88", "", "Cagliari", "09127", "IT"), None, "11-29 13:33", [("CHA-200", 2)], "F"),
 3066: ("jimenez", "Laura", "Jiménez", "laura.jimenez@example.es", "+34968555066", ("Gran Vía Escultor Salzillo 9", "", "Murcia", "30004", "ES"), None, "11-29 15:57", [("GAI-SET", 1)], "F"),
 3067: ("reid", "Thomas", "Reid", "thomas.reid@example.co.uk", "+447700906767", ("19 Byres Road", "", "Glasgow", "G11 5RD", "GB"), None, "11-29 18:21", [("TET-08", 1)], "F"),
 3068: ("fournier", "Brigitte", "Fournier", "brigitte.fournier@example.fr", "+33380555068", ("8 rue de la Liberté", "", "Dijon", "21000", "FR"), None, "11-30 08:44", [("ROO-100", 3)], "F"),
 3069: ("krause", "Sebastian", "Krause", "sebastian.krause@example.de", "+493515556969", ("Königsbrücker Straße 40", "", "Dresden", "01099", "DE"), None, "11-30 10:03", [("SEN-100", 1), ("EGL-250", 1)], "U"),
 3070: ("deluca", "Paola", "De Luca", "paola.deluca@example.it", "+390832557070", ("Via Palmieri 30", "", "Lecce", "73100", "IT"), None, "11-30 12:15", [("INF-MUG", 1)], "U"),
 3071: ("lombardi", "Chiara", "Lombardi", "chiara.lombardi@example.it", "+390655502222", ("Via Merulana 140", "", "Roma", "00185", "IT"), None, "11-30 14:27", [("EGL-250", 1)], "U"),
 3072: ("brunnmatt", "Einkauf", "Teehaus Brunnmatt GmbH", "einkauf@teehaus-brunnmatt.example", "+41315551010", ("Brunnmattstrasse 15", "", "Bern", "3007", "CH"), None, "11-30 16:02", [("ADV-24", 10)], "U"),
}
# deliberately absent shop numbers (typos, guesses, numbers that are no orders)
ABSENT = ["#3073", "#3074", "#3075", "#3076", "#3077", "#3078", "#3079", "#3080"]

CARRIER = {"DE": ("DHL", "https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode="),
           "AT": ("Austrian Post", "https://www.post.at/sv/sendungsdetails?snr="),
           "CH": ("Swiss Post", "https://service.post.ch/ekp-web/ui/entry/search/"),
           "IT": ("BRT", "https://vas.brt.it/vas/sped_det_show.hsm?referer=sped_numspe_par.htm&Nspediz="),
           "FR": ("Colissimo", "https://www.laposte.fr/outils/suivre-vos-envois?code="),
           "BE": ("bpost", "https://track.bpost.cloud/btr/web/#/search?itemCode="),
           "ES": ("Correos", "https://www.correos.es/es/es/herramientas/localizador/envios/detalle?tracking-number="),
           "GB": ("Royal Mail", "https://www.royalmail.com/track-your-item#/tracking-results/"),
           "US": ("USPS", "https://tools.usps.com/go/TrackConfirmAction?tLabels=")}

def iso(md, hm, off="+01:00"):
    return "2026-%s-%sT%s:00%s" % (md[:2], md[3:5], hm, off)

def build():
    orders = []
    cust_ids = {}
    for n in sorted(O, reverse=True):
        key, first, last, email, phone, bill, ship, created, items, state = O[n]
        if key not in cust_ids:
            cust_ids[key] = 7304118800000 + 137 * (len(cust_ids) + 1)
        cc = bill[4]
        md, hm = created.split()
        h, m = hm.split(":")
        hh = (int(h) + 1) % 24
        c_at = "2026-%s-%sT%02d:%s:00+01:00" % (md[:2], md[3:5], hh, m)
        u_at = "2026-%s-%sT%02d:%s:00+01:00" % (md[:2], md[3:5], min(hh + 2, 23), m) if state == "U" else \
               "2026-%s-%02dT%02d:%s:00+01:00" % (md[:2], int(md[3:5]) + 1 if int(md[3:5]) < 30 else 30, 14, m)
        bname = "%s %s" % (first, last)
        billing = {"first_name": first, "last_name": last, "name": bname, "company": last if key in ("brunnmatt", "halden") else None,
                   "address1": bill[0], "address2": bill[1], "city": bill[2], "province": None, "zip": bill[3],
                   "country": COUNTRY[cc], "country_code": cc, "phone": phone}
        if ship:
            sf, sl, sa, sc, sz, scc = ship
            shipping = {"first_name": sf, "last_name": sl, "name": "%s %s" % (sf, sl), "company": None,
                        "address1": sa, "address2": "", "city": sc, "province": None, "zip": sz,
                        "country": COUNTRY[scc], "country_code": scc, "phone": None if key == "brunnmatt" else phone}
        else:
            shipping = dict(billing)
        li = []
        sub = 0.0
        grams = 0
        for i, (sku, q) in enumerate(items):
            t, v, p, g = PRODUCTS[sku]
            sub += float(p) * q
            grams += g * q
            li.append({"id": 15230077000000 + n * 10 + i, "name": "%s - %s" % (t, v), "title": t, "variant_title": v,
                       "sku": sku, "quantity": q, "current_quantity": q, "price": p, "vendor": "Lanterna Tea Co.",
                       "requires_shipping": True, "grams": g, "fulfillment_status": None if state == "U" else "fulfilled",
                       "fulfillable_quantity": q if state == "U" else 0})
        shipcost = 0.0 if sub >= 60 else 4.90
        cur = CUR.get(cc, "EUR")
        fulf = []
        if state != "U":
            carrier, url = CARRIER[shipping["country_code"]]
            tn = "%s%09d%s" % ("JJD" if carrier == "DHL" else "LX", 410000000 + n * 7919 % 99999999, "DE" if carrier == "DHL" else "")
            if carrier in ("Royal Mail",):
                tn = "RM%09dGB" % (520000000 + n * 131)
            if carrier == "USPS":
                tn = "9400 1118 9922 %04d %04d %02d" % (n * 3 % 10000, n * 7 % 10000, n % 97)
            fulf.append({"id": 5120330000000 + n, "order_id": 6208840000000 + n * 17, "status": "success",
                         "created_at": u_at, "updated_at": u_at, "tracking_company": carrier,
                         "tracking_number": tn, "tracking_numbers": [tn], "tracking_url": url + tn.replace(" ", ""),
                         "tracking_urls": [url + tn.replace(" ", "")],
                         "shipment_status": "delivered" if state == "D" else "in_transit",
                         "line_items": [{"id": x["id"], "sku": x["sku"], "quantity": x["quantity"]} for x in li]})
        total = sub + shipcost
        o = {"id": 6208840000000 + n * 17, "admin_graphql_api_id": "gid://shopify/Order/%d" % (6208840000000 + n * 17),
             "name": "#%d" % n, "number": n - 1000, "order_number": n,
             "confirmation_number": "LT%05dQ" % (n * 37 % 100000),
             "email": email, "contact_email": email, "phone": phone,
             "created_at": c_at, "processed_at": c_at, "updated_at": u_at, "cancelled_at": None, "closed_at": None,
             "customer_locale": LOCALE[cc], "financial_status": "paid",
             "fulfillment_status": None if state == "U" else "fulfilled",
             "currency": cur, "presentment_currency": cur, "subtotal_price": "%.2f" % sub,
             "total_shipping_price_set": {"shop_money": {"amount": "%.2f" % shipcost, "currency_code": cur}},
             "total_price": "%.2f" % total, "total_tax": "%.2f" % (total - total / 1.19), "taxes_included": True,
             "total_weight": grams, "source_name": "web", "tags": "wholesale" if key == "brunnmatt" else "", "note": None,
             "billing_address": billing, "shipping_address": shipping,
             "customer": {"id": cust_ids[key], "email": email, "phone": phone, "first_name": first, "last_name": last,
                          "created_at": c_at, "updated_at": c_at, "state": "enabled", "verified_email": True, "tags": "",
                          "currency": cur, "admin_graphql_api_id": "gid://shopify/Customer/%d" % cust_ids[key]},
             "line_items": li, "fulfillments": fulf, "refunds": []}
        orders.append(o)
    return {"orders": orders}

EBAY = {
 "05-13902-77418": ("teefreund_gerd", "Gerd Hollmann", "Am Lindenhof 4", "Kassel", "34117", "DE", "11-24", "TET-08"),
 "17-14023-66051": ("la_tazza_77", "Ornella Riva", "Via Garibaldi 12", "Como", "22100", "IT", "11-25", "GAI-SET"),
 "22-14187-90532": ("bramblewick_uk", "Ian Bramley", "4 Mill Lane", "Keswick", "CA12 5AA", "GB", "11-26", "ADV-24"),
}

def build_ebay():
    out = []
    for oid, (user, name, addr, city, zp, cc, day, sku) in EBAY.items():
        t, v, p, g = PRODUCTS[sku]
        created = "2026-%sT10:12:33.000Z" % day
        out.append({"orderId": oid, "legacyOrderId": oid, "creationDate": created, "lastModifiedDate": created.replace("T10", "T16"),
                    "orderFulfillmentStatus": "FULFILLED", "orderPaymentStatus": "PAID", "sellerId": "lanterna_tea",
                    "buyer": {"username": user, "taxAddress": {"postalCode": zp, "countryCode": cc},
                              "buyerRegistrationAddress": {"fullName": name, "contactAddress": {"addressLine1": addr, "city": city, "postalCode": zp, "countryCode": cc},
                                                           "email": "%s@members.ebay.com" % ("%020x" % (abs(hash(user)) % (16 ** 20)))[:20] if False else "%s@members.ebay.com" % {"teefreund_gerd": "3f9a1c0e7b22d84e51a6", "la_tazza_77": "a07c5e19d3f24b6c88e0", "bramblewick_uk": "6d2b8f41e0c9a7153b94"}[user]}},
                    "pricingSummary": {"priceSubtotal": {"value": p, "currency": "GBP" if cc == "GB" else "EUR"},
                                       "deliveryCost": {"value": "4.90", "currency": "GBP" if cc == "GB" else "EUR"},
                                       "total": {"value": "%.2f" % (float(p) + 4.9), "currency": "GBP" if cc == "GB" else "EUR"}},
                    "cancelStatus": {"cancelState": "NONE_REQUESTED", "cancelRequests": []},
                    "fulfillmentStartInstructions": [{"shippingStep": {"shipTo": {"fullName": name, "contactAddress": {"addressLine1": addr, "city": city, "postalCode": zp, "countryCode": cc}},
                                                                        "shippingCarrierCode": "DHL" if cc == "DE" else ("Poste Italiane" if cc == "IT" else "Royal Mail"),
                                                                        "shippingServiceCode": "Standard"}}],
                    "lineItems": [{"lineItemId": "10%s" % oid.replace("-", ""), "legacyItemId": "2750%s" % oid.replace("-", "")[:8], "sku": sku, "title": "%s %s" % (t, v), "quantity": 1,
                                   "lineItemCost": {"value": p, "currency": "GBP" if cc == "GB" else "EUR"}, "lineItemFulfillmentStatus": "FULFILLED"}],
                    "fulfillmentHrefs": ["https://api.ebay.com/sell/fulfillment/v1/order/%s/shipping_fulfillment/%s" % (oid, "7%011d" % (int(oid.replace("-", "")) % 10**11))]})
    return {"href": "https://api.ebay.com/sell/fulfillment/v1/order?limit=50&offset=0", "total": len(out), "limit": 50, "offset": 0, "orders": out}
