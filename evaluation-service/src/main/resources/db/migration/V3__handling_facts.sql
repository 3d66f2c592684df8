-- What the summary and the evaluation need beyond sign-for, reply and rating, from the other services' events.

-- The proposal's session, plenary or recess, topics, and where the committee's decisions left it.
ALTER TABLE proposal_record
    ADD COLUMN session_id uuid,
    ADD COLUMN source     varchar(20),
    ADD COLUMN topics     text[],
    -- FILED, NOT_FILED, MERGED, WITHDRAWN, CLOSED: null while only submitted
    ADD COLUMN decision   varchar(20),
    ADD COLUMN closed_at  timestamptz;
CREATE INDEX proposal_record_by_session ON proposal_record (session_id, proposal_id);

-- The unit's handling: how the assignment came about, whether it ended with an adjustment, and when the unit
-- gave its co-handling opinion and first contacted the proposer.
ALTER TABLE unit_handling
    ADD COLUMN origin               varchar(30),
    ADD COLUMN ended_at             timestamptz,
    ADD COLUMN opinion_submitted_at timestamptz,
    ADD COLUMN first_contact_at     timestamptz;

-- Contacts with the proposer, with the proposer's dispute: a disputed contact does not count.
CREATE TABLE handling_contact (
    contact_id   uuid PRIMARY KEY,
    proposal_id  uuid         NOT NULL,
    unit_id      varchar(100) NOT NULL,
    channel      varchar(30),
    face_to_face boolean      NOT NULL,
    contacted_at timestamptz  NOT NULL,
    disputed     boolean      NOT NULL DEFAULT false
);
CREATE INDEX handling_contact_by_handling ON handling_contact (unit_id, proposal_id);

-- Work measures the unit's handling of a proposal led to: the summary's appendix.
CREATE TABLE handling_measure (
    measure_id      uuid          NOT NULL,
    proposal_id     uuid          NOT NULL,
    unit_id         varchar(100)  NOT NULL,
    case_id         uuid,
    kind            varchar(30),
    title           varchar(500),
    document_number varchar(100),
    issued_on       date,
    recorded_at     timestamptz,
    PRIMARY KEY (measure_id, proposal_id)
);
CREATE INDEX handling_measure_by_handling ON handling_measure (unit_id, proposal_id);

-- Promises of B and C replies kept: when each was due and when it was reported done.
CREATE TABLE handling_commitment (
    commitment_id uuid PRIMARY KEY,
    proposal_id   uuid          NOT NULL,
    unit_id       varchar(100)  NOT NULL,
    description   varchar(2000),
    due_date      date,
    fulfilled_at  timestamptz   NOT NULL,
    measure_id    uuid
);
CREATE INDEX handling_commitment_by_handling ON handling_commitment (unit_id, proposal_id);

-- Every deadline a unit missed, as assignment-service announced it: what an evaluation deducts points for.
CREATE TABLE missed_deadline (
    event_id          uuid PRIMARY KEY,
    proposal_id       uuid          NOT NULL,
    unit_id           varchar(100)  NOT NULL,
    assignment_id     uuid,
    clock             varchar(40)   NOT NULL,
    due               date,
    working_days_late integer,
    occurred_at       timestamptz
);
CREATE INDEX missed_deadline_by_handling ON missed_deadline (unit_id, proposal_id);
