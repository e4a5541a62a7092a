-- omni store, schema version 2: what omni-link needs beyond version 1.

-- Every mail id a ticket has seen: its messages' Message-IDs and the ids
-- they reply to or reference, parents not yet seen included, so that a
-- parent arriving later joins the thread of its replies.
CREATE TABLE link_msgids (
	msgid      TEXT NOT NULL,
	ticket_id  TEXT NOT NULL,
	PRIMARY KEY (msgid, ticket_id)
) WITHOUT ROWID;
CREATE INDEX link_msgids_ticket ON link_msgids(ticket_id);

-- The orders a ticket names, as "store|number" keys.
CREATE TABLE link_ticket_orders (
	ticket_id  TEXT NOT NULL,
	order_key  TEXT NOT NULL,
	PRIMARY KEY (ticket_id, order_key)
) WITHOUT ROWID;
CREATE INDEX link_ticket_orders_key ON link_ticket_orders(order_key);

-- Pairs of tickets or customers that --unmerge split: never joined again.
CREATE TABLE link_blocks (
	a     TEXT NOT NULL,
	b     TEXT NOT NULL,
	at    TEXT NOT NULL,
	PRIMARY KEY (a, b)
) WITHOUT ROWID;

-- Which input record (its fetch id) brought each message, so --unmerge can
-- take a record's messages out again.
ALTER TABLE messages ADD COLUMN source_id TEXT;
CREATE INDEX messages_source ON messages(source_id);
