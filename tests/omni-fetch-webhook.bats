#!/usr/bin/env bats
# omni-fetch --webhook: signatures checked against the official vectors of
# SIGNATURES.txt, saved deliveries with their headers, repeated deliveries.

load test_helper

W=$BATS_TEST_DIRNAME/fixtures/api/webhooks
SHOPIFY_SIG='X-Shopify-Hmac-Sha256: DTqhs8TO796B43uvMJiN+IqjEaInsgy5K8FbNv0KNBQ='

shopify() {
	OMNI_SHOPIFY_SECRET=shpss_test_webhook_secret_0001 omni-fetch --webhook shopify "$@"
}

@test "shopify: the official signature of refunds/create verifies; the refund goes into the store" {
	run shopify --orders -H "$SHOPIFY_SIG" "$REFERENCE/shopify-webhook-refunds-create.json"
	assert_success
	assert_output ''
	run sqlite3 "$OMNI_DB" "SELECT o.order_id, r.amount FROM refunds r JOIN orders o ON o.rowid = r.order_rowid"
	assert_output '5829384756103|25.98'
}

@test "shopify: the secret from OMNI_SHOPIFY_SECRET_FILE; the other fixture's signature verifies too" {
	printf 'shpss_test_webhook_secret_0001\n' >"$BATS_TEST_TMPDIR/secret"
	OMNI_SHOPIFY_SECRET_FILE=$BATS_TEST_TMPDIR/secret run omni-fetch --orders --webhook shopify \
		-H 'X-Shopify-Hmac-Sha256: WwQ+ZBKIzWx6drO9Lg9oisgHhwOAX2/VI1ztA5rNLr4=' \
		"$REFERENCE/shopify-webhook-fulfillments-update.json"
	assert_success
	run sqlite3 "$OMNI_DB" "SELECT count(*) FROM fulfillments"
	assert_output 1
}

@test "shopify: a bad signature emits and stores nothing: exit 77" {
	run shopify --orders -H "$SHOPIFY_SIG" "$REFERENCE/shopify-webhook-fulfillments-update.json"
	assert_failure 77
	assert_output --partial 'shopify-webhook-fulfillments-update.json: shopify webhook: bad signature (X-Shopify-Hmac-Sha256)'
	run sqlite3 "$OMNI_DB" "SELECT count(*) FROM orders"
	assert_output 0
}

@test "shopify: one changed byte in the body fails the signature" {
	sed 's/25.98/25.99/' "$REFERENCE/shopify-webhook-refunds-create.json" >"$BATS_TEST_TMPDIR/body.json"
	run shopify --orders -H "$SHOPIFY_SIG" "$BATS_TEST_TMPDIR/body.json"
	assert_failure 77
}

@test "shopify: no signature header is exit 77; no secret is exit 78" {
	run shopify "$REFERENCE/shopify-webhook-refunds-create.json"
	assert_failure 77
	assert_output --partial 'shopify webhook: no valid X-Shopify-Hmac-Sha256 header'
	run omni-fetch --webhook shopify -H "$SHOPIFY_SIG" "$REFERENCE/shopify-webhook-refunds-create.json"
	assert_failure 78
	assert_output --partial 'missing secret: set OMNI_SHOPIFY_SECRET_FILE or OMNI_SHOPIFY_SECRET'
}

@test "shopify: a saved delivery with its request line and headers; a repeated delivery (same event id) is dropped" {
	run shopify --orders "$W/shopify-refunds-create.http"
	assert_success
	run sqlite3 "$OMNI_DB" "SELECT key FROM fetch_seen WHERE source = 'webhook:shopify'"
	assert_output 'event:98880550-7158-44d4-b7cd-2c97c8a091b5'
	run shopify -v --orders "$W/shopify-refunds-create.http"
	assert_success
	assert_output --partial 'a repeated delivery (event:98880550-7158-44d4-b7cd-2c97c8a091b5): skipped'
	run shopify --all --orders "$W/shopify-refunds-create.http"
	assert_success
	refute_output --partial 'repeated'
}

@test "meta: X-Hub-Signature-256 over the raw bytes; the delivery from stdin, headers in the file" {
	OMNI_META_SECRET=test_app_secret_0123456789abcdef run omni-fetch --webhook meta <"$W/meta-messenger.http"
	assert_success
	run jq -r .channel <<<"$output"
	assert_output $'facebook\nfacebook'
}

@test "meta: the Instagram fixture's official signature; a wrong secret is exit 77" {
	local sig='X-Hub-Signature-256: sha256=e78242427ed8ce4f4134439a0a3767f3171f599a0cf62d4de38e397fe8735c07'
	OMNI_META_SECRET=test_app_secret_0123456789abcdef run omni-fetch --webhook meta -H "$sig" \
		"$REFERENCE/meta-instagram-webhook.json"
	assert_success
	run jq -r .channel <<<"$output"
	assert_output --partial instagram
	OMNI_META_SECRET=not-the-secret run omni-fetch --webhook meta -H "$sig" \
		"$REFERENCE/meta-instagram-webhook.json"
	assert_failure 77
	assert_output --partial 'meta webhook: bad signature'
	refute_output --partial '{"omni"'
}

@test "tiktok: the official test vector (app_key abcdef, secret 123); the order status into the store" {
	OMNI_TIKTOK_SECRET=123 OMNI_TIKTOK_APP_KEY=abcdef run omni-fetch --orders --webhook tiktok \
		-H 'Authorization: 5dec0f11ec2f6783b8deee53c9ffbf8d024302f7c7e7fa55a35d17629031ac05' \
		"$REFERENCE/tiktok-webhook-order-status.json"
	assert_success
	# in the words the API's orders are kept in: UNPAID is open, not paid
	run sqlite3 "$OMNI_DB" "SELECT channel, order_id, number, status, financial_status, updated_at FROM orders"
	assert_output 'tiktok|576653688135258178|576653688135258178|open|pending|2024-06-13T19:06:25Z'
}

woocommerce() {
	OMNI_WOOCOMMERCE_SECRET=wc_webhook_secret_0001 omni-fetch --webhook woocommerce "$@"
}

@test "woocommerce: an order.updated delivery (a REST v3 order) verifies and goes into the store with its refund and tracking items" {
	run woocommerce --orders "$W/woocommerce-order-updated.http"
	assert_success
	assert_output ''
	run sqlite3 "$OMNI_DB" "SELECT channel, order_id, number, status, financial_status, total, currency, customer_name, customer_email, customer_postcode, placed_at, updated_at, items FROM orders"
	assert_output 'woocommerce|5311|#5311|open|partially_refunded|45.50|EUR|Dev Patel|dev.patel@example.net|60311|2024-03-02T00:05:55Z|2024-03-08T09:12:40Z|[{"sku":"TEE-M","title":"T-shirt M","qty":1},{"sku":"CAP","title":"Cap","qty":1}]'
	# _wc_shipment_tracking_items: a provider's slug, and a custom provider with its link
	run sqlite3 "$OMNI_DB" "SELECT external_id, carrier, tracking_number, tracking_url, shipped_at FROM fulfillments ORDER BY shipped_at"
	assert_output - <<-'EOF'
	a81c4d2e9b0f|dhl|JD014600003828394999||2024-03-07T10:00:00Z
	c03f5e7a1b2d|Poste Italiane|RR123456785IT|https://www.poste.it/cerca/index.html#/risultati-spedizioni/RR123456785IT|2024-03-08T10:00:00Z
	EOF
	run sqlite3 "$OMNI_DB" "SELECT external_id, amount, currency, reason FROM refunds; SELECT key FROM fetch_seen"
	assert_output $'5330|20.00|EUR|Cap arrived damaged\nevent:5d1b6c0e4a7f8e2b9c3d0a1f6e4b7c21'
	# the same delivery again is dropped; without --orders the order is counted
	run woocommerce --orders "$W/woocommerce-order-updated.http"
	assert_success
	run woocommerce --all "$W/woocommerce-order-updated.http"
	assert_success
	assert_output --partial 'woocommerce: 4 orders skipped'
}

@test "woocommerce: the body given apart with -H; a changed byte fails the signature: exit 77, nothing stored" {
	local body=$BATS_TEST_TMPDIR/body sig
	sed '1,/^\r$/d' "$W/woocommerce-order-updated.http" >"$body"
	sig=$(sed -n 's/^X-WC-Webhook-Signature: \(.*\)\r$/\1/p' "$W/woocommerce-order-updated.http")
	run woocommerce --orders -H "X-WC-Webhook-Signature: $sig" "$body"
	assert_success
	run sqlite3 "$OMNI_DB" "SELECT count(*) FROM orders"
	assert_output 1
	store_remove
	sed -i 's/"45.50"/"45.51"/' "$body"
	run woocommerce --orders -H "X-WC-Webhook-Signature: $sig" "$body"
	assert_failure 77
	assert_output --partial 'woocommerce webhook: bad signature (X-WC-Webhook-Signature)'
	run sqlite3 "$OMNI_DB" "SELECT count(*) FROM orders"
	assert_output 0
}

@test "woocommerce: the ping sent when a webhook is saved is accepted and stores nothing" {
	local body=$BATS_TEST_TMPDIR/ping sig
	printf 'webhook_id=12' >"$body"
	sig=$(python3 -c 'import hmac,hashlib,base64,sys; print(base64.b64encode(hmac.new(b"wc_webhook_secret_0001", open(sys.argv[1],"rb").read(), hashlib.sha256).digest()).decode())' "$body")
	run woocommerce --orders -H "X-WC-Webhook-Signature: $sig" "$body"
	assert_success
	assert_output ''
}

@test "a long secret (over 64 bytes) is hashed first, as HMAC says" {
	local secret body=$REFERENCE/meta-messenger-webhook.json sig
	secret=$(printf 'k%.0s' $(seq 100))
	sig=$(python3 -c 'import hmac,hashlib,sys; print(hmac.new(sys.argv[2].encode(), open(sys.argv[1],"rb").read(), hashlib.sha256).hexdigest())' "$body" "$secret")
	OMNI_META_SECRET=$secret run omni-fetch --webhook meta -H "X-Hub-Signature-256: sha256=$sig" "$body"
	assert_success
}

@test "--webhook with an unknown kind, --header without --webhook: usage errors" {
	run omni-fetch --webhook ebay x.json
	assert_failure 64
	assert_output --partial "unknown webhook kind 'ebay'"
	run omni-fetch -H 'X-A: b' "file:$REFERENCE/meta-messenger-webhook.json"
	assert_failure 64
	assert_output --partial '--header needs --webhook'
}
