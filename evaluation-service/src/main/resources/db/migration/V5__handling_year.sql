-- The year of the handling's proposal, kept on the handling as well: a unit's figures of one year then read that
-- year's handlings through an index instead of looking up every proposal the unit ever handled (fifteen thousand
-- lookups for a unit with ten years behind it, for the fifteen hundred of the year asked for). It is the year of
-- proposal_record: a handling takes it when it is recorded, or when ProposalSubmitted arrives after it.
ALTER TABLE unit_handling ADD COLUMN year integer;
UPDATE unit_handling h SET year = p.year FROM proposal_record p WHERE p.proposal_id = h.proposal_id AND p.year IS NOT NULL;
-- Figures of a year (with or without a unit), and of one unit in one year
CREATE INDEX unit_handling_by_year ON unit_handling (year, unit_id);
