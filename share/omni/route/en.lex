# English.  See omni-rules(5), "Lexicons".
# KEY [WEIGHT] WORDS: "stop" words and "char" letters vote for the language;
# an intent name, "negative" or "positive" with a phrase votes for that.
# Words are matched lowercase and without accents; "word*" matches any word
# that starts with "word".
lang en
stop the and my is it to i you of a for have has was not this that with on in
stop me be are at but can your please hi hello thanks thank what when where
stop how did do does just got still yet would could will any there its it's
stop from been an or if so we our they them their about all no yes im ive
stop ordered bought received haven hasn didn don doesn havent hasnt didnt dont doesnt cant
stop dear regards cheers morning guys team here now week days
stop hey ok okay ur u pls plz thx wtf lol asap











negative 2 terrible
negative 2 awful
negative 2 horrible
negative 2 worst
negative 2 disappoint*
negative 3 unacceptable
negative 3 angry
negative 3 furious
negative 2 ridiculous
negative 3 scam
negative 2 useless
negative 2 frustrat*
negative 2 annoyed
negative 2 never again
negative 2 fed up
negative 2 garbage
negative 2 rubbish
negative 2 pathetic
negative 1 poor
negative 1 bad
negative 2 no reply
negative 2 no response
negative 2 nobody
negative 2 disgust*
negative 2 upset
negative 2 waste
negative 2 joke
negative 1 still nothing
negative 1 again
negative 3 fraud
negative 2 lawyer

positive 0.5 thanks
positive 0.5 thank you
positive 1.5 thank you so much
positive 1.5 thanks so much
positive 2 love
positive 1.5 great
positive 2 amazing
positive 2 perfect
positive 2 excellent
positive 1.5 happy
positive 2 awesome
positive 2 wonderful
positive 2 fantastic
positive 1.5 beautiful
positive 1.5 lovely
positive 2 delighted
positive 1.5 appreciate
positive 1.5 quick
positive 1 nice
positive 2 superb
stop should which who why get got want need like know think see tell sent send
stop one two some more very really also then than only over after before again
stop since last next month today yesterday sorry help someone anything nothing
stop item items order orders product he she his her him were had does doing

# asking for a person rather than the bot
person 3 real person
person 3 a person
person 3 actual person
person 3 human
person 3 a human being
person 3 someone real
person 3 live agent
person 3 an agent
person 3 a representative
person 3 speak to someone
person 3 talk to someone
person 3 not a bot
