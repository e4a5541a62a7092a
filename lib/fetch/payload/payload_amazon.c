/* payload_amazon.c - Amazon SP-API Orders v0 documents, normalised for
 * lib/store/orders.c: a getOrders page ({"payload":{"Orders":[...]}}), an
 * order's items ({"payload":{"AmazonOrderId","OrderItems":[...]}}) and an
 * ORDER_CHANGE notification.  Money stays the decimal string Amazon sent.
 * Buyer messages are not here: they come by mail (lib/mail/relay.c). */
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "fetch/fetch.h"

/* OrderStatus in the order vocabulary of lib/store/orders.c. */
static const char *
order_status(const char *s)
{
	if (!s)
		return NULL;
	if (strcmp(s, "Canceled") == 0 || strcmp(s, "Unfulfillable") == 0)
		return "cancelled";
	if (strcmp(s, "Shipped") == 0)
		return "closed";
	if (strcmp(s, "PartiallyShipped") == 0)   /* some of it: not "not shipped" */
		return "partially_shipped";
	return "open";
}

static const char *
financial_status(const char *s)
{
	return s && (strcmp(s, "Pending") == 0 || strcmp(s, "PendingAvailability") == 0)
	       ? "pending" : NULL;
}

static json_t *
customer_new(const json_t *o)
{
	const json_t *buyer = json_object_get(o, "BuyerInfo"), *ship = json_object_get(o, "ShippingAddress");
	json_t *c = json_object();
	const char *name = omni_payload_str(buyer, "BuyerName");
	char *email = omni_payload_lower(omni_payload_str(buyer, "BuyerEmail"));

	omni_payload_set_str(c, "name", name ? name : omni_payload_str(ship, "Name"));
	omni_payload_set_str(c, "email", email);
	omni_payload_set_str(c, "phone", omni_payload_str(ship, "Phone"));
	free(email);
	return c;
}

static json_t *
items_new(const json_t *list)
{
	json_t *items = json_array(), *v;
	size_t i;

	json_array_foreach(list, i, v) {
		json_t *it = json_object();
		const json_t *qty = json_object_get(v, "QuantityOrdered");
		omni_payload_set_str(it, "sku", omni_payload_str(v, "SellerSKU"));
		omni_payload_set_str(it, "title", omni_payload_str(v, "Title"));
		if (json_is_integer(qty))
			json_object_set_new(it, "qty", json_integer(json_integer_value(qty)));
		json_array_append_new(items, it);
	}
	return items;
}

static json_t *
thin_new(const omni_fetch *f, const char *id)
{
	json_t *out = json_object();

	omni_payload_set_str(out, "id", id);
	omni_payload_set_number(out, "amazon", id);
	json_object_set_new(out, "channel", json_string("amazon"));
	omni_json_set_str(out, "store", f->store_name);
	return out;
}

json_t *
omni_amazon_order_new(const omni_fetch *f, const json_t *o, const json_t *items)
{
	json_t *out = thin_new(f, omni_payload_str(o, "AmazonOrderId"));
	const json_t *total = json_object_get(o, "OrderTotal");

	omni_payload_set_time(out, "placed_at", json_object_get(o, "PurchaseDate"));
	omni_payload_set_time(out, "updated_at", json_object_get(o, "LastUpdateDate"));
	omni_payload_set_str(out, "status", order_status(omni_payload_str(o, "OrderStatus")));
	omni_payload_set_str(out, "financial_status", financial_status(omni_payload_str(o, "OrderStatus")));
	omni_payload_set_str(out, "total", omni_payload_str(total, "Amount"));
	omni_payload_set_str(out, "currency", omni_payload_str(total, "CurrencyCode"));
	json_object_set_new(out, "customer", customer_new(o));
	if (json_is_array(items))
		json_object_set_new(out, "items", items_new(items));
	return out;
}

static int
store(omni_payload *p, json_t *order, omni_error *err)
{
	int rc;

	if (!json_object_get(order, "id"))
		rc = (omni_error_set(err, OMNI_EX_DATAERR, NULL, 0, 0,
		                     "amazon order without an AmazonOrderId"), -1);
	else
		rc = omni_payload_order(p, order, err);
	json_decref(order);
	return rc;
}

static int
orders(omni_payload *p, const json_t *list, omni_error *err)
{
	size_t i;
	json_t *o;

	json_array_foreach(list, i, o) {
		if (!json_is_object(o))
			return omni_error_set(err, OMNI_EX_DATAERR, NULL, 0, 0,
			                      "amazon order %zu is not an object", i + 1), -1;
		if (store(p, omni_amazon_order_new(p->f, o, NULL), err) < 0)
			return -1;
	}
	return 1;
}

/* ORDER_CHANGE: the order's new status, as of the change. */
static int
order_change(omni_payload *p, const json_t *n, omni_error *err)
{
	const json_t *summary = json_object_get(n, "Summary");
	json_t *o = thin_new(p->f, omni_payload_str(n, "AmazonOrderId"));

	omni_payload_set_time(o, "updated_at", json_object_get(json_object_get(n, "OrderChangeTrigger"),
	                                           "TimeOfOrderChange"));
	omni_payload_set_time(o, "placed_at", json_object_get(summary, "PurchaseDate"));
	omni_payload_set_str(o, "status", order_status(omni_payload_str(summary, "OrderStatus")));
	return store(p, o, err) < 0 ? -1 : 1;
}

int
omni_payload_amazon(omni_payload *p, const json_t *doc, omni_error *err)
{
	const json_t *pl = json_object_get(doc, "payload"), *v;

	if (!json_is_object(doc))
		return 0;
	if (json_is_object(pl) && json_is_array(v = json_object_get(pl, "Orders")))
		return orders(p, v, err);
	if (json_is_object(pl) && json_is_array(v = json_object_get(pl, "OrderItems")) &&
	    omni_payload_str(pl, "AmazonOrderId")) {
		json_t *o = thin_new(p->f, omni_payload_str(pl, "AmazonOrderId"));
		json_object_set_new(o, "items", items_new(v));
		return store(p, o, err) < 0 ? -1 : 1;
	}
	if (omni_payload_str(doc, "NotificationType") && strcmp(omni_payload_str(doc, "NotificationType"), "ORDER_CHANGE") == 0 &&
	    json_is_object(v = json_object_get(json_object_get(doc, "Payload"), "OrderChangeNotification")))
		return order_change(p, v, err);
	return 0;
}
