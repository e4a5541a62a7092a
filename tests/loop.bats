#!/usr/bin/env bats
# The loop: a day of one shop's mail through the crontab omni ships
# (share/omni/cron/crontab, the lines omni(7) "Running it from cron"
# shows), run as written at each tick with the clock set, against a real
# SMTP server on loopback, with a stage SIGKILLed in several runs.  Every
# message reaches the end once, no customer gets the same reply twice,
# every reply sent states the shipment status the store holds with no
# value left empty, and the report's first response is what the customers
# waited.

load test_helper
# cron_line, wrappers, deliver_mail: the day driver, shared with bench/loop/week
source "$BATS_TEST_DIRNAME/loop-driver.bash"

setup_file() {
	smtpd_file_start
	fixture_start
}

teardown_file() {
	smtpd_file_stop
	fixture_stop
}

# The phrase the library writes for a shipment status, in language $1: a
# shipment's status $2 (- when the order has none) or else the order's $3.
status_phrase() {
	local st=$2
	[ "$st" = - ] && case $3 in
		closed|shipped|fulfilled|delivered|completed) st=shipped ;;
		partially_shipped) st=partly ;;
		open|pending|unfulfilled|unshipped|processing|paid) st=not_shipped ;;
		cancelled) st=cancelled ;;
		*) st=unknown ;;
		esac
	case $st in
	delivered) st=delivered ;;
	out_for_delivery) ;;
	exception|attempt_fail|return_to_sender) st=exception ;;
	pending|info_received|in_transit|available_for_pickup|unknown|shipped|null|'') st=shipped ;;
	esac
	case $1:$st in
	en:delivered) echo 'was delivered' ;;
	en:out_for_delivery) echo 'out for delivery' ;;
	en:exception) echo 'a problem with the delivery' ;;
	en:shipped) echo 'has shipped' ;;
	en:partly) echo 'part of it has shipped' ;;
	en:not_shipped) echo 'is being prepared and has not shipped yet' ;;
	en:cancelled) echo 'was cancelled' ;;
	es:delivered) echo 'se entregó' ;;
	es:out_for_delivery) echo 'está en reparto' ;;
	es:exception) echo 'un problema con la entrega' ;;
	es:shipped) echo 'se ha enviado' ;;
	es:partly) echo 'una parte se ha enviado' ;;
	es:not_shipped) echo 'se está preparando y aún no se ha enviado' ;;
	es:cancelled) echo 'se canceló' ;;
	*) return 1 ;;
	esac
}

# Every reply the SMTP server received, as its ticket recorded it: no
# value left empty (no reply.empty, no blank before a stop, no bracket
# left empty, no tag), and the shipment status the store holds for the
# ticket's verified order, in the reply's language, with no other
# status's phrase beside it.
replies_state_the_store() {
	local n=0 lang number text row ost fst nf want p s
	while IFS=$'\t' read -r lang number text; do
		n=$((n + 1))
		text=$(base64 -d <<<"$text")
		grep -qE ' [.,;:!?)]|\( |  |\(\)|\{\{|[[:alpha:]] \.' <<<"$text" && fail "an empty value in: $text"
		[ "$number" != - ] || fail "a reply with no verified order: $text"
		row=$(sqlite3 -separator $'\t' "$OMNI_DB" "SELECT o.status,
			(SELECT f.status FROM fulfillments f WHERE f.order_rowid = o.rowid),
			(SELECT count(*) FROM fulfillments f WHERE f.order_rowid = o.rowid)
			FROM orders o WHERE o.number = '$number' OR o.order_id = '$number'")
		IFS=$'\t' read -r ost fst nf <<<"$row"
		[ -n "$ost$nf" ] || fail "order $number is not in the store"
		[ "${nf:-0}" -le 1 ] || fail "order $number has $nf shipments"
		[ "${nf:-0}" -eq 1 ] || fst=-
		want=$(status_phrase "$lang" "${fst:-null}" "$ost") || fail "no phrase for $lang, $fst, $ost"
		grep -qiF -- "$want" <<<"$text" || fail "order $number ($ost, shipment ${fst:-}): not '$want' in: $text"
		for s in delivered out_for_delivery exception shipped; do
			p=$(status_phrase "$lang" "$s" -)
			[[ ${want,,} == *"${p,,}"* ]] || ! grep -qiF -- "$p" <<<"$text" ||
				fail "order $number ($ost, shipment ${fst:-}): '$p' beside '$want' in: $text"
		done
		for s in partially_shipped open cancelled; do
			p=$(status_phrase "$lang" - "$s")
			[[ ${want,,} == *"${p,,}"* ]] || ! grep -qiF -- "$p" <<<"$text" ||
				fail "order $number ($ost, shipment ${fst:-}): '$p' beside '$want' in: $text"
		done
	done < <(jq -r '(.orders // [] | map(select(.verified)) | .[0].number // "-") as $n | .lang as $l
		| .messages[] | select(.direction == "out" and (.author == "bot" or .author == "agent"))
		| [$l, $n, (.text | @base64)] | @tsv' "$1")
	[ "$n" -eq "$(grep -l '^X-Envelope-To:' "$SPOOL"/*.eml 2>/dev/null | wc -l)" ] ||
		fail "$n replies checked, not every mail the server received"
	run jq -c 'select(.reply.status == "sent" and .reply.empty)' "$1"
	assert_output ''
}

@test "a day from the crontab, a stage killed in four runs: every message once, no reply twice, the report agrees" {
	[ -z "${NO_SMTPD:-}" ] || skip "python3-aiosmtpd is not installed"
	loop_home
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
	# every reply sent states what the store holds, with no empty value
	replies_state_the_store "$BATS_TEST_TMPDIR/latest"
}

@test "a day of automatic replies: none twice, none to a changed request, an angry repeat, an out-of-office or a newsletter; Amazon through the relay" {
	[ -z "${NO_SMTPD:-}" ] || skip "python3-aiosmtpd is not installed"
	loop_home
	rm -f "$SPOOL"/*.eml      # the server is the file's: only this day's mail
	# the shop's orders and its Amazon orders, fetched once before the day
	echo 2026-11-23T08:00:00Z >"$BATS_TEST_TMPDIR/tick"
	omni-fetch --orders --store acme --now 2026-11-23T08:00:00Z \
		"file:$TOP/share/omni/samples/shopify/orders-acme.json" >/dev/null
	amazon_orders 2026-11-23T08:00:00Z
	[ "$(sqlite3 "$OMNI_DB" "SELECT count(*) FROM orders WHERE order_id = '113-4827365-1029384'")" -eq 1 ]
	five=$(cron_line '*/5 * * * *')
	hourly=$(cron_line '7 * * * *')
	w=$(wrappers)
	PATH=$w:$PATH
	: >"$BATS_TEST_TMPDIR/victim"
	for i in $(seq 0 10); do
		tick=$(date -u -d "2026-11-23T09:00:00Z + $((i * 20 + 15)) minutes" +%Y-%m-%dT%H:%M:%SZ)
		echo "$tick" >"$BATS_TEST_TMPDIR/tick"
		deliver_mail "$tick" auto.tsv
		line=$five
		[ $((i % 3)) -eq 2 ] && line=$hourly
		setsid bash -c "$line" </dev/null >/dev/null 2>>"$BATS_TEST_TMPDIR/cron.mail" ||
			echo "tick $i: exit $?" >>"$BATS_TEST_TMPDIR/cron.mail"
	done 3>&- </dev/null
	! grep -q '^tick' "$BATS_TEST_TMPDIR/cron.mail" || fail "$(cat "$BATS_TEST_TMPDIR/cron.mail")"
	tickets=$HOME/omni/tickets.ndjson
	jq -sc 'group_by(.id) | map(.[-1]) | .[]' "$tickets" >"$BATS_TEST_TMPDIR/latest"
	mails() { grep -l "^X-Envelope-To: $1" "$SPOOL"/*.eml 2>/dev/null | wc -l; }
	# each customer who asked got one automatic reply, the Amazon buyer at her relay alias
	for who in tyler.brooks@example.com daniel.okafor@example.com brandon.young70@example.com \
		ryan.smith85@example.org 7xk2m9qp4tz1vbn@marketplace.amazon.com; do
		[ "$(mails "$who")" -eq 1 ] || fail "$who got $(mails "$who") mails: $(cat "$BATS_TEST_TMPDIR/cron.mail")"
	done
	# and nothing to a changed request, an angry repeat, a request for a person
	# (each their second mail above), an out-of-office or a newsletter
	for who in ashley.walker@example.com james.thomas@example.net news@growth-tools.example; do
		[ "$(mails "$who")" -eq 0 ] || fail "$who was answered"
	done
	# every automatic mail says so (RFC 3834)
	for f in "$SPOOL"/*.eml; do
		grep -q $'^Auto-Submitted: auto-replied\r$' "$f" || fail "$f has no Auto-Submitted"
	done
	# a person has the reasons
	run jq -r 'select(.reply.person) | [(.customer.emails[0] // .customer.handles.amazon), .reply.person] | @tsv' \
		"$BATS_TEST_TMPDIR/latest"
	assert_line $'tyler.brooks@example.com\tasks_person'
	assert_line $'daniel.okafor@example.com\tchanged_request'
	assert_line $'brandon.young70@example.com\tnegative'
	# the machines' mail is the system's, with why
	run jq -r '.messages[] | select(.auto) | [.from, (.auto | join(","))] | @tsv' "$BATS_TEST_TMPDIR/latest"
	assert_line $'ashley.walker@example.com\tauto-submitted,out-of-office'
	assert_line $'james.thomas@example.net\tout-of-office'
	assert_line $'news@growth-tools.example\tbulk,list'
	# every reply sent states the shipment status the store holds, with no empty value
	replies_state_the_store "$BATS_TEST_TMPDIR/latest"
}
