/* ticket.c - is a record a ticket: the one check of omni-ticket(5)'s
 * fields that every program reading tickets makes (through the reader).
 *
 * A record is a ticket when it has the format version ("omni", a number)
 * and an id (a non-empty string); its channel, where known, is a non-empty
 * string; its times (created_at,
 * updated_at, solved_at and each message's at) are RFC 3339 strings, or
 * null or absent (unknown); messages, where present, is an array of
 * objects.  Anything else is bad input, named by its member, so that no
 * program passes a record another refuses.  Cheap on purpose: a few
 * members by their spans; the messages' times were checked by the parse's
 * one pass (json.c), which notes the first that is wrong. */
#include <string.h>

#include "core/core.h"
#include "record/record.h"
#include "json_scan.h"

static int
refuse(const omni_record *rec, omni_span at, omni_error *err, const char *what,
       const char *member, omni_span v)
{
	long col = at.p ? at.p - rec->text + 1 : 1;

	if (v.p)
		return omni_error_set(err, OMNI_EX_DATAERR, NULL, 0, col,
		                      "not a ticket: %s %s: %.*s", member, what,
		                      (int)(v.n > 40 ? 40 : v.n), v.p), -1;
	return omni_error_set(err, OMNI_EX_DATAERR, NULL, 0, col,
	                      "not a ticket: %s %s (see omni-ticket(5))", member,
	                      what), -1;
}

/* A non-empty string (its quotes and at least one character). */
static int
is_name(omni_span v)
{
	return omni_json_type(v) == OMNI_J_STRING && v.n > 2;
}

static int
same(omni_span a, omni_span b)
{
	return a.p && a.n == b.n && memcmp(a.p, b.p, a.n) == 0;
}

/* An RFC 3339 time, null or absent: 0; otherwise -1.  A ticket's first
 * and last times are mostly its messages' first and last, which the
 * parse has checked already. */
static int
time_ok(const omni_record *rec, omni_span v)
{
	if (!v.p || same(rec->first_at, v) || same(rec->last_at, v))
		return 0;
	return omni_json_time_ok(v.p, v.n) ? 0 : -1;
}

static int
check_messages(const omni_record *rec, omni_error *err)
{
	char member[48];

	if (rec->bad_message.p) {
		snprintf(member, sizeof member, "messages[%zu]", rec->bad_index);
		return refuse(rec, rec->bad_message, err, "is not an object", member,
		              rec->bad_message);
	}
	if (rec->bad_at.p) {
		snprintf(member, sizeof member, "messages[%zu].at", rec->bad_index);
		return refuse(rec, rec->bad_at, err, "is not a time", member, rec->bad_at);
	}
	return 0;
}

/* The members checked, found in one look at the index (the last of a
 * repeated key, as omni_record_get finds it): a name's length, then its
 * bytes. */
enum { M_OMNI, M_ID, M_CHANNEL, M_CREATED, M_UPDATED, M_SOLVED, M_MESSAGES, M_N };
static const char *const names[M_N] = {
	"omni", "id", "channel", "created_at", "updated_at", "solved_at", "messages",
};

static int
which(omni_span k)
{
	int j = -1;

	switch (k.n) {          /* the length settles all but two */
	case 2: j = M_ID; break;
	case 4: j = M_OMNI; break;
	case 7: j = M_CHANNEL; break;
	case 8: j = M_MESSAGES; break;
	case 9: j = M_SOLVED; break;
	case 10: j = k.p[0] == 'c' ? M_CREATED : M_UPDATED; break;
	}
	if (j >= 0 && k.p[0] == names[j][0] && memcmp(k.p, names[j], k.n) == 0)
		return j;
	return -1;
}

static void
find_members(const omni_record *rec, omni_span *v)
{
	int j;

	for (size_t i = 0; i < M_N; i++)
		v[i].p = NULL, v[i].n = 0;
	if (rec->key_escaped) {         /* rare: a key written with escapes */
		for (j = 0; j < M_N; j++)
			v[j] = omni_record_get(rec, names[j]);
		return;
	}
	for (size_t i = 0; i < rec->nmembers; i++)
		if ((j = which(rec->members[i].key)) >= 0)
			v[j] = rec->members[i].value;
}

int
omni_ticket_check(const omni_record *rec, omni_error *err)
{
	omni_span v[M_N], none = { NULL, 0 };

	find_members(rec, v);
	if (!v[M_OMNI].p)
		return refuse(rec, none, err, "is missing (the format version)", "\"omni\"", none);
	if (omni_json_type(v[M_OMNI]) != OMNI_J_NUMBER)
		return refuse(rec, v[M_OMNI], err, "is not a version number", "\"omni\"", v[M_OMNI]);
	if (!v[M_ID].p)
		return refuse(rec, none, err, "is missing", "id", none);
	for (int i = M_ID; i <= M_CHANNEL; i++)   /* a channel may be unknown */
		if (v[i].p && !is_name(v[i]) && (i == M_ID || *v[i].p != 'n'))
			return refuse(rec, v[i], err, "is not a non-empty string", names[i], v[i]);
	for (int i = M_CREATED; i <= M_SOLVED; i++)
		if (time_ok(rec, v[i]) < 0)
			return refuse(rec, v[i], err, "is not a time", names[i], v[i]);
	if (v[M_MESSAGES].p && omni_json_type(v[M_MESSAGES]) != OMNI_J_ARRAY &&
	    omni_json_type(v[M_MESSAGES]) != OMNI_J_NULL)
		return refuse(rec, v[M_MESSAGES], err, "is not an array", "messages", v[M_MESSAGES]);
	return check_messages(rec, err);
}
