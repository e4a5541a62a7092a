-- omni store, schema version 13: a person's work on a ticket
-- (omni-desk(1)).
--
-- desk_actions is the log: every note, tag, assignment, snooze, solve,
-- reopen, merge, split and answer a person made, with who and when, in
-- the order made.  desk_tickets is what the log adds up to for a ticket
-- (its assignee, tags, snooze), kept beside it so that the queue and
-- omni-link read one row; omni-link wakes a snoozed ticket when the
-- customer writes.
CREATE TABLE desk_actions (
	seq        INTEGER PRIMARY KEY,
	ticket     TEXT NOT NULL,              -- tickets.id
	verb       TEXT NOT NULL,              -- note, tag, untag, assign, snooze, wake, ...
	value      TEXT,                       -- the note, tag, person, time
	who        TEXT NOT NULL,
	at         TEXT NOT NULL
);
CREATE INDEX desk_actions_ticket ON desk_actions(ticket, seq);

CREATE TABLE desk_tickets (
	ticket     TEXT PRIMARY KEY,
	assignee   TEXT,
	tags       TEXT,                       -- a JSON array of strings
	snoozed_until TEXT,
	updated_at TEXT NOT NULL
) WITHOUT ROWID;
