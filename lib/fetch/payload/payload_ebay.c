/* payload_ebay.c - eBay Commerce Message API: a conversation
 * (getConversation: {conversationTitle, conversationType, messages[]}), a
 * page of conversations ({"conversations":[...]}, each with messages[] or
 * latestMessage) and a NEW_MESSAGE notification; and Fulfillment API
 * orders (a getOrders page or one order) and shipping fulfilments,
 * normalised for lib/store/orders.c.
 *
 * One ticket per conversation with the messages not emitted before (a
 * seen mark per messageId).  Messages from the seller (the source's
 * "seller" setting, else the recipient of the conversation's first
 * message) are outbound; the other party is the customer.  The API spells
 * senderUsername as senderUserName in some responses: both are read. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/core.h"
#include "fetch/fetch.h"
#include "mail/mail.h"
#include "order/order.h"

static const char *
sender(const json_t *m)
{
	const char *s = omni_payload_str(m, "senderUsername");

	return s ? s : omni_payload_str(m, "senderUserName");
}

static const char *
recipient(const json_t *m)
{
	const char *s = omni_payload_str(m, "recipientUsername");

	return s ? s : omni_payload_str(m, "recipientUserName");
}

static int
is_message(const json_t *m)
{
	return json_is_object(m) && json_object_get(m, "messageId") &&
	       (json_object_get(m, "messageBody") || sender(m));
}

static int
all_messages(const json_t *list)
{
	size_t i;
	json_t *m;

	if (!json_array_size(list))
		return 0;
	json_array_foreach(list, i, m)
		if (!is_message(m))
			return 0;
	return 1;
}

static omni_time
created(const json_t *m)
{
	omni_time t = 0;

	omni_payload_time(json_object_get(m, "createdDate"), &t);
	return t;
}

static int
by_time(const void *a, const void *b)
{
	omni_time x = created(*(json_t *const *)a), y = created(*(json_t *const *)b);

	return x < y ? -1 : x > y;
}

static json_t *
message_new(const json_t *m, const char *seller, int from_ebay, const char *channel)
{
	const char *from = sender(m);
	int out = !from_ebay && from && seller && strcasecmp(from, seller) == 0;
	char *id = omni_payload_id(json_object_get(m, "messageId"));
	json_t *msg = omni_message_new(id, out ? "out" : "in",
	                               out ? "agent" : from_ebay ? "system" : "customer",
	                               created(m), omni_payload_str(m, "messageBody"), channel);
	json_t *list = json_object_get(msg, "attachments"), *media;
	size_t i;

	free(id);
	if (!out && !from_ebay)
		omni_message_set_digest(msg, "ebay", from, omni_payload_str(m, "messageBody"));
	json_array_foreach(json_object_get(m, "messageMedia"), i, media) {
		json_t *a = json_object();
		char *type = omni_payload_lower(omni_payload_str(media, "mediaType"));
		omni_json_set_str(a, "content_type", type);
		omni_json_set_str(a, "url", omni_payload_str(media, "mediaUrl"));
		omni_payload_set_str(a, "filename", omni_payload_str(media, "mediaName"));
		json_array_append_new(list, a);
		free(type);
	}
	return msg;
}

/* A conversation: its messages (sorted oldest first), who sells and who
 * buys, and its id. */
struct conv {
	const json_t *conv;
	json_t **msgs;
	size_t n;
	const char *seller, *buyer;
	char *conv_id;       /* conversationId, else the first messageId */
	int from_ebay;
};

static json_t *
ticket_new(omni_payload *p, struct conv *c, json_t *ids)
{
	json_t *t, *src = json_object(), *cust = json_object(), *handles = json_object();
	const char *title = omni_payload_str(c->conv, "conversationTitle");
	char *id = NULL, *thread = NULL, *conv_id = omni_payload_id(json_object_get(c->conv, "conversationId"));

	if (asprintf(&id, "%s:%s", p->f->name, c->conv_id) < 0)
		id = NULL;
	t = omni_ticket_new(id, p->f->channel ? p->f->channel : "ebay", p->f->store_name,
	                    "message");
	free(id);
	for (size_t i = 0; !title && i < c->n; i++)
		title = omni_payload_str(c->msgs[i], "subject");
	omni_payload_set_str(t, "subject", title);
	/* eBay's own notice that a case, return or inquiry is over: by its
	 * latest message's subject, else the conversation's title */
	if (c->from_ebay) {
		const char *last = omni_payload_str(c->msgs[c->n - 1], "subject");
		const char *said = omni_relay_settled(last && *last ? last : title);
		if (said)
			omni_json_set_str(t, "status", said);
	}
	omni_json_set_str(src, "name", p->f->name);
	omni_json_set_str(src, "external_id", c->conv_id);
	if (asprintf(&thread, "ebay:%s", conv_id ? conv_id : c->buyer ? c->buyer : c->conv_id) >= 0)
		omni_json_set_str(src, "thread_key", thread);
	free(thread);
	free(conv_id);
	json_object_set_new(src, "url", json_null());
	json_object_set_new(t, "source", src);
	if (c->buyer && !c->from_ebay)
		omni_json_set_str(handles, "ebay", c->buyer);
	json_object_set_new(cust, "handles", handles);
	json_object_set_new(t, "customer", cust);
	if (json_array_size(ids))
		json_object_set(t, "order_ids", ids);
	return t;
}

static int
conversation(omni_payload *p, struct conv *c, omni_error *err)
{
	json_t *t = NULL, *keys = json_array(), *ids = json_array(), *fresh = json_array();
	int rc = -1;

	qsort(c->msgs, c->n, sizeof *c->msgs, by_time);
	const json_t *first = c->msgs[0];
	const char *conf = p->f->conf ? omni_conf_get(p->f->conf, "seller") : NULL;
	c->from_ebay = (omni_payload_str(c->conv, "conversationType") &&
	                strcmp(omni_payload_str(c->conv, "conversationType"), "FROM_EBAY") == 0);
	c->seller = conf ? conf : recipient(first);
	c->buyer = sender(first) && c->seller && strcasecmp(sender(first), c->seller) == 0
	           ? recipient(first) : sender(first);
	c->conv_id = omni_payload_id(json_object_get(c->conv, "conversationId"));
	if (!c->conv_id)
		c->conv_id = omni_payload_id(json_object_get(first, "messageId"));
	for (size_t i = 0; i < c->n; i++) {
		char *mid = omni_payload_id(json_object_get(c->msgs[i], "messageId"));
		int seen = mid ? omni_payload_seen(p, mid, err) : 1;
		if (seen < 0) {
			free(mid);
			goto out;
		}
		if (!seen) {
			json_array_append_new(keys, json_string(mid));
			json_array_append_new(fresh, message_new(c->msgs[i], c->seller, c->from_ebay,
			                                              p->f->channel ? p->f->channel : "ebay"));
			if (omni_payload_str(c->msgs[i], "messageBody"))
				omni_order_ids_find(omni_payload_str(c->msgs[i], "messageBody"), ids);
		}
		free(mid);
	}
	rc = 0;
	if (!json_array_size(fresh))
		goto out;
	t = ticket_new(p, c, ids);
	for (size_t i = 0; i < json_array_size(fresh); i++) {
		json_t *m = json_array_get(fresh, i);
		json_object_set_new(m, "source", json_deep_copy(json_object_get(t, "source")));
		omni_ticket_add_message_new(t, json_incref(m));
	}
	rc = omni_payload_emit(p, t, keys, err);
out:
	free(c->conv_id);
	json_decref(keys);
	json_decref(ids);
	json_decref(fresh);
	return rc;
}

/* conv holds list (its messages) or a single message m. */
static int
one(omni_payload *p, const json_t *conv, const json_t *list, const json_t *m,
    omni_error *err)
{
	struct conv c = { .conv = conv };
	size_t n = list ? json_array_size(list) : 1;
	int rc;

	if (!(c.msgs = calloc(n, sizeof *c.msgs)))
		return omni_error_oom(err), -1;
	for (size_t i = 0; i < n; i++)
		c.msgs[i] = list ? json_array_get(list, i) : (json_t *)m;
	c.n = n;
	rc = conversation(p, &c, err);
	free(c.msgs);
	return rc;
}

/* ---- orders ---- */

static const char *
amount(const json_t *money, const char *key)
{
	return omni_payload_str(money, key);
}

/* orderPaymentStatus in the financial vocabulary of lib/store/orders.c. */
static char *
financial_status(const char *s)
{
	static const omni_payload_word map[] = {
		{ "PAID", "paid" }, { "FULLY_REFUNDED", "refunded" },
		{ "PARTIALLY_REFUNDED", "partially_refunded" }, { "PENDING", "pending" },
		{ "FAILED", "failed" },
	};

	return omni_payload_word_in(s, map, sizeof map / sizeof map[0]);
}

static const char *
order_status(const json_t *o)
{
	const char *cancel = omni_payload_str(json_object_get(o, "cancelStatus"), "cancelState"),
	           *ful = omni_payload_str(o, "orderFulfillmentStatus");

	if (cancel && strcmp(cancel, "CANCELED") == 0)
		return "cancelled";
	return ful && strcmp(ful, "FULFILLED") == 0 ? "closed" : "open";
}

static json_t *
buyer_new(const json_t *o)
{
	const json_t *b = json_object_get(o, "buyer"), *reg = json_object_get(b, "buyerRegistrationAddress"),
	             *ship = json_object_get(json_object_get(json_array_get(json_object_get(o, "fulfillmentStartInstructions"), 0),
	                             "shippingStep"), "shipTo");
	json_t *c = json_object();
	const char *name = omni_payload_str(reg, "fullName"), *email = omni_payload_str(reg, "email"),
	           *phone = omni_payload_str(json_object_get(reg, "primaryPhone"), "phoneNumber");

	omni_payload_set_str(c, "id", omni_payload_str(b, "username"));
	omni_payload_set_str(c, "name", name ? name : omni_payload_str(ship, "fullName"));
	omni_payload_set_str(c, "email", email ? email : omni_payload_str(ship, "email"));
	omni_payload_set_str(c, "phone", phone ? phone :
	                     omni_payload_str(json_object_get(ship, "primaryPhone"), "phoneNumber"));
	return c;
}

static json_t *
line_items_new(const json_t *o)
{
	json_t *items = json_array(), *li;
	size_t i;

	json_array_foreach(json_object_get(o, "lineItems"), i, li) {
		json_t *it = json_object();
		omni_payload_set_str(it, "sku", omni_payload_str(li, "sku"));
		omni_payload_set_str(it, "title", omni_payload_str(li, "title"));
		if (json_is_integer(json_object_get(li, "quantity")))
			json_object_set_new(it, "qty", json_integer(json_integer_value(json_object_get(li, "quantity"))));
		json_array_append_new(items, it);
	}
	return items;
}

static json_t *
refunds_new(const json_t *o)
{
	json_t *list = json_array(), *r;
	size_t i;

	json_array_foreach(json_object_get(json_object_get(o, "paymentSummary"), "refunds"), i, r) {
		json_t *out;
		const char *id = omni_payload_str(r, "refundId") ? omni_payload_str(r, "refundId") : omni_payload_str(r, "refundReferenceId"),
		           *st = omni_payload_str(r, "refundStatus");
		if (!id || (st && strcmp(st, "FAILED") == 0))
			continue;
		out = json_object();
		json_object_set_new(out, "id", json_string(id));
		omni_payload_set_str(out, "amount", amount(json_object_get(r, "amount"), "value"));
		omni_payload_set_str(out, "currency", amount(json_object_get(r, "amount"), "currency"));
		omni_payload_set_time(out, "at", json_object_get(r, "refundDate"));
		json_array_append_new(list, out);
	}
	return list;
}

json_t *
omni_ebay_order_new(const omni_fetch *f, const json_t *o)
{
	json_t *out = json_object();
	const json_t *total = json_object_get(json_object_get(o, "pricingSummary"), "total");
	char *fin = financial_status(omni_payload_str(o, "orderPaymentStatus"));

	omni_payload_set_str(out, "id", omni_payload_str(o, "orderId"));
	omni_payload_set_number(out, "ebay", omni_payload_str(o, "orderId"));
	json_object_set_new(out, "channel", json_string("ebay"));
	omni_json_set_str(out, "store", f->store_name);
	omni_payload_set_time(out, "placed_at", json_object_get(o, "creationDate"));
	omni_payload_set_time(out, "updated_at", json_object_get(o, "lastModifiedDate"));
	json_object_set_new(out, "status", json_string(order_status(o)));
	omni_payload_set_str(out, "financial_status", fin);
	free(fin);
	omni_payload_set_str(out, "total", amount(total, "value"));
	omni_payload_set_str(out, "currency", amount(total, "currency"));
	json_object_set_new(out, "customer", buyer_new(o));
	if (json_is_array(json_object_get(o, "lineItems")))
		json_object_set_new(out, "items", line_items_new(o));
	json_object_set_new(out, "refunds", refunds_new(o));
	return out;
}

/* eBay says nothing of delivery: the status stays unknown (absent). */
json_t *
omni_ebay_fulfillment_new(const json_t *fl, const json_t *order)
{
	json_t *out = json_object();
	const json_t *start = json_array_get(json_object_get(order, "fulfillmentStartInstructions"), 0);

	omni_payload_set_str(out, "id", omni_payload_str(fl, "fulfillmentId"));
	omni_payload_set_str(out, "carrier", omni_payload_str(fl, "shippingCarrierCode"));
	omni_payload_set_str(out, "tracking_number", omni_payload_str(fl, "shipmentTrackingNumber"));
	omni_payload_set_time(out, "shipped_at", json_object_get(fl, "shippedDate"));
	omni_payload_set_time(out, "estimated_at", json_object_get(start, "maxEstimatedDeliveryDate"));
	return out;
}

static int
is_order(const json_t *o)
{
	return json_is_object(o) && omni_payload_str(o, "orderId") && json_is_array(json_object_get(o, "lineItems"));
}

static int
all_orders(const json_t *list)
{
	size_t i;
	json_t *o;

	json_array_foreach(list, i, o)
		if (!is_order(o))
			return 0;
	return 1;
}

static int
order(omni_payload *p, const json_t *o, omni_error *err)
{
	json_t *n = omni_ebay_order_new(p->f, o);
	int rc = omni_payload_order(p, n, err);

	json_decref(n);
	return rc;
}

static int
orders(omni_payload *p, const json_t *list, omni_error *err)
{
	size_t i;
	json_t *o;

	json_array_foreach(list, i, o)
		if (order(p, o, err) < 0)
			return -1;
	return 1;
}

int
omni_payload_ebay(omni_payload *p, const json_t *doc, omni_error *err)
{
	const json_t *v, *conv, *data;
	size_t i;

	if (!json_is_object(doc))
		return 0;
	if (is_order(doc))
		return order(p, doc, err) < 0 ? -1 : 1;
	if (json_array_size(v = json_object_get(doc, "orders")) && all_orders(v))
		return orders(p, v, err);
	if (all_messages(v = json_object_get(doc, "messages")))
		return one(p, doc, v, NULL, err) < 0 ? -1 : 1;
	if (json_is_array(v = json_object_get(doc, "conversations"))) {
		json_array_foreach(v, i, conv) {
			const json_t *list = json_object_get(conv, "messages"), *latest = json_object_get(conv, "latestMessage");
			int rc = 0;
			if (all_messages(list))
				rc = one(p, conv, list, NULL, err);
			else if (is_message(latest))
				rc = one(p, conv, NULL, latest, err);
			if (rc < 0)
				return -1;
		}
		return 1;
	}
	/* Notification API: {metadata{topic}, notification{data{...}}} */
	data = json_object_get(json_object_get(doc, "notification"), "data");
	if (omni_payload_str(json_object_get(doc, "metadata"), "topic") &&
	    strcmp(omni_payload_str(json_object_get(doc, "metadata"), "topic"), "NEW_MESSAGE") == 0 && is_message(data))
		return one(p, data, NULL, data, err) < 0 ? -1 : 1;
	return 0;
}
