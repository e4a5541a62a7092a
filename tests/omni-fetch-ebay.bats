#!/usr/bin/env bats
# omni-fetch ebay: against the Fulfillment and Message APIs replayed by
# tests/fixture-server: orders and fulfilments into the store, conversations
# as tickets once each, paging by next and by offset/total, throttling
# (429 and errorId 2001), failures, the cursor.

load test_helper
eval "helper_$(declare -f setup)"

ORDERS=/ebay/sell/fulfillment/v1/order
CONV=/ebay/commerce/message/v1/conversation
RETURNS=/ebay/post-order/v2/return/search
TOKEN='v^1.1#i^1#p^3#r^1#I^3#f^0#t^H4sIAAAAAAAAAOVYa2wUVRSebrctpZSHIEgLYR0k'

setup_file() {
	fixture_start
}

teardown_file() {
	fixture_stop
}

setup() {
	helper_setup
	fixture_reset
	export OMNI_EBAY_TOKEN=$TOKEN OMNI_HTTP_BACKOFF=0.01 OMNI_HTTP_RETRIES=3
	EBAY=ebay:$FX/ebay/
}

file() {   # file NAME [STATUS]
	jq -cn --arg f "$FIXTURES/api/ebay/$1" --argjson s "${2:-200}" '{status:$s,file:$f}'
}

# No conversations of either type (and no returns, which --orders reads
# before them).
no_messages() {
	fixture_push $RETURNS "$(file returns-empty.json)"
	fixture_push $CONV "$(file conversations-empty.json)" "$(file conversations-empty.json)"
}

# Three FROM_MEMBERS conversations over two pages, one FROM_EBAY.
all_messages() {
	fixture_push $RETURNS "$(file returns-empty.json)"
	fixture_push $CONV "$(file conversations-1.json)" "$(file conversations-2.json)" \
		"$(file conversations-ebay.json)"
	fixture_push $CONV/208491470001 "$(file conversation-208491470001.json)"
	fixture_push $CONV/208491463945 "$(file conversation-208491463945.json)"
	fixture_push $CONV/208491480002 "$(file conversation-208491480002-1.json)" \
		"$(file conversation-208491480002-2.json)"
	fixture_push $CONV/308000000001 "$(file conversation-308000000001.json)"
}

orders() {
	sqlite3 "$OMNI_DB" "SELECT order_id FROM orders ORDER BY order_id" | paste -sd' '
}

cursor() {
	sqlite3 "$OMNI_DB" "SELECT value FROM cursors"
}

@test "ebay: orders over two pages by next, fulfilments and refunds into the store" {
	fixture_push $ORDERS "$(file orders-1.json)" "$(file orders-2.json)"
	fixture_push $ORDERS/14-11203-58847/shipping_fulfillment "$(file fulfillment-14-11203-58847.json)"
	no_messages
	run omni-fetch --orders "$EBAY"
	assert_success
	assert_output ''
	run orders
	assert_output '03-11211-40090 14-11203-58847 27-11209-31265'
	run sqlite3 -separator '|' "$OMNI_DB" "SELECT order_id, status, financial_status, total, currency,
		customer_ref, customer_name, customer_email, customer_phone, updated_at FROM orders ORDER BY order_id"
	assert_output '03-11211-40090|cancelled|refunded|89.00|USD|pinecone_22|Robin Park|a0b1c2d3e4f5a6b7c8d9@members.ebay.com||2024-03-04T08:00:00Z
14-11203-58847|closed|paid|28.95|USD|trailfan_77|Sam Ortega|3f9a1c7e5b2d8046a1bc@members.ebay.com|5035550172|2024-03-04T12:10:55Z
27-11209-31265|open|paid|89.00|USD|gearhead.kl|K. Lindqvist|8c1e0f4a27d9b35e6f01@members.ebay.com||2024-03-03T09:02:44Z'
	run sqlite3 -separator '|' "$OMNI_DB" "SELECT external_id, carrier, tracking_number, status, shipped_at, estimated_at FROM fulfillments"
	assert_output '9400111202555842761047|USPS|9400111202555842761047||2024-03-04T12:10:00Z|2024-03-08T08:00:00Z'
	run sqlite3 -separator '|' "$OMNI_DB" "SELECT external_id, amount, currency, at FROM refunds"
	assert_output '5000012345|89.00|USD|2024-03-04T07:59:00Z'
	run jq -r 'select(.path | startswith("/ebay/sell")) | .path + "?" + .query' <<<"$(fixture_requests)"
	assert_output "$ORDERS?limit=200
$ORDERS/14-11203-58847/shipping_fulfillment?
$ORDERS?filter=lastmodifieddate:%5B2024-03-01T00:00:00.000Z..%5D&limit=2&offset=2"
	run jq -r '.headers.authorization' <<<"$(fixture_requests)"
	assert_line --index 0 "Bearer $TOKEN"
	run jq -c .orders <<<"$(cursor)"
	assert_output '{"since":"2024-03-04T12:10:55Z"}'
}

@test "ebay: the next run filters on lastmodifieddate since the newest order, in milliseconds" {
	fixture_push $ORDERS "$(file orders-1.json)" "$(file orders-2.json)" "$(file orders-empty.json)"
	fixture_push $ORDERS/14-11203-58847/shipping_fulfillment "$(file fulfillment-14-11203-58847.json)"
	no_messages
	no_messages
	run omni-fetch --orders "$EBAY"
	assert_success
	run omni-fetch --orders "$EBAY"
	assert_success
	run jq -r 'select(.path == "/ebay/sell/fulfillment/v1/order") | .query' <<<"$(fixture_requests)"
	assert_line --index 2 'filter=lastmodifieddate:%5B2024-03-04T12:10:55.000Z..%5D&limit=200'
}

@test "ebay: without next, pages by offset while below total" {
	fixture_push $ORDERS "$(file orders-1-no-next.json)" "$(file orders-2.json)"
	fixture_push $ORDERS/14-11203-58847/shipping_fulfillment "$(file fulfillment-14-11203-58847.json)"
	no_messages
	run omni-fetch --orders "$EBAY"
	assert_success
	run jq -r 'select(.path == "/ebay/sell/fulfillment/v1/order") | .query' <<<"$(fixture_requests)"
	assert_output 'limit=200
limit=200&offset=2'
	run orders
	assert_output '03-11211-40090 14-11203-58847 27-11209-31265'
}

@test "ebay: without --orders no order is asked for" {
	no_messages
	run omni-fetch "$EBAY"
	assert_success
	run jq -r '.path + "?" + .query' <<<"$(fixture_requests)"
	assert_output "$CONV?conversation_type=FROM_MEMBERS&limit=50
$CONV?conversation_type=FROM_EBAY&limit=50"
}

@test "ebay: conversations become tickets, threaded by conversation id, every message once" {
	all_messages
	run omni-fetch "$EBAY"
	assert_success
	run jq -c '[.id, .source.thread_key, .kind, .subject, .customer.handles.ebay, [.messages[] | .id + ":" + .direction + ":" + .author], .order_ids]' <<<"$output"
	assert_output '["ebay:208491470001","ebay:208491470001","message","Where is my order?","trailfan_77",["7104410001:in:customer"],["14-11203-58847"]]
["ebay:208491463945","ebay:208491463945","message","Question about item 296012349999","gearhead.kl",["6275165199019:in:customer","3497560590015:out:agent"],null]
["ebay:208491480002","ebay:208491480002","message","Return for order 03-11211-40090","pinecone_22",["7104480001:in:customer","7104480002:out:agent","7104480003:in:customer"],null]
["ebay:308000000001","ebay:308000000001","message","A return request was opened",null,["9900000001:in:system"],["03-11211-40090"]]'
	run jq -r '.path + "?" + .query' <<<"$(fixture_requests)"
	assert_output "$CONV?conversation_type=FROM_MEMBERS&limit=50
$CONV/208491470001?conversation_type=FROM_MEMBERS&limit=50
$CONV/208491463945?conversation_type=FROM_MEMBERS&limit=50
$CONV?conversation_type=FROM_MEMBERS&limit=2&offset=2
$CONV/208491480002?conversation_type=FROM_MEMBERS&limit=50
$CONV/208491480002?conversation_type=FROM_MEMBERS&offset=2&limit=2
$CONV?conversation_type=FROM_EBAY&limit=50
$CONV/308000000001?conversation_type=FROM_EBAY&limit=50"
	run jq -c . <<<"$(cursor)"
	assert_output '{"FROM_EBAY":{"since":"2024-03-03T12:01:00Z"},"FROM_MEMBERS":{"since":"2024-03-05T10:00:00Z"}}'
}

@test "ebay: the next run reads only the conversations with a new latest message, and emits only that message" {
	all_messages
	run omni-fetch "$EBAY"
	assert_success
	fixture_reset
	fixture_push $CONV "$(jq -c '.conversations[1].latestMessage = {messageId:"3497560590099",messageBody:"Great, ordering a small then.",senderUsername:"gearhead.kl",recipientUsername:"acme_outfitters",createdDate:"2024-03-06T08:00:00.000Z"} | del(.next) | .total = 2' "$FIXTURES/api/ebay/conversations-1.json" | jq -c '{body:tojson}')" \
		"$(file conversations-ebay.json)"
	fixture_push $CONV/208491463945 "$(jq -c '.messages += [{messageId:"3497560590099",messageBody:"Great, ordering a small then.",senderUsername:"gearhead.kl",recipientUsername:"acme_outfitters",createdDate:"2024-03-06T08:00:00.000Z"}]' "$FIXTURES/api/ebay/conversation-208491463945.json" | jq -c '{body:tojson}')"
	run omni-fetch "$EBAY"
	assert_success
	run jq -c '[.id, [.messages[].id]]' <<<"$output"
	assert_output '["ebay:208491463945",["3497560590099"]]'
	run jq -r '.path' <<<"$(fixture_requests)"
	assert_output "$CONV
$CONV/208491463945
$CONV"
}

@test "ebay: a run stopped on conversations page 2 resumes there; nothing lost or repeated" {
	fixture_push $CONV "$(file conversations-1.json)" '{"status":503}' '{"status":503}' '{"status":503}' '{"status":503}'
	fixture_push $CONV/208491470001 "$(file conversation-208491470001.json)"
	fixture_push $CONV/208491463945 "$(file conversation-208491463945.json)"
	run omni-fetch "$EBAY"
	assert_failure 69
	assert_line --index 2 'omni-fetch: ebay: FROM_MEMBERS conversations page 2: server error 503, 4 attempts'
	first=$(printf '%s\n' "${lines[@]:0:2}" | jq -r '.messages[].id')
	run jq -r .FROM_MEMBERS.next <<<"$(cursor)"
	assert_output "$FX/ebay/commerce/message/v1/conversation?conversation_type=FROM_MEMBERS&limit=2&offset=2"
	fixture_push $CONV "$(file conversations-2.json)" "$(file conversations-ebay.json)"
	fixture_push $CONV/208491480002 "$(file conversation-208491480002-1.json)" \
		"$(file conversation-208491480002-2.json)"
	fixture_push $CONV/308000000001 "$(file conversation-308000000001.json)"
	run omni-fetch "$EBAY"
	assert_success
	second=$(jq -r '.messages[].id' <<<"$output")
	run sort <<<"$first
$second"
	assert_output '3497560590015
6275165199019
7104410001
7104480001
7104480002
7104480003
9900000001'
	run jq -r 'select(.path == "/ebay/commerce/message/v1/conversation") | .query' <<<"$(fixture_requests)"
	assert_line --index 5 'conversation_type=FROM_MEMBERS&limit=2&offset=2'
}

@test "ebay: a run stopped on orders page 2 resumes there; the rerun repeats no order page" {
	fixture_push $ORDERS "$(file orders-1.json)" "$(file orders-truncated.json)"
	fixture_push $ORDERS/14-11203-58847/shipping_fulfillment "$(file fulfillment-14-11203-58847.json)"
	run omni-fetch --orders "$EBAY"
	assert_failure 65
	assert_output --regexp '^omni-fetch: ebay: orders page 2: bad json at line [0-9]+ column [0-9]+: '
	run orders
	assert_output '14-11203-58847 27-11209-31265'
	fixture_push $ORDERS "$(file orders-2.json)"
	no_messages
	run omni-fetch --orders "$EBAY"
	assert_success
	run jq -r 'select(.path | startswith("/ebay/sell")) | .path + "?" + .query' <<<"$(fixture_requests)"
	assert_output "$ORDERS?limit=200
$ORDERS/14-11203-58847/shipping_fulfillment?
$ORDERS?filter=lastmodifieddate:%5B2024-03-01T00:00:00.000Z..%5D&limit=2&offset=2
$ORDERS?filter=lastmodifieddate:%5B2024-03-01T00:00:00.000Z..%5D&limit=2&offset=2"
	run orders
	assert_output '03-11211-40090 14-11203-58847 27-11209-31265'
	run jq -c .orders <<<"$(cursor)"
	assert_output '{"since":"2024-03-04T12:10:55Z"}'
}

@test "ebay: 429 with errorId 2001, then a 2001 body, then success" {
	fixture_push $CONV "$(file too-many-2001.json 429)" "$(file too-many-2001.json)" \
		"$(file conversations-empty.json)" "$(file conversations-empty.json)"
	run omni-fetch -vv "$EBAY"
	assert_success
	assert_output --partial 'omni-fetch: retrying in'
	assert_output --partial 'omni-fetch: too many requests (errorId 2001): waiting 0.01s'
	run jq -s length <<<"$(fixture_requests)"
	assert_output 4
}

@test "ebay: a 400 whose error object holds errorId 2001 far into the body is throttling, retried" {
	local long
	long=$(printf 'x%.0s' $(seq 300))
	fixture_push $CONV "$(jq -cn --arg m "$long" '{status:400,body:({errors:[{errorId:1001,message:$m},{errorId:2001,message:"Too many requests."}]}|tojson)}')" \
		"$(file conversations-empty.json)" "$(file conversations-empty.json)"
	run omni-fetch -vv "$EBAY"
	assert_success
	assert_output --partial 'omni-fetch: too many requests (errorId 2001): waiting 0.01s'
	fixture_reset
	fixture_push $CONV "$(jq -cn --arg m "$long" '{status:400,body:({errors:[{errorId:1001,message:$m}]}|tojson)}')"
	run omni-fetch "$EBAY"
	assert_failure 76
	refute_output --partial 'too many requests'
}

@test "ebay: errorId 2001 beyond the retries is exit 75" {
	local r
	r=$(file too-many-2001.json)
	fixture_push $CONV "$r" "$r" "$r" "$r"
	run omni-fetch "$EBAY"
	assert_failure 75
	assert_output 'omni-fetch: ebay: FROM_MEMBERS conversations page 1: too many requests (errorId 2001), 4 attempts'
}

@test "ebay: 500 then recovery" {
	fixture_push $ORDERS '{"status":500,"body":"{\"errors\":[{\"errorId\":10001,\"message\":\"System error\"}]}"}' "$(file orders-2.json)"
	no_messages
	run omni-fetch --orders "$EBAY"
	assert_success
	run orders
	assert_output '03-11211-40090'
}

@test "ebay: malformed conversation lists and conversations are exit 65 naming the page" {
	fixture_push $CONV "$(file conversations-truncated.json)"
	run omni-fetch "$EBAY"
	assert_failure 65
	assert_output --regexp '^omni-fetch: ebay: FROM_MEMBERS conversations page 1: bad json at line'
	fixture_push $CONV "$(file conversations-2.json)"
	fixture_push $CONV/208491480002 '{"body":"{\"total\":1}"}'
	run omni-fetch "$EBAY"
	assert_failure 65
	assert_output 'omni-fetch: ebay: FROM_MEMBERS conversations page 1: conversation 208491480002: no "messages" list in the response'
	fixture_push $CONV '{"body":"{\"conversations\":[{\"conversationTitle\":\"x\"}],\"total\":1}"}'
	run omni-fetch "$EBAY"
	assert_failure 65
	assert_output 'omni-fetch: ebay: FROM_MEMBERS conversations page 1: a conversation without a conversationId'
	assert_equal "$(sqlite3 "$OMNI_DB" 'SELECT count(*) FROM fetch_seen')" 0
}

@test "ebay: an order without an orderId is exit 65 naming the page" {
	fixture_push $ORDERS '{"body":"{\"orders\":[{\"lineItems\":[]}],\"total\":1}"}'
	run omni-fetch --orders "$EBAY"
	assert_failure 65
	assert_output 'omni-fetch: ebay: orders page 1: order 1 without an orderId'
}

@test "ebay: 401 is exit 77 naming the scope, never the token" {
	fixture_push $ORDERS "$(file invalid-token-401.json 401)"
	run omni-fetch -vv --orders "$EBAY"
	assert_failure 77
	assert_output --partial 'omni-fetch: ebay: orders page 1: 401 unauthorized'
	assert_output --partial 'the user token (OMNI_EBAY_TOKEN) needs the scope https://api.ebay.com/oauth/api_scope/sell.fulfillment'
	assert_output --partial '> Authorization: [redacted]'
	refute_output --partial "$TOKEN"
	fixture_push $CONV "$(file invalid-token-401.json 403)"
	run omni-fetch "$EBAY"
	assert_failure 77
	assert_output --partial 'needs the scope https://api.ebay.com/oauth/api_scope/commerce.message'
}

@test "ebay: no token is exit 78 naming the variables; a configured source's own token first" {
	unset OMNI_EBAY_TOKEN
	run omni-fetch "$EBAY"
	assert_failure 78
	assert_output 'omni-fetch: ebay: missing secret: set OMNI_EBAY_TOKEN_FILE or OMNI_EBAY_TOKEN'
	mkdir -p "$XDG_CONFIG_HOME/omni"
	printf '[source acme-ebay]\nuri = ebay:%s/ebay\nstore = acme-us\nseller = acme_outfitters\n' "$FX" \
		>"$XDG_CONFIG_HOME/omni/omni.conf"
	fixture_push $CONV "$(file conversations-2.json)" "$(file conversations-empty.json)"
	fixture_push $CONV/208491480002 "$(file conversation-208491480002-1.json)" \
		"$(file conversation-208491480002-2.json)"
	OMNI_ACME_EBAY_TOKEN=own-token OMNI_EBAY_TOKEN=common run omni-fetch acme-ebay
	assert_success
	run jq -c '[.id, .store, [.messages[].direction]]' <<<"$output"
	assert_output '["acme-ebay:208491480002","acme-us",["in","out","in"]]'
	run jq -r '.headers.authorization' <<<"$(fixture_requests)"
	assert_line --index 0 'Bearer own-token'
}

# --- user tokens from a refresh token ------------------------------------

TOKEN_PATH=/ebay/identity/v1/oauth2/token
REFRESH='v^1.1#i^1#r^1#f^0#I^3#p^3#t^Ul4xMF8yOkREMkQ2QzQ2RTc0RTM1NzhDRDU2RjlGNTQ4NkE5RjY2XzFfMSNFXjI2MA=='
CLIENT_ID=AcmeOutf-omni-PRD-1a2b3c4d5-6e7f8a9b
CLIENT_SECRET=PRD-a1b2c3d4e5f6-7a8b-9c0d-1e2f-3a4b
ACCESS_1=$(jq -r .access_token "$BATS_TEST_DIRNAME/fixtures/api/ebay/token-refresh.json")
ACCESS_2=$(jq -r .access_token "$BATS_TEST_DIRNAME/fixtures/api/ebay/token-refresh-2.json")

refresh_env() {
	unset OMNI_EBAY_TOKEN
	export OMNI_EBAY_REFRESH_TOKEN=$REFRESH OMNI_EBAY_CLIENT_ID=$CLIENT_ID \
		OMNI_EBAY_CLIENT_SECRET=$CLIENT_SECRET
}

@test "ebay: a refresh token is exchanged (Basic client auth) for the bearer; no secret under -vv" {
	refresh_env
	fixture_push $TOKEN_PATH "$(file token-refresh.json)"
	no_messages
	run omni-fetch -vv "$EBAY"
	assert_success
	refute_output --partial "$REFRESH"
	refute_output --partial "$CLIENT_SECRET"
	refute_output --partial "$ACCESS_1"
	refute_output --partial "$(printf '%s:%s' "$CLIENT_ID" "$CLIENT_SECRET" | base64 -w0)"
	run jq -r '"\(.method) \(.path) \(.headers.authorization)"' <<<"$(fixture_requests)"
	assert_output - <<-EOF
	POST $TOKEN_PATH Basic $(printf '%s:%s' "$CLIENT_ID" "$CLIENT_SECRET" | base64 -w0)
	GET $CONV Bearer $ACCESS_1
	GET $CONV Bearer $ACCESS_1
	EOF
	run jq -r 'select(.method == "POST") | "\(.headers["content-type"])|\(.body)"' <<<"$(fixture_requests)"
	assert_output "application/x-www-form-urlencoded|grant_type=refresh_token&refresh_token=$(jq -rn --arg r "$REFRESH" '$r|@uri')"
}

@test "ebay: an access token refused mid-run is exchanged again once; a second refusal is 77" {
	refresh_env
	fixture_push $TOKEN_PATH "$(file token-refresh.json)" "$(file token-refresh-2.json)"
	fixture_push $CONV "$(file conversations-empty.json)" "$(file invalid-token-401.json 401)" \
		"$(file conversations-empty.json)"
	run omni-fetch -vv "$EBAY"
	assert_success
	assert_output --partial 'omni-fetch: the access token was refused: exchanging the refresh token again'
	run jq -r --arg a1 "Bearer $ACCESS_1" --arg a2 "Bearer $ACCESS_2" \
		'"\(.method) " + (.headers.authorization | if . == $a1 then "first" elif . == $a2 then "second" else .[0:5] end)' \
		<<<"$(fixture_requests)"
	assert_output - <<-EOF
	POST Basic
	GET first
	GET first
	POST Basic
	GET second
	EOF
	fixture_reset
	fixture_push $TOKEN_PATH "$(file token-refresh.json)" "$(file token-refresh-2.json)"
	fixture_push $CONV "$(file invalid-token-401.json 401)" "$(file invalid-token-401.json 401)"
	run omni-fetch "$EBAY"
	assert_failure 77
	assert_output --partial 'the user token (OMNI_EBAY_REFRESH_TOKEN) needs the scope https://api.ebay.com/oauth/api_scope/commerce.message'
	run jq -s length <<<"$(fixture_requests)"
	assert_output 4
}

@test "ebay: a short-lived token is exchanged again halfway through its life" {
	refresh_env
	local short
	short=$(jq -c '.expires_in = 2' "$FIXTURES/api/ebay/token-refresh.json")
	fixture_push $TOKEN_PATH "$(jq -cn --arg b "$short" '{body:$b}')" "$(jq -cn --arg b "$short" '{body:$b}')"
	# the first page takes longer than half the token's two seconds
	fixture_push $CONV "$(jq -c '.delay = 1.2' <<<"$(file conversations-empty.json)")" \
		"$(file conversations-empty.json)"
	run omni-fetch "$EBAY"
	assert_success
	run jq -r .method <<<"$(fixture_requests)"
	assert_output $'POST\nGET\nPOST\nGET'
}

@test "ebay: a refused grant is exit 77 naming the variables, never their values" {
	refresh_env
	fixture_push $TOKEN_PATH "$(file invalid-grant-400.json 400)"
	run omni-fetch -vv "$EBAY"
	assert_failure 77
	assert_output --partial 'omni-fetch: ebay: token exchange: http status 400 ({"error":"invalid_grant"'
	assert_output --partial 'check the refresh token, the client id and the client secret (OMNI_EBAY_REFRESH_TOKEN, OMNI_EBAY_CLIENT_ID, OMNI_EBAY_CLIENT_SECRET)'
	refute_output --partial "$REFRESH"
	refute_output --partial "$CLIENT_SECRET"
	unset OMNI_EBAY_CLIENT_SECRET
	run omni-fetch "$EBAY"
	assert_failure 78
	assert_output 'omni-fetch: ebay: missing secret: set OMNI_EBAY_CLIENT_SECRET_FILE or OMNI_EBAY_CLIENT_SECRET'
}

@test "ebay: a configured source's token_url and scope are used" {
	refresh_env
	mkdir -p "$XDG_CONFIG_HOME/omni"
	printf '[source acme-ebay]\nuri = ebay:%s/ebay\ntoken_url = %s/auth/token\nscope = https://api.ebay.com/oauth/api_scope/commerce.message\n' "$FX" "$FX" \
		>"$XDG_CONFIG_HOME/omni/omni.conf"
	fixture_push /auth/token "$(file token-refresh.json)"
	no_messages
	run omni-fetch acme-ebay
	assert_success
	run jq -r 'select(.method == "POST") | .body' <<<"$(fixture_requests)"
	assert_output --partial '&scope=https%3A%2F%2Fapi.ebay.com%2Foauth%2Fapi_scope%2Fcommerce.message'
}

@test "ebay returns: the Post-Order API's returns over two pages join their orders, with IAF and the marketplace" {
	fixture_push $ORDERS "$(file orders-1.json)" "$(file orders-2.json)"
	fixture_push $ORDERS/14-11203-58847/shipping_fulfillment "$(file fulfillment-14-11203-58847.json)"
	fixture_push $RETURNS "$(file returns-1.json)" "$(file returns-2.json)"
	fixture_push $CONV "$(file conversations-empty.json)" "$(file conversations-empty.json)"
	run omni-fetch --orders "$EBAY"
	assert_success
	assert_output ''
	run sqlite3 -separator '|' "$OMNI_DB" "SELECT o.order_id, r.external_id, r.status, r.reason, r.at FROM returns r JOIN orders o ON o.rowid = r.order_rowid ORDER BY r.at"
	assert_output - <<-'EOF'
	14-11203-58847|5000123401|requested|arrived_damaged|2024-03-12T18:00:00Z
	27-11209-31265|5000123402|label_issued|no_longer_need_item|2024-03-13T09:30:00Z
	EOF
	run jq -r 'select(.path == "'$RETURNS'") | "\(.query) \(.headers.authorization) \(.headers["x-ebay-c-marketplace-id"])"' <<<"$(fixture_requests)"
	assert_output - <<-EOF
	limit=200&offset=1 IAF $TOKEN EBAY_US
	limit=200&offset=2 IAF $TOKEN EBAY_US
	EOF
	# the Message API after them is asked with the Bearer token again
	run jq -r 'select(.path == "'$CONV'") | .headers.authorization' <<<"$(fixture_requests)"
	assert_line --index 0 "Bearer $TOKEN"
	run jq -c .returns <<<"$(cursor)"
	assert_output '{"since":"2024-03-13T09:30:00Z"}'
	# the next run asks again for the returns opened in the 30 days before
	fixture_reset
	fixture_push $ORDERS "$(file orders-empty.json)"
	no_messages
	run omni-fetch --orders "$EBAY"
	assert_success
	run jq -r 'select(.path == "'$RETURNS'") | .query' <<<"$(fixture_requests)"
	assert_output 'creation_date_range_from=2024-02-12T09:30:00.000Z&limit=200&offset=1'
	# the return on a ticket about the order
	run bash -c "jq -nc '{omni: 1, id: \"mail:e1\", channel: \"email\", kind: \"message\",
		customer: {emails: [\"x@example.com\"]}, messages: [{id: \"e1\", direction: \"in\",
		author: \"customer\", at: \"2024-03-14T10:00:00Z\", text: \"my return for 27-11209-31265\"}]}' |
		omni-link | jq -c '.orders[0].returns'"
	assert_output '[{"id":"5000123402","status":"label_issued","reason":"no_longer_need_item","at":"2024-03-13T09:30:00Z"}]'
}

@test "ebay returns: a page without members is exit 65; a return without an orderId too" {
	fixture_push $ORDERS "$(file orders-empty.json)"
	fixture_push $RETURNS '{"status":200,"body":"{\"total\":3}"}'
	run omni-fetch --orders "$EBAY"
	assert_failure 65
	assert_output 'omni-fetch: ebay: returns page 1: no "members" list in the response'
	fixture_push $ORDERS "$(file orders-empty.json)"
	fixture_push $RETURNS '{"status":200,"body":"{\"members\":[{\"returnId\":\"1\"}],\"total\":1}"}'
	run omni-fetch --orders "$EBAY"
	assert_failure 65
	assert_output 'omni-fetch: ebay: returns page 1: return 1 without a returnId or an orderId'
}
