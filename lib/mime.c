/*
 * mime.c - RFC 5322 messages and their MIME structure (RFC 2045/2046).
 *
 * A message is parsed in place: header fields are spans of the buffer,
 * unfolded only when read.  The body tree is walked depth first; the first
 * text/plain part is the text, the first text/html part the html (and the
 * text when there is no plain part, so multipart/alternative prefers plain);
 * every other leaf, and text parts sent as files, are attachments.
 * Decoders and charsets are in charset.c, HTML to text in html.c.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "omni.h"

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

/* ---- parameters (RFC 2045 5.1, RFC 2231) ---- */

/* Reads a token or quoted string at *p into out (at most size-1 bytes,
 * unescaped); advances *p. */
static void param_value(const char **p, char *out, size_t size)
{
	const char *s = *p;
	size_t o = 0;

	while (*s == ' ' || *s == '\t')
		s++;
	if (*s == '"') {
		for (s++; *s && *s != '"'; s++) {
			if (*s == '\\' && s[1])
				s++;
			if (o + 1 < size)
				out[o++] = *s;
		}
		if (*s == '"')
			s++;
	} else {
		for (; *s && *s != ';'; s++)
			if (o + 1 < size)
				out[o++] = *s;
		while (o && isspace((unsigned char)out[o - 1]))
			o--;
	}
	out[o] = '\0';
	*p = s;
}

/* Percent-decodes an RFC 2231 extended value in place. */
static void pct_decode(char *s)
{
	char *o = s;

	for (; *s; s++) {
		if (s[0] == '%' && isxdigit((unsigned char)s[1]) &&
		    isxdigit((unsigned char)s[2])) {
			char hex[3] = {s[1], s[2], 0};
			*o++ = (char)strtol(hex, NULL, 16);
			s += 2;
		} else
			*o++ = *s;
	}
	*o = '\0';
}

/* Appends a parameter piece to the assembled value. */
static void cat(char *dst, size_t size, const char *src)
{
	size_t l = strlen(dst);
	snprintf(dst + l, size - l, "%s", src);
}

/*
 * A parameter of a Content-Type or Content-Disposition value, decoded to
 * UTF-8: new or NULL.  RFC 2231 forms (name*=charset''%XX, name*0=,
 * name*1*=) win over the plain one; RFC 2047 words in a plain value (which
 * many mailers send) are decoded too.
 */
static char *param(const char *v, const char *name)
{
	char attr[64], val[1024], plain[1024] = "", ext[2048] = "", cs[64] = "";
	size_t nl = strlen(name);
	int have_plain = 0, have_ext = 0;
	const char *p = v ? strchr(v, ';') : NULL;

	while (p && *p == ';') {
		size_t a = 0;
		for (p++; *p == ' ' || *p == '\t'; p++)
			;
		while (*p && *p != '=' && *p != ';' && a + 1 < sizeof attr)
			attr[a++] = (char)tolower((unsigned char)*p++);
		while (a && isspace((unsigned char)attr[a - 1]))
			a--;
		attr[a] = '\0';
		if (*p != '=')
			continue;
		p++;
		param_value(&p, val, sizeof val);
		while (*p && *p != ';')
			p++;
		if (strncmp(attr, name, nl) != 0)
			continue;
		if (attr[nl] == '\0') {
			snprintf(plain, sizeof plain, "%s", val);
			have_plain = 1;
		} else if (attr[nl] == '*') {
			/* name*, name*N, name*N*: the star at the end marks an
			 * extended (charset'lang'%XX) piece */
			int extended = attr[strlen(attr) - 1] == '*';
			int first = attr[nl + 1] == '\0' || strcmp(attr + nl + 1, "0*") == 0 ||
			            strcmp(attr + nl + 1, "0") == 0;
			char *piece = val;
			if (extended && first) {
				char *q1 = strchr(val, '\''), *q2 = q1 ? strchr(q1 + 1, '\'') : NULL;
				if (q2) {
					snprintf(cs, sizeof cs, "%.*s", (int)(q1 - val), val);
					piece = q2 + 1;
				}
			}
			if (extended)
				pct_decode(piece);
			cat(ext, sizeof ext, piece);
			have_ext = 1;
		}
	}
	if (have_ext) {
		char *u = omni_charset_to_utf8(*cs ? cs : "utf-8", ext, strlen(ext), NULL);
		if (u)
			return u;
	}
	return have_plain ? omni_rfc2047_decode(plain) : NULL;
}

/* "type/subtype" lowercased, without parameters; default when absent. */
static char *media_type(const char *v, const char *def)
{
	size_t n = 0;
	char *out;

	if (!v || !*v || !strchr(v, '/'))
		return strdup(def);
	while (v[n] && v[n] != ';' && !isspace((unsigned char)v[n]))
		n++;
	if (!(out = strndup(v, n)))
		return NULL;
	for (char *c = out; *c; c++)
		*c = (char)tolower((unsigned char)*c);
	return out;
}

/* ---- addresses and message ids ---- */

/* The end of the first mailbox in an address list (a comma outside quotes,
 * comments and angle brackets). */
static const char *first_mailbox_end(const char *s)
{
	int quote = 0, angle = 0, paren = 0;

	for (; *s; s++) {
		if (*s == '\\' && s[1]) {
			s++;
			continue;
		}
		if (*s == '"')
			quote = !quote;
		else if (!quote && *s == '(')
			paren++;
		else if (!quote && *s == ')' && paren)
			paren--;
		else if (!quote && !paren && *s == '<')
			angle = 1;
		else if (!quote && !paren && *s == '>')
			angle = 0;
		else if (!quote && !paren && !angle && *s == ',')
			return s;
	}
	return s;
}

static char *trim_dup(const char *s, size_t n)
{
	while (n && isspace((unsigned char)*s))
		s++, n--;
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	return strndup(s, n);
}

/* Removes the quotes (and their backslashes) of a display name, in place. */
static void unquote(char *s)
{
	char *o = s;

	for (; *s; s++) {
		if (*s == '"')
			continue;
		if (*s == '\\' && s[1])
			s++;
		*o++ = *s;
	}
	*o = '\0';
}

/*
 * The first mailbox of an address field: its decoded display name (NULL
 * when none) and its address, lowercase (NULL when none).  Accepts
 * "Name <a@b>", "<a@b>", "a@b (Name)" and "a@b".
 */
static void address(const char *v, char **name, char **addr)
{
	const char *end, *lt, *gt, *colon;
	char *n = NULL, *a = NULL;

	*name = *addr = NULL;
	if (!v)
		return;
	end = first_mailbox_end(v);
	lt = memchr(v, '<', (size_t)(end - v));
	colon = memchr(v, ':', (size_t)((lt ? lt : end) - v));
	if (colon && !memchr(v, '"', (size_t)(colon - v)))
		v = colon + 1;     /* a group "name: a@b;" */
	if (lt && (gt = memchr(lt, '>', (size_t)(end - lt)))) {
		a = trim_dup(lt + 1, (size_t)(gt - lt - 1));
		n = trim_dup(v, (size_t)(lt - v));
	} else {
		const char *po = memchr(v, '(', (size_t)(end - v));
		const char *pc = po ? memchr(po, ')', (size_t)(end - po)) : NULL;
		a = trim_dup(v, (size_t)((po ? po : end) - v));
		if (pc)
			n = trim_dup(po + 1, (size_t)(pc - po - 1));
	}
	if (a) {
		size_t l = strlen(a);
		if (l && a[l - 1] == ';')
			a[l - 1] = '\0';
		for (char *c = a; *c; c++)
			*c = (char)tolower((unsigned char)*c);
	}
	if (n) {
		unquote(n);
		if (*n)
			*name = omni_rfc2047_decode(n);
	}
	if (a && *a && strchr(a, '@'))
		*addr = a, a = NULL;
	free(n);
	free(a);
}

/* Message ids in a value, without brackets: all of them (ids, count) or,
 * with max 1, the first.  A bare id without brackets is taken as is. */
static size_t msgids(const char *v, char ***ids, size_t max)
{
	size_t n = 0, cap = 0;
	const char *p = v;

	*ids = NULL;
	if (!v)
		return 0;
	while (n < max && (p = strchr(p, '<'))) {
		const char *gt = strchr(p, '>');
		char **nv;
		if (!gt)
			break;
		if (gt > p + 1) {
			if (n == cap) {
				cap = cap ? cap * 2 : 4;
				if (!(nv = realloc(*ids, cap * sizeof *nv)))
					break;
				*ids = nv;
			}
			(*ids)[n++] = trim_dup(p + 1, (size_t)(gt - p - 1));
		}
		p = gt + 1;
	}
	if (n == 0 && *v && !strchr(v, '<') && (*ids = malloc(sizeof **ids))) {
		(*ids)[0] = trim_dup(v, strcspn(v, " \t"));
		n = 1;
	}
	return n;
}

static char *msgid_first(const char *v)
{
	char **ids, *id = NULL;

	if (msgids(v, &ids, 1) == 1)
		id = ids[0];
	free(ids);
	return id;
}

/* ---- the body ---- */

typedef struct ctx {
	const char *msg;     /* the whole message, for line numbers */
	omni_mail *m;
	omni_error *err;
} ctx;

static long line_at(const ctx *c, const char *p)
{
	long line = 1;

	for (const char *q = c->msg; q < p; q++)
		if (*q == '\n')
			line++;
	return line;
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
	char *ct = field_get(h, "Content-Type"), *cs = param(ct, "charset");
	char *u = NULL;
	int rc = -1;

	if (*slot) {
		rc = 0;
		goto out;
	}
	if (!(u = omni_charset_to_utf8(cs, data, len, c->err))) {
		c->err->line = line_at(c, body);
		goto out;
	}
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
		omni_error_set(c->err, OMNI_EX_DATAERR, NULL, line_at(c, s), 0,
		               "multipart nested too deep");
		goto out;
	}
	if (fields_parse(s, n, &h, &off) < 0)
		goto nomem;
	ct = field_get(&h, "Content-Type");
	if (!(type = media_type(ct, deftype)))
		goto nomem;
	if (strncmp(type, "multipart/", 10) == 0) {
		const field *f = field_find(&h, "Content-Type");
		if (!(boundary = param(ct, "boundary")) || !*boundary) {
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
	if (!(fname = param(disp, "filename")))
		fname = param(ct, "name");
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
	omni_error_set(c->err, OMNI_EX_SOFTWARE, NULL, 0, 0, "out of memory");
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

	m->message_id = msgid_first(v = field_get(h, "Message-ID"));
	free(v);
	m->in_reply_to = msgid_first(v = field_get(h, "In-Reply-To"));
	free(v);
	m->nreferences = msgids(v = field_get(h, "References"), &m->references,
	                        (size_t)-1);
	free(v);
	if ((v = field_get(h, "Subject")))
		m->subject = omni_rfc2047_decode(v);
	free(v);
	address(v = field_get(h, "From"), &m->from_name, &m->from_addr);
	free(v);
	address(v = field_get(h, "Reply-To"), &dummy, &m->reply_to);
	free(dummy);
	free(v);
	address(v = field_get(h, "To"), &dummy, &m->to);
	free(dummy);
	free(v);
	if ((v = field_get(h, "Date")) && omni_time_parse_rfc2822(v, &m->date) == 0)
		m->has_date = 1;
	free(v);
	return 0;
}

int omni_mail_parse(const char *buf, size_t len, omni_mail *m, omni_error *err)
{
	fields h = {0};
	size_t off;
	ctx c = {buf, m, err};
	omni_error scratch;
	int rc = -1;

	memset(m, 0, sizeof *m);
	if (!err)
		c.err = &scratch;
	if (fields_parse(buf, len, &h, &off) < 0 || envelope(m, &h) < 0) {
		omni_error_set(err, OMNI_EX_SOFTWARE, NULL, 0, 0, "out of memory");
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
	memset(m, 0, sizeof *m);
}
