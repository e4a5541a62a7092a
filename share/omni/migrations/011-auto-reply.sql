-- omni store, schema version 11: the automatic replies each address got
-- (omni-reply(1), "Automatic replies"): at most one an address in the
-- period auto_period of [reply] says, so that two programs that answer
-- automatically never answer each other for long (RFC 3834, 2).
CREATE TABLE auto_reply (
	address    TEXT PRIMARY KEY,          -- the recipient, lower case
	ticket_id  TEXT NOT NULL,
	at         TEXT NOT NULL              -- when the last one was sent
) WITHOUT ROWID;
