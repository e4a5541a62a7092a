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
