#!/usr/bin/env bats
# Resources and hostile input: a full disk (a small tmpfs), /dev/full, a
# read-only store, a missing or corrupt store, 1 GB streamed, a 50 MB line,
# JSON nested 10,000 deep, invalid UTF-8, a NUL byte.  Each gets a clear
# error and its status (65 data, 73 cannot create, 74 i/o, 77 permission),
# and nothing is lost: a failed run marks nothing, the next run has it all.

load test_helper

NOW=--now=2026-01-01T00:00:00Z
READERS="omni-link omni-route omni-reply omni-report"

# N mails in the maildir $1.
gen_maildir() {
	mkdir -p "$1/new" "$1/cur" "$1/tmp"
	awk -v dir="$1" -v n="$2" 'BEGIN {
		for (i = 1; i <= n; i++) {
			f = sprintf("%s/new/17093%05d.M%d.mx", dir, i, i)
			printf "From: C %d <c%d@example.com>\nTo: s@acme.example\nSubject: order #%d\n", i, i, 1000 + i > f
			printf "Message-ID: <r%d@example.com>\nDate: Mon, 04 Mar 2024 10:00:00 +0000\n\n", i > f
			printf "Where is order #%d? %0500d\n", 1000 + i, 0 > f
			close(f)
		}
	}'
}

# A small tmpfs of $1 KiB at $MNT (root only), unmounted by teardown.
tmpfs() {
	MNT=$BATS_TEST_TMPDIR/mnt
	mkdir -p "$MNT"
	mount -t tmpfs -o "size=${1}k" tmpfs "$MNT" 2>/dev/null ||
		skip "cannot mount a tmpfs here (needs root)"
}

teardown() {
	[ -z "${MNT:-}" ] || umount "$MNT" 2>/dev/null || true
}

# ---- full disk ----

@test "full disk under the store (tmpfs): 74, nothing marked; with room again, every message once" {
	skip_on_pg "the store file on a full disk"
	tmpfs 8000    # room for the records noted until omni-link takes them
	export OMNI_DB=$MNT/omni.db
	gen_maildir "$BATS_TEST_TMPDIR/md" 1500
	omni-fetch "file:$FIXTURES/fetch/cli/instagram.json" >/dev/null    # the store exists
	head -c 10M /dev/zero >"$MNT/fill" 2>/dev/null || true
	run omni-fetch "maildir:$BATS_TEST_TMPDIR/md"
	assert_failure 74
	assert_output --regexp "omni-fetch: $OMNI_DB: (cannot commit to the store: database or disk is full|cannot open the store: its file system is full)"
	rm "$MNT/fill"
	run sqlite3 "$OMNI_DB" "PRAGMA integrity_check; SELECT count(*) FROM fetch_seen WHERE source LIKE 'maildir:%'"
	assert_output $'ok\n0'
	run omni-fetch "maildir:$BATS_TEST_TMPDIR/md"
	assert_success
	[ "$(grep -c '^{' <<<"$output")" -eq 1500 ]
	run omni-fetch "maildir:$BATS_TEST_TMPDIR/md"
	assert_output ''
}

@test "full disk under the output (tmpfs): 74, nothing marked; the next run writes it all" {
	tmpfs 64
	gen_maildir "$BATS_TEST_TMPDIR/md" 300
	run sh -c "omni-fetch 'maildir:$BATS_TEST_TMPDIR/md' >'$MNT/out'"
	assert_failure 74
	assert_output --partial 'No space left on device'
	run omni-fetch "maildir:$BATS_TEST_TMPDIR/md"
	assert_success
	[ "${#lines[@]}" -eq 300 ]
}

@test "a file-size limit (ulimit -f): 74 and a message, not a death by SIGXFSZ" {
	gen_maildir "$BATS_TEST_TMPDIR/md" 300
	run bash -c "ulimit -f 16; omni-fetch 'maildir:$BATS_TEST_TMPDIR/md' >'$BATS_TEST_TMPDIR/out'"
	assert_failure 74
	assert_output --partial 'File too large'
}

@test "/dev/full as stdout: 74 from every program; omni-fetch marks nothing, omni-link loses nothing" {
	gen_maildir "$BATS_TEST_TMPDIR/md" 50
	run sh -c "omni-fetch 'maildir:$BATS_TEST_TMPDIR/md' >/dev/full"
	assert_failure 74
	assert_output --partial 'omni-fetch: stdout: '
	omni-fetch "maildir:$BATS_TEST_TMPDIR/md" >"$BATS_TEST_TMPDIR/t.ndjson"
	[ "$(wc -l <"$BATS_TEST_TMPDIR/t.ndjson")" -eq 50 ]
	for p in $READERS; do
		run sh -c "$p $NOW '$BATS_TEST_TMPDIR/t.ndjson' >/dev/full"
		assert_failure 74
		assert_output --partial "$p: stdout: "
	done
	# what omni-link recorded is in the store: a rerun writes the same
	run omni-link "$NOW" "$BATS_TEST_TMPDIR/t.ndjson"
	assert_success
	[ "${#lines[@]}" -eq 50 ]
	run sqlite3 "$OMNI_DB" "SELECT count(DISTINCT id) FROM messages"
	assert_output 50
}

# ---- the store ----

@test "a store on a read-only file system: 77, saying why" {
	tmpfs 2048
	export OMNI_DB=$MNT/omni.db
	omni-fetch "file:$FIXTURES/fetch/cli/instagram.json" >"$BATS_TEST_TMPDIR/t.ndjson"
	mount -o remount,ro "$MNT"
	run omni-fetch --all "file:$FIXTURES/fetch/cli/instagram.json"
	assert_failure 77
	assert_output "omni-fetch: $OMNI_DB: cannot write the store: it is on a read-only file system"
	run omni-link "$NOW" "$BATS_TEST_TMPDIR/t.ndjson"
	assert_failure 77
	assert_output "omni-link: $OMNI_DB: cannot write the store: it is on a read-only file system"
	# a new store there too
	OMNI_DB=$MNT/new.db run omni-fetch "file:$FIXTURES/fetch/cli/instagram.json"
	assert_failure
	assert_output --partial 'read-only file system'
}

@test "a read-only store file or directory (mode bits): 77, saying why" {
	[ "$(id -u)" -ne 0 ] || skip "running as root: mode bits do not stop root (the read-only file system test stands in)"
	omni-fetch "file:$FIXTURES/fetch/cli/instagram.json" >/dev/null
	chmod 0444 "$OMNI_DB"
	run omni-fetch --all "file:$FIXTURES/fetch/cli/instagram.json"
	chmod 0600 "$OMNI_DB"
	assert_failure 77
	assert_output --partial 'cannot write the store'
	chmod 0555 "$BATS_TEST_TMPDIR"
	run omni-fetch --all "file:$FIXTURES/fetch/cli/instagram.json"
	chmod 0755 "$BATS_TEST_TMPDIR"
	assert_failure 77
	assert_output --partial 'cannot write the store'
}

@test "a store path that cannot be created: 73, saying why" {
	: >"$BATS_TEST_TMPDIR/afile"
	OMNI_DB=$BATS_TEST_TMPDIR/afile/sub/omni.db run omni-fetch "file:$FIXTURES/fetch/cli/instagram.json"
	assert_failure 73
	assert_output "omni-fetch: $BATS_TEST_TMPDIR/afile/sub/omni.db: cannot create the store's directory: Not a directory"
	# a missing directory is made, privately
	OMNI_DB=$BATS_TEST_TMPDIR/a/b/omni.db run omni-fetch "file:$FIXTURES/fetch/cli/instagram.json"
	assert_success
	[ "$(stat -c %a "$BATS_TEST_TMPDIR/a/b")" = 700 ]
}

@test "a corrupt store: 65 from every program that opens it, the file untouched" {
	skip_on_pg "the store file, corrupted"
	omni-fetch "file:$FIXTURES/fetch/cli/instagram.json" >"$BATS_TEST_TMPDIR/t.ndjson"
	rm -f "$OMNI_DB"*
	head -c 65536 /dev/urandom >"$OMNI_DB"
	sum=$(cksum <"$OMNI_DB")
	run omni-fetch "file:$FIXTURES/fetch/cli/instagram.json"
	assert_failure 65
	assert_output "omni-fetch: $OMNI_DB: cannot open the store: file is not a database"
	run omni-link "$NOW" "$BATS_TEST_TMPDIR/t.ndjson"
	assert_failure 65
	assert_output "omni-link: $OMNI_DB: cannot open the store: file is not a database"
	run omni-report -d "$OMNI_DB" "$NOW"
	assert_failure 65
	assert_output --partial 'file is not a database'
	assert_equal "$(cksum <"$OMNI_DB")" "$sum"
}

# ---- big and hostile input ----

@test "1 GB streamed through omni-report (generated in a pipe): bounded memory" {
	[ -x /usr/bin/time ] || skip "no /usr/bin/time"
	line=$(head -n 1 "$FIXTURES/report/edge.ndjson")
	mb=${OMNI_BIG_MB:-1024}
	n=$((mb * 1024 * 1024 / (${#line} + 1)))
	run bash -c 'yes "$1" | head -n "$2" | /usr/bin/time -f "rss %M" omni-report --unique --now 2026-12-01T00:00:00Z -s 2000-01-01 -f csv' \
		sh "$line" "$n"
	assert_success
	assert_line --partial "total,,$n,"
	rss=$(sed -n 's/^rss //p' <<<"$output")
	echo "# $mb MB, $n tickets: peak RSS $rss KB" >&3
	[ "$rss" -lt 65536 ]
}

@test "a 50 MB line passes through omni-route whole, in bounded memory" {
	[ -x /usr/bin/time ] || skip "no /usr/bin/time"
	python3 -c 'import json,sys; t=json.load(open(sys.argv[1])); t["messages"][0]["text"]="a"*50000000; print(json.dumps(t, separators=(",",":")))' \
		"$FIXTURES/reply/email-wismo.json" >"$BATS_TEST_TMPDIR/big.ndjson"
	run bash -c '/usr/bin/time -f "rss %M" omni-route --now 2026-01-01T00:00:00Z "$1" 2>"$1.time" | jq -r ".messages[0].text | length"; cat "$1.time"' \
		sh "$BATS_TEST_TMPDIR/big.ndjson"
	assert_line 50000000
	rss=$(sed -n 's/^rss //p' <<<"$output")
	echo "# 50 MB line through omni-route: peak RSS $rss KB" >&3
	[ "$rss" -lt 600000 ]
}

@test "JSON nested 10,000 deep: 65 naming file, line and column, from every reader" {
	{
		head -n 1 "$FIXTURES/report/edge.ndjson"
		printf '{"omni":1,"id":"deep","x":'
		printf '[%.0s' $(seq 10000)
		printf ']%.0s' $(seq 10000)
		printf '}\n'
	} >"$BATS_TEST_TMPDIR/deep.ndjson"
	for p in $READERS; do
		run "$p" "$NOW" "$BATS_TEST_TMPDIR/deep.ndjson"
		assert_failure 65
		assert_output --regexp "^$p: $BATS_TEST_TMPDIR/deep.ndjson:2:[0-9]+: .*deep"
	done
	# as a document for omni-fetch
	printf '[%.0s' $(seq 10000) >"$BATS_TEST_TMPDIR/deep.json"
	printf ']%.0s' $(seq 10000) >>"$BATS_TEST_TMPDIR/deep.json"
	run omni-fetch "file:$BATS_TEST_TMPDIR/deep.json"
	assert_failure 65
	assert_output --partial "$BATS_TEST_TMPDIR/deep.json"
}

@test "invalid UTF-8 and a NUL byte: 65 with file:line:col from every reader; --keep-going sets the line aside" {
	good=$(head -n 1 "$FIXTURES/report/edge.ndjson")
	printf '%s\n{"omni":1,"id":"bad\xc3\x28"}\n' "$good" >"$BATS_TEST_TMPDIR/utf8.ndjson"
	printf '%s\n{"omni":1,"id":"n\0ul"}\n' "$good" >"$BATS_TEST_TMPDIR/nul.ndjson"
	for p in $READERS; do
		run "$p" "$NOW" "$BATS_TEST_TMPDIR/utf8.ndjson"
		assert_failure 65
		assert_output --regexp "^$p: $BATS_TEST_TMPDIR/utf8.ndjson:2:20: invalid UTF-8"
		run "$p" "$NOW" "$BATS_TEST_TMPDIR/nul.ndjson"
		assert_failure 65
		assert_output --regexp "^$p: $BATS_TEST_TMPDIR/nul.ndjson:2:[0-9]+: "
		run "$p" "$NOW" -k -r "$BATS_TEST_TMPDIR/rej.$p" "$BATS_TEST_TMPDIR/nul.ndjson"
		assert_failure 1
		cmp "$BATS_TEST_TMPDIR/rej.$p" <(tail -n 1 "$BATS_TEST_TMPDIR/nul.ndjson")
	done
	# a mail with invalid UTF-8 in a header and a NUL in its body still reads
	mkdir -p "$BATS_TEST_TMPDIR/md/new" "$BATS_TEST_TMPDIR/md/cur" "$BATS_TEST_TMPDIR/md/tmp"
	printf 'From: X \xff <x@example.com>\nSubject: bad \xc3\x28\nMessage-ID: <u@x>\n\nhello\0there\n' \
		>"$BATS_TEST_TMPDIR/md/new/1.M1.mx"
	run omni-fetch "maildir:$BATS_TEST_TMPDIR/md"
	assert_success
	run jq -r '.messages[0].text' <<<"$output"
	assert_output --partial hello
}
