#!/usr/bin/env bats
# omni-fetch with several network sources in one run: side by side (a
# child process each), each with its own cursor; a failing source leaves
# the others whole; a run killed in the middle and rerun loses and repeats
# nothing.  The overlap is read from the fixture server's request log (the
# order requests arrived in), never from the wall clock.

load test_helper
bats_require_minimum_version 1.5.0
eval "helper_$(declare -f setup)"

API=/admin/api/2024-10/orders.json

setup_file() {
	fixture_start
}

teardown_file() {
	fixture_stop
}

setup() {
	helper_setup
	fixture_reset
	export OMNI_SHOPIFY_TOKEN=shpat_concurrent OMNI_HTTP_BACKOFF=0.01 OMNI_HTTP_RETRIES=2
}

# mkpage FILE FIRST COUNT: a Shopify orders page of COUNT orders numbered
# from FIRST, each with a fulfilment in tracking exception (so that
# --proactive makes one ticket of each: output to check page by page).
mkpage() {
	jq -c --argjson first "$2" --argjson n "$3" '
		.orders[0] as $o
		| {orders: [range($first; $first + $n) as $k | $o
			| .id = 7000000 + $k | .name = "#\($k)" | .order_number = $k
			| .updated_at = "2024-03-01T10:00:00Z"
			| .fulfillments = [.fulfillments[0] | .id = 8000000 + $k | .order_id = 7000000 + $k
				| .shipment_status = "failure" | .updated_at = "2024-03-02T10:00:00Z"]
			| .refunds = []]}' "$FIXTURES/api/shopify/orders-1.json" >"$1"
}

# script NAME PAGES PER DELAY FIRST: the shop /NAME serves PAGES pages of
# PER orders numbered from FIRST, each after DELAY seconds.  Page p > 1
# has its own path (/NAME/pP/...), where its Link header sends the client,
# and each page is queued twice, so that a rerun may ask again for a page
# whose answer a killed run never committed.
script() {
	local name=$1 pages=$2 per=$3 delay=$4 base=$5 p
	for p in $(seq "$pages"); do
		local f=$BATS_TEST_TMPDIR/$name-$p.json h='{}' path=/$name$API step
		[ "$p" -gt 1 ] && path=/$name/p$p$API
		mkpage "$f" $((base + (p - 1) * per)) "$per"
		if [ "$p" -lt "$pages" ]; then
			h=$(jq -cn --arg l "<{base}/$name/p$((p + 1))$API?limit=250&page_info=p$((p + 1))>; rel=\"next\"" '{Link: $l}')
		fi
		step=$(jq -cn --arg f "$f" --argjson h "$h" --argjson d "$delay" \
			'{status: 200, file: $f, headers: $h, delay: $d}')
		fixture_push "$path" "$step" "$step"
	done
}

# The shop each request went to, in arrival order.
# The shops asked for orders, in order (with --orders the customers follow).
shops() {
	fixture_requests | jq -r 'select(.path | endswith("/orders.json")) | .path | split("/")[1]'
}

orders() {
	sqlite3 "$OMNI_DB" "SELECT number FROM orders ORDER BY CAST(substr(number, 2) AS INTEGER)" | paste -sd' '
}

cursor() {
	sqlite3 "$OMNI_DB" "SELECT value FROM cursors WHERE source = 'shopify:$FX/$1'"
}

@test "three sources run side by side: each one's first request comes before any source's last" {
	script a 3 2 0.4 100
	script b 3 2 0.4 200
	script c 3 2 0.4 300
	run omni-fetch --orders --proactive "shopify:$FX/a" "shopify:$FX/b" "shopify:$FX/c"
	assert_success
	local tickets=$output
	# the first three requests went to three different shops
	[ "$(shops | head -3 | sort -u | wc -l)" -eq 3 ]
	run orders
	assert_output '#100 #101 #102 #103 #104 #105 #200 #201 #202 #203 #204 #205 #300 #301 #302 #303 #304 #305'
	# one proactive ticket an order, each once
	[ "$(jq -r '.order_ids[0]' <<<"$tickets" | sort -u | wc -l)" -eq 18 ]
	[ "$(wc -l <<<"$tickets")" -eq 18 ]
	run cursor b
	assert_output '{"since":"2024-03-01T10:00:00Z"}'
}

@test "each source's tickets come whole and once; with -j 1 the sources go one after another" {
	script a 2 3 0.2 100
	script b 2 3 0.2 200
	omni-fetch --orders --proactive -j 1 "shopify:$FX/a" "shopify:$FX/b" >"$BATS_TEST_TMPDIR/out"
	run shops
	assert_output $'a\na\nb\nb'
	run jq -r '.order_ids[0]' "$BATS_TEST_TMPDIR/out"
	assert_output "$(printf '#%s\n' 100 101 102 103 104 105 200 201 202 203 204 205)"
}

@test "tickets of sources side by side: every line whole, each ticket once, each cursor its own" {
	script a 3 40 0.2 1000
	script b 3 40 0.2 2000
	omni-fetch --orders --proactive "shopify:$FX/a" "shopify:$FX/b" >"$BATS_TEST_TMPDIR/out"
	run jq -c . "$BATS_TEST_TMPDIR/out"
	assert_success
	run bash -c "jq -r '.order_ids[0]' '$BATS_TEST_TMPDIR/out' | sort | uniq | wc -l"
	assert_output 240
	run bash -c "jq -r .kind '$BATS_TEST_TMPDIR/out' | sort | uniq -c | sed 's/^ *//'"
	assert_output '240 proactive'
	run sqlite3 "$OMNI_DB" "SELECT count(*) FROM cursors WHERE source LIKE 'shopify:%'"
	assert_output 2
	run sqlite3 "$OMNI_DB" "SELECT count(*) FROM fetch_seen WHERE source = 'proactive'"
	assert_output 240
}

@test "one failing source: the others' output and cursors are whole, the exit status is the failure's" {
	script a 2 2 0.3 100
	fixture_push "/bad$API" '{"status":401,"body":"{\"errors\":\"[API] Invalid API key or access token\"}"}'
	script c 2 2 0.3 300
	run --separate-stderr omni-fetch --orders --proactive "shopify:$FX/a" "shopify:$FX/bad" "shopify:$FX/c"
	assert_failure 77
	[[ $stderr == *"shopify: page 1: 401"* ]]
	run bash -c "jq -r '.order_ids[0]' | sort | paste -sd' '" <<<"$output"
	assert_output '#100 #101 #102 #103 #300 #301 #302 #303'
	run orders
	assert_output '#100 #101 #102 #103 #300 #301 #302 #303'
	run cursor a
	assert_output '{"since":"2024-03-01T10:00:00Z"}'
	run cursor c
	assert_output '{"since":"2024-03-01T10:00:00Z"}'
	run cursor bad
	assert_output ''
}

@test "killed in the middle, then rerun: every ticket exactly once, every order stored" {
	script a 4 5 0.5 100
	script b 4 5 0.5 200
	script c 4 5 0.5 300
	omni-fetch --orders --proactive "shopify:$FX/a" "shopify:$FX/b" "shopify:$FX/c" \
		>"$BATS_TEST_TMPDIR/out1" 2>"$BATS_TEST_TMPDIR/err1" &
	local pid=$!
	# wait until some pages are out, but not all
	for _ in $(seq 100); do
		[ "$(wc -l <"$BATS_TEST_TMPDIR/out1")" -ge 10 ] && break
		sleep 0.05
	done
	kill -TERM "$pid"
	wait "$pid" || true
	local first
	first=$(wc -l <"$BATS_TEST_TMPDIR/out1")
	[ "$first" -ge 10 ] && [ "$first" -lt 60 ]
	# no half line: every line of the first run is a whole ticket
	run jq -c .id "$BATS_TEST_TMPDIR/out1"
	assert_success
	# the rerun resumes each source after its last committed page
	local n
	n=$(shops | wc -l)
	omni-fetch --orders --proactive "shopify:$FX/a" "shopify:$FX/b" "shopify:$FX/c" \
		>"$BATS_TEST_TMPDIR/out2"
	run bash -c "cat '$BATS_TEST_TMPDIR/out1' '$BATS_TEST_TMPDIR/out2' | jq -r '.order_ids[0]' | sort | uniq -c | awk '\$1 != 1'"
	assert_output ''
	run bash -c "cat '$BATS_TEST_TMPDIR/out1' '$BATS_TEST_TMPDIR/out2' | wc -l"
	assert_output 60
	run orders
	assert_output "$(printf '#%s ' $(seq 100 119) $(seq 200 219) $(seq 300 319) | sed 's/ $//')"
	# the killed run wrote whole pages (5 tickets each), and the rerun asked
	# for exactly the pages whose tickets it had not written
	[ $((first % 5)) -eq 0 ]
	[ $(($(shops | wc -l) - n)) -eq $((12 - first / 5)) ]
}
