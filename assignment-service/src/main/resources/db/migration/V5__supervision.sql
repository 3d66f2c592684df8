-- Key proposals (重点提案) supervised by a named city leader.
ALTER TABLE assignable_proposal
    ADD COLUMN supervised_by    varchar(200),
    ADD COLUMN supervision_note varchar(2000),
    ADD COLUMN supervised_since timestamptz;
CREATE INDEX assignable_proposal_supervised ON assignable_proposal (supervised_since) WHERE supervised_by IS NOT NULL;

-- The supervision office's directives to a unit about an assignment. The id is the supervision system's own
-- when it sends one, so that a repeated directive finds the first.
CREATE TABLE supervision_directive (
    id                 uuid PRIMARY KEY,
    assignment_id      uuid          NOT NULL REFERENCES assignment (id),
    proposal_id        uuid          NOT NULL,
    unit_id            varchar(100)  NOT NULL,
    type               varchar(30)   NOT NULL,
    note               varchar(2000) NOT NULL,
    due_date           date,
    previous_reply_due date,
    issued_at          timestamptz   NOT NULL,
    issued_by          varchar(100)  NOT NULL
);
CREATE INDEX supervision_directive_assignment ON supervision_directive (assignment_id, issued_at);
