/* json.c - the lazy record reader: one validating pass per line that
 * indexes the top-level members as byte spans; walking and decoding happen
 * only where a program asks (DESIGN.md, "The hot path"). */
#include <stdlib.h>
#include <string.h>

#include "omni.h"

/* Eight bytes at a time: the scans below load a word and look for the
 * bytes that end a run of plain string text. */
#define ONES  0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL

typedef struct jparser {
	const char *start, *end;
	omni_error *err;
} jparser;

/* A mask with the high bit set in (at least) the first byte of w that is
 * a quote, a backslash, below 0x20 or at least 0x80.  Borrows can mark
 * bytes after the first such byte too, so only the first one is exact. */
static inline uint64_t
special_bytes(uint64_t w)
{
	uint64_t q = w ^ (ONES * '"'), b = w ^ (ONES * '\\');

	return ((((q - ONES) | (b - ONES) | (w - ONES * 0x20)) & ~w) | w) & HIGHS;
}

/* The same for a quote or a backslash only (skipping validated text). */
static inline uint64_t
quote_bytes(uint64_t w)
{
	uint64_t q = w ^ (ONES * '"'), b = w ^ (ONES * '\\');

	return (((q - ONES) & ~q) | ((b - ONES) & ~b)) & HIGHS;
}

/* Index of the first marked byte of a nonzero mask from a word at p. */
static inline size_t
first_marked(uint64_t m, const char *p, int (*is)(unsigned char))
{
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	(void)p;
	(void)is;
	return (size_t)__builtin_ctzll(m) >> 3;
#else
	size_t i = 0;

	(void)m;
	while (!is((unsigned char)p[i]))
		i++;
	return i;
#endif
}

static int
is_special(unsigned char c)
{
	return c == '"' || c == '\\' || c < 0x20 || c >= 0x80;
}

static int
is_quote(unsigned char c)
{
	return c == '"' || c == '\\';
}

static inline int
is_ws(char c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

static inline const char *
skip_ws(const char *p, const char *end)
{
	while (p < end && is_ws(*p))
		p++;
	return p;
}

static inline int
is_digit(const char *p, const char *end)
{
	return p < end && *p >= '0' && *p <= '9';
}

/* Sets the error at byte at (column = 1-based offset) and returns NULL. */
static const char *
fail(jparser *ps, const char *at, const char *text)
{
	if (at >= ps->end)
		text = "unexpected end of line";
	else if (*at == '\0')
		text = "NUL byte";
	omni_error_set(ps->err, OMNI_EX_DATAERR, NULL, 0, at - ps->start + 1,
	               "%s", text);
	return NULL;
}

static int
hex4(const char *p, const char *end, unsigned *out)
{
	unsigned v = 0;

	if (end - p < 4)
		return -1;
	for (int i = 0; i < 4; i++) {
		char c = p[i];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (unsigned)(c - 'A' + 10);
		else
			return -1;
	}
	*out = v;
	return 0;
}

/* p at a backslash; returns the byte after the escape. */
static const char *
scan_escape(jparser *ps, const char *p)
{
	unsigned u, lo;

	if (p + 1 >= ps->end)
		return fail(ps, p + 1, "");
	switch (p[1]) {
	case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
		return p + 2;
	case 'u':
		break;
	default:
		if (p[1] > ' ' && p[1] < 0x7F) {
			omni_error_set(ps->err, OMNI_EX_DATAERR, NULL, 0,
			               p - ps->start + 1, "invalid escape '\\%c'", p[1]);
			return NULL;
		}
		return fail(ps, p, "invalid escape in a string");
	}
	if (hex4(p + 2, ps->end, &u) < 0)
		return fail(ps, p, "invalid \\u escape");
	if (u >= 0xDC00 && u <= 0xDFFF)
		return fail(ps, p, "unpaired surrogate in a \\u escape");
	if (u < 0xD800 || u > 0xDBFF)
		return p + 6;
	if (ps->end - p < 12 || p[6] != '\\' || p[7] != 'u' ||
	    hex4(p + 8, ps->end, &lo) < 0 || lo < 0xDC00 || lo > 0xDFFF)
		return fail(ps, p, "unpaired surrogate in a \\u escape");
	return p + 12;
}

/* p at a byte >= 0x80: validates the run of multibyte characters there
 * strictly (no overlong forms, no surrogates, nothing above U+10FFFF). */
static const char *
scan_utf8(jparser *ps, const char *p)
{
	const unsigned char *s = (const unsigned char *)p;
	const unsigned char *e = (const unsigned char *)ps->end;

	do {
		unsigned c = s[0];
		if (c < 0xC2 || c > 0xF4)
			goto bad;
		if (c < 0xE0) {
			if (e - s < 2 || (s[1] & 0xC0) != 0x80)
				goto bad;
			s += 2;
		} else if (c < 0xF0) {
			if (e - s < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
			    (c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] >= 0xA0))
				goto bad;
			s += 3;
		} else {
			if (e - s < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
			    (s[3] & 0xC0) != 0x80 || (c == 0xF0 && s[1] < 0x90) ||
			    (c == 0xF4 && s[1] >= 0x90))
				goto bad;
			s += 4;
		}
	} while (s < e && *s >= 0x80);
	return (const char *)s;
bad:
	return fail(ps, (const char *)s, "invalid UTF-8");
}

/* p just after the opening quote; returns the byte after the closing one. */
static const char *
scan_string(jparser *ps, const char *p)
{
	const char *end = ps->end;
	unsigned char c;

	for (;;) {
		while (end - p >= 8) {
			uint64_t w, m;
			memcpy(&w, p, 8);
			if ((m = special_bytes(w))) {
				p += first_marked(m, p, is_special);
				goto found;
			}
			p += 8;
		}
		while (p < end && !is_special((unsigned char)*p))
			p++;
		if (p == end) {
			omni_error_set(ps->err, OMNI_EX_DATAERR, NULL, 0,
			               p - ps->start + 1, "unterminated string");
			return NULL;
		}
found:
		c = (unsigned char)*p;
		if (c == '"')
			return p + 1;
		if (c == '\\')
			p = scan_escape(ps, p);
		else if (c >= 0x80)
			p = scan_utf8(ps, p);
		else
			return fail(ps, p, "control character in a string");
		if (!p)
			return NULL;
	}
}

static const char *
scan_number(jparser *ps, const char *p)
{
	const char *end = ps->end;

	if (*p == '-')
		p++;
	if (!is_digit(p, end))
		return fail(ps, p, "invalid number");
	if (*p == '0') {
		if (is_digit(++p, end))
			return fail(ps, p, "invalid number: leading zero");
	} else {
		while (is_digit(p, end))
			p++;
	}
	if (p < end && *p == '.') {
		if (!is_digit(++p, end))
			return fail(ps, p, "invalid number: no digits after '.'");
		while (is_digit(p, end))
			p++;
	}
	if (p < end && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < end && (*p == '+' || *p == '-'))
			p++;
		if (!is_digit(p, end))
			return fail(ps, p, "invalid number: no digits in the exponent");
		while (is_digit(p, end))
			p++;
	}
	return p;
}

static const char *
scan_literal(jparser *ps, const char *p)
{
	static const char *const words[] = { "true", "false", "null" };

	for (size_t i = 0; i < 3; i++) {
		size_t n = strlen(words[i]);
		if (*p == words[i][0] && (size_t)(ps->end - p) >= n &&
		    memcmp(p, words[i], n) == 0)
			return p + n;
	}
	return fail(ps, p, "invalid literal");
}

/* p at a key's opening quote (else an error saying what was expected);
 * returns the value's first byte, past the colon and any whitespace, and
 * sets *kend to the key's closing quote. */
static const char *
scan_key(jparser *ps, const char *p, const char *what, const char **kend)
{
	if (p >= ps->end || *p != '"')
		return fail(ps, p, what);
	if (!(p = scan_string(ps, p + 1)))
		return NULL;
	*kend = p - 1;
	p = skip_ws(p, ps->end);
	if (p >= ps->end || *p != ':')
		return fail(ps, p, "expected ':' after an object key");
	return skip_ws(p + 1, ps->end);
}

/* Validates the value at p (nested containers iteratively, with a stack of
 * one bit per level: set for an object) inside depth open containers.
 * Returns the byte after it. */
static const char *
scan_value(jparser *ps, const char *p, int depth)
{
	uint64_t objects[OMNI_JSON_MAX_DEPTH / 64 + 1] = { 0 };
	const char *end = ps->end;
	int base = depth, level;
	const char *kend;

value:
	if (p >= end)
		return fail(ps, p, "");
	switch (*p) {
	case '"':
		p = scan_string(ps, p + 1);
		break;
	case '{': case '[': {
		int object = *p == '{';
		if (depth >= OMNI_JSON_MAX_DEPTH) {
			omni_error_set(ps->err, OMNI_EX_DATAERR, NULL, 0,
			               p - ps->start + 1, "nesting deeper than %d",
			               OMNI_JSON_MAX_DEPTH);
			return NULL;
		}
		level = depth++ - base;
		if (object)
			objects[level / 64] |= 1ULL << (level % 64);
		else
			objects[level / 64] &= ~(1ULL << (level % 64));
		p = skip_ws(p + 1, end);
		if (p < end && *p == (object ? '}' : ']')) {
			depth--;
			p++;
			break;
		}
		if (object && !(p = scan_key(ps, p, "expected a string key or '}'", &kend)))
			return NULL;
		goto value;
	}
	case 't': case 'f': case 'n':
		p = scan_literal(ps, p);
		break;
	case '-': case '0': case '1': case '2': case '3': case '4':
	case '5': case '6': case '7': case '8': case '9':
		p = scan_number(ps, p);
		break;
	default:
		return fail(ps, p, "expected a value");
	}
	if (!p)
		return NULL;
	/* After a value: close containers or go on to the next element. */
	while (depth > base) {
		level = depth - 1 - base;
		int object = objects[level / 64] >> (level % 64) & 1;
		p = skip_ws(p, end);
		if (p < end && *p == ',') {
			p = skip_ws(p + 1, end);
			if (p < end && *p == (object ? '}' : ']'))
				return fail(ps, p, "trailing comma");
			if (object && !(p = scan_key(ps, p, "expected a string key", &kend)))
				return NULL;
			goto value;
		}
		if (p < end && *p == (object ? '}' : ']')) {
			depth--;
			p++;
			continue;
		}
		return fail(ps, p, object ? "expected ',' or '}' after an object member"
		                          : "expected ',' or ']' after an array element");
	}
	return p;
}

void
omni_record_init(omni_record *r)
{
	memset(r, 0, sizeof *r);
}

void
omni_record_free(omni_record *r)
{
	free(r->members);
	memset(r, 0, sizeof *r);
}

static int
add_member(omni_record *r, omni_member m, omni_error *err)
{
	if (r->nmembers == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 32;
		omni_member *n = realloc(r->members, cap * sizeof *n);
		if (!n)
			return omni_error_set(err, OMNI_EX_SOFTWARE, NULL, 0, 0,
			                      "out of memory");
		r->members = n;
		r->cap = cap;
	}
	r->members[r->nmembers++] = m;
	return 0;
}

int
omni_record_parse(omni_record *r, const char *text, size_t len,
                  omni_error *err)
{
	jparser ps = { text, text + len, err };
	const char *p, *end = text + len;
	omni_member m;

	r->text = text;
	r->len = len;
	r->nmembers = 0;
	p = skip_ws(text, end);
	if (p >= end || *p != '{') {
		omni_error_set(err, OMNI_EX_DATAERR, NULL, 0, p - text + 1,
		               "not a JSON object");
		return -1;
	}
	p = skip_ws(p + 1, end);
	if (p < end && *p == '}') {
		p++;
		goto tail;
	}
	for (const char *what = "expected a string key or '}'";;
	     what = "expected a string key") {
		const char *kend;
		m.key.p = p + 1;
		if (!(p = scan_key(&ps, p, what, &kend)))
			return -1;
		m.key.n = (size_t)(kend - m.key.p);
		m.value.p = p;
		if (!(p = scan_value(&ps, p, 1)))
			return -1;
		m.value.n = (size_t)(p - m.value.p);
		if (add_member(r, m, err))
			return -1;
		p = skip_ws(p, end);
		if (p < end && *p == ',') {
			p = skip_ws(p + 1, end);
			if (p < end && *p == '}') {
				fail(&ps, p, "trailing comma");
				return -1;
			}
			continue;
		}
		if (p < end && *p == '}') {
			p++;
			break;
		}
		fail(&ps, p, "expected ',' or '}' after an object member");
		return -1;
	}
tail:
	p = skip_ws(p, end);
	if (p < end) {
		fail(&ps, p, "unexpected text after the object");
		return -1;
	}
	return 0;
}

/* ---- Walking values already validated by omni_record_parse ---- */

static int raw_eq(omni_span raw, const char *s, size_t len);

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

	for (size_t i = r->nmembers; i-- > 0;)
		if (raw_eq(r->members[i].key, key, len))
			return r->members[i].value;
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
	unsigned u, lo;

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
	for (size_t i = 0; i < n; i++)
		if (p[i] == '\\')
			return 1;
	return 0;
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
	omni_span inner = { v.p + 1, v.n - 2 };

	return omni_json_type(v) == OMNI_J_STRING && omni_json_key_eq(inner, s);
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

json_t *
omni_json_to_jansson(omni_span v)
{
	json_t *j;

	if (omni_json_type(v) == OMNI_J_ABSENT)
		return NULL;
	j = json_loadb(v.p, v.n, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
	/* jansson refuses integers beyond 64 bits: take them as reals. */
	if (!j)
		j = json_loadb(v.p, v.n, JSON_DECODE_ANY | JSON_ALLOW_NUL |
		               JSON_DECODE_INT_AS_REAL, NULL);
	return j;
}
