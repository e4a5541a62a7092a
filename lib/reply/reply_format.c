/* reply_format.c - dates and money in the customer's language, and the
 * carriers' public tracking pages. */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/core.h"
#include "reply/reply.h"

static const char *const months[][12] = {
	{ "January", "February", "March", "April", "May", "June", "July",
	  "August", "September", "October", "November", "December" },
	{ "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio",
	  "agosto", "settembre", "ottobre", "novembre", "dicembre" },
	{ "janvier", "février", "mars", "avril", "mai", "juin", "juillet",
	  "août", "septembre", "octobre", "novembre", "décembre" },
	{ "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
	  "agosto", "septiembre", "octubre", "noviembre", "diciembre" },
	{ "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli",
	  "August", "September", "Oktober", "November", "Dezember" },
};

/* 0 en, 1 it, 2 fr, 3 es, 4 de; anything else is English. */
static int
lang_index(const char *lang)
{
	static const char *const codes[] = { "en", "it", "fr", "es", "de" };
	for (int i = 0; lang && i < 5; i++)
		if (strncmp(lang, codes[i], 2) == 0 && (!lang[2] || lang[2] == '-' || lang[2] == '_'))
			return i;
	return 0;
}

char *
omni_reply_date(const char *value, const char *lang, const char *zone)
{
	omni_time t;
	struct tm tm;
	char *out = NULL;
	int rc = -1;

	if (!value || !*value || omni_time_parse(value, &t) < 0)
		return strdup(value ? value : "");
	/* a bare date names a day, not an instant: no zone moves it */
	omni_time_local(t, strlen(value) > 10 ? zone : NULL, &tm);
	const char *m = months[lang_index(lang)][tm.tm_mon];
	int y = tm.tm_year + 1900, d = tm.tm_mday;
	switch (lang_index(lang)) {
	case 0: rc = asprintf(&out, "%s %d, %d", m, d, y); break;
	case 1:
	case 2: rc = asprintf(&out, "%d %s %d", d, m, y); break;
	case 3: rc = asprintf(&out, "%d de %s de %d", d, m, y); break;
	case 4: rc = asprintf(&out, "%d. %s %d", d, m, y); break;
	}
	return rc < 0 ? NULL : out;
}

static const char *
symbol(const char *cur)
{
	static const char *const map[][2] = {
		{ "USD", "$" }, { "EUR", "€" }, { "GBP", "£" }, { "JPY", "¥" },
		{ "CAD", "CA$" }, { "AUD", "A$" }, { "CHF", "CHF" },
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcmp(cur, map[i][0]) == 0)
			return map[i][1];
	return cur;
}

/* Digits with a group separator every three. */
static void
group(char *out, size_t size, unsigned long long whole, const char *sep)
{
	char digits[32];
	size_t n = (size_t)snprintf(digits, sizeof digits, "%llu", whole), o = 0;

	for (size_t i = 0; i < n && o + 8 < size; i++) {
		if (i && (n - i) % 3 == 0)
			o += (size_t)snprintf(out + o, size - o, "%s", sep);
		out[o++] = digits[i];
	}
	out[o] = '\0';
}

char *
omni_reply_money(const char *amount, const char *currency, const char *lang)
{
	char *end, whole_s[64], *out = NULL;
	double v;
	int li = lang_index(lang), decimals = 2, neg;

	if (!amount || !*amount)
		return strdup("");
	v = strtod(amount, &end);
	if (*end || end == amount)
		return strdup(amount);
	const char *cur = currency && *currency ? currency : "";
	if (strcmp(cur, "JPY") == 0)
		decimals = 0;
	neg = v < 0;
	if (neg)
		v = -v;
	long long scaled = llround(v * (decimals ? 100 : 1));
	unsigned long long whole = (unsigned long long)(decimals ? scaled / 100 : scaled);
	int cents = decimals ? (int)(scaled % 100) : 0;
	/* English: 1,234.50; Italian, Spanish, German: 1.234,50; French:
	 * 1 234,50 with a narrow no-break space. */
	group(whole_s, sizeof whole_s, whole, li == 0 ? "," : li == 2 ? "\u202f" : ".");
	char num[96];
	if (decimals)
		snprintf(num, sizeof num, "%s%s%s%02d", neg ? "-" : "", whole_s, li == 0 ? "." : ",", cents);
	else
		snprintf(num, sizeof num, "%s%s", neg ? "-" : "", whole_s);
	const char *sym = *cur ? symbol(cur) : "";
	int rc;
	if (!*sym)
		rc = asprintf(&out, "%s", num);
	else if (li == 0)
		rc = strlen(sym) == 3 && isupper((unsigned char)sym[0]) ?
		     asprintf(&out, "%s %s", sym, num) : asprintf(&out, "%s%s", sym, num);
	else
		rc = asprintf(&out, "%s\u00a0%s", num, sym);
	return rc < 0 ? NULL : out;
}

/* The carriers' public tracking pages, by the name a platform gives. */
char *
omni_reply_tracking_link(const char *carrier, const char *number)
{
	static const char *const map[][2] = {
		{ "ups", "https://www.ups.com/track?tracknum=" },
		{ "usps", "https://tools.usps.com/go/TrackConfirmAction?tLabels=" },
		{ "fedex", "https://www.fedex.com/fedextrack/?trknbr=" },
		{ "dhl", "https://www.dhl.com/en/express/tracking.html?AWB=" },
		{ "brt", "https://vas.brt.it/vas/sped_det_show.hsm?referer=sped_numspe_par.htm&Nspediz=" },
		{ "gls", "https://gls-group.com/track/" },
		{ "seur", "https://www.seur.com/livetracking/?segOnlineIdentificador=" },
		{ "colissimo", "https://www.laposte.fr/outils/suivre-vos-envois?code=" },
		{ "chronopost", "https://www.chronopost.fr/tracking-no-cms/suivi-page?listeNumerosLT=" },
		{ "poste italiane", "https://www.poste.it/cerca/index.html#/risultati-spedizioni/" },
		{ "royal mail", "https://www.royalmail.com/track-your-item#/tracking-results/" },
		{ "correos", "https://www.correos.es/es/es/herramientas/localizador/envios/detalle?tracking-number=" },
		{ "dpd", "https://tracking.dpd.de/status/en_US/parcel/" },
		{ "hermes", "https://www.myhermes.de/empfangen/sendungsverfolgung/sendungsinformation#" },
	};
	char low[64];
	size_t i;
	char *out = NULL;

	if (!carrier || !number || !*number)
		return NULL;
	for (i = 0; carrier[i] && i + 1 < sizeof low; i++)
		low[i] = (char)tolower((unsigned char)carrier[i]);
	low[i] = '\0';
	for (i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strncmp(low, map[i][0], strlen(map[i][0])) == 0) {
			/* tracking numbers are letters and digits; anything else
			 * would change the link, so it gets none */
			for (const char *q = number; *q; q++)
				if (!isalnum((unsigned char)*q))
					return NULL;
			if (asprintf(&out, "%s%s", map[i][1], number) < 0)
				return NULL;
			return out;
		}
	return NULL;
}
