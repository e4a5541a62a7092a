/* rules_int.h - what the rules/ files share, and nothing else
 * includes: the rules file parser's state and its tokenizer. */
#ifndef OMNI_RULES_INT_H
#define OMNI_RULES_INT_H

#include "core/core.h"
#include "rules/rules.h"

/* The parser's place: the file, the line, and a cursor into it. */
typedef struct omni_rparser {
	const char *path;
	long lineno;
	const char *line, *p;
	omni_error *err;
	omni_rules *rs;
	omni_rule *rule;          /* the block being read, one of four */
	omni_sla_policy *policy;
	omni_calendar *cal;
	omni_queue *queue;
} omni_rparser;

/* A configuration error (78) at column at of the line: -1. */
int omni_rparse_fail(omni_rparser *ps, const char *at, const char *fmt, const char *arg);
/* Past blanks, and past the rest of the line at a comment. */
void omni_rparse_skip(omni_rparser *ps);
/* The next token: a quoted string (decoded), an operator, a parenthesis or
 * comma, or a bare word.  New, or NULL at the end of the line (or on an
 * error, with ps->err set); *at is where it starts; *quoted says it was a
 * string. */
char *omni_rparse_token(omni_rparser *ps, const char **at, int *quoted);
/* "4h", "30m", "2d", "90s", "1w": 0 and ms, else -1. */
int omni_rparse_duration(const char *s, int64_t *ms);
/* One line inside a policy, calendar or assign block, after its key. */
int omni_rparse_policy_line(omni_rparser *ps, const char *key, const char *at);
int omni_rparse_calendar_line(omni_rparser *ps, const char *key, const char *at);
int omni_rparse_assign_line(omni_rparser *ps, const char *key, const char *at);

#endif
