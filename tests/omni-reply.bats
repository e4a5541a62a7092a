#!/usr/bin/env bats
# omni-reply: templates in five languages, the fallback order, customer text
# as data, each lint rule and the messaging window, --auto, and delivery by
# SMTP exactly once, against a real SMTP server on loopback.

load test_helper
bats_require_minimum_version 1.5.0

R=$FIXTURES/reply
PY=/usr/bin/python3

# The SMTP server every sending test shares: each test writes to its own
# recipients and counts what the server kept for them.
setup_file() {
	smtpd_file_start
}

teardown_file() {
	smtpd_file_stop
}

need_smtpd() {
	[ -z "${NO_SMTPD:-}" ] || skip "python3-aiosmtpd is not installed"
}

# A configuration sending through the server on port $1.
smtp_conf() {
	printf '[reply]\nsmtp = smtp://127.0.0.1:%s\nfrom = Acme Care <care@acme.example>\nretries = 2\nbackoff = 50\ntimeout = 20\n' \
		"$1" >"$BATS_TEST_TMPDIR/omni.conf"
	echo "$BATS_TEST_TMPDIR/omni.conf"
}

# How many messages the spool $1 holds for recipient $2.
received() {
	grep -l "^X-Envelope-To: $2" "$1"/*.eml 2>/dev/null | wc -l
}

# The email fixture with its customer's address set to $1.
ticket_to() {
	jq -c --arg a "$1" '.customer.emails = [$a]' "$R/email-wismo.json"
}

NOW=--now=2026-11-20T12:00:00Z

# The WISMO fixture as a stranger's: she writes from her own address $1
# and quotes order #1043, which is not hers (verified false, or with $2
# "absent" no verified member at all); the order has a delivery address.
stranger() {
	jq -c --arg a "${1:-eve@example.net}" --arg how "${2:-false}" '
		.customer = {id: "cus_9", name: "Eve Stranger", emails: [$a]}
		| .messages |= map(if .direction == "in" then . + {from: $a} else . end)
		| .orders[0] |= (del(.verified, .verified_by)
			+ {shipping_address: {name: "Maria Rossi", address1: "Via Roma 12", city: "Milano", zip: "20121"}}
			+ (if $how == "absent" then {} else {verified: false} end))' "$R/email-wismo.json"
}

# Fails when the text $1 names anything of order #1043 beyond its number.
no_detail() {
	local d
	for d in 1Z999AA10123456784 UPS ups.com 'Via Roma' 20121 Milano Alpine Thermo 1234 1,234 \
		'November 10' 'November 12' 'November 21' 'Maria'; do
		[[ $1 != *"$d"* ]] || fail "the reply discloses '$d': $1"
	done
}

# ---- templates ----

@test "WISMO in English: carrier, tracking number and link, estimated delivery" {
	run omni-reply "$NOW" "$R/email-wismo.json"
	assert_success
	run jq -r .reply.text <<<"$output"
	assert_output "Hello Maria,

Thank you for your message about order #1043.

It has shipped with UPS on November 12, 2026. The tracking number is 1Z999AA10123456784.
You can follow it here: https://www.ups.com/track?tracknum=1Z999AA10123456784
The estimated delivery date is November 21, 2026.

Kind regards,
acme-us customer care"
}

@test "the rest of the record passes through byte for byte, reply appended" {
	run omni-reply "$NOW" "$R/email-wismo.json"
	assert_success
	want=$(head -c -2 "$R/email-wismo.json")
	[ "${output:0:${#want}}" = "$want" ]
	run jq -r '.reply | [.template, .lang, .status, (.lint | length)] | @tsv' <<<"$output"
	assert_output $'wismo\ten\tdraft\t0'
}

@test "every template renders in every language, in that language" {
	for lang in en it fr es de; do
		for t in wismo status return return_label refund refund_partial replacement \
			address_change cancellation damaged presale delay claim; do
			# the facts each one needs: a return label issued, a claim on Amazon
			run bash -c "jq -c '.lang = \"$lang\" | .orders[0].returns = [{status: \"label_issued\"}]
				| if \"$t\" == \"claim\" then .channel = \"amazon\" else . end' '$R/email-wismo.json' |
				omni-reply $NOW -t $t"
			assert_success
			got=$(jq -r '[.reply.template, .reply.lang] | @tsv' <<<"$output")
			assert_equal "$got" "$t	$lang"
			text=$(jq -r .reply.text <<<"$output")
			[ -n "$text" ]
			[[ $text != *"{{"* ]] || fail "$t/$lang left a tag: $text"
			[[ $text == *"#1043"* || $t == claim || $t == presale ]] || fail "$t/$lang does not name the order"
		done
	done
}

@test "dates in the customer's language" {
	for pair in "en:November 21, 2026" "it:21 novembre 2026" "fr:21 novembre 2026" \
		"es:21 de noviembre de 2026" "de:21. November 2026"; do
		lang=${pair%%:*} want=${pair#*:}
		run bash -c "jq -c '.lang = \"$lang\"' '$R/email-wismo.json' | omni-reply $NOW | jq -r .reply.text"
		assert_output --partial "$want"
	done
}

@test "dates in the store's time zone, daylight saving time included" {
	printf '[store acme-us]\ntimezone = America/New_York\n[store acme-it]\ntimezone = Europe/Rome\n' \
		>"$BATS_TEST_TMPDIR/omni.conf"
	# est(): the WISMO text of the fixture with this estimated delivery, store and language
	est() {
		jq -c --arg t "$1" --arg s "$2" --arg l "$3" \
			'.orders[0].fulfillments[0].estimated_at = $t | .store = $s | .lang = $l' "$R/email-wismo.json" |
			omni-reply -c "$BATS_TEST_TMPDIR/omni.conf" --now 2026-01-01T00:00:00Z | jq -r .reply.text
	}
	# 04:30Z on the day New York leaves summer time is still 00:30 EDT (UTC-4)
	run est 2026-11-01T04:30:00Z acme-us en
	assert_output --partial 'estimated delivery date is November 1, 2026.'
	# the same hour on the day it enters it is 23:30 EST (UTC-5) the day before
	run est 2026-03-08T04:30:00Z acme-us en
	assert_output --partial 'estimated delivery date is March 7, 2026.'
	# Rome on the night it enters summer time: 22:30Z is 00:30 CEST (UTC+2)
	run est 2026-03-29T22:30:00Z acme-it it
	assert_output --partial 'La consegna è prevista per il 30 marzo 2026.'
	# a store with no zone: UTC; a bare date is that day everywhere
	run est 2026-03-29T22:30:00Z other it
	assert_output --partial 'La consegna è prevista per il 29 marzo 2026.'
	run est 2026-11-01 acme-us en
	assert_output --partial 'estimated delivery date is November 1, 2026.'
}

@test "an unknown time zone is said once per zone and its dates are in UTC" {
	printf '[store acme-us]\ntimezone = Mars/Olympus_Mons\n[store acme-it]\ntimezone = America\n' \
		>"$BATS_TEST_TMPDIR/omni.conf"
	for s in acme-us acme-us acme-it acme-us; do
		jq -c --arg s "$s" '.orders[0].fulfillments[0].estimated_at = "2026-03-29T22:30:00Z" | .store = $s' \
			"$R/email-wismo.json"
	done >"$BATS_TEST_TMPDIR/in.ndjson"
	omni-reply -c "$BATS_TEST_TMPDIR/omni.conf" --now 2026-01-01T00:00:00Z "$BATS_TEST_TMPDIR/in.ndjson" \
		>"$BATS_TEST_TMPDIR/out" 2>"$BATS_TEST_TMPDIR/err"
	run jq -r '.reply.text | capture("date is (?<d>[^.]*)").d' "$BATS_TEST_TMPDIR/out"
	assert_output $'March 29, 2026\nMarch 29, 2026\nMarch 29, 2026\nMarch 29, 2026'
	run cat "$BATS_TEST_TMPDIR/err"
	assert_output "omni-reply: $BATS_TEST_TMPDIR/omni.conf:2: store acme-us: unknown time zone 'Mars/Olympus_Mons': its dates are written in UTC
omni-reply: $BATS_TEST_TMPDIR/omni.conf:4: store acme-it: unknown time zone 'America': its dates are written in UTC"
	# -q silences the warning, not the reply
	run omni-reply -q -c "$BATS_TEST_TMPDIR/omni.conf" --now 2026-01-01T00:00:00Z "$BATS_TEST_TMPDIR/in.ndjson"
	assert_success
	[ "$(jq -r .reply.status <<<"${lines[0]}")" = draft ]
	[[ $output != *"unknown time zone"* ]]
}

@test "money in the customer's language, with the refund's reason" {
	nb=$'\u00a0' nn=$'\u202f'
	for pair in "en:€12.50 of the €1,234.00" "it:12,50${nb}€ sui 1.234,00${nb}€" \
		"fr:12,50${nb}€ sur les 1${nn}234,00${nb}€" "es:12,50${nb}€ de los 1.234,00${nb}€" \
		"de:12,50${nb}€ der für die Bestellung #1043 bezahlten 1.234,00${nb}€"; do
		lang=${pair%%:*} want=${pair#*:}
		run bash -c "jq -c '.lang = \"$lang\" | .intent = \"refund\"' '$R/email-wismo.json' | omni-reply | jq -r '.reply.template, .reply.text'"
		assert_line --index 0 refund_partial
		assert_output --partial "$want"
		assert_output --partial "late delivery"
	done
	# a full refund in dollars
	run bash -c "jq -c '.intent = \"refund\" | .orders[0].currency = \"USD\" | .orders[0].refunds[0].amount = \"1234.00\"' '$R/email-wismo.json' | omni-reply | jq -r '.reply.template, .reply.text'"
	assert_line --index 0 refund
	assert_output --partial 'We have refunded $1,234.00 for order #1043 (reason: late delivery).'
}

@test "channel tone: formal on Amazon, short and warm on Instagram" {
	run bash -c "omni-reply '$NOW' '$R/amazon-wismo.json' | jq -r .reply.text"
	assert_line --index 0 'Dear Kevin Garcia,'
	assert_output --partial 'Our records show it was delivered on November 14, 2026 by UPS.'
	run bash -c "omni-reply '$NOW' '$R/instagram.json' | jq -r .reply.text"
	assert_output "Hi Dana! Your order #1044 is on its way with USPS (tracking 9400111899223197428490, expected November 22, 2026). Track it: https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223197428490

Thanks! acme-us"
}

@test "the A-to-z defence gathers carrier, tracking, delivery scan and the messages" {
	run bash -c "jq -c '.kind = \"claim\"' '$R/amazon-wismo.json' | omni-reply | jq -r .reply.text"
	assert_success
	assert_line --index 0 'Dear Amazon A-to-z Guarantee team,'
	assert_line 'Carrier: UPS'
	assert_line 'Tracking number: 1Z999AA18417560682'
	assert_line 'Delivered: November 14, 2026 (carrier delivery scan)'
	assert_line '- 2026-11-20T09:00:00Z, buyer: Where is my bottle? Order 114-9951336-3472378.'
}

@test "customer text is data: template tags in it are printed, not run" {
	run bash -c "jq -c '.customer.name = \"{{customer.emails.0}} {{#each orders as o}}x{{/each}}\" | .intent = \"claim\" | .channel = \"amazon\" | .messages[2].text = \"{{> signature}} {{order.total}}\"' '$R/email-wismo.json' | omni-reply -t claim | jq -r .reply.text"
	assert_success
	assert_output --partial '- 2026-11-20T09:00:00Z, buyer: {{> signature}} {{order.total}}'
	run bash -c "jq -c '.customer.name = \"{{customer.emails.0}} X\"' '$R/email-wismo.json' | omni-reply | jq -r .reply.text"
	assert_line --index 0 'Hello {{customer.emails.0}},'
}

@test "HTML output escapes the customer's text" {
	run bash -c "jq -c '.customer.name = \"<script>alert(1)</script> & co\"' '$R/email-wismo.json' | omni-reply | jq -r .reply.html"
	assert_success
	assert_output --partial '<p>Hello &lt;script&gt;alert(1)&lt;/script&gt;,</p>'
	assert_output --partial '<a href="https://www.ups.com/track?tracknum=1Z999AA10123456784">'
	refute_output --partial '<script>'
	# and the plain text keeps it as written
	run bash -c "jq -c '.customer.name = \"<b>Bo\"' '$R/email-wismo.json' | omni-reply | jq -r .reply.text"
	assert_line --index 0 'Hello <b>Bo,'
}

@test "fallback order: store, then channel and tone, then the language, then English" {
	T=$BATS_TEST_TMPDIR/tmpl
	mkdir -p "$T/acme-us"
	printf '@@ wismo\nstore plain {{order.number}}\n' >"$T/acme-us/en.tmpl"
	printf '@@ wismo email\nchannel {{order.number}}\n@@ wismo\nplain\n@@ signature\n-- {{brand}}\n' >"$T/en.tmpl"
	printf '@@ wismo plain\ntone {{order.number}}\n' >"$T/it.tmpl"

	# the store's own template wins
	run bash -c "omni-reply -T '$T' '$R/email-wismo.json' | jq -r '.reply.text, .reply.source'"
	assert_output "store plain #1043
$T/acme-us/en.tmpl:1"
	# another store: the channel's template beats the plain one
	run bash -c "jq -c '.store = \"other\"' '$R/email-wismo.json' | omni-reply -T '$T' | jq -r .reply.text"
	assert_output 'channel #1043'
	# Italian: the tone's template in Italian comes before anything English
	run bash -c "jq -c '.store = \"other\" | .lang = \"it\"' '$R/email-wismo.json' | omni-reply -T '$T' | jq -r '.reply.text, .reply.lang'"
	assert_output $'tone #1043\nit'
	# a language with no templates falls back to English, and says so
	run bash -c "jq -c '.store = \"other\" | .lang = \"pt\"' '$R/email-wismo.json' | omni-reply -T '$T' | jq -r '.reply.text, .reply.lang'"
	assert_output $'channel #1043\nen'
	# a template not in -T comes from the default library
	run bash -c "jq -c '.intent = \"damaged\"' '$R/email-wismo.json' | omni-reply -T '$T' | jq -r .reply.source"
	assert_output --regexp '/share/omni/templates/en.tmpl:[0-9]+$'
}

@test "a store's voice: its own signature in every template" {
	T=$BATS_TEST_TMPDIR/tmpl
	mkdir -p "$T/acme-us"
	printf '@@ signature\nCiao from the {{brand}} crew\n' >"$T/acme-us/en.tmpl"
	printf '[store acme-us]\nbrand = "Acme Outfitters"\n' >"$BATS_TEST_TMPDIR/omni.conf"
	run bash -c "omni-reply -c '$BATS_TEST_TMPDIR/omni.conf' -T '$T' '$R/email-wismo.json' | jq -r .reply.text | tail -1"
	assert_output 'Ciao from the Acme Outfitters crew'
}

@test "a broken template is a configuration error naming file and line" {
	T=$BATS_TEST_TMPDIR/tmpl
	mkdir -p "$T"
	printf '@@ wismo\nline one\n{{#if order}}open\n' >"$T/en.tmpl"
	run omni-reply -T "$T" "$R/email-wismo.json"
	assert_failure 78
	assert_output --regexp "^omni-reply: $T/en.tmpl:3:1: block not closed: expected \{\{/if\}\}"
	printf '@@ wismo\n{{order.number | shout}}\n' >"$T/en.tmpl"
	run omni-reply -T "$T" "$R/email-wismo.json"
	assert_failure 78
	assert_output --partial "$T/en.tmpl:2:18: unknown filter: shout"
}

@test "conditionals, loops and filters of the template language" {
	T=$BATS_TEST_TMPDIR/tmpl
	mkdir -p "$T"
	cat >"$T/en.tmpl" <<'EOF'
@@ t
{{#each orders as o}}
{{@number}}. {{o.number}} {{o.status | upper}} {{o.items | count}} items
{{#each o.items as i}}
  - {{i.qty}} x {{i.title}}{{#if i.sku == "TB-1L"}} (bottle){{/if}}
{{/each}}
{{/each}}
{{#unless customer.phones}}no phone{{else}}phone{{/unless}}
{{customer.name | first}} {{customer.nickname | default "friend"}} {{order.placed_at | date}}
{{! a comment leaves nothing }}
EOF
	run bash -c "omni-reply -T '$T' -t t '$R/email-wismo.json' | jq -r .reply.text"
	assert_output "1. #1043 SHIPPED 2 items
  - 1 x Alpine Fleece Jacket
  - 2 x Thermo Bottle 1L (bottle)
no phone
Maria friend November 10, 2026"
}

@test "a ticket with no template for its intent passes through untouched" {
	jq -c '.intent = "feedback"' "$R/email-wismo.json" >"$BATS_TEST_TMPDIR/t.json"
	run omni-reply "$BATS_TEST_TMPDIR/t.json"
	assert_success
	assert_output "$(cat "$BATS_TEST_TMPDIR/t.json")"
}

# ---- what may be said, and to whom ----

@test "a stranger who quotes an order learns nothing of it: she is asked, in English, to show it is hers" {
	for how in false absent; do
		stranger eve@example.net "$how" >"$BATS_TEST_TMPDIR/t.json"
		run omni-reply "$NOW" "$BATS_TEST_TMPDIR/t.json"
		assert_success
		run jq -r '.reply | [.template, .lang, .status, (.lint | length), has("html")] | @tsv' <<<"$output"
		assert_output $'verify\ten\tdraft\t0\tfalse'
		text=$(omni-reply "$NOW" "$BATS_TEST_TMPDIR/t.json" | jq -r .reply.text)
		no_detail "$text"
		assert_equal "$text" "Hello Eve,

Thank you for your message about order #1043. To protect our customers' privacy, we share the details of an order only with the person who placed it.

Please write to us again from the e-mail address or account you ordered with, or reply with the e-mail address or the postal code given on the order. We will then get back to you right away.

Kind regards,
acme-us customer care"
	done
	stranger >"$BATS_TEST_TMPDIR/s.json"
	run bash -c "jq -c '.channel = \"instagram\" | .messages[].channel = \"instagram\"' '$BATS_TEST_TMPDIR/s.json' | omni-reply --now 2026-11-20T10:00:00Z | jq -r '.reply.template, .reply.text'"
	assert_line --index 0 verify
	assert_line --index 1 "Hi Eve! Happy to help with order #1043! To keep our customers' orders private, we only share details with the person who placed the order: just send us the e-mail address or the postal code given on the order, or write to us from the e-mail address you ordered with."
	no_detail "$output"
}

@test "no template reaches an order not verified for the ticket, whatever it asks for" {
	stranger >"$BATS_TEST_TMPDIR/t.json"
	# the library's templates that read orders, named by hand, in HTML too
	for t in wismo status return_label refund_partial replacement cancellation delay claim; do
		run bash -c "omni-reply -t $t '$NOW' '$BATS_TEST_TMPDIR/t.json' | jq -r '.reply.text, .reply.html // empty'"
		assert_success
		no_detail "$output"
	done
	# a store's own template walking the ticket's orders
	T=$BATS_TEST_TMPDIR/tmpl
	mkdir -p "$T"
	cat >"$T/en.tmpl" <<'EOF'
@@ t
[{{#each orders as o}}{{o.number}} {{o.fulfillments.0.tracking_number}} {{o.shipping_address.city}}{{/each}}]
[{{orders.0.number}}|{{orders | count}}|{{order.number}}|{{shipment.carrier}}|{{tracking_link}}|{{refund.amount}}]
[{{unverified_order}}|{{order_ids.0}}]
EOF
	run bash -c "omni-reply -T '$T' -t t '$BATS_TEST_TMPDIR/t.json' | jq -r .reply.text"
	assert_output '[]
[|0||||]
[#1043|#1043]'
	# the owner's own ticket: the same template sees her order
	run bash -c "jq -c '.orders[0].shipping_address = {city: \"Milano\"}' '$R/email-wismo.json' | omni-reply -T '$T' -t t | jq -r .reply.text"
	assert_output '[#1043 1Z999AA10123456784 Milano]
[#1043|1|#1043|UPS|https://www.ups.com/track?tracknum=1Z999AA10123456784|12.50]
[|#1043]'
}

@test "of two orders only the verified one is seen: templates, the choice and the lint" {
	# her own order #1044 without tracking, and a stranger's #1043 with it
	jq -c '.order_ids = ["#1043", "#1044"] | .orders[0].verified = false
		| .orders += [{id: "5893106019810", number: "#1044", status: "open", total: "20.00",
		  currency: "EUR", verified: true, verified_by: "email"}]' "$R/email-wismo.json" >"$BATS_TEST_TMPDIR/t.json"
	run bash -c "omni-reply '$NOW' '$BATS_TEST_TMPDIR/t.json' | jq -r '.reply.template, .reply.text'"
	assert_line --index 0 status
	assert_output --partial 'Thank you for your message about order #1044.'
	no_detail "${output/Maria/}"
	# on Amazon the stranger's tracking link is not a link the order needs
	jq -c '.channel = "amazon" | .messages[].channel = "amazon"
		| .reply = {text: "See https://www.ups.com/track?tracknum=1Z999AA10123456784", status: "draft"}' \
		"$BATS_TEST_TMPDIR/t.json" | omni-reply --lint >"$BATS_TEST_TMPDIR/out" || true
	run jq -r '.reply.status, .reply.lint[]' "$BATS_TEST_TMPDIR/out"
	assert_output 'blocked
link: https://www.ups.com/track?tracknum=1Z999AA10123456784 is not a link the order needs'
}

@test "every intent that reads an order asks an unverified sender to show it is hers; presale does not" {
	stranger >"$BATS_TEST_TMPDIR/s.json"
	for intent in wismo return refund exchange cancel address_change damaged; do
		run bash -c "jq -c '.intent = \"$intent\"' '$BATS_TEST_TMPDIR/s.json' | omni-reply '$NOW' | jq -r .reply.template"
		assert_output verify
	done
	run bash -c "jq -c '.intent = \"presale\"' '$BATS_TEST_TMPDIR/s.json' | omni-reply '$NOW' | jq -r .reply.template"
	assert_output presale
	# an A-to-z claim or a proactive message about an order not verified is left to a person
	for filter in '.kind = "claim"' '.kind = "proactive"'; do
		stranger | jq -c "$filter" >"$BATS_TEST_TMPDIR/t.json"
		run omni-reply "$NOW" "$BATS_TEST_TMPDIR/t.json"
		assert_success
		assert_output "$(cat "$BATS_TEST_TMPDIR/t.json")"
	done
	# an order named that the store does not know: nothing to verify, as before
	run bash -c "jq -c 'del(.orders)' '$BATS_TEST_TMPDIR/s.json' | omni-reply '$NOW' | jq -r '.reply.template // \"none\"'"
	assert_output none
}

@test "the owner, verified, is told where her order is" {
	jq -c '.messages |= map(if .direction == "in" then . + {from: "maria.rossi@example.com"} else . end)' \
		"$R/email-wismo.json" >"$BATS_TEST_TMPDIR/t.json"
	run bash -c "omni-reply --auto '$NOW' '$BATS_TEST_TMPDIR/t.json' | jq -r '.reply.template, .reply.text'"
	assert_line --index 0 wismo
	assert_output --partial 'It has shipped with UPS on November 12, 2026. The tracking number is 1Z999AA10123456784.'
}

@test "--auto sends the request to verify only where it would answer the verified order" {
	{
		stranger | jq -c '.id = "wismo"'
		stranger | jq -c '.id = "refund" | .intent = "refund"'
	} >"$BATS_TEST_TMPDIR/in.ndjson"
	run bash -c "omni-reply --auto '$NOW' '$BATS_TEST_TMPDIR/in.ndjson' | jq -r '[.id, .reply.template // \"-\"] | @tsv'"
	assert_output $'wismo\tverify\nrefund\t-'
	# an auto list without verify sends no request; one with a refund template does for refunds
	printf '[reply]\nauto = wismo status\n' >"$BATS_TEST_TMPDIR/omni.conf"
	run bash -c "omni-reply -c '$BATS_TEST_TMPDIR/omni.conf' --auto '$NOW' '$BATS_TEST_TMPDIR/in.ndjson' | jq -r '[.id, .reply.template // \"-\"] | @tsv'"
	assert_output $'wismo\t-\nrefund\t-'
	printf '[reply]\nauto = refund_partial verify\n' >"$BATS_TEST_TMPDIR/omni.conf"
	run bash -c "omni-reply -c '$BATS_TEST_TMPDIR/omni.conf' --auto '$NOW' '$BATS_TEST_TMPDIR/in.ndjson' | jq -r '[.id, .reply.template // \"-\"] | @tsv'"
	assert_output $'wismo\t-\nrefund\tverify'
}

@test "the request to verify in Italian, plain and warm" {
	stranger >"$BATS_TEST_TMPDIR/s.json"
	run bash -c "jq -c '.lang = \"it\"' '$BATS_TEST_TMPDIR/s.json' | omni-reply '$NOW' | jq -r '.reply.template, .reply.lang, .reply.text'"
	assert_success
	assert_line --index 0 verify
	assert_line --index 1 it
	assert_output --partial "Buongiorno Eve,

grazie per il messaggio sull'ordine #1043. Per tutelare la riservatezza dei nostri clienti, comunichiamo i dettagli di un ordine solo a chi lo ha effettuato."
	no_detail "$output"
	run bash -c "jq -c '.lang = \"it\" | .channel = \"instagram\" | .messages[].channel = \"instagram\"' '$BATS_TEST_TMPDIR/s.json' | omni-reply --now 2026-11-20T10:00:00Z | jq -r '.reply.template, .reply.lang, .reply.text'"
	assert_line --index 0 verify
	assert_line --index 1 it
	assert_output --partial "Salve Eve! La aiutiamo volentieri con l'ordine #1043!"
	no_detail "$output"
	# a store that writes informally: its own register, greeting included
	printf '[store acme-us]\nregister = informal\n' >"$BATS_TEST_TMPDIR/omni.conf"
	run bash -c "jq -c '.lang = \"it\" | .channel = \"instagram\" | .messages[].channel = \"instagram\"' '$BATS_TEST_TMPDIR/s.json' | omni-reply -c '$BATS_TEST_TMPDIR/omni.conf' --now 2026-11-20T10:00:00Z | jq -r .reply.text"
	assert_output --partial "Ciao Eve! Ti aiutiamo volentieri con l'ordine #1043!"
	no_detail "$output"
}

@test "the request to verify in French, plain and warm" {
	stranger >"$BATS_TEST_TMPDIR/s.json"
	run bash -c "jq -c '.lang = \"fr\"' '$BATS_TEST_TMPDIR/s.json' | omni-reply '$NOW' | jq -r '.reply.template, .reply.lang, .reply.text'"
	assert_success
	assert_line --index 0 verify
	assert_line --index 1 fr
	assert_output --partial "Bonjour Eve,

Merci pour votre message concernant la commande #1043. Pour protéger la vie privée de nos clients, nous ne communiquons le détail d'une commande qu'à la personne qui l'a passée."
	no_detail "$output"
	run bash -c "jq -c '.lang = \"fr\" | .channel = \"instagram\" | .messages[].channel = \"instagram\"' '$BATS_TEST_TMPDIR/s.json' | omni-reply --now 2026-11-20T10:00:00Z | jq -r '.reply.template, .reply.lang, .reply.text'"
	assert_line --index 0 verify
	assert_line --index 1 fr
	assert_output --partial "Bonjour Eve ! Nous vous aidons volontiers pour la commande #1043 !"
	no_detail "$output"
	# a store that writes informally: its own register, greeting included
	printf '[store acme-us]\nregister = informal\n' >"$BATS_TEST_TMPDIR/omni.conf"
	run bash -c "jq -c '.lang = \"fr\" | .channel = \"instagram\" | .messages[].channel = \"instagram\"' '$BATS_TEST_TMPDIR/s.json' | omni-reply -c '$BATS_TEST_TMPDIR/omni.conf' --now 2026-11-20T10:00:00Z | jq -r .reply.text"
	assert_output --partial "Coucou Eve ! On s'occupe avec plaisir de ta demande concernant la commande #1043 !"
	no_detail "$output"
}

@test "the request to verify in Spanish, plain and warm" {
	stranger >"$BATS_TEST_TMPDIR/s.json"
	run bash -c "jq -c '.lang = \"es\"' '$BATS_TEST_TMPDIR/s.json' | omni-reply '$NOW' | jq -r '.reply.template, .reply.lang, .reply.text'"
	assert_success
	assert_line --index 0 verify
	assert_line --index 1 es
	assert_output --partial "Hola Eve:

Gracias por su mensaje sobre el pedido #1043. Para proteger la privacidad de nuestros clientes, solo compartimos los detalles de un pedido con la persona que lo realizó."
	no_detail "$output"
	run bash -c "jq -c '.lang = \"es\" | .channel = \"instagram\" | .messages[].channel = \"instagram\"' '$BATS_TEST_TMPDIR/s.json' | omni-reply --now 2026-11-20T10:00:00Z | jq -r '.reply.template, .reply.lang, .reply.text'"
	assert_line --index 0 verify
	assert_line --index 1 es
	assert_output --partial "¡Hola Eve! ¡Le ayudamos encantados con el pedido #1043!"
	no_detail "$output"
	# a store that writes informally: its own register, greeting included
	printf '[store acme-us]\nregister = informal\n' >"$BATS_TEST_TMPDIR/omni.conf"
	run bash -c "jq -c '.lang = \"es\" | .channel = \"instagram\" | .messages[].channel = \"instagram\"' '$BATS_TEST_TMPDIR/s.json' | omni-reply -c '$BATS_TEST_TMPDIR/omni.conf' --now 2026-11-20T10:00:00Z | jq -r .reply.text"
	assert_output --partial "¡Hola Eve! ¡Te ayudamos encantados con el pedido #1043!"
	no_detail "$output"
}

@test "the request to verify in German, plain and warm" {
	stranger >"$BATS_TEST_TMPDIR/s.json"
	run bash -c "jq -c '.lang = \"de\"' '$BATS_TEST_TMPDIR/s.json' | omni-reply '$NOW' | jq -r '.reply.template, .reply.lang, .reply.text'"
	assert_success
	assert_line --index 0 verify
	assert_line --index 1 de
	assert_output --partial "Hallo Eve,

vielen Dank für Ihre Nachricht zur Bestellung #1043. Zum Schutz der Privatsphäre unserer Kundinnen und Kunden geben wir Einzelheiten zu einer Bestellung nur an die Person weiter, die sie aufgegeben hat."
	no_detail "$output"
	run bash -c "jq -c '.lang = \"de\" | .channel = \"instagram\" | .messages[].channel = \"instagram\"' '$BATS_TEST_TMPDIR/s.json' | omni-reply --now 2026-11-20T10:00:00Z | jq -r '.reply.template, .reply.lang, .reply.text'"
	assert_line --index 0 verify
	assert_line --index 1 de
	assert_output --partial "Hallo Eve! Wir helfen Ihnen gern bei der Bestellung #1043!"
	no_detail "$output"
	# a store that writes informally: its own register, greeting included
	printf '[store acme-us]\nregister = informal\n' >"$BATS_TEST_TMPDIR/omni.conf"
	run bash -c "jq -c '.lang = \"de\" | .channel = \"instagram\" | .messages[].channel = \"instagram\"' '$BATS_TEST_TMPDIR/s.json' | omni-reply -c '$BATS_TEST_TMPDIR/omni.conf' --now 2026-11-20T10:00:00Z | jq -r .reply.text"
	assert_output --partial "Hi Eve! Wir helfen dir gern bei der Bestellung #1043!"
	no_detail "$output"
}

# ---- --auto ----

@test "--auto answers WISMO with tracking and order status, nothing that needs a person" {
	{
		cat "$R/email-wismo.json"
		jq -c '.id = "no-tracking" | del(.orders[0].fulfillments)' "$R/email-wismo.json"
		jq -c '.id = "no-order" | del(.orders)' "$R/email-wismo.json"
		jq -c '.id = "damaged" | .intent = "damaged"' "$R/email-wismo.json"
	} >"$BATS_TEST_TMPDIR/in.ndjson"
	run bash -c "omni-reply --auto '$BATS_TEST_TMPDIR/in.ndjson' | jq -r '[.id, .reply.template // \"-\"] | @tsv'"
	assert_success
	assert_output "t-wismo-1	wismo
no-tracking	status
no-order	-
damaged	-"
	# which intents are automatic is configuration
	printf '[reply]\nauto = damaged\n' >"$BATS_TEST_TMPDIR/omni.conf"
	run bash -c "omni-reply -c '$BATS_TEST_TMPDIR/omni.conf' --auto '$BATS_TEST_TMPDIR/in.ndjson' | jq -r '[.id, .reply.template // \"-\"] | @tsv'"
	assert_output "t-wismo-1	-
no-tracking	-
no-order	-
damaged	damaged"
}

# ---- lint ----

# Lints the text $2 as a person's reply on the Amazon fixture changed by
# the jq filter $1; prints the lint reasons.
lint_amazon() {
	jq -c --arg t "$2" "$1 | .reply = {text: \$t, status: \"draft\"}" "$R/amazon-wismo.json" |
		omni-reply --lint "$NOW" | jq -r '.reply.status, .reply.lint[]'
}

@test "Amazon: the tracking link is fine, any other link is blocked" {
	run lint_amazon . 'Track it: https://www.ups.com/track?tracknum=1Z999AA18417560682. Order 114-9951336-3472378.'
	assert_output draft
	run lint_amazon . 'See https://acme.example/sale and www.acme.example'
	assert_line --index 0 blocked
	assert_line 'link: https://acme.example/sale is not a link the order needs'
	assert_line 'link: www.acme.example is not a link the order needs'
}

@test "Amazon: no e-mail addresses or phone numbers; order and tracking numbers are not phones" {
	run lint_amazon . 'Write to help@acme.example or call +1 (555) 010-4477.'
	assert_line --index 0 blocked
	assert_line 'email: an e-mail address (help@acme.example) is off-platform contact'
	assert_line 'phone: a phone number (+1 (555) 010-4477) is off-platform contact'
	run lint_amazon . 'Order 114-9951336-3472378, tracking 1Z999AA18417560682, shipped 2026-11-11, 12 items.'
	assert_output draft
}

@test "Amazon: no marketing, no review incentives, no emojis" {
	run lint_amazon . 'Use our discount code next time!'
	assert_output $'blocked\nmarketing: \'discount\' reads as marketing'
	run lint_amazon . 'Please leave a 5-star review and get a gift.'
	assert_output $'blocked\nreview: \'5-star\' asks for a review or rewards one'
	run lint_amazon . 'Thanks 🙂'
	assert_output $'blocked\nemoji: no emojis in Amazon messages (U+1F642)'
	# "wholesale" is a word of its own, not "sale"
	run lint_amazon . 'We are not a wholesale business.'
	assert_output draft
}

@test "Amazon: a proactive message names its order id" {
	run lint_amazon '.kind = "proactive"' 'Your parcel is late, sorry.'
	assert_output $'blocked\norder-id: a proactive message must name its order id'
	run lint_amazon '.kind = "proactive"' 'Your order 114-9951336-3472378 is late, sorry.'
	assert_output draft
}

@test "Amazon: attachment limits" {
	jq -c '.reply = {text: "See the invoice.", status: "draft", attachments: [{filename: "a.exe", content_type: "application/x-msdownload", size: 100}, {filename: "big.pdf", content_type: "application/pdf", size: 11534336}]}' \
		"$R/amazon-wismo.json" >"$BATS_TEST_TMPDIR/t.json"
	run bash -c "omni-reply --lint '$BATS_TEST_TMPDIR/t.json' | jq -r '.reply.lint[]'"
	assert_output "attachments: 11534436 bytes of attachments; Amazon takes at most 10 MB
attachments: Amazon does not take application/x-msdownload attachments"
}

@test "eBay: no off-eBay contact details or links; eBay's own links are fine" {
	run lint_amazon '.channel = "ebay"' 'Mail me at seller@acme.example, or see https://acme.example'
	assert_line --index 0 blocked
	assert_line 'email: an e-mail address (seller@acme.example) is off-platform contact'
	assert_line 'link: https://acme.example is not a link the order needs'
	run lint_amazon '.channel = "ebay"' 'Open a return at https://www.ebay.com/rtn/Return 🙂'
	assert_output draft
}

@test "Walmart: no outside links, no marketing" {
	run lint_amazon '.channel = "walmart"' 'Follow us for our new collection at https://acme.example'
	assert_line --index 0 blocked
	assert_line 'link: https://acme.example is not a link the order needs'
	assert_line "marketing: 'follow us' reads as marketing"
	run lint_amazon '.channel = "walmart"' 'Your order is on its way: https://www.walmart.com/orders'
	assert_output draft
}

@test "e-mail and Shopify replies have no marketplace rules" {
	run lint_amazon '.channel = "email"' 'Write to help@acme.example, 20% discount 🙂 https://acme.example'
	assert_output draft
}

@test "Instagram: 24 hours for a bot, 7 days for a person with the human-agent tag" {
	# the customer wrote at 2026-11-20T09:00:00Z
	run bash -c "omni-reply --auto --now 2026-11-21T08:59:00Z '$R/instagram.json' | jq -c '[.reply.status, .reply.lint, .reply.tag]'"
	assert_output '["draft",[],null]'
	run bash -c "omni-reply --auto --now 2026-11-21T10:00:00Z '$R/instagram.json' | jq -r '.reply.status, .reply.lint[]'"
	assert_output 'blocked
window: the customer wrote 25 hours ago: past the 24-hour window; a person may answer within 7 days'
	run bash -c "omni-reply --human --now 2026-11-26T10:00:00Z '$R/instagram.json' | jq -c '[.reply.status, .reply.lint, .reply.tag]'"
	assert_output '["draft",[],"HUMAN_AGENT"]'
	run bash -c "omni-reply --human --now 2026-11-28T10:00:00Z '$R/instagram.json' | jq -r '.reply.status, .reply.lint[]'"
	assert_output 'blocked
window: the customer wrote 193 hours ago: past the 7-day human agent window'
	# Messenger keeps the same window
	run bash -c "jq -c '.channel = \"facebook\"' '$R/instagram.json' | omni-reply --now 2026-11-22T10:00:00Z | jq -r .reply.status"
	assert_output blocked
}

@test "--lint checks people's replies: exit 1 when one is blocked; one without text passes through" {
	{
		jq -c '.reply = {text: "Call 555-010-4477 now", status: "draft"}' "$R/amazon-wismo.json"
		jq -c '.id = "ok" | .reply = {text: "Thanks for your patience.", status: "draft"}' "$R/amazon-wismo.json"
		cat "$R/amazon-wismo.json"
	} >"$BATS_TEST_TMPDIR/in.ndjson"
	run omni-reply --lint "$BATS_TEST_TMPDIR/in.ndjson"
	assert_failure 1
	run jq -c '[.id, .reply.status]' <<<"$output"
	assert_output '["t-amz-1","blocked"]
["ok","draft"]
["t-amz-1",null]'
}

# ---- sending ----

@test "--send delivers proper MIME by SMTP, threaded with In-Reply-To and References" {
	need_smtpd
	to=mime-$BATS_TEST_NUMBER@example.com
	conf=$(smtp_conf "$SMTP_PORT")
	ticket_to "$to" | jq -c '.subject = "Où est ma commande #1043 ?" | .lang = "fr"' >"$BATS_TEST_TMPDIR/t.json"
	run omni-reply -c "$conf" --send "$NOW" "$BATS_TEST_TMPDIR/t.json"
	assert_success
	run jq -r '.reply | [.status, .sent_at, .external_id] | @tsv' <<<"$output"
	assert_output --regexp $'^sent\t2026-11-20T12:00:00Z\tomni\\.[0-9a-f]{32}@acme\\.example$'
	assert_equal "$(received "$SPOOL" "$to")" 1
	f=$(grep -l "^X-Envelope-To: $to" "$SPOOL"/*.eml)
	run grep -E '^(X-Envelope-From|From|To|Subject|In-Reply-To|References|MIME-Version|Content-Type|Content-Transfer-Encoding):|^ <' "$f"
	assert_line $'X-Envelope-From: care@acme.example\r'
	assert_line $'From: Acme Care <care@acme.example>\r'
	assert_line $'To: mime-'"$BATS_TEST_NUMBER"$'@example.com\r'
	assert_line $'Subject: =?UTF-8?B?UmU6IE/DuSBlc3QgbWEgY29tbWFuZGUgIzEwNDMgPw==?=\r'
	assert_line $'In-Reply-To: <a1@mail.example.com>\r'
	assert_line $'References: <a0@mail.example.com>\r'
	assert_line $' <b0@acme.example>\r'
	assert_line $' <a1@mail.example.com>\r'
	# no French HTML template: the text alone
	refute_line --partial 'multipart/alternative'
	assert_line $'Content-Type: text/plain; charset=UTF-8\r'
	assert_line $'Content-Transfer-Encoding: quoted-printable\r'
	run grep -c 'Merci pour votre message concernant la commande #1043.' "$f"
	assert_output 1
	run grep -F 'Elle a =C3=A9t=C3=A9 exp=C3=A9di=C3=A9e avec UPS' "$f"
	assert_success
}

@test "a sent reply joins the ticket's messages, once" {
	need_smtpd
	conf=$(smtp_conf "$SMTP_PORT")
	ticket_to "msg-$BATS_TEST_NUMBER@example.com" >"$BATS_TEST_TMPDIR/t.json"
	run omni-reply -c "$conf" --send --auto "$NOW" "$BATS_TEST_TMPDIR/t.json"
	assert_success
	printf '%s\n' "$output" >"$BATS_TEST_TMPDIR/sent.json"
	run jq -c '.messages[3] | [.direction, .author, .at, (.id == $id), (.text | startswith("Hello Maria,"))]' \
		--arg id "$(jq -r .reply.external_id "$BATS_TEST_TMPDIR/sent.json")" "$BATS_TEST_TMPDIR/sent.json"
	assert_output '["out","bot","2026-11-20T12:00:00Z",true,true]'
	# its output run again: the reply is there, nothing is added or sent
	run omni-reply -c "$conf" --send "$NOW" "$BATS_TEST_TMPDIR/sent.json"
	assert_success
	assert_equal "$(jq '.messages | length' <<<"$output")" 4
	assert_equal "$(received "$SPOOL" "msg-$BATS_TEST_NUMBER@example.com")" 1
}

@test "an Amazon buyer is answered through the relay address" {
	need_smtpd
	conf=$(smtp_conf "$SMTP_PORT")
	to=relay-$BATS_TEST_NUMBER@marketplace.amazon.com
	jq -c --arg a "$to" '.customer.emails = [$a]' "$R/amazon-wismo.json" >"$BATS_TEST_TMPDIR/t.json"
	run omni-reply -c "$conf" --send "$BATS_TEST_TMPDIR/t.json"
	assert_success
	assert_equal "$(jq -r .reply.status <<<"$output")" sent
	assert_equal "$(received "$SPOOL" "$to")" 1
	f=$(grep -l "^X-Envelope-To: $to" "$SPOOL"/*.eml)
	run grep -c $'^In-Reply-To: <0100018e14a2c7f1-000000@email.amazonses.com>\r$' "$f"
	assert_output 1
	# English has an HTML template: text and HTML as alternatives
	run grep -c -e '^Content-Type: multipart/alternative; boundary=' -e '^Content-Type: text/html; charset=UTF-8' "$f"
	assert_output 2
}

@test "exactly once: a rerun sends nothing again, and says it was sent" {
	need_smtpd
	conf=$(smtp_conf "$SMTP_PORT")
	for i in 1 2 3; do
		ticket_to "once$i-$BATS_TEST_NUMBER@example.com" | jq -c ".id = \"once-$i\""
	done >"$BATS_TEST_TMPDIR/in.ndjson"
	run omni-reply -c "$conf" --send "$NOW" "$BATS_TEST_TMPDIR/in.ndjson"
	assert_success
	first=$(jq -c '[.id, .reply.status, .reply.external_id]' <<<"$output")
	for r in 1 2; do
		run omni-reply -c "$conf" --send "$NOW" "$BATS_TEST_TMPDIR/in.ndjson"
		assert_success
		assert_equal "$(jq -c '[.id, .reply.status, .reply.external_id]' <<<"$output")" "$first"
	done
	for i in 1 2 3; do
		assert_equal "$(received "$SPOOL" "once$i-$BATS_TEST_NUMBER@example.com")" 1
	done
	run sqlite3 "$OMNI_DB" "SELECT ticket_id, state, attempts FROM send_ledger ORDER BY ticket_id"
	assert_output $'once-1|sent|1\nonce-2|sent|1\nonce-3|sent|1'
}

@test "exactly once under concurrency: three senders at once on the same tickets send each reply once" {
	need_smtpd
	conf=$(smtp_conf "$SMTP_PORT")
	for i in $(seq 40); do
		ticket_to "c$i-$BATS_TEST_NUMBER@example.com" | jq -c ".id = \"conc-$i\""
	done >"$BATS_TEST_TMPDIR/in.ndjson"
	omni-reply -c "$conf" --send "$NOW" "$BATS_TEST_TMPDIR/in.ndjson" >"$BATS_TEST_TMPDIR/o1" 2>"$BATS_TEST_TMPDIR/e1" &
	p1=$!
	omni-reply -c "$conf" --send "$NOW" "$BATS_TEST_TMPDIR/in.ndjson" >"$BATS_TEST_TMPDIR/o2" 2>"$BATS_TEST_TMPDIR/e2" &
	p2=$!
	omni-reply -c "$conf" --send "$NOW" "$BATS_TEST_TMPDIR/in.ndjson" >"$BATS_TEST_TMPDIR/o3" 2>"$BATS_TEST_TMPDIR/e3" &
	p3=$!
	wait $p1; wait $p2; wait $p3      # each exits 0: a live claim is not a crash
	for i in $(seq 40); do
		n=$(received "$SPOOL" "c$i-$BATS_TEST_NUMBER@example.com")
		[ "$n" -eq 1 ] || fail "conc-$i was received $n times"
	done
	run sqlite3 "$OMNI_DB" "SELECT state, attempts, count(*) FROM send_ledger GROUP BY state, attempts"
	assert_output 'sent|1|40'
	# every ticket came out of each run: sent (by it, or found sent), or
	# pending while another run was sending it; never unknown
	run bash -c "cat '$BATS_TEST_TMPDIR'/o[123] | jq -r .reply.status | sort -u | tr '\n' ' '"
	assert_output --regexp '^(pending )?sent $'
	assert_equal "$(cat "$BATS_TEST_TMPDIR"/o[123] | wc -l)" 120
	refute grep -q 'may have gone out' "$BATS_TEST_TMPDIR"/e[123]
}

@test "a live claim is not a crash: a send another running process holds is left to it, one whose process died is unknown" {
	need_smtpd
	conf=$(smtp_conf "$SMTP_PORT")
	ticket_to "held-$BATS_TEST_NUMBER@example.com" | jq -c '.id = "held-1"' >"$BATS_TEST_TMPDIR/t.json"
	omni-reply -c "$conf" "$NOW" "$BATS_TEST_TMPDIR/t.json" >/dev/null    # migrate the store
	key=$(omni-reply -c "$conf" --send "$NOW" "$BATS_TEST_TMPDIR/t.json" | jq -r .reply.ledger_key)
	sleep 60 &
	holder=$!
	start=$(sed 's/.*) //' "/proc/$holder/stat" | cut -d' ' -f20)
	sqlite3 "$OMNI_DB" "UPDATE send_ledger SET state = 'pending', claimed_by = '$(uname -n):$holder:$start' WHERE key = '$key'"
	run omni-reply -c "$conf" --send "$NOW" "$BATS_TEST_TMPDIR/t.json"
	assert_success
	assert_equal "$(grep '^{' <<<"$output" | jq -r .reply.status)" pending
	assert_output --partial 'held-1: another omni-reply is sending this reply now'
	run sqlite3 "$OMNI_DB" "SELECT state FROM send_ledger WHERE key = '$key'"
	assert_output pending
	kill "$holder"
	wait "$holder" || true
	run omni-reply -c "$conf" --send "$NOW" "$BATS_TEST_TMPDIR/t.json"
	assert_failure 75
	assert_equal "$(grep '^{' <<<"$output" | jq -r .reply.status)" unknown
	run sqlite3 "$OMNI_DB" "SELECT state FROM send_ledger WHERE key = '$key'"
	assert_output unknown
	assert_equal "$(received "$SPOOL" "held-$BATS_TEST_NUMBER@example.com")" 1
}

@test "exactly once under SIGKILL: the reply in flight is reported unknown, never sent twice" {
	need_smtpd
	spool=$BATS_TEST_TMPDIR/spool
	$PY "$FIXTURES/reply/smtpd.py" "$spool" "$BATS_TEST_TMPDIR/port" --slow SLOWPOKE 3>&- &
	server=$!
	for _ in $(seq 100); do [ -s "$BATS_TEST_TMPDIR/port" ] && break; sleep 0.1; done
	conf=$(smtp_conf "$(cat "$BATS_TEST_TMPDIR/port")")
	{
		ticket_to k1@example.com | jq -c '.id = "k-1"'
		ticket_to k2@example.com | jq -c '.id = "k-2" | .customer.name = "SLOWPOKE Jones"'
		ticket_to k3@example.com | jq -c '.id = "k-3"'
	} >"$BATS_TEST_TMPDIR/in.ndjson"

	omni-reply -c "$conf" --send "$NOW" "$BATS_TEST_TMPDIR/in.ndjson" >"$BATS_TEST_TMPDIR/out1" 3>&- &
	pid=$!
	# the server has k-2 and is holding its answer: kill the sender now
	for _ in $(seq 100); do [ -f "$spool/2.eml" ] && break; sleep 0.1; done
	[ -f "$spool/2.eml" ]
	kill -KILL "$pid"
	wait "$pid" || true
	run sqlite3 "$OMNI_DB" "SELECT ticket_id, state FROM send_ledger ORDER BY ticket_id"
	assert_output $'k-1|sent\nk-2|pending'

	# rerun, twice, against a server that answers at once
	kill "$server"
	wait "$server" 2>/dev/null || true
	rm -f "$BATS_TEST_TMPDIR/port"
	$PY "$FIXTURES/reply/smtpd.py" "$spool.2" "$BATS_TEST_TMPDIR/port" 3>&- &
	server=$!
	for _ in $(seq 100); do [ -s "$BATS_TEST_TMPDIR/port" ] && break; sleep 0.1; done
	conf=$(smtp_conf "$(cat "$BATS_TEST_TMPDIR/port")")
	for r in 1 2; do
		run omni-reply -c "$conf" --send "$NOW" "$BATS_TEST_TMPDIR/in.ndjson"
		assert_failure 75
		assert_line --partial "omni-reply: k-2: an earlier send may have gone out (ledger key "
		run jq -c '[.id, .reply.status]' <<<"$(grep '^{' <<<"$output")"
		assert_output '["k-1","sent"]
["k-2","unknown"]
["k-3","sent"]'
	done
	kill "$server"
	# k-1 and k-2 once at the first server, k-3 once at the second
	assert_equal "$(received "$spool" k1@example.com)" 1
	assert_equal "$(received "$spool" k2@example.com)" 1
	assert_equal "$(received "$spool" k3@example.com)" 0
	assert_equal "$(received "$spool.2" k1@example.com)" 0
	assert_equal "$(received "$spool.2" k2@example.com)" 0
	assert_equal "$(received "$spool.2" k3@example.com)" 1
	run sqlite3 "$OMNI_DB" "SELECT ticket_id, state FROM send_ledger ORDER BY ticket_id"
	assert_output $'k-1|sent\nk-2|unknown\nk-3|sent'
}

@test "a temporary failure is retried with backoff and sent once" {
	need_smtpd
	spool=$BATS_TEST_TMPDIR/spool
	$PY "$FIXTURES/reply/smtpd.py" "$spool" "$BATS_TEST_TMPDIR/port" --tempfail 2 3>&- &
	server=$!
	for _ in $(seq 100); do [ -s "$BATS_TEST_TMPDIR/port" ] && break; sleep 0.1; done
	conf=$(smtp_conf "$(cat "$BATS_TEST_TMPDIR/port")")
	run omni-reply -c "$conf" --send "$R/email-wismo.json"
	kill "$server"
	assert_success
	assert_equal "$(jq -r .reply.status <<<"$output")" sent
	assert_equal "$(received "$spool" maria.rossi@example.com)" 1
}

@test "a refused send fails with 69, is recorded failed, and a later run may try again" {
	need_smtpd
	conf=$(smtp_conf "$SMTP_PORT")
	ticket_to "reject-$BATS_TEST_NUMBER@example.com" >"$BATS_TEST_TMPDIR/t.json"
	run omni-reply -c "$conf" --send "$BATS_TEST_TMPDIR/t.json"
	assert_failure 69
	assert_line --regexp '^omni-reply: smtp://127\.0\.0\.1:[0-9]+: smtp: refused 550'
	run jq -r '.reply.status' <<<"$(grep '^{' <<<"$output")"
	assert_output failed
	run sqlite3 "$OMNI_DB" "SELECT state, attempts FROM send_ledger"
	assert_output 'failed|1'
	run omni-reply -c "$conf" --send "$BATS_TEST_TMPDIR/t.json"
	assert_failure 69
	run sqlite3 "$OMNI_DB" "SELECT state, attempts FROM send_ledger"
	assert_output 'failed|2'
}

@test "an unreachable server is exit 69 and nothing is recorded as sent" {
	conf=$(smtp_conf 1)
	run omni-reply -c "$conf" --send "$R/email-wismo.json"
	assert_failure 69
	run sqlite3 "$OMNI_DB" "SELECT state FROM send_ledger"
	assert_output failed
}

@test "a blocked reply is never sent" {
	need_smtpd
	conf=$(smtp_conf "$SMTP_PORT")
	to=blocked-$BATS_TEST_NUMBER@marketplace.amazon.com
	jq -c --arg a "$to" '.customer.emails = [$a] | .reply = {text: "Call us: +1 555 010 4477", status: "draft"}' \
		"$R/amazon-wismo.json" >"$BATS_TEST_TMPDIR/t.json"
	run omni-reply -c "$conf" --send "$BATS_TEST_TMPDIR/t.json"
	assert_success
	assert_equal "$(jq -r .reply.status <<<"$output")" blocked
	assert_equal "$(received "$SPOOL" "$to")" 0
	run sqlite3 "$OMNI_DB" "SELECT count(*) FROM send_ledger"
	assert_output 0
}

# The decoded text and HTML parts of the mail $1.
body_of() {
	$PY -c 'import email, email.policy, sys
m = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=email.policy.default)
print("\n".join(p.get_content() for p in m.walk() if p.get_content_maintype() == "text"))' "$1"
}

@test "--auto --send: a stranger gets the request to verify at her own address, and nothing of the order leaves" {
	need_smtpd
	conf=$(smtp_conf "$SMTP_PORT")
	eve=eve-$BATS_TEST_NUMBER@example.net maria=maria-$BATS_TEST_NUMBER@example.com
	# the customer object holds the owner's address too, as a wrong merge would
	stranger "$eve" | jq -c --arg m "$maria" '.customer.emails = [$m] + .customer.emails' >"$BATS_TEST_TMPDIR/t.json"
	run omni-reply -c "$conf" --auto --send "$NOW" "$BATS_TEST_TMPDIR/t.json"
	assert_success
	run jq -r '.reply | [.template, .status] | @tsv' <<<"$output"
	assert_output $'verify\tsent'
	assert_equal "$(received "$SPOOL" "$maria")" 0
	assert_equal "$(received "$SPOOL" "$eve")" 1
	f=$(grep -l "^X-Envelope-To: $eve" "$SPOOL"/*.eml)
	run body_of "$f"
	assert_output --partial 'Thank you for your message about order #1043. To protect our customers'"'"' privacy'
	no_detail "$output"
	no_detail "$(cat "$f")"
}

@test "the reply goes to the sender of the last message, not to the customer's other addresses" {
	need_smtpd
	conf=$(smtp_conf "$SMTP_PORT")
	a=old-$BATS_TEST_NUMBER@example.com b=new-$BATS_TEST_NUMBER@example.com c=auto-$BATS_TEST_NUMBER@example.com
	jq -c --arg a "$a" --arg b "$b" --arg c "$c" '.customer.emails = [$a, $b, $c]
		| .messages[0].from = $a | .messages[2].from = $b
		| .messages += [{id: "v1@example.com", direction: "in", author: "system", at: "2026-11-20T09:01:00Z",
		                 text: "I am away until Monday.", channel: "email", from: $c}]' \
		"$R/email-wismo.json" >"$BATS_TEST_TMPDIR/t.json"
	run omni-reply -c "$conf" --send "$NOW" "$BATS_TEST_TMPDIR/t.json"
	assert_success
	assert_equal "$(jq -r '[.reply.template, .reply.status] | @tsv' <<<"$output")" $'wismo\tsent'
	assert_equal "$(received "$SPOOL" "$b")" 1
	assert_equal "$(received "$SPOOL" "$a")" 0
	assert_equal "$(received "$SPOOL" "$c")" 0
	f=$(grep -l "^X-Envelope-To: $b" "$SPOOL"/*.eml)
	run grep -c $'^To: '"$b"$'\r$' "$f"
	assert_output 1
}

@test "a customer with two addresses and a message that names no sender: blocked, nothing sent" {
	need_smtpd
	conf=$(smtp_conf "$SMTP_PORT")
	a=one-$BATS_TEST_NUMBER@example.com b=two-$BATS_TEST_NUMBER@example.com
	jq -c --arg a "$a" --arg b "$b" '.customer.emails = [$a, $b]' "$R/email-wismo.json" >"$BATS_TEST_TMPDIR/t.json"
	for send in "" --send; do
		run omni-reply -c "$conf" $send "$NOW" "$BATS_TEST_TMPDIR/t.json"
		assert_success
		run jq -r '.reply.status, .reply.lint[]' <<<"$output"
		assert_output 'blocked
recipient: the message answered does not name its sender, and the customer has more than one e-mail address'
	done
	assert_equal "$(received "$SPOOL" "$a")" 0
	assert_equal "$(received "$SPOOL" "$b")" 0
	run sqlite3 "$OMNI_DB" "SELECT count(*) FROM send_ledger"
	assert_output 0
	# the same address twice, in another case, is one address
	jq -c --arg a "$a" '.customer.emails = [$a, ($a | ascii_upcase)]' "$R/email-wismo.json" >"$BATS_TEST_TMPDIR/t.json"
	run omni-reply -c "$conf" --send "$NOW" "$BATS_TEST_TMPDIR/t.json"
	assert_success
	assert_equal "$(jq -r .reply.status <<<"$output")" sent
	assert_equal "$(received "$SPOOL" "$a")" 1
}

@test "a sender's address that takes no reply, or is not one, gets no mail: the reply stays a draft" {
	conf=$(smtp_conf 1)
	for case in 'atoz-guarantee-no-reply@amazon.com|takes no reply' 'MAILER-DAEMON@mx.example|takes no reply' \
		'x@example.com\u0000@evil.example|is not one address' \
		'a@example.com, b@example.com|is not one address'; do
		jq -c --argjson f "\"${case%|*}\"" '.messages[2].from = $f' "$R/email-wismo.json" >"$BATS_TEST_TMPDIR/t.json"
		run omni-reply -c "$conf" --send "$NOW" "$BATS_TEST_TMPDIR/t.json"
		assert_success
		assert_line "omni-reply: t-wismo-1: the sender's address ${case#*|}: the reply stays a draft"
		assert_equal "$(grep '^{' <<<"$output" | jq -r .reply.status)" draft
	done
}

@test "--send without smtp and from is a configuration error" {
	run omni-reply --send "$R/email-wismo.json"
	assert_failure 78
	assert_output --partial "--send needs 'smtp' and 'from' in [reply]"
}

@test "a channel with no delivery yet keeps its draft and says so" {
	conf=$(smtp_conf 1)
	jq -c '.id = "t-tt-1" | .channel = "tiktok" | .messages[].channel = "tiktok"' "$R/instagram.json" \
		>"$BATS_TEST_TMPDIR/t.json"
	run omni-reply -c "$conf" --send --now 2026-11-20T10:00:00Z "$BATS_TEST_TMPDIR/t.json"
	assert_success
	assert_line 'omni-reply: t-tt-1: no delivery for channel tiktok yet: the reply stays a draft'
	assert_equal "$(grep '^{' <<<"$output" | jq -r .reply.status)" draft
}

@test "an unknown [reply] key is a configuration error" {
	printf '[reply]\nsmtp_host = x\n' >"$BATS_TEST_TMPDIR/omni.conf"
	run omni-reply -c "$BATS_TEST_TMPDIR/omni.conf" "$R/email-wismo.json"
	assert_failure 78
	assert_output --partial 'smtp_host'
}

@test "a password or a token in the smtp URL never appears in an error" {
	printf '[reply]\nsmtp = smtp://ann:hunter2@127.0.0.1:1/?access_token=tok3n\nfrom = Acme Care <care@acme.example>\nretries = 0\nbackoff = 10\ntimeout = 2\n' \
		>"$BATS_TEST_TMPDIR/omni.conf"
	ticket_to "redact-$BATS_TEST_NUMBER@example.com" >"$BATS_TEST_TMPDIR/t.json"
	run --separate-stderr omni-reply -c "$BATS_TEST_TMPDIR/omni.conf" --send "$NOW" "$BATS_TEST_TMPDIR/t.json"
	assert_failure
	[ -n "$stderr" ]
	[[ $stderr != *hunter2* && $stderr != *tok3n* ]] || fail "$stderr"
	[[ $stderr == *"smtp://ann:[redacted]@127.0.0.1:1/?access_token=[redacted]"* ]] || fail "$stderr"
}
