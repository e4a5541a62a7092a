-- omni store, schema version 10: the loop closes (omni(7), "Running it
-- from cron").
--
-- handoff holds what one stage of the pipeline wrote and the next has not
-- yet taken: the records omni-fetch wrote into a pipe until omni-link
-- links them (stage 'fetch', the record's text kept), and the tickets
-- omni-link wrote until the last stage of the pipeline has them (stage
-- 'link', the ticket's record in tickets).  holder names the run (the
-- process group of a cron job's pipeline); a row whose run is gone is
-- taken up by the next omni-link.
CREATE TABLE handoff (
	stage      TEXT NOT NULL,
	key        TEXT NOT NULL,              -- a record's id, a ticket's id
	record     TEXT,                       -- stage 'fetch': the line written
	holder     TEXT NOT NULL,
	at         TEXT NOT NULL,
	offers     INTEGER NOT NULL DEFAULT 1,  -- times written
	PRIMARY KEY (stage, key)
) WITHOUT ROWID;

-- The lifecycle's clocks: pending tickets solve, solved ones close.
CREATE INDEX tickets_status ON tickets(status, updated_at);
