/* payload.c - recognising one saved API response or webhook body, and what
 * every platform's parser shares: orders into the store or counted, tickets
 * out once per run. */
#include <ctype.h>
#include <string.h>

#include "core/core.h"
#include "store/store.h"
#include "fetch/fetch.h"
#include "order/order.h"

/* BigCommerce's and eBay's order webhooks carry only ids: say so rather
 * than "unrecognised", since the fix is a different source, not a file. */
static int
ids_only_webhook(const json_t *doc, omni_error *err)
{
	const char *scope;
	const json_t *data;

	if (json_is_array(doc))   /* a dump of several callbacks */
		doc = json_array_get(doc, 0);
	scope = json_string_value(json_object_get(doc, "scope"));
	data = json_object_get(doc, "data");

	if (scope && json_is_object(data) && json_object_get(doc, "producer"))
		return omni_error_set(err, OMNI_EX_DATAERR, NULL, 0, 0,
		                      "unrecognised payload: bigcommerce webhook \"%s\" "
		                      "carries only ids; read the order from the api",
		                      scope), -1;
	return 0;
}

/* A saved error response (a 429, a GraphQL error) instead of data:
 * {"errors":"..."} or {"errors":[{"message"...}]}. */
static int
error_response(const json_t *doc, omni_error *err)
{
	const json_t *e = json_object_get(doc, "errors");
	const char *msg = json_string_value(e);

	if (!e || json_object_get(doc, "data"))
		return 0;
	if (!msg)
		msg = json_string_value(json_object_get(json_array_get(e, 0), "message"));
	return omni_error_set(err, OMNI_EX_DATAERR, NULL, 0, 0,
	                      "an api error response, not data: %.200s",
	                      msg ? msg : "(no message)"), -1;
}

/* "object with keys "a", "b", ..." or "array of 3 numbers". */
static void
describe(const json_t *doc, char *buf, size_t size)
{
	size_t n = 0, i = 0;
	const char *key;
	const json_t *v;

	if (json_is_array(doc)) {
		const json_t *first = json_array_get(doc, 0);
		if (!first) {
			snprintf(buf, size, "empty array");
			return;
		}
		n = (size_t)snprintf(buf, size, "array of %zu; the first: ",
		                     json_array_size(doc));
		if (n < size)
			describe(first, buf + n, size - n);
		return;
	}
	if (!json_is_object(doc)) {
		snprintf(buf, size, "%s", json_is_string(doc) ? "a string" :
		         json_is_number(doc) ? "a number" : "a literal");
		return;
	}
	if (!json_object_size(doc)) {
		snprintf(buf, size, "empty object");
		return;
	}
	n = (size_t)snprintf(buf, size, "object with keys");
	json_object_foreach((json_t *)doc, key, v) {
		if (n >= size)
			break;
		if (i++ == 6) {
			n += (size_t)snprintf(buf + n, size - n, ", ...");
			break;
		}
		n += (size_t)snprintf(buf + n, size - n, "%s \"%.40s\"", i > 1 ? "," : "", key);
	}
}

int
omni_payload_handle(omni_payload *p, const json_t *doc, omni_error *err)
{
	static int (*const parsers[])(omni_payload *, const json_t *, omni_error *) = {
		omni_payload_meta, omni_payload_ebay, omni_payload_woocommerce,
		omni_payload_aftership, omni_payload_stock_woocommerce,
		omni_payload_stock_bigcommerce, omni_payload_stock_shopify, omni_payload_shopify,
		omni_payload_bigcommerce, omni_payload_amazon,
	};
	char seen[240];

	if (json_is_array(doc) && json_array_size(doc) == 0)
		return 0;    /* an empty page: nothing new */
	for (size_t i = 0; i < sizeof parsers / sizeof parsers[0]; i++) {
		int rc = parsers[i](p, doc, err);
		if (rc)
			return rc < 0 ? -1 : 0;
	}
	if (ids_only_webhook(doc, err) < 0 || error_response(doc, err) < 0)
		return -1;
	describe(doc, seen, sizeof seen);
	return omni_error_set(err, OMNI_EX_DATAERR, NULL, 0, 0,
	                      "unrecognised payload: %s", seen), -1;
}

int
omni_payload_order(omni_payload *p, const json_t *order, omni_error *err)
{
	if (!p->f->orders) {
		p->f->skipped_orders++;
		return 0;
	}
	if (omni_store_hold(p->f->store, err) < 0 ||
	    omni_order_upsert(p->f->store, order, err) < 0)
		return -1;
	p->f->orders_written++;
	return 0;
}

int
omni_payload_account(omni_payload *p, const json_t *account, omni_error *err)
{
	if (!p->f->orders)
		return 0;
	if (omni_store_hold(p->f->store, err) < 0 ||
	    omni_account_upsert(p->f->store, account, err) < 0)
		return -1;
	return 0;
}

int
omni_payload_fulfillment(omni_payload *p, const char *channel,
                         const char *order_id, const json_t *fulfillment,
                         omni_error *err)
{
	if (!p->f->orders) {
		p->f->skipped_orders++;
		return 0;
	}
	if (omni_store_hold(p->f->store, err) < 0 ||
	    omni_fulfillment_upsert(p->f->store, channel, p->f->store_name, order_id,
	                            fulfillment, err) < 0)
		return -1;
	p->f->orders_written++;
	return 0;
}

int
omni_payload_refund(omni_payload *p, const char *channel, const char *order_id,
                    const json_t *refund, omni_error *err)
{
	if (!p->f->orders) {
		p->f->skipped_orders++;
		return 0;
	}
	if (omni_store_hold(p->f->store, err) < 0 ||
	    omni_refund_upsert(p->f->store, channel, p->f->store_name, order_id,
	                       refund, err) < 0)
		return -1;
	p->f->orders_written++;
	return 0;
}

int
omni_payload_seen(omni_payload *p, const char *key, omni_error *err)
{
	if (json_object_get(p->emitted, key))
		return 1;
	return omni_fetch_seen(p->f, key, err);
}

int
omni_payload_emit(omni_payload *p, json_t *ticket, json_t *seen_keys,
                  omni_error *err)
{
	size_t i;
	json_t *k;

	json_array_foreach(seen_keys, i, k)
		if (json_is_string(k))
			json_object_set(p->emitted, json_string_value(k), json_true());
	if (p->f->emit(p->f, ticket, seen_keys) != 0)
		return omni_error_set(err, OMNI_EX_IOERR, "stdout", 0, 0,
		                      "output stopped"), -1;
	return 0;
}

const char *
omni_payload_str(const json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));

	return s && *s ? s : NULL;
}

char *
omni_payload_id(const json_t *v)
{
	char buf[32];

	if (json_is_string(v) && *json_string_value(v))
		return strdup(json_string_value(v));
	if (json_is_integer(v)) {
		snprintf(buf, sizeof buf, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		return strdup(buf);
	}
	return NULL;
}

const char *
omni_payload_json_why(const json_error_t *je)
{
	if (json_error_code(je) == json_error_null_character)
		return "a string holds a NUL character (\\u0000)";
	return je->text;
}

int
omni_payload_time(const json_t *v, omni_time *t)
{
	const char *s = json_string_value(v);

	if (json_is_number(v))
		return omni_time_unix_checked(json_number_value(v), t);
	if (!s)
		return -1;
	while (isspace((unsigned char)*s))
		s++;
	if (!*s)
		return -1;
	return omni_time_parse(s, t);
}

void
omni_payload_set_time(json_t *obj, const char *key, const json_t *v)
{
	omni_time t;

	if (omni_payload_time(v, &t) == 0)
		omni_json_set_time(obj, key, t);
}

void
omni_payload_set_str(json_t *obj, const char *key, const char *s)
{
	if (s && *s)
		json_object_set_new(obj, key, json_string(s));
}

char *
omni_payload_lower(const char *s)
{
	char *out = s ? strdup(s) : NULL;

	for (char *c = out; c && *c; c++)
		if (*c >= 'A' && *c <= 'Z')
			*c = (char)(*c - 'A' + 'a');
	return out;
}

char *
omni_payload_word_in(const char *s, const omni_payload_word *map, size_t n)
{
	for (size_t i = 0; s && i < n; i++)
		if (strcmp(s, map[i].from) == 0)
			return strdup(map[i].to);
	return omni_payload_lower(s);
}

void
omni_payload_set_number(json_t *order, const char *channel, const char *raw)
{
	char buf[OMNI_ORDER_NUMBER_MAX];

	if (raw && omni_order_number(channel, raw, buf, sizeof buf) == 0)
		json_object_set_new(order, "number", json_string(buf));
}

int
omni_payload_tracking(omni_payload *p, const json_t *tracking, omni_error *err)
{
	int n;

	if (!p->f->orders) {
		p->f->skipped_orders++;
		return 0;
	}
	if (omni_store_hold(p->f->store, err) < 0 ||
	    (n = omni_fulfillment_track(p->f->store, tracking, err)) < 0)
		return -1;
	p->f->orders_written += n;
	return 0;
}

int
omni_payload_stock(omni_payload *p, const json_t *stock, omni_error *err)
{
	if (!p->f->orders)
		return 0;
	if (omni_store_hold(p->f->store, err) < 0 ||
	    omni_stock_upsert(p->f->store, stock, err) < 0)
		return -1;
	return 0;
}
