#!/usr/bin/env bats
# omni-reply: a reply states only facts the store has.  Templates declare
# the facts they need ("needs" in omni-templates(5)); the first variant
# whose facts the ticket has is used; a value a template leaves empty is a
# lint rule ("slot") that keeps the reply from being sent.

load test_helper
bats_require_minimum_version 1.5.0

R=$FIXTURES/reply
NOW=--now=2026-11-20T12:00:00Z
LIB=$TOP/share/omni/templates

# The reply's text for the WISMO fixture changed by the jq filter $1
# (the options after it go to omni-reply).
text_of() {
	local f=$1
	shift
	jq -c "$f" "$R/email-wismo.json" | omni-reply "$NOW" "$@" | jq -r '.reply.text // "-"'
}

# The header of the library section a reply came from: "$lang $filter".
section_of() {
	local out src file line
	out=$(jq -c ".lang = \"$1\" | $2" "$3" | omni-reply "$NOW" ${4:+-t "$4"}) || return 1
	src=$(jq -r '.reply.source // "-"' <<<"$out")
	[ "$src" != - ] || { echo -; return 0; }
	file=${src%:*} line=${src##*:}
	sed -n "${line}p" "$file"
}

# ---- empty slots ----

@test "a value the store does not have is an empty slot: the lint names it and --send refuses" {
	T=$BATS_TEST_TMPDIR/tmpl
	mkdir -p "$T"
	printf '@@ wismo\nShipped with {{shipment.carrier}}. The tracking number is {{shipment.tracking_number}}.\n' >"$T/en.tmpl"
	run text_of 'del(.orders[0].fulfillments[0].carrier, .orders[0].fulfillments[0].tracking_number)' -T "$T"
	assert_output 'Shipped with . The tracking number is .'
	run bash -c "jq -c 'del(.orders[0].fulfillments[0].carrier, .orders[0].fulfillments[0].tracking_number)' '$R/email-wismo.json' |
		omni-reply $NOW -T '$T' | jq -r '.reply.status, .reply.lint[]'"
	assert_output 'blocked
slot: {{shipment.carrier}} is empty: the store does not have it
slot: {{shipment.tracking_number}} is empty: the store does not have it'
	# --send sends nothing: the reply stays blocked, nothing is claimed
	printf '[reply]\nsmtp = smtp://127.0.0.1:9\nfrom = care@acme.example\n' >"$BATS_TEST_TMPDIR/omni.conf"
	run bash -c "jq -c 'del(.orders[0].fulfillments[0].carrier)' '$R/email-wismo.json' |
		omni-reply $NOW -c '$BATS_TEST_TMPDIR/omni.conf' -T '$T' --send | jq -r '.reply.status, .reply.lint[]'"
	assert_success
	assert_output 'blocked
slot: {{shipment.carrier}} is empty: the store does not have it'
	run sqlite3 "$OMNI_DB" "SELECT count(*) FROM send_ledger"
	assert_output 0
	# with every value there, nothing is said
	run bash -c "omni-reply $NOW -T '$T' '$R/email-wismo.json' | jq -c '[.reply.status, .reply.lint]'"
	assert_output '["draft",[]]'
}

@test "a reply rendered with an empty slot is refused by any later --send, approved or not; its text changed, the slots are gone" {
	T=$BATS_TEST_TMPDIR/tmpl
	mkdir -p "$T"
	printf '@@ wismo\nShipped with {{shipment.carrier}}.\n' >"$T/en.tmpl"
	jq -c 'del(.orders[0].fulfillments[0].carrier)' "$R/email-wismo.json" |
		omni-reply "$NOW" -T "$T" >"$BATS_TEST_TMPDIR/one.json"
	run jq -c '.reply | [.status, .empty.slots]' "$BATS_TEST_TMPDIR/one.json"
	assert_output '["blocked",["shipment.carrier"]]'
	# a person (or a script) approves it; a later run, without -T, sends
	jq -c '.reply.status = "approved"' "$BATS_TEST_TMPDIR/one.json" >"$BATS_TEST_TMPDIR/two.json"
	printf '[reply]\nsmtp = smtp://127.0.0.1:9\nfrom = care@acme.example\n' >"$BATS_TEST_TMPDIR/omni.conf"
	run bash -c "omni-reply $NOW -c '$BATS_TEST_TMPDIR/omni.conf' --send '$BATS_TEST_TMPDIR/two.json' |
		jq -r '.reply.status, .reply.lint[]'"
	assert_success
	assert_output 'blocked
slot: {{shipment.carrier}} is empty: the store does not have it'
	run sqlite3 "$OMNI_DB" "SELECT count(*) FROM send_ledger"
	assert_output 0
	# --lint says the same of it; with the blank filled in by hand, nothing
	run bash -c "omni-reply --lint '$BATS_TEST_TMPDIR/two.json' | jq -c .reply.lint"
	assert_output '["slot: {{shipment.carrier}} is empty: the store does not have it"]'
	run bash -c "jq -c '.reply.text = \"Shipped with UPS.\"' '$BATS_TEST_TMPDIR/two.json' |
		omni-reply --lint | jq -c .reply.lint"
	assert_output '[]'
}

@test "the library never writes an empty slot: a shipment without carrier or tracking says only that it shipped" {
	run text_of 'del(.orders[0].fulfillments[0].carrier, .orders[0].fulfillments[0].tracking_number)'
	assert_output 'Hello Maria,

Thank you for your message about order #1043.

Our records show it has shipped on November 12, 2026.
The estimated delivery date is November 21, 2026.

Kind regards,
acme-us customer care'
	run bash -c "jq -c 'del(.orders[0].fulfillments[0].carrier)' '$R/email-wismo.json' | omni-reply $NOW | jq -c .reply.lint"
	assert_output '[]'
}

# ---- facts a template needs ----

@test "of the templates of one name, the first whose facts the ticket has; none: no reply" {
	T=$BATS_TEST_TMPDIR/tmpl
	mkdir -p "$T"
	cat >"$T/en.tmpl" <<'EOF'
@@ wismo needs shipment.status=delivered|available_for_pickup
delivered {{order.number}}
@@ wismo needs shipment.tracking_number shipment.status!=delivered
moving {{shipment.tracking_number}}
@@ wismo needs !shipment.tracking_number order.number
no tracking {{order.number}}
EOF
	run text_of '.orders[0].fulfillments[0].status = "delivered"' -T "$T"
	assert_output 'delivered #1043'
	run text_of . -T "$T"
	assert_output 'moving 1Z999AA10123456784'
	run text_of 'del(.orders[0].fulfillments[0].tracking_number)' -T "$T"
	assert_output 'no tracking #1043'
	# none holds: no reply, and -v says which fact was missing
	run bash -c "jq -c 'del(.orders[0].fulfillments[0].tracking_number, .orders[0].number)' '$R/email-wismo.json' |
		omni-reply $NOW -v -T '$T' 2>&1 >/dev/null"
	assert_output --partial "t-wismo-1: no template 'wismo' for this ticket: it lacks order.number"
	# the same where the reply is composed to be sent, and by --auto
	printf '[reply]\nsmtp = smtp://127.0.0.1:9\nfrom = care@acme.example\n' >"$BATS_TEST_TMPDIR/omni.conf"
	run bash -c "jq -c 'del(.orders[0].fulfillments[0].tracking_number, .orders[0].number)' '$R/email-wismo.json' |
		omni-reply $NOW -v -c '$BATS_TEST_TMPDIR/omni.conf' --send --auto -T '$T' 2>&1 >/dev/null"
	assert_output --partial "t-wismo-1: no template 'wismo' for this ticket: it lacks order.number"
	# no template of the name at all: no fact to name
	run bash -c "omni-reply $NOW -v -T '$T' -t nosuch '$R/email-wismo.json' 2>&1 >/dev/null"
	assert_output --partial "t-wismo-1: no template 'nosuch' for this ticket"
	refute_output --partial lacks
	run text_of 'del(.orders[0].fulfillments[0].tracking_number, .orders[0].number)' -T "$T"
	assert_equal "$output" -
}

@test "a fact that cannot be read is a configuration error naming file and line" {
	T=$BATS_TEST_TMPDIR/tmpl
	mkdir -p "$T"
	printf 'comment\n@@ wismo needs !order.status=open\nx\n' >"$T/en.tmpl"
	run omni-reply -T "$T" "$R/email-wismo.json"
	assert_failure 78
	assert_output --partial "$T/en.tmpl:2: bad fact '!order.status=open'"
	printf '@@ wismo needs\nx\n' >"$T/en.tmpl"
	run omni-reply -T "$T" "$R/email-wismo.json"
	assert_failure 78
	assert_output --partial "$T/en.tmpl:1: section header: 'needs' names no fact"
}

# ---- the shipment's status ----

@test "WISMO by what the shipment shows: delivered, out for delivery, exception, in transit" {
	run text_of '.orders[0].fulfillments[0] += {status: "delivered", delivered_at: "2026-11-19T15:00:00Z"}'
	assert_line 'Our records show it was delivered on November 19, 2026 by UPS. The tracking number is 1Z999AA10123456784.'
	refute_output --partial 'has shipped'
	run text_of '.orders[0].fulfillments[0].status = "out_for_delivery"'
	assert_line 'UPS reports that it is out for delivery. The tracking number is 1Z999AA10123456784.'
	run text_of '.orders[0].fulfillments[0].status = "exception"'
	assert_line 'UPS reports a problem with the delivery (tracking number 1Z999AA10123456784).'
	refute_output --partial 'estimated'
	run text_of .
	assert_line 'It has shipped with UPS on November 12, 2026. The tracking number is 1Z999AA10123456784.'
	# an estimate already passed is not given as the delivery date
	run text_of '.orders[0].fulfillments[0].estimated_at = "2026-11-18T18:00:00Z"'
	refute_output --partial 'November 18'
}

@test "Instagram: a delivered parcel is not 'on its way'" {
	run bash -c "jq -c '.orders[0].fulfillments[0] += {status: \"delivered\", delivered_at: \"2026-11-19T15:00:00Z\"}' '$R/instagram.json' |
		omni-reply '$NOW' | jq -r .reply.text"
	assert_output "Hi Dana! Your order #1044 was delivered on November 19, 2026. Can't find it? Just reply here.

Thanks! acme-us"
	for lang in it fr es de; do
		run section_of "$lang" '.orders[0].fulfillments[0].status = "delivered"' "$R/instagram.json"
		assert_output "@@ wismo warm needs order.number shipment.status=delivered"
	done
}

@test "no shipment in the store: the order's status says whether it shipped, and nothing is promised" {
	# Amazon keeps no fulfilment: its order status Shipped is stored as closed
	run bash -c "jq -c 'del(.orders[0].fulfillments) | .orders[0].status = \"closed\"' '$R/amazon-wismo.json' |
		omni-reply '$NOW' | jq -r .reply.template,.reply.text"
	assert_line --index 0 status
	assert_line 'Our records show it has shipped. You can follow its delivery in Your Orders on Amazon.'
	refute_output --partial 'not shipped'
	run text_of 'del(.orders[0].fulfillments) | .orders[0].status = "open"'
	assert_line 'It is being prepared and has not shipped yet.'
	refute_output --partial 'as soon as'
	run text_of 'del(.orders[0].fulfillments) | .orders[0].status = "cancelled"'
	assert_line 'This order was cancelled.'
	# a status the store does not have: no reply
	run text_of 'del(.orders[0].fulfillments, .orders[0].status)'
	assert_equal "$output" -
}

@test "the Amazon orders connector's statuses reach the right WISMO variant" {
	# Shipped is stored as closed, Unshipped and Pending as open
	run grep -A3 '"Shipped"' "$TOP/lib/fetch/payload/payload_amazon.c"
	assert_output --partial 'return "closed";'
	for lang in en it fr es de; do
		run section_of "$lang" 'del(.orders[0].fulfillments) | .orders[0].status = "closed"' "$R/amazon-wismo.json"
		assert_output --partial 'order.status=closed|'
		run section_of "$lang" 'del(.orders[0].fulfillments) | .orders[0].status = "open"' "$R/amazon-wismo.json"
		assert_output --partial 'order.status=open|'
		# PartiallyShipped: part of it has shipped, never "not shipped yet"
		run section_of "$lang" 'del(.orders[0].fulfillments) | .orders[0].status = "partially_shipped"' "$R/amazon-wismo.json"
		assert_output --partial 'order.status=partially_shipped'
	done
	run grep -A5 '"PartiallyShipped"' "$TOP/lib/fetch/payload/payload_amazon.c"
	assert_output --partial 'return "partially_shipped";'
	run bash -c "jq -c 'del(.orders[0].fulfillments) | .orders[0].status = \"partially_shipped\"' '$R/amazon-wismo.json' |
		omni-reply $NOW | jq -r .reply.text"
	assert_output --partial 'Our records show part of it has shipped; the rest has not shipped yet. You can follow what has shipped in Your Orders on Amazon.'
}

@test "a partly shipped order whose items say what shipped: WISMO and status list the items on their way and the rest, in every language" {
	PART='.orders[0].status = "partially_shipped" | .orders[0].items[0].shipped = 1 | .orders[0].items[1].shipped = 0'
	run text_of "$PART"
	assert_line 'Part of it has shipped with UPS (tracking number 1Z999AA10123456784); the rest has not shipped yet.'
	assert_output --partial $'On its way:\n- 1 x Alpine Fleece Jacket\n\nNot shipped yet:\n- 2 x Thermo Bottle 1L\n\nYou can follow the parcel here:'
	# half of a line shipped: each list has its units
	run text_of '.orders[0].status = "partially_shipped" | .orders[0].items[0].shipped = 0 | .orders[0].items[1].shipped = 1'
	assert_output --partial $'On its way:\n- 1 x Thermo Bottle 1L\n\nNot shipped yet:\n- 1 x Alpine Fleece Jacket\n- 1 x Thermo Bottle 1L\n'
	# no shipment in the store: the status reply lists them the same way
	run text_of "$PART | del(.orders[0].fulfillments)"
	assert_output --partial $'Part of it has shipped; the rest has not shipped yet.\n\nOn its way:\n- 1 x Alpine Fleece Jacket\n\nNot shipped yet:\n- 2 x Thermo Bottle 1L\n\nKind regards,'
	for lang in it fr es de; do
		run section_of "$lang" "$PART" "$R/email-wismo.json"
		assert_output --partial 'order.status=partially_shipped items_shipped items_waiting'
		run section_of "$lang" "$PART | del(.orders[0].fulfillments)" "$R/email-wismo.json"
		assert_output '@@ status needs order.number order.status=partially_shipped items_shipped items_waiting register=formal|informal'
	done
	# items that do not say (Amazon's): the reply without a list, never "nothing shipped"
	run text_of '.orders[0].status = "partially_shipped" | del(.orders[0].fulfillments)'
	assert_output --partial 'Our records show part of it has shipped; the rest has not shipped yet.'
	refute_output --partial 'On its way:'
}

@test "presale: the products the question names say in stock, how many left, out of stock and back when; none named: the general answer" {
	P='.intent = "presale" | del(.orders) | .products = [
		{sku: "TRS-L-SND", title: "Trail shorts", available: 4, status: "in_stock"},
		{sku: "TRS-M-CHR", title: "Trail shorts", available: 0, status: "out_of_stock", restock_at: "2026-12-15T00:00:00Z"},
		{sku: "MB-OS-FOR", title: "Merino beanie", status: "backorder"}]'
	run text_of "$P"
	assert_output --partial $'What you asked about:\n- Trail shorts (TRS-L-SND): in stock, 4 left\n- Trail shorts (TRS-M-CHR): out of stock, back in stock on December 15, 2026\n- Merino beanie (MB-OS-FOR): on backorder\n\nA member of our team'
	for lang in it fr es de; do
		run section_of "$lang" "$P" "$R/email-wismo.json"
		assert_output '@@ presale needs products register=formal|informal'
	done
	run text_of '.intent = "presale" | del(.orders)'
	assert_output --partial 'A member of our team who knows the product well will answer your question shortly.'
	refute_output --partial 'in stock'
}

# ---- refunds ----

@test "a refund issued is told as issued; a refund requested is not told as done" {
	run text_of '.intent = "refund" | .orders[0].refunds[0].amount = "1234.00"'
	assert_line 'We have refunded €1,234.00 for order #1043 (reason: late delivery). Depending on your bank, it will show within 5 to 10 business days.'
	run text_of '.intent = "refund" | del(.orders[0].refunds)'
	refute_output --partial 'We have refunded'
	assert_output --partial 'no refund has been issued yet'
	for lang in en it fr es de; do
		run section_of "$lang" '.intent = "refund" | del(.orders[0].refunds)' "$R/email-wismo.json"
		assert_output '@@ refund needs order.number'
		run section_of "$lang" '.intent = "refund" | .orders[0].refunds[0].amount = "1234.00"' "$R/email-wismo.json"
		assert_output '@@ refund needs order.number refund.amount'
	done
}

# ---- promises ----

@test "the replacement promises no tracking details, which nothing would send, in any language" {
	for lang in en it fr es de; do
		run bash -c "jq -c '.lang = \"$lang\"' '$R/email-wismo.json' | omni-reply $NOW -t replacement | jq -r .reply.text"
		assert_success
		assert_output --partial "#1043"
		for w in tracking tracciamento suivi seguimiento Sendungsdaten 'as soon as' appena "dès" 'en cuanto' sobald; do
			refute_output --partial "$w"
		done
	done
}

# ---- the proactive delay notice ----

@test "the delay notice: the new estimate when there is one, never the date already missed" {
	# the estimate has passed: that is why the notice goes out
	run text_of '.kind = "proactive" | .orders[0].fulfillments[0].estimated_at = "2026-11-18T18:00:00Z"'
	assert_line 'The carrier has not given a new delivery date yet.'
	refute_output --partial 'November 18'
	refute_output --partial 'new estimated delivery date'
	run text_of '.kind = "proactive" | .orders[0].fulfillments[0].estimated_at = "2026-11-24T18:00:00Z"'
	assert_line 'The new estimated delivery date is November 24, 2026.'
	run text_of '.kind = "proactive" | .orders[0].fulfillments[0].status = "exception"'
	assert_line 'We are writing about your order #1043. UPS reports a problem with its delivery (tracking number 1Z999AA10123456784).'
	refute_output --partial 'estimated'
	for lang in en it fr es de; do
		run section_of "$lang" '.kind = "proactive" | .orders[0].fulfillments[0].estimated_at = "2026-11-18T18:00:00Z"' "$R/email-wismo.json"
		assert_output '@@ delay needs order.number'
		run section_of "$lang" '.kind = "proactive"' "$R/email-wismo.json"
		assert_output '@@ delay needs order.number new_estimate'
	done
}

# ---- the claim defence ----

# The claim fixture: Amazon's notice (from its own address: the system's,
# as omni-fetch writes it) and the buyer's message; $1 a jq filter on it.
claim() {
	jq -c ".kind = \"claim\"
		| .messages = [
			{direction: \"in\", author: \"system\", from: \"atoz-guarantee-no-reply@amazon.com\", at: \"2026-11-21T08:00:00Z\", text: \"A buyer has filed an A-to-z Guarantee claim.\"},
			{direction: \"in\", author: \"customer\", from: \"k3x9@marketplace.amazon.com\", at: \"2026-11-20T09:00:00Z\", text: \"Where is my bottle?\"}]
		| $1" "$R/amazon-wismo.json" | omni-reply "$NOW" | jq -r '.reply.text // "-"'
}

@test "the claim defence names its marketplace and cites only the evidence the store holds" {
	run claim .
	assert_line --index 0 'Dear Amazon A-to-z Guarantee team,'
	assert_line 'Delivered: November 14, 2026 (carrier delivery scan)'
	assert_line '- 2026-11-20T09:00:00Z, buyer: Where is my bottle?'
	# Amazon's own notice is not the buyer's words
	refute_output --partial 'filed an A-to-z'
	# no reply was sent: it does not say one was
	refute_output --partial 'We answered'
	run claim '.messages += [{direction: "out", author: "agent", at: "2026-11-20T10:00:00Z", text: "It was delivered on the 14th."}]'
	assert_line '- 2026-11-20T10:00:00Z, seller: It was delivered on the 14th.'
	assert_output --partial "We answered the buyer's messages"
	# eBay: its own guarantee, never Amazon's
	run claim '.channel = "ebay"'
	assert_line --index 0 'Dear eBay Customer Service,'
	refute_output --partial 'Amazon'
	# no delivery scan: none is claimed
	run claim '.orders[0].fulfillments[0] |= (del(.delivered_at) | .status = "in_transit")'
	refute_output --partial 'Delivered'
	assert_line 'Carrier status: in_transit'
	# no shipment at all, or no marketplace: no defence is written
	run claim 'del(.orders[0].fulfillments)'
	assert_equal "$output" -
	run claim '.channel = "email"'
	assert_equal "$output" -
	for lang in it fr es de; do
		run claim ".lang = \"$lang\" | .channel = \"ebay\""
		assert_output --partial 'eBay'
		refute_output --partial 'Amazon'
		refute_output --partial 'filed an A-to-z'
	done
}

# ---- one register per language and store ----

# Fails when the text $2 in language $1 addresses the customer informally.
formal_only() {
	local w
	case $1 in
	it) set -- "$2" Ciao ' tuo ' ' tua ' ' ti ' Ti ' hai ' Scrivici Rispondici ;;
	fr) set -- "$2" Coucou Salut ' ta ' ' ton ' ' tu ' ' te ' Réponds-nous Écris-nous ;;
	es) set -- "$2" ' tu ' ' te ' ¡Te Respóndenos Escríbenos Síguelo ;;
	de) set -- "$2" 'Hi ' ' du ' ' dir ' ' dein' Deine 'Antworte uns' ;;
	*) return 0 ;;
	esac
	local text=$1
	shift
	for w; do
		[[ $text != *"$w"* ]] || fail "informal '$w' in: $text"
	done
}

@test "formal by default: every template in every language and tone addresses the customer formally" {
	for lang in it fr es de; do
		for t in wismo status return return_label refund refund_partial replacement \
			address_change cancellation damaged presale delay verify; do
			for ch in email instagram amazon; do
				run bash -c "jq -c '.lang = \"$lang\" | .channel = \"$ch\" | .messages[].channel = \"$ch\"
					| .orders[0].returns = [{status: \"label_issued\"}]' '$R/email-wismo.json' |
					omni-reply $NOW -t $t | jq -r '.reply.text // empty'"
				assert_success
				formal_only "$lang" " $output "
			done
		done
		# every WISMO variant too
		for st in delivered out_for_delivery exception in_transit; do
			for ch in email instagram; do
				run bash -c "jq -c '.lang = \"$lang\" | .channel = \"$ch\" | .messages[].channel = \"$ch\"
					| .orders[0].fulfillments[0].status = \"$st\"' '$R/email-wismo.json' | omni-reply $NOW | jq -r .reply.text"
				formal_only "$lang" " $output "
			done
		done
	done
	# Italian: no "Ciao" before a "Può"
	run text_of '.lang = "it"'
	assert_line --index 0 'Buongiorno Maria,'
	assert_output --partial 'Può seguire la spedizione qui'
}

@test "a store's informal register: informal throughout where the library has it, never mixed" {
	printf '[store acme-us]\nregister = informal\n' >"$BATS_TEST_TMPDIR/omni.conf"
	run bash -c "jq -c '.lang = \"it\"' '$R/instagram.json' | omni-reply '$NOW' -c '$BATS_TEST_TMPDIR/omni.conf' | jq -r .reply.text"
	assert_output --partial 'Ciao Dana! Il tuo ordine #1044 è in viaggio con USPS'
	# the library writes every template in both registers: damaged too
	run text_of '.lang = "it" | .intent = "damaged"' -c "$BATS_TEST_TMPDIR/omni.conf"
	assert_line --index 0 'Ciao Maria,'
	assert_output --partial "Puoi inviarci una foto"
	# a store's own template written only formally takes the formal greeting with it
	T=$BATS_TEST_TMPDIR/tmpl
	mkdir -p "$T"
	printf '@@ damaged\n{{> greeting}}\n\nPuò inviarci una foto?\n' >"$T/it.tmpl"
	run text_of '.lang = "it" | .intent = "damaged"' -c "$BATS_TEST_TMPDIR/omni.conf" -T "$T"
	assert_line --index 0 'Buongiorno Maria,'
	run text_of '.lang = "de" | .store = "other" | .channel = "instagram" | .messages[].channel = "instagram"' -c "$BATS_TEST_TMPDIR/omni.conf"
	assert_output --partial 'Hallo Maria! Ihre Bestellung #1043'
	# the replies --auto sends, in every tone, informal from greeting to signature
	for lang in it fr es de; do
		case $lang in
		it) formal=(Può Suo ' La ' Gentile Cordiali Salve) ;;
		fr) formal=(' vous ' ' votre ' ' vos ' Veuillez 'Vous ') ;;
		es) formal=(' su ' ' sus ' 'Puede ' ' usted' Estimado ' Le ') ;;
		de) formal=(' Sie ' ' Ihr' 'Ihre ' 'Guten Tag') ;;
		esac
		for f in '.orders[0].fulfillments[0].status = "delivered"' '.orders[0].fulfillments[0].status = "exception"' \
			. 'del(.orders[0].fulfillments) | .orders[0].status = "closed"' \
			'del(.orders[0].fulfillments) | .orders[0].status = "open"'; do
			for ch in email amazon instagram; do
				run text_of ".lang = \"$lang\" | .channel = \"$ch\" | .messages[].channel = \"$ch\" | $f" -c "$BATS_TEST_TMPDIR/omni.conf"
				for w in "${formal[@]}"; do
					[[ " $output " != *"$w"* ]] || fail "formal '$w' in an informal store's reply ($lang, $ch, $f): $output"
				done
			done
		done
	done
	# every other template of the library, and each variant, informal throughout
	for lang in it fr es de; do
		case $lang in
		it) formal=(Può Suo ' La ' Gentile Cordiali Salve ' le ' Imballi Risponda) ;;
		fr) formal=(' vous ' ' votre ' ' vos ' Veuillez 'Vous ' Emballez Répondez) ;;
		es) formal=(' su ' ' sus ' 'Puede ' ' usted' Estimado ' Le ' 'Le ' Embale Responda Disculpe) ;;
		de) formal=(' Sie ' ' Ihr' 'Ihre ' 'Guten Tag' Verpacken Antworten) ;;
		esac
		for t in return return_label refund refund_partial replacement address_change cancellation \
			damaged presale delay; do
			for f in . '.orders[0].refunds[0].amount = "12.00"' \
				'.orders[0].fulfillments[0].status = "exception"' \
				'.orders[0].fulfillments[0].estimated_at = "2026-11-25T18:00:00Z"'; do
				for ch in email instagram; do
					run bash -c "jq -c '.lang = \"$lang\" | .channel = \"$ch\" | .messages[].channel = \"$ch\"
						| .orders[0].returns = [{status: \"label_issued\"}] | $f' '$R/email-wismo.json' |
						omni-reply $NOW -c '$BATS_TEST_TMPDIR/omni.conf' -t $t | jq -r '.reply.text // \"-\"'"
					[ "$output" != - ] || fail "no $t reply ($lang, $ch, $f)"
					for w in "${formal[@]}"; do
						[[ " $output " != *"$w"* ]] || fail "formal '$w' in an informal store's $t ($lang, $ch, $f): $output"
					done
				done
			done
		done
	done
	# another value is a configuration error naming its line
	printf '[store acme-us]\nbrand = Acme\nregister = casual\n' >"$BATS_TEST_TMPDIR/omni.conf"
	run omni-reply -c "$BATS_TEST_TMPDIR/omni.conf" "$R/email-wismo.json"
	assert_failure 78
	assert_output --partial "omni.conf:3: store acme-us: register 'casual': expected formal or informal"
}
