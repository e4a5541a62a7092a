/* route_ticket.c - reading one ticket for omni-route: the members the
 * rules and clocks need, found in one pass over the record, and the
 * messages walked once for both the classifier's text and the SLA clocks. */
#include <string.h>

#include "core/core.h"
#include "record/record.h"
#include "route/route.h"

static omni_time
time_of(omni_span v)
{
	char b[64];
	omni_time t;

	if (omni_json_string_buf(v, b, sizeof b) < 0 || omni_time_parse(b, &t) < 0)
		return 0;
	return t;
}

/* One message: its text appended to the customer's when it is theirs, its
 * time and author kept for the clocks; the latest request starts again
 * after a reply and takes each message the customer wrote.  The new
 * length of text. */
/* The latest request: a reply (out, by an agent or the bot) ends the one
 * before; a message of the customer's (in, author customer or none) joins
 * it, its text into r->latest_text. */
static void
latest(omni_route *r, omni_rmsg msg, omni_span body)
{
	size_t size = sizeof r->latest_text;
	long k;

	if (msg.out && msg.author == 2) {
		r->nlatest = 0;
		r->latest_len = 0;
		return;
	}
	if (msg.out || (msg.author != 0 && msg.author != 1))
		return;
	r->nlatest++;
	if (!body.p || r->latest_len + 2 >= size)
		return;
	r->latest_text[r->latest_len++] = '\n';
	if ((k = omni_json_string_buf(body, r->latest_text + r->latest_len, size - r->latest_len)) > 0)
		r->latest_len += (size_t)k;
}

static size_t
read_message(omni_route *r, omni_span m, char *text, size_t n, size_t size)
{
	omni_jiter mi;
	omni_span key, v, body = { 0 };
	omni_rmsg msg = { 0 };
	long k;

	omni_json_iter(&mi, m);
	while (omni_json_next(&mi, &key, &v)) {
		/* the first letter settles most keys; an escaped one is compared */
		char c = key.n ? key.p[0] : 0, any = c == '\\';
		if ((c == 'a' || any) && omni_json_key_eq(key, "at"))
			msg.at = time_of(v);
		else if ((c == 'd' || any) && omni_json_key_eq(key, "direction"))
			msg.out = omni_json_string_eq(v, "out");
		else if ((c == 't' || any) && omni_json_key_eq(key, "text"))
			body = v;
		else if ((c == 'a' || any) && omni_json_key_eq(key, "author"))
			msg.author = omni_json_string_eq(v, "customer") ? 1 :
			             omni_json_string_eq(v, "agent") ||
			             omni_json_string_eq(v, "bot") ? 2 : 3;
		else if ((c == 'n' || any) && omni_json_key_eq(key, "no_response_needed"))
			msg.no_response = v.n == 4 && memcmp(v.p, "true", 4) == 0;
	}
	if (msg.at && r->nmsgs < OMNI_ROUTE_MSGS)
		r->msgs[r->nmsgs++] = msg;
	latest(r, msg, body);
	if (msg.out || !body.p || n + 2 >= size)
		return n;
	text[n++] = '\n';
	if ((k = omni_json_string_buf(body, text + n, size - n)) > 0)
		n += (size_t)k;
	return n;
}

static const char *
keep_string(omni_route *r, omni_span v, size_t max)
{
	char b[256];
	long k = omni_json_string_buf(v, b, max < sizeof b ? max : sizeof b);
	return k >= 0 ? omni_route_keep(r, b, (size_t)k) : NULL;
}

void
omni_route_read(omni_route *r, const omni_record *rec, const omni_lexicon *lx,
                char *text, size_t size)
{
	const char *const *keys = omni_rules_keys;
	omni_guess g;
	char kind[32];
	size_t n = 0;
	omni_jiter it;
	omni_span m;
	long k;

	omni_route_clear(r);
	r->rec = rec;
	r->now = omni_clock_now();
	r->nmsgs = r->nlatest = r->latest_len = 0;
	omni_route_index(r, keys);
	if ((k = omni_json_string_buf(omni_route_member(r, "subject"), text, size / 4)) > 0)
		n = (size_t)k;
	/* A long ticket's messages left out of its record (omni-ticket(5),
	 * "Long tickets"): its first customer message and first reply still
	 * start and stop the first response clock. */
	omni_earlier e;
	if (omni_earlier_read(omni_route_member(r, "earlier"), &e) == 0) {
		if (e.first_customer != OMNI_TIME_NONE)
			r->msgs[r->nmsgs++] = (omni_rmsg){ .at = e.first_customer, .author = 1 };
		if (e.first_reply != OMNI_TIME_NONE)
			r->msgs[r->nmsgs++] = (omni_rmsg){ .at = e.first_reply, .out = 1, .author = 2 };
	}
	omni_json_iter(&it, omni_route_member(r, "messages"));
	while (omni_json_next(&it, NULL, &m))
		n = read_message(r, m, text, n, size);
	text[n] = 0;
	r->text = text;
	r->created = time_of(omni_route_member(r, "created_at"));
	r->updated = time_of(omni_route_member(r, "updated_at"));
	r->status = keep_string(r, omni_route_member(r, "status"), 32);
	omni_lexicon_classify(lx, text, n, &g);
	r->lang = g.lang;
	r->intent = g.intent;
	r->sentiment = g.sentiment;
	r->latest_text[r->latest_len] = 0;
	memset(&r->latest, 0, sizeof r->latest);
	if (r->nlatest)
		omni_lexicon_classify(lx, r->latest_text, r->latest_len, &r->latest);
	if (omni_json_string_buf(omni_route_member(r, "kind"), kind, sizeof kind) > 0) {
		if (strcmp(kind, "claim") == 0)
			r->intent = r->latest.intent = "claim";
		else if (strcmp(kind, "return") == 0)
			r->intent = r->latest.intent = "return";
		else if (strcmp(kind, "review") == 0 && strcmp(r->intent, "other") == 0)
			r->intent = "feedback";
	}
	r->priority = "normal";
	r->score = 50;
	r->queue = r->policy = NULL;
	/* an assignee the ticket comes with is kept, unless a rule names one */
	r->assignee = keep_string(r, omni_route_member(r, "assignee"), 256);
	if (r->assignee && !*r->assignee)
		r->assignee = NULL;
	omni_json_iter(&it, omni_route_member(r, "tags"));
	while (r->ntags < OMNI_ROUTE_MAX && omni_json_next(&it, NULL, &m))
		if ((r->tags[r->ntags] = keep_string(r, m, 256)))
			r->ntags++;
}

void
omni_route_sla_ticket(const omni_route *r, omni_sla_ticket *t)
{
	memset(t, 0, sizeof *t);
	t->now = r->now;
	t->created = r->created;
	t->solved = time_of(omni_route_member(r, "solved_at"));
	t->status = r->status;
	t->msgs = r->msgs;
	t->nmsgs = r->nmsgs;
	/* the tags as the rules left them */
	for (size_t i = 0; i < r->ntags && !t->no_response; i++)
		t->no_response = strcmp(r->tags[i], "no-response-needed") == 0;
}
