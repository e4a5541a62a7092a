/* fuzz-cgi - the CGI entry of omni-fetch --webhook: the input's first line
 * is "METHOD CONTENT_LENGTH" (either may be empty; a missing space leaves
 * CONTENT_LENGTH unset), the rest the request's standard input.  Checks:
 * only POST is a delivery and only meta's GET a verification, all else
 * 405; a body is read only under its length and the limit, exactly as long
 * as CONTENT_LENGTH says, and nothing at all is read of a body refused
 * for its length; a body read is then refused without a signature (77). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "fetch/fetch.h"

#define LIMIT 4096

static void
method(const char *kind, const char *m)
{
	omni_error err = { 0 };
	int http = -1, rc = omni_cgi_method(kind, m, &http, &err);

	if (rc == 1 && !(m && strcmp(m, "POST") == 0))
		abort();
	if (rc == 2 && !(m && strcmp(m, "GET") == 0 && strcmp(kind, "meta") == 0))
		abort();
	if (rc < 0 && (http != 405 || err.status != OMNI_EX_USAGE))
		abort();
	if (rc > 0 && http != 0)
		abort();
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	setenv("OMNI_META_SECRET", "s3cret", 1);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *nl = memchr(data, '\n', size), *sp;
	char *line, *length = NULL, *body = NULL;
	const char *rest;
	size_t n, rlen, len = 0;
	omni_error err = { 0 };
	int http = -1, rc;
	FILE *in;

	if (!nl)
		return 0;
	n = (size_t)(nl - (const char *)data);
	rest = nl + 1;
	rlen = size - n - 1;
	if (!(line = strndup((const char *)data, n)))
		abort();
	if (strlen(line) != n)       /* a NUL: no environment holds one */
		goto out;
	if ((sp = strchr(line, ' '))) {
		line[sp - line] = 0;
		length = line + (sp - line) + 1;
	}
	method("meta", line);
	method("shopify", line);
	method("meta", NULL);
	in = rlen ? fmemopen((void *)rest, rlen, "r") : fopen("/dev/null", "r");
	if (!in)
		goto out;
	rc = omni_cgi_body(length, in, LIMIT, &body, &len, &http, &err);
	if (rc == 0) {
		/* exactly the length said, all of it there, under the limit */
		if (http != 0 || !body || len > LIMIT || len > rlen || body[len] != 0 ||
		    memcmp(body, rest, len) != 0 || (long)len != ftell(in) ||
		    !length || strtoull(length, NULL, 10) != len)
			abort();
		memset(&err, 0, sizeof err);
		if (omni_webhook_check("meta", "", body, len, &err) == 0 ||
		    err.status != OMNI_EX_NOPERM)
			abort();
	} else {
		if (body || err.status != OMNI_EX_DATAERR)
			abort();
		if (http != 400 && http != 411 && http != 413)
			abort();
		if (http != 400 && ftell(in) != 0)   /* refused unread */
			abort();
	}
	fclose(in);
out:
	free(body);
	free(line);
	return 0;
}
