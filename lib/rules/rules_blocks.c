/* route_calendar.c - the SLA policy and business-hours calendar blocks of
 * the rules file (man/omni-rules.5), and looking them up by name. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules_int.h"

/* "24h", "8bh", "3bd", or "8 business hours", "3 business days". */
static int
parse_target(omni_rparser *ps, omni_sla_policy *p, int which)
{
	const char *at, *at2;
	int q;
	char *v = omni_rparse_token(ps, &at, &q), *u = NULL, *end;
	int rc = 0;
	size_t n;

	if (!v)
		return omni_rparse_fail(ps, ps->p, "expected a duration such as 24h, 8bh or 3bd%s", "");
	n = strlen(v);
	if ((u = omni_rparse_token(ps, &at2, &q)) && strcmp(u, "business") == 0) {
		free(u);
		u = omni_rparse_token(ps, &at2, &q);
		if (u && (strcmp(u, "hours") == 0 || strcmp(u, "hour") == 0))
			p->unit[which] = OMNI_SLA_BHOURS,
			p->target[which] = (int64_t)(fmin(fmax(strtod(v, &end), 0), 1e9) * 3600000);
		else if (u && (strcmp(u, "days") == 0 || strcmp(u, "day") == 0))
			p->unit[which] = OMNI_SLA_BDAYS, p->target[which] = strtol(v, &end, 10);
		else
			rc = omni_rparse_fail(ps, at2, "expected 'hours' or 'days'%s", "");
	} else if (u) {
		rc = omni_rparse_fail(ps, at2, "unexpected '%s'", u);
	} else if (n > 2 && strcmp(v + n - 2, "bh") == 0) {
		double h = strtod(v, &end);
		p->unit[which] = OMNI_SLA_BHOURS;
		p->target[which] = h >= 0 && h < 1e9 ? (int64_t)(h * 3600000) : 0;
		rc = end != v + n - 2 || h < 0 || h >= 1e9 ?
		     omni_rparse_fail(ps, at, "bad duration '%s'", v) : 0;
	} else if (n > 2 && strcmp(v + n - 2, "bd") == 0) {
		p->unit[which] = OMNI_SLA_BDAYS;
		p->target[which] = strtol(v, &end, 10);
		rc = end != v + n - 2 ? omni_rparse_fail(ps, at, "bad duration '%s'", v) : 0;
	} else if (strcmp(v, "none") == 0) {
		p->unit[which] = OMNI_SLA_NONE;
	} else if (omni_rparse_duration(v, &p->target[which]) == 0) {
		p->unit[which] = OMNI_SLA_CALENDAR;
	} else {
		rc = omni_rparse_fail(ps, at, "bad duration '%s' (24h, 8bh, 3bd)", v);
	}
	free(u);
	free(v);
	return rc;
}

int
omni_rparse_policy_line(omni_rparser *ps, const char *key, const char *at)
{
	static const char *const which[] = { "first", "next", "resolution" };
	const char *vat;
	int q;

	for (int i = 0; i < 3; i++)
		if (strcmp(key, which[i]) == 0)
			return parse_target(ps, ps->policy, i);
	if (strcmp(key, "calendar") == 0) {
		free(ps->policy->calendar);
		if (!(ps->policy->calendar = omni_rparse_token(ps, &vat, &q)))
			return omni_rparse_fail(ps, ps->p, "calendar needs a name%s", "");
		return 0;
	}
	return omni_rparse_fail(ps, at, "unknown policy key '%s' (first, next, resolution, calendar)",
	                        key);
}

static int
parse_hhmm(const char *s, const char **end)
{
	int h = 0, m = 0, n = 0;
	if (sscanf(s, "%2d:%2d%n", &h, &m, &n) != 2 || h > 24 || m > 59 || (h == 24 && m))
		return -1;
	*end = s + n;
	return h * 60 + m;
}

static int
add_holiday(omni_calendar *c, int y, int m, int d)
{
	int32_t *h = realloc(c->holidays, (c->nholidays + 1) * sizeof *h);
	if (!h)
		return -1;
	c->holidays = h;
	c->holidays[c->nholidays++] = (int32_t)omni_date_to_days(y, m, d);
	return 0;
}

/* A list of dates, one YYYY-MM-DD a line, or an iCalendar file's DTSTART
 * dates (YYYYMMDD). */
static int
holiday_file(omni_rparser *ps, const char *name, const char *at)
{
	char path[4096], *line = NULL, *home = omni_expand_home(name);
	size_t cap = 0;
	FILE *f;
	int y, m, d, rc = 0;

	if (home[0] != '/' && strchr(ps->path, '/'))
		snprintf(path, sizeof path, "%.*s/%s", (int)(strrchr(ps->path, '/') - ps->path),
		         ps->path, home);
	else
		snprintf(path, sizeof path, "%s", home);
	free(home);
	if (!(f = fopen(path, "r")))
		return omni_rparse_fail(ps, at, "cannot read holidays: %s", strerror(errno));
	while (getline(&line, &cap, f) > 0) {
		char *v = line;
		if (strncmp(line, "DTSTART", 7) == 0 && (v = strrchr(line, ':'))) {
			if (sscanf(v + 1, "%4d%2d%2d", &y, &m, &d) == 3)
				rc |= add_holiday(ps->cal, y, m, d);
		} else if (sscanf(v, " %4d-%2d-%2d", &y, &m, &d) == 3) {
			rc |= add_holiday(ps->cal, y, m, d);
		}
	}
	free(line);
	fclose(f);
	return rc;
}

/* "mon-fri", "sat", "mon,wed", "daily": a mask of weekdays (Sunday bit 0). */
static int
parse_days(const char *s)
{
	static const char *const names[] = { "sun", "mon", "tue", "wed", "thu", "fri", "sat" };
	int mask = 0, a, b;

	if (strcmp(s, "daily") == 0)
		return 0x7f;
	while (*s) {
		a = b = -1;
		for (int i = 0; i < 7; i++)
			if (strncmp(s, names[i], 3) == 0)
				a = i;
		if (a < 0)
			return -1;
		s += 3;
		if (*s == '-') {
			for (int i = 0; i < 7; i++)
				if (strncmp(s + 1, names[i], 3) == 0)
					b = i;
			if (b < 0)
				return -1;
			s += 4;
		} else {
			b = a;
		}
		for (int i = a;; i = (i + 1) % 7) {
			mask |= 1 << i;
			if (i == b)
				break;
		}
		if (*s == ',')
			s++;
		else if (*s)
			return -1;
	}
	return mask;
}

static int
hours_line(omni_rparser *ps, int mask, const char *at)
{
	const char *vat, *e;
	int q;
	char *v;
	omni_calendar *c = ps->cal;

	for (int d = 0; d < 7; d++)
		if (mask & (1 << d))
			c->nhours[d] = 0;
	while ((v = omni_rparse_token(ps, &vat, &q))) {
		int o, cl = -1;
		if (strcmp(v, "closed") == 0) {
			free(v);
			continue;
		}
		if ((o = parse_hhmm(v, &e)) < 0 || *e != '-' || (cl = parse_hhmm(e + 1, &e)) < 0 ||
		    *e || cl <= o) {
			int rc = omni_rparse_fail(ps, vat, "expected hours such as 09:00-13:00, not '%s'", v);
			free(v);
			return rc;
		}
		free(v);
		for (int d = 0; d < 7; d++)
			if ((mask & (1 << d)) && c->nhours[d] < 8) {
				c->open[d][c->nhours[d]] = (short)o;
				c->close[d][c->nhours[d]++] = (short)cl;
			}
	}
	return ps->err->status ? -1 : 0;
	(void)at;
}

static int
cmp32(const void *a, const void *b)
{
	int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
	return (x > y) - (x < y);
}

int
omni_rparse_calendar_line(omni_rparser *ps, const char *key, const char *at)
{
	const char *vat;
	int q, mask, y, m, d;
	char *v;

	if (strcmp(key, "zone") == 0 || strcmp(key, "timezone") == 0) {
		free(ps->cal->zone);
		if (!(ps->cal->zone = omni_rparse_token(ps, &vat, &q)))
			return omni_rparse_fail(ps, ps->p, "zone needs a name such as Europe/Rome%s", "");
		if (!omni_time_zone_known(ps->cal->zone))
			return omni_rparse_fail(ps, vat, "unknown time zone '%s'", ps->cal->zone);
		return 0;
	}
	if (strcmp(key, "holiday") == 0 || strcmp(key, "holidays") == 0) {
		while ((v = omni_rparse_token(ps, &vat, &q))) {
			int rc = 0;
			if (sscanf(v, "%4d-%2d-%2d", &y, &m, &d) == 3 && strlen(v) == 10)
				rc = add_holiday(ps->cal, y, m, d);
			else
				rc = holiday_file(ps, v, vat);
			free(v);
			if (rc)
				return -1;
		}
		if (ps->cal->nholidays)
			qsort(ps->cal->holidays, ps->cal->nholidays, sizeof(int32_t), cmp32);
		return ps->err->status ? -1 : 0;
	}
	if ((mask = parse_days(key)) < 0)
		return omni_rparse_fail(ps, at, "unknown calendar key '%s' (zone, holiday, mon-fri ...)", key);
	return hours_line(ps, mask, at);
}

/* The last of the name wins: a user's file read after the defaults. */
const omni_sla_policy *
omni_rules_policy(const omni_rules *rs, const char *name)
{
	for (size_t i = rs->npolicies; name && i-- > 0;)
		if (strcmp(rs->policies[i].name, name) == 0)
			return &rs->policies[i];
	return NULL;
}

const omni_calendar *
omni_rules_calendar(const omni_rules *rs, const char *name)
{
	for (size_t i = rs->ncals; name && i-- > 0;)
		if (strcmp(rs->cals[i].name, name) == 0)
			return &rs->cals[i];
	return NULL;
}

static int
add_agent(omni_rparser *ps, char *name, int cap)
{
	omni_queue *qu = ps->queue;
	omni_agent *a;

	for (size_t i = 0; i < qu->nagents; i++)
		if (strcmp(qu->agents[i].name, name) == 0) {
			qu->agents[i].cap = cap;      /* named again: the later cap */
			free(name);
			return 0;
		}
	if (!(a = realloc(qu->agents, (qu->nagents + 1) * sizeof *a))) {
		free(name);
		return -1;
	}
	qu->agents = a;
	qu->agents[qu->nagents].name = name;
	qu->agents[qu->nagents++].cap = cap;
	return 0;
}

/* A cap: a whole number of open tickets, 0 for none.  0, or -1. */
static int
parse_cap(omni_rparser *ps, const char *v, const char *at, int *cap)
{
	char *end;
	long n = strtol(v, &end, 10);

	if (end == v || *end || n < 0 || n > 1000000)
		return omni_rparse_fail(ps, at, "a cap is a number of open tickets, not '%s'", v);
	*cap = (int)n;
	return 0;
}

/* Inside "assign QUEUE": "agents a b c", "agent NAME [CAP]", "cap N",
 * "strategy round-robin|least-open". */
int
omni_rparse_assign_line(omni_rparser *ps, const char *key, const char *at)
{
	const char *vat;
	int q, cap = -1, rc = 0;
	char *v = omni_rparse_token(ps, &vat, &q), *extra = NULL;

	if (!v)
		return ps->err->status ? -1 : omni_rparse_fail(ps, ps->p, "'%s' needs a value", key);
	if (strcmp(key, "agents") == 0) {
		do
			rc = add_agent(ps, v, -1);
		while (!rc && (v = omni_rparse_token(ps, &vat, &q)));
		return rc || ps->err->status ? -1 : 0;
	}
	if (strcmp(key, "agent") == 0) {
		if ((extra = omni_rparse_token(ps, &vat, &q)) && parse_cap(ps, extra, vat, &cap))
			rc = -1;
		free(extra);
		extra = NULL;
		if (rc == 0)
			return add_agent(ps, v, cap);
	} else if (strcmp(key, "cap") == 0) {
		rc = parse_cap(ps, v, vat, &ps->queue->cap);
	} else if (strcmp(key, "strategy") == 0) {
		if (strcmp(v, "round-robin") == 0)
			ps->queue->strategy = OMNI_ASSIGN_ROUND_ROBIN;
		else if (strcmp(v, "least-open") == 0)
			ps->queue->strategy = OMNI_ASSIGN_LEAST_OPEN;
		else
			rc = omni_rparse_fail(ps, vat, "unknown strategy '%s' (round-robin, least-open)", v);
	} else {
		rc = omni_rparse_fail(ps, at, "unknown assign key '%s' (agents, agent, cap, strategy)",
		                      key);
	}
	if (!rc && (extra = omni_rparse_token(ps, &vat, &q)))
		rc = omni_rparse_fail(ps, vat, "unexpected text after '%s'", key);
	free(extra);
	free(v);
	return rc;
}

/* The last of the name wins, as with policies. */
const omni_queue *
omni_rules_queue(const omni_rules *rs, const char *name)
{
	for (size_t i = rs->nqueues; name && i-- > 0;)
		if (strcmp(rs->queues[i].name, name) == 0)
			return &rs->queues[i];
	return NULL;
}
