#!/usr/bin/env bats
# omni-route: the classifier in five languages, the default rules, SLA clocks
# in business hours (time zones, daylight saving, holidays, lunch breaks,
# pending), aging, a broken rules file, --check and --explain.

load test_helper

NOW=2026-11-26T12:00:00Z

# ticket ID CHANNEL TEXT [JQ-FILTER]: one ticket with one customer message
# at 2026-11-27T10:00:00Z, changed by the filter.
ticket() {
	jq -nc --arg id "$1" --arg ch "$2" --arg text "$3" '{omni: 1, id: $id,
		channel: $ch, store: "acme-us", kind: "message", subject: null,
		created_at: "2026-11-27T10:00:00Z", updated_at: "2026-11-27T10:00:00Z",
		status: "open",
		messages: [{id: "m1", direction: "in", author: "customer",
			at: "2026-11-27T10:00:00Z", text: $text}]}' | jq -c "${4:-.}"
}

# A message at a time: sets the first message and created/updated to T.
at() {
	printf '.created_at = "%s" | .updated_at = "%s" | .messages[0].at = "%s"' "$1" "$1" "$1"
}

stores() {
	mkdir -p "$XDG_CONFIG_HOME/omni"
	printf '[store acme-us]\ntimezone = America/New_York\n[store acme-it]\ntimezone = Europe/Rome\n' \
		>"$XDG_CONFIG_HOME/omni/omni.conf"
}

route() {
	omni-route --now "${NOW}" "$@"
}

@test "each intent in each language, and the language" {
	while IFS=$'\t' read -r lang intent sentiment text; do
		[ "${lang#\#}" = "$lang" ] || continue
		got=$(ticket x email "$text" | route | jq -r '[.lang, .intent] | @tsv')
		[ "$got" = "$lang	$intent" ] || fail "want $lang $intent, got $got: $text"
		n=$((${n:-0} + 1))
	done <"$FIXTURES/route/intents.tsv"
	[ "$n" -eq 55 ]
}

@test "the held-out accuracy is what the report says" {
	run "$FIXTURES/route/accuracy"
	assert_success
	held=$(awk '$1 == "heldout" { print $3, $4 }' <<<"$output")
	awk -v h="$held" 'BEGIN { split(h, a, " "); exit !(a[1] >= 0.97 && a[2] >= 0.9) }' ||
		fail "held-out language and intent accuracy: $held"
}

@test "unsure of the language: und; no intent: other" {
	run bash -c "$(declare -f ticket); ticket x email 'ok 👍 123' | omni-route --now $NOW"
	assert_success
	assert_equal "$(jq -r '[.lang, .intent, .sentiment] | @tsv' <<<"$output")" $'und\tother\tpositive'
}

@test "sentiment: negative, neutral, positive" {
	for t in "this is unacceptable, worst service ever 😡" "where is my order?" \
		"thank you so much, love it! 😍"; do
		ticket x email "$t" | route | jq -r .sentiment
	done >"$BATS_TEST_TMPDIR/s"
	assert_equal "$(cat "$BATS_TEST_TMPDIR/s")" $'negative\nneutral\npositive'
}

@test "everything else passes through byte for byte, in order" {
	line='{"omni":1,"id":"t1","x":{"b":1.50,"a":[1e3]},"channel":"email","lang":"zz","messages":[{"direction":"in","author":"customer","at":"2026-11-27T10:00:00Z","text":"where is my order?"}],"zz":"\u00e9"}'
	run route <<<"$line"
	assert_success
	assert_output --regexp '^\{"omni":1,"id":"t1","x":\{"b":1.50,"a":\[1e3\]\},"channel":"email","lang":"en","messages":\[.*\],"zz":"\\u00e9","intent":"wismo",'
}

@test "default: an Amazon A-to-z claim is urgent, to the senior marketplace queue" {
	run bash -c "$(declare -f ticket); ticket x amazon 'I have filed an A-to-z Guarantee claim' '.kind = \"claim\"' | omni-route --now $NOW"
	assert_success
	assert_equal "$(jq -c '[.intent, .priority, .priority_score, .queue, .sla.policy, .tags, .route.rules]' <<<"$output")" \
		'["claim","urgent",95,"marketplace-senior","claim",["marketplace","claim"],["base","amazon","marketplace-claim"]]'
}

@test "default: an eBay case in the words alone is a claim too; a chargeback goes to disputes" {
	ticket e ebay "I opened a case with eBay, item not received" | route >"$BATS_TEST_TMPDIR/o"
	ticket s shopify "hi" '.kind = "claim"' | route >>"$BATS_TEST_TMPDIR/o"
	run jq -c '[.intent, .priority, .queue]' "$BATS_TEST_TMPDIR/o"
	assert_output $'["claim","urgent","marketplace-senior"]\n["claim","urgent","disputes"]'
}

@test "default: Instagram and Facebook DMs are high, first response within the hour" {
	for ch in instagram facebook; do
		ticket x "$ch" "hey is this in stock in M?" | route |
			jq -r '[.priority, .sla.policy, .sla.first_response_due] | @tsv'
	done >"$BATS_TEST_TMPDIR/o"
	assert_equal "$(cat "$BATS_TEST_TMPDIR/o")" \
		"$(printf 'high\tsocial\t2026-11-27T11:00:00Z\nhigh\tsocial\t2026-11-27T11:00:00Z')"
	# a public comment is not a DM
	run bash -c "$(declare -f ticket); ticket x instagram 'nice' '.kind = \"comment\"' | omni-route --now $NOW | jq -r .priority"
	assert_output normal
}

@test "default: marketplace windows in calendar hours, weekends included" {
	# Friday 22:00 UTC
	for ch in amazon walmart tiktok; do
		ticket x "$ch" "where is my order?" "$(at 2026-11-27T22:00:00Z)" | route |
			jq -r '[.sla.policy, .sla.first_response_due] | @tsv'
	done >"$BATS_TEST_TMPDIR/o"
	assert_equal "$(cat "$BATS_TEST_TMPDIR/o")" "$(printf '%s\n' \
		$'amazon\t2026-11-28T22:00:00Z' $'walmart\t2026-11-29T22:00:00Z' \
		$'tiktok\t2026-11-28T10:00:00Z')"
}

@test "default: eBay within 3 business days, in the store's time zone" {
	stores
	# Friday 10:00 in New York: Monday, Tuesday, Wednesday; closes 18:00 EST
	run bash -c "$(declare -f ticket at); ticket x ebay 'where is my order?' \"\$(at 2026-11-27T15:00:00Z)\" | omni-route --now $NOW"
	assert_success
	assert_equal "$(jq -r '.sla.first_response_due' <<<"$output")" 2026-12-02T23:00:00Z
}

@test "default: returns to the returns queue, pre-sales to the pre-sales queue" {
	ticket r email "I'd like to return the jacket, it's too small" | route >"$BATS_TEST_TMPDIR/o"
	ticket p email "Do you ship to Canada?" | route >>"$BATS_TEST_TMPDIR/o"
	ticket k email "hi" '.kind = "return"' | route >>"$BATS_TEST_TMPDIR/o"
	run jq -r '[.intent, .queue] | @tsv' "$BATS_TEST_TMPDIR/o"
	assert_output "$(printf 'return\treturns\npresale\tpresale\nreturn\treturns')"
}

@test "breached targets at --now" {
	# an Amazon message of 2026-11-24, unanswered on the 26th
	run bash -c "$(declare -f ticket at); ticket x amazon 'where is my order?' \"\$(at 2026-11-24T10:00:00Z)\" | omni-route --now $NOW"
	assert_equal "$(jq -c .sla.breached <<<"$output")" '["first_response"]'
	# answered in time
	run bash -c "$(declare -f ticket at); ticket x amazon 'where is my order?' \"\$(at 2026-11-24T10:00:00Z) | .messages += [{direction: \\\"out\\\", author: \\\"agent\\\", at: \\\"2026-11-24T18:00:00Z\\\", text: \\\"on its way\\\"}]\" | omni-route --now $NOW"
	assert_equal "$(jq -c .sla.breached <<<"$output")" '[]'
}

# A policy and calendars of the user's own.
user_sla() {
	mkdir -p "$XDG_CONFIG_HOME/omni"
	cat >"$XDG_CONFIG_HOME/omni/sla"
	printf 'rule all\n\tsla test\n' >"$XDG_CONFIG_HOME/omni/rules"
}

@test "a lunch break: business hours in two intervals" {
	stores
	user_sla <<-'EOF'
	calendar acme-it
		mon-fri 09:00-13:00 14:00-18:00
	policy test
		first 2bh
	EOF
	# Monday 12:30 in Rome: half an hour before lunch, 90 minutes after
	ticket x email "hi" "$(at 2026-11-23T11:30:00Z) | .store = \"acme-it\"" | route >"$BATS_TEST_TMPDIR/o"
	run jq -r .sla.first_response_due "$BATS_TEST_TMPDIR/o"
	assert_output 2026-11-23T14:30:00Z
}

@test "a daylight-saving change inside a business-hours window" {
	stores
	user_sla <<-'EOF'
	calendar acme-it
		daily 01:00-05:00
	policy test
		first 3bh
		next 4bh
	EOF
	# 25 October 2026: 03:00 CEST becomes 02:00 CET, the window is 5 hours
	ticket a email "hi" "$(at 2026-10-24T23:00:00Z) | .store = \"acme-it\"" | route |
		jq -r .sla.first_response_due >"$BATS_TEST_TMPDIR/o"
	# 29 March 2026: 02:00 CET becomes 03:00 CEST, the window is 3 hours
	ticket b email "hi" "$(at 2026-03-29T00:00:00Z) | .store = \"acme-it\"" | route |
		jq -r .sla.first_response_due >>"$BATS_TEST_TMPDIR/o"
	assert_equal "$(cat "$BATS_TEST_TMPDIR/o")" $'2026-10-25T02:00:00Z\n2026-03-29T03:00:00Z'
	# four hours on the short day run on into the next night
	cat >>"$XDG_CONFIG_HOME/omni/sla" <<-'EOF'
	policy test
		first 4bh
	EOF
	run bash -c "$(declare -f ticket at); ticket b email hi \"\$(at 2026-03-29T00:00:00Z) | .store = \\\"acme-it\\\"\" | omni-route --now $NOW | jq -r .sla.first_response_due"
	assert_output 2026-03-30T00:00:00Z
}

@test "holidays from a list and from an iCalendar file" {
	user_sla <<-'EOF'
	policy test
		first 2bh
	calendar default
		mon-fri 09:00-18:00
		holiday 2026-12-25
	EOF
	# Thursday 24 December 17:00 UTC: an hour, then Christmas and a weekend
	ticket x email "hi" "$(at 2026-12-24T17:00:00Z) | .store = null" | route |
		jq -r .sla.first_response_due >"$BATS_TEST_TMPDIR/o"
	printf 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261228\r\nSUMMARY:Closed\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' \
		>"$XDG_CONFIG_HOME/omni/closed.ics"
	printf '\tholidays closed.ics\n' >>"$XDG_CONFIG_HOME/omni/sla"
	ticket x email "hi" "$(at 2026-12-24T17:00:00Z) | .store = null" | route |
		jq -r .sla.first_response_due >>"$BATS_TEST_TMPDIR/o"
	assert_equal "$(cat "$BATS_TEST_TMPDIR/o")" $'2026-12-28T10:00:00Z\n2026-12-29T10:00:00Z'
}

@test "the resolution clock pauses while the ticket is pending on the customer" {
	user_sla <<-'EOF'
	policy test
		first 4h
		resolution 10h
	EOF
	answered='.created_at = "2026-11-20T10:00:00Z" | .messages = [
		{direction: "in", author: "customer", at: "2026-11-20T10:00:00Z", text: "hi"},
		{direction: "out", author: "agent", at: "2026-11-20T12:00:00Z", text: "which size?"}]'
	# pending: 2 hours used, 8 left from now
	ticket x email hi "$answered | .status = \"pending\"" | route |
		jq -c '[.sla.resolution_due, .sla.breached, .sla.paused]' >"$BATS_TEST_TMPDIR/o"
	# open: the clock never stopped
	ticket x email hi "$answered" | route |
		jq -c '[.sla.resolution_due, .sla.breached, .sla.paused]' >>"$BATS_TEST_TMPDIR/o"
	# the customer answered at 15:00: 3 hours were paused
	ticket x email hi "$answered | .messages += [{direction: \"in\", author: \"customer\", at: \"2026-11-20T15:00:00Z\", text: \"M\"}]" |
		route | jq -c '[.sla.resolution_due, .sla.next_response_due]' >>"$BATS_TEST_TMPDIR/o"
	assert_equal "$(cat "$BATS_TEST_TMPDIR/o")" "$(printf '%s\n' \
		'["2026-11-26T20:00:00Z",[],true]' \
		'["2026-11-20T20:00:00Z",["resolution"],null]' \
		'["2026-11-20T23:00:00Z",null]')"
}

@test "aging: an idle ticket escalates to a named owner, with a tag" {
	mkdir -p "$XDG_CONFIG_HOME/omni"
	cat >"$XDG_CONFIG_HOME/omni/rules" <<-'EOF'
	rule aging
		when idle more than 24h and status not in (pending, solved, closed)
		assignee dana
		tag escalated
	EOF
	ticket old email "hi" "$(at 2026-11-25T10:00:00Z)" | route >"$BATS_TEST_TMPDIR/o"
	ticket new email "hi" "$(at 2026-11-26T10:00:00Z)" | route >>"$BATS_TEST_TMPDIR/o"
	ticket done email "hi" "$(at 2026-11-20T10:00:00Z) | .status = \"solved\"" | route >>"$BATS_TEST_TMPDIR/o"
	run jq -c '[.id, .assignee, .tags]' "$BATS_TEST_TMPDIR/o"
	assert_output "$(printf '%s\n' '["old","dana",["escalated"]]' '["new",null,[]]' '["done",null,[]]')"
}

@test "conditions: regular expressions, contains, numbers, lists, paths, not" {
	mkdir -p "$XDG_CONFIG_HOME/omni"
	cat >"$XDG_CONFIG_HOME/omni/rules" <<-'EOF'
	rule vip
		when customer.emails ~ "@(bigcorp|example)\.com$"
		tag vip
	rule big
		when orders.total >= 500 and not (channel in (amazon, ebay))
		tag big
	rule words
		when text contains "ASAP"
		tag hurry
	rule shipped
		when orders.fulfillments.status = delivered
		tag delivered
	EOF
	ticket x email "need it asap" '.customer = {emails: ["a@b.org", "ann@example.com"]}
		| .orders = [{total: "20.00"}, {total: 620.5, fulfillments: [{status: "delivered"}]}]' |
		route | jq -c .tags >"$BATS_TEST_TMPDIR/o"
	ticket y amazon "hello" '.orders = [{total: 900}]' | route | jq -c .tags >>"$BATS_TEST_TMPDIR/o"
	assert_equal "$(cat "$BATS_TEST_TMPDIR/o")" $'["vip","big","hurry","delivered"]\n[]'
}

@test "--explain says which rules matched and why, on stderr and in route.explain" {
	run bash -c "$(declare -f ticket); ticket t1 ebay 'where is my order?' | omni-route --now $NOW --explain 2>$BATS_TEST_TMPDIR/err"
	assert_success
	assert_equal "$(jq -r '.route.explain[1]' <<<"$output")" \
		'ebay (line 27): channel = ebay [channel="ebay"]'
	run cat "$BATS_TEST_TMPDIR/err"
	assert_line 'omni-route: t1: base (line 10): always'
	assert_line 'omni-route: t1: ebay (line 27): channel = ebay [channel="ebay"]'
}

@test "--check: the defaults are good; a broken file is named with line and column" {
	run omni-route --check
	assert_success
	assert_output ''
	printf 'rule a\n\twhen channel = amazon\n\tqeue marketplace\n' >"$BATS_TEST_TMPDIR/r1"
	run omni-route --check -R "$BATS_TEST_TMPDIR/r1"
	assert_failure 78
	assert_output "omni-route: $BATS_TEST_TMPDIR/r1:3:2: unknown action 'qeue'"
	printf 'rule a\n\twhen channel = amazon and\n' >"$BATS_TEST_TMPDIR/r2"
	run omni-route --check -R "$BATS_TEST_TMPDIR/r2"
	assert_failure 78
	assert_output "omni-route: $BATS_TEST_TMPDIR/r2:2:27: expected a condition"
	printf 'rule a\n\twhen subject ~ "(unclosed"\n' >"$BATS_TEST_TMPDIR/r3"
	run omni-route --check -R "$BATS_TEST_TMPDIR/r3"
	assert_failure 78
	assert_output --partial "r3:2:17: bad regular expression"
	printf 'rule a\n\tsla nosuch\n' >"$BATS_TEST_TMPDIR/r4"
	run omni-route --check -R "$BATS_TEST_TMPDIR/r4"
	assert_failure 78
	assert_output --partial "no such SLA policy 'nosuch'"
	printf 'calendar c\n\tmon-fri 9-17\n' >"$BATS_TEST_TMPDIR/r5"
	run omni-route --check -R "$BATS_TEST_TMPDIR/r5"
	assert_failure 78
	assert_output --partial "r5:2:10: expected hours such as 09:00-13:00, not '9-17'"
}

@test "a broken rules file stops the run before any ticket, exit 78" {
	mkdir -p "$XDG_CONFIG_HOME/omni"
	printf 'rule a\n\twhen idle > soon\n' >"$XDG_CONFIG_HOME/omni/rules"
	run bash -c "$(declare -f ticket); ticket x email hi | omni-route"
	assert_failure 78
	assert_output "omni-route: $XDG_CONFIG_HOME/omni/rules:2:14: 'soon' is not a number, a duration or a time"
}

@test "an unknown time zone is a configuration error" {
	mkdir -p "$XDG_CONFIG_HOME/omni"
	printf '[store acme-us]\ntimezone = Mars/Olympus\n' >"$XDG_CONFIG_HOME/omni/omni.conf"
	run bash -c "$(declare -f ticket); ticket x email hi | omni-route"
	assert_failure 78
	assert_output --partial "unknown time zone 'Mars/Olympus'"
}

@test "the lexicons grow without a rebuild: a new intent and a new word" {
	mkdir -p "$XDG_CONFIG_HOME/omni/route"
	printf 'lang en\nwarranty 4 warranty\nwismo 4 yo where\n' >"$XDG_CONFIG_HOME/omni/route/mine.lex"
	ticket a email "is the warranty two years?" | route | jq -r .intent >"$BATS_TEST_TMPDIR/o"
	ticket b email "yo where the boots at" | route | jq -r .intent >>"$BATS_TEST_TMPDIR/o"
	assert_equal "$(cat "$BATS_TEST_TMPDIR/o")" $'warranty\nwismo'
}

# Options as "s long" lines ("-" where there is no short form), sorted.
route_help_options() {
	omni-route --help | awk '/^ +-/ {
		if ($1 ~ /^-[A-Za-z],$/) { s = substr($1, 2, 1); l = $2 } else { s = "-"; l = $1 }
		sub(/^--/, "", l); print s, l }' | sort
}

@test "learn: a lexicon from tickets a person has labelled" {
	for i in 1 2 3 4 5 6; do
		ticket "w$i" email "my gizmo number $i went kaput" '.lang = "en" | .intent = "damaged"'
	done >"$BATS_TEST_TMPDIR/labelled.ndjson"
	ticket o email "the gizmo is fine" '.lang = "en" | .intent = "feedback"' >>"$BATS_TEST_TMPDIR/labelled.ndjson"
	mkdir -p "$XDG_CONFIG_HOME/omni/route"
	sh "$TOP/share/omni/route/learn" "$BATS_TEST_TMPDIR/labelled.ndjson" \
		>"$XDG_CONFIG_HOME/omni/route/learned.lex"
	run cat "$XDG_CONFIG_HOME/omni/route/learned.lex"
	assert_output $'lang en\ndamaged 2 gizmo\ndamaged 2 kaput\ndamaged 2 number\ndamaged 2 went'
	run omni-route --check
	assert_success
	run bash -c "$(declare -f ticket); ticket x email 'it went kaput' | omni-route | jq -r .intent"
	assert_output damaged
}

# team BLOCK: the default rules and an assign block for the support queue,
# in $BATS_TEST_TMPDIR/rules.
team() {
	{ cat "$TOP/share/omni/rules"; printf 'assign support\n%s\n' "$1"; } >"$BATS_TEST_TMPDIR/rules"
}

# tickets ID... [JQ-FILTER via F]: one open e-mail ticket for each id.
tickets() {
	for id in "$@"; do
		ticket "$id" email "hello, a question about my account" "${F:-.}"
	done
}

assign() {
	route -R "$BATS_TEST_TMPDIR/rules" "$@" | jq -r '[.id, .assignee // "-", (.tags | join(","))] | @tsv'
}

@test "assignment: round-robin goes on where the last run stopped" {
	team $'\tstrategy round-robin\n\tagents ann bob cat'
	tickets t1 t2 >"$BATS_TEST_TMPDIR/a"
	tickets t3 t4 >"$BATS_TEST_TMPDIR/b"
	run assign "$BATS_TEST_TMPDIR/a"
	assert_output "$(printf 't1\tann\t\nt2\tbob\t')"
	run assign "$BATS_TEST_TMPDIR/b"
	assert_output "$(printf 't3\tcat\t\nt4\tann\t')"
	run sqlite3 "$OMNI_DB" "SELECT last_agent FROM route_round_robin WHERE queue = 'support'"
	assert_output ann
}

@test "assignment: least-open gives the ticket to the agent with the fewest open" {
	team $'\tstrategy least-open\n\tagents ann bob'
	tickets t1 t2 t3 >"$BATS_TEST_TMPDIR/a"
	run assign "$BATS_TEST_TMPDIR/a"
	assert_output "$(printf 't1\tann\t\nt2\tbob\t\nt3\tann\t')"
	# ann solves both of hers, bob none: the next two go to ann (a tie to
	# the agent named first)
	F='.status = "solved"' tickets t1 t3 >"$BATS_TEST_TMPDIR/b"
	tickets t4 t5 t6 >>"$BATS_TEST_TMPDIR/b"
	run assign "$BATS_TEST_TMPDIR/b"
	assert_output "$(printf 't1\tann\t\nt3\tann\t\nt4\tann\t\nt5\tann\t\nt6\tbob\t')"
}

@test "assignment: a cap per agent; all at the cap leaves the ticket unassigned, tagged" {
	team $'\tcap 1\n\tagents ann bob\n\tagent cat 2'
	tickets t1 t2 t3 t4 t5 >"$BATS_TEST_TMPDIR/a"
	run assign "$BATS_TEST_TMPDIR/a"
	assert_output "$(printf 't1\tann\t\nt2\tbob\t\nt3\tcat\t\nt4\tcat\t\nt5\t-\tunassigned:cap')"
	run sqlite3 "$OMNI_DB" "SELECT agent, count(*) FROM route_assignments WHERE open = 1 GROUP BY agent ORDER BY agent"
	assert_output $'ann|1\nbob|1\ncat|2'
}

@test "assignment: a solved ticket frees its slot, a reassigned one too" {
	team $'\tcap 1\n\tagents ann'
	tickets t1 t2 >"$BATS_TEST_TMPDIR/a"
	run assign "$BATS_TEST_TMPDIR/a"
	assert_output "$(printf 't1\tann\t\nt2\t-\tunassigned:cap')"
	F='.status = "solved"' tickets t1 >"$BATS_TEST_TMPDIR/b"
	tickets t2 >>"$BATS_TEST_TMPDIR/b"
	run assign "$BATS_TEST_TMPDIR/b"
	assert_output "$(printf 't1\tann\t\nt2\tann\t')"
	# t2 given by hand to someone outside the queue: ann is free for t3
	F='.assignee = "zed"' tickets t2 >"$BATS_TEST_TMPDIR/c"
	tickets t3 >>"$BATS_TEST_TMPDIR/c"
	run assign "$BATS_TEST_TMPDIR/c"
	assert_output "$(printf 't2\tzed\t\nt3\tann\t')"
	run sqlite3 "$OMNI_DB" "SELECT ticket_id, agent, open FROM route_assignments ORDER BY 1"
	assert_output $'t1|ann|0\nt2|ann|0\nt3|ann|1'
}

@test "assignment: the ticket's own assignee and a rule's win" {
	team $'\tagents ann bob'
	printf 'rule vip\n\twhen subject = vip\n\tassignee boss\n' >>"$BATS_TEST_TMPDIR/rules"
	{ F='.assignee = "dora"' tickets t1; F='.subject = "vip"' tickets t2; tickets t3; } >"$BATS_TEST_TMPDIR/a"
	run assign "$BATS_TEST_TMPDIR/a"
	assert_output "$(printf 't1\tdora\t\nt2\tboss\t\nt3\tann\t')"
}

@test "assignment: the same tickets again keep their agents and count once" {
	team $'\tcap 2\n\tagents ann bob'
	tickets t1 t2 t3 >"$BATS_TEST_TMPDIR/a"
	run assign "$BATS_TEST_TMPDIR/a"
	first=$output
	assert_output "$(printf 't1\tann\t\nt2\tbob\t\nt3\tann\t')"
	run assign "$BATS_TEST_TMPDIR/a"
	assert_output "$first"
	# and the output of a run read again
	run bash -c "omni-route --now $NOW -R '$BATS_TEST_TMPDIR/rules' '$BATS_TEST_TMPDIR/a' | omni-route --now $NOW -R '$BATS_TEST_TMPDIR/rules' | jq -r .assignee"
	assert_output $'ann\nbob\nann'
	run sqlite3 "$OMNI_DB" "SELECT agent, count(*) FROM route_assignments WHERE open = 1 GROUP BY agent ORDER BY agent;
		SELECT last_agent FROM route_round_robin"
	assert_output $'ann|2\nbob|1\nann'
}

@test "assignment: two runs at once never give the same slot away twice" {
	team $'\tcap 30\n\tagents ann bob'
	for i in $(seq 1 60); do tickets "a$i"; done >"$BATS_TEST_TMPDIR/a"
	for i in $(seq 1 60); do tickets "b$i"; done >"$BATS_TEST_TMPDIR/b"
	omni-route --now $NOW -R "$BATS_TEST_TMPDIR/rules" "$BATS_TEST_TMPDIR/a" >"$BATS_TEST_TMPDIR/oa" &
	omni-route --now $NOW -R "$BATS_TEST_TMPDIR/rules" "$BATS_TEST_TMPDIR/b" >"$BATS_TEST_TMPDIR/ob" &
	wait %1
	wait %2
	run jq -rs '[.[] | select(.assignee)] | group_by(.assignee) | map("\(.[0].assignee) \(length)") | .[]' \
		"$BATS_TEST_TMPDIR/oa" "$BATS_TEST_TMPDIR/ob"
	assert_output $'ann 30\nbob 30'
	run jq -rs '[.[] | select(.tags | index("unassigned:cap"))] | length' "$BATS_TEST_TMPDIR/oa" "$BATS_TEST_TMPDIR/ob"
	assert_output 60
	run sqlite3 "$OMNI_DB" "SELECT agent, count(*) FROM route_assignments WHERE open = 1 GROUP BY agent ORDER BY agent"
	assert_output $'ann|30\nbob|30'
}

@test "assignment: a broken assign block is named with line and column" {
	printf 'assign support\n\tstrategy fastest\n' >"$BATS_TEST_TMPDIR/r1"
	run omni-route --check -R "$BATS_TEST_TMPDIR/r1"
	assert_failure 78
	assert_output "omni-route: $BATS_TEST_TMPDIR/r1:2:11: unknown strategy 'fastest' (round-robin, least-open)"
	printf 'assign support\n\tagent ann lots\n' >"$BATS_TEST_TMPDIR/r2"
	run omni-route --check -R "$BATS_TEST_TMPDIR/r2"
	assert_failure 78
	assert_output "omni-route: $BATS_TEST_TMPDIR/r2:2:12: a cap is a number of open tickets, not 'lots'"
	# no assign block: no store
	ticket t1 email hi | route >/dev/null
	[ ! -e "$OMNI_DB" ]
}

@test "Amazon's no response needed: no first-response due, never breached" {
	# a buyer's thank-you of 2026-11-24, marked, unanswered on the 26th
	ticket x amazon 'thanks, all good' "$(at 2026-11-24T10:00:00Z) | .messages[0].no_response_needed = true" |
		route >"$BATS_TEST_TMPDIR/o"
	ticket y amazon 'thanks, all good' "$(at 2026-11-24T10:00:00Z) | .tags = [\"no-response-needed\"]" |
		route >>"$BATS_TEST_TMPDIR/o"
	ticket z amazon 'thanks, all good' "$(at 2026-11-24T10:00:00Z)" | route >>"$BATS_TEST_TMPDIR/o"
	run jq -c '[.id, .sla.first_response_due, .sla.breached]' "$BATS_TEST_TMPDIR/o"
	assert_output '["x",null,[]]
["y",null,[]]
["z","2026-11-25T10:00:00Z",["first_response"]]'
	# the buyer writes again, unmarked: that message's clock runs
	ticket x amazon 'thanks' "$(at 2026-11-24T10:00:00Z) | .messages[0].no_response_needed = true |
		.messages += [{direction: \"in\", author: \"customer\", at: \"2026-11-25T09:00:00Z\", text: \"oh, one more thing\"}]" |
		route >"$BATS_TEST_TMPDIR/o"
	run jq -c '[.sla.first_response_due, .sla.breached]' "$BATS_TEST_TMPDIR/o"
	assert_output '["2026-11-26T09:00:00Z",["first_response"]]'
}

@test "an unknown time zone names its file and line, in omni.conf and in a calendar" {
	mkdir -p "$XDG_CONFIG_HOME/omni"
	printf '[store acme]\nregion = us\ntimezone = America/NewYork\n' >"$XDG_CONFIG_HOME/omni/omni.conf"
	run omni-route --check
	assert_failure 78
	assert_output "omni-route: $XDG_CONFIG_HOME/omni/omni.conf:3:1: unknown time zone 'America/NewYork' (a name such as Europe/Rome, see /usr/share/zoneinfo)"
	rm "$XDG_CONFIG_HOME/omni/omni.conf"
	printf 'calendar acme:\n  zone America/NewYork\n' >"$BATS_TEST_TMPDIR/z.rules"
	run omni-route --check -R "$BATS_TEST_TMPDIR/z.rules"
	assert_failure 78
	assert_output "omni-route: $BATS_TEST_TMPDIR/z.rules:2:8: unknown time zone 'America/NewYork'"
}
