#!/usr/bin/env bats
# omni-reply --send through the channels' APIs (the Meta Send API for
# Instagram and Messenger, the eBay Message API), replayed by
# tests/fixture-server on loopback: the requests, the messaging window's
# tag, the documented errors, and exactly once under failures and a kill.

load test_helper
eval "helper_$(declare -f setup)"

R=$FIXTURES/reply
TOKEN=EAAGm0PX4ZCpsBA_page_token_secret
EBAY=v^1.1#i^1#user_token_secret

setup_file() {
	fixture_start
}

teardown_file() {
	fixture_stop
}

setup() {
	helper_setup
	fixture_reset
	export OMNI_META_TOKEN=$TOKEN OMNI_EBAY_TOKEN=$EBAY
	CONF=$BATS_TEST_TMPDIR/omni.conf
	printf '[reply]\nmeta_api = %s/meta\nebay_api = %s/ebay\nretries = 2\nbackoff = 10\ntimeout = 2\n' \
		"$FX" "$FX" >"$CONF"
}

ok() {   # ok BODY: a 200 answer
	jq -cn --arg b "$1" '{status:200, body:$b}'
}

meta_error() {   # meta_error STATUS CODE [SUBCODE] MESSAGE
	jq -cn --argjson s "$1" --argjson c "$2" --argjson sub "${3:-null}" --arg m "$4" \
		'{status:$s, body:({error:({message:$m, type:"OAuthException", code:$c} +
		  (if $sub then {error_subcode:$sub} else {} end) + {fbtrace_id:"AbC12"})} | tojson)}'
}

ledger() {
	sqlite3 "$OMNI_DB" "SELECT ticket_id, channel, state, coalesce(external_id, '-'), attempts FROM send_ledger ORDER BY ticket_id"
}

FB=/meta/v21.0/104728395561832/messages
ME=/meta/v21.0/me/messages
NOW=--now=2026-11-20T12:00:00Z

# ---- Meta ----

@test "messenger: a POST to the page's messages, RESPONSE inside 24 hours, the message id recorded" {
	fixture_push $FB "$(ok '{"recipient_id":"6901234567891234","message_id":"m_AbCdEf123"}')"
	run omni-reply -c "$CONF" --send "$NOW" "$R/messenger.json"
	assert_success
	run jq -c '[.reply.status, .reply.external_id, .reply.sent_at]' <<<"$output"
	assert_output '["sent","m_AbCdEf123","2026-11-20T12:00:00Z"]'
	run jq -c '[.method, .path, .headers.authorization, .headers["content-type"]]' <<<"$(fixture_requests)"
	assert_output "[\"POST\",\"$FB\",\"Bearer $TOKEN\",\"application/json\"]"
	run jq -c '.body | fromjson | [.recipient.id, .messaging_type, .tag, (.message.text | test("^Hi Dana! Your order #1044"))]' <<<"$(fixture_requests)"
	assert_output '["6901234567891234","RESPONSE",null,true]'
	run ledger
	assert_output 't-fb-1|facebook|sent|m_AbCdEf123|1'
}

@test "a sent Meta reply joins the ticket's messages with the channel's id" {
	fixture_push $FB "$(ok '{"recipient_id":"6901234567891234","message_id":"m_AbCdEf123"}')"
	run omni-reply -c "$CONF" --send "$NOW" "$R/messenger.json"
	assert_success
	run jq -c '.messages[1] | [.id, .direction, .author, .channel]' <<<"$output"
	assert_output '["m_AbCdEf123","out","agent","facebook"]'
}

@test "a DM goes back in the thread of the last message, whatever other handle the customer has" {
	fixture_push $FB "$(ok '{"recipient_id":"6901234567895555","message_id":"m_last"}')"
	# an earlier message from another thread, and a customer handle that is not the sender's
	jq -c '.customer.handles.facebook = "6901234567890000"
		| .messages = [.messages[0] | .id = "m_0" | .at = "2026-11-20T08:00:00Z"
		               | .source.thread_key = "facebook:104728395561832:6901234567890000"] + .messages
		| .messages[1].source.thread_key = "facebook:104728395561832:6901234567895555"' \
		"$R/messenger.json" >"$BATS_TEST_TMPDIR/t.json"
	run omni-reply -c "$CONF" --send "$NOW" "$BATS_TEST_TMPDIR/t.json"
	assert_success
	run jq -r '.body | fromjson | .recipient.id' <<<"$(fixture_requests)"
	assert_output 6901234567895555
}

@test "instagram: a person's reply after 24 hours goes with the HUMAN_AGENT tag, to /me without a page" {
	fixture_push $ME "$(ok '{"recipient_id":"6901234567800001","message_id":"aWdfZAG06MTpJR01lc3NhZA"}')"
	run omni-reply -c "$CONF" --send --human --now 2026-11-23T09:00:00Z "$R/instagram.json"
	assert_success
	assert_equal "$(jq -r .reply.status <<<"$output")" sent
	run jq -c '.body | fromjson | [.recipient.id, .messaging_type, .tag]' <<<"$(fixture_requests)"
	assert_output '["6901234567800001","MESSAGE_TAG","HUMAN_AGENT"]'
}

@test "instagram: a bot's reply after 24 hours is blocked and nothing is posted" {
	run omni-reply -c "$CONF" --send --now 2026-11-23T09:00:00Z "$R/instagram.json"
	assert_success
	assert_equal "$(jq -r .reply.status <<<"$output")" blocked
	assert_equal "$(fixture_requests | wc -l)" 0
	assert_equal "$(ledger)" ''
}

@test "exactly once: a rerun posts nothing and reports the same message id" {
	fixture_push $FB "$(ok '{"recipient_id":"6901234567891234","message_id":"m_once"}')"
	for r in 1 2 3; do
		run omni-reply -c "$CONF" --send "$NOW" "$R/messenger.json"
		assert_success
		assert_equal "$(jq -c '[.reply.status, .reply.external_id]' <<<"$output")" '["sent","m_once"]'
	done
	assert_equal "$(fixture_requests | wc -l)" 1
	run ledger
	assert_output 't-fb-1|facebook|sent|m_once|1'
}

@test "meta rate limits (codes 613, 4) are tried again with backoff, then sent once" {
	fixture_push $FB "$(meta_error 400 613 '' '(#613) Calls to this api have exceeded the rate limit.')" \
		"$(meta_error 400 4 '' '(#4) Application request limit reached')" \
		"$(ok '{"recipient_id":"6901234567891234","message_id":"m_late"}')"
	run omni-reply -c "$CONF" --send "$NOW" "$R/messenger.json"
	assert_success
	assert_equal "$(jq -c '[.reply.status, .reply.external_id]' <<<"$output")" '["sent","m_late"]'
	assert_equal "$(fixture_requests | wc -l)" 3
	run ledger
	assert_output 't-fb-1|facebook|sent|m_late|1'
}

@test "a rate limit that lasts past the retries is exit 75, recorded failed, and may be sent later" {
	for _ in 1 2 3; do
		fixture_push $FB "$(meta_error 400 32 '' '(#32) Page request limit reached')"
	done
	run omni-reply -c "$CONF" --send "$NOW" "$R/messenger.json"
	assert_failure 75
	assert_line --partial 'rate limited (meta error 32)'
	assert_equal "$(grep '^{' <<<"$output" | jq -r .reply.status)" failed
	assert_equal "$(fixture_requests | wc -l)" 3
	fixture_push $FB "$(ok '{"recipient_id":"6901234567891234","message_id":"m_after"}')"
	run omni-reply -c "$CONF" --send "$NOW" "$R/messenger.json"
	assert_success
	run ledger
	assert_output 't-fb-1|facebook|sent|m_after|2'
}

@test "429 is tried again; the token never appears in a message or a trace" {
	fixture_push $FB '{"status":429,"headers":{"Retry-After":"0"},"body":"{}"}' \
		"$(ok '{"recipient_id":"6901234567891234","message_id":"m_429"}')"
	run omni-reply -c "$CONF" --send -vv "$NOW" "$R/messenger.json"
	assert_success
	assert_equal "$(fixture_requests | wc -l)" 2
	refute_output --partial "$TOKEN"
}

@test "an expired token (code 190) is exit 77, and the reply is not sent" {
	fixture_push $FB "$(meta_error 400 190 463 'Error validating access token: Session has expired.')"
	run omni-reply -c "$CONF" --send "$NOW" "$R/messenger.json"
	assert_failure 77
	assert_line --partial 'the page access token is invalid or expired (meta error 190)'
	refute_output --partial "$TOKEN"
	assert_equal "$(fixture_requests | wc -l)" 1
	run ledger
	assert_output 't-fb-1|facebook|failed|-|1'
}

@test "outside the messaging window (code 10, subcode 2018278) is exit 69, recorded failed" {
	fixture_push $FB "$(meta_error 400 10 2018278 '(#10) This message is sent outside of allowed window.')"
	run omni-reply -c "$CONF" --send "$NOW" "$R/messenger.json"
	assert_failure 69
	assert_line --partial 'outside the messaging window or the person is unavailable (meta error 10)'
	assert_equal "$(grep '^{' <<<"$output" | jq -r .reply.error)" \
		"$(grep '^omni-reply: ' <<<"$output" | sed 's/^omni-reply: //')"
	assert_equal "$(fixture_requests | wc -l)" 1
}

@test "a person who is not available (code 551) is exit 69" {
	fixture_push $FB "$(meta_error 400 551 1545041 "(#551) This person isn't available right now.")"
	run omni-reply -c "$CONF" --send "$NOW" "$R/messenger.json"
	assert_failure 69
	assert_line --partial '(meta error 551)'
}

@test "a dropped connection after the POST is unknown: exit 75, never posted again" {
	fixture_push $FB '{"drop":true}'
	run omni-reply -c "$CONF" --send "$NOW" "$R/messenger.json"
	assert_failure 75
	assert_equal "$(grep '^{' <<<"$output" | jq -r .reply.status)" unknown
	fixture_push $FB "$(ok '{"recipient_id":"6901234567891234","message_id":"m_dup"}')"
	run omni-reply -c "$CONF" --send "$NOW" "$R/messenger.json"
	assert_failure 75
	assert_line --partial 'omni-reply: t-fb-1: an earlier send may have gone out (ledger key '
	assert_equal "$(grep '^{' <<<"$output" | jq -r .reply.status)" unknown
	assert_equal "$(fixture_requests | wc -l)" 1
	run ledger
	assert_output 't-fb-1|facebook|unknown|-|1'
}

@test "a time-out is unknown too: the POST is not repeated" {
	fixture_push $FB '{"delay":4,"status":200,"body":"{\"message_id\":\"m_slow\"}"}'
	run omni-reply -c "$CONF" --send "$NOW" "$R/messenger.json"
	assert_failure 75
	assert_equal "$(grep '^{' <<<"$output" | jq -r .reply.status)" unknown
	assert_equal "$(fixture_requests | wc -l)" 1
}

@test "a server error is unknown: it may have been delivered" {
	fixture_push $FB '{"status":500,"body":"{\"error\":{\"message\":\"An unknown error has occurred.\",\"code\":1}}"}'
	run omni-reply -c "$CONF" --send "$NOW" "$R/messenger.json"
	assert_failure 75
	assert_equal "$(fixture_requests | wc -l)" 1
	run ledger
	assert_output 't-fb-1|facebook|unknown|-|1'
}

@test "a refused connection is tried again, then exit 69, recorded failed" {
	printf '[reply]\nmeta_api = http://127.0.0.1:1\nretries = 1\nbackoff = 10\n' >"$CONF"
	run omni-reply -c "$CONF" --send "$NOW" "$R/messenger.json"
	assert_failure 69
	run ledger
	assert_output 't-fb-1|facebook|failed|-|1'
}

@test "exactly once under SIGKILL: the POST in flight is reported unknown, never posted again" {
	printf '[reply]\nmeta_api = %s/meta\ntimeout = 30\n' "$FX" >"$CONF"
	fixture_push $FB '{"delay":20,"status":200,"body":"{\"message_id\":\"m_k\"}"}'
	omni-reply -c "$CONF" --send "$NOW" "$R/messenger.json" >"$BATS_TEST_TMPDIR/out1" 3>&- &
	pid=$!
	for _ in $(seq 100); do [ "$(fixture_requests | wc -l)" -ge 1 ] && break; sleep 0.1; done
	assert_equal "$(fixture_requests | wc -l)" 1
	kill -KILL "$pid"
	wait "$pid" || true
	run ledger
	assert_output 't-fb-1|facebook|pending|-|1'
	fixture_push $FB "$(ok '{"recipient_id":"6901234567891234","message_id":"m_twice"}')"
	for r in 1 2; do
		run omni-reply -c "$CONF" --send "$NOW" "$R/messenger.json"
		assert_failure 75
		assert_equal "$(grep '^{' <<<"$output" | jq -r .reply.status)" unknown
	done
	assert_equal "$(fixture_requests | wc -l)" 1
	run ledger
	assert_output 't-fb-1|facebook|unknown|-|1'
}

@test "the store's own token first (OMNI_<STORE>_META_TOKEN), else OMNI_META_TOKEN_FILE" {
	fixture_push $FB "$(ok '{"message_id":"m_1"}')" "$(ok '{"message_id":"m_2"}')"
	OMNI_ACME_US_META_TOKEN=store-token run omni-reply -c "$CONF" --send "$NOW" "$R/messenger.json"
	assert_success
	unset OMNI_META_TOKEN
	printf 'file-token\n' >"$BATS_TEST_TMPDIR/token"
	jq -c '.id = "t-fb-2"' "$R/messenger.json" >"$BATS_TEST_TMPDIR/t.json"
	OMNI_META_TOKEN_FILE=$BATS_TEST_TMPDIR/token run omni-reply -c "$CONF" --send "$NOW" "$BATS_TEST_TMPDIR/t.json"
	assert_success
	run jq -r .headers.authorization <<<"$(fixture_requests)"
	assert_output $'Bearer store-token\nBearer file-token'
}

@test "no Meta token is a configuration error (78) naming the variables" {
	unset OMNI_META_TOKEN
	run omni-reply -c "$CONF" --send "$NOW" "$R/messenger.json"
	assert_failure 78
	assert_output --partial 'OMNI_META_TOKEN_FILE or OMNI_META_TOKEN'
	assert_equal "$(fixture_requests | wc -l)" 0
}

# ---- eBay ----

EB=/ebay/commerce/message/v1/send_message

@test "ebay: a reply into the conversation, the message id recorded, sent once" {
	fixture_push $EB "$(ok '{"messageId":"6275165200123","messageBody":"x","senderUserName":"acme_outfitters","recipientUserName":"gearhead.kl","createdDate":"2024-03-03T09:00:01.000Z"}')"
	for r in 1 2; do
		run omni-reply -c "$CONF" --send --now 2024-03-03T09:00:00Z "$R/ebay-conversation.json"
		assert_success
		assert_equal "$(jq -c '[.reply.status, .reply.external_id]' <<<"$output")" '["sent","6275165200123"]'
	done
	assert_equal "$(fixture_requests | wc -l)" 1
	run jq -c '[.method, .path, .headers.authorization]' <<<"$(fixture_requests)"
	assert_output "[\"POST\",\"$EB\",\"Bearer $EBAY\"]"
	run jq -c '.body | fromjson | [.conversationId, .otherPartyUsername, (.messageText | test("^Dear customer"))]' <<<"$(fixture_requests)"
	assert_output '["208491463945","gearhead.kl",true]'
	run ledger
	assert_output 'ebay:208491463945|ebay|sent|6275165200123|1'
}

@test "ebay: a conversation known only by its buyer starts one with otherPartyUsername" {
	jq -c '.source.thread_key = "ebay:gearhead.kl" | .source.external_id = "6275165199019" | .messages[0].source = .source' \
		"$R/ebay-conversation.json" >"$BATS_TEST_TMPDIR/t.json"
	fixture_push $EB "$(ok '{"messageId":"1"}')"
	run omni-reply -c "$CONF" --send --now 2024-03-03T09:00:00Z "$BATS_TEST_TMPDIR/t.json"
	assert_success
	run jq -c '.body | fromjson | [.conversationId, .otherPartyUsername]' <<<"$(fixture_requests)"
	assert_output '[null,"gearhead.kl"]'
}

@test "ebay: an off-eBay link is blocked and never posted" {
	jq -c '.reply = {text: "Write to us at help@acme.example", status: "draft"}' \
		"$R/ebay-conversation.json" >"$BATS_TEST_TMPDIR/t.json"
	run omni-reply -c "$CONF" --send --now 2024-03-03T09:00:00Z "$BATS_TEST_TMPDIR/t.json"
	assert_success
	assert_equal "$(jq -r .reply.status <<<"$output")" blocked
	assert_equal "$(fixture_requests | wc -l)" 0
}

@test "ebay: 401 is exit 77; 400 is 76 and recorded failed; a dropped answer is unknown" {
	fixture_push $EB '{"status":401,"body":"{\"errors\":[{\"errorId\":1001,\"message\":\"Invalid access token\"}]}"}'
	run omni-reply -c "$CONF" --send --now 2024-03-03T09:00:00Z "$R/ebay-conversation.json"
	assert_failure 77
	refute_output --partial "$EBAY"
	fixture_push $EB '{"status":400,"body":"{\"errors\":[{\"errorId\":355001,\"message\":\"The conversation is closed.\"}]}"}'
	run omni-reply -c "$CONF" --send --now 2024-03-03T09:00:00Z "$R/ebay-conversation.json"
	assert_failure 76
	assert_line --partial 'The conversation is closed.'
	run ledger
	assert_output 'ebay:208491463945|ebay|failed|-|2'
	fixture_push $EB '{"drop":true}'
	run omni-reply -c "$CONF" --send --now 2024-03-03T09:00:00Z "$R/ebay-conversation.json"
	assert_failure 75
	run ledger
	assert_output 'ebay:208491463945|ebay|unknown|-|3'
	assert_equal "$(fixture_requests | wc -l)" 3
}

@test "ebay: a ticket with no Message API conversation is not posted to the API" {
	jq -c 'del(.source) | .messages[0] |= del(.source)' "$R/ebay-conversation.json" >"$BATS_TEST_TMPDIR/t.json"
	run omni-reply -c "$CONF" --send --now 2024-03-03T09:00:00Z "$BATS_TEST_TMPDIR/t.json"
	assert_success
	assert_line 'omni-reply: ebay:208491463945: no delivery for channel ebay yet: the reply stays a draft'
	assert_equal "$(fixture_requests | wc -l)" 0
}

# ---- resolving unknown sends ----

# An unknown send of the Messenger fixture: its ledger key.
unknown_send() {
	fixture_push $FB '{"drop":true}'
	omni-reply -c "$CONF" --send "$NOW" "$R/messenger.json" >"$BATS_TEST_TMPDIR/unknown.out" 2>/dev/null || true
	sqlite3 "$OMNI_DB" "SELECT key FROM send_ledger WHERE state = 'unknown'"
}

@test "--ledger lists the unknown sends as NDJSON; --all lists every one" {
	key=$(unknown_send)
	[ ${#key} -eq 64 ]
	fixture_push $EB "$(ok '{"messageId":"42"}')"
	# another ticket is answered, and the send in doubt said again (75)
	run omni-reply -c "$CONF" --send --now 2024-03-03T09:00:00Z "$R/ebay-conversation.json"
	assert_failure 75
	assert_line --partial "omni-reply: t-fb-1: a reply of "
	assert_line --partial "may or may not have gone out (ledger key ${key:0:12}): check, then omni-reply --resolve ${key:0:12}=sent or =unsent"
	run omni-reply --ledger
	assert_success
	run jq -c '[.key, .ticket_id, .channel, .state, .attempts, (.error | test("send: "))]' <<<"$output"
	assert_output "[\"$key\",\"t-fb-1\",\"facebook\",\"unknown\",1,true]"
	run omni-reply --ledger --all
	assert_success
	run jq -r '.ticket_id + " " + .state + " " + (.external_id // "-")' <<<"$output"
	assert_output $'t-fb-1 unknown -\nebay:208491463945 sent 42'
}

@test "--resolve KEY=unsent lets the next run send it once" {
	key=$(unknown_send)
	run omni-reply --resolve "${key:0:10}=unsent"
	assert_success
	assert_output ''
	run omni-reply --ledger
	assert_output ''
	fixture_push $FB "$(ok '{"recipient_id":"6901234567891234","message_id":"m_resent"}')"
	for r in 1 2; do
		run omni-reply -c "$CONF" --send "$NOW" "$R/messenger.json"
		assert_success
		assert_equal "$(jq -c '[.reply.status, .reply.external_id]' <<<"$output")" '["sent","m_resent"]'
	done
	assert_equal "$(fixture_requests | wc -l)" 2
	run ledger
	assert_output 't-fb-1|facebook|sent|m_resent|2'
}

@test "--resolve KEY=sent closes it: the next run reports it sent and posts nothing" {
	key=$(unknown_send)
	run omni-reply --resolve "$key=sent"
	assert_success
	run omni-reply -c "$CONF" --send "$NOW" "$R/messenger.json"
	assert_success
	assert_equal "$(jq -r .reply.status <<<"$output")" sent
	assert_equal "$(fixture_requests | wc -l)" 1
	run ledger
	assert_output 't-fb-1|facebook|sent|-|1'
}

@test "--resolve refuses a bad argument (64), an unknown key or a row already settled (65)" {
	key=$(unknown_send)
	run omni-reply --resolve "$key=maybe"
	assert_failure 64
	assert_output --partial "--resolve wants KEY=sent or KEY=unsent"
	run omni-reply --resolve "ffffffffff=sent"
	assert_failure 65
	assert_output "omni-reply: no ledger key starts with 'ffffffffff'"
	run omni-reply --resolve "$key=sent"
	assert_success
	run omni-reply --resolve "$key=unsent"
	assert_failure 65
	assert_output "omni-reply: ledger key ${key:0:12} is sent, not unknown: nothing to resolve"
	run omni-reply --ledger --send
	assert_failure 64
	assert_output --partial '--ledger and --resolve read no tickets and send nothing'
}

# ---- drafts from a model ----

LLM=/llm/v1/chat/completions

draft_conf() {   # draft_conf [TIMEOUT]
	printf 'Returns within 30 days. Refunds in 5 business days.\n' >"$BATS_TEST_TMPDIR/policy.txt"
	printf '[reply]\ndraft_url = %s%s\ndraft_model = local-7b\ndraft_timeout = %s\npolicy = %s\n' \
		"$FX" "$LLM" "${1:-5}" "$BATS_TEST_TMPDIR/policy.txt" >"$CONF"
}

completion() {   # completion TEXT: an OpenAI-style answer
	jq -cn --arg t "$1" '{status:200, body:({id:"chatcmpl-1", object:"chat.completion",
		choices:[{index:0, message:{role:"assistant", content:$t}, finish_reason:"stop"}]} | tojson)}'
}

@test "--draft: the model's draft replaces the template's text, from the ticket, order, tracking and policy" {
	draft_conf
	fixture_push $LLM "$(completion $'  Hi Dana! Order #1044 is with USPS and should arrive on November 22.\n')"
	run omni-reply -c "$CONF" --draft "$NOW" "$R/messenger.json"
	assert_success
	run jq -c '.reply | [.template, .status, .drafted_by, .text, has("html"), .lint]' <<<"$output"
	assert_output '["wismo","draft","local-7b","Hi Dana! Order #1044 is with USPS and should arrive on November 22.",false,[]]'
	run jq -c '.body | fromjson | [.model, .messages[0].role, .messages[1].role]' <<<"$(fixture_requests)"
	assert_output '["local-7b","system","user"]'
	run jq -r '.body | fromjson | .messages[0].content' <<<"$(fixture_requests)"
	assert_output --partial 'Write in English. Be short and warm'
	assert_output --partial $'The store\'s policy:\nReturns within 30 days.'
	run jq -c '.body | fromjson | .messages[1].content | fromjson |
		[.customer_name, .messages[0].text, .orders[0].fulfillments[0].tracking_number, (.template_reply | test("^Hi Dana"))]' <<<"$(fixture_requests)"
	assert_output '["Dana Nguyen","hey where'"'"'s my stuff","9400111899223197428490",true]'
}

@test "--draft: the model never gets an order not verified for the ticket, only the number named" {
	draft_conf
	fixture_push $LLM "$(completion 'Hi! Could you send us the e-mail address of the order?')"
	jq -c '.orders[0].verified = false | .orders[0].shipping_address = {city: "Portland", zip: "97205"}' \
		"$R/messenger.json" >"$BATS_TEST_TMPDIR/t.json"
	run omni-reply -c "$CONF" --draft "$NOW" "$BATS_TEST_TMPDIR/t.json"
	assert_success
	assert_equal "$(jq -r .reply.template <<<"$output")" verify
	body=$(fixture_requests | jq -r .body)
	for d in 9400111899223197428490 USPS Portland 97205 in_transit 2026-11-22; do
		[[ $body != *"$d"* ]] || fail "the model was sent '$d'"
	done
	run jq -c '.messages[1].content | fromjson | [.orders, .unverified_order]' <<<"$body"
	assert_output '[[],"#1044"]'
	run jq -r '.messages[0].content' <<<"$body"
	assert_output --partial 'The customer named the order in unverified_order, which is not verified as hers'
}

@test "--draft: a draft goes through the same lint, and a blocked one is never sent" {
	draft_conf
	printf 'meta_api = %s/meta\n' "$FX" >>"$CONF"
	fixture_push $LLM "$(completion 'Call us on +1 555 010 4477 or write to help@acme.example')"
	jq -c '.channel = "amazon" | .messages[0].channel = "amazon"' "$R/messenger.json" >"$BATS_TEST_TMPDIR/t.json"
	run omni-reply -c "$CONF" --draft --send "$NOW" "$BATS_TEST_TMPDIR/t.json"
	assert_success
	assert_equal "$(jq -r .reply.status <<<"$output")" blocked
	run jq -r '.reply.lint[]' <<<"$output"
	assert_line --partial 'phone'
	assert_line --partial 'mail'
	assert_equal "$(ledger)" ''
	assert_equal "$(fixture_requests | wc -l)" 1
}

@test "--draft: a time-out, a server error or an empty answer falls back to the template" {
	draft_conf 1
	fixture_push $LLM '{"delay":3,"status":200,"body":"{}"}' \
		'{"status":500,"body":"{}"}' '{"status":500,"body":"{}"}' \
		"$(completion '')"
	for i in 1 2 3; do
		run omni-reply -c "$CONF" --draft "$NOW" "$R/messenger.json"
		assert_success
		assert_line --regexp '^omni-reply: t-fb-1: no draft \(.*\): the template.s reply stands$'
		run jq -c '.reply | [.status, has("drafted_by"), (.text | test("^Hi Dana! Your order #1044"))]' <<<"$(grep '^{' <<<"$output")"
		assert_output '["draft",false,true]'
	done
}

@test "--draft without draft_url is a configuration error; a key is sent as a bearer token" {
	run omni-reply --draft "$NOW" "$R/messenger.json"
	assert_failure 78
	assert_output --partial "--draft needs 'draft_url' in [reply]"
	draft_conf
	fixture_push $LLM "$(completion 'Hello.')"
	OMNI_DRAFT_KEY=sk-local-secret run omni-reply -c "$CONF" --draft -vv "$NOW" "$R/messenger.json"
	assert_success
	refute_output --partial sk-local-secret
	run jq -r .headers.authorization <<<"$(fixture_requests)"
	assert_output 'Bearer sk-local-secret'
}

# ---- TikTok Shop ----

TT=/tt/customer_service/202309/conversations/7301234567890123456/messages

# The eBay presale question asked in a TikTok Shop conversation instead.
tiktok_ticket() {
	jq -c '.id = "tiktok:7301234567890123456" | .channel = "tiktok" | .customer = {handles: {tiktok: "7494826351830190178"}}
		| .source = {name: "tiktok", external_id: "7301234567890123456", thread_key: "tiktok:7301234567890123456", url: null}
		| .messages |= map(.channel = "tiktok" | .source = {name: "tiktok", thread_key: "tiktok:7301234567890123456"})' \
		"$R/ebay-conversation.json" >"$BATS_TEST_TMPDIR/tt.json"
}

tt_env() {
	export OMNI_TIKTOK_TOKEN=ROW_tt_access_token_0123456789 OMNI_TIKTOK_APP_KEY=6abc123def456
	export OMNI_TIKTOK_SECRET=tt_app_secret_0123456789abcdef
	printf 'tiktok_api = %s/tt\n' "$FX" >>"$CONF"
}

@test "tiktok: a signed TEXT message into the conversation, the message id recorded, sent once" {
	tt_env
	tiktok_ticket
	fixture_push $TT "$(ok '{"code":0,"message":"Success","request_id":"2024030309000001","data":{"message_id":"7301555000000000099"}}')"
	for r in 1 2; do
		run omni-reply -c "$CONF" --send --now 2024-03-03T09:00:00Z "$BATS_TEST_TMPDIR/tt.json"
		assert_success
		assert_equal "$(jq -c '[.reply.status, .reply.external_id]' <<<"$output")" '["sent","7301555000000000099"]'
	done
	text=$(jq -r .reply.text <<<"$output")
	[ -n "$text" ]
	assert_equal "$(fixture_requests | wc -l)" 1
	run jq -c '[.method, .path, .query, .headers["x-tts-access-token"]]' <<<"$(fixture_requests)"
	assert_output --regexp "^\[\"POST\",\"$TT\",\"app_key=6abc123def456&timestamp=1709456400&sign=[0-9a-f]{64}\",\"$OMNI_TIKTOK_TOKEN\"\]$"
	# the sign, computed again with Python's hmac
	run python3 -c '
import hashlib, hmac, json, sys
from urllib.parse import parse_qsl
r = json.loads(sys.stdin.readline())
q = dict(parse_qsl(r["query"]))
sign = q.pop("sign")
path = r["path"][len("/tt"):]
msg = sys.argv[1] + path + "".join(k + q[k] for k in sorted(q)) + r["body"] + sys.argv[1]
print(hmac.compare_digest(sign, hmac.new(sys.argv[1].encode(), msg.encode(), hashlib.sha256).hexdigest()))
' "$OMNI_TIKTOK_SECRET" <<<"$(fixture_requests)"
	assert_output True
	run jq -c --arg t "$text" '.body | fromjson | [.type, (.content | fromjson | .content == $t)]' <<<"$(fixture_requests)"
	assert_output '["TEXT",true]'
	run ledger
	assert_output 'tiktok:7301234567890123456|tiktok|sent|7301555000000000099|1'
}

@test "tiktok: a refusal in the envelope is recorded failed, exit 76; a TikTok ticket without a conversation stays a draft" {
	tt_env
	tiktok_ticket
	fixture_push $TT "$(ok '{"code":105002,"message":"The buyer cannot receive messages now","request_id":"x","data":{}}')"
	run omni-reply -c "$CONF" --send --now 2024-03-03T09:00:00Z "$BATS_TEST_TMPDIR/tt.json"
	assert_failure 76
	assert_line --partial 'tiktok refused the message (code 105002): The buyer cannot receive messages now'
	refute_output --partial "$OMNI_TIKTOK_TOKEN"
	run ledger
	assert_output 'tiktok:7301234567890123456|tiktok|failed|-|1'
	jq -c '.id = "t2" | .source.thread_key = "t2" | .messages[].source.thread_key = "t2"' \
		"$BATS_TEST_TMPDIR/tt.json" >"$BATS_TEST_TMPDIR/t2.json"
	run omni-reply -c "$CONF" --send --now 2024-03-03T09:00:00Z "$BATS_TEST_TMPDIR/t2.json"
	assert_success
	assert_line --partial 'the reply stays a draft'
}

# ---- a sent reply fetched back ----

# A Page webhook delivery of one message (mid $1, text $2); with $3 =
# echo, the page's own message to the customer, as Meta echoes a send.
page_event() {
	local from=6901234567891234 to=104728395561832 echo=false
	if [ "${3:-}" = echo ]; then
		from=104728395561832 to=6901234567891234 echo=true
	fi
	jq -nc --arg mid "$1" --arg text "$2" --arg from "$from" --arg to "$to" --argjson echo "$echo" \
		'{object: "page", entry: [{id: "104728395561832", time: 1795172400000,
		  messaging: [{sender: {id: $from}, recipient: {id: $to}, timestamp: 1795172400000,
		   message: ({mid: $mid, text: $text} + (if $echo then {is_echo: true} else {} end))}]}]}'
}

@test "the Meta echo of a sent reply is the same message: one reply in the timeline, not two" {
	page_event m_in1 "hi, is the blue one back in stock?" >"$BATS_TEST_TMPDIR/in.json"
	omni-fetch "file:$BATS_TEST_TMPDIR/in.json" | omni-link --now 2026-11-20T11:30:00Z >"$BATS_TEST_TMPDIR/linked.ndjson"
	# a person's approved answer, sent through the Send API
	jq -c '.reply = {status: "approved", text: "Yes, it is back: order it any time."}' \
		"$BATS_TEST_TMPDIR/linked.ndjson" >"$BATS_TEST_TMPDIR/answer.ndjson"
	fixture_push $FB "$(ok '{"recipient_id":"6901234567891234","message_id":"m_out1"}')"
	run omni-reply -c "$CONF" --send --human "$NOW" "$BATS_TEST_TMPDIR/answer.ndjson"
	assert_success
	assert_equal "$(jq -r '.reply.external_id' <<<"$output")" m_out1
	# Meta echoes the send to the webhook; the next run fetches and links it
	page_event m_out1 "Yes, it is back: order it any time." echo >"$BATS_TEST_TMPDIR/echo.json"
	run bash -c "omni-fetch 'file:$BATS_TEST_TMPDIR/echo.json' | omni-link --now 2026-11-20T12:05:00Z |
		jq -c '[.status, [.messages[] | [.id, .direction]]]'"
	assert_success
	assert_output '["pending",[["m_in1","in"],["m_out1","out"]]]'
	# and the stored ticket holds the reply once
	run jq -s '[.[].messages[] | select(.id == "m_out1")] | length' < <(sqlite3 "$OMNI_DB" "SELECT record FROM tickets")
	assert_output 1
}
