-- One case file per assignment: what one unit has to do about one proposal, opened when the assignment arrives.
-- The unique assignment id keeps a re-delivered or re-published assignment from opening a second case.
CREATE TABLE handling_case (
    id              uuid PRIMARY KEY,
    assignment_id   uuid         NOT NULL,
    proposal_id     uuid         NOT NULL,
    proposal_title  varchar(500),
    proposer_id     varchar(100),
    proposer_name   varchar(200),
    unit_id         varchar(100) NOT NULL,
    unit_name       varchar(200),
    handling_type   varchar(20)  NOT NULL,
    lead_unit_id    varchar(100),
    reply_due_date  date,
    status          varchar(20)  NOT NULL,
    opened_at       timestamptz  NOT NULL,
    version         bigint       NOT NULL DEFAULT 0,
    CONSTRAINT handling_case_assignment_unique UNIQUE (assignment_id)
);
CREATE INDEX handling_case_proposal ON handling_case (proposal_id);
CREATE INDEX handling_case_unit ON handling_case (unit_id);

-- The unit's replies to the proposer: drafts, and at most one approved formal reply per case.
CREATE TABLE reply (
    id               uuid PRIMARY KEY,
    case_id          uuid         NOT NULL REFERENCES handling_case (id),
    result_category  varchar(5)   NOT NULL,
    text             text         NOT NULL,
    status           varchar(20)  NOT NULL,
    created_at       timestamptz  NOT NULL,
    approved_at      timestamptz,
    version          bigint       NOT NULL DEFAULT 0,
    CONSTRAINT reply_approved_at_iff_approved CHECK ((status = 'APPROVED') = (approved_at IS NOT NULL))
);
CREATE INDEX reply_case ON reply (case_id, created_at);
CREATE UNIQUE INDEX reply_one_approved_per_case ON reply (case_id) WHERE status = 'APPROVED';
