/* reply_smtp.c - a reply as a MIME message (UTF-8, quoted-printable,
 * threaded by In-Reply-To and References) and its delivery by SMTP through
 * libcurl. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>

#include "core/core.h"
#include "reply/reply.h"

static void
qp_encode(FILE *o, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	int col = 0;

	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '\r')
			continue;
		if (*p == '\n') {
			fputs("\r\n", o);
			col = 0;
			continue;
		}
		/* a space or tab at the end of a line would be lost in transit */
		int trailing = (*p == ' ' || *p == '\t') && (p[1] == '\n' || p[1] == '\r' || !p[1]);
		int plain = (*p >= 33 && *p <= 126 && *p != '=') || ((*p == ' ' || *p == '\t') && !trailing);
		int w = plain ? 1 : 3;
		if (col + w > 75) {
			fputs("=\r\n", o);
			col = 0;
		}
		if (plain)
			putc(*p, o);
		else
			fprintf(o, "=%c%c", hex[*p >> 4], hex[*p & 15]);
		col += w;
	}
	if (col)
		fputs("\r\n", o);
}

static void
base64(FILE *o, const unsigned char *p, size_t n)
{
	static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)p[i] << 16 | (i + 1 < n ? p[i + 1] : 0) << 8 | (i + 2 < n ? p[i + 2] : 0);
		putc(b64[v >> 18 & 63], o);
		putc(b64[v >> 12 & 63], o);
		putc(i + 1 < n ? b64[v >> 6 & 63] : '=', o);
		putc(i + 2 < n ? b64[v & 63] : '=', o);
	}
}

/* A header value: as is when it is printable ASCII, else RFC 2047
 * encoded words of whole UTF-8 characters, folded. */
static void
header_text(FILE *o, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	int ascii = 1;

	for (const unsigned char *q = p; *q; q++)
		ascii &= *q >= 32 && *q < 127;
	if (ascii) {
		fputs(s, o);
		return;
	}
	size_t n = strlen(s), i = 0;
	while (i < n) {
		size_t k = n - i > 42 ? 42 : n - i;
		while (i + k < n && (p[i + k] & 0xc0) == 0x80)
			k--;
		if (i)
			fputs("\r\n ", o);
		fputs("=?UTF-8?B?", o);
		base64(o, p + i, k);
		fputs("?=", o);
		i += k;
	}
}

static void
part(FILE *o, const char *type, const char *body)
{
	fprintf(o, "Content-Type: %s; charset=UTF-8\r\n"
	           "Content-Transfer-Encoding: quoted-printable\r\n\r\n", type);
	qp_encode(o, body);
}

char *
omni_mail_build(const omni_mail_out *m, size_t *len)
{
	char *buf = NULL, date[64];
	size_t size = 0;
	FILE *o = open_memstream(&buf, &size);
	time_t secs = (time_t)(m->date / 1000);
	struct tm tm;

	if (!o)
		return NULL;
	gmtime_r(&secs, &tm);
	static const char *const days[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
	static const char *const mons[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
	                                    "Aug", "Sep", "Oct", "Nov", "Dec" };
	snprintf(date, sizeof date, "%s, %02d %s %d %02d:%02d:%02d +0000", days[tm.tm_wday],
	         tm.tm_mday, mons[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
	fprintf(o, "Date: %s\r\nFrom: %s\r\nTo: %s\r\nSubject: ", date, m->from, m->to);
	header_text(o, m->subject ? m->subject : "");
	fprintf(o, "\r\nMessage-ID: <%s>\r\n", m->message_id);
	if (m->in_reply_to)
		fprintf(o, "In-Reply-To: <%s>\r\n", m->in_reply_to);
	if (m->nreferences) {
		fputs("References:", o);
		for (size_t i = 0; i < m->nreferences; i++)
			fprintf(o, "%s<%s>", i ? "\r\n " : " ", m->references[i]);
		fputs("\r\n", o);
	}
	fputs("MIME-Version: 1.0\r\n", o);
	if (m->html) {
		const char *b = "=_omni_alt_0";
		fprintf(o, "Content-Type: multipart/alternative; boundary=\"%s\"\r\n\r\n", b);
		fprintf(o, "--%s\r\n", b);
		part(o, "text/plain", m->text ? m->text : "");
		fprintf(o, "--%s\r\n", b);
		part(o, "text/html", m->html);
		fprintf(o, "--%s--\r\n", b);
	} else {
		part(o, "text/plain", m->text ? m->text : "");
	}
	if (fclose(o) != 0) {
		free(buf);
		return NULL;
	}
	*len = size;
	return buf;
}

typedef struct upload {
	const char *p;
	size_t len, pos;
	int done;                 /* every byte handed to libcurl */
} upload;

static size_t
read_cb(char *dst, size_t size, size_t n, void *arg)
{
	upload *u = arg;
	size_t room = size * n, left = u->len - u->pos;

	if (!left) {
		u->done = 1;
		return 0;
	}
	if (room > left)
		room = left;
	memcpy(dst, u->p + u->pos, room);
	u->pos += room;
	return room;
}

/* One try: 0 delivered; 1 temporary, not delivered; -1 err filled. */
static int
try_send(CURL *c, const omni_smtp *cfg, const char *from, const char *to,
         const char *msg, size_t len, int *unknown, omni_error *err)
{
	upload u = { msg, len, 0, 0 };
	struct curl_slist *rcpt = curl_slist_append(NULL, to);
	char errbuf[CURL_ERROR_SIZE] = "";
	long code = 0;
	CURLcode rc;

	curl_easy_reset(c);
	curl_easy_setopt(c, CURLOPT_URL, cfg->url);
	curl_easy_setopt(c, CURLOPT_MAIL_FROM, from);
	curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(c, CURLOPT_READFUNCTION, read_cb);
	curl_easy_setopt(c, CURLOPT_READDATA, &u);
	curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, (curl_off_t)len);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, cfg->timeout_ms > 0 ? cfg->timeout_ms : 60000L);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, 10000L);
	if (cfg->user)
		curl_easy_setopt(c, CURLOPT_USERNAME, cfg->user);
	if (cfg->password)
		curl_easy_setopt(c, CURLOPT_PASSWORD, cfg->password);
	if (cfg->user || cfg->password)
		curl_easy_setopt(c, CURLOPT_USE_SSL, (long)CURLUSESSL_ALL);
	rc = curl_easy_perform(c);
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
	curl_slist_free_all(rcpt);
	if (rc == CURLE_OK)
		return 0;
	const char *why = *errbuf ? errbuf : curl_easy_strerror(rc);
	if (code >= 400 && code < 500)
		return omni_error_set(err, OMNI_EX_TEMPFAIL, cfg->url, 0, 0,
		                      "smtp: temporary failure %ld: %s", code, why), 1;
	if (code >= 500)
		return omni_error_set(err, OMNI_EX_UNAVAILABLE, cfg->url, 0, 0,
		                      "smtp: refused %ld: %s", code, why), -1;
	if (rc == CURLE_LOGIN_DENIED)
		return omni_error_set(err, OMNI_EX_NOPERM, cfg->url, 0, 0, "smtp: %s", why), -1;
	if (u.done) {
		/* the message left; whether the server kept it is not known */
		*unknown = 1;
		return omni_error_set(err, OMNI_EX_TEMPFAIL, cfg->url, 0, 0,
		                      "smtp: outcome unknown after the data was sent: %s", why), -1;
	}
	if (rc == CURLE_COULDNT_CONNECT || rc == CURLE_COULDNT_RESOLVE_HOST ||
	    rc == CURLE_OPERATION_TIMEDOUT || rc == CURLE_GOT_NOTHING ||
	    rc == CURLE_RECV_ERROR || rc == CURLE_SEND_ERROR)
		return omni_error_set(err, OMNI_EX_UNAVAILABLE, cfg->url, 0, 0, "smtp: %s", why), 1;
	return omni_error_set(err, OMNI_EX_PROTOCOL, cfg->url, 0, 0, "smtp: %s", why), -1;
}

int
omni_smtp_send(const omni_smtp *cfg, const char *from, const char *to, const char *msg,
               size_t len, int *unknown, omni_error *err)
{
	CURL *c = curl_easy_init();
	long wait = cfg->backoff_ms > 0 ? cfg->backoff_ms : 500;
	int rc = -1;

	*unknown = 0;
	if (!c)
		return omni_error_set(err, OMNI_EX_SOFTWARE, NULL, 0, 0, "cannot start libcurl"), -1;
	for (int attempt = 0;; attempt++) {
		rc = try_send(c, cfg, from, to, msg, len, unknown, err);
		if (rc <= 0 || *unknown || attempt >= cfg->retries)
			break;
		struct timespec ts = { wait / 1000, (wait % 1000) * 1000000L };
		nanosleep(&ts, NULL);
		wait *= 2;
	}
	curl_easy_cleanup(c);
	if (rc > 0)
		rc = -1;
	return rc;
}
