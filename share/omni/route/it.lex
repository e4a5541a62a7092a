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
stop aggiungete mezze taglia taglie cercate personale qualcosa
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
