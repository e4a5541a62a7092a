-- omni store, schema version 3: what omni-route needs beyond version 2.

-- Which agent omni-route gave each ticket, in which queue.  open is 1 while
-- the ticket holds a slot of the agent's cap: a solved or closed ticket, or
-- one given to somebody else, sets it to 0.  An agent's load is the count of
-- open rows, whatever the queue.
CREATE TABLE route_assignments (
	ticket_id   TEXT PRIMARY KEY,
	queue       TEXT NOT NULL,
	agent       TEXT NOT NULL,
	open        INTEGER NOT NULL DEFAULT 1,
	assigned_at TEXT NOT NULL,
	updated_at  TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX route_assignments_load ON route_assignments(agent, open);

-- The agent each round-robin queue gave its last ticket to: the next
-- ticket goes to the one after, across runs.
CREATE TABLE route_round_robin (
	queue       TEXT PRIMARY KEY,
	last_agent  TEXT NOT NULL
) WITHOUT ROWID;
