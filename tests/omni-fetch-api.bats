#!/usr/bin/env bats
# omni-fetch against the channels' APIs, replayed by tests/fixture-server on
# loopback: pagination, throttling, failures and recovery, cursors, secrets.

load test_helper
eval "helper_$(declare -f setup)"

API=/admin/api/2024-10/orders.json
TOKEN=shpat_0123456789abcdef_secret

setup_file() {
	fixture_start
}

teardown_file() {
	fixture_stop
}

setup() {
	helper_setup
	fixture_reset
	export OMNI_SHOPIFY_TOKEN=$TOKEN OMNI_HTTP_BACKOFF=0.01 OMNI_HTTP_RETRIES=3
	SHOP=$FX/shopify
}

page() {   # page FILE [LINK-URL [REL-FORM]]
	local h='{}'
	if [ -n "${2:-}" ]; then
		h=$(jq -cn --arg l "<$2>; rel=${3:-\"next\"}" '{"Link":$l,"X-Shopify-Shop-Api-Call-Limit":"3/40"}')
	fi
	jq -cn --arg f "$FIXTURES/api/shopify/$1" --argjson h "$h" '{status:200,file:$f,headers:$h}'
}

orders() {
	sqlite3 "$OMNI_DB" "SELECT number FROM orders ORDER BY number" | paste -sd' '
}

cursor() {
	sqlite3 "$OMNI_DB" "SELECT value FROM cursors"
}

# The requests for orders (with --orders the customers follow).
order_requests() {
	fixture_requests | jq -c 'select(.path | endswith("/orders.json"))'
}

@test "shopify: orders over two pages (rel=\"next\" then rel=next), into the store" {
	fixture_push /shopify$API "$(page orders-1.json "{base}/shopify$API?limit=250&page_info=abc")" \
		"$(page orders-2.json "{base}/shopify$API?limit=250&page_info=def" 'next')" \
		"$(page orders-empty.json)"
	run omni-fetch --orders "shopify:$SHOP"
	assert_success
	assert_output ''
	run orders
	assert_output '#1042 #1043 #1044'
	run sqlite3 "$OMNI_DB" "SELECT count(*) FROM fulfillments; SELECT amount FROM refunds"
	assert_output $'2\n25.98'
	run jq -r '.query' <<<"$(order_requests)"
	assert_output $'status=any&limit=250\nlimit=250&page_info=abc\nlimit=250&page_info=def'
	run jq -r '.headers["x-shopify-access-token"]' <<<"$(order_requests)"
	assert_output $'shpat_0123456789abcdef_secret\nshpat_0123456789abcdef_secret\nshpat_0123456789abcdef_secret'
	run cursor
	assert_output '{"since":"2024-03-06T11:30:01-05:00"}'
}

@test "shopify: the next run asks for what was updated since the newest order seen" {
	fixture_push /shopify$API "$(page orders-1.json)" "$(page orders-empty.json)"
	run omni-fetch --orders "shopify:$SHOP"
	assert_success
	run omni-fetch --orders "shopify:$SHOP"
	assert_success
	run jq -r '.query' <<<"$(order_requests)"
	assert_line --index 1 'status=any&limit=250&updated_at_min=2024-03-06T11:30:01-05:00'
	refute_line --index 0 --partial 'updated_at_min'
}

@test "shopify: with --orders the shop's customers follow into the store as accounts, from their own cursor" {
	C=/shopify${API%/orders.json}/customers.json
	fixture_push /shopify$API "$(page orders-1.json)" "$(page orders-empty.json)"
	fixture_push "$C" "$(page customers-1.json "{base}$C?limit=250&page_info=c2")" \
		"$(jq -cn '{status: 200, body: "{\"customers\":[]}"}')"
	run omni-fetch --orders "shopify:$SHOP"
	assert_success
	assert_output ''
	run sqlite3 -separator ' ' "$OMNI_DB" "SELECT channel, ref, name, email, email_key, phone FROM accounts ORDER BY ref"
	assert_output $'shopify 207119551 Maria Gonzalez maria.gonzalez@example.com maria.gonzalez@example.com +16135550142\nshopify 207119552 Dev Patel   +44 20 7946 0958'
	run cursor
	assert_output '{"since":"2024-03-06T11:30:01-05:00","customers":"2024-03-06T10:00:00-05:00"}'
	# the next run asks for the customers updated since, ':' kept as Shopify
	# writes it; a token that loses the scope half-way skips the rest
	fixture_push "$C" "$(page customers-1.json "{base}$C?limit=250&page_info=c2")" \
		"$(jq -cn '{status: 403, body: "{\"errors\":\"[API] This action requires merchant approval for read_customers scope.\"}"}')"
	run omni-fetch -vv --orders "shopify:$SHOP"
	assert_success
	assert_output --partial 'customers skipped: customers page 2: '
	run jq -r 'select(.path | endswith("/customers.json")) | .query' <<<"$(fixture_requests)"
	assert_output $'limit=250\nlimit=250&page_info=c2\nlimit=250&updated_at_min=2024-03-06T10:00:00-05:00\nlimit=250&page_info=c2'
	# a list not read to its end leaves both cursors where they were
	run cursor
	assert_output '{"since":"2024-03-06T11:30:01-05:00","customers":"2024-03-06T10:00:00-05:00"}'
	# without --orders nothing asks for them
	fixture_reset
	fixture_push /shopify$API "$(page orders-empty.json)"
	run omni-fetch "shopify:$SHOP"
	assert_success
	run jq -r .path <<<"$(fixture_requests)"
	assert_output "/shopify$API"
}

@test "shopify: without --orders the orders are counted, not stored" {
	fixture_push /shopify$API "$(page orders-1.json)"
	run omni-fetch "shopify:$SHOP"
	assert_success
	assert_output --partial 'shopify: 2 orders skipped; --orders puts them into the store'
	run sqlite3 "$OMNI_DB" "SELECT count(*) FROM orders"
	assert_output 0
}

@test "shopify: 429 with a fractional Retry-After, then success" {
	fixture_push /shopify$API \
		'{"status":429,"headers":{"Retry-After":"0.3","X-Shopify-Shop-Api-Call-Limit":"40/40"},"body":"{\"errors\":\"Exceeded 2 calls per second for api client.\"}"}' \
		"$(page orders-1.json)"
	run omni-fetch -vv --orders "shopify:$SHOP"
	assert_success
	assert_output --partial 'omni-fetch: retrying in 0.30s (attempt 2)'
	run orders
	assert_output '#1042 #1043'
	run jq -s length <<<"$(order_requests)"
	assert_output 2
}

@test "shopify: 500 then recovery; a dropped connection then recovery" {
	fixture_push /shopify$API '{"status":500,"body":"{\"errors\":\"Internal Server Error\"}"}' \
		'{"drop":true}' "$(page orders-1.json)"
	run omni-fetch --orders "shopify:$SHOP"
	assert_success
	run orders
	assert_output '#1042 #1043'
	run jq -s length <<<"$(order_requests)"
	assert_output 3
}

@test "shopify: a server that stays down is exit 69 after the retries; the rerun resumes at the page that failed" {
	fixture_push /shopify$API "$(page orders-1.json "{base}/shopify$API?limit=250&page_info=p2")" \
		'{"status":503}' '{"status":503}' '{"status":503}' '{"status":503}'
	run omni-fetch --orders "shopify:$SHOP"
	assert_failure 69
	assert_output "omni-fetch: shopify: page 2: server error 503, 4 attempts"
	run orders
	assert_output '#1042 #1043'
	run jq -r .next <<<"$(cursor)"
	assert_output "$FX/shopify$API?limit=250&page_info=p2"
	fixture_push /shopify$API "$(page orders-2.json)"
	run omni-fetch --orders "shopify:$SHOP"
	assert_success
	run jq -r .query <<<"$(fixture_requests)"
	assert_line --index 5 'limit=250&page_info=p2'
	run orders
	assert_output '#1042 #1043 #1044'
	run cursor
	assert_output '{"since":"2024-03-06T11:30:01-05:00"}'
}

@test "shopify: throttled beyond the retries is exit 75" {
	local r='{"status":429,"headers":{"Retry-After":"0.05"}}'
	fixture_push /shopify$API "$r" "$r" "$r" "$r"
	run omni-fetch "shopify:$SHOP"
	assert_failure 75
	assert_output 'omni-fetch: shopify: page 1: 429 too many requests, 4 attempts'
}

@test "shopify: a Retry-After past the time limit gives up at once" {
	fixture_push /shopify$API '{"status":429,"headers":{"Retry-After":"30"}}'
	OMNI_HTTP_MAX_WAIT=5 run omni-fetch "shopify:$SHOP"
	assert_failure 75
	assert_output --partial 'giving up: the next wait would pass the limit'
}

@test "shopify: 401 is exit 77 and never shows the token" {
	fixture_push /shopify$API '{"status":401,"body":"{\"errors\":\"[API] Invalid API key or access token (unrecognized login or wrong password)\"}"}'
	run omni-fetch -vv "shopify:$SHOP"
	assert_failure 77
	assert_output --partial 'shopify: page 1: 401 unauthorized: the token is missing, wrong or lacks a scope'
	assert_output --partial '> X-Shopify-Access-Token: [redacted]'
	refute_output --partial "$TOKEN"
}

@test "shopify: the token from OMNI_SHOPIFY_TOKEN_FILE; a configured source's own token first" {
	printf '%s\n' file-token >"$BATS_TEST_TMPDIR/tok"
	unset OMNI_SHOPIFY_TOKEN
	fixture_push /shopify$API "$(page orders-empty.json)" "$(page orders-empty.json)"
	OMNI_SHOPIFY_TOKEN_FILE=$BATS_TEST_TMPDIR/tok run omni-fetch "shopify:$SHOP"
	assert_success
	mkdir -p "$XDG_CONFIG_HOME/omni"
	printf '[source casa-shop]\nuri = shopify:%s\n' "$SHOP" >"$XDG_CONFIG_HOME/omni/omni.conf"
	OMNI_CASA_SHOP_TOKEN=own-token OMNI_SHOPIFY_TOKEN=common run omni-fetch casa-shop
	assert_success
	run jq -r '.headers["x-shopify-access-token"]' <<<"$(fixture_requests)"
	assert_output $'file-token\nown-token'
}

@test "shopify: no token is exit 78 naming the variables" {
	unset OMNI_SHOPIFY_TOKEN
	run omni-fetch "shopify:$SHOP"
	assert_failure 78
	assert_output 'omni-fetch: shopify: missing secret: set OMNI_SHOPIFY_TOKEN_FILE or OMNI_SHOPIFY_TOKEN'
}

@test "shopify: a malformed page names the source and the page; the pages before it stay" {
	fixture_push /shopify$API "$(page orders-1.json "{base}/shopify$API?page_info=x")" \
		"$(page orders-truncated.json)"
	run omni-fetch --orders "shopify:$SHOP"
	assert_failure 65
	assert_output --regexp '^omni-fetch: shopify: page 2: bad json at line 2 column 0: '
	run orders
	assert_output '#1042 #1043'
}

@test "shopify: an order without line items is a malformed page, not a silent skip" {
	fixture_push /shopify$API "$(page orders-no-items.json)"
	run omni-fetch --orders "shopify:$SHOP"
	assert_failure 65
	assert_output --partial 'shopify: page 1: unrecognised payload'
}

@test "shopify: a slow response times out: exit 75" {
	fixture_push /shopify$API '{"delay":2,"status":200,"body":"{\"orders\":[]}"}'
	OMNI_HTTP_TIMEOUT=0.3 OMNI_HTTP_RETRIES=0 run omni-fetch "shopify:$SHOP"
	assert_failure 75
	assert_output 'omni-fetch: shopify: page 1: timed out, 1 attempts'
}

@test "shopify: a full call-limit bucket makes the next request wait" {
	fixture_push /shopify$API \
		"$(jq -cn --arg f "$FIXTURES/api/shopify/orders-1.json" '{file:$f,headers:{"X-Shopify-Shop-Api-Call-Limit":"39/40",Link:"<{base}/shopify/admin/api/2024-10/orders.json?page_info=z>; rel=\"next\""}}')" \
		"$(page orders-empty.json)"
	run omni-fetch -vv "shopify:$SHOP"
	assert_success
	assert_output --partial 'omni-fetch: call limit 39/40: waiting 1.0s'
}

@test "shopify: a response over OMNI_HTTP_MAX_SIZE is refused" {
	fixture_push /shopify$API "$(page orders-1.json)"
	OMNI_HTTP_MAX_SIZE=1000 run omni-fetch "shopify:$SHOP"
	assert_failure 69
	assert_output --partial 'page 1: response larger than 1000 bytes'
}

@test "shopify: a base URL with its own API version is used as given" {
	fixture_push /shopify/admin/api/2025-01/orders.json "$(page orders-empty.json)"
	run omni-fetch "shopify:$SHOP/admin/api/2025-01/"
	assert_success
	run jq -r .path <<<"$(fixture_requests)"
	assert_output /shopify/admin/api/2025-01/orders.json
}

@test "https: certificates are verified (a plain-HTTP port spoken to as TLS fails)" {
	run omni-fetch "shopify:https://127.0.0.1:${FX##*:}/shopify"
	assert_failure
	refute_output --partial "$TOKEN"
}

@test "one failing source does not stop the others; the exit status says it failed" {
	fixture_push /shopify$API '{"status":401}'
	fixture_push /other$API "$(page orders-1.json)"
	run omni-fetch --orders "shopify:$SHOP" "shopify:$FX/other" "file:$REFERENCE/meta-messenger-webhook.json"
	assert_failure 77
	assert_line --index 0 --partial 'shopify: page 1: 401 unauthorized'
	run orders
	assert_output '#1042 #1043'
}

@test "a Retry-After given as an HTTP date in the past means now" {
	fixture_push /shopify$API '{"status":503,"headers":{"Retry-After":"Wed, 21 Oct 2015 07:28:00 GMT"}}' \
		"$(page orders-empty.json)"
	run omni-fetch -vv "shopify:$SHOP"
	assert_success
	assert_output --partial 'retrying in 0.00s (attempt 2)'
}

@test "shopify returns: a refund whose items were restocked as returned is a return received, from the API" {
	fixture_push /shopify$API "$(page orders-returned.json)"
	run omni-fetch --orders "shopify:$SHOP"
	assert_success
	run sqlite3 "$OMNI_DB" "SELECT o.number, r.external_id, r.status, r.reason, r.at FROM returns r JOIN orders o ON o.rowid = r.order_rowid"
	assert_output '#1043|1019283746777|received|Returned: the beanie was too small|2024-03-09T14:15:00Z'
	# a refund without restocked items is no return
	fixture_reset
	fixture_push /shopify$API "$(page orders-1.json)"
	store_remove
	run omni-fetch --orders "shopify:$SHOP"
	assert_success
	run sqlite3 "$OMNI_DB" "SELECT count(*) FROM returns; SELECT count(*) FROM refunds"
	assert_output $'0\n1'
}

@test "shopify returns: a GraphQL order's returns, approved with a label and requested; refunds/create with returned items" {
	run omni-fetch --orders "file:$FIXTURES/api/shopify/graphql-orders-returns.json"
	assert_success
	run sqlite3 "$OMNI_DB" "SELECT o.order_id, r.external_id, r.status, r.reason, r.at FROM returns r JOIN orders o ON o.rowid = r.order_rowid ORDER BY r.at"
	assert_output - <<-'EOF'
	5829384756104|945000001|label_issued|size_too_small|2024-03-10T15:00:00Z
	5829384756104|945000002|requested|The lamp flickers|2024-03-10T15:01:00Z
	EOF
	jq '.refund_line_items[].restock_type = "return"' "$REFERENCE/shopify-webhook-refunds-create.json" \
		>"$BATS_TEST_TMPDIR/refund.json"
	run omni-fetch --orders "file:$BATS_TEST_TMPDIR/refund.json"
	assert_success
	run sqlite3 "$OMNI_DB" "SELECT o.order_id, r.status, r.reason FROM returns r JOIN orders o ON o.rowid = r.order_rowid WHERE o.order_id = '5829384756103'; SELECT amount FROM refunds"
	assert_output $'5829384756103|received|Beanie arrived with a torn seam\n25.98'
	# the return template is reached from the fetched data
	run bash -c "jq -nc '{omni: 1, id: \"mail:r1\", channel: \"email\", kind: \"message\",
		customer: {emails: [\"kim@example.com\"]}, messages: [{id: \"r1\", direction: \"in\",
		author: \"customer\", at: \"2024-03-11T10:00:00Z\", text: \"my return for order #1044?\"}]}' |
		omni-link | jq -c '[.orders[0].returns[] | .status]'"
	assert_output '["label_issued","requested"]'
}

@test "shopify stock: products.json for the page's products; counted, backorder-less zero, untracked" {
	fixture_push /shopify$API "$(page orders-1.json)"
	fixture_push /shopify/admin/api/2024-10/products.json "$(page products.json)"
	run omni-fetch --orders "shopify:$SHOP"
	assert_success
	run sqlite3 "$OMNI_DB" "SELECT sku, coalesce(CAST(available AS TEXT), '-'), status, title FROM stock ORDER BY sku"
	assert_output - <<-'EOF'
	MB-OS-FOR|-|in_stock|Merino beanie
	TRS-L-SND|4|in_stock|Trail shorts
	TRS-M-CHR|0|out_of_stock|Trail shorts
	EOF
	run jq -r 'select(.path | endswith("/products.json")) | .query' <<<"$(fixture_requests)"
	assert_output 'ids=8123456789012,8123456789013&fields=id,title,variants&limit=250'
}
