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
 * An order is read as a webhook's body is
 * (lib/fetch/payload/payload_woocommerce.c). */
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "net/net.h"
#include "fetch/fetch.h"

#define PER_PAGE 100

static int
order(omni_paged *pg, omni_payload *p, const json_t *o, omni_error *err)
{
	json_t *updated = NULL;
	int rc = omni_woocommerce_order(p, o, &updated, err);

	omni_paged_note(pg, updated);
	json_decref(updated);
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

/* Under --orders, the stock of the page's products: GET /products
 * ?include=IDS&per_page=100. */
static int
stock(omni_paged *pg, const char *base, const json_t *orders, omni_error *err)
{
	json_t *ids = json_object(), *o, *l;
	char *list = NULL, *url = NULL, what[48];
	size_t i, k, n = strlen(base);
	int rc = 0;

	json_array_foreach(orders, i, o)
		json_array_foreach(json_object_get(o, "line_items"), k, l)
			omni_stock_id_add(ids, json_object_get(l, "product_id"));
	while (n && base[n - 1] == '/')
		n--;
	if (pg->f->orders && (list = omni_stock_ids_join(ids))) {
		snprintf(what, sizeof what, "page %ld: products", pg->page);
		if (asprintf(&url, "%.*s%s/products?include=%s&per_page=100", (int)n, base,
		             strstr(base, "/wp-json/") ? "" : "/wp-json/wc/v3", list) < 0)
			rc = (omni_error_oom(err), -1);
		else
			rc = omni_stock_fetch(pg->f, pg->h, url, what, omni_payload_stock_woocommerce, err);
	}
	free(url);
	free(list);
	json_decref(ids);
	return rc;
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
		if (!omni_woocommerce_is_order(o)) {
			omni_paged_fail(pg, err, "order %zu: not an order (each needs id, status, "
			                "date_modified_gmt and line_items)", i + 1);
			goto out;
		}
	json_array_foreach(doc, i, o)
		if (order(pg, &p, o, err) < 0) {
			omni_paged_locate(pg, err);
			goto out;
		}
	if (stock(pg, base, doc, err) < 0)
		goto out;
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
