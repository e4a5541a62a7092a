/*
 * link_keys.c - the identity keys of a ticket, normalised.
 *
 * A key is (kind, value) with a strength: strong keys find customers,
 * weak ones (a phone a household shares, a generic address such as
 * info@ or Walmart's nocxemail@) are only recorded.  Exclusive kinds
 * (a social id, a marketplace buyer id, a platform customer id) have one
 * value per customer, so two different values block a merge.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ident/ident.h"
#include "record/record.h"
#include "link/link.h"
#include "order/order.h"

void
omni_link_keys_free(omni_link_keys *ks)
{
	for (size_t i = 0; i < ks->n; i++)
		free(ks->v[i].value);
	free(ks->v);
	memset(ks, 0, sizeof *ks);
}

int
omni_link_keys_add(omni_link_keys *ks, const char *kind, const char *value,
                   int strength, int exclusive, int direct,
                   const char *channel, const char *why)
{
	omni_link_key *k;

	if (!value || !*value)
		return 0;
	for (size_t i = 0; i < ks->n; i++) {
		k = &ks->v[i];
		if (strcmp(k->kind, kind) == 0 && strcmp(k->value, value) == 0) {
			if (strength > k->strength)
				k->strength = strength;
			k->direct |= direct;
			if (strcmp(k->why, "text") == 0)
				k->why = why;     /* a claim the order proved hers */
			return 0;
		}
	}
	if (ks->n == ks->cap) {
		size_t cap = ks->cap ? ks->cap * 2 : 8;
		omni_link_key *v = realloc(ks->v, cap * sizeof *v);
		if (!v)
			return -1;
		ks->v = v;
		ks->cap = cap;
	}
	k = &ks->v[ks->n];
	memset(k, 0, sizeof *k);
	size_t kn = strnlen(kind, sizeof k->kind - 1);
	memcpy(k->kind, kind, kn);     /* memset put the terminator */
	if (!(k->value = strdup(value)))
		return -1;
	k->strength = strength;
	k->exclusive = exclusive;
	k->direct = direct;
	k->channel = channel;
	k->why = why;
	ks->n++;
	return 0;
}

static int
ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), m = strlen(tail);

	return n >= m && strcmp(s + n - m, tail) == 0;
}

char *
omni_link_order_key(const char *store, const char *number)
{
	size_t n;
	char *k;

	while (*number == '#' || isspace((unsigned char)*number))
		number++;
	n = strlen(store ? store : "") + strlen(number) + 2;
	if (!(k = malloc(n)))
		return NULL;
	snprintf(k, n, "%s|%s", store ? store : "", number);
	/* The number is compared without case; the store is a name to look
	 * orders up by, kept as configured. */
	for (char *p = strrchr(k, '|') + 1; *p; p++)
		*p = (char)toupper((unsigned char)*p);
	return k;
}

/* Local parts that stand for a role or a relay, not a person. */
static int
generic_address(const char *e)
{
	static const char *const locals[] = {
		"nocxemail", "noreply", "no-reply", "donotreply", "do-not-reply",
		"info", "support", "sales", "contact", "orders", "admin", "hello",
		"service", "help", "office", "mail", "shop", "customerservice",
		"privacy", "billing", "returns", NULL
	};
	size_t n = strcspn(e, "@");

	for (const char *const *l = locals; *l; l++)
		if (strlen(*l) == n && strncmp(e, *l, n) == 0)
			return 1;
	return 0;
}

static int
add_email(omni_link_keys *ks, const char *raw, int direct, const char *why)
{
	char *e = omni_ident_email(raw);
	int rc = 0;

	if (!e)
		return 0;
	if (strstr(e, "@marketplace.amazon."))
		rc = omni_link_keys_add(ks, "amazon", e, 95, 1, direct, "amazon", why);
	else if (ends_with(e, "@members.ebay.com"))
		rc = omni_link_keys_add(ks, "ebay_alias", e, 95, 1, direct, "ebay", why);
	else
		rc = omni_link_keys_add(ks, "email", e, generic_address(e) ? 20 : 90,
		                        0, direct, NULL, why);
	free(e);
	return rc;
}

/* Handles: the kinds with one value per customer. */
static int
add_handle(omni_link_keys *ks, const char *kind, const char *value)
{
	if (strcmp(kind, "amazon") == 0 || strcmp(kind, "ebay") == 0) {
		if (strchr(value, '@'))
			return add_email(ks, value, 1, "sender");
		/* the channel is kept by pointer: a static name, not kind */
		return omni_link_keys_add(ks, kind, value, 95, 1, 1,
		                          kind[0] == 'a' ? "amazon" : "ebay", "sender");
	}
	return omni_link_keys_add(ks, kind, value, 95, 1, 1, NULL, "sender");
}

/* Addresses written in a customer's own words ("my e-mail is ..."). */
static int
text_emails(omni_link_keys *ks, const char *text)
{
	for (const char *at = strchr(text, '@'); at; at = strchr(at + 1, '@')) {
		char buf[256];
		if (omni_link_text_email(text, at, buf, sizeof buf) && add_email(ks, buf, 0, "text") < 0)
			return -1;
	}
	return 0;
}

int
omni_link_channel_dm(const char *ch)
{
	return strcmp(ch, "instagram") == 0 || strcmp(ch, "facebook") == 0 ||
	       strcmp(ch, "messenger") == 0 || strcmp(ch, "tiktok") == 0 ||
	       strcmp(ch, "chat") == 0 || strcmp(ch, "sms") == 0;
}

int
omni_link_channel_marketplace(const char *ch)
{
	return strcmp(ch, "amazon") == 0 || strcmp(ch, "ebay") == 0 ||
	       strcmp(ch, "walmart") == 0 || strcmp(ch, "tiktok") == 0;
}

static int
collect_customer(omni_span cust, const char *region, omni_link_keys *ks)
{
	static const char *const members[] = { "emails", "phones", "handles" };
	omni_jiter it;
	omni_span k, v, m[3];
	char buf[512];

	omni_json_get_all(cust, members, m, 3);
	omni_json_iter(&it, m[0]);
	while (omni_json_next(&it, NULL, &v))
		if (omni_json_string_buf(v, buf, sizeof buf) >= 0 &&
		    add_email(ks, buf, 1, "sender") < 0)
			return -1;
	omni_json_iter(&it, m[1]);
	while (omni_json_next(&it, NULL, &v)) {
		char *p;
		if (omni_json_string_buf(v, buf, sizeof buf) < 0 ||
		    !(p = omni_ident_phone(buf, region)))
			continue;
		/* A phone alone never merges: a household shares one. */
		int rc = omni_link_keys_add(ks, "phone", p, 30, 0, 1, NULL, "sender");
		free(p);
		if (rc < 0)
			return -1;
	}
	omni_json_iter(&it, m[2]);
	while (omni_json_next(&it, &k, &v)) {
		char kind[24];
		omni_span quoted = { k.p - 1, k.n + 2 };   /* keys come without quotes */
		if (omni_json_string_buf(quoted, kind, sizeof kind) < 0)
			continue;
		/* Handles may be strings or numbers (Meta ids). */
		if (omni_json_type(v) == OMNI_J_NUMBER && v.n < sizeof buf) {
			memcpy(buf, v.p, v.n);
			buf[v.n] = '\0';
		} else if (omni_json_string_buf(v, buf, sizeof buf) < 0) {
			continue;
		}
		for (char *p = kind; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		if (add_handle(ks, kind, buf) < 0)
			return -1;
	}
	return 0;
}

/* An order number as a key of the store ("store|NUMBER"): a claim, never
 * the sender's identity. */
static int
add_order_key(omni_link_keys *ks, const char *store, const char *number)
{
	char *key;
	int rc;

	if (!number || !*number)
		return 0;
	if (!(key = omni_link_order_key(store, number)))
		return -1;
	rc = omni_link_keys_add(ks, "order", key, 80, 0, 0, NULL, "order");
	free(key);
	return rc;
}

/* The numbers the source names (order_ids). */
static int
add_order_keys(omni_link_keys *ks, const char *store, omni_span ids)
{
	omni_jiter it;
	omni_span v;
	char buf[512];

	omni_json_iter(&it, ids);
	while (omni_json_next(&it, NULL, &v))
		if (omni_json_string_buf(v, buf, sizeof buf) > 0 && add_order_key(ks, store, buf) < 0)
			return -1;
	return 0;
}

int
omni_link_keys_collect(const omni_record *rec, const char *region,
                       omni_link_keys *ks)
{
	char channel[32] = "", store[256] = "", *subject = NULL;
	omni_jiter it;
	omni_span v;
	json_t *named = NULL, *n;
	size_t i;
	int status = -1, is_dm, scan;
	omni_span ids;

	omni_json_string_buf(omni_record_get(rec, "channel"), channel, sizeof channel);
	omni_json_string_buf(omni_record_get(rec, "store"), store, sizeof store);
	is_dm = omni_link_channel_dm(channel);
	if (collect_customer(omni_record_get(rec, "customer"), region, ks) < 0)
		return -1;
	ids = omni_record_get(rec, "order_ids");
	if (!(named = json_array()) || add_order_keys(ks, store, ids) < 0)
		goto out;
	/* A record without order_ids (omni-fetch's list has the numbers of
	 * the text too): the customer's words are read for them here. */
	scan = omni_json_type(ids) == OMNI_J_ABSENT;
	if (scan && (subject = omni_json_string(omni_record_get(rec, "subject"), NULL)))
		omni_order_ids_find(subject, named);
	omni_json_iter(&it, omni_record_get(rec, "messages"));
	while ((scan || is_dm) && omni_json_next(&it, NULL, &v)) {
		static const char *const members[] = { "direction", "text" };
		omni_span m[2];
		char *text;
		omni_json_get_all(v, members, m, 2);
		if (!omni_json_string_eq(m[0], "in") || !(text = omni_json_string(m[1], NULL)))
			continue;
		if (scan)
			omni_order_ids_find(text, named);
		int rc = is_dm && strchr(text, '@') ? text_emails(ks, text) : 0;
		free(text);
		if (rc < 0)
			goto out;
	}
	json_array_foreach(named, i, n)
		if (add_order_key(ks, store, json_string_value(n)) < 0)
			goto out;
	status = 0;
out:
	free(subject);
	json_decref(named);
	return status;
}

/* Reply and forward prefixes in English, German, Italian, French,
 * Spanish, Dutch and the Nordic languages, compared without case. */
static size_t
reply_prefix(const char *s)
{
	static const char *const pre[] = {
		"re", "fwd", "fw", "aw", "wg", "r", "rif", "i", "tr", "rv", "res",
		"enc", "sv", "vs", "antw", "doorst", "ref", NULL
	};
	for (const char *const *p = pre; *p; p++) {
		size_t n = strlen(*p), i = n;
		if (strncasecmp(s, *p, n) != 0)
			continue;
		if (s[i] == '[') {            /* "Re[2]:" */
			while (isdigit((unsigned char)s[++i]))
				;
			if (s[i++] != ']')
				continue;
		}
		if (s[i] == ' ' && s[i + 1] == ':')
			i++;                  /* French "RE :" */
		if (s[i] == ':')
			return i + 1;
	}
	return 0;
}

char *
omni_link_subject_norm(const char *subject, int *reply)
{
	const char *s = subject ? subject : "";
	size_t n;
	char *out, *w;
	int space = 0;

	*reply = 0;
	for (;;) {
		while (isspace((unsigned char)*s))
			s++;
		if (!(n = reply_prefix(s)))
			break;
		*reply = 1;
		s += n;
	}
	if (!(out = malloc(strlen(s) + 1)))
		return NULL;
	for (w = out; *s; s++) {
		if (isspace((unsigned char)*s)) {
			space = 1;
			continue;
		}
		if (space && w > out)
			*w++ = ' ';
		space = 0;
		*w++ = (char)tolower((unsigned char)*s);
	}
	*w = '\0';
	return out;
}
