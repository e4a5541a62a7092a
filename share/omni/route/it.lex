# Italiano.  See en.lex for the format.
lang it
stop il lo la i gli le un una uno di del della dello dei delle degli da dal dalla
stop in nel nella con su per tra fra che non è e ed ma mi ho ha hanno sono sia
stop mio mia miei mie ancora ciao grazie buongiorno buonasera salve come quando
stop dove perché perche questo questa quello ne ci si già anche più molto sempre
stop vorrei potete posso avete siete sto stato stata fatto ordinato ricevuto
stop cordiali saluti gentili distinti buona giornata settimana giorni oggi ieri
stop qualcuno nessuno niente cosa tutto tutti allora però pero oppure quindi
stop ok mille aiuto subito prego scusate scusa arrivato arrivata
char 0.5 è à
char 1.5 ò ì ù

wismo 5 dov è il mio ordine
wismo 5 dove è il mio ordine
wismo 5 dove il mio ordine
wismo 4 dov è il mio pacco
wismo 5 dove si trova il mio ordine
wismo 4 dove si trova il mio pacco
wismo 4 dove si trova
wismo 3 dov è
wismo 4 non è ancora arrivato
wismo 4 non e ancora arrivato
wismo 4 non è arrivato
wismo 4 non è ancora arrivata
wismo 4 non ancora arrivato
wismo 4 non mi è arrivato
wismo 4 non ho ancora ricevuto
wismo 4 ancora non ho ricevuto
wismo 3 non ho ricevuto
wismo 3 ancora non è arrivato
wismo 3 ancora niente
wismo 3 tracciamento
wismo 3 traccia*
wismo 2 tracking
wismo 2 spedizion*
wismo 2 spedito
wismo 2 spedita
wismo 2 consegn*
wismo 3 quando arriva
wismo 3 quando arriverà
wismo 3 quando arrivera
wismo 3 quando lo ricevo
wismo 3 quando riceverò
wismo 2 pacco
wismo 2 aggiornament*
wismo 2 in transito
wismo 3 stato dell ordine
wismo 3 stato del mio ordine
wismo 1 corriere
wismo 2 sto ancora aspettando
wismo 2 aspetto ancora
wismo 2 fermo
wismo 2 bloccato

return 4 reso
return 4 restitui*
return 4 restituzione
return 3 rimandare
return 3 rimandarlo
return 3 rispedire
return 3 rispedirlo
return 3 mandare indietro
return 2 etichetta
return 2 non mi sta
return 2 non mi va
return 2 troppo piccol*
return 2 troppo grand*
return 2 troppo stretto
return 3 recesso
return 2 non mi piace

refund 5 rimbors*
refund 4 soldi indietro
refund 4 i miei soldi
refund 3 addebitato due volte
refund 2 addebit*
refund 3 riaccredit*
refund 2 pagato due volte

exchange 3 cambio
exchange 3 cambiare
exchange 3 cambiarlo
exchange 3 cambiarla
exchange 3 sostituire con
exchange 3 taglia diversa
exchange 3 altra taglia
exchange 3 taglia più grande
exchange 3 taglia più piccola
exchange 3 un altro colore
exchange 2 sostituzione
exchange 2 invece

cancel 5 annull*
cancel 4 cancellare l ordine
cancel 4 cancellare il mio ordine
cancel 3 cancell*
cancel 3 disdire
cancel 2 non lo voglio più
cancel 2 non lo voglio piu
cancel 2 ho cambiato idea
cancel 2 per errore
cancel 2 bloccare l ordine

address_change 6 cambiare l indirizzo
address_change 6 cambiare indirizzo
address_change 6 modificare l indirizzo
address_change 6 cambio indirizzo
address_change 6 cambio di indirizzo
address_change 4 indirizzo sbagliato
address_change 4 indirizzo errato
address_change 4 nuovo indirizzo
address_change 3 indirizzo di spedizione
address_change 3 indirizzo di consegna
address_change 2 indirizzo
address_change 2 trasferit*
address_change 2 spedire a
address_change 2 consegnare a

damaged 4 danneggiat*
damaged 4 rotto
damaged 4 rotta
damaged 4 rotti
damaged 4 rotte
damaged 3 difettos*
damaged 3 difetto
damaged 3 non funziona
damaged 3 non funzionante
damaged 3 smesso di funzionare
damaged 2 graffiat*
damaged 3 ammaccat*
damaged 3 si è rotto
damaged 3 strappat*
damaged 3 crepat*
damaged 3 crepa
damaged 3 incrinat*
damaged 3 guast*
damaged 2 pezzi mancanti
damaged 2 manca un pezzo
damaged 2 rovinat*
damaged 2 macchiat*
damaged 2 scucit*
damaged 2 schiacciat*

presale 3 disponibil*
presale 3 è disponibile
presale 4 prima di acquistare
presale 4 prima di comprare
presale 4 prima di ordinare
presale 3 vorrei acquistare
presale 3 vorrei comprare
presale 3 vorrei ordinare
presale 3 sto pensando di
presale 4 spedite in
presale 3 spedite a
presale 3 spedite all estero
presale 4 tornerà disponibile
presale 3 quanto costa
presale 2 costo di spedizione
presale 2 sconto
presale 3 codice sconto
presale 2 che taglia
presale 3 guida alle taglie
presale 2 compatibil*
presale 2 informazion*
presale 1 avete
presale 2 materiale
presale 2 in magazzino
presale 2 è adatto
presale 2 va bene per

claim 6 a to z
claim 5 dalla a alla z
claim 3 reclamo
claim 4 contestazione
claim 4 storno
claim 5 chargeback
claim 4 controversia
claim 4 aperto un caso
claim 4 aprire un caso
claim 4 aprirò un caso
claim 4 aprire una controversia
claim 2 segnalazione
claim 2 banca
claim 3 avvocato
claim 2 denuncia
claim 3 aperto una richiesta di rimborso

feedback 3 complimenti
feedback 3 recensione
feedback 3 feedback
feedback 3 suggeriment*
feedback 3 volevo solo dire
feedback 3 volevo dirvi
feedback 2 consiglierò
feedback 2 consiglio a tutti
feedback 2 bellissim*
feedback 2 soddisfatt*
feedback 2 ottimo servizio
feedback 2 ottima qualità
feedback 2 bravi
feedback 2 cinque stelle
feedback 2 sarebbe bello

negative 2 pessim*
negative 3 vergogn*
negative 3 inaccettabile
negative 2 deluso
negative 2 delusa
negative 2 delusione
negative 3 arrabbiat*
negative 3 schifo
negative 3 truffa
negative 2 ridicolo
negative 2 assurdo
negative 2 mai più
negative 3 incompetent*
negative 3 scandalos*
negative 2 nessuna risposta
negative 2 nessuno risponde
negative 2 stufo
negative 2 stufa
negative 2 terribile
negative 1 ancora
negative 2 inutile
negative 2 denuncia

positive 0.5 grazie
positive 1.5 grazie mille
positive 2 bellissim*
positive 2 perfett*
positive 2 ottim*
positive 2 contento
positive 2 contenta
positive 2 soddisfatt*
positive 2 gentilissim*
positive 2 fantastic*
positive 2 adoro
positive 2 stupend*
positive 1.5 veloc*
positive 1.5 bravi
presale 3 vorrei prendere
presale 2 veste
presale 2 vestono
stop aggiungete mezze taglia taglie cercate personale qualcosa
other 3 numero di telefono
other 3 fattura
other 2 personale
stop al allo alla ai agli alle col dopo prima poi solo ogni qualche
stop era erano stati fare fatto detto dire sapere volevo potrei dovrei
stop vostro vostra vostri suo sua loro nostro nostra
stop anche ancora adesso oggi domani sempre mai qui qua là gia
stop articolo prodotto ordine acquisto scusate aiutatemi grazie

# chiedere una persona invece del bot
person 3 persona reale
person 3 persona vera
person 3 una persona
person 3 un operatore
person 3 operatrice
person 3 un umano
person 3 essere umano
person 3 parlare con qualcuno
person 3 non un bot
