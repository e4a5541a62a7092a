/* rules.h - the rules file (man/omni-rules.5): rules, SLA policies, business-hours
 * calendars and queues, and the business-time arithmetic of the SLA
 * clocks that omni-route and omni-report share. */
#ifndef OMNI_RULES_RULES_H
#define OMNI_RULES_RULES_H

#include "core/core.h"

enum { OMNI_RN_COND, OMNI_RN_AND, OMNI_RN_OR, OMNI_RN_NOT };
enum {
	OMNI_OP_EQ, OMNI_OP_NE, OMNI_OP_IN, OMNI_OP_NOTIN, OMNI_OP_RE, OMNI_OP_NRE,
	OMNI_OP_CONTAINS, OMNI_OP_GT, OMNI_OP_GE, OMNI_OP_LT, OMNI_OP_LE,
	OMNI_OP_EXISTS, OMNI_OP_MISSING,
};
#define OMNI_PATH_MAX 8
/* A condition or a combination of two (a, b; NOT uses a). */
typedef struct omni_rnode {
	int type, op;
	struct omni_rnode *a, *b;
	char *path;                   /* as written: "customer.name" */
	char *parts[OMNI_PATH_MAX];
	int nparts;
	char **vals;                  /* literals, decoded */
	size_t nvals;
	double num;                   /* vals[0] as a number, a time or a */
	omni_time time;               /* duration (ms), where it is one */
	int64_t dur;
	int has_num, has_time, has_dur;
	void *re;                     /* regex_t, POSIX extended */
	int field;                    /* omni_rules_field() of a one-part path */
	int key;                      /* omni_rules_key() of parts[0] + 1, or 0 */
	long line, column;
} omni_rnode;

enum { OMNI_RA_PRIORITY, OMNI_RA_QUEUE, OMNI_RA_ASSIGNEE, OMNI_RA_TAG,
       OMNI_RA_SLA, OMNI_RA_INTENT, OMNI_RA_STOP };
typedef struct omni_raction {
	int type;
	char *arg;
	int score;                    /* priority: 0-100, -1 for the default */
} omni_raction;

typedef struct omni_rule {
	char *name;
	long line;
	omni_rnode *when;             /* NULL: always */
	char *when_text;              /* the conditions as written */
	omni_raction *acts;
	size_t nacts;
} omni_rule;

enum { OMNI_SLA_FIRST, OMNI_SLA_NEXT, OMNI_SLA_RESOLUTION };
enum { OMNI_SLA_NONE, OMNI_SLA_CALENDAR, OMNI_SLA_BHOURS, OMNI_SLA_BDAYS };
typedef struct omni_sla_policy {
	char *name, *calendar;        /* calendar NULL: the store's, else "default" */
	int64_t target[3];            /* ms, or business days */
	int unit[3];
	long line;
} omni_sla_policy;

typedef struct omni_calendar {
	char *name, *zone;            /* zone NULL: the store's timezone, else UTC */
	short open[7][8], close[7][8];  /* minutes of the day, Sunday first */
	int nhours[7];
	int32_t *holidays;            /* local days since 1970-01-01, sorted */
	size_t nholidays;
	long line;
} omni_calendar;

/* Automatic assignment inside a queue: its agents, each with a cap of
 * open tickets (0: none). */
enum { OMNI_ASSIGN_ROUND_ROBIN, OMNI_ASSIGN_LEAST_OPEN };
typedef struct omni_agent {
	char *name;
	int cap;                      /* -1: the queue's */
} omni_agent;
typedef struct omni_queue {
	char *name;
	int strategy, cap;
	omni_agent *agents;
	size_t nagents;
	long line;
} omni_queue;

typedef struct omni_rules {
	omni_rule *rules;
	size_t nrules;
	omni_sla_policy *policies;
	size_t npolicies;
	omni_calendar *cals;
	size_t ncals;
	omni_queue *queues;
	size_t nqueues;
} omni_rules;

/* Adds the rules, policies and calendars of a file (a later policy or
 * calendar of the same name replaces the earlier).  0, or -1 with err
 * (78 with line and column; 66 missing). */
int omni_rules_load(omni_rules *rs, const char *path, omni_error *err);
void omni_rules_free(omni_rules *rs);
void omni_rnode_free(omni_rnode *n);
const omni_sla_policy *omni_rules_policy(const omni_rules *rs, const char *name);
const omni_calendar *omni_rules_calendar(const omni_rules *rs, const char *name);
const omni_queue *omni_rules_queue(const omni_rules *rs, const char *name);
/* SLA due times for the policy; 0 where there is none. */
typedef struct omni_sla {
	omni_time due[3];
	int breached[3];
	int paused;
} omni_sla;
/* A message as the SLA clocks see it. */
typedef struct omni_rmsg {
	omni_time at;
	unsigned char out;            /* direction out */
	unsigned char author;         /* 0 none, 1 customer, 2 agent or bot, 3 other */
	unsigned char no_response;    /* no_response_needed: true */
} omni_rmsg;
/* A ticket as the SLA clocks see it (times 0 when unknown). */
typedef struct omni_sla_ticket {
	omni_time now, created, solved;    /* solved: solved_at */
	const char *status;                /* borrowed, or NULL */
	const omni_rmsg *msgs;             /* borrowed: the messages with a time */
	size_t nmsgs;
	int no_response;                   /* tagged no-response-needed */
	int claim;                         /* kind claim: the marketplace's
	                                    * notice (author system) wants an
	                                    * answer as a customer's message */
} omni_sla_ticket;
/* The calendar of a policy for a store (its own, else the store's, else
 * "default", else Monday to Friday 9 to 17) and the zone it counts in
 * (*zone_used, borrowed).  Borrowed, or NULL with err (78 unknown zone). */
const omni_calendar *omni_sla_calendar(const omni_rules *rs, const omni_sla_policy *p,
                                       const char *store, const char *zone,
                                       const char **zone_used, omni_error *err);
/* zone: the store's IANA zone or NULL.  0, or -1 with err (78: unknown
 * zone, a calendar with no open hours). */
int omni_sla_compute(const omni_rules *rs, const omni_sla_policy *p,
                     const char *store, const char *zone,
                     const omni_sla_ticket *t, omni_sla *out, omni_error *err);
/* lib/rules/sla_load.c: the policies and calendars of share/omni/sla, then
 * of $XDG_CONFIG_HOME/omni/sla (either may be absent).  0, or -1 with err. */
int omni_sla_load(omni_rules *rs, omni_error *err);
/* The business time between a and b, in ms (0 when b <= a). */
int64_t omni_business_between(const omni_calendar *c, const char *zone, omni_time a,
                              omni_time b);
/* Adds business time: 0 and *out; -1 when the calendar never opens. */
int omni_business_add(const omni_calendar *c, const char *zone, omni_time t,
                      int64_t ms, omni_time *out);
int omni_business_days(const omni_calendar *c, const char *zone, omni_time t,
                       int64_t days, omni_time *out);

/* The default score of a priority name (urgent, high, normal, low), or -1. */
int omni_priority_score(const char *priority);
/* A field omni-route decides or computes (lang, intent, idle ...): its
 * number (1 and up), or OMNI_RF_RECORD (0) for a path into the record. */
enum { OMNI_RF_RECORD, OMNI_RF_IDLE, OMNI_RF_AGE, OMNI_RF_SCORE, OMNI_RF_TAGS,
       OMNI_RF_TEXT, OMNI_RF_LANG, OMNI_RF_INTENT, OMNI_RF_SENTIMENT,
       OMNI_RF_PRIORITY, OMNI_RF_QUEUE, OMNI_RF_ASSIGNEE, OMNI_RF_STATUS };
int omni_rules_field(const char *name);
/* The record members omni-route finds in its one pass (NULL-terminated),
 * and the place of name among them, or -1. */
extern const char *const omni_rules_keys[];
int omni_rules_key(const char *name);

#endif
