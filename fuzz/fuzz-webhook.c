/* fuzz-webhook - a saved delivery: omni_webhook_split, header look-ups,
 * the event id, and omni_webhook_verify for every kind.  The input's own
 * signature must be refused (the fuzzer cannot forge an HMAC); the same
 * body with the right signature added must be accepted. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "fetch/fetch.h"

static const char *const kinds[] = { "shopify", "woocommerce", "meta", "tiktok" };

static void
b64(const unsigned char *in, size_t n, char *out)
{
	static const char a[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t i, o = 0;

	for (i = 0; i + 2 < n; i += 3) {
		unsigned v = (unsigned)in[i] << 16 | (unsigned)in[i + 1] << 8 | in[i + 2];
		out[o++] = a[v >> 18 & 63], out[o++] = a[v >> 12 & 63];
		out[o++] = a[v >> 6 & 63], out[o++] = a[v & 63];
	}
	if (n - i == 2) {
		unsigned v = (unsigned)in[i] << 16 | (unsigned)in[i + 1] << 8;
		out[o++] = a[v >> 18 & 63], out[o++] = a[v >> 12 & 63];
		out[o++] = a[v >> 6 & 63], out[o++] = '=';
	} else if (n - i == 1) {
		unsigned v = (unsigned)in[i] << 16;
		out[o++] = a[v >> 18 & 63], out[o++] = a[v >> 12 & 63];
		out[o++] = '=', out[o++] = '=';
	}
	out[o] = '\0';
}

/* The header line a correct delivery of this kind carries. */
static void
signature(const char *kind, const char *body, size_t len, char *line, size_t size)
{
	unsigned char mac[32];
	char enc[65];

	if (strcmp(kind, "tiktok") == 0) {
		char *msg = malloc(len + 6);
		if (!msg)
			abort();
		memcpy(msg, "appkey", 6);
		memcpy(msg + 6, body, len);
		omni_hmac_sha256("s3cret", 6, msg, len + 6, mac);
		free(msg);
	} else {
		omni_hmac_sha256("s3cret", 6, body, len, mac);
	}
	if (strcmp(kind, "shopify") == 0 || strcmp(kind, "woocommerce") == 0) {
		b64(mac, 32, enc);
		snprintf(line, size, "%s: %s\n", strcmp(kind, "shopify") == 0 ?
		         "X-Shopify-Hmac-Sha256" : "X-WC-Webhook-Signature", enc);
	} else {
		for (int i = 0; i < 32; i++)
			snprintf(enc + 2 * i, 3, "%02x", mac[i]);
		snprintf(line, size, "%s: %s%s\n", strcmp(kind, "meta") == 0 ?
		         "X-Hub-Signature-256" : "Authorization",
		         strcmp(kind, "meta") == 0 ? "sha256=" : "", enc);
	}
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	setenv("OMNI_SHOPIFY_SECRET", "s3cret", 1);
	setenv("OMNI_WOOCOMMERCE_SECRET", "s3cret", 1);
	setenv("OMNI_META_SECRET", "s3cret", 1);
	setenv("OMNI_TIKTOK_SECRET", "s3cret", 1);
	setenv("OMNI_TIKTOK_APP_KEY", "appkey", 1);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *headers = NULL, line[256];
	const char *body;
	size_t blen;
	omni_error err = { 0 };
	int split = omni_webhook_split((const char *)data, size, &headers, &body, &blen);

	if (split < 0)
		return 0;
	if (body < (const char *)data || body + blen > (const char *)data + size)
		abort();
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		free(omni_webhook_event_id(kinds[k], headers ? headers : ""));
		memset(&err, 0, sizeof err);
		if (omni_webhook_verify(kinds[k], headers ? headers : "", body, blen, &err) == 0)
			abort();   /* a forged signature */
		if (err.status != OMNI_EX_NOPERM)
			abort();
		/* The right signature, first so that it is the one read. */
		signature(kinds[k], body, blen, line, sizeof line);
		{
			size_t hl = headers ? strlen(headers) : 0, ll = strlen(line);
			char *h = malloc(ll + hl + 1);
			if (!h)
				abort();
			memcpy(h, line, ll);
			memcpy(h + ll, headers ? headers : "", hl + 1);
			if (omni_webhook_verify(kinds[k], h, body, blen, &err) != 0)
				abort();
			free(h);
		}
	}
	free(omni_webhook_header(headers ? headers : "", "Content-Type"));
	free(headers);
	return 0;
}
