/*
 * link.c - one customer, one timeline: which customer a ticket is, and
 * which conversation it joins.
 *
 * Order of evidence, strongest first: the record was linked before (a
 * rerun); a mail id it carries or replies to; its thread key (Amazon
 * alias and order, eBay conversation; a DM sender only inside a window);
 * then, for its customer, a ticket about the same order, a reply subject
 * inside the window, an open ticket inside the window.  Customers are
 * found by strong keys only, and two customers are never joined when
 * they hold different values of a key that a customer has only one of.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "ident/ident.h"
#include "link_int.h"

void
omni_link_hash_id(char *out, size_t size, const char *prefix, const char *s,
                  const char *salt)
{
	uint64_t h = 1469598103934665603ULL;
	size_t n = strlen(prefix);

	for (const char *p = s; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ULL;
	for (const char *p = salt ? salt : ""; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ULL;
	if (n + 17 > size) {
		out[0] = '\0';
		return;
	}
	memcpy(out, prefix, n);
	for (int i = 15; i >= 0; i--, h >>= 4)
		out[n + i] = "0123456789abcdef"[h & 15];
	out[n + 16] = '\0';
}

static void
add_id(input *in, const char *prefix, omni_span v)
{
	char buf[520];
	size_t n = strlen(prefix);

	if (in->nids == MAX_IDS)
		return;
	memcpy(buf, prefix, n + 1);
	if (omni_json_string_buf(v, buf + n, sizeof buf - n) <= 0)
		return;
	for (size_t i = 0; i < in->nids; i++)
		if (strcmp(in->ids[i], buf) == 0)
			return;
	in->ids[in->nids] = strdup(buf);
	if (in->ids[in->nids])
		in->nids++;
}

static void
input_free(input *in)
{
	for (size_t i = 0; i < in->nids; i++)
		free(in->ids[i]);
	free(in->subject);
	omni_link_keys_free(&in->keys);
}

static const char *
region_of(omni_link *l, const char *store)
{
	const omni_conf_section *s;

	if (!l->o.config || !*store || !(s = omni_config_find(l->o.config, "store", store)))
		return NULL;
	return omni_conf_get(s, "region");
}

/* Does the record show a key that finds its sender? */
static int
sender_known(const input *in)
{
	for (size_t i = 0; i < in->keys.n; i++)
		if (in->keys.v[i].direct && in->keys.v[i].strength >= OMNI_LINK_STRONG)
			return 1;
	return 0;
}

/* Does the sender show a key of the kind of her own? */
static int
sender_has(const input *in, const char *kind)
{
	for (size_t i = 0; i < in->keys.n; i++)
		if (in->keys.v[i].direct && strcmp(in->keys.v[i].kind, kind) == 0)
			return 1;
	return 0;
}

/* Does the sender write from an address one or two letters from the
 * buyer's (one she is not: that is a lookalike's)? */
static int
sender_lookalike(const input *in, const char *email)
{
	for (size_t i = 0; email && i < in->keys.n; i++)
		if (in->keys.v[i].direct && strcmp(in->keys.v[i].kind, "email") == 0 &&
		    omni_link_lookalike(in->keys.v[i].value, email))
			return 1;
	return 0;
}

static int
input_read(omni_link *l, const omni_record *rec, input *in, omni_error *err)
{
	omni_span src = omni_record_get(rec, "source"), m;
	omni_jiter it;

	memset(in, 0, sizeof *in);
	in->rec = rec;
	if (omni_json_string_buf(omni_record_get(rec, "id"), in->id, sizeof in->id) <= 0)
		return omni_error_set(err, OMNI_EX_DATAERR, NULL, 0, 0,
		                      "a ticket without an id"), -1;
	omni_json_string_buf(omni_record_get(rec, "channel"), in->channel, sizeof in->channel);
	omni_json_string_buf(omni_record_get(rec, "store"), in->store, sizeof in->store);
	omni_json_string_buf(omni_record_get(rec, "status"), in->status, sizeof in->status);
	in->subject = omni_json_string(omni_record_get(rec, "subject"), NULL);
	static const char *const skeys[] = {
		"thread_key", "message_id", "in_reply_to", "references"
	};
	omni_span sf[4];
	omni_json_get_all(src, skeys, sf, 4);
	memcpy(in->thread, "t:", 3);
	if (omni_json_string_buf(sf[0], in->thread + 2, sizeof in->thread - 2) <= 0)
		in->thread[0] = '\0';
	add_id(in, "m:", sf[1]);
	in->nown = in->nids;
	add_id(in, "m:", sf[2]);
	omni_json_iter(&it, sf[3]);
	while (omni_json_next(&it, NULL, &m))
		add_id(in, "m:", m);
	in->replies = in->nids > in->nown;
	omni_json_iter(&it, omni_record_get(rec, "messages"));
	while (omni_json_next(&it, NULL, &m)) {
		static const char *const keys[] = { "at", "digest" };
		omni_span f[2];
		omni_json_get_all(m, keys, f, 2);
		omni_time t = omni_link_at(f[0]);
		/* one message read on two paths: its digest finds the ticket
		 * that has it, as a mail id does */
		add_id(in, "m:", f[1]);
		if (t && (!in->first || t < in->first))
			in->first = t;
		if (t > in->last)
			in->last = t;
	}
	if (!in->first)
		in->first = omni_link_at(omni_record_get(rec, "created_at"));
	if (!in->last)
		in->last = in->first;
	if (omni_link_keys_collect(rec, region_of(l, in->store), &in->keys) < 0)
		return omni_error_oom(err), -1;
	/* a marketplace's own notice (a claim, a case) names its order: the
	 * channel vouches for it */
	if (omni_link_channel_marketplace(in->channel) && !sender_known(in))
		for (size_t i = 0; i < in->keys.n; i++)
			if (strcmp(in->keys.v[i].kind, "order") == 0)
				in->keys.v[i].why = "channel";
	return 0;
}

/* The keys of whoever placed an order or holds an account (why): the
 * address and platform id strong, the phone weak (recorded, never
 * merging).  A marketplace relay address is no one's address elsewhere.
 * 0 or -1 (out of memory). */
static int
add_owner(input *in, const char *why, const char *channel, const char *email,
          const char *ref, const char *phone)
{
	if (email && !strstr(email, "@marketplace.amazon.") &&
	    omni_link_keys_add(&in->keys, "email", email, 90, 0, 0, NULL, why) < 0)
		return -1;
	if (ref && *channel && omni_link_keys_add(&in->keys, channel, ref, 90, 1, 0, NULL, why) < 0)
		return -1;
	if (phone && omni_link_keys_add(&in->keys, "phone", phone, 30, 0, 0, NULL, why) < 0)
		return -1;
	return 0;
}

/* Does the sender show this key herself (the channel vouches for it)? */
static int
sender_holds(const input *in, const char *kind, const char *value)
{
	for (size_t i = 0; value && *kind && i < in->keys.n; i++)
		if (in->keys.v[i].direct && strcmp(in->keys.v[i].kind, kind) == 0 &&
		    strcmp(in->keys.v[i].value, value) == 0)
			return 1;
	return 0;
}

/* Who placed an order: its platform's channel, and its buyer's keys as
 * the store compares them, her name and billing postcode (each new, or
 * NULL). */
typedef struct owner {
	char channel[32];
	char *email, *ref, *phone, *name, *postcode;
} owner;

static void
owner_free(owner *o)
{
	free(o->email);
	free(o->ref);
	free(o->phone);
	free(o->name);
	free(o->postcode);
	memset(o, 0, sizeof *o);
}

/* The buyers a record's linking has read, by order key: each order's
 * buyer is read once a record, by order_owner_keys and facts_link. */
typedef struct owners {
	struct {
		char key[600];
		int found;
		owner o;
	} *v;
	size_t n, cap;
} owners;

static void
owners_free(owners *c)
{
	for (size_t i = 0; i < c->n; i++)
		owner_free(&c->v[i].o);
	free(c->v);
	memset(c, 0, sizeof *c);
}

/* The buyer of the order key ("store|number"): 1 and o filled, 0 (no
 * such order: remembered for the run, as load_order asks again only after
 * --orders), or -1 with err. */
static int
owner_read(omni_link *l, const input *in, const char *order_key, owner *o, omni_error *err)
{
	const char *bar = strrchr(order_key, '|');
	char store[256], quoted[256], key[600];
	omni_stmt *st;
	int rc;

	memset(o, 0, sizeof *o);
	if (!bar)
		return 0;
	snprintf(store, sizeof store, "%.*s", (int)(bar - order_key), order_key);
	omni_link_order_number(bar + 1, quoted, sizeof quoted);
	snprintf(key, sizeof key, "%s|%s", store, quoted);
	if (omni_link_order_missed(l, key))
		return 0;
	st = omni_link_stmt(l, OMNI_LS_ORDER_OWNER);
	omni_link_order_bind(st, bar + 1);
	omni_stmt_bind_str(st, 2, store);
	char best[256] = "";
	int any = 0;
	while ((rc = omni_link_order_next(st, best, sizeof best, &any)) == 1) {
		const char *e = omni_stmt_text(st, 3), *r = omni_stmt_text(st, 4);
		const char *ph = omni_stmt_text(st, 5), *nm = omni_stmt_text(st, 6);
		const char *pc = omni_stmt_text(st, 7);
		owner_free(o);
		link_copy(o->channel, sizeof o->channel, omni_stmt_text(st, 0));
		o->email = e ? omni_ident_email(e) : NULL;
		o->ref = r ? strdup(r) : NULL;
		o->phone = ph ? omni_ident_phone(ph, region_of(l, in->store)) : NULL;
		o->name = nm ? strdup(nm) : NULL;
		o->postcode = pc ? strdup(pc) : NULL;
	}
	omni_stmt_reset(st);
	if (rc != OMNI_STMT_DONE) {
		owner_free(o);
		return omni_store_error(l->store, err, "reading orders"), -1;
	}
	if (!any)
		omni_link_order_miss(l, key);     /* asked again for the orders */
	return any;
}

/* The buyer of the order key, read once a record: 1 and *o (borrowed
 * from c), 0 (no such order), or -1 with err. */
static int
owner_get(omni_link *l, const input *in, owners *c, const char *order_key, const owner **o,
          omni_error *err)
{
	int rc;

	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->v[i].key, order_key) == 0) {
			*o = &c->v[i].o;
			return c->v[i].found;
		}
	if (c->n == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 4;
		void *v = realloc(c->v, cap * sizeof *c->v);
		if (!v)
			return omni_error_oom(err), -1;
		c->v = v;
		c->cap = cap;
	}
	if ((rc = owner_read(l, in, order_key, &c->v[c->n].o, err)) < 0)
		return -1;
	link_copy(c->v[c->n].key, sizeof c->v[c->n].key, order_key);
	c->v[c->n].found = rc;
	*o = &c->v[c->n++].o;
	return rc;
}

/* Does the sender show one of the buyer's strong keys herself?  Not her
 * phone: a household shares one (it verifies the order, omni-link(1),
 * but makes none of the buyer's keys hers). */
static int
holds_owner(const input *in, const owner *o)
{
	return sender_holds(in, "email", o->email) || sender_holds(in, o->channel, o->ref);
}

/* Adds the keys of the buyers of the orders the ticket names, where the
 * sender is that buyer: only an order the sender's own keys show to be
 * hers, since a number anyone can type proves nothing. */
static int
order_owner_keys(omni_link *l, input *in, owners *c, omni_error *err)
{
	size_t n = l->any_orders ? in->keys.n : 0;

	for (size_t i = 0; i < n; i++) {
		const owner *o;
		int rc;
		if (strcmp(in->keys.v[i].kind, "order") != 0)
			continue;
		if ((rc = owner_get(l, in, c, in->keys.v[i].value, &o, err)) < 0)
			return -1;
		if (rc && holds_owner(in, o) &&
		    add_owner(in, "order", o->channel, o->email, o->ref, o->phone) < 0)
			return omni_error_oom(err), -1;
	}
	return 0;
}

/* The candidate orders of facts_link: the record's, then those of the
 * ticket it joins; at most 8. */
static size_t
facts_orders(omni_link *l, const input *in, const verdict *v, char keys[][600])
{
	size_t n = 0;

	for (size_t i = 0; i < in->keys.n && n < 8; i++)
		if (strcmp(in->keys.v[i].kind, "order") == 0)
			link_copy(keys[n++], 600, in->keys.v[i].value);
	if (!v->new_ticket && v->ticket[0]) {
		omni_stmt *st = omni_link_stmt(l, OMNI_LS_TICKET_ORDERS);
		omni_stmt_bind_int64(st, 1, omni_link_seq(l, v->ticket));
		while (n < 8 && omni_stmt_step(st, NULL, NULL) == OMNI_STMT_ROW) {
			const char *k = omni_stmt_text(st, 0);
			int have = 0;
			for (size_t j = 0; j < n && k; j++)
				have |= strcmp(keys[j], k) == 0;
			if (k && !have)
				link_copy(keys[n++], 600, k);
		}
		omni_stmt_reset(st);
	}
	return n;
}

/* The customer's recent conversations other than v's that name the
 * order: the first is joined when v's is new, the others absorbed. */
static void
facts_tickets(omni_link *l, const char *order_key, verdict *v)
{
	omni_stmt *st = omni_link_stmt(l, OMNI_LS_CUST_TICKETS);
	char found[8][40];
	size_t n = 0;

	omni_stmt_bind_str(st, 1, v->customer);
	while (n < 8 && omni_stmt_step(st, NULL, NULL) == OMNI_STMT_ROW) {
		const char *status = omni_stmt_text(st, 1);
		if (strcmp(omni_stmt_text(st, 0), v->ticket) == 0 ||
		    (status && strcmp(status, "closed") == 0))
			continue;
		link_copy(found[n], sizeof found[n], omni_stmt_text(st, 0));
		omni_link_seq_keep(l, found[n], omni_stmt_int64(st, 4));
		n++;
	}
	omni_stmt_reset(st);
	for (size_t i = 0; i < n; i++) {
		omni_stmt *has = omni_link_stmt(l, OMNI_LS_TICKET_HAS_ORDER);
		omni_stmt_bind_int64(has, 1, omni_link_seq(l, found[i]));
		omni_stmt_bind_str(has, 2, order_key);
		int names = omni_stmt_step(has, NULL, NULL) == OMNI_STMT_ROW;
		omni_stmt_reset(has);
		if (!names || omni_link_blocked(l, found[i], v->ticket[0] ? v->ticket : found[i]))
			continue;
		if (v->new_ticket) {
			link_copy(v->ticket, sizeof v->ticket, found[i]);
			link_copy(v->tkind, sizeof v->tkind, "order");
			link_copy(v->tvalue, sizeof v->tvalue, order_key);
			v->confidence = 0.9;
			v->new_ticket = 0;
		} else if (v->nbridged < MAX_CANDS) {
			link_copy(v->bridged[v->nbridged++], sizeof v->bridged[0], found[i]);
		}
	}
}

/* An order the sender proves hers by facts (omni-link(1), "Orders,
 * verified or not") is hers as one her own keys match: its buyer's keys
 * join hers, so the two customers are one, and the buyer's conversation
 * about the order joins this one.  Not when she shows a name other than
 * the buyer's or writes of the order as another person's.  The facts are
 * read in the record and in the conversation it joins. */
static int
facts_link(omni_link *l, input *in, verdict *v, owners *c, omni_error *err)
{
	char keys[8][600], proved[600] = "", sname[200], *text = NULL;
	const char *sender = NULL;
	omni_record stored;
	const omni_record *sp[1] = { &stored };
	omni_link_words w = { in->rec, sp, 0, NULL, 0 };
	omni_time created = 0;
	size_t n;
	int status = -1, named = 0;

	if (!l->any_orders || !sender_known(in) || !(n = facts_orders(l, in, v, keys)))
		return 0;
	omni_record_init(&stored);
	if (omni_json_string_buf(omni_json_get(omni_record_get(in->rec, "customer"), "name"),
	                         sname, sizeof sname) > 0)
		sender = sname;
	for (size_t i = 0; i < n; i++) {
		const char *words;
		const owner *o;
		int rc = owner_get(l, in, c, keys[i], &o, err);
		if (rc < 0)
			goto out;
		if (!rc || holds_owner(in, o))
			continue;
		if (!w.read && !w.nstored && !v->new_ticket && v->ticket[0] &&
		    (text = omni_link_stored(l, v->ticket, &created)) &&
		    omni_record_parse(&stored, text, strlen(text), NULL) == 0)
			w.nstored = 1;
		words = omni_link_words_text(&w);
		if (words && (omni_link_gives_email(words, o->email) ||
		              omni_link_gives_postcode(words, o->postcode)) &&
		    !omni_link_not_buyer(words, sender, o->name) && !sender_lookalike(in, o->email)) {
			rc = add_owner(in, "facts", o->channel, o->email, o->ref, o->phone);
			if (rc == 0 && !proved[0]) {
				link_copy(proved, sizeof proved, keys[i]);
				/* a mail's sender signs with her name: one
				 * who shows none, or another, is not made
				 * the buyer (a DM may show no name) */
				named = omni_link_shows_buyer(sender, words, o->name) ||
				        (!sender && !sender_has(in, "email"));
			}
		}
		if (rc < 0) {
			omni_error_oom(err);
			goto out;
		}
	}
	if (proved[0]) {
		omni_link_who who;
		memset(&who, 0, sizeof who);
		/* the buyer is someone the sender cannot be (another id of a
		 * one-value kind), or the sender does not show the buyer's name:
		 * the facts verify the order, her keys stay hers alone (asked
		 * before the customers are looked up, which merges them) */
		if (named && omni_link_customer(l, &in->keys, in->channel, in->id, &who, err) < 0)
			goto out;
		if (!named || who.conflicts) {
			for (size_t i = 0; i < in->keys.n; i++)
				if (strcmp(in->keys.v[i].why, "facts") == 0)
					in->keys.v[i].why = "text";
		} else if (strcmp(who.id, v->customer) != 0 && !who.created) {
			link_copy(v->customer, sizeof v->customer, who.id);
			v->who = who;
			link_copy(v->who.kind, sizeof v->who.kind, "facts");
			link_copy(v->who.value, sizeof v->who.value, proved);
			facts_tickets(l, proved, v);
		}
	}
	status = 0;
out:
	free(w.text);
	omni_record_free(&stored);
	free(text);
	return status;
}

/* Adds the keys of the shops' customer accounts that have one of the
 * ticket's e-mail addresses or platform ids: an account is its owner's
 * as an order is. */
static int
account_keys(omni_link *l, input *in, omni_error *err)
{
	size_t n = in->keys.n;

	if (!l->any_accounts)
		return 0;
	for (size_t i = 0; i < n; i++) {
		const omni_link_key *k = &in->keys.v[i];
		int by_email = strcmp(k->kind, "email") == 0;
		omni_stmt *st;
		int rc;
		if (k->strength < OMNI_LINK_STRONG || strcmp(k->kind, "order") == 0 ||
		    strcmp(k->kind, "phone") == 0)
			continue;
		st = omni_link_stmt(l, by_email ? OMNI_LS_ACCOUNT_EMAIL : OMNI_LS_ACCOUNT_REF);
		omni_stmt_bind_str(st, 1, by_email ? k->value : k->kind);
		if (!by_email)
			omni_stmt_bind_str(st, 2, k->value);
		while ((rc = omni_stmt_step(st, NULL, NULL)) == OMNI_STMT_ROW) {
			const char *e = omni_stmt_text(st, 2);
			const char *ph = omni_stmt_text(st, 3);
			char ch[32], *email = e ? omni_ident_email(e) : NULL;
			char *ref = strdup(omni_stmt_text(st, 1));
			char *phone = ph ? omni_ident_phone(ph, region_of(l, in->store)) : NULL;
			link_copy(ch, sizeof ch, omni_stmt_text(st, 0));
			rc = add_owner(in, "account", ch, email, ref, phone);
			free(email);
			free(ref);
			free(phone);
			if (rc < 0)
				break;
		}
		omni_stmt_reset(st);
		if (rc == OMNI_STMT_ROW)
			return omni_error_oom(err), -1;
		if (rc != OMNI_STMT_DONE)
			return omni_store_error(l->store, err, "reading customer accounts"), -1;
	}
	return 0;
}

/* A thread is one sender's: a reply to a message many people got (a BCC'd
 * announcement, a newsletter) from someone other than the ticket's
 * customer starts her own conversation.  Clears v's ticket then; the
 * tickets it would bridge must be the sender's too. */
static int
other_sender(omni_link *l, input *in, verdict *v, omni_error *err)
{
	omni_link_who who;
	size_t keep = 0;

	memset(&who, 0, sizeof who);
	if (omni_link_customer(l, &in->keys, in->channel, in->id, &who, err) < 0)
		return -1;
	for (size_t i = 0; i < v->nbridged; i++) {
		char c[40] = "";
		if (omni_link_ticket_customer(l, v->bridged[i], c, sizeof c, err) < 0)
			return -1;
		if (strcmp(c, who.id) == 0)
			memmove(v->bridged[keep++], v->bridged[i], sizeof v->bridged[0]);
	}
	v->nbridged = keep;
	if (strcmp(v->customer, who.id) == 0) {
		v->via_mail = 0;      /* the sender is the ticket's: her keys count */
		return 0;
	}
	v->who = who;
	link_copy(v->customer, sizeof v->customer, who.id);
	v->ticket[0] = v->tkind[0] = v->tvalue[0] = '\0';
	v->via_mail = 0;
	v->nbridged = 0;
	if (!who.created && omni_link_recent(l, in, v, 0, err) < 0)
		return -1;
	return 0;
}

/* Does the customer hold one of the record's own keys? */
static int
holds_sender_key(omni_link *l, const input *in, const char *cid, omni_error *err)
{
	const omni_link_keys *ck = omni_link_cust_keys(l, cid, err);

	if (!ck)
		return -1;
	for (size_t j = 0; j < ck->n; j++)     /* her keys, orders aside */
		if (sender_holds(in, ck->v[j].kind, ck->v[j].value))
			return 1;
	return 0;
}

/* A customer whose keys are all weak (a role address such as hello@)
 * cannot be told from another by her keys.  A mail id that names the
 * conversations of more than one customer is a mail many people got (a
 * newsletter): joined by it, her reply would absorb, and merge, all of
 * them.  A parent the conversation only referred to (one customer has
 * answered the newsletter so far) is no better.  Then only the
 * conversations of a customer who holds one of her keys are hers (her own
 * thread with the shop); with none, she starts her own, as other_sender
 * has it.  One customer's conversations found by one of their own
 * messages (her thread, References naming two of them) she joins. */
static int
weak_sender(omni_link *l, const input *in, verdict *v, omni_error *err)
{
	char cust[1 + MAX_CANDS][40];
	char (*t)[sizeof v->bridged[0]] = v->bridged;
	size_t keep = 0;
	int many = 0, rc;

	if (!v->via_mail)
		return 0;
	for (size_t i = 0; i < v->nbridged; i++) {
		cust[i][0] = '\0';
		if (omni_link_ticket_customer(l, t[i], cust[i], sizeof cust[i], err) < 0)
			return -1;
		many |= strcmp(cust[i], v->customer) != 0;
	}
	/* one customer's conversations, found by one of their own messages:
	 * a real thread, whoever at the role address writes in it */
	if (!many && v->via_own)
		return 0;
	/* the first ticket, then the bridged ones, kept when hers */
	if ((rc = holds_sender_key(l, in, v->customer, err)) < 0)
		return -1;
	if (!rc)
		v->ticket[0] = '\0';
	for (size_t i = 0; i < v->nbridged; i++) {
		if ((rc = holds_sender_key(l, in, cust[i], err)) < 0)
			return -1;
		if (!rc)
			continue;
		if (!v->ticket[0]) {
			link_copy(v->ticket, sizeof v->ticket, t[i]);
			link_copy(v->customer, sizeof v->customer, cust[i]);
			link_copy(v->who.value, sizeof v->who.value, t[i]);
		} else if (strcmp(cust[i], v->customer) == 0) {
			memmove(t[keep++], t[i], sizeof t[0]);
		}
	}
	v->nbridged = keep;
	if (!v->ticket[0]) {
		v->tkind[0] = v->tvalue[0] = v->customer[0] = '\0';
		v->via_mail = 0;
	}
	return 0;
}

/* Does the record hold a message of the customer's? */
static int
customer_wrote(const omni_record *rec)
{
	omni_jiter it;
	omni_span m;

	omni_json_iter(&it, omni_record_get(rec, "messages"));
	while (omni_json_next(&it, NULL, &m))
		if (omni_json_string_eq(omni_json_get(m, "direction"), "in"))
			return 1;
	return 0;
}

/* Which ticket and customer the record joins. */
static int
decide(omni_link *l, input *in, verdict *v, omni_error *err)
{
	omni_stmt *st = omni_link_stmt(l, OMNI_LS_LINK_GET);

	omni_stmt_bind_str(st, 1, in->id);
	if (omni_stmt_step(st, NULL, NULL) == OMNI_STMT_ROW) {
		link_copy(v->ticket, sizeof v->ticket, omni_stmt_text(st, 0));
		omni_link_seq_keep(l, v->ticket, omni_stmt_int64(st, 1));
		snprintf(v->tkind, sizeof v->tkind, "record");
		v->confidence = 1.0;
		v->via_mail = 1;      /* a rerun: its keys were learnt the first time */
	}
	omni_stmt_reset(st);
	if (!v->ticket[0] && omni_link_thread(l, in, v, err) < 0)
		return -1;
	if (v->ticket[0]) {
		if (omni_link_ticket_customer(l, v->ticket, v->customer, sizeof v->customer, err) < 0)
			return -1;
		snprintf(v->who.kind, sizeof v->who.kind, "ticket");
		link_copy(v->who.value, sizeof v->who.value, v->ticket);
		if (strcmp(v->tkind, "record") != 0 && sender_known(in) &&
		    other_sender(l, in, v, err) < 0)
			return -1;
		if (strcmp(v->tkind, "record") != 0 && !sender_known(in) && customer_wrote(in->rec) &&
		    weak_sender(l, in, v, err) < 0)
			return -1;
	}
	if (!v->customer[0]) {
		if (omni_link_customer(l, &in->keys, in->channel, in->id, &v->who, err) < 0)
			return -1;
		link_copy(v->customer, sizeof v->customer, v->who.id);
		v->ticket[0] = '\0';
		/* a reply to a mail no conversation has seen (an announcement,
		 * a newsletter) is no word on her open matter */
		if (!v->who.created && omni_link_recent(l, in, v, !in->replies, err) < 0)
			return -1;
	}
	if (!v->ticket[0]) {
		omni_link_hash_id(v->ticket, sizeof v->ticket, "tk-", in->id, NULL);
		v->new_ticket = 1;
	}
	return 0;
}

int
omni_link_record(omni_link *l, const omni_record *rec, omni_out *out,
                 char **explain, omni_error *err)
{
	input in;
	verdict v;
	char at[40], *texts[1 + MAX_CANDS] = { 0 };
	omni_record recs[1 + MAX_CANDS];
	const omni_record *stored[1 + MAX_CANDS];
	size_t ns = 0;
	omni_link_parts parts = { 0 };
	omni_link_keys sender = { 0 };
	owners buyers = { 0 };
	char *merged = NULL, **known = NULL;
	size_t nknown = 0;
	int status = -1;

	memset(&v, 0, sizeof v);
	if (explain)
		*explain = NULL;
	omni_link_cache_reset(l);
	if (input_read(l, rec, &in, err) < 0 || order_owner_keys(l, &in, &buyers, err) < 0 ||
	    account_keys(l, &in, err) < 0 || decide(l, &in, &v, err) < 0 ||
	    facts_link(l, &in, &v, &buyers, err) < 0)
		goto out;
	omni_time_format(in.first, at);
	omni_stmt *st = omni_link_stmt(l, OMNI_LS_CUST_PUT);
	char *name = v.via_mail ? NULL :
		omni_json_string(omni_json_get(omni_record_get(rec, "customer"), "name"), NULL);
	omni_stmt_bind_str(st, 1, v.customer);
	if (name)
		omni_stmt_bind_str(st, 2, name);
	omni_stmt_bind_str(st, 3, at);
	int rc = omni_link_step(l, st, err);
	free(name);
	if (rc < 0 || omni_link_keys_store(l, v.customer, &in.keys, in.channel, in.id, at,
	                                    v.via_mail, err) < 0)
		goto out;
	/* The stored conversation(s), read before the rows move. */
	const omni_record *prev = NULL;
	for (size_t i = 0; i <= v.nbridged; i++) {
		omni_time c = 0;
		const char *t = i ? v.bridged[i - 1] : v.ticket;
		char *text = i || !v.new_ticket ? omni_link_stored(l, t, &c) : NULL;
		if (!text)
			continue;
		omni_record_init(&recs[ns]);
		texts[ns] = text;
		if (omni_record_parse(&recs[ns], text, strlen(text), NULL) < 0) {
			omni_record_free(&recs[ns]);
			free(text);
			texts[ns] = NULL;
			continue;
		}
		if (c && (!parts.created_at || c < parts.created_at))
			parts.created_at = c;
		stored[ns] = &recs[ns];
		if (i == 0)
			prev = stored[ns];
		ns++;
	}
	for (size_t i = 0; i < v.nbridged; i++)
		if (omni_link_absorb(l, v.ticket, v.bridged[i], err) < 0)
			goto out;
	if (v.new_ticket && omni_link_seq_new(l, v.ticket, err) < 0)
		goto out;
	/* A new ticket has absorbed this record only; a new customer has no
	 * other ticket: nothing to look up. */
	if (v.new_ticket && !v.nbridged && !ns &&
	    !(parts.merged_from_json = merged = omni_link_json_list(in.id))) {
		omni_error_oom(err);
		goto out;
	}
	if (v.who.created)
		parts.history_json = "[]";
	/* what the store had of this record before its rows go in (a long
	 * ticket's stored record shows its latest messages only) */
	if (!v.new_ticket && omni_link_known(l, rec, v.ticket, &known, &nknown, err) < 0)
		goto out;
	parts.known = (const char *const *)known;
	parts.nknown = nknown;
	omni_link_state life;
	char status_json[24], solved_json[48], reopens_json[24], follows_json[48];
	omni_link_life(rec, prev, parts.known, nknown, &life);
	if (life.woken && l->any_desk && omni_desk_wake(l->store, v.ticket, at, err) < 0)
		goto out;
	link_quote(status_json, sizeof status_json, life.status);
	if (life.solved_at[0])
		link_quote(solved_json, sizeof solved_json, life.solved_at);
	else
		solved_json[0] = '\0';
	snprintf(reopens_json, sizeof reopens_json, life.reopens ? "%lld" : "",
	         (long long)life.reopens);
	omni_span pf = prev ? omni_record_get(prev, "follows") : (omni_span){ 0 };
	if (v.follows[0])
		link_quote(follows_json, sizeof follows_json, v.follows);
	else
		snprintf(follows_json, sizeof follows_json, "%.*s",
		         pf.n < sizeof follows_json ? (int)pf.n : 0, pf.p ? pf.p : "");
	parts.status_json = status_json;
	parts.solved_at_json = solved_json;
	parts.reopens_json = reopens_json;
	parts.follows_json = follows_json;
	/* her rating now; else the platform's in this record; else the
	 * store's (a record from fetch has none) */
	char *csat = NULL;
	omni_span pc = prev ? omni_record_get(prev, "csat") : (omni_span){ 0 };
	if (life.csat) {
		if (asprintf(&csat, "{\"score\":%d,\"scale\":5,\"at\":\"%s\"}", life.csat,
		             life.csat_at) < 0)
			csat = NULL;
		if (!csat) {
			omni_error_oom(err);
			goto out;
		}
	} else if (!omni_record_get(rec, "csat").p && omni_json_type(pc) == OMNI_J_OBJECT &&
	           !(csat = strndup(pc.p, pc.n))) {
		omni_error_oom(err);
		goto out;
	}
	parts.csat_json = csat;
	const char *row[5] = {
		in.channel, in.store[0] ? in.store : NULL, life.status,
		in.subject, in.thread[0] ? in.thread + 2 : NULL
	};
	parts.row = row;
	parts.region = region_of(l, in.store);
	/* An order is verified for the customer who wrote this record: her
	 * own keys, not every key of a customer she was merged into
	 * (omni-link(1)); a record of the seller's, or one that shows no key
	 * of its own (a role address), keeps the customer's */
	int own = customer_wrote(rec) && sender_known(&in);
	for (size_t i = 0; own && i < in.keys.n; i++) {
		const omni_link_key *k = &in.keys.v[i];
		if (strcmp(k->why, "text") != 0 && strcmp(k->why, "facts") != 0 &&
		    omni_link_keys_add(&sender, k->kind, k->value, k->strength, k->exclusive,
		                       k->direct, k->channel, k->why) < 0) {
			omni_error_oom(err);
			goto out;
		}
	}
	parts.sender = own ? &sender : NULL;
	if (omni_link_put_rows(l, &in, &v, at, err) < 0 ||
	    (l->any_fetched && omni_handoff_take(l->store, "fetch", in.id, err) < 0) ||
	    omni_link_emit(l, rec, stored, ns, v.ticket, v.customer, &parts, out, err) < 0) {
		free(csat);
		goto out;
	}
	free(csat);
	if (explain && l->o.explain)
		*explain = omni_link_explain(&in, &v, l->orders_said);
	status = 0;
out:
	for (size_t i = 0; i < ns; i++) {
		omni_record_free(&recs[i]);
		free(texts[i]);
	}
	input_free(&in);
	omni_link_keys_free(&sender);
	owners_free(&buyers);
	free(merged);
	for (size_t i = 0; i < nknown; i++)
		free(known[i]);
	free(known);
	/* No statement may hold a read snapshot past the record: a lingering
	 * one keeps the WAL from being checkpointed. */
	omni_store_reset_all(l->store);
	return status;
}
