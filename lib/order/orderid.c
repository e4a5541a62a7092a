/*
 * orderid.c - order numbers in free text.
 *
 * One pass from left to right, so ids come out in order of appearance:
 *   "#1043"                3 to 10 digits after '#', a token of its own
 *                          (not an eBay item's 12: "Sock 2-Pack #314159265358")
 *                          (not "#ffcc00", "#1a", "&#8217;" or "x#123")
 *   113-4827365-1029384    Amazon, \b\d{3}-\d{7}-\d{7}\b
 *   12-34567-89012         eBay, \b\d{2}-\d{5}-\d{5}\b
 *   "order no. 1043"       a word for "order" in English, Italian, French,
 *                          Spanish or German, an optional "no."/"n°"/
 *                          "number"/"id"/"#"/":", then 4 to 20 digits
 *                          (TikTok's are 18, Walmart's 13 to 15): "#1043"
 * but not a number that an address, an invoice or a case names ("Unit
 * #1077", "invoice #1036"), nor "order" as a verb ("to order 1079
 * candles": a quantity).
 * ASCII classes only: the text is UTF-8 and its other bytes are letters of
 * no interest here.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "record/bridge.h"
#include "order/order.h"

static int word_char(int c)
{
	return isalnum(c) || c == '_';
}

/* Number of digits at s (at most max + 1, so "too long" can be seen). */
static size_t digits(const char *s, size_t max)
{
	size_t n = 0;

	while (n <= max && isdigit((unsigned char)s[n]))
		n++;
	return n;
}

/* Does s hold exactly the digit groups in lens, joined by '-', followed by
 * a non-word character?  Returns the length matched or 0. */
static size_t dashed(const char *s, const int *lens, int ngroups)
{
	size_t i = 0;

	for (int g = 0; g < ngroups; g++) {
		if (g > 0 && s[i++] != '-')
			return 0;
		if (digits(s + i, (size_t)lens[g]) != (size_t)lens[g])
			return 0;
		i += (size_t)lens[g];
	}
	return word_char((unsigned char)s[i]) ? 0 : i;
}

/* Words that announce an order number, lowercase; "n°" and "nº" stand on
 * their own too ("n° 1043"). */
static const char *const order_words[] = {
	"bestellnummer", "bestellung", "commande", "ordine", "order", "pedido",
	"n\xc2\xb0", "n\xc2\xba", NULL
};

/* What may stand between the word and the digits, lowercase. */
static const char *const fillers[] = {
	"number", "numero", "num\xc3\xa9ro", "n\xc3\xbamero", "nummer", "num.",
	"no.", "no", "nr.", "nr", "n.\xc2\xba", "n.\xc2\xb0", "n\xc2\xb0",
	"n\xc2\xba", "n.", "id", "#", ":", NULL
};

/* Matches a lowercase word at s, case-insensitively; its length or 0. */
static size_t prefix(const char *s, const char *word)
{
	size_t l = strlen(word);

	return strncasecmp(s, word, l) == 0 ? l : 0;
}

static const char *blanks(const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	return s;
}

/* "order ... 1043" at s (a word start): the digits and their count. */
static size_t word_form(const char *s, const char **num)
{
	const char *p = NULL;
	size_t l = 0, nd;

	for (int i = 0; order_words[i]; i++)
		if ((l = prefix(s, order_words[i]))) {
			p = s + l;
			break;
		}
	if (!p || (isalpha((unsigned char)*p) && (unsigned char)p[-1] < 0x80))
		return 0;
	for (int rounds = 0; rounds < 3; rounds++) {
		const char *q = blanks(p);
		size_t f = 0;
		for (int i = 0; fillers[i] && !f; i++)
			if ((f = prefix(q, fillers[i])) && isalpha((unsigned char)q[f]) &&
			    isalpha((unsigned char)q[f - 1]))
				f = 0;    /* "now", "nota": a word, not a filler */
		if (!f)
			break;
		p = q + f;
	}
	p = blanks(p);
	nd = digits(p, 20);
	/* not the start of a date or a decimal: "order 2024-03-05" */
	if (nd < 4 || nd > 20 || word_char((unsigned char)p[nd]) ||
	    (strchr("-/.,", p[nd]) && p[nd] && isdigit((unsigned char)p[nd + 1])))
		return 0;
	*num = p;
	return nd;
}

/* Words after which a number is not an order's: an address ("Unit #1077",
 * "Apt #12"), another document ("invoice #1036", "Rechnung #55", "case
 * #881"), and, before the word "order", a verb's subject or auxiliary
 * ("I'd like to order 1079 candles": a quantity).  Lowercase. */
static const char *const not_orders[] = {
	"unit", "apt", "apartment", "suite", "ste", "room", "rm", "flat", "box",
	"lot", "floor", "building", "house", "appartamento", "interno", "scala",
	"wohnung", "piso", "puerta", "invoice", "inv", "receipt", "bill", "po",
	"rechnung", "facture", "fattura", "factura", "ricevuta", "ticket", "case",
	"rma", "ref", "sku", "item", "qty", "quantity", NULL
};
static const char *const verb_before[] = {
	"to", "i", "we", "you", "can", "could", "would", "will", "should", "may",
	"might", "please", "i'd", "we'd", "i'll", "we'll", "wanna", "je", "nous",
	"on", "tu", "vous", NULL
};

/* The word that ends just before s (past blanks), lowercase, in buf:
 * its length, 0 when there is none. */
static size_t word_before(const char *text, const char *s, char *buf, size_t size)
{
	const char *e = s, *b;
	size_t n;

	while (e > text && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	b = e;
	while (b > text && (word_char((unsigned char)b[-1]) || b[-1] == '\''))
		b--;
	n = (size_t)(e - b);
	if (!n || n >= size)
		return 0;
	for (size_t i = 0; i < n; i++)
		buf[i] = (char)tolower((unsigned char)b[i]);
	buf[n] = '\0';
	return n;
}

static int listed(const char *const *list, const char *w)
{
	for (int i = 0; list[i]; i++)
		if (strcmp(list[i], w) == 0)
			return 1;
	return 0;
}

/* Is the number at s (or the word "order" at s) in a sentence that speaks
 * of something else? */
static int not_an_order(const char *text, const char *s, const char *const *list)
{
	char w[32];

	return word_before(text, s, w, sizeof w) && listed(list, w);
}

/* Adds "#num", unless ids has the number already, with its '#' or
 * without (a TikTok order card's id before the text that quotes it). */
static void add_hash(json_t *ids, const char *num, size_t n)
{
	char buf[24];
	size_t i;
	json_t *v;

	buf[0] = '#';
	memcpy(buf + 1, num, n);
	buf[n + 1] = '\0';
	json_array_foreach(ids, i, v)
		if (json_is_string(v) && strcmp(json_string_value(v), buf + 1) == 0)
			return;
	omni_json_array_add_unique(ids, buf);
}

void omni_order_ids_find(const char *text, json_t *ids)
{
	static const int amazon[] = {3, 7, 7}, ebay[] = {2, 5, 5};
	const char *num;
	size_t n;

	if (!text || !json_is_array(ids))
		return;
	for (const char *s = text; *s; s++) {
		unsigned char prev = s > text ? (unsigned char)s[-1] : ' ';
		if (*s == '#') {
			n = digits(s + 1, 10);
			if (n >= 3 && n <= 10 && !word_char((unsigned char)s[n + 1]) &&
			    !word_char(prev) && prev != '&' && !not_an_order(text, s, not_orders)) {
				add_hash(ids, s + 1, n);
				s += n;
			}
			continue;
		}
		if (word_char(prev))
			continue;
		if (isdigit((unsigned char)*s)) {
			char buf[24];
			if ((n = dashed(s, amazon, 3)) || (n = dashed(s, ebay, 3))) {
				memcpy(buf, s, n);
				buf[n] = '\0';
				omni_json_array_add_unique(ids, buf);
				s += n - 1;
			}
			continue;
		}
		/* a byte of a UTF-8 letter before: inside a word; and only the
		 * first letters of order_words can start one (the hot path) */
		if (prev < 0x80 && strchr("bBcCoOpPnN", *s) &&
		    (n = word_form(s, &num)) && !not_an_order(text, s, verb_before)) {
			add_hash(ids, num, n);
			s = num + n - 1;
		}
	}
}
