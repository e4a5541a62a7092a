#!/usr/bin/env bats
# omni-link's personal data verbs (omni-link(1), "Personal data"; omni(7),
# "Personal data"): --find, --export, --erase, --redact, and the retention
# period of a store.  The fixture is a household: Giulia and Marco Rossi
# share a surname and a landline; Giulia has a mobile of her own.

load test_helper

HOUSE=$FIXTURES/privacy/household.ndjson
NOW=2026-12-05T00:00:00Z

# Giulia's own: what no byte of the store or a redacted file may hold
# once she is erased (the landline and the surname are Marco's too).
GIULIA_WORDS=(giulia.rossi@example.net "Giulia" 393339876543 "333 987 6543"
	azzurra Ghibellina ombrello)

# The household linked, its tickets in linked.ndjson.
link_house() {
	omni-link --now "$NOW" "$HOUSE" >"$BATS_TEST_TMPDIR/linked.ndjson"
}

cid_of() {
	jq -r --arg e "$1" 'select(.customer.emails | index($e)) | .customer.id' \
		"$BATS_TEST_TMPDIR/linked.ndjson" | sort -u
}

# The figures of the store's tickets, per month, as omni-report -d gives them.
figures() {
	omni-report -d "$OMNI_DB" --by '' -p month -f json --now "$NOW" | jq -c '.groups'
}

# How many of Giulia's words the store holds (store_dump: on SQLite its
# file and its WAL, bytes).
giulia_in_store() {
	local n=0 w
	for w in "${GIULIA_WORDS[@]}"; do
		if store_dump | grep -qaiF -- "$w"; then
			echo "$w in the store" >&2
			n=$((n + 1))
		fi
	done
	echo "$n"
}

@test "--find: by e-mail, phone, customer id, ticket id, order number, social id and relay alias; a shared phone finds the household" {
	link_house
	g=$(cid_of giulia.rossi@example.net)
	sqlite3 "$OMNI_DB" "INSERT INTO orders (channel, store, order_id, number, customer_email,
		customer_name, customer_phone) VALUES ('shopify', 'casa-verde', '9001', '#1042',
		'giulia.rossi@example.net', 'Giulia Rossi', '+393339876543')"
	run omni-link --find giulia.rossi@example.net
	assert_success
	assert_line "customer $g  Giulia Rossi  (since 2026-11-02T09:00:00Z)"
	assert_line "tickets: 2, messages: 3"
	assert_line "orders: 1"
	refute_output --partial marco
	for key in +393339876543 "+39 333 987 6543" "$g" "#1042" order:1042 \
		"email:GIULIA.Rossi@example.net" \
		"$(jq -r 'select(.customer.emails == ["giulia.rossi@example.net"]) | .id' \
			"$BATS_TEST_TMPDIR/linked.ndjson" | head -1)"; do
		run omni-link --find "$key"
		assert_success
		assert_line --index 0 "customer $g  Giulia Rossi  (since 2026-11-02T09:00:00Z)"
	done
	# the landline is the household's: both, each alone
	run omni-link --find +39055123456
	assert_success
	[ "$(grep -c '^customer ' <<<"$output")" -eq 2 ]
	# a social id and a marketplace relay alias, as KIND:VALUE or as an address
	jq -nc '{omni: 1, id: "ig:1", channel: "instagram", store: "casa-verde",
		created_at: "2026-11-05T10:00:00Z", updated_at: "2026-11-05T10:00:00Z",
		customer: {name: "giu_rossi", handles: {instagram: "17841400000000001"}},
		messages: [{id: "ig1", direction: "in", author: "customer",
		            at: "2026-11-05T10:00:00Z", text: "ciao"}]},
		{omni: 1, id: "amz:1", channel: "amazon", store: "casa-verde",
		created_at: "2026-11-06T10:00:00Z", updated_at: "2026-11-06T10:00:00Z",
		customer: {emails: ["q7x2k9@marketplace.amazon.it"]},
		messages: [{id: "amz1", direction: "in", author: "customer",
		            at: "2026-11-06T10:00:00Z", text: "ciao"}]}' | omni-link >/dev/null
	run omni-link --find instagram:17841400000000001
	assert_line --index 0 --partial "giu_rossi"
	run omni-link --find Q7X2K9@marketplace.amazon.it
	assert_line "  amazon q7x2k9@marketplace.amazon.it"
	run omni-link --find amazon:q7x2k9@marketplace.amazon.it
	assert_line "  amazon q7x2k9@marketplace.amazon.it"
	run omni-link --find nobody@example.org
	assert_success
	assert_output "no customer"
	run omni-link --find 'just words'
	assert_failure 64
}

@test "--export: every ticket and message of hers and no one else's, as JSON and as text; a shared phone is refused" {
	link_house
	g=$(cid_of giulia.rossi@example.net)
	run omni-link --export giulia.rossi@example.net
	assert_success
	printf '%s\n' "$output" >"$BATS_TEST_TMPDIR/export.json"
	run jq -c '[.customer.id, .customer.name, ([.tickets[].id] | length),
		[.tickets[].messages[].id], [.keys[] | .kind + " " + .value]]' "$BATS_TEST_TMPDIR/export.json"
	assert_output "[\"$g\",\"Giulia Rossi\",2,[\"g1\",\"g1r\",\"g2\"],[\"email giulia.rossi@example.net\",\"phone +39055123456\",\"phone +393339876543\"]]"
	# her tickets are the ones the store holds of her, whole
	run jq -r '[.tickets[].id] | sort | .[]' "$BATS_TEST_TMPDIR/export.json"
	assert_output "$(jq -r --arg g "$g" 'select(.customer.id == $g) | .id' \
		"$BATS_TEST_TMPDIR/linked.ndjson" | sort -u)"
	# nothing of Marco's
	run grep -ci -e marco -e scarpe -e cintura "$BATS_TEST_TMPDIR/export.json"
	assert_output 0
	run omni-link --export giulia.rossi@example.net --text
	assert_success
	assert_output --partial "      Buongiorno, dove si trova la mia borsa azzurra?"
	assert_output --partial "      Il mio ombrello giallo non e mai arrivato."
	refute_output --partial Marco
	# the landline names two customers: one must be named by its id
	run omni-link --export +39055123456
	assert_failure 65
	assert_output --partial "names 2 customers"
	run omni-link --export nobody@example.org
	assert_failure 65
}

@test "--erase: nothing of hers in the store or its WAL, the same figures, Marco untouched, the erasure recorded" {
	skip_on_pg "the store file and its WAL, read as bytes"
	omni-link </dev/null          # the store, made by omni
	mkfifo "$BATS_TEST_TMPDIR/sql"
	# another program keeps the store open, so that its WAL stays a file
	sqlite3 "$OMNI_DB" <"$BATS_TEST_TMPDIR/sql" >"$BATS_TEST_TMPDIR/sql.out" &
	holder=$!
	exec 5>"$BATS_TEST_TMPDIR/sql"
	echo "SELECT count(*) FROM sqlite_master;" >&5
	for _ in $(seq 100); do [ -s "$BATS_TEST_TMPDIR/sql.out" ] && break; sleep 0.1; done
	link_house
	g=$(cid_of giulia.rossi@example.net)
	[ -s "$OMNI_DB-wal" ]
	sqlite3 "$OMNI_DB" "INSERT INTO send_ledger (key, ticket_id, channel, state, error,
		created_at, updated_at) SELECT 'k1', id, 'email', 'failed',
		'550 giulia.rossi@example.net: mailbox full', '2026-11-02T10:30:00Z',
		'2026-11-02T10:30:00Z' FROM tickets WHERE customer_id = '$g' LIMIT 1"
	before=$(figures)
	[ "$(giulia_in_store)" -gt 0 ]       # the test can see her
	run omni-link --erase giulia.rossi@example.net --by dpo@casa-verde
	assert_success
	assert_output "erased $g: 2 tickets made anonymous, 3 keys, 0 orders, 0 accounts, 1 sends, 0 hand-off notes, 0 quarantine files"
	[ "$(giulia_in_store)" -eq 0 ]
	# the log was emptied, though another program has the store open
	[ -e "$OMNI_DB-wal" ] && [ ! -s "$OMNI_DB-wal" ]
	exec 5>&-
	wait "$holder"
	[ "$(figures)" = "$before" ]
	run sqlite3 "$OMNI_DB" "SELECT customer_id, by, tickets, keys FROM erasures;
		SELECT count(*) FROM identity_keys WHERE customer_id = '$g';
		SELECT key, state, error IS NULL FROM send_ledger"
	assert_output "$g|dpo@casa-verde|2|3"$'\n'"0"$'\n'"k1|failed|1"
	# Marco keeps his name, his words and the landline
	run omni-link --export marco.rossi@example.net --text
	assert_success
	assert_output --partial "Le scarpe nere sono troppo piccole"
	assert_output --partial "phone +39055123456"
	# her id finds a customer with nothing left but anonymous tickets
	run omni-link --find "$g"
	assert_success
	assert_line "keys: 0"
	assert_line --regexp "^erased .* by dpo@casa-verde$"
}

@test "--erase: her next message starts a new customer, with none of the old tickets" {
	link_house
	g=$(cid_of giulia.rossi@example.net)
	omni-link --erase giulia.rossi@example.net >/dev/null
	jq -c 'select(.id == "mail:<g2@example.net>") | .id = "mail:<g3@example.net>" |
		.created_at = "2026-12-01T08:00:00Z" | .updated_at = .created_at |
		.messages = [.messages[0] | .id = "g3" | .at = "2026-12-01T08:00:00Z" |
		.text = "Sono di nuovo io."]' "$HOUSE" >"$BATS_TEST_TMPDIR/again.ndjson"
	run omni-link --now "$NOW" "$BATS_TEST_TMPDIR/again.ndjson"
	assert_success
	run jq -c 'select(.merged_from | index("mail:<g3@example.net>")) |
		[.customer.id != "'"$g"'", .customer.emails, .history, .follows]' <<<"$output"
	assert_output '[true,["giulia.rossi@example.net"],[],null]'
	run omni-link --find giulia.rossi@example.net
	assert_line "tickets: 1, messages: 1"
}

@test "--erase: her orders' buyer fields, accounts, hand-off notes and quarantined mails go" {
	link_house
	g=$(cid_of giulia.rossi@example.net)
	sqlite3 "$OMNI_DB" "INSERT INTO orders (channel, store, order_id, number, customer_email,
		customer_name, customer_phone, customer_postcode, total, currency) VALUES
		('shopify', 'casa-verde', '9001', '#1042', 'giulia.rossi@example.net',
		 'Giulia Rossi', '+393339876543', '50122', '89.00', 'EUR');
		INSERT INTO accounts (channel, store, ref, name, email, email_key, phone)
		VALUES ('shopify', 'casa-verde', '7001', 'Giulia Rossi', 'giulia.rossi@example.net',
		 'giulia.rossi@example.net', '+393339876543');
		INSERT INTO handoff (stage, key, record, holder, at) VALUES ('fetch',
		 'mail:<g9@example.net>', '{\"omni\":1,\"id\":\"mail:<g9@example.net>\",\"customer\":{\"emails\":[\"giulia.rossi@example.net\"]},\"messages\":[{\"text\":\"ombrello\"}]}',
		 'h:1', '2026-12-01T00:00:00Z')"
	q=$(store_dir)/quarantine/casa-verde-mail
	mkdir -p "$q"
	printf 'From: Giulia Rossi <Giulia.Rossi@example.net>\r\n\r\nombrello\r\n' >"$q/1.eml"
	printf 'From: Marco Rossi <marco.rossi@example.net>\r\n\r\nscarpe\r\n' >"$q/2.eml"
	run omni-link --export "#1042"
	assert_success
	run jq -c '[.orders[].customer_postcode, .accounts[].ref, .handoff[].key, (.quarantine | map(sub(".*/"; "")))]' <<<"$output"
	assert_output '["50122","7001","mail:<g9@example.net>",["1.eml"]]'
	run omni-link --erase "#1042"
	assert_success
	assert_output "erased $g: 2 tickets made anonymous, 3 keys, 1 orders, 1 accounts, 0 sends, 1 hand-off notes, 1 quarantine files"
	[ ! -e "$q/1.eml" ] && [ -e "$q/2.eml" ]
	run sqlite3 "$OMNI_DB" "SELECT number, total, coalesce(customer_email, '-'), coalesce(customer_postcode, '-') FROM orders;
		SELECT count(*) FROM accounts; SELECT count(*) FROM handoff"
	assert_output "#1042|89.00|-|-"$'\n'"0"$'\n'"0"
	[ "$(giulia_in_store)" -eq 0 ]
}

@test "--redact: her records leave tickets files, rotated copies and reject files; every other line byte for byte" {
	link_house
	g=$(cid_of giulia.rossi@example.net)
	a=$BATS_TEST_TMPDIR/archive
	mkdir -p "$a"
	cp "$BATS_TEST_TMPDIR/linked.ndjson" "$a/tickets.ndjson"
	cat "$HOUSE" >"$a/tickets.ndjson.1"          # as omni-fetch wrote them
	printf '%s\n' '{"id":"broken","from":"giulia.rossi@example.net"' 'not json at all' \
		>"$a/rejects.ndjson"
	printf '{"x":1}' >"$a/no-newline.ndjson"       # a last line without its newline
	omni-link --redact giulia.rossi@example.net "$a/tickets.ndjson" "$a/tickets.ndjson.1" \
		"$a/rejects.ndjson" "$a/no-newline.ndjson" >"$BATS_TEST_TMPDIR/redacted"
	{
		grep -F marco.rossi "$a/tickets.ndjson"
		grep -F marco.rossi "$a/tickets.ndjson.1"
		echo 'not json at all'
		printf '{"x":1}'
	} >"$BATS_TEST_TMPDIR/want"
	cmp "$BATS_TEST_TMPDIR/redacted" "$BATS_TEST_TMPDIR/want"
	for w in "${GIULIA_WORDS[@]}"; do
		run grep -ciF -- "$w" "$BATS_TEST_TMPDIR/redacted"
		assert_output 0
	done
	# the landline is the household's: whose records?
	run omni-link --redact +39055123456 "$a/tickets.ndjson"
	assert_failure 65
	# after the erasure the store knows her by her customer id still
	omni-link --erase "$g" >/dev/null
	omni-link --redact "$g" "$a/tickets.ndjson" >"$BATS_TEST_TMPDIR/redacted2"
	cmp "$BATS_TEST_TMPDIR/redacted2" <(grep -F marco.rossi "$a/tickets.ndjson")
	# and a key it no longer holds is taken as it is
	omni-link --redact giulia.rossi@example.net "$a/tickets.ndjson.1" >"$BATS_TEST_TMPDIR/redacted3"
	cmp "$BATS_TEST_TMPDIR/redacted3" <(grep -F marco.rossi "$a/tickets.ndjson.1")
}

@test "retention: a store's solved tickets past it lose texts and names on a normal run; counts stay; other stores keep theirs" {
	link_house
	# an old solved ticket of a store with no retention
	jq -c 'select(.id == "mail:<m0@example.net>") | .id = "mail:<a0@example.org>" |
		.store = "altro" | .subject = "Cappello verde" |
		.customer = {name: "Anna Bianchi", emails: ["anna@example.org"]} |
		.source.external_id = .id | .messages |= map(.id = ("a" + .id) | .text = "Il cappello verde")' "$HOUSE" |
		omni-link --now "$NOW" >/dev/null
	omni-link --now "$NOW" </dev/null >/dev/null    # the lifecycle's clocks move first
	before=$(figures)
	mkdir -p "$XDG_CONFIG_HOME/omni"
	printf '[store casa-verde]\nregion = IT\nretention = 60d\n' >"$XDG_CONFIG_HOME/omni/omni.conf"
	printf '[store elsewhere]\nretention = 1d\n' >>"$XDG_CONFIG_HOME/omni/omni.conf"
	store_has cintura
	run omni-link -v --now "$NOW" </dev/null
	assert_success
	assert_output --partial "1 tickets past their store's retention made anonymous"
	run sqlite3 "$OMNI_DB" "SELECT subject, CASE WHEN anonymised_at IS NULL THEN 0 ELSE 1 END FROM tickets ORDER BY created_at, seq"
	assert_output "|1"$'\n'"Cappello verde|0"$'\n'"Borsa azzurra|0"$'\n'"Scarpe nere|0"$'\n'"Ombrello giallo|0"
	run store_has cintura
	assert_failure
	run omni-link --export anna@example.org
	assert_output --partial '"name": "Anna Bianchi"'
	assert_output --partial '"subject": "Cappello verde"'
	[ "$(figures)" = "$before" ]
	# Marco is still Marco
	run omni-link --find marco.rossi@example.net
	assert_line --partial "Marco Rossi"
	# a bad period is a configuration error
	printf '[store casa-verde]\nretention = soon\n' >"$XDG_CONFIG_HOME/omni/omni.conf"
	run omni-link --now "$NOW" </dev/null
	assert_failure 78
}
