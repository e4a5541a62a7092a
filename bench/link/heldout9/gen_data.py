"""People, orders and text templates for heldout9 (Leaf & Kettle tea shop, store "acme")."""
import random, datetime as dt

R = random.Random(90091)

SHOP_DOMAIN = "leafandkettle.example"
ITEMS = [
    ("LK-DARJ-FF100", "Darjeeling First Flush 100 g", "14.90"),
    ("LK-SENCHA-50", "Sencha Kirishima 50 g", "11.50"),
    ("LK-EGREY-100", "Earl Grey Crème 100 g", "8.90"),
    ("LK-ROOI-VAN", "Rooibos Vanilla 100 g", "7.50"),
    ("LK-MATCHA-30", "Matcha Ceremonial 30 g", "24.00"),
    ("LK-POT-GL1", "Glass Teapot 1 l", "29.00"),
    ("LK-ADV-24", "Advent Calendar 24 Teas", "34.90"),
    ("LK-CHAI-100", "Chai Masala 100 g", "9.20"),
    ("LK-OOL-MILK", "Milky Oolong 50 g", "12.80"),
    ("LK-FILT-100", "Tea Filters 100 pcs", "3.90"),
    ("LK-TETSU-08", "Cast-Iron Kettle Tetsubin 0.8 l", "59.00"),
    ("LK-GIFT-BOX", "Gift Box Winter Teas", "27.50"),
]
# item names as customers say them, per language
ITEM_WORDS = {
 "LK-DARJ-FF100": {"en":"the Darjeeling","de":"den Darjeeling","fr":"le Darjeeling","es":"el Darjeeling","it":"il Darjeeling"},
 "LK-SENCHA-50": {"en":"the Sencha","de":"den Sencha","fr":"le Sencha","es":"el Sencha","it":"il Sencha"},
 "LK-EGREY-100": {"en":"the Earl Grey","de":"den Earl Grey","fr":"l'Earl Grey","es":"el Earl Grey","it":"l'Earl Grey"},
 "LK-ROOI-VAN": {"en":"the rooibos","de":"den Rooibos","fr":"le rooibos","es":"el rooibos","it":"il rooibos"},
 "LK-MATCHA-30": {"en":"the matcha","de":"den Matcha","fr":"le matcha","es":"el matcha","it":"il matcha"},
 "LK-POT-GL1": {"en":"the glass teapot","de":"die Glaskanne","fr":"la théière en verre","es":"la tetera de cristal","it":"la teiera di vetro"},
 "LK-ADV-24": {"en":"the advent calendar","de":"den Adventskalender","fr":"le calendrier de l'Avent","es":"el calendario de Adviento","it":"il calendario dell'Avvento"},
 "LK-CHAI-100": {"en":"the chai","de":"den Chai","fr":"le chai","es":"el chai","it":"il chai"},
 "LK-OOL-MILK": {"en":"the milky oolong","de":"den Milky Oolong","fr":"l'oolong lacté","es":"el oolong","it":"l'oolong"},
 "LK-FILT-100": {"en":"the filters","de":"die Teefilter","fr":"les filtres","es":"los filtros","it":"i filtri"},
 "LK-TETSU-08": {"en":"the cast-iron kettle","de":"die gusseiserne Kanne","fr":"la théière en fonte","es":"la tetera de hierro","it":"la teiera in ghisa"},
 "LK-GIFT-BOX": {"en":"the gift box","de":"die Geschenkbox","fr":"le coffret cadeau","es":"la caja regalo","it":"la confezione regalo"},
}

COUNTRY = {"GB":"United Kingdom","IE":"Ireland","US":"United States","DE":"Germany","AT":"Austria",
           "CH":"Switzerland","FR":"France","BE":"Belgium","ES":"Spain","IT":"Italy"}
CITY = {"GB":["Leeds","Bristol","York","Norwich"],"IE":["Dublin","Galway","Cork"],"US":["Portland","Madison","Tucson"],
        "DE":["Leipzig","Freiburg","Kassel","Münster","Bamberg"],"AT":["Graz","Linz","Salzburg"],"CH":["Bern","Luzern","Winterthur"],
        "FR":["Lyon","Nantes","Rennes","Dijon"],"BE":["Liège","Namur"],"ES":["Valencia","Zaragoza","Granada","Bilbao"],
        "IT":["Torino","Bologna","Verona","Bari"]}
STREET = {"en":["Harbour Road","Elm Grove","Mill Lane","Canal Street","Orchard Way"],
          "de":["Lindenweg","Gartenstraße","Am Mühlbach","Kirchgasse","Rosenstraße"],
          "fr":["rue des Lilas","avenue Foch","rue du Moulin","place du Marché"],
          "es":["calle Mayor","avenida del Puerto","calle de la Luna","paseo de la Alameda"],
          "it":["via Roma","via dei Mille","corso Garibaldi","via delle Rose"]}

def zip_for(cc):
    if cc in ("DE","FR","ES","IT","US"):
        while True:
            z = "%05d" % R.randint(10000, 89999)
            if "90" not in z[:2]:
                return z
    if cc in ("AT","CH","BE"):
        while True:
            z = "%d" % R.randint(1010, 8990)
            return z
    if cc == "GB":
        return R.choice(["LS6","BS3","YO10","NR2"]) + " " + str(R.randint(1,9)) + R.choice("ABDEFGHJ") + R.choice("LNPQRSTU")
    if cc == "IE":
        return R.choice(["D04","D08","H91","T12"]) + " " + R.choice("ACEFHKNPRTVWXY") + str(R.randint(1,9)) + R.choice("ACEFHKNPRTVWXY") + str(R.randint(1,9))
    raise ValueError(cc)

PHONE_PREFIX = {"GB":"+4477","IE":"+35387","US":"+1503","DE":"+49151","AT":"+43664","CH":"+4179","FR":"+336","BE":"+32470","ES":"+346","IT":"+39347"}
def phone_for(cc):
    p = PHONE_PREFIX[cc]
    n = 12 if not cc in ("US",) else 11
    while True:
        s = p + "".join(str(R.randint(0,9)) for _ in range(max(7, n + 1 - len(p))))
        if "90" not in s[len(p):]:
            return s

# ---------------------------------------------------------------- people
# key: dict(name, lang, cc, email, gmail?, ...)
PEOPLE = {}
def person(key, name, lang, cc=None, email=None, **kw):
    d = dict(key=key, name=name, lang=lang, cc=cc, email=email)
    d.update(kw)
    PEOPLE[key] = d
    return d

REGULAR_NAMES = {
 "en": [("Olivia","Grant","GB","mail.example"),("Harriet","Cole","GB","example.co.uk"),("Daniel","Price","GB","post.example"),
        ("Aisling","Byrne","IE","eircom.example"),("Megan","Foley","IE","mail.example"),("Ruth","Kendall","GB","example.co.uk"),
        ("Samuel","Ortiz","US","inbox.example"),("Priya","Nair","GB","mail.example"),("Tom","Whitaker","GB","gmail.com"),
        ("Grace","Lennon","IE","example.ie"),("Owen","Marsh","US","example.com"),("Nora","Fitzgerald","IE","gmail.com")],
 "de": [("Katrin","Seidel","DE","web.example"),("Florian","Weiß","DE","posteo.example"),("Ute","Lorenz","DE","example.de"),
        ("Jana","Köhler","DE","mail.example"),("Matthias","Kern","AT","example.at"),("Sophie","Albrecht","DE","gmail.com"),
        ("Renate","Fuchs","DE","t-mail.example"),("Nils","Hartung","DE","web.example"),("Paula","Brenner","CH","bluewin.example"),
        ("Stefan","Ober","AT","example.at"),("Hanna","Wendt","DE","posteo.example")],
 "fr": [("Camille","Dubois","FR","courriel.example"),("Hélène","Faure","FR","example.fr"),("Lucas","Girard","FR","gmail.com"),
        ("Manon","Lefèvre","BE","mail.example"),("Pauline","Chevalier","FR","courriel.example"),("Antoine","Perrin","FR","example.fr"),
        ("Élodie","Marchand","FR","orange.example")],
 "es": [("Lucía","Romero","ES","correo.example"),("Javier","Molina","ES","example.es"),("Carmen","Ortega","ES","gmail.com"),
        ("Pablo","Navarro","ES","correo.example"),("Marta","Gil","ES","example.es"),("Sergio","Vidal","ES","correo.example")],
 "it": [("Chiara","Ricci","IT","posta.example"),("Davide","Conti","IT","example.it"),("Francesca","Greco","IT","gmail.com"),
        ("Luca","Marino","IT","posta.example"),("Elena","Rinaldi","IT","example.it"),("Sara","Colombo","IT","libero.example")],
}
ASCII = str.maketrans({"ä":"ae","ö":"oe","ü":"ue","ß":"ss","é":"e","è":"e","ê":"e","ë":"e","É":"e","à":"a","á":"a","í":"i","ó":"o","ú":"u","ñ":"n","ç":"c","ï":"i","ô":"o"})
def local(first, last, style=0):
    f, l = first.lower().translate(ASCII), last.lower().translate(ASCII)
    return [f"{f}.{l}", f"{f}{l}", f"{f[0]}.{l}", f"{l}.{f}", f"{f}_{l}"][style]
