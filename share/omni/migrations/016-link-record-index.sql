-- omni store, schema version 16: a record's id is found through omni-link's
-- key index, not through a B-tree of ids.
--
-- Record ids are hashes or platform ids, so the unique index on
-- ticket_links.source_id took every record at a random place in a B-tree
-- that outgrows the cache.  omni-link keeps instead, beside the store, an
-- index of 64-bit hashes of record ids to the row's number (the file
-- STORE.keys, omni-link(1)), checks every hit against the row, and
-- rebuilds or replays it from this table when it is missing or behind.
-- ticket_links is keyed by that growing number: a new record's row goes
-- at the end.  The row numbers are the old rowids (merged_from's order).

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

-- How much of the key index file belongs to this store: its generation
-- (the file's header says the same) and its length in bytes, written in
-- the transaction whose rows the entries name.  Entries past it were
-- written by a transaction that never committed, or belong to a later
-- copy of the store than this one.
CREATE TABLE link_key_index (
	one        INTEGER PRIMARY KEY CHECK (one = 1),
	generation INTEGER NOT NULL,
	bytes      INTEGER NOT NULL
);
