-- Every directive the supervision system sent through the supervision adapter, under the platform's directive id,
-- and what became of it. A repeat of it, even under a new event id, finds it here and changes nothing; a rejected
-- one is not judged again.
CREATE TABLE received_directive (
    directive_id  uuid PRIMARY KEY,
    external_id   text,
    type          varchar(50)   NOT NULL,
    proposal_id   uuid          NOT NULL,
    unit_id       varchar(100),
    received_at   timestamptz,
    outcome       varchar(20)   NOT NULL,
    reason        varchar(2000),
    assignment_id uuid,
    decided_at    timestamptz   NOT NULL
);
CREATE INDEX received_directive_proposal ON received_directive (proposal_id, decided_at);

-- The unit's answer to a PROGRESS_REPORT directive, given once.
ALTER TABLE supervision_directive
    ADD COLUMN progress              varchar(4000),
    ADD COLUMN progress_submitted_at timestamptz,
    ADD COLUMN progress_submitted_by varchar(100),
    ADD COLUMN progress_late         boolean;
