"""Second half of the heldout6 messages (background buyers, more proxies,
households, marketplaces, follow-ups)."""


from scenarios import ANN, NEWS  # noqa: F401


def add_more(M, mail, ig, fb, amz, eb):
    # ---------------------------------------------------------------- Yann Le Goff 6012: owner; later new matter
    M("11-21 09:30", "bg6012", "yl6012", "fr", mail("yann.legoff@laposte.example", "Yann Le Goff", "yl1", "Bocaux à épices"),
      "Bonjour,\nsur les 12 bocaux de ma commande 6012, 3 couvercles ne ferment pas. Vous pouvez m'envoyer des couvercles seuls ?\nYann",
      ["owner_mail", "quantity_words"], "")
    M("11-22 18:12", "bg6012", "yl6012", "fr", mail("yann.legoff@laposte.example", "Yann Le Goff", "yl1"),
      "Merci, j'ai bien reçu l'étiquette retour.",
      ["owner_mail"], "")
    M("12-03 10:00", "bg6012", "yl-gift", "fr", mail("yann.legoff@laposte.example", "Yann Le Goff", "yl2", "Carte cadeau"),
      "Bonjour, vendez-vous des cartes cadeaux ? Je voudrais en offrir une de 50 € pour Noël.\nYann",
      ["owner_mail", "new_matter", "presale"], "another request, no order")

    # ---------------------------------------------------------------- Sofia Colombo 6018: IG facts in one message
    M("11-21 19:50", "bg6018", "sc6018", "it", ig("17841555300118018", "Sofia Colombo"),
      "Ciao! ordine n. 6018, CAP 37121. Le tazze sono arrivate ma una ha il manico staccato 😢",
      ["dm_facts_one", "dm_named"], "")
    M("11-21 19:52", "bg6018", "sc6018", "it", ig("17841555300118018", "Sofia Colombo"),
      "vi mando la foto qui",
      ["dm_named"], "no candidate")

    # ---------------------------------------------------------------- Davide Fontana 6020: new address signed, then ordering e-mail
    M("11-22 08:50", "bg6020", "df6020", "it", mail("davide@studio-fontana.example", "Studio Fontana", "df1", "Ordine 6020 spatole"),
      "Buongiorno, sono Davide Fontana. Scrivo dall'indirizzo dello studio: le spatole dell'ordine 6020 non sono mai arrivate.\nDavide Fontana",
      ["new_address_signed"], "")
    M("11-22 12:35", "bg6020", "df6020", "it", mail("davide@studio-fontana.example", "Studio Fontana", "df1"),
      "Certo, l'ordine 6020 l'ho fatto con davide.fontana@posta.example.",
      ["new_address_signed", "facts_spread"], "ordering e-mail given")

    # ---------------------------------------------------------------- Irene Castro 6021: Messenger, unnamed, postcode in a message without number
    M("11-22 20:00", "bg6021", "ic6021", "es", fb("7009123400021021", None),
      "Hola, el pedido 6021 me llegó incompleto, falta la panera.",
      ["dm_no_name", "facts_spread"], "")
    M("11-22 20:03", "bg6021", "ic6021", "es", fb("7009123400021021", None),
      "código postal 50001, Zaragoza",
      ["dm_no_name", "facts_spread"], "second fact without a number")
    M("11-23 09:15", "bg6021", "ic6021", "es", fb("7009123400021021", None),
      "¿Entonces me mandáis la panera que falta del 6021?",
      ["dm_no_name", "facts_spread"], "verified now in this thread")

    # ---------------------------------------------------------------- Álvaro Molina 6023: mail then IG, e-mail on IG
    M("11-23 11:00", "bg6023", "am6023", "es", mail("alvaro.molina@correo.example", "Álvaro Molina", "am1", "Pedido 6023 - cafetera"),
      "Buenas, el gotero de cerámica del pedido 6023 llegó roto. Adjunto foto.\nÁlvaro",
      ["owner_mail", "dm_and_mail"], "")
    M("11-24 18:25", "bg6023", "am6023", "es", ig("17841555300123023", "alvaro.molina.gr"),
      "Os escribí un correo por el pedido 6023 (gotero roto), ¿lo habéis visto?",
      ["dm_named", "dm_and_mail"], "same matter on Instagram, not verified here")
    M("11-24 18:27", "bg6023", "am6023", "es", ig("17841555300123023", "alvaro.molina.gr"),
      "lo hice con alvaro.molina@correo.example, pedido 6023",
      ["dm_named", "dm_and_mail", "facts_spread"], "verified on Instagram now")

    # ---------------------------------------------------------------- Urs Amrein 6024: Swiss postcode 6003 in the signature
    M("11-23 14:40", "bg6024", "ua6024", "de", mail("urs.amrein@webpost.example", "Urs Amrein", "ua1", "Bräter Bestellung 6024"),
      "Grüezi\nWann wird der Bräter aus Bestellung 6024 geliefert? Ich bin ab dem 5. Dezember in den Ferien.\nFreundliche Grüsse\nUrs Amrein\nMaihofstrasse 12\n6003 Luzern",
      ["owner_mail", "non_order_postcode"], "6003 is his postcode (and Hannah's order number)")

    # ---------------------------------------------------------------- Kees de Vries 6026 and his wife
    M("11-23 16:00", "bg6026", "kv6026", "en", mail("kees.devries@polder-mail.example", "Kees de Vries", "kv1", "Order 6026 knife block"),
      "Hello, the knife block in order 6026 has a crack along the back. Can I get a replacement?\nKees",
      ["owner_mail"], "")
    M("11-24 10:20", "anouk", "ad6026", "en", mail("anouk.devries@polder-mail.example", "Anouk de Vries", "adv1", "Re: order 6026"),
      "Hi, I'm Kees's wife - he's travelling. We share the address (3511 AB Utrecht). Order 6026: can you send the replacement block this week? It's a present for his brother.",
      ["household", "proxy_named_buyer", "proxy_both_facts"], "wife, same billing postcode")

    # ---------------------------------------------------------------- Lotte Peeters 6028: IG facts one message (Belgian postcode)
    M("11-24 13:05", "bg6028", "lp6028", "fr", ig("17841555300128028", None),
      "Bonjour, commande 6028, code postal 9000 Gent. La théière est arrivée fêlée.",
      ["dm_facts_one", "dm_no_name"], "")

    # ---------------------------------------------------------------- George Pryce 6029: Messenger spread, then mail; son
    M("11-24 15:30", "bg6029", "gp6029", "en", fb("7009123400029029", "George Pryce"),
      "Good afternoon. I placed order #6029 last week.",
      ["dm_named", "facts_spread"], "")
    M("11-24 15:34", "bg6029", "gp6029", "en", fb("7009123400029029", "George Pryce"),
      "The email I used was george.pryce@fernmail.example. When will #6029 be sent?",
      ["dm_named", "facts_spread"], "")
    M("11-26 09:45", "gareth", "gy6029", "en", mail("gareth.pryce@valleymail.example", "Gareth Pryce", "gy1", "Dad's order #6029"),
      "Hi, Dad (George Pryce) asked me to sort out his order #6029 as he's not great with computers. Postcode CF10 1EP. Has it gone out?\nGareth",
      ["proxy_parent_child", "proxy_named_buyer", "proxy_both_facts"], "son for father")
    M("11-27 12:00", "bg6029", "gp6029", "en", mail("george.pryce@fernmail.example", "George Pryce", "gp1", "Order 6029"),
      "My son may have written to you as well. Order 6029 has arrived. Thank you.\nG. Pryce",
      ["owner_mail", "dm_and_mail"], "")

    # ---------------------------------------------------------------- Mireille Caron 6031: the misdelivered parcel, her side
    M("12-01 15:10", "bg6031", "mc6031", "fr", mail("mireille.caron@laposte.example", "Mireille Caron", "mc1", "Commande 6031 livrée mais pas reçue"),
      "Bonjour,\nle suivi de ma commande 6031 indique « livré » depuis hier mais je n'ai rien reçu. Pouvez-vous vérifier ?\nMireille Caron",
      ["owner_mail"], "the parcel a stranger received")

    # ---------------------------------------------------------------- Ugo Ferrara 6032: office extension
    M("11-24 09:10", "bg6032", "uf6032", "it", mail("ugo.ferrara@posta.example", "Ugo Ferrara", "uf1", "ordine 6032 ceppo coltelli"),
      "Buongiorno, per la consegna dell'ordine 6032 chiamatemi in ufficio: 080 555 1200, interno 6044.\nUgo Ferrara",
      ["owner_mail", "non_order_extension"], "interno 6044 is an extension")

    # ---------------------------------------------------------------- Nuria Vidal 6034: flatmate, then Nuria
    M("11-25 08:20", "bea", "bv6034", "es", ig("17841555300134999", "Bea"),
      "Hola! Vivo con Nuria Vidal, ella hizo el pedido 6034, CP 17001. Me ha pedido que os pregunte si podéis dejarlo en la portería.",
      ["household", "proxy_named_buyer", "proxy_both_facts"], "flatmate")
    M("11-25 12:45", "bg6034", "nv6034", "es", ig("17841555300134034", "Nuria V."),
      "Hola, soy Nuria. Pedido 6034 y mi correo nuria.vidal@correo.example. Sí, podéis dejarlo en la portería 😊",
      ["dm_facts_one", "dm_named"], "buyer herself")

    # ---------------------------------------------------------------- Felix Brenner 6037: new address, postcode "8010 Graz"
    M("11-25 10:00", "bg6037", "fb6037", "de", mail("f.brenner@grazer-werkstatt.example", "Felix Brenner", "fbr1", "Geschirrtücher 6037"),
      "Servus, ich schreibe aus dem Büro. Bei Bestellung 6037 fehlt ein Geschirrtuch (3 statt 4).\nFelix Brenner",
      ["new_address_signed", "quantity_words"], "")
    M("11-25 14:30", "bg6037", "fb6037", "de", mail("f.brenner@grazer-werkstatt.example", "Felix Brenner", "fbr1"),
      "Rechnungsadresse ist 8010 Graz, Bestellung 6037. Danke!",
      ["new_address_signed", "facts_spread"], "")

    # ---------------------------------------------------------------- Chloe Barnes 6042: her mum; Chloe on IG
    M("11-26 13:20", "jane", "jb6042", "en", mail("jane.barnes@minstermail.example", "Jane Barnes", "jnb1", "My daughter's order"),
      "Hello, my daughter Chloe ordered a pour-over and board from you (order 6042), billing postcode YO1 7HH. She's at work all day so I'm asking on her behalf whether it's been posted.\nJane",
      ["proxy_parent_child", "proxy_named_buyer", "proxy_both_facts"], "mother for adult daughter")
    M("11-26 21:10", "bg6042", "cb6042", "en", ig("17841555300142042", None),
      "hi! my mum emailed you about order 6042, it's mine. postcode YO1 7HH",
      ["dm_facts_one", "dm_no_name"], "buyer herself")

    # ---------------------------------------------------------------- Henrik Lund 6044: invoice number with another order's digits
    M("11-26 14:00", "bg6044", "hl6044", "de", mail("henrik.lund@webpost.example", "Henrik Lund", "hlu1", "Rechnung zu Bestellung 6044"),
      "Moin, in der Rechnung RE-2026-6031 zu meiner Bestellung 6044 fehlt die Teekanne. Bitte korrigieren.\nHenrik Lund",
      ["owner_mail", "non_order_invoice"], "RE-2026-6031 is an invoice number")

    # ---------------------------------------------------------------- Agnese Sartori 6054: boyfriend sharing the flat
    M("11-26 19:30", "marco", "md6054", "it", fb("7009123400054999", "Marco Dellai"),
      "Ciao, io e la mia ragazza viviamo insieme, ha ordinato lei il portapane (6054), CAP 38122. Posso ritirarlo io al punto di ritiro?",
      ["household", "proxy_anonymous", "proxy_both_facts"], "partner, buyer not named")

    # ---------------------------------------------------------------- Paul Schäfer 6006: PO box digits
    M("11-27 09:00", "bg6006", "ps6006", "de", mail("paul.schaefer@webpost.example", "Paul Schäfer", "ps1", "Bestellung 6006 – neue Lieferadresse"),
      "Guten Tag, können Sie Bestellung 6006 an mein Postfach 6052, 53111 Bonn schicken? Danke.\nPaul Schäfer",
      ["owner_mail", "non_order_pobox"], "Postfach 6052 is a PO box")

    # ---------------------------------------------------------------- Bruno Petit 6060: owner after the guesser asked about it
    M("11-27 18:40", "bg6060", "bp6060", "fr", mail("bruno.petit@laposte.example", "Bruno Petit", "bp1", "Retour garde-herbes commande 6060"),
      "Bonjour, je voudrais retourner le garde-herbes de la commande 6060, il est trop grand pour mon frigo.\nBruno",
      ["owner_mail"], "")

    # ---------------------------------------------------------------- Carla Medina 6061: IG facts, later new matter by mail
    M("11-27 20:20", "bg6061", "cm6061", "es", ig("17841555300161061", "Carla Medina"),
      "Hola!! Pedido 6061, carla.medina@correo.example. ¿Me confirmáis que va todo en un paquete?",
      ["dm_facts_one", "dm_named"], "")
    M("12-04 11:00", "bg6061", "cm6061-ret", "es", mail("carla.medina@correo.example", "Carla Medina", "cme1", "Devolución taco de cuchillos 6061"),
      "Hola, ya me llegó todo. Quiero devolver solo el taco de cuchillos del pedido 6061, ¿cómo lo hago?\nCarla",
      ["owner_mail", "new_matter", "same_order_new_request"], "return after a settled delivery question: new conversation")

    # ---------------------------------------------------------------- Oskar Vogel 6067: Gmail that is NOT his ordering address
    M("11-28 08:30", "bg6067", "ov6067", "de", mail("oskar.vogel@gmail.com", "Oskar Vogel", "ov1", "Stornierung 6067"),
      "Hallo, bitte Bestellung 6067 stornieren, falls noch nicht verschickt.\nOskar Vogel",
      ["new_address_signed", "gmail_not_ordering"], "he ordered with webpost; gmail is a new address")
    M("11-28 09:05", "bg6067", "ov6067", "de", mail("oskar.vogel@gmail.com", "Oskar Vogel", "ov1"),
      "Nachtrag: bestellt mit oskar.vogel@webpost.example, PLZ 99084. Also bitte 6067 stornieren.",
      ["new_address_signed", "facts_spread"], "")

    # ---------------------------------------------------------------- Margot Lambert 6009: wrong e-mail fact, then right
    M("11-28 10:15", "bg6009", "ml6009", "fr", fb("7009123400009009", None),
      "Bonjour, commande 6009, mail margot.lambert@lapost.example. La théière fuit.",
      ["dm_no_name", "wrong_fact"], "e-mail mistyped: no match")
    M("11-28 10:18", "bg6009", "ml6009", "fr", fb("7009123400009009", None),
      "pardon : margot.lambert@laposte.example. Commande 6009.",
      ["dm_no_name", "facts_spread"], "right e-mail now")

    # ---------------------------------------------------------------- Sinead Quinn 6002: IG, eircode
    M("11-28 12:30", "bg6002", "sq6002", "en", ig("17841555300102002", None),
      "hiya, order 6002, eircode T12 X9P4 - knife block arrived but the skillet didn't?",
      ["dm_facts_one", "dm_no_name"], "")

    # ---------------------------------------------------------------- Carer writing FROM the buyer's own address
    M("11-28 15:00", "carer", "cr6049b", "en", mail("p.hale@fernmail.example", "Patricia Hale", "ph2", "Bread bin lid"),
      "Hello, this is Memory, Mrs Hale's carer again - I'm writing from her email this time. The bread bin from order 6049 has a dented lid. Could you send a new lid?\nMemory",
      ["proxy_carer", "proxy_from_buyer_address", "new_matter"], "written by the carer from the buyer's address: not the buyer")
    M("11-28 16:45", "mariah", "m6017", "de", mail("peter.huber@tirolnet.example", "Peter Huber", "phu1", "Pfanne 6016"),
      "Hallo, hier ist Maria Huber, ich schreibe von der Adresse meines Mannes. Die Pfanne aus 6016 ist heute gekommen, danke. Meine Deckel (6017) fehlen aber immer noch.",
      ["household", "proxy_from_buyer_address", "proxy_named_buyer"], "wife from husband's ordering address: 6016 not hers; 6017 hers but not from her address or with facts here")

    # ---------------------------------------------------------------- More proxies in every language
    M("11-28 17:30", "belle", "bf6038", "fr", ig("17841555300138999", "Aurélie D."),
      "Bonsoir, je suis la belle-fille d'Élise Dubois. Elle ne trouve plus le suivi de sa commande 6038 (code postal 69006), vous pouvez me l'envoyer ici ?",
      ["proxy_named_buyer", "dm_named", "proxy_both_facts"], "daughter-in-law")
    M("11-29 08:40", "figlio_russo", "fr6052", "it", mail("tommaso.russo@liceo-mail.example", "Tommaso Russo", "tr1", "Ordine di mia madre 6052"),
      "Buongiorno, sono il figlio della signora Valentina Russo. Mia madre non riesce ad accedere alla mail; l'ordine è il 6052 e il CAP è 10123. Le tazze sono arrivate?\nTommaso",
      ["proxy_parent_child", "proxy_named_buyer", "proxy_both_facts"], "son")
    M("11-29 11:25", "pareja_sergio", "ps6010", "es", fb("7009123400010999", "Nerea"),
      "Hola! Mi pareja hizo el pedido 6010 con sergio.romero@correo.example. El hervidor hace ruido, ¿lo cambiáis?",
      ["proxy_named_buyer", "dm_named", "proxy_both_facts", "household"], "partner, buyer identified by e-mail")
    M("11-29 13:50", "assist_keller", "ak6030", "de", mail("sekretariat@keller-planung.example", "Sekretariat Keller Planung", "akp1", "Bestellung #6030 Herr Keller"),
      "Sehr geehrte Damen und Herren,\nich bin die Assistentin von Herrn Keller. Zu Ihrer Bestellung #6030 (Besteller-E-Mail t.keller@webpost.example, PLZ 50674) bitten wir um eine Rechnungskopie.\nMit freundlichen Grüßen\nM. Yilmaz",
      ["proxy_assistant", "proxy_named_buyer", "proxy_both_facts"], "assistant")
    M("11-29 16:00", "flatmate_ol", "fo6033", "en", ig("17841555300133999", None),
      "hey, my flatmate ordered a bread bin (6033) and it's been left outside our door in the rain?? postcode M20 2NT. can you check with the courier",
      ["household", "proxy_anonymous", "dm_no_name", "proxy_both_facts"], "flatmate, buyer not named")
    M("11-29 19:15", "pilar", "pi6053", "es", ig("17841555300153999", None),
      "Perdona, soy yo otra vez: el pedido 6053 es de mi madre Carmen Ruiz, su correo carmen.ruiz@correo.example",
      ["proxy_named_buyer", "dm_no_name", "proxy_both_facts"], "same daughter, now gives e-mail too")
    M("11-30 09:30", "nipote", "ni6043", "it", ig("17841555300143998", "giorgia.b"),
      "Buongiorno, mio zio Luca ha fatto l'ordine 6043 e mi ha chiesto di scrivervi perché non usa i social. È partito?",
      ["proxy_named_buyer", "dm_named"], "niece, another proxy for 6043")
    M("11-30 10:10", "kollege_jan", "kj6046", "de", mail("s.ahrens@nordpost.example", "Svenja Ahrens", "sa1", "Brotkasten von Jan"),
      "Hi, Jan Meyer ist mein Kollege, er hat bei euch die Brotdose bestellt (6046) und sie an unser Büro liefern lassen. PLZ 30161. Ist die schon raus? Er ist krank.\nSvenja",
      ["proxy_colleague", "proxy_named_buyer", "proxy_both_facts"], "colleague at the same mail provider")
    M("11-30 14:00", "vecina", "ve6005", "es", fb("7009123400005999", None),
      "Hola, soy la vecina de Rosa Delgado, del 3º. Tengo su paquete del pedido 6005, ¿lo puedo devolver yo directamente?",
      ["proxy_neighbour", "proxy_named_buyer", "dm_no_name"], "neighbour")
    M("11-30 16:20", "amie", "am6014", "fr", mail("lea.girard@laposte.example", "Léa Girard", "lg1", "Pour Camille"),
      "Bonjour, je vous écris de la part de mon amie Camille Roux, commande 6014, code postal 44000. Elle voudrait savoir si la boîte à pain existe aussi en vert.",
      ["proxy_friend", "proxy_named_buyer", "proxy_both_facts"], "friend")

    # ---------------------------------------------------------------- Hannah and Camille new matters
    M("12-02 08:30", "hannah", "h-gift", "en", mail("hannah.whitcombe@fernmail.example", "Hannah Whitcombe", "hw3", "Gift wrapping?"),
      "Hi again! The replacement Dutch oven arrived, thanks. Separate question: do you gift-wrap? I'd like to order the copper kettle for my dad.\nHannah",
      ["owner_mail", "new_matter", "presale"], "new request")
    M("12-03 17:45", "camille", "c6014-ret", "fr", mail("camille.roux@laposte.example", "Camille Roux", "cr2", "Retour commande 6014"),
      "Bonjour, finalement la boîte à pain (commande 6014) est trop grande pour ma cuisine. Je peux la retourner ?\nCamille",
      ["owner_mail", "new_matter", "same_order_new_request"], "return after the delivery question was settled")

    # ---------------------------------------------------------------- Sergio: lost headers reply
    M("11-23 10:30", "sergio", "sr6010", "es", mail("sergio.romero@correo.example", "Sergio Romero", "sr-lost", "RE: Hervidor de cobre - pedido 6010", mode="lost"),
      "Gracias por la respuesta. El ruido sigue; prefiero cambiarlo.\nSergio",
      ["owner_mail", "lost_headers"], "")

    # ---------------------------------------------------------------- Olivia's follow-up from the ordering address
    M("11-24 08:00", "olivia", "o6033", "en", mail("olivia.grant@fernmail.example", "Olivia Grant", "og2", "Order 6033"),
      "Writing from my proper address now. Order 6033 - any update?\nOlivia",
      ["owner_mail", "dm_and_mail"], "same matter, ordering address")

    # ---------------------------------------------------------------- Lena: phone digits contain another order's number
    M("11-22 17:10", "lena", "l6007", "de", mail("lena.vogt@gmail.com", "Lena Vogt", "lv1"),
      "Noch eine Bitte zu 6007: der Kurier soll mich vorher anrufen, Tel. 040 6017 2231.",
      ["owner_mail", "non_order_phone"], "6017 inside a phone number is another buyer's order")

    # ---------------------------------------------------------------- Hash numbers that are not orders
    M("11-29 14:15", "jan", "jm6046", "de", mail("jan.meyer@nordpost.example", "Jan Meyer", "jm1", "Brotkasten 6046 – Ticket #48213"),
      "Hallo, zu meinem Ticket #48213: die Brotdose aus 6046 ist angekommen, aber Schraube #2 am Deckel fehlt.\nJan Meyer",
      ["owner_mail", "non_order_hash"], "#48213 ticket and #2 part are not orders")

    # ---------------------------------------------------------------- Attackers
    M("11-30 02:10", "attacker2", "att2", "en", mail("orders-support@hollinthyme-help.example", "Hollin & Thyme Support", "att1", "Re: order 6066 refund"),
      "Hi team, forwarding for refund: order 6066, billing BN1 4EP, customer purchasing@greenleaf-cafe.example. Please refund to the new card on file and confirm the items.",
      ["impersonator", "phishing"], "pretends to be internal staff")
    M("12-02 23:55", "attacker3", "att3", "de", ig("17841555399990007", "Sabine Lorenz"),
      "Hallo, hier Sabine Lorenz. Bestellung 6035, sabine.lorenz@webpost.example. Bitte schicken Sie die Ersatztassen an Packstation 118, 10115 Berlin.",
      ["impersonator", "dm_named"], "display name copies the buyer")
    M("12-03 01:20", "guesser3", "gs3", "es", mail("comprobaciones@envios-rapidos.example", "Envíos Rápidos", "er1", "Pedidos 6063 6064 6065"),
      "Hola, somos la empresa de transporte. Necesitamos confirmar dirección y teléfono de los pedidos 6063, 6064 y 6065.",
      ["guesser", "phishing"], "fake carrier")
    M("12-04 21:00", "guesser4", "gs4", "it", fb("7009123499990008", None),
      "ordine 6080 dove si trova??",
      ["guesser", "dm_no_name"], "non-existent order")

    # ---------------------------------------------------------------- More Amazon
    M("11-29 08:15", "james", "amz-ja", "en", amz("204-7730158-2209416", "", "Order delivery inquiry from Amazon customer  (Order: 204-7730158-2209416)"),
      "Still waiting for the lid. Order 204-7730158-2209416.",
      ["amazon", "amazon_no_name"], "")
    M("11-26 09:00", "benoit", "amz-be", "fr", amz("171-4402981-3357720", "Benoît", "Demande de renseignements de la part du client Amazon Benoît (Commande : 171-4402981-3357720)"),
      "Je vous joins les photos de la boîte cabossée. Je préfère un échange plutôt qu'un remboursement.",
      ["amazon"], "")
    M("12-02 19:30", "ramon", "amz-ra", "es", ig("17841555300199406", "Ramón Iglesias"),
      "Hola, os escribí por Amazon para devolver las espátulas (pedido 406-2259013-7734150). ¿Os llegó?",
      ["amazon", "amazon_buyer_off_platform", "dm_named"], "Amazon buyer on Instagram: not the relay")
    M("12-05 10:00", "ramon", "amz-ra", "es", amz("406-2259013-7734150", "Ramón", "Consulta de cliente de Amazon Ramón (Pedido: 406-2259013-7734150)"),
      "Ya he enviado las espátulas, número de seguimiento 1Z8F4A716045028811.",
      ["amazon", "non_order_tracking"], "tracking digits")

    # ---------------------------------------------------------------- More eBay
    M("12-01 17:00", "dirk", "eb-dirk2", "de", eb("2736452101", "kuechenliebe_hh", "Frage zu einem Artikel"),
      "Moin nochmal, haben Sie die Pfanne auch in 28 cm? Dann würde ich noch eine kaufen.",
      ["ebay", "new_matter", "presale"], "new conversation, no order")
    M("12-02 10:30", "remi", "eb-remi", "fr", mail("remi.aubert@parismail.example", "Rémi Aubert", "ra1", "Commande eBay 12-60245-31988"),
      "Bonjour, je vous écris aussi par mail au cas où : commande eBay 12-60245-31988, boîte à pain rayée.\nRémi Aubert",
      ["ebay", "ebay_buyer_off_platform"], "eBay buyer by plain mail: not the eBay conversation")
    M("12-03 13:15", "ebay_stranger", "eb-str", "it", eb("2736452188", "affari_casa_it", "Domanda sull'oggetto"),
      "Salve, spedite anche in Sardegna? Il prezzo della padella è trattabile?",
      ["ebay", "stranger", "presale"], "")

    # ---------------------------------------------------------------- Remaining owners, short threads
    M("12-04 09:00", "francesca", "fg6068", "it", mail("francesca.galli@posta.example", "Francesca Galli", "fg1"),
      "Grazie, allora aspetto la spedizione del 6068 entro venerdì.",
      ["owner_mail"], "")
    M("12-04 14:40", "hugo", "hl6069", "fr", ig("17841555300169069", "hugo_lfv"),
      "Bonjour, j'ai demandé par mail l'annulation de la commande 6069, c'est fait ?",
      ["dm_named", "dm_and_mail"], "same matter on Instagram, no second fact")
    M("12-04 14:44", "hugo", "hl6069", "fr", ig("17841555300169069", "hugo_lfv"),
      "code postal 59000",
      ["dm_named", "facts_spread"], "postcode without number: no candidate")
    M("12-05 08:30", "sophie", "sb6015", "de", fb("7009123400015015", "Sophie Brandt"),
      "Ach so, hier nochmal für Messenger: PLZ 28203, Bestellung 6015.",
      ["dm_named", "facts_spread", "channel_key_switch"], "now verified on Messenger too")
    M("12-05 11:45", "amelie", "af6070", "fr", fb("7009123400070070", "Amélie Fontaine"),
      "Merci ! Et pour la commande 6070, vous avez une date ?",
      ["dm_named"], "verified earlier in this thread")
    M("12-05 16:00", "nora", "bcc-nora", "en", mail("nora.lindqvist@fernmail.example", "Nora Lindqvist", "nl2", "Office delivery for #6048"),
      "Hi, following the storm email: please deliver #6048 to my office at 12 Lauriston Place, EH3 9DX.\nNora",
      ["owner_mail", "continues_bcc_matter"], "new thread of her own continuing the office-delivery request of her BCC reply: same conversation")
    M("12-06 09:20", "thomas", "t6030", "de", mail("t.keller@webpost.example", "Thomas Keller", "tk2", "Spatel für #6030"),
      "Hallo, jetzt von der Bestelladresse: der Spatel für #6030 fehlt immer noch.\nThomas Keller",
      ["owner_mail"], "same matter, ordering address")
    M("12-06 10:05", "mariah", "m6017", "de", ig("17841555300117017", "Maria Huber"),
      "Die Deckel für 6017 sind da, danke!",
      ["household"], "verified earlier in this IG thread")
    M("12-06 12:30", "jonas", "j6035", "de", mail("jonas.lorenz@uni-leipzig-mail.example", "Jonas Lorenz", "jl1"),
      "Die Ersatztassen für 6035 sind angekommen, danke!",
      ["proxy_parent_child"], "")


def add_late(M, mail, ig, fb, amz, eb):
    # ---------------------------------------------------------------- Bottega Casa Nostra: Italian reseller, end client
    M("11-29 10:40", "bottega", "bo-batch", "it", mail("ordini@bottega-casanostra.example", "Bottega Casa Nostra – Ordini", "bo1", "Ordini 6071 e 6072"),
      "Buongiorno,\ngli ordini 6071 e 6072 sono per nostri clienti. Il 6071 risulta consegnato a Bolzano, il 6072 non è ancora partito: potete verificare?\nBottega Casa Nostra",
      ["reseller"], "reseller's ordering address")
    M("11-30 18:15", "pichler", "mp6071", "it", ig("17841555300171999", "Martina Pichler"),
      "Buonasera, ho ricevuto una teiera da voi tramite Bottega Casa Nostra (ordine 6071, CAP 39100). Il coperchio non chiude. A chi devo scrivere?",
      ["reseller_end_client", "dm_named"], "end client with number + shipping postcode")
    M("12-01 09:05", "bottega", "bo-batch", "it", mail("ordini@bottega-casanostra.example", "Bottega Casa Nostra – Ordini", "bo1"),
      "La signora Pichler (ordine 6071) ci ha scritto per il coperchio: mandate pure il ricambio a noi, in Via Belenzani. E il 6072?",
      ["reseller"], "")

    # ---------------------------------------------------------------- Silvia: ordered with googlemail, writes from gmail.com
    M("11-30 11:00", "silvia", "sb6073", "it", mail("sbianco@gmail.com", "Silvia Bianco", "sbi1", "Padella ordine 6073"),
      "Ciao, la padella in ghisa dell'ordine 6073 va stagionata prima dell'uso?\nSilvia",
      ["owner_gmail_variant"], "ordered as s.bianco@googlemail.com")
    M("12-02 16:30", "silvia", "sb6073", "it", ig("17841555300173073", None),
      "Ciao, ordine 6073 (s.bianco@googlemail.com): mi avete risposto per mail? non trovo niente",
      ["dm_facts_one", "dm_no_name", "dm_and_mail"], "number + ordering e-mail as typed in the order")

    # ---------------------------------------------------------------- Agnese: city is not a postcode
    M("12-01 13:00", "bg6054", "as6054", "it", ig("17841555300154054", "agnese.s"),
      "Ciao, il mio ordine 6054, abito a Trento. Il mio ragazzo vi ha scritto su Facebook, ma ordine è mio",
      ["dm_named", "wrong_fact"], "city is not the postcode")
    M("12-01 13:03", "bg6054", "as6054", "it", ig("17841555300154054", "agnese.s"),
      "CAP 38122",
      ["dm_named", "facts_spread"], "postcode without number")
    M("12-01 13:10", "bg6054", "as6054", "it", ig("17841555300154054", "agnese.s"),
      "quindi il portapane 6054 lo ritira Marco, va bene?",
      ["dm_named", "facts_spread"], "verified in this thread now")

    # ---------------------------------------------------------------- Follow-ups of earlier people
    M("12-02 09:40", "rosa", "nl-rosa", "es", mail("rosa.delgado@correo.example", "Rosa Delgado", None, "Re: Rebajas de invierno 20 %", mode="bcc", root=NEWS),
      "Vale, entonces lo uso en el próximo pedido. ¡Gracias!",
      ["newsletter_reply", "owner_mail"], "")
    M("11-29 12:00", "claire", "bcc-claire", "fr", mail("claire.martin@laposte.example", "Claire Martin", "clm1", "Commande 6050"),
      "Re-bonjour, je vous écris de l'adresse de ma commande cette fois : la 6050 est-elle retardée par la tempête ?\nClaire Martin",
      ["owner_mail", "continues_bcc_matter"], "same matter as her BCC reply, from the ordering address")
    M("12-02 11:15", "luca", "lb6043", "it", mail("luca.bianchi@posta.example", "Luca Bianchi", "lbi1", "Il mio ordine #6043"),
      "Buongiorno, vi hanno scritto un'amica e mia nipote per il mio ordine #6043, scusate. Potete mandare a me il tracking?\nLuca Bianchi",
      ["owner_mail"], "the buyer at last")
    M("12-03 10:20", "helga", "ha6045", "de", mail("helga.albrecht@webpost.example", "Helga Albrecht", "hal1", "Wasserkessel verbeult – Bestellung 6045"),
      "Guten Tag, ich bin wieder zu Hause. Meine Nachbarin hat Ihnen geschrieben: der Kessel aus Bestellung 6045 ist verbeult. Ich hätte gern einen neuen.\nHelga Albrecht",
      ["owner_mail"], "the buyer herself")
    M("11-24 10:05", "javier", "jv6041", "es", ig("17841555300141999", None),
      "¿Nada? Tengo también su código postal, 28005. Pedido 6041.",
      ["proxy_named_buyer", "dm_no_name", "proxy_both_facts"], "partner adds the postcode")
    M("11-24 11:30", "elise", "ed6038", "fr", ig("17841555300138038", "Élise Dubois"),
      "Bonjour, c'est Élise. Mon mari et ma belle-fille vous ont écrit, désolée ! Commande 6038, elise.dubois@laposte.example. Où en est-elle ?",
      ["dm_facts_one", "dm_named"], "the buyer on Instagram")
    M("12-03 14:50", "elise", "ed6074", "fr", mail("elise.dubois@laposte.example", "Élise Dubois", "edu1", "Nouvelle commande 6074"),
      "Bonjour, j'ai passé une nouvelle commande (6074, des mugs). Pouvez-vous l'envoyer avec l'échange de la 6038 pour économiser un envoi ?\nÉlise",
      ["owner_mail", "new_matter"], "second order of hers: a new matter")
    M("11-24 09:00", "sabine", "s6035", "de", mail("sabine.lorenz@webpost.example", "Sabine Lorenz", "sl1"),
      "Nachtrag: die Lieferadresse für 6035 bleibt Leipzig, 04107. Die Rechnung bitte an mich.",
      ["owner_mail", "gift"], "")
    M("12-04 18:00", "imp_olivia2", "imp", "en", mail("olivia.grant@gmail.com", "Olivia Grant", "ogimp", "order 6033"),
      "Hi, this is Olivia Grant. For order 6033 please send me the tracking number and the invoice with my address, my old email doesn't work.",
      ["impersonator", "gmail_not_ordering"], "a Gmail account with the buyer's name; she ordered with fernmail")
    M("12-05 13:30", "guesser5", "gs5", "es", ig("17841555399990009", "compras_bcn"),
      "Hola, pedido 6041 CP 28009, ¿me pasáis el seguimiento?",
      ["guesser", "dm_named", "wrong_fact"], "number of one buyer, postcode of another")
    M("11-27 19:40", "bg6028", "lp6028", "fr", ig("17841555300128028", None),
      "Je vous ai envoyé les photos de la théière fêlée (6028). Remboursement ou échange, comme vous préférez.",
      ["dm_no_name"], "verified earlier in this thread")
    M("11-28 20:00", "bg6002", "sq6002", "en", ig("17841555300102002", None),
      "the skillet turned up today, all good with 6002 now ta",
      ["dm_no_name"], "")
    M("11-22 21:10", "bg6018", "sc6018", "it", ig("17841555300118018", "Sofia Colombo"),
      "allora mi rimandate una tazza per l'ordine 6018? grazie mille",
      ["dm_named"], "verified earlier in this thread")
    M("12-05 09:50", "bg6032", "uf6032", "it", mail("ugo.ferrara@posta.example", "Ugo Ferrara", "uf1"),
      "Ricevuto il ceppo, grazie. Tutto ok con il 6032.",
      ["owner_mail"], "")
    M("12-06 15:00", "bg6026", "kv6026", "en", mail("kees.devries@polder-mail.example", "Kees de Vries", "kv1"),
      "Back home - the replacement block for 6026 is here. Thanks, and sorry my wife chased you.\nKees",
      ["owner_mail"], "")
