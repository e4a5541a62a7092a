# The figures of omni-report per channel and store, in jq: tickets, first
# response (count, mean, p50, p90 by nearest rank), unanswered, resolution,
# SLA compliance, WISMO share, refund rate, CSAT, one-touch share.
# Run: jq -n --arg now 2026-11-20T00:00:00Z -f figures.jq <tickets.ndjson
def t:
  if . == null then null
  elif length == 20 and endswith("Z") then fromdateiso8601
  else
    capture("^(?<d>[0-9-]{10}T[0-9:]{8})(?<f>\\.[0-9]+)?(?<z>.*)$") as $m
    | ($m.d + "Z" | fromdateiso8601)
      + (if $m.f then ("0" + $m.f | tonumber) else 0 end)
      - (if $m.z == "Z" or $m.z == "" then 0
         else ($m.z | capture("(?<s>[+-])(?<h>[0-9]{2}):?(?<m>[0-9]{2})")
               | (if .s == "-" then -1 else 1 end) * ((.h | tonumber) * 3600 + (.m | tonumber) * 60))
         end)
  end;
def stat: sort as $v | ($v | length) as $n
  | if $n == 0 then {count: 0, mean: null, p50: null, p90: null}
    else {count: $n, mean: ((add / $n / 60 * 100 | round) / 100),
          p50: (($v[(($n + 1) / 2 | floor) - 1] / 60 * 100 | round) / 100),
          p90: (($v[(($n * 9 + 9) / 10 | floor) - 1] / 60 * 100 | round) / 100)} end;
def share(n; d): if d == 0 then null else (n / d * 10000 | round) / 10000 end;
($now | t) as $now
| reduce inputs as $x ({};
    ($x.messages // []) as $ms
    | ([$ms[] | select(.direction == "in" and (.author == null or .author == "customer")) | .at | t] | min) as $in
    | [$ms[] | select(.direction == "out" and (.author == "agent" or .author == "bot")) | .at | t] as $outs
    | ([$outs[] | select($in != null and . >= $in)] | min) as $reply
    | ($x.created_at | t) as $c | ($x.solved_at | t) as $s
    | ($x.sla.first_response_due | t) as $due
    | "\($x.channel)\t\($x.store)" as $k
    | .[$k] |= ((. // {tickets: 0, frt: [], unanswered: 0, res: [], judged: 0, met: 0,
                    wismo: 0, ordered: 0, refunded: 0, rated: 0, happy: 0, solved: 0, one: 0})
      | .tickets += 1
      | if $in != null and $reply != null then .frt += [$reply - $in]
        elif $in != null then .unanswered += 1 else . end
      | if $in != null and $due != null then
          (if $reply != null then .judged += 1 | .met += (if $reply <= $due then 1 else 0 end)
           elif $now > $due then .judged += 1 else . end)
        else . end
      | .wismo += (if $x.intent == "wismo" then 1 else 0 end)
      | if ($x.orders // []) | length > 0 then
          .ordered += 1 | .refunded += (if any($x.orders[]; (.refunds // []) | length > 0) then 1 else 0 end)
        else . end
      | if ($x.csat.score | type) == "number" then
          .rated += 1 | .happy += (if $x.csat.score >= 0.8 * ($x.csat.scale // 5) - 1e-9 then 1 else 0 end)
        else . end
      | if $s != null then .solved += 1 | .one += (if ($outs | length) == 1 then 1 else 0 end)
          | (if $c != null then .res += [$s - $c] else . end)
        else . end))
| to_entries | map(.value as $g | (.key | split("\t")) as [$ch, $st]
  | {channel: $ch, store: $st, tickets: $g.tickets, first_response_min: ($g.frt | stat),
     unanswered: $g.unanswered, resolution_min: ($g.res | stat),
     sla_compliance: share($g.met; $g.judged), wismo_share: share($g.wismo; $g.tickets),
     refund_rate: share($g.refunded; $g.ordered), csat: share($g.happy; $g.rated),
     one_touch_share: share($g.one; $g.solved)})
| sort_by(.channel, .store)[]
