#!/usr/bin/env bats
# The lazy record reader and writer (lib/record/json.c, edit.c, input.c, reader.c,
# out.c): checked against jansson over the corpus in fixtures/json, and read
# and written as a program does with `jsoncheck --cat`.

load test_helper
bats_require_minimum_version 1.5.0

J=$BATS_TEST_DIRNAME/fixtures/json

# The test_helper's setup, then work in the test's own directory.
eval "helper_$(declare -f setup)"
setup() {
	helper_setup
	cd "$BATS_TEST_TMPDIR"
}

@test "valid tickets: every record agrees with jansson" {
	run jsoncheck "$J/valid.ndjson"
	assert_success
	assert_output "jsoncheck: 178 records, 178 accepted, 0 rejected, 0 known differences, 0 disagreements"
}

@test "generated tickets of every stage agree with jansson" {
	run jsoncheck "$J/tickets.ndjson"
	assert_success
	assert_output "jsoncheck: 140 records, 140 accepted, 0 rejected, 0 known differences, 0 disagreements"
}

@test "number forms agree with jansson" {
	run jsoncheck "$J/numbers.ndjson"
	assert_success
	assert_output "jsoncheck: 96 records, 52 accepted, 44 rejected, 0 known differences, 0 disagreements"
}

@test "UTF-8 and \\u escapes at every edge agree with jansson" {
	# The one known difference: jansson refuses a NUL in an object key.
	run jsoncheck "$J/utf8.ndjson"
	assert_success
	assert_output "jsoncheck: 260 records, 68 accepted, 192 rejected, 1 known differences, 0 disagreements"
}

@test "limits: jansson's integer, real and key limits, its NUL bytes, the depth bound" {
	run jsoncheck "$J/limits.ndjson"
	assert_success
	assert_output "jsoncheck: 14 records, 6 accepted, 8 rejected, 11 known differences, 0 disagreements"
}

@test "damaged tickets agree with jansson" {
	run jsoncheck "$J/fuzz.ndjson"
	assert_success
	assert_output --regexp "^jsoncheck: 300 records, [0-9]+ accepted, [0-9]+ rejected, 0 known differences, 0 disagreements$"
}

@test "mutated lines agree with jansson" {
	cd "$J"
	run jsoncheck --fuzz 20 valid.ndjson utf8.ndjson numbers.ndjson
	assert_success
	assert_output --regexp ", 0 disagreements$"
}

@test "each kind of malformed line has its message, line and column" {
	cd "$J"
	run --separate-stderr jsoncheck --cat --keep-going invalid.ndjson
	assert_failure 1
	[ "$stderr" = "$(cat invalid.expected)" ]
}

@test "compact records pass through byte for byte" {
	sed -n '2,10p' "$J/valid.ndjson" >in.ndjson
	run jsoncheck --cat in.ndjson
	assert_success
	[ "$output" = "$(cat in.ndjson)" ]
	cmp <(jsoncheck --cat in.ndjson) in.ndjson
}

@test "whitespace between members is dropped, values kept byte for byte" {
	printf ' { "omni" : 1 , "n" : 1.50 , "a" : [ 1 , 2 ] , "s" : "\\u00e9" } \n' >in.ndjson
	run jsoncheck --cat in.ndjson
	assert_success
	assert_output '{"omni":1,"n":1.50,"a":[ 1 , 2 ],"s":"\u00e9"}'
}

@test "an edit replaces in place, removes, and appends new keys in order" {
	echo '{"a":1,"b":2,"c":3,"b":4}' >in.ndjson
	run jsoncheck --cat --set 'z=true' --set 'b="x"' --remove c --set 'q"k=[1]' in.ndjson
	assert_success
	assert_output '{"a":1,"b":"x","z":true,"q\"k":[1]}'
}

@test "an edit finds keys written with escapes" {
	echo '{"\u0061":1,"b":2}' >in.ndjson
	run jsoncheck --cat --set 'a=0' --remove b in.ndjson
	assert_success
	assert_output '{"\u0061":0}'
}

@test "CR LF, blank and whitespace-only lines; line numbers count them" {
	printf '{"a":1}\r\n\r\n   \n\t\n{"b":2}\r\n\n{"c":\r\n' >in.ndjson
	run --separate-stderr jsoncheck --cat in.ndjson
	assert_failure 65
	assert_output $'{"a":1}\n{"b":2}'
	[ "$stderr" = "jsoncheck: in.ndjson:7:6: unexpected end of line" ]
}

@test "a last line without a newline is read" {
	printf '{"a":1}\n{"b":2}' >in.ndjson
	run jsoncheck --cat in.ndjson
	assert_success
	assert_output $'{"a":1}\n{"b":2}'
}

@test "files are read in order, - is stdin, line numbers are per file" {
	echo '{"f":1}' >one.ndjson
	printf '{"f":3}\n{"f":4,}\n' >three.ndjson
	run --separate-stderr jsoncheck --cat one.ndjson - three.ndjson <<<'{"f":2}'
	assert_failure 65
	assert_output $'{"f":1}\n{"f":2}\n{"f":3}'
	[ "$stderr" = "jsoncheck: three.ndjson:2:8: trailing comma" ]
}

@test "a file that cannot be opened is status 66 naming it" {
	run --separate-stderr jsoncheck --cat nope.ndjson
	assert_failure 66
	[ "$stderr" = "jsoncheck: nope.ndjson: cannot open: No such file or directory" ]
}

@test "a read error is status 74 naming the input" {
	mkdir dir.ndjson
	run --separate-stderr jsoncheck --cat dir.ndjson
	assert_failure 74
	[ "$stderr" = "jsoncheck: dir.ndjson:1: read error: Is a directory" ]
}

@test "a 50 MB line is read and copied whole" {
	{ printf '{"omni":1,"text":"'; head -c 50000000 /dev/zero | tr '\0' x; printf '","n":1}\n'; } >big.ndjson
	jsoncheck --cat --set 'n=2' big.ndjson >out.ndjson
	[ "$(wc -c <out.ndjson)" -eq "$(wc -c <big.ndjson)" ]
	[ "$(tail -c 10 out.ndjson)" = 'x","n":2}' ]
}

@test "invalid UTF-8 stops the stream with status 65" {
	printf '{"a":"ok"}\n{"a":"caf\xe9"}\n{"a":"never"}\n' >in.ndjson
	run --separate-stderr jsoncheck --cat in.ndjson
	assert_failure 65
	assert_output '{"a":"ok"}'
	[ "$stderr" = "jsoncheck: in.ndjson:2:10: invalid UTF-8" ]
}

@test "a newer major format version is an error; a minor one is read" {
	printf '{"omni":1.7,"id":"a"}\n{"omni":2,"id":"b"}\n' >in.ndjson
	run --separate-stderr jsoncheck --cat in.ndjson
	assert_failure 65
	assert_output '{"omni":1.7,"id":"a"}'
	[ "$stderr" = "jsoncheck: in.ndjson:2:9: unsupported format version 2 (this program reads 1)" ]
}

@test "--keep-going sets malformed lines aside verbatim and exits 1" {
	printf '{"a":1}\n{"a":"caf\xe9"}\n  {"b" : [1,]}  \r\n{"omni":3}\n{"c":3}\n' >in.ndjson
	run --separate-stderr jsoncheck --cat --keep-going --reject rej.ndjson in.ndjson
	assert_failure 1
	assert_output $'{"a":1}\n{"c":3}'
	[ "$stderr" = "$(printf '%s\n' \
		'jsoncheck: in.ndjson:2:10: invalid UTF-8' \
		'jsoncheck: in.ndjson:3:13: trailing comma' \
		'jsoncheck: in.ndjson:4:9: unsupported format version 3 (this program reads 1)')" ]
	cmp rej.ndjson <(printf '{"a":"caf\xe9"}\n  {"b" : [1,]}  \n{"omni":3}\n')
}

@test "output to a full disk is status 74" {
	run bash -c 'jsoncheck --cat "$1" >/dev/full' sh "$J/valid.ndjson"
	assert_failure 74
	assert_output "jsoncheck: stdout: write error: No space left on device"
}

@test "a reader that closes the pipe ends the writer quietly" {
	for i in 1 2 3 4 5 6 7 8; do cat "$J/valid.ndjson"; done >in.ndjson
	run bash -c 'jsoncheck --cat in.ndjson 2>err | head -c 100 >/dev/null; echo "${PIPESTATUS[0]}"'
	assert_output 0
	[ ! -s err ]
}
