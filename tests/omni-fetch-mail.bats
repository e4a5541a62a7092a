#!/usr/bin/env bats
# omni-fetch with maildir: and mbox: sources: RFC 5322/MIME decoding,
# charsets, marketplace relay mail, order ids, threading keys, malformed
# mail.  Fixtures: tests/fixtures/fetch/mail (written by make-fixtures).

load test_helper
bats_require_minimum_version 1.5.0

MAIL=$FIXTURES/fetch/mail
MD=$MAIL/maildir

# One field (a jq filter) of the ticket whose Message-ID is $1.
field() {
	omni-fetch --all "maildir:$MD" |
		jq -r --arg id "maildir:$1" "select(.id == \$id) | $2"
}

conf() {
	mkdir -p "$XDG_CONFIG_HOME/omni"
	cat >"$XDG_CONFIG_HOME/omni/omni.conf"
}

@test "maildir: new/ and cur/ in name order, dot-files skipped, keys without the flags" {
	run omni-fetch "maildir:$MD"
	assert_success
	run jq -r '.id' <<<"$output"
	assert_output - <<-'EOF'
	maildir:it-0001@mail.example.it
	maildir:fr-0002@example.fr
	maildir:en-0003@example.com
	maildir:de-0004@example.de
	maildir:es-0005@example.es
	maildir:it-0006@mail.example.it
	maildir:0100018e14a2c7f1-6b2d9e4a-1f3c-4d5e-8a7b-9c0d1e2f3a4b-000000@email.amazonses.com
	maildir:atoz-0008@amazon.com
	maildir:ebay-0009@members.ebay.com
	maildir:auto-0011@mail.example.it
	maildir:reply-0012@acme-outfitters.example
	EOF
	run sqlite3 "$OMNI_DB" "SELECT key FROM fetch_seen ORDER BY key LIMIT 4"
	assert_output $'1709300001.M101P1.mx\n1709300002.M102P2.mx\n1709300003.M103P3.mx\n1709300004.M104P4.mx'
}

@test "maildir: a second run prints nothing, and no file is moved or renamed" {
	cp -R "$MD" "$BATS_TEST_TMPDIR/md"
	(cd "$BATS_TEST_TMPDIR/md" && find . | sort) >"$BATS_TEST_TMPDIR/before"
	run omni-fetch "maildir:$BATS_TEST_TMPDIR/md"
	assert_success
	[ "$(wc -l <<<"$output")" -eq 11 ]
	run omni-fetch "maildir:$BATS_TEST_TMPDIR/md"
	assert_success
	assert_output ''
	(cd "$BATS_TEST_TMPDIR/md" && find . | sort) >"$BATS_TEST_TMPDIR/after"
	diff "$BATS_TEST_TMPDIR/before" "$BATS_TEST_TMPDIR/after"
	# a message another client moved from new/ to cur/ keeps its key
	mv "$BATS_TEST_TMPDIR/md/new/1709300002.M102P2.mx" "$BATS_TEST_TMPDIR/md/cur/1709300002.M102P2.mx:2,S"
	run omni-fetch "maildir:$BATS_TEST_TMPDIR/md"
	assert_success
	assert_output ''
}

@test "UTF-8, quoted-printable, CRLF, folded B-encoded subject" {
	run field it-0001@mail.example.it '[.subject, .messages[0].text, .created_at, .customer.emails[0], .order_ids[0], .source.thread_key] | join("|")'
	assert_success
	assert_output "Ordine n. 1043 non è arrivato|Buongiorno,
l'ordine n. 1043 non è ancora arrivato, è passata più di una settimana. Potete controllare?

Grazie,
Maria|2024-03-04T08:15:00Z|maria.rossi@example.it|#1043|it-0001@mail.example.it"
}

@test "ISO-8859-1 8bit body, Q-encoded subject and display name" {
	run field fr-0002@example.fr '[.subject, .customer.name, .messages[0].text, (.order_ids|join(","))] | join("|")'
	assert_success
	assert_output $'Problème avec ma commande|Renée Dupré|Bonjour,\nma commande n°2044 est arrivée abîmée.\nRenée|#2044'
}

@test "Windows-1252 base64 body: euro sign and curly quotes" {
	run field en-0003@example.com '[.subject, .messages[0].text, .created_at] | join("|")'
	assert_success
	assert_output $'“Where’s my order”|Hi,\n“Where’s my order #1045?” I paid €49.99 — please help.\nJoe|2024-03-06T13:30:00Z'
}

@test "ISO-8859-15 quoted-printable: the euro sign is 0xA4 there" {
	run field de-0004@example.de '[.messages[0].text, (.order_ids|join(","))] | join("|")'
	assert_success
	assert_output $'Guten Tag,\nder Preis war 30 €, Bestellung 4711.\nGrüße|#4711'
}

@test "an HTML-only alternative becomes readable text" {
	run field es-0005@example.es '.messages[0].text'
	assert_success
	assert_output - <<-'EOF'
	Hola,

	mi pedido nº 7788 llegó roto & incompleto.
	No es lo que esperábamos — ¿qué hago?

	It’s urgent <3

	Lucía G.
	EOF
	run field es-0005@example.es '.order_ids | join(",")'
	assert_output '#7788'
}

@test "nested multipart: plain text preferred, attachments listed, threading kept" {
	run field it-0006@mail.example.it '.messages[0].text'
	assert_output 'Here are the invoice and a photo of the box.'
	run field it-0006@mail.example.it '.messages[0].attachments | tojson'
	assert_output '[{"filename":"fattura n°1043.pdf","content_type":"application/pdf","size":1040},{"filename":"photo.jpg","content_type":"image/jpeg","size":102}]'
	run field it-0006@mail.example.it '[.subject, .source.in_reply_to, (.source.references|join(" ")), .source.thread_key] | join("|")'
	assert_output 'Re: Ordine n. 1043 non è arrivato|reply-1@acme-outfitters.example|it-0001@mail.example.it reply-1@acme-outfitters.example|it-0001@mail.example.it'
	run field it-0006@mail.example.it '.customer.emails | join(",")'
	assert_output 'maria.rossi@example.it'
}

@test "Amazon relay mail: the buyer's words, alias, name, order id" {
	id=0100018e14a2c7f1-6b2d9e4a-1f3c-4d5e-8a7b-9c0d1e2f3a4b-000000@email.amazonses.com
	run field "$id" '[.channel, .kind, .customer.name, .customer.handles.amazon, (.order_ids|join(",")), .source.thread_key, .messages[0].author] | join("|")'
	assert_success
	assert_output 'amazon|message|Dana|7xk2m9qp4tz1vbn@marketplace.amazon.com|113-4827365-1029384|amazon:7xk2m9qp4tz1vbn@marketplace.amazon.com:113-4827365-1029384|customer'
	run field "$id" '.messages[0].text'
	assert_output 'Hi, tracking has said “in transit” for 4 days now. Can you check where my package is?'
	run field "$id" '.messages[0].source | tojson'
	assert_output "{\"name\":\"maildir\",\"external_id\":\"$id\",\"thread_key\":\"amazon:7xk2m9qp4tz1vbn@marketplace.amazon.com:113-4827365-1029384\",\"message_id\":\"$id\"}"
}

@test "Amazon relay mail without the markers: footer and token dropped" {
	mkdir -p "$BATS_TEST_TMPDIR/md/new"
	cat >"$BATS_TEST_TMPDIR/md/new/1" <<-'EOF'
	From: "Sam - Amazon Marketplace" <k2j4h5g6f7d8s9a@marketplace.amazon.co.uk>
	Subject: Return policy inquiry from Amazon customer Sam(Order: 202-1111111-2222222)
	Message-ID: <uk-1@amazonses.com>
	Date: Thu, 14 Mar 2024 10:00:00 +0000

	Can I still return the jacket?

	For Your Information: To help arbitrate disputes we retain all messages.

	[commMgrTok:QWERTY123]
	EOF
	run omni-fetch "maildir:$BATS_TEST_TMPDIR/md"
	assert_success
	run jq -r '[.channel, .customer.name, .customer.handles.amazon, .order_ids[0], .messages[0].text] | join("|")' <<<"$output"
	assert_output 'amazon|Sam|k2j4h5g6f7d8s9a@marketplace.amazon.co.uk|202-1111111-2222222|Can I still return the jacket?'
}

@test "an A-to-z Guarantee claim notice is a claim about its order" {
	run field atoz-0008@amazon.com '[.channel, .kind, (.order_ids|join(",")), .source.thread_key, (.customer.emails|length), (.customer.handles == null)] | map(tostring) | join("|")'
	assert_success
	assert_output 'amazon|claim|114-2233445-5566778|amazon:claim:114-2233445-5566778|0|true'
	run field atoz-0008@amazon.com '.messages[0].text'
	assert_output $'Dear Seller,\n\nThe buyer has filed an A-to-z Guarantee claim for order 114-2233445-5566778.\nReason: item not received.\n\nPlease respond within 48 hours.'
	# Amazon wrote it, not the buyer: the system's, for every stage
	run field atoz-0008@amazon.com '.messages[0] | [.direction, .author] | join(" ")'
	assert_output 'in system'
}

@test "a buyer who mentions an A-to-z claim is still a message" {
	mkdir -p "$BATS_TEST_TMPDIR/md/cur"
	printf 'From: pat@example.com\nSubject: I will open an A-to-z claim\nMessage-ID: <p@x>\n\nOrder 113-4827365-1029384 never came.\n' \
		>"$BATS_TEST_TMPDIR/md/cur/1:2,S"
	run omni-fetch "maildir:$BATS_TEST_TMPDIR/md"
	assert_success
	run jq -r '[.channel, .kind, .order_ids[0]] | join("|")' <<<"$output"
	assert_output 'email|message|113-4827365-1029384'
}

@test "eBay relay mail: the user name, the text without eBay's wrapping" {
	run field ebay-0009@members.ebay.com '[.channel, .customer.handles.ebay, .customer.emails[0], (.order_ids|join(",")), .source.thread_key] | join("|")'
	assert_success
	assert_output 'ebay|dana_b2024|7f3a9c0b1d2e4f5a6b7c@members.ebay.com|12-34567-89012|ebay:dana_b2024'
	run field ebay-0009@members.ebay.com '.messages[0].text'
	assert_output $'Hello, my order 12-34567-89012 arrived with one sock missing.\nCan you send the other one?'
}

@test "an autoreply is written by the system" {
	run field auto-0011@mail.example.it '[.messages[0].direction, .messages[0].author] | join("|")'
	assert_output 'in|system'
}

@test "mail from the source's own address is ours: out, by an agent, to the buyer" {
	conf <<-EOF
	[source support]
	uri = maildir:$MD
	address = Support@Acme-Outfitters.example
	store = acme
	EOF
	run omni-fetch support
	assert_success
	out=$output
	run jq -r 'select(.id == "support:reply-0012@acme-outfitters.example") | [.channel, .store, .messages[0].direction, .messages[0].author, .customer.handles.amazon, .source.thread_key] | join("|")' <<<"$out"
	assert_output 'amazon|acme|out|agent|7xk2m9qp4tz1vbn@marketplace.amazon.com|amazon:7xk2m9qp4tz1vbn@marketplace.amazon.com:113-4827365-1029384'
	run jq -r 'select(.id == "support:it-0001@mail.example.it") | .messages[0].direction' <<<"$out"
	assert_output 'in'
}

@test "each message names its sender: from, the bare address of its From, lowercase" {
	conf <<-EOF
	[source support]
	uri = maildir:$MD
	address = support@acme-outfitters.example
	EOF
	run omni-fetch support
	assert_success
	run jq -r '[.id, .messages[0].from // "-"] | @tsv' <<<"$output"
	assert_line $'support:it-0001@mail.example.it\tmaria.rossi@example.it'
	assert_line $'support:fr-0002@example.fr\trenee@example.fr'
	# relay mail: the buyer's relay alias; our own mail: our address
	assert_line $'support:0100018e14a2c7f1-6b2d9e4a-1f3c-4d5e-8a7b-9c0d1e2f3a4b-000000@email.amazonses.com\t7xk2m9qp4tz1vbn@marketplace.amazon.com'
	assert_line $'support:ebay-0009@members.ebay.com\t7f3a9c0b1d2e4f5a6b7c@members.ebay.com'
	assert_line $'support:reply-0012@acme-outfitters.example\tsupport@acme-outfitters.example'
	# an mbox's messages too
	run omni-fetch "mbox:$MAIL/mboxo.mbox"
	assert_success
	run jq -r '.messages[0].from' <<<"$output"
	assert_output $'kai@example.de\nkai@example.de'
}

@test "mboxrd: one '>' taken from >From lines; no Date: the From line's date" {
	run omni-fetch "mbox:$MAIL/mboxrd.mbox"
	assert_success
	run jq -r '.messages[0].text' <<<"${lines[0]}"
	assert_output $'From the start, order #1043 was late.\n>From here on it is quoted.\nFrom is fine inside a line? It is not after a blank line.'
	run omni-fetch --all "mbox:$MAIL/mboxrd.mbox"
	run jq -r '[.id, .created_at] | join(" ")' <<<"$output"
	assert_line --index 1 'mbox:rd-2@example.com 2024-03-06T13:30:00Z'
	assert_line --index 2 --regexp '^mbox:[0-9a-f]{16} 2024-03-07T11:00:00Z$'
}

@test "mbox keys are hashes of the message: stable across runs and copies" {
	run omni-fetch "mbox:$MAIL/mboxo.mbox"
	assert_success
	run jq -r '.messages[0].text' <<<"${lines[0]}"
	assert_output 'From now on I order elsewhere.'
	run sqlite3 "$OMNI_DB" "SELECT key FROM fetch_seen"
	assert_success
	[ "${#lines[@]}" -eq 2 ]
	[[ ${lines[0]} =~ ^[0-9a-f]{16}$ ]]
	run omni-fetch "mbox:$MAIL/mboxo.mbox"
	assert_output ''
	# a new message appended: only it is new
	cat "$MAIL/mboxo.mbox" - >"$BATS_TEST_TMPDIR/box" <<-'EOF'

	From x@example.com Fri Mar  8 09:00:00 2024
	From: x@example.com
	Message-ID: <o-3@example.de>

	Third.
	EOF
	run omni-fetch "mbox:$MAIL/mboxo.mbox"
	assert_output ''
	sqlite3 "$OMNI_DB" "UPDATE fetch_seen SET source = 'mbox:$BATS_TEST_TMPDIR/box'"
	run omni-fetch "mbox:$BATS_TEST_TMPDIR/box"
	assert_success
	run jq -r .id <<<"$output"
	assert_output 'mbox:o-3@example.de'
}

@test "an unreadable mail is set aside in the quarantine, said with its line, and never stops the mail after it" {
	run --separate-stderr omni-fetch "maildir:$MAIL/maildir-bad"
	assert_failure 1
	run jq -r .id <<<"$output"
	assert_output $'maildir:good-1@example.com\nmaildir:bad-3@example.com\nmaildir:bad-4@example.com\nmaildir:good-5@example.com'
	q=$(store_dir)/quarantine/maildir
	[ "$stderr" = "omni-fetch: $MAIL/maildir-bad/new/2.truncated:11: truncated multipart: no closing boundary \"b1\"; set aside as $q/2.truncated
omni-fetch: $MAIL/maildir-bad/new/3.charset:6: unknown charset 'x-foo': read as utf-8
omni-fetch: $MAIL/maildir-bad/new/4.bytes:6: invalid bytes for charset 'utf-8' at byte 4: read as windows-1252" ]
	cmp "$MAIL/maildir-bad/new/2.truncated" "$q/2.truncated"
	[ "$(stat -c %a "$q/2.truncated")" = 600 ]
	[ "$(stat -c %a "$q")" = 700 ]
	# set aside once, the mailbox untouched: the next run has nothing to say
	[ -f "$MAIL/maildir-bad/new/2.truncated" ]
	run --separate-stderr omni-fetch "maildir:$MAIL/maildir-bad"
	assert_success
	assert_output ''
	[ "$stderr" = '' ]
	# -q silences the warnings, never the mail set aside
	run --separate-stderr omni-fetch -q --all "maildir:$MAIL/maildir-bad"
	assert_failure 1
	[ "$stderr" = "omni-fetch: $MAIL/maildir-bad/new/2.truncated:11: truncated multipart: no closing boundary \"b1\"; set aside as $q/2.truncated.1" ]
}

@test "mbox: an unreadable mail is named by the mbox and its line, set aside, and the rest flows" {
	run --separate-stderr omni-fetch "mbox:$MAIL/bad.mbox"
	assert_failure 1
	[[ "$stderr" = "omni-fetch: $MAIL/bad.mbox:14: truncated multipart: no closing boundary \"zz\"; set aside as $(store_dir)/quarantine/mbox/"* ]]
	run jq -r .id <<<"$output"
	assert_line --index 0 'mbox:mb-1@example.com'
	[ "$(ls "$(store_dir)/quarantine/mbox" | wc -l)" = 1 ]
	run omni-fetch "mbox:$MAIL/bad.mbox"
	assert_success
	assert_output ''
}

@test "a quarantine that cannot be written stops the source; the mail is not marked read" {
	mkdir -p "$(store_dir)"
	: >"$(store_dir)/quarantine"   # a file where the directory goes
	run --separate-stderr omni-fetch "maildir:$MAIL/maildir-bad"
	assert_failure 73
	assert_output --partial 'good-1@example.com'
	[ "$stderr" = "omni-fetch: $(store_dir)/quarantine/maildir: cannot set an unreadable mail aside: Not a directory" ]
	rm "$(store_dir)/quarantine"
	run --separate-stderr omni-fetch "maildir:$MAIL/maildir-bad"
	assert_failure 1
	run jq -r .id <<<"$output"
	assert_output $'maildir:bad-3@example.com\nmaildir:bad-4@example.com\nmaildir:good-5@example.com'
}

@test "a missing mailbox is 66; something that is not one is 65" {
	run --separate-stderr omni-fetch "maildir:$BATS_TEST_TMPDIR/nope"
	assert_failure 66
	run --separate-stderr omni-fetch "mbox:$BATS_TEST_TMPDIR/nope"
	assert_failure 66
	run --separate-stderr omni-fetch "maildir:$MAIL"
	assert_failure 65
	[ "$stderr" = "omni-fetch: $MAIL: not a maildir (no new/ or cur/)" ]
	run --separate-stderr omni-fetch "mbox:$MAIL/make-fixtures"
	assert_failure 65
	[ "$stderr" = "omni-fetch: $MAIL/make-fixtures:1: not an mbox file (no \"From \" line)" ]
}

@test "every ticket is valid UTF-8 JSON with the v1 fields" {
	run omni-fetch --store acme "maildir:$MD" "mbox:$MAIL/mboxrd.mbox"
	assert_success
	run jq -e -s 'all(.omni == 1 and .store == "acme" and (.messages | length) == 1 and .created_at == .messages[0].at and .source.name != null)' <<<"$output"
	assert_success
}

# A maildir in the test's directory with one message: headers, blank, body.
one_message() {
	mkdir -p "$BATS_TEST_TMPDIR/one/new"
	cat >"$BATS_TEST_TMPDIR/one/new/1"
}

@test "order numbers in five languages, marketplace ids, and what is not one" {
	one_message <<-'EOF'
	From: x@example.com
	Subject: Re: #1043 and order no. 2001
	Message-ID: <ids@example.com>

	Order number: 2002, ordine n. 2003, ordine 2004, n° 2005, commande n°2006,
	commande 2007, pedido nº 2008, pedido 2009, Bestellung 2010, Bestellnummer 2011.
	Amazon 113-4827365-1029384 and eBay 12-34567-89012; again #1043.
	Not these: #ffcc00, #1a, &#8217;, x#1234, #12, order 123, order 2024-03-05,
	ordered 5555, border 6666, 1113-4827365-1029384, 123-45678-90123,
	Unit #1077, Apt #12, invoice #1036, Rechnung #5512, case #8810, ref #4433,
	I'd like to order 1079 beeswax candles, je commande 1050 bougies.
	EOF
	run omni-fetch "maildir:$BATS_TEST_TMPDIR/one"
	assert_success
	run jq -r '.order_ids | join(" ")' <<<"$output"
	assert_output '#1043 #2001 #2002 #2003 #2004 #2005 #2006 #2007 #2008 #2009 #2010 #2011 113-4827365-1029384 12-34567-89012'
}

@test "8-bit UTF-8 without a charset is accepted; Latin-1 bytes without one are read as Windows-1252, with a warning" {
	one_message <<-EOF
	From: x@example.com
	Message-ID: <u@example.com>

	Grazie, è arrivato.
	EOF
	run omni-fetch "maildir:$BATS_TEST_TMPDIR/one"
	assert_success
	run jq -r '.messages[0].text' <<<"$output"
	assert_output 'Grazie, è arrivato.'
	printf 'From: x@example.com\nMessage-ID: <l@example.com>\n\nGrazie, \xe8 arrivato.\n' >"$BATS_TEST_TMPDIR/one/new/2"
	run --separate-stderr omni-fetch "maildir:$BATS_TEST_TMPDIR/one"
	assert_success
	[ "$stderr" = "omni-fetch: $BATS_TEST_TMPDIR/one/new/2:4: invalid bytes for charset 'us-ascii' at byte 9: read as windows-1252" ]
	run jq -r '.messages[0].text' <<<"$output"
	assert_output 'Grazie, è arrivato.'
}

@test "mislabelled and unknown charsets never refuse a mail: the label, else UTF-8, else U+FFFD or Windows-1252" {
	mkdir -p "$BATS_TEST_TMPDIR/cs/new"
	for cs in utf-8 us-ascii unknown-8bit x-unknown default gb2312 ks_c_5601-1987; do
		printf 'From: x@example.com\nMessage-ID: <%s@example.com>\nContent-Type: text/plain; charset=%s\n\nCaf\xe9 \x80 ok\n' \
			"$cs" "$cs" >"$BATS_TEST_TMPDIR/cs/new/$cs"
	done
	# a true GB2312 text with one stray byte keeps its characters
	printf 'From: x@example.com\nMessage-ID: <gb@example.com>\nContent-Type: text/plain; charset=gb2312\n\n\xc4\xe3\xba\xc3\xff!\n' \
		>"$BATS_TEST_TMPDIR/cs/new/gb"
	# a label that holds says nothing
	printf 'From: x@example.com\nMessage-ID: <ok@example.com>\nContent-Type: text/plain; charset=ks_c_5601-1987\n\n\xbe\xc8\xb3\xe7\n' \
		>"$BATS_TEST_TMPDIR/cs/new/ok"
	run --separate-stderr omni-fetch "maildir:$BATS_TEST_TMPDIR/cs"
	assert_success
	run jq -r '[.source.external_id, .messages[0].text] | join(" ")' <<<"$output"
	assert_output "default@example.com Café € ok
gb@example.com 你好�!
gb2312@example.com Caf� � ok
ks_c_5601-1987@example.com Caf� � ok
ok@example.com 안녕
unknown-8bit@example.com Café € ok
us-ascii@example.com Café € ok
utf-8@example.com Café € ok
x-unknown@example.com Café € ok"
	d=$BATS_TEST_TMPDIR/cs/new
	[ "$stderr" = "omni-fetch: $d/default:5: invalid bytes for charset 'default' at byte 4: read as windows-1252
omni-fetch: $d/gb:5: invalid bytes for charset 'gb2312': read with U+FFFD for them
omni-fetch: $d/gb2312:5: invalid bytes for charset 'gb2312': read with U+FFFD for them
omni-fetch: $d/ks_c_5601-1987:5: invalid bytes for charset 'ks_c_5601-1987': read with U+FFFD for them
omni-fetch: $d/unknown-8bit:5: invalid bytes for charset 'unknown-8bit' at byte 4: read as windows-1252
omni-fetch: $d/us-ascii:5: invalid bytes for charset 'us-ascii' at byte 4: read as windows-1252
omni-fetch: $d/utf-8:5: invalid bytes for charset 'utf-8' at byte 4: read as windows-1252
omni-fetch: $d/x-unknown:5: invalid bytes for charset 'x-unknown' at byte 4: read as windows-1252" ]
}

@test "MIME nested over 32 deep: the parts below left out with a warning, the message read" {
	mkdir -p "$BATS_TEST_TMPDIR/deep/new"
	{
		printf 'From: x@example.com\nMessage-ID: <deep@example.com>\nContent-Type: multipart/mixed; boundary=b0\n\n'
		printf -- '--b0\nContent-Type: text/plain\n\nThe words on top.\n'
		for i in $(seq 0 39); do
			printf -- '--b%d\nContent-Type: multipart/mixed; boundary=b%d\n\n' "$i" "$((i + 1))"
		done
		printf -- '--b40\nContent-Type: text/plain\n\ndeep down\n--b40--\n'
		for i in $(seq 39 -1 0); do printf -- '--b%d--\n' "$i"; done
	} >"$BATS_TEST_TMPDIR/deep/new/1"
	printf 'From: x@example.com\nMessage-ID: <after@example.com>\n\nnext\n' >"$BATS_TEST_TMPDIR/deep/new/2"
	run --separate-stderr omni-fetch "maildir:$BATS_TEST_TMPDIR/deep"
	assert_success
	run jq -r '.messages[0].text' <<<"$output"
	assert_output $'The words on top.\nnext'
	[ "$stderr" = "omni-fetch: $BATS_TEST_TMPDIR/deep/new/1:106: multipart nested more than 32 deep: the parts below left out" ]
}

@test "garbage in a base64 part: set aside, naming its line" {
	one_message <<-'EOF'
	From: x@example.com
	Message-ID: <b64@example.com>
	Content-Type: multipart/mixed; boundary=b

	--b
	Content-Type: text/plain
	Content-Transfer-Encoding: base64

	SGVsbG8s IHdv
	cmxk!!
	--b--
	EOF
	run --separate-stderr omni-fetch "maildir:$BATS_TEST_TMPDIR/one"
	assert_failure 1
	[ "$stderr" = "omni-fetch: $BATS_TEST_TMPDIR/one/new/1:7: invalid base64 data in part; set aside as $(store_dir)/quarantine/maildir/1" ]
	sed -i 's/!!$//' "$BATS_TEST_TMPDIR/one/new/1"
	run omni-fetch --all "maildir:$BATS_TEST_TMPDIR/one"
	assert_success
	run jq -r '.messages[0].text' <<<"$output"
	assert_output 'Hello, world'
}

@test "a chargeback notice is a claim; Amazon's other mail is not" {
	one_message <<-'EOF'
	From: cb-seller-notification@amazon.com
	Subject: Chargeback notification for order 111-2223334-4455566
	Message-ID: <cb@amazon.com>

	A chargeback was filed by the buyer's bank.
	EOF
	printf 'From: seller-notification@amazon.com\nSubject: Sold, ship now: 111-9999999-0000000\nMessage-ID: <sold@amazon.com>\n\nShip it.\n' \
		>"$BATS_TEST_TMPDIR/one/new/2"
	run omni-fetch "maildir:$BATS_TEST_TMPDIR/one"
	assert_success
	run jq -r '[.channel, .kind, .source.thread_key] | join(" ")' <<<"$output"
	assert_output $'amazon claim amazon:claim:111-2223334-4455566\nemail message sold@amazon.com'
	# both are Amazon's own mail, eBay's case mail too; a relay buyer is hers
	printf 'From: eBay <ebay@ebay.com>\nSubject: Case 5123 opened\nMessage-ID: <case@ebay.com>\n\nA buyer opened a case.\n' \
		>"$BATS_TEST_TMPDIR/one/new/3"
	printf 'From: Dana <k3x9@marketplace.amazon.com>\nSubject: Order 111-2223334-4455566\nMessage-ID: <buyer@amazon.com>\n\nWhere is it?\n' \
		>"$BATS_TEST_TMPDIR/one/new/4"
	run omni-fetch --all "maildir:$BATS_TEST_TMPDIR/one"
	assert_success
	run jq -r '.messages[0] | [.from, .author] | join(" ")' <<<"$output"
	assert_output 'cb-seller-notification@amazon.com system
seller-notification@amazon.com system
ebay@ebay.com system
k3x9@marketplace.amazon.com customer'
}

@test "mbox with CRLF line endings" {
	printf 'From a@b Mon Mar  4 09:00:00 2024\r\nFrom: a@b.example\r\nMessage-ID: <c1@b>\r\n\r\nOne\r\n\r\nFrom a@b Mon Mar  4 09:00:00 2024\r\nFrom: a@b.example\r\nMessage-ID: <c2@b>\r\n\r\nTwo\r\n' \
		>"$BATS_TEST_TMPDIR/crlf.mbox"
	run omni-fetch "mbox:$BATS_TEST_TMPDIR/crlf.mbox"
	assert_success
	run jq -r '[.id, .messages[0].text] | join(" ")' <<<"$output"
	assert_output $'mbox:c1@b One\nmbox:c2@b Two'
}

@test "eBay mail that does not show the user name: the alias is the handle" {
	one_message <<-'EOF'
	From: Sam Doe <0a1b2c3d4e5f60718293@members.ebay.co.uk>
	Subject: Question about your item
	Message-ID: <e2@members.ebay.com>

	Is it still available in blue?

	Email reference id: [#a05-1#]_[#2#]
	EOF
	run omni-fetch "maildir:$BATS_TEST_TMPDIR/one"
	assert_success
	run jq -r '[.channel, .customer.name, .customer.handles.ebay, .source.thread_key, .messages[0].text] | join("|")' <<<"$output"
	assert_output 'ebay|Sam Doe|0a1b2c3d4e5f60718293@members.ebay.co.uk|ebay:0a1b2c3d4e5f60718293@members.ebay.co.uk|Is it still available in blue?'
}

@test "maildir: an unreadable Maildir is a permission problem, exit 77" {
	local d
	d=$(mktemp -d /tmp/omni-perm.XXXXXX)
	chmod 755 "$d"
	mkdir -p "$d/md/new" "$d/md/cur" "$d/md/tmp" "$d/home"
	chmod 000 "$d/md/new"
	if [ "$(id -u)" -eq 0 ]; then
		# mode bits do not stop root: the run is nobody's
		command -v setpriv >/dev/null || { rm -rf "$d"; skip "running as root without setpriv"; }
		chown nobody "$d/home"
		run setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME="$d/home" \
			XDG_CONFIG_HOME="$d/home/c" OMNI_DB="$d/home/db" omni-fetch "maildir:$d/md"
	else
		run omni-fetch "maildir:$d/md"
	fi
	chmod 755 "$d/md/new"
	rm -rf "$d"
	assert_failure 77
	assert_output "omni-fetch: $d/md: cannot read maildir: Permission denied"
}

@test "a progress line on stderr only when it is a terminal (count, rate, elapsed); -q silences it" {
	n=$(omni-fetch --all "maildir:$MD" | wc -l)
	# not a terminal: nothing
	run --separate-stderr omni-fetch --all "maildir:$MD"
	assert_success
	[ -z "$stderr" ]
	# a terminal (a pty from script): the line, ending with the last count
	run script -qec "omni-fetch --all 'maildir:$MD' >/dev/null" /dev/null
	assert_success
	assert_output --regexp "omni-fetch: $n tickets, [0-9]+/s, 0:[0-9][0-9] elapsed"
	run script -qec "omni-fetch -q --all 'maildir:$MD' >/dev/null" /dev/null
	assert_success
	assert_output ''
}

# --- marketplace mail in the marketplaces' languages -------------------

# One mail per file of a maildir of its own, read whole: the tickets.
eu_mail() {
	local d=$BATS_TEST_TMPDIR/eu/new
	mkdir -p "$d"
	cat >"$d/$1"
}

eu_fetch() {
	omni-fetch --all "maildir:$BATS_TEST_TMPDIR/eu"
}

@test "amazon.it, .de, .fr, .es, .co.uk buyer messages: only the buyer's words, without the localised markers and footers" {
	eu_mail it <<-'EOF'
	From: "Giulia - Amazon Marketplace" <k3m9x2v7q1w5e8r@marketplace.amazon.it>
	Subject: Richiesta di informazioni dal cliente Amazon Giulia (Ordine: 402-1234567-7654321)
	Message-ID: <it1@marketplace.amazon.it>
	Content-Type: text/plain; charset=UTF-8
	Content-Transfer-Encoding: 8bit

	Numero ordine 402-1234567-7654321:
	1 di Tazza blu [ASIN: B0C1234567]

	------------- Inizio messaggio -------------

	Buongiorno, il pacco non è ancora arrivato.

	------------- Fine messaggio -------------

	Per tua informazione: per proteggere la tua identità Amazon ha sostituito il tuo indirizzo.
	[commMgrTok:A1B2C3D4E5]
	EOF
	eu_mail de <<-'EOF'
	From: "Jonas - Amazon Marketplace" <p2l8z4n6b0c9x3v@marketplace.amazon.de>
	Subject: Anfrage zur Lieferung von Amazon-Kunde Jonas (Bestellung: 302-2345678-8765432)
	Message-ID: <de1@marketplace.amazon.de>
	Content-Type: text/plain; charset=UTF-8
	Content-Transfer-Encoding: 8bit

	Bestellnummer 302-2345678-8765432:

	------------- Beginn der Nachricht -------------

	Hallo, wann wird meine Bestellung versendet?

	------------- Ende der Nachricht -------------

	War diese E-Mail hilfreich?
	EOF
	eu_mail fr <<-'EOF'
	From: "Camille - Amazon Marketplace" <f7g2h9j4k1l6m3n@marketplace.amazon.fr>
	Subject: Demande de renseignements de la part du client Amazon Camille (Commande : 171-3456789-9876543)
	Message-ID: <fr1@marketplace.amazon.fr>
	Content-Type: text/plain; charset=UTF-8
	Content-Transfer-Encoding: 8bit

	------------- Début du message -------------

	Bonjour, la taille M est-elle disponible ?

	------------- Fin du message -------------
	EOF
	eu_mail es <<-'EOF'
	From: "Lucía - Amazon Marketplace" <q9w8e7r6t5y4u3i@marketplace.amazon.es>
	Subject: Consulta del cliente de Amazon Lucía (Pedido: 405-4567890-1987654)
	Message-ID: <es1@marketplace.amazon.es>
	Content-Type: text/plain; charset=UTF-8
	Content-Transfer-Encoding: 8bit

	------------- Comienzo del mensaje -------------

	Hola, el producto llegó roto.

	------------- Fin del mensaje -------------

	¿Te ha resultado útil este correo electrónico?
	EOF
	eu_mail uk <<-'EOF'
	From: "Oliver - Amazon Marketplace" <z1x2c3v4b5n6m7a@marketplace.amazon.co.uk>
	Subject: Inquiry from Amazon customer Oliver (Order: 202-5678901-2345678)
	Message-ID: <uk1@marketplace.amazon.co.uk>

	------------- Begin message -------------

	Could you send it to my office instead?

	------------- End message -------------

	For Your Information: To help arrange delivery, Amazon has replaced the e-mail address.
	EOF
	run eu_fetch
	assert_success
	run jq -r '[.channel, .kind, .order_ids[0], .customer.name, .messages[0].text] | join("|")' <<<"$output"
	assert_output - <<-'EOF'
	amazon|message|302-2345678-8765432|Jonas|Hallo, wann wird meine Bestellung versendet?
	amazon|message|405-4567890-1987654|Lucía|Hola, el producto llegó roto.
	amazon|message|171-3456789-9876543|Camille|Bonjour, la taille M est-elle disponible ?
	amazon|message|402-1234567-7654321|Giulia|Buongiorno, il pacco non è ancora arrivato.
	amazon|message|202-5678901-2345678|Oliver|Could you send it to my office instead?
	EOF
}

@test "amazon: markers in a language not listed are still cut by their shape; a footer ends a mail without markers" {
	eu_mail nl <<-'EOF'
	From: "Sanne - Amazon Marketplace" <n1b2v3c4x5z6l7k@marketplace.amazon.nl>
	Subject: Vraag van Amazon-klant Sanne (Bestelling: 403-6789012-3456789)
	Message-ID: <nl1@marketplace.amazon.nl>

	------------- Start van het bericht -------------

	Is het ook in het groen te krijgen?

	------------- Einde van het bericht -------------

	Was deze e-mail nuttig?
	EOF
	eu_mail de2 <<-'EOF'
	From: "Jonas - Amazon Marketplace" <p2l8z4n6b0c9x3v@marketplace.amazon.de>
	Subject: Anfrage von Amazon-Kunde Jonas (Bestellung: 302-2345678-8765432)
	Message-ID: <de2@marketplace.amazon.de>
	Content-Type: text/plain; charset=UTF-8
	Content-Transfer-Encoding: 8bit

	Danke, angekommen.

	Zu Ihrer Information: Amazon hat Ihre E-Mail-Adresse ersetzt.
	EOF
	run eu_fetch
	assert_success
	run jq -r '.messages[0].text' <<<"$output"
	assert_output $'Danke, angekommen.\nIs het ook in het groen te krijgen?'
}

@test "Italian, German, French and Spanish A-to-z notices are claims about their order" {
	local lang subject n=0
	for lang in it de fr es; do
		case $lang in
		it) subject='Reclamo dalla Garanzia dalla A alla Z per l'"'"'ordine 402-1234567-7654321' ;;
		de) subject='Antrag auf A-bis-z-Garantie für Bestellung 302-2345678-8765432' ;;
		fr) subject='Réclamation au titre de la Garantie A à Z pour la commande 171-3456789-9876543' ;;
		es) subject='Reclamación de la Garantía de la A a la Z del pedido 405-4567890-1987654' ;;
		esac
		n=$((n + 1))
		eu_mail "$n-$lang" <<-EOF
		From: atoz-guarantee-no-reply@amazon.$lang
		Subject: $subject
		Message-ID: <atoz-$lang@amazon.$lang>
		Content-Type: text/plain; charset=UTF-8
		Content-Transfer-Encoding: 8bit

		$subject.
		EOF
	done
	run eu_fetch
	assert_success
	run jq -r '[.channel, .kind, .order_ids[0], .source.thread_key] | join("|")' <<<"$output"
	assert_output - <<-'EOF'
	amazon|claim|402-1234567-7654321|amazon:claim:402-1234567-7654321
	amazon|claim|302-2345678-8765432|amazon:claim:302-2345678-8765432
	amazon|claim|171-3456789-9876543|amazon:claim:171-3456789-9876543
	amazon|claim|405-4567890-1987654|amazon:claim:405-4567890-1987654
	EOF
}

@test "Walmart's forwarded customer mail is channel walmart with its customer order number; Walmart's own news is e-mail" {
	eu_mail wm1 <<-'EOF'
	From: Walmart Marketplace <marketplace-noreply@walmart.com>
	Reply-To: 8b1f0c3e5a7d9e2f4b6c@relay.walmart.com
	To: support@acme-outfitters.example
	Subject: Customer inquiry about order #5281956426649
	Message-ID: <wm1@walmart.com>

	Dear Seller,

	A customer has contacted you about order #5281956426649.

	Customer message:
	The lamp arrived with a cracked shade. Can you send a new one?

	Please respond to the customer within 48 hours.
	Walmart Marketplace
	EOF
	eu_mail wm2 <<-'EOF'
	From: Walmart Marketplace <marketplace-noreply@walmart.com>
	Subject: New policy on shipping templates
	Message-ID: <wm2@walmart.com>

	Starting next month, shipping templates change.
	EOF
	run eu_fetch
	assert_success
	run jq -r '[.channel, .kind, (.order_ids | join(",")), .customer.emails[0], .customer.handles.walmart // "", .source.thread_key, .messages[0].from // "", .messages[0].text] | join("|")' <<<"$output"
	assert_output - <<-'EOF'
	walmart|message|5281956426649|8b1f0c3e5a7d9e2f4b6c@relay.walmart.com|8b1f0c3e5a7d9e2f4b6c@relay.walmart.com|walmart:5281956426649|8b1f0c3e5a7d9e2f4b6c@relay.walmart.com|The lamp arrived with a cracked shade. Can you send a new one?
	email|message||marketplace-noreply@walmart.com||wm2@walmart.com|marketplace-noreply@walmart.com|Starting next month, shipping templates change.
	EOF
}

@test "eBay: the relay mail and the Message API's copy of one message are one message in the timeline" {
	# the API's conversation with dana_b2024: her message as eBay's mail has it
	cat >"$BATS_TEST_TMPDIR/conv.json" <<-'EOF'
	{"conversationId": "208491499001", "conversationStatus": "ACTIVE",
	 "conversationTitle": "Trail Runner Sock 2-Pack", "conversationType": "FROM_MEMBERS",
	 "messages": [
	  {"messageId": "6275165199777",
	   "messageBody": "Hello, my order 12-34567-89012 arrived with one sock missing.\r\nCan you send the other one? ",
	   "senderUsername": "dana_b2024", "recipientUsername": "acme_outfitters",
	   "readStatus": false, "createdDate": "2024-03-11T16:04:58.000Z", "subject": ""},
	  {"messageId": "6275165199778",
	   "messageBody": "Sorry about that, Dana: the other sock is on its way.",
	   "senderUsername": "acme_outfitters", "recipientUsername": "dana_b2024",
	   "readStatus": true, "createdDate": "2024-03-11T17:00:00.000Z", "subject": ""}]}
	EOF
	mkdir -p "$BATS_TEST_TMPDIR/eb/new"
	cp "$MD/new/1709300009.M109P9.mx" "$BATS_TEST_TMPDIR/eb/new/"
	{
		omni-fetch "file:$BATS_TEST_TMPDIR/conv.json"
		omni-fetch "maildir:$BATS_TEST_TMPDIR/eb"
	} >"$BATS_TEST_TMPDIR/in.ndjson"
	# both copies carry one digest
	run jq -r '.messages[] | select(.direction == "in") | .digest' "$BATS_TEST_TMPDIR/in.ndjson"
	assert_equal "$(sort -u <<<"$output" | wc -l)" 1
	assert_output --regexp '^ebay:[0-9a-f]{32}'
	run omni-link "$BATS_TEST_TMPDIR/in.ndjson"
	assert_success
	run jq -sc 'group_by(.id) | map(last) | map([.channel, [.messages[] | [.direction, .text]]])' <<<"$output"
	assert_output '[["ebay",[["in","Hello, my order 12-34567-89012 arrived with one sock missing.\r\nCan you send the other one? "],["out","Sorry about that, Dana: the other sock is on its way."]]]]'
	# the mail read again joins the same ticket and adds no message
	run bash -c "omni-fetch --all 'maildir:$BATS_TEST_TMPDIR/eb' | omni-link | jq -sc 'map(.messages | length) | unique'"
	assert_output '[2]'
}

@test "a claim Amazon says is closed or decided comes solved, and omni-link solves its ticket; a claim filed does not" {
	mkdir -p "$BATS_TEST_TMPDIR/az/new"
	printf 'From: atoz-guarantee-no-reply@amazon.com\nSubject: A-to-z Guarantee claim filed for order 114-2233445-5566778\nDate: Sun, 10 Mar 2024 07:00:00 +0000\nMessage-ID: <atoz-1@amazon.com>\n\nThe buyer has filed an A-to-z Guarantee claim for order 114-2233445-5566778. If we do not hear from you, the claim may be closed in the buyer'"'"'s favour.\n' \
		>"$BATS_TEST_TMPDIR/az/new/1"
	printf 'From: atoz-guarantee-no-reply@amazon.com\nSubject: A-to-z Guarantee claim closed for order 114-2233445-5566778\nDate: Tue, 12 Mar 2024 09:30:00 +0000\nMessage-ID: <atoz-2@amazon.com>\n\nThe A-to-z Guarantee claim for order 114-2233445-5566778 is closed.\n' \
		>"$BATS_TEST_TMPDIR/az/new/2"
	printf 'From: atoz-guarantee-no-reply@amazon.com\nSubject: A-to-z Guarantee claim decision for order 113-4827365-1029384\nDate: Tue, 12 Mar 2024 10:00:00 +0000\nMessage-ID: <atoz-3@amazon.com>\n\nAmazon has decided the claim.\n' \
		>"$BATS_TEST_TMPDIR/az/new/3"
	run omni-fetch "maildir:$BATS_TEST_TMPDIR/az"
	assert_success
	run jq -r '[.source.message_id, .kind, .status // "-"] | join(" ")' <<<"$output"
	assert_output $'atoz-1@amazon.com claim -\natoz-2@amazon.com claim solved\natoz-3@amazon.com claim solved'
	# one ticket for the claim, solved when Amazon closed it
	run bash -c "omni-fetch --all 'maildir:$BATS_TEST_TMPDIR/az' | omni-link --now 2024-03-13T00:00:00Z | jq -sc 'group_by(.source.thread_key) | map(.[-1] | [.status, .solved_at, (.messages | length)])'"
	assert_output '[["solved","2024-03-12T10:00:00Z",1],["solved","2024-03-12T09:30:00Z",2]]'
}
