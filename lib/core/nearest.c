/* nearest.c - the known name a misspelt one was meant to be, for the
 * "did you mean" of a diagnostic. */
#include <ctype.h>
#include <string.h>

#include "core/core.h"

/* Optimal string alignment distance (a swap of two neighbours is one
 * edit), case-folded; names longer than 63 bytes are too far. */
static size_t
distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), d[64][64];

	if (la > 63 || lb > 63)
		return (size_t)-1;
	for (size_t i = 0; i <= la; i++)
		d[i][0] = i;
	for (size_t j = 0; j <= lb; j++)
		d[0][j] = j;
	for (size_t i = 1; i <= la; i++)
		for (size_t j = 1; j <= lb; j++) {
			int same = tolower((unsigned char)a[i - 1]) == tolower((unsigned char)b[j - 1]);
			size_t v = d[i - 1][j - 1] + !same;
			if (d[i - 1][j] + 1 < v)
				v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	return d[la][lb];
}

const char *
omni_nearest(const char *word, const char *const *names)
{
	const char *best = NULL;
	size_t bd = (size_t)-1, len = strlen(word);
	/* a third of the word's length, at least one edit, at most three */
	size_t limit = len / 3 < 1 ? 1 : len / 3 > 3 ? 3 : len / 3;

	for (; names && *names; names++) {
		size_t d = distance(word, *names);
		if (d < bd) {
			bd = d;
			best = *names;
		}
	}
	return bd <= limit ? best : NULL;
}
