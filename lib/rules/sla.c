/* sla.c - SLA clocks: calendar time, or business hours in a store's IANA
 * zone (omni_time_local, so daylight saving is the system's), with
 * holidays; the clock pauses while the ticket waits on the customer. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/core.h"
#include "rules/rules.h"

#define MAX_DAYS 800          /* how far ahead a due time is looked for */
#define MAX_MSGS 512

/* One local day's open intervals in UTC ms, cached: business time is
 * asked for the same few days again and again. */
typedef struct day {
	const omni_calendar *cal;
	const char *zone;
	int32_t day;
	int n;
	omni_time a[8], b[8];
} day;

static day cache[4096];
static int32_t
local_day(const char *zone, omni_time t)
{
	struct tm tm;

	omni_time_local(t, zone, &tm);
	return (int32_t)omni_date_to_days(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

static int
is_holiday(const omni_calendar *c, int32_t d)
{
	size_t lo = 0, hi = c->nholidays;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (c->holidays[mid] == d)
			return 1;
		if (c->holidays[mid] < d)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

static omni_time
local_ms(const char *zone, int y, int m, int d, int minutes)
{
	struct tm tm = { 0 };
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_hour = minutes / 60;
	tm.tm_min = minutes % 60;
	tm.tm_isdst = -1;
	return omni_time_from_local(&tm, zone);
}

static const day *
day_hours(const omni_calendar *c, const char *zone, int32_t d)
{
	size_t h = ((size_t)(uintptr_t)c * 31u + (size_t)d * 2654435761u + strlen(zone)) % 4096;
	day *e = &cache[h];
	int y, m, dd, wd;

	if (e->cal == c && e->day == d && e->zone && strcmp(e->zone, zone) == 0)
		return e;
	e->cal = c;
	e->zone = zone;
	e->day = d;
	e->n = 0;
	wd = (int)(((d % 7) + 11) % 7);      /* 1970-01-01 was a Thursday */
	if (is_holiday(c, d))
		return e;
	omni_date_from_days(d, &y, &m, &dd);
	for (int i = 0; i < c->nhours[wd]; i++) {
		omni_time a = local_ms(zone, y, m, dd, c->open[wd][i]);
		omni_time b = local_ms(zone, y, m, dd, c->close[wd][i]);
		if (b > a) {
			e->a[e->n] = a;
			e->b[e->n++] = b;
		}
	}
	return e;
}

int
omni_business_add(const omni_calendar *c, const char *zone, omni_time t,
                  int64_t ms, omni_time *out)
{
	int32_t d = local_day(zone, t) - 1;   /* a shifted day may start earlier */

	for (int i = 0; i < MAX_DAYS; i++, d++) {
		const day *e = day_hours(c, zone, d);
		for (int k = 0; k < e->n; k++) {
			if (t >= e->b[k])
				continue;
			omni_time s = t > e->a[k] ? t : e->a[k];
			if (s + ms <= e->b[k]) {
				*out = s + ms;
				return 0;
			}
			ms -= e->b[k] - s;
			t = e->b[k];
		}
	}
	return -1;
}

int64_t
omni_business_between(const omni_calendar *c, const char *zone, omni_time a, omni_time b)
{
	int64_t sum = 0;
	int32_t d = local_day(zone, a) - 1, last = local_day(zone, b) + 1;

	for (int i = 0; d <= last && i < MAX_DAYS; i++, d++) {
		const day *e = day_hours(c, zone, d);
		for (int k = 0; k < e->n; k++) {
			omni_time s = a > e->a[k] ? a : e->a[k], f = b < e->b[k] ? b : e->b[k];
			if (f > s)
				sum += f - s;
		}
	}
	return sum;
}

/* The close of the days-th business day after the day of t (the day
 * itself when days is 0 and it is a business day). */
int
omni_business_days(const omni_calendar *c, const char *zone, omni_time t,
                   int64_t days, omni_time *out)
{
	int32_t d = local_day(zone, t);
	int64_t count = 0;

	for (int i = 0; i < MAX_DAYS; i++, d++) {
		const day *e = day_hours(c, zone, d);
		if (i == 0 && days > 0)
			continue;
		if (e->n && ++count > (days > 0 ? days - 1 : 0) && e->b[e->n - 1] > t) {
			*out = e->b[e->n - 1];
			return 0;
		}
	}
	return -1;
}

/* Monday to Friday, 09:00 to 17:00, for a store with no calendar. */
static const omni_calendar builtin = {
	.name = "builtin",
	.open = { { 0 }, { 540 }, { 540 }, { 540 }, { 540 }, { 540 }, { 0 } },
	.close = { { 0 }, { 1020 }, { 1020 }, { 1020 }, { 1020 }, { 1020 }, { 0 } },
	.nhours = { 0, 1, 1, 1, 1, 1, 0 },
};

typedef struct sla_clock {
	const omni_calendar *cal;
	const char *zone;
	int unit;
} sla_clock;

static int
clock_add(const sla_clock *k, omni_time t, int64_t target, omni_time *out)
{
	switch (k->unit) {
	case OMNI_SLA_CALENDAR: *out = t + target; return 0;
	case OMNI_SLA_BHOURS: return omni_business_add(k->cal, k->zone, t, target, out);
	case OMNI_SLA_BDAYS: return omni_business_days(k->cal, k->zone, t, target, out);
	}
	return -1;
}

static int64_t
clock_between(const sla_clock *k, omni_time a, omni_time b)
{
	if (b <= a)
		return 0;
	return k->unit == OMNI_SLA_BHOURS ? omni_business_between(k->cal, k->zone, a, b) : b - a;
}

typedef struct msg {
	omni_time at;
	int in, out;      /* from the customer; an answer by an agent or bot */
} msg;

static int
cmp_msg(const void *x, const void *y)
{
	omni_time a = ((const msg *)x)->at, b = ((const msg *)y)->at;
	return (a > b) - (a < b);
}

/* The ticket's messages, in time order, as answers and the customer's
 * messages that want one (and on a claim the marketplace's notice, which
 * omni-fetch writes as the system's).  Amazon lets a seller mark a buyer's message "no
 * response needed", which stops its clock: a message with
 * no_response_needed true, or every one of a ticket tagged
 * no-response-needed, starts no response clock. */
static size_t
read_messages(const omni_sla_ticket *t, msg *m)
{
	size_t n = 0;

	for (size_t i = 0; i < t->nmsgs && n < MAX_MSGS; i++, n++) {
		const omni_rmsg *x = &t->msgs[i];
		m[n].at = x->at;
		m[n].in = !x->out && (x->author == 0 || x->author == 1 || (t->claim && x->author == 3)) &&
		          !x->no_response && !t->no_response;
		m[n].out = x->out && x->author == 2;
	}
	for (size_t i = 1; i < n; i++)
		if (m[i].at < m[i - 1].at) {     /* most tickets come in order */
			qsort(m, n, sizeof *m, cmp_msg);
			break;
		}
	return n;
}

/* Resolution: the clock runs from start and stops from each answer to the
 * customer's next message, and from the last answer on while pending. */
static int
resolution_due(const sla_clock *k, int64_t target, omni_time start, const msg *m,
               size_t n, omni_time now, int pending, omni_time *out)
{
	omni_time run = start, answered = 0;
	int waiting = 0;

	for (size_t i = 0; i < n; i++) {
		if (m[i].at < start)
			continue;
		if (!waiting && m[i].out) {
			int64_t used = clock_between(k, run, m[i].at);
			if (used >= target)
				return clock_add(k, run, target, out);
			target -= used;
			answered = m[i].at;
			waiting = 1;
		} else if (waiting && m[i].in) {
			run = m[i].at;
			waiting = 0;
		}
	}
	/* Waiting on the customer stops the clock only while the ticket says
	 * so (pending): the due time then moves with the clock. */
	if (waiting)
		run = pending && now > answered ? now : answered;
	return clock_add(k, run, target, out);
}

const omni_calendar *
omni_sla_calendar(const omni_rules *rs, const omni_sla_policy *p, const char *store,
                  const char *zone, const char **zone_used, omni_error *err)
{
	const omni_calendar *c = omni_rules_calendar(rs, p->calendar ? p->calendar : store);

	if (!c)
		c = omni_rules_calendar(rs, "default");
	if (!c)
		c = &builtin;
	zone = c->zone ? c->zone : zone ? zone : "UTC";
	if (!omni_time_zone_known(zone)) {
		omni_error_set(err, OMNI_EX_CONFIG, NULL, 0, 0, "unknown time zone '%s'", zone);
		return NULL;
	}
	*zone_used = zone;
	return c;
}

int
omni_sla_compute(const omni_rules *rs, const omni_sla_policy *p,
                 const char *store, const char *zone, const omni_sla_ticket *t,
                 omni_sla *out, omni_error *err)
{
	static msg m[MAX_MSGS];
	size_t n = read_messages(t, m);
	omni_time first_in = 0, first_out = 0, last_out = 0, next_in = 0;
	int pending = t->status && strcmp(t->status, "pending") == 0;
	int done = t->status && (!strcmp(t->status, "solved") || !strcmp(t->status, "closed"));
	sla_clock k = { 0 };

	memset(out, 0, sizeof *out);
	if (!(k.cal = omni_sla_calendar(rs, p, store, zone, &k.zone, err)))
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (m[i].in && !first_in)
			first_in = m[i].at;
		if (m[i].out && first_in && !first_out)
			first_out = m[i].at;
		if (m[i].out)
			last_out = m[i].at, next_in = 0;
		else if (m[i].in && last_out && !next_in)
			next_in = m[i].at;
	}
	out->paused = pending;
	k.unit = p->unit[OMNI_SLA_FIRST];
	if (first_in && k.unit && clock_add(&k, first_in, p->target[0], &out->due[0]) == 0)
		out->breached[0] = (first_out ? first_out : done ? 0 : t->now) > out->due[0];
	k.unit = p->unit[OMNI_SLA_NEXT];
	if (next_in && k.unit && clock_add(&k, next_in, p->target[1], &out->due[1]) == 0)
		out->breached[1] = !done && t->now > out->due[1];
	k.unit = p->unit[OMNI_SLA_RESOLUTION];
	omni_time start = t->created ? t->created : first_in;
	if (start && k.unit &&
	    resolution_due(&k, p->target[2], start, m, n, t->now, pending, &out->due[2]) == 0)
		out->breached[2] = done ? (t->solved && t->solved > out->due[2]) : (!pending && t->now > out->due[2]);
	return 0;
}
