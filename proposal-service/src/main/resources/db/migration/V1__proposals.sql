CREATE TABLE proposal (
    id              uuid PRIMARY KEY,
    kind            varchar(20)  NOT NULL,
    number          varchar(40)  NOT NULL,
    title           varchar(500) NOT NULL,
    content         text         NOT NULL,
    proposer_id     varchar(100) NOT NULL,
    proposer_name   varchar(200) NOT NULL,
    status          varchar(30)  NOT NULL,
    submitted_at    timestamptz  NOT NULL,
    updated_at      timestamptz  NOT NULL,
    version         bigint       NOT NULL DEFAULT 0,
    CONSTRAINT proposal_number_unique UNIQUE (kind, number)
);
CREATE INDEX proposal_status ON proposal (status);
CREATE INDEX proposal_proposer ON proposal (proposer_id);

-- Numbers are handed out per kind and year without gaps: the row lock serialises concurrent registrations.
CREATE TABLE proposal_number_sequence (
    kind      varchar(20) NOT NULL,
    year      integer     NOT NULL,
    last_used integer     NOT NULL,
    PRIMARY KEY (kind, year)
);

-- What each unit does with a proposal, as the other services report it.
-- Keyed by (proposal, unit): a unit appears once per proposal, and events from different topics may
-- arrive in any order, so whichever comes first creates the row.
CREATE TABLE proposal_handling (
    proposal_id     uuid         NOT NULL REFERENCES proposal (id),
    unit_id         varchar(100) NOT NULL,
    assignment_id   uuid,
    unit_name       varchar(200),
    handling_type   varchar(20),
    assigned_at     timestamptz,
    reply_id        uuid,
    result_category varchar(5),
    replied_at      timestamptz,
    rating          varchar(30),
    rated_at        timestamptz,
    PRIMARY KEY (proposal_id, unit_id)
);
