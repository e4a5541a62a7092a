# bench/link/long.awk: the records of bench/link/long, fetch stage.
# what=thread: n e-mails of one thread, each replying to the one before
#   (alternately the customer's and the shop's answer);
# what=big: one record of n messages of one customer;
# what=join: n e-mails from that customer replying in its thread, the
#   first numbered from.
function at(i) {
	return sprintf("2026-%02d-%02dT%02d:%02d:%02dZ", 1 + int(i / 2419200) % 12,
		1 + int(i / 86400) % 28, int(i / 3600) % 24, int(i / 60) % 60, i % 60)
}
function msg(id, dir, t) {
	return sprintf("{\"id\":\"%s\",\"direction\":\"%s\",\"author\":\"%s\",\"at\":\"%s\",\"channel\":\"email\",\"text\":\"Hello, this is message %s about my order of a blue wool blanket. It has not arrived yet and the tracking page has said the same thing for a week now. Could you tell me where it is?\"}",
		id, dir, dir == "in" ? "customer" : "agent", t, id)
}
function head(id, t, mid, irt) {
	printf "{\"omni\":1,\"id\":\"%s\",\"channel\":\"email\",\"store\":null,\"kind\":\"message\"," \
		"\"source\":{\"name\":\"bench\",\"external_id\":\"%s\",\"message_id\":\"%s\"%s}," \
		"\"subject\":\"Re: where is my blanket\",\"created_at\":\"%s\",\"updated_at\":\"%s\"," \
		"\"customer\":{\"emails\":[\"long.thread@example.com\"]},\"order_ids\":[]," \
		"\"messages\":[", id, id, mid, irt == "" ? "" : ",\"in_reply_to\":\"" irt "\"",
		t, t
}
function rec(id, t, mid, irt, msgs) {
	head(id, t, mid, irt)
	printf "%s]}\n", msgs
}
BEGIN {
	if (what == "thread") {
		for (i = 0; i < n; i++)
			rec("mail-" i, at(60 * i), "m" i "@bench.example",
			    i ? "m" (i - 1) "@bench.example" : "",
			    msg("mail-" i, i % 2 ? "out" : "in", at(60 * i)))
	} else if (what == "big") {
		head("big", at(0), "big@bench.example", "")
		for (i = 0; i < n; i++)
			printf "%s%s", i ? "," : "", msg("big-" i, i % 2 ? "out" : "in", at(i))
		printf "]}\n"
	} else {
		for (i = from; i < from + n; i++)
			rec("join-" i, at(200000 + 60 * i), "j" i "@bench.example", "big@bench.example",
			    msg("join-" i, "in", at(200000 + 60 * i)))
	}
}
