# The rows of figures.jq, slurped: the figures per channel and store.
def stat: sort as $v | ($v | length) as $n
  | if $n == 0 then {count: 0, mean: null, p50: null, p90: null}
    else {count: $n, mean: ((add / $n / 60 * 100 | round) / 100),
          p50: (($v[(($n + 1) / 2 | floor) - 1] / 60 * 100 | round) / 100),
          p90: (($v[(($n * 9 + 9) / 10 | floor) - 1] / 60 * 100 | round) / 100)} end;
def share(n; d): if d == 0 then null else (n / d * 10000 | round) / 10000 end;
group_by(.[0], .[1])
| map({channel: .[0][0], store: .[0][1], tickets: length,
       first_response_min: ([.[][2] | select(. != null)] | stat),
       unanswered: (map(.[3]) | add), resolution_min: ([.[][13] | select(. != null)] | stat),
       sla_compliance: share(map(.[5]) | add; map(.[4]) | add),
       wismo_share: share(map(.[6]) | add; length),
       refund_rate: share(map(.[8]) | add; map(.[7]) | add),
       csat: share(map(.[10]) | add; map(.[9]) | add),
       one_touch_share: share(map(.[12]) | add; map(.[11]) | add)})[]
