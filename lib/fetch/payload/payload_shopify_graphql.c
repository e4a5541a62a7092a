/* payload_shopify_graphql.c - Shopify Admin GraphQL orders, put into the
 * shape of a REST order so that one normaliser serves both.  Global ids
 * ("gid://shopify/Order/5829384756102") become the numeric ids REST uses,
 * so an order read either way is the same row in the store. */
#include <ctype.h>
#include <string.h>

#include "fetch/fetch.h"

/* The tail of a gid, or the id as it is. */
static json_t *
gid(const json_t *v)
{
	const char *s = json_string_value(v), *slash;

	if (!s)
		return json_is_integer(v) ? json_incref((json_t *)v) : NULL;
	if (strncmp(s, "gid://", 6) == 0 && (slash = strrchr(s, '/')) && slash[1])
		s = slash + 1;
	if ((slash = strchr(s, '?')))     /* gid://shopify/Order/1?x=y */
		return json_stringn(s, (size_t)(slash - s));
	return json_string(s);
}

/* "PARTIALLY_REFUNDED" -> "partially_refunded" */
static json_t *
lower(const char *s)
{
	char buf[64];
	size_t i;

	if (!s)
		return NULL;
	for (i = 0; i < sizeof buf - 1 && s[i]; i++)
		buf[i] = (char)tolower((unsigned char)s[i]);
	buf[i] = '\0';
	return json_string(buf);
}

static void
put(json_t *o, const char *key, json_t *v)
{
	if (v)
		json_object_set_new(o, key, v);
}

static void
copy(json_t *to, const char *tkey, const json_t *from, const char *fkey)
{
	const json_t *v = json_object_get(from, fkey);

	if (v && !json_is_null(v))
		json_object_set(to, tkey, (json_t *)v);
}

/* A list field: a plain list, or a connection's nodes or edges[].node. */
static json_t *
nodes(const json_t *v)
{
	json_t *out = json_array(), *e;
	size_t i;

	if (json_is_array(v)) {
		json_array_extend(out, (json_t *)v);
		return out;
	}
	if (json_is_array(json_object_get(v, "nodes"))) {
		json_array_extend(out, json_object_get(v, "nodes"));
		return out;
	}
	json_array_foreach(json_object_get(v, "edges"), i, e)
		if (json_is_object(json_object_get(e, "node")))
			json_array_append(out, json_object_get(e, "node"));
	return out;
}

static json_t *
money(const json_t *set, const char *what)
{
	const json_t *m = json_object_get(set, "shopMoney");

	return json_string_value(json_object_get(m, what)) ? json_incref(json_object_get(m, what)) : NULL;
}

static json_t *
fulfillment(const json_t *n)
{
	json_t *f = json_object(), *track = nodes(json_object_get(n, "trackingInfo"));
	const json_t *t = json_array_get(track, 0);
	const char *display = omni_payload_str(n, "displayStatus");

	put(f, "id", gid(json_object_get(n, "id")));
	put(f, "status", lower(omni_payload_str(n, "status")));
	/* displayStatus names the same events as REST's shipment_status */
	put(f, "shipment_status", lower(display));
	copy(f, "tracking_company", t, "company");
	copy(f, "tracking_number", t, "number");
	copy(f, "tracking_url", t, "url");
	copy(f, "created_at", n, "createdAt");
	copy(f, "updated_at", n, "updatedAt");
	copy(f, "estimated_delivery_at", n, "estimatedDeliveryAt");
	json_decref(track);
	return f;
}

static json_t *
refund(const json_t *n)
{
	json_t *r = json_object(), *tr = json_object(), *list = json_array();
	const json_t *set = json_object_get(n, "totalRefundedSet");

	put(r, "id", gid(json_object_get(n, "id")));
	copy(r, "created_at", n, "createdAt");
	copy(r, "note", n, "note");
	json_object_set_new(tr, "kind", json_string("refund"));
	put(tr, "amount", money(set, "amount"));
	put(tr, "currency", money(set, "currencyCode"));
	if (json_object_get(tr, "amount"))
		json_array_append(list, tr);
	json_decref(tr);
	json_object_set_new(r, "transactions", list);
	return r;
}

static json_t *
customer(const json_t *n)
{
	json_t *c = json_object();

	put(c, "id", gid(json_object_get(n, "id")));
	copy(c, "first_name", n, "firstName");
	copy(c, "last_name", n, "lastName");
	copy(c, "email", n, "email");
	copy(c, "phone", n, "phone");
	return c;
}

static json_t *
map_list(const json_t *v, json_t *(*conv)(const json_t *))
{
	json_t *in = nodes(v), *out = json_array(), *n;
	size_t i;

	json_array_foreach(in, i, n)
		json_array_append_new(out, conv(n));
	json_decref(in);
	return out;
}

static json_t *
line_item(const json_t *n)
{
	json_t *li = json_object();

	copy(li, "sku", n, "sku");
	copy(li, "name", n, "name");
	copy(li, "title", n, "title");
	copy(li, "quantity", n, "quantity");
	return li;
}

/* A Return (Admin GraphQL "Return": id, name, status, createdAt,
 * closedAt, returnLineItems{returnReason, returnReasonNote, quantity},
 * reverseFulfillmentOrders{reverseDeliveries{deliverable{label}}}) in
 * the store's words: {id, status, reason, at}.  Status: REQUESTED
 * requested, OPEN approved (label_issued once a return label exists),
 * CLOSED closed, DECLINED declined, CANCELED cancelled. */
static int
has_label(const json_t *ret)
{
	json_t *rfos = nodes(json_object_get(ret, "reverseFulfillmentOrders")), *rfo, *dels, *d;
	size_t i, k;
	int found = 0;

	json_array_foreach(rfos, i, rfo) {
		dels = nodes(json_object_get(rfo, "reverseDeliveries"));
		json_array_foreach(dels, k, d)
			if (json_is_object(json_object_get(json_object_get(d, "deliverable"), "label")))
				found = 1;
		json_decref(dels);
	}
	json_decref(rfos);
	return found;
}

static json_t *
return_node(const json_t *n)
{
	static const struct { const char *from, *to; } map[] = {
		{ "REQUESTED", "requested" }, { "OPEN", "approved" }, { "CLOSED", "closed" },
		{ "DECLINED", "declined" }, { "CANCELED", "cancelled" },
	};
	json_t *r = json_object(), *lines = nodes(json_object_get(n, "returnLineItems")), *l;
	const char *status = omni_payload_str(n, "status"), *reason = NULL;
	size_t i;

	put(r, "id", gid(json_object_get(n, "id")));
	for (i = 0; status && i < sizeof map / sizeof map[0]; i++)
		if (strcmp(status, map[i].from) == 0)
			status = map[i].to;
	if (status && strcmp(status, "approved") == 0 && has_label(n))
		status = "label_issued";
	if (status)
		put(r, "status", lower(status));
	json_array_foreach(lines, i, l)
		if (!reason && !(reason = omni_payload_str(l, "returnReasonNote")))
			reason = omni_payload_str(l, "returnReason");
	if (reason)
		put(r, "reason", strchr(reason, ' ') ? json_string(reason) : lower(reason));
	omni_payload_set_time(r, "at", json_object_get(n, "createdAt") ?
	                      json_object_get(n, "createdAt") : json_object_get(n, "requestApprovedAt"));
	json_decref(lines);
	return r;
}

json_t *
omni_shopify_from_graphql(const json_t *n)
{
	json_t *o = json_object();
	const json_t *total = json_object_get(n, "totalPriceSet");

	put(o, "id", gid(json_object_get(n, "id")));
	copy(o, "name", n, "name");
	copy(o, "created_at", n, "createdAt");
	copy(o, "updated_at", n, "updatedAt");
	/* present even when null: "not cancelled" is news too */
	if (json_object_get(n, "cancelledAt"))
		json_object_set(o, "cancelled_at", json_object_get(n, "cancelledAt"));
	if (json_object_get(n, "closedAt"))
		json_object_set(o, "closed_at", json_object_get(n, "closedAt"));
	put(o, "financial_status", lower(omni_payload_str(n, "displayFinancialStatus")));
	put(o, "total_price", money(total, "amount"));
	put(o, "currency", money(total, "currencyCode"));
	if (!json_object_get(o, "currency"))
		copy(o, "currency", n, "currencyCode");
	copy(o, "email", n, "email");
	copy(o, "phone", n, "phone");
	if (json_is_object(json_object_get(n, "customer")))
		json_object_set_new(o, "customer", customer(json_object_get(n, "customer")));
	if (json_object_get(n, "lineItems"))
		json_object_set_new(o, "line_items", map_list(json_object_get(n, "lineItems"), line_item));
	if (json_object_get(n, "fulfillments"))
		json_object_set_new(o, "fulfillments", map_list(json_object_get(n, "fulfillments"), fulfillment));
	if (json_object_get(n, "refunds"))
		json_object_set_new(o, "refunds", map_list(json_object_get(n, "refunds"), refund));
	/* already in the store's words: REST has no returns */
	if (json_object_get(n, "returns"))
		json_object_set_new(o, "omni_returns", map_list(json_object_get(n, "returns"), return_node));
	return o;
}
