-- omni store, schema version 17: each mail id a conversation knows says
-- whether it is one of the conversation's own messages (own = 1) or one
-- they only referred to (own = 0: an In-Reply-To or References parent
-- the store never received, such as a newsletter's).  omni-link(1),
-- "Which conversation": a sender whose keys are all weak (a role address)
-- joins a conversation by a parent it only referred to no more than by a
-- parent several conversations referred to.
-- The ids of a store from before are counted as its own, as they were.
ALTER TABLE link_msgids ADD COLUMN own INTEGER NOT NULL DEFAULT 1;
