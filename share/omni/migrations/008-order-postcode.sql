-- omni store, schema version 8: the postcode an order was placed with (its
-- billing address's), one of the two facts by which a customer writing
-- from elsewhere shows that an order is hers (omni-link(1), "Orders,
-- verified or not").  Orders stored before have none until fetched again.

ALTER TABLE orders ADD COLUMN customer_postcode TEXT;
