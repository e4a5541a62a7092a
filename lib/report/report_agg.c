/* report_agg.c - tickets into groups, each ticket once, in its latest
 * version.
 *
 * An append-only history holds a ticket several times; only its latest
 * version counts (the greatest updated_at; on a tie, the later line).  So
 * each ticket's facts are kept in a table by a 64-bit hash of its id (about
 * 90 bytes and a 4-byte slot per distinct id) and aggregated at the end.
 * With `unique` (ids known to be unique) nothing is kept per ticket and
 * memory is bounded by the number of groups alone. */
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "record/record.h"
#include "report/report.h"
#include "report_int.h"

#define WEEK_MS (7LL * 24 * 3600 * 1000)

/* ---- string tables: group keys and refund reasons ---- */

static void
strtab_free(struct strtab *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		free(t->s[i]);
	free(t->s);
	free(t->len);
	free(t->slot);
	memset(t, 0, sizeof *t);
}

static int
strtab_grow(struct strtab *t)
{
	size_t nslots = t->nslots ? t->nslots * 2 : 64, i, j;
	uint32_t *slot = malloc(nslots * sizeof *slot);

	if (!slot)
		return -1;
	memset(slot, 0xff, nslots * sizeof *slot);
	for (i = 0; i < t->n; i++) {
		j = omni_rfacts_hash(t->s[i], t->len[i]) & (nslots - 1);
		while (slot[j] != UINT32_MAX)
			j = (j + 1) & (nslots - 1);
		slot[j] = (uint32_t)i;
	}
	free(t->slot);
	t->slot = slot;
	t->nslots = nslots;
	return 0;
}

long
omni_rep_intern(struct strtab *t, const char *s, size_t n)
{
	size_t j;
	char **ns;
	size_t *nl;

	if ((t->n + 1) * 2 > t->nslots && strtab_grow(t) < 0)
		return -1;
	j = omni_rfacts_hash(s, n) & (t->nslots - 1);
	for (; t->slot[j] != UINT32_MAX; j = (j + 1) & (t->nslots - 1))
		if (t->len[t->slot[j]] == n && !memcmp(t->s[t->slot[j]], s, n))
			return t->slot[j];
	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 16;
		if (!(ns = realloc(t->s, cap * sizeof *ns)))
			return -1;
		t->s = ns;
		if (!(nl = realloc(t->len, cap * sizeof *nl)))
			return -1;
		t->len = nl;
		t->cap = cap;
	}
	if (!(t->s[t->n] = malloc(n + 1)))
		return -1;
	memcpy(t->s[t->n], s, n);
	t->s[t->n][n] = '\0';
	t->len[t->n] = n;
	t->slot[j] = (uint32_t)t->n;
	return (long)t->n++;
}

/* ---- the report ---- */

static int
intern_reason(const char *s, size_t n, void *arg)
{
	omni_rep *r = arg;
	long id = omni_rep_intern(&r->reasons, s, n);

	if (id < 0)
		return -1;
	if (r->npool == r->poolcap) {
		size_t cap = r->poolcap ? r->poolcap * 2 : 256;
		uint32_t *p = realloc(r->pool, cap * sizeof *p);
		if (!p)
			return -1;
		r->pool = p;
		r->poolcap = cap;
	}
	r->pool[r->npool] = (uint32_t)id;
	return (int)r->npool++;
}

omni_rep *
omni_rep_new(const omni_rep_opts *o)
{
	omni_rep *r = calloc(1, sizeof *r);

	if (!r)
		return NULL;
	r->o = *o;
	r->key = calloc(1, 1);
	for (size_t i = 0; i < o->nby && i < 16; i++)
		r->bylen[i] = strlen(o->by[i]);
	return r;
}

void
omni_rep_agg_free(omni_ragg *a)
{
	omni_rstat_free(&a->frt);
	omni_rstat_free(&a->res);
	omni_rstat_free(&a->frt_bh);
	omni_rstat_free(&a->res_bh);
	omni_rstat_free(&a->frt_person);
	omni_rstat_free(&a->handling);
	free(a->reasons);
	memset(a, 0, sizeof *a);
}

void
omni_rep_free(omni_rep *r)
{
	size_t i;

	if (!r)
		return;
	for (i = 0; i < r->ngroups; i++) {
		omni_rep_agg_free(&r->groups[i].agg[0]);
		omni_rep_agg_free(&r->groups[i].agg[1]);
	}
	omni_rep_agg_free(&r->total.agg[0]);
	omni_rep_agg_free(&r->total.agg[1]);
	free(r->groups);
	free(r->gslot);
	strtab_free(&r->keys);
	strtab_free(&r->reasons);
	free(r->pool);
	free(r->facts);
	free(r->idslot);
	free(r->key);
	free(r);
}

const omni_rep_opts *
omni_rep_options(const omni_rep *r)
{
	return &r->o;
}

const char *
omni_rep_keyval(const omni_rep *r, uint32_t key, size_t i)
{
	const char *s;

	if (key >= r->keys.n)
		return NULL;
	for (s = r->keys.s[key]; i > 0; i--)
		s += strlen(s) + 1;
	if (*s == '\x01')
		return NULL;
	return s;
}

const char *
omni_rep_reason(const omni_rep *r, size_t i)
{
	return i < r->reasons.n ? r->reasons.s[i] : NULL;
}

size_t
omni_rep_nreasons(const omni_rep *r)
{
	return r->reasons.n;
}

/* The group key: the --by fields' values, each ended by a NUL, "\x01"
 * for an absent or null value. */
static long
group_key(omni_rep *r, const omni_record *rec)
{
	size_t i, need = 0, len = 0;
	omni_span v[16];
	char *k;

	/* one walk over the record's index, as in report_facts.c */
	memset(v, 0, sizeof v);
	for (size_t m = 0; m < rec->nmembers && r->o.nby; m++) {
		omni_span key = rec->members[m].key;
		for (i = 0; i < r->o.nby && i < 16; i++)
			if (key.n == r->bylen[i] && !memcmp(key.p, r->o.by[i], key.n))
				v[i] = rec->members[m].value;
	}
	/* the assignee a person set (omni-desk(1)) over routing's */
	for (i = 0; i < r->o.nby && i < 16; i++)
		if (r->bylen[i] == 8 && !memcmp(r->o.by[i], "assignee", 8)) {
			omni_span a = omni_json_get(omni_record_get(rec, "desk"), "assignee");
			if (omni_json_type(a) == OMNI_J_STRING)
				v[i] = a;
		}
	for (i = 0; i < r->o.nby && i < 16; i++)
		need += v[i].n + 2;
	if (need + 1 > r->keycap) {
		if (!(k = realloc(r->key, need + 1)))
			return -1;
		r->key = k;
		r->keycap = need + 1;
	}
	for (i = 0; i < r->o.nby && i < 16; i++) {
		omni_jtype t = omni_json_type(v[i]);
		size_t start = len;
		long n;
		if (t == OMNI_J_ABSENT || t == OMNI_J_NULL) {
			r->key[len++] = '\x01';
		} else if (t == OMNI_J_STRING &&
		           (n = omni_json_string_buf(v[i], r->key + len, r->keycap - len)) >= 0) {
			len += (size_t)n;
		} else {
			memcpy(r->key + len, v[i].p, v[i].n);
			len += v[i].n;
		}
		/* a NUL inside a value would split it */
		for (size_t j = start; j < len; j++)
			if (r->key[j] == '\0')
				r->key[j] = ' ';
		r->key[len++] = '\0';
	}
	return omni_rep_intern(&r->keys, r->key, len);
}

static int
ids_grow(omni_rep *r)
{
	size_t nslots = r->nidslots ? r->nidslots * 2 : 1024, i, j;
	uint32_t *slot = malloc(nslots * sizeof *slot);

	if (!slot)
		return -1;
	memset(slot, 0xff, nslots * sizeof *slot);
	for (i = 0; i < r->nfacts; i++) {
		j = r->facts[i].id & (nslots - 1);
		while (slot[j] != UINT32_MAX)
			j = (j + 1) & (nslots - 1);
		slot[j] = (uint32_t)i;
	}
	free(r->idslot);
	r->idslot = slot;
	r->nidslots = nslots;
	return 0;
}

/* Keeps f unless a later version of the same ticket is already kept. */
static int
keep_latest(omni_rep *r, const omni_rfacts *f)
{
	size_t j;
	omni_rfacts *old;

	if ((r->nfacts + 1) * 2 > r->nidslots && ids_grow(r) < 0)
		return -1;
	for (j = f->id & (r->nidslots - 1); r->idslot[j] != UINT32_MAX;
	     j = (j + 1) & (r->nidslots - 1)) {
		old = &r->facts[r->idslot[j]];
		if (old->id != f->id)
			continue;
		if (f->updated >= old->updated)   /* a tie: the later line wins */
			*old = *f;
		r->duplicates++;
		return 0;
	}
	if (r->nfacts == r->factcap) {
		size_t cap = r->factcap ? r->factcap * 2 : 4096;
		omni_rfacts *p = realloc(r->facts, cap * sizeof *p);
		if (!p)
			return -1;
		r->facts = p;
		r->factcap = cap;
	}
	r->idslot[j] = (uint32_t)r->nfacts;
	r->facts[r->nfacts++] = *f;
	return 0;
}

/* The time figures in business hours, when asked for. */
static int
business_facts(omni_rep *r, const omni_record *rec, omni_rfacts *f, omni_error *err)
{
	char store[256];
	const char *s = NULL;

	f->frt_bh = f->res_bh = -1;
	if (!r->o.business)
		return 0;
	if (omni_json_string_buf(omni_record_get(rec, "store"), store, sizeof store) > 0)
		s = store;
	if (f->first_in != OMNI_TIME_NONE && f->first_reply != OMNI_TIME_NONE &&
	    (f->frt_bh = r->o.business(r->o.business_arg, s, f->first_in, f->first_reply,
	                               err)) < 0)
		return -1;
	if (f->created != OMNI_TIME_NONE && f->solved != OMNI_TIME_NONE &&
	    (f->res_bh = r->o.business(r->o.business_arg, s, f->created, f->solved, err)) < 0)
		return -1;
	return 0;
}

int
omni_rep_add(omni_rep *r, const omni_record *rec, omni_error *err)
{
	omni_rfacts f;
	long key;

	if (omni_rfacts_read(rec, &f, intern_reason, r, err) < 0 ||
	    business_facts(r, rec, &f, err) < 0)
		return -1;
	if ((key = group_key(r, rec)) < 0)
		goto nomem;
	f.key = (uint32_t)key;
	if (r->o.unique || !f.id) {
		/* nothing to supersede it: count it now, keep nothing */
		if (omni_rep_aggregate(r, &f) < 0)
			goto nomem;
		r->npool = 0;
		return 0;
	}
	if (keep_latest(r, &f) < 0)
		goto nomem;
	return 0;
nomem:
	return omni_error_oom(err), -1;
}

static int
cmp_customer(const void *a, const void *b)
{
	const omni_rfacts *x = *(omni_rfacts *const *)a, *y = *(omni_rfacts *const *)b;

	if (x->customer != y->customer)
		return x->customer < y->customer ? -1 : 1;
	return (x->created > y->created) - (x->created < y->created);
}

/* A repeat contact also when the input itself holds another ticket of the
 * same customer created in the seven days before. */
static int
mark_repeats(omni_rep *r)
{
	omni_rfacts **v = malloc((r->nfacts + 1) * sizeof *v);
	size_t i, n = 0;

	if (!v)
		return -1;
	for (i = 0; i < r->nfacts; i++)
		if (r->facts[i].customer && r->facts[i].created != OMNI_TIME_NONE)
			v[n++] = &r->facts[i];
	qsort(v, n, sizeof *v, cmp_customer);
	for (i = 1; i < n; i++) {
		size_t j = i - 1;
		/* the nearest strictly earlier ticket of the same customer */
		while (j > 0 && v[j]->customer == v[i]->customer &&
		       v[j]->created == v[i]->created)
			j--;
		if (v[j]->customer == v[i]->customer && v[j]->created < v[i]->created &&
		    v[i]->created - v[j]->created <= WEEK_MS)
			v[i]->flags |= OMNI_RF_REPEAT;
	}
	free(v);
	return 0;
}

int
omni_rep_finish(omni_rep *r, omni_error *err)
{
	size_t i;

	if (r->nfacts && mark_repeats(r) < 0)
		goto nomem;
	for (i = 0; i < r->nfacts; i++)
		if (omni_rep_aggregate(r, &r->facts[i]) < 0)
			goto nomem;
	free(r->facts);
	free(r->idslot);
	r->facts = NULL;
	r->idslot = NULL;
	r->nfacts = r->factcap = r->nidslots = 0;
	return omni_rep_merged(r, err);
nomem:
	return omni_error_oom(err), -1;
}
