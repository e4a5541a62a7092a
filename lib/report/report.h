/* report.h - omni-report's figures (man/omni-report.1). */
#ifndef OMNI_REPORT_REPORT_H
#define OMNI_REPORT_REPORT_H

#include <jansson.h>

#include "core/core.h"
#include "record/record.h"

// report_*.c - omni-report's figures (omni-report(1), "Figures")


// report_stats.c
/* Exact values up to this many per statistic, then a histogram. */
#define OMNI_RSTAT_EXACT 16384
#define OMNI_RSTAT_BUCKETS 1600   /* 2%-wide buckets: 1 ms to ~600 years */

/* A time statistic in milliseconds: count, sum, min and max exact;
 * nearest-rank percentiles exact while !sketch, else within 1%. */
typedef struct omni_rstat {
	int64_t count, sum, min, max;
	int64_t *vals;
	size_t nvals, cap;
	int sorted, sketch;
	uint64_t *pos, *neg;
	int64_t zero;
} omni_rstat;

/* 0, or -1 out of memory. */
int omni_rstat_add(omni_rstat *s, int64_t ms);
int omni_rstat_merge(omni_rstat *into, const omni_rstat *from);
/* Nearest rank, q in (0, 1]; 0 when empty.  Sorts the exact values. */
double omni_rstat_quantile(omni_rstat *s, double q);
void omni_rstat_free(omni_rstat *s);
json_t *omni_rstat_to_json(const omni_rstat *s);      /* new */
int omni_rstat_from_json(omni_rstat *s, const json_t *o);  /* adds; 0/-1 */

// report_facts.c
enum {
	OMNI_RF_WISMO = 1, OMNI_RF_ORDER = 2, OMNI_RF_REFUND = 4,
	OMNI_RF_RATED = 8, OMNI_RF_SATISFIED = 16, OMNI_RF_REPEAT = 32,
	OMNI_RF_REOPENED = 64,      /* reopens: a customer reopened it once or more */
};

/* What the figures need of one ticket (times OMNI_TIME_NONE when
 * unknown): about 90 bytes, kept per ticket id to count each once. */
typedef struct omni_rfacts {
	uint64_t id, customer;      /* hashes of the raw id and customer.id */
	omni_time updated, created, solved;
	omni_time first_in;         /* first customer message */
	omni_time first_reply;      /* first agent or bot reply at or after it */
	omni_time due;              /* sla.first_response_due */
	omni_time first_person;     /* first reply by a person (author agent, or
	                             * the desk's answer) at or after first_in */
	int64_t handling;           /* a person's time on it (report_facts.c), or -1 */
	uint32_t key;               /* the group's field values (report_agg.c) */
	uint32_t reasons;           /* first of nreasons in the reason pool */
	uint16_t nreasons, flags;
	uint16_t orders, late;      /* linked orders with a fulfilment; late ones */
	uint16_t replies;           /* outbound messages by an agent or bot */
	int64_t frt_bh, res_bh;     /* in business hours (ms), or -1 */
} omni_rfacts;

/* Reads rec's facts; refund reasons go through intern(reason, arg), which
 * returns a pool index or -1.  0, or -1 with err (65 for a bad time). */
int omni_rfacts_read(const omni_record *rec, omni_rfacts *f,
                     int (*intern)(const char *reason, size_t len, void *arg),
                     void *arg, omni_error *err);
uint64_t omni_rfacts_hash(const char *p, size_t n);

// report_agg.c
enum { OMNI_PERIOD_NONE, OMNI_PERIOD_DAY, OMNI_PERIOD_WEEK, OMNI_PERIOD_MONTH };

typedef struct omni_ragg {
	int64_t tickets, answered, unanswered, no_customer;
	int64_t sla_judged, sla_met, wismo, with_order, refunded;
	int64_t rated, satisfied, solved, one_touch, repeat;
	int64_t reopened;           /* of the solved, those reopened before */
	int64_t orders, late;
	omni_rstat frt, res;
	omni_rstat frt_bh, res_bh;  /* the same in business hours */
	omni_rstat frt_person;      /* first response by a person */
	omni_rstat handling;        /* a person's handling time */
	int64_t *reasons;           /* count per reason pool index */
	size_t nreasons;
} omni_ragg;

typedef struct omni_rgroup {
	uint32_t key;
	int32_t period;             /* a day, ISO week or month number */
	omni_ragg agg[2];           /* the window, and the previous one */
} omni_rgroup;

typedef struct omni_rep_opts {
	char **by;                  /* borrowed: top-level field names */
	size_t nby;
	int period;
	omni_time since, until, now;   /* OMNI_TIME_NONE: open */
	int compare;                /* also the previous window */
	int unique;                 /* ids are unique: keep no per-id state */
	/* --business-hours: the business time from a to b in ms for a ticket of
	 * store (borrowed, NULL when it names none), or -1 with err.  NULL:
	 * calendar time only. */
	int64_t (*business)(void *arg, const char *store, omni_time a, omni_time b,
	                    omni_error *err);
	void *business_arg;
	const char *business_name;  /* the policy, named in partials */
} omni_rep_opts;

typedef struct omni_rep omni_rep;

omni_rep *omni_rep_new(const omni_rep_opts *o);     /* o copied; new */
void omni_rep_free(omni_rep *r);
/* One ticket.  0, or -1 with err. */
int omni_rep_add(omni_rep *r, const omni_record *rec, omni_error *err);
/* Every ticket in the store at path (NULL: the default, as
 * omni_store_open), as omni-link left them (report_store.c).  0, or -1
 * with err. */
int omni_rep_add_store(omni_rep *r, const char *path, omni_error *err);
/* Aggregates what was added (once, after the last omni_rep_add). */
int omni_rep_finish(omni_rep *r, omni_error *err);
/* The groups, sorted by key then period, and their total (borrowed). */
size_t omni_rep_groups(omni_rep *r, omni_rgroup **groups);
omni_rgroup *omni_rep_total(omni_rep *r);
const omni_rep_opts *omni_rep_options(const omni_rep *r);
/* The i-th field value of a group key: borrowed, NULL when absent. */
const char *omni_rep_keyval(const omni_rep *r, uint32_t key, size_t i);
const char *omni_rep_reason(const omni_rep *r, size_t i);
size_t omni_rep_nreasons(const omni_rep *r);
/* "2026-11-08", "2026-W45", "2026-11" into buf (16 bytes). */
char *omni_rep_period_label(int kind, int32_t period, char *buf);
/* --partial: the aggregates as one JSON object (new); --merge: adds one
 * (borrowed).  0, or -1 with err (65 not a partial, or another grouping). */
json_t *omni_rep_partial(omni_rep *r);
int omni_rep_merge(omni_rep *r, const json_t *partial, omni_error *err);
/* omni_rep_groups after merging: sorts and totals. */
int omni_rep_merged(omni_rep *r, omni_error *err);

// report_format.c, report_html.c
/* Writes the report as "table", "csv", "json", "markdown", "html" or
 * "prometheus".  0, or -1 (a write error, kept by o). */
int omni_rep_write(omni_rep *r, const char *format, omni_out *o);
int omni_rep_write_html(omni_rep *r, omni_out *o);
/* A figure as JSON (new): the names of omni-report(1); which 0 or 1 (previous). */
json_t *omni_rep_group_json(omni_rep *r, omni_rgroup *g, int which);

#endif
