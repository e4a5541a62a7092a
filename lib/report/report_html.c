/* report_html.c - the report as one self-contained HTML page: the window
 * (and the one compared with), a bar chart per figure, and the figures as
 * a table, with no script and nothing fetched.  Charts and table are
 * drawn from the same rows of text as the table format (report_format.c),
 * so that they say the same numbers in the same units. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_int.h"

static void
put(omni_out *o, const char *s)
{
	omni_out_write(o, s, strlen(s));
}

static void
put_escaped(omni_out *o, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '<': put(o, "&lt;"); break;
		case '>': put(o, "&gt;"); break;
		case '&': put(o, "&amp;"); break;
		case '"': put(o, "&quot;"); break;
		case '\'': put(o, "&#39;"); break;
		default: omni_out_write(o, s, 1);
		}
	}
}

/* The charts: a figure and its title. */
static const char *const charts[][2] = {
	{ "tickets", "Tickets" },
	{ "first_response_min.p50", "First response, median" },
	{ "resolution_min.p50", "Resolution, median" },
	{ "sla_compliance", "SLA met" },
	{ "wismo_share", "Where is my order" },
	{ "refund_rate", "Refund rate" },
	{ "csat", "Satisfied customers (CSAT)" },
	{ "one_touch_share", "Solved in one reply" },
};

/* Row i's group name: its key cells but the window, joined by " / ". */
static void
row_label(const struct omni_rep_sheet *sh, size_t i, int compare, char *buf, size_t size)
{
	size_t n = 0, nk = sh->nkey - !!compare;

	buf[0] = 0;
	for (size_t j = 0; j < nk && n < size; j++)
		if (sh->cell[i][j][0])
			n += (size_t)snprintf(buf + n, size - n, "%s%s", n ? " / " : "",
			                      sh->cell[i][j]);
	if (!buf[0])
		snprintf(buf, size, "total");
}

/* Is row i a window to draw: the current one, or with --compare the
 * previous one too (not the change)? */
static int
drawn(const struct omni_rep_sheet *sh, size_t i, int compare)
{
	return !compare || strcmp(sh->cell[i][sh->nkey - 1], "change") != 0;
}

/* One horizontal bar chart of figure column c: a bar per group and
 * window, labelled with the table's text; shares on a scale of 100%,
 * everything else on the largest value.  Rows 1 to end. */
static void
chart(omni_out *o, const struct omni_rep_sheet *sh, size_t end, size_t c, int share,
      int compare, const char *title)
{
	size_t col = sh->nkey + c, i, n = 0, y;
	double max = share ? 100 : 0;
	char buf[600], name[400];

	for (i = 1; i < end; i++) {
		double v = strtod(sh->cell[i][col], NULL);
		if (drawn(sh, i, compare)) {
			n++;
			if (!share && v > max)
				max = v;
		}
	}
	put(o, "<section>\n<h2>");
	put_escaped(o, title);
	put(o, " <small>");
	put_escaped(o, sh->cell[0][col]);
	snprintf(buf, sizeof buf, "</small></h2>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
	         "width=\"720\" height=\"%zu\" role=\"img\">\n", n * 22 + 6);
	put(o, buf);
	for (i = 1, y = 0; i < end; i++) {
		const char *text = sh->cell[i][col];
		double v = strtod(text, NULL), w;
		int prev = compare && !strcmp(sh->cell[i][sh->nkey - 1], "previous");
		if (!drawn(sh, i, compare))
			continue;
		w = !strcmp(text, "-") || !(max > 0) || !(v > 0) ? 0 : v / max * 360;
		if (w > 360)
			w = 360;
		row_label(sh, i, compare, name, sizeof name);
		put(o, "<text x=\"0\" y=\"");
		snprintf(buf, sizeof buf, "%zu\" font-size=\"12\">", y * 22 + 18);
		put(o, buf);
		put_escaped(o, name);
		if (prev)
			put(o, " (previous)");
		snprintf(buf, sizeof buf, "</text><rect x=\"260\" y=\"%zu\" width=\"%.1f\" "
		         "height=\"16\" fill=\"%s\"/><text x=\"%.1f\" y=\"%zu\" "
		         "font-size=\"12\">", y * 22 + 5, w, prev ? "#b8c4d6" : "#4a7bd0",
		         266 + w, y * 22 + 18);
		put(o, buf);
		put_escaped(o, text);
		put(o, "</text>\n");
		y++;
	}
	put(o, "</svg>\n</section>\n");
}

static void
table(omni_out *o, const struct omni_rep_sheet *sh)
{
	put(o, "<h2>Figures</h2>\n<table>\n");
	for (size_t i = 0; i < sh->rows; i++) {
		put(o, "<tr>");
		for (size_t j = 0; j < sh->ncols; j++) {
			const char *tag = i == 0 || j < sh->nkey ? "th" : "td";
			put(o, "<");
			put(o, tag);
			put(o, ">");
			put_escaped(o, sh->cell[i][j] ? sh->cell[i][j] : "");
			put(o, "</");
			put(o, tag);
			put(o, ">");
		}
		put(o, "</tr>\n");
	}
	put(o, "</table>\n");
}

static void
window(omni_out *o, const char *what, omni_time since, omni_time until)
{
	char buf[40];

	put(o, what);
	put(o, since == OMNI_TIME_NONE ? "the beginning" : omni_time_format(since, buf));
	put(o, " to ");
	put(o, until == OMNI_TIME_NONE ? "now" : omni_time_format(until, buf));
}

int
omni_rep_write_html(omni_rep *r, omni_out *o)
{
	struct omni_rep_sheet sh;
	int compare = r->o.compare;
	size_t end;

	if (omni_rep_sheet_build(r, &sh, 1) < 0) {
		if (sh.cell)
			omni_rep_sheet_free(&sh);
		return -1;
	}
	put(o, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	       "<title>Support figures</title>\n<style>body{font:14px sans-serif;margin:2em;"
	       "color:#222}h2{font-size:16px;margin:1.4em 0 .3em}h2 small{font-weight:normal;"
	       "color:#666}table{border-collapse:collapse}td,th{border:1px solid #ccc;"
	       "padding:2px 6px;text-align:right}th{background:#f4f4f4}</style>\n</head>\n"
	       "<body>\n<h1>Support figures</h1>\n<p>");
	window(o, "From ", r->o.since, r->o.until);
	if (compare) {
		omni_time end = r->o.until == OMNI_TIME_NONE ? r->o.now : r->o.until;
		window(o, ", compared with the window before: ",
		       r->o.since - (end - r->o.since), r->o.since);
	}
	put(o, ".</p>\n");
	/* grouped, the charts compare the groups: the total is in the table */
	end = r->o.nby || r->o.period ? sh.rows - (compare ? 3 : 1) : sh.rows;
	for (size_t k = 0; k < sizeof charts / sizeof charts[0]; k++) {
		int c = omni_rep_col(charts[k][0]);
		chart(o, &sh, end, (size_t)c, omni_rep_col_is_share(c), compare, charts[k][1]);
	}
	table(o, &sh);
	put(o, "</body>\n</html>\n");
	omni_rep_sheet_free(&sh);
	return omni_out_flush(o);
}
