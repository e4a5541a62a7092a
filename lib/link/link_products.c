/* link_products.c - the products a customer names in a ticket, with the
 * stock the shops have of them (omni-ticket(5) "products"), so that a
 * pre-sales answer can say in stock or not.  Built on the stock omni-fetch
 * --orders keeps (store/orders.c, omni_stock_upsert); nothing is asked of
 * a shop here.
 *
 * A message names a product by its SKU (three characters at least) or by
 * its whole title (four at least), in any case, as a word of its own: the
 * characters either side are neither letters nor digits nor '-' or '_'
 * (so "MUG-BLU" names MUG-BLU, and neither "MUG-BLU-2" nor "smug" does).
 * Only the customer's inbound messages count, and only the stock of the
 * ticket's store when it has one. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "link_int.h"
#include "store/store.h"

#define MAX_PRODUCTS 8

static int
word_char(unsigned char c)
{
	return isalnum(c) || c == '-' || c == '_' || c >= 0x80;
}

/* Does text (lowercase) hold low (lowercase) as a word of its own? */
static int
names(const char *text, const char *low, size_t min)
{
	size_t n = low ? strlen(low) : 0;

	if (n < min)
		return 0;
	for (const char *p = text; (p = strstr(p, low)); p++)
		if ((p == text || !word_char((unsigned char)p[-1])) &&
		    !word_char((unsigned char)p[n]))
			return 1;
	return 0;
}

/* s in lowercase, as a JSON string (null for NULL). */
static json_t *
lowered(const char *s)
{
	json_t *v;
	char *low = s ? strdup(s) : NULL;

	for (char *p = low; p && *p; p++)
		*p = (char)tolower((unsigned char)*p);
	v = low ? json_string(low) : json_null();
	free(low);
	return v;
}

/* Every stock row, once a run: its eight columns, then its SKU and title
 * in lowercase (8, 9), so that each ticket's look-up only compares. */
static int
load(omni_link *l, omni_error *err)
{
	omni_stmt *st = omni_link_stmt(l, OMNI_LS_STOCK_ALL);
	int step;

	l->stock_read = 1;
	if (!(l->stock = json_array()))
		return omni_error_oom(err), -1;
	while ((step = omni_stmt_step(st, err, "reading stock")) == OMNI_STMT_ROW) {
		json_t *row = json_array();
		for (int i = 0; i < 8; i++) {
			const char *v = omni_stmt_text(st, i);
			if (i == 4 && v)
				json_array_append_new(row, json_integer(omni_stmt_int64(st, i)));
			else
				json_array_append_new(row, v ? json_string(v) : json_null());
		}
		json_array_append_new(row, lowered(omni_stmt_text(st, 2)));
		json_array_append_new(row, lowered(omni_stmt_text(st, 3)));
		json_array_append_new(l->stock, row);
	}
	omni_stmt_reset(st);
	return step < 0 ? -1 : 0;
}

static void
put(json_t *o, const char *key, json_t *v)
{
	if (!json_is_null(v))
		json_object_set(o, key, v);
}

int
omni_link_products_json(omni_link *l, const omni_link_words *w, const char *store,
                        char **json, omni_error *err)
{
	static const char *const keys[] = { "channel", "store", "sku", "title", "available",
	                                    "status", "restock_at", "updated_at" };
	const char *text;
	json_t *out, *row;
	size_t i;

	*json = NULL;
	if (!l->stock_read && load(l, err) < 0)
		return -1;
	if (!json_array_size(l->stock) || !(text = omni_link_words_text(w)))
		return (*json = strdup("")) ? 0 : omni_error_oom(err);
	if (!(out = json_array()))
		return omni_error_oom(err);
	json_array_foreach(l->stock, i, row) {
		const char *rstore = json_string_value(json_array_get(row, 1));
		const char *title = json_string_value(json_array_get(row, 3));
		if (json_array_size(out) >= MAX_PRODUCTS)
			break;
		if (store && rstore && *rstore && strcmp(rstore, store) != 0)
			continue;
		if (!names(text, json_string_value(json_array_get(row, 8)), 3) &&
		    !names(text, json_string_value(json_array_get(row, 9)), 4))
			continue;
		json_t *p = json_object();
		for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
			if (k != 1 || (rstore && *rstore))
				put(p, keys[k], json_array_get(row, k));
		if (!title)
			put(p, "title", json_array_get(row, 2));
		json_array_append_new(out, p);
	}
	*json = json_array_size(out) ? json_dumps(out, JSON_COMPACT | JSON_PRESERVE_ORDER) : strdup("");
	json_decref(out);
	return *json ? 0 : omni_error_oom(err);
}
