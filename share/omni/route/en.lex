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

wismo 4 where is my order
wismo 4 where is my package
wismo 4 where s my order
wismo 4 wheres my order
wismo 3 where is my
wismo 2 where is it
wismo 4 not arrived
wismo 4 hasn t arrived
wismo 4 hasnt arrived
wismo 4 has not arrived
wismo 3 not received
wismo 3 haven t received
wismo 3 havent received
wismo 3 not recieved
wismo 3 still waiting
wismo 2 still not
wismo 2 not here yet
wismo 3 when will i get
wismo 3 when will it arrive
wismo 3 when will my
wismo 2 when will
wismo 3 track*
wismo 2 in transit
wismo 2 delivery
wismo 1 deliver*
wismo 1 shipped
wismo 2 shipping status
wismo 3 order status
wismo 2 any update
wismo 2 any news
wismo 2 eta
wismo 1 package
wismo 1 parcel
wismo 2 hasn t shipped
wismo 2 not shipped
wismo 2 label created
wismo 1 arrive
wismo 2 stuck
wismo 2 out for delivery
wismo 2 still hasn t
wismo 2 still hasnt

return 3 return*
return 3 send it back
return 3 send back
return 3 sending it back
return 4 return label
return 2 doesn t fit
return 2 doesnt fit
return 2 too small
return 2 too big
return 2 too large
return 1 wrong size
return 3 rma
return 2 don t like it
return 2 not what i expected

refund 5 refund*
refund 4 money back
refund 3 reimburs*
refund 3 charged twice
refund 3 double charged
refund 2 charged
refund 2 credit back
refund 2 get my money

exchange 4 exchang*
exchange 3 swap
exchange 3 different size
exchange 3 another size
exchange 3 bigger size
exchange 3 smaller size
exchange 3 larger size
exchange 3 size up
exchange 3 size down
exchange 2 different colou*
exchange 2 another colou*
exchange 2 replace it with
exchange 1 instead

cancel 5 cancel*
cancel 3 don t want it anymore
cancel 3 dont want it anymore
cancel 2 no longer need
cancel 2 changed my mind
cancel 2 stop the order
cancel 2 ordered by mistake
cancel 2 by mistake

address_change 5 change the address
address_change 5 change my address
address_change 5 change the shipping address
address_change 5 update the address
address_change 5 update my address
address_change 4 wrong address
address_change 4 new address
address_change 4 address change
address_change 3 shipping address
address_change 3 typo in
address_change 2 address
address_change 2 moved
address_change 2 ship it to
address_change 2 deliver it to
address_change 2 send it to

damaged 4 damag*
damaged 4 broken
damaged 3 broke
damaged 3 arrived broken
damaged 3 cracked
damaged 3 smashed
damaged 3 shattered
damaged 3 torn
damaged 2 ripped
damaged 3 defect*
damaged 3 doesn t work
damaged 3 doesnt work
damaged 3 not working
damaged 3 stopped working
damaged 3 faulty
damaged 2 scratch*
damaged 2 dent*
damaged 2 leak*
damaged 2 missing parts
damaged 2 missing piece*
damaged 2 crushed
damaged 2 stain*
damaged 3 fell apart
damaged 2 came off

presale 4 do you ship
presale 3 do you deliver
presale 3 in stock
presale 3 back in stock
presale 3 restock*
presale 2 available
presale 2 availab*
presale 4 before i buy
presale 4 before buying
presale 4 before i order
presale 3 before ordering
presale 4 thinking of buying
presale 4 thinking about buying
presale 3 planning to buy
presale 3 want to buy
presale 3 looking to buy
presale 2 will it fit
presale 2 does it come
presale 2 does it fit
presale 2 what size
presale 3 size chart
presale 2 sizing
presale 2 discount
presale 2 coupon
presale 2 promo code
presale 3 do you have
presale 2 how much
presale 2 shipping cost
presale 2 ship to
presale 2 compatible
presale 2 made of
presale 2 material
presale 2 wholesale
presale 1 question about
presale 2 interested in

claim 6 a to z
claim 6 atoz
claim 6 a z claim
claim 5 chargeback*
claim 5 charge back
claim 4 dispute*
claim 5 filed a claim
claim 4 file a claim
claim 4 filing a claim
claim 4 open a case
claim 4 opened a case
claim 4 opening a case
claim 5 ebay case
claim 3 item not received
claim 4 not as described
claim 4 guarantee claim
claim 2 claim
claim 2 my bank
claim 2 credit card company
claim 2 paypal
claim 3 report you
claim 2 escalate

feedback 3 feedback
feedback 3 suggestion
feedback 3 just wanted to say
feedback 3 just want to say
feedback 3 just wanted to let you know
feedback 3 five stars
feedback 3 5 stars
feedback 2 review
feedback 2 recommend
feedback 2 love it
feedback 2 love the
feedback 2 loving
feedback 2 happy with
feedback 2 keep up
feedback 2 well done
feedback 2 great job
feedback 2 great quality
feedback 1 amazing
feedback 1 awesome
feedback 1 excellent
feedback 2 compliment*
feedback 2 kudos
feedback 2 it would be nice

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
wismo 3 status of my order
wismo 2 checking on
wismo 2 where s
wismo 2 wheres
presale 3 true to size
presale 2 run small
presale 2 runs small
presale 2 runs large
other 3 phone number
other 3 invoice
other 3 hiring
other 2 vat
other 2 job
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
