/* source_aftership.c - aftership:BASE, a multi-carrier tracking service
 * (AfterShip's Tracking API; BASE = https://api.aftership.com, or a URL
 * that already ends in its own /tracking/VERSION).
 *
 * www.aftership.com/docs/tracking: GET /tracking/2025-01/trackings
 * ?limit=200&updated_at_min=T with the API key as as-api-key, then the
 * same with cursor=data.pagination.next_cursor while
 * data.pagination.has_next_page.  Each tracking fills the store's
 * fulfilments with its tracking number (lib/fetch/payload/payload_aftership.c):
 * status, estimate, delivery, the carrier's scans.  Pacing:
 * X-RateLimit-Remaining at 0 means wait until X-RateLimit-Reset (Unix
 * seconds, the server's clock); a 429 is retried by lib/net/http.c.  The
 * key is OMNI_AFTERSHIP_TOKEN. */
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "net/net.h"
#include "fetch/fetch.h"

#define VERSION "2025-01"
#define LIMIT 200

static void
pace(omni_paged *pg, const omni_http_response *r)
{
	char *left = omni_http_header(r, "X-RateLimit-Remaining");
	char *reset = omni_http_header(r, "X-RateLimit-Reset");

	if (left && reset && atol(left) <= 0)
		omni_paged_wait(pg, atof(reset) - omni_clock_real() / 1000.0,
		                "rate limit: 0 requests left");
	free(left);
	free(reset);
}

static char *
page_url(omni_paged *pg, const char *base, const char *cursor)
{
	char since[40] = "", *url = NULL, *c = cursor ? omni_url_escape(cursor) : NULL;
	size_t n = strlen(base);

	while (n && base[n - 1] == '/')
		n--;
	if (pg->since != OMNI_TIME_NONE)
		omni_time_format(pg->since, since);
	if ((cursor && !c) ||
	    asprintf(&url, "%.*s%s/trackings?limit=%d%s%s%s%s", (int)n, base,
	             strstr(base, "/tracking/") ? "" : "/tracking/" VERSION, LIMIT,
	             *since ? "&updated_at_min=" : "", since,
	             c ? "&cursor=" : "", c ? c : "") < 0)
		url = NULL;
	free(c);
	return url;
}

/* One page: *next the cursor of the following one (new) or NULL. */
static int
page(omni_paged *pg, const char *base, char **next, omni_error *err)
{
	omni_payload p = { pg->f, json_object() };
	omni_http_response *r;
	const json_t *data, *list, *pag, *t;
	char *url = page_url(pg, base, pg->next), what[32];
	json_t *doc = NULL;
	size_t i;
	int rc = -1;

	*next = NULL;
	snprintf(what, sizeof what, "page %ld", pg->page);
	if (!url) {
		omni_error_oom(err);
		goto out;
	}
	if (omni_http_request(pg->h, NULL, url, what, NULL, NULL, 0, &r, err) < 0 ||
	    !(doc = omni_paged_parse(pg, r, err)))
		goto out;
	pace(pg, r);
	data = json_object_get(doc, "data");
	list = json_object_get(data, "trackings");
	pag = json_object_get(data, "pagination");
	if (!json_is_array(list)) {
		omni_paged_fail(pg, err, "no data.trackings in the response");
		goto out;
	}
	json_array_foreach(list, i, t)
		if (!omni_payload_str(t, "tracking_number")) {
			omni_paged_fail(pg, err, "tracking %zu without a tracking_number", i + 1);
			goto out;
		}
	json_array_foreach(list, i, t) {
		json_t *n = omni_aftership_tracking_new(t);
		int r2 = omni_payload_tracking(&p, n, err);
		omni_paged_note(pg, json_object_get(n, "updated_at"));
		json_decref(n);
		if (r2 < 0) {
			omni_paged_locate(pg, err);
			goto out;
		}
	}
	if (json_is_true(json_object_get(pag, "has_next_page")) &&
	    omni_payload_str(pag, "next_cursor") && json_array_size(list))
		*next = strdup(omni_payload_str(pag, "next_cursor"));
	rc = 0;
out:
	json_decref(doc);
	json_decref(p.emitted);
	free(url);
	return rc;
}

int
omni_source_aftership(omni_fetch *f, const char *base, omni_error *err)
{
	omni_paged pg;
	char *key = NULL, *next = NULL;
	int rc = -1;

	if (omni_paged_open(&pg, f, err) < 0)
		goto out;
	if (!(key = omni_fetch_secret(f, "AFTERSHIP", "TOKEN", err)))
		goto out;
	if (omni_http_add_header(pg.h, "as-api-key", key, 1) < 0 ||
	    omni_http_add_header(pg.h, "Accept", "application/json", 0) < 0) {
		omni_error_oom(err);
		goto out;
	}
	for (pg.page = 1;; pg.page++) {
		if (page(&pg, base, &next, err) < 0 || omni_paged_save(&pg, next, err) < 0)
			goto out;
		free(pg.next);
		pg.next = next;
		next = NULL;
		if (!pg.next)
			break;
	}
	rc = 0;
out:
	if (key)
		memset(key, 0, strlen(key));
	free(key);
	free(next);
	omni_paged_close(&pg);
	return rc;
}
