/* omni-link - one customer, one timeline: tickets joined by who and what. */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/core.h"
#include "cli/cli.h"
#include "record/record.h"
#include "store/store.h"
#include "link/link.h"

static const char usage_line[] =
	"usage: omni-link [-eqvk] [-c file] [-d file] [-r file] [-w time] "
	"[-b n] [--dm-window time] [--history n] [--messages n] [-u id] [--now time] "
	"[--find key] [--export key] [--text] [--erase key] [--by name] "
	"[--redact key] [file ...]\n"
	"       omni-link [-qv] [-c file] [-d file] --copy-to store";

enum { OPT_DM_WINDOW = OMNI_CLI_OWN, OPT_HISTORY, OPT_MESSAGES, OPT_SOLVE_AFTER, OPT_CLOSE_AFTER,
       OPT_FIND, OPT_EXPORT, OPT_TEXT, OPT_ERASE, OPT_BY, OPT_REDACT, OPT_COPY_TO };

static const omni_cli_opt options[] = {
	{ "window", 'w', "TIME", "an open ticket takes new messages this long (72h)" },
	{ "dm-window", OPT_DM_WINDOW, "TIME",
	  "a direct-message thread goes on this long (24h)" },
	{ "history", OPT_HISTORY, "N", "at most N earlier tickets (10)" },
	{ "messages", OPT_MESSAGES, "N",
	  "a ticket shows its latest N messages, the rest counted (50; 0: all)" },
	{ "solve-after", OPT_SOLVE_AFTER, "TIME",
	  "a pending ticket this quiet is solved (4d; 0: never)" },
	{ "close-after", OPT_CLOSE_AFTER, "TIME",
	  "a ticket solved this long is closed (7d; 0: never)" },
	{ "batch", 'b', "N", "records per transaction, at most (20000)" },
	{ "explain", 'e', NULL, "say on stderr which keys linked each ticket" },
	{ "unmerge", 'u', "ID", "split the record ID out of its ticket, for good" },
	{ "find", OPT_FIND, "KEY", "list what the store holds of the customers KEY names" },
	{ "export", OPT_EXPORT, "KEY", "write all the store holds of one customer, as JSON" },
	{ "text", OPT_TEXT, NULL, "--export as readable text" },
	{ "erase", OPT_ERASE, "KEY", "erase one customer: keys, names, texts; counts stay" },
	{ "by", OPT_BY, "NAME", "who --erase is for the record ($LOGNAME)" },
	{ "redact", OPT_REDACT, "KEY", "copy the files leaving out KEY's records (repeatable)" },
	{ "copy-to", OPT_COPY_TO, "STORE",
	  "copy the whole store into STORE, a new one (path or postgresql://)" },
	{ "config", 'c', "FILE", "configuration file" },
	{ "db", 'd', "FILE", "the store" },
	OMNI_CLI_OPTS_INPUT,
	OMNI_CLI_OPTS_END,
};

static const omni_cli cli = {
	.usage = usage_line,
	.about =
	"Reads tickets (from omni-fetch) and writes, for each, the conversation it\n"
	"joined as it now stands: one customer, her messages on every channel in\n"
	"time order, the orders they name and her earlier tickets.  Her rating in\n"
	"answer to a satisfaction request sets the ticket's csat and reopens nothing.\n",
	.opts = options,
};

#define MAX_REDACT 64

struct run {
	const char *config_path, *db_path, *reject_path, *unmerge;
	const char *find, *export, *erase, *by, *copy_to;
	const char *redact[MAX_REDACT];
	int nredact, text;
	int keep_going, from_stdin;
	long batch;
	omni_link_opts o;
	omni_config *config;
	omni_store *store;
	omni_link *link;
	omni_out *out;
	FILE *held;          /* a batch's tickets until its transaction commits */
	omni_out *pending;   /* writes into held */
	FILE *reject;
	long records, rejected;
	int end;             /* stdout is the end of the pipeline */
	omni_progress progress;  /* records linked, on a terminal */
};

static long
count(const char *s, long min)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	return errno || end == s || *end || v < min ? -1 : v;
}

static int
parse_options(struct run *r, int argc, char **argv, omni_error *err)
{
	int c;

	while ((c = omni_cli_getopt(&cli, argc, argv)) != -1) {
		switch (c) {
		case 'w':
			if ((r->o.window = omni_duration_parse(optarg)) < 0)
				return omni_usage_error(usage_line, "bad --window: %s", optarg);
			break;
		case OPT_DM_WINDOW:
			if ((r->o.dm_window = omni_duration_parse(optarg)) < 0)
				return omni_usage_error(usage_line, "bad --dm-window: %s", optarg);
			break;
		case OPT_SOLVE_AFTER:
			if ((r->o.solve_after = omni_duration_parse(optarg)) < 0)
				return omni_usage_error(usage_line, "bad --solve-after: %s", optarg);
			break;
		case OPT_CLOSE_AFTER:
			if ((r->o.close_after = omni_duration_parse(optarg)) < 0)
				return omni_usage_error(usage_line, "bad --close-after: %s", optarg);
			break;
		case OPT_HISTORY:
			if ((r->o.history = (int)count(optarg, 0)) < 0 || r->o.history > 1000)
				return omni_usage_error(usage_line, "bad --history: %s", optarg);
			break;
		case OPT_MESSAGES:
			if ((r->o.messages = count(optarg, 0)) < 0)
				return omni_usage_error(usage_line, "bad --messages: %s", optarg);
			break;
		case 'b':
			if ((r->batch = count(optarg, 1)) < 0)
				return omni_usage_error(usage_line, "bad --batch: %s", optarg);
			break;
		case 'e': r->o.explain = 1; break;
		case 'u': r->unmerge = optarg; break;
		case OPT_FIND: r->find = optarg; break;
		case OPT_EXPORT: r->export = optarg; break;
		case OPT_TEXT: r->text = 1; break;
		case OPT_ERASE: r->erase = optarg; break;
		case OPT_BY: r->by = optarg; break;
		case OPT_COPY_TO: r->copy_to = optarg; break;
		case OPT_REDACT:
			if (r->nredact == MAX_REDACT)
				return omni_usage_error(usage_line, "at most %d --redact", MAX_REDACT);
			r->redact[r->nredact++] = optarg;
			break;
		case 'c': r->config_path = optarg; break;
		case 'd': r->db_path = optarg; break;
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
	if (r->reject_path && !r->keep_going)
		return omni_usage_error(usage_line, "--reject needs --keep-going");
	if ((!!r->unmerge + !!r->find + !!r->export + !!r->erase + !!r->nredact +
	     !!r->copy_to) > 1)
		return omni_usage_error(usage_line, "one of --unmerge, --find, --export, "
		                        "--erase, --redact, --copy-to");
	if ((r->unmerge || r->find || r->export || r->erase || r->copy_to) && optind < argc)
		return omni_usage_error(usage_line, "--%s reads no tickets",
		                        r->unmerge ? "unmerge" : r->find ? "find" :
		                        r->export ? "export" : r->erase ? "erase" : "copy-to");
	if (r->text && !r->export)
		return omni_usage_error(usage_line, "--text goes with --export");
	if (r->by && !r->erase)
		return omni_usage_error(usage_line, "--by goes with --erase");
	return 0;
}

/* A record the linker refused under --keep-going: set aside verbatim. */
static int
set_aside(struct run *r, const omni_record *rec, omni_error *e)
{
	omni_report(e);
	r->rejected++;
	if (r->reject && (fwrite(rec->text, 1, rec->len, r->reject) != rec->len ||
	                  putc('\n', r->reject) == EOF)) {
		omni_error_set(e, OMNI_EX_IOERR, r->reject_path, 0, 0, "cannot write: %s",
		               strerror(errno));
		return -1;
	}
	return 0;
}

/* The batch's tickets, held until its transaction committed, to stdout;
 * the holding file emptied for the next batch.  0 or -1 with err. */
static int
release(struct run *r, omni_error *err)
{
	char buf[65536];
	size_t n;
	int fd = fileno(r->held);

	if (omni_out_flush(r->pending) < 0)
		return omni_error_set(err, OMNI_EX_IOERR, NULL, 0, 0,
		                      "cannot hold the output: %s", strerror(errno)), -1;
	rewind(r->held);
	while ((n = fread(buf, 1, sizeof buf, r->held)) > 0)
		if (omni_out_write(r->out, buf, n) < 0)
			break;
	if (ferror(r->held) || ftruncate(fd, 0) < 0)
		return omni_error_set(err, OMNI_EX_IOERR, NULL, 0, 0,
		                      "cannot hold the output: %s", strerror(errno)), -1;
	rewind(r->held);
	return 0;
}

/* Can the next record be read without waiting?  Only a pipe on stdin
 * can make us wait (on the program that writes it). */
static int
input_ready(const struct run *r)
{
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };

	return !r->from_stdin || poll(&p, 1, 0) != 0;
}

static int arrived(struct run *r, omni_error *err);

/* How long one transaction may hold the store, in seconds: other
 * programs wait for it (up to their busy timeout, 10 s by default). */
#define BATCH_SECONDS 2.0

/* One transaction: up to --batch records, or as many as BATCH_SECONDS
 * allow.  Fewer, longer transactions write each page of the store's
 * indexes once for many records instead of once for each few (at 200,000
 * records, 2000 a transaction took 75 s, 8000 took 53 s).  1 more to
 * come, 0 end, -1.
 * Its tickets reach stdout only once it committed: a batch rolled back
 * (an error, a crash) wrote nothing, and its records link again on a
 * rerun.  The store is locked once a record is in hand, and the batch
 * ends rather than wait for input with the lock held: the program
 * writing our input may need the store too (omni-fetch | omni-link). */
static int
link_batch(struct run *r, omni_reader *rd, omni_error *err)
{
	omni_record *rec;
	int rc = 1, locked = 0;
	double start = 0;

	for (long n = 0; n < r->batch; n++) {
		char *why = NULL;
		if (locked && (!input_ready(r) || omni_clock_monotonic() - start > BATCH_SECONDS))
			break;
		if ((rc = omni_reader_next(rd, &rec, err)) == 0)
			break;
		if (rc == 2) {
			omni_report(err);
			r->rejected++;
			rc = 1;
			continue;
		}
		if (rc < 0)
			goto fail;
		if (!locked) {
			if (omni_store_begin(r->store, err) < 0)
				return -1;
			omni_link_refresh(r->link);
			start = omni_clock_monotonic();
			locked = 1;
		}
		if (omni_link_record(r->link, rec, r->pending, &why, err) < 0) {
			if (err->status == OMNI_EX_DATAERR)
				omni_error_locate(err, omni_reader_name(rd), omni_reader_lineno(rd));
			if (!r->keep_going || err->status != OMNI_EX_DATAERR)
				goto fail;
			if (set_aside(r, rec, err) < 0)
				goto fail;
			continue;
		}
		if (why) {
			fprintf(stderr, "%s: %s\n", omni_progname(), why);
			free(why);
		}
		r->records++;
		omni_progress_add(&r->progress, 1);
	}
	if (!locked)
		return rc;
	if (omni_store_commit(r->store, err) < 0 || release(r, err) < 0)
		return -1;
	if (!omni_out_broken_pipe(r->out) && arrived(r, err) < 0)
		return -1;
	if (omni_out_flush(r->out) < 0)
		return omni_out_broken_pipe(r->out) ? 0 :
		       (omni_error_set(err, OMNI_EX_IOERR, "stdout", 0, 0, "cannot write"), -1);
	return rc;
fail:
	if (locked)
		omni_store_rollback(r->store);
	return -1;
}

/* Where the pipeline's end has what a batch wrote, the store says so;
 * else the next stage does (omni(7), "Nothing lost between stages"). */
static int
arrived(struct run *r, omni_error *err)
{
	if (!r->end)
		return 0;
	if (omni_out_sync(r->out) < 0)
		return omni_error_set(err, OMNI_EX_IOERR, "stdout", 0, 0, "cannot write"), -1;
	/* under the write lock, as every write: on PostgreSQL a delete
	 * outside it met another run's claims in the other order
	 * ("deadlock detected") */
	if (omni_store_begin(r->store, err) < 0)
		return -1;
	if (omni_handoff_arrived(r->store, "link", err) < 0) {
		omni_store_rollback(r->store);
		return -1;
	}
	return omni_store_commit(r->store, err);
}

/* What earlier runs left undone, and the lifecycle's clocks: one
 * transaction, its tickets written once it committed. */
static int
resume(struct run *r, omni_error *err)
{
	omni_link_resumed done = { 0 };
	long anonymised = 0;

	/* Texts the retention drops are overwritten, not only freed. */
	for (size_t i = 0; i < r->config->nsections; i++)
		if (strcmp(r->config->sections[i].type, "store") == 0 &&
		    omni_conf_get(&r->config->sections[i], "retention") &&
		    omni_store_secure_delete(r->store, err) < 0)
			return -1;
	if (omni_store_begin(r->store, err) < 0)
		return -1;
	omni_link_refresh(r->link);
	if (omni_link_resume(r->link, r->pending, &done, err) < 0 ||
	    omni_link_retention(r->link, &anonymised, err) < 0) {
		omni_store_rollback(r->store);
		return -1;
	}
	if (omni_store_commit(r->store, err) < 0 || release(r, err) < 0 || arrived(r, err) < 0)
		return -1;
	if (done.records || done.tickets)
		omni_warn("%ld records and %ld tickets an earlier run left in the store taken up",
		          done.records, done.tickets);
	if (done.dropped)
		omni_warn("%ld records or tickets written %d times and never taken: given up",
		          done.dropped, 3);
	omni_verbose("%ld tickets solved, %ld closed", done.solved, done.closed);
	if (anonymised)
		omni_verbose("%ld tickets past their store's retention made anonymous", anonymised);
	return 0;
}

/* The input ended: omni-fetch has noted all it wrote (omni_link_taken). */
static int
taken(struct run *r, omni_error *err)
{
	if (omni_store_begin(r->store, err) < 0)
		return -1;
	if (omni_link_taken(r->link, err) < 0) {
		omni_store_rollback(r->store);
		return -1;
	}
	return omni_store_commit(r->store, err);
}

static int
unmerge(struct run *r, omni_error *err)
{
	if (omni_store_begin(r->store, err) < 0)
		return -1;
	omni_link_refresh(r->link);
	if (omni_link_unmerge(r->link, r->unmerge, r->out, err) < 0) {
		omni_store_rollback(r->store);
		return -1;
	}
	return omni_store_commit(r->store, err);
}

/* The one customer key names, into cid: 0, or -1 with err (65 none or
 * several). */
static int
one_customer(struct run *r, const char *key, char cid[40], omni_error *err)
{
	omni_link_person p;
	int rc = -1;

	if (omni_link_person_find(r->link, key, &p, err) < 0)
		return -1;
	if (p.n == 1) {
		memcpy(cid, p.customers[0], 40);
		rc = 0;
	} else if (p.n == 0) {
		omni_error_set(err, OMNI_EX_DATAERR, NULL, 0, 0, "no customer has %s", key);
	} else {
		omni_error_set(err, OMNI_EX_DATAERR, NULL, 0, 0,
		               "%s names %zu customers (%s, %s%s): name one by its id", key, p.n,
		               p.customers[0], p.customers[1], p.n > 2 ? ", ..." : "");
	}
	omni_link_person_free(&p);
	return rc;
}

static int
put_text(struct run *r, char *text, omni_error *err)
{
	int rc = 0;

	if (!text)
		return (omni_error_oom(err), -1);
	if (omni_out_write(r->out, text, strlen(text)) < 0)
		rc = (omni_error_set(err, OMNI_EX_IOERR, "stdout", 0, 0, "cannot write"), -1);
	free(text);
	return rc;
}

/* --find: what the store holds of each customer the key names. */
static int
find(struct run *r, omni_error *err)
{
	omni_link_person p;
	int rc = 0;

	if (omni_link_person_find(r->link, r->find, &p, err) < 0)
		return -1;
	if (!p.n)
		rc = put_text(r, strdup("no customer\n"), err);
	for (size_t i = 0; i < p.n && rc == 0; i++) {
		json_t *doc = omni_link_person_export(r->link, p.customers[i], err);
		rc = doc ? put_text(r, omni_link_person_text(doc, 0), err) : -1;
		json_decref(doc);
	}
	omni_link_person_free(&p);
	return rc;
}

static int
export(struct run *r, omni_error *err)
{
	char cid[40];
	json_t *doc;
	int rc;

	if (one_customer(r, r->export, cid, err) < 0 ||
	    !(doc = omni_link_person_export(r->link, cid, err)))
		return -1;
	if (r->text) {
		rc = put_text(r, omni_link_person_text(doc, 1), err);
	} else {
		char *t = json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		size_t n = t ? strlen(t) : 0;
		char *line = t ? realloc(t, n + 2) : NULL;
		if (line)
			memcpy(line + n, "\n", 2);
		else
			free(t);
		rc = put_text(r, line, err);
	}
	json_decref(doc);
	return rc;
}

static int
erase(struct run *r, omni_error *err)
{
	omni_link_erased done;
	char cid[40], *msg = NULL;
	const char *by = r->by ? r->by : getenv("LOGNAME") ? getenv("LOGNAME") :
	                 getenv("USER") ? getenv("USER") : "unknown";

	if (one_customer(r, r->erase, cid, err) < 0 ||
	    omni_store_secure_delete(r->store, err) < 0 ||
	    omni_store_begin(r->store, err) < 0)
		return -1;
	omni_link_refresh(r->link);
	if (omni_link_erase(r->link, cid, by, &done, err) < 0) {
		omni_store_rollback(r->store);
		return -1;
	}
	if (omni_store_commit(r->store, err) < 0 || omni_store_scrub(r->store, err) < 0)
		return -1;
	if (asprintf(&msg, "erased %s: %ld tickets made anonymous, %ld keys, %ld orders, "
	             "%ld accounts, %ld sends, %ld hand-off notes, %ld quarantine files\n",
	             cid, done.tickets, done.keys, done.orders, done.accounts, done.sends,
	             done.handoff, done.quarantine) < 0)
		msg = NULL;
	return put_text(r, msg, err);
}

/* --copy-to: each table and its rows, as copied and compared. */
static void
copied(void *arg, const char *table, long long rows)
{
	struct run *r = arg;
	char line[128];
	int n = snprintf(line, sizeof line, "%s %lld\n", table, rows);

	if (n > 0 && (size_t)n < sizeof line)
		omni_out_write(r->out, line, (size_t)n);
	r->records += rows;
}

/* --copy-to: the store (there already) copied whole into a new one. */
static int
copy_to(struct run *r, omni_error *err)
{
	omni_store *to = NULL;
	int rc;

	if (omni_store_open_existing(r->db_path, &r->store, err) < 0)
		return -1;
	if (!r->store)
		return omni_error_set(err, OMNI_EX_NOINPUT, r->db_path ? r->db_path :
		                      getenv("OMNI_DB"), 0, 0, "no store there to copy"), -1;
	if (omni_store_open(r->copy_to, &to, err) < 0)
		return -1;
	omni_store_tune(to, OMNI_STORE_BULK);
	rc = omni_store_copy(r->store, to, copied, r, err);
	if (rc == 0)
		omni_verbose("%lld rows copied into %s, each compared", (long long)r->records,
		             omni_store_path(to));
	omni_store_close(to);
	return rc;
}

/* --redact: each line of the files (or standard input) that is not one
 * of the people's, byte for byte. */
static int
redact(struct run *r, char **files, int nfiles, omni_error *err)
{
	omni_link_redactor *rd = omni_link_redactor_new();
	char *line = NULL;
	size_t cap = 0;
	long dropped = 0;
	int rc = 0;

	if (!rd)
		return (omni_error_oom(err), -1);
	for (int i = 0; i < r->nredact && rc == 0; i++) {
		omni_link_person p;
		if (omni_link_person_find(r->link, r->redact[i], &p, err) < 0) {
			rc = -1;
			break;
		}
		if (p.n > 1)
			rc = (omni_error_set(err, OMNI_EX_DATAERR, NULL, 0, 0,
			                    "%s names %zu customers (%s, %s): name one by its id",
			                    r->redact[i], p.n, p.customers[0], p.customers[1]), -1);
		else
			rc = omni_link_redactor_add(r->link, rd, &p, err);
		omni_link_person_free(&p);
	}
	for (int i = 0; i < (nfiles ? nfiles : 1) && rc == 0; i++) {
		const char *name = nfiles ? files[i] : "-";
		FILE *f = strcmp(name, "-") == 0 ? stdin : fopen(name, "rb");
		ssize_t n;
		if (!f) {
			rc = (omni_error_set(err, errno == ENOENT ? OMNI_EX_NOINPUT : OMNI_EX_IOERR,
			                    name, 0, 0, "cannot open: %s", strerror(errno)), -1);
			break;
		}
		while ((n = getline(&line, &cap, f)) > 0) {
			size_t len = (size_t)n - (line[n - 1] == '\n');
			if (omni_link_redactor_match(rd, line, len)) {
				dropped++;
				continue;
			}
			if (omni_out_write(r->out, line, (size_t)n) < 0) {
				rc = (omni_error_set(err, OMNI_EX_IOERR, "stdout", 0, 0, "cannot write"), -1);
				break;
			}
		}
		if (rc == 0 && ferror(f))
			rc = (omni_error_set(err, OMNI_EX_IOERR, name, 0, 0, "cannot read"), -1);
		if (f != stdin)
			fclose(f);
	}
	free(line);
	omni_link_redactor_free(rd);
	if (rc == 0)
		omni_verbose("%ld lines left out", dropped);
	return rc;
}

int
main(int argc, char **argv)
{
	struct run r = { .batch = 20000 };
	omni_error err = { 0 };
	omni_reader *rd = NULL;
	int status = 0, rc;

	omni_diag_init(argv[0]);
	r.o.window = 72 * 3600 * 1000LL;
	r.o.dm_window = 24 * 3600 * 1000LL;
	r.o.history = 10;
	r.o.messages = OMNI_LINK_MESSAGES;
	r.o.solve_after = 4 * 86400 * 1000LL;
	r.o.close_after = 7 * 86400 * 1000LL;
	if ((rc = parse_options(&r, argc, argv, &err)))
		return rc;
	if (omni_config_load(r.config_path, &r.config, &err) < 0 ||
	    omni_config_check(r.config, "store", omni_config_store_keys, NULL, &err) < 0)
		goto fail;
	r.o.config = r.config;
	if (r.reject_path && !(r.reject = omni_reject_open(r.reject_path, 1, &err))) {
		goto fail;
	}
	if (r.copy_to) {
		r.out = omni_out_new(STDOUT_FILENO);
		if (copy_to(&r, &err) < 0)
			goto fail;
		goto out;
	}
	if (omni_store_open(r.db_path, &r.store, &err) < 0 ||
	    omni_link_new(r.store, &r.o, &r.link, &err) < 0)
		goto fail;
	r.out = omni_out_new(STDOUT_FILENO);
	if (r.find || r.export || r.erase || r.nredact) {
		if ((r.find ? find(&r, &err) : r.export ? export(&r, &err) :
		     r.erase ? erase(&r, &err) : redact(&r, argv + optind, argc - optind, &err)) < 0)
			goto fail;
		goto out;
	}
	if (r.unmerge) {
		if (unmerge(&r, &err) < 0)
			goto fail;
		goto out;
	}
	if (!(r.held = tmpfile())) {
		omni_error_set(&err, OMNI_EX_CANTCREAT, NULL, 0, 0,
		               "cannot hold the output: %s", strerror(errno));
		goto fail;
	}
	r.pending = omni_out_new(fileno(r.held));
	r.end = omni_out_end(r.out);
	if (resume(&r, &err) < 0)
		goto fail;
	r.from_stdin = optind == argc;
	for (int i = optind; i < argc; i++)
		r.from_stdin |= strcmp(argv[i], "-") == 0;
	rd = omni_reader_new(argv + optind, argc - optind, r.keep_going, r.reject);
	omni_progress_start(&r.progress, "records");
	while ((rc = link_batch(&r, rd, &err)) > 0 && !omni_out_broken_pipe(r.out))
		;
	if (rc < 0 || taken(&r, &err) < 0)
		goto fail;
	omni_verbose("%ld tickets linked", r.records);
	status = r.rejected ? OMNI_EX_PARTIAL : OMNI_EX_OK;
	goto out;
fail:
	omni_report(&err);
	status = err.status ? err.status : OMNI_EX_SOFTWARE;
out:
	omni_progress_end(&r.progress);
	status = omni_cli_close(r.out, r.reject, status);
	omni_reader_free(rd);
	omni_out_close(r.pending, NULL);
	if (r.held)
		fclose(r.held);
	omni_link_free(r.link);
	omni_store_close(r.store);
	omni_config_free(r.config);
	return status;
}
