-- omni store, schema version 5: the shops' own customer accounts.
--
-- A platform's customer list (Shopify's customers, fetched by omni-fetch)
-- is evidence, not identity: omni-link alone makes customer ids, and reads
-- an account as it reads an order's buyer: a ticket with the account's
-- e-mail address or platform id gains the account's other keys (its id and
-- address strong, its phone weak, as always).
CREATE TABLE accounts (
	channel     TEXT NOT NULL,             -- shopify, bigcommerce, woocommerce
	store       TEXT NOT NULL DEFAULT '',
	ref         TEXT NOT NULL,             -- the platform's customer id
	name        TEXT,
	email       TEXT,                      -- lowercase
	email_key   TEXT,                      -- as omni-link compares addresses
	phone       TEXT,
	updated_at  TEXT,
	PRIMARY KEY (channel, ref, store)        -- found by channel and id
);
CREATE INDEX accounts_email ON accounts(email_key);
