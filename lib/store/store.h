/* store.h - the store: opening, migrations, transactions, cursors, and the orders
 * it keeps. */
#ifndef OMNI_STORE_STORE_H
#define OMNI_STORE_STORE_H

#include <jansson.h>
#include <sqlite3.h>

#include "core/core.h"

// store.c - the SQLite store

typedef struct omni_store omni_store;

/* path NULL: $OMNI_DB, else $XDG_DATA_HOME/omni/omni.db.  Creates it mode
 * 0600 (directories 0700), WAL, busy timeout, foreign keys, and applies the
 * migrations of share/omni/migrations (built in) by PRAGMA user_version.
 * 0 and *out; -1 with err (73 cannot create, 75 busy, 65 corrupt or newer
 * schema, 77 permission). */
int omni_store_open(const char *path, omni_store **out, omni_error *err);
void omni_store_close(omni_store *s);
sqlite3 *omni_store_db(omni_store *s);            /* borrowed */
/* The statement for sql, prepared once per store and kept until it
 * closes: reset and unbound, ready to bind.  sql must live as long as the
 * store (a string constant: its address is the key).  The caller resets
 * it when done with it and never finalizes it.  NULL with err. */
sqlite3_stmt *omni_store_prepared(omni_store *s, const char *sql, omni_error *err);
const char *omni_store_path(const omni_store *s); /* borrowed */
int omni_store_schema_version(omni_store *s);
/* BEGIN IMMEDIATE / COMMIT / ROLLBACK.  0 or -1 with err (75 when busy). */
int omni_store_begin(omni_store *s, omni_error *err);
int omni_store_commit(omni_store *s, omni_error *err);
void omni_store_rollback(omni_store *s);
/* BEGIN IMMEDIATE unless a transaction is open: for a writer that takes the
 * lock only when it has something to write.  0 or -1 with err. */
int omni_store_hold(omni_store *s, omni_error *err);
/* Is a transaction open? */
int omni_store_held(omni_store *s);
/* An advisory lock in the file PATH.WHAT.lock beside the store, for work
 * that must not run twice at once (two omni-fetch runs reading one source)
 * without holding the store's write lock meanwhile.  Waits up to the busy
 * timeout.  Held until the descriptor (returned, >= 0) is closed or the
 * process ends; -1 with err (75 held by another process). */
int omni_store_lock(omni_store *s, const char *what, omni_error *err);
/* Fills err from the connection's last error (status 75 for busy/locked,
 * 74 for I/O and full disk, 65 for corruption, else 70); returns status. */
int omni_store_error(omni_store *s, omni_error *err, const char *what);

/* Fetch cursors, one value per source. */
int omni_store_cursor_get(omni_store *s, const char *source, char **value,
                          omni_error *err);  /* *value new, NULL if none */
int omni_store_cursor_set(omni_store *s, const char *source, const char *value,
                          omni_error *err);
/* What a local source has emitted: 1 seen, 0 not, -1 err. */
int omni_store_seen(omni_store *s, const char *source, const char *key,
                    omni_error *err);
int omni_store_mark_seen(omni_store *s, const char *source, const char *key,
                         omni_error *err);

/* ------------------------------------------------------------------ */
// orders.c - orders, fulfilments, returns and refunds in the store

/* A normalised order, as omni-ticket(5)'s `orders` entries plus who placed it:
 * {id, number, channel, store, placed_at, updated_at, status,
 *  financial_status, total, currency,
 *  customer{id, name, email, phone},
 *  items[{sku,title,qty}],
 *  fulfillments[{id, carrier, tracking_number, tracking_url, status,
 *                shipped_at, delivered_at, estimated_at}],
 *  returns[{id, status, reason, at}],
 *  refunds[{id, amount, currency, reason, at}]}
 * Upserted by (channel, store, id); fulfilments, returns and refunds by
 * their own id within the order, so pieces that arrive apart (a webhook)
 * join.  Fields absent from a later version are kept. */
int omni_order_upsert(omni_store *s, const json_t *order, omni_error *err);
/* One fulfilment or refund for an order that may not be known yet. */
int omni_fulfillment_upsert(omni_store *s, const char *channel,
                            const char *store, const char *order_id,
                            const json_t *fulfillment, omni_error *err);
int omni_refund_upsert(omni_store *s, const char *channel, const char *store,
                       const char *order_id, const json_t *refund,
                       omni_error *err);
/* A platform's customer account {channel, store, id, name, email, phone,
 * updated_at} (Shopify's customers): evidence omni-link reads beside the
 * orders, never a customer of its own.  Upserted by (channel, store, id);
 * a field absent from a later version is kept. */
int omni_account_upsert(omni_store *s, const json_t *account, omni_error *err);
/* The order in the normalised shape above: new, or NULL (not found, or err
 * filled when err->status != 0). */
json_t *omni_order_load(omni_store *s, const char *channel, const char *store,
                        const char *order_id, omni_error *err);

#endif
