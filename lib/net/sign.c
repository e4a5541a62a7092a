/* sign.c - request signatures an API asks for beyond its token: TikTok
 * Shop's (omni-fetch's tiktok: source and omni-reply's TikTok answers). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "net/net.h"

static int
by_key(const void *a, const void *b)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;
	size_t nx = strcspn(x, "="), ny = strcspn(y, "=");
	int c = strncmp(x, y, nx < ny ? nx : ny);

	return c ? c : (nx > ny) - (nx < ny);
}

void
omni_tiktok_sign(const char *secret, const char *path, const char *const *params,
                 size_t nparams, const char *body, char hex[65])
{
	const char **sorted = malloc((nparams + 1) * sizeof *sorted);
	size_t len = 2 * strlen(secret) + strlen(path) + (body ? strlen(body) : 0) + 1, n = 0;
	unsigned char mac[32];
	char *msg;

	for (size_t i = 0; i < nparams; i++)
		len += strlen(params[i]);
	if (!sorted || !(msg = malloc(len))) {
		free(sorted);
		hex[0] = 0;
		return;
	}
	for (size_t i = 0; i < nparams; i++)
		if (by_key(&params[i], &(const char *){ "sign" }) != 0 &&
		    by_key(&params[i], &(const char *){ "access_token" }) != 0)
			sorted[n++] = params[i];
	qsort(sorted, n, sizeof *sorted, by_key);
	len = (size_t)sprintf(msg, "%s%s", secret, path);
	for (size_t i = 0; i < n; i++) {
		size_t k = strcspn(sorted[i], "=");
		memcpy(msg + len, sorted[i], k);
		len += k;
		len += (size_t)sprintf(msg + len, "%s", sorted[i][k] ? sorted[i] + k + 1 : "");
	}
	len += (size_t)sprintf(msg + len, "%s%s", body ? body : "", secret);
	omni_hmac_sha256(secret, strlen(secret), msg, len, mac);
	for (size_t i = 0; i < 32; i++)
		sprintf(hex + 2 * i, "%02x", mac[i]);
	free(msg);
	free(sorted);
}
