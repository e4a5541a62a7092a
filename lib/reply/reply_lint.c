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
		for (const char *p = strstr(text, words[i]); p; p = strstr(p + 1, words[i])) {
			int before = p == text || !isalnum((unsigned char)p[-1]);
			int after = !isalnum((unsigned char)p[n]);
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
	"positive bewertung", "5 sterne", "bewertung abgeben", NULL,
};

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
	if (is(ch, "amazon") || is(ch, "walmart")) {
		char *low = strdup(in->text);
		for (char *q = low; q && *q; q++)
			if (*q >= 'A' && *q <= 'Z')
				*q = (char)(*q - 'A' + 'a');
		if (low && (w = find_word(low, marketing_words)))
			add(reasons, "marketing", "'%s' reads as marketing", w);
		if (low && is(ch, "amazon") && (w = find_word(low, review_words)))
			add(reasons, "review", "'%s' asks for a review or rewards one", w);
		free(low);
	}
	if (is(ch, "amazon"))
		check_amazon(in, reasons);
	if (is(ch, "instagram") || is(ch, "facebook") || is(ch, "messenger"))
		check_window(in, reasons, tag);
	return (int)(json_array_size(reasons) - before);
}
