#!/usr/bin/env bats
# omni-fetch --proactive: a tracking exception or a delivery estimate
# passed without a delivery scan becomes one `proactive` ticket, once; and
# --webhook as a CGI program: Meta's verification challenge, a delivery
# whose tickets go to --output.

load test_helper
bats_require_minimum_version 1.5.0

P=$BATS_TEST_DIRNAME/fixtures/fetch/proactive
NOW=2026-11-26T12:00:00Z

# orders.json: #2001 a shipment in exception, #2002 in transit with its
# estimate (Nov 22) passed, #2003 delivered after the same estimate,
# #2004 in transit with its estimate (Nov 30) still ahead.
fetch() {
	omni-fetch --now "$NOW" --orders --proactive "$@"
}

@test "an exception and a passed estimate each make one proactive ticket; delivered and on-time orders none" {
	run fetch "file:$P/orders.json"
	assert_success
	run jq -c '[.kind, .channel, .order_ids, .subject, .customer.emails[0], .messages[0].author, .created_at]' <<<"$output"
	assert_output - <<-'EOF'
	["proactive","shopify",["#2001"],"Shipment exception","buyer2001@example.com","system","2026-11-24T09:15:00Z"]
	["proactive","shopify",["#2002"],"Late delivery","buyer2002@example.com","system","2026-11-22T18:00:00Z"]
	EOF
}

@test "the ticket says what happened, naming the order and the parcel" {
	run fetch "file:$P/orders.json"
	run jq -r '.messages[0].text' <<<"$output"
	assert_output - <<-'EOF'
	Order #2001: the shipment reports exception (UPS 1Z999AA10123456784).
	Order #2002: the delivery estimate 2026-11-22T18:00:00Z has passed with no delivery scan (UPS 1Z999AA10123456784).
	EOF
}

@test "a rerun emits nothing; --all emits again" {
	fetch "file:$P/orders.json" >/dev/null
	run fetch "file:$P/orders.json"
	assert_success
	assert_output ''
	run sqlite3 "$OMNI_DB" "SELECT key FROM fetch_seen WHERE source = 'proactive' ORDER BY key"
	assert_output - <<-'EOF'
	proactive:shopify||9002001|9102001|exception
	proactive:shopify||9002002|9102002|late
	EOF
	run fetch --all "file:$P/orders.json"
	assert_equal "$(wc -l <<<"$output")" 2
}

@test "without --proactive, orders make no ticket" {
	run omni-fetch --now "$NOW" --orders "file:$P/orders.json"
	assert_success
	assert_output ''
}

@test "omni-fetch --proactive alone scans the store at --now: an estimate that passed since" {
	fetch "file:$P/orders.json" >/dev/null
	run omni-fetch --now 2026-11-29T12:00:00Z --proactive
	assert_success
	assert_output ''
	run omni-fetch --now 2026-12-01T12:00:00Z --proactive
	assert_success
	run jq -c '[.order_ids[0], .subject]' <<<"$output"
	assert_output '["#2004","Late delivery"]'
	run omni-fetch --now 2026-12-02T12:00:00Z --proactive
	assert_output ''
}

@test "a later exception of the same shipment is another event; a delivered one stays quiet" {
	fetch "file:$P/orders.json" >/dev/null
	jq '.orders |= [.[] | select(.name == "#2001" or .name == "#2003")
		| .fulfillments[0].shipment_status = (if .name == "#2001" then "attempted_delivery" else "delivered" end)]' \
		"$P/orders.json" >"$BATS_TEST_TMPDIR/later.json"
	run fetch "file:$BATS_TEST_TMPDIR/later.json"
	assert_success
	run jq -c '[.order_ids[0], .source.external_id]' <<<"$output"
	assert_output '["#2001","9002001/9102001/attempt_fail"]'
}

@test "omni-link attaches the order the ticket names" {
	fetch "file:$P/orders.json" >"$BATS_TEST_TMPDIR/t.ndjson"
	run omni-link <"$BATS_TEST_TMPDIR/t.ndjson"
	assert_success
	run jq -c '[.kind, .orders[0].number, .orders[0].fulfillments[0].status]' <<<"$output"
	assert_output - <<-'EOF'
	["proactive","#2001","exception"]
	["proactive","#2002","in_transit"]
	EOF
}

@test "a signed fulfilment webhook in exception makes its ticket, with the configured store" {
	local body=$BATS_TEST_TMPDIR/body.json sig
	jq -c '.shipment_status = "failure"' "$REFERENCE/shopify-webhook-fulfillments-update.json" >"$body"
	sig=$(python3 -c 'import hmac,hashlib,base64,sys; print(base64.b64encode(hmac.new(b"s3cret", open(sys.argv[1],"rb").read(), hashlib.sha256).digest()).decode())' "$body")
	OMNI_SHOPIFY_SECRET=s3cret run omni-fetch --now "$NOW" --orders --proactive -s casa-verde \
		--webhook shopify -H "X-Shopify-Hmac-Sha256: $sig" "$body"
	assert_success
	run jq -c '[.kind, .store, .order_ids[0], .source.external_id]' <<<"$output"
	assert_output '["proactive","casa-verde","5829384756103","5829384756103/5213344556678/exception"]'
}

# cgi METHOD QUERY [BODY-FILE [HEADER-ENV...]]: omni-fetch --webhook meta
# as a web server runs it.
cgi() {
	local method=$1 query=$2 body=${3:-/dev/null}
	shift 3 || shift $#
	env GATEWAY_INTERFACE=CGI/1.1 REQUEST_METHOD="$method" QUERY_STRING="$query" \
		CONTENT_LENGTH="$(stat -c %s "$body")" CONTENT_TYPE=application/json "$@" \
		omni-fetch --webhook meta --output "$BATS_TEST_TMPDIR/tickets.ndjson" <"$body"
}

@test "cgi: Meta's verification challenge is answered when the verify token matches" {
	export OMNI_META_VERIFY_TOKEN=open-sesame
	run cgi GET 'hub.mode=subscribe&hub.verify_token=open-sesame&hub.challenge=1158201444'
	assert_success
	assert_output $'Status: 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n1158201444'
}

@test "cgi: a wrong verify token is 403 and exit 77; the token is never printed" {
	export OMNI_META_VERIFY_TOKEN=open-sesame
	run --separate-stderr cgi GET 'hub.mode=subscribe&hub.verify_token=open%2Dsesame2&hub.challenge=42'
	assert_failure 77
	assert_output $'Status: 403 Forbidden\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nForbidden'
	[ "$stderr" = "omni-fetch: meta webhook: the verify token does not match" ]
}

@test "cgi: without a verify token the app secret is the one to match; a GET without hub.mode is 400" {
	export OMNI_META_SECRET=app-secret
	run cgi GET 'hub.mode=subscribe&hub.verify_token=app-secret&hub.challenge=7'
	assert_success
	assert_line --index 3 7
	run cgi GET ''
	assert_failure 64
	assert_line --index 0 $'Status: 400 Bad Request\r'
}

@test "cgi: a signed POST delivery: its tickets appended to --output, 200 ok; a bad signature 403, nothing" {
	local d=$BATS_TEST_TMPDIR/delivery
	sed '1,/^\r\?$/d' "$FIXTURES/api/webhooks/meta-messenger.http" >"$d"
	local sig
	sig=$(sed -n 's/^X-Hub-Signature-256: *//p' "$FIXTURES/api/webhooks/meta-messenger.http" | tr -d '\r')
	export OMNI_META_SECRET=test_app_secret_0123456789abcdef
	run cgi POST '' "$d" HTTP_X_HUB_SIGNATURE_256="$sig"
	assert_success
	assert_output $'Status: 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nok'
	run jq -r .channel "$BATS_TEST_TMPDIR/tickets.ndjson"
	assert_output $'facebook\nfacebook'
	run cgi POST '' "$d" HTTP_X_HUB_SIGNATURE_256="sha256=$(printf '0%.0s' $(seq 64))"
	assert_failure 77
	assert_line --index 0 $'Status: 403 Forbidden\r'
	run wc -l <"$BATS_TEST_TMPDIR/tickets.ndjson"
	assert_output 2
}
