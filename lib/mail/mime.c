/*
 * mime.c - RFC 5322 messages and their MIME structure (RFC 2045/2046).
 *
 * A message is parsed in place: header fields are spans of the buffer,
 * unfolded only when read.  The body tree is walked depth first; the first
 * text/plain part is the text, the first text/html part the html (and the
 * text when there is no plain part, so multipart/alternative prefers plain);
 * every other leaf, and text parts sent as files, are attachments.
 * Parameters, addresses and ids are in mailhdr.c, decoders and charsets
 * in charset.c, HTML to text in html.c.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/core.h"
#include "mail/mail.h"

#define MAX_DEPTH 32

typedef struct field {
	const char *name, *value;  /* value: from after the colon to the end
	                              of its last continuation line */
	size_t namelen, valuelen;
	const char *at;            /* start of the field's first line */
} field;

typedef struct fields {
	field *v;
	size_t n, cap;
} fields;

/* Splits the header block of s into fields; *body is the offset of the
 * body (after the empty line), n when there is none.  0 or -1 (memory). */
static int fields_parse(const char *s, size_t n, fields *h, size_t *body)
{
	size_t i = 0;

	*body = n;
	while (i < n) {
		const char *eol = memchr(s + i, '\n', n - i);
		size_t next = eol ? (size_t)(eol - s) + 1 : n, end = next;
		const char *colon;
		if (end > i && s[end - 1] == '\n')
			end--;
		if (end > i && s[end - 1] == '\r')
			end--;
		if (end == i) {           /* the empty line */
			*body = next;
			return 0;
		}
		if ((s[i] == ' ' || s[i] == '\t') && h->n > 0) {
			field *f = &h->v[h->n - 1];
			f->valuelen = (size_t)(s + end - f->value);
		} else if ((colon = memchr(s + i, ':', end - i)) &&
		           colon > s + i) {
			field *f;
			if (h->n == h->cap) {
				size_t cap = h->cap ? h->cap * 2 : 32;
				field *v = realloc(h->v, cap * sizeof *v);
				if (!v)
					return -1;
				h->v = v;
				h->cap = cap;
			}
			f = &h->v[h->n++];
			f->at = s + i;
			f->name = s + i;
			f->namelen = (size_t)(colon - (s + i));
			while (f->namelen && isspace((unsigned char)f->name[f->namelen - 1]))
				f->namelen--;
			f->value = colon + 1;
			f->valuelen = (size_t)(s + end - f->value);
		}
		/* else: not a field (an mbox "From " line, garbage): skipped */
		i = next;
	}
	return 0;
}

static const field *field_find(const fields *h, const char *name)
{
	size_t l = strlen(name);

	for (size_t i = 0; i < h->n; i++)
		if (h->v[i].namelen == l && strncasecmp(h->v[i].name, name, l) == 0)
			return &h->v[i];
	return NULL;
}

/* Raw 8-bit header bytes that are not UTF-8 are read as Latin-1 (as
 * Windows-1252), so every value can go into JSON.  Takes s; new. */
static char *utf8_or_latin1(char *s)
{
	char *u = omni_charset_to_utf8("utf-8", s, strlen(s), NULL);

	if (!u)
		u = omni_charset_to_utf8("iso-8859-1", s, strlen(s), NULL);
	free(s);
	return u;
}

/* The field's value unfolded (line breaks removed) and trimmed: new or
 * NULL when absent. */
static char *field_get(const fields *h, const char *name)
{
	const field *f = field_find(h, name);
	char *out;
	size_t o = 0;

	if (!f || !(out = malloc(f->valuelen + 1)))
		return NULL;
	for (size_t i = 0; i < f->valuelen; i++)
		if (f->value[i] != '\r' && f->value[i] != '\n')
			out[o++] = f->value[i];
	while (o && isspace((unsigned char)out[o - 1]))
		o--;
	out[o] = '\0';
	size_t lead = strspn(out, " \t");
	memmove(out, out + lead, o - lead + 1);
	return utf8_or_latin1(out);
}

char *omni_mail_header(const char *buf, size_t len, const char *name)
{
	fields h = {0};
	size_t body;
	char *raw = NULL, *res = NULL;

	if (fields_parse(buf, len, &h, &body) == 0 && (raw = field_get(&h, name)))
		res = omni_rfc2047_decode(raw);
	free(raw);
	free(h.v);
	return res;
}

/* ---- the body ---- */

typedef struct ctx {
	const char *msg;     /* the whole message, for line numbers */
	omni_mail *m;
	omni_error *err;
	int deep;            /* parts were left out for their depth */
} ctx;

static long line_at(const ctx *c, const char *p)
{
	long line = 1;

	for (const char *q = c->msg; q < p; q++)
		if (*q == '\n')
			line++;
	return line;
}

/* Notes what was read only in part (takes text).  0, or -1 out of memory. */
static int warn(ctx *c, const char *at, char *text)
{
	omni_mail *m = c->m;
	omni_mail_warning *v;

	if (!text || !(v = realloc(m->warnings, (m->nwarnings + 1) * sizeof *v))) {
		free(text);
		return omni_error_oom(c->err), -1;
	}
	m->warnings = v;
	v[m->nwarnings].line = line_at(c, at);
	v[m->nwarnings++].text = text;
	return 0;
}

static int part(ctx *c, const char *s, size_t n, const char *deftype, int depth);

/* The end of a part: the line break before a delimiter belongs to it. */
static size_t part_len(const char *start, const char *delim)
{
	const char *e = delim;

	if (e > start && e[-1] == '\n')
		e--;
	if (e > start && e[-1] == '\r')
		e--;
	return (size_t)(e - start);
}

/* Is the line [p, eol) "--boundary" or "--boundary--" (blanks after)?
 * 1 delimiter, 2 close delimiter, 0 neither. */
static int delimiter(const char *p, const char *eol, const char *b, size_t bl)
{
	int close = 0;

	if ((size_t)(eol - p) < bl + 2 || p[0] != '-' || p[1] != '-' ||
	    memcmp(p + 2, b, bl) != 0)
		return 0;
	p += bl + 2;
	if (eol - p >= 2 && p[0] == '-' && p[1] == '-')
		close = 1, p += 2;
	for (; p < eol; p++)
		if (!isspace((unsigned char)*p))
			return 0;
	return close ? 2 : 1;
}

/*
 * The parts of a multipart body.  Without its close delimiter the message
 * was cut short: that is an error at the line of the last delimiter seen
 * (or of the Content-Type field when there was none).
 */
static int multipart(ctx *c, const char *s, size_t n, const char *boundary,
                     const char *deftype, const char *at, int depth)
{
	const char *p = s, *end = s + n, *start = NULL, *last = at;
	size_t bl = strlen(boundary);

	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		const char *next = eol ? eol + 1 : end;
		int d = *p == '-' ? delimiter(p, eol ? eol : end, boundary, bl) : 0;
		if (d) {
			if (start && part(c, start, part_len(start, p), deftype, depth + 1) < 0)
				return -1;
			if (d == 2)
				return 0;
			start = next;
			last = p;
		}
		p = next;
	}
	omni_error_set(c->err, OMNI_EX_DATAERR, NULL, line_at(c, last), 0,
	               "truncated multipart: no closing boundary \"%s\"", boundary);
	return -1;
}

/* LF line ends, no NULs, no leading blank lines nor trailing blanks. */
static void tidy_text(char *s)
{
	char *o = s, *start = s;

	for (char *p = s; *p; p++) {
		if (*p == '\r') {
			*o++ = '\n';
			if (p[1] == '\n')
				p++;
		} else
			*o++ = *p;
	}
	while (o > s && isspace((unsigned char)o[-1]))
		o--;
	*o = '\0';
	for (char *p = s; *p == ' ' || *p == '\t' || *p == '\n'; p++)
		if (*p == '\n')
			start = p + 1;
	memmove(s, start, (size_t)(o - start) + 1);
}

static int add_attachment(ctx *c, char *filename, const char *type, size_t size)
{
	omni_mail *m = c->m;
	omni_attachment *v = realloc(m->attachments,
	                             (m->nattachments + 1) * sizeof *v);

	if (!v) {
		free(filename);
		return -1;
	}
	m->attachments = v;
	v[m->nattachments].filename = filename;
	v[m->nattachments].content_type = strdup(type);
	v[m->nattachments].size = size;
	m->nattachments++;
	return 0;
}

/* Content-Transfer-Encoding: the decoded bytes (new) or NULL with err. */
static char *transfer_decode(ctx *c, const fields *h, const char *body,
                             size_t n, size_t *len)
{
	char *cte = field_get(h, "Content-Transfer-Encoding"), *out = NULL;
	const field *f;

	if (cte && strcasecmp(cte, "base64") == 0) {
		if (!(out = omni_base64_decode(body, n, len))) {
			f = field_find(h, "Content-Transfer-Encoding");
			omni_error_set(c->err, OMNI_EX_DATAERR, NULL,
			               line_at(c, f ? f->at : body), 0,
			               "invalid base64 data in part");
		}
	} else if (cte && strcasecmp(cte, "quoted-printable") == 0) {
		out = omni_qp_decode(body, n, len);
	} else if ((out = malloc(n + 1))) {
		/* 7bit, 8bit, binary, or one we do not know: as it is */
		memcpy(out, body, n);
		out[n] = '\0';
		*len = n;
	}
	free(cte);
	return out;
}

/* A text part for the reader: converted to UTF-8 into *slot if empty. */
static int text_part(ctx *c, const fields *h, char *data, size_t len,
                     const char *body, char **slot, int html)
{
	char *ct = field_get(h, "Content-Type"), *cs = omni_mail_param(ct, "charset");
	char *u = NULL, *note = NULL;
	int rc = -1;

	if (*slot) {
		rc = 0;
		goto out;
	}
	if (!(u = omni_charset_to_utf8_lenient(cs, data, len, &note))) {
		omni_error_oom(c->err);
		goto out;
	}
	if (note && warn(c, body, note) < 0)
		goto out;
	if (!html)
		tidy_text(u);
	*slot = u;
	rc = 0;
out:
	free(ct);
	free(cs);
	return rc;
}

/* One MIME entity (headers and body) at s: a multipart or a leaf. */
static int part(ctx *c, const char *s, size_t n, const char *deftype, int depth)
{
	fields h = {0};
	size_t off, len = 0;
	char *ct = NULL, *type = NULL, *disp = NULL, *fname = NULL, *data = NULL;
	char *boundary = NULL;
	int rc = -1, attach;

	if (depth > MAX_DEPTH) {
		/* what is below is left out, said once */
		rc = c->deep ? 0 : warn(c, s, strdup("multipart nested more than "
		                                     "32 deep: the parts below left out"));
		c->deep = 1;
		goto out;
	}
	if (fields_parse(s, n, &h, &off) < 0)
		goto nomem;
	ct = field_get(&h, "Content-Type");
	if (!(type = omni_mail_media_type(ct, deftype)))
		goto nomem;
	if (strncmp(type, "multipart/", 10) == 0) {
		const field *f = field_find(&h, "Content-Type");
		if (!(boundary = omni_mail_param(ct, "boundary")) || !*boundary) {
			omni_error_set(c->err, OMNI_EX_DATAERR, NULL, line_at(c, f->at), 0,
			               "multipart without a boundary");
			goto out;
		}
		rc = multipart(c, s + off, n - off, boundary,
		               strcmp(type, "multipart/digest") == 0 ? "message/rfc822"
		                                                     : "text/plain",
		               f->at, depth);
		goto out;
	}
	if (!(data = transfer_decode(c, &h, s + off, n - off, &len)))
		goto out;
	disp = field_get(&h, "Content-Disposition");
	if (!(fname = omni_mail_param(disp, "filename")))
		fname = omni_mail_param(ct, "name");
	attach = fname || (disp && strncasecmp(disp, "attachment", 10) == 0) ||
	         (strcmp(type, "text/plain") != 0 && strcmp(type, "text/html") != 0);
	if (attach) {
		rc = add_attachment(c, fname, type, len);
		fname = NULL;
		if (rc < 0)
			goto nomem;
	} else {
		int html = strcmp(type, "text/html") == 0;
		rc = text_part(c, &h, data, len, s + off,
		               html ? &c->m->html : &c->m->text, html);
	}
	goto out;
nomem:
	omni_error_oom(c->err);
out:
	free(h.v);
	free(ct);
	free(type);
	free(disp);
	free(fname);
	free(data);
	free(boundary);
	return rc;
}

/* The envelope fields: ids, subject, addresses, date. */
static int envelope(omni_mail *m, const fields *h)
{
	char *v = NULL, *dummy = NULL;

	m->message_id = omni_mail_msgid(v = field_get(h, "Message-ID"));
	free(v);
	m->in_reply_to = omni_mail_msgid(v = field_get(h, "In-Reply-To"));
	free(v);
	m->nreferences = omni_mail_msgids(v = field_get(h, "References"),
	                                  &m->references, (size_t)-1);
	free(v);
	if ((v = field_get(h, "Subject")))
		m->subject = omni_rfc2047_decode(v);
	free(v);
	omni_mail_address(v = field_get(h, "From"), &m->from_name, &m->from_addr);
	free(v);
	omni_mail_address(v = field_get(h, "Reply-To"), &dummy, &m->reply_to);
	free(dummy);
	free(v);
	omni_mail_address(v = field_get(h, "To"), &dummy, &m->to);
	free(dummy);
	free(v);
	if ((v = field_get(h, "Date")) && omni_time_parse_rfc2822(v, &m->date) == 0)
		m->has_date = 1;
	free(v);
	return 0;
}

/* The fields that become ids, keys and addresses may not hold a NUL
 * byte: read as C strings they would stop there, and
 * "victim@example.com\0@evil" would be the victim's address. */
static int nul_field(const ctx *c, const fields *h)
{
	static const char *const names[] = { "Message-ID", "In-Reply-To", "References",
	                                     "From", "Reply-To", "To" };
	for (size_t k = 0; k < h->n; k++) {
		const field *f = &h->v[k];
		for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
			if (f->namelen == strlen(names[i]) &&
			    strncasecmp(f->name, names[i], f->namelen) == 0 &&
			    memchr(f->value, '\0', f->valuelen))
				return omni_error_set(c->err, OMNI_EX_DATAERR, NULL, line_at(c, f->at),
				                      0, "the %s field holds a NUL byte", names[i]), -1;
	}
	return 0;
}

int omni_mail_parse(const char *buf, size_t len, omni_mail *m, omni_error *err)
{
	fields h = {0};
	size_t off;
	ctx c = {buf, m, err, 0};
	omni_error scratch;
	int rc = -1;

	memset(m, 0, sizeof *m);
	if (!err)
		c.err = &scratch;
	if (fields_parse(buf, len, &h, &off) < 0) {
		omni_error_oom(err);
		goto out;
	}
	if (nul_field(&c, &h) < 0)
		goto out;
	if (envelope(m, &h) < 0) {
		omni_error_oom(err);
		goto out;
	}
	if (part(&c, buf, len, "text/plain", 0) < 0)
		goto out;
	if (!m->text && m->html)
		m->text = omni_html_to_text(m->html, strlen(m->html));
	if (!m->text)
		m->text = strdup("");
	rc = m->text ? 0 : -1;
out:
	free(h.v);
	if (rc < 0)
		omni_mail_free(m);
	return rc;
}

void omni_mail_free(omni_mail *m)
{
	if (!m)
		return;
	free(m->message_id);
	free(m->in_reply_to);
	for (size_t i = 0; i < m->nreferences; i++)
		free(m->references[i]);
	free(m->references);
	free(m->subject);
	free(m->from_name);
	free(m->from_addr);
	free(m->reply_to);
	free(m->to);
	free(m->text);
	free(m->html);
	for (size_t i = 0; i < m->nattachments; i++) {
		free(m->attachments[i].filename);
		free(m->attachments[i].content_type);
	}
	free(m->attachments);
	for (size_t i = 0; i < m->nwarnings; i++)
		free(m->warnings[i].text);
	free(m->warnings);
	memset(m, 0, sizeof *m);
}
