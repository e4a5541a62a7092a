#!/usr/bin/env python3
# Builds orders.json, ebay-orders.json, records.ndjson and truth.ndjson.  python3 gen.py
import json
from gen_orders import build, build_ebay
from gen_lib import M, DM, AMZ, EB, truth, RECS
from gen_owner import owner

IG, FB = 'instagram', 'facebook'
O = ('owner_mail',)

# ---- ordinary owners, from their ordering address (multi-message) ----
owner('schmid', 'schmid1', 4002, 'de', 3, 1)
owner('wagner', 'wagner1', 4004, 'de', 3, 2)
owner('bernard', 'bernard1', 4006, 'fr', 2, 1)
owner('dubois', 'dubois1', 4008, 'fr', 3, 3)
owner('greco', 'greco1', 4010, 'it', 2, 2)
owner('colombo', 'colombo1', 4014, 'it', 3, 4)
owner('romero', 'romero1', 4018, 'es', 2, 3)
owner('iglesias', 'iglesias1', 4020, 'es', 3, 5)
owner('whitfield', 'whitfield1', 4022, 'en', 2, 4)
owner('okafor', 'okafor1', 4024, 'en', 3, 2)
owner('byrne', 'byrne1', 4026, 'en', 2, 6)
owner('leclerc', 'leclerc1', 4028, 'fr', 2, 5)
owner('krause', 'krause1', 4030, 'de', 2, 6)
owner('marino', 'marino1', 4032, 'it', 2, 7)
owner('delgado', 'delgado1', 4034, 'es', 2, 8)
owner('fischer', 'fischer1', 4036, 'de', 3, 7)
owner('ruiz', 'ruiz1', 4048, 'es', 2, 9)
owner('hayes', 'hayes1', 4050, 'en', 3, 8)
owner('lang', 'lang1', 4052, 'de', 2, 10)
owner('masson', 'masson1', 4054, 'fr', 3, 9)
owner('ferri', 'ferri1', 4056, 'it', 2, 11)
owner('vidal', 'vidal1', 4064, 'es', 2, 12)
owner('braun', 'braun1', 4066, 'de', 2, 12)
owner('gentile', 'gentile1', 4067, 'it', 2, 13)
owner('walsh', 'walsh1', 4001, 'en', 2, 3)
owner('russo', 'russo1', 4042, 'it', 2, 10)
owner('kuhn', 'kuhn1', 4041, 'de', 2, 13)
owner('okafor', 'okafor2', 4070, 'en', 2, 14)
owner('schmid', 'schmid2', 4069, 'de', 2, 14)
owner('walsh', 'walsh2', 4065, 'en', 2, 15)

# ---- Lena Hoffmann: owner, 3 mails, then a new matter about a new order ----
L = 'lena.hoffmann@example.de'
M('hoffmann', 'hoff1', L, 'Lena Hoffmann', 'Bestellung 4003 - Gärkorb fehlt',
  'Hallo,\nin meinem Paket zu Bestellung 4003 war nur das Leinentuch, der Gärkorb fehlt. Kommt der separat?\nViele Grüße\nLena Hoffmann', 'de', 1, '08:12', th='hoff1', cases=O)
M('hoffmann', 'hoff1', L, 'Lena Hoffmann', 'AW: Bestellung 4003 - Gärkorb fehlt',
  'Danke für die schnelle Antwort. Die Sendungsnummer, die Sie geschickt haben, zeigt bei mir nichts an. Ist die richtig?\nLena', 'de', 2, '09:40', th='hoff1', cases=O)
M('hoffmann', 'hoff1', L, 'Lena Hoffmann', 'AW: Bestellung 4003 - Gärkorb fehlt',
  'Jetzt ist er da! Vielen Dank.\nLena', 'de', 4, '18:05', th='hoff1', cases=O)
M('hoffmann', 'hoff2', L, 'Lena Hoffmann', 'Muffinförmchen - Bestellung #4046',
  'Hallo nochmal,\nich habe letzte Woche Papierförmchen nachbestellt (#4046), die sind noch nicht raus. Kann ich die Lieferadresse noch auf meine Arbeit ändern? Danziger Straße 50, 10435 Berlin.\nLena Hoffmann', 'de', 12, '07:55', th='hoff2', cases=O + ('new_matter',), note='Same person as her 4003 thread, another order and request: a new conversation.')
M('hoffmann', 'hoff2', L, 'Lena Hoffmann', 'AW: Muffinförmchen - Bestellung #4046',
  'Super, danke!\nLena', 'de', 12, '13:20', th='hoff2', cases=O)

# ---- Matteo Galli: owner, third message lost its headers ----
G = 'matteo.galli@example.it'
M('galli', 'galli1', G, 'Matteo Galli', 'Ordine 4005 - farina',
  "Buongiorno,\nnell'ordine 4005 avevo preso due sacchi di farina 00 ma ne è arrivato uno solo. Potete verificare?\nGrazie\nMatteo Galli", 'it', 2, '10:02', th='galli1', cases=O)
M('galli', 'galli1', G, 'Matteo Galli', "R: Ordine 4005 - farina",
  'Sì, nel pacco c\'era un solo sacco, vi mando la foto dello scontrino di consegna.\nMatteo', 'it', 3, '11:30', th='galli1', cases=O)
M('galli', 'galli1', G, 'Matteo Galli', 'farina mancante',
  "Buonasera, vi riscrivo perché non ho più la vostra mail: il secondo sacco di farina dell'ordine 4005 quando parte?\nMatteo Galli", 'it', 6, '20:14', th='galli1-lost', cases=O + ('lost_headers',),
  note='New Message-ID without In-Reply-To or References; same matter, same conversation.')
M('galli', 'galli2', G, 'Matteo Galli', 'Lievito madre',
  "Salve, il lievito madre dell'ordine #4063 va tenuto in frigo appena arriva?\nMatteo", 'it', 14, '09:09', th='galli2', cases=O + ('new_matter',))

# ---- Camille Roux: mail and Instagram about the same order (facts spread over 2 DMs) ----
C = 'camille.roux@example.fr'
M('roux', 'roux1', C, 'Camille Roux', 'Cocotte commande 4007',
  "Bonjour,\nla cocotte de ma commande 4007 n'est toujours pas arrivée alors que le suivi dit « en cours de livraison » depuis lundi. Pouvez-vous vérifier ?\nCamille Roux", 'fr', 3, '09:22', th='roux1', cases=O + ('dm_and_mail',))
DM('roux', 'roux1', IG, '6120458830127745', 'camille.bakes', "Coucou ! Je vous ai aussi écrit par mail, c'est pour la commande 4007, la cocotte n'est pas arrivée 😕", 'fr', 4, '12:41',
   cases=('dm_and_mail', 'dm_number_only'), note='Owner on Instagram, number only so far: not yet shown on this channel.')
DM('roux', 'roux1', IG, '6120458830127745', 'camille.bakes', "Mon mail de commande c'est camille.roux@example.fr", 'fr', 4, '12:43',
   cases=('dm_and_mail', 'dm_facts_spread'), note='Second fact (order e-mail) completes number + e-mail in this DM thread.')
DM('roux', 'roux1', IG, '6120458830127745', 'camille.bakes', "Merci !! Donc la 4007 arrive demain ?", 'fr', 4, '14:02', cases=('dm_and_mail', 'dm_facts_spread'))
M('roux', 'roux1', C, 'Camille Roux', 'RE: Cocotte commande 4007', "Bien reçue ce matin, merci pour le suivi par Instagram.\nCamille", 'fr', 5, '10:15', th='roux1', cases=O + ('dm_and_mail',))

# ---- Lucía Navarro: Instagram only, facts over three messages (number, then billing postcode) ----
S = '5894120376645102'
DM('navarro', 'nav1', IG, S, 'lucia.navarro.pan', 'Hola! Mi pedido de la cesta de fermentación no llega 😩', 'es', 2, '19:30', cases=('dm_facts_spread',))
DM('navarro', 'nav1', IG, S, 'lucia.navarro.pan', 'Es el pedido 4009', 'es', 2, '19:32', cases=('dm_facts_spread',), note='Number only: not yet shown.')
DM('navarro', 'nav1', IG, S, 'lucia.navarro.pan', 'El código postal es 41003, Sevilla', 'es', 2, '19:35', cases=('dm_facts_spread',), note='Billing postcode given: number + postcode in the thread.')
DM('navarro', 'nav1', IG, S, 'lucia.navarro.pan', 'Vale, entonces el 4009 sale hoy? gracias!', 'es', 3, '08:50', cases=('dm_facts_spread',))

# ---- Oliver Grant: owner mail, then replies to a BCC mailing ----
OG = 'oliver.grant@example.co.uk'
M('grant', 'grant1', OG, 'Oliver Grant', 'Baking steel order #4011 - damaged',
  'Hi,\nthe baking steel from order #4011 arrived with a bent corner, the box was crushed. Could you send a replacement?\nCheers,\nOliver Grant', 'en', 1, '11:03', th='grant1', cases=O)
M('grant', 'grant1', OG, 'Oliver Grant', 'Re: Baking steel order #4011 - damaged', 'Photos attached as requested. The scraper was fine.\nOliver', 'en', 2, '08:44', th='grant1', cases=O)
M('grant', 'grant1', OG, 'Oliver Grant', 'Re: Baking steel order #4011 - damaged', 'Replacement arrived, thanks. Do you want the bent one back?\nOliver', 'en', 7, '17:30', th='grant1', cases=O)

# ---- Anke Vogel: Messenger, number + e-mail in one message ----
AV = '7034418820915536'
DM('vogel', 'vogel1', FB, AV, 'Anke Vogel', 'Hallo! Bestellung 4013, bestellt mit anke.vogel@example.at. Wann wird die verschickt?', 'de', 3, '07:58', cases=('dm_facts_one',))
DM('vogel', 'vogel1', FB, AV, 'Anke Vogel', 'Danke! Und kommt 4013 mit der Post oder mit DPD?', 'de', 3, '09:11', cases=('dm_facts_one',))

# ---- Two Sophie Martin, different people ----
M('martin_lyon', 'sml1', 'sophie.martin@example.fr', 'Sophie Martin', 'Commande 4015 - couche en lin',
  "Bonjour,\nla couche en lin de la commande 4015 a une tache. Je peux l'échanger ?\nSophie Martin, Lyon", 'fr', 5, '10:40', th='sml1', cases=O + ('same_name',))
M('martin_rennes', 'smr1', 'sophie.martin.rennes@example.com', 'Sophie Martin', 'Suivi commande 4047',
  "Bonjour,\nma cocotte (commande 4047) n'est pas encore expédiée ? Je suis à Rennes.\nSophie Martin", 'fr', 5, '11:05', th='smr1', cases=O + ('same_name',), note='Same name as the Lyon customer, different person and address.')
M('martin_lyon', 'sml1', 'sophie.martin@example.fr', 'Sophie Martin', 'RE: Commande 4015 - couche en lin', "Parfait, je vous la renvoie demain.\nSophie", 'fr', 6, '09:00', th='sml1', cases=O + ('same_name',))
M('martin_rennes', 'smr1', 'sophie.martin.rennes@example.com', 'Sophie Martin', 'RE: Suivi commande 4047', "Merci, bien reçu le numéro de suivi.\nSophie M.", 'fr', 6, '15:30', th='smr1', cases=O + ('same_name',))

# ---- Giorgia Fontana: Gmail variants ----
M('fontana', 'font1', 'Giorgia.Fontana+pane@googlemail.com', 'Giorgia Fontana', 'Ordine 4016 farina',
  "Ciao, scrivo dall'indirizzo con l'etichetta, ma è sempre il mio. L'ordine 4016 è partito?\nGiorgia", 'it', 4, '16:20', th='font1', cases=O + ('gmail_variant',),
  note='googlemail.com, capitals and a +tag: the same Gmail mailbox as the order e-mail.')
M('fontana', 'font1', 'g.iorgia.fontana@gmail.com', 'Giorgia Fontana', "R: Ordine 4016 farina",
  "Vi rispondo dall'altro client: grazie, ho visto il tracking dell'ordine 4016.\nGiorgia", 'it', 5, '08:05', th='font1', cases=O + ('gmail_variant',), note='Dots in a Gmail local part do not matter.')

# ---- Backhaus Brandt: reseller purchasing desk and an employee ----
E = 'einkauf@backhaus-brandt.example'
M('brandt', 'brandt1', E, 'Backhaus Brandt Einkauf', 'Lieferungen 4017 und 4029',
  'Guten Tag,\nbitte bestätigen Sie uns die Zustellung der Bestellungen 4017 (Filiale Altona) und 4029 (Filiale Eppendorf). Unsere interne Bestellnummer ist PO-4044, bitte auf der Rechnung angeben.\nMit freundlichen Grüßen\nEinkauf Backhaus Brandt GmbH',
  'de', 2, '08:30', th='brandt1', cases=('reseller', 'non_order'), note='PO-4044 is the buyer\'s purchase order, not a shop order (it is #4044 of another customer).')
M('brandt', 'brandt1', E, 'Backhaus Brandt Einkauf', 'AW: Lieferungen 4017 und 4029',
  'Danke. Für 4029 fehlt laut Filiale ein Karton Mehl, bitte prüfen.\nEinkauf Backhaus Brandt', 'de', 3, '10:10', th='brandt1', cases=('reseller',))
M('brandt', 'brandt2', 'jonas.krueger@backhaus-brandt.example', 'Jonas Krüger', 'Mehl Filiale Eppendorf',
  'Moin,\nich bin Filialleiter in Eppendorf. In der Lieferung zu Bestellung 4029 fehlt ein Karton Mehl. Lieferadresse Eppendorfer Landstraße 60, 20249 Hamburg. Können Sie mir direkt die Sendungsnummer schicken?\nJonas Krüger',
  'de', 3, '11:45', th='brandt2', cases=('reseller', 'colleague'), note='An employee of the reseller, not its purchasing desk: knows the number and the shipping postcode, is not the buyer.')
M('brandt', 'brandt2', 'jonas.krueger@backhaus-brandt.example', 'Jonas Krüger', 'AW: Mehl Filiale Eppendorf',
  'Verstehe, dann frage ich unseren Einkauf. Danke trotzdem.\nJonas', 'de', 4, '09:02', th='brandt2', cases=('reseller', 'colleague'))
M('brandt', 'brandt3', E, 'Backhaus Brandt Einkauf', 'Bestellung 4053 Winterhude',
  'Guten Tag,\nbitte liefern Sie Bestellung 4053 erst ab dem 7.12., die Filiale Winterhude ist vorher wegen Umbau geschlossen.\nEinkauf', 'de', 11, '08:15', th='brandt3', cases=('reseller', 'new_matter'))

# ---- Gift: Emily Carter bought for her mother Margaret ----
M('carter', 'mcarter1', 'margaret.carter@example.net', 'Margaret Carter', 'Parcel from Crumb & Crust',
  "Hello,\nmy daughter Emily sent me a Dutch oven as a present, order number 4019 she says. It hasn't come yet and I'm worried it went to the wrong door. Could you tell me where it is? My postcode is YO31 7EA.\nMargaret Carter",
  'en', 6, '10:30', th='mcarter1', cases=('gift',), note='Gift recipient, not the buyer; the postcode she gives is the shipping one.')
M('carter', 'mcarter1', 'margaret.carter@example.net', 'Margaret Carter', "Re: Parcel from Crumb & Crust",
  "Thank you dear, I'll ask Emily to get in touch.\nMargaret", 'en', 6, '15:12', th='mcarter1', cases=('gift',))
M('carter', 'ecarter1', 'emily.carter@example.com', 'Emily Carter', 'Gift order #4019 for my mum',
  "Hi,\nI'm the one who placed #4019 (it's going to my mum in York). She says it hasn't arrived - can you check the tracking for me?\nThanks,\nEmily", 'en', 6, '19:40', th='ecarter1', cases=('gift', 'owner_mail'))

# ---- Parent / child: Pilar Ortega bought for her son Diego ----
DS = '5521098734410968'
DM('ortega', 'diego1', IG, DS, 'diego_ortega_98', 'Hola, mi madre hizo un pedido para mí, el 4021, me llega a Salamanca (37008). Sabéis cuándo llega?', 'es', 5, '22:10',
   cases=('parent_child', 'knows_facts'), note='Son of the buyer: gives the number and the shipping postcode; not the buyer.')
DM('ortega', 'diego1', IG, DS, 'diego_ortega_98', 'Si hace falta el correo de mi madre es pilar.ortega@example.es', 'es', 5, '22:12',
   cases=('parent_child', 'knows_facts'), note='Number + the buyer\'s e-mail, but he says himself he is not the buyer.')
M('ortega', 'pilar1', 'pilar.ortega@example.es', 'Pilar Ortega', 'Pedido 4021 para mi hijo',
  'Buenos días,\nmi hijo Diego os ha escrito por Instagram por el pedido 4021. Soy yo quien lo pagó. ¿Me podéis mandar a mí el seguimiento?\nPilar Ortega', 'es', 6, '09:05', th='pilar1', cases=('parent_child', 'owner_mail'))

# ---- Household: Markus and Julia Weber share address and phone ----
M('julia', 'julia1', 'julia.weber@example.de', 'Julia Weber', 'Backstahl und Teigschaber',
  'Hallo,\nzwei Fragen: Der Backstahl aus der Bestellung meines Mannes (4023) ist noch nicht da – wissen Sie, wo er steckt? Und meine eigene Bestellung 4049, die Silikonmatte, ist die schon unterwegs?\nJulia Weber',
  'de', 7, '12:00', th='julia1', cases=('household',), note='Same address and phone as her husband; 4023 is his (not_own), 4049 is hers.')
M('markus', 'markus1', 'markus.weber@example.de', 'Markus Weber', 'Bestellung 4023 Backstahl',
  'Hallo,\nmeine Frau hat schon geschrieben: Wo ist der Backstahl aus Bestellung 4023? Tel. 0221 1230813\nMarkus Weber', 'de', 7, '18:30', th='markus1', cases=('household', 'owner_mail'))
M('julia', 'julia1', 'julia.weber@example.de', 'Julia Weber', 'AW: Backstahl und Teigschaber',
  'Danke! Die Matte ist da.\nJulia', 'de', 9, '08:40', th='julia1', cases=('household',))

# ---- Partner: Francesca Ricci about Luca Bianchi's order ----
M('ricci', 'ricci1', 'francesca.ricci@example.it', 'Francesca Ricci', 'Ordine 4025',
  "Buongiorno,\nscrivo per conto del mio compagno, Luca Bianchi: ha fatto lui l'ordine 4025 con la sua mail luca.bianchi@example.it. Il pacco è già partito? Lui è in trasferta.\nFrancesca",
  'it', 8, '09:30', th='ricci1', cases=('partner', 'knows_facts'), note='Partner with number and the buyer\'s e-mail; says herself that he ordered.')
M('ricci', 'ricci1', 'francesca.ricci@example.it', 'Francesca Ricci', 'R: Ordine 4025',
  "Capisco, glielo dico. Il CAP comunque è 20154, se serve.\nFrancesca", 'it', 8, '11:15', th='ricci1', cases=('partner', 'knows_facts'))

# ---- Assistant for Dr Lefèvre ----
M('assist', 'lefevre-a', 'secretariat@cabinet-lefevre.example', 'Secrétariat Dr Lefèvre', 'Commande 4027 du Dr Lefèvre',
  "Bonjour,\nje suis l'assistante du Dr Henri Lefèvre. Il a passé la commande 4027 (adresse henri.lefevre@example.fr, code postal 33000) et me demande de suivre la livraison au cabinet. Pouvez-vous m'envoyer le lien de suivi ?\nMme Aubert, secrétariat",
  'fr', 9, '14:05', th='lefa', cases=('assistant', 'knows_facts'), note='Assistant with both facts; not the buyer.')

# ---- Neighbour of Stefan Roth ----
M('keller', 'keller1', 'i.keller@example.net', 'Ingrid Keller', 'Paket für Nachbarn',
  'Guten Tag,\nich habe für meinen Nachbarn Herrn Roth ein Paket angenommen, aber es ist nur die Hälfte da. Bestellnummer 4031, PLZ 79098. Kommt noch etwas?\nI. Keller', 'de', 10, '16:50', th='keller1',
  cases=('neighbour', 'knows_facts'), note='Neighbour who took the parcel: number and billing postcode, not the buyer.')
M('roth', 'roth1', 'stefan.roth@example.de', 'Stefan Roth', 'Bestellung 4031',
  'Hallo, meine Nachbarin hat sich wohl schon gemeldet. Ist bei 4031 noch ein zweites Paket unterwegs?\nStefan Roth', 'de', 11, '07:30', th='roth1', cases=('neighbour', 'owner_mail'))

# ---- Colleague on Messenger for Marta Gil ----
RP = '7203318845520091'
DM('perez', 'perez1', FB, RP, 'Raúl Pérez', 'Buenas, escribo por mi compañera de trabajo Marta Gil, el pedido 4033 (la caja de fermentación). Está de baja y me pidió que preguntara. Su correo es marta.gil@example.es', 'es', 9, '11:20',
   cases=('colleague', 'knows_facts'), note='Colleague: number + buyer\'s e-mail, not the buyer.')
DM('perez', 'perez1', FB, RP, 'Raúl Pérez', 'Vale, le digo que os escriba ella. Gracias', 'es', 9, '11:40', cases=('colleague',))

# ---- Friend on Instagram for Inès Garnier ----
FS = '6688120934471203'
DM('friend_fr', 'fr1', IG, FS, 'margot.levain', "Salut ! Ma copine Inès n'a pas Insta, elle m'a demandé de vous écrire : commande 4035, mail ines.garnier@example.fr, 59000. La cocotte arrive quand ?", 'fr', 10, '20:05',
   cases=('friend', 'knows_facts'), note='Friend relaying: both facts, says it is her friend\'s order.')
M('garnier', 'garnier1', 'ines.garnier@example.fr', 'Inès Garnier', 'Commande 4035',
  "Bonjour, c'est Inès, mon amie vous a écrit sur Instagram. La commande 4035 est-elle partie ?\nInès Garnier", 'fr', 11, '09:45', th='garnier1', cases=('friend', 'owner_mail'))

# ---- Strangers quoting others' numbers, guessers ----
M('doyle', 'doyle1', 'kdoyle77@example.net', 'Kevin Doyle', 'Order 4012',
  'Hi, can you tell me the delivery address and status for order 4012? Need it asap.\nKevin', 'en', 4, '23:10', th='doyle1', cases=('stranger',), note='Not the buyer of 4012 (Kate Morgan), no relation stated.')
M('doyle', 'doyle1', 'kdoyle77@example.net', 'Kevin Doyle', 'Re: Order 4012',
  "Why can't you just tell me? It's my order. The email on it is kate.morgan@example.com.\nK", 'en', 5, '07:02', th='doyle1', cases=('stranger', 'wrong_fact'), note='Claims ownership; the e-mail he gives is not the order\'s (kate.morgan@example.co.uk).')
GS = '5340091278861542'
DM('guess', 'guess1', IG, GS, None, 'hi is my order 4040 or 4041 or 4042? name is Paul, want to know which one shipped', 'en', 7, '02:14', cases=('stranger', 'guesser'), note='Guessing consecutive numbers.')
DM('guess', 'guess1', IG, GS, None, 'ok try 4038 then, postcode 44300', 'en', 7, '02:20', cases=('stranger', 'guesser', 'wrong_fact'),
   note='4038 is Julien Moreau\'s (Nantes, billing 44000); the guesser\'s postcode 44300 does not match.')
M('eng', 'eng1', 'claims@parcel-finders.example', 'Parcel Finders Ltd', 'Delivery compensation for order #4044 / #4050',
  'Dear Sir or Madam,\nwe act for several consumers regarding late deliveries, among them your orders #4044 and #4050. Please send the tracking data and invoices to this address.\nParcel Finders Ltd', 'en', 8, '09:00', th='eng1', cases=('stranger',))
DM('stranger_it', 'strit1', FB, '7719904412238874', 'Marco Pellegrini', "Ciao, ho visto una storia di una mia amica col vostro cestino, ordine 4067 mi pare. Me lo fate vedere il tracking? Voglio capire quanto ci mette ad arrivare", 'it', 13, '18:00',
   cases=('stranger',))
M('tellez', 'tellez1', 'r.tellez@example.org', 'Rocío Téllez', 'pedido 4058',
  '¿Me decís a qué nombre está el pedido 4058? Creo que es un paquete que dejaron en mi portal.\nRocío', 'es', 12, '13:33', th='tellez1', cases=('stranger', 'neighbour'))

# ---- Typed key claims: an e-mail or phone in the body ----
M('nobody', 'nob1', 'baking.fan.2026@example.com', None, 'wrong address on my order',
  'hello my real email is hannah.schmid@example.de and my phone +49 89 123025, please change the delivery address of my order 4069 to Hauptstr. 5, 80331 München', 'en', 15, '03:40', th='nob1',
  cases=('stranger', 'typed_key'), note='Typed e-mail and phone of another customer: claims, never identity; asks to redirect her parcel.')
M('schmid', 'schmid2b', 'hannah.schmid@example.de', 'Hannah Schmid', 'Bestellung 4069 - Adresse NICHT ändern',
  'Hallo, ich habe eine seltsame Mail bekommen, jemand wollte meine Adresse ändern? Bitte Bestellung 4069 wie bestellt an die Türkenstraße liefern!\nHannah Schmid', 'de', 15, '12:10', th='schmid2b', cases=('owner_mail', 'typed_key'))

# ---- Mistyped numbers ----
VC = 'valentina.conti@example.it'
M('conti', 'conti1', VC, 'Valentina Conti', 'Ordine 4034',
  "Buongiorno, la cassetta di lievitazione dell'ordine 4034 non è ancora arrivata.\nValentina Conti", 'it', 9, '08:20', th='conti1', cases=('mistyped',), note='4034 is Ana Delgado\'s order: a typo for 4043.')
M('conti', 'conti1', VC, 'Valentina Conti', 'R: Ordine 4034',
  "Scusate, ho sbagliato: è il 4043! Il numero corretto è 4043.\nValentina", 'it', 9, '08:34', th='conti1', cases=('mistyped', 'owner_mail'))
RE_ = 'ruth.evans@example.co.uk'
M('evans', 'evans1', RE_, 'Ruth Evans', 'Order #40062',
  'Hi, my silicone mat from order #40062 still shows "label created". Any idea when it ships?\nRuth', 'en', 10, '12:44', th='evans1', cases=('mistyped',), note='#40062 is not an order (extra digit).')
M('evans', 'evans1', RE_, 'Ruth Evans', 'Re: Order #40062', 'Oops, that should be #4062 of course.\nRuth', 'en', 10, '13:01', th='evans1', cases=('mistyped', 'owner_mail'))
M('evans', 'evans1', RE_, 'Ruth Evans', 'Re: Order #40062', 'Arrived, thanks!\nRuth', 'en', 13, '10:10', th='evans1', cases=('owner_mail',))
M('lombardi', 'lomb1', 'giulio.lombardi@example.it', 'Giulio Lombardi', 'ordine 4096',
  "Buongiorno, il raschietto dell'ordine 4096 è arrivato piegato.\nGiulio", 'it', 11, '10:00', th='lomb1', cases=('mistyped',), note='No order 4096; his order is 4060.')
M('lombardi', 'lomb1', 'giulio.lombardi@example.it', 'Giulio Lombardi', 'R: ordine 4096', "Avete ragione, è il 4060, scusate.\nGiulio", 'it', 11, '15:30', th='lomb1', cases=('mistyped', 'owner_mail'))

# ---- Non-orders ----
UM = 'urs.meier@example.ch'
M('meier', 'meier1', UM, 'Urs Meier', 'Lieferung nach Basel, Bestellung 4037',
  'Grüezi,\nwird Bestellung 4037 verzollt geliefert? Meine Adresse: Güterstrasse 120, 4053 Basel. Ich bin tagsüber im Büro, Tel. 061 123 11 21.\nFreundliche Grüsse\nUrs Meier', 'de', 5, '08:00', th='meier1', cases=('owner_mail', 'non_order'),
  note='4053 is his Basel postcode, not the reseller\'s order #4053.')
M('meier', 'meier1', UM, 'Urs Meier', 'AW: Lieferung nach Basel, Bestellung 4037', 'Merci, dann warte ich auf den Zoll.\nUrs Meier', 'de', 6, '07:45', th='meier1', cases=('owner_mail',))
M('lumiere', 'lum2', 'achats@cafe-lumiere.example', 'Café Lumière', 'Devis caissettes papier',
  "Bonjour,\nnous aurions besoin de 4000 caissettes papier pour décembre. Quel serait votre prix ? Notre facture n° 4061 du mois dernier chez un autre fournisseur était à 0,02 € pièce.\nCafé Lumière - achats", 'fr', 6, '10:20', th='lum2',
  cases=('non_order', 'presale'), note='4000 is a quantity, 4061 an invoice of another supplier (it is also Aurélie Petit\'s order number).')
M('hughes', 'hughes1', 'megan.hughes@example.co.uk', 'Megan Hughes', 'Delivery to Unit #4066',
  "Hello,\nplease could you tell the courier my flat is Unit #4066 on the fourth floor of Quartermile - they keep leaving cards. It's for order #4044.\nMegan", 'en', 7, '09:33', th='hughes1',
  cases=('non_order', 'owner_mail'), note='Unit #4066 is a flat, not order #4066.')
M('fischer', 'fischer2', 'daniel.fischer@example.de', 'Daniel Fischer', 'Rückruf bitte',
  'Hallo, bitte rufen Sie mich in der Firma an, Durchwahl 4021. Es geht um die Rücksendung der Waage.\nDaniel Fischer', 'de', 14, '11:11', th='fischer2', cases=('non_order', 'new_matter'), note='4021 is a phone extension.')
M('pohl', 'pohlm1', 'sven.pohl@example.de', 'Sven Pohl', 'Sendung endet auf 4038?',
  'Moin, ich habe eine Versandmail bekommen, die Sendungsnummer endet auf 4038, aber ich habe bei Ihnen gar nichts bestellt außer über eBay. Ist das meins?\nSven', 'de', 13, '19:19', th='pohlm1',
  cases=('non_order',), note='Tail of a tracking number. Sven is also the eBay buyer brotliebe_kiel (same person, no key shared).')

# ---- Owners from a new address, with their facts ----
KS = 'k.schulz@nordlicht-logistik.example'
M('schulz', 'schulz1', KS, 'Katrin Schulz', 'Bestellung 4057',
  'Hallo, ich schreibe aus dem Büro: Wann kommt meine Bestellung 4057? Ich bin nur abends zuhause.\nKatrin Schulz', 'de', 8, '10:05', th='schulz1', cases=('new_address',), note='Owner, but from a work address not on the order, number only.')
M('schulz', 'schulz1', KS, 'Katrin Schulz', 'AW: Bestellung 4057',
  'Klar: Rechnungsadresse Lister Meile 44, 30161 Hannover. Also, wann kommt 4057?\nKatrin', 'de', 8, '11:30', th='schulz1', cases=('new_address', 'facts_mail'), note='Billing postcode completes the facts in this thread.')
M('petit', 'petit1', 'aurelie.p@example.net', 'Aurélie Petit', 'Commande 4061',
  "Bonjour, j'écris depuis ma nouvelle adresse. Commande 4061 passée avec aurelie.petit@example.fr : la cocotte est-elle partie ?\nAurélie Petit", 'fr', 9, '19:00', th='petit1', cases=('new_address', 'facts_mail'))

# ---- Company purchasing address and a barista ----
M('lumiere', 'lum1', 'achats@cafe-lumiere.example', 'Café Lumière', 'Commande 4059',
  'Bonjour,\nla commande 4059 pour le café est-elle expédiée ? Merci de livrer avant 11h.\nCafé Lumière - achats', 'fr', 4, '08:50', th='lum1', cases=('company_buyer',))
M('barista', 'bar1', 'noe.vasseur@gmail.com', 'Noé Vasseur', 'Livraison café Lumière',
  "Salut, je suis barista au Café Lumière. Le livreur est passé avec la commande 4059 mais il manque la farine. C'est mon patron qui commande. Vous pouvez me dire ce qui était prévu ?\nNoé", 'fr', 5, '12:30', th='bar1',
  cases=('company_buyer', 'colleague'), note='Employee of the buying company, not the purchasing address.')

# ---- BCC announcement: each reply is its own conversation ----
BCC = '20261125090000.holiday-cutoff@mail.crumbandcrust.example'
M('grant', 'grant2', OG, 'Oliver Grant', 'Re: Christmas delivery cut-off dates', 'Thanks for the heads-up. Do you also ship to Northern Ireland before Christmas?\nOliver', 'en', 6, '11:00', th='bcc-grant', parent=BCC, cases=('bcc_reply', 'new_matter'))
M('costa', 'costa1', 'nadia.costa@example.it', 'Nadia Costa', 'R: Christmas delivery cut-off dates', "Grazie. Il mio ordine 4039 arriverà prima di Natale? Non è ancora partito.\nNadia", 'it', 6, '11:20', th='bcc-costa', parent=BCC, cases=('bcc_reply', 'owner_mail'))
M('hoffmann', 'hoff3', L, 'Lena Hoffmann', 'AW: Christmas delivery cut-off dates', 'Gilt der 18.12. auch für Deutschland?\nLena', 'de', 6, '12:02', th='bcc-hoff', parent=BCC, cases=('bcc_reply', 'new_matter'))
M('moreau', 'moreau1', 'julien.moreau@example.fr', 'Julien Moreau', 'RE: Christmas delivery cut-off dates', "Bonjour, et la commande 4038, elle arrivera à temps ? C'est un cadeau.\nJulien", 'fr', 6, '14:45', th='bcc-moreau', parent=BCC, cases=('bcc_reply', 'owner_mail'))
M('costa', 'costa1', 'nadia.costa@example.it', 'Nadia Costa', 'R: Christmas delivery cut-off dates', "Perfetto, grazie per il tracking.\nNadia", 'it', 7, '09:15', th='bcc-costa', cases=('bcc_reply', 'owner_mail'))
M('sanz', 'sanz1', 'andres.sanz@example.es', 'Andrés Sanz', 'RE: Christmas delivery cut-off dates', '¿Y a Canarias llegáis antes del 24? Tengo el pedido 4040.\nAndrés', 'es', 7, '10:00', th='bcc-sanz', parent=BCC, cases=('bcc_reply', 'owner_mail'))

# ---- Newsletter replies ----
NL = 'nl-2026-48.3f9a2c@news.crumbandcrust.example'
M('blanc', 'blanc1', 'hugo.blanc@example.fr', 'Hugo Blanc', 'RE: Nouveautés de décembre : la couche en lin XXL', 'Bonjour, la couche XXL fait quelle largeur exactement ?\nHugo', 'fr', 8, '20:00', th='nl-blanc', parent=NL, cases=('newsletter_reply', 'presale'))
M('moretti', 'moretti1', 'elena.moretti@example.it', 'Elena Moretti', 'R: Nouveautés de décembre : la couche en lin XXL', "Buonasera, spedite anche in Svizzera? Abito a Lugano.\nElena", 'it', 8, '21:30', th='nl-moretti', parent=NL, cases=('newsletter_reply', 'presale'))
M('lopez', 'lopez1', 'beatriz.lopez@example.es', 'Beatriz López', 'RE: Nouveautés de décembre : la couche en lin XXL', 'Hola, aprovecho: mi pedido 4045 todavía no se ha enviado, ¿va todo bien?\nBeatriz', 'es', 9, '07:10', th='nl-lopez', parent=NL, cases=('newsletter_reply', 'owner_mail'))
M('lopez', 'lopez1', 'beatriz.lopez@example.es', 'Beatriz López', 'RE: Nouveautés de décembre : la couche en lin XXL', 'Gracias, espero entonces.\nBeatriz', 'es', 10, '08:00', th='nl-lopez', cases=('newsletter_reply', 'owner_mail'))
M('blanc', 'blanc1', 'hugo.blanc@example.fr', 'Hugo Blanc', 'RE: Nouveautés de décembre : la couche en lin XXL', "Merci, je passe commande ce soir.\nHugo", 'fr', 9, '12:00', th='nl-blanc', cases=('newsletter_reply', 'presale'))

# ---- Amazon buyers ----
A1 = '302-4417265-1183920'
AMZ('amz_hannah', 'amz1', 'q7m2kx0vb4tr9ne', 'Hannah', A1, f'Lieferanfrage von Amazon-Kunde Hannah (Bestellung: {A1})',
    'Hallo, der Gärkorb ist seit einer Woche unterwegs. Können Sie nachsehen, wo er ist?', 'de', 3, '15:00', cases=('amazon',))
AMZ('amz_hannah', 'amz1', 'q7m2kx0vb4tr9ne', 'Hannah', A1, f'Lieferanfrage von Amazon-Kunde Hannah (Bestellung: {A1})',
    'Danke, ist angekommen.', 'de', 6, '17:40', cases=('amazon',))
A2 = '171-8820417-6650328'
AMZ('amz_pierre', 'amz2', 'h3vd8wq1ma6zk2p', 'Pierre', A2, f'Demande de renseignements de la part du client Amazon Pierre (Commande : {A2})',
    "Bonjour, la lame est arrivée sans les lames de rechange. Merci de m'envoyer les 5 lames.", 'fr', 7, '08:10', cases=('amazon',), tld='fr')
A3 = '408-1197735-2046611'
AMZ('neri', 'neri1', 'x5ct9mr2kq7wh1d', 'Chiara', A3, f'Richiesta da parte del cliente Amazon Chiara (Ordine: {A3})',
    'Buongiorno, la lama per il pane è arrivata senza manico. Vi ho scritto anche su Instagram e per mail.', 'it', 8, '09:00', cases=('amazon', 'promise'), tld='it')
DM('neri', 'neri1', IG, '6402218873319904', 'chiara.neri.cucina', "Ciao! Ho comprato da voi su Amazon la lama per il pane, ordine 408-1197735-2046611, è arrivata senza manico. Come faccio?", 'it', 8, '09:20',
   cases=('promise', 'dm_and_mail'), note='The Amazon buyer on Instagram: the Amazon order can only be shown through its relay thread.')
M('neri', 'neri1', 'chiara.neri@example.it', 'Chiara Neri', 'Lama senza manico - Amazon 408-1197735-2046611',
  "Buongiorno,\nvi scrivo anche qui (e su Amazon e Instagram): la lama dell'ordine Amazon 408-1197735-2046611 è senza manico. Ho anche un ordine sul vostro sito, il 4068, arrivato benissimo.\nChiara Neri", 'it', 8, '10:05', th='neri1',
  cases=('promise', 'dm_and_mail', 'owner_mail'), note='Her own address is the buyer of #4068; the Amazon order is not verified by mail.')
AMZ('neri', 'neri1', 'x5ct9mr2kq7wh1d', 'Chiara', A3, f'Richiesta da parte del cliente Amazon Chiara (Ordine: {A3})',
    'Grazie, aspetto il manico di ricambio.', 'it', 9, '18:00', cases=('amazon', 'promise'), tld='it')
AMZ('amz_alvaro', 'amz4', 'b9nq4ts7yw2lc0e', 'Álvaro', '405-3318802-7741920', 'Consulta sobre la entrega del cliente de Amazon Álvaro (Pedido: 405-3318802-7741920)',
    'Hola, ¿el pedido 405-3318802-7741920 incluye el libro de recetas? Además mi hermano pidió en vuestra web el 4018, ¿sale junto?', 'es', 10, '12:12', cases=('amazon', 'relative'),
    note='Amazon buyer, brother of Javier Romero, asks about his brother\'s shop order 4018.', tld='es')

# ---- eBay buyers ----
EB('pohl', 'ebay1', 'brotliebe_kiel', '1420077734', 'Gärkörbe 23-11847-60215', 'Hallo, die zwei Gärkörbe aus 23-11847-60215 sind angekommen, aber einer hat einen Riss. Was nun?', 'de', 9, '20:20', cases=('ebay',))
EB('leclerc', 'ebay2', 'le_fournil_31', '1420078851', 'Pierre à pizza 11-20945-77381', "Bonjour, l'acier de cuisson de 11-20945-77381 est-il expédié ?", 'fr', 10, '09:30', cases=('ebay',),
   note='eBay buyer "le_fournil_31" (Paul Leclerc of Toulouse, who also has shop order 4028): same person, no shared key.')
EB('ebay_str', 'ebay3', 'casa_del_pane_it', '1420079906', 'Ordine 15-33017-48862', "Salve, il mio amico ha comprato 15-33017-48862, mi dite quando arriva? Lo ritiro io.", 'it', 11, '14:00', cases=('ebay', 'friend'),
   note='Another eBay user asking about panificio.gatto\'s order.')
EB('serra', 'ebay4', 'masa_madre_bcn', '1420080114', 'Varillas danesas', 'Hola, ¿ya habéis enviado las varillas del pedido 27-40918-11634?', 'es', 12, '10:45', cases=('ebay',))

# ---- more relatives, partners, friends written in many ways ----
M('kuhn_p', 'kuhnp1', 'mia.lorenz@example.de', 'Mia Lorenz', 'Dutch Oven für Tobias',
  'Hi, mein Freund Tobias Kuhn hat bei euch den Bräter bestellt (Bestellung 4041). Er ist gerade im Ausland – könnt ihr mir sagen, ob er schon zugestellt wurde? PLZ ist 10961.\nMia', 'de', 14, '09:30', th='kuhnp1',
  cases=('partner', 'knows_facts'), note='Girlfriend of the buyer, with number and his billing postcode.')
DM('serra_sis', 'serrasis1', IG, '5177203948816620', 'nuria.serra', 'Hola! Mi hermano Pau pidió la cesta, pedido 4058, correo pau.serra@example.es. Me llegará a mí? Es un regalo sorpresa para mí jaja', 'es', 13, '21:00',
   cases=('relative', 'knows_facts', 'gift'), note='Sister of the buyer: both facts, not the buyer.')
M('hughes_dad', 'hdad1', 'gareth.hughes@example.co.uk', 'Gareth Hughes', "My daughter's order",
  "Hello,\nmy daughter Megan ordered a whisk from you (#4044) and asked me to chase it as she's on shifts. Her email is megan.hughes@example.co.uk and the postcode EH2 3NS.\nGareth Hughes", 'en', 12, '08:30', th='hdad1',
  cases=('parent_child', 'knows_facts'), note='Father of the buyer.')
DM('russo_m', 'russom1', FB, '7310048825169932', 'Anna Russo', "Buongiorno, sono la mamma di Federica Russo, lei ha fatto l'ordine 4042 con la mail federica.russo@example.it. È arrivato? Lei non usa Facebook", 'it', 12, '10:10',
   cases=('parent_child', 'knows_facts'), note='Mother of the buyer.')
M('dubois_w', 'duboisw1', 'lea.dubois@example.fr', 'Léa Dubois', 'Commande de mon mari',
  "Bonjour, je suis l'épouse de Thomas Dubois. Pour sa commande 4008 (la boîte de pousse), on ne sera pas là jeudi : pouvez-vous décaler la livraison ? Son mail : thomas.dubois@example.fr, CP 67000.\nLéa", 'fr', 10, '07:50', th='duboisw1',
  cases=('household', 'partner', 'knows_facts'), note='Wife of the buyer, same household address, her own e-mail.')
M('marino_c', 'marc1', 'f.deluca@studio-deluca.example', 'Francesco De Luca', 'Ordine 4032 - collega',
  "Buongiorno, sono un collega di Roberto Marino, mi ha chiesto di verificare l'ordine 4032, CAP 70121. Ci dite se è partito?\nFrancesco De Luca", 'it', 9, '12:40', th='marc1',
  cases=('colleague', 'knows_facts'))
DM('iglesias_n', 'ign1', IG, '6011932287740015', 'pepa.vecina', 'Hola, soy vecina de Carmen Iglesias, me dejaron su paquete del pedido 4020 pero viene abierto. Se lo digo a ella o lo reclamo yo? CP 15705', 'es', 9, '13:15',
   cases=('neighbour', 'knows_facts'))
M('whit_as', 'whitas1', 'pa.whitfield@whitfield-partners.example', 'Office of James Whitfield', 'Order 4022 for Mr Whitfield',
  "Good afternoon,\nI handle Mr Whitfield's diary and deliveries. Could you confirm the delivery date for order 4022? He ordered with james.whitfield@example.co.uk.\nRegards,\nSusan Hale, PA to James Whitfield", 'en', 6, '14:00', th='whitas1',
  cases=('assistant', 'knows_facts'))
M('greco_f', 'grecof1', 'marta.greco@example.it', 'Marta Greco', 'Ordine di mio fratello',
  "Ciao, mio fratello Alessandro ha fatto l'ordine 4010 e lo ha fatto spedire a casa sua, ma è in vacanza. Potete tenerlo in deposito? La sua mail è alessandro.greco@example.it.\nMarta", 'it', 5, '18:20', th='grecof1',
  cases=('relative', 'knows_facts'))
DM('braun_f', 'braunf1', FB, '7402281190346617', 'Lukas Heim', 'Servus, ich frag für meinen Kumpel Moritz: Bestellung 4066, seine Mail ist moritz.braun@example.de. Ist das Ding schon raus?', 'de', 13, '22:40',
   cases=('friend', 'knows_facts'))
M('masson_c', 'massonc1', 'chloe.girard@example.fr', 'Chloé Girard', 'Commande Élodie Masson',
  "Bonjour, ma colocataire Élodie Masson a commandé (n° 4054), c'est moi qui réceptionne les colis, même adresse, 35000 Rennes. Le colis est-il parti ?\nChloé", 'fr', 11, '16:00', th='massonc1',
  cases=('household', 'knows_facts'), note='Flatmate sharing the address.')
M('vidal_h', 'vidalh1', 'jordi.vidal@example.es', 'Jordi Vidal', 'Pedido de Clara',
  'Hola, soy el marido de Clara Vidal. Hizo el pedido 4064 con su correo clara.vidal@example.es. ¿Podéis enviarme el seguimiento a mí?\nJordi', 'es', 13, '09:00', th='vidalh1',
  cases=('household', 'partner', 'knows_facts'))

# ---- owner on Instagram with number + e-mail, and owner DMs with number only ----
DM('wagner', 'wagner1', IG, '5730018842297764', 'felix.backt', 'Hi! Ich hab euch auch gemailt wegen 4004. Mail: felix.wagner@example.de', 'de', 4, '20:00',
   cases=('dm_and_mail', 'dm_facts_one'), note='Same conversation as his mails about 4004.')
DM('okafor', 'okafor1', IG, '6230019921187745', 'graceokafor.bakes', 'hey, any update on 4024? I emailed too', 'en', 5, '13:00',
   cases=('dm_and_mail', 'dm_number_only'), note='Owner, but this DM thread shows only the number.')
DM('iglesias', 'iglesias1', FB, '7188832015574403', 'Carmen Iglesias', 'Hola, soy Carmen. Pedido 4020, código postal 15705. ¿Hay novedades?', 'es', 7, '16:30',
   cases=('dm_and_mail', 'dm_facts_one'), note='Her neighbour also wrote about 4020; this is the buyer herself.')
DM('colombo', 'colombo1', IG, '5912274400183326', 'martina.colombo', "Ciao, ordine 4014, CAP 10121, ho scritto anche via mail", 'it', 6, '11:50', cases=('dm_and_mail', 'dm_facts_one'))

# ---- more: non-Gmail address variant, IG owners, same name, lost headers, presale ----
M('russo', 'russo2', 'federicarusso@example.it', 'Federica Russo', 'Reso ordine 4042',
  "Buongiorno, vorrei rendere il cestino dell'ordine 4042, è troppo piccolo.\nFederica Russo", 'it', 15, '10:00', th='russo2', cases=('new_address', 'no_gmail_norm', 'new_matter'),
  note='Not a Gmail address: federicarusso@ is not federica.russo@; number only so far.')
M('russo', 'russo2', 'federicarusso@example.it', 'Federica Russo', 'R: Reso ordine 4042',
  "Certo: il CAP di fatturazione è 90133. Scrivo da questo indirizzo perché l'altro non lo uso più. Per il reso del 4042 come faccio?\nFederica", 'it', 15, '14:30', th='russo2', cases=('new_address', 'facts_mail'))
AW = '6119044372281935'
DM('walsh', 'walsh2', IG, AW, 'aoife.sourdough', 'Hi! Quick one about my order 4065, has it shipped?', 'en', 16, '09:10', cases=('dm_facts_spread', 'dm_and_mail'))
DM('walsh', 'walsh2', IG, AW, 'aoife.sourdough', 'Eircode is T12 K8AF if you need it', 'en', 16, '09:14', cases=('dm_facts_spread', 'dm_and_mail'), note='Billing postcode (Eircode) completes the facts.')
DM('walsh', 'walsh2', IG, AW, 'aoife.sourdough', 'Brilliant, so 4065 goes out Monday. Thanks!', 'en', 16, '10:02', cases=('dm_facts_spread', 'dm_and_mail'))
DM('ferri', 'ferri1', FB, '7560021184493307', 'Simone Ferri', "Salve, ordine 4056 fatto con simone.ferri@example.it, vi ho scritto anche via mail. Novità?", 'it', 12, '08:00', cases=('dm_facts_one', 'dm_and_mail'))
M('carter_art', 'carterart1', 'emily.carter.art@example.org', 'Emily Carter', 'Wholesale enquiry',
  'Hello,\nI run a small pottery studio in Brighton and would like to stock your linen couches. Do you offer trade prices?\nEmily Carter', 'en', 9, '15:00', th='carterart1', cases=('same_name', 'presale'),
  note='Same name as the Bristol buyer of 4019, different person.')
M('hayes', 'hayes1', 'william.hayes@example.co.uk', 'William Hayes', 'order 4050 again',
  "Hi, I've lost your last email so starting a new one - the replacement for 4050 hasn't come yet either.\nWill", 'en', 12, '19:30', th='hayes-lost', cases=('owner_mail', 'lost_headers'))
owner('pohl', 'pohl1', 4055, 'de', 2, 14)
owner('serra', 'serra1', 4058, 'es', 2, 14)
owner('faure', 'faure1', 4051, 'fr', 3, 11)
M('pres1', 'pres1', 'tom.ashby@example.com', 'Tom Ashby', 'Dutch oven sizes', 'Hi, is the 5 l Dutch oven big enough for a 1 kg loaf? Thanks, Tom', 'en', 3, '21:00', th='pres1', cases=('presale',))
M('pres2', 'pres2', 'irene.campos@example.es', 'Irene Campos', 'Masa madre', 'Hola, ¿la masa madre de centeno deshidratada sirve para trigo también?\nIrene', 'es', 11, '18:40', th='pres2', cases=('presale',))

records = RECS
T = truth()
with open('records.ndjson', 'w') as f:
    for r in RECS:
        f.write(json.dumps(r['rec'], ensure_ascii=False, separators=(',', ':')) + '\n')
with open('truth.ndjson', 'w') as f:
    for t in T:
        f.write(json.dumps(t, ensure_ascii=False, separators=(',', ':')) + '\n')
json.dump(build(), open('orders.json', 'w'), ensure_ascii=False, indent=1)
json.dump(build_ebay(), open('ebay-orders.json', 'w'), ensure_ascii=False, indent=1)
print(len(RECS))
