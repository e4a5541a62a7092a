#!/usr/bin/env bats
# The loop: a day of one shop's mail through the crontab omni ships
# (share/omni/cron/crontab, the lines omni(7) "Running it from cron"
# shows), run as written at each tick with the clock set, against a real
# SMTP server on loopback, with a stage SIGKILLed in several runs.  Every
# message reaches the end once, no customer gets the same reply twice, and
# the report's first response is what the customers waited.

load test_helper

setup_file() {
	smtpd_file_start
}

teardown_file() {
	smtpd_file_stop
}

# The crontab's command for the line whose schedule is $1, as written.
cron_line() {
	awk -v when="$1" '!/^#/ && NF >= 6 && ($1 " " $2 " " $3 " " $4 " " $5) == when {
		sub(/^[^ ]+ [^ ]+ [^ ]+ [^ ]+ [^ ]+ /, ""); print }' "$TOP/share/omni/cron/crontab"
}

# Wrappers first on PATH: each program with the tick's clock; the one
# named in $BATS_TEST_TMPDIR/victim dies by SIGKILL: omni-fetch and
# omni-link once they wrote everything into a pipe no one reads, omni-route
# and omni-reply having read a little of their input.
wrappers() {
	local w=$BATS_TEST_TMPDIR/wrap p
	mkdir -p "$w"
	for p in omni-fetch omni-link omni-route omni-reply omni-report; do
		cat >"$w/$p" <<-WRAP
		#!/bin/bash
		now=\$(cat "$BATS_TEST_TMPDIR/tick")
		if [ "\$(cat "$BATS_TEST_TMPDIR/victim" 2>/dev/null)" = $p ]; then
			case $p in
			omni-fetch|omni-link) "$TOP/bin/$p" --now "\$now" "\$@" | cat >/dev/null ;;
			*) head -c 300 >/dev/null ;;
			esac
			kill -9 \$\$
		fi
		exec "$TOP/bin/$p" --now "\$now" "\$@"
		WRAP
		chmod +x "$w/$p"
	done
	echo "$w"
}

# The mails of day.tsv due by time $1 into the Maildir (each once).
deliver_mail() {
	local at from id parent subject text f
	while IFS=$'\t' read -r at from id parent subject text; do
		case $at in '#'*|'') continue ;; esac
		[[ $at > $1 ]] && continue
		f=$HOME/Maildir/new/${id%@*}.eml
		[ -e "$f" ] && continue
		{
			printf 'From: %s\r\nTo: care@acme.example\r\nSubject: %s\r\n' "$from" "$subject"
			printf 'Date: %s\r\nMessage-ID: <%s>\r\n' "$(date -u -R -d "$at")" "$id"
			[ "$parent" = - ] || printf 'In-Reply-To: <%s>\r\nReferences: <%s>\r\n' "$parent" "$parent"
			printf 'Content-Type: text/plain; charset=utf-8\r\n\r\n%s\r\n' "$text"
		} >"$f"
	done <"$FIXTURES/loop/day.tsv"
}

@test "a day from the crontab, a stage killed in four runs: every message once, no reply twice, the report agrees" {
	[ -z "${NO_SMTPD:-}" ] || skip "python3-aiosmtpd is not installed"
	mkdir -p "$HOME/Maildir/new" "$HOME/Maildir/cur" "$HOME/Maildir/tmp" "$HOME/omni" \
		"$HOME/.config/omni"
	: >"$HOME/.config/omni/env"
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
	CONF
	# the shop's orders, fetched once before the day
	echo 2026-11-23T08:00:00Z >"$BATS_TEST_TMPDIR/tick"
	omni-fetch --orders --store acme "file:$TOP/share/omni/samples/shopify/orders-acme.json" >/dev/null
	five=$(cron_line '*/5 * * * *')
	hourly=$(cron_line '7 * * * *')
	[ -n "$five" ] && [ -n "$hourly" ]
	w=$(wrappers)
	PATH=$w:$PATH
	kills=([3]=omni-link [5]=omni-route [8]=omni-reply [11]=omni-fetch)
	for i in $(seq 0 16); do
		tick=$(date -u -d "2026-11-23T09:00:00Z + $((i * 30)) minutes" +%Y-%m-%dT%H:%M:%SZ)
		echo "$tick" >"$BATS_TEST_TMPDIR/tick"
		echo "${kills[$i]:-}" >"$BATS_TEST_TMPDIR/victim"
		deliver_mail "$tick"
		line=$five
		[ $((i % 2)) -eq 1 ] && line=$hourly     # the hourly line, at :07 of its hour
		# as cron runs it: a shell of its own, the crontab's SHELL and PATH
		setsid bash -c "$line" </dev/null >/dev/null 2>>"$BATS_TEST_TMPDIR/cron.mail" ||
			echo "tick $i: exit $?" >>"$BATS_TEST_TMPDIR/cron.mail"
	done 3>&- </dev/null
	tickets=$HOME/omni/tickets.ndjson
	# the latest version of each ticket
	jq -sc 'group_by(.id) | map(.[-1]) | .[]' "$tickets" >"$BATS_TEST_TMPDIR/latest"
	# every customer message is in exactly one ticket's latest version
	run jq -r 'select(.messages) | .messages[] | select(.direction == "in" and .author == "customer") | .id' "$BATS_TEST_TMPDIR/latest"
	[ "$(sort <<<"$output" | uniq -d)" = "" ] || fail "a message in two tickets: $output"
	[ "$(sort -u <<<"$output" | wc -l)" -eq 10 ] || fail "not the day's 10 messages: $output"
	# every reply the server received is in its ticket, as sent
	sent=$(grep -l '^X-Envelope-To:' "$SPOOL"/*.eml 2>/dev/null | wc -l)
	recorded=$(jq -r '.messages[] | select(.direction == "out") | .id' "$BATS_TEST_TMPDIR/latest" | sort -u | wc -l)
	[ "$sent" -eq "$recorded" ] || fail "$sent mails sent, $recorded replies in the tickets"
	# the nine customers each got one answer, none the same text twice
	[ "$(grep -h '^X-Envelope-To:' "$SPOOL"/*.eml | sort | uniq -d)" = "" ] ||
		fail "a customer mailed twice: $(grep -h '^X-Envelope-To:' "$SPOOL"/*.eml | sort | uniq -c)"
	[ "$sent" -eq 8 ] || fail "$sent replies for the 8 customers"
	# the lifecycle: answered and quiet is pending, a customer's follow-up opens
	run jq -r 'select(.customer.emails[0] == "daniel.okafor@example.com") | .status' "$BATS_TEST_TMPDIR/latest"
	assert_output open
	run jq -r 'select(.customer.emails[0] == "ryan.smith85@example.org") | .status' "$BATS_TEST_TMPDIR/latest"
	assert_output pending
	# first response: what the server received against when each customer wrote
	expect=$(for f in "$SPOOL"/*.eml; do
		to=$(sed -n 's/^X-Envelope-To: //p' "$f" | tr -d '\r')
		sent_at=$(date -u -d "$(sed -n 's/^Date: //p' "$f" | tr -d '\r')" +%s)
		first=$(awk -F'\t' -v who="$to" '$2 == who { print $1; exit }' "$FIXTURES/loop/day.tsv")
		echo $(( (sent_at - $(date -u -d "$first" +%s)) / 60 ))
	done | awk '{ s += $1; n++ } END { printf "%.1f\n", s / n }')
	run omni-report --format json "$tickets"
	assert_success
	[ "$(printf '%.1f' "$(jq -r '.groups[0].first_response_min.mean' <<<"$output")")" = "$expect" ] ||
		fail "first response $(jq -c '.groups[0].first_response_min' <<<"$output"), expected mean $expect"
	# the figures of the loop, from the store as from the file: the route's
	# own members, intent and SLA, too, which the end of the pipeline
	# records in the store
	loop='.groups | map({group, tickets, first_response_min, unanswered, resolution_min, one_touch_share, reopen_rate, csat, wismo_share, sla_compliance})'
	file_report=$(jq -c "$loop" <<<"$output")
	[ "$(jq -c '.total | [.wismo_share > 0, .sla_compliance != null]' <<<"$output")" = '[true,true]' ] ||
		fail "the day has WISMO tickets with an SLA: $output"
	run omni-report --format json -d "$OMNI_DB"
	assert_success
	[ "$(jq -c "$loop" <<<"$output")" = "$file_report" ] ||
		fail "the store's report differs: $output against $file_report"
	# what cron would have mailed: the runs after a kill took up what it left
	run grep -c 'an earlier run left in the store taken up' "$BATS_TEST_TMPDIR/cron.mail"
	[ "$output" -eq 4 ] || fail "$(cat "$BATS_TEST_TMPDIR/cron.mail")"
}
