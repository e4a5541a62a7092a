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
 * When: a scanner notes the fulfilments that change on its connection
 * (sqlite3_update_hook); omni-fetch --proactive scans those after each
 * page or delivery it stored, and the whole store once at the end (a
 * passed estimate is an event with no new data). */
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "core/core.h"
#include "store/store.h"
#include "fetch/fetch.h"

struct omni_proactive {
	omni_store *store;
	sqlite3_int64 *rows;      /* fulfilments changed since the last scan */
	size_t n, cap;
	int oom;
	json_t *emitted;          /* keys emitted in this run (--all too) */
};

#define COLUMNS \
	"SELECT o.channel, o.store, o.order_id, o.number, o.customer_name, " \
	"o.customer_email, o.customer_phone, f.external_id, f.carrier, " \
	"f.tracking_number, f.tracking_url, f.status, f.estimated_at, " \
	"f.delivered_at, f.updated_at, f.shipped_at " \
	"FROM fulfillments f JOIN orders o ON o.rowid = f.order_rowid "

enum { C_CHANNEL, C_STORE, C_ORDER, C_NUMBER, C_NAME, C_EMAIL, C_PHONE, C_FID,
       C_CARRIER, C_TRACKING, C_URL, C_STATUS, C_ESTIMATED, C_DELIVERED,
       C_UPDATED, C_SHIPPED };

static void
changed(void *arg, int op, const char *db, const char *table, sqlite3_int64 row)
{
	omni_proactive *p = arg;

	if (op == SQLITE_DELETE || strcmp(table, "fulfillments") != 0)
		return;
	if (p->n && p->rows[p->n - 1] == row)
		return;
	if (p->n == p->cap) {
		sqlite3_int64 *g = realloc(p->rows, (p->cap * 2 + 64) * sizeof *g);
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
	sqlite3_update_hook(omni_store_db(s), changed, p);
	return p;
}

void
omni_proactive_free(omni_proactive *p)
{
	if (!p)
		return;
	sqlite3_update_hook(omni_store_db(p->store), NULL, NULL);
	free(p->rows);
	json_decref(p->emitted);
	free(p);
}

static const char *
col(sqlite3_stmt *st, int i)
{
	const char *v = (const char *)sqlite3_column_text(st, i);

	return v && *v ? v : NULL;
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
event_of(sqlite3_stmt *st, omni_time now)
{
	static const char *const trouble[] = {
		"exception", "attempt_fail", "return_to_sender", NULL,
	};
	static const char *const not_on_the_way[] = {
		"delivered", "cancelled", "expired", "available_for_pickup", NULL,
	};
	const char *status = col(st, C_STATUS), *est = col(st, C_ESTIMATED);
	omni_time t;

	if (one_of(status, trouble))
		return status;
	if (est && !col(st, C_DELIVERED) && !one_of(status, not_on_the_way) &&
	    omni_time_parse(est, &t) == 0 && t < now)
		return "late";
	return NULL;
}

static json_t *
customer_of(sqlite3_stmt *st)
{
	json_t *c = json_object(), *a;

	omni_payload_set_str(c, "name", col(st, C_NAME));
	if (col(st, C_EMAIL)) {
		json_object_set_new(c, "emails", a = json_array());
		json_array_append_new(a, json_string(col(st, C_EMAIL)));
	}
	if (col(st, C_PHONE)) {
		json_object_set_new(c, "phones", a = json_array());
		json_array_append_new(a, json_string(col(st, C_PHONE)));
	}
	return c;
}

/* What the seller is told, as the ticket's one system message: new. */
static char *
describe(sqlite3_stmt *st, const char *event, const char *number)
{
	const char *carrier = col(st, C_CARRIER), *tn = col(st, C_TRACKING);
	char *text = NULL, parcel[256] = "";

	if (carrier || tn)
		snprintf(parcel, sizeof parcel, " (%s%s%s)", carrier ? carrier : "",
		         carrier && tn ? " " : "", tn ? tn : "");
	if (strcmp(event, "late") == 0 ?
	    asprintf(&text, "Order %s: the delivery estimate %s has passed with no "
	             "delivery scan%s.", number, col(st, C_ESTIMATED), parcel) < 0 :
	    asprintf(&text, "Order %s: the shipment reports %s%s.", number, event,
	             parcel) < 0)
		return NULL;
	return text;
}

/* The ticket for one event: new. */
static json_t *
ticket_of(sqlite3_stmt *st, const char *event, const char *key, omni_time now)
{
	const char *channel = col(st, C_CHANNEL), *order = col(st, C_ORDER);
	const char *number = col(st, C_NUMBER) ? col(st, C_NUMBER) : order;
	json_t *t = omni_ticket_new(key, channel, col(st, C_STORE), "proactive");
	json_t *src = json_object(), *ids = json_array(), *msg;
	char *text = describe(st, event, number), ext[512];
	omni_time at = now;

	if (strcmp(event, "late") == 0)
		omni_time_parse(col(st, C_ESTIMATED), &at);
	else if (col(st, C_UPDATED))
		omni_time_parse(col(st, C_UPDATED), &at);
	snprintf(ext, sizeof ext, "%s/%s/%s", order, col(st, C_FID), event);
	omni_json_set_str(src, "name", "proactive");
	omni_json_set_str(src, "external_id", ext);
	omni_json_set_str(src, "thread_key", order);
	omni_payload_set_str(src, "url", col(st, C_URL));
	json_object_set_new(t, "source", src);
	omni_json_set_str(t, "intent", "wismo");
	omni_json_set_str(t, "subject", strcmp(event, "late") == 0 ?
	                  "Late delivery" : "Shipment exception");
	json_object_set_new(t, "customer", customer_of(st));
	json_array_append_new(ids, json_string(number));
	json_object_set_new(t, "order_ids", ids);
	msg = omni_message_new(key, "in", "system", at, text, channel);
	omni_ticket_add_message_new(t, msg);
	free(text);
	return t;
}

/* One fulfilment row: its event, once. */
static int
consider(omni_proactive *p, sqlite3_stmt *st, omni_fetch *f, omni_time now,
         omni_error *err)
{
	const char *event = event_of(st, now);
	json_t *keys;
	char *key = NULL;
	int seen = 0;

	if (!event)
		return 0;
	if (asprintf(&key, "proactive:%s|%s|%s|%s|%s", col(st, C_CHANNEL),
	             col(st, C_STORE) ? col(st, C_STORE) : "", col(st, C_ORDER),
	             col(st, C_FID), event) < 0)
		return omni_error_set(err, OMNI_EX_SOFTWARE, NULL, 0, 0, "out of memory"), -1;
	if (json_object_get(p->emitted, key) ||
	    (!f->all && (seen = omni_store_seen(f->store, "proactive", key, err)) != 0)) {
		free(key);
		return seen < 0 ? -1 : 0;
	}
	json_object_set_new(p->emitted, key, json_true());
	keys = json_array();
	json_array_append_new(keys, json_string(key));
	seen = f->emit(f, ticket_of(st, event, key, now), keys);
	json_decref(keys);
	free(key);
	if (seen)
		return omni_error_set(err, OMNI_EX_IOERR, "stdout", 0, 0, "output stopped"), -1;
	return 0;
}

int
omni_proactive_scan(omni_proactive *p, omni_fetch *f, int whole, omni_error *err)
{
	sqlite3 *db = omni_store_db(p->store);
	sqlite3_stmt *st = NULL;
	omni_time now = omni_clock_now();
	int rc = -1, step;
	size_t n = p->n;

	if (p->oom)
		return omni_error_set(err, OMNI_EX_SOFTWARE, NULL, 0, 0, "out of memory"), -1;
	p->n = 0;
	if (sqlite3_prepare_v2(db, whole ? COLUMNS "ORDER BY o.rowid, f.rowid" :
	                       COLUMNS "WHERE f.rowid = ?", -1, &st, NULL) != SQLITE_OK)
		return omni_store_error(p->store, err, "cannot read fulfilments");
	for (size_t i = 0; i < (whole ? 1 : n); i++) {
		sqlite3_reset(st);
		if (!whole)
			sqlite3_bind_int64(st, 1, p->rows[i]);
		while ((step = sqlite3_step(st)) == SQLITE_ROW)
			if (consider(p, st, f, now, err) < 0)
				goto out;
		if (step != SQLITE_DONE) {
			omni_store_error(p->store, err, "cannot read fulfilments");
			goto out;
		}
	}
	rc = 0;
out:
	sqlite3_finalize(st);
	return rc;
}
