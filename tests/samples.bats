#!/usr/bin/env bats
# omni-fetch on the sample week (share/omni/samples): every source reads
# cleanly and the stories of share/omni/samples/README come out as told.

load test_helper

setup_file() {
	S=$TOP/share/omni/samples
	export DB=$BATS_FILE_TMPDIR/omni.db
	out=$BATS_FILE_TMPDIR/tickets.ndjson
	conf=$BATS_FILE_TMPDIR/omni.conf
	cat >"$conf" <<-EOF
	[store acme-outfitters]
	instagram = 17841463029155120
	[store casa-verde]
	instagram = 17841458812733045
	facebook = 104738291105562
	[source acme-mail]
	uri = maildir:$S/mail/acme
	store = acme-outfitters
	address = support@acme-outfitters.example
	[source casa-verde-mail]
	uri = mbox:$S/mail/casa-verde.mbox
	store = casa-verde
	address = ciao@casa-verde.example
	[source meta]
	uri = file:$S/meta
	[source acme-ebay]
	uri = file:$S/ebay
	store = acme-outfitters
	seller = acme_outfitters
	EOF
	PATH=$TOP/bin:$PATH
	omni-fetch -c "$conf" -d "$DB" >"$out"
	omni-fetch -c "$conf" -d "$DB" --orders --store acme-outfitters \
		file:"$S/shopify/orders-acme.json" file:"$S/shopify/webhooks"
	omni-fetch -c "$conf" -d "$DB" --orders --store casa-verde \
		file:"$S/shopify/orders-casa-verde.json"
}

T() {
	jq -c "$@" "$BATS_FILE_TMPDIR/tickets.ndjson"
}

@test "the week: messages per channel and store as the samples' README counts them" {
	run T -r '.messages[] as $m | [.channel, .store, $m.direction] | @tsv'
	run bash -c "sort <<<'$output' | uniq -c | awk '{print \$2, \$3, \$4, \$1}'"
	assert_output "$(cat <<-EOF
	amazon acme-outfitters in 27
	amazon acme-outfitters out 20
	ebay acme-outfitters in 13
	ebay acme-outfitters out 5
	email acme-outfitters in 48
	email acme-outfitters out 30
	email casa-verde in 32
	email casa-verde out 19
	facebook casa-verde in 22
	facebook casa-verde out 12
	instagram acme-outfitters in 23
	instagram acme-outfitters out 10
	instagram casa-verde in 19
	instagram casa-verde out 10
	EOF
	)"
	# 290 messages in all, each once
	run T -s '[.[].messages | length] | add'
	assert_output '290'
	run T -s '[.[].messages[].id] | (length == (unique | length))'
	assert_output 'true'
}

@test "(a) Giulia Rossi: the Instagram DM and the e-mail both name #1061" {
	run T -r 'select(.order_ids | index("#1061")) | select(.messages[0].direction == "in") | .channel'
	assert_output $'email\ninstagram'
	run T -r 'select(.id == "acme-mail:d8be3bfb2a05.400240@smtp.example.net") | .customer.emails[0]'
	assert_output 'giulia.rossi87@example.net'
}

@test "(b) the second WISMO mail threads to the first" {
	run T -r 'select(.source.message_id == "8d4c9fdc4b2b.970766@mail.example.com") | .source.in_reply_to, .source.thread_key'
	assert_output $'18dea6934957.767040@mail.example.com\n18dea6934957.767040@mail.example.com'
}

@test "(d) the refund and (b) the stalled tracking are in the store" {
	run sqlite3 "$DB" "SELECT r.amount, r.reason FROM refunds r JOIN orders o ON o.rowid = r.order_rowid WHERE o.number = '#1052'"
	assert_output '74.69|damaged on arrival'
	run sqlite3 "$DB" "SELECT f.carrier, f.tracking_number, f.status FROM fulfillments f JOIN orders o ON o.rowid = f.order_rowid WHERE o.number = '#1047'"
	assert_output 'UPS|1Z4W7V860398745210|in_transit'
}

@test "(e) two Maria Gonzalez, two addresses, two orders" {
	run T -r 'select(.customer.name == "Maria Gonzalez" and .messages[0].direction == "in") | "\(.customer.emails[0]) \(.order_ids | join(","))"'
	assert_line --partial 'maria.gonzalez@example.com #1044'
	assert_line --partial 'mgonzalez.mia@example.net #1071'
}

@test "(f) the A-to-z notice is a claim about the order Kevin wrote about" {
	run T -r 'select(.kind == "claim") | [.channel, .order_ids[0]] | join(" ")'
	assert_output 'amazon 113-5829301-4472915'
	run T -r 'select(.customer.handles.amazon == "k3v9xq2m7tz4rbn@marketplace.amazon.com" and .messages[0].direction == "in") | .source.thread_key'
	assert_line 'amazon:k3v9xq2m7tz4rbn@marketplace.amazon.com:113-5829301-4472915'
}

@test "(g) Jürgen's German mail: decoded subject, text, the photo listed" {
	run T -r 'select(.source.message_id == "4e3493036cbf.842693@mail.example.com") | .customer.name, .messages[0].attachments[0].filename, .messages[0].attachments[0].content_type'
	assert_output $'Jürgen Weiß\nIMG_20261119_140233.jpg\nimage/jpeg'
}

@test "(h) the eBay pre-sale question: trailmix_jo in, acme_outfitters out" {
	run T -r 'select(.customer.handles.ebay == "trailmix_jo") | .messages[] | .direction'
	assert_output $'in\nout\nin'
}

@test "Meta's retried delivery is one ticket" {
	run T -r 'select(.customer.handles.facebook == "6623340918827715") | .messages[0].id'
	assert [ "$(printf '%s\n' "$output" | sort | uniq -d)" = "" ]
}

@test "make demo ends with a report whose header names each figure and its unit" {
	run sh "$TOP/tools/demo"
	assert_success
	# the report is the end of it: its header, the rows, the refund reasons
	report=$(sed -n '/^\$ omni-report/,$p' <<<"$output")
	[ -n "$report" ]
	run grep -E '^channel +store +tickets +answered +mean \((min|h)\) +p50 \((min|h)\) +p90 \((min|h)\) +unanswered +resolved ' <<<"$report"
	assert_success
	assert_output --partial '(%)'
	assert_output --partial 'contacts'
	run grep -c '^ .*response  *response  *response' <<<"$report"
	assert_output 1
	# the samples' Page is the facebook channel, as in their README
	run grep -E '^facebook +casa-verde +[0-9]+' <<<"$report"
	assert_success
	run grep -E '^  facebook +casa-verde ' "$TOP/share/omni/samples/README"
	assert_success
	run grep -c messenger "$TOP/share/omni/samples/README"
	assert_output 1
}
