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

/*
 * Amazon: the text between the marker lines; without them, the body up to
 * the "For Your Information" footer, without the [commMgrTok:...] token.
 */
static char *amazon_text(const char *body)
{
	const char *e, *after, *dummy, *cut;
	char *t, *tok;

	if (line_with(body, "- Begin message -", &after) &&
	    (e = line_with(after, "- End message -", &dummy)))
		return trim_dup(after, (size_t)(e - after));
	cut = line_with(body, "For Your Information:", &dummy);
	if (!cut)
		cut = line_with(body, "[commMgrTok:", &dummy);
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

static int mentions_claim(const omni_mail *m)
{
	static const char *const words[] = {"a-to-z guarantee claim",
		"a-to-z claim", NULL};
	for (int i = 0; words[i]; i++)
		if ((m->subject && strcasestr(m->subject, words[i])) ||
		    (m->text && strcasestr(m->text, words[i])))
			return 1;
	return m->subject && strcasestr(m->subject, "chargeback");
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
	else if (amazon_itself(from) &&
	         (mentions_claim(m) || starts(from, "cb-seller-notification@"))) {
		/* Amazon's own notice: the order is the key, not an address */
		r->channel = "amazon";
		r->kind = "claim";
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
