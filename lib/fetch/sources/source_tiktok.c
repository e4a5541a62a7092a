/* source_tiktok.c - tiktok:BASE, TikTok Shop's Partner API, "202309"
 * versions (BASE = https://open-api.tiktokglobalshop.com): the orders
 * (POST /order/202309/orders/search), and the customer service
 * conversations as tickets (lib/fetch/sources/source_tiktok_cs.c).
 *
 * Every request carries app_key, timestamp and sign in its query (and
 * shop_cipher when the source's "shop_cipher" is set), and the header
 * x-tts-access-token.  sign is lowercase hex HMAC-SHA256 keyed by the app
 * secret over secret + path + each query parameter but sign and
 * access_token, sorted by name, as name then value + body + secret
 * (CHANNELS.md section 5).  Secrets: OMNI_TIKTOK_APP_KEY, OMNI_TIKTOK_SECRET
 * (the app secret, also the webhooks' key) and OMNI_TIKTOK_TOKEN.
 *
 * Responses are an envelope {code, message, request_id, data}; code 0 is
 * success.  A code whose message speaks of the token or the signature is
 * a refusal (77); another is the API's error (76).  The orders are read
 * by update_time, oldest first, from update_time_ge = the cursor.
 *
 * With --orders, after the orders, the returns and refunds ("reverse"
 * requests: POST /return_refund/202309/returns/search, body
 * {"update_time_ge":T}, sorted and paged as the orders) under the cursor
 * of the source's key + "#returns": each {return_id, order_id,
 * return_type, return_status, return_reason, create_time, update_time,
 * refund_amount{currency, refund_total}} joins its order as a return, and
 * as a refund once the platform says the money went back. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "core/core.h"
#include "net/net.h"
#include "fetch/fetch.h"
#include "source_tiktok.h"

/* The URL of a signed request: params "k=v" (raw) plus app_key,
 * timestamp and shop_cipher.  New. */
static char *
signed_url(struct tiktok *t, const char *path, const char *const *params, size_t n,
           const char *body)
{
	const char *all[16];
	char ts[32], key[160], cipher[200], sign[65], *url = NULL;
	size_t m = 0, len;

	snprintf(ts, sizeof ts, "timestamp=%lld", (long long)(omni_clock_now() / 1000));
	snprintf(key, sizeof key, "app_key=%s", t->app_key);
	all[m++] = key;
	all[m++] = ts;
	if (t->cipher) {
		snprintf(cipher, sizeof cipher, "shop_cipher=%s", t->cipher);
		all[m++] = cipher;
	}
	for (size_t i = 0; i < n && m < 15; i++)
		all[m++] = params[i];
	omni_tiktok_sign(t->secret, path, all, m, body, sign);
	len = strlen(t->base) + strlen(path) + 80;
	for (size_t i = 0; i < m; i++)
		len += 3 * strlen(all[i]) + 1;
	if (!(url = malloc(len)))
		return NULL;
	len = (size_t)sprintf(url, "%s%s?", t->base, path);
	for (size_t i = 0; i < m; i++) {
		size_t k = strcspn(all[i], "=");
		char *v = omni_url_escape(all[i][k] ? all[i] + k + 1 : "");
		len += (size_t)sprintf(url + len, "%.*s=%s&", (int)k, all[i], v ? v : "");
		free(v);
	}
	sprintf(url + len, "sign=%s", sign);
	return url;
}

/* The envelope's data, or NULL with err. */
static const json_t *
envelope(struct tiktok *t, const json_t *doc, const char *what, omni_error *err)
{
	const json_t *code = json_object_get(doc, "code");
	const char *msg = json_string_value(json_object_get(doc, "message"));

	if (!json_is_integer(code)) {
		omni_paged_fail(&t->pg, err, "%s: no \"code\" in the response", what);
		return NULL;
	}
	if (json_integer_value(code) != 0) {
		int refused = msg && (strcasestr(msg, "token") || strcasestr(msg, "sign"));
		omni_error_set(err, refused ? OMNI_EX_NOPERM : OMNI_EX_PROTOCOL, t->pg.f->name,
		               0, 0, "%s: tiktok error %" JSON_INTEGER_FORMAT ": %.200s%s", what,
		               json_integer_value(code), msg ? msg : "",
		               refused ? " (check OMNI_TIKTOK_TOKEN and OMNI_TIKTOK_SECRET)" : "");
		return NULL;
	}
	if (!json_is_object(json_object_get(doc, "data"))) {
		omni_paged_fail(&t->pg, err, "%s: no \"data\" in the response", what);
		return NULL;
	}
	return json_object_get(doc, "data");
}

json_t *
tiktok_call(struct tiktok *t, const char *method, const char *path,
            const char *const *params, size_t n, const char *body, const char *what,
            const json_t **data, omni_error *err)
{
	omni_http_response *r;
	char *url = signed_url(t, path, params, n, body);
	json_t *doc = NULL;

	if (!url) {
		omni_error_oom(err);
		return NULL;
	}
	if (omni_http_request(t->pg.h, method, url, what, body ? "application/json" : NULL,
	                      body, body ? strlen(body) : 0, &r, err) == 0 &&
	    (doc = omni_paged_parse(&t->pg, r, err)) && !(*data = envelope(t, doc, what, err))) {
		json_decref(doc);
		doc = NULL;
	}
	free(url);
	return doc;
}

const char *
omni_tiktok_order_status(const char *s)
{
	if (!s)
		return NULL;
	if (!strcmp(s, "CANCELLED"))
		return "cancelled";
	return !strcmp(s, "COMPLETED") || !strcmp(s, "DELIVERED") ? "closed" : "open";
}

const char *
omni_tiktok_tracking_status(const char *s)
{
	if (!s)
		return NULL;
	if (!strcmp(s, "IN_TRANSIT"))
		return "in_transit";
	if (!strcmp(s, "DELIVERED") || !strcmp(s, "COMPLETED"))
		return "delivered";
	return !strcmp(s, "AWAITING_COLLECTION") ? "info_received" : NULL;
}

static json_t *
order_new(struct tiktok *t, const json_t *o)
{
	json_t *n = json_object(), *c = json_object(), *items = json_array();
	const json_t *addr = json_object_get(o, "recipient_address"), *pay = json_object_get(o, "payment"), *l;
	const char *status = omni_payload_str(o, "status");
	size_t i;

	omni_payload_set_str(n, "id", omni_payload_str(o, "id"));
	omni_payload_set_number(n, "tiktok", omni_payload_str(o, "id"));
	json_object_set_new(n, "channel", json_string("tiktok"));
	omni_json_set_str(n, "store", t->pg.f->store_name);
	omni_payload_set_time(n, "placed_at", json_object_get(o, "create_time"));
	omni_payload_set_time(n, "updated_at", json_object_get(o, "update_time"));
	omni_payload_set_str(n, "status", omni_tiktok_order_status(status));
	omni_payload_set_str(n, "financial_status", !status ? NULL :
	                     !strcmp(status, "UNPAID") ? "pending" :
	                     json_object_get(o, "paid_time") ? "paid" : NULL);
	omni_payload_set_str(n, "total", omni_payload_str(pay, "total_amount"));
	omni_payload_set_str(n, "currency", omni_payload_str(pay, "currency"));
	omni_payload_set_str(c, "id", omni_payload_str(o, "user_id"));
	omni_payload_set_str(c, "name", omni_payload_str(addr, "name"));
	omni_payload_set_str(c, "email", omni_payload_str(o, "buyer_email"));
	omni_payload_set_str(c, "phone", omni_payload_str(addr, "phone_number"));
	json_object_set_new(n, "customer", c);
	json_array_foreach(json_object_get(o, "line_items"), i, l) {     /* one line per unit */
		json_t *it = json_object();
		omni_payload_set_str(it, "sku", omni_payload_str(l, "seller_sku"));
		omni_payload_set_str(it, "title", omni_payload_str(l, "product_name"));
		json_object_set_new(it, "qty", json_integer(1));
		json_array_append_new(items, it);
	}
	json_object_set_new(n, "items", items);
	return n;
}

/* The packages with a tracking number (from the line items, else the
 * order's own), as fulfilments. */
static int
packages(struct tiktok *t, omni_payload *p, const json_t *o, omni_error *err)
{
	json_t *seen = json_object(), *l;
	const json_t *lines = json_object_get(o, "line_items");
	size_t i, n = json_array_size(lines);
	int rc = 0;

	for (i = 0; rc == 0 && i <= n; i++) {
		const json_t *src = i < n ? json_array_get(lines, i) : o;
		const char *num = omni_payload_str(src, "tracking_number"), *id = omni_payload_str(src, "package_id");
		if (!num || json_object_get(seen, num))
			continue;
		json_object_set_new(seen, num, json_true());
		l = json_object();
		omni_payload_set_str(l, "id", id ? id : num);
		omni_payload_set_str(l, "carrier", omni_payload_str(src, "shipping_provider_name") ?
		                     omni_payload_str(src, "shipping_provider_name") : omni_payload_str(src, "shipping_provider"));
		omni_payload_set_str(l, "tracking_number", num);
		omni_payload_set_str(l, "status", omni_tiktok_tracking_status(omni_payload_str(o, "status")));
		omni_payload_set_time(l, "shipped_at", json_object_get(o, "collection_time"));
		omni_payload_set_time(l, "delivered_at", json_object_get(o, "delivery_time"));
		rc = omni_payload_fulfillment(p, "tiktok", omni_payload_str(o, "id"), l, err);
		json_decref(l);
	}
	json_decref(seen);
	return rc;
}

/* A page of a POST .../search stream in update-time order, from the
 * cursor's page token and time: the response (*data its data), or NULL
 * with err.  what names the page in messages ("returns page"). */
static json_t *
search(struct tiktok *t, const char *path, const char *what, const json_t **data,
       omni_error *err)
{
	const char *params[4] = { "page_size=50", "sort_field=update_time", "sort_order=ASC" };
	char token[600], body[64] = "{}", page[48];
	size_t np = 3;

	snprintf(page, sizeof page, "%s %ld", what, t->pg.page);
	if (t->pg.next) {
		snprintf(token, sizeof token, "page_token=%s", t->pg.next);
		params[np++] = token;
	}
	if (t->pg.since != OMNI_TIME_NONE)
		snprintf(body, sizeof body, "{\"update_time_ge\":%lld}",
		         (long long)(t->pg.since / 1000));
	return tiktok_call(t, "POST", path, params, np, body, page, data, err);
}

static int
orders_page(struct tiktok *t, char **next, omni_error *err)
{
	omni_payload p = { t->pg.f, json_object() };
	const json_t *data, *list, *o;
	json_t *doc = NULL, *n;
	size_t i;
	int rc = -1;

	*next = NULL;
	if (!(doc = search(t, "/order/202309/orders/search", "page", &data, err)))
		goto out;
	if (!json_is_array(list = json_object_get(data, "orders"))) {
		omni_paged_fail(&t->pg, err, "no data.orders list in the response");
		goto out;
	}
	json_array_foreach(list, i, o)
		if (!omni_payload_str(o, "id") || !omni_payload_str(o, "status") || !json_is_integer(json_object_get(o, "update_time"))) {
			omni_paged_fail(&t->pg, err, "order %zu: not an order (each needs id, status "
			                "and update_time)", i + 1);
			goto out;
		}
	json_array_foreach(list, i, o) {
		n = order_new(t, o);
		rc = omni_payload_order(&p, n, err);
		json_decref(n);
		if (rc < 0 || packages(t, &p, o, err) < 0) {
			rc = omni_paged_locate(&t->pg, err);
			goto out;
		}
		omni_paged_note(&t->pg, json_object_get(o, "update_time"));
	}
	if (omni_payload_str(data, "next_page_token") && json_array_size(list))
		*next = strdup(omni_payload_str(data, "next_page_token"));
	rc = 0;
out:
	json_decref(doc);
	json_decref(p.emitted);
	return rc;
}

/* ---- returns ---- */

/* A return_status in the store's words (omni-ticket(5)); *money set when
 * it says the buyer was refunded.  Another is kept lowercase (new). */
static char *
return_status(const char *s, const char *type, int *money)
{
	static const struct { const char *from, *to; int money; } map[] = {
		{ "RETURN_OR_REFUND_REQUEST_PENDING", "requested", 0 },
		{ "REPLACEMENT_REQUEST_PENDING", "requested", 0 },
		{ "AWAITING_BUYER_SHIP", "approved", 0 },
		{ "RETURN_OR_REFUND_REQUEST_SUCCESS", "approved", 0 },
		{ "BUYER_SHIPPED_ITEM", "in_transit", 0 },
		{ "REFUND_OR_RETURN_REQUEST_REJECT", "declined", 0 },
		{ "REJECT_RECEIVE_PACKAGE", "declined", 0 },
		{ "REPLACEMENT_REQUEST_REJECT", "declined", 0 },
		{ "RETURN_OR_REFUND_REQUEST_CANCEL", "cancelled", 0 },
		{ "REPLACEMENT_REQUEST_CANCEL", "cancelled", 0 },
		{ "RETURN_OR_REFUND_REQUEST_COMPLETE", "refunded", 1 },
		{ "REPLACEMENT_REQUEST_REFUND_SUCCESS", "refunded", 1 },
		{ "REPLACEMENT_REQUEST_COMPLETE", "closed", 0 },
	};

	*money = 0;
	for (size_t i = 0; s && i < sizeof map / sizeof map[0]; i++)
		if (strcmp(s, map[i].from) == 0) {
			/* a replacement completed sent goods, not money */
			*money = map[i].money && !(type && !strcmp(type, "REPLACEMENT") &&
			                           !strcmp(s, "RETURN_OR_REFUND_REQUEST_COMPLETE"));
			return strdup(map[i].to);
		}
	return omni_payload_lower(s);
}

static int
return_one(struct tiktok *t, omni_payload *p, const json_t *m, omni_error *err)
{
	const json_t *amount = json_object_get(m, "refund_amount");
	const char *order = omni_payload_str(m, "order_id"), *id = omni_payload_str(m, "return_id");
	int money;
	char *status = return_status(omni_payload_str(m, "return_status"),
	                             omni_payload_str(m, "return_type"), &money);
	const char *reason = omni_payload_str(m, "return_reason");
	json_t *o = json_object(), *r = json_object(), *ref = NULL;
	int rc;

	omni_payload_set_str(r, "id", id);
	omni_payload_set_str(r, "status", status);
	omni_payload_set_str(r, "reason", reason);
	omni_payload_set_time(r, "at", json_object_get(m, "create_time"));
	omni_payload_set_str(o, "id", order);
	omni_payload_set_number(o, "tiktok", order);
	json_object_set_new(o, "channel", json_string("tiktok"));
	omni_json_set_str(o, "store", t->pg.f->store_name);
	json_object_set_new(o, "returns", json_pack("[o]", r));
	rc = omni_payload_order(p, o, err);
	if (rc == 0 && money && omni_payload_str(amount, "refund_total")) {
		ref = json_object();
		omni_payload_set_str(ref, "id", id);
		omni_payload_set_str(ref, "amount", omni_payload_str(amount, "refund_total"));
		omni_payload_set_str(ref, "currency", omni_payload_str(amount, "currency"));
		omni_payload_set_str(ref, "reason", reason);
		omni_payload_set_time(ref, "at", json_object_get(m, "update_time"));
		rc = omni_payload_refund(p, "tiktok", order, ref, err);
	}
	json_decref(o);
	json_decref(ref);
	free(status);
	return rc;
}

static int
returns_page(struct tiktok *t, char **next, omni_error *err)
{
	omni_payload p = { t->pg.f, json_object() };
	const json_t *data, *list, *m;
	json_t *doc = NULL;
	size_t i;
	int rc = -1;

	*next = NULL;
	if (!(doc = search(t, "/return_refund/202309/returns/search", "returns page", &data, err)))
		goto out;
	list = json_object_get(data, "return_orders");
	if (!json_is_array(list) && json_integer_value(json_object_get(data, "total_count")) != 0) {
		omni_paged_fail(&t->pg, err, "no data.return_orders list in the response");
		goto out;
	}
	json_array_foreach(list, i, m)
		if (!omni_payload_str(m, "return_id") || !omni_payload_str(m, "order_id") ||
		    !omni_payload_str(m, "return_status")) {
			omni_paged_fail(&t->pg, err, "return %zu: not a return (each needs return_id, "
			                "order_id and return_status)", i + 1);
			goto out;
		}
	json_array_foreach(list, i, m) {
		if (return_one(t, &p, m, err) < 0) {
			omni_paged_locate(&t->pg, err);
			goto out;
		}
		omni_paged_note(&t->pg, json_object_get(m, "update_time"));
	}
	if (omni_payload_str(data, "next_page_token") && json_array_size(list))
		*next = strdup(omni_payload_str(data, "next_page_token"));
	rc = 0;
out:
	json_decref(doc);
	json_decref(p.emitted);
	return rc;
}

static int
returns_stream(void *t, omni_error *err)
{
	return tiktok_stream(t, returns_page, err);
}

/* The returns, under their own cursor. */
static int
returns(struct tiktok *t, omni_error *err)
{
	return omni_paged_under(&t->pg, "#returns", returns_stream, t, err);
}

/* Pages of a stream until the last: the cursor saved after each. */
int
tiktok_stream(struct tiktok *t, int (*page)(struct tiktok *, char **, omni_error *),
              omni_error *err)
{
	char *next = NULL;

	for (;; t->pg.page++) {
		if (page(t, &next, err) < 0 || omni_paged_save(&t->pg, next, err) < 0) {
			free(next);
			return -1;
		}
		free(t->pg.next);
		t->pg.next = next;
		if (!next)
			return 0;
	}
}

static int
secrets(struct tiktok *t, omni_error *err)
{
	char *token;
	int rc;

	if (!(t->app_key = omni_fetch_secret(t->pg.f, "TIKTOK", "APP_KEY", err)) ||
	    !(t->secret = omni_fetch_secret(t->pg.f, "TIKTOK", "SECRET", err)) ||
	    !(token = omni_fetch_secret(t->pg.f, "TIKTOK", "TOKEN", err)))
		return -1;
	rc = omni_http_add_header(t->pg.h, "x-tts-access-token", token, 1);
	memset(token, 0, strlen(token));
	free(token);
	/* the signature is a digest of the secret, never the secret itself */
	if (rc < 0 || omni_http_add_header(t->pg.h, "Accept", "application/json", 0) < 0)
		return omni_error_oom(err), -1;
	return 0;
}

int
omni_source_tiktok(omni_fetch *f, const char *base, omni_error *err)
{
	struct tiktok t;
	size_t n = strlen(base);
	const char *cipher = f->conf ? omni_conf_get(f->conf, "shop_cipher") : NULL;
	int rc = -1;

	memset(&t, 0, sizeof t);
	while (n && base[n - 1] == '/')
		n--;
	if (omni_paged_open(&t.pg, f, err) < 0 || secrets(&t, err) < 0)
		goto out;
	if (!(t.base = strndup(base, n)) || (cipher && !(t.cipher = strdup(cipher)))) {
		omni_error_oom(err);
		goto out;
	}
	if (tiktok_stream(&t, orders_page, err) < 0 || (f->orders && returns(&t, err) < 0) ||
	    tiktok_conversations(&t, err) < 0)
		goto out;
	rc = 0;
out:
	free(t.base);
	free(t.cipher);
	free(t.app_key);
	if (t.secret)
		memset(t.secret, 0, strlen(t.secret));
	free(t.secret);
	omni_paged_close(&t.pg);
	return rc;
}
