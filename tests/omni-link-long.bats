#!/usr/bin/env bats
# omni-link on long tickets: a ticket's line holds its latest messages and
# says the rest in "earlier" (omni-ticket(5), "Long tickets"); the store
# keeps them all; the figures are those of the whole conversation; a huge
# ticket does not hold the store from other programs.

load test_helper
bats_require_minimum_version 1.5.0

# thread N: N mails of one thread, one record each, each replying to the
# one before.  Mail 0 is the shop's (before any customer message), mail 3
# a system notice; then the customer and the shop take turns, the shop
# answering twice in a row now and then.
thread() {
	awk -v n="$1" 'BEGIN {
		for (i = 0; i < n; i++) {
			t = sprintf("2026-11-%02dT%02d:%02d:00Z", 2 + int(i / 96), int(i / 4) % 24, (i % 4) * 15)
			dir = (i == 0 || i % 2 == 0 || i % 7 == 0) ? "out" : "in"
			who = dir == "in" ? "customer" : i == 3 ? "system" : "agent"
			if (i == 3) dir = "out"
			printf "{\"omni\":1,\"id\":\"mail-%d\",\"channel\":\"email\",\"store\":null,\"kind\":\"message\",", i
			printf "\"source\":{\"name\":\"test\",\"external_id\":\"mail-%d\",\"message_id\":\"m%d@x\"%s},", i, i,
				i ? ",\"in_reply_to\":\"m" (i - 1) "@x\"" : ""
			printf "\"subject\":\"Re: my blanket\",\"created_at\":\"%s\",\"updated_at\":\"%s\",", t, t
			printf "\"customer\":{\"emails\":[\"ann@example.com\"]},\"order_ids\":[],"
			printf "\"messages\":[{\"id\":\"msg-%d\",\"direction\":\"%s\",\"author\":\"%s\",\"at\":\"%s\",\"text\":\"words of mail %d\"}]}\n", i, dir, who, t, i
		}
	}'
}

# The last line of each ticket id.
latest() {
	jq -sc 'group_by(.id) | map(last) | .[]' "$@"
}

@test "a long thread's lines stay bounded: the latest --messages, the rest counted in earlier" {
	thread 60 >"$BATS_TEST_TMPDIR/in.ndjson"
	run omni-link --messages 5 "$BATS_TEST_TMPDIR/in.ndjson"
	assert_success
	printf '%s\n' "$output" >"$BATS_TEST_TMPDIR/out.ndjson"
	[ "$(wc -l <"$BATS_TEST_TMPDIR/out.ndjson")" -eq 60 ]
	# one ticket; no line holds more than 5 messages or 5 merged ids
	run jq -s '[.[].id] | unique | length' "$BATS_TEST_TMPDIR/out.ndjson"
	assert_output 1
	run jq -s 'map(.messages | length) | max' "$BATS_TEST_TMPDIR/out.ndjson"
	assert_output 5
	run jq -s 'map(.merged_from | length) | max' "$BATS_TEST_TMPDIR/out.ndjson"
	assert_output 5
	# the last line: mails 55-59, and 55 left out of which the customer wrote 22
	run jq -c '[.messages[].id], .earlier.messages, .earlier.customer,
		.earlier.first_customer_at, .earlier.first_reply_at, .earlier.first_agent_reply_at, .created_at' \
		<(tail -n 1 "$BATS_TEST_TMPDIR/out.ndjson")
	assert_output - <<-'EOF'
	["msg-55","msg-56","msg-57","msg-58","msg-59"]
	55
	22
	"2026-11-02T00:15:00Z"
	"2026-11-02T00:30:00Z"
	"2026-11-02T00:30:00Z"
	"2026-11-02T00:00:00Z"
	EOF
	# the line does not grow: the last is no longer than the tenth and some
	tenth=$(sed -n 10p "$BATS_TEST_TMPDIR/out.ndjson" | wc -c)
	last=$(tail -n 1 "$BATS_TEST_TMPDIR/out.ndjson" | wc -c)
	[ "$last" -le $((tenth + 64)) ]
	# a short ticket has no earlier
	run jq -s '.[3] | has("earlier")' "$BATS_TEST_TMPDIR/out.ndjson"
	assert_output false
}

@test "a long ticket's figures are the whole conversation's: omni-report and the first response clock as with every message" {
	thread 41 >"$BATS_TEST_TMPDIR/in.ndjson"
	OMNI_DB=$BATS_TEST_TMPDIR/all.db omni-link --messages 0 "$BATS_TEST_TMPDIR/in.ndjson" >"$BATS_TEST_TMPDIR/all.ndjson"
	OMNI_DB=$BATS_TEST_TMPDIR/few.db omni-link --messages 4 "$BATS_TEST_TMPDIR/in.ndjson" >"$BATS_TEST_TMPDIR/few.ndjson"
	run jq -s 'map(.messages | length) | max' "$BATS_TEST_TMPDIR/all.ndjson"
	assert_output 41
	run jq -s 'map(.messages | length) | max' "$BATS_TEST_TMPDIR/few.ndjson"
	assert_output 4
	for v in all few; do
		omni-route --now 2026-11-03T00:00:00Z "$BATS_TEST_TMPDIR/$v.ndjson" \
			>"$BATS_TEST_TMPDIR/$v.routed"
		latest "$BATS_TEST_TMPDIR/$v.routed" | jq -c '.sla' >"$BATS_TEST_TMPDIR/$v.sla"
		omni-report --now 2026-11-20T00:00:00Z -s 2026-11-01 -u 2026-11-10 -f json \
			"$BATS_TEST_TMPDIR/$v.routed" >"$BATS_TEST_TMPDIR/$v.report"
	done
	# the figures were there to compare
	run jq -c '.groups[0].tickets, .groups[0].first_response_min.p50' "$BATS_TEST_TMPDIR/all.report"
	assert_output - <<-'EOF'
	1
	15
	EOF
	run jq -r '.first_response_due' "$BATS_TEST_TMPDIR/all.sla"
	refute_output null
	run diff "$BATS_TEST_TMPDIR/all.sla" "$BATS_TEST_TMPDIR/few.sla"
	assert_success
	run diff <(jq -S . "$BATS_TEST_TMPDIR/all.report") <(jq -S . "$BATS_TEST_TMPDIR/few.report")
	assert_success
	# and from the store
	run diff <(omni-report -d "$BATS_TEST_TMPDIR/all.db" --now 2026-11-20T00:00:00Z -s 2026-11-01 -f json) \
		<(omni-report -d "$BATS_TEST_TMPDIR/few.db" --now 2026-11-20T00:00:00Z -s 2026-11-01 -f json)
	assert_success
}

@test "the store keeps a long ticket's whole timeline: its rows, --export and omni-desk show have every message" {
	thread 30 >"$BATS_TEST_TMPDIR/in.ndjson"
	omni-link --messages 3 "$BATS_TEST_TMPDIR/in.ndjson" >"$BATS_TEST_TMPDIR/out.ndjson"
	# the 27 the line leaves out have their text in their rows, the line
	# the other 3: each text once
	run sqlite3 "$OMNI_DB" "SELECT count(*), count(body) FROM messages"
	assert_output '30|27'
	# each a JSON text
	run jq -s length < <(sqlite3 "$OMNI_DB" "SELECT body FROM messages WHERE body IS NOT NULL")
	assert_output 27
	run sqlite3 "$OMNI_DB" "SELECT id FROM messages WHERE body IS NULL ORDER BY id"
	assert_output - <<-'EOF'
	msg-27
	msg-28
	msg-29
	EOF
	run jq -r .text < <(sqlite3 "$OMNI_DB" "SELECT body FROM messages WHERE id = 'msg-0'")
	assert_output 'words of mail 0'
	run jq -c '[.messages[].id]' <(tail -n 1 "$BATS_TEST_TMPDIR/out.ndjson")
	assert_output '["msg-27","msg-28","msg-29"]'
	run omni-link --export ann@example.com
	assert_success
	run jq -c '[.tickets[].messages | length], [.tickets[].messages[0].text]' <<<"$output"
	assert_line --index 0 '[30]'
	assert_line --index 1 '["words of mail 0"]'
	tail -n 1 "$BATS_TEST_TMPDIR/out.ndjson" >"$BATS_TEST_TMPDIR/tickets.ndjson"
	id=$(jq -r .id "$BATS_TEST_TMPDIR/tickets.ndjson")
	run omni-desk -f "$BATS_TEST_TMPDIR/tickets.ndjson" show "$id"
	assert_success
	assert_output --partial 'words of mail 0'
	assert_output --partial 'words of mail 12'
	assert_output --partial 'words of mail 29'
}

@test "a ticket's latest messages come from the record and a rerun: no message counted twice" {
	thread 12 >"$BATS_TEST_TMPDIR/in.ndjson"
	omni-link --messages 4 "$BATS_TEST_TMPDIR/in.ndjson" >/dev/null
	# the same records again (a rerun), and an old one alone
	omni-link --messages 4 "$BATS_TEST_TMPDIR/in.ndjson" >"$BATS_TEST_TMPDIR/again.ndjson"
	sed -n 2p "$BATS_TEST_TMPDIR/in.ndjson" | omni-link --messages 4 >"$BATS_TEST_TMPDIR/old.ndjson"
	for f in again old; do
		run jq -c '.earlier.messages, [.messages[].id]' <(tail -n 1 "$BATS_TEST_TMPDIR/$f.ndjson")
		assert_line --index 0 8
		assert_line --index 1 '["msg-8","msg-9","msg-10","msg-11"]'
	done
	run sqlite3 "$OMNI_DB" "SELECT count(*) FROM messages"
	assert_output 12
}

@test "a store from before 015: a long ticket's next record moves its old messages' text into their rows" {
	thread 11 >"$BATS_TEST_TMPDIR/in.ndjson"
	head -n 10 "$BATS_TEST_TMPDIR/in.ndjson" | omni-link --messages 0 >/dev/null
	# as a store made before: the version before, no text column (nor the
	# later migrations' columns)
	sqlite3 "$OMNI_DB" "ALTER TABLE messages DROP COLUMN body"
	sqlite3 "$OMNI_DB" "ALTER TABLE link_msgids DROP COLUMN own"
	store_version 14
	tail -n 1 "$BATS_TEST_TMPDIR/in.ndjson" | omni-link --messages 3 >"$BATS_TEST_TMPDIR/out.ndjson"
	run jq -c '[.messages[].id], .earlier.messages' "$BATS_TEST_TMPDIR/out.ndjson"
	assert_output - <<-'EOF'
	["msg-8","msg-9","msg-10"]
	8
	EOF
	# every migration since applied: the version is the last file's number
	run store_version
	assert_output "$(ls "$TOP"/share/omni/migrations/*.sql | sed 's#.*/0*\([0-9]*\)-.*#\1#' | sort -n | tail -1)"
	run sqlite3 "$OMNI_DB" "SELECT count(body) FROM messages"
	assert_output 8
	run jq -r .text < <(sqlite3 "$OMNI_DB" "SELECT body FROM messages WHERE id = 'msg-0'")
	assert_output 'words of mail 0'
	run omni-link --export ann@example.com
	run jq -c '[.tickets[].messages[].id] | length' <<<"$output"
	assert_output 11
}

@test "a second program writes to the store while omni-link joins records to a 100,000-message ticket" {
	awk -v what=big -v n=100000 -f "$TOP/bench/link/long.awk" >"$BATS_TEST_TMPDIR/big.ndjson"
	awk -v what=join -v n=8 -v from=0 -f "$TOP/bench/link/long.awk" >"$BATS_TEST_TMPDIR/join.ndjson"
	# the clock of the messages: the ticket stays open
	local now=2026-01-03T08:00:00Z
	omni-link --now $now "$BATS_TEST_TMPDIR/big.ndjson" >/dev/null
	# one transaction a record, each joining the huge ticket
	omni-link --now $now -b 1 "$BATS_TEST_TMPDIR/join.ndjson" \
		>"$BATS_TEST_TMPDIR/joined.ndjson" 2>"$BATS_TEST_TMPDIR/joined.err" &
	pid=$!
	run omni-link --now $now < <(thread 2)
	wait "$pid"
	assert_success
	refute_output --partial 'locked'
	[ ! -s "$BATS_TEST_TMPDIR/joined.err" ]
	run jq -s -c '(map(.messages | length) | max), (last | .earlier.messages)' "$BATS_TEST_TMPDIR/joined.ndjson"
	assert_line --index 0 50
	assert_line --index 1 99958
	run sqlite3 "$OMNI_DB" "SELECT count(*) FROM messages"
	assert_output 100010
}

@test "--unmerge of an early record of a long ticket: each half from the store, bounded" {
	thread 10 >"$BATS_TEST_TMPDIR/in.ndjson"
	omni-link --messages 3 "$BATS_TEST_TMPDIR/in.ndjson" >/dev/null
	run omni-link --messages 3 -u mail-2
	assert_success
	printf '%s\n' "$output" >"$BATS_TEST_TMPDIR/split.ndjson"
	run jq -c '[.messages[].id], .earlier.messages' "$BATS_TEST_TMPDIR/split.ndjson"
	assert_output - <<-'EOF'
	["msg-7","msg-8","msg-9"]
	6
	["msg-2"]
	null
	EOF
	# the texts the lines leave out are in the rows: msg-0 to msg-6
	run sqlite3 "$OMNI_DB" "SELECT count(DISTINCT ticket) FROM messages WHERE body IS NOT NULL"
	assert_output 2
	run sqlite3 "$OMNI_DB" "SELECT id FROM messages WHERE body IS NOT NULL ORDER BY id"
	assert_output "$(printf 'msg-%s\n' 0 1 2 3 4 5 6)"
}

@test "an old record linked again does not reopen a long ticket it is left out of, nor make it new" {
	thread 13 >"$BATS_TEST_TMPDIR/in.ndjson"
	omni-link --messages 4 "$BATS_TEST_TMPDIR/in.ndjson" >/dev/null
	run omni-link --messages 4 --now 2026-11-07T00:00:00Z </dev/null
	assert_success
	run jq -r .status <<<"$output"
	assert_output solved
	sed -n 2p "$BATS_TEST_TMPDIR/in.ndjson" |
		omni-link --messages 4 --now 2026-11-07T00:00:00Z >"$BATS_TEST_TMPDIR/old.ndjson"
	run jq -c '[.status, .reopens, .earlier.messages]' "$BATS_TEST_TMPDIR/old.ndjson"
	assert_output '["solved",null,9]'
	# a long ticket whose latest four are the customer's still counts the
	# replies before them: open, not new
	thread 20 | jq -c 'if (.id | ltrimstr("mail-") | tonumber) >= 16 then
		.messages[0] += {direction: "in", author: "customer"} else . end' |
		OMNI_DB=$BATS_TEST_TMPDIR/b.db omni-link --messages 4 >"$BATS_TEST_TMPDIR/b.ndjson"
	run jq -r '.status' <(tail -n 1 "$BATS_TEST_TMPDIR/b.ndjson")
	assert_output open
}

@test "an order verified by facts stays verified once the message that gave them is left out" {
	omni-fetch --orders --store acme-outfitters "file:$TOP/share/omni/samples/shopify/orders-acme.json"
	for i in 0 1 2 3 4 5; do
		jq -nc --arg i "$i" '{omni: 1, id: ("dm-" + $i), channel: "instagram",
			store: "acme-outfitters", kind: "message",
			source: {name: "test", external_id: ("dm-" + $i)}, subject: null,
			created_at: "2026-11-18T13:0\($i):00Z", updated_at: "2026-11-18T13:0\($i):00Z",
			customer: {handles: {instagram: "6464"}},
			messages: [{id: ("m-dm-" + $i), direction: "in", author: "customer",
			            at: "2026-11-18T13:0\($i):00Z",
			            text: (if $i == "0" then "ordine #1061, CAP 20121 Milano" else "allora?" end)}]}'
	done >"$BATS_TEST_TMPDIR/in.ndjson"
	# the buyer writes from another Instagram account of hers first, so the
	# facts verify the order and merge no one (omni-link(1))
	jq -nc '{omni: 1, id: "dm-her", channel: "instagram", store: "acme-outfitters",
		kind: "message", source: {name: "test", external_id: "dm-her"}, subject: null,
		created_at: "2026-11-18T12:00:00Z", updated_at: "2026-11-18T12:00:00Z",
		customer: {handles: {instagram: "4242"}},
		messages: [{id: "m-dm-her", direction: "in", author: "customer",
		            at: "2026-11-18T12:00:00Z",
		            text: "ordine #1061, giulia.rossi87@example.net"}]}' |
		omni-link >/dev/null
	run omni-link --messages 2 "$BATS_TEST_TMPDIR/in.ndjson"
	assert_success
	run jq -c '[.id == $id, (.messages | length), .orders[0].number, .orders[0].verified, .orders[0].verified_by]' \
		--arg id "$(printf '%s\n' "$output" | head -n 1 | jq -r .id)" <<<"$(printf '%s\n' "$output" | tail -n 1)"
	assert_output '[true,2,"#1061",true,"facts"]'
}

@test "the lifecycle's clocks hold one ticket at a time: a hundred MB of tickets due at once are moved in bounded memory" {
	skip_on_pg "the peak RSS of the SQLite engine's cache"
	[ -x /usr/bin/time ] || skip "no /usr/bin/time"
	! ldd "$TOP/bin/omni-link" 2>/dev/null | grep -q libasan || skip "a sanitizer's build keeps what it frees"
	# 400 tickets, each a question and a 256 KB answer: pending, due to be
	# solved a week later, 100 MB of records against a cache of 96 MB
	awk -v n=400 'BEGIN {
		big = "x"; while (length(big) < 262144) big = big big
		for (i = 0; i < n; i++) {
			printf "{\"omni\":1,\"id\":\"r-%d\",\"channel\":\"email\",\"store\":null,\"kind\":\"message\",", i
			printf "\"source\":{\"name\":\"test\",\"external_id\":\"r-%d\",\"message_id\":\"m%d@x\"},", i, i
			printf "\"subject\":\"question %d\",\"created_at\":\"2026-11-02T10:00:00Z\",", i
			printf "\"updated_at\":\"2026-11-02T11:00:00Z\",\"customer\":{\"emails\":[\"c%d@example.com\"]},", i
			printf "\"order_ids\":[],\"messages\":[{\"id\":\"q-%d\",\"direction\":\"in\",\"author\":\"customer\",", i
			printf "\"at\":\"2026-11-02T10:00:00Z\",\"text\":\"where is it\"},{\"id\":\"a-%d\",", i
			printf "\"direction\":\"out\",\"author\":\"agent\",\"at\":\"2026-11-02T11:00:00Z\",\"text\":\"%s\"}]}\n", big
		}
	}' >"$BATS_TEST_TMPDIR/in.ndjson"
	omni-link --now 2026-11-02T12:00:00Z "$BATS_TEST_TMPDIR/in.ndjson" >/dev/null
	run sqlite3 "$OMNI_DB" "SELECT status, count(*) FROM tickets GROUP BY status"
	assert_output 'pending|400'
	/usr/bin/time -f %M -o "$BATS_TEST_TMPDIR/rss" omni-link --now 2026-11-12T00:00:00Z \
		</dev/null >/dev/null
	run sqlite3 "$OMNI_DB" "SELECT status, count(*) FROM tickets GROUP BY status"
	assert_output 'solved|400'
	# the cache and one ticket; all 400 held at once took over 200 MB
	run cat "$BATS_TEST_TMPDIR/rss"
	[ "$output" -lt 160000 ]
}
