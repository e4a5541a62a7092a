#!/usr/bin/env bats
# The Debian package (debian/) agrees with the tree it is built from.
# Building and trying the package itself is tools/deb-check's (CI).

load test_helper

@test "debian/changelog's version is the one every program's --version prints" {
	v=$(sed -n '1s/^omni (\([^)]*\)).*/\1/p' "$TOP/debian/changelog")
	assert [ -n "$v" ]
	run sed -n 's/^#define OMNI_VERSION "\(.*\)"/\1/p' "$TOP/lib/core/core.h"
	assert_output "$v"
	for p in $(omni_programs); do
		run "$p" --version
		assert_success
		assert_output "$p $v"
	done
}

@test "every file debian/omni.examples names is in the tree" {
	n=0
	while read -r f; do
		case $f in '' | '#'*) continue ;; esac
		for g in "$TOP"/$f; do
			assert [ -f "$g" ]
			n=$((n + 1))
		done
	done <"$TOP/debian/omni.examples"
	echo "$n examples"
}
