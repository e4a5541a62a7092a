#!/usr/bin/env bats
# The house's plan (ARCHITECTURE.md, "The areas"), held to the code: which
# area may include which, libcurl and SQLite each in one area, nothing of
# either in cmd/, no header over 600 lines.

load test_helper

# area: the areas its files may include besides its own
allowed() {
	case $1 in
	core | ident | net) echo "core" ;;
	record) echo "core" ;;
	order) echo "core record" ;;
	mail) echo "core order" ;;
	store) echo "core ident record" ;;
	cli) echo "core record" ;;
	rules) echo "core record" ;;
	fetch) echo "core record order ident store net mail" ;;
	link) echo "core record order ident store" ;;
	route) echo "core record store rules" ;;
	reply) echo "core record store net" ;;
	report) echo "core record store rules" ;;
	desk) echo "core record store mail link reply" ;;
	*) return 1 ;;
	esac
}

@test "each area includes only the areas below it" {
	cd "$TOP/lib"
	for dir in */; do
		area=${dir%/}
		ok=$(allowed "$area") || fail "lib/$area is not in ARCHITECTURE.md's table"
		used=$(grep -rhoE '#include "[a-z]+/' "$area" --include='*.[ch]' |
			sed 's/#include "//; s#/##' | sort -u)
		for u in $used; do
			[ "$u" = "$area" ] && continue
			case " $ok " in *" $u "*) ;; *) fail "lib/$area includes lib/$u/" ;; esac
		done
	done
}

@test "libcurl only in lib/net, SQLite only in lib/store, libpq only in lib/store/pg.c, none in cmd/" {
	cd "$TOP"
	run grep -rlE 'curl[_/]|CURL' lib cmd --include='*.[ch]'
	for f in $output; do
		case $f in lib/net/*) ;; *) fail "$f uses libcurl" ;; esac
	done
	run grep -rlE 'sqlite3|SQLITE_' lib cmd --include='*.[ch]'
	for f in $output; do
		case $f in lib/store/*) ;; *) fail "$f uses SQLite" ;; esac
	done
	run grep -rlE 'libpq|PQ[a-z]+\(|PGresult|PGconn' lib cmd --include='*.[ch]'
	for f in $output; do
		case $f in lib/store/pg.c) ;; *) fail "$f uses libpq" ;; esac
	done
	run grep -lE '"(SELECT|INSERT|UPDATE|DELETE) ' cmd/*.c
	assert_output ''
}

@test "cmd/ includes area headers only, and no header is over 600 lines" {
	cd "$TOP"
	run sed -n 's/^#include "\(.*\)"/\1/p' cmd/*.c
	for inc in $output; do
		case $inc in [a-z]*/[a-z]*.h) ;; *) fail "cmd/ includes \"$inc\"" ;; esac
	done
	for h in lib/*/*.h lib/*/*/*.h; do
		[ -e "$h" ] || continue
		n=$(wc -l <"$h")
		[ "$n" -le 600 ] || fail "$h has $n lines"
	done
}
