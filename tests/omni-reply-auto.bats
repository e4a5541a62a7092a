#!/usr/bin/env bats
# omni-reply --auto: when and to whom it answers.  It decides on the
# latest request (omni-route's "latest"), leaves to a person what needs
# one (reply.person says why), never answers a machine (RFC 3834), sends
# one automatic reply an address in auto_period, marks its mail
# Auto-Submitted, and reaches marketplace buyers the way their
# marketplace allows.

load test_helper

R=$FIXTURES/reply
NOW=--now=2026-11-20T12:00:00Z

setup_file() {
	smtpd_file_start
}

teardown_file() {
	smtpd_file_stop
}

need_smtpd() {
	[ -z "${NO_SMTPD:-}" ] || skip "python3-aiosmtpd is not installed"
}

smtp_conf() {
	printf '[reply]\nsmtp = smtp://127.0.0.1:%s\nfrom = Acme Care <care@acme.example>\nretries = 1\nbackoff = 10\ntimeout = 20\n%s' \
		"$SMTP_PORT" "${1:-}" >"$BATS_TEST_TMPDIR/omni.conf"
	echo "$BATS_TEST_TMPDIR/omni.conf"
}

received() {
	grep -l "^X-Envelope-To: $1" "$SPOOL"/*.eml 2>/dev/null | wc -l
}

# The WISMO ticket of the fixtures, its customer at $1, after an answer by
# $2 (bot or agent), then the customer's message $3: routed.
after_answer() {
	jq -c --arg a "$1" --arg by "$2" --arg t "$3" '
		.customer.emails = [$a] | del(.lang, .intent) |
		.messages = [
			{id: "q1@mail.example", direction: "in", author: "customer", from: $a,
			 at: "2026-11-19T09:00:00Z", text: "Hi, where is my order #1043?", channel: "email"},
			{id: "r1@acme.example", direction: "out", author: $by,
			 at: "2026-11-19T09:05:00Z", text: "It has shipped with UPS.", channel: "email"},
			{id: "q2@mail.example", direction: "in", author: "customer", from: $a,
			 at: "2026-11-20T10:00:00Z", text: $t, channel: "email"}]' "$R/email-wismo.json" |
		omni-route
}

# ---- the latest request ----

@test "omni-route classifies the latest request on its own: a changed request, a person asked for, nothing new" {
	run bash -c "jq -c '.messages += [{direction: \"out\", author: \"bot\", text: \"Shipped.\"},
		{direction: \"in\", author: \"customer\", text: \"cancelad el pedido #1043 y devolvedme el dinero\"}] | del(.lang, .intent)' \
		'$R/email-wismo.json' | omni-route | jq -c '[.intent, .latest.lang, (.latest.intent | IN(\"cancel\", \"refund\")), .latest.messages]'"
	assert_success
	# "cancel the order and give me my money back": a cancel or a refund,
	# either way not the conversation's wismo
	assert_output '["wismo","es",true,1]'
	for t in "Can a real person please check?" "Vorrei parlare con una persona reale" \
		"Je voudrais parler à un humain" "Quiero hablar con una persona" \
		"Ich möchte mit einem Menschen sprechen"; do
		run bash -c "jq -c --arg t '$t' '.messages += [{direction: \"in\", author: \"customer\", text: \$t}]' \
			'$R/email-wismo.json' | omni-route | jq -c '.latest.person'"
		assert_output true
	done
	# answered last: no latest request
	run bash -c "jq -c '.messages += [{direction: \"out\", author: \"agent\", text: \"Done.\"}]' '$R/email-wismo.json' |
		omni-route | jq -c '.latest'"
	assert_output null
}

@test "--auto leaves to a person a request for one, a changed request, anger and a repeat contact, with the reason" {
	need_smtpd
	conf=$(smtp_conf)
	{
		after_answer person-$BATS_TEST_NUMBER@example.com bot "Can a real person please check?"
		after_answer changed-$BATS_TEST_NUMBER@example.com agent "cancelad el pedido #1043 y devolvedme el dinero"
		after_answer angry-$BATS_TEST_NUMBER@example.com agent "This is ridiculous. Terrible service, where is my order #1043?"
		after_answer again-$BATS_TEST_NUMBER@example.com bot "Any update on #1043?"
	} >"$BATS_TEST_TMPDIR/in.ndjson"
	run omni-reply -c "$conf" --auto --send "$NOW" "$BATS_TEST_TMPDIR/in.ndjson"
	assert_success
	run jq -r '[(.customer.emails[0] | sub("-.*"; "")), .reply.person, .reply.status,
		(.reply.template // "-" | if IN("cancellation", "refund", "refund_partial") then "cancel/refund" else . end)] | @tsv' <<<"$output"
	assert_output "person	asks_person	draft	wismo
changed	changed_request	draft	cancel/refund
angry	negative	draft	wismo
again	repeat_contact	draft	wismo"
	for who in person changed angry again; do
		assert_equal "$(received "$who-$BATS_TEST_NUMBER@example.com")" 0
	done
}

@test "--auto answers a new question after a person's answer, in the language of the latest message" {
	run bash -c "jq -c '.customer.emails = [\"it@example.com\"] | del(.lang, .intent) |
		.messages += [{direction: \"out\", author: \"agent\", text: \"Checking.\"},
		{direction: \"in\", author: \"customer\", text: \"Buongiorno, dove è il mio ordine #1043? Grazie\"}]' \
		'$R/email-wismo.json' | omni-route | omni-reply --auto '$NOW' | jq -r '[.latest.lang, .reply.lang, .reply.template, .reply.person // \"-\"] | @tsv'"
	assert_success
	assert_output "it	it	wismo	-"
}

@test "--auto sends no template twice in a row unless a fact it states changed" {
	base=$(jq -c '.customer.emails = ["same@example.com"]' "$R/email-wismo.json")
	text=$(omni-reply --auto "$NOW" <<<"$base" | jq -r .reply.text)
	# the bot sent it; a person answered; the customer asks the same again
	again() {
		jq -c --arg t "$text" '.messages += [
			{id: "b1@acme.example", direction: "out", author: "bot", template: "wismo", text: $t, at: "2026-11-20T09:30:00Z"},
			{id: "p1@acme.example", direction: "out", author: "agent", text: "Let me check.", at: "2026-11-20T10:00:00Z"},
			{id: "q9@mail.example", direction: "in", author: "customer", text: "Where is my order #1043?", at: "2026-11-20T11:00:00Z"}]' |
			omni-route | omni-reply --auto "$NOW" | jq -r '[.reply.template, .reply.person // "-", .reply.tag // "-"] | @tsv'
	}
	run again <<<"$base"
	assert_output "wismo	same_reply	repeat"
	# a new tracking event: the same template says something new
	run again <<<"$(jq -c '.orders[0].fulfillments[0].status = "out_for_delivery" |
		.orders[0].fulfillments[0].estimated_at = "2026-11-20T18:00:00Z"' <<<"$base")"
	assert_output "wismo	-	-"
}

@test "a claim goes to a person; a marketing mail, or any intent without a template, gets no reply" {
	run bash -c "jq -c '.kind = \"claim\" | .intent = \"claim\"' '$R/amazon-wismo.json' | omni-reply --auto '$NOW' | jq -r '[.reply.person, .reply.status] | @tsv'"
	assert_output "claim	draft"
	for intent in marketing spam notification invoice autoreply; do
		run bash -c "jq -c '.intent = \"$intent\"' '$R/email-wismo.json' | omni-reply --auto '$NOW' | jq -c '.reply'"
		assert_output null
	done
	# a mail the conversation's words call a claim, its latest words marketing
	run bash -c "jq -c '.intent = \"claim\" | .latest = {intent: \"marketing\", lang: \"en\", sentiment: \"neutral\", messages: 1}' \
		'$R/email-wismo.json' | omni-reply --auto '$NOW' | jq -c '.reply'"
	assert_output null
	# and a template the library has not for that intent: none
	run bash -c "jq -c '.intent = \"marketing\"' '$R/email-wismo.json' | omni-reply '$NOW' | jq -c '.reply'"
	assert_output null
}

# ---- RFC 3834 ----

# A mail into the Maildir: $1 name, $2 From, $3 Subject, $4 extra header lines.
mail() {
	mkdir -p "$HOME/Maildir/new" "$HOME/Maildir/cur" "$HOME/Maildir/tmp"
	{
		printf 'From: %s\r\nTo: care@acme.example\r\nSubject: %s\r\n' "$2" "$3"
		printf 'Date: Fri, 20 Nov 2026 10:00:00 +0000\r\nMessage-ID: <%s@mail.example>\r\n' "$1"
		[ -z "$4" ] || printf '%s\r\n' "$4"
		printf 'Content-Type: text/plain; charset=utf-8\r\n\r\nWhere is my order #1043?\r\n'
	} >"$HOME/Maildir/new/$1.eml"
}

@test "omni-fetch marks what a machine wrote: Auto-Submitted, Precedence, lists, reports, out-of-office in five languages" {
	mail plain maria.rossi@example.com "Where is my order #1043?" ""
	mail oof maria.rossi@example.com "Automatic reply: Where is my order #1043?" "Auto-Submitted: auto-replied"
	mail no maria.rossi@example.com "Order #1043" "Auto-Submitted: no"
	mail bulk news@shop.example "Our news" "Precedence: bulk"
	mail list news@shop.example "Claim your free audit" "List-Unsubscribe: <mailto:u@shop.example>"
	mail listid news@shop.example "Weekly" "List-Id: <weekly.shop.example>"
	mail dsn mailer-daemon@mx.example "Undelivered Mail Returned to Sender" \
		$'X-Failed-Recipients: gone@example.com'
	# a delivery status notification (RFC 3464) from a sender like any other
	printf '%s\r\n' 'From: Mail Delivery System <mx@mx.example>' 'To: care@acme.example' \
		'Subject: Delivery Status Notification (Failure)' 'Date: Fri, 20 Nov 2026 10:00:00 +0000' \
		'Message-ID: <dsn2@mail.example>' 'MIME-Version: 1.0' \
		'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"' '' \
		'--b1' 'Content-Type: text/plain' '' 'Your message could not be delivered.' \
		'--b1' 'Content-Type: message/delivery-status' '' 'Final-Recipient: rfc822; gone@example.com' \
		'Action: failed' 'Status: 5.1.1' '--b1--' >"$HOME/Maildir/new/dsn2.eml"
	mail it a@example.it "Risposta automatica: ordine #1043" ""
	mail fr a@example.fr "Réponse automatique : commande #1043" ""
	mail es a@example.es "Respuesta automática: pedido #1043" ""
	mail es2 a@example.es "Fuera de la oficina" ""
	mail de a@example.de "Abwesenheitsnotiz: Bestellung #1043" ""
	mail de2 a@example.de "Automatische Antwort: Bestellung #1043" ""
	mail en2 a@example.com "Out of Office: order #1043" ""
	mail fr2 a@example.fr "Absence de colis pour la commande #1043" ""
	run bash -c "omni-fetch '$NOW' maildir:\$HOME/Maildir | jq -r '.messages[0] | [(.id | sub(\"@.*\"; \"\")), .author, (.auto // [] | join(\",\"))] | @tsv' | sort"
	assert_success
	assert_output "bulk	system	bulk
de	system	out-of-office
de2	system	out-of-office
dsn	system	report
dsn2	system	report
en2	system	out-of-office
es	system	out-of-office
es2	system	out-of-office
fr	system	out-of-office
fr2	customer	
it	system	out-of-office
list	system	list
listid	system	list
no	customer	
oof	system	auto-submitted,out-of-office
plain	customer	"
}

@test "--auto never answers a machine: an autoreply, a newsletter, a bounce, a no-reply sender" {
	{
		jq -c '.id = "oof" | .messages[-1].author = "system" | .messages[-1].auto = ["auto-submitted", "out-of-office"]' "$R/email-wismo.json"
		jq -c '.id = "news" | .messages[-1].auto = ["list"]' "$R/email-wismo.json"
		for a in mailer-daemon@mx.example postmaster@shop.example no-reply@shop.example nocxemail@relay.walmart.com; do
			jq -c --arg a "$a" '.id = $a | .messages[-1].from = $a' "$R/email-wismo.json"
		done
		jq -c '.id = "person" | .messages[-1].from = "maria.rossi@example.com"' "$R/email-wismo.json"
	} >"$BATS_TEST_TMPDIR/in.ndjson"
	run bash -c "omni-reply --auto '$NOW' '$BATS_TEST_TMPDIR/in.ndjson' | jq -r '[.id, .reply.template // \"-\"] | @tsv'"
	assert_success
	assert_output "oof	-
news	-
mailer-daemon@mx.example	-
postmaster@shop.example	-
no-reply@shop.example	-
nocxemail@relay.walmart.com	-
person	wismo"
}

@test "automatic mail says Auto-Submitted: auto-replied; a person's does not" {
	need_smtpd
	conf=$(smtp_conf)
	jq -c '.customer.emails = ["bot-'$BATS_TEST_NUMBER'@example.com"]' "$R/email-wismo.json" >"$BATS_TEST_TMPDIR/a.json"
	jq -c '.id = "p" | .customer.emails = ["person-'$BATS_TEST_NUMBER'@example.com"]' "$R/email-wismo.json" >"$BATS_TEST_TMPDIR/p.json"
	run omni-reply -c "$conf" --auto --send "$NOW" "$BATS_TEST_TMPDIR/a.json"
	assert_success
	run omni-reply -c "$conf" --send "$NOW" "$BATS_TEST_TMPDIR/p.json"
	assert_success
	run grep -c $'^Auto-Submitted: auto-replied\r$' "$(grep -l "^X-Envelope-To: bot-$BATS_TEST_NUMBER@" "$SPOOL"/*.eml)"
	assert_output 1
	run grep -c '^Auto-Submitted:' "$(grep -l "^X-Envelope-To: person-$BATS_TEST_NUMBER@" "$SPOOL"/*.eml)"
	assert_output 0
}

@test "one automatic reply an address in auto_period; the next waits for a person" {
	need_smtpd
	to=period-$BATS_TEST_NUMBER@example.com
	for i in 1 2; do
		jq -c --arg a "$to" --arg id "t$i" '.id = $id | .customer.emails = [$a]' "$R/email-wismo.json"
	done >"$BATS_TEST_TMPDIR/in.ndjson"
	conf=$(smtp_conf)
	run omni-reply -c "$conf" --auto --send "$NOW" "$BATS_TEST_TMPDIR/in.ndjson"
	assert_success
	run jq -r '[.id, .reply.status, .reply.person // "-"] | @tsv' <<<"$output"
	assert_output "t1	sent	-
t2	draft	address_period"
	assert_equal "$(received "$to")" 1
	# a day later the address may be answered again
	run omni-reply -c "$conf" --auto --send --now 2026-11-21T12:00:01Z "$BATS_TEST_TMPDIR/in.ndjson"
	assert_equal "$(jq -r 'select(.id == "t2") | .reply.status' <<<"$output")" sent
	# a period of its own, and a bad one
	rm -f "$OMNI_DB"
	conf=$(smtp_conf $'auto_period = 0\n')
	run omni-reply -c "$conf" --auto --send "$NOW" "$(jq -c '.customer.emails = ["zero-'$BATS_TEST_NUMBER'@example.com"]' "$BATS_TEST_TMPDIR/in.ndjson" >"$BATS_TEST_TMPDIR/z.ndjson"; echo "$BATS_TEST_TMPDIR/z.ndjson")"
	assert_success
	assert_equal "$(received "zero-$BATS_TEST_NUMBER@example.com")" 2
	conf=$(smtp_conf $'auto_period = soon\n')
	run omni-reply -c "$conf" --auto "$NOW" "$BATS_TEST_TMPDIR/in.ndjson"
	assert_failure 78
	assert_output --partial 'auto_period'
}

# ---- marketplaces ----

@test "an Amazon buyer known only by her relay alias (after omni-link) is answered through the relay" {
	need_smtpd
	conf=$(smtp_conf)
	to=alias-$BATS_TEST_NUMBER@marketplace.amazon.com
	jq -c --arg a "$to" '.customer.emails = [] | .customer.handles.amazon = $a' "$R/amazon-wismo.json" >"$BATS_TEST_TMPDIR/t.json"
	run omni-reply -c "$conf" --auto --send "$NOW" "$BATS_TEST_TMPDIR/t.json"
	assert_success
	refute_output --partial 'no delivery for channel amazon'
	assert_equal "$(jq -r .reply.status <<<"$output")" sent
	assert_equal "$(received "$to")" 1
}

@test "eBay WISMO gives the tracking number without the carrier's link; Amazon keeps the link" {
	run bash -c "jq -c '.channel = \"ebay\" | .messages[].channel = \"ebay\"' '$R/email-wismo.json' | omni-reply --auto '$NOW' | jq -r .reply.text"
	assert_success
	assert_output --partial '1Z999AA10123456784'
	refute_output --partial 'http'
	run bash -c "jq -c '.channel = \"amazon\" | .messages[].channel = \"amazon\"' '$R/email-wismo.json' | omni-reply --auto '$NOW' | jq -r .reply.text"
	assert_output --partial 'https://www.ups.com/track?tracknum=1Z999AA10123456784'
}

@test "an order not shipped yet: no promise of a tracking mail omni never sends" {
	for l in en it fr es de; do
		run bash -c "jq -c '.lang = \"$l\" | del(.orders[0].fulfillments)' '$R/email-wismo.json' | omni-reply --auto '$NOW' | jq -r '.reply.template, .reply.text'"
		assert_line --index 0 status
		refute_output --regexp 'as soon as it leaves|appena lascer|dès qu.elle quittera|en cuanto salga|sobald sie unser Lager'
	done
}

@test "a proactive notice, the seller speaking first, is sent by --auto where the auto key lists delay" {
	printf '[reply]\nauto = delay\n' >"$BATS_TEST_TMPDIR/omni.conf"
	run bash -c "jq -c '.kind = \"proactive\" | .intent = null | .messages = [{id: \"proactive:1\", direction: \"in\", author: \"system\",
		at: \"2026-11-20T08:00:00Z\", text: \"late\"}]' '$R/email-wismo.json' |
		omni-reply -c '$BATS_TEST_TMPDIR/omni.conf' --auto '$NOW' | jq -r '[.reply.template, .reply.person // \"-\"] | @tsv'"
	assert_success
	assert_output "delay	-"
}
