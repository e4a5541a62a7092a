"""Customer wording for the everyday episodes (five languages)."""
NUMF = {
 "en": ["#{n}", "order #{n}", "order {n}", "order number {n}"],
 "de": ["Bestellung {n}", "Bestellung #{n}", "Bestellnummer {n}", "Nr. {n}"],
 "fr": ["commande n° {n}", "commande #{n}", "commande {n}", "n° {n}"],
 "es": ["pedido {n}", "pedido #{n}", "pedido n.º {n}", "número de pedido {n}"],
 "it": ["ordine {n}", "ordine n. {n}", "ordine #{n}", "ordine numero {n}"],
}
# (subject, body); {num}=number phrase, {item}, {sig}
FIRST = {
 "wismo": {
  "en": [("Where is my {num}?", "Hello,\n\nI ordered {item} with {num} and the tracking hasn't moved for three days now. Could you check what's going on?\n\nThanks,\n{sig}"),
         ("Delivery of {num}", "Hi there,\njust wondering when {num} will arrive - it's meant to be a present for Sunday.\nBest wishes,\n{sig}"),
         ("Parcel not arrived", "Hi,\nmy parcel still hasn't turned up. I ordered last week from this address, {item} among other things. Any idea where it is?\n{sig}")],
  "de": [("Wo bleibt meine {num}?", "Guten Tag,\n\nich habe {num} aufgegeben, aber die Sendungsverfolgung zeigt seit Tagen nichts Neues. Können Sie bitte nachsehen?\n\nViele Grüße\n{sig}"),
         ("Lieferung {num}", "Hallo,\nwann kommt denn {num} an? Ich bräuchte {item} eigentlich bis zum Wochenende.\nDanke und Gruß\n{sig}"),
         ("Paket noch nicht da", "Hallo zusammen,\nmein Paket ist noch nicht angekommen, bestellt habe ich letzte Woche mit dieser Adresse. Wissen Sie, wo es steckt?\n{sig}")],
  "fr": [("Où en est ma {num} ?", "Bonjour,\n\nj'ai passé la {num} il y a une semaine et le suivi n'avance plus. Pourriez-vous vérifier ?\n\nMerci d'avance,\n{sig}"),
         ("Livraison {num}", "Bonjour,\nsavez-vous quand la {num} sera livrée ? C'est un cadeau pour samedi.\nCordialement,\n{sig}"),
         ("Colis pas reçu", "Bonjour,\nje n'ai toujours pas reçu mon colis, commandé la semaine dernière avec cette adresse. Pouvez-vous regarder ?\n{sig}")],
  "es": [("¿Dónde está mi {num}?", "Hola,\n\nhice el {num} hace una semana y el seguimiento no se mueve. ¿Podéis mirar qué pasa?\n\nGracias,\n{sig}"),
         ("Entrega {num}", "Buenas,\n¿sabéis cuándo llegará el {num}? Es para un regalo del domingo.\nUn saludo,\n{sig}"),
         ("No me ha llegado el paquete", "Hola,\ntodavía no me ha llegado el paquete, pedí la semana pasada con este correo. ¿Me decís algo?\n{sig}")],
  "it": [("Dov'è il mio {num}?", "Buongiorno,\n\nho fatto l'{num} una settimana fa e il tracciamento è fermo da giorni. Potete controllare?\n\nGrazie,\n{sig}"),
         ("Consegna {num}", "Salve,\nquando arriverà l'{num}? Mi serve {item} entro sabato.\nCordiali saluti,\n{sig}"),
         ("Pacco non arrivato", "Ciao,\nil pacco non è ancora arrivato, ho ordinato la settimana scorsa con questo indirizzo. Sapete dov'è?\n{sig}")],
 },
 "return": {
  "en": [("Return for {num}", "Hello,\nI'd like to return {item} from {num}, it's unopened. How do I get a return label?\nThanks,\n{sig}"),
         ("Returning an item", "Hi,\nI want to send back {item}, it's not really to my taste. What's the procedure?\n{sig}")],
  "de": [("Rücksendung {num}", "Guten Tag,\nich möchte {item} aus {num} zurückschicken, die Packung ist noch verschlossen. Wie bekomme ich ein Retourenetikett?\nMfG\n{sig}"),
         ("Retoure", "Hallo,\nich würde gern {item} zurückgeben, er schmeckt mir leider nicht. Wie läuft das bei Ihnen?\n{sig}")],
  "fr": [("Retour {num}", "Bonjour,\nje souhaite retourner {item} de ma {num}, il n'a pas été ouvert. Comment obtenir une étiquette retour ?\nMerci,\n{sig}"),
         ("Retour d'un article", "Bonjour,\nje voudrais renvoyer {item}, il ne me convient pas. Quelle est la marche à suivre ?\n{sig}")],
  "es": [("Devolución {num}", "Hola,\nquiero devolver {item} del {num}, está sin abrir. ¿Cómo consigo la etiqueta de devolución?\nGracias,\n{sig}"),
         ("Devolver un artículo", "Hola,\nme gustaría devolver {item}, no es lo que esperaba. ¿Cómo lo hago?\n{sig}")],
  "it": [("Reso {num}", "Buongiorno,\nvorrei rendere {item} dell'{num}, è ancora sigillato. Come ottengo l'etichetta per il reso?\nGrazie,\n{sig}"),
         ("Restituzione", "Salve,\nvorrei restituire {item}, non fa per me. Qual è la procedura?\n{sig}")],
 },
 "exchange": {
  "en": [("Exchange {num}", "Hi,\ncould I swap {item} in {num} for the Chai Masala instead? Happy to pay the difference.\nCheers,\n{sig}")],
  "de": [("Umtausch {num}", "Hallo,\nkann ich {item} aus {num} gegen den Chai Masala tauschen? Die Differenz zahle ich gern.\nGruß\n{sig}")],
  "fr": [("Échange {num}", "Bonjour,\nest-il possible d'échanger {item} de la {num} contre le Chai Masala ? Je paierai la différence.\n{sig}")],
  "es": [("Cambio {num}", "Hola,\n¿puedo cambiar {item} del {num} por el Chai Masala? Pago la diferencia sin problema.\n{sig}")],
  "it": [("Cambio {num}", "Ciao,\nposso cambiare {item} dell'{num} con il Chai Masala? Pago volentieri la differenza.\n{sig}")],
 },
 "damaged": {
  "en": [("Damaged item in {num}", "Hello,\n{item} from {num} arrived broken, the box was crushed. Photos attached. What can you do?\n{sig}"),
         ("Broken on arrival", "Hi,\nthe parcel came today and {item} is cracked. Can you send a replacement?\n{sig}")],
  "de": [("Beschädigt: {num}", "Guten Tag,\n{item} aus {num} ist kaputt angekommen, der Karton war eingedrückt. Fotos hänge ich an.\n{sig}"),
         ("Ware beschädigt", "Hallo,\nheute kam mein Paket, leider ist {item} gesprungen. Können Sie Ersatz schicken?\n{sig}")],
  "fr": [("Article abîmé - {num}", "Bonjour,\n{item} de la {num} est arrivé cassé, le carton était écrasé. Photos en pièce jointe.\n{sig}")],
  "es": [("Producto dañado {num}", "Hola,\n{item} del {num} ha llegado roto, la caja venía aplastada. Adjunto fotos.\n{sig}")],
  "it": [("Articolo danneggiato {num}", "Buongiorno,\n{item} dell'{num} è arrivato rotto, il pacco era schiacciato. Allego le foto.\n{sig}")],
 },
 "address_change": {
  "en": [("Change delivery address {num}", "Hi,\nI've just realised I used my old address for {num}. Could you send it to my office instead? I can give you the details.\n{sig}")],
  "de": [("Adresse ändern {num}", "Hallo,\nbei {num} habe ich die alte Adresse angegeben. Können Sie noch an meine Arbeitsadresse liefern?\n{sig}")],
  "fr": [("Changement d'adresse {num}", "Bonjour,\nje me suis trompée d'adresse pour la {num}. Est-il encore possible de la modifier ?\n{sig}")],
  "es": [("Cambio de dirección {num}", "Hola,\nme equivoqué de dirección en el {num}. ¿Todavía se puede cambiar?\n{sig}")],
  "it": [("Cambio indirizzo {num}", "Salve,\nho sbagliato indirizzo nell'{num}. Si può ancora modificare?\n{sig}")],
 },
 "cancel": {
  "en": [("Cancel {num}", "Hello,\nplease cancel {num}, I ordered {item} twice by mistake.\nThank you,\n{sig}")],
  "de": [("Stornierung {num}", "Guten Tag,\nbitte stornieren Sie {num}, ich habe versehentlich doppelt bestellt.\nDanke\n{sig}")],
  "fr": [("Annulation {num}", "Bonjour,\nmerci d'annuler la {num}, j'ai commandé deux fois par erreur.\n{sig}")],
  "es": [("Cancelar {num}", "Hola,\npor favor cancelad el {num}, lo pedí dos veces sin querer.\n{sig}")],
  "it": [("Annullare {num}", "Buongiorno,\nvi chiedo di annullare l'{num}, l'ho fatto due volte per errore.\n{sig}")],
 },
 "invoice": {
  "en": [("Invoice for {num}", "Hi,\ncould you send me a VAT invoice for {num}? I need it for my expenses.\n{sig}")],
  "de": [("Rechnung zu {num}", "Hallo,\nkönnten Sie mir bitte eine Rechnung zu {num} schicken? Ich finde sie nicht im Postfach.\n{sig}")],
  "fr": [("Facture {num}", "Bonjour,\npourriez-vous m'envoyer la facture de la {num} ?\nMerci,\n{sig}")],
  "es": [("Factura {num}", "Hola,\n¿me podéis mandar la factura del {num}? La necesito para la empresa.\n{sig}")],
  "it": [("Fattura {num}", "Buongiorno,\nmi potete inviare la fattura dell'{num}?\nGrazie,\n{sig}")],
 },
 "feedback": {
  "en": [("Thank you!", "Just wanted to say the tea arrived beautifully packed, {item} is wonderful. Will order again!\n{sig}")],
  "de": [("Dankeschön", "Nur ein kurzes Danke: alles super verpackt angekommen, {item} ist großartig.\n{sig}")],
  "fr": [("Merci !", "Juste un petit mot : colis reçu, très bien emballé, {item} est délicieux.\n{sig}")],
  "es": [("¡Gracias!", "Solo quería decir que ha llegado todo perfecto, {item} está buenísimo.\n{sig}")],
  "it": [("Grazie!", "Volevo solo dire che è arrivato tutto benissimo, {item} è squisito.\n{sig}")],
 },
}
FOLLOW = {
 "en": ["Hi again, any news on this? Still nothing here.\n{sig}", "Thanks for getting back to me. It arrived this morning, all good!\n{sig}",
        "Thanks. I've posted it back today, here's the receipt from the post office.\n{sig}", "Ok, photos attached as asked.\n{sig}",
        "Thanks, but could you confirm {num} is sorted before the weekend?\n{sig}"],
 "de": ["Hallo nochmal, gibt es schon Neuigkeiten? Hier ist immer noch nichts angekommen.\n{sig}", "Danke für die Rückmeldung, das Paket ist heute gekommen.\n{sig}",
        "Danke, ich habe es heute zurückgeschickt, der Einlieferungsbeleg ist im Anhang.\n{sig}", "Anbei die Fotos, wie gewünscht.\n{sig}",
        "Danke! Können Sie mir noch bestätigen, dass {num} bis Freitag erledigt ist?\n{sig}"],
 "fr": ["Bonjour, avez-vous du nouveau ? Toujours rien reçu.\n{sig}", "Merci pour votre retour, le colis est arrivé ce matin.\n{sig}",
        "Merci, j'ai renvoyé le colis aujourd'hui, voici le reçu.\n{sig}", "Voici les photos demandées.\n{sig}",
        "Merci ! Pouvez-vous me confirmer que la {num} est réglée ?\n{sig}"],
 "es": ["Hola de nuevo, ¿hay novedades? Sigue sin llegar.\n{sig}", "Gracias por responder, ya ha llegado esta mañana.\n{sig}",
        "Gracias, lo he enviado hoy de vuelta, adjunto el resguardo.\n{sig}", "Adjunto las fotos que me pedís.\n{sig}",
        "¡Gracias! ¿Me confirmáis que el {num} queda resuelto?\n{sig}"],
 "it": ["Salve, ci sono novità? Ancora niente.\n{sig}", "Grazie della risposta, il pacco è arrivato stamattina.\n{sig}",
        "Grazie, ho rispedito il pacco oggi, allego la ricevuta.\n{sig}", "Ecco le foto richieste.\n{sig}",
        "Grazie! Mi confermate che l'{num} è sistemato?\n{sig}"],
}
# DM flows: first message with number only / without number; then a message with a fact
DM_NUM = {
 "en": ["hi! where's my order {num}? tracking hasn't updated in days", "Hey, quick one - can I still change {num}? want to add filters"],
 "de": ["Hallo! Wo bleibt meine Bestellung {n}? Tracking steht still", "Hi, kann ich an Bestellung #{n} noch was ändern?"],
 "fr": ["Bonjour ! Ma commande {n} n'est toujours pas arrivée, c'est normal ?", "Coucou, je peux encore modifier la commande #{n} ?"],
 "es": ["Hola! Mi pedido {n} sigue sin llegar, ¿sabéis algo?", "Buenas, ¿puedo cambiar algo del pedido #{n} todavía?"],
 "it": ["Ciao! Il mio ordine {n} non è ancora arrivato, sapete qualcosa?", "Salve, posso ancora modificare l'ordine #{n}?"],
}
DM_NONUM = {
 "en": ["hi, I ordered some tea from you last week and it hasn't come yet :(", "Hello! is it too late to change my order?"],
 "de": ["Hallo, ich hab letzte Woche Tee bei euch bestellt und er ist noch nicht da", "Hi, kann ich meine Bestellung noch ändern?"],
 "fr": ["Bonjour, j'ai commandé du thé la semaine dernière et rien reçu", "Bonjour, est-ce trop tard pour modifier ma commande ?"],
 "es": ["Hola, pedí té la semana pasada y todavía no me ha llegado", "Hola, ¿puedo modificar mi pedido todavía?"],
 "it": ["Ciao, ho ordinato del tè la settimana scorsa e non è ancora arrivato", "Salve, posso ancora modificare il mio ordine?"],
}
DM_EMAIL = {
 "en": ["it's order {n}, I used {email}", "sure - {email}, order #{n}", "the email on it is {email}"],
 "de": ["Bestellung {n}, bestellt mit {email}", "klar: {email}, Nr. {n}", "die Mailadresse ist {email}"],
 "fr": ["commande {n}, passée avec {email}", "bien sûr : {email}, commande #{n}", "l'adresse mail est {email}"],
 "es": ["pedido {n}, lo hice con {email}", "claro: {email}, pedido #{n}", "el correo es {email}"],
 "it": ["ordine {n}, fatto con {email}", "certo: {email}, ordine #{n}", "la mail è {email}"],
}
DM_ZIP = {
 "en": ["order {n}, postcode {zip}", "it's #{n} and the billing postcode is {zip}"],
 "de": ["Bestellung {n}, PLZ {zip}", "#{n}, Postleitzahl {zip}"],
 "fr": ["commande {n}, code postal {zip}", "#{n}, code postal de facturation {zip}"],
 "es": ["pedido {n}, código postal {zip}", "#{n}, CP {zip}"],
 "it": ["ordine {n}, CAP {zip}", "#{n}, il CAP è {zip}"],
}
DM_THANKS = {"en": "thank you!! 🙏", "de": "super, danke!", "fr": "merci beaucoup !", "es": "¡mil gracias!", "it": "grazie mille!"}
PRESALE = {
 "en": [("Question about the matcha", "Hi, is your ceremonial matcha suitable for lattes or is it too delicate? And do you ship to Northern Ireland?\n{sig}"),
        ("Gift wrapping?", "Hello, do you offer gift wrapping and a handwritten card? Thinking of the winter gift box.\n{sig}")],
 "de": [("Frage zum Sencha", "Hallo, ist der Sencha Kirishima aus biologischem Anbau? Und wie lange hält er ungeöffnet?\n{sig}"),
        ("Versand in die Schweiz", "Grüezi, liefern Sie auch in die Schweiz, und fallen da Zollgebühren an?\n{sig}")],
 "fr": [("Question théière", "Bonjour, la théière en fonte est-elle émaillée à l'intérieur ? Merci.\n{sig}")],
 "es": [("Pregunta sobre el rooibos", "Hola, ¿el rooibos vainilla lleva aromas artificiales? Gracias.\n{sig}")],
 "it": [("Domanda sul calendario", "Buongiorno, il calendario dell'Avvento contiene anche tè senza teina? Grazie.\n{sig}")],
}
DM_PRESALE = {
 "en": ["do you have the advent calendar back in stock?", "is the glass teapot dishwasher safe?", "hi! do you ship to the US?"],
 "de": ["Gibt es den Adventskalender noch?", "Ist die Glaskanne spülmaschinenfest?", "Habt ihr auch entkoffeinierten Earl Grey?"],
 "fr": ["Bonjour, vous livrez en Belgique ?", "Le calendrier de l'Avent est encore dispo ?"],
 "es": ["¿Hacéis envíos a Canarias?", "¿El matcha es ecológico?"],
 "it": ["Spedite anche in Sardegna?", "Il matcha è biologico?"],
}

CHASE = {"en": "Sorry to chase - I haven't heard back on this yet.\n{sig}", "de": "Entschuldigen Sie die Nachfrage, ich habe noch keine Antwort bekommen.\n{sig}",
         "fr": "Désolé(e) de relancer, je n'ai pas encore eu de réponse.\n{sig}", "es": "Perdonad la insistencia, aún no he tenido respuesta.\n{sig}",
         "it": "Scusate se insisto, non ho ancora ricevuto risposta.\n{sig}"}
for _l in FOLLOW:
    FOLLOW[_l].append(CHASE[_l])
FU_BY_INTENT = {"wismo": [0, 1, 4, 5], "return": [2, 4, 5], "exchange": [2, 4, 5], "damaged": [3, 4, 5],
                "address_change": [4, 5, 1], "cancel": [4, 5], "invoice": [5, 4], "feedback": []}
DM_XCH = {"en": "Hi, I emailed you about {num} a couple of days ago - any news?",
          "de": "Hallo, ich hatte euch wegen {num} eine Mail geschickt - gibt's was Neues?",
          "fr": "Bonjour, je vous ai écrit par mail pour la {num}, vous avez vu ?",
          "es": "Hola, os escribí por correo por el {num}, ¿lo habéis visto?",
          "it": "Ciao, vi ho scritto per mail per l'{num}, novità?"}
PRESALE["en"] += [("Caffeine in the rooibos?", "Hi, silly question maybe: is the rooibos vanilla completely caffeine free? Buying for my pregnant sister.\n{sig}"),
                  ("Wholesale prices", "Hello, I run a small bakery in Leeds and would like to stock a few of your teas. Do you have trade prices?\n{sig}"),
                  ("Delivery before Christmas", "Hi, if I order the gift box this week, will it reach Dublin before the 20th?\n{sig}")]
PRESALE["de"] += [("Tetsubin emailliert?", "Guten Tag, ist die gusseiserne Kanne innen emailliert oder muss man sie einbrennen?\n{sig}"),
                  ("Gutscheine", "Hallo, verkaufen Sie auch Gutscheine zum Verschenken?\n{sig}"),
                  ("Matcha-Qualität", "Hallo, welcher Matcha eignet sich für Latte, der Ceremonial oder gibt es einen günstigeren?\n{sig}")]
PRESALE["fr"] += [("Calendrier de l'Avent", "Bonjour, le calendrier de l'Avent contient-il des thés sans théine ?\n{sig}"),
                  ("Livraison en Suisse", "Bonjour, livrez-vous en Suisse et y a-t-il des frais de douane ?\n{sig}")]
PRESALE["es"] += [("Envíos a Canarias", "Hola, ¿hacéis envíos a Canarias? ¿Cuánto tarda?\n{sig}"),
                  ("Matcha para repostería", "Buenas, ¿tenéis un matcha más económico para repostería?\n{sig}")]
PRESALE["it"] += [("Buoni regalo", "Salve, vendete buoni regalo? Vorrei regalarne uno a Natale.\n{sig}"),
                  ("Teiera in ghisa", "Buongiorno, la teiera in ghisa va bene anche sul fornello a induzione?\n{sig}")]
DM_PRESALE["en"] += ["any discount codes for black friday?", "how long does the matcha keep once opened?"]
DM_PRESALE["de"] += ["Macht ihr auch Geschenkverpackung?", "Wie lange braucht der Versand nach Österreich?"]
DM_PRESALE["fr"] += ["Le rooibos est sans caféine ?"]
DM_PRESALE["es"] += ["¿Tenéis tarjetas regalo?"]
DM_PRESALE["it"] += ["Avete il calendario dell'Avvento senza teina?"]
