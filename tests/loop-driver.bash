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
