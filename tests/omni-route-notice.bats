#!/usr/bin/env bats
# omni-route: a ticket only the system wrote (a carrier's or marketplace's
# notice: author system, or mail a machine wrote) is no customer request,
# whatever its words; a marketplace claim omni-fetch recognised (kind claim)
# and a buyer's own words about a dispute stay claims.

load test_helper

NOW=2026-11-27T12:00:00Z

# notice CHANNEL TEXT [JQ-FILTER]: one message in, author system.
notice() {
	jq -nc --arg ch "$1" --arg text "$2" '{omni: 1, id: "n1", channel: $ch,
		store: "acme", kind: "message", subject: null,
		created_at: "2026-11-27T10:00:00Z", updated_at: "2026-11-27T10:00:00Z",
		status: "open",
		messages: [{id: "m1", direction: "in", author: "system",
			at: "2026-11-27T10:00:00Z", text: $text}]}' | jq -c "${3:-.}"
}

route() {
	omni-route --now "$NOW" "$@"
}

@test "a marketplace's or carrier's notice is a notification, never a claim, a wismo or urgent" {
	while IFS='|' read -r ch text; do
		[ -n "$ch" ] || continue
		got=$(notice "$ch" "$text" | route | jq -r '[.intent, .priority] | @tsv')
		[ "$got" = "notification	low" ] || fail "want notification low, got $got: $text"
	done <<'EOF2'
amazon|Amazon: an A-to-z Guarantee claim was opened for order 204-7719203-1183321 (item not received). Please respond within 2 days.
ebay|eBay: Der Käufer hat einen Fall eröffnet: Artikel nicht erhalten. Bitte antworten Sie bis zum 30.11., sonst entscheidet eBay.
walmart|Walmart Marketplace: the customer filed a dispute for order 2000133456789; the case will be decided in 48 hours.
email|DHL Paket: Ihre Sendung 00340434161094012345 verspätet sich. Wo ist mein Paket? Verfolgen Sie sie hier.
email|Correos: no hemos podido entregar tu envío PQ4X7Y0812345, el destinatario estaba ausente. ¿Dónde está mi paquete? Consúltalo aquí.
email|Colissimo : votre colis 6A12345678901 est en retard, un incident de livraison est en cours de traitement.
email|Poste Italiane: la spedizione RR123456789IT è in giacenza, ritiro entro 10 giorni presso l'ufficio postale.
EOF2
}

@test "mail a machine wrote ('auto') is a non-request; an out-of-office an autoreply" {
	run sh -c "$(declare -f notice); notice email 'I am out of the office until Monday. Where is my order will be answered then.' \
		'.messages[0].author = \"customer\" | .messages[0].auto = [\"auto-submitted\", \"out-of-office\"]' |
		omni-route --now $NOW | jq -r .intent"
	assert_output autoreply
	run sh -c "$(declare -f notice); notice email 'Your parcel is out for delivery today, track it: 1Z999AA10123456784' \
		'.messages[0].author = \"customer\" | .messages[0].auto = [\"bulk\"]' |
		omni-route --now $NOW | jq -r .intent"
	assert_output notification
}

@test "a claim omni-fetch recognised stays a claim and urgent" {
	run sh -c "$(declare -f notice); notice amazon 'An A-to-z Guarantee claim was filed for order 204-7719203-1183321.' '.kind = \"claim\"' |
		omni-route --now $NOW | jq -r '[.intent, .priority] | @tsv'"
	assert_output "claim	urgent"
}

@test "a buyer's own words about a dispute stay a claim and urgent, in five languages" {
	while IFS='|' read -r ch text; do
		[ -n "$ch" ] || continue
		got=$(notice "$ch" "$text" '.messages[0].author = "customer"' | route | jq -r '[.intent, .priority] | @tsv')
		[ "$got" = "claim	urgent" ] || fail "want claim urgent, got $got: $text"
	done <<'EOF2'
amazon|I opened an A-to-z claim, you left me no choice
ebay|He abierto un caso en eBay porque el paquete no llegó
amazon|ich habe bei Amazon einen A-bis-z-Antrag gestellt, weil niemand antwortet
ebay|J'ai ouvert un litige PayPal, vous ne répondez pas
ebay|Ho aperto una contestazione su PayPal, non rispondete
EOF2
}

@test "a buyer's threat of a case stays a claim; a person's words beside a notice are read" {
	run sh -c "$(declare -f notice); notice ebay 'If I do not get my money back today I will open a case with eBay and a PayPal dispute.' \
		'.messages[0].author = \"customer\"' | omni-route --now $NOW | jq -r .intent"
	assert_output claim
	run sh -c "$(declare -f notice); notice email 'DHL: Ihre Sendung wurde zugestellt.' \
		'.messages += [{id: \"m2\", direction: \"in\", author: \"customer\", at: \"2026-11-27T11:00:00Z\",
			text: \"Laut DHL zugestellt, aber hier ist nichts angekommen! Wo ist mein Paket??\"}]' |
		omni-route --now $NOW | jq -r .intent"
	assert_output wismo
}

@test "--explain says the system wrote it" {
	notice email 'GLS: il tuo pacco è in consegna oggi tra le 14 e le 18.' >"$BATS_TEST_TMPDIR/t"
	run omni-route --now "$NOW" --explain --threshold 1 "$BATS_TEST_TMPDIR/t"
	assert_success
	assert_output --partial "written by the system"
}

@test "a proactive ticket (the seller's own word, author system) keeps its intent" {
	run sh -c "$(declare -f notice); notice shopify 'Your order #1043 is running late: the carrier now expects it on Friday. We are sorry for the wait.' \
		'.kind = \"proactive\" | .intent = \"wismo\"' | omni-route --now $NOW | jq -r .intent"
	assert_output wismo
}
