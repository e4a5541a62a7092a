# Deutsch.  See en.lex for the format.
lang de
stop der die das den dem des ein eine einen einem und ist ich mein meine meinen
stop meiner nicht noch mit für auf zu von bei wie wo wann was sie wir es hallo
stop danke guten tag bitte habe hat schon aber sehr auch bis nach über kann
stop können ihr ihre ihnen mir mich uns sind war wurde werden wird leider
stop heute gestern woche tage tagen gruß grüße freundlichen viele vielen
stop hab gibt gib keine kein nichts immer warum weil dass oder nur jetzt
stop bestellt erhalten angekommen moin servus liebe lieber hi
char 2 ä ß
char 1.5 ö ü

wismo 5 wo ist meine bestellung
wismo 4 wo ist mein paket
wismo 4 wo befindet sich meine bestellung
wismo 4 wo befindet sich mein paket
wismo 4 wo befindet sich
wismo 3 wo ist
wismo 4 wo bleibt
wismo 4 noch nicht angekommen
wismo 4 nicht angekommen
wismo 4 noch nicht erhalten
wismo 3 nicht erhalten
wismo 4 noch nicht da
wismo 3 noch immer nicht
wismo 2 immer noch nicht
wismo 3 sendungsverfolgung
wismo 3 sendungsnummer
wismo 3 trackingnummer
wismo 2 tracking
wismo 2 paket
wismo 2 lieferung
wismo 2 versand*
wismo 2 verschickt
wismo 3 wann kommt
wismo 2 wann wird
wismo 3 wann bekomme ich
wismo 3 status meiner bestellung
wismo 1 zugestellt
wismo 2 unterwegs
wismo 2 warte immer noch
wismo 2 warte seit
wismo 2 lieferzeit

return 4 rücksend*
return 4 zurücksenden
return 4 zurückschicken
return 4 zurückgeben
return 4 retour*
return 4 rückgabe
return 3 widerruf
return 2 passt nicht
return 2 zu klein
return 2 zu groß
return 2 gefällt mir nicht
return 3 zurück schicken

refund 5 rückerstattung
refund 5 erstatt*
refund 4 geld zurück
refund 3 mein geld
refund 3 doppelt abgebucht
refund 2 abgebucht
refund 2 gutschrift
refund 2 zweimal belastet

exchange 4 umtausch*
exchange 3 tauschen
exchange 3 austausch*
exchange 3 andere größe
exchange 3 eine nummer größer
exchange 3 eine nummer kleiner
exchange 3 andere farbe
exchange 3 ersetzen durch
exchange 2 stattdessen

cancel 5 storn*
cancel 4 annullieren
cancel 2 abbrechen
cancel 2 nicht mehr haben
cancel 2 anders überlegt
cancel 2 aus versehen

address_change 6 adresse ändern
address_change 6 lieferadresse ändern
address_change 6 anschrift ändern
address_change 6 adressänderung
address_change 6 adresse korrigieren
address_change 4 falsche adresse
address_change 4 neue adresse
address_change 4 falsche lieferadresse
address_change 3 lieferadresse
address_change 2 adresse
address_change 2 anschrift
address_change 2 umgezogen
address_change 2 liefern an

damaged 4 beschädigt
damaged 4 kaputt
damaged 4 defekt*
damaged 4 zerbrochen
damaged 3 funktioniert nicht
damaged 3 funktioniert nicht mehr
damaged 2 geht nicht
damaged 2 zerkratzt
damaged 3 gerissen
damaged 3 gesprungen
damaged 2 delle
damaged 2 teile fehlen
damaged 2 fehlende teile
damaged 3 mangelhaft
damaged 3 zerdrückt
damaged 2 flecken
damaged 2 kratzer
damaged 2 eingedrückt

presale 4 vor dem kauf
presale 4 bevor ich bestelle
presale 4 bevor ich kaufe
presale 2 verfügbar
presale 3 auf lager
presale 4 liefern sie nach
presale 4 versenden sie nach
presale 3 was kostet
presale 2 rabatt
presale 2 gutschein
presale 3 welche größe
presale 3 größentabelle
presale 2 kompatibel
presale 4 wieder verfügbar
presale 4 wieder auf lager
presale 3 möchte kaufen
presale 3 würde gerne kaufen
presale 3 überlege zu kaufen
presale 1 haben sie
presale 2 frage zu
presale 2 versandkosten
presale 2 material
presale 2 passt das

claim 6 a to z
claim 6 a bis z
claim 5 rückbuchung
claim 5 chargeback
claim 4 streitfall
claim 4 fall eröffnet
claim 4 fall geöffnet
claim 4 fall eröffnen
claim 2 reklamation
claim 3 anwalt
claim 2 bank
claim 2 beschwerde
claim 4 käuferschutz
claim 4 konflikt

feedback 3 bewertung
feedback 3 lob
feedback 3 feedback
feedback 3 vorschlag
feedback 3 wollte nur sagen
feedback 3 wollte ihnen sagen
feedback 2 weiterempfehlen
feedback 2 empfehlen
feedback 2 sehr zufrieden
feedback 2 fünf sterne
feedback 2 wäre schön
feedback 1 toll

negative 3 unverschämt
negative 2 enttäuscht
negative 2 enttäuschung
negative 3 inakzeptabel
negative 3 frechheit
negative 3 betrug
negative 3 katastrophe
negative 2 schlecht
negative 2 ärgerlich
negative 3 verärgert
negative 2 nie wieder
negative 2 keine antwort
negative 3 schlechteste*
negative 2 unmöglich
negative 2 sauer
negative 2 wütend
negative 2 nervig
negative 2 sauerei

positive 0.5 danke
positive 1.5 vielen dank
positive 2 perfekt
positive 1.5 super
positive 2 toll
positive 2 begeistert
positive 2 zufrieden
positive 2 wunderbar
positive 2 ausgezeichnet
positive 1.5 klasse
positive 1.5 freue mich
positive 1.5 schnell
positive 2 prima
return 3 geht zurück
return 3 rückgabebedingungen
return 3 rückgabe*
damaged 3 funktionieren nicht
damaged 3 funktionieren nicht mehr
damaged 3 funktioniert nicht mehr
presale 2 fällt
presale 2 überlege
presale 2 zu kaufen
claim 4 fall bei ebay
claim 3 ebay eröffnet
other 3 telefonnummer
other 3 rechnung
other 2 mitarbeiter
stop auch dann danach vorher jetzt also denn wenn ob ohne unter zwischen
stop waren haben hatte hätte gemacht gesagt möchte möchten würde könnte wollte
stop unser unsere euer eure sein seine dein deine euch
stop artikel produkt bestellung kauf hilfe bitte einer einem

# nach einem Menschen fragen statt nach dem Bot
person 3 echte person
person 3 echten menschen
person 3 einem menschen
person 3 einen menschen
person 3 mensch
person 3 mitarbeiter
person 3 sachbearbeiter
person 3 kein bot
