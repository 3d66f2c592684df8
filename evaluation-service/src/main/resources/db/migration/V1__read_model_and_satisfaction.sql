-- The proposals as the proposal service announces them. A ProposalAssigned may arrive first: it creates
-- the row with the title and proposer it carries; ProposalSubmitted fills in the rest.
CREATE TABLE proposal_record (
    proposal_id     uuid PRIMARY KEY,
    kind            varchar(20),
    number          varchar(40),
    title           varchar(500),
    proposer_id     varchar(100),
    proposer_name   varchar(200),
    submitted_at    timestamptz,
    year            integer                             -- of submitted_at, in the city's time zone
);
-- Figures by year: the year's proposals, then their handlings through the primary key of unit_handling.
CREATE INDEX proposal_record_by_year ON proposal_record (year, proposal_id);

-- What each unit does with a proposal, as the assignment and reply services report it, and the
-- proposer's rating of the unit's formal reply.
-- Keyed by (proposal, unit): a unit appears once per proposal, and events from different topics may
-- arrive in any order, so whichever comes first creates the row.
CREATE TABLE unit_handling (
    proposal_id     uuid         NOT NULL,
    unit_id         varchar(100) NOT NULL,
    assignment_id   uuid,
    unit_name       varchar(200),
    handling_type   varchar(20),
    assigned_at     timestamptz,
    reply_due_date  date,
    signed_at       timestamptz,
    signed_late     boolean,
    reply_id        uuid,
    result_category varchar(5),
    replied_at      timestamptz,
    rating          varchar(30),
    rated_at        timestamptz,
    PRIMARY KEY (proposal_id, unit_id)
);
CREATE UNIQUE INDEX unit_handling_reply ON unit_handling (reply_id);
-- Figures by unit (and year): every column the aggregates read is in the index, so they need not visit the table.
CREATE INDEX unit_handling_by_unit ON unit_handling (unit_id, proposal_id)
    INCLUDE (handling_type, signed_at, signed_late, reply_id, result_category, rating);

-- The proposers' ratings: one per formal reply. Owned by this service.
CREATE TABLE satisfaction (
    id              uuid PRIMARY KEY,
    reply_id        uuid          NOT NULL,
    proposal_id     uuid          NOT NULL,
    unit_id         varchar(100)  NOT NULL,
    proposer_id     varchar(100)  NOT NULL,
    rating          varchar(30)   NOT NULL,
    comment         varchar(2000),
    recorded_at     timestamptz   NOT NULL,
    CONSTRAINT satisfaction_one_per_reply UNIQUE (reply_id)
);
