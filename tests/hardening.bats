#!/usr/bin/env bats
# Crash consistency and overlapping runs: omni-fetch, omni-link and
# omni-reply --send killed with SIGKILL at random points and rerun; two cron
# runs of one pipeline on one store at once; the fuzzers' findings replayed.
# Each kill loop compares the store with a run that was never interrupted.

load test_helper

PY=/usr/bin/python3
NOW=--now=2026-01-01T00:00:00Z
# Kills per loop (OMNI_KILLS=100 for a longer soak).
KILLS=${OMNI_KILLS:-20}

# N mails from N/5 customers in the maildir $1; each customer's later mails
# reply to her first and name her order.
gen_maildir() {
	mkdir -p "$1/new" "$1/cur" "$1/tmp"
	awk -v dir="$1" -v n="$2" 'BEGIN {
		k = int(n / 5) + 1
		for (i = 1; i <= n; i++) {
			c = i % k
			f = sprintf("%s/new/17093%05d.M%d.mx", dir, i, i)
			printf "From: Customer %d <c%d@example.com>\nTo: support@acme.example\n", c, c > f
			printf "Subject: Order #%d where is it\n", 1000 + c > f
			printf "Date: Mon, 04 Mar 2024 %02d:%02d:%02d +0000\n", int(i / 3600) % 24, int(i / 60) % 60, i % 60 > f
			printf "Message-ID: <m%d@example.com>\n", i > f
			if (i > k)
				printf "In-Reply-To: <m%d@example.com>\n", c > f
			printf "Content-Type: text/plain; charset=UTF-8\n\nHello, message %d about order #%d.\n", i, 1000 + c > f
			close(f)
		}
	}'
}

# Sleeps a random time up to $1 milliseconds.
pause() {
	sleep "$(awk -v m="$1" -v s="$RANDOM" 'BEGIN { srand(s); printf "%.3f", rand() * m / 1000 }')"
}

# kill_soon MS OUT COMMAND...: runs the command, its output to OUT, and
# kills it with SIGKILL after a random pause of up to MS milliseconds;
# counts in $killed the runs that were still going.
killed=0
kill_soon() {
	local ms=$1 out=$2 pid
	shift 2
	"$@" >"$out" 2>/dev/null &
	pid=$!
	pause "$ms"
	kill -KILL "$pid" 2>/dev/null && killed=$((killed + 1))
	wait "$pid" || true
}

# What must not depend on crashes: every message once, in its ticket, the
# customers with their keys, and the orders.
store_state() {
	sqlite3 "$1" "SELECT t.id, m.id FROM messages m JOIN tickets t ON t.seq = m.ticket ORDER BY m.id;
		SELECT 'links', count(*), count(DISTINCT source_id) FROM ticket_links;
		SELECT 'customer', id, name, created_at, updated_at FROM customers ORDER BY id;
		SELECT 'key', kind, value, customer_id, strength FROM identity_keys
			ORDER BY kind, value, customer_id;
		SELECT 'orders', channel, order_id, number, total FROM orders ORDER BY order_id;
		SELECT 'fulfillments', count(*) FROM fulfillments;
		SELECT 'seen', count(*) FROM fetch_seen"
}

SOURCES=()
sources() {
	SOURCES=(--orders "maildir:$BATS_TEST_TMPDIR/md" "file:$FIXTURES/fetch/file/shopify-orders.json")
}

# The uninterrupted run, into the store $1: fetch, then link.
clean_run() {
	OMNI_DB=$1 omni-fetch "${SOURCES[@]}" >"$BATS_TEST_TMPDIR/clean.ndjson"
	OMNI_DB=$1 omni-link "$NOW" "$BATS_TEST_TMPDIR/clean.ndjson" >/dev/null
}

@test "omni-fetch killed $KILLS times at random points, then rerun: nothing lost, nothing twice" {
	gen_maildir "$BATS_TEST_TMPDIR/all" 200
	cp -r "$BATS_TEST_TMPDIR/all" "$BATS_TEST_TMPDIR/md"
	sources
	clean_run "$BATS_TEST_TMPDIR/clean.db"
	[ "$(wc -l <"$BATS_TEST_TMPDIR/clean.ndjson")" -eq 200 ]

	# Mail arrives between cron runs: 10 new ones before each.  Each run
	# writes its own file; omni-link reads them in order, as the pipeline
	# would, with --keep-going for a line cut by the kill.
	rm -rf "$BATS_TEST_TMPDIR/md/new"
	mkdir "$BATS_TEST_TMPDIR/md/new"
	ls "$BATS_TEST_TMPDIR/all/new" >"$BATS_TEST_TMPDIR/arrivals"
	for k in $(seq "$KILLS"); do
		sed -n "$(((k - 1) * 10 + 1)),$((k * 10))p" "$BATS_TEST_TMPDIR/arrivals" |
			while read -r m; do cp "$BATS_TEST_TMPDIR/all/new/$m" "$BATS_TEST_TMPDIR/md/new/"; done
		kill_soon 150 "$BATS_TEST_TMPDIR/run.$k" omni-fetch "${SOURCES[@]}"
	done
	echo "# omni-fetch: $killed of $KILLS runs killed before they ended" >&3
	cp "$BATS_TEST_TMPDIR"/all/new/* "$BATS_TEST_TMPDIR/md/new/"
	omni-fetch "${SOURCES[@]}" >"$BATS_TEST_TMPDIR/run.final"
	# a run after that finds nothing new
	run omni-fetch "${SOURCES[@]}"
	assert_success
	assert_output ''

	run sqlite3 "$OMNI_DB" "PRAGMA integrity_check"
	assert_output ok
	# every message was written by some run, and the final run wrote every
	# one that no completed run had marked seen
	cat "$BATS_TEST_TMPDIR"/run.* | grep -a '}$' | jq -r '.messages[].id' 2>/dev/null |
		sort -u >"$BATS_TEST_TMPDIR/ids"
	jq -r '.messages[].id' "$BATS_TEST_TMPDIR/clean.ndjson" | sort >"$BATS_TEST_TMPDIR/clean.ids"
	run comm -3 "$BATS_TEST_TMPDIR/clean.ids" "$BATS_TEST_TMPDIR/ids"
	assert_output ''
	for k in $(seq "$KILLS") final; do
		omni-link -k -q "$NOW" "$BATS_TEST_TMPDIR/run.$k" >/dev/null || [ $? -eq 1 ]
	done
	run sqlite3 "$OMNI_DB" "PRAGMA integrity_check"
	assert_output ok
	assert_equal "$(store_state "$OMNI_DB")" "$(store_state "$BATS_TEST_TMPDIR/clean.db")"
}

@test "omni-link killed $KILLS times at random points, then rerun: the same conversations" {
	gen_maildir "$BATS_TEST_TMPDIR/md" 600
	sources
	clean_run "$BATS_TEST_TMPDIR/clean.db"
	omni-fetch "${SOURCES[@]}" >"$BATS_TEST_TMPDIR/in.ndjson"

	for k in $(seq "$KILLS"); do
		# small batches: many commits for a kill to fall between
		kill_soon 250 /dev/null omni-link -b 20 "$NOW" "$BATS_TEST_TMPDIR/in.ndjson"
	done
	echo "# omni-link: $killed of $KILLS runs killed before they ended" >&3
	run omni-link -b 20 "$NOW" "$BATS_TEST_TMPDIR/in.ndjson"
	assert_success
	[ "${#lines[@]}" -eq 600 ]
	run sqlite3 "$OMNI_DB" "PRAGMA integrity_check"
	assert_output ok
	assert_equal "$(store_state "$OMNI_DB")" "$(store_state "$BATS_TEST_TMPDIR/clean.db")"
	run sqlite3 "$OMNI_DB" "SELECT id FROM messages GROUP BY id HAVING count(*) > 1"
	assert_output ''
}

# ---- omni-reply --send ----

start_smtpd() {
	$PY -c 'import aiosmtpd' 2>/dev/null || skip "python3-aiosmtpd is not installed"
	$PY "$FIXTURES/reply/smtpd.py" "$BATS_TEST_TMPDIR/spool" "$BATS_TEST_TMPDIR/port" 3>&- &
	SMTPD=$!
	for _ in $(seq 100); do [ -s "$BATS_TEST_TMPDIR/port" ] && break; sleep 0.1; done
	printf '[reply]\nsmtp = smtp://127.0.0.1:%s\nfrom = Acme Care <care@acme.example>\nretries = 2\nbackoff = 50\ntimeout = 20\n' \
		"$(cat "$BATS_TEST_TMPDIR/port")" >"$BATS_TEST_TMPDIR/omni.conf"
}

teardown() {
	[ -z "${SMTPD:-}" ] || kill "$SMTPD" 2>/dev/null || true
}

@test "omni-reply --send killed $KILLS times at random points: no reply twice, every one accounted for" {
	start_smtpd
	for i in $(seq 40); do
		jq -c --arg a "r$i@example.com" --arg id "send-$i" '.id = $id | .customer.emails = [$a]' \
			"$FIXTURES/reply/email-wismo.json"
	done >"$BATS_TEST_TMPDIR/all.ndjson"
	conf=$BATS_TEST_TMPDIR/omni.conf

	# two new tickets before each run
	for k in $(seq "$KILLS"); do
		head -n $((k * 2)) "$BATS_TEST_TMPDIR/all.ndjson" >"$BATS_TEST_TMPDIR/in.ndjson"
		kill_soon 250 /dev/null omni-reply -c "$conf" --send "$NOW" "$BATS_TEST_TMPDIR/in.ndjson"
	done
	echo "# omni-reply: $killed of $KILLS runs killed before they ended" >&3
	# reruns finish the rest; a reply in flight at a kill is "unknown" (75)
	cp "$BATS_TEST_TMPDIR/all.ndjson" "$BATS_TEST_TMPDIR/in.ndjson"
	for r in 1 2; do
		run omni-reply -c "$conf" --send "$NOW" "$BATS_TEST_TMPDIR/in.ndjson"
		[ "$status" -eq 0 ] || [ "$status" -eq 75 ]
	done
	run sqlite3 "$OMNI_DB" "PRAGMA integrity_check"
	assert_output ok

	# no recipient got two replies; every "sent" one got exactly one
	run sh -c "grep -h '^X-Envelope-To: ' '$BATS_TEST_TMPDIR'/spool/*.eml | sort | uniq -d"
	assert_output ''
	sqlite3 "$OMNI_DB" "SELECT ticket_id, state FROM send_ledger ORDER BY ticket_id" >"$BATS_TEST_TMPDIR/ledger"
	[ "$(wc -l <"$BATS_TEST_TMPDIR/ledger")" -eq 40 ]
	unknown=0
	while IFS='|' read -r id state; do
		n=$(grep -l "^X-Envelope-To: r${id#send-}@example.com" "$BATS_TEST_TMPDIR"/spool/*.eml | wc -l)
		case $state in
		sent) assert_equal "$id:$n" "$id:1" ;;
		unknown) [ "$n" -le 1 ]; unknown=$((unknown + 1)) ;;
		*) fail "$id left $state" ;;
		esac
	done <"$BATS_TEST_TMPDIR/ledger"
	echo "# omni-reply: $unknown replies in flight at a kill, left unknown" >&3
	[ "$unknown" -le "$killed" ]
}

# ---- overlapping runs ----

# Two cron runs of "omni-fetch maildir:... >spool && omni-link spool"
# started together on a new store: the first creates it, the second waits
# for it; each fetch holds the store while it reads, so the second finds
# every message seen (or, past the busy timeout, exits 75 having marked
# nothing).  A third run, later, finishes whatever a 75 left; then the
# store is one uninterrupted run's.
@test "two cron runs of fetch then link at once on one store: each message once, the store as one run" {
	gen_maildir "$BATS_TEST_TMPDIR/md" 200
	SOURCES=("maildir:$BATS_TEST_TMPDIR/md")
	clean_run "$BATS_TEST_TMPDIR/clean.db"
	for round in 1 2 3; do
		export OMNI_DB=$BATS_TEST_TMPDIR/store$round.db
		for j in 1 2 3; do
			(
				set +e
				out=$BATS_TEST_TMPDIR/out.$round.$j
				omni-fetch "${SOURCES[@]}" >"$out" 2>"$BATS_TEST_TMPDIR/err.$round.$j"
				s=$?
				[ $s -eq 0 ] && { omni-link "$NOW" "$out" >/dev/null 2>>"$BATS_TEST_TMPDIR/err.$round.$j"; s="$s $?"; }
				echo "$s" >"$BATS_TEST_TMPDIR/status.$round.$j"
			) &
			# the third is the next cron tick
			[ "$j" -eq 2 ] && wait
		done
		wait
		for j in 1 2 3; do
			s=$(cat "$BATS_TEST_TMPDIR/status.$round.$j")
			case $s in
			"0 0") cat "$BATS_TEST_TMPDIR/out.$round.$j" ;;
			75) [ ! -s "$BATS_TEST_TMPDIR/out.$round.$j" ] || fail "run $j exited 75 after writing" ;;
			*) fail "round $round, run $j: status $s: $(cat "$BATS_TEST_TMPDIR/err.$round.$j")" ;;
			esac
		done >"$BATS_TEST_TMPDIR/written"
		echo "# round $round: fetch and link statuses $(cat "$BATS_TEST_TMPDIR"/status.$round.* | tr '\n' ,)" >&3
		# between them, the runs wrote each message exactly once
		run sh -c "jq -r '.messages[].id' '$BATS_TEST_TMPDIR/written' | sort | uniq -c | awk '\$1 != 1'"
		assert_output ''
		[ "$(wc -l <"$BATS_TEST_TMPDIR/written")" -eq 200 ]
		run sqlite3 "$OMNI_DB" "PRAGMA integrity_check"
		assert_output ok
		assert_equal "$(store_state "$OMNI_DB")" "$(store_state "$BATS_TEST_TMPDIR/clean.db")"
	done
}

# omni-link begins its write transaction before it reads its first record,
# and omni-fetch holds its own while it writes: piped into each other on
# one store, whichever locks first waits for the other, until the busy
# timeout (75).
@test "fetch | link on one store: the pipeline does not wait on itself" {
	gen_maildir "$BATS_TEST_TMPDIR/md" 50
	omni-fetch "file:$FIXTURES/fetch/cli/instagram.json" >/dev/null   # the store exists
	OMNI_BUSY_TIMEOUT=2000 run bash -c 'omni-fetch "maildir:$1" | omni-link --now 2026-01-01T00:00:00Z >/dev/null; echo "${PIPESTATUS[*]}"' sh "$BATS_TEST_TMPDIR/md"
	assert_output '0 0'
}

@test "omni-link and omni-reply --send on a store locked past the busy timeout: 75, nothing written" {
	skip_on_pg "a lock taken with the sqlite3 shell"
	gen_maildir "$BATS_TEST_TMPDIR/md" 20
	sources
	omni-fetch "${SOURCES[@]}" >"$BATS_TEST_TMPDIR/in.ndjson"
	printf '[reply]\nsmtp = smtp://127.0.0.1:9\nfrom = care@acme.example\n' >"$BATS_TEST_TMPDIR/omni.conf"
	( sqlite3 "$OMNI_DB" 'BEGIN IMMEDIATE; SELECT 1;' '.shell sleep 4' 'COMMIT;' >/dev/null ) &
	sleep 0.5
	OMNI_BUSY_TIMEOUT=300 run omni-link "$NOW" "$BATS_TEST_TMPDIR/in.ndjson"
	assert_failure 75
	assert_output --partial 'locked'
	refute_output --partial '{"omni"'
	OMNI_BUSY_TIMEOUT=300 run omni-reply -c "$BATS_TEST_TMPDIR/omni.conf" --send "$NOW" "$FIXTURES/reply/email-wismo.json"
	assert_failure 75
	assert_output --partial 'locked'
	wait
	run sqlite3 "$OMNI_DB" "SELECT (SELECT count(*) FROM messages), (SELECT count(*) FROM send_ledger)"
	assert_output '0|0'
}

# ---- the fuzzers' findings ----

@test "fuzz: a rules file with a CR inside a line is an error or a rule, not a hang" {
	run timeout 10 omni-route --check -R "$FIXTURES/fuzz/rules-mid-line-cr.rules"
	[ "$status" -eq 0 ] || [ "$status" -eq 78 ]
}

@test "fuzz: a rules file with a duration of thirty digits is refused (78), not undefined" {
	run omni-route --check -R "$FIXTURES/fuzz/rules-huge-number.rules"
	assert_failure 78
}

@test "fuzz: a mail whose Date has a thirty-digit year takes the file's time" {
	mkdir -p "$BATS_TEST_TMPDIR/md/new" "$BATS_TEST_TMPDIR/md/cur" "$BATS_TEST_TMPDIR/md/tmp"
	cp "$FIXTURES/fuzz/mail-date-huge-year.eml" "$BATS_TEST_TMPDIR/md/new/1.M1.mx"
	touch -d 2024-03-01T10:00:00Z "$BATS_TEST_TMPDIR/md/new/1.M1.mx"
	run omni-fetch "maildir:$BATS_TEST_TMPDIR/md"
	assert_success
	run jq -c '[.created_at, .subject]' <<<"$output"
	assert_output '["2024-03-01T10:00:00Z","Question about the Down Puffer Vest"]'
}

@test "fuzz: a record followed by tabs reads, walks and passes through whole" {
	# as a ticket (an id, not "ie": a record without one is no ticket)
	sed 's/"ie"/"id"/' "$FIXTURES/fuzz/reader-trailing-tab.ndjson" >"$BATS_TEST_TMPDIR/tab.ndjson"
	run omni-report --format json "$BATS_TEST_TMPDIR/tab.ndjson"
	assert_success
	run omni-report --format json "$FIXTURES/fuzz/reader-trailing-tab.ndjson"
	assert_failure 65
	run jsoncheck "$FIXTURES/fuzz/reader-trailing-tab.ndjson"
	assert_success
	run jsoncheck --cat "$FIXTURES/fuzz/reader-trailing-tab.ndjson"
	assert_success
	assert_output '{"omni":1.2,"ie":"minor e"}'
}

@test "fuzz: a template with a NUL byte is refused, not read past" {
	mkdir -p "$BATS_TEST_TMPDIR/t"
	{ echo '@@ wismo'; cat "$FIXTURES/fuzz/template-nul.tmpl"; } >"$BATS_TEST_TMPDIR/t/en.tmpl"
	run omni-reply -T "$BATS_TEST_TMPDIR/t" -t wismo "$FIXTURES/reply/email-wismo.json"
	assert_failure 78
}

@test "fuzz: a block tag whose first word is an open quote is refused with the line" {
	mkdir -p "$BATS_TEST_TMPDIR/t"
	{ echo '@@ wismo'; cat "$FIXTURES/fuzz/template-block-open-quote.tmpl"; } >"$BATS_TEST_TMPDIR/t/en.tmpl"
	run omni-reply -T "$BATS_TEST_TMPDIR/t" -t wismo "$FIXTURES/reply/email-wismo.json"
	assert_failure 78
	assert_output --partial "en.tmpl:2:6: unknown block"
}

@test "fuzz: a Meta delivery line whose object member is misspelt is refused with its line (65), no read of an absent value" {
	run omni-fetch "file:$FIXTURES/fuzz/payload-meta-absent-object.json"
	assert_failure 65
	assert_output --partial 'payload-meta-absent-object.json:1:1: unrecognised payload'
}

@test "fuzz: a calendar's holiday line without a date checks clean (no qsort of nothing)" {
	run omni-route --check -R "$FIXTURES/fuzz/rules-calendar-null.rules"
	assert_success
}
