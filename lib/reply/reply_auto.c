/* reply_auto.c - when omni-reply --auto answers, and when it leaves the
 * ticket to a person: it decides on the latest request (the customer's
 * messages since the last reply, as omni-route classified them in
 * "latest"), never on the conversation as a whole, and it never answers a
 * machine (RFC 3834: an autoreply, a list, a bounce, a no-reply sender).
 * See omni-reply(1), "Automatic replies". */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/core.h"
#include "record/record.h"
#include "reply/reply.h"

/* The kinds of mail that are no request: no template answers them. */
static const char *const not_requests[] = {
	"autoreply", "marketing", "spam", "notification", "invoice", NULL,
};

/* Requests that change what the customer asked for: a person answers. */
static const char *const changes[] = {
	"cancel", "refund", "return", "exchange", "damaged", NULL,
};

static int
one_of(omni_span v, const char *const *list)
{
	for (int i = 0; list[i]; i++)
		if (omni_json_string_eq(v, list[i]))
			return 1;
	return 0;
}

/* Does the message carry flags of automatic mail (omni-ticket(5),
 * "auto")? */
static int
flagged(omni_reply_view *v, omni_span m)
{
	omni_span a = omni_reply_get(v, m, "auto");

	return omni_json_type(a) == OMNI_J_ARRAY && omni_reply_at(v, a, 0).p;
}

/* An address that takes no reply (RFC 3834, 2): a no-reply local part
 * (Amazon's atoz-guarantee-no-reply@, noreply@, do-not-reply@, Walmart's
 * nocxemail@) or a mailer daemon; and for an automatic reply a postmaster
 * too, whom a person may still write to. */
int
omni_reply_no_reply(const char *addr, int automatic)
{
	static const struct {
		const char *word;
		int automatic_only;
	} words[] = {
		{ "noreply", 0 }, { "no-reply", 0 }, { "no_reply", 0 }, { "donotreply", 0 },
		{ "do-not-reply", 0 }, { "nocxemail", 0 }, { "mailer-daemon", 0 },
		{ "postmaster", 1 }, { NULL, 0 },
	};
	char local[256];

	if (!addr)
		return 0;
	snprintf(local, sizeof local, "%.*s", (int)strcspn(addr, "@"), addr);
	for (int i = 0; words[i].word; i++)
		if ((automatic || !words[i].automatic_only) && strcasestr(local, words[i].word))
			return 1;
	return 0;
}

omni_auto
omni_reply_auto(omni_reply_view *v, const char **why)
{
	omni_span msgs = omni_reply_field(v, "messages"), m, last_in = { 0 }, latest_msg = { 0 };
	omni_span latest = omni_reply_field(v, "latest");
	omni_span intent = omni_reply_field(v, "intent"), kind = omni_reply_field(v, "kind");
	size_t n = 0, fresh = 0, before = 0;
	int bot_last = 0;

	*why = NULL;
	for (size_t i = 0; (m = omni_reply_nth(v, msgs, i)).p; i++, n++) {
		int c = omni_message_class(m, NULL);
		if (c == OMNI_MSG_REPLY) {
			bot_last = omni_json_string_eq(omni_reply_get(v, m, "author"), "bot");
			before += fresh;
			fresh = 0;
			latest_msg.p = NULL;
			last_in.p = NULL;
			continue;
		}
		if (omni_json_string_eq(omni_reply_get(v, m, "direction"), "in"))
			last_in = m;
		if (c == OMNI_MSG_CUSTOMER && !flagged(v, m)) {
			fresh++;
			latest_msg = m;
		}
	}
	if (one_of(intent, not_requests))
		return *why = "not a request", OMNI_AUTO_NONE;
	/* a claim or a dispute, the marketplace's notice too: a person */
	if (omni_json_string_eq(kind, "claim") || omni_json_string_eq(intent, "claim"))
		return *why = "claim", OMNI_AUTO_PERSON;
	/* the seller speaks first: its order event is the system's message */
	if (omni_json_string_eq(kind, "proactive"))
		return OMNI_AUTO_ANSWER;
	if (n) {
		/* a machine's mail, or nothing new from the customer */
		if (last_in.p && flagged(v, last_in))
			return *why = "automatic mail (RFC 3834)", OMNI_AUTO_NONE;
		if (!fresh)
			return *why = "no message from the customer since the last reply", OMNI_AUTO_NONE;
		char *from = omni_json_string(omni_reply_get(v, latest_msg, "from"), NULL);
		int machine = omni_reply_no_reply(from, 1);
		free(from);
		if (machine)
			return *why = "the sender takes no automatic reply", OMNI_AUTO_NONE;
	}
	if (omni_json_type(omni_json_get(latest, "person")) == OMNI_J_TRUE)
		return *why = "asks_person", OMNI_AUTO_PERSON;
	if (omni_json_string_eq(omni_reply_field(v, "sentiment"), "negative"))
		return *why = "negative", OMNI_AUTO_PERSON;
	/* a request changed after an answer: known only from "latest" */
	if (before && omni_json_type(latest) == OMNI_J_OBJECT && one_of(intent, changes))
		return *why = "changed_request", OMNI_AUTO_PERSON;
	if (bot_last)
		return *why = "repeat_contact", OMNI_AUTO_PERSON;
	return OMNI_AUTO_ANSWER;
}

int
omni_reply_auto_repeats(omni_reply_view *v, const char *template, const char *text)
{
	omni_span msgs = omni_reply_field(v, "messages"), m, last = { 0 };

	for (size_t i = 0; (m = omni_reply_nth(v, msgs, i)).p; i++)
		if (omni_message_class(m, NULL) == OMNI_MSG_REPLY &&
		    omni_json_string_eq(omni_reply_get(v, m, "author"), "bot"))
			last = m;
	if (!last.p || !text)
		return 0;
	/* the same template again, and nothing it states has changed */
	omni_span t = omni_reply_get(v, last, "template");
	if (t.p && template && !omni_json_string_eq(t, template))
		return 0;
	return omni_json_string_eq(omni_reply_get(v, last, "text"), text);
}
