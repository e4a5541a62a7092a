/* fetch_proactive.c - order events that need the seller to speak first.
 *
 * Two events of a fulfilment in the store make a `proactive` ticket:
 *   exception  its tracking status is exception, attempt_fail or
 *              return_to_sender (CHANNELS.md section 9): the event is the
 *              status, so a failed attempt after an exception is another;
 *   late       its delivery estimate is before the clock (--now), with no
 *              delivery scan (no delivered_at, and a status still on the
 *              way: not delivered, cancelled, expired, at a pickup point
 *              or an exception, which has its own ticket).
 * Each event once: its seen key "proactive:CHANNEL|STORE|ORDER|FULFILMENT|
 * EVENT" is kept under the store-wide source "proactive", whichever source
 * or webhook stored the order.  The ticket names the order (order_ids)
 * so that omni-link attaches its context, with the order's channel and
 * store and the customer's name, e-mail and phone.
 *
 * When: a scanner notes the fulfilments that the store writes on its
 * connection (omni_store_watch_fulfillments); omni-fetch --proactive
 * scans those after each page or delivery it stored, and the whole store
 * once at the end (a passed estimate is an event with no new data).  The
 * SQL is in fetch_store.c. */
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "store/store.h"
#include "fetch/fetch.h"
#include "fetch_int.h"

struct omni_proactive {
	omni_store *store;
	int64_t *rows;            /* fulfilments changed since the last scan */
	size_t n, cap;
	int oom;
	json_t *emitted;          /* keys emitted in this run (--all too) */
};

static void
changed(void *arg, int64_t row)
{
	omni_proactive *p = arg;

	if (p->n && p->rows[p->n - 1] == row)
		return;
	if (p->n == p->cap) {
		int64_t *g = realloc(p->rows, (p->cap * 2 + 64) * sizeof *g);
		if (!g) {
			p->oom = 1;
			return;
		}
		p->rows = g;
		p->cap = p->cap * 2 + 64;
	}
	p->rows[p->n++] = row;
}

omni_proactive *
omni_proactive_new(omni_store *s)
{
	omni_proactive *p = calloc(1, sizeof *p);

	if (!p)
		return NULL;
	p->store = s;
	p->emitted = json_object();
	omni_store_watch_fulfillments(s, changed, p);
	return p;
}

void
omni_proactive_free(omni_proactive *p)
{
	if (!p)
		return;
	omni_store_watch_fulfillments(p->store, NULL, NULL);
	free(p->rows);
	json_decref(p->emitted);
	free(p);
}

static int
one_of(const char *s, const char *const *list)
{
	for (; s && *list; list++)
		if (strcmp(s, *list) == 0)
			return 1;
	return 0;
}

/* The event of this fulfilment now: "exception"-like status, "late", or
 * NULL. */
static const char *
event_of(const omni_fulfillment_row *r, omni_time now)
{
	static const char *const trouble[] = {
		"exception", "attempt_fail", "return_to_sender", NULL,
	};
	static const char *const not_on_the_way[] = {
		"delivered", "cancelled", "expired", "available_for_pickup", NULL,
	};
	const char *status = r->status, *est = r->estimated;
	omni_time t;

	if (one_of(status, trouble))
		return status;
	if (est && !r->delivered && !one_of(status, not_on_the_way) &&
	    omni_time_parse(est, &t) == 0 && t < now)
		return "late";
	return NULL;
}

static json_t *
customer_of(const omni_fulfillment_row *r)
{
	json_t *c = json_object(), *a;

	omni_payload_set_str(c, "name", r->name);
	if (r->email) {
		json_object_set_new(c, "emails", a = json_array());
		json_array_append_new(a, json_string(r->email));
	}
	if (r->phone) {
		json_object_set_new(c, "phones", a = json_array());
		json_array_append_new(a, json_string(r->phone));
	}
	return c;
}

/* What the seller is told, as the ticket's one system message: new. */
static char *
describe(const omni_fulfillment_row *r, const char *event, const char *number)
{
	const char *carrier = r->carrier, *tn = r->tracking;
	char *text = NULL, parcel[256] = "";

	if (carrier || tn)
		snprintf(parcel, sizeof parcel, " (%s%s%s)", carrier ? carrier : "",
		         carrier && tn ? " " : "", tn ? tn : "");
	if (strcmp(event, "late") == 0 ?
	    asprintf(&text, "Order %s: the delivery estimate %s has passed with no "
	             "delivery scan%s.", number, r->estimated, parcel) < 0 :
	    asprintf(&text, "Order %s: the shipment reports %s%s.", number, event,
	             parcel) < 0)
		return NULL;
	return text;
}

/* The ticket for one event: new. */
static json_t *
ticket_of(const omni_fulfillment_row *r, const char *event, const char *key, omni_time now)
{
	const char *channel = r->channel, *order = r->order;
	const char *number = r->number ? r->number : order;
	json_t *t = omni_ticket_new(key, channel, r->store, "proactive");
	json_t *src = json_object(), *ids = json_array(), *msg;
	char *text = describe(r, event, number), ext[512];
	omni_time at = now;

	if (strcmp(event, "late") == 0)
		omni_time_parse(r->estimated, &at);
	else if (r->updated)
		omni_time_parse(r->updated, &at);
	snprintf(ext, sizeof ext, "%s/%s/%s", order, r->id, event);
	omni_json_set_str(src, "name", "proactive");
	omni_json_set_str(src, "external_id", ext);
	omni_json_set_str(src, "thread_key", order);
	omni_payload_set_str(src, "url", r->url);
	json_object_set_new(t, "source", src);
	omni_json_set_str(t, "intent", "wismo");
	omni_json_set_str(t, "subject", strcmp(event, "late") == 0 ?
	                  "Late delivery" : "Shipment exception");
	json_object_set_new(t, "customer", customer_of(r));
	json_array_append_new(ids, json_string(number));
	json_object_set_new(t, "order_ids", ids);
	msg = omni_message_new(key, "in", "system", at, text, channel);
	omni_ticket_add_message_new(t, msg);
	free(text);
	return t;
}

/* What a scan passes each row. */
typedef struct scan {
	omni_proactive *p;
	omni_fetch *f;
	omni_time now;
} scan;

/* One fulfilment row: its event, once. */
static int
consider(void *arg, const omni_fulfillment_row *r, omni_error *err)
{
	scan *sc = arg;
	omni_proactive *p = sc->p;
	omni_fetch *f = sc->f;
	omni_time now = sc->now;
	const char *event = event_of(r, now);
	json_t *keys;
	char *key = NULL;
	int seen = 0;

	if (!event)
		return 0;
	if (asprintf(&key, "proactive:%s|%s|%s|%s|%s", r->channel,
	             r->store ? r->store : "", r->order, r->id, event) < 0)
		return omni_error_oom(err), -1;
	if (json_object_get(p->emitted, key) ||
	    (!f->all && (seen = omni_store_seen(f->store, "proactive", key, err)) != 0)) {
		free(key);
		return seen < 0 ? -1 : 0;
	}
	json_object_set_new(p->emitted, key, json_true());
	keys = json_array();
	json_array_append_new(keys, json_string(key));
	seen = f->emit(f, ticket_of(r, event, key, now), keys);
	json_decref(keys);
	free(key);
	if (seen)
		return omni_error_set(err, OMNI_EX_IOERR, "stdout", 0, 0, "output stopped"), -1;
	return 0;
}

int
omni_proactive_scan(omni_proactive *p, omni_fetch *f, int whole, omni_error *err)
{
	scan sc = { p, f, omni_clock_now() };
	size_t n = p->n;

	if (p->oom)
		return omni_error_oom(err), -1;
	p->n = 0;
	return omni_fetch_store_fulfillments(p->store, whole, p->rows, n, consider, &sc, err);
}
