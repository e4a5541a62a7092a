-- omni store, schema version 15: each message's text in its own row.
--
-- A ticket's record shows its latest messages only (omni-ticket(5),
-- "Long tickets"); the whole timeline is the ticket's rows in messages,
-- each with the message as the ticket writes it (JSON, its channel and
-- source included), so that no version of a long ticket is rewritten
-- whole.  The rows of a store made before are filled from their
-- tickets' records.
ALTER TABLE messages ADD COLUMN body TEXT;   -- the message, JSON

CREATE TEMP TABLE message_text AS
	SELECT t.seq AS ticket, json_extract(j.value, '$.id') AS id, j.value AS body
	FROM tickets t, json_each(t.record, '$.messages') j
	WHERE t.record IS NOT NULL AND json_valid(t.record)
	AND json_type(j.value, '$.id') = 'text';
CREATE INDEX temp.message_text_key ON message_text(ticket, id);
UPDATE messages SET body = (SELECT x.body FROM temp.message_text x
	WHERE x.ticket = messages.ticket AND x.id = messages.id LIMIT 1);
DROP TABLE temp.message_text;
