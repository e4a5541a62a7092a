/* http_why.c - what the failures libcurl reports mean for the one who
 * runs omni: which host and port, which mailbox. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include <curl/curl.h>

#include "net/net_int.h"

void
omni_net_where(const char *url, char *buf, size_t size)
{
	CURLU *u = curl_url();
	char *host = NULL, *port = NULL;

	snprintf(buf, size, "%s", url);
	if (!u || curl_url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) != CURLUE_OK)
		goto out;
	snprintf(buf, size, "%s:%s", host, port);
out:
	curl_free(host);
	curl_free(port);
	curl_url_cleanup(u);
}

/* The word at p (n bytes left) after the tag: "A003 SELECT x" -> "SELECT x". */
static const char *
after_tag(const char *p, size_t *n)
{
	const char *sp = memchr(p, ' ', *n);

	if (!sp)
		return NULL;
	*n -= (size_t)(sp + 1 - p);
	return sp + 1;
}

static int
word_is(const char *p, size_t n, const char *w)
{
	size_t k = strlen(w);

	return n >= k && strncasecmp(p, w, k) == 0;
}

static void
copy_line(char *to, size_t size, const char *p, size_t n)
{
	while (n && (p[n - 1] == '\r' || p[n - 1] == '\n'))
		n--;
	if (n >= size)
		n = size - 1;
	for (size_t i = 0; i < n; i++)
		to[i] = isprint((unsigned char)p[i]) ? p[i] : '.';
	to[n] = 0;
}

void
omni_imap_note(omni_imap_seen *s, int out, const char *p, size_t n)
{
	const char *rest;

	if (!out) {
		s->heard = 1;
		if (n && p[0] != '*' && p[0] != '+' && (rest = after_tag(p, &n)) &&
		    (word_is(rest, n, "NO ") || word_is(rest, n, "BAD "))) {
			copy_line(s->refusal, sizeof s->refusal, rest, n);
			s->box_refused |= s->selecting;
		}
		return;
	}
	/* only the mailbox of a SELECT or EXAMINE is kept: a LOGIN's
	 * password never is */
	if (!(rest = after_tag(p, &n)))
		return;
	if (word_is(rest, n, "SELECT ") || word_is(rest, n, "EXAMINE ")) {
		const char *box = (const char *)memchr(rest, ' ', n) + 1;
		size_t k = n - (size_t)(box - rest);
		copy_line(s->mailbox, sizeof s->mailbox, box, k);
	}
	s->selecting = word_is(rest, n, "SELECT ") || word_is(rest, n, "EXAMINE ");
}
