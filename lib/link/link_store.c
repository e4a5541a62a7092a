/*
 * link_store.c - omni-link's statements, and the parts of a ticket that
 * come from the store: the customer, the orders, the history.
 *
 * Every hot look-up is a statement prepared once over an indexed key.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "record/bridge.h"
#include "store/store.h"
#include "link/link.h"

static const char *const sql[OMNI_LS_COUNT] = {
	[OMNI_LS_LINK_GET] = "SELECT t.id, t.seq FROM ticket_links l JOIN tickets t ON t.seq = l.ticket"
		" WHERE l.source_id = ?1",
	[OMNI_LS_MSGID_GET] =
		"SELECT t.id, t.updated_at, t.status, t.seq FROM link_msgids m"
		" JOIN tickets t ON t.seq = m.ticket WHERE m.msgid = ?1"
		" ORDER BY t.id",
	[OMNI_LS_KEY_GET] =
		"SELECT customer_id FROM identity_keys WHERE kind = ?1 AND value = ?2"
		" AND strength >= 50",
	[OMNI_LS_CUST_KEYS] =
		"SELECT kind, value FROM identity_keys WHERE customer_id = ?1 AND kind <> 'order'"
		" ORDER BY rowid",
	/* The kinds omni_link_kind_exclusive() names: one value a customer. */
	[OMNI_LS_CUST_EXCLUSIVE] =
		"SELECT kind, value FROM identity_keys WHERE customer_id = ?1"
		" AND kind NOT IN ('email', 'phone', 'order')",
	[OMNI_LS_ORDER_OWNER] =
		"SELECT channel, store, order_id, customer_email, customer_ref, customer_phone"
		" FROM orders"
		" WHERE number = ?1 AND (?2 = '' OR store = ?2 OR store = '')"
		" ORDER BY store DESC LIMIT 1",
	[OMNI_LS_TICKET_GET] =
		"SELECT customer_id, status, record, created_at, updated_at FROM tickets"
		" WHERE id = ?1",
	[OMNI_LS_CUST_TICKETS] =
		"SELECT id, status, subject, updated_at, seq FROM tickets WHERE customer_id = ?1"
		" ORDER BY updated_at DESC LIMIT 8",
	[OMNI_LS_TICKET_HAS_ORDER] =
		"SELECT 1 FROM link_ticket_orders WHERE ticket = ?1 AND order_key = ?2",
	[OMNI_LS_TICKET_ORDERS] =
		"SELECT order_key FROM link_ticket_orders WHERE ticket = ?1 ORDER BY order_key",
	[OMNI_LS_BLOCKED] = "SELECT 1 FROM link_blocks WHERE a = ?1 AND b = ?2",
	[OMNI_LS_CUST_PUT] =
		"INSERT INTO customers (id, name, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)"
		" ON CONFLICT (id) DO UPDATE SET name = COALESCE(customers.name, excluded.name),"
		" updated_at = max(customers.updated_at, excluded.updated_at)"
		/* Only when something changes: a row rewritten as it was still
		 * dirties its page, for every record of a customer seen before. */
		" WHERE (customers.name IS NULL AND excluded.name IS NOT NULL)"
		" OR excluded.updated_at > customers.updated_at",
	[OMNI_LS_CUST_GET] = "SELECT name, created_at FROM customers WHERE id = ?1",
	[OMNI_LS_KEY_PUT] =
		"INSERT OR IGNORE INTO identity_keys (kind, value, customer_id, strength,"
		" channel, source, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[OMNI_LS_TICKET_PUT] =
		"INSERT INTO tickets (seq, id, customer_id, channel, store, status, subject,"
		" thread_key, created_at, updated_at, solved_at, record)"
		" VALUES (?11, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
		" CASE WHEN ?5 IN ('solved', 'closed') THEN ?9 END, ?10)"
		" ON CONFLICT (id) DO UPDATE SET customer_id = excluded.customer_id,"
		" channel = excluded.channel, store = COALESCE(excluded.store, tickets.store),"
		" status = COALESCE(excluded.status, tickets.status),"
		" subject = COALESCE(tickets.subject, excluded.subject),"
		" thread_key = COALESCE(tickets.thread_key, excluded.thread_key),"
		" record = excluded.record, created_at = excluded.created_at,"
		" updated_at = excluded.updated_at,"
		" solved_at = CASE WHEN COALESCE(excluded.status, tickets.status)"
		" IN ('solved', 'closed') THEN COALESCE(tickets.solved_at, excluded.updated_at) END",
	[OMNI_LS_TICKET_RECORD] =
		"UPDATE tickets SET record = ?2, created_at = ?3, updated_at = ?4,"
		" solved_at = CASE WHEN status = 'solved' OR status = 'closed'"
		" THEN COALESCE(solved_at, ?4) END WHERE id = ?1",
	[OMNI_LS_MSG_PUT] =
		"INSERT OR IGNORE INTO messages (ticket, id, message_id, channel, direction,"
		" at, source_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[OMNI_LS_MSGID_PUT] = "INSERT OR IGNORE INTO link_msgids (msgid, ticket) VALUES (?1, ?2)",
	[OMNI_LS_TORDER_PUT] = "INSERT OR IGNORE INTO link_ticket_orders (ticket, order_key) VALUES (?1, ?2)",
	[OMNI_LS_LINK_PUT] =
		"INSERT INTO ticket_links (source_id, ticket, key_kind, key_value,"
		" confidence, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
		" ON CONFLICT (source_id) DO NOTHING",
	[OMNI_LS_MERGED_FROM] =
		"SELECT source_id FROM ticket_links WHERE ticket = ?1 ORDER BY rowid",
	[OMNI_LS_HISTORY] =
		"SELECT id, channel, subject, status, created_at FROM tickets"
		" WHERE customer_id = ?1 AND id <> ?2 ORDER BY updated_at DESC LIMIT ?3",
	[OMNI_LS_DM_NEAR] =
		"SELECT 1 FROM messages WHERE ticket = ?1 AND channel = ?2"
		" AND at >= ?3 AND at <= ?4 LIMIT 1",
	[OMNI_LS_ACCOUNT_EMAIL] =
		"SELECT channel, ref, email, phone FROM accounts WHERE email_key = ?1"
		" ORDER BY channel, ref LIMIT 4",
	[OMNI_LS_ACCOUNT_REF] =
		"SELECT channel, ref, email, phone FROM accounts WHERE channel = ?1 AND ref = ?2"
		" ORDER BY store LIMIT 4",
	[OMNI_LS_TICKET_SEQ] = "SELECT seq FROM tickets WHERE id = ?1",
	[OMNI_LS_NEXT_SEQ] =
		"SELECT COALESCE((SELECT seq FROM tickets WHERE id = ?1),"
		" (SELECT COALESCE(max(seq), 0) + 1 FROM tickets))",
};

/* 1 when the query (SELECT EXISTS ...) says so, else 0. */
static int
has_rows(sqlite3 *db, const char *query)
{
	sqlite3_stmt *st = NULL;
	int yes = 0;

	if (sqlite3_prepare_v2(db, query, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		yes = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return yes;
}

int
omni_link_new(omni_store *s, const omni_link_opts *o, omni_link **out,
              omni_error *err)
{
	omni_link *l = calloc(1, sizeof *l);

	*out = NULL;
	if (!l)
		return omni_error_set(err, OMNI_EX_SOFTWARE, NULL, 0, 0, "out of memory"), -1;
	l->store = s;
	l->db = omni_store_db(s);
	l->o = *o;
	/* The look-ups hop across a store that outgrows the default cache;
	 * 96 MB keeps the hot pages in, inside the 150 MB the program may use. */
	sqlite3_exec(l->db, "PRAGMA cache_size = -98304", NULL, NULL, NULL);
	/* A checkpoint copies the WAL's pages into the store.  At the default
	 * of 1,000 pages every transaction's pages are copied as it ends; at
	 * 50,000 (200 MB of WAL at most) a page that several transactions
	 * write is copied once.  The WAL goes when the last connection closes. */
	sqlite3_exec(l->db, "PRAGMA wal_autocheckpoint = 50000", NULL, NULL, NULL);
	/* The linker deletes what it moves itself: the foreign-key checks
	 * would only add a parent look-up to every row written. */
	sqlite3_exec(l->db, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL);
	for (int i = 0; i < OMNI_LS_COUNT; i++)
		if (sqlite3_prepare_v3(l->db, sql[i], -1, SQLITE_PREPARE_PERSISTENT,
		                       &l->st[i], NULL) != SQLITE_OK) {
			omni_store_error(s, err, "cannot prepare the link statements");
			omni_link_free(l);
			return -1;
		}
	omni_link_refresh(l);
	*out = l;
	return 0;
}

void
omni_link_refresh(omni_link *l)
{
	l->any_blocks = has_rows(l->db, "SELECT EXISTS (SELECT 1 FROM link_blocks)");
	l->any_accounts = has_rows(l->db, "SELECT EXISTS (SELECT 1 FROM accounts)");
	l->any_orders = has_rows(l->db, "SELECT EXISTS (SELECT 1 FROM orders)");
}

void
omni_link_free(omni_link *l)
{
	if (!l)
		return;
	omni_link_cache_reset(l);
	for (int i = 0; i < OMNI_LS_COUNT; i++)
		sqlite3_finalize(l->st[i]);
	free(l);
}

sqlite3_stmt *
omni_link_stmt(omni_link *l, int which)
{
	sqlite3_stmt *st = l->st[which];

	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return st;
}

/* The number this record has for ticket, or NULL. */
static sqlite3_int64 *
seq_kept(omni_link *l, const char *ticket)
{
	for (size_t i = 0; i < l->nseqs; i++)
		if (strcmp(l->seqs[i].id, ticket) == 0)
			return &l->seqs[i].seq;
	return NULL;
}

void
omni_link_seq_keep(omni_link *l, const char *ticket, sqlite3_int64 seq)
{
	size_t n = strlen(ticket);

	if (seq_kept(l, ticket) || l->nseqs >= sizeof l->seqs / sizeof l->seqs[0] ||
	    n >= sizeof l->seqs[0].id)
		return;
	memcpy(l->seqs[l->nseqs].id, ticket, n + 1);
	l->seqs[l->nseqs++].seq = seq;
}

sqlite3_int64
omni_link_seq(omni_link *l, const char *ticket)
{
	const sqlite3_int64 *kept = seq_kept(l, ticket);
	sqlite3_stmt *st;
	sqlite3_int64 seq = 0;

	if (kept)
		return *kept;
	st = omni_link_stmt(l, OMNI_LS_TICKET_SEQ);
	sqlite3_bind_text(st, 1, ticket, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		seq = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (seq)
		omni_link_seq_keep(l, ticket, seq);
	return seq;
}

sqlite3_int64
omni_link_seq_new(omni_link *l, const char *ticket, omni_error *err)
{
	sqlite3_stmt *st = omni_link_stmt(l, OMNI_LS_NEXT_SEQ);
	sqlite3_int64 seq = -1;

	/* A row of that id keeps its number.  The write lock is held: no
	 * other process adds a ticket before this one's row is written. */
	sqlite3_bind_text(st, 1, ticket, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		seq = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (seq < 0)
		return omni_store_error(l->store, err, "numbering a ticket"), -1;
	omni_link_seq_keep(l, ticket, seq);
	return seq;
}

int
omni_link_exec(omni_link *l, omni_error *err, const char *text, ...)
{
	sqlite3_stmt *st = NULL;
	va_list ap;
	const char *v;
	int i = 1, rc;

	if (sqlite3_prepare_v2(l->db, text, -1, &st, NULL) != SQLITE_OK)
		return omni_store_error(l->store, err, "cannot prepare"), -1;
	va_start(ap, text);
	while ((v = va_arg(ap, const char *)))
		sqlite3_bind_text(st, i++, v, -1, SQLITE_TRANSIENT);
	va_end(ap);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		;
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return omni_store_error(l->store, err, "cannot update the links"), -1;
	return 0;
}

static char *
dump(json_t *v)
{
	char *s = json_dumps(v, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY);

	json_decref(v);
	return s;
}

static const char *
col(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

static void
put_string(omni_text *t, const char *s)
{
	omni_json_text_string(t, s, strlen(s));
}

/* The values of the kinds accepted, as a JSON array (a "handles" object
 * with handles set: the first value of each kind). */
static void
put_keys(omni_text *t, const omni_link_keys *ks, int (*take)(const char *), int handles)
{
	int first = 1;

	omni_text_put(t, handles ? "{" : "[", 1);
	for (size_t i = 0; i < ks->n; i++) {
		int seen = 0;
		if (!take(ks->v[i].kind))
			continue;
		for (size_t j = 0; handles && j < i && !seen; j++)
			seen = strcmp(ks->v[j].kind, ks->v[i].kind) == 0;
		if (seen)
			continue;
		if (!first)
			omni_text_put(t, ",", 1);
		first = 0;
		if (handles) {
			put_string(t, ks->v[i].kind);
			omni_text_put(t, ":", 1);
		}
		put_string(t, ks->v[i].value);
	}
	omni_text_put(t, handles ? "}" : "]", 1);
}

static int
is_email(const char *kind)
{
	return strcmp(kind, "email") == 0 || strcmp(kind, "ebay_alias") == 0;
}

static int
is_phone(const char *kind)
{
	return strcmp(kind, "phone") == 0;
}

static int
is_handle(const char *kind)
{
	return !is_email(kind) && !is_phone(kind) && strcmp(kind, "order") != 0;
}

char *
omni_link_customer_json(omni_link *l, const char *customer_id, omni_error *err)
{
	sqlite3_stmt *st = omni_link_stmt(l, OMNI_LS_CUST_GET);
	const omni_link_keys *ks;
	omni_text t = { 0 };

	omni_text_put(&t, "{\"id\":", 6);
	put_string(&t, customer_id);
	sqlite3_bind_text(st, 1, customer_id, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW && col(st, 0)) {
		omni_text_put(&t, ",\"name\":", 8);
		put_string(&t, col(st, 0));
	}
	sqlite3_reset(st);
	if (!(ks = omni_link_cust_keys(l, customer_id, err))) {
		free(t.p);
		return NULL;
	}
	omni_text_put(&t, ",\"emails\":", 10);
	put_keys(&t, ks, is_email, 0);
	omni_text_put(&t, ",\"phones\":", 10);
	put_keys(&t, ks, is_phone, 0);
	omni_text_put(&t, ",\"handles\":", 11);
	put_keys(&t, ks, is_handle, 1);
	omni_text_put(&t, "}", 1);
	if (t.failed) {
		free(t.p);
		return omni_error_set(err, OMNI_EX_SOFTWARE, NULL, 0, 0, "out of memory"), NULL;
	}
	return t.p;
}

/* "store|1061" -> store and "1061" (store points into a copy). */
static char *
split_order_key(const char *key, const char **number)
{
	char *k = strdup(key), *bar;

	if (!k)
		return NULL;
	bar = strrchr(k, '|');
	*bar = '\0';
	*number = bar + 1;
	return k;
}

void
omni_link_order_number(const char *number, char *buf, size_t size)
{
	if (strspn(number, "0123456789") == strlen(number))
		snprintf(buf, size, "#%s", number);
	else
		snprintf(buf, size, "%s", number);
}

/* As customers quote it: "#1061" for a shop number, else as it is. */
static json_t *
quoted(const char *number)
{
	char buf[256];

	omni_link_order_number(number, buf, sizeof buf);
	return json_string(buf);
}

/* The order a number names in a store, loaded whole: new or NULL. */
static json_t *
load_order(omni_link *l, const char *store, const char *number, omni_error *err)
{
	sqlite3_stmt *st = omni_link_stmt(l, OMNI_LS_ORDER_OWNER);
	char *channel = NULL, *ostore = NULL, *id = NULL, quoted[256];
	json_t *o = NULL;

	char key[600];

	if (!l->any_orders)
		return NULL;
	omni_link_order_number(number, quoted, sizeof quoted);
	snprintf(key, sizeof key, "%s|%s", store, quoted);
	if (omni_link_order_missed(l, key))
		return NULL;
	sqlite3_bind_text(st, 1, quoted, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, store, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		return NULL;
	}
	channel = strdup(col(st, 0));
	ostore = strdup(col(st, 1) ? col(st, 1) : "");
	id = strdup(col(st, 2));
	sqlite3_reset(st);
	if (channel && ostore && id)
		o = omni_order_load(l->store, channel, ostore, id, err);
	free(channel);
	free(ostore);
	free(id);
	if (o)
		json_object_del(o, "customer");   /* the ticket has its own */
	return o;
}

int
omni_link_orders_parts(omni_link *l, const char *ticket_id, char **ids_json,
                       char **orders_json, omni_error *err)
{
	sqlite3_stmt *st = omni_link_stmt(l, OMNI_LS_TICKET_ORDERS);
	json_t *keys = json_array(), *ids = json_array(), *orders = json_array(), *k;
	size_t i;
	int rc;

	*ids_json = *orders_json = NULL;
	sqlite3_bind_int64(st, 1, omni_link_seq(l, ticket_id));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *key = col(st, 0), *bar = strrchr(key, '|');
		json_array_append_new(keys, json_string(key));
		json_array_append_new(ids, quoted(bar ? bar + 1 : key));
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		goto fail;
	json_array_foreach(keys, i, k) {
		const char *number;
		char *store = split_order_key(json_string_value(k), &number);
		json_t *o;
		if (!store)
			goto fail;
		err->status = 0;
		o = load_order(l, store, number, err);
		free(store);
		if (o)
			json_array_append_new(orders, o);
		else if (err->status)
			goto fail;
	}
	json_decref(keys);
	*ids_json = json_array_size(ids) ? dump(ids) : (json_decref(ids), strdup("[]"));
	*orders_json = json_array_size(orders) ? dump(orders) : (json_decref(orders), strdup("[]"));
	if (!*ids_json || !*orders_json) {
		free(*ids_json);
		free(*orders_json);
		*ids_json = *orders_json = NULL;
		return omni_error_set(err, OMNI_EX_SOFTWARE, NULL, 0, 0, "out of memory"), -1;
	}
	return 0;
fail:
	json_decref(keys);
	json_decref(ids);
	json_decref(orders);
	if (!err->status)
		omni_store_error(l->store, err, "reading orders");
	return -1;
}

char *
omni_link_history_json(omni_link *l, const char *ticket_id,
                       const char *customer_id, omni_error *err)
{
	sqlite3_stmt *st = omni_link_stmt(l, OMNI_LS_HISTORY);
	json_t *h = json_array();
	int rc;

	sqlite3_bind_text(st, 1, customer_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, ticket_id, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, l->o.history);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		json_t *t = json_object();
		static const char *const names[] = {
			"id", "channel", "subject", "status", "created_at"
		};
		for (int i = 0; i < 5; i++)
			json_object_set_new(t, names[i], col(st, i) ? json_string(col(st, i))
			                                            : json_null());
		json_array_append_new(h, t);
	}
	if (rc != SQLITE_DONE) {
		json_decref(h);
		return omni_store_error(l->store, err, "reading history"), NULL;
	}
	return dump(h);
}

char *
omni_link_merged_from_json(omni_link *l, const char *ticket_id, omni_error *err)
{
	sqlite3_stmt *st = omni_link_stmt(l, OMNI_LS_MERGED_FROM);
	json_t *a = json_array();
	int rc;

	sqlite3_bind_int64(st, 1, omni_link_seq(l, ticket_id));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		json_array_append_new(a, json_string(col(st, 0)));
	if (rc != SQLITE_DONE) {
		json_decref(a);
		return omni_store_error(l->store, err, "reading merged ids"), NULL;
	}
	return dump(a);
}
