/* message.c - what a message of a ticket is, read in one walk. */
#include <string.h>

#include "core/core.h"
#include "record/record.h"

int
omni_message_class(omni_span m, omni_span *at)
{
	omni_jiter it;
	omni_span k, v, dir = { 0 }, author = { 0 }, when = { 0 };

	omni_json_iter(&it, m);
	while (omni_json_next(&it, &k, &v)) {
		if (k.n == 9 && omni_json_key_eq(k, "direction"))
			dir = v;
		else if (k.n == 6 && omni_json_key_eq(k, "author"))
			author = v;
		else if (k.n == 2 && omni_json_key_eq(k, "at"))
			when = v;
		if (dir.p && author.p && when.p)
			break;      /* the text that usually follows is never read */
	}
	if (at)
		*at = when;
	if (omni_json_string_eq(dir, "in"))
		return !author.p || omni_json_type(author) == OMNI_J_NULL ||
		       omni_json_string_eq(author, "customer") ? OMNI_MSG_CUSTOMER : OMNI_MSG_OTHER;
	if (omni_json_string_eq(dir, "out") &&
	    (omni_json_string_eq(author, "agent") || omni_json_string_eq(author, "bot")))
		return OMNI_MSG_REPLY;
	return OMNI_MSG_OTHER;
}

static int
earlier_time(omni_span v, omni_time *t)
{
	char buf[64];

	*t = OMNI_TIME_NONE;
	if (!v.p || omni_json_type(v) == OMNI_J_NULL)
		return 0;
	if (omni_json_string_buf(v, buf, sizeof buf) <= 0 || omni_time_parse_rfc3339(buf, t) < 0)
		return -1;
	return 0;
}

int
omni_earlier_read(omni_span v, omni_earlier *e)
{
	omni_span x[3] = { omni_json_get(v, "messages"), omni_json_get(v, "customer"),
	                   omni_json_get(v, "replies") };
	int64_t *n[3] = { &e->messages, &e->customer, &e->replies };

	memset(e, 0, sizeof *e);
	e->first_customer = e->first_reply = e->first_agent = OMNI_TIME_NONE;
	if (!v.p || omni_json_type(v) == OMNI_J_NULL)
		return 0;
	if (omni_json_type(v) != OMNI_J_OBJECT)
		return -1;
	for (int i = 0; i < 3; i++)
		if (x[i].p && (omni_json_int64(x[i], n[i]) < 0 || *n[i] < 0))
			goto bad;
	if (earlier_time(omni_json_get(v, "first_customer_at"), &e->first_customer) < 0 ||
	    earlier_time(omni_json_get(v, "first_reply_at"), &e->first_reply) < 0 ||
	    earlier_time(omni_json_get(v, "first_agent_reply_at"), &e->first_agent) < 0)
		goto bad;
	return 0;
bad:
	memset(e, 0, sizeof *e);
	e->first_customer = e->first_reply = e->first_agent = OMNI_TIME_NONE;
	return -1;
}
