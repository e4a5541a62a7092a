#!/usr/bin/env bats
# omni-route's second opinion: under the threshold, the OpenAI-compatible
# endpoint at [route] second_opinion_url names one of the model's intents;
# off by default; on a failure, a time-out or an answer that names no
# intent, the model's decision stands.

load test_helper
bats_require_minimum_version 1.5.0

NOW=2026-11-27T12:00:00Z
TEXT='hiii quick q, the linen shirt, any chance it comes in olive? 🙏'

setup_file() {
	fixture_start
}

teardown_file() {
	fixture_stop
}

eval "helper_$(declare -f setup)"
setup() {
	helper_setup
	fixture_reset
	mkdir -p "$XDG_CONFIG_HOME/omni"
	jq -nc --arg text "$TEXT" '{omni: 1, id: "t1", channel: "instagram", store: "acme",
		kind: "message", subject: null, created_at: "2026-11-27T10:00:00Z",
		updated_at: "2026-11-27T10:00:00Z", status: "open",
		messages: [{id: "m1", direction: "in", author: "customer",
			at: "2026-11-27T10:00:00Z", text: $text}]}' >"$BATS_TEST_TMPDIR/t"
}

# conf [KEY = VALUE ...]: the [route] section.
conf() {
	{ echo '[route]'; printf '%s\n' "$@"; } >"$XDG_CONFIG_HOME/omni/omni.conf"
}

answer() {
	jq -nc --arg c "$1" '{status: 200, headers: {"Content-Type": "application/json"},
		body: ({choices: [{message: {role: "assistant", content: $c}}]} | tojson)}'
}

@test "off by default: no request, under the threshold the intent is other" {
	run omni-route --now "$NOW" --threshold 0.99 "$BATS_TEST_TMPDIR/t"
	assert_success
	assert_equal "$(jq -r .intent <<<"$output")" other
	assert_equal "$(fixture_requests | wc -l)" 0
}

@test "under the threshold the endpoint's intent is taken; it was asked once, with the text and the intents" {
	conf "second_opinion_url = $FX/v1/chat/completions" "second_opinion_model = tiny"
	fixture_push /v1/chat/completions "$(answer ' Presale.')"
	export OMNI_DRAFT_KEY=sk-test-route
	run omni-route --now "$NOW" --threshold 0.99 --explain "$BATS_TEST_TMPDIR/t"
	assert_success
	assert_output --partial "a second opinion"
	assert_equal "$(grep '^{' <<<"$output" | jq -r '[.intent, .queue] | @tsv')" "presale	presale"
	fixture_requests >"$BATS_TEST_TMPDIR/req"
	assert_equal "$(wc -l <"$BATS_TEST_TMPDIR/req")" 1
	body=$(jq -r .body "$BATS_TEST_TMPDIR/req")
	assert_equal "$(jq -r .model <<<"$body")" tiny
	assert_equal "$(jq -r '.headers | to_entries[] | select(.key | ascii_downcase == "authorization") | .value' "$BATS_TEST_TMPDIR/req")" "Bearer sk-test-route"
	assert_equal "$(jq -r '.messages[1].content' <<<"$body")" "$TEXT"
	jq -r '.messages[0].content' <<<"$body" | grep -q '"wismo"' || fail "no intents in $body"
	jq -r '.messages[0].content' <<<"$body" | grep -q '"notification"' || fail "no intents in $body"
}

@test "a confident model, and a notice the system wrote, ask no one" {
	conf "second_opinion_url = $FX/v1/chat/completions"
	fixture_push /v1/chat/completions "$(answer claim)"
	run omni-route --now "$NOW" --threshold 0 "$BATS_TEST_TMPDIR/t"
	assert_success
	jq -c '.messages[0].author = "system"' "$BATS_TEST_TMPDIR/t" >"$BATS_TEST_TMPDIR/n"
	run omni-route --now "$NOW" --threshold 0.99 "$BATS_TEST_TMPDIR/n"
	assert_success
	assert_equal "$(jq -r .intent <<<"$output")" notification
	assert_equal "$(fixture_requests | wc -l)" 0
}

@test "a failed endpoint, an answer naming no intent, a time-out: the model's decision stands, said on stderr" {
	conf "second_opinion_url = $FX/v1/chat/completions" "second_opinion_timeout = 1"
	fixture_push /v1/chat/completions '{"status": 500, "body": "{}"}' '{"status": 500, "body": "{}"}'
	run --separate-stderr omni-route --now "$NOW" --threshold 0.99 "$BATS_TEST_TMPDIR/t"
	assert_success
	assert_equal "$(jq -r .intent <<<"$output")" other
	[[ $stderr == *"second opinion"*"the model's intent stands"* ]] || fail "stderr: $stderr"
	fixture_reset
	fixture_push /v1/chat/completions "$(answer 'I think it is a banana or maybe presale or wismo')"
	run --separate-stderr omni-route --now "$NOW" --threshold 0.99 "$BATS_TEST_TMPDIR/t"
	assert_success
	assert_equal "$(jq -r .intent <<<"$output")" other
	[[ $stderr == *"names none of the model's intents"* ]] || fail "stderr: $stderr"
	fixture_reset
	slow=$(answer presale | jq -c '.delay = 4')
	fixture_push /v1/chat/completions "$slow" "$slow"
	run --separate-stderr omni-route --now "$NOW" --threshold 0.99 "$BATS_TEST_TMPDIR/t"
	assert_success
	assert_equal "$(jq -r .intent <<<"$output")" other
	[[ $stderr == *"second opinion"* ]] || fail "stderr: $stderr"
}

@test "a bad second_opinion_timeout is a configuration error" {
	conf "second_opinion_url = $FX/v1/chat/completions" "second_opinion_timeout = soon"
	run omni-route --now "$NOW" "$BATS_TEST_TMPDIR/t"
	assert_failure 78
	assert_output --partial "second_opinion_timeout"
}
