/* source_ebay.c - ebay:BASE, the Fulfillment API's orders (with --orders)
 * and the Message API's conversations, with the user token as Bearer.
 *
 * Orders: GET /sell/fulfillment/v1/order?filter=lastmodifieddate:[T..]
 * &limit=200, then the response's "next" (else offset + limit while below
 * "total"); an order with fulfillmentHrefs has its shipping fulfilments
 * read from /order/ID/shipping_fulfillment.  Conversations: GET
 * /commerce/message/v1/conversation?conversation_type=FROM_MEMBERS, then
 * FROM_EBAY, paged the same way; a conversation whose latest message was
 * emitted before is skipped, the others are read whole
 * (/conversation/ID, paged) and become one ticket each with the messages
 * not emitted before (lib/fetch/payload/payload_ebay.c).
 *
 * Returns (with --orders, after the orders): the Post-Order API's GET
 * /post-order/v2/return/search?limit=200&offset=N (offset is the page
 * number, from 1, up to paginationOutput.totalPages), with the same token
 * as "IAF <token>" and X-EBAY-C-MARKETPLACE-ID (the source's marketplace
 * key, default EBAY_US); after the first run only the returns opened in
 * the 30 days before the cursor (creation_date_range_from), so that a
 * return's later states are read again.  Each return joins its order
 * (orderId) in the store.
 *
 * The cursor has a part for each listing, {"orders":P,"returns":P,
 * "FROM_MEMBERS":P, "FROM_EBAY":P}, each P as lib/fetch/sources/source_paged.c keeps it: {"since":T}
 * between runs, {"since","max","next":URL} in the middle of one.  A 429,
 * or a body whose error is errorId 2001 (too many requests), is retried
 * with backoff. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "store/store.h"
#include "net/net.h"
#include "fetch/fetch.h"

#define TOO_MANY 2001     /* eBay's errorId for "too many requests" */

struct part {
	const char *name;
	omni_time since, max;
	char *next;
};

struct ebay {
	omni_fetch *f;
	omni_http *h;
	omni_http *auth;          /* the token exchange, with the client's login */
	char *refresh, *token_url;
	double renew;             /* monotonic time to exchange the token again */
	char *base;
	char *token;              /* the access token (secret) */
	const char *scheme;       /* "Bearer", or "IAF" for the Post-Order API */
	json_t *cursor;           /* every part, as stored */
	omni_payload p;
	long page;                /* within the listing being read */
	const char *listing;      /* "orders", "conversations" */
};

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

/* ---- the cursor ---- */

static omni_time
part_time(const json_t *o, const char *key)
{
	omni_time t;

	return omni_payload_time(json_object_get(o, key), &t) == 0 ? t : OMNI_TIME_NONE;
}

static void
part_load(struct ebay *e, struct part *pt, const char *name)
{
	const json_t *o = json_object_get(e->cursor, name);
	const char *next = json_string_value(json_object_get(o, "next"));

	pt->name = name;
	pt->since = part_time(o, "since");
	pt->max = part_time(o, "max");
	pt->next = next ? strdup(next) : NULL;
}

static void
part_note(struct part *pt, const json_t *v)
{
	omni_time t;

	if (omni_payload_time(v, &t) == 0 && (pt->max == OMNI_TIME_NONE || t > pt->max))
		pt->max = t;
}

static void
set_time(json_t *o, const char *key, omni_time t)
{
	if (t == OMNI_TIME_NONE)
		json_object_set_new(o, key, json_null());
	else
		omni_json_set_time(o, key, t);
}

/* After a complete page: next where the listing resumes, NULL at its end. */
static int
part_save(struct ebay *e, struct part *pt, const char *next, omni_error *err)
{
	json_t *o = json_object();
	char *text;
	int rc;

	if (next) {
		set_time(o, "since", pt->since);
		set_time(o, "max", pt->max);
		omni_json_set_str(o, "next", next);
	} else {
		set_time(o, "since", pt->max != OMNI_TIME_NONE &&
		         (pt->since == OMNI_TIME_NONE || pt->max > pt->since) ? pt->max : pt->since);
	}
	json_object_set_new(e->cursor, pt->name, o);
	if (!(text = json_dumps(e->cursor, JSON_COMPACT | JSON_SORT_KEYS)))
		return oom(err);
	rc = e->f->checkpoint ? e->f->checkpoint(e->f, text, err) :
	     omni_store_cursor_set(e->f->store, e->f->cursor_key, text, err);
	free(text);
	return rc;
}

/* ---- requests ---- */

/* {"errors":[{"errorId":2001,...}]} */
static int
too_many(const json_t *doc)
{
	size_t i;
	json_t *e;

	json_array_foreach(json_object_get(doc, "errors"), i, e)
		if (json_integer_value(json_object_get(e, "errorId")) == TOO_MANY)
			return 1;
	return 0;
}

/* The access token in the Authorization of every request (redacted in
 * traces), as the API being read wants it: "Bearer", or "IAF" with the
 * marketplace for the Post-Order API. */
static int
authorize(struct ebay *e, omni_error *err)
{
	const char *market = e->f->conf ? omni_conf_get(e->f->conf, "marketplace") : NULL;
	char *b = NULL;
	int rc = 0, iaf = strcmp(e->scheme, "IAF") == 0;

	omni_http_clear_headers(e->h);
	if (asprintf(&b, "%s %s", e->scheme, e->token) < 0)
		b = NULL;
	if (!b || omni_http_add_header(e->h, "Authorization", b, 1) < 0 ||
	    omni_http_add_header(e->h, "Accept", "application/json", 0) < 0 ||
	    (iaf && omni_http_add_header(e->h, "X-EBAY-C-MARKETPLACE-ID",
	                                 market ? market : "EBAY_US", 0) < 0))
		rc = oom(err);
	if (b)
		memset(b, 0, strlen(b));
	free(b);
	return rc;
}

static void
forget_token(struct ebay *e)
{
	if (e->token)
		memset(e->token, 0, strlen(e->token));
	free(e->token);
	e->token = NULL;
}

static int
bearer(struct ebay *e, const char *token, omni_error *err)
{
	forget_token(e);
	if (!(e->token = strdup(token)))
		return oom(err);
	return authorize(e, err);
}

/* A user access token from the refresh token (developer.ebay.com, "Using a
 * refresh token to update a User access token"): POST grant_type=
 * refresh_token to /identity/v1/oauth2/token with the client id and
 * secret as Basic auth; the token lasts expires_in (two hours). */
static int
refresh(struct ebay *e, omni_error *err)
{
	const char *scope = e->f->conf ? omni_conf_get(e->f->conf, "scope") : NULL;
	char *access = NULL;
	double ttl;
	int rc = -1;

	if (omni_oauth_refresh(e->auth, e->f->name, "EBAY", e->token_url, e->refresh, NULL,
	                       NULL, scope, &access, &ttl, err) < 0)
		goto out;
	/* a minute before it expires; halfway through a short-lived one */
	e->renew = omni_clock_monotonic() + (ttl > 120 ? ttl - 60 : ttl / 2);
	rc = bearer(e, access, err);
out:
	free(access);
	return rc;
}

/* GET url as JSON: new, or NULL with err.  what: "orders page 2". */
static json_t *
fetch(struct ebay *e, const char *url, const char *what, const char *scope,
      omni_error *err)
{
	long retries = (long)omni_env_number("OMNI_HTTP_RETRIES", 5);
	double backoff = omni_env_number("OMNI_HTTP_BACKOFF", 1);

	for (long n = 0, renewed = 0;; n++) {
		omni_http_response *r = NULL;
		json_t *doc = NULL;
		json_error_t je;
		int rc;

		if (omni_paged_origin(e->f->name, what, e->base, url, err) < 0)
			return NULL;
		if (e->auth && omni_clock_monotonic() > e->renew && refresh(e, err) < 0)
			return NULL;
		rc = omni_http_request(e->h, NULL, url, what, NULL, NULL, 0, &r, err);
		if (rc < 0 && e->auth && err->status == OMNI_EX_NOPERM && !renewed++) {
			if (e->f->trace)
				e->f->trace(e->f->arg, "the access token was refused: exchanging the "
				            "refresh token again");
			e->renew = 0;
			n--;
			continue;
		}

		if (rc == 0 && !(doc = json_loadb(r->body, r->len, 0, &je))) {
			omni_error_set(err, OMNI_EX_DATAERR, e->f->name, 0, 0,
			               "%s: bad json at line %d column %d: %s", what, je.line,
			               je.column, omni_payload_json_why(&je));
			return NULL;
		}
		if (rc == 0 && !too_many(doc))
			return doc;
		/* a refusal's error object may say "too many requests" too */
		if (rc < 0 && r && err->status == OMNI_EX_PROTOCOL)
			doc = json_loadb(r->body, r->len, 0, NULL);
		int throttled = too_many(doc);
		json_decref(doc);
		if (rc < 0 && !throttled) {
			if (err->status == OMNI_EX_NOPERM) {
				char more[160];
				snprintf(more, sizeof more, "; the user token (%s) needs the "
				         "scope https://api.ebay.com/oauth/api_scope/%s",
				         e->auth ? "OMNI_EBAY_REFRESH_TOKEN" : "OMNI_EBAY_TOKEN", scope);
				append(err, more);
			}
			return NULL;
		}
		if (n >= retries) {
			omni_error_set(err, OMNI_EX_TEMPFAIL, e->f->name, 0, 0,
			               "%s: too many requests (errorId 2001), %ld attempts", what, n + 1);
			return NULL;
		}
		double d = backoff * pow(2, (double)n);
		if (e->f->trace) {
			char line[96];
			snprintf(line, sizeof line, "too many requests (errorId 2001): waiting %.2fs", d);
			e->f->trace(e->f->arg, line);
		}
		omni_http_sleep(d > 60 ? 60 : d);
	}
}

/* The page after doc: its "next", else the offset past it while below
 * "total".  New, or NULL at the end. */
static char *
next_url(const json_t *doc, const char *list, const char *url)
{
	const char *next = json_string_value(json_object_get(doc, "next"));
	json_int_t offset = json_integer_value(json_object_get(doc, "offset")),
	           total = json_integer_value(json_object_get(doc, "total"));
	size_t n = json_array_size(json_object_get(doc, list));
	const char *q;
	char *out = NULL;

	if (next && *next)
		return strdup(next);
	if (!n || !json_is_integer(json_object_get(doc, "total")) || offset + (json_int_t)n >= total)
		return NULL;
	/* the same query with offset= replaced */
	q = strstr(url, "&offset=");
	if (asprintf(&out, "%.*s&offset=%" JSON_INTEGER_FORMAT, q ? (int)(q - url) : (int)strlen(url),
	             url, offset + (json_int_t)n) < 0)
		out = NULL;
	return out;
}

/* ---- orders ---- */

static char *
escape_id(const json_t *o, const char *key)
{
	const char *v = json_string_value(json_object_get(o, key));

	return v ? omni_url_escape(v) : NULL;
}

/* An order's shipping fulfilments, when it has any. */
static int
fulfillments(struct ebay *e, const json_t *o, const char *id, const char *what,
             omni_error *err)
{
	json_t *doc = NULL, *fl;
	char *eid = NULL, *url = NULL, sub[160];
	size_t i;
	int rc = -1;

	if (!json_array_size(json_object_get(o, "fulfillmentHrefs")))
		return 0;
	snprintf(sub, sizeof sub, "%s: order %.40s: fulfillments", what, id);
	if (!(eid = escape_id(o, "orderId")) ||
	    asprintf(&url, "%s/sell/fulfillment/v1/order/%s/shipping_fulfillment", e->base, eid) < 0) {
		url = NULL;
		oom(err);
		goto out;
	}
	if (!(doc = fetch(e, url, sub, "sell.fulfillment", err)))
		goto out;
	if (!json_is_array(json_object_get(doc, "fulfillments"))) {
		omni_error_set(err, OMNI_EX_DATAERR, e->f->name, 0, 0,
		               "%s: no \"fulfillments\" list in the response", sub);
		goto out;
	}
	json_array_foreach(json_object_get(doc, "fulfillments"), i, fl) {
		json_t *n = omni_ebay_fulfillment_new(fl, o);
		int r = json_object_get(n, "id") ? omni_payload_fulfillment(&e->p, "ebay", id, n, err) :
		        (omni_error_set(err, OMNI_EX_DATAERR, e->f->name, 0, 0,
		                        "%s: a fulfillment without a fulfillmentId", sub), -1);
		json_decref(n);
		if (r < 0)
			goto out;
	}
	rc = 0;
out:
	json_decref(doc);
	free(url);
	free(eid);
	return rc;
}

static int
orders_page(struct ebay *e, struct part *pt, const char *url, char **next,
            omni_error *err)
{
	json_t *doc, *o;
	char what[48];
	size_t i;
	int rc = -1;

	snprintf(what, sizeof what, "orders page %ld", e->page);
	if (!(doc = fetch(e, url, what, "sell.fulfillment", err)))
		return -1;
	if (!json_is_array(json_object_get(doc, "orders")) && json_integer_value(json_object_get(doc, "total")) != 0) {
		omni_error_set(err, OMNI_EX_DATAERR, e->f->name, 0, 0,
		               "%s: no \"orders\" list in the response", what);
		goto out;
	}
	json_array_foreach(json_object_get(doc, "orders"), i, o) {
		const char *id = json_string_value(json_object_get(o, "orderId"));
		json_t *n;
		int r;
		if (!id || !*id) {
			omni_error_set(err, OMNI_EX_DATAERR, e->f->name, 0, 0,
			               "%s: order %zu without an orderId", what, i + 1);
			goto out;
		}
		n = omni_ebay_order_new(e->f, o);
		r = omni_payload_order(&e->p, n, err);
		json_decref(n);
		if (r < 0 || fulfillments(e, o, id, what, err) < 0)
			goto out;
		part_note(pt, json_object_get(o, "lastModifiedDate"));
	}
	*next = next_url(doc, "orders", url);
	if (*next && omni_paged_origin(e->f->name, what, e->base, *next, err) < 0) {
		free(*next);
		*next = NULL;
		goto out;
	}
	rc = 0;
out:
	json_decref(doc);
	return rc;
}

/* ---- returns ---- */

/* The Post-Order API's return status in the store's words (omni-ticket(5),
 * "Orders"); another is kept lowercase. */
static char *
return_status(const char *s)
{
	static const omni_payload_word map[] = {
		{ "RETURN_REQUESTED", "requested" }, { "RETURN_REQUESTED_TIMEOUT", "requested" },
		{ "PARTIAL_REFUND_REQUESTED", "requested" }, { "REPLACEMENT_REQUESTED", "requested" },
		{ "WAITING_FOR_RMA", "approved" }, { "WAITING_FOR_RETURN_LABEL", "approved" },
		{ "RETURN_LABEL_REQUESTED", "approved" }, { "REPLACEMENT_WAITING_FOR_RMA", "approved" },
		{ "READY_FOR_SHIPPING", "label_issued" }, { "ITEM_SHIPPED", "in_transit" },
		{ "ITEM_DELIVERED", "received" }, { "REFUND_SENT_PENDING_CONFIRMATION", "refunded" },
		{ "LESS_THAN_A_FULL_REFUND_ISSUED", "refunded" }, { "PARTIAL_REFUND_INITIATED", "refunded" },
		{ "RETURN_REJECTED", "declined" }, { "PARTIAL_REFUND_DECLINED", "declined" },
		{ "ESCALATED", "escalated" }, { "CLOSED", "closed" }, { "REPLACED", "closed" },
	};

	return omni_payload_word_in(s, map, sizeof map / sizeof map[0]);
}

/* One ReturnSummary {returnId, orderId, state, status, creationInfo{
 * reason, comments{content}, creationDate{value}}} onto its order. */
static int
return_one(struct ebay *e, struct part *pt, const json_t *m, const char *what,
           size_t i, omni_error *err)
{
	const json_t *info = json_object_get(m, "creationInfo");
	const json_t *created = json_object_get(json_object_get(info, "creationDate"), "value");
	char *id = omni_payload_id(json_object_get(m, "returnId"));
	char *order = omni_payload_id(json_object_get(m, "orderId"));
	const char *st = omni_payload_str(m, "status");
	char *status = return_status(st ? st : omni_payload_str(m, "state"));
	char *reason = return_status(omni_payload_str(info, "reason"));
	json_t *o = NULL, *r;
	int rc = -1;

	if (!id || !order) {
		omni_error_set(err, OMNI_EX_DATAERR, e->f->name, 0, 0,
		               "%s: return %zu without a returnId or an orderId", what, i + 1);
		goto out;
	}
	r = json_object();
	omni_payload_set_str(r, "id", id);
	omni_payload_set_str(r, "status", status);
	omni_payload_set_str(r, "reason", reason);
	omni_payload_set_time(r, "at", created);
	o = json_object();
	json_object_set_new(o, "id", json_string(order));
	omni_payload_set_number(o, "ebay", order);
	json_object_set_new(o, "channel", json_string("ebay"));
	omni_json_set_str(o, "store", e->f->store_name);
	json_object_set_new(o, "returns", json_pack("[o]", r));
	rc = omni_payload_order(&e->p, o, err);
	part_note(pt, created);
out:
	json_decref(o);
	free(id);
	free(order);
	free(status);
	free(reason);
	return rc;
}

/* The next page: offset (a page number) + 1 while below
 * paginationOutput.totalPages, else NULL. */
static char *
returns_next(const json_t *doc, const char *url)
{
	const json_t *po = json_object_get(doc, "paginationOutput");
	json_int_t page = json_integer_value(json_object_get(po, "offset")),
	           pages = json_integer_value(json_object_get(po, "totalPages"));
	const char *q = strstr(url, "&offset=");
	char *out = NULL;

	if (!q || page < 1 || page >= pages)
		return NULL;
	if (asprintf(&out, "%.*s&offset=%" JSON_INTEGER_FORMAT, (int)(q - url), url, page + 1) < 0)
		return NULL;
	return out;
}

static int
returns_page(struct ebay *e, struct part *pt, const char *url, char **next,
             omni_error *err)
{
	json_t *doc, *m;
	char what[48];
	size_t i;
	int rc = -1;

	snprintf(what, sizeof what, "returns page %ld", e->page);
	if (!(doc = fetch(e, url, what, "sell.fulfillment", err)))
		return -1;
	if (!json_is_array(json_object_get(doc, "members")) &&
	    json_integer_value(json_object_get(doc, "total")) != 0) {
		omni_error_set(err, OMNI_EX_DATAERR, e->f->name, 0, 0,
		               "%s: no \"members\" list in the response", what);
		goto out;
	}
	json_array_foreach(json_object_get(doc, "members"), i, m)
		if (return_one(e, pt, m, what, i, err) < 0)
			goto out;
	*next = returns_next(doc, url);
	rc = 0;
out:
	json_decref(doc);
	return rc;
}

static int listing(struct ebay *e, const char *name, omni_error *err);

/* The returns, with the token as the Post-Order API takes it. */
static int
returns(struct ebay *e, omni_error *err)
{
	omni_error back = { 0 };
	int rc;

	e->scheme = "IAF";
	if ((rc = authorize(e, err)) == 0)
		rc = listing(e, "returns", err);
	e->scheme = "Bearer";
	if (authorize(e, &back) < 0) {
		if (rc == 0)
			*err = back;
		rc = -1;
	}
	return rc;
}

/* ---- conversations ---- */

/* Every page of one conversation's messages: new, or NULL with err. */
static json_t *
messages(struct ebay *e, const char *cid, const char *type, const char *what,
         json_t **title, omni_error *err)
{
	json_t *all = json_array(), *doc = NULL;
	char *eid = omni_url_escape(cid), *url = NULL;

	if (!eid || asprintf(&url, "%s/commerce/message/v1/conversation/%s?conversation_type=%s"
	                     "&limit=50", e->base, eid, type) < 0) {
		url = NULL;
		oom(err);
		goto fail;
	}
	while (url) {
		char *next;
		if (!(doc = fetch(e, url, what, "commerce.message", err)))
			goto fail;
		if (!json_is_array(json_object_get(doc, "messages"))) {
			omni_error_set(err, OMNI_EX_DATAERR, e->f->name, 0, 0,
			               "%s: no \"messages\" list in the response", what);
			goto fail;
		}
		json_array_extend(all, json_object_get(doc, "messages"));
		if (!*title && json_string_value(json_object_get(doc, "conversationTitle")))
			*title = json_incref(json_object_get(doc, "conversationTitle"));
		next = next_url(doc, "messages", url);
		free(url);
		url = next;
		json_decref(doc);
		doc = NULL;
	}
	free(eid);
	return all;
fail:
	json_decref(doc);
	json_decref(all);
	free(url);
	free(eid);
	return NULL;
}

/* One conversation of a listing: read whole unless its latest message
 * was emitted before. */
static int
conversation(struct ebay *e, const json_t *conv, const char *type, const char *page,
             omni_error *err)
{
	char *latest = omni_payload_id(json_object_get(json_object_get(conv, "latestMessage"), "messageId")), what[160];
	const char *cid = json_string_value(json_object_get(conv, "conversationId"));
	json_t *list = NULL, *title = NULL, *whole = NULL;
	int rc = -1, seen = 0;

	if (latest && (seen = omni_payload_seen(&e->p, latest, err)) != 0) {
		free(latest);
		return seen < 0 ? -1 : 0;
	}
	free(latest);
	if (!cid || !*cid)
		return omni_error_set(err, OMNI_EX_DATAERR, e->f->name, 0, 0,
		                      "%s: a conversation without a conversationId", page), -1;
	snprintf(what, sizeof what, "%s: conversation %.60s", page, cid);
	if (!(list = messages(e, cid, type, what, &title, err)))
		return -1;
	if (!json_array_size(list)) {
		rc = 0;
		goto out;
	}
	whole = json_pack("{s:s, s:s, s:O}", "conversationId", cid, "conversationType", type,
	                  "messages", list);
	json_object_set(whole, "conversationTitle",
	                json_object_get(conv, "conversationTitle") ? json_object_get(conv, "conversationTitle") :
	                title ? title : json_null());
	if ((rc = omni_payload_ebay(&e->p, whole, err)) == 0)
		omni_error_set(err, OMNI_EX_DATAERR, e->f->name, 0, 0,
		               "%s: messages without a messageId or a body", what);
	else if (rc < 0 && err->status == OMNI_EX_DATAERR)
		omni_error_locate(err, e->f->name, 0);
	rc = rc > 0 ? 0 : -1;
out:
	json_decref(whole);
	json_decref(title);
	json_decref(list);
	return rc;
}

static int
conversations_page(struct ebay *e, struct part *pt, const char *url, char **next,
                   omni_error *err)
{
	json_t *doc, *conv;
	char what[64];
	size_t i;
	int rc = -1;

	snprintf(what, sizeof what, "%s conversations page %ld", pt->name, e->page);
	if (!(doc = fetch(e, url, what, "commerce.message", err)))
		return -1;
	if (!json_is_array(json_object_get(doc, "conversations")) &&
	    json_integer_value(json_object_get(doc, "total")) != 0) {
		omni_error_set(err, OMNI_EX_DATAERR, e->f->name, 0, 0,
		               "%s: no \"conversations\" list in the response", what);
		goto out;
	}
	json_array_foreach(json_object_get(doc, "conversations"), i, conv) {
		if (conversation(e, conv, pt->name, what, err) < 0)
			goto out;
		part_note(pt, json_object_get(json_object_get(conv, "latestMessage"), "createdDate"));
	}
	*next = next_url(doc, "conversations", url);
	if (*next && omni_paged_origin(e->f->name, what, e->base, *next, err) < 0) {
		free(*next);
		*next = NULL;
		goto out;
	}
	rc = 0;
out:
	json_decref(doc);
	return rc;
}

/* ---- the listings ---- */

/* eBay's filters take milliseconds: "2024-03-04T12:10:55.000Z". */
static char *
filter_time(omni_time t, char *buf)
{
	omni_time_format(t, buf);
	if (!strchr(buf, '.')) {
		size_t n = strlen(buf);
		memcpy(buf + n - 1, ".000Z", 6);
	}
	return buf;
}

static char *
first_url(struct ebay *e, const struct part *pt)
{
	char *url = NULL, since[48];
	int n;

	if (strcmp(pt->name, "returns") == 0 && pt->since == OMNI_TIME_NONE)
		n = asprintf(&url, "%s/post-order/v2/return/search?limit=200&offset=1", e->base);
	else if (strcmp(pt->name, "returns") == 0)
		n = asprintf(&url, "%s/post-order/v2/return/search?creation_date_range_from=%s"
		             "&limit=200&offset=1", e->base,
		             filter_time(pt->since - 30 * 86400 * (omni_time)1000, since));
	else if (strcmp(pt->name, "orders") != 0)
		n = asprintf(&url, "%s/commerce/message/v1/conversation?conversation_type=%s&limit=50",
		             e->base, pt->name);
	else if (pt->since == OMNI_TIME_NONE)
		n = asprintf(&url, "%s/sell/fulfillment/v1/order?limit=200", e->base);
	else
		n = asprintf(&url, "%s/sell/fulfillment/v1/order?filter=lastmodifieddate:%%5B%s..%%5D"
		             "&limit=200", e->base, filter_time(pt->since, since));
	return n < 0 ? NULL : url;
}

static int
listing(struct ebay *e, const char *name, omni_error *err)
{
	struct part pt = { 0 };
	char *url = NULL, *next = NULL;
	int rc = -1, orders = strcmp(name, "orders") == 0, returns = strcmp(name, "returns") == 0;

	part_load(e, &pt, name);
	if (!(url = pt.next ? strdup(pt.next) : first_url(e, &pt))) {
		oom(err);
		goto out;
	}
	for (e->page = 1; url; e->page++) {
		if ((orders ? orders_page(e, &pt, url, &next, err) :
		     returns ? returns_page(e, &pt, url, &next, err) :
		     conversations_page(e, &pt, url, &next, err)) < 0 ||
		    part_save(e, &pt, next, err) < 0)
			goto out;
		free(url);
		url = next;
		next = NULL;
	}
	rc = 0;
out:
	free(url);
	free(next);
	free(pt.next);
	return rc;
}

/* With OMNI_EBAY_REFRESH_TOKEN, access tokens come from the token
 * endpoint (on the API's host, or the [source] key token_url) for the
 * client OMNI_EBAY_CLIENT_ID and OMNI_EBAY_CLIENT_SECRET; else
 * OMNI_EBAY_TOKEN is the access token. */
static int
login(struct ebay *e, omni_error *err)
{
	const char *url = e->f->conf ? omni_conf_get(e->f->conf, "token_url") : NULL;
	char *id = NULL, *secret = NULL, *token;
	int rc = -1;

	if (!omni_fetch_has_secret(e->f, "EBAY", "REFRESH_TOKEN")) {
		if (!(token = omni_fetch_secret(e->f, "EBAY", "TOKEN", err)))
			return -1;
		rc = bearer(e, token, err);
		memset(token, 0, strlen(token));
		free(token);
		return rc;
	}
	if (!(e->refresh = omni_fetch_secret(e->f, "EBAY", "REFRESH_TOKEN", err)) ||
	    !(id = omni_fetch_secret(e->f, "EBAY", "CLIENT_ID", err)) ||
	    !(secret = omni_fetch_secret(e->f, "EBAY", "CLIENT_SECRET", err)) ||
	    !(e->auth = omni_http_new(e->f->name, err)))
		goto out;
	if (e->f->trace)
		omni_http_set_trace(e->auth, e->f->trace, e->f->arg);
	if (omni_http_set_login(e->auth, id, secret) < 0 ||
	    (url ? !(e->token_url = strdup(url)) :
	     asprintf(&e->token_url, "%s/identity/v1/oauth2/token", e->base) < 0)) {
		e->token_url = NULL;
		oom(err);
		goto out;
	}
	rc = refresh(e, err);
out:
	if (secret)
		memset(secret, 0, strlen(secret));
	free(secret);
	free(id);
	return rc;
}

static int
setup(struct ebay *e, const char *base, omni_error *err)
{
	char *raw = NULL;
	size_t n = strlen(base);
	int rc = -1;

	while (n && base[n - 1] == '/')
		n--;
	if (!(e->base = strndup(base, n)))
		return oom(err);
	if (!(e->h = omni_http_new(e->f->name, err)))
		goto out;
	if (e->f->trace)
		omni_http_set_trace(e->h, e->f->trace, e->f->arg);
	if (login(e, err) < 0)
		goto out;
	if (!e->f->all && omni_store_cursor_get(e->f->store, e->f->cursor_key, &raw, err) < 0)
		goto out;
	e->cursor = raw ? json_loads(raw, 0, NULL) : NULL;
	if (!json_is_object(e->cursor)) {
		json_decref(e->cursor);
		e->cursor = json_object();
	}
	rc = 0;
out:
	free(raw);
	return rc;
}

int
omni_source_ebay(omni_fetch *f, const char *base, omni_error *err)
{
	struct ebay e = { .f = f, .p = { f, json_object() }, .scheme = "Bearer" };
	int rc = -1;

	if (setup(&e, base, err) < 0 ||
	    (f->orders && (listing(&e, "orders", err) < 0 || returns(&e, err) < 0)) ||
	    listing(&e, "FROM_MEMBERS", err) < 0 || listing(&e, "FROM_EBAY", err) < 0)
		goto out;
	rc = 0;
out:
	free(e.base);
	forget_token(&e);
	free(e.token_url);
	if (e.refresh)
		memset(e.refresh, 0, strlen(e.refresh));
	free(e.refresh);
	omni_http_free(e.auth);
	json_decref(e.cursor);
	json_decref(e.p.emitted);
	omni_http_free(e.h);
	return rc;
}
