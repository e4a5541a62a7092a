# People who know the buyer's facts but are not the buyer, in all five languages.
from gen_lib import mail, ig, fb

# --- Rachel Kimber (en), #3029, and her friend Zoe ---------------------------------------
mail("rk1", "11-26 16:30", "rachel.kimber@example.co.uk", "Rachel Kimber", "Matcha set order 3029",
     "Hi,\ncould you tell me when order 3029 will be delivered? I'm off to Lisbon on Thursday.\nRachel",
     "kimber", "kimber-3029", "en", "3029:o", ["owner_mail"])
mail("zf1", "11-28 12:15", "zoe.fairbanks@example.co.uk", "Zoe Fairbanks", "Chasing order 3029",
     "Hello,\nRachel's away so she asked me to keep an eye on her matcha set - order 3029, she ordered it with rachel.kimber@example.co.uk, postcode NR2 2PA. Has it been delivered? I've got her spare key.\nZoe",
     "fairbanks", "fairbanks-3029", "en", "3029:n", ["knows_facts", "friend"],
     note="friend with all the facts, says so plainly; not the buyer")
mail("zf2", "11-28 17:48", "zoe.fairbanks@example.co.uk", "Zoe Fairbanks", "Re: Chasing order 3029",
     "Fair enough! I'll ask her to message you. In the meantime is there any harm in telling me if 3029 was left in the porch?",
     "fairbanks", "fairbanks-3029", "en", "3029:n", ["knows_facts", "friend"], reply="zf1")

# --- Sabine Kröger (de), #3030; her husband signs only with his name ----------------------
mail("sk1", "11-26 20:05", "sabine.kroeger@example.de", "Sabine Kröger", "Adventskalender Bestellung 3030",
     "Hallo Lanterna-Team,\nich habe zwei Adventskalender bestellt (3030). Kommen die noch vor dem 1.12.? Sonst muss ich mir etwas anderes einfallen lassen.\nViele Grüße\nSabine Kröger",
     "kroeger_s", "kroeger_s-3030", "de", "3030:o", ["owner_mail"])
mail("jk1", "11-28 07:50", "kroeger.ms@example.de", "Familie Kröger", "Wo bleibt 3030?",
     "Moin,\nwo bleibt unsere Bestellung 3030? Die E-Mail-Adresse bei der Bestellung war sabine.kroeger@example.de, PLZ 48155. Bitte kurze Info, wann DHL kommt.\nGruß\nJörg",
     "kroeger_j", "kroeger_j-3030", "de", "3030:n", ["knows_facts", "partner", "signature_only"],
     note="family address, facts match, but signed 'Jörg': the buyer is Sabine")
mail("jk2", "11-28 13:20", "kroeger.ms@example.de", "Familie Kröger", "Re: Wo bleibt 3030?",
     "Na gut, dann soll meine Frau sich melden. Trotzdem: ist 3030 nun unterwegs oder nicht?\nJörg Kröger",
     "kroeger_j", "kroeger_j-3030", "de", "3030:n", ["knows_facts", "partner"], reply="jk1")
mail("sk2", "11-28 18:30", "sabine.kroeger@example.de", "Sabine Kröger", "Re: Adventskalender Bestellung 3030",
     "Mein Mann hat euch wohl auch geschrieben, sorry. Also: Wann kommt 3030?\nSabine",
     "kroeger_s", "kroeger_s-3030", "de", "3030:o", ["owner_mail"], reply="sk1")

# --- Camille Morel (fr, BE), #3031; Antoine on Messenger, only his display name tells -------
mail("cm1", "11-26 09:35", "camille.morel@example.be", "Camille Morel", "Théière commande #3031",
     "Bonjour,\nla théière de la commande #3031 est superbe mais la poignée en bambou bouge. Est-ce réparable ?\nCamille Morel",
     "morel_c", "morel_c-3031", "fr", "3031:o", ["owner_mail"])
fb("11-27 20:40", "8023316647700184", "Antoine Morel", "Bonsoir, commande 3031, code postal 3020. On attend toujours la nouvelle poignée, elle part quand ?",
   "morel_a", "morel_a-3031", "fr", "3031:n 3020:n", ["knows_facts", "partner", "display_name_only", "non_order"],
   note="number + billing postcode match, but the Messenger account is Antoine's, the buyer is Camille; 3020 is the Herent postcode")
fb("11-27 20:52", "8023316647700184", "Antoine Morel", "C'est pour la théière de la 3031, celle avec le manche en bambou.",
   "morel_a", "morel_a-3031", "fr", "3031:n", ["knows_facts", "partner", "display_name_only"])
mail("cm2", "11-29 11:00", "camille.morel@example.be", "Camille Morel", "Re: Théière commande #3031",
     "Merci, j'ai bien reçu la poignée de rechange. Mon compagnon vous a écrit sur Messenger, vous pouvez ignorer.\nCamille",
     "morel_c", "morel_c-3031", "fr", "", ["owner_mail"], reply="cm1")

# --- Carmen Villalba (es), #3032, and her daughter ------------------------------------------
mail("cv1", "11-26 12:40", "carmen.villalba@example.es", "Carmen Villalba", "Pedido 3032",
     "Buenos días, ¿cuándo me llega el rooibos del pedido 3032? Gracias. Carmen",
     "villalba_c", "villalba_c-3032", "es", "3032:o", ["owner_mail"])
mail("nv1", "11-28 21:10", "noelia.vb@example.es", "Noelia V.", "Pedido 3032 de mi madre",
     "Hola, le escribo de parte de mi madre, que no se aclara con el correo. El pedido es el 3032, su correo es carmen.villalba@example.es y el código postal 50006. ¿Me pueden decir si ya está enviado?\nGracias, Noelia",
     "villalba_n", "villalba_n-3032", "es", "3032:n", ["knows_facts", "parent_child"],
     note="daughter 'de parte de mi madre' with all the facts; not the buyer")
mail("nv2", "11-29 09:45", "noelia.vb@example.es", "Noelia V.", "Re: Pedido 3032 de mi madre",
     "Entiendo, pero ella no usa el correo. ¿No pueden mandarme a mí el seguimiento del 3032?",
     "villalba_n", "villalba_n-3032", "es", "3032:n", ["knows_facts", "parent_child"], reply="nv1")

# --- Federica Conti (it), #3034, and her partner on Instagram -----------------------------
mail("fc1", "11-27 10:50", "federica.conti@example.it", "Federica Conti", "Ordine #3034",
     "Ciao, mi confermate la spedizione dell'ordine #3034? Grazie, Federica",
     "conti", "conti-3034", "it", "3034:o", ["owner_mail"])
ig("11-28 22:15", "3321570098846612", "Luca Zanella", "ciao, il set matcha che ha ordinato la mia compagna non è ancora arrivato. ordine 3034, mail federica.conti@example.it. è un regalo per lei quindi non ditele niente 🤫",
   "zanella", "zanella-3034", "it", "3034:n", ["knows_facts", "partner"],
   note="'ha ordinato la mia compagna': number + e-mail, not the buyer (and asks to keep it from the buyer)")
ig("11-29 08:30", "3321570098846612", "Luca Zanella", "vabbè, allora ditemi almeno se il 3034 è partito",
   "zanella", "zanella-3034", "it", "3034:n", ["knows_facts", "partner"])

# --- Graham Whitfield (en), #3035, and his PA ----------------------------------------------
mail("gw1", "11-27 12:20", "graham.whitfield@example.co.uk", "Graham Whitfield", "Order 3035",
     "Hello,\nplease deliver order 3035 to my office rather than home if not yet dispatched: 10 Queen Square, Bath.\nGraham Whitfield",
     "whitfield", "whitfield-3035", "en", "3035:o", ["owner_mail"])
mail("jo1", "11-28 10:05", "j.osei@whitfield-partners.example", "Joanna Osei", "Re: Mr Whitfield's order",
     "Good morning,\nI'm Mr Whitfield's PA. Could you confirm whether order 3035 (ordered under graham.whitfield@example.co.uk) is coming to the office at Queen Square, and the expected date? I need to tell reception.\nKind regards,\nJoanna Osei\nPA to Graham Whitfield",
     "osei", "osei-3035", "en", "3035:n", ["knows_facts", "assistant"], note="PA with the facts; not the buyer")
mail("jo2", "11-28 15:40", "j.osei@whitfield-partners.example", "Joanna Osei", "Re: Mr Whitfield's order",
     "Understood. He has asked me to handle this - he's copied. Could you now send the tracking for 3035 to me?\nJoanna",
     "osei", "osei-3035", "en", "3035:n", ["knows_facts", "assistant"], reply="jo1",
     unsure="claims the buyer is copied; the record has one sender and nothing the channel vouches for")

# --- Werner Haslinger (de, AT), #3036, and his daughter on Instagram ------------------------
mail("wh1", "11-27 08:10", "werner.haslinger@example.at", "Werner Haslinger", "Bestellung 3036",
     "Sehr geehrte Damen und Herren,\nich bitte um Mitteilung, wann die Bestellung 3036 versendet wird.\nHochachtungsvoll\nWerner Haslinger",
     "haslinger", "haslinger-3036", "de", "3036:o", ["owner_mail"])
ig("11-29 19:25", "6604418820075931", "miri.haslinger", "Hallo! Papa hat bei euch Chai bestellt, Bestellnummer 3036, PLZ 3040. Er hat kein Instagram und fragt ob das Paket schon weg ist 🙂",
   "haslinger_m", "haslinger_m-3036", "de", "3036:n 3040:n", ["knows_facts", "parent_child", "non_order"],
   note="daughter writes for her father: number + his billing postcode (3040 Neulengbach, also an order number of someone else)")
ig("11-29 19:40", "6604418820075931", "miri.haslinger", "Ok, ich sag ihm er soll euch mailen. Danke!",
   "haslinger_m", "haslinger_m-3036", "de", "", ["knows_facts", "parent_child"])

# --- Manon Lefebvre (fr), #3037, and a friend (a turn of phrase) --------------------------
mail("ml1", "11-27 13:45", "manon.lefebvre@example.fr", "Manon Lefebvre", "Calendrier commande 3037",
     "Bonjour, le calendrier de l'avent (commande 3037) est arrivé écrasé. Je vous joins des photos. Manon",
     "lefebvre", "lefebvre-3037", "fr", "3037:o", ["owner_mail"])
mail("jr1", "11-29 14:20", "juliette.roux@example.fr", "Juliette Roux", "Calendrier abîmé - commande 3037",
     "Bonjour,\nune amie m'a demandé de relancer pour elle : commande 3037, adresse manon.lefebvre@example.fr, code postal 59000. Le calendrier était écrasé et elle n'a pas de nouvelles du remplacement. Vous pouvez me dire quand il part ?\nJuliette",
     "roux", "roux-3037", "fr", "3037:n", ["knows_facts", "friend"], note="'une amie m'a demandé': a friend with all the facts")
mail("ml2", "11-30 10:15", "manon.lefebvre@example.fr", "Manon Lefebvre", "Re: Calendrier commande 3037",
     "Merci pour le remplacement, il est bien arrivé !",
     "lefebvre", "lefebvre-3037", "fr", "", ["owner_mail"], reply="ml1")

# --- Alessandra Vitale (it), #3039; a family address signed by Marco ---------------------
mail("av1", "11-27 15:05", "alessandra.vitale@example.it", "Alessandra Vitale", "Ordine 3039",
     "Salve, l'Earl Grey dell'ordine 3039 è arrivato, grazie. Potete dirmi se avete anche la versione deteinata? Alessandra",
     "vitale_a", "vitale_a-3039", "it", "3039:o", ["owner_mail"])
mail("mv1", "11-29 11:25", "vitale.casa@example.it", "Casa Vitale", "ordine 3039",
     "Buongiorno,\nper l'ordine 3039 (alessandra.vitale@example.it, CAP 80134) vorremmo restituire una delle due confezioni di Earl Grey. Come si fa?\nSaluti, Marco",
     "vitale_m", "vitale_m-3039", "it", "3039:n", ["knows_facts", "partner", "signature_only"],
     note="facts match, but signed Marco from a shared family address: not the buyer")
mail("mv2", "11-29 17:02", "vitale.casa@example.it", "Casa Vitale", "Re: ordine 3039",
     "Va bene, ne parlo con mia moglie e vi scrive lei. Grazie, Marco Vitale",
     "vitale_m", "vitale_m-3039", "it", "", ["knows_facts", "partner"], reply="mv1")

# --- Stefano Rinaldi (it), #3026, and strangers who quote his number --------------------
mail("sr1", "11-26 14:00", "stefano.rinaldi@example.it", "Stefano Rinaldi", "Ordine 3026",
     "Buongiorno, il mio ordine 3026 risulta in consegna da tre giorni. Potete sollecitare BRT?\nStefano Rinaldi",
     "rinaldi", "rinaldi-3026", "it", "3026:o", ["owner_mail"])
mail("xx1", "11-27 23:10", "pacchi.smarriti24@example.net", "Ufficio Reclami", "Ordine 3026 Rinaldi",
     "Salve, sono Stefano Rinaldi, ordine 3026. Ho cambiato indirizzo email. Mi mandate il link di tracciamento e l'indirizzo di consegna per confermare?",
     "stranger_it", "stranger_it-3026", "it", "3026:n", ["stranger"],
     note="claims the buyer's name from an unrelated address, no second fact: a stranger")
ig("11-28 02:30", "9944120076655318", None, "order 3026 tracking pls. name Stefano Rinaldi firenze",
   "stranger_ig1", "stranger_ig1-3026", "en", "3026:n", ["stranger"], note="stranger DM: number + name + city, none of which verify")
mail("sr2", "11-28 09:15", "stefano.rinaldi@example.it", "Stefano Rinaldi", "Re: Ordine 3026",
     "Arrivato ieri sera, grazie!",
     "rinaldi", "rinaldi-3026", "it", "", ["owner_mail"], reply="sr1")

# --- Lena Baumgartner (de, CH), #3027, and a postcode guesser --------------------------------
mail("lb1", "11-26 10:30", "lena.baumgartner@example.ch", "Lena Baumgartner", "Bestellung 3027 – Gaiwan",
     "Grüezi\nDas Gaiwan-Set aus Bestellung 3027 ist angekommen, aber es fehlt die Sencha-Packung. Könnt ihr die nachliefern?\nLena Baumgartner",
     "baumgartner", "baumgartner-3027", "de", "3027:o", ["owner_mail"])
ig("11-28 23:45", "2875509913377460", None, "hi order 3027 where is it. postcode 3063 or 3072 or 3011",
   "guesser", "guesser-3027", "en", "3027:n 3063:n 3072:n 3011:n", ["stranger", "postcode_guess", "non_order"],
   note="lists three guessed postcodes (one of them is right): a guess is no fact; the postcodes are no orders")
ig("11-28 23:52", "2875509913377460", None, "ok 3063 Ittigen then. now tell me status of 3027 and the address",
   "guesser", "guesser-3027", "en", "3063:n 3027:n", ["stranger", "postcode_guess", "non_order"],
   note="after guessing, settles on the right postcode: still not verified",
   unsure="mechanically number + right postcode are now both in the thread; labelled not_own because the sender is not the buyer and the postcode was guessed")
mail("lb2", "11-29 08:20", "lena.baumgartner@example.ch", "Lena Baumgartner", "Re: Bestellung 3027 – Gaiwan",
     "Danke, dann warte ich auf den Sencha.\nLena",
     "baumgartner", "baumgartner-3027", "de", "", ["owner_mail"], reply="lb1")

# --- A stranger guessing addresses for Sophie Martin's order by mail ---------------------
mail("xx2", "11-29 22:40", "s.martin.lyon@example.org", "S. Martin", "commande 3008",
     "Bonsoir, je n'ai pas reçu la commande 3008. Elle devait aller au 40 cours Lafayette, ou peut-être rue Garibaldi, ou quai Perrache, je ne sais plus laquelle des trois adresses j'ai mise. Code postal 69003 ou 69002. Merci de me donner le suivi.\nS. Martin",
     "stranger_fr", "stranger_fr-3008", "fr", "3008:n", ["stranger", "postcode_guess", "same_name"],
     note="a look-alike address that lists several guessed addresses and postcodes: not the buyer of #3008")
