/*
 * link_life.c - a ticket's lifecycle as omni-link owns it (omni-ticket(5),
 * "Lifecycle"): new until someone answers, open while the customer waits,
 * pending while the seller waits, solved after a quiet time or when the
 * marketplace says so, closed after another; a customer message reopens a
 * pending or solved ticket, and one on a closed ticket starts a new one;
 * but the answer to a satisfaction request sets csat and reopens nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "link_int.h"

static int
has_message(const omni_record *r, omni_span id)
{
	omni_jiter it;
	omni_span m;

	if (!r || !id.p)
		return 0;
	omni_json_iter(&it, omni_record_get(r, "messages"));
	while (omni_json_next(&it, NULL, &m)) {
		omni_span x = omni_json_get(m, "id");
		if (x.n == id.n && memcmp(x.p, id.p, id.n) == 0)
			return 1;
	}
	return 0;
}

static int
by_text(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Did the store have message id before (a long ticket's record shows its
 * latest only)? */
static int
was_known(const char *const *known, size_t n, omni_span id)
{
	char buf[512];
	const char *key = buf;

	if (!n || omni_json_string_buf(id, buf, sizeof buf) <= 0)
		return 0;
	return bsearch(&key, known, n, sizeof *known, by_text) != NULL;
}

/* The latest customer message and reply of r (not counting those of
 * skip or known), and whether r has customer messages skip lacks. */
static void
scan(const omni_record *r, const omni_record *skip, const char *const *known,
     size_t nknown, omni_time *in, omni_time *out, int *fresh_in, omni_time *replies)
{
	omni_jiter it;
	omni_span m;

	omni_json_iter(&it, omni_record_get(r, "messages"));
	while (omni_json_next(&it, NULL, &m)) {
		omni_span when;
		int c = omni_message_class(m, &when);
		omni_time t = omni_link_at(when);
		if (c == OMNI_MSG_CUSTOMER) {
			if (t > *in)
				*in = t;
			if (skip && !has_message(skip, omni_json_get(m, "id")) &&
			    !was_known(known, nknown, omni_json_get(m, "id")))
				*fresh_in = 1;
		} else if (c == OMNI_MSG_REPLY) {
			if (t > *out)
				*out = t;
			(*replies)++;
		}
	}
}

/* The time of r's latest message of any kind: a platform's notice too. */
static omni_time
latest_at(const omni_record *r)
{
	omni_jiter it;
	omni_span m;
	omni_time latest = 0;

	omni_json_iter(&it, omni_record_get(r, "messages"));
	while (omni_json_next(&it, NULL, &m)) {
		omni_time t = omni_link_at(omni_json_get(m, "at"));
		if (t > latest)
			latest = t;
	}
	return latest;
}

/* Is what the customer wrote to solved ticket prev since its last reply,
 * a satisfaction request, her rating (and nothing else)?  The score; -1
 * when only a machine answered it (an out-of-office, omni-ticket(5)
 * "auto"), which reopens nothing either; or 0. */
static int
csat_answer(const omni_record *in, const omni_record *prev, const char *const *known,
            size_t nknown, char at[40])
{
	omni_jiter it;
	omni_span m, request = { 0 };
	omni_time asked = 0, when = 0;
	int score = 0, machine = 0;

	omni_json_iter(&it, omni_record_get(prev, "messages"));
	while (omni_json_next(&it, NULL, &m)) {
		omni_span t;
		if (omni_message_class(m, &t) == OMNI_MSG_REPLY && omni_link_at(t) >= asked) {
			asked = omni_link_at(t);
			request = m;
		}
	}
	if (!request.p || !omni_json_string_eq(omni_json_get(request, "template"), "csat"))
		return 0;
	omni_json_iter(&it, omni_record_get(in, "messages"));
	while (omni_json_next(&it, NULL, &m)) {
		omni_span t;
		int c = omni_message_class(m, &t), s = 0;
		if (c == OMNI_MSG_REPLY && omni_link_at(t) > asked)
			return 0;     /* answered since */
		if (c != OMNI_MSG_CUSTOMER || has_message(prev, omni_json_get(m, "id")) ||
		    was_known(known, nknown, omni_json_get(m, "id")))
			continue;
		omni_span a = omni_json_get(m, "auto");
		if (omni_json_type(a) == OMNI_J_ARRAY && omni_json_at(a, 0).p &&
		    omni_link_at(t) >= asked) {
			machine = 1;  /* a machine's answer to the request */
			continue;
		}
		size_t n = 0;
		char *text = omni_json_string(omni_json_get(m, "text"), &n);
		int ok = omni_link_at(t) >= asked && omni_link_csat_answer(text, n, &s);
		free(text);
		if (!ok)
			return 0;     /* words that are more than a rating: a request */
		if (omni_link_at(t) >= when) {
			when = omni_link_at(t);
			score = s;
		}
	}
	if (score)
		omni_time_format(when, at);
	return score ? score : machine ? -1 : 0;
}

void
omni_link_life(const omni_record *in, const omni_record *prev, const char *const *known,
               size_t nknown, omni_link_state *s)
{
	char was[16] = "", said[16] = "";
	omni_time last_in = 0, last_out = 0, replies = 0;
	int64_t reopens = 0;
	int fresh = !prev;

	memset(s, 0, sizeof *s);
	if (prev) {
		omni_json_string_buf(omni_record_get(prev, "status"), was, sizeof was);
		omni_json_int64(omni_record_get(prev, "reopens"), &reopens);
		omni_json_string_buf(omni_record_get(prev, "solved_at"), s->solved_at,
		                     sizeof s->solved_at);
		scan(prev, NULL, NULL, 0, &last_in, &last_out, &fresh, &replies);
		/* the replies a long ticket's record leaves out */
		omni_earlier e;
		if (omni_earlier_read(omni_record_get(prev, "earlier"), &e) == 0)
			replies += e.replies;
	}
	scan(in, prev, known, nknown, &last_in, &last_out, &fresh, &replies);
	omni_json_string_buf(omni_record_get(in, "status"), said, sizeof said);
	s->reopens = reopens;
	s->woken = prev && fresh;    /* a snoozed ticket comes back (omni-desk(1)) */
	if (strcmp(said, "solved") == 0 || strcmp(said, "closed") == 0) {
		/* the platform closed it (a claim decided, a case resolved), when
		 * its notice came */
		snprintf(s->status, sizeof s->status, "%s", said);
		if (!s->solved_at[0] && omni_json_string_buf(omni_record_get(in, "solved_at"),
		                                             s->solved_at, sizeof s->solved_at) <= 0)
			omni_time_format(latest_at(in), s->solved_at);
		return;
	}
	if (strcmp(was, "closed") == 0 || (strcmp(was, "solved") == 0 && !(fresh && prev))) {
		snprintf(s->status, sizeof s->status, "%s", was);
		return;
	}
	int rated = strcmp(was, "solved") == 0 ? csat_answer(in, prev, known, nknown, s->csat_at) : 0;
	if (rated) {
		s->csat = rated > 0 ? rated : 0;
		snprintf(s->status, sizeof s->status, "solved");   /* rated, not reopened */
		return;
	}
	if (strcmp(was, "solved") == 0) {
		s->reopens = reopens + 1;     /* the customer wrote again */
		s->solved_at[0] = '\0';
		snprintf(s->status, sizeof s->status, "open");
		return;
	}
	s->solved_at[0] = '\0';
	snprintf(s->status, sizeof s->status, "%s",
	         !replies ? "new" : last_in > last_out ? "open" : "pending");
}
