/* source_tiktok_cs.c - TikTok Shop's customer service conversations as
 * tickets (CHANNELS.md section 5).
 *
 * GET /customer_service/202309/conversations pages through the
 * conversations, newest update first; those updated since the cursor have
 * their messages read, newest first (GET .../conversations/{id}/messages
 * ?sort_order=DESC), back to the cursor.  A page with no conversation
 * updated since the cursor ends the run.  One ticket per conversation
 * with the messages not emitted before (a seen mark per message id).  The
 * conversations keep their own cursor, the source's key + "#conversations",
 * beside the orders'.
 *
 * A message's content is a JSON string: {"content":"..."} for TEXT,
 * {"url":...} for IMAGE, {"order_id":...} for ORDER_CARD.  sender.role
 * BUYER is the customer; SHOP and CUSTOMER_SERVICE are agents, ROBOT a
 * bot, SYSTEM the platform. */
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "record/bridge.h"
#include "fetch/fetch.h"
#include "order/order.h"
#include "source_tiktok.h"

static int
newer(const struct tiktok *t, const json_t *v)
{
	omni_time at;

	return t->pg.since == OMNI_TIME_NONE || omni_payload_time(v, &at) < 0 ||
	       at >= t->pg.since;      /* same second: the seen marks drop repeats */
}

/* The message's text (new), its attachment and order id. */
static char *
content(const json_t *m, json_t *msg, json_t *ids)
{
	const char *type = omni_payload_str(m, "type"), *raw = omni_payload_str(m, "content");
	json_t *c = raw ? json_loads(raw, 0, NULL) : NULL;
	char *text = NULL;

	if (type && !strcmp(type, "TEXT") && omni_payload_str(c, "content")) {
		text = strdup(omni_payload_str(c, "content"));
	} else if (type && !strcmp(type, "IMAGE")) {
		json_t *a = json_object();
		omni_json_set_str(a, "content_type", "image");
		omni_json_set_str(a, "url", omni_payload_str(c, "url"));
		json_array_append_new(json_object_get(msg, "attachments"), a);
		text = strdup("[image]");
	} else if (type && !strcmp(type, "ORDER_CARD") && omni_payload_str(c, "order_id")) {
		omni_json_array_add_unique(ids, omni_payload_str(c, "order_id"));
		if (asprintf(&text, "[order %s]", omni_payload_str(c, "order_id")) < 0)
			text = NULL;
	} else if (raw) {
		text = strdup(raw);
	}
	json_decref(c);
	return text;
}

static json_t *
message_new(const json_t *m, json_t *ids)
{
	const char *role = omni_payload_str(json_object_get(m, "sender"), "role");
	int buyer = role && !strcmp(role, "BUYER"), robot = role && !strcmp(role, "ROBOT");
	int system = role && !strcmp(role, "SYSTEM");
	omni_time at = 0;
	json_t *msg;
	char *text;

	omni_payload_time(json_object_get(m, "create_time"), &at);
	msg = omni_message_new(omni_payload_str(m, "id"), buyer || system ? "in" : "out",
	                       buyer ? "customer" : system ? "system" : robot ? "bot" : "agent",
	                       at, NULL, "tiktok");
	if ((text = content(m, msg, ids))) {
		omni_json_set_str(msg, "text", text);
		omni_order_ids_find(text, ids);
	}
	free(text);
	return msg;
}

static json_t *
ticket_new(struct tiktok *t, const json_t *conv, const json_t *buyer, json_t *ids)
{
	json_t *tk, *src = json_object(), *cust = json_object(), *handles = json_object();
	const char *cid = omni_payload_str(conv, "id"), *uid = omni_payload_str(buyer, "im_user_id");
	char *id = NULL, *thread = NULL;

	if (!uid)
		uid = omni_payload_str(conv, "buyer_user_id");
	if (asprintf(&id, "%s:%s", t->pg.f->name, cid) < 0)
		id = NULL;
	tk = omni_ticket_new(id, t->pg.f->channel ? t->pg.f->channel : "tiktok",
	                     t->pg.f->store_name, "message");
	omni_json_set_str(src, "name", t->pg.f->name);
	omni_json_set_str(src, "external_id", cid);
	if (asprintf(&thread, "tiktok:%s", cid) >= 0)
		omni_json_set_str(src, "thread_key", thread);
	json_object_set_new(src, "url", json_null());
	json_object_set_new(tk, "source", src);
	omni_payload_set_str(cust, "name", omni_payload_str(buyer, "nickname"));
	if (uid)
		omni_json_set_str(handles, "tiktok", uid);
	json_object_set_new(cust, "handles", handles);
	json_object_set_new(tk, "customer", cust);
	if (json_array_size(ids))
		json_object_set(tk, "order_ids", ids);
	free(thread);
	free(id);
	return tk;
}

/* The conversation's messages since the cursor, newest first: new. */
static json_t *
messages(struct tiktok *t, const char *cid, omni_error *err)
{
	json_t *all = json_array(), *doc;
	const json_t *data, *list, *m;
	char path[256], token[600] = "", what[160];
	const char *params[3] = { "page_size=10", "sort_order=DESC" };
	size_t i, n;
	int more = 1;

	snprintf(path, sizeof path, "/customer_service/202309/conversations/%s/messages", cid);
	snprintf(what, sizeof what, "page %ld: conversation %.60s messages", t->pg.page, cid);
	while (more) {
		n = 2;
		if (*token)
			params[n++] = token;
		if (!(doc = tiktok_call(t, "GET", path, params, n, NULL, what, &data, err)))
			goto fail;
		if (!json_is_array(list = json_object_get(data, "messages"))) {
			json_decref(doc);
			omni_paged_fail(&t->pg, err, "conversation %s: no data.messages list", cid);
			goto fail;
		}
		json_array_foreach(list, i, m) {
			if (!omni_payload_str(m, "id")) {
				json_decref(doc);
				omni_paged_fail(&t->pg, err, "conversation %s: a message without an id", cid);
				goto fail;
			}
			if (!newer(t, json_object_get(m, "create_time")))
				more = 0;
			else
				json_array_append(all, (json_t *)m);
		}
		more = more && omni_payload_str(data, "next_page_token") && json_array_size(list);
		if (more)
			snprintf(token, sizeof token, "page_token=%s", omni_payload_str(data, "next_page_token"));
		json_decref(doc);
	}
	return all;
fail:
	json_decref(all);
	return NULL;
}

static int
conversation(struct tiktok *t, omni_payload *p, const json_t *conv, omni_error *err)
{
	json_t *list = messages(t, omni_payload_str(conv, "id"), err), *ids = json_array();
	json_t *keys = json_array(), *fresh = json_array(), *tk = NULL;
	const json_t *buyer = NULL;
	int rc = -1;

	if (!list)
		goto out;
	for (size_t i = json_array_size(list); i-- > 0;) {       /* oldest first */
		const json_t *m = json_array_get(list, i);
		const char *role = omni_payload_str(json_object_get(m, "sender"), "role");
		int seen;
		if (role && !strcmp(role, "BUYER"))
			buyer = json_object_get(m, "sender");
		if (json_is_false(json_object_get(m, "is_visible")))
			continue;
		if ((seen = omni_payload_seen(p, omni_payload_str(m, "id"), err)) < 0)
			goto out;
		if (!seen) {
			json_array_append_new(keys, json_string(omni_payload_str(m, "id")));
			json_array_append_new(fresh, message_new(m, ids));
		}
	}
	rc = 0;
	if (!json_array_size(fresh))
		goto out;
	tk = ticket_new(t, conv, buyer, ids);
	for (size_t i = 0; i < json_array_size(fresh); i++) {
		json_t *m = json_array_get(fresh, i);
		json_object_set_new(m, "source", json_deep_copy(json_object_get(tk, "source")));
		omni_ticket_add_message_new(tk, json_incref(m));
	}
	rc = omni_payload_emit(p, tk, keys, err);
out:
	json_decref(list);
	json_decref(ids);
	json_decref(keys);
	json_decref(fresh);
	return rc;
}

static int
conversations_page(struct tiktok *t, char **next, omni_error *err)
{
	omni_payload p = { t->pg.f, json_object() };
	const char *params[3] = { "page_size=20", "locale=en" };
	const json_t *data, *list, *c;
	char token[600], what[32];
	json_t *doc = NULL;
	size_t i, np = 2, fresh = 0;
	int rc = -1;

	*next = NULL;
	snprintf(what, sizeof what, "page %ld", t->pg.page);
	if (t->pg.next) {
		snprintf(token, sizeof token, "page_token=%s", t->pg.next);
		params[np++] = token;
	}
	if (!(doc = tiktok_call(t, "GET", "/customer_service/202309/conversations", params,
	                        np, NULL, what, &data, err)))
		goto out;
	if (!json_is_array(list = json_object_get(data, "conversations"))) {
		omni_paged_fail(&t->pg, err, "no data.conversations list in the response");
		goto out;
	}
	json_array_foreach(list, i, c)
		if (!omni_payload_str(c, "id")) {
			omni_paged_fail(&t->pg, err, "conversation %zu: no id", i + 1);
			goto out;
		}
	json_array_foreach(list, i, c) {
		if (!newer(t, json_object_get(c, "update_time")))
			continue;
		fresh++;
		if (conversation(t, &p, c, err) < 0)
			goto out;
		omni_paged_note(&t->pg, json_object_get(c, "update_time"));
	}
	if (fresh && omni_payload_str(data, "next_page_token"))
		*next = strdup(omni_payload_str(data, "next_page_token"));
	rc = 0;
out:
	json_decref(doc);
	json_decref(p.emitted);
	return rc;
}

static int
conversations_stream(void *t, omni_error *err)
{
	return tiktok_stream(t, conversations_page, err);
}

int
tiktok_conversations(struct tiktok *t, omni_error *err)
{
	return omni_paged_under(&t->pg, "#conversations", conversations_stream, t, err);
}
