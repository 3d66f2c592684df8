CREATE TABLE probe_record (id uuid PRIMARY KEY);
CREATE TABLE probe_applied (proposal_id uuid PRIMARY KEY, times integer NOT NULL);
