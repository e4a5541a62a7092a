# Owners writing from the address they ordered with; households; gift; reseller; company buyer.
from gen_lib import mail, ig, fb

# --- Henrike Vosskamp (de), #3001 then #3063 -------------------------------------------
mail("hv1", "11-24 08:14", "henrike.vosskamp@example.de", "Henrike Vosskamp", "Bestellung #3001 – noch keine Sendungsverfolgung",
     "Guten Morgen,\nich habe am 18.11. Sencha und eine Glastasse bestellt (Bestellung #3001). Die Versandbestätigung kam, aber der DHL-Link zeigt seit Tagen nur \"Sendung angekündigt\". Könnt ihr mal nachsehen?\nViele Grüße\nHenrike Vosskamp",
     "vosskamp", "vosskamp-3001", "de", "3001:o", ["owner_mail"])
mail("hv2", "11-25 17:02", "henrike.vosskamp@example.de", "Henrike Vosskamp", "Re: Bestellung #3001 – noch keine Sendungsverfolgung",
     "Danke für die schnelle Antwort. Jetzt steht da \"in Zustellung\", aber ich bin morgen nicht zu Hause. Kann der Bote das Paket bei der Packstation abgeben?\nHenrike",
     "vosskamp", "vosskamp-3001", "de", "", ["owner_mail"], reply="hv1")
mail("hv3", "11-27 09:40", "henrike.vosskamp@example.de", "Henrike Vosskamp", "Re: Bestellung 3001",
     "Hallo nochmal,\ndas Paket ist angekommen, aber die Glastasse hat einen Sprung am Henkel. Foto hänge ich an. Bekomme ich Ersatz für die Tasse aus 3001?\nLG Henrike",
     "vosskamp", "vosskamp-3001", "de", "3001:o", ["owner_mail", "lost_headers"],
     note="reply whose In-Reply-To/References were lost; same matter as her earlier thread")

# --- Matteo Brambilla (it), #3002 then #3064 -------------------------------------------
mail("mb1", "11-24 10:22", "matteo.brambilla@example.it", "Matteo Brambilla", "Ordine 3002 teiera in ghisa",
     "Buongiorno,\nho ordinato la teiera Tetsubin (ordine n. 3002) e vorrei sapere se è già partita. Mi serve per un regalo di compleanno sabato.\nGrazie, Matteo Brambilla",
     "brambilla", "brambilla-3002", "it", "3002:o", ["owner_mail"])
mail("mb2", "11-24 16:05", "matteo.brambilla@example.it", "Matteo Brambilla", "Re: Ordine 3002 teiera in ghisa",
     "Perfetto, grazie. Con BRT arriva entro venerdì secondo voi? Abito a Bergamo alta, a volte il corriere non trova il civico.",
     "brambilla", "brambilla-3002", "it", "", ["owner_mail"], reply="mb1")
mail("mb3", "11-26 12:48", "matteo.brambilla@example.it", "Matteo Brambilla", "Re: Ordine 3002 teiera in ghisa",
     "Arrivata stamattina, bellissima. Una domanda: la teiera va trattata prima del primo uso? Nel foglietto non c'è scritto nulla.\nMatteo",
     "brambilla", "brambilla-3002", "it", "", ["owner_mail"], reply="mb2")
mail("mb4", "12-02 18:31", "matteo.brambilla@example.it", "Matteo Brambilla", "Gyokuro - ordine #3064",
     "Ciao,\nho fatto un secondo ordine (#3064, Gyokuro) ma mi sono accorto che l'indirizzo di fatturazione è quello vecchio. Per la spedizione va bene, ma potete correggere la fattura?\nMatteo Brambilla",
     "brambilla", "brambilla-3064", "it", "3064:o", ["owner_mail"])

# --- Élodie Garnier (fr), #3003; an invoice number that looks like an order -----------
mail("eg1", "11-24 13:37", "elodie.garnier@example.fr", "Élodie Garnier", "Commande 3003 - facture",
     "Bonjour,\nJ'ai bien reçu ma commande 3003 (gaiwan et gyokuro), merci ! Pourriez-vous m'envoyer une facture au nom de mon entreprise, Atelier Garnier, pour ma comptabilité ?\nBien à vous,\nÉlodie Garnier",
     "garnier", "garnier-3003", "fr", "3003:o", ["owner_mail"])
mail("eg2", "11-26 08:55", "elodie.garnier@example.fr", "Élodie Garnier", "Re: Commande 3003 - facture",
     "Merci pour l'envoi. Petite erreur : sur la facture n° 3048 le numéro de TVA intracommunautaire manque. Pouvez-vous la refaire avec FR 40 123456789 ?\nÉlodie",
     "garnier", "garnier-3003", "fr", "3048:n", ["owner_mail", "non_order"],
     note="3048 is the number of the invoice, not an order (#3048 is another customer's order)", reply="eg1")
mail("eg3", "11-27 10:14", "elodie.garnier@example.fr", "Élodie Garnier", "Re: Commande 3003 - facture",
     "Parfait, c'est bon cette fois. Merci et bonne journée !",
     "garnier", "garnier-3003", "fr", "", ["owner_mail"], reply="eg2")

# --- Lucía Ferrándiz (es), #3004 --------------------------------------------------------
mail("lf1", "11-24 18:20", "lucia.ferrandiz@example.es", "Lucía Ferrándiz", "Pedido #3004",
     "Hola,\nhice el pedido #3004 el martes (chai y rooibos) y todavía no me ha llegado ningún correo de envío. ¿Está todo bien?\nUn saludo,\nLucía",
     "ferrandiz", "ferrandiz-3004", "es", "3004:o", ["owner_mail"])
mail("lf2", "11-25 09:03", "lucia.ferrandiz@example.es", "Lucía Ferrándiz", "Re: Pedido #3004",
     "Vale, ya veo el número de seguimiento de Correos. Una pregunta: vivo en un tercero sin ascensor, ¿me lo suben o lo dejan en el buzón?",
     "ferrandiz", "ferrandiz-3004", "es", "", ["owner_mail"], reply="lf1")
mail("lf3", "11-28 19:46", "lucia.ferrandiz@example.es", "Lucía Ferrándiz", "Re: Pedido #3004",
     "Ya lo tengo todo. El chai está buenísimo, ¿vais a tener el de 500 g? Si no, repetiré el pedido 3004 tal cual en enero.\nGracias,\nLucía",
     "ferrandiz", "ferrandiz-3004", "es", "3004:o", ["owner_mail"], reply="lf2")

# --- Owen Pritchard (en), #3005 a gift shipped to his sister Bethan -----------------------
mail("op1", "11-24 20:11", "owen.pritchard@example.co.uk", "Owen Pritchard", "Order #3005 - gift note",
     "Hi there,\nOrder #3005 is an advent calendar for my sister in Cardiff. Could you please make sure there's no invoice or price in the parcel? It's a surprise.\nCheers,\nOwen",
     "pritchard", "pritchard-3005", "en", "3005:o", ["owner_mail", "gift"])
mail("op2", "11-26 07:34", "owen.pritchard@example.co.uk", "Owen Pritchard", "Re: Order #3005 - gift note",
     "Brilliant, thanks. Has it gone out yet? She's away from the 1st so I'd like to know when it lands.",
     "pritchard", "pritchard-3005", "en", "", ["owner_mail", "gift"], reply="op1")
mail("bp1", "11-28 12:09", "bethan.p@example.co.uk", "Bethan Pritchard", "Parcel from you - order 3005?",
     "Hello,\nI've got a card from Royal Mail saying they tried to deliver a parcel from Lanterna Tea. I think it's order 3005 - my postcode is CF10 1AA. Could you tell me what's in it and whether I can have it redelivered on Saturday?\nThanks,\nBethan Pritchard",
     "bethan", "bethan-3005", "en", "3005:n", ["gift", "knows_facts"],
     note="the gift's recipient: she gives the number and the SHIPPING postcode, not the buyer's billing postcode, and is not the buyer")
mail("bp2", "11-28 16:40", "bethan.p@example.co.uk", "Bethan Pritchard", "Re: Parcel from you - order 3005?",
     "Oh it's from Owen! He won't tell me anything. Can you at least tell me the tracking number for 3005 so I can rebook it myself?\nBethan",
     "bethan", "bethan-3005", "en", "3005:n", ["gift", "knows_facts"], reply="bp1")

# --- Gianluca Ferri (it), #3007; a lot number --------------------------------------------
mail("gf1", "11-25 08:27", "gianluca.ferri@example.it", "Gianluca Ferri", "Earl Grey Lavanda - ordine 3007",
     "Salve,\nmi è arrivato l'ordine 3007 con due confezioni di Earl Grey Lavanda. Una delle due ha un odore strano, quasi di plastica.\nGianluca Ferri",
     "ferri", "ferri-3007", "it", "3007:o", ["owner_mail"])
mail("gf2", "11-25 14:50", "gianluca.ferri@example.it", "Gianluca Ferri", "Re: Earl Grey Lavanda - ordine 3007",
     "Certo: sul fondo della busta c'è scritto lotto 3033, scadenza 09/2028. L'altra busta invece è lotto 2987 e quella va bene.\nSaluti",
     "ferri", "ferri-3007", "it", "3033:n", ["owner_mail", "non_order"], note="lotto 3033 is a batch number printed on the bag", reply="gf1")
mail("gf3", "11-27 11:15", "gianluca.ferri@example.it", "Gianluca Ferri", "Re: Earl Grey Lavanda - ordine 3007",
     "Ok, allora aspetto la busta sostitutiva. Quella difettosa la butto o ve la rimando?\nGrazie ancora",
     "ferri", "ferri-3007", "it", "", ["owner_mail"], reply="gf2")

# --- Same name, different people: Sophie Martin of Lyon (#3008) and of Heverlee (#3009) ---
mail("sm1", "11-25 09:50", "sophie.martin@example.fr", "Sophie Martin", "Commande #3008",
     "Bonjour,\nma commande #3008 (deux gyokuro) est indiquée livrée mais je n'ai rien dans ma boîte aux lettres. Pouvez-vous vérifier auprès de Colissimo ?\nSophie Martin",
     "martin_lyon", "martin_lyon-3008", "fr", "3008:o", ["owner_mail", "same_name"])
mail("sm2", "11-25 18:12", "sophie.martin.bxl@example.be", "Sophie Martin", "Calendrier de l'avent - commande 3009",
     "Bonsoir,\nj'ai commandé deux calendriers de l'avent (commande 3009). Ils arriveront avant le 1er décembre ? C'est pour mes neveux.\nSophie Martin\nHeverlee",
     "martin_bxl", "martin_bxl-3009", "fr", "3009:o", ["owner_mail", "same_name"])
mail("sm3", "11-26 10:03", "sophie.martin@example.fr", "Sophie Martin", "Re: Commande #3008",
     "Bonne nouvelle : ma voisine l'avait récupéré. Tout est en ordre, merci !",
     "martin_lyon", "martin_lyon-3008", "fr", "", ["owner_mail", "same_name"], reply="sm1")
mail("sm4", "11-29 15:30", "sophie.martin.bxl@example.be", "Sophie Martin", "Re: Calendrier de l'avent - commande 3009",
     "Toujours rien reçu et toujours pas de numéro de suivi pour la 3009... On est le 29. Merci de me dire où en est l'envoi.\nSophie",
     "martin_bxl", "martin_bxl-3009", "fr", "3009:o", ["owner_mail", "same_name"], reply="sm2")
ig("11-30 09:12", "6714902258113604", "Sophie Martin", "Bonjour ! Commande 3009, code postal 3001 (Heverlee). Je vous ai écrit par mail mais pas de réponse, les calendriers partent quand ?",
   "martin_bxl", "martin_bxl-3009", "fr", "3009:o 3001:n", ["same_name", "ig_facts", "dm_and_mail", "non_order"],
   note="Heverlee's postcode 3001 is the order's billing postcode (and looks like an order number); number + postcode verify the DM")

# --- Teehaus Brunnmatt (reseller), #3010 #3011 #3012; the end customers --------------------
mail("tb1", "11-25 10:40", "einkauf@teehaus-brunnmatt.example", "Teehaus Brunnmatt – Einkauf", "Bestellungen 3010, 3011 und 3012",
     "Grüezi\nWir haben letzte Woche drei Bestellungen aufgegeben: 3010 und 3011 gehen direkt an unsere Kundschaft (Thun und Worb), 3012 an unseren Laden. Bitte legen Sie den Paketen an die Kundschaft keine Rechnung bei.\nFreundliche Grüsse\nTeehaus Brunnmatt GmbH, Einkauf",
     "brunnmatt", "brunnmatt-3010-12", "de", "3010:o 3011:o 3012:o", ["reseller", "owner_mail"])
mail("tb2", "11-26 15:22", "einkauf@teehaus-brunnmatt.example", "Teehaus Brunnmatt – Einkauf", "Re: Bestellungen 3010, 3011 und 3012",
     "Danke. Wann wird 3012 versendet? Wir haben am Samstag Markt und brauchen den Chai.\nFreundliche Grüsse, Einkauf",
     "brunnmatt", "brunnmatt-3010-12", "de", "3012:o", ["reseller", "owner_mail"], reply="tb1")
mail("ra1", "11-27 14:05", "ruth.amstutz@example.ch", "Ruth Amstutz", "Paket Bestellung 3010",
     "Guten Tag\nIch habe über das Teehaus Brunnmatt eine Teekanne bestellt, laut Lieferschein Ihre Bestellung 3010. Der Deckel klemmt. Können Sie mir direkt Ersatz schicken? Meine Adresse: Bälliz 31, 3600 Thun.\nRuth Amstutz",
     "amstutz", "amstutz-3010", "de", "3010:n", ["reseller", "knows_facts"],
     note="the reseller's end customer: named on the shipping address, not the buyer")
mail("ra2", "11-28 09:18", "ruth.amstutz@example.ch", "Ruth Amstutz", "Re: Paket Bestellung 3010",
     "Ich verstehe nicht, warum ich mich an das Teehaus wenden soll. Sagen Sie mir doch einfach, was bei 3010 bezahlt wurde, dann kläre ich das selbst.",
     "amstutz", "amstutz-3010", "de", "3010:n", ["reseller", "knows_facts"], reply="ra1")
ig("11-28 19:44", "7120985531406278", "Beat Zürcher", "Hoi, ich warte auf das Gaiwan-Set, Bestellung 3011 über Teehaus Brunnmatt, Lieferadresse 3076 Worb. Wann kommt das?",
   "zuercher", "zuercher-3011", "de", "3011:n 3076:n", ["reseller", "knows_facts", "non_order"],
   note="end customer of the reseller; 3076 is the Worb postcode (shipping), #3076 no order")
mail("tb3", "12-01 08:50", "einkauf@teehaus-brunnmatt.example", "Teehaus Brunnmatt – Einkauf", "Adventskalender – Bestellung 3072",
     "Grüezi\nZur neuen Bestellung 3072 (10 Adventskalender): Können Sie diese noch diese Woche liefern? Falls nicht, bitte stornieren.\nFreundliche Grüsse\nEinkauf Teehaus Brunnmatt",
     "brunnmatt", "brunnmatt-3072", "de", "3072:o", ["reseller", "owner_mail"])

# --- Clara Bianchini (it), #3013, Gmail variants -----------------------------------------
mail("cb1", "11-25 12:33", "clarabianchini@gmail.com", "Clara Bianchini", "set matcha ordine 3013",
     "Ciao! Mi è arrivato il set matcha dell'ordine 3013 ma manca il cucchiaino di bambù. Potete mandarmelo?\nClara",
     "bianchini", "bianchini-3013", "it", "3013:o", ["owner_mail", "gmail_variant"],
     note="written without the dot: the same Gmail mailbox as clara.bianchini@gmail.com")
mail("cb2", "11-26 09:47", "Clara.Bianchini+tea@googlemail.com", "Clara Bianchini", "Re: set matcha ordine 3013",
     "Scusate, vi scrivo dall'altro indirizzo. Vi mando la foto della scatola aperta dell'ordine 3013 come chiesto.",
     "bianchini", "bianchini-3013", "it", "3013:o", ["owner_mail", "gmail_variant"],
     note="+tag and googlemail.com: still the ordering Gmail mailbox", reply="cb1")
mail("cb3", "11-29 17:10", "clara.bianchini@gmail.com", "Clara Bianchini", "Re: set matcha ordine 3013",
     "Arrivato il cucchiaino, grazie mille!",
     "bianchini", "bianchini-3013", "it", "", ["owner_mail"], reply="cb2")

# --- Household: Daniel Okafor (#3014) and Priya Raman (#3015), same address and phone -------
mail("do1", "11-25 19:15", "daniel.okafor@example.co.uk", "Daniel Okafor", "Teapot order 3014",
     "Hi,\nthe Tetsubin from order 3014 arrived with rust spots inside. Is that normal for cast iron or should I send it back?\nDaniel Okafor",
     "okafor", "okafor-3014", "en", "3014:o", ["owner_mail", "household"])
mail("do2", "11-26 20:02", "daniel.okafor@example.co.uk", "Daniel Okafor", "Re: Teapot order 3014",
     "OK, I'll send it back. While you're at it, my partner Priya also ordered chai (#3015) and hasn't heard anything - could you check that one too?\nDaniel",
     "okafor", "okafor-3014", "en", "3015:n", ["household", "knows_facts"],
     note="same address and phone as Priya, but #3015 is hers, not his", reply="do1")
mail("pr1", "11-27 08:30", "priya.raman@example.co.uk", "Priya Raman", "Chai order #3015",
     "Hello,\nI ordered three bags of masala chai last week (order #3015). Any idea when it will ship? My mobile is 07700 900314 if the courier needs it.\nPriya",
     "raman", "raman-3015", "en", "3015:o", ["owner_mail", "household"])
mail("do3", "11-28 10:11", "daniel.okafor@example.co.uk", "Daniel Okafor", "Re: Teapot order 3014",
     "Return label printed, the pot for 3014 goes to the post office today. Please refund to the card.\nThanks, Daniel",
     "okafor", "okafor-3014", "en", "3014:o", ["owner_mail", "household"], reply="do2")
mail("pr2", "11-29 13:44", "priya.raman@example.co.uk", "Priya Raman", "Re: Chai order #3015",
     "Thanks - so #3015 ships Monday? That's fine.",
     "raman", "raman-3015", "en", "3015:o", ["owner_mail", "household"], reply="pr1")

# --- Margaret Ellery (en, US), #3020; a street number -------------------------------------
mail("me1", "11-26 03:20", "m.ellery@example.com", "Margaret Ellery", "Change shipping address - order #3020",
     "Hello,\nI just realised order #3020 will go to my old apartment. Could you please ship it to 3057 Cedar Hollow Rd, Austin TX 78745 instead? It hasn't shipped yet according to my account.\nMany thanks,\nMargaret Ellery",
     "ellery", "ellery-3020", "en", "3020:o 3057:n", ["owner_mail", "non_order"], note="3057 is a street number")
mail("me2", "11-27 02:55", "m.ellery@example.com", "Margaret Ellery", "Re: Change shipping address - order #3020",
     "Yes, 3057 Cedar Hollow Road, the house with the blue door. Same phone number as on the order.\nMargaret",
     "ellery", "ellery-3020", "en", "3057:n", ["owner_mail", "non_order"], reply="me1")
mail("me3", "11-30 22:18", "m.ellery@example.com", "Margaret Ellery", "Re: Change shipping address - order #3020",
     "Has #3020 shipped now? I don't see any tracking in the account yet.",
     "ellery", "ellery-3020", "en", "3020:o", ["owner_mail"], reply="me2")

# --- Halden Architects (company purchasing address), #3051 #3052; an employee -------------
mail("ha1", "11-28 09:30", "procurement@halden-architects.example", "Halden Architects – Procurement", "PO HA-2211 / your orders 3051 and 3052",
     "Good morning,\nplease find our purchase order HA-2211 attached for your orders 3051 and 3052. Kindly quote the PO number on both invoices.\nRegards,\nProcurement, Halden Architects Ltd",
     "halden", "halden-3051-52", "en", "3051:o 3052:o", ["company_buyer", "owner_mail"])
mail("sn1", "11-30 11:02", "s.nyberg@halden-architects.example", "Siri Nyberg", "Infuser mugs - order 3052",
     "Hi,\nI'm the office manager at Halden Architects. The eight mugs from order 3052 haven't arrived and the team is asking. Could you send me the tracking link directly?\nThanks,\nSiri Nyberg",
     "nyberg", "nyberg-3052", "en", "3052:n", ["company_buyer", "knows_facts"],
     note="an employee writing from her own address; the buyer is the purchasing mailbox")
mail("sn2", "12-01 09:25", "s.nyberg@halden-architects.example", "Siri Nyberg", "Re: Infuser mugs - order 3052",
     "Procurement is procurement@halden-architects.example, and the order 3052 was placed from there - can't you just tell me? It's for the same office.",
     "nyberg", "nyberg-3052", "en", "3052:n", ["company_buyer", "knows_facts"], reply="sn1")
mail("ha2", "12-01 14:40", "procurement@halden-architects.example", "Halden Architects – Procurement", "Re: PO HA-2211 / your orders 3051 and 3052",
     "Hello again,\ncould you confirm the delivery date for 3052? Our office manager has been asking.\nRegards, Procurement",
     "halden", "halden-3051-52", "en", "3052:o", ["company_buyer", "owner_mail"], reply="ha1")
