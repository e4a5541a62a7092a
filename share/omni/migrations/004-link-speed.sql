-- omni store, schema version 4: fewer indexes for omni-link to keep up.
--
-- Every message and ticket omni-link stores writes each index of its
-- table.  Nothing looks messages up by their Message-ID column (never
-- filled: mail ids live in link_msgids), by their id alone or by the
-- record that brought them alone (every look-up names the ticket first:
-- the primary key), nor tickets by thread_key (threads are found through
-- link_msgids).  Dropping these four saves three index writes for each
-- message linked and one for each ticket.
DROP INDEX IF EXISTS messages_message_id;
DROP INDEX IF EXISTS messages_id;
DROP INDEX IF EXISTS messages_source;
DROP INDEX IF EXISTS tickets_thread;
