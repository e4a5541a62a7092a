/* orders.c - orders, fulfilments, returns and refunds in the store.
 *
 * Pieces of an order arrive apart and out of order (a list page, then a
 * fulfilments/update webhook, then a refund), so every write is an upsert
 * that keeps what a thinner or older version leaves out:
 *  - a field absent (NULL) in the new version keeps its stored value;
 *  - a version whose updated_at is older than the stored one only fills
 *    in what is still unknown, so a retried webhook cannot undo a newer
 *    state (delivered going back to in_transit).
 * Each public function is atomic on its own (a SAVEPOINT), inside or
 * outside a caller's transaction. */
#include <stdlib.h>
#include <string.h>

#include "ident/ident.h"
#include "core/core.h"
#include "store_int.h"

/* col = the new value unless the row is newer; tbl is the table name. */
#define KEEP(tbl, col)                                                         \
	#col " = IIF(julianday(excluded.updated_at) < julianday(" #tbl ".updated_at), " \
	"COALESCE(" #tbl "." #col ", excluded." #col "), "                          \
	"COALESCE(excluded." #col ", " #tbl "." #col "))"
#define KEEPO(col) KEEP(orders, col)
#define KEEPF(col) KEEP(fulfillments, col)

static const char order_sql[] =
	"INSERT INTO orders (channel, store, order_id, number, customer_ref,"
	" customer_name, customer_email, customer_phone, placed_at, updated_at,"
	" status, financial_status, total, currency, items, customer_postcode)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)"
	" ON CONFLICT (channel, store, order_id) DO UPDATE SET "
	"number = COALESCE(excluded.number, orders.number), "
	KEEPO(customer_ref) ", " KEEPO(customer_name) ", "
	KEEPO(customer_email) ", " KEEPO(customer_phone) ", "
	"placed_at = COALESCE(orders.placed_at, excluded.placed_at), "
	KEEPO(status) ", " KEEPO(financial_status) ", " KEEPO(total) ", "
	KEEPO(currency) ", " KEEPO(items) ", " KEEPO(customer_postcode) ", "
	"updated_at = IIF(julianday(excluded.updated_at) < julianday(orders.updated_at),"
	" orders.updated_at, COALESCE(excluded.updated_at, orders.updated_at))";

static const char thin_order_sql[] =
	"INSERT INTO orders (channel, store, order_id) VALUES (?1, ?2, ?3)"
	" ON CONFLICT (channel, store, order_id) DO NOTHING";

static const char rowid_sql[] =
	"SELECT rowid FROM orders WHERE channel = ?1 AND store = ?2 AND order_id = ?3";

static const char fulfillment_sql[] =
	"INSERT INTO fulfillments (order_rowid, external_id, carrier,"
	" tracking_number, tracking_url, status, shipped_at, delivered_at,"
	" estimated_at, updated_at)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
	" ON CONFLICT (order_rowid, external_id) DO UPDATE SET "
	KEEPF(carrier) ", " KEEPF(tracking_number) ", " KEEPF(tracking_url) ", "
	KEEPF(status) ", " KEEPF(shipped_at) ", " KEEPF(delivered_at) ", "
	KEEPF(estimated_at) ", "
	"updated_at = IIF(julianday(excluded.updated_at) < julianday(fulfillments.updated_at),"
	" fulfillments.updated_at, COALESCE(excluded.updated_at, fulfillments.updated_at))"
	" RETURNING rowid";      /* for omni_store_watch_fulfillments */

static const char refund_sql[] =
	"INSERT INTO refunds (order_rowid, external_id, amount, currency, reason, at)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
	" ON CONFLICT (order_rowid, external_id) DO UPDATE SET"
	" amount = COALESCE(excluded.amount, refunds.amount),"
	" currency = COALESCE(excluded.currency, refunds.currency),"
	" reason = COALESCE(excluded.reason, refunds.reason),"
	" at = COALESCE(excluded.at, refunds.at)";

static const char return_sql[] =
	"INSERT INTO returns (order_rowid, external_id, status, reason, at)"
	" VALUES (?1, ?2, ?3, ?4, ?5)"
	" ON CONFLICT (order_rowid, external_id) DO UPDATE SET"
	" status = COALESCE(excluded.status, returns.status),"
	" reason = COALESCE(excluded.reason, returns.reason),"
	" at = COALESCE(excluded.at, returns.at)";

/* A scalar JSON value as text: strings as they are, integers in decimal,
 * reals with 15 significant digits (money should come as strings; this
 * only keeps a careless caller from storing 33.049999999999997).  New, or
 * NULL for null, absent, booleans and containers. */
static char *
value_text(const json_t *v)
{
	char buf[64];

	if (json_is_string(v))
		return strdup(json_string_value(v));
	if (json_is_integer(v)) {
		snprintf(buf, sizeof buf, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		return strdup(buf);
	}
	if (json_is_real(v))
		return json_dumps(v, JSON_ENCODE_ANY | JSON_REAL_PRECISION(15));
	return NULL;
}

/* An e-mail address in ASCII lowercase, in place (NULL is fine): the
 * stored addresses are keys that compare. */
static void
email_lower(char *email)
{
	for (char *p = email; p && *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
}

/* Binds obj[key] as text, or NULL when it has no scalar value. */
static int
bind_member(omni_stmt *st, int i, const json_t *obj, const char *key)
{
	char *text = value_text(json_object_get(obj, key));

	if (!text)
		return omni_stmt_bind_null(st, i);
	return omni_stmt_bind_str_new(st, i, text);
}

/* Steps a bound statement (the store's kept one, lib/store/stmt.c) once
 * and resets it.  0 or -1. */
static int
run(omni_stmt *st, const char *what, omni_error *err)
{
	int rc = omni_stmt_step(st, err, what);

	omni_stmt_reset(st);
	return rc < 0 ? -1 : 0;
}

/* The order's row, creating a thin one (channel, store, id) if thin is
 * set.  0 and *rowid; 1 not found; -1 err. */
static int
order_rowid(omni_store *s, const char *channel, const char *store,
            const char *order_id, int thin, int64_t *rowid,
            omni_error *err)
{
	omni_stmt *st = NULL;
	int rc;

	if (!store)
		store = "";
	if (thin) {
		if (!(st = omni_store_stmt(s, thin_order_sql, err)))
			return -1;
		omni_stmt_bind_str(st, 1, channel);
		omni_stmt_bind_str(st, 2, store);
		omni_stmt_bind_str(st, 3, order_id);
		if (run(st, "saving an order", err) < 0)
			return -1;
	}
	if (!(st = omni_store_stmt(s, rowid_sql, err)))
		return -1;
	omni_stmt_bind_str(st, 1, channel);
	omni_stmt_bind_str(st, 2, store);
	omni_stmt_bind_str(st, 3, order_id);
	rc = omni_stmt_step(st, err, "reading an order");
	if (rc == OMNI_STMT_ROW) {
		*rowid = omni_stmt_int64(st, 0);
		rc = 0;
	} else if (rc == OMNI_STMT_DONE) {
		rc = 1;
	}
	omni_stmt_reset(st);
	return rc;
}

/* The external id of a piece (fulfilment, refund, return), else fallback
 * (e.g. the tracking number).  New or NULL. */
static char *
piece_id(const json_t *piece, const char *fallback)
{
	char *id = value_text(json_object_get(piece, "id"));

	if (!id || !*id) {
		free(id);
		id = value_text(json_object_get(piece, fallback));
	}
	if (id && !*id) {
		free(id);
		id = NULL;
	}
	return id;
}

static int
fulfillment_put(omni_store *s, int64_t rowid, const json_t *fl,
                omni_error *err)
{
	static const char *const cols[] = { "carrier", "tracking_number",
		"tracking_url", "status", "shipped_at", "delivered_at",
		"estimated_at", "updated_at" };
	omni_stmt *st = NULL;
	char *id = NULL;
	int64_t row = 0;
	int rc;

	if (!json_is_object(fl))
		return omni_error_set(err, OMNI_EX_DATAERR, NULL, 0, 0,
		                      "fulfilment is not an object"), -1;
	if (!(id = piece_id(fl, "tracking_number")))
		return omni_error_set(err, OMNI_EX_DATAERR, NULL, 0, 0,
		                      "fulfilment without an id or a tracking number"), -1;
	if (!(st = omni_store_stmt(s, fulfillment_sql, err))) {
		free(id);
		return -1;
	}
	omni_stmt_bind_int64(st, 1, rowid);
	omni_stmt_bind_str_new(st, 2, id);
	for (int i = 0; i < 8; i++)
		bind_member(st, 3 + i, fl, cols[i]);
	if ((rc = omni_stmt_step(st, err, "saving a fulfilment")) == OMNI_STMT_ROW) {
		row = omni_stmt_int64(st, 0);
		rc = omni_stmt_step(st, err, "saving a fulfilment");
	}
	omni_stmt_reset(st);
	if (rc < 0)
		return -1;
	if (s->watch)
		s->watch(s->watch_arg, row);
	return 0;
}

static int
refund_put(omni_store *s, int64_t rowid, const json_t *r, omni_error *err)
{
	static const char *const cols[] = { "amount", "currency", "reason", "at" };
	omni_stmt *st = NULL;
	char *id = NULL;

	if (!json_is_object(r) || !(id = piece_id(r, "at")))
		return omni_error_set(err, OMNI_EX_DATAERR, NULL, 0, 0,
		                      "refund without an id"), -1;
	if (!(st = omni_store_stmt(s, refund_sql, err))) {
		free(id);
		return -1;
	}
	omni_stmt_bind_int64(st, 1, rowid);
	omni_stmt_bind_str_new(st, 2, id);
	for (int i = 0; i < 4; i++)
		bind_member(st, 3 + i, r, cols[i]);
	return run(st, "saving a refund", err);
}

static int
return_put(omni_store *s, int64_t rowid, const json_t *r, omni_error *err)
{
	static const char *const cols[] = { "status", "reason", "at" };
	omni_stmt *st = NULL;
	char *id = NULL;

	if (!json_is_object(r) || !(id = piece_id(r, "at")))
		return omni_error_set(err, OMNI_EX_DATAERR, NULL, 0, 0,
		                      "return without an id"), -1;
	if (!(st = omni_store_stmt(s, return_sql, err))) {
		free(id);
		return -1;
	}
	omni_stmt_bind_int64(st, 1, rowid);
	omni_stmt_bind_str_new(st, 2, id);
	for (int i = 0; i < 3; i++)
		bind_member(st, 3 + i, r, cols[i]);
	return run(st, "saving a return", err);
}

/* Puts every element of order[key] with put().  0 or -1. */
static int
pieces_put(omni_store *s, int64_t rowid, const json_t *order,
           const char *key,
           int (*put)(omni_store *, int64_t, const json_t *, omni_error *),
           omni_error *err)
{
	const json_t *list = json_object_get(order, key), *v;
	size_t i;

	if (list && !json_is_array(list) && !json_is_null(list))
		return omni_error_set(err, OMNI_EX_DATAERR, NULL, 0, 0,
		                      "order %s is not an array", key), -1;
	json_array_foreach(list, i, v)
		if (put(s, rowid, v, err) < 0)
			return -1;
	return 0;
}

/* Binds the order's own columns (15) for order_sql. */
static int
order_bind(omni_stmt *st, const json_t *order, const char *store,
           const char *id)
{
	const json_t *c = json_object_get(order, "customer");
	const json_t *items = json_object_get(order, "items");
	char *email = value_text(json_object_get(c, "email"));

	bind_member(st, 1, order, "channel");
	omni_stmt_bind_str(st, 2, store);
	omni_stmt_bind_str(st, 3, id);
	bind_member(st, 4, order, "number");
	bind_member(st, 5, c, "id");
	bind_member(st, 6, c, "name");
	email_lower(email);
	if (email)
		omni_stmt_bind_str_new(st, 7, email);
	else
		omni_stmt_bind_null(st, 7);
	bind_member(st, 8, c, "phone");
	bind_member(st, 9, order, "placed_at");
	bind_member(st, 10, order, "updated_at");
	bind_member(st, 11, order, "status");
	bind_member(st, 12, order, "financial_status");
	bind_member(st, 13, order, "total");
	bind_member(st, 14, order, "currency");
	bind_member(st, 16, c, "postcode");
	if (json_is_array(items)) {
		char *text = json_dumps(items, JSON_COMPACT | JSON_PRESERVE_ORDER);
		if (!text)
			return -1;
		omni_stmt_bind_str_new(st, 15, text);
	} else {
		omni_stmt_bind_null(st, 15);
	}
	return 0;
}

int
omni_order_upsert(omni_store *s, const json_t *order, omni_error *err)
{
	omni_stmt *st = NULL;
	const char *channel, *store;
	char *id = NULL;
	int64_t rowid = 0;
	int rc = -1;

	channel = json_string_value(json_object_get(order, "channel"));
	store = json_string_value(json_object_get(order, "store"));
	id = value_text(json_object_get(order, "id"));
	if (!channel || !*channel || !id || !*id) {
		free(id);
		return omni_error_set(err, OMNI_EX_DATAERR, NULL, 0, 0,
		                      "order without a channel or an id"), -1;
	}
	if (!store)
		store = "";
	if (omni_store_savepoint(s, err) < 0)
		goto out_free;
	if (!(st = omni_store_stmt(s, order_sql, err)))
		goto out;
	if (order_bind(st, order, store, id) < 0) {
		omni_stmt_reset(st);
		omni_error_oom(err);
		goto out;
	}
	if (run(st, "saving an order", err) < 0)
		goto out;
	if (order_rowid(s, channel, store, id, 0, &rowid, err) != 0)
		goto out;
	if (pieces_put(s, rowid, order, "fulfillments", fulfillment_put, err) < 0 ||
	    pieces_put(s, rowid, order, "refunds", refund_put, err) < 0 ||
	    pieces_put(s, rowid, order, "returns", return_put, err) < 0)
		goto out;
	rc = 0;
out:
	rc = omni_store_savepoint_end(s, rc, err);
out_free:
	free(id);
	return rc;
}

#define KEEPA(col) KEEP(accounts, col)
static const char account_sql[] =
	"INSERT INTO accounts (channel, store, ref, name, email, phone, updated_at, email_key)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
	" ON CONFLICT (channel, ref, store) DO UPDATE SET "
	KEEPA(name) ", " KEEPA(email) ", " KEEPA(email_key) ", " KEEPA(phone) ", "
	"updated_at = IIF(julianday(excluded.updated_at) < julianday(accounts.updated_at),"
	" accounts.updated_at, COALESCE(excluded.updated_at, accounts.updated_at))";

int
omni_account_upsert(omni_store *s, const json_t *account, omni_error *err)
{
	const char *channel = json_string_value(json_object_get(account, "channel"));
	const char *store = json_string_value(json_object_get(account, "store"));
	char *ref = value_text(json_object_get(account, "id"));
	char *email = value_text(json_object_get(account, "email"));
	omni_stmt *st = NULL;
	int rc = -1;

	if (!channel || !*channel || !ref || !*ref) {
		omni_error_set(err, OMNI_EX_DATAERR, NULL, 0, 0,
		               "customer account without a channel or an id");
		goto out;
	}
	email_lower(email);
	/* the statement too: a failed preparation fails a transaction */
	if (omni_store_savepoint(s, err) < 0)
		goto out;
	if (!(st = omni_store_stmt(s, account_sql, err))) {
		omni_store_savepoint_end(s, -1, err);
		goto out;
	}
	omni_stmt_bind_str(st, 1, channel);
	omni_stmt_bind_str(st, 2, store ? store : "");
	omni_stmt_bind_str(st, 3, ref);
	bind_member(st, 4, account, "name");
	omni_stmt_bind_str(st, 5, email && *email ? email : NULL);
	bind_member(st, 6, account, "phone");
	bind_member(st, 7, account, "updated_at");
	if (email && *email)     /* new, or NULL when not an address */
		omni_stmt_bind_str_new(st, 8, omni_ident_email(email));
	rc = omni_store_savepoint_end(s, run(st, "saving a customer account", err), err);
out:
	free(ref);
	free(email);
	return rc;
}

/* One piece for an order that may not be known yet: a thin order row keeps
 * it until the order itself arrives. */
static int
piece_upsert(omni_store *s, const char *channel, const char *store,
             const char *order_id, const json_t *piece,
             int (*put)(omni_store *, int64_t, const json_t *, omni_error *),
             omni_error *err)
{
	int64_t rowid = 0;
	int rc = -1;

	if (!channel || !*channel || !order_id || !*order_id)
		return omni_error_set(err, OMNI_EX_DATAERR, NULL, 0, 0,
		                      "order piece without a channel or an order id"), -1;
	if (omni_store_savepoint(s, err) < 0)
		return -1;
	if (order_rowid(s, channel, store, order_id, 1, &rowid, err) != 0)
		goto out;
	if (put(s, rowid, piece, err) < 0)
		goto out;
	rc = 0;
out:
	return omni_store_savepoint_end(s, rc, err);
}

int
omni_fulfillment_upsert(omni_store *s, const char *channel, const char *store,
                        const char *order_id, const json_t *fulfillment,
                        omni_error *err)
{
	return piece_upsert(s, channel, store, order_id, fulfillment,
	                    fulfillment_put, err);
}

int
omni_refund_upsert(omni_store *s, const char *channel, const char *store,
                   const char *order_id, const json_t *refund, omni_error *err)
{
	return piece_upsert(s, channel, store, order_id, refund, refund_put, err);
}

/* ---- tracking from a tracking service ---- */

static const char track_sql[] =
	"UPDATE fulfillments SET status = COALESCE(?2, status),"
	" estimated_at = COALESCE(?3, estimated_at),"
	" delivered_at = COALESCE(?4, delivered_at), events = COALESCE(?5, events),"
	" carrier = COALESCE(carrier, ?7), updated_at = COALESCE(?6, updated_at)"
	" WHERE tracking_number = ?1 AND (CAST(?6 AS TEXT) IS NULL OR updated_at IS NULL"
	" OR julianday(?6) >= julianday(updated_at))"
	" RETURNING rowid";

int
omni_fulfillment_track(omni_store *s, const json_t *tracking, omni_error *err)
{
	static const char *const cols[] = { "status", "estimated_at",
		"delivered_at", NULL, "updated_at", "carrier" };
	const char *number = json_string_value(json_object_get(tracking, "tracking_number"));
	const json_t *events = json_object_get(tracking, "events");
	int64_t rows[64];
	size_t n = 0;
	omni_stmt *st;
	int rc;

	if (!number || !*number)
		return omni_error_set(err, OMNI_EX_DATAERR, NULL, 0, 0,
		                      "tracking without a tracking number"), -1;
	if (omni_store_savepoint(s, err) < 0)
		return -1;
	if (!(st = omni_store_stmt(s, track_sql, err)))
		return omni_store_savepoint_end(s, -1, err);
	omni_stmt_bind_str(st, 1, number);
	for (int i = 0; i < 6; i++)
		if (cols[i])
			bind_member(st, 2 + i, tracking, cols[i]);
	if (json_is_array(events)) {
		char *text = json_dumps(events, JSON_COMPACT | JSON_PRESERVE_ORDER);
		if (!text) {
			omni_stmt_reset(st);
			omni_error_oom(err);
			return omni_store_savepoint_end(s, -1, err);
		}
		omni_stmt_bind_str_new(st, 5, text);
	} else {
		omni_stmt_bind_null(st, 5);
	}
	while ((rc = omni_stmt_step(st, err, "saving tracking")) == OMNI_STMT_ROW)
		if (n < sizeof rows / sizeof rows[0])
			rows[n++] = omni_stmt_int64(st, 0);
	omni_stmt_reset(st);
	if (omni_store_savepoint_end(s, rc, err) < 0)
		return -1;
	for (size_t i = 0; s->watch && i < n; i++)
		s->watch(s->watch_arg, rows[i]);
	return (int)n;
}

/* ---- stock ---- */

static void set_column(json_t *obj, const char *key, omni_stmt *st, int i);

static const char stock_sql[] =
	"INSERT INTO stock (channel, store, sku, title, available, status, restock_at, updated_at)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
	" ON CONFLICT (channel, store, sku) DO UPDATE SET"
	" title = COALESCE(excluded.title, stock.title), available = excluded.available,"
	" status = COALESCE(excluded.status, stock.status), restock_at = excluded.restock_at,"
	" updated_at = COALESCE(excluded.updated_at, stock.updated_at)";

int
omni_stock_upsert(omni_store *s, const json_t *stock, omni_error *err)
{
	const char *channel = json_string_value(json_object_get(stock, "channel"));
	const char *store = json_string_value(json_object_get(stock, "store"));
	const char *sku = json_string_value(json_object_get(stock, "sku"));
	const json_t *n = json_object_get(stock, "available");
	omni_stmt *st;

	if (!channel || !*channel || !sku || !*sku)
		return omni_error_set(err, OMNI_EX_DATAERR, NULL, 0, 0,
		                      "stock without a channel or a sku"), -1;
	if (omni_store_savepoint(s, err) < 0)
		return -1;
	if (!(st = omni_store_stmt(s, stock_sql, err)))
		return omni_store_savepoint_end(s, -1, err);
	omni_stmt_bind_str(st, 1, channel);
	omni_stmt_bind_str(st, 2, store ? store : "");
	omni_stmt_bind_str(st, 3, sku);
	bind_member(st, 4, stock, "title");
	if (json_is_integer(n))
		omni_stmt_bind_int64(st, 5, json_integer_value(n));
	else
		omni_stmt_bind_null(st, 5);
	bind_member(st, 6, stock, "status");
	bind_member(st, 7, stock, "restock_at");
	bind_member(st, 8, stock, "updated_at");
	return omni_store_savepoint_end(s, run(st, "saving stock", err), err);
}

static const char stock_get_sql[] =
	"SELECT available, status, restock_at, updated_at FROM stock"
	" WHERE channel = ?1 AND store = ?2 AND sku = ?3";

/* Each item with a SKU the store has stock of gets it: {available,
 * status, restock_at, updated_at}. */
static int
items_stock(omni_store *s, json_t *order, const char *channel, const char *store,
            omni_error *err)
{
	json_t *items = json_object_get(order, "items"), *it;
	size_t i;

	json_array_foreach(items, i, it) {
		const char *sku = json_string_value(json_object_get(it, "sku"));
		omni_stmt *st;
		int rc;
		if (!sku || !*sku)
			continue;
		if (!(st = omni_store_stmt(s, stock_get_sql, err)))
			return -1;
		omni_stmt_bind_str(st, 1, channel);
		omni_stmt_bind_str(st, 2, store);
		omni_stmt_bind_str(st, 3, sku);
		if ((rc = omni_stmt_step(st, err, "reading stock")) == OMNI_STMT_ROW) {
			json_t *k = json_object();
			if (omni_stmt_type(st, 0) != OMNI_STMT_NULL)
				json_object_set_new(k, "available", json_integer(omni_stmt_int64(st, 0)));
			set_column(k, "status", st, 1);
			set_column(k, "restock_at", st, 2);
			set_column(k, "updated_at", st, 3);
			json_object_set_new(it, "stock", k);
		}
		omni_stmt_reset(st);
		if (rc < 0)
			return -1;
	}
	return 0;
}

/* ---- reading an order back ---- */

/* Sets key to column i's text unless it is NULL. */
static void
set_column(json_t *obj, const char *key, omni_stmt *st, int i)
{
	const char *t = omni_stmt_text(st, i);

	if (t)
		json_object_set_new(obj, key, json_string(t));
}

/* The rows of sql (bound to rowid) as objects whose keys are the column
 * names, external_id read as "id".  New array, or NULL with err. */
static json_t *
load_pieces(omni_store *s, const char *sql, int64_t rowid, omni_error *err)
{
	omni_stmt *st = NULL;
	json_t *list = json_array();
	int rc;

	if (!list || !(st = omni_store_stmt(s, sql, err))) {
		json_decref(list);
		return NULL;
	}
	omni_stmt_bind_int64(st, 1, rowid);
	while ((rc = omni_stmt_step(st, err, "reading an order")) == OMNI_STMT_ROW) {
		json_t *piece = json_object();
		for (int i = 0; i < omni_stmt_columns(st); i++) {
			const char *name = omni_stmt_name(st, i);
			json_t *v = NULL;
			if (strcmp(name, "events") != 0) {
				set_column(piece, strcmp(name, "external_id") ? name : "id", st, i);
				continue;
			}
			/* kept as JSON text */
			if (omni_stmt_text(st, i))
				v = json_loads(omni_stmt_text(st, i), 0, NULL);
			if (json_is_array(v))
				json_object_set(piece, name, v);
			json_decref(v);
		}
		json_array_append_new(list, piece);
	}
	if (rc != OMNI_STMT_DONE) {
		json_decref(list);
		list = NULL;
	}
	omni_stmt_reset(st);
	return list;
}

static const char load_sql[] =
	"SELECT rowid, number, customer_ref, customer_name, customer_email,"
	" customer_phone, placed_at, updated_at, status, financial_status, total,"
	" currency, items, customer_postcode FROM orders"
	" WHERE channel = ?1 AND store = ?2 AND order_id = ?3";

/* The order row as the normalised shape, without its pieces. */
static json_t *
order_from_row(omni_stmt *st, const char *channel, const char *store,
               const char *order_id)
{
	json_t *o = json_object(), *c = json_object();
	const char *items;

	json_object_set_new(o, "id", json_string(order_id));
	set_column(o, "number", st, 1);
	json_object_set_new(o, "channel", json_string(channel));
	json_object_set_new(o, "store", *store ? json_string(store) : json_null());
	set_column(o, "placed_at", st, 6);
	set_column(o, "updated_at", st, 7);
	set_column(o, "status", st, 8);
	set_column(o, "financial_status", st, 9);
	set_column(o, "total", st, 10);
	set_column(o, "currency", st, 11);
	set_column(c, "id", st, 2);
	set_column(c, "name", st, 3);
	set_column(c, "email", st, 4);
	set_column(c, "phone", st, 5);
	set_column(c, "postcode", st, 13);
	if (json_object_size(c))
		json_object_set(o, "customer", c);
	json_decref(c);
	if ((items = omni_stmt_text(st, 12))) {
		json_t *v = json_loads(items, 0, NULL);
		if (json_is_array(v))
			json_object_set(o, "items", v);
		json_decref(v);
	}
	return o;
}

json_t *
omni_order_load(omni_store *s, const char *channel, const char *store,
                const char *order_id, omni_error *err)
{
	static const struct { const char *key, *sql; } pieces[] = {
		{ "fulfillments", "SELECT external_id, carrier, tracking_number,"
		  " tracking_url, status, shipped_at, delivered_at, estimated_at, events"
		  " FROM fulfillments WHERE order_rowid = ?1"
		  " ORDER BY shipped_at IS NULL, shipped_at, external_id" },
		{ "returns", "SELECT external_id, status, reason, at FROM returns"
		  " WHERE order_rowid = ?1 ORDER BY at IS NULL, at, external_id" },
		{ "refunds", "SELECT external_id, amount, currency, reason, at"
		  " FROM refunds WHERE order_rowid = ?1"
		  " ORDER BY at IS NULL, at, external_id" },
	};
	omni_stmt *st = NULL;
	json_t *order = NULL;
	int64_t rowid = 0;
	int rc;

	if (err)
		err->status = 0;
	if (!store)
		store = "";
	if (!channel || !order_id || !(st = omni_store_stmt(s, load_sql, err)))
		return NULL;
	omni_stmt_bind_str(st, 1, channel);
	omni_stmt_bind_str(st, 2, store);
	omni_stmt_bind_str(st, 3, order_id);
	rc = omni_stmt_step(st, err, "reading an order");
	if (rc == OMNI_STMT_ROW) {
		rowid = omni_stmt_int64(st, 0);
		order = order_from_row(st, channel, store, order_id);
	}
	omni_stmt_reset(st);
	for (size_t i = 0; order && i < sizeof pieces / sizeof pieces[0]; i++) {
		json_t *list = load_pieces(s, pieces[i].sql, rowid, err);
		if (!list) {
			json_decref(order);
			return NULL;
		}
		if (json_array_size(list))
			json_object_set(order, pieces[i].key, list);
		json_decref(list);
	}
	if (order && items_stock(s, order, channel, store, err) < 0) {
		json_decref(order);
		return NULL;
	}
	return order;
}
