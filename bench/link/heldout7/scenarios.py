# -*- coding: utf-8 -*-
"""Who wrote what, when. Person keys: a buyer's key from gen_data.BUYERS, or a
key of its own for everyone else. conv is the matter (person + conv = one
conversation)."""
from gen_lib import Recorder, Thread

BCC_ID = "holidays-2026.7c1e9a@pawandpine.example"       # BCC'd announcement
NL_ID = "nl-2026-47.b2f04d@news.pawandpine.example"       # newsletter


def build():
    R = Recorder()
    M, D, A, E = R.mail, R.dm, R.amz, R.ebay

    # ---------------- anna: two orders, gmail + googlemail -------------------
    t = Thread()
    M("anna", "anna.keller@gmail.com", "Anna Keller", "Bestellung #7072 - Trinkbrunnen",
      "Hallo Paw & Pine,\nwann wird der Trinkbrunnen aus meiner Bestellung #7072 verschickt? Unsere Katze streikt beim Wassernapf.\nLG Anna Keller",
      28, 9, 12, "7072", ["owner_mail"], "de", thread=t, note="buyer from ordering address")
    M("anna", "anna.keller@gmail.com", "Anna Keller", "Re: Bestellung #7072 - Trinkbrunnen",
      "Danke fuer die schnelle Antwort, dann warte ich bis Montag.\nAnna",
      29, 8, 40, "7072", ["owner_mail", "threaded_reply"], "de", thread=t)
    M("anna", "AnnaKeller@googlemail.com", "Anna K.", "Hundebett Reissverschluss",
      "Hallo nochmal, eine andere Sache: beim orthopaedischen Hundebett aus Bestellung 7001 ist nach drei Wochen der Reissverschluss vom Bezug ausgerissen. Gibt es einen Ersatzbezug?\nAnna Keller",
      30, 19, 5, "7001", ["gmail_variant", "new_matter"], "de",
      note="googlemail.com, dots and case differ: Gmail delivers to the ordering address")
    # a different Anna Keller, no order
    M("anna_ch", "anna.keller@example.ch", "Anna Keller", "Bestellung 7001?",
      "Grueezi, ich glaube ich habe bei Ihnen ein Hundebett bestellt, Bestellung 7001? Ich finde die Bestaetigung nicht mehr. Koennen Sie mir den Status sagen?\nAnna Keller, Basel",
      31, 14, 22, "7001", ["same_name_stranger", "guesser"], "de",
      note="another woman of the same name, not the buyer")

    # ---------------- tom: two orders, threaded, new matter ------------------
    t = Thread()
    M("tom", "tom.brennan@example.ie", "Tom Brennan", "Order 7002 - harness and lead",
      "Hi folks,\nJust checking on order 7002 (harness + red lead). Tracking hasn't moved since Tuesday. Any idea?\nCheers, Tom",
      21, 10, 3, "7002", ["owner_mail"], "en", thread=t)
    M("tom", "tom.brennan@example.ie", "Tom Brennan", "Re: Order 7002 - harness and lead",
      "Still nothing on An Post's site for 7002, it's been 9 days now. Could you open a trace?\nTom",
      23, 16, 47, "7002", ["owner_mail", "threaded_reply"], "en", thread=t)
    M("tom", "tom.brennan@example.ie", "Tom Brennan", "Add to order 7071?",
      "Hi again - the harness finally came, thanks. Different question: I placed order 7071 yesterday for salmon treats. Could you add a grooming glove to it before it ships, or should I order it separately?\nTom",
      27, 11, 30, "7071", ["owner_mail", "new_matter"], "en")

    # ---------------- lucie + partner ----------------------------------------
    t = Thread()
    M("lucie", "lucie.marchand@example.fr", "Lucie Marchand", "Commande n° 7003 - arbre a chat",
      "Bonjour,\nJ'ai commande un arbre a chat Birch (commande n° 7003) et le suivi Colissimo indique \"en cours d'acheminement\" depuis 5 jours. Pouvez-vous verifier ?\nMerci, Lucie",
      22, 8, 55, "7003", ["owner_mail"], "fr", thread=t)
    M("lucie", "lucie.marchand@example.fr", "Lucie Marchand", "Re: Commande n° 7003 - arbre a chat",
      "Colis recu ce matin, merci ! Par contre il manque le sachet de vis pour monter la plateforme du haut.",
      24, 12, 14, "7003", ["owner_mail", "threaded_reply"], "fr", thread=t)
    M("karim", "karim.haddad@example.fr", "Karim Haddad", "Vis manquantes arbre a chat",
      "Bonjour, ma compagne a commande chez vous l'arbre a chat (commande 7003, livre au 18 rue Paul Bert, 69003 Lyon). C'est moi qui le monte et il manque les vis M6. Vous pouvez me les envoyer directement ?\nKarim",
      24, 19, 2, "7003", ["proxy_partner", "proxy_with_facts"], "fr",
      note="buyer's partner from his own address; gives number and billing postcode, still not the buyer")

    # ---------------- javier: '#2' is no order -------------------------------
    t = Thread()
    M("javier", "jortega@example.es", "Javier Ortega", "Pedido 7004: fuente rota",
      "Hola,\nme han llegado las dos fuentes del pedido 7004 pero la fuente #2 tiene la tapa rajada y pierde agua. Adjunto fotos. ¿Me mandáis otra?\nUn saludo, Javier",
      20, 18, 20, "7004", ["owner_mail", "non_order_number"], "es", thread=t)
    M("javier", "jortega@example.es", "Javier Ortega", "Re: Pedido 7004: fuente rota",
      "Perfecto, os devuelvo la rota con la etiqueta que me habéis mandado. Gracias.",
      22, 9, 31, "7004", ["owner_mail", "threaded_reply"], "es", thread=t)

    # ---------------- giulia: mail, then IG with facts spread ----------------
    M("giulia", "giulia.ferraro@example.it", "Giulia Ferraro", "Ordine #7005",
      "Buongiorno, vorrei sapere quando arriva la lettiera dell'ordine #7005. Grazie, Giulia Ferraro",
      23, 9, 2, "7005", ["owner_mail", "dm_and_mail"], "it")
    D("giulia", "ig", "giulia", "Giulia Ferraro",
      "Ciao! Vi ho scritto anche per email per l'ordine 7005, ci sono novità?",
      24, 13, 10, "7005", ["dm_and_mail", "dm_name", "dm_number_only"], "it",
      note="buyer on IG, number only so far")
    D("giulia", "ig", "giulia", "Giulia Ferraro",
      "la mail con cui ho ordinato è giulia.ferraro@example.it",
      24, 13, 12, "7005", ["dm_and_mail", "dm_facts_spread"], "it")
    D("giulia", "ig", "giulia", "Giulia Ferraro",
      "quindi il 7005 parte oggi?",
      24, 13, 30, "7005", ["dm_and_mail", "dm_facts_spread"], "it",
      note="number + e-mail given earlier in this IG thread")

    # ---------------- heike: postcode 7000 -----------------------------------
    D("heike", "ig", "heike", None,
      "Hallo! Bestellung 7006, PLZ 7000 Eisenstadt. Wann kommt der Futterautomat? Danke",
      25, 7, 45, "7006", ["dm_facts_one_msg", "dm_no_name", "non_order_number"], "de",
      note="7000 is her billing postcode, not an order")

    # ---------------- sam: googlemail + tag ----------------------------------
    M("sam", "Sam.Doyle+pets@googlemail.com", "Sam Doyle", "Order #7007 - dented carrier",
      "Hiya, the pet carrier from order #7007 arrived with a big dent in the door frame and the latch won't close. Can I get a replacement? Photos attached.\nSam",
      25, 20, 15, "7007", ["gmail_variant"], "en")

    # ---------------- marco: two orders in one matter, mail + Messenger ------
    M("marco", "marco.bellini@example.it", "Marco Bellini", "Ordini 7008 e 7041",
      "Buonasera, ho due ordini aperti, il 7008 (filtro acquario) e il 7041 (snack e guanto). Il filtro è arrivato, gli snack no. Potete controllare? Marco",
      25, 21, 0, "7008+7041", ["owner_mail", "multi_order"], "it")
    D("marco", "fb", "marco", "Marco Bellini",
      "Ciao, sono Marco, ordine 7041, CAP 40125, gli snack sono partiti?",
      27, 12, 30, "7008+7041", ["dm_and_mail", "dm_facts_one_msg", "dm_name"], "it")

    # ---------------- claire: gift buyer, shipping vs billing postcode -------
    D("claire", "ig", "claire", "Claire Dubois",
      "Bonjour, commande 7009, c'est un cadeau pour ma nièce à Rennes, code postal 35000. Où en est le colis ?",
      23, 18, 2, "7009", ["gift_buyer", "dm_shipping_postcode", "dm_name"], "fr",
      note="gave the SHIPPING postcode, not the billing one")
    D("claire", "ig", "claire", "Claire Dubois",
      "Ah pardon, chez moi c'est 44000 Nantes, la commande 7009 est à mon nom.",
      23, 18, 6, "7009", ["gift_buyer", "dm_facts_spread"], "fr")
    M("manon", "manon.dubois@example.fr", "Manon Dubois", "Colis incomplet",
      "Bonjour, j'ai recu un colis de votre part, c'est un cadeau de ma tante (commande 7009, livraison 27 rue de Saint-Malo, 35000 Rennes). Il manque un des deux jouets en corde. Merci de regarder.\nManon",
      27, 17, 40, "7009", ["gift_recipient", "proxy_relative", "proxy_with_facts"], "fr",
      note="gift recipient, the buyer's niece")

    # ---------------- petra + husband ----------------------------------------
    M("jens", "jens.vogt@example.de", "Jens Vogt", "Hundebett Lieferung",
      "Guten Tag,\nmeine Frau hat bei Ihnen ein Hundebett bestellt (Bestellnummer 7010, ihre Mail ist petra.vogt@example.de, PLZ 22765). Koennen Sie mir sagen, wann es kommt? Wir sind am Donnerstag nicht zuhause.\nGruss Jens Vogt",
      24, 7, 58, "7010", ["proxy_partner", "proxy_with_facts"], "de",
      note="husband gives number, her e-mail and postcode: still not the buyer")
    M("petra", "petra.vogt@example.de", "Petra Vogt", "Bestellung 7010",
      "Hallo, mein Mann hat Ihnen schon wegen Bestellung 7010 geschrieben. Bitte antworten Sie mir, ich habe bestellt. Donnerstag ist keiner da, geht Freitag?\nPetra Vogt",
      26, 8, 20, "7010", ["owner_mail"], "de")

    # ---------------- kevin + colleague --------------------------------------
    M("kevin", "kevin.omalley@example.com", "Kevin O'Malley", "Order 7011 - missing treats",
      "Hey, order 7011 showed up but only one bag of salmon treats instead of two. My dog is your #1 fan so please send the other one :)\nKevin",
      22, 15, 4, "7011", ["owner_mail", "non_order_number"], "en")
    M("priya", "priya.shah@bluefin-labs.example", "Priya Shah", "On behalf of Kevin O'Malley",
      "Hello, I'm reaching out for my colleague Kevin O'Malley, who is travelling this week. His order 7011 was delivered to our office and the grooming gloves are the wrong size. Can they be exchanged? You can reply to me.\nPriya Shah, Office Manager",
      23, 14, 50, "7011", ["proxy_colleague"], "en",
      note="colleague writing on his behalf")

    # ---------------- rosa + son; felix mistyped 7012 ------------------------
    t = Thread()
    M("pablo", "pablo.jb@example.es", "Pablo", "Pedido de mi madre",
      "Hola, os escribo por mi madre, Rosa Jiménez, que no se apaña con el correo. Su pedido es el 7012, el email con el que compró es rosa.jimenez@example.es y el código postal 41003. ¿Cuándo llega la jaula?\nGracias, Pablo",
      23, 20, 30, "7012", ["proxy_relative", "proxy_with_facts"], "es",
      note="son knows both facts; not the buyer")
    M("pablo", "pablo.jb@example.es", "Pablo", "Re: Pedido de mi madre",
      "¿Alguna novedad con el 7012? Mi madre está preocupada.",
      26, 10, 5, "7012", ["proxy_relative", "threaded_reply"], "es")
    t = Thread()
    M("felix", "felix.hartmann@example.de", "Felix Hartmann", "Bestellung 7012 fehlt",
      "Hallo, meine Bestellung 7012 (zwei Aquarienfilter) ist immer noch nicht da. Koennen Sie nachsehen?\nFelix Hartmann",
      24, 12, 0, "7021", ["mistyped_number"], "de",
      note="typo: his order is 7021, 7012 is someone else's")
    M("felix", "felix.hartmann@example.de", "Felix Hartmann", "Re: Bestellung 7012 fehlt",
      "Sorry, Zahlendreher! Es ist natuerlich die 7021, nicht 7012.",
      24, 15, 18, "7021", ["mistyped_number", "owner_mail", "threaded_reply"], "de")

    # ---------------- ingrid + care service ----------------------------------
    M("pflege", "pflege.mitte@ambulant-hilfe.example", "Ambulanter Pflegedienst Mitte", "Lieferung fuer Frau Lindqvist",
      "Sehr geehrte Damen und Herren,\nwir betreuen Frau Ingrid Lindqvist in der Kastanienallee. Sie hat bei Ihnen einen Trinkbrunnen bestellt, Auftrag 7013. Bitte liefern Sie nur vormittags, da ist unsere Pflegekraft vor Ort.\nMit freundlichen Gruessen\nPflegedienst Mitte",
      25, 9, 15, "7013", ["proxy_carer"], "de",
      note="care service mailbox, one person, not the buyer")
    D("ingrid", "fb", "ingrid", "Ingrid Lindqvist",
      "Guten Tag, ich bin Ingrid Lindqvist, Bestellung 7013. Der Pflegedienst hat Ihnen geschrieben. Postleitzahl 10437.",
      26, 11, 0, "7013", ["dm_facts_one_msg", "dm_name"], "de")

    # ---------------- Tierarztpraxis Sommer: company mailbox + people --------
    M("sommer", "einkauf@tierarzt-sommer.example", "Einkauf Tierarztpraxis Dr. Sommer", "Lieferung zu Bestellung 7014",
      "Guten Tag,\ndie Lieferung zu Bestellung 7014 ist angekommen, danke. Bitte senden Sie uns die Rechnung noch als PDF an diese Adresse.\nMit freundlichen Gruessen\nEinkauf",
      21, 8, 10, "7014", ["company_buyer", "owner_mail"], "de")
    M("sommer", "einkauf@tierarzt-sommer.example", "Einkauf Tierarztpraxis Dr. Sommer", "PO-7033 noch nicht versandt",
      "Hallo, unsere Bestellung PO-7033 (Napfsets und Streu) ist laut Shop noch nicht versandt. Wir brauchen die Ware bis Freitag.\nEinkauf",
      27, 8, 45, "7033", ["company_buyer", "owner_mail", "new_matter"], "de")
    M("lena", "lena.maurer@tierarzt-sommer.example", "Lena Maurer", "Bestellung 7033",
      "Hallo, ich bin in der Praxis fuer den Einkauf mit zustaendig. Wo steht unsere Bestellung 7033? Bei Rueckfragen erreichen Sie mich unter 07141 2233, Durchwahl 7021.\nLena Maurer",
      28, 10, 20, "7033", ["company_employee", "non_order_number"], "de",
      note="employee from her own address; Durchwahl 7021 is a phone extension")
    M("ksommer", "k.sommer@example.de", "Dr. Katharina Sommer", "Rechnungsadresse Bestellung 7014",
      "Guten Abend, ich bin die Praxisinhaberin. Koennen Sie auf der Rechnung zu Bestellung 7014 bitte die neue Steuernummer eintragen? Einkauf hat bestellt.\nK. Sommer",
      28, 21, 10, "7014", ["company_employee", "new_address_signed"], "de",
      note="practice owner from her private Gmail: not the purchasing mailbox")

    # ---------------- chloe: Messenger facts spread --------------------------
    D("chloe", "fb", "chloe", "Chloé Lefèvre",
      "Bonjour, j'ai passé la commande 7015 (imperméable pour chien), toujours rien reçu",
      26, 18, 40, "7015", ["dm_name", "dm_number_only"], "fr")
    D("chloe", "fb", "chloe", "Chloé Lefèvre",
      "mon adresse mail c'est chloe.lefevre@example.be si ça aide",
      26, 18, 42, "7015", ["dm_facts_spread"], "fr")
    D("chloe", "fb", "chloe", "Chloé Lefèvre",
      "Donc pour la 7015, vous avez un numéro de suivi ?",
      26, 19, 1, "7015", ["dm_facts_spread"], "fr")

    # ---------------- daniel: postcode 7050 = someone else's order -----------
    M("daniel", "d.weber@example.ch", "Daniel Weber", "Bestellung 7016 Geschirr",
      "Grueezi,\nwann kommt das Geschirr aus meiner Bestellung 7016? Adresse wie gehabt: Poststrasse 3, 7050 Arosa.\nMerci, Daniel Weber",
      24, 16, 33, "7016", ["owner_mail", "non_order_number"], "de",
      note="7050 is his postcode (and another buyer's order number)")

    # ---------------- sofia: IG one message facts -----------------------------
    D("sofia", "ig", "sofia", "Sofia Russo",
      "Ciao! Ordine 7017, email sofia.russo@example.it. Quando arriva l'albero tiragraffi? 🐱",
      26, 21, 12, "7017", ["dm_facts_one_msg", "dm_name"], "it")

    # ---------------- emma: work address, then facts -------------------------
    t = Thread()
    M("emma", "emma.c@lumen-studio.example", "Emma Clarke", "Automatic feeder not dispensing",
      "Hi, writing from my work email - the automatic feeder from order 7018 stopped dispensing after a week. Is it under warranty?\nEmma Clarke",
      22, 12, 44, "7018", ["new_address_signed"], "en",
      note="buyer from a new address, signed with her name only")
    M("emma", "emma.c@lumen-studio.example", "Emma Clarke", "Re: Automatic feeder not dispensing",
      "Sure - I ordered with emma.clarke@example.co.uk. Order 7018.",
      23, 9, 3, "7018", ["new_address_facts", "threaded_reply"], "en")

    # ---------------- pierre: IG then mail -----------------------------------
    D("pierre", "ig", "pierre", None,
      "Salut, la commande 7019 c'est pour quand ?",
      25, 22, 10, "7019", ["dm_and_mail", "dm_no_name", "dm_number_only"], "fr")
    M("pierre", "pierre.garnier@example.fr", "Pierre Garnier", "Commande 7019",
      "Bonsoir, suite à mon message sur Instagram : ma commande 7019 (panier orthopédique + friandises) n'a pas bougé depuis le 20. Merci.\nPierre Garnier",
      25, 22, 25, "7019", ["dm_and_mail", "owner_mail"], "fr")
    D("pierre", "ig", "pierre", None,
      "c'est bon j'ai eu la réponse par mail, merci",
      26, 9, 0, "7019", ["dm_and_mail", "dm_no_name"], "fr")

    # ---------------- laura: IG no name, spread; boyfriend -------------------
    D("laura", "ig", "laura", None, "Hola, tengo una duda con un pedido",
      26, 17, 0, "7020", ["dm_no_name"], "es")
    D("laura", "ig", "laura", None, "es el pedido 7020",
      26, 17, 1, "7020", ["dm_no_name", "dm_number_only"], "es")
    D("laura", "ig", "laura", None, "cp 28010",
      26, 17, 2, "7020", ["dm_no_name", "dm_facts_spread"], "es")
    D("laura", "ig", "laura", None, "¿y el 7020 cuándo sale? lo necesito antes del puente",
      26, 17, 5, "7020", ["dm_no_name", "dm_facts_spread"], "es")
    D("dani", "ig", "dani", "Dani Ruiz",
      "Buenas! Mi novia hizo el pedido 7020, código postal 28010. Ella no tiene Instagram, ¿me podéis decir si ya salió?",
      25, 13, 20, "7020", ["proxy_partner", "proxy_with_facts", "dm_name"], "es",
      note="boyfriend with both facts; not the buyer")

    # ---------------- nina / lukas household ---------------------------------
    M("lukas", "lukas.brenner@example.de", "Lukas Brenner", "Umtausch Regenjacke",
      "Hallo,\nich wohne mit Nina Kowalski zusammen (Breite Strasse 88, 50667 Koeln, gleiche Telefonnummer). Ihre Bestellung 7022 ist da, aber die Regenjacke fuer den Hund ist zu klein. Kann ich die umtauschen? Meine eigene Bestellung 7023 kam uebrigens auch, alles gut.\nLukas",
      22, 19, 40, "7022", ["household_address", "household_phone", "proxy_partner"], "de",
      note="flatmate: 7022 is Nina's, 7023 his own")
    M("nina", "nina.kowalski@example.de", "Nina Kowalski", "Bestellung 7022 Umtausch",
      "Hallo, ich bin Nina. Lukas hat Ihnen wegen der Regenjacke aus meiner Bestellung 7022 geschrieben - bitte tauschen Sie sie gegen Groesse M, die Ruecksendung schicke ich.\nNina Kowalski",
      23, 7, 50, "7022", ["household_address", "owner_mail"], "de")

    # ---------------- Zampa Shop reseller and its clients --------------------
    M("zampa", "ordini@zampashop.example", "Zampa Shop - Ordini", "Ordine 7024 cliente Lombardi",
      "Buongiorno, l'ordine 7024 è per una nostra cliente (spedizione a Lecco). Ci confermate la data di consegna? Abbiamo anche l'ordine 7045 per un altro cliente, stessa domanda.\nZampa Shop",
      24, 10, 0, "7024+7045", ["reseller", "owner_mail", "multi_order"], "it")
    M("francesca", "francesca.lombardi@example.it", "Francesca Lombardi", "Ciotola rotta",
      "Buongiorno, ho comprato delle ciotole dal negozio Zampa Shop e mi hanno detto che la spedizione è vostra: ordine 7024, CAP 23900. Una ciotola è arrivata rotta.\nFrancesca Lombardi",
      26, 11, 15, "7024", ["reseller_client", "gift_recipient"], "it",
      note="reseller's client: knows number and shipping postcode")
    D("roberto", "ig", "roberto", None,
      "salve ordine 7045 per Roberto Sala Como 22100 dov'è? me l'ha venduto Zampa Shop",
      27, 19, 48, "7045", ["reseller_client", "dm_no_name"], "it")

    # ---------------- hannah: dots removed -----------------------------------
    M("hannah", "hannahfischer@gmail.com", "Hannah F.", "Kratzbaum Bestellung 7025",
      "Hi! Der Kratzbaum aus Bestellung 7025 wackelt, obwohl alles fest angezogen ist. Habt ihr einen Tipp oder Ersatzteile?\nHannah",
      23, 22, 5, "7025", ["gmail_variant"], "de")

    # ---------------- matteo: new address, unsigned --------------------------
    M("matteo", "mconti.lavoro@studio-conti.example", None, "reso fontanella",
      "Buongiorno, la fontanella dell'ordine 7026 fa un ronzio fortissimo. Come posso restituirla?",
      21, 11, 40, "7026", ["new_address_unsigned"], "it",
      note="buyer from his office address, no name, no facts")

    # ---------------- elena + assistant --------------------------------------
    M("marta", "marta.prieto@navarro-arquitectos.example", "Marta Prieto", "Pedido 7027 Sra. Navarro",
      "Buenos días, soy la asistente de Elena Navarro. Me pide que consulte el estado del pedido 7027 (su correo es elena.navarro@navarro-arquitectos.example). ¿Podrían entregarlo en la oficina?\nMarta Prieto",
      22, 9, 30, "7027", ["proxy_assistant", "proxy_with_facts"], "es",
      note="assistant, same company domain, gives both facts")

    # ---------------- george + friend ----------------------------------------
    D("raj", "ig", "raj", "Raj Mehta",
      "hey, my mate George ordered a bird cage from you, order #7028, postcode N1 9GU. he's abroad till Sunday - can you tell me if it's been delivered so I can grab it from his porch?",
      26, 8, 5, "7028", ["proxy_friend", "proxy_with_facts", "dm_name"], "en")

    # ---------------- BCC'd holiday announcement replies ---------------------
    M("camille", "camille.rousseau@example.fr", "Camille Rousseau", "Re: Livraisons de fin d'année / Holiday shipping",
      "Merci pour l'info ! Ma commande 7029 partira bien avant Noël ?\nCamille",
      29, 10, 0, "bcc", ["bcc_reply", "owner_mail"], "fr", bcc=BCC_ID)
    M("isabel", "isabel.romero@example.es", "Isabel Romero", "Re: Livraisons de fin d'année / Holiday shipping",
      "Hola, ¿hacéis envíos a Canarias antes de Navidad?",
      29, 10, 20, "bcc", ["bcc_reply"], "es", bcc=BCC_ID)
    M("bruno", "bruno.k@example.de", None, "Re: Livraisons de fin d'année / Holiday shipping",
      "Bitte nehmen Sie mich aus diesem Verteiler.",
      29, 11, 2, "bcc", ["bcc_reply", "stranger"], "de", bcc=BCC_ID)
    M("grace", "grace.oneill@example.co.uk", "Grace O'Neill", "Re: Livraisons de fin d'année / Holiday shipping",
      "Thanks - would be great if order 7064 actually shipped before the holidays, it still says unfulfilled.\nGrace",
      29, 12, 45, "bcc", ["bcc_reply", "owner_mail"], "en", bcc=BCC_ID)
    M("lucia", "lucia.bruno@example.it", "Lucia Bruno", "Re: Livraisons de fin d'année / Holiday shipping",
      "Grazie, ma il mio ordine 7062 non è ancora stato spedito. Quando parte?",
      29, 13, 7, "bcc", ["bcc_reply", "owner_mail"], "it", bcc=BCC_ID)

    # ---------------- newsletter replies -------------------------------------
    M("jonas", "jonas.meier@example.ch", "Jonas Meier", "Re: Black Week bei Paw & Pine: 20 % auf alles",
      "Gilt der Rabatt auch rueckwirkend fuer meine Bestellung 7030 vom 12.11.?\nJonas",
      27, 7, 30, "nl", ["newsletter_reply", "owner_mail"], "de", bcc=NL_ID)
    M("agnes", "agnes.perrin@example.fr", "Agnès Perrin", "Re: Black Week bei Paw & Pine: 20 % auf alles",
      "Bonjour, merci de me désinscrire, je ne lis pas l'allemand.",
      27, 9, 12, "nl", ["newsletter_reply"], "fr", bcc=NL_ID)
    M("stefan", "Stefan.Roth@gmail.com", "Stefan Roth", "Re: Black Week bei Paw & Pine: 20 % auf alles",
      "Schoen und gut, aber mein Aquarienfilter aus Bestellung 7061 ist immer noch nicht da.",
      27, 10, 55, "nl", ["newsletter_reply", "gmail_variant"], "de", bcc=NL_ID)
    M("blogger", "hello@wagtail-blog.example", "Wagtail Blog", "Re: Black Week bei Paw & Pine: 20 % auf alles",
      "Hi! We run a dog blog with 40k readers - interested in a collab? #ad #dogsofinstagram",
      27, 15, 0, "nl", ["newsletter_reply", "stranger", "non_order_number"], "en", bcc=NL_ID)

    # ---------------- beatrice + neighbour -----------------------------------
    M("pia", "pia.conte@example.it", "Pia Conte", "pacco signora Galli",
      "Salve, sono la vicina della signora Galli, via dei Serragli. Ho ritirato io il suo pacco (credo ordine 7031) ma la scatola era tutta bagnata e la cuccia puzza di umido. Lei è fuori città, cosa posso fare?\nPia Conte",
      24, 18, 30, "7031", ["proxy_neighbour"], "it")

    # ---------------- mike + impersonator ------------------------------------
    M("imp_mike", "michael.grant@example-mail.example", "Michael Grant", "Change delivery address order #7032",
      "This is Michael Grant, order #7032, billing zip 80205. Please change the delivery address to 55 Elm Court, Aurora CO 80010 before it ships. Urgent.",
      25, 3, 12, "7032", ["impersonator", "proxy_with_facts"], "en",
      note="look-alike domain; knows number and billing zip; not the buyer")
    M("mike", "michael.grant@example.com", "Michael Grant", "Order 7032 - address change??",
      "Hi, did someone ask you to change the address on my order 7032? I did NOT request that. Please ship to my original address in Denver.\nMike Grant",
      26, 15, 20, "7032", ["owner_mail"], "en")

    # ---------------- alba + gift recipient ----------------------------------
    M("irene", "irene.pardo@example.es", "Irene Pardo", "Cambio de talla",
      "Hola, me ha llegado un regalo de mi amiga Alba, pedido 7034, código postal 50003. El chubasquero es talla S y mi perro necesita una M. ¿Puedo cambiarlo?\nIrene",
      24, 17, 0, "7034", ["gift_recipient", "proxy_friend"], "es")
    D("alba", "ig", "alba", "Alba Serrano",
      "Hola! El pedido 7034 era un regalo para mi amiga Irene, os ha escrito por el cambio de talla. Mi email es alba.serrano@example.es, ¿lo podéis gestionar conmigo?",
      25, 11, 11, "7034", ["gift_buyer", "dm_facts_one_msg", "dm_name"], "es")

    # ---------------- wolfgang + daughter ------------------------------------
    M("sabine", "sabine.huber-lenz@example.at", "Sabine Huber-Lenz", "Bestellung meines Vaters",
      "Gruess Gott,\nmein Vater Wolfgang Huber (81) hat bei Ihnen einen Trinkbrunnen bestellt, Nr. 7035. Er kommt mit dem Internet nicht zurecht. PLZ 1070, seine Mail w.huber@example.at. Wann wird geliefert?\nSabine Huber-Lenz",
      23, 19, 15, "7035", ["proxy_relative", "proxy_with_facts"], "de")
    M("wolfgang", "w.huber@example.at", None, "Bestellung 7035",
      "Sehr geehrte Damen und Herren, meine Tochter hat Ihnen wegen Bestellung 7035 geschrieben. Bitte antworten Sie mir direkt. Mit freundlichen Gruessen W. Huber",
      25, 10, 0, "7035", ["owner_mail"], "de")

    # ---------------- aoife: googlemail --------------------------------------
    M("aoife", "aoife.byrne@googlemail.com", "Aoife Byrne", "Harness too small - order 7036",
      "Hi there, the harness from order 7036 is too small for our spaniel. Can I swap it for an L?\nThanks, Aoife",
      24, 20, 5, "7036", ["gmail_variant"], "en")

    # ---------------- louis: non-Gmail dot variant ---------------------------
    t = Thread()
    M("louis", "louisbernard@example.fr", "Louis Bernard", "Commande 7037 litière",
      "Bonjour, la litière de la commande 7037 est arrivée avec un sac percé. Pouvez-vous me rembourser un sac ?\nLouis Bernard",
      22, 14, 5, "7037", ["non_gmail_variant"], "fr",
      note="dots matter outside Gmail: a different address")
    M("louis", "louisbernard@example.fr", "Louis Bernard", "Re: Commande 7037 litière",
      "Je précise que j'ai commandé avec louis.bernard@example.fr, c'est mon autre adresse. Commande 7037.",
      23, 8, 15, "7037", ["non_gmail_variant", "new_address_facts", "threaded_reply"], "fr")

    # ---------------- martina: wrong then right e-mail -----------------------
    D("martina", "ig", "martina", None,
      "ciao ordine 7038, la mia mail è martina.greco@example.com, quando arriva il trasportino?",
      27, 9, 40, "7038", ["dm_no_name", "dm_wrong_fact"], "it",
      note="wrong e-mail: .com instead of .it")
    D("martina", "ig", "martina", None,
      "scusate, è martina.greco@example.it, ordine 7038",
      27, 9, 43, "7038", ["dm_no_name", "dm_facts_spread"], "it")

    # ---------------- raul: new matter ---------------------------------------
    M("raul", "raul.dominguez@example.es", "Raúl Domínguez", "Pedido 7039 recibido",
      "Hola, ya tengo el filtro del pedido 7039, todo perfecto. Gracias.",
      22, 18, 0, "7039", ["owner_mail"], "es")
    M("raul", "raul.dominguez@example.es", "Raúl Domínguez", "Consulta filtro 300 litros",
      "Hola otra vez, otra pregunta: ¿el filtro Aquarium 200 sirve para un acuario de 300 litros o tenéis uno más grande?",
      28, 19, 30, "presale", ["new_matter", "presale"], "es")

    # ---------------- sarah: lost headers + partner --------------------------
    t = Thread()
    M("sarah", "sarah.mitchell@example.co.uk", "Sarah Mitchell", "Order #7040 - scratching posts",
      "Hello, order #7040 was due Friday and Evri still shows 'preparing'. Can you chase?\nSarah",
      24, 9, 10, "7040", ["owner_mail"], "en", thread=t)
    M("sarah", "sarah.mitchell@example.co.uk", "Sarah Mitchell", "Re: Order #7040 - scratching posts",
      "Thanks for the reply. Still nothing today for #7040 - can you send a replacement instead?",
      26, 13, 25, "7040", ["owner_mail", "lost_headers"], "en", thread=t, lost=True,
      note="reply whose client dropped In-Reply-To and References")
    D("sarah_gf", "fb", "sarah_gf", None,
      "hi my girlfriend ordered 2 scratching posts from you, order 7040, where is it",
      25, 23, 50, "7040", ["proxy_partner", "dm_no_name"], "en",
      note="partner, no name shown, does not name the buyer")

    # ---------------- katrin: plus tag outside Gmail --------------------------
    M("katrin", "katrin.schulz+shop@example.de", "Katrin Schulz", "Bestellung 7042",
      "Hallo, wann wird Bestellung 7042 (Hundebett L) zugestellt?\nKatrin Schulz",
      25, 7, 0, "7042", ["non_gmail_variant", "new_address_signed"], "de",
      note="+tag on a non-Gmail provider: not the ordering address")

    # ---------------- yusuf: postcode 70173 ----------------------------------
    D("yusuf", "ig", "yusuf", "Yusuf D.",
      "Hallo, Bestellung 7043, PLZ 70173. Der Futterautomat haengt seit Tagen im Paketzentrum.",
      26, 20, 15, "7043", ["dm_facts_one_msg", "dm_name"], "de")

    # ---------------- amelie + colleague -------------------------------------
    M("julie", "julie.faure@creche-soleil.example", "Julie Faure", "Commande d'Amélie",
      "Bonjour, je travaille avec Amélie Girard, elle est en congé. Elle avait commandé des jouets pour les chiens de la crèche (commande 7044) et il en manque un. Pouvez-vous le renvoyer ?\nJulie",
      25, 14, 10, "7044", ["proxy_colleague"], "fr")

    # ---------------- dario + wife -------------------------------------------
    D("chiara", "ig", "chiara", "Chiara Ricci",
      "Ciao! Mio marito ha ordinato un filtro, ordine 7046, CAP 16121, ci dite quando arriva?",
      26, 10, 30, "7046", ["proxy_partner", "proxy_with_facts", "dm_name"], "it")
    D("chiara", "ig", "chiara", "Chiara Ricci",
      "l'email dell'ordine è dario.ricci@example.it",
      26, 10, 32, "7046", ["proxy_partner", "proxy_with_facts"], "it")

    # ---------------- ben + PA -----------------------------------------------
    M("benpa", "office@carter-design.example", "Carter Design - Office", "Chasing order 7047",
      "Hello, I'm Ben's PA. He's asked me to chase order 7047 (two dog beds) - could you confirm delivery for Thursday? Please reply to this address.\nKind regards, Office",
      26, 9, 0, "7047", ["proxy_assistant"], "en")

    # ---------------- ana: Messenger then mail then Messenger with facts -----
    D("ana", "fb", "ana", None, "hola, el pedido 7048 ¿ya lo enviasteis?",
      28, 10, 0, "7048", ["dm_and_mail", "dm_no_name", "dm_number_only"], "es")
    M("ana", "ana.castillo@example.es", "Ana Castillo", "Pedido 7048",
      "Hola, os he escrito por Facebook: el pedido 7048 (rascador grande) ¿cuándo sale?\nAna",
      28, 10, 20, "7048", ["dm_and_mail", "owner_mail"], "es")
    D("ana", "fb", "ana", None, "Pedido 7048, mi correo ana.castillo@example.es",
      29, 8, 15, "7048", ["dm_and_mail", "dm_facts_one_msg", "dm_no_name"], "es")

    # ---------------- theo + grandmother -------------------------------------
    M("josette", "josette.lambert@example.fr", "Josette Lambert", "fontaine ne marche pas",
      "Bonjour, mon petit-fils Théo m'a offert une fontaine (commande 7049 je crois). Elle ne s'allume pas. Mon code postal est 13400. Merci de m'aider.\nJosette Lambert",
      26, 15, 0, "7049", ["gift_recipient", "proxy_relative"], "fr")

    # ---------------- sven ---------------------------------------------------
    M("sven", "sven.krueger@example.de", "Sven Krueger", "Bestellung #7050",
      "Moin, die zwei Leinen aus Bestellung #7050 - kommen die noch diese Woche?\nSven",
      29, 12, 0, "7050", ["owner_mail"], "de")

    # ---------------- valentina + sister -------------------------------------
    D("vsister", "fb", "vsister", None,
      "Ciao, scrivo per mia sorella Valentina Moretti, ordine 7051. Il cappottino è della taglia sbagliata, come si fa il cambio?",
      27, 21, 10, "7051", ["proxy_relative", "dm_no_name"], "it")

    # ---------------- Greenfield Kennels company -----------------------------
    M("kennels", "purchasing@greenfieldkennels.example", "Greenfield Kennels Purchasing", "Your order #7052 / our PO 2211",
      "Hello, regarding your order #7052 (our PO 2211): the invoice lists 6 beds but only 5 arrived. Please advise.\nPurchasing team",
      27, 8, 5, "7052", ["company_buyer", "owner_mail", "non_order_number"], "en")
    M("treeve", "t.reeve@greenfieldkennels.example", "Tom Reeve", "Beds order 7052",
      "Hi, our purchasing team placed order 7052. Two of the beds that did arrive have ripped covers. I'm the kennel manager - can you send covers to me directly?\nTom Reeve",
      27, 14, 30, "7052", ["company_employee"], "en")
    M("ogreen", "oliver.greenfield@example.co.uk", "Oliver Greenfield", "Order 7052 invoice",
      "I'm the director of Greenfield Kennels. Please reissue the invoice for order 7052 with our VAT number.\nOliver",
      28, 18, 0, "7052", ["company_employee", "new_address_signed"], "en")

    # ---------------- fabien + secretary -------------------------------------
    M("fabien", "fabien.moreau@example.fr", "Fabien Moreau", "Cage à oiseaux n° 7054",
      "Bonjour, la cage commandée (n° 7054) arrive quand ? Mes perruches attendent !\nFabien",
      25, 16, 45, "7054", ["owner_mail"], "fr")
    M("secmoreau", "secretariat@cabinet-moreau.example", "Secrétariat Cabinet Moreau", "Commande de M. Moreau",
      "Madame, Monsieur, je vous écris de la part de M. Fabien Moreau au sujet de sa commande n° 7054. Merci de livrer au cabinet, 3 place Kléber, 67000 Strasbourg.\nLe secrétariat",
      26, 10, 15, "7054", ["proxy_behalf", "proxy_with_facts"], "fr")

    # ---------------- oscar: Amazon and shop ---------------------------------
    A("oscar", "205-7781345-3309821", "Oscar", "Order delivery inquiry",
      "Hi, my cat litter order hasn't arrived. I also bought litter direct from your website (order #7055) - neither has turned up. Can you check both?",
      27, 19, 0, "both", ["amazon", "amazon_mentions_shop_order"], "en")
    M("oscar", "oscar.hughes@example.co.uk", "Oscar Hughes", "Amazon order and website order",
      "Hello, writing about my Amazon order 205-7781345-3309821 and my website order 7055 - still nothing for either.\nOscar Hughes",
      28, 9, 0, "both", ["owner_mail", "amazon_id_in_mail"], "en")

    # ---------------- lea ----------------------------------------------------
    D("lea", "ig", "lea", "Lea Zimmermann",
      "Hi, Bestellung 7056 + lea.zimmermann@example.de - der Kratzbaum kam mit gebrochener Saeule 😢",
      28, 17, 20, "7056", ["dm_facts_one_msg", "dm_name"], "de")

    # ---------------- paolo: postcode 70121 ----------------------------------
    M("paolo", "paolo.esposito@example.it", "Paolo Esposito", "ordine 7057 non spedito",
      "Buongiorno, l'ordine 7057 risulta ancora non spedito. Quando parte?\nPaolo Esposito\nVia Sparano 101, 70121 Bari",
      28, 11, 10, "7057", ["owner_mail"], "it")

    # ---------------- carmen + colleague -------------------------------------
    M("carmen", "carmenvidal.alc@example.com", "Carmen Vidal", "Pedido 7058",
      "Hola, os escribo desde otro correo. ¿Me podéis decir cuándo llega la fuente del pedido 7058?\nCarmen Vidal",
      26, 12, 0, "7058", ["new_address_signed"], "es")
    D("cvcolleague", "fb", "cvcolleague", "Lucía Sanz",
      "Hola, soy compañera de trabajo de Carmen Vidal. Me ha pedido que os pregunte por su pedido 7058, la fuente para gatos, y que os diga que su CP es 03001.",
      27, 13, 0, "7058", ["proxy_colleague", "proxy_with_facts", "dm_name"], "es")

    # ---------------- jack: Messenger, 'Unit #7066' --------------------------
    D("jack", "fb", "jack", "Jack Wilson",
      "Hey, order 7059 - I moved, new address 1800 Lamar Blvd Unit #7066, Austin TX 78703. Can you reroute?",
      26, 16, 0, "7059", ["dm_name", "non_order_number", "dm_number_only"], "en",
      note="78703 is the new address, not the billing postcode; Unit #7066 is no order")
    D("jack", "fb", "jack", "Jack Wilson", "my billing zip is 78701 if you need it",
      26, 16, 3, "7059", ["dm_name", "dm_facts_spread"], "en")
    D("jack", "fb", "jack", "Jack Wilson", "so can you reroute 7059?",
      26, 16, 30, "7059", ["dm_name", "dm_facts_spread"], "en")

    # ---------------- agnes Messenger own ------------------------------------
    D("agnes", "fb", "agnes", "Agnès Perrin",
      "Bonjour, commande 7060, mon email agnes.perrin@example.fr. Le colis est marqué livré mais je n'ai rien reçu.",
      28, 14, 0, "7060", ["dm_facts_one_msg", "dm_name", "new_matter"], "fr")

    # ---------------- lucia: impersonator DM + guesser -----------------------
    D("imp_lucia", "ig", "imp_lucia", "Lucia Bruno",
      "Sono Lucia Bruno, ordine 7062, CAP 90100. Potete mandarmi il tracking?",
      29, 2, 15, "7062", ["impersonator", "dm_name", "dm_wrong_fact"], "it",
      note="shows the buyer's name, wrong postcode")
    D("guess_it", "ig", "guess_it", None,
      "ciao ho vinto il giveaway? il mio ordine è 7062 o 7063 non ricordo",
      29, 15, 0, "guess", ["guesser", "dm_no_name"], "it")
    M("prober", "orders-check@probe.example.net", None, "order status",
      "order 7001 7002 7003 7004 status please",
      30, 3, 3, "probe", ["guesser", "stranger"], "en")

    # ---------------- diego: 7000 points -------------------------------------
    M("diego", "diego.herrera@example.es", "Diego Herrera", "Puntos y pedido 7063",
      "Hola, tengo 7000 puntos de fidelidad en mi cuenta, ¿puedo usarlos en el pedido 7063 aunque ya esté pagado?\nDiego",
      27, 20, 0, "7063", ["owner_mail", "non_order_number"], "es")

    # ---------------- maxi + office ------------------------------------------
    M("wolfteam", "team@wolf-partner.example", None, "Lieferadresse aendern",
      "Guten Tag, im Auftrag von Herrn Wolf: Bestellung 7065 bitte an die Bueroadresse liefern (Koenigstrasse 22 ist privat). Danke.",
      26, 9, 40, "7065", ["proxy_behalf", "new_address_unsigned"], "de")
    M("maxi", "maximilian.wolf@example.de", "Maximilian Wolf", "Bestellung 7065",
      "Hallo, mein Buero hat Ihnen geschrieben - bitte ignorieren, die Bestellung 7065 soll doch nach Hause kommen.\nMax Wolf",
      26, 18, 0, "7065", ["owner_mail"], "de")

    # ---------------- harper -------------------------------------------------
    M("harper", "harper.reid@example.com", "Harper Reid", "Order 7066 not shipped",
      "Hi, order 7066 (3 grooming gloves) still hasn't shipped after 5 days. Is it backordered?\nHarper",
      29, 17, 0, "7066", ["owner_mail"], "en")

    # ---------------- noemie: new address with facts -------------------------
    M("noemie", "noemie.f@example.net", "Noémie", "commande 7067",
      "Bonjour, j'écris d'une autre adresse : commande 7067, code postal de facturation 38000. Est-ce qu'elle est expédiée ?\nNoémie",
      29, 9, 30, "7067", ["new_address_facts"], "fr")

    # ---------------- ulrike -------------------------------------------------
    M("ulrike", "ulrike.braun@example.de", "Ulrike Braun", "Regenmaentel 7068",
      "Guten Tag, in Bestellung 7068 waren 2 Regenmaentel Groesse S, geliefert wurde einer. Bitte um Nachlieferung.\nU. Braun",
      29, 10, 10, "7068", ["owner_mail"], "de")

    # ---------------- alessandro + badante -----------------------------------
    D("alessandro", "ig", "alessandro", None,
      "buongiorno ordine 7069, alessandro.marino@example.it, spedito?",
      30, 9, 0, "7069", ["dm_facts_one_msg", "dm_no_name"], "it")
    D("badante", "ig", "badante", None,
      "Buongiorno, sono la badante del signor Marino, mi ha chiesto di scrivervi per la fontanella ordine 7069. Lui non usa il telefono.",
      30, 16, 0, "7069", ["proxy_carer", "dm_no_name"], "it")

    # ---------------- lola ---------------------------------------------------
    M("lola", "lola.gil@example.es", "Lola Gil", "Pedido 7070 cambio de dirección",
      "Hola, ¿puedo cambiar la dirección de entrega del pedido 7070? Me mudo a Calle Platería 14, 3ºB.\nLola",
      30, 12, 0, "7070", ["owner_mail", "address_change"], "es")

    # ---------------- Amazon buyers ------------------------------------------
    A("greta", "302-4819023-7730142", "Greta", "Bestellanfrage",
      "Hallo, mein Hundebett ist seit einer Woche unterwegs. Koennen Sie bitte nachsehen?",
      25, 8, 0, "amz", ["amazon"], "de")
    A("greta", "302-4819023-7730142", "Greta", "Bestellanfrage",
      "Danke, es ist heute angekommen, aber der Bezug hat einen Fleck.",
      28, 18, 0, "amz", ["amazon"], "de")
    M("greta", "greta.vogel@example.de", "Greta Vogel", "Amazon-Bestellung 302-4819023-7730142",
      "Hallo, ich schreibe Ihnen lieber direkt: zu meiner Amazon-Bestellung 302-4819023-7730142 - der Bezug hat einen Fleck, kann ich nur den Bezug tauschen?\nGreta Vogel",
      29, 9, 0, "amz", ["amazon_id_in_mail"], "de",
      note="Amazon buyer by plain mail: the mail does not prove the Amazon order")
    A("hugo", "171-5550318-2046677", "Hugo", "Demande de renseignements",
      "Bonjour, ma fontaine ne fonctionne pas, la pompe ne démarre pas. Comment faire un retour ?",
      26, 11, 0, "amz", ["amazon"], "fr")
    A("franco", "404-2239187-6612950", "Teresa", "Richiesta",
      "Buongiorno, sono Franco, il marito di Teresa: scrivo dal suo account. Il trasportino è arrivato senza la cinghia.",
      27, 10, 0, "amz", ["amazon", "amazon_proxy", "proxy_partner"], "it",
      note="husband on his wife's Amazon account")
    A("teresa", "404-2239187-6612950", "Teresa", "Richiesta",
      "Sono Teresa, confermo quanto scritto da mio marito: manca la cinghia del trasportino.",
      28, 9, 0, "amz", ["amazon"], "it")
    A("nerea", "406-1187720-9954310", "Nerea", "Consulta sobre el pedido",
      "Hola, ¿me podéis mandar la factura con mi NIF? Gracias.",
      29, 20, 0, "amz", ["amazon"], "es")

    # ---------------- eBay ---------------------------------------------------
    E("dave", "k9_dave_uk", "Order 14-08213-55290",
      "Hi, order 14-08213-55290 - harness arrived but the buckle is cracked. Can you send a new one?",
      24, 19, 0, "ebay", ["ebay"], "en")
    E("mia", "zampetta_mia", "Fontanella - ordine 23-11478-90356",
      "Buongiorno, la fontanella dell'ordine 23-11478-90356 perde acqua dalla base.",
      26, 9, 0, "ebay", ["ebay"], "it")
    E("pawsome", "pawsome_deals", "Question about order 05-66321-18742",
      "Hi, I'm the buyer of 05-66321-18742, the delivery address was wrong, please send the bed to 9 Harbour Rd, Leith instead.",
      27, 4, 0, "ebay", ["ebay", "impersonator"], "en",
      note="not the eBay buyer of that order")
    E("leo", "hundefreund_leo", "Hundebett 05-66321-18742",
      "Hallo, das Hundebett (05-66321-18742) ist noch nicht da. Bitte NICHT an eine andere Adresse schicken, ich habe keine Aenderung angefragt!",
      27, 18, 0, "ebay", ["ebay"], "de")
    E("aurelie", "chat.noir.lyon", "Arbre à chat",
      "Bonjour, l'arbre à chat est arrivé, mais il manque la notice de montage. Merci !",
      28, 12, 0, "ebay", ["ebay"], "fr")

    # ---------------- strangers / presale ------------------------------------
    D("presale_es", "ig", "presale_es", "Marisa",
      "Hola! ¿El arnés Pine talla M vale para un border collie de 18 kg?",
      23, 20, 0, "presale", ["stranger", "presale", "dm_name"], "es")
    M("wholesale", "einkauf@tierbedarf-nord.example", "Tierbedarf Nord GmbH", "Haendleranfrage",
      "Guten Tag, wir sind Wiederverkaeufer in Kiel und interessieren uns fuer Ihre Kratzbaeume ab 20 Stueck. Gibt es Staffelpreise?",
      24, 11, 0, "wholesale", ["stranger", "presale"], "de")
    M("swiss_q", "nadine.q@example.ch", "Nadine", "Livraison en Suisse ?",
      "Bonjour, livrez-vous en Suisse (Lausanne) ? Et les frais de douane sont-ils compris ?",
      25, 12, 0, "presale", ["stranger", "presale"], "fr")

    more(R)
    return R


def more(R):
    M, D, A, E = R.mail, R.dm, R.amz, R.ebay

    # follow-ups in verified DM threads
    D("heike", "ig", "heike", None, "und? gibt's schon eine Sendungsnummer fuer 7006?",
      27, 8, 10, "7006", ["dm_no_name", "dm_facts_spread"], "de",
      note="facts given two days earlier in this thread")
    M("sofia", "sofia.russo@example.it", "Sofia Russo", "Ordine 7017 albero tiragraffi",
      "Buongiorno, vi ho scritto su Instagram: l'ordine 7017 è ancora fermo a Bologna. Grazie\nSofia",
      28, 8, 30, "7017", ["dm_and_mail", "owner_mail"], "it")
    D("sofia", "ig", "sofia", "Sofia Russo",
      "Un'altra cosa: avete anche cucce imbottite per gatti anziani?",
      30, 18, 0, "presale", ["dm_name", "new_matter", "presale"], "it")

    # yusuf's brother, hannah's husband (no number)
    D("ybrother", "fb", "ybrother", "Emre Demir",
      "Hallo, mein Bruder Yusuf hat bei euch einen Futterautomaten bestellt, Bestellung 7043, PLZ 70173. Er ist im Urlaub, kann ich das Paket in der Filiale abholen?",
      28, 12, 0, "7043", ["proxy_relative", "proxy_with_facts", "dm_name"], "de")
    M("timf", "tim.fischer@example.de", "Tim Fischer", "Kratzbaum meiner Frau",
      "Hallo, meine Frau Hannah hat den Kratzbaum bei Ihnen bestellt, der wackelt. Welche Schraubengroesse brauche ich?\nTim",
      24, 20, 0, "kratzbaum", ["proxy_partner"], "de",
      note="no order number given")

    # kevin lost headers
    M("kevin", "kevin.omalley@example.com", "Kevin O'Malley", "Re: Order 7011 - missing treats",
      "Any update on the missing treats from 7011? Also my colleague Priya may have emailed you about the gloves, that's fine, she can deal with it.",
      25, 9, 40, "7011", ["owner_mail", "lost_headers"], "en")

    # sam threaded reply from the same variant
    t = Thread()
    M("sam", "sam.doyle@gmail.com", "Samantha Doyle", "Carrier latch #7007",
      "Following up on the dented carrier from #7007 - do you need me to send it back first or can you ship the replacement now?\nSam",
      27, 10, 0, "7007", ["owner_mail"], "en", thread=t)
    M("sam", "sam.doyle@gmail.com", "Samantha Doyle", "Re: Carrier latch #7007",
      "Brilliant, label printed, dropping it at the post office today.",
      28, 12, 5, "7007", ["owner_mail", "threaded_reply"], "en", thread=t)

    # theo himself, gift buyer
    D("theo", "ig", "theo", "Théo Lambert",
      "Salut ! La fontaine de la commande 7049 était un cadeau pour ma grand-mère, elle vous a écrit. Mon code postal : 13001. Vous pouvez en renvoyer une ?",
      27, 19, 0, "7049", ["gift_buyer", "dm_facts_one_msg", "dm_name"], "fr")

    # george himself
    M("george", "george.patel@example.co.uk", "George Patel", "Order #7028",
      "Hi, my friend Raj may have messaged you about my bird cage, order #7028 - please don't give him any details, I'm back Sunday and will collect it myself.\nGeorge",
      27, 7, 0, "7028", ["owner_mail"], "en")

    # valentina herself
    D("valentina", "fb", "valentina", "Valentina Moretti",
      "Ciao, sono Valentina, mia sorella vi ha scritto per il cambio taglia. Ordine 7051, mail valentina.moretti@example.it",
      28, 9, 30, "7051", ["dm_facts_one_msg", "dm_name"], "it")

    # beatrice herself
    M("beatrice", "beatrice.galli@example.it", "Beatrice Galli", "Ordine 7031 cuccia bagnata",
      "Buongiorno, la mia vicina ha ritirato il pacco dell'ordine 7031: la cuccia è arrivata bagnata. Vorrei il reso.\nBeatrice Galli",
      26, 8, 15, "7031", ["owner_mail"], "it")

    # amelie back from leave
    M("amelie", "amelie.girard@example.fr", "Amélie Girard", "Commande 7044 - jouet manquant",
      "Bonjour, ma collègue Julie vous a écrit pendant mon congé au sujet de la commande 7044. Le jouet manquant est-il reparti ?\nAmélie",
      30, 9, 0, "7044", ["owner_mail"], "fr")

    # reseller thread reply
    t = Thread()
    M("zampa", "ordini@zampashop.example", "Zampa Shop - Ordini", "Reclamo ciotola rotta ordine 7024",
      "Buongiorno, la nostra cliente ci segnala una ciotola rotta nell'ordine 7024. Potete spedire una ciotola sostitutiva direttamente a lei?\nZampa Shop",
      27, 9, 0, "7024-reclamo", ["reseller", "owner_mail", "new_matter"], "it", thread=t)
    M("zampa", "ordini@zampashop.example", "Zampa Shop - Ordini", "Re: Reclamo ciotola rotta ordine 7024",
      "Perfetto, grazie. Per l'ordine 7045 invece tutto a posto, il cliente l'ha ricevuto.",
      28, 10, 0, "7024-reclamo", ["reseller", "owner_mail", "threaded_reply"], "it", thread=t)

    # isabel: mistyped 5 digits, new matter after BCC reply
    t = Thread()
    M("isabel", "isabel.romero@example.es", "Isabel Romero", "Pedido #70533",
      "Hola, el guante del pedido #70533 llegó descosido. ¿Me enviáis otro?\nIsabel",
      30, 11, 0, "7053", ["owner_mail", "mistyped_number", "new_matter"], "es")
    M("isabel", "isabel.romero@example.es", "Isabel Romero", "Re: Pedido #70533",
      "Perdón, el número bueno es el 7053.",
      30, 11, 5, "7053", ["owner_mail", "mistyped_number"], "es")

    # harper mistyped
    M("harper", "harper.reid@example.com", "Harper Reid", "Re: Order 7066 not shipped",
      "Also - the confirmation page showed #7606? Sorry, typo, I mean #7066.",
      29, 17, 20, "7066", ["owner_mail", "mistyped_number", "lost_headers"], "en")

    # katrin: DHL Paketshop number
    M("katrin", "katrin.schulz+shop@example.de", "Katrin Schulz", "Re: Bestellung 7042",
      "Kann das Paket an den Paketshop Filiale 7027 in der Wilsdruffer Strasse gehen? Ich bin tagsueber nicht da.",
      26, 7, 30, "7042", ["non_gmail_variant", "non_order_number", "lost_headers"], "de",
      note="Filiale 7027 is a parcel shop number (and another buyer's order)")

    # wholesale quantity 7000
    M("refuge", "contact@refuge-des-pattes.example", "Refuge des Pattes", "Devis friandises",
      "Bonjour, notre refuge aurait besoin de 7000 sachets de friandises au saumon pour l'année. Pouvez-vous nous faire un devis ?",
      28, 14, 0, "devis", ["stranger", "presale", "non_order_number"], "fr")

    # paolo's wife, same household
    M("rita", "rita.esposito@example.it", "Rita Esposito", "ordine di mio marito",
      "Salve, mio marito Paolo ha ordinato un tiragraffi, l'ordine 7057. Abitiamo in Via Sparano 101, Bari. Quando arriva? Il telefono di casa è lo stesso dell'ordine.\nRita",
      29, 18, 0, "7057", ["household_address", "household_phone", "proxy_partner"], "it")

    # DM that gives only an e-mail, no number
    D("noname_mail", "fb", "noname_mail", None,
      "hello, my email is jack.wilson@example.com, can you check my orders?",
      26, 22, 0, "jack_claim", ["dm_no_name", "impersonator"], "en",
      note="claims the e-mail, no order number: no candidate")

    # stranger with a real number and a made-up e-mail
    D("guess_it2", "ig", "guess_it2", "paolo_e_basta",
      "ordine 7057, email paolo@example.it, mi mandate il tracking?",
      29, 23, 0, "7057", ["guesser", "dm_name", "dm_wrong_fact"], "it")

    # gmail variant typed as a fact in a DM
    D("stefan", "ig", "stefan", "Stefan R.",
      "Servus, Bestellung 7061, Mail stefanroth@gmail.com - der Filter ist immer noch nicht da",
      28, 16, 0, "nl", ["dm_facts_one_msg", "dm_name", "gmail_variant"], "de",
      note="typed e-mail is a Gmail variant of the ordering address")

    # tom's wife, same surname and domain
    M("siobhan", "siobhan.brennan@example.ie", "Siobhan Brennan", "Treats order",
      "Hi, my husband Tom ordered salmon treats from you (order 7071). Could you deliver to my work instead, he won't be home?\nSiobhan",
      28, 9, 0, "7071", ["proxy_partner", "household_address"], "en")

    # chloe by mail later
    M("chloe", "chloe.lefevre@example.be", "Chloé Lefèvre", "Commande 7015",
      "Bonjour, je vous ai écrit sur Messenger pour la commande 7015. Toujours pas de colis, bpost ne trouve rien.\nChloé",
      28, 10, 0, "7015", ["dm_and_mail", "owner_mail"], "fr")

    # nerea second relay, hugo by mail
    A("nerea", "406-1187720-9954310", "Nerea", "Consulta sobre el pedido",
      "Perdón, el NIF es 12345678Z. Gracias de nuevo.",
      30, 8, 0, "amz", ["amazon"], "es")
    M("hugo", "hugo.leclerc@example.fr", "Hugo Leclerc", "Retour fontaine Amazon",
      "Bonjour, j'ai commandé votre fontaine sur Amazon (171-5550318-2046677). Je préfère passer par vous directement pour le retour, la pompe est morte.\nHugo Leclerc",
      27, 9, 0, "amz", ["amazon_id_in_mail"], "fr")
    A("hugo", "171-5550318-2046677", "Hugo", "Demande de renseignements",
      "Je vous ai aussi écrit par mail. Merci de me dire comment renvoyer la fontaine.",
      27, 9, 30, "amz", ["amazon"], "fr")

    # eBay second conversation, stranger writes Amazon-like id by mail
    E("dave", "k9_dave_uk", "Replacement buckle 14-08213-55290",
      "Thanks, replacement buckle arrived. All good for 14-08213-55290.",
      30, 10, 0, "ebay", ["ebay"], "en")
    M("amzguess", "r.kowalczyk@example.pl", None, "Bestellnummer 028-1234567-7654321",
      "Guten Tag, wo ist meine Bestellung 028-1234567-7654321?",
      28, 6, 0, "amzguess", ["stranger", "guesser"], "de",
      note="an Amazon-looking id the shop does not have, by mail")

    # aoife follow-up from the base Gmail address
    t = Thread()
    M("aoife", "aoife.byrne@gmail.com", "Aoife Byrne", "Swap harness 7036 for L",
      "Hi again, just confirming the swap for order 7036 - size L please. Should I send the M back first?",
      26, 19, 0, "7036", ["owner_mail"], "en", thread=t)
    M("aoife", "aoife.byrne@gmail.com", "Aoife Byrne", "Re: Swap harness 7036 for L",
      "Grand, sent it back today. Thanks a million.",
      28, 19, 0, "7036", ["owner_mail", "threaded_reply"], "en", thread=t)

    # impersonator on Messenger with Jack's name
    D("imp_jack", "fb", "imp_jack", "Jack Wilson",
      "hi its jack, order 7059 please reroute to 77 Riverside Dr, Houston 77002, zip on the order is 78701",
      27, 3, 0, "7059", ["impersonator", "dm_name", "proxy_with_facts"], "en",
      note="second Messenger account with the buyer's name; knows number and billing zip")

    # carers / neighbours / friends / colleagues / assistants, more languages
    D("agnes_aide", "fb", "agnes_aide", None,
      "Bonjour, je suis l'aide à domicile de Mme Perrin. Elle me dit que le colis de la commande 7060 n'est pas arrivé, je vous écris pour elle, mail agnes.perrin@example.fr.",
      29, 10, 0, "7060", ["proxy_carer", "proxy_with_facts", "dm_no_name"], "fr")
    M("dvecina", "mjose.vecina@example.es", "María José", "Paquete de Diego",
      "Hola, soy la vecina del 2º, Diego Herrera está de viaje y me ha pedido que recoja su paquete del pedido 7063. ¿Me lo podéis dejar a mí?",
      29, 12, 0, "7063", ["proxy_neighbour"], "es")
    M("emmaneighbour", "dave.r@example.co.uk", "Dave R", "Parcel left with me",
      "Hi, a parcel for my neighbour (order 7018 on the label) was left with me at no. 10. The box is open and something rattles - thought you should know.",
      21, 18, 0, "7018", ["proxy_neighbour"], "en",
      note="does not name the buyer")
    D("leafriend", "ig", "leafriend", None,
      "Hey, meine Freundin hat bei euch den Kratzbaum bestellt (7056), sie hat kein Insta. Bekommt sie Ersatz fuer die Saeule?",
      29, 21, 0, "7056", ["proxy_friend", "dm_no_name"], "de")
    M("mcolleague", "f.rinaldi@studio-conti.example", "Federica Rinaldi", "Fontanella ordine 7026",
      "Buongiorno, sono una collega di Matteo Conti. Ci ha chiesto di occuparci del reso della fontanella, ordine 7026. Il codice postale è 20121.",
      23, 10, 0, "7026", ["proxy_colleague", "proxy_with_facts"], "it")
    M("ulrike_ass", "assistenz@braun-steuer.example", "Assistenz Braun Steuerberatung", "Bestellung Frau Braun",
      "Guten Tag, ich bin die Assistentin von Frau Ulrike Braun. Sie bittet um Nachlieferung des zweiten Regenmantels aus Bestellung 7068 an unsere Kanzleiadresse.",
      30, 8, 30, "7068", ["proxy_assistant"], "de")
    M("concierge", "hello@paws-concierge.example", None, "Customer enquiry",
      "Hello, we're enquiring on behalf of a client who ordered an automatic feeder, order 7064. Could you give us the expected delivery date?",
      30, 15, 0, "7064", ["proxy_behalf", "stranger"], "en",
      note="on behalf of an unnamed client")

    # javier lost headers; pablo lost headers
    M("javier", "jortega@example.es", "Javier Ortega", "Re: Pedido 7004: fuente rota",
      "Ya os he devuelto la fuente. ¿Cuándo sale la nueva del pedido 7004?",
      25, 10, 0, "7004", ["owner_mail", "lost_headers"], "es")
    M("pablo", "pablo.jb@example.es", "Pablo", "Re: Pedido de mi madre",
      "Hola de nuevo, ¿ya ha salido la jaula del 7012? Mi madre me pregunta cada día.",
      28, 19, 0, "7012", ["proxy_relative", "lost_headers"], "es")

    # ingrid by mail too; petra's thread follow-up
    M("ingrid", "ingrid.lindqvist@example.de", "Ingrid Lindqvist", "Bestellung 7013",
      "Guten Tag, danke fuer die Nachricht auf Facebook. Der Trinkbrunnen 7013 ist angekommen.\nI. Lindqvist",
      29, 10, 0, "7013", ["dm_and_mail", "owner_mail"], "de")

    # a buyer asks about someone else's order by number (felix about 7050?)
    M("felix", "felix.hartmann@example.de", "Felix Hartmann", "Frage Leinen",
      "Hallo, mein Nachbar Sven hat Leinen bei Ihnen bestellt (7050) und ist begeistert - gibt es die auch in Blau? Dann bestelle ich auch.\nFelix",
      30, 17, 0, "presale", ["presale", "new_matter", "proxy_neighbour"], "de",
      note="a buyer naming a neighbour's order number in a presale question")

    # more plain owners in every language
    M("giulia", "giulia.ferraro@example.it", "Giulia Ferraro", "Fattura ordine 7005",
      "Buongiorno, mi servirebbe la fattura dell'ordine 7005 intestata a me con codice fiscale. Grazie.",
      31, 9, 0, "7005-fattura", ["owner_mail", "new_matter"], "it")
    M("lola", "lola.gil@example.es", "Lola Gil", "Re: Pedido 7070 cambio de dirección",
      "Gracias por cambiarla. ¿Me confirmáis que el 7070 va a la calle Platería?",
      31, 13, 0, "7070", ["owner_mail", "lost_headers"], "es")
    M("fabien", "fabien.moreau@example.fr", "Fabien Moreau", "Re: Cage à oiseaux n° 7054",
      "Mon secrétariat vous a écrit pour livrer au cabinet : c'est bon pour moi, livrez là-bas la commande 7054.",
      27, 8, 0, "7054", ["owner_mail", "lost_headers"], "fr")
    M("alessandro", "alessandro.marino@example.it", "Alessandro Marino", "ordine 7069",
      "Buongiorno, la mia badante vi ha scritto. Confermo: ordine 7069, consegnate pure a lei.\nA. Marino",
      31, 10, 0, "7069", ["owner_mail", "dm_and_mail"], "it")
    M("noemie", "noemie.fontaine@example.fr", "Noémie Fontaine", "commande 7067",
      "C'est encore moi, depuis mon adresse habituelle cette fois. La commande 7067 est-elle partie ?",
      30, 18, 0, "7067", ["owner_mail"], "fr")
    M("diego", "diego.herrera@example.es", "Diego Herrera", "Re: Puntos y pedido 7063",
      "Mi vecina María José os ha escrito: sí, podéis dejarle el paquete del 7063.",
      29, 20, 0, "7063", ["owner_mail", "lost_headers"], "es")
    M("maxi", "maximilian.wolf@example.de", "Maximilian Wolf", "Kratzbaum Groesse",
      "Noch eine Frage unabhaengig von meiner Bestellung: habt ihr den Kratzbaum Birch auch in 150 cm?",
      31, 19, 0, "presale", ["presale", "new_matter"], "de")
    M("grace", "grace.oneill@example.co.uk", "Grace O'Neill", "Feeder order",
      "Hello, following up: my automatic feeder, order 7064, still unfulfilled. Should I cancel?\nGrace",
      32, 9, 0, "bcc", ["owner_mail", "lost_headers"], "en",
      note="fresh mail about the order she raised in her BCC reply: same matter, same conversation")
