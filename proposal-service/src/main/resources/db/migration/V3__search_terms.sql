-- The terms a proposal is found under: Chinese character bigrams and words, made by the service
-- (SearchTerms) because PostgreSQL's parsers do not split Chinese. Title terms carry weight A, keywords B,
-- content D. Empty until the service writes them, so proposals registered before this change need one
-- pass of the service to be found.
ALTER TABLE proposal ADD COLUMN search_terms tsvector NOT NULL DEFAULT ''::tsvector;

-- Answers search_terms @@ query, for search and for the candidates of similar proposals.
CREATE INDEX proposal_search_terms ON proposal USING gin (search_terms);
