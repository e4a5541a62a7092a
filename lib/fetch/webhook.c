/* webhook.c - one webhook delivery: its headers, its signature, its body.
 *
 * Signatures (HMAC-SHA256 over the raw body bytes, never re-serialised):
 *   shopify      X-Shopify-Hmac-Sha256 (or shopify-hmac-sha256): base64
 *   woocommerce  X-WC-Webhook-Signature: base64
 *   meta         X-Hub-Signature-256: "sha256=" lowercase hex
 *   tiktok       Authorization: hex of HMAC(secret, app_key + body)
 *   bigcommerce  no body signature: the hook is created with custom
 *                headers (POST /v3/hooks {headers{}}), and the delivery
 *                must carry the one the secret names, "Name: value"
 *                (a bare value is the header X-Webhook-Secret)
 *   aftership    aftership-hmac-sha256 (or as-signature-hmac-sha256): base64
 * The secret is OMNI_<KIND>_SECRET[_FILE]; TikTok's app key
 * OMNI_TIKTOK_APP_KEY[_FILE].  Comparisons take the same time whatever
 * the bytes. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "mail/mail.h"
#include "fetch/fetch.h"

char *
omni_webhook_header(const char *headers, const char *name)
{
	size_t nl = strlen(name);

	for (const char *p = headers; p && *p;) {
		const char *eol = p + strcspn(p, "\n");
		if ((size_t)(eol - p) > nl && strncasecmp(p, name, nl) == 0 && p[nl] == ':') {
			const char *v = p + nl + 1, *end = eol;
			while (v < end && (*v == ' ' || *v == '\t'))
				v++;
			while (end > v && isspace((unsigned char)end[-1]))
				end--;
			return strndup(v, (size_t)(end - v));
		}
		p = *eol ? eol + 1 : NULL;
	}
	return NULL;
}

/* Lowercase or uppercase hex to bytes: the count, or -1. */
static long
unhex(const char *s, unsigned char *out, size_t max)
{
	size_t n = strlen(s);

	if (n % 2 || n / 2 > max)
		return -1;
	for (size_t i = 0; i < n / 2; i++) {
		unsigned v;
		if (!isxdigit((unsigned char)s[2 * i]) || !isxdigit((unsigned char)s[2 * i + 1]) ||
		    sscanf(s + 2 * i, "%2x", &v) != 1)
			return -1;
		out[i] = (unsigned char)v;
	}
	return (long)(n / 2);
}

struct scheme {
	const char *kind, *header, *alt, *prefix;
	int base64;
};

static const struct scheme schemes[] = {
	{ "shopify", "X-Shopify-Hmac-Sha256", "shopify-hmac-sha256", "", 1 },
	{ "woocommerce", "X-WC-Webhook-Signature", NULL, "", 1 },
	{ "meta", "X-Hub-Signature-256", NULL, "sha256=", 0 },
	{ "tiktok", "Authorization", NULL, "", 0 },
	{ "bigcommerce", "X-Webhook-Secret", NULL, "", 0 },
	{ "aftership", "aftership-hmac-sha256", "as-signature-hmac-sha256", "", 1 },
};

/* BigCommerce: the configured header's value, compared through SHA-256
 * digests so that the time says nothing of either length. */
static int
shared_header(const char *secret, const char *headers, omni_error *err)
{
	const char *sep = strstr(secret, ": "), *value = secret;
	char name[128] = "X-Webhook-Secret", *got;
	unsigned char a[32], b[32];
	size_t n = sep ? (size_t)(sep - secret) : 0;
	int ok;

	if (sep && n && n < sizeof name && strcspn(secret, " \t:") == n) {
		memcpy(name, secret, n);
		name[n] = 0;
		for (value = sep + 2; *value == ' '; value++)
			;
	}
	if (!(got = omni_webhook_header(headers, name)))
		return omni_error_set(err, OMNI_EX_NOPERM, NULL, 0, 0,
		                      "bigcommerce webhook: no %s header", name), -1;
	omni_sha256(got, strlen(got), a);
	omni_sha256(value, strlen(value), b);
	ok = omni_mem_equal(a, b, 32);
	memset(got, 0, strlen(got));
	free(got);
	if (!ok)
		return omni_error_set(err, OMNI_EX_NOPERM, NULL, 0, 0,
		                      "bigcommerce webhook: bad %s header", name), -1;
	return 0;
}

/* The signature the delivery claims, as bytes: 32, or -1. */
static long
claimed(const struct scheme *sc, const char *headers, unsigned char out[32])
{
	char *v = omni_webhook_header(headers, sc->header), *bytes = NULL;
	size_t n = 0, pl = strlen(sc->prefix);
	long got = -1;

	if (!v && sc->alt)
		v = omni_webhook_header(headers, sc->alt);
	if (!v || strncmp(v, sc->prefix, pl) != 0)
		goto out;
	if (!sc->base64) {
		got = unhex(v + pl, out, 32);
	} else if ((bytes = omni_base64_decode(v + pl, strlen(v + pl), &n)) && n == 32) {
		memcpy(out, bytes, 32);
		got = 32;
	}
out:
	free(v);
	free(bytes);
	return got;
}

int
omni_webhook_verify(const char *kind, const char *headers, const char *body,
                    size_t len, omni_error *err)
{
	const struct scheme *sc = NULL;
	unsigned char want[32], got[32];
	char name[64], *secret = NULL, *appkey = NULL, *msg = NULL;
	int rc = -1;

	for (size_t i = 0; i < sizeof schemes / sizeof schemes[0]; i++)
		if (strcmp(schemes[i].kind, kind) == 0)
			sc = &schemes[i];
	if (!sc)
		return omni_error_set(err, OMNI_EX_USAGE, NULL, 0, 0,
		                      "unknown webhook kind '%s' (shopify, meta, tiktok, "
		                      "woocommerce, bigcommerce, aftership)", kind), -1;
	snprintf(name, sizeof name, "%.20s_SECRET", kind);
	for (char *p = name; *p; p++)
		*p = (char)toupper((unsigned char)*p);
	if (!(secret = omni_secret(name, err)))
		goto out;
	if (strcmp(kind, "bigcommerce") == 0) {
		rc = shared_header(secret, headers, err);
		goto out;
	}
	if (strcmp(kind, "tiktok") == 0) {
		if (!(appkey = omni_secret("TIKTOK_APP_KEY", err)))
			goto out;
		if (!(msg = malloc(strlen(appkey) + len + 1))) {
			omni_error_oom(err);
			goto out;
		}
		memcpy(msg, appkey, strlen(appkey));
		memcpy(msg + strlen(appkey), body, len);
		omni_hmac_sha256(secret, strlen(secret), msg, strlen(appkey) + len, want);
	} else {
		omni_hmac_sha256(secret, strlen(secret), body, len, want);
	}
	if (claimed(sc, headers, got) != 32) {
		omni_error_set(err, OMNI_EX_NOPERM, NULL, 0, 0,
		               "%s webhook: no valid %s header", kind, sc->header);
		goto out;
	}
	if (!omni_mem_equal(want, got, 32)) {
		omni_error_set(err, OMNI_EX_NOPERM, NULL, 0, 0,
		               "%s webhook: bad signature (%s)", kind, sc->header);
		goto out;
	}
	rc = 0;
out:
	if (secret)
		memset(secret, 0, strlen(secret));
	free(secret);
	free(appkey);
	free(msg);
	return rc;
}

int
omni_webhook_split(const char *raw, size_t len, char **headers,
                   const char **body, size_t *blen)
{
	const char *p = raw, *end = raw + len, *eol;
	int request = len > 5 && (strncmp(raw, "POST ", 5) == 0 || strncmp(raw, "PUT ", 4) == 0);

	*headers = NULL;
	*body = raw;
	*blen = len;
	if (!request) {
		/* a header line: a token, then a colon */
		size_t n = 0;
		while (n < len && (isalnum((unsigned char)raw[n]) || raw[n] == '-' || raw[n] == '_'))
			n++;
		if (!n || n >= len || raw[n] != ':')
			return 0;
	}
	for (; p < end; p = eol + 1) {
		if (!(eol = memchr(p, '\n', (size_t)(end - p))))
			eol = end;
		if (eol == p || (eol == p + 1 && *p == '\r')) {
			const char *hstart = raw;
			if (request)      /* the request line is not a header */
				hstart = (const char *)memchr(raw, '\n', len) + 1;
			*headers = strndup(hstart, (size_t)(p - hstart));
			*body = eol < end ? eol + 1 : end;
			*blen = (size_t)(end - *body);
			return *headers ? 1 : -1;
		}
	}
	return 0;     /* no blank line: not a header block after all */
}

char *
omni_webhook_event_id(const char *kind, const char *headers)
{
	static const char *const names[] = {
		"X-Shopify-Event-Id", "X-Shopify-Webhook-Id", "shopify-event-id",
		"X-WC-Webhook-Delivery-ID",
	};
	char *v = NULL;

	for (size_t i = 0; !v && headers && i < sizeof names / sizeof names[0]; i++)
		v = omni_webhook_header(headers, names[i]);
	return v;
}

/* The packages of a TikTok order the store has, in the tracking status
 * the push implies (delivered at the push's time on DELIVERED). */
static int
tiktok_packages(omni_payload *p, const char *id, const char *status,
                const json_t *at, omni_error *err)
{
	const char *tracking = omni_tiktok_tracking_status(status);
	json_t *o, *fl;
	size_t i;
	int rc = 0;

	if (!tracking || !p->f->orders)
		return 0;
	err->status = 0;
	if (!(o = omni_order_load(p->f->store, "tiktok", p->f->store_name, id, err)))
		return err->status ? -1 : 0;
	json_array_foreach(json_object_get(o, "fulfillments"), i, fl) {
		json_t *n = json_object();
		json_object_set(n, "id", json_object_get(fl, "id"));
		omni_json_set_str(n, "status", tracking);
		if (strcmp(status, "DELIVERED") == 0)
			omni_payload_set_time(n, "delivered_at", at);
		omni_payload_set_time(n, "updated_at", at);
		rc = omni_payload_fulfillment(p, "tiktok", id, n, err);
		json_decref(n);
		if (rc < 0)
			break;
	}
	json_decref(o);
	return rc;
}

/* TikTok's order status push: the order's new status into the store, in
 * the words the API's orders are kept in (open, closed, cancelled; its
 * packages' tracking status). */
int
omni_webhook_tiktok(omni_payload *p, const json_t *doc, omni_error *err)
{
	const json_t *data = json_object_get(doc, "data");
	const json_t *at = json_object_get(data, "update_time");
	const char *status = json_string_value(json_object_get(data, "order_status"));
	char *id = omni_payload_id(json_object_get(data, "order_id"));
	json_t *order;
	int rc;

	if (!id)
		return 0;
	order = json_object();
	json_object_set_new(order, "id", json_string(id));
	omni_payload_set_number(order, "tiktok", id);
	omni_json_set_str(order, "channel", "tiktok");
	if (p->f->store_name)
		omni_json_set_str(order, "store", p->f->store_name);
	omni_payload_set_str(order, "status", omni_tiktok_order_status(status));
	if (status && strcmp(status, "UNPAID") == 0)
		omni_json_set_str(order, "financial_status", "pending");
	omni_payload_set_time(order, "updated_at", at);
	rc = omni_payload_order(p, order, err);
	if (rc == 0 && status)
		rc = tiktok_packages(p, id, status, at, err);
	json_decref(order);
	free(id);
	return rc < 0 ? -1 : 1;
}

int
omni_webhook_known(const char *kind)
{
	for (size_t i = 0; i < sizeof schemes / sizeof schemes[0]; i++)
		if (strcmp(schemes[i].kind, kind) == 0)
			return 1;
	return 0;
}

/* BigCommerce fires an event again with the same "hash" in the body, the
 * tracking service with the same "event_id": its event id (new or NULL). */
static char *
body_hash(const char *kind, const char *body, size_t len)
{
	int bc = strcmp(kind, "bigcommerce") == 0;
	json_t *doc;
	char *v = NULL;

	if ((!bc && strcmp(kind, "aftership") != 0) || !(doc = json_loadb(body, len, 0, NULL)))
		return NULL;
	v = omni_payload_id(json_object_get(doc, bc ? "hash" : "event_id"));
	json_decref(doc);
	return v;
}

/* The delivery's own headers and the ones given: new. */
static char *
all_headers(const char *own, const char *given)
{
	char *h = NULL;

	if (asprintf(&h, "%s%s%s", given ? given : "", own ? own : "",
	             own && *own && own[strlen(own) - 1] != '\n' ? "\n" : "") < 0)
		return NULL;
	return h;
}

/* A delivery's headers (new, the given ones and its own) and body
 * (borrowed from raw), its signature verified: 0, or -1 with err. */
static int
verified(const char *kind, const char *given, const char *raw, size_t len,
         char **headers, const char **body, size_t *blen, omni_error *err)
{
	char *own = NULL;
	int rc = -1;

	*headers = NULL;
	if (omni_webhook_split(raw, len, &own, body, blen) < 0 ||
	    !(*headers = all_headers(own, given)))
		omni_error_oom(err);
	else
		rc = omni_webhook_verify(kind, *headers, *body, *blen, err);
	free(own);
	return rc;
}

int
omni_webhook_check(const char *kind, const char *given, const char *raw,
                   size_t len, omni_error *err)
{
	char *headers = NULL;
	const char *body;
	size_t blen;
	int rc = verified(kind, given, raw, len, &headers, &body, &blen, err);

	free(headers);
	return rc;
}

int
omni_webhook_read(omni_fetch *f, const char *kind, const char *given,
                  const char *raw, size_t len, char **event_key, omni_error *err)
{
	omni_payload p = { f, NULL };
	char *headers = NULL, *event = NULL;
	const char *body;
	size_t blen;
	json_t *doc = NULL;
	json_error_t je;
	int rc = -1, seen;

	*event_key = NULL;
	if (verified(kind, given, raw, len, &headers, &body, &blen, err) < 0)
		goto out;
	if ((event = omni_webhook_event_id(kind, headers)) ||
	    (event = body_hash(kind, body, blen))) {
		if (asprintf(event_key, "event:%s", event) < 0) {
			*event_key = NULL;
			omni_error_oom(err);
			goto out;
		}
		if ((seen = omni_fetch_seen(f, *event_key, err)) != 0) {
			rc = seen < 0 ? -1 : 1;
			goto out;
		}
	}
	/* WooCommerce's ping when a webhook is saved: a form, no order */
	if (strcmp(kind, "woocommerce") == 0 && blen >= 11 &&
	    strncmp(body, "webhook_id=", 11) == 0 && !memchr(body, '{', blen)) {
		rc = 0;
		goto out;
	}
	if (!(doc = json_loadb(body, blen, 0, &je))) {
		omni_error_set(err, OMNI_EX_DATAERR, NULL, je.line, je.column,
		               "bad json in the body: %s", omni_payload_json_why(&je));
		goto out;
	}
	p.emitted = json_object();
	if (strcmp(kind, "tiktok") == 0) {
		if ((rc = omni_webhook_tiktok(&p, doc, err)) == 0)
			omni_error_set(err, OMNI_EX_DATAERR, NULL, 0, 0,
			               "unrecognised payload: a tiktok push without data.order_id");
		rc = rc == 1 ? 0 : -1;
	} else if (strcmp(kind, "bigcommerce") == 0) {
		if ((rc = omni_webhook_bigcommerce(&p, doc, err)) == 0)
			omni_error_set(err, OMNI_EX_DATAERR, NULL, 0, 0,
			               "unrecognised payload: a bigcommerce callback without "
			               "scope and data.id");
		rc = rc == 1 ? 0 : -1;
	} else
		rc = omni_payload_handle(&p, doc, err);
out:
	json_decref(doc);
	json_decref(p.emitted);
	free(headers);
	free(event);
	return rc;
}
