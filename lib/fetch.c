/* fetch.c - what every omni-fetch source shares: seen marks, dispatch. */
#include <stdlib.h>
#include <string.h>

#include "omni.h"

const char *const omni_fetch_source_keys[] = {
	"channel", "store", "seller", "address", NULL,
};

int
omni_fetch_seen(omni_fetch *f, const char *key, omni_error *err)
{
	if (f->all)
		return 0;
	return omni_store_seen(f->store, f->cursor_key, key, err);
}

const char *
omni_fetch_store(const omni_fetch *f, const char *account_key, const char *account_id)
{
	if (f->store_name || !f->config || !account_id)
		return f->store_name;
	for (size_t i = 0; i < f->config->nsections; i++) {
		const omni_conf_section *s = &f->config->sections[i];
		const char *v = omni_conf_get(s, account_key);

		if (strcmp(s->type, "store") == 0 && v && strcmp(v, account_id) == 0)
			return s->name;
	}
	return NULL;
}

static const char *
after(const char *uri, const char *scheme)
{
	size_t n = strlen(scheme);

	return strncmp(uri, scheme, n) == 0 ? uri + n : NULL;
}

int
omni_fetch_is_uri(const char *uri)
{
	return after(uri, "maildir:") || after(uri, "mbox:") || after(uri, "file:");
}

int
omni_fetch_source(omni_fetch *f, omni_error *err)
{
	const char *rest;
	char *path = NULL;
	int rc;

	if ((rest = after(f->uri, "maildir:")) || (rest = after(f->uri, "mbox:")) ||
	    (rest = after(f->uri, "file:"))) {
		/* file://host/path is not what we read: only local paths. */
		if (strncmp(rest, "//", 2) == 0 && rest[2] == '/')
			rest += 2;
		if (!(path = omni_expand_home(rest)))
			return omni_error_set(err, OMNI_EX_SOFTWARE, NULL, 0, 0, "out of memory"), -1;
		if (f->uri[0] == 'f')
			rc = omni_source_file(f, path, err);
		else
			rc = omni_source_mail(f, f->uri[1] == 'a' ? "maildir" : "mbox", path, err);
		free(path);
		return rc;
	}
	omni_error_set(err, OMNI_EX_USAGE, f->uri, 0, 0,
	               "unknown source (not configured, and not maildir:, mbox: or file:)");
	return -1;
}
