/* fetch_cgi.c - omni-fetch --webhook as a CGI program (RFC 3875): the
 * request's headers from the environment, its query string, and Meta's
 * verification challenge. */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "fetch/fetch.h"

extern char **environ;

int
omni_cgi_active(void)
{
	const char *g = getenv("GATEWAY_INTERFACE");

	return g && strncmp(g, "CGI/", 4) == 0;
}

/* HTTP_X_HUB_SIGNATURE_256=v as "X-Hub-Signature-256: v\n". */
static int
add_header(char **out, size_t *len, const char *name, size_t n, const char *value)
{
	size_t vl = strlen(value);
	char *g = realloc(*out, *len + n + vl + 4), *p;

	if (!g)
		return -1;
	*out = g;
	p = g + *len;
	for (size_t i = 0; i < n; i++) {
		int up = i == 0 || name[i - 1] == '_';
		p[i] = name[i] == '_' ? '-' : up ? name[i] : (char)tolower((unsigned char)name[i]);
	}
	memcpy(p + n, ": ", 2);
	memcpy(p + n + 2, value, vl);
	p[n + 2 + vl] = '\n';
	p[n + 3 + vl] = 0;
	*len += n + 3 + vl;
	return 0;
}

char *
omni_cgi_headers(void)
{
	char *out = calloc(1, 1);
	size_t len = 0;

	for (char **e = environ; out && e && *e; e++) {
		const char *eq = strchr(*e, '='), *name = *e;
		if (!eq)
			continue;
		if (strncmp(name, "HTTP_", 5) == 0)
			name += 5;
		else if (strncmp(name, "CONTENT_TYPE=", 13) != 0)
			continue;
		if (add_header(&out, &len, name, (size_t)(eq - name), eq + 1) < 0) {
			free(out);
			return NULL;
		}
	}
	return out;
}

static int
unhex(int c)
{
	return isdigit(c) ? c - '0' : isxdigit(c) ? (tolower(c) - 'a' + 10) : -1;
}

/* form-urlencoded: '+' is a space, %XX a byte: new. */
static char *
decode(const char *s, size_t n)
{
	char *out = malloc(n + 1), *o = out;

	if (!out)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		int h, l;
		if (s[i] == '+')
			*o++ = ' ';
		else if (s[i] == '%' && i + 2 < n && (h = unhex((unsigned char)s[i + 1])) >= 0 &&
		         (l = unhex((unsigned char)s[i + 2])) >= 0) {
			*o++ = (char)(h * 16 + l);
			i += 2;
		} else
			*o++ = s[i];
	}
	*o = 0;
	return out;
}

char *
omni_cgi_param(const char *query, const char *name)
{
	size_t nl = strlen(name);

	for (const char *p = query; p && *p;) {
		size_t n = strcspn(p, "&;");
		if (n > nl && strncmp(p, name, nl) == 0 && p[nl] == '=')
			return decode(p + nl + 1, n - nl - 1);
		if (n == nl && strncmp(p, name, nl) == 0)
			return calloc(1, 1);
		p += n + (p[n] != 0);
	}
	return NULL;
}

int
omni_cgi_challenge(const char *kind, const char *query, char **answer,
                   omni_error *err)
{
	char *mode = omni_cgi_param(query, "hub.mode");
	char *token = omni_cgi_param(query, "hub.verify_token");
	char *challenge = omni_cgi_param(query, "hub.challenge");
	char *secret = NULL;
	omni_error quiet = { 0 };
	int rc = -1;

	*answer = NULL;
	if (strcmp(kind, "meta") != 0 || !mode || strcmp(mode, "subscribe") != 0 ||
	    !challenge) {
		omni_error_set(err, OMNI_EX_USAGE, NULL, 0, 0, "%s webhook: a GET that is "
		               "not a verification request (hub.mode=subscribe)", kind);
		goto out;
	}
	/* The verify token chosen in the app's settings; else the app secret. */
	if (!(secret = omni_secret("META_VERIFY_TOKEN", &quiet)) &&
	    !(secret = omni_secret("META_SECRET", err)))
		goto out;
	if (!token || strlen(token) != strlen(secret) ||
	    !omni_mem_equal(token, secret, strlen(secret))) {
		omni_error_set(err, OMNI_EX_NOPERM, NULL, 0, 0,
		               "meta webhook: the verify token does not match");
		goto out;
	}
	*answer = challenge;
	challenge = NULL;
	rc = 0;
out:
	if (secret)
		memset(secret, 0, strlen(secret));
	free(secret);
	free(mode);
	free(token);
	free(challenge);
	return rc;
}

size_t
omni_cgi_limit(void)
{
	double v = omni_env_number("OMNI_WEBHOOK_MAX_BODY", (double)OMNI_CGI_MAX_BODY);

	return v >= 1 && v < (double)SIZE_MAX / 2 ? (size_t)v : OMNI_CGI_MAX_BODY;
}

int
omni_cgi_method(const char *kind, const char *method, int *http, omni_error *err)
{
	int meta = strcmp(kind, "meta") == 0;

	*http = 0;
	if (method && strcmp(method, "POST") == 0)
		return 1;
	if (method && meta && strcmp(method, "GET") == 0)
		return 2;
	*http = 405;
	omni_error_set(err, OMNI_EX_USAGE, "request", 0, 0,
	               "%s webhook: method %.32s%s%s not allowed (%s)", kind,
	               method && *method ? "'" : "", method && *method ? method : "(none)",
	               method && *method ? "'" : "", meta ? "POST, or GET to verify" : "POST");
	return -1;
}

/* CONTENT_LENGTH as RFC 3875 writes it: digits only.  0 ok (*n, saturated
 * at SIZE_MAX), -1 not a length. */
static int
length(const char *s, size_t *n)
{
	size_t v = 0;

	if (!*s)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v > (SIZE_MAX - 9) / 10 ? SIZE_MAX : v * 10 + (size_t)(*s - '0');
	}
	*n = v;
	return 0;
}

int
omni_cgi_body(const char *cl, FILE *in, size_t limit, char **body, size_t *len,
              int *http, omni_error *err)
{
	size_t want = 0, got = 0;
	char *buf;

	*body = NULL;
	*len = 0;
	*http = 0;
	if (!cl || !*cl) {
		*http = 411;
		return omni_error_set(err, OMNI_EX_DATAERR, "request", 0, 0,
		                      "no CONTENT_LENGTH: a delivery says its length"), -1;
	}
	if (length(cl, &want) < 0) {
		*http = 400;
		return omni_error_set(err, OMNI_EX_DATAERR, "request", 0, 0,
		                      "CONTENT_LENGTH '%.32s' is not a length", cl), -1;
	}
	if (want > limit) {
		*http = 413;
		return omni_error_set(err, OMNI_EX_DATAERR, "request", 0, 0,
		                      "a body of %.32s bytes is over the limit of %zu "
		                      "(OMNI_WEBHOOK_MAX_BODY)", cl, limit), -1;
	}
	if (!(buf = malloc(want + 1)))
		return omni_error_oom(err), -1;
	while (got < want) {
		size_t n = fread(buf + got, 1, want - got, in);
		if (n == 0)
			break;
		got += n;
	}
	if (got < want) {
		free(buf);
		*http = 400;
		return omni_error_set(err, OMNI_EX_DATAERR, "request", 0, 0,
		                      "truncated body: %zu of %zu bytes", got, want), -1;
	}
	buf[got] = 0;
	*body = buf;
	*len = got;
	return 0;
}
