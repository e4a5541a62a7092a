/* net.h - the network: HTTP(S) and IMAP(S) through one reused handle, and
 * SMTP(S) delivery.  The only area that speaks libcurl: a program that
 * calls into it links libcurl. */
#ifndef OMNI_NET_NET_H
#define OMNI_NET_NET_H

#include "core/core.h"

// http.c - requests through one reused libcurl handle

/* Once in main before any handle, and its end before exit: the library's
 * global state.  0, or -1 when it cannot start (omni_http_new then fails
 * and says so). */
int omni_http_init(void);
void omni_http_cleanup(void);
typedef struct omni_http omni_http;
typedef struct omni_http_response {
	long status;              /* HTTP status; 0 for IMAP */
	char *body;               /* NUL-terminated */
	size_t len;
	char *headers;            /* the raw header block of the last response */
	size_t hlen;
} omni_http_response;

/* source names the errors (borrowed, outlives the handle).  Settings from
 * OMNI_HTTP_CONNECT_TIMEOUT, OMNI_HTTP_TIMEOUT, OMNI_HTTP_RETRIES,
 * OMNI_HTTP_BACKOFF, OMNI_HTTP_MAX_WAIT (seconds) and OMNI_HTTP_MAX_SIZE
 * (bytes).  New, or NULL with err. */
omni_http *omni_http_new(const char *source, omni_error *err);
void omni_http_free(omni_http *h);
/* A header on every request; secret: its value is redacted in traces. */
int omni_http_add_header(omni_http *h, const char *name, const char *value,
                         int secret);
void omni_http_clear_headers(omni_http *h);
/* User and password (IMAP, basic auth); the password is a secret. */
int omni_http_set_login(omni_http *h, const char *user, const char *password);
void omni_http_set_trace(omni_http *h, void (*fn)(void *arg, const char *line),
                         void *arg);
/* Attempts after the first (0: none, for a request that must not go out
 * twice) and the transfer time-out, over the OMNI_HTTP_* settings. */
void omni_http_set_retries(omni_http *h, long retries);
void omni_http_set_timeout(omni_http *h, double seconds);
/* method NULL: GET (or POST when body is given); for IMAP a custom command.
 * what names the request in errors ("page 2").  0 and *resp (borrowed
 * until the next request) on success; -1 with err: 69 unavailable after
 * the retries, 75 throttled or timed out after them, 77 on 401/403, 76
 * another status; then *resp is the last HTTP answer (its status and the
 * whole body, e.g. the API's error object), or NULL when none came. */
int omni_http_request(omni_http *h, const char *method, const char *url,
                      const char *what, const char *type, const char *body,
                      size_t len, omni_http_response **resp, omni_error *err);
/* How far the last request got, for a caller that must not deliver twice:
 * NOT_SENT no connection was made (refused, the host's or the proxy's
 * name unresolved): nothing left, a retry is safe; ANSWERED the transfer
 * ended with the server's status (in the response); MAYBE_SENT anything
 * else (a time-out, a broken connection, a failed TLS handshake, an
 * answer too large): the request may have been delivered. */
typedef enum omni_http_reach {
	OMNI_HTTP_NOT_SENT,
	OMNI_HTTP_MAYBE_SENT,
	OMNI_HTTP_ANSWERED,
} omni_http_reach;
omni_http_reach omni_http_last_reach(const omni_http *h);
/* A header of a response, trimmed: new or NULL. */
char *omni_http_header(const omni_http_response *r, const char *name);
/* Retry-After as seconds (fractional, or an HTTP-date against now, in
 * Unix seconds); -1 when absent or invalid. */
double omni_http_retry_after(const char *value, time_t now);
void omni_http_sleep(double seconds);

// smtp.c - delivery of a prepared message by SMTP through libcurl
typedef struct omni_smtp {
	const char *url;          /* smtp://host:port, smtps://... */
	const char *user, *password;   /* borrowed, may be NULL */
	long timeout_ms;
	int retries;              /* more tries after a temporary failure */
	long backoff_ms;          /* first wait, doubled each try */
} omni_smtp;
/* Sends msg (len bytes of an RFC 5322 message, CRLF lines; borrowed) from
 * the envelope sender to the one recipient, STARTTLS required when there
 * is a login.  0 delivered; -1 with err: 75 temporary after the retries,
 * 69 refused or unreachable, 77 login denied, 76 protocol.  *unknown = 1
 * when the message may have been delivered all the same (the connection
 * broke after the data). */
int omni_smtp_send(const omni_smtp *c, const char *from, const char *to,
                   const char *msg, size_t len, int *unknown, omni_error *err);

// sign.c - request signatures
/* TikTok Shop's request signature: lowercase hex HMAC-SHA256 keyed by
 * secret over secret + path + the sorted query's keys and values (but
 * sign and access_token) + body + secret.  params: "k=v" strings
 * (borrowed, not escaped).  hex: 65 bytes. */
void omni_tiktok_sign(const char *secret, const char *path,
                      const char *const *params, size_t nparams,
                      const char *body, char hex[65]);

#endif
