/* omni-fetch - ingest: new messages from each source as NDJSON tickets. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "core/core.h"
#include "cli/cli.h"
#include "record/record.h"
#include "record/bridge.h"
#include "store/store.h"
#include "net/net.h"
#include "fetch/fetch.h"

#define WEBHOOK_KINDS "shopify, meta, tiktok, woocommerce, bigcommerce"

static const char usage_line[] =
	"usage: omni-fetch [-aoqvk] [-c file] [-d file] [-s store] [-r file] [-j n] "
	"[--channel name] [--now time] [--proactive] [--output file] [--webhook kind] "
	"[-H header] [source ...]";

enum { OPT_CHANNEL = OMNI_CLI_OWN, OPT_WEBHOOK, OPT_PROACTIVE, OPT_OUTPUT };

static const omni_cli_opt options[] = {
	{ "all", 'a', NULL, "read everything again" },
	{ "orders", 'o', NULL, "put orders, fulfilments and refunds into the store" },
	{ "config", 'c', "FILE", "configuration file" },
	{ "db", 'd', "FILE", "the store" },
	{ "store", 's', "NAME", "store name for ad hoc sources" },
	{ "channel", OPT_CHANNEL, "NAME", "channel for ad hoc sources" },
	OMNI_CLI_OPTS_INPUT,
	{ "jobs", 'j', "N", "sources fetched at once (default 4)" },
	{ "proactive", OPT_PROACTIVE, NULL,
	  "tickets for shipment exceptions and late deliveries" },
	{ "output", OPT_OUTPUT, "FILE", "append the tickets to FILE, locked, not stdout" },
	{ "webhook", OPT_WEBHOOK, "KIND", "verify and read deliveries (" WEBHOOK_KINDS ")" },
	{ "header", 'H', "LINE", "a delivery's header (\"Name: value\")" },
	OMNI_CLI_OPTS_END,
};

static const omni_cli cli = {
	.usage = usage_line,
	.about =
	"Reads the sources named (configured names, or maildir:PATH, mbox:PATH, file:PATH,\n"
	"import:PATH, imap://, imaps://, and shopify:, amazon:, ebay:, meta:, bigcommerce:,\n"
	"woocommerce:, walmart:, tiktok:, aftership: followed by the API's base URL) and\n"
	"writes new tickets as NDJSON on stdout.\n"
	"With --webhook, each file (or stdin) is one signed delivery.\n",
	.opts = options,
};

/* The run: options, and what the callbacks need. */
struct run {
	const char *config_path, *db_path, *store_name, *channel, *reject_path;
	const char *webhook;    /* --webhook KIND */
	const char *output;     /* --output FILE */
	int output_fd;
	char *headers;          /* -H lines, each ending in \n */
	int all, orders, keep_going, proactive, jobs;
	omni_config *config;
	omni_store *store;
	omni_out *out;
	omni_job *job;          /* in a child of --jobs: its pipe to the parent */
	omni_proactive *scan;   /* --proactive: the fulfilments that changed */
	const char **names;     /* the sources of this run */
	size_t nnames;
	FILE *reject;
	json_t *pending;        /* seen keys of what this source wrote */
	int handoff;            /* the output is a pipe into the next stage */
	json_t *handed;         /* [id, line] of what it wrote, for the store */
	long tickets, rejected;
	long set_aside;         /* unreadable mail put in the quarantine */
	int stopped;            /* the output failed: stop, record nothing */
	int partial;            /* a source of --jobs set records aside */
	omni_error store_failed;   /* a child's commit between pages failed */
	int failed;             /* the status of the first source that failed */
	int reject_failed;
	omni_progress progress;  /* tickets written, on a terminal */
};

static int
emit(omni_fetch *f, json_t *ticket, json_t *seen_keys)
{
	struct run *r = f->arg;
	size_t i;
	json_t *k;
	omni_error err = { 0 };
	int rc;

	/* Orders written so far are committed first: the lock is never held
	 * while the output may block on a reader that waits for the lock. */
	if (omni_store_held(r->store) && omni_store_commit(r->store, &err) < 0) {
		r->store_failed = err;
		json_decref(ticket);
		return -1;
	}
	if (r->handoff) {
		size_t len;
		char *line = omni_json_text(ticket, &len);
		json_t *id = json_object_get(ticket, "id");
		rc = line && omni_out_write(r->out, line, len) == 0 &&
		     omni_out_write(r->out, "\n", 1) == 0 ? 0 : -1;
		if (rc == 0 && json_is_string(id))
			json_array_append_new(r->handed, json_pack("[O, s]", id, line));
		free(line);
	} else {
		rc = omni_out_json(r->out, ticket);
	}
	json_decref(ticket);
	if (rc < 0) {
		r->stopped = 1;
		return -1;
	}
	r->tickets++;
	omni_progress_add(&r->progress, 1);
	json_array_foreach(seen_keys, i, k)
		json_array_append(r->pending, k);
	return 0;
}

/* A ticket already written as a line (the lazy path of Meta deliveries). */
static int
emit_line(omni_fetch *f, const char *line, size_t len, const char *seen_key)
{
	struct run *r = f->arg;
	omni_error err = { 0 };

	if (omni_store_held(r->store) && omni_store_commit(r->store, &err) < 0) {
		r->store_failed = err;
		return -1;
	}
	if (omni_out_write(r->out, line, len) < 0 || omni_out_write(r->out, "\n", 1) < 0) {
		r->stopped = 1;
		return -1;
	}
	r->tickets++;
	omni_progress_add(&r->progress, 1);
	json_array_append_new(r->pending, json_string(seen_key));
	if (r->handoff) {
		/* the lazy path: its id read without decoding the whole line */
		omni_record rec;
		char *id = NULL;
		omni_record_init(&rec);
		if (omni_record_parse(&rec, line, len, NULL) == 0 &&
		    (id = omni_json_string(omni_record_get(&rec, "id"), NULL)))
			json_array_append_new(r->handed, json_pack("[s, s%]", id, line, len));
		free(id);
		omni_record_free(&rec);
	}
	return 0;
}

/* One whole line in one write: children of --jobs share the reject file. */
static int
reject_write(FILE *fp, const char *raw, size_t len)
{
	int nl = !len || raw[len - 1] != '\n';
	char *line = malloc(len + 1);
	int rc;

	if (!line)
		return -1;
	memcpy(line, raw, len);
	line[len] = '\n';
	rc = fwrite(line, 1, len + nl, fp) == len + nl && fflush(fp) == 0 ? 0 : -1;
	free(line);
	return rc;
}

static int
reject(omni_fetch *f, const char *raw, size_t len, const omni_error *why,
       const char *seen_key)
{
	struct run *r = f->arg;

	omni_report(why);
	r->rejected++;
	if (!r->reject)
		return 0;     /* counted only; left unmarked, so it comes back */
	if (reject_write(r->reject, raw, len) < 0) {
		omni_error e;
		omni_error_set(&e, OMNI_EX_IOERR, r->reject_path, 0, 0, "cannot write: %s",
		               strerror(errno));
		omni_report(&e);
		r->reject_failed = r->stopped = 1;
		return -1;
	}
	if (seen_key)     /* kept in the reject file: do not read it again */
		json_array_append_new(r->pending, json_string(seen_key));
	return 0;
}

/* What a source read only in part: a warning (-q silences it). */
static void
warn(omni_fetch *f, const omni_error *why)
{
	char buf[1200];

	(void)f;
	omni_error_format(why, buf, sizeof buf);
	omni_warn("%s", buf);
}

/* A mail set aside in the quarantine: said, counted (exit 1) and marked
 * read, so that it never stops the mail after it. */
static int
set_aside(omni_fetch *f, const omni_error *why, const char *seen_key)
{
	struct run *r = f->arg;

	omni_report(why);
	r->set_aside++;
	if (seen_key)
		json_array_append_new(r->pending, json_string(seen_key));
	return 0;
}

/* The output is out of the program: flushed, or in a child of --jobs,
 * written by the parent.  0, or -1 when it failed. */
static int
deliver(struct run *r)
{
	return r->job ? omni_job_sync(r->job) : omni_out_flush(r->out);
}

/* Records what was written, and the cursor that resumes after it, once it
 * has really left the program.  The store's lock is held only to write:
 * orders are committed before the output is delivered, and the marks and
 * the cursor after, so that no source holds the lock while it waits for a
 * reader of its output or for the network. */
static int
commit_seen(struct run *r, const omni_fetch *f, const char *cursor, omni_error *err)
{
	size_t i;
	json_t *k;

	if (omni_store_held(r->store) && omni_store_commit(r->store, err) < 0)
		return -1;
	if (deliver(r) < 0) {
		r->stopped = 1;
		json_array_clear(r->pending);
		json_array_clear(r->handed);
		return 0;
	}
	if (r->store_failed.status) {
		*err = r->store_failed;
		goto fail;
	}
	if (omni_store_begin(r->store, err) < 0)
		return -1;
	if (cursor && omni_store_cursor_set(r->store, f->cursor_key, cursor, err) < 0)
		goto fail;
	/* what went into the pipe, until omni-link has linked it */
	json_array_foreach(r->handed, i, k) {
		const char *line = json_string_value(json_array_get(k, 1));
		if (omni_handoff_put(r->store, "fetch", json_string_value(json_array_get(k, 0)),
		                     line, strlen(line), err) < 0)
			goto fail;
	}
	json_array_clear(r->handed);
	json_array_foreach(r->pending, i, k) {
		const char *key = json_string_value(k);
		/* proactive events are once per store, whichever source saw them */
		if (omni_store_mark_seen(r->store, strncmp(key, "proactive:", 10) == 0 ?
		                         "proactive" : f->cursor_key, key, err) < 0)
			goto fail;
	}
	json_array_clear(r->pending);
	if (omni_store_commit(r->store, err) < 0)
		return -1;
	if (r->job)
		omni_job_committed(r->job);
	return 0;
fail:
	omni_store_rollback(r->store);
	return -1;
}

/* A remote source finished a page: its tickets out, then its cursor. */
static int
checkpoint(omni_fetch *f, const char *cursor, omni_error *err)
{
	struct run *r = f->arg;

	if ((r->scan && omni_proactive_scan(r->scan, f, 0, err) < 0) ||
	    commit_seen(r, f, cursor, err) < 0)
		return -1;
	if (r->stopped)
		return omni_error_set(err, OMNI_EX_IOERR, "stdout", 0, 0, "output stopped"), -1;
	return 0;
}

/* The HTTP trace marks the network waits: a request going out commits
 * what the last answer stored (orders are upserts: a page stored twice is
 * the same page).  The lock is taken again at the next write, so a page's
 * writes share one transaction, and no source holds the lock while it
 * waits for a server, which another program or source would wait on. */
static void
http_trace(void *arg, const char *line)
{
	struct run *r = arg;
	omni_error err = { 0 };

	if (omni_verbosity >= 2)
		omni_verbose("%s", line);
	if (line[0] == '>' && omni_store_held(r->store) && omni_store_commit(r->store, &err) < 0)
		r->store_failed = err;
}

/* The callbacks and options every source and delivery shares. */
static void
prepare(struct run *r, omni_fetch *f)
{
	memset(f, 0, sizeof *f);
	f->store = r->store;
	f->config = r->config;
	f->all = r->all;
	f->orders = r->orders;
	f->keep_going = r->keep_going;
	f->emit = emit;
	f->emit_line = emit_line;
	f->reject = reject;
	f->warn = warn;
	f->set_aside = set_aside;
	f->arg = r;
}

/* arg is neither a configured source nor a URI: the configured name it
 * is nearest to, if any, else the schemes. */
static int
no_source(struct run *r, const char *arg, omni_error *err)
{
	const char **names = calloc(r->config->nsections + 1, sizeof *names);
	const char *near;
	size_t n = 0;

	if (!names)
		return omni_error_oom(err), -1;
	for (size_t i = 0; i < r->config->nsections; i++)
		if (!strcmp(r->config->sections[i].type, "source"))
			names[n++] = r->config->sections[i].name;
	if ((near = omni_nearest(arg, names)))
		omni_error_set(err, OMNI_EX_USAGE, arg, 0, 0,
		               "no such source; did you mean '%s'?", near);
	else
		omni_error_set(err, OMNI_EX_USAGE, arg, 0, 0,
		               "no such source: not configured, and not %s", omni_fetch_kinds());
	free(names);
	return -1;
}

/* Fills f for a configured source name or an ad hoc URI. */
static int
describe(struct run *r, const char *arg, omni_fetch *f, char *name, size_t size,
         omni_error *err)
{
	const omni_conf_section *s = omni_config_find(r->config, "source", arg);

	prepare(r, f);
	f->checkpoint = checkpoint;
	f->trace = http_trace;
	if (s) {
		f->name = f->cursor_key = s->name;
		f->uri = omni_conf_get(s, "uri");
		f->channel = omni_conf_get(s, "channel");
		f->store_name = omni_conf_get(s, "store");
		f->conf = s;
		return 0;
	}
	if (!omni_fetch_is_uri(arg))
		return no_source(r, arg, err);
	/* Ad hoc: ids are scoped by the scheme, seen marks by the whole URI. */
	snprintf(name, size, "%.*s", (int)strcspn(arg, ":"), arg);
	f->name = name;
	f->cursor_key = f->uri = arg;
	f->channel = r->channel;
	f->store_name = r->store_name;
	return 0;
}

static int
fetch_one(struct run *r, const char *arg, omni_error *err)
{
	omni_fetch f;
	char name[64];
	long before = r->tickets;

	if (describe(r, arg, &f, name, sizeof name, err) < 0)
		return -1;
	if (omni_fetch_source(&f, err) < 0) {
		/* What was written before the failure stays written. */
		if (!r->stopped) {
			omni_error keep = *err;
			if (commit_seen(r, &f, NULL, err) == 0)
				*err = keep;
		} else {
			omni_store_rollback(r->store);
		}
		return -1;
	}
	if ((r->scan && omni_proactive_scan(r->scan, &f, 0, err) < 0) ||
	    commit_seen(r, &f, NULL, err) < 0)
		return -1;
	omni_verbose("%s: %ld tickets, %ld orders", f.name, r->tickets - before,
	             f.orders_written);
	if (f.skipped_orders)
		omni_warn("%s: %ld orders skipped; --orders puts them into the store",
		          f.name, f.skipped_orders);
	return 0;
}

/* --proactive: the events of every fulfilment in the store at the clock
 * (an estimate passes with no new data). */
static int
proactive_all(struct run *r, omni_error *err)
{
	omni_fetch f;

	prepare(r, &f);
	f.name = f.cursor_key = "proactive";
	if (omni_proactive_scan(r->scan, &f, 1, err) < 0) {
		omni_store_rollback(r->store);
		return -1;
	}
	return commit_seen(r, &f, NULL, err);
}

/* The whole of a file, or of stdin for "-": new, or NULL with err. */
static char *
slurp(const char *path, size_t *len, omni_error *err)
{
	FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	char *buf = NULL, *g;
	size_t cap = 0, n;

	*len = 0;
	if (!fp) {
		omni_error_set(err, OMNI_EX_NOINPUT, path, 0, 0, "%s", strerror(errno));
		return NULL;
	}
	do {
		if (*len + 65536 + 1 > cap && !(g = realloc(buf, cap = cap * 2 + 65536 + 1))) {
			omni_error_oom_at(err, path, 0);
			goto fail;
		} else if (g) {
			buf = g;
		}
		g = NULL;
		n = fread(buf + *len, 1, cap - *len - 1, fp);
		*len += n;
	} while (n > 0);
	if (ferror(fp)) {
		omni_error_set(err, OMNI_EX_IOERR, path, 0, 0, "%s", strerror(errno));
		goto fail;
	}
	buf[*len] = 0;
	if (fp != stdin)
		fclose(fp);
	return buf;
fail:
	free(buf);
	if (fp != stdin)
		fclose(fp);
	return NULL;
}

/* One delivery of --webhook KIND (raw borrowed; where names it in
 * messages): verified, read, marked. */
static int
webhook_read(struct run *r, const char *where, const char *raw, size_t len,
             omni_error *err)
{
	omni_fetch f;
	char key[64], *event = NULL;
	int rc;

	prepare(r, &f);
	snprintf(key, sizeof key, "webhook:%s", r->webhook);
	f.name = r->webhook;
	f.cursor_key = key;
	f.uri = where;
	f.channel = r->channel;
	f.store_name = r->store_name;
	rc = omni_webhook_read(&f, r->webhook, r->headers, raw, len, &event, err);
	if (rc < 0) {
		omni_store_rollback(r->store);
		omni_error_locate(err, where, 0);
		goto out;
	}
	if (rc == 1)
		omni_verbose("%s: a repeated delivery (%s): skipped", where, event);
	else if (event)
		json_array_append_new(r->pending, json_string(event));
	rc = (r->scan && omni_proactive_scan(r->scan, &f, 0, err) < 0) ? -1 :
	     commit_seen(r, &f, NULL, err);
	if (rc < 0)
		omni_store_rollback(r->store);
	if (f.skipped_orders)
		omni_warn("%s: %ld orders skipped; --orders puts them into the store",
		          f.name, f.skipped_orders);
out:
	free(event);
	return rc;
}

static int
webhook_one(struct run *r, const char *path, omni_error *err)
{
	size_t len;
	char *raw = slurp(path, &len, err);
	int rc;

	if (!raw)
		return -1;
	rc = webhook_read(r, strcmp(path, "-") ? path : "stdin", raw, len, err);
	free(raw);
	return rc;
}

/* The CGI response: a status line for the web server (http, else the one
 * an exit status maps to), an Allow line for 405, and a short body. */
static void
respond(int http, int status, const char *allow, const char *body)
{
	static const struct { int ex, http; } map[] = {
		{ OMNI_EX_OK, 200 }, { OMNI_EX_NOPERM, 403 }, { OMNI_EX_DATAERR, 400 },
		{ OMNI_EX_USAGE, 400 }, { OMNI_EX_TEMPFAIL, 503 },
	};
	static const struct { int http; const char *text; } texts[] = {
		{ 200, "OK" }, { 400, "Bad Request" }, { 403, "Forbidden" },
		{ 405, "Method Not Allowed" }, { 411, "Length Required" },
		{ 413, "Content Too Large" }, { 503, "Service Unavailable" },
	};
	const char *text = "Internal Server Error";

	for (size_t i = 0; !http && i < sizeof map / sizeof map[0]; i++)
		if (map[i].ex == status)
			http = map[i].http;
	if (!http)
		http = 500;
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
		if (texts[i].http == http)
			text = texts[i].text;
	printf("Status: %d %s\r\n", http, text);
	if (http == 405)
		printf("Allow: %s\r\n", allow);
	printf("Content-Type: text/plain; charset=utf-8\r\n\r\n%s\n", body ? body : text);
	fflush(stdout);
}

static int open_run(struct run *r, omni_error *err);

/* --webhook behind a web server: the verification challenge (GET), or one
 * delivery (POST) whose tickets go to --output, the response on stdout.
 * The method, the length, the body and its signature are checked before
 * the store and --output are opened: a refused request creates nothing. */
static int
cgi(struct run *r, omni_error *err)
{
	char *body = NULL, *own = NULL, *all = NULL;
	size_t len = 0;
	int rc = -1, http = 0, what;

	if ((what = omni_cgi_method(r->webhook, getenv("REQUEST_METHOD"), &http, err)) < 0)
		goto out;
	if (what == 2) {
		if (omni_cgi_challenge(r->webhook, getenv("QUERY_STRING"), &body, err) == 0) {
			respond(200, 0, NULL, body);
			rc = 0;
		}
		goto out;
	}
	if (!r->output) {
		omni_error_set(err, OMNI_EX_CONFIG, NULL, 0, 0, "as a CGI program, "
		               "--output FILE says where the tickets go");
		goto out;
	}
	if (!(own = omni_cgi_headers()) ||
	    asprintf(&all, "%s%s", r->headers ? r->headers : "", own) < 0) {
		all = NULL;
		omni_error_oom(err);
		goto out;
	}
	free(r->headers);
	r->headers = all;
	if (omni_cgi_body(getenv("CONTENT_LENGTH"), stdin, omni_cgi_limit(), &body, &len,
	                  &http, err) < 0 ||
	    omni_webhook_check(r->webhook, r->headers, body, len, err) < 0 ||
	    open_run(r, err) < 0 || webhook_read(r, "request", body, len, err) < 0)
		goto out;
	respond(200, 0, NULL, "ok");
	rc = 0;
out:
	if (rc < 0)
		respond(http, err->status,
		        strcmp(r->webhook, "meta") == 0 ? "POST, GET" : "POST", NULL);
	free(body);
	free(own);
	return rc;
}

static int
add_header(struct run *r, const char *line)
{
	size_t n = r->headers ? strlen(r->headers) : 0;
	char *h = realloc(r->headers, n + strlen(line) + 2);

	if (!h)
		return -1;
	sprintf(h + n, "%s\n", line);
	r->headers = h;
	return 0;
}

/* One failing source does not stop the others: it is reported, and the
 * exit status is the first failure's. */
static void
source_done(struct run *r, int rc, omni_error *err)
{
	if (rc == 0)
		return;
	if (!r->stopped)
		omni_report(err);
	if (!r->failed)
		r->failed = err->status ? err->status : OMNI_EX_SOFTWARE;
	memset(err, 0, sizeof *err);
}

/* A child of --jobs: one source, with its own store connection, its
 * tickets into the pipe to the parent.  Its exit status is the source's. */
static int
job_main(void *arg, size_t i, omni_job *job)
{
	struct run *r = arg;
	omni_error err = { 0 };
	int status;

	r->job = job;
	r->out = omni_job_out(job);
	r->scan = NULL;
	if (omni_store_open(r->db_path, &r->store, &err) < 0 ||
	    (r->proactive && !(r->scan = omni_proactive_new(r->store)))) {
		omni_report(&err);
		return err.status ? err.status : OMNI_EX_SOFTWARE;
	}
	source_done(r, fetch_one(r, r->names[i], &err), &err);
	if (r->rejected && !r->reject)
		omni_warn("%s: %ld malformed records skipped (--reject FILE keeps them)",
		          r->names[i], r->rejected);
	status = r->reject_failed ? OMNI_EX_IOERR : r->stopped ? OMNI_EX_OK :
	         r->failed ? r->failed : r->rejected || r->set_aside ? OMNI_EX_PARTIAL :
	         OMNI_EX_OK;
	omni_proactive_free(r->scan);
	omni_store_close(r->store);
	return status;
}

/* Several sources: side by side in children (lib/fetch/fetch_jobs.c), each
 * with its own store connection, which the parent gives up meanwhile. */
static int
fetch_jobs(struct run *r, omni_error *err)
{
	int *status = malloc(r->nnames * sizeof *status);
	int rc;

	if (!status)
		return omni_error_oom(err), -1;
	for (size_t i = 0; i < r->nnames; i++)
		status[i] = -1;
	omni_proactive_free(r->scan);
	r->scan = NULL;
	omni_store_close(r->store);
	r->store = NULL;
	rc = omni_jobs_run(r->nnames, r->jobs, r->out, job_main, r, status, &r->stopped, err);
	for (size_t i = 0; i < r->nnames; i++) {
		if (status[i] == OMNI_EX_PARTIAL)
			r->partial = 1;
		else if (status[i] >= 128)
			omni_warn("%s: killed by signal %d", r->names[i], status[i] - 128);
		if (status[i] > OMNI_EX_PARTIAL && !r->failed)
			r->failed = status[i] >= 128 ? OMNI_EX_SOFTWARE : status[i];
		if (status[i] == OMNI_EX_IOERR)
			r->reject_failed = 1;
	}
	free(status);
	if (rc < 0)
		return -1;
	if (omni_store_open(r->db_path, &r->store, err) < 0 ||
	    (r->proactive && !(r->scan = omni_proactive_new(r->store))))
		return -1;
	return 0;
}

/* Is this source read from local files (maildir:, mbox:, file:)? */
static int
is_local(const struct run *r, const char *name)
{
	const omni_conf_section *s = omni_config_find(r->config, "source", name);
	const char *uri = s ? omni_conf_get(s, "uri") : name;

	return uri && (strncmp(uri, "maildir:", 8) == 0 || strncmp(uri, "mbox:", 5) == 0 ||
	               strncmp(uri, "file:", 5) == 0);
}

/* A source of orders only (no customer's words): read with --orders. */
static int
orders_only(const struct run *r, const char *name)
{
	static const char *const kinds[] = {
		"amazon:", "bigcommerce:", "woocommerce:", "walmart:", "shopify:",
		"aftership:",
	};
	const omni_conf_section *s = omni_config_find(r->config, "source", name);
	const char *uri = s ? omni_conf_get(s, "uri") : name;

	for (size_t i = 0; uri && i < sizeof kinds / sizeof kinds[0]; i++)
		if (strncmp(uri, kinds[i], strlen(kinds[i])) == 0)
			return 1;
	return 0;
}

/* The sources of this run: those named, else every configured one (but
 * the sources of orders only, without --orders: their orders would be
 * skipped and their place moved on). */
static int
fetch_all(struct run *r, int argc, char **argv, omni_error *err)
{
	int rc;

	if (!(r->names = calloc((size_t)argc + r->config->nsections + 1, sizeof *r->names)))
		return omni_error_oom(err), -1;
	for (int i = optind; i < argc; i++)
		r->names[r->nnames++] = argv[i];
	for (size_t i = 0; optind == argc && i < r->config->nsections; i++)
		if (strcmp(r->config->sections[i].type, "source") == 0 &&
		    (r->orders || !orders_only(r, r->config->sections[i].name)))
			r->names[r->nnames++] = r->config->sections[i].name;
	/* The network sources first, side by side (they spend their time
	 * waiting for servers); then the local ones, one after another. */
	size_t nnet = 0;
	for (size_t i = 0; i < r->nnames; i++)
		if (!is_local(r, r->names[i])) {
			const char *t = r->names[i];
			memmove(r->names + nnet + 1, r->names + nnet, (i - nnet) * sizeof *r->names);
			r->names[nnet++] = t;
		}
	if (nnet > 1 && r->jobs > 1) {
		size_t all = r->nnames;
		r->nnames = nnet;
		rc = fetch_jobs(r, err);
		r->nnames = all;
		if (rc < 0)
			return -1;
	}
	for (size_t i = nnet > 1 && r->jobs > 1 ? nnet : 0; i < r->nnames && !r->stopped; i++)
		source_done(r, fetch_one(r, r->names[i], err), err);
	if (r->scan && !r->stopped)
		source_done(r, proactive_all(r, err), err);
	return 0;
}

/* --output FILE: appended to under a lock, so that runs (a web server's
 * CGI requests) never mix their lines. */
static int
open_output(struct run *r, omni_error *err)
{
	int fd = open(r->output, O_WRONLY | O_CREAT | O_APPEND, 0600);

	if (fd < 0 || flock(fd, LOCK_EX) < 0) {
		if (fd >= 0)
			close(fd);
		return omni_error_set(err, OMNI_EX_CANTCREAT, r->output, 0, 0, "%s",
		                      strerror(errno)), -1;
	}
	r->out = omni_out_new(fd);
	r->output_fd = fd;
	omni_out_set_name(r->out, r->output);
	return 0;
}

/* The store, the output and the --proactive scan.  0, or -1 with err. */
static int
open_run(struct run *r, omni_error *err)
{
	if (omni_store_open(r->db_path, &r->store, err) < 0 ||
	    (r->output && open_output(r, err) < 0))
		return -1;
	if (!r->out)
		r->out = omni_out_new(STDOUT_FILENO);
	r->handoff = !omni_out_end(r->out);
	if (r->proactive && !(r->scan = omni_proactive_new(r->store)))
		return omni_error_oom(err), -1;
	return 0;
}

/* Is name outside the closed list of channels?  Then why says so, with
 * the nearest name or the list. */
static int
channel_unknown(const char *name, char *why, size_t size)
{
	const char *near;

	for (size_t i = 0; omni_fetch_channels[i]; i++)
		if (strcmp(omni_fetch_channels[i], name) == 0)
			return 0;
	if ((near = omni_nearest(name, omni_fetch_channels)))
		snprintf(why, size, "unknown channel '%s'; did you mean '%s'?", name, near);
	else
		snprintf(why, size, "unknown channel '%s' (%s)", name, omni_fetch_channel_list());
	return 1;
}

/* Every configured source's channel is one of the list. */
static int
check_channels(const omni_config *c, omni_error *err)
{
	char why[256];

	for (size_t i = 0; c && i < c->nsections; i++) {
		const omni_conf_section *s = &c->sections[i];
		if (strcmp(s->type, "source"))
			continue;
		for (size_t j = 0; j < s->nentries; j++)
			if (!strcmp(s->entries[j].key, "channel") &&
			    channel_unknown(s->entries[j].value, why, sizeof why))
				return omni_error_set(err, OMNI_EX_CONFIG, c->path, s->entries[j].line,
				                      1, "%s", why), -1;
	}
	return 0;
}

static int
parse_options(struct run *r, int argc, char **argv, omni_error *err)
{
	int c;
	char *end, why[256];

	r->jobs = 4;
	while ((c = omni_cli_getopt(&cli, argc, argv)) != -1) {
		switch (c) {
		case 'a': r->all = 1; break;
		case 'o': r->orders = 1; break;
		case 'c': r->config_path = optarg; break;
		case 'd': r->db_path = optarg; break;
		case 's': r->store_name = optarg; break;
		case OPT_CHANNEL: r->channel = optarg; break;
		case 'k': r->keep_going = 1; break;
		case 'r': r->reject_path = optarg; break;
		case OPT_WEBHOOK: r->webhook = optarg; break;
		case OPT_PROACTIVE: r->proactive = 1; break;
		case OPT_OUTPUT: r->output = optarg; break;
		case 'j':
			r->jobs = (int)strtol(optarg, &end, 10);
			if (*end || end == optarg || r->jobs < 1 || r->jobs > 64)
				return omni_usage_error(usage_line, "--jobs wants a number from 1 to 64");
			break;
		case 'H':
			if (!strchr(optarg, ':'))
				return omni_usage_error(usage_line, "--header wants \"Name: value\"");
			if (add_header(r, optarg) < 0)
				return OMNI_EX_SOFTWARE;
			break;
		default: {
			int st = omni_cli_option(c, &cli);
			if (st)
				return st;
			break;
		}
		}
	}
	if (r->reject_path && !r->keep_going)
		return omni_usage_error(usage_line, "--reject needs --keep-going");
	if (r->headers && !r->webhook)
		return omni_usage_error(usage_line, "--header needs --webhook");
	if (r->channel && channel_unknown(r->channel, why, sizeof why))
		return omni_usage_error(usage_line, "--channel: %s", why);
	if (r->webhook && !omni_webhook_known(r->webhook))
		return omni_usage_error(usage_line, "unknown webhook kind '%s' (%s)", r->webhook,
		                        WEBHOOK_KINDS);
	return 0;
}

int
main(int argc, char **argv)
{
	struct run r = { 0 };
	omni_error err = { 0 };
	int status = 0, rc, cgi_run;

	omni_diag_init(argv[0]);
	omni_http_init();
	if ((rc = parse_options(&r, argc, argv, &err))) {
		free(r.headers);
		return rc;
	}
	cgi_run = r.webhook && optind == argc && omni_cgi_active();
	static const char *const uri[] = { "uri", NULL };
	if (omni_config_load(r.config_path, &r.config, &err) < 0 ||
	    omni_config_check(r.config, "source", omni_fetch_source_keys, uri, &err) < 0 ||
	    omni_config_check(r.config, "store", omni_config_store_keys, NULL, &err) < 0 ||
	    check_channels(r.config, &err) < 0)
		goto fail;
	if (r.reject_path && !(r.reject = omni_reject_open(r.reject_path, 1, &err))) {
		goto fail;
	}
	if (r.reject)     /* one write a record: children of --jobs share it */
		setvbuf(r.reject, NULL, _IONBF, 0);
	if (optind == argc && !r.config->nsections && !r.webhook && !r.proactive) {
		omni_usage_error(usage_line, "no sources: name some, or configure them in %s",
		                 "omni.conf (see omni-config(5))");
		status = OMNI_EX_USAGE;
		goto out;
	}
	r.pending = json_array();
	r.handed = json_array();
	omni_progress_start(&r.progress, "tickets");
	if (!cgi_run && open_run(&r, &err) < 0)
		goto fail;
	if (cgi_run) {
		if (cgi(&r, &err) < 0)
			goto fail;
	} else if (r.webhook) {
		for (int i = optind; i < argc || i == optind; i++)
			if (r.stopped || webhook_one(&r, i < argc ? argv[i] : "-", &err) < 0)
				break;
		if (err.status)
			goto fail;
	} else if (omni_store_lock(r.store, "omni-fetch", &err) < 0 ||
	           fetch_all(&r, argc, argv, &err) < 0) {
		/* the lock is the process's until it ends */
		goto fail;
	}
	if (r.rejected && !r.reject)
		omni_warn("%ld malformed records skipped (--reject FILE keeps them)", r.rejected);
	/* what went into a pipe no omni-link ever read: kept two weeks */
	if (r.handoff && omni_handoff_prune(r.store, "fetch",
	                                    omni_clock_now() - 14 * 86400 * 1000LL, &err) < 0)
		goto fail;
	status = r.failed ? r.failed : r.rejected || r.set_aside || r.partial ?
	         OMNI_EX_PARTIAL : OMNI_EX_OK;
	goto out;
fail:
	if (!r.stopped)
		omni_report(&err);
	status = err.status ? err.status : OMNI_EX_SOFTWARE;
out:
	omni_progress_end(&r.progress);
	if (r.out && omni_out_close(r.out, &err) != 0) {
		omni_report(&err);
		status = OMNI_EX_IOERR;
	} else if (r.reject_failed) {
		status = OMNI_EX_IOERR;
	} else if (r.stopped) {
		status = OMNI_EX_OK;   /* the reader went away: a quiet end */
	}
	if (r.output_fd > 0)
		close(r.output_fd);
	if (r.reject && fclose(r.reject) == EOF && !status)
		status = OMNI_EX_IOERR;
	json_decref(r.pending);
	json_decref(r.handed);
	free(r.headers);
	free(r.names);
	omni_proactive_free(r.scan);
	omni_store_close(r.store);
	omni_config_free(r.config);
	omni_http_cleanup();
	return status;
}
