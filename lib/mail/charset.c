/*
 * charset.c - transfer encodings (quoted-printable, base64), charsets to
 * UTF-8 with iconv(3), and RFC 2047 encoded words.
 *
 * Everything returned here is valid UTF-8 text: the ticket format is JSON
 * and a message body that is not UTF-8 would make the output invalid.
 */
#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "core/core.h"
#include "mail/mail.h"

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Quoted-printable (RFC 2045 6.7).  Soft line breaks ("=" at the end of a
 * line, also when transport added blanks after it) are removed, "=XX"
 * decoded, trailing blanks of a line dropped as the RFC asks; a malformed
 * "=" is kept as it is, which is what readers expect from sloppy senders.
 */
char *omni_qp_decode(const char *s, size_t n, size_t *len)
{
	char *out = malloc(n + 1);
	size_t o = 0, i = 0;

	if (!out)
		return NULL;
	while (i < n) {
		char c = s[i];
		if (c == '=') {
			size_t j = i + 1;
			while (j < n && (s[j] == ' ' || s[j] == '\t'))
				j++;
			if (j == n || s[j] == '\n' || s[j] == '\r') {
				/* soft line break */
				if (j < n && s[j] == '\r')
					j++;
				if (j < n && s[j] == '\n')
					j++;
				i = j;
				continue;
			}
			if (i + 2 < n && hexval((unsigned char)s[i + 1]) >= 0 &&
			    hexval((unsigned char)s[i + 2]) >= 0) {
				out[o++] = (char)(hexval((unsigned char)s[i + 1]) * 16 +
				                  hexval((unsigned char)s[i + 2]));
				i += 3;
				continue;
			}
			out[o++] = c;
			i++;
			continue;
		}
		if (c == ' ' || c == '\t') {
			/* blanks before a hard line break are transport padding */
			size_t j = i;
			while (j < n && (s[j] == ' ' || s[j] == '\t'))
				j++;
			if (j == n || s[j] == '\n' || s[j] == '\r') {
				i = j;
				continue;
			}
			memcpy(out + o, s + i, j - i);
			o += j - i;
			i = j;
			continue;
		}
		out[o++] = c;
		i++;
	}
	out[o] = '\0';
	if (len)
		*len = o;
	return out;
}

static int b64val(int c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

/*
 * Base64 (RFC 2045 6.8).  Line breaks and blanks anywhere are skipped and
 * missing padding is forgiven; any other byte outside the alphabet, data
 * after the padding, or a lone trailing character is garbage: NULL.
 */
char *omni_base64_decode(const char *s, size_t n, size_t *len)
{
	char *out = malloc(n / 4 * 3 + 4);
	size_t o = 0;
	unsigned long acc = 0;
	int bits = 0, nchars = 0, pad = 0;

	if (!out)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		int c = (unsigned char)s[i], v;
		if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
			continue;
		if (c == '=') {
			pad++;
			continue;
		}
		v = b64val(c);
		if (v < 0 || pad)
			goto bad;
		acc = (acc << 6) | (unsigned long)v;
		bits += 6;
		nchars++;
		if (bits >= 8) {
			bits -= 8;
			out[o++] = (char)((acc >> bits) & 0xff);
		}
	}
	if (nchars % 4 == 1 || pad > 2)
		goto bad;
	out[o] = '\0';
	if (len)
		*len = o;
	return out;
bad:
	free(out);
	return NULL;
}

/* Growing byte buffer (RFC 2047 runs, lenient conversion). */
typedef struct buf {
	char *p;
	size_t n, cap;
} buf;

static int buf_add(buf *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		size_t cap = (b->n + n + 1) * 2;
		char *p = realloc(b->p, cap);
		if (!p)
			return -1;
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
	return 0;
}

/* Length of the valid UTF-8 prefix of s (shortest forms, no surrogates). */
static size_t utf8_valid_prefix(const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		unsigned c = s[i];
		size_t k;
		unsigned long cp;
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf)
			k = 1, cp = c & 0x1f;
		else if (c >= 0xe0 && c <= 0xef)
			k = 2, cp = c & 0x0f;
		else if (c >= 0xf0 && c <= 0xf4)
			k = 3, cp = c & 0x07;
		else
			return i;
		for (size_t j = 1; j <= k; j++) {
			if (i + j >= n || (s[i + j] & 0xc0) != 0x80)
				return i;
			cp = (cp << 6) | (s[i + j] & 0x3f);
		}
		if ((k == 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
		    (k == 3 && (cp < 0x10000 || cp > 0x10ffff)))
			return i;
		i += k + 1;
	}
	return n;
}

/* Normalises a charset label: quotes and blanks stripped, lowercase, an
 * RFC 2231 "*language" suffix dropped.  Empty means unspecified. */
static void charset_norm(const char *cs, char *buf, size_t size)
{
	size_t o = 0;

	for (; cs && *cs && *cs != '*' && o + 1 < size; cs++) {
		if (*cs == '"' || *cs == '\'' || isspace((unsigned char)*cs))
			continue;
		buf[o++] = (char)tolower((unsigned char)*cs);
	}
	buf[o] = '\0';
}

static int is_label(const char *cs, const char *const *names)
{
	for (; *names; names++)
		if (strcmp(cs, *names) == 0)
			return 1;
	return 0;
}

static const char *const ascii_labels[] = {
	"", "us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "us",
	"utf-8", "utf8", "unknown-8bit", "x-unknown", "unknown", "default",
	"x-user-defined", NULL
};
static const char *const latin1_labels[] = {
	"iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "latin-1",
	"cp819", "iso-ir-100", NULL
};

/* Labels mail uses for a charset iconv knows by another name, or only as
 * a subset of what senders really write in it (as mail readers do). */
static const char *iconv_name(const char *cs)
{
	static const char *const alias[][2] = {
		{ "gb2312", "GB18030" }, { "gbk", "GB18030" }, { "x-gbk", "GB18030" },
		{ "csgb2312", "GB18030" }, { "ks_c_5601-1987", "CP949" },
		{ "ks_c_5601", "CP949" }, { "ksc5601", "CP949" },
		{ "euc-kr", "CP949" }, { "x-windows-949", "CP949" },
		{ "tis-620", "CP874" }, { "iso-8859-11", "CP874" },
	};

	for (size_t i = 0; i < sizeof alias / sizeof alias[0]; i++)
		if (strcmp(cs, alias[i][0]) == 0)
			return alias[i][1];
	return cs;
}

/* Converts with iconv; 0 ok, 1 unknown charset, 2 invalid bytes. */
static int iconv_convert_at(const char *from, const char *s, size_t n,
                            char **out, size_t *outlen, size_t *bad)
{
	iconv_t cd = iconv_open("UTF-8", from);
	size_t cap = n * 3 + 16, left, inleft = n;
	char *buf = NULL, *op, *ip = (char *)s;
	int rc = 2;

	if (cd == (iconv_t)-1)
		return 1;
	if (!(buf = malloc(cap + 1)))
		goto out;
	op = buf;
	left = cap;
	while (inleft > 0) {
		if (iconv(cd, &ip, &inleft, &op, &left) != (size_t)-1)
			continue;
		if (errno == E2BIG) {
			size_t used = (size_t)(op - buf);
			char *nb = realloc(buf, cap * 2 + 1);
			if (!nb)
				goto out;
			buf = nb;
			cap *= 2;
			op = buf + used;
			left = cap - used;
			continue;
		}
		if (bad)
			*bad = (size_t)(ip - s);
		goto out;     /* EILSEQ or EINVAL (truncated sequence) */
	}
	if (iconv(cd, NULL, NULL, &op, &left) == (size_t)-1) {
		if (bad)
			*bad = n;
		goto out;
	}
	*op = '\0';
	*outlen = (size_t)(op - buf);
	*out = buf;
	buf = NULL;
	rc = 0;
out:
	free(buf);
	iconv_close(cd);
	return rc;
}

static int iconv_convert(const char *from, const char *s, size_t n,
                         char **out, size_t *outlen)
{
	return iconv_convert_at(from, s, n, out, outlen, NULL);
}

static char *dup_bytes(const char *s, size_t n)
{
	char *d = malloc(n + 1);
	if (d) {
		memcpy(d, s, n);
		d[n] = '\0';
	}
	return d;
}

/* NUL bytes cannot travel in a C string or in JSON text: dropped. */
static void drop_nuls(char *out, size_t outlen)
{
	size_t o = 0;

	if (!memchr(out, '\0', outlen))
		return;
	for (size_t i = 0; i < outlen; i++)
		if (out[i])
			out[o++] = out[i];
	out[o] = '\0';
}

/*
 * US-ASCII (or no charset) also accepts 8-bit UTF-8, which is what such
 * mail carries in practice.  ISO-8859-1 is read as Windows-1252, as every
 * mail reader does (the C1 range holds typographic quotes and the euro sign in
 * real mail), falling back to true Latin-1 for the five holes of 1252.
 * NUL bytes are dropped: they cannot travel in a C string or in JSON text.
 */
char *omni_charset_to_utf8(const char *charset, const char *s, size_t n,
                           omni_error *err)
{
	char cs[64], *out = NULL;
	size_t outlen = 0, bad;
	int rc;

	charset_norm(charset, cs, sizeof cs);
	if (is_label(cs, ascii_labels)) {
		bad = utf8_valid_prefix((const unsigned char *)s, n);
		if (bad < n) {
			omni_error_set(err, OMNI_EX_DATAERR, NULL, 0, 0,
			               "invalid bytes for charset '%s' at byte %zu",
			               *cs ? cs : "us-ascii", bad + 1);
			return NULL;
		}
		out = dup_bytes(s, n);
		outlen = n;
	} else {
		if (is_label(cs, latin1_labels)) {
			rc = iconv_convert("WINDOWS-1252", s, n, &out, &outlen);
			if (rc != 0)
				rc = iconv_convert("ISO-8859-1", s, n, &out, &outlen);
		} else {
			rc = iconv_convert(iconv_name(cs), s, n, &out, &outlen);
		}
		if (rc == 1) {
			omni_error_set(err, OMNI_EX_DATAERR, NULL, 0, 0,
			               "unknown charset '%s'", cs);
			return NULL;
		}
		if (rc == 2) {
			omni_error_set(err, OMNI_EX_DATAERR, NULL, 0, 0,
			               "invalid bytes for charset '%s'", cs);
			return NULL;
		}
	}
	if (!out) {
		omni_error_oom(err);
		return NULL;
	}
	drop_nuls(out, outlen);
	return out;
}

/* Windows-1252's 0x80-0x9F; 0 for its five holes. */
static const unsigned short cp1252_c1[32] = {
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
	0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
};

static size_t put_utf8(char *o, unsigned long cp)
{
	if (cp < 0x80)
		return o[0] = (char)cp, 1;
	if (cp < 0x800)
		return o[0] = (char)(0xc0 | cp >> 6), o[1] = (char)(0x80 | (cp & 0x3f)), 2;
	o[0] = (char)(0xe0 | cp >> 12);
	o[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
	o[2] = (char)(0x80 | (cp & 0x3f));
	return 3;
}

/* Every byte as Windows-1252, its five holes as U+FFFD: new. */
static char *from_cp1252(const char *s, size_t n, size_t *outlen)
{
	char *out = malloc(n * 3 + 1);
	size_t o = 0;

	if (!out)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		unsigned c = (unsigned char)s[i];
		unsigned long cp = c < 0x80 || c > 0x9f ? c : cp1252_c1[c - 0x80];
		o += put_utf8(out + o, cp ? cp : 0xfffd);
	}
	out[o] = '\0';
	*outlen = o;
	return out;
}

/* From a charset iconv knows, each byte it cannot convert as U+FFFD: new,
 * or NULL (an unknown charset, or out of memory). */
static char *iconv_replacing(const char *from, const char *s, size_t n,
                             size_t *outlen)
{
	iconv_t cd = iconv_open("UTF-8", from);
	size_t cap = n * 3 + 16, left, inleft = n;
	char *buf, *op, *ip = (char *)s;

	if (cd == (iconv_t)-1)
		return NULL;
	if (!(buf = malloc(cap + 1)))
		goto out;
	op = buf;
	left = cap;
	while (inleft > 0) {
		int e;
		if (iconv(cd, &ip, &inleft, &op, &left) != (size_t)-1)
			continue;
		e = errno;
		if (e == E2BIG || left < 3) {
			size_t used = (size_t)(op - buf);
			char *nb = realloc(buf, cap * 2 + 1);
			if (!nb) {
				free(buf);
				buf = NULL;
				goto out;
			}
			buf = nb;
			cap *= 2;
			op = buf + used;
			left = cap - used;
			if (e == E2BIG)
				continue;
		}
		/* EILSEQ, or EINVAL (cut short at the end): one byte skipped */
		memcpy(op, "\xef\xbf\xbd", 3);
		op += 3;
		left -= 3;
		ip++;
		inleft--;
		iconv(cd, NULL, NULL, NULL, NULL);
	}
	*op = '\0';
	*outlen = (size_t)(op - buf);
out:
	iconv_close(cd);
	return buf;
}

/*
 * Mail says its charset wrongly more often than one would think: "utf-8"
 * over Latin-1 bytes, "us-ascii" over 8-bit text, labels nobody knows.  The
 * text is read anyway: as the label says when it can be; else as UTF-8
 * when it is valid UTF-8; else, for a charset iconv knows, with U+FFFD for
 * each byte it cannot convert; else as Windows-1252 (which reads every
 * byte).  *note: NULL when the label held, else what was done (new).
 */
char *omni_charset_to_utf8_lenient(const char *charset, const char *s, size_t n,
                                   char **note)
{
	omni_error e = {0};
	char cs[64], *out;
	size_t outlen = 0;
	const char *how;

	*note = NULL;
	if ((out = omni_charset_to_utf8(charset, s, n, &e)) || e.status != OMNI_EX_DATAERR)
		return out;
	charset_norm(charset, cs, sizeof cs);
	if (utf8_valid_prefix((const unsigned char *)s, n) == n) {
		out = dup_bytes(s, n);
		outlen = n;
		how = "read as utf-8";
	} else if (!is_label(cs, ascii_labels) &&
	           (out = iconv_replacing(iconv_name(cs), s, n, &outlen))) {
		how = "read with U+FFFD for them";
	} else {
		out = from_cp1252(s, n, &outlen);
		how = "read as windows-1252";
	}
	if (!out)
		return NULL;
	drop_nuls(out, outlen);
	if (asprintf(note, "%s: %s", e.text, how) < 0)
		*note = NULL;
	return out;
}

/*
 * Exact conversion for data files: every byte kept, NULs too (the caller
 * decides what a NUL means); charset as iconv names it, "utf-8" checked
 * only.  new, and *outlen; NULL with err (65 at byte column, 78 unknown).
 */
char *omni_charset_decode(const char *charset, const char *s, size_t n,
                          size_t *outlen, omni_error *err)
{
	char cs[64], *out = NULL;
	size_t bad = 0;
	int rc;

	charset_norm(charset, cs, sizeof cs);
	if (!*cs || strcmp(cs, "utf-8") == 0 || strcmp(cs, "utf8") == 0) {
		if ((bad = utf8_valid_prefix((const unsigned char *)s, n)) < n) {
			omni_error_set(err, OMNI_EX_DATAERR, NULL, 0, (long)bad + 1,
			               "not valid UTF-8");
			return NULL;
		}
		if (!(out = dup_bytes(s, n)))
			omni_error_oom(err);
		*outlen = n;
		return out;
	}
	rc = iconv_convert_at(iconv_name(cs), s, n, &out, outlen, &bad);
	if (rc == 1)
		omni_error_set(err, OMNI_EX_CONFIG, NULL, 0, 0, "unknown encoding '%s'", cs);
	else if (rc == 2)
		omni_error_set(err, OMNI_EX_DATAERR, NULL, 0, (long)bad + 1,
		               "invalid bytes for encoding '%s'", cs);
	return rc == 0 ? out : NULL;
}

/*
 * Header text that is not valid UTF-8 (raw 8-bit bytes from an old mailer)
 * is read as Windows-1252, so a header never fails a message.  new.
 */
static char *header_utf8(const char *s, size_t n)
{
	char *out;

	if (utf8_valid_prefix((const unsigned char *)s, n) == n)
		return dup_bytes(s, n);
	out = omni_charset_to_utf8("iso-8859-1", s, n, NULL);
	return out ? out : dup_bytes("", 0);
}


/* One encoded word at s: "=?charset?E?text?=".  Fills the parts and
 * returns its length, or 0 when s is not one. */
static size_t encoded_word(const char *s, const char **cs, size_t *csn,
                           char *enc, const char **txt, size_t *txtn)
{
	const char *p = s + 2, *q;

	if (s[0] != '=' || s[1] != '?')
		return 0;
	if (!(q = strchr(p, '?')) || q == p)
		return 0;
	*cs = p;
	*csn = (size_t)(q - p);
	if (!strchr("bBqQ", q[1]) || q[1] == '\0' || q[2] != '?')
		return 0;
	*enc = (char)toupper((unsigned char)q[1]);
	*txt = q + 3;
	for (p = *txt; *p && !(p[0] == '?' && p[1] == '='); p++)
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			return 0;
	if (!*p)
		return 0;
	*txtn = (size_t)(p - *txt);
	return (size_t)(p + 2 - s);
}

/* Q encoding (RFC 2047 4.2): "_" is a space, "=XX" an octet. */
static char *q_decode(const char *s, size_t n, size_t *len)
{
	char *out = malloc(n + 1);
	size_t o = 0;

	if (!out)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '_')
			out[o++] = ' ';
		else if (s[i] == '=' && i + 2 < n &&
		         hexval((unsigned char)s[i + 1]) >= 0 &&
		         hexval((unsigned char)s[i + 2]) >= 0) {
			out[o++] = (char)(hexval((unsigned char)s[i + 1]) * 16 +
			                  hexval((unsigned char)s[i + 2]));
			i += 2;
		} else
			out[o++] = s[i];
	}
	out[o] = '\0';
	*len = o;
	return out;
}

/* Decodes one encoded word's text into bytes (new), or NULL. */
static char *word_bytes(char enc, const char *txt, size_t txtn, size_t *len)
{
	return enc == 'B' ? omni_base64_decode(txt, txtn, len)
	                  : q_decode(txt, txtn, len);
}

static int is_wsp(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Appends plain header text, as UTF-8, without its line breaks. */
static int add_plain(buf *out, const char *s, size_t n)
{
	char *u = header_utf8(s, n);
	int rc = 0;

	if (!u)
		return -1;
	for (char *c = u; *c && rc == 0; c++)
		if (*c != '\r' && *c != '\n')
			rc = buf_add(out, *c == '\t' ? " " : c, 1);
	free(u);
	return rc;
}

/* Converts the pending bytes of a run of encoded words in one charset (a
 * multibyte character may be split across words) and appends them; words
 * that do not convert are kept as written (as clean UTF-8). */
static int flush_run(buf *out, buf *run, const char *cs, const char *raw,
                     size_t rawn)
{
	char *u;
	int rc;

	if (run->n == 0)
		return 0;
	u = omni_charset_to_utf8(cs, run->p, run->n, NULL);
	rc = u ? buf_add(out, u, strlen(u)) : add_plain(out, raw, rawn);
	free(u);
	run->n = 0;
	return rc;
}

/*
 * RFC 2047: decodes the encoded words of a header value (folded or not;
 * line breaks are dropped).  Whitespace between two adjacent encoded words
 * is dropped, and adjacent words in one charset are converted together (a
 * character may be split between them).  Words that cannot be decoded stay
 * as written; raw 8-bit text is read as UTF-8, else Windows-1252.  new.
 */
char *omni_rfc2047_decode(const char *s)
{
	buf out = {0}, run = {0};
	char runcs[64] = "", csb[64], enc, *res = NULL, *dec = NULL;
	const char *runstart = s, *runend = s, *p = s, *cs, *txt, *q;
	size_t csn, txtn, wl, dn;

	if (buf_add(&out, "", 0) < 0)
		goto out;
	while (*p) {
		wl = encoded_word(p, &cs, &csn, &enc, &txt, &txtn);
		if (wl && (dec = word_bytes(enc, txt, txtn, &dn))) {
			snprintf(csb, sizeof csb, "%.*s", (int)csn, cs);
			charset_norm(csb, csb, sizeof csb);
			if (run.n && strcmp(csb, runcs) != 0 &&
			    flush_run(&out, &run, runcs, runstart,
			              (size_t)(runend - runstart)) < 0)
				goto out;
			if (!run.n) {
				runstart = p;
				snprintf(runcs, sizeof runcs, "%s", csb);
			}
			if (buf_add(&run, dec, dn) < 0)
				goto out;
			free(dec);
			dec = NULL;
			p += wl;
			runend = p;
			for (q = p; is_wsp((unsigned char)*q); q++)
				;
			if (q != p && encoded_word(q, &cs, &csn, &enc, &txt, &txtn))
				p = q;
			continue;
		}
		if (flush_run(&out, &run, runcs, runstart,
		              (size_t)(runend - runstart)) < 0)
			goto out;
		for (q = p + 1; *q; q++)
			if (q[0] == '=' && q[1] == '?' &&
			    encoded_word(q, &cs, &csn, &enc, &txt, &txtn))
				break;
		if (add_plain(&out, p, (size_t)(q - p)) < 0)
			goto out;
		p = q;
	}
	if (flush_run(&out, &run, runcs, runstart, (size_t)(runend - runstart)) < 0)
		goto out;
	res = out.p;
	out.p = NULL;
out:
	free(dec);
	free(out.p);
	free(run.p);
	return res;
}
