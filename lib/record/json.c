/* json.c - the lazy record reader: one validating pass per line that
 * indexes the top-level members as byte spans; walking and decoding happen
 * only where a program asks (ARCHITECTURE.md, "The hot path"). */
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "record/record.h"
#include "json_scan.h"


typedef struct jparser {
	const char *start, *end;
	omni_error *err;
	int nul;             /* a \u0000 seen */
	int escape;          /* an escape seen (reset for each top-level key) */
} jparser;

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


/* p at a backslash; returns the byte after the escape. */
static const char *
scan_escape(jparser *ps, const char *p)
{
	unsigned u, lo;

	ps->escape = 1;
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
	ps->nul |= u == 0;
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

int
omni_json_time_ok(const char *p, size_t n)
{
	omni_span v = { p, n };
	char buf[64];
	long len;

	if (!p || *p == 'n')
		return 1;
	if (*p != '"' || n - 2 >= sizeof buf)
		return 0;
	if (!memchr(p + 1, '\\', n - 2))
		return omni_time_valid_rfc3339(p + 1, n - 2);
	if ((len = omni_json_string_buf(v, buf, sizeof buf)) < 0)
		return 0;
	return omni_time_valid_rfc3339(buf, (size_t)len);
}

/* The "messages" member, validated as any value is, and on the same pass
 * each element's "at" (the last, if repeated) checked: the first element
 * that is not an object or whose time is not one is noted in r, for
 * omni_ticket_check, so that checking a ticket costs no second walk. */
static const char *
scan_messages(jparser *ps, const char *p, omni_record *r)
{
	const char *end = ps->end, *kend, *k, *v;
	omni_span at, none = { NULL, 0 };

	r->bad_message = r->bad_at = r->first_at = r->last_at = none;
	if (*p != '[')
		return scan_value(ps, p, 1);
	p = skip_ws(p + 1, end);
	if (p < end && *p == ']')
		return p + 1;
	for (size_t i = 0;; i++) {
		at = none;
		v = p;
		if (p < end && *p == '{') {
			p = skip_ws(p + 1, end);
			if (p < end && *p == '}')
				p++;
			else for (const char *what = "expected a string key or '}'";;
			          what = "expected a string key") {
				k = p + 1;
				if (!(p = scan_key(ps, p, what, &kend)))
					return NULL;
				v = p;
				/* most members of a message are strings: no call to
				 * the general scan for them */
				if (!(p = p < end && *p == '"' ? scan_string(ps, p + 1)
				                               : scan_value(ps, p, 3)))
					return NULL;
				if (kend - k == 2 && k[0] == 'a' && k[1] == 't')
					at = (omni_span){ v, (size_t)(p - v) };
				p = skip_ws(p, end);
				if (p < end && *p == ',') {
					p = skip_ws(p + 1, end);
					if (p < end && *p == '}')
						return fail(ps, p, "trailing comma");
					continue;
				}
				if (p < end && *p == '}') {
					p++;
					break;
				}
				return fail(ps, p, "expected ',' or '}' after an object member");
			}
			if (r->bad_message.p || r->bad_at.p || !at.p)
				;
			else if (r->last_at.n == at.n && memcmp(r->last_at.p, at.p, at.n) == 0)
				;       /* a time seen valid a moment ago */
			else if (!omni_json_time_ok(at.p, at.n)) {
				r->bad_at = at;
				r->bad_index = i;
			} else {
				if (!r->first_at.p)
					r->first_at = at;
				r->last_at = at;
			}
		} else {
			if (!(p = scan_value(ps, p, 2)))
				return NULL;
			if (!r->bad_message.p && !r->bad_at.p) {
				r->bad_message = (omni_span){ v, (size_t)(p - v) };
				r->bad_index = i;
			}
		}
		p = skip_ws(p, end);
		if (p < end && *p == ',') {
			p = skip_ws(p + 1, end);
			if (p < end && *p == ']')
				return fail(ps, p, "trailing comma");
			continue;
		}
		if (p < end && *p == ']')
			return p + 1;
		return fail(ps, p, "expected ',' or ']' after an array element");
	}
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
			return omni_error_oom(err);
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
	jparser ps = { text, text + len, err, 0, 0 };
	const char *p, *end = text + len;
	omni_member m;

	r->text = text;
	r->len = len;
	r->nmembers = 0;
	r->nul = 0;
	r->key_escaped = 0;
	r->bad_message.p = r->bad_at.p = r->first_at.p = r->last_at.p = NULL;
	r->first_at.n = r->last_at.n = 0;
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
		ps.escape = 0;
		if (!(p = scan_key(&ps, p, what, &kend)))
			return -1;
		r->key_escaped |= ps.escape;
		m.key.n = (size_t)(kend - m.key.p);
		m.value.p = p;
		if (m.key.n == 8 && memcmp(m.key.p, "messages", 8) == 0)
			p = scan_messages(&ps, p, r);
		else
			p = scan_value(&ps, p, 1);
		if (!p)
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
	r->nul = ps.nul;
	return 0;
}
