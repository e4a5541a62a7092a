/* report_html.c - the report as one self-contained HTML page: the figures
 * as a table and inline SVG bar charts (volume, first response p50, SLA
 * compliance per group), with no script and nothing fetched. */
#include <math.h>
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

/* The group's name: its key values and period, joined by " / ". */
static void
label(omni_rep *r, omni_rgroup *g, char *buf, size_t size)
{
	size_t i, n = 0;
	char p[16];

	buf[0] = '\0';
	for (i = 0; i < r->o.nby && n < size; i++) {
		const char *v = omni_rep_keyval(r, g->key, i);
		n += (size_t)snprintf(buf + n, size - n, "%s%s", i ? " / " : "", v ? v : "-");
	}
	if (r->o.period && n < size)
		snprintf(buf + n, size - n, "%s%s", n ? " / " : "",
		         omni_rep_period_label(r->o.period, g->period, p));
	if (!buf[0])
		snprintf(buf, size, "all");
}

static double
figure(json_t *f, const char *name, const char *sub)
{
	json_t *v = json_object_get(f, name);

	if (sub)
		v = json_object_get(v, sub);
	return json_is_number(v) ? json_number_value(v) : NAN;
}

/* One horizontal bar chart: a bar per group. */
static void
chart(omni_rep *r, omni_out *o, const char *title, const char *name,
      const char *sub, double scale, const char *unit)
{
	double max = 0, v;
	char buf[512], num[64];
	size_t i, n = r->ngroups;
	json_t *f;

	for (i = 0; i < n; i++) {
		f = omni_rep_group_json(r, &r->groups[i], 0);
		v = figure(f, name, sub) * scale;
		if (!isnan(v) && v > max)
			max = v;
		json_decref(f);
	}
	snprintf(buf, sizeof buf, "<h2>%s</h2>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
	         "width=\"760\" height=\"%zu\" role=\"img\">\n", title, n * 22 + 10);
	put(o, buf);
	for (i = 0; i < n; i++) {
		f = omni_rep_group_json(r, &r->groups[i], 0);
		v = figure(f, name, sub) * scale;
		json_decref(f);
		label(r, &r->groups[i], buf, sizeof buf);
		put(o, "<text x=\"0\" y=\"");
		snprintf(num, sizeof num, "%zu", i * 22 + 20);
		put(o, num);
		put(o, "\" font-size=\"12\">");
		put_escaped(o, buf);
		put(o, "</text>");
		snprintf(buf, sizeof buf, "<rect x=\"260\" y=\"%zu\" width=\"%.1f\" height=\"16\" "
		         "fill=\"#4a7bd0\"/><text x=\"%.1f\" y=\"%zu\" font-size=\"12\">%s%s</text>\n",
		         i * 22 + 8, isnan(v) || max <= 0 ? 0 : v / max * 400,
		         266 + (isnan(v) || max <= 0 ? 0 : v / max * 400), i * 22 + 20,
		         isnan(v) ? "-" : (snprintf(num, sizeof num, "%.1f", v), num), isnan(v) ? "" : unit);
		put(o, buf);
	}
	put(o, "</svg>\n");
}

static void
figures_table(omni_rep *r, omni_out *o)
{
	static const char *const cols[][3] = {
		{ "tickets", NULL, "tickets" }, { "first_response_min", "p50", "1st resp p50" },
		{ "first_response_min", "p90", "p90" }, { "unanswered", NULL, "unanswered" },
		{ "resolution_min", "p50", "resolution p50" }, { "resolution_min", "p90", "p90" },
		{ "sla_compliance", NULL, "sla" }, { "wismo_share", NULL, "wismo" },
		{ "late_delivery_share", NULL, "late delivery" }, { "refund_rate", NULL, "refund" },
		{ "csat", NULL, "csat" }, { "one_touch_share", NULL, "one touch" },
		{ "reopen_rate", NULL, "reopened" },
		{ "repeat_contacts", NULL, "repeat" },
		/* with --business-hours only */
		{ "first_response_business_min", "p50", "1st resp p50 (business)" },
		{ "resolution_business_min", "p50", "resolution p50 (business)" },
	};
	char buf[512];
	size_t i, c, n = sizeof cols / sizeof cols[0] - (omni_rep_options(r)->business_name ? 0 : 2);

	put(o, "<h2>Figures</h2>\n<table>\n<tr><th>group</th>");
	for (c = 0; c < n; c++) {
		put(o, "<th>");
		put(o, cols[c][2]);
		put(o, "</th>");
	}
	put(o, "</tr>\n");
	for (i = 0; i <= r->ngroups; i++) {
		omni_rgroup *g = i < r->ngroups ? &r->groups[i] : &r->total;
		json_t *f = omni_rep_group_json(r, g, 0);
		if (i < r->ngroups)
			label(r, g, buf, sizeof buf);
		else
			snprintf(buf, sizeof buf, "total");
		put(o, "<tr><th>");
		put_escaped(o, buf);
		put(o, "</th>");
		for (c = 0; c < n; c++) {
			double v = figure(f, cols[c][0], cols[c][1]);
			snprintf(buf, sizeof buf, isnan(v) ? "<td>-</td>" : "<td>%g</td>", v);
			put(o, buf);
		}
		put(o, "</tr>\n");
		json_decref(f);
	}
	put(o, "</table>\n");
}

int
omni_rep_write_html(omni_rep *r, omni_out *o)
{
	char buf[64];

	put(o, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	       "<title>omni-report</title>\n<style>body{font:14px sans-serif;margin:2em}"
	       "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px;"
	       "text-align:right}</style>\n</head>\n<body>\n<h1>Support figures</h1>\n<p>");
	put(o, "window: ");
	put(o, r->o.since == OMNI_TIME_NONE ? "open" : omni_time_format(r->o.since, buf));
	put(o, " to ");
	put(o, r->o.until == OMNI_TIME_NONE ? "now" : omni_time_format(r->o.until, buf));
	put(o, "</p>\n");
	chart(r, o, "Volume", "tickets", NULL, 1, "");
	chart(r, o, "First response, p50 (minutes)", "first_response_min", "p50", 1, "");
	chart(r, o, "SLA compliance", "sla_compliance", NULL, 100, "%");
	figures_table(r, o);
	put(o, "</body>\n</html>\n");
	return omni_out_flush(o);
}
