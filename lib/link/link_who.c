/*
 * link_who.c - which customer a ticket is.
 *
 * Strong keys look customers up (the sender's own first, then those of her
 * shop account and of orders verified as hers); weak keys are only
 * recorded.  Claims (order numbers, addresses written in a message) never
 * look anyone up, nor are they kept as anyone's keys; only a marketplace
 * writing about an order itself (an A-to-z notice) names its buyer by it.  A
 * customer found is taken unless one of its exclusive keys (one value per
 * customer: a social id, a marketplace buyer, a platform customer id)
 * differs from one already taken, or --unmerge blocked the pair.  Several
 * customers taken are one person: they merge into the oldest, whose id
 * stays.
 */
#include <stdlib.h>
#include <string.h>

#include "link_int.h"

#define MAX_CUST 16

/* Copies s into d of size n, cut short if need be. */
static void
copy(char *d, size_t n, const char *s)
{
	size_t len = s ? strlen(s) : 0;

	if (len >= n)
		len = n - 1;
	memcpy(d, s ? s : "", len);
	d[len] = '\0';
}

int
omni_link_kind_exclusive(const char *kind)
{
	return strcmp(kind, "email") != 0 && strcmp(kind, "phone") != 0 &&
	       strcmp(kind, "order") != 0;
}

void
omni_link_cache_reset(omni_link *l)
{
	l->ck_id[0] = '\0';
	omni_link_keys_free(&l->ck);
	for (size_t i = 0; i < l->norder_miss; i++)
		free(l->order_miss[i]);
	l->norder_miss = 0;
	l->nseqs = 0;
	l->orders_said[0] = '\0';
}

const omni_link_keys *
omni_link_cust_keys(omni_link *l, const char *cid, omni_error *err)
{
	omni_stmt *st;
	int rc;

	if (l->ck_id[0] && strcmp(l->ck_id, cid) == 0)
		return &l->ck;
	l->ck_id[0] = '\0';
	omni_link_keys_free(&l->ck);
	st = omni_link_stmt(l, OMNI_LS_CUST_KEYS);
	omni_stmt_bind_str(st, 1, cid);
	while ((rc = omni_stmt_step(st, NULL, NULL)) == OMNI_STMT_ROW) {
		const char *kind = omni_stmt_text(st, 0);
		if (omni_link_keys_add(&l->ck, kind, omni_stmt_text(st, 1),
		                       95, omni_link_kind_exclusive(kind), 1, NULL, "store") < 0) {
			omni_stmt_reset(st);
			omni_link_keys_free(&l->ck);
			return omni_error_oom(err), NULL;
		}
	}
	omni_stmt_reset(st);
	if (rc != OMNI_STMT_DONE) {
		omni_link_keys_free(&l->ck);
		return omni_store_error(l->store, err, "reading keys"), NULL;
	}
	copy(l->ck_id, sizeof l->ck_id, cid);
	return &l->ck;
}

int
omni_link_order_missed(omni_link *l, const char *key)
{
	for (size_t i = 0; i < l->norder_miss; i++)
		if (strcmp(l->order_miss[i], key) == 0)
			return 1;
	return 0;
}

void
omni_link_order_miss(omni_link *l, const char *key)
{
	size_t max = sizeof l->order_miss / sizeof l->order_miss[0];

	if (l->norder_miss < max && (l->order_miss[l->norder_miss] = strdup(key)))
		l->norder_miss++;
}

/* Adds the exclusive keys of a customer to set: from its keys if they
 * are the ones read whole, else read alone.  A customer a shared address
 * finds is mostly turned down on them, and may hold a hundred phones. */
static int
exclusive_keys(omni_link *l, const char *cid, omni_link_keys *set, omni_error *err)
{
	omni_stmt *st;
	int rc;

	if (l->ck_id[0] && strcmp(l->ck_id, cid) == 0) {
		for (size_t i = 0; i < l->ck.n; i++)
			if (l->ck.v[i].exclusive &&
			    omni_link_keys_add(set, l->ck.v[i].kind, l->ck.v[i].value, 95, 1, 1,
			                       NULL, "store") < 0)
				return omni_error_oom(err), -1;
		return 0;
	}
	st = omni_link_stmt(l, OMNI_LS_CUST_EXCLUSIVE);
	omni_stmt_bind_str(st, 1, cid);
	while ((rc = omni_stmt_step(st, NULL, NULL)) == OMNI_STMT_ROW)
		if (omni_link_keys_add(set, omni_stmt_text(st, 0),
		                       omni_stmt_text(st, 1), 95, 1, 1,
		                       NULL, "store") < 0) {
			omni_stmt_reset(st);
			return omni_error_oom(err), -1;
		}
	omni_stmt_reset(st);
	if (rc != OMNI_STMT_DONE)
		return omni_store_error(l->store, err, "reading keys"), -1;
	return 0;
}

/* Does set hold this kind and value? */
static int
holds(const omni_link_keys *set, const char *kind, const char *value)
{
	for (size_t i = 0; i < set->n; i++)
		if (strcmp(set->v[i].kind, kind) == 0 && strcmp(set->v[i].value, value) == 0)
			return 1;
	return 0;
}

/* Does set hold a different value of kind? */
static int
conflicts(const omni_link_keys *set, const char *kind, const char *value)
{
	for (size_t i = 0; i < set->n; i++)
		if (strcmp(set->v[i].kind, kind) == 0 && strcmp(set->v[i].value, value) != 0)
			return 1;
	return 0;
}

static int
conflicts_any(const omni_link_keys *set, const omni_link_keys *other)
{
	for (size_t i = 0; i < other->n; i++)
		if (conflicts(set, other->v[i].kind, other->v[i].value))
			return 1;
	return 0;
}

static int
usable(const omni_link_key *k, const char *channel)
{
	return !k->channel || strcmp(k->channel, channel) == 0;
}

/* Is k the sender's identity (the channel vouches for it, or an account or
 * a verified order that is hers), not a claim: an order number or an
 * address written in a message finds and merges no one. */
static int
identity(const omni_link_key *k)
{
	if (strcmp(k->kind, "order") == 0)
		return strcmp(k->why, "channel") == 0;
	return strcmp(k->why, "text") != 0;
}

int
omni_link_blocked(omni_link *l, const char *x, const char *y)
{
	omni_stmt *st;
	int rc;

	if (!l->any_blocks)
		return 0;
	st = omni_link_stmt(l, OMNI_LS_BLOCKED);
	if (strcmp(x, y) > 0) {
		const char *t = x;
		x = y;
		y = t;
	}
	omni_stmt_bind_str(st, 1, x);
	omni_stmt_bind_str(st, 2, y);
	rc = omni_stmt_step(st, NULL, NULL) == OMNI_STMT_ROW;
	omni_stmt_reset(st);
	return rc;
}

/* Customer a is older than b (created first; the id breaks ties). */
static int
older(omni_link *l, const char *a, const char *b)
{
	char ta[40] = "", tb[40] = "";
	const char *ids[2] = { a, b };
	char *out[2] = { ta, tb };

	for (int i = 0; i < 2; i++) {
		omni_stmt *st = omni_link_stmt(l, OMNI_LS_CUST_GET);
		omni_stmt_bind_str(st, 1, ids[i]);
		if (omni_stmt_step(st, NULL, NULL) == OMNI_STMT_ROW && omni_stmt_text(st, 1))
			snprintf(out[i], 40, "%s", omni_stmt_text(st, 1));
		omni_stmt_reset(st);
	}
	int c = strcmp(ta, tb);
	return c < 0 || (c == 0 && strcmp(a, b) < 0);
}

static int
merge_customer(omni_link *l, const char *into, const char *from, omni_error *err)
{
	l->ck_id[0] = '\0';     /* the keys move */
	if (omni_link_exec(l, err, OMNI_LS_MERGE_KEYS, into, from, (const char *)NULL) < 0 ||
	    omni_link_exec(l, err, OMNI_LS_MERGE_KEYS_DROP, from, (const char *)NULL) < 0 ||
	    omni_link_exec(l, err, OMNI_LS_MERGE_TICKETS, into, from, (const char *)NULL) < 0 ||
	    omni_link_exec(l, err, OMNI_LS_MERGE_CUST_KEEP, into, from, (const char *)NULL) < 0 ||
	    omni_link_exec(l, err, OMNI_LS_MERGE_CUST_DROP, from, (const char *)NULL) < 0)
		return -1;
	return 0;
}

static void
new_customer_id(omni_link *l, const omni_link_keys *keys, const char *channel,
                const char *source_id, char *cid, size_t size)
{
	char seed[700] = "";

	for (size_t i = 0; i < keys->n && !seed[0]; i++)
		if (keys->v[i].direct && keys->v[i].strength >= OMNI_LINK_STRONG &&
		    usable(&keys->v[i], channel))
			snprintf(seed, sizeof seed, "%s:%s", keys->v[i].kind, keys->v[i].value);
	if (!seed[0])
		snprintf(seed, sizeof seed, "record:%s", source_id);
	for (int salt = 0;; salt++) {
		char s[16];
		omni_stmt *st;
		snprintf(s, sizeof s, "%d", salt);
		/* The same first key gives the same id in every store. */
		omni_link_hash_id(cid, size, "cus-", seed, salt ? s : NULL);
		st = omni_link_stmt(l, OMNI_LS_CUST_GET);
		omni_stmt_bind_str(st, 1, cid);
		int taken = omni_stmt_step(st, NULL, NULL) == OMNI_STMT_ROW;
		omni_stmt_reset(st);
		if (!taken)
			return;
	}
}

int
omni_link_customer(omni_link *l, const omni_link_keys *keys, const char *channel,
                   const char *source_id, omni_link_who *who, omni_error *err)
{
	char cands[MAX_CUST][40];
	size_t n = 0;
	omni_link_keys set = { 0 }, cset = { 0 };
	int status = -1;

	/* The sender's own exclusive keys bind whatever is found. */
	for (size_t i = 0; i < keys->n; i++)
		if (keys->v[i].direct && keys->v[i].exclusive && usable(&keys->v[i], channel) &&
		    omni_link_keys_add(&set, keys->v[i].kind, keys->v[i].value, 95, 1, 1,
		                       NULL, "sender") < 0)
			goto out;
	for (int direct = 1; direct >= 0; direct--)
		for (size_t i = 0; i < keys->n; i++) {
			const omni_link_key *k = &keys->v[i];
			omni_stmt *st;
			int rc;
			if (k->direct != direct || k->strength < OMNI_LINK_STRONG || !identity(k) ||
			    !usable(k, channel) || (k->exclusive && conflicts(&set, k->kind, k->value)))
				continue;
			st = omni_link_stmt(l, OMNI_LS_KEY_GET);
			omni_stmt_bind_str(st, 1, k->kind);
			omni_stmt_bind_str(st, 2, k->value);
			char found[MAX_CUST][40];
			size_t nf = 0;
			while ((rc = omni_stmt_step(st, NULL, NULL)) == OMNI_STMT_ROW && nf < MAX_CUST)
				copy(found[nf++], 40, omni_stmt_text(st, 0));
			omni_stmt_reset(st);
			for (size_t f = 0; f < nf && n < MAX_CUST; f++) {
				int have = 0, bad = 0;
				for (size_t j = 0; j < n; j++)
					have |= strcmp(cands[j], found[f]) == 0;
				if (have)
					continue;
				omni_link_keys_free(&cset);
				if (exclusive_keys(l, found[f], &cset, err) < 0)
					goto out;
				bad = conflicts_any(&set, &cset);
				for (size_t j = 0; j < n && !bad; j++)
					bad = omni_link_blocked(l, cands[j], found[f]);
				if (bad) {
					who->conflicts++;
					continue;
				}
				for (size_t j = 0; j < cset.n; j++)
					omni_link_keys_add(&set, cset.v[j].kind, cset.v[j].value, 95, 1, 1,
					                   NULL, "store");
				if (!n) {
					snprintf(who->kind, sizeof who->kind, "%s", k->kind);
					snprintf(who->value, sizeof who->value, "%s", k->value);
				}
				copy(cands[n++], 40, found[f]);
			}
		}
	if (!n) {
		new_customer_id(l, keys, channel, source_id, who->id, sizeof who->id);
		who->created = 1;
		omni_link_keys_free(&l->ck);     /* a new customer has no keys yet */
		copy(l->ck_id, sizeof l->ck_id, who->id);
		status = 0;
		goto out;
	}
	size_t p = 0;
	for (size_t j = 1; j < n; j++)
		if (older(l, cands[j], cands[p]))
			p = j;
	copy(who->id, sizeof who->id, cands[p]);
	for (size_t j = 0; j < n; j++) {
		if (j == p)
			continue;
		if (merge_customer(l, who->id, cands[j], err) < 0)
			goto out;
		if (who->nmerged < sizeof who->merged / sizeof who->merged[0])
			copy(who->merged[who->nmerged++], sizeof who->merged[0], cands[j]);
	}
	status = 0;
out:
	omni_link_keys_free(&set);
	omni_link_keys_free(&cset);
	return status;
}

int
omni_link_keys_store(omni_link *l, const char *cid, const omni_link_keys *keys,
                     const char *channel, const char *source_id, const char *at,
                     int orders_only, omni_error *err)
{
	omni_link_keys set = { 0 };
	int status = -1;

	/* Read whole: the keys it holds are not written again. */
	if (!omni_link_cust_keys(l, cid, err) || exclusive_keys(l, cid, &set, err) < 0)
		goto out;
	for (size_t i = 0; i < keys->n; i++) {
		const omni_link_key *k = &keys->v[i];
		omni_stmt *st;
		if (!usable(k, channel) || (orders_only && strcmp(k->kind, "order") != 0) ||
		    (!identity(k) && strcmp(k->kind, "order") != 0))
			continue;
		if (k->exclusive && conflicts(&set, k->kind, k->value))
			continue;     /* never two values of a one-value kind */
		if (k->exclusive)
			omni_link_keys_add(&set, k->kind, k->value, 95, 1, 1, NULL, "store");
		if (holds(&l->ck, k->kind, k->value))
			continue;     /* stored: the insert would be ignored */
		st = omni_link_stmt(l, OMNI_LS_KEY_PUT);
		omni_stmt_bind_str(st, 1, k->kind);
		omni_stmt_bind_str(st, 2, k->value);
		omni_stmt_bind_str(st, 3, cid);
		omni_stmt_bind_int64(st, 4, k->strength);
		if (k->channel)
			omni_stmt_bind_str(st, 5, k->channel);
		omni_stmt_bind_str(st, 6, source_id);
		omni_stmt_bind_str(st, 7, at);
		if (omni_stmt_step(st, NULL, NULL) != OMNI_STMT_DONE) {
			omni_store_error(l->store, err, "cannot record a key");
			goto out;
		}
		if (omni_link_keys_add(&l->ck, k->kind, k->value, 95,
		                       omni_link_kind_exclusive(k->kind), 1, NULL, "store") < 0) {
			omni_error_oom(err);
			goto out;
		}
	}
	status = 0;
out:
	omni_link_keys_free(&set);
	return status;
}
