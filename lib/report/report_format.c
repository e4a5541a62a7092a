/* report_format.c - the report as a table, CSV, JSON, Markdown or
 * Prometheus text.
 *
 * Every format is drawn from one list of columns, named as in omni-report(1)
 * ("first_response_min.p50" is the member p50 of first_response_min in
 * JSON, the column first_response_min_p50 in CSV).  Times are minutes with
 * two decimals, shares fractions with four; null where nothing is counted. */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "report_int.h"

enum kind { K_COUNT, K_MIN, K_SHARE };

static char *dupf(const char *fmt, ...);

static const struct col {
	const char *name, *label;   /* label: for people, with its unit */
	enum kind kind;
	int business;               /* in business hours */
} cols[] = {
	{ "tickets", "tickets", K_COUNT, 0 },
	{ "first_response_min.count", "answered", K_COUNT, 0 },
	{ "first_response_min.mean", "first response mean", K_MIN, 0 },
	{ "first_response_min.p50", "first response p50", K_MIN, 0 },
	{ "first_response_min.p90", "first response p90", K_MIN, 0 },
	{ "unanswered", "unanswered", K_COUNT, 0 },
	{ "resolution_min.count", "resolved", K_COUNT, 0 },
	{ "resolution_min.mean", "resolution mean", K_MIN, 0 },
	{ "resolution_min.p50", "resolution p50", K_MIN, 0 },
	{ "resolution_min.p90", "resolution p90", K_MIN, 0 },
	{ "sla_compliance", "SLA met", K_SHARE, 0 },
	{ "wismo_share", "WISMO", K_SHARE, 0 },
	{ "late_delivery_share", "late delivery", K_SHARE, 0 },
	{ "refund_rate", "refund rate", K_SHARE, 0 },
	{ "csat", "CSAT", K_SHARE, 0 },
	{ "one_touch_share", "one-touch", K_SHARE, 0 },
	{ "reopen_rate", "reopened", K_SHARE, 0 },
	{ "repeat_contacts", "repeat contacts", K_COUNT, 0 },
	/* from what people did (omni-desk(1)) */
	{ "first_response_person_min.count", "answered by a person", K_COUNT, 0 },
	{ "first_response_person_min.mean", "person first response mean", K_MIN, 0 },
	{ "first_response_person_min.p50", "person first response p50", K_MIN, 0 },
	{ "first_response_person_min.p90", "person first response p90", K_MIN, 0 },
	{ "handling_min.count", "handled", K_COUNT, 0 },
	{ "handling_min.mean", "handling mean", K_MIN, 0 },
	{ "handling_min.p50", "handling p50", K_MIN, 0 },
	{ "handling_min.p90", "handling p90", K_MIN, 0 },
	/* with --business-hours only */
	{ "first_response_business_min.count", "answered", K_COUNT, 1 },
	{ "first_response_business_min.mean", "first response mean", K_MIN, 1 },
	{ "first_response_business_min.p50", "first response p50", K_MIN, 1 },
	{ "first_response_business_min.p90", "first response p90", K_MIN, 1 },
	{ "resolution_business_min.count", "resolved", K_COUNT, 1 },
	{ "resolution_business_min.mean", "resolution mean", K_MIN, 1 },
	{ "resolution_business_min.p50", "resolution p50", K_MIN, 1 },
	{ "resolution_business_min.p90", "resolution p90", K_MIN, 1 },
};
#define NCOLS (sizeof cols / sizeof cols[0])
#define NCALENDAR 26     /* the columns without --business-hours */
_Static_assert(NCOLS <= sizeof ((struct omni_rep_sheet *)0)->hours / sizeof (int),
               "a sheet's hours hold every column");

int
omni_rep_col(const char *name)
{
	for (size_t i = 0; i < NCOLS; i++)
		if (!strcmp(cols[i].name, name))
			return (int)i;
	return -1;
}

int
omni_rep_col_is_share(int col)
{
	return cols[col].kind == K_SHARE;
}

/* How many columns this report has. */
static size_t
ncols(const omni_rep *r)
{
	return omni_rep_options(r)->business_name ? NCOLS : NCALENDAR;
}

static double
share(int64_t n, int64_t d)
{
	return d ? (double)n / (double)d : NAN;
}

static void
stat_values(omni_rstat *s, double *v)
{
	v[0] = (double)s->count;
	v[1] = s->count ? (double)s->sum / (double)s->count / 60000.0 : NAN;
	v[2] = s->count ? omni_rstat_quantile(s, 0.5) / 60000.0 : NAN;
	v[3] = s->count ? omni_rstat_quantile(s, 0.9) / 60000.0 : NAN;
}

static void
row_values(omni_ragg *a, double *v)
{
	v[0] = (double)a->tickets;
	stat_values(&a->frt, v + 1);
	v[5] = (double)a->unanswered;
	stat_values(&a->res, v + 6);
	v[10] = share(a->sla_met, a->sla_judged);
	v[11] = share(a->wismo, a->tickets);
	v[12] = share(a->late, a->orders);
	v[13] = share(a->refunded, a->with_order);
	v[14] = share(a->satisfied, a->rated);
	v[15] = share(a->one_touch, a->solved);
	v[16] = share(a->reopened, a->solved);
	v[17] = (double)a->repeat;
	stat_values(&a->frt_person, v + 18);
	stat_values(&a->handling, v + 22);
	stat_values(&a->frt_bh, v + 26);
	stat_values(&a->res_bh, v + 30);
}

/* Rounded as printed, so that every format says the same. */
static double
rounded(enum kind k, double x)
{
	if (isnan(x))
		return x;
	if (k == K_MIN)
		return round(x * 100) / 100;
	if (k == K_SHARE)
		return round(x * 10000) / 10000;
	return x;
}

/* which: 0 the window, 1 the previous one, 2 the change between them. */
static void
values(omni_rgroup *g, int which, double *v)
{
	double p[NCOLS];
	size_t i;

	row_values(&g->agg[which == 2 ? 0 : which], v);
	for (i = 0; i < NCOLS; i++)
		v[i] = rounded(cols[i].kind, v[i]);
	if (which != 2)
		return;
	row_values(&g->agg[1], p);
	for (i = 0; i < NCOLS; i++)
		v[i] = rounded(cols[i].kind, v[i] - rounded(cols[i].kind, p[i]));
}

/* For people, a time figure is in hours when its largest value (mean,
 * p50, p90, in any row) passes three hours; hours[c] then 1 for each of
 * its columns. */
static void
time_units(omni_rep *r, int *hours)
{
	double v[NCOLS], max[NCOLS] = { 0 };
	size_t i, c;
	int w;

	for (i = 0; i <= r->ngroups; i++)
		for (w = 0; w < (r->o.compare ? 3 : 1); w++) {
			values(i < r->ngroups ? &r->groups[i] : &r->total, w, v);
			for (c = 0; c < NCOLS; c++)
				if (!isnan(v[c]) && fabs(v[c]) > max[c])
					max[c] = fabs(v[c]);
		}
	/* the columns of a figure: count, mean, p50, p90 */
	for (c = 0; c < NCOLS; c++)
		hours[c] = 0;
	for (c = 0; c < NCOLS; c++)
		if (cols[c].kind == K_MIN && strstr(cols[c].name, ".mean")) {
			int h = max[c] > 180 || max[c + 1] > 180 || max[c + 2] > 180;
			hours[c] = hours[c + 1] = hours[c + 2] = h;
		}
}

/* The header of column c for people: the figure and its unit. */
static char *
human_label(size_t c, int hours)
{
	const char *b = cols[c].business ? "business " : "";

	switch (cols[c].kind) {
	case K_MIN:
		return dupf("%s (%s%s)", cols[c].label, b, hours ? "h" : "min");
	case K_SHARE:
		return dupf("%s (%%)", cols[c].label);
	default:
		return cols[c].business ? dupf("%s (business)", cols[c].label)
		                        : strdup(cols[c].label);
	}
}

static void
fmt_value(enum kind k, double x, int human, char *buf, size_t size)
{
	if (isnan(x))
		snprintf(buf, size, "%s", human ? "-" : "");
	else if (k == K_COUNT)
		snprintf(buf, size, "%.0f", x);
	else if (k == K_MIN)
		snprintf(buf, size, human ? "%.1f" : "%.2f", x);
	else if (human)
		snprintf(buf, size, "%.1f%%", x * 100);
	else
		snprintf(buf, size, "%.4f", x);
}

/* ---- JSON ---- */

static json_t *
number(double x)
{
	if (isnan(x))
		return json_null();
	if (x == floor(x) && fabs(x) < 1e15)
		return json_integer((json_int_t)x);
	return json_real(x);
}

static json_t *
reasons_json(omni_rep *r, omni_ragg *a)
{
	json_t *o = json_object();
	size_t i;

	for (i = 0; i < a->nreasons; i++)
		if (a->reasons[i])
			json_object_set_new(o, omni_rep_reason(r, i), json_integer(a->reasons[i]));
	return o;
}

static json_t *
figures_json(omni_rep *r, omni_rgroup *g, int which)
{
	json_t *o = json_object(), *sub = NULL;
	double v[NCOLS];
	size_t i;

	values(g, which, v);
	for (i = 0; i < ncols(r); i++) {
		const char *dot = strchr(cols[i].name, '.');
		if (!dot) {
			json_object_set_new(o, cols[i].name, number(v[i]));
			if (!strcmp(cols[i].name, "refund_rate") && which != 2)
				json_object_set_new(o, "refund_reasons",
				                    reasons_json(r, &g->agg[which]));
			continue;
		}
		if (!strncmp(dot + 1, "count", 5)) {
			char name[64];
			snprintf(name, sizeof name, "%.*s", (int)(dot - cols[i].name), cols[i].name);
			sub = json_object();
			json_object_set_new(o, name, sub);
		}
		json_object_set_new(sub, dot + 1, number(v[i]));
	}
	return o;
}

static json_t *
key_json(omni_rep *r, omni_rgroup *g)
{
	json_t *o = json_object();
	size_t i;

	for (i = 0; i < r->o.nby; i++) {
		const char *v = omni_rep_keyval(r, g->key, i);
		json_object_set_new(o, r->o.by[i], v ? json_string(v) : json_null());
	}
	return o;
}

json_t *
omni_rep_group_json(omni_rep *r, omni_rgroup *g, int which)
{
	json_t *o = json_object(), *f;
	char buf[16];

	if (g->key != UINT32_MAX) {
		json_object_set_new(o, "group", key_json(r, g));
		if (r->o.period)
			json_object_set_new(o, "period", json_string(
				omni_rep_period_label(r->o.period, g->period, buf)));
	}
	f = figures_json(r, g, which);
	json_object_update(o, f);
	json_decref(f);
	if (r->o.compare && which == 0) {
		json_object_set_new(o, "previous", figures_json(r, g, 1));
		json_object_set_new(o, "change", figures_json(r, g, 2));
	}
	return o;
}

static json_t *
time_json(omni_time t)
{
	char buf[32];

	return t == OMNI_TIME_NONE ? json_null() : json_string(omni_time_format(t, buf));
}

static const char *const period_names[] = { NULL, "day", "week", "month" };

static int
write_json(omni_rep *r, omni_out *o)
{
	json_t *doc, *by = json_array(), *groups = json_array();
	omni_time since = r->o.since, until = r->o.until;
	char *s;
	size_t i;
	int rc;

	for (i = 0; i < r->o.nby; i++)
		json_array_append_new(by, json_string(r->o.by[i]));
	for (i = 0; i < r->ngroups; i++)
		json_array_append_new(groups, omni_rep_group_json(r, &r->groups[i], 0));
	doc = json_pack("{si s{s:o s:o s:o} s:o s:o s:o s:o}", "omni_report", 1,
	                "window", "since", time_json(since), "until", time_json(until),
	                "now", time_json(r->o.now), "by", by, "period",
	                r->o.period ? json_string(period_names[r->o.period]) : json_null(),
	                "groups", groups, "total", omni_rep_group_json(r, &r->total, 0));
	if (r->o.compare && doc) {
		omni_time end = until == OMNI_TIME_NONE ? r->o.now : until;
		json_object_set_new(doc, "previous_window",
		                    json_pack("{s:o s:o}", "since", time_json(since - (end - since)),
		                              "until", time_json(since)));
	}
	s = json_dumps(doc, JSON_COMPACT | JSON_REAL_PRECISION(12));
	json_decref(doc);
	if (!s)
		return -1;
	rc = omni_out_write(o, s, strlen(s));
	free(s);
	return rc < 0 ? -1 : omni_out_write(o, "\n", 1);
}

/* ---- rows: table, CSV, Markdown ---- */


static char *
dupf(const char *fmt, ...)
{
	va_list ap;
	char *s = NULL;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		s = NULL;
	va_end(ap);
	return s;
}

void
omni_rep_sheet_free(struct omni_rep_sheet *sh)
{
	size_t i, j;

	for (i = 0; i < sh->rows; i++) {
		for (j = 0; j < sh->ncols; j++)
			free(sh->cell[i][j]);
		free(sh->cell[i]);
	}
	free(sh->cell);
}

static char *
reasons_text(omni_rep *r, omni_ragg *a)
{
	char *s = strdup(""), *t;
	size_t i;

	for (i = 0; s && i < a->nreasons; i++)
		if (a->reasons[i]) {
			t = dupf("%s%s%s: %lld", s, *s ? "; " : "", omni_rep_reason(r, i),
			         (long long)a->reasons[i]);
			free(s);
			s = t;
		}
	return s;
}

static void
sheet_row(omni_rep *r, struct omni_rep_sheet *sh, omni_rgroup *g, int which, int human)
{
	char **row = calloc(sh->ncols, sizeof *row), buf[32];
	static const char *const windows[] = { "current", "previous", "change" };
	double v[NCOLS];
	size_t c = 0, i;

	for (i = 0; i < r->o.nby; i++) {
		const char *k = g->key == UINT32_MAX ? (i ? "" : "total") : omni_rep_keyval(r, g->key, i);
		row[c++] = strdup(k ? k : (human ? "-" : ""));
	}
	if (r->o.period) {
		const char *p = g->key != UINT32_MAX ? omni_rep_period_label(r->o.period, g->period, buf)
		              : c ? "" : "total";
		row[c++] = strdup(p);
	}
	if (r->o.compare)
		row[c++] = strdup(windows[which]);
	values(g, which, v);
	for (i = 0; i < ncols(r); i++) {
		fmt_value(cols[i].kind, human && sh->hours[i] ? v[i] / 60 : v[i], human, buf,
		          sizeof buf);
		if (which == 2 && !isnan(v[i]) && v[i] > 0)
			row[c++] = dupf("+%s", buf);
		else
			row[c++] = strdup(buf);
	}
	if (!human)
		row[c++] = which == 2 ? strdup("") : reasons_text(r, &g->agg[which]);
	sh->cell[sh->rows++] = row;
}

int
omni_rep_sheet_build(omni_rep *r, struct omni_rep_sheet *sh, int human)
{
	size_t i, c = 0, nrows = (r->ngroups + 2) * (r->o.compare ? 3 : 1);
	int w;

	memset(sh, 0, sizeof *sh);
	sh->nkey = r->o.nby + !!r->o.period + !!r->o.compare;
	sh->ncols = sh->nkey + ncols(r) + !human;
	if (!(sh->cell = calloc(nrows, sizeof *sh->cell)) ||
	    !(sh->cell[0] = calloc(sh->ncols, sizeof **sh->cell)))
		return -1;
	sh->rows = 1;
	for (i = 0; i < r->o.nby; i++)
		sh->cell[0][c++] = strdup(r->o.by[i]);
	if (r->o.period)
		sh->cell[0][c++] = strdup("period");
	if (r->o.compare)
		sh->cell[0][c++] = strdup("window");
	if (human)
		time_units(r, sh->hours);
	for (i = 0; i < ncols(r); i++) {
		char *s = human ? human_label(i, sh->hours[i]) : strdup(cols[i].name), *p;
		for (p = s; !human && p && *p; p++)
			if (*p == '.')
				*p = '_';
		sh->cell[0][c++] = s;
	}
	if (!human)
		sh->cell[0][c++] = strdup("refund_reasons");
	/* without a grouping, the one group is the total */
	for (i = r->o.nby || r->o.period ? 0 : r->ngroups; i <= r->ngroups; i++)
		for (w = 0; w < (r->o.compare ? 3 : 1); w++)
			sheet_row(r, sh, i < r->ngroups ? &r->groups[i] : &r->total, w, human);
	return 0;
}

/* RFC 4180: quoted when it holds a comma, a quote or a line end.  A text
 * cell a spreadsheet would run as a formula (= + - @ tab CR first) gets a
 * leading apostrophe. */
static void
csv_cell(omni_out *o, const char *s, int text)
{
	int formula = text && *s && strchr("=+-@\t\r", *s);
	int quote = strpbrk(s, ",\"\r\n") != NULL;
	const char *p, *q;

	if (quote)
		omni_out_write(o, "\"", 1);
	if (formula)
		omni_out_write(o, "'", 1);
	for (p = s; quote && (q = strchr(p, '"')); p = q + 1) {
		omni_out_write(o, p, (size_t)(q - p) + 1);
		omni_out_write(o, "\"", 1);
	}
	omni_out_write(o, p, strlen(p));
	if (quote)
		omni_out_write(o, "\"", 1);
}

static int
write_csv(omni_rep *r, omni_out *o)
{
	struct omni_rep_sheet sh;
	size_t i, j;
	int rc = 0;

	if (omni_rep_sheet_build(r, &sh, 0) < 0)
		rc = -1;
	for (i = 0; rc == 0 && i < sh.rows; i++) {
		for (j = 0; j < sh.ncols; j++) {
			if (j)
				omni_out_write(o, ",", 1);
			csv_cell(o, sh.cell[i][j] ? sh.cell[i][j] : "",
			         i == 0 || j < sh.nkey || j == sh.ncols - 1);
		}
		rc = omni_out_write(o, "\r\n", 2);
	}
	omni_rep_sheet_free(&sh);
	return rc;
}

/* Display width: UTF-8 continuation bytes take no column. */
static size_t
width(const char *s)
{
	size_t w = 0;

	for (; *s; s++)
		w += ((unsigned char)*s & 0xc0) != 0x80;
	return w;
}

static void
pad(omni_out *o, size_t n)
{
	while (n--)
		omni_out_write(o, " ", 1);
}

/* A value for a terminal or a Markdown table: control characters (an
 * escape sequence, a newline that would end the row) become '?', and in
 * Markdown what would end a cell or open markup is escaped: markdown 1 a
 * figure of ours ('|' and HTML), 2 a value from the data, where every
 * character that Markdown reads as markup is backslash-escaped, as the
 * HTML output escapes HTML. */
static void
put_text(omni_out *o, const char *s, int markdown)
{
	for (const char *p = s; *p; p++) {
		unsigned char c = (unsigned char)*p;
		const char *e = NULL;
		char esc[2] = { '\\', (char)c };
		if (c < 0x20 || c == 0x7f)
			e = "?";
		else if (markdown == 2 && strchr("\\`*_{}[]()#+-.!~:", c)) {
			omni_out_write(o, esc, 2);
			continue;
		} else if (markdown && c == '|')
			e = "\\|";
		else if (markdown && c == '<')
			e = "&lt;";
		else if (markdown && c == '>')
			e = "&gt;";
		else if (markdown && c == '&')
			e = "&amp;";
		omni_out_write(o, e ? e : p, e ? strlen(e) : 1);
	}
}

/* The refund reasons of the total, most frequent first. */
static void
reason_lines(omni_rep *r, omni_out *o, int markdown)
{
	omni_ragg *a = &r->total.agg[0];
	size_t i, k, best;
	int64_t *left = calloc(a->nreasons + 1, sizeof *left);
	char n[48];

	if (!left)
		return;
	if (a->nreasons)
		memcpy(left, a->reasons, a->nreasons * sizeof *left);
	for (k = 0; k < a->nreasons; k++) {
		for (best = 0, i = 1; i < a->nreasons; i++)
			if (left[i] > left[best])
				best = i;
		if (!left[best])
			break;
		if (k == 0) {
			const char *h = markdown ? "\n| refund reason | refunds |\n|---|---:|\n"
			                         : "\nrefund reasons\n";
			omni_out_write(o, h, strlen(h));
		}
		omni_out_write(o, markdown ? "| " : "  ", 2);
		put_text(o, omni_rep_reason(r, best), markdown ? 2 : 0);
		snprintf(n, sizeof n, markdown ? " | %lld |\n" : "  %lld\n", (long long)left[best]);
		omni_out_write(o, n, strlen(n));
		left[best] = 0;
	}
	free(left);
}

/* A header label in lines of at most w columns, broken at spaces (a word
 * longer than w gets a line of its own): the number of lines, at most 8,
 * and the widest in *widest. */
#define HEAD_LINES 8
static size_t
wrap(const char *s, size_t w, char lines[HEAD_LINES][64], size_t *widest)
{
	size_t n = 0;

	*widest = 0;
	while (*s && n < HEAD_LINES) {
		size_t len = strcspn(s, " ");     /* a word, then more while they fit */
		while (s[len] == ' ') {
			size_t next = len + 1 + strcspn(s + len + 1, " ");
			if (next > w)
				break;
			len = next;
		}
		if (len > 63)
			len = 63;
		memcpy(lines[n], s, len);
		lines[n][len] = 0;
		if (width(lines[n]) > *widest)
			*widest = width(lines[n]);
		n++;
		s += len;
		while (*s == ' ')
			s++;
	}
	return n;
}

/* The header row for a terminal: each label broken into lines no wider
 * than its column needs (or 10), the last lines aligned at the bottom, so
 * that the units ("(min)") share the last line. */
static void
table_header(omni_out *o, struct omni_rep_sheet *sh, size_t *w)
{
	char (*lines)[HEAD_LINES][64] = calloc(sh->ncols, sizeof *lines);
	size_t *n = calloc(sh->ncols, sizeof *n), rows = 1, j, k;

	if (!lines || !n)
		goto out;
	for (j = 0; j < sh->ncols; j++) {
		size_t widest, longest = 0, len;
		for (const char *p = sh->cell[0][j]; *p; p += len + (p[len] == ' ')) {
			len = strcspn(p, " ");
			if (len > longest)
				longest = len;
		}
		if (longest > w[j])
			w[j] = longest;
		n[j] = wrap(sh->cell[0][j], w[j] > 10 ? w[j] : 10, lines[j], &widest);
		if (widest > w[j])
			w[j] = widest;
		if (n[j] > rows)
			rows = n[j];
	}
	for (k = 0; k < rows; k++) {
		size_t blank = 0;      /* spaces owed, written before the next text */
		for (j = 0; j < sh->ncols; j++) {
			const char *s = k + n[j] >= rows ? lines[j][k + n[j] - rows] : "";
			size_t cw = width(s);
			if (j)
				blank += 2;
			if (j >= sh->nkey)
				blank += w[j] - cw;
			if (*s) {
				pad(o, blank);
				blank = 0;
				put_text(o, s, 0);
			}
			if (j < sh->nkey)
				blank += w[j] - cw;
		}
		omni_out_write(o, "\n", 1);
	}
out:
	free(lines);
	free(n);
}

/* Aligned for a terminal (markdown 0), or a GitHub-flavoured table
 * (markdown 1); values through put_text. */
static int
write_rows(omni_rep *r, omni_out *o, int markdown)
{
	struct omni_rep_sheet sh;
	size_t *w = NULL, i, j;
	int rc = -1;

	if (omni_rep_sheet_build(r, &sh, 1) < 0 || !(w = calloc(sh.ncols, sizeof *w)))
		goto out;
	for (i = markdown ? 0 : 1; i < sh.rows; i++)
		for (j = 0; j < sh.ncols; j++)
			if (width(sh.cell[i][j]) > w[j])
				w[j] = width(sh.cell[i][j]);
	if (!markdown)
		table_header(o, &sh, w);
	for (i = markdown ? 0 : 1; i < sh.rows; i++) {
		for (j = 0; j < sh.ncols; j++) {
			const char *s = sh.cell[i][j];
			size_t cw = width(s);
			int right = j >= sh.nkey;
			if (markdown) {
				omni_out_write(o, "| ", 2);
				put_text(o, s, j < r->o.nby ? 2 : 1);
				omni_out_write(o, " ", 1);
				continue;
			}
			if (j)
				omni_out_write(o, "  ", 2);
			if (right)
				pad(o, w[j] - cw);
			put_text(o, s, 0);
			if (!right && j + 1 < sh.ncols)
				pad(o, w[j] - cw);
		}
		omni_out_write(o, markdown ? "|\n" : "\n", markdown ? 2 : 1);
		for (j = 0; markdown && i == 0 && j < sh.ncols; j++)
			omni_out_write(o, j >= sh.nkey ? "|---:" : "|---", j >= sh.nkey ? 5 : 4);
		if (markdown && i == 0)
			omni_out_write(o, "|\n", 2);
	}
	reason_lines(r, o, markdown);
	rc = 0;
out:
	if (sh.cell)
		omni_rep_sheet_free(&sh);
	free(w);
	return rc;
}

/* ---- Prometheus text exposition ---- */

static void
prom_label(omni_out *o, const char *name, const char *v, int *first)
{
	const char *p;

	omni_out_write(o, *first ? "{" : ",", 1);
	*first = 0;
	omni_out_write(o, name, strlen(name));
	omni_out_write(o, "=\"", 2);
	for (p = v; *p; p++)
		omni_out_write(o, *p == '\\' ? "\\\\" : *p == '"' ? "\\\"" : *p == '\n' ? "\\n" : p,
		               strchr("\\\"\n", *p) ? 2 : 1);
	omni_out_write(o, "\"", 1);
}

/* One sample: the metric, its group's labels, maybe one more label. */
static void
prom_sample(omni_rep *r, omni_out *o, const char *metric, const char *suffix,
            omni_rgroup *g, const char *extra, const char *value, double v)
{
	char buf[64];
	size_t i;
	int first = 1;

	omni_out_write(o, metric, strlen(metric));
	omni_out_write(o, suffix, strlen(suffix));
	for (i = 0; g->key != UINT32_MAX && i < r->o.nby; i++) {
		const char *k = omni_rep_keyval(r, g->key, i);
		prom_label(o, r->o.by[i], k ? k : "", &first);
	}
	if (r->o.period && g->key != UINT32_MAX)
		prom_label(o, "period", omni_rep_period_label(r->o.period, g->period, buf), &first);
	if (extra)
		prom_label(o, extra, value, &first);
	if (!first)
		omni_out_write(o, "}", 1);
	snprintf(buf, sizeof buf, " %.12g\n", v);
	omni_out_write(o, buf, strlen(buf));
}

/* The metrics, after the Prometheus naming conventions: base units
 * (seconds, ratios from 0 to 1), a summary per time figure. */
static const struct metric {
	const char *name, *type, *help;
	const char *col;         /* its column of cols[]; NULL: the refunds by reason */
} metrics[] = {
	{ "omni_report_tickets", "gauge", "Tickets created in the window.", "tickets" },
	{ "omni_report_first_response_seconds", "summary",
	  "Time from a customer's first message to the first reply.", "first_response_min.count" },
	{ "omni_report_unanswered_tickets", "gauge", "Tickets with no reply yet.", "unanswered" },
	{ "omni_report_resolution_seconds", "summary",
	  "Time from creation to solving, of the tickets solved in the window.",
	  "resolution_min.count" },
	{ "omni_report_sla_compliance_ratio", "gauge",
	  "Share of the judged tickets answered within their first response due.", "sla_compliance" },
	{ "omni_report_wismo_ratio", "gauge", "Share of the tickets about where an order is.",
	  "wismo_share" },
	{ "omni_report_late_delivery_ratio", "gauge",
	  "Share of the orders with a fulfilment delivered late or failed.", "late_delivery_share" },
	{ "omni_report_refund_ratio", "gauge", "Share of the tickets with an order refunded.",
	  "refund_rate" },
	{ "omni_report_csat_ratio", "gauge", "Share of the ratings that are satisfied.", "csat" },
	{ "omni_report_one_touch_ratio", "gauge",
	  "Share of the solved tickets solved with one reply.", "one_touch_share" },
	{ "omni_report_reopen_ratio", "gauge",
	  "Share of the solved tickets that the customer had reopened.", "reopen_rate" },
	{ "omni_report_repeat_contacts", "gauge",
	  "Tickets from a customer who wrote in the week before.", "repeat_contacts" },
	{ "omni_report_first_response_person_seconds", "summary",
	  "Time from a customer's first message to the first reply by a person.",
	  "first_response_person_min.count" },
	{ "omni_report_handling_seconds", "summary",
	  "Time people spent on a ticket: from each answerer's first action to the answer.",
	  "handling_min.count" },
	{ "omni_report_refunds", "gauge", "Refunds by reason.", NULL },
	/* with --business-hours only */
	{ "omni_report_first_response_business_seconds", "summary",
	  "First response in the business hours of the policy.",
	  "first_response_business_min.count" },
	{ "omni_report_resolution_business_seconds", "summary",
	  "Resolution in the business hours of the policy.", "resolution_business_min.count" },
};

static omni_rstat *
summary_stat(omni_ragg *a, const char *col)
{
	int business = strstr(col, "business") != NULL;
	if (strncmp(col, "first_response_person", 21) == 0)
		return &a->frt_person;
	if (strncmp(col, "handling", 8) == 0)
		return &a->handling;
	if (strncmp(col, "first_response", 14) == 0)
		return business ? &a->frt_bh : &a->frt;
	return business ? &a->res_bh : &a->res;
}

/* A group's samples of metric m. */
static void
prom_group(omni_rep *r, omni_out *o, const struct metric *m, omni_rgroup *g)
{
	omni_ragg *a = &g->agg[0];
	double v[NCOLS];
	size_t k;

	if (!m->col) {
		for (k = 0; k < a->nreasons; k++)
			if (a->reasons[k])
				prom_sample(r, o, m->name, "", g, "reason", omni_rep_reason(r, k),
				            (double)a->reasons[k]);
		return;
	}
	if (!strcmp(m->type, "summary")) {
		omni_rstat *st = summary_stat(a, m->col);
		if (st->count) {
			prom_sample(r, o, m->name, "", g, "quantile", "0.5",
			            omni_rstat_quantile(st, 0.5) / 1000);
			prom_sample(r, o, m->name, "", g, "quantile", "0.9",
			            omni_rstat_quantile(st, 0.9) / 1000);
		}
		prom_sample(r, o, m->name, "_sum", g, NULL, NULL, (double)st->sum / 1000);
		prom_sample(r, o, m->name, "_count", g, NULL, NULL, (double)st->count);
		return;
	}
	values(g, 0, v);
	int c = omni_rep_col(m->col);
	if (c >= 0 && !isnan(v[c]))
		prom_sample(r, o, m->name, "", g, NULL, NULL, v[c]);
}

/* Each metric with one set of labels: the groups' when grouped, none for
 * the total of an ungrouped report; a total beside the groups would be
 * counted twice by sum(). */
static int
write_prometheus(omni_rep *r, omni_out *o)
{
	size_t n = sizeof metrics / sizeof metrics[0] - (r->o.business_name ? 0 : 2);
	int grouped = r->o.nby || r->o.period;

	for (size_t c = 0; c < n; c++) {
		const struct metric *m = &metrics[c];
		char line[256];
		snprintf(line, sizeof line, "# HELP %s %s\n# TYPE %s %s\n", m->name, m->help,
		         m->name, m->type);
		omni_out_write(o, line, strlen(line));
		if (!grouped)
			prom_group(r, o, m, &r->total);
		for (size_t i = 0; grouped && i < r->ngroups; i++)
			prom_group(r, o, m, &r->groups[i]);
	}
	return 0;
}

int
omni_rep_write(omni_rep *r, const char *format, omni_out *o)
{
	if (!strcmp(format, "json"))
		return write_json(r, o);
	if (!strcmp(format, "csv"))
		return write_csv(r, o);
	if (!strcmp(format, "markdown"))
		return write_rows(r, o, 1);
	if (!strcmp(format, "prometheus"))
		return write_prometheus(r, o);
	if (!strcmp(format, "html"))
		return omni_rep_write_html(r, o);
	return write_rows(r, o, 0);
}
