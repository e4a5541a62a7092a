/* route_rules.c - the rules file (man/omni-rules.5): rules, SLA policies
 * and business-hours calendars, one block each, a line at a time. */
#include <ctype.h>
#include <errno.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include "omni.h"

/* The parser's place: the file, the line, and a cursor into it. */
typedef struct parser {
	const char *path;
	long lineno;
	const char *line, *p;
	omni_error *err;
	omni_rules *rs;
	omni_rule *rule;          /* the block being read, one of three */
	omni_sla_policy *policy;
	omni_calendar *cal;
} parser;

static int
fail(parser *ps, const char *at, const char *fmt, const char *arg)
{
	return omni_error_set(ps->err, OMNI_EX_CONFIG, ps->path, ps->lineno,
	                      (long)(at - ps->line) + 1, fmt, arg);
}

static void
skip_space(parser *ps)
{
	while (*ps->p == ' ' || *ps->p == '\t')
		ps->p++;
	if (*ps->p == '#')
		ps->p += strlen(ps->p);
}

/* The next token: a quoted string (decoded), an operator, a parenthesis or
 * comma, or a bare word.  New, or NULL at the end of the line; *at is
 * where it starts; *quoted says it was a string. */
static char *
token(parser *ps, const char **at, int *quoted)
{
	const char *s;
	char *out, *o;

	skip_space(ps);
	*at = s = ps->p;
	*quoted = 0;
	if (!*s)
		return NULL;
	if (*s == '"') {
		if (!(out = o = malloc(strlen(s) + 1)))
			return NULL;
		for (s++; *s && *s != '"'; s++) {
			if (*s == '\\' && s[1])
				s++;
			*o++ = *s;
		}
		*o = 0;
		if (*s != '"') {
			free(out);
			fail(ps, *at, "unterminated string%s", "");
			ps->p = s;
			return NULL;
		}
		ps->p = s + 1;
		*quoted = 1;
		return out;
	}
	if (strchr("(),", *s))
		ps->p = s + 1;
	else if ((s[0] == '!' || s[0] == '>' || s[0] == '<' || s[0] == '=') &&
	         (s[1] == '=' || s[1] == '~'))
		ps->p = s + 2;
	else if (strchr("=~<>", *s))
		ps->p = s + 1;
	else {
		while (*s && !isspace((unsigned char)*s) && !strchr("(),=~<>!\"", *s))
			s++;
		if (s == *at && *s == '!')
			s++;
		ps->p = s;
	}
	return strndup(*at, (size_t)(ps->p - *at));
}

static int
peek_is(parser *ps, const char *word)
{
	const char *save = ps->p, *at;
	int q, yes;
	char *t = token(ps, &at, &q);

	yes = t && !q && strcmp(t, word) == 0;
	free(t);
	ps->p = save;
	return yes;
}

/* "4h", "30m", "2d", "90s", "1w": 0 and ms, else -1. */
static int
parse_duration(const char *s, int64_t *ms)
{
	char *end;
	double v = strtod(s, &end);
	static const struct { const char *u; int64_t ms; } units[] = {
		{ "s", 1000 }, { "m", 60000 }, { "min", 60000 }, { "h", 3600000 },
		{ "d", 86400000 }, { "w", 604800000 },
	};
	if (end == s || v < 0)
		return -1;
	for (size_t i = 0; i < sizeof units / sizeof *units; i++)
		if (strcmp(end, units[i].u) == 0) {
			*ms = (int64_t)(v * (double)units[i].ms);
			return 0;
		}
	return -1;
}

static void
classify_value(omni_rnode *n)
{
	char *end;
	const char *v = n->vals[0];

	n->num = strtod(v, &end);
	n->has_num = end != v && *end == 0;
	n->has_dur = parse_duration(v, &n->dur) == 0;
	n->has_time = strlen(v) >= 10 && omni_time_parse(v, &n->time) == 0;
}

static int
add_val(omni_rnode *n, char *v)
{
	char **nv = realloc(n->vals, (n->nvals + 1) * sizeof *nv);
	if (!nv) {
		free(v);
		return -1;
	}
	n->vals = nv;
	n->vals[n->nvals++] = v;
	return 0;
}

/* "(a, b, c)" after in. */
static int
parse_list(parser *ps, omni_rnode *n)
{
	const char *at;
	int q;
	char *t = token(ps, &at, &q);

	if (!t || q || strcmp(t, "(") != 0) {
		free(t);
		return fail(ps, at, "expected '(' to start a list%s", "");
	}
	free(t);
	for (;;) {
		if (!(t = token(ps, &at, &q)) || (!q && strchr("(),", *t))) {
			free(t);
			return fail(ps, at, "expected a value in the list%s", "");
		}
		add_val(n, t);
		if (!(t = token(ps, &at, &q)) || q || (strcmp(t, ",") && strcmp(t, ")"))) {
			free(t);
			return fail(ps, at, "expected ',' or ')'%s", "");
		}
		int end = *t == ')';
		free(t);
		if (end)
			return 0;
	}
}

static const struct { const char *name; int op; } ops[] = {
	{ "=", OMNI_OP_EQ }, { "==", OMNI_OP_EQ }, { "is", OMNI_OP_EQ },
	{ "!=", OMNI_OP_NE }, { "~", OMNI_OP_RE }, { "matches", OMNI_OP_RE },
	{ "!~", OMNI_OP_NRE }, { "contains", OMNI_OP_CONTAINS },
	{ ">", OMNI_OP_GT }, { ">=", OMNI_OP_GE }, { "<", OMNI_OP_LT },
	{ "<=", OMNI_OP_LE }, { "in", OMNI_OP_IN }, { "exists", OMNI_OP_EXISTS },
	{ "missing", OMNI_OP_MISSING },
};

static int
parse_op(parser *ps, omni_rnode *n)
{
	const char *at;
	int q;
	char *t = token(ps, &at, &q);

	n->op = -1;
	if (t && !q && (strcmp(t, "more") == 0 || strcmp(t, "less") == 0)) {
		n->op = *t == 'm' ? OMNI_OP_GT : OMNI_OP_LT;
		free(t);
		t = token(ps, &at, &q);
		if (!t || q || strcmp(t, "than") != 0) {
			free(t);
			return fail(ps, at, "expected 'than'%s", "");
		}
	} else if (t && !q && strcmp(t, "not") == 0) {
		free(t);
		t = token(ps, &at, &q);
		if (t && !q && strcmp(t, "in") == 0)
			n->op = OMNI_OP_NOTIN;
		else if (t && !q && strcmp(t, "contains") == 0)
			n->op = OMNI_OP_CONTAINS + 100;
	} else {
		for (size_t i = 0; t && !q && i < sizeof ops / sizeof *ops; i++)
			if (strcmp(t, ops[i].name) == 0)
				n->op = ops[i].op;
	}
	if (n->op < 0) {
		int rc = fail(ps, at, "expected an operator, not '%s'", t ? t : "end of line");
		free(t);
		return rc;
	}
	free(t);
	return 0;
}

static int
compile_regex(parser *ps, omni_rnode *n, const char *at)
{
	char msg[256];
	int rc;

	if (!(n->re = malloc(sizeof(regex_t))))
		return -1;
	if ((rc = regcomp(n->re, n->vals[0], REG_EXTENDED | REG_NOSUB)) != 0) {
		regerror(rc, n->re, msg, sizeof msg);
		free(n->re);
		n->re = NULL;
		return fail(ps, at, "bad regular expression: %s", msg);
	}
	return 0;
}

static int
parse_cond(parser *ps, omni_rnode *n, char *field, const char *fat)
{
	const char *at;
	int q, negate_contains;
	char *v, *save = NULL;

	n->type = OMNI_RN_COND;
	n->path = field;
	n->line = ps->lineno;
	n->column = (long)(fat - ps->line) + 1;
	char *copy = strdup(field);
	for (char *part = strtok_r(copy, ".", &save); part; part = strtok_r(NULL, ".", &save))
		if (n->nparts < OMNI_PATH_MAX)
			n->parts[n->nparts++] = strdup(part);
	free(copy);
	n->field = n->nparts == 1 ? omni_route_field(n->parts[0]) : 0;
	if (parse_op(ps, n))
		return -1;
	negate_contains = n->op == OMNI_OP_CONTAINS + 100;
	if (negate_contains)
		n->op = OMNI_OP_CONTAINS;
	if (n->op == OMNI_OP_EXISTS || n->op == OMNI_OP_MISSING)
		return 0;
	if (n->op == OMNI_OP_IN || n->op == OMNI_OP_NOTIN) {
		if (parse_list(ps, n))
			return -1;
		return 0;
	}
	v = token(ps, &at, &q);
	if (!v || (!q && strchr("(),", *v))) {
		free(v);
		return fail(ps, at, "expected a value after the operator%s", "");
	}
	add_val(n, v);
	classify_value(n);
	if ((n->op == OMNI_OP_RE || n->op == OMNI_OP_NRE) && compile_regex(ps, n, at))
		return -1;
	if (n->op >= OMNI_OP_GT && n->op <= OMNI_OP_LE && !n->has_num && !n->has_dur && !n->has_time)
		return fail(ps, at, "'%s' is not a number, a duration or a time", v);
	if (negate_contains)
		n->op = OMNI_OP_CONTAINS + 100;
	return 0;
}

static omni_rnode *parse_or(parser *ps);

static omni_rnode *
node(int type, omni_rnode *a, omni_rnode *b)
{
	omni_rnode *n = calloc(1, sizeof *n);
	n->type = type;
	n->a = a;
	n->b = b;
	return n;
}


static omni_rnode *
parse_factor(parser *ps)
{
	const char *at;
	int q;
	char *t = token(ps, &at, &q);
	omni_rnode *n;

	if (!t) {
		if (!ps->err->status)
			fail(ps, at, "expected a condition%s", "");
		return NULL;
	}
	if (!q && strcmp(t, "not") == 0) {
		free(t);
		return (n = parse_factor(ps)) ? node(OMNI_RN_NOT, n, NULL) : NULL;
	}
	if (!q && strcmp(t, "(") == 0) {
		free(t);
		if (!(n = parse_or(ps)))
			return NULL;
		t = token(ps, &at, &q);
		if (!t || q || strcmp(t, ")") != 0) {
			free(t);
			fail(ps, at, "expected ')'%s", "");
			omni_rnode_free(n);
			return NULL;
		}
		free(t);
		return n;
	}
	if (q || strchr("(),=~<>!", *t)) {
		fail(ps, at, "expected a field name, not '%s'", t);
		free(t);
		return NULL;
	}
	n = calloc(1, sizeof *n);
	if (parse_cond(ps, n, t, at)) {
		omni_rnode_free(n);
		return NULL;
	}
	return n;
}

static omni_rnode *
parse_and(parser *ps)
{
	omni_rnode *a = parse_factor(ps), *b;
	while (a && peek_is(ps, "and")) {
		const char *at;
		int q;
		free(token(ps, &at, &q));
		if (!(b = parse_factor(ps))) {
			omni_rnode_free(a);
			return NULL;
		}
		a = node(OMNI_RN_AND, a, b);
	}
	return a;
}

static omni_rnode *
parse_or(parser *ps)
{
	omni_rnode *a = parse_and(ps), *b;
	while (a && peek_is(ps, "or")) {
		const char *at;
		int q;
		free(token(ps, &at, &q));
		if (!(b = parse_and(ps))) {
			omni_rnode_free(a);
			return NULL;
		}
		a = node(OMNI_RN_OR, a, b);
	}
	return a;
}

void
omni_rnode_free(omni_rnode *n)
{
	if (!n)
		return;
	omni_rnode_free(n->a);
	omni_rnode_free(n->b);
	free(n->path);
	for (int i = 0; i < n->nparts; i++)
		free(n->parts[i]);
	for (size_t i = 0; i < n->nvals; i++)
		free(n->vals[i]);
	free(n->vals);
	if (n->re) {
		regfree(n->re);
		free(n->re);
	}
	free(n);
}

/* "when EXPR": a second when line is and-ed to the first. */
static int
parse_when(parser *ps)
{
	const char *start, *at;
	int q;
	omni_rnode *n;
	char *t;
	size_t old;

	skip_space(ps);
	start = ps->p;
	if (!(n = parse_or(ps)))
		return -1;
	if ((t = token(ps, &at, &q))) {
		free(t);
		omni_rnode_free(n);
		return fail(ps, at, "expected 'and', 'or' or the end of the line%s", "");
	}
	ps->rule->when = ps->rule->when ? node(OMNI_RN_AND, ps->rule->when, n) : n;
	old = ps->rule->when_text ? strlen(ps->rule->when_text) : 0;
	size_t add = (size_t)(ps->p - start);
	while (add && isspace((unsigned char)start[add - 1]))
		add--;
	char *w = realloc(ps->rule->when_text, old + add + 6);
	if (!w)
		return -1;
	if (old)
		memcpy(w + old, " and ", 5), old += 5;
	memcpy(w + old, start, add);
	w[old + add] = 0;
	ps->rule->when_text = w;
	return 0;
}

static int
parse_action(parser *ps, const char *key, const char *at)
{
	static const char *const names[] = {
		[OMNI_RA_PRIORITY] = "priority", [OMNI_RA_QUEUE] = "queue",
		[OMNI_RA_ASSIGNEE] = "assignee", [OMNI_RA_TAG] = "tag",
		[OMNI_RA_SLA] = "sla", [OMNI_RA_INTENT] = "intent", [OMNI_RA_STOP] = "stop",
	};
	omni_rule *r = ps->rule;
	int type = -1, q;
	char *arg = NULL, *extra;
	const char *aat;

	for (int i = 0; i < (int)(sizeof names / sizeof *names); i++)
		if (strcmp(key, names[i]) == 0)
			type = i;
	if (type < 0)
		return fail(ps, at, "unknown action '%s'", key);
	do {
		if (type != OMNI_RA_STOP && !(arg = token(ps, &aat, &q)))
			return ps->err->status ? -1 : fail(ps, ps->p, "'%s' needs a value", key);
		omni_raction *na = realloc(r->acts, (r->nacts + 1) * sizeof *na);
		if (!na) {
			free(arg);
			return -1;
		}
		r->acts = na;
		omni_raction *a = &r->acts[r->nacts++];
		a->type = type;
		a->arg = arg;
		a->score = -1;
		if (type == OMNI_RA_PRIORITY) {
			if (omni_priority_score(arg) < 0)
				return fail(ps, aat, "unknown priority '%s' (urgent, high, normal, low)", arg);
			if ((extra = token(ps, &aat, &q))) {
				char *end;
				long v = strtol(extra, &end, 10);
				int bad = *end || end == extra || v < 0 || v > 100;
				free(extra);
				if (bad)
					return fail(ps, aat, "a priority score is 0 to 100%s", "");
				a->score = (int)v;
			}
		}
		/* "tag a b c": one action a tag */
	} while (type == OMNI_RA_TAG && (skip_space(ps), *ps->p));
	if ((extra = token(ps, &aat, &q))) {
		free(extra);
		return fail(ps, aat, "unexpected text after '%s'", key);
	}
	return 0;
}

/* "24h", "8bh", "3bd", or "8 business hours", "3 business days". */
static int
parse_target(parser *ps, omni_sla_policy *p, int which)
{
	const char *at, *at2;
	int q;
	char *v = token(ps, &at, &q), *u = NULL, *end;
	int rc = 0;
	size_t n;

	if (!v)
		return fail(ps, ps->p, "expected a duration such as 24h, 8bh or 3bd%s", "");
	n = strlen(v);
	if ((u = token(ps, &at2, &q)) && strcmp(u, "business") == 0) {
		free(u);
		u = token(ps, &at2, &q);
		if (u && (strcmp(u, "hours") == 0 || strcmp(u, "hour") == 0))
			p->unit[which] = OMNI_SLA_BHOURS, p->target[which] = (int64_t)(strtod(v, &end) * 3600000);
		else if (u && (strcmp(u, "days") == 0 || strcmp(u, "day") == 0))
			p->unit[which] = OMNI_SLA_BDAYS, p->target[which] = strtol(v, &end, 10);
		else
			rc = fail(ps, at2, "expected 'hours' or 'days'%s", "");
	} else if (u) {
		rc = fail(ps, at2, "unexpected '%s'", u);
	} else if (n > 2 && strcmp(v + n - 2, "bh") == 0) {
		p->unit[which] = OMNI_SLA_BHOURS;
		p->target[which] = (int64_t)(strtod(v, &end) * 3600000);
		rc = end != v + n - 2 ? fail(ps, at, "bad duration '%s'", v) : 0;
	} else if (n > 2 && strcmp(v + n - 2, "bd") == 0) {
		p->unit[which] = OMNI_SLA_BDAYS;
		p->target[which] = strtol(v, &end, 10);
		rc = end != v + n - 2 ? fail(ps, at, "bad duration '%s'", v) : 0;
	} else if (strcmp(v, "none") == 0) {
		p->unit[which] = OMNI_SLA_NONE;
	} else if (parse_duration(v, &p->target[which]) == 0) {
		p->unit[which] = OMNI_SLA_CALENDAR;
	} else {
		rc = fail(ps, at, "bad duration '%s' (24h, 8bh, 3bd)", v);
	}
	free(u);
	free(v);
	return rc;
}

static int
policy_line(parser *ps, const char *key, const char *at)
{
	static const char *const which[] = { "first", "next", "resolution" };
	const char *vat;
	int q;

	for (int i = 0; i < 3; i++)
		if (strcmp(key, which[i]) == 0)
			return parse_target(ps, ps->policy, i);
	if (strcmp(key, "calendar") == 0) {
		free(ps->policy->calendar);
		if (!(ps->policy->calendar = token(ps, &vat, &q)))
			return fail(ps, ps->p, "calendar needs a name%s", "");
		return 0;
	}
	return fail(ps, at, "unknown policy key '%s' (first, next, resolution, calendar)", key);
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
	c->holidays[c->nholidays++] = omni_days_from_civil(y, m, d);
	return 0;
}

/* A list of dates, one YYYY-MM-DD a line, or an iCalendar file's DTSTART
 * dates (YYYYMMDD). */
static int
holiday_file(parser *ps, const char *name, const char *at)
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
		return fail(ps, at, "cannot read holidays: %s", strerror(errno));
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
hours_line(parser *ps, int mask, const char *at)
{
	const char *vat, *e;
	int q;
	char *v;
	omni_calendar *c = ps->cal;

	for (int d = 0; d < 7; d++)
		if (mask & (1 << d))
			c->nhours[d] = 0;
	while ((v = token(ps, &vat, &q))) {
		int o, cl = -1;
		if (strcmp(v, "closed") == 0) {
			free(v);
			continue;
		}
		if ((o = parse_hhmm(v, &e)) < 0 || *e != '-' || (cl = parse_hhmm(e + 1, &e)) < 0 ||
		    *e || cl <= o) {
			int rc = fail(ps, vat, "expected hours such as 09:00-13:00, not '%s'", v);
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

static int
calendar_line(parser *ps, const char *key, const char *at)
{
	const char *vat;
	int q, mask, y, m, d;
	char *v;

	if (strcmp(key, "zone") == 0 || strcmp(key, "timezone") == 0) {
		free(ps->cal->zone);
		if (!(ps->cal->zone = token(ps, &vat, &q)))
			return fail(ps, ps->p, "zone needs a name such as Europe/Rome%s", "");
		return 0;
	}
	if (strcmp(key, "holiday") == 0 || strcmp(key, "holidays") == 0) {
		while ((v = token(ps, &vat, &q))) {
			int rc = 0;
			if (sscanf(v, "%4d-%2d-%2d", &y, &m, &d) == 3 && strlen(v) == 10)
				rc = add_holiday(ps->cal, y, m, d);
			else
				rc = holiday_file(ps, v, vat);
			free(v);
			if (rc)
				return -1;
		}
		qsort(ps->cal->holidays, ps->cal->nholidays, sizeof(int32_t), cmp32);
		return ps->err->status ? -1 : 0;
	}
	if ((mask = parse_days(key)) < 0)
		return fail(ps, at, "unknown calendar key '%s' (zone, holiday, mon-fri ...)", key);
	return hours_line(ps, mask, at);
}

/* A block header: "rule NAME", "policy NAME", "calendar NAME". */
static int
block(parser *ps, const char *key, const char *at)
{
	const char *nat;
	int q;
	char *name = token(ps, &nat, &q), *extra;
	omni_rules *rs = ps->rs;

	if (!name)
		return fail(ps, ps->p, "'%s' needs a name", key);
	if ((extra = token(ps, &nat, &q))) {
		free(extra);
		free(name);
		return fail(ps, nat, "unexpected text after the name%s", "");
	}
	ps->rule = NULL, ps->policy = NULL, ps->cal = NULL;
	if (strcmp(key, "rule") == 0) {
		omni_rule *n = realloc(rs->rules, (rs->nrules + 1) * sizeof *n);
		if (!n)
			return free(name), -1;
		rs->rules = n;
		ps->rule = memset(&rs->rules[rs->nrules++], 0, sizeof *n);
		ps->rule->name = name;
		ps->rule->line = ps->lineno;
	} else if (strcmp(key, "policy") == 0) {
		omni_sla_policy *n = realloc(rs->policies, (rs->npolicies + 1) * sizeof *n);
		if (!n)
			return free(name), -1;
		rs->policies = n;
		ps->policy = memset(&rs->policies[rs->npolicies++], 0, sizeof *n);
		ps->policy->name = name;
		ps->policy->line = ps->lineno;
	} else {
		omni_calendar *n = realloc(rs->cals, (rs->ncals + 1) * sizeof *n);
		if (!n)
			return free(name), -1;
		rs->cals = n;
		ps->cal = memset(&rs->cals[rs->ncals++], 0, sizeof *n);
		ps->cal->name = name;
		ps->cal->line = ps->lineno;
	}
	return 0;
}

static int
parse_file_line(parser *ps)
{
	const char *at;
	int q, rc;
	char *key = token(ps, &at, &q);

	if (!key)
		return ps->err->status ? -1 : 0;
	if (q)
		rc = fail(ps, at, "expected a keyword, not a string%s", "");
	else if (strcmp(key, "rule") == 0 || strcmp(key, "policy") == 0 ||
	         strcmp(key, "calendar") == 0)
		rc = block(ps, key, at);
	else if (ps->rule && strcmp(key, "when") == 0)
		rc = parse_when(ps);
	else if (ps->rule)
		rc = parse_action(ps, key, at);
	else if (ps->policy)
		rc = policy_line(ps, key, at);
	else if (ps->cal)
		rc = calendar_line(ps, key, at);
	else
		rc = fail(ps, at, "'%s' outside a rule, policy or calendar block", key);
	free(key);
	return rc ? -1 : 0;
}

int
omni_rules_load(omni_rules *rs, const char *path, omni_error *err)
{
	FILE *f = fopen(path, "r");
	parser ps = { .path = path, .err = err, .rs = rs };
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int rc = 0;

	if (!f) {
		omni_error_set(err, errno == ENOENT ? OMNI_EX_NOINPUT : OMNI_EX_CONFIG,
		               path, 0, 0, "%s", strerror(errno));
		return -1;
	}
	while ((n = getline(&line, &cap, f)) > 0) {
		ps.lineno++;
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = 0;
		ps.line = ps.p = line;
		if ((rc = parse_file_line(&ps)) != 0)
			break;
	}
	free(line);
	fclose(f);
	return rc;
}

void
omni_rules_free(omni_rules *rs)
{
	for (size_t i = 0; i < rs->nrules; i++) {
		omni_rule *r = &rs->rules[i];
		free(r->name);
		free(r->when_text);
		omni_rnode_free(r->when);
		for (size_t j = 0; j < r->nacts; j++)
			free(r->acts[j].arg);
		free(r->acts);
	}
	for (size_t i = 0; i < rs->npolicies; i++) {
		free(rs->policies[i].name);
		free(rs->policies[i].calendar);
	}
	for (size_t i = 0; i < rs->ncals; i++) {
		free(rs->cals[i].name);
		free(rs->cals[i].zone);
		free(rs->cals[i].holidays);
	}
	free(rs->rules);
	free(rs->policies);
	free(rs->cals);
	memset(rs, 0, sizeof *rs);
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

int32_t
omni_days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}
