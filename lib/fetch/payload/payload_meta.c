/* payload_meta.c - Instagram and Messenger webhook deliveries
 * ({"object":"instagram"|"page","entry":[{"id","time","messaging":[...]}]}).
 *
 * One ticket per message, keyed by its mid, so a delivery Meta retries is
 * emitted once.  The customer is the sender; an echo (is_echo) is the
 * business's own outbound message, to the recipient.  Events that are not
 * messages (message_reactions, read, delivery, postback, referral) carry
 * no customer text and make no ticket; nor does a deleted message
 * (is_deleted) or an entry of "changes" (comments, handled elsewhere).
 * A rating Messenger reports is a ticket with no message and a csat
 * (omni-ticket(5)) on the customer's thread: the Customer Feedback
 * Template's answer (messaging_feedback, a CSAT question's "1"-"5" and its
 * free-form follow-up) and the thumbs on a business's message
 * (response_feedback: "Good response" 1 of 1, "Bad response" 0 of 1).
 * The meta: source (lib/fetch/sources/source_meta.c) builds its tickets here too, so a
 * message fetched by back-fill and delivered by webhook is the same. */
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "fetch/fetch.h"
#include "order/order.h"

static int
is_true(const json_t *v)
{
	return json_is_true(v);
}

/* {content_type, url}: the type Meta gives (image, video, audio, file,
 * share, story_mention ...) and the CDN url when there is one. */
static void
attachments(json_t *msg, const json_t *message)
{
	json_t *list = json_object_get(msg, "attachments"), *a;
	size_t i;

	json_array_foreach(json_object_get(message, "attachments"), i, a) {
		json_t *at = json_object();
		omni_json_set_str(at, "content_type", omni_payload_str(a, "type"));
		omni_json_set_str(at, "url", omni_payload_str(json_object_get(a, "payload"), "url"));
		json_array_append_new(list, at);
	}
}

struct event {
	const char *channel;    /* instagram or facebook */
	const char *page;       /* entry.id: the business account or page */
	const json_t *entry, *ev, *message;
	const char *mid;
	const char *name;       /* the customer's name when known, or NULL */
};

static json_t *
source_new(omni_payload *p, const struct event *e, const char *customer)
{
	json_t *src = json_object();
	char *thread = NULL;

	omni_json_set_str(src, "name", p->f->name);
	omni_json_set_str(src, "external_id", e->mid);
	if (asprintf(&thread, "%s:%s:%s", e->channel, e->page ? e->page : "",
	             customer ? customer : "") >= 0)
		omni_json_set_str(src, "thread_key", thread);
	free(thread);
	json_object_set_new(src, "url", json_null());
	omni_json_set_str(src, "page_id", e->page);
	return src;
}

static json_t *
ticket_new(omni_payload *p, const struct event *e)
{
	int echo = is_true(json_object_get(e->message, "is_echo"));
	const char *customer = omni_payload_str(json_object_get(e->ev, echo ? "recipient" : "sender"), "id");
	const char *text = omni_payload_str(e->message, "text");
	json_t *ticket, *cust = json_object(), *handles = json_object(), *ids, *msg;
	omni_time at = 0;
	char *id = NULL;
	int known;

	/* The event's time, else its entry's; a time that is none (null,
	 * -1e999, a string that is no time) leaves it unknown (null), never
	 * 1970 or a year before the calendar. */
	known = omni_payload_time(json_object_get(e->ev, "timestamp"), &at) == 0 ||
	        omni_payload_time(json_object_get(e->entry, "time"), &at) == 0;
	if (asprintf(&id, "%s:%s", p->f->name, e->mid) < 0)
		id = NULL;
	ticket = omni_ticket_new(id, e->channel, omni_fetch_store(p->f, e->channel, e->page),
	                         "message");
	free(id);
	json_object_set_new(ticket, "source", source_new(p, e, customer));
	omni_json_set_str(handles, e->channel, customer);
	omni_payload_set_str(cust, "name", e->name);
	json_object_set_new(cust, "handles", handles);
	json_object_set_new(ticket, "customer", cust);
	ids = json_array();
	if (text)
		omni_order_ids_find(text, ids);
	if (json_array_size(ids))
		json_object_set(ticket, "order_ids", ids);
	json_decref(ids);
	msg = omni_message_new(e->mid, echo ? "out" : "in", echo ? "agent" : "customer",
	                       at, text, e->channel);
	if (!known)
		json_object_set_new(msg, "at", json_null());
	attachments(msg, e->message);
	json_object_set_new(msg, "source", json_deep_copy(json_object_get(ticket, "source")));
	omni_ticket_add_message_new(ticket, msg);
	return ticket;
}

/* The CSAT answer of a messaging_feedback event: score 1-5, and the
 * free-form follow-up as its comment; 0 when it has none. */
static int
feedback_csat(const json_t *fb, json_t *csat)
{
	const json_t *screen, *q;
	const char *key;
	size_t i;

	json_array_foreach(json_object_get(fb, "feedback_screens"), i, screen) {
		json_object_foreach((json_t *)json_object_get(screen, "questions"), key, q) {
			const char *type = omni_payload_str(q, "type"), *v = omni_payload_str(q, "payload");
			if (!type || strcmp(type, "csat") != 0 || !v || v[0] < '1' || v[0] > '5' || v[1])
				continue;
			json_object_set_new(csat, "score", json_integer(v[0] - '0'));
			json_object_set_new(csat, "scale", json_integer(5));
			const json_t *f = json_object_get(q, "follow_up");
			omni_json_set_str(csat, "comment", omni_payload_str(f, "payload"));
			return 1;
		}
	}
	return 0;
}

/* A rating Messenger reports: a ticket of the customer's thread with its
 * csat and no message. */
static int
rating(omni_payload *p, struct event *e, omni_error *err)
{
	const json_t *fb = json_object_get(e->ev, "messaging_feedback");
	const json_t *rf = json_object_get(e->ev, "response_feedback");
	const char *customer = omni_payload_str(json_object_get(e->ev, "sender"), "id");
	json_t *csat = json_object(), *ticket, *cust, *handles, *keys;
	omni_time at = 0;
	char *key = NULL, *id = NULL, *ts = omni_payload_id(json_object_get(e->ev, "timestamp"));
	int rc = 0;

	if (!customer || !csat)
		goto out;
	if (fb && !feedback_csat(fb, csat))
		goto out;
	if (!fb) {
		const char *said = omni_payload_str(rf, "feedback");
		if (!said || (strcmp(said, "Good response") != 0 && strcmp(said, "Bad response") != 0))
			goto out;
		json_object_set_new(csat, "score", json_integer(said[0] == 'G'));
		json_object_set_new(csat, "scale", json_integer(1));
	}
	/* one rating per message rated, or per answer to the template */
	if (asprintf(&key, "feedback:%s:%s:%s", customer,
	             rf && omni_payload_str(rf, "mid") ? omni_payload_str(rf, "mid") : "",
	             ts ? ts : "") < 0 || asprintf(&id, "%s:%s", p->f->name, key) < 0) {
		rc = omni_error_oom(err);
		goto out;
	}
	if ((rc = omni_payload_seen(p, key, err)) != 0) {
		rc = rc < 0 ? -1 : 0;
		goto out;
	}
	e->mid = key;
	ticket = omni_ticket_new(id, e->channel, omni_fetch_store(p->f, e->channel, e->page),
	                         "message");
	json_object_set_new(ticket, "source", source_new(p, e, customer));
	cust = json_object();
	handles = json_object();
	omni_json_set_str(handles, e->channel, customer);
	json_object_set_new(cust, "handles", handles);
	json_object_set_new(ticket, "customer", cust);
	if (omni_payload_time(json_object_get(e->ev, "timestamp"), &at) == 0 ||
	    omni_payload_time(json_object_get(e->entry, "time"), &at) == 0) {
		omni_json_set_time(csat, "at", at);
		omni_json_set_time(ticket, "created_at", at);
		omni_json_set_time(ticket, "updated_at", at);
	} else {
		json_object_set_new(csat, "at", json_null());
	}
	json_object_set(ticket, "csat", csat);
	keys = json_array();
	json_array_append_new(keys, json_string(key));
	rc = omni_payload_emit(p, ticket, keys, err);
	json_decref(keys);
out:
	json_decref(csat);
	free(key);
	free(id);
	free(ts);
	return rc;
}

static int
event(omni_payload *p, struct event *e, omni_error *err)
{
	json_t *keys;
	int rc;

	if (!e->message && (json_is_object(json_object_get(e->ev, "messaging_feedback")) ||
	                    json_is_object(json_object_get(e->ev, "response_feedback"))))
		return rating(p, e, err);
	if (!json_is_object(e->message) || is_true(json_object_get(e->message, "is_deleted")))
		return 0;
	if (!(e->mid = omni_payload_str(e->message, "mid")))
		return omni_error_set(err, OMNI_EX_DATAERR, NULL, 0, 0,
		                      "%s message without a mid", e->channel), -1;
	if ((rc = omni_payload_seen(p, e->mid, err)) != 0)
		return rc < 0 ? -1 : 0;
	keys = json_array();
	json_array_append_new(keys, json_string(e->mid));
	rc = omni_payload_emit(p, ticket_new(p, e), keys, err);
	json_decref(keys);
	return rc;
}

int
omni_payload_meta_event(omni_payload *p, const char *channel, const char *page,
                        const json_t *ev, const char *name, omni_error *err)
{
	struct event e = { .channel = p->f->channel ? p->f->channel : channel,
	                   .page = page, .ev = ev, .message = json_object_get(ev, "message"),
	                   .name = name };

	return event(p, &e, err);
}

int
omni_payload_meta(omni_payload *p, const json_t *doc, omni_error *err)
{
	const char *object = omni_payload_str(doc, "object");
	const json_t *entries = json_object_get(doc, "entry"), *entry, *ev;
	size_t i, j;

	if (!object || !json_is_array(entries) ||
	    (strcmp(object, "instagram") != 0 && strcmp(object, "page") != 0))
		return 0;
	json_array_foreach(entries, i, entry) {
		/* a configured channel (--channel) wins over the detected one */
		struct event e = { .channel = p->f->channel ? p->f->channel :
		                              object[0] == 'i' ? "instagram" : "facebook",
		                   .entry = entry };
		char *page = omni_payload_id(json_object_get(entry, "id"));
		e.page = page;
		json_array_foreach(json_object_get(entry, "messaging"), j, ev) {
			e.ev = ev;
			e.message = json_object_get(ev, "message");
			if (event(p, &e, err) < 0) {
				free(page);
				return -1;
			}
		}
		free(page);
	}
	return 1;
}
