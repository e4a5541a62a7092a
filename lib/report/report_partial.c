/* report_partial.c - --partial and --merge: aggregates that add up.
 *
 * A partial is one JSON object: the grouping it was counted with, and per
 * group its counters, its time statistics (exact values while few,
 * else histogram buckets) and its refund reasons by name.  Merging adds
 * them, so counts and sums are exact and percentiles within 1%.  Shards
 * must hold different tickets: a ticket counted in two shards counts
 * twice. */
#include <string.h>

#include "report_int.h"

static const char *const counters[] = {
	"tickets", "answered", "unanswered", "no_customer", "sla_judged", "sla_met",
	"wismo", "with_order", "refunded", "rated", "satisfied", "solved",
	"one_touch", "repeat", "orders", "late", "reopened",
};
#define NCOUNTERS (sizeof counters / sizeof counters[0])

static int64_t *
counter(omni_ragg *a, size_t i)
{
	int64_t *p[] = { &a->tickets, &a->answered, &a->unanswered, &a->no_customer,
	                 &a->sla_judged, &a->sla_met, &a->wismo, &a->with_order,
	                 &a->refunded, &a->rated, &a->satisfied, &a->solved,
	                 &a->one_touch, &a->repeat, &a->orders, &a->late, &a->reopened };
	return p[i];
}

static json_t *
agg_json(omni_rep *r, omni_ragg *a)
{
	json_t *o = json_object(), *reasons = json_object();
	size_t i;

	for (i = 0; i < NCOUNTERS; i++)
		json_object_set_new(o, counters[i], json_integer(*counter(a, i)));
	json_object_set_new(o, "first_response", omni_rstat_to_json(&a->frt));
	json_object_set_new(o, "resolution", omni_rstat_to_json(&a->res));
	json_object_set_new(o, "first_response_person", omni_rstat_to_json(&a->frt_person));
	json_object_set_new(o, "handling", omni_rstat_to_json(&a->handling));
	if (r->o.business_name) {
		json_object_set_new(o, "first_response_business", omni_rstat_to_json(&a->frt_bh));
		json_object_set_new(o, "resolution_business", omni_rstat_to_json(&a->res_bh));
	}
	for (i = 0; i < a->nreasons; i++)
		if (a->reasons[i])
			json_object_set_new(reasons, omni_rep_reason(r, i), json_integer(a->reasons[i]));
	json_object_set_new(o, "reasons", reasons);
	return o;
}

static const char *const period_names[] = { "", "day", "week", "month" };

json_t *
omni_rep_partial(omni_rep *r)
{
	json_t *doc = json_object(), *by = json_array(), *groups = json_array(), *g, *key;
	char buf[32];
	size_t i, k;

	for (i = 0; i < r->o.nby; i++)
		json_array_append_new(by, json_string(r->o.by[i]));
	for (i = 0; i < r->ngroups; i++) {
		key = json_array();
		for (k = 0; k < r->o.nby; k++) {
			const char *v = omni_rep_keyval(r, r->groups[i].key, k);
			json_array_append_new(key, v ? json_string(v) : json_null());
		}
		g = json_pack("{s:o s:i s:o}", "key", key, "period", (int)r->groups[i].period,
		              "figures", agg_json(r, &r->groups[i].agg[0]));
		json_array_append_new(groups, g);
	}
	json_object_set_new(doc, "omni_report_partial", json_integer(1));
	json_object_set_new(doc, "by", by);
	json_object_set_new(doc, "period", json_string(period_names[r->o.period]));
	json_object_set_new(doc, "since", r->o.since == OMNI_TIME_NONE ? json_null()
	                    : json_string(omni_time_format(r->o.since, buf)));
	json_object_set_new(doc, "until", r->o.until == OMNI_TIME_NONE ? json_null()
	                    : json_string(omni_time_format(r->o.until, buf)));
	json_object_set_new(doc, "business_hours", r->o.business_name
	                    ? json_string(r->o.business_name) : json_null());
	json_object_set_new(doc, "groups", groups);
	return doc;
}

static int
same_grouping(omni_rep *r, const json_t *doc)
{
	const json_t *by = json_object_get(doc, "by");
	const char *period = json_string_value(json_object_get(doc, "period"));
	const char *business = json_string_value(json_object_get(doc, "business_hours"));
	size_t i;

	/* figures in business hours merge only with the same policy's */
	if (r->o.business_name && (!business || strcmp(business, r->o.business_name)))
		return 0;

	if (!json_is_array(by) || json_array_size(by) != r->o.nby || !period ||
	    strcmp(period, period_names[r->o.period]))
		return 0;
	for (i = 0; i < r->o.nby; i++)
		if (!json_is_string(json_array_get(by, i)) ||
		    strcmp(json_string_value(json_array_get(by, i)), r->o.by[i]))
			return 0;
	return 1;
}

static int
merge_group(omni_rep *r, const json_t *g)
{
	const json_t *key = json_object_get(g, "key"), *f = json_object_get(g, "figures");
	const json_t *v, *reasons;
	char *k = NULL;
	size_t i, len = 0;
	const char *reason;
	omni_rgroup *grp;
	long id;
	FILE *m;

	if (!json_is_array(key) || !json_is_object(f) ||
	    !json_is_integer(json_object_get(g, "period")))
		return -1;
	if (!(m = open_memstream(&k, &len)))
		return -1;
	json_array_foreach(key, i, v) {
		fputs(json_is_string(v) ? json_string_value(v) : "\x01", m);
		fputc('\0', m);
	}
	fclose(m);
	id = omni_rep_intern(&r->keys, k, len);
	free(k);
	if (id < 0 || !(grp = omni_rep_group(r, (uint32_t)id,
	                                     (int32_t)json_integer_value(json_object_get(g, "period")))))
		return -1;
	for (i = 0; i < NCOUNTERS; i++)
		*counter(&grp->agg[0], i) += json_integer_value(json_object_get(f, counters[i]));
	if (omni_rstat_from_json(&grp->agg[0].frt, json_object_get(f, "first_response")) < 0 ||
	    omni_rstat_from_json(&grp->agg[0].res, json_object_get(f, "resolution")) < 0)
		return -1;
	/* a partial from before the desk's figures has none of them */
	if ((json_object_get(f, "first_response_person") &&
	     omni_rstat_from_json(&grp->agg[0].frt_person,
	                          json_object_get(f, "first_response_person")) < 0) ||
	    (json_object_get(f, "handling") &&
	     omni_rstat_from_json(&grp->agg[0].handling, json_object_get(f, "handling")) < 0))
		return -1;
	if (r->o.business_name &&
	    (omni_rstat_from_json(&grp->agg[0].frt_bh,
	                          json_object_get(f, "first_response_business")) < 0 ||
	     omni_rstat_from_json(&grp->agg[0].res_bh, json_object_get(f, "resolution_business")) < 0))
		return -1;
	reasons = json_object_get(f, "reasons");
	json_object_foreach((json_t *)reasons, reason, v) {
		if ((id = omni_rep_intern(&r->reasons, reason, strlen(reason))) < 0 ||
		    omni_rep_agg_reason(&grp->agg[0], (size_t)id, json_integer_value(v)) < 0)
			return -1;
	}
	return 0;
}

int
omni_rep_merge(omni_rep *r, const json_t *doc, omni_error *err)
{
	const json_t *g;
	size_t i;

	if (json_integer_value(json_object_get(doc, "omni_report_partial")) != 1)
		return omni_error_set(err, OMNI_EX_DATAERR, NULL, 0, 0,
		                      "not a partial aggregate of omni-report --partial"), -1;
	if (!same_grouping(r, doc))
		return omni_error_set(err, OMNI_EX_DATAERR, NULL, 0, 0,
		                      "partial counted with another --by or --period, or "
		                      "another --business-hours policy"), -1;
	/* omni_rep_merged sorted the groups before: find them by key again */
	free(r->gslot);
	r->gslot = NULL;
	r->ngslots = 0;
	json_array_foreach(json_object_get(doc, "groups"), i, g)
		if (merge_group(r, g) < 0)
			return omni_error_set(err, OMNI_EX_DATAERR, NULL, 0, 0,
			                      "bad group %zu in partial aggregate", i + 1), -1;
	return 0;
}
