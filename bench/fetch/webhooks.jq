# Meta webhook deliveries to tickets, the jq way (bench/fetch/run).
(if .object == "instagram" then "instagram" else "facebook" end) as $ch
| .entry[] | .id as $page | .messaging[] | select(.message != null)
| (if .message.is_echo then .recipient.id else .sender.id end) as $who
| (.timestamp / 1000 | floor | todate) as $at
| {omni: 1, id: ("file:" + .message.mid), channel: $ch, store: null,
   kind: "message",
   source: {name: "file", external_id: .message.mid,
            thread_key: ($ch + ":" + $page + ":" + $who), url: null},
   subject: null, created_at: $at, updated_at: $at,
   customer: {handles: {($ch): $who}},
   order_ids: [],
   messages: [{id: .message.mid,
               direction: (if .message.is_echo then "out" else "in" end),
               author: (if .message.is_echo then "agent" else "customer" end),
               at: $at, text: .message.text,
               attachments: [.message.attachments[]? | {content_type: .type, url: .payload.url}],
               channel: $ch}]}
