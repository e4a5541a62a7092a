-- omni store, schema version 16: the indexes of tickets that only the
-- lifecycle's clocks and retention read hold only the tickets they ask
-- for.  omni-link rewrites a ticket's row at every record that joins it,
-- and each index over the columns it sets was rewritten with it: new and
-- open tickets, most of a store's writes, had entries nothing reads.
--
-- The clocks ask for pending tickets quiet since a time and for solved
-- ones (omni-link(1), --solve-after and --close-after), each in order of
-- updated_at.
-- (IF EXISTS, IF NOT EXISTS: a store whose version was set back by hand
-- may have these already.)
DROP INDEX IF EXISTS tickets_status;
CREATE INDEX IF NOT EXISTS tickets_pending ON tickets(updated_at) WHERE status = 'pending';
CREATE INDEX IF NOT EXISTS tickets_solved ON tickets(updated_at) WHERE status = 'solved';
-- Retention asks for tickets solved before a time, not yet anonymous.
DROP INDEX IF EXISTS tickets_retention;
CREATE INDEX tickets_retention ON tickets(store, solved_at)
	WHERE anonymised_at IS NULL AND solved_at IS NOT NULL;
