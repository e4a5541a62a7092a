/* omni-route - triage: language, intent, sentiment, priority, queue, owner
 * and SLA clocks for each ticket, by the rules file. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/core.h"
#include "cli/cli.h"
#include "record/record.h"
#include "store/store.h"
#include "rules/rules.h"
#include "route/route.h"
#include "net/net.h"

static const char usage_line[] =
	"usage: omni-route [-eqvk] [-c file] [-d file] [-R file] [-r file] [--check] "
	"[--model file] [--threshold p] [--now time] [file ...]\n"
	"       omni-route --train model [-v] corpus ...";

enum { OPT_CHECK = OMNI_CLI_OWN, OPT_MODEL, OPT_THRESHOLD, OPT_TRAIN };

/* Under this confidence the model's intent is "other", for a person. */
#define DEFAULT_THRESHOLD 0.2

static const omni_cli_opt options[] = {
	{ "rules", 'R', "FILE", "the rules file" },
	{ "check", OPT_CHECK, NULL, "check the rules, lexicons and intent model, then exit" },
	{ "explain", 'e', NULL, "say which rules matched and why, and the intent's features" },
	{ "model", OPT_MODEL, "FILE", "the intent model (default the user's, else the shipped one)" },
	{ "threshold", OPT_THRESHOLD, "P", "the intent's least confidence, 0 to 1 (default 0.2)" },
	{ "train", OPT_TRAIN, "FILE", "train an intent model on the corpus files named into FILE" },
	{ "config", 'c', "FILE", "configuration file (store time zones)" },
	{ "db", 'd', "FILE", "the store, for assignment (default $OMNI_DB)" },
	OMNI_CLI_OPTS_INPUT,
	OMNI_CLI_OPTS_END,
};

static const omni_cli cli = {
	.usage = usage_line,
	.about =
	"Reads tickets and sets lang, intent, intent_confidence, sentiment, priority,\n"
	"queue, assignee, tags, sla and route by the rules file; everything else\n"
	"passes through.\n"
	"The intent comes from a linear model with its confidence (intent_confidence);\n"
	"under the threshold it is other, or what second_opinion_url's model says.\n"
	"--train builds a model from LANG TAB INTENT TAB TEXT lines.\n",
	.opts = options,
};

struct run {
	const char *config_path, *rules_path, *reject_path, *db_path;
	const char *model_path, *train_path, *threshold_arg;
	int check, explain, keep_going;
	double threshold;
	omni_model *model;
	char *share;
	omni_config *config;
	omni_lexicon *lex;
	omni_rules rules;
	omni_store *store;         /* open when an assign block needs it, or
	                              at the end of the pipeline */
	omni_arrivals *arrivals;   /* at the end of the pipeline */
	omni_assign *assign;
	omni_out *out;
	omni_out *line;            /* with arrivals: each ticket, then out */
	omni_route_writer *writer;
	omni_route rt;
	const char *last_store, *last_zone;
	/* the second opinion: [route] second_opinion_url, NULL off */
	const char *ask_url, *ask_model, *ask_timeout;
	omni_http *ask_http;
};

/* An omni_error_set's status, said as -1. */
static int
failed(int status)
{
	(void)status;
	return -1;
}

/* The [route] section: intent_threshold and intent_model. */
static int
route_config(struct run *r, omni_error *err)
{
	static const char *const keys[] = { "intent_threshold", "intent_model",
		"second_opinion_url", "second_opinion_model", "second_opinion_timeout", NULL };
	const omni_conf_section *s = omni_config_find(r->config, "route", "");
	const char *v = r->threshold_arg, *where = "--threshold";
	char *end;

	if (omni_config_check(r->config, "route", keys, NULL, err) < 0)
		return -1;
	if (!v && s && (v = omni_conf_get(s, "intent_threshold")))
		where = r->config->path;
	if (!r->model_path && s)
		r->model_path = omni_conf_get(s, "intent_model");
	if (s && (r->ask_url = omni_conf_get(s, "second_opinion_url")) && !*r->ask_url)
		r->ask_url = NULL;
	r->ask_model = s ? omni_conf_get(s, "second_opinion_model") : NULL;
	r->ask_timeout = s ? omni_conf_get(s, "second_opinion_timeout") : NULL;
	if (r->ask_timeout) {
		char *end;
		errno = 0;
		double t = strtod(r->ask_timeout, &end);
		if (errno || end == r->ask_timeout || *end || !(t > 0))
			return failed(omni_error_set(err, OMNI_EX_CONFIG, r->config->path, s->line, 0,
			                             "second_opinion_timeout '%s' is not a number of "
			                             "seconds", r->ask_timeout));
	}
	r->threshold = DEFAULT_THRESHOLD;
	if (v) {
		errno = 0;
		r->threshold = strtod(v, &end);
		if (errno || end == v || *end || r->threshold < 0 || r->threshold > 1)
			return failed(omni_error_set(err, r->threshold_arg ? OMNI_EX_USAGE : OMNI_EX_CONFIG,
			                      where, s && !r->threshold_arg ? s->line : 0, 0,
			                      "intent_threshold '%s' is not a number from 0 to 1", v));
	}
	return 0;
}

/* The model: --model or intent_model, else the user's own (trained by
 * share/omni/route/learn), else the shipped one. */
static int
load_model(struct run *r, const char *user_lex, omni_error *err)
{
	char path[PATH_MAX];

	if (r->model_path)
		return omni_model_load(r->model_path, &r->model, err);
	snprintf(path, sizeof path, "%s/intent.model", user_lex);
	if (access(path, F_OK) != 0)
		snprintf(path, sizeof path, "%s/route/intent.model", r->share);
	if (omni_model_load(path, &r->model, err) < 0) {
		err->status = OMNI_EX_CONFIG;     /* the install is incomplete */
		return -1;
	}
	return 0;
}

static int
load_rules(struct run *r, omni_error *err)
{
	char path[PATH_MAX];
	char *user_rules = omni_xdg_path(OMNI_XDG_CONFIG, "rules");
	char *user_lex = omni_xdg_path(OMNI_XDG_CONFIG, "route");
	const char *dirs[2];
	int rc = -1;

	if (omni_sla_load(&r->rules, err) < 0)
		goto out;
	/* The user's rules replace the defaults rather than add to them. */
	snprintf(path, sizeof path, "%s/rules", r->share);
	if (!r->rules_path)
		r->rules_path = access(user_rules, F_OK) == 0 ? user_rules : path;
	if (omni_rules_load(&r->rules, r->rules_path, err) < 0)
		goto out;
	snprintf(path, sizeof path, "%s/route", r->share);
	dirs[0] = path;
	dirs[1] = user_lex;
	if (omni_lexicon_load(dirs, 2, &r->lex, err) < 0)
		goto out;
	if (omni_lexicon_langs(r->lex) == 0) {
		omni_error_set(err, OMNI_EX_CONFIG, path, 0, 0, "no lexicons (*.lex) found");
		goto out;
	}
	if (!r->train_path && load_model(r, user_lex, err) < 0)
		goto out;
	for (size_t i = 0; i < r->rules.nrules; i++)
		for (size_t j = 0; j < r->rules.rules[i].nacts; j++) {
			const omni_raction *a = &r->rules.rules[i].acts[j];
			if (a->type == OMNI_RA_SLA && !omni_rules_policy(&r->rules, a->arg)) {
				omni_error_set(err, OMNI_EX_CONFIG, r->rules_path, r->rules.rules[i].line,
				               0, "rule '%s': no such SLA policy '%s'",
				               r->rules.rules[i].name, a->arg);
				goto out;
			}
		}
	rc = 0;
out:
	if (r->rules_path == user_rules)
		r->rules_path = NULL;     /* it is freed below; not needed after */
	free(user_rules);
	free(user_lex);
	return rc;
}

static const char *
store_zone(struct run *r, char *store, size_t size)
{
	const omni_conf_section *s;
	if (omni_json_string_buf(omni_route_member(&r->rt, "store"), store, size) < 0)
		return *store = 0, NULL;
	if (r->last_store && strcmp(r->last_store, store) == 0)
		return r->last_zone;
	s = omni_config_find(r->config, "store", store);
	r->last_store = s ? s->name : NULL;
	r->last_zone = s ? omni_conf_get(s, "timezone") : NULL;
	return r->last_zone;
}

/* The SLA of the ticket's policy, in its store's zone: 0 and *policy
 * (NULL for none), or -1 with err. */
static int
compute_sla(struct run *r, omni_sla *s, const char **policy, omni_error *err)
{
	const omni_sla_policy *p = omni_rules_policy(&r->rules, r->rt.policy);
	char store[256];
	const char *zone = store_zone(r, store, sizeof store);
	omni_sla_ticket t;

	*policy = p ? p->name : NULL;
	if (!p)
		return 0;
	omni_route_sla_ticket(&r->rt, &t);
	return omni_sla_compute(&r->rules, p, store, zone, &t, s, err);
}

/* --explain: the rules that matched, on standard error too. */
static void
explain(const omni_route *rt)
{
	char id[256];

	if (omni_json_string_buf(omni_route_member(rt, "id"), id, sizeof id) < 0)
		snprintf(id, sizeof id, "?");
	if (rt->intent_why)
		omni_warn("%s: %s", id, rt->intent_why);
	for (size_t i = 0; i < rt->nmatched; i++)
		omni_warn("%s: %s", id, rt->why[i] ? rt->why[i] : "");
	if (!rt->nmatched)
		omni_warn("%s: no rule matched", id);
}

/* The second opinion of the endpoint at second_opinion_url on a ticket the
 * model is not sure of: one intent name of the model's, or NULL (a warning
 * says why) to keep the model's guess. */
static const char *
second_opinion(void *arg, const omni_model *m, const char *lang, const char *text, size_t len)
{
	struct run *r = arg;
	omni_http_response *resp = NULL;
	omni_error why = { 0 };
	const char *intent = NULL;
	char *body, id[256];

	if (omni_json_string_buf(omni_route_member(&r->rt, "id"), id, sizeof id) <= 0)
		strcpy(id, "?");
	if (!(body = omni_route_ask_body(m, r->ask_model, lang, text, len)))
		return NULL;
	if (omni_http_request(r->ask_http, "POST", r->ask_url, "second opinion", "application/json",
	                      body, strlen(body), &resp, &why) < 0) {
		char msg[700];
		omni_error_format(&why, msg, sizeof msg);
		omni_warn("%s: second opinion: %s: the model's intent stands", id, msg);
	} else if (!(intent = omni_route_ask_answer(m, resp->body, resp->len))) {
		omni_warn("%s: second opinion: %s: the answer names none of the model's intents: "
		          "the model's intent stands", id, r->ask_url);
	}
	free(body);
	return intent;
}

/* The second opinion's HTTP handle: its time-out (default 10 s), one
 * retry, the key DRAFT_KEY (the drafts' endpoint) when there is one.  0, or
 * -1 with err. */
static int
ask_setup(struct run *r, omni_error *err)
{
	omni_error none = { 0 };
	char *key;

	if (!r->ask_url || !r->model)
		return 0;
	if (omni_http_init() < 0)
		return failed(omni_error_set(err, OMNI_EX_SOFTWARE, NULL, 0, 0,
		                             "second opinion: HTTP cannot start"));
	if (!(r->ask_http = omni_http_new(r->ask_url, err)))
		return -1;
	omni_http_set_retries(r->ask_http, 1);
	omni_http_set_timeout(r->ask_http, r->ask_timeout ? atof(r->ask_timeout) : 10);
	if ((key = omni_secret("DRAFT_KEY", &none))) {
		char *bearer = NULL;
		if (asprintf(&bearer, "Bearer %s", key) >= 0)
			omni_http_add_header(r->ask_http, "Authorization", bearer, 1);
		memset(key, 0, strlen(key));
		free(bearer);
		free(key);
	}
	r->rt.ask = second_opinion;
	r->rt.ask_arg = r;
	return 0;
}

static int
route_one(struct run *r, const omni_record *rec, omni_error *err)
{
	static char text[4096];
	omni_route *rt = &r->rt;
	const char *policy;
	omni_sla sla;

	omni_route_read(rt, rec, r->lex, r->model, r->threshold, text, sizeof text);
	omni_rules_apply(&r->rules, rt);
	if (r->assign) {
		char id[256];
		if (omni_json_string_buf(omni_route_member(rt, "id"), id, sizeof id) > 0 &&
		    omni_assign_route(r->assign, &r->rules, rt, id, err) < 0)
			return -1;
	}
	if (compute_sla(r, &sla, &policy, err) < 0)
		return -1;
	if (r->explain)
		explain(rt);
	return omni_route_write(r->writer, rt, policy, &sla) < 0 ? 1 : 0;
}

static int
parse_options(struct run *r, int argc, char **argv, omni_error *err)
{
	int c;

	while ((c = omni_cli_getopt(&cli, argc, argv)) != -1) {
		switch (c) {
		case 'R': r->rules_path = optarg; break;
		case OPT_CHECK: r->check = 1; break;
		case 'e': r->explain = 1; break;
		case OPT_MODEL: r->model_path = optarg; break;
		case OPT_THRESHOLD: r->threshold_arg = optarg; break;
		case OPT_TRAIN: r->train_path = optarg; break;
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
	if (r->train_path && optind >= argc)
		return omni_usage_error(usage_line, "--train needs corpus files");
	return 0;
}

/* At the end of the pipeline: the ticket's line, written into memory,
 * goes out and to the store's arrivals.  0; 1 the output failed
 * (omni_out_close says why); -1 with err. */
static int
arrive(struct run *r, const omni_record *rec, omni_error *err)
{
	size_t len = 0;
	const char *line = omni_out_text(r->line, &len);

	if (!line)
		return omni_error_oom(err), -1;
	if (omni_out_write(r->out, line, len) < 0)
		return 1;
	if (omni_arrivals_add(r->arrivals, omni_record_get(rec, "id"), line, len, err) < 0)
		return -1;
	omni_out_clear(r->line);
	return 0;
}

static int
run_tickets(struct run *r, char **paths, int npaths, FILE *reject, omni_error *err)
{
	omni_reader *rd = omni_reader_new(paths, npaths, r->keep_going, reject);
	omni_record *rec;
	int rc, status = 0;

	if (!rd)
		return failed(omni_error_oom(err));
	while ((rc = omni_reader_next(rd, &rec, err)) != 0) {
		if (rc == 2) {
			omni_report(err);
			memset(err, 0, sizeof *err);
			status = OMNI_EX_PARTIAL;
			continue;
		}
		if (rc < 0 || (rc = route_one(r, rec, err)) < 0) {
			status = err->status;
			break;
		}
		if (rc == 1)
			break;     /* the output failed: omni_out_close says why */
		if (r->line && (rc = arrive(r, rec, err)) != 0) {
			if (rc < 0)
				status = err->status ? err->status : OMNI_EX_IOERR;
			break;
		}
	}
	if (status == 0 || status == OMNI_EX_PARTIAL) {
		if (omni_arrivals_settle(r->arrivals, err) < 0)
			status = err->status ? err->status : OMNI_EX_IOERR;
	}
	omni_reader_free(rd);
	return status;
}

int
main(int argc, char **argv)
{
	struct run r = { 0 };
	omni_error err = { 0 };
	FILE *reject = NULL;
	int status = 0, rc;

	omni_diag_init(argv[0]);
	if ((rc = parse_options(&r, argc, argv, &err)))
		return rc;
	r.share = omni_share_path("");
	if (omni_config_load(r.config_path, &r.config, &err) < 0 ||
	    omni_config_check(r.config, "store", omni_config_store_keys, NULL, &err) < 0 ||
	    route_config(&r, &err) < 0 || load_rules(&r, &err) < 0) {
		omni_report(&err);
		status = err.status;
		goto out;
	}
	if (r.train_path) {
		long n;
		if (omni_model_train(r.lex, (const char *const *)argv + optind,
		                     (size_t)(argc - optind), r.train_path, &n, &err) < 0) {
			omni_report(&err);
			status = err.status;
		} else {
			omni_verbose("%ld examples: %s", n, r.train_path);
		}
		goto out;
	}
	if (r.check) {
		omni_verbose("%zu rules, %zu policies, %zu calendars, %d languages, "
		             "an intent model of %d intents and %ld features",
		             r.rules.nrules, r.rules.npolicies, r.rules.ncals,
		             omni_lexicon_langs(r.lex), omni_model_classes(r.model),
		             omni_model_rows(r.model));
		goto out;
	}
	if (r.reject_path && !(reject = omni_reject_open(r.reject_path, 0, &err))) {
		omni_report(&err);
		status = err.status;
		goto out;
	}
	if (r.rules.nqueues && (omni_store_open(r.db_path, &r.store, &err) < 0 ||
	                        omni_assign_new(r.store, &r.assign, &err) < 0)) {
		omni_report(&err);
		status = err.status;
		goto out;
	}
	r.rt.explain = r.explain;
	if (ask_setup(&r, &err) < 0) {
		omni_report(&err);
		status = err.status;
		goto out;
	}
	r.out = omni_out_new(STDOUT_FILENO);
	/* The end of the pipeline says what reached it (omni(7)). */
	if (omni_out_end(r.out) && !(r.arrivals = omni_arrivals_new(r.store, r.db_path, r.out))) {
		omni_error_oom(&err);
		omni_report(&err);
		status = omni_cli_close(r.out, reject, err.status);
		goto out;
	}
	/* at the end, each ticket's line goes to the store too */
	if (r.arrivals && !(r.line = omni_out_new_mem())) {
		omni_error_oom(&err);
		omni_report(&err);
		status = omni_cli_close(r.out, reject, err.status);
		goto out;
	}
	if (!(r.writer = omni_route_writer_new(r.line ? r.line : r.out))) {
		omni_error_oom(&err);
		omni_report(&err);
		status = omni_cli_close(r.out, reject, err.status);
		goto out;
	}
	status = run_tickets(&r, argv + optind, argc - optind, reject, &err);
	if (status && status != OMNI_EX_PARTIAL)
		omni_report(&err);
	status = omni_cli_close(r.out, reject, status);
out:
	omni_route_clear(&r.rt);
	omni_assign_free(r.assign);
	omni_arrivals_free(r.arrivals);
	omni_store_close(r.store);
	omni_route_writer_free(r.writer);
	if (r.line)
		omni_out_close(r.line, NULL);
	omni_lexicon_free(r.lex);
	omni_model_free(r.model);
	omni_rules_free(&r.rules);
	omni_config_free(r.config);
	if (r.ask_http) {
		omni_http_free(r.ask_http);
		omni_http_cleanup();
	}
	free(r.share);
	return status;
}
