"""Everyday customer texts in five languages, picked by a seeded rng."""

REF = {
    'de': ['#{n}', 'Bestellung {n}', 'Bestellnummer #{n}', 'Bestellung Nr. {n}'],
    'fr': ['commande {n}', 'commande n° {n}', 'commande #{n}', 'commande {n}'],
    'it': ['ordine {n}', 'ordine n. {n}', 'ordine #{n}', 'ordine nr {n}'],
    'es': ['pedido {n}', 'pedido n.º {n}', 'pedido #{n}', 'pedido {n}'],
    'en': ['#{n}', 'order {n}', 'order #{n}', 'order no. {n}'],
}

SUBJ = {
    'wismo': {'de': ['Wo bleibt {r}?', 'Lieferung {r}', 'Sendungsstatus {r}'],
              'fr': ['Où en est ma {r} ?', 'Livraison {r}', 'Suivi {r}'],
              'it': ['Dov’è il mio {r}?', 'Spedizione {r}', 'Stato {r}'],
              'es': ['¿Dónde está mi {r}?', 'Envío {r}', 'Estado del {r}'],
              'en': ['Where is my {r}?', 'Delivery of {r}', 'Tracking for {r}']},
    'return': {'de': ['Rücksendung {r}', 'Retoure {r}'], 'fr': ['Retour {r}'],
               'it': ['Reso {r}'], 'es': ['Devolución {r}'], 'en': ['Return {r}', 'Returning {r}']},
    'exchange': {'de': ['Umtausch {r}'], 'fr': ['Échange {r}'], 'it': ['Cambio {r}'],
                 'es': ['Cambio {r}'], 'en': ['Exchange {r}']},
    'damaged': {'de': ['Beschädigt angekommen – {r}'], 'fr': ['Colis abîmé {r}'],
                'it': ['Prodotto danneggiato {r}'], 'es': ['Llegó dañado {r}'],
                'en': ['Damaged item {r}', 'Broken on arrival – {r}']},
    'address_change': {'de': ['Adressänderung {r}'], 'fr': ["Changement d'adresse {r}"],
                       'it': ['Cambio indirizzo {r}'], 'es': ['Cambio de dirección {r}'],
                       'en': ['Change of address {r}']},
    'cancel': {'de': ['Stornierung {r}'], 'fr': ['Annulation {r}'], 'it': ['Annullare {r}'],
               'es': ['Cancelar {r}'], 'en': ['Cancel {r}', 'Please cancel {r}']},
    'invoice': {'de': ['Rechnung zu {r}'], 'fr': ['Facture {r}'], 'it': ['Fattura {r}'],
                'es': ['Factura {r}'], 'en': ['Invoice for {r}', 'VAT invoice {r}']},
}

BODY = {
    'wismo': {
        'de': ['ich habe am {d}. November {r} aufgegeben und bisher nichts bekommen. Die Sendungsverfolgung zeigt seit Tagen keinen neuen Stand. Könnt ihr bitte nachsehen?',
               'wann kommt {r}? Ich wollte {i} eigentlich zum Nikolaus verschenken.',
               'kurze Frage: ist {r} schon unterwegs? Ich habe noch keine Versandmail bekommen.'],
        'fr': ["j'ai passé la {r} le {d} novembre et je n'ai toujours rien reçu. Le suivi ne bouge plus depuis plusieurs jours, pouvez-vous vérifier ?",
               "pourriez-vous me dire quand la {r} sera livrée ? C'est pour un cadeau.",
               "je n'ai pas reçu d'e-mail d'expédition pour ma {r}, est-elle partie ?"],
        'it': ["ho fatto l'{r} il {d} novembre ma non è ancora arrivato niente. Il tracking è fermo da giorni, potete controllare?",
               "quando arriva l'{r}? È un regalo di Natale.",
               "non ho ricevuto la mail di spedizione per l'{r}, è già partito?"],
        'es': ['hice el {r} el {d} de noviembre y todavía no ha llegado. El seguimiento no se mueve desde hace días, ¿podéis mirarlo?',
               '¿cuándo llegará el {r}? Es un regalo y me corre prisa.',
               'no he recibido el correo de envío del {r}, ¿ya ha salido?'],
        'en': ['I placed {r} on {d} November and nothing has arrived yet. The tracking has not moved for days, could you check?',
               'any idea when {r} will arrive? It is a Christmas present.',
               "I haven't had a shipping email for {r} yet - has it gone out?"],
    },
    'return': {
        'de': ['ich möchte {i} aus {r} zurückschicken, die Farbe gefällt mir leider nicht. Wie läuft die Rücksendung?',
               'wie kann ich {i} zurückgeben? {r}, ungeöffnet.'],
        'fr': ['je souhaite retourner {i} de la {r}, la couleur ne me convient pas. Comment faire ?',
               'comment puis-je vous renvoyer {i} ? ({r}, pas ouvert)'],
        'it': ["vorrei restituire {i} dell'{r}, il colore non mi piace. Come devo fare?",
               "come faccio a restituire {i}? {R}, ancora sigillato."],
        'es': ['quiero devolver {i} del {r}, el color no me convence. ¿Cómo lo hago?',
               '¿cómo devuelvo {i}? Es del {r}, sin abrir.'],
        'en': ["I'd like to return {i} from {r}, the colour isn't what I expected. How do I send it back?",
               'how do I return {i}? It is from {r}, still sealed.'],
    },
    'exchange': {
        'de': ['kann ich {i} aus {r} gegen eine andere Farbe tauschen? Lieber Salbei statt Ocker.'],
        'fr': ["est-ce possible d'échanger {i} de la {r} contre une autre couleur ?"],
        'it': ["posso cambiare {i} dell'{r} con un altro colore?"],
        'es': ['¿puedo cambiar {i} del {r} por otro color?'],
        'en': ['could I swap {i} from {r} for a different colour?'],
    },
    'damaged': {
        'de': ['{R} ist heute angekommen, aber leider beschädigt, der Karton war eingedrückt. Fotos hänge ich an.'],
        'fr': ['la {r} est arrivée mais il y a des dégâts sur {i}, le carton était écrasé. Je joins des photos.'],
        'it': ["l'{r} è arrivato danneggiato, la scatola era schiacciata. Allego le foto."],
        'es': ['el {r} ha llegado con daños, la caja venía aplastada. Adjunto fotos.'],
        'en': ['{r} arrived today but {i} is damaged, the box was crushed. Photos attached.'],
    },
    'address_change': {
        'de': ['bitte schickt {r} an meine Büroadresse statt nach Hause, ich bin tagsüber nicht da.'],
        'fr': ["pouvez-vous envoyer la {r} à mon adresse de travail ? Je ne suis pas chez moi la journée."],
        'it': ["potete spedire l'{r} al mio indirizzo di lavoro? Di giorno non sono a casa."],
        'es': ['¿podéis enviar el {r} a la dirección de mi trabajo? De día no estoy en casa.'],
        'en': ['could you send {r} to my work address instead? Nobody is home during the day.'],
    },
    'cancel': {
        'de': ['bitte storniert {r}, ich habe aus Versehen doppelt bestellt.'],
        'fr': ["merci d'annuler la {r}, j'ai commandé deux fois par erreur."],
        'it': ["per favore annullate l'{r}, l'ho fatto due volte per sbaglio."],
        'es': ['por favor, cancelad el {r}, lo hice dos veces por error.'],
        'en': ['please cancel {r}, I ordered twice by mistake.'],
    },
    'invoice': {
        'de': ['könnt ihr mir für {r} eine Rechnung mit ausgewiesener MwSt. schicken?'],
        'fr': ['pourriez-vous m’envoyer une facture avec TVA pour la {r} ?'],
        'it': ["mi servirebbe la fattura dell'{r} con IVA, grazie."],
        'es': ['¿me podéis mandar la factura con IVA del {r}?'],
        'en': ['could you send me a VAT invoice for {r}?'],
    },
}

NOREF = {'de': 'meine Bestellung', 'fr': 'commande', 'it': 'ordine', 'es': 'pedido',
         'en': 'my order'}

FOLLOW = {
    'de': ['danke für die schnelle Antwort! Dann warte ich noch ein paar Tage.',
           'Hallo nochmal, es ist immer noch nichts da. Was nun?',
           'Super, das Paket ist heute gekommen. Danke!',
           'Danke, ich habe das Etikett bekommen und das Paket abgegeben.',
           'Perfekt, danke, mehr brauche ich nicht.'],
    'fr': ['merci pour la réponse rapide, j’attends encore quelques jours.',
           'Re-bonjour, toujours rien reçu. On fait comment ?',
           'Le colis est arrivé ce matin, merci beaucoup !',
           "Merci, j'ai bien reçu l'étiquette et déposé le colis.",
           "Parfait, merci, c'est tout ce qu'il me fallait."],
    'it': ['grazie della risposta, aspetto ancora qualche giorno.',
           'Ciao di nuovo, non è ancora arrivato niente. Che facciamo?',
           'Il pacco è arrivato oggi, grazie mille!',
           "Grazie, ho ricevuto l'etichetta e spedito il pacco.",
           'Perfetto, grazie mille, è tutto.'],
    'es': ['gracias por la respuesta, espero unos días más.',
           'Hola de nuevo, sigue sin llegar nada. ¿Qué hacemos?',
           '¡Ha llegado hoy el paquete, muchas gracias!',
           'Gracias, ya tengo la etiqueta y he dejado el paquete en Correos.',
           'Perfecto, gracias, era todo.'],
    'en': ['thanks for the quick reply, I will give it a few more days.',
           'Hi again, still nothing here. What now?',
           'The parcel turned up this morning, thank you!',
           "Thanks, got the label and dropped the parcel off.",
           "Perfect, thank you - that's all I needed."],
}

PRESALE = {
    'de': [('Frage zum Planer 2027', 'gibt es den Wochenplaner 2027 auch in A6? Und liefert ihr noch vor Weihnachten nach Österreich?'),
           ('Gutschein', 'kann man bei euch Gutscheine kaufen, die man ausdrucken kann?'),
           ('Papier für Füller', 'ist das Papier des A5 Notizbuchs füllertauglich oder schlägt die Tinte durch?'),
           ('Großbestellung?', 'wir bräuchten für unsere Hochzeit ca. 80 Karten mit Umschlägen. Gibt es Mengenrabatt?')],
    'fr': [('Question agenda 2027', "l'agenda 2027 existe-t-il aussi en format A6 ? Livrez-vous en Belgique ?"),
           ('Papier et stylo plume', 'le papier du carnet A5 supporte-t-il le stylo plume ?'),
           ('Carte cadeau', 'proposez-vous des cartes cadeaux ?')],
    'it': [('Domanda agenda 2027', "l'agenda 2027 c'è anche in formato A6? Spedite in Svizzera?"),
           ('Carta e stilografica', 'la carta del quaderno A5 regge la stilografica?'),
           ('Buono regalo', 'avete buoni regalo da stampare?')],
    'es': [('Pregunta agenda 2027', '¿la agenda 2027 está también en A6? ¿Enviáis a Canarias?'),
           ('Papel y pluma', '¿el papel del cuaderno A5 aguanta la pluma estilográfica?'),
           ('Tarjeta regalo', '¿tenéis tarjetas regalo?')],
    'en': [('Question about the 2027 planner', 'does the weekly planner 2027 come in A6? And do you still ship to Canada before Christmas?'),
           ('Fountain pen paper', 'is the paper in the A5 dotted notebook fountain pen friendly?'),
           ('Gift cards', 'do you sell printable gift cards?'),
           ('Wholesale', 'we run a small gift shop and would like to stock your cards. Do you have wholesale prices?')],
}

HELLO = {'de': ['Hallo,', 'Hallo zusammen,', 'Guten Tag,', 'Hi,', 'Liebes Inkwell & Fold Team,'],
         'fr': ['Bonjour,', 'Bonjour Madame, Monsieur,', 'Salut,'],
         'it': ['Buongiorno,', 'Salve,', 'Ciao,'],
         'es': ['Hola,', 'Buenos días,', 'Hola, buenas:'],
         'en': ['Hi,', 'Hello,', 'Hi there,', 'Dear Inkwell & Fold,']}
BYE = {'de': ['Viele Grüße', 'LG', 'Danke und viele Grüße', 'Beste Grüße'],
       'fr': ['Cordialement', 'Merci, bonne journée', 'Bien à vous'],
       'it': ['Grazie, saluti', 'Cordiali saluti', 'Grazie mille'],
       'es': ['Saludos', 'Un saludo', 'Gracias, un abrazo'],
       'en': ['Thanks', 'Best,', 'Many thanks', 'Cheers']}


def ref(rng, lang, n):
    return rng.choice(REF[lang]).format(n=n)


def wrap(rng, lang, body, sig):
    return '%s\n\n%s\n\n%s\n%s' % (rng.choice(HELLO[lang]), body, rng.choice(BYE[lang]), sig)


def first_mail(rng, lang, intent, n, items, day, sig, with_number=True):
    r = ref(rng, lang, n) if with_number else NOREF[lang]
    i = rng.choice(items)
    subj = rng.choice(SUBJ[intent][lang]).format(r=r)
    body = rng.choice(BODY[intent][lang]).format(r=r, R=r[0].upper() + r[1:], i=i,
                                                 I=i[0].upper() + i[1:], d=day)
    return subj, wrap(rng, lang, body, sig)


FOLLOW_BY = {'wismo': [0, 1, 2], 'return': [3], 'exchange': [3], 'damaged': [4],
             'address_change': [4], 'cancel': [4], 'invoice': [4]}


SEQ = {'wismo': [[0, 1], [1, 2], [2]], 'return': [[3], [4]], 'exchange': [[3], [4]],
       'damaged': [[4], [1], [2]]}


def follow(rng, lang, sig, intent='wismo', n=1):
    seq = SEQ.get(intent, [[4]])
    i = rng.choice(seq[min(n, len(seq)) - 1])
    return '%s\n\n%s' % (FOLLOW[lang][i], sig)


def max_follow(intent):
    return len(SEQ.get(intent, [[4]]))


def presale(rng, lang, sig):
    s, b = rng.choice(PRESALE[lang])
    return s, wrap(rng, lang, b, sig)


def typo(rng, text):
    """One slip of the fingers: two letters of a longer word swapped, or one
    doubled; digits, addresses and the signature are left alone."""
    lines = text.split('\n')
    body = [i for i, l in enumerate(lines[:-1]) if len(l) > 20] or [0]
    li = rng.choice(body)
    words = lines[li].split(' ')
    cand = [i for i, w in enumerate(words) if len(w) >= 6 and w.isalpha()]
    if not cand:
        return text
    wi = rng.choice(cand)
    w = words[wi]
    j = rng.randrange(1, len(w) - 2)
    if rng.random() < 0.6:
        w = w[:j] + w[j + 1] + w[j] + w[j + 2:]
    else:
        w = w[:j] + w[j] + w[j:]
    words[wi] = w
    lines[li] = ' '.join(words)
    return '\n'.join(lines)
