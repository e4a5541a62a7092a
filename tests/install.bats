#!/usr/bin/env bats
# make install and uninstall honour PREFIX and DESTDIR.

load test_helper

@test "make install puts programs, man pages, completions and share/omni under DESTDIR" {
	d=$BATS_TEST_TMPDIR/root
	run make -s -C "$TOP" install DESTDIR="$d" PREFIX=/opt/omni
	assert_success
	for p in $(omni_programs); do
		assert [ -x "$d/opt/omni/bin/$p" ]
		assert [ -f "$d/opt/omni/share/man/man1/$p.1" ]
		assert [ -L "$d/opt/omni/share/bash-completion/completions/$p" ]
		assert [ -f "$d/opt/omni/share/fish/vendor_completions.d/$p.fish" ]
	done
	assert [ -f "$d/opt/omni/share/man/man5/omni-ticket.5" ]
	assert [ -f "$d/opt/omni/share/man/man7/omni.7" ]
	assert [ -f "$d/opt/omni/share/zsh/site-functions/_omni" ]
	assert [ -f "$d/opt/omni/share/omni/migrations/001-initial.sql" ]
	# the installed program runs on its own, with the migrations built in
	run env -u OMNI_DB "$d/opt/omni/bin/omni-fetch" --db "$BATS_TEST_TMPDIR/x.db" \
		"file:$FIXTURES/fetch/cli/instagram.json"
	assert_success

	run make -s -C "$TOP" uninstall DESTDIR="$d" PREFIX=/opt/omni
	assert_success
	run find "$d" -type f
	assert_output ''
}
