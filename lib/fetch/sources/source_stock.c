/* source_stock.c - the stock of the products an orders page names, asked
 * of the shop's product API by the shopify:, woocommerce: and bigcommerce:
 * sources under --orders (lib/fetch/payload/payload_stock.c reads the
 * answers).  A token that may not read products (403), or an API without
 * them (404), skips the stock, said under -vv: the orders are what the run
 * is for. */
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "net/net.h"
#include "fetch/fetch.h"

void
omni_stock_id_add(json_t *ids, const json_t *v)
{
	char *id = omni_payload_id(v);

	if (id && strcmp(id, "0") != 0 && strspn(id, "0123456789") == strlen(id))
		json_object_set_new(ids, id, json_true());
	free(id);
}

char *
omni_stock_ids_join(const json_t *ids)
{
	const char *k;
	json_t *v;
	size_t n = 1;
	char *out;

	json_object_foreach((json_t *)ids, k, v)
		n += strlen(k) + 1;
	if (!json_object_size(ids) || !(out = calloc(1, n)))
		return NULL;
	json_object_foreach((json_t *)ids, k, v) {
		if (*out)
			strcat(out, ",");
		strcat(out, k);
	}
	return out;
}

int
omni_stock_fetch(omni_fetch *f, omni_http *h, const char *url, const char *what,
                 int (*parse)(omni_payload *, const json_t *, omni_error *),
                 omni_error *err)
{
	omni_payload p = { f, json_object() };
	omni_http_response *r = NULL;
	json_t *doc = NULL;
	int rc;

	rc = omni_http_request(h, NULL, url, what, NULL, NULL, 0, &r, err);
	if (rc < 0 && r && (r->status == 403 || r->status == 404)) {
		if (f->trace) {
			char line[sizeof err->text + 32];
			snprintf(line, sizeof line, "stock skipped: %s", err->text);
			f->trace(f->arg, line);
		}
		memset(err, 0, sizeof *err);
		rc = 0;
		goto out;
	}
	if (rc < 0)
		goto out;
	rc = -1;
	if (r->status == 204 || !(doc = json_loadb(r->body, r->len, 0, NULL))) {
		rc = r->status == 204 ? 0 : (omni_error_set(err, OMNI_EX_DATAERR, f->name, 0, 0,
		                                            "%s: bad json", what), -1);
		goto out;
	}
	if (json_is_array(doc) && !json_array_size(doc)) {
		rc = 0;
		goto out;
	}
	if ((rc = parse(&p, doc, err)) == 0) {
		omni_error_set(err, OMNI_EX_DATAERR, f->name, 0, 0,
		               "%s: not a list of products", what);
		rc = -1;
	}
	rc = rc < 0 ? -1 : 0;
out:
	json_decref(doc);
	json_decref(p.emitted);
	return rc;
}
