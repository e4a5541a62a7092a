-- omni store, schema version 12: a person's data on request, and kept no
-- longer than needed (omni(7), "Personal data").
--
-- erasures says that a customer was erased, when and by whom, and how
-- much of hers went: never what was erased (no key, name, address or
-- text).  The customer's row stays, without a name and without keys, so
-- that her tickets still count in reports and a later message from one
-- of her old addresses makes a new customer, with an id of its own.
CREATE TABLE erasures (
	customer_id  TEXT NOT NULL,
	at           TEXT NOT NULL,            -- RFC 3339 UTC
	by           TEXT NOT NULL,            -- who asked omni-link --erase (--by, else the login)
	tickets      INTEGER NOT NULL DEFAULT 0,  -- tickets made anonymous
	keys         INTEGER NOT NULL DEFAULT 0,  -- identity keys removed
	orders       INTEGER NOT NULL DEFAULT 0,  -- orders whose buyer fields were cleared
	sends        INTEGER NOT NULL DEFAULT 0,  -- send ledger rows whose error text was cleared
	PRIMARY KEY (customer_id, at)
) WITHOUT ROWID;

-- When a ticket's texts and personal fields were dropped (an erasure or
-- the retention period of its store): a ticket is made anonymous once.
ALTER TABLE tickets ADD COLUMN anonymised_at TEXT;
-- Retention looks for old solved and closed tickets not yet anonymous.
CREATE INDEX tickets_retention ON tickets(store, solved_at) WHERE anonymised_at IS NULL;
