-- Proposals registered by proposal-service, as far as assigning them needs.
CREATE TABLE assignable_proposal (
    id              uuid PRIMARY KEY,
    kind            varchar(20)  NOT NULL,
    number          varchar(40)  NOT NULL,
    title           varchar(500) NOT NULL,
    proposer_id     varchar(100) NOT NULL,
    proposer_name   varchar(200) NOT NULL,
    submitted_at    timestamptz  NOT NULL,
    status          varchar(30)  NOT NULL,
    version         bigint       NOT NULL DEFAULT 0
);
CREATE INDEX assignable_proposal_status ON assignable_proposal (status, submitted_at);

-- One unit's assignment to handle one proposal, with its clocks.
CREATE TABLE assignment (
    id              uuid PRIMARY KEY,
    proposal_id     uuid         NOT NULL REFERENCES assignable_proposal (id),
    unit_id         varchar(100) NOT NULL,
    unit_name       varchar(200) NOT NULL,
    handling_type   varchar(20)  NOT NULL,
    lead_unit_id    varchar(100),
    status          varchar(20)  NOT NULL,
    assigned_at     timestamptz  NOT NULL,
    sign_for_due    date         NOT NULL,
    reply_due       date,
    signed_at       timestamptz,
    signed_late     boolean,
    version         bigint       NOT NULL DEFAULT 0,
    CONSTRAINT assignment_unit_once UNIQUE (proposal_id, unit_id)
);
CREATE INDEX assignment_unit ON assignment (unit_id, status);
