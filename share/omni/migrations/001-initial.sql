-- omni store, schema version 1.
-- Times are RFC 3339 UTC text ("2024-03-06T15:12:44Z"), so they sort as text.

-- Customers and the keys that identify them (omni-link).
CREATE TABLE customers (
	id          TEXT PRIMARY KEY,          -- stable customer id
	name        TEXT,
	created_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL
);

-- kind: email, phone, amazon, ebay, instagram, facebook, tiktok, shopify,
-- bigcommerce, woocommerce, order ...; strength: 0 weak .. 100 certain.
CREATE TABLE identity_keys (
	kind         TEXT NOT NULL,
	value        TEXT NOT NULL,
	customer_id  TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
	strength     INTEGER NOT NULL DEFAULT 50,
	channel      TEXT,                     -- set for relay identities: valid on this channel only
	source       TEXT,                     -- the ticket or order that showed it
	created_at   TEXT NOT NULL,
	PRIMARY KEY (kind, value, customer_id)
);
CREATE INDEX identity_keys_customer ON identity_keys(customer_id);

-- Tickets as omni-link keeps them, with the latest version of the record.
CREATE TABLE tickets (
	id           TEXT PRIMARY KEY,
	customer_id  TEXT REFERENCES customers(id),
	channel      TEXT,
	store        TEXT,
	status       TEXT,
	subject      TEXT,
	thread_key   TEXT,
	created_at   TEXT,
	updated_at   TEXT,
	solved_at    TEXT,
	record       TEXT                      -- the ticket as JSON
);
CREATE INDEX tickets_customer ON tickets(customer_id, updated_at);
CREATE INDEX tickets_thread ON tickets(thread_key);

-- Source-scoped ids a ticket absorbed (merged_from), with the key that linked them.
CREATE TABLE ticket_links (
	source_id    TEXT PRIMARY KEY,
	ticket_id    TEXT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
	key_kind     TEXT,
	key_value    TEXT,
	confidence   REAL,
	created_at   TEXT NOT NULL
);
CREATE INDEX ticket_links_ticket ON ticket_links(ticket_id);

-- Messages of each ticket; message_id is the RFC 5322 Message-ID where there is one.
CREATE TABLE messages (
	ticket_id    TEXT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
	id           TEXT NOT NULL,
	message_id   TEXT,
	channel      TEXT,
	direction    TEXT,
	at           TEXT,
	PRIMARY KEY (ticket_id, id)
);
CREATE INDEX messages_message_id ON messages(message_id);
CREATE INDEX messages_id ON messages(id);

-- Orders (omni-fetch --orders), keyed by channel, store and the platform's id.
CREATE TABLE orders (
	rowid          INTEGER PRIMARY KEY,
	channel        TEXT NOT NULL,
	store          TEXT NOT NULL DEFAULT '',
	order_id       TEXT NOT NULL,
	number         TEXT,                   -- what customers quote: "#1042", "113-4827365-1029384"
	customer_ref   TEXT,                   -- the platform's customer id
	customer_name  TEXT,
	customer_email TEXT,                   -- lowercase
	customer_phone TEXT,
	placed_at      TEXT,
	updated_at     TEXT,
	status         TEXT,
	financial_status TEXT,
	total          TEXT,                   -- decimal string, as the platform gave it
	currency       TEXT,
	items          TEXT,                   -- JSON array [{sku,title,qty}]
	UNIQUE (channel, store, order_id)
);
CREATE INDEX orders_number ON orders(number);
CREATE INDEX orders_email ON orders(customer_email);
CREATE INDEX orders_phone ON orders(customer_phone);
CREATE INDEX orders_customer_ref ON orders(channel, customer_ref);

CREATE TABLE fulfillments (
	order_rowid     INTEGER NOT NULL REFERENCES orders(rowid) ON DELETE CASCADE,
	external_id     TEXT NOT NULL,
	carrier         TEXT,
	tracking_number TEXT,
	tracking_url    TEXT,
	status          TEXT,                  -- the tracking vocabulary: in_transit, delivered, exception ...
	shipped_at      TEXT,
	delivered_at    TEXT,
	estimated_at    TEXT,
	updated_at      TEXT,
	PRIMARY KEY (order_rowid, external_id)
);
CREATE INDEX fulfillments_tracking ON fulfillments(tracking_number);

CREATE TABLE refunds (
	order_rowid  INTEGER NOT NULL REFERENCES orders(rowid) ON DELETE CASCADE,
	external_id  TEXT NOT NULL,
	amount       TEXT,
	currency     TEXT,
	reason       TEXT,
	at           TEXT,
	PRIMARY KEY (order_rowid, external_id)
);

CREATE TABLE returns (
	order_rowid  INTEGER NOT NULL REFERENCES orders(rowid) ON DELETE CASCADE,
	external_id  TEXT NOT NULL,
	status       TEXT,
	reason       TEXT,
	at           TEXT,
	PRIMARY KEY (order_rowid, external_id)
);

-- omni-fetch: one cursor per source (API sources), and what local sources emitted.
CREATE TABLE cursors (
	source      TEXT PRIMARY KEY,
	value       TEXT NOT NULL,
	updated_at  TEXT NOT NULL
);

CREATE TABLE fetch_seen (
	source      TEXT NOT NULL,
	key         TEXT NOT NULL,
	at          TEXT NOT NULL,
	PRIMARY KEY (source, key)
) WITHOUT ROWID;

-- omni-reply: a reply is sent at most once per key (ticket, message, reply digest).
CREATE TABLE send_ledger (
	key          TEXT PRIMARY KEY,
	ticket_id    TEXT NOT NULL,
	channel      TEXT NOT NULL,
	state        TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'failed', 'unknown')),
	external_id  TEXT,
	attempts     INTEGER NOT NULL DEFAULT 0,
	error        TEXT,
	created_at   TEXT NOT NULL,
	updated_at   TEXT NOT NULL
);
CREATE INDEX send_ledger_ticket ON send_ledger(ticket_id);
