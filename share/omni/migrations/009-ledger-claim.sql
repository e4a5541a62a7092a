-- omni store, schema version 9: who holds a pending send.  A reply is
-- claimed in one statement (the row goes to pending only from nothing or
-- from failed), and the claim names its process (host, pid and the pid's
-- start time), so that another run tells a send in flight from one whose
-- process died (omni-reply(1), "Exactly once").

ALTER TABLE send_ledger ADD COLUMN claimed_by TEXT;
