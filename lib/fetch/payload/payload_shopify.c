/* payload_shopify.c - Shopify Admin REST orders and the webhook bodies of
 * the orders, fulfillments and refunds topics, normalised for lib/store/orders.c.
 * Money stays the decimal string Shopify sent; a refund's amount is the
 * sum of its refund transactions, added as decimals, never as doubles.
 * An order's "note" (the buyer's note at checkout) is not a conversation
 * and makes no ticket. */
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "fetch/fetch.h"

static int
is_order(const json_t *o)
{
	/* a fulfilment has line_items and a name too, and an order_id */
	return json_is_object(o) && json_object_get(o, "id") && json_object_get(o, "line_items") &&
	       (json_object_get(o, "order_number") || json_object_get(o, "name")) && !json_object_get(o, "order_id");
}

static int
is_fulfillment(const json_t *o)
{
	return json_is_object(o) && json_object_get(o, "order_id") &&
	       (json_object_get(o, "tracking_number") || json_object_get(o, "tracking_company") ||
	        json_object_get(o, "shipment_status"));
}

static int
is_refund(const json_t *o)
{
	return json_is_object(o) && json_object_get(o, "order_id") &&
	       (json_object_get(o, "refund_line_items") || json_object_get(o, "transactions"));
}

/* Every element of a list satisfies is (an empty list does). */
static int
all(const json_t *list, int (*is)(const json_t *))
{
	size_t i;
	json_t *v;

	if (!json_is_array(list))
		return 0;
	json_array_foreach(list, i, v)
		if (!is(v))
			return 0;
	return 1;
}

/* ---- decimal sums ---- */

struct dec {
	long long units;     /* value * 10^scale */
	int scale;
	int any;
};

static long long
pow10ll(int n)
{
	long long v = 1;

	while (n-- > 0)
		v *= 10;
	return v;
}

/* Adds "12.50", "-3", "0.005" to d.  -1 if s is not such a decimal. */
static int
dec_add(struct dec *d, const char *s)
{
	long long ip = 0, fp = 0;
	int neg = 0, fd = 0, digits = 0;

	if (!s)
		return -1;
	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	for (; *s >= '0' && *s <= '9'; s++, digits++)
		if ((ip = ip * 10 + (*s - '0')) > 1000000000000LL)
			return -1;
	if (*s == '.')
		for (s++; *s >= '0' && *s <= '9'; s++, digits++)
			if (fd < 6)
				fp = fp * 10 + (*s - '0'), fd++;
	if (*s || !digits)
		return -1;
	if (fd > d->scale) {
		d->units *= pow10ll(fd - d->scale);
		d->scale = fd;
	}
	long long v = ip * pow10ll(d->scale) + fp * pow10ll(d->scale - fd);
	d->units += neg ? -v : v;
	d->any = 1;
	return 0;
}

static char *dec_format(const struct dec *d, char *buf, size_t size);

/* A refund whose line items went back to stock as returned
 * (refund_line_items[].restock_type "return") is a return received:
 * {id (the refund's), status "received", reason (its note), at}; NULL
 * for any other refund. */
static json_t *
return_of_refund(const json_t *r)
{
	const json_t *li;
	json_t *out;
	size_t i;
	int back = 0;

	json_array_foreach(json_object_get(r, "refund_line_items"), i, li) {
		const char *t = omni_payload_str(li, "restock_type");
		if (t && strcmp(t, "return") == 0)
			back = 1;
	}
	if (!back)
		return NULL;
	out = json_object();
	{
		char *id = omni_payload_id(json_object_get(r, "id"));
		omni_payload_set_str(out, "id", id);
		free(id);
	}
	json_object_set_new(out, "status", json_string("received"));
	omni_payload_set_str(out, "reason", omni_payload_str(r, "note"));
	omni_payload_set_time(out, "at", json_object_get(r, "processed_at") ?
	                      json_object_get(r, "processed_at") : json_object_get(r, "created_at"));
	return out;
}

static char *
dec_format(const struct dec *d, char *buf, size_t size)
{
	long long u = d->units < 0 ? -d->units : d->units, p = pow10ll(d->scale);

	if (d->scale)
		snprintf(buf, size, "%s%lld.%0*lld", d->units < 0 ? "-" : "", u / p,
		         d->scale, u % p);
	else
		snprintf(buf, size, "%s%lld", d->units < 0 ? "-" : "", u);
	return buf;
}

/* ---- normalising ---- */

static void
set_id(json_t *obj, const char *key, const json_t *v)
{
	char *id = omni_payload_id(v);

	if (id)
		json_object_set_new(obj, key, json_string(id));
	free(id);
}

static void
copy_str(json_t *to, const char *tkey, const json_t *from, const char *fkey)
{
	omni_payload_set_str(to, tkey, omni_payload_str(from, fkey));
}

/* shipment_status (and the fulfilment's own status) in the tracking
 * vocabulary of omni-ticket(5). */
static const char *
tracking_status(const json_t *fl)
{
	static const struct { const char *from, *to; } map[] = {
		{ "label_printed", "info_received" }, { "label_purchased", "info_received" },
		{ "confirmed", "info_received" }, { "in_transit", "in_transit" },
		{ "carrier_picked_up", "in_transit" }, { "delayed", "in_transit" },
		{ "out_for_delivery", "out_for_delivery" },
		{ "ready_for_pickup", "available_for_pickup" },
		{ "attempted_delivery", "attempt_fail" }, { "delivered", "delivered" },
		{ "picked_up", "delivered" }, { "failure", "exception" },
	};
	const char *st = omni_payload_str(fl, "status"), *ship = omni_payload_str(fl, "shipment_status");

	if (st && strcmp(st, "cancelled") == 0)
		return "cancelled";
	for (size_t i = 0; ship && i < sizeof map / sizeof map[0]; i++)
		if (strcmp(ship, map[i].from) == 0)
			return map[i].to;
	return "unknown";
}

static json_t *
fulfillment_new(const json_t *fl)
{
	json_t *out = json_object();
	const char *status = tracking_status(fl);

	set_id(out, "id", json_object_get(fl, "id"));
	copy_str(out, "carrier", fl, "tracking_company");
	copy_str(out, "tracking_number", fl, "tracking_number");
	if (!json_object_get(out, "tracking_number"))
		omni_payload_set_str(out, "tracking_number",
		                     json_string_value(json_array_get(json_object_get(fl, "tracking_numbers"), 0)));
	copy_str(out, "tracking_url", fl, "tracking_url");
	if (!json_object_get(out, "tracking_url"))
		omni_payload_set_str(out, "tracking_url",
		                     json_string_value(json_array_get(json_object_get(fl, "tracking_urls"), 0)));
	json_object_set_new(out, "status", json_string(status));
	omni_payload_set_time(out, "shipped_at", json_object_get(fl, "created_at"));
	if (strcmp(status, "delivered") == 0)
		omni_payload_set_time(out, "delivered_at", json_object_get(fl, "updated_at"));
	omni_payload_set_time(out, "estimated_at", json_object_get(fl, "estimated_delivery_at"));
	omni_payload_set_time(out, "updated_at", json_object_get(fl, "updated_at"));
	return out;
}

/* amount: what the refund transactions paid back. */
static json_t *
refund_new(const json_t *r, const char *order_currency)
{
	json_t *out = json_object(), *t;
	struct dec sum = { 0, 0, 0 };
	const char *currency = NULL;
	char buf[64];
	size_t i;

	set_id(out, "id", json_object_get(r, "id"));
	json_array_foreach(json_object_get(r, "transactions"), i, t) {
		const char *kind = omni_payload_str(t, "kind"), *st = omni_payload_str(t, "status");
		const json_t *amount = json_object_get(t, "amount");
		char *text = NULL;
		if (!kind || strcmp(kind, "refund") != 0 ||
		    (st && (strcmp(st, "failure") == 0 || strcmp(st, "error") == 0)))
			continue;
		if (json_is_string(amount))
			dec_add(&sum, json_string_value(amount));
		else if (json_is_number(amount) &&
		         (text = json_dumps(amount, JSON_ENCODE_ANY | JSON_REAL_PRECISION(15))))
			dec_add(&sum, text);
		free(text);
		if (!currency)
			currency = omni_payload_str(t, "currency");
	}
	if (sum.any)
		json_object_set_new(out, "amount", json_string(dec_format(&sum, buf, sizeof buf)));
	omni_payload_set_str(out, "currency", currency ? currency : order_currency);
	copy_str(out, "reason", r, "note");
	omni_payload_set_time(out, "at", json_object_get(r, "created_at") ? json_object_get(r, "created_at")
	                                                       : json_object_get(r, "processed_at"));
	return out;
}

static char *
lowercase(char *s)
{
	for (char *p = s; p && *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return s;
}

/* {id, name, email, phone}: the order's own contact details first, the
 * customer record and the addresses after (guest orders have no customer,
 * and without protected-data access its fields are null). */
static json_t *
customer_new(const json_t *o)
{
	const json_t *c = json_object_get(o, "customer"), *bill = json_object_get(o, "billing_address"),
	             *ship = json_object_get(o, "shipping_address");
	json_t *out = json_object();
	const char *first = omni_payload_str(c, "first_name"), *last = omni_payload_str(c, "last_name"), *s;
	char *name = NULL, *email = NULL;

	set_id(out, "id", json_object_get(c, "id"));
	if ((first || last) &&
	    asprintf(&name, "%s%s%s", first ? first : "", first && last ? " " : "",
	             last ? last : "") >= 0)
		json_object_set_new(out, "name", json_string(name));
	else if ((s = omni_payload_str(bill, "name")) || (s = omni_payload_str(ship, "name")))
		json_object_set_new(out, "name", json_string(s));
	free(name);
	if ((s = omni_payload_str(o, "email")) || (s = omni_payload_str(o, "contact_email")) || (s = omni_payload_str(c, "email")))
		if ((email = lowercase(strdup(s))))
			json_object_set_new(out, "email", json_string(email));
	free(email);
	if ((s = omni_payload_str(o, "phone")) || (s = omni_payload_str(c, "phone")) || (s = omni_payload_str(bill, "phone")) ||
	    (s = omni_payload_str(ship, "phone")))
		json_object_set_new(out, "phone", json_string(s));
	if ((s = omni_payload_str(bill, "zip")))
		json_object_set_new(out, "postcode", json_string(s));
	return out;
}

json_t *
omni_shopify_account(const json_t *customer, const char *store)
{
	/* An order of the customer's own, to read her as its buyer: her
	 * default address stands in for the billing one. */
	json_t *order = json_pack("{sOsO?}", "customer", customer, "billing_address",
	                          json_object_get(customer, "default_address"));
	json_t *a = order ? customer_new(order) : NULL;

	json_decref(order);
	if (!a)
		return NULL;
	omni_json_set_str(a, "channel", "shopify");
	omni_json_set_str(a, "store", store);
	omni_json_set_str(a, "updated_at", omni_payload_str(customer, "updated_at"));
	return a;
}

static json_t *
items_new(const json_t *o)
{
	json_t *items = json_array(), *li;
	size_t i;

	json_array_foreach(json_object_get(o, "line_items"), i, li) {
		json_t *it = json_object();
		const json_t *qty = json_object_get(li, "quantity");
		copy_str(it, "sku", li, "sku");
		omni_payload_set_str(it, "title", omni_payload_str(li, "name") ? omni_payload_str(li, "name")
		                                                   : omni_payload_str(li, "title"));
		if (json_is_integer(qty))
			json_object_set_new(it, "qty", json_integer(json_integer_value(qty)));
		json_array_append_new(items, it);
	}
	return items;
}

static void
append_all(json_t *out, const char *key, const json_t *list,
           json_t *(*conv)(const json_t *, const char *), const char *currency)
{
	json_t *arr = json_array(), *v;
	size_t i;

	json_array_foreach(list, i, v)
		json_array_append_new(arr, conv(v, currency));
	json_object_set_new(out, key, arr);
}

static json_t *
fulfillment_conv(const json_t *fl, const char *unused)
{
	return fulfillment_new(fl);
}

/* The order's returns: its restocked refunds, and a GraphQL order's own
 * returns (omni_shopify_from_graphql). */
static void
returns_add(json_t *out, const json_t *o)
{
	json_t *list = json_array(), *r, *v;
	size_t i;

	json_array_foreach(json_object_get(o, "refunds"), i, v)
		if ((r = return_of_refund(v)))
			json_array_append_new(list, r);
	json_array_foreach(json_object_get(o, "omni_returns"), i, v)
		if (json_object_get(v, "id"))
			json_array_append(list, v);
	if (json_array_size(list))
		json_object_set_new(out, "returns", list);
	else
		json_decref(list);
}

static json_t *
order_new(const omni_payload *p, const json_t *o)
{
	json_t *out = json_object(), *total = json_object_get(o, "total_price");
	const char *currency = omni_payload_str(o, "currency");
	char *number = NULL;

	set_id(out, "id", json_object_get(o, "id"));
	if (omni_payload_str(o, "name"))
		omni_payload_set_number(out, "shopify", omni_payload_str(o, "name"));
	else if ((number = omni_payload_id(json_object_get(o, "order_number"))))
		omni_payload_set_number(out, "shopify", number);
	free(number);
	json_object_set_new(out, "channel", json_string("shopify"));
	omni_json_set_str(out, "store", p->f->store_name);
	omni_payload_set_time(out, "placed_at", json_object_get(o, "created_at"));
	omni_payload_set_time(out, "updated_at", json_object_get(o, "updated_at"));
	/* a version that does not say (a GraphQL query without those fields)
	 * leaves the status as it was */
	if (json_object_get(o, "cancelled_at") || json_object_get(o, "closed_at"))
		json_object_set_new(out, "status", json_string(
			!json_is_null(json_object_get(o, "cancelled_at")) && json_object_get(o, "cancelled_at") ? "cancelled" :
			!json_is_null(json_object_get(o, "closed_at")) && json_object_get(o, "closed_at") ? "closed" : "open"));
	copy_str(out, "financial_status", o, "financial_status");
	if (json_is_string(total))
		json_object_set(out, "total", total);
	omni_payload_set_str(out, "currency", currency);
	json_object_set_new(out, "customer", customer_new(o));
	if (json_is_array(json_object_get(o, "line_items")))   /* absent: keep the stored items */
		json_object_set_new(out, "items", items_new(o));
	if (json_is_array(json_object_get(o, "fulfillments")))
		append_all(out, "fulfillments", json_object_get(o, "fulfillments"), fulfillment_conv, NULL);
	if (json_is_array(json_object_get(o, "refunds")))
		append_all(out, "refunds", json_object_get(o, "refunds"), refund_new, currency);
	returns_add(out, o);
	return out;
}

/* ---- the shapes ---- */

static int
order(omni_payload *p, const json_t *o, omni_error *err)
{
	json_t *n = order_new(p, o);
	int rc;

	if (!json_object_get(n, "id"))
		rc = (omni_error_set(err, OMNI_EX_DATAERR, NULL, 0, 0,
		                     "shopify order without an id"), -1);
	else
		rc = omni_payload_order(p, n, err);
	json_decref(n);
	return rc;
}

/* A refunds/create body whose items went back to stock: the return, on
 * the order (known or not yet). */
static int
refund_return(omni_payload *p, const char *order_id, const json_t *refund,
              omni_error *err)
{
	json_t *r = return_of_refund(refund), *o;
	int rc;

	if (!r)
		return 0;
	o = json_object();
	json_object_set_new(o, "id", json_string(order_id));
	json_object_set_new(o, "channel", json_string("shopify"));
	omni_json_set_str(o, "store", p->f->store_name);
	json_object_set_new(o, "returns", json_pack("[o]", r));
	rc = omni_payload_order(p, o, err);
	json_decref(o);
	return rc;
}

/* A fulfilment or a refund: keyed by its order_id. */
static int
piece(omni_payload *p, const json_t *o, int is_fl, omni_error *err)
{
	char *order_id = omni_payload_id(json_object_get(o, "order_id"));
	json_t *n = is_fl ? fulfillment_new(o) : refund_new(o, NULL);
	int rc;

	if (!order_id)
		rc = (omni_error_set(err, OMNI_EX_DATAERR, NULL, 0, 0,
		                     "shopify %s without an order_id",
		                     is_fl ? "fulfillment" : "refund"), -1);
	else if (is_fl)
		rc = omni_payload_fulfillment(p, "shopify", order_id, n, err);
	else if ((rc = omni_payload_refund(p, "shopify", order_id, n, err)) == 0)
		rc = refund_return(p, order_id, o, err);
	free(order_id);
	json_decref(n);
	return rc;
}

static int
each(omni_payload *p, const json_t *list, int kind, omni_error *err)
{
	size_t i;
	json_t *v;

	json_array_foreach(list, i, v) {
		int rc = kind == 0 ? order(p, v, err) : piece(p, v, kind == 1, err);
		if (rc < 0)
			return -1;
	}
	return 1;
}

/* {"data":{"orders":{edges|nodes}}} or {"data":{"order":{...}}} */
static int
graphql(omni_payload *p, const json_t *data, omni_error *err)
{
	const json_t *conn = json_object_get(data, "orders"), *single = json_object_get(data, "order");
	json_t *list = json_array(), *n;
	size_t i;
	int rc = 1;

	if (json_is_object(single))
		json_array_append(list, (json_t *)single);
	else if (json_is_array(json_object_get(conn, "edges")))
		json_array_foreach(json_object_get(conn, "edges"), i, n)
			json_array_append(list, json_object_get(n, "node"));
	else if (json_is_array(json_object_get(conn, "nodes")))
		json_array_extend(list, json_object_get(conn, "nodes"));
	else
		rc = 0;
	json_array_foreach(list, i, n) {
		json_t *o = omni_shopify_from_graphql(n);
		int r = order(p, o, err);
		json_decref(o);
		if (r < 0) {
			rc = -1;
			break;
		}
	}
	json_decref(list);
	return rc;
}

int
omni_payload_shopify(omni_payload *p, const json_t *doc, omni_error *err)
{
	const json_t *v;
	int rc;

	if (!json_is_object(doc))
		return 0;
	if (json_is_object(v = json_object_get(doc, "data")) && (rc = graphql(p, v, err)) != 0)
		return rc;
	if ((v = json_object_get(doc, "orders")) && all(v, is_order))
		return each(p, v, 0, err);
	if (is_order(v = json_object_get(doc, "order")))
		return order(p, v, err) < 0 ? -1 : 1;
	if (is_order(doc))    /* before the lists: an order has those keys */
		return order(p, doc, err) < 0 ? -1 : 1;
	if ((v = json_object_get(doc, "fulfillments")) && json_array_size(v) && all(v, is_fulfillment))
		return each(p, v, 1, err);
	if (is_fulfillment(v = json_object_get(doc, "fulfillment")))
		return piece(p, v, 1, err) < 0 ? -1 : 1;
	if ((v = json_object_get(doc, "refunds")) && json_array_size(v) && all(v, is_refund))
		return each(p, v, 2, err);
	if (is_refund(v = json_object_get(doc, "refund")))
		return piece(p, v, 0, err) < 0 ? -1 : 1;
	if (is_fulfillment(doc))
		return piece(p, doc, 1, err) < 0 ? -1 : 1;
	if (is_refund(doc))
		return piece(p, doc, 0, err) < 0 ? -1 : 1;
	return 0;
}
