/*
 * mailhdr.c - the structured parts of header fields: MIME parameters
 * (RFC 2045, with RFC 2231 continuations and charsets), media types,
 * mailboxes (RFC 5322 3.4) and message ids (3.6.4).  Values come in
 * unfolded; what comes out is UTF-8.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mail/mail.h"

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
char *omni_mail_param(const char *v, const char *name)
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
char *omni_mail_media_type(const char *v, const char *def)
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
void omni_mail_address(const char *v, char **name, char **addr)
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
size_t omni_mail_msgids(const char *v, char ***ids, size_t max)
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

char *omni_mail_msgid(const char *v)
{
	char **ids, *id = NULL;

	if (omni_mail_msgids(v, &ids, 1) == 1)
		id = ids[0];
	free(ids);
	return id;
}
