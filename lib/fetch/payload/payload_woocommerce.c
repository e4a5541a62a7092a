/* payload_woocommerce.c - a WooCommerce REST API v3 order, as a page of
 * woocommerce: lists it and as the body of an order.created, order.updated
 * or order.deleted webhook delivery (woocommerce.github.io/woocommerce-rest-api-docs,
 * "Order properties", "Webhooks": the body is the order as the API gives
 * it).
 *
 * Times: the *_gmt fields, which carry no offset but are UTC
 * (date_created has the site's local time).  Tracking: core WooCommerce
 * has none; the Shipment Tracking extension, and the Advanced Shipment
 * Tracking plugin that writes the same key, keep it in meta_data
 * "_wc_shipment_tracking_items" [{tracking_provider (a name or a slug),
 * custom_tracking_provider, tracking_number, custom_tracking_link,
 * date_shipped (Unix seconds as a string, or a date), tracking_id}]; the
 * value may also come as that list in a JSON string. */
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "fetch/fetch.h"

/* A *_gmt time: "2024-03-01T22:22:10" is UTC. */
static void
set_gmt(json_t *obj, const char *key, const json_t *v)
{
	const char *s = json_string_value(v);
	char buf[64];
	omni_time t;

	if (!s || !*s || strlen(s) > 40)
		return;
	snprintf(buf, sizeof buf, "%s%s", s, strpbrk(s + 10, "Zz+-") ? "" : "Z");
	if (omni_time_parse(buf, &t) == 0)
		omni_json_set_time(obj, key, t);
}

static const char *
order_status(const char *s)
{
	if (!s)
		return NULL;
	if (!strcmp(s, "cancelled") || !strcmp(s, "failed") || !strcmp(s, "trash"))
		return "cancelled";
	return !strcmp(s, "completed") || !strcmp(s, "refunded") ? "closed" : "open";
}

static const char *
financial_status(const char *s, const json_t *refunds)
{
	if (!s)
		return NULL;
	if (!strcmp(s, "refunded"))
		return "refunded";
	if (json_array_size(refunds))
		return "partially_refunded";
	if (!strcmp(s, "pending") || !strcmp(s, "on-hold") || !strcmp(s, "checkout-draft"))
		return "pending";
	if (!strcmp(s, "processing") || !strcmp(s, "completed"))
		return "paid";
	return NULL;
}

static json_t *
items_new(const json_t *lines)
{
	json_t *items = json_array(), *l;
	size_t i;

	json_array_foreach(lines, i, l) {
		json_t *it = json_object();
		omni_payload_set_str(it, "sku", omni_payload_str(l, "sku"));
		omni_payload_set_str(it, "title", omni_payload_str(l, "name"));
		if (json_is_integer(json_object_get(l, "quantity")))
			json_object_set(it, "qty", json_object_get(l, "quantity"));
		json_array_append_new(items, it);
	}
	return items;
}

static json_t *
order_new(const omni_payload *p, const json_t *o)
{
	json_t *out = json_object();
	char *id = omni_payload_id(json_object_get(o, "id")), *num = omni_payload_id(json_object_get(o, "number"));
	const char *status = omni_payload_str(o, "status");

	omni_payload_set_str(out, "id", id);
	omni_payload_set_number(out, "woocommerce", num ? num : id);
	json_object_set_new(out, "channel", json_string("woocommerce"));
	omni_json_set_str(out, "store", p->f->store_name);
	set_gmt(out, "placed_at", json_object_get(o, "date_created_gmt"));
	set_gmt(out, "updated_at", json_object_get(o, "date_modified_gmt"));
	omni_payload_set_str(out, "status", order_status(status));
	omni_payload_set_str(out, "financial_status",
	                     financial_status(status, json_object_get(o, "refunds")));
	omni_payload_set_str(out, "total", omni_payload_str(o, "total"));
	omni_payload_set_str(out, "currency", omni_payload_str(o, "currency"));
	json_object_set_new(out, "customer",
	                    omni_payload_billing_customer(json_object_get(o, "customer_id"),
	                                                  json_object_get(o, "billing")));
	json_object_set_new(out, "items", items_new(json_object_get(o, "line_items")));
	free(num);
	free(id);
	return out;
}

/* date_shipped: Unix seconds, as a number or as a string of digits. */
static void
shipped(json_t *f, const json_t *v)
{
	const char *s = json_string_value(v);

	if (s && *s && strspn(s, "0123456789") == strlen(s))
		omni_json_set_time(f, "shipped_at", omni_time_from_unix(atof(s)));
	else
		omni_payload_set_time(f, "shipped_at", v);
}

/* The Shipment Tracking extension's items, as fulfilments. */
static int
tracking(omni_payload *p, const char *order_id, const json_t *o, omni_error *err)
{
	const json_t *meta = json_object_get(o, "meta_data"), *m, *t;
	size_t i, k;

	json_array_foreach(meta, i, m) {
		const json_t *value = json_object_get(m, "value");
		json_t *parsed = NULL;
		if (!omni_payload_str(m, "key") || strcmp(omni_payload_str(m, "key"), "_wc_shipment_tracking_items") != 0)
			continue;
		if (json_is_string(value))   /* the list as JSON text */
			value = parsed = json_loads(json_string_value(value), 0, NULL);
		json_array_foreach(value, k, t) {
			json_t *f = json_object();
			const char *carrier = omni_payload_str(t, "tracking_provider");
			char *fid = omni_payload_id(json_object_get(t, "tracking_id"));
			int rc;
			omni_payload_set_str(f, "id", fid ? fid : omni_payload_str(t, "tracking_number"));
			omni_payload_set_str(f, "carrier", carrier ? carrier :
			                     omni_payload_str(t, "custom_tracking_provider"));
			omni_payload_set_str(f, "tracking_number", omni_payload_str(t, "tracking_number"));
			omni_payload_set_str(f, "tracking_url", omni_payload_str(t, "custom_tracking_link"));
			shipped(f, json_object_get(t, "date_shipped"));
			rc = json_object_get(f, "id") ?
			     omni_payload_fulfillment(p, "woocommerce", order_id, f, err) : 0;
			json_decref(f);
			free(fid);
			if (rc < 0) {
				json_decref(parsed);
				return -1;
			}
		}
		json_decref(parsed);
	}
	return 0;
}

static int
refunds(omni_payload *p, const char *order_id, const json_t *o, omni_error *err)
{
	const json_t *r;
	size_t i;

	json_array_foreach(json_object_get(o, "refunds"), i, r) {
		json_t *n = json_object();
		const char *total = omni_payload_str(r, "total");
		char *rid = omni_payload_id(json_object_get(r, "id"));
		int rc = 0;
		omni_payload_set_str(n, "id", rid);
		omni_payload_set_str(n, "amount", total && *total == '-' ? total + 1 : total);
		omni_payload_set_str(n, "currency", omni_payload_str(o, "currency"));
		omni_payload_set_str(n, "reason", omni_payload_str(r, "reason"));
		if (rid)
			rc = omni_payload_refund(p, "woocommerce", order_id, n, err);
		json_decref(n);
		free(rid);
		if (rc < 0)
			return -1;
	}
	return 0;
}

int
omni_woocommerce_is_order(const json_t *o)
{
	return json_is_object(o) && json_object_get(o, "id") && omni_payload_str(o, "status") &&
	       json_object_get(o, "date_modified_gmt") && json_is_array(json_object_get(o, "line_items"));
}


int
omni_woocommerce_order(omni_payload *p, const json_t *o, json_t **updated,
                       omni_error *err)
{
	json_t *n = order_new(p, o);
	const char *id = omni_payload_str(n, "id");
	int rc = omni_payload_order(p, n, err);

	if (updated)
		*updated = json_incref(json_object_get(n, "updated_at"));
	if (rc == 0)
		rc = refunds(p, id, o, err);
	if (rc == 0)
		rc = tracking(p, id, o, err);
	json_decref(n);
	return rc;
}

/* A webhook's body, or a saved list page: one order or an array of them
 * (every element an order, else not this shape). */
int
omni_payload_woocommerce(omni_payload *p, const json_t *doc, omni_error *err)
{
	const json_t *o;
	size_t i;

	if (json_is_array(doc)) {
		json_array_foreach(doc, i, o)
			if (!omni_woocommerce_is_order(o))
				return 0;
		json_array_foreach(doc, i, o)
			if (omni_woocommerce_order(p, o, NULL, err) < 0)
				return -1;
		return 1;
	}
	if (!omni_woocommerce_is_order(doc))
		return 0;
	return omni_woocommerce_order(p, doc, NULL, err) < 0 ? -1 : 1;
}
