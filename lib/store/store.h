/* store.h - the store: opening, migrations, transactions, statements,
 * cursors, and the orders it keeps. */
#ifndef OMNI_STORE_STORE_H
#define OMNI_STORE_STORE_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "core/core.h"
#include "record/record.h"

// store.c - the store: its engine (SQLite, or PostgreSQL in pg.c), opening,
// transactions

typedef struct omni_store omni_store;

/* path NULL: $OMNI_DB, else $XDG_DATA_HOME/omni/omni.db.  A path that is
 * a postgresql:// URI is a PostgreSQL store (pg.c; 78 in a build without
 * its client library), set up and migrated the same way.  Creates a file mode
 * 0600 (directories 0700), WAL, busy timeout, foreign keys, and applies the
 * migrations of share/omni/migrations (built in) by PRAGMA user_version.
 * Programs that open a store at once wait for each other while one sets
 * it up (WAL, migrations), under the lock PATH.migration.lock.
 * 0 and *out; -1 with err (73 cannot create, 75 busy, 65 corrupt or newer
 * schema, 77 permission; on PostgreSQL also 75 the server not reached, 78
 * a database not sorting by bytes or a build without PostgreSQL). */
int omni_store_open(const char *path, omni_store **out, omni_error *err);
/* The same for a store that is there already: 0 and *out NULL when its
 * file is not (nothing is created). */
int omni_store_open_existing(const char *path, omni_store **out, omni_error *err);
void omni_store_close(omni_store *s);
const char *omni_store_path(const omni_store *s); /* borrowed */
/* The directory for what is kept beside the store (quarantine/): the
 * SQLite file's, or for a PostgreSQL store $XDG_DATA_HOME/omni.  New, or
 * NULL out of memory. */
char *omni_store_dir(const omni_store *s);
int omni_store_schema_version(omni_store *s);
/* How a program uses the store, for the engine's settings. */
enum omni_store_use {
	/* Long write transactions over a large store (omni-link): a bigger
	 * page cache, rarer checkpoints, and no foreign-key checks (such a
	 * writer moves and deletes its rows itself). */
	OMNI_STORE_BULK,
	/* A scratch store: nothing needs to reach the disk. */
	OMNI_STORE_SCRATCH,
};
void omni_store_tune(omni_store *s, enum omni_store_use use);
/* BEGIN IMMEDIATE / COMMIT / ROLLBACK.  0 or -1 with err (75 when busy). */
int omni_store_begin(omni_store *s, omni_error *err);
int omni_store_commit(omni_store *s, omni_error *err);
void omni_store_rollback(omni_store *s);
/* BEGIN IMMEDIATE unless a transaction is open: for a writer that takes the
 * lock only when it has something to write.  0 or -1 with err. */
int omni_store_hold(omni_store *s, omni_error *err);
/* A step that fails leaves the transaction as it was before it: SQLite
 * undoes a failed statement alone, but PostgreSQL fails the whole
 * transaction (every later statement, and the commit), so a caller that
 * goes on after a failed write puts the write between these two (a
 * SAVEPOINT; they nest; outside a transaction, on PostgreSQL, a write
 * transaction of its own, as omni_store_begin's).
 * omni_store_savepoint: 0 or -1 with err.  omni_store_savepoint_end keeps
 * the step's writes when rc >= 0 (returns rc, or -1 with err if it cannot)
 * and undoes them when rc < 0 (returns rc, err as the step left it). */
int omni_store_savepoint(omni_store *s, omni_error *err);
int omni_store_savepoint_end(omni_store *s, int rc, omni_error *err);
/* Is a transaction open? */
int omni_store_held(omni_store *s);
/* How many rows the last statement run to its end changed. */
long omni_store_changes(omni_store *s);
/* An advisory lock in the file PATH.WHAT.lock beside the store, for work
 * that must not run twice at once (two omni-fetch runs reading one source)
 * without holding the store's write lock meanwhile.  Waits up to the busy
 * timeout.  Held until the descriptor (returned, >= 0) is closed or the
 * process ends (on PostgreSQL, an advisory lock: until the store is
 * closed); -1 with err (75 held by another process). */
int omni_store_lock(omni_store *s, const char *what, omni_error *err);
/* Fills err from the store's last error (status 75 for busy/locked, 74 for
 * I/O and full disk, 65 for corruption, 77 permission, 73 cannot open,
 * else 70), as "what: the engine's message"; returns status. */
int omni_store_error(omni_store *s, omni_error *err, const char *what);
/* Calls fn(arg, row) after each write of a fulfilment on s (inserted or
 * updated by omni_order_upsert or omni_fulfillment_upsert), row its id in
 * the store (fulfillments.rowid).  fn NULL: no more calls. */
typedef void omni_store_watch_fn(void *arg, int64_t row);
void omni_store_watch_fulfillments(omni_store *s, omni_store_watch_fn *fn, void *arg);
/* From now on, on this connection, what a statement deletes or
 * overwrites is overwritten with zeros in the store and its log
 * (PRAGMA secure_delete).  0 or -1 with err. */
int omni_store_secure_delete(omni_store *s, omni_error *err);
/* Outside a transaction: the store rewritten whole (VACUUM, its copy in
 * memory), so that no free page or free space in a page keeps what an
 * earlier statement deleted, then its write-ahead log copied in and cut
 * to nothing (checkpoint TRUNCATE).  0, or -1 with err (75 when another
 * program's read kept the log from being emptied). */
int omni_store_scrub(omni_store *s, omni_error *err);

/* Copies every row of every table of from into to, a new store (of
 * either engine, both at this program's schema; one with rows, or from
 * itself, is refused, 73), in one transaction of to, holding from's
 * write lock meanwhile (75 when busy); before committing, checks each
 * table's count in both and compares every row of to with from's (70
 * and nothing kept when one differs).  fn (may be NULL) is told each
 * table and its rows.  0 or -1 with err. */
typedef void omni_store_copy_fn(void *arg, const char *table, long long rows);
int omni_store_copy(omni_store *from, omni_store *to, omni_store_copy_fn *fn,
                    void *arg, omni_error *err);

/* ------------------------------------------------------------------ */
// stmt.c - statements, for the areas' store files (lib/<area>/*_store.c)

/* A statement of the store's engine: prepared once per store, kept until
 * it closes, never freed by its user. */
typedef struct omni_stmt omni_stmt;

/* The statement for sql, reset and unbound, ready to bind: prepared on
 * its first use, then taken from the store's cache.  sql must live as
 * long as the store (a string constant: its address is the key).  Taking
 * it again resets it, so a function must not take one that its caller
 * is still stepping.  The caller resets it when done.  NULL with err. */
omni_stmt *omni_store_stmt(omni_store *s, const char *sql,
                           omni_error *err);  /* borrowed */
/* Resets every statement still on a row, so that none holds a read
 * snapshot (which keeps the write-ahead log from being checkpointed). */
void omni_store_reset_all(omni_store *s);

/* Binds parameter i (from 1).  A text is borrowed: it must stay as it is
 * until the statement is reset; NULL binds null.  _new steals a malloc'd
 * text (freed with free, also on failure).  0, or -1 (too big, no such
 * parameter, out of memory). */
int omni_stmt_bind_str(omni_stmt *st, int i, const char *text);  /* borrowed */
int omni_stmt_bind_text(omni_stmt *st, int i, const char *text,
                        size_t len);                           /* borrowed */
int omni_stmt_bind_str_new(omni_stmt *st, int i, char *text);   /* steals */
int omni_stmt_bind_int64(omni_stmt *st, int i, int64_t v);
int omni_stmt_bind_double(omni_stmt *st, int i, double v);
int omni_stmt_bind_null(omni_stmt *st, int i);

enum { OMNI_STMT_DONE = 0, OMNI_STMT_ROW = 1 };
/* Runs the statement to its next row: OMNI_STMT_ROW (its columns can be
 * read), OMNI_STMT_DONE (no more rows; a write is done), or -1 with err
 * (when not NULL) filled by omni_store_error(s, err, what). */
int omni_stmt_step(omni_stmt *st, omni_error *err, const char *what);
/* Back to before its first row; the bindings stay. */
void omni_stmt_reset(omni_stmt *st);

/* Column i (from 0) of the current row.  A text (NULL for null) is the
 * statement's: valid until its next step or reset, so copy it to keep it;
 * omni_stmt_bytes is its length.  A null reads as 0. */
const char *omni_stmt_text(omni_stmt *st, int i);   /* borrowed */
size_t omni_stmt_bytes(omni_stmt *st, int i);
int64_t omni_stmt_int64(omni_stmt *st, int i);
double omni_stmt_double(omni_stmt *st, int i);
enum { OMNI_STMT_NULL, OMNI_STMT_INT, OMNI_STMT_REAL, OMNI_STMT_TEXT, OMNI_STMT_BLOB };
int omni_stmt_type(omni_stmt *st, int i);
/* How many columns a row has, and their names (the statement's). */
int omni_stmt_columns(omni_stmt *st);
const char *omni_stmt_name(omni_stmt *st, int i);   /* borrowed */

/* ------------------------------------------------------------------ */
// handoff.c - what one stage wrote and the next has not yet taken
// (omni(7), "Nothing lost between stages"); inside the caller's
// transaction.  Stages: "fetch" (records omni-fetch wrote into a pipe,
// their text kept, until omni-link links them) and "link" (tickets
// omni-link wrote, until the last stage of the pipeline has them).

/* Records that this run wrote key (record: its text, or NULL to keep the
 * one there).  0 or -1 with err. */
int omni_handoff_put(omni_store *s, const char *stage, const char *key,
                     const char *record, size_t len, omni_error *err);
/* Key was taken, whoever wrote it.  0 or -1 with err. */
int omni_handoff_take(omni_store *s, const char *stage, const char *key,
                      omni_error *err);
/* This run's key reached the end of the pipeline.  0 or -1 with err. */
int omni_handoff_done(omni_store *s, const char *stage, const char *key,
                      omni_error *err);
/* Everything this run wrote reached the end of the pipeline.  0 or -1. */
int omni_handoff_arrived(omni_store *s, const char *stage, omni_error *err);
/* The end of the pipeline (a stage whose output is not a pipe): the
 * tickets it wrote, said to have arrived in batches, each batch once the
 * output is flushed (and on disk, for a file). */
typedef struct omni_arrivals omni_arrivals;
/* s borrowed; when NULL, the store at path (NULL: the default) is opened
 * at the first batch if it is there by then, since an omni-link upstream
 * may create it while this stage starts (none: nothing is recorded).
 * out borrowed. */
omni_arrivals *omni_arrivals_new(omni_store *s, const char *path, omni_out *out);
/* A ticket written (its id, as JSON text or NULL), and its line as
 * written (borrowed, copied; NULL for none).  0 or -1 with err. */
int omni_arrivals_add(omni_arrivals *a, omni_span id, const char *line, size_t len,
                      omni_error *err);
/* Says the tickets written so far arrived; of those this run's omni-link
 * wrote, the line's omni-route members join the stored ticket
 * (omni_timeline_routed).  0 or -1 with err. */
int omni_arrivals_settle(omni_arrivals *a, omni_error *err);
void omni_arrivals_free(omni_arrivals *a);
/* Forgets rows written before a time (never taken).  0 or -1 with err. */
int omni_handoff_prune(omni_store *s, const char *stage, omni_time before,
                       omni_error *err);
/* Takes over the rows of stage whose run is gone, one at a time (another
 * run may take one first): fn gets its key, its text (or NULL) and how
 * many times it has now been written.  0, or -1 with err (fn's too). */
typedef int omni_handoff_fn(void *arg, const char *key, const char *record,
                            long offers, omni_error *err);
int omni_handoff_orphans(omni_store *s, const char *stage, omni_handoff_fn *fn,
                         void *arg, omni_error *err);

/* ------------------------------------------------------------------ */
// timeline.c - a reply joins its ticket in the store

/* Appends message msg (compact JSON, its id and channel given, sent at
 * at, UTC RFC 3339) to the stored ticket's messages, unless it has it,
 * and makes the ticket pending (answered, waiting for the customer);
 * with keep (a satisfaction request to a solved ticket) its status stays.
 * 1 added, 0 already there or a ticket the store has not, -1 with err. */
int omni_timeline_reply(omni_store *s, const char *ticket, const char *msg,
                        size_t mlen, const char *id, const char *channel,
                        const char *at, int keep, omni_error *err);
/* The members omni-route owns (omni-ticket(5): lang, intent, sentiment,
 * priority, priority_score, queue, assignee, tags, sla, route, and its
 * kind) of line, the ticket's version at the end of the pipeline, set in
 * the stored ticket, so that the store's report has them.  1 set, 0 a
 * ticket the store has not (or a line that is no record), -1 with err. */
int omni_timeline_routed(omni_store *s, const char *ticket, const char *line,
                         size_t len, omni_error *err);

/* ------------------------------------------------------------------ */
// desk.c - a person's work on a ticket (omni-desk(1)), in the caller's
// transaction or none

/* Logs verb (value may be NULL) done to ticket by who at at (UTC RFC
 * 3339), and what it changes: assign sets the assignee (value NULL or ""
 * none), tag and untag the tags, snooze the time it returns; any other
 * verb but note (wake, solve, reopen, pending, answer, ...) ends a
 * snooze.  0 or -1 with err. */
int omni_desk_act(omni_store *s, const char *ticket, const char *verb,
                  const char *value, const char *who, const char *at,
                  omni_error *err);
/* The ticket's `desk` member (omni-ticket(5)) as compact JSON:
 * {"assignee","tags","snoozed_until","merged_into","actions":[{verb,value,who,at}]}:
 * 0 and *out (new; NULL when no one has worked on it), or -1 with err. */
int omni_desk_member(omni_store *s, const char *ticket, char **out, omni_error *err);
/* The customer wrote: a snoozed ticket comes back (a "wake" by
 * "customer").  1 woke, 0 was not snoozed, -1 with err. */
int omni_desk_wake(omni_store *s, const char *ticket, const char *at,
                   omni_error *err);
/* A person moved the stored ticket's status (solved, open, pending): its
 * row and its record, solved_at set to at when solved, else removed.
 * 1 moved, 0 a ticket the store has not, -1 with err. */
int omni_desk_status(omni_store *s, const char *ticket, const char *status,
                     const char *at, omni_error *err);

/* ------------------------------------------------------------------ */
// cursors.c - what omni-fetch remembers between runs

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

/* A normalised order, as omni-ticket(5)'s `orders` entries plus who placed it
 * (a fulfilment read back also has the tracking service's events):
 * {id, number, channel, store, placed_at, updated_at, status,
 *  financial_status, total, currency,
 *  customer{id, name, email, phone, postcode (the billing address's)},
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
/* What a tracking service says of a shipment, onto every fulfilment with
 * its tracking number: {tracking_number, carrier, status, estimated_at,
 * delivered_at, updated_at, events[{at, status, message, location}]}.  A
 * field absent keeps the stored value (a carrier only fills a missing
 * one); a version older than the fulfilment's updated_at changes nothing.
 * How many fulfilments it reached (0: the store has no such number), or
 * -1 with err. */
int omni_fulfillment_track(omni_store *s, const json_t *tracking, omni_error *err);
/* What a shop has of a SKU: {channel, store, sku, title, available (units,
 * may be absent), status (in_stock, out_of_stock, backorder), restock_at,
 * updated_at}, upserted by (channel, store, sku).  omni_order_load gives
 * each item with that SKU a "stock" {available, status, restock_at,
 * updated_at}.  0 or -1 with err. */
int omni_stock_upsert(omni_store *s, const json_t *stock, omni_error *err);
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
