# Loaded by every .bats file: the built programs first on PATH, and HOME,
# XDG_* and OMNI_* pointed into the test's own directory, so that no test
# touches the real home or store.

load '/usr/lib/bats/bats-support/load'
load '/usr/lib/bats/bats-assert/load'

TOP=$(cd "$BATS_TEST_DIRNAME/.." && pwd)
FIXTURES=$TOP/tests/fixtures
REFERENCE=$(cd "$TOP/../shared/reference/fixtures" 2>/dev/null && pwd)
export TOP FIXTURES REFERENCE

setup() {
	local vg=${OMNI_VALGRIND:-} v
	for v in $(env | sed -n 's/^\(OMNI_[A-Za-z0-9_]*\)=.*/\1/p'); do
		unset "$v"
	done
	export HOME=$BATS_TEST_TMPDIR/home
	export XDG_CONFIG_HOME=$HOME/.config XDG_DATA_HOME=$HOME/.local/share
	export XDG_STATE_HOME=$HOME/.local/state XDG_CACHE_HOME=$HOME/.cache
	export OMNI_DB=$BATS_TEST_TMPDIR/omni.db
	export PATH=$TOP/bin:$TOP/tests/bin:$PATH
	export LC_ALL=C.UTF-8 NO_COLOR=1
	mkdir -p "$HOME"
	if [ -n "$vg" ]; then
		omni_wrap_valgrind
	fi
}

# OMNI_VALGRIND=1 runs every program under valgrind (jq's tests/setup):
# a wrapper directory first on PATH.
omni_wrap_valgrind() {
	local d=$BATS_TEST_TMPDIR/vg p
	mkdir -p "$d"
	for p in "$TOP"/bin/omni-*; do
		printf '#!/bin/sh\nexec valgrind -q --error-exitcode=125 --leak-check=full "%s" "$@"\n' \
			"$p" >"$d/${p##*/}"
		chmod +x "$d/${p##*/}"
	done
	export PATH=$d:$PATH
}

# The programs that exist, for the tests that check what they share.
omni_programs() {
	local p
	for p in "$TOP"/bin/omni-*; do
		[ -x "$p" ] && echo "${p##*/}"
	done
}
