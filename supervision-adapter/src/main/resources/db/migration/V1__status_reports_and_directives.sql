-- What the reports name: the proposals and the units handling them, as the other services report them.
CREATE TABLE supervised_proposal (
    proposal_id  uuid PRIMARY KEY,
    number       varchar(50),
    title        text,
    kind         varchar(20),
    session_id   uuid,
    year         integer
);

CREATE TABLE supervised_handling (
    assignment_id  uuid PRIMARY KEY,
    proposal_id    uuid         NOT NULL,
    unit_id        varchar(100) NOT NULL,
    unit_name      text,
    handling_type  varchar(20)  NOT NULL,
    ended          boolean      NOT NULL DEFAULT false    -- the assignment ended with an adjustment
);
CREATE INDEX supervised_handling_by_proposal ON supervised_handling (proposal_id, unit_id);

-- The last sequence number given to a report of each proposal: the supervision system sees 1, 2, 3, ...
CREATE TABLE report_stream (
    proposal_id    uuid PRIMARY KEY,
    last_sequence  bigint NOT NULL
);

-- Status reports to the supervision system: the outbound outbox. Written in the transaction that applies the
-- event they report; delivered in position order per proposal, retried until the supervision system takes them.
CREATE TABLE status_report (
    id               uuid PRIMARY KEY,                 -- the Idempotency-Key of the request
    position         bigserial    NOT NULL UNIQUE,     -- delivery order within a proposal
    proposal_id      uuid         NOT NULL,
    sequence         bigint       NOT NULL,
    type             varchar(40)  NOT NULL,
    unit_id          varchar(100),
    source_event_id  uuid         NOT NULL UNIQUE,     -- the platform event reported
    occurred_at      timestamptz  NOT NULL,
    body             text         NOT NULL,            -- the JSON exactly as it is sent
    status           varchar(20)  NOT NULL,            -- PENDING, DELIVERED, DEAD, DISCARDED
    attempts         integer      NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz  NOT NULL,
    last_attempt_at  timestamptz,
    last_http_status integer,
    last_error       text,
    created_at       timestamptz  NOT NULL,
    delivered_at     timestamptz,
    dead_at          timestamptz,
    UNIQUE (proposal_id, sequence)
);
-- the reports that still hold their proposal's queue: pending ones, and dead letters until resent or discarded
CREATE INDEX status_report_open ON status_report (proposal_id, position) WHERE status IN ('PENDING', 'DEAD');
CREATE INDEX status_report_due ON status_report (next_attempt_at, position) WHERE status = 'PENDING';
CREATE INDEX status_report_dead ON status_report (dead_at) WHERE status = 'DEAD';

-- Directives received from the supervision system, under its own id; a repeat finds its row and changes nothing.
CREATE TABLE received_directive (
    id             uuid PRIMARY KEY,                    -- the platform's directive id, derived from external_id
    external_id    varchar(64)  NOT NULL UNIQUE,
    type           varchar(30)  NOT NULL,
    proposal_id    uuid         NOT NULL,
    unit_id        varchar(100),
    leader_name    text,
    note           text,
    due_date       date,
    request_hash   char(64)     NOT NULL,              -- of what was asked, to tell a repeat from a different directive
    received_at    timestamptz  NOT NULL,
    status         varchar(20)  NOT NULL,              -- ACCEPTED, then APPLIED or REJECTED
    outcome_reason text,
    decided_at     timestamptz
);
CREATE INDEX received_directive_by_proposal ON received_directive (proposal_id, received_at);
