-- omni store, schema version 7: the link tables name a ticket by its
-- number in this store.
--
-- A ticket's id (tk- and sixteen hex digits) is a hash, so every index
-- that began with it took each new ticket's rows at a random place: its
-- messages, thread ids, orders and links each dirtied a page somewhere in
-- the middle of a B-tree that outgrows the cache, and every commit wrote
-- those pages twice (WAL, then checkpoint).  tickets.seq counts up: a new
-- ticket's rows now go at the end of each of these indexes.
--
-- The ids stay what they were (tk-..., the same in any store); seq is
-- the store's own and never leaves it.  The rebuilt tables keep no
-- foreign keys: omni-link, the only program that writes or deletes them,
-- moves and deletes rows itself (and runs with the checks off).

CREATE TABLE tickets_v7 (
	seq          INTEGER PRIMARY KEY,      -- this store's number for the ticket
	id           TEXT NOT NULL UNIQUE,
	customer_id  TEXT,
	channel      TEXT,
	store        TEXT,
	status       TEXT,
	subject      TEXT,
	thread_key   TEXT,
	created_at   TEXT,
	updated_at   TEXT,
	solved_at    TEXT,
	record       TEXT                      -- the ticket as JSON
);
INSERT INTO tickets_v7 (seq, id, customer_id, channel, store, status, subject,
                        thread_key, created_at, updated_at, solved_at, record)
	SELECT rowid, id, customer_id, channel, store, status, subject,
	       thread_key, created_at, updated_at, solved_at, record
	FROM tickets ORDER BY rowid;

-- Messages of each ticket, one B-tree in the ticket's order.
CREATE TABLE messages_v7 (
	ticket       INTEGER NOT NULL,         -- tickets.seq
	id           TEXT NOT NULL,
	message_id   TEXT,
	channel      TEXT,
	direction    TEXT,
	at           TEXT,
	source_id    TEXT,                     -- the input record that brought it
	PRIMARY KEY (ticket, id)
) WITHOUT ROWID;
INSERT INTO messages_v7 (ticket, id, message_id, channel, direction, at, source_id)
	SELECT t.seq, m.id, m.message_id, m.channel, m.direction, m.at, m.source_id
	FROM messages m JOIN tickets_v7 t ON t.id = m.ticket_id;

CREATE TABLE ticket_links_v7 (
	source_id    TEXT PRIMARY KEY,
	ticket       INTEGER NOT NULL,         -- tickets.seq
	key_kind     TEXT,
	key_value    TEXT,
	confidence   REAL,
	created_at   TEXT NOT NULL
);
INSERT INTO ticket_links_v7 (source_id, ticket, key_kind, key_value, confidence, created_at)
	SELECT l.source_id, t.seq, l.key_kind, l.key_value, l.confidence, l.created_at
	FROM ticket_links l JOIN tickets_v7 t ON t.id = l.ticket_id ORDER BY l.rowid;

CREATE TABLE link_msgids_v7 (
	msgid      TEXT NOT NULL,
	ticket     INTEGER NOT NULL,           -- tickets.seq
	PRIMARY KEY (msgid, ticket)
) WITHOUT ROWID;
INSERT INTO link_msgids_v7 (msgid, ticket)
	SELECT m.msgid, t.seq FROM link_msgids m JOIN tickets_v7 t ON t.id = m.ticket_id;

CREATE TABLE link_ticket_orders_v7 (
	ticket     INTEGER NOT NULL,           -- tickets.seq
	order_key  TEXT NOT NULL,
	PRIMARY KEY (ticket, order_key)
) WITHOUT ROWID;
INSERT INTO link_ticket_orders_v7 (ticket, order_key)
	SELECT t.seq, o.order_key FROM link_ticket_orders o JOIN tickets_v7 t ON t.id = o.ticket_id;

-- The children first: dropping tickets while they still named it would
-- delete their rows (ON DELETE CASCADE).
DROP TABLE messages;
DROP TABLE ticket_links;
DROP TABLE link_msgids;
DROP TABLE link_ticket_orders;
DROP TABLE tickets;
ALTER TABLE tickets_v7 RENAME TO tickets;
ALTER TABLE messages_v7 RENAME TO messages;
ALTER TABLE ticket_links_v7 RENAME TO ticket_links;
ALTER TABLE link_msgids_v7 RENAME TO link_msgids;
ALTER TABLE link_ticket_orders_v7 RENAME TO link_ticket_orders;
CREATE INDEX tickets_customer ON tickets(customer_id, updated_at);
CREATE INDEX ticket_links_ticket ON ticket_links(ticket);
CREATE INDEX link_msgids_ticket ON link_msgids(ticket);
