-- Who registered a proposal is in its audit record and its ProposalSubmitted event; the row need not repeat it.
ALTER TABLE proposal DROP COLUMN created_by;

-- At start-up the service looks for proposals stored before search existed; this keeps that look an index
-- lookup of the few (usually none) instead of a scan of every proposal.
CREATE INDEX proposal_without_search_terms ON proposal (submitted_at, id) WHERE search_terms = ''::tsvector;
