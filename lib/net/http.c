/* http.c - requests through one reused libcurl easy handle: HTTP(S) for
 * the channels' APIs and IMAP(S) for mail.  Time-outs on connect and on
 * transfer; retries with exponential backoff and jitter on 429, 5xx and
 * network errors, honouring Retry-After (and on a 429 the rate-limit
 * resets of BigCommerce and Walmart), bounded in count and in total
 * time; a cap on the response size; secrets redacted from traces and never
 * put into an error.  TLS verification is always on; proxies come from
 * libcurl's environment (http_proxy, HTTPS_PROXY, NO_PROXY) and a CA bundle
 * from CURL_CA_BUNDLE or SSL_CERT_FILE / SSL_CERT_DIR. */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>

#include "core/core.h"
#include "net/net.h"
#include "net/net_int.h"

struct omni_http {
	CURL *curl;
	const char *source;
	struct curl_slist *headers;
	char **secrets;
	size_t nsecrets;
	char *user, *password;
	void (*trace)(void *arg, const char *line);
	void *trace_arg;
	long connect_ms, timeout_ms, retries;
	double backoff, max_wait;
	size_t max_size;
	int too_big;
	int in_auth;             /* an IMAP AUTHENTICATE exchange is going on */
	omni_http_reach reach;   /* of the last attempt */
	omni_imap_seen imap;     /* of the last attempt, for imap:// and imaps:// */
	long response_s;         /* an IMAP server's time to answer a line */
	unsigned seed;
	omni_http_response resp;
	size_t cap, hcap;
};

int
omni_http_init(void)
{
	return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK ? 0 : -1;
}

void
omni_http_cleanup(void)
{
	curl_global_cleanup();
}

omni_http *
omni_http_new(const char *source, omni_error *err)
{
	omni_http *h = calloc(1, sizeof *h);

	if (!h || !(h->curl = curl_easy_init())) {
		free(h);
		omni_error_set(err, OMNI_EX_SOFTWARE, source, 0, 0, "cannot start libcurl");
		return NULL;
	}
	h->source = source;
	h->connect_ms = (long)(omni_env_number("OMNI_HTTP_CONNECT_TIMEOUT", 10) * 1000);
	h->timeout_ms = (long)(omni_env_number("OMNI_HTTP_TIMEOUT", 60) * 1000);
	h->retries = (long)omni_env_number("OMNI_HTTP_RETRIES", 5);
	h->backoff = omni_env_number("OMNI_HTTP_BACKOFF", 1);
	h->max_wait = omni_env_number("OMNI_HTTP_MAX_WAIT", 120);
	h->max_size = (size_t)omni_env_number("OMNI_HTTP_MAX_SIZE", 64.0 * 1024 * 1024);
	h->response_s = (long)omni_env_number("OMNI_IMAP_RESPONSE_TIMEOUT", 15);
	/* The jitter's seed, not a time: it only has to differ between
	 * processes, so the real clock (a fixed --now would not) and the pid. */
	h->seed = (unsigned)time(NULL) ^ (unsigned)getpid();
	return h;
}

void
omni_http_free(omni_http *h)
{
	if (!h)
		return;
	curl_easy_cleanup(h->curl);
	curl_slist_free_all(h->headers);
	for (size_t i = 0; i < h->nsecrets; i++)
		free(h->secrets[i]);
	free(h->secrets);
	free(h->user);
	free(h->password);
	free(h->resp.body);
	free(h->resp.headers);
	free(h);
}

static int
add_secret(omni_http *h, const char *value)
{
	char **v = realloc(h->secrets, (h->nsecrets + 1) * sizeof *v);

	if (!v)
		return -1;
	h->secrets = v;
	if (!(v[h->nsecrets] = strdup(value)))
		return -1;
	h->nsecrets++;
	return 0;
}

int
omni_http_add_header(omni_http *h, const char *name, const char *value,
                     int secret)
{
	char *line = NULL;
	struct curl_slist *l;
	int rc = -1;

	if (asprintf(&line, "%s: %s", name, value) < 0)
		return -1;
	if (!(l = curl_slist_append(h->headers, line)))
		goto out;
	h->headers = l;
	rc = secret && *value ? add_secret(h, value) : 0;
out:
	free(line);
	return rc;
}

void
omni_http_clear_headers(omni_http *h)
{
	curl_slist_free_all(h->headers);
	h->headers = NULL;
}

int
omni_http_set_login(omni_http *h, const char *user, const char *password)
{
	free(h->user);
	free(h->password);
	h->user = user ? strdup(user) : NULL;
	h->password = password ? strdup(password) : NULL;
	if (password && *password && add_secret(h, password) < 0)
		return -1;
	return 0;
}

void
omni_http_set_retries(omni_http *h, long retries)
{
	h->retries = retries > 0 ? retries : 0;
}

void
omni_http_set_timeout(omni_http *h, double seconds)
{
	if (seconds > 0)
		h->timeout_ms = (long)(seconds * 1000);
}

void
omni_http_set_trace(omni_http *h, void (*fn)(void *arg, const char *line),
                    void *arg)
{
	h->trace = fn;
	h->trace_arg = arg;
}

/* How much of an outgoing line may be shown: credentials are cut off
 * whole, since their encoded forms (Basic, SASL PLAIN) are not the secret
 * as given.  0: none of it. */
static size_t
redacted_length(omni_http *h, const char *p, size_t n)
{
	static const char *const cut[] = {
		"Authorization:", "Proxy-Authorization:", "Cookie:",
	};
	const char *sp = memchr(p, ' ', n);

	for (size_t i = 0; i < sizeof cut / sizeof cut[0]; i++)
		if (n >= strlen(cut[i]) && strncasecmp(p, cut[i], strlen(cut[i])) == 0)
			return strlen(cut[i]) + 1 < n ? strlen(cut[i]) + 1 : n;
	/* "A002 AUTHENTICATE PLAIN <base64>", "A002 LOGIN user pass" */
	if (sp && (size_t)(sp - p) + 14 <= n &&
	    strncasecmp(sp + 1, "AUTHENTICATE ", 13) == 0) {
		const char *mech_end = memchr(sp + 14, ' ', n - (size_t)(sp + 14 - p));
		h->in_auth = 1;
		return mech_end ? (size_t)(mech_end - p) + 1 : n;
	}
	if (sp && (size_t)(sp - p) + 7 <= n && strncasecmp(sp + 1, "LOGIN ", 6) == 0)
		return (size_t)(sp - p) + 7;
	return h->in_auth ? 0 : n;
}

/* One traced line with every secret replaced. */
static void
trace_line(omni_http *h, const char *prefix, const char *p, size_t n)
{
	char buf[1024];
	size_t len = 0;

	while (n && (p[n - 1] == '\n' || p[n - 1] == '\r'))
		n--;
	size_t whole = n;

	len = (size_t)snprintf(buf, sizeof buf, "%s", prefix);
	if (*prefix == '>')
		n = redacted_length(h, p, n);
	for (size_t i = 0; i < n && len + 12 < sizeof buf;) {
		size_t k;
		for (k = 0; k < h->nsecrets; k++) {
			size_t sl = strlen(h->secrets[k]);
			if (sl <= n - i && memcmp(p + i, h->secrets[k], sl) == 0)
				break;
		}
		if (k < h->nsecrets) {
			len += (size_t)snprintf(buf + len, sizeof buf - len, "[redacted]");
			i += strlen(h->secrets[k]);
			continue;
		}
		buf[len++] = isprint((unsigned char)p[i]) ? p[i] : '.';
		i++;
	}
	buf[len] = 0;
	if (n < whole)
		snprintf(buf + len, sizeof buf - len, "[redacted]");
	h->trace(h->trace_arg, buf);
}

static int
debug_cb(CURL *c, curl_infotype type, char *data, size_t size, void *arg)
{
	omni_http *h = arg;
	const char *prefix = type == CURLINFO_HEADER_OUT ? "> " :
	                     type == CURLINFO_HEADER_IN ? "< " :
	                     type == CURLINFO_TEXT ? "* " : NULL;

	if (!prefix)
		return 0;
	if (type == CURLINFO_HEADER_IN && size && data[0] != '+')
		h->in_auth = 0;    /* the exchange ended with a tagged answer */
	if (type != CURLINFO_TEXT)
		omni_imap_note(&h->imap, type == CURLINFO_HEADER_OUT, data, size);
	if (!h->trace)
		return 0;
	/* Request headers come as one block: trace them line by line. */
	while (size) {
		const char *nl = memchr(data, '\n', size);
		size_t n = nl ? (size_t)(nl - data) + 1 : size;
		if (n > 2 || (n && data[0] != '\r' && data[0] != '\n'))
			trace_line(h, prefix, data, n);
		data += n;
		size -= n;
	}
	return 0;
}

static int
grow(char **buf, size_t *cap, size_t need)
{
	size_t n = *cap ? *cap : 4096;
	char *p;

	while (n < need)
		n *= 2;
	if (n == *cap)
		return 0;
	if (!(p = realloc(*buf, n)))
		return -1;
	*buf = p;
	*cap = n;
	return 0;
}

static size_t
body_cb(char *data, size_t size, size_t nmemb, void *arg)
{
	omni_http *h = arg;
	size_t n = size * nmemb;

	if (h->resp.len + n > h->max_size) {
		h->too_big = 1;
		return 0;
	}
	if (grow(&h->resp.body, &h->cap, h->resp.len + n + 1) < 0)
		return 0;
	memcpy(h->resp.body + h->resp.len, data, n);
	h->resp.len += n;
	h->resp.body[h->resp.len] = 0;
	return n;
}

static size_t
header_cb(char *data, size_t size, size_t nmemb, void *arg)
{
	omni_http *h = arg;
	size_t n = size * nmemb;

	/* A new status line (after a 100 Continue): keep only the last block. */
	if (n > 5 && memcmp(data, "HTTP/", 5) == 0)
		h->resp.hlen = 0;
	if (grow(&h->resp.headers, &h->hcap, h->resp.hlen + n + 1) < 0)
		return 0;
	memcpy(h->resp.headers + h->resp.hlen, data, n);
	h->resp.hlen += n;
	h->resp.headers[h->resp.hlen] = 0;
	return n;
}

char *
omni_http_header(const omni_http_response *r, const char *name)
{
	size_t nl = strlen(name);
	const char *p = r->headers;

	for (; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL) {
		if (strncasecmp(p, name, nl) == 0 && p[nl] == ':') {
			const char *v = p + nl + 1, *end;
			while (*v == ' ' || *v == '\t')
				v++;
			end = v + strcspn(v, "\r\n");
			while (end > v && (end[-1] == ' ' || end[-1] == '\t'))
				end--;
			return strndup(v, (size_t)(end - v));
		}
	}
	return NULL;
}

double
omni_http_retry_after(const char *value, time_t now)
{
	char *end;
	double v;
	omni_time t;

	if (!value)
		return -1;
	v = strtod(value, &end);
	if (end != value && !*end)
		return v >= 0 ? v : -1;
	if (omni_time_parse_rfc2822(value, &t) < 0)
		return -1;
	v = (double)t / 1000 - (double)now;
	return v > 0 ? v : 0;
}

void
omni_http_sleep(double seconds)
{
	struct timespec ts;

	if (!(seconds > 0))
		return;
	ts.tv_sec = (time_t)seconds;
	ts.tv_nsec = (long)((seconds - (double)ts.tv_sec) * 1e9);
	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

static void
setup(omni_http *h, const char *url, const char *method, const char *type,
      const char *body, size_t len, struct curl_slist **extra)
{
	CURL *c = h->curl;
	const char *ca = getenv("CURL_CA_BUNDLE");

	curl_easy_reset(c);
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https,imap,imaps");
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, h->connect_ms);
	curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, h->timeout_ms);
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
	if ((ca && *ca) || ((ca = getenv("SSL_CERT_FILE")) && *ca))
		curl_easy_setopt(c, CURLOPT_CAINFO, ca);
	if ((ca = getenv("SSL_CERT_DIR")) && *ca)
		curl_easy_setopt(c, CURLOPT_CAPATH, ca);
	curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(c, CURLOPT_USERAGENT, "omni-fetch/" OMNI_VERSION);
	curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)h->max_size);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, body_cb);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, h);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, header_cb);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, h);
	*extra = NULL;
	for (struct curl_slist *l = h->headers; l; l = l->next)
		*extra = curl_slist_append(*extra, l->data);
	if (type) {
		char line[256];
		snprintf(line, sizeof line, "Content-Type: %s", type);
		*extra = curl_slist_append(*extra, line);
	}
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, *extra);
	if (h->user)
		curl_easy_setopt(c, CURLOPT_USERNAME, h->user);
	if (h->password)
		curl_easy_setopt(c, CURLOPT_PASSWORD, h->password);
	if (body) {
		curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
		curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
	}
	if (method)
		curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
	/* IMAP: the lines say which mailbox a server refused and whether it
	 * greeted at all; a server that does not answer a line in time is
	 * not waited on for the whole transfer's time-out. */
	memset(&h->imap, 0, sizeof h->imap);
	if (strncmp(url, "imap", 4) == 0 && h->response_s > 0)
		curl_easy_setopt(c, CURLOPT_SERVER_RESPONSE_TIMEOUT, h->response_s);
	if (h->trace || strncmp(url, "imap", 4) == 0) {
		curl_easy_setopt(c, CURLOPT_DEBUGFUNCTION, debug_cb);
		curl_easy_setopt(c, CURLOPT_DEBUGDATA, h);
		curl_easy_setopt(c, CURLOPT_VERBOSE, 1L);
	}
	h->resp.len = h->resp.hlen = 0;
	h->resp.status = 0;
	h->too_big = 0;
	if (grow(&h->resp.body, &h->cap, 1) == 0)
		h->resp.body[0] = 0;
	if (grow(&h->resp.headers, &h->hcap, 1) == 0)
		h->resp.headers[0] = 0;
}

/* How far one attempt got (omni_http_reach): only a connection never
 * made is certain to have sent nothing. */
static omni_http_reach
reach_of(const omni_http *h, CURLcode cc)
{
	if (cc == CURLE_COULDNT_CONNECT || cc == CURLE_COULDNT_RESOLVE_HOST ||
	    cc == CURLE_COULDNT_RESOLVE_PROXY)
		return OMNI_HTTP_NOT_SENT;
	return cc == CURLE_OK && !h->too_big ? OMNI_HTTP_ANSWERED : OMNI_HTTP_MAYBE_SENT;
}

omni_http_reach
omni_http_last_reach(const omni_http *h)
{
	return h->reach;
}

/* What went wrong with one attempt, and whether to try again. */
enum verdict { OK, RETRY, FAIL };

/* The failures that say more than libcurl's text: a host that does not
 * resolve, a certificate not trusted, a mailbox the server refused, an
 * imap:// port that never greets (it speaks TLS).  FAIL with err, or OK
 * when cc is none of them. */
static enum verdict
explain(omni_http *h, CURLcode cc, const char *url, const char *what, omni_error *err)
{
	const char *src = h->source;
	char where[300];

	omni_net_where(url, where, sizeof where);
	switch (cc) {
	case CURLE_COULDNT_RESOLVE_HOST:
		return omni_error_set(err, OMNI_EX_UNAVAILABLE, src, 0, 0,
		                      "%s: cannot resolve the host of %s: check the host name",
		                      what, where), FAIL;
	case CURLE_PEER_FAILED_VERIFICATION:
		return omni_error_set(err, OMNI_EX_UNAVAILABLE, src, 0, 0,
		                      "%s: %s: the certificate is not trusted (%s); a private "
		                      "authority's certificate goes in CURL_CA_BUNDLE or "
		                      "SSL_CERT_FILE", what, where, curl_easy_strerror(cc)), FAIL;
	case CURLE_LOGIN_DENIED:
		/* libcurl says "login denied" also for a refused SELECT */
		if (!h->imap.box_refused)
			return OK;
		return omni_error_set(err, OMNI_EX_NOINPUT, src, 0, 0,
		                      "%s: %s has no mailbox %s (%s): check the mailbox in the URL",
		                      what, where, h->imap.mailbox, h->imap.refusal), FAIL;
	case CURLE_OPERATION_TIMEDOUT:
		if (strncmp(url, "imap://", 7) || h->imap.heard)
			return OK;
		return omni_error_set(err, OMNI_EX_TEMPFAIL, src, 0, 0,
		                      "%s: %s sent no IMAP greeting in %ld s: if the port speaks "
		                      "TLS, the URL is imaps:// (port 993)", what, where,
		                      h->response_s), FAIL;
	default:
		return OK;
	}
}

static enum verdict
judge(omni_http *h, CURLcode cc, const char *url, const char *what, omni_error *err)
{
	long st = h->resp.status;
	const char *src = h->source;

	h->reach = reach_of(h, cc);
	if (h->too_big)
		return omni_error_set(err, OMNI_EX_UNAVAILABLE, src, 0, 0,
		                      "%s: response larger than %zu bytes", what,
		                      h->max_size), FAIL;
	if (explain(h, cc, url, what, err) == FAIL)
		return FAIL;
	switch (cc) {
	case CURLE_OK:
		break;
	case CURLE_OPERATION_TIMEDOUT:
		return omni_error_set(err, OMNI_EX_TEMPFAIL, src, 0, 0, "%s: timed out",
		                      what), RETRY;
	case CURLE_COULDNT_RESOLVE_HOST: case CURLE_COULDNT_RESOLVE_PROXY:
	case CURLE_COULDNT_CONNECT: case CURLE_SEND_ERROR: case CURLE_RECV_ERROR:
	case CURLE_GOT_NOTHING: case CURLE_PARTIAL_FILE: case CURLE_SSL_CONNECT_ERROR:
		return omni_error_set(err, OMNI_EX_UNAVAILABLE, src, 0, 0, "%s: %s", what,
		                      curl_easy_strerror(cc)), RETRY;
	case CURLE_LOGIN_DENIED:
		return omni_error_set(err, OMNI_EX_NOPERM, src, 0, 0,
		                      "%s: login denied: check the user and the password",
		                      what), FAIL;
	case CURLE_FILESIZE_EXCEEDED:
		return omni_error_set(err, OMNI_EX_UNAVAILABLE, src, 0, 0,
		                      "%s: response larger than %zu bytes", what,
		                      h->max_size), FAIL;
	default:
		return omni_error_set(err, cc == CURLE_PEER_FAILED_VERIFICATION ?
		                      OMNI_EX_UNAVAILABLE : OMNI_EX_PROTOCOL, src, 0, 0,
		                      "%s: %s", what, curl_easy_strerror(cc)), FAIL;
	}
	if (!st || (st >= 200 && st < 300))
		return OK;
	if (st == 401 || st == 403)
		return omni_error_set(err, OMNI_EX_NOPERM, src, 0, 0,
		                      "%s: %ld %s: the token is missing, wrong or lacks a scope "
		                      "(%.160s)", what, st, st == 401 ? "unauthorized" :
		                      "forbidden", h->resp.body ? h->resp.body : ""), FAIL;
	if (st == 429)
		return omni_error_set(err, OMNI_EX_TEMPFAIL, src, 0, 0,
		                      "%s: 429 too many requests", what), RETRY;
	if (st >= 500)
		return omni_error_set(err, OMNI_EX_UNAVAILABLE, src, 0, 0,
		                      "%s: server error %ld", what, st), RETRY;
	return omni_error_set(err, OMNI_EX_PROTOCOL, src, 0, 0, "%s: http status %ld (%.160s)",
	                      what, st, h->resp.body ? h->resp.body : ""), FAIL;
}

/* A header's value as a number of milliseconds (digits, maybe a
 * fraction); -1 when absent or not a number. */
static double
header_ms(omni_http *h, const char *name)
{
	char *v = omni_http_header(&h->resp, name), *end;
	double ms = v && *v ? strtod(v, &end) : -1;

	if (v && (end == v || *end || !(ms >= 0)))
		ms = -1;
	free(v);
	return ms;
}

/* The wait the server asked for, in seconds, or -1: Retry-After; on a
 * 429 also BigCommerce's X-Rate-Limit-Time-Reset-Ms (milliseconds until
 * the window resets) and Walmart's x-next-replenish-time (the Unix time
 * in milliseconds when tokens refill; past: no wait).  The server names
 * instants by its own clock, so they are read against the real one, which
 * --now does not set. */
static double
asked_wait(omni_http *h)
{
	char *ra = omni_http_header(&h->resp, "Retry-After");
	double d = omni_http_retry_after(ra, (time_t)(omni_clock_real() / 1000));

	free(ra);
	if (d >= 0 || h->resp.status != 429)
		return d;
	if ((d = header_ms(h, "X-Rate-Limit-Time-Reset-Ms")) >= 0)
		return d / 1000;
	if ((d = header_ms(h, "x-next-replenish-time")) < 0)
		return -1;
	d = (d - (double)omni_clock_real()) / 1000;
	return d > 0 ? d : 0;
}

/* How long to wait before attempt n+1: what the server asked for, else an
 * exponential backoff with full jitter in its upper half.  Either is
 * bounded by OMNI_HTTP_MAX_WAIT in omni_http_request. */
static double
delay(omni_http *h, int n)
{
	double d = asked_wait(h);

	if (d >= 0)
		return d;
	d = h->backoff * pow(2, n);
	if (d > 60)
		d = 60;
	return d / 2 + d / 2 * ((double)rand_r(&h->seed) / RAND_MAX);
}

/* A failure hands over the server's answer, when there was one, so that
 * the caller can read the API's error object. */
static int
failed(omni_http *h, omni_http_response **resp)
{
	*resp = h->resp.status > 0 && !h->too_big ? &h->resp : NULL;
	return -1;
}

int
omni_http_request(omni_http *h, const char *method, const char *url,
                  const char *what, const char *type, const char *body,
                  size_t len, omni_http_response **resp, omni_error *err)
{
	double start = omni_clock_monotonic();
	struct curl_slist *extra = NULL;

	*resp = NULL;
	for (int n = 0;; n++) {
		CURLcode cc;
		enum verdict v;
		double d;

		setup(h, url, method, type, body, len, &extra);
		cc = curl_easy_perform(h->curl);
		curl_slist_free_all(extra);
		if (strncmp(url, "http", 4) == 0)
			curl_easy_getinfo(h->curl, CURLINFO_RESPONSE_CODE, &h->resp.status);
		if ((v = judge(h, cc, url, what, err)) == OK) {
			*resp = &h->resp;
			return 0;
		}
		if (v == FAIL)
			return failed(h, resp);
		d = delay(h, n);
		if (n >= h->retries || omni_clock_monotonic() - start + d > h->max_wait) {
			size_t k = strlen(err->text);
			snprintf(err->text + k, sizeof err->text - k,
			         n >= h->retries ? ", %d attempts" :
			         ", %d attempts (giving up: the next wait would pass the limit)",
			         n + 1);
			return failed(h, resp);
		}
		if (h->trace) {
			char line[128];
			snprintf(line, sizeof line, "retrying in %.2fs (attempt %d)", d, n + 2);
			h->trace(h->trace_arg, line);
		}
		omni_http_sleep(d);
	}
}
