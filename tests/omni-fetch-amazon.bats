#!/usr/bin/env bats
# omni-fetch amazon: against the SP-API replayed by tests/fixture-server:
# the LWA token exchange, getOrders pages by NextToken, getOrderItems, the
# rate limit and QuotaExceeded, an expired access token, the cursor.

load test_helper
eval "helper_$(declare -f setup)"

ORDERS=/amazon/orders/v0/orders
LWA=/lwa/auth/o2/token
REFRESH='Atzr|IwEBIrefresh-secret-0123'
SECRET=amzn1.oa2-cs.v1.client-secret-4567

setup_file() {
	fixture_start
}

teardown_file() {
	fixture_stop
}

setup() {
	helper_setup
	fixture_reset
	export OMNI_AMAZON_REFRESH_TOKEN=$REFRESH OMNI_AMAZON_CLIENT_ID=amzn1.application-oa2-client.abc
	export OMNI_AMAZON_CLIENT_SECRET=$SECRET OMNI_HTTP_BACKOFF=0.01 OMNI_HTTP_RETRIES=3
	mkdir -p "$XDG_CONFIG_HOME/omni"
	printf '[source amz]\nuri = amazon:%s/amazon/\ntoken_url = %s%s\nstore = acme-us\n' \
		"$FX" "$FX" "$LWA" >"$XDG_CONFIG_HOME/omni/omni.conf"
}

# file NAME [STATUS [HEADERS]]: a response from tests/fixtures/api/amazon.
file() {
	jq -cn --arg f "$FIXTURES/api/amazon/$1" --argjson s "${2:-200}" --argjson h "${3:-{\}}" \
		'{status:$s,file:$f,headers:({"x-amzn-RateLimit-Limit":"0.0167","x-amzn-RequestId":"req-1"} + $h)}'
}

token() {
	fixture_push $LWA "$(file token.json)"
}

# The items of the three fixture orders, 114's over two pages.
all_items() {
	fixture_push $ORDERS/113-4827365-1029384/orderItems "$(file items-113.json)"
	fixture_push $ORDERS/114-9936120-5521807/orderItems "$(file items-114-1.json)" "$(file items-114-2.json)"
	fixture_push $ORDERS/111-2048577-6634915/orderItems "$(file items-111.json)"
}

orders() {
	sqlite3 "$OMNI_DB" "SELECT order_id FROM orders ORDER BY order_id" | paste -sd' '
}

cursor() {
	sqlite3 "$OMNI_DB" "SELECT value FROM cursors"
}

@test "amazon: the token exchange, two pages by NextToken, items, into the store" {
	token
	fixture_push $ORDERS "$(file orders-1.json)" "$(file orders-2.json)"
	all_items
	run omni-fetch --orders --now 2024-03-10T00:00:00Z amz
	assert_success
	assert_output ''
	run orders
	assert_output '111-2048577-6634915 113-4827365-1029384 114-9936120-5521807'
	run jq -r 'select(.path == "/lwa/auth/o2/token") | .method, .headers["content-type"], .body' <<<"$(fixture_requests)"
	assert_output "POST
application/x-www-form-urlencoded
grant_type=refresh_token&refresh_token=Atzr%7CIwEBIrefresh-secret-0123&client_id=amzn1.application-oa2-client.abc&client_secret=amzn1.oa2-cs.v1.client-secret-4567"
	run jq -r 'select(.path == "/amazon/orders/v0/orders") | .query' <<<"$(fixture_requests)"
	assert_output 'MarketplaceIds=ATVPDKIKX0DER&LastUpdatedAfter=2024-02-09T00%3A00%3A00Z
MarketplaceIds=ATVPDKIKX0DER&NextToken=tok%2F2%2Ba%3D%3D'
	run jq -r 'select(.path != "/lwa/auth/o2/token") | .headers["x-amz-access-token"]' <<<"$(fixture_requests)"
	assert_output "$(printf 'Atza|IwEBIexampleaccess1\n%.0s' 1 2 3 4 5 6)"
	run jq -r 'select(.path | endswith("orderItems")) | .path + "?" + .query' <<<"$(fixture_requests)"
	assert_output "$ORDERS/113-4827365-1029384/orderItems?
$ORDERS/114-9936120-5521807/orderItems?
$ORDERS/114-9936120-5521807/orderItems?NextToken=items-2
$ORDERS/111-2048577-6634915/orderItems?"
	run cursor
	assert_output '{"since":"2024-03-04T09:31:45Z"}'
}

@test "amazon: the normalised order: number, status, money as sent, buyer, items" {
	token
	fixture_push $ORDERS "$(file orders-1.json)" "$(file orders-2.json)"
	all_items
	run omni-fetch --orders amz
	assert_success
	run sqlite3 -separator '|' "$OMNI_DB" "SELECT channel, store, number, status, total, currency,
		customer_name, customer_email, placed_at, updated_at FROM orders ORDER BY order_id"
	assert_output 'amazon|acme-us|111-2048577-6634915|cancelled|||||2024-03-01T21:10:02Z|2024-03-02T15:00:19Z
amazon|acme-us|113-4827365-1029384|closed|37.98|USD|Dana Whitfield|7xk2m9qp4tz1vbn@marketplace.amazon.com|2024-03-02T14:05:11Z|2024-03-04T09:31:45Z
amazon|acme-us|114-9936120-5521807|open|89.00|USD||q0wn3r8d6lhs2ye@marketplace.amazon.com|2024-03-03T02:47:29Z|2024-03-03T02:52:03Z'
	run sqlite3 "$OMNI_DB" "SELECT items FROM orders WHERE order_id = '114-9936120-5521807'"
	assert_output '[{"sku":"PRS-S-SLT","title":"Acme Outfitters Packable Rain Shell - Small Slate","qty":1},{"sku":"GIFT-WRAP","title":"Gift wrap","qty":1}]'
}

@test "amazon: PartiallyShipped is stored as partially_shipped, never as open (not shipped)" {
	token
	jq '(.payload.Orders[] | select(.OrderStatus == "Unshipped") | .OrderStatus) = "PartiallyShipped"' \
		"$FIXTURES/api/amazon/orders-1.json" >"$BATS_TEST_TMPDIR/orders-1.json"
	fixture_push $ORDERS "$(jq -cn --arg f "$BATS_TEST_TMPDIR/orders-1.json" \
		'{status:200,file:$f,headers:{"x-amzn-RateLimit-Limit":"0.0167"}}')" "$(file orders-2.json)"
	all_items
	run omni-fetch --orders amz
	assert_success
	run sqlite3 "$OMNI_DB" "SELECT status FROM orders WHERE order_id = '114-9936120-5521807'"
	assert_output partially_shipped
}

@test "amazon: the next run asks for what was updated since the newest LastUpdateDate" {
	token
	fixture_push $ORDERS "$(file orders-1.json)" "$(file orders-2.json)" "$(file orders-empty.json)"
	all_items
	run omni-fetch --orders amz
	assert_success
	token
	run omni-fetch --orders amz
	assert_success
	run jq -r 'select(.path == "/amazon/orders/v0/orders") | .query' <<<"$(fixture_requests)"
	assert_line --index 2 'MarketplaceIds=ATVPDKIKX0DER&LastUpdatedAfter=2024-03-04T09%3A31%3A45Z'
	run jq -s 'map(select(.path == "/lwa/auth/o2/token")) | length' <<<"$(fixture_requests)"
	assert_output 2
}

@test "amazon: a configured marketplace" {
	token
	fixture_push $ORDERS "$(file orders-empty.json)"
	printf 'marketplace = A1F83G8C2ARO7P\n' >>"$XDG_CONFIG_HOME/omni/omni.conf"
	run omni-fetch --orders amz
	assert_success
	run jq -r 'select(.path == "/amazon/orders/v0/orders") | .query' <<<"$(fixture_requests)"
	assert_output --partial 'MarketplaceIds=A1F83G8C2ARO7P&LastUpdatedAfter='
}

@test "amazon: without --orders, the orders are counted, and no items are asked for" {
	token
	fixture_push $ORDERS "$(file orders-1.json)" "$(file orders-2.json)"
	run omni-fetch amz
	assert_success
	assert_output 'omni-fetch: amz: 3 orders skipped; --orders puts them into the store'
	run jq -s 'map(select(.path | endswith("orderItems"))) | length' <<<"$(fixture_requests)"
	assert_output 0
}

@test "amazon: 429 QuotaExceeded, then success" {
	token
	fixture_push $ORDERS "$(file quota-exceeded-429.json 429)" "$(file orders-2.json)"
	fixture_push $ORDERS/111-2048577-6634915/orderItems "$(file quota-exceeded-429.json 429)" "$(file items-111.json)"
	run omni-fetch -vv --orders amz
	assert_success
	assert_output --partial 'omni-fetch: retrying in'
	run orders
	assert_output '111-2048577-6634915'
	run jq -s 'map(select(.path != "/lwa/auth/o2/token")) | length' <<<"$(fixture_requests)"
	assert_output 4
}

@test "amazon: throttled beyond the retries is exit 75; the rerun resumes at the page that failed" {
	token
	local q
	q=$(file quota-exceeded-429.json 429)
	fixture_push $ORDERS "$(file orders-1.json)" "$q" "$q" "$q" "$q"
	fixture_push $ORDERS/113-4827365-1029384/orderItems "$(file items-113.json)"
	fixture_push $ORDERS/114-9936120-5521807/orderItems "$(file items-114-2.json)"
	run omni-fetch --orders amz
	assert_failure 75
	assert_output 'omni-fetch: amz: page 2: 429 too many requests, 4 attempts'
	run orders
	assert_output '113-4827365-1029384 114-9936120-5521807'
	run jq -c . <<<"$(cursor)"
	assert_output '{"since":null,"max":"2024-03-04T09:31:45Z","next":"tok/2+a=="}'
	token
	fixture_push $ORDERS "$(file orders-2.json)"
	fixture_push $ORDERS/111-2048577-6634915/orderItems "$(file items-111.json)"
	run omni-fetch --orders amz
	assert_success
	run jq -r 'select(.path == "/amazon/orders/v0/orders") | .query' <<<"$(fixture_requests)"
	assert_line --index 5 'MarketplaceIds=ATVPDKIKX0DER&NextToken=tok%2F2%2Ba%3D%3D'
	run jq -s 'map(select(.path | endswith("orderItems")) | .path) | group_by(.) | map(length) | max' <<<"$(fixture_requests)"
	assert_output 1
	run orders
	assert_output '111-2048577-6634915 113-4827365-1029384 114-9936120-5521807'
	run cursor
	assert_output '{"since":"2024-03-04T09:31:45Z"}'
}

@test "amazon: 500 then recovery; a dropped connection then recovery" {
	token
	fixture_push $ORDERS '{"status":500,"body":"{\"errors\":[{\"code\":\"InternalFailure\",\"message\":\"We encountered an internal error.\"}]}"}' \
		'{"drop":true}' "$(file orders-2.json)"
	fixture_push $ORDERS/111-2048577-6634915/orderItems "$(file items-111.json)"
	run omni-fetch --orders amz
	assert_success
	run orders
	assert_output '111-2048577-6634915'
}

@test "amazon: an expired access token is exchanged again, once, and the request retried" {
	fixture_push $LWA "$(file token.json)" "$(file token-2.json)"
	fixture_push $ORDERS "$(file expired-403.json 403)" "$(file orders-2.json)"
	fixture_push $ORDERS/111-2048577-6634915/orderItems "$(file items-111.json)"
	run omni-fetch -vv --orders amz
	assert_success
	assert_output --partial 'omni-fetch: the access token expired: exchanging the refresh token again'
	refute_output --partial 'Atza|IwEBIexampleaccess'
	refute_output --partial "$REFRESH"
	refute_output --partial "$SECRET"
	run jq -r 'select(.path != "/lwa/auth/o2/token") | .headers["x-amz-access-token"]' <<<"$(fixture_requests)"
	assert_output 'Atza|IwEBIexampleaccess1
Atza|IwEBIexampleaccess2
Atza|IwEBIexampleaccess2'
	run orders
	assert_output '111-2048577-6634915'
}

@test "amazon: 403 that stays is exit 77 naming the source and the role, never a secret" {
	fixture_push $LWA "$(file token.json)" "$(file token-2.json)"
	fixture_push $ORDERS "$(file denied-403.json 403)" "$(file denied-403.json 403)"
	run omni-fetch -vv amz
	assert_failure 77
	assert_output --partial 'omni-fetch: amz: page 1: 403 forbidden: the token is missing, wrong or lacks a scope'
	assert_output --partial 'the app needs the orders role for this refresh token (OMNI_AMAZON_REFRESH_TOKEN)'
	assert_output --partial '> x-amz-access-token: [redacted]'
	refute_output --partial 'Atza|IwEBIexampleaccess'
	refute_output --partial "$REFRESH"
	refute_output --partial "$SECRET"
	run jq -s 'map(.path) | join(" ")' <<<"$(fixture_requests)"
	assert_output "\"$LWA $ORDERS $LWA $ORDERS\""
}

@test "amazon: a refused token exchange is exit 77 naming the secrets, never their values" {
	fixture_push $LWA "$(file token-invalid-grant.json 400)"
	run omni-fetch amz
	assert_failure 77
	assert_output --partial 'omni-fetch: amz: token exchange: http status 400'
	assert_output --partial 'check the refresh token, the client id and the client secret (OMNI_AMAZON_REFRESH_TOKEN, OMNI_AMAZON_CLIENT_ID, OMNI_AMAZON_CLIENT_SECRET)'
	refute_output --partial "$REFRESH"
	refute_output --partial "$SECRET"
}

@test "amazon: a token response without an access_token is exit 76" {
	fixture_push $LWA '{"body":"{\"token_type\":\"bearer\"}"}'
	run omni-fetch amz
	assert_failure 76
	assert_output 'omni-fetch: amz: token exchange: no access_token in the response'
}

@test "amazon: no refresh token is exit 78 naming the variables" {
	unset OMNI_AMAZON_REFRESH_TOKEN
	run omni-fetch amz
	assert_failure 78
	assert_output --partial 'missing secret: set OMNI_AMZ_REFRESH_TOKEN_FILE or OMNI_AMZ_REFRESH_TOKEN (or OMNI_AMAZON_REFRESH_TOKEN_FILE)'
	run omni-fetch "amazon:$FX/amazon"
	assert_failure 78
	assert_output 'omni-fetch: amazon: missing secret: set OMNI_AMAZON_REFRESH_TOKEN_FILE or OMNI_AMAZON_REFRESH_TOKEN'
}

@test "amazon: the source's own secrets come first" {
	fixture_push $LWA "$(file token.json)"
	fixture_push $ORDERS "$(file orders-empty.json)"
	OMNI_AMZ_REFRESH_TOKEN=own-refresh run omni-fetch amz
	assert_success
	run jq -r 'select(.path == "/lwa/auth/o2/token") | .body' <<<"$(fixture_requests)"
	assert_output --partial 'refresh_token=own-refresh&'
}

@test "amazon: a malformed page names the source and the page; the pages before it stay" {
	token
	fixture_push $ORDERS "$(file orders-1.json)" "$(file orders-truncated.json)"
	fixture_push $ORDERS/113-4827365-1029384/orderItems "$(file items-113.json)"
	fixture_push $ORDERS/114-9936120-5521807/orderItems "$(file items-114-2.json)"
	run omni-fetch --orders amz
	assert_failure 65
	assert_output --regexp '^omni-fetch: amz: page 2: bad json at line [0-9]+ column [0-9]+: '
	run orders
	assert_output '113-4827365-1029384 114-9936120-5521807'
}

@test "amazon: a page without payload.Orders, an order without an id, bad items: exit 65" {
	token
	fixture_push $ORDERS '{"body":"{\"payload\":{}}"}'
	run omni-fetch --orders amz
	assert_failure 65
	assert_output 'omni-fetch: amz: page 1: no payload.Orders list in the response'
	token
	fixture_push $ORDERS '{"body":"{\"payload\":{\"Orders\":[{\"OrderStatus\":\"Shipped\"}]}}"}'
	run omni-fetch --orders amz
	assert_failure 65
	assert_output 'omni-fetch: amz: page 1: order 1 without an AmazonOrderId'
	token
	fixture_push $ORDERS "$(file orders-2.json)"
	fixture_push $ORDERS/111-2048577-6634915/orderItems '{"body":"{\"payload\":{\"AmazonOrderId\":\"111-2048577-6634915\"}}"}'
	run omni-fetch --orders amz
	assert_failure 65
	assert_output 'omni-fetch: amz: page 1: order 111-2048577-6634915: items: no payload.OrderItems list in the response'
	run orders
	assert_output ''
}

@test "amazon: past the burst, requests are paced at the x-amzn-RateLimit-Limit rate" {
	token
	local i pages=()
	for i in $(seq 21); do
		pages+=("$(jq -cn --arg t "t$i" '{body:({payload:{Orders:[],NextToken:$t}}|tojson),headers:{"x-amzn-RateLimit-Limit":"1"}}')")
	done
	pages+=("$(file orders-empty.json 200 '{"x-amzn-RateLimit-Limit":"1"}')")
	fixture_push $ORDERS "${pages[@]}"
	run omni-fetch -vv amz
	assert_success
	assert_output --regexp 'omni-fetch: rate limit: waiting [0-9]+\.[0-9]+s'
	run jq -s 'map(select(.path == "/amazon/orders/v0/orders")) | length' <<<"$(fixture_requests)"
	assert_output 22
}

@test "amazon: a stored NextToken that has expired starts the listing again from the cursor's time" {
	token
	local q
	q=$(file quota-exceeded-429.json 429)
	fixture_push $ORDERS "$(file orders-1.json)" "$q" "$q" "$q" "$q"
	fixture_push $ORDERS/113-4827365-1029384/orderItems "$(file items-113.json)"
	fixture_push $ORDERS/114-9936120-5521807/orderItems "$(file items-114-2.json)"
	run omni-fetch --orders amz
	assert_failure 75
	token
	fixture_push $ORDERS '{"status":400,"body":"{\"errors\":[{\"code\":\"InvalidInput\",\"message\":\"Invalid NextToken\",\"details\":\"\"}]}"}' \
		"$(file orders-2.json)"
	fixture_push $ORDERS/111-2048577-6634915/orderItems "$(file items-111.json)"
	run omni-fetch -vv --orders --now 2024-03-10T00:00:00Z amz
	assert_success
	assert_output --partial 'omni-fetch: the stored NextToken was refused: reading from the start'
	run jq -r 'select(.path == "/amazon/orders/v0/orders") | .query' <<<"$(fixture_requests)"
	assert_line --index 5 'MarketplaceIds=ATVPDKIKX0DER&NextToken=tok%2F2%2Ba%3D%3D'
	assert_line --index 6 'MarketplaceIds=ATVPDKIKX0DER&LastUpdatedAfter=2024-02-09T00%3A00%3A00Z'
	run orders
	assert_output '111-2048577-6634915 113-4827365-1029384 114-9936120-5521807'
	run cursor
	assert_output '{"since":"2024-03-04T09:31:45Z"}'
}
