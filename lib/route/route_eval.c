/* route_eval.c - applying the rules to one ticket.
 *
 * A condition reads a field of the route (what omni-route has decided so
 * far: lang, intent, queue ...), a virtual field (text, idle, age), or a
 * path into the record, decoding only what it reads.  A path that meets an
 * array tries every element: "tags = vip" holds when one tag is "vip". */

#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "record/record.h"
#include "rules/rules.h"
#include "route/route.h"

const char *
omni_route_keep(omni_route *r, const char *s, size_t n)
{
	char *p;
	if (r->arena_used + n + 1 > sizeof r->arena)
		return NULL;
	p = r->arena + r->arena_used;
	memcpy(p, s, n);
	p[n] = 0;
	r->arena_used += n + 1;
	return p;
}

void
omni_route_clear(omni_route *r)
{
	for (size_t i = 0; i < r->nmatched; i++)
		free(r->why[i]);
	r->nmatched = 0;
	r->ntags = 0;
	r->ncached = 0;
	r->arena_used = 0;
}

static int
cmp_num(int op, double a, double b)
{
	switch (op) {
	case OMNI_OP_GT: return a > b;
	case OMNI_OP_GE: return a >= b;
	case OMNI_OP_LT: return a < b;
	case OMNI_OP_LE: return a <= b;
	case OMNI_OP_EQ: case OMNI_OP_IN: return a == b;
	}
	return 0;
}

/* Does the positive form of n's operator hold for the string s? */
static int
match_str(const omni_rnode *n, const omni_route *r, const char *s)
{
	double v;
	omni_time t;
	char *end;

	switch (n->op) {
	case OMNI_OP_EQ: case OMNI_OP_NE: case OMNI_OP_IN: case OMNI_OP_NOTIN:
		for (size_t i = 0; i < n->nvals; i++)
			if (strcmp(s, n->vals[i]) == 0)
				return 1;
		return 0;
	case OMNI_OP_RE: case OMNI_OP_NRE:
		return regexec(n->re, s, 0, NULL, 0) == 0;
	case OMNI_OP_CONTAINS: case OMNI_OP_CONTAINS + 100:
		return strcasestr(s, n->vals[0]) != NULL;
	case OMNI_OP_EXISTS: case OMNI_OP_MISSING:
		return 1;
	}
	/* Ordering: a number, a time against a time, or the age of a time
	 * against a duration ("updated_at > 4h": more than 4 hours ago). */
	if (n->has_num && (v = strtod(s, &end), end != s && *end == 0))
		return cmp_num(n->op, v, n->num);
	if ((n->has_time || n->has_dur) && omni_time_parse(s, &t) == 0) {
		if (n->has_time)
			return cmp_num(n->op, (double)t, (double)n->time);
		return cmp_num(n->op, (double)(r->now - t), (double)n->dur);
	}
	return 0;
}

static int
match_num(const omni_rnode *n, double v)
{
	char buf[64];
	if (n->op == OMNI_OP_EQ || n->op == OMNI_OP_NE || n->op == OMNI_OP_IN ||
	    n->op == OMNI_OP_NOTIN) {
		for (size_t i = 0; i < n->nvals; i++)
			if (strtod(n->vals[i], NULL) == v && n->vals[i][0])
				return 1;
		return 0;
	}
	if (n->op == OMNI_OP_EXISTS || n->op == OMNI_OP_MISSING)
		return 1;
	if (n->op >= OMNI_OP_GT && n->op <= OMNI_OP_LE)
		return n->has_num ? cmp_num(n->op, v, n->num) :
		       n->has_dur ? cmp_num(n->op, v, (double)n->dur) : 0;
	snprintf(buf, sizeof buf, "%.17g", v);
	return regexec(n->re, buf, 0, NULL, 0) == 0;
}

/* Any value at parts[k..] under v: 1 matched, 0 not, -1 absent. */
static int
match_span(const omni_rnode *n, const omni_route *r, omni_span v, int k)
{
	omni_jiter it;
	omni_span e;
	int found = -1, m;
	char buf[1024];

	switch (omni_json_type(v)) {
	case OMNI_J_ABSENT: case OMNI_J_NULL:
		return -1;
	case OMNI_J_ARRAY:
		omni_json_iter(&it, v);
		while (omni_json_next(&it, NULL, &e))
			if ((m = match_span(n, r, e, k)) == 1)
				return 1;
			else if (m == 0)
				found = 0;
		return found;
	case OMNI_J_OBJECT:
		if (k < n->nparts)
			return match_span(n, r, omni_json_get(v, n->parts[k]), k + 1);
		return n->op == OMNI_OP_EXISTS || n->op == OMNI_OP_MISSING ? 1 : 0;
	default:
		break;
	}
	if (k < n->nparts)
		return -1;
	if (omni_json_type(v) == OMNI_J_NUMBER) {
		double d;
		return omni_json_number(v, &d) == 0 ? match_num(n, d) : 0;
	}
	if (omni_json_type(v) != OMNI_J_STRING)
		return match_str(n, r, omni_json_type(v) == OMNI_J_TRUE ? "true" : "false");
	/* A string without escapes is its own text: equality needs no copy. */
	if ((n->op == OMNI_OP_EQ || n->op == OMNI_OP_NE || n->op == OMNI_OP_IN ||
	     n->op == OMNI_OP_NOTIN) && !memchr(v.p + 1, '\\', v.n - 2)) {
		for (size_t i = 0; i < n->nvals; i++)
			if (strlen(n->vals[i]) == v.n - 2 && memcmp(n->vals[i], v.p + 1, v.n - 2) == 0)
				return 1;
		return 0;
	}
	if (omni_json_string_buf(v, buf, sizeof buf) >= 0)
		return match_str(n, r, buf);
	char *s = omni_json_string(v, NULL);
	m = s ? match_str(n, r, s) : 0;
	free(s);
	return m;
}

/* A field omni-route owns or computes: 1 matched, 0 not, -1 absent;
 * 2 when it is a path into the record. */
static int
match_route_field(const omni_rnode *n, const omni_route *r)
{
	const char *s = NULL;
	omni_time t;

	switch (n->field) {
	case OMNI_RF_RECORD:
		return 2;
	case OMNI_RF_IDLE: case OMNI_RF_AGE:
		t = n->field == OMNI_RF_IDLE ? (r->updated ? r->updated : r->created) : r->created;
		return t ? match_num(n, (double)(r->now - t)) : -1;
	case OMNI_RF_SCORE:
		return match_num(n, r->score);
	case OMNI_RF_TAGS: {
		int any = -1;
		for (size_t i = 0; i < r->ntags; i++)
			if (match_str(n, r, r->tags[i]))
				return 1;
			else
				any = 0;
		return any;
	}
	case OMNI_RF_TEXT: s = r->text; break;
	case OMNI_RF_LANG: s = r->lang; break;
	case OMNI_RF_INTENT: s = r->intent; break;
	case OMNI_RF_SENTIMENT: s = r->sentiment; break;
	case OMNI_RF_PRIORITY: s = r->priority; break;
	case OMNI_RF_QUEUE: s = r->queue; break;
	case OMNI_RF_ASSIGNEE: s = r->assignee; break;
	case OMNI_RF_STATUS: s = r->status; break;
	}
	return s ? match_str(n, r, s) : -1;
}

/* Rules read the same few members (channel, kind) again and again: the
 * spans found for this ticket are kept. */
omni_span
omni_route_member(const omni_route *r, const char *key)
{
	omni_route *w = (omni_route *)r;
	for (size_t i = 0; i < r->ncached; i++)
		if (r->cached_key[i] == key ||
		    (r->cached_key[i][0] == key[0] && strcmp(r->cached_key[i], key) == 0))
			return r->cached[i];
	omni_span v = omni_record_get(r->rec, key);
	if (r->ncached < sizeof r->cached / sizeof *r->cached) {
		w->cached_key[r->ncached] = key;
		w->cached[w->ncached++] = v;
	}
	return v;
}

void
omni_route_index(omni_route *r, const char *const *keys)
{
	const omni_record *rec = r->rec;
	size_t n = 0;

	for (size_t i = 0; i < rec->nmembers; i++)
		if (memchr(rec->members[i].key.p, '\\', rec->members[i].key.n))
			return;     /* an escaped key: look each one up the slow way */
	for (; n < sizeof r->cached / sizeof *r->cached && keys[n]; n++) {
		r->cached_key[n] = keys[n];
		r->cached[n] = (omni_span){ 0 };
	}
	size_t len[sizeof r->cached / sizeof *r->cached];
	for (size_t j = 0; j < n; j++)
		len[j] = strlen(keys[j]);
	for (size_t i = 0; i < rec->nmembers; i++) {
		omni_span k = rec->members[i].key;
		for (size_t j = 0; j < n; j++)
			if (len[j] == k.n && memcmp(keys[j], k.p, k.n) == 0)
				r->cached[j] = rec->members[i].value;   /* the last one wins */
	}
	r->ncached = n;
}

static int
eval_cond(const omni_rnode *n, const omni_route *r)
{
	int m = match_route_field(n, r);

	if (m == 2) {
		/* a member omni_route_index found: no look-up by name */
		int k = n->key - 1;
		omni_span v = k >= 0 && (size_t)k < r->ncached && r->cached_key[k] == omni_rules_keys[k] ?
		              r->cached[k] : omni_route_member(r, n->parts[0]);
		m = match_span(n, r, v, 1);
	}
	switch (n->op) {
	case OMNI_OP_EXISTS: return m == 1;
	case OMNI_OP_MISSING: return m != 1;
	case OMNI_OP_NE: case OMNI_OP_NOTIN: case OMNI_OP_NRE:
	case OMNI_OP_CONTAINS + 100:
		return m != 1;
	}
	return m == 1;
}

static int
eval(const omni_rnode *n, const omni_route *r)
{
	switch (n->type) {
	case OMNI_RN_AND: return eval(n->a, r) && eval(n->b, r);
	case OMNI_RN_OR: return eval(n->a, r) || eval(n->b, r);
	case OMNI_RN_NOT: return !eval(n->a, r);
	}
	return eval_cond(n, r);
}

/* The value a field had, for --explain: "channel=amazon". */
static void
describe_fields(const omni_rnode *n, const omni_route *r, char *buf, size_t size)
{
	size_t len = strlen(buf);
	omni_span v;

	if (!n || len + 2 >= size)
		return;
	if (n->type != OMNI_RN_COND) {
		describe_fields(n->a, r, buf, size);
		describe_fields(n->b, r, buf, size);
		return;
	}
	if (strstr(buf, n->path) && strstr(buf, n->path)[strlen(n->path)] == '=')
		return;     /* said already */
	const char *f = n->parts[0], *s = NULL;
	char num[64];
	if (n->nparts == 1 && (strcmp(f, "idle") == 0 || strcmp(f, "age") == 0)) {
		omni_time t = f[0] == 'i' ? (r->updated ? r->updated : r->created) : r->created;
		snprintf(num, sizeof num, "%.1fh", t ? (double)(r->now - t) / 3600000.0 : -1.0);
		s = t ? num : "unknown";
	} else if (n->nparts == 1 && strcmp(f, "priority") == 0) s = r->priority;
	else if (n->nparts == 1 && strcmp(f, "lang") == 0) s = r->lang;
	else if (n->nparts == 1 && strcmp(f, "intent") == 0) s = r->intent;
	else if (n->nparts == 1 && strcmp(f, "sentiment") == 0) s = r->sentiment;
	else if (n->nparts == 1 && strcmp(f, "queue") == 0) s = r->queue;
	else if (n->nparts == 1 && strcmp(f, "text") == 0) s = "...";
	if (!s) {
		v = omni_route_member(r, f);
		for (int k = 1; k < n->nparts && omni_json_type(v) == OMNI_J_OBJECT; k++)
			v = omni_json_get(v, n->parts[k]);
		snprintf(buf + len, size - len, "%s%s=%.*s", len ? ", " : "", n->path,
		         v.p ? (int)(v.n > 60 ? 60 : v.n) : 6, v.p ? v.p : "absent");
		return;
	}
	snprintf(buf + len, size - len, "%s%s=%s", len ? ", " : "", n->path, s ? s : "null");
}

static void
add_tag(omni_route *r, const char *t)
{
	for (size_t i = 0; i < r->ntags; i++)
		if (strcmp(r->tags[i], t) == 0)
			return;
	if (r->ntags < OMNI_ROUTE_MAX)
		r->tags[r->ntags++] = t;
}

/* 1 when the rule says stop. */
static int
act(const omni_rule *rule, omni_route *r)
{
	for (size_t i = 0; i < rule->nacts; i++) {
		const omni_raction *a = &rule->acts[i];
		switch (a->type) {
		case OMNI_RA_PRIORITY:
			r->priority = a->arg;
			r->score = a->score >= 0 ? a->score : omni_priority_score(a->arg);
			break;
		case OMNI_RA_QUEUE: r->queue = a->arg; break;
		case OMNI_RA_ASSIGNEE: r->assignee = a->arg; break;
		case OMNI_RA_TAG: add_tag(r, a->arg); break;
		case OMNI_RA_SLA: r->policy = a->arg; break;
		case OMNI_RA_INTENT: r->intent = a->arg; break;
		case OMNI_RA_STOP: return 1;
		}
	}
	return 0;
}

void
omni_rules_apply(const omni_rules *rs, omni_route *r)
{
	for (size_t i = 0; i < rs->nrules; i++) {
		const omni_rule *rule = &rs->rules[i];
		char why[1024];
		if (rule->when && !eval(rule->when, r))
			continue;
		why[0] = 0;
		if (r->nmatched < OMNI_ROUTE_MAX) {
			if (r->explain) {
				describe_fields(rule->when, r, why, sizeof why);
				size_t n = strlen(rule->name) + strlen(why) + 64 +
				           (rule->when_text ? strlen(rule->when_text) : 6);
				if ((r->why[r->nmatched] = malloc(n)))
					snprintf(r->why[r->nmatched], n, "%s (line %ld): %s%s%s%s",
					         rule->name, rule->line,
					         rule->when_text ? rule->when_text : "always",
					         *why ? " [" : "", why, *why ? "]" : "");
			} else {
				r->why[r->nmatched] = NULL;
			}
			r->matched[r->nmatched++] = rule;
		}
		if (act(rule, r))
			break;
	}
}
