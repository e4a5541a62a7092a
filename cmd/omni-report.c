/* omni-report - measure: the figures of omni-report(1) per channel, store and
 * period, from tickets on stdin, in files, or in the store. */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/core.h"
#include "cli/cli.h"
#include "record/record.h"
#include "record/bridge.h"
#include "rules/rules.h"
#include "report/report.h"

static const char usage_line[] =
	"usage: omni-report [-kqv] [-b fields] [-p period] [-s time] [-u time] "
	"[-f format] [-d file] [-r file] [--compare previous] [--partial] [--merge] "
	"[--unique] [--business-hours policy] [--now time] [file ...]";

enum { OPT_COMPARE = OMNI_CLI_OWN, OPT_PARTIAL, OPT_MERGE, OPT_UNIQUE, OPT_BUSINESS };

static const omni_cli_opt options[] = {
	{ "by", 'b', "FIELDS", "group by these top-level fields (channel,store)" },
	{ "period", 'p', "PERIOD", "and by day, week (ISO) or month" },
	{ "since", 's', "TIME", "window start: RFC 3339, a date, or 7d, 24h, 2w ago" },
	{ "until", 'u', "TIME", "window end (exclusive)" },
	{ "format", 'f', "FORMAT", "table, csv, json, markdown, html or prometheus" },
	{ "db", 'd', "FILE", "read the tickets of the store" },
	{ "compare", OPT_COMPARE, "WHAT", "previous: the window before, and the change" },
	{ "partial", OPT_PARTIAL, NULL, "write mergeable partial aggregates (JSON)" },
	{ "merge", OPT_MERGE, NULL, "read partial aggregates and report them" },
	{ "unique", OPT_UNIQUE, NULL, "ids are unique: keep no per-ticket state" },
	{ "business-hours", OPT_BUSINESS, "POLICY",
	  "the time figures also in the business hours of POLICY" },
	OMNI_CLI_OPTS_INPUT,
	OMNI_CLI_OPTS_END,
};

static const omni_cli cli = {
	.usage = usage_line,
	.about =
	"Reads tickets (or, with --merge, partial aggregates) and prints volume, first\n"
	"response, resolution, SLA, WISMO, delivery, refund, CSAT, one-touch, repeat\n"
	"contact, a person's first response and handling time figures per group.\n",
	.opts = options,
};

/* --business-hours: the policy's calendar for each store, in the store's
 * zone from omni.conf; the last store's is kept, as tickets come in runs. */
struct business {
	omni_rules rules;
	const omni_sla_policy *policy;
	omni_config *config;
	const omni_calendar *cal;
	const char *zone;
	char store[256];
	int known;
};

struct run {
	omni_rep_opts o;
	struct business bh;
	const char *since, *until, *format, *db_path, *reject_path, *by;
	int keep_going, partial, merge;
	char *bybuf;
	char *fields[16];
};

/* An absolute time, a date (midnight UTC), or N followed by m, h, d or w:
 * that long before --now. */
static int
window_time(const char *arg, omni_time *t)
{
	char *end, buf[40];
	double n;

	if (isdigit((unsigned char)arg[0]) && strlen(arg) == 10 && arg[4] == '-' &&
	    arg[7] == '-') {
		snprintf(buf, sizeof buf, "%sT00:00:00Z", arg);
		return omni_time_parse(buf, t);
	}
	errno = 0;
	n = strtod(arg, &end);
	if (end != arg && !errno && n >= 0 && end[0] && !end[1] && strchr("mhdw", end[0])) {
		double unit = end[0] == 'm' ? 60e3 : end[0] == 'h' ? 3600e3
		            : end[0] == 'd' ? 86400e3 : 7 * 86400e3;
		*t = omni_clock_now() - (omni_time)(n * unit);
		return 0;
	}
	return omni_time_parse(arg, t);
}

/* The top-level fields of omni-ticket(5), what --by may name. */
static const char *const ticket_fields[] = {
	"omni", "id", "merged_from", "channel", "store", "source", "kind", "subject",
	"created_at", "updated_at", "status", "solved_at", "reopens", "follows",
	"customer", "order_ids", "orders", "history", "messages", "lang", "intent",
	"sentiment", "priority", "priority_score", "queue", "assignee", "tags", "sla",
	"route", "reply", "csat", NULL,
};

static int
by_field(const char *name)
{
	const char *near;

	for (size_t i = 0; ticket_fields[i]; i++)
		if (strcmp(ticket_fields[i], name) == 0)
			return 0;
	if ((near = omni_nearest(name, ticket_fields)))
		return omni_usage_error(usage_line, "--by: '%s' is not a ticket field; "
		                        "did you mean '%s'?", name, near);
	return omni_usage_error(usage_line, "--by: '%s' is not a ticket field "
	                        "(see omni-ticket(5))", name);
}

static int
parse_by(struct run *r)
{
	char *p, *save = NULL;
	int st;

	free(r->bybuf);
	if (!(r->bybuf = strdup(r->by)))
		return OMNI_EX_SOFTWARE;
	r->o.nby = 0;
	for (p = strtok_r(r->bybuf, ",", &save); p; p = strtok_r(NULL, ",", &save)) {
		if (r->o.nby == 16)
			return omni_usage_error(usage_line, "--by: at most 16 fields");
		if ((st = by_field(p)))
			return st;
		r->fields[r->o.nby++] = p;
	}
	r->o.by = r->fields;
	return 0;
}

static int
finish_options(struct run *r)
{
	static const char *const formats[] = { "table", "csv", "json", "markdown",
	                                       "html", "prometheus", NULL };
	size_t i;

	r->o.now = omni_clock_now();
	if (r->since && window_time(r->since, &r->o.since) < 0)
		return omni_usage_error(usage_line, "--since: not a time: '%s'", r->since);
	if (r->until && window_time(r->until, &r->o.until) < 0)
		return omni_usage_error(usage_line, "--until: not a time: '%s'", r->until);
	if (r->o.compare && !r->since)
		return omni_usage_error(usage_line, "--compare previous needs --since");
	if (r->o.compare && !strcmp(r->format, "prometheus"))
		return omni_usage_error(usage_line, "--compare: the prometheus format has no "
		                        "previous window; use json, csv, table, markdown or html");
	if (r->since && r->until && r->o.until <= r->o.since)
		return omni_usage_error(usage_line, "--until is not after --since");
	for (i = 0; formats[i] && strcmp(formats[i], r->format); i++)
		;
	if (!formats[i])
		return omni_usage_error(usage_line, "--format: unknown format '%s'", r->format);
	if (r->reject_path && !r->keep_going)
		return omni_usage_error(usage_line, "--reject needs --keep-going");
	if (r->partial && r->merge)
		return omni_usage_error(usage_line, "--partial and --merge exclude each other");
	return parse_by(r);
}

static int
parse_options(struct run *r, int argc, char **argv, omni_error *err)
{
	int c;

	while ((c = omni_cli_getopt(&cli, argc, argv)) != -1) {
		switch (c) {
		case 'b': r->by = optarg; break;
		case 'p':
			r->o.period = !strcmp(optarg, "day") ? OMNI_PERIOD_DAY
			            : !strcmp(optarg, "week") ? OMNI_PERIOD_WEEK
			            : !strcmp(optarg, "month") ? OMNI_PERIOD_MONTH : -1;
			if (r->o.period < 0)
				return omni_usage_error(usage_line, "--period: day, week or month, not '%s'", optarg);
			break;
		case 's': r->since = optarg; break;
		case 'u': r->until = optarg; break;
		case 'f': r->format = optarg; break;
		case 'd': r->db_path = optarg; break;
		case OPT_COMPARE:
			if (strcmp(optarg, "previous"))
				return omni_usage_error(usage_line, "--compare: only 'previous', not '%s'", optarg);
			r->o.compare = 1;
			break;
		case OPT_PARTIAL: r->partial = 1; break;
		case OPT_MERGE: r->merge = 1; break;
		case OPT_UNIQUE: r->o.unique = 1; break;
		case OPT_BUSINESS: r->o.business_name = optarg; break;
		case 'k': r->keep_going = 1; break;
		case 'r': r->reject_path = optarg; break;
		default: {
			int st = omni_cli_option(c, &cli);
			if (st)
				return st;
			break;
		}
		}
	}
	return finish_options(r);
}

static int64_t
business_time(void *arg, const char *store, omni_time a, omni_time b, omni_error *err)
{
	struct business *bh = arg;

	if (!store)
		store = "";
	if (!bh->known || strcmp(store, bh->store)) {
		const omni_conf_section *s = omni_config_find(bh->config, "store", store);
		if (!(bh->cal = omni_sla_calendar(&bh->rules, bh->policy, store,
		                                  s ? omni_conf_get(s, "timezone") : NULL,
		                                  &bh->zone, err)))
			return -1;
		snprintf(bh->store, sizeof bh->store, "%s", store);
		bh->known = 1;
	}
	return omni_business_between(bh->cal, bh->zone, a, b);
}

/* The policy --business-hours names, from the SLA files, and the stores'
 * zones from omni.conf.  0, or -1 with err. */
static int
business_setup(struct run *r, omni_error *err)
{
	if (!r->o.business_name || r->merge)
		return 0;
	if (omni_config_load(NULL, &r->bh.config, err) < 0 ||
	    omni_config_check(r->bh.config, "store", omni_config_store_keys, NULL, err) < 0 ||
	    omni_sla_load(&r->bh.rules, err) < 0)
		return -1;
	if (!(r->bh.policy = omni_rules_policy(&r->bh.rules, r->o.business_name)))
		return omni_error_set(err, OMNI_EX_USAGE, NULL, 0, 0, "--business-hours: no SLA "
		                      "policy '%s' (see omni-rules(5))", r->o.business_name), -1;
	r->o.business = business_time;
	r->o.business_arg = &r->bh;
	return 0;
}

/* Tickets from the files named, or stdin. */
static int
read_tickets(struct run *r, omni_rep *rep, char **paths, int npaths, FILE *reject,
             omni_error *err)
{
	omni_reader *rd = omni_reader_new(paths, npaths, r->keep_going, reject);
	omni_record *rec;
	int rc, status = 0;

	if (!rd)
		return omni_error_oom(err), -1;
	while ((rc = omni_reader_next(rd, &rec, err)) != 0) {
		if (rc == 2) {
			omni_report(err);
			status = OMNI_EX_PARTIAL;
			continue;
		}
		if (rc < 0) {
			status = -1;
			break;
		}
		if (omni_rep_add(rep, rec, err) < 0) {
			omni_error_locate(err, omni_reader_name(rd), omni_reader_lineno(rd));
			if (!r->keep_going || err->status != OMNI_EX_DATAERR) {
				status = -1;
				break;
			}
			/* a time that is not one: set the ticket aside too */
			omni_report(err);
			if (reject) {
				fwrite(rec->text, 1, rec->len, reject);
				putc('\n', reject);
			}
			status = OMNI_EX_PARTIAL;
		}
	}
	omni_reader_free(rd);
	return status;
}

/* A file fed to jansson a byte at a time, its lines counted, so that a
 * document ends where the next begins and an error has the file's line. */
struct feed {
	FILE *fp;
	long lines;
};

static size_t
feed_byte(void *buf, size_t len, void *data)
{
	struct feed *f = data;
	int c = getc(f->fp);

	if (c == EOF)
		return 0;
	f->lines += c == '\n';
	*(char *)buf = (char)c;
	return 1;
}

/* One file (or stdin) of partial aggregates: one JSON document or several
 * one after another (parallel's output, a cat of files).  The number
 * read, or -1 with err. */
static int
read_partial_stream(omni_rep *rep, const char *name, FILE *fp, omni_error *err)
{
	struct feed f = { fp, 0 };
	int n = 0, c;

	for (;;) {
		json_error_t je;
		json_t *doc;
		long first;
		int rc;

		while ((c = getc(fp)) != EOF && isspace(c))
			f.lines += c == '\n';
		if (c == EOF)
			break;
		ungetc(c, fp);
		first = f.lines + 1;
		if (!(doc = json_load_callback(feed_byte, &f, JSON_DISABLE_EOF_CHECK, &je)))
			return omni_error_set(err, OMNI_EX_DATAERR, name, first + je.line - 1,
			                      je.column, "partial %d: %s", n + 1, je.text), -1;
		rc = omni_rep_merge(rep, doc, err);
		json_decref(doc);
		if (rc < 0)
			return omni_error_locate(err, name, first), -1;
		n++;
	}
	if (ferror(fp))
		return omni_error_set(err, OMNI_EX_IOERR, name, 0, 0, "%s", strerror(errno)), -1;
	if (n == 0)
		return omni_error_set(err, OMNI_EX_DATAERR, name, 0, 0,
		                      "no partial aggregates (omni-report --partial writes them)"), -1;
	return n;
}

/* Partial aggregates: the files given, or stdin. */
static int
read_partials(omni_rep *rep, char **paths, int npaths, omni_error *err)
{
	for (int i = 0; i < (npaths ? npaths : 1); i++) {
		int use_stdin = !npaths || strcmp(paths[i], "-") == 0;
		const char *name = use_stdin ? "stdin" : paths[i];
		FILE *fp = use_stdin ? stdin : fopen(name, "r");
		int rc;

		if (!fp)
			return omni_error_set(err, OMNI_EX_NOINPUT,
			                      name, 0, 0, "%s", strerror(errno)), -1;
		rc = read_partial_stream(rep, name, fp, err);
		if (!use_stdin)
			fclose(fp);
		if (rc < 0)
			return -1;
	}
	return omni_rep_merged(rep, err);
}

static int
run_report(struct run *r, char **paths, int npaths, FILE *reject, omni_error *err)
{
	omni_rep *rep = NULL;
	omni_out *out = NULL;
	json_t *partial = NULL;
	int status = 0, rc;

	if (business_setup(r, err) < 0) {
		status = err->status;
		goto out;
	}
	rep = omni_rep_new(&r->o);
	if (!rep || !(out = omni_out_new(STDOUT_FILENO))) {
		status = omni_error_oom(err);
		goto out;
	}
	if (r->merge)
		rc = read_partials(rep, paths, npaths, err);
	else if (r->db_path)
		rc = omni_rep_add_store(rep, r->db_path, err);
	else
		rc = read_tickets(r, rep, paths, npaths, reject, err);
	if (rc < 0 || (!r->merge && omni_rep_finish(rep, err) < 0)) {
		status = err->status;
		goto out;
	}
	status = rc;
	if (r->partial) {
		/* a write error is reported at close */
		if ((partial = omni_rep_partial(rep)))
			omni_out_json(out, partial);
	} else {
		omni_rep_write(rep, r->format, out);
	}
out:
	json_decref(partial);
	if (out && (rc = omni_out_close(out, err)) != 0)
		status = rc;
	omni_rep_free(rep);
	return status;
}

int
main(int argc, char **argv)
{
	struct run r = { 0 };
	omni_error err = { 0 };
	FILE *reject = NULL;
	int status;

	omni_diag_init(argv[0]);
	r.format = "table";
	r.by = "channel,store";
	r.o.since = r.o.until = OMNI_TIME_NONE;
	if ((status = parse_options(&r, argc, argv, &err)))
		goto out;
	if (r.reject_path && !(reject = omni_reject_open(r.reject_path, 1, &err))) {
		omni_report(&err);
		status = OMNI_EX_CANTCREAT;
		goto out;
	}
	status = run_report(&r, argv + optind, argc - optind, reject, &err);
	if (status > OMNI_EX_PARTIAL)
		omni_report(&err);
out:
	if (reject)
		fclose(reject);
	free(r.bybuf);
	omni_rules_free(&r.bh.rules);
	omni_config_free(r.bh.config);
	return status;
}
