#!/usr/bin/env bats
# omni-report: the figures of omni-report(1), "Figures", their edge
# cases, every format, windows and periods, compare, partial and merge.

load test_helper

EDGE=$BATS_TEST_DIRNAME/fixtures/report/edge.ndjson
NOW=2026-11-18T00:00:00Z

# The total of a JSON report: report_total JQ-FILTER [omni-report args...]
total() {
	local filter=$1
	shift
	omni-report --by '' -f json --now "$NOW" "$@" | jq -c ".total | $filter"
}

@test "every figure of the edge cases, in the total" {
	run total . "$EDGE"
	assert_success
	assert_output '{"tickets":5,"first_response_min":{"count":2,"mean":37.5,"p50":30,"p90":45},"unanswered":2,"resolution_min":{"count":2,"mean":90,"p50":60,"p90":120},"sla_compliance":0.3333,"wismo_share":0.2,"late_delivery_share":null,"refund_rate":null,"refund_reasons":{},"csat":1,"one_touch_share":0.5,"reopen_rate":0,"repeat_contacts":0,"first_response_person_min":{"count":2,"mean":82.5,"p50":45,"p90":120},"handling_min":{"count":0,"mean":null,"p50":null,"p90":null}}'
}

@test "no reply: unanswered, out of the first response statistic" {
	run total '[.tickets, .unanswered, .first_response_min.count, .first_response_min.mean]' \
		<(sed -n 1p "$EDGE")
	assert_output '[1,1,0,null]'
}

@test "only a system acknowledgement is no response" {
	run total '[.unanswered, .first_response_min.count]' <(sed -n 2p "$EDGE")
	assert_output '[1,0]'
}

@test "a proactive ticket has no first response and is not unanswered" {
	run total '[.tickets, .unanswered, .first_response_min.count, .sla_compliance]' \
		<(sed -n 3p "$EDGE")
	assert_output '[1,0,0,null]'
}

@test "a claim: the marketplace's notice (the system's) starts the first response, as a customer's message" {
	claim() {
		jq -nc --arg kind "$1" '{omni: 1, id: "c", kind: $kind, channel: "amazon", created_at: "2026-11-17T08:00:00Z",
			messages: [{direction: "in", author: "system", at: "2026-11-17T08:00:00Z", text: "A buyer has filed an A-to-z Guarantee claim."},
				{direction: "out", author: "agent", at: "2026-11-17T09:00:00Z", text: "We have answered."}]}'
	}
	run total '[.unanswered, .first_response_min.count, .first_response_min.p50]' <(claim claim)
	assert_output '[0,1,60]'
	# another kind: a notice wants no answer
	run total '[.unanswered, .first_response_min.count]' <(claim message)
	assert_output '[0,0]'
}

@test "messages out of order are taken in time order; a bot reply counts" {
	run total '[.first_response_min.p50, .resolution_min.p50, .one_touch_share]' \
		<(sed -n 4p "$EDGE")
	assert_output '[30,120,0]'
}

@test "offsets are instants: +02:00 against Z" {
	run total '[.first_response_min.mean, .resolution_min.mean, .one_touch_share]' \
		<(sed -n 5p "$EDGE")
	assert_output '[45,60,1]'
}

@test "SLA: met, breached late, breached unanswered past due, not yet judged" {
	# noreply: unanswered past due at --now; ack: not yet due; unsorted: met;
	# offset: answered after due
	run total '.sla_compliance' "$EDGE"
	assert_output '0.3333'
	# a day later the acknowledgement-only ticket is past due too
	run total '.sla_compliance' --now 2026-11-21T00:00:00Z "$EDGE"
	assert_output '0.25'
	# at an earlier clock neither unanswered ticket is judged yet
	run total '.sla_compliance' --now 2026-11-16T16:00:00Z "$EDGE"
	assert_output '0.5'
}

@test "a ticket solved outside the window counts in volume, not in resolution" {
	printf '%s\n' \
		'{"omni":1,"id":"a","channel":"email","created_at":"2026-11-10T10:00:00Z","solved_at":"2026-11-20T10:00:00Z"}' \
		'{"omni":1,"id":"b","channel":"email","created_at":"2026-11-01T10:00:00Z","solved_at":"2026-11-11T10:00:00Z"}' \
		>"$BATS_TEST_TMPDIR/w.ndjson"
	run total '[.tickets, .resolution_min.count, .resolution_min.mean]' \
		--since 2026-11-09 --until 2026-11-16 "$BATS_TEST_TMPDIR/w.ndjson"
	# a: created inside, solved after; b: created before, solved inside
	assert_output '[1,1,14400]'
}

@test "ratings on different scales: 4 of 5, 1 of 1, 8 of 10 satisfy; 3 of 5, 0 of 1, 7 of 10 do not" {
	for r in '4 5' '1 1' '8 10' '3 5' '0 1' '7 10' '5 null'; do
		set -- $r
		printf '{"omni":1,"id":"r%s-%s","created_at":"2026-11-16T10:00:00Z","csat":{"score":%s,"scale":%s}}\n' \
			"$1" "$2" "$1" "$2"
	done >"$BATS_TEST_TMPDIR/r.ndjson"
	run total '.csat' "$BATS_TEST_TMPDIR/r.ndjson"
	# 4 of 7 (5 with no scale is 5 of 5)
	assert_output '0.5714'
}

@test "reopen rate: of the tickets solved in the window, those a customer reopened before" {
	printf '%s\n' \
		'{"omni":1,"id":"a","created_at":"2026-11-16T10:00:00Z","status":"solved","solved_at":"2026-11-16T12:00:00Z","reopens":2}' \
		'{"omni":1,"id":"b","created_at":"2026-11-16T10:00:00Z","status":"solved","solved_at":"2026-11-16T12:00:00Z","reopens":0}' \
		'{"omni":1,"id":"c","created_at":"2026-11-16T10:00:00Z","status":"closed","solved_at":"2026-11-16T12:00:00Z"}' \
		'{"omni":1,"id":"d","created_at":"2026-11-16T10:00:00Z","status":"solved","solved_at":"2026-11-16T12:00:00Z","reopens":1}' \
		'{"omni":1,"id":"e","created_at":"2026-11-16T10:00:00Z","status":"open","reopens":1}' \
		'{"omni":1,"id":"f","created_at":"2026-11-01T10:00:00Z","status":"solved","solved_at":"2026-11-02T12:00:00Z","reopens":3}' \
		>"$BATS_TEST_TMPDIR/ro.ndjson"
	# a and d of a, b, c, d (e is open again: not solved; f solved before)
	run total '.reopen_rate' --since 2026-11-09 --until 2026-11-18 "$BATS_TEST_TMPDIR/ro.ndjson"
	assert_output '0.5'
	run omni-report --by '' -f csv --since 2026-11-09 --until 2026-11-18 --now "$NOW" "$BATS_TEST_TMPDIR/ro.ndjson"
	assert_line --index 1 --partial ',0.5000,'
	# partials add up
	head -3 "$BATS_TEST_TMPDIR/ro.ndjson" | omni-report --partial --by '' --now "$NOW" >"$BATS_TEST_TMPDIR/p1.json"
	tail -n +4 "$BATS_TEST_TMPDIR/ro.ndjson" | omni-report --partial --by '' --now "$NOW" >"$BATS_TEST_TMPDIR/p2.json"
	run bash -c "omni-report --merge --by '' -f json '$BATS_TEST_TMPDIR/p1.json' '$BATS_TEST_TMPDIR/p2.json' | jq -c .total.reopen_rate"
	assert_output '0.6'
	# with no ticket solved there is none
	run total '.reopen_rate' --since 2026-11-17 --until 2026-11-18 "$BATS_TEST_TMPDIR/ro.ndjson"
	assert_output 'null'
}

@test "p50 and p90 by nearest rank" {
	for i in 1 2 3 4 5 6 7 8 9 10; do
		printf '{"omni":1,"id":"p%d","created_at":"2026-11-16T10:00:00Z","messages":[{"direction":"in","author":"customer","at":"2026-11-16T10:00:00Z"},{"direction":"out","author":"agent","at":"2026-11-16T10:%02d:00Z"}]}\n' "$i" "$i"
	done >"$BATS_TEST_TMPDIR/p.ndjson"
	run total '.first_response_min' "$BATS_TEST_TMPDIR/p.ndjson"
	assert_output '{"count":10,"mean":5.5,"p50":5,"p90":9}'
	# 11 values: p50 is the 6th, p90 the 10th
	sed -n 1p "$BATS_TEST_TMPDIR/p.ndjson" | sed 's/"p1"/"p11"/; s/10:01:00Z/10:30:00Z/' >>"$BATS_TEST_TMPDIR/p.ndjson"
	run total '[.first_response_min.p50, .first_response_min.p90]' "$BATS_TEST_TMPDIR/p.ndjson"
	assert_output '[6,10]'
}

@test "a history counts each ticket once, in its latest version; a tie goes to the later line" {
	printf '%s\n' \
		'{"omni":1,"id":"x","channel":"email","created_at":"2026-11-16T10:00:00Z","updated_at":"2026-11-16T12:00:00Z","intent":"wismo"}' \
		'{"omni":1,"id":"x","channel":"email","created_at":"2026-11-16T10:00:00Z","updated_at":"2026-11-16T11:00:00Z","intent":"refund"}' \
		'{"omni":1,"id":"y","channel":"email","created_at":"2026-11-16T10:00:00Z","updated_at":"2026-11-16T11:00:00Z","intent":"refund"}' \
		'{"omni":1,"id":"y","channel":"sms","created_at":"2026-11-16T10:00:00Z","updated_at":"2026-11-16T11:00:00+00:00","intent":"wismo"}' \
		>"$BATS_TEST_TMPDIR/h.ndjson"
	run total '[.tickets, .wismo_share]' "$BATS_TEST_TMPDIR/h.ndjson"
	assert_output '[2,1]'
	run omni-report -f json --by channel "$BATS_TEST_TMPDIR/h.ndjson"
	assert_equal "$(jq -c '[.groups[] | [.group.channel, .tickets]]' <<<"$output")" '[["email",1],["sms",1]]'
	# --unique counts every line
	run total '.tickets' --unique "$BATS_TEST_TMPDIR/h.ndjson"
	assert_output '4'
}

@test "refund rate and reasons, late deliveries" {
	printf '%s\n' \
		'{"omni":1,"id":"a","created_at":"2026-11-16T10:00:00Z","orders":[{"id":"1","refunds":[{"amount":"5","reason":"damaged"},{"amount":"1","reason":"goodwill"}],"fulfillments":[{"status":"delivered","delivered_at":"2026-11-10T10:00:00Z","estimated_at":"2026-11-09T10:00:00+02:00"}]}]}' \
		'{"omni":1,"id":"b","created_at":"2026-11-16T10:00:00Z","orders":[{"id":"2","refunds":[{"amount":"5"}],"fulfillments":[{"status":"exception"}]},{"id":"3","fulfillments":[{"status":"delivered","delivered_at":"2026-11-08T10:00:00Z","estimated_at":"2026-11-09T10:00:00Z"}]}]}' \
		'{"omni":1,"id":"c","created_at":"2026-11-16T10:00:00Z","orders":[{"id":"4"}]}' \
		'{"omni":1,"id":"d","created_at":"2026-11-16T10:00:00Z"}' \
		>"$BATS_TEST_TMPDIR/o.ndjson"
	run total '[.refund_rate, .refund_reasons, .late_delivery_share]' "$BATS_TEST_TMPDIR/o.ndjson"
	assert_output '[0.6667,{"damaged":1,"goodwill":1,"unknown":1},0.6667]'
}

@test "repeat contacts: from history and from the input, seven days back" {
	printf '%s\n' \
		'{"omni":1,"id":"a","customer":{"id":"c1"},"created_at":"2026-11-10T10:00:00Z"}' \
		'{"omni":1,"id":"b","customer":{"id":"c1"},"created_at":"2026-11-16T10:00:00Z"}' \
		'{"omni":1,"id":"c","customer":{"id":"c2"},"created_at":"2026-11-16T10:00:00Z","history":[{"id":"old","created_at":"2026-11-12T00:00:00Z"}]}' \
		'{"omni":1,"id":"d","customer":{"id":"c3"},"created_at":"2026-11-16T10:00:00Z","history":[{"id":"old","created_at":"2026-11-01T00:00:00Z"}]}' \
		>"$BATS_TEST_TMPDIR/rc.ndjson"
	run total '.repeat_contacts' "$BATS_TEST_TMPDIR/rc.ndjson"
	assert_output '2'
	# the window counts only b and c; a still makes b a repeat
	run total '.repeat_contacts' --since 2026-11-15 "$BATS_TEST_TMPDIR/rc.ndjson"
	assert_output '2'
}

@test "a relative window against --now; a bad time or period is a usage error" {
	run total '.tickets' --since 1d --now 2026-11-17T10:30:00Z "$EDGE"
	assert_output '3'
	run total '.tickets' --since 90m --until 2026-11-16T12:30:00Z --now 2026-11-16T12:30:00Z "$EDGE"
	assert_output '2'
	run omni-report --since yesterday "$EDGE"
	assert_failure 64
	assert_output --partial "--since: not a time: 'yesterday'"
	run omni-report --period year "$EDGE"
	assert_failure 64
	run omni-report --compare previous "$EDGE"
	assert_failure 64
	assert_output --partial 'needs --since'
	run omni-report -f xml "$EDGE"
	assert_failure 64
}

@test "periods: UTC days, ISO weeks across the year's end, months" {
	printf '%s\n' \
		'{"omni":1,"id":"a","created_at":"2026-12-31T23:30:00-02:00"}' \
		'{"omni":1,"id":"b","created_at":"2027-01-03T12:00:00Z"}' \
		'{"omni":1,"id":"c","created_at":"2027-01-04T00:00:00Z"}' \
		'{"omni":1,"id":"d","created_at":"2025-12-29T00:00:00Z"}' \
		>"$BATS_TEST_TMPDIR/y.ndjson"
	run bash -c "omni-report --by '' -p week -f json '$BATS_TEST_TMPDIR/y.ndjson' | jq -c '[.groups[] | [.period, .tickets]]'"
	assert_output '[["2026-W01",1],["2026-W53",2],["2027-W01",1]]'
	run bash -c "omni-report --by '' -p day -f json '$BATS_TEST_TMPDIR/y.ndjson' | jq -c '[.groups[].period]'"
	assert_output '["2025-12-29","2027-01-01","2027-01-03","2027-01-04"]'
	run bash -c "omni-report --by '' -p month -f csv '$BATS_TEST_TMPDIR/y.ndjson' | cut -d, -f1,2"
	assert_output "$(printf 'period,tickets\n2025-12,1\n2027-01,3\ntotal,4')"
}

@test "grouping by any top-level field; an absent value is null" {
	run bash -c "omni-report --by kind,status -f json --now $NOW '$EDGE' | jq -c '[.groups[] | [.group.kind, .group.status, .tickets]]'"
	assert_output '[[null,"open",2],[null,"solved",2],["proactive","pending",1]]'
}

@test "csv: RFC 4180, formula-looking text neutralised, numbers left alone" {
	printf '%s\n' \
		'{"omni":1,"id":"a","store":"=HYPERLINK(\"x\")","channel":"a,b","created_at":"2026-11-16T10:00:00Z"}' \
		'{"omni":1,"id":"b","store":"@sum","channel":"+1","created_at":"2026-11-16T10:00:00Z","orders":[{"refunds":[{"reason":"-bad"}]}]}' \
		>"$BATS_TEST_TMPDIR/c.ndjson"
	run omni-report -f csv --by channel,store "$BATS_TEST_TMPDIR/c.ndjson"
	assert_success
	assert_line --index 1 --partial $'\'+1,\'@sum,1,0,,,,0,0,,,,,0.0000,,1.0000,,,,0,0,,,,0,,,,\'-bad: 1\r'
	assert_line --index 2 --partial $'"a,b","\'=HYPERLINK(""x"")",1,'
	assert_line --index 3 --partial 'total,,2,'
	[ "$(printf '%s\n' "$output" | head -1 | tr -d '\r')" = \
	  "channel,store,tickets,first_response_min_count,first_response_min_mean,first_response_min_p50,first_response_min_p90,unanswered,resolution_min_count,resolution_min_mean,resolution_min_p50,resolution_min_p90,sla_compliance,wismo_share,late_delivery_share,refund_rate,csat,one_touch_share,reopen_rate,repeat_contacts,first_response_person_min_count,first_response_person_min_mean,first_response_person_min_p50,first_response_person_min_p90,handling_min_count,handling_min_mean,handling_min_p50,handling_min_p90,refund_reasons" ]
}

@test "markdown: a table for a job summary, pipes escaped" {
	printf '{"omni":1,"id":"a","channel":"a|b","store":"s","created_at":"2026-11-16T10:00:00Z"}\n' \
		>"$BATS_TEST_TMPDIR/m.ndjson"
	run omni-report -f markdown "$BATS_TEST_TMPDIR/m.ndjson"
	assert_success
	assert_line --index 0 '| channel | store | tickets | answered | first response mean (min) | first response p50 (min) | first response p90 (min) | unanswered | resolved | resolution mean (min) | resolution p50 (min) | resolution p90 (min) | SLA met (%) | WISMO (%) | late delivery (%) | refund rate (%) | CSAT (%) | one-touch (%) | reopened (%) | repeat contacts | answered by a person | person first response mean (min) | person first response p50 (min) | person first response p90 (min) | handled | handling mean (min) | handling p50 (min) | handling p90 (min) |'
	assert_line --index 1 '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|'
	assert_line --index 2 '| a\|b | s | 1 | 0 | - | - | - | 0 | 0 | - | - | - | - | 0.0% | - | - | - | - | - | 0 | 0 | - | - | - | 0 | - | - | - |'
}

@test "html: one page with inline SVG charts and nothing fetched" {
	run omni-report -f html --by channel "$EDGE"
	assert_success
	assert_line --index 0 '<!DOCTYPE html>'
	# a chart per figure
	[ "$(grep -c '<svg' <<<"$output")" -eq 8 ]
	refute_output --partial 'src='
	refute_output --partial 'href='
	refute_output --partial '<script'
	assert_output --partial '<tr><th>shopify</th><td>3</td><td>2</td><td>37.5</td>'
}

# six tickets of one channel, five answered within their due time, and one
# of another channel the week before
sla_tickets() {
	local i due
	for i in 1 2 3 4 5 6; do
		due=2026-11-16T10:30:00Z
		[ "$i" = 6 ] && due=2026-11-16T10:10:00Z
		printf '{"omni":1,"id":"t%s","channel":"email","created_at":"2026-11-16T10:00:00Z","sla":{"first_response_due":"%s"},"messages":[{"direction":"in","author":"customer","at":"2026-11-16T10:00:00Z"},{"direction":"out","author":"agent","at":"2026-11-16T10:20:00Z"}]}\n' "$i" "$due"
	done
	printf '{"omni":1,"id":"p1","channel":"chat","created_at":"2026-11-09T10:00:00Z"}\n'
}

@test "html: counts as integers, shares on a scale of 100%, the chart and the table say the same; --compare shows the window before" {
	sla_tickets >"$BATS_TEST_TMPDIR/sla.ndjson"
	run omni-report -f html --by channel --now "$NOW" "$BATS_TEST_TMPDIR/sla.ndjson"
	assert_success
	# 83.3% fills 83.3% of the 360-pixel scale, not the whole of it
	assert_output --partial 'width="299.9" height="16" fill="#4a7bd0"/><text x="565.9" y="40" font-size="12">83.3%</text>'
	assert_output --partial '<tr><th>email</th><td>6</td><td>6</td><td>20.0</td>'
	assert_output --partial '<td>83.3%</td>'
	refute_output --partial '0.8333'
	refute_output --partial '6.0<'
	# --compare is honoured: not the page without it
	without=$output
	run omni-report -f html --by channel --since 2026-11-15 --compare previous --now "$NOW" \
		"$BATS_TEST_TMPDIR/sla.ndjson"
	assert_success
	[ "$output" != "$without" ]
	assert_output --partial 'compared with the window before: 2026-11-12T00:00:00Z to 2026-11-15T00:00:00Z'
	assert_output --partial '<tr><th>email</th><th>change</th><td>+6</td>'
	assert_output --partial '>email (previous)</text>'
}

@test "prometheus: base units, HELP and TYPE, one label set per metric, no total beside the groups" {
	run omni-report -f prometheus --by channel --now "$NOW" "$EDGE"
	assert_success
	assert_line '# HELP omni_report_tickets Tickets created in the window.'
	assert_line '# TYPE omni_report_tickets gauge'
	assert_line 'omni_report_tickets{channel="shopify"} 3'
	assert_line '# TYPE omni_report_first_response_seconds summary'
	assert_line 'omni_report_first_response_seconds{channel="shopify",quantile="0.9"} 2700'
	assert_line 'omni_report_first_response_seconds_sum{channel="shopify"} 4500'
	assert_line 'omni_report_first_response_seconds_count{channel="shopify"} 2'
	assert_line 'omni_report_sla_compliance_ratio{channel="shopify"} 0.5'
	# every sample of a metric has the same labels: no unlabelled total
	refute_line --regexp '^omni_report_[a-z_]+ '
	# every metric has its HELP and TYPE, and no name in minutes
	[ "$(grep -c '^# HELP' <<<"$output")" -eq "$(grep -c '^# TYPE' <<<"$output")" ]
	refute_output --partial '_min'
	# null figures are no samples
	refute_output --partial 'omni_report_csat_ratio{channel="email"}'
	# the total alone, unlabelled, when nothing is grouped
	run omni-report -f prometheus --by '' --now "$NOW" "$EDGE"
	assert_line 'omni_report_tickets 5'
	assert_line 'omni_report_sla_compliance_ratio 0.3333'
	refute_output --partial '{channel'
	# the names omni-report(1) lists are the names written
	for m in $(grep '^# TYPE' <<<"$output" | cut -d' ' -f3); do
		grep -Eq "^\.It Li $m( |$)" "$TOP/man/omni-report.1" || fail "$m is not in omni-report(1)"
	done
}

@test "prometheus refuses --compare, which it cannot say" {
	run omni-report -f prometheus --since 2026-11-11 --compare previous --now "$NOW" "$EDGE"
	assert_failure 64
	assert_line --index 0 'omni-report: --compare: the prometheus format has no previous window; use json, csv, table, markdown or html'
}

@test "table and markdown: a time figure past three hours is in hours, said in its header" {
	printf '{"omni":1,"id":"a","channel":"email","created_at":"2026-11-16T10:00:00Z","solved_at":"2026-11-16T16:30:00Z"}\n' \
		>"$BATS_TEST_TMPDIR/h.ndjson"
	run omni-report -f markdown --by '' --now "$NOW" "$BATS_TEST_TMPDIR/h.ndjson"
	assert_success
	assert_line --index 0 --partial '| resolution mean (h) | resolution p50 (h) | resolution p90 (h) |'
	assert_line --index 0 --partial '| first response mean (min) |'
	assert_line --index 2 --partial '| 1 | 6.5 | 6.5 | 6.5 |'
}

@test "--compare previous: both windows and the change" {
	printf '%s\n' \
		'{"omni":1,"id":"a","created_at":"2026-11-05T10:00:00Z","intent":"wismo"}' \
		'{"omni":1,"id":"b","created_at":"2026-11-12T10:00:00Z"}' \
		'{"omni":1,"id":"c","created_at":"2026-11-13T10:00:00Z","intent":"wismo"}' \
		'{"omni":1,"id":"d","created_at":"2026-11-14T10:00:00Z"}' \
		>"$BATS_TEST_TMPDIR/cmp.ndjson"
	run bash -c "omni-report --by '' --since 7d --now 2026-11-16T00:00:00Z --compare previous -f json '$BATS_TEST_TMPDIR/cmp.ndjson' |
		jq -c '[.previous_window, .total.tickets, .total.previous.tickets, .total.change.tickets, .total.change.wismo_share]'"
	assert_output '[{"since":"2026-11-02T00:00:00Z","until":"2026-11-09T00:00:00Z"},3,1,2,-0.6667]'
	run omni-report --by '' --since 7d --now 2026-11-16T00:00:00Z --compare previous -f csv "$BATS_TEST_TMPDIR/cmp.ndjson"
	assert_line --index 1 --partial 'current,3,'
	assert_line --index 2 --partial 'previous,1,'
	assert_line --index 3 --partial 'change,+2,'
}

@test "--partial and --merge: shards add up to the whole" {
	bench_gen=$TOP/bench/gen-tickets
	"$bench_gen" 600 3 | desk_actions >"$BATS_TEST_TMPDIR/all.ndjson"
	head -250 "$BATS_TEST_TMPDIR/all.ndjson" >"$BATS_TEST_TMPDIR/a.ndjson"
	tail -n +251 "$BATS_TEST_TMPDIR/all.ndjson" >"$BATS_TEST_TMPDIR/b.ndjson"
	omni-report --partial -p week --now "$NOW" "$BATS_TEST_TMPDIR/a.ndjson" >"$BATS_TEST_TMPDIR/a.json"
	omni-report --partial -p week --now "$NOW" "$BATS_TEST_TMPDIR/b.ndjson" >"$BATS_TEST_TMPDIR/b.json"
	run omni-report --merge -p week -f json --now "$NOW" "$BATS_TEST_TMPDIR/a.json" "$BATS_TEST_TMPDIR/b.json"
	assert_success
	merged=$(jq -cS 'del(.window)' <<<"$output")
	whole=$(omni-report -p week -f json --now "$NOW" "$BATS_TEST_TMPDIR/all.ndjson" | jq -cS 'del(.window)')
	# repeat contacts see across shards only in the whole
	assert_equal "$(jq -c 'del(.. | .repeat_contacts?)' <<<"$merged")" \
	             "$(jq -c 'del(.. | .repeat_contacts?)' <<<"$whole")"
	# the desk's figures add up too
	run jq -e '.total.handling_min.count > 0 and .total.first_response_person_min.count > 0' <<<"$merged"
	assert_success
	# a partial from before them merges, with none of them
	jq -c '.groups[].figures |= del(.first_response_person, .handling)' "$BATS_TEST_TMPDIR/a.json" \
		>"$BATS_TEST_TMPDIR/old.json"
	run bash -c "omni-report --merge -p week -f json --now '$NOW' '$BATS_TEST_TMPDIR/old.json' |
		jq -c '[.total.tickets > 0, .total.handling_min.count]'"
	assert_output '[true,0]'
	# another grouping is refused
	run omni-report --merge -f json "$BATS_TEST_TMPDIR/a.json"
	assert_failure 65
	assert_output --partial 'another --by or --period'
	run omni-report --merge "$BATS_TEST_TMPDIR/all.ndjson"
	assert_failure 65
	# several partials in one stream (a pipe from parallel or from hosts)
	run bash -c "cat '$BATS_TEST_TMPDIR/a.json' '$BATS_TEST_TMPDIR/b.json' |
		omni-report --merge -p week -f json --now '$NOW' | jq -cS 'del(.window)'"
	assert_success
	assert_equal "$(jq -c 'del(.. | .repeat_contacts?)' <<<"$output")" \
	             "$(jq -c 'del(.. | .repeat_contacts?)' <<<"$merged")"
	# the second of a stream broken: named, with its file
	{ cat "$BATS_TEST_TMPDIR/a.json"; printf '{"groups": [1,'; } >"$BATS_TEST_TMPDIR/broken.json"
	run omni-report --merge -p week "$BATS_TEST_TMPDIR/broken.json"
	assert_failure 65
	assert_output --regexp "^omni-report: $BATS_TEST_TMPDIR/broken.json:$(( $(wc -l <"$BATS_TEST_TMPDIR/a.json") + 1 ))(:[0-9]+)?: partial 2: "
	# nothing at all is not a report of nothing
	run omni-report --merge -p week </dev/null
	assert_failure 65
	assert_output --partial 'stdin: no partial aggregates'
}

@test "--db reads the tickets the store holds" {
	omni-report -d "$OMNI_DB" >/dev/null   # creates the store
	sed -n 1p "$EDGE" | tr -d '\n' >"$BATS_TEST_TMPDIR/rec.json"
	sqlite3 "$OMNI_DB" "INSERT INTO tickets (id, record) VALUES ('noreply', '$(sed "s/'/''/g" "$BATS_TEST_TMPDIR/rec.json")')"
	run bash -c "omni-report -d '$OMNI_DB' --by channel -f json | jq -c '[.total.tickets, .total.unanswered]'"
	assert_output '[1,1]'
}

@test "a time that is not one is bad data, exit 65" {
	printf '{"omni":1,"id":"a","created_at":"last tuesday"}\n' >"$BATS_TEST_TMPDIR/t.ndjson"
	run omni-report "$BATS_TEST_TMPDIR/t.ndjson"
	assert_failure 65
	assert_output --regexp '^omni-report: .*created_at is not a time: "last tuesday"$'
	# with --keep-going it is set aside and the rest counted
	printf '{"omni":1,"id":"b","created_at":"2026-11-16T10:00:00Z"}\n' >>"$BATS_TEST_TMPDIR/t.ndjson"
	run omni-report -k -r "$BATS_TEST_TMPDIR/rej" --by '' -f csv "$BATS_TEST_TMPDIR/t.ndjson"
	assert_failure 1
	assert_line --index 2 --regexp '^1,0,,,,0,'
	assert_equal "$(cat "$BATS_TEST_TMPDIR/rej")" '{"omni":1,"id":"a","created_at":"last tuesday"}'
	# a time of a member only the report reads is named with its place too
	printf '{"omni":1,"id":"a"}\n{"omni":1,"id":"b","sla":{"first_response_due":"soon"}}\n' >"$BATS_TEST_TMPDIR/s.ndjson"
	run omni-report "$BATS_TEST_TMPDIR/s.ndjson"
	assert_failure 65
	assert_output "omni-report: $BATS_TEST_TMPDIR/s.ndjson:2:48: sla.first_response_due is not a time: \"soon\""
}

# What people did, added to generated tickets: before most agent replies
# a person opens the answer (and a lead may assign it first), then answers
# at the reply's time; some tickets have an answer no message shows; the
# desk's assignee over routing's on most.
desk_actions() {
	python3 -c '
import json, sys
from datetime import datetime, timezone
def t(s): return datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp()
def z(x): return datetime.fromtimestamp(x, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
for i, line in enumerate(sys.stdin):
    r = json.loads(line)
    if i % 3:
        who, acts = ["ana", "ben", "cai"][i % 3], []
        for m in r.get("messages") or []:
            if m.get("direction") == "out" and m.get("author") == "agent":
                at = t(m["at"])
                if i % 2:
                    acts.append({"verb": "assign", "value": who, "who": "lead", "at": z(at - 5400)})
                acts.append({"verb": "open", "who": who, "at": z(at - 60 * (i % 17 + 1))})
                acts.append({"verb": "answer", "value": "m", "who": who, "at": z(at)})
        if i % 5 == 0 and r.get("messages"):
            acts.append({"verb": "answer", "value": "m", "who": who,
                         "at": z(t(r["messages"][0]["at"]) + 60 * (i % 13))})
        r["desk"] = {"actions": acts}
        if i % 4:
            r["desk"]["assignee"] = who
    print(json.dumps(r, separators=(",", ":")))
'
}

@test "a generated set: every figure and format agrees with an independent count" {
	"$TOP/bench/gen-tickets" 1500 11 | desk_actions >"$BATS_TEST_TMPDIR/g.ndjson"
	# and a second version of some tickets, later, now about WISMO
	head -200 "$BATS_TEST_TMPDIR/g.ndjson" |
		sed 's/"updated_at":"2026-/"updated_at":"2027-/; s/"intent":"[a-z_]*"/"intent":"wismo"/' \
		>>"$BATS_TEST_TMPDIR/g.ndjson"
	for fmt in json csv markdown table prometheus; do
		for args in "--by channel,store" "--by intent --since 2026-10-01 --until 2026-11-01T00:00:00+01:00" \
			"--by assignee"; do
			run bash -c "omni-report $args -f $fmt --now $NOW '$BATS_TEST_TMPDIR/g.ndjson' |
				python3 '$TOP/tests/report-check.py' $fmt '$BATS_TEST_TMPDIR/g.ndjson' \
				${args/--since 2026-10-01/--since 2026-10-01T00:00:00Z} --now $NOW"
			assert_success
			assert_output ''
		done
	done
}

@test "past 16384 values a percentile comes from the histogram, within 1%; so do merged partials" {
	# first responses of 1 to 20000 minutes, in an order that is not sorted
	awk 'BEGIN { for (i = 0; i < 20000; i++) { m = (i * 7919) % 20000 + 1
		printf "{\"omni\":1,\"id\":\"s%d\",\"created_at\":\"2026-11-01T00:00:00Z\",\"messages\":[{\"direction\":\"in\",\"author\":\"customer\",\"at\":\"2026-11-01T00:00:00Z\"},{\"direction\":\"out\",\"author\":\"agent\",\"at\":\"%s\"}]}\n", i, strftime("%Y-%m-%dT%H:%M:%SZ", 1793491200 + m * 60, 1) } }' \
		>"$BATS_TEST_TMPDIR/s.ndjson"
	run total '.first_response_min' "$BATS_TEST_TMPDIR/s.ndjson"
	assert_success
	# count and mean stay exact; p50 10000 and p90 18000 within 1%
	run jq -e '.count == 20000 and .mean == 10000.5 and
		(.p50 / 10000 - 1 | fabs) <= 0.01 and (.p90 / 18000 - 1 | fabs) <= 0.01' <<<"$output"
	assert_success
	head -9000 "$BATS_TEST_TMPDIR/s.ndjson" >"$BATS_TEST_TMPDIR/s1.ndjson"
	tail -n +9001 "$BATS_TEST_TMPDIR/s.ndjson" >"$BATS_TEST_TMPDIR/s2.ndjson"
	omni-report --by '' --partial "$BATS_TEST_TMPDIR/s1.ndjson" >"$BATS_TEST_TMPDIR/p1.json"
	omni-report --by '' --partial "$BATS_TEST_TMPDIR/s2.ndjson" >"$BATS_TEST_TMPDIR/p2.json"
	run bash -c "omni-report --by '' --merge -f json '$BATS_TEST_TMPDIR/p1.json' - <'$BATS_TEST_TMPDIR/p2.json' |
		jq -e '.total.first_response_min | .count == 20000 and .mean == 10000.5 and
			(.p50 / 10000 - 1 | fabs) <= 0.01 and (.p90 / 18000 - 1 | fabs) <= 0.01'"
	assert_success
}

# Business hours: the default calendar of share/omni/sla, Monday to Friday
# 09:00-13:00 and 14:00-18:00, in the store's zone from omni.conf.
bh_ticket() {   # id store created reply solved
	printf '{"omni":1,"id":"%s","channel":"email","store":"%s","status":"solved","created_at":"%s","updated_at":"%s","solved_at":"%s","messages":[{"id":"a","direction":"in","author":"customer","at":"%s","body":"hi"},{"id":"b","direction":"out","author":"agent","at":"%s","body":"hello"}]}\n' \
		"$1" "$2" "$3" "$5" "$5" "$3" "$4"
}

bh_config() {
	mkdir -p "$XDG_CONFIG_HOME/omni"
	printf '[store casa]\ntimezone = Europe/Rome\n' >"$XDG_CONFIG_HOME/omni/omni.conf"
	cd "$BATS_TEST_TMPDIR"
}

@test "--business-hours: a weekend, the lunch break and the store's zone" {
	bh_config
	# Friday 17:30 Rome to Monday 09:30: 30 + 30 minutes; solved Monday
	# 15:00 Rome: 30 + 240 + 60 minutes.  A store with no zone counts in UTC.
	{
		bh_ticket t1 casa 2026-11-27T16:30:00Z 2026-11-30T08:30:00Z 2026-11-30T14:00:00Z
		bh_ticket t2 other 2026-11-27T16:30:00Z 2026-11-30T08:30:00Z 2026-11-30T14:00:00Z
	} >in.ndjson
	run omni-report --by store -f json --now 2026-12-01T00:00:00Z --business-hours standard in.ndjson
	assert_success
	run jq -c '[.groups[] | [.group.store, .first_response_business_min.p50, .resolution_business_min.p50, .first_response_min.p50]]' <<<"$output"
	# UTC: Friday 16:30-18:00 is 90 and Monday 08:30Z is before opening; to
	# Monday 14:00Z, 90 + 240 (09-13) + 0 (the lunch break) = 330.
	assert_output '[["casa",60,330,3840],["other",90,330,3840]]'
}

@test "--business-hours: the clock change between Friday and Monday" {
	bh_config
	# Rome leaves summer time on 2026-10-25: Friday 17:00 CEST is 15:00Z,
	# Monday 10:00 CET is 09:00Z.  60 + 60 business minutes, not 60 + 120.
	bh_ticket t1 casa 2026-10-23T15:00:00Z 2026-10-26T09:00:00Z 2026-10-26T09:00:00Z >in.ndjson
	run omni-report --by '' -f json --now 2026-11-01T00:00:00Z --business-hours standard in.ndjson
	assert_success
	run jq -c '.total | [.first_response_business_min.p50, .first_response_min.p50]' <<<"$output"
	assert_output '[120,3960]'
}

@test "--business-hours: columns in csv only when asked, partials keep the policy" {
	bh_config
	bh_ticket t1 casa 2026-11-27T16:30:00Z 2026-11-30T08:30:00Z 2026-11-30T14:00:00Z >a.ndjson
	bh_ticket t2 casa 2026-11-30T08:00:00Z 2026-11-30T09:00:00Z 2026-11-30T10:00:00Z >b.ndjson
	run omni-report -f csv --now 2026-12-01T00:00:00Z a.ndjson
	refute_output --partial business
	run omni-report -f csv --now 2026-12-01T00:00:00Z --business-hours standard a.ndjson
	assert_line --index 0 --partial ',first_response_business_min_count,first_response_business_min_mean,'
	omni-report --partial --by store --business-hours standard a.ndjson >a.json
	omni-report --partial --by store --business-hours standard b.ndjson >b.json
	run omni-report --merge --by store -f json --business-hours standard a.json b.json
	assert_success
	# first responses 60 and 60 (09:00-10:00 Rome); resolutions 330 and 120
	run jq -c '.total | [.first_response_business_min.count, .first_response_business_min.p50, .resolution_business_min.mean]' <<<"$output"
	assert_output '[2,60,225]'
	run omni-report --merge --by store --business-hours social a.json
	assert_failure 65
	assert_output --partial 'business-hours'
}

@test "--business-hours: an unknown policy is a usage error" {
	run omni-report --business-hours nonesuch /dev/null
	assert_failure 64
	assert_output --partial "no SLA policy 'nonesuch'"
}

@test "--by a name that is not a ticket field is a usage error naming the nearest" {
	run omni-report --by chanel "$EDGE"
	assert_failure 64
	assert_line --index 0 "omni-report: --by: 'chanel' is not a ticket field; did you mean 'channel'?"
	run omni-report --by store,wibble "$EDGE"
	assert_failure 64
	assert_line --index 0 "omni-report: --by: 'wibble' is not a ticket field (see omni-ticket(5))"
	run omni-report --by intent,queue -f csv "$EDGE"
	assert_success
}

@test "html: the sample week's page in headless Chromium (make screenshot) shows its bars, this week's and the week before's" {
	command -v chromium >/dev/null || command -v chromium-browser >/dev/null ||
		skip "chromium is not installed (make deps installs it)"
	run sh "$TOP/tools/screenshot" "$BATS_TEST_TMPDIR/report.png"
	assert_success
	run python3 "$TOP/tests/png-colours.py" "$BATS_TEST_TMPDIR/report.png" 4a7bd0 b8c4d6
	assert_success
	assert_line --index 0 '1200 1600'
	# the bars of the window (blue) and of the one before (grey-blue) are drawn
	[ "$(sed -n 2p <<<"$output" | cut -d' ' -f2)" -gt 1000 ]
	[ "$(sed -n 3p <<<"$output" | cut -d' ' -f2)" -gt 1000 ]
}

@test "the desk's figures: a person first response and handling time, per assignee, in every format" {
	# a bot answers first; alice, assigned by the lead, opens the answer at
	# 10:50 and sends it at 11:00 (10 min), notes at 12:00 and answers
	# again at 12:30 (30 min); bob's ticket has one answer, after a tag
	{
		printf '%s\n' '{"omni":1,"id":"a","created_at":"2026-11-10T10:00:00Z","assignee":"bot","messages":[{"direction":"in","author":"customer","at":"2026-11-10T10:00:00Z"},{"direction":"out","author":"bot","at":"2026-11-10T10:01:00Z"},{"direction":"out","author":"agent","at":"2026-11-10T11:00:00Z"}],"desk":{"assignee":"alice","actions":[{"verb":"assign","value":"alice","who":"lead","at":"2026-11-10T10:05:00Z"},{"verb":"open","who":"alice","at":"2026-11-10T10:50:00Z"},{"verb":"answer","value":"m1","who":"alice","at":"2026-11-10T11:00:00Z"},{"verb":"note","value":"x","who":"alice","at":"2026-11-10T12:00:00Z"},{"verb":"answer","value":"m2","who":"alice","at":"2026-11-10T12:30:00Z"}]}}'
		printf '%s\n' '{"omni":1,"id":"b","created_at":"2026-11-11T09:00:00Z","assignee":"bob","messages":[{"direction":"in","author":"customer","at":"2026-11-11T09:00:00Z"}],"desk":{"actions":[{"verb":"tag","value":"vip","who":"bob","at":"2026-11-11T09:10:00Z"},{"verb":"answer","value":"m3","who":"bob","at":"2026-11-11T09:30:00Z"}]}}'
		printf '%s\n' '{"omni":1,"id":"c","created_at":"2026-11-12T09:00:00Z","assignee":"bob","messages":[{"direction":"in","author":"customer","at":"2026-11-12T09:00:00Z"},{"direction":"out","author":"bot","at":"2026-11-12T09:02:00Z"}]}'
	} >"$BATS_TEST_TMPDIR/desk.ndjson"
	f=$BATS_TEST_TMPDIR/desk.ndjson
	run bash -c "omni-report --by assignee -f json --now '$NOW' '$f' |
		jq -c '.groups[] | [.group.assignee, .first_response_min.mean, .first_response_person_min, .handling_min]'"
	assert_line --index 0 '["alice",1,{"count":1,"mean":60,"p50":60,"p90":60},{"count":1,"mean":40,"p50":40,"p90":40}]'
	assert_line --index 1 '["bob",2,{"count":1,"mean":30,"p50":30,"p90":30},{"count":1,"mean":20,"p50":20,"p90":20}]'
	run bash -c "omni-report --by assignee -f csv --now '$NOW' '$f' | head -2 | tr -d '\r'"
	assert_line --index 0 --partial ',repeat_contacts,first_response_person_min_count,first_response_person_min_mean,first_response_person_min_p50,first_response_person_min_p90,handling_min_count,handling_min_mean,handling_min_p50,handling_min_p90,refund_reasons'
	assert_line --index 1 --partial ',0,1,60.00,60.00,60.00,1,40.00,40.00,40.00,'
	run bash -c "omni-report --by assignee -f prometheus --now '$NOW' '$f' | grep -E '^omni_report_(first_response_person|handling)_seconds_(sum|count)'"
	assert_output "$(printf '%s\n' \
		'omni_report_first_response_person_seconds_sum{assignee="alice"} 3600' \
		'omni_report_first_response_person_seconds_count{assignee="alice"} 1' \
		'omni_report_first_response_person_seconds_sum{assignee="bob"} 1800' \
		'omni_report_first_response_person_seconds_count{assignee="bob"} 1' \
		'omni_report_handling_seconds_sum{assignee="alice"} 2400' \
		'omni_report_handling_seconds_count{assignee="alice"} 1' \
		'omni_report_handling_seconds_sum{assignee="bob"} 1200' \
		'omni_report_handling_seconds_count{assignee="bob"} 1')"
	run bash -c "omni-report --by assignee -f markdown --now '$NOW' '$f' | sed -n 1p"
	assert_output --partial "| answered by a person | person first response mean (min) |"
	assert_output --partial '| handled | handling mean (min) | handling p50 (min) | handling p90 (min) |'
	run bash -c "omni-report --by assignee -f html --now '$NOW' '$f' | grep -c 'handling mean'"
	assert_output 1
	for fmt in json csv markdown table prometheus; do
		run bash -c "omni-report --by assignee -f $fmt --now $NOW '$f' |
			python3 '$TOP/tests/report-check.py' $fmt '$f' --by assignee --now $NOW"
		assert_output ''
	done
}
