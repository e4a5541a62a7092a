/* source_bigcommerce.c - bigcommerce:BASE, the V2 orders API
 * (BASE = https://api.bigcommerce.com/stores/HASH).
 *
 * GET /v2/orders?min_date_modified=RFC2822&sort=date_modified:asc&page=N
 * &limit=250 with X-Auth-Token, page after page: V2 has no paging
 * metadata, and the page past the last answers 204 No Content (or, on
 * some stores, an empty list), which ends the run.  A short page is not
 * taken as the end, since orders deleted or changed during the run make
 * pages short.  Under --orders only, for each order GET
 * /v2/orders/{id}/products?page=N&limit=250 gives its items (an order's
 * "products" is only a link), page after page while they are full, and
 * for each order with shipped items GET /v2/orders/{id}/shipments gives
 * the carrier and the tracking number; either answers 204 when there is
 * none.  All go through lib/fetch/payload/payload_bigcommerce.c.
 *
 * Pacing: X-Rate-Limit-Requests-Left at 0 means wait
 * X-Rate-Limit-Time-Reset-Ms before the next request (developer.bigcommerce.com,
 * "API rate limits"); a 429 is retried by lib/net/http.c. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/core.h"
#include "net/net.h"
#include "fetch/fetch.h"

#define LIMIT 250

static char *
base_url(const char *base)
{
	size_t n = strlen(base);

	while (n && base[n - 1] == '/')
		n--;
	return strndup(base, n);
}

static char *
page_url(omni_paged *pg, const char *base)
{
	char date[64], *since = NULL, *url = NULL;

	if (pg->since != OMNI_TIME_NONE) {
		omni_time_format_rfc2822(pg->since, date, sizeof date);
		if (!(since = omni_url_escape(date)))
			return NULL;
	}
	if (asprintf(&url, "%s/v2/orders?%s%s%ssort=date_modified:asc&page=%ld&limit=%d",
	             base, since ? "min_date_modified=" : "", since ? since : "",
	             since ? "&" : "", pg->page, LIMIT) < 0)
		url = NULL;
	free(since);
	return url;
}

/* When the window's requests are used up, wait for it to reset. */
static void
pace(omni_paged *pg, const omni_http_response *r)
{
	char *left = omni_http_header(r, "X-Rate-Limit-Requests-Left");
	char *reset = omni_http_header(r, "X-Rate-Limit-Time-Reset-Ms");

	if (left && reset && atol(left) <= 0) {
		char why[80];
		snprintf(why, sizeof why, "rate limit: %s requests left", left);
		omni_paged_wait(pg, atof(reset) / 1000, why);
	}
	free(left);
	free(reset);
}

/* 204, or a body that is only white space: nothing there. */
static int
no_content(const omni_http_response *r)
{
	if (r->status == 204)
		return 1;
	for (size_t i = 0; i < r->len; i++)
		if (!strchr(" \t\r\n", r->body[i]))
			return 0;
	return 1;
}

/* One page of an order's sub-resource: "shipments" read at once, or
 * "products" page n added to acc (an order's items are replaced whole, so
 * they are read when all pages are in): 1 a full page of products (more
 * may follow), 0 done, -1 err. */
static int
sub_page(omni_paged *pg, omni_payload *p, const char *base, const char *id,
         const char *what_sub, long n, json_t *acc, omni_error *err)
{
	char *url = NULL, what[96];
	omni_http_response *r;
	json_t *doc = NULL;
	int rc = -1, more = 0;

	snprintf(what, sizeof what, "page %ld: order %s %s", pg->page, id, what_sub);
	if ((n ? asprintf(&url, "%s/v2/orders/%s/%s?page=%ld&limit=%d", base, id, what_sub,
	                  n, LIMIT) :
	         asprintf(&url, "%s/v2/orders/%s/%s", base, id, what_sub)) < 0) {
		url = NULL;
		omni_error_oom(err);
		goto out;
	}
	if (omni_http_request(pg->h, NULL, url, what, NULL, NULL, 0, &r, err) < 0)
		goto out;
	pace(pg, r);
	rc = 0;
	if (no_content(r))
		goto out;
	rc = -1;
	if (!(doc = omni_paged_parse(pg, r, err)))
		goto out;
	more = n && json_array_size(doc) >= LIMIT;
	if (json_is_array(doc) && json_array_size(doc) == 0)
		rc = 0;
	else if (acc && json_is_array(doc))
		rc = json_array_extend(acc, doc) == 0 ? 1 : (omni_error_oom(err), -1);
	else if ((rc = omni_payload_bigcommerce(p, doc, err)) == 0)
		rc = omni_paged_fail(pg, err, "order %s: not a list of %s", id, what_sub);
	else if (rc < 0)
		omni_paged_locate(pg, err);
	rc = rc < 0 ? -1 : more;
out:
	json_decref(doc);
	free(url);
	return rc;
}

/* The stock of a page's products (ids: a set of product ids): GET
 * /v3/catalog/products?id:in=IDS&include=variants. */
static int
stock(omni_paged *pg, const char *base, const json_t *ids, omni_error *err)
{
	char *list = NULL, *url = NULL, what[64];
	int rc = 0;

	if ((list = omni_stock_ids_join(ids))) {
		snprintf(what, sizeof what, "page %ld: products", pg->page);
		if (asprintf(&url, "%s/v3/catalog/products?id:in=%s&include=variants&limit=250",
		             base, list) < 0)
			rc = (omni_error_oom(err), -1);
		else
			rc = omni_stock_fetch(pg->f, pg->h, url, what, omni_payload_stock_bigcommerce, err);
	}
	free(url);
	free(list);
	return rc;
}

/* The order's items (their product ids into ids), then its shipments. */
static int
subs(omni_paged *pg, omni_payload *p, const char *base, const json_t *order,
     json_t *ids, omni_error *err)
{
	char *id = omni_payload_id(json_object_get(order, "id"));
	const json_t *total = json_object_get(order, "items_total");
	json_t *items = json_array();
	int rc = 0;

	/* without --orders they would only be counted: not worth a request */
	if (id && pg->f->orders && (!json_is_integer(total) || json_integer_value(total) > 0))
		for (long n = 1; (rc = sub_page(pg, p, base, id, "products", n, items, err)) == 1; n++)
			;
	if (rc > 0)
		rc = 0;
	if (rc == 0 && json_array_size(items)) {
		int got = omni_payload_bigcommerce(p, items, err);
		if (got == 0)
			rc = omni_paged_fail(pg, err, "order %s: not a list of products", id);
		else if (got < 0)
			rc = omni_paged_locate(pg, err);
		else {
			json_t *it;
			size_t i;
			json_array_foreach(items, i, it)
				omni_stock_id_add(ids, json_object_get(it, "product_id"));
		}
	}
	if (rc == 0 && id && pg->f->orders &&
	    json_integer_value(json_object_get(order, "items_shipped")) > 0)
		rc = sub_page(pg, p, base, id, "shipments", 0, NULL, err);
	json_decref(items);
	free(id);
	return rc;
}

/* One page: 1 orders read, 0 the end, -1 err. */
static int
page(omni_paged *pg, const char *base, omni_error *err)
{
	omni_payload p = { pg->f, json_object() };
	omni_http_response *r;
	char *url = page_url(pg, base), what[32];
	json_t *doc = NULL, *o, *ids = json_object();
	size_t i;
	int rc = -1, got;

	snprintf(what, sizeof what, "page %ld", pg->page);
	if (!url) {
		omni_error_oom(err);
		goto out;
	}
	if (omni_http_request(pg->h, NULL, url, what, NULL, NULL, 0, &r, err) < 0)
		goto out;
	pace(pg, r);
	if (no_content(r)) {
		rc = 0;
		goto out;
	}
	if (!(doc = omni_paged_parse(pg, r, err)))
		goto out;
	if (!json_is_array(doc)) {
		omni_paged_fail(pg, err, "not a list of orders");
		goto out;
	}
	if (!json_array_size(doc)) {
		rc = 0;
		goto out;
	}
	if ((got = omni_payload_bigcommerce(&p, doc, err)) <= 0) {
		if (got == 0)
			omni_paged_fail(pg, err, "not a list of orders (each needs id, "
			                "status_id and date_created)");
		else
			omni_paged_locate(pg, err);
		goto out;
	}
	json_array_foreach(doc, i, o) {
		if (subs(pg, &p, base, o, ids, err) < 0)
			goto out;
		omni_paged_note(pg, json_object_get(o, "date_modified"));
	}
	if (stock(pg, base, ids, err) < 0)
		goto out;
	rc = 1;
out:
	json_decref(ids);
	json_decref(doc);
	json_decref(p.emitted);
	free(url);
	return rc;
}

static int
auth(omni_paged *pg, omni_error *err)
{
	char *token = omni_fetch_secret(pg->f, "BIGCOMMERCE", "TOKEN", err);
	int rc;

	if (!token)
		return -1;
	rc = omni_http_add_header(pg->h, "X-Auth-Token", token, 1);
	memset(token, 0, strlen(token));
	free(token);
	if (rc == 0)
		rc = omni_http_add_header(pg->h, "Accept", "application/json", 0);
	return rc < 0 ? omni_error_oom(err), -1 : 0;
}

int
omni_source_bigcommerce(omni_fetch *f, const char *base, omni_error *err)
{
	omni_paged pg;
	char *root = NULL;
	int rc = -1;

	if (omni_paged_open(&pg, f, err) < 0 || auth(&pg, err) < 0)
		goto out;
	if (!(root = base_url(base))) {
		omni_error_oom(err);
		goto out;
	}
	rc = omni_paged_numbered(&pg, page, root, err);
out:
	free(root);
	omni_paged_close(&pg);
	return rc;
}
