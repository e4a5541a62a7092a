-- omni store, schema version 6: a customer's keys read from one index,
-- and one index fewer to write.
--
-- omni-link reads a customer's identity keys for every candidate it
-- weighs and every ticket it writes.  Indexed by customer alone, each key
-- cost a visit to its row, wherever in the table the key was first
-- written; with the kind and value beside the customer, the keys of one
-- customer are read from adjacent entries of the index.
DROP INDEX IF EXISTS identity_keys_customer;
CREATE INDEX identity_keys_customer ON identity_keys(customer_id, kind, value);

-- Nothing looks a ticket up by the orders it names (tickets are found by
-- customer, then compared by order): the index cost a write for each
-- order a ticket named.
DROP INDEX IF EXISTS link_ticket_orders_key;

-- An order number is looked up with its store, the store's own order
-- first: with the store in the index, the order comes from the index and
-- not from a sort of its own for every number a ticket quotes.
DROP INDEX IF EXISTS orders_number;
CREATE INDEX orders_number ON orders(number, store);
