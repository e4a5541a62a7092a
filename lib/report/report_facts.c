/* report_facts.c - what omni-report needs of one ticket.
 *
 * Reads a dozen members through the lazy reader and never decodes message
 * text: each message is walked for its direction, author and time only.
 * Messages are taken in time order, whatever their order in the array, and
 * times are compared as instants, whatever their offsets. */
#include <string.h>

#include "core/core.h"
#include "record/record.h"
#include "report/report.h"

#define WEEK_MS (7LL * 24 * 3600 * 1000)

uint64_t
omni_rfacts_hash(const char *p, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	while (n--)
		h = (h ^ (unsigned char)*p++) * 0x100000001b3ULL;
	/* a final mix, so that the low bits index a table well */
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	return h ? h : 1;
}

/* A time member: OMNI_TIME_NONE when absent or null; -1 when not a time. */
static int
read_time(omni_span v, omni_time *t)
{
	char buf[64];

	*t = OMNI_TIME_NONE;
	if (!v.p || omni_json_type(v) == OMNI_J_NULL)
		return 0;
	if (omni_json_string_buf(v, buf, sizeof buf) < 0 ||
	    omni_time_parse_rfc3339(buf, t) < 0)
		return -1;
	return 0;
}

static int
bad_time(const omni_record *rec, omni_span v, const char *what, omni_error *err)
{
	return omni_error_set(err, OMNI_EX_DATAERR, NULL, 0, v.p - rec->text + 1,
	                      "%s is not a time: %.*s", what,
	                      (int)(v.n > 40 ? 40 : v.n), v.p), -1;
}

/* First customer message, first reply at or after it, replies counted.
 * The array may be in any order, so the replies are judged once the first
 * customer message is known: from the times remembered on the one walk,
 * or, past MAX_REPLIES of them, on a second walk. */
#define MAX_REPLIES 64

/* A reply at or after the first customer message: the first reply, and
 * the first by a person when its author is one. */
static int
reply_time(const omni_record *rec, omni_rfacts *f, omni_span at, int person, omni_error *err)
{
	omni_time t;

	if (read_time(at, &t) < 0)
		return bad_time(rec, at, "message time", err);
	if (t != OMNI_TIME_NONE && t >= f->first_in &&
	    (f->first_reply == OMNI_TIME_NONE || t < f->first_reply))
		f->first_reply = t;
	if (person && t != OMNI_TIME_NONE && t >= f->first_in &&
	    (f->first_person == OMNI_TIME_NONE || t < f->first_person))
		f->first_person = t;
	return 0;
}

static int
by_person(omni_span m)
{
	return omni_json_string_eq(omni_json_get(m, "author"), "agent");
}

/* A long ticket's messages left out of its record (omni-ticket(5), "Long
 * tickets") count as if they were there: their replies, their first
 * customer message, and their first reply at or after it.  claim: the
 * ticket is a marketplace's claim, whose notice (author system,
 * omni-fetch(1)) wants an answer as a customer's message does. */
static int
read_messages(omni_span msgs, omni_span earlier, const omni_record *rec,
              omni_rfacts *f, int claim, omni_error *err)
{
	omni_span m, at, replies[MAX_REPLIES];
	char person[MAX_REPLIES];
	size_t n = 0, i, shown = 0;
	omni_jiter it;
	omni_time t;
	omni_earlier e;
	int cls;

	if (omni_earlier_read(earlier, &e) < 0)
		return omni_error_set(err, OMNI_EX_DATAERR, NULL, 0, earlier.p - rec->text + 1,
		                      "earlier is not what omni-ticket(5) says"), -1;
	f->replies = (uint16_t)e.replies;
	f->first_in = e.first_customer;
	omni_json_iter(&it, msgs);
	while (omni_json_next(&it, NULL, &m)) {
		cls = omni_message_class(m, &at);
		/* a satisfaction request (omni-reply(1)) answers nothing */
		if (cls == OMNI_MSG_REPLY && omni_json_string_eq(omni_json_get(m, "template"), "csat"))
			continue;
		if (cls == OMNI_MSG_REPLY) {
			if (n < MAX_REPLIES) {
				person[n] = (char)by_person(m);
				replies[n++] = at;
			}
			f->replies++;
			shown++;
		} else if (cls == OMNI_MSG_CUSTOMER ||
		           (claim && omni_json_string_eq(omni_json_get(m, "direction"), "in"))) {
			if (read_time(at, &t) < 0)
				return bad_time(rec, at, "message time", err);
			if (t != OMNI_TIME_NONE && (f->first_in == OMNI_TIME_NONE || t < f->first_in))
				f->first_in = t;
		}
	}
	if (f->first_in == OMNI_TIME_NONE)
		return 0;
	if (e.first_reply != OMNI_TIME_NONE && e.first_reply >= f->first_in)
		f->first_reply = e.first_reply;
	if (e.first_agent != OMNI_TIME_NONE && e.first_agent >= f->first_in)
		f->first_person = e.first_agent;
	if (shown <= MAX_REPLIES) {
		for (i = 0; i < n; i++)
			if (reply_time(rec, f, replies[i], person[i], err) < 0)
				return -1;
		return 0;
	}
	omni_json_iter(&it, msgs);
	while (omni_json_next(&it, NULL, &m))
		if (omni_message_class(m, &at) == OMNI_MSG_REPLY &&
		    !omni_json_string_eq(omni_json_get(m, "template"), "csat") &&
		    reply_time(rec, f, at, by_person(m), err) < 0)
			return -1;
	return 0;
}

/* What people did (the desk member's actions, in the order made).  An
 * answer is a person's reply: the first at or after the first customer
 * message is a first response by a person when no message says so
 * earlier (a long ticket's record may leave that message out).  The
 * handling time is, over the ticket's answers, the sum of the time from
 * the answerer's first action since the previous answer (opening the
 * answer in the editor, an assignment, a note, a tag...) to the answer. */
#define MAX_WHO 16

static int
read_desk(omni_span desk, const omni_record *rec, omni_rfacts *f, omni_error *err)
{
	struct { omni_span who; omni_time first; } seen[MAX_WHO];
	size_t nseen = 0, i;
	omni_jiter it;
	omni_span a, at, who;
	omni_time t;

	omni_json_iter(&it, omni_json_get(desk, "actions"));
	while (omni_json_next(&it, NULL, &a)) {
		at = omni_json_get(a, "at");
		who = omni_json_get(a, "who");
		if (read_time(at, &t) < 0)
			return bad_time(rec, at, "desk action time", err);
		if (t == OMNI_TIME_NONE || omni_json_type(who) != OMNI_J_STRING)
			continue;
		for (i = 0; i < nseen; i++)
			if (seen[i].who.n == who.n && !memcmp(seen[i].who.p, who.p, who.n))
				break;
		if (i == nseen && nseen < MAX_WHO) {
			seen[nseen].who = who;
			seen[nseen++].first = t;
		} else if (i < nseen && t < seen[i].first) {
			seen[i].first = t;
		}
		if (!omni_json_string_eq(omni_json_get(a, "verb"), "answer"))
			continue;
		if (f->first_in != OMNI_TIME_NONE && t >= f->first_in &&
		    (f->first_person == OMNI_TIME_NONE || t < f->first_person))
			f->first_person = t;
		if (f->handling < 0)
			f->handling = 0;
		if (i < nseen)
			f->handling += t - seen[i].first;
		nseen = 0;
	}
	return 0;
}

/* Linked orders: refunds and their reasons, late or failed deliveries. */
static int
read_orders(omni_span orders, const omni_record *rec, omni_rfacts *f,
            int (*intern)(const char *, size_t, void *), void *arg,
            omni_error *err)
{
	omni_jiter it, fi, ri;
	omni_span o, x, reason;
	char buf[256];
	long n;
	int idx;

	omni_json_iter(&it, orders);
	while (omni_json_next(&it, NULL, &o)) {
		int fulfilled = 0, late = 0;

		f->flags |= OMNI_RF_ORDER;
		omni_json_iter(&ri, omni_json_get(o, "refunds"));
		while (omni_json_next(&ri, NULL, &x)) {
			f->flags |= OMNI_RF_REFUND;
			reason = omni_json_get(x, "reason");
			n = omni_json_string_buf(reason, buf, sizeof buf);
			if (n < 0)
				n = snprintf(buf, sizeof buf, "%s", "unknown");
			if ((idx = intern(buf, (size_t)n, arg)) < 0)
				return omni_error_oom(err), -1;
			if (!f->nreasons)
				f->reasons = (uint32_t)idx;
			f->nreasons++;
		}
		omni_json_iter(&fi, omni_json_get(o, "fulfillments"));
		while (omni_json_next(&fi, NULL, &x)) {
			omni_time d, e;
			fulfilled = 1;
			if (omni_json_string_eq(omni_json_get(x, "status"), "exception"))
				late = 1;
			if (read_time(omni_json_get(x, "delivered_at"), &d) < 0 ||
			    read_time(omni_json_get(x, "estimated_at"), &e) < 0)
				return bad_time(rec, x, "fulfilment time", err);
			if (d != OMNI_TIME_NONE && e != OMNI_TIME_NONE && d > e)
				late = 1;
		}
		f->orders += fulfilled;
		f->late += late;
	}
	return 0;
}

static void
read_csat(omni_span c, omni_rfacts *f)
{
	double score, scale = 5;

	if (omni_json_number(omni_json_get(c, "score"), &score) < 0)
		return;
	if (omni_json_number(omni_json_get(c, "scale"), &scale) < 0 || scale <= 0)
		scale = 5;
	f->flags |= OMNI_RF_RATED;
	if (score >= 0.8 * scale - 1e-9)
		f->flags |= OMNI_RF_SATISFIED;
}

/* A repeat contact: link's history names another ticket of the customer
 * created in the seven days before this one. */
static void
read_history(omni_span history, omni_rfacts *f)
{
	omni_jiter it;
	omni_span h;
	omni_time t;

	if (f->created == OMNI_TIME_NONE)
		return;
	omni_json_iter(&it, history);
	while (omni_json_next(&it, NULL, &h))
		if (read_time(omni_json_get(h, "created_at"), &t) == 0 &&
		    t != OMNI_TIME_NONE && t < f->created && t >= f->created - WEEK_MS) {
			f->flags |= OMNI_RF_REPEAT;
			return;
		}
}

/* The members read, found in one walk over the record's index: a key is
 * matched by its length first, then its bytes (a key written with escapes
 * is not recognised).  The last of a repeated key wins. */
enum { F_ID, F_UPDATED, F_CREATED, F_SOLVED, F_SLA, F_INTENT, F_CSAT,
       F_HISTORY, F_MESSAGES, F_ORDERS, F_CUSTOMER, F_REOPENS, F_KIND, F_EARLIER, F_DESK, F_N };

static void
index_members(const omni_record *rec, omni_span *v)
{
	static const char *const names[F_N] = { "id", "updated_at", "created_at",
		"solved_at", "sla", "intent", "csat", "history", "messages", "orders",
		"customer", "reopens", "kind", "earlier", "desk" };
	static size_t lens[F_N];
	size_t i, k;

	if (!lens[0])
		for (k = 0; k < F_N; k++)
			lens[k] = strlen(names[k]);
	memset(v, 0, F_N * sizeof *v);
	for (i = 0; i < rec->nmembers; i++) {
		omni_span key = rec->members[i].key;
		for (k = 0; k < F_N; k++)
			if (key.n == lens[k] && !memcmp(key.p, names[k], key.n)) {
				v[k] = rec->members[i].value;
				break;
			}
	}
}

int
omni_rfacts_read(const omni_record *rec, omni_rfacts *f,
                 int (*intern)(const char *reason, size_t len, void *arg),
                 void *arg, omni_error *err)
{
	static const int times[] = { F_UPDATED, F_CREATED, F_SOLVED };
	static const char *const names[] = { "updated_at", "created_at", "solved_at" };
	omni_time *slots[] = { &f->updated, &f->created, &f->solved };
	omni_span m[F_N], v, cust;
	size_t i;

	index_members(rec, m);
	memset(f, 0, sizeof *f);
	f->first_in = f->first_reply = f->due = f->first_person = OMNI_TIME_NONE;
	f->handling = -1;
	f->id = m[F_ID].p ? omni_rfacts_hash(m[F_ID].p, m[F_ID].n) : 0;
	cust = omni_json_get(m[F_CUSTOMER], "id");
	f->customer = omni_json_type(cust) == OMNI_J_STRING ? omni_rfacts_hash(cust.p, cust.n) : 0;
	for (i = 0; i < 3; i++)
		if (read_time(m[times[i]], slots[i]) < 0)
			return bad_time(rec, m[times[i]], names[i], err);
	v = omni_json_get(m[F_SLA], "first_response_due");
	if (read_time(v, &f->due) < 0)
		return bad_time(rec, v, "sla.first_response_due", err);
	if (omni_json_string_eq(m[F_INTENT], "wismo"))
		f->flags |= OMNI_RF_WISMO;
	if (omni_json_type(m[F_REOPENS]) == OMNI_J_NUMBER && m[F_REOPENS].p[0] != '0' &&
	    m[F_REOPENS].p[0] != '-')
		f->flags |= OMNI_RF_REOPENED;
	read_csat(m[F_CSAT], f);
	read_history(m[F_HISTORY], f);
	if (read_messages(m[F_MESSAGES], m[F_EARLIER], rec, f,
	                  omni_json_string_eq(m[F_KIND], "claim"), err) < 0 ||
	    read_desk(m[F_DESK], rec, f, err) < 0)
		return -1;
	return read_orders(m[F_ORDERS], rec, f, intern, arg, err);
}
