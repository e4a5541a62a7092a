#!/usr/bin/env bats
# omni-fetch follows a page the server names (Shopify's Link rel=next,
# Meta's paging.next, eBay's next, a cursor saved mid-run) only on the
# API's own origin: a link to another port or host stops the source
# (exit 76) and the token never goes there.  Two fixture servers on
# loopback: the API, and "elsewhere", which must receive nothing.

load test_helper
bats_require_minimum_version 1.5.0
eval "helper_$(declare -f setup)"

API=/admin/api/2024-10/orders.json
TOKEN=shpat_origin_secret_0123

setup_file() {
	fixture_start
	fixture_start other
}

teardown_file() {
	fixture_stop
	fixture_stop other
}

setup() {
	helper_setup
	fixture_reset
	OTHER=$(fixture_url other)
	curl -sf -X POST "$OTHER/_reset" >/dev/null
	export OMNI_HTTP_BACKOFF=0.01 OMNI_HTTP_RETRIES=2
}

# What "elsewhere" received: nothing, ever.
nothing_elsewhere() {
	run curl -sf "$OTHER/_requests"
	assert_output ''
}

shopify_page() {   # shopify_page FILE LINK-URL
	jq -cn --arg f "$FIXTURES/api/shopify/$1" --arg l "<$2>; rel=\"next\"" \
		'{status:200,file:$f,headers:{Link:$l}}'
}

@test "shopify: a Link rel=next to another port is not followed: exit 76, the token stays home, the cursor stays" {
	export OMNI_SHOPIFY_TOKEN=$TOKEN
	fixture_push /shopify$API "$(shopify_page orders-1.json "$OTHER/shopify$API?page_info=stolen")"
	run --separate-stderr omni-fetch --orders "shopify:$FX/shopify"
	assert_failure 76
	[ "$stderr" = "omni-fetch: shopify: page 1: the next page is on $OTHER, not on the API's origin $FX: not followed, the token stays home" ]
	nothing_elsewhere
	run sqlite3 "$OMNI_DB" "SELECT count(*) FROM orders; SELECT count(*) FROM cursors"
	assert_output $'0\n0'
}

@test "shopify: another scheme, host, user info or a backslash is another origin; the same origin spelled otherwise is followed" {
	export OMNI_SHOPIFY_TOKEN=$TOKEN
	local port=${FX##*:} bad
	for bad in "https://127.0.0.1:$port/shopify$API" "http://localhost:$port/shopify$API" \
		"http://x@127.0.0.1:$port/shopify$API" "http://127.0.0.1:$port\\@127.0.0.1:1/x" \
		"//127.0.0.1:$port/shopify$API" "$OTHER/shopify$API"; do
		fixture_reset
		fixture_push /shopify$API "$(shopify_page orders-1.json "$bad")"
		run --separate-stderr omni-fetch --all "shopify:$FX/shopify"
		assert_failure 76
		[[ $stderr == *"not on the API's origin $FX"* ]] || fail "$bad: $stderr"
	done
	nothing_elsewhere
	fixture_reset
	fixture_push /shopify$API "$(shopify_page orders-1.json "HTTP://127.0.0.1:$port/shopify$API?page_info=b")" \
		"$(jq -cn --arg f "$FIXTURES/api/shopify/orders-empty.json" '{status:200,file:$f}')"
	run omni-fetch --all "shopify:$FX/shopify"
	assert_success
	run jq -r .query <<<"$(curl -sf "$FX/_requests")"
	assert_line --index 1 'page_info=b'
}

@test "shopify: a cursor that names another origin is not followed either" {
	export OMNI_SHOPIFY_TOKEN=$TOKEN
	fixture_push /shopify$API "$(shopify_page orders-1.json "{base}/shopify$API?page_info=abc")" \
		'{"status":500,"body":"{}"}' '{"status":500,"body":"{}"}' '{"status":500,"body":"{}"}'
	run omni-fetch "shopify:$FX/shopify"
	assert_failure
	run sqlite3 "$OMNI_DB" "SELECT value FROM cursors"
	assert_output --partial '"next":"http://127.0.0.1:'
	sqlite3 "$OMNI_DB" "UPDATE cursors SET value = replace(value, '$FX/shopify', '$OTHER/shopify')"
	run --separate-stderr omni-fetch "shopify:$FX/shopify"
	assert_failure 76
	[[ $stderr == *"page 1: the next page is on $OTHER, not on the API's origin $FX"* ]]
	nothing_elsewhere
}

@test "meta: a paging.next to another port is not followed: exit 76, no request there" {
	export OMNI_META_TOKEN=EAAGorigin0123
	local body
	body=$(jq -cn --arg n "$OTHER/meta/v21.0/104728395561832/conversations?after=x&access_token=EAAGorigin0123" \
		'{data: [], paging: {next: $n}}' | jq -Rc '{status: 200, body: .}')
	fixture_push /meta/v21.0/104728395561832/conversations "$body"
	run --separate-stderr omni-fetch "meta:$FX/meta/104728395561832"
	assert_failure 76
	[ "$stderr" = "omni-fetch: meta: page 1: the next page is on $OTHER, not on the API's origin $FX: not followed, the token stays home" ]
	nothing_elsewhere
	run sqlite3 "$OMNI_DB" "SELECT count(*) FROM cursors"
	assert_output 0
}

@test "ebay: a next to another port is not followed: exit 76, no request there" {
	export OMNI_EBAY_TOKEN=v1-origin-token
	local body
	body=$(jq -c --arg n "$OTHER/ebay/sell/fulfillment/v1/order?offset=2" '.next = $n | .orders = []' \
		"$FIXTURES/api/ebay/orders-1.json" | jq -Rc '{status: 200, body: .}')
	fixture_push /ebay/sell/fulfillment/v1/order "$body"
	run --separate-stderr omni-fetch --orders "ebay:$FX/ebay/"
	assert_failure 76
	[[ $stderr == *"omni-fetch: ebay: orders page 1: the next page is on $OTHER, not on the API's origin $FX: not followed, the token stays home"* ]] || fail "$stderr"
	nothing_elsewhere
}
