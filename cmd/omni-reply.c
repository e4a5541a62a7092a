/* omni-reply - answer: the reply each ticket should get, linted against its
 * channel's rules, and with --send delivered exactly once. */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/core.h"
#include "cli/cli.h"
#include "record/record.h"
#include "record/bridge.h"
#include "store/store.h"
#include "net/net.h"
#include "reply/reply.h"

static const char usage_line[] =
	"usage: omni-reply [-aslkqv] [-c file] [-d file] [-r file] [-t name] "
	"[-T dir] [--human] [--draft] [--now time] [file ...]\n"
	"       omni-reply --ledger [-d file] [--all]\n"
	"       omni-reply --resolve key=sent|unsent [-d file]";

enum { OPT_HUMAN = OMNI_CLI_OWN, OPT_LEDGER, OPT_ALL, OPT_RESOLVE, OPT_DRAFT };

static const omni_cli_opt options[] = {
	{ "auto", 'a', NULL, "answer the latest request, never a machine; a person gets the rest" },
	{ "send", 's', NULL, "deliver each reply that passes the lint" },
	{ "lint", 'l', NULL, "check the replies already in the tickets" },
	{ "template", 't', "NAME", "use this template for every ticket" },
	{ "templates", 'T', "DIR", "look for templates here first" },
	{ "config", 'c', "FILE", "configuration file" },
	{ "db", 'd', "FILE", "the store, with the send ledger" },
	{ "human", OPT_HUMAN, NULL, "the replies are a person's (Meta's 7-day window)" },
	{ "draft", OPT_DRAFT, NULL, "a first draft from the model at draft_url" },
	{ "ledger", OPT_LEDGER, NULL, "list the sends whose outcome is unknown" },
	{ "all", OPT_ALL, NULL, "with --ledger: every send" },
	{ "resolve", OPT_RESOLVE, "KEY=sent|unsent", "mark an unknown send" },
	OMNI_CLI_OPTS_INPUT,
	OMNI_CLI_OPTS_END,
};

static const omni_cli cli = {
	.usage = usage_line,
	.about =
	"Reads tickets and writes each with the reply it should get, linted against\n"
	"its channel's rules; with --send, delivers the replies exactly once.\n"
	"With csat in [reply], a solved ticket gets one satisfaction request instead\n"
	"(never on Amazon, nor to a machine).\n",
	.opts = options,
};

static const char *const reply_keys[] = {
	"auto", "templates", "lang", "smtp", "from", "smtp_user", "timeout", "retries",
	"backoff", "meta_api", "meta_version", "ebay_api", "tiktok_api", "tiktok_shop_cipher",
	"draft_url", "draft_model", "draft_timeout", "policy", "auto_period", "csat", NULL,
};

struct run {
	const char *config_path, *db_path, *reject_path, *template, *templates;
	int auto_mode, send, lint_only, human, keep_going, ledger, all;
	char **resolve;
	int nresolve;
	omni_config *config;
	omni_store *store;
	omni_http *meta_http, *ebay_http, *tiktok_http, *draft_http;
	int draft;
	const char *policy_path;  /* the policy file read last, and its text */
	char *policy;
	omni_tmpl_lib *lib;
	omni_out *out;
	omni_edit *edit;
	omni_reply_view *view;    /* the ticket in hand */
	struct {                  /* store zones looked up: by their address */
		const char *zone;
		int known;
	} zones[32];
	size_t nzones;
	FILE *reject;
	omni_arrivals *arrivals;  /* at the end of the pipeline */
	long replies, blocked, sent, failed, unknown, undeliverable;
	int send_status;          /* the last failed send's exit status */
	omni_time auto_period;    /* one automatic reply an address in it (ms) */
};

/* A [reply] key: the store's [reply STORE] section, else [reply]. */
static const char *
conf(const struct run *r, const char *store, const char *key)
{
	const omni_conf_section *s = store ? omni_config_find(r->config, "reply", store) : NULL;
	const char *v = s ? omni_conf_get(s, key) : NULL;

	if (!v && (s = omni_config_find(r->config, "reply", "")))
		v = omni_conf_get(s, key);
	return v;
}

/* The zone a store's dates are written in: its timezone, or NULL (UTC)
 * when there is no such zone, said once per zone (the C library would
 * take an unknown name for UTC without a word). */
static const char *
store_zone(struct run *r, const omni_conf_section *s, const char *store)
{
	const char *zone = s ? omni_conf_get(s, "timezone") : NULL;
	const char *dir = getenv("TZDIR");
	char *path = NULL;
	size_t i;

	if (!zone || !*zone || strcmp(zone, "UTC") == 0)
		return zone;
	for (i = 0; i < r->nzones; i++)
		if (r->zones[i].zone == zone)   /* the configuration's own string */
			return r->zones[i].known ? zone : NULL;
	struct stat st;
	int known = 0;
	if (zone[0] != '/' && !strstr(zone, "..")) {
		if (asprintf(&path, "%s/%s", dir && *dir ? dir : "/usr/share/zoneinfo", zone) < 0)
			path = NULL;
		known = path && stat(path, &st) == 0 && S_ISREG(st.st_mode);
		free(path);
	}
	if (!known) {
		long line = 0;
		for (size_t j = 0; j < s->nentries; j++)
			if (strcmp(s->entries[j].key, "timezone") == 0)
				line = s->entries[j].line;     /* the last one wins */
		omni_warn("%s:%ld: store %s: unknown time zone '%s': its dates are written "
		          "in UTC", r->config && r->config->path ? r->config->path : "omni.conf",
		          line, store ? store : "?", zone);
	}
	if (i < sizeof r->zones / sizeof r->zones[0]) {
		r->zones[i].zone = zone;
		r->zones[i].known = known;
		r->nzones++;
	}
	return known ? zone : NULL;
}

/* Is word in the list of words separated by blanks or commas? */
static int
listed(const char *list, const char *word)
{
	size_t n = strlen(word);
	for (const char *p = list; p && *p;) {
		p += strspn(p, " ,\t");
		size_t k = strcspn(p, " ,\t");
		if (k == n && strncmp(p, word, n) == 0)
			return 1;
		p += k;
	}
	return 0;
}

/* The template for the ticket in hand: -t's, else the one its intent
 * asks for; with --auto only one the auto key lists, and "verify" (the
 * request to show an order is hers) only for a ticket whose intent --auto
 * answers once the order is verified.  NULL: no reply. */
static const char *
template_for(struct run *r, const char *person)
{
	const char *list = conf(r, NULL, "auto") ? conf(r, NULL, "auto") : "wismo status verify";
	const char *name = r->template ? r->template : omni_reply_template_for(r->view);
	const char *then;
	char word[64];

	if (!name || !r->auto_mode || person)   /* a person's draft: any template */
		return name;
	if (!listed(list, name))
		return NULL;
	if (strcmp(name, "verify") != 0 || r->template)
		return name;
	for (then = omni_reply_intent_templates(r->view); then && *then;) {
		size_t k = strcspn(then, " ");
		snprintf(word, sizeof word, "%.*s", (int)k, then);
		if (listed(list, word))
			return name;
		then += k + strspn(then + k, " ");
	}
	return NULL;
}

static int
open_library(struct run *r)
{
	char *user = omni_xdg_path(OMNI_XDG_CONFIG, "templates");
	char *def = omni_share_path("templates");
	char *conf_dir = conf(r, NULL, "templates") ? omni_expand_home(conf(r, NULL, "templates")) : NULL;
	const char *dirs[4] = { r->templates, conf_dir, user, def };

	r->lib = omni_tmpl_lib_new(dirs, 4, conf(r, NULL, "lang"));
	free(user);
	free(def);
	free(conf_dir);
	return r->lib ? 0 : -1;
}

static int
send_mail(struct run *r, const omni_record *rec, json_t *reply, const char *store, omni_error *err)
{
	omni_reply_mailer m = { r->store, { 0 }, conf(r, store, "from"), r->auto_mode };
	char *password = NULL;
	omni_error perr = { 0 };
	int rc;

	m.smtp.url = conf(r, store, "smtp");
	if (!m.from || !m.smtp.url)
		return omni_error_set(err, OMNI_EX_CONFIG, NULL, 0, 0,
		                      "--send needs 'smtp' and 'from' in [reply] (see omni-reply(1))"), -1;
	m.smtp.user = conf(r, store, "smtp_user");
	if (m.smtp.user && !(password = omni_secret("SMTP_PASSWORD", &perr))) {
		*err = perr;
		return -1;
	}
	m.smtp.password = password;
	m.smtp.timeout_ms = conf(r, store, "timeout") ? atol(conf(r, store, "timeout")) * 1000 : 60000;
	m.smtp.retries = conf(r, store, "retries") ? atoi(conf(r, store, "retries")) : 3;
	m.smtp.backoff_ms = conf(r, store, "backoff") ? atol(conf(r, store, "backoff")) : 1000;
	rc = omni_reply_send_mail(&m, r->view, reply, err);
	free(password);
	return rc;
}

/* The store's own token (OMNI_<STORE>_<NAME>), else the shared one. */
static char *
store_secret(const char *store, const char *name, omni_error *err)
{
	char var[256];
	size_t i;
	char *v;

	if (store && *store) {
		snprintf(var, sizeof var, "%s_%s", store, name);
		for (i = 0; var[i]; i++)
			var[i] = isalnum((unsigned char)var[i]) ? (char)toupper((unsigned char)var[i]) : '_';
		if ((v = omni_secret(var, err)))
			return v;
	}
	memset(err, 0, sizeof *err);
	return omni_secret(name, err);
}

/* An HTTP handle with these retries and time-out (NULL: the OMNI_HTTP_*
 * settings).  Sends get no retries inside lib/net/http.c, since a repeated
 * POST after a time-out could deliver twice (omni_reply_send_meta retries
 * what certainly did not go out). */
static omni_http *
http_with(const char *source, const char *retries, const char *timeout, omni_error *err)
{
	omni_http *h = omni_http_new(source, err);

	if (h && retries)
		omni_http_set_retries(h, atol(retries));
	if (h && timeout)
		omni_http_set_timeout(h, atof(timeout));
	return h;
}

/* Frees a secret, its bytes cleared first. */
static void
forget(char *secret)
{
	if (secret)
		memset(secret, 0, strlen(secret));
	free(secret);
}

/* route: "meta", "ebay" or "tiktok". */
static int
send_api(struct run *r, const omni_record *rec, json_t *reply, const char *store,
         const char *route, omni_error *err)
{
	omni_reply_api a = { r->store, NULL, NULL, NULL, NULL, 3, 1000, NULL, NULL, NULL };
	int meta = strcmp(route, "meta") == 0, tiktok = strcmp(route, "tiktok") == 0;
	omni_http **h = meta ? &r->meta_http : tiktok ? &r->tiktok_http : &r->ebay_http;
	char key[32], *token, *app = NULL, *secret = NULL;
	int rc = -1;

	snprintf(key, sizeof key, "%s_api", route);
	a.base = conf(r, store, key);
	if (!a.base)
		a.base = meta ? "https://graph.facebook.com" : tiktok ?
		         "https://open-api.tiktokglobalshop.com" : "https://api.ebay.com";
	a.version = conf(r, store, "meta_version") ? conf(r, store, "meta_version") : "v21.0";
	a.shop_cipher = conf(r, store, "tiktok_shop_cipher");
	if (conf(r, store, "retries"))
		a.retries = atoi(conf(r, store, "retries"));
	if (conf(r, store, "backoff"))
		a.backoff_ms = atol(conf(r, store, "backoff"));
	if (!(token = store_secret(store, meta ? "META_TOKEN" : tiktok ? "TIKTOK_TOKEN" :
	                           "EBAY_TOKEN", err)))
		return -1;
	if (tiktok && (!(app = store_secret(store, "TIKTOK_APP_KEY", err)) ||
	               !(secret = store_secret(store, "TIKTOK_SECRET", err))))
		goto out;
	if (!*h && !(*h = http_with(route, "0", conf(r, NULL, "timeout"), err)))
		goto out;
	a.http = *h;
	a.token = token;
	a.app_key = app;
	a.secret = secret;
	rc = meta ? omni_reply_send_meta(&a, rec, reply, err) :
	     tiktok ? omni_reply_send_tiktok(&a, rec, reply, err) :
	     omni_reply_send_ebay(&a, rec, reply, err);
out:
	forget(token);
	forget(app);
	forget(secret);
	return rc;
}

/* The first send in doubt of a ticket: its key, into arg. */
static void
first_doubt(void *arg, const char *key, const char *ticket, const char *at)
{
	char *out = arg;

	(void)ticket;
	(void)at;
	if (!*out)
		snprintf(out, 65, "%s", key);
}

static int
deliver(struct run *r, const omni_record *rec, json_t *reply, const char *store, omni_error *err)
{
	const char *route = omni_reply_route(rec), *why = NULL;
	char *to = NULL;
	int rc;

	if (strcmp(route, "none") == 0 ||
	    (strcmp(route, "mail") == 0 && omni_reply_recipient(r->view, &to, &why) != OMNI_RCPT_FOUND)) {
		char *ch = omni_json_string(omni_record_get(rec, "channel"), NULL);
		char *id = omni_json_string(omni_record_get(rec, "id"), NULL);
		if (why)
			omni_warn("%s: %s: the reply stays a draft", id ? id : "?", why);
		else
			omni_warn("%s: no delivery for channel %s yet: the reply stays a draft",
			          id ? id : "?", ch ? ch : "unknown");
		free(ch);
		free(id);
		r->undeliverable++;
		return 0;
	}
	/* One automatic reply an address in auto_period (RFC 3834, 2). */
	omni_time last;
	int recent = to && r->auto_mode && r->auto_period > 0 ?
	             omni_auto_reply_last(r->store, to, &last, err) : 0;
	if (recent < 0) {
		free(to);
		return -1;
	}
	if (recent && omni_clock_now() - last < r->auto_period) {
		json_object_set_new(reply, "person", json_string("address_period"));
		free(to);
		return 0;
	}
	/* A ticket with a send in doubt gets no other until a person settles
	 * it: the customer would get the answer twice. */
	char *tid = omni_json_string(omni_record_get(rec, "id"), NULL), doubt[65] = "";
	int doubts = tid ? omni_ledger_doubts(r->store, tid, first_doubt, doubt, err) : 0;
	free(tid);
	if (doubts < 0)
		return -1;
	if (doubts) {
		json_object_set_new(reply, "status", json_string("unknown"));
		json_object_set_new(reply, "ledger_key", json_string(doubt));
		rc = 0;
	} else if (strcmp(route, "mail") == 0) {
		rc = send_mail(r, rec, reply, store, err);
	} else {
		rc = send_api(r, rec, reply, store, route, err);
	}
	if (rc < 0) {
		free(to);
		return -1;
	}
	const char *st = json_string_value(json_object_get(reply, "status"));
	char *id = omni_json_string(omni_record_get(rec, "id"), NULL);
	if (rc > 0) {
		omni_report(err);
		r->failed++;
		r->send_status = err->status;
	}
	if (st && strcmp(st, "sent") == 0) {
		r->sent++;
		const char *at = json_string_value(json_object_get(reply, "sent_at"));
		char *tid2 = omni_json_string(omni_record_get(rec, "id"), NULL);
		if (to && r->auto_mode && at &&
		    omni_auto_reply_note(r->store, to, tid2, at, err) < 0) {
			omni_report(err);
			r->send_status = err->status ? err->status : OMNI_EX_SOFTWARE;
		}
		free(tid2);
	}
	if (st && strcmp(st, "pending") == 0)
		omni_warn("%s: another omni-reply is sending this reply now (ledger key %s): "
		          "left to it", id ? id : "?",
		          json_string_value(json_object_get(reply, "ledger_key")));
	if (st && strcmp(st, "unknown") == 0) {
		omni_warn("%s: an earlier send may have gone out (ledger key %s): not sent again; "
		          "check, then mark it with omni-reply --resolve", id ? id : "?",
		          json_string_value(json_object_get(reply, "ledger_key")));
		r->unknown++;
		r->send_status = OMNI_EX_TEMPFAIL;
	}
	free(id);
	free(to);
	memset(err, 0, sizeof *err);
	return 0;
}

/* The store's policy text, for the model: the file [reply] policy names,
 * read once per run for each file. */
static const char *
policy_text(struct run *r, const char *store, omni_error *err)
{
	const char *path = conf(r, store, "policy");
	char *full = NULL;
	FILE *f = NULL;
	size_t cap = 0;

	if (!path)
		return "";
	if (r->policy_path && strcmp(r->policy_path, path) == 0)
		return r->policy;
	free(r->policy);
	r->policy = NULL;
	r->policy_path = path;
	if (!(full = omni_expand_home(path)) || !(f = fopen(full, "r")) ||
	    getdelim(&r->policy, &cap, '\0', f) < 0) {
		omni_error_set(err, OMNI_EX_CONFIG, full ? full : path, 0, 0, "cannot read the policy: %s",
		               strerror(errno));
		free(r->policy);
		r->policy = NULL;
		r->policy_path = NULL;
	}
	if (f)
		fclose(f);
	free(full);
	return r->policy;
}

/* A model's draft in place of the template's text: 1 drafted, 0 the
 * template's reply stands (a warning says why), -1 a configuration error. */
static int
draft(struct run *r, const omni_record *rec, json_t *reply, const char *store,
      const char *brand, omni_error *err)
{
	omni_reply_drafter d = { NULL, conf(r, store, "draft_url"), conf(r, store, "draft_model"),
	                         brand, NULL };
	omni_error why = { 0 };
	char *key;
	int rc;

	if (!d.url)
		return omni_error_set(err, OMNI_EX_CONFIG, NULL, 0, 0,
		                      "--draft needs 'draft_url' in [reply] (see omni-reply(1))"), -1;
	if (!(d.policy = policy_text(r, store, err)))
		return -1;
	if (!r->draft_http) {
		const char *t = conf(r, NULL, "draft_timeout");
		if (!(r->draft_http = http_with(d.url, "1", t ? t : "30", err)))
			return -1;
		/* an endpoint without a key (a local model) is fine */
		if ((key = omni_secret("DRAFT_KEY", &why))) {
			char *bearer = NULL;
			if (asprintf(&bearer, "Bearer %s", key) >= 0)
				omni_http_add_header(r->draft_http, "Authorization", bearer, 1);
			free(bearer);
			free(key);
		}
	}
	d.http = r->draft_http;
	memset(&why, 0, sizeof why);
	if ((rc = omni_reply_draft(&d, r->view, reply, &why)) == 0) {
		char text[700], *id = omni_json_string(omni_record_get(rec, "id"), NULL);
		omni_error_format(&why, text, sizeof text);
		omni_warn("%s: no draft (%s): the template's reply stands", id ? id : "?", text);
		free(id);
	} else if (rc < 0) {
		*err = why;
	}
	return rc;
}

/* -v: no template of that name, or none whose facts the ticket has (the
 * fact the last of them lacked, omni-templates(5)). */
static void
no_template(const omni_record *rec, const char *name, const char *missing)
{
	char *id = omni_json_string(omni_record_get(rec, "id"), NULL);

	if (missing && *missing)
		omni_verbose("%s: no template '%s' for this ticket: it lacks %s", id ? id : "?",
		             name, missing);
	else
		omni_verbose("%s: no template '%s' for this ticket", id ? id : "?", name);
	free(id);
}

/* The reply this run gives the ticket: new, or NULL to leave it as is. */
static json_t *
compose(struct run *r, const omni_record *rec, const char *store, int *human,
        const char *person, omni_error *err)
{
	omni_span existing = omni_record_get(rec, "reply");
	omni_span text = omni_json_get(existing, "text"), status = omni_json_get(existing, "status");
	const char *name;
	char *brand = NULL;
	json_t *reply;

	if (r->lint_only || (!r->template && !r->auto_mode && text.p &&
	                     (omni_json_string_eq(status, "draft") || omni_json_string_eq(status, "approved")))) {
		if (omni_json_type(text) != OMNI_J_STRING)
			return NULL;
		*human = 1;           /* a reply already there was written by a person */
		return omni_json_to_jansson(existing);
	}
	if (omni_json_string_eq(status, "sent"))
		return NULL;
	if (!(name = template_for(r, person)) && person) {
		/* the latest words name no template: the conversation's, for her */
		omni_reply_view_latest(r->view, 0);
		name = template_for(r, person);
		omni_reply_view_latest(r->view, 1);
	}
	if (!name)
		return person ? json_object() : NULL;   /* no text: the reason only */
	const omni_conf_section *s = store ? omni_config_find(r->config, "store", store) : NULL;
	if (s && omni_conf_get(s, "brand"))
		brand = strdup(omni_conf_get(s, "brand"));
	reply = json_object();
	char missing[600] = "";
	int rc = omni_reply_render(r->lib, r->view, name, brand, store_zone(r, s, store),
	                           reply, missing, sizeof missing, err);
	if (rc >= 0 && r->draft) {
		int d = draft(r, rec, reply, store, brand ? brand : store, err);
		rc = d < 0 ? -1 : d > 0 ? 1 : rc;
		if (d > 0 && !json_object_get(reply, "template"))
			json_object_set_new(reply, "template", json_string(name));
		if (d > 0)            /* the model's text has no slots */
			json_object_del(reply, "empty");
	}
	free(brand);
	if (rc == 0 && person)
		return reply;
	if (rc <= 0) {
		json_decref(reply);
		if (rc == 0)
			no_template(rec, name, missing);
		return NULL;
	}
	return reply;
}

/* A sent reply joins the ticket's messages (once: a ticket that has it
 * already is left as it is), so first response times count it. */
static int
add_sent_message(struct run *r, const omni_record *rec, json_t *reply)
{
	const char *st = json_string_value(json_object_get(reply, "status"));
	const char *id = json_string_value(json_object_get(reply, "external_id"));
	omni_span msgs = omni_record_get(rec, "messages"), m;
	omni_jiter it;
	char *one = NULL, *buf = NULL;
	int rc = -1, empty = 1;

	if (!st || strcmp(st, "sent") != 0 || !id)
		return 0;
	omni_json_iter(&it, msgs);
	while (omni_json_next(&it, NULL, &m)) {
		empty = 0;
		if (omni_json_string_eq(omni_json_get(m, "id"), id))
			return 0;
	}
	json_t *ch = omni_json_to_jansson(omni_record_get(rec, "channel"));
	json_t *msg = json_pack("{s:s, s:s, s:s, s:O?, s:O?, s:O}", "id", id, "direction", "out",
	                        "author", r->auto_mode ? "bot" : "agent",
	                        "at", json_object_get(reply, "sent_at"),
	                        "text", json_object_get(reply, "text"),
	                        "channel", ch ? ch : json_null());
	/* which template it was: --auto sends none twice in a row unchanged */
	if (msg && json_object_get(reply, "template"))
		json_object_set(msg, "template", json_object_get(reply, "template"));
	if (!msg || !(one = json_dumps(msg, JSON_COMPACT)))
		goto out;
	if (omni_json_type(msgs) == OMNI_J_ARRAY) {
		const char *close = msgs.p + msgs.n - 1;   /* the ']' */
		if (asprintf(&buf, "%.*s%s%s]", (int)(close - msgs.p), msgs.p, empty ? "" : ",", one) < 0)
			buf = NULL;
	} else if (asprintf(&buf, "[%s]", one) < 0) {
		buf = NULL;
	}
	/* a satisfaction request leaves the ticket solved */
	int keep = omni_reply_csat_request(reply);
	if (buf && omni_edit_set_raw(r->edit, "messages", buf, strlen(buf)) == 0 &&
	    (keep || omni_edit_set_raw(r->edit, "status", "\"pending\"", 9) == 0))
		rc = 0;
	/* the store's timeline has it too, for every later version */
	char *tid = omni_json_string(omni_record_get(rec, "id"), NULL);
	const char *at = json_string_value(json_object_get(reply, "sent_at"));
	omni_error e = { 0 };
	if (rc == 0 && tid && at && r->store &&
	    omni_timeline_reply(r->store, tid, one, strlen(one), id,
	                        ch && json_is_string(ch) ? json_string_value(ch) : "email",
	                        at, keep, &e) < 0) {
		omni_report(&e);
		r->send_status = e.status ? e.status : OMNI_EX_SOFTWARE;
	}
	free(tid);
out:
	json_decref(msg);
	json_decref(ch);
	free(one);
	free(buf);
	return rc;
}

/* "key":"value" after a comma unless first; left out when value is
 * missing or not UTF-8 (valid: 1 known to be, -1 to be checked), as
 * jansson would leave it out of an object. */
static void
put_member(omni_text *b, int *first, const char *key, const char *value, int valid)
{
	if (!value || !(valid > 0 || omni_json_text_utf8(value, strlen(value))))
		return;
	if (!*first)
		omni_text_put(b, ",", 1);
	*first = 0;
	omni_json_text_string(b, key, strlen(key));
	omni_text_put(b, ":", 1);
	omni_json_text_string(b, value, strlen(value));
}

/* A reply rendered from a template, neither drafted nor sent: its JSON
 * written straight from its parts, the way one() would through jansson
 * (the same members in the same order).  2: not such a ticket, one()
 * takes it. */
static int
quick(struct run *r, const omni_record *rec, const char *store, omni_error *err)
{
	omni_span existing = omni_reply_field(r->view, "reply");
	omni_span text = omni_json_get(existing, "text"), status = omni_json_get(existing, "status");
	omni_reply_parts p = { 0 };
	omni_text b = { 0 };
	json_t *reasons = NULL;
	char *lint = NULL;
	const char *name, *tag = NULL;
	int rc = -1, first = 1;

	if (omni_json_string_eq(status, "sent") ||
	    (!r->template && !r->auto_mode && text.p &&
	     (omni_json_string_eq(status, "draft") || omni_json_string_eq(status, "approved"))))
		return 2;
	if (!(name = template_for(r, NULL)))
		return omni_record_write(r->out, rec, NULL);
	const omni_conf_section *s = store ? omni_config_find(r->config, "store", store) : NULL;
	const char *brand = s ? omni_conf_get(s, "brand") : NULL;
	if ((rc = omni_reply_compose(r->lib, r->view, name, brand,
	                             store_zone(r, s, store), &p, err)) <= 0) {
		if (rc == 0)
			no_template(rec, name, p.source);
		return rc < 0 ? -1 : omni_record_write(r->out, rec, NULL);
	}
	r->replies++;
	rc = -1;
	int valid = omni_json_text_utf8(p.text, strlen(p.text));
	if (!(reasons = json_array()))
		goto oom;
	int blocked = omni_reply_lint_text(r->view, valid ? p.text : NULL, NULL, r->human,
	                                   reasons, &tag) > 0;
	r->blocked += blocked;
	omni_text_put(&b, "{", 1);
	put_member(&b, &first, "template", p.template, -1);
	put_member(&b, &first, "lang", p.lang, -1);
	put_member(&b, &first, "source", p.source, -1);
	put_member(&b, &first, "text", valid ? p.text : NULL, 1);
	put_member(&b, &first, "html", p.html, -1);
	if (p.empty) {         /* the slots left empty, as omni_reply_render */
		char sum[65];
		omni_text_put(&b, first ? "\"empty\":{\"slots\":[" : ",\"empty\":{\"slots\":[",
		              first ? 18 : 19);
		first = 0;
		for (const char *q = p.empty; *q;) {
			size_t k = strcspn(q, " ");
			omni_json_text_string(&b, q, k);
			q += k + (q[k] == ' ');
			if (*q)
				omni_text_put(&b, ",", 1);
		}
		omni_sha256_hex(p.text, strlen(p.text), sum);
		omni_text_put(&b, "],\"sha256\":\"", 12);
		omni_text_put(&b, sum, 64);
		omni_text_put(&b, "\"}", 2);
	}
	if (!(lint = omni_json_text(reasons, NULL)))
		goto oom;
	omni_text_put(&b, first ? "\"lint\":" : ",\"lint\":", first ? 7 : 8);
	omni_text_put(&b, lint, strlen(lint));
	omni_text_put(&b, blocked ? ",\"status\":\"blocked\"" : ",\"status\":\"draft\"",
	              blocked ? 19 : 17);
	if (!blocked && tag)
		put_member(&b, &first, "tag", tag, 1);
	omni_text_put(&b, "}", 1);
	omni_edit_reset(r->edit);
	if (b.failed || omni_edit_set_raw(r->edit, "reply", b.p, b.n) < 0)
		goto oom;
	rc = omni_record_write(r->out, rec, r->edit);
	goto out;
oom:
	omni_error_oom(err);
out:
	json_decref(reasons);
	omni_reply_parts_free(&p);
	free(lint);
	free(b.p);
	return rc;
}

/* Is the reply's text the text of the ticket's last reply? */
static int
repeats_last_reply(const omni_record *rec, const json_t *reply)
{
	const char *text = json_string_value(json_object_get(reply, "text"));
	omni_span m, last = { 0 };
	omni_jiter it;
	char at[64], best[64] = "";

	if (!text)
		return 0;
	omni_json_iter(&it, omni_record_get(rec, "messages"));
	while (omni_json_next(&it, NULL, &m)) {
		omni_span when;
		if (omni_message_class(m, &when) != OMNI_MSG_REPLY)
			continue;
		if (omni_json_string_buf(when, at, sizeof at) < 0)
			at[0] = '\0';
		if (!last.p || strcmp(at, best) >= 0) {
			last = m;
			snprintf(best, sizeof best, "%s", at);
		}
	}
	return last.p && omni_json_string_eq(omni_json_get(last, "text"), text);
}

/* Answered already, or done: the lifecycle omni-link keeps (a ticket
 * without a status, not linked, is answered as it comes). */
static int
waiting_on_customer(const omni_record *rec)
{
	omni_span st = omni_record_get(rec, "status");

	return omni_json_string_eq(st, "pending") || omni_json_string_eq(st, "solved") ||
	       omni_json_string_eq(st, "closed");
}

/* Is [reply] csat on for the store? */
static int
csat_on(struct run *r, const char *store)
{
	const char *v = conf(r, store, "csat");

	return v && (strcmp(v, "yes") == 0 || strcmp(v, "on") == 0 || strcmp(v, "true") == 0 ||
	             strcmp(v, "1") == 0);
}

/* The satisfaction request a solved ticket gets ([reply] csat): the
 * template csat in her language, linted on the channel's rules, sent
 * once a ticket (its ledger key is the ticket's); the ticket stays solved. */
static int
ask_csat(struct run *r, const omni_record *rec, const char *store, omni_error *err)
{
	const omni_conf_section *s = store ? omni_config_find(r->config, "store", store) : NULL;
	const char *brand = s ? omni_conf_get(s, "brand") : NULL, *tag = NULL;
	json_t *reply = json_object();
	char missing[600] = "";
	int rc = -1;

	if (!reply)
		return omni_error_oom(err);
	int got = omni_reply_render(r->lib, r->view, "csat", brand, store_zone(r, s, store),
	                            reply, missing, sizeof missing, err);
	if (got <= 0) {
		if (got == 0)
			no_template(rec, "csat", missing);
		rc = got < 0 ? -1 : omni_record_write(r->out, rec, NULL);
		goto out;
	}
	r->replies++;
	if (omni_reply_lint_ticket(r->view, reply, 0, &tag) > 0) {
		json_object_set_new(reply, "status", json_string("blocked"));
		r->blocked++;
	} else {
		json_object_set_new(reply, "status", json_string("draft"));
		if (tag)
			json_object_set_new(reply, "tag", json_string(tag));
		if (r->send && deliver(r, rec, reply, store, err) < 0)
			goto out;
	}
	omni_edit_reset(r->edit);
	size_t len;
	char *text = omni_json_text(reply, &len);
	if (!text || omni_edit_set_raw(r->edit, "reply", text, len) < 0 ||
	    add_sent_message(r, rec, reply) < 0) {
		free(text);
		omni_error_oom(err);
		goto out;
	}
	free(text);
	rc = omni_record_write(r->out, rec, r->edit);
out:
	json_decref(reply);
	return rc;
}

static int
one(struct run *r, const omni_record *rec, omni_error *err)
{
	char *store = omni_json_string(omni_record_get(rec, "store"), NULL);
	int human = r->human, rc = -1;
	const char *tag = NULL;
	json_t *reply = NULL;

	const char *person = NULL, *why;

	memset(err, 0, sizeof *err);
	omni_reply_view_set(r->view, rec);
	/* her rating answers the satisfaction request: nothing to answer */
	if (!r->lint_only && omni_reply_csat_answer(rec)) {
		char *id = omni_json_string(omni_record_get(rec, "id"), NULL);
		omni_verbose("%s: no reply: the customer's latest message rates the ticket",
		             id ? id : "?");
		free(id);
		rc = omni_record_write(r->out, rec, NULL);
		goto out;
	}
	if (!r->lint_only && !r->template && csat_on(r, store)) {
		int due = omni_reply_csat_due(r->view, r->store, &why, err);
		if (due < 0)
			goto out;
		if (due) {
			rc = ask_csat(r, rec, store, err);
			goto out;
		}
		if (omni_json_string_eq(omni_record_get(rec, "status"), "solved")) {
			char *id = omni_json_string(omni_record_get(rec, "id"), NULL);
			omni_verbose("%s: no satisfaction request: %s", id ? id : "?", why);
			free(id);
		}
	}
	if (r->auto_mode) {
		/* the latest request decides, and a machine gets no answer */
		omni_reply_view_latest(r->view, 1);
		if (waiting_on_customer(rec)) {
			rc = omni_record_write(r->out, rec, NULL);
			goto out;
		}
		omni_auto a = omni_reply_auto(r->view, &why);
		if (a == OMNI_AUTO_NONE) {
			char *id = omni_json_string(omni_record_get(rec, "id"), NULL);
			omni_verbose("%s: no automatic reply: %s", id ? id : "?", why);
			free(id);
			rc = omni_record_write(r->out, rec, NULL);
			goto out;
		}
		if (a == OMNI_AUTO_PERSON)
			person = why;
	}
	if (!r->auto_mode && !r->send && !r->draft && !r->lint_only &&
	    (rc = quick(r, rec, store, err)) != 2)
		goto out;
	rc = -1;
	if (!(reply = compose(r, rec, store, &human, person, err))) {
		rc = err->status ? -1 : omni_record_write(r->out, rec, NULL);
		goto out;
	}
	r->replies++;
	if (omni_reply_lint_ticket(r->view, reply, human, &tag) > 0) {
		json_object_set_new(reply, "status", json_string("blocked"));
		r->blocked++;
	} else {
		const char *st = json_string_value(json_object_get(reply, "status"));
		if (!st || strcmp(st, "blocked") == 0)
			json_object_set_new(reply, "status", json_string("draft"));
		if (tag)
			json_object_set_new(reply, "tag", json_string(tag));
		if (person) {
			/* a person answers: the draft waits for her */
		} else if (r->auto_mode &&
		           (repeats_last_reply(rec, reply) ||
		            omni_reply_auto_repeats(r->view,
		                                    json_string_value(json_object_get(reply, "template")),
		                                    json_string_value(json_object_get(reply, "text"))))) {
			/* nothing it says has changed: a person decides */
			json_object_set_new(reply, "tag", json_string("repeat"));
			person = "same_reply";
		} else if (r->send && deliver(r, rec, reply, store, err) < 0) {
			goto out;
		}
	}
	if (person)
		json_object_set_new(reply, "person", json_string(person));
	omni_edit_reset(r->edit);
	size_t len;
	char *text = omni_json_text(reply, &len);
	if (!text || omni_edit_set_raw(r->edit, "reply", text, len) < 0) {
		free(text);
		omni_error_oom(err);
		goto out;
	}
	free(text);
	if (add_sent_message(r, rec, reply) < 0) {
		omni_error_oom(err);
		goto out;
	}
	rc = omni_record_write(r->out, rec, r->edit);
out:
	json_decref(reply);
	free(store);
	return rc;
}

/* A send in doubt, said on every run until a person settles it. */
static void
say_doubt(void *arg, const char *key, const char *ticket, const char *at)
{
	(void)arg;
	omni_warn("%s: a reply of %s may or may not have gone out (ledger key %.12s): "
	          "check, then omni-reply --resolve %.12s=sent or =unsent",
	          ticket && *ticket ? ticket : "?", at ? at : "?", key, key);
}

/* --ledger and --resolve: the send ledger, by hand. */
static int
ledger_mode(struct run *r)
{
	omni_error err = { 0 };
	json_t *rows = NULL, *row;
	size_t i;
	int status = 0;

	if (omni_store_open(r->db_path, &r->store, &err) < 0)
		goto fail;
	for (int k = 0; k < r->nresolve; k++) {
		if (omni_ledger_resolve(r->store, r->resolve[k], &err) < 0)
			goto fail;
		omni_verbose("%s: resolved", r->resolve[k]);
	}
	if (r->ledger) {
		if (!(rows = omni_ledger_list(r->store, r->all, &err)))
			goto fail;
		r->out = omni_out_new(STDOUT_FILENO);
		json_array_foreach(rows, i, row)
			if (omni_out_json(r->out, row) < 0)
				break;
	}
	goto out;
fail:
	omni_report(&err);
	status = err.status ? err.status : OMNI_EX_SOFTWARE;
out:
	json_decref(rows);
	status = omni_cli_close(r->out, NULL, status);
	omni_store_close(r->store);
	return status;
}

static int
parse_options(struct run *r, int argc, char **argv, omni_error *err)
{
	int c;

	while ((c = omni_cli_getopt(&cli, argc, argv)) != -1) {
		switch (c) {
		case 'a': r->auto_mode = 1; break;
		case 's': r->send = 1; break;
		case 'l': r->lint_only = 1; break;
		case 't': r->template = optarg; break;
		case 'T': r->templates = optarg; break;
		case 'c': r->config_path = optarg; break;
		case 'd': r->db_path = optarg; break;
		case OPT_HUMAN: r->human = 1; break;
		case OPT_LEDGER: r->ledger = 1; break;
		case OPT_DRAFT: r->draft = 1; break;
		case OPT_ALL: r->all = 1; break;
		case OPT_RESOLVE: r->resolve[r->nresolve++] = optarg; break;
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
	if (r->all && !r->ledger)
		return omni_usage_error(usage_line, "--all goes with --ledger");
	if ((r->ledger || r->nresolve) && (r->send || r->lint_only || r->auto_mode || optind < argc))
		return omni_usage_error(usage_line, "--ledger and --resolve read no tickets and send nothing");
	if (r->reject_path && !r->keep_going)
		return omni_usage_error(usage_line, "--reject needs --keep-going");
	if (r->lint_only && (r->auto_mode || r->template))
		return omni_usage_error(usage_line, "--lint checks the replies there: not with --auto or --template");
	return 0;
}

int
main(int argc, char **argv)
{
	struct run r = { 0 };
	omni_error err = { 0 };
	omni_reader *in = NULL;
	omni_record *rec;
	int status = 0, rc;

	omni_diag_init(argv[0]);
	if (!(r.resolve = calloc((size_t)argc, sizeof *r.resolve)))
		return OMNI_EX_SOFTWARE;
	if ((rc = parse_options(&r, argc, argv, &err))) {
		free(r.resolve);
		return rc;
	}
	if (r.ledger || r.nresolve) {
		status = ledger_mode(&r);
		free(r.resolve);
		return status;
	}
	omni_http_init();
	if (omni_config_load(r.config_path, &r.config, &err) < 0 ||
	    omni_config_check(r.config, "reply", reply_keys, NULL, &err) < 0)
		goto fail;
	const char *period = conf(&r, NULL, "auto_period");
	if ((r.auto_period = omni_duration_parse(period ? period : "24h")) < 0) {
		omni_error_set(&err, OMNI_EX_CONFIG, NULL, 0, 0,
		               "[reply] auto_period: not a time such as 24h: %s", period);
		goto fail;
	}
	if (r.reject_path && !(r.reject = omni_reject_open(r.reject_path, 1, &err))) {
		goto fail;
	}
	if (open_library(&r) < 0) {
		omni_error_oom(&err);
		goto fail;
	}
	if (omni_tmpl_lib_configure(r.lib, r.config, &err) < 0)
		goto fail;
	if (r.send && omni_store_open(r.db_path, &r.store, &err) < 0)
		goto fail;
	r.out = omni_out_new(STDOUT_FILENO);
	if (r.send) {
		int doubts = omni_ledger_doubts(r.store, NULL, say_doubt, NULL, &err);
		if (doubts < 0)
			goto fail;
		if (doubts)
			r.send_status = OMNI_EX_TEMPFAIL;
	}
	/* The end of the pipeline says what reached it (omni(7)). */
	if (omni_out_end(r.out) && !(r.arrivals = omni_arrivals_new(r.store, r.db_path, r.out))) {
		omni_error_oom(&err);
		goto fail;
	}
	r.edit = omni_edit_new();
	if (!(r.view = omni_reply_view_new())) {
		omni_error_oom(&err);
		goto fail;
	}
	in = omni_reader_new(argv + optind, argc - optind, r.keep_going, r.reject);
	while ((rc = omni_reader_next(in, &rec, &err)) != 0) {
		if (rc < 0)
			goto fail;
		if (rc == 2) {
			omni_report(&err);
			continue;
		}
		if (one(&r, rec, &err) < 0) {
			if (!err.status && omni_out_broken_pipe(r.out))
				goto out;
			if (!err.status)
				break;        /* a write error: omni_out_close says it */
			goto fail;
		}
		/* its input has omni-route's members, which the store keeps */
		if (omni_arrivals_add(r.arrivals, omni_record_get(rec, "id"), rec->text, rec->len,
		                      &err) < 0)
			goto fail;
	}
	if (omni_arrivals_settle(r.arrivals, &err) < 0)
		goto fail;
	omni_verbose("%ld replies: %ld blocked, %ld sent, %ld failed, %ld unknown",
	             r.replies, r.blocked, r.sent, r.failed, r.unknown);
	if (omni_reader_rejected(in) || (r.lint_only && r.blocked))
		status = OMNI_EX_PARTIAL;
	if (r.send_status)
		status = r.send_status;
	goto out;
fail:
	omni_report(&err);
	status = err.status ? err.status : OMNI_EX_SOFTWARE;
out:
	status = omni_cli_close(r.out, r.reject, status);
	omni_reader_free(in);
	omni_edit_free(r.edit);
	omni_reply_view_free(r.view);
	omni_tmpl_lib_free(r.lib);
	omni_arrivals_free(r.arrivals);
	omni_store_close(r.store);
	omni_http_free(r.meta_http);
	omni_http_free(r.ebay_http);
	omni_http_free(r.tiktok_http);
	omni_http_free(r.draft_http);
	free(r.policy);
	free(r.resolve);
	omni_config_free(r.config);
	omni_http_cleanup();
	return status;
}
