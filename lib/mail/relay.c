/*
 * relay.c - marketplace mail: who wrote it, about which order, and the
 * buyer's own words without the marketplace's wrapping.
 *
 * Amazon buyer messages come from a per-seller relay alias
 * (<alias>@marketplace.amazon.<tld>) with the buyer's text between
 * "Begin message" and "End message" marker lines.  A-to-z Guarantee claims
 * and chargebacks come from Amazon's own addresses.  eBay member messages
 * come from <alias>@members.ebay.<tld>; the user name shows in the subject
 * ("dana_b sent a message about ...") or the body ("from: dana_b"), in
 * shapes that vary, so each probe is tolerant and the alias is the
 * fallback.  (CHANNELS.md sections 2, 3 and 8.)
 *
 * Every EU marketplace (amazon.de, .fr, .it, .es, .co.uk) writes its
 * markers, footers and claim notices in its own language: the markers are
 * lines of dashes around words ("------------- Inizio messaggio
 * -------------"), recognised by their words in English, German, French,
 * Italian, Spanish, Dutch, Polish and Swedish, and by their shape when the
 * words are not known.
 *
 * Walmart forwards a customer's mail from its own domains (walmart.com,
 * wal-mart.com, walmartone.com and their subdomains) with the customer
 * order number (13 to 15 digits) in the subject or the text; mail from
 * Walmart without one is Walmart's own news, plain e-mail.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mail/mail.h"
#include "order/order.h"

static const char *domain_of(const char *addr)
{
	const char *at = addr ? strrchr(addr, '@') : NULL;
	return at ? at + 1 : NULL;
}

static int starts(const char *s, const char *prefix)
{
	return s && strncasecmp(s, prefix, strlen(prefix)) == 0;
}

/* Is addr at "<sub>.<name>.<tld...>", e.g. marketplace.amazon.co.uk? */
static int at_domain(const char *addr, const char *prefix)
{
	return starts(domain_of(addr), prefix);
}

/* amazon.com, amazon.co.uk, amazon.de, or a subdomain of one of them. */
static int amazon_itself(const char *addr)
{
	const char *d = domain_of(addr);
	return d && !starts(d, "marketplace.amazon.") &&
	       (starts(d, "amazon.") || strstr(d, ".amazon."));
}

/* The first 3-7-7 id in s (new) or NULL. */
static char *amazon_order(const char *s)
{
	json_t *ids = json_array();
	char *id = NULL;
	size_t i;
	json_t *v;

	omni_order_ids_find(s, ids);
	json_array_foreach(ids, i, v) {
		const char *t = json_string_value(v);
		if (strlen(t) == 19 && t[3] == '-' && t[11] == '-') {
			id = strdup(t);
			break;
		}
	}
	json_decref(ids);
	return id;
}

static char *trim_dup(const char *s, size_t n)
{
	while (n && isspace((unsigned char)*s))
		s++, n--;
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	return strndup(s, n);
}

/* The start of the line in text that contains needle (case-insensitive),
 * and *next the start of the line after it; NULL when none. */
static const char *line_with(const char *text, const char *needle,
                             const char **next)
{
	const char *p = strcasestr(text, needle), *bol, *nl;

	if (!p)
		return NULL;
	for (bol = p; bol > text && bol[-1] != '\n'; bol--)
		;
	nl = strchr(p, '\n');
	*next = nl ? nl + 1 : p + strlen(p);
	return bol;
}

/* The words of Amazon's marker lines, lowercase (ASCII case only). */
static const char *const begin_words[] = {
	"begin message", "beginn der nachricht", "d\xc3\xa9" "but du message",
	"debut du message", "inizio messaggio", "inizio del messaggio",
	"comienzo del mensaje", "inicio del mensaje", "begin bericht",
	"pocz\xc4\x85tek wiadomo\xc5\x9b" "ci", "b\xc3\xb6rjan p\xc3\xa5 meddelandet", NULL
};
static const char *const end_words[] = {
	"end message", "end of message", "ende der nachricht", "fin du message",
	"fine messaggio", "fine del messaggio", "fin del mensaje", "einde bericht",
	"koniec wiadomo\xc5\x9b" "ci", "slut p\xc3\xa5 meddelandet", NULL
};

/* Is the line at s (up to its newline) "---- words ----", at least three
 * dashes each side?  With words (may be NULL): one of them inside. */
static int marker_line(const char *s, const char *const *words)
{
	const char *e = strchr(s, '\n'), *p = s, *q;
	char buf[160];
	size_t n;

	if (!e)
		e = s + strlen(s);
	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	for (q = e; q > p && isspace((unsigned char)q[-1]); q--)
		;
	if (q - p < 8 || strncmp(p, "---", 3) != 0 || strncmp(q - 3, "---", 3) != 0)
		return 0;
	while (p < q && (*p == '-' || *p == ' '))
		p++;
	while (q > p && (q[-1] == '-' || q[-1] == ' '))
		q--;
	if (p == q || (n = (size_t)(q - p)) >= sizeof buf)
		return 0;
	if (!words)
		return 1;
	memcpy(buf, p, n);
	buf[n] = '\0';
	for (int i = 0; words[i]; i++)
		if (strcasestr(buf, words[i]))
			return 1;
	return 0;
}

/* The first marker line at or after s (of words, or any when NULL), and
 * *next the line after it; NULL when none. */
static const char *next_marker(const char *s, const char *const *words,
                               const char **next)
{
	for (const char *l = s; *l; ) {
		const char *nl = strchr(l, '\n');
		if (marker_line(l, words)) {
			*next = nl ? nl + 1 : l + strlen(l);
			return l;
		}
		if (!nl)
			break;
		l = nl + 1;
	}
	return NULL;
}

/* Lines that start Amazon's wrapping after the buyer's words, in each
 * marketplace's language. */
static const char *const amazon_footers[] = {
	"For Your Information:", "Zu Ihrer Information:", "Pour votre information",
	"Per tua informazione", "Per vostra informazione", "Para su informaci\xc3\xb3n",
	"Para tu informaci\xc3\xb3n", "Was this email helpful?",
	"War diese E-Mail hilfreich?", "Cet e-mail vous a-t-il \xc3\xa9t\xc3\xa9 utile",
	"Questa e-mail ti \xc3\xa8 stata utile", "\xc2\xbfTe ha resultado \xc3\xbatil",
	"\xc2\xbfLe ha resultado \xc3\xbatil", "[commMgrTok:", NULL
};

/*
 * Amazon: the text between the marker lines (in any marketplace's
 * language); without them, the body up to the first footer line, without
 * the [commMgrTok:...] token.
 */
static char *amazon_text(const char *body)
{
	const char *b, *e = NULL, *after, *dummy, *cut = NULL;
	char *t, *tok;

	if ((b = next_marker(body, begin_words, &after)))
		e = next_marker(after, end_words, &dummy);
	else if ((b = next_marker(body, NULL, &after)))   /* words not known */
		e = next_marker(after, NULL, &dummy);
	if (b && e)
		return trim_dup(after, (size_t)(e - after));
	for (int i = 0; amazon_footers[i]; i++) {
		const char *c = line_with(body, amazon_footers[i], &dummy);
		if (c && (!cut || c < cut))
			cut = c;
	}
	t = trim_dup(body, cut ? (size_t)(cut - body) : strlen(body));
	while (t && (tok = strstr(t, "[commMgrTok:"))) {
		char *close = strchr(tok, ']');
		memmove(tok, close ? close + 1 : tok + strlen(tok),
		        strlen(close ? close + 1 : tok + strlen(tok)) + 1);
	}
	return t;
}

/* "Dana - Amazon Marketplace" → "Dana"; NULL when nothing is left. */
static char *amazon_name(const char *display)
{
	const char *dash;

	if (!display)
		return NULL;
	dash = strstr(display, " - ");
	if (dash && strcasestr(dash, "amazon")) {
		char *n = trim_dup(display, (size_t)(dash - display));
		if (n && !*n) {
			free(n);
			n = NULL;
		}
		return n;
	}
	return strcasestr(display, "amazon") ? NULL : strdup(display);
}

/* A user name: letters, digits and . _ - * (eBay's own set), 2-64 long. */
static char *user_token(const char *s)
{
	size_t n = 0;

	while (*s == ' ' || *s == '\t')
		s++;
	while (s[n] && (isalnum((unsigned char)s[n]) || strchr("._-*", s[n])))
		n++;
	while (n && strchr(".-", s[n - 1]))
		n--;
	return n >= 2 && n <= 64 ? strndup(s, n) : NULL;
}

/* The eBay user name from the subject ("<user> sent a message about",
 * "<user> has sent a question about") or a "from: <user>" body line. */
static char *ebay_user(const omni_mail *m)
{
	static const char *const verbs[] = {" sent a message about",
		" has sent a question about", " sent you a message",
		" has sent you a message", NULL};
	const char *subj = m->subject ? m->subject : "", *p;

	for (int i = 0; verbs[i]; i++) {
		const char *v = strcasestr(subj, verbs[i]);
		if (v) {
			const char *w = v;
			while (w > subj && !isspace((unsigned char)w[-1]) && w[-1] != ':')
				w--;
			return user_token(w);
		}
	}
	for (p = m->text; p && (p = strcasestr(p, "from:")); p += 5)
		if (p == m->text || !isalpha((unsigned char)p[-1]))
			return user_token(p + 5);
	return NULL;
}

/* Lines that start eBay's wrapping after the buyer's words. */
static const char *const ebay_footers[] = {
	"Reply to this message", "Respond to this message", "Reply\n",
	"Only purchases on eBay are covered", "eBay sent this message",
	"Email reference id:", "Item Id:", "Item ID:", "Order number:",
	"Learn more about", NULL
};

/*
 * eBay: the text after a "New message from:" / "from:" header line (when
 * there is one) up to the first line of eBay's footer.
 */
static char *ebay_text(const char *body)
{
	const char *start = body, *end, *next, *l;

	if ((l = line_with(body, "new message from:", &next)) ||
	    (l = line_with(body, "from:", &next)))
		start = next;
	end = start + strlen(start);
	for (int i = 0; ebay_footers[i]; i++) {
		const char *f = strstr(start, ebay_footers[i]);
		if (f && (f == start || f[-1] == '\n') && f < end)
			end = f;
	}
	return trim_dup(start, (size_t)(end - start));
}

/* A-to-z Guarantee claims in the marketplaces' languages. */
static int mentions_claim(const omni_mail *m)
{
	static const char *const words[] = {"a-to-z guarantee claim",
		"a-to-z claim", "a-bis-z-garantie", "a-bis-z garantie",
		"garantie a \xc3\xa0 z", "garantie a-z", "garanzia dalla a alla z",
		"garanzia a-z", "garant\xc3\xad" "a de la a a la z", "garantia de la a a la z",
		NULL};
	for (int i = 0; words[i]; i++)
		if ((m->subject && strcasestr(m->subject, words[i])) ||
		    (m->text && strcasestr(m->text, words[i])))
			return 1;
	return m->subject && strcasestr(m->subject, "chargeback");
}

/* walmart.com, wal-mart.com, walmartone.com, or a subdomain of one. */
static int walmart_domain(const char *addr)
{
	static const char *const names[] = {"walmart.com", "wal-mart.com",
		"walmartone.com", NULL};
	const char *d = domain_of(addr);
	size_t n = d ? strlen(d) : 0;

	for (int i = 0; d && names[i]; i++) {
		size_t k = strlen(names[i]);
		if (n >= k && strcasecmp(d + n - k, names[i]) == 0 &&
		    (n == k || d[n - k - 1] == '.'))
			return 1;
	}
	return 0;
}

/* The first customer order number (13 to 15 digits, "Order #...",
 * "order number ...") in s: new or NULL. */
static char *walmart_order_in(const char *s)
{
	json_t *ids = json_array();
	char *id = NULL;
	size_t i;
	json_t *v;

	omni_order_ids_find(s, ids);
	json_array_foreach(ids, i, v) {
		const char *t = json_string_value(v);
		size_t n;
		t += *t == '#';
		n = strlen(t);
		if (n >= 13 && n <= 15 && strspn(t, "0123456789") == n) {
			id = strdup(t);
			break;
		}
	}
	json_decref(ids);
	return id;
}

/* Lines that start Walmart's wrapping after the customer's words. */
static const char *const walmart_footers[] = {
	"Please respond", "Please reply", "To respond", "Reply to this email",
	"This email was sent", "This message was sent", "Thank you for selling",
	"Walmart Marketplace", "Order Details", "Order details:", NULL
};

/* Walmart: the text after a "...message:" line (when there is one) up to
 * the first footer line. */
static char *walmart_text(const char *body)
{
	const char *start = body, *end, *next, *p = strcasestr(body, "message:");

	/* the words after the colon on its line, else the lines after it */
	if (p && line_with(p, "message:", &next)) {
		start = p + 8;
		while (*start == ' ' || *start == '\t')
			start++;
		if (*start == '\n' || *start == '\r' || !*start)
			start = next;
	}
	end = start + strlen(start);
	for (int i = 0; walmart_footers[i]; i++) {
		const char *f = strstr(start, walmart_footers[i]);
		if (f && (f == start || f[-1] == '\n') && f < end)
			end = f;
	}
	return trim_dup(start, (size_t)(end - start));
}

static void walmart_relay(const omni_mail *m, char *order, omni_relay *r)
{
	const char *alias = m->reply_to && *m->reply_to ? m->reply_to : m->from_addr;

	r->channel = "walmart";
	r->order_id = order;
	r->alias = alias ? strdup(alias) : NULL;
	r->handle = alias ? strdup(alias) : NULL;
	if (m->from_name && !strcasestr(m->from_name, "walmart"))
		r->name = strdup(m->from_name);
	r->text = walmart_text(m->text ? m->text : "");
}

/* word in s as a word of its own (not "disclosed" for "closed")? */
static int has_word(const char *s, const char *word)
{
	size_t n = strlen(word);

	for (const char *p = s; (p = strcasestr(p, word)); p += n)
		if ((p == s || !isalpha((unsigned char)p[-1])) && !isalpha((unsigned char)p[n]))
			return 1;
	return 0;
}

const char *omni_relay_settled(const char *subject)
{
	static const char *const nouns[] = { "claim", "case", "return", "inquiry",
		"dispute", "chargeback", NULL };
	static const char *const verbs[] = { "closed", "resolved", "withdrawn", "decided",
		"decision", "cancelled", "canceled", NULL };
	int noun = 0;

	if (!subject)
		return NULL;
	for (int i = 0; !noun && nouns[i]; i++)
		noun = has_word(subject, nouns[i]);
	for (int i = 0; noun && verbs[i]; i++)
		if (has_word(subject, verbs[i]))
			return "solved";
	return NULL;
}

static void amazon_relay(const omni_mail *m, const char *alias, omni_relay *r)
{
	r->channel = "amazon";
	r->alias = strdup(alias);
	r->handle = strdup(alias);
	r->name = amazon_name(m->from_name);
	r->text = amazon_text(m->text ? m->text : "");
	if (!(r->order_id = amazon_order(m->subject)))
		r->order_id = amazon_order(m->text);
}

static void ebay_relay(const omni_mail *m, const char *alias, omni_relay *r)
{
	r->channel = "ebay";
	r->alias = strdup(alias);
	if (!(r->handle = ebay_user(m)))
		r->handle = strdup(alias);
	/* a display name that is neither eBay's nor the user name: a name */
	if (m->from_name && !strcasestr(m->from_name, "ebay") &&
	    strcmp(m->from_name, r->handle) != 0)
		r->name = strdup(m->from_name);
	r->text = ebay_text(m->text ? m->text : "");
}

int omni_relay_classify(const omni_mail *m, omni_relay *r)
{
	const char *from = m->from_addr, *reply = m->reply_to;
	char *order;

	memset(r, 0, sizeof *r);
	r->kind = "message";
	if (at_domain(from, "marketplace.amazon."))
		amazon_relay(m, from, r);
	else if (at_domain(reply, "marketplace.amazon."))
		amazon_relay(m, reply, r);
	else if (at_domain(from, "members.ebay."))
		ebay_relay(m, from, r);
	else if (at_domain(reply, "members.ebay."))
		ebay_relay(m, reply, r);
	else if ((walmart_domain(from) || walmart_domain(reply)) &&
	         ((order = walmart_order_in(m->subject)) ||
	          (order = walmart_order_in(m->text))))
		walmart_relay(m, order, r);
	else if (amazon_itself(from) &&
	         (mentions_claim(m) || starts(from, "cb-seller-notification@"))) {
		/* Amazon's own notice: the order is the key, not an address */
		r->channel = "amazon";
		r->kind = "claim";
		r->status = omni_relay_settled(m->subject);   /* closed, decided */
		if (!(r->order_id = amazon_order(m->subject)))
			r->order_id = amazon_order(m->text);
		r->text = amazon_text(m->text ? m->text : "");
	}
	return 0;
}

int omni_relay_marketplace_own(const char *addr)
{
	const char *d = domain_of(addr);

	if (!d)
		return 0;
	if (amazon_itself(addr))
		return 1;
	return (starts(d, "ebay.") || strstr(d, ".ebay.")) && !starts(d, "members.ebay.");
}

void omni_relay_free(omni_relay *r)
{
	if (!r)
		return;
	free(r->alias);
	free(r->handle);
	free(r->name);
	free(r->text);
	free(r->order_id);
	memset(r, 0, sizeof *r);
}
