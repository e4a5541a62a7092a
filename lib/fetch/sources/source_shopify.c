/* source_shopify.c - shopify:BASE, the Admin REST API's orders.
 *
 * GET /admin/api/VERSION/orders.json?status=any&limit=250&updated_at_min=T,
 * then the Link header's rel=next until there is none.  Each page is a
 * payload (lib/fetch/payload/payload_shopify.c): orders with their fulfilments and
 * refunds go into the store under --orders.  The cursor, stored after each
 * complete page, is {"since":T} between runs and {"since":T,"max":M,
 * "next":URL} in the middle of one, so that a run that stopped resumes at
 * the page after the last complete one, and only a run that reached the
 * last page moves "since" on to the newest updated_at it saw.
 *
 * Under --orders the shop's customers follow (GET .../customers.json,
 * the same paging) into the store as customer accounts, which omni-link
 * reads as evidence; their cursor, "customers" in the same object, moves
 * only when that list was read to its end.  A token without the
 * read_customers scope (403) or a shop without the list (404) skips them
 * with a note under -vv. */
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "store/store.h"
#include "net/net.h"
#include "fetch/fetch.h"

#define API_VERSION "2024-10"

struct shop {
	omni_fetch *f;
	omni_http *h;
	const char *base;         /* the API's: no page elsewhere is followed */
	char *since, *max, *next;
	omni_time max_t;
	long page;
	char *customers;          /* the customers' cursor: newest updated_at */
	long status;              /* of the last answer */
};

static int
load_cursor(struct shop *s, omni_error *err)
{
	char *raw = NULL;
	json_t *c = NULL;

	if (s->f->all)
		return 0;
	if (omni_store_cursor_get(s->f->store, s->f->cursor_key, &raw, err) < 0)
		return -1;
	if (raw && (c = json_loads(raw, 0, NULL)) && json_is_object(c)) {
		const char *v;
		if ((v = json_string_value(json_object_get(c, "since"))))
			s->since = strdup(v);
		if ((v = json_string_value(json_object_get(c, "max")))) {
			s->max = strdup(v);
			omni_time_parse(v, &s->max_t);
		}
		if ((v = json_string_value(json_object_get(c, "next"))))
			s->next = strdup(v);
		if ((v = json_string_value(json_object_get(c, "customers"))))
			s->customers = strdup(v);
	}
	json_decref(c);
	free(raw);
	return 0;
}

/* The cursor after this page (next: the following page, or NULL). */
static int
save_cursor(struct shop *s, const char *next, omni_error *err)
{
	json_t *c = json_object();
	char *text;
	int rc;

	if (next) {
		omni_json_set_str(c, "since", s->since);
		omni_json_set_str(c, "max", s->max);
		omni_json_set_str(c, "next", next);
	} else {
		omni_json_set_str(c, "since", s->max ? s->max : s->since);
	}
	if (s->customers)
		omni_json_set_str(c, "customers", s->customers);
	text = json_dumps(c, JSON_COMPACT);
	json_decref(c);
	if (!text)
		return omni_error_oom(err), -1;
	rc = s->f->checkpoint ? s->f->checkpoint(s->f, text, err) :
	     omni_store_cursor_set(s->f->store, s->f->cursor_key, text, err);
	free(text);
	return rc;
}

/* Remembers the newest updated_at of the page. */
static void
note_times(struct shop *s, const json_t *orders)
{
	size_t i;
	json_t *o;

	json_array_foreach(orders, i, o) {
		const char *u = json_string_value(json_object_get(o, "updated_at"));
		omni_time t;
		if (u && omni_time_parse(u, &t) == 0 && (!s->max || t > s->max_t)) {
			free(s->max);
			s->max = strdup(u);
			s->max_t = t;
		}
	}
}

/* The leaky bucket: when the call limit says the bucket is (nearly) full,
 * wait for it to drain by one call or two (it leaks size/20 a second). */
static void
pace(struct shop *s, const omni_http_response *r)
{
	char *v = omni_http_header(r, "X-Shopify-Shop-Api-Call-Limit");
	long used, size;

	if (v && sscanf(v, "%ld/%ld", &used, &size) == 2 && size > 0 && used >= size - 1) {
		double leak = (double)size / 20, wait = (double)(used - size + 3) / leak;
		if (s->f->trace) {
			char line[96];
			snprintf(line, sizeof line, "call limit %ld/%ld: waiting %.1fs", used, size,
			         wait);
			s->f->trace(s->f->arg, line);
		}
		omni_http_sleep(wait);
	}
	free(v);
}

static int accounts_put(struct shop *s, const json_t *list, omni_payload *p,
                        omni_error *err);

/* Under --orders, the stock of the page's products: GET products.json
 * ?ids=IDS&fields=id,title,variants&limit=250. */
static int
stock(struct shop *s, const json_t *orders, omni_error *err)
{
	json_t *ids = json_object(), *o, *l;
	char *list = NULL, *url = NULL, what[48];
	size_t i, k, n = strlen(s->base);
	int rc = 0;

	json_array_foreach(orders, i, o)
		json_array_foreach(json_object_get(o, "line_items"), k, l)
			omni_stock_id_add(ids, json_object_get(l, "product_id"));
	while (n && s->base[n - 1] == '/')
		n--;
	if (s->f->orders && (list = omni_stock_ids_join(ids))) {
		snprintf(what, sizeof what, "page %ld: products", s->page);
		if (asprintf(&url, "%.*s%s/products.json?ids=%s&fields=id,title,variants&limit=250",
		             (int)n, s->base, strstr(s->base, "/admin/api/") ? "" :
		             "/admin/api/" API_VERSION, list) < 0)
			rc = (omni_error_oom(err), -1);
		else
			rc = omni_stock_fetch(s->f, s->h, url, what, omni_payload_stock_shopify, err);
	}
	free(url);
	free(list);
	json_decref(ids);
	return rc;
}

/* One page of orders or customers (list); *next the following page. */
static int
page(struct shop *s, const char *list, const char *url, char **next, omni_error *err)
{
	omni_http_response *r;
	omni_payload p = { s->f, json_object() };
	json_t *doc = NULL, *orders;
	json_error_t je;
	char what[48], *link = NULL;
	int rc = -1;

	int is_customers = strcmp(list, "customers") == 0;

	snprintf(what, sizeof what, "%spage %ld", is_customers ? "customers " : "", s->page);
	r = NULL;
	*next = NULL;
	if (omni_paged_origin(s->f->name, what, s->base, url, err) < 0)
		goto out;
	rc = omni_http_request(s->h, NULL, url, what, NULL, NULL, 0, &r, err);
	s->status = r ? r->status : 0;
	if (rc < 0)
		goto out;
	rc = -1;
	if (!(doc = json_loadb(r->body, r->len, 0, &je))) {
		omni_error_set(err, OMNI_EX_DATAERR, s->f->name, 0, 0,
		               "%s: bad json at line %d column %d: %s", what, je.line,
		               je.column, omni_payload_json_why(&je));
		goto out;
	}
	if (!json_is_array(orders = json_object_get(doc, list))) {
		omni_error_set(err, OMNI_EX_DATAERR, s->f->name, 0, 0,
		               "%s: no \"%s\" list in the response", what, list);
		goto out;
	}
	link = omni_http_header(r, "Link");
	*next = link ? omni_paged_link_next(link) : NULL;
	if (*next && omni_paged_origin(s->f->name, what, s->base, *next, err) < 0) {
		free(*next);
		*next = NULL;
		goto out;
	}
	pace(s, r);
	if (is_customers) {
		rc = accounts_put(s, orders, &p, err);
		goto out;
	}
	if (json_array_size(orders) && omni_payload_handle(&p, doc, err) < 0) {
		if (err->status == OMNI_EX_DATAERR) {
			char text[sizeof err->text];
			snprintf(text, sizeof text, "%s: %.400s", what, err->text);
			omni_error_set(err, OMNI_EX_DATAERR, s->f->name, 0, 0, "%s", text);
		}
		goto out;
	}
	note_times(s, orders);
	if (stock(s, orders, err) < 0)
		goto out;
	rc = 0;
out:
	free(link);
	json_decref(doc);
	json_decref(p.emitted);
	return rc;
}

static char *
first_url(struct shop *s, const char *base, const char *list, const char *since_t)
{
	/* the time as the shop wrote it, offset and all; ':' left as Shopify's
	 * own examples write it */
	char *url = NULL, *since = since_t ? omni_url_escape_keep(since_t, ":") : NULL;
	size_t n = strlen(base);
	int versioned = strstr(base, "/admin/api/") != NULL;

	while (n && base[n - 1] == '/')
		n--;
	if (asprintf(&url, "%.*s%s/%s.json?%slimit=250%s%s", (int)n, base,
	             versioned ? "" : "/admin/api/" API_VERSION, list,
	             strcmp(list, "orders") == 0 ? "status=any&" : "",
	             since ? "&updated_at_min=" : "", since ? since : "") < 0)
		url = NULL;
	free(since);
	return url;
}

static int
auth(struct shop *s, omni_error *err)
{
	char *token = omni_fetch_secret(s->f, "SHOPIFY", "TOKEN", err);
	int rc;

	if (!token)
		return -1;
	rc = omni_http_add_header(s->h, "X-Shopify-Access-Token", token, 1);
	free(token);
	if (rc == 0)
		rc = omni_http_add_header(s->h, "Accept", "application/json", 0);
	return rc < 0 ? omni_error_oom(err) , -1 : 0;
}

/* A page's customers into the store as accounts; the newest updated_at
 * kept for the cursor. */
static int
accounts_put(struct shop *s, const json_t *list, omni_payload *p, omni_error *err)
{
	size_t i;
	json_t *c;

	json_array_foreach(list, i, c) {
		json_t *a = omni_shopify_account(c, s->f->store_name);
		int rc = a ? omni_payload_account(p, a, err) :
		         omni_error_oom(err);
		json_decref(a);
		if (rc < 0)
			return -1;
	}
	note_times(s, list);
	return 0;
}

/* The customers updated since the last complete read of them. */
static int
customers(struct shop *s, const char *base, omni_error *err)
{
	char *url = first_url(s, base, "customers", s->customers), *next = NULL;
	int rc = -1;

	free(s->max);     /* from here on the newest customer's time */
	s->max = NULL;
	s->max_t = 0;
	for (s->page = 1; url; s->page++) {
		if (page(s, "customers", url, &next, err) < 0)
			goto out;
		free(url);
		url = next;
		next = NULL;
	}
	if (s->max) {
		free(s->customers);
		s->customers = s->max;
		s->max = NULL;
	}
	rc = 0;
out:
	free(url);
	free(s->max);     /* a list not read to its end moves no cursor */
	s->max = NULL;
	/* Not every token may read customers: that is no failure of the run. */
	if (rc < 0 && (s->status == 403 || s->status == 404)) {
		if (s->f->trace) {
			char line[sizeof err->text + 32];
			snprintf(line, sizeof line, "customers skipped: %s", err->text);
			s->f->trace(s->f->arg, line);
		}
		memset(err, 0, sizeof *err);
		rc = 0;
	}
	return rc;
}

int
omni_source_shopify(omni_fetch *f, const char *base, omni_error *err)
{
	struct shop s = { .f = f, .base = base };
	char *url = NULL, *next = NULL;
	int rc = -1;

	if (!(s.h = omni_http_new(f->name, err)) || auth(&s, err) < 0 ||
	    load_cursor(&s, err) < 0)
		goto out;
	if (f->trace)
		omni_http_set_trace(s.h, f->trace, f->arg);
	url = s.next ? strdup(s.next) : first_url(&s, base, "orders", s.since);
	for (s.page = 1; url; s.page++) {
		if (page(&s, "orders", url, &next, err) < 0 || save_cursor(&s, next, err) < 0)
			goto out;
		free(url);
		url = next;
		next = NULL;
	}
	if (f->orders) {
		/* The orders' cursor as their last page left it, then theirs. */
		if (s.max) {
			free(s.since);
			s.since = s.max;
			s.max = NULL;
		}
		if (customers(&s, base, err) < 0 || save_cursor(&s, NULL, err) < 0)
			goto out;
	}
	rc = 0;
out:
	free(url);
	free(next);
	free(s.since);
	free(s.max);
	free(s.next);
	free(s.customers);
	omni_http_free(s.h);
	return rc;
}
