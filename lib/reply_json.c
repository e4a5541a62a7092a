/* reply_json.c - compact JSON text of a reply, the way json_dumps writes
 * it (keys in their order, UTF-8 as is, '/' not escaped), but with runs of
 * plain bytes copied at once: dumping every ticket's reply through
 * jansson's per-character callbacks was a fifth of omni-reply's time. */
#include <stdlib.h>
#include <string.h>

#include "omni.h"
#include "json_scan.h"

void
omni_text_put(omni_text *b, const char *s, size_t n)
{
	if (b->failed)
		return;
	if (b->n + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 512;
		while (cap < b->n + n + 1)
			cap *= 2;
		char *p = realloc(b->p, cap);
		if (!p) {
			b->failed = 1;
			return;
		}
		b->p = p;
		b->cap = cap;
	}
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

static void
put_string(omni_text *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t run = 0;

	omni_text_put(b, "\"", 1);
	for (size_t i = 0; i < n; i++) {
		uint64_t w, m;
		while (n - i >= 8) {
			memcpy(&w, s + i, 8);
			if ((m = escape_bytes(w))) {
				i += first_marked(m, s + i, needs_escape);
				break;
			}
			i += 8;
		}
		if (i >= n)
			break;
		unsigned char c = (unsigned char)s[i];
		if (!needs_escape(c))
			continue;
		omni_text_put(b, s + run, i - run);
		run = i + 1;
		char esc[7] = { '\\', 0 };
		switch (c) {
		case '"': case '\\': esc[1] = (char)c; omni_text_put(b, esc, 2); break;
		case '\b': omni_text_put(b, "\\b", 2); break;
		case '\f': omni_text_put(b, "\\f", 2); break;
		case '\n': omni_text_put(b, "\\n", 2); break;
		case '\r': omni_text_put(b, "\\r", 2); break;
		case '\t': omni_text_put(b, "\\t", 2); break;
		default:
			memcpy(esc + 1, "u00", 3);
			esc[4] = hex[c >> 4];
			esc[5] = hex[c & 15];
			omni_text_put(b, esc, 6);
		}
	}
	omni_text_put(b, s + run, n - run);
	omni_text_put(b, "\"", 1);
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
omni_reply_json(const json_t *v, size_t *len)
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
omni_reply_json_string(omni_text *b, const char *s, size_t n)
{
	put_string(b, s, n);
}

/* Valid UTF-8 as jansson takes it: no overlong forms, no surrogates,
 * nothing past U+10FFFF.  Plain ASCII goes eight bytes at a time. */
int
omni_reply_utf8(const char *s, size_t n)
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
omni_reply_jstring(const char *s)
{
	size_t n;

	if (!s)
		return NULL;
	n = strlen(s);
	return omni_reply_utf8(s, n) ? json_stringn_nocheck(s, n) : NULL;
}
