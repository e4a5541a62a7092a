/* smtp.c - delivery of a prepared message by SMTP(S) through libcurl: one
 * envelope sender and recipient, STARTTLS required with a login, a few
 * tries after a temporary failure, and never a second try once the data
 * went out. */
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "core/core.h"
#include "net/net.h"

typedef struct upload {
	const char *p;
	size_t len, pos;
	int done;                 /* every byte handed to libcurl */
} upload;

static size_t
read_cb(char *dst, size_t size, size_t n, void *arg)
{
	upload *u = arg;
	size_t room = size * n, left = u->len - u->pos;

	if (!left) {
		u->done = 1;
		return 0;
	}
	if (room > left)
		room = left;
	memcpy(dst, u->p + u->pos, room);
	u->pos += room;
	return room;
}

/* One try: 0 delivered; 1 temporary, not delivered; -1 err filled. */
static int
try_send(CURL *c, const omni_smtp *cfg, const char *from, const char *to,
         const char *msg, size_t len, int *unknown, omni_error *err)
{
	upload u = { msg, len, 0, 0 };
	struct curl_slist *rcpt = curl_slist_append(NULL, to);
	char errbuf[CURL_ERROR_SIZE] = "";
	long code = 0;
	CURLcode rc;

	curl_easy_reset(c);
	curl_easy_setopt(c, CURLOPT_URL, cfg->url);
	curl_easy_setopt(c, CURLOPT_MAIL_FROM, from);
	curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(c, CURLOPT_READFUNCTION, read_cb);
	curl_easy_setopt(c, CURLOPT_READDATA, &u);
	curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, (curl_off_t)len);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, cfg->timeout_ms > 0 ? cfg->timeout_ms : 60000L);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, 10000L);
	if (cfg->user)
		curl_easy_setopt(c, CURLOPT_USERNAME, cfg->user);
	if (cfg->password)
		curl_easy_setopt(c, CURLOPT_PASSWORD, cfg->password);
	if (cfg->user || cfg->password)
		curl_easy_setopt(c, CURLOPT_USE_SSL, (long)CURLUSESSL_ALL);
	rc = curl_easy_perform(c);
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
	curl_slist_free_all(rcpt);
	if (rc == CURLE_OK)
		return 0;
	const char *why = *errbuf ? errbuf : curl_easy_strerror(rc);
	if (code >= 400 && code < 500)
		return omni_error_set(err, OMNI_EX_TEMPFAIL, cfg->url, 0, 0,
		                      "smtp: temporary failure %ld: %s", code, why), 1;
	if (code >= 500)
		return omni_error_set(err, OMNI_EX_UNAVAILABLE, cfg->url, 0, 0,
		                      "smtp: refused %ld: %s", code, why), -1;
	if (rc == CURLE_LOGIN_DENIED)
		return omni_error_set(err, OMNI_EX_NOPERM, cfg->url, 0, 0, "smtp: %s", why), -1;
	if (u.done) {
		/* the message left; whether the server kept it is not known */
		*unknown = 1;
		return omni_error_set(err, OMNI_EX_TEMPFAIL, cfg->url, 0, 0,
		                      "smtp: outcome unknown after the data was sent: %s", why), -1;
	}
	if (rc == CURLE_COULDNT_CONNECT || rc == CURLE_COULDNT_RESOLVE_HOST ||
	    rc == CURLE_OPERATION_TIMEDOUT || rc == CURLE_GOT_NOTHING ||
	    rc == CURLE_RECV_ERROR || rc == CURLE_SEND_ERROR)
		return omni_error_set(err, OMNI_EX_UNAVAILABLE, cfg->url, 0, 0, "smtp: %s", why), 1;
	return omni_error_set(err, OMNI_EX_PROTOCOL, cfg->url, 0, 0, "smtp: %s", why), -1;
}

int
omni_smtp_send(const omni_smtp *cfg, const char *from, const char *to, const char *msg,
               size_t len, int *unknown, omni_error *err)
{
	CURL *c = curl_easy_init();
	long wait = cfg->backoff_ms > 0 ? cfg->backoff_ms : 500;
	int rc = -1;

	*unknown = 0;
	if (!c)
		return omni_error_set(err, OMNI_EX_SOFTWARE, NULL, 0, 0, "cannot start libcurl"), -1;
	for (int attempt = 0;; attempt++) {
		rc = try_send(c, cfg, from, to, msg, len, unknown, err);
		if (rc <= 0 || *unknown || attempt >= cfg->retries)
			break;
		omni_http_sleep((double)wait / 1000);
		wait *= 2;
	}
	curl_easy_cleanup(c);
	if (rc > 0)
		rc = -1;
	return rc;
}
