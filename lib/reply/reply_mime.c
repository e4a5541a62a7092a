/* reply_mime.c - a reply as a MIME message (UTF-8, quoted-printable,
 * threaded by In-Reply-To and References), ready for omni_smtp_send. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

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

	if (!o)
		return NULL;
	omni_time_format_rfc2822(m->date, date, sizeof date);
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
	if (m->auto_submitted)      /* RFC 3834: no machine answers it */
		fputs(m->auto_submitted == 2 ? "Auto-Submitted: auto-generated\r\n" :
		      "Auto-Submitted: auto-replied\r\n", o);
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
