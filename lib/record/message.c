/* message.c - what a message of a ticket is, read in one walk. */
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
