/* fetch.c - what every omni-fetch source shares: seen marks, secrets,
 * dispatch. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "store/store.h"
#include "fetch/fetch.h"

const char *const omni_fetch_source_keys[] = {
	"channel", "store", "seller", "address", "token_url", "marketplace",
	"page", "platform", "version", "account", "format", "map.*", "shop_cipher",
	"scope", "mark_seen", "encoding", NULL,
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

static int
read_local(omni_fetch *f, const char *rest, omni_error *err)
{
	char *path;
	int rc;

	/* file://host/path is not what we read: only local paths. */
	if (strncmp(rest, "//", 2) == 0 && rest[2] == '/')
		rest += 2;
	if (!(path = omni_expand_home(rest)))
		return omni_error_oom(err), -1;
	if (f->uri[0] == 'f')
		rc = omni_source_file(f, path, err);
	else
		rc = omni_source_mail(f, f->uri[1] == 'a' ? "maildir" : "mbox", path, err);
	free(path);
	return rc;
}

static int
read_imap(omni_fetch *f, const char *rest, omni_error *err)
{
	return omni_source_imap(f, f->uri, err);
}

/* Every source kind: its scheme, and what reads the rest of the URI.  A
 * new kind is one line here. */
static const struct {
	const char *scheme;
	int (*read)(omni_fetch *f, const char *rest, omni_error *err);
} kinds[] = {
	{ "maildir:", read_local },
	{ "mbox:", read_local },
	{ "file:", read_local },
	{ "shopify:", omni_source_shopify },
	{ "bigcommerce:", omni_source_bigcommerce },
	{ "woocommerce:", omni_source_woocommerce },
	{ "walmart:", omni_source_walmart },
	{ "tiktok:", omni_source_tiktok },
	{ "aftership:", omni_source_aftership },
	{ "amazon:", omni_source_amazon },
	{ "ebay:", omni_source_ebay },
	{ "meta:", omni_source_meta },
	{ "import:", omni_source_import },
	{ "imap://", read_imap },
	{ "imaps://", read_imap },
};

int
omni_fetch_is_uri(const char *uri)
{
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (after(uri, kinds[i].scheme))
			return 1;
	return 0;
}

const char *
omni_fetch_kinds(void)
{
	static char list[256];

	if (!list[0])
		for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
			snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s",
			         i ? ", " : "", kinds[i].scheme);
	return list;
}

const char *const omni_fetch_channels[] = {
	"amazon", "ebay", "walmart", "shopify", "bigcommerce", "woocommerce", "tiktok",
	"instagram", "facebook", "email", "chat", "sms", NULL,
};

const char *
omni_fetch_channel_list(void)
{
	static char list[160];

	if (!list[0])
		for (size_t i = 0; omni_fetch_channels[i]; i++)
			snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s",
			         i ? ", " : "", omni_fetch_channels[i]);
	return list;
}

/* Is OMNI_<name> or OMNI_<name>_FILE set? */
static int
secret_set(const char *name)
{
	char var[160];
	const char *v;

	snprintf(var, sizeof var, "OMNI_%s", name);
	if ((v = getenv(var)) && *v)
		return 1;
	snprintf(var, sizeof var, "OMNI_%s_FILE", name);
	return (v = getenv(var)) && *v;
}

/* A configured source's own secret name: its name upper-cased, other
 * characters as '_', then _WHAT. */
static const char *
own_name(const omni_fetch *f, const char *what, char *own, size_t size)
{
	size_t n = 0;

	for (const char *p = f->name; *p && n < 64; p++)
		own[n++] = isalnum((unsigned char)*p) ? (char)toupper((unsigned char)*p) : '_';
	snprintf(own + n, size - n, "_%s", what);
	return own;
}

char *
omni_fetch_secret(const omni_fetch *f, const char *kind, const char *what,
                  omni_error *err)
{
	char own[128] = "", common[128];

	snprintf(common, sizeof common, "%s_%s", kind, what);
	if (f->conf) {
		own_name(f, what, own, sizeof own);
		if (secret_set(own) || !secret_set(common)) {
			char *v = omni_secret(own, err);
			if (!v && !secret_set(own))
				omni_error_set(err, OMNI_EX_CONFIG, f->name, 0, 0,
				               "missing secret: set OMNI_%s_FILE or OMNI_%s "
				               "(or OMNI_%s_FILE)", own, own, common);
			return v;
		}
	}
	char *v = omni_secret(common, err);
	if (!v)
		omni_error_locate(err, f->name, 0);
	return v;
}

int
omni_fetch_has_secret(const omni_fetch *f, const char *kind, const char *what)
{
	char own[128], common[128];

	snprintf(common, sizeof common, "%s_%s", kind, what);
	if (f->conf && secret_set(own_name(f, what, own, sizeof own)))
		return 1;
	return secret_set(common);
}

int
omni_fetch_source(omni_fetch *f, omni_error *err)
{
	const char *rest;

	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if ((rest = after(f->uri, kinds[i].scheme)))
			return kinds[i].read(f, rest, err);
	omni_error_set(err, OMNI_EX_USAGE, f->uri, 0, 0,
	               "unknown source: not configured, and not %s", omni_fetch_kinds());
	return -1;
}
