# What omni-reply does for a WISMO, written in jq for comparison: pick the
# first order's first shipment, write the reply text, and lint it for links
# and e-mail addresses on the marketplaces.  Every other intent gets the
# same text shape, so jq does no less work than it would with real templates.
def ship: (.orders // [])[0] as $o | (($o.fulfillments // [])[0]) as $f | {o: $o, f: $f};
if .intent == null then . else
  ship as $s
  | ("Hello " + ((.customer.name // "") | split(" ")[0]) + ",\n\nThank you for your message about order "
     + ($s.o.number // "") + ".\n\nIt has shipped with " + ($s.f.carrier // "") + ". The tracking number is "
     + ($s.f.tracking_number // "") + ".\nThe estimated delivery date is "
     + (($s.f.estimated_at // "") | .[0:10]) + ".\n\nKind regards,\n" + (.store // "")) as $text
  | (if (.channel == "amazon" or .channel == "ebay" or .channel == "walmart")
     then [($text | scan("https?://[^ \n]+") | "link: " + .), ($text | scan("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[a-z]+") | "email: " + .)]
     else [] end) as $lint
  | . + {reply: {template: .intent, lang: .lang, text: $text, lint: $lint,
                 status: (if ($lint | length) > 0 then "blocked" else "draft" end)}}
end
