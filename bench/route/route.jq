# jq -n -c -f route.jq: the keyword routing of omni-route's defaults, as a jq program: language by
# stopwords, intent by keyword regular expressions, sentiment, and the
# default rules' priority, queue, tags and SLA policy with calendar-time due
# times (business-hours windows are left out, which favours jq).
def words: ascii_downcase | [scan("[a-zà-ÿ]+")];
def count($ws; $set): [$ws[] | select($set[.])] | length;
def stopwords: {
  en: ["the","and","my","is","it","to","you","of","for","have","not","this","with","where","hi","thanks"],
  it: ["il","la","di","che","non","è","ho","mio","ancora","ciao","grazie","per","sono","dove"],
  fr: ["le","les","est","je","mon","ma","pas","que","pour","avec","bonjour","merci","toujours","où"],
  es: ["el","los","las","mi","por","para","todavía","hola","gracias","pedido","está","dónde","qué"],
  de: ["der","die","das","und","ist","ich","mein","meine","nicht","noch","hallo","danke","wo","bestellung"]
} | map_values(map({(.): true}) | add);
def intents: [
  ["claim", "a-to-z|a to z|chargeback|dispute|opened a case|ebay case|contestazione|litige|contracargo|rückbuchung|käuferschutz"],
  ["damaged", "damag|broken|cracked|defect|not working|danneggiat|rott[oa]|non funziona|cassé|abîmé|endommag|dañad|roto|rota|no funciona|beschädigt|kaputt|defekt"],
  ["cancel", "cancel|annull|annul|anular|storn"],
  ["address_change", "change (the|my) address|wrong address|new address|cambiare (l'|)indirizzo|indirizzo sbagliato|changer (l'|d')adresse|cambiar la dirección|adresse ändern|lieferadresse"],
  ["exchange", "exchang|swap|different size|cambio|cambiare|échang|autre taille|otra talla|umtausch|tauschen"],
  ["return", "return|send (it )?back|reso|restitu|retour|renvoyer|devol|rücksend|zurückschicken|retoure|rückgabe"],
  ["refund", "refund|money back|rimbors|rembours|reembols|rückerstattung|erstatt|geld zurück"],
  ["wismo", "where is my|not arrived|hasn'?t arrived|not received|track|in transit|dov'è|non è (ancora )?arrivato|spedizione|où est|pas (encore )?reçu|suivi|dónde está|no ha llegado|seguimiento|wo ist|nicht angekommen|sendungsverfolgung|wo bleibt"],
  ["presale", "do you ship|in stock|before i buy|available|disponibil|spedite|avant d'acheter|en stock|envían|antes de comprar|auf lager|verfügbar|vor dem kauf"],
  ["feedback", "feedback|suggestion|just wanted to say|complimenti|recensione|bravo|félicitations|reseña|enhorabuena|bewertung|lob"]
];
def customer_text: ([.subject // empty] + [.messages[]? | select(.direction != "out") | .text // empty]) | join("\n");
def add_hours($t; $h): ($t | sub("\\.[0-9]+"; "") | sub("(?<o>[+-][0-9]{2}):?(?<m>[0-9]{2})$"; "Z") | fromdateiso8601) + $h * 3600 | todateiso8601;

# Run with -n: the constant tables are built once, then every input is routed.
stopwords as $stops
| inputs
| (customer_text) as $text
| ($text | ascii_downcase) as $low
| ($text | words) as $ws
| ([("en","it","fr","es","de") as $l | {l: $l, n: count($ws; $stops[$l])}] | max_by(.n)) as $best
| (if $best.n >= 1 then $best.l else "und" end) as $lang
| (first(intents[] | select(. as $i | $low | test($i[1])) | .[0]) // "other") as $intent
| (if .kind == "claim" then "claim" elif .kind == "return" then "return" else $intent end) as $intent
| (if ($low | test("terrible|awful|worst|unacceptable|ridiculous|scam|pessim|vergogn|inaccettabile|inadmissible|honteux|inaceptable|vergüenza|unverschämt|frechheit|😡|🤬")) then "negative"
   elif ($low | test("love|amazing|perfect|excellent|bellissim|perfett|parfait|génial|perfecto|genial|perfekt|toll|😍|👍")) then "positive"
   else "neutral" end) as $sentiment
| {priority: "normal", score: 50, queue: "support", tags: [], sla: "standard"} as $r
| (if .channel == "amazon" then $r | .sla = "amazon" | .tags += ["marketplace"]
   elif .channel == "walmart" then $r | .sla = "walmart" | .tags += ["marketplace"]
   elif .channel == "tiktok" then $r | .sla = "tiktok" | .tags += ["marketplace"]
   elif .channel == "ebay" then $r | .sla = "ebay" | .tags += ["marketplace"]
   else $r end) as $r
| (if (.channel == "instagram" or .channel == "facebook") and .kind != "comment"
   then $r | .priority = "high" | .score = 70 | .sla = "social" | .tags += ["social"] else $r end) as $r
| (if ($intent == "return" or $intent == "exchange" or $intent == "damaged") then $r | .queue = "returns" else $r end) as $r
| (if $intent == "damaged" then $r | .priority = "high" | .score = 70 | .tags += ["damaged"] else $r end) as $r
| (if $intent == "refund" then $r | .queue = "returns" | .tags += ["refund"] else $r end) as $r
| (if $intent == "presale" then $r | .queue = "presale" | .tags += ["revenue"] else $r end) as $r
| (if $intent == "cancel" or $intent == "address_change" then $r | .priority = "high" | .score = 70 | .tags += ["before-shipping"] else $r end) as $r
| (if $sentiment == "negative" and ($r.priority == "normal" or $r.priority == "low") then $r | .priority = "high" | .score = 65 | .tags += ["unhappy"] else $r end) as $r
| (if $intent == "claim" and (.channel == "amazon" or .channel == "ebay" or .channel == "walmart" or .channel == "tiktok")
   then $r | .priority = "urgent" | .score = 95 | .queue = "marketplace-senior" | .sla = "claim" | .tags += ["claim"]
   elif $intent == "claim" then $r | .priority = "urgent" | .score = 90 | .queue = "disputes" | .tags += ["claim"]
   else $r end) as $r
| ({amazon: 24, claim: 24, walmart: 48, tiktok: 12, social: 1}[$r.sla]) as $hours
| ([.messages[]? | select(.direction != "out") | .at][0]) as $first
| . + {lang: $lang, intent: $intent, sentiment: $sentiment, priority: $r.priority,
       priority_score: $r.score, queue: $r.queue, assignee: null, tags: $r.tags,
       sla: {policy: $r.sla,
             first_response_due: (if $hours and $first then add_hours($first; $hours) else null end),
             next_response_due: null, resolution_due: null, breached: []},
       route: {rules: []}}
