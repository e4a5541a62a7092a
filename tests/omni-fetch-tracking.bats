#!/usr/bin/env bats
# omni-fetch aftership: a multi-carrier tracking service, replayed by
# tests/fixture-server on loopback, fills the status, estimate and scans
# of shipments whose platform gives only a carrier and a number
# (BigCommerce here); its webhook does the same for one tracking.

load test_helper
eval "helper_$(declare -f setup)"

KEY=asat_0123456789abcdef_secret
TRK=/as/tracking/2025-01/trackings
A=$BATS_TEST_DIRNAME/fixtures/api/aftership

setup_file() {
	fixture_start
}

teardown_file() {
	fixture_stop
}

setup() {
	helper_setup
	fixture_reset
	export OMNI_HTTP_BACKOFF=0.01 OMNI_HTTP_RETRIES=3 OMNI_AFTERSHIP_TOKEN=$KEY
	# BigCommerce order 218 shipped by UPS 1Z999AA10123456784: no status
	omni-fetch --orders "file:$REFERENCE/bigcommerce-orders-v2.json" \
		"file:$REFERENCE/bigcommerce-order-218-shipments.json"
}

file() {   # file NAME [HEADERS-JSON]
	jq -cn --arg f "$A/$1" --argjson h "${2:-{\}}" '{status:200,file:$f,headers:$h}'
}

# status|estimated_at|delivered_at|how many scans (the events' JSON
# counted by jq: the same on either engine)
shipment() {
	local row events
	row=$(sqlite3 "$OMNI_DB" "SELECT status, estimated_at, delivered_at
		FROM fulfillments WHERE tracking_number = '1Z999AA10123456784'")
	events=$(sqlite3 "$OMNI_DB" "SELECT events FROM fulfillments WHERE tracking_number = '1Z999AA10123456784'")
	echo "$row|${events:+$(jq length <<<"$events")}"
}

@test "aftership: two pages by next_cursor fill status, estimate and scans of the order's shipment" {
	run shipment
	assert_output '|||'
	fixture_push $TRK "$(file trackings-1.json)" "$(file trackings-2.json)"
	run omni-fetch --orders "aftership:$FX/as"
	assert_success
	assert_output ''
	run shipment
	assert_output 'in_transit|2024-03-08T00:00:00Z||2'
	run sqlite3 "$OMNI_DB" "SELECT events FROM fulfillments"
	assert_output '[{"at":"2024-03-02T22:00:00Z","status":"info_received","message":"Shipper created a label","location":"Dallas, USA"},{"at":"2024-03-04T02:41:00Z","status":"in_transit","message":"Departed from facility","location":"Dallas, USA"}]'
	run jq -r '"\(.query) \(.headers["as-api-key"])"' <<<"$(fixture_requests)"
	assert_output - <<-EOF
	limit=200 $KEY
	limit=200&cursor=eyJ0eXBlIjoiTkVYVCIsImN1cnNvciI6IjViNzRmNDk1In0%3D $KEY
	EOF
	run sqlite3 "$OMNI_DB" "SELECT value FROM cursors WHERE source LIKE 'aftership:%'"
	assert_output '{"since":"2024-03-04T10:00:00Z"}'
	# the order shows it on a ticket
	run bash -c "jq -nc '{omni: 1, id: \"mail:t1\", channel: \"email\", kind: \"message\",
		customer: {emails: [\"maria.gonzalez@example.com\"]}, messages: [{id: \"t1\", direction: \"in\",
		author: \"customer\", at: \"2024-03-05T10:00:00Z\", text: \"where is order #218?\"}]}' |
		omni-link | jq -c '.orders[0].fulfillments[0] | [.status, .estimated_at, (.events | length)]'"
	assert_output '["in_transit","2024-03-08T00:00:00Z",2]'
}

@test "aftership: the next run asks for what was updated since; no requests left waits for the reset" {
	fixture_push $TRK "$(file trackings-2.json)"
	omni-fetch --orders "aftership:$FX/as/tracking/2025-01/"
	reset=$(($(date +%s) + 3))
	fixture_push $TRK "$(file trackings-1.json "{\"X-RateLimit-Limit\":\"6\",\"X-RateLimit-Remaining\":\"0\",\"X-RateLimit-Reset\":\"$reset\"}")" \
		"$(file trackings-2.json)"
	run omni-fetch -vv --orders "aftership:$FX/as/tracking/2025-01/"
	assert_success
	assert_output --partial 'omni-fetch: rate limit: 0 requests left: waiting'
	refute_output --partial "$KEY"
	run jq -r .query <<<"$(fixture_requests)"
	assert_line --index 1 'limit=200&updated_at_min=2024-03-04T10:00:00Z'
}

@test "aftership: a page without data.trackings is exit 65 naming the page; 401 is 77; no key is 78" {
	fixture_push $TRK '{"status":200,"body":"{\"meta\":{\"code\":200},\"data\":{}}"}'
	run omni-fetch --orders "aftership:$FX/as"
	assert_failure 65
	assert_output --partial 'page 1: no data.trackings in the response'
	fixture_push $TRK '{"status":401,"body":"{\"meta\":{\"code\":401,\"type\":\"Unauthorized\"}}"}'
	run omni-fetch --orders "aftership:$FX/as"
	assert_failure 77
	unset OMNI_AFTERSHIP_TOKEN
	run omni-fetch --orders "aftership:$FX/as"
	assert_failure 78
	assert_output --partial 'OMNI_AFTERSHIP_TOKEN'
}

@test "aftership: returned to sender is a proactive ticket for the order" {
	fixture_push $TRK "$(file trackings-exception.json)"
	run omni-fetch --now 2024-03-06T20:00:00Z --orders --proactive "aftership:$FX/as"
	assert_success
	run jq -c '[.kind, .channel, .order_ids]' <<<"$output"
	assert_output '["proactive","bigcommerce",["#218"]]'
	run shipment
	assert_output 'return_to_sender|||1'
}

@test "aftership webhook: the signature (base64 HMAC-SHA256) verifies; delivered is stored; a repeat is dropped; a bad one is 77" {
	local sig
	sig=$(python3 -c 'import hmac,hashlib,base64,sys; print(base64.b64encode(hmac.new(b"as_webhook_secret", open(sys.argv[1],"rb").read(), hashlib.sha256).digest()).decode())' "$A/webhook-delivered.json")
	OMNI_AFTERSHIP_SECRET=as_webhook_secret run omni-fetch --orders --webhook aftership \
		-H "aftership-hmac-sha256: $sig" "$A/webhook-delivered.json"
	assert_success
	run shipment
	assert_output 'delivered|2024-03-08T00:00:00Z|2024-03-07T18:25:00Z|1'
	run sqlite3 "$OMNI_DB" "SELECT key FROM fetch_seen WHERE key LIKE 'event:%'"
	assert_output 'event:9e3c1f0a-4b2d-4e5f-8a7b-1c2d3e4f5a6b'
	OMNI_AFTERSHIP_SECRET=not-it run omni-fetch --orders --webhook aftership \
		-H "aftership-hmac-sha256: $sig" "$A/webhook-delivered.json"
	assert_failure 77
	assert_output --partial 'aftership webhook: bad signature (aftership-hmac-sha256)'
}
