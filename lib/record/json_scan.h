/* json_scan.h - byte-level helpers shared by the JSON reader's validating
 * pass (json.c) and its walking and decoding (jsonwalk.c).  Internal to
 * lib/; not part of omni.h. */
#ifndef OMNI_JSON_SCAN_H
#define OMNI_JSON_SCAN_H

#include <stddef.h>
#include <stdint.h>

/* Eight bytes at a time: the scans below load a word and look for the
 * bytes that end a run of plain string text. */
#define ONES  0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL

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

static inline int
is_special(unsigned char c)
{
	return c == '"' || c == '\\' || c < 0x20 || c >= 0x80;
}

static inline int
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


static inline int
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

/* Is a value an RFC 3339 time, null or absent (json.c)?  1 or 0. */
int omni_json_time_ok(const char *p, size_t n);

#endif
