# More owners, mistyped numbers, non-orders, BCC and newsletter replies, marketplaces.
from gen_lib import mail, ig, fb, amazon, ebay

NOTICE = "20261201093000.matcha-delay@mail.lanterna-tea.example"
NEWS = "nl-2026-12-advent.4f2a9c@news.lanterna-tea.example"

# --- Tobias Engl (de, AT), #3028 -----------------------------------------------------------
mail("te1", "11-26 07:45", "tobias.engl@example.at", "Tobias Engl", "Bestellung #3028",
     "Servus,\nBestellung #3028 ist heute gekommen, aber statt Masala Chai ist Rooibos drin. Tauscht ihr das um?\nTobias",
     "engl", "engl-3028", "de", "3028:o", ["owner_mail"])
mail("te2", "11-26 12:30", "tobias.engl@example.at", "Tobias Engl", "Re: Bestellung #3028",
     "Passt, ich schick den Rooibos zurück. Brauch ich dafür ein Etikett von euch?",
     "engl", "engl-3028", "de", "", ["owner_mail"], reply="te1")
mail("te3", "11-29 16:15", "tobias.engl@example.at", "Tobias Engl", "Re: Bestellung #3028",
     "Der Chai ist da, danke! Rooibos ist gestern zur Post gegangen.",
     "engl", "engl-3028", "de", "", ["owner_mail"], reply="te2")

# --- Isabella Costa (it), #3033; a number with too many digits ---------------------------
mail("ic1", "11-27 09:10", "isabella.costa@example.it", "Isabella Costa", "Ordine #30033",
     "Buongiorno, il mio ordine #30033 non è ancora stato spedito, è normale? Grazie, Isabella Costa",
     "costa", "costa-3033", "it", "#30033:n", ["owner_mail", "mistyped"], note="an extra 0: #30033 is no order")
mail("ic2", "11-27 14:25", "isabella.costa@example.it", "Isabella Costa", "Re: Ordine #30033",
     "Sì scusate, è il 3033. Il gaiwan era in preordine?",
     "costa", "costa-3033", "it", "3033:o", ["owner_mail", "mistyped"], reply="ic1")
mail("ic3", "11-30 18:40", "isabella.costa@example.it", "Isabella Costa", "Re: Ordine #30033",
     "Ok, aspetto allora. Se per il 10 dicembre l'ordine 3033 non parte preferisco annullarlo.",
     "costa", "costa-3033", "it", "3033:o", ["owner_mail"], reply="ic2")

# --- Pilar Echeverría (es), #3038 ----------------------------------------------------------
mail("pe1", "11-27 11:00", "pilar.echeverria@example.es", "Pilar Echeverría", "Devolución pedido 3038",
     "Hola, quiero devolver el rooibos del pedido 3038, no me ha gustado. ¿Cómo lo hago?\nPilar",
     "echeverria", "echeverria-3038", "es", "3038:o", ["owner_mail"])
mail("pe2", "11-27 17:35", "pilar.echeverria@example.es", "Pilar Echeverría", "Re: Devolución pedido 3038",
     "¿Y los gastos de envío de la devolución los pago yo?",
     "echeverria", "echeverria-3038", "es", "", ["owner_mail"], reply="pe1")
mail("pe3", "11-28 09:20", "pilar.echeverria@example.es", "Pilar Echeverría", "Re: Devolución pedido 3038",
     "Vale, lo envío hoy desde la oficina de Correos de la calle Alameda.",
     "echeverria", "echeverria-3038", "es", "", ["owner_mail"], reply="pe2")
mail("pe4", "12-02 10:05", "pilar.echeverria@example.es", "Pilar Echeverría", "Re: Devolución pedido 3038",
     "Ya os habrá llegado el paquete. ¿Cuándo veré el reembolso del pedido 3038?",
     "echeverria", "echeverria-3038", "es", "3038:o", ["owner_mail"], reply="pe3")

# --- Craig Dunmore (en), #3040; "Unit #3061" in his address ------------------------------
mail("cd1", "11-27 13:10", "craig.dunmore@example.co.uk", "Craig Dunmore", "Teapot - order 3040",
     "Hi,\nplease can order 3040 be left with the concierge? Our unit is upstairs and the buzzer doesn't work.\nCraig Dunmore\nUnit #3061, Brewery Wharf, Leeds LS10 1JQ",
     "dunmore", "dunmore-3040", "en", "3040:o #3061:n", ["owner_mail", "non_order"], note="Unit #3061 is a flat number")
mail("cd2", "11-28 08:02", "craig.dunmore@example.co.uk", "Craig Dunmore", "Re: Teapot - order 3040",
     "Cheers. Just to be clear, it's Unit #3061, not 3016 - the last courier mixed them up.\nCraig",
     "dunmore", "dunmore-3040", "en", "#3061:n 3016:n", ["owner_mail", "non_order"],
     note="both numbers are flat numbers; #3016 happens to be another customer's order", reply="cd1")
mail("cd3", "11-30 19:30", "craig.dunmore@example.co.uk", "Craig Dunmore", "Re: Teapot - order 3040",
     "Arrived safely, thanks.",
     "dunmore", "dunmore-3040", "en", "", ["owner_mail"], reply="cd2")

# --- Paul Ashdown (en), #3041; first types another customer's number ----------------------
mail("pa1", "11-28 11:30", "paul.ashdown@example.co.uk", "Paul Ashdown", "Where is order #3014?",
     "Hello,\nI ordered Sencha and Gyokuro last week, order #3014, and nothing has arrived. Can you check?\nPaul Ashdown",
     "ashdown", "ashdown-3041", "en", "3014:n", ["owner_mail", "mistyped"],
     note="digits swapped: #3014 is Daniel Okafor's order; his own is #3041")
mail("pa2", "11-28 11:41", "paul.ashdown@example.co.uk", "Paul Ashdown", "Re: Where is order #3014?",
     "Sorry, my mistake - it's #3041, not #3014. Sencha x2 and a Gyokuro.",
     "ashdown", "ashdown-3041", "en", "3041:o 3014:n", ["owner_mail", "mistyped"], reply="pa1")
mail("pa3", "11-29 15:55", "paul.ashdown@example.co.uk", "Paul Ashdown", "Re: Where is order #3014?",
     "Got it, thanks. #3041 arrived today.",
     "ashdown", "ashdown-3041", "en", "3041:o", ["owner_mail"], reply="pa2")

# --- Jonas Wirth (de), #3042, Gmail +tag ---------------------------------------------------
mail("jw1", "11-28 18:05", "jonaswirth+lanterna@gmail.com", "Jonas Wirth", "Matcha-Set 3042",
     "Hi,\nich habe beim Matcha-Set (Bestellung 3042) die falsche Schalenfarbe bekommen – grau statt weiß. Kann ich umtauschen?\nJonas",
     "wirth", "wirth-3042", "de", "3042:o", ["owner_mail", "gmail_variant"], note="no dot and a +tag: the ordering Gmail mailbox")
mail("jw2", "11-29 09:30", "jonas.wirth@gmail.com", "Jonas Wirth", "Re: Matcha-Set 3042",
     "Ah, grau war doch richtig, hab mich vertan. Alles gut mit 3042!",
     "wirth", "wirth-3042", "de", "3042:o", ["owner_mail"], reply="jw1")

# --- Aurélien Fabre (fr), #3043 -------------------------------------------------------------
mail("af1", "11-28 09:40", "aurelien.fabre@example.fr", "Aurélien Fabre", "Commande 3043",
     "Bonjour,\nma commande 3043 n'est toujours pas expédiée. Un souci de stock ?\nAurélien Fabre",
     "fabre", "fabre-3043", "fr", "3043:o", ["owner_mail"])
mail("af2", "11-28 15:10", "aurelien.fabre@example.fr", "Aurélien Fabre", "Re: Commande 3043",
     "D'accord. Dans ce cas envoyez d'abord le chai et la tasse suivra, si c'est possible.",
     "fabre", "fabre-3043", "fr", "", ["owner_mail"], reply="af1")
mail("af3", "12-01 08:25", "aurelien.fabre@example.fr", "Aurélien Fabre", "Re: Commande 3043",
     "Toujours rien pour la 3043. Vous pouvez me donner une date ?",
     "fabre", "fabre-3043", "fr", "3043:o", ["owner_mail"], reply="af2")

# --- Ana Beltrán (es), #3047; a number that does not exist --------------------------------
mail("ab1", "11-28 13:15", "ana.beltran@example.es", "Ana Beltrán", "Pedido 3074",
     "Hola, la tetera del pedido 3074 llegó con la tapa rota. ¿Qué hago?\nAna Beltrán",
     "beltran", "beltran-3047", "es", "3074:n", ["owner_mail", "mistyped"], note="#3074 does not exist; her order is #3047")
mail("ab2", "11-28 16:50", "ana.beltran@example.es", "Ana Beltrán", "Re: Pedido 3074",
     "Perdón, me equivoqué de número, es el 3047.",
     "beltran", "beltran-3047", "es", "3047:o", ["owner_mail", "mistyped"], reply="ab1")
mail("ab3", "11-30 11:20", "ana.beltran@example.es", "Ana Beltrán", "Re: Pedido 3074",
     "Recibida la tapa nueva, ¡gracias!",
     "beltran", "beltran-3047", "es", "", ["owner_mail"], reply="ab2")

# --- Giorgio Marini (it), #3050 --------------------------------------------------------------
mail("gm1", "11-28 14:35", "giorgio.marini@example.it", "Giorgio Marini", "Gaiwan ordine 3050",
     "Buonasera, il gaiwan dell'ordine 3050 è arrivato. Volevo sapere se vendete anche i piattini separatamente.\nGiorgio",
     "marini", "marini-3050", "it", "3050:o", ["owner_mail"])
mail("gm2", "11-29 10:10", "giorgio.marini@example.it", "Giorgio Marini", "Re: Gaiwan ordine 3050",
     "Grazie, allora ne ordino due.",
     "marini", "marini-3050", "it", "", ["owner_mail"], reply="gm1")

# --- Louise Carpentier (fr), #3055 --------------------------------------------------------
mail("lc1", "11-29 09:55", "louise.carpentier@example.fr", "Louise Carpentier", "Commande #3055 - colis endommagé",
     "Bonjour,\nle colis de la commande #3055 est arrivé mouillé, le sachet d'Earl Grey est humide. Que proposez-vous ?\nLouise Carpentier",
     "carpentier", "carpentier-3055", "fr", "3055:o", ["owner_mail"])
mail("lc2", "11-29 14:40", "louise.carpentier@example.fr", "Louise Carpentier", "Re: Commande #3055 - colis endommagé",
     "Voici les photos. Le set matcha est intact, heureusement.",
     "carpentier", "carpentier-3055", "fr", "", ["owner_mail"], reply="lc1")
mail("lc3", "12-01 17:05", "louise.carpentier@example.fr", "Louise Carpentier", "Re: Commande #3055 - colis endommagé",
     "Le remboursement partiel de la #3055 est bien arrivé, merci beaucoup.",
     "carpentier", "carpentier-3055", "fr", "3055:o", ["owner_mail"], reply="lc2")

# --- Fiona MacLeod (en), #3057 ----------------------------------------------------------
mail("fm1", "11-29 21:10", "fiona.macleod@example.co.uk", "Fiona MacLeod", "Order #3057",
     "Hi,\nany chance order #3057 can still make it to Edinburgh before Sunday? It's the advent calendar.\nFiona",
     "macleod", "macleod-3057", "en", "3057:o", ["owner_mail"])
mail("fm2", "11-30 09:05", "fiona.macleod@example.co.uk", "Fiona MacLeod", "Re: Order #3057",
     "Thanks for upgrading the postage, very kind.",
     "macleod", "macleod-3057", "en", "", ["owner_mail"], reply="fm1")

# --- Jürgen Albrecht (de), #3058 -----------------------------------------------------------
mail("ja1", "11-29 08:45", "juergen.albrecht@example.de", "Jürgen Albrecht", "Gyokuro – Bestellung 3058",
     "Guten Tag,\nwie lange ist der Gyokuro aus Bestellung 3058 ungeöffnet haltbar? Auf der Packung finde ich kein Datum.\nJürgen Albrecht",
     "albrecht", "albrecht-3058", "de", "3058:o", ["owner_mail"])
mail("ja2", "11-29 13:15", "juergen.albrecht@example.de", "Jürgen Albrecht", "Re: Gyokuro – Bestellung 3058",
     "Danke. Und im Kühlschrank lagern, ja oder nein?",
     "albrecht", "albrecht-3058", "de", "", ["owner_mail"], reply="ja1")
mail("ja3", "11-30 07:50", "juergen.albrecht@example.de", "Jürgen Albrecht", "Re: Gyokuro – Bestellung 3058",
     "Verstanden, vielen Dank für die ausführliche Antwort.",
     "albrecht", "albrecht-3058", "de", "", ["owner_mail"], reply="ja2")

# --- Étienne Blanchard (fr), #3060 ----------------------------------------------------------
mail("eb1", "11-30 12:05", "etienne.blanchard@example.fr", "Étienne Blanchard", "Suivi commande 3060",
     "Bonjour, le lien de suivi de la commande 3060 ne fonctionne pas chez moi. Pouvez-vous me le renvoyer ?\nÉtienne",
     "blanchard", "blanchard-3060", "fr", "3060:o", ["owner_mail"])
mail("eb2", "11-30 16:45", "etienne.blanchard@example.fr", "Étienne Blanchard", "Re: Suivi commande 3060",
     "Ça marche maintenant, merci.",
     "blanchard", "blanchard-3060", "fr", "", ["owner_mail"], reply="eb1")

# --- Greta Hofer (de, AT), #3061 ------------------------------------------------------------
mail("gh1", "11-30 13:40", "greta.hofer@example.at", "Greta Hofer", "Bestellung 3061",
     "Hallo,\nkönnt ihr bei Bestellung 3061 noch eine Grußkarte beilegen? Text: \"Alles Gute, Oma!\"\nDanke, Greta",
     "hofer", "hofer-3061", "de", "3061:o", ["owner_mail"])
mail("gh2", "12-01 10:20", "greta.hofer@example.at", "Greta Hofer", "Re: Bestellung 3061",
     "Ach, schon verschickt – kein Problem, danke trotzdem.",
     "hofer", "hofer-3061", "de", "", ["owner_mail"], reply="gh1")

ig("12-01 21:10", "5007218834461290", "greta.hofer", "Hallo, nochmal wegen der Grußkarte: Bestellung 3016, PLZ 2500 Baden. Ist sie noch reingekommen?",
   "hofer", "hofer-3061", "de", "3016:n", ["mistyped", "ig_facts"],
   note="digits swapped: #3016 is Mireille Dubois's order (billing postcode 3010), so number and postcode do not match")
ig("12-01 21:14", "5007218834461290", "greta.hofer", "Sorry, Zahlendreher: 3061 natürlich.",
   "hofer", "hofer-3061", "de", "3061:o", ["mistyped", "ig_facts"],
   note="the right number; with the billing postcode 2500 from her previous DM the facts match",
   unsure="the postcode came in the DM that named the wrong number; counted, since both facts are in her thread")
mail("af4", "12-03 16:30", "aurelien.fabre@example.fr", "Aurélien Fabre", "RE: Commande 3043",
     "Reçue enfin ce matin, la tasse et le chai. Merci pour le geste sur les frais de port.\nAurélien",
     "fabre", "fabre-3043", "fr", "3043:o", ["owner_mail", "lost_headers"], note="reply without In-Reply-To/References")

# --- Giulio Serra (it), #3065 --------------------------------------------------------------
mail("gs1", "12-01 09:15", "giulio.serra@example.it", "Giulio Serra", "Ordine 3065 - Cagliari",
     "Salve, quanto ci mette di solito una spedizione in Sardegna? Ordine 3065.\nGiulio Serra",
     "serra", "serra-3065", "it", "3065:o", ["owner_mail"])
mail("gs2", "12-03 18:40", "giulio.serra@example.it", "Giulio Serra", "Re: Ordine 3065 - Cagliari",
     "Ricevuto oggi l'ordine 3065, grazie.",
     "serra", "serra-3065", "it", "3065:o", ["owner_mail"], reply="gs1")

# --- Laura Jiménez (es), #3066 -------------------------------------------------------------
mail("lj1", "12-01 11:30", "laura.jimenez@example.es", "Laura Jiménez", "Pedido #3066",
     "Hola, el gaiwan del pedido #3066 es precioso pero vino sin instrucciones. ¿Tenéis alguna guía para usarlo?\nLaura",
     "jimenez", "jimenez-3066", "es", "3066:o", ["owner_mail"])
mail("lj2", "12-01 19:05", "laura.jimenez@example.es", "Laura Jiménez", "Re: Pedido #3066",
     "¡Genial el vídeo, gracias!",
     "jimenez", "jimenez-3066", "es", "", ["owner_mail"], reply="lj1")

# --- Thomas Reid (en), #3067, and another Thomas Reid on Instagram -------------------------
mail("tr1", "12-01 14:20", "thomas.reid@example.co.uk", "Thomas Reid", "Order 3067 - dispatch?",
     "Hello, has order 3067 been dispatched? Thanks, Thomas Reid",
     "reid_g", "reid_g-3067", "en", "3067:o", ["owner_mail", "same_name"])
ig("12-02 11:10", "4057712296630081", "Thomas Reid", "Hi, do you ship the cast iron teapot to Ireland? And how long does it take?",
   "reid_ig", "reid_ig-presale", "en", "", ["same_name"], note="another Thomas Reid (a presale question); nothing ties him to the Glasgow buyer")
mail("tr2", "12-02 16:30", "thomas.reid@example.co.uk", "Thomas Reid", "Re: Order 3067 - dispatch?",
     "Great, the teapot arrived. Cheers.",
     "reid_g", "reid_g-3067", "en", "", ["owner_mail"], reply="tr1")

# --- Henrike again: a new order, a new matter -------------------------------------------
mail("hv5", "12-02 09:10", "henrike.vosskamp@example.de", "Henrike Vosskamp", "Adventskalender #3063",
     "Hallo,\nich habe am 29.11. noch einen Adventskalender bestellt (#3063). Der ist noch nicht verschickt – kommt der noch rechtzeitig, oder ist es schon zu spät?\nHenrike",
     "vosskamp", "vosskamp-3063", "de", "3063:o", ["owner_mail"])
mail("hv6", "12-02 15:40", "henrike.vosskamp@example.de", "Henrike Vosskamp", "Re: Adventskalender #3063",
     "Dann bitte stornieren, danke.",
     "vosskamp", "vosskamp-3063", "de", "", ["owner_mail"], reply="hv5")

# --- A café asking for a quote: a quantity -----------------------------------------------
mail("kq1", "12-02 10:45", "info@cafe-seeblick.example", "Café Seeblick", "Angebot 3050 Teebeutel",
     "Guten Tag,\nwir bräuchten für unser Café ein Angebot über 3050 Teebeutel Earl Grey Lavanda (einzeln verpackt), Lieferung im Januar. Geht das?\nMit freundlichen Grüßen\nMaren Thiele, Café Seeblick",
     "seeblick", "seeblick-quote", "de", "3050:n", ["non_order"], note="3050 is a quantity of tea bags")

# --- BCC notice about the delayed matcha set: each reply is its sender's own -------------
mail("bc1", "12-01 10:05", "martina.keller@example.de", "Martina Keller", "Re: Ihre Bestellung – Lieferverzögerung Matcha-Set",
     "Hallo,\ndanke für die Info. Dann warte ich auf das Matcha-Set, Bestellung 3044 bitte nicht stornieren.\nMartina Keller",
     "keller", "keller-3044", "de", "3044:o", ["bcc", "owner_mail"], bcc=NOTICE)
mail("bc2", "12-01 10:30", "riccardo.bassi@example.it", "Riccardo Bassi", "R: Ihre Bestellung – Lieferverzögerung Matcha-Set",
     "Buongiorno, non leggo il tedesco ma ho capito che il set matcha è in ritardo. Per l'ordine 3045 preferisco il rimborso, grazie.\nRiccardo Bassi",
     "bassi", "bassi-3045", "it", "3045:o", ["bcc", "owner_mail"], bcc=NOTICE)
mail("bc3", "12-01 11:15", "emily.hargreaves@example.co.uk", "Emily Hargreaves", "RE: Ihre Bestellung – Lieferverzögerung Matcha-Set",
     "Hi, is this about my order 3046? Can you ship the Gyokuro now and the matcha set later?\nEmily",
     "hargreaves", "hargreaves-3046", "en", "3046:o", ["bcc", "owner_mail"], bcc=NOTICE)
mail("bc4", "12-01 12:40", "sandrine.petit@example.be", "Sandrine Petit", "RE: Ihre Bestellung – Lieferverzögerung Matcha-Set",
     "Bonjour, pour ma commande 3049 pas de souci, j'attends. Livraison toujours à Tervuren (3080) bien sûr.\nSandrine Petit",
     "petit", "petit-3049", "fr", "3049:o 3080:n", ["bcc", "owner_mail", "non_order"], bcc=NOTICE, note="3080 is the Tervuren postcode")
mail("bc5", "12-01 15:05", "martina.keller@example.de", "Martina Keller", "Re: Ihre Bestellung – Lieferverzögerung Matcha-Set",
     "Noch eine andere Frage: bei meiner zweiten Bestellung 3062 (Rooibos) steht seit Tagen 'in Zustellung'. Können Sie das prüfen?\nM. Keller",
     "keller", "keller-3062", "de", "3062:o", ["bcc", "owner_mail", "new_matter"], bcc=NOTICE,
     note="same BCC thread, another order: a new conversation")
mail("bc6", "12-02 08:20", "emily.hargreaves@example.co.uk", "Emily Hargreaves", "RE: Ihre Bestellung – Lieferverzögerung Matcha-Set",
     "Thanks, that works - Gyokuro now, matcha when it's back.",
     "hargreaves", "hargreaves-3046", "en", "", ["bcc", "owner_mail"], bcc=NOTICE)

# --- Newsletter replies ---------------------------------------------------------------------
mail("nl1", "12-01 18:30", "henrike.vosskamp@example.de", "Henrike Vosskamp", "Re: Lanterna Tea – Dein Dezember-Newsletter",
     "Hallo, kurze Rückfrage zu meiner Reklamation der Glastasse aus Bestellung 3001 – kommt der Ersatz noch? Ich habe nichts mehr gehört.\nHenrike",
     "vosskamp", "vosskamp-3001", "de", "3001:o", ["newsletter", "owner_mail"], bcc=NEWS,
     note="newsletter reply about her earlier complaint: joins that conversation")
mail("nl2", "12-01 19:10", "p.whitlock@example.org", "Peter Whitlock", "Re: Lanterna Tea – Your December newsletter",
     "Please take me off this list, I never signed up.",
     "whitlock", "whitlock-unsub", "en", "", ["newsletter"], bcc=NEWS)
mail("nl3", "12-01 20:45", "claire.vasseur@example.fr", "Claire Vasseur", "Re: Lanterna Tea – Votre newsletter de décembre",
     "Bonjour, le calendrier de l'avent est-il encore disponible ? Et livrez-vous en Suisse ?\nClaire",
     "vasseur", "vasseur-presale", "fr", "", ["newsletter"], bcc=NEWS)
mail("nl4", "12-02 07:55", "fiona.macleod@example.co.uk", "Fiona MacLeod", "Re: Lanterna Tea – Your December newsletter",
     "Lovely newsletter! Quick one: is the chai in my order #3057 the same blend as the new winter chai you mention?\nFiona",
     "macleod", "macleod-3057-chai", "en", "3057:o", ["newsletter", "owner_mail", "new_matter"], bcc=NEWS,
     note="a product question about a delivered order: a new matter", unsure="could also be read as the same conversation as her delivery question")
mail("nl5", "12-02 12:00", "sebastian.krause@example.de", "Sebastian Krause", "Re: Lanterna Tea – Dein Dezember-Newsletter",
     "Hallo, wann wird eigentlich meine Bestellung 3069 verschickt? Im Kundenkonto steht seit Tagen \"in Bearbeitung\".\nSebastian Krause",
     "krause", "krause-3069", "de", "3069:o", ["newsletter", "owner_mail"], bcc=NEWS)
mail("nl6", "12-02 13:25", "paola.deluca@example.it", "Paola De Luca", "R: Lanterna Tea – La tua newsletter di dicembre",
     "Buongiorno, il mio ordine 3070 è ancora in lavorazione? Grazie, Paola",
     "deluca", "deluca-3070", "it", "3070:o", ["newsletter", "owner_mail"], bcc=NEWS)
mail("nl7", "12-03 09:40", "brigitte.fournier@example.fr", "Brigitte Fournier", "Re: Lanterna Tea – Votre newsletter de décembre",
     "Bonjour, j'ai bien reçu le rooibos de la commande 3068, délicieux. Est-ce que la version sans vanille existe ?\nBrigitte",
     "fournier", "fournier-3068", "fr", "3068:o", ["newsletter", "owner_mail"], bcc=NEWS)
mail("nl8", "12-03 10:15", "paola.deluca@example.it", "Paola De Luca", "R: Lanterna Tea – La tua newsletter di dicembre",
     "Scusate, dimenticavo: se l'ordine 3070 non è ancora partito, potete aggiungere una bustina di sencha? La pago a parte.",
     "deluca", "deluca-3070", "it", "3070:o", ["newsletter", "owner_mail"], bcc=NEWS)

# --- A lost-headers reply from Tobias, days later ---------------------------------------
mail("te4", "12-02 17:20", "tobias.engl@example.at", "Tobias Engl", "AW: Bestellung #3028",
     "Hallo nochmal, die Rückerstattung für den Rooibos aus #3028 ist noch nicht da. Könnt ihr schauen?\nTobias",
     "engl", "engl-3028", "de", "3028:o", ["owner_mail", "lost_headers"], note="reply without In-Reply-To/References")

# --- Amazon: Sabine Kettler (de): Amazon, then mail and Instagram about the same order ----
A1, A1ID = "q7m2xk9vb4tnr8c@marketplace.amazon.de", "302-5581046-2290317"
amazon("11-27 19:20", A1, "Sabine", A1ID, "Hallo, mein Tetsubin ist laut Sendungsverfolgung seit drei Tagen im Verteilzentrum. Können Sie nachfragen?",
       "kettler", "kettler-amz", "de", A1ID + ":o", ["amazon", "promise"], tld="de")
mail("sx1", "11-28 08:40", "sabine.kettler@example.de", "Sabine Kettler", "Amazon-Bestellung 302-5581046-2290317",
     "Guten Morgen,\nich habe den Tetsubin bei Ihnen über Amazon gekauft (Bestellung 302-5581046-2290317) und dort schon geschrieben. Gibt es Neuigkeiten? Ich schreibe lieber per Mail.\nSabine Kettler",
     "kettler", "kettler-amz", "de", A1ID + ":n", ["amazon", "promise"],
     note="the same buyer by mail: the typed Amazon id is a claim; the store has no e-mail of hers for it",
     unsure="the real buyer, but no store record lets her verify an Amazon order by facts outside the relay")
ig("11-28 12:15", "7781024456609318", "Sabine Kettler", "Hallo! Ich hatte wegen meines Tetsubin geschrieben (Amazon 302-5581046-2290317) – per Mail und bei Amazon. Ist er jetzt unterwegs?",
   "kettler", "kettler-amz", "de", A1ID + ":n", ["amazon", "promise"], note="Instagram DM about the same Amazon order; a claim")
amazon("11-28 18:05", A1, "Sabine", A1ID, "Danke, ist angekommen. Sie können die anderen Nachrichten (Mail, Instagram) ignorieren.",
       "kettler", "kettler-amz", "de", "", ["amazon", "promise"], tld="de", first=False)

# --- Amazon: Pietro (it) -------------------------------------------------------------------
A2, A2ID = "h3c8wq5zl1kd0yp@marketplace.amazon.it", "404-7719253-6630148"
amazon("11-28 10:10", A2, "Pietro", A2ID, "Buongiorno, il set gaiwan è arrivato con una tazza crepata. Posso avere la sostituzione solo della tazza?",
       "pietro_amz", "pietro-amz", "it", A2ID + ":o", ["amazon"], tld="it")
amazon("11-29 09:30", A2, "Pietro", A2ID, "Grazie, allego la foto della tazza. Ordine 404-7719253-6630148.",
       "pietro_amz", "pietro-amz", "it", A2ID + ":o", ["amazon"], tld="it", first=False)

# --- Amazon: Camille Aubert (fr), and a stranger quoting her Amazon id by mail ------------
A3, A3ID = "t9n4rb2hx6pqe1w@marketplace.amazon.fr", "171-3302985-4417206"
amazon("11-29 14:50", A3, "Camille", A3ID, "Bonjour, le calendrier de l'avent n'est pas arrivé et le suivi ne bouge plus depuis jeudi.",
       "aubert", "aubert-amz", "fr", A3ID + ":o", ["amazon"], tld="fr")
mail("xx3", "11-30 01:20", "camille.a.1990@example.net", "Camille A.", "Commande Amazon 171-3302985-4417206",
     "Bonjour, c'est moi qui ai commandé sur Amazon (171-3302985-4417206). Je n'ai plus accès à Amazon, pouvez-vous m'envoyer l'adresse de livraison et le suivi par mail ?",
     "stranger_amz", "stranger_amz-171", "fr", A3ID + ":n", ["amazon", "stranger"],
     note="an Amazon order id typed by mail from an unrelated address; nothing the channel vouches for",
     unsure="could be the real buyer writing from outside Amazon; labelled a stranger since nothing ties the two")

# --- Amazon triad 2: Álvaro (es): Amazon, mail and Messenger ------------------------------
A4, A4ID = "z5k1mv8dq3cty7a@marketplace.amazon.es", "406-2291874-5503619"
amazon("11-30 10:40", A4, "Álvaro", A4ID, "Hola, pedí el set de matcha y me ha llegado sin el batidor. ¿Me lo pueden enviar?",
       "alvaro", "alvaro-amz", "es", A4ID + ":o", ["amazon", "promise"], tld="es")
mail("al1", "11-30 12:10", "alvaro.quintana@example.es", "Álvaro Quintana", "Pedido Amazon 406-2291874-5503619 sin batidor",
     "Hola, os he escrito por Amazon por el pedido 406-2291874-5503619: el set de matcha vino sin batidor. Os mando la foto por aquí porque Amazon no me deja adjuntarla.\nÁlvaro Quintana",
     "alvaro", "alvaro-amz", "es", A4ID + ":n", ["amazon", "promise"], note="same buyer, typed Amazon id: a claim")
fb("11-30 20:05", "6120083377415592", "Álvaro Quintana", "Buenas! Lo del batidor del pedido de Amazon 406-2291874-5503619, ¿ya está enviado?",
   "alvaro", "alvaro-amz", "es", A4ID + ":n", ["amazon", "promise"], note="same buyer on Messenger: a claim")

# --- eBay ----------------------------------------------------------------------------------
ebay("11-27 17:30", "4201886533", "teefreund_gerd", "Bestellung 05-13902-77418",
     "Hallo, die Teekanne aus Bestellung 05-13902-77418 ist da, aber ohne Sieb-Einsatz. Fehlt der oder gehört der nicht dazu?",
     "gerd", "gerd-ebay", "de", "05-13902-77418:o", ["ebay"])
ebay("11-28 09:05", "4201887710", "la_tazza_77", "Ordine 17-14023-66051",
     "Buongiorno, quando spedite il gaiwan? Ordine 17-14023-66051. Grazie",
     "riva", "riva-ebay", "it", "17-14023-66051:o", ["ebay"])
ebay("11-29 12:40", "4201889942", "bramblewick_uk", "Advent calendar",
     "Hi, the calendar arrived but door 14 is already open and empty. Order 22-14187-90532.",
     "bramley", "bramley-ebay", "en", "22-14187-90532:o", ["ebay"])
ebay("11-29 20:15", "4201890318", "kettle-collector", "Bestellung 05-13902-77418",
     "Hallo, ich bin der Käufer von 05-13902-77418, bitte schicken Sie mir die Sendungsnummer hierher.",
     "kettlecollector", "kettlecollector-ebay", "de", "05-13902-77418:n", ["ebay", "stranger"],
     note="another eBay member quoting someone else's eBay order")
ebay("11-30 15:20", "4201891207", "teefreund_gerd", "Sieb-Einsatz",
     "Nochmal wegen dem fehlenden Sieb: haben Sie das schon losgeschickt? (05-13902-77418)",
     "gerd", "gerd-ebay", "de", "05-13902-77418:o", ["ebay"], note="a second eBay conversation, same matter")
