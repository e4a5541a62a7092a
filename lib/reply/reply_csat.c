/*
 * reply_csat.c - the satisfaction request ([reply] csat, omni-reply(1),
 * "Satisfaction"): which solved ticket gets one, once, on its channel's
 * rules; its ledger key is the ticket's alone, so no text, thread or
 * recipient that changes later sends a second.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "record/record.h"
#include "store/store.h"
#include "reply/reply.h"

static const char *const not_requests[] = {
	"autoreply", "marketing", "spam", "notification", "invoice", NULL,
};

static int
one_of(omni_span v, const char *const *list)
{
	for (int i = 0; list[i]; i++)
		if (omni_json_string_eq(v, list[i]))
			return 1;
	return 0;
}

int
omni_reply_csat_request(const json_t *reply)
{
	const char *t = json_string_value(json_object_get(reply, "template"));
	return t && strcmp(t, "csat") == 0;
}

void
omni_reply_csat_key(const omni_record *rec, char key[65])
{
	char *tid = omni_json_string(omni_record_get(rec, "id"), NULL), *buf = NULL;
	int n = asprintf(&buf, "csat\n%s", tid ? tid : "");

	omni_sha256_hex(n < 0 ? "" : buf, n < 0 ? 0 : (size_t)n, key);
	free(buf);
	free(tid);
}

int
omni_reply_csat_due(omni_reply_view *v, omni_store *s, const char **why, omni_error *err)
{
	const omni_record *rec = omni_reply_view_record(v);
	omni_span msgs = omni_record_get(rec, "messages"), m, last_in = { 0 };
	omni_span ch = omni_record_get(rec, "channel");
	char chbuf[32];
	size_t replies = 0;

	*why = NULL;
	if (!omni_json_string_eq(omni_record_get(rec, "status"), "solved"))
		return *why = "not solved", 0;
	/* Amazon: a seller may not ask for feedback in a message */
	if (omni_json_string_eq(ch, "amazon"))
		return *why = "Amazon takes no request for feedback", 0;
	if (omni_json_type(omni_record_get(rec, "csat")) == OMNI_J_OBJECT)
		return *why = "rated already", 0;
	if (one_of(omni_record_get(rec, "intent"), not_requests) ||
	    one_of(omni_record_get(rec, "kind"), not_requests))
		return *why = "not a request", 0;
	if (omni_json_string_eq(omni_record_get(rec, "kind"), "claim") ||
	    omni_json_string_eq(omni_record_get(rec, "intent"), "claim"))
		return *why = "a claim", 0;
	omni_jiter it;
	omni_json_iter(&it, msgs);
	while (omni_json_next(&it, NULL, &m)) {
		int c = omni_message_class(m, NULL);
		if (c == OMNI_MSG_REPLY) {
			if (omni_json_string_eq(omni_json_get(m, "template"), "csat"))
				return *why = "asked already", 0;
			replies++;
		} else if (c == OMNI_MSG_CUSTOMER) {
			last_in = m;
		}
	}
	if (!last_in.p)
		return *why = "no message from the customer", 0;
	if (!replies)
		return *why = "never answered", 0;
	/* Instagram and Messenger take a message from the business only within
	 * 24 hours of the customer's last (the request is no human agent's
	 * answer): a ticket solved after that (--solve-after is days) gets
	 * none, rather than a request blocked by the window on every run */
	if (omni_json_string_buf(ch, chbuf, sizeof chbuf) <= 0)
		chbuf[0] = '\0';
	if (omni_reply_lint_needs(chbuf) == OMNI_LINT_WINDOW) {
		char at[64];
		omni_time t;
		if (omni_json_string_buf(omni_json_get(last_in, "at"), at, sizeof at) <= 0 ||
		    omni_time_parse(at, &t) < 0 || omni_clock_now() - t > 24 * 3600 * 1000LL)
			return *why = "past the channel's 24-hour window since the customer's last "
			              "message: no message can go out", 0;
	}
	/* a machine's mail (omni-ticket(5) "auto"), or an address that takes
	 * no reply */
	omni_span a = omni_json_get(last_in, "auto");
	if (omni_json_type(a) == OMNI_J_ARRAY && omni_json_at(a, 0).p)
		return *why = "automatic mail (RFC 3834)", 0;
	char *from = omni_json_string(omni_json_get(last_in, "from"), NULL);
	int machine = omni_reply_no_reply(from, 1);
	free(from);
	if (machine)
		return *why = "the sender takes no automatic mail", 0;
	/* once a ticket: a request the ledger has, in any state */
	if (s) {
		char key[65];
		omni_ledger_entry e;
		omni_reply_csat_key(rec, key);
		int found = omni_ledger_get(s, key, &e, err);
		if (found < 0)
			return -1;
		if (found) {
			omni_ledger_entry_free(&e);
			return *why = "asked already", 0;
		}
	}
	return 1;
}

int
omni_reply_csat_answer(const omni_record *rec)
{
	omni_span c = omni_record_get(rec, "csat"), m;
	omni_jiter it;
	char at[64], last[64] = "";

	if (omni_json_type(c) != OMNI_J_OBJECT ||
	    omni_json_string_buf(omni_json_get(c, "at"), at, sizeof at) <= 0)
		return 0;
	omni_json_iter(&it, omni_record_get(rec, "messages"));
	while (omni_json_next(&it, NULL, &m)) {
		omni_span when;
		char t[64];
		if (omni_message_class(m, &when) == OMNI_MSG_CUSTOMER &&
		    omni_json_string_buf(when, t, sizeof t) > 0 && strcmp(t, last) > 0)
			snprintf(last, sizeof last, "%s", t);
	}
	omni_time a, l;
	return last[0] && omni_time_parse_rfc3339(at, &a) == 0 &&
	       omni_time_parse_rfc3339(last, &l) == 0 && a == l;
}
