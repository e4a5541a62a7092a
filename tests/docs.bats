#!/usr/bin/env bats
# The documentation agrees with itself and with the programs: man pages lint
# clean, each program's --help, man page and completions list the same
# options (git's t0450), and the examples the docs show really work.

load test_helper

# Options as "s long" lines ("-" where there is no short form), sorted.

help_options() {
	"$1" --help | awk '
		/^ +-/ {
			if ($1 ~ /^-[A-Za-z],$/) { s = substr($1, 2, 1); l = $2 }
			else { s = "-"; l = $1 }
			sub(/^--/, "", l)
			print s, l
		}' | sort
}

# The .It lines of the OPTIONS section: ".It Fl a , Fl \-all".
man_options() {
	awk '
		/^\.Sh / { inopt = ($2 == "OPTIONS") }
		inopt && /^\.It Fl / {
			s = "-"; l = ""
			for (i = 2; i < NF; i++) if ($i == "Fl") {
				t = $(i + 1)
				if (t ~ /^\\-/) l = substr(t, 3)
				else if (length(t) == 1) s = t
			}
			print s, l
		}' "$1" | sort
}

fish_options() {
	awk '$1 == "complete" && / -l / {
		s = "-"; l = ""
		for (i = 1; i < NF; i++) {
			if ($i == "-s") s = $(i + 1)
			if ($i == "-l") l = $(i + 1)
		}
		print s, l
	}' "$1" | sort
}

# '(-a --all)'{-a,--all}'[...]' pairs, and '--channel=[...]' (or
# '*--resolve=[...]') alone, in the function $2 of $1 (_omni).
zsh_options() {
	sed -n "/^$2() {/,/^}/p" "$1" >"$BATS_TEST_TMPDIR/zsh-$2"
	{
		grep -oE "\{-[A-Za-z]\+?,--[a-z-]+=?\}" "$BATS_TEST_TMPDIR/zsh-$2" |
			sed -E 's/^\{-(.)\+?,--([a-z-]+)=?\}$/\1 \2/'
		grep -oE "^ *'\*?--[a-z-]+=?\[" "$BATS_TEST_TMPDIR/zsh-$2" |
			sed -E "s/^ *'\*?--([a-z-]+)=?\[$/- \1/"
	} | sort
}

# The zsh function of program $2: the one the last case of $1 calls.
zsh_function() {
	sed -n "s/^ *$2) \(_omni_[a-z_]*\) .*/\1/p" "$1"
}

# $_omni_<verb>_options of $1 (omni.bash), for program $2.
bash_options() {
	bash -c '. "$1"; v=_omni_${2#omni-}_options; printf "%s\n" ${!v}' _ "$1" "$2" |
		awk -F'|' '{ if (NF == 2) print substr($1, 2), substr($2, 3)
		             else print "-", substr($1, 3) }' | sort
}

# The long options function $2 of $1 names anywhere, say in a case.
named_options() {
	sed -n "/^$2() *{\{0,1\}\$/,/^}/p" "$1" | grep -oE -- '--[a-z][a-z-]*' | sort -u
}

# The rendered SYNOPSIS of a man page, on one line.
man_synopsis() {
	mandoc -Tascii "$1" | sed 's/.\x08//g' |
		awk '/^SYNOPSIS/ { on = 1; next } /^[A-Z]/ { on = 0 } on' |
		tr -s ' \n' '  ' | sed 's/^ //; s/ $//'
}

need_program() {
	[ -x "$TOP/bin/$1" ] || skip "$1 is not built"
}

# Completes $1 with the bash completion; COMPREPLY one per line.
bash_complete() {
	bash -c '. "$1"; COMP_LINE=$2 COMP_POINT=${#2}; _omni_fetch
		printf "%s\n" "${COMPREPLY[@]}"' _ "$TOP/completions/omni.bash" "$1" 2>&1
}

@test "every man page is mandoc -Tlint -Wwarning clean" {
	local pages=("$TOP"/man/*.[0-9])
	[ "${#pages[@]}" -ge 4 ]
	for m in "${pages[@]}"; do
		run mandoc -Tlint -Wwarning "$m"
		assert_output ''
		assert_success
	done
}

@test "every man page's .Dt names its own file" {
	for m in "$TOP"/man/*.[0-9]; do
		f=${m##*/}
		want=$(printf '%s %s' "${f%.*}" "${f##*.}" | tr a-z A-Z)
		run sed -n 's/^\.Dt //p' "$m"
		assert_output "$want"
	done
}

@test "every program has a man page and is in the bash, zsh and fish completions" {
	for p in $(omni_programs); do
		assert [ -f "$TOP/man/$p.1" ]
		assert [ -f "$TOP/completions/$p.fish" ]
		run grep -E "^complete -F [_a-z]+ .*\<$p\>" "$TOP/completions/omni.bash"
		assert_success
		run grep -E "^#compdef .*\<$p\>" "$TOP/completions/_omni"
		assert_success
	done
	# and no page describes a program that does not exist
	for m in "$TOP"/man/omni-*.1; do
		p=${m##*/}
		assert [ -x "$TOP/bin/${p%.1}" ]
	done
}

# The usage lines of --help, without "usage: " and the indent, on one line.
help_usage() {
	"$1" --help | awk -v prog="$1" '
		NR == 1 { if (!sub(/^usage: /, "")) exit }
		NR > 1 { if (!sub(/^ +/, "") || $1 != prog) exit }
		{ print }' | tr '\n' ' ' | sed 's/ $//'
}

@test "every program: --help, the man page and the completions list the same options" {
	# how many options each has (the help is not empty), and how many of
	# them have no short form
	local -A count=([omni-fetch]=18 [omni-link]=25 [omni-reply]=19
		[omni-report]=18 [omni-route]=15 [omni-desk]=17)
	local -A longonly=([omni-fetch]=5 [omni-link]=13 [omni-reply]=6
		[omni-report]=6 [omni-route]=5 [omni-desk]=7)
	[ "$(omni_programs | wc -l)" -eq "${#count[@]}" ]
	for p in $(omni_programs); do
		want=$(help_options "$p")
		[ "$(printf '%s\n' "$want" | wc -l)" -eq "${count[$p]}" ] ||
			fail "$p: not ${count[$p]} options in --help"
		[ "$(printf '%s\n' "$want" | grep -c '^- ')" -eq "${longonly[$p]}" ] ||
			fail "$p: not ${longonly[$p]} options without a short form"

		run man_options "$TOP/man/$p.1"
		assert_output "$want" || fail "$p: the man page's OPTIONS"
		run fish_options "$TOP/completions/$p.fish"
		assert_output "$want" || fail "$p: completions/$p.fish"
		f=$(zsh_function "$TOP/completions/_omni" "$p")
		[ -n "$f" ] || fail "$p: no function in completions/_omni"
		run zsh_options "$TOP/completions/_omni" "$f"
		assert_output "$want" || fail "$p: $f in completions/_omni"
		run bash_options "$TOP/completions/omni.bash" "$p"
		assert_output "$want" || fail "$p: completions/omni.bash"
		# and neither its bash nor its zsh function names another option
		b=$(sed -n "s/^complete -F \(_omni_[a-z_]*\) $p\$/\1/p" "$TOP/completions/omni.bash")
		extra=$({ named_options "$TOP/completions/omni.bash" "$b"
			named_options "$TOP/completions/_omni" "$f"; } | sort -u |
			comm -23 - <(printf '%s\n' "$want" | sed 's/^[^ ]* /--/' | sort -u))
		[ -z "$extra" ] || fail "$p: the completions name" $extra
	done
}

@test "every program: the man page's SYNOPSIS is the usage of --help" {
	for p in $(omni_programs); do
		usage=$(help_usage "$p")
		[ -n "$usage" ] || fail "$p: no usage line"
		run man_synopsis "$TOP/man/$p.1"
		assert_output "$usage" || fail "$p: the man page's SYNOPSIS"
	done
}

@test "omni-fetch: the man page's exit statuses are those of lib/core/core.h" {
	# every status the page lists is one the library defines
	codes=$(sed -n 's/^[[:space:]]*OMNI_EX_[A-Z]* = \([0-9]*\),.*/\1/p' "$TOP/lib/core/core.h")
	run awk '/^\.Sh EXIT STATUS/ { on = 1; next } /^\.Sh/ { on = 0 }
		on && /^\.It [0-9]+$/ { print $2 }' "$TOP/man/omni-fetch.1"
	assert_success
	[ "$(printf '%s\n' "$output" | wc -l)" -ge 8 ]
	for c in $output; do
		printf '%s\n' $codes | grep -qx "$c" || fail "exit status $c is not in lib/core/core.h"
	done
}

@test "omni-ticket(5): the example ticket is what omni-fetch writes for the Amazon relay mail" {
	need_program omni-fetch
	mkdir -p "$HOME/Mail/amazon/new" "$HOME/Mail/amazon/cur" "$HOME/Mail/amazon/tmp"
	cp "$REFERENCE/amazon-buyer-message.eml" "$HOME/Mail/amazon/new/1709737964.M1P1.shop"
	printf '[source amazon-mail]\nuri = maildir:~/Mail/amazon\nstore = acme-us\n' \
		>"$BATS_TEST_TMPDIR/omni.conf"
	run omni-fetch -c "$BATS_TEST_TMPDIR/omni.conf"
	assert_success
	got=$(printf '%s\n' "$output" | jq -c 'del(.source.path)')
	[ "$(printf '%s\n' "$output" | jq -r .source.path)" = \
		"$HOME/Mail/amazon/new/1709737964.M1P1.shop" ]

	run bash -c "awk '/indented here/ { f = 1 } f && /^\.Bd -literal/ { on = 1; next }
		on && /^\.Ed/ { exit } on' \"\$1\" |
		sed -e 's/\\\\(lq/\xe2\x80\x9c/g' -e 's/\\\\(rq/\xe2\x80\x9d/g' -e 's/\\\\e/\\\\/g' |
		jq -c 'del(.source.path)'" _ "$TOP/man/omni-ticket.5"
	assert_success
	assert_output "$got"
}

@test "share/omni/omni.conf.example is a configuration omni-fetch runs" {
	need_program omni-fetch
	mkdir -p "$HOME"/Mail/support/{new,cur,tmp} "$HOME"/Mail/amazon/{new,cur,tmp} \
		"$HOME/omni/webhooks"
	: >"$HOME/Mail/negozio.mbox"
	cp "$REFERENCE/amazon-buyer-message.eml" "$HOME/Mail/amazon/new/1.M1P1.shop"
	run omni-fetch -c "$TOP/share/omni/omni.conf.example"
	assert_success
	run jq -r '[.id, .channel, .store] | @tsv' <<<"$output"
	assert_output "amazon-mail:0100018e14a2c7f1-6b2d9e4a-1f3c-4d5e-8a7b-9c0d1e2f3a4b-000000@email.amazonses.com	amazon	acme-us"
}

@test "bash completion: options, configured sources, stores, and paths after a scheme" {
	mkdir -p "$XDG_CONFIG_HOME/omni" "$HOME/Mail/support" "$HOME/Mail/amazon"
	printf '[store acme-us]\n[source support]  # mail\nuri = maildir:~/Mail/support\n[source amazon-mail]\nuri = maildir:~/Mail/amazon\n[rules x]\n' \
		>"$XDG_CONFIG_HOME/omni/omni.conf"
	printf '[source other]\nuri = file:x\n' >"$HOME/alt.conf"

	run bash_complete "omni-fetch "
	assert_output "$(printf '%s\n' support amazon-mail maildir: mbox: file: shopify:https:// amazon:https:// ebay:https:// meta:https:// bigcommerce:https:// woocommerce:https:// walmart:https:// tiktok:https:// aftership:https:// import: imap:// imaps://)"
	run bash_complete "omni-fetch -c ~/alt.conf o"
	assert_output other
	run bash_complete "omni-fetch --config=$HOME/alt.conf "
	assert_line --index 0 other
	OMNI_CONFIG=$HOME/alt.conf run bash_complete "omni-fetch "
	assert_line --index 0 other
	run bash_complete "omni-fetch --store "
	assert_output acme-us
	run bash_complete "omni-fetch --channel=inst"
	assert_output instagram
	run bash_complete "omni-fetch --ke"
	assert_output --keep-going
	# readline replaces only what follows the ':' (it is in COMP_WORDBREAKS)
	run bash_complete "omni-fetch maildir:~/Mail/s"
	assert_output "~/Mail/support/"
}

@test "zsh completion parses, and finds the configured sources" {
	command -v zsh >/dev/null || skip "zsh is not installed"
	run zsh -n "$TOP/completions/_omni"
	assert_success
	mkdir -p "$XDG_CONFIG_HOME/omni"
	printf '[source support]\nuri = maildir:x\n  [ source  amazon-mail ]\n[store s]\n' \
		>"$XDG_CONFIG_HOME/omni/omni.conf"
	run zsh -fc 'source <(sed -n "/^_omni_conf_names()/,/^}/p" "$1")
		typeset -A opt_args; _omni_conf_names source && print -l -- $reply' _ \
		"$TOP/completions/_omni"
	assert_success
	assert_output "$(printf '%s\n' support amazon-mail)"
}

@test "fish completion parses, and completes sources and schemes" {
	command -v fish >/dev/null || skip "fish is not installed"
	run fish -n "$TOP/completions/omni-fetch.fish"
	assert_success
	mkdir -p "$XDG_CONFIG_HOME/omni" "$HOME/Mail/support"
	printf '[source support]\nuri = maildir:x\n' >"$XDG_CONFIG_HOME/omni/omni.conf"
	cd "$HOME"
	run fish -Nc 'source $argv[1]; complete -C "omni-fetch "' "$TOP/completions/omni-fetch.fish"
	assert_success
	assert_line "support	configured source"
	assert_line --partial "maildir:	"
	run fish -Nc 'source $argv[1]; complete -C "omni-fetch maildir:Mail/s"' \
		"$TOP/completions/omni-fetch.fish"
	assert_output "maildir:Mail/support/"
}

@test "omni(7) \"Running it from cron\" shows the crontab share/omni/cron holds, line for line" {
	want=$(grep -v '^#' "$TOP/share/omni/cron/crontab" | grep -v '^$')
	got=$(awk '/^\.Ss Running it from cron/ { s = 1 } s && /^\.Bd/ { b = 1; next }
		b && /^\.Ed/ { exit } b' "$TOP/man/omni.7" | grep -v MAILTO)
	[ "$got" = "$(grep -v MAILTO <<<"$want")" ] || fail "omni.7: $got"
	# and the README shows the same job lines
	for line in $(grep -n '^[0-9*]' <<<"$want" | cut -d: -f1); do
		job=$(sed -n "${line}p" <<<"$want")
		grep -qxF "$job" "$TOP/README.md" || fail "README lacks: $job"
	done
}
