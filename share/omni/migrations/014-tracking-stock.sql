-- omni store, schema 14: what a tracking service (omni-fetch's aftership: source and
-- webhook) says happened to a shipment, the carrier's scans oldest first,
-- as JSON [{at, status, message, location}].  Status and estimate go in
-- the columns fulfilments already have.

ALTER TABLE fulfillments ADD COLUMN events TEXT;

-- Stock beside the ticket: what a shop (Shopify, BigCommerce, WooCommerce)
-- says it has of a SKU, read by omni-fetch --orders for the products of
-- the orders it reads, and shown on the items of a ticket's orders.
CREATE TABLE stock (
	channel     TEXT NOT NULL,
	store       TEXT NOT NULL DEFAULT '',
	sku         TEXT NOT NULL,
	title       TEXT,
	available   INTEGER,                   -- units; NULL when the shop does not count them
	status      TEXT,                      -- in_stock, out_of_stock, backorder
	restock_at  TEXT,                      -- when the shop expects more, if it says
	updated_at  TEXT,
	PRIMARY KEY (channel, store, sku)
);
