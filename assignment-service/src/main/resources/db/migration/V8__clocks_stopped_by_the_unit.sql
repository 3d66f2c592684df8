-- What stops the clocks that reply-service reports on: the co-handling opinion, the first contact with the
-- proposer, and the promised measure of a B or C reply (the unit replies again once it is done).
ALTER TABLE assignment
    ADD COLUMN opinion_submitted_at timestamptz,
    ADD COLUMN first_contact_at     timestamptz,
    ADD COLUMN commitment_due       date,
    ADD COLUMN commitment_met_at    timestamptz;
