/* omni-desk - a person's turn at the tickets: the queue, a ticket read as a
 * timeline, an answer written in $EDITOR and sent once by omni-reply, and
 * the desk's own verbs (note, tag, assign, snooze, solve, reopen, split). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "core/core.h"
#include "cli/cli.h"
#include "record/record.h"
#include "store/store.h"
#include "desk/desk.h"

static const char usage_line[] =
	"usage: omni-desk [-kqv] [-c file] [-d file] [-f file] [-r file] [--queue name] "
	"[--assignee name] [--channel name] [--store name] [--priority level] [--tag tag] "
	"[--now time] [file ...]\n"
	"       omni-desk show [-f file] id\n"
	"       omni-desk ids [-f file]\n"
	"       omni-desk answer [-s] [-c file] [-d file] [-f file] id\n"
	"       omni-desk note|tag|untag|assign|snooze [-c file] [-d file] [-f file] id text\n"
	"       omni-desk solve|reopen|pending [-c file] [-d file] [-f file] id\n"
	"       omni-desk split [-c file] [-d file] [-f file] id record\n"
	"       omni-desk merge [-c file] [-d file] [-f file] id other";

enum { OPT_QUEUE = OMNI_CLI_OWN, OPT_ASSIGNEE, OPT_CHANNEL, OPT_STORE, OPT_PRIORITY, OPT_TAG };

static const omni_cli_opt options[] = {
	{ "tickets", 'f', "FILE", "the tickets file (OMNI_TICKETS, ~/omni/tickets.ndjson)" },
	{ "config", 'c', "FILE", "configuration file (the author, omni-reply's)" },
	{ "db", 'd', "FILE", "the store" },
	{ "solve", 's', NULL, "answer: solve the ticket once the answer is sent" },
	{ "queue", OPT_QUEUE, "NAME", "only tickets routed to this queue" },
	{ "assignee", OPT_ASSIGNEE, "NAME", "only tickets of this person (\"\": nobody's)" },
	{ "channel", OPT_CHANNEL, "NAME", "only tickets of this channel" },
	{ "store", OPT_STORE, "NAME", "only tickets of this store" },
	{ "priority", OPT_PRIORITY, "LEVEL", "only tickets of this priority" },
	{ "tag", OPT_TAG, "TAG", "only tickets with this tag" },
	OMNI_CLI_OPTS_INPUT,
	OMNI_CLI_OPTS_END,
};

static const omni_cli cli = {
	.usage = usage_line,
	.about =
	"Lists the tickets waiting for an answer, most urgent first; shows one as a\n"
	"timeline; answers it in $VISUAL or $EDITOR, linted, sent once through\n"
	"omni-reply; notes, tags, assigns, snoozes, solves, reopens, merges and\n"
	"splits it, each recorded with who and when.\n",
	.opts = options,
};

static const char *const desk_keys[] = { "author", NULL };

/* The queue's filters and --reject: the options only main reads. */
static omni_desk_filter filter;
static const char *reject_path;

static void
warn_person(const char *msg)
{
	omni_warn("%s", msg);
}

static int
terminal_width(void)
{
	struct winsize ws;
	const char *cols = getenv("COLUMNS");

	if (cols && atoi(cols) > 20)
		return atoi(cols);
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20)
		return ws.ws_col;
	return 80;
}

static int
queue(omni_desk_ctx *r, char **files, int nfiles, omni_error *err)
{
	int loaded, tty = isatty(STDOUT_FILENO), width = tty ? terminal_width() : 0;
	const char *term = getenv("TERM");
	/* the breached in red, on a terminal that shows colour */
	int colour = tty && !getenv("NO_COLOR") && !(term && strcmp(term, "dumb") == 0);
	const char *env = getenv("OMNI_TICKETS");
	size_t n = 0;
	omni_desk_row *rows;
	omni_out *out = NULL;
	omni_time now = omni_clock_now();

	/* the files named; else the tickets file when one is named, else
	 * stdin unless it is a terminal, else the crontab's file */
	if (nfiles || (!r->tickets && !(env && *env) && !isatty(STDIN_FILENO)))
		loaded = omni_desk_load(r, files, nfiles, err);
	else
		loaded = omni_desk_load_file(r, err);
	if (loaded < 0)
		return -1;
	rows = omni_desk_queue(&r->set, &filter, now, &n, err);
	if (!rows && err->status)
		return -1;
	out = omni_out_new(STDOUT_FILENO);
	for (size_t i = 0; i < n && !omni_out_broken_pipe(out); i++) {
		if (tty) {
			char *line = omni_desk_line(&rows[i], now, width);
			int red = colour && rows[i].breached;
			if (!line || (red && omni_out_write(out, "\033[31m", 5) < 0) ||
			    omni_out_write(out, line, strlen(line)) < 0 ||
			    (red && omni_out_write(out, "\033[0m", 4) < 0) ||
			    omni_out_write(out, "\n", 1) < 0) {
				free(line);
				break;
			}
			free(line);
		} else if (omni_out_write(out, rows[i].t->text, rows[i].t->len) < 0 ||
		           omni_out_write(out, "\n", 1) < 0) {
			break;
		}
	}
	free(rows);
	return omni_cli_close(out, NULL, loaded == 1 ? OMNI_EX_PARTIAL : 0);
}

static void
print_id(void *arg, const char *id)
{
	(void)arg;
	printf("%s\n", id);
}

/* The store's tickets, else (no store, or none in it) the tickets file's. */
static int
ids(omni_desk_ctx *r, omni_error *err)
{
	long n = 0;

	if (!r->tickets && omni_store_open_existing(r->db_path, &r->store, err) < 0)
		return -1;
	if (r->store && (n = omni_desk_store_ids(r->store, 1000, print_id, NULL, err)) < 0)
		return -1;
	if (n)
		return 0;
	if (omni_desk_load_file(r, err) < 0)
		return -1;
	for (size_t i = r->set.n; i-- > 0;) {
		omni_desk_ticket *t = r->set.v[i];
		if (!t->gone && !omni_json_string_eq(omni_record_get(&t->rec, "status"), "closed"))
			printf("%s\n", t->id);
	}
	return 0;
}

/* On a terminal the timeline goes through $PAGER (less -FRX when it is
 * unset; empty or "cat": none), as git's does. */
static int
show(omni_desk_ctx *r, const char *id, omni_error *err)
{
	omni_desk_ticket *t = omni_desk_ticket_of(r, id, err);
	const char *pager = getenv("PAGER");
	FILE *p = NULL;
	char *text, *all = NULL;

	if (!t)
		return -1;
	/* a long ticket's line holds its latest messages: the store has all */
	if (omni_record_get(&t->rec, "earlier").p) {
		if (!r->store && omni_store_open_existing(r->db_path, &r->store, err) < 0)
			return -1;
		if (r->store && !(all = omni_desk_store_messages(r->store, t->id,
		                                                 omni_record_get(&t->rec, "messages"),
		                                                 err)))
			return -1;
	}
	text = all ? omni_desk_timeline_with(&t->rec, (omni_span){ all, strlen(all) }) :
	       omni_desk_timeline(&t->rec);
	free(all);
	if (!text)
		return omni_error_oom(err);
	if (!pager)
		pager = "less -FRX";
	if (isatty(STDOUT_FILENO) && *pager && strcmp(pager, "cat") != 0) {
		fflush(stdout);
		p = popen(pager, "w");
	}
	fputs(text, p ? p : stdout);
	if (p)
		pclose(p);
	free(text);
	return 0;
}

/* On a terminal, the answer sent is said. */
static int
answer(omni_desk_ctx *r, const char *id, omni_error *err)
{
	int rc = omni_desk_answer(r, id, err);

	if (rc == 0 && r->sent && isatty(STDOUT_FILENO))
		printf("%s: sent%s\n", r->sent, r->solve ? ", solved" : "");
	return rc;
}

static int
act(omni_desk_ctx *r, const char *verb, char **args, int nargs, omni_error *err)
{
	static const struct {
		const char *verb, *status;
		int nargs;
	} verbs[] = {
		{ "note", NULL, 2 }, { "tag", NULL, 2 }, { "untag", NULL, 2 }, { "assign", NULL, 2 },
		{ "snooze", NULL, 2 }, { "solve", "solved", 1 }, { "reopen", "open", 1 },
		{ "pending", "pending", 1 }, { "split", NULL, 2 }, { "merge", NULL, 2 },
	};
	size_t i;
	char until[40];
	const char *value;
	omni_desk_ticket *t;

	for (i = 0; i < sizeof verbs / sizeof verbs[0]; i++)
		if (strcmp(verbs[i].verb, verb) == 0)
			break;
	if (i == sizeof verbs / sizeof verbs[0])
		return omni_usage_error(usage_line, "no command '%s'", verb);
	if (nargs != verbs[i].nargs)
		return omni_usage_error(usage_line, "%s takes %s", verb,
		                        verbs[i].nargs == 1 ? "a ticket id" : "a ticket id and one more argument");
	if (!(t = omni_desk_ticket_of(r, args[0], err)))
		return -1;
	value = nargs > 1 ? args[1] : NULL;
	if (strcmp(verb, "snooze") == 0) {
		omni_time when;
		if (omni_desk_snooze_time(value, &when) < 0)
			return omni_usage_error(usage_line, "snooze: '%s' is not a time "
			                        "(RFC 3339, or 30m, 4h, 2d, 1w from now)", value);
		omni_time_format(when, until);
		value = until;
	}
	if (strcmp(verb, "note") == 0 && !*value)
		return omni_usage_error(usage_line, "an empty note");
	if (strcmp(verb, "split") == 0)
		return omni_desk_split(r, t, value, err);
	if (strcmp(verb, "merge") == 0)
		return omni_desk_merge(r, t, value, err);
	return omni_desk_record(r, &t->rec, t->id, verb, value, verbs[i].status, err);
}

static void
author(omni_desk_ctx *r)
{
	const omni_conf_section *s = omni_config_find(r->config, "desk", "");
	const char *a = s ? omni_conf_get(s, "author") : NULL;

	if (!a || !*a)
		a = getenv("USER");
	snprintf(r->who, sizeof r->who, "%s", a && *a ? a : "unknown");
}

static int
is_verb(const char *s)
{
	static const char *const all[] = { "queue", "show", "ids", "answer", "note", "tag", "untag",
	                                   "assign", "snooze", "solve", "reopen", "pending", "split", "merge",
	                                   NULL };
	for (size_t i = 0; all[i]; i++)
		if (strcmp(all[i], s) == 0)
			return 1;
	return 0;
}

static int
parse_options(omni_desk_ctx *r, int argc, char **argv)
{
	int c, rc;

	while ((c = omni_cli_getopt(&cli, argc, argv)) != -1) {
		switch (c) {
		case 'f': r->tickets = optarg; break;
		case 'c': r->config_path = optarg; break;
		case 'd': r->db_path = optarg; break;
		case 's': r->solve = 1; break;
		case 'k': r->keep_going = 1; break;
		case 'r': reject_path = optarg; break;
		case OPT_QUEUE: filter.queue = optarg; break;
		case OPT_ASSIGNEE: filter.assignee = optarg; break;
		case OPT_CHANNEL: filter.channel = optarg; break;
		case OPT_STORE: filter.store = optarg; break;
		case OPT_PRIORITY: filter.priority = optarg; break;
		case OPT_TAG: filter.tag = optarg; break;
		case OMNI_CLI_NOW: r->now_arg = optarg; /* fall through */
		default:
			if ((rc = omni_cli_option(c, &cli)))
				return rc;
		}
	}
	if (reject_path && !r->keep_going)
		return omni_usage_error(usage_line, "--reject needs --keep-going");
	return 0;
}

int
main(int argc, char **argv)
{
	omni_desk_ctx r = { .warn = warn_person, .report = omni_report };
	omni_error err = { 0 };
	int status = 0, rc;
	const char *verb = "queue";
	char **args;
	int nargs;

	omni_diag_init(argv[0]);
	if ((rc = parse_options(&r, argc, argv)))
		return rc;
	args = argv + optind;
	nargs = argc - optind;
	if (nargs && is_verb(args[0])) {
		verb = args[0];
		args++;
		nargs--;
	}
	if (omni_config_load(r.config_path, &r.config, &err) < 0 ||
	    omni_config_check(r.config, "desk", desk_keys, NULL, &err) < 0)
		goto fail;
	author(&r);
	if (reject_path && !(r.reject = omni_reject_open(reject_path, 1, &err)))
		goto fail;
	if (strcmp(verb, "queue") == 0)
		rc = queue(&r, args, nargs, &err);
	else if (strcmp(verb, "ids") == 0)
		rc = nargs ? omni_usage_error(usage_line, "ids takes no argument") : ids(&r, &err);
	else if (nargs != 1 && (strcmp(verb, "show") == 0 || strcmp(verb, "answer") == 0))
		rc = omni_usage_error(usage_line, "%s takes a ticket id", verb);
	else if (strcmp(verb, "show") == 0)
		rc = show(&r, args[0], &err);
	else if (strcmp(verb, "answer") == 0)
		rc = answer(&r, args[0], &err);
	else
		rc = act(&r, verb, args, nargs, &err);
	if (rc < 0)
		goto fail;
	status = rc;
	goto out;
fail:
	omni_report(&err);
	status = err.status ? err.status : OMNI_EX_SOFTWARE;
out:
	status = omni_cli_close(NULL, r.reject, status);
	if (strcmp(verb, "queue") != 0) {
		int st = omni_stdout_close();
		if (st && !status)
			status = st;
	}
	omni_desk_set_free(&r.set);
	omni_store_close(r.store);
	omni_config_free(r.config);
	return status;
}
