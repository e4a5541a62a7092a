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

# stored FILTER: each ticket's record in the store through jq FILTER (the
# same on either engine).
stored() {
	sqlite3 "$OMNI_DB" "SELECT record FROM tickets" | jq -r "$1"
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
	[ "$n" -eq 59 ]
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

@test "a claim whose only message is the marketplace's notice (the system's) has its first-response clock" {
	run bash -c "$(declare -f ticket); ticket x amazon 'The buyer has filed an A-to-z Guarantee claim' \
		'.kind = \"claim\" | .messages[0].author = \"system\"' | omni-route --now 2026-11-28T12:00:00Z"
	assert_success
	assert_equal "$(jq -c '[.sla.policy, .sla.first_response_due, .sla.breached]' <<<"$output")" \
		'["claim","2026-11-28T10:00:00Z",["first_response"]]'
	# another system notice wants no answer: no clock
	run bash -c "$(declare -f ticket); ticket x amazon 'Sold, ship now' '.messages[0].author = \"system\"' |
		omni-route --now 2026-11-28T12:00:00Z | jq -c .sla.first_response_due"
	assert_output null
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
	# the intent's line comes first, then the rules'
	assert_equal "$(jq -r '.route.explain[2]' <<<"$output")" \
		'ebay (line 27): channel = ebay [channel="ebay"]'
	assert_regex "$(jq -r '.route.explain[0]' <<<"$output")" '^intent wismo 0\.[0-9]{2}: '
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

@test "learn: a person's corrections go into the local training set and retrain the model" {
	for i in 1 2 3 4 5 6; do
		ticket "w$i" email "my gizmo number $i went kaput" '.lang = "en" | .intent = "damaged"'
		ticket "g$i" email "is the warranty on the gizmo number $i still valid" '.lang = "en" | .intent = "warranty"'
	done >"$BATS_TEST_TMPDIR/labelled.ndjson"
	ticket n email "no intent" '.intent = null' >>"$BATS_TEST_TMPDIR/labelled.ndjson"
	# before: the shipped model has no intent "warranty"
	ticket x email 'is the warranty on my gizmo still valid?' | route | jq -r .intent >"$BATS_TEST_TMPDIR/before"
	run sh "$TOP/share/omni/route/learn" "$BATS_TEST_TMPDIR/labelled.ndjson"
	assert_success
	assert_line "learn: 12 examples added to $XDG_CONFIG_HOME/omni/route/corpus.tsv"
	run grep -c . "$XDG_CONFIG_HOME/omni/route/corpus.tsv"
	assert_output 12
	assert_equal "$(sed -n 1p "$XDG_CONFIG_HOME/omni/route/corpus.tsv")" \
		$'en\tdamaged\tmy gizmo number 1 went kaput'
	[ -s "$XDG_CONFIG_HOME/omni/route/intent.model" ]
	# the same again adds nothing
	run sh "$TOP/share/omni/route/learn" -n "$BATS_TEST_TMPDIR/labelled.ndjson"
	assert_line "learn: 0 examples added to $XDG_CONFIG_HOME/omni/route/corpus.tsv"
	run omni-route --check
	assert_success
	ticket x email 'is the warranty on my gizmo still valid?' | route | jq -r .intent >"$BATS_TEST_TMPDIR/after"
	[ "$(cat "$BATS_TEST_TMPDIR/before")" != warranty ]
	assert_equal "$(cat "$BATS_TEST_TMPDIR/after")" warranty
	run bash -c "$(declare -f ticket); ticket x email 'the gizmo went kaput' | omni-route | jq -r .intent"
	assert_output damaged
}

@test "every decision has intent_confidence; under the threshold the intent is other" {
	ticket x email "where is my order? it has been two weeks" | route >"$BATS_TEST_TMPDIR/o"
	ticket x email "where is my order? it has been two weeks" | route --threshold 1 >>"$BATS_TEST_TMPDIR/o"
	ticket x email "where is my order? it has been two weeks" | route --threshold 0 >>"$BATS_TEST_TMPDIR/o"
	ticket c amazon "hi" '.kind = "claim"' | route --threshold 1 >>"$BATS_TEST_TMPDIR/o"
	run jq -r '[.intent, (.intent_confidence | type), (.intent_confidence > 0.4 and .intent_confidence < 1)] | @tsv' "$BATS_TEST_TMPDIR/o"
	assert_output $'wismo\tnumber\ttrue\nother\tnumber\ttrue\nwismo\tnumber\ttrue\nclaim\tnumber\tfalse'
	assert_equal "$(jq -c .intent_confidence <<<"$(sed -n 4p "$BATS_TEST_TMPDIR/o")")" 1
	# the configuration's key; the option wins
	mkdir -p "$XDG_CONFIG_HOME/omni"
	printf '[route]\nintent_threshold = 1\n' >"$XDG_CONFIG_HOME/omni/omni.conf"
	ticket x email "where is my order?" | route | jq -r .intent >"$BATS_TEST_TMPDIR/o"
	ticket x email "where is my order?" | route --threshold 0.2 | jq -r .intent >>"$BATS_TEST_TMPDIR/o"
	assert_equal "$(cat "$BATS_TEST_TMPDIR/o")" $'other\nwismo'
	printf '[route]\nintent_threshold = much\n' >"$XDG_CONFIG_HOME/omni/omni.conf"
	run bash -c "$(declare -f ticket); ticket x email hi | omni-route"
	assert_failure 78
	assert_output --partial "intent_threshold 'much' is not a number from 0 to 1"
	run omni-route --threshold 2 --check
	assert_failure 64
}

@test "the default threshold is 0.2: an intent at 0.28 is taken, at --threshold 0.3 it is other" {
	# five intents, and a text with no feature the model knows: the
	# biases alone, the most probable at 0.28 (the same examples, the
	# same model)
	printf 'en\twismo\twhere is my parcel\nen\treturn\tsend it back\nen\trefund\tmoney back please\nen\tcancel\tstop the order\nen\texchange\tanother size\n' \
		>"$BATS_TEST_TMPDIR/c.tsv"
	omni-route --train "$BATS_TEST_TMPDIR/m" "$BATS_TEST_TMPDIR/c.tsv"
	ticket x email "xyzzy plugh" | route --model "$BATS_TEST_TMPDIR/m" >"$BATS_TEST_TMPDIR/o"
	ticket x email "xyzzy plugh" | route --model "$BATS_TEST_TMPDIR/m" --threshold 0.3 >>"$BATS_TEST_TMPDIR/o"
	run jq -r '[.intent, (.intent_confidence > 0.2 and .intent_confidence < 0.3)] | @tsv' "$BATS_TEST_TMPDIR/o"
	assert_output $'exchange\ttrue\nother\ttrue'
}

@test "--explain names the features that decided the intent" {
	run bash -c "$(declare -f ticket); ticket t1 email 'hey did my order ship yet?? been waiting forever' | omni-route --now $NOW --explain 2>&1 >/dev/null"
	assert_success
	assert_line --regexp '^omni-route: t1: intent wismo 0\.[0-9]{2}: [wbc]:[^,]+ \+[0-9.]+(, [wbc]:[^,]+ \+[0-9.]+){5}$'
	run bash -c "$(declare -f ticket); ticket t1 email 'where is my order?' | omni-route --now $NOW --explain --threshold 1 2>&1 >/dev/null"
	assert_line --regexp '^omni-route: t1: intent other: under the threshold 1\.00, intent wismo '
}

@test "German without umlauts: rueckgabe, ruckgabe and Rückgabe are one word to the model" {
	for text in "Die Rücksendung ist bei Ihnen, wann kommt die Rückerstattung? Größe M war zu klein" \
		"die ruecksendung ist bei ihnen, wann kommt die rueckerstattung? groesse m war zu klein" \
		"die rucksendung ist bei ihnen, wann kommt die ruckerstattung? grosse m war zu klein"; do
		ticket x email "$text" | route | jq -r '[.lang, .intent, .intent_confidence] | @tsv'
	done >"$BATS_TEST_TMPDIR/o"
	[ "$(sort -u "$BATS_TEST_TMPDIR/o" | wc -l)" -eq 1 ] || fail "$(cat "$BATS_TEST_TMPDIR/o")"
	run cut -f1,2 "$BATS_TEST_TMPDIR/o"
	assert_line --index 0 $'de\trefund'
}

@test "n before b or p in it es fr reads as m: rinborso is rimborso, reenbolso reembolso" {
	for text in "quando arriva il rimborso? ho reso il pacco" "quando arriva il rinborso? ho reso il pacco" \
		"cuando llega el reembolso? ya devolvi el paquete" "cuando llega el reenbolso? ya devolvi el paquete"; do
		ticket x email "$text" | route | jq -r '[.lang, .intent, .intent_confidence] | @tsv'
	done >"$BATS_TEST_TMPDIR/o"
	[ "$(sed -n 1p "$BATS_TEST_TMPDIR/o")" = "$(sed -n 2p "$BATS_TEST_TMPDIR/o")" ] || fail "$(cat "$BATS_TEST_TMPDIR/o")"
	[ "$(sed -n 3p "$BATS_TEST_TMPDIR/o")" = "$(sed -n 4p "$BATS_TEST_TMPDIR/o")" ] || fail "$(cat "$BATS_TEST_TMPDIR/o")"
	run cut -f1,2 "$BATS_TEST_TMPDIR/o"
	assert_output $'it\trefund\nit\trefund\nes\trefund\nes\trefund'
}

@test "non-requests are their own intents: low, no response clock, never a claim, a WISMO or urgent" {
	while IFS=$'\t' read -r want text; do
		ticket x "${text%%:*}" "${text#*:}" | route |
			jq -r --arg w "$want" '[$w, .intent, .priority, (.tags | index("no-response-needed") != null)] | @tsv'
	done >"$BATS_TEST_TMPDIR/o" <<-'EOF'
	autoreply	email:Out of office until Monday 30th, with no access to my mail. For anything urgent call the front desk.
	autoreply	email:Abwesenheitsnotiz: Ich bin bis zum 2. Dezember nicht erreichbar. Ihre E-Mail wird nicht weitergeleitet.
	marketing	email:Unlock 3x more sales this Q4 🚀 Get your FREE conversion audit, our experts found 9 issues on your store
	marketing	email:¡Últimos días de rebajas! 40% de descuento en toda la tienda, solo hasta el domingo
	notification	email:Your DHL parcel 1234567890 has been delivered to a neighbour at 12:41.
	notification	email:Il tuo pacco GLS è in consegna oggi, tra le 14 e le 18.
	notification	ebay:Good news, your item sold! Please post it to the buyer within 2 business days.
	spam	email:Your mailbox has been suspended, click this link and enter your password to restore it within 12 hours
	invoice	email:Please find attached our invoice 2026-0917 for the labels delivered in November, payable within 30 days.
	EOF
	while IFS=$'\t' read -r want got priority quiet; do
		[ "$got" = "$want" ] || fail "want $want, got $got"
		[ "$priority" = low ] && [ "$quiet" = true ] || fail "$want: $priority, no-response-needed $quiet"
	done <"$BATS_TEST_TMPDIR/o"
	[ "$(wc -l <"$BATS_TEST_TMPDIR/o")" -eq 9 ]
}

@test "--train: a model from a corpus; a bad line is named with its file and line" {
	printf 'en\twismo\twhere is my parcel\nen\tbonjour\thello there\n# a comment\n\nen\twismo\tparcel not here\n' >"$BATS_TEST_TMPDIR/c.tsv"
	run omni-route --train "$BATS_TEST_TMPDIR/m" -v "$BATS_TEST_TMPDIR/c.tsv"
	assert_success
	assert_output "omni-route: 3 examples: $BATS_TEST_TMPDIR/m"
	run bash -c "$(declare -f ticket); ticket x email 'hello there' | omni-route --model $BATS_TEST_TMPDIR/m --threshold 0 | jq -r .intent"
	assert_output bonjour
	# the same examples, the same model
	omni-route --train "$BATS_TEST_TMPDIR/m1" "$BATS_TEST_TMPDIR/c.tsv"
	cmp "$BATS_TEST_TMPDIR/m" "$BATS_TEST_TMPDIR/m1"
	printf 'en\twismo\twhere\nen wismo where\n' >"$BATS_TEST_TMPDIR/bad.tsv"
	run omni-route --train "$BATS_TEST_TMPDIR/m2" "$BATS_TEST_TMPDIR/bad.tsv"
	assert_failure 65
	assert_output "omni-route: $BATS_TEST_TMPDIR/bad.tsv:2:1: want LANG TAB INTENT TAB TEXT"
	[ ! -e "$BATS_TEST_TMPDIR/m2" ]
	run omni-route --train "$BATS_TEST_TMPDIR/m2"
	assert_failure 64
	printf 'not a model\n' >"$BATS_TEST_TMPDIR/m3"
	run omni-route --check --model "$BATS_TEST_TMPDIR/m3"
	assert_failure 78
	assert_output --partial "not an intent model"
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

@test "at the end of the pipeline, the route's members join the ticket in the store when this run's omni-link wrote it" {
	ticket w1 email "Where is my order #1043? It was due on Monday." >"$BATS_TEST_TMPDIR/in.ndjson"
	# omni-link and omni-route of one run (one process group), the file last
	setsid -w bash -c "omni-link '$BATS_TEST_TMPDIR/in.ndjson' | omni-route --now $NOW >'$BATS_TEST_TMPDIR/out.ndjson'"
	run jq -r '[.intent, .sla.policy != null] | @tsv' "$BATS_TEST_TMPDIR/out.ndjson"
	assert_output $'wismo\ttrue'
	run stored '[.intent, (.sla != null), (.messages | length)] | map(tostring) | join("|")'
	assert_output 'wismo|true|1'
	run sqlite3 "$OMNI_DB" "SELECT count(*) FROM handoff"
	assert_output 0
	# the same through omni-reply, last
	ticket w2 email "Wo ist meine Bestellung? Die Lieferung ist überfällig." '.customer = {emails: ["b@example.com"]}' \
		>"$BATS_TEST_TMPDIR/in2.ndjson"
	setsid -w bash -c "omni-link '$BATS_TEST_TMPDIR/in2.ndjson' | omni-route --now $NOW | omni-reply >'$BATS_TEST_TMPDIR/out2.ndjson'"
	run stored 'select(.merged_from[0] == "w2") | "\(.intent)|\(.lang)"'
	assert_output 'wismo|de'
	# a ticket another run's omni-link wrote (that run is over): the store
	# keeps it as omni-link left it, for the next omni-link to take up
	ticket w3 email "Where is my parcel?" '.customer = {emails: ["c@example.com"]}' >"$BATS_TEST_TMPDIR/in3.ndjson"
	setsid -w omni-link "$BATS_TEST_TMPDIR/in3.ndjson" >"$BATS_TEST_TMPDIR/linked.ndjson"
	setsid -w omni-route --now "$NOW" "$BATS_TEST_TMPDIR/linked.ndjson" >"$BATS_TEST_TMPDIR/out3.ndjson"
	run stored 'select(.merged_from[0] == "w3") | .intent == null'
	assert_output true
	# and the report from the store has what the file has
	cat "$BATS_TEST_TMPDIR/out.ndjson" "$BATS_TEST_TMPDIR/out2.ndjson" >"$BATS_TEST_TMPDIR/both.ndjson"
	run omni-report --by '' -f json --now "$NOW" "$BATS_TEST_TMPDIR/both.ndjson"
	file=$(jq -c '.total | [.tickets, .wismo_share, .sla_compliance]' <<<"$output")
	w3=$(stored 'select(.merged_from[0] == "w3") | .id')
	run bash -c "sqlite3 '$OMNI_DB' \"DELETE FROM tickets WHERE id = '$w3'\" && omni-report -d '$OMNI_DB' --by '' -f json --now $NOW | jq -c '.total | [.tickets, .wismo_share, .sla_compliance]'"
	assert_output "$file"
}
