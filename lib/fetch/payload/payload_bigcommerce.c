/* payload_bigcommerce.c - BigCommerce V2 orders (an array of orders with
 * "status_id" and RFC 2822 "date_created", or one order), their shipments
 * (objects with "order_id", "tracking_number", "shipping_provider") and
 * their products (the order's items).
 *
 * BigCommerce's order id is also the number customers quote; they write
 * "#218" or "order 218", which lib/fetch/orderid.c reads as "#218", so the
 * number is stored as "#218" to match. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/core.h"
#include "fetch/fetch.h"

static int
is_order(const json_t *o)
{
	return json_is_object(o) && json_object_get(o, "id") && json_object_get(o, "status_id") &&
	       json_object_get(o, "date_created");
}

static int
is_shipment(const json_t *o)
{
	return json_is_object(o) && json_object_get(o, "order_id") && json_object_get(o, "tracking_number") &&
	       json_object_get(o, "shipping_provider");
}

static int
is_product(const json_t *o)
{
	return json_is_object(o) && json_object_get(o, "order_id") && json_object_get(o, "product_id") &&
	       json_object_get(o, "quantity") && !json_object_get(o, "tracking_number");
}

static int
all(const json_t *list, int (*is)(const json_t *))
{
	size_t i;
	json_t *v;

	if (!json_array_size(list))
		return 0;
	json_array_foreach(list, i, v)
		if (!is(v))
			return 0;
	return 1;
}

static void
set_id(json_t *obj, const char *key, const json_t *v)
{
	char *id = omni_payload_id(v);

	if (id && strcmp(id, "0") != 0)    /* customer_id 0 is a guest */
		json_object_set_new(obj, key, json_string(id));
	free(id);
}

/* Status ids: 0 incomplete, 1 pending, 2 shipped, 3 partially shipped,
 * 4 refunded, 5 cancelled, 6 declined, 7 awaiting payment, 8 awaiting
 * pickup, 9 awaiting shipment, 10 completed, 11 awaiting fulfillment,
 * 12 manual verification required, 13 disputed, 14 partially refunded. */
static const char *
order_status(json_int_t id)
{
	return id == 5 || id == 6 ? "cancelled" : id == 4 || id == 10 ? "closed" :
	       id == 3 ? "partially_shipped" : "open";
}

static const char *
financial_status(json_int_t id, const char *payment)
{
	if (id == 4)
		return "refunded";
	if (id == 14)
		return "partially_refunded";
	if (id == 7 || id == 0)
		return "pending";
	if (id == 13)
		return "disputed";
	if (!payment)
		return NULL;
	if (strcasecmp(payment, "captured") == 0 || strcasecmp(payment, "paid") == 0)
		return "paid";
	if (strcasecmp(payment, "void") == 0)
		return "voided";
	return payment;
}

json_t *
omni_payload_billing_customer(const json_t *id, const json_t *bill)
{
	const char *first = omni_payload_str(bill, "first_name"), *last = omni_payload_str(bill, "last_name");
	json_t *c = json_object();
	char *name = NULL, *email = NULL;

	set_id(c, "id", id);
	if ((first || last) &&
	    asprintf(&name, "%s%s%s", first ? first : "", first && last ? " " : "",
	             last ? last : "") >= 0)
		json_object_set_new(c, "name", json_string(name));
	free(name);
	if ((email = omni_payload_lower(omni_payload_str(bill, "email"))))
		json_object_set_new(c, "email", json_string(email));
	free(email);
	if (omni_payload_str(bill, "zip") || omni_payload_str(bill, "postcode"))
		json_object_set_new(c, "postcode", json_string(omni_payload_str(bill, "zip") ?
		                    omni_payload_str(bill, "zip") : omni_payload_str(bill, "postcode")));
	omni_payload_set_str(c, "phone", omni_payload_str(bill, "phone"));
	return c;
}

static json_t *
order_new(const omni_payload *p, const json_t *o)
{
	json_t *out = json_object();
	char *id = omni_payload_id(json_object_get(o, "id"));
	json_int_t status = json_integer_value(json_object_get(o, "status_id"));

	omni_payload_set_str(out, "id", id);
	omni_payload_set_number(out, "bigcommerce", id);
	free(id);
	json_object_set_new(out, "channel", json_string("bigcommerce"));
	omni_json_set_str(out, "store", p->f->store_name);
	omni_payload_set_time(out, "placed_at", json_object_get(o, "date_created"));
	omni_payload_set_time(out, "updated_at", json_object_get(o, "date_modified"));
	json_object_set_new(out, "status", json_string(order_status(status)));
	omni_payload_set_str(out, "financial_status",
	                     financial_status(status, omni_payload_str(o, "payment_status")));
	omni_payload_set_str(out, "total", omni_payload_str(o, "total_inc_tax"));
	omni_payload_set_str(out, "currency", omni_payload_str(o, "currency_code"));
	json_object_set_new(out, "customer",
	                    omni_payload_billing_customer(json_object_get(o, "customer_id"),
	                                                  json_object_get(o, "billing_address")));
	return out;
}

static const char *
carrier_name(const char *s)
{
	static const struct { const char *code, *name; } names[] = {
		{ "ups", "UPS" }, { "usps", "USPS" }, { "fedex", "FedEx" },
		{ "dhl", "DHL" }, { "dhlexpress", "DHL" },
	};

	for (size_t i = 0; s && i < sizeof names / sizeof names[0]; i++)
		if (strcasecmp(s, names[i].code) == 0)
			return names[i].name;
	return s;
}

/* A shipment has no delivery status: status stays unknown (absent). */
static json_t *
shipment_new(const json_t *s)
{
	json_t *out = json_object();
	const char *carrier = omni_payload_str(s, "tracking_carrier");

	set_id(out, "id", json_object_get(s, "id"));
	omni_payload_set_str(out, "carrier",
	                     carrier_name(carrier ? carrier : omni_payload_str(s, "shipping_provider")));
	omni_payload_set_str(out, "tracking_number", omni_payload_str(s, "tracking_number"));
	omni_payload_set_str(out, "tracking_url", omni_payload_str(s, "tracking_link") ?
	                     omni_payload_str(s, "tracking_link") : omni_payload_str(s, "generated_tracking_link"));
	omni_payload_set_time(out, "shipped_at", json_object_get(s, "date_created"));
	return out;
}

static int
order(omni_payload *p, const json_t *o, omni_error *err)
{
	json_t *n = order_new(p, o);
	int rc = omni_payload_order(p, n, err);

	json_decref(n);
	return rc;
}

static int
shipment(omni_payload *p, const json_t *s, omni_error *err)
{
	char *order_id = omni_payload_id(json_object_get(s, "order_id"));
	json_t *n = shipment_new(s);
	int rc;

	if (order_id)
		rc = omni_payload_fulfillment(p, "bigcommerce", order_id, n, err);
	else
		rc = (omni_error_set(err, OMNI_EX_DATAERR, NULL, 0, 0,
		                     "bigcommerce shipment without an order_id"), -1);
	free(order_id);
	json_decref(n);
	return rc;
}

/* GET /v2/orders/{id}/products: the order's items {sku, title, qty,
 * shipped (quantity_shipped)}, stored as a thin version of the order that
 * replaces only its items. */
static int
products(omni_payload *p, const json_t *list, omni_error *err)
{
	json_t *o = NULL, *items = NULL, *v;
	char *order_id = NULL;
	size_t i;
	int rc = 0;

	json_array_foreach(list, i, v) {
		char *oid = omni_payload_id(json_object_get(v, "order_id"));
		if (order_id && oid && strcmp(oid, order_id) != 0) {
			rc = omni_payload_order(p, o, err);
			json_decref(o);
			o = NULL;
		}
		if (!o) {
			free(order_id);
			order_id = oid ? strdup(oid) : NULL;
			o = json_object();
			omni_payload_set_str(o, "id", oid);
			json_object_set_new(o, "channel", json_string("bigcommerce"));
			omni_json_set_str(o, "store", p->f->store_name);
			json_object_set_new(o, "items", items = json_array());
		}
		free(oid);
		if (rc < 0)
			break;
		json_t *it = json_object();
		omni_payload_set_str(it, "sku", omni_payload_str(v, "sku"));
		omni_payload_set_str(it, "title", omni_payload_str(v, "name"));
		if (json_is_integer(json_object_get(v, "quantity")))
			json_object_set(it, "qty", json_object_get(v, "quantity"));
		/* what of it the shipments took: a partly shipped order says
		 * which items are on their way */
		if (json_is_integer(json_object_get(v, "quantity_shipped")))
			json_object_set(it, "shipped", json_object_get(v, "quantity_shipped"));
		json_array_append_new(items, it);
	}
	if (o && rc == 0)
		rc = omni_payload_order(p, o, err);
	json_decref(o);
	free(order_id);
	return rc;
}

int
omni_payload_bigcommerce(omni_payload *p, const json_t *doc, omni_error *err)
{
	int (*one)(omni_payload *, const json_t *, omni_error *) = NULL;
	size_t i;
	json_t *v;

	if (is_order(doc))
		return order(p, doc, err) < 0 ? -1 : 1;
	if (is_shipment(doc))
		return shipment(p, doc, err) < 0 ? -1 : 1;
	if (all(doc, is_order))
		one = order;
	else if (all(doc, is_shipment))
		one = shipment;
	else if (all(doc, is_product))
		return products(p, doc, err) < 0 ? -1 : 1;
	else
		return 0;
	json_array_foreach(doc, i, v)
		if (one(p, v, err) < 0)
			return -1;
	return 1;
}

/* A webhook callback carries only ids (developer.bigcommerce.com,
 * "Webhooks overview": {scope, store_id, data{type, id}, hash, created_at,
 * producer}).  Nothing is fetched here, so that a delivery is answered at
 * once and works offline: the order is recorded thin, with its new status
 * on store/order/statusUpdated, and the next bigcommerce: run, which asks
 * for what was modified since its cursor, fills in the rest.  A shipment
 * event names its order in data.orderId; other scopes (products,
 * customers, carts) are accepted and leave the store alone. */
int
omni_webhook_bigcommerce(omni_payload *p, const json_t *doc, omni_error *err)
{
	const char *scope = omni_payload_str(doc, "scope"), *type;
	const json_t *data = json_object_get(doc, "data"), *status;
	json_t *o;
	char *id;
	int rc;

	if (!scope || !json_is_object(data) || !json_object_get(data, "id"))
		return 0;
	type = omni_payload_str(data, "type");
	if (type && strcmp(type, "shipment") == 0)
		id = omni_payload_id(json_object_get(data, "orderId"));
	else if ((type && strcmp(type, "order") == 0) || strncmp(scope, "store/order/", 12) == 0)
		id = omni_payload_id(json_object_get(data, "id"));
	else
		return 1;
	if (!id)
		return 1;
	o = json_object();
	json_object_set_new(o, "id", json_string(id));
	omni_payload_set_number(o, "bigcommerce", id);
	json_object_set_new(o, "channel", json_string("bigcommerce"));
	omni_json_set_str(o, "store", p->f->store_name);
	status = json_object_get(json_object_get(data, "status"), "new_status_id");
	if (json_is_integer(status)) {
		json_int_t s = json_integer_value(status);
		json_object_set_new(o, "status", json_string(order_status(s)));
		omni_payload_set_str(o, "financial_status", financial_status(s, NULL));
		omni_payload_set_time(o, "updated_at", json_object_get(doc, "created_at"));
	}
	rc = omni_payload_order(p, o, err);
	json_decref(o);
	free(id);
	return rc < 0 ? -1 : 1;
}
