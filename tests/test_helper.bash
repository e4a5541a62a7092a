# Loaded by every .bats file: the built programs first on PATH, and HOME,
# XDG_* and OMNI_* pointed into the test's own directory, so that no test
# touches the real home or store.

load '/usr/lib/bats/bats-support/load'
load '/usr/lib/bats/bats-assert/load'

TOP=$(cd "$BATS_TEST_DIRNAME/.." && pwd)
FIXTURES=$TOP/tests/fixtures
REFERENCE=$(cd "$TOP/../shared/reference/fixtures" 2>/dev/null && pwd)
export TOP FIXTURES REFERENCE

setup() {
	local vg=${OMNI_VALGRIND:-} v
	local testdb=${OMNI_TEST_DB:-} pg=${OMNI_TEST_PG:-}
	for v in $(env | sed -n 's/^\(OMNI_[A-Za-z0-9_]*\)=.*/\1/p'); do
		unset "$v"
	done
	export HOME=$BATS_TEST_TMPDIR/home
	export XDG_CONFIG_HOME=$HOME/.config XDG_DATA_HOME=$HOME/.local/share
	export XDG_STATE_HOME=$HOME/.local/state XDG_CACHE_HOME=$HOME/.cache
	export OMNI_DB=$BATS_TEST_TMPDIR/omni.db
	export PATH=$TOP/bin:$TOP/tests/bin:$PATH
	export LC_ALL=C.UTF-8 NO_COLOR=1
	mkdir -p "$HOME"
	if [ -n "$vg" ]; then
		omni_wrap_valgrind
	fi
	if [ "$testdb" = pg ]; then
		omni_test_pg "$pg"
	fi
}

# OMNI_TEST_DB=pg (tests/pg-suite): every test's store is a schema of its
# own in the throw-away cluster's database OMNI_TEST_PG names.
omni_test_pg() {
	local schema=t$$_$RANDOM
	psql -qX "$1" -c "CREATE SCHEMA $schema" >/dev/null || return 1
	export OMNI_DB="$1?options=-csearch_path%3D$schema"
	export OMNI_TEST_DB=pg OMNI_TEST_PG=$1 OMNI_TEST_SCHEMA=$schema
}

# The store gone, as if never made (the next program makes a new one):
# the SQLite file removed, or the test's schema emptied on PostgreSQL.
store_remove() {
	case $OMNI_DB in
	postgresql://*)
		psql -qX "$OMNI_TEST_PG" -c "DROP SCHEMA $OMNI_TEST_SCHEMA CASCADE" \
			-c "CREATE SCHEMA $OMNI_TEST_SCHEMA" >/dev/null ;;
	*) rm -f "$OMNI_DB" ;;
	esac
}

# The store's schema version (PRAGMA user_version on SQLite, the table
# omni_schema on PostgreSQL); with N, set to N, as a store made by an
# older omni.
store_version() {
	case $OMNI_DB@$# in
	postgresql://*@0) sqlite3 "$OMNI_DB" "SELECT max(version) FROM omni_schema" ;;
	postgresql://*) sqlite3 "$OMNI_DB" "UPDATE omni_schema SET version = $1" ;;
	*@0) sqlite3 "$OMNI_DB" "PRAGMA user_version" ;;
	*) sqlite3 "$OMNI_DB" "PRAGMA user_version = $1" ;;
	esac
}

# What the store keeps, to search: the bytes of the SQLite file and its
# write-ahead log (free pages too), or on PostgreSQL the rows of the
# test's schema (pg_dump; the server's own files are its administrator's,
# omni(7) "A shared store").
store_dump() {
	case $OMNI_DB in
	postgresql://*) pg_dump --data-only -n "$OMNI_TEST_SCHEMA" "$OMNI_TEST_PG" ;;
	*) cat "$OMNI_DB" "$OMNI_DB-wal" 2>/dev/null ;;
	esac
}

# Does text occur anywhere in what the store keeps (store_dump)?
store_has() {
	store_dump | grep -qaF -- "$1"
}

# The directory beside the store (its quarantine/): the SQLite file's, or
# $XDG_DATA_HOME/omni for a PostgreSQL store.
store_dir() {
	case $OMNI_DB in
	postgresql://*) echo "$XDG_DATA_HOME/omni" ;;
	*) dirname "$OMNI_DB" ;;
	esac
}

# A test of what only SQLite has (its files, locks and schemas): skipped
# on PostgreSQL, saying why.
skip_on_pg() {
	[ "${OMNI_TEST_DB:-}" != pg ] || skip "SQLite only: $*"
}

# On a PostgreSQL store, a test's `sqlite3 "$OMNI_DB" [SQL]` (the SQL as
# an argument or on stdin; -separator S first) runs through psql, with
# sqlite3's output: any postgresql:// URI where sqlite3 takes its file.
sqlite3() {
	local sep='|'
	if [ "${1:-}" = -separator ] && [[ ${3:-} == postgresql://* ]]; then
		sep=$2
		shift 2
	fi
	if [[ ${1:-} == postgresql://* ]]; then
		local db=$1
		shift
		# SQLite's check of its file: the server keeps its own files
		if [ "$*" = "PRAGMA integrity_check" ]; then
			echo ok
			return
		fi
		if [ $# -gt 0 ]; then
			printf '%s\n' "$*"
		else
			cat
		fi | psql -qAtX -F "$sep" -v ON_ERROR_STOP=1 "$db" -f -
		return
	fi
	command sqlite3 "$@"
}
export -f sqlite3

# OMNI_VALGRIND=1 runs every program under valgrind (jq's tests/setup):
# a wrapper directory first on PATH.
omni_wrap_valgrind() {
	local d=$BATS_TEST_TMPDIR/vg p
	mkdir -p "$d"
	for p in "$TOP"/bin/omni-*; do
		printf '#!/bin/sh\nexec valgrind -q --error-exitcode=125 --leak-check=full "%s" "$@"\n' \
			"$p" >"$d/${p##*/}"
		chmod +x "$d/${p##*/}"
	done
	export PATH=$d:$PATH
}

# The programs that exist, for the tests that check what they share.
omni_programs() {
	local p
	for p in "$TOP"/bin/omni-*; do
		[ -x "$p" ] && echo "${p##*/}"
	done
}

# tests/fixture-server, one per .bats file: call fixture_start from
# setup_file and fixture_stop from teardown_file.  FX is its base URL.
# A second one, for a test that needs another origin: fixture_start NAME,
# its base URL from fixture_url NAME, fixture_stop NAME.
fixture_start() {
	local name=${1:-fixture}
	python3 "$TOP/tests/fixture-server" "$BATS_FILE_TMPDIR/$name.port" &
	echo $! >"$BATS_FILE_TMPDIR/$name.pid"
	for _ in $(seq 200); do
		[ -s "$BATS_FILE_TMPDIR/$name.port" ] && break
		sleep 0.05
	done
	[ -n "${1:-}" ] || export FX=$(fixture_url fixture)
}

fixture_url() {
	echo "http://127.0.0.1:$(cat "$BATS_FILE_TMPDIR/$1.port")"
}

fixture_stop() {
	kill "$(cat "$BATS_FILE_TMPDIR/${1:-fixture}.pid")" 2>/dev/null || true
}

# Forgets the queued responses and the requests received.
fixture_reset() {
	curl -sf -X POST "$FX/_reset" >/dev/null
}

# fixture_push PATH RESPONSE...: queue responses (JSON objects) for a path.
fixture_push() {
	local path=$1 list
	shift
	list=$(printf '%s\n' "$@" | jq -cs .)
	curl -sf --data-binary "{\"path\":\"$path\",\"responses\":$list}" "$FX/_script" >/dev/null
}

# The requests the server received, as JSON lines.
fixture_requests() {
	curl -sf "$FX/_requests"
}

# The loopback SMTP server (tests/fixtures/reply/smtpd.py), one per .bats
# file: smtpd_file_start from setup_file sets SPOOL (what it kept) and
# SMTP_PORT, or NO_SMTPD when python3-aiosmtpd is missing;
# smtpd_file_stop from teardown_file.
smtpd_file_start() {
	export SPOOL=$BATS_FILE_TMPDIR/spool
	if ! /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null; then
		export NO_SMTPD=1
		return 0
	fi
	/usr/bin/python3 "$FIXTURES/reply/smtpd.py" "$SPOOL" "$BATS_FILE_TMPDIR/smtpd.port" 3>&- &
	echo $! >"$BATS_FILE_TMPDIR/smtpd.pid"
	for _ in $(seq 100); do
		[ -s "$BATS_FILE_TMPDIR/smtpd.port" ] && break
		sleep 0.1
	done
	export SMTP_PORT=$(cat "$BATS_FILE_TMPDIR/smtpd.port")
}

smtpd_file_stop() {
	[ -f "$BATS_FILE_TMPDIR/smtpd.pid" ] && kill "$(cat "$BATS_FILE_TMPDIR/smtpd.pid")" 2>/dev/null || true
}
