# Ordinary owners writing from their ordering address: phrase banks in five languages.
import random
from gen_lib import M, rnd
from gen_orders import BUYERS, ORDERS, ITEMS

SUBJ = {
 'en': ['Order #{n}', 'Where is my order {n}?', 'Question about order #{n}', 'Delivery of order {n}'],
 'de': ['Bestellung {n}', 'Wo bleibt meine Bestellung #{n}?', 'Frage zu Bestellung Nr. {n}', 'Lieferung Bestellung {n}'],
 'fr': ['Commande {n}', 'Suivi de ma commande n° {n}', 'Question sur la commande #{n}', 'Livraison commande {n}'],
 'es': ['Pedido {n}', '¿Dónde está mi pedido #{n}?', 'Consulta sobre el pedido {n}', 'Entrega del pedido n.º {n}'],
 'it': ['Ordine {n}', 'Spedizione ordine n. {n}', "Domanda sull'ordine #{n}", 'Consegna ordine {n}'],
}
RE = {'en': 'Re: ', 'de': 'AW: ', 'fr': 'RE: ', 'es': 'RE: ', 'it': 'R: '}
ASK = {
 'en': ["Hi,\nI ordered the {item} last week (order #{n}) and the tracking hasn't moved for three days. Could you check where it is?\nThanks,\n{first}",
        "Hello,\ncould you tell me when order {n} will arrive? I'm baking for a birthday on Saturday and need the {item}.\nBest wishes,\n{first} {last}",
        "Hi there,\nmy order #{n} says delivered but there is nothing at my door or with the neighbours. What should I do?\n{first}",
        "Good morning,\nthe {item} from order {n} arrived with a crack along the side. Can I get a replacement? Photos attached.\nKind regards,\n{first} {last}"],
 'de': ["Hallo,\nich habe letzte Woche {item} bestellt (Bestellung {n}). Die Sendungsverfolgung steht seit Tagen still. Können Sie nachsehen?\nViele Grüße\n{first} {last}",
        "Guten Tag,\nwann kommt meine Bestellung #{n}? Ich brauche {item} eigentlich bis zum Wochenende.\nDanke und Gruß\n{first}",
        "Hallo zusammen,\nlaut DHL wurde Bestellung Nr. {n} zugestellt, bei mir ist aber nichts angekommen. Was kann ich tun?\n{first} {last}",
        "Hallo,\nbei Bestellung {n} ist {item} beschädigt angekommen, der Rand ist eingedrückt. Bekomme ich Ersatz?\nBeste Grüße\n{first}"],
 'fr': ["Bonjour,\nj'ai commandé {item} la semaine dernière (commande n° {n}) et le suivi n'a pas bougé depuis trois jours. Pouvez-vous vérifier ?\nMerci,\n{first}",
        "Bonjour,\npourriez-vous me dire quand la commande {n} arrivera ? J'en ai besoin pour un atelier pain samedi.\nCordialement,\n{first} {last}",
        "Bonjour,\nle suivi de ma commande #{n} indique « livré » mais je n'ai rien reçu, ni chez moi ni chez le gardien. Que faire ?\n{first}",
        "Bonjour,\n{item} de la commande {n} est arrivé abîmé. Est-il possible d'avoir un remplacement ?\nBien à vous,\n{first} {last}"],
 'es': ["Hola,\nhice el pedido {n} hace una semana ({item}) y el seguimiento no se mueve desde hace tres días. ¿Podéis mirarlo?\nGracias,\n{first}",
        "Buenas,\n¿cuándo llegará mi pedido #{n}? Lo necesito para el fin de semana.\nUn saludo,\n{first} {last}",
        "Hola,\nel pedido n.º {n} aparece como entregado pero no he recibido nada. ¿Qué hago?\n{first}",
        "Hola,\n{item} del pedido {n} llegó roto. ¿Me podéis enviar otro?\nSaludos,\n{first} {last}"],
 'it': ["Buongiorno,\nho ordinato {item} la settimana scorsa (ordine {n}) e il tracking è fermo da tre giorni. Potete controllare?\nGrazie,\n{first}",
        "Salve,\nquando arriverà l'ordine #{n}? Mi serve per il fine settimana.\nCordiali saluti,\n{first} {last}",
        "Buongiorno,\nl'ordine n. {n} risulta consegnato ma non ho ricevuto niente. Cosa posso fare?\n{first}",
        "Ciao,\n{item} dell'ordine {n} è arrivato danneggiato. Potete mandarmene un altro?\nSaluti,\n{first} {last}"],
}
CHASE = {
 'en': ["Hi again,\nstill nothing here. Is there anything you can do about #{n}?\n{first}", "Thanks for getting back to me. The courier page now says 'delayed'. Should I wait or will you resend?\n{first}",
        "Sorry to chase, any news on this?\n{first}", "Hello, following up on order {n}: could you open a claim with the carrier?\nThanks, {first}"],
 'de': ["Hallo nochmal,\nimmer noch nichts da. Können Sie bei #{n} etwas unternehmen?\n{first}", "Danke für die Antwort. Jetzt steht da 'Verzögerung'. Soll ich warten oder schicken Sie neu?\n{first}",
        "Entschuldigung, dass ich nachhake: gibt es etwas Neues?\n{first}", "Guten Tag, kurze Nachfrage zu Bestellung {n}: haben Sie schon einen Nachforschungsauftrag gestellt?\n{first}"],
 'fr': ["Re-bonjour,\ntoujours rien. Pouvez-vous faire quelque chose pour la commande {n} ?\n{first}", "Merci pour votre réponse. Le suivi indique maintenant « retardé ». Je patiente ou vous renvoyez ?\n{first}",
        "Désolée de relancer, avez-vous des nouvelles ?\n{first}", "Bonjour, je reviens vers vous pour la commande #{n} : avez-vous ouvert une réclamation chez le transporteur ?\n{first}"],
 'es': ["Hola de nuevo,\nsigue sin llegar. ¿Podéis hacer algo con el #{n}?\n{first}", "Gracias por responder. Ahora el seguimiento pone 'retrasado'. ¿Espero o me lo reenviáis?\n{first}",
        "Perdón por insistir, ¿hay novedades?\n{first}", "Buenas, vuelvo a escribir por el pedido {n}: ¿habéis abierto una reclamación con la agencia?\n{first}"],
 'it': ["Buongiorno di nuovo,\nancora niente. Potete fare qualcosa per l'ordine {n}?\n{first}", "Grazie della risposta. Ora il tracking dice 'in ritardo'. Aspetto o lo rispedite?\n{first}",
        "Scusate se insisto, ci sono novità?\n{first}", "Salve, torno a scrivere per l'ordine #{n}: avete aperto un reclamo con il corriere?\n{first}"],
}
THANKS = {
 'en': ["It arrived this morning, all good. Thanks for your help!\n{first}", "Got it today, thank you so much.\n{first}"],
 'de': ["Ist heute angekommen, alles bestens. Vielen Dank!\n{first}", "Paket ist da, danke für die schnelle Hilfe.\n{first}"],
 'fr': ["Colis reçu ce matin, tout est parfait. Merci beaucoup !\n{first}", "C'est arrivé, merci pour votre aide.\n{first}"],
 'es': ["Ya ha llegado, todo perfecto. ¡Muchas gracias!\n{first}", "Recibido hoy, gracias por la ayuda.\n{first}"],
 'it': ["È arrivato stamattina, tutto a posto. Grazie mille!\n{first}", "Ricevuto oggi, grazie per l'aiuto.\n{first}"],
}
ITEM_L = {}
def owner(pid, conv, n, lang, nmsgs, d, cases=('owner_mail',), note='', frm=None, name=None, th=None, gap=1):
    first, last, email = BUYERS[pid][0], BUYERS[pid][1], BUYERS[pid][2]
    item = ITEMS[ORDERS[n][1][0]][0]
    frm = frm or email
    name = name if name is not None else f'{first} {last}'
    subj = rnd.choice(SUBJ[lang]).format(n=n)
    th = th or f'{conv}-{frm}'
    f = dict(n=n, item=item, first=first, last=last)
    hours = ['07:42', '09:15', '10:31', '12:07', '14:26', '16:48', '19:03', '21:12']
    M(pid, conv, frm, name, subj, rnd.choice(ASK[lang]).format(**f), lang, d, rnd.choice(hours), th=th, cases=cases, note=note)
    for k in range(1, nmsgs):
        bank = THANKS if k == nmsgs - 1 and nmsgs >= 3 else CHASE
        M(pid, conv, frm, name, RE[lang] + subj, rnd.choice(bank[lang]).format(**f), lang, d + k * gap, rnd.choice(hours), th=th, cases=cases, note=note)
