-- Re-handling after an unsatisfied rating: the unit replies again, in round 2, 3 ..., by its own deadline.
ALTER TABLE assignment ADD COLUMN handling_round integer NOT NULL DEFAULT 1;
