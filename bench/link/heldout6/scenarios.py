"""The messages of heldout6: who really wrote each one, about which matter,
on which channel key.  Times are 2026 UTC "MM-DD HH:MM"."""

ANN = "announce-2026-11-27.7f3a91@hollinthyme.example"      # BCC'd delay notice
NEWS = "nl-2026-12-01.c0ffee42@news.hollinthyme.example"    # newsletter


def add_all(M, mail, ig, fb, amz, eb):
    # ---------------------------------------------------------------- Hannah: owner mail, lost headers, lookalike impersonator
    M("11-20 08:14", "hannah", "h6003", "en", mail("hannah.whitcombe@fernmail.example", "Hannah Whitcombe", "hw1", "Order #6003 - Dutch oven not here yet"),
      "Hi there,\n\nI ordered the sage Dutch oven (order #6003) on the 9th and the tracking hasn't moved since Monday. Is it lost?\n\nThanks,\nHannah",
      ["owner_mail"], "buyer from her ordering address")
    M("11-21 17:40", "hannah", "h6003", "en", mail("hannah.whitcombe@fernmail.example", "Hannah Whitcombe", "hw1"),
      "Thanks for checking. If it's not here by Friday could you send a replacement instead of a refund?",
      ["owner_mail"], "reply in thread, no number")
    M("11-24 07:55", "hannah", "h6003", "en", mail("hannah.whitcombe@fernmail.example", "Hannah Whitcombe", "hw-lost", "Re: Order #6003 - Dutch oven not here yet", mode="lost"),
      "It's Friday... still nothing for 6003. Replacement please, same colour.\n\nHannah",
      ["owner_mail", "lost_headers"], "reply whose headers were lost: same conversation")
    M("11-24 13:02", "imp_hannah", "imp", "en", mail("hannah.whitcombe@fernmai1.example", "Hannah Whitcombe", "imp1", "Change of address for order #6003"),
      "Hello, I've moved. Please send the replacement for order #6003 to 88 Kingsland Road, London E2 8DP instead of Bristol. My postcode on the order was BS8 2HS.\nHannah Whitcombe",
      ["impersonator", "lookalike_domain"], "lookalike domain (fernmai1), knows the billing postcode; not the buyer")

    # ---------------------------------------------------------------- Lena: Gmail variants, second order = new matter, gmail near-miss impersonator
    M("11-20 10:31", "lena", "l6007", "de", mail("LenaVogt+kueche@googlemail.com", "Lena Vogt", "lv1", "Bestellung 6007 – Pfanne"),
      "Hallo,\n\ndie Gusseisenpfanne aus Bestellung 6007 hat einen Riss am Griff. Kann ich sie umtauschen? Foto anbei.\n\nViele Grüße\nLena Vogt",
      ["owner_gmail_variant"], "googlemail + tag + case of the ordering gmail address")
    M("11-21 09:12", "lena", "l6007", "de", mail("lena.vogt@gmail.com", "Lena Vogt", "lv1"),
      "Danke für die schnelle Antwort! Ich schicke die Pfanne (Nr. 6007) morgen zurück.",
      ["owner_mail"], "same conversation continued from the exact ordering address")
    M("11-29 19:20", "lena", "l6008", "de", mail("l.e.n.a.vogt@gmail.com", "Lena", "lv2", "Rücksendung Geschirrtücher"),
      "Hallo nochmal, diesmal geht es um meine zweite Bestellung #6008: die Geschirrtücher sind grau statt natur. Ich möchte sie zurückgeben.\nLena",
      ["owner_gmail_variant", "new_matter"], "dots ignored by Gmail; another order = new conversation")
    M("11-30 06:45", "imp_lena", "imp", "de", mail("lena.vogt.shop@gmail.com", "Lena Vogt", "lvimp", "Bestellung 6008 Adresse ändern"),
      "Guten Tag, bitte die Erstattung für Bestellung 6008 auf mein neues Konto überweisen und mir die Rechnung an diese Adresse schicken. Lena Vogt, 22765 Hamburg",
      ["impersonator", "gmail_near_miss"], "lenavogtshop@gmail.com is another Gmail account; knows postcode")

    # ---------------------------------------------------------------- Anna: non-Gmail +tag is a new address; then postcode
    M("11-20 12:02", "anna", "a6011", "de", mail("anna.berg+shop@posteo.example", "Anna Berg", "ab1", "Schneidebrett Nr. 6011"),
      "Hallo, mein Olivenholzbrett (Nr. 6011) ist gestern angekommen, leider mit einem Spalt in der Mitte. Was nun?\nAnna Berg",
      ["new_address_signed", "non_gmail_plus"], "+tag not normalised outside Gmail: a new address")
    M("11-20 16:48", "anna", "a6011", "de", mail("anna.berg+shop@posteo.example", "Anna Berg", "ab1"),
      "Sie fragten nach einer Bestätigung: die Bestellung 6011 ging an meine Rechnungsadresse in 10437 Berlin.",
      ["new_address_signed", "facts_spread"], "number + billing postcode in her thread now")

    # ---------------------------------------------------------------- Camille: DM and mail about one order; later mistyped number
    M("11-20 14:20", "camille", "c6014", "fr", ig("17841555300114012", "Camille Roux"),
      "Bonjour ! Ma boîte à pain commande 6014 n'est toujours pas arrivée, vous pouvez regarder ?",
      ["dm_named", "dm_and_mail"], "number only on Instagram")
    M("11-20 18:03", "camille", "c6014", "fr", mail("camille.roux@laposte.example", "Camille Roux", "cr1", "Commande n° 6014"),
      "Bonsoir,\nje vous ai écrit sur Instagram cet après-midi. Je reprends ici avec mon adresse de commande : n° 6014, boîte à pain crème.\nCamille",
      ["owner_mail", "dm_and_mail"], "same order, same conversation, from ordering address")
    M("11-22 10:10", "camille", "c6014", "fr", ig("17841555300114012", "Camille Roux"),
      "Reçue ce matin, merci ! (pardon, je pensais à la commande 6041, pas 6014... non c'était bien 6014)",
      ["dm_named", "mistyped_number"], "6041 is someone else's order; 6014 still unverified on Instagram")

    # ---------------------------------------------------------------- Huber household: shared phone + address; postcode 6020 is a candidate
    M("11-21 08:05", "mariah", "m6017", "de", ig("17841555300117017", "Maria Huber"),
      "Servus! Bestellung 6017, PLZ 6020 – die Gewürzgläser sind angekommen, aber zwei Deckel fehlen.",
      ["dm_facts_one", "household", "postcode_is_candidate"], "own number + billing postcode; 6020 (postcode) not her order")
    M("11-21 20:30", "peter", "p6016", "de", fb("7009123400016016", "Peter Huber"),
      "Grüß Gott, meine Frau hat 6017 bestellt und wartet auf die Deckel. Meine eigene Bestellung 6016 (Pfanne) ist auch noch nicht da. PLZ 6020 Innsbruck.",
      ["household", "proxy_named_buyer", "dm_facts_one"], "husband: 6017 is his wife's (same postcode, not his); 6016 his own with billing postcode")
    M("11-22 07:12", "peter", "p6016", "de", fb("7009123400016016", "Peter Huber"),
      "Und gleich noch: unser gemeinsames Telefon ist +43 512 908877, falls der Bote anrufen soll. Die Pfanne 6016 bitte nicht beim Nachbarn abgeben.",
      ["household", "phone_not_a_fact"], "phone is not a verification fact, but 6016 was verified earlier in this thread")

    # ---------------------------------------------------------------- Priya: DM facts in one message; presale new matter; impersonator with leaked facts
    M("11-21 11:44", "priya", "pr6019", "en", ig("17841555300119019", "Priya N"),
      "Hi! Order #6019 - email priya.n@orbitmail.example. Could the mugs be delivered on Saturday instead? I'm out all week",
      ["dm_facts_one", "dm_named"], "number + ordering e-mail in one DM")
    M("11-28 15:16", "priya", "pr-presale", "en", ig("17841555300119019", "Priya N"),
      "Another question: do the speckled mugs (HT-MG4) go in the dishwasher? Thinking of getting a second set for my sister.",
      ["dm_named", "new_matter", "presale"], "new request, no order")
    M("11-29 09:02", "imp_priya", "imp", "en", ig("17841555399990001", None),
      "hey its priya natarajan, order #6019, priya.n@orbitmail.example. lost my phone, can you send the tracking link + full delivery address here pls",
      ["impersonator", "dm_no_name"], "knows both facts, is not the buyer")

    # ---------------------------------------------------------------- Matteo: facts spread over three Messenger DMs, no display name
    M("11-21 13:10", "matteo", "mf6022", "it", fb("7009123400022022", None),
      "Buongiorno, ho ordinato un bollitore in rame due settimane fa e non è ancora arrivato.",
      ["dm_no_name", "facts_spread"], "no candidate yet")
    M("11-21 13:12", "matteo", "mf6022", "it", fb("7009123400022022", None),
      "Il numero d'ordine è 6022",
      ["dm_no_name", "facts_spread"], "number, no second fact yet")
    M("11-21 13:20", "matteo", "mf6022", "it", fb("7009123400022022", None),
      "CAP di fatturazione 40122 (Bologna). Ordine 6022, grazie",
      ["dm_no_name", "facts_spread"], "billing postcode given: verified from here")

    # ---------------------------------------------------------------- Lucía: e-mail first, number later on IG
    M("11-21 16:00", "lucia", "lo6025", "es", ig("17841555300125025", "Lucía Ortega"),
      "Hola, os escribo por aquí porque no encuentro el correo de confirmación. Mi correo es lucia.ortega@correo.example",
      ["dm_named", "facts_spread"], "e-mail first")
    M("11-21 16:05", "lucia", "lo6025", "es", ig("17841555300125025", "Lucía Ortega"),
      "El pedido es el #6025, la cocotte verde. ¿Cuándo llega?",
      ["dm_named", "facts_spread"], "number second: verified")

    # ---------------------------------------------------------------- Giulia gift buyer: shipping postcode is not billing; Chiara gift recipient
    M("11-22 09:30", "giulia", "g6027", "it", ig("17841555300127027", "Giulia M."),
      "Ciao! Ordine 6027, CAP 10126: è un regalo per mia sorella, potete aggiungere un biglietto?",
      ["dm_named", "gift", "shipping_postcode"], "buyer gives the SHIPPING postcode: not a fact")
    M("11-22 09:41", "giulia", "g6027", "it", ig("17841555300127027", "Giulia M."),
      "Ah scusate, il CAP della fatturazione è 20122, il mio. Ordine 6027.",
      ["dm_named", "gift", "facts_spread"], "billing postcode now")
    M("11-26 18:22", "chiara", "ch6027", "it", mail("chiara.marchetti@posta.example", "Chiara Marchetti", "cm1", "Teiera rotta - ordine 6027"),
      "Buonasera, mia sorella Giulia mi ha regalato una teiera in ghisa (ordine 6027), consegnata a Via Nizza 150, 10126 Torino. È arrivata con il beccuccio scheggiato. Potete mandarne un'altra?\nChiara",
      ["gift_recipient", "proxy_named_buyer"], "recipient, knows number + shipping address; not the buyer")

    # ---------------------------------------------------------------- Thomas: new address, signed
    M("11-22 11:15", "thomas", "t6030", "de", mail("thomas.keller.privat@mailbox.example", "Thomas Keller", "tk1", "Messerblock #6030"),
      "Sehr geehrte Damen und Herren,\n\nich schreibe von meiner privaten Adresse, bestellt habe ich über die Firma. Bei #6030 fehlt der Spatel. Bitte nachsenden.\n\nMit freundlichen Grüßen\nThomas Keller",
      ["new_address_signed"], "buyer but new address, signed, no second fact")

    # ---------------------------------------------------------------- Olivia: new address unsigned, then e-mail; impersonator on IG
    M("11-22 22:48", "olivia", "o6033", "en", mail("og1987@inbox.example", None, "og1", "where is it"),
      "where's 6033?? it said 3-5 days",
      ["new_address_unsigned"], "no name, new address")
    M("11-23 07:30", "olivia", "o6033", "en", mail("og1987@inbox.example", None, "og1"),
      "Sorry, that was rude. It's Olivia Grant - the order 6033 was placed with olivia.grant@fernmail.example, I just can't log in there from work.",
      ["new_address_signed", "facts_spread"], "number + ordering e-mail in her thread")
    M("11-25 12:12", "imp_olivia", "imp", "en", ig("17841555399990002", "olivia.g"),
      "Hi it's Olivia Grant, order #6033, olivia.grant@fernmail.example. I need to change the delivery address to 14 Quarry Lane, Salford M6 5PQ, please confirm what address it's going to now",
      ["impersonator", "dm_named"], "named like the buyer, knows both facts; not her")

    # ---------------------------------------------------------------- Lorenz: mother bought for son
    M("11-23 10:05", "jonas", "j6035", "de", mail("jonas.lorenz@uni-leipzig-mail.example", "Jonas Lorenz", "jl1", "Paket von meiner Mutter"),
      "Hi, meine Mutter hat für mich bei euch bestellt (6035), Lieferadresse Karl-Liebknecht-Str. 12, 04107 Leipzig. Die Tassen sind kaputt angekommen. Kann ich das direkt mit euch klären?\nJonas",
      ["proxy_parent_child", "gift_recipient"], "son; mother is the buyer")
    M("11-23 19:40", "sabine", "s6035", "de", mail("sabine.lorenz@webpost.example", "Sabine Lorenz", "sl1", "Bestellung 6035 für meinen Sohn"),
      "Guten Abend, mein Sohn Jonas hat sich wohl schon gemeldet. Ich bin die Bestellerin von 6035 – bitte schicken Sie die Ersatztassen direkt nach Leipzig.\nSabine Lorenz",
      ["owner_mail"], "the buyer herself")

    # ---------------------------------------------------------------- Inès: facts in one Messenger DM, named
    M("11-23 12:30", "ines", "i6036", "fr", fb("7009123400036036", "Inès Moreau"),
      "Coucou, commande n° 6036, code postal 31000. Il manque 2 bocaux sur 12 ! Je fais comment ?",
      ["dm_facts_one", "dm_named", "quantity_words"], "number + billing postcode")

    # ---------------------------------------------------------------- Dubois: husband with both facts
    M("11-23 15:55", "marc", "md6038", "fr", mail("marc.dubois@laposte.example", "Marc Dubois", "md1", "Commande de ma femme"),
      "Bonjour,\nma femme a passé la commande n° 6038 (e-mail elise.dubois@laposte.example, code postal 69006). Elle est en déplacement, pouvez-vous me dire où en est la livraison ?\nMarc Dubois",
      ["proxy_named_buyer", "proxy_both_facts"], "husband gives both facts; not the buyer")

    # ---------------------------------------------------------------- Greco: e-mail fact on IG then number
    M("11-23 21:15", "alessandro", "ag6039", "it", ig("17841555300139039", None),
      "Salve, ordine 6039: la padella è arrivata senza manico",
      ["dm_no_name", "facts_spread"], "number first")
    M("11-23 21:19", "alessandro", "ag6039", "it", ig("17841555300139039", None),
      "la mail con cui ho ordinato è alessandro.greco@posta.example, ordine 6039",
      ["dm_no_name", "facts_spread"], "e-mail now: verified")

    # ---------------------------------------------------------------- Laura: work address, signed, then postcode
    M("11-24 08:40", "laura", "ls6040", "es", mail("l.sanchez@bufete-alcala.example", "Laura Sánchez | Bufete Alcalá", "ls1", "Pedido 6040"),
      "Buenos días:\nLes escribo desde el correo del trabajo. El taco de cuchillos del pedido 6040 llegó con una ranura partida.\nSaludos,\nLaura Sánchez",
      ["new_address_signed"], "buyer writes from work address")
    M("11-24 11:02", "laura", "ls6040", "es", mail("l.sanchez@bufete-alcala.example", "Laura Sánchez | Bufete Alcalá", "ls1"),
      "Claro: el pedido 6040 está a mi nombre, código postal de facturación 28009.",
      ["new_address_signed", "facts_spread"], "billing postcode: verified in this thread")

    # ---------------------------------------------------------------- Marta: boyfriend on IG, no name; Marta herself later
    M("11-24 09:50", "javier", "jv6041", "es", ig("17841555300141999", None),
      "Hola, escribo por mi novia. Pedido 6041, su correo es marta.gil@correo.example. ¿Me podéis decir si ya salió?",
      ["proxy_named_buyer", "dm_no_name", "proxy_both_facts"], "partner")
    M("11-24 14:33", "marta", "mg6041", "es", mail("marta.gil@correo.example", "Marta Gil", "mg1", "Mi pedido #6041"),
      "Hola, soy Marta. Mi novio os ha escrito por Instagram por mi pedido #6041; ya os escribo yo. ¿Cuándo llega la tetera?",
      ["owner_mail"], "the buyer from her ordering address")

    # ---------------------------------------------------------------- Luca: friend on Messenger
    M("11-24 12:00", "sara", "sc6043", "it", fb("7009123400043999", "Sara Conti"),
      "Ciao, scrivo per conto di un amico, Luca Bianchi: ordine #6043, CAP 00153. Lui non ha Facebook. Quando arriva?",
      ["proxy_named_buyer", "dm_named", "proxy_both_facts"], "friend with both facts")
    M("11-24 12:05", "sara", "sc6043", "it", fb("7009123400043999", "Sara Conti"),
      "Ah e mi ha detto di chiedere se potete spedire a me invece, Via Marmorata 40. Ordine 6043",
      ["proxy_named_buyer", "dm_named"], "still not the buyer")

    # ---------------------------------------------------------------- Helga's neighbour
    M("11-24 17:25", "neighbour", "nb6045", "de", mail("gerti.wimmer@isarpost.example", "Gerti Wimmer", "gw1", "Paket für Frau Albrecht"),
      "Grüß Gott,\nich bin die Nachbarin von Frau Albrecht (Sendlinger Str. 3, 80331 München) und habe das Paket der Bestellung 6045 angenommen. Der Karton ist eingedrückt, der Kessel verbeult. Frau Albrecht ist im Krankenhaus, wie soll ich vorgehen?\nGerti Wimmer",
      ["proxy_neighbour", "proxy_named_buyer"], "neighbour knows number + billing postcode from the label")

    # ---------------------------------------------------------------- Dev: colleague at same company domain
    M("11-25 09:05", "rachel", "ro6047", "en", mail("rachel.osei@brightlane.example", "Rachel Osei", "ro1", "Kettle order for the office"),
      "Morning! My colleague Dev Anand ordered a copper kettle and mugs for our office kitchen (#6047). He's on leave this week - can you tell me if it's been delivered to reception? Same postcode, EC1V 9AX.\nRachel",
      ["proxy_colleague", "proxy_named_buyer"], "colleague, same company domain, knows facts")
    M("11-27 10:15", "dev", "d6047", "en", mail("dev.anand@brightlane.example", "Dev Anand", "da1", "Re: #6047"),
      "Hi, back from leave. Rachel said she asked about #6047. Did it arrive? I can't find it at reception.\nDev",
      ["owner_mail"], "the buyer from his ordering address")

    # ---------------------------------------------------------------- Patricia Hale: carer, then herself
    M("11-25 11:40", "carer", "cr6049", "en", mail("m.ndlovu@homecare-devon.example", "Memory Ndlovu", "mn1", "Order 6049 for Mrs Hale"),
      "Hello, I'm the carer for Mrs Patricia Hale. She asked me to chase order 6049 (bread bin and wraps). Her postcode is EX4 6BH. She doesn't use email much.\nKind regards\nMemory",
      ["proxy_carer", "proxy_named_buyer", "proxy_both_facts"], "carer")
    M("11-26 15:20", "hale", "ph6049", "en", mail("p.hale@fernmail.example", "Patricia Hale", "ph1", "My order"),
      "Dear Sirs, my carer wrote to you about my bread bin. It came today, thank you. Order 6049. P. Hale",
      ["owner_mail"], "buyer herself")

    # ---------------------------------------------------------------- Garnier: assistant
    M("11-25 14:10", "assistante", "as6051", "fr", mail("assistante@atelier-garnier.example", "Secrétariat Atelier Garnier", "ag1", "Commande 6051 de M. Garnier"),
      "Madame, Monsieur,\nJe suis l'assistante de M. Garnier. Pourriez-vous m'envoyer la facture de la commande 6051 ? L'adresse de commande est garnier.direction@atelier-garnier.example.\nCordialement,\nNathalie Py",
      ["proxy_assistant", "proxy_named_buyer", "proxy_both_facts"], "assistant from another mailbox of the same company")

    # ---------------------------------------------------------------- Carmen: child on IG, buyer not named
    M("11-25 16:45", "pilar", "pi6053", "es", ig("17841555300153999", None),
      "Buenas, pregunto por un pedido que hizo mi madre, el 6053, código postal 46006. ¿Ha salido ya el hervidor?",
      ["proxy_anonymous", "dm_no_name", "proxy_both_facts"], "daughter, buyer not named")

    # ---------------------------------------------------------------- Wolfgang: son writes im Auftrag
    M("11-25 19:00", "felixpohl", "fp6055", "de", mail("felix.pohl@studmail.example", "Felix Pohl", "fp1", "Bestellnummer 6055"),
      "Hallo, ich schreibe im Auftrag meines Vaters. Bestellnummer 6055, seine E-Mail ist w.pohl@webpost.example. Der Bräter ist in der falschen Farbe gekommen.\nFelix",
      ["proxy_named_buyer", "proxy_both_facts", "proxy_parent_child"], "son for father")

    # ---------------------------------------------------------------- Daniel: Unit number in address, own order
    M("11-25 21:30", "daniel", "dw6056", "en", mail("daniel.walsh@eirmail.example", "Daniel Walsh", "dw1", "Skillet #6056 - delivery note"),
      "Hi, for #6056 please tell the courier it's Unit 4, not Unit #6012 - the block next door has the same entrance. Harbour Court, D04 K7W2.\nDaniel",
      ["owner_mail", "non_order_unit"], "Unit #6012 is an address, not an order")

    # ---------------------------------------------------------------- Finn: gmail owner mistype, 5-digit number
    M("11-26 08:12", "finn", "f6057", "en", mail("finn.obrien@gmail.com", "Finn O'Brien", "fo1", "Order #6075"),
      "Hiya, my order #6075 still says awaiting pickup. Any news?\nFinn",
      ["owner_mail", "mistyped_number"], "6075 does not exist (meant 6057)")
    M("11-26 08:20", "finn", "f6057", "en", mail("finn.obrien@gmail.com", "Finn O'Brien", "fo1"),
      "Sorry, typo - it's #6057, not 6075. Or #60570 in your app? whatever it says there",
      ["owner_mail", "mistyped_number"], "own 6057; 6075 and #60570 are not orders of his")

    # ---------------------------------------------------------------- Pablo: several Gmail variants
    M("11-26 10:00", "pablo", "pn6059", "es", mail("pablonavarro+pedidos@gmail.com", "Pablo Navarro", "pn1", "Pedido 6059 tabla de olivo"),
      "Hola, ¿podéis grabar unas iniciales en la tabla del pedido 6059? Si no es posible no pasa nada.\nPablo",
      ["owner_gmail_variant"], "+tag, no dot")
    M("11-26 18:30", "pablo", "pn6059", "es", mail("Pablo.Navarro@googlemail.com", "Pablo Navarro", "pn1"),
      "Perfecto, entonces las iniciales P.N. en el pedido 6059. Gracias!",
      ["owner_gmail_variant"], "googlemail.com + capitals")

    # ---------------------------------------------------------------- Reseller Tischlein: three orders, end client
    M("11-26 09:15", "tischlein", "tw-batch", "de", mail("orders@tischlein-deck.example", "Tischlein deck dich – Bestellungen", "td1", "Lieferstatus 6062 / 6063 / 6064"),
      "Guten Morgen,\nkönnen Sie uns den Stand der Bestellungen 6062, 6063 und 6064 nennen? Alle drei gehen direkt an unsere Kundinnen und Kunden.\nKatrin Wolff\nTischlein deck dich GmbH",
      ["reseller"], "the reseller's ordering address: all three own")
    M("11-27 14:05", "ingrid", "is6063", "de", mail("ingrid.sommer@kassel-net.example", "Ingrid Sommer", "is1", "Wasserkessel und Teekanne"),
      "Guten Tag, ich habe über Tischlein deck dich bei Ihnen einen Kessel und eine Teekanne bekommen (Ihre Nummer 6063, Lieferung an 34119 Kassel). Die Teekanne tropft. An wen wende ich mich?\nIngrid Sommer",
      ["reseller_end_client", "gift_recipient"], "end client, knows number + shipping postcode")
    M("11-28 09:00", "tischlein", "tw-batch", "de", mail("orders@tischlein-deck.example", "Tischlein deck dich – Bestellungen", "td1"),
      "Danke. Frau Sommer (6063) hat sich bei uns gemeldet – bitte Ersatz über uns abwickeln, nicht direkt.\nK. Wolff",
      ["reseller"], "reseller again about one of its orders")

    # ---------------------------------------------------------------- Küchenwerk: purchasing mailbox vs employee
    M("11-26 11:20", "brandl", "jb6065", "de", mail("j.brandl@kuechenwerk-mainz.example", "Jürgen Brandl", "jb1", "PO-6065 Pfannen"),
      "Hallo, unser Einkauf hat unter PO-6065 zwei Pfannen bestellt. Ich bin der Küchenchef, sind die schon unterwegs? Durchwahl 6021.\nJ. Brandl",
      ["company_employee", "non_order_extension"], "employee's own address; Durchwahl 6021 is a phone extension")
    M("11-26 15:45", "kuechenwerk", "kw6065", "de", mail("einkauf@kuechenwerk-mainz.example", "Einkauf Küchenwerk", "kw1", "Bestellung 6065 – Lieferschein"),
      "Sehr geehrte Damen und Herren,\nbitte senden Sie uns zu Bestellung 6065 einen Lieferschein mit unserer Kostenstelle 4471. Unser Küchenchef Herr Brandl fragt danach.\nEinkauf, Küchenwerk Mainz",
      ["company_buyer", "owner_mail"], "purchasing mailbox is the buyer")

    # ---------------------------------------------------------------- Greenleaf café: invoice number, company buyer
    M("11-26 16:10", "greenleaf", "gl6066", "en", mail("purchasing@greenleaf-cafe.example", "Greenleaf Café Purchasing", "gl1", "VAT invoice for #6066"),
      "Hello, could you send a VAT invoice for #6066 addressed to Greenleaf Café Ltd? Our internal reference is INV-6070, please quote it.\nThanks, Purchasing",
      ["company_buyer", "non_order_invoice"], "INV-6070 is their reference, order 6070 belongs to someone else")
    M("11-27 09:40", "barista", "tb6066", "en", ig("17841555300166999", "Tom @ Greenleaf"),
      "hey! we're the café that ordered the mugs + drippers, order 6066. one mug arrived cracked - can you send one more to the café?",
      ["company_employee", "dm_named"], "staff member on Instagram, not the purchasing mailbox")

    # ---------------------------------------------------------------- Ruth: Swiss postcode like an order number
    M("11-26 17:55", "ruth", "rb6058", "de", mail("ruth.baumann@seemail.example", "Ruth Baumann", "rb1", "Teekanne"),
      "Grüezi\nDie Teekanne aus meiner Bestellung 6058 ist gut angekommen, aber der Deckel klemmt. Kann ich einen Ersatzdeckel bekommen?\nFreundliche Grüsse\nRuth Baumann\nHaldenstrasse 23\n6006 Luzern",
      ["owner_mail", "non_order_postcode"], "6006 is her postcode in the signature")

    # ---------------------------------------------------------------- Simple owners in other languages
    M("11-22 13:13", "sergio", "sr6010", "es", mail("sergio.romero@correo.example", "Sergio Romero", "sr1", "Hervidor de cobre - pedido 6010"),
      "Hola, el hervidor del pedido 6010 hace un ruido raro al calentar. ¿Es normal?\nSergio",
      ["owner_mail"], "")
    M("11-23 09:00", "elena", "em6013", "it", mail("ElenaMoretti@gmail.com", "Elena Moretti", "em1", "ordine 6013 teiera"),
      "Buongiorno, vorrei sapere se la teiera in ghisa dell'ordine 6013 si può usare sull'induzione.\nElena",
      ["owner_gmail_variant"], "no dot, capitals")
    M("11-27 11:11", "francesca", "fg6068", "it", mail("francesca.galli@posta.example", "Francesca Galli", "fg1", "Portapane ordine #6068"),
      "Salve, il portapane dell'ordine #6068 non è ancora partito? Mi serve entro il 10 dicembre, è un regalo.\nFrancesca Galli",
      ["owner_mail"], "")
    M("11-27 13:30", "hugo", "hl6069", "fr", mail("hugo.lefevre@orange-mail.example", "Hugo Lefèvre", "hl1", "Annulation commande 6069"),
      "Bonjour, je souhaite annuler la commande 6069 (bouilloire cuivre), je l'ai trouvée ailleurs. Merci.\nHugo",
      ["owner_mail"], "")
    M("11-27 16:00", "amelie", "af6070", "fr", fb("7009123400070070", "Amélie Fontaine"),
      "Bonjour, j'ai commandé un garde-herbes, commande 6070. Mon adresse mail : amelie.fontaine@laposte.example. Il est parti ?",
      ["dm_facts_one", "dm_named"], "")

    # ---------------------------------------------------------------- Sophie: verified on IG, then Messenger (no carry-over)
    M("11-24 19:05", "sophie", "sb6015", "de", ig("17841555300115015", "sophie.brandt"),
      "Hallo! Bestellung 6015, PLZ 28203 – kommt der Messerblock noch vor Nikolaus?",
      ["dm_facts_one", "dm_named"], "verified on Instagram")
    M("11-26 20:10", "sophie", "sb6015", "de", fb("7009123400015015", "Sophie Brandt"),
      "Hab euch schon auf Insta geschrieben – Bestellung 6015, gibt's was Neues?",
      ["dm_named", "channel_key_switch"], "Messenger is another channel key: not verified there")

    # ---------------------------------------------------------------- Guessers and strangers
    M("11-22 03:14", "guesser1", "gs1", "en", ig("17841555399990003", None),
      "whats the status of order 6060? and 6061? and 6062?",
      ["guesser", "dm_no_name"], "enumerating numbers")
    M("11-22 03:16", "guesser1", "gs1", "en", ig("17841555399990003", None),
      "ok what about #6099 then",
      ["guesser", "dm_no_name"], "non-existent order")
    M("11-23 18:00", "stranger1", "st1", "en", mail("bjorn.aas@fjordpost.example", "Bjørn Aas", "ba1", "Shipping to Norway?"),
      "Hello, do you ship to Norway and are customs fees included? I'd like the enamel bread bin.\nBjørn",
      ["stranger", "presale"], "")
    M("11-25 10:30", "guesser2", "gs2", "fr", mail("service.client.verif@securemail.example", "Service vérification", "sv1", "Vérification commande 6044"),
      "Bonjour, dans le cadre d'un contrôle, merci de nous transmettre l'adresse de livraison et le numéro de suivi des commandes 6044 et 6046.",
      ["guesser", "phishing"], "fake 'verification service'")
    M("11-28 22:40", "stranger2", "st2", "it", ig("17841555399990004", "gianni_b"),
      "Ciao avete ancora la pentola smaltata verde? Ne vorrei 2",
      ["stranger", "presale", "dm_named"], "")
    M("12-01 12:00", "stranger3", "st3", "es", fb("7009123499990005", None),
      "hola me llegó un paquete vuestro pero yo no he pedido nada. En la etiqueta pone pedido 6031 y un nombre que no conozco",
      ["stranger", "misdelivered", "dm_no_name"], "got someone else's parcel")

    # ---------------------------------------------------------------- Non-orders: quantity, product code, tracking digits
    M("11-28 11:00", "wholesale", "wh1", "de", mail("beschaffung@hotelgruppe-alpen.example", "Beschaffung Hotelgruppe Alpen", "wh1", "Großmengenanfrage"),
      "Guten Tag,\nwir suchen für unsere Häuser 6000 Stück Leinen-Geschirrtücher und 120 Brotkästen. Bitte ein Angebot.\nMfG",
      ["stranger", "non_order_quantity", "presale"], "6000 is a quantity")
    M("11-28 14:25", "stranger4", "st4", "en", ig("17841555399990006", "kitchen.nerd.77"),
      "hi is the olive wood board OW-6018 the same as HT-OWB40? saw 'OW-6018' on a reseller site",
      ["stranger", "non_order_product_code", "presale"], "product code")
    M("11-29 10:10", "bg6004", "gr-track", "de", mail("greta.hansen@fjordmail.example", "Greta Hansen", "gh1", "Sendung hängt"),
      "Hallo, meine Sendung mit der Nummer 00340434160604512 hängt seit Tagen im Paketzentrum, laut DHL liegt sie jetzt in der Filiale 6045 in Kiel.\nGreta Hansen",
      ["non_order_tracking", "non_order_branch", "new_address_signed"], "Greta Hansen (buyer of 6004) from another address; long tracking digits and DHL branch 6045 are not orders")

    # ---------------------------------------------------------------- BCC'd delay announcement: replies thread on the announcement
    M("11-27 15:30", "nora", "bcc-nora", "en", mail("nora.lindqvist@fernmail.example", "Nora Lindqvist", None, "Re: Storm delays - your Hollin & Thyme order", mode="bcc", root=ANN),
      "Thanks for the heads-up. My order is #6048, the pour-over - happy to wait, no rush.\nNora",
      ["bcc_reply", "owner_mail"], "reply to BCC announcement, own")
    M("11-27 15:42", "jan", "bcc-jan", "de", mail("jan.meyer@nordpost.example", "Jan Meyer", None, "AW: Storm delays - your Hollin & Thyme order", mode="bcc", root=ANN),
      "Hallo, heißt das, meine Brotdose kommt nicht mehr vor dem Wochenende? Dann bitte stornieren.\nJan Meyer",
      ["bcc_reply", "owner_mail"], "no number")
    M("11-27 16:05", "claire", "bcc-claire", "fr", mail("claire.m59@boitemail.example", "Claire", None, "RE: Storm delays - your Hollin & Thyme order", mode="bcc", root=ANN),
      "Bonjour, je réponds depuis mon autre adresse : ma commande 6050 est-elle concernée ?",
      ["bcc_reply", "new_address_unsigned"], "buyer from another address, forwarded announcement")
    M("11-27 17:20", "bg6004", "bcc-greta", "de", mail("greta.hansen@fjordmail.example", "Greta Hansen", None, "AW: Storm delays - your Hollin & Thyme order", mode="bcc", root=ANN),
      "Guten Tag, meine Gläser sind schon da, danke. Bitte nehmen Sie mich aber aus diesem Verteiler.\nGreta Hansen",
      ["bcc_reply", "new_address_signed"], "Greta Hansen from another address, no number")
    M("11-28 08:00", "nora", "bcc-nora", "en", mail("nora.lindqvist@fernmail.example", "Nora Lindqvist", None, "Re: Storm delays - your Hollin & Thyme order", mode="bcc", root=ANN),
      "Actually - could #6048 go to my office instead? I'll send the address if yes.",
      ["bcc_reply", "owner_mail"], "same sender again in the announcement thread")

    # ---------------------------------------------------------------- Newsletter replies
    M("12-01 09:10", "rosa", "nl-rosa", "es", mail("rosa.delgado@correo.example", "Rosa Delgado", None, "Re: Rebajas de invierno 20 %", mode="bcc", root=NEWS),
      "Hola, ¿el código INVIERNO20 sirve para mi pedido #6005 que hice antes? Gracias",
      ["newsletter_reply", "owner_mail"], "")
    M("12-01 09:30", "valentina", "nl-val", "it", mail("valentina.russo@posta.example", "Valentina Russo", None, "R: Saldi d'inverno 20%", mode="bcc", root=NEWS),
      "Cancellatemi dalla newsletter per favore.",
      ["newsletter_reply", "owner_mail"], "")
    M("12-01 10:45", "bg6001", "nl-mark", "en", mail("mark.ellison.home@fernmail.example", "Mark", None, "Re: Winter sale 20% off", mode="bcc", root=NEWS),
      "Is the 20% valid on order 6001 that hasn't shipped? Different email, sorry.",
      ["newsletter_reply", "new_address_unsigned"], "Mark Ellison, buyer of 6001, from another address")
    M("12-01 11:30", "ines", "nl-ines", "fr", mail("ines.moreau@laposte.example", "Inès Moreau", None, "Re: Soldes d'hiver -20 %", mode="bcc", root=NEWS),
      "Super ! Est-ce que le code marche aussi sur ma commande 6036 déjà livrée, ou seulement pour une nouvelle commande ?",
      ["newsletter_reply", "owner_mail", "new_matter"], "her own mail; a new request of its own")

    # ---------------------------------------------------------------- Amazon relay
    M("11-24 07:20", "ulrike", "amz-ul", "de", amz("302-5518274-9920131", "Ulrike", "Anfrage zur Lieferung von Amazon-Kunde Ulrike (Bestellung: 302-5518274-9920131)"),
      "Guten Tag, die Pfanne sollte gestern kommen, die Sendungsverfolgung zeigt nichts an. Können Sie nachsehen?",
      ["amazon"], "relay thread names the order")
    M("11-24 19:45", "ulrike", "amz-ul", "de", mail("ulrike.sand@webpost.example", "Ulrike Sand", "us1", "Amazon-Bestellung 302-5518274-9920131"),
      "Hallo, ich schreibe Ihnen auch direkt, weil über Amazon nichts kam. Es geht um 302-5518274-9920131.\nUlrike Sand",
      ["amazon", "amazon_buyer_off_platform"], "same buyer by plain mail: not the relay")
    M("11-25 08:30", "ulrike", "amz-ul", "de", amz("302-5518274-9920131", "Ulrike", "Anfrage zur Lieferung von Amazon-Kunde Ulrike (Bestellung: 302-5518274-9920131)"),
      "Ist heute angekommen, danke. Die Mail an Ihre Adresse können Sie ignorieren.",
      ["amazon"], "")
    M("11-25 13:00", "benoit", "amz-be", "fr", amz("171-4402981-3357720", "Benoît", "Demande de renseignements de la part du client Amazon Benoît (Commande : 171-4402981-3357720)"),
      "Bonjour, la boîte à pain est arrivée cabossée. J'ai aussi passé la commande 171-9981234-5566778 la semaine dernière, pouvez-vous vérifier qu'elle est bien emballée ?",
      ["amazon", "amazon_other_order"], "second Amazon order named in text: not this relay thread")
    M("11-28 17:10", "james", "amz-ja", "en", amz("204-7730158-2209416", "", "Order delivery inquiry from Amazon customer  (Order: 204-7730158-2209416)"),
      "Hi, the kettle came without the lid. Can you send one? Thanks",
      ["amazon", "amazon_no_name"], "empty name in subject")
    M("11-30 12:40", "francesca", "amz-fg", "it", amz("403-6120975-8841302", "Francesca", "Richiesta da parte del cliente Amazon Francesca (Ordine: 403-6120975-8841302)"),
      "Buongiorno, i canovacci sono arrivati. Ho anche un ordine sul vostro sito, il 6068: potete spedirli insieme la prossima volta?",
      ["amazon", "amazon_mentions_shop_order"], "shop order mentioned through the relay: not verified there")
    M("12-02 09:15", "ramon", "amz-ra", "es", amz("406-2259013-7734150", "Ramón", "Consulta de cliente de Amazon Ramón (Pedido: 406-2259013-7734150)"),
      "Hola, quiero devolver las espátulas, no son lo que esperaba. ¿Cómo lo hago?",
      ["amazon"], "")

    # ---------------------------------------------------------------- eBay
    M("11-25 20:00", "dirk", "eb-dirk", "de", eb("2736451098", "kuechenliebe_hh", "Frage zu Ihrem Artikel"),
      "Moin, die Pfanne aus Bestellung 14-12031-58847 ist angekommen, aber ohne Einbrennanleitung. Können Sie die als PDF schicken?",
      ["ebay"], "eBay buyer names its order")
    M("11-27 08:40", "bargain", "eb-barg", "en", eb("2736451777", "bargainhunter_77", "Question about an order"),
      "Hi, my friend bought the copper kettle (order 23-10877-40216) and asked me to check if it's shipped. Thanks",
      ["ebay", "proxy_friend"], "another eBay member about someone else's order")
    M("11-27 21:05", "gwen", "eb-gwen", "en", eb("2736451802", "potsandpans-uk", "Re: copper kettle"),
      "Hello, kettle 23-10877-40216 arrived fine. A friend messaged you by mistake about it, please ignore.",
      ["ebay"], "")
    M("11-29 18:00", "elena", "eb-elena", "it", eb("2736451950", "cucina.viva", "Domanda sull'oggetto"),
      "Ciao, la padella dell'ordine 09-44120-77103 è perfetta. Ho comprato anche sul vostro sito la teiera (6013): è compatibile con l'induzione?",
      ["ebay", "ebay_mentions_shop_order"], "own eBay order; shop order via eBay not verified")
    M("12-02 14:20", "remi", "eb-remi", "fr", eb("2736452010", "maison_et_jardin75", "Question sur l'objet"),
      "Bonjour, la boîte à pain de la commande 12-60245-31988 est rayée sur le côté. Remboursement partiel possible ?",
      ["ebay"], "")
