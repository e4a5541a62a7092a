#!/usr/bin/env bats
# omni-fetch file:PATH - saved API responses and webhook deliveries:
# Meta (Instagram, Messenger) and eBay messages as tickets; Shopify and
# BigCommerce orders, fulfilments and refunds into the store with --orders.

load test_helper

F=$FIXTURES/fetch/file

db() {
	sqlite3 "$OMNI_DB" "$@"
}

# ---- Meta ----

@test "an Instagram dump: one ticket per message, a retried delivery once" {
	run omni-fetch "file:$F/instagram-dump.ndjson"
	assert_success
	run jq -r '[.id, .messages[0].direction, .messages[0].author, .customer.handles.instagram] | join(" ")' <<<"$output"
	# line 3 repeats line 1; reactions, read receipts and a deleted message make nothing
	assert_output - <<-EOF
	file:aWdf_mid_001 in customer 7325591803362871
	file:aWdf_mid_002 out agent 7325591803362871
	file:aWdf_mid_003 in customer 5512345678901234
	EOF
}

@test "a Meta time that is none (null, 0, negative, NaN-like, a word) falls back to the entry's, else is unknown, never 1970 or a year before the calendar" {
	local ev='{"object":"instagram","entry":[{"time":%s,"id":"178","messaging":[{"sender":{"id":"73"},"recipient":{"id":"178"},"timestamp":%s,"message":{"mid":"m%s","text":"hi"}}]}]}'
	{
		printf "$ev\n" 1709800000500 null 1
		printf "$ev\n" 1709800000500 -1 2
		printf "$ev\n" null '"soon"' 3
		printf "$ev\n" 0 0 4
		printf "$ev\n" 1709800000500 1709800000100 5
	} >"$BATS_TEST_TMPDIR/t.ndjson"
	run omni-fetch "file:$BATS_TEST_TMPDIR/t.ndjson"
	assert_success
	run jq -c '[.source.external_id, .messages[0].at, .created_at]' <<<"$output"
	assert_output - <<-'EOF'
	["m1","2024-03-07T08:26:40.500Z","2024-03-07T08:26:40.500Z"]
	["m2","2024-03-07T08:26:40.500Z","2024-03-07T08:26:40.500Z"]
	["m3",null,null]
	["m4",null,null]
	["m5","2024-03-07T08:26:40.100Z","2024-03-07T08:26:40.100Z"]
	EOF
	# and every stage takes what it wrote
	run bash -c "omni-fetch 'file:$BATS_TEST_TMPDIR/t.ndjson' | omni-route --now 2024-03-08T00:00:00Z | omni-report -f json --now 2024-03-08T00:00:00Z"
	assert_success
	# -1e999 is no number JSON can hold: the line is refused, named
	printf "$ev\n" 1709800000500 -1e999 6 >"$BATS_TEST_TMPDIR/u.ndjson"
	run omni-fetch "file:$BATS_TEST_TMPDIR/u.ndjson"
	assert_failure 65
	assert_output --regexp "^omni-fetch: $BATS_TEST_TMPDIR/u.ndjson:1:[0-9]+: real number overflow"
}

@test "an Instagram message becomes a ticket with source, customer, order ids and attachments" {
	run omni-fetch --store acme "file:$F/instagram-dump.ndjson"
	assert_success
	run jq -c 'select(.id == "file:aWdf_mid_001") | [.omni, .channel, .store, .kind, .source, .customer, .order_ids, .created_at, .updated_at]' <<<"$output"
	assert_output '[1,"instagram","acme","message",{"name":"file","external_id":"aWdf_mid_001","thread_key":"instagram:17841405822304914:7325591803362871","url":null,"page_id":"17841405822304914"},{"handles":{"instagram":"7325591803362871"}},["#1044"],"2024-03-07T08:26:40.100Z","2024-03-07T08:26:40.100Z"]'
	run jq -c 'select(.id == "file:aWdf_mid_003") | .messages[0] | [.id, .at, .text, .attachments, .channel]' <<<"$(omni-fetch --all "file:$F/instagram-dump.ndjson")"
	assert_output '["aWdf_mid_003","2024-03-07T08:28:40.100Z","Do you ship to Canada? ça va",[{"content_type":"image","url":"https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1"}],"instagram"]'
}

@test "an echo is the business's own message, to the recipient, in the customer's thread" {
	run omni-fetch "file:$F/meta-instagram-webhook.json"
	assert_success
	run jq -r 'select(.messages[0].direction == "out") | [.messages[0].text, .source.thread_key] | join("|")' <<<"$output"
	assert_output 'Thanks Kim! Checking on it now.|instagram:17841405822304914:7325591803362871'
}

@test "a second run emits nothing; the seen marks are the mids" {
	run omni-fetch "file:$F/instagram-dump.ndjson"
	assert_success
	run omni-fetch "file:$F/instagram-dump.ndjson"
	assert_success
	assert_output ''
	run db "SELECT key FROM fetch_seen ORDER BY key"
	assert_output $'aWdf_mid_001\naWdf_mid_002\naWdf_mid_003'
}

@test "Meta deliveries one a line give the tickets, byte for byte, of the same deliveries pretty-printed" {
	# one a line they take the lazy reader; pretty-printed, jansson
	jq . "$F/meta-varied.ndjson" >"$BATS_TEST_TMPDIR/pretty.json"
	run omni-fetch --all "file:$F/meta-varied.ndjson"
	assert_success
	local fast=$output
	run omni-fetch --all "file:$BATS_TEST_TMPDIR/pretty.json"
	assert_success
	assert_equal "$fast" "$output"
	run jq -c '[.id, .channel, .customer.handles[], .messages[0].direction, .messages[0].text, (.messages[0].attachments | length), .order_ids, .messages[0].at]' <<<"$fast"
	assert_output - <<-'EOF'
	["file:mid.A1","instagram","7325591803362871","in","Hi! order #1044 and 113-4827365-1029384, any news?",0,["#1044","113-4827365-1029384"],"2024-03-06T15:16:40.987Z"]
	["file:mid.A2","instagram","7325591803362871","in",null,2,null,"2024-03-06T15:17:45.410Z"]
	["file:mid.A3","instagram","7325591803362871","out","Thanks Kim! Checking on it now.",0,null,"2024-03-06T15:17:45.990Z"]
	["file:m_esc1","facebook","24680135792468013","in","café \"quoted\" a/b\nline two \t tab 😀 and \u001f",0,null,"2024-03-06T15:18:19Z"]
	["file:m_B1","facebook","24680135792468013","in",null,0,null,"2024-03-06T15:20:00Z"]
	["file:m_B2","facebook",null,"in","no sender",0,null,"2024-03-06T15:20:01Z"]
	["file:m_C1","facebook","24680135792468013","in","numeric page id, string time",0,null,"2024-03-06T15:35:00Z"]
	["file:mid.D1","instagram","7325591803362871","in","Grüße — ¿dónde está mi pedido? 🙂",0,null,"2024-03-06T15:23:21Z"]
	["file:mid.E1","instagram","1","in","second wins",0,null,"2024-03-06T15:25:00Z"]
	EOF
	# a channel and a store given, the same either way
	run omni-fetch --all --channel chat --store acme "file:$F/meta-varied.ndjson"
	fast=$output
	run omni-fetch --all --channel chat --store acme "file:$BATS_TEST_TMPDIR/pretty.json"
	assert_equal "$fast" "$output"
	run jq -r '[.channel, .store, .source.thread_key] | join(" ")' <<<"$(head -1 <<<"$fast")"
	assert_output 'chat acme chat:17841405822304914:7325591803362871'
}

@test "Meta deliveries one a line: the seen marks are stored, a rerun emits nothing" {
	run omni-fetch "file:$F/meta-varied.ndjson"
	assert_success
	assert_equal "$(wc -l <<<"$output")" 9
	run db "SELECT count(*) FROM fetch_seen"
	assert_output 9
	run omni-fetch "file:$F/meta-varied.ndjson"
	assert_success
	assert_output ''
}

@test "Messenger deliveries are facebook tickets keyed by page and PSID" {
	run omni-fetch "file:$F/meta-messenger-webhook.json"
	assert_success
	run jq -r '[.channel, .source.thread_key, .customer.handles.facebook, (.order_ids // [] | join(","))] | join(" ")' <<<"$output"
	assert_output - <<-EOF
	facebook facebook:104728395561832:6901234567891234 6901234567891234 #1043
	facebook facebook:104728395561832:6901234567891234 6901234567891234 
	EOF
}

@test "file:- reads a delivery from stdin" {
	run bash -c "omni-fetch file:- <'$F/meta-messenger-webhook.json' | jq -r .id"
	assert_success
	assert_line --index 0 'file:m_Z3Vp6cW9yZGVyLTEwNDMtcmVmdW5kLXF1ZXN0aW9uLWZpeHR1cmUtbWlkLTAwMDAx'
}

# ---- streams, directories, errors ----

@test "pretty-printed documents one after another are all read" {
	run omni-fetch "file:$F/concatenated.json"
	assert_success
	assert [ "$(wc -l <<<"$output")" -eq 5 ]
	run jq -r .channel <<<"$output"
	assert_output $'facebook\nfacebook\ninstagram\ninstagram\ninstagram'
}

@test "a directory is read in byte order of names; dot-files and subdirectories are skipped" {
	run bash -c "omni-fetch 'file:$F/mixed' 2>/dev/null"
	assert_success
	run jq -r .channel <<<"$output"
	# C-messenger.json, a-ebay.json, b-instagram.ndjson, d-refund.json (an order)
	assert_output $'facebook\nfacebook\nebay\ninstagram\ninstagram\ninstagram'
	run bash -c "omni-fetch --all 'file:$F/mixed' 2>&1 >/dev/null"
	assert_output 'omni-fetch: file: 1 orders skipped; --orders puts them into the store'
}

@test "bad JSON on line 3 of a dump: file, line and column, exit 65" {
	run bash -c "omni-fetch 'file:$F/instagram-malformed.ndjson' 2>'$BATS_TEST_TMPDIR/err'"
	assert_failure 65
	run cat "$BATS_TEST_TMPDIR/err"
	assert_output "omni-fetch: $F/instagram-malformed.ndjson:3:261: unexpected newline"
}

@test "with --keep-going the bad line goes verbatim to the reject file and the rest flows, exit 1" {
	run bash -c "omni-fetch -k -r '$BATS_TEST_TMPDIR/rej' 'file:$F/instagram-malformed.ndjson' 2>/dev/null"
	assert_failure 1
	run jq -r .id <<<"$output"
	assert_output $'file:aWdf_mid_001\nfile:aWdf_mid_002\nfile:aWdf_mid_005'
	sed -n 3p "$F/instagram-malformed.ndjson" >"$BATS_TEST_TMPDIR/line3"
	cmp "$BATS_TEST_TMPDIR/line3" "$BATS_TEST_TMPDIR/rej"
}

@test "a truncated NDJSON line is reported on its own line, not the next" {
	printf '{"object":"page","entry":[]}\n{"object":"page","entry":[\n{"object":"page","entry":[]}\n' >"$BATS_TEST_TMPDIR/t.ndjson"
	run omni-fetch "file:$BATS_TEST_TMPDIR/t.ndjson"
	assert_failure 65
	assert_output --regexp "t\\.ndjson:2:[0-9]+: "
}

@test "a bad pretty-printed document is set aside whole, and the next one is read" {
	run bash -c "omni-fetch -k -r '$BATS_TEST_TMPDIR/rej' 'file:$F/pretty-bad.json' 2>'$BATS_TEST_TMPDIR/err'"
	assert_failure 1
	assert [ "$(wc -l <<<"$output")" -eq 5 ]
	run cat "$BATS_TEST_TMPDIR/err"
	assert_output --partial "pretty-bad.json:61:34: unexpected newline"
	run jq -r '.entry[0].messaging[0].message.mid' "$BATS_TEST_TMPDIR/rej"
	assert_failure   # the rejected document is the broken one, as it was
	run grep -c '"m_bad"' "$BATS_TEST_TMPDIR/rej"
	assert_output 1
	run head -c 1 "$BATS_TEST_TMPDIR/rej"
	assert_output '{'
}

@test "a document of no known shape is an error naming what it saw, exit 65" {
	run omni-fetch "file:$F/unrecognised.json"
	assert_failure 65
	assert_output "omni-fetch: $F/unrecognised.json:1:1: unrecognised payload: object with keys \"hello\", \"items\""
	run omni-fetch -k "file:$F/unrecognised.json"
	assert_failure 1
}

@test "BigCommerce webhook callbacks carry only ids: said so, exit 65" {
	run omni-fetch "file:$F/bigcommerce-webhooks.json"
	assert_failure 65
	assert_output --partial 'unrecognised payload: bigcommerce webhook "store/order/created" carries only ids'
}

@test "empty files, blank files and empty pages are nothing new" {
	: >"$BATS_TEST_TMPDIR/empty.json"
	printf ' \n\n' >"$BATS_TEST_TMPDIR/blank.json"
	printf '[]\n{"orders":[]}\n' >"$BATS_TEST_TMPDIR/pages.json"
	run omni-fetch "file:$BATS_TEST_TMPDIR/empty.json" "file:$BATS_TEST_TMPDIR/blank.json" \
		"file:$BATS_TEST_TMPDIR/pages.json"
	assert_success
	assert_output ''
}

# ---- eBay ----

@test "an eBay conversation: one ticket, the seller's replies outbound" {
	run omni-fetch "file:$F/ebay-message-conversation.json"
	assert_success
	run jq -r '[.id, .subject, .source.thread_key, .customer.handles.ebay, (.messages | map(.direction + "/" + .author) | join(","))] | join("|")' <<<"$output"
	assert_output 'file:6275165199019|Question about item 296012349999|ebay:gearhead.kl|gearhead.kl|in/customer,out/agent'
}

@test "a conversation page: latestMessage, both spellings, oldest first, order ids" {
	run omni-fetch "file:$F/ebay-conversations.json"
	assert_success
	run jq -c '[.id, .source.thread_key, .order_ids, [.messages[] | .id], .messages[0].attachments]' <<<"$output"
	assert_output - <<-'EOF'
	["file:208491463946","ebay:208491463946",["12-34567-89012"],["6275165199100"],[{"content_type":"image","url":"https://i.ebayimg.com/00/s/label.jpg","filename":"label.jpg"}]]
	["file:208491463947","ebay:208491463947",null,["6275165199200","6275165199201"],[]]
	EOF
}

@test "the configured seller decides which messages are ours" {
	mkdir -p "$XDG_CONFIG_HOME/omni"
	printf '[source ebay-acme]\nuri = file:%s\nseller = GEARHEAD.KL\n' \
		"$F/ebay-message-conversation.json" >"$XDG_CONFIG_HOME/omni/omni.conf"
	run omni-fetch ebay-acme
	assert_success
	run jq -r '[.id, .customer.handles.ebay, (.messages | map(.direction) | join(","))] | join(" ")' <<<"$output"
	assert_output 'ebay-acme:6275165199019 acme_outfitters out,in'
}

@test "a conversation seen before yields only its new messages" {
	run omni-fetch "file:$F/ebay-message-conversation.json"
	assert_success
	jq '.messages += [{"messageId":"3497560590099","messageBody":"Great, ordering now.","senderUsername":"gearhead.kl","recipientUsername":"acme_outfitters","createdDate":"2024-03-02T23:00:00.000Z"}]' \
		"$F/ebay-message-conversation.json" >"$BATS_TEST_TMPDIR/conv.json"
	cp "$BATS_TEST_TMPDIR/conv.json" "$BATS_TEST_TMPDIR/ebay.json"
	mkdir -p "$XDG_CONFIG_HOME/omni"
	printf '[source e]\nuri = file:%s\n' "$F/ebay-message-conversation.json" >"$XDG_CONFIG_HOME/omni/omni.conf"
	run omni-fetch e
	run omni-fetch e
	assert_output ''
	printf '[source e]\nuri = file:%s\n' "$BATS_TEST_TMPDIR/ebay.json" >"$XDG_CONFIG_HOME/omni/omni.conf"
	run omni-fetch e
	assert_success
	run jq -c '[.id, [.messages[].id]]' <<<"$output"
	assert_output '["e:6275165199019",["3497560590099"]]'
}

# ---- orders ----

@test "without --orders, orders are counted and left out of the store" {
	run bash -c "omni-fetch 'file:$F/shopify-orders.json' 2>&1 >'$BATS_TEST_TMPDIR/out'"
	assert_success
	assert_output 'omni-fetch: file: 3 orders skipped; --orders puts them into the store'
	assert [ ! -s "$BATS_TEST_TMPDIR/out" ]
	run db "SELECT count(*) FROM orders"
	assert_output 0
}

@test "Shopify orders: number, UTC times, totals as given, customer, items, tracking" {
	run omni-fetch --orders --store acme "file:$F/shopify-orders.json"
	assert_success
	assert_output ''
	run db "SELECT order_id, number, store, customer_ref, customer_name, customer_email, placed_at, status, financial_status, total, currency FROM orders ORDER BY number"
	assert_output - <<-EOF
	5829384756102|#1042|acme|7011223344556|Maria Gonzalez|maria.gonzalez@example.com|2024-03-01T22:22:10Z|open|paid|33.05|USD
	5829384756103|#1043|acme|7011223344557|Dev Patel|dev.patel@example.net|2024-03-02T00:05:55Z|open|partially_refunded|45.50|USD
	5829384756104|#1044|acme|7011223344558|Kim Lee|kim.lee+orders@example.org|2024-03-02T13:41:17Z|open|paid|102.33|USD
	EOF
	run db "SELECT o.number, f.carrier, f.tracking_number, f.status, f.shipped_at, coalesce(f.delivered_at, '-') FROM fulfillments f JOIN orders o ON o.rowid = f.order_rowid ORDER BY o.number"
	assert_output - <<-EOF
	#1042|UPS|1Z999AA10123456784|in_transit|2024-03-02T15:15:42Z|-
	#1043|USPS|9400111202555842761023|delivered|2024-03-02T17:01:09Z|2024-03-05T21:44:00Z
	EOF
	run db "SELECT items FROM orders WHERE number = '#1042'"
	assert_output '[{"sku":"TRS-M-CHR","title":"Trail Runner Sock - Medium / Charcoal","qty":2}]'
}

@test "a refund: its amount is the sum of its refund transactions, its reason the note" {
	run omni-fetch --orders "file:$F/shopify-webhook-refunds-create.json" \
		"file:$F/shopify-refund-two-transactions.json"
	assert_success
	run db "SELECT r.external_id, r.amount, r.currency, r.reason, r.at FROM refunds r ORDER BY r.at"
	assert_output - <<-EOF
	1019283746501|25.98|USD|Beanie arrived with a torn seam|2024-03-06T16:30:00Z
	1019283746502|15.60|USD|Late delivery: shipping refunded|2024-03-07T09:00:00Z
	EOF
}

@test "a fulfilment webhook for an unknown order keeps a thin order that the order fills later" {
	run omni-fetch --orders "file:$F/shopify-webhook-fulfillments-update.json"
	assert_success
	run db "SELECT channel, order_id, coalesce(number, '-'), coalesce(total, '-') FROM orders"
	assert_output 'shopify|5829384756103|-|-'
	run omni-fetch --orders "file:$F/shopify-orders.json"
	assert_success
	run db "SELECT o.number, o.total, count(f.external_id) FROM orders o LEFT JOIN fulfillments f ON f.order_rowid = o.rowid WHERE o.order_id = '5829384756103' GROUP BY o.number, o.total"
	assert_output '#1043|45.50|1'
}

# refuse_stock SKU: the store refuses to keep stock of SKU (a trigger
# raising an error: a statement failing in the middle of a source's writes)
refuse_stock() {
	if [ "${OMNI_TEST_DB:-}" = pg ]; then
		db "CREATE FUNCTION refuse_stock() RETURNS trigger LANGUAGE plpgsql AS \$\$
			BEGIN IF NEW.sku = '$1' THEN RAISE EXCEPTION 'no stock of $1 here'; END IF;
			RETURN NEW; END \$\$;
			CREATE TRIGGER refuse_stock BEFORE INSERT ON stock FOR EACH ROW EXECUTE FUNCTION refuse_stock()"
	else
		db "CREATE TRIGGER refuse_stock BEFORE INSERT ON stock WHEN NEW.sku = '$1'
			BEGIN SELECT RAISE(ABORT, 'no stock of $1 here'); END"
	fi
}

@test "a write the store refuses fails the source, and what the source wrote before it stays (PostgreSQL too)" {
	omni-link </dev/null         # the store, made by omni
	refuse_stock MB-OS-FOR
	# the orders, then the stock of three SKUs, the last refused: one
	# source, one transaction
	cat "$FIXTURES/api/shopify/orders-1.json" "$FIXTURES/api/shopify/products.json" >"$BATS_TEST_TMPDIR/both.json"
	run omni-fetch --orders "file:$BATS_TEST_TMPDIR/both.json" "file:$F/shopify-webhook-refunds-create.json"
	assert_failure 70
	assert_output --partial 'no stock of MB-OS-FOR here'
	run db "SELECT count(*) FROM orders; SELECT sku FROM stock ORDER BY sku; SELECT count(*) FROM refunds"
	assert_output $'2\nTRS-L-SND\nTRS-M-CHR\n1'
}

@test "a later, thinner version of an order keeps what it leaves out" {
	run omni-fetch --orders "file:$F/shopify-orders.json"
	run omni-fetch --orders "file:$F/shopify-order-1044-updated.json"
	assert_success
	run db "SELECT customer_email, customer_phone, total, updated_at FROM orders WHERE number = '#1044'"
	assert_output 'kim.lee+orders@example.org|+14155550199|102.33|2024-03-04T14:30:00Z'
	run db "SELECT f.carrier, f.tracking_number, f.status, f.estimated_at FROM fulfillments f JOIN orders o ON o.rowid = f.order_rowid WHERE o.number = '#1044'"
	assert_output 'FedEx|794612345678|out_for_delivery|2024-03-05T01:00:00Z'
}

@test "an older retry of a fulfilment webhook does not undo a newer state" {
	run omni-fetch --orders "file:$F/shopify-webhook-fulfillments-update.json"
	run omni-fetch --orders "file:$F/shopify-fulfillment-1043-stale.json"
	assert_success
	run db "SELECT status, delivered_at, updated_at FROM fulfillments"
	assert_output 'delivered|2024-03-05T21:44:00Z|2024-03-05T21:44:00Z'
}

@test "BigCommerce orders and shipments: #id numbers, RFC 2822 dates, billing email" {
	run omni-fetch --orders "file:$F/bigcommerce-orders-v2.json" "file:$F/bigcommerce-order-218-shipments.json"
	assert_success
	run db "SELECT order_id, number, coalesce(customer_ref, '-'), customer_email, placed_at, status, financial_status, total FROM orders ORDER BY order_id"
	assert_output - <<-EOF
	218|#218|41|maria.gonzalez@example.com|2024-03-01T22:22:10Z|open|paid|33.0500
	219|#219|-|dev.patel@example.net|2024-03-02T00:05:55Z|open|partially_refunded|45.5000
	220|#220|57|kim.lee+orders@example.org|2024-03-02T13:41:17Z|open|paid|102.3300
	EOF
	run db "SELECT o.number, f.external_id, f.carrier, f.tracking_number, f.tracking_url, f.shipped_at FROM fulfillments f JOIN orders o ON o.rowid = f.order_rowid"
	assert_output '#218|31|UPS|1Z999AA10123456784|https://www.ups.com/track?tracknum=1Z999AA10123456784|2024-03-02T15:15:42Z'
}

@test "orders and tickets from one directory: tickets out, orders in, nothing else on stdout" {
	run bash -c "omni-fetch --orders 'file:$F/mixed' 2>/dev/null | jq -r .channel | sort | uniq -c | awk '{print \$2, \$1}'"
	assert_output $'ebay 1\nfacebook 2\ninstagram 3'
	run db "SELECT amount FROM refunds"
	assert_output '25.98'
}

@test "Shopify GraphQL orders land on the same rows as REST ones" {
	run omni-fetch --orders "file:$F/shopify-graphql-orders.json"
	assert_success
	run db "SELECT order_id, number, customer_ref, total, financial_status FROM orders ORDER BY order_id"
	assert_output - <<-EOF
	5829384756102|#1042|7011223344556|33.05|paid
	5829384756103|#1043|7011223344557|45.50|partially_refunded
	EOF
	run db "SELECT external_id, carrier, status FROM fulfillments ORDER BY external_id"
	assert_output $'5213344556677|UPS|in_transit\n5213344556678|USPS|delivered'
	run omni-fetch --orders "file:$F/shopify-orders.json"
	assert_success
	run db "SELECT (SELECT count(*) FROM orders), (SELECT count(*) FROM fulfillments), (SELECT count(*) FROM refunds), (SELECT count(items) FROM orders WHERE number = '#1042')"
	assert_output '3|2|1|1'
}

@test "a saved API error response is not data: exit 65, with its message" {
	run omni-fetch "file:$F/shopify-graphql-throttled.json"
	assert_failure 65
	assert_output "omni-fetch: $F/shopify-graphql-throttled.json:1:1: an api error response, not data: Throttled"
	run omni-fetch "file:$F/amazon-429-quota-exceeded.json"
	assert_failure 65
	assert_output --partial 'an api error response, not data: You exceeded your quota'
}

@test "file: a saved SP-API getOrders page puts its orders into the store" {
	run omni-fetch --orders "file:$REFERENCE/amazon-getorders.json"
	assert_success
	run sqlite3 "$OMNI_DB" "SELECT channel || ' ' || number || ' ' || status FROM orders ORDER BY number"
	assert_output "$(printf '%s\n' 'amazon 111-2048577-6634915 cancelled' 'amazon 113-4827365-1029384 closed' 'amazon 114-9936120-5521807 open')"
}

@test "eBay's own notice that a case is closed or resolved comes solved; its opening, and a buyer's words, do not" {
	local conv=$FIXTURES/api/ebay/conversation-308000000001.json
	run omni-fetch "file:$conv"
	assert_success
	run jq -r '.status // "-"' <<<"$output"
	assert_equal "$output" -
	for subject in 'The case was closed' 'We resolved your return' 'Your inquiry has been closed'; do
		sed "s/\"A return request was opened\"/\"$subject\"/g; s/9900000001/99$RANDOM/" "$conv" >"$BATS_TEST_TMPDIR/c.json"
		run omni-fetch "file:$BATS_TEST_TMPDIR/c.json"
		assert_success
		run jq -r '[.subject, .status] | join("|")' <<<"$output"
		assert_output "$subject|solved"
	done
	# a buyer writing "case closed?" is a message, not eBay's word
	sed 's/"A return request was opened"/"Is the case closed?"/g; s/FROM_EBAY/FROM_MEMBERS/; s/"eBay"/"pinecone_22"/; s/9900000001/9900000099/' \
		"$conv" >"$BATS_TEST_TMPDIR/m.json"
	run omni-fetch "file:$BATS_TEST_TMPDIR/m.json"
	assert_success
	run jq -r '.status // "-"' <<<"$output"
	assert_equal "$output" -
}
