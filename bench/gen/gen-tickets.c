/* gen-tickets N [SEED]: N realistic omni v1 tickets as NDJSON on stdout.
 *
 * Deterministic for a given seed: ticket i depends only on (seed, i), and
 * customer c on (seed, c), so customers recur across tickets and channels.
 * The sentences come from bench/gen/phrases.txt (found next to the binary's
 * directory, or named by $GEN_PHRASES).  Everything is invented.
 *
 * Build: cc -O2 -o bench/bin/gen-tickets bench/gen/gen-tickets.c
 */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- rng */

static uint64_t rng;

static uint64_t
mix(uint64_t z)
{
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static uint64_t
next(void)
{
	rng += 0x9e3779b97f4a7c15ULL;
	return mix(rng);
}

static unsigned
below(unsigned n)
{
	return (unsigned)(((next() >> 32) * n) >> 32);
}

static int
chance(unsigned percent)
{
	return below(100) < percent;
}

/* Index into weights[] (n entries) chosen with those weights. */
static unsigned
pick(const unsigned *w, unsigned n)
{
	unsigned total = 0, i, r;

	for (i = 0; i < n; i++)
		total += w[i];
	r = below(total);
	for (i = 0; i < n - 1; i++) {
		if (r < w[i])
			return i;
		r -= w[i];
	}
	return n - 1;
}

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define ONE(a) ((a)[below(NELEM(a))])

/* ---------------------------------------------------------------- output */

#define OUTCAP (256 * 1024)
static char out[OUTCAP + 16384];
static size_t outlen;

static void
flush_out(void)
{
	if (outlen && fwrite(out, 1, outlen, stdout) != outlen) {
		perror("gen-tickets: write");
		exit(74);
	}
	outlen = 0;
}

static void
put(const char *s)
{
	size_t n = strlen(s);

	memcpy(out + outlen, s, n);
	outlen += n;
}

static void
putch(char c)
{
	out[outlen++] = c;
}

static void
putnum(long long v)
{
	outlen += (size_t)sprintf(out + outlen, "%lld", v);
}

/* JSON string body (no quotes): escapes quote, backslash, controls. */
static void
putesc(const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\') {
			putch('\\');
			putch((char)c);
		} else if (c == '\n') {
			put("\\n");
		} else if (c < 0x20) {
			outlen += (size_t)sprintf(out + outlen, "\\u%04x", c);
		} else {
			putch((char)c);
		}
	}
}

static void
putstr(const char *s)
{
	putch('"');
	putesc(s);
	putch('"');
}

/* ,"key": */
static void
key(const char *k)
{
	putch(',');
	putch('"');
	put(k);
	put("\":");
}

/* ---------------------------------------------------------------- time */

/* Unix seconds to civil date (proleptic Gregorian, UTC). */
static void
civil(long long days, int *y, int *m, int *d)
{
	long long z = days + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;

	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* Per-ticket time style: 0 Z, 1 Z with milliseconds, 2 with an offset. */
static int tstyle, toffset_min;

/* Pipeline stage the records look like: 0 fetch, 1 link, 2 route. */
static int stage = 2;

static void
puttime(long long ms)
{
	long long s = ms / 1000, local = s + (tstyle == 2 ? toffset_min * 60 : 0);
	long long days = local / 86400, sec = local % 86400;
	int y, m, d, off;

	civil(days, &y, &m, &d);
	outlen += (size_t)sprintf(out + outlen, "\"%04d-%02d-%02dT%02d:%02d:%02d",
	                          y, m, d, (int)(sec / 3600), (int)(sec / 60 % 60),
	                          (int)(sec % 60));
	if (tstyle == 1)
		outlen += (size_t)sprintf(out + outlen, ".%03d", (int)(ms % 1000));
	if (tstyle == 2) {
		off = toffset_min < 0 ? -toffset_min : toffset_min;
		outlen += (size_t)sprintf(out + outlen, "%c%02d:%02d\"",
		                          toffset_min < 0 ? '-' : '+', off / 60, off % 60);
	} else {
		put("Z\"");
	}
}

/* ---------------------------------------------------------------- phrases */

enum { L_EN, L_IT, L_FR, L_ES, L_DE, NLANG };
static const char *const langs[NLANG] = { "en", "it", "fr", "es", "de" };

enum { I_WISMO, I_RETURN, I_REFUND, I_EXCHANGE, I_CANCEL, I_ADDRESS,
       I_DAMAGED, I_PRESALE, I_CLAIM, I_FEEDBACK, I_OTHER, NINTENT };
static const char *const intents[NINTENT] = {
	"wismo", "return", "refund", "exchange", "cancel", "address_change",
	"damaged", "presale", "claim", "feedback", "other"
};

enum { K_GREET, K_CLOSE, K_FILLER, K_AGREET, K_ACLOSE, K_FIXED };
static const char *const fixedkeys[K_FIXED] = {
	"greet", "close", "filler", "agent_greet", "agent_close"
};
#define NKEY (K_FIXED + 3 * NINTENT)
#define K_SUBJ(i) (K_FIXED + 3 * (i))
#define K_IN(i) (K_FIXED + 3 * (i) + 1)
#define K_OUT(i) (K_FIXED + 3 * (i) + 2)

static struct { char **v; unsigned n; } bank[NLANG][NKEY];

static int
keyindex(const char *k)
{
	int i;
	const char *dot;

	for (i = 0; i < K_FIXED; i++)
		if (!strcmp(k, fixedkeys[i]))
			return i;
	dot = strchr(k, '.');
	if (!dot)
		return -1;
	for (i = 0; i < NINTENT; i++) {
		if (strlen(intents[i]) != (size_t)(dot - k) ||
		    strncmp(k, intents[i], (size_t)(dot - k)))
			continue;
		if (!strcmp(dot, ".subj"))
			return K_SUBJ(i);
		if (!strcmp(dot, ".in"))
			return K_IN(i);
		if (!strcmp(dot, ".out"))
			return K_OUT(i);
	}
	return -1;
}

static void
load_phrases(const char *path)
{
	FILE *f = fopen(path, "r");
	char line[4096], *k, *t, *nl;
	int l, ki, lineno = 0;

	if (!f) {
		fprintf(stderr, "gen-tickets: %s: cannot open phrase bank\n", path);
		exit(66);
	}
	while (fgets(line, sizeof line, f)) {
		lineno++;
		if (line[0] == '#' || line[0] == '\n')
			continue;
		if ((nl = strchr(line, '\n')))
			*nl = 0;
		k = strchr(line, '\t');
		t = k ? strchr(k + 1, '\t') : NULL;
		if (!t) {
			fprintf(stderr, "gen-tickets: %s:%d: expected LANG TAB KEY TAB TEXT\n",
			        path, lineno);
			exit(65);
		}
		*k++ = 0;
		*t++ = 0;
		for (l = 0; l < NLANG && strcmp(line, langs[l]); l++)
			;
		ki = keyindex(k);
		if (l == NLANG || ki < 0) {
			fprintf(stderr, "gen-tickets: %s:%d: unknown language or key\n",
			        path, lineno);
			exit(65);
		}
		bank[l][ki].v = realloc(bank[l][ki].v, (bank[l][ki].n + 1) * sizeof(char *));
		if (!bank[l][ki].v || !(bank[l][ki].v[bank[l][ki].n++] = strdup(t))) {
			fprintf(stderr, "gen-tickets: out of memory\n");
			exit(70);
		}
	}
	fclose(f);
	for (l = 0; l < NLANG; l++)
		for (ki = 0; ki < NKEY; ki++)
			if (!bank[l][ki].n) {
				fprintf(stderr, "gen-tickets: %s: no phrase for %s key %d\n",
				        path, langs[l], ki);
				exit(65);
			}
}

static const char *
phrase(int lang, int k)
{
	return bank[lang][k].v[below(bank[lang][k].n)];
}

/* ---------------------------------------------------------------- data */

static const char *const first[NLANG][12] = {
	{ "Maria", "James", "Emily", "Michael", "Sarah", "David", "Jessica", "Chris",
	  "Ashley", "Kevin", "Dana", "Kim" },
	{ "Giulia", "Marco", "Francesca", "Luca", "Chiara", "Alessandro", "Sara",
	  "Matteo", "Valentina", "Davide", "Elena", "Paolo" },
	{ "Camille", "Julien", "Léa", "Thomas", "Chloé", "Nicolas", "Manon",
	  "Antoine", "Élodie", "Hugo", "Inès", "Mathieu" },
	{ "María", "Javier", "Lucía", "Carlos", "Carmen", "Pablo", "Laura",
	  "Sergio", "Marta", "Alejandro", "Nuria", "Diego" },
	{ "Anna", "Lukas", "Laura", "Jonas", "Julia", "Felix", "Lena", "Max",
	  "Sophie", "Jan", "Katharina", "Jürgen" },
};
static const char *const last[NLANG][12] = {
	{ "Gonzalez", "Smith", "Johnson", "Lee", "Patel", "Brown", "Miller",
	  "Davis", "Garcia", "Wilson", "Nguyen", "Taylor" },
	{ "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo",
	  "Ricci", "Marino", "Greco", "Bruno", "Gallo" },
	{ "Martin", "Bernard", "Dubois", "Durand", "Lefèvre", "Moreau", "Laurent",
	  "Simon", "Michel", "Garnier", "Rousseau", "Faure" },
	{ "García", "Fernández", "López", "Martínez", "Sánchez", "Gonzalez",
	  "Pérez", "Gómez", "Ruiz", "Díaz", "Moreno", "Muñoz" },
	{ "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner",
	  "Becker", "Schulz", "Hoffmann", "Koch", "Weiß" },
};
static const char *const ascii_first[NLANG][12] = {
	{ "maria", "james", "emily", "michael", "sarah", "david", "jessica", "chris",
	  "ashley", "kevin", "dana", "kim" },
	{ "giulia", "marco", "francesca", "luca", "chiara", "alessandro", "sara",
	  "matteo", "valentina", "davide", "elena", "paolo" },
	{ "camille", "julien", "lea", "thomas", "chloe", "nicolas", "manon",
	  "antoine", "elodie", "hugo", "ines", "mathieu" },
	{ "maria", "javier", "lucia", "carlos", "carmen", "pablo", "laura",
	  "sergio", "marta", "alejandro", "nuria", "diego" },
	{ "anna", "lukas", "laura", "jonas", "julia", "felix", "lena", "max",
	  "sophie", "jan", "katharina", "juergen" },
};
static const char *const ascii_last[NLANG][12] = {
	{ "gonzalez", "smith", "johnson", "lee", "patel", "brown", "miller",
	  "davis", "garcia", "wilson", "nguyen", "taylor" },
	{ "rossi", "russo", "ferrari", "esposito", "bianchi", "romano", "colombo",
	  "ricci", "marino", "greco", "bruno", "gallo" },
	{ "martin", "bernard", "dubois", "durand", "lefevre", "moreau", "laurent",
	  "simon", "michel", "garnier", "rousseau", "faure" },
	{ "garcia", "fernandez", "lopez", "martinez", "sanchez", "gonzalez",
	  "perez", "gomez", "ruiz", "diaz", "moreno", "munoz" },
	{ "mueller", "schmidt", "schneider", "fischer", "weber", "meyer", "wagner",
	  "becker", "schulz", "hoffmann", "koch", "weiss" },
};
static const char *const phone_prefix[NLANG] = {
	"+1512555", "+39025550", "+33155550", "+34915550", "+49305550"
};

enum { S_ACME_US, S_ACME_EU, S_CASA, S_KIDS, NSTORE };
static const char *const stores[NSTORE] = {
	"acme-us", "acme-eu", "casa-verde", "trailhead-kids"
};
static const char *const currency[NSTORE] = { "USD", "EUR", "EUR", "USD" };

struct product { const char *sku, *title; int cents; };
static const struct product catalog[NSTORE][8] = {
	{ { "PRS-M-SLT", "Packable Rain Shell", 8900 },
	  { "MB-OS-FOR", "Merino Beanie", 2400 },
	  { "TRS-M-CHR", "Trail Runner Sock (2-Pack)", 1250 },
	  { "AFJ-L-NVY", "Alpine Fleece Jacket", 12900 },
	  { "SHB-42-BRN", "Summit Hiking Boot", 17900 },
	  { "RDP-22-OLV", "Ridge Daypack 22L", 6900 },
	  { "DWN-M-RED", "Down Puffer Vest", 11900 },
	  { "HTG-OS-BLK", "Headlamp Trail Glow", 3400 } },
	{ { "PRS-S-SLT", "Packable Rain Shell", 8900 },
	  { "MB-OS-GRY", "Merino Beanie", 2400 },
	  { "AFJ-M-FOR", "Alpine Fleece Jacket", 12900 },
	  { "SHB-39-GRY", "Summit Hiking Boot", 17900 },
	  { "RDP-30-BLK", "Ridge Daypack 30L", 7900 },
	  { "TRS-L-SND", "Trail Runner Sock (2-Pack)", 1250 },
	  { "WSG-M-BLK", "Windstopper Gloves", 3900 },
	  { "THB-1L-STL", "Thermo Bottle 1L", 2900 } },
	{ { "TCV-30-NAT", "Terracotta Vase 30 cm", 4500 },
	  { "LTC-180-SAG", "Linen Tablecloth 180x140", 6900 },
	  { "OWB-L", "Olive Wood Serving Board", 3900 },
	  { "CMS-4-BLU", "Ceramic Mug Set (4)", 3600 },
	  { "RTB-50-NAT", "Rattan Basket", 2900 },
	  { "LNP-2-WHT", "Linen Napkins (set of 6)", 2400 },
	  { "MJB-24-OCH", "Majolica Bowl 24 cm", 3200 },
	  { "CSC-3-IVO", "Cotton Cushion Cover", 1900 } },
	{ { "KRJ-6-YEL", "Kids Rain Jacket", 4900 },
	  { "KBT-28-BLU", "Kids Puddle Boots", 3900 },
	  { "KFL-8-RED", "Kids Fleece Hoodie", 3400 },
	  { "KBP-10-GRN", "Kids School Backpack", 4400 },
	  { "KMT-OS-PNK", "Kids Mittens", 1400 },
	  { "KSL-S-NVY", "Kids Sleeping Bag", 6900 },
	  { "KHT-OS-ORG", "Kids Sun Hat", 1600 },
	  { "KSK-3-MIX", "Kids Wool Socks (3-Pack)", 1800 } },
};

enum { C_AMAZON, C_EBAY, C_SHOPIFY, C_INSTAGRAM, C_FACEBOOK, C_EMAIL,
       C_WALMART, C_TIKTOK, NCHAN };
static const char *const channels[NCHAN] = {
	"amazon", "ebay", "shopify", "instagram", "facebook", "email", "walmart",
	"tiktok"
};
static const unsigned chan_w[NCHAN] = { 26, 10, 14, 12, 8, 18, 7, 5 };
static const char *const source_name[NCHAN] = {
	"amazon-mail", "ebay", "shopify-inbox", "instagram", "messenger", "mail",
	"walmart", "tiktok"
};

static const char *const agents[NSTORE][3] = {
	{ "Lena", "Tom", "Priya" }, { "Jonas", "Claire", "Marco" },
	{ "Sofia", "Inés", "Marco" }, { "Tom", "Paul", "Priya" },
};
static const char *const agent_ids[NSTORE][3] = {
	{ "lena", "tom", "priya" }, { "jonas", "claire", "marco" },
	{ "sofia", "ines", "marco" }, { "tom", "paul", "priya" },
};

static const char *const us_carriers[] = { "UPS", "USPS", "FedEx" };
static const char *const eu_carriers[NLANG][2] = {
	{ "DHL", "DPD" }, { "BRT", "Poste Italiane" }, { "Colissimo", "Chronopost" },
	{ "Correos", "SEUR" }, { "DHL", "Hermes" },
};
static const char *const ship_status[] = {
	"in_transit", "in_transit", "in_transit", "delivered", "delivered",
	"delivered", "delivered", "out_for_delivery", "info_received", "exception",
	"attempt_fail"
};
static const char *const refund_reason[] = {
	"damaged on arrival", "return received", "item not received", "wrong size",
	"customer cancelled", "partial: missing item", "goodwill"
};

/* ---------------------------------------------------------------- ticket */

/* Time window: ten weeks from Monday 2026-09-07 00:00 UTC. */
#define T0 1788739200000LL
#define SPAN (70LL * 86400)  /* seconds */

struct customer {
	int lang, store;
	const char *first, *last, *afirst, *alast;
	uint64_t h;
};

struct ctx {
	struct customer c;
	int chan, intent, store, nmsg;
	char order[40], item[64], carrier[24], tracking[40], days[8];
	const char *agent, *agent_id;
	char name[80];
};

static void
make_customer(uint64_t seed, unsigned long long id, struct customer *c)
{
	static const unsigned lang_w[NLANG] = { 45, 15, 12, 13, 15 };
	static const unsigned store_w[NLANG][NSTORE] = {
		{ 70, 10, 0, 20 }, { 0, 40, 60, 0 }, { 0, 70, 30, 0 },
		{ 20, 30, 50, 0 }, { 0, 80, 0, 20 },
	};
	uint64_t save = rng;
	unsigned a, b;

	rng = mix(seed ^ mix(id + 0x51ed27a3ULL));
	c->h = next();
	c->lang = (int)pick(lang_w, NLANG);
	c->store = (int)pick(store_w[c->lang], NSTORE);
	a = below(12);
	b = below(12);
	c->first = first[c->lang][a];
	c->afirst = ascii_first[c->lang][a];
	c->last = last[c->lang][b];
	c->alast = ascii_last[c->lang][b];
	rng = save;
}

static void
rand_alnum(char *dst, int n, const char *alphabet)
{
	size_t k = strlen(alphabet);
	int i;

	for (i = 0; i < n; i++)
		dst[i] = alphabet[below((unsigned)k)];
	dst[n] = 0;
}

static void
make_order_number(struct ctx *x)
{
	uint64_t h = x->c.h;

	switch (x->chan) {
	case C_AMAZON:
		snprintf(x->order, sizeof x->order, "%03u-%07u-%07u",
		         (unsigned)(111 + below(4)), below(10000000), below(10000000));
		break;
	case C_EBAY:
		snprintf(x->order, sizeof x->order, "%02u-%05u-%05u",
		         10 + below(90), below(100000), below(100000));
		break;
	case C_WALMART:
		snprintf(x->order, sizeof x->order, "2000%011llu",
		         (unsigned long long)(next() % 100000000000ULL));
		break;
	case C_TIKTOK:
		snprintf(x->order, sizeof x->order, "5764%014llu",
		         (unsigned long long)(next() % 100000000000000ULL));
		break;
	default:
		/* the customer's own recent web order, stable across contacts */
		snprintf(x->order, sizeof x->order, "#%u",
		         (unsigned)(1001 + (h >> 20) % 60000 + below(3)));
	}
}

static void
make_tracking(struct ctx *x)
{
	const char *car = (x->store == S_ACME_US || x->store == S_KIDS)
	                  ? ONE(us_carriers) : eu_carriers[x->c.lang][below(2)];

	snprintf(x->carrier, sizeof x->carrier, "%s", car);
	if (!strcmp(car, "UPS")) {
		char s[11];
		rand_alnum(s, 10, "0123456789");
		snprintf(x->tracking, sizeof x->tracking, "1Z999AA1%s", s);
	} else if (!strcmp(car, "USPS")) {
		snprintf(x->tracking, sizeof x->tracking, "9400111202555%09u",
		         below(1000000000));
	} else {
		snprintf(x->tracking, sizeof x->tracking, "%05u%07u", below(100000),
		         below(10000000));
	}
}

/* Writes template t with placeholders replaced, JSON-escaped. */
static void
expand(const struct ctx *x, const char *t)
{
	char name[40];
	const char *e, *v;

	for (; *t; t++) {
		if (*t != '{' || !(e = strchr(t, '}'))) {
			char one[2] = { *t, 0 };
			putesc(one);
			continue;
		}
		snprintf(name, sizeof name, "%.*s", (int)(e - t - 1), t + 1);
		v = !strcmp(name, "order") ? x->order
		  : !strcmp(name, "item") ? x->item
		  : !strcmp(name, "name") ? x->c.first
		  : !strcmp(name, "agent") ? x->agent
		  : !strcmp(name, "carrier") ? x->carrier
		  : !strcmp(name, "tracking") ? x->tracking
		  : !strcmp(name, "days") ? x->days : "";
		putesc(v);
		t = e;
	}
}

static int
social(int chan)
{
	return chan == C_INSTAGRAM || chan == C_FACEBOOK || chan == C_TIKTOK;
}

static void
customer_text(const struct ctx *x, int first_msg)
{
	int l = x->c.lang, in = K_IN(x->intent);

	putch('"');
	if (social(x->chan)) {
		expand(x, phrase(l, in));
		if (chance(20)) {
			putch(' ');
			expand(x, phrase(l, K_CLOSE));
		}
	} else if (!first_msg) {
		expand(x, phrase(l, in));
		if (chance(40)) {
			putch(' ');
			expand(x, phrase(l, K_FILLER));
		}
	} else {
		expand(x, phrase(l, K_GREET));
		put("\\n\\n");
		expand(x, phrase(l, in));
		if (chance(15)) {
			putch(' ');
			expand(x, phrase(l, chance(50) ? K_FILLER : in));
		}
		put("\\n\\n");
		expand(x, phrase(l, K_CLOSE));
		put("\\n");
		putesc(x->c.first);
	}
	putch('"');
}

static void
agent_text(const struct ctx *x)
{
	int l = x->c.lang;

	putch('"');
	expand(x, phrase(l, K_AGREET));
	put(social(x->chan) ? " " : "\\n\\n");
	expand(x, phrase(l, K_OUT(x->intent)));
	if (!social(x->chan) && chance(60)) {
		put("\\n\\n");
		expand(x, phrase(l, K_ACLOSE));
	}
	putch('"');
}

static void
message_id(const struct ctx *x, int n)
{
	char r[24];

	switch (x->chan) {
	case C_AMAZON:
		rand_alnum(r, 16, "0123456789abcdef");
		put("\"0100019");
		put(r);
		put("-000000@email.amazonses.com\"");
		break;
	case C_INSTAGRAM:
		rand_alnum(r, 22, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
		put("\"aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOj");
		put(r);
		put("\"");
		break;
	case C_FACEBOOK:
		rand_alnum(r, 22, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
		put("\"m_");
		put(r);
		put("\"");
		break;
	case C_EBAY: case C_TIKTOK: case C_WALMART:
		rand_alnum(r, 13, "0123456789");
		putstr(r);
		break;
	default:
		rand_alnum(r, 12, "0123456789abcdef");
		outlen += (size_t)sprintf(out + outlen, "\"%s.%d@mail.example.com\"", r, n);
	}
}

static void
put_customer(const struct ctx *x, const char *alias)
{
	const struct customer *c = &x->c;
	int has_email = 0;

	outlen += (size_t)sprintf(out + outlen, ",\"customer\":{\"id\":\"cus_%012llx\"",
	                          (unsigned long long)(c->h & 0xffffffffffffULL));
	key("name");
	putch('"');
	if (x->chan == C_AMAZON && chance(30))
		putesc(c->first);       /* Amazon often shows only the first name */
	else
		outlen += (size_t)sprintf(out + outlen, "%s %s", c->first, c->last);
	putch('"');
	key("emails");
	putch('[');
	if (x->chan == C_AMAZON) {
		outlen += (size_t)sprintf(out + outlen, "\"%s@marketplace.amazon.com\"", alias);
		has_email = 1;
	} else if (x->chan == C_EBAY) {
		outlen += (size_t)sprintf(out + outlen, "\"%s@members.ebay.com\"", alias);
		has_email = 1;
	} else if (x->chan == C_WALMART && (c->h & 3) == 0) {
		put("\"nocxemail@walmartone.com\"");
		has_email = 1;
	} else if (!social(x->chan) || (c->h & 7) < 3) {
		static const char *const dom[] = { "example.com", "example.net", "example.org" };
		outlen += (size_t)sprintf(out + outlen, "\"%s.%s%s@%s\"", c->afirst, c->alast,
		                          (c->h >> 8 & 3) ? "" : "84", dom[c->h >> 12 & 1 ? 0 : (c->h >> 13) % 3]);
		has_email = 1;
	}
	putch(']');
	(void)has_email;
	if ((c->h >> 16 & 7) < 3 && !social(x->chan) && x->chan != C_AMAZON) {
		key("phones");
		outlen += (size_t)sprintf(out + outlen, "[\"%s%04u\"]", phone_prefix[c->lang],
		                          (unsigned)(c->h >> 24 & 0xffff) % 10000);
	}
	size_t mark = outlen;
	key("handles");
	putch('{');
	switch (x->chan) {
	case C_AMAZON: outlen += (size_t)sprintf(out + outlen, "\"amazon\":\"%s\"", alias); break;
	case C_EBAY:
		outlen += (size_t)sprintf(out + outlen, "\"ebay\":\"%s.%s%u\"", c->afirst,
		                          c->alast, (unsigned)(c->h >> 40 & 0xff));
		break;
	case C_INSTAGRAM:
		outlen += (size_t)sprintf(out + outlen, "\"instagram\":\"%llu\"",
		                          (unsigned long long)(7000000000000000ULL + (c->h >> 12) % 999999999999999ULL));
		break;
	case C_FACEBOOK:
		outlen += (size_t)sprintf(out + outlen, "\"facebook\":\"%llu\"",
		                          (unsigned long long)(6000000000000000ULL + (c->h >> 12) % 999999999999999ULL));
		break;
	case C_TIKTOK:
		outlen += (size_t)sprintf(out + outlen, "\"tiktok\":\"%llu\"",
		                          (unsigned long long)(7494000000000000000ULL + (c->h >> 3) % 999999999999999ULL));
		break;
	case C_SHOPIFY: case C_EMAIL:
		if (c->h >> 50 & 1)
			outlen += (size_t)sprintf(out + outlen, "\"shopify\":\"%llu\"",
			                          (unsigned long long)(7011000000000ULL + (c->h >> 20) % 999999999ULL));
		break;
	default: break;
	}
	if (out[outlen - 1] == '{')
		outlen = mark;          /* no handle: leave the member out */
	else
		putch('}');
	putch('}');
}

static void
money(long long cents)
{
	outlen += (size_t)sprintf(out + outlen, "\"%lld.%02lld\"", cents / 100, cents % 100);
}

static void
put_order(struct ctx *x, long long created_ms, const struct product *p, int qty)
{
	long long placed = created_ms - (long long)(2 + below(12)) * 86400000LL -
	                   below(86400) * 1000LL;
	long long shipped = placed + (long long)(1 + below(2)) * 86400000LL;
	const char *st = ONE(ship_status);
	long long cents = (long long)p->cents * qty + (below(3) ? 599 : 0);
	int fulfilled = x->intent != I_CANCEL && x->intent != I_ADDRESS && x->intent != I_PRESALE;

	if (x->intent == I_WISMO && !strcmp(st, "delivered") && chance(70))
		st = "in_transit";
	put(",\"orders\":[{\"id\":");
	if (x->order[0] == '#')
		outlen += (size_t)sprintf(out + outlen, "\"58%011llu\"",
		                          (unsigned long long)(x->c.h % 100000000000ULL));
	else
		putstr(x->order);
	key("number");
	putstr(x->order);
	key("channel");
	putstr(x->order[0] == '#' ? "shopify" : channels[x->chan]);
	key("store");
	putstr(stores[x->store]);
	key("placed_at");
	puttime(placed);
	key("status");
	putstr(!fulfilled ? "unfulfilled" : (strcmp(st, "delivered") ? "shipped" : "delivered"));
	key("total");
	money(cents);
	key("currency");
	putstr(currency[x->store]);
	outlen += (size_t)sprintf(out + outlen, ",\"items\":[{\"sku\":\"%s\",\"title\":",
	                          p->sku);
	putstr(p->title);
	outlen += (size_t)sprintf(out + outlen, ",\"qty\":%d}]", qty);
	if (fulfilled) {
		put(",\"fulfillments\":[{\"carrier\":");
		putstr(x->carrier);
		key("tracking_number");
		putstr(x->tracking);
		key("status");
		putstr(st);
		key("shipped_at");
		puttime(shipped);
		if (!strcmp(st, "delivered")) {
			key("delivered_at");
			puttime(shipped + (long long)(2 + below(4)) * 86400000LL);
		} else {
			key("estimated_at");
			puttime(shipped + (long long)(3 + below(5)) * 86400000LL);
		}
		put("}]");
	}
	if ((x->intent == I_REFUND || x->intent == I_DAMAGED || x->intent == I_RETURN ||
	     x->intent == I_CLAIM) && chance(55)) {
		put(",\"refunds\":[{\"amount\":");
		money(x->intent == I_DAMAGED || chance(30) ? p->cents : cents);
		key("reason");
		putstr(x->intent == I_DAMAGED ? "damaged on arrival" : ONE(refund_reason));
		key("at");
		puttime(created_ms - (long long)below(3 * 86400) * 1000LL);
		put("}]");
	}
	put("}]");
}

static void
put_sla(const struct ctx *x, long long created_ms, long long last_in_ms,
        long long first_out_ms, int status_open)
{
	static const char *const pol[NCHAN] = {
		"amazon-24h", "ebay-3bd", "webshop", "social", "social", "webshop",
		"walmart-48h", "tiktok-12h"
	};
	static const int hours[NCHAN] = { 24, 72, 8, 1, 1, 8, 48, 12 };
	long long due = created_ms + hours[x->chan] * 3600000LL;

	if (x->intent == I_CLAIM)
		due = created_ms + 24 * 3600000LL;
	put(",\"sla\":{\"policy\":");
	putstr(x->intent == I_CLAIM ? "claim" : pol[x->chan]);
	key("first_response_due");
	puttime(due);
	if (status_open) {
		key("next_response_due");
		puttime(last_in_ms + hours[x->chan] * 3600000LL);
	}
	key("resolution_due");
	puttime(created_ms + 5 * 86400000LL);
	if ((first_out_ms < 0 && status_open) || first_out_ms > due)
		put(",\"breached\":[\"first_response\"]");
	putch('}');
}

/* Returns the message times written, to fill in sla and status. */
static void
gen_ticket(uint64_t seed, unsigned long long i, unsigned long long ncust)
{
	static const unsigned intent_w[NINTENT] = { 30, 12, 9, 6, 6, 4, 7, 10, 2, 6, 8 };
	static const unsigned status_w[5] = { 15, 25, 15, 30, 15 };
	static const char *const statuses[5] = { "new", "open", "pending", "solved", "closed" };
	static const unsigned nmsg_w[8] = { 620, 240, 70, 35, 16, 9, 6, 4 };
	struct ctx x;
	char alias[24];
	long long created, at, msgat[8], first_out = -1, last_in = 0;
	int status, n, k, dir, nin = 0, has_order, kind_comment = 0, proactive;
	size_t mark;
	const struct product *p;
	int qty;

	memset(&x, 0, sizeof x);
	rng = mix(seed * 0x100000001b3ULL ^ mix(i));
	make_customer(seed, next() % ncust, &x.c);
	x.store = x.c.store;
	x.chan = (int)pick(chan_w, NCHAN);
	if ((x.chan == C_WALMART || x.chan == C_TIKTOK) && x.store != S_ACME_US &&
	    x.store != S_KIDS)
		x.chan = C_AMAZON;
	if (x.store == S_CASA && (x.chan == C_AMAZON || x.chan == C_EBAY) && chance(60))
		x.chan = C_EMAIL;
	x.intent = (int)pick(intent_w, NINTENT);
	if (x.intent == I_CLAIM && x.chan != C_AMAZON && x.chan != C_EBAY)
		x.intent = I_WISMO;
	k = (int)below(3);
	x.agent = agents[x.store][k];
	x.agent_id = agent_ids[x.store][k];
	p = &catalog[x.store][below(8)];
	qty = chance(80) ? 1 : 2;
	snprintf(x.item, sizeof x.item, "%s", p->title);
	snprintf(x.days, sizeof x.days, "%u", 3 + below(8));
	make_order_number(&x);
	make_tracking(&x);
	{
		uint64_t save = rng;
		rng = x.c.h ^ (uint64_t)x.chan;
		rand_alnum(alias, x.chan == C_EBAY ? 20 : 15,
		           x.chan == C_EBAY ? "0123456789abcdef" : "abcdefghijklmnopqrstuvwxyz0123456789");
		rng = save;
	}
	status = (int)pick(status_w, 5);
	n = 1 + (int)pick(nmsg_w, 8);
	if (status == 0)
		n = n > 2 ? 2 : n;
	proactive = x.chan != C_AMAZON && chance(2);
	kind_comment = social(x.chan) && x.chan != C_TIKTOK && chance(10);
	has_order = x.intent != I_PRESALE && (x.intent != I_FEEDBACK || chance(50)) &&
	            (!kind_comment || chance(30));

	created = T0 + (long long)(next() % (unsigned long long)SPAN) * 1000LL;
	created = created / 1000 * 1000 + below(1000);
	tstyle = (int)pick((const unsigned[]){ 70, 15, 15 }, 3);
	toffset_min = ONE(((const int[]){ 120, 60, -300, -240, 0, 60 }));
	at = created;
	for (k = 0; k < n; k++) {
		msgat[k] = at;
		at += (long long)(60 + below(k % 2 ? 30 * 3600 : 9 * 3600)) * 1000LL + below(1000);
	}

	/* header */
	outlen += (size_t)sprintf(out + outlen, "{\"omni\":1,\"id\":\"t-%012llx\"",
	                          (unsigned long long)(mix(seed + i) & 0xffffffffffffULL));
	key("channel");
	putstr(channels[x.chan]);
	key("store");
	putstr(stores[x.store]);
	put(",\"source\":{\"name\":");
	putstr(source_name[x.chan]);
	key("external_id");
	message_id(&x, 0);
	key("thread_key");
	if (x.chan == C_AMAZON)
		outlen += (size_t)sprintf(out + outlen, "\"%s@marketplace.amazon.com/%s\"",
		                          alias, x.order);
	else
		outlen += (size_t)sprintf(out + outlen, "\"%012llx\"",
		                          (unsigned long long)(mix(i ^ seed ^ 0x7f4a7c15ULL) >> 16));
	if (x.chan == C_EBAY)
		outlen += (size_t)sprintf(out + outlen,
		                          ",\"url\":\"https://mesg.ebay.com/mesgweb/ViewMessages/0?conversationId=2%011u\"",
		                          below(2000000000));
	putch('}');
	key("kind");
	putstr(x.intent == I_CLAIM ? "claim"
	       : proactive ? "proactive"
	       : kind_comment ? "comment"
	       : (x.intent == I_RETURN && (x.chan == C_EBAY || x.chan == C_AMAZON)) ? "return"
	       : "message");
	if (!social(x.chan)) {
		key("subject");
		putch('"');
		if (x.chan == C_AMAZON && x.intent != I_CLAIM) {
			outlen += (size_t)sprintf(out + outlen, "%s from Amazon customer ",
			                          x.intent == I_WISMO ? "Order delivery inquiry"
			                          : x.intent == I_RETURN ? "Return policy inquiry"
			                          : x.intent == I_PRESALE ? "Product details inquiry"
			                          : "Inquiry");
			putesc(x.c.first);
			if (has_order)
				outlen += (size_t)sprintf(out + outlen, " (Order: %s)", x.order);
		} else {
			if (n > 1 && chance(40))
				put("Re: ");
			expand(&x, phrase(x.c.lang, K_SUBJ(x.intent)));
		}
		putch('"');
	}
	key("created_at");
	puttime(msgat[0]);
	key("updated_at");
	puttime(msgat[n - 1]);
	mark = outlen;
	key("status");
	putstr(statuses[status]);
	if (status >= 3) {
		key("solved_at");
		puttime(msgat[n - 1] + (long long)below(3600 * 20) * 1000LL);
	}
	if (stage < 2)
		outlen = mark;          /* fields of later stages are generated, then dropped,
		                         * so every stage draws the same random numbers */
	put_customer(&x, alias);
	if (has_order) {
		key("order_ids");
		putch('[');
		putstr(x.order);
		putch(']');
		if (chance(35)) {
			mark = outlen;
			put_order(&x, created, p, qty);
			if (stage < 1)
				outlen = mark;
		}
	}

	/* messages, alternating in and out; a new ticket has only inbound ones */
	put(",\"messages\":[");
	for (k = 0; k < n; k++) {
		dir = proactive ? (k % 2 == 0) : (k % 2 == 1);
		if (status == 0 || (status == 1 && k == n - 1))
			dir = 0;
		if (status == 2 && k == n - 1)
			dir = 1;
		if (k)
			putch(',');
		put("{\"id\":");
		message_id(&x, k);
		key("direction");
		put(dir ? "\"out\"" : "\"in\"");
		key("author");
		if (!dir) {
			put("\"customer\"");
			nin++;
			last_in = msgat[k];
		} else if (proactive && k == 0) {
			put("\"system\"");
		} else {
			put(x.intent == I_WISMO && chance(25) ? "\"bot\"" : "\"agent\"");
			if (first_out < 0 && nin)
				first_out = msgat[k];
		}
		key("at");
		puttime(msgat[k]);
		key("text");
		if (dir) {
			agent_text(&x);
		} else if (status >= 3 && k == n - 1 && k > 0) {
			putch('"');      /* the customer's last word on a solved ticket */
			expand(&x, phrase(x.c.lang, K_CLOSE));
			putch('"');
		} else {
			customer_text(&x, nin == 1);
		}
		if (!dir && k == 0 && x.intent == I_DAMAGED && chance(60))
			outlen += (size_t)sprintf(out + outlen,
			                          ",\"attachments\":[{\"filename\":\"IMG_%04u.jpg\","
			                          "\"content_type\":\"image/jpeg\",\"size\":%u}]",
			                          below(10000), 80000 + below(3000000));
		key("channel");
		putstr(channels[x.chan]);
		putch('}');
	}
	putch(']');

	/* routing */
	mark = outlen;
	{
		int neg = x.intent == I_CLAIM || x.intent == I_DAMAGED ||
		          (x.intent == I_WISMO && (n > 2 || chance(40))) ||
		          (x.intent == I_REFUND && chance(50));
		int score = 30 + (neg ? 20 : 0) + (x.intent == I_CLAIM ? 45 : 0) +
		            (social(x.chan) ? 10 : 0) + (x.chan == C_AMAZON ? 10 : 0) +
		            (int)below(15) - (x.intent == I_FEEDBACK ? 25 : 0);
		if (score > 100)
			score = 100;
		if (score < 0)
			score = 0;
		key("lang");
		putstr(langs[x.c.lang]);
		key("intent");
		putstr(intents[x.intent]);
		key("sentiment");
		putstr(x.intent == I_FEEDBACK ? "positive" : neg ? "negative" : "neutral");
		key("priority");
		putstr(score >= 85 ? "urgent" : score >= 65 ? "high" : score >= 35 ? "normal" : "low");
		key("priority_score");
		putnum(score);
		key("queue");
		putstr(x.intent == I_CLAIM ? "claims"
		       : (x.intent == I_RETURN || x.intent == I_REFUND || x.intent == I_EXCHANGE) ? "returns"
		       : social(x.chan) ? "social"
		       : (x.chan == C_AMAZON || x.chan == C_EBAY || x.chan == C_WALMART) ? "marketplaces"
		       : x.store == S_CASA ? "casa-verde" : "webshop");
		key("assignee");
		if (status == 0 && chance(70))
			put("null");
		else
			putstr(x.agent_id);
		put(",\"tags\":[");
		putstr(intents[x.intent]);
		if (nin > 1)
			put(",\"repeat-contact\"");
		if ((x.c.h >> 44 & 31) == 0)
			put(",\"vip\"");
		putch(']');
		if (nin)
			put_sla(&x, msgat[0], last_in, first_out, status < 3);
	}
	if (stage < 2)
		outlen = mark;
	if (status >= 3 && (x.chan == C_EMAIL || x.chan == C_SHOPIFY || x.chan == C_EBAY) &&
	    chance(25)) {
		int sc = (int)pick((const unsigned[]){ 5, 4, 8, 25, 58 }, 5) + 1;
		outlen += (size_t)sprintf(out + outlen, ",\"csat\":{\"score\":%d,\"scale\":5,\"at\":", sc);
		puttime(msgat[n - 1] + 86400000LL);
		if (chance(40)) {
			key("comment");
			putstr(sc >= 4 ? "Quick and friendly, thanks!" : "Took too long to get an answer.");
		}
		putch('}');
	}
	put("}\n");
}

int
main(int argc, char **argv)
{
	char *end = NULL, path[4096];
	const char *env = getenv("GEN_PHRASES"), *slash;
	unsigned long long n, i, ncust = 0;
	uint64_t seed = 1;

	while (argc > 1 && (!strncmp(argv[1], "--stage=", 8) ||
	                    !strncmp(argv[1], "--customers=", 12))) {
		if (argv[1][2] == 'c') {
			ncust = strtoull(argv[1] + 12, &end, 10);
			if (*end || end == argv[1] + 12 || !ncust) {
				fprintf(stderr, "gen-tickets: --customers must be a number above 0\n");
				return 64;
			}
		} else {
			const char *st = argv[1] + 8;
			stage = !strcmp(st, "fetch") ? 0 : !strcmp(st, "link") ? 1
			      : !strcmp(st, "route") ? 2 : -1;
			if (stage < 0) {
				fprintf(stderr, "gen-tickets: stage must be fetch, link or route\n");
				return 64;
			}
		}
		argv[1] = argv[0];
		argv++;
		argc--;
	}
	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: gen-tickets [--stage=fetch|link|route] [--customers=N] N [SEED]\n");
		return 64;
	}
	n = strtoull(argv[1], &end, 10);
	if (*end || end == argv[1]) {
		fprintf(stderr, "gen-tickets: N must be a number\n");
		return 64;
	}
	if (argc == 3) {
		seed = strtoull(argv[2], &end, 10);
		if (*end || end == argv[2]) {
			fprintf(stderr, "gen-tickets: SEED must be a number\n");
			return 64;
		}
	}
	if (env && *env) {
		snprintf(path, sizeof path, "%s", env);
	} else {
		/* bench/bin/gen-tickets -> bench/gen/phrases.txt */
		slash = strrchr(argv[0], '/');
		snprintf(path, sizeof path, "%.*s%s../gen/phrases.txt",
		         slash ? (int)(slash - argv[0]) : 0, argv[0], slash ? "/" : "");
	}
	load_phrases(path);
	/* about one customer for every three tickets, so some come back */
	if (!ncust)
		ncust = n / 3 + 1;
	for (i = 0; i < n; i++) {
		gen_ticket(seed, i, ncust);
		if (outlen >= OUTCAP)
			flush_out();
	}
	flush_out();
	if (fflush(stdout) || ferror(stdout)) {
		perror("gen-tickets: write");
		return 74;
	}
	return 0;
}
