/* omni-fetch - ingest: new messages from each source as NDJSON tickets. */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curl/curl.h>

#include "omni.h"

static const char usage_line[] =
	"usage: omni-fetch [-aoqvk] [-c file] [-d file] [-s store] [-r file] "
	"[--channel name] [--now time] [--webhook kind] [-H header] [source ...]";

static const char help_text[] =
	"\n"
	"Reads the sources named (configured names or maildir:PATH, mbox:PATH, file:PATH,\n"
	"shopify:URL, imap://, imaps://) and writes new tickets as NDJSON on stdout.\n"
	"With --webhook, each file (or stdin) is one signed delivery.\n"
	"\n"
	"  -a, --all            read everything again\n"
	"  -o, --orders         put orders, fulfilments and refunds into the store\n"
	"  -c, --config FILE    configuration file\n"
	"  -d, --db FILE        the store\n"
	"  -s, --store NAME     store name for ad hoc sources\n"
	"      --channel NAME   channel for ad hoc sources\n"
	"  -k, --keep-going     set malformed records aside and go on\n"
	"  -r, --reject FILE    where --keep-going puts them\n"
	"      --now TIME       the clock (RFC 3339 or Unix seconds)\n"
	"      --webhook KIND   verify and read deliveries (shopify, meta, tiktok, woocommerce)\n"
	"  -H, --header LINE    a delivery's header (\"Name: value\")\n"
	"  -q, --quiet          no warnings\n"
	"  -v, --verbose        more detail\n"
	"  -h, --help           this help\n"
	"  -V, --version        version\n";

enum { OPT_CHANNEL = 256, OPT_NOW, OPT_WEBHOOK };

static const struct option long_options[] = {
	{ "all", no_argument, NULL, 'a' },
	{ "orders", no_argument, NULL, 'o' },
	{ "config", required_argument, NULL, 'c' },
	{ "db", required_argument, NULL, 'd' },
	{ "store", required_argument, NULL, 's' },
	{ "channel", required_argument, NULL, OPT_CHANNEL },
	{ "keep-going", no_argument, NULL, 'k' },
	{ "reject", required_argument, NULL, 'r' },
	{ "now", required_argument, NULL, OPT_NOW },
	{ "webhook", required_argument, NULL, OPT_WEBHOOK },
	{ "header", required_argument, NULL, 'H' },
	{ "quiet", no_argument, NULL, 'q' },
	{ "verbose", no_argument, NULL, 'v' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

/* The run: options, and what the callbacks need. */
struct run {
	const char *config_path, *db_path, *store_name, *channel, *reject_path;
	const char *webhook;    /* --webhook KIND */
	char *headers;          /* -H lines, each ending in \n */
	int all, orders, keep_going;
	omni_config *config;
	omni_store *store;
	omni_out *out;
	FILE *reject;
	json_t *pending;        /* seen keys of what this source wrote */
	long tickets, rejected;
	int stopped;            /* the output failed: stop, record nothing */
	int failed;             /* the status of the first source that failed */
	int reject_failed;
};

static int
emit(omni_fetch *f, json_t *ticket, json_t *seen_keys)
{
	struct run *r = f->arg;
	size_t i;
	json_t *k;
	int rc = omni_out_json(r->out, ticket);

	json_decref(ticket);
	if (rc < 0) {
		r->stopped = 1;
		return -1;
	}
	r->tickets++;
	json_array_foreach(seen_keys, i, k)
		json_array_append(r->pending, k);
	return 0;
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
	if (fwrite(raw, 1, len, r->reject) != len ||
	    ((!len || raw[len - 1] != '\n') && putc('\n', r->reject) == EOF) ||
	    fflush(r->reject) == EOF) {
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

/* Records what was written, once it has really left the program. */
static int
commit_seen(struct run *r, const omni_fetch *f, omni_error *err)
{
	size_t i;
	json_t *k;

	if (omni_out_flush(r->out) < 0) {
		r->stopped = 1;
		omni_store_rollback(r->store);
		return 0;
	}
	json_array_foreach(r->pending, i, k)
		if (omni_store_mark_seen(r->store, f->cursor_key, json_string_value(k), err) < 0) {
			omni_store_rollback(r->store);
			return -1;
		}
	json_array_clear(r->pending);
	return omni_store_commit(r->store, err);
}

/* A remote source finished a page: its tickets out, then its cursor. */
static int
checkpoint(omni_fetch *f, const char *cursor, omni_error *err)
{
	struct run *r = f->arg;

	if (omni_store_cursor_set(r->store, f->cursor_key, cursor, err) < 0 ||
	    commit_seen(r, f, err) < 0)
		return -1;
	if (r->stopped)
		return omni_error_set(err, OMNI_EX_IOERR, "stdout", 0, 0, "output stopped"), -1;
	return omni_store_begin(r->store, err);
}

static void
trace(void *arg, const char *line)
{
	omni_verbose("%s", line);
}

/* Fills f for a configured source name or an ad hoc URI. */
static int
describe(struct run *r, const char *arg, omni_fetch *f, char *name, size_t size,
         omni_error *err)
{
	const omni_conf_section *s = omni_config_find(r->config, "source", arg);

	memset(f, 0, sizeof *f);
	f->store = r->store;
	f->all = r->all;
	f->orders = r->orders;
	f->keep_going = r->keep_going;
	f->emit = emit;
	f->reject = reject;
	f->checkpoint = checkpoint;
	f->trace = omni_verbosity >= 2 ? trace : NULL;
	f->arg = r;
	if (s) {
		f->name = f->cursor_key = s->name;
		f->uri = omni_conf_get(s, "uri");
		f->channel = omni_conf_get(s, "channel");
		f->store_name = omni_conf_get(s, "store");
		f->conf = s;
		f->config = r->config;
		return 0;
	}
	if (!omni_fetch_is_uri(arg)) {
		omni_error_set(err, OMNI_EX_USAGE, arg, 0, 0,
		               "no such source: not configured, and not %s", omni_fetch_kinds());
		return -1;
	}
	/* Ad hoc: ids are scoped by the scheme, seen marks by the whole URI. */
	snprintf(name, size, "%.*s", (int)strcspn(arg, ":"), arg);
	f->name = name;
	f->cursor_key = f->uri = arg;
	f->channel = r->channel;
	f->store_name = r->store_name;
	f->config = r->config;
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
	if (omni_store_begin(r->store, err) < 0)
		return -1;
	if (omni_fetch_source(&f, err) < 0) {
		/* What was written before the failure stays written. */
		if (!r->stopped) {
			omni_error keep = *err;
			if (commit_seen(r, &f, err) == 0)
				*err = keep;
		} else {
			omni_store_rollback(r->store);
		}
		return -1;
	}
	if (commit_seen(r, &f, err) < 0)
		return -1;
	omni_verbose("%s: %ld tickets, %ld orders", f.name, r->tickets - before,
	             f.orders_written);
	if (f.skipped_orders)
		omni_warn("%s: %ld orders skipped; --orders puts them into the store",
		          f.name, f.skipped_orders);
	return 0;
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
			omni_error_set(err, OMNI_EX_SOFTWARE, path, 0, 0, "out of memory");
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

/* One delivery, --webhook KIND: verified, read, marked. */
static int
webhook_one(struct run *r, const char *path, omni_error *err)
{
	omni_fetch f;
	char key[64], *raw = NULL, *event = NULL;
	size_t len;
	int rc = -1;

	memset(&f, 0, sizeof f);
	snprintf(key, sizeof key, "webhook:%s", r->webhook);
	f.name = r->webhook;
	f.cursor_key = key;
	f.uri = path;
	f.channel = r->channel;
	f.store_name = r->store_name;
	f.config = r->config;
	f.store = r->store;
	f.all = r->all;
	f.orders = r->orders;
	f.keep_going = r->keep_going;
	f.emit = emit;
	f.reject = reject;
	f.arg = r;
	if (!(raw = slurp(path, &len, err)) || omni_store_begin(r->store, err) < 0)
		goto out;
	rc = omni_webhook_read(&f, r->webhook, r->headers, raw, len, &event, err);
	if (rc < 0) {
		omni_store_rollback(r->store);
		omni_error_locate(err, strcmp(path, "-") ? path : "stdin", 0);
		goto out;
	}
	if (rc == 1)
		omni_verbose("%s: a repeated delivery (%s): skipped", path, event);
	else if (event)
		json_array_append_new(r->pending, json_string(event));
	rc = commit_seen(r, &f, err);
	if (f.skipped_orders)
		omni_warn("%s: %ld orders skipped; --orders puts them into the store",
		          f.name, f.skipped_orders);
out:
	free(raw);
	free(event);
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

static int
parse_options(struct run *r, int argc, char **argv, omni_error *err)
{
	int c;

	while ((c = getopt_long(argc, argv, "aoc:d:s:kr:H:qvhV", long_options, NULL)) != -1) {
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
		case 'H':
			if (!strchr(optarg, ':'))
				return omni_usage_error(usage_line, "--header wants \"Name: value\"");
			if (add_header(r, optarg) < 0)
				return OMNI_EX_SOFTWARE;
			break;
		default: {
			int st = omni_cli_option(c, OPT_NOW, usage_line, help_text);
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
	if (r->webhook && !omni_webhook_known(r->webhook))
		return omni_usage_error(usage_line, "unknown webhook kind '%s' (shopify, meta, "
		                        "tiktok, woocommerce)", r->webhook);
	return 0;
}

int
main(int argc, char **argv)
{
	struct run r = { 0 };
	omni_error err = { 0 };
	int status = 0, rc;

	omni_diag_init(argv[0]);
	signal(SIGPIPE, SIG_IGN);
	curl_global_init(CURL_GLOBAL_DEFAULT);
	if ((rc = parse_options(&r, argc, argv, &err))) {
		free(r.headers);
		return rc;
	}
	static const char *const uri[] = { "uri", NULL };
	if (omni_config_load(r.config_path, &r.config, &err) < 0 ||
	    omni_config_check(r.config, "source", omni_fetch_source_keys, uri, &err) < 0 ||
	    omni_config_check(r.config, "store", omni_config_store_keys, NULL, &err) < 0)
		goto fail;
	if (r.reject_path && !(r.reject = fopen(r.reject_path, "a"))) {
		omni_error_set(&err, OMNI_EX_CANTCREAT, r.reject_path, 0, 0, "%s", strerror(errno));
		goto fail;
	}
	if (optind == argc && !r.config->nsections && !r.webhook) {
		omni_usage_error(usage_line, "no sources: name some, or configure them in %s",
		                 "omni.conf (see omni-config(5))");
		status = OMNI_EX_USAGE;
		goto out;
	}
	if (omni_store_open(r.db_path, &r.store, &err) < 0)
		goto fail;
	r.out = omni_out_new(STDOUT_FILENO);
	r.pending = json_array();
	if (r.webhook) {
		for (int i = optind; i < argc || i == optind; i++)
			if (r.stopped || webhook_one(&r, i < argc ? argv[i] : "-", &err) < 0)
				break;
		if (err.status)
			goto fail;
	} else if (optind < argc) {
		for (int i = optind; i < argc && !r.stopped; i++)
			source_done(&r, fetch_one(&r, argv[i], &err), &err);
	} else {
		for (size_t i = 0; i < r.config->nsections && !r.stopped; i++)
			if (strcmp(r.config->sections[i].type, "source") == 0)
				source_done(&r, fetch_one(&r, r.config->sections[i].name, &err), &err);
	}
	if (r.rejected && !r.reject)
		omni_warn("%ld malformed records skipped (--reject FILE keeps them)", r.rejected);
	status = r.failed ? r.failed : r.rejected ? OMNI_EX_PARTIAL : OMNI_EX_OK;
	goto out;
fail:
	if (!r.stopped)
		omni_report(&err);
	status = err.status ? err.status : OMNI_EX_SOFTWARE;
out:
	if (r.out && omni_out_close(r.out, &err) != 0) {
		omni_report(&err);
		status = OMNI_EX_IOERR;
	} else if (r.reject_failed) {
		status = OMNI_EX_IOERR;
	} else if (r.stopped) {
		status = OMNI_EX_OK;   /* the reader went away: a quiet end */
	}
	if (r.reject && fclose(r.reject) == EOF && !status)
		status = OMNI_EX_IOERR;
	json_decref(r.pending);
	free(r.headers);
	omni_store_close(r.store);
	omni_config_free(r.config);
	curl_global_cleanup();
	return status;
}
