/*
 * html.c - an HTML mail body as readable plain text.
 *
 * Not a browser: enough for what shops and marketplaces send.  Script,
 * style, head and comments are dropped; block tags and <br> break lines;
 * entities (named, decimal, hex) are decoded; runs of blanks collapse to one
 * space; blank lines collapse to at most one; lines are trimmed.  The input
 * is UTF-8 already (charset conversion happened before); so is the output.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mail/mail.h"

typedef struct text {
	char *p;
	size_t n, cap;
} text;

static int put(text *t, const char *s, size_t n)
{
	if (t->n + n + 1 > t->cap) {
		size_t cap = (t->n + n + 1) * 2;
		char *p = realloc(t->p, cap);
		if (!p)
			return -1;
		t->p = p;
		t->cap = cap;
	}
	memcpy(t->p + t->n, s, n);
	t->n += n;
	t->p[t->n] = '\0';
	return 0;
}

/* UTF-8 encoding of a code point; U+FFFD for what cannot be a character. */
static size_t utf8_encode(unsigned long cp, char *o)
{
	if (cp == 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		cp = 0xfffd;
	if (cp < 0x80) {
		o[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (char)(0xc0 | (cp >> 6));
		o[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (char)(0xe0 | (cp >> 12));
		o[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		o[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	o[0] = (char)(0xf0 | (cp >> 18));
	o[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	o[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	o[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

/* The named entities mail actually uses (HTML 4 Latin-1 and punctuation). */
static const struct {
	const char *name;
	unsigned short cp;
} entities[] = {
	{"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''},
	{"nbsp", ' '}, {"ensp", ' '}, {"emsp", ' '}, {"thinsp", ' '},
	{"copy", 0xa9}, {"reg", 0xae}, {"trade", 0x2122}, {"deg", 0xb0},
	{"euro", 0x20ac}, {"pound", 0xa3}, {"yen", 0xa5}, {"cent", 0xa2},
	{"sect", 0xa7}, {"para", 0xb6}, {"middot", 0xb7}, {"bull", 0x2022},
	{"hellip", 0x2026}, {"ndash", 0x2013}, {"mdash", 0x2014},
	{"lsquo", 0x2018}, {"rsquo", 0x2019}, {"sbquo", 0x201a},
	{"ldquo", 0x201c}, {"rdquo", 0x201d}, {"bdquo", 0x201e},
	{"laquo", 0xab}, {"raquo", 0xbb}, {"times", 0xd7}, {"divide", 0xf7},
	{"ordf", 0xaa}, {"ordm", 0xba}, {"iexcl", 0xa1}, {"iquest", 0xbf},
	{"szlig", 0xdf}, {"Agrave", 0xc0}, {"Aacute", 0xc1}, {"Acirc", 0xc2},
	{"Auml", 0xc4}, {"Ccedil", 0xc7}, {"Egrave", 0xc8}, {"Eacute", 0xc9},
	{"Ecirc", 0xca}, {"Iacute", 0xcd}, {"Ntilde", 0xd1}, {"Oacute", 0xd3},
	{"Ouml", 0xd6}, {"Uacute", 0xda}, {"Uuml", 0xdc}, {"agrave", 0xe0},
	{"aacute", 0xe1}, {"acirc", 0xe2}, {"auml", 0xe4}, {"ccedil", 0xe7},
	{"egrave", 0xe8}, {"eacute", 0xe9}, {"ecirc", 0xea}, {"euml", 0xeb},
	{"igrave", 0xec}, {"iacute", 0xed}, {"icirc", 0xee}, {"iuml", 0xef},
	{"ntilde", 0xf1}, {"ograve", 0xf2}, {"oacute", 0xf3}, {"ocirc", 0xf4},
	{"ouml", 0xf6}, {"ugrave", 0xf9}, {"uacute", 0xfa}, {"ucirc", 0xfb},
	{"uuml", 0xfc}, {"oelig", 0x153}, {"OElig", 0x152},
};

/* Decodes the entity at s ('&'); returns the bytes consumed (0: not one). */
static size_t entity(const char *s, size_t n, char *o, size_t *olen)
{
	size_t i = 1;
	unsigned long cp = 0;

	if (i < n && s[i] == '#') {
		int hex = i + 1 < n && (s[i + 1] == 'x' || s[i + 1] == 'X');
		size_t start;
		i += hex ? 2 : 1;
		start = i;
		while (i < n && i - start < 8 &&
		       (hex ? isxdigit((unsigned char)s[i]) : isdigit((unsigned char)s[i]))) {
			cp = cp * (hex ? 16 : 10) +
			     (unsigned long)(isdigit((unsigned char)s[i]) ? s[i] - '0'
			                     : (tolower((unsigned char)s[i]) - 'a' + 10));
			i++;
		}
		if (i == start)
			return 0;
		if (i < n && s[i] == ';')
			i++;
		/* &#160; is a no-break space: plain space for text */
		*olen = utf8_encode(cp == 0xa0 ? ' ' : cp, o);
		return i;
	}
	while (i < n && i < 10 && isalnum((unsigned char)s[i]))
		i++;
	for (size_t k = 0; k < sizeof entities / sizeof entities[0]; k++) {
		size_t l = strlen(entities[k].name);
		if (l == i - 1 && memcmp(s + 1, entities[k].name, l) == 0) {
			*olen = utf8_encode(entities[k].cp, o);
			return i < n && s[i] == ';' ? i + 1 : i;
		}
	}
	return 0;
}

static const char *const block_tags[] = {
	"p", "div", "br", "li", "tr", "table", "ul", "ol", "dl", "dt", "dd",
	"h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr",
	"section", "article", "header", "footer", "address", "center",
	"form", "fieldset", "nav", "main", "aside", "figure", "title", "body",
	"html", "thead", "tbody", "tfoot", NULL
};

/* Elements whose content is not text for a reader. */
static const char *const skip_tags[] = {"script", "style", "head", "title",
                                        "noscript", "template", NULL};

static int in_list(const char *name, const char *const *list)
{
	for (; *list; list++)
		if (strcasecmp(name, *list) == 0)
			return 1;
	return 0;
}

/* Finds the end of the element named name (after "</name ... >"), or n. */
static size_t skip_element(const char *s, size_t n, size_t i, const char *name)
{
	size_t l = strlen(name);

	for (; i + 1 < n; i++)
		if (s[i] == '<' && s[i + 1] == '/' && i + 2 + l <= n &&
		    strncasecmp(s + i + 2, name, l) == 0 &&
		    (i + 2 + l == n || !isalnum((unsigned char)s[i + 2 + l]))) {
			const char *gt = memchr(s + i, '>', n - i);
			return gt ? (size_t)(gt - s) + 1 : n;
		}
	return n;
}

/* Handles the markup at s[i] == '<'; returns the index after it. */
static size_t tag(const char *s, size_t n, size_t i, text *raw)
{
	char name[16];
	size_t j = i + 1, k = 0;
	const char *gt;

	if (j + 2 < n && strncmp(s + j, "!--", 3) == 0) {
		const char *end = memmem(s + j + 3, n - j - 3, "-->", 3);
		return end ? (size_t)(end - s) + 3 : n;
	}
	if (j < n && s[j] == '/')
		j++;
	while (j < n && k + 1 < sizeof name && isalnum((unsigned char)s[j]))
		name[k++] = s[j++];
	name[k] = '\0';
	if (k == 0 && !(j < n && (s[j] == '!' || s[j] == '?'))) {
		put(raw, "<", 1);     /* a lone '<' in text */
		return i + 1;
	}
	gt = memchr(s + j, '>', n - j);
	j = gt ? (size_t)(gt - s) + 1 : n;
	if (s[i + 1] != '/' && in_list(name, skip_tags))
		return skip_element(s, n, j, name);
	if (in_list(name, block_tags))
		put(raw, "\n", 1);
	else if (strcasecmp(name, "td") == 0 || strcasecmp(name, "th") == 0)
		put(raw, " ", 1);
	return j;
}

/* Collapses blanks, trims lines, keeps at most one blank line. */
static char *tidy(const char *s, size_t n)
{
	char *out = malloc(n + 1);
	size_t o = 0, newlines = 0;
	int space = 0;

	if (!out)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '\n') {
			newlines++;
			space = 0;
			continue;
		}
		if (c == ' ') {
			space = 1;
			continue;
		}
		if (o > 0 && newlines)
			for (size_t k = 0; k < (newlines > 1 ? 2 : 1); k++)
				out[o++] = '\n';
		else if (o > 0 && space)
			out[o++] = ' ';
		newlines = 0;
		space = 0;
		out[o++] = c;
	}
	out[o] = '\0';
	return out;
}

char *omni_html_to_text(const char *html, size_t n)
{
	text raw = {0};
	char buf[8], *res = NULL;
	size_t i = 0, l, olen;

	if (put(&raw, "", 0) < 0)
		return NULL;
	while (i < n) {
		char c = html[i];
		if (c == '<') {
			i = tag(html, n, i, &raw);
		} else if (c == '&' && (l = entity(html + i, n - i, buf, &olen))) {
			put(&raw, buf, olen);
			i += l;
		} else if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f') {
			put(&raw, " ", 1);
			i++;
		} else {
			put(&raw, &c, 1);
			i++;
		}
	}
	res = tidy(raw.p, raw.n);
	free(raw.p);
	return res;
}
