/*
 * link_csat.c - a customer's answer to a satisfaction request (omni-reply's
 * [reply] csat): a number from 1 to 5, or a word or an emoji in English,
 * Italian, French, Spanish or German, perhaps with thanks around it, and
 * nothing else.  omni-link reads it when it arrives (omni-ticket(5),
 * "Satisfaction"): it sets the ticket's csat and does not reopen it.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "link_int.h"

typedef struct phrase {
	const char *text;        /* lower case */
	int score;               /* 1-5; 0: words around a rating */
} phrase;

static const phrase phrases[] = {
	/* 5 */
	{ "excellent", 5 }, { "excellente", 5 }, { "eccellente", 5 }, { "excelente", 5 },
	{ "great", 5 }, { "amazing", 5 }, { "perfect", 5 }, { "perfetto", 5 },
	{ "parfait", 5 }, { "perfecto", 5 }, { "perfekt", 5 }, { "ottimo", 5 },
	{ "fantastico", 5 }, { "fantastique", 5 }, { "fantastisch", 5 },
	{ "très bien", 5 }, { "tres bien", 5 }, { "super", 5 }, { "genial", 5 },
	{ "génial", 5 }, { "geniale", 5 }, { "sehr gut", 5 },
	{ "muy bien", 5 }, { "molto bene", 5 }, { "love it", 5 }, { "top", 5 },
	{ "👍", 5 }, { "😍", 5 }, { "🤩", 5 }, { "❤️", 5 }, { "❤", 5 }, { "🥰", 5 },
	{ "⭐⭐⭐⭐⭐", 5 }, { "😀", 5 }, { "😃", 5 }, { "😁", 5 },
	/* 4 */
	{ "good", 4 }, { "very good", 5 }, { "buono", 4 }, { "bene", 4 }, { "bien", 4 },
	{ "bon", 4 }, { "bueno", 4 }, { "gut", 4 }, { "fine", 4 }, { "🙂", 4 },
	{ "😊", 4 }, { "⭐⭐⭐⭐", 4 },
	/* 3 */
	{ "ok", 3 }, { "okay", 3 }, { "so so", 3 }, { "so-so", 3 }, { "così così", 3 },
	{ "cosi cosi", 3 }, { "normale", 3 }, { "moyen", 3 }, { "bof", 3 },
	{ "regular", 3 }, { "normal", 3 }, { "geht so", 3 }, { "😐", 3 }, { "⭐⭐⭐", 3 },
	/* 2 */
	{ "not good", 2 }, { "poor", 2 }, { "non bene", 2 }, { "pas bien", 2 },
	{ "mediocre", 2 }, { "médiocre", 2 }, { "nicht gut", 2 }, { "no muy bien", 2 },
	{ "😕", 2 }, { "🙁", 2 }, { "⭐⭐", 2 },
	/* 1 */
	{ "bad", 1 }, { "very bad", 1 }, { "terrible", 1 }, { "awful", 1 }, { "pessimo", 1 },
	{ "male", 1 }, { "nul", 1 }, { "nulle", 1 }, { "mauvais", 1 }, { "horrible", 1 },
	{ "malo", 1 }, { "fatal", 1 }, { "schlecht", 1 }, { "sehr schlecht", 1 },
	{ "schrecklich", 1 }, { "👎", 1 }, { "😡", 1 }, { "😠", 1 }, { "😞", 1 },
	{ "😢", 1 }, { "⭐", 1 },
	/* words around it */
	{ "thanks", 0 }, { "thank you", 0 }, { "grazie", 0 }, { "merci", 0 },
	{ "gracias", 0 }, { "danke", 0 }, { "vielen dank", 0 }, { "danke schön", 0 },
	{ "stars", 0 }, { "star", 0 }, { "stelle", 0 }, { "stella", 0 }, { "étoiles", 0 },
	{ "étoile", 0 }, { "estrellas", 0 }, { "estrella", 0 }, { "sterne", 0 },
	{ "stern", 0 }, { "out of 5", 0 }, { "/5", 0 }, { "su 5", 0 }, { "sur 5", 0 },
	{ "de 5", 0 }, { "von 5", 0 }, { "very", 0 }, { "molto", 0 }, { "really", 0 },
	{ "\xef\xb8\x8f", 0 },     /* the emoji variation selector */
	{ "\xf0\x9f\x8f\xbb", 0 }, { "\xf0\x9f\x8f\xbc", 0 }, { "\xf0\x9f\x8f\xbd", 0 },
	{ "\xf0\x9f\x8f\xbe", 0 }, { "\xf0\x9f\x8f\xbf", 0 },   /* skin tones */
};

static int
separator(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == '.' ||
	       c == '!' || c == '?' || c == ';' || c == ':' || c == '-' || c == '(' ||
	       c == ')' || c == '"' || c == '\'' || c == '*';
}

/* The text before a quoted earlier message or a signature. */
static size_t
own_words(const char *s, size_t n)
{
	static const char *const ends[] = {
		"wrote:", "a écrit :", "a écrit:", "ha scritto:", "escribió:", "schrieb:",
		"-----original message", "-----messaggio originale", NULL,
	};
	/* a phone's signature, at the start of its line */
	static const char *const starts[] = {
		"sent from my", "inviato da", "envoyé de mon", "enviado desde mi", "von meinem",
		NULL,
	};
	for (size_t i = 0; i < n;) {
		size_t e = i;
		while (e < n && s[e] != '\n')
			e++;
		if (s[i] == '>' || (e - i >= 2 && s[i] == '-' && s[i + 1] == '-'))
			return i;
		for (int k = 0; starts[k]; k++)
			if (e - i >= strlen(starts[k]) && strncasecmp(s + i, starts[k], strlen(starts[k])) == 0)
				return i;
		for (int k = 0; ends[k]; k++) {
			size_t kl = strlen(ends[k]);
			for (size_t j = i; j + kl <= e; j++)
				if (strncasecmp(s + j, ends[k], kl) == 0)
					return i;
		}
		i = e + 1;
	}
	return n;
}

/* The line low[i, e): 1 and *score when it is a rating with words around
 * it, 0 when it holds only such words (or nothing), -1 when it says more
 * or gives two ratings. */
static int
line_score(const char *low, size_t i, size_t e, int *score)
{
	int found = 0;

	while (i < e) {
		if (separator((unsigned char)low[i])) {
			i++;
			continue;
		}
		size_t best = 0;
		int s = -1;
		if (low[i] >= '1' && low[i] <= '5' &&
		    (i + 1 == e || separator((unsigned char)low[i + 1]) || low[i + 1] == '/' ||
		     (unsigned char)low[i + 1] >= 0x80)) {
			best = 1;
			s = low[i] - '0';
		}
		for (size_t k = 0; k < sizeof phrases / sizeof phrases[0]; k++) {
			size_t pl = strlen(phrases[k].text);
			unsigned char first = (unsigned char)phrases[k].text[0];
			if (pl <= best || i + pl > e || memcmp(low + i, phrases[k].text, pl) != 0)
				continue;
			/* a word ends at a separator; an emoji anywhere */
			if (first < 0x80 && first != '/' && i + pl < e &&
			    !separator((unsigned char)low[i + pl]))
				continue;
			best = pl;
			s = phrases[k].score;
		}
		if (!best || (s > 0 && found && s != *score))
			return -1;
		if (s > 0) {
			*score = s;
			found = 1;
		}
		i += best;
	}
	return found;
}

/* A sign-off after the rating: at most two words (her name), no digit,
 * no question. */
static int
sign_off(const char *low, size_t i, size_t e)
{
	int words = 0, in = 0;

	for (; i < e; i++) {
		unsigned char c = (unsigned char)low[i];
		if ((c >= '0' && c <= '9') || c == '?')
			return 0;
		if (c == ' ' || c == '\t' || c == '\r' || c == ',' || c == '.' || c == '!')
			in = 0;
		else if (!in) {
			in = 1;
			words++;
		}
	}
	return words <= 2;
}

int
omni_link_csat_answer(const char *text, size_t n, int *score)
{
	char *low;
	int found = 0, ok = 1;

	*score = 0;
	if (!text)
		return 0;
	n = own_words(text, n);
	if (!(low = malloc(n + 1)))
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)text[i];
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		else if (c == 0xc3 && i + 1 < n && (unsigned char)text[i + 1] >= 0x80 &&
		         (unsigned char)text[i + 1] <= 0x9e && (unsigned char)text[i + 1] != 0x97) {
			low[i] = (char)c;     /* À-Þ: É */
			low[i + 1] = (char)(text[i + 1] + 0x20);
			i++;
			continue;
		}
		low[i] = (char)c;
	}
	low[n] = '\0';
	/* line by line: the rating first; after it, a line of thanks, or a
	 * short sign-off (a name) */
	for (size_t i = 0; i < n && ok;) {
		size_t e = i;
		while (e < n && low[e] != '\n')
			e++;
		int s = 0, r = line_score(low, i, e, &s);
		if (r < 0 && !(found && sign_off(low, i, e)))
			ok = 0;
		else if (r > 0 && found && s != *score)
			ok = 0;       /* two ratings */
		else if (r > 0) {
			*score = s;
			found = 1;
		}
		i = e + 1;
	}
	free(low);
	if (!found || !ok)
		*score = 0;
	return found && ok;
}
