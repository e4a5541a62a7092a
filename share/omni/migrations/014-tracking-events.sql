-- omni store: what a tracking service (omni-fetch's aftership: source and
-- webhook) says happened to a shipment, the carrier's scans oldest first,
-- as JSON [{at, status, message, location}].  Status and estimate go in
-- the columns fulfilments already have.

ALTER TABLE fulfillments ADD COLUMN events TEXT;
