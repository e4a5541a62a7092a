/*
 * link_store.c - omni-link's SQL: every statement the linker runs, kept in
 * the store's statement cache, and the calls that run them.
 *
 * Every hot look-up is a statement prepared once over an indexed key.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "link_int.h"

/* The store's number (tickets.seq) of the ticket whose id is parameter
 * p, for the statements that get a ticket by its id. */
#define SEQ_OF(p) "(SELECT seq FROM tickets WHERE id = " p ")"

static const char *const sql[OMNI_LS_COUNT] = {
	[OMNI_LS_LINK_GET] = "SELECT t.id, t.seq FROM ticket_links l JOIN tickets t ON t.seq = l.ticket"
		" WHERE l.source_id = ?1",
	[OMNI_LS_MSGID_GET] =
		"SELECT t.id, t.updated_at, t.status, t.seq, m.own FROM link_msgids m"
		" JOIN tickets t ON t.seq = m.ticket WHERE m.msgid = ?1"
		" ORDER BY t.id",
	[OMNI_LS_KEY_GET] =
		"SELECT customer_id FROM identity_keys WHERE kind = ?1 AND value = ?2"
		" AND strength >= 50",
	[OMNI_LS_CUST_KEYS] =
		"SELECT kind, value FROM identity_keys WHERE customer_id = ?1 AND kind <> 'order'"
		" ORDER BY rowid",
	/* The kinds omni_link_kind_exclusive() names: one value a customer.
	 * Three comparisons, not NOT IN (...): SQLite builds a list of three
	 * or more into an ephemeral table at every step. */
	[OMNI_LS_CUST_EXCLUSIVE] =
		"SELECT kind, value FROM identity_keys WHERE customer_id = ?1"
		" AND kind <> 'email' AND kind <> 'phone' AND kind <> 'order'",
	/* The rows of an order number; omni_link_order_next picks the one of
	 * the greatest store (its own before a store-less one).  No ORDER BY:
	 * SQLite sorted the row or two in a temporary B-tree whose pages it
	 * zeroed, every look-up. */
	[OMNI_LS_ORDER_OWNER] =
		"SELECT channel, store, order_id, customer_email, customer_ref, customer_phone,"
		" customer_name, customer_postcode FROM orders"
		" WHERE number IN (?1, ?3) AND (?2 = '' OR store = ?2 OR store = '')",
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
	/* a message a long ticket's record leaves out keeps its text here */
	[OMNI_LS_MSG_BODY] =
		"UPDATE messages SET body = ?3 WHERE ticket = ?1 AND id = ?2 AND body IS NULL",
	[OMNI_LS_MSG_HAS] = "SELECT 1 FROM messages WHERE ticket = ?1 AND id = ?2",
	/* an id referred to before, then received: the conversation's own */
	[OMNI_LS_MSGID_PUT] =
		"INSERT INTO link_msgids (msgid, ticket, own) VALUES (?1, ?2, ?3)"
		" ON CONFLICT (msgid, ticket) DO UPDATE SET own = 1"
		" WHERE excluded.own = 1 AND link_msgids.own = 0",
	[OMNI_LS_TORDER_PUT] = "INSERT OR IGNORE INTO link_ticket_orders (ticket, order_key) VALUES (?1, ?2)",
	[OMNI_LS_LINK_PUT] =
		"INSERT INTO ticket_links (source_id, ticket, key_kind, key_value,"
		" confidence, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
		" ON CONFLICT (source_id) DO NOTHING",
	/* The latest ?2 (-1: all), oldest first: a long ticket's are bounded. */
	[OMNI_LS_MERGED_FROM] =
		"SELECT source_id FROM (SELECT rowid AS r, source_id FROM ticket_links"
		" WHERE ticket = ?1 ORDER BY rowid DESC"
		" LIMIT CASE WHEN ?2 < 0 THEN 9223372036854775807 ELSE ?2 END) AS latest ORDER BY r",
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
	/* omni_link_refresh */
	[OMNI_LS_ANY_BLOCKS] = "SELECT EXISTS (SELECT 1 FROM link_blocks)",
	[OMNI_LS_ANY_ACCOUNTS] = "SELECT EXISTS (SELECT 1 FROM accounts)",
	[OMNI_LS_ANY_ORDERS] = "SELECT EXISTS (SELECT 1 FROM orders)",
	[OMNI_LS_ANY_FETCHED] = "SELECT EXISTS (SELECT 1 FROM handoff WHERE stage = 'fetch')",
	[OMNI_LS_ANY_DESK] = "SELECT EXISTS (SELECT 1 FROM desk_tickets)",
	[OMNI_LS_STOCK_ALL] =
		"SELECT channel, store, sku, title, available, status, restock_at, updated_at"
		" FROM stock WHERE status IS NOT NULL ORDER BY channel, store, sku",
	/* omni_link_absorb: ticket ?2's rows move to ticket ?1, in this order */
	[OMNI_LS_ABSORB_MSGS] =
		"UPDATE messages SET ticket = " SEQ_OF("?1") " WHERE ticket = " SEQ_OF("?2")
		" AND NOT EXISTS (SELECT 1 FROM messages o WHERE o.ticket = " SEQ_OF("?1")
		" AND o.id = messages.id)",
	[OMNI_LS_ABSORB_MSGS_DROP] = "DELETE FROM messages WHERE ticket = " SEQ_OF("?2"),
	[OMNI_LS_ABSORB_MSGIDS_OWN] =
		"UPDATE link_msgids SET own = 1 WHERE ticket = " SEQ_OF("?1") " AND own = 0"
		" AND msgid IN (SELECT msgid FROM link_msgids WHERE ticket = " SEQ_OF("?2")
		" AND own = 1)",
	[OMNI_LS_ABSORB_MSGIDS] =
		"UPDATE link_msgids SET ticket = " SEQ_OF("?1") " WHERE ticket = " SEQ_OF("?2")
		" AND NOT EXISTS (SELECT 1 FROM link_msgids o WHERE o.ticket = " SEQ_OF("?1")
		" AND o.msgid = link_msgids.msgid)",
	[OMNI_LS_ABSORB_MSGIDS_DROP] = "DELETE FROM link_msgids WHERE ticket = " SEQ_OF("?2"),
	[OMNI_LS_ABSORB_ORDERS] =
		"UPDATE link_ticket_orders SET ticket = " SEQ_OF("?1")
		" WHERE ticket = " SEQ_OF("?2")
		" AND NOT EXISTS (SELECT 1 FROM link_ticket_orders o WHERE o.ticket = " SEQ_OF("?1")
		" AND o.order_key = link_ticket_orders.order_key)",
	[OMNI_LS_ABSORB_ORDERS_DROP] = "DELETE FROM link_ticket_orders WHERE ticket = " SEQ_OF("?2"),
	[OMNI_LS_ABSORB_LINKS] =
		"UPDATE ticket_links SET ticket = " SEQ_OF("?1") " WHERE ticket = " SEQ_OF("?2"),
	[OMNI_LS_ABSORB_TICKET_DROP] = "DELETE FROM tickets WHERE id = ?2",
	/* Customer ?2 merged into ?1 (link_who.c) */
	[OMNI_LS_MERGE_KEYS] =
		"UPDATE identity_keys SET customer_id = ?1 WHERE customer_id = ?2"
		" AND NOT EXISTS (SELECT 1 FROM identity_keys o WHERE o.customer_id = ?1"
		" AND o.kind = identity_keys.kind AND o.value = identity_keys.value)",
	[OMNI_LS_MERGE_KEYS_DROP] = "DELETE FROM identity_keys WHERE customer_id = ?1",
	[OMNI_LS_MERGE_TICKETS] = "UPDATE tickets SET customer_id = ?1 WHERE customer_id = ?2",
	/* what the customer merged in had: her name if ?1 has none, her
	 * latest contact (as a later record of hers would have set them) */
	[OMNI_LS_MERGE_CUST_KEEP] =
		"UPDATE customers SET"
		" name = COALESCE(customers.name, (SELECT f.name FROM customers f WHERE f.id = ?2)),"
		" updated_at = max(customers.updated_at, COALESCE((SELECT f.updated_at FROM customers f"
		" WHERE f.id = ?2), customers.updated_at)) WHERE id = ?1",
	[OMNI_LS_MERGE_CUST_DROP] = "DELETE FROM customers WHERE id = ?1",
	/* omni_link_unmerge (link_unmerge.c) */
	[OMNI_LS_UM_LINK_COUNT] = "SELECT count(*) FROM ticket_links WHERE ticket = " SEQ_OF("?1"),
	[OMNI_LS_UM_FROM_SOURCE] =
		"SELECT 1 FROM messages WHERE ticket = " SEQ_OF("?1")
		" AND id = ?2 AND source_id = ?3",
	[OMNI_LS_UM_TICKET_TAKEN] = "SELECT 1 FROM tickets WHERE id = ?1",
	[OMNI_LS_UM_CUST_TAKEN] = "SELECT 1 FROM customers WHERE id = ?1",
	[OMNI_LS_UM_TAUGHT] = "SELECT 1 FROM identity_keys WHERE source = ?1 AND kind <> 'order'",
	[OMNI_LS_UM_CUST_PUT] =
		"INSERT INTO customers (id, name, created_at, updated_at)"
		" SELECT ?1, NULL, ?2, ?2 WHERE ?1 <> ?3 ON CONFLICT (id) DO NOTHING",
	[OMNI_LS_UM_TICKET_PUT] =
		"INSERT INTO tickets (id, customer_id, channel, store,"
		" status, subject, thread_key, created_at, updated_at)"
		" SELECT ?1, ?3, channel, store, status, subject, NULL,"
		" created_at, updated_at FROM tickets WHERE id = ?2",
	[OMNI_LS_UM_MSGS_MOVE] =
		"UPDATE messages SET ticket = " SEQ_OF("?1")
		" WHERE ticket = " SEQ_OF("?2") " AND source_id = ?3",
	[OMNI_LS_UM_LINK_MOVE] =
		"UPDATE ticket_links SET ticket = " SEQ_OF("?1") ", key_kind = 'unmerge',"
		" key_value = ?2, confidence = 1 WHERE source_id = ?3",
	[OMNI_LS_UM_MSGIDS_PUT] =
		"INSERT OR IGNORE INTO link_msgids (msgid, ticket, own)"
		" SELECT 'm:' || id, ticket, 1 FROM messages WHERE ticket = " SEQ_OF("?1"),
	[OMNI_LS_UM_KEYS_MOVE] =
		"UPDATE identity_keys SET customer_id = ?1"
		" WHERE customer_id = ?2 AND source = ?3 AND kind <> 'order'",
	[OMNI_LS_UM_BLOCK_PUT] = "INSERT OR IGNORE INTO link_blocks VALUES (?1, ?2, ?3)",
	[OMNI_LS_UM_THREAD_MOVE] =
		"UPDATE link_msgids SET ticket = " SEQ_OF("?1")
		" WHERE ticket = " SEQ_OF("?2") " AND msgid = ?3"
		" AND NOT EXISTS (SELECT 1 FROM link_msgids o WHERE o.ticket = " SEQ_OF("?1")
		" AND o.msgid = ?3)",
	[OMNI_LS_UM_THREAD_DROP] =
		"DELETE FROM link_msgids WHERE ticket = " SEQ_OF("?2") " AND msgid = ?3",
	[OMNI_LS_UM_BODIES] =
		"SELECT body FROM messages WHERE ticket = " SEQ_OF("?1")
		" AND body IS NOT NULL ORDER BY at, id",
	/* omni_link_resume (link_resume.c): the lifecycle's clocks */
	[OMNI_LS_CLOCK_PENDING] =
		"SELECT id, updated_at FROM tickets"
		" WHERE status = 'pending' AND updated_at < ?1 ORDER BY updated_at",
	[OMNI_LS_CLOCK_SOLVED] =
		"SELECT id, solved_at FROM tickets"
		" WHERE status = 'solved' AND coalesce(solved_at, updated_at) < ?1 ORDER BY updated_at",
	[OMNI_LS_CLOCK_SET] =
		"UPDATE tickets SET status = ?2, solved_at = ?3, record = ?4 WHERE id = ?1",
	[OMNI_LS_HANDOFF_LINKED] =
		"DELETE FROM handoff WHERE stage = 'fetch' AND holder = ?1"
		" AND key IN (SELECT source_id FROM ticket_links)",
	/* A person's data (link_person.c): who a key names, what is hers */
	[OMNI_LS_PD_KEY_CUSTOMERS] =
		"SELECT DISTINCT customer_id FROM identity_keys WHERE kind = ?1 AND value = ?2"
		" ORDER BY customer_id",
	[OMNI_LS_PD_TICKET_CUSTOMER] =
		"SELECT customer_id FROM tickets WHERE id = ?1 AND customer_id IS NOT NULL",
	[OMNI_LS_PD_CUSTOMER] =
		"SELECT id, name, created_at, updated_at FROM customers WHERE id = ?1",
	/* The buyer of an order: its address or platform id among her keys. */
	[OMNI_LS_PD_ORDER_BUYERS] =
		"SELECT DISTINCT k.customer_id FROM orders o JOIN identity_keys k"
		" ON (k.kind = 'email' AND k.value = o.customer_email)"
		" OR (k.kind = o.channel AND k.value = o.customer_ref)"
		" WHERE upper(ltrim(o.number, '#')) = ?1 ORDER BY k.customer_id",
	/* Else whoever's tickets name it. */
	[OMNI_LS_PD_ORDER_TICKETS] =
		"SELECT DISTINCT t.customer_id FROM link_ticket_orders x"
		" JOIN tickets t ON t.seq = x.ticket"
		" WHERE substr(x.order_key, instr(x.order_key, '|') + 1) = ?1"
		" AND t.customer_id IS NOT NULL ORDER BY t.customer_id",
	[OMNI_LS_PD_KEYS] =
		"SELECT kind, value, strength, channel, source, created_at FROM identity_keys"
		" WHERE customer_id = ?1 ORDER BY kind, value",
	[OMNI_LS_PD_TICKETS] =
		"SELECT id, seq, record, anonymised_at FROM tickets WHERE customer_id = ?1"
		" ORDER BY created_at, id",
	/* a long ticket's whole timeline, where its record shows the latest */
	[OMNI_LS_PD_MESSAGES] =
		"SELECT body FROM messages WHERE ticket = ?1 AND body IS NOT NULL ORDER BY at, id",
	[OMNI_LS_PD_MSG_COUNT] = "SELECT count(*) FROM messages WHERE ticket = ?1",
	[OMNI_LS_PD_SOURCES] =
		"SELECT source_id FROM ticket_links WHERE ticket = ?1 ORDER BY rowid",
	[OMNI_LS_PD_ORDERS] =
		"SELECT rowid, channel, store, order_id, number, customer_ref, customer_name,"
		" customer_email, customer_phone, customer_postcode, placed_at, status, total,"
		" currency, items FROM orders"
		" WHERE customer_email IN (SELECT value FROM identity_keys"
		" WHERE customer_id = ?1 AND kind = 'email')"
		" OR EXISTS (SELECT 1 FROM identity_keys k WHERE k.customer_id = ?1"
		" AND k.kind = orders.channel AND k.value = orders.customer_ref)"
		" ORDER BY placed_at, rowid",
	[OMNI_LS_PD_ACCOUNTS] =
		"SELECT channel, store, ref, name, email, phone, updated_at FROM accounts"
		" WHERE email_key IN (SELECT value FROM identity_keys"
		" WHERE customer_id = ?1 AND kind = 'email')"
		" OR EXISTS (SELECT 1 FROM identity_keys k WHERE k.customer_id = ?1"
		" AND k.kind = accounts.channel AND k.value = accounts.ref)"
		" ORDER BY channel, store, ref",
	[OMNI_LS_PD_SENDS] =
		"SELECT s.key, s.ticket_id, s.channel, s.state, s.external_id, s.attempts,"
		" s.error, s.created_at, s.updated_at FROM send_ledger s"
		" JOIN tickets t ON t.id = s.ticket_id WHERE t.customer_id = ?1"
		" ORDER BY s.created_at, s.key",
	[OMNI_LS_PD_HANDOFF] = "SELECT stage, key, record, at FROM handoff ORDER BY stage, key",
	[OMNI_LS_PD_ERASURES] =
		"SELECT at, by FROM erasures WHERE customer_id = ?1 ORDER BY at",
	/* Erasure and retention (link_erase.c) */
	[OMNI_LS_PD_ER_KEYS] = "DELETE FROM identity_keys WHERE customer_id = ?1",
	[OMNI_LS_PD_ER_CUSTOMER] =
		"UPDATE customers SET name = NULL, updated_at = ?2 WHERE id = ?1",
	[OMNI_LS_PD_ER_TICKET] =
		"UPDATE tickets SET subject = NULL, thread_key = NULL, record = ?2,"
		" anonymised_at = ?3 WHERE seq = ?1",
	[OMNI_LS_PD_ER_MSGS] =
		"UPDATE messages SET message_id = NULL, body = NULL WHERE ticket = ?1"
		" AND (message_id IS NOT NULL OR body IS NOT NULL)",
	[OMNI_LS_PD_ER_MSGIDS] = "DELETE FROM link_msgids WHERE ticket = ?1",
	[OMNI_LS_PD_ER_TORDERS] = "DELETE FROM link_ticket_orders WHERE ticket = ?1",
	[OMNI_LS_PD_ER_LINKS] =
		"UPDATE ticket_links SET key_kind = NULL, key_value = NULL WHERE ticket = ?1"
		" AND (key_kind IS NOT NULL OR key_value IS NOT NULL)",
	[OMNI_LS_PD_ER_ORDER] =
		"UPDATE orders SET customer_ref = NULL, customer_name = NULL, customer_email = NULL,"
		" customer_phone = NULL, customer_postcode = NULL WHERE rowid = ?1",
	[OMNI_LS_PD_ER_ACCOUNT] =
		"DELETE FROM accounts WHERE channel = ?1 AND store = ?2 AND ref = ?3",
	[OMNI_LS_PD_ER_SENDS] =
		"UPDATE send_ledger SET error = NULL WHERE ticket_id = ?1 AND error IS NOT NULL",
	[OMNI_LS_PD_ER_HANDOFF] = "DELETE FROM handoff WHERE stage = ?1 AND key = ?2",
	[OMNI_LS_PD_ER_LOG] =
		"INSERT INTO erasures (customer_id, at, by, tickets, keys, orders, sends)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (customer_id, at) DO UPDATE"
		" SET by = excluded.by, tickets = excluded.tickets, keys = excluded.keys,"
		" orders = excluded.orders, sends = excluded.sends",
	[OMNI_LS_PD_RET_DUE] =
		"SELECT seq, id, record FROM tickets WHERE store = ?1 AND anonymised_at IS NULL"
		" AND status IN ('solved', 'closed') AND solved_at < ?2 ORDER BY seq",
};

int
omni_link_new(omni_store *s, const omni_link_opts *o, omni_link **out,
              omni_error *err)
{
	omni_link *l = calloc(1, sizeof *l);

	*out = NULL;
	if (!l)
		return omni_error_oom(err), -1;
	l->store = s;
	l->o = *o;
	omni_store_tune(s, OMNI_STORE_BULK);
	/* The hot statements first: the cache is searched in the order it
	 * was filled. */
	for (int i = 0; i < OMNI_LS_PREPARED; i++)
		if (!omni_store_stmt(s, sql[i], NULL)) {
			omni_store_error(s, err, "cannot prepare the link statements");
			omni_link_free(l);
			return -1;
		}
	omni_link_refresh(l);
	*out = l;
	return 0;
}

/* 1 when the statement (SELECT EXISTS ...) says so, else 0. */
static int
has_rows(omni_link *l, int which)
{
	omni_stmt *st = omni_link_stmt(l, which);
	int yes = 0;

	if (!st)
		return 0;
	if (omni_stmt_step(st, NULL, NULL) == OMNI_STMT_ROW)
		yes = (int)omni_stmt_int64(st, 0);
	omni_stmt_reset(st);
	return yes;
}

void
omni_link_refresh(omni_link *l)
{
	l->any_blocks = has_rows(l, OMNI_LS_ANY_BLOCKS);
	l->any_accounts = has_rows(l, OMNI_LS_ANY_ACCOUNTS);
	l->any_orders = has_rows(l, OMNI_LS_ANY_ORDERS);
	l->any_fetched = has_rows(l, OMNI_LS_ANY_FETCHED);
	l->any_desk = has_rows(l, OMNI_LS_ANY_DESK);
}

void
omni_link_free(omni_link *l)
{
	if (!l)
		return;
	omni_link_cache_reset(l);
	json_decref(l->stock);
	free(l);
}

omni_stmt *
omni_link_stmt(omni_link *l, int which)
{
	return omni_store_stmt(l->store, sql[which], NULL);
}

/* The number this record has for ticket, or NULL. */
static int64_t *
seq_kept(omni_link *l, const char *ticket)
{
	for (size_t i = 0; i < l->nseqs; i++)
		if (strcmp(l->seqs[i].id, ticket) == 0)
			return &l->seqs[i].seq;
	return NULL;
}

void
omni_link_seq_keep(omni_link *l, const char *ticket, int64_t seq)
{
	size_t n = strlen(ticket);

	if (seq_kept(l, ticket) || l->nseqs >= sizeof l->seqs / sizeof l->seqs[0] ||
	    n >= sizeof l->seqs[0].id)
		return;
	memcpy(l->seqs[l->nseqs].id, ticket, n + 1);
	l->seqs[l->nseqs++].seq = seq;
}

int64_t
omni_link_seq(omni_link *l, const char *ticket)
{
	const int64_t *kept = seq_kept(l, ticket);
	omni_stmt *st;
	int64_t seq = 0;

	if (kept)
		return *kept;
	st = omni_link_stmt(l, OMNI_LS_TICKET_SEQ);
	omni_stmt_bind_str(st, 1, ticket);
	if (omni_stmt_step(st, NULL, NULL) == OMNI_STMT_ROW)
		seq = omni_stmt_int64(st, 0);
	omni_stmt_reset(st);
	if (seq)
		omni_link_seq_keep(l, ticket, seq);
	return seq;
}

int64_t
omni_link_seq_new(omni_link *l, const char *ticket, omni_error *err)
{
	omni_stmt *st = omni_link_stmt(l, OMNI_LS_NEXT_SEQ);
	int64_t seq = -1;

	/* A row of that id keeps its number.  The write lock is held: no
	 * other process adds a ticket before this one's row is written. */
	omni_stmt_bind_str(st, 1, ticket);
	if (omni_stmt_step(st, NULL, NULL) == OMNI_STMT_ROW)
		seq = omni_stmt_int64(st, 0);
	omni_stmt_reset(st);
	if (seq < 0)
		return omni_store_error(l->store, err, "numbering a ticket"), -1;
	omni_link_seq_keep(l, ticket, seq);
	return seq;
}

/* Statement which with the text parameters of ap bound, or NULL. */
static omni_stmt *
bound(omni_link *l, int which, va_list ap)
{
	omni_stmt *st = omni_link_stmt(l, which);
	const char *v;
	int i = 1;

	if (!st)
		return NULL;
	while ((v = va_arg(ap, const char *)))
		omni_stmt_bind_str(st, i++, v);
	return st;
}

int
omni_link_exec(omni_link *l, omni_error *err, int which, ...)
{
	omni_stmt *st;
	va_list ap;
	int rc;

	va_start(ap, which);
	st = bound(l, which, ap);
	va_end(ap);
	if (!st)
		return omni_store_error(l->store, err, "cannot prepare"), -1;
	while ((rc = omni_stmt_step(st, err, "cannot update the links")) == OMNI_STMT_ROW)
		;
	omni_stmt_reset(st);
	return rc < 0 ? -1 : 0;
}

int
omni_link_one(omni_link *l, int which, char *out, size_t size, ...)
{
	omni_stmt *st;
	va_list ap;
	int found = 0;

	va_start(ap, size);
	st = bound(l, which, ap);
	va_end(ap);
	if (!st)
		return -1;
	if (omni_stmt_step(st, NULL, NULL) == OMNI_STMT_ROW && omni_stmt_text(st, 0)) {
		snprintf(out, size, "%.*s", (int)size - 1, omni_stmt_text(st, 0));
		found = 1;
	}
	omni_stmt_reset(st);
	return found;
}
