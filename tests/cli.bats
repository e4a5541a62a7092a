#!/usr/bin/env bats
# What every program shares (git's t0012): --help, --version, a bad option,
# output to /dev/full, a malformed input record.

load test_helper

@test "every program prints --help on stdout and exits 0" {
	for p in $(omni_programs); do
		run "$p" --help
		assert_success
		assert_line --index 0 --regexp "^usage: $p "
		run "$p" -h
		assert_success
	done
}

@test "every program prints its version" {
	for p in $(omni_programs); do
		run "$p" --version
		assert_success
		assert_output --regexp "^$p [0-9]+\.[0-9]+\.[0-9]+$"
	done
}

@test "a bad option is a usage error, exit 64, with a hint" {
	for p in $(omni_programs); do
		run "$p" --no-such-option
		assert_failure 64
		assert_output --partial "try '$p --help'"
	done
}

@test "--help to /dev/full is a write error, exit 74" {
	for p in $(omni_programs); do
		run bash -c "$p --help >/dev/full"
		assert_failure 74
		assert_output "$p: stdout: No space left on device"
	done
}

@test "a program writing to /dev/full fails with exit 74 and says so" {
	run bash -c "omni-fetch file:$FIXTURES/fetch/cli/instagram.json >/dev/full"
	assert_failure 74
	assert_output --partial 'omni-fetch: stdout: '
	# nothing was recorded as emitted: a later run still has it
	run omni-fetch "file:$FIXTURES/fetch/cli/instagram.json"
	assert_success
	assert [ "$(echo "$output" | wc -l)" -eq 1 ]
}

# 3000 Messenger deliveries, about 1.4 MB: more than a pipe holds.
many_deliveries() {
	local i
	for ((i = 0; i < 3000; i++)); do
		printf '{"object":"page","entry":[{"time":1763990000000,"id":"104728395561832","messaging":[{"sender":{"id":"69012345678%05d"},"recipient":{"id":"104728395561832"},"timestamp":%d,"message":{"mid":"m_cli%05d","text":"Hello, where is my order #%d? %0200d"}}]}]}\n' \
			"$i" $((1763990000000 + i * 1000)) "$i" $((2000 + i)) 0
	done
}

@test "a closed pipe ends quietly and records nothing" {
	many_deliveries >"$BATS_TEST_TMPDIR/many.ndjson"
	run bash -c "omni-fetch file:$BATS_TEST_TMPDIR/many.ndjson | head -c 10 >/dev/null; echo \${PIPESTATUS[0]}"
	assert_output '0'
	run bash -c "omni-fetch file:$BATS_TEST_TMPDIR/many.ndjson | wc -l"
	assert_output '3000'
}

@test "a malformed line names file, line and column, exit 65" {
	printf '{"object":"instagram","entry":[]}\n{"object": nope}\n' >"$BATS_TEST_TMPDIR/bad.ndjson"
	run omni-fetch "file:$BATS_TEST_TMPDIR/bad.ndjson"
	assert_failure 65
	assert_output --regexp "^omni-fetch: $BATS_TEST_TMPDIR/bad.ndjson:2:[0-9]+: "
}

@test "--now takes RFC 3339 or Unix seconds and refuses the rest" {
	run omni-fetch --now 2026-11-26T10:00:00Z "file:$FIXTURES/fetch/cli/instagram.json"
	assert_success
	run omni-fetch --now yesterday "file:$FIXTURES/fetch/cli/instagram.json"
	assert_failure 64
	assert_output --partial "not a time: 'yesterday'"
}

@test "with no source and no configuration it says what to do" {
	run omni-fetch
	assert_failure 64
	assert_output --partial 'no sources'
}

@test "the store is created mode 0600 in XDG_DATA_HOME" {
	unset OMNI_DB
	run omni-fetch "file:$FIXTURES/fetch/cli/instagram.json"
	assert_success
	run stat -c %a "$XDG_DATA_HOME/omni/omni.db"
	assert_output '600'
	run stat -c %a "$XDG_DATA_HOME/omni"
	assert_output '700'
	run sqlite3 "$XDG_DATA_HOME/omni/omni.db" 'PRAGMA journal_mode; PRAGMA user_version;'
	# every migration applied, in order: the version is the last file's number
	assert_output "wal"$'\n'"$(ls "$TOP"/share/omni/migrations/*.sql | sed 's#.*/0*\([0-9]*\)-.*#\1#' | sort -n | tail -1)"
}

@test "a corrupt store is a clear error, exit 65" {
	skip_on_pg "the store file, corrupted"
	head -c 8192 /dev/urandom >"$OMNI_DB"
	run omni-fetch "file:$FIXTURES/fetch/cli/instagram.json"
	assert_failure 65
	assert_output --partial "$OMNI_DB: "
	assert_output --partial 'not a database'
}

@test "a store from a newer omni is refused" {
	skip_on_pg "PRAGMA user_version (store-pg.bats has PostgreSQL's)"
	sqlite3 "$OMNI_DB" 'PRAGMA user_version = 99'
	run omni-fetch "file:$FIXTURES/fetch/cli/instagram.json"
	assert_failure 65
	assert_output --partial 'store schema version 99 is newer'
}

@test "a busy store makes a second run wait, then exit 75" {
	skip_on_pg "a lock taken with the sqlite3 shell"
	omni-fetch "file:$FIXTURES/fetch/cli/instagram.json" >/dev/null
	# hold the write lock for 3 seconds from another connection
	( sqlite3 "$OMNI_DB" 'BEGIN IMMEDIATE; SELECT 1;' '.shell sleep 3' 'COMMIT;' >/dev/null ) &
	sleep 0.5
	OMNI_BUSY_TIMEOUT=500 run omni-fetch --all "file:$FIXTURES/fetch/cli/instagram.json"
	assert_failure 75
	assert_output --partial 'cannot lock the store'
	wait
	run omni-fetch --all "file:$FIXTURES/fetch/cli/instagram.json"
	assert_success
}

# The programs that read tickets (all but omni-fetch) share the reader.
ticket_readers() {
	omni_programs | grep -vx omni-fetch || true
}

@test "every ticket reader names file, line and column of a malformed line, exit 65" {
	printf '{"omni":1,"id":"a","channel":"email","created_at":"2026-11-20T10:00:00Z"}\n{"omni":1,"id":}\n' \
		>"$BATS_TEST_TMPDIR/bad.ndjson"
	printf '{"omni":2,"id":"a"}\n' >"$BATS_TEST_TMPDIR/v2.ndjson"
	for p in $(ticket_readers); do
		run "$p" "$BATS_TEST_TMPDIR/bad.ndjson"
		assert_failure 65
		assert_output --regexp "^$p: $BATS_TEST_TMPDIR/bad.ndjson:2:[0-9]+: "
		run "$p" <"$BATS_TEST_TMPDIR/v2.ndjson"
		assert_failure 65
		assert_output --regexp "^$p: stdin:1:[0-9]+: .*version"
		rm -f "$BATS_TEST_TMPDIR/rej"
		run "$p" --keep-going --reject "$BATS_TEST_TMPDIR/rej" "$BATS_TEST_TMPDIR/bad.ndjson"
		assert_failure 1
		assert_equal "$(cat "$BATS_TEST_TMPDIR/rej")" '{"omni":1,"id":}'
	done
}

@test "every ticket reader refuses a record that is not a ticket, naming file, line and member, exit 65 (or -k)" {
	local good='{"omni":1,"id":"a","channel":"email","created_at":"2026-11-20T10:00:00Z"}'
	local bad p
	# not tickets: no version, no id, a Shopify order's numeric id, a
	# channel that is no name, messages that are no list, times that are none
	for bad in '{"foo":1}' \
		'{"id":4711,"email":"ann@example.com","line_items":[],"total_price":"10.00"}' \
		'{"omni":1,"channel":"email"}' \
		'{"omni":"1","id":"a"}' \
		'{"omni":1,"id":""}' \
		'{"omni":1,"id":"a","channel":7}' \
		'{"omni":1,"id":"a","messages":{"at":"2026-11-20T10:00:00Z"}}' \
		'{"omni":1,"id":"a","messages":[{"at":"2026-11-20T10:00:00Z"},"hi"]}' \
		'{"omni":1,"id":"a","messages":[{"direction":"in","author":"customer","at":"nope"}]}' \
		'{"omni":1,"id":"a","messages":[{"at":-1e999}]}' \
		'{"omni":1,"id":"a","messages":[{"at":0}]}' \
		'{"omni":1,"id":"a","updated_at":"2026-13-01T00:00:00Z"}' \
		'{"omni":1,"id":"a","solved_at":1700000000}'; do
		printf '%s\n%s\n' "$good" "$bad" >"$BATS_TEST_TMPDIR/in.ndjson"
		for p in $(ticket_readers); do
			run "$p" --now 2026-11-21T00:00:00Z "$BATS_TEST_TMPDIR/in.ndjson"
			assert_equal "$p $bad $status" "$p $bad 65"
			assert_output --regexp "^$p: $BATS_TEST_TMPDIR/in.ndjson:2:[0-9]+: not a ticket: [^ ]+ "
			rm -f "$BATS_TEST_TMPDIR/rej"
			run "$p" --now 2026-11-21T00:00:00Z -k -r "$BATS_TEST_TMPDIR/rej" "$BATS_TEST_TMPDIR/in.ndjson"
			assert_equal "$p $bad $status" "$p $bad 1"
			assert_equal "$(cat "$BATS_TEST_TMPDIR/rej")" "$bad"
		done
	done
	# what the format allows passes everywhere: null and absent times, an
	# unknown channel, offsets, escapes in a key
	printf '%s\n' '{"omni":1,"id":"b","channel":null,"created_at":null,"messages":[{"direction":"in","author":"customer","at":"2026-11-20T10:00:00+01:00","text":"hi"},{"at":null}]}' \
		'{"omni":1.1,"\u0069d":"c","messages":[]}' >"$BATS_TEST_TMPDIR/ok.ndjson"
	for p in $(ticket_readers); do
		run "$p" --now 2026-11-21T00:00:00Z "$BATS_TEST_TMPDIR/ok.ndjson"
		assert_equal "$p $status" "$p 0"
	done
	run omni-report --now 2026-11-21T00:00:00Z -f json "$BATS_TEST_TMPDIR/ok.ndjson"
	assert_equal "$(jq .total.tickets <<<"$output")" 2
}

@test "every program creates its --reject file 0600 whatever the umask, and appends to it (omni-route writes it anew)" {
	printf '{"omni":1,"id":"a","channel":"email","created_at":"2026-11-20T10:00:00Z"}\n{"omni":1,"id":}\n' \
		>"$BATS_TEST_TMPDIR/bad.ndjson"
	printf '{"id": "x", "channel": "email", "messages": [}\n' >"$BATS_TEST_TMPDIR/bad.json"
	local p want
	for p in $(omni_programs); do
		rm -f "$BATS_TEST_TMPDIR/rej"
		for _ in 1 2; do
			if [ "$p" = omni-fetch ]; then
				run bash -c "umask 022; omni-fetch -a -k -r '$BATS_TEST_TMPDIR/rej' 'file:$BATS_TEST_TMPDIR/bad.json'"
			else
				run bash -c "umask 022; $p -k -r '$BATS_TEST_TMPDIR/rej' '$BATS_TEST_TMPDIR/bad.ndjson'"
			fi
			assert_failure 1
		done
		assert_equal "$p $(stat -c %a "$BATS_TEST_TMPDIR/rej")" "$p 600"
		want=2
		[ "$p" = omni-route ] && want=1
		assert_equal "$p $(wc -l <"$BATS_TEST_TMPDIR/rej")" "$p $want"
	done
}

@test "every ticket reader fails with 74 writing to /dev/full" {
	printf '{"omni":1,"id":"a","channel":"email","created_at":"2026-11-20T10:00:00Z"}\n' \
		>"$BATS_TEST_TMPDIR/one.ndjson"
	for p in $(ticket_readers); do
		run bash -c "$p $BATS_TEST_TMPDIR/one.ndjson >/dev/full"
		assert_failure 74
		assert_output --partial "$p: "
	done
}
