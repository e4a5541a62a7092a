/* json_text.c - compact JSON text (a reply, a merged ticket's parts), the
 * way json_dumps writes it (keys in their order, UTF-8 as is, '/' not escaped), but with runs of
 * plain bytes copied at once: dumping every ticket's reply through
 * jansson's per-character callbacks was a fifth of omni-reply's time. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "record/record.h"
#include "record/bridge.h"
#include "json_scan.h"

/* Room for extra more bytes and a NUL: 0, or -1 (then failed). */
static int
reserve(omni_text *b, size_t extra)
{
	if (b->failed)
		return -1;
	if (b->n + extra + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 512;
		while (cap < b->n + extra + 1)
			cap *= 2;
		char *p = realloc(b->p, cap);
		if (!p) {
			b->failed = 1;
			return -1;
		}
		b->p = p;
		b->cap = cap;
	}
	return 0;
}

void
omni_text_put(omni_text *b, const char *s, size_t n)
{
	if (reserve(b, n) < 0)
		return;
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

static int
needs_escape(unsigned char c)
{
	return c < 0x20 || c == '"' || c == '\\';
}

/* The first byte of w that needs an escape is marked (exactly; borrows
 * may mark later ones too). */
static inline uint64_t
escape_bytes(uint64_t w)
{
	uint64_t q = w ^ (ONES * '"'), b = w ^ (ONES * '\\');

	return (((q - ONES) & ~q) | ((b - ONES) & ~b) | ((w - ONES * 0x20) & ~w)) & HIGHS;
}

/* Written in place, room for the worst case (every byte \u00XX) made
 * first: a reply's text has a newline every few words. */
static void
put_string(omni_text *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t i = 0, run = 0;
	char *o;

	if (n > (SIZE_MAX - 3) / 6 || reserve(b, n * 6 + 2) < 0) {
		b->failed = 1;
		return;
	}
	o = b->p + b->n;
	*o++ = '"';
	for (;;) {
		uint64_t w, m;
		while (n - i >= 8) {
			memcpy(&w, s + i, 8);
			if ((m = escape_bytes(w))) {
				i += first_marked(m, s + i, needs_escape);
				break;
			}
			i += 8;
		}
		while (i < n && !needs_escape((unsigned char)s[i]) && n - i < 8)
			i++;
		if (i >= n)
			break;
		if (!needs_escape((unsigned char)s[i]))
			continue;     /* eight or more bytes left: back to words */
		unsigned char c = (unsigned char)s[i];
		memcpy(o, s + run, i - run);
		o += i - run;
		run = ++i;
		*o++ = '\\';
		switch (c) {
		case '"': case '\\': *o++ = (char)c; break;
		case '\b': *o++ = 'b'; break;
		case '\f': *o++ = 'f'; break;
		case '\n': *o++ = 'n'; break;
		case '\r': *o++ = 'r'; break;
		case '\t': *o++ = 't'; break;
		default:
			memcpy(o, "u00", 3);
			o[3] = hex[c >> 4];
			o[4] = hex[c & 15];
			o += 5;
		}
	}
	memcpy(o, s + run, n - run);
	o += n - run;
	*o++ = '"';
	*o = '\0';
	b->n = (size_t)(o - b->p);
}

static void
put_value(omni_text *b, const json_t *v, int depth)
{
	const char *key;
	json_t *m;
	size_t i;
	char num[32];
	int first = 1;

	if (depth > OMNI_JSON_MAX_DEPTH) {
		b->failed = 1;
		return;
	}
	switch (json_typeof(v)) {
	case JSON_OBJECT:
		omni_text_put(b, "{", 1);
		json_object_foreach((json_t *)v, key, m) {
			if (!first)
				omni_text_put(b, ",", 1);
			first = 0;
			put_string(b, key, strlen(key));
			omni_text_put(b, ":", 1);
			put_value(b, m, depth + 1);
		}
		omni_text_put(b, "}", 1);
		break;
	case JSON_ARRAY:
		omni_text_put(b, "[", 1);
		json_array_foreach(v, i, m) {
			if (i)
				omni_text_put(b, ",", 1);
			put_value(b, m, depth + 1);
		}
		omni_text_put(b, "]", 1);
		break;
	case JSON_STRING:
		put_string(b, json_string_value(v), json_string_length(v));
		break;
	case JSON_INTEGER:
		omni_text_put(b, num, (size_t)snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT,
		                             json_integer_value(v)));
		break;
	case JSON_REAL: {
		/* rare here: jansson's own spelling of a double */
		char *s = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT);
		if (s)
			omni_text_put(b, s, strlen(s));
		else
			b->failed = 1;
		free(s);
		break;
	}
	case JSON_TRUE: omni_text_put(b, "true", 4); break;
	case JSON_FALSE: omni_text_put(b, "false", 5); break;
	case JSON_NULL: omni_text_put(b, "null", 4); break;
	}
}

char *
omni_json_text(const json_t *v, size_t *len)
{
	omni_text b = { 0 };

	put_value(&b, v, 0);
	if (b.failed || !b.p) {
		free(b.p);
		return NULL;
	}
	if (len)
		*len = b.n;
	return b.p;
}

void
omni_json_text_string(omni_text *b, const char *s, size_t n)
{
	put_string(b, s, n);
}

/* Valid UTF-8 as jansson takes it: no overlong forms, no surrogates,
 * nothing past U+10FFFF.  Plain ASCII goes eight bytes at a time. */
int
omni_json_text_utf8(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;

	while (p < end) {
		uint64_t w;
		if (end - p >= 8) {
			memcpy(&w, p, 8);
			if (!(w & HIGHS)) {
				p += 8;
				continue;
			}
		}
		unsigned c = *p;
		if (c < 0x80) {
			p++;
			continue;
		}
		int k = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
		        : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
		if (!k || end - p < k)
			return 0;
		unsigned long u = c & (k == 2 ? 0x1F : k == 3 ? 0x0F : 0x07);
		for (int i = 1; i < k; i++) {
			if ((p[i] & 0xC0) != 0x80)
				return 0;
			u = u << 6 | (p[i] & 0x3F);
		}
		if ((k == 3 && u < 0x800) || (k == 4 && u < 0x10000) || u > 0x10FFFF ||
		    (u >= 0xD800 && u <= 0xDFFF))
			return 0;
		p += k;
	}
	return 1;
}

json_t *
omni_json_text_jstring(const char *s)
{
	size_t n;

	if (!s)
		return NULL;
	n = strlen(s);
	return omni_json_text_utf8(s, n) ? json_stringn_nocheck(s, n) : NULL;
}
