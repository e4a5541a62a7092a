/* source_walmart.c - walmart:BASE, the Walmart Marketplace orders API
 * (BASE = https://marketplace.walmartapis.com).
 *
 * developer.walmart.com, "Token API" and "Orders Management": an access
 * token from POST /v3/token (grant_type=client_credentials, HTTP Basic
 * auth of the client id and secret, OMNI_WALMART_TOKEN = "ID:SECRET"),
 * good for 15 minutes and fetched again after a 401; then GET
 * /v3/orders?limit=100&lastModifiedStartDate=T with WM_SEC.ACCESS_TOKEN,
 * WM_SVC.NAME and a WM_QOS.CORRELATION_ID unique per request.  The next
 * page is /v3/orders + list.meta.nextCursor (a query string), until there
 * is none.  Throttling: x-current-token-count at 0 means wait for
 * x-next-replenish-time (Unix ms); a 429 is retried by lib/net/http.c.
 *
 * An order: purchaseOrderId (its id), customerOrderId (the number the
 * customer sees), orderDate (Unix ms), shippingInfo, and orderLines whose
 * statuses carry the tracking.  Its updated_at is the newest statusDate
 * of its lines, the time lastModifiedStartDate compares.
 *
 * Returns (with --orders, after the orders; "Returns API"): GET
 * /v3/returns?limit=200&returnLastModifiedStartDate=T, the next page
 * /v3/returns + meta.nextCursor, under the cursor of the source's key +
 * "#returns".  A return order {returnOrderId, customerOrderId,
 * returnOrderDate, totalRefundAmount{currencyAmount, currencyUnit},
 * returnOrderLines[{purchaseOrderId, returnReason, status, statusTime,
 * currentRefundStatus, refundedQty}]} joins each purchase order its lines
 * name, as one return, and as a refund once a line is refunded. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/core.h"
#include "net/net.h"
#include "fetch/fetch.h"

struct wm {
	omni_paged pg;
	omni_http *auth;          /* the token exchange: basic auth lives here */
	char *base, *access;
	unsigned char id[8];
	unsigned long requests;
	int secret_added;
};

static const json_t *
path(const json_t *o, const char *a, const char *b)
{
	return json_object_get(json_object_get(o, a), b);
}

/* A fresh WM_QOS.CORRELATION_ID: random bits of the run, and a count. */
static void
correlation(struct wm *w, char *buf, size_t size)
{
	snprintf(buf, size, "%02x%02x%02x%02x-%02x%02x-4%02x%01x-8000-%012lx", w->id[0],
	         w->id[1], w->id[2], w->id[3], w->id[4], w->id[5], w->id[6], w->id[7] & 15,
	         ++w->requests);
}

static int
headers(struct wm *w, omni_http *h, omni_error *err)
{
	char id[64];
	int rc;

	correlation(w, id, sizeof id);
	omni_http_clear_headers(h);
	rc = omni_http_add_header(h, "Accept", "application/json", 0);
	if (rc == 0)
		rc = omni_http_add_header(h, "WM_SVC.NAME", "Walmart Marketplace", 0);
	if (rc == 0)
		rc = omni_http_add_header(h, "WM_QOS.CORRELATION_ID", id, 0);
	if (rc == 0 && w->access && h == w->pg.h) {
		rc = omni_http_add_header(h, "WM_SEC.ACCESS_TOKEN", w->access, !w->secret_added);
		w->secret_added = 1;
	}
	return rc < 0 ? omni_error_oom(err), -1 : 0;
}

/* POST /v3/token: w->access, new. */
static int
token(struct wm *w, omni_error *err)
{
	char *url = NULL, *access = NULL;

	if (headers(w, w->auth, err) < 0)
		return -1;
	if (asprintf(&url, "%s/v3/token", w->base) < 0)
		return omni_error_oom(err), -1;
	if (omni_oauth_token(w->auth, w->pg.f->name, url, "token",
	                     "grant_type=client_credentials", &access, NULL, err) == 0) {
		free(w->access);
		w->access = access;
		w->secret_added = 0;      /* a new token is a new secret to redact */
	}
	free(url);
	return access ? 0 : -1;
}

static int
login(struct wm *w, omni_error *err)
{
	char *cred = omni_fetch_secret(w->pg.f, "WALMART", "TOKEN", err), *colon;
	int rc;

	if (!cred)
		return -1;
	if (!(colon = strchr(cred, ':'))) {
		memset(cred, 0, strlen(cred));
		free(cred);
		return omni_error_set(err, OMNI_EX_CONFIG, w->pg.f->name, 0, 0,
		                      "the walmart token is the client id and secret as "
		                      "\"ID:SECRET\""), -1;
	}
	*colon = 0;
	if (!(w->auth = omni_http_new(w->pg.f->name, err))) {
		rc = -1;
	} else {
		if (w->pg.f->trace)
			omni_http_set_trace(w->auth, w->pg.f->trace, w->pg.f->arg);
		rc = omni_http_set_login(w->auth, cred, colon + 1) < 0 ?
		     omni_error_oom(err), -1 : 0;
	}
	memset(colon + 1, 0, strlen(colon + 1));
	free(cred);
	return rc;
}

/* Out of tokens: wait until the bucket refills (at most a minute). */
static void
pace(struct wm *w, const omni_http_response *r)
{
	char *count = omni_http_header(r, "x-current-token-count");
	char *next = omni_http_header(r, "x-next-replenish-time");

	if (count && next && atol(count) <= 0) {
		/* the server's clock names the instant: --now has no say */
		double wait = (atof(next) - (double)omni_clock_real()) / 1000;
		omni_paged_wait(&w->pg, wait > 60 ? 60 : wait, "rate limit: 0 tokens left");
	}
	free(count);
	free(next);
}

/* GET url, with a new token after a 401 (it lasts 15 minutes). */
static int
get_page(struct wm *w, const char *url, omni_http_response **r, omni_error *err)
{
	char what[32];

	snprintf(what, sizeof what, "page %ld", w->pg.page);
	for (int attempt = 0;; attempt++) {
		if (headers(w, w->pg.h, err) < 0)
			return -1;
		if (omni_http_request(w->pg.h, NULL, url, what, NULL, NULL, 0, r, err) == 0)
			return 0;
		if (err->status != OMNI_EX_NOPERM || attempt || token(w, err) < 0)
			return -1;
	}
}

/* A Walmart amount ({"currency","amount"} with a number) in cents. */
static long long
cents(const json_t *money)
{
	const json_t *a = json_object_get(money, "amount");
	double v = json_is_number(a) ? json_number_value(a) :
	           omni_payload_str(money, "amount") ? atof(omni_payload_str(money, "amount")) : 0;

	return (long long)(v * 100 + (v < 0 ? -0.5 : 0.5));
}

/* A line status with tracking, as a fulfilment (new), or NULL.  Shipped
 * is in_transit and Delivered delivered (CHANNELS.md section 9). */
static json_t *
fulfillment_new(const json_t *o, const json_t *st)
{
	const json_t *ti = json_object_get(st, "trackingInfo"), *carrier = json_object_get(ti, "carrierName");
	const char *num = omni_payload_str(ti, "trackingNumber"), *status = omni_payload_str(st, "status");
	json_t *f;

	if (!num)
		return NULL;
	f = json_object();
	omni_payload_set_str(f, "id", num);
	omni_payload_set_str(f, "carrier", omni_payload_str(carrier, "carrier") ? omni_payload_str(carrier, "carrier") :
	                     omni_payload_str(carrier, "otherCarrier"));
	omni_payload_set_str(f, "tracking_number", num);
	omni_payload_set_str(f, "tracking_url", omni_payload_str(ti, "trackingURL"));
	omni_payload_set_str(f, "status", status && strcmp(status, "Delivered") == 0 ?
	                     "delivered" : "in_transit");
	omni_payload_set_time(f, "shipped_at", json_object_get(ti, "shipDateTime"));
	omni_payload_set_time(f, "estimated_at", path(o, "shippingInfo", "estimatedDeliveryDate"));
	return f;
}

/* What an order's lines add up to. */
struct lines {
	json_t *items, *fulfillments;
	long long total;
	const char *currency;
	int statuses, cancelled, delivered;
	omni_time newest;
};

static void
line(struct lines *L, const json_t *o, const json_t *l)
{
	const json_t *c, *st, *qty = path(l, "orderLineQuantity", "amount");
	json_t *it = json_object();
	omni_time t;
	size_t i;

	omni_payload_set_str(it, "sku", omni_payload_str(json_object_get(l, "item"), "sku"));
	omni_payload_set_str(it, "title", omni_payload_str(json_object_get(l, "item"), "productName"));
	if (json_is_string(qty) || json_is_integer(qty))
		json_object_set_new(it, "qty", json_integer(json_is_integer(qty) ?
		                    json_integer_value(qty) : atol(json_string_value(qty))));
	json_array_append_new(L->items, it);
	json_array_foreach(path(l, "charges", "charge"), i, c) {
		L->total += cents(json_object_get(c, "chargeAmount")) + cents(path(c, "tax", "taxAmount"));
		if (omni_payload_str(json_object_get(c, "chargeAmount"), "currency"))
			L->currency = omni_payload_str(json_object_get(c, "chargeAmount"), "currency");
	}
	if (omni_payload_time(json_object_get(l, "statusDate"), &t) == 0 &&
	    (L->newest == OMNI_TIME_NONE || t > L->newest))
		L->newest = t;
	json_array_foreach(path(l, "orderLineStatuses", "orderLineStatus"), i, st) {
		json_t *f = fulfillment_new(o, st);
		const char *s = omni_payload_str(st, "status");
		L->statuses++;
		L->cancelled += s && strcmp(s, "Cancelled") == 0;
		L->delivered += s && strcmp(s, "Delivered") == 0;
		if (f && !json_object_get(L->fulfillments, omni_payload_str(f, "id")))
			json_object_set(L->fulfillments, omni_payload_str(f, "id"), f);
		json_decref(f);
	}
}

static json_t *
order_new(const omni_payload *p, const json_t *o, struct lines *L)
{
	json_t *n = json_object(), *c = json_object();
	const json_t *ship = json_object_get(o, "shippingInfo");
	char total[48], *email = omni_payload_lower(omni_payload_str(o, "customerEmailId"));

	omni_payload_set_str(n, "id", omni_payload_str(o, "purchaseOrderId"));
	omni_payload_set_number(n, "walmart", omni_payload_str(o, "customerOrderId"));
	json_object_set_new(n, "channel", json_string("walmart"));
	omni_json_set_str(n, "store", p->f->store_name);
	omni_payload_set_time(n, "placed_at", json_object_get(o, "orderDate"));
	if (L->newest != OMNI_TIME_NONE)
		omni_json_set_time(n, "updated_at", L->newest);
	else
		omni_payload_set_time(n, "updated_at", json_object_get(o, "orderDate"));
	omni_payload_set_str(n, "status", L->statuses && L->cancelled == L->statuses ? "cancelled" :
	                     L->statuses && L->delivered + L->cancelled == L->statuses ? "closed" :
	                     "open");
	if (L->currency) {
		snprintf(total, sizeof total, "%s%lld.%02lld", L->total < 0 ? "-" : "",
		         llabs(L->total) / 100, llabs(L->total) % 100);
		omni_payload_set_str(n, "total", total);
		omni_payload_set_str(n, "currency", L->currency);
	}
	omni_payload_set_str(c, "name", omni_payload_str(json_object_get(ship, "postalAddress"), "name"));
	omni_payload_set_str(c, "email", email);
	omni_payload_set_str(c, "phone", omni_payload_str(ship, "phone"));
	json_object_set_new(n, "customer", c);
	json_object_set(n, "items", L->items);
	free(email);
	return n;
}

static int
order(struct wm *w, omni_payload *p, const json_t *o, omni_error *err)
{
	struct lines L = { json_array(), json_object(), 0, NULL, 0, 0, 0, OMNI_TIME_NONE };
	const json_t *l;
	const char *key;
	json_t *n, *f;
	size_t i;
	int rc;

	json_array_foreach(path(o, "orderLines", "orderLine"), i, l)
		line(&L, o, l);
	n = order_new(p, o, &L);
	rc = omni_payload_order(p, n, err);
	json_object_foreach(L.fulfillments, key, f)
		if (rc == 0)
			rc = omni_payload_fulfillment(p, "walmart", omni_payload_str(n, "id"), f, err);
	omni_paged_note(&w->pg, json_object_get(n, "updated_at"));
	json_decref(n);
	json_decref(L.items);
	json_decref(L.fulfillments);
	return rc;
}

static int
orders(struct wm *w, omni_payload *p, const json_t *list, omni_error *err)
{
	const json_t *o;
	size_t i;

	json_array_foreach(list, i, o) {
		if (!json_is_object(o) || !omni_payload_str(o, "purchaseOrderId") ||
		    !json_is_array(path(o, "orderLines", "orderLine")))
			return omni_paged_fail(&w->pg, err, "order %zu: not an order (each needs "
			                       "purchaseOrderId and orderLines.orderLine)", i + 1);
	}
	json_array_foreach(list, i, o)
		if (order(w, p, o, err) < 0)
			return omni_paged_locate(&w->pg, err);
	return 0;
}

/* One page: *next the following page's cursor (new) or NULL. */
static int
page(struct wm *w, const char *url, char **next, omni_error *err)
{
	omni_payload p = { w->pg.f, json_object() };
	omni_http_response *r;
	const json_t *list, *meta, *elems;
	json_t *doc = NULL;
	int rc = -1;

	*next = NULL;
	if (get_page(w, url, &r, err) < 0 || !(doc = omni_paged_parse(&w->pg, r, err)))
		goto out;
	pace(w, r);
	list = json_object_get(doc, "list");
	meta = json_object_get(list, "meta");
	elems = path(list, "elements", "order");
	if (!json_is_object(list) || (!json_is_array(elems) &&
	                              json_integer_value(json_object_get(meta, "totalCount")) != 0)) {
		omni_paged_fail(&w->pg, err, "no list.elements.order in the response");
		goto out;
	}
	if (json_is_array(elems) && orders(w, &p, elems, err) < 0)
		goto out;
	if (omni_payload_str(meta, "nextCursor") && json_array_size(elems))
		*next = strdup(omni_payload_str(meta, "nextCursor"));
	rc = 0;
out:
	json_decref(doc);
	json_decref(p.emitted);
	return rc;
}

/* ---- returns ---- */

/* A return line's status in the store's words (omni-ticket(5)), lowercase
 * when it is another. */
static char *
return_status(const char *s)
{
	static const omni_payload_word map[] = {
		{ "INITIATED", "requested" }, { "RETURN_INITIATED", "requested" },
		{ "IN_TRANSIT", "in_transit" }, { "DELIVERED", "received" },
		{ "RECEIVED", "received" }, { "COMPLETED", "closed" },
		{ "CANCELLED", "cancelled" }, { "CANCELED", "cancelled" },
		{ "REJECTED", "declined" },
	};

	return omni_payload_word_in(s, map, sizeof map / sizeof map[0]);
}

static int
refunded(const json_t *l)
{
	const char *rs = omni_payload_str(l, "currentRefundStatus");
	const json_t *q = json_object_get(l, "refundedQty");

	return (json_is_number(q) && json_number_value(q) > 0) ||
	       (rs && (!strcmp(rs, "REFUNDED") || !strcmp(rs, "REFUND_COMPLETED") ||
	               !strcmp(rs, "COMPLETED")));
}

/* The lines of return ro for purchase order po: one return (and its
 * refund, when refunded) onto that order. */
static int
return_order(struct wm *w, omni_payload *p, const json_t *ro, const char *po,
             omni_error *err)
{
	const json_t *l, *amount = path(ro, "totalRefundAmount", "currencyAmount");
	const char *id = omni_payload_str(ro, "returnOrderId"), *reason = NULL, *st = NULL;
	const json_t *at = NULL;
	json_t *o = json_object(), *r = json_object(), *ref = NULL;
	char *status, *why = NULL, money[48];
	int paid = 0, rc;
	size_t i;

	json_array_foreach(json_object_get(ro, "returnOrderLines"), i, l) {
		const char *lpo = omni_payload_str(l, "purchaseOrderId");
		if (lpo && strcmp(lpo, po) != 0)
			continue;
		if (!reason)
			reason = omni_payload_str(l, "returnReason");
		if (!st)
			st = omni_payload_str(l, "status");
		paid |= refunded(l);
		if (json_object_get(l, "statusTime"))
			at = json_object_get(l, "statusTime");
		omni_paged_note(&w->pg, json_object_get(l, "statusTime"));
	}
	status = paid ? strdup("refunded") : return_status(st);
	why = return_status(reason);
	omni_payload_set_str(r, "id", id);
	omni_payload_set_str(r, "status", status);
	omni_payload_set_str(r, "reason", why);
	omni_payload_set_time(r, "at", json_object_get(ro, "returnOrderDate"));
	omni_payload_set_str(o, "id", po);
	omni_payload_set_number(o, "walmart", omni_payload_str(ro, "customerOrderId"));
	json_object_set_new(o, "channel", json_string("walmart"));
	omni_json_set_str(o, "store", p->f->store_name);
	json_object_set_new(o, "returns", json_pack("[o]", r));
	rc = omni_payload_order(p, o, err);
	if (rc == 0 && paid && json_is_number(amount)) {
		snprintf(money, sizeof money, "%.2f", json_number_value(amount));
		ref = json_object();
		omni_payload_set_str(ref, "id", id);
		omni_payload_set_str(ref, "amount", money);
		omni_payload_set_str(ref, "currency", omni_payload_str(json_object_get(ro, "totalRefundAmount"), "currencyUnit"));
		omni_payload_set_str(ref, "reason", why);
		omni_payload_set_time(ref, "at", at ? at : json_object_get(ro, "returnOrderDate"));
		rc = omni_payload_refund(p, "walmart", po, ref, err);
	}
	json_decref(o);
	json_decref(ref);
	free(status);
	free(why);
	return rc;
}

/* One return order onto each purchase order its lines name. */
static int
return_one(struct wm *w, omni_payload *p, const json_t *ro, size_t n, omni_error *err)
{
	json_t *seen = json_object();
	const json_t *l;
	size_t i;
	int rc = 0;

	if (!json_is_object(ro) || !omni_payload_str(ro, "returnOrderId") ||
	    !json_array_size(json_object_get(ro, "returnOrderLines"))) {
		json_decref(seen);
		return omni_paged_fail(&w->pg, err, "return %zu: not a return order (each needs "
		                       "returnOrderId and returnOrderLines)", n + 1);
	}
	json_array_foreach(json_object_get(ro, "returnOrderLines"), i, l) {
		const char *po = omni_payload_str(l, "purchaseOrderId");
		if (!po) {
			rc = omni_paged_fail(&w->pg, err, "return %zu: line %zu without a "
			                     "purchaseOrderId", n + 1, i + 1);
			break;
		}
		if (json_object_get(seen, po))
			continue;
		json_object_set_new(seen, po, json_true());
		if ((rc = return_order(w, p, ro, po, err)) < 0) {
			rc = omni_paged_locate(&w->pg, err);
			break;
		}
	}
	json_decref(seen);
	return rc;
}

static int
returns_page(struct wm *w, const char *url, char **next, omni_error *err)
{
	omni_payload p = { w->pg.f, json_object() };
	omni_http_response *r;
	const json_t *list, *meta, *ro;
	json_t *doc = NULL;
	size_t i;
	int rc = -1;

	*next = NULL;
	if (get_page(w, url, &r, err) < 0 || !(doc = omni_paged_parse(&w->pg, r, err)))
		goto out;
	pace(w, r);
	list = json_object_get(doc, "returnOrders");
	meta = json_object_get(doc, "meta");
	if (!json_is_array(list) && json_integer_value(json_object_get(meta, "totalCount")) != 0) {
		omni_paged_fail(&w->pg, err, "no returnOrders list in the response");
		goto out;
	}
	json_array_foreach(list, i, ro)
		if (return_one(w, &p, ro, i, err) < 0)
			goto out;
	if (omni_payload_str(meta, "nextCursor") && json_array_size(list))
		*next = strdup(omni_payload_str(meta, "nextCursor"));
	rc = 0;
out:
	json_decref(doc);
	json_decref(p.emitted);
	return rc;
}

static char *
first_url(struct wm *w)
{
	char since[40] = "", *url = NULL;

	if (w->pg.since != OMNI_TIME_NONE)
		omni_time_format(w->pg.since, since);
	if (asprintf(&url, "%s/v3/orders?limit=100%s%s", w->base,
	             w->pg.since != OMNI_TIME_NONE ? "&lastModifiedStartDate=" : "",
	             w->pg.since != OMNI_TIME_NONE ? since : "") < 0)
		url = NULL;
	return url;
}

static char *
returns_url(struct wm *w)
{
	char since[40] = "", *url = NULL;

	if (w->pg.since != OMNI_TIME_NONE)
		omni_time_format(w->pg.since, since);
	if (asprintf(&url, "%s/v3/returns?limit=200%s%s", w->base,
	             w->pg.since != OMNI_TIME_NONE ? "&returnLastModifiedStartDate=" : "",
	             w->pg.since != OMNI_TIME_NONE ? since : "") < 0)
		url = NULL;
	return url;
}

/* The pages of one listing (path "/v3/orders"), from the cursor's next
 * or first() to the last, the cursor saved after each. */
static int
stream(struct wm *w, const char *list, char *(*first)(struct wm *),
       int (*page)(struct wm *, const char *, char **, omni_error *), omni_error *err)
{
	char *url = NULL, *next = NULL;
	int rc = -1;

	if (w->pg.next && asprintf(&url, "%s%s%s", w->base, list, w->pg.next) < 0)
		url = NULL;
	if (!w->pg.next)
		url = first(w);
	if (!url)
		return omni_error_oom(err), -1;
	for (; url; w->pg.page++) {
		if (page(w, url, &next, err) < 0 || omni_paged_save(&w->pg, next, err) < 0)
			goto out;
		free(url);
		url = NULL;
		if (next && asprintf(&url, "%s%s%s", w->base, list, next) < 0) {
			url = NULL;
			omni_error_oom(err);
			goto out;
		}
		free(next);
		next = NULL;
	}
	rc = 0;
out:
	free(url);
	free(next);
	return rc;
}

static int
returns_stream(void *w, omni_error *err)
{
	return stream(w, "/v3/returns", returns_url, returns_page, err);
}

/* The returns, under their own cursor. */
static int
returns(struct wm *w, omni_error *err)
{
	return omni_paged_under(&w->pg, "#returns", returns_stream, w, err);
}

static void
seed(struct wm *w)
{
	FILE *fp = fopen("/dev/urandom", "rb");

	if (!fp || fread(w->id, 1, sizeof w->id, fp) != sizeof w->id) {
		unsigned long v = (unsigned long)(omni_clock_real() / 1000) ^
		                  ((unsigned long)getpid() << 16);
		for (size_t i = 0; i < sizeof w->id; i++, v >>= 4)
			w->id[i] = (unsigned char)v;
	}
	if (fp)
		fclose(fp);
}

int
omni_source_walmart(omni_fetch *f, const char *base, omni_error *err)
{
	struct wm w = { .base = NULL };
	size_t n = strlen(base);
	int rc = -1;

	seed(&w);
	while (n && base[n - 1] == '/')
		n--;
	if (omni_paged_open(&w.pg, f, err) < 0 || login(&w, err) < 0)
		goto out;
	if (!(w.base = strndup(base, n)) || token(&w, err) < 0)
		goto out;
	if (stream(&w, "/v3/orders", first_url, page, err) < 0 ||
	    (f->orders && returns(&w, err) < 0))
		goto out;
	rc = 0;
out:
	free(w.base);
	if (w.access)
		memset(w.access, 0, strlen(w.access));
	free(w.access);
	omni_http_free(w.auth);
	omni_paged_close(&w.pg);
	return rc;
}
