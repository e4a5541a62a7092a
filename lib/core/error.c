/* error.c - how the library says what went wrong, for cmd/ to print. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/core.h"

/* Query parameters whose value is a credential. */
static const char *const secret_params[] = {
	"access_token", "refresh_token", "id_token", "token", "client_secret",
	"password", "passwd", "pass", "pwd", "secret", "api_key", "apikey", "key",
	"sig", "signature", "code", "auth",
};

/* The end of a URL part: '/', '?', '#', white space, a quote, a bracket. */
static size_t
part_len(const char *s, const char *stops)
{
	size_t n = 0;

	while (s[n] && !strchr(stops, s[n]) && (unsigned char)s[n] > 0x20)
		n++;
	return n;
}

static int
secret_param(const char *name, size_t n)
{
	for (size_t i = 0; i < sizeof secret_params / sizeof secret_params[0]; i++)
		if (strlen(secret_params[i]) == n && strncasecmp(name, secret_params[i], n) == 0)
			return 1;
	return 0;
}

void
omni_redact(char *s, size_t size)
{
	char out[2048];
	size_t o = 0, n;
	const char *p = s;

	if (!s || !size)
		return;
	while (*p && o + 12 < sizeof out) {
		if (strncmp(p, "://", 3) == 0) {
			/* scheme://user:password@host: the password; a user alone
			 * may be a token (https://TOKEN@host): all of it */
			const char *auth = p + 3, *at = NULL;
			n = part_len(auth, "/?#\"'<>()[]");
			for (size_t i = 0; i < n; i++)
				if (auth[i] == '@')
					at = auth + i;
			memcpy(out + o, p, 3);
			o += 3;
			p = auth;
			if (at) {
				const char *colon = memchr(auth, ':', (size_t)(at - auth));
				size_t keep = colon ? (size_t)(colon - auth) + 1 : 0;
				if (keep > sizeof out - o - 12)
					keep = sizeof out - o - 12;
				memcpy(out + o, auth, keep);
				o += keep;
				o += (size_t)snprintf(out + o, sizeof out - o, "[redacted]");
				p = at;
			}
			continue;
		}
		if ((*p == '?' || *p == '&' || *p == ';') && p[1]) {
			/* ?access_token=...: the value */
			const char *name = p + 1;
			size_t nl = part_len(name, "=&#;\"'<>");
			if (name[nl] == '=' && secret_param(name, nl) &&
			    o + nl + 13 < sizeof out) {
				out[o++] = *p;
				memcpy(out + o, name, nl + 1);
				o += nl + 1;
				o += (size_t)snprintf(out + o, sizeof out - o, "[redacted]");
				p = name + nl + 1;
				p += part_len(p, "&#;\"'<>)");
				continue;
			}
		}
		out[o++] = *p++;
	}
	while (*p && o + 1 < sizeof out)
		out[o++] = *p++;
	out[o] = 0;
	snprintf(s, size, "%s", out);
}

int
omni_error_set(omni_error *e, int status, const char *where, long line,
               long column, const char *fmt, ...)
{
	va_list ap;

	if (!e)
		return status;
	e->status = status;
	snprintf(e->where, sizeof e->where, "%s", where ? where : "");
	e->line = line;
	e->column = column;
	va_start(ap, fmt);
	vsnprintf(e->text, sizeof e->text, fmt, ap);
	va_end(ap);
	omni_redact(e->where, sizeof e->where);
	omni_redact(e->text, sizeof e->text);
	return status;
}

int
omni_error_oom_at(omni_error *e, const char *where, long line)
{
	return omni_error_set(e, OMNI_EX_SOFTWARE, where, line, 0, "out of memory");
}

int
omni_error_oom(omni_error *e)
{
	return omni_error_oom_at(e, NULL, 0);
}

void
omni_error_locate(omni_error *e, const char *where, long line)
{
	if (!e)
		return;
	if (!e->where[0] && where) {
		snprintf(e->where, sizeof e->where, "%s", where);
		omni_redact(e->where, sizeof e->where);
	}
	if (!e->line)
		e->line = line;
}

void
omni_error_format(const omni_error *e, char *buf, size_t size)
{
	size_t n = 0;

	buf[0] = '\0';
	if (e->where[0])
		n += snprintf(buf + n, size - n, "%s:", e->where);
	if (n < size && e->line > 0)
		n += snprintf(buf + n, size - n, "%ld:", e->line);
	if (n < size && e->line > 0 && e->column > 0)
		n += snprintf(buf + n, size - n, "%ld:", e->column);
	if (n < size)
		snprintf(buf + n, size - n, "%s%s", n ? " " : "", e->text);
}
