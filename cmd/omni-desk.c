/* omni-desk - a person's turn at the tickets: the queue, a ticket read as a
 * timeline, an answer written in $EDITOR and sent once by omni-reply, and
 * the desk's own verbs (note, tag, assign, snooze, solve, reopen, split). */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "core/core.h"
#include "cli/cli.h"
#include "record/record.h"
#include "record/bridge.h"
#include "store/store.h"
#include "reply/reply.h"
#include "link/link.h"
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

struct run {
	const char *config_path, *db_path, *tickets, *reject_path, *now_arg;
	int keep_going, solve;
	omni_desk_filter filter;
	omni_config *config;
	omni_store *store;
	omni_desk_set set;
	FILE *reject;
	char who[128];
};

/* The tickets file: -f, $OMNI_TICKETS, or the crontab's. */
static char *
tickets_path(const struct run *r)
{
	const char *env = getenv("OMNI_TICKETS");

	if (r->tickets)
		return strdup(r->tickets);
	if (env && *env)
		return strdup(env);
	return omni_expand_home("~/omni/tickets.ndjson");
}

static int
load(struct run *r, char **paths, int npaths, omni_error *err)
{
	omni_reader *in = omni_reader_new(paths, npaths, r->keep_going, r->reject);
	omni_record *rec;
	int rc;

	while ((rc = omni_reader_next(in, &rec, err)) != 0) {
		if (rc < 0)
			break;
		if (rc == 2) {
			omni_report(err);
			memset(err, 0, sizeof *err);
			continue;
		}
		if (omni_desk_set_add(&r->set, rec, err) < 0) {
			rc = -1;
			break;
		}
	}
	if (rc == 0 && omni_reader_rejected(in))
		rc = 1;
	omni_reader_free(in);
	return rc;
}

static int
load_file(struct run *r, omni_error *err)
{
	char *path = tickets_path(r);
	int rc;

	if (!path)
		return omni_error_oom(err);
	rc = load(r, &path, 1, err);
	free(path);
	return rc;
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
queue(struct run *r, char **files, int nfiles, omni_error *err)
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
		loaded = load(r, files, nfiles, err);
	else
		loaded = load_file(r, err);
	if (loaded < 0)
		return -1;
	rows = omni_desk_queue(&r->set, &r->filter, now, &n, err);
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
ids(struct run *r, omni_error *err)
{
	long n = 0;

	if (!r->tickets && omni_store_open_existing(r->db_path, &r->store, err) < 0)
		return -1;
	if (r->store && (n = omni_desk_store_ids(r->store, 1000, print_id, NULL, err)) < 0)
		return -1;
	if (n)
		return 0;
	if (load_file(r, err) < 0)
		return -1;
	for (size_t i = r->set.n; i-- > 0;) {
		omni_desk_ticket *t = r->set.v[i];
		if (!t->gone && !omni_json_string_eq(omni_record_get(&t->rec, "status"), "closed"))
			printf("%s\n", t->id);
	}
	return 0;
}

static omni_desk_ticket *
ticket(struct run *r, const char *id, omni_error *err)
{
	if (load_file(r, err) < 0)
		return NULL;
	return omni_desk_find(&r->set, id, err);
}

/* On a terminal the timeline goes through $PAGER (less -FRX when it is
 * unset; empty or "cat": none), as git's does. */
static int
show(struct run *r, const char *id, omni_error *err)
{
	omni_desk_ticket *t = ticket(r, id, err);
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

/* The ticket's next version, appended to the tickets file in one write. */
static int
append(struct run *r, const omni_record *rec, const omni_edit *e, omni_error *err)
{
	char *path = tickets_path(r);
	omni_out *mem = omni_out_new_mem();
	char *line = NULL;
	size_t len = 0;
	int fd = -1, rc = -1;

	if (!path || !mem || omni_record_write(mem, rec, e) < 0 || !(line = omni_out_take(mem, &len))) {
		omni_error_oom(err);
		goto out;
	}
	mem = NULL;
	if ((fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600)) < 0 ||
	    write(fd, line, len) != (ssize_t)len || close(fd) < 0) {
		omni_error_set(err, OMNI_EX_IOERR, path, 0, 0, "cannot write: %s", strerror(errno));
		if (fd >= 0)
			close(fd);
		goto out;
	}
	rc = 0;
out:
	if (mem)
		omni_out_close(mem, NULL);
	free(line);
	free(path);
	return rc;
}

/* Records verb on the ticket in the store (and its status, for solve,
 * reopen and pending), then appends the version that shows it. */
static int
record(struct run *r, const omni_record *rec, const char *id, const char *verb,
       const char *value, const char *status, omni_error *err)
{
	char at[40], *desk = NULL, quoted[64];
	omni_edit *e = omni_edit_new();
	int rc = -1;

	omni_time_format(omni_clock_now(), at);
	if (!e)
		return omni_error_oom(err);
	if (!r->store && omni_store_open(r->db_path, &r->store, err) < 0)
		goto out;
	if (omni_store_begin(r->store, err) < 0)
		goto out;
	if ((status && omni_desk_status(r->store, id, status, at, err) < 0) ||
	    omni_desk_act(r->store, id, verb, value, r->who, at, err) < 0 ||
	    omni_desk_member(r->store, id, &desk, err) < 0) {
		omni_store_rollback(r->store);
		goto out;
	}
	if (omni_store_commit(r->store, err) < 0)
		goto out;
	if (desk && omni_edit_set_raw(e, "desk", desk, strlen(desk)) < 0)
		goto oom;
	if (status) {
		snprintf(quoted, sizeof quoted, "\"%s\"", status);
		if (omni_edit_set_raw(e, "status", quoted, strlen(quoted)) < 0)
			goto oom;
		snprintf(quoted, sizeof quoted, "\"%s\"", at);
		if ((strcmp(status, "solved") == 0 ? omni_edit_set_raw(e, "solved_at", quoted, strlen(quoted))
		                                   : omni_edit_remove(e, "solved_at")) < 0)
			goto oom;
	}
	rc = append(r, rec, e, err);
	goto out;
oom:
	omni_error_oom(err);
out:
	omni_edit_free(e);
	free(desk);
	return rc;
}

/* The person opened the answer in the editor: in the store only (the
 * answer's version shows it), where the handling time starts
 * (omni-report(1)). */
static int
opened(struct run *r, const char *id, omni_error *err)
{
	char at[40];

	omni_time_format(omni_clock_now(), at);
	if (!r->store && omni_store_open(r->db_path, &r->store, err) < 0)
		return -1;
	if (omni_store_begin(r->store, err) < 0)
		return -1;
	if (omni_desk_act(r->store, id, "open", NULL, r->who, at, err) < 0) {
		omni_store_rollback(r->store);
		return -1;
	}
	return omni_store_commit(r->store, err);
}

/* "2026-12-08T09:00:00Z", or 30m, 4h, 2d, 1w from now. */
static int
snooze_time(const char *s, omni_time *out)
{
	char *end;
	double v;

	if (omni_time_parse(s, out) == 0 && strchr(s, '-'))
		return 0;
	errno = 0;
	v = strtod(s, &end);
	if (errno || end == s || v <= 0 || end[0] == '\0' || end[1] != '\0')
		return -1;
	switch (*end) {
	case 'm': v *= 60; break;
	case 'h': v *= 3600; break;
	case 'd': v *= 86400; break;
	case 'w': v *= 7 * 86400; break;
	default: return -1;
	}
	*out = omni_clock_now() + (omni_time)(v * 1000);
	return 0;
}

/* omni-link --unmerge RECORD: both conversations join the tickets file. */
static int
split(struct run *r, const omni_desk_ticket *t, const char *what, omni_error *err)
{
	char *argv[10], *out = NULL, *path = tickets_path(r);
	size_t n = 0, len = 0;
	int st, fd = -1;

	argv[n++] = "omni-link";
	if (r->config_path)
		argv[n++] = "-c", argv[n++] = (char *)r->config_path;
	if (r->db_path)
		argv[n++] = "-d", argv[n++] = (char *)r->db_path;
	argv[n++] = "--unmerge";
	argv[n++] = (char *)what;
	argv[n] = NULL;
	st = omni_desk_run(argv, "/dev/null", &out, &len, err);
	if (st < 0 || !path)
		goto fail;
	if (st == 127) {
		omni_error_set(err, OMNI_EX_UNAVAILABLE, NULL, 0, 0, "cannot run omni-link");
		goto fail;
	}
	if (st != 0) {
		free(out);
		free(path);
		return st;
	}
	if ((fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600)) < 0 ||
	    write(fd, out, len) != (ssize_t)len || close(fd) < 0) {
		omni_error_set(err, OMNI_EX_IOERR, path, 0, 0, "cannot write: %s", strerror(errno));
		goto fail;
	}
	free(out);
	free(path);
	return record(r, &t->rec, t->id, "split", what, NULL, err);
fail:
	free(out);
	free(path);
	return -1;
}

/* The tickets-file version t with the members omni-link owns taken from
 * the merged ticket text: new text, or NULL. */
static char *
overlay(const omni_record *t, const char *merged, size_t len, omni_error *err)
{
	static const char *const owned[] = { "customer", "created_at", "updated_at", "order_ids",
	                                     "messages", "merged_from", "orders", "history",
	                                     "status", "solved_at", "reopens", "follows", NULL };
	omni_record m;
	omni_edit *e = omni_edit_new();
	omni_out *mem = omni_out_new_mem();
	char *text = NULL;
	size_t n;

	omni_record_init(&m);
	if (!e || !mem || omni_record_parse(&m, merged, len, err) < 0)
		goto out;
	for (size_t i = 0; owned[i]; i++) {
		omni_span v = omni_record_get(&m, owned[i]);
		if ((v.p ? omni_edit_set_raw(e, owned[i], v.p, v.n) : omni_edit_remove(e, owned[i])) < 0)
			goto out;
	}
	if (omni_record_write(mem, t, e) == 0 && (text = omni_out_take(mem, &n)))
		mem = NULL;
out:
	if (!text && !err->status)
		omni_error_oom(err);
	if (mem)
		omni_out_close(mem, NULL);
	omni_edit_free(e);
	omni_record_free(&m);
	return text;
}

/* omni_link_merge: other's conversation joins t's; t's next version (its
 * routing kept) and other's, merged into t, join the tickets file. */
static int
merge(struct run *r, const omni_desk_ticket *t, const char *other, omni_error *err)
{
	omni_desk_ticket *o = omni_desk_find(&r->set, other, err);
	omni_link_opts lo = { 0 };
	omni_link *l = NULL;
	omni_out *mem = NULL;
	omni_record rec;
	char *line = NULL, *text = NULL;
	size_t len = 0;
	int rc = -1;

	omni_record_init(&rec);
	if (!o)
		return -1;
	if (!r->store && omni_store_open(r->db_path, &r->store, err) < 0)
		return -1;
	lo.config = r->config;
	lo.window = 72 * 3600 * 1000LL;
	lo.dm_window = 24 * 3600 * 1000LL;
	lo.history = 10;
	lo.messages = OMNI_LINK_MESSAGES;
	if (omni_link_new(r->store, &lo, &l, err) < 0)
		return -1;
	if (!(mem = omni_out_new_mem())) {
		omni_error_oom(err);
		goto out;
	}
	if (omni_store_begin(r->store, err) < 0)
		goto out;
	omni_link_refresh(l);
	if (omni_link_merge(l, t->id, o->id, mem, err) < 0 ||
	    omni_handoff_done(r->store, "link", t->id, err) < 0) {
		omni_store_rollback(r->store);
		goto out;
	}
	if (omni_store_commit(r->store, err) < 0)
		goto out;
	if (!(line = omni_out_take(mem, &len))) {
		omni_error_oom(err);
		goto out;
	}
	mem = NULL;
	while (len && line[len - 1] == '\n')
		len--;
	if (!(text = overlay(&t->rec, line, len, err)) ||
	    omni_record_parse(&rec, text, strlen(text), err) < 0)
		goto out;
	rc = record(r, &rec, t->id, "merge", o->id, NULL, err);
	if (rc == 0)
		rc = record(r, &o->rec, o->id, "merged", t->id, NULL, err);
out:
	if (mem)
		omni_out_close(mem, NULL);
	omni_link_free(l);
	omni_record_free(&rec);
	free(line);
	free(text);
	return rc;
}

/* The ticket with the person's answer as its reply, for omni-reply; with
 * the slots its draft left empty (reply.empty, raw JSON or NULL), which
 * hold while the answer is the draft's text unchanged. */
static int
ticket_with_answer(const omni_record *rec, const char *text, const char *empty,
                   const char *path, omni_error *err)
{
	omni_text b = { 0 };
	omni_edit *e = omni_edit_new();
	omni_out *mem = omni_out_new_mem();
	char *line = NULL;
	size_t len = 0;
	int rc = -1;

	omni_text_put(&b, "{\"text\":", 8);
	omni_json_text_string(&b, text, strlen(text));
	omni_text_put(&b, ",\"status\":\"approved\"", 20);
	if (empty) {
		omni_text_put(&b, ",\"empty\":", 9);
		omni_text_put(&b, empty, strlen(empty));
	}
	omni_text_put(&b, "}", 1);
	if (!e || !mem || b.failed || omni_edit_set_raw(e, "reply", b.p, b.n) < 0 ||
	    omni_record_write(mem, rec, e) < 0 || !(line = omni_out_take(mem, &len))) {
		omni_error_oom(err);
	} else {
		mem = NULL;
		rc = omni_desk_file_write(path, line, err);
	}
	if (mem)
		omni_out_close(mem, NULL);
	omni_edit_free(e);
	free(b.p);
	free(line);
	return rc;
}

/* Sends the ticket in path through omni-reply --send --human: its next
 * version (new) in *line, omni-reply's exit status returned. */
static int
send_answer(struct run *r, const char *path, char **line, size_t *len, omni_error *err)
{
	char *argv[12];
	size_t n = 0;

	argv[n++] = "omni-reply";
	argv[n++] = "--send";
	argv[n++] = "--human";
	if (r->config_path)
		argv[n++] = "-c", argv[n++] = (char *)r->config_path;
	if (r->db_path)
		argv[n++] = "-d", argv[n++] = (char *)r->db_path;
	if (r->now_arg)
		argv[n++] = "--now", argv[n++] = (char *)r->now_arg;
	argv[n++] = (char *)path;
	argv[n] = NULL;
	return omni_desk_run(argv, "/dev/null", line, len, err);
}

/* The lint omni-reply will apply, said before anything leaves: reasons
 * into why (new strings), their number. */
static size_t
lint(const omni_record *rec, const char *text, char ***why)
{
	omni_reply_view *v = omni_reply_view_new();
	json_t *reasons = json_array();
	size_t n = 0;

	*why = NULL;
	if (v && reasons) {
		omni_reply_view_set(v, rec);
		omni_reply_lint_text(v, text, NULL, 1, reasons, NULL);
		n = json_array_size(reasons);
		if (n && (*why = calloc(n, sizeof **why)))
			for (size_t i = 0; i < n; i++)
				(*why)[i] = strdup(json_string_value(json_array_get(reasons, i)));
	}
	json_decref(reasons);
	omni_reply_view_free(v);
	return *why ? n : 0;
}

static void
free_why(char **why, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(why[i]);
	free(why);
}

/* The draft the answer starts from: the ticket's reply unless sent, else
 * the one omni-reply renders from its template (path: a file to write the
 * ticket in).  New, or NULL for none; *empty (new or NULL) its
 * reply.empty. */
static char *
draft_of(struct run *r, const omni_record *rec, const char *path, char **empty)
{
	omni_span reply = omni_record_get(rec, "reply"), text = omni_json_get(reply, "text");
	char *argv[10], *out = NULL, *draft = NULL;
	size_t n = 0, len = 0;
	omni_record next;
	omni_error e = { 0 };

	*empty = NULL;
	if (omni_json_type(text) == OMNI_J_STRING && !omni_json_string_eq(omni_json_get(reply, "status"), "sent")) {
		omni_span slots = omni_json_get(reply, "empty");
		if (slots.p)
			*empty = strndup(slots.p, slots.n);
		return omni_json_string(text, NULL);
	}
	if (omni_desk_file_write(path, rec->text, &e) < 0)
		return NULL;
	argv[n++] = "omni-reply";
	argv[n++] = "-q";
	if (r->config_path)
		argv[n++] = "-c", argv[n++] = (char *)r->config_path;
	if (r->now_arg)
		argv[n++] = "--now", argv[n++] = (char *)r->now_arg;
	argv[n++] = (char *)path;
	argv[n] = NULL;
	omni_record_init(&next);
	if (omni_desk_run(argv, "/dev/null", &out, &len, &e) == 0 && out &&
	    omni_record_parse(&next, out, len, NULL) == 0) {
		text = omni_json_get(omni_record_get(&next, "reply"), "text");
		omni_span slots = omni_json_get(omni_record_get(&next, "reply"), "empty");
		if (omni_json_type(text) == OMNI_J_STRING)
			draft = omni_json_string(text, NULL);
		if (draft && slots.p)
			*empty = strndup(slots.p, slots.n);
	}
	omni_record_free(&next);
	free(out);
	return draft;
}

/* What the editor shows above the timeline after a refusal: the text
 * refused (new) and why (new strings). */
struct refusal {
	char *text, **why;
	size_t nwhy;
};

static void
refusal_clear(struct refusal *f)
{
	free_why(f->why, f->nwhy);
	free(f->text);
	memset(f, 0, sizeof *f);
}

/* Writes the answer in the editor until it is empty (nothing sent), the
 * same as the one refused (given up) or passes the lint: 1 and *text
 * (new), 0 nothing to send, -1 with err.  start (steals): the draft; f:
 * the last refusal, shown and kept up to date. */
static int
write_answer(const omni_record *rec, char *start, struct refusal *f, const char *path,
             char **text, omni_error *err)
{
	char *timeline = omni_desk_timeline(rec), *file = NULL;
	size_t len;
	int rc = -1;

	*text = NULL;
	for (;;) {
		free(file);
		if (!(file = omni_desk_answer_file(f->text ? f->text : start, (const char *const *)f->why,
		                                   f->nwhy, timeline))) {
			omni_error_oom(err);
			break;
		}
		if (omni_desk_file_write(path, file, err) < 0 || omni_desk_edit(path, err) < 0)
			break;
		free(file);
		if (!(file = omni_desk_file_read(path, &len)) || !(*text = omni_desk_answer_text(file, len))) {
			omni_error_set(err, OMNI_EX_IOERR, path, 0, 0, "cannot read the answer");
			break;
		}
		if (!**text) {
			omni_warn("an empty answer: nothing sent");
			rc = 0;
			break;
		}
		if (f->text && strcmp(f->text, *text) == 0) {
			omni_warn("the answer refused again, unchanged: nothing sent");
			rc = 0;
			break;
		}
		free_why(f->why, f->nwhy);
		if (!(f->nwhy = lint(rec, *text, &f->why))) {
			rc = 1;
			break;
		}
		for (size_t i = 0; i < f->nwhy; i++)
			omni_warn("the channel's rules refuse the answer: %s", f->why[i]);
		free(f->text);
		f->text = *text;
		*text = NULL;
	}
	if (rc < 1) {
		free(*text);
		*text = NULL;
	}
	free(start);
	free(timeline);
	free(file);
	return rc;
}

/* omni-reply refused the answer text (a blocked reply: an empty slot, or
 * any reason of its lint): the reasons it gave into f, said; 1, or 0 when
 * it gave none. */
static int
refused_by_reply(const omni_record *next, char *text, struct refusal *f)
{
	omni_span reply = omni_record_get(next, "reply"), v;
	omni_jiter it;
	size_t n = 0;

	if (!omni_json_string_eq(omni_json_get(reply, "status"), "blocked"))
		return 0;
	refusal_clear(f);
	omni_json_iter(&it, omni_json_get(reply, "lint"));
	while (omni_json_next(&it, NULL, &v))
		n++;
	if (!n || !(f->why = calloc(n, sizeof *f->why)))
		return 0;
	omni_json_iter(&it, omni_json_get(reply, "lint"));
	while (f->nwhy < n && omni_json_next(&it, NULL, &v))
		if ((f->why[f->nwhy] = omni_json_string(v, NULL)))
			omni_warn("omni-reply refuses the answer: %s", f->why[f->nwhy++]);
	if (!f->nwhy)
		return 0;
	f->text = strdup(text);
	return f->text != NULL;
}

/* The answer's result: sent (the actions recorded), or said. */
static int
answered(struct run *r, const omni_desk_ticket *t, omni_record *next, int st, omni_error *err)
{
	omni_span rs = omni_json_get(omni_record_get(next, "reply"), "status");
	int rc;

	if (omni_json_string_eq(rs, "sent")) {
		char *msg = omni_json_string(omni_json_get(omni_record_get(next, "reply"), "external_id"), NULL);
		rc = record(r, next, t->id, "answer", msg, NULL, err);
		free(msg);
		if (rc == 0 && r->solve)
			rc = record(r, next, t->id, "solve", NULL, "solved", err);
		if (rc == 0 && isatty(STDOUT_FILENO))
			printf("%s: sent%s\n", t->id, r->solve ? ", solved" : "");
		return rc;
	}
	char *why = omni_json_string(rs, NULL);
	rc = append(r, next, NULL, err);
	if (rc == 0) {
		omni_warn("%s: not sent: the reply is %s", t->id, why ? why : "missing");
		rc = st ? st : OMNI_EX_UNAVAILABLE;
	}
	free(why);
	return rc;
}

static int
answer(struct run *r, const char *id, omni_error *err)
{
	omni_desk_ticket *t = ticket(r, id, err);
	const char *tmp = getenv("TMPDIR");
	char edit_path[4096], send_path[4096], *text = NULL, *line = NULL, *empty = NULL, *start;
	struct refusal f = { 0 };
	size_t len = 0;
	int fd, rc = -1, st;
	omni_record next;

	omni_record_init(&next);
	if (!t)
		return -1;
	snprintf(edit_path, sizeof edit_path, "%s/omni-desk-XXXXXX.txt", tmp && *tmp ? tmp : "/tmp");
	snprintf(send_path, sizeof send_path, "%s/omni-desk-XXXXXX.ndjson", tmp && *tmp ? tmp : "/tmp");
	if ((fd = mkstemps(edit_path, 4)) < 0)
		return omni_error_set(err, OMNI_EX_CANTCREAT, edit_path, 0, 0, "%s", strerror(errno));
	close(fd);
	if ((fd = mkstemps(send_path, 7)) < 0) {
		unlink(edit_path);
		return omni_error_set(err, OMNI_EX_CANTCREAT, send_path, 0, 0, "%s", strerror(errno));
	}
	close(fd);
	start = draft_of(r, &t->rec, send_path, &empty);
	if (opened(r, t->id, err) < 0) {
		free(start);
		goto out;
	}
	/* omni-reply's refusal reopens the editor, as the channel's lint does */
	for (;;) {
		if ((st = write_answer(&t->rec, start, &f, edit_path, &text, err)) <= 0) {
			rc = st;
			goto out;
		}
		start = NULL;
		if (ticket_with_answer(&t->rec, text, empty, send_path, err) < 0)
			goto out;
		omni_record_free(&next);
		omni_record_init(&next);
		free(line);
		line = NULL;
		st = send_answer(r, send_path, &line, &len, err);
		if (st < 0)
			goto out;
		if (st == 127) {
			omni_error_set(err, OMNI_EX_UNAVAILABLE, NULL, 0, 0, "cannot run omni-reply: nothing sent");
			goto out;
		}
		if (!line || !len || omni_record_parse(&next, line, len, NULL) < 0) {
			rc = st ? st : (omni_error_set(err, OMNI_EX_SOFTWARE, NULL, 0, 0,
			                               "omni-reply wrote no ticket"), -1);
			goto out;
		}
		if (!refused_by_reply(&next, text, &f))
			break;
		free(text);
		text = NULL;
	}
	rc = answered(r, t, &next, st, err);
out:
	omni_record_free(&next);
	unlink(edit_path);
	unlink(send_path);
	refusal_clear(&f);
	free(text);
	free(empty);
	free(line);
	return rc;
}


static int
act(struct run *r, const char *verb, char **args, int nargs, omni_error *err)
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
	if (!(t = ticket(r, args[0], err)))
		return -1;
	value = nargs > 1 ? args[1] : NULL;
	if (strcmp(verb, "snooze") == 0) {
		omni_time when;
		if (snooze_time(value, &when) < 0)
			return omni_usage_error(usage_line, "snooze: '%s' is not a time "
			                        "(RFC 3339, or 30m, 4h, 2d, 1w from now)", value);
		omni_time_format(when, until);
		value = until;
	}
	if (strcmp(verb, "note") == 0 && !*value)
		return omni_usage_error(usage_line, "an empty note");
	if (strcmp(verb, "split") == 0)
		return split(r, t, value, err);
	if (strcmp(verb, "merge") == 0)
		return merge(r, t, value, err);
	return record(r, &t->rec, t->id, verb, value, verbs[i].status, err);
}

static void
author(struct run *r)
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
parse_options(struct run *r, int argc, char **argv)
{
	int c, rc;

	while ((c = omni_cli_getopt(&cli, argc, argv)) != -1) {
		switch (c) {
		case 'f': r->tickets = optarg; break;
		case 'c': r->config_path = optarg; break;
		case 'd': r->db_path = optarg; break;
		case 's': r->solve = 1; break;
		case 'k': r->keep_going = 1; break;
		case 'r': r->reject_path = optarg; break;
		case OPT_QUEUE: r->filter.queue = optarg; break;
		case OPT_ASSIGNEE: r->filter.assignee = optarg; break;
		case OPT_CHANNEL: r->filter.channel = optarg; break;
		case OPT_STORE: r->filter.store = optarg; break;
		case OPT_PRIORITY: r->filter.priority = optarg; break;
		case OPT_TAG: r->filter.tag = optarg; break;
		case OMNI_CLI_NOW: r->now_arg = optarg; /* fall through */
		default:
			if ((rc = omni_cli_option(c, &cli)))
				return rc;
		}
	}
	if (r->reject_path && !r->keep_going)
		return omni_usage_error(usage_line, "--reject needs --keep-going");
	return 0;
}

int
main(int argc, char **argv)
{
	struct run r = { 0 };
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
	if (r.reject_path && !(r.reject = omni_reject_open(r.reject_path, 1, &err)))
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
