#!/usr/bin/env bats
# omni-link's key index beside the store (STORE.keys, omni-link(1) FILES):
# record ids, mail ids and thread keys to their rows;
# the same output with it rebuilt, deleted, cut short, behind a restored
# store or written by two processes; a run killed anywhere then rerun
# ends as an uninterrupted one.

load test_helper
bats_require_minimum_version 1.5.0

NOW=2026-11-20T00:00:00Z

# N generated tickets as omni-fetch writes them, into FILE.
gen() {
	"$TOP/bench/gen-tickets" --stage=fetch --customers=$(($1 / 4)) "$1" 7 >"$2"
}

# The index holds one entry of 16 bytes a row of ticket_links and of
# link_msgids (record ids, mail ids, thread keys), after a header of 32.
index_whole() {
	local db=${1:-$OMNI_DB} rows
	rows=$(sqlite3 "$db" 'SELECT (SELECT count(*) FROM ticket_links) + (SELECT count(*) FROM link_msgids)')
	assert_equal "$(stat -c %s "$db.keys")" $((32 + 16 * rows))
	assert_equal "$(sqlite3 "$db" 'SELECT bytes FROM link_key_index')" $((32 + 16 * rows))
}

# What a store holds, in an order that does not depend on its history.
dump() {
	sqlite3 "$1" "SELECT id, customer_id, status, record FROM tickets ORDER BY id;
		SELECT l.source_id, t.id FROM ticket_links l JOIN tickets t ON t.seq = l.ticket
		ORDER BY l.source_id;
		SELECT count(*), count(DISTINCT source_id) FROM ticket_links;
		SELECT id, name FROM customers ORDER BY id;
		SELECT kind, value, customer_id FROM identity_keys ORDER BY kind, value, customer_id"
}

# Who is linked to what: tickets and their customers, records, messages,
# customers and their keys.
links() {
	sqlite3 "$1" "SELECT id, customer_id FROM tickets ORDER BY id;
		SELECT l.source_id, t.id FROM ticket_links l JOIN tickets t ON t.seq = l.ticket
		ORDER BY l.source_id;
		SELECT count(*), count(DISTINCT source_id) FROM ticket_links;
		SELECT t.id, m.id FROM messages m JOIN tickets t ON t.seq = m.ticket ORDER BY 1, 2;
		SELECT id, name FROM customers ORDER BY id;
		SELECT kind, value, customer_id FROM identity_keys ORDER BY kind, value, customer_id"
}

@test "the index is written beside the store; a rerun finds every record through it" {
	gen 2000 "$BATS_TEST_TMPDIR/in.ndjson"
	omni-link --now $NOW "$BATS_TEST_TMPDIR/in.ndjson" >"$BATS_TEST_TMPDIR/1.out"
	[ -f "$OMNI_DB.keys" ]
	[ "$(stat -c %a "$OMNI_DB.keys")" = 600 ]
	index_whole
	rows=$(sqlite3 "$OMNI_DB" 'SELECT count(*) FROM ticket_links')
	assert_equal "$rows" 2000
	omni-link --now $NOW "$BATS_TEST_TMPDIR/in.ndjson" >"$BATS_TEST_TMPDIR/2.out"
	assert_equal "$(sqlite3 "$OMNI_DB" 'SELECT count(*) FROM ticket_links')" 2000
	index_whole
	# the rerun's tickets are the first run's
	run diff <(jq -sc 'group_by(.id) | map(last) | .[] | {id, customer: .customer.id, m: [.messages[].id]}' "$BATS_TEST_TMPDIR/1.out") \
		<(jq -sc 'group_by(.id) | map(last) | .[] | {id, customer: .customer.id, m: [.messages[].id]}' "$BATS_TEST_TMPDIR/2.out")
	assert_success
}

@test "an index deleted, cut short, or with a killed writer's tail is rebuilt: the same output byte for byte" {
	gen 3000 "$BATS_TEST_TMPDIR/in.ndjson"
	head -1000 "$BATS_TEST_TMPDIR/in.ndjson" >"$BATS_TEST_TMPDIR/a"
	sed -n 1001,2000p "$BATS_TEST_TMPDIR/in.ndjson" >"$BATS_TEST_TMPDIR/b"
	sed -n 2001,3000p "$BATS_TEST_TMPDIR/in.ndjson" >"$BATS_TEST_TMPDIR/c"
	# uninterrupted, in three runs
	export OMNI_DB=$BATS_TEST_TMPDIR/whole.db
	for p in a b c; do omni-link --now $NOW "$BATS_TEST_TMPDIR/$p"; done >"$BATS_TEST_TMPDIR/whole.out"
	# the same three runs with the index harmed before each of the last two
	export OMNI_DB=$BATS_TEST_TMPDIR/harmed.db
	{
		omni-link --now $NOW "$BATS_TEST_TMPDIR/a"
		rm "$OMNI_DB.keys"
		omni-link --now $NOW "$BATS_TEST_TMPDIR/b"
		truncate -s 1000 "$OMNI_DB.keys"
		omni-link --now $NOW "$BATS_TEST_TMPDIR/c"
	} >"$BATS_TEST_TMPDIR/harmed.out"
	cmp "$BATS_TEST_TMPDIR/whole.out" "$BATS_TEST_TMPDIR/harmed.out"
	index_whole
	# a tail no transaction committed (a writer killed before COMMIT) is
	# cut off; an index of another store, of the same length, is found
	# out by its generation; both runs as the undamaged store's
	head -c 48 /dev/urandom >>"$OMNI_DB.keys"
	omni-link --now $NOW "$BATS_TEST_TMPDIR/c" >"$BATS_TEST_TMPDIR/harmed2.out"
	index_whole
	cp "$BATS_TEST_TMPDIR/whole.db.keys" "$OMNI_DB.keys"
	omni-link --now $NOW "$BATS_TEST_TMPDIR/c" >>"$BATS_TEST_TMPDIR/harmed2.out"
	index_whole
	export OMNI_DB=$BATS_TEST_TMPDIR/whole.db
	for i in 1 2; do omni-link --now $NOW "$BATS_TEST_TMPDIR/c"; done >"$BATS_TEST_TMPDIR/whole2.out"
	cmp "$BATS_TEST_TMPDIR/whole2.out" "$BATS_TEST_TMPDIR/harmed2.out"
	assert_equal "$(sqlite3 "$OMNI_DB" 'SELECT count(*) FROM ticket_links')" 3000
	assert_equal "$(dump "$BATS_TEST_TMPDIR/whole.db")" "$(dump "$BATS_TEST_TMPDIR/harmed.db")"
}

@test "a store restored from an older copy beside a newer index: found out, the index made to match" {
	gen 2000 "$BATS_TEST_TMPDIR/in.ndjson"
	head -1000 "$BATS_TEST_TMPDIR/in.ndjson" >"$BATS_TEST_TMPDIR/a"
	tail -n +1001 "$BATS_TEST_TMPDIR/in.ndjson" >"$BATS_TEST_TMPDIR/b"
	omni-link --now $NOW "$BATS_TEST_TMPDIR/a" >/dev/null
	sqlite3 "$OMNI_DB" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
	cp "$OMNI_DB" "$BATS_TEST_TMPDIR/copy.db"
	omni-link --now $NOW "$BATS_TEST_TMPDIR/b" >"$BATS_TEST_TMPDIR/b1.out"
	# the copy comes back; the index stays as the later runs left it
	rm -f "$OMNI_DB-wal" "$OMNI_DB-shm"
	cp "$BATS_TEST_TMPDIR/copy.db" "$OMNI_DB"
	[ "$(stat -c %s "$OMNI_DB.keys")" -gt $((32 + 16 * 1000)) ]
	omni-link --now $NOW "$BATS_TEST_TMPDIR/b" >"$BATS_TEST_TMPDIR/b2.out"
	cmp "$BATS_TEST_TMPDIR/b1.out" "$BATS_TEST_TMPDIR/b2.out"
	index_whole
	assert_equal "$(sqlite3 "$OMNI_DB" 'SELECT count(*), count(DISTINCT source_id) FROM ticket_links')" '2000|2000'
	# and a copy from before the index was last rebuilt: another generation
	cp "$BATS_TEST_TMPDIR/copy.db" "$OMNI_DB"
	rm -f "$OMNI_DB-wal" "$OMNI_DB-shm"
	rm "$OMNI_DB.keys"
	omni-link --now $NOW "$BATS_TEST_TMPDIR/b" >/dev/null   # rebuilt: a new generation
	cp "$BATS_TEST_TMPDIR/copy.db" "$OMNI_DB"
	rm -f "$OMNI_DB-wal" "$OMNI_DB-shm"
	omni-link --now $NOW "$BATS_TEST_TMPDIR/b" >"$BATS_TEST_TMPDIR/b3.out"
	cmp "$BATS_TEST_TMPDIR/b1.out" "$BATS_TEST_TMPDIR/b3.out"
	index_whole
}

@test "rows the index lacks (written into the store by hand) are replayed from it" {
	gen 500 "$BATS_TEST_TMPDIR/in.ndjson"
	omni-link --now $NOW "$BATS_TEST_TMPDIR/in.ndjson" >/dev/null
	sqlite3 "$OMNI_DB" "INSERT INTO ticket_links (source_id, ticket, created_at)
		SELECT 'by-hand', min(seq), '2026-11-01T00:00:00Z' FROM tickets"
	head -1 "$BATS_TEST_TMPDIR/in.ndjson" | jq -c '.id = "by-hand" | .source.external_id = "zz-other" | .source.thread_key = "zz-other" | .customer = {emails: ["someone.else@example.org"]}' >"$BATS_TEST_TMPDIR/one"
	run --separate-stderr omni-link --now $NOW "$BATS_TEST_TMPDIR/one"
	assert_success
	# found by its record id: the ticket the hand-written row names
	want=$(sqlite3 "$OMNI_DB" 'SELECT id FROM tickets WHERE seq = (SELECT min(seq) FROM tickets)')
	assert_equal "$(jq -r .id <<<"${lines[-1]}")" "$want"
	index_whole
}

@test "killed at random points, then rerun: the same links, tickets, messages and keys as one run" {
	# A clock before the records: no run's start moves a ticket's
	# lifecycle, which a killed run's rerun would do earlier than one
	# run.  (A record linked again re-emits its ticket with the history
	# of its customer as it is then: the records' text is not compared.)
	local now=2026-09-01T00:00:00Z
	gen 6000 "$BATS_TEST_TMPDIR/in.ndjson"
	OMNI_DB=$BATS_TEST_TMPDIR/once.db omni-link --now $now -b 40 "$BATS_TEST_TMPDIR/in.ndjson" >/dev/null
	for round in 1 2 3; do
		export OMNI_DB=$BATS_TEST_TMPDIR/killed-$round.db
		for k in 1 2 3; do
			omni-link --now $now -b 40 "$BATS_TEST_TMPDIR/in.ndjson" >/dev/null 2>&1 &
			pid=$!
			sleep "0.$((RANDOM % 6 + 1))"
			kill -KILL "$pid" 2>/dev/null || true
			wait "$pid" || true
		done
		omni-link --now $now -b 40 "$BATS_TEST_TMPDIR/in.ndjson" >/dev/null
		index_whole
		assert_equal "$(links "$BATS_TEST_TMPDIR/once.db")" "$(links "$OMNI_DB")"
	done
}

@test "two processes on one store: each sees the other's records through the index" {
	# a record one of them linked is found by the other (no second row)
	gen 1200 "$BATS_TEST_TMPDIR/in.ndjson"
	omni-link --now $NOW -b 7 "$BATS_TEST_TMPDIR/in.ndjson" >"$BATS_TEST_TMPDIR/a.out" 2>"$BATS_TEST_TMPDIR/a.err" &
	pa=$!
	omni-link --now $NOW -b 5 "$BATS_TEST_TMPDIR/in.ndjson" >"$BATS_TEST_TMPDIR/b.out" 2>"$BATS_TEST_TMPDIR/b.err" &
	pb=$!
	wait "$pa"
	wait "$pb"
	assert_equal "$(cat "$BATS_TEST_TMPDIR/a.err" "$BATS_TEST_TMPDIR/b.err")" ''
	assert_equal "$(sqlite3 "$OMNI_DB" 'SELECT count(*), count(DISTINCT source_id) FROM ticket_links')" '1200|1200'
	index_whole
	# every record written by each (merges write more)
	[ "$(wc -l <"$BATS_TEST_TMPDIR/a.out")" -ge 1200 ]
	[ "$(wc -l <"$BATS_TEST_TMPDIR/b.out")" -ge 1200 ]
	# and a third run finds every one of them
	omni-link --now $NOW "$BATS_TEST_TMPDIR/in.ndjson" >/dev/null
	assert_equal "$(sqlite3 "$OMNI_DB" 'SELECT count(*), count(DISTINCT source_id) FROM ticket_links')" '1200|1200'
	index_whole
}

@test "a thread key of many tickets: every one found through the index, the same output with the index rebuilt" {
	# one thread, 60 records of one customer; every third closed, so
	# that new tickets follow closed ones under the same thread key
	thread() {
		for i in $(seq "$1" "$2"); do
			jq -nc --arg id "c$i" --arg at "$(printf '2026-%02d-%02dT10:00:00Z' $((9 + i / 28)) $((1 + i % 28)))" \
				--arg st "$([ $((i % 3)) = 0 ] && echo closed || echo open)" '
				{omni: 1, id: $id, channel: "email", store: null, kind: "message",
				 source: {name: "test", external_id: $id, thread_key: "same-thread"},
				 subject: "Hello", created_at: $at, updated_at: $at, status: $st,
				 customer: {emails: ["x@example.com"]}, order_ids: [],
				 messages: [{id: ("m-" + $id), direction: "in", author: "customer",
				             at: $at, text: "hi", channel: "email"}]}'
		done
	}
	thread 1 30 >"$BATS_TEST_TMPDIR/a"
	thread 31 60 >"$BATS_TEST_TMPDIR/b"
	export OMNI_DB=$BATS_TEST_TMPDIR/one.db
	omni-link --now 2026-12-01T00:00:00Z "$BATS_TEST_TMPDIR/a" "$BATS_TEST_TMPDIR/b" >"$BATS_TEST_TMPDIR/one.out"
	# more tickets under the key than a look-up first makes room for
	[ "$(sqlite3 "$OMNI_DB" "SELECT count(*) FROM link_msgids WHERE msgid = 't:same-thread'")" -gt 16 ]
	index_whole
	export OMNI_DB=$BATS_TEST_TMPDIR/two.db
	{
		omni-link --now 2026-12-01T00:00:00Z "$BATS_TEST_TMPDIR/a"
		rm "$OMNI_DB.keys"
		omni-link --now 2026-12-01T00:00:00Z "$BATS_TEST_TMPDIR/b"
	} >"$BATS_TEST_TMPDIR/two.out"
	cmp "$BATS_TEST_TMPDIR/one.out" "$BATS_TEST_TMPDIR/two.out"
	index_whole
	assert_equal "$(links "$BATS_TEST_TMPDIR/one.db")" "$(links "$OMNI_DB")"
}
