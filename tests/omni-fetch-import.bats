#!/usr/bin/env bats
# omni-fetch import:PATH - conversations exported by other systems (CSV,
# JSON, NDJSON) through the [source] section's map.* keys.

load test_helper

I=$FIXTURES/fetch/import

conf() {   # conf: the configuration from stdin
	mkdir -p "$XDG_CONFIG_HOME/omni"
	cat >"$XDG_CONFIG_HOME/omni/omni.conf"
}

chat_conf() {   # chat_conf [PATH]
	conf <<-EOF
	[source widget]
	uri = import:${1:-$I/chat.csv}
	channel = chat
	store = casa-verde
	map.ticket_id = conversation
	map.message_id = id
	map.from = sender_email
	map.name = sender_name
	map.phone = phone
	map.body = text
	map.at = timestamp
	map.direction = direction
	map.order = order_number
	EOF
}

# An SMS gateway's NDJSON export as the source "sms".
sms_conf() {
	cp "$I/sms.ndjson" "$BATS_TEST_TMPDIR/sms.txt"
	conf <<-EOF
	[source sms]
	uri = import:$BATS_TEST_TMPDIR/sms.txt
	format = ndjson
	channel = sms
	map.ticket_id = thread
	map.message_id = sid
	map.from = from
	map.body = body
	map.at = sent_at
	map.direction = dir
	EOF
}

@test "import: CSV (BOM, CRLF, quotes, doubled quotes, a line break in a field) into one ticket a conversation" {
	chat_conf
	run omni-fetch widget
	assert_success
	run jq -c '[.id, .channel, .store, .source.thread_key, .customer, .order_ids, .created_at, .updated_at]' <<<"$output"
	assert_output - <<-'EOF'
	["widget:c-17","chat","casa-verde","widget:c-17",{"name":"Kim Lee","emails":["kim.lee@example.com"],"phones":["+1 555 0100"]},["#1044"],"2024-03-07T08:26:40Z","2024-03-07T09:05:00Z"]
	["widget:c-20","chat","casa-verde","widget:c-20",{"name":"Dev Patel","emails":["dev.patel@example.net"]},null,"2024-03-07T08:43:20Z","2024-03-07T08:43:20Z"]
	EOF
}

@test "import: messages in time order (RFC 3339, Unix seconds and milliseconds, RFC 2822); agent rows are outbound" {
	chat_conf
	run omni-fetch widget
	assert_success
	run jq -c '.messages[] | [.id, .direction, .author, .at, .text, .channel]' <<<"$output"
	assert_output - <<-'EOF'
	["m-1","in","customer","2024-03-07T08:26:40Z","Hello, any news on my rain shell?","chat"]
	["m-2","in","customer","2024-03-07T08:28:20.500Z","Order 1044, placed Saturday","chat"]
	["m-3","out","agent","2024-03-07T09:05:00Z","Hi Kim, it left our warehouse today.\r\nTracking: 1Z999AA10123456784","chat"]
	["m-1","in","customer","2024-03-07T08:43:20Z","The beanie is \"damaged\", can I send it back?","chat"]
	EOF
}

@test "import: an inbound row's e-mail sender is its message's from; an agent's row or a phone has none" {
	chat_conf
	run omni-fetch widget
	assert_success
	run jq -c '[.messages[] | [.id, .from]]' <<<"$output"
	assert_output - <<-'EOF'
	[["m-1","kim.lee@example.com"],["m-2","kim.lee@example.com"],["m-3",null]]
	[["m-1","dev.patel@example.net"]]
	EOF
	sms_conf
	run omni-fetch sms
	assert_success
	run jq -c '[.messages[] | has("from")]' <<<"$output"
	assert_output '[false,false,false]'
}

@test "import: each message once across runs; a new row comes alone in its conversation's ticket" {
	cp "$I/chat.csv" "$BATS_TEST_TMPDIR/chat.csv"
	chat_conf "$BATS_TEST_TMPDIR/chat.csv"
	run omni-fetch widget
	assert_success
	run omni-fetch widget
	assert_success
	assert_output ''
	printf 'c-20,m-2,dev.patel@example.net,Dev Patel,,Any answer?,2024-03-08T10:00:00Z,in,\r\n' >>"$BATS_TEST_TMPDIR/chat.csv"
	run omni-fetch widget
	assert_success
	run jq -c '[.id, [.messages[].id]]' <<<"$output"
	assert_output '["widget:c-20",["m-2"]]'
	run sqlite3 "$OMNI_DB" "SELECT key FROM fetch_seen WHERE source = 'widget' ORDER BY key"
	assert_output $'c-17/m-1\nc-17/m-2\nc-17/m-3\nc-20/m-1\nc-20/m-2'
}

@test "import: a JSON array with dotted keys, a channel per row, a bot; the format by extension" {
	conf <<-EOF
	[source livechat]
	uri = import:$I/transcripts.json
	map.ticket_id = chat_id
	map.message_id = event_id
	map.name = visitor.name
	map.from = visitor.email
	map.phone = visitor.phone
	map.body = text
	map.at = created
	map.direction = author_type
	map.channel = medium
	EOF
	run omni-fetch livechat
	assert_success
	run jq -c '[.id, .channel, .customer, .order_ids, [.messages[] | .author + "@" + .at]]' <<<"$output"
	assert_output - <<-'EOF'
	["livechat:LC-5521","chat",{"name":"Maria Gonzalez","emails":["maria.g@example.com"]},["#1042"],["customer@2024-03-06T10:00:00Z","bot@2024-03-06T10:00:05Z"]]
	["livechat:SMS-88","sms",{"phones":["+15550101"]},["113-4827365-1029384"],["customer@2024-03-06T11:00:00Z"]]
	EOF
}

@test "import: NDJSON named by format = ndjson; an SMS gateway's outbound-api is outbound; a phone number as the sender" {
	sms_conf
	run omni-fetch sms
	assert_success
	run jq -c '[.id, .channel, .customer, [.messages[] | .direction]]' <<<"$output"
	assert_output '["sms:+15550101","sms",{"phones":["+15550101"]},["in","out","in"]]'
}

@test "import: ad hoc import:PATH reads the columns named after the fields" {
	printf 'ticket_id,message_id,at,body,from\nq1,1,2024-03-07T10:00:00Z,hello there,ana@example.org\n' >"$BATS_TEST_TMPDIR/x.csv"
	run omni-fetch "import:$BATS_TEST_TMPDIR/x.csv"
	assert_success
	run jq -c '[.id, .channel, .customer.emails, .messages[0].text]' <<<"$output"
	assert_output '["import:q1","chat",["ana@example.org"],"hello there"]'
}

@test "import: a bad row is exit 65 naming file:line (the line its record starts on); nothing is emitted" {
	conf <<-EOF
	[source x]
	uri = import:$I/bad-time.csv
	map.ticket_id = conversation
	map.message_id = id
	map.body = text
	map.at = timestamp
	EOF
	run omni-fetch x
	assert_failure 65
	assert_output "omni-fetch: $I/bad-time.csv:4: not a time: \"yesterday-ish\""
}

@test "import: with --keep-going the bad row goes verbatim to the reject file, once; the rest flows, exit 1" {
	conf <<-EOF
	[source x]
	uri = import:$I/bad-time.csv
	map.ticket_id = conversation
	map.message_id = id
	map.body = text
	map.at = timestamp
	EOF
	run bash -c "omni-fetch -k -r '$BATS_TEST_TMPDIR/rej' x 2>'$BATS_TEST_TMPDIR/err'"
	assert_failure 1
	run jq -c '[.id, [.messages[].id]]' <<<"$output"
	assert_output $'["x:c-1",["m-1"]]\n["x:c-2",["m-1"]]'
	run cat "$BATS_TEST_TMPDIR/rej"
	assert_output 'c-1,m-2,oops,yesterday-ish'
	run cat "$BATS_TEST_TMPDIR/err"
	assert_output "omni-fetch: $I/bad-time.csv:4: not a time: \"yesterday-ish\""
	run omni-fetch -k -r "$BATS_TEST_TMPDIR/rej" x
	assert_success
	assert_output ''
	run wc -l <"$BATS_TEST_TMPDIR/rej"
	assert_output 1
}

@test "import: a broken NDJSON line is named by its line and set aside whole under --keep-going" {
	conf <<-EOF
	[source x]
	uri = import:$I/broken.ndjson
	map.ticket_id = thread
	map.message_id = sid
	map.at = sent_at
	EOF
	run omni-fetch x
	assert_failure 65
	assert_output --regexp "^omni-fetch: $I/broken.ndjson:2:[0-9]+: "
	run bash -c "omni-fetch -k -r '$BATS_TEST_TMPDIR/rej' x 2>/dev/null"
	assert_failure 1
	run jq -r .id <<<"$output"
	assert_output $'x:t1\nx:t2'
	run cat "$BATS_TEST_TMPDIR/rej"
	assert_output '{"thread":"t1","sid":"A2","body":"broken",'
}

@test "import: an unclosed quote is exit 65 with file, line and column" {
	run omni-fetch "import:$I/unclosed.csv"
	assert_failure 65
	assert_output "omni-fetch: $I/unclosed.csv:2:9: a quoted field is not closed"
}

@test "import: a row with too many fields, an unknown direction, no time: bad rows" {
	printf 'ticket_id,at,body,direction\nt,2024-03-07T10:00:00Z,a,b,c\n' >"$BATS_TEST_TMPDIR/a.csv"
	run omni-fetch "import:$BATS_TEST_TMPDIR/a.csv"
	assert_failure 65
	assert_output "omni-fetch: $BATS_TEST_TMPDIR/a.csv:2: 5 fields where the header has 4"
	printf 'ticket_id,at,body,direction\nt,2024-03-07T10:00:00Z,a,sideways\n' >"$BATS_TEST_TMPDIR/b.csv"
	run omni-fetch "import:$BATS_TEST_TMPDIR/b.csv"
	assert_failure 65
	assert_output --partial 'b.csv:2: direction "sideways" is neither in nor out'
	printf '{"conv":"a","text":"x"}\n' >"$BATS_TEST_TMPDIR/c.ndjson"
	conf <<-EOF
	[source n]
	uri = import:$BATS_TEST_TMPDIR/c.ndjson
	map.ticket_id = conv
	map.body = text
	map.at = when
	EOF
	run omni-fetch n
	assert_failure 65
	assert_output "omni-fetch: $BATS_TEST_TMPDIR/c.ndjson:1: no at (\"when\" is empty or missing)"
}

@test "import: map.* keys pass the configuration check; an unknown field, a missing column, no format are errors" {
	conf <<-EOF
	[source x]
	uri = import:$I/chat.csv
	map.bogus = text
	EOF
	run omni-fetch x
	assert_failure 78
	assert_output --partial "omni.conf:3:1: unknown field 'map.bogus' in [source x]"
	conf <<-EOF
	[source x]
	uri = import:$I/chat.csv
	map.body = message
	EOF
	run omni-fetch x
	assert_failure 65
	assert_output "omni-fetch: $I/chat.csv:1: no column \"message\" (map.body) in the header"
	run omni-fetch "import:$BATS_TEST_TMPDIR/export.dat"
	assert_failure 78
	assert_output --partial 'cannot tell the format of'
	run omni-fetch "import:$BATS_TEST_TMPDIR/missing.csv"
	assert_failure 66
}

# enc_conf PATH [ENCODING]: an import of PATH with columns of the fields' names.
enc_conf() {
	conf <<-EOF
	[source x]
	uri = import:$1
	${2:+encoding = $2}
	EOF
}

@test "import: a Windows-1252 CSV is refused naming file:line:column, nothing emitted nor marked read; encoding = windows-1252 reads it" {
	printf 'ticket_id,message_id,at,body\nc1,m1,2024-03-04T10:00:00Z,hello\nc1,m2,2024-03-04T10:01:00Z,Caf\xe9 cr\xe8me \x80 5\n' >"$BATS_TEST_TMPDIR/x.csv"
	enc_conf "$BATS_TEST_TMPDIR/x.csv"
	run omni-fetch x
	assert_failure 65
	assert_output "omni-fetch: $BATS_TEST_TMPDIR/x.csv:3:31: not valid UTF-8: set the source's encoding (windows-1252, latin1, iso-8859-15, utf-16)"
	run sqlite3 "$OMNI_DB" "SELECT count(*) FROM fetch_seen"
	assert_output 0
	enc_conf "$BATS_TEST_TMPDIR/x.csv" windows-1252
	run omni-fetch x
	assert_success
	run jq -r '.messages[].text' <<<"$output"
	assert_output $'hello\nCafé crème € 5'
}

@test "import: latin1 and iso-8859-15 read 0xA4 as their own; UTF-16 with a byte order mark is read without a setting; an unknown encoding is 78" {
	printf 'ticket_id,message_id,at,body\nc1,m1,2024-03-04T10:00:00Z,\xa4 10 \xe0 la caisse\n' >"$BATS_TEST_TMPDIR/l.csv"
	enc_conf "$BATS_TEST_TMPDIR/l.csv" latin1
	run omni-fetch x
	assert_success
	run jq -r '.messages[].text' <<<"$output"
	assert_output '¤ 10 à la caisse'
	enc_conf "$BATS_TEST_TMPDIR/l.csv" iso-8859-15
	run omni-fetch --all x
	assert_success
	run jq -r '.messages[].text' <<<"$output"
	assert_output '€ 10 à la caisse'
	printf 'ticket_id,message_id,at,body\r\nc1,m1,2024-03-04T10:00:00Z,Grüße 😀\r\n' | iconv -f UTF-8 -t UTF-16 >"$BATS_TEST_TMPDIR/u.csv"
	enc_conf "$BATS_TEST_TMPDIR/u.csv"
	run omni-fetch --all x
	assert_success
	run jq -r '.messages[].text' <<<"$output"
	assert_output 'Grüße 😀'
	enc_conf "$BATS_TEST_TMPDIR/l.csv" klingon-8
	run omni-fetch x
	assert_failure 78
	assert_output "omni-fetch: x: unknown encoding 'klingon-8'"
	# a byte that is not in the encoding named: its line and column
	printf 'ticket_id,message_id,at,body\nc1,m1,2024-03-04T10:00:00Z,a\x81b\n' >"$BATS_TEST_TMPDIR/h.csv"
	enc_conf "$BATS_TEST_TMPDIR/h.csv" windows-1252
	run omni-fetch x
	assert_failure 65
	assert_output "omni-fetch: $BATS_TEST_TMPDIR/h.csv:2:29: invalid bytes for encoding = windows-1252"
}

@test "import: a NUL byte in a UTF-16 file's field is an error at its line, never a field cut short" {
	printf 'ticket_id,message_id,at,body\nc1,m1,2024-03-04T10:00:00Z,ok\nc1,m2,2024-03-04T10:00:00Z,cut\0here\n' |
		iconv -f UTF-8 -t UTF-16 >"$BATS_TEST_TMPDIR/n.csv"
	enc_conf "$BATS_TEST_TMPDIR/n.csv"
	run omni-fetch x
	assert_failure 65
	assert_output "omni-fetch: $BATS_TEST_TMPDIR/n.csv:3: a NUL byte in the row"
	run sqlite3 "$OMNI_DB" "SELECT count(*) FROM fetch_seen"
	assert_output 0
}
