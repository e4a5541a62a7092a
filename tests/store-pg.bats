#!/usr/bin/env bats
# The store on PostgreSQL (OMNI_DB=postgresql://...): a build without
# libpq refuses it; a server not there is 75 and its password never said;
# on a throw-away cluster (tests/pg-cluster, skipped where PostgreSQL's
# server is not installed): the same tickets as on SQLite, a newer schema
# and a database sorting by a locale refused, several programs at once on
# one store as after the same runs one by one, omni-link --copy-to (SQLite
# to PostgreSQL and back), and omni(7)'s "A shared store": a read-only
# role, backups, the GNU parallel recipe.  tests/pg-suite runs the other
# files against it.

load test_helper

setup_file() {
	export PGDIR=$(mktemp -d "${BATS_TMPDIR:-/tmp}/omni-pg.XXXXXX")
	if PGBASE=$(sh "$TOP/tests/pg-cluster" start "$PGDIR/cluster" 2>"$PGDIR/why"); then
		export PGBASE
	else
		export NO_PG=$(cat "$PGDIR/why")
	fi
}

teardown_file() {
	[ -n "${NO_PG:-}" ] || sh "$TOP/tests/pg-cluster" stop "$PGDIR/cluster"
	rm -rf "$PGDIR"
}

need_pg() {
	[ -z "${NO_PG:-}" ] || skip "$NO_PG"
	pg_has_libpq || skip "this build has no PostgreSQL (libpq)"
}

# Was omni built with libpq?
pg_has_libpq() {
	! OMNI_DB=postgresql://127.0.0.1:1/none omni-link </dev/null 2>&1 | grep -q 'has no PostgreSQL'
}

# A new database of the cluster: its URI.
pg_db() {
	local name=d$BATS_TEST_NUMBER${1:-}
	psql -qX "$PGBASE/postgres" -c "CREATE DATABASE $name TEMPLATE template0 LOCALE '${2:-C}'" >/dev/null
	echo "$PGBASE/$name"
}

# t ID CHANNEL AT [JQ]: an input record of omni-link's (omni-link.bats's).
t() {
	local id=$1 channel=$2 at=$3
	shift 3
	jq -nc --arg id "$id" --arg ch "$channel" --arg at "$at" '
		{omni: 1, id: $id, channel: $ch, store: null, kind: "message",
		 source: {name: "test", external_id: $id, thread_key: $id},
		 subject: "Hello", created_at: $at, updated_at: $at,
		 customer: {}, order_ids: [],
		 messages: [{id: ("m-" + $id), direction: "in", author: "customer",
		             at: $at, text: "hi", channel: $ch}]}
		| '"${1:-.}"
}

@test "a build without libpq refuses a postgresql:// store: 78, saying what to build with" {
	local src=$BATS_TEST_TMPDIR/src
	mkdir -p "$src"
	cp -R "$TOP/Makefile" "$TOP/lib" "$TOP/cmd" "$TOP/share" "$TOP/tools" "$src/"
	find "$src/lib" "$src/cmd" -name '*.[oda]' -delete
	rm -f "$src/lib/store/migrations.c"
	make -s -C "$src" PG=0 bin/omni-link >/dev/null 2>&1
	OMNI_DB=postgresql://omni@127.0.0.1:1/omni run "$src/bin/omni-link" </dev/null
	assert_failure 78
	assert_output --partial 'this build has no PostgreSQL: build omni with libpq (libpq-dev)'
	# a path is still SQLite's
	OMNI_DB=$BATS_TEST_TMPDIR/omni.db run "$src/bin/omni-link" </dev/null
	assert_success
	assert [ -f "$BATS_TEST_TMPDIR/omni.db" ]
}

@test "a PostgreSQL store not there is 75 (run again later); its password is never said" {
	pg_has_libpq || skip "this build has no PostgreSQL (libpq)"
	OMNI_DB=postgresql://omni:s3cret-pw@127.0.0.1:1/omni run omni-link </dev/null
	assert_failure 75
	assert_output --partial 'cannot connect to the store'
	refute_output --partial 's3cret-pw'
	refute [ -e "$BATS_TEST_TMPDIR/postgresql:" ]
}

@test "on PostgreSQL: the tickets omni-link writes are SQLite's, a rerun stores nothing twice" {
	need_pg
	export OMNI_DB=$BATS_TEST_TMPDIR/omni.db     # SQLite's, whatever the suite runs on
	for i in $(seq 1 60); do
		t "p$i" email "2026-11-01T10:$(printf %02d $((i % 60))):00Z" \
			".customer = {emails: [\"c$((i % 12))@example.com\"]} | .order_ids = [\"#$((5000 + i % 12))\"]"
	done >"$BATS_TEST_TMPDIR/in.ndjson"
	omni-link "$BATS_TEST_TMPDIR/in.ndjson" | jq -c 'del(.customer.id)' >"$BATS_TEST_TMPDIR/sqlite.out"
	OMNI_DB=$(pg_db) omni-link "$BATS_TEST_TMPDIR/in.ndjson" | jq -c 'del(.customer.id)' >"$BATS_TEST_TMPDIR/pg.out"
	assert_equal "$(wc -l <"$BATS_TEST_TMPDIR/pg.out")" 60
	run diff "$BATS_TEST_TMPDIR/sqlite.out" "$BATS_TEST_TMPDIR/pg.out"
	assert_success
	OMNI_DB=$PGBASE/d$BATS_TEST_NUMBER run omni-link "$BATS_TEST_TMPDIR/in.ndjson"
	assert_success
	run psql -qAtX "$PGBASE/d$BATS_TEST_NUMBER" -c 'SELECT count(*) FROM messages' \
		-c 'SELECT count(*) FROM tickets' -c 'SELECT count(*) FROM customers'
	assert_output $'60\n12\n12'
}

@test "on PostgreSQL: a store of a newer schema is refused, 65" {
	need_pg
	db=$(pg_db)
	OMNI_DB=$db omni-link </dev/null
	psql -qX "$db" -c 'UPDATE omni_schema SET version = 999'
	OMNI_DB=$db run omni-link </dev/null
	assert_failure 65
	assert_output --regexp "store schema version 999 is newer than this program's \([0-9]+\)"
}

@test "on PostgreSQL: a database that sorts text by a locale is refused, 78" {
	need_pg
	locale -a | grep -qi '^en_US.utf-\?8$' || skip "no locale but C here"
	db=$(pg_db l en_US.UTF-8)
	OMNI_DB=$db run omni-link </dev/null
	assert_failure 78
	assert_output --partial 'createdb --locale=C'
}

# What a PostgreSQL store holds, table by table, in an order and with
# the numbers that do not depend on which run wrote first (a ticket by its
# id, not its seq; no row numbers; no process that held a row).
pg_content() {
	psql -qAtX "$1" \
		-c 'SELECT * FROM customers ORDER BY id' \
		-c 'SELECT kind, value, customer_id, strength, channel, source, created_at FROM identity_keys ORDER BY 1, 2, 3' \
		-c 'SELECT id, customer_id, channel, store, status, subject, thread_key, created_at, updated_at, solved_at, record FROM tickets ORDER BY id' \
		-c 'SELECT t.id, m.id, m.message_id, m.channel, m.direction, m.at, m.source_id, m.body FROM messages m JOIN tickets t ON t.seq = m.ticket ORDER BY 1, 2' \
		-c 'SELECT l.source_id, t.id, l.key_kind, l.key_value, l.confidence, l.created_at FROM ticket_links l JOIN tickets t ON t.seq = l.ticket ORDER BY 1' \
		-c 'SELECT m.msgid, t.id FROM link_msgids m JOIN tickets t ON t.seq = m.ticket ORDER BY 1, 2' \
		-c 'SELECT key, ticket_id, channel, state, external_id, attempts, error, created_at, updated_at FROM send_ledger ORDER BY key' \
		-c 'SELECT * FROM auto_reply ORDER BY address' \
		-c 'SELECT stage, key FROM handoff ORDER BY 1, 2'
}

@test "on PostgreSQL: three omni-link and three omni-reply at once on one store: every message once, every reply sent once, the store as after the same runs one after another" {
	need_pg
	[ -n "${NO_SMTPD:-}" ] || smtpd_file_start
	[ -z "${NO_SMTPD:-}" ] || skip "python3-aiosmtpd is not installed"
	at_once=$(pg_db a) one_by_one=$(pg_db s)
	printf '[reply]\nsmtp = smtp://127.0.0.1:%s\nfrom = Acme Care <care@acme.example>\nretries = 2\nbackoff = 50\ntimeout = 20\n' \
		"$SMTP_PORT" >"$BATS_TEST_TMPDIR/omni.conf"
	# 400 messages of 200 customers, each her second a quarter of an hour
	# after her first: 200 tickets of two messages, the same customers'
	# rows wanted by the three at once
	for i in $(seq 1 400); do
		c=$((i % 200))
		t "p$i" email "2026-11-01T1$((i / 200)):$(printf %02d $((c % 60))):00Z" \
			".customer = {emails: [\"c$c-pg@example.com\"]}"
	done >"$BATS_TEST_TMPDIR/in.ndjson"
	pids=
	for p in 1 2 3; do
		OMNI_DB=$at_once omni-link -b 9 "$BATS_TEST_TMPDIR/in.ndjson" >"$BATS_TEST_TMPDIR/l$p" 2>"$BATS_TEST_TMPDIR/le$p" &
		pids="$pids $!"
	done
	wait $pids       # not the SMTP server
	assert_equal "$(cat "$BATS_TEST_TMPDIR"/le[123])" ''
	for p in 1 2 3; do
		OMNI_DB=$one_by_one omni-link -b 9 "$BATS_TEST_TMPDIR/in.ndjson" >/dev/null
	done
	assert_equal "$(psql -qAtX "$at_once" -c 'SELECT count(*) FROM messages' -c 'SELECT count(*) FROM tickets')" $'400\n200'
	# the replies: each of the 200 tickets answered, three senders at once
	cat "$BATS_TEST_TMPDIR"/l[123] | jq -r '[.id, .customer.emails[0]] | @tsv' | sort -u >"$BATS_TEST_TMPDIR/tickets"
	assert_equal "$(wc -l <"$BATS_TEST_TMPDIR/tickets")" 200
	while IFS=$'\t' read -r id a; do
		jq -c --arg a "$a" --arg id "$id" '.id = $id | .customer.emails = [$a]
			| .messages |= map(if .direction == "in" then .from = $a else . end)' \
			"$FIXTURES/reply/email-wismo.json"
	done <"$BATS_TEST_TMPDIR/tickets" >"$BATS_TEST_TMPDIR/routed"
	pids=
	for p in 1 2 3; do
		OMNI_DB=$at_once omni-reply -c "$BATS_TEST_TMPDIR/omni.conf" --now=2026-11-20T12:00:00Z --send \
			"$BATS_TEST_TMPDIR/routed" >"$BATS_TEST_TMPDIR/r$p" 2>"$BATS_TEST_TMPDIR/re$p" &
		pids="$pids $!"
	done
	wait $pids
	received() {
		local n
		while IFS=$'\t' read -r id a; do
			n=$(grep -l "^X-Envelope-To: $a" "$SPOOL"/*.eml 2>/dev/null | wc -l)
			[ "$n" -eq 1 ] || fail "$id was received $n times: $(cat "$BATS_TEST_TMPDIR"/re[123])"
		done <"$BATS_TEST_TMPDIR/tickets"
	}
	received
	run psql -qAtX "$at_once" -c "SELECT state, attempts, count(*) FROM send_ledger GROUP BY state, attempts"
	assert_output 'sent|1|200'
	refute grep -q 'may have gone out' "$BATS_TEST_TMPDIR"/re[123]
	# the same three, one after another, into the other store
	rm -f "$SPOOL"/*.eml
	for p in 1 2 3; do
		OMNI_DB=$one_by_one omni-reply -c "$BATS_TEST_TMPDIR/omni.conf" --now=2026-11-20T12:00:00Z --send \
			"$BATS_TEST_TMPDIR/routed" >/dev/null 2>"$BATS_TEST_TMPDIR/re$p"
	done
	received
	# what the store holds is what the runs one after another left
	pg_content "$at_once" >"$BATS_TEST_TMPDIR/at-once"
	pg_content "$one_by_one" >"$BATS_TEST_TMPDIR/one-by-one"
	assert [ "$(wc -l <"$BATS_TEST_TMPDIR/at-once")" -gt 1400 ]
	run diff "$BATS_TEST_TMPDIR/one-by-one" "$BATS_TEST_TMPDIR/at-once"
	assert_success
	smtpd_file_stop
}

# A SQLite store with a little of everything: 80 records linked, orders,
# a shipment, a note.
copy_source() {
	for i in $(seq 1 80); do
		t "p$i" email "2026-11-01T10:$(printf %02d $((i % 60))):00Z" \
			".customer = {emails: [\"c$((i % 20))@example.com\"]} | .order_ids = [\"#$((5000 + i % 20))\"]"
	done >"$BATS_TEST_TMPDIR/in.ndjson"
	omni-link "$BATS_TEST_TMPDIR/in.ndjson" >/dev/null
	sqlite3 "$OMNI_DB" "INSERT INTO orders (channel, store, order_id, number, items) VALUES
			('shopify', 'acme', '9', '#5001', '[{\"sku\":\"A\",\"qty\":2}]'), ('shopify', 'acme', '7', '#5002', NULL);
		INSERT INTO fulfillments (order_rowid, external_id, carrier, status)
			SELECT rowid, 'f1', 'UPS', 'in_transit' FROM orders WHERE order_id = '7';
		INSERT INTO desk_actions (ticket, verb, value, who, at) VALUES ('tk-x', 'note', 'it''s late', 'ann', '2026-11-02T09:00:00Z')"
}

# The rows of the SQLite store $1 that a copy must keep, table by table.
copy_rows() {
	local q
	for q in 'SELECT * FROM customers ORDER BY id' 'SELECT rowid, * FROM identity_keys ORDER BY rowid' \
		'SELECT * FROM tickets ORDER BY seq' 'SELECT rowid, * FROM ticket_links ORDER BY rowid' \
		'SELECT * FROM messages ORDER BY ticket, id' 'SELECT * FROM link_msgids ORDER BY 1, 2' \
		'SELECT * FROM orders ORDER BY rowid' 'SELECT * FROM fulfillments ORDER BY rowid' \
		'SELECT * FROM desk_actions ORDER BY seq' 'SELECT * FROM handoff ORDER BY 1, 2'; do
		echo "== $q"
		command sqlite3 "$1" "$q"
	done
}

@test "omni-link --copy-to: a SQLite store into a new one, every table said with its rows; a store with rows refused, 73" {
	export OMNI_DB=$BATS_TEST_TMPDIR/omni.db     # SQLite's, whatever the suite runs on
	copy_source
	run omni-link -v --copy-to "$BATS_TEST_TMPDIR/new.db"
	assert_success
	assert_line 'tickets 20'
	assert_line 'messages 80'
	assert_line 'orders 2'
	assert_line 'desk_actions 1'
	assert_line --regexp '^omni-link: [0-9]+ rows copied into .*/new.db, each compared$'
	assert_equal "$(copy_rows "$BATS_TEST_TMPDIR/new.db")" "$(copy_rows "$OMNI_DB")"
	assert [ "$(stat -c %a "$BATS_TEST_TMPDIR/new.db")" = 600 ]
	# the new store is a store: the next records link to its tickets
	t p81 email 2026-11-01T11:00:00Z '.customer = {emails: ["c1@example.com"]}' >"$BATS_TEST_TMPDIR/more"
	run omni-link -d "$BATS_TEST_TMPDIR/new.db" "$BATS_TEST_TMPDIR/more"
	assert_success
	old=$(omni-link "$BATS_TEST_TMPDIR/more" | jq -r .id)
	assert_equal "$(jq -r .id <<<"$output")" "$old"
	# a store with rows is not written over, nor the store itself
	run omni-link --copy-to "$BATS_TEST_TMPDIR/new.db"
	assert_failure 73
	assert_output --partial 'the new store is not empty'
	run omni-link -d "$BATS_TEST_TMPDIR/new.db" --copy-to "$BATS_TEST_TMPDIR/new.db"
	assert_failure 73
	# no store to copy: 66, and none made
	run omni-link -d "$BATS_TEST_TMPDIR/none.db" --copy-to "$BATS_TEST_TMPDIR/new2.db"
	assert_failure 66
	refute [ -e "$BATS_TEST_TMPDIR/none.db" ]
	run omni-link --copy-to "$BATS_TEST_TMPDIR/new2.db" "$BATS_TEST_TMPDIR/more"
	assert_failure 64
}

@test "omni-link --copy-to: from SQLite into PostgreSQL and back, every table's rows the same; the PostgreSQL store then links on" {
	need_pg
	export OMNI_DB=$BATS_TEST_TMPDIR/omni.db     # SQLite's, whatever the suite runs on
	copy_source
	db=$(pg_db)
	run omni-link --copy-to "$db"
	assert_success
	assert_line 'tickets 20'
	assert_line 'messages 80'
	assert_line 'orders 2'
	assert_line 'fulfillments 1'
	# counts on the server, by its own client
	assert_equal "$(psql -qAtX "$db" -c 'SELECT count(*) FROM identity_keys')" \
		"$(sqlite3 "$OMNI_DB" 'SELECT count(*) FROM identity_keys')"
	# and back into a new SQLite store: every table the same, row for row
	run omni-link -d "$db" --copy-to "$BATS_TEST_TMPDIR/back.db"
	assert_success
	assert_line 'messages 80'
	assert_equal "$(copy_rows "$BATS_TEST_TMPDIR/back.db")" "$(copy_rows "$OMNI_DB")"
	# a store with rows is not written over
	run omni-link --copy-to "$db"
	assert_failure 73
	assert_output --partial 'the new store is not empty'
	# the PostgreSQL store goes on where the SQLite one was: a new
	# message of a customer joins her ticket, the numbers go on
	t p81 email 2026-11-01T11:00:00Z '.customer = {emails: ["c1@example.com"]}' >"$BATS_TEST_TMPDIR/more"
	t p82 email 2026-11-05T11:00:00Z '.customer = {emails: ["new@example.com"]}' >>"$BATS_TEST_TMPDIR/more"
	omni-link "$BATS_TEST_TMPDIR/more" | jq -r .id >"$BATS_TEST_TMPDIR/sqlite.ids"
	OMNI_DB=$db run omni-link "$BATS_TEST_TMPDIR/more"
	assert_success
	assert_equal "$(jq -r .id <<<"$output")" "$(cat "$BATS_TEST_TMPDIR/sqlite.ids")"
	assert_equal "$(psql -qAtX "$db" -c 'SELECT count(*) FROM tickets')" 21
}

@test "on PostgreSQL: a role that may only read the tables makes the store's report, and writes nothing" {
	need_pg
	db=$(pg_db)
	t p1 email 2026-11-01T10:00:00Z '.customer = {emails: ["a@example.com"]}' | OMNI_DB=$db omni-link >/dev/null
	psql -qX "$db" -c 'CREATE ROLE omni_read LOGIN' \
		-c 'GRANT USAGE ON SCHEMA public TO omni_read' \
		-c 'GRANT SELECT ON ALL TABLES IN SCHEMA public TO omni_read'
	reader=${db/omni@/omni_read@}
	# a store up to date is opened without creating anything
	OMNI_DB=$reader run omni-report -d "$reader" --now 2026-11-20T00:00:00Z -f csv
	assert_success
	assert_output --partial 'email,,1,'
	# a writer refused is said, not a report of nothing
	OMNI_DB=$reader run omni-link <<<"$(t p2 email 2026-11-01T11:00:00Z)"
	assert_failure 77
	assert_equal "$(psql -qAtX "$db" -c 'SELECT count(*) FROM tickets')" 1
}

@test "on PostgreSQL: omni(7)'s recipe for a large history: GNU parallel --pipe over omni-route | omni-reply and omni-report --partial, then --merge, the figures of one run" {
	need_pg
	command -v parallel >/dev/null || skip "GNU parallel is not installed (tools/deps)"
	now=2026-11-20T00:00:00Z
	# 300 messages of 60 customers, every third asking where her order is
	for i in $(seq 1 300); do
		c=$((i % 60))
		text='I want to return the shoes, they are too small'
		[ $((i % 3)) -ne 0 ] || text="Where is my order #10$c? It has not arrived"
		t "p$i" email "2026-11-0$((1 + i / 60))T10:$(printf %02d "$c"):00Z" \
			".customer = {emails: [\"c$c@example.com\"]} | .messages[0].text = \"$text\"
			 | .messages[0].from = \"c$c@example.com\""
	done >"$BATS_TEST_TMPDIR/in.ndjson"
	cd "$BATS_TEST_TMPDIR"
	# one run after another, on a store of its own
	export OMNI_DB=$(pg_db s)
	omni-link in.ndjson | omni-route | omni-reply --now "$now" >one.ndjson
	omni-report --now "$now" -f json one.ndjson >one.report
	# the recipe, against the shared store: linked once, then the
	# filters on blocks of whole tickets, three at once
	export OMNI_DB=$(pg_db p)
	omni-link in.ndjson >linked.ndjson
	sort -s -t'"' -k6,6 linked.ndjson |
		parallel -j3 --pipe --block 20k --colsep '"id":' --group-by '2 s/^"([^"]*)".*/$1/' \
			"omni-route | omni-reply --now $now >out-{#}.ndjson"
	assert [ "$(ls out-*.ndjson | wc -l)" -gt 3 ]
	cat out-*.ndjson >tickets.ndjson
	sort -s -t'"' -k6,6 tickets.ndjson |
		parallel -j3 --pipe --block 20k --colsep '"id":' --group-by '2 s/^"([^"]*)".*/$1/' \
			"omni-report --now $now --partial >part-{#}.json"
	run omni-report --now "$now" -f json --merge part-*.json
	assert_success
	assert_equal "$output" "$(cat one.report)"
	assert_equal "$(jq .total.tickets <<<"$output")" 60
	assert_equal "$(jq '.total.wismo_share > 0' <<<"$output")" true
	# each ticket's last version is the one run's
	assert_equal "$(jq -sc 'group_by(.id) | map(last) | sort_by(.id)' tickets.ndjson)" \
		"$(jq -sc 'group_by(.id) | map(last) | sort_by(.id)' one.ndjson)"
	# and blocks cut anywhere would have counted tickets twice
	parallel -j3 --pipe --block 20k "omni-report --now $now --partial >cut-{#}.json" <tickets.ndjson
	run omni-report --now "$now" -f json --merge cut-*.json
	refute_output "$(cat one.report)"
}

@test "omni(7)'s backups: sqlite3 .backup, and pg_dump and pg_restore into a new database, keep every row" {
	export OMNI_DB=$BATS_TEST_TMPDIR/omni.db     # SQLite's, whatever the suite runs on
	copy_source
	sqlite3 "$OMNI_DB" ".backup $BATS_TEST_TMPDIR/backup.db"
	assert_equal "$(copy_rows "$BATS_TEST_TMPDIR/backup.db")" "$(copy_rows "$OMNI_DB")"
	need_pg
	db=$(pg_db)
	omni-link --copy-to "$db" >/dev/null
	pg_dump --format=custom --file="$BATS_TEST_TMPDIR/omni.dump" "$db"
	restored=$(pg_db r)
	pg_restore --dbname="$restored" --no-owner --role=omni "$BATS_TEST_TMPDIR/omni.dump"
	omni-link -d "$restored" --copy-to "$BATS_TEST_TMPDIR/restored.db" >/dev/null
	assert_equal "$(copy_rows "$BATS_TEST_TMPDIR/restored.db")" "$(copy_rows "$OMNI_DB")"
	# and the restored store goes on: its numbers after the copied ones
	t p81 email 2026-11-05T11:00:00Z '.customer = {emails: ["new@example.com"]}' |
		OMNI_DB=$restored omni-link >/dev/null
	assert_equal "$(psql -qAtX "$restored" -c 'SELECT count(*) FROM tickets')" 21
}

@test "on PostgreSQL: a role that owns its database and is nothing more (omni(7)'s setup) sets the store up and links" {
	need_pg
	psql -qX "$PGBASE/postgres" -c 'CREATE ROLE plain LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE' \
		-c "CREATE DATABASE plain OWNER plain TEMPLATE template0 LOCALE 'C'"
	db=${PGBASE/omni@/plain@}/plain
	t p1 email 2026-11-01T10:00:00Z '.customer = {emails: ["a@example.com"]}' >"$BATS_TEST_TMPDIR/in"
	OMNI_DB=$db run omni-link "$BATS_TEST_TMPDIR/in"
	assert_success
	assert_equal "$(psql -qAtX "$db" -c 'SELECT count(*) FROM tickets' -c 'SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = current_schema()')" $'1\nplain'
}
