#!/usr/bin/env bats
# The library parts no program shows whole: times, secrets, XDG paths
# (tests/libcheck.c).

load test_helper

@test "times, secrets and XDG paths behave as documented" {
	run libcheck "$BATS_TEST_TMPDIR"
	assert_success
	assert_output 'libcheck: 0 failures'
}
