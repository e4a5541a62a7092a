/* source_oauth.c - the OAuth 2 token exchanges of the API sources
 * (RFC 6749): a refresh token traded for an access token (Amazon's LWA,
 * eBay's user tokens, section 6), or client credentials (Walmart, 4.4).
 * The exchange is a form POSTed to the token endpoint; the answer's
 * access_token and expires_in are what the sources use.  A refused grant
 * (400 invalid_grant, invalid_client) is a credentials problem: 77. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "net/net.h"
#include "fetch/fetch.h"

/* The form of a refresh-token grant, each of client_id, client_secret and
 * scope left out when NULL: new or NULL. */
static char *
refresh_form(const char *refresh, const char *client_id,
             const char *client_secret, const char *scope)
{
	const char *name[] = { "refresh_token", "client_id", "client_secret", "scope" };
	const char *value[] = { refresh, client_id, client_secret, scope };
	char *form = strdup("grant_type=refresh_token");

	for (size_t i = 0; form && i < sizeof name / sizeof name[0]; i++) {
		char *v, *longer = NULL;
		if (!value[i])
			continue;
		if ((v = omni_url_escape(value[i])) &&
		    asprintf(&longer, "%s&%s=%s", form, name[i], v) < 0)
			longer = NULL;
		if (v)
			memset(v, 0, strlen(v));
		free(v);
		memset(form, 0, strlen(form));
		free(form);
		form = longer;
	}
	return form;
}

int
omni_oauth_token(omni_http *h, const char *source, const char *url,
                 const char *what, const char *form, char **access,
                 double *expires_in, omni_error *err)
{
	omni_http_response *r = NULL;
	json_t *doc = NULL, *exp;
	const char *v;
	int rc = -1;

	*access = NULL;
	if (omni_http_request(h, "POST", url, what, "application/x-www-form-urlencoded",
	                      form, strlen(form), &r, err) < 0) {
		if (r && r->status == 400)
			err->status = OMNI_EX_NOPERM;
		return -1;
	}
	doc = json_loadb(r->body, r->len, 0, NULL);
	if (!(v = json_string_value(json_object_get(doc, "access_token"))) || !*v) {
		omni_error_set(err, OMNI_EX_PROTOCOL, source, 0, 0,
		               "%s: no access_token in the response", what);
		goto out;
	}
	if (!(*access = strdup(v))) {
		omni_error_oom(err);
		goto out;
	}
	exp = json_object_get(doc, "expires_in");
	if (expires_in)
		*expires_in = json_is_number(exp) && json_number_value(exp) > 0 ?
		              json_number_value(exp) : 3600;
	rc = 0;
out:
	json_decref(doc);
	return rc;
}

int
omni_oauth_refresh(omni_http *h, const char *source, const char *kind,
                   const char *url, const char *refresh, const char *client_id,
                   const char *client_secret, const char *scope, char **access,
                   double *expires_in, omni_error *err)
{
	char *form = refresh_form(refresh, client_id, client_secret, scope);
	int rc;

	*access = NULL;
	if (!form)
		return omni_error_oom(err), -1;
	rc = omni_oauth_token(h, source, url, "token exchange", form, access, expires_in, err);
	memset(form, 0, strlen(form));
	free(form);
	if (rc < 0 && err->status == OMNI_EX_NOPERM) {
		size_t n = strlen(err->text);
		snprintf(err->text + n, sizeof err->text - n, ": check the refresh token, the "
		         "client id and the client secret (OMNI_%s_REFRESH_TOKEN, "
		         "OMNI_%s_CLIENT_ID, OMNI_%s_CLIENT_SECRET)", kind, kind, kind);
	}
	return rc;
}
