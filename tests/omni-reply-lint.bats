#!/usr/bin/env bats
# omni-reply's lint, in the five languages: coupons, discounts and
# requests for feedback on Amazon; contact details spelled out to slip
# past a filter; invitations to buy off eBay and Amazon.  Every blocked
# case below passed the lint before these rules.

load test_helper
bats_require_minimum_version 1.5.0

R=$FIXTURES/reply
NOW=--now=2026-11-20T12:00:00Z

# The lint of text $2 as a person's reply on the Amazon fixture changed by
# the jq filter $1: the status, then the reasons.
lint() {
	jq -c --arg t "$2" "$1 | .reply = {text: \$t, status: \"draft\"}" "$R/amazon-wismo.json" |
		omni-reply --lint "$NOW" | jq -r '.reply.status, .reply.lint[]'
}

# Each line of stdin is blocked by rule $2 on channel $1 (jq filter).
all_blocked() {
	local t
	while IFS= read -r t; do
		[ -n "$t" ] || continue
		run lint "$1" "$t"
		[ "${lines[0]}" = blocked ] || fail "passes on $1: $t"
		[[ $output == *"$2: "* ]] || fail "not '$2' on $1: $t -> $output"
	done
}

@test "Amazon: coupon codes and discounts, in five languages" {
	run lint . 'Use code SAVE20 for 20% off your next order'
	assert_line --index 0 blocked
	assert_line "coupon: 'SAVE20' is a coupon code"
	all_blocked . coupon <<'EOF'
Use code SAVE20 for your next order.
Here is a voucher for you.
Usa il codice GRAZIE10 per il 10% di sconto sul prossimo ordine.
Profitez de 15 % de remise avec le code MERCI15 sur votre prochaine commande.
Usa el código GRACIAS10 en tu próximo pedido.
Mit dem Gutscheincode DANKE10 sparen Sie bei der nächsten Bestellung.
EOF
	# order and tracking numbers are no coupon codes
	run lint . 'Order 114-9951336-3472378, tracking code 1Z999AA18417560682.'
	assert_output draft
}

@test "Amazon: any request for feedback or a review, in five languages" {
	run lint . 'Would you mind leaving feedback for us on Amazon?'
	assert_output $'blocked\nreview: \'feedback\' asks for a review or rewards one'
	all_blocked . review <<'EOF'
We would love a review of the bottle.
Could you rate us on Amazon?
Ci lascerebbe una recensione su Amazon?
Pourriez-vous laisser un avis sur Amazon ?
¿Podría dejarnos una reseña en Amazon?
Würden Sie uns eine Bewertung auf Amazon geben?
EOF
}

@test "contact details spelled out to slip past the filter, on Amazon and eBay" {
	run lint '.channel = "ebay"' 'help [at] pinecraft [dot] example'
	assert_output $'blocked\ncontact: \'[at]\' spells out an address: off-platform contact'
	for ch in amazon ebay; do
		all_blocked ".channel = \"$ch\"" contact <<'EOF'
Write to help (at) pinecraft (dot) example.
Write to help at pinecraft dot example.
Scrivi a aiuto chiocciola pinecraft punto example.
Écrivez à aide arobase pinecraft point example.
Escriba a ayuda arroba pinecraft punto example.
Schreiben Sie an hilfe [at] pinecraft [punkt] example.
Call five five five, zero one zero, four four seven seven.
Chiami il tre tre tre, uno due tre, quattro cinque sei sette.
Appelez le zéro six, un deux, trois quatre, cinq six sept.
Llame al seis uno dos, tres cuatro cinco, seis siete ocho.
Rufen Sie null eins sieben zwei, drei vier fünf sechs sieben an.
EOF
	done
	# a parcel that arrives at noon, a number or two in words: no contact
	run lint '.channel = "ebay"' 'It arrives at the depot today. One or two days more, at most three.'
	assert_output draft
}

@test "invitations to buy off eBay and Amazon, in five languages" {
	run lint '.channel = "ebay"' 'Next time order directly from us … skip eBay fees'
	assert_output $'blocked\noff-platform: \'order directly\' invites the buyer to buy off the marketplace'
	for ch in amazon ebay; do
		all_blocked ".channel = \"$ch\"" off-platform <<'EOF'
Next time, skip eBay fees.
It is cheaper outside of Amazon.
La prossima volta ordini direttamente da noi, senza commissioni.
La prochaine fois, commandez directement chez nous.
La próxima vez compre directamente con nosotros, sin comisiones.
Über unsere Website ist es günstiger.
EOF
	done
	# e-mail has no marketplace to leave
	run lint '.channel = "email"' 'Next time order directly from us and skip eBay fees.'
	assert_output draft
}

@test "the library's own replies pass the lint on Amazon and eBay, in every language" {
	for lang in en it fr es de; do
		for t in wismo status return return_label refund refund_partial replacement \
			address_change cancellation damaged presale delay verify claim; do
			for ch in amazon ebay; do
				run bash -c "jq -c '.lang = \"$lang\" | .channel = \"$ch\" | .messages[].channel = \"$ch\"
					| .orders[0].returns = [{status: \"label_issued\"}] | .orders[0].refunds = [{amount: \"10.00\"}]' '$R/amazon-wismo.json' |
					omni-reply $NOW -t $t | jq -c '[.reply.status, .reply.lint]'"
				assert_success
				[ "$output" = '["draft",[]]' ] || fail "$t/$lang/$ch: $output"
			done
		done
	done
}
