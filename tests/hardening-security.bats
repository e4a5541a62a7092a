#!/usr/bin/env bats
# Security: secrets kept out of output, traces and core files; loose
# permissions on the configuration and the store refused; hostile field
# values escaped in omni-report's formats; TLS verification always on;
# a NUL in an id, a key or an address refused by every program.

bats_require_minimum_version 1.5.0
load test_helper
eval "helper_$(declare -f setup)"

TOKEN=shpat_0123456789abcdef_hardening_secret
API=/admin/api/2024-10/orders.json
NOW=--now=2026-01-01T00:00:00Z

setup_file() {
	fixture_start
}

teardown_file() {
	fixture_stop
}

setup() {
	helper_setup
	fixture_reset
	export OMNI_HTTP_BACKOFF=0.01 OMNI_HTTP_RETRIES=2
}

# ---- secrets ----

@test "the API token never appears in output, -vv traces or errors, success or failure" {
	export OMNI_SHOPIFY_TOKEN=$TOKEN
	fixture_push /shopify$API \
		'{"status":401,"body":"{\"errors\":\"[API] Invalid API key or access token\"}"}'
	run --separate-stderr omni-fetch -vv "shopify:$FX/shopify"
	assert_failure
	[[ "$stderr" == *"GET "* ]] || fail "no trace: $stderr"
	[[ "$output$stderr" != *"$TOKEN"* ]] || fail "the token leaked"
	fixture_push /shopify$API \
		"$(jq -cn --arg f "$FIXTURES/api/shopify/orders-1.json" '{status:200,file:$f,headers:{}}')"
	run --separate-stderr omni-fetch -vv --orders "shopify:$FX/shopify"
	assert_success
	# the header is traced, its value redacted: the orders' request, and the
	# products' (their stock) and the customers' that follow under --orders
	# (404s here)
	assert_equal "$(grep -c 'X-Shopify-Access-Token: \[redacted\]' <<<"$stderr")" 3
	[[ "$output$stderr" != *"$TOKEN"* ]] || fail "the token leaked"
	# nor in the store (its file's bytes, on SQLite)
	if [[ $OMNI_DB != postgresql://* ]]; then
		run grep -c "$TOKEN" "$OMNI_DB"
		assert_output 0
	fi
	# but it was sent to the server
	run fixture_requests
	assert_output --partial "$TOKEN"
}

@test "a process that read a secret dumps no core" {
	export OMNI_SHOPIFY_TOKEN=$TOKEN
	fixture_push /shopify$API '{"delay":3,"status":200,"body":"{\"orders\":[]}"}'
	ulimit -c unlimited
	omni-fetch "shopify:$FX/shopify" >/dev/null 2>&1 &
	pid=$!
	sleep 1
	# not dumpable: /proc/PID belongs to root, or the core limit is 0
	limits=$(cat "/proc/$pid/limits" 2>/dev/null || echo unreadable)
	kill "$pid"
	wait "$pid" || true
	[[ "$limits" == unreadable || "$limits" == *"Max core file size        0 "* ]] || fail "$limits"
}

@test "a webhook secret never appears in the error of a bad signature" {
	export OMNI_SHOPIFY_SECRET=whsec_hardening_secret_value
	printf 'X-Shopify-Hmac-Sha256: AAAA\n\n{"id":1}\n' >"$BATS_TEST_TMPDIR/d.http"
	run omni-fetch --webhook shopify "$BATS_TEST_TMPDIR/d.http"
	assert_failure 77
	refute_output --partial whsec_hardening
}

# ---- permissions ----

@test "a configuration writable by group or others is refused (77); 0644 is fine" {
	printf '[store s]\ntimezone = UTC\n' >"$BATS_TEST_TMPDIR/omni.conf"
	for mode in 664 646 666; do
		chmod "$mode" "$BATS_TEST_TMPDIR/omni.conf"
		run omni-fetch -c "$BATS_TEST_TMPDIR/omni.conf" "file:$FIXTURES/fetch/cli/instagram.json"
		assert_failure 77
		assert_output "omni-fetch: $BATS_TEST_TMPDIR/omni.conf: configuration is writable by others (mode 0$mode): chmod go-w it"
	done
	# the default place too, and every program that reads it (omni-report
	# needs none)
	mkdir -p "$XDG_CONFIG_HOME/omni"
	cp "$BATS_TEST_TMPDIR/omni.conf" "$XDG_CONFIG_HOME/omni/omni.conf"
	chmod 666 "$XDG_CONFIG_HOME/omni/omni.conf"
	for p in omni-fetch omni-link omni-route omni-reply; do
		run "$p" --now 2026-01-01T00:00:00Z </dev/null
		assert_failure 77
		assert_output --partial 'configuration is writable by others'
	done
	chmod 644 "$BATS_TEST_TMPDIR/omni.conf" "$XDG_CONFIG_HOME/omni/omni.conf"
	run omni-fetch -c "$BATS_TEST_TMPDIR/omni.conf" "file:$FIXTURES/fetch/cli/instagram.json"
	assert_success
}

@test "a store writable by group or others is refused (77) and left untouched" {
	skip_on_pg "the store file's mode"
	omni-fetch "file:$FIXTURES/fetch/cli/instagram.json" >/dev/null
	[ "$(stat -c %a "$OMNI_DB")" = 600 ]
	before=$(sqlite3 "$OMNI_DB" "SELECT count(*) FROM fetch_seen")
	chmod 620 "$OMNI_DB"
	run omni-fetch --all "file:$FIXTURES/fetch/cli/instagram.json"
	assert_failure 77
	assert_output "omni-fetch: $OMNI_DB: the store is writable by others (mode 0620): chmod 600 it"
	for p in omni-link omni-route omni-reply; do
		run "$p" -d "$OMNI_DB" --now 2026-01-01T00:00:00Z </dev/null
		[ "$status" -eq 77 ] || [ "$status" -eq 0 ]   # route and reply open it only when needed
		[ "$status" -eq 0 ] || assert_output --partial 'the store is writable by others'
	done
	run omni-link "$NOW" </dev/null
	assert_failure 77
	chmod 600 "$OMNI_DB"
	assert_equal "$(sqlite3 "$OMNI_DB" "SELECT count(*) FROM fetch_seen")" "$before"
	run omni-fetch --all "file:$FIXTURES/fetch/cli/instagram.json"
	assert_success
}

@test "a new store and its directories are private: 0600 and 0700" {
	export OMNI_DB=$BATS_TEST_TMPDIR/new/dir/omni.db
	umask 000
	omni-fetch "file:$FIXTURES/fetch/cli/instagram.json" >/dev/null
	run stat -c %a "$OMNI_DB" "$BATS_TEST_TMPDIR/new/dir" "$BATS_TEST_TMPDIR/new"
	assert_output $'600\n700\n700'
	run sh -c "stat -c %a '$OMNI_DB'-wal '$OMNI_DB'-shm 2>/dev/null | sort -u"
	[ -z "$output" ] || assert_output 600
}

# ---- escaping ----

hostile() {
	jq -c '.channel = "<script>alert(1)</script>\",x\nq|y"' "$FIXTURES/report/edge.ndjson" |
		head -n 3 >"$BATS_TEST_TMPDIR/hostile.ndjson"
}

@test "omni-report html: a hostile field value is escaped, no markup of its own" {
	hostile
	run omni-report "$NOW" -s 2000-01-01 -f html "$BATS_TEST_TMPDIR/hostile.ndjson"
	assert_success
	refute_output --partial '<script>alert'
	assert_output --partial '&lt;script&gt;alert(1)&lt;/script&gt;'
}

@test "omni-report csv: a value with a comma, a quote and a newline is one quoted field" {
	hostile
	run omni-report "$NOW" -s 2000-01-01 -f csv -b channel "$BATS_TEST_TMPDIR/hostile.ndjson"
	assert_success
	run python3 -c 'import csv,sys; rows=list(csv.reader(open(sys.argv[1]))); print(len(rows), repr(rows[1][0]), rows[1][1])' /dev/stdin <<<"$output"
	assert_output "3 '<script>alert(1)</script>\",x\\nq|y' 3"
}

@test "omni-report prometheus: label values escaped" {
	hostile
	run omni-report "$NOW" -s 2000-01-01 -f prometheus -b channel "$BATS_TEST_TMPDIR/hostile.ndjson"
	assert_success
	assert_line 'omni_report_tickets{channel="<script>alert(1)</script>\",x\nq|y"} 3'
}

@test "omni-report markdown: a value cannot break the table or add markup" {
	hostile
	run omni-report "$NOW" -s 2000-01-01 -f markdown -b channel "$BATS_TEST_TMPDIR/hostile.ndjson"
	assert_success
	refute_output --partial '<script>'
	[ "${#lines[@]}" -eq 4 ]
}

@test "omni-report markdown: a channel or store that is Markdown markup stays text, escaped as html escapes HTML" {
	jq -c '.channel = "![t](https://evil.example/p.png)" | .store = "*x*_`c`_#1 \\ {a}+b-c.d~e"' \
		"$FIXTURES/report/edge.ndjson" | head -n 3 >"$BATS_TEST_TMPDIR/md.ndjson"
	run omni-report "$NOW" -s 2000-01-01 -f markdown -b channel,store "$BATS_TEST_TMPDIR/md.ndjson"
	assert_success
	refute_output --partial '![t]('
	assert_line --index 2 --regexp '^\| \\!\\\[t\\\]\\\(https\\://evil\\\.example/p\\\.png\\\) \| \\\*x\\\*\\_\\`c\\`\\_\\#1 \\\\ \\\{a\\\}\\\+b\\-c\\\.d\\~e \| 3 \|'
	# the figures of our own stay as they are
	assert_line --index 2 --partial '| 33.3% |'
}

@test "omni-report table: control characters in a value do not reach the terminal" {
	jq -c '.channel = "a\u001b[31mred"' "$FIXTURES/report/edge.ndjson" >"$BATS_TEST_TMPDIR/esc.ndjson"
	run omni-report "$NOW" -s 2000-01-01 -b channel "$BATS_TEST_TMPDIR/esc.ndjson"
	assert_success
	refute_output --partial $'\e'
}

# ---- NUL (U+0000) in ids, keys and addresses ----

# nul_ticket ID [JQ-FILTER]: an e-mail ticket as omni-fetch writes one.
nul_ticket() {
	jq -nc --arg id "$1" '{omni: 1, id: $id, channel: "email", kind: "message",
		source: {name: "test", external_id: $id, thread_key: $id},
		customer: {emails: [($id + "@example.com")]},
		messages: [{id: ("m-" + $id), direction: "in", author: "customer",
		            at: "2026-11-01T10:00:00Z", text: "hi", channel: "email"}]}' |
		jq -c "${2:-.}"
}

@test "omni-link: ids x\\u0000A and x\\u0000B are bad data at line 1 (65), not one ticket; -k sets both aside, links the rest" {
	local in=$BATS_TEST_TMPDIR/in.ndjson
	{ nul_ticket a '.id = "x\u0000A"'; nul_ticket b '.id = "x\u0000B"'
	  nul_ticket c '.messages[0].text = "hi\u0000there"'; } >"$in"
	run --separate-stderr omni-link "$in"
	assert_failure 65
	assert_output ''
	[ "$stderr" = "omni-link: $in:1:18: id holds a NUL character (\\u0000)" ]
	run --separate-stderr omni-link -k -r "$BATS_TEST_TMPDIR/rej" "$in"
	assert_failure 1
	[ "$stderr" = "omni-link: $in:1:18: id holds a NUL character (\\u0000)"$'\n'"omni-link: $in:2:18: id holds a NUL character (\\u0000)" ]
	# the text's NUL is text: it passes byte for byte
	assert_equal "$(grep -o '"text":"[^"]*"' <<<"$output")" '"text":"hi\u0000there"'
	run jq -c '[.merged_from, [.messages[].id]]' <<<"$output"
	assert_output '[["c"],["m-c"]]'
	assert_equal "$(cat "$BATS_TEST_TMPDIR/rej")" "$(head -n 2 "$in")"
	run sqlite3 "$OMNI_DB" "SELECT (SELECT count(*) FROM tickets) || ' ' || (SELECT count(*) FROM messages)"
	assert_output '1 1'
}

@test "omni-link: an address, a handle, an order or a message id holding U+0000 is refused, never stored cut short" {
	local f
	for f in '.customer.emails = ["victim@example.com\u0000@evil.example"]|customer.emails' \
	         '.customer.handles = {instagram: "17841\u00009"}|customer.handles.instagram' \
	         '.order_ids = ["#1042\u00001"]|order_ids' \
	         '.messages[0].id = "m\u0000"|messages.id' \
	         '.source.references = ["a@example.com", "victim-thread@example.com\u0000x"]|source.references'; do
		nul_ticket v "${f%|*}" >"$BATS_TEST_TMPDIR/v.ndjson"
		run omni-link "$BATS_TEST_TMPDIR/v.ndjson"
		assert_failure 65
		assert_output --regexp "^omni-link: $BATS_TEST_TMPDIR/v.ndjson:1:[0-9]+: ${f#*|} holds a NUL character"
	done
	run sqlite3 "$OMNI_DB" 'SELECT count(*) FROM identity_keys'
	assert_output 0
}

@test "omni-route: a ticket id holding U+0000 is bad data (65); -k sets it aside and assigns the rest, one row each" {
	{ cat "$TOP/share/omni/rules"; printf 'assign support\n\tagents ann bob\n'; } >"$BATS_TEST_TMPDIR/rules"
	{ nul_ticket t '.id = "t\u0000A"'; nul_ticket t '.id = "t\u0000B"'; nul_ticket ok; } >"$BATS_TEST_TMPDIR/in.ndjson"
	run omni-route -R "$BATS_TEST_TMPDIR/rules" "$NOW" "$BATS_TEST_TMPDIR/in.ndjson"
	assert_failure 65
	assert_output "omni-route: $BATS_TEST_TMPDIR/in.ndjson:1:18: id holds a NUL character (\\u0000)"
	run --separate-stderr omni-route -k -R "$BATS_TEST_TMPDIR/rules" "$NOW" "$BATS_TEST_TMPDIR/in.ndjson"
	assert_failure 1
	run jq -r '[.id, .assignee] | @tsv' <<<"$output"
	assert_output $'ok\tann'
	run sqlite3 "$OMNI_DB" 'SELECT ticket_id, agent FROM route_assignments'
	assert_output 'ok|ann'
}

@test "omni-reply: a recipient holding U+0000 is refused (65): nothing sent, nothing in the ledger" {
	printf '[reply]\nmeta_api = %s/meta\nretries = 1\n' "$FX" >"$BATS_TEST_TMPDIR/omni.conf"
	jq -c '.customer.handles.facebook = "6901234567891234\u0000999"' "$FIXTURES/reply/messenger.json" \
		>"$BATS_TEST_TMPDIR/fb.ndjson"
	OMNI_META_TOKEN=t run omni-reply -c "$BATS_TEST_TMPDIR/omni.conf" --send \
		--now 2026-11-20T12:00:00Z "$BATS_TEST_TMPDIR/fb.ndjson"
	assert_failure 65
	assert_output --regexp "^omni-reply: $BATS_TEST_TMPDIR/fb.ndjson:1:[0-9]+: customer.handles.facebook holds a NUL character"
	assert_equal "$(fixture_requests)" ''
	run sqlite3 "$OMNI_DB" 'SELECT count(*) FROM send_ledger'
	assert_output 0
	jq -c '.customer.emails = ["victim@example.com\u0000@evil.example"]' "$FIXTURES/reply/email-wismo.json" \
		>"$BATS_TEST_TMPDIR/mail.ndjson"
	run omni-reply -t wismo_shipped <"$BATS_TEST_TMPDIR/mail.ndjson"
	assert_failure 65
	assert_output --regexp '^omni-reply: stdin:1:[0-9]+: customer.emails holds a NUL character'
}

@test "every ticket reader: an id holding U+0000 is bad data at its line and column (65); -k goes on" {
	# the second line starts with white space
	{ nul_ticket a; printf ' '; nul_ticket b '.id = "b\u0000"'; } >"$BATS_TEST_TMPDIR/in.ndjson"
	for p in $(omni_programs | grep -vx omni-fetch); do
		run --separate-stderr "$p" "$BATS_TEST_TMPDIR/in.ndjson"
		assert_failure 65
		assert_equal "$stderr" "$p: $BATS_TEST_TMPDIR/in.ndjson:2:19: id holds a NUL character (\\u0000)"
		run --separate-stderr "$p" -k "$BATS_TEST_TMPDIR/in.ndjson"
		assert_failure 1
	done
}

@test "omni-fetch file: an order number or a message id holding U+0000 is bad data at its line (65), stored nowhere" {
	sed 's/"name": "#1042"/"name": "#10\\u000042"/' "$FIXTURES/fetch/file/shopify-orders.json" \
		>"$BATS_TEST_TMPDIR/orders.json"
	run omni-fetch --orders "file:$BATS_TEST_TMPDIR/orders.json"
	assert_failure 65
	assert_output "omni-fetch: $BATS_TEST_TMPDIR/orders.json:63:27: a string holds a NUL character (\\u0000)"
	run sqlite3 "$OMNI_DB" 'SELECT count(*) FROM orders'
	assert_output 0
	# a Meta delivery a line, on the quick path too: the mid, an attachment
	sed '1s/aWdf_mid_001/aWdf_mid\\u0000001/' "$FIXTURES/fetch/file/instagram-dump.ndjson" >"$BATS_TEST_TMPDIR/a.ndjson"
	sed '1s|"text":|"attachments":[{"type":"image","payload":{"url":"https://x.example/\\u0000"}}],"text":|' \
		"$FIXTURES/fetch/file/instagram-dump.ndjson" >"$BATS_TEST_TMPDIR/b.ndjson"
	for f in a b; do
		run --separate-stderr omni-fetch "file:$BATS_TEST_TMPDIR/$f.ndjson"
		assert_failure 65
		assert_output ''
		[[ $stderr =~ ^"omni-fetch: $BATS_TEST_TMPDIR/$f.ndjson:1:"[0-9]+": a string holds a NUL character (\\u0000)"$ ]]
	done
	run sqlite3 "$OMNI_DB" 'SELECT count(*) FROM fetch_seen'
	assert_output 0
}

@test "omni-fetch --webhook: a sender id holding U+0000 is a malformed delivery (65; 400 to a web server)" {
	jq '.entry[0].messaging[0].sender.id = "6901234567891234\u0000999"' \
		"$FIXTURES/fetch/file/meta-messenger-webhook.json" >"$BATS_TEST_TMPDIR/body.json"
	local sig
	sig=sha256=$(python3 -c 'import hmac,hashlib,sys; print(hmac.new(b"s", open(sys.argv[1],"rb").read(), hashlib.sha256).hexdigest())' "$BATS_TEST_TMPDIR/body.json")
	OMNI_META_SECRET=s run omni-fetch --webhook meta -H "X-Hub-Signature-256: $sig" "$BATS_TEST_TMPDIR/body.json"
	assert_failure 65
	assert_output --regexp "^omni-fetch: $BATS_TEST_TMPDIR/body.json:[0-9]+:[0-9]+: bad json in the body: a string holds a NUL character"
	OMNI_META_SECRET=s run env GATEWAY_INTERFACE=CGI/1.1 REQUEST_METHOD=POST \
		CONTENT_LENGTH="$(stat -c %s "$BATS_TEST_TMPDIR/body.json")" HTTP_X_HUB_SIGNATURE_256="$sig" \
		omni-fetch --webhook meta --output "$BATS_TEST_TMPDIR/tickets.ndjson" <"$BATS_TEST_TMPDIR/body.json"
	assert_failure 65
	assert_line --index 0 $'Status: 400 Bad Request\r'
	assert_equal "$(wc -c <"$BATS_TEST_TMPDIR/tickets.ndjson")" 0
}

@test "omni-fetch: a mail whose From or Message-ID holds a NUL byte is refused at its line, set aside, and the mail after it flows (1)" {
	local md=$BATS_TEST_TMPDIR/md
	mkdir -p "$md/new" "$md/cur" "$md/tmp"
	printf 'From: victim@example.com\0@evil.example\r\nSubject: hi\r\nMessage-ID: <a1@evil.example>\r\nDate: Mon, 4 Mar 2024 10:00:00 +0000\r\n\r\nWhere is #1042?\r\n' \
		>"$md/new/1.eml"
	printf 'From: eve@evil.example\r\nSubject: hi\r\nMessage-ID: <victim-thread@example.com\0x>\r\nDate: Mon, 4 Mar 2024 10:00:00 +0000\r\n\r\nhi\r\n' \
		>"$md/new/2.eml"
	printf 'From: ann@example.com\r\nSubject: hi\r\nMessage-ID: <a3@example.com>\r\nDate: Mon, 4 Mar 2024 10:00:00 +0000\r\n\r\nhello\0 there\r\n' \
		>"$md/new/3.eml"
	run --separate-stderr omni-fetch "maildir:$md"
	assert_failure 1
	local q=$(store_dir)/quarantine/maildir
	assert_equal "$stderr" "omni-fetch: $md/new/1.eml:1: the From field holds a NUL byte; set aside as $q/1.eml
omni-fetch: $md/new/2.eml:3: the Message-ID field holds a NUL byte; set aside as $q/2.eml"
	cmp "$md/new/1.eml" "$q/1.eml"
	run jq -c '[.customer.emails, .source.message_id]' <<<"$output"
	assert_output '[["ann@example.com"],"a3@example.com"]'
}

@test "omni-fetch import: a CSV row holding a NUL byte is bad data at its line (65), not the address before it" {
	mkdir -p "$XDG_CONFIG_HOME/omni"
	printf 'conversation,id,sender_email,text,timestamp\nc-1,m-1,ann@example.com,hi,2024-03-07T08:26:40Z\nc-2,m-2,victim@example.com\0@evil.example,hi,2024-03-07T08:27:40Z\n' \
		>"$BATS_TEST_TMPDIR/chat.csv"
	printf '[source x]\nuri = import:%s\nmap.ticket_id = conversation\nmap.message_id = id\nmap.from = sender_email\nmap.body = text\nmap.at = timestamp\n' \
		"$BATS_TEST_TMPDIR/chat.csv" >"$XDG_CONFIG_HOME/omni/omni.conf"
	run omni-fetch x
	assert_failure 65
	assert_output "omni-fetch: $BATS_TEST_TMPDIR/chat.csv:3: a NUL byte in the row"
	run --separate-stderr omni-fetch -k x
	assert_failure 1
	run jq -c .customer.emails <<<"$output"
	assert_output '["ann@example.com"]'
}

# ---- TLS ----

@test "TLS verification is on for every request and nothing turns it off" {
	# the only settings of peer and host verification in the library
	run grep -rn --include='*.c' 'SSL_VERIFYPEER\|SSL_VERIFYHOST' "$TOP/lib" "$TOP/cmd"
	assert_output --partial 'CURLOPT_SSL_VERIFYPEER, 1L'
	assert_output --partial 'CURLOPT_SSL_VERIFYHOST, 2L'
	refute_output --partial ', 0'
	run grep -rln --include='*.c' 'CURLOPT_SSL_VERIFYSTATUS\|CURLSSLOPT_NO_REVOKE\|CURLOPT_PROXY_SSL_VERIFY' "$TOP/lib" "$TOP/cmd"
	assert_output ''
	# a self-signed server is refused, not trusted
	openssl req -x509 -newkey rsa:2048 -nodes -keyout "$BATS_TEST_TMPDIR/k.pem" \
		-out "$BATS_TEST_TMPDIR/c.pem" -days 1 -subj /CN=localhost 2>/dev/null
	openssl s_server -quiet -accept 0 -cert "$BATS_TEST_TMPDIR/c.pem" -key "$BATS_TEST_TMPDIR/k.pem" \
		-www >"$BATS_TEST_TMPDIR/s_server.out" 2>&1 &
	srv=$!
	port=
	for _ in $(seq 50); do
		port=$(ss -ltnp 2>/dev/null | awk -v p="pid=$srv," '$0 ~ p { sub(/.*:/, "", $4); print $4; exit }')
		[ -n "$port" ] && break
		sleep 0.1
	done
	[ -n "$port" ] || { kill "$srv"; skip "cannot find the openssl s_server port"; }
	OMNI_SHOPIFY_TOKEN=x run omni-fetch "shopify:https://localhost:$port/shop"
	kill "$srv"
	assert_failure
	assert_output --partial 'certificate'
}
