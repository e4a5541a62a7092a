"""The messages of heldout8, scenario by scenario.  Each call names the human who really
wrote (person key), the matter (conversation key within that person), the sender's
channel identity, the text, the language, the time (day 0 = 2026-11-24, UTC), the case
tags and a note.  Labels are computed from these by gen_lib.truth()."""

NLS = "Black Week bei Nordkamm – bis zu 30 % auf Winterausrüstung"
BCCS = "Lieferverzögerung / Delivery delay / Retard de livraison – Nordkamm"


def run(g):
    mail, ig, fb, amz, ebay = g.mail, g.ig, g.fb, g.amz, g.ebay

    # ---------------------------------------------------------------- Lena: Gmail variants, impersonator
    mail("lena", "8001", "LenaHoffmann@googlemail.com", "Lena Hoffmann",
         "Wo bleibt meine Bestellung #8001?",
         "Hallo Nordkamm-Team,\n\nich habe am 2.11. die Trailrunner bestellt und die Sendungsverfolgung bewegt sich seit Tagen nicht. Könnt ihr mal nachsehen?\n\nLiebe Grüße\nLena",
         "de", 2, 8, 12, ("owner", "gmail_variant"), "buyer of #8001 writes from a googlemail/case variant of her Gmail address")
    mail("lena", "8001", "LenaHoffmann@googlemail.com", "Lena Hoffmann",
         "Re: Wo bleibt meine Bestellung #8001?",
         "Danke für die schnelle Antwort! Heute früh kam die Meldung, dass das Paket im Zustellfahrzeug ist.\n\nLena",
         "de", 4, 7, 40, ("owner", "gmail_variant"), "same thread, same order")
    mail("imp_lena", "8001", "lena.hoffmann.berlin@webpost.example", "Lena Hoffmann",
         "Adressänderung Bestellung 8001",
         "Hallo,\n\nich habe eine neue E-Mail-Adresse, die alte (lena.hoffmann@gmail.com) funktioniert nicht mehr. Bitte ändern Sie die Lieferadresse für die Bestellung 8001 auf Revaler Straße 99, 10245 Berlin und schicken Sie mir die Sendungsnummer an diese Adresse.\n\nDanke\nLena Hoffmann",
         "de", 3, 21, 5, ("impersonator", "impersonator_facts", "new_address_signed"),
         "not Lena: a look-alike sender who quotes #8001 and its e-mail to redirect the parcel")
    mail("lena", "8073", "lena.hoffmann+sport@gmail.com", "Lena Hoffmann",
         "Stornierung Handschuhe",
         "Hi, ich möchte die Winterhandschuhe aus Bestellung 8073 stornieren, die sind noch nicht verschickt, oder? Die andere Bestellung (die Schuhe) ist inzwischen angekommen.\n\nLena",
         "de", 9, 10, 2, ("owner", "gmail_variant", "new_matter"), "Lena's second order, +tag Gmail address")

    # ---------------------------------------------------------------- Tobias: two orders, DM + mail
    mail("tobias", "8002", "t.kraemer@posteo.example", "Tobias Krämer",
         "Trekkingstöcke – Bestellung 8002",
         "Servus,\n\ndie Carbonstöcke sind da, aber beim linken Stock klemmt der Klemmverschluss, er lässt sich nicht mehr feststellen. Was machen wir da?\n\nGruß Tobias Krämer",
         "de", 1, 17, 30, ("owner", "damaged"), "buyer writes from ordering address")
    ig("tobias", "8030", "17841455012938471", "tobi.kraemer",
       "Servus! Kurze Frage zu meiner neuen Bestellung 8030, wann kommt die Skibrille? Will am Wochenende auf die Piste",
       "de", 6, 19, 2, ("dm_and_mail", "dm_facts_spread"), "number only, not yet shown")
    ig("tobias", "8030", "17841455012938471", "tobi.kraemer",
       "Bestellt hab ich mit t.kraemer@posteo.example",
       "de", 6, 19, 4, ("dm_and_mail", "dm_facts_spread"), "second fact: order e-mail")
    mail("tobias", "8030", "t.kraemer@posteo.example", "Tobias Krämer",
         "Bestellung #8030 – Skibrille",
         "Hallo nochmal, wie gestern schon auf Instagram gefragt: ist die Bestellung 8030 schon raus? Danke!\nTobias",
         "de", 7, 9, 15, ("dm_and_mail", "owner"), "same order by mail; same conversation as the DM")

    # ---------------------------------------------------------------- Claire + partner, lost headers
    mail("claire", "8003", "claire.dubois@orange.example", "Claire Dubois",
         "Commande n° 8003 toujours pas reçue",
         "Bonjour,\n\nj'ai commandé un tapis de yoga en liège le 2 novembre et je n'ai toujours rien reçu. Le suivi Colissimo n'a pas bougé depuis une semaine.\n\nCordialement,\nClaire Dubois",
         "fr", 3, 9, 20, ("owner",), "buyer, ordering address")
    mail("julien", "8003", "julien.martin@free.example", "Julien Martin",
         "Colis de Claire Dubois",
         "Bonjour,\n\nma compagne Claire Dubois a passé la commande 8003 (code postal 69003). Elle est en déplacement toute la semaine, pourriez-vous me dire où en est le colis et me donner le numéro de suivi ?\n\nMerci, Julien",
         "fr", 5, 12, 44, ("partner", "knows_facts", "names_buyer", "household_address"),
         "the buyer's partner gives number + her billing postcode: not the buyer")
    mail("claire", "8003", "claire.dubois@orange.example", "Claire Dubois",
         "Re: Commande n° 8003 toujours pas reçue",
         "Toujours rien ce matin. Mon compagnon vous a écrit aussi, désolée pour le doublon. Pouvez-vous ouvrir une enquête ?\n\nClaire",
         "fr", 7, 8, 3, ("owner", "lost_headers"), "reply whose In-Reply-To/References were lost", lost=True)

    # ---------------------------------------------------------------- Marta: DM facts spread, then mail
    ig("marta", "8004", "17841433390021765", "Marta R.",
       "Hola! hice un pedido hace unas semanas, el 8004, y aún no me ha llegado 😕",
       "es", 2, 18, 31, ("dm_and_mail", "dm_facts_spread"), "number only")
    ig("marta", "8004", "17841433390021765", "Marta R.",
       "el código postal es 46005",
       "es", 2, 18, 36, ("dm_and_mail", "dm_facts_spread"), "billing postcode completes the facts")
    mail("marta", "8004", "marta.ruiz@correo.example", "Marta Ruiz",
         "Pedido 8004",
         "Hola, os escribí ayer por Instagram. El pedido 8004 sigue sin moverse en Correos. ¿Me decís algo?\n\nGracias,\nMarta Ruiz",
         "es", 3, 10, 5, ("dm_and_mail", "owner"), "same order by mail")

    # ---------------------------------------------------------------- Giulia + mother
    mail("anna_b", "8005", "anna.bianchi55@libero.example", "Anna Bianchi",
         "Ordine di mia figlia",
         "Buongiorno,\n\nmia figlia Giulia ha ordinato una maschera da sci (ordine 8005, email giulia.bianchi@libero.example). Mi può dire quando arriva? Parte per la settimana bianca sabato.\n\nGrazie, Anna Bianchi",
         "it", 3, 11, 12, ("relative", "knows_facts", "names_buyer"), "mother quotes daughter's number and e-mail")
    fb("giulia", "8005", "6021847730915523", None,
       "Ciao, sono Giulia Bianchi, ordine #8005 fatto con giulia.bianchi@libero.example. Mia mamma vi ha scritto ieri, scusate! Quando arriva la maschera?",
       "it", 4, 8, 50, ("dm_no_name", "dm_facts_one_msg"), "buyer on Messenger, both facts in one message")

    # ---------------------------------------------------------------- Studio Prana (role address) + instructor
    mail("prana", "8006", "hello@studio-prana.example", "Studio Prana",
         "12 Yogamatten – Bestellung #8006",
         "Hallo zusammen,\n\ndie zwölf Korkmatten sind angekommen, danke! Zwei davon haben leider deutliche Druckstellen vom Transport. Können wir die tauschen?\n\nNamaste\nMareike für Studio Prana",
         "de", 1, 10, 45, ("role_address", "owner", "damaged"), "studio's hello@ mailbox placed the order")
    mail("sofie", "8006", "sofie.lindqvist@studio-prana.example", "Sofie Lindqvist",
         "Rechnung Yogamatten",
         "Hallo,\n\nich unterrichte bei Studio Prana. Mareike hat die Matten bestellt (#8006, hello@studio-prana.example). Könnt ihr mir die Rechnung als PDF schicken? Ich mache gerade die Abrechnung.\n\nLG Sofie",
         "de", 2, 14, 20, ("company_employee", "knows_facts", "role_address"), "employee at her own address, not the purchasing mailbox")
    mail("prana", "nl", "hello@studio-prana.example", "Studio Prana",
         "AW: " + NLS,
         "Hallo, gilt der Black-Week-Rabatt auch für 20 Korkmatten? Wir würden gern nachbestellen, wenn der Preis passt.\n\nMareike",
         "de", 6, 13, 2, ("newsletter_reply", "role_address", "presale"), "role address answers the newsletter", to="NL")
    mail("prana", "8044", "hello@studio-prana.example", "Studio Prana",
         "Thermoflaschen Bestellung 8044",
         "Hallo, wann werden die 12 Thermoflaschen aus unserer Bestellung 8044 verschickt? Wir wollten sie als Weihnachtsgeschenk für die Lehrerinnen.\n\nStudio Prana",
         "de", 9, 9, 33, ("role_address", "owner", "new_matter"), "second order of the same role address")

    # ---------------------------------------------------------------- Kletterladen Baumann (reseller) + end customers
    mail("baumann", "resale", "orders@kletterladen-baumann.example", "Kletterladen Baumann",
         "Status Streckengeschäft #8007 #8008 #8009",
         "Moin,\n\nkönnt ihr uns bitte den Versandstatus für unsere Bestellungen #8007, #8008 und #8009 schicken? Die gehen direkt an unsere Kunden (Meier, Voss, Yilmaz).\n\nBeste Grüße\nRalf Baumann\nKletterladen Baumann",
         "de", 2, 9, 0, ("reseller", "role_address", "owner"), "reseller asks for its three drop-ship orders")
    mail("paul", "8007", "paul.meier@webpost.example", "Paul Meier",
         "Karabiner fehlt",
         "Hallo,\n\nich habe bei Kletterladen Baumann Chalkbags und Karabiner gekauft, das Paket kam von Ihnen. Auf dem Lieferschein steht Bestellung #8007, PLZ 70178. Es sind nur 3 statt 4 Karabiner drin.\n\nPaul Meier",
         "de", 3, 19, 12, ("reseller_end_customer", "shipping_zip_not_billing"), "drop-ship recipient, not the buyer")
    ig("jana", "8008", "17841409918273650", "jana.voss.climbs",
       "hey, mein seil ist noch nicht da. auf der versandmail von euch stand 8008",
       "de", 4, 20, 11, ("reseller_end_customer", "dm_facts_spread"), "end customer of the reseller")
    ig("jana", "8008", "17841409918273650", "jana.voss.climbs",
       "PLZ 04107 Leipzig, falls ihr das braucht",
       "de", 4, 20, 13, ("reseller_end_customer", "shipping_zip_not_billing"), "her postcode is the shipping one")
    fb("emre", "8009", "7310928844501276", None,
       "Hallo, wann wird der Helm verschickt? Kletterladen Baumann sagt, ihr versendet direkt. Nummer 8009",
       "de", 5, 16, 27, ("reseller_end_customer", "dm_no_name"), "end customer, no display name")
    mail("baumann", "resale", "orders@kletterladen-baumann.example", "Kletterladen Baumann",
         "Re: Status Streckengeschäft #8007 #8008 #8009",
         "Danke für die Infos. Kunde Yilmaz fragt nach: #8009 ist immer noch nicht raus. Bei #8007 fehlt laut Kunde ein Karabiner, bitte nachliefern.\n\nRalf",
         "de", 8, 11, 20, ("reseller", "role_address", "owner"), "reseller follow-up in its thread")

    # ---------------------------------------------------------------- Brandt Logistik (company)
    mail("lutz", "8010", "k.lutz@brandt-logistik.example", "Karin Lutz | Brandt Logistik GmbH",
         "Fehlende Handschuhe",
         "Guten Tag,\n\nunsere Einkaufsabteilung hat Jacken und Handschuhe für das Lagerteam bestellt (Bestellung 8010). Angekommen sind nur die Jacken. Wann kommen die Handschuhe?\n\nMit freundlichen Grüßen\nKarin Lutz\nPersonalabteilung\nTel. 0421 6098-100, Durchwahl 8021",
         "de", 3, 8, 30, ("company_employee", "not_an_order"), "employee from her own address; extension 8021 is no order")
    mail("brandt", "8010", "einkauf@brandt-logistik.example", "Brandt Logistik Einkauf",
         "Bestellung 8010 / unsere PO-8057",
         "Sehr geehrte Damen und Herren,\n\nzu Ihrer Bestellung 8010 (unsere Bestellnummer PO-8057): es fehlen noch 8 Paar Winterhandschuhe. Bitte teilen Sie uns einen Liefertermin mit.\n\nBrandt Logistik GmbH – Einkauf",
         "de", 4, 7, 55, ("company_buyer", "role_address", "owner", "not_an_order"), "purchasing mailbox; its own PO number collides with #8057")

    # ---------------------------------------------------------------- Oliver (gift) + Emma
    mail("emma", "8011", "emma.grant@leedsmail.example", "Emma Grant",
         "Broken buckle on rucksack",
         "Hi,\n\nmy brother sent me one of your rucksacks for my birthday, order #8011 (delivered to LS6 2AB). The hip belt buckle snapped on the first walk. Can I exchange it directly with you?\n\nThanks,\nEmma",
         "en", 2, 20, 40, ("gift_recipient", "shipping_zip_not_billing"), "gift recipient, shipping postcode")
    ig("oliver", "8011", "17841466120039817", "Oliver Grant",
       "Hello, I bought a Gipfel 28 rucksack for my sister, order 8011. It went to LS6 2AB and she says the buckle broke straight away.",
       "en", 3, 12, 15, ("gift_buyer", "shipping_zip_not_billing", "dm_facts_spread"), "buyer gives the shipping, not billing, postcode")
    ig("oliver", "8011", "17841466120039817", "Oliver Grant",
       "Ordered with oliver.grant@mailbox.example if that helps",
       "en", 3, 12, 34, ("gift_buyer", "dm_facts_spread"), "order e-mail completes the facts")
    mail("oliver", "8011", "oliver.grant@mailbox.example", "Oliver Grant",
         "Rucksack order 8011 - replacement buckle",
         "Hi, following up on my Instagram message from yesterday. Could you send the replacement straight to my sister in Leeds?\n\nCheers,\nOliver",
         "en", 4, 9, 1, ("gift_buyer", "dm_and_mail", "owner"), "same order by mail")

    # ---------------------------------------------------------------- Weber household (shared phone/address)
    mail("frank", "8012", "frank.weber@mailhaus.example", "Frank Weber",
         "Laufschuhe meiner Frau",
         "Hallo,\n\ndie Laufschuhe meiner Frau (Bestellung 8012) sind immer noch nicht da. Telefon +49 176 98120455, PLZ 55116. Können Sie nachforschen?\n\nFrank Weber",
         "de", 3, 18, 50, ("partner", "household_phone", "household_address", "knows_facts"),
         "husband quotes wife's order, shared phone and postcode")
    mail("frank", "8013", "frank.weber@mailhaus.example", "Frank Weber",
         "Fahrradlicht flackert – Bestellung 8013",
         "Und noch was Eigenes: mein Fahrradlicht aus Bestellung 8013 flackert, sobald es kalt ist. Garantiefall?\n\nFrank",
         "de", 4, 19, 2, ("household_phone", "owner"), "his own order")
    mail("sabine", "8012", "sabine.weber@mailhaus.example", "Sabine Weber",
         "Bestellung #8012",
         "Hallo, mein Mann hat Ihnen schon wegen meiner Schuhe geschrieben. Gibt es Neuigkeiten zur Bestellung #8012?\n\nSabine Weber",
         "de", 5, 8, 17, ("owner", "household_phone"), "buyer herself")
    mail("imp_sabine", "8012", "sabine.weber.mz@webpost.example", "Sabine Weber",
         "Lieferadresse ändern 8012",
         "Bestellung 8012, meine Mail ist sabine.weber@mailhaus.example. Bitte senden Sie die Schuhe stattdessen an die Packstation 142, 55118 Mainz, Postnummer 40877215.",
         "de", 6, 2, 48, ("impersonator", "impersonator_facts"), "not Sabine: quotes number + e-mail to divert the parcel")

    # ---------------------------------------------------------------- Nadine (Zürich postcode collides with an order number)
    ig("nadine", "8014", "17841420984417352", "Nadine K.",
       "Grüezi, ich warte noch auf die Bestellung 8014 (Skibrille und Handschuhe).",
       "de", 3, 7, 44, ("dm_facts_spread",), "number only")
    ig("nadine", "8014", "17841420984417352", "Nadine K.",
       "Meine Adresse: Zurlindenstrasse 88, 8003 Zürich",
       "de", 3, 7, 47, ("dm_facts_spread", "postcode_collision", "not_an_order"), "postcode 8003 is also order #8003 (not hers)")
    ig("nadine", "8014", "17841420984417352", "Nadine K.",
       "Merci! Und wann kommt 8014 ungefähr an?",
       "de", 5, 17, 9, ("dm_facts_spread",), "facts already shown in this DM thread")

    # ---------------------------------------------------------------- Pierre: mistyped number
    mail("pierre", "8015", "pierre.lefevre@wanadoo.example", "Pierre Lefèvre",
         "Où en est ma commande ?",
         "Bonjour,\n\noù en est ma commande 8051 ? Ce sont des bâtons de randonnée, commandés il y a deux semaines.\n\nPierre Lefèvre",
         "fr", 4, 10, 0, ("mistyped_number", "owner"), "typo: #8051 is another buyer's order")
    mail("pierre", "8015", "pierre.lefevre@wanadoo.example", "Pierre Lefèvre",
         "Re: Où en est ma commande ?",
         "Pardon, je me suis trompé de chiffres : c'est la commande 8015, pas 8051.\n\nPierre",
         "fr", 4, 10, 31, ("mistyped_number", "owner"), "correction")

    # ---------------------------------------------------------------- new addresses
    mail("hannah", "8016", "hannah.s@newmail-box.example", "Hannah S.",
         "Rucksack Bestellung 8016",
         "Hallo,\n\nich schreibe von meiner neuen Adresse, die alte nutze ich kaum noch. Wo ist meine Bestellung 8016 (Rucksack Gipfel 28)?\n\nViele Grüße\nHannah Schulz",
         "de", 4, 13, 22, ("new_address_signed",), "buyer from a new address, signed, number only")
    mail("hannah", "8016", "hannah.s@newmail-box.example", "Hannah S.",
         "Re: Rucksack Bestellung 8016",
         "Bestellt hatte ich mit hannah.schulz@posteo.example, falls Sie das zum Abgleich brauchen.",
         "de", 5, 8, 40, ("new_address_facts",), "same new address gives the order e-mail")
    mail("diego", "8017", "dfz.sevilla@gmail.com", None,
         "pedido",
         "hola, mi pedido 8017 donde esta?? ya van 3 semanas",
         "es", 5, 23, 58, ("new_address_unsigned",), "buyer from an unknown Gmail, unsigned")
    mail("diego", "8017", "diego.fernandez@correo.example", "Diego Fernández",
         "Pedido 8017 - zapatillas",
         "Buenos días, les escribo ahora desde mi correo de siempre. Anoche les pregunté por el pedido 8017 desde otra cuenta. ¿Tienen el número de seguimiento?\n\nDiego Fernández",
         "es", 6, 8, 12, ("owner",), "same buyer from the ordering address, same order")

    # ---------------------------------------------------------------- Emily: Gmail dots/case/+tag
    mail("emily", "8018", "EmilyCarter@gmail.com", "Emily Carter",
         "Goggles strap snapped - order #8018",
         "Hi,\n\norder #8018 arrived on Friday but the swim goggles strap snapped the first time I used them. Could you send a replacement?\n\nThanks, Emily",
         "en", 1, 21, 5, ("owner", "gmail_variant", "damaged"), "dots and case differ from the order's Gmail")
    mail("emily", "8056", "emily.carter+nordkamm@googlemail.com", "Emily Carter",
         "Ski goggles",
         "Hello again - a different order this time: #8056, the photochromic ski goggles. Any tracking yet?\n\nEmily",
         "en", 7, 18, 30, ("owner", "gmail_variant", "new_matter"), "second order, googlemail +tag")

    # ---------------------------------------------------------------- assistant / on behalf
    mail("sommer", "8019", "petra.sommer@praxis-albrecht.example", "Petra Sommer",
         "Lieferstand Bestellung Nr. 8019",
         "Sehr geehrte Damen und Herren,\n\nim Auftrag von Herrn Dr. Albrecht frage ich nach dem Lieferstand der Bestellung Nr. 8019 (bestellt mit j.albrecht@albrecht-mail.example, PLZ 69117).\n\nMit freundlichen Grüßen\nPetra Sommer\nPraxis Dr. Albrecht",
         "de", 4, 8, 5, ("assistant", "knows_facts", "names_buyer"), "assistant quotes number, e-mail and postcode")

    # ---------------------------------------------------------------- BCC notice replies (day 7)
    mail("felix", "bcc", "felix.wagner@elbnet.example", "Felix Wagner", "AW: " + BCCS,
         "Danke für die Info. Meine Jacke (8020) brauche ich bis zum 5.12. – klappt das noch?\n\nFelix",
         "de", 7, 11, 3, ("bcc_reply", "owner"), "reply to the BCC'd delay notice", to="BCC")
    mail("ines", "bcc", "ines.roth@posteo.example", "Ines Roth", "AW: " + BCCS,
         "Hallo, betrifft das auch meine Bestellung Nr. 8021 mit den zwei Thermoflaschen?\nGruß Ines Roth",
         "de", 7, 11, 48, ("bcc_reply", "owner"), "reply to the BCC'd notice", to="BCC")
    mail("grunwald", "bcc", "info@sv-gruenwald.example", "SV Grünwald Handball", "AW: " + BCCS,
         "Servus, die 20 Handbälle (#8022) brauchen wir fürs Turnier am 6.12. Gibt es eine Chance auf Express?\n\nThomas Eder, Abteilungsleitung",
         "de", 7, 12, 20, ("bcc_reply", "role_address", "owner"), "club's info@ answers the BCC'd notice", to="BCC")
    mail("mathilde", "bcc", "mathilde.laurent@laposte.example", "Mathilde Laurent", "RE: " + BCCS,
         "Merci pour l'information, bonne journée.\n\nMathilde Laurent",
         "fr", 7, 13, 2, ("bcc_reply",), "no order named", to="BCC")
    mail("jonas", "bcc", "Jonas.Becker@googlemail.com", "Jonas Becker", "AW: " + BCCS,
         "Ok, und wie lange ungefähr? Es geht um Bestellung 8024, den Radhelm.",
         "de", 7, 14, 35, ("bcc_reply", "gmail_variant", "owner"), "googlemail variant of the order's Gmail", to="BCC")
    mail("lucia", "bcc", "lucia.moreno@correo.example", "Lucía Moreno", "RE: " + BCCS,
         "Hola, ¿esto afecta a mi pedido? En el correo no aparece el número.\n\nLucía",
         "es", 7, 16, 10, ("bcc_reply",), "no number", to="BCC")
    mail("lucia", "bcc", "lucia.moreno@correo.example", "Lucía Moreno", "RE: " + BCCS,
         "Perdón, ya lo he encontrado: es el pedido 8025.",
         "es", 7, 16, 31, ("bcc_reply", "owner"), "follow-up in her own BCC-reply thread", th=("T", "lucia", "bcc", "lucia.moreno@correo.example"))
    mail("elif", "bcc", "elif.demir@mailhaus.example", "Elif Demir", "AW: " + BCCS,
         "Könnt ihr das Fahrradlicht (Bestellung 8026) stattdessen mit der Post schicken? Ich brauche es für den Arbeitsweg.\nElif",
         "de", 8, 7, 12, ("bcc_reply", "owner"), "reply to the BCC'd notice", to="BCC")
    mail("ines_mann", "bcc", "roth.familie@posteo.example", "Familie Roth", "WG: " + BCCS,
         "Hallo, meine Frau hat die Mail an mich weitergeleitet. Bestellung 8021 – kann ich die Flaschen in Kassel im Laden abholen? PLZ 34117.\nMichael Roth",
         "de", 8, 18, 40, ("bcc_reply", "partner", "knows_facts", "household_address"),
         "husband answers a forwarded copy of the BCC notice from the family address")

    # ---------------------------------------------------------------- newsletter replies (day 6)
    mail("eichenau", "nl", "info@tsv-eichenau.example", "TSV Eichenau Handball", "AW: " + NLS,
         "Bitte nehmen Sie info@tsv-eichenau.example aus dem Verteiler, danke.\nAbteilungsleitung Handball",
         "de", 6, 9, 31, ("newsletter_reply", "role_address"), "unsubscribe from a club's role address", to="NL")
    mail("albers", "nl", "kunde.koeln@webpost.example", "R. Albers", "AW: " + NLS,
         "Gilt der Code BLACK26 auch für die Bestellung 8060, die ich letzte Woche gemacht habe?",
         "de", 6, 10, 6, ("newsletter_reply", "stranger", "guesser"), "#8060 is somebody else's order")
    mail("ben", "nl", "ben.hartley@seaside.example", "Ben Hartley", "Re: " + NLS,
         "Hi - can the Black Week code be applied to #8060 retroactively? I only ordered it the week before.\n\nBen",
         "en", 6, 10, 40, ("newsletter_reply", "owner"), "buyer of #8060 from his ordering address")
    mail("noemie", "nl", "noemie.blanc@free.example", "Noémie Blanc", "Rép. : " + NLS,
         "Merci de me désinscrire de votre newsletter.",
         "fr", 6, 11, 15, ("newsletter_reply",), "unsubscribe")
    mail("irene", "nl", "irene.marino@tin.example", "Irene Marino", "R: " + NLS,
         "Il codice BLACK26 non funziona nel carrello, mi dà \"codice non valido\". Potete controllare?\nIrene",
         "it", 6, 12, 27, ("newsletter_reply",), "discount code problem, no order")
    mail("nils", "nl", "nils.petersen@foerde.example", "Nils Petersen", "AW: " + NLS,
         "Moin, gibt es die Hardshell Grat auch in XXL? Meine aus Bestellung 8053 ist in XL etwas knapp.\nNils",
         "de", 6, 14, 3, ("newsletter_reply", "owner"), "newsletter reply naming his own order")
    mail("nils", "nl", "nils.petersen@foerde.example", "Nils Petersen", "AW: AW: " + NLS,
         "Danke, dann tausche ich gern auf XXL. Schicke die XL morgen zurück.\nNils",
         "de", 8, 9, 12, ("newsletter_reply",), "his follow-up; References still start with the newsletter")
    mail("bergcafe", "nl", "hello@bergzeit-cafe.example", "Bergzeit Café", "Re: " + NLS,
         "Hi there! We run a small café and shop at the foot of the Wendelstein. Would you be interested in a wholesale partnership for your chalk bags and bottles?\n\nBest, the Bergzeit team",
         "en", 6, 15, 50, ("newsletter_reply", "role_address"), "another business's hello@ answering the newsletter")
    mail("carmen", "nl", "carmen.ortega@correo.example", "Carmen Ortega", "RE: " + NLS,
         "Hola, ¿el descuento vale también para las mochilas? Estoy pensando en regalar una.\n\nCarmen",
         "es", 6, 17, 5, ("newsletter_reply",), "no number")

    # ---------------------------------------------------------------- Amazon
    A_SOPH = "k7p2xq9m4rt1vbd@marketplace.amazon.de"
    amz("sophie_b", "amz1", A_SOPH, "Sophie", "302-4418276-5530917",
        "Lieferanfrage von Amazon-Kunde Sophie (Bestellung: 302-4418276-5530917)",
        "Hallo, laut Sendungsverfolgung liegt das Paket seit Tagen im Verteilzentrum Erfurt. Können Sie das bitte prüfen?",
        "de", 3, 15, 20, (), "relay thread of her Amazon order")
    amz("sophie_b", "amz2", A_SOPH, "Sophie", "302-4418276-5530917",
        "Lieferanfrage von Amazon-Kunde Sophie (Bestellung: 302-4418276-5530917)",
        "Das Paket ist angekommen, aber die Schuhe sind eine Nummer zu klein. Wie funktioniert der Umtausch?",
        "de", 6, 19, 0, ("new_matter",), "same relay thread and order, but a new request (exchange) after the delivery question")
    A_MARCO = "m3n8cz5q1wy7hke@marketplace.amazon.it"
    amz("marco", "amz", A_MARCO, "Marco", "404-1938472-6610385",
        "Richiesta da cliente Amazon Marco (Ordine: 404-1938472-6610385)",
        "Buongiorno, lo zaino non è ancora arrivato. Ho anche un altro ordine da voi su Amazon, 404-7719203-2284516: potete controllare anche quello?",
        "it", 5, 9, 40, ("cross_channel_claim",), "own relay order; his other Amazon order is only claimed in this thread")
    mail("marco", "8040", "marco+ordini@posta-rinaldi.example", "Marco Rinaldi",
         "Ordine #8040 – zaino Gipfel",
         "Buongiorno,\n\nl'ordine #8040 risulta in transito da una settimana. Potete verificare con Poste?\n\nMarco Rinaldi",
         "it", 6, 9, 10, ("non_gmail_tag",), "+tag on a non-Gmail provider is another address")
    mail("marco", "8040", "marco@posta-rinaldi.example", "Marco Rinaldi",
         "Ordine 8040",
         "Vi scrivo dal mio indirizzo abituale, quello dell'ordine: ordine 8040, zaino Gipfel 28. Ieri vi ho scritto da marco+ordini@posta-rinaldi.example.\n\nMarco",
         "it", 7, 8, 45, ("owner",), "ordering address, same order")
    A_HAR = "q9w2e8r4t6y1u3i@marketplace.amazon.co.uk"
    amz("harriet", "amz", A_HAR, None, "026-5582913-4471206",
        "Inquiry from Amazon customer  (Order: 026-5582913-4471206)",
        "The rope arrived with a cut in the sheath near the middle mark. I'd like a replacement please, I can't climb on it.",
        "en", 4, 22, 10, (), "relay mail without a buyer name")
    A_NUR = "z1x8c7v6b5n4m3a@marketplace.amazon.es"
    amz("nuria", "amz", A_NUR, "Nuria", "403-6620184-9931572",
        "Consulta de envío del cliente de Amazon Nuria (Pedido: 403-6620184-9931572)",
        "Hola, ¿podéis enviarlo a mi oficina? El pedido es el 403-6620184-9931572 y en casa no hay nadie por las mañanas.",
        "es", 5, 10, 25, (), "relay order named in text too")
    amz("nuria", "amz", A_NUR, "Nuria", "403-6620184-9931572",
        "Consulta de envío del cliente de Amazon Nuria (Pedido: 403-6620184-9931572)",
        "Ya lo he recibido en casa, gracias igualmente.",
        "es", 8, 13, 55, (), "same relay thread")

    # ---------------------------------------------------------------- eBay
    ebay("georg", "ebay", "bergfex_77", "2071839502", "Frage zu Artikel: Skibrille Firn Photochrom",
         "Servus, ist die Brille (Bestellung 11-24071-33508) schon verschickt? Danke, Georg",
         "de", 2, 16, 5, (), "eBay buyer of the order")
    ebay("susan", "ebay", "sue.climbs", "2071840217", "Question about item: Einfachseil 9,5 mm 60 m",
         "Hi, the rope from order 14-24088-51279 arrived, thanks! Does it come with a rope bag or is that separate?",
         "en", 3, 11, 45, (), "eBay buyer of the order")
    ebay("randomdeals", "ebay", "randomdeals_22", "2071851163", "Question about item: Trailrunner Kamm 420",
         "hi i bought the same trailrunner, order 23-24119-07462, can you send me the tracking number pls",
         "en", 5, 3, 12, ("guesser", "impersonator"), "not the buyer of that eBay order")
    ebay("kerstin", "ebay", "trailmaus", "2071852290", "Frage zu Artikel: Trailrunner Kamm 420",
         "Hallo, meine Schuhe (23-24119-07462) sind angekommen, danke. Ich habe auch in eurem Onlineshop bestellt, Nr. 8062 – kommt das auch bald?",
         "de", 6, 20, 33, ("mistyped_number", "cross_channel_claim"), "own eBay order; #8062 is not hers")
    ebay("gianni", "ebay", "dolomiti-gianni", "2071860044", "Domanda sull'oggetto: Trekkingstöcke Carbon (Paar)",
         "Buongiorno, quando spedite i bastoncini? Ordine 19-24102-60714. Grazie",
         "it", 7, 10, 18, (), "eBay buyer of the order")

    # ---------------------------------------------------------------- relatives, friends, carers ...
    ig("badante", "8027", "17841477810092634", None,
       "Buongiorno, sono la badante della signora Rossi di Torino. Mi ha chiesto di controllare l'ordine 8027, CAP 10121. È partito?",
       "it", 4, 9, 30, ("carer", "knows_facts", "names_buyer", "dm_no_name"), "carer with number and billing CAP")
    mail("petit", "8028", "martine.petit@laposte.example", "Martine Petit",
         "Colis de mon voisin",
         "Bonjour,\n\nje suis la voisine de M. Girard (commande 8028). J'ai réceptionné son colis mais le carton était ouvert et abîmé. Que dois-je faire ? Il rentre seulement la semaine prochaine.\n\nMartine Petit",
         "fr", 5, 15, 3, ("neighbour", "names_buyer"), "neighbour holds the parcel")
    mail("kate", "8029", "kate.m@inbox.example", None,
         "chasing an order for a friend",
         "Hiya, my friend asked me to chase her order - it's #8029, postcode M4 1HQ. She's hiking with no signal this week. Has it gone out?\nKate",
         "en", 4, 17, 55, ("friend", "knows_facts"), "friend, buyer not named")
    mail("pablo", "8031", "pablo.navarro.g@gmail.com", "Pablo Navarro",
         "Pedido de mi padre",
         "Hola,\n\nescribo de parte de mi padre, José Navarro, que no usa mucho el correo. Hizo el pedido 8031 con jnavarro1951@correo.example. ¿Cuándo llegan los bastones?\n\nUn saludo,\nPablo",
         "es", 4, 19, 20, ("relative", "on_behalf", "knows_facts", "names_buyer"), "son writes for his father")
    mail("jose", "8031", "jnavarro1951@correo.example", "José Navarro",
         "Pedido 8031",
         "Buenas tardes. Soy José Navarro, mi hijo Pablo les escribió ayer por mí. Pedido 8031, los bastones de trekking. Gracias.",
         "es", 5, 17, 10, ("owner",), "the father himself")
    mail("hertel", "8042", "markus.hertel@agentur-funke.example", "Markus Hertel",
         "Bestellung einer Kollegin",
         "Hallo,\n\nmeine Kollegin Johanna Wolf ist diese Woche im Urlaub und hat mich gebeten nachzufragen: Bestellung 8042, die Hardshelljacke. Sie braucht sie für eine Tour am Wochenende. Ist sie unterwegs?\n\nGruß Markus",
         "de", 5, 10, 14, ("colleague", "names_buyer"), "colleague asks")
    ig("andrea", "8046", "17841461129907318", "Andrea Ortega",
       "Hola! Mi hermana Carmen compró unos guantes (pedido 8046) y le quedan grandes. ¿Puedo cambiarlos yo? Su CP es 48001",
       "es", 5, 21, 40, ("relative", "knows_facts", "names_buyer"), "sister with number and billing CP")
    fb("roberto", "8043", "7194028851036627", "Roberto",
       "Salve, scrivo per conto di mia moglie, ordine 8043. Non è ancora arrivato niente, è normale?",
       "it", 5, 20, 7, ("partner", "on_behalf"), "husband, buyer not named")
    mail("sam", "8054", "sam.bennett@inbox.example", "Sam Bennett",
         "Nan's order",
         "Hi, I look after my nan's online shopping. Her order 8054 was placed with olivia.bennett@inbox.example, postcode YO1 7HH. Could you confirm it has been dispatched?\n\nSam",
         "en", 6, 11, 10, ("carer", "relative", "knows_facts"), "grandchild handles nan's orders")
    mail("secr_mercier", "8070", "secretariat@cabinet-mercier.example", "Secrétariat Cabinet Mercier",
         "Commande de M. Mercier",
         "Bonjour,\n\nje suis l'assistante de M. Louis Mercier. Pourriez-vous nous indiquer la date de livraison de sa commande 8070 (Strasbourg, 67000) ?\n\nBien cordialement,\nLe secrétariat",
         "fr", 6, 9, 50, ("assistant", "role_address", "knows_facts", "names_buyer"), "office role address of the buyer's practice")
    ig("nachbarin", "8066", "17841488120065523", None,
       "Hallo, mein Nachbar hat bei euch bestellt, Nummer 8066, und das Paket liegt jetzt bei mir. Er ist verreist – soll ich es zurückschicken?",
       "de", 7, 12, 44, ("neighbour", "dm_no_name"), "neighbour, buyer not named")
    mail("pa_whitfield", "8038", "office@whitfield-consult.example", "Whitfield Consulting – Office",
         "Order 8038 on behalf of James Whitfield",
         "Good morning,\n\nwriting on behalf of my boss, James Whitfield. He'd like to know whether order 8038 (the 60 m rope) can still be returned, it's unused.\n\nKind regards,\nHelen, Office Manager",
         "en", 6, 8, 20, ("assistant", "on_behalf", "role_address", "names_buyer"), "PA writes from the company office address")
    fb("rosa", "8036", "6688120934471052", "Rosa Jiménez",
       "Hola, soy la madre de Raúl. El casco que compró (pedido 8036) le queda pequeño, ¿se puede cambiar por una talla L? Yo tengo la factura en casa.",
       "es", 5, 18, 25, ("relative", "names_buyer"), "mother on Messenger")
    mail("raul", "8036", "raul.jimenez@correo.example", "Raúl Jiménez",
         "Cambio casco pedido 8036",
         "Hola, mi madre os escribió por Messenger. Quiero cambiar el casco del pedido 8036 por una talla L. ¿Cómo lo hago?\n\nRaúl",
         "es", 6, 12, 0, ("owner",), "buyer himself")
    mail("greta", "8057", "greta.krueger@lausitz-post.example", "Greta Krüger",
         "Yogamatte Geschenk",
         "Guten Tag,\n\nmeine Enkelin hat mir eine Yogamatte schicken lassen (Bestellung 8057, PLZ 03046). Sie ist leider zu dünn für meine Knie. Kann ich die umtauschen?\n\nFreundliche Grüße\nGreta Krüger",
         "de", 7, 10, 30, ("gift_recipient", "shipping_zip_not_billing"), "gift recipient")
    mail("julia", "8057", "julia.krueger@havelpost.example", "Julia Krüger",
         "Bestellung 8057 – Matte für meine Oma",
         "Hallo, ich habe die Yogamatte für meine Oma bestellt (8057). Sie schreibt, die Matte ist zu dünn. Könnt ihr ihr eine dickere schicken? Ich zahle die Differenz.\n\nJulia",
         "de", 7, 21, 15, ("gift_buyer", "owner"), "the buyer, who ordered for her grandmother")

    # ---------------------------------------------------------------- strangers, guessers, impersonators
    ig("stranger_ig1", "8020", "17841490021187730", None,
       "order 8020 shipped yet?",
       "en", 5, 2, 3, ("stranger", "guesser", "dm_no_name"), "bare number from an unknown DM")
    ig("imp_hugo", "8045", "17841413305581294", "trailqueen.fr",
       "Bonjour, j'ai commandé le 8045 mais j'ai déménagé, envoyez-le plutôt au 3 rue de la Paix, 75002 Paris svp",
       "fr", 5, 22, 30, ("impersonator", "wrong_facts"), "not the buyer; tries to redirect")
    ig("imp_hugo", "8045", "17841413305581294", "trailqueen.fr",
       "mon ancien code postal c'est 31500",
       "fr", 5, 22, 41, ("impersonator", "wrong_facts"), "wrong postcode")
    mail("hugo", "8045", "hugo.moreau@free.example", "Hugo Moreau",
         "Commande 8045",
         "Bonjour, ma commande 8045 est-elle bien partie ? Je n'ai pas reçu de mail d'expédition. Et surtout ne changez pas l'adresse, je n'ai pas déménagé !\n\nHugo",
         "fr", 6, 8, 5, ("owner",), "real buyer")
    mail("phish", "8033", "zustellung@paket-dienst-service.example", "DHL Zustellung",
         "Zustellproblem Sendung zu Bestellung #8033",
         "Sehr geehrter Händler,\n\nfür die Sendung zu Ihrer Bestellung #8033 benötigen wir die vollständige Empfängeradresse und Telefonnummer des Kunden, da die Adresse unvollständig ist. Bitte antworten Sie innerhalb von 24 Stunden.\n\nIhr Zustellteam",
         "de", 5, 6, 30, ("impersonator", "stranger"), "phishing for a buyer's details")
    mail("guess_mail", "8097", "winter.deals@webpost.example", None,
         "Bestellung",
         "Ist Bestellung 8097 schon unterwegs?",
         "de", 6, 22, 12, ("guesser", "mistyped_number"), "#8097 does not exist")
    mail("stranger_it", "q", "ciclista.roma@posta-web.example", "Fabio",
         "Ordine 8071?",
         "Salve, un amico mi ha detto che avete spedito l'ordine 8071 al posto suo a me per errore? Io non ho ordinato nulla. Fabio",
         "it", 7, 19, 5, ("stranger",), "confused stranger names an order that is not his")

    # ---------------------------------------------------------------- numbers that are not orders
    mail("sophiel", "8041", "sophie.lambert@skynet.example", "Sophie Lambert",
         "Commande 8041 – chalkbag",
         "Bonjour,\n\nle chalkbag de la commande 8041 est arrivé, merci. Pour info, le livreur l'a laissé chez le voisin : j'habite Rue Saint-Gilles 58, boîte #3, 4000 Liège, merci de le noter pour la prochaine fois.\n\nSophie",
         "fr", 3, 14, 40, ("owner", "not_an_order"), "letterbox #3 is no order")
    mail("katharina", "8037", "katharina.vogel@aon-post.example", "Katharina Vogel",
         "Bestellung 8037 Trekkingstöcke",
         "Hallo,\n\nBestellung 8037: bitte nicht an die Abholstation liefern. Meine Adresse ist Sporgasse 21, 8010 Graz, dort ist tagsüber jemand.\n\nKatharina Vogel",
         "de", 4, 11, 5, ("owner", "postcode_collision", "not_an_order"), "Graz postcode 8010 collides with an order")
    mail("luca", "8034", "luca.romano@fastmail.example", "Luca Romano",
         "Ordine n. 8034 – fattura",
         "Buongiorno,\n\nper l'ordine n. 8034 ho ricevuto la fattura n. 8088 ma l'importo è sbagliato (manca lo sconto del 10%). Potete correggerla?\n\nLuca Romano",
         "it", 4, 15, 22, ("owner", "not_an_order"), "invoice number 8088")
    mail("james", "8038", "j.whitfield@oxmail.example", "James Whitfield",
         "Order 8038 - delivery card",
         "Hello,\n\nthe courier left a card for order 8038 but my flat is Unit #14, 8 Turl Street - they went to the wrong door. Can you ask them to redeliver?\n\nJames",
         "en", 3, 10, 22, ("owner", "not_an_order"), "flat Unit #14")
    mail("moritz", "8066", "moritz.fischer@rheinpost.example", "Moritz Fischer",
         "Lieferung Trekkingstöcke",
         "Hallo,\n\nmeine Kundennummer ist 8072, Bestellung 8066 – wann kommen die Stöcke? Ich bin ab Freitag verreist, mein Nachbar nimmt sie an.\n\nMoritz Fischer",
         "de", 6, 16, 40, ("owner", "not_an_order"), "invented 'customer number' 8072 is another order")
    mail("max", "8062", "max.lehmann@frankenpost.example", "Max Lehmann",
         "Ticket #55102 – Bestellung #8062",
         "Hallo,\n\nich beziehe mich auf Ticket #55102 von eurem alten Helpdesk. Der Helm aus Bestellung #8062 ist noch nicht da.\n\nMax",
         "de", 7, 9, 55, ("owner", "not_an_order"), "old ticket number")
    mail("radhaus", "8055", "orders@radhaus-bikes.example", "Radhaus Bikes",
         "Teillieferung Bestellung 8055",
         "Hallo,\n\nwir hatten 10 Lichter und 6 Helme bestellt (8055), geliefert wurden nur die Lichter. Außerdem: für das Frühjahr planen wir rund 8000 Ventilkappen – führt ihr sowas?\n\nDirk Kowalski\nRadhaus Bikes",
         "de", 5, 13, 18, ("reseller", "role_address", "owner", "not_an_order"), "quantity 8000 is no order")
    mail("chiara", "8032", "chiara.esposito@libero.example", "Chiara Esposito",
         "Ordine 8032: occhialini rotti",
         "Buongiorno,\n\ngli occhialini dell'ordine 8032 sono arrivati con una lente rotta. Il mio indirizzo è Via Chiaia 149, 80121 Napoli, se dovete mandare il cambio.\n\nChiara",
         "it", 3, 16, 48, ("owner", "damaged"), "Napoli CAP 80121 contains 8012 but is no candidate")
    mail("priya", "8039", "priya.nair@inbox.example", "Priya Nair",
         "Order 8039 - swap size",
         "Hi,\n\nthe trail shoes from order 8039 are a UK 6 and I need a 6.5. Can I swap them? I've only tried them on indoors.\n\nPriya",
         "en", 5, 19, 3, ("owner",), "exchange")
    mail("stranger_pre", "q", "t.okafor@mailbox.example", "Tunde Okafor",
         "Ski goggles for glasses?",
         "Hello, do the Firn photochromic goggles fit over prescription glasses? I'd like to order two pairs before Christmas.",
         "en", 6, 7, 30, ("presale",), "no order")
    mail("presale_fr", "q", "lea.garnier@laposte.example", "Léa Garnier",
         "Question taille",
         "Bonjour, la veste Grat 3L taille-t-elle grand ? Je fais 1m68 et j'hésite entre S et M.\nMerci, Léa",
         "fr", 7, 20, 5, ("presale",), "no order")
    mail("presale_es", "q", "c.vega@correo.example", "Cristina Vega",
         "¿Envíos a Canarias?",
         "Buenas, ¿hacéis envíos a Las Palmas? Quiero pedir la mochila de 28 litros.",
         "es", 8, 12, 40, ("presale",), "no order")

    # ---------------------------------------------------------------- routine buyers
    ig("isabelle", "8035", "17841402288517731", "Isa Fontaine",
       "Bonjour ! Commande 8035 passée avec isabelle.fontaine@orange.example, toujours pas de nouvelles du colis…",
       "fr", 4, 21, 2, ("dm_facts_one_msg", "dm_and_mail"), "both facts in one DM")
    mail("isabelle", "8035", "isabelle.fontaine@orange.example", "Isabelle Fontaine",
         "Commande 8035",
         "Bonjour, je vous ai écrit sur Instagram hier soir. Le suivi de la commande 8035 indique « en préparation » depuis 10 jours.\n\nIsabelle",
         "fr", 5, 9, 12, ("dm_and_mail", "owner"), "same order by mail")
    ig("isabelle", "8035", "17841402288517731", "Isa Fontaine",
       "c'est bon, colis reçu ce matin, merci 🙏",
       "fr", 8, 10, 20, ("dm_and_mail",), "closing DM, no number")
    mail("valentina", "8043", "valentina.greco.roma@gmail.com", "Valentina Greco",
         "Ordine 8043 tappetino",
         "Buongiorno, scrivo da un altro indirizzo: l'ordine 8043 l'ho fatto con vale.greco@libero.example. Mio marito vi ha scritto su Facebook, ma il tappetino ancora non c'è.\n\nValentina Greco",
         "it", 6, 10, 0, ("new_address_facts", "new_address_signed"), "buyer from a new Gmail gives number + order e-mail")
    fb("stefan", "8049", "7025518809933142", "Stefan Huber",
       "Servus, Bestellung 8049, PLZ 6020. Die Skibrille beschlägt innen bei jeder Abfahrt, kann ich die reklamieren?",
       "de", 3, 20, 15, ("dm_facts_one_msg",), "Messenger, number + billing postcode")
    ig("federica", "8052", "17841437761002918", "fede.conti",
       "ciao! volevo sapere dell'ordine 8052, lo zaino",
       "it", 2, 13, 5, ("dm_facts_spread",), "number only")
    ig("federica", "8052", "17841437761002918", "fede.conti",
       "il CAP è 50122 (Firenze)",
       "it", 2, 13, 9, ("dm_facts_spread",), "billing CAP")
    ig("federica", "8052", "17841437761002918", "fede.conti",
       "ah no scusate, è arrivato adesso! tutto ok 😊",
       "it", 2, 15, 40, ("dm_facts_spread",), "closing, no number")
    ig("sara", "8063", "17841450092318847", None,
       "Buonasera, ordine 8063 fatto con sara.colombo@libero.example: i guanti si possono ancora cambiare con una taglia M?",
       "it", 6, 19, 25, ("dm_no_name", "dm_facts_one_msg"), "no display name, both facts")
    fb("alessandro", "8058", "7480013229650174", "Alessandro Ferri",
       "Buongiorno, a che punto è l'ordine 8058? La corda mi serve per sabato.",
       "it", 5, 8, 2, ("dm_and_mail",), "number only, never completes")
    mail("alessandro", "8058", "a.ferri@genovamail.example", "Alessandro Ferri",
         "Ordine 8058 corda",
         "Buongiorno, vi ho scritto anche su Messenger. Ordine 8058, corda singola 60 m: è partito?\nAlessandro",
         "it", 5, 12, 40, ("dm_and_mail", "owner"), "same order by mail")
    mail("rebecca", "8071", "rebecca.stone@inbox.example", "Rebecca Stone",
         "Chalk bag order",
         "Hi, just checking on order 8071 - the chalk bag. It's a present so I need it by the 12th.\n\nBecky",
         "en", 6, 13, 30, ("owner",), "ordering address")
    fb("rebecca", "8071", "6120498833105547", "Becky Stone",
       "Hi it's Becky again (emailed yesterday) - order 8071, postcode NR1 3QU. Any update?",
       "en", 7, 17, 45, ("dm_and_mail", "dm_facts_one_msg"), "same order on Messenger with both facts")
    mail("daniel", "8047", "dan.price@valleymail.example", "Daniel Price",
         "Bike light order 8047",
         "Hi,\n\nany news on the bike light, order 8047? The tracking hasn't updated since Tuesday.\n\nDan",
         "en", 4, 12, 12, ("owner",), "ordering address")
    mail("daniel", "8047", "dan.price@valleymail.example", "Daniel Price",
         "Re: Bike light order 8047",
         "Arrived today, thanks for chasing it up.",
         "en", 6, 18, 3, ("owner", "lost_headers"), "lost-headers reply", lost=True)
    mail("laura", "8048", "lauramartinezbcn@gmail.com", "Laura Martínez",
         "Gafas de natación pedido 8048",
         "Hola, ¿me podéis decir cuándo llegan las gafas del pedido 8048? Gracias!\nLaura",
         "es", 5, 11, 30, ("owner", "gmail_variant"), "Gmail without the dots")
    mail("bernadette", "8051", "b.roux@laposte.example", "Bernadette Roux",
         "Commande 8051",
         "Bonjour,\n\nles bâtons de la commande 8051 sont-ils expédiés ? Je pars en randonnée le 10.\n\nBernadette Roux",
         "fr", 6, 14, 0, ("owner",), "ordering address")
    mail("elena", "8061", "elena.vidal@correo.example", "Elena Vidal",
         "Pedido #8061",
         "Hola, el seguimiento del pedido #8061 dice 'entregado' pero no lo tengo. ¿Podéis reclamar a Correos?\n\nElena",
         "es", 7, 10, 10, ("owner",), "ordering address")
    mail("elena", "8061", "elena.vidal@correo.example", "Elena Vidal",
         "Re: Pedido #8061",
         "Lo tenía el portero, ¡perdón por las molestias!",
         "es", 8, 9, 50, ("owner",), "same thread")
    mail("camille", "8064", "camille.perrin@orange.example", "Camille Perrin",
         "Tapis de yoga - commande n°8064",
         "Bonjour, le tapis de la commande n°8064 sent très fort le caoutchouc, est-ce normal ? Sinon je souhaite le retourner.\nCamille",
         "fr", 7, 15, 30, ("owner",), "ordering address")
    mail("camille", "8064", "camille.perrin@orange.example", "Camille Perrin",
         "Re: Tapis de yoga - commande n°8064",
         "D'accord, je le laisse aérer quelques jours et je vous redis.",
         "fr", 8, 16, 0, ("owner",), "same thread")
    mail("grace", "8065", "grace.oneill@mersey.example", "Grace O'Neill",
         "Rucksack - order 8065",
         "Hiya, can I change the colour on order 8065 to the dark green one before it ships?\nGrace",
         "en", 5, 20, 20, ("owner",), "ordering address")
    mail("irene", "8067", "irene.marino@tin.example", "Irene Marino",
         "Ordine 8067",
         "Salve, l'ordine 8067 (thermos) risulta ancora in lavorazione. Quando parte?\nIrene",
         "it", 8, 10, 45, ("owner", "new_matter"), "after her newsletter reply, an order question")
    mail("javier", "8068", "j.castillo@constructora-sur.example", "Javier Castillo",
         "Pedido 8068 luz bici",
         "Buenas tardes,\n\nles escribo desde el trabajo. ¿Ha salido ya el pedido 8068?\n\nJavier Castillo\nConstructora Sur S.L.",
         "es", 7, 16, 45, ("new_address_signed",), "buyer from his work address, signed, no facts")
    mail("aylin", "8069", "aylin.kaya@mainpost.example", "Aylin Kaya",
         "Jacke Bestellung 8069",
         "Hallo, die Hardshelljacke aus Bestellung 8069 ist noch nicht angekommen. Könnt ihr nachschauen?\nAylin",
         "de", 6, 12, 50, ("owner",), "ordering address")
    mail("aylin", "presale", "aylin.kaya@mainpost.example", "Aylin Kaya",
         "Frage zu Handschuhen",
         "Noch eine andere Frage: sind die Loipe-Handschuhe touchscreenfähig? Ich würde sie meinem Bruder schenken.\nAylin",
         "de", 8, 14, 15, ("presale", "new_matter"), "new, unrelated question")
    mail("paolo", "8072", "paolo.gatti@venetomail.example", "Paolo Gatti",
         "Annullare ordine 8072",
         "Buongiorno, vorrei annullare l'ordine 8072, ho trovato le scarpe in negozio. Grazie.\nPaolo Gatti",
         "it", 6, 9, 5, ("owner",), "cancel")
    mail("clara", "8074", "clara.dominguez@correo.example", "Clara Domínguez",
         "Cancelar pedido",
         "Hola, quiero cancelar el pedido #8074 (esterilla de yoga) si todavía no ha salido.\nClara Domínguez",
         "es", 7, 11, 20, ("owner",), "cancel")
    mail("florian", "8075", "florian.maier@donaupost.example", "Florian Maier",
         "Lieferadresse Bestellung 8075",
         "Hallo,\n\nkann ich die Lieferadresse für Bestellung 8075 noch ändern? Bitte an meine Arbeit: Dr.-Martin-Luther-Straße 12, 93047 Regensburg.\n\nFlorian Maier",
         "de", 6, 10, 25, ("owner", "address_change"), "address change")
    mail("florian", "8075", "florian.maier@donaupost.example", "Florian Maier",
         "Re: Lieferadresse Bestellung 8075",
         "Super, danke. Dann warte ich auf die Versandbestätigung.",
         "de", 7, 8, 5, ("owner",), "same thread")
    mail("mia", "8033", "mia.schneider@web-post.example", "Mia Schneider",
         "Rücksendung Bestellung 8033",
         "Hallo,\n\ndie Trailrunner aus Bestellung 8033 sind mir zu eng. Wie läuft die Rücksendung?\n\nMia Schneider",
         "de", 4, 18, 0, ("owner",), "return")
    mail("carmen", "8046", "carmen.ortega@correo.example", "Carmen Ortega",
         "Cambio guantes pedido 8046",
         "Hola, mi hermana os escribió por Instagram. Quiero cambiar los guantes del pedido 8046 por una talla S.\nCarmen",
         "es", 6, 18, 20, ("owner", "new_matter"), "the buyer herself")
    mail("sarah", "8029", "sarah.collins@inbox.example", "Sarah Collins",
         "Goggles order 8029",
         "Hi, back in signal range! My friend Kate emailed about order 8029 - thanks for holding off. Has it shipped?\nSarah",
         "en", 8, 19, 30, ("owner",), "the buyer herself after her friend")
    mail("olivia", "8054", "olivia.bennett@inbox.example", "Olivia Bennett",
         "order 8054",
         "Hello dear, my grandson says he wrote to you. Are my shoes on their way? Order 8054.\nOlivia Bennett",
         "en", 8, 11, 0, ("owner",), "the buyer herself")
    mail("antoine", "8028", "antoine.girard@sfr.example", "Antoine Girard",
         "Colis abîmé commande 8028",
         "Bonjour, ma voisine a récupéré mon colis (commande 8028), le sac à dos a une déchirure sur le côté. Je voudrais un échange.\nAntoine Girard",
         "fr", 8, 20, 10, ("owner", "damaged"), "the buyer after his neighbour")
    mail("johanna", "8042", "johanna.wolf@jwolf.example", "Johanna Wolf",
         "Jacke 8042",
         "Hallo, mein Kollege hat euch wohl geschrieben – danke für die Geduld. Ist die Jacke aus 8042 schon unterwegs?\nJohanna",
         "de", 8, 8, 30, ("owner",), "the buyer herself")
    mail("carla", "8027", "carla.rossi@tin.example", "Carla Rossi",
         "ordine 8027",
         "Gentili signori, la mia assistente vi ha scritto su Instagram per l'ordine 8027. Confermo che i bastoncini sono per me. Quando arrivano?\nCarla Rossi",
         "it", 6, 15, 15, ("owner",), "the buyer herself")
    mail("ines", "8021", "ines.roth@posteo.example", "Ines Roth",
         "Abholung Bestellung 8021",
         "Hallo, mein Mann hat gefragt, ob wir die Flaschen aus Bestellung 8021 abholen können. Ich bestätige das gern, es ist meine Bestellung.\nInes",
         "de", 9, 9, 5, ("owner",), "same order as her BCC reply but a new request (pickup): new conversation")
    mail("felix", "8020", "felix.wagner@elbnet.example", "Felix Wagner",
         "Jacke 8020 Größe",
         "Hallo nochmal, unabhängig von der Lieferung: kann ich die Jacke aus 8020 nach Erhalt in L statt M tauschen?\nFelix",
         "de", 9, 14, 0, ("owner",), "exchange request outside the BCC reply")
    mail("mathilde", "8023", "mathilde.laurent@laposte.example", "Mathilde Laurent",
         "Tapis 8023",
         "Bonjour, le tapis de la commande 8023 est enfin arrivé, mais il a une entaille sur le bord. Est-ce possible de l'échanger ?\nMathilde",
         "fr", 9, 11, 40, ("owner",), "after her BCC reply, a new request (exchange of a damaged mat)")
    mail("noemie", "8059", "noemie.blanc@free.example", "Noémie Blanc",
         "Gourde commande 8059",
         "Bonjour, la gourde de la commande 8059 fuit au niveau du bouchon. Que proposez-vous ?\nNoémie",
         "fr", 9, 16, 30, ("owner", "damaged"), "after her unsubscribe")
    ig("luca", "8034", "17841429987014462", "luca.romano.mi",
       "Ciao, ho scritto anche per mail per l'ordine 8034. La fattura va corretta, CAP 20121.",
       "it", 5, 21, 0, ("dm_and_mail", "dm_facts_one_msg"), "same request on IG with number + billing CAP")
    ig("jonas", "8024", "17841446612380059", "jonas.bckr",
       "Hi! Bestellung 8024, PLZ 48143 – der Helm ist jetzt da, aber die Schnalle fehlt.",
       "de", 9, 19, 30, ("dm_facts_one_msg",), "after his BCC reply, a new request on DM")
    fb("elif", "8026", "7391022840153368", None,
       "Merhaba! Bestellung 8026 – das Licht ist da, aber die Halterung passt nicht an meinen Lenker. Kann ich es zurückgeben? Bestellt mit elif.demir@mailhaus.example",
       "de", 9, 21, 10, ("dm_no_name", "dm_facts_one_msg"), "after her BCC reply, a new request (return) on Messenger")
    ig("paul", "8007", "17841412233445566", "paul.mei3r",
       "Hallo, ich hatte euch wegen des fehlenden Karabiners gemailt (Bestellung 8007, PLZ 70178). Kommt der noch?",
       "de", 7, 18, 0, ("reseller_end_customer", "shipping_zip_not_billing", "dm_and_mail"), "drop-ship recipient again, on IG")

    # ---------------------------------------------------------------- more households, relatives, colleagues
    mail("jess", "8039", "jess.walker@inbox.example", "Jess Walker",
         "Flatmate's parcel",
         "Hi, my flatmate Priya ordered some trail shoes (8039) and the card says you tried to deliver to LE1 5WW while we were out. Can I rebook the delivery for her?\nJess",
         "en", 6, 12, 15, ("household_address", "names_buyer", "knows_facts"), "flatmate with number and billing postcode")
    mail("lucy", "8060", "lucy.hartley@seaside.example", "Lucy Hartley",
         "Husband's order",
         "Hello, my husband Ben placed order #8060 (postcode BN1 1AE). They're meant to be his Christmas present from himself, haha - could you tell me roughly when they'll arrive?\nLucy",
         "en", 7, 9, 40, ("partner", "household_address", "knows_facts", "names_buyer"), "wife, shared address")
    mail("pere_blanc", "8059", "g.blanc@free.example", "Gérard Blanc",
         "Commande de ma fille",
         "Bonjour,\n\nje suis le père de Noémie Blanc. Elle m'a demandé de vous écrire pour la gourde de sa commande 8059 qui fuit. Elle est joignable sur son adresse habituelle.\n\nGérard Blanc",
         "fr", 9, 10, 5, ("relative", "names_buyer"), "father writes for his daughter")
    fb("amico", "8058", "7552093318844106", None,
       "Ciao, un mio amico ha ordinato la corda 8058, la ritiro io in negozio sabato. Posso venire con il suo numero d'ordine?",
       "it", 6, 10, 30, ("friend", "dm_no_name"), "friend, buyer not named")
    mail("coach", "8050", "coach.lindner@gmail.com", "Markus Lindner",
         "Handbälle Bestellung 8050",
         "Hallo,\n\nich bin Trainer beim TSV Eichenau, der Verein hat über info@ 15 Handbälle bestellt (8050). Wann kommen die? Training ist Donnerstag.\n\nMarkus",
         "de", 7, 20, 20, ("company_employee", "role_address"), "club trainer from his own Gmail; the club's info@ mailbox is the buyer")
    mail("eichenau", "8050", "info@tsv-eichenau.example", "TSV Eichenau Handball",
         "Bestellung #8050",
         "Hallo, unser Trainer fragt nach den 15 Handbällen aus Bestellung #8050. Bitte Info an diese Adresse.\nAbteilungsleitung Handball",
         "de", 8, 8, 50, ("role_address", "owner", "new_matter"), "club role address itself")
    mail("lars", "8055", "lars@radhaus-bikes.example", "Lars Brückner",
         "Helme 8055",
         "Hi, Lars aus der Werkstatt von Radhaus Bikes. Die Helme aus 8055 fehlen noch, Kunde wartet. Gebt ihr mir kurz Bescheid?\nLars",
         "de", 6, 15, 5, ("company_employee", "role_address"), "shop employee, own address, the orders@ mailbox bought")

    # ---------------------------------------------------------------- DMs spread over many messages
    ig("grace", "8065", "17841400592231187", None, "hiya", "en", 7, 21, 0, ("dm_no_name", "dm_facts_spread", "dm_and_mail"), "greeting only")
    ig("grace", "8065", "17841400592231187", None, "it's about my order, the rucksack", "en", 7, 21, 1, ("dm_no_name", "dm_facts_spread", "dm_and_mail"), "no number yet")
    ig("grace", "8065", "17841400592231187", None, "8065", "en", 7, 21, 2, ("dm_no_name", "dm_facts_spread", "dm_and_mail"), "bare number")
    ig("grace", "8065", "17841400592231187", None, "grace.oneill@mersey.example is the email", "en", 7, 21, 4, ("dm_no_name", "dm_facts_spread", "dm_and_mail"), "second fact")
    ig("grace", "8065", "17841400592231187", None, "so can 8065 still go in dark green?? emailed you too", "en", 7, 21, 5, ("dm_no_name", "dm_facts_spread", "dm_and_mail"), "facts shown earlier in this DM")
    ig("irene", "8067", "17841455508812203", "irene_m",
       "Ciao! Ordine 8067, email irene.marino@gmail.com",
       "it", 8, 12, 10, ("wrong_facts", "dm_facts_spread", "dm_and_mail"), "the buyer types a wrong e-mail")
    ig("irene", "8067", "17841455508812203", "irene_m",
       "scusate, è irene.marino@tin.example 🙈 quando parte l'8067?",
       "it", 8, 12, 13, ("dm_facts_spread", "dm_and_mail"), "correct e-mail")

    # ---------------------------------------------------------------- impersonators, guessers, typos
    fb("imp_marco", "8040", "7066128845520913", "Marco Rinaldi",
       "Salve, ordine 8040 è mio, per favore cambiate l'indirizzo di consegna in Via Roma 3, Milano. Urgente.",
       "it", 7, 23, 15, ("impersonator",), "display name copies the buyer's name")
    mail("bulk_guess", "q", "bulk.reseller@tradehub.example", "Tradehub Sourcing",
         "Status request orders",
         "Hello,\n\nplease confirm the status and shipping addresses of orders #8001, #8002 and #8003. We are auditing our shipments.\n\nTradehub Sourcing",
         "en", 8, 3, 40, ("stranger", "guesser", "impersonator"), "phishing for three orders")
    mail("louis", "8070", "louis.mercier@estmail.example", "Louis Mercier",
         "Commande #807",
         "Bonjour, ma secrétaire vous a écrit pour la commande #807 – pardon, #8070. Je confirme que c'est bien ma commande, quand arrive-t-elle ?\nLouis Mercier",
         "fr", 7, 9, 10, ("owner", "mistyped_number"), "typo #807 then #8070")
    mail("katharina", "8037", "katharinavogel@aon-post.example", "Katharina Vogel",
         "Re: Bestellung 8037 Trekkingstöcke",
         "Ich schreibe vom Handy, falls die andere Adresse nicht ankommt: Bestellung 8037, bitte Sporgasse 21 beliefern.\nKatharina",
         "de", 5, 7, 50, ("non_gmail_variant", "lost_headers"), "dotless variant on a non-Gmail provider is another address")
    mail("stefan", "8049", "stefan.huber@tirolnet.example", "Stefan Huber",
         "Reklamation Skibrille 8049",
         "Servus,\n\nwie auf Facebook geschrieben: die Skibrille aus Bestellung 8049 beschlägt. Ersatz bitte an Hotel Edelweiss, Zimmer 8016, Innsbruck – ich bin dort bis 12.12.\n\nStefan Huber\nTel. 0664 8035 221",
         "de", 4, 9, 30, ("owner", "dm_and_mail", "not_an_order"), "hotel room 8016 and phone group 8035 are no orders")
    mail("sabine", "8012", "sabine.weber@mailhaus.example", "Sabine Weber",
         "Re: Bestellung #8012",
         "Danke! Könnt ihr bei der Gelegenheit auch nach der Bestellung 8013 meines Mannes schauen? Er wartet auf Antwort.\nSabine",
         "de", 7, 10, 0, ("owner", "household_phone", "knows_facts"), "her own order plus her husband's")

    # ---------------------------------------------------------------- routine follow-ups
    mail("chiara", "8032", "chiara.esposito@libero.example", "Chiara Esposito",
         "Re: Ordine 8032: occhialini rotti",
         "Grazie, ho ricevuto l'etichetta per il reso. Spedisco domani.\nChiara",
         "it", 5, 9, 20, ("owner",), "same thread")
    mail("priya", "8039", "priya.nair@inbox.example", "Priya Nair",
         "Re: Order 8039 - swap size",
         "Great, I'll send them back this week. My flatmate might have been in touch about the redelivery too, sorry!\nPriya",
         "en", 6, 19, 45, ("owner",), "same thread")
    mail("james", "8038", "j.whitfield@oxmail.example", "James Whitfield",
         "Re: Order 8038 - delivery card",
         "Got it now, thanks. Ignore the email from my office about returning it - I'm keeping the rope.\nJames",
         "en", 7, 8, 0, ("owner",), "same thread")
    mail("mia", "8033", "mia.schneider@web-post.example", "Mia Schneider",
         "Re: Rücksendung Bestellung 8033",
         "Danke, Retourenschein ist angekommen. Bekomme ich das Geld auf die Kreditkarte zurück?\nMia",
         "de", 6, 8, 40, ("owner",), "same thread")
    mail("paolo", "8072", "paolo.gatti@venetomail.example", "Paolo Gatti",
         "R: Annullare ordine 8072",
         "Perfetto, grazie per la conferma dell'annullamento.",
         "it", 7, 7, 20, ("owner",), "same thread")
    mail("clara", "8074", "clara.dominguez@correo.example", "Clara Domínguez",
         "RE: Cancelar pedido",
         "Gracias. ¿El reembolso tarda mucho?",
         "es", 8, 10, 0, ("owner",), "same thread, no number")
    mail("grace", "8065", "grace.oneill@mersey.example", "Grace O'Neill",
         "Re: Rucksack - order 8065",
         "Thanks for swapping it! Sorry for the flurry of Instagram messages.\nGrace",
         "en", 8, 9, 15, ("owner", "dm_and_mail"), "same thread")
    mail("presale_it", "q", "info@scuola-sci-cervinia.example", "Scuola Sci Cervinia",
         "Preventivo maschere",
         "Buongiorno, siamo una scuola di sci e vorremmo un preventivo per 40 maschere Firn per i nostri maestri. Fate sconti per quantità?\nLa segreteria",
         "it", 8, 11, 30, ("presale", "role_address"), "role address, no order")
    mail("presale_de", "q", "huettenwart@alpenverein-sektion.example", "Hüttenwart Sektion Oberland",
         "Anfrage Seile",
         "Servus, wir brauchen für die Hütte 6 Einfachseile. Liefert ihr auch auf Rechnung an Vereine?\nHüttenwart",
         "de", 9, 8, 0, ("presale", "role_address"), "role address, no order")
    mail("hannah", "8016", "hannah.schulz@posteo.example", "Hannah Schulz",
         "Rucksack 8016 angekommen",
         "Hallo, jetzt auch von der alten Adresse: der Rucksack ist da. Danke!\nHannah",
         "de", 8, 17, 30, ("owner",), "same order from the ordering address")
    mail("tobias", "8030", "t.kraemer@posteo.example", "Tobias Krämer",
         "Re: Bestellung #8030 – Skibrille",
         "Ist da, passt. Merci!",
         "de", 9, 18, 0, ("owner",), "same thread")
    ig("marta", "8004", "17841433390021765", "Marta R.",
       "Ya me llegó el 8004!! gracias 🙌",
       "es", 5, 12, 0, ("dm_and_mail",), "same DM thread, facts shown earlier")

    # ---------------------------------------------------------------- more phrasings and traps
    ig("novio", "8061", "17841471230098812", "Dani Ruiz",
       "Hola, mi novia Elena hizo el pedido 8061 y dice que no le ha llegado, CP 29001. ¿Me podéis decir algo a mí? Es que ella está trabajando.",
       "es", 7, 20, 10, ("partner", "knows_facts", "names_buyer"), "boyfriend with number and billing CP")
    mail("collegue", "8064", "thomas.rey@atelier-dijon.example", "Thomas Rey",
         "Commande d'une collègue",
         "Bonjour,\n\nje travaille avec Camille Perrin, elle m'a demandé de vous relancer pour le tapis de la commande 8064 : elle souhaite finalement le retourner. Vous pouvez me répondre directement.\n\nThomas",
         "fr", 8, 13, 5, ("colleague", "names_buyer", "on_behalf"), "colleague asks for a return")
    mail("moglie_gatti", "8072", "marta.gatti@venetomail.example", "Marta Gatti",
         "ordine di mio marito",
         "Buongiorno, sono la moglie di Paolo Gatti. L'ordine 8072 è stato annullato davvero? Non vedo ancora il rimborso sulla carta.\nMarta",
         "it", 8, 15, 30, ("partner", "names_buyer", "household_address"), "wife, same provider as the buyer")
    mail("becky_mum", "8071", "j.stone@norfolkmail.example", "Jan Stone",
         "Becky's chalk bag",
         "Hello, I'm Becky Stone's mum - I paid for her order 8071 with my card as a gift. Can you tell me if it's been posted? NR1 3QU.\nJan",
         "en", 8, 17, 0, ("relative", "knows_facts", "names_buyer", "on_behalf"), "mother who paid, not the buyer")
    mail("deniz", "8069", "deniz.kaya@mainpost.example", "Deniz Kaya",
         "Bestellung meiner Schwester",
         "Hallo, ich bin Aylins Schwester. Bestellung 8069, bestellt mit aylin.kaya@mainpost.example. Die Jacke soll zu mir nach Offenbach, weil Aylin umzieht – geht das?\nDeniz",
         "de", 8, 19, 40, ("relative", "knows_facts", "names_buyer"), "sister, same mail provider, number + e-mail")
    mail("jonas", "8024", "jonas.becker.ms@gmail.com", None,
         "Helm",
         "hab ne neue adresse. der helm aus 8024 ist da, aber die schnalle fehlt immer noch, bitte nachschicken",
         "de", 10, 8, 10, ("new_address_unsigned", "other_gmail"), "another Gmail mailbox, not a variant of his; same request as his DM")
    mail("brandt", "nl", "einkauf@brandt-logistik.example", "Brandt Logistik Einkauf",
         "AW: " + NLS,
         "Sehr geehrte Damen und Herren,\n\nbitte senden Sie uns ein Angebot über 30 Hardshelljacken Grat 3L zu den Black-Week-Konditionen, gleiche Ausführung wie in unserer Bestellung 8010.\n\nBrandt Logistik GmbH – Einkauf",
         "de", 6, 16, 20, ("newsletter_reply", "role_address", "company_buyer", "owner"), "purchasing mailbox answers the newsletter, referring to its order")
    ig("javier", "8068", "17841493381120467", "javi.castillo",
       "Hola, CP 30001",
       "es", 8, 21, 0, ("dm_facts_spread", "dm_and_mail"), "postcode first, no number")
    ig("javier", "8068", "17841493381120467", "javi.castillo",
       "el pedido es el 8068, os escribí desde el correo del trabajo",
       "es", 8, 21, 2, ("dm_facts_spread", "dm_and_mail"), "number second: both facts now")
    ig("laura", "8048", "17841408827760153", None,
       "hola! pedido 8048, CP 08001 Barcelona. ya ha salido?",
       "es", 7, 9, 30, ("dm_no_name", "dm_facts_one_msg", "dm_and_mail", "postcode_collision"), "CP 08001 contains 8001 but is no candidate")
