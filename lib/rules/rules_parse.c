/* route_rules.c - the rules file (man/omni-rules.5): rules, SLA policies
 * and business-hours calendars, one block each, a line at a time. */
#include <ctype.h>
#include <errno.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include "rules_int.h"

typedef omni_rparser parser;

int
omni_rparse_fail(parser *ps, const char *at, const char *fmt, const char *arg)
{
	return omni_error_set(ps->err, OMNI_EX_CONFIG, ps->path, ps->lineno,
	                      (long)(at - ps->line) + 1, fmt, arg);
}

void
omni_rparse_skip(parser *ps)
{
	/* any blank, a stray CR too: a token never starts on one */
	while (isspace((unsigned char)*ps->p))
		ps->p++;
	if (*ps->p == '#')
		ps->p += strlen(ps->p);
}

/* The next token: a quoted string (decoded), an operator, a parenthesis or
 * comma, or a bare word.  New, or NULL at the end of the line; *at is
 * where it starts; *quoted says it was a string. */
char *
omni_rparse_token(parser *ps, const char **at, int *quoted)
{
	const char *s;
	char *out, *o;

	omni_rparse_skip(ps);
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
			omni_rparse_fail(ps, *at, "unterminated string%s", "");
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
	char *t = omni_rparse_token(ps, &at, &q);

	yes = t && !q && strcmp(t, word) == 0;
	free(t);
	ps->p = save;
	return yes;
}

/* "4h", "30m", "2d", "90s", "1w": 0 and ms, else -1. */
int
omni_rparse_duration(const char *s, int64_t *ms)
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
			if (v * (double)units[i].ms > 1e18)
				return -1;     /* past any clock, and past int64_t */
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
	n->has_dur = omni_rparse_duration(v, &n->dur) == 0;
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
	char *t = omni_rparse_token(ps, &at, &q);

	if (!t || q || strcmp(t, "(") != 0) {
		free(t);
		return omni_rparse_fail(ps, at, "expected '(' to start a list%s", "");
	}
	free(t);
	for (;;) {
		if (!(t = omni_rparse_token(ps, &at, &q)) || (!q && strchr("(),", *t))) {
			free(t);
			return omni_rparse_fail(ps, at, "expected a value in the list%s", "");
		}
		add_val(n, t);
		if (!(t = omni_rparse_token(ps, &at, &q)) || q || (strcmp(t, ",") && strcmp(t, ")"))) {
			free(t);
			return omni_rparse_fail(ps, at, "expected ',' or ')'%s", "");
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
	char *t = omni_rparse_token(ps, &at, &q);

	n->op = -1;
	if (t && !q && (strcmp(t, "more") == 0 || strcmp(t, "less") == 0)) {
		n->op = *t == 'm' ? OMNI_OP_GT : OMNI_OP_LT;
		free(t);
		t = omni_rparse_token(ps, &at, &q);
		if (!t || q || strcmp(t, "than") != 0) {
			free(t);
			return omni_rparse_fail(ps, at, "expected 'than'%s", "");
		}
	} else if (t && !q && strcmp(t, "not") == 0) {
		free(t);
		t = omni_rparse_token(ps, &at, &q);
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
		int rc = omni_rparse_fail(ps, at, "expected an operator, not '%s'", t ? t : "end of line");
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
		return omni_rparse_fail(ps, at, "bad regular expression: %s", msg);
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
	n->field = n->nparts == 1 ? omni_rules_field(n->parts[0]) : 0;
	n->key = n->nparts && !n->field ? omni_rules_key(n->parts[0]) + 1 : 0;
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
	v = omni_rparse_token(ps, &at, &q);
	if (!v || (!q && strchr("(),", *v))) {
		free(v);
		return omni_rparse_fail(ps, at, "expected a value after the operator%s", "");
	}
	add_val(n, v);
	classify_value(n);
	if ((n->op == OMNI_OP_RE || n->op == OMNI_OP_NRE) && compile_regex(ps, n, at))
		return -1;
	if (n->op >= OMNI_OP_GT && n->op <= OMNI_OP_LE && !n->has_num && !n->has_dur && !n->has_time)
		return omni_rparse_fail(ps, at, "'%s' is not a number, a duration or a time", v);
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
	char *t = omni_rparse_token(ps, &at, &q);
	omni_rnode *n;

	if (!t) {
		if (!ps->err->status)
			omni_rparse_fail(ps, at, "expected a condition%s", "");
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
		t = omni_rparse_token(ps, &at, &q);
		if (!t || q || strcmp(t, ")") != 0) {
			free(t);
			omni_rparse_fail(ps, at, "expected ')'%s", "");
			omni_rnode_free(n);
			return NULL;
		}
		free(t);
		return n;
	}
	if (q || strchr("(),=~<>!", *t)) {
		omni_rparse_fail(ps, at, "expected a field name, not '%s'", t);
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
		free(omni_rparse_token(ps, &at, &q));
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
		free(omni_rparse_token(ps, &at, &q));
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

	omni_rparse_skip(ps);
	start = ps->p;
	if (!(n = parse_or(ps)))
		return -1;
	if ((t = omni_rparse_token(ps, &at, &q))) {
		free(t);
		omni_rnode_free(n);
		return omni_rparse_fail(ps, at, "expected 'and', 'or' or the end of the line%s", "");
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
		return omni_rparse_fail(ps, at, "unknown action '%s'", key);
	do {
		if (type != OMNI_RA_STOP && !(arg = omni_rparse_token(ps, &aat, &q)))
			return ps->err->status ? -1 : omni_rparse_fail(ps, ps->p, "'%s' needs a value", key);
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
				return omni_rparse_fail(ps, aat, "unknown priority '%s' (urgent, high, normal, low)", arg);
			if ((extra = omni_rparse_token(ps, &aat, &q))) {
				char *end;
				long v = strtol(extra, &end, 10);
				int bad = *end || end == extra || v < 0 || v > 100;
				free(extra);
				if (bad)
					return omni_rparse_fail(ps, aat, "a priority score is 0 to 100%s", "");
				a->score = (int)v;
			}
		}
		/* "tag a b c": one action a tag */
	} while (type == OMNI_RA_TAG && (omni_rparse_skip(ps), *ps->p));
	if ((extra = omni_rparse_token(ps, &aat, &q))) {
		free(extra);
		return omni_rparse_fail(ps, aat, "unexpected text after '%s'", key);
	}
	return 0;
}


/* A block header: "rule NAME", "policy NAME", "calendar NAME", "assign
 * QUEUE". */
static int
block(parser *ps, const char *key, const char *at)
{
	const char *nat;
	int q;
	char *name = omni_rparse_token(ps, &nat, &q), *extra;
	omni_rules *rs = ps->rs;

	if (!name)
		return omni_rparse_fail(ps, ps->p, "'%s' needs a name", key);
	if ((extra = omni_rparse_token(ps, &nat, &q))) {
		free(extra);
		free(name);
		return omni_rparse_fail(ps, nat, "unexpected text after the name%s", "");
	}
	ps->rule = NULL, ps->policy = NULL, ps->cal = NULL, ps->queue = NULL;
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
	} else if (strcmp(key, "assign") == 0) {
		omni_queue *n = realloc(rs->queues, (rs->nqueues + 1) * sizeof *n);
		if (!n)
			return free(name), -1;
		rs->queues = n;
		ps->queue = memset(&rs->queues[rs->nqueues++], 0, sizeof *n);
		ps->queue->name = name;
		ps->queue->line = ps->lineno;
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
	char *key = omni_rparse_token(ps, &at, &q);

	if (!key)
		return ps->err->status ? -1 : 0;
	if (q)
		rc = omni_rparse_fail(ps, at, "expected a keyword, not a string%s", "");
	else if (strcmp(key, "rule") == 0 || strcmp(key, "policy") == 0 ||
	         strcmp(key, "calendar") == 0 || strcmp(key, "assign") == 0)
		rc = block(ps, key, at);
	else if (ps->rule && strcmp(key, "when") == 0)
		rc = parse_when(ps);
	else if (ps->rule)
		rc = parse_action(ps, key, at);
	else if (ps->policy)
		rc = omni_rparse_policy_line(ps, key, at);
	else if (ps->cal)
		rc = omni_rparse_calendar_line(ps, key, at);
	else if (ps->queue)
		rc = omni_rparse_assign_line(ps, key, at);
	else
		rc = omni_rparse_fail(ps, at, "'%s' outside a rule, policy, calendar or assign block",
		                      key);
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
	for (size_t i = 0; i < rs->nqueues; i++) {
		free(rs->queues[i].name);
		for (size_t j = 0; j < rs->queues[i].nagents; j++)
			free(rs->queues[i].agents[j].name);
		free(rs->queues[i].agents);
	}
	free(rs->queues);
	free(rs->rules);
	free(rs->policies);
	free(rs->cals);
	memset(rs, 0, sizeof *rs);
}

