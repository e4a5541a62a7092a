/* report_window.c - which tickets count where: the window, the previous
 * window, periods (day, ISO week, month; in UTC), and the groups.
 *
 * Volume and the figures of the ticket's conversation (first response,
 * a person's first response and handling time, unanswered, SLA, WISMO,
 * orders, refunds, CSAT, repeat contacts) count
 * tickets created in the window, in the period of their created_at;
 * resolution, one-touch and the reopen rate count tickets solved in the
 * window, in the period of their solved_at. */
#include <stdlib.h>
#include <string.h>

#include "report_int.h"

#define DAY_MS (24LL * 3600 * 1000)
#define PERIOD_UNKNOWN INT32_MIN

static int64_t
floor_div(int64_t a, int64_t b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

static int32_t
period_of(int kind, omni_time t)
{
	int64_t day, thu;
	int y, m, d;

	if (kind == OMNI_PERIOD_NONE)
		return 0;
	if (t == OMNI_TIME_NONE)
		return PERIOD_UNKNOWN;
	day = floor_div(t, DAY_MS);
	if (kind == OMNI_PERIOD_DAY)
		return (int32_t)day;
	if (kind == OMNI_PERIOD_MONTH) {
		omni_date_from_days(day, &y, &m, &d);
		return y * 12 + (m - 1);
	}
	/* ISO week: the week's Thursday decides the year */
	thu = day + 3 - ((day + 3) % 7 + 7) % 7;   /* Monday of the week, +3 */
	omni_date_from_days(thu, &y, &m, &d);
	return y * 100 + (int32_t)((thu - omni_date_to_days(y, 1, 1)) / 7 + 1);
}

char *
omni_rep_period_label(int kind, int32_t period, char *buf)
{
	int y, m, d;

	if (period == PERIOD_UNKNOWN || kind == OMNI_PERIOD_NONE) {
		strcpy(buf, kind == OMNI_PERIOD_NONE ? "" : "unknown");
	} else if (kind == OMNI_PERIOD_DAY) {
		omni_date_from_days(period, &y, &m, &d);
		snprintf(buf, 16, "%04d-%02d-%02d", y, m, d);
	} else if (kind == OMNI_PERIOD_WEEK) {
		snprintf(buf, 16, "%04d-W%02d", (int)(period / 100), (int)(period % 100));
	} else {
		snprintf(buf, 16, "%04d-%02d", (int)floor_div(period, 12),
		         (int)(period - floor_div(period, 12) * 12 + 1));
	}
	return buf;
}

static uint64_t
group_hash(uint32_t key, int32_t period)
{
	uint64_t h = ((uint64_t)key << 32 | (uint32_t)period) * 0x9e3779b97f4a7c15ULL;

	return h ^ (h >> 29);
}

static int
groups_grow(omni_rep *r)
{
	size_t n = r->ngslots ? r->ngslots * 2 : 64, i, j;
	uint32_t *slot;

	while (n < (r->ngroups + 1) * 2)   /* after a reset, all at once */
		n *= 2;
	slot = malloc(n * sizeof *slot);

	if (!slot)
		return -1;
	memset(slot, 0xff, n * sizeof *slot);
	for (i = 0; i < r->ngroups; i++) {
		j = group_hash(r->groups[i].key, r->groups[i].period) & (n - 1);
		while (slot[j] != UINT32_MAX)
			j = (j + 1) & (n - 1);
		slot[j] = (uint32_t)i;
	}
	free(r->gslot);
	r->gslot = slot;
	r->ngslots = n;
	return 0;
}

omni_rgroup *
omni_rep_group(omni_rep *r, uint32_t key, int32_t period)
{
	size_t j;
	omni_rgroup *g;

	if ((r->ngroups + 1) * 2 > r->ngslots && groups_grow(r) < 0)
		return NULL;
	for (j = group_hash(key, period) & (r->ngslots - 1); r->gslot[j] != UINT32_MAX;
	     j = (j + 1) & (r->ngslots - 1)) {
		g = &r->groups[r->gslot[j]];
		if (g->key == key && g->period == period)
			return g;
	}
	if (r->ngroups == r->gcap) {
		size_t cap = r->gcap ? r->gcap * 2 : 16;
		if (!(g = realloc(r->groups, cap * sizeof *g)))
			return NULL;
		r->groups = g;
		r->gcap = cap;
	}
	g = &r->groups[r->ngroups];
	memset(g, 0, sizeof *g);
	g->key = key;
	g->period = period;
	r->gslot[j] = (uint32_t)r->ngroups++;
	return g;
}

int
omni_rep_agg_reason(omni_ragg *a, size_t reason, int64_t n)
{
	if (reason >= a->nreasons) {
		size_t cap = reason + 8;
		int64_t *p = realloc(a->reasons, cap * sizeof *p);
		if (!p)
			return -1;
		memset(p + a->nreasons, 0, (cap - a->nreasons) * sizeof *p);
		a->reasons = p;
		a->nreasons = cap;
	}
	a->reasons[reason] += n;
	return 0;
}

static int
in_window(omni_time t, omni_time since, omni_time until)
{
	if (since == OMNI_TIME_NONE && until == OMNI_TIME_NONE)
		return 1;
	return t != OMNI_TIME_NONE && (since == OMNI_TIME_NONE || t >= since) &&
	       (until == OMNI_TIME_NONE || t < until);
}

static int
count_created(omni_rep *r, const omni_rfacts *f, omni_ragg *a)
{
	omni_time now = r->o.now;
	uint16_t i;

	a->tickets++;
	if (f->first_in == OMNI_TIME_NONE) {
		a->no_customer++;
	} else if (f->first_reply != OMNI_TIME_NONE) {
		a->answered++;
		if (omni_rstat_add(&a->frt, f->first_reply - f->first_in) < 0 ||
		    (f->frt_bh >= 0 && omni_rstat_add(&a->frt_bh, f->frt_bh) < 0))
			return -1;
	} else {
		a->unanswered++;
	}
	if (f->first_in != OMNI_TIME_NONE && f->first_person != OMNI_TIME_NONE &&
	    omni_rstat_add(&a->frt_person, f->first_person - f->first_in) < 0)
		return -1;
	if (f->handling >= 0 && omni_rstat_add(&a->handling, f->handling) < 0)
		return -1;
	if (f->first_in != OMNI_TIME_NONE && f->due != OMNI_TIME_NONE) {
		if (f->first_reply != OMNI_TIME_NONE) {
			a->sla_judged++;
			a->sla_met += f->first_reply <= f->due;
		} else if (now > f->due) {
			a->sla_judged++;     /* unanswered past its due time */
		}
	}
	a->wismo += !!(f->flags & OMNI_RF_WISMO);
	a->with_order += !!(f->flags & OMNI_RF_ORDER);
	a->refunded += !!(f->flags & OMNI_RF_REFUND);
	a->rated += !!(f->flags & OMNI_RF_RATED);
	a->satisfied += !!(f->flags & OMNI_RF_SATISFIED);
	a->repeat += !!(f->flags & OMNI_RF_REPEAT);
	a->orders += f->orders;
	a->late += f->late;
	for (i = 0; i < f->nreasons; i++)
		if (omni_rep_agg_reason(a, r->pool[f->reasons + i], 1) < 0)
			return -1;
	return 0;
}

static int
count_solved(const omni_rfacts *f, omni_ragg *a)
{
	a->solved++;
	a->one_touch += f->replies == 1;
	a->reopened += !!(f->flags & OMNI_RF_REOPENED);
	if (f->created == OMNI_TIME_NONE)
		return 0;
	if (f->res_bh >= 0 && omni_rstat_add(&a->res_bh, f->res_bh) < 0)
		return -1;
	return omni_rstat_add(&a->res, f->solved - f->created);
}

int
omni_rep_aggregate(omni_rep *r, const omni_rfacts *f)
{
	omni_time since = r->o.since, until = r->o.until;
	omni_rgroup *g;
	int w;

	for (w = 0; w < (r->o.compare ? 2 : 1); w++) {
		if (w == 1) {    /* the same length, just before */
			omni_time end = until == OMNI_TIME_NONE ? r->o.now : until;
			until = since;
			since = since - (end - since);
		}
		if (in_window(f->created, since, until)) {
			if (!(g = omni_rep_group(r, f->key, period_of(r->o.period, f->created))) ||
			    count_created(r, f, &g->agg[w]) < 0)
				return -1;
		}
		if (f->solved != OMNI_TIME_NONE && in_window(f->solved, since, until)) {
			if (!(g = omni_rep_group(r, f->key, period_of(r->o.period, f->solved))) ||
			    count_solved(f, &g->agg[w]) < 0)
				return -1;
		}
	}
	return 0;
}

int
omni_rep_agg_add(omni_ragg *a, const omni_ragg *b)
{
	size_t i;

	a->tickets += b->tickets;
	a->answered += b->answered;
	a->unanswered += b->unanswered;
	a->no_customer += b->no_customer;
	a->sla_judged += b->sla_judged;
	a->sla_met += b->sla_met;
	a->wismo += b->wismo;
	a->with_order += b->with_order;
	a->refunded += b->refunded;
	a->rated += b->rated;
	a->satisfied += b->satisfied;
	a->solved += b->solved;
	a->one_touch += b->one_touch;
	a->reopened += b->reopened;
	a->repeat += b->repeat;
	a->orders += b->orders;
	a->late += b->late;
	for (i = 0; i < b->nreasons; i++)
		if (b->reasons[i] && omni_rep_agg_reason(a, i, b->reasons[i]) < 0)
			return -1;
	if (omni_rstat_merge(&a->frt, &b->frt) < 0 || omni_rstat_merge(&a->res, &b->res) < 0 ||
	    omni_rstat_merge(&a->frt_bh, &b->frt_bh) < 0 ||
	    omni_rstat_merge(&a->res_bh, &b->res_bh) < 0 ||
	    omni_rstat_merge(&a->frt_person, &b->frt_person) < 0 ||
	    omni_rstat_merge(&a->handling, &b->handling) < 0)
		return -1;
	return 0;
}

static const omni_rep *sort_rep;

static int
cmp_group(const void *a, const void *b)
{
	const omni_rgroup *x = a, *y = b;
	size_t lx, ly;
	int c;

	if (x->key != y->key) {
		lx = sort_rep->keys.len[x->key];
		ly = sort_rep->keys.len[y->key];
		c = memcmp(sort_rep->keys.s[x->key], sort_rep->keys.s[y->key], lx < ly ? lx : ly);
		if (c || lx != ly)
			return c ? c : (lx < ly ? -1 : 1);
	}
	return (x->period > y->period) - (x->period < y->period);
}

int
omni_rep_merged(omni_rep *r, omni_error *err)
{
	size_t i;
	int w;

	sort_rep = r;
	if (r->ngroups)
		qsort(r->groups, r->ngroups, sizeof *r->groups, cmp_group);
	free(r->gslot);      /* the order changed: the index is stale */
	r->gslot = NULL;
	r->ngslots = 0;
	for (w = 0; w < 2; w++) {
		omni_rep_agg_free(&r->total.agg[w]);
		for (i = 0; i < r->ngroups; i++)
			if (omni_rep_agg_add(&r->total.agg[w], &r->groups[i].agg[w]) < 0)
				return omni_error_oom(err), -1;
	}
	r->total.key = UINT32_MAX;
	r->finished = 1;
	return 0;
}

size_t
omni_rep_groups(omni_rep *r, omni_rgroup **groups)
{
	*groups = r->groups;
	return r->ngroups;
}

omni_rgroup *
omni_rep_total(omni_rep *r)
{
	return &r->total;
}
