/* source_imap.c - imap://[user@]host[:port]/MAILBOX and imaps://, through
 * the net area's IMAP requests (lib/net/http.c):
 *
 *   EXAMINE on the server URL gives UIDVALIDITY (a custom command's
 *   untagged lines are written out; the URL form would SELECT);
 *   UID SEARCH UID n:* through CUSTOMREQUEST gives the new UIDs (a custom
 *   FETCH would drop the literal, so bodies are not fetched that way);
 *   each message comes by URL, MAILBOX;UIDVALIDITY=v/;UID=n, so a mailbox
 *   reset between the search and the fetch fails rather than mixes.
 *
 * The cursor is "UIDVALIDITY:UID" of the last message written.  When the
 * server's UIDVALIDITY changed, the mailbox is read again from the start;
 * each message is also marked by its Message-ID, so none is emitted twice.
 * The password is the secret OMNI_<SOURCE>_TOKEN (or OMNI_IMAP_TOKEN). */
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "store/store.h"
#include "net/net.h"
#include "mail/mail.h"
#include "fetch/fetch.h"

struct imap {
	omni_fetch *f;
	omni_http *h;
	char *server;            /* scheme://[user@]host[:port]/ */
	char *box;               /* the mailbox as written in the URL */
	unsigned long validity, last;
};

static int
oom(omni_error *err)
{
	return omni_error_oom(err);
}

/* Splits the URL into the server part and the mailbox (INBOX if none). */
static int
split(struct imap *s, const char *url, omni_error *err)
{
	const char *host = strstr(url, "://") + 3, *slash = strchr(host, '/');
	size_t n;

	s->server = slash ? strndup(url, (size_t)(slash - url) + 1) : NULL;
	if (!slash && asprintf(&s->server, "%s/", url) < 0)
		s->server = NULL;
	slash = slash ? slash + 1 : "";
	n = strcspn(slash, ";?");
	while (n && slash[n - 1] == '/')
		n--;
	s->box = n ? strndup(slash, n) : strdup("INBOX");
	if (!s->server || !s->box)
		return oom(err), -1;
	if (strchr(s->box, '"') || strchr(s->box, '\\'))
		return omni_error_set(err, OMNI_EX_USAGE, s->f->name, 0, 0,
		                      "mailbox name with a quote or a backslash"), -1;
	return 0;
}

/* The mailbox name decoded from %XX, for a quoted IMAP string: new. */
static char *
decoded_box(const char *box)
{
	char *out = malloc(strlen(box) + 1), *o = out;

	if (!out)
		return NULL;
	for (const char *p = box; *p; p++) {
		unsigned v;
		if (*p == '%' && sscanf(p + 1, "%2x", &v) == 1 && v && v != '"' && v != '\\') {
			*o++ = (char)v;
			p += 2;
		} else {
			*o++ = *p;
		}
	}
	*o = 0;
	return out;
}

static int
examine(struct imap *s, omni_error *err)
{
	omni_http_response *r;
	char *cmd = NULL, *box = decoded_box(s->box);
	const char *v;
	int rc = -1;

	if (!box || asprintf(&cmd, "EXAMINE \"%s\"", box) < 0) {
		oom(err);
		goto out;
	}
	if (omni_http_request(s->h, cmd, s->server, "examine", NULL, NULL, 0, &r, err) < 0)
		goto out;
	if (!(v = strstr(r->body, "[UIDVALIDITY ")) ||
	    !(s->validity = strtoul(v + 13, NULL, 10))) {
		omni_error_set(err, OMNI_EX_PROTOCOL, s->f->name, 0, 0,
		               "examine %s: no UIDVALIDITY in the answer", box);
		goto out;
	}
	rc = 0;
out:
	free(cmd);
	free(box);
	return rc;
}

static int
load_cursor(struct imap *s, omni_error *err)
{
	char *raw = NULL;
	unsigned long v, last;

	if (s->f->all)
		return 0;
	if (omni_store_cursor_get(s->f->store, s->f->cursor_key, &raw, err) < 0)
		return -1;
	if (raw && sscanf(raw, "%lu:%lu", &v, &last) == 2 && v == s->validity)
		s->last = last;
	free(raw);
	return 0;
}

/* The UIDs above the cursor, ascending: *uids new, *n their count. */
static int
search(struct imap *s, unsigned long **uids, size_t *n, omni_error *err)
{
	omni_http_response *r;
	char cmd[64], *url = NULL, *p, *end;
	size_t cap = 0;
	int rc = -1;

	*uids = NULL;
	*n = 0;
	snprintf(cmd, sizeof cmd, "UID SEARCH UID %lu:*", s->last + 1);
	if (asprintf(&url, "%s%s", s->server, s->box) < 0) {
		oom(err);
		goto out;
	}
	if (omni_http_request(s->h, cmd, url, "uid search", NULL, NULL, 0, &r, err) < 0)
		goto out;
	for (p = strstr(r->body, "* SEARCH"), p = p ? p + 8 : NULL; p && *p == ' '; p = end) {
		unsigned long u = strtoul(p, &end, 10);
		if (end == p + 1)
			break;
		if (u <= s->last)       /* "n:*" always holds the highest UID */
			continue;
		if (*n == cap) {
			unsigned long *g = realloc(*uids, (cap = cap ? cap * 2 : 64) * sizeof *g);
			if (!g) {
				oom(err);
				goto out;
			}
			*uids = g;
		}
		(*uids)[(*n)++] = u;
	}
	rc = 0;
out:
	free(url);
	return rc;
}

static int
cmp_ulong(const void *a, const void *b)
{
	unsigned long x = *(const unsigned long *)a, y = *(const unsigned long *)b;

	return x < y ? -1 : x > y;
}

/* One message to a ticket, a reject, or an error naming its UID. */
static int
message(struct imap *s, unsigned long uid, omni_error *err)
{
	omni_http_response *r;
	char *url = NULL, *msgid = NULL, *idkey = NULL, key[64], what[48], where[512];
	json_t *t = NULL, *keys = json_array();
	omni_error e = { 0 };
	int rc = -1, seen;

	snprintf(key, sizeof key, "%lu:%lu", s->validity, uid);
	snprintf(what, sizeof what, "uid %lu", uid);
	if (asprintf(&url, "%s%s;UIDVALIDITY=%lu/;UID=%lu", s->server, s->box,
	             s->validity, uid) < 0) {
		oom(err);
		goto out;
	}
	if (omni_http_request(s->h, NULL, url, what, NULL, NULL, 0, &r, err) < 0)
		goto out;
	if ((msgid = omni_mail_header(r->body, r->len, "Message-ID")) &&
	    asprintf(&idkey, "id:%s", msgid) < 0)
		idkey = NULL;
	if ((seen = omni_fetch_seen(s->f, key, err)) == 0 && idkey)
		seen = omni_fetch_seen(s->f, idkey, err);
	if (seen) {
		rc = seen < 0 ? -1 : 0;
		goto out;
	}
	json_array_append_new(keys, json_string(key));
	if (idkey)
		json_array_append_new(keys, json_string(idkey));
	snprintf(where, sizeof where, "%s: %s", s->f->name, what);
	if (!(t = omni_mail_ticket(s->f, r->body, r->len, key, where, &e))) {
		snprintf(e.where, sizeof e.where, "%s", where);
		if (e.status == OMNI_EX_DATAERR)
			rc = omni_fetch_set_aside(s->f, r->body, r->len, key, &e, err);
		else
			*err = e;
		goto out;
	}
	if (s->f->emit(s->f, t, keys)) {
		omni_error_set(err, OMNI_EX_IOERR, "stdout", 0, 0, "output stopped");
		goto out;
	}
	rc = 0;
out:
	json_decref(keys);
	free(url);
	free(msgid);
	free(idkey);
	return rc;
}

static int
login(struct imap *s, omni_error *err)
{
	char *pw = omni_fetch_secret(s->f, "IMAP", "TOKEN", err);
	int rc;

	if (!pw)
		return -1;
	rc = omni_http_set_login(s->h, NULL, pw);
	free(pw);
	return rc < 0 ? oom(err), -1 : 0;
}

int
omni_source_imap(omni_fetch *f, const char *url, omni_error *err)
{
	struct imap s = { .f = f };
	unsigned long *uids = NULL;
	size_t n = 0;
	int rc = -1;

	if (split(&s, url, err) < 0 || !(s.h = omni_http_new(f->name, err)) ||
	    login(&s, err) < 0)
		goto out;
	if (f->trace)
		omni_http_set_trace(s.h, f->trace, f->arg);
	if (examine(&s, err) < 0 || load_cursor(&s, err) < 0 ||
	    search(&s, &uids, &n, err) < 0)
		goto out;
	if (n)
		qsort(uids, n, sizeof *uids, cmp_ulong);
	for (size_t i = 0; i < n; i++) {
		char cursor[48];
		if (message(&s, uids[i], err) < 0)
			goto out;
		snprintf(cursor, sizeof cursor, "%lu:%lu", s.validity, uids[i]);
		if ((f->checkpoint ? f->checkpoint(f, cursor, err) :
		     omni_store_cursor_set(f->store, f->cursor_key, cursor, err)) < 0)
			goto out;
	}
	rc = 0;
out:
	free(uids);
	free(s.server);
	free(s.box);
	omni_http_free(s.h);
	return rc;
}
