# The day driver of tests/loop.bats, sourced by it and by bench/loop/week:
# the crontab's lines, the programs wrapped with a tick's clock (and a stage
# to kill), and mail delivered into ~/Maildir as its time comes.
# LOOP_DIR (default the test's BATS_TEST_TMPDIR) holds the files "tick" (the
# clock, as --now takes it) and "victim" (the program to kill, or empty).

# The crontab's command for the line whose schedule is $1, as written.
cron_line() {
	awk -v when="$1" '!/^#/ && NF >= 6 && ($1 " " $2 " " $3 " " $4 " " $5) == when {
		sub(/^[^ ]+ [^ ]+ [^ ]+ [^ ]+ [^ ]+ /, ""); print }' "$TOP/share/omni/cron/crontab"
}

# Wrappers first on PATH: each program with the tick's clock; the one
# named in $LOOP_DIR/victim dies by SIGKILL: omni-fetch and
# omni-link once they wrote everything into a pipe no one reads, omni-route
# and omni-reply having read a little of their input.
wrappers() {
	local d=${LOOP_DIR:-$BATS_TEST_TMPDIR} p
	local w=$d/wrap
	mkdir -p "$w"
	for p in omni-fetch omni-link omni-route omni-reply omni-report; do
		cat >"$w/$p" <<-WRAP
		#!/bin/bash
		now=\$(cat "$d/tick")
		if [ "\$(cat "$d/victim" 2>/dev/null)" = $p ]; then
			case $p in
			omni-fetch|omni-link) "$TOP/bin/$p" --now "\$now" "\$@" | cat >/dev/null ;;
			*) head -c 300 >/dev/null ;;
			esac
			kill -9 \$\$
		fi
		exec "$TOP/bin/$p" --now "\$now" "\$@"
		WRAP
		chmod +x "$w/$p"
	done
	echo "$w"
}

# The mails of the day ($2, default day.tsv) due by time $1 into the
# Maildir (each once); a text's \n is a new line, and a seventh column
# holds more header lines, | between them.
deliver_mail() {
	local at from id parent subject text headers f tsv=${2:-day.tsv}
	[[ $tsv == */* ]] || tsv=$FIXTURES/loop/$tsv
	while IFS=$'\t' read -r at from id parent subject text headers; do
		case $at in '#'*|'') continue ;; esac
		[[ $at > $1 ]] && continue
		f=$HOME/Maildir/new/${id%@*}.eml
		[ -e "$f" ] && continue
		{
			printf 'From: %s\r\nTo: care@acme.example\r\nSubject: %s\r\n' "$from" "$subject"
			printf 'Date: %s\r\nMessage-ID: <%s>\r\n' "$(date -u -R -d "$at")" "$id"
			[ "$parent" = - ] || printf 'In-Reply-To: <%s>\r\nReferences: <%s>\r\n' "$parent" "$parent"
			[ -z "$headers" ] || [ "$headers" = - ] || printf '%s\r\n' "${headers//|/$'\r\n'}"
			printf 'Content-Type: text/plain; charset=utf-8\r\n\r\n%b\r\n' "$text"
		} >"$f"
	done <"$tsv"
}

# A seller's home as the README sets it up: ~/Maildir, ~/omni, an empty
# secrets file and omni.conf with the shop, its mailbox and the loopback
# SMTP server ($SMTP_PORT); $1 adds lines to [reply].
loop_home() {
	mkdir -p "$HOME/Maildir/new" "$HOME/Maildir/cur" "$HOME/Maildir/tmp" "$HOME/omni" \
		"$HOME/.config/omni"
	: >"$HOME/.config/omni/env"
	cat >"$HOME/.config/omni/omni.conf" <<-CONF
	[store acme]
	[source inbox]
	uri = maildir:~/Maildir
	store = acme
	address = care@acme.example
	[reply]
	smtp = smtp://127.0.0.1:$SMTP_PORT
	from = Acme Care <care@acme.example>
	retries = 1
	backoff = 10
	${1:-}
	CONF
}

# The Amazon orders of tests/fixtures/api/amazon into the store, from the
# fixture server ($FX), at $1 (an --now time).
amazon_orders() {
	local api=$FIXTURES/api/amazon o
	fixture_reset
	fixture_push /lwa/auth/o2/token "$(jq -cn --arg f "$api/token.json" '{status: 200, file: $f}')"
	fixture_push /amazon/orders/v0/orders "$(jq -cn --arg f "$api/orders-1.json" '{status: 200, file: $f}')" \
		"$(jq -cn --arg f "$api/orders-2.json" '{status: 200, file: $f}')"
	for o in 113-4827365-1029384:items-113 114-9936120-5521807:items-114-1 111-2048577-6634915:items-111; do
		fixture_push "/amazon/orders/v0/orders/${o%%:*}/orderItems" \
			"$(jq -cn --arg f "$api/${o#*:}.json" '{status: 200, file: $f}')"
	done
	fixture_push /amazon/orders/v0/orders/114-9936120-5521807/orderItems \
		"$(jq -cn --arg f "$api/items-114-2.json" '{status: 200, file: $f}')"
	printf '[store acme]\n[source amz]\nuri = amazon:%s/amazon/\ntoken_url = %s/lwa/auth/o2/token\nstore = acme\n' \
		"$FX" "$FX" >"$BATS_TEST_TMPDIR/amazon.conf"
	OMNI_AMAZON_REFRESH_TOKEN=r OMNI_AMAZON_CLIENT_ID=c OMNI_AMAZON_CLIENT_SECRET=s \
		omni-fetch -c "$BATS_TEST_TMPDIR/amazon.conf" --orders --now "$1" amz >/dev/null
}
