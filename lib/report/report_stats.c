/* report_stats.c - count, mean and nearest-rank percentiles of a time.
 *
 * Values (milliseconds) are kept exactly while there are at most
 * OMNI_RSTAT_EXACT of them, so small reports are exact.  Past that they
 * move into a histogram of logarithmic buckets 2% wide: a bucket's
 * representative is within 1% of every value in it, so a percentile read
 * from it is within 1% relative, and memory per statistic stays fixed
 * (two arrays of OMNI_RSTAT_BUCKETS counts) however many tickets there are.
 * Count, sum, minimum and maximum stay exact throughout, and two statistics
 * merge by adding (the partial aggregates of --partial and --merge). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report/report.h"

#define GAMMA 1.02

static int
bucket_of(int64_t v)
{
	if (v < 1)
		return 0;
	int i = (int)floor(log((double)v) / log(GAMMA));

	if (i < 0)
		i = 0;
	if (i >= OMNI_RSTAT_BUCKETS)
		i = OMNI_RSTAT_BUCKETS - 1;
	return i;
}

/* Halfway in relative terms between the bucket's bounds. */
static double
bucket_value(int i)
{
	return 2.0 * pow(GAMMA, i + 1) / (GAMMA + 1.0);
}

void
omni_rstat_free(omni_rstat *s)
{
	free(s->vals);
	free(s->pos);
	free(s->neg);
	memset(s, 0, sizeof *s);
}

static int
hist_put(omni_rstat *s, int64_t v, int64_t n)
{
	uint64_t **side = v < 0 ? &s->neg : &s->pos;

	if (v == 0) {
		s->zero += n;
		return 0;
	}
	if (!*side && !(*side = calloc(OMNI_RSTAT_BUCKETS, sizeof **side)))
		return -1;
	(*side)[bucket_of(v < 0 ? -v : v)] += (uint64_t)n;
	return 0;
}

/* The exact values no longer fit: move them into the histogram. */
static int
to_histogram(omni_rstat *s)
{
	size_t i;

	for (i = 0; i < s->nvals; i++)
		if (hist_put(s, s->vals[i], 1) < 0)
			return -1;
	free(s->vals);
	s->vals = NULL;
	s->nvals = s->cap = 0;
	s->sketch = 1;
	return 0;
}

static int
exact_put(omni_rstat *s, int64_t v)
{
	if (s->nvals == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 16;
		int64_t *p = realloc(s->vals, cap * sizeof *p);

		if (!p)
			return -1;
		s->vals = p;
		s->cap = cap;
	}
	s->vals[s->nvals++] = v;
	s->sorted = 0;
	return 0;
}

int
omni_rstat_add(omni_rstat *s, int64_t v)
{
	if (!s->count || v < s->min)
		s->min = v;
	if (!s->count || v > s->max)
		s->max = v;
	s->count++;
	s->sum += v;
	if (!s->sketch && s->nvals < OMNI_RSTAT_EXACT)
		return exact_put(s, v);
	if (!s->sketch && to_histogram(s) < 0)
		return -1;
	return hist_put(s, v, 1);
}

/* Adds n values to bucket i of one side (sign < 0 negative, 0 zero). */
static int
bucket_add(omni_rstat *s, int sign, int i, uint64_t n)
{
	uint64_t **side = sign < 0 ? &s->neg : &s->pos;

	if (sign == 0) {
		s->zero += (int64_t)n;
		return 0;
	}
	if (i < 0 || i >= OMNI_RSTAT_BUCKETS)
		return -1;
	if (!*side && !(*side = calloc(OMNI_RSTAT_BUCKETS, sizeof **side)))
		return -1;
	(*side)[i] += n;
	return 0;
}

int
omni_rstat_merge(omni_rstat *into, const omni_rstat *from)
{
	int64_t count, sum, lo, hi;
	int i;

	if (!from->count)
		return 0;
	count = into->count + from->count;
	sum = into->sum + from->sum;
	lo = into->count && into->min < from->min ? into->min : from->min;
	hi = into->count && into->max > from->max ? into->max : from->max;
	if (!from->sketch && !into->sketch &&
	    into->nvals + from->nvals <= OMNI_RSTAT_EXACT) {
		for (size_t k = 0; k < from->nvals; k++)
			if (exact_put(into, from->vals[k]) < 0)
				return -1;
	} else {
		if (!into->sketch && to_histogram(into) < 0)
			return -1;
		for (size_t k = 0; k < from->nvals; k++)
			if (hist_put(into, from->vals[k], 1) < 0)
				return -1;
		if (from->sketch)
			into->zero += from->zero;
		for (i = 0; from->sketch && i < OMNI_RSTAT_BUCKETS; i++) {
			if (from->pos && from->pos[i] && bucket_add(into, 1, i, from->pos[i]) < 0)
				return -1;
			if (from->neg && from->neg[i] && bucket_add(into, -1, i, from->neg[i]) < 0)
				return -1;
		}
	}
	into->count = count;
	into->sum = sum;
	into->min = lo;
	into->max = hi;
	return 0;
}

static int
cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* The value of 1-based rank k in the histogram, within [min, max]. */
static double
hist_rank(const omni_rstat *s, uint64_t k)
{
	uint64_t seen = 0;
	double v = (double)s->max;
	int i;

	for (i = OMNI_RSTAT_BUCKETS - 1; s->neg && i >= 0; i--)
		if ((seen += s->neg[i]) >= k) {
			v = -bucket_value(i);
			goto clamp;
		}
	if ((seen += (uint64_t)s->zero) >= k)
		return 0;
	for (i = 0; s->pos && i < OMNI_RSTAT_BUCKETS; i++)
		if ((seen += s->pos[i]) >= k) {
			v = bucket_value(i);
			break;
		}
clamp:
	if (v < (double)s->min)
		v = (double)s->min;
	if (v > (double)s->max)
		v = (double)s->max;
	return v;
}

double
omni_rstat_quantile(omni_rstat *s, double q)
{
	uint64_t k;

	if (!s->count)
		return 0;
	/* nearest rank: the smallest value with at least q of them at or below */
	k = (uint64_t)ceil(q * (double)s->count - 1e-9);
	if (k < 1)
		k = 1;
	if (k > (uint64_t)s->count)
		k = (uint64_t)s->count;
	if (!s->sketch) {
		if (!s->sorted) {
			qsort(s->vals, s->nvals, sizeof *s->vals, cmp_i64);
			s->sorted = 1;
		}
		return (double)s->vals[k - 1];
	}
	return hist_rank(s, k);
}

/* {"count","sum","min","max"} and "values" while exact, else "zero",
 * "pos" and "neg" as [[bucket, n], ...]: new. */
json_t *
omni_rstat_to_json(const omni_rstat *s)
{
	json_t *o = json_pack("{sIsIsIsI}", "count", (json_int_t)s->count,
	                      "sum", (json_int_t)s->sum, "min", (json_int_t)s->min,
	                      "max", (json_int_t)s->max);
	json_t *a, *b;
	int i, side;

	if (!o)
		return NULL;
	if (!s->sketch) {
		a = json_array();
		for (size_t k = 0; k < s->nvals; k++)
			json_array_append_new(a, json_integer(s->vals[k]));
		json_object_set_new(o, "values", a);
		return o;
	}
	json_object_set_new(o, "zero", json_integer(s->zero));
	for (side = 0; side < 2; side++) {
		const uint64_t *h = side ? s->neg : s->pos;
		a = json_array();
		for (i = 0; h && i < OMNI_RSTAT_BUCKETS; i++)
			if (h[i] && (b = json_pack("[iI]", i, (json_int_t)h[i])))
				json_array_append_new(a, b);
		json_object_set_new(o, side ? "neg" : "pos", a);
	}
	return o;
}

/* Adds what omni_rstat_to_json wrote (borrowed) into s.  0 or -1. */
int
omni_rstat_from_json(omni_rstat *s, const json_t *o)
{
	omni_rstat t = { 0 };
	json_t *v, *values = json_object_get(o, "values");
	size_t k;
	int side, rc = -1;

	if (!json_is_object(o) || !json_is_integer(json_object_get(o, "count")))
		return -1;
	t.count = json_integer_value(json_object_get(o, "count"));
	t.sum = json_integer_value(json_object_get(o, "sum"));
	t.min = json_integer_value(json_object_get(o, "min"));
	t.max = json_integer_value(json_object_get(o, "max"));
	if (json_is_array(values)) {
		json_array_foreach(values, k, v) {
			if (!json_is_integer(v) || exact_put(&t, json_integer_value(v)) < 0)
				goto out;
		}
		if ((int64_t)t.nvals != t.count || t.nvals > OMNI_RSTAT_EXACT)
			goto out;
	} else {
		t.sketch = 1;
		t.zero = json_integer_value(json_object_get(o, "zero"));
		for (side = 0; side < 2; side++)
			json_array_foreach(json_object_get(o, side ? "neg" : "pos"), k, v) {
				json_int_t i = json_integer_value(json_array_get(v, 0));
				json_int_t n = json_integer_value(json_array_get(v, 1));
				if (n <= 0 || bucket_add(&t, side ? -1 : 1, (int)i, (uint64_t)n) < 0)
					goto out;
			}
	}
	rc = omni_rstat_merge(s, &t);
out:
	omni_rstat_free(&t);
	return rc;
}
