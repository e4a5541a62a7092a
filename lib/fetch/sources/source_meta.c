/* source_meta.c - meta:BASE, the Graph API's conversations of a Page
 * (Messenger) or of its Instagram account: back-fill beside the webhook.
 *
 * GET BASE/VERSION/PAGE/conversations?platform=P&fields=participants,
 * updated_time,messages{...}: the most recently updated conversation
 * first, each with its newest messages; paging.next leads to more
 * conversations and, inside one, to older messages.  Each message becomes
 * a ticket through lib/fetch/payload/payload_meta.c exactly as its webhook delivery
 * does (same ids, same thread key, the mid as its seen key), and its mid
 * is marked for the webhook too (webhook:meta), whose marks are consulted
 * here: a message comes out once, whichever way it came first.
 *
 * The cursor is {"since":T} between runs, T the newest updated_time of the
 * last complete run (older conversations, and older messages of a newer
 * one, are not asked for again), and {"since","max","next"} after each
 * complete page in the middle of a run, so that a run that stopped resumes
 * after the last complete page. */
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "store/store.h"
#include "net/net.h"
#include "fetch/fetch.h"

#define GRAPH_VERSION "v21.0"
#define WEBHOOK_SCOPE "webhook:meta"
#define FIELDS "participants,updated_time," \
	"messages%7Bid,created_time,from,to,message,attachments%7D"

struct meta {
	omni_fetch *f;
	omni_paged pg;            /* the handle, the cursor, the page number */
	char *root;               /* BASE/VERSION */
	char *page;               /* the Page id */
	char *account;            /* the business in messages: Page or IG account */
	const char *platform, *channel;
	long retries;
	double backoff;
};

/* The Graph error code of a refusal: error.code of its body
 * ({"error":{"message":"(#4) ...","code":4,...}}), else read from the
 * error's text; 0 when none. */
static long
graph_code(const omni_http_response *r, const char *text)
{
	json_t *doc = r ? json_loadb(r->body, r->len, 0, NULL) : NULL;
	json_t *code = json_object_get(json_object_get(doc, "error"), "code");
	long n = json_is_integer(code) ? (long)json_integer_value(code) : -1;
	const char *p;

	json_decref(doc);
	if (n >= 0)
		return n;
	if ((p = strstr(text, "\"code\":")))
		return strtol(p + 7, NULL, 10);
	if ((p = strstr(text, "(#")))
		return strtol(p + 2, NULL, 10);
	return strstr(text, "access token") ? 190 : 0;
}

/* The highest percentage in a usage header (X-App-Usage is an object of
 * percentages; X-Business-Use-Case-Usage an object of lists of them). */
static double
usage(const json_t *v)
{
	double most = 0, x;
	const char *key;
	json_t *e;
	size_t i;

	if (json_is_array(v))
		json_array_foreach(v, i, e)
			if ((x = usage(e)) > most)
				most = x;
	if (json_is_object(v))
		json_object_foreach((json_t *)v, key, e) {
			x = json_is_number(e) && strcmp(key, "estimated_time_to_regain_access") ?
			    json_number_value(e) : usage(e);
			if (x > most)
				most = x;
		}
	return most;
}

/* Near the limit (90% of any count), slow down: half a second for each
 * point from 90, before the next request. */
static void
pace(struct meta *m, const omni_http_response *r)
{
	static const char *const names[] = { "X-App-Usage", "X-Business-Use-Case-Usage" };
	double most = 0;

	for (size_t i = 0; i < 2; i++) {
		char *v = omni_http_header(r, names[i]);
		json_t *doc = v ? json_loads(v, 0, NULL) : NULL;
		double x = usage(doc);
		if (x > most)
			most = x;
		json_decref(doc);
		free(v);
	}
	if (most >= 90) {
		char why[48];
		snprintf(why, sizeof why, "usage %.0f%%", most);
		omni_paged_wait(&m->pg, (most - 89) * 0.5, why);
	}
}

/* A Graph error as the status it deserves: rate limits 75 (to retry),
 * an invalid or expired token or a missing permission 77, any other 76.
 * 1 when worth a retry. */
static int
graph_error(struct meta *m, const omni_http_response *r, const char *what,
            long attempts, omni_error *err)
{
	char was[sizeof err->text];
	long code;

	if (err->status != OMNI_EX_PROTOCOL && err->status != OMNI_EX_NOPERM)
		return 0;
	code = graph_code(r, err->text);
	snprintf(was, sizeof was, "%s", err->text);
	if (code == 4 || code == 17 || code == 32 || code == 613) {
		omni_error_set(err, OMNI_EX_TEMPFAIL, m->f->name, 0, 0,
		               "%s: rate limited (graph error %ld), %ld attempts", what, code,
		               attempts);
		return 1;
	}
	if (code == 190)
		omni_error_set(err, OMNI_EX_NOPERM, m->f->name, 0, 0,
		               "%s: the page access token is invalid or expired (graph error "
		               "190): renew OMNI_META_TOKEN", what);
	else if (code == 10 || (code >= 200 && code < 300))
		omni_error_set(err, OMNI_EX_NOPERM, m->f->name, 0, 0,
		               "%s: the token lacks a permission (graph error %ld; the page "
		               "needs pages_messaging, or instagram_manage_messages): %.300s",
		               what, code, was);
	else if (code)
		omni_error_set(err, OMNI_EX_PROTOCOL, m->f->name, 0, 0,
		               "graph error %ld: %.400s", code, was);
	return 0;
}

/* GET url as JSON: *doc new.  Graph's rate-limit errors are retried with
 * a backoff, as lib/net/http.c retries 429 and 5xx. */
static int
fetch(struct meta *m, const char *url, const char *what, json_t **doc,
      omni_error *err)
{
	omni_http_response *r;
	double wait = m->backoff;

	if (omni_paged_origin(m->f->name, what, m->root, url, err) < 0)
		return -1;
	for (long n = 0;; n++) {
		if (omni_http_request(m->pg.h, NULL, url, what, NULL, NULL, 0, &r, err) == 0)
			break;
		if (!graph_error(m, r, what, n + 1, err) || n >= m->retries)
			return -1;
		if (m->f->trace) {
			char line[96];
			snprintf(line, sizeof line, "rate limited: retrying in %.2fs (attempt %ld)",
			         wait, n + 2);
			m->f->trace(m->f->arg, line);
		}
		omni_http_sleep(wait);
		wait *= 2;
	}
	pace(m, r);
	return (*doc = omni_paged_parse(&m->pg, r, err)) ? 0 : -1;
}

/* paging.next without an access_token parameter (Meta puts the token in
 * it; ours travels in a header, and the URL is stored as the cursor). */
static char *
next_url(const json_t *box)
{
	const char *next = omni_payload_str(json_object_get(box, "paging"), "next");
	char *url, *p;

	if (!next || !(url = strdup(next)))
		return NULL;
	while ((p = strstr(url, "access_token=")) && p > url && strchr("?&", p[-1])) {
		char *end = strchr(p, '&');
		if (end)
			memmove(p, end + 1, strlen(end + 1) + 1);
		else
			p[p[-1] == '?' ? 0 : -1] = 0;
	}
	return url;
}

/* The Graph attachment as a webhook's {type, payload{url}}. */
static json_t *
attachment(const json_t *a)
{
	const char *mime = omni_payload_str(a, "mime_type"), *type = "file", *url;

	if ((url = omni_payload_str(json_object_get(a, "image_data"), "url")))
		type = "image";
	else if ((url = omni_payload_str(json_object_get(a, "video_data"), "url")))
		type = "video";
	else if (mime && strncmp(mime, "audio/", 6) == 0)
		type = "audio";
	if (!url)
		url = omni_payload_str(a, "file_url");
	return json_pack("{s:s, s:{s:s?}}", "type", type, "payload", "url", url);
}

/* A Graph message as the webhook messaging event that carries it. */
static json_t *
as_event(struct meta *m, const json_t *msg, omni_time at)
{
	const char *from = omni_payload_str(json_object_get(msg, "from"), "id");
	const char *to = omni_payload_str(json_array_get(json_object_get(json_object_get(msg, "to"), "data"), 0), "id");
	int echo = from && (strcmp(from, m->account) == 0 || strcmp(from, m->page) == 0);
	json_t *message = json_object(), *list = json_array(), *a;
	size_t i;

	omni_json_set_str(message, "mid", omni_payload_str(msg, "id"));
	omni_payload_set_str(message, "text", omni_payload_str(msg, "message"));
	if (echo)
		json_object_set_new(message, "is_echo", json_true());
	json_array_foreach(json_object_get(json_object_get(msg, "attachments"), "data"), i, a)
		json_array_append_new(list, attachment(a));
	json_object_set_new(message, "attachments", list);
	return json_pack("{s:{s:s?}, s:{s:s?}, s:I, s:o}", "sender", "id", from,
	                 "recipient", "id", to, "timestamp", (json_int_t)at,
	                 "message", message);
}

/* The customer's name among the participants (Messenger gives names). */
static const char *
participant_name(const json_t *conv, const char *id)
{
	const json_t *p;
	size_t i;

	json_array_foreach(json_object_get(json_object_get(conv, "participants"), "data"), i, p)
		if (id && omni_payload_str(p, "id") && strcmp(omni_payload_str(p, "id"), id) == 0)
			return omni_payload_str(p, "name");
	return NULL;
}

struct dated {
	omni_time at;
	size_t index;
	const json_t *msg;
};

static int
by_time(const void *a, const void *b)
{
	const struct dated *x = a, *y = b;

	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return x->index < y->index ? 1 : -1;   /* Graph lists newest first */
}

/* The messages of one conversation, oldest first, each a ticket once. */
static int
emit_messages(struct meta *m, const json_t *conv, const json_t *msgs,
              const char *what, omni_error *err)
{
	omni_payload p = { m->f, json_object() };
	size_t n = json_array_size(msgs), i;
	struct dated *d = calloc(n + 1, sizeof *d);
	int rc = -1;

	if (!d)
		goto out;
	for (i = 0; i < n; i++) {
		d[i].msg = json_array_get(msgs, i);
		d[i].index = i;
		if (!omni_payload_str(d[i].msg, "id") ||
		    omni_payload_time(json_object_get(d[i].msg, "created_time"), &d[i].at) < 0) {
			omni_error_set(err, OMNI_EX_DATAERR, m->f->name, 0, 0,
			               "%s: a message without %s", what,
			               omni_payload_str(d[i].msg, "id") ? "a created_time" : "an id");
			goto out;
		}
	}
	qsort(d, n, sizeof *d, by_time);
	for (i = 0; i < n; i++) {
		const char *mid = omni_payload_str(d[i].msg, "id");
		json_t *ev = as_event(m, d[i].msg, d[i].at);
		const char *cust = omni_payload_str(json_object_get(ev, json_is_true(json_object_get(json_object_get(ev, "message"), "is_echo")) ?
		                               "recipient" : "sender"), "id");
		int seen = m->f->all ? 0 : omni_store_seen(m->f->store, WEBHOOK_SCOPE, mid, err);
		if (seen == 0)
			seen = omni_payload_meta_event(&p, m->channel, m->account, ev,
			                               participant_name(conv, cust), err);
		json_decref(ev);
		if (seen < 0 || omni_store_mark_seen(m->f->store, WEBHOOK_SCOPE, mid, err) < 0)
			goto out;
	}
	rc = 0;
out:
	free(d);
	json_decref(p.emitted);
	return rc;
}

/* One conversation: its messages, with the older pages of them down to
 * the cursor's time. */
static int
conversation(struct meta *m, const json_t *conv, const char *what, omni_error *err)
{
	const json_t *box = json_object_get(conv, "messages");
	json_t *msgs = json_array(), *doc = NULL;
	char *url = next_url(box), sub[160];
	int rc = -1;

	if (json_is_array(json_object_get(box, "data")))
		json_array_extend(msgs, json_object_get(box, "data"));
	for (long n = 2; url; n++) {
		const json_t *last = json_array_get(msgs, json_array_size(msgs) - 1);
		omni_time t;
		if (omni_payload_time(json_object_get(last, "created_time"), &t) == 0 &&
		    m->pg.since != OMNI_TIME_NONE && t < m->pg.since)
			break;
		snprintf(sub, sizeof sub, "%s, messages of %.60s page %ld", what,
		         omni_payload_str(conv, "id") ? omni_payload_str(conv, "id") : "?", n);
		if (fetch(m, url, sub, &doc, err) < 0)
			goto out;
		if (!json_is_array(json_object_get(doc, "data"))) {
			omni_error_set(err, OMNI_EX_DATAERR, m->f->name, 0, 0,
			               "%s: no \"data\" list in the response", sub);
			goto out;
		}
		json_array_extend(msgs, json_object_get(doc, "data"));
		free(url);
		url = next_url(doc);
		json_decref(doc);
		doc = NULL;
	}
	rc = emit_messages(m, conv, msgs, what, err);
out:
	free(url);
	json_decref(doc);
	json_decref(msgs);
	return rc;
}

static int
page(struct meta *m, const char *url, char **next, omni_error *err)
{
	json_t *doc = NULL, *conv;
	const json_t *data;
	char what[48];
	int stop = 0, rc = -1;
	size_t i;

	*next = NULL;
	snprintf(what, sizeof what, "page %ld", m->pg.page);
	if (fetch(m, url, what, &doc, err) < 0)
		goto out;
	if (!json_is_array(data = json_object_get(doc, "data"))) {
		omni_error_set(err, OMNI_EX_DATAERR, m->f->name, 0, 0,
		               "%s: no \"data\" list in the response", what);
		goto out;
	}
	json_array_foreach(data, i, conv) {
		const char *u = omni_payload_str(conv, "updated_time");
		omni_time t;
		if (!u || omni_time_parse(u, &t) < 0) {
			omni_error_set(err, OMNI_EX_DATAERR, m->f->name, 0, 0,
			               "%s: a conversation without an updated_time", what);
			goto out;
		}
		if (m->pg.since != OMNI_TIME_NONE && t < m->pg.since) {
			stop = 1;     /* newest first: the rest is older still */
			break;
		}
		omni_paged_note(&m->pg, json_object_get(conv, "updated_time"));
		if (conversation(m, conv, what, err) < 0)
			goto out;
	}
	if (!stop)
		*next = next_url(doc);
	if (*next && omni_paged_origin(m->f->name, what, m->root, *next, err) < 0) {
		free(*next);
		*next = NULL;
		goto out;
	}
	rc = 0;
out:
	json_decref(doc);
	return rc;
}

/* Strips the last path segment of url (in place) into *seg when it is
 * what ok() accepts. */
static int
take_segment(char *url, char **seg, int (*ok)(const char *))
{
	char *host = strstr(url, "://"), *slash;
	size_t n = strlen(url);

	while (n && url[n - 1] == '/')
		url[--n] = 0;
	slash = strrchr(url, '/');
	if (!slash || (host && slash < host + 3) || !ok(slash + 1))
		return 0;
	*seg = strdup(slash + 1);
	*slash = 0;
	return *seg != NULL;
}

static int
is_id(const char *s)
{
	return *s && strspn(s, "0123456789") == strlen(s);
}

static int
is_version(const char *s)
{
	return s[0] == 'v' && s[1] >= '0' && s[1] <= '9' &&
	       strspn(s + 1, "0123456789.") == strlen(s + 1);
}

/* The page, platform and version from the [source] section, else from
 * the URI (BASE[/VERSION][/PAGE-ID][?platform=P]); the token as a bearer
 * header, never in a URL. */
static int
setup(struct meta *m, const char *base, omni_error *err)
{
	const omni_conf_section *s = m->f->conf;
	char *url = strdup(base), *q, *version = NULL, *token = NULL;
	const char *v;
	int rc = -1;

	if (!url)
		goto oom;
	m->platform = "messenger";
	if ((q = strchr(url, '?'))) {
		*q++ = 0;
		if ((v = strstr(q, "platform=")))
			m->platform = strncmp(v + 9, "instagram", 9) == 0 ? "instagram" :
			              strncmp(v + 9, "messenger", 9) == 0 ? "messenger" : v + 9;
	}
	if ((v = omni_conf_get(s, "platform")))
		m->platform = v;
	if (strcmp(m->platform, "instagram") && strcmp(m->platform, "messenger")) {
		omni_error_set(err, OMNI_EX_CONFIG, m->f->name, 0, 0,
		               "platform must be instagram or messenger, not \"%.40s\"", m->platform);
		goto out;
	}
	m->channel = m->platform[0] == 'i' ? "instagram" : "facebook";
	take_segment(url, &m->page, is_id);
	take_segment(url, &version, is_version);
	if ((v = omni_conf_get(s, "page"))) {
		free(m->page);
		m->page = strdup(v);
	}
	if (!m->page) {
		omni_error_set(err, OMNI_EX_CONFIG, m->f->name, 0, 0,
		               "no page id: set page in its [source] or end the uri in /PAGE-ID");
		goto out;
	}
	v = omni_conf_get(s, "version");
	if (asprintf(&m->root, "%s/%s", url, v ? v : version ? version : GRAPH_VERSION) < 0) {
		m->root = NULL;
		goto oom;
	}
	m->retries = (long)omni_env_number("OMNI_HTTP_RETRIES", 5);
	m->backoff = omni_env_number("OMNI_HTTP_BACKOFF", 1);
	if (omni_paged_open(&m->pg, m->f, err) < 0 ||
	    !(token = omni_fetch_secret(m->f, "META", "TOKEN", err)))
		goto out;
	free(version);
	version = NULL;
	if (asprintf(&version, "Bearer %s", token) < 0 ||
	    omni_http_add_header(m->pg.h, "Authorization", version, 1) < 0) {
		version = NULL;
		goto oom;
	}
	rc = 0;
	goto out;
oom:
	omni_error_oom_at(err, m->f->name, 0);
out:
	free(url);
	free(version);
	free(token);
	return rc;
}

/* Who the business is in the messages: the Page on Messenger; on
 * Instagram its professional account, configured or asked of the Page. */
static int
account(struct meta *m, omni_error *err)
{
	const char *v = omni_conf_get(m->f->conf, "account");
	json_t *doc = NULL;
	char *url = NULL;
	int rc = -1;

	if (v || m->platform[0] == 'm') {
		m->account = strdup(v ? v : m->page);
		return 0;
	}
	if (asprintf(&url, "%s/%s?fields=instagram_business_account", m->root, m->page) < 0)
		return omni_error_oom(err), -1;
	if (fetch(m, url, "the page's instagram account", &doc, err) < 0)
		goto out;
	if (!(v = omni_payload_str(json_object_get(doc, "instagram_business_account"), "id"))) {
		omni_error_set(err, OMNI_EX_CONFIG, m->f->name, 0, 0,
		               "page %s has no instagram_business_account: connect one, or "
		               "set account in its [source]", m->page);
		goto out;
	}
	m->account = strdup(v);
	rc = 0;
out:
	free(url);
	json_decref(doc);
	return rc;
}

int
omni_source_meta(omni_fetch *f, const char *base, omni_error *err)
{
	struct meta m = { .f = f };
	char *url = NULL, *next = NULL;
	int rc = -1;

	if (setup(&m, base, err) < 0 || account(&m, err) < 0)
		goto out;
	if (m.pg.next)
		url = strdup(m.pg.next);
	else if (asprintf(&url, "%s/%s/conversations?platform=%s&fields=%s", m.root,
	                  m.page, m.platform, FIELDS) < 0)
		url = NULL;
	for (; url; m.pg.page++) {
		if (page(&m, url, &next, err) < 0 || omni_paged_save(&m.pg, next, err) < 0)
			goto out;
		free(url);
		url = next;
		next = NULL;
	}
	rc = 0;
out:
	free(url);
	free(next);
	free(m.root);
	free(m.page);
	free(m.account);
	omni_paged_close(&m.pg);
	return rc;
}
