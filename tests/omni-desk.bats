#!/usr/bin/env bats
# omni-desk: the queue's order and filters, a ticket as a timeline, the
# answer written in a scripted $EDITOR (sent once through the loopback SMTP
# server, refused by Amazon's rules and the editor reopened, an empty file
# aborting), notes never sent, snooze returning at its time and when the
# customer writes, and each action in the stream, the store and the report.

load test_helper
eval "helper_$(declare -f setup)"

R=$FIXTURES/reply
NOW=--now=2026-11-20T12:00:00Z

setup_file() {
	smtpd_file_start
}

teardown_file() {
	smtpd_file_stop
}

need_smtpd() {
	[ -z "${NO_SMTPD:-}" ] || skip "python3-aiosmtpd is not installed"
}

setup() {
	helper_setup
	export USER=alice
	export OMNI_TICKETS=$BATS_TEST_TMPDIR/tickets.ndjson
	CONF=$BATS_TEST_TMPDIR/omni.conf
	printf '[reply]\nsmtp = smtp://127.0.0.1:%s\nfrom = Acme Care <care@acme.example>\nretries = 1\nbackoff = 10\ntimeout = 20\n' \
		"${SMTP_PORT:-1}" >"$CONF"
	TO=desk-$BATS_TEST_NUMBER@example.com
}

received() {
	grep -l "^X-Envelope-To: $1" "$SPOOL"/*.eml 2>/dev/null | wc -l
}

# The e-mail fixture as ticket $1, written to $TO, with jq filter $2.
mail_ticket() {
	jq -c --arg id "$1" --arg to "$TO" ".id = \$id | .customer.emails = [\$to]
		| .messages |= map(if .direction == \"in\" then .from = \$to else . end) | ${2:-.}" \
		"$R/email-wismo.json"
}

# Four tickets: a breached one, one due soon, one due later (Amazon), one
# answered (pending), and one without a clock.
queue_file() {
	{
		mail_ticket tk-soon '.status = "new" | .queue = "support" | .priority = "normal"
			| .created_at = "2026-11-20T09:00:00Z"
			| .sla = {first_response_due: "2026-11-20T13:00:00Z"}'
		jq -c '.id = "tk-amz" | .status = "open" | .queue = "marketplace" | .priority = "high"
			| .tags = ["vip"] | .created_at = "2026-11-20T08:00:00Z"
			| .sla = {first_response_due: "2026-11-20T10:00:00Z", next_response_due: "2026-11-21T10:00:00Z"}' \
			"$R/amazon-wismo.json"
		mail_ticket tk-done '.status = "pending" | .sla = {first_response_due: "2026-11-20T10:00:00Z"}'
		mail_ticket tk-late '.status = "new" | .created_at = "2026-11-19T08:00:00Z"
			| .sla = {first_response_due: "2026-11-20T11:00:00Z", breached: ["first_response"]}'
		mail_ticket tk-none '.status = "open" | .created_at = "2026-11-18T08:00:00Z" | del(.sla)'
	} >"$OMNI_TICKETS"
}

ids() {
	jq -r .id | tr '\n' ' ' | sed 's/ $//'
}

@test "queue: waiting tickets only, breached first, then by the clock that runs, then the oldest; NDJSON off a terminal" {
	queue_file
	run omni-desk "$NOW"
	assert_success
	assert_equal "$(ids <<<"$output")" "tk-late tk-soon tk-amz tk-none"
	# each line is the ticket as the file has it
	assert_equal "$(jq -c . <<<"${lines[1]}")" "$(sed -n 1p "$OMNI_TICKETS" | jq -c .)"
	# a later line of a ticket is the ticket: answered now, it leaves
	mail_ticket tk-soon '.status = "pending"' >>"$OMNI_TICKETS"
	run omni-desk "$NOW"
	assert_equal "$(ids <<<"$output")" "tk-late tk-amz tk-none"
	# at a later time, the open Amazon ticket's next response clock is breached too
	run omni-desk --now 2026-11-21T12:00:00Z
	assert_equal "$(ids <<<"$output")" "tk-late tk-amz tk-none"
}

@test "queue: filters by queue, channel, store, priority, tag and assignee; files named, or stdin" {
	queue_file
	run omni-desk "$NOW" --queue marketplace
	assert_equal "$(ids <<<"$output")" tk-amz
	run omni-desk "$NOW" --channel email
	assert_equal "$(ids <<<"$output")" "tk-late tk-soon tk-none"
	run omni-desk "$NOW" --priority high --store acme-us
	assert_equal "$(ids <<<"$output")" tk-amz
	run omni-desk "$NOW" --tag vip
	assert_equal "$(ids <<<"$output")" tk-amz
	run omni-desk "$NOW" --assignee bob
	assert_output ''
	run omni-desk assign tk-soon bob
	assert_success
	run omni-desk "$NOW" --assignee bob
	assert_equal "$(ids <<<"$output")" tk-soon
	run omni-desk "$NOW" --assignee ''
	assert_equal "$(ids <<<"$output")" "tk-late tk-amz tk-none"
	run omni-desk "$NOW" --tag late
	assert_output ''
	omni-desk tag tk-none late
	run omni-desk "$NOW" --tag late
	assert_equal "$(ids <<<"$output")" tk-none
	omni-desk untag tk-none late
	run omni-desk "$NOW" --tag late
	assert_output ''
	run bash -c "omni-desk '$NOW' <'$OMNI_TICKETS' | wc -l"
	assert_output 4
	unset OMNI_TICKETS
	run omni-desk "$NOW" "$BATS_TEST_TMPDIR/tickets.ndjson"
	assert_equal "$(ids <<<"$output")" "tk-late tk-soon tk-amz tk-none"
}

@test "queue on a terminal: one line each, the breached due marked, the customer and subject" {
	command -v script >/dev/null || skip "script(1) is not installed"
	queue_file
	run script -qec "COLUMNS=100 omni-desk '$NOW'" /dev/null
	assert_success
	[ "${#lines[@]}" -eq 4 ]
	assert_line --index 0 --regexp '^tk-late +!1h +28h +email +Maria Rossi +Where is my order #1043\?'
	assert_line --index 2 --regexp '^tk-amz +22h +4h +amazon +Kevin Garcia +Inquiry from Amazon'
	# without NO_COLOR the breached are red, the others not
	run script -qec "env -u NO_COLOR TERM=xterm COLUMNS=100 omni-desk '$NOW'" /dev/null
	assert_line --index 0 --regexp $'^\e\\[31mtk-late .*\e\\[0m\r?$'
	assert_line --index 1 --regexp '^tk-soon '
}

@test "show: an order's returns, and the units shipped of each item where the platform says" {
	mail_ticket tk-ret '.status = "open" | .intent = "return" | .orders[0].status = "partially_shipped"
		| .orders[0].items[0].shipped = 1 | .orders[0].items[1].shipped = 0
		| .orders[0].returns = [{id: "77215640122853", status: "refunded", reason: "damaged", at: "2026-11-19T08:00:00Z"}]' >"$OMNI_TICKETS"
	run omni-desk show tk-ret
	assert_success
	assert_output --partial '1 x Alpine Fleece Jacket (AFJ-L)  shipped 1'
	assert_output --partial '2 x Thermo Bottle 1L (TB-1L)  shipped 0'
	assert_output --partial 'return 77215640122853  refunded  2026-11-19 08:00  damaged'
}

@test "show: the timeline in time order with channel and direction, quoted mail trimmed, HTML as text, orders, notes, routing's why" {
	mail_ticket tk-show '.status = "open" | .intent = "wismo" | .priority = "high" | .queue = "support"
		| .route = {rules: ["wismo"], explain: ["intent wismo: where is"]}
		| .sla = {policy: "standard", first_response_due: "2026-11-20T13:00:00Z"}
		| .history = [{id: "tk-old", channel: "instagram", subject: "Sizes", status: "closed", created_at: "2026-10-01T08:00:00Z"}]
		| .messages = [.messages[2] | .text = "Any news?\n\nOn Mon, 16 Nov 2026, Acme wrote:\n> Your order shipped.\n> Thanks"]
		  + [{id: "h1", direction: "in", author: "customer", channel: "email", at: "2026-11-19T07:00:00Z", html: "<p>Only <b>HTML</b> here</p>"}]
		  + [.messages[0]]' >"$OMNI_TICKETS"
	omni-desk --now 2026-11-20T09:30:00Z note tk-show "Called the courier: parcel in the depot."
	run omni-desk show tk-show
	assert_success
	assert_line --index 0 'tk-show  Where is my order #1043?'
	assert_output --partial 'intent wismo'
	assert_output --partial 'why  intent wismo: where is'
	assert_output --partial 'first response 2026-11-20 13:00'
	# time order: 18th, 19th (the HTML one), 20th, then the note at 09:30
	run bash -c "omni-desk show tk-show | grep -E '^2026-'"
	assert_output "$(printf '%s\n' '2026-11-18 09:00  email  in   '"$TO" \
		'2026-11-19 07:00  email  in   customer' \
		'2026-11-20 09:00  email  in   '"$TO" \
		'2026-11-20 09:30  note  alice')"
	run omni-desk show tk-show
	assert_output --partial '    Only HTML here'
	assert_output --partial '    Any news?'
	refute_output --partial 'Your order shipped'
	assert_output --partial '[3 quoted lines trimmed]'
	assert_output --partial '    Called the courier: parcel in the depot.'
	assert_output --partial '1 x Alpine Fleece Jacket (AFJ-L)'
	assert_output --partial 'tracking UPS 1Z999AA10123456784  in_transit'
	assert_output --partial 'refund 12.50 EUR  2026-11-20 10:00  late delivery'
	assert_output --partial 'tk-old  instagram  closed  2026-10-01 08:00  Sizes'
	# an id may be shortened while it names one ticket
	run omni-desk show tk-sh
	assert_success
	run omni-desk show tk-nope
	assert_failure 65
	assert_output 'omni-desk: tk-nope: no such ticket in the tickets file'
}

# A scripted editor: each call takes the next file of answers
# $BATS_TEST_TMPDIR/answer.N (none: leaves the file as it is) and keeps
# what it was given in seen.N.
editor() {
	cat >"$BATS_TEST_TMPDIR/editor" <<-'EOF'
	#!/bin/sh
	d=$(dirname "$0")
	n=$(($(cat "$d/calls" 2>/dev/null || echo 0) + 1))
	echo "$n" >"$d/calls"
	cp "$1" "$d/seen.$n"
	if [ -f "$d/answer.$n" ]; then
		{ cat "$d/answer.$n"; sed -n '/^# -* >8 -*$/,$p' "$1"; } >"$1.new" && mv "$1.new" "$1"
	fi
	EOF
	chmod +x "$BATS_TEST_TMPDIR/editor"
	export EDITOR=$BATS_TEST_TMPDIR/editor VISUAL=
}

calls() {
	cat "$BATS_TEST_TMPDIR/calls" 2>/dev/null || echo 0
}

@test "answer: the draft in the editor with the timeline below the scissors; sent once, on the ticket's channel; the ticket pending, the action recorded" {
	need_smtpd
	editor
	mail_ticket tk-ans '.status = "open" | .reply = {template: "wismo", text: "Hi Maria, your order is on its way.", status: "draft"}' \
		>"$OMNI_TICKETS"
	printf 'Hi Maria, your jacket reaches you on Monday.\n' >"$BATS_TEST_TMPDIR/answer.1"
	run omni-desk -c "$CONF" answer tk-ans
	assert_success
	assert_equal "$(calls)" 1
	# what the editor was given: the draft, the scissors, the timeline quoted
	run sed -n 1p "$BATS_TEST_TMPDIR/seen.1"
	assert_output 'Hi Maria, your order is on its way.'
	run grep -c '^# -* >8 -*$' "$BATS_TEST_TMPDIR/seen.1"
	assert_output 1
	run grep -F '> 2026-11-20 09:00  email  in   '"$TO" "$BATS_TEST_TMPDIR/seen.1"
	assert_success
	# one mail, with the answer and nothing of the timeline
	assert_equal "$(received "$TO")" 1
	f=$(grep -l "^X-Envelope-To: $TO" "$SPOOL"/*.eml)
	run grep -c 'your jacket reaches you on Monday' "$f"
	assert_output 1
	run grep -c -e 'Hello, any news' -e '>8' "$f"
	assert_output 0
	# the ticket's next version is in the tickets file
	run bash -c "tail -1 '$OMNI_TICKETS' | jq -c '[.status, .reply.status, .reply.text, .messages[-1].direction, .messages[-1].author, (.desk.actions | map([.verb, .who]))]'"
	assert_output '["pending","sent","Hi Maria, your jacket reaches you on Monday.","out","agent",[["open","alice"],["answer","alice"]]]'
	# the ledger has it once; answering again the same sends nothing more
	assert_equal "$(sqlite3 "$OMNI_DB" "SELECT count(*), max(state) FROM send_ledger WHERE ticket_id = 'tk-ans'")" '1|sent'
	cp "$BATS_TEST_TMPDIR/answer.1" "$BATS_TEST_TMPDIR/answer.2"
	run omni-desk -c "$CONF" answer tk-ans
	assert_success
	assert_equal "$(received "$TO")" 1
}

@test "answer: a ticket without a draft starts from the one omni-reply's template gives" {
	need_smtpd
	editor
	mail_ticket tk-tmpl '.status = "open" | .intent = "wismo" | del(.reply)' >"$OMNI_TICKETS"
	printf 'Shipped: UPS 1Z999AA10123456784.\n' >"$BATS_TEST_TMPDIR/answer.1"
	run omni-desk -c "$CONF" answer tk-tmpl
	assert_success
	run sed -n '1,3p' "$BATS_TEST_TMPDIR/seen.1"
	assert_output "$(printf '%s\n' 'Hello Maria,' '' 'Thank you for your message about order #1043.')"
	assert_equal "$(received "$TO")" 1
}

@test "answer: a template's draft with an empty value, saved unchanged, is refused by omni-reply and the editor reopens saying why; filled in, it is sent" {
	need_smtpd
	editor
	mkdir -p "$BATS_TEST_TMPDIR/tmpl"
	printf '@@ wismo\nShipped with {{shipment.carrier}}.\n' >"$BATS_TEST_TMPDIR/tmpl/en.tmpl"
	printf 'templates = %s\n' "$BATS_TEST_TMPDIR/tmpl" >>"$CONF"
	mail_ticket tk-slot '.status = "open" | .intent = "wismo" | del(.reply, .orders[0].fulfillments[0].carrier)' \
		>"$OMNI_TICKETS"
	# saved unchanged twice: refused, reopened, then given up
	run omni-desk -c "$CONF" answer tk-slot
	assert_success
	assert_equal "$(calls)" 2
	assert_line 'omni-desk: omni-reply refuses the answer: slot: {{shipment.carrier}} is empty: the store does not have it'
	assert_line 'omni-desk: the answer refused again, unchanged: nothing sent'
	run grep -c '^#   slot: {{shipment.carrier}} is empty' "$BATS_TEST_TMPDIR/seen.2"
	assert_output 1
	assert_equal "$(received "$TO")" 0
	assert_equal "$(wc -l <"$OMNI_TICKETS")" 1
	# refused, then filled in the reopened editor: sent
	rm -f "$BATS_TEST_TMPDIR"/calls
	printf 'Shipped with UPS.\n' >"$BATS_TEST_TMPDIR/answer.2"
	run omni-desk -c "$CONF" answer tk-slot
	assert_success
	assert_equal "$(calls)" 2
	assert_equal "$(received "$TO")" 1
	run bash -c "tail -1 '$OMNI_TICKETS' | jq -c '[.reply.status, .reply.text]'"
	assert_output '["sent","Shipped with UPS."]'
}

@test "answer: Amazon's rules refuse a link and marketing words; the editor reopens saying why, then the fixed answer is sent" {
	need_smtpd
	editor
	TO=desk-amz-$BATS_TEST_NUMBER@marketplace.amazon.com
	jq -c --arg to "$TO" '.id = "tk-amz" | .status = "new" | .customer.emails = [$to] | .customer.handles.amazon = $to' \
		"$R/amazon-wismo.json" >"$OMNI_TICKETS"
	printf 'Great deals at https://example.com/sale - 20%% discount!\n' >"$BATS_TEST_TMPDIR/answer.1"
	printf 'Your bottle was delivered on 14 November.\n' >"$BATS_TEST_TMPDIR/answer.2"
	run omni-desk -c "$CONF" answer tk-amz
	assert_success
	assert_equal "$(calls)" 2
	assert_line --partial "omni-desk: the channel's rules refuse the answer: link: https://example.com/sale"
	assert_line --partial "omni-desk: the channel's rules refuse the answer: marketing:"
	# the second file keeps the refused text and says why, above the timeline
	run sed -n 1p "$BATS_TEST_TMPDIR/seen.2"
	assert_output 'Great deals at https://example.com/sale - 20% discount!'
	run grep -c "^#   link: https://example.com/sale" "$BATS_TEST_TMPDIR/seen.2"
	assert_output 1
	assert_equal "$(received "$TO")" 1
	f=$(grep -l "^X-Envelope-To: $TO" "$SPOOL"/*.eml)
	run grep -c 'example.com/sale' "$f"
	assert_output 0
}

@test "answer: an empty file, or a refused answer saved unchanged, sends nothing" {
	need_smtpd
	editor
	mail_ticket tk-empty '.status = "new" | .reply = {text: "A draft.", status: "draft"}' >"$OMNI_TICKETS"
	: >"$BATS_TEST_TMPDIR/answer.1"
	run omni-desk -c "$CONF" answer tk-empty
	assert_success
	assert_output 'omni-desk: an empty answer: nothing sent'
	assert_equal "$(received "$TO")" 0
	assert_equal "$(wc -l <"$OMNI_TICKETS")" 1
	assert_equal "$(sqlite3 "$OMNI_DB" 'SELECT count(*) FROM send_ledger' 2>/dev/null || echo 0)" 0

	rm -f "$BATS_TEST_TMPDIR"/calls "$BATS_TEST_TMPDIR"/answer.*
	TO=desk-amz-$BATS_TEST_NUMBER@marketplace.amazon.com
	jq -c --arg to "$TO" '.id = "tk-amz" | .customer.emails = [$to]' "$R/amazon-wismo.json" >"$OMNI_TICKETS"
	printf 'Call us at +1 415 555 0100.\n' >"$BATS_TEST_TMPDIR/answer.1"
	run omni-desk -c "$CONF" answer tk-amz
	assert_success
	assert_equal "$(calls)" 2
	assert_line 'omni-desk: the answer refused again, unchanged: nothing sent'
	assert_equal "$(received "$TO")" 0
}

@test "a note is never sent: not alone, and not with the answer that follows it" {
	need_smtpd
	editor
	mail_ticket tk-note '.status = "open"' >"$OMNI_TICKETS"
	run omni-desk -c "$CONF" note tk-note "Internal: customer is a reseller, no refunds."
	assert_success
	assert_equal "$(received "$TO")" 0
	run bash -c "tail -1 '$OMNI_TICKETS' | jq -c '.desk.actions | map([.verb, .value, .who])'"
	assert_output '[["note","Internal: customer is a reseller, no refunds.","alice"]]'
	printf 'Your parcel is on its way.\n' >"$BATS_TEST_TMPDIR/answer.1"
	run omni-desk -c "$CONF" answer tk-note
	assert_success
	assert_equal "$(received "$TO")" 1
	f=$(grep -l "^X-Envelope-To: $TO" "$SPOOL"/*.eml)
	run grep -c 'reseller' "$f"
	assert_output 0
	run omni-desk note tk-note ''
	assert_failure 64
}

@test "who: [desk] author in the configuration, else \$USER" {
	mail_ticket tk-who '.status = "open"' >"$OMNI_TICKETS"
	omni-desk --now 2026-11-20T10:00:00Z assign tk-who carol
	printf '[desk]\nauthor = Dana Cole\n' >"$BATS_TEST_TMPDIR/d.conf"
	omni-desk -c "$BATS_TEST_TMPDIR/d.conf" --now 2026-11-20T10:05:00Z tag tk-who refund
	run bash -c "tail -1 '$OMNI_TICKETS' | jq -c '[.desk.assignee, .desk.tags, (.desk.actions | map([.verb, .value, .who, .at]))]'"
	assert_output '["carol",["refund"],[["assign","carol","alice","2026-11-20T10:00:00Z"],["tag","refund","Dana Cole","2026-11-20T10:05:00Z"]]]'
	run sqlite3 "$OMNI_DB" 'SELECT ticket, verb, value, who FROM desk_actions ORDER BY seq'
	assert_output "$(printf '%s\n' 'tk-who|assign|carol|alice' 'tk-who|tag|refund|Dana Cole')"
}

# A mail through omni-link into the store and the tickets file.
link_mail() {   # link_mail ID AT [IN-REPLY-TO]
	jq -cn --arg id "$1" --arg at "$2" --arg irt "${3:-}" '{omni: 1, id: ("mail:" + $id), channel: "email",
		store: "acme", subject: (if $irt == "" then "Broken mug" else "Re: Broken mug" end),
		source: ({name: "support", message_id: $id} + (if $irt == "" then {} else {in_reply_to: $irt, references: [$irt]} end)),
		customer: {name: "Ann Lee", email: "ann@example.com"},
		messages: [{id: $id, direction: "in", author: "customer", from: "ann@example.com", at: $at,
		            text: "My mug arrived broken."}]}' |
		omni-link --now "$2" >>"$OMNI_TICKETS"
}

@test "snooze: the ticket leaves the queue and comes back at its time" {
	link_mail m1@x 2026-11-20T09:00:00Z
	id=$(jq -r .id "$OMNI_TICKETS")
	run omni-desk --now 2026-11-20T09:10:00Z snooze "$id" 1d
	assert_success
	run omni-desk --now 2026-11-20T09:15:00Z
	assert_output ''
	run omni-desk --now 2026-11-21T09:09:00Z
	assert_output ''
	run omni-desk --now 2026-11-21T09:10:00Z
	assert_equal "$(ids <<<"$output")" "$id"
	run omni-desk snooze "$id" tomorrow
	assert_failure 64
	omni-desk snooze "$id" 2026-12-01T08:00:00Z
	assert_equal "$(tail -1 "$OMNI_TICKETS" | jq -r .desk.snoozed_until)" 2026-12-01T08:00:00Z
}

@test "snooze: the customer writing again brings the ticket back before its time, in the ticket omni-link writes" {
	link_mail m1@x 2026-11-20T09:00:00Z
	id=$(jq -r .id "$OMNI_TICKETS")
	omni-desk --now 2026-11-20T09:10:00Z snooze "$id" 3d
	run omni-desk --now 2026-11-20T10:00:00Z
	assert_output ''
	link_mail m2@x 2026-11-20T11:00:00Z m1@x
	assert_equal "$(tail -1 "$OMNI_TICKETS" | jq -r .id)" "$id"
	run bash -c "tail -1 '$OMNI_TICKETS' | jq -c '[.desk.snoozed_until, (.desk.actions | map([.verb, .who]))]'"
	assert_output '[null,[["snooze","alice"],["wake","customer"]]]'
	run omni-desk --now 2026-11-20T11:05:00Z
	assert_equal "$(ids <<<"$output")" "$id"
}

@test "solve and reopen move the stored status, which omni-link's lifecycle goes on from; pending leaves the queue" {
	link_mail m1@x 2026-11-20T09:00:00Z
	id=$(jq -r .id "$OMNI_TICKETS")
	run omni-desk --now 2026-11-20T09:30:00Z solve "$id"
	assert_success
	assert_equal "$(tail -1 "$OMNI_TICKETS" | jq -c '[.status, .solved_at]')" '["solved","2026-11-20T09:30:00Z"]'
	assert_equal "$(sqlite3 "$OMNI_DB" "SELECT status, solved_at FROM tickets WHERE id = '$id'")" 'solved|2026-11-20T09:30:00Z'
	run omni-desk --now 2026-11-20T09:40:00Z
	assert_output ''
	# the customer writes to the solved ticket: omni-link reopens it and counts it
	link_mail m2@x 2026-11-20T11:00:00Z m1@x
	assert_equal "$(tail -1 "$OMNI_TICKETS" | jq -c '[.id == "'"$id"'", .status, .reopens]')" '[true,"open",1]'
	omni-desk pending "$id"
	assert_equal "$(tail -1 "$OMNI_TICKETS" | jq -r .status)" pending
	run omni-desk --now 2026-11-20T11:10:00Z
	assert_output ''
	omni-desk reopen "$id"
	assert_equal "$(sqlite3 "$OMNI_DB" "SELECT status FROM tickets WHERE id = '$id'")" open
	run omni-desk --now 2026-11-20T11:10:00Z
	assert_equal "$(ids <<<"$output")" "$id"
	run bash -c "tail -1 '$OMNI_TICKETS' | jq -c '.desk.actions | map(.verb)'"
	assert_output '["solve","pending","reopen"]'
}

@test "split: omni-link --unmerge, both conversations written to the tickets file" {
	link_mail m1@x 2026-11-20T09:00:00Z
	link_mail m2@x 2026-11-20T10:00:00Z m1@x
	id=$(tail -1 "$OMNI_TICKETS" | jq -r .id)
	run omni-desk split "$id" mail:m2@x
	assert_success
	run bash -c "tail -3 '$OMNI_TICKETS' | jq -r '.id' | sort -u | wc -l"
	assert_output 2
	assert_equal "$(tail -1 "$OMNI_TICKETS" | jq -c '.desk.actions | map([.verb, .value])')" '[["split","mail:m2@x"]]'
}

@test "merge: the other conversation joins the ticket in the store, which keeps its routing; the other leaves the queue" {
	link_mail m1@x 2026-11-20T09:00:00Z
	jq -c '.queue = "returns" | .sla = {first_response_due: "2026-11-20T18:00:00Z"}' "$OMNI_TICKETS" >"$BATS_TEST_TMPDIR/t" &&
		mv "$BATS_TEST_TMPDIR/t" "$OMNI_TICKETS"
	a=$(jq -r .id "$OMNI_TICKETS")
	jq -cn '{omni: 1, id: "mail:w1@x", channel: "email", store: "acme", subject: "Mug, from work",
		source: {name: "support", message_id: "w1@x"}, customer: {email: "ann.lee@work.example"},
		messages: [{id: "w1@x", direction: "in", author: "customer", from: "ann.lee@work.example",
		            at: "2026-11-20T10:00:00Z", text: "Same mug, other address."}]}' |
		omni-link --now 2026-11-20T10:00:00Z >>"$OMNI_TICKETS"
	b=$(tail -1 "$OMNI_TICKETS" | jq -r .id)
	[ "$a" != "$b" ]
	run omni-desk --now 2026-11-20T10:05:00Z merge "$a" "$b"
	assert_success
	run omni-desk --now 2026-11-20T10:05:00Z
	assert_equal "$(ids <<<"$output")" "$a"
	run jq -c '[(.messages | map(.id)), .queue, .sla.first_response_due, (.desk.actions | map([.verb, .value]))]' <<<"$output"
	assert_output "[[\"m1@x\",\"w1@x\"],\"returns\",\"2026-11-20T18:00:00Z\",[[\"merge\",\"$b\"]]]"
	assert_equal "$(sqlite3 "$OMNI_DB" "SELECT count(*) FROM tickets WHERE id = '$b'")" 0
	assert_equal "$(tail -1 "$OMNI_TICKETS" | jq -c '[.id, .desk.merged_into]')" "[\"$b\",\"$a\"]"
	# a reply in the thread merged goes to the ticket
	link_mail w2@x 2026-11-20T11:00:00Z w1@x
	assert_equal "$(tail -1 "$OMNI_TICKETS" | jq -r .id)" "$a"
	run omni-desk merge "$a" "$a"
	assert_failure 64
}

@test "report: --by assignee counts a ticket for the person it was assigned to, and a person's answer is a first response" {
	need_smtpd
	editor
	mail_ticket tk-r1 '.status = "open" | .assignee = "routing-bot"' >"$OMNI_TICKETS"
	mail_ticket tk-r2 '.status = "open" | .assignee = "routing-bot" | .messages = [.messages[2]]' >>"$OMNI_TICKETS"
	omni-desk assign tk-r1 bob
	printf 'On its way.\n' >"$BATS_TEST_TMPDIR/answer.1"
	omni-desk -c "$CONF" --now 2026-11-20T09:30:00Z answer tk-r2
	run bash -c "omni-report --by assignee -f json --since 2026-11-01T00:00:00Z --now 2026-11-21T00:00:00Z '$OMNI_TICKETS' |
		jq -c '[.groups[] | [.group.assignee, .tickets]]'"
	assert_output '[["bob",1],["routing-bot",1]]'
	run bash -c "omni-report --by assignee -f json --since 2026-11-01T00:00:00Z --now 2026-11-21T00:00:00Z '$OMNI_TICKETS' |
		jq -c '[.groups[] | select(.group.assignee == \"routing-bot\") | .first_response_min.count]'"
	assert_output '[1]'
	# the answer is a person's first response; opened and sent at one --now,
	# its handling time is no time; bob's ticket, whose agent reply came
	# before the desk, has a first response by a person and no handling
	run bash -c "omni-report --by assignee -f json --since 2026-11-01T00:00:00Z --now 2026-11-21T00:00:00Z '$OMNI_TICKETS' |
		jq -c '[.groups[] | [.group.assignee, .first_response_person_min.count, .handling_min.count, .handling_min.mean]]'"
	assert_output '[["bob",1,0,null],["routing-bot",1,1,0]]'
}

@test "ids: the store's tickets, the latest first; with -f, the file's" {
	link_mail m1@x 2026-11-20T09:00:00Z
	a=$(jq -r .id "$OMNI_TICKETS")
	mail_ticket tk-file-only >>"$OMNI_TICKETS"
	run omni-desk ids
	assert_output "$a"
	run omni-desk -f "$OMNI_TICKETS" ids
	assert_output "$(printf '%s\n' tk-file-only "$a")"
}

@test "usage: a verb's arguments, an ambiguous id, the tickets file missing" {
	queue_file
	run omni-desk show
	assert_failure 64
	run omni-desk assign tk-soon
	assert_failure 64
	run omni-desk show tk-
	assert_failure 64
	assert_output --partial 'tickets start so'
	run omni-desk -f "$BATS_TEST_TMPDIR/none.ndjson" show tk-soon
	assert_failure 66
	run omni-desk ids
	assert_output "$(printf '%s\n' tk-none tk-late tk-done tk-amz tk-soon)"
}

@test "one ticket's line through the index beside the tickets file: kept up to date as the file grows, rebuilt when it is replaced" {
	queue_file
	run omni-desk show tk-soon
	assert_success
	assert_equal "$(head -c 18 "$OMNI_TICKETS.idx")" 'omni-desk-index 1 '
	# a later version appended by the pipeline: read from the size indexed
	mail_ticket tk-soon '.subject = "A later subject"' >>"$OMNI_TICKETS"
	run omni-desk show tk-soon
	assert_output --partial 'A later subject'
	# only that: a line before it, spoilt in place, is not read again
	printf 'x' | dd of="$OMNI_TICKETS" bs=1 seek="$(head -1 "$OMNI_TICKETS" | wc -c)" conv=notrunc status=none
	run omni-desk show tk-soon
	assert_success
	run omni-desk tag tk-late vip
	assert_success
	run omni-desk show tk-amz
	assert_failure 65
	# a ticket absorbed by another's later line is gone; a prefix is still one ticket
	mail_ticket tk-soon '.merged_from = ["tk-soon", "tk-late"]' >>"$OMNI_TICKETS"
	run omni-desk show tk-late
	assert_failure 65
	assert_output --partial 'tk-late: no such ticket'
	run omni-desk show tk-so
	assert_success
	# the file replaced (another inode), even by one of the same size: indexed again
	mail_ticket tk-new >"$BATS_TEST_TMPDIR/new.ndjson"
	mv "$BATS_TEST_TMPDIR/new.ndjson" "$OMNI_TICKETS"
	run omni-desk show tk-new
	assert_success
	run omni-desk show tk-soon
	assert_failure 65
}

# Completes $1 with the bash completion; COMPREPLY one per line.
desk_complete() {
	bash -c '. "$1"; COMP_LINE=$2 COMP_POINT=${#2}; read -ra COMP_WORDS <<<"$2"
		[[ $2 == *" " ]] && COMP_WORDS+=("")
		COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _omni_desk
		printf "%s\n" "${COMPREPLY[@]}"' _ "$TOP/completions/omni.bash" "$1" 2>&1
}

@test "bash completion: the verbs, then the ticket ids of the tickets file" {
	queue_file
	run desk_complete "omni-desk sn"
	assert_output snooze
	run desk_complete "omni-desk show tk-"
	assert_output "$(printf '%s\n' tk-none tk-late tk-done tk-amz tk-soon)"
	run desk_complete "omni-desk -f $OMNI_TICKETS answer tk-l"
	assert_output tk-late
	run desk_complete "omni-desk snooze tk-late "
	assert_output "$(printf '%s\n' 1h 4h 1d 2d 1w)"
	run desk_complete "omni-desk --priority h"
	assert_output high
}
