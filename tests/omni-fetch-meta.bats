#!/usr/bin/env bats
# omni-fetch meta:BASE - Graph API conversations (Messenger, Instagram)
# replayed by tests/fixture-server: pagination of conversations and of the
# messages inside one, the cursor, Graph's error bodies, usage pacing, and
# one message whichever way it came (back-fill or webhook).

load test_helper
eval "helper_$(declare -f setup)"

PAGE=104728395561832
CONV=/meta/v21.0/$PAGE/conversations
TOKEN=EAAGpagetoken0123456789
SECRET=test_app_secret_0123456789abcdef
MID1=m_Z3Vp6cW9yZGVyLTEwNDMtcmVmdW5kLXF1ZXN0aW9uLWZpeHR1cmUtbWlkLTAwMDAx
MID2=m_Z3Vp6cW9yZGVyLTEwNDMtcmVmdW5kLXF1ZXN0aW9uLWZpeHR1cmUtbWlkLTAwMDAy
REPLY=m_Y2FzYS12ZXJkZS1yZXBseS10by1kZXYtMDAwMDE
OLD=m_ZGV2LWFza3MtYWJvdXQtdGhlLWdyZWVuLWJlYW5pZQ
MARIA=m_bWFyaWEtYXNrcy1hYm91dC0xMDQyLXNoaXBwaW5n

setup_file() {
	fixture_start
}

teardown_file() {
	fixture_stop
}

setup() {
	helper_setup
	fixture_reset
	export OMNI_META_TOKEN=$TOKEN OMNI_HTTP_BACKOFF=0.01 OMNI_HTTP_RETRIES=3
	M=$FX/meta/$PAGE
	D=$FIXTURES/api/meta
}

file() {   # file NAME [HEADERS-JSON]
	jq -cn --arg f "$D/$1" --argjson h "${2:-{\}}" '{status:200,file:$f,headers:$h}'
}

graph_error() {   # graph_error STATUS CODE MESSAGE
	jq -cn --argjson s "$1" --argjson c "$2" --arg m "$3" \
		'{status:$s,body:({error:{message:$m,type:"OAuthException",code:$c,fbtrace_id:"AbCdEf"}}|tojson)}'
}

cursor() {
	sqlite3 "$OMNI_DB" "SELECT value FROM cursors"
}

messenger() {   # the two conversation pages and the older messages of the first
	fixture_push "$CONV" "$(file messenger-conversations-1.json)" "$(file messenger-conversations-2.json)"
	fixture_push /meta/v21.0/t_10228374651/messages "$(file messenger-messages-older.json)"
}

@test "meta: conversations page after page, and older messages inside one; each message a ticket, oldest first" {
	messenger
	run omni-fetch "meta:$M"
	assert_success
	run jq -r '[.id, .channel, .messages[0].direction, .messages[0].author, .messages[0].at] | join(" ")' <<<"$output"
	assert_output - <<-EOF
	meta:$OLD facebook in customer 2024-03-01T10:00:00Z
	meta:$MID1 facebook in customer 2024-03-06T15:30:12Z
	meta:$MID2 facebook in customer 2024-03-06T15:31:39Z
	meta:$REPLY facebook out agent 2024-03-06T15:35:00Z
	meta:$MARIA facebook in customer 2024-03-02T09:00:00Z
	EOF
	run jq -r '.path' <<<"$(fixture_requests)"
	assert_output $'/meta/v21.0/104728395561832/conversations\n/meta/v21.0/t_10228374651/messages\n/meta/v21.0/104728395561832/conversations'
	run jq -r '.query' <<<"$(fixture_requests | head -1)"
	assert_output 'platform=messenger&fields=participants,updated_time,messages%7Bid,created_time,from,to,message,attachments%7D'
	run cursor
	assert_output '{"since":"2024-03-06T15:35:00Z"}'
}

@test "meta: the token travels as a bearer header, never in a URL (Meta's paging.next carries one: it is dropped)" {
	messenger
	run omni-fetch "meta:$M"
	assert_success
	run jq -r '.headers.authorization' <<<"$(fixture_requests)"
	assert_output $'Bearer EAAGpagetoken0123456789\nBearer EAAGpagetoken0123456789\nBearer EAAGpagetoken0123456789'
	run jq -r '.query' <<<"$(fixture_requests)"
	refute_output --partial access_token
	assert_line --index 2 'platform=messenger&fields=participants%2Cupdated_time&limit=1&after=QVFIUnBhZ2UxYWZ0'
}

@test "meta: the ticket of a back-filled message is the webhook's: customer, thread, order, attachment" {
	messenger
	run omni-fetch "meta:$M"
	assert_success
	out=$output
	run jq -c "select(.id == \"meta:$MID1\") | [.store, .kind, .source, .customer, .order_ids, .messages[0].text]" <<<"$output"
	assert_output '[null,"message",{"name":"meta","external_id":"'"$MID1"'","thread_key":"facebook:104728395561832:6901234567891234","url":null,"page_id":"104728395561832"},{"name":"Dev Patel","handles":{"facebook":"6901234567891234"}},["#1043"],"Hello, I got a partial refund for order 1043 but the beanie was the only thing damaged. Is that right?"]'
	run jq -c "select(.id == \"meta:$OLD\") | .messages[0].attachments" <<<"$out"
	assert_output '[{"content_type":"image","url":"https://scontent.xx.fbcdn.net/v/t1.15752-9/beanie.jpg"}]'
	run jq -r "select(.id == \"meta:$REPLY\") | [.source.thread_key, .customer.handles.facebook] | join(\" \")" <<<"$out"
	assert_output 'facebook:104728395561832:6901234567891234 6901234567891234'
}

@test "meta: the same message by webhook and by back-fill is one message: same ids, same seen key, emitted once" {
	OMNI_META_SECRET=$SECRET run omni-fetch --webhook meta "$FIXTURES/api/webhooks/meta-messenger.http"
	assert_success
	hook=$output
	messenger
	run omni-fetch "meta:$M"
	assert_success
	run jq -r .id <<<"$output"
	assert_output $'meta:'"$OLD"$'\nmeta:'"$REPLY"$'\nmeta:'"$MARIA"
	# the back-fill's own ticket of that message, with --all, equals the webhook's
	messenger
	run omni-fetch --all "meta:$M"
	a=$(jq -c "select(.id == \"meta:$MID1\") | [.id, .channel, .source, .customer.handles, .order_ids, (.messages[0] | [.id, .direction, .author, .text, .channel, .source])]" <<<"$output")
	b=$(jq -c "select(.id == \"meta:$MID1\") | [.id, .channel, .source, .customer.handles, .order_ids, (.messages[0] | [.id, .direction, .author, .text, .channel, .source])]" <<<"$hook")
	assert [ -n "$a" ]
	assert_equal "$a" "$b"
	run sqlite3 "$OMNI_DB" "SELECT source FROM fetch_seen WHERE key = '$MID1' ORDER BY source"
	assert_output $'meta:'"$M"$'\nwebhook:meta'
}

@test "meta: back-filled first, the webhook delivery of the same messages emits nothing" {
	messenger
	run omni-fetch "meta:$M"
	assert_success
	OMNI_META_SECRET=$SECRET run omni-fetch --webhook meta "$FIXTURES/api/webhooks/meta-messenger.http"
	assert_success
	assert_output ''
}

@test "meta: Instagram: the account asked of the Page; echoes are the business's; the webhook's thread keys" {
	fixture_push /meta/v21.0/$PAGE "$(file page-instagram-account.json)"
	fixture_push "$CONV" "$(file instagram-conversations.json)"
	run omni-fetch "meta:$M?platform=instagram"
	assert_success
	backfill=$(jq -c '[.id, .source.thread_key, .customer.handles, .messages[0].direction, .messages[0].text]' <<<"$output")
	run jq -c '[.channel, .messages[0].direction, .source.thread_key, .messages[0].attachments[0].content_type]' <<<"$output"
	assert_output - <<-'EOF'
	["instagram","in","instagram:17841405822304914:7325591803362871",null]
	["instagram","in","instagram:17841405822304914:7325591803362871","image"]
	["instagram","out","instagram:17841405822304914:7325591803362871",null]
	EOF
	run jq -r '.query' <<<"$(fixture_requests)"
	assert_line --index 0 'fields=instagram_business_account'
	assert_line --index 1 --partial 'platform=instagram&'
	OMNI_META_SECRET=$SECRET run omni-fetch --all --webhook meta \
		-H 'X-Hub-Signature-256: sha256=e78242427ed8ce4f4134439a0a3767f3171f599a0cf62d4de38e397fe8735c07' \
		"$REFERENCE/meta-instagram-webhook.json"
	assert_success
	run jq -c '[.id, .source.thread_key, .customer.handles, .messages[0].direction, .messages[0].text]' <<<"$output"
	assert_output "$backfill"
}

@test "meta: a configured source: page, platform, account and version from its section" {
	mkdir -p "$XDG_CONFIG_HOME/omni"
	cat >"$XDG_CONFIG_HOME/omni/omni.conf" <<-EOF
	[source casa-ig]
	uri = meta:$FX/meta
	page = $PAGE
	platform = instagram
	account = 17841405822304914
	version = v19.0
	store = casa-verde
	EOF
	fixture_push /meta/v19.0/$PAGE/conversations "$(file instagram-conversations.json)"
	OMNI_CASA_IG_TOKEN=own-token run omni-fetch casa-ig
	assert_success
	run jq -r '[.id, .store] | join(" ")' <<<"$output"
	assert_line --index 0 'casa-ig:aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDA1ODIyMzA0OTE0OjM0MDI4MjM2Njg0MTcxMDMwMTI0NDI1OTk1OTQ0NjA3NDk2NzM5MjozMTg2NDk1ODE2NTgxNTk4NDYxMjM0NTY3ODkwMTIzNDU2NwZDZD casa-verde'
	run jq -r '[.path, .headers.authorization] | join(" ")' <<<"$(fixture_requests)"
	assert_output "/meta/v19.0/$PAGE/conversations Bearer own-token"
}

@test "meta: the next run stops at the conversations older than the cursor and asks for no older messages" {
	messenger
	run omni-fetch "meta:$M"
	assert_success
	fixture_reset
	messenger
	run omni-fetch "meta:$M"
	assert_success
	assert_output ''
	run jq -r .path <<<"$(fixture_requests)"
	assert_output "$CONV"$'\n'"$CONV"
	run cursor
	assert_output '{"since":"2024-03-06T15:35:00Z"}'
}

@test "meta: a rate-limit error body (code 4) is retried, then the page comes" {
	fixture_push "$CONV" "$(graph_error 403 4 '(#4) Application request limit reached')" \
		"$(file messenger-conversations-2.json)"
	run omni-fetch -vv "meta:$M"
	assert_success
	assert_output --partial 'omni-fetch: rate limited: retrying in 0.01s (attempt 2)'
	assert_output --partial "\"id\":\"meta:$MARIA\""
}

@test "meta: the code is read from the whole error object, past any excerpt" {
	local long
	long="(#17) User request limit reached: $(printf 'y%.0s' $(seq 300))"
	fixture_push "$CONV" "$(graph_error 400 17 "$long")" "$(file messenger-conversations-2.json)"
	run omni-fetch -vv "meta:$M"
	assert_success
	assert_output --partial 'omni-fetch: rate limited: retrying in 0.01s (attempt 2)'
	fixture_reset
	# a message that names another code is not what decides
	fixture_push "$CONV" "$(graph_error 400 100 "(#4) $long")"
	run omni-fetch "meta:$M"
	assert_failure 76
	assert_output --partial 'meta: graph error 100: '
}

@test "meta: still rate limited (code 32, 613) after the retries is exit 75" {
	local e
	e=$(graph_error 400 32 '(#32) Page request limit reached')
	fixture_push "$CONV" "$e" "$e" "$e" "$(graph_error 400 613 '(#613) Calls to this api have exceeded the rate limit.')"
	run omni-fetch "meta:$M"
	assert_failure 75
	assert_output 'omni-fetch: meta: page 1: rate limited (graph error 613), 4 attempts'
}

@test "meta: an expired token (code 190) is exit 77, and the token is never shown" {
	fixture_push "$CONV" "$(graph_error 400 190 'Error validating access token: Session has expired on Thursday, 07-Mar-24 08:00:00 PST. The current time is Thursday, 07-Mar-24 09:00:00 PST.')"
	run omni-fetch -vv "meta:$M"
	assert_failure 77
	assert_output --partial 'omni-fetch: meta: page 1: the page access token is invalid or expired (graph error 190): renew OMNI_META_TOKEN'
	assert_output --partial '> Authorization: [redacted]'
	refute_output --partial "$TOKEN"
}

@test "meta: a missing permission (code 10, 200-299) is exit 77 naming the permissions" {
	fixture_push "$CONV" "$(graph_error 403 230 '(#230) Requires pages_messaging permission to manage the object')"
	run omni-fetch "meta:$M"
	assert_failure 77
	assert_output --partial 'omni-fetch: meta: page 1: the token lacks a permission (graph error 230; the page needs pages_messaging, or instagram_manage_messages)'
	refute_output --partial "$TOKEN"
}

@test "meta: another Graph error is exit 76 with Meta's message" {
	fixture_push "$CONV" "$(graph_error 400 100 '(#100) Tried accessing nonexisting field (conversations)')"
	run omni-fetch "meta:$M"
	assert_failure 76
	assert_output --partial 'graph error 100: page 1: http status 400'
	assert_output --partial 'Tried accessing nonexisting field'
}

@test "meta: 500 then recovery" {
	fixture_push "$CONV" '{"status":500,"body":"{\"error\":{\"message\":\"An unknown error has occurred.\",\"code\":1}}"}' \
		"$(file messenger-conversations-2.json)"
	run omni-fetch "meta:$M"
	assert_success
	run jq -r .id <<<"$output"
	assert_output "meta:$MARIA"
}

@test "meta: a run cut off at page 2 (503s) is exit 69; the rerun resumes there and repeats nothing" {
	fixture_push "$CONV" "$(file messenger-conversations-1.json)" '{"status":503}' '{"status":503}' '{"status":503}' '{"status":503}'
	fixture_push /meta/v21.0/t_10228374651/messages "$(file messenger-messages-older.json)"
	run omni-fetch "meta:$M"
	assert_failure 69
	assert_line --index 0 --partial "\"id\":\"meta:$OLD\""
	assert_output --partial 'omni-fetch: meta: page 2: server error 503, 4 attempts'
	first=$(grep '^{' <<<"$output" | jq -r .id)
	run jq -r .next <<<"$(cursor)"
	assert_output "$FX/meta/v21.0/$PAGE/conversations?platform=messenger&fields=participants%2Cupdated_time&limit=1&after=QVFIUnBhZ2UxYWZ0"
	run sqlite3 "$OMNI_DB" "SELECT value FROM cursors WHERE value LIKE '%access_token%'"
	assert_output ''
	fixture_push "$CONV" "$(file messenger-conversations-2.json)"
	run omni-fetch "meta:$M"
	assert_success
	run jq -r .id <<<"$output"
	assert_output "meta:$MARIA"
	run sort <<<"$first"$'\n'"meta:$MARIA"
	assert_output "$(printf '%s\n' "meta:$OLD" "meta:$MID1" "meta:$MID2" "meta:$REPLY" "meta:$MARIA" | sort)"
	run cursor
	assert_output '{"since":"2024-03-06T15:35:00Z"}'
}

@test "meta: a malformed page 2 is exit 65 naming the source and the page; page 1 stays written" {
	fixture_push "$CONV" "$(file messenger-conversations-1.json)" "$(file truncated.json)"
	fixture_push /meta/v21.0/t_10228374651/messages "$(file messenger-messages-older.json)"
	run omni-fetch "meta:$M"
	assert_failure 65
	assert_output --regexp 'omni-fetch: meta: page 2: bad json at line [0-9]+ column [0-9]+: '
	assert_output --partial "\"id\":\"meta:$REPLY\""
}

@test "meta: a message without an id is a malformed page, not a silent skip" {
	fixture_push "$CONV" "$(file message-without-id.json)"
	run omni-fetch "meta:$M"
	assert_failure 65
	assert_output 'omni-fetch: meta: page 1: a message without an id'
}

@test "meta: near the usage limit (X-App-Usage, X-Business-Use-Case-Usage) the next request waits" {
	fixture_push "$CONV" "$(file messenger-conversations-2.json '{"X-App-Usage":"{\"call_count\":12,\"total_cputime\":3,\"total_time\":4}","X-Business-Use-Case-Usage":"{\"104728395561832\":[{\"type\":\"messenger\",\"call_count\":91,\"total_cputime\":10,\"total_time\":12,\"estimated_time_to_regain_access\":0}]}"}')"
	run omni-fetch -vv "meta:$M"
	assert_success
	assert_output --partial 'omni-fetch: usage 91%: waiting 1.00s'
}

@test "meta: no page id, a bad platform, no token: configuration errors (78)" {
	run omni-fetch "meta:$FX/meta"
	assert_failure 78
	assert_output 'omni-fetch: meta: no page id: set page in its [source] or end the uri in /PAGE-ID'
	run omni-fetch "meta:$M?platform=whatsapp"
	assert_failure 78
	assert_output --partial 'platform must be instagram or messenger'
	unset OMNI_META_TOKEN
	run omni-fetch "meta:$M"
	assert_failure 78
	assert_output 'omni-fetch: meta: missing secret: set OMNI_META_TOKEN_FILE or OMNI_META_TOKEN'
}
