#!/usr/bin/env bats
# A ticket that names an order gets it attached, whatever the platform the
# order came from: each connector keeps the number in its platform's one
# form (lib/order/ordernum.c) and omni-link looks it up in every form.
# The APIs are replayed by tests/fixture-server on loopback.

load test_helper
eval "helper_$(declare -f setup)"

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
}

file() {
	jq -cn --arg f "$FIXTURES/api/$1/$2" --argjson h "${3:-{\}}" '{status:200,file:$f,headers:$h}'
}

# An e-mail from someone who names an order in her words, linked: the
# channel, number and verification of each order attached.
attached() {
	jq -nc --arg text "$1" '{omni: 1, id: "mail:q1", channel: "email", store: null,
		kind: "message", source: {name: "mail", external_id: "q1", thread_key: "q1"},
		subject: "Question", created_at: "2024-03-10T10:00:00Z",
		updated_at: "2024-03-10T10:00:00Z", customer: {emails: ["someone@example.com"]},
		messages: [{id: "m-q1", direction: "in", author: "customer",
		            at: "2024-03-10T10:00:00Z", text: $text, channel: "email"}]}' |
		omni-link | jq -c '[.order_ids, [.orders[] | [.channel, .number]]]'
}

@test "shopify: a ticket naming #1061 gets the order" {
	omni-fetch --orders "file:$TOP/share/omni/samples/shopify/orders-acme.json"
	run attached "Hi, where is my order #1061?"
	assert_output '[["#1061"],[["shopify","#1061"]]]'
}

@test "bigcommerce: a ticket naming order #218 gets the order" {
	omni-fetch --orders "file:$REFERENCE/bigcommerce-orders-v2.json"
	run attached "About my order #218, please."
	assert_output '[["#218"],[["bigcommerce","#218"]]]'
}

@test "woocommerce: a ticket naming commande 5311 gets the order" {
	export OMNI_WOOCOMMERCE_TOKEN=ck_0123456789abcdef:cs_fedcba9876543210_secret
	fixture_push /shop/wp-json/wc/v3/orders \
		"$(file woocommerce orders-1.json '{"X-WP-TotalPages":"1"}')"
	omni-fetch --orders "woocommerce:$FX/shop"
	run attached "Bonjour, ma commande 5311 est incomplète."
	assert_output '[["#5311"],[["woocommerce","#5311"]]]'
}

@test "walmart: a ticket naming the customer order number gets the order" {
	export OMNI_WALMART_TOKEN=wm-client-0001:wm_client_secret_0123456789
	fixture_push /walmart/v3/token "$(file walmart token.json)"
	fixture_push /walmart/v3/orders "$(file walmart orders-1.json)" "$(file walmart orders-2.json)"
	fixture_push /walmart/v3/returns "$(file walmart returns-1.json)" "$(file walmart returns-2.json)"
	omni-fetch --orders "walmart:$FX/walmart/"
	run sqlite3 "$OMNI_DB" "SELECT number FROM orders WHERE order_id = '1796277083023'"
	assert_output 5281956426649
	run attached "My Walmart order number 5281956426649 arrived broken."
	assert_output '[["5281956426649"],[["walmart","5281956426649"]]]'
	# with its return and refund from the Returns API
	run bash -c "jq -nc '{omni: 1, id: \"mail:q2\", channel: \"email\", kind: \"message\", customer: {emails: [\"a@example.com\"]},
		messages: [{id: \"m-q2\", direction: \"in\", author: \"customer\", at: \"2024-03-13T10:00:00Z\",
		text: \"Walmart order 5281956426649: refund?\"}]}' | omni-link | jq -c '.orders[0] | [.returns[].status, .refunds[].amount]'"
	assert_output '["refunded","18.50"]'
}

@test "tiktok: a ticket naming the order id gets the order" {
	export OMNI_TIKTOK_APP_KEY=6abc123def456 OMNI_TIKTOK_SECRET=tt_app_secret_0123456789abcdef
	export OMNI_TIKTOK_TOKEN=ROW_tt_access_token_0123456789
	fixture_push /tt/order/202309/orders/search "$(file tiktok orders-1.json)" "$(file tiktok orders-2.json)"
	fixture_push /tt/customer_service/202309/conversations "$(file tiktok conversations-empty.json)"
	fixture_push /tt/return_refund/202309/returns/search "$(file tiktok returns-1.json)" "$(file tiktok returns-2.json)"
	omni-fetch --orders "tiktok:$FX/tt/"
	run sqlite3 "$OMNI_DB" "SELECT number FROM orders WHERE order_id = '576653688135258179'"
	assert_output 576653688135258179
	run attached "TikTok Shop order ID: 576653688135258179 never came"
	assert_output '[["576653688135258179"],[["tiktok","576653688135258179"]]]'
	# with its return and refund from the return/refund search
	run bash -c "jq -nc '{omni: 1, id: \"mail:q2\", channel: \"email\", kind: \"message\", customer: {emails: [\"a@example.com\"]},
		messages: [{id: \"m-q2\", direction: \"in\", author: \"customer\", at: \"2024-03-13T10:00:00Z\",
		text: \"TikTok order 576653688135258179: refund?\"}]}' | omni-link | jq -c '.orders[0] | [.returns[].status, .refunds[].amount]'"
	assert_output '["refunded","45.50"]'
	# the order card of a TikTok conversation names it without a '#'
	run bash -c "omni-link <<<'$(jq -nc '{omni: 1, id: "tiktok:c1", channel: "tiktok",
		store: null, kind: "message", customer: {handles: {tiktok: "7494"}},
		order_ids: ["576653688135258180"], messages: [{id: "t1", direction: "in",
		author: "customer", at: "2024-03-10T10:00:00Z", text: "hi", channel: "tiktok"}]}')' |
		jq -c '[.orders[] | [.channel, .number]]'"
	assert_output '[["tiktok","576653688135258180"]]'
}

@test "amazon: a ticket naming 113-4827365-1029384 gets the order" {
	omni-fetch --orders "file:$REFERENCE/amazon-getorders.json"
	run attached "Order 113-4827365-1029384 has not arrived"
	assert_output '[["113-4827365-1029384"],[["amazon","113-4827365-1029384"]]]'
}

@test "ebay: a ticket naming 14-11203-58847 gets the order" {
	omni-fetch --orders "file:$FIXTURES/api/ebay/orders-1.json"
	run attached "eBay order 14-11203-58847: wrong size"
	assert_output '[["14-11203-58847"],[["ebay","14-11203-58847"]]]'
}

# --- products named in a question ------------------------------------------

# A question from PERSON with TEXT, linked: the products it names.
asks() {
	jq -nc --arg text "$2" --arg who "$1" '{omni: 1, id: "mail:\($who)", channel: "email", store: null,
		kind: "message", customer: {emails: ["\($who)@example.com"]},
		messages: [{id: "m-\($who)", direction: "in", author: "customer",
		            at: "2026-12-01T10:00:00Z", text: $text, channel: "email"}]}' |
		omni-link | jq -c --arg who "$1" 'select(.merged_from[0] == "mail:\($who)") | [.products[]? | [.sku, .title, .status, .available]]'
}

@test "products: a question naming a SKU or a catalogue title carries the stock the shop has of it; part of a word names nothing" {
	# no stock in the store: no member
	run asks q0 "Is MB-OS-FOR in stock?"
	assert_output '[]'
	omni-fetch --orders --now 2026-12-01T09:00:00Z "file:$FIXTURES/api/shopify/products.json"
	run asks q1 "Hi, is MB-OS-FOR in stock?"
	assert_output '[["MB-OS-FOR","Merino beanie","in_stock",null]]'
	# a title names every SKU that has it, in any case
	run asks q2 "Do you still have the TRAIL SHORTS in medium?"
	assert_output '[["TRS-L-SND","Trail shorts","in_stock",4],["TRS-M-CHR","Trail shorts","out_of_stock",0]]'
	# neither a longer SKU nor a word that holds it, nor our own words
	run asks q3 "Is MB-OS-FOR-2 back? What about smb-os-for or merino beanies?"
	assert_output '[]'
	run bash -c "jq -nc '{omni: 1, id: \"mail:q4\", channel: \"email\", kind: \"message\",
		customer: {emails: [\"q4@example.com\"]}, messages: [{id: \"m-q4\", direction: \"out\", author: \"agent\",
		at: \"2026-12-01T10:00:00Z\", text: \"The Merino beanie is back.\"}]}' | omni-link | jq -c 'select(.merged_from[0] == \"mail:q4\") | .products'"
	assert_output 'null'
	# only the stock of the ticket's store, when it has one
	run bash -c "jq -nc '{omni: 1, id: \"mail:q5\", channel: \"email\", store: \"other-shop\", kind: \"message\",
		customer: {emails: [\"q5@example.com\"]}, messages: [{id: \"m-q5\", direction: \"in\", author: \"customer\",
		at: \"2026-12-01T10:00:00Z\", text: \"Merino beanie?\"}]}' | omni-link | jq -c 'select(.merged_from[0] == \"mail:q5\") | [.products[]?.sku]'"
	assert_output '["MB-OS-FOR"]'
	sqlite3 "$OMNI_DB" "UPDATE stock SET store = 'acme'"
	run bash -c "jq -nc '{omni: 1, id: \"mail:q6\", channel: \"email\", store: \"other-shop\", kind: \"message\",
		customer: {emails: [\"q6@example.com\"]}, messages: [{id: \"m-q6\", direction: \"in\", author: \"customer\",
		at: \"2026-12-01T10:00:00Z\", text: \"Merino beanie?\"}]}' | omni-link | jq -c 'select(.merged_from[0] == \"mail:q6\") | [.products[]?.sku]'"
	assert_output '[]'
}
