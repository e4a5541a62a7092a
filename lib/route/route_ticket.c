/* route_ticket.c - reading one ticket for omni-route: the members the
 * rules and clocks need, found in one pass over the record, and the
 * messages walked once for both the classifier's text and the SLA clocks. */
#include <stdio.h>
#include <string.h>

#include "core/core.h"
#include "record/record.h"
#include "route/route.h"
#include "route/route_int.h"

static omni_time
time_of(omni_span v)
{
	char b[64];
	omni_time t;

	if (omni_json_string_buf(v, b, sizeof b) < 0 || omni_time_parse(b, &t) < 0)
		return 0;
	return t;
}

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

/* One message: its text appended to the customer's when it is theirs, its
 * time and author kept for the clocks; the latest request starts again
 * after a reply and takes each message the customer wrote.  The new
 * length of text. */
static size_t
read_message(omni_route *r, omni_span m, char *text, size_t n, size_t size)
{
	omni_jiter mi;
	omni_span key, v, body = { 0 };
	omni_rmsg msg = { 0 };
	int machine = 0;
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
		else if ((c == 'a' || any) && omni_json_key_eq(key, "auto")) {
			/* why a machine wrote it (omni-fetch's RFC 3834 flags) */
			omni_jiter fi;
			omni_span flag;
			omni_json_iter(&fi, v);
			while (omni_json_next(&fi, NULL, &flag)) {
				machine = 1;
				if (omni_json_string_eq(flag, "out-of-office"))
					r->out_of_office = 1;
			}
		}
	}
	if (!msg.out) {
		if (machine || msg.author == 3)
			r->nfrom_system++;
		else if (msg.author <= 1)
			r->nfrom_customer++;
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

static int
non_request(const char *intent)
{
	static const char *const kinds[] = { "autoreply", "marketing", "spam", "notification",
	                                     "invoice", NULL };
	for (int i = 0; kinds[i]; i++)
		if (strcmp(intent, kinds[i]) == 0)
			return 1;
	return 0;
}

/* A ticket only the system wrote (notice 1, or 2 when an out-of-office)
 * is no customer's request, whatever its words: the model's non-request
 * when it is sure of one, else autoreply or notification. */
static const char *
decide_notice(omni_route *r, int notice, const omni_guess *g, omni_model *model,
              double threshold, const omni_tokens *t, const char *text, size_t n, int explain,
              double *confidence, const char **why)
{
	const char *intent = notice == 2 ? "autoreply" : "notification";
	char b[1200];
	int k;

	if (model) {
		omni_model_guess mg;
		omni_model_classify_tokens(model, g->lang, t, text, n, explain, &mg);
		if (non_request(mg.intent) && mg.confidence >= threshold) {
			*confidence = mg.confidence;
			*why = mg.why;
			return mg.intent;
		}
	}
	if (explain) {
		k = snprintf(b, sizeof b, "intent %s 1.00: written by the system, not a customer%s",
		             intent, notice == 2 ? " (out-of-office)" : "");
		*why = omni_route_keep(r, b, k > 0 ? (size_t)k : 0);
	}
	return intent;
}

/* The intent of text, whose words g and t hold: a kind of claim or return
 * (the marketplace's own notice says what it is), else, for a notice the
 * system wrote, a non-request (decide_notice), else a phrase of the
 * lexicons (the seller's own rule), else the model's guess when its
 * confidence is at least threshold, else, when ask is set, r->ask's
 * second opinion, else "other"; a review that says
 * nothing else is feedback.  *confidence and, with explain, *why. */
static const char *
decide(omni_route *r, const char *kind, int notice, int ask, const omni_guess *g,
       omni_model *model, double threshold, const omni_tokens *t, const char *text, size_t n, int explain,
       double *confidence, const char **why)
{
	const char *intent;

	*why = NULL;
	*confidence = 1;
	if (strcmp(kind, "claim") == 0 || strcmp(kind, "return") == 0) {
		intent = strcmp(kind, "claim") == 0 ? "claim" : "return";
		if (explain)
			*why = strcmp(kind, "claim") == 0 ? "intent claim 1.00: kind claim" :
			       "intent return 1.00: kind return";
	} else if (notice) {
		intent = decide_notice(r, notice, g, model, threshold, t, text, n, explain,
		                       confidence, why);
	} else if (strcmp(g->intent, "other") != 0) {
		intent = g->intent;
		if (explain) {
			char b[128];
			int k = snprintf(b, sizeof b, "intent %s 1.00: lexicon phrases %.1f",
			                 g->intent, g->intent_score);
			*why = omni_route_keep(r, b, k > 0 ? (size_t)k : 0);
		}
	} else if (model) {
		omni_model_guess mg;
		const char *second = NULL;
		omni_model_classify_tokens(model, g->lang, t, text, n, explain, &mg);
		intent = mg.confidence >= threshold ? mg.intent : "other";
		*confidence = mg.confidence;
		*why = mg.why;
		if (mg.confidence < threshold && ask && r->ask &&
		    (second = r->ask(r->ask_arg, model, g->lang, text, n))) {
			intent = second;
		}
		if (mg.why && mg.confidence < threshold) {
			char b[1200];
			int k = second ?
				snprintf(b, sizeof b, "intent %s: a second opinion, the model under the "
				         "threshold %.2f, %s", second, threshold, mg.why) :
				snprintf(b, sizeof b, "intent other: under the threshold %.2f, %s",
				         threshold, mg.why);
			*why = omni_route_keep(r, b, k > 0 ? (size_t)k < sizeof b ? (size_t)k : sizeof b - 1 : 0);
		}
	} else {
		intent = "other";
		*confidence = 0;
	}
	if (strcmp(kind, "review") == 0 && strcmp(intent, "other") == 0)
		intent = "feedback";
	return intent;
}

void
omni_route_read(omni_route *r, const omni_record *rec, const omni_lexicon *lx,
                omni_model *model, double threshold, char *text, size_t size)
{
	const char *const *keys = omni_rules_keys;
	static omni_tokens tokens;
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
	r->claim = 0;
	r->nfrom_customer = r->nfrom_system = 0;
	r->out_of_office = 0;
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
	omni_lexicon_classify_tokens(lx, text, n, &g, &tokens);
	r->lang = g.lang;
	r->sentiment = g.sentiment;
	if (omni_json_string_buf(omni_route_member(r, "kind"), kind, sizeof kind) <= 0)
		kind[0] = 0;
	/* a notice: what only the system wrote, in a message (a proactive
	 * ticket is the seller's own word to a customer, a wismo) */
	int notice = r->nfrom_system && !r->nfrom_customer &&
	             (!*kind || strcmp(kind, "message") == 0) ? 1 + r->out_of_office : 0;
	r->intent = decide(r, kind, notice, 1, &g, model, threshold, &tokens, text, n, r->explain,
	                   &r->intent_confidence, &r->intent_why);
	/* the latest request, classified on its own words the same way */
	r->latest_text[r->latest_len] = 0;
	memset(&r->latest, 0, sizeof r->latest);
	if (r->nlatest) {
		static omni_tokens latest_tokens;
		double confidence;
		const char *why;
		omni_lexicon_classify_tokens(lx, r->latest_text, r->latest_len, &r->latest,
		                             &latest_tokens);
		r->latest.intent = decide(r, kind, 0, 0, &r->latest, model, threshold, &latest_tokens,
		                          r->latest_text, r->latest_len, 0, &confidence, &why);
	}
	r->claim = strcmp(kind, "claim") == 0;
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
	t->claim = r->claim;
	/* the tags as the rules left them */
	for (size_t i = 0; i < r->ntags && !t->no_response; i++)
		t->no_response = strcmp(r->tags[i], "no-response-needed") == 0;
}
