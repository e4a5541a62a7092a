-- omni store, schema version 16: record ids, mail ids and thread keys are
-- found through omni-link's key index, not through B-trees of ids.
--
-- Record ids, mail ids and thread keys are hashes or platform ids, so the
-- unique index on ticket_links.source_id and link_msgids' key took every
-- record at random places in B-trees that outgrow the cache.  omni-link
-- keeps instead, beside the store, an index of 64-bit hashes of those keys
-- to their rows' numbers (the file STORE.keys, omni-link(1)), checks
-- every hit against the row, and rebuilds or replays it from these tables
-- when it is missing or behind.  Both tables are keyed by that growing
-- number: a new record's rows go at the end.  ticket_links' numbers are
-- its old rowids (merged_from's order).

CREATE TABLE ticket_links_v16 (
	id           INTEGER PRIMARY KEY,      -- the key index points here
	source_id    TEXT NOT NULL,            -- unique: omni-link checks its index first
	ticket       INTEGER NOT NULL,         -- tickets.seq
	key_kind     TEXT,
	key_value    TEXT,
	confidence   REAL,
	created_at   TEXT NOT NULL
);
INSERT INTO ticket_links_v16 (id, source_id, ticket, key_kind, key_value, confidence, created_at)
	SELECT rowid, source_id, ticket, key_kind, key_value, confidence, created_at
	FROM ticket_links ORDER BY rowid;
DROP TABLE ticket_links;
ALTER TABLE ticket_links_v16 RENAME TO ticket_links;
CREATE INDEX ticket_links_ticket ON ticket_links(ticket);

-- A ticket's mail ids and thread keys, once each, in the ticket's order
-- (tickets.seq grows: a new ticket's at the end).
CREATE TABLE link_msgids_v16 (
	id         INTEGER PRIMARY KEY,        -- the key index points here
	msgid      TEXT NOT NULL,              -- m: mail id, t: thread key
	ticket     INTEGER NOT NULL            -- tickets.seq
);
INSERT INTO link_msgids_v16 (msgid, ticket)
	SELECT msgid, ticket FROM link_msgids ORDER BY ticket, msgid;
DROP TABLE link_msgids;
ALTER TABLE link_msgids_v16 RENAME TO link_msgids;
CREATE UNIQUE INDEX link_msgids_ticket ON link_msgids(ticket, msgid);

-- How much of the key index file belongs to this store: its generation
-- (the file's header says the same) and its length in bytes, written in
-- the transaction whose rows the entries name.  Entries past it were
-- written by a transaction that never committed, or belong to a later
-- copy of the store than this one.
CREATE TABLE IF NOT EXISTS link_key_index (
	one        INTEGER PRIMARY KEY CHECK (one = 1),
	generation INTEGER NOT NULL,
	bytes      INTEGER NOT NULL
);
-- the rows were numbered anew: whatever index there was is rebuilt
DELETE FROM link_key_index;
