#!/usr/bin/env bats
# The library parts no program shows whole: times, secrets, XDG paths,
# and where the reader says a record came from (tests/libcheck.c).

load test_helper

@test "times, secrets, XDG paths and the reader's file and line behave as documented" {
	run libcheck "$BATS_TEST_TMPDIR"
	assert_success
	assert_output 'libcheck: 0 failures'
}
