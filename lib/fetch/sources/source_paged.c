/* source_paged.c - what the paged API sources (bigcommerce:, woocommerce:,
 * walmart:, tiktok:) share: the HTTP handle, the cursor, the newest
 * modification time seen, and errors that name the page.
 *
 * The cursor is {"since":T} between runs, T the newest modification time
 * of the last complete run (RFC 3339, UTC), and {"since":T,"max":M,
 * "next":N} in the middle of one, N saying where the run resumes (a page
 * number, a page token or a cursor, as the API pages).  A run that stops
 * resumes at the page after the last complete one, with the same filter;
 * only a run that reached the end moves "since" on to M. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/core.h"
#include "store/store.h"
#include "net/net.h"
#include "fetch/fetch.h"

char *
omni_url_escape(const char *s)
{
	return omni_url_escape_keep(s, "");
}

char *
omni_url_escape_keep(const char *s, const char *keep)
{
	static const char hex[] = "0123456789ABCDEF";
	char *out = malloc(strlen(s) * 3 + 1), *o = out;

	if (!out)
		return NULL;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr("-._~", c) || strchr(keep, c)) {
			*o++ = (char)c;
		} else {
			*o++ = '%';
			*o++ = hex[c >> 4];
			*o++ = hex[c & 15];
		}
	}
	*o = 0;
	return out;
}

char *
omni_paged_link_next(const char *link)
{
	const char *p = link;

	while (p && (p = strchr(p, '<'))) {
		const char *end = strchr(p, '>'), *params, *stop;
		if (!end)
			return NULL;
		params = end + 1;
		stop = strchr(params, '<');
		for (const char *r = params; (r = strstr(r, "rel=")) && (!stop || r < stop); r += 4) {
			const char *v = r + 4 + (r[4] == '"');
			if (strncmp(v, "next", 4) == 0 && strchr("\"; ,", v[4] ? v[4] : ' '))
				return strndup(p + 1, (size_t)(end - p - 1));
		}
		p = end;
	}
	return NULL;
}

/* An absolute URL's origin as "scheme://host:port", lowercase, the port
 * the scheme's own when none is written: 0, or -1 when url is not an
 * http(s) URL that curl and we would read alike (no user info, no
 * backslash, no white space or control character). */
static int
origin(const char *url, char *out, size_t size)
{
	const char *p = url, *auth, *end, *host, *colon;
	size_t hl, sl;
	long port;

	for (const char *q = url; *q; q++)
		if ((unsigned char)*q <= 0x20 || *q == 0x7f || *q == '\\')
			return -1;
	if (strncasecmp(p, "https://", 8) == 0)
		sl = 5, port = 443;
	else if (strncasecmp(p, "http://", 7) == 0)
		sl = 4, port = 80;
	else
		return -1;
	auth = p + sl + 3;
	end = auth + strcspn(auth, "/?#");
	if (memchr(auth, '@', (size_t)(end - auth)) || end == auth)
		return -1;
	host = auth;
	if (*host == '[') {                     /* [v6 address] */
		const char *close = memchr(host, ']', (size_t)(end - host));
		if (!close)
			return -1;
		colon = close + 1 < end ? close + 1 : NULL;
		hl = (size_t)(close + 1 - host);
		if (colon && *colon != ':')
			return -1;
	} else {
		colon = memchr(host, ':', (size_t)(end - host));
		hl = (size_t)((colon ? colon : end) - host);
	}
	if (!hl)
		return -1;
	if (colon) {
		char *stop;
		if (colon + 1 == end)
			return -1;
		port = strtol(colon + 1, &stop, 10);
		if (stop != end || colon[1] < '0' || colon[1] > '9' || port < 1 || port > 65535)
			return -1;
	}
	if (hl + 32 > size)
		return -1;
	snprintf(out, size, "%.*s://%.*s:%ld", (int)sl, p, (int)hl, host, port);
	for (char *o = out; *o; o++)
		*o = (char)tolower((unsigned char)*o);
	return 0;
}

int
omni_paged_origin(const char *source, const char *what, const char *base,
                  const char *url, omni_error *err)
{
	char want[300], got[300];

	if (origin(base, want, sizeof want) < 0)
		return 0;     /* a base we cannot read is the request's own affair */
	if (origin(url, got, sizeof got) == 0 && strcmp(want, got) == 0)
		return 0;
	if (origin(url, got, sizeof got) < 0)
		snprintf(got, sizeof got, "a URL that is not plain http(s)");
	return omni_error_set(err, OMNI_EX_PROTOCOL, source, 0, 0,
	                      "%s: the next page is on %s, not on the API's origin %s: "
	                      "not followed, the token stays home", what, got, want), -1;
}

static omni_time
cursor_time(const json_t *c, const char *key)
{
	const char *v = json_string_value(json_object_get(c, key));
	omni_time t;

	return v && omni_time_parse(v, &t) == 0 ? t : OMNI_TIME_NONE;
}

static int
load_cursor(omni_paged *pg, omni_error *err)
{
	char *raw = NULL;
	json_t *c = NULL;
	const char *next;

	if (pg->f->all)
		return 0;
	if (omni_store_cursor_get(pg->f->store, pg->f->cursor_key, &raw, err) < 0)
		return -1;
	if (raw && (c = json_loads(raw, 0, NULL)) && json_is_object(c)) {
		pg->since = cursor_time(c, "since");
		pg->max = cursor_time(c, "max");
		if ((next = json_string_value(json_object_get(c, "next"))))
			pg->next = strdup(next);
	}
	json_decref(c);
	free(raw);
	return 0;
}

int
omni_paged_reload(omni_paged *pg, omni_error *err)
{
	free(pg->next);
	pg->next = NULL;
	pg->since = pg->max = OMNI_TIME_NONE;
	pg->page = 1;
	return load_cursor(pg, err);
}

int
omni_paged_under(omni_paged *pg, const char *suffix,
                 int (*run)(void *ctx, omni_error *err), void *ctx, omni_error *err)
{
	omni_fetch *f = pg->f;
	const char *key = f->cursor_key;
	char *own = NULL;
	int rc = -1;

	if (asprintf(&own, "%s%s", key, suffix) < 0)
		return omni_error_oom(err), -1;
	f->cursor_key = own;
	if (omni_paged_reload(pg, err) == 0)
		rc = run(ctx, err);
	f->cursor_key = key;
	free(own);
	return rc;
}

int
omni_paged_open(omni_paged *pg, omni_fetch *f, omni_error *err)
{
	memset(pg, 0, sizeof *pg);
	pg->f = f;
	pg->since = pg->max = OMNI_TIME_NONE;
	pg->page = 1;
	if (!(pg->h = omni_http_new(f->name, err)))
		return -1;
	if (f->trace)
		omni_http_set_trace(pg->h, f->trace, f->arg);
	return load_cursor(pg, err);
}

void
omni_paged_close(omni_paged *pg)
{
	omni_http_free(pg->h);
	free(pg->next);
	pg->h = NULL;
	pg->next = NULL;
}

static void
set_time(json_t *c, const char *key, omni_time t)
{
	if (t == OMNI_TIME_NONE)
		json_object_set_new(c, key, json_null());
	else
		omni_json_set_time(c, key, t);
}

int
omni_paged_save(omni_paged *pg, const char *next, omni_error *err)
{
	json_t *c = json_object();
	char *text;
	int rc;

	if (next) {
		set_time(c, "since", pg->since);
		set_time(c, "max", pg->max);
		omni_json_set_str(c, "next", next);
	} else {
		set_time(c, "since", pg->max != OMNI_TIME_NONE &&
		         (pg->since == OMNI_TIME_NONE || pg->max > pg->since) ? pg->max : pg->since);
	}
	text = json_dumps(c, JSON_COMPACT);
	json_decref(c);
	if (!text)
		return omni_error_oom(err), -1;
	rc = pg->f->checkpoint ? pg->f->checkpoint(pg->f, text, err) :
	     omni_store_cursor_set(pg->f->store, pg->f->cursor_key, text, err);
	free(text);
	return rc;
}

int
omni_paged_numbered(omni_paged *pg,
                    int (*page)(omni_paged *pg, const char *base, omni_error *err),
                    const char *base, omni_error *err)
{
	char next[32];
	int more;

	if (pg->next && atol(pg->next) > 0)
		pg->page = atol(pg->next);
	for (;; pg->page++) {
		if ((more = page(pg, base, err)) < 0)
			return -1;
		snprintf(next, sizeof next, "%ld", pg->page + 1);
		if (omni_paged_save(pg, more ? next : NULL, err) < 0)
			return -1;
		if (!more)
			return 0;
	}
}

void
omni_paged_note(omni_paged *pg, const json_t *v)
{
	omni_time t;

	if (omni_payload_time(v, &t) == 0 && (pg->max == OMNI_TIME_NONE || t > pg->max))
		pg->max = t;
}

int
omni_paged_fail(omni_paged *pg, omni_error *err, const char *fmt, ...)
{
	char text[sizeof err->text];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	return omni_error_set(err, OMNI_EX_DATAERR, pg->f->name, 0, 0, "page %ld: %s",
	                      pg->page, text), -1;
}

int
omni_paged_locate(omni_paged *pg, omni_error *err)
{
	if (err->status == OMNI_EX_DATAERR) {
		char text[sizeof err->text];
		snprintf(text, sizeof text, "%.480s", err->text);
		return omni_paged_fail(pg, err, "%s", text);
	}
	return -1;
}

json_t *
omni_paged_parse(omni_paged *pg, const omni_http_response *r, omni_error *err)
{
	json_error_t je;
	json_t *doc = json_loadb(r->body, r->len, 0, &je);

	if (!doc)
		omni_paged_fail(pg, err, "bad json at line %d column %d: %s", je.line,
		                je.column, omni_payload_json_why(&je));
	return doc;
}

void
omni_paged_wait(omni_paged *pg, double seconds, const char *why)
{
	if (!(seconds > 0))
		return;
	if (seconds > 300)     /* a nonsense header must not hang a cron job */
		seconds = 300;
	if (pg->f->trace) {
		char line[160];
		snprintf(line, sizeof line, "%s: waiting %.2fs", why, seconds);
		pg->f->trace(pg->f->arg, line);
	}
	omni_http_sleep(seconds);
}
