/* reply_lint.c - what each channel forbids in a seller's reply (Amazon's
 * buyer-seller messaging guidelines, eBay's and Walmart's rules on
 * off-platform contact, Meta's messaging window), checked before a send. */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "reply/reply.h"

#define HOUR_MS (3600LL * 1000)
#define AMAZON_MAX_ATTACHMENTS 10
#define AMAZON_MAX_ATTACHMENT_BYTES (10L * 1024 * 1024)

static int
is(const char *channel, const char *name)
{
	return channel && strcmp(channel, name) == 0;
}

static void
add(json_t *reasons, const char *rule, const char *fmt, const char *arg)
{
	char msg[400], full[512];
	snprintf(msg, sizeof msg, fmt, arg);
	snprintf(full, sizeof full, "%s: %s", rule, msg);
	json_array_append_new(reasons, json_string(full));
}

/* Is the link's host the platform's own? */
static int
platform_host(const char *channel, const char *url)
{
	const char *h = strstr(url, "://");
	char host[256];
	size_t n;

	h = h ? h + 3 : url;
	n = strcspn(h, "/?#:");
	if (n >= sizeof host)
		return 0;
	for (size_t i = 0; i < n; i++)
		host[i] = (char)tolower((unsigned char)h[i]);
	host[n] = '\0';
	const char *dom = is(channel, "ebay") ? "ebay." : is(channel, "walmart") ? "walmart." : NULL;
	if (!dom)
		return 0;
	const char *at = strstr(host, dom);
	return at && (at == host || at[-1] == '.');
}

static int
needed(const omni_lint_in *in, const char *url)
{
	for (size_t i = 0; i < in->nlinks; i++)
		if (in->links[i] && strcmp(in->links[i], url) == 0)
			return 1;
	return platform_host(in->channel, url);
}

static void
check_links(const omni_lint_in *in, json_t *reasons)
{
	const char *p = in->text;

	while (*(p += strcspn(p, "hHwW"))) {     /* a link starts with one */
		if (strncasecmp(p, "http://", 7) && strncasecmp(p, "https://", 8) &&
		    !(strncasecmp(p, "www.", 4) == 0 && (p == in->text || !isalnum((unsigned char)p[-1])))) {
			p++;
			continue;
		}
		size_t n = strcspn(p, " \t\r\n<>\"'()[]");
		while (n && strchr(".,;:!?", p[n - 1]))
			n--;
		char *url = strndup(p, n);
		if (url && !needed(in, url))
			add(reasons, "link", "%s is not a link the order needs", url);
		free(url);
		p += n ? n : 1;
	}
}

static void
check_emails(const omni_lint_in *in, json_t *reasons)
{
	const char *t = in->text;

	for (const char *at = strchr(t, '@'); at; at = strchr(at + 1, '@')) {
		const char *a = at, *b = at + 1;
		while (a > t && (isalnum((unsigned char)a[-1]) || strchr("._%+-", a[-1])))
			a--;
		while (*b && (isalnum((unsigned char)*b) || *b == '.' || *b == '-'))
			b++;
		while (b > at + 1 && b[-1] == '.')
			b--;
		const char *dot = memchr(at + 1, '.', (size_t)(b - at - 1));
		if (a == at || !dot || dot == at + 1 || b - dot < 3)
			continue;
		char *addr = strndup(a, (size_t)(b - a));
		if (addr)
			add(reasons, "email", "an e-mail address (%s) is off-platform contact", addr);
		free(addr);
	}
}

/* Digits of s that are one of the order's own numbers are no phone. */
static int
known_number(const omni_lint_in *in, const char *digits)
{
	for (size_t i = 0; i < in->nids; i++) {
		char d[64];
		size_t k = 0;
		for (const char *q = in->ids[i]; q && *q && k + 1 < sizeof d; q++)
			if (isdigit((unsigned char)*q))
				d[k++] = *q;
		d[k] = '\0';
		if (k && strstr(d, digits))
			return 1;
	}
	return 0;
}

static void
check_phones(const omni_lint_in *in, json_t *reasons)
{
	const char *p = in->text;

	while (*(p += strcspn(p, "0123456789+("))) {   /* a number starts with one */
		if (!(isdigit((unsigned char)*p) || ((*p == '+' || *p == '(') && isdigit((unsigned char)p[1]))) ||
		    (p > in->text && (isalnum((unsigned char)p[-1]) || p[-1] == '-' || p[-1] == '#'))) {
			p++;
			continue;
		}
		const char *q = p, *last = p;
		char digits[32];
		size_t nd = 0, seps = 0, inner = 0;
		for (; *q && (isdigit((unsigned char)*q) || strchr("+-. ()/", *q)); q++)
			if (isdigit((unsigned char)*q)) {
				if (nd + 1 < sizeof digits)
					digits[nd] = *q;
				nd++;
				last = q + 1;
				inner = seps;
			} else if (*q != ' ' || q[1] != ' ') {
				seps += q > p;
			} else {
				break;
			}
		q = last;             /* what follows the last digit is not part of it */
		seps = inner;
		digits[nd < sizeof digits ? nd : sizeof digits - 1] = '\0';
		/* a date (2026-11-26, 26.11.2026) is no phone number */
		int date = nd == 8 && seps == 2 && (q - p == 10);
		if (nd >= 7 && nd <= 15 && (*p == '+' || seps) && !date && !isalpha((unsigned char)*q) &&
		    !known_number(in, digits)) {
			char *num = strndup(p, (size_t)(q - p));
			while (num && *num && strchr(" .-/", num[strlen(num) - 1]))
				num[strlen(num) - 1] = '\0';
			add(reasons, "phone", "a phone number (%s) is off-platform contact", num ? num : "");
			free(num);
		}
		p = q > p ? q : p + 1;
	}
}

/* Words (lowercase) found as words ("sale" but not "wholesale") in text
 * already lowercased (ASCII letters): the first of the list that is
 * there.  One pass over the text, trying at each start of a word the
 * words that begin with its byte. */
static const char *
find_word(const char *text, const char *const *words)
{
	for (size_t i = 0; words[i]; i++) {
		size_t n = strlen(words[i]);
		/* a word that starts or ends with a sign ("% off") has no
		 * boundary there: "20% off" */
		int open = !isalnum((unsigned char)words[i][0]);
		int close = !isalnum((unsigned char)words[i][n - 1]);
		for (const char *p = strstr(text, words[i]); p; p = strstr(p + 1, words[i])) {
			int before = open || p == text || !isalnum((unsigned char)p[-1]);
			int after = close || !isalnum((unsigned char)p[n]);
			if (before && after)
				return words[i];
		}
	}
	return NULL;
}

static const char *const marketing_words[] = {
	"discount", "coupon", "promo code", "promotion", "sale", "% off", "newsletter",
	"subscribe", "follow us", "visit our store", "visit our website", "our website",
	"new collection", "special offer", "sconto", "codice sconto", "offerta speciale",
	"iscriviti", "seguici", "réduction", "code promo", "offre spéciale", "abonnez-vous",
	"suivez-nous", "descuento", "cupón", "oferta especial", "suscríbete", "síguenos",
	"rabatt", "gutschein", "sonderangebot", "abonnieren", "folgen sie uns", NULL,
};

static const char *const review_words[] = {
	"positive review", "positive feedback", "5-star", "five-star", "5 star", "five star",
	"leave a review", "leave us a review", "in exchange for a review", "for a review",
	"recensione positiva", "5 stelle", "lascia una recensione", "avis positif", "5 étoiles",
	"laissez un avis", "reseña positiva", "5 estrellas", "deja una reseña",
	"positive bewertung", "5 sterne", "bewertung abgeben",
	/* any request for feedback or a review, not only a rewarded one */
	"feedback", "a review", "review us", "your review", "write a review", "leaving a review",
	"rate us", "rate your", "rating", "recensione", "recensioni", "valutazione", "valutarci",
	"un avis", "votre avis", "laisser un avis", "évaluation", "évaluer", "reseña", "reseñas",
	"valoración", "valorar", "valorarnos", "su opinión", "bewertung", "bewertungen",
	"bewerten", "rezension", NULL,
};

/* eBay's feedback rules: a seller may ask for feedback, not for positive
 * feedback, not in exchange for something, not to revise it. */
static const char *const ebay_feedback_words[] = {
	"positive feedback", "5-star feedback", "five-star feedback", "5 star feedback",
	"leave positive", "in exchange for feedback", "in exchange for positive",
	"revise your feedback", "change your feedback", "feedback positivo",
	"feedback positivi", "modificare il feedback", "évaluation positive",
	"commentaire positif", "modifier votre évaluation", "valoración positiva",
	"votos positivos", "cambiar la valoración", "positive bewertung",
	"bewertung ändern", "positives feedback", NULL,
};

/* Coupons and discounts, in the five languages. */
static const char *const discount_words[] = {
	"% discount", "off your next", "your next order", "your next purchase",
	"promo", "voucher", "coupon", "% di sconto", "buono sconto", "prossimo ordine",
	"prossimo acquisto", "% de réduction", "% de remise", "bon de réduction", "remise",
	"prochaine commande", "prochain achat", "% de descuento", "cupón", "código de descuento",
	"próximo pedido", "próxima compra", "% rabatt", "rabattcode", "gutscheincode",
	"nächste bestellung", "nächsten bestellung", "nächsten einkauf", NULL,
};

/* Invitations to buy outside the marketplace, in the five languages. */
static const char *const off_platform_words[] = {
	"order directly", "buy directly", "purchase directly", "directly from us",
	"directly through us", "from our website", "on our website", "from our shop",
	"our online shop", "our online store", "our own shop", "our own store", "our webshop",
	"outside ebay", "outside of ebay", "outside amazon", "outside of amazon", "off ebay",
	"off amazon", "skip ebay", "skip amazon", "avoid ebay", "avoid amazon", "ebay fees",
	"ebay's fees", "amazon fees", "amazon's fees", "without the fees", "pay us directly",
	"direttamente da noi", "sul nostro sito", "dal nostro sito", "nostro negozio online",
	"fuori da ebay", "fuori da amazon", "commissioni di ebay", "commissioni ebay",
	"commissioni di amazon", "senza commissioni", "ordinare direttamente",
	"acquistare direttamente", "directement chez nous", "directement auprès de nous",
	"sur notre site", "notre boutique en ligne", "en dehors d'ebay", "en dehors d'amazon",
	"hors ebay", "hors amazon", "frais ebay", "frais d'ebay", "frais d'amazon",
	"sans les frais", "commander directement", "acheter directement",
	"directamente con nosotros", "directamente a nosotros", "en nuestra web",
	"en nuestra tienda online", "nuestra página web", "fuera de ebay", "fuera de amazon",
	"comisiones de ebay", "comisiones de amazon", "sin comisiones", "comprar directamente",
	"pedir directamente", "direkt bei uns", "in unserem shop", "in unserem onlineshop",
	"über unsere website", "auf unserer website", "außerhalb von ebay",
	"außerhalb von amazon", "ebay-gebühren", "ebay gebühren", "amazon-gebühren",
	"ohne gebühren", "direkt bestellen", "direkt kaufen", NULL,
};

/* A coupon code after a word that announces one: "code SAVE20". */
static void
check_codes(const omni_lint_in *in, json_t *reasons)
{
	const char *text = in->text;

	static const char *const intro[] = { "code", "codice", "código", "gutschein", "gutscheincode",
	                                     "rabattcode", "coupon", "cupón", "voucher", NULL };

	for (const char *p = text; *p; p++) {
		if (!strchr("cCgGrRvV", *p) || (p > text && isalnum((unsigned char)p[-1])))
			continue;     /* the first letters of intro */
		for (int i = 0; intro[i]; i++) {
			size_t n = strlen(intro[i]);
			if (strncasecmp(p, intro[i], n) != 0 || isalnum((unsigned char)p[n]))
				continue;
			const char *q = p + n;
			q += strspn(q, " :\"'«»");
			size_t k = 0;
			int letters = 0, digits = 0, upper = 1;
			for (; isalnum((unsigned char)q[k]) || q[k] == '-'; k++) {
				letters += isalpha((unsigned char)q[k]) != 0;
				digits += isdigit((unsigned char)q[k]) != 0;
				upper &= !islower((unsigned char)q[k]);
			}
			if (k >= 4 && k <= 20 && letters && upper) {
				char code[24];
				int known = 0;
				snprintf(code, sizeof code, "%.*s", (int)k, q);
				for (size_t j = 0; j < in->nids; j++)   /* an order or tracking number */
					known |= in->ids[j] && strstr(in->ids[j], code) != NULL;
				if (known || !digits)
					continue;
				add(reasons, "coupon", "'%s' is a coupon code", code);
				return;
			}
		}
	}
}

static int
among(const char *w, const char *const *list)
{
	for (size_t i = 0; list[i]; i++)
		if (w[0] == list[i][0] && strcmp(w, list[i]) == 0)
			return 1;
	return 0;
}

static const char *const at_words[] = { "at", "chiocciola", "arobase", "arroba", "ät",
                                        "klammeraffe", NULL };
static const char *const dot_words[] = { "dot", "punto", "point", "punkt", NULL };
static const char *const digit_words[] = {
	"zero", "oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
	"uno", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove",
	"un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "zéro",
	"cero", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve",
	"null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", NULL,
};

/* Contact details written so as to slip past a filter: "help [at] shop
 * [dot] example", "(dot)", "help at shop dot example", a phone number
 * spelled out in words.  low: the text lowercased. */
static void
check_obfuscated(const char *low, json_t *reasons)
{
	static const char *const marks[] = {
		"[at]", "(at)", "{at}", "<at>", "[@]", "(@)", "[dot]", "(dot)", "{dot}", "<dot>",
		"[.]", "(.)", "[punto]", "(punto)", "[point]", "(point)", "[punkt]", "(punkt)",
		"[chiocciola]", "(chiocciola)", "[arobase]", "(arobase)", "[arroba]", "(arroba)", NULL,
	};
	char words[64][32];
	size_t n = 0, run = 0, spelled = 0;

	for (int i = 0; marks[i]; i++)
		if (strstr(low, marks[i])) {
			add(reasons, "contact", "'%s' spells out an address: off-platform contact", marks[i]);
			return;
		}
	/* word by word: WORD at WORD dot WORD, and runs of digit words */
	for (const char *p = low; *p;) {
		while (*p && !(isalnum((unsigned char)*p) || (unsigned char)*p >= 0x80))
			p++;
		size_t k = 0;
		while (p[k] && (isalnum((unsigned char)p[k]) || (unsigned char)p[k] >= 0x80 ||
		                p[k] == '-' || p[k] == '_'))
			k++;
		if (!k)
			break;
		size_t m = k < 31 ? k : 31;
		memcpy(words[n % 64], p, m);
		words[n % 64][m] = '\0';
		const char *w = words[n % 64];
		if (n >= 4 && among(words[(n - 1) % 64], dot_words) && among(words[(n - 3) % 64], at_words)) {
			char shown[128];
			snprintf(shown, sizeof shown, "%s %s %s %s %s", words[(n - 4) % 64],
			         words[(n - 3) % 64], words[(n - 2) % 64], words[(n - 1) % 64], w);
			add(reasons, "contact", "'%s' spells out an address: off-platform contact", shown);
			return;
		}
		int digit = among(w, digit_words), number = 1;
		for (size_t i = 0; i < k; i++)
			number &= isdigit((unsigned char)p[i]) != 0;
		if (digit || (number && run)) {
			run += digit ? 1 : k;
			spelled += digit;
			if (run >= 7 && spelled >= 3) {
				add(reasons, "contact", "%s", "a phone number spelled out in words: off-platform contact");
				return;
			}
		} else {
			run = spelled = 0;
		}
		n++;
		p += k;
	}
}

/* The first emoji's code point, or 0. */
static unsigned long
find_emoji(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p) {
		unsigned long c;
		int n;
		if (*p < 0x80) {      /* no emoji is ASCII */
			p++;
			continue;
		}
		else if ((*p & 0xe0) == 0xc0) { c = *p & 0x1f; n = 2; }
		else if ((*p & 0xf0) == 0xe0) { c = *p & 0x0f; n = 3; }
		else { c = *p & 0x07; n = 4; }
		for (int i = 1; i < n && p[i]; i++)
			c = (c << 6) | (p[i] & 0x3f);
		if ((c >= 0x1f000 && c <= 0x1faff) || (c >= 0x2600 && c <= 0x27bf) ||
		    (c >= 0x2b00 && c <= 0x2bff) || c == 0xfe0f || c == 0x200d)
			return c;
		for (int i = 0; i < n && *p; i++)
			p++;
	}
	return 0;
}

static void
check_amazon(const omni_lint_in *in, json_t *reasons)
{
	unsigned long e = find_emoji(in->text);
	char buf[64];

	if (e) {
		snprintf(buf, sizeof buf, "U+%04lX", e);
		add(reasons, "emoji", "no emojis in Amazon messages (%s)", buf);
	}
	if (in->kind && strcmp(in->kind, "proactive") == 0 &&
	    (!in->order_id || !*in->order_id || !strstr(in->text, in->order_id)))
		add(reasons, "order-id", "a proactive message must name its order%s",
		    in->order_id && *in->order_id ? " id" : " id, and the ticket has none");
	if (in->nattachments > AMAZON_MAX_ATTACHMENTS) {
		snprintf(buf, sizeof buf, "%zu", in->nattachments);
		add(reasons, "attachments", "%s attachments; Amazon takes at most 10", buf);
	}
	if (in->attachment_bytes > AMAZON_MAX_ATTACHMENT_BYTES) {
		snprintf(buf, sizeof buf, "%zu", in->attachment_bytes);
		add(reasons, "attachments", "%s bytes of attachments; Amazon takes at most 10 MB", buf);
	}
	static const char *const types[] = { "application/pdf", "image/jpeg", "image/png",
		"image/gif", "text/plain", "application/msword",
		"application/vnd.openxmlformats-officedocument.wordprocessingml.document", NULL };
	for (size_t i = 0; i < in->ntypes; i++) {
		int ok = 0;
		for (size_t k = 0; types[k]; k++)
			ok |= in->attachment_types[i] && strcasecmp(types[k], in->attachment_types[i]) == 0;
		if (!ok)
			add(reasons, "attachments", "Amazon does not take %s attachments",
			    in->attachment_types[i] ? in->attachment_types[i] : "untyped");
	}
}

static void
check_window(const omni_lint_in *in, json_t *reasons, const char **tag)
{
	char buf[64];

	if (!in->has_inbound) {
		add(reasons, "window", "%s", "no customer message to answer: the channel takes no message first");
		return;
	}
	long long age = (long long)(in->now - in->last_inbound);
	if (age <= 24 * HOUR_MS)
		return;
	snprintf(buf, sizeof buf, "%lld", age / HOUR_MS);
	if (age <= 7 * 24 * HOUR_MS && in->human) {
		if (tag)
			*tag = "HUMAN_AGENT";
		return;
	}
	if (age <= 7 * 24 * HOUR_MS)
		add(reasons, "window", "the customer wrote %s hours ago: past the 24-hour window; a person may answer within 7 days", buf);
	else
		add(reasons, "window", "the customer wrote %s hours ago: past the 7-day human agent window", buf);
}

int
omni_reply_lint_needs(const char *ch)
{
	if (is(ch, "amazon") || is(ch, "ebay") || is(ch, "walmart"))
		return OMNI_LINT_ORDER;
	if (is(ch, "instagram") || is(ch, "facebook") || is(ch, "messenger"))
		return OMNI_LINT_WINDOW;
	return 0;
}

/* Each check below is for channels omni_reply_lint_needs names. */
int
omni_reply_lint(const omni_lint_in *in, json_t *reasons, const char **tag)
{
	size_t before = json_array_size(reasons);
	const char *w;
	const char *ch = in->channel;

	if (tag)
		*tag = NULL;
	if (!in->text)
		return 0;
	if (is(ch, "amazon") || is(ch, "ebay") || is(ch, "walmart"))
		check_links(in, reasons);
	if (is(ch, "amazon") || is(ch, "ebay")) {
		check_emails(in, reasons);
		check_phones(in, reasons);
	}
	char *low = strdup(in->text);
	for (unsigned char *q = (unsigned char *)low; q && *q; q++)
		if (*q >= 'A' && *q <= 'Z')
			*q = (unsigned char)(*q - 'A' + 'a');
		else if (*q == 0xc3 && q[1] >= 0x80 && q[1] <= 0x9e && q[1] != 0x97)
			*++q += 0x20;     /* À-Þ: Über, Évaluation */
	if (low && (is(ch, "amazon") || is(ch, "walmart"))) {
		if ((w = find_word(low, marketing_words)))
			add(reasons, "marketing", "'%s' reads as marketing", w);
		if (is(ch, "amazon") && (w = find_word(low, review_words)))
			add(reasons, "review", "'%s' asks for a review or rewards one", w);
		if (is(ch, "amazon") && (w = find_word(low, discount_words)))
			add(reasons, "coupon", "'%s' offers a discount", w);
		if (is(ch, "amazon"))
			check_codes(in, reasons);
	}
	if (low && is(ch, "ebay") && (w = find_word(low, ebay_feedback_words)))
		add(reasons, "feedback", "'%s' asks for positive feedback or a change to it", w);
	if (low && (is(ch, "amazon") || is(ch, "ebay"))) {
		check_obfuscated(low, reasons);
		if ((w = find_word(low, off_platform_words)))
			add(reasons, "off-platform", "'%s' invites the buyer to buy off the marketplace", w);
	}
	free(low);
	if (is(ch, "amazon"))
		check_amazon(in, reasons);
	if (is(ch, "instagram") || is(ch, "facebook") || is(ch, "messenger"))
		check_window(in, reasons, tag);
	return (int)(json_array_size(reasons) - before);
}
