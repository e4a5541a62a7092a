# bash completion for omni's programs                       -*- shell-script -*-
#
# Installed as bash-completion/completions/omni, with a link named after each
# program, so bash-completion loads it on demand; or source it from ~/.bashrc.
# It needs nothing from the bash-completion package.

# omni-fetch's options: short|long, or long alone.
_omni_fetch_options='-a|--all -o|--orders -c|--config -d|--db -s|--store
	--channel -k|--keep-going -r|--reject --now -j|--jobs --proactive --output
	--webhook -H|--header -q|--quiet -v|--verbose -h|--help -V|--version'

_omni_channels='amazon ebay walmart shopify bigcommerce woocommerce tiktok
	instagram facebook email chat sms'

# The names of the configuration's [TYPE NAME] sections.  The file is the
# one named by -c/--config among the words typed so far, else $OMNI_CONFIG,
# else $XDG_CONFIG_HOME/omni/omni.conf.
_omni_conf_names()
{
	local type=$1 conf=${OMNI_CONFIG:-${XDG_CONFIG_HOME:-$HOME/.config}/omni/omni.conf}
	local i line t n
	local -a w=("${@:2}")
	for ((i = 0; i < ${#w[@]} - 1; i++)); do
		case ${w[i]} in
		-c|--config) conf=${w[i + 1]} ;;
		--config=*) conf=${w[i]#--config=} ;;
		esac
	done
	[[ $conf == "~/"* ]] && conf=$HOME/${conf#"~/"}
	[[ -r $conf ]] || return 0
	while IFS= read -r line || [[ -n $line ]]; do
		line=${line#"${line%%[![:space:]]*}"}
		[[ $line == "["*"]"* ]] || continue
		line=${line#[}
		read -r t n <<<"${line%%]*}"
		[[ $t == "$type" && -n $n ]] && printf '%s\n' "$n"
	done <"$conf"
}

# SLA policy names: the defaults, and those of the user's sla file.
_omni_sla_policies()
{
	local sla=${XDG_CONFIG_HOME:-$HOME/.config}/omni/sla kw name rest
	printf '%s\n' standard amazon claim walmart tiktok ebay social
	[[ -r $sla ]] || return 0
	while read -r kw name rest; do
		[[ $kw == policy && -n $name ]] && printf '%s\n' "$name"
	done <"$sla"
}

# Paths for a word that may start with a ~/, quoted for the shell but for
# that ~/; directories get a slash, so the path can go on.
_omni_paths()
{
	local p e t=
	while IFS= read -r p; do
		e=$p t=
		[[ $p == "~/"* ]] && { e=$HOME/${p#"~/"} t="~/" p=${p#"~/"}; }
		[[ -n $p ]] && p=$(printf '%q' "$p")
		[[ -d $e ]] && p+=/
		printf '%s\n' "$t$p"
	done < <(compgen -f -- "$1")
}

# Sets COMPREPLY from the lines of $2 that start with $1 (all of them when
# $3 is "paths": compgen chose those, and quoted them).  Readline replaces
# only what follows the last ':' or '=' of the word when those are in
# COMP_WORDBREAKS, so that much is dropped from each reply.
_omni_reply()
{
	local cur=$1 keep= b= c line
	for c in : =; do
		[[ $COMP_WORDBREAKS == *"$c"* ]] && b+=$c
	done
	[[ -n $b ]] && keep=${cur%"${cur##*[$b]}"}
	COMPREPLY=()
	while IFS= read -r line; do
		[[ -n $line && ($3 == paths || $line == "$cur"*) ]] &&
			COMPREPLY+=("${line#"$keep"}")
	done <<<"$2"
}

_omni_fetch()
{
	# Words split at unescaped blanks only, so "maildir:~/Mail" and "--db=x"
	# stay whole.
	local line=${COMP_LINE:0:COMP_POINT} cur= prev= opt
	local -a words
	read -a words <<<"$line"
	if [[ -z $line || ($line == *[[:space:]] && $line != *\\[[:space:]]) ]]; then
		words+=("")
	fi
	cur=${words[${#words[@]} - 1]}
	((${#words[@]} > 1)) && prev=${words[${#words[@]} - 2]}

	case $prev in
	-c|--config|-d|--db|-r|--reject|--output)
		compopt -o nospace 2>/dev/null
		_omni_reply "$cur" "$(_omni_paths "$cur")" paths
		return 0 ;;
	-s|--store)
		_omni_reply "$cur" "$(_omni_conf_names store "${words[@]}")"
		return 0 ;;
	--channel)
		_omni_reply "$cur" "$(printf '%s\n' $_omni_channels)"
		return 0 ;;
	--now|-H|--header)
		return 0 ;;
	--webhook)
		_omni_reply "$cur" "$(printf '%s\n' shopify meta tiktok woocommerce bigcommerce aftership)"
		return 0 ;;
	esac

	case $cur in
	--config=*|--db=*|--reject=*)
		compopt -o nospace 2>/dev/null
		opt=${cur%%=*}=
		_omni_reply "$cur" "$(_omni_paths "${cur#*=}" | sed "s|^|$opt|")" paths ;;
	--store=*)
		_omni_reply "$cur" "$(_omni_conf_names store "${words[@]}" | sed 's/^/--store=/')" ;;
	--channel=*)
		_omni_reply "$cur" "$(printf -- '--channel=%s\n' $_omni_channels)" ;;
	-*)
		_omni_reply "$cur" "$(printf '%s\n' ${_omni_fetch_options//|/ })" ;;
	maildir:*|mbox:*|file:*|import:*)
		compopt -o nospace 2>/dev/null
		opt=${cur%%:*}:
		_omni_reply "$cur" "$(_omni_paths "${cur#*:}" | sed "s|^|$opt|")" paths ;;
	*)
		_omni_reply "$cur" "$(_omni_conf_names source "${words[@]}"
			printf '%s\n' maildir: mbox: file: shopify:https:// amazon:https:// ebay:https:// meta:https:// bigcommerce:https:// woocommerce:https:// walmart:https:// tiktok:https:// aftership:https:// import: imap:// imaps://)"
		# A scheme alone is only the start of a word.
		[[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *[:/] ]] &&
			compopt -o nospace 2>/dev/null ;;
	esac
	return 0
}

complete -F _omni_fetch omni-fetch

# omni-report's options: short|long, or long alone.
_omni_report_options='-b|--by -p|--period -s|--since -u|--until -f|--format
	-d|--db --compare --partial --merge --unique --business-hours -k|--keep-going
	-r|--reject --now -q|--quiet -v|--verbose -h|--help -V|--version'

_omni_report()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
	case $prev in
	-f|--format)
		_omni_reply "$cur" "$(printf '%s\n' table csv json markdown html prometheus)"
		return 0 ;;
	-p|--period)
		_omni_reply "$cur" "$(printf '%s\n' day week month)"
		return 0 ;;
	--compare)
		_omni_reply "$cur" previous
		return 0 ;;
	--business-hours)
		_omni_reply "$cur" "$(_omni_sla_policies)"
		return 0 ;;
	-b|--by)
		_omni_reply "$cur" "$(printf '%s\n' channel,store channel store intent lang queue assignee)"
		return 0 ;;
	-s|--since|-u|--until|--now)
		return 0 ;;
	-d|--db|-r|--reject)
		_omni_reply "$cur" "$(_omni_paths "$cur")" paths
		return 0 ;;
	esac
	case $cur in
	-*) _omni_reply "$cur" "$(printf '%s\n' ${_omni_report_options//|/ })" ;;
	*) _omni_reply "$cur" "$(_omni_paths "$cur")" paths ;;
	esac
	return 0
}

complete -F _omni_report omni-report

# omni-link's options: short|long, or long alone.
_omni_link_options='-w|--window --dm-window --history --messages --solve-after --close-after -b|--batch -e|--explain
	-u|--unmerge --find --export --text --erase --by --redact --copy-to
	-c|--config -d|--db -k|--keep-going -r|--reject --now
	-q|--quiet -v|--verbose -h|--help -V|--version'

_omni_link()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
	case $prev in
	-w|--window|--dm-window|--solve-after|--close-after)
		_omni_reply "$cur" "$(printf '%s\n' 24h 72h 4d 7d 0)"
		return 0 ;;
	--history|--messages|-b|--batch|-u|--unmerge|--now|--find|--export|--erase|--by|--redact)
		return 0 ;;
	-c|--config|-d|--db|-r|--reject|--copy-to)
		_omni_reply "$cur" "$(_omni_paths "$cur")" paths
		return 0 ;;
	esac
	case $cur in
	-*) _omni_reply "$cur" "$(printf '%s\n' ${_omni_link_options//|/ })" ;;
	*) _omni_reply "$cur" "$(_omni_paths "$cur")" paths ;;
	esac
	return 0
}

complete -F _omni_link omni-link

# omni-reply's options: short|long, or long alone.
_omni_reply_options='-a|--auto -s|--send -l|--lint -t|--template -T|--templates
	-c|--config -d|--db --human --draft --ledger --all --resolve -k|--keep-going
	-r|--reject --now -q|--quiet
	-v|--verbose -h|--help -V|--version'

_omni_reply_templates='wismo status return return_label refund refund_partial
	replacement address_change cancellation damaged presale verify delay claim'

# (_omni_reply is the helper that fills COMPREPLY, so this one is _omni_answer.)
_omni_answer()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
	case $prev in
	-t|--template)
		_omni_reply "$cur" "$(printf '%s\n' $_omni_reply_templates)"
		return 0 ;;
	--now|--resolve)
		return 0 ;;
	-T|--templates|-c|--config|-d|--db|-r|--reject)
		_omni_reply "$cur" "$(_omni_paths "$cur")" paths
		return 0 ;;
	esac
	case $cur in
	-*) _omni_reply "$cur" "$(printf '%s\n' ${_omni_reply_options//|/ })" ;;
	*) _omni_reply "$cur" "$(_omni_paths "$cur")" paths ;;
	esac
	return 0
}

complete -F _omni_answer omni-reply

# omni-route's options: short|long, or long alone.
_omni_route_options='-R|--rules --check -e|--explain --model --threshold --train
	-c|--config -d|--db -k|--keep-going -r|--reject --now -q|--quiet -v|--verbose -h|--help
	-V|--version'

_omni_route()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
	case $prev in
	--now|--threshold)
		return 0 ;;
	-R|--rules|-c|--config|-d|--db|-r|--reject|--model|--train)
		_omni_reply "$cur" "$(_omni_paths "$cur")" paths
		return 0 ;;
	esac
	case $cur in
	-*) _omni_reply "$cur" "$(printf '%s\n' ${_omni_route_options//|/ })" ;;
	*) _omni_reply "$cur" "$(_omni_paths "$cur")" paths ;;
	esac
	return 0
}

complete -F _omni_route omni-route

# omni-desk's options: short|long, or long alone.
_omni_desk_options='-f|--tickets -c|--config -d|--db -s|--solve --queue --assignee
	--channel --store --priority --tag -k|--keep-going -r|--reject --now
	-q|--quiet -v|--verbose -h|--help -V|--version'

_omni_desk_verbs='queue show ids answer note tag untag assign snooze solve reopen
	pending split merge'

# The ids of the tickets file (-f among the words typed, else omni-desk's
# own choice), newest first.
_omni_desk_ids()
{
	local i f=()
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		-f|--tickets) f=(-f "${COMP_WORDS[i+1]/#\~/$HOME}") ;;
		--tickets=*) f=(-f "${COMP_WORDS[i]#--tickets=}") ;;
		esac
	done
	omni-desk "${f[@]}" ids 2>/dev/null
}

_omni_desk()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} i w verb= nargs=0
	case $prev in
	--now|--queue|--assignee|--tag)
		return 0 ;;
	--channel)
		_omni_reply "$cur" "$(printf '%s\n' $_omni_channels)"
		return 0 ;;
	--store)
		_omni_reply "$cur" "$(_omni_conf_names store)"
		return 0 ;;
	--priority)
		_omni_reply "$cur" "$(printf '%s\n' urgent high normal low)"
		return 0 ;;
	-f|--tickets|-c|--config|-d|--db|-r|--reject)
		_omni_reply "$cur" "$(_omni_paths "$cur")" paths
		return 0 ;;
	esac
	# the verb, and how many words follow it
	for ((i = 1; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		case ${COMP_WORDS[i-1]} in
		-f|--tickets|-c|--config|-d|--db|-r|--reject|--now|--queue|--assignee|--channel|--store|--priority|--tag) continue ;;
		esac
		[[ $w == -* ]] && continue
		if [[ -z $verb ]]; then
			verb=$w
		else
			((nargs++))
		fi
	done
	case $cur in
	-*) _omni_reply "$cur" "$(printf '%s\n' ${_omni_desk_options//|/ })" ;;
	*)
		case $verb:$nargs in
		:0) _omni_reply "$cur" "$(printf '%s\n' $_omni_desk_verbs)" ;;
		show:0 | answer:0 | note:0 | tag:0 | untag:0 | assign:0 | snooze:0 | solve:0 | reopen:0 | pending:0 | split:0 | merge:0 | merge:1)
			_omni_reply "$cur" "$(_omni_desk_ids)" ;;
		snooze:1) _omni_reply "$cur" "$(printf '%s\n' 1h 4h 1d 2d 1w)" ;;
		queue:*) _omni_reply "$cur" "$(_omni_paths "$cur")" paths ;;
		esac ;;
	esac
	return 0
}

complete -F _omni_desk omni-desk
