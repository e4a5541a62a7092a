/* report_int.h - what the lib/report_*.c files share, and nothing else
 * includes. */
#ifndef OMNI_REPORT_INT_H
#define OMNI_REPORT_INT_H

#include "report/report.h"

/* Interned strings: index by content, content by index. */
struct strtab {
	char **s;
	size_t *len;
	size_t n, cap;
	uint32_t *slot;          /* open addressing; UINT32_MAX empty */
	size_t nslots;
};

struct omni_rep {
	omni_rep_opts o;
	size_t bylen[16];        /* strlen of each --by field */
	struct strtab keys, reasons;
	uint32_t *pool;          /* reason index per refund, in ticket order */
	size_t npool, poolcap;
	omni_rfacts *facts;      /* the latest version of each ticket */
	size_t nfacts, factcap;
	uint32_t *idslot;
	size_t nidslots;
	long duplicates;
	omni_rgroup *groups;
	size_t ngroups, gcap;
	uint32_t *gslot;
	size_t ngslots;
	omni_rgroup total;
	char *key;               /* scratch for group keys */
	size_t keycap;
	int finished;
};

/* Index of s (copied in), or -1 out of memory. */
long omni_rep_intern(struct strtab *t, const char *s, size_t n);
/* Adds one ticket's facts to its groups.  0 or -1 out of memory. */
int omni_rep_aggregate(omni_rep *r, const omni_rfacts *f);
/* The group for (key, period), made when new; NULL out of memory. */
omni_rgroup *omni_rep_group(omni_rep *r, uint32_t key, int32_t period);
/* Adds b into a.  0 or -1. */
int omni_rep_agg_add(omni_ragg *a, const omni_ragg *b);
int omni_rep_agg_reason(omni_ragg *a, size_t reason, int64_t n);
void omni_rep_agg_free(omni_ragg *a);

/* The report as rows of text (report_format.c), as the table, CSV and
 * Markdown formats print it and the HTML page shows it: row 0 the
 * header; in each row nkey key cells (the --by fields, the period, the
 * window with --compare), then a cell per figure.  human: with units,
 * shares as percentages, "-" for none. */
struct omni_rep_sheet {
	char ***cell;
	size_t rows, ncols, nkey;
	int hours[48];           /* for people, a time column in hours */
};
int omni_rep_sheet_build(omni_rep *r, struct omni_rep_sheet *sh, int human);
void omni_rep_sheet_free(struct omni_rep_sheet *sh);
/* A figure's column ("sla_compliance", "first_response_min.p50") among
 * the figure cells, or -1; is it a share? */
int omni_rep_col(const char *name);
int omni_rep_col_is_share(int col);

#endif
