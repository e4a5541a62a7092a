/* source_amazon.c - amazon:BASE, the Selling Partner API's orders.
 *
 * An LWA access token from the refresh token (POST to the token endpoint:
 * Amazon's, or the [source] key token_url), sent as x-amz-access-token and
 * exchanged again shortly before it expires, or once when the API says it
 * has.  Then GET /orders/v0/orders?MarketplaceIds=M&LastUpdatedAfter=T
 * and NextToken pages (a NextToken request carries only NextToken and
 * MarketplaceIds), and under --orders each order's items
 * (/orders/v0/orders/ID/orderItems, paged the same way).  Requests are
 * paced by the published rate limits (getOrders 0.0167/s, burst 20;
 * getOrderItems 0.5/s, burst 30), at the rate x-amzn-RateLimit-Limit gives
 * when it does; a 429 QuotaExceeded is retried by lib/net/http.c.  The cursor
 * is lib/fetch/sources/source_paged.c's: {"since":T} between runs, with "max" and "next"
 * (the NextToken) in the middle of one; a stored NextToken that has
 * expired starts the listing again from T. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/core.h"
#include "net/net.h"
#include "fetch/fetch.h"

#define TOKEN_URL "https://api.amazon.com/auth/o2/token"
#define MARKETPLACE "ATVPDKIKX0DER"
#define FIRST_DAYS 30      /* a first run reads the orders updated since */

/* A token bucket: rate requests a second, burst at most. */
struct bucket {
	double rate, burst, tokens, at;
};

struct amz {
	omni_fetch *f;
	omni_paged pg;             /* the API's handle, the cursor, the page */
	omni_http *lwa;
	const char *token_url, *marketplace;
	char *base, *client_id, *client_secret, *refresh;
	double expires;            /* monotonic time the access token expires */
	struct bucket orders_b, items_b;
	omni_payload p;
};

static void
bucket_init(struct bucket *b, double rate, double burst)
{
	b->rate = rate;
	b->burst = b->tokens = burst;
	b->at = omni_clock_monotonic();
}

/* Takes a token: the seconds to wait for it first. */
static double
bucket_take(struct bucket *b)
{
	double now = omni_clock_monotonic(), wait = 0;

	b->tokens += (now - b->at) * b->rate;
	if (b->tokens > b->burst)
		b->tokens = b->burst;
	b->at = now;
	if (b->tokens < 1 && b->rate > 0)
		wait = (1 - b->tokens) / b->rate;
	b->tokens -= 1;
	if (wait > 0) {
		b->tokens = 0;
		b->at = now + wait;
	}
	return wait;
}

/* x-amzn-RateLimit-Limit (requests a second) replaces the published rate. */
static void
bucket_rate(struct bucket *b, const char *value)
{
	char *end;
	double r;

	if (!value)
		return;
	r = strtod(value, &end);
	if (end != value && !*end && r > 0 && r < 1e6)
		b->rate = r;
}

static void __attribute__((format(printf, 2, 3)))
say(struct amz *a, const char *fmt, ...)
{
	char line[128];
	va_list ap;

	if (!a->f->trace)
		return;
	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	a->f->trace(a->f->arg, line);
}

static int
oom(omni_error *err)
{
	return omni_error_oom(err), -1;
}

static void
append(omni_error *err, const char *more)
{
	size_t n = strlen(err->text);

	snprintf(err->text + n, sizeof err->text - n, "%s", more);
}

/* The LWA exchange: an access token for the API, until it expires. */
static int
token(struct amz *a, omni_error *err)
{
	char *access = NULL;
	double ttl;
	int rc = -1;

	/* LWA refuses a bad grant with 400 and a bad client with 401 */
	if (omni_oauth_refresh(a->lwa, a->f->name, "AMAZON", a->token_url, a->refresh,
	                       a->client_id, a->client_secret, NULL, &access, &ttl, err) < 0)
		goto out;
	a->expires = omni_clock_monotonic() + ttl;
	omni_http_clear_headers(a->pg.h);
	if (omni_http_add_header(a->pg.h, "x-amz-access-token", access, 1) < 0 ||
	    omni_http_add_header(a->pg.h, "Accept", "application/json", 0) < 0) {
		oom(err);
		goto out;
	}
	rc = 0;
out:
	free(access);
	return rc;
}

/* Does a 401/403 say the access token is no longer good? */
static int
expired(const omni_error *err)
{
	return err->status == OMNI_EX_NOPERM &&
	       (strstr(err->text, "expired") || strstr(err->text, "Unauthorized") ||
	        strstr(err->text, "401 unauthorized"));
}

/* GET url as JSON (new), paced by b, with a token that is still good.
 * sub: what the request is within the page ("order X: items"), or NULL. */
static json_t *
api_get(struct amz *a, const char *url, const char *sub, struct bucket *b,
        omni_error *err)
{
	omni_http_response *r = NULL;
	json_t *doc = NULL;
	json_error_t je;
	char what[128];

	snprintf(what, sizeof what, "page %ld%s%s", a->pg.page, sub ? ": " : "", sub ? sub : "");
	for (int again = 0;; again = 1) {
		if (omni_clock_monotonic() > a->expires - 60 && token(a, err) < 0)
			return NULL;
		omni_paged_wait(&a->pg, bucket_take(b), "rate limit");
		if (omni_http_request(a->pg.h, NULL, url, what, NULL, NULL, 0, &r, err) == 0)
			break;
		if (again || !expired(err)) {
			if (err->status == OMNI_EX_NOPERM)
				append(err, "; the app needs the orders role for this refresh "
				       "token (OMNI_AMAZON_REFRESH_TOKEN)");
			return NULL;
		}
		say(a, "the access token expired: exchanging the refresh token again");
		a->expires = 0;
	}
	char *rate = omni_http_header(r, "x-amzn-RateLimit-Limit");
	bucket_rate(b, rate);
	free(rate);
	if (!(doc = json_loadb(r->body, r->len, 0, &je)))
		omni_paged_fail(&a->pg, err, "%s%sbad json at line %d column %d: %s",
		                sub ? sub : "", sub ? ": " : "", je.line, je.column,
		                omni_payload_json_why(&je));
	return doc;
}

static char *
orders_url(struct amz *a, const char *next)
{
	char *url = NULL, *m = omni_url_escape(a->marketplace), *v = NULL;
	char since[32];
	omni_time t = a->pg.since;

	if (t == OMNI_TIME_NONE)
		t = omni_clock_now() - (omni_time)FIRST_DAYS * 86400000;
	v = omni_url_escape(next ? next : omni_time_format(t, since));
	if (m && v && asprintf(&url, "%s/orders/v0/orders?MarketplaceIds=%s&%s=%s", a->base, m,
	                       next ? "NextToken" : "LastUpdatedAfter", v) < 0)
		url = NULL;
	free(m);
	free(v);
	return url;
}

/* Every page of an order's items: new, or NULL with err. */
static json_t *
items(struct amz *a, const char *id, omni_error *err)
{
	json_t *all = json_array(), *doc = NULL;
	char *next = NULL, *eid = omni_url_escape(id), sub[96];

	snprintf(sub, sizeof sub, "order %.40s: items", id);
	do {
		char *url = NULL, *tok = next ? omni_url_escape(next) : NULL;
		const json_t *pl, *list;
		const char *nt;
		if (!eid || (next && !tok) ||
		    asprintf(&url, "%s/orders/v0/orders/%s/orderItems%s%s", a->base, eid,
		             tok ? "?NextToken=" : "", tok ? tok : "") < 0) {
			url = NULL;
			oom(err);
		}
		free(tok);
		free(next);
		next = NULL;
		doc = url ? api_get(a, url, sub, &a->items_b, err) : NULL;
		free(url);
		if (!doc)
			goto fail;
		pl = json_object_get(doc, "payload");
		if (!json_is_array(list = json_object_get(pl, "OrderItems"))) {
			omni_paged_fail(&a->pg, err, "%s: no payload.OrderItems list in the response",
			                sub);
			goto fail;
		}
		json_array_extend(all, (json_t *)list);
		if ((nt = json_string_value(json_object_get(pl, "NextToken"))) && *nt)
			next = strdup(nt);
		json_decref(doc);
		doc = NULL;
	} while (next);
	free(eid);
	return all;
fail:
	json_decref(doc);
	json_decref(all);
	free(eid);
	return NULL;
}

static int
order(struct amz *a, const json_t *o, size_t k, omni_error *err)
{
	const char *id = json_string_value(json_object_get(o, "AmazonOrderId"));
	json_t *list = NULL, *n = NULL;
	int rc = -1;

	if (!id || !*id)
		return omni_paged_fail(&a->pg, err, "order %zu without an AmazonOrderId", k + 1);
	if (a->f->orders && !(list = items(a, id, err)))
		return -1;
	n = omni_amazon_order_new(a->f, o, list);
	if (omni_payload_order(&a->p, n, err) == 0) {
		omni_paged_note(&a->pg, json_object_get(o, "LastUpdateDate"));
		rc = 0;
	} else {
		omni_paged_locate(&a->pg, err);
	}
	json_decref(n);
	json_decref(list);
	return rc;
}

static int
page(struct amz *a, const char *url, char **next, omni_error *err)
{
	json_t *doc = NULL, *list, *pl;
	const char *tok;
	int rc = -1;

	if (!(doc = api_get(a, url, NULL, &a->orders_b, err)))
		goto out;
	pl = json_object_get(doc, "payload");
	if (!json_is_array(list = json_object_get(pl, "Orders"))) {
		omni_paged_fail(&a->pg, err, "no payload.Orders list in the response");
		goto out;
	}
	for (size_t i = 0; i < json_array_size(list); i++)
		if (order(a, json_array_get(list, i), i, err) < 0)
			goto out;
	tok = json_string_value(json_object_get(pl, "NextToken"));
	*next = tok && *tok ? strdup(tok) : NULL;
	rc = 0;
out:
	json_decref(doc);
	return rc;
}

/* The first request of a run that resumed at a stored NextToken, refused
 * with a 400 (InvalidInput): the token has expired. */
static int
stale_token(const struct amz *a, const omni_error *err)
{
	return a->pg.next && a->pg.page == 1 && err->status == OMNI_EX_PROTOCOL &&
	       strstr(err->text, "http status 400");
}

static int
setup(struct amz *a, const char *base, omni_error *err)
{
	const omni_conf_section *c = a->f->conf;
	size_t n = strlen(base);

	while (n && base[n - 1] == '/')
		n--;
	if (!(a->base = strndup(base, n)))
		return oom(err);
	a->token_url = c && omni_conf_get(c, "token_url") ? omni_conf_get(c, "token_url")
	                                                  : TOKEN_URL;
	a->marketplace = c && omni_conf_get(c, "marketplace") ? omni_conf_get(c, "marketplace")
	                                                      : MARKETPLACE;
	if (!(a->refresh = omni_fetch_secret(a->f, "AMAZON", "REFRESH_TOKEN", err)) ||
	    !(a->client_id = omni_fetch_secret(a->f, "AMAZON", "CLIENT_ID", err)) ||
	    !(a->client_secret = omni_fetch_secret(a->f, "AMAZON", "CLIENT_SECRET", err)))
		return -1;
	if (!(a->lwa = omni_http_new(a->f->name, err)))
		return -1;
	if (a->f->trace)
		omni_http_set_trace(a->lwa, a->f->trace, a->f->arg);
	bucket_init(&a->orders_b, 0.0167, 20);
	bucket_init(&a->items_b, 0.5, 30);
	return omni_paged_open(&a->pg, a->f, err);
}

int
omni_source_amazon(omni_fetch *f, const char *base, omni_error *err)
{
	struct amz a = { .f = f, .p = { f, json_object() } };
	char *url = NULL, *next = NULL;
	int rc = -1;

	if (setup(&a, base, err) < 0)
		goto out;
	for (url = orders_url(&a, a.pg.next); url; a.pg.page++) {
		int got = page(&a, url, &next, err);
		if (got < 0 && stale_token(&a, err)) {
			/* a NextToken kept from an earlier run has expired: start
			 * the listing again from "since" (orders are upserts) */
			say(&a, "the stored NextToken was refused: reading from the start");
			free(a.pg.next);
			a.pg.next = NULL;
			free(url);
			url = orders_url(&a, NULL);
			a.pg.page = 0;
			continue;
		}
		if (got < 0 || omni_paged_save(&a.pg, next, err) < 0)
			goto out;
		free(url);
		url = next ? orders_url(&a, next) : NULL;
		if (next && !url) {
			oom(err);
			goto out;
		}
		free(next);
		next = NULL;
	}
	rc = 0;
out:
	free(url);
	free(next);
	free(a.base);
	free(a.client_id);
	free(a.client_secret);
	free(a.refresh);
	json_decref(a.p.emitted);
	omni_paged_close(&a.pg);
	omni_http_free(a.lwa);
	return rc;
}
