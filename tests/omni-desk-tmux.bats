#!/usr/bin/env bats
# omni-desk at a terminal, under tmux: the queue as lines, a ticket read,
# an answer typed into the editor and sent once through the loopback SMTP
# server.  Skipped where tmux is not installed (tools/deps installs it).

load test_helper
eval "helper_$(declare -f setup)"

setup_file() {
	smtpd_file_start
}

teardown_file() {
	smtpd_file_stop
}

setup() {
	helper_setup
	command -v tmux >/dev/null || skip "tmux is not installed (make deps installs it)"
	[ -z "${NO_SMTPD:-}" ] || skip "python3-aiosmtpd is not installed"
	TO=tmux-$BATS_TEST_NUMBER@example.com
	export OMNI_TICKETS=$BATS_TEST_TMPDIR/tickets.ndjson USER=alice
	printf '[reply]\nsmtp = smtp://127.0.0.1:%s\nfrom = Acme Care <care@acme.example>\n' \
		"$SMTP_PORT" >"$BATS_TEST_TMPDIR/omni.conf"
	jq -c --arg to "$TO" '.id = "tk-tmux0001" | .status = "open" | .customer.emails = [$to]
		| .sla = {first_response_due: "2026-11-20T13:00:00Z"}
		| .messages |= map(if .direction == "in" then .from = $to else . end)' \
		"$FIXTURES/reply/email-wismo.json" >"$OMNI_TICKETS"
	# the editor asks the terminal for one line, and writes it above the scissors
	cat >"$BATS_TEST_TMPDIR/ask" <<-'EOF'
	#!/bin/sh
	printf 'answer> '
	read -r line
	{ printf '%s\n' "$line"; sed -n '/^# -* >8 -*$/,$p' "$1"; } >"$1.new" && mv "$1.new" "$1"
	EOF
	chmod +x "$BATS_TEST_TMPDIR/ask"
	SOCK=$BATS_TEST_TMPDIR/tmux.sock
	tmux -S "$SOCK" -f /dev/null new-session -d -x 120 -y 40 \
		env PATH="$PATH" HOME="$HOME" OMNI_DB="$OMNI_DB" OMNI_TICKETS="$OMNI_TICKETS" USER=alice \
		XDG_CONFIG_HOME="$XDG_CONFIG_HOME" XDG_DATA_HOME="$XDG_DATA_HOME" NO_COLOR=1 \
		EDITOR="$BATS_TEST_TMPDIR/ask" PS1='$ ' sh
}

teardown() {
	[ -n "${SOCK:-}" ] && tmux -S "$SOCK" kill-server 2>/dev/null || true
}

type_line() {
	tmux -S "$SOCK" send-keys -l "$1"
	tmux -S "$SOCK" send-keys Enter
}

# Waits until the screen shows $1 (a grep -E pattern); fails when it never does.
screen_shows() {
	local _
	for _ in $(seq 200); do
		tmux -S "$SOCK" capture-pane -p | grep -qE -- "$1" && return 0
		sleep 0.05
	done
	tmux -S "$SOCK" capture-pane -p >&2
	return 1
}

@test "at a terminal: the queue, the ticket, an answer typed into the editor and sent once" {
	type_line "omni-desk --now 2026-11-20T12:00:00Z; echo queue-done"
	screen_shows '^queue-done'
	run tmux -S "$SOCK" capture-pane -p
	assert_line --regexp '^tk-tmux0001 +1h +3h +email +Maria Rossi +Where is my order #1043\?$'

	type_line "omni-desk show tk-tmux | head -3; echo show-done"
	screen_shows '^show-done'
	run tmux -S "$SOCK" capture-pane -p
	assert_line 'tk-tmux0001  Where is my order #1043?'

	# on the terminal, through the pager
	type_line "PAGER='sed -n 1s/^/paged:/p' omni-desk show tk-tmux; echo paged-done"
	screen_shows '^paged-done'
	run tmux -S "$SOCK" capture-pane -p
	assert_line 'paged:tk-tmux0001  Where is my order #1043?'

	type_line "omni-desk -c $BATS_TEST_TMPDIR/omni.conf answer tk-tmux; echo answered \$?"
	screen_shows '^answer>'
	type_line "Your jacket reaches you on Monday."
	screen_shows '^answered 0'
	run tmux -S "$SOCK" capture-pane -p
	assert_line 'tk-tmux0001: sent'
	[ "$(grep -l "^X-Envelope-To: $TO" "$SPOOL"/*.eml | wc -l)" -eq 1 ]
	run bash -c "tail -1 '$OMNI_TICKETS' | jq -c '[.status, .reply.status, (.desk.actions | map(.verb))]'"
	assert_output '["pending","sent",["open","answer"]]'
}
