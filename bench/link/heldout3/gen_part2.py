# DMs: owners verifying by facts; the same person on DM and mail; people who know the facts.
from gen_lib import mail, ig, fb

# --- Nadine Oberholzer (de), #3006: mail, then Instagram with number + postcode -----------
mail("no1", "11-24 15:10", "nadine.oberholzer@example.ch", "Nadine Oberholzer", "Matcha-Set Bestellung 3006",
     "Grüezi\nIn meinem Matcha-Set (Bestellung 3006) ist der Besen zerbrochen angekommen. Können Sie einen neuen schicken?\nLiebe Grüsse\nNadine Oberholzer",
     "oberholzer", "oberholzer-3006", "de", "3006:o", ["owner_mail", "dm_and_mail"])
mail("no2", "11-25 11:48", "nadine.oberholzer@example.ch", "Nadine Oberholzer", "Re: Matcha-Set Bestellung 3006",
     "Merci, Foto ist angehängt. Der Rest ist in Ordnung.",
     "oberholzer", "oberholzer-3006", "de", "", ["owner_mail", "dm_and_mail"], reply="no1")
ig("11-27 18:22", "5532018847162930", "Nadine O.", "Hallo! Wegen dem Ersatzbesen für Bestellung 3006 – ist der schon unterwegs?",
   "oberholzer", "oberholzer-3006", "de", "3006:n", ["dm_and_mail", "ig_facts"],
   note="the buyer, but on Instagram she has only given the number so far; the mail's verification does not carry over")
ig("11-27 18:25", "5532018847162930", "Nadine O.", "Ah, ihr braucht sicher mehr Angaben: PLZ 3011 Bern, Bestellung 3006.",
   "oberholzer", "oberholzer-3006", "de", "3006:o 3011:n", ["dm_and_mail", "ig_facts", "non_order"],
   note="number + billing postcode (3011, which also looks like an order number)")

# --- Beatriz Olmedo (es), #3023: Instagram, facts over three messages, then mail ----------
ig("11-25 21:03", "8841266093017725", "Bea Olmedo", "Holaa, tengo un problemilla con el gaiwan que os compré, una de las tazas vino rota 😢",
   "olmedo", "olmedo-3023", "es", "", ["ig_facts"])
ig("11-25 21:09", "8841266093017725", "Bea Olmedo", "es el pedido 3023",
   "olmedo", "olmedo-3023", "es", "3023:n", ["ig_facts"], note="number only so far")
ig("11-25 21:15", "8841266093017725", "Bea Olmedo", "Lo hice con mi correo beatriz.olmedo@example.es, por si lo necesitáis para buscar el 3023",
   "olmedo", "olmedo-3023", "es", "3023:o", ["ig_facts"], note="number (earlier message) + the order's e-mail: verified from here on")
ig("11-26 10:40", "8841266093017725", "Bea Olmedo", "¿Entonces me mandáis solo la taza o tengo que devolver todo el 3023?",
   "olmedo", "olmedo-3023", "es", "3023:o", ["ig_facts"])
mail("bo1", "11-26 12:02", "beatriz.olmedo@example.es", "Beatriz Olmedo", "Foto taza rota - pedido 3023",
     "Hola, os mando por aquí la foto de la taza rota del pedido 3023, como me dijisteis por Instagram.\nBeatriz",
     "olmedo", "olmedo-3023", "es", "3023:o", ["owner_mail", "dm_and_mail"])

# --- Yannick Lefort (fr), #3024: Messenger, number + postcode in one message -------------
fb("11-26 08:15", "7302918465520193", "Yannick Lefort", "Bonjour, je n'ai pas reçu ma commande 3024 (set matcha), code postal 35000. Vous pouvez regarder ?",
   "lefort", "lefort-3024", "fr", "3024:o", ["ig_facts"], note="Messenger: number + billing postcode in one message")
fb("11-26 14:51", "7302918465520193", "Yannick Lefort", "Ok merci, donc la 3024 est au point relais depuis hier, j'y passe ce soir.",
   "lefort", "lefort-3024", "fr", "3024:o", ["ig_facts"])

# --- Hannah Whitcombe (en), #3025: Instagram, facts over three messages ------------------
ig("11-26 19:30", "4410927735518806", "hannah.w", "hi! my order 3025 still says in transit, it's been a week",
   "whitcombe", "whitcombe-3025", "en", "3025:n", ["ig_facts"])
ig("11-26 19:33", "4410927735518806", "hannah.w", "the email i used is hannah.whitcombe@example.co.uk",
   "whitcombe", "whitcombe-3025", "en", "", ["ig_facts"])
ig("11-26 19:41", "4410927735518806", "hannah.w", "so is 3025 lost or just slow? it's an advent calendar so kind of time sensitive lol",
   "whitcombe", "whitcombe-3025", "en", "3025:o", ["ig_facts"], note="number and e-mail given in her earlier DMs of this thread")
ig("11-28 09:05", "4410927735518806", "hannah.w", "it came!! thank you 🎄",
   "whitcombe", "whitcombe-3025", "en", "", ["ig_facts"])

# --- Rosa Iglesias (es), #3053: Messenger, number then postcode --------------------------
fb("11-29 10:20", "6690115234708811", "Rosa Iglesias", "Buenos días, ¿cuándo llega el calendario de adviento del pedido 3053?",
   "iglesias", "iglesias-3053", "es", "3053:n", ["ig_facts"])
fb("11-29 10:31", "6690115234708811", "Rosa Iglesias", "Perdón, mi código postal es 15003. Pedido 3053 a nombre de Rosa Iglesias.",
   "iglesias", "iglesias-3053", "es", "3053:o", ["ig_facts"])
fb("11-29 12:02", "6690115234708811", "Rosa Iglesias", "Gracias. ¿Y el 3053 lo dejan en el buzón o necesito estar en casa?",
   "iglesias", "iglesias-3053", "es", "3053:o", ["ig_facts"])

# --- Kerstin Ahlgren (de), #3054: mail, then Instagram with number + e-mail ----------------
mail("ka1", "11-29 14:10", "kerstin.ahlgren@example.de", "Kerstin Ahlgren", "Gaiwan-Set Bestellung #3054",
     "Hallo,\nkann ich bei Bestellung #3054 noch die Lieferadresse ändern? Ich bin ab Montag bei meinen Eltern in Flensburg.\nKerstin Ahlgren",
     "ahlgren", "ahlgren-3054", "de", "3054:o", ["owner_mail", "dm_and_mail"])
mail("ka2", "11-30 09:02", "kerstin.ahlgren@example.de", "Kerstin Ahlgren", "Re: Gaiwan-Set Bestellung #3054",
     "Schade, dann bleibt es bei Kiel. Danke trotzdem!",
     "ahlgren", "ahlgren-3054", "de", "", ["owner_mail", "dm_and_mail"], reply="ka1")
ig("12-02 20:14", "3390871126455017", "Kerstin Ahlgren", "Hi, Bestellung 3054, meine Mail ist kerstin.ahlgren@example.de – laut DHL liegt das Paket in der Filiale, aber ich habe keine Benachrichtigung. Welche Filiale ist es?",
   "ahlgren", "ahlgren-3054", "de", "3054:o", ["dm_and_mail", "ig_facts"])
ig("12-02 20:30", "3390871126455017", "Kerstin Ahlgren", "Gefunden, danke!",
   "ahlgren", "ahlgren-3054", "de", "", ["dm_and_mail", "ig_facts"])

# --- Nicola Fontana (it), #3056: Instagram, number + postcode ---------------------------
ig("11-29 17:40", "9012773348160025", "Nicola Fontana", "Buonasera, ordine 3056, CAP 38122. La teiera risulta consegnata ma non l'ho ricevuta.",
   "fontana", "fontana-3056", "it", "3056:o", ["ig_facts"])
ig("11-30 08:12", "9012773348160025", "Nicola Fontana", "Trovata dal portiere 🙈 scusate per il disturbo, ordine 3056 ok.",
   "fontana", "fontana-3056", "it", "3056:o", ["ig_facts"])

# --- Sofía Paredes (es), #3059: mail, then a DM with the number only ----------------------
mail("sp1", "11-30 10:25", "sofia.paredes@example.es", "Sofía Paredes", "Tazas pedido 3059",
     "Hola:\nlas dos tazas de cristal del pedido 3059 llegaron bien, pero el infusor de una no encaja. ¿Lo podéis cambiar?\nSofía Paredes",
     "paredes", "paredes-3059", "es", "3059:o", ["owner_mail", "dm_and_mail"])
mail("sp2", "12-01 11:47", "sofia.paredes@example.es", "Sofía Paredes", "Re: Tazas pedido 3059",
     "Perfecto, espero el infusor nuevo.",
     "paredes", "paredes-3059", "es", "", ["owner_mail", "dm_and_mail"], reply="sp1")
ig("12-03 13:05", "2208861470093325", "sofi.paredes", "Hola! ¿Ya habéis enviado el infusor del pedido 3059? Os escribí por correo",
   "paredes", "paredes-3059", "es", "3059:n", ["dm_and_mail"], note="the buyer, but on Instagram only the number")

# --- Felix Hartung (de), #3021: private mail, then a new work address with his facts -------
mail("fh1", "11-24 09:05", "felix.hartung@example.de", "Felix Hartung", "Bestellung 3021",
     "Hallo,\nmeine Bestellung 3021 ist angekommen, danke. Der Chai ist allerdings gemahlen statt ganze Gewürze – war das so gedacht?\nFelix Hartung",
     "hartung", "hartung-3021", "de", "3021:o", ["owner_mail"])
mail("fh2", "11-25 13:30", "f.hartung@kanzlei-lindner.example", "Hartung, Felix", "Nochmal Bestellung 3021",
     "Hallo,\nich schreibe aus dem Büro, privat komme ich gerade nicht an meine Mails. Haben Sie meine Nachricht zu Bestellung 3021 bekommen?\nMit freundlichen Grüßen\nFelix Hartung\nKanzlei Lindner & Partner",
     "hartung", "hartung-3021", "de", "3021:n", ["new_address"], note="the buyer, from a new address, number only")
mail("fh3", "11-25 13:52", "f.hartung@kanzlei-lindner.example", "Hartung, Felix", "Re: Nochmal Bestellung 3021",
     "Ach so, klar: Bestellt habe ich mit felix.hartung@example.de, Bestellnummer 3021. Bitte antworten Sie gern an diese Büroadresse.\nFelix Hartung",
     "hartung", "hartung-3021", "de", "3021:o", ["new_address"], note="number + the order's e-mail from the buyer himself", reply="fh2")
mail("fh4", "11-26 08:40", "f.hartung@kanzlei-lindner.example", "Hartung, Felix", "Re: Nochmal Bestellung 3021",
     "Danke, dann schicke ich die Chai-Packung aus 3021 zurück.\nF. Hartung",
     "hartung", "hartung-3021", "de", "3021:o", ["new_address"], reply="fh3")

# --- Chiara Lombardi (it), #3022 bought for her son Tommaso in Bologna -----------------------
mail("cl1", "11-25 10:10", "chiara.lombardi@example.it", "Chiara Lombardi", "Ordine 3022 - spedizione a Bologna",
     "Buongiorno,\nl'ordine 3022 l'ho fatto per mio figlio che studia a Bologna (indirizzo di spedizione diverso dal mio). Mi confermate che è partito?\nChiara Lombardi",
     "lombardi", "lombardi-3022", "it", "3022:o", ["owner_mail", "parent_child"])
ig("11-27 16:44", "1187340962250471", "tommy.lombardi", "ciao, mia mamma ha ordinato una tazza e del tè per me, ordine 3022, la sua mail è chiara.lombardi@example.it. il corriere dice consegnato ma qui in via zamboni non c'è niente",
   "tommaso", "tommaso-3022", "it", "3022:n", ["parent_child", "knows_facts"],
   note="the son: gives number + his mother's e-mail, but he is not the buyer")
ig("11-27 17:20", "1187340962250471", "tommy.lombardi", "ma è per me l'ordine 3022! potete dirmi almeno con che corriere è partito?",
   "tommaso", "tommaso-3022", "it", "3022:n", ["parent_child", "knows_facts"])
mail("cl2", "11-28 08:55", "chiara.lombardi@example.it", "Chiara Lombardi", "Re: Ordine 3022 - spedizione a Bologna",
     "Mio figlio dice che il pacco non è arrivato. Potete verificare con BRT? Vi autorizzo a parlare con lui.\nChiara",
     "lombardi", "lombardi-3022", "it", "", ["owner_mail", "parent_child"], reply="cl1",
     unsure="the buyer authorises talking to her son; by the rules the son's own thread stays unverified")
mail("cl3", "12-01 12:30", "chiara.lombardi@example.it", "Chiara Lombardi", "Ordine #3071",
     "Buongiorno, questa volta l'ordine #3071 è per me, all'indirizzo di Roma. Quando partirà?\nGrazie, Chiara Lombardi",
     "lombardi", "lombardi-3071", "it", "3071:o", ["owner_mail"])

# --- Javier Montoya (es), #3017, and his partner on Instagram ------------------------------
mail("jm1", "11-25 17:20", "javier.montoya@example.es", "Javier Montoya", "Pedido 3017 sencha",
     "Buenas tardes,\nel pedido 3017 llegó con una bolsa de sencha abierta. ¿Me enviáis otra?\nJavier Montoya",
     "montoya", "montoya-3017", "es", "3017:o", ["owner_mail"])
ig("11-26 22:10", "5120447698833152", "Inés Carrasco", "Hola! Os escribo por el pedido de Javi, el 3017, código postal 41001. ¿Ya habéis mandado la bolsa nueva? Es que el té es para mí jaja",
   "carrasco", "carrasco-3017", "es", "3017:n", ["knows_facts", "partner"],
   note="his partner: number + billing postcode match, but 'el pedido de Javi' says she is not the buyer")
ig("11-27 09:14", "5120447698833152", "Inés Carrasco", "¿Me decís el número de seguimiento del 3017? Javi no se acuerda de la contraseña de Correos",
   "carrasco", "carrasco-3017", "es", "3017:n", ["knows_facts", "partner"])
mail("jm2", "11-27 18:05", "javier.montoya@example.es", "Javier Montoya", "Re: Pedido 3017 sencha",
     "Gracias, recibido el aviso de envío de la bolsa nueva.",
     "montoya", "montoya-3017", "es", "", ["owner_mail"], reply="jm1")

# --- Mireille Dubois (fr, BE), #3016, and her husband Patrick ----------------------------
mail("md1", "11-26 11:45", "mireille.dubois@example.be", "Mireille Dubois", "Commande 3016 - gaiwan",
     "Bonjour,\nle couvercle d'une des tasses de la commande 3016 est ébréché. Je peux avoir un remplacement ?\nMireille Dubois, Kessel-Lo",
     "dubois_m", "dubois_m-3016", "fr", "3016:o", ["owner_mail"])
mail("pd1", "11-28 19:02", "patrick.dubois@example.be", "Patrick Dubois", "Commande 3016",
     "Bonsoir,\nc'est ma femme qui a passé la commande 3016 (avec mireille.dubois@example.be). Elle est en déplacement : pouvez-vous me dire où en est le remplacement de la tasse ?\nPatrick Dubois",
     "dubois_p", "dubois_p-3016", "fr", "3016:n", ["knows_facts", "partner"],
     note="husband says plainly his wife placed it: number + her e-mail, still not the buyer")
mail("pd2", "11-29 10:30", "patrick.dubois@example.be", "Patrick Dubois", "Re: Commande 3016",
     "Code postal 3010 si ça aide. Je ne comprends pas pourquoi vous ne pouvez pas me répondre, c'est la même maison.\nPatrick",
     "dubois_p", "dubois_p-3016", "fr", "3010:n", ["knows_facts", "partner", "non_order"],
     note="3010 is the postcode of Kessel-Lo, no order of his", reply="pd1")

# --- Annalena Pichler (de, AT), #3018, and her neighbour ---------------------------------
mail("ap1", "11-26 13:15", "annalena.pichler@example.at", "Annalena Pichler", "Bestellung 3018 – Paket beim Nachbarn?",
     "Hallo,\nlaut Post wurde meine Bestellung 3018 zugestellt, aber nicht an mich. Wisst ihr, bei wem es abgegeben wurde?\nLG Annalena Pichler",
     "pichler", "pichler-3018", "de", "3018:o", ["owner_mail"])
mail("hg1", "11-26 18:40", "h.gruber@example.at", "Hermine Gruber", "Paket für Frau Pichler",
     "Grüß Gott,\nich habe heute ein Paket für meine Nachbarin Frau Pichler angenommen (Bestellung 3018, 3002 Purkersdorf). Sie ist aber verreist. Was ist denn drin, muss es in den Kühlschrank?\nHermine Gruber",
     "gruber", "gruber-3018", "de", "3018:n 3002:n", ["knows_facts", "neighbour", "non_order"],
     note="the neighbour took the parcel in; 3002 is the Purkersdorf postcode (#3002 is someone else's order)")
mail("hg2", "11-27 09:12", "h.gruber@example.at", "Hermine Gruber", "Re: Paket für Frau Pichler",
     "Danke. Ich habe Frau Pichler Bescheid gegeben, dass ihr Paket 3018 bei mir liegt.",
     "gruber", "gruber-3018", "de", "3018:n", ["knows_facts", "neighbour"], reply="hg1")

# --- Roberto Gallo (it), #3019, and his assistant -----------------------------------------
mail("rg1", "11-26 09:20", "roberto.gallo@example.it", "Roberto Gallo", "Ordine 3019 due teiere",
     "Buongiorno,\nper l'ordine 3019 avrei bisogno della fattura intestata allo studio. Vi manda i dati la mia segreteria.\nRoberto Gallo",
     "gallo", "gallo-3019", "it", "3019:o", ["owner_mail"])
mail("sg1", "11-26 11:05", "segreteria@studiogallo.example", "Segreteria Studio Gallo", "Dati fattura ordine 3019",
     "Gentili signori,\nscrivo per conto del dott. Gallo: ordine 3019, e-mail dell'ordine roberto.gallo@example.it. Dati per la fattura: Studio Legale Gallo, P.IVA 01234567890. Potete anche dirci quando arrivano le teiere?\nCordiali saluti\nMonica Sartori – Segreteria\ntel. 010 555 0190 interno 3066",
     "sartori", "sartori-3019", "it", "3019:n 3066:n", ["knows_facts", "assistant", "non_order"],
     note="assistant writing on his behalf: number + his e-mail, not the buyer; 'interno 3066' is a phone extension")
mail("sg2", "11-27 15:30", "segreteria@studiogallo.example", "Segreteria Studio Gallo", "Re: Dati fattura ordine 3019",
     "Grazie per la fattura. Per la consegna dell'ordine 3019 mi conferma il corriere e il numero di tracciamento?\nMonica Sartori",
     "sartori", "sartori-3019", "it", "3019:n", ["knows_facts", "assistant"], reply="sg1")
mail("rg2", "11-28 08:10", "roberto.gallo@example.it", "Roberto Gallo", "Re: Ordine 3019 due teiere",
     "Ricevute le teiere, tutto bene. Grazie.",
     "gallo", "gallo-3019", "it", "", ["owner_mail"], reply="rg1")
