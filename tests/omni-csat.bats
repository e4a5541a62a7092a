#!/usr/bin/env bats
# Satisfaction: a solved ticket gets one request ([reply] csat) in the
# customer's language, on its channel's rules; her answer sets csat without
# reopening the ticket, and omni-report's CSAT counts it.

load test_helper
source "$BATS_TEST_DIRNAME/loop-driver.bash"

setup_file() {
	smtpd_file_start
	fixture_start
}

teardown_file() {
	smtpd_file_stop
	fixture_stop
}

# mail $1 from $2, Message-ID $3, following $4 (- none), subject $5, text $6
mail_in() {
	local f=$HOME/Maildir/new/${3%@*}.eml
	{
		printf 'From: %s\r\nTo: care@acme.example\r\nSubject: %s\r\n' "$2" "$5"
		printf 'Date: %s\r\nMessage-ID: <%s>\r\n' "$(date -u -R -d "$1")" "$3"
		[ "$4" = - ] || printf 'In-Reply-To: <%s>\r\nReferences: <%s>\r\n' "$4" "$4"
		printf 'Content-Type: text/plain; charset=utf-8\r\n\r\n%b\r\n' "$6"
	} >"$f"
}

# the pipeline the crontab runs, at time $1
pipeline() {
	set -o pipefail
	omni-fetch --now "$1" | omni-link --now "$1" | omni-route --now "$1" |
		omni-reply --auto --send --now "$1" >>"$HOME/omni/tickets.ndjson"
}

# the mails the server received for address $1
mails_to() {
	grep -l "^X-Envelope-To: $1" "$SPOOL"/*.eml 2>/dev/null || true
}

shop() {
	loop_home "$1"
	omni-fetch --now 2026-11-23T08:00:00Z --orders --store acme \
		"file:$TOP/share/omni/samples/shopify/orders-acme.json" >/dev/null
}

@test "a solved ticket gets one satisfaction request; '5' and 'ottimo' set csat, reopen nothing, get no reply; the report counts them" {
	[ -z "${NO_SMTPD:-}" ] || skip "python3-aiosmtpd is not installed"
	shop 'csat = yes'
	tickets=$HOME/omni/tickets.ndjson
	mail_in 2026-11-23T09:10:00Z tyler.brooks@example.com c1@mail.example - 'Order #1047' \
		'Hi, where is my order #1047? It has been a week.'
	mail_in 2026-11-23T09:20:00Z giulia.rossi87@example.net c2@mail.example - 'Ordine #1061' \
		'Buongiorno, dove si trova il mio ordine #1061? Grazie.'
	# an Amazon buyer asks through the relay about her Amazon order
	amazon_orders 2026-11-23T08:00:00Z
	mail_in 2026-11-23T09:25:00Z '"Dana - Amazon Marketplace" <7xk2m9qp4tz1vbn@marketplace.amazon.com>' \
		c5@email.amazonses.com - 'Order delivery inquiry from Amazon customer Dana (Order: 113-4827365-1029384)' \
		'Order ID 113-4827365-1029384:\n1 of Trail Runner Sock\n\n------------- Begin message -------------\n\nHi, where is my package? Can you check the order status?\n\n------------- End message -------------\n'
	pipeline 2026-11-23T09:30:00Z
	[ "$(mails_to tyler.brooks@example.com | wc -l)" -eq 1 ]
	[ "$(mails_to giulia.rossi87@example.net | wc -l)" -eq 1 ]
	[ "$(mails_to 7xk2m9qp4tz1vbn@marketplace.amazon.com | wc -l)" -eq 1 ]
	# five quiet days: omni-link solves all three, omni-reply asks each
	# once, but not on Amazon
	pipeline 2026-11-28T10:00:00Z
	pipeline 2026-11-28T11:00:00Z
	[ "$(mails_to tyler.brooks@example.com | wc -l)" -eq 2 ]
	[ "$(mails_to giulia.rossi87@example.net | wc -l)" -eq 2 ]
	[ "$(mails_to 7xk2m9qp4tz1vbn@marketplace.amazon.com | wc -l)" -eq 1 ]
	run jq -r 'select(.channel == "amazon") | .status' "$tickets"
	assert_line solved
	ask_en=$(grep -l 'from 1 (poor) to 5' $(mails_to tyler.brooks@example.com))
	ask_it=$(grep -l 'da 1 (male) a 5' $(mails_to giulia.rossi87@example.net))
	[ -n "$ask_en" ] && [ -n "$ask_it" ]
	# a message of the shop's own: no out-of-office answers it (RFC 3834)
	grep -q '^Auto-Submitted: auto-generated' "$ask_en"
	run jq -r 'select(.reply.template == "csat") | [.id, .status, .reply.status, .reply.lang] | @tsv' "$tickets"
	[ "${#lines[@]}" -eq 2 ]
	assert_output --partial $'solved\tsent\ten'
	assert_output --partial $'solved\tsent\tit'
	# the answers, to the requests
	id_en=$(sed -n 's/^Message-ID: <\(.*\)>\r\{0,1\}$/\1/Ip' "$ask_en")
	id_it=$(sed -n 's/^Message-ID: <\(.*\)>\r\{0,1\}$/\1/Ip' "$ask_it")
	mail_in 2026-11-28T12:00:00Z tyler.brooks@example.com c3@mail.example "$id_en" 'Re: Order #1047' \
		'5\n\nOn Sat, 28 Nov 2026, Acme Care wrote:\n> How did we do?'
	mail_in 2026-11-28T12:10:00Z giulia.rossi87@example.net c4@mail.example "$id_it" 'Re: Ordine #1061' \
		'Ottimo, grazie!'
	pipeline 2026-11-28T12:30:00Z
	pipeline 2026-11-28T13:30:00Z
	# no reply to an answer, no second request
	[ "$(mails_to tyler.brooks@example.com | wc -l)" -eq 2 ]
	[ "$(mails_to giulia.rossi87@example.net | wc -l)" -eq 2 ]
	jq -sc 'group_by(.id) | map(.[-1]) | .[] | select(.channel != "amazon")' "$tickets" >"$BATS_TEST_TMPDIR/latest"
	[ "$(mails_to 7xk2m9qp4tz1vbn@marketplace.amazon.com | wc -l)" -eq 1 ]
	run jq -r '[.status, (.reopens // 0), .csat.score, .csat.scale] | @tsv' "$BATS_TEST_TMPDIR/latest"
	assert_output $'solved\t0\t5\t5\nsolved\t0\t5\t5'
	# the conversation is still what it was about
	run jq -r .intent "$BATS_TEST_TMPDIR/latest"
	assert_output $'wismo\nwismo'
	run omni-report --format json "$tickets"
	assert_success
	[ "$(jq -c .total.csat <<<"$output")" = 1 ] || fail "$output"
	run omni-report --format json -d "$OMNI_DB"
	assert_success
	[ "$(jq -c .total.csat <<<"$output")" = 1 ] || fail "$output"
}

@test "without [reply] csat no request goes out" {
	[ -z "${NO_SMTPD:-}" ] || skip "python3-aiosmtpd is not installed"
	shop ''
	mail_in 2026-11-23T09:10:00Z tyler.brooks@example.com n1@mail.example - 'Order #1047' \
		'Hi, where is my order #1047?'
	pipeline 2026-11-23T09:30:00Z
	n=$(mails_to tyler.brooks@example.com | wc -l)
	pipeline 2026-11-28T10:00:00Z
	[ "$(mails_to tyler.brooks@example.com | wc -l)" -eq "$n" ]
	run jq -c 'select(.reply.template == "csat")' "$HOME/omni/tickets.ndjson"
	assert_output ''
}

# A solved ticket of thread $1 whose last reply is a satisfaction request
# (template $2), then the customer's answer $3 on the same thread.
asked_and_answered() {
	jq -nc --arg k "$1" --arg tpl "$2" '
		{omni: 1, id: ("q-" + $k), channel: "email", store: null, kind: "message",
		 source: {name: "test", external_id: ("q-" + $k), thread_key: $k},
		 subject: "Order", created_at: "2026-11-01T10:00:00Z", updated_at: "2026-11-06T10:00:00Z",
		 customer: {emails: [($k + "@example.com")]}, order_ids: [], status: "solved",
		 messages: [
		  {id: ("m1-" + $k), direction: "in", author: "customer", at: "2026-11-01T10:00:00Z",
		   text: "where is my order?", channel: "email"},
		  {id: ("m2-" + $k), direction: "out", author: "bot", at: "2026-11-01T11:00:00Z",
		   text: "It has shipped.", channel: "email"},
		  {id: ("m3-" + $k), direction: "out", author: "bot", at: "2026-11-06T10:00:00Z",
		   text: "How did we do?", channel: "email", template: $tpl}]}'
	jq -nc --arg k "$1" --arg text "$3" '
		{omni: 1, id: ("a-" + $k), channel: "email", store: null, kind: "message",
		 source: {name: "test", external_id: ("a-" + $k), thread_key: $k},
		 subject: "Re: Order", created_at: "2026-11-06T12:00:00Z", updated_at: "2026-11-06T12:00:00Z",
		 customer: {emails: [($k + "@example.com")]}, order_ids: [],
		 messages: [{id: ("m4-" + $k), direction: "in", author: "customer",
		             at: "2026-11-06T12:00:00Z", text: $text, channel: "email"}]}'
}

@test "omni-link: an answer to the request in five languages, a number, a word or an emoji, is the ticket's csat and reopens nothing" {
	i=0
	while IFS='|' read -r text score; do
		i=$((i + 1))
		asked_and_answered "k$i" csat "$(printf '%b' "$text")"
		echo "$score" >>"$BATS_TEST_TMPDIR/want"
	done >"$BATS_TEST_TMPDIR/in.ndjson" <<-'EOF2'
	5|5
	4/5|4
	3 stars|3
	Great, thanks!|5
	bad|1
	Ottimo, grazie!|5
	pessimo|1
	così così|3
	Très bien|5
	nul|1
	genial|5
	malo|1
	Super!|5
	schlecht|1
	Sehr gut, danke|5
	👍|5
	😡|1
	👍🏽|5
	1\n\nOn Fri, Acme wrote:\n> How did we do?|1
	4\n\nThanks,\nTyler Brooks\n\nSent from my iPhone|4
	Molto bene!\nGiulia|5
	EOF2
	run omni-link --now 2026-11-06T13:00:00Z "$BATS_TEST_TMPDIR/in.ndjson"
	assert_success
	latest=$(jq -sc 'group_by(.source.thread_key) | map(last) | sort_by(.source.thread_key | .[1:] | tonumber) | .[]' <<<"$output")
	run jq -r '[.status, (.reopens // 0), (.csat.score // "-"), (.csat.scale // "-"), (.csat.at // "-")] | @tsv' <<<"$latest"
	n=0
	while read -r score; do
		assert_line --index "$n" "$(printf 'solved\t0\t%s\t5\t2026-11-06T12:00:00Z' "$score")"
		n=$((n + 1))
	done <"$BATS_TEST_TMPDIR/want"
	# the store's record keeps it for every later version and the report
	run omni-report --format json -d "$OMNI_DB"
	[ "$(jq -c .total.csat <<<"$output")" != null ] || fail "$output"
}

@test "omni-link: more than a rating, or words after another reply, reopen the solved ticket and set no csat" {
	{
		asked_and_answered r1 csat '5 but where is my refund?'
		asked_and_answered r2 csat 'The parcel never came'
		asked_and_answered r3 wismo '5'
		asked_and_answered r4 csat "$(printf '5\n\nbut the parcel never came, can you check?')"
	} >"$BATS_TEST_TMPDIR/in.ndjson"
	run omni-link --now 2026-11-06T13:00:00Z "$BATS_TEST_TMPDIR/in.ndjson"
	assert_success
	run jq -sr 'group_by(.source.thread_key) | map(last) | .[] | [.source.thread_key, .status, .reopens, (.csat // "-")] | @tsv' <<<"$output"
	assert_output $'r1\topen\t1\t-\nr2\topen\t1\t-\nr3\topen\t1\t-\nr4\topen\t1\t-'
}

R=$FIXTURES/reply

# Fixture $1 solved after a reply at 2026-11-20T10:00:00Z, jq filter $2 after.
solved() {
	jq -c '.status = "solved" | .solved_at = "2026-11-20T10:00:00Z"
		| .messages += [{id: "r-solved", direction: "out", author: "agent",
		                 at: "2026-11-20T10:00:00Z", text: "Done.", channel: .channel}]
		| '"${2:-.}" "$R/$1"
}

csat_conf() {
	printf '[reply]\nsmtp = smtp://127.0.0.1:%s\nfrom = Acme Care <care@acme.example>\nretries = 1\nbackoff = 10\ncsat = yes\n' \
		"${SMTP_PORT:-1}" >"$BATS_TEST_TMPDIR/omni.conf"
	echo "$BATS_TEST_TMPDIR/omni.conf"
}

@test "omni-reply: the request on each channel's rules: none on Amazon, none to a machine, Meta's 24 hours, eBay's lint" {
	c=$(csat_conf)
	{
		solved amazon-wismo.json
		solved email-wismo.json '.id = "t-machine" | .messages[2].auto = ["auto-replied"]'
		solved email-wismo.json '.id = "t-noreply" | .messages[2].from = "no-reply@shop.example"'
		solved email-wismo.json '.id = "t-rated" | .csat = {score: 4, scale: 5, at: "2026-11-20T11:00:00Z"}'
		solved email-wismo.json '.id = "t-mail"'
		solved email-wismo.json '.id = "t-it" | .lang = "it"'
		solved ebay-conversation.json
	} >"$BATS_TEST_TMPDIR/in.ndjson"
	run omni-reply --auto -c "$c" --now 2026-11-20T12:00:00Z "$BATS_TEST_TMPDIR/in.ndjson"
	assert_success
	run jq -r '[.id, .channel, (.reply.template // "-"), (.reply.status // "-"), (.reply.lint // [] | map(sub(":.*"; "")) | join(","))] | @tsv' <<<"$output"
	assert_line --index 0 --regexp $'\tamazon\t-\t-\t$'
	assert_line --index 1 $'t-machine\temail\t-\t-\t'
	assert_line --index 2 $'t-noreply\temail\t-\t-\t'
	assert_line --index 3 $'t-rated\temail\t-\t-\t'
	assert_line --index 4 $'t-mail\temail\tcsat\tdraft\t'
	assert_line --index 5 $'t-it\temail\tcsat\tdraft\t'
	assert_line --index 6 --regexp $'\tebay\tcsat\tdraft\t$'
	run jq -r 'select(.id == "t-it") | .reply.text' <<<"$(omni-reply --auto -c "$c" --now 2026-11-20T12:00:00Z "$BATS_TEST_TMPDIR/in.ndjson")"
	assert_output --partial 'da 1 (male) a 5 (ottimo)'
	# Meta: within 24 hours of her last message, not after
	solved messenger.json >"$BATS_TEST_TMPDIR/m.ndjson"
	last=$(jq -r '[.messages[] | select(.direction == "in") | .at] | max' "$BATS_TEST_TMPDIR/m.ndjson")
	run omni-reply --auto -c "$c" --now "$(date -u -d "$last + 2 hours" +%Y-%m-%dT%H:%M:%SZ)" "$BATS_TEST_TMPDIR/m.ndjson"
	assert_success
	[ "$(jq -r '[.reply.template, .reply.status] | @tsv' <<<"$output")" = $'csat\tdraft' ] || fail "$output"
	# after the window (a ticket --solve-after solved days later): no request
	# at all, said under -v, rather than one blocked on every run
	run omni-reply --auto -v -c "$c" --now "$(date -u -d "$last + 30 hours" +%Y-%m-%dT%H:%M:%SZ)" "$BATS_TEST_TMPDIR/m.ndjson"
	assert_success
	assert_line --partial "no satisfaction request: past the channel's 24-hour window since the customer's last message"
	run bash -c "omni-reply --auto -c '$c' --now '$(date -u -d "$last + 30 hours" +%Y-%m-%dT%H:%M:%SZ)' '$BATS_TEST_TMPDIR/m.ndjson' |
		jq -r '[.reply.template // \"-\", .reply.status // \"-\", .status] | @tsv'"
	assert_output $'-\t-\tsolved'
	# her message reopens it and opens the window again: solved within it, she is asked
	jq -c '.messages += [{id: "m-again", direction: "in", author: "customer", at: "2026-11-21T09:00:00Z",
		text: "One more thing", channel: .channel}, {id: "r-again", direction: "out", author: "agent",
		at: "2026-11-21T09:30:00Z", text: "Sure.", channel: .channel}] | .solved_at = "2026-11-21T09:30:00Z"' \
		"$BATS_TEST_TMPDIR/m.ndjson" >"$BATS_TEST_TMPDIR/m2.ndjson"
	run omni-reply --auto -c "$c" --now 2026-11-21T20:00:00Z "$BATS_TEST_TMPDIR/m2.ndjson"
	assert_success
	[ "$(jq -r '[.reply.template, .reply.status] | @tsv' <<<"$output")" = $'csat\tdraft' ] || fail "$output"
}

@test "omni-reply --send: one request a ticket, kept solved, by its ledger key even when the record does not show it" {
	[ -z "${NO_SMTPD:-}" ] || skip "python3-aiosmtpd is not installed"
	c=$(csat_conf)
	solved email-wismo.json '.id = "t-once" | .customer.emails = ["once@example.com"] | .messages[] |= (.from = null)' \
		>"$BATS_TEST_TMPDIR/in.ndjson"
	run omni-reply --auto --send -c "$c" --now 2026-11-20T12:00:00Z "$BATS_TEST_TMPDIR/in.ndjson"
	assert_success
	run jq -r '[.status, .reply.template, .reply.status, (.messages | last | .template), (.messages | last | .direction)] | @tsv' <<<"$output"
	assert_output $'solved\tcsat\tsent\tcsat\tout'
	[ "$(grep -l '^X-Envelope-To: once@example.com' "$SPOOL"/*.eml | wc -l)" -eq 1 ]
	# the same record again (an older version): the ledger has it
	run omni-reply --auto --send -c "$c" --now 2026-11-20T13:00:00Z "$BATS_TEST_TMPDIR/in.ndjson"
	assert_success
	[ "$(jq -r '.reply.template // "-"' <<<"$output")" = - ] || fail "$output"
	[ "$(grep -l '^X-Envelope-To: once@example.com' "$SPOOL"/*.eml | wc -l)" -eq 1 ]
}

@test "omni-fetch: Messenger's ratings (a Customer Feedback Template's CSAT answer, thumbs on a reply) are the customer's ticket's csat" {
	F=$FIXTURES/fetch/file
	run bash -c "omni-fetch 'file:$F/meta-messenger-feedback.json' | omni-link --now 2024-03-06T18:00:00Z"
	assert_success
	[ "$(wc -l <<<"$output")" -eq 2 ]
	[ "$(jq -r .id <<<"$output" | sort -u | wc -l)" -eq 1 ] || fail "not one ticket: $output"
	run jq -c 'select(.csat) | [.status, .csat, (.messages | length)]' <<<"$output"
	assert_output '["new",{"score":4,"scale":5,"comment":"Quick, thanks","at":"2024-03-06T16:30:12.456Z"},1]'
	# the same delivery again makes nothing; a thumbs down on a reply is 0 of 1
	run omni-fetch "file:$F/meta-messenger-feedback.json"
	assert_output ''
	run bash -c "omni-fetch 'file:$F/meta-response-feedback.json' | omni-link --now 2024-03-06T18:00:00Z | jq -c '[.csat, (.messages | length)]'"
	assert_output '[{"score":0,"scale":1,"at":"2024-03-06T17:30:12.456Z"},1]'
	run omni-report --format json -d "$OMNI_DB"
	[ "$(jq -c .total.csat <<<"$output")" = 0 ] || fail "$output"
}

@test "omni-reply's eBay lint: asking for positive feedback, or for feedback to change, in five languages; asking how we did passes" {
	lint_ebay() {
		jq -c --arg t "$1" '.channel = "ebay" | .reply = {text: $t, status: "draft"}' "$R/amazon-wismo.json" |
			omni-reply --lint --now 2026-11-20T12:00:00Z | jq -r '.reply.status, .reply.lint[]'
	}
	while IFS= read -r t; do
		run lint_ebay "$t"
		[ "${lines[0]}" = blocked ] && [[ $output == *"feedback: "* ]] || fail "passes on eBay: $t -> $output"
	done <<-'EOF2'
	Please leave positive feedback once it arrives.
	Could you revise your feedback if we refund you?
	Ci lasci un feedback positivo, grazie!
	Merci de laisser une évaluation positive.
	¿Nos dejaría una valoración positiva?
	Bitte geben Sie uns eine positive Bewertung.
	EOF2
	run lint_ebay 'How did we do? Reply with a number from 1 (poor) to 5 (excellent).'
	assert_output draft
}

@test "omni-reply: the customer's rating gets no reply, with or without --auto; a later message does" {
	rated='.status = "solved" | .csat = {score: 5, scale: 5, at: .messages[-1].at} | .messages[-1].text = "5"'
	jq -c "$rated" "$R/email-wismo.json" >"$BATS_TEST_TMPDIR/in.ndjson"
	run omni-reply "$BATS_TEST_TMPDIR/in.ndjson"
	assert_success
	[ "$(jq -c .reply <<<"$output")" = null ] || fail "$output"
	run omni-reply -v --auto "$BATS_TEST_TMPDIR/in.ndjson"
	[ "$(jq -c .reply 2>/dev/null <<<"${lines[-1]}")" = null ] || fail "$output"
	# she writes again after rating: that is answered as any message
	jq -c "$rated"' | .status = "open" | .messages += [{id: "m-new", direction: "in", author: "customer",
		at: "2026-11-21T09:00:00Z", text: "Where is my order #1043?", channel: "email"}]' \
		"$R/email-wismo.json" >"$BATS_TEST_TMPDIR/in.ndjson"
	run omni-reply "$BATS_TEST_TMPDIR/in.ndjson"
	assert_success
	[ "$(jq -r .reply.status <<<"$output")" = draft ] || fail "$output"
}

@test "omni-link: a machine's answer to the request (an out-of-office) reopens nothing and sets no csat" {
	asked_and_answered o1 csat 'I am out of the office until Monday.' |
		jq -c 'if .id == "a-o1" then .messages[0].auto = ["out-of-office"] else . end' >"$BATS_TEST_TMPDIR/in.ndjson"
	run omni-link --now 2026-11-06T13:00:00Z "$BATS_TEST_TMPDIR/in.ndjson"
	assert_success
	run jq -sr 'last | [.status, (.reopens // 0), (.csat // "-")] | @tsv' <<<"$output"
	assert_output $'solved\t0\t-'
}
