/* source_imap.c - imap://[user@]host[:port]/MAILBOX and imaps://, through
 * the net area's IMAP requests (lib/net/http.c):
 *
 *   EXAMINE (SELECT with mark_seen = yes) on the mailbox's URL gives
 *   UIDVALIDITY and EXISTS; libcurl selects the mailbox first, then the
 *   EXAMINE makes it read-only for the rest of the connection, so that
 *   fetching a body does not set \Seen (libcurl fetches BODY[], never
 *   BODY.PEEK[]).  Sending it again before each body would cost Dovecot
 *   a reopening of the mailbox, 0.13 s a message;
 *   the new UIDs are listed by sequence number, "FETCH s:e (UID)" in
 *   windows of WINDOW, one short line a message: a long "* SEARCH" line
 *   would lose its middle to libcurl's 16 KB line limit.  The first new
 *   message's number is found by halving with "FETCH n (UID)", and what
 *   was listed must be every message from it to EXISTS, or nothing is
 *   fetched (a server does not renumber during a FETCH, RFC 3501 7.4.1);
 *   each message comes by URL, MAILBOX;UIDVALIDITY=v/;UID=n, so a mailbox
 *   reset between the listing and the fetch fails rather than mixes.
 *
 * The cursor is "UIDVALIDITY:UID" of the last message written, moved one
 * message at a time.  When the server's UIDVALIDITY changed, the mailbox
 * is read again from the start; each message is also marked by its
 * Message-ID, so none is emitted twice.  The password is the secret
 * OMNI_<SOURCE>_TOKEN (or OMNI_IMAP_TOKEN). */
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
	char *url;               /* server and mailbox: commands in the mailbox */
	const char *open;        /* "EXAMINE", or "SELECT" to mark mail \Seen */
	unsigned long validity, last, exists;
};

/* Messages listed a request.  libcurl 7.88 counts each untagged line of a
 * custom command against its 300 KB header limit together with what it
 * read along with it, so a long answer fails ("Too large response
 * headers") well before its size would: 50 short lines stay far below. */
#define WINDOW 50

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
	size_t n = slash ? (size_t)(slash - host) : strlen(host);
	const char *at = memchr(host, '@', n);

	/* libcurl's "bad/illegal format" says nothing of the cause */
	if (at && memchr(at + 1, '@', n - (size_t)(at + 1 - host)))
		return omni_error_set(err, s->f->conf ? OMNI_EX_CONFIG : OMNI_EX_USAGE,
		                      s->f->name, 0, 0, "an '@' in the user name is written "
		                      "%%40 in the URL (user%%40example.com@host)"), -1;
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

/* Opens the mailbox, read-only unless mark_seen: UIDVALIDITY and EXISTS. */
static int
examine(struct imap *s, omni_error *err)
{
	omni_http_response *r;
	char *cmd = NULL, *box = decoded_box(s->box);
	const char *v, *e;
	int rc = -1;

	if (!box || asprintf(&cmd, "%s \"%s\"", s->open, box) < 0) {
		oom(err);
		goto out;
	}
	if (omni_http_request(s->h, cmd, s->url, "examine", NULL, NULL, 0, &r, err) < 0)
		goto out;
	if (!(v = strstr(r->body, "[UIDVALIDITY ")) ||
	    !(s->validity = strtoul(v + 13, NULL, 10))) {
		omni_error_set(err, OMNI_EX_PROTOCOL, s->f->name, 0, 0,
		               "examine %s: no UIDVALIDITY in the answer", box);
		goto out;
	}
	/* the last "* n EXISTS" counts */
	s->exists = 0;
	for (v = r->body; (e = strstr(v, " EXISTS")); v = e + 7) {
		const char *p = e;
		while (p > r->body && p[-1] >= '0' && p[-1] <= '9')
			p--;
		if (p != e && p >= r->body + 2 && p[-1] == ' ' && p[-2] == '*')
			s->exists = strtoul(p, NULL, 10);
	}
	rc = 0;
out:
	free(cmd);
	free(box);
	return rc;
}

/* "FETCH lo:hi (UID)": uids[seq - lo] for each message listed (the
 * answer's "* seq FETCH (... UID u ...)" lines; others, and numbers out of
 * the range, skipped).  0, or -1 with err. */
static int
fetch_uids(struct imap *s, unsigned long lo, unsigned long hi,
           unsigned long *uids, omni_error *err)
{
	omni_http_response *r;
	char cmd[64], what[48];
	const char *p;

	snprintf(cmd, sizeof cmd, lo == hi ? "FETCH %lu (UID)" : "FETCH %lu:%lu (UID)",
	         lo, hi);
	snprintf(what, sizeof what, "list %lu:%lu", lo, hi);
	memset(uids, 0, (hi - lo + 1) * sizeof *uids);
	if (omni_http_request(s->h, cmd, s->url, what, NULL, NULL, 0, &r, err) < 0)
		return -1;
	for (p = r->body; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
		const char *eol = strchr(p, '\n'), *u;
		char *end;
		unsigned long seq, uid;
		if (strncmp(p, "* ", 2) != 0)
			continue;
		seq = strtoul(p + 2, &end, 10);
		if (end == p + 2 || strncmp(end, " FETCH (", 8) != 0 || seq < lo || seq > hi)
			continue;
		for (u = end + 8; (u = strstr(u, "UID ")) && (!eol || u < eol); u += 4)
			if (u[-1] == '(' || u[-1] == ' ')
				break;
		if (!u || (eol && u > eol))
			continue;
		if ((uid = strtoul(u + 4, &end, 10)) && end != u + 4)
			uids[seq - lo] = uid;
	}
	return 0;
}

/* The UID of message number seq: *uid, 0 when not listed. */
static int
uid_of(struct imap *s, unsigned long seq, unsigned long *uid, omni_error *err)
{
	return fetch_uids(s, seq, seq, uid, err);
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

/* The UIDs above the cursor, ascending: *uids new, *n their count.
 * Every message from the first above the cursor to EXISTS must be listed,
 * in order; otherwise -1 with err (76), before anything is fetched. */
static int
search(struct imap *s, unsigned long **uids, size_t *n, omni_error *err)
{
	unsigned long lo = 1, hi = s->exists, uid = 0, first, e;
	size_t cap;

	*uids = NULL;
	*n = 0;
	if (!s->exists)
		return 0;
	/* the first message above the cursor, by halving */
	if (s->last) {
		if (uid_of(s, hi, &uid, err) < 0)
			return -1;
		if (!uid) {
			lo = hi;
			goto gap;
		}
		if (uid <= s->last)
			return 0;       /* nothing new */
		while (lo < hi) {
			unsigned long mid = lo + (hi - lo) / 2;
			if (uid_of(s, mid, &uid, err) < 0)
				return -1;
			if (!uid) {
				lo = mid;
				goto gap;
			}
			if (uid > s->last)
				hi = mid;
			else
				lo = mid + 1;
		}
	}
	first = lo;
	cap = s->exists - first + 1;
	if (!(*uids = malloc(cap * sizeof **uids)))
		return oom(err), -1;
	for (unsigned long w = first; w <= s->exists; w = e + 1) {
		e = s->exists - w < WINDOW - 1 ? s->exists : w + WINDOW - 1;
		if (fetch_uids(s, w, e, *uids + (w - first), err) < 0)
			return -1;
		for (unsigned long q = w; q <= e; q++) {
			unsigned long u = (*uids)[q - first];
			if (!u || u <= s->last || (q > first && u <= (*uids)[q - first - 1])) {
				lo = q;
				goto gap;
			}
		}
	}
	*n = cap;
	return 0;
gap:
	free(*uids);
	*uids = NULL;
	return omni_error_set(err, OMNI_EX_PROTOCOL, s->f->name, 0, 0,
	                      "the server did not list message %lu of %lu in UID "
	                      "order; nothing fetched", lo, s->exists), -1;
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
	const char *seen;
	unsigned long *uids = NULL;
	size_t n = 0;
	int rc = -1;

	if (split(&s, url, err) < 0 || !(s.h = omni_http_new(f->name, err)) ||
	    login(&s, err) < 0)
		goto out;
	if (asprintf(&s.url, "%s%s", s.server, s.box) < 0) {
		s.url = NULL;
		oom(err);
		goto out;
	}
	seen = f->conf ? omni_conf_get(f->conf, "mark_seen") : NULL;
	if (seen && strcmp(seen, "yes") != 0 && strcmp(seen, "no") != 0) {
		omni_error_set(err, OMNI_EX_CONFIG, f->name, 0, 0,
		               "mark_seen is yes or no, not '%s'", seen);
		goto out;
	}
	s.open = seen && strcmp(seen, "yes") == 0 ? "SELECT" : "EXAMINE";
	if (f->trace)
		omni_http_set_trace(s.h, f->trace, f->arg);
	if (examine(&s, err) < 0 || load_cursor(&s, err) < 0 ||
	    search(&s, &uids, &n, err) < 0)
		goto out;
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
	free(s.url);
	omni_http_free(s.h);
	return rc;
}
