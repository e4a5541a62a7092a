# The figures of omni-report per channel and store, in jq: tickets, first
# response (count, mean, p50, p90 by nearest rank), unanswered, resolution,
# SLA compliance, WISMO share, refund rate, CSAT, one-touch share.
# Two passes, as a jq user would write it without a quadratic reduce: a
# row per ticket, then the rows slurped and grouped:
#   jq -c --arg now T -f figures.jq tickets.ndjson | jq -s -f figures-groups.jq
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
($now | t) as $now
| . as $x
| ($x.messages // []) as $ms
| ([$ms[] | select(.direction == "in" and (.author == null or .author == "customer")) | .at | t] | min) as $in
| [$ms[] | select(.direction == "out" and (.author == "agent" or .author == "bot")) | .at | t] as $outs
| ([$outs[] | select($in != null and . >= $in)] | min) as $reply
| ($x.created_at | t) as $c | ($x.solved_at | t) as $s
| ($x.sla.first_response_due | t) as $due
| [$x.channel, $x.store,
   (if $in != null and $reply != null then $reply - $in else null end),
   (if $in != null and $reply == null then 1 else 0 end),
   (if $in != null and $due != null and ($reply != null or $now > $due) then 1 else 0 end),
   (if $in != null and $due != null and $reply != null and $reply <= $due then 1 else 0 end),
   (if $x.intent == "wismo" then 1 else 0 end),
   (if ($x.orders // []) | length > 0 then 1 else 0 end),
   (if any(($x.orders // [])[]; (.refunds // []) | length > 0) then 1 else 0 end),
   (if ($x.csat.score | type) == "number" then 1 else 0 end),
   (if ($x.csat.score | type) == "number" and $x.csat.score >= 0.8 * ($x.csat.scale // 5) - 1e-9 then 1 else 0 end),
   (if $s != null then 1 else 0 end),
   (if $s != null and ($outs | length) == 1 then 1 else 0 end),
   (if $s != null and $c != null then $s - $c else null end)]
