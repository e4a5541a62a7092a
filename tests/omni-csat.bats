#!/usr/bin/env bats
# Satisfaction: a solved ticket gets one request ([reply] csat) in the
# customer's language, on its channel's rules; her answer sets csat without
# reopening the ticket, and omni-report's CSAT counts it.

load test_helper

setup_file() {
	smtpd_file_start
}

teardown_file() {
	smtpd_file_stop
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
	mkdir -p "$HOME/Maildir/new" "$HOME/Maildir/cur" "$HOME/Maildir/tmp" "$HOME/omni" \
		"$HOME/.config/omni"
	cat >"$HOME/.config/omni/omni.conf" <<-CONF
	[store acme]
	[source inbox]
	uri = maildir:~/Maildir
	store = acme
	address = care@acme.example
	[reply]
	smtp = smtp://127.0.0.1:$SMTP_PORT
	from = Acme Care <care@acme.example>
	retries = 1
	backoff = 10
	$1
	CONF
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
	pipeline 2026-11-23T09:30:00Z
	[ "$(mails_to tyler.brooks@example.com | wc -l)" -eq 1 ]
	[ "$(mails_to giulia.rossi87@example.net | wc -l)" -eq 1 ]
	# five quiet days: omni-link solves both, omni-reply asks each once
	pipeline 2026-11-28T10:00:00Z
	pipeline 2026-11-28T11:00:00Z
	[ "$(mails_to tyler.brooks@example.com | wc -l)" -eq 2 ]
	[ "$(mails_to giulia.rossi87@example.net | wc -l)" -eq 2 ]
	ask_en=$(grep -l 'from 1 (poor) to 5' $(mails_to tyler.brooks@example.com))
	ask_it=$(grep -l 'da 1 (male) a 5' $(mails_to giulia.rossi87@example.net))
	[ -n "$ask_en" ] && [ -n "$ask_it" ]
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
	jq -sc 'group_by(.id) | map(.[-1]) | .[]' "$tickets" >"$BATS_TEST_TMPDIR/latest"
	run jq -r '[.status, (.reopens // 0), .csat.score, .csat.scale] | @tsv' "$BATS_TEST_TMPDIR/latest"
	assert_output $'solved\t0\t5\t5\nsolved\t0\t5\t5'
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
