#!/usr/bin/env bats
# omni-fetch over IMAP and IMAPS against a real server: Debian's dovecot on
# loopback (tests/imap-server), one throwaway mailbox for the whole file.

load test_helper
bats_require_minimum_version 1.5.0
eval "helper_$(declare -f setup)"

MAIL=$BATS_TEST_DIRNAME/fixtures/fetch/mail/maildir

setup_file() {
	[ -x /usr/sbin/dovecot ] || return 0
	export IMAPD=$BATS_FILE_TMPDIR/imapd
	"$BATS_TEST_DIRNAME/imap-server" "$IMAPD"
	for _ in $(seq 100); do
		curl -s -o /dev/null "imap://127.0.0.1:$(cat "$IMAPD/port")/" --user test:secret-pw -X NOOP && break
		sleep 0.05
	done
}

teardown_file() {
	[ -n "${IMAPD:-}" ] || return 0
	kill "$(cat "$IMAPD/run/master.pid")" || true
	[ -L "$IMAPD" ] && rm -rf "$(readlink "$IMAPD")"
	return 0
}

setup() {
	helper_setup
	[ -x /usr/sbin/dovecot ] || skip "dovecot-imapd is not installed"
	PORT=$(cat "$IMAPD/port")
	TLS=$(cat "$IMAPD/port-tls")
	export OMNI_IMAP_TOKEN=secret-pw
	# each test its own mailbox
	BOX=box$BATS_TEST_NUMBER
	curl -s "imap://127.0.0.1:$PORT/" --user test:secret-pw -X "CREATE $BOX" >/dev/null
	URL=imap://test@127.0.0.1:$PORT/$BOX
}

# deliver FILE...: into the test's mailbox, as a delivery agent would.
deliver() {
	local f
	for f in "$@"; do
		curl -s "imap://127.0.0.1:$PORT/$BOX" --user test:secret-pw -T "$f" >/dev/null
	done
}

ids() {
	jq -r .source.external_id
}

@test "imap: each new message once, the last UID as the cursor; mail delivered between runs shows up once" {
	deliver "$MAIL/new/1709300001.M101P1.mx" "$MAIL/new/1709300002.M102P2.mx"
	run omni-fetch "$URL"
	assert_success
	run ids <<<"$output"
	assert_output $'it-0001@mail.example.it\nfr-0002@example.fr'
	run sqlite3 "$OMNI_DB" "SELECT value FROM cursors"
	assert_output --regexp '^[0-9]+:2$'
	deliver "$MAIL/new/1709300005.M105P5.mx"
	run omni-fetch "$URL"
	assert_success
	run ids <<<"$output"
	assert_output 'es-0005@example.es'
	run omni-fetch "$URL"
	assert_success
	assert_output ''
}

@test "imaps: verified against the CA bundle from CURL_CA_BUNDLE; refused without it" {
	deliver "$MAIL/new/1709300001.M101P1.mx"
	run omni-fetch "imaps://test@127.0.0.1:$TLS/$BOX"
	assert_failure 69
	assert_output --partial "examine: 127.0.0.1:$TLS: the certificate is not trusted (SSL peer certificate or SSH remote key was not OK); a private authority's certificate goes in CURL_CA_BUNDLE or SSL_CERT_FILE"
	CURL_CA_BUNDLE=$IMAPD/cert.pem run omni-fetch "imaps://test@127.0.0.1:$TLS/$BOX"
	assert_success
	run ids <<<"$output"
	assert_output 'it-0001@mail.example.it'
}

@test "imap: a wrong password is exit 77; the password never shows, even in a trace" {
	OMNI_IMAP_TOKEN=wrong-pw run omni-fetch -vv "$URL"
	assert_failure 77
	assert_output --partial 'login denied'
	assert_output --partial '> A002 AUTHENTICATE PLAIN [redacted]'
	refute_output --partial 'wrong-pw'
	refute_output --partial "$(printf '\0test\0wrong-pw' | base64)"
}

@test "imap: no password is exit 78 naming the variables" {
	unset OMNI_IMAP_TOKEN
	run omni-fetch "$URL"
	assert_failure 78
	assert_output --partial 'missing secret: set OMNI_IMAP_TOKEN_FILE or OMNI_IMAP_TOKEN'
}

@test "imap: a run cut short keeps the cursor at the last message written; the rerun repeats nothing" {
	# 370 and 753 bytes: the second is over the cap
	deliver "$MAIL/new/1709300002.M102P2.mx" "$MAIL/new/1709300005.M105P5.mx"
	OMNI_HTTP_MAX_SIZE=600 run omni-fetch "$URL"
	assert_failure 69
	assert_line --index 1 "omni-fetch: imap: uid 2: response larger than 600 bytes"
	assert_line --index 0 --partial '"external_id":"fr-0002@example.fr"'
	run sqlite3 "$OMNI_DB" "SELECT value FROM cursors"
	assert_output --regexp '^[0-9]+:1$'
	run omni-fetch "$URL"
	assert_success
	run ids <<<"$output"
	assert_output 'es-0005@example.es'
}

@test "imap: a new UIDVALIDITY reads the mailbox again without repeating a message" {
	deliver "$MAIL/new/1709300001.M101P1.mx"
	run omni-fetch "$URL"
	assert_success
	run sqlite3 "$OMNI_DB" "UPDATE cursors SET value = '1:1'"
	deliver "$MAIL/new/1709300002.M102P2.mx"
	run omni-fetch -vv "$URL"
	assert_success
	assert_output --partial 'FETCH 1:2 (UID)'
	run ids <<<"$(grep '^{' <<<"$output")"
	assert_output 'fr-0002@example.fr'
}

@test "imap: a configured source takes its password from its own secret" {
	mkdir -p "$XDG_CONFIG_HOME/omni"
	printf '[source support-mail]\nuri = %s\nstore = acme\n' "$URL" >"$XDG_CONFIG_HOME/omni/omni.conf"
	deliver "$MAIL/new/1709300001.M101P1.mx"
	OMNI_IMAP_TOKEN=wrong OMNI_SUPPORT_MAIL_TOKEN=secret-pw run omni-fetch support-mail
	assert_success
	run jq -r '[.id, .store] | join(" ")' <<<"$output"
	assert_output 'support-mail:it-0001@mail.example.it acme'
}

# unseen: the \Seen count of the test's mailbox (STATUS is one short line).
unseen() {
	curl -s "imap://127.0.0.1:$PORT/" --user test:secret-pw -X "STATUS $BOX (MESSAGES UNSEEN)" | tr -d '\r'
}

@test "imap: a mailbox of 5,000 messages: all once on the first run, none on the second, \\Seen unchanged" {
	# written straight into the server's Maildir: odd ones read (cur/, S),
	# even ones new
	local dir=$IMAPD/mail/test/.$BOX i
	for i in $(seq 5000); do
		if ((i % 2)); then f=$dir/cur/1709000000.M${i}P1.mx:2,S; else f=$dir/new/1709000000.M${i}P1.mx; fi
		printf 'From: c%d@example.com\nSubject: order %d\nMessage-ID: <m%d@example.com>\nDate: Mon, 4 Mar 2024 10:00:00 +0000\n\nWhere is my order %d?\n' \
			"$i" "$i" "$i" "$i" >"$f"
	done
	[ "$(id -u)" -ne 0 ] || chown -R dovecot:dovecot "$dir"
	assert_equal "$(unseen)" "* STATUS $BOX (MESSAGES 5000 UNSEEN 2500)"
	omni-fetch "$URL" >"$BATS_TEST_TMPDIR/out"
	run jq -r .source.external_id "$BATS_TEST_TMPDIR/out"
	assert_equal "${#lines[@]}" 5000
	assert_equal "$(sort -u <<<"$output" | wc -l)" 5000
	assert_line --index 0 m1@example.com
	assert_line --index 4999 m5000@example.com
	run sqlite3 "$OMNI_DB" "SELECT value FROM cursors"
	assert_output --regexp '^[0-9]+:5000$'
	assert_equal "$(unseen)" "* STATUS $BOX (MESSAGES 5000 UNSEEN 2500)"
	run omni-fetch "$URL"
	assert_success
	assert_output ''
}

@test "imap: mark_seen = yes marks what was fetched \\Seen; a bad value is a configuration error" {
	mkdir -p "$XDG_CONFIG_HOME/omni"
	printf '[source m]\nuri = %s\nmark_seen = maybe\n' "$URL" >"$XDG_CONFIG_HOME/omni/omni.conf"
	deliver "$MAIL/new/1709300001.M101P1.mx" "$MAIL/new/1709300002.M102P2.mx"
	curl -s "imap://127.0.0.1:$PORT/$BOX" --user test:secret-pw -X 'STORE 1:* -FLAGS (\Seen)' >/dev/null
	assert_equal "$(unseen)" "* STATUS $BOX (MESSAGES 2 UNSEEN 2)"
	OMNI_M_TOKEN=secret-pw run omni-fetch m
	assert_failure 78
	assert_output "omni-fetch: m: mark_seen is yes or no, not 'maybe'"
	# the default peeks
	run omni-fetch "$URL"
	assert_success
	assert_equal "$(unseen)" "* STATUS $BOX (MESSAGES 2 UNSEEN 2)"
	sed -i 's/maybe/yes/' "$XDG_CONFIG_HOME/omni/omni.conf"
	OMNI_M_TOKEN=secret-pw run omni-fetch m
	assert_success
	assert_equal "${#lines[@]}" 2
	assert_equal "$(unseen)" "* STATUS $BOX (MESSAGES 2 UNSEEN 0)"
}

@test "imap: an unreadable message is set aside in the quarantine and the next one comes" {
	printf 'From: x@example.com\r\nMessage-ID: <bad@example.com>\r\nContent-Type: multipart/mixed; boundary=zz\r\n\r\n--zz\r\n\r\ncut\r\n' \
		>"$BATS_TEST_TMPDIR/bad.eml"
	deliver "$BATS_TEST_TMPDIR/bad.eml" "$MAIL/new/1709300002.M102P2.mx"
	run --separate-stderr omni-fetch "$URL"
	assert_failure 1
	run jq -r .source.external_id <<<"$output"
	assert_output 'fr-0002@example.fr'
	[[ "$stderr" =~ ^"omni-fetch: imap: uid 1:5: truncated multipart: no closing boundary \"zz\"; set aside as $(store_dir)/quarantine/imap/"[0-9]+:1$ ]]
	cmp "$BATS_TEST_TMPDIR/bad.eml" "$(store_dir)"/quarantine/imap/*:1
	run omni-fetch "$URL"
	assert_success
	assert_output ''
}

@test "imap: a mailbox the server does not have is named, exit 66" {
	run omni-fetch "imap://test@127.0.0.1:$PORT/NoSuch$BOX"
	assert_failure 66
	assert_output --partial "omni-fetch: imap: examine: 127.0.0.1:$PORT has no mailbox NoSuch$BOX (NO "
	assert_output --partial "check the mailbox in the URL"
	refute_output --partial 'login denied'
}

@test "imap: an '@' in the user name is said to be written %40" {
	run omni-fetch "imap://test@example.com@127.0.0.1:$PORT/$BOX"
	assert_failure 64
	assert_output "omni-fetch: imap: an '@' in the user name is written %40 in the URL (user%40example.com@host)"
	# the written form reaches the server as the user name
	deliver "$MAIL/new/1709300001.M101P1.mx"
	run omni-fetch "imap://%74est@127.0.0.1:$PORT/$BOX"
	assert_success
	run ids <<<"$output"
	assert_output 'it-0001@mail.example.it'
}

@test "imap: imap:// to the TLS port gives up in seconds, saying the port may speak TLS" {
	OMNI_IMAP_RESPONSE_TIMEOUT=1 run omni-fetch "imap://test@127.0.0.1:$TLS/$BOX"
	assert_failure 75
	assert_output "omni-fetch: imap: examine: 127.0.0.1:$TLS sent no IMAP greeting in 1 s: if the port speaks TLS, the URL is imaps:// (port 993)"
}
