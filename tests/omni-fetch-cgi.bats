#!/usr/bin/env bats
# omni-fetch --webhook as a CGI program under a hostile client: the body is
# bounded and its length checked before a byte is read, methods other than
# POST (and Meta's verification GET) are refused, and a refused request
# creates nothing, neither the store nor the output file.

load test_helper
bats_require_minimum_version 1.5.0

# req METHOD LENGTH [BODY-FILE [VAR=VALUE...]]: one request as a web server
# passes it, METHOD or LENGTH "-" leaving the variable unset.
req() {
	local method=$1 length=$2 body=${3:-/dev/null}
	shift 3 || shift $#
	local -a vars=(GATEWAY_INTERFACE=CGI/1.1 CONTENT_TYPE=application/json)
	[ "$method" = - ] || vars+=(REQUEST_METHOD="$method")
	[ "$length" = - ] || vars+=(CONTENT_LENGTH="$length")
	env -u REQUEST_METHOD -u CONTENT_LENGTH "${vars[@]}" "$@" \
		omni-fetch --webhook meta --output "$BATS_TEST_TMPDIR/tickets.ndjson" <"$body"
}

# Nothing was created: no store, no output file.
nothing_created() {
	[ ! -e "$OMNI_DB" ] || fail "the store was created"
	[ ! -e "$BATS_TEST_TMPDIR/tickets.ndjson" ] || fail "the output file was created"
}

@test "cgi: a body over the limit is 413 before a byte of it is read; nothing created" {
	export OMNI_META_SECRET=s
	head -c 2000000 /dev/zero | tr '\0' x >"$BATS_TEST_TMPDIR/big"
	# What omni-fetch leaves unread on its standard input, cat prints.
	run --separate-stderr sh -c '"$@" ; echo "exit $?" >&2; wc -c' sh \
		env GATEWAY_INTERFACE=CGI/1.1 REQUEST_METHOD=POST CONTENT_LENGTH=2000000 \
		omni-fetch --webhook meta --output "$BATS_TEST_TMPDIR/tickets.ndjson" <"$BATS_TEST_TMPDIR/big"
	assert_line --index 0 $'Status: 413 Content Too Large\r'
	assert_line --index 3 'Content Too Large'
	assert_line --index 4 2000000
	[[ $stderr == *"omni-fetch: request: a body of 2000000 bytes is over the limit of 1048576 (OMNI_WEBHOOK_MAX_BODY)"* ]]
	[[ $stderr == *"exit 65" ]]
	nothing_created
}

@test "cgi: OMNI_WEBHOOK_MAX_BODY sets the limit; a body of exactly the limit is read" {
	local d=$BATS_TEST_TMPDIR/delivery sig n
	sed '1,/^\r\?$/d' "$FIXTURES/api/webhooks/meta-messenger.http" >"$d"
	sig=$(sed -n 's/^X-Hub-Signature-256: *//p' "$FIXTURES/api/webhooks/meta-messenger.http" | tr -d '\r')
	n=$(stat -c %s "$d")
	export OMNI_META_SECRET=test_app_secret_0123456789abcdef
	OMNI_WEBHOOK_MAX_BODY=$((n - 1)) run req POST "$n" "$d" HTTP_X_HUB_SIGNATURE_256="$sig"
	assert_failure 65
	assert_line --index 0 $'Status: 413 Content Too Large\r'
	nothing_created
	OMNI_WEBHOOK_MAX_BODY=$n run req POST "$n" "$d" HTTP_X_HUB_SIGNATURE_256="$sig"
	assert_success
	assert_line --index 0 $'Status: 200 OK\r'
	run jq -r .channel "$BATS_TEST_TMPDIR/tickets.ndjson"
	assert_output $'facebook\nfacebook'
}

@test "cgi: CONTENT_LENGTH missing is 411; negative, not a number or cut short is 400; huge is 413 (65, nothing created)" {
	export OMNI_META_SECRET=s
	printf '{"object":"page"}' >"$BATS_TEST_TMPDIR/body"
	local cl want
	for cl in - '' -1 abc ' 17' '+17' 17x 1e3 99999999999999999999999999 18446744073709551616 40; do
		case $cl in
		- | '') want='411 Length Required' ;;
		99999999999999999999999999 | 18446744073709551616) want='413 Content Too Large' ;;
		*) want='400 Bad Request' ;;
		esac
		run --separate-stderr req POST "$cl" "$BATS_TEST_TMPDIR/body"
		assert_failure 65
		assert_line --index 0 "Status: $want"$'\r'
		[[ $stderr == "omni-fetch: request: "* ]] || fail "$cl: $stderr"
		nothing_created
	done
	run --separate-stderr req POST 40 "$BATS_TEST_TMPDIR/body"
	[ "$stderr" = "omni-fetch: request: truncated body: 17 of 40 bytes" ]
	run --separate-stderr req POST -1 "$BATS_TEST_TMPDIR/body"
	[ "$stderr" = "omni-fetch: request: CONTENT_LENGTH '-1' is not a length" ]
}

@test "cgi: DELETE, PUT, HEAD, OPTIONS and no method are 405 with Allow (64); a GET to a kind other than meta too" {
	export OMNI_META_SECRET=s OMNI_SHOPIFY_SECRET=s
	printf '{"object":"page"}' >"$BATS_TEST_TMPDIR/body"
	local m
	for m in DELETE PUT HEAD OPTIONS PATCH post - ''; do
		run --separate-stderr req "$m" 17 "$BATS_TEST_TMPDIR/body"
		assert_failure 64
		assert_output $'Status: 405 Method Not Allowed\r\nAllow: POST, GET\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nMethod Not Allowed'
		nothing_created
	done
	run --separate-stderr req DELETE 17 "$BATS_TEST_TMPDIR/body"
	[ "$stderr" = "omni-fetch: request: meta webhook: method 'DELETE' not allowed (POST, or GET to verify)" ]
	run --separate-stderr env GATEWAY_INTERFACE=CGI/1.1 REQUEST_METHOD=GET QUERY_STRING= \
		omni-fetch --webhook shopify --output "$BATS_TEST_TMPDIR/tickets.ndjson" </dev/null
	assert_failure 64
	assert_line --index 0 $'Status: 405 Method Not Allowed\r'
	assert_line --index 1 $'Allow: POST\r'
	nothing_created
}

@test "cgi: a bad signature or none is 403 and creates neither the store nor the output file" {
	export OMNI_META_SECRET=s
	printf '{"object":"page","entry":[]}' >"$BATS_TEST_TMPDIR/body"
	run req POST 28 "$BATS_TEST_TMPDIR/body" HTTP_X_HUB_SIGNATURE_256="sha256=$(printf '0%.0s' $(seq 64))"
	assert_failure 77
	assert_line --index 0 $'Status: 403 Forbidden\r'
	nothing_created
	run req POST 28 "$BATS_TEST_TMPDIR/body"
	assert_failure 77
	nothing_created
}

@test "cgi: Meta's verification GET opens no store" {
	export OMNI_META_VERIFY_TOKEN=open-sesame
	run env GATEWAY_INTERFACE=CGI/1.1 REQUEST_METHOD=GET \
		QUERY_STRING='hub.mode=subscribe&hub.verify_token=open-sesame&hub.challenge=99' \
		omni-fetch --webhook meta --output "$BATS_TEST_TMPDIR/tickets.ndjson" </dev/null
	assert_success
	assert_line --index 3 99
	nothing_created
}
