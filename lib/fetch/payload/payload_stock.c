/* payload_stock.c - what the shops say they have of their products, into
 * the store's stock (with --orders) for the items of the orders read:
 *   Shopify      {"products":[{id, title, variants[{sku, title,
 *                inventory_quantity, inventory_management,
 *                inventory_policy}]}]} (REST products.json): counted when
 *                inventory_management is set; none left but "continue"
 *                is a backorder
 *   WooCommerce  [{id, name, sku, manage_stock, stock_quantity,
 *                stock_status: instock, outofstock, onbackorder}] (REST v3)
 *   BigCommerce  {"data":[{id, name, sku, inventory_tracking: none,
 *                product or variant, inventory_level, availability,
 *                preorder_release_date, variants[{sku, inventory_level}]}]}
 *                (V3 catalog, include=variants)
 * A product whose count is not kept is in_stock, without a count. */
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "fetch/fetch.h"

static int
put(omni_payload *p, const char *channel, const char *sku, const char *title,
    const json_t *count, const char *status, const json_t *restock, omni_error *err)
{
	json_t *s;
	int rc;

	if (!sku || !*sku)
		return 0;
	s = json_object();
	json_object_set_new(s, "channel", json_string(channel));
	omni_json_set_str(s, "store", p->f->store_name);
	json_object_set_new(s, "sku", json_string(sku));
	omni_payload_set_str(s, "title", title);
	if (json_is_integer(count))
		json_object_set(s, "available", (json_t *)count);
	omni_payload_set_str(s, "status", status);
	omni_payload_set_time(s, "restock_at", restock);
	omni_json_set_time(s, "updated_at", omni_clock_now());
	rc = omni_payload_stock(p, s, err);
	json_decref(s);
	return rc;
}

static const char *
by_count(const json_t *count, int backorder)
{
	if (!json_is_integer(count))
		return "in_stock";
	if (json_integer_value(count) > 0)
		return "in_stock";
	return backorder ? "backorder" : "out_of_stock";
}

int
omni_payload_stock_shopify(omni_payload *p, const json_t *doc, omni_error *err)
{
	const json_t *list = json_object_get(doc, "products"), *pr, *v;
	size_t i, k;

	if (!json_is_array(list))
		return 0;
	json_array_foreach(list, i, pr)
		if (!json_is_array(json_object_get(pr, "variants")))
			return 0;
	json_array_foreach(list, i, pr)
		json_array_foreach(json_object_get(pr, "variants"), k, v) {
			int counted = omni_payload_str(v, "inventory_management") != NULL;
			const json_t *n = counted ? json_object_get(v, "inventory_quantity") : NULL;
			const char *policy = omni_payload_str(v, "inventory_policy");
			if (put(p, "shopify", omni_payload_str(v, "sku"), omni_payload_str(pr, "title"), n,
			        by_count(n, policy && strcmp(policy, "continue") == 0), NULL, err) < 0)
				return -1;
		}
	return 1;
}

static int
is_woo_product(const json_t *o)
{
	return json_is_object(o) && json_object_get(o, "id") && omni_payload_str(o, "stock_status") &&
	       json_object_get(o, "manage_stock");
}

int
omni_payload_stock_woocommerce(omni_payload *p, const json_t *doc, omni_error *err)
{
	const json_t *pr;
	size_t i;

	if (!json_is_array(doc) || !json_array_size(doc))
		return 0;
	json_array_foreach(doc, i, pr)
		if (!is_woo_product(pr))
			return 0;
	json_array_foreach(doc, i, pr) {
		const char *st = omni_payload_str(pr, "stock_status");
		const json_t *n = json_is_true(json_object_get(pr, "manage_stock")) ?
		                  json_object_get(pr, "stock_quantity") : NULL;
		if (put(p, "woocommerce", omni_payload_str(pr, "sku"), omni_payload_str(pr, "name"), n,
		        !strcmp(st, "outofstock") ? "out_of_stock" :
		        !strcmp(st, "onbackorder") ? "backorder" : "in_stock", NULL, err) < 0)
			return -1;
	}
	return 1;
}

int
omni_payload_stock_bigcommerce(omni_payload *p, const json_t *doc, omni_error *err)
{
	const json_t *list = json_object_get(doc, "data"), *pr, *v;
	size_t i, k;

	if (!json_is_array(list) || !json_array_size(list))
		return 0;
	json_array_foreach(list, i, pr)
		if (!json_is_object(pr) || !omni_payload_str(pr, "inventory_tracking"))
			return 0;
	json_array_foreach(list, i, pr) {
		const char *track = omni_payload_str(pr, "inventory_tracking");
		const char *avail = omni_payload_str(pr, "availability");
		int pre = avail && strcmp(avail, "preorder") == 0;
		const json_t *restock = pre ? json_object_get(pr, "preorder_release_date") : NULL;
		if (strcmp(track, "variant") == 0 && json_array_size(json_object_get(pr, "variants"))) {
			json_array_foreach(json_object_get(pr, "variants"), k, v) {
				const json_t *n = json_object_get(v, "inventory_level");
				if (put(p, "bigcommerce", omni_payload_str(v, "sku"), omni_payload_str(pr, "name"),
				        n, pre ? "backorder" : by_count(n, 0), restock, err) < 0)
					return -1;
			}
			continue;
		}
		const json_t *n = strcmp(track, "none") == 0 ? NULL : json_object_get(pr, "inventory_level");
		if (put(p, "bigcommerce", omni_payload_str(pr, "sku"), omni_payload_str(pr, "name"), n,
		        pre ? "backorder" : by_count(n, 0), restock, err) < 0)
			return -1;
	}
	return 1;
}
