-- The handlings whose type is known, in proposal order: the statistics count the distinct proposals among them by
-- reading this index alone instead of sorting every handling in scope.
CREATE INDEX unit_handling_typed ON unit_handling (proposal_id) WHERE handling_type IS NOT NULL;
