#!/usr/bin/env bats
# omni-fetch: named sources, the configuration, incremental runs.
# Formats have their own files: omni-fetch-mail.bats, omni-fetch-file.bats.

load test_helper

conf() {
	mkdir -p "$XDG_CONFIG_HOME/omni"
	cat >"$XDG_CONFIG_HOME/omni/omni.conf"
}

@test "a configured source gives its name to ids and its store to tickets" {
	conf <<-EOF
	# the Instagram account of casa-verde
	[source ig-casa]
	uri = file:$FIXTURES/fetch/cli/instagram.json
	store = casa-verde   # brand
	EOF
	run omni-fetch ig-casa
	assert_success
	run jq -r '[.id, .store, .channel, .source.name] | join(" ")' <<<"$output"
	assert_output 'ig-casa:aWdfcli-0001 casa-verde instagram ig-casa'
}

@test "with no source named, every configured source is read in file order" {
	cp "$FIXTURES/fetch/cli/instagram.json" "$BATS_TEST_TMPDIR/b.json"
	conf <<-EOF
	[store casa-verde]
	timezone = Europe/Rome
	[source second]
	uri = "file:$BATS_TEST_TMPDIR/b.json"
	[source first]
	uri = file:$FIXTURES/fetch/cli/instagram.json
	EOF
	run omni-fetch
	assert_success
	run jq -r .id <<<"$output"
	assert_output $'second:aWdfcli-0001\nfirst:aWdfcli-0001'
}

@test "with no source named and no --orders, the sources of orders only are left out, their place unmoved" {
	# a shop on a port nothing listens on: asked, it fails the run
	conf <<-EOF
	[source shop]
	uri = shopify:http://127.0.0.1:1
	[source ig]
	uri = file:$FIXTURES/fetch/cli/instagram.json
	EOF
	export OMNI_SHOP_TOKEN=t OMNI_HTTP_RETRIES=0
	run omni-fetch
	assert_success
	run jq -r .id <<<"$output"
	assert_output 'ig:aWdfcli-0001'
	run sqlite3 "$OMNI_DB" "SELECT count(*) FROM cursors WHERE source LIKE 'shop%'"
	assert_output 0
	# --orders reads it (and here fails to reach it)
	run omni-fetch --orders
	assert_failure
	assert_output --partial 'shop'
}

@test "a second run emits nothing new; --all emits again" {
	run omni-fetch "file:$FIXTURES/fetch/cli/instagram.json"
	assert_success
	assert_output --partial '"id":"file:aWdfcli-0001"'
	run omni-fetch "file:$FIXTURES/fetch/cli/instagram.json"
	assert_success
	assert_output ''
	run omni-fetch --all "file:$FIXTURES/fetch/cli/instagram.json"
	assert_success
	assert_output --partial '"id":"file:aWdfcli-0001"'
	run sqlite3 "$OMNI_DB" "SELECT source, key FROM fetch_seen"
	assert_output "file:$FIXTURES/fetch/cli/instagram.json|aWdfcli-0001"
}

@test "ad hoc sources take --store and --channel" {
	run omni-fetch --store acme --channel facebook "file:$FIXTURES/fetch/cli/instagram.json"
	assert_success
	run jq -r '[.store, .channel] | join(" ")' <<<"$output"
	assert_output 'acme facebook'
}

@test "an unknown key in a source is a configuration error with line and column" {
	conf <<-EOF
	[source ig]
	  ur = file:x
	EOF
	run omni-fetch ig
	assert_failure 78
	assert_output "omni-fetch: $XDG_CONFIG_HOME/omni/omni.conf:2:1: unknown key 'ur' in [source ig]"
}

@test "a source without uri, a bad quote, a line outside a section: exit 78" {
	conf <<-EOF
	[source ig]
	store = x
	EOF
	run omni-fetch ig
	assert_failure 78
	assert_output --partial 'omni.conf:1:1: [source ig] has no uri'

	conf <<-EOF
	[source ig]
	uri = "file:x
	EOF
	run omni-fetch ig
	assert_failure 78
	assert_output --partial 'omni.conf:2:14: bad quoted value'

	conf <<-EOF
	uri = file:x
	EOF
	run omni-fetch
	assert_failure 78
	assert_output --partial "omni.conf:1:1: 'uri' outside a [section]"
}

@test "--config names the file; a missing one is exit 66" {
	printf '[source x]\nuri = file:%s\n' "$FIXTURES/fetch/cli/instagram.json" >"$BATS_TEST_TMPDIR/my.conf"
	run omni-fetch -c "$BATS_TEST_TMPDIR/my.conf" x
	assert_success
	assert_output --partial '"id":"x:aWdfcli-0001"'
	run omni-fetch -c "$BATS_TEST_TMPDIR/none.conf" x
	assert_failure 66
	OMNI_CONFIG=$BATS_TEST_TMPDIR/my.conf run omni-fetch
	assert_success
}

@test "an unknown source, a missing file, --reject without --keep-going" {
	run omni-fetch nosuch
	assert_failure 64
	assert_output --partial 'nosuch: no such source'
	run omni-fetch "file:$BATS_TEST_TMPDIR/missing.json"
	assert_failure 66
	assert_output --partial "$BATS_TEST_TMPDIR/missing.json"
	run omni-fetch -r x.ndjson "file:$FIXTURES/fetch/cli/instagram.json"
	assert_failure 64
}

@test "--db puts the store where it says" {
	run omni-fetch --db "$BATS_TEST_TMPDIR/other.db" "file:$FIXTURES/fetch/cli/instagram.json"
	assert_success
	assert [ -f "$BATS_TEST_TMPDIR/other.db" ]
	assert [ ! -f "$OMNI_DB" ]
}

@test "a Meta account named in a [store] gives its tickets that store" {
	conf <<-EOF
	[store casa-verde]
	instagram = 17841405822304914
	[store acme]
	instagram = 1
	[source meta]
	uri = file:$FIXTURES/fetch/cli/instagram.json
	EOF
	run omni-fetch meta
	assert_success
	run jq -r .store <<<"$output"
	assert_output 'casa-verde'
}

@test "an unknown key in a [store] is a configuration error" {
	conf <<-EOF
	[store casa-verde]
	timezone = Europe/Rome
	time_zone = Europe/Rome
	EOF
	run omni-fetch "file:$FIXTURES/fetch/cli/instagram.json"
	assert_failure 78
	assert_output --partial "omni.conf:3:1: unknown key 'time_zone' in [store casa-verde]"
}

@test "a 5 MB line is read whole, and a 5 MB malformed line is set aside whole" {
	text=$(head -c 5000000 /dev/zero | tr '\0' 'a')
	printf '{"object":"instagram","entry":[{"id":"1","time":1763990000000,"messaging":[{"sender":{"id":"2"},"recipient":{"id":"1"},"timestamp":1763990000000,"message":{"mid":"big","text":"%s"}}]}]}\n' \
		"$text" >"$BATS_TEST_TMPDIR/big.ndjson"
	run omni-fetch "file:$BATS_TEST_TMPDIR/big.ndjson"
	assert_success
	assert_equal "$(jq -r '.messages[0].text | length' <<<"$output")" 5000000
	{
		printf '{"object":"instagram","entry":[]}\n'
		printf '{"object":"instagram","entry":[{"id":"1","x":"%s"\n' "$text"
		printf '{"object":"instagram","entry":[]}\n'
	} >"$BATS_TEST_TMPDIR/bad.ndjson"
	run omni-fetch -k -r "$BATS_TEST_TMPDIR/rej" "file:$BATS_TEST_TMPDIR/bad.ndjson"
	assert_failure 1
	assert_output --regexp "bad.ndjson:2:[0-9]+: "
	sed -n 2p "$BATS_TEST_TMPDIR/bad.ndjson" | cmp - "$BATS_TEST_TMPDIR/rej"
}

@test "--channel takes the channels of omni-ticket(5) only, and names the nearest" {
	run omni-fetch --channel emial "file:$FIXTURES/fetch/cli/instagram.json"
	assert_failure 64
	assert_line --index 0 "omni-fetch: --channel: unknown channel 'emial'; did you mean 'email'?"
	run omni-fetch --channel pigeon "file:$FIXTURES/fetch/cli/instagram.json"
	assert_failure 64
	assert_line --index 0 --partial "unknown channel 'pigeon' (amazon, ebay, walmart,"
	assert_line --index 0 --partial "email, chat, sms)"
	conf <<-EOF
	[source ig-casa]
	uri = file:$FIXTURES/fetch/cli/instagram.json
	channel = instgram
	EOF
	run omni-fetch ig-casa
	assert_failure 78
	assert_output "omni-fetch: $XDG_CONFIG_HOME/omni/omni.conf:3:1: unknown channel 'instgram'; did you mean 'instagram'?"
}

@test "a misspelt configured source name gets a did you mean" {
	conf <<-EOF
	[source ig-casa]
	uri = file:$FIXTURES/fetch/cli/instagram.json
	EOF
	run omni-fetch ig-csaa
	assert_failure 64
	assert_output "omni-fetch: ig-csaa: no such source; did you mean 'ig-casa'?"
	run omni-fetch nothing-like-it
	assert_failure 64
	assert_output --partial "omni-fetch: nothing-like-it: no such source: not configured, and not "
}

@test "a host that does not resolve is named with its port and not retried" {
	# a label longer than 63 bytes: the resolver refuses it without asking anyone
	host=$(printf 'a%.0s' $(seq 70)).example
	OMNI_SHOPIFY_TOKEN=x OMNI_HTTP_BACKOFF=5 run omni-fetch -vv "shopify:https://$host/shop"
	assert_failure 69
	assert_line "omni-fetch: shopify: page 1: cannot resolve the host of $host:443: check the host name"
	refute_output --partial 'retrying'
	refute_output --partial 'attempts'
}
