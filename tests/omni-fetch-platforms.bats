#!/usr/bin/env bats
# omni-fetch against BigCommerce, WooCommerce, Walmart and TikTok Shop,
# replayed by tests/fixture-server on loopback: paging to the end, the
# cursor after an interrupted run, throttling, failures and recovery,
# malformed pages, refused tokens, orders in the store.

load test_helper
eval "helper_$(declare -f setup)"

BC_TOKEN=bc_token_0123456789_secret

setup_file() {
	fixture_start
}

teardown_file() {
	fixture_stop
}

setup() {
	helper_setup
	fixture_reset
	export OMNI_HTTP_BACKOFF=0.01 OMNI_HTTP_RETRIES=3
	export OMNI_BIGCOMMERCE_TOKEN=$BC_TOKEN
	BC=$FX/stores/x7k2mq9p1d
}

# file PLATFORM FILE [HEADERS-JSON]: a 200 response with a fixture's bytes.
file() {
	jq -cn --arg f "$FIXTURES/api/$1/$2" --argjson h "${3:-{\}}" '{status:200,file:$f,headers:$h}'
}

orders() {
	sqlite3 "$OMNI_DB" "SELECT order_id FROM orders ORDER BY order_id" | paste -sd' '
}

# The source's cursor (not the returns' own, SOURCE#returns).
cursor() {
	sqlite3 "$OMNI_DB" "SELECT value FROM cursors WHERE source NOT LIKE '%#returns'"
}

NOCONTENT='{"status":204}'

# items_row SQL FILTER: the rows of SQL, their last column (the order's
# items, a JSON array) through jq FILTER: the same on either engine.
items_row() {
	local line head
	sqlite3 "$OMNI_DB" "$1" | while IFS= read -r line; do
		head=${line%%|\[*}
		printf '%s|%s\n' "$head" "$(jq -r "$2" <<<"${line#"$head|"}")"
	done
}

# --- BigCommerce -------------------------------------------------------

bc_shipments() {
	fixture_push /stores/x7k2mq9p1d/v2/orders/218/shipments "$(file bigcommerce shipments-218.json)"
	fixture_push /stores/x7k2mq9p1d/v2/orders/219/shipments "$(file bigcommerce shipments-219.json)"
	bc_products
}

# Each order's items (its products sub-resource), for ORDERS (218 219 220).
bc_products() {
	local o
	for o in ${@:-218 219 220}; do
		fixture_push /stores/x7k2mq9p1d/v2/orders/$o/products "$(file bigcommerce products-$o.json)"
	done
}

@test "bigcommerce: pages until 204, shipments with tracking, into the store" {
	fixture_push /stores/x7k2mq9p1d/v2/orders "$(file bigcommerce orders-1.json)" \
		"$(file bigcommerce orders-2.json)" "$NOCONTENT"
	bc_shipments
	run omni-fetch --orders "bigcommerce:$BC/"
	assert_success
	assert_output ''
	run sqlite3 "$OMNI_DB" "SELECT order_id, number, status, financial_status, total, customer_email, placed_at FROM orders ORDER BY order_id"
	assert_output - <<-'EOF'
	218|#218|open|paid|33.0500|maria.gonzalez@example.com|2024-03-01T22:22:10Z
	219|#219|open|partially_refunded|45.5000|dev.patel@example.net|2024-03-02T00:05:55Z
	220|#220|open|paid|102.3300|kim.lee+orders@example.org|2024-03-02T13:41:17Z
	EOF
	run sqlite3 "$OMNI_DB" "SELECT o.order_id, f.carrier, f.tracking_number, f.tracking_url, f.shipped_at FROM fulfillments f JOIN orders o ON o.rowid = f.order_rowid ORDER BY 1"
	assert_output - <<-'EOF'
	218|UPS|1Z999AA10123456784|https://www.ups.com/track?tracknum=1Z999AA10123456784|2024-03-02T15:15:42Z
	219|USPS|9400111899223100001234|https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223100001234|2024-03-04T09:10:00Z
	EOF
	run jq -r '"\(.path)?\(.query)"' <<<"$(fixture_requests)"
	assert_output - <<-'EOF'
	/stores/x7k2mq9p1d/v2/orders?sort=date_modified:asc&page=1&limit=250
	/stores/x7k2mq9p1d/v2/orders/218/products?page=1&limit=250
	/stores/x7k2mq9p1d/v2/orders/218/shipments?
	/stores/x7k2mq9p1d/v2/orders/219/products?page=1&limit=250
	/stores/x7k2mq9p1d/v2/orders/219/shipments?
	/stores/x7k2mq9p1d/v3/catalog/products?id:in=112,113,114&include=variants&limit=250
	/stores/x7k2mq9p1d/v2/orders?sort=date_modified:asc&page=2&limit=250
	/stores/x7k2mq9p1d/v2/orders/220/products?page=1&limit=250
	/stores/x7k2mq9p1d/v3/catalog/products?id:in=115&include=variants&limit=250
	/stores/x7k2mq9p1d/v2/orders?sort=date_modified:asc&page=3&limit=250
	EOF
	run jq -r '.headers["x-auth-token"]' <<<"$(fixture_requests)"
	assert_output "$(printf "$BC_TOKEN\n%.0s" 1 2 3 4 5 6 7 8 9 10)"
	run cursor
	assert_output '{"since":"2024-03-06T16:30:01Z"}'
}

@test "bigcommerce: the next run asks for orders modified since the newest, in RFC 2822" {
	fixture_push /stores/x7k2mq9p1d/v2/orders "$(file bigcommerce orders-2.json)" "$NOCONTENT" "$NOCONTENT"
	bc_products 220
	run omni-fetch --orders "bigcommerce:$BC"
	assert_success
	run omni-fetch --orders "bigcommerce:$BC"
	assert_success
	run jq -r .query <<<"$(fixture_requests)"
	assert_line --index 4 'min_date_modified=Sat%2C%2002%20Mar%202024%2013%3A41%3A20%20%2B0000&sort=date_modified:asc&page=1&limit=250'
	run orders
	assert_output '220'
}

@test "bigcommerce: an empty list ends the paging too; without --orders they are counted" {
	fixture_push /stores/x7k2mq9p1d/v2/orders "$(file bigcommerce orders-2.json)" '{"body":"[]"}'
	run omni-fetch "bigcommerce:$BC"
	assert_success
	assert_output 'omni-fetch: bigcommerce: 1 orders skipped; --orders puts them into the store'
	run orders
	assert_output ''
}

@test "bigcommerce: without --orders the shipments are not asked for" {
	fixture_push /stores/x7k2mq9p1d/v2/orders "$(file bigcommerce orders-1.json)" "$NOCONTENT"
	bc_shipments
	run omni-fetch "bigcommerce:$BC"
	assert_success
	assert_output 'omni-fetch: bigcommerce: 2 orders skipped; --orders puts them into the store'
	run jq -r .path <<<"$(fixture_requests)"
	assert_output $'/stores/x7k2mq9p1d/v2/orders\n/stores/x7k2mq9p1d/v2/orders'
}

@test "bigcommerce: a server that stays down is exit 69; the rerun resumes at that page and repeats nothing" {
	fixture_push /stores/x7k2mq9p1d/v2/orders "$(file bigcommerce orders-1.json)" \
		'{"status":503}' '{"status":503}' '{"status":503}' '{"status":503}'
	bc_shipments
	run omni-fetch --orders "bigcommerce:$BC"
	assert_failure 69
	assert_output 'omni-fetch: bigcommerce: page 2: server error 503, 4 attempts'
	run orders
	assert_output '218 219'
	run cursor
	assert_output '{"since":null,"max":"2024-03-06T16:30:01Z","next":"2"}'
	fixture_reset
	fixture_push /stores/x7k2mq9p1d/v2/orders "$(file bigcommerce orders-2.json)" "$NOCONTENT"
	bc_products 220
	run omni-fetch --orders "bigcommerce:$BC"
	assert_success
	run jq -r '"\(.path)?\(.query)"' <<<"$(fixture_requests)"
	assert_output - <<-'EOF'
	/stores/x7k2mq9p1d/v2/orders?sort=date_modified:asc&page=2&limit=250
	/stores/x7k2mq9p1d/v2/orders/220/products?page=1&limit=250
	/stores/x7k2mq9p1d/v3/catalog/products?id:in=115&include=variants&limit=250
	/stores/x7k2mq9p1d/v2/orders?sort=date_modified:asc&page=3&limit=250
	EOF
	run orders
	assert_output '218 219 220'
	run cursor
	assert_output '{"since":"2024-03-06T16:30:01Z"}'
}

@test "bigcommerce: no requests left waits for the window to reset; a 429 then success" {
	fixture_push /stores/x7k2mq9p1d/v2/orders \
		"$(file bigcommerce orders-2.json '{"X-Rate-Limit-Requests-Left":"0","X-Rate-Limit-Requests-Quota":"150","X-Rate-Limit-Time-Reset-Ms":"300","X-Rate-Limit-Time-Window-Ms":"30000"}')" \
		'{"status":429,"headers":{"X-Rate-Limit-Requests-Left":"0","X-Rate-Limit-Time-Reset-Ms":"50"}}' \
		"$NOCONTENT"
	bc_products 220
	run omni-fetch -vv --orders "bigcommerce:$BC"
	assert_success
	assert_output --partial 'omni-fetch: rate limit: 0 requests left: waiting 0.30s'
	assert_output --partial 'retrying in'
	run orders
	assert_output '220'
	run jq -s length <<<"$(fixture_requests)"
	assert_output 5
}

@test "bigcommerce: a 429 waits the X-Rate-Limit-Time-Reset-Ms it carries, not the backoff" {
	fixture_push /stores/x7k2mq9p1d/v2/orders \
		'{"status":429,"headers":{"X-Rate-Limit-Requests-Left":"0","X-Rate-Limit-Time-Reset-Ms":"1250"}}' \
		'{"status":429,"headers":{"X-Rate-Limit-Time-Reset-Ms":"soon"}}' \
		"$NOCONTENT"
	run omni-fetch -vv --orders "bigcommerce:$BC"
	assert_success
	assert_output --partial 'omni-fetch: retrying in 1.25s (attempt 2)'
	# a value that is not a number falls back on the backoff (0.01-0.02 s)
	assert_output --regexp 'omni-fetch: retrying in 0\.0[12]s \(attempt 3\)'
	run jq -s length <<<"$(fixture_requests)"
	assert_output 3
}

@test "bigcommerce: a reset past OMNI_HTTP_MAX_WAIT gives up at once with 75" {
	fixture_push /stores/x7k2mq9p1d/v2/orders \
		'{"status":429,"headers":{"X-Rate-Limit-Requests-Left":"0","X-Rate-Limit-Time-Reset-Ms":"600000"}}'
	OMNI_HTTP_MAX_WAIT=5 run omni-fetch -vv --orders "bigcommerce:$BC"
	assert_failure 75
	assert_output --partial '429 too many requests, 1 attempts (giving up: the next wait would pass the limit)'
	refute_output --partial 'retrying in'
}

@test "bigcommerce: 500 then recovery, on the orders and on the shipments" {
	fixture_push /stores/x7k2mq9p1d/v2/orders '{"status":500}' "$(file bigcommerce orders-1.json)" "$NOCONTENT"
	fixture_push /stores/x7k2mq9p1d/v2/orders/218/shipments '{"status":502}' "$(file bigcommerce shipments-218.json)"
	fixture_push /stores/x7k2mq9p1d/v2/orders/219/shipments "$NOCONTENT"
	fixture_push /stores/x7k2mq9p1d/v2/orders/218/products '{"status":503}' "$(file bigcommerce products-218.json)"
	fixture_push /stores/x7k2mq9p1d/v2/orders/219/products "$NOCONTENT"
	run omni-fetch --orders "bigcommerce:$BC"
	assert_success
	run sqlite3 "$OMNI_DB" "SELECT tracking_number FROM fulfillments; SELECT order_id, items FROM orders ORDER BY 1"
	assert_output - <<-'EOF'
	1Z999AA10123456784
	218|[{"sku":"MUG-BLU","title":"Blue mug","qty":2,"shipped":2}]
	219|
	EOF
}

@test "bigcommerce: each order's items from its products sub-resource, page after page while full" {
	fixture_push /stores/x7k2mq9p1d/v2/orders "$(file bigcommerce orders-1.json)" \
		"$(file bigcommerce orders-2.json)" "$NOCONTENT"
	fixture_push /stores/x7k2mq9p1d/v2/orders/218/shipments "$(file bigcommerce shipments-218.json)"
	fixture_push /stores/x7k2mq9p1d/v2/orders/219/shipments "$(file bigcommerce shipments-219.json)"
	bc_products 218 220
	# order 219 has 250 products on its first page: a second page is asked for
	jq -c '[range(250) as $i | .[0] + {id: (1000 + $i), sku: "SKU-\($i)", name: "Item \($i)"}]' \
		"$FIXTURES/api/bigcommerce/products-219.json" >"$BATS_TEST_TMPDIR/p1.json"
	fixture_push /stores/x7k2mq9p1d/v2/orders/219/products \
		"$(jq -cn --arg f "$BATS_TEST_TMPDIR/p1.json" '{status:200,file:$f}')" \
		"$(file bigcommerce products-219.json)"
	run omni-fetch --orders "bigcommerce:$BC/"
	assert_success
	run items_row 'SELECT order_id, items FROM orders ORDER BY 1' '"\(length)|\(.[0].sku)|\(.[-1].title)"'
	assert_output - <<-'EOF'
	218|1|MUG-BLU|Blue mug
	219|252|SKU-0|Cap
	220|1|LAMP|Desk lamp
	EOF
	run jq -r 'select(.path | test("/219/products")) | .query' <<<"$(fixture_requests)"
	assert_output $'page=1&limit=250\npage=2&limit=250'
	# the items show on a ticket naming the order
	run bash -c "jq -nc '{omni: 1, id: \"mail:b1\", channel: \"email\", kind: \"message\",
		customer: {emails: [\"maria.gonzalez@example.com\"]}, messages: [{id: \"b1\", direction: \"in\",
		author: \"customer\", at: \"2024-03-10T10:00:00Z\", text: \"order #218?\"}]}' | omni-link |
		jq -c '.orders[0].items'"
	assert_output '[{"sku":"MUG-BLU","title":"Blue mug","qty":2,"shipped":2}]'
}

@test "bigcommerce: a partially shipped order (status_id 3): its status, each item's shipped units; a WISMO reply says which items are on their way" {
	fixture_push /stores/x7k2mq9p1d/v2/orders "$(file bigcommerce orders-partial.json)" "$NOCONTENT"
	fixture_push /stores/x7k2mq9p1d/v2/orders/221/products "$(file bigcommerce products-221.json)"
	fixture_push /stores/x7k2mq9p1d/v2/orders/221/shipments "$(file bigcommerce shipments-221.json)"
	run omni-fetch --orders "bigcommerce:$BC/"
	assert_success
	run sqlite3 "$OMNI_DB" "SELECT order_id, status, items FROM orders"
	assert_output '221|partially_shipped|[{"sku":"MUG-BLU","title":"Blue mug","qty":1,"shipped":1},{"sku":"NAP-LIN-4","title":"Linen napkins (set of 4)","qty":2,"shipped":0}]'
	run bash -c "jq -nc '{omni: 1, id: \"mail:b2\", channel: \"email\", kind: \"message\", lang: \"en\",
		customer: {emails: [\"kim.lee+orders@example.org\"]}, messages: [{id: \"b2\", direction: \"in\",
		author: \"customer\", at: \"2024-03-07T10:00:00Z\", text: \"Where is my order #221?\"}]}' | omni-link |
		jq -c '.intent = \"wismo\"' | omni-reply --now 2024-03-07T12:00:00Z | jq -r .reply.text"
	assert_success
	assert_output --partial - <<-'EOF'
	Thank you for your message about order #221.

	Part of it has shipped with USPS (tracking number 9400111899223100004321); the rest has not shipped yet.

	On its way:
	- 1 x Blue mug

	Not shipped yet:
	- 2 x Linen napkins (set of 4)

	You can follow the parcel here: https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223100004321

	Kind regards,
	EOF
}

@test "bigcommerce: a malformed page is exit 65 naming the source and the page; the pages before it stay" {
	fixture_push /stores/x7k2mq9p1d/v2/orders "$(file bigcommerce orders-1.json)" "$(file bigcommerce orders-truncated.json)"
	bc_shipments
	run omni-fetch --orders "bigcommerce:$BC"
	assert_failure 65
	assert_output --regexp '^omni-fetch: bigcommerce: page 2: bad json at line'
	run orders
	assert_output '218 219'
	run jq -r .next <<<"$(cursor)"
	assert_output 2
}

@test "bigcommerce: an order without status_id is a malformed page, not a silent skip" {
	fixture_push /stores/x7k2mq9p1d/v2/orders "$(file bigcommerce orders-no-status.json)"
	run omni-fetch --orders "bigcommerce:$BC"
	assert_failure 65
	assert_output 'omni-fetch: bigcommerce: page 1: not a list of orders (each needs id, status_id and date_created)'
}

@test "bigcommerce: 401 is exit 77 naming the source, never the token, even with -vv" {
	fixture_push /stores/x7k2mq9p1d/v2/orders '{"status":401,"body":"[{\"status\":401,\"message\":\"You are not authorized.\"}]"}'
	run omni-fetch -vv "bigcommerce:$BC"
	assert_failure 77
	assert_output --partial 'omni-fetch: bigcommerce: page 1: 401 unauthorized: the token is missing, wrong or lacks a scope'
	assert_output --partial '> X-Auth-Token: [redacted]'
	refute_output --partial "$BC_TOKEN"
	fixture_push /stores/x7k2mq9p1d/v2/orders '{"status":403}'
	run omni-fetch "bigcommerce:$BC"
	assert_failure 77
	assert_output --partial 'bigcommerce: page 1: 403 forbidden'
}

@test "bigcommerce: no token is exit 78 naming the variables; a configured source's own token" {
	unset OMNI_BIGCOMMERCE_TOKEN
	run omni-fetch "bigcommerce:$BC"
	assert_failure 78
	assert_output 'omni-fetch: bigcommerce: missing secret: set OMNI_BIGCOMMERCE_TOKEN_FILE or OMNI_BIGCOMMERCE_TOKEN'
	mkdir -p "$XDG_CONFIG_HOME/omni"
	printf '[source bc-us]\nuri = bigcommerce:%s\nstore = us\n' "$BC" >"$XDG_CONFIG_HOME/omni/omni.conf"
	fixture_push /stores/x7k2mq9p1d/v2/orders "$(file bigcommerce orders-2.json)" "$NOCONTENT"
	bc_products 220
	OMNI_BC_US_TOKEN=own-token run omni-fetch --orders bc-us
	assert_success
	run jq -r '.headers["x-auth-token"]' <<<"$(fixture_requests)"
	assert_output $'own-token\nown-token\nown-token\nown-token'
	run sqlite3 "$OMNI_DB" "SELECT store, order_id FROM orders"
	assert_output 'us|220'
}

# --- BigCommerce webhooks: a shared header, not a body signature ------

BCW=$BATS_TEST_DIRNAME/fixtures/api/bigcommerce

@test "bigcommerce webhook: the shared header verifies; a status update records the order thin; a repeat (same hash) is dropped" {
	export OMNI_BIGCOMMERCE_SECRET=hook-shared-value-1
	run omni-fetch --orders --webhook bigcommerce -H 'X-Webhook-Secret: hook-shared-value-1' \
		"$BCW/webhook-order-statusUpdated.json"
	assert_success
	assert_output ''
	run sqlite3 "$OMNI_DB" "SELECT channel, order_id, number, status, updated_at FROM orders"
	assert_output 'bigcommerce|218|#218|open|2024-03-02T15:15:42Z'
	run sqlite3 "$OMNI_DB" "SELECT key FROM fetch_seen"
	assert_output 'event:0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e'
	run omni-fetch -v --orders --webhook bigcommerce -H 'X-Webhook-Secret: hook-shared-value-1' \
		"$BCW/webhook-order-statusUpdated.json"
	assert_success
	assert_output --partial 'a repeated delivery (event:0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e): skipped'
}

@test "bigcommerce webhook: a header named in the secret; a wrong or missing value is exit 77 and stores nothing; no secret is 78" {
	export OMNI_BIGCOMMERCE_SECRET='X-Omni-Hook: s3cret value'
	run omni-fetch --orders --webhook bigcommerce -H 'X-Omni-Hook: s3cret valuE' "$BCW/webhook-order-created.json"
	assert_failure 77
	assert_output --partial 'bigcommerce webhook: bad X-Omni-Hook header'
	refute_output --partial 's3cret'
	run omni-fetch --orders --webhook bigcommerce -H 'X-Webhook-Secret: s3cret value' "$BCW/webhook-order-created.json"
	assert_failure 77
	assert_output --partial 'bigcommerce webhook: no X-Omni-Hook header'
	run sqlite3 "$OMNI_DB" "SELECT count(*) FROM orders"
	assert_output 0
	run omni-fetch --orders --webhook bigcommerce -H 'x-omni-hook:   s3cret value' "$BCW/webhook-order-created.json"
	assert_success
	run sqlite3 "$OMNI_DB" "SELECT order_id, number, coalesce(status, '-') FROM orders"
	assert_output '220|#220|-'
	unset OMNI_BIGCOMMERCE_SECRET
	run omni-fetch --webhook bigcommerce -H 'X-Webhook-Secret: x' "$BCW/webhook-order-created.json"
	assert_failure 78
}

@test "bigcommerce webhook: a shipment event names its order; the next bigcommerce: run fills the thin order in" {
	export OMNI_BIGCOMMERCE_SECRET=v
	run omni-fetch --orders --webhook bigcommerce -H 'X-Webhook-Secret: v' "$BCW/webhook-shipment-created.json"
	assert_success
	run orders
	assert_output '218'
	fixture_push /stores/x7k2mq9p1d/v2/orders "$(file bigcommerce orders-1.json)" "$NOCONTENT"
	bc_shipments
	run omni-fetch --orders "bigcommerce:$BC"
	assert_success
	run sqlite3 "$OMNI_DB" "SELECT order_id, customer_email, total FROM orders ORDER BY 1"
	assert_output $'218|maria.gonzalez@example.com|33.0500\n219|dev.patel@example.net|45.5000'
}

@test "bigcommerce webhook: another scope is accepted and stores nothing; a body without scope is exit 65" {
	export OMNI_BIGCOMMERCE_SECRET=v
	printf '{"scope":"store/product/updated","store_id":"1","data":{"type":"product","id":7},"hash":"h1","created_at":1,"producer":"stores/x"}' \
		| omni-fetch --orders --webhook bigcommerce -H 'X-Webhook-Secret: v'
	run orders
	assert_output ''
	run sh -c 'printf "{\"data\":{}}" | omni-fetch --webhook bigcommerce -H "X-Webhook-Secret: v"'
	assert_failure 65
	assert_output --partial 'unrecognised payload: a bigcommerce callback without scope and data.id'
}

# --- WooCommerce -------------------------------------------------------

WC_KEY=ck_0123456789abcdef
WC_SECRET=cs_fedcba9876543210_secret
WC_PATH=/shop/wp-json/wc/v3/orders

wc_page() {   # wc_page FILE TOTAL-PAGES
	file woocommerce "$1" "{\"X-WP-Total\":\"3\",\"X-WP-TotalPages\":\"$2\"}"
}

@test "woocommerce: pages up to X-WP-TotalPages with basic auth; refunds and tracking into the store" {
	export OMNI_WOOCOMMERCE_TOKEN=$WC_KEY:$WC_SECRET
	fixture_push $WC_PATH "$(wc_page orders-1.json 2)" "$(wc_page orders-2.json 2)"
	run omni-fetch --orders "woocommerce:$FX/shop"
	assert_success
	assert_output ''
	run sqlite3 "$OMNI_DB" "SELECT order_id, number, status, financial_status, total, currency, customer_email, placed_at, updated_at, items FROM orders ORDER BY 1"
	assert_output - <<-'EOF'
	5310|#5310|closed|paid|33.05|EUR|maria.gonzalez@example.com|2024-03-01T22:22:10Z|2024-03-03T13:02:10Z|[{"sku":"MUG-BLU","title":"Blue mug","qty":2}]
	5311|#5311|open|partially_refunded|45.50|EUR|dev.patel@example.net|2024-03-02T00:05:55Z|2024-03-06T16:30:01Z|[{"sku":"TEE-M","title":"T-shirt M","qty":1},{"sku":"CAP","title":"Cap","qty":1}]
	5312|#5312|open|pending|102.33|EUR|kim.lee+orders@example.org|2024-03-02T13:41:17Z|2024-03-07T09:00:00Z|[{"sku":"LAMP","title":"Desk lamp","qty":1}]
	EOF
	run sqlite3 "$OMNI_DB" "SELECT amount, currency, reason FROM refunds; SELECT carrier, tracking_number, shipped_at FROM fulfillments"
	assert_output $'20.00|EUR|Cap arrived damaged\nDHL|JD014600003828394857|2024-03-03T10:00:00Z'
	run jq -r .query <<<"$(fixture_requests)"
	assert_output $'orderby=modified&order=asc&page=1&per_page=100\ninclude=50,51&per_page=100\norderby=modified&order=asc&page=2&per_page=100\ninclude=50&per_page=100'
	run jq -r '.headers.authorization' <<<"$(fixture_requests)"
	assert_line --index 0 "Basic $(printf '%s' "$WC_KEY:$WC_SECRET" | base64 -w0)"
	run cursor
	assert_output '{"since":"2024-03-07T09:00:00Z"}'
}

@test "woocommerce: the next run asks for orders modified after the newest; an empty page ends without the header" {
	export OMNI_WOOCOMMERCE_TOKEN=$WC_KEY:$WC_SECRET
	fixture_push $WC_PATH "$(file woocommerce orders-2.json)" '{"body":"[]"}' '{"body":"[]"}'
	run omni-fetch --orders "woocommerce:$FX/shop/wp-json/wc/v3/"
	assert_success
	run omni-fetch --orders "woocommerce:$FX/shop/wp-json/wc/v3/"
	assert_success
	run jq -r "select(.path == \"$WC_PATH\") | .query" <<<"$(fixture_requests)"
	assert_output - <<-'EOF'
	orderby=modified&order=asc&page=1&per_page=100
	orderby=modified&order=asc&page=2&per_page=100
	modified_after=2024-03-07T09:00:00&dates_are_gmt=true&orderby=modified&order=asc&page=1&per_page=100
	EOF
}

@test "woocommerce: an interrupted run resumes at the page that failed; 429 and 500 recover" {
	export OMNI_WOOCOMMERCE_TOKEN=$WC_KEY:$WC_SECRET
	fixture_push $WC_PATH '{"status":429,"headers":{"Retry-After":"0.1"}}' '{"status":500}' \
		"$(wc_page orders-1.json 2)" '{"status":502}' '{"status":502}' '{"status":502}' '{"status":502}'
	run omni-fetch --orders "woocommerce:$FX/shop"
	assert_failure 69
	assert_output 'omni-fetch: woocommerce: page 2: server error 502, 4 attempts'
	run orders
	assert_output '5310 5311'
	run cursor
	assert_output '{"since":null,"max":"2024-03-06T16:30:01Z","next":"2"}'
	fixture_reset
	fixture_push $WC_PATH "$(wc_page orders-2.json 2)"
	run omni-fetch --orders "woocommerce:$FX/shop"
	assert_success
	run jq -r "select(.path == \"$WC_PATH\") | .query" <<<"$(fixture_requests)"
	assert_output 'orderby=modified&order=asc&page=2&per_page=100'
	run orders
	assert_output '5310 5311 5312'
	run sqlite3 "$OMNI_DB" "SELECT count(*) FROM refunds"
	assert_output 1
}

@test "woocommerce: a malformed page and an order without status are exit 65 naming source and page" {
	export OMNI_WOOCOMMERCE_TOKEN=$WC_KEY:$WC_SECRET
	fixture_push $WC_PATH "$(wc_page orders-1.json 3)" "$(wc_page orders-truncated.json 3)"
	run omni-fetch --orders "woocommerce:$FX/shop"
	assert_failure 65
	assert_output --regexp '^omni-fetch: woocommerce: page 2: bad json at line'
	run orders
	assert_output '5310 5311'
	fixture_push $WC_PATH "$(wc_page orders-no-status.json 1)"
	run omni-fetch --all --orders "woocommerce:$FX/shop"
	assert_failure 65
	assert_output 'omni-fetch: woocommerce: page 1: order 1: not an order (each needs id, status, date_modified_gmt and line_items)'
}

@test "woocommerce: 401 is exit 77 without the key or the secret, even with -vv; a token without a colon is 78" {
	export OMNI_WOOCOMMERCE_TOKEN=$WC_KEY:$WC_SECRET
	fixture_push $WC_PATH '{"status":401,"body":"{\"code\":\"woocommerce_rest_cannot_view\",\"message\":\"Sorry, you cannot list resources.\",\"data\":{\"status\":401}}"}'
	run omni-fetch -vv "woocommerce:$FX/shop"
	assert_failure 77
	assert_output --partial 'omni-fetch: woocommerce: page 1: 401 unauthorized: the token is missing, wrong or lacks a scope'
	assert_output --partial '> Authorization: [redacted]'
	refute_output --partial "$WC_SECRET"
	refute_output --partial "$(printf '%s' "$WC_KEY:$WC_SECRET" | base64 -w0)"
	OMNI_WOOCOMMERCE_TOKEN=$WC_SECRET run omni-fetch "woocommerce:$FX/shop"
	assert_failure 78
	assert_output 'omni-fetch: woocommerce: the woocommerce token is the consumer key and secret as "ck_...:cs_..."'
	refute_output --partial "$WC_SECRET"
}

# --- Walmart -----------------------------------------------------------

WM_ID=wm-client-0001
WM_SECRET=wm_client_secret_0123456789
WM_ACCESS=eyJraWQiOiJ3bS1hY2Nlc3MtdG9rZW4tMSJ9.walmart.access

# The access token, and no returns for the runs that read them (--orders).
wm_token() {
	fixture_push /walmart/v3/token "$(file walmart "${1:-token.json}")"
	wm_no_returns
}

wm_no_returns() {
	local e
	e=$(file walmart returns-empty.json)
	fixture_push /walmart/v3/returns "$e" "$e" "$e"
}

wm_orders() {
	sqlite3 "$OMNI_DB" "SELECT order_id, number, status, total, currency, customer_email, customer_name, placed_at, updated_at FROM orders ORDER BY 1"
}

@test "walmart: the token from client credentials, then pages by nextCursor; tracking into the store" {
	export OMNI_WALMART_TOKEN=$WM_ID:$WM_SECRET
	wm_token
	fixture_push /walmart/v3/orders "$(file walmart orders-1.json)" "$(file walmart orders-2.json)"
	run omni-fetch --orders "walmart:$FX/walmart/"
	assert_success
	assert_output ''
	run wm_orders
	assert_output - <<-'EOF'
	1796277083022|5281956426648|open|27.06|USD|maria.gonzalez@example.com|Maria Gonzalez|2024-03-01T22:22:10Z|2024-03-03T15:15:42Z
	1796277083023|5281956426649|closed|40.60|USD|nocxemail@walmartone.com|Dev Patel|2024-03-02T00:05:55Z|2024-03-06T16:30:01Z
	1796277083024|5281956426650|open|102.33|USD|kim.lee+orders@example.org|Kim Lee|2024-03-02T13:41:17Z|2024-03-07T09:00:00Z
	EOF
	run sqlite3 "$OMNI_DB" "SELECT carrier, tracking_number, status, shipped_at, estimated_at FROM fulfillments ORDER BY 1"
	assert_output $'UPS|1Z999AA10123456784|in_transit|2024-03-02T15:15:42Z|2024-03-08T00:00:00Z\nUSPS|9400111899223100001234|delivered|2024-03-04T10:10:00Z|2024-03-09T00:00:00Z'
	run jq -r '"\(.method) \(.path)?\(.query) \(.body)"' <<<"$(fixture_requests)"
	assert_output - <<-'EOF'
	POST /walmart/v3/token? grant_type=client_credentials
	GET /walmart/v3/orders?limit=100 
	GET /walmart/v3/orders?limit=2&hasMoreElements=true&soIndex=3&poIndex=1796277083023&sellerId=101&createdStartDate=2024-02-01T00:00:00Z 
	GET /walmart/v3/returns?limit=200 
	EOF
	run jq -r '.headers.authorization' <<<"$(fixture_requests)"
	assert_line --index 0 "Basic $(printf '%s' "$WM_ID:$WM_SECRET" | base64 -w0)"
	assert_line --index 1 null
	run jq -r '"\(.headers["wm_sec.access_token"]) \(.headers["wm_svc.name"])"' <<<"$(fixture_requests)"
	assert_line --index 1 "$WM_ACCESS Walmart Marketplace"
	run jq -r '.headers["wm_qos.correlation_id"]' <<<"$(fixture_requests)"
	assert_equal "$(sort -u <<<"$output" | wc -l)" 4
	run cursor
	assert_output '{"since":"2024-03-07T09:00:00Z"}'
}

@test "walmart: the next run asks for what was modified since the newest; an empty list ends it" {
	export OMNI_WALMART_TOKEN=$WM_ID:$WM_SECRET
	wm_token
	wm_token
	fixture_push /walmart/v3/orders "$(file walmart orders-2.json)" "$(file walmart orders-empty.json)"
	run omni-fetch --orders "walmart:$FX/walmart"
	assert_success
	run omni-fetch --orders "walmart:$FX/walmart"
	assert_success
	run jq -r 'select(.path == "/walmart/v3/orders") | .query' <<<"$(fixture_requests)"
	assert_output $'limit=100\nlimit=100&lastModifiedStartDate=2024-03-07T09:00:00Z'
}

@test "walmart: an interrupted run resumes at the cursor of the page that failed, repeating nothing" {
	export OMNI_WALMART_TOKEN=$WM_ID:$WM_SECRET
	wm_token
	fixture_push /walmart/v3/orders "$(file walmart orders-1.json)" '{"status":503}' '{"status":503}' '{"status":503}' '{"status":503}'
	run omni-fetch --orders "walmart:$FX/walmart"
	assert_failure 69
	assert_output 'omni-fetch: walmart: page 2: server error 503, 4 attempts'
	run jq -r .next <<<"$(cursor)"
	assert_output '?limit=2&hasMoreElements=true&soIndex=3&poIndex=1796277083023&sellerId=101&createdStartDate=2024-02-01T00:00:00Z'
	fixture_reset
	wm_token
	fixture_push /walmart/v3/orders "$(file walmart orders-2.json)"
	run omni-fetch --orders "walmart:$FX/walmart"
	assert_success
	run jq -r 'select(.path == "/walmart/v3/orders") | .query' <<<"$(fixture_requests)"
	assert_output 'limit=2&hasMoreElements=true&soIndex=3&poIndex=1796277083023&sellerId=101&createdStartDate=2024-02-01T00:00:00Z'
	run sqlite3 "$OMNI_DB" "SELECT count(*), count(DISTINCT order_id) FROM orders"
	assert_output '3|3'
	run cursor
	assert_output '{"since":"2024-03-07T09:00:00Z"}'
}

@test "walmart: 429 and 500 recover; no tokens left waits for the replenish time" {
	export OMNI_WALMART_TOKEN=$WM_ID:$WM_SECRET
	wm_token
	local at=$(( $(date +%s%3N) + 2500 ))
	fixture_push /walmart/v3/orders \
		'{"status":429,"headers":{"x-current-token-count":"0","x-next-replenish-time":"1"},"body":"{\"errors\":{\"error\":[{\"code\":\"REQUEST_THRESHOLD_VIOLATED.GMP_ORDER_API\"}]}}"}' \
		'{"status":500}' \
		"$(file walmart orders-1.json "{\"x-current-token-count\":\"0\",\"x-next-replenish-time\":\"$at\"}")" \
		"$(file walmart orders-2.json)"
	run omni-fetch -vv --orders "walmart:$FX/walmart"
	assert_success
	assert_output --partial 'retrying in'
	assert_output --regexp 'omni-fetch: rate limit: 0 tokens left: waiting [0-2]\.[0-9][0-9]s'
	run sqlite3 "$OMNI_DB" "SELECT count(*) FROM orders"
	assert_output 3
}

@test "walmart: a 429 waits until its x-next-replenish-time; a past one does not wait" {
	export OMNI_WALMART_TOKEN=$WM_ID:$WM_SECRET
	wm_token
	local at=$(( $(date +%s%3N) + 3000 ))
	fixture_push /walmart/v3/orders \
		"{\"status\":429,\"headers\":{\"x-current-token-count\":\"0\",\"x-next-replenish-time\":\"$at\"}}" \
		'{"status":429,"headers":{"x-current-token-count":"0","x-next-replenish-time":"1000"}}' \
		"$(file walmart orders-1.json)" "$(file walmart orders-2.json)"
	run omni-fetch -vv --orders "walmart:$FX/walmart"
	assert_success
	# the wait is what was left of the 3 s when the answer came (however
	# slow the machine, more than the 0.01 s backoff), never more
	assert_output --regexp 'omni-fetch: retrying in ([0-2]\.[0-9][0-9]|3\.00)s \(attempt 2\)'
	refute_output --regexp 'retrying in 0\.0[0-9]s \(attempt 2\)'
	assert_output --partial 'omni-fetch: retrying in 0.00s (attempt 3)'
	run sqlite3 "$OMNI_DB" "SELECT count(*) FROM orders"
	assert_output 3
}

@test "walmart: a replenish time past OMNI_HTTP_MAX_WAIT gives up at once with 75" {
	export OMNI_WALMART_TOKEN=$WM_ID:$WM_SECRET
	wm_token
	local at=$(( $(date +%s%3N) + 3600000 ))
	fixture_push /walmart/v3/orders \
		"{\"status\":429,\"headers\":{\"x-current-token-count\":\"0\",\"x-next-replenish-time\":\"$at\"}}"
	OMNI_HTTP_MAX_WAIT=5 run omni-fetch -vv --orders "walmart:$FX/walmart"
	assert_failure 75
	assert_output --partial 'page 1: 429 too many requests, 1 attempts (giving up: the next wait would pass the limit)'
	refute_output --partial 'retrying in'
}

@test "walmart: an access token refused in the middle of a run is exchanged again, once" {
	export OMNI_WALMART_TOKEN=$WM_ID:$WM_SECRET
	wm_token
	wm_token token-2.json
	fixture_push /walmart/v3/orders "$(file walmart orders-1.json)" '{"status":401,"body":"{\"error\":[{\"code\":\"UNAUTHORIZED.GMP_GATEWAY_API\"}]}"}' \
		"$(file walmart orders-2.json)"
	run omni-fetch -vv --orders "walmart:$FX/walmart"
	assert_success
	refute_output --partial "$WM_ACCESS"
	refute_output --partial 'eyJraWQiOiJ3bS1hY2Nlc3MtdG9rZW4tMiJ9.walmart.access'
	run jq -r '"\(.method) \(.headers["wm_sec.access_token"])"' <<<"$(fixture_requests)"
	assert_output - <<-'EOF'
	POST null
	GET eyJraWQiOiJ3bS1hY2Nlc3MtdG9rZW4tMSJ9.walmart.access
	GET eyJraWQiOiJ3bS1hY2Nlc3MtdG9rZW4tMSJ9.walmart.access
	POST null
	GET eyJraWQiOiJ3bS1hY2Nlc3MtdG9rZW4tMiJ9.walmart.access
	GET eyJraWQiOiJ3bS1hY2Nlc3MtdG9rZW4tMiJ9.walmart.access
	EOF
	run sqlite3 "$OMNI_DB" "SELECT count(*) FROM orders"
	assert_output 3
}

@test "walmart returns: the Returns API's pages by nextCursor join their purchase orders; a refunded line is a refund too" {
	export OMNI_WALMART_TOKEN=$WM_ID:$WM_SECRET
	fixture_push /walmart/v3/token "$(file walmart token.json)" "$(file walmart token.json)"
	fixture_push /walmart/v3/orders "$(file walmart orders-1.json)" "$(file walmart orders-2.json)" "$(file walmart orders-empty.json)"
	fixture_push /walmart/v3/returns "$(file walmart returns-1.json)" "$(file walmart returns-2.json)"
	run omni-fetch --orders "walmart:$FX/walmart"
	assert_success
	run sqlite3 "$OMNI_DB" "SELECT o.order_id, o.number, r.external_id, r.status, r.reason, r.at FROM returns r JOIN orders o ON o.rowid = r.order_rowid ORDER BY r.at"
	assert_output - <<-'EOF'
	1796277083023|5281956426649|77215640122853|refunded|damaged|2024-03-08T14:02:11Z
	1796277083022|5281956426648|77215640122911|requested|wrong_size/poor_fit|2024-03-10T18:45:00Z
	EOF
	run sqlite3 "$OMNI_DB" "SELECT o.order_id, f.external_id, f.amount, f.currency, f.reason, f.at FROM refunds f JOIN orders o ON o.rowid = f.order_rowid"
	assert_output '1796277083023|77215640122853|18.50|USD|damaged|2024-03-12T09:30:00Z'
	# the orders keep what the Orders API said of them
	run sqlite3 "$OMNI_DB" "SELECT count(*), count(DISTINCT order_id), count(customer_email) FROM orders"
	assert_output '3|3|3'
	run jq -r 'select(.path == "/walmart/v3/returns") | "\(.query) \(.headers["wm_sec.access_token"])"' <<<"$(fixture_requests)"
	assert_output - <<-EOF
	limit=200 $WM_ACCESS
	limit=1&offset=1&returnLastModifiedStartDate=2024-03-01T00:00:00Z $WM_ACCESS
	EOF
	run sqlite3 "$OMNI_DB" "SELECT value FROM cursors WHERE source LIKE '%#returns'"
	assert_output '{"since":"2024-03-12T09:30:00Z"}'
	# the next run asks for the returns modified since the newest
	fixture_push /walmart/v3/returns "$(file walmart returns-empty.json)"
	run omni-fetch --orders "walmart:$FX/walmart"
	assert_success
	run jq -r 'select(.path == "/walmart/v3/returns") | .query' <<<"$(fixture_requests)"
	assert_line --index 2 'limit=200&returnLastModifiedStartDate=2024-03-12T09:30:00Z'
	# and the ticket naming the order carries them
	run bash -c "jq -nc '{omni: 1, id: \"mail:w1\", channel: \"email\", kind: \"message\",
		customer: {emails: [\"maria.gonzalez@example.com\"]}, messages: [{id: \"w1\", direction: \"in\",
		author: \"customer\", at: \"2024-03-11T10:00:00Z\", text: \"Walmart order 5281956426648: the mug is too small\"}]}' |
		omni-link | jq -c '[.orders[0].id, .orders[0].returns]'"
	assert_success
	assert_output '["1796277083022",[{"id":"77215640122911","status":"requested","reason":"wrong_size/poor_fit","at":"2024-03-10T18:45:00Z"}]]'
}

@test "walmart returns: without --orders they are not asked for; a return without lines is exit 65 naming the page" {
	export OMNI_WALMART_TOKEN=$WM_ID:$WM_SECRET
	fixture_push /walmart/v3/token "$(file walmart token.json)" "$(file walmart token.json)"
	fixture_push /walmart/v3/orders "$(file walmart orders-empty.json)" "$(file walmart orders-empty.json)"
	fixture_push /walmart/v3/returns "$(file walmart returns-no-lines.json)"
	run omni-fetch "walmart:$FX/walmart"
	assert_success
	run jq -r 'select(.path == "/walmart/v3/returns") | .query' <<<"$(fixture_requests)"
	assert_output ''
	run omni-fetch --orders "walmart:$FX/walmart"
	assert_failure 65
	assert_output 'omni-fetch: walmart: page 1: return 1: not a return order (each needs returnOrderId and returnOrderLines)'
}

@test "walmart: a malformed page and an order without lines are exit 65 naming source and page" {
	export OMNI_WALMART_TOKEN=$WM_ID:$WM_SECRET
	wm_token
	wm_token
	fixture_push /walmart/v3/orders "$(file walmart orders-1.json)" "$(file walmart orders-truncated.json)" "$(file walmart orders-no-lines.json)"
	run omni-fetch --orders "walmart:$FX/walmart"
	assert_failure 65
	assert_output --regexp '^omni-fetch: walmart: page 2: bad json at line'
	run sqlite3 "$OMNI_DB" "SELECT count(*) FROM orders"
	assert_output 2
	run omni-fetch --all --orders "walmart:$FX/walmart"
	assert_failure 65
	assert_output 'omni-fetch: walmart: page 1: order 1: not an order (each needs purchaseOrderId and orderLines.orderLine)'
}

@test "walmart: refused client credentials are exit 77; neither secret nor access token shows under -vv" {
	export OMNI_WALMART_TOKEN=$WM_ID:$WM_SECRET
	fixture_push /walmart/v3/token '{"status":401,"body":"{\"error\":[{\"code\":\"INVALID_REQUEST_HEADER.GMP_GATEWAY_API\"}]}"}'
	run omni-fetch -vv "walmart:$FX/walmart"
	assert_failure 77
	assert_output --partial 'omni-fetch: walmart: token: 401 unauthorized'
	refute_output --partial "$WM_SECRET"
	wm_token
	fixture_push /walmart/v3/orders "$(file walmart orders-2.json)"
	run omni-fetch -vv "walmart:$FX/walmart"
	assert_success
	assert_output --partial '> WM_SEC.ACCESS_TOKEN: [redacted]'
	assert_output --partial '> Authorization: [redacted]'
	refute_output --partial "$WM_ACCESS"
	refute_output --partial "$WM_SECRET"
	OMNI_WALMART_TOKEN=nocolon run omni-fetch "walmart:$FX/walmart"
	assert_failure 78
}

# --- TikTok Shop -------------------------------------------------------

TT_KEY=6abc123def456
TT_SECRET=tt_app_secret_0123456789abcdef
TT_TOKEN=ROW_tt_access_token_0123456789
TT_ORDERS=/tt/order/202309/orders/search
TT_CONVS=/tt/customer_service/202309/conversations
TT_MSGS=/tt/customer_service/202309/conversations/7301234567890123456/messages
TT_RETURNS=/tt/return_refund/202309/returns/search

# The secrets, and no returns for the runs that read them (--orders).
tt_env() {
	export OMNI_TIKTOK_APP_KEY=$TT_KEY OMNI_TIKTOK_SECRET=$TT_SECRET OMNI_TIKTOK_TOKEN=$TT_TOKEN
	tt_no_returns
}

tt_no_returns() {
	local e
	e=$(file tiktok returns-empty.json)
	fixture_push $TT_RETURNS "$e" "$e" "$e"
}

# Each request's sign, computed again here with Python's hmac: "ok" or
# "bad PATH".
tt_signs() {
	fixture_requests | python3 -c '
import hashlib, hmac, json, sys
from urllib.parse import parse_qsl
secret = sys.argv[1]
for line in sys.stdin:
    r = json.loads(line)
    q = dict(parse_qsl(r["query"], keep_blank_values=True))
    sign = q.pop("sign", "")
    q.pop("access_token", None)
    path = r["path"][len("/tt"):]
    msg = secret + path + "".join(k + q[k] for k in sorted(q)) + r["body"] + secret
    want = hmac.new(secret.encode(), msg.encode(), hashlib.sha256).hexdigest()
    print("ok" if hmac.compare_digest(want, sign) else "bad " + path)
' "$TT_SECRET" | sort | uniq -c | sed 's/^ *//'
}

tt_all() {
	fixture_push $TT_ORDERS "$(file tiktok orders-1.json)" "$(file tiktok orders-2.json)"
	fixture_push $TT_CONVS "$(file tiktok conversations.json)"
	fixture_push $TT_MSGS "$(file tiktok messages-1.json)" "$(file tiktok messages-2.json)"
}

@test "tiktok: signed requests (checked with python hmac), orders over two pages, a conversation as a ticket" {
	tt_env
	tt_all
	run omni-fetch --orders "tiktok:$FX/tt/"
	assert_success
	run tt_signs
	assert_output '6 ok'
	run jq -r '"\(.method) \(.path) \(.query | sub("timestamp=[0-9]+"; "timestamp=T") | sub("sign=[0-9a-f]{64}"; "sign=S")) \(.body)"' <<<"$(fixture_requests)"
	assert_output - <<-'EOF'
	POST /tt/order/202309/orders/search app_key=6abc123def456&timestamp=T&page_size=50&sort_field=update_time&sort_order=ASC&sign=S {}
	POST /tt/order/202309/orders/search app_key=6abc123def456&timestamp=T&page_size=50&sort_field=update_time&sort_order=ASC&page_token=b2Zmc2V0PTI%3D&sign=S {}
	POST /tt/return_refund/202309/returns/search app_key=6abc123def456&timestamp=T&page_size=50&sort_field=update_time&sort_order=ASC&sign=S {}
	GET /tt/customer_service/202309/conversations app_key=6abc123def456&timestamp=T&page_size=20&locale=en&sign=S 
	GET /tt/customer_service/202309/conversations/7301234567890123456/messages app_key=6abc123def456&timestamp=T&page_size=10&sort_order=DESC&sign=S 
	GET /tt/customer_service/202309/conversations/7301234567890123456/messages app_key=6abc123def456&timestamp=T&page_size=10&sort_order=DESC&page_token=bXNnLTI%3D&sign=S 
	EOF
	run jq -r '"\(.headers["x-tts-access-token"]) \(.headers["content-type"])"' <<<"$(fixture_requests)"
	assert_line --index 0 "$TT_TOKEN application/json"
	run items_row "SELECT order_id, status, financial_status, total, customer_name, updated_at, items FROM orders ORDER BY 1" 'length'
	assert_output - <<-'EOF'
	576653688135258178|open|paid|33.05|Maria Gonzalez|2024-03-03T15:15:42Z|2
	576653688135258179|closed|paid|45.50|Dev Patel|2024-03-06T16:30:01Z|1
	576653688135258180|open|paid|102.33|Kim Lee|2024-03-07T09:00:00Z|1
	EOF
	run sqlite3 "$OMNI_DB" "SELECT external_id, carrier, tracking_number, status FROM fulfillments ORDER BY 1"
	assert_output $'1152893021648383710|USPS|9400111899223100001234|in_transit\n1152893021648383711|UPS|1Z999AA10123456784|delivered'
	run sqlite3 "$OMNI_DB" "SELECT source, value FROM cursors ORDER BY 1"
	assert_output - <<-EOF
	tiktok:$FX/tt/|{"since":"2024-03-07T09:00:00Z"}
	tiktok:$FX/tt/#conversations|{"since":"2024-03-07T10:00:00Z"}
	tiktok:$FX/tt/#returns|{"since":null}
	EOF
}

# tt_push ORDER STATUS TIME: a type 1 webhook push, signed as TikTok signs
# it (Authorization: hex HMAC of the app key and the body).
tt_push() {
	local body=$BATS_TEST_TMPDIR/push-$2.json sig
	printf '{"type":1,"tts_notification_id":"7380066284010030890","shop_id":"7495540735365777507","timestamp":%s,"data":{"is_on_hold_order":false,"order_id":"%s","order_status":"%s","update_time":%s}}' \
		"$3" "$1" "$2" "$3" >"$body"
	sig=$(python3 -c 'import hmac,hashlib,sys; print(hmac.new(sys.argv[2].encode(), sys.argv[3].encode() + open(sys.argv[1],"rb").read(), hashlib.sha256).hexdigest())' "$body" "$TT_SECRET" "$TT_KEY")
	omni-fetch --orders --webhook tiktok -H "Authorization: $sig" "$body"
}

@test "tiktok webhook: a pushed DELIVERED is kept as the API keeps it: the order closed, its packages delivered (CHANNELS.md section 9)" {
	tt_env
	fixture_push $TT_ORDERS "$(file tiktok orders-1.json)" "$(file tiktok orders-2.json)"
	fixture_push $TT_CONVS "$(file tiktok conversations-empty.json)"
	omni-fetch --orders "tiktok:$FX/tt/"
	run tt_push 576653688135258178 DELIVERED 1710000000
	assert_success
	run sqlite3 "$OMNI_DB" "SELECT o.status, f.external_id, f.status, f.delivered_at FROM orders o JOIN fulfillments f ON f.order_rowid = o.rowid WHERE o.order_id = '576653688135258178'"
	assert_output 'closed|1152893021648383710|delivered|2024-03-09T16:00:00Z'
	# no platform's raw words in the store
	run sqlite3 "$OMNI_DB" "SELECT count(*) FROM orders WHERE status <> lower(status); SELECT count(*) FROM fulfillments WHERE status <> lower(status)"
	assert_output $'0\n0'
	run tt_push 576653688135258180 CANCELLED 1710000100
	assert_success
	run sqlite3 "$OMNI_DB" "SELECT status FROM orders WHERE order_id = '576653688135258180'"
	assert_output cancelled
}

@test "tiktok: the ticket: the buyer, the order card's order id, messages oldest first" {
	tt_env
	tt_all
	run omni-fetch "tiktok:$FX/tt"
	assert_success
	assert_line 'omni-fetch: tiktok: 5 orders skipped; --orders puts them into the store'
	run jq -c '[.id, .channel, .kind, .customer.name, .customer.handles.tiktok, .order_ids, .source.thread_key, [.messages[] | [.id, .direction, .author, .at, .text]]]' <<<"$(grep '^{' <<<"$output")"
	assert_output '["tiktok:7301234567890123456","tiktok","message","kim.lee.crafts","7494826351830190178",["576653688135258180"],"tiktok:7301234567890123456",[["7301555000000000001","in","customer","2024-03-07T09:15:00Z","[order 576653688135258180]"],["7301555000000000002","in","customer","2024-03-07T09:16:00Z","Hi! When will my desk lamp ship?"],["7301555000000000003","out","agent","2024-03-07T10:00:00Z","Hi Kim, it ships tomorrow."]]]'
}

@test "tiktok: the next run asks from the newest update_time and emits only the new message" {
	tt_env
	tt_all
	run omni-fetch --orders "tiktok:$FX/tt"
	assert_success
	fixture_reset
	tt_no_returns
	fixture_push $TT_ORDERS "$(file tiktok orders-empty.json)"
	fixture_push $TT_CONVS "$(file tiktok conversations-new.json)"
	fixture_push $TT_MSGS "$(file tiktok messages-new.json)"
	run omni-fetch --orders "tiktok:$FX/tt"
	assert_success
	run jq -c '[.messages[] | [.id, .text]]' <<<"$output"
	assert_output '[["7301555000000000004","Thanks, and can you add a gift note?"]]'
	run jq -r 'select(.path == "'$TT_ORDERS'") | .body' <<<"$(fixture_requests)"
	assert_output '{"update_time_ge":1709802000}'
	run tt_signs
	assert_output '4 ok'
}

@test "tiktok: an interrupted run resumes at the page token of the page that failed" {
	tt_env
	fixture_push $TT_ORDERS "$(file tiktok orders-1.json)" '{"status":503}' '{"status":503}' '{"status":503}' '{"status":503}'
	run omni-fetch --orders "tiktok:$FX/tt"
	assert_failure 69
	assert_output 'omni-fetch: tiktok: page 2: server error 503, 4 attempts'
	run sqlite3 "$OMNI_DB" "SELECT value FROM cursors"
	assert_output '{"since":null,"max":"2024-03-06T16:30:01Z","next":"b2Zmc2V0PTI="}'
	fixture_reset
	tt_no_returns
	fixture_push $TT_ORDERS "$(file tiktok orders-2.json)"
	fixture_push $TT_CONVS "$(file tiktok conversations-empty.json)"
	run omni-fetch --orders "tiktok:$FX/tt"
	assert_success
	run jq -r 'select(.path == "'$TT_ORDERS'") | .query | sub("timestamp=[0-9]+&"; "") | sub("&sign=.*"; "")' <<<"$(fixture_requests)"
	assert_output 'app_key=6abc123def456&page_size=50&sort_field=update_time&sort_order=ASC&page_token=b2Zmc2V0PTI%3D'
	run sqlite3 "$OMNI_DB" "SELECT count(*), count(DISTINCT order_id) FROM orders"
	assert_output '3|3'
}

@test "tiktok: 429 and 500 recover, each retry signed" {
	tt_env
	fixture_push $TT_ORDERS '{"status":429,"headers":{"Retry-After":"0.1"},"body":"{\"code\":36009004,\"message\":\"Too many requests\"}"}' \
		'{"status":500}' "$(file tiktok orders-2.json)"
	fixture_push $TT_CONVS "$(file tiktok conversations-empty.json)"
	run omni-fetch --orders "tiktok:$FX/tt"
	assert_success
	run sqlite3 "$OMNI_DB" "SELECT order_id FROM orders"
	assert_output 576653688135258180
	run tt_signs
	assert_output '5 ok'
}

@test "tiktok: --now is the signed and sent timestamp" {
	tt_env
	fixture_push $TT_ORDERS "$(file tiktok orders-2.json)"
	fixture_push $TT_CONVS "$(file tiktok conversations-empty.json)"
	run omni-fetch --orders --now 2024-03-10T00:00:00Z "tiktok:$FX/tt"
	assert_success
	run jq -r '.query | capture("timestamp=(?<t>[0-9]+)").t' <<<"$(fixture_requests)"
	assert_output $'1710028800\n1710028800\n1710028800'
	run tt_signs
	assert_output '3 ok'
}

@test "tiktok returns: the return/refund search (signed, paged by next_page_token) joins each order; a completed one is a refund" {
	tt_env
	fixture_reset
	fixture_push $TT_ORDERS "$(file tiktok orders-1.json)" "$(file tiktok orders-2.json)" "$(file tiktok orders-empty.json)"
	fixture_push $TT_RETURNS "$(file tiktok returns-1.json)" "$(file tiktok returns-2.json)" "$(file tiktok returns-empty.json)"
	fixture_push $TT_CONVS "$(file tiktok conversations-empty.json)" "$(file tiktok conversations-empty.json)"
	run omni-fetch --orders "tiktok:$FX/tt"
	assert_success
	run tt_signs
	assert_output '5 ok'
	run jq -r 'select(.path == "'$TT_RETURNS'") | "\(.method) \(.query | sub("timestamp=[0-9]+&"; "") | sub("&sign=.*"; "")) \(.body)"' <<<"$(fixture_requests)"
	assert_output - <<-'EOF'
	POST app_key=6abc123def456&page_size=50&sort_field=update_time&sort_order=ASC {}
	POST app_key=6abc123def456&page_size=50&sort_field=update_time&sort_order=ASC&page_token=cmV0dXJucy0y {}
	EOF
	run sqlite3 "$OMNI_DB" "SELECT o.order_id, r.external_id, r.status, r.reason, r.at FROM returns r JOIN orders o ON o.rowid = r.order_rowid ORDER BY r.at"
	assert_output - <<-'EOF'
	576653688135258179|4035318237690598162|refunded|ecom_order_delivered_refund_and_return_damaged_item_reason|2024-03-09T10:00:00Z
	576653688135258178|4035318237690598170|approved|ecom_order_delivered_refund_and_return_no_longer_needed_reason|2024-03-11T10:00:00Z
	EOF
	run sqlite3 "$OMNI_DB" "SELECT o.order_id, f.external_id, f.amount, f.currency, f.at FROM refunds f JOIN orders o ON o.rowid = f.order_rowid"
	assert_output '576653688135258179|4035318237690598162|45.50|USD|2024-03-12T10:00:00Z'
	run sqlite3 "$OMNI_DB" "SELECT value FROM cursors WHERE source LIKE '%#returns'"
	assert_output '{"since":"2024-03-13T10:00:00Z"}'
	# the next run asks for what changed since the newest
	run omni-fetch --orders "tiktok:$FX/tt"
	assert_success
	run jq -r 'select(.path == "'$TT_RETURNS'") | .body' <<<"$(fixture_requests)"
	assert_line --index 2 '{"update_time_ge":1710324000}'
	# a ticket naming the order carries its return
	run bash -c "jq -nc '{omni: 1, id: \"mail:k1\", channel: \"email\", kind: \"message\",
		customer: {emails: [\"x@example.com\"]}, messages: [{id: \"k1\", direction: \"in\",
		author: \"customer\", at: \"2024-03-14T10:00:00Z\", text: \"my tiktok order 576653688135258178, where do I send the mug?\"}]}' |
		omni-link | jq -c '.orders[0].returns'"
	assert_output '[{"id":"4035318237690598170","status":"approved","reason":"ecom_order_delivered_refund_and_return_no_longer_needed_reason","at":"2024-03-11T10:00:00Z"}]'
}

@test "tiktok returns: not asked for without --orders; a return without a status is exit 65 naming the page" {
	tt_env
	fixture_reset
	fixture_push $TT_ORDERS "$(file tiktok orders-empty.json)" "$(file tiktok orders-empty.json)"
	fixture_push $TT_CONVS "$(file tiktok conversations-empty.json)"
	fixture_push $TT_RETURNS "$(file tiktok returns-no-status.json)"
	run omni-fetch "tiktok:$FX/tt"
	assert_success
	run jq -r 'select(.path == "'$TT_RETURNS'") | .body' <<<"$(fixture_requests)"
	assert_output ''
	run omni-fetch --orders "tiktok:$FX/tt"
	assert_failure 65
	assert_output 'omni-fetch: tiktok: page 1: return 1: not a return (each needs return_id, order_id and return_status)'
}

@test "tiktok: a malformed page and an order without status are exit 65 naming source and page" {
	tt_env
	fixture_push $TT_ORDERS "$(file tiktok orders-1.json)" "$(file tiktok orders-truncated.json)" "$(file tiktok orders-no-status.json)"
	run omni-fetch --orders "tiktok:$FX/tt"
	assert_failure 65
	assert_output --regexp '^omni-fetch: tiktok: page 2: bad json at line'
	run omni-fetch --all --orders "tiktok:$FX/tt"
	assert_failure 65
	assert_output 'omni-fetch: tiktok: page 1: order 1: not an order (each needs id, status and update_time)'
}

@test "tiktok: 401 and an expired-token envelope are exit 77 without the token or the secret under -vv; no secret is 78" {
	tt_env
	fixture_push $TT_ORDERS '{"status":401,"body":"{\"code\":105001,\"message\":\"Invalid credentials\"}"}' "$(file tiktok token-expired.json)"
	run omni-fetch -vv "tiktok:$FX/tt"
	assert_failure 77
	assert_output --partial 'omni-fetch: tiktok: page 1: 401 unauthorized'
	assert_output --partial '> x-tts-access-token: [redacted]'
	refute_output --partial "$TT_TOKEN"
	refute_output --partial "$TT_SECRET"
	run omni-fetch "tiktok:$FX/tt"
	assert_failure 77
	assert_output 'omni-fetch: tiktok: page 1: tiktok error 105002: Expired credentials. The access token has expired. (check OMNI_TIKTOK_TOKEN and OMNI_TIKTOK_SECRET)'
	unset OMNI_TIKTOK_SECRET
	run omni-fetch "tiktok:$FX/tt"
	assert_failure 78
	assert_output 'omni-fetch: tiktok: missing secret: set OMNI_TIKTOK_SECRET_FILE or OMNI_TIKTOK_SECRET'
}

@test "tiktok: a configured source's shop_cipher is sent and signed; its own secrets first" {
	mkdir -p "$XDG_CONFIG_HOME/omni"
	printf '[source tt-us]\nuri = tiktok:%s\nshop_cipher = GCP_XF90igAAAABh00qsWgtvOiGFNqyubMt3\nstore = us\n' "$FX/tt" \
		>"$XDG_CONFIG_HOME/omni/omni.conf"
	export OMNI_TT_US_APP_KEY=$TT_KEY OMNI_TT_US_SECRET=$TT_SECRET OMNI_TT_US_TOKEN=$TT_TOKEN
	tt_no_returns
	fixture_push $TT_ORDERS "$(file tiktok orders-2.json)"
	fixture_push $TT_CONVS "$(file tiktok conversations-empty.json)"
	run omni-fetch --orders tt-us
	assert_success
	run jq -r '.query | sub("timestamp=[0-9]+&"; "") | sub("&sign=.*"; "")' <<<"$(fixture_requests)"
	assert_line --index 0 'app_key=6abc123def456&shop_cipher=GCP_XF90igAAAABh00qsWgtvOiGFNqyubMt3&page_size=50&sort_field=update_time&sort_order=ASC'
	assert_line --index 1 'app_key=6abc123def456&shop_cipher=GCP_XF90igAAAABh00qsWgtvOiGFNqyubMt3&page_size=50&sort_field=update_time&sort_order=ASC'
	run tt_signs
	assert_output '3 ok'
	run sqlite3 "$OMNI_DB" "SELECT store, order_id FROM orders"
	assert_output 'us|576653688135258180'
}

# --- Stock beside the ticket ----------------------------------------------

@test "stock: BigCommerce's catalog for the products of each page: counts, variants, untracked, preorder; on the ticket's items" {
	fixture_push /stores/x7k2mq9p1d/v2/orders "$(file bigcommerce orders-1.json)" \
		"$(file bigcommerce orders-2.json)" "$NOCONTENT"
	bc_shipments
	fixture_push /stores/x7k2mq9p1d/v3/catalog/products "$(file bigcommerce catalog-products-1.json)" \
		"$(file bigcommerce catalog-products-2.json)"
	run omni-fetch --now 2024-03-10T10:00:00Z --orders "bigcommerce:$BC/"
	assert_success
	run sqlite3 "$OMNI_DB" "SELECT channel, sku, coalesce(CAST(available AS TEXT), '-'), status, coalesce(restock_at, '-') FROM stock ORDER BY sku"
	assert_output - <<-'EOF'
	bigcommerce|CAP|-|in_stock|-
	bigcommerce|LAMP|0|backorder|2024-03-20T00:00:00Z
	bigcommerce|MUG-BLU|14|in_stock|-
	bigcommerce|TEE-L|3|in_stock|-
	bigcommerce|TEE-M|0|out_of_stock|-
	EOF
	run bash -c "jq -nc '{omni: 1, id: \"mail:s1\", channel: \"email\", kind: \"message\",
		customer: {emails: [\"dev.patel@example.net\"]}, messages: [{id: \"s1\", direction: \"in\",
		author: \"customer\", at: \"2024-03-10T10:00:00Z\", text: \"order #219: is the T-shirt back?\"}]}' |
		omni-link | jq -c '[.orders[0].items[] | [.sku, .stock.status, .stock.available]]'"
	assert_output '[["TEE-M","out_of_stock",0],["CAP","in_stock",null]]'
}

@test "stock: WooCommerce products of the page; a token that may not read products skips the stock, not the run" {
	export OMNI_WOOCOMMERCE_TOKEN=$WC_KEY:$WC_SECRET
	fixture_push $WC_PATH "$(wc_page orders-1.json 1)"
	fixture_push /shop/wp-json/wc/v3/products "$(file woocommerce products.json)"
	run omni-fetch --orders "woocommerce:$FX/shop"
	assert_success
	run sqlite3 "$OMNI_DB" "SELECT sku, available, status FROM stock ORDER BY sku"
	assert_output $'MUG-BLU|2|in_stock\nTEE-M|0|backorder'
	store_remove
	fixture_reset
	fixture_push $WC_PATH "$(wc_page orders-1.json 1)"
	fixture_push /shop/wp-json/wc/v3/products '{"status":403,"body":"{\"code\":\"woocommerce_rest_cannot_view\"}"}'
	run omni-fetch -vv --orders "woocommerce:$FX/shop"
	assert_success
	assert_output --partial 'omni-fetch: stock skipped: '
	run sqlite3 "$OMNI_DB" "SELECT count(*) FROM orders; SELECT count(*) FROM stock"
	assert_output $'2\n0'
}
