/* ident.c - identity keys as the store keeps them: e-mail addresses and
 * phone numbers in one normal form, so that a key written two ways is
 * one key. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ident/ident.h"

char *
omni_ident_email(const char *s)
{
	char *e, *at, *w, *r;

	if (!s)
		return NULL;
	while (isspace((unsigned char)*s) || *s == '<')
		s++;
	if (!(e = strdup(s)))
		return NULL;
	for (w = e; *w; w++)
		*w = (char)tolower((unsigned char)*w);
	while (w > e && (isspace((unsigned char)w[-1]) || w[-1] == '>' || w[-1] == '.'))
		*--w = '\0';
	at = strrchr(e, '@');
	if (!at || at == e || !at[1] || !strchr(at, '.') || strchr(e, ' ')) {
		free(e);
		return NULL;
	}
	/* Gmail ignores dots and +tags: certain for these two domains only. */
	if (strcmp(at, "@gmail.com") == 0 || strcmp(at, "@googlemail.com") == 0) {
		for (r = w = e; r < at && *r != '+'; r++)
			if (*r != '.')
				*w++ = *r;
		memmove(w, "@gmail.com", sizeof "@gmail.com");
	}
	return e;
}

/* Country calling codes of the regions a store may name; national
 * numbers drop their trunk 0 except where it is part of the number. */
static const struct {
	char region[3];
	const char *cc;
	int keep_zero;
} regions[] = {
	{ "US", "1", 0 }, { "CA", "1", 0 }, { "GB", "44", 0 }, { "UK", "44", 0 },
	{ "IE", "353", 0 }, { "IT", "39", 1 }, { "SM", "378", 1 }, { "FR", "33", 0 },
	{ "DE", "49", 0 }, { "AT", "43", 0 }, { "CH", "41", 0 }, { "ES", "34", 1 },
	{ "PT", "351", 1 }, { "NL", "31", 0 }, { "BE", "32", 0 }, { "LU", "352", 1 },
	{ "DK", "45", 1 }, { "SE", "46", 0 }, { "NO", "47", 1 }, { "FI", "358", 0 },
	{ "PL", "48", 1 }, { "AU", "61", 0 }, { "NZ", "64", 0 }, { "MX", "52", 0 },
	{ "BR", "55", 0 }, { "JP", "81", 0 }, { "IN", "91", 0 },
};

char *
omni_ident_phone(const char *s, const char *region)
{
	char digits[32], out[40];
	size_t n = 0;
	int plus = 0;
	const char *cc = "1";
	int keep_zero = 0, nanp = 1;

	if (!s)
		return NULL;
	for (const char *p = s; *p; p++) {
		if (isdigit((unsigned char)*p)) {
			if (n + 1 >= sizeof digits)
				return NULL;
			digits[n++] = *p;
		} else if (*p == '+' && n == 0) {
			plus = 1;
		} else if (!strchr(" -.()/\t", *p)) {
			return NULL;      /* letters, extensions: not a number we trust */
		}
	}
	digits[n] = '\0';
	if (!plus && n > 2 && digits[0] == '0' && digits[1] == '0') {
		memmove(digits, digits + 2, n - 1);   /* international 00 prefix */
		n -= 2;
		plus = 1;
	}
	if (region)
		for (size_t i = 0; i < sizeof regions / sizeof regions[0]; i++)
			if (strcasecmp(region, regions[i].region) == 0) {
				cc = regions[i].cc;
				keep_zero = regions[i].keep_zero;
				nanp = strcmp(cc, "1") == 0;
			}
	if (plus) {
		snprintf(out, sizeof out, "+%s", digits);
	} else if (nanp) {
		if (n == 11 && digits[0] == '1')
			snprintf(out, sizeof out, "+%s", digits);
		else if (n == 10)
			snprintf(out, sizeof out, "+1%s", digits);
		else
			return NULL;
	} else {
		const char *d = digits;
		if (!keep_zero && *d == '0')
			d++;
		snprintf(out, sizeof out, "+%s%s", cc, d);
	}
	n = strlen(out) - 1;
	if (n < 8 || n > 15)
		return NULL;
	return strdup(out);
}
