/* jsonwalk.c - walking and decoding values that omni_record_parse has
 * already validated: only what a program asks for is decoded. */
#include <stdlib.h>
#include <string.h>

#include "record/record.h"
#include "json_scan.h"

static int raw_eq(omni_span raw, const char *s, size_t len);
static inline int has_backslash(const char *p, size_t n);

/* p just after an opening quote; returns the byte after the closing one. */
static const char *
skip_string(const char *p, const char *end)
{
	for (;;) {
		while (end - p >= 8) {
			uint64_t w, m;
			memcpy(&w, p, 8);
			if ((m = quote_bytes(w))) {
				p += first_marked(m, p, is_quote);
				goto found;
			}
			p += 8;
		}
		while (p < end && !is_quote((unsigned char)*p))
			p++;
		if (p >= end)
			return end;
found:
		if (*p == '"')
			return p + 1;
		p += 2;
	}
}

static const char *
skip_value(const char *p, const char *end)
{
	int depth = 0;

	if (p >= end)
		return end;
	if (*p == '"')
		return skip_string(p + 1, end);
	if (*p != '{' && *p != '[') {
		while (p < end && *p != ',' && *p != '}' && *p != ']' && !is_ws(*p))
			p++;
		return p;
	}
	while (p < end) {
		switch (*p) {
		case '"':
			p = skip_string(p + 1, end);
			continue;
		case '{': case '[':
			depth++;
			break;
		case '}': case ']':
			if (--depth == 0)
				return p + 1;
			break;
		}
		p++;
	}
	return end;
}

omni_jtype
omni_json_type(omni_span v)
{
	if (!v.p || !v.n)
		return OMNI_J_ABSENT;
	switch (v.p[0]) {
	case 'n': return OMNI_J_NULL;
	case 'f': return OMNI_J_FALSE;
	case 't': return OMNI_J_TRUE;
	case '"': return OMNI_J_STRING;
	case '[': return OMNI_J_ARRAY;
	case '{': return OMNI_J_OBJECT;
	default: return OMNI_J_NUMBER;
	}
}

void
omni_json_iter(omni_jiter *it, omni_span container)
{
	omni_jtype t = omni_json_type(container);

	it->p = it->end = NULL;
	it->object = t == OMNI_J_OBJECT;
	/* A whole record's text may end in white space after its brace: the
	 * end must be the bracket itself, or the last element runs past it. */
	while (container.n > 1 && (container.p[container.n - 1] == ' ' ||
	       container.p[container.n - 1] == '\t' || container.p[container.n - 1] == '\r' ||
	       container.p[container.n - 1] == '\n'))
		container.n--;
	if (t == OMNI_J_OBJECT || t == OMNI_J_ARRAY) {
		it->p = container.p + 1;
		it->end = container.p + container.n - 1;
	}
}

int
omni_json_next(omni_jiter *it, omni_span *key, omni_span *value)
{
	const char *p = skip_ws(it->p, it->end), *q;

	if (!p || p >= it->end)
		return 0;
	if (key)
		key->p = NULL, key->n = 0;
	if (it->object) {
		q = skip_string(p + 1, it->end);
		if (key)
			key->p = p + 1, key->n = (size_t)(q - 1 - key->p);
		p = skip_ws(q, it->end) + 1;
		p = skip_ws(p, it->end);
	}
	q = skip_value(p, it->end);
	value->p = p;
	value->n = (size_t)(q - p);
	p = skip_ws(q, it->end);
	it->p = p < it->end && *p == ',' ? p + 1 : p;
	return 1;
}

omni_span
omni_json_get(omni_span object, const char *key)
{
	omni_span k, v, found = { NULL, 0 };
	size_t len = strlen(key);
	omni_jiter it;

	if (omni_json_type(object) != OMNI_J_OBJECT)
		return found;
	omni_json_iter(&it, object);
	while (omni_json_next(&it, &k, &v))
		if (raw_eq(k, key, len))
			found = v;
	return found;
}

void
omni_json_get_all(omni_span object, const char *const *keys, omni_span *out, size_t n)
{
	size_t len[OMNI_JSON_GET_ALL_MAX];
	omni_span k, v;
	omni_jiter it;

	for (size_t i = 0; i < n; i++) {
		out[i] = (omni_span){ NULL, 0 };
		len[i] = strlen(keys[i]);
	}
	if (omni_json_type(object) != OMNI_J_OBJECT)
		return;
	omni_json_iter(&it, object);
	while (omni_json_next(&it, &k, &v)) {
		/* a key without escapes is its text: its length and bytes */
		int plain = !has_backslash(k.p, k.n);
		for (size_t i = 0; i < n; i++)
			if (plain ? k.n == len[i] && memcmp(k.p, keys[i], len[i]) == 0
			          : raw_eq(k, keys[i], len[i]))
				out[i] = v;
	}
}

omni_span
omni_json_at(omni_span array, size_t index)
{
	omni_span v, none = { NULL, 0 };
	omni_jiter it;

	if (omni_json_type(array) != OMNI_J_ARRAY)
		return none;
	omni_json_iter(&it, array);
	while (omni_json_next(&it, NULL, &v))
		if (index-- == 0)
			return v;
	return none;
}

omni_span
omni_record_get(const omni_record *r, const char *key)
{
	omni_span none = { NULL, 0 };
	size_t len = strlen(key);

	/* The length and the first byte settle most members before a call:
	 * a raw key decodes to its own first byte unless it starts with an
	 * escape. */
	for (size_t i = r->nmembers; i-- > 0;) {
		omni_span k = r->members[i].key;
		if (k.n >= len && (len == 0 || k.p[0] == key[0] || k.p[0] == '\\') &&
		    raw_eq(k, key, len))
			return r->members[i].value;
	}
	return none;
}

/* ---- Decoding ---- */

static char *
put_utf8(char *o, unsigned long c)
{
	if (c < 0x80) {
		*o++ = (char)c;
	} else if (c < 0x800) {
		*o++ = (char)(0xC0 | c >> 6);
		*o++ = (char)(0x80 | (c & 0x3F));
	} else if (c < 0x10000) {
		*o++ = (char)(0xE0 | c >> 12);
		*o++ = (char)(0x80 | (c >> 6 & 0x3F));
		*o++ = (char)(0x80 | (c & 0x3F));
	} else {
		*o++ = (char)(0xF0 | c >> 18);
		*o++ = (char)(0x80 | (c >> 12 & 0x3F));
		*o++ = (char)(0x80 | (c >> 6 & 0x3F));
		*o++ = (char)(0x80 | (c & 0x3F));
	}
	return o;
}

/* Decodes validated raw string text (between the quotes) into out, which
 * has room for n bytes: the decoded form is never longer.  Returns the
 * decoded length. */
static size_t
decode(const char *p, size_t n, char *out)
{
	const char *end = p + n, *bs;
	char *o = out;
	unsigned u = 0, lo = 0;

	while (p < end) {
		if (!(bs = memchr(p, '\\', (size_t)(end - p)))) {
			memcpy(o, p, (size_t)(end - p));
			o += end - p;
			break;
		}
		memcpy(o, p, (size_t)(bs - p));
		o += bs - p;
		p = bs + 2;
		switch (bs[1]) {
		case 'b': *o++ = '\b'; break;
		case 'f': *o++ = '\f'; break;
		case 'n': *o++ = '\n'; break;
		case 'r': *o++ = '\r'; break;
		case 't': *o++ = '\t'; break;
		case 'u':
			hex4(p, end, &u);
			p += 4;
			if (u >= 0xD800 && u <= 0xDBFF && hex4(p + 2, end, &lo) == 0) {
				u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
				p += 6;
			}
			o = put_utf8(o, u);
			break;
		default: *o++ = bs[1]; break;
		}
	}
	return (size_t)(o - out);
}

static inline int
has_backslash(const char *p, size_t n)
{
	return memchr(p, '\\', n) != NULL;
}

/* Does raw string text decode to s (len bytes)?  Escapes only make the
 * text longer, so the lengths settle most keys without a look inside. */
static int
raw_eq(omni_span raw, const char *s, size_t len)
{
	char small[256], *buf = small;
	size_t n;
	int eq;

	if (!raw.p || raw.n < len)
		return 0;
	if (raw.n == len)
		return memcmp(raw.p, s, len) == 0 && !has_backslash(raw.p, len);
	if (!has_backslash(raw.p, raw.n))
		return 0;
	if (raw.n > sizeof small && !(buf = malloc(raw.n)))
		return 0;
	n = decode(raw.p, raw.n, buf);
	eq = n == len && memcmp(s, buf, n) == 0;
	if (buf != small)
		free(buf);
	return eq;
}

int
omni_json_key_eq(omni_span rawkey, const char *s)
{
	return raw_eq(rawkey, s, strlen(s));
}

char *
omni_json_string(omni_span v, size_t *len)
{
	char *s;
	size_t n;

	if (omni_json_type(v) != OMNI_J_STRING || !(s = malloc(v.n - 1)))
		return NULL;
	n = decode(v.p + 1, v.n - 2, s);
	s[n] = '\0';
	if (len)
		*len = n;
	return s;
}

long
omni_json_string_buf(omni_span v, char *buf, size_t size)
{
	char *s;
	size_t n;

	if (size == 0)
		return -1;
	buf[0] = '\0';
	if (omni_json_type(v) != OMNI_J_STRING)
		return -1;
	if (v.n - 2 < size) {
		n = decode(v.p + 1, v.n - 2, buf);
		buf[n] = '\0';
		return (long)n;
	}
	if (!(s = omni_json_string(v, &n)))
		return -1;
	if (n >= size) {
		free(s);
		buf[0] = '\0';
		return -1;
	}
	memcpy(buf, s, n + 1);
	free(s);
	return (long)n;
}

int
omni_json_string_eq(omni_span v, const char *s)
{
	if (omni_json_type(v) != OMNI_J_STRING)     /* an absent value has no p */
		return 0;
	omni_span inner = { v.p + 1, v.n - 2 };
	return omni_json_key_eq(inner, s);
}

/* Validated text: every backslash starts an escape, so stepping over
 * each escape finds the ones that are \u0000 and never one that is text
 * (an escaped backslash before "u0000"). */
const char *
omni_json_nul(omni_span v)
{
	const char *p = v.p, *end = v.p + v.n;

	while (p && p < end && (p = memchr(p, '\\', (size_t)(end - p)))) {
		if (end - p >= 6 && memcmp(p + 1, "u0000", 5) == 0)
			return p;
		p += 2;
	}
	return NULL;
}

/* strtod reads the C locale's decimal point; the programs never change
 * LC_NUMERIC. */
int
omni_json_number(omni_span v, double *out)
{
	char small[64], *buf = small;

	if (omni_json_type(v) != OMNI_J_NUMBER)
		return -1;
	if (v.n >= sizeof small && !(buf = malloc(v.n + 1)))
		return -1;
	memcpy(buf, v.p, v.n);
	buf[v.n] = '\0';
	*out = strtod(buf, NULL);
	if (buf != small)
		free(buf);
	return 0;
}

int
omni_json_int64(omni_span v, int64_t *out)
{
	const char *p = v.p, *end = v.p + v.n;
	uint64_t acc = 0, limit;
	int neg;

	if (omni_json_type(v) != OMNI_J_NUMBER)
		return -1;
	neg = *p == '-';
	p += neg;
	limit = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	for (; p < end; p++) {
		unsigned d = (unsigned)(*p - '0');
		if (d > 9 || acc > (limit - d) / 10)
			return -1;
		acc = acc * 10 + d;
	}
	*out = neg ? (acc == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)acc)
	           : (int64_t)acc;
	return 0;
}
