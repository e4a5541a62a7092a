/* source_woocommerce.c - woocommerce:BASE, the WooCommerce REST API v3
 * orders (BASE = https://SHOP.example, or a URL that already ends in
 * /wp-json/wc/v3).
 *
 * GET /wp-json/wc/v3/orders?modified_after=T&dates_are_gmt=true
 * &orderby=modified&order=asc&page=N&per_page=100 with HTTP Basic auth of
 * the consumer key and secret (woocommerce.github.io/woocommerce-rest-api-docs,
 * "Authentication over HTTPS", "Pagination", "List all orders").  The
 * credential is OMNI_WOOCOMMERCE_TOKEN = "ck_...:cs_...".  Paging ends at
 * X-WP-TotalPages, or at an empty page when that header is missing.
 *
 * Times: the *_gmt fields, which carry no offset but are UTC
 * (date_created has the site's local time).  Tracking: core WooCommerce
 * has none; the Shipment Tracking extension keeps it in meta_data
 * "_wc_shipment_tracking_items" [{tracking_provider, tracking_number,
 * custom_tracking_link, date_shipped}], read when present. */
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "net/net.h"
#include "fetch/fetch.h"

#define PER_PAGE 100

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
		if (!omni_payload_str(m, "key") || strcmp(omni_payload_str(m, "key"), "_wc_shipment_tracking_items") != 0)
			continue;
		json_array_foreach(json_object_get(m, "value"), k, t) {
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
			if (rc < 0)
				return -1;
		}
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

static int
is_order(const json_t *o)
{
	return json_is_object(o) && json_object_get(o, "id") && omni_payload_str(o, "status") &&
	       json_object_get(o, "date_modified_gmt") && json_is_array(json_object_get(o, "line_items"));
}

static int
order(omni_paged *pg, omni_payload *p, const json_t *o, omni_error *err)
{
	json_t *n = order_new(p, o);
	const char *id = omni_payload_str(n, "id");
	int rc = omni_payload_order(p, n, err);

	omni_paged_note(pg, json_object_get(n, "updated_at"));
	if (rc == 0)
		rc = refunds(p, id, o, err);
	if (rc == 0)
		rc = tracking(p, id, o, err);
	json_decref(n);
	return rc;
}

static char *
page_url(omni_paged *pg, const char *base)
{
	size_t n = strlen(base);
	char since[40] = "", *url = NULL;

	while (n && base[n - 1] == '/')
		n--;
	if (pg->since != OMNI_TIME_NONE) {
		omni_time_format(pg->since - pg->since % 1000, since);
		since[19] = 0;        /* no "Z": dates_are_gmt says it */
	}
	if (asprintf(&url, "%.*s%s/orders?%s%s%sorderby=modified&order=asc&page=%ld"
	             "&per_page=%d", (int)n, base,
	             strstr(base, "/wp-json/") ? "" : "/wp-json/wc/v3",
	             *since ? "modified_after=" : "", since,
	             *since ? "&dates_are_gmt=true&" : "", pg->page, PER_PAGE) < 0)
		url = NULL;
	return url;
}

/* One page: 1 more pages follow, 0 the last, -1 err. */
static int
page(omni_paged *pg, const char *base, omni_error *err)
{
	omni_payload p = { pg->f, json_object() };
	omni_http_response *r;
	char *url = page_url(pg, base), what[32], *total = NULL;
	json_t *doc = NULL, *o;
	size_t i;
	int rc = -1;

	snprintf(what, sizeof what, "page %ld", pg->page);
	if (!url) {
		omni_error_oom(err);
		goto out;
	}
	if (omni_http_request(pg->h, NULL, url, what, NULL, NULL, 0, &r, err) < 0 ||
	    !(doc = omni_paged_parse(pg, r, err)))
		goto out;
	total = omni_http_header(r, "X-WP-TotalPages");
	if (!json_is_array(doc)) {
		omni_paged_fail(pg, err, "not a list of orders");
		goto out;
	}
	json_array_foreach(doc, i, o)
		if (!is_order(o)) {
			omni_paged_fail(pg, err, "order %zu: not an order (each needs id, status, "
			                "date_modified_gmt and line_items)", i + 1);
			goto out;
		}
	json_array_foreach(doc, i, o)
		if (order(pg, &p, o, err) < 0) {
			omni_paged_locate(pg, err);
			goto out;
		}
	rc = json_array_size(doc) && (!total || pg->page < atol(total));
out:
	free(total);
	json_decref(doc);
	json_decref(p.emitted);
	free(url);
	return rc;
}

static int
auth(omni_paged *pg, omni_error *err)
{
	char *token = omni_fetch_secret(pg->f, "WOOCOMMERCE", "TOKEN", err), *colon;
	int rc;

	if (!token)
		return -1;
	if (!(colon = strchr(token, ':'))) {
		memset(token, 0, strlen(token));
		free(token);
		return omni_error_set(err, OMNI_EX_CONFIG, pg->f->name, 0, 0,
		                      "the woocommerce token is the consumer key and secret "
		                      "as \"ck_...:cs_...\""), -1;
	}
	*colon = 0;
	rc = omni_http_set_login(pg->h, token, colon + 1);
	memset(colon + 1, 0, strlen(colon + 1));
	free(token);
	if (rc == 0)
		rc = omni_http_add_header(pg->h, "Accept", "application/json", 0);
	return rc < 0 ? omni_error_oom(err), -1 : 0;
}

int
omni_source_woocommerce(omni_fetch *f, const char *base, omni_error *err)
{
	omni_paged pg;
	int rc = -1;

	if (omni_paged_open(&pg, f, err) < 0 || auth(&pg, err) < 0)
		goto out;
	rc = omni_paged_numbered(&pg, page, base, err);
out:
	omni_paged_close(&pg);
	return rc;
}
