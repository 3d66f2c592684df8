-- A co-handling unit's opinion (会办意见) for the lead unit, or the lead unit's waiver of one that did not come:
-- at most one per co-handling case. Kept against the co-handling case with its proposal and lead unit, so that an
-- opinion is accepted whether or not the lead unit's case is open yet. Never shown to the proposer.
CREATE TABLE co_handling_opinion (
    id                uuid PRIMARY KEY,
    case_id           uuid          NOT NULL REFERENCES handling_case (id),
    assignment_id     uuid          NOT NULL,
    proposal_id       uuid          NOT NULL,
    unit_id           varchar(100)  NOT NULL,
    lead_unit_id      varchar(100),
    state             varchar(20)   NOT NULL,
    text              text,
    suggestions       text[]        NOT NULL DEFAULT '{}',
    submitted_by_id   varchar(100),
    submitted_by_name varchar(200),
    submitted_at      timestamptz,
    waiver_reason     varchar(2000),
    waived_by_id      varchar(100),
    waived_by_name    varchar(200),
    waived_at         timestamptz,
    version           bigint        NOT NULL DEFAULT 0,
    CONSTRAINT co_handling_opinion_one_per_case UNIQUE (case_id),
    CONSTRAINT co_handling_opinion_state CHECK (state IN ('SUBMITTED', 'WAIVED')),
    CONSTRAINT co_handling_opinion_submitted CHECK ((state = 'SUBMITTED') = (submitted_at IS NOT NULL AND text IS NOT NULL)),
    CONSTRAINT co_handling_opinion_waived CHECK ((state = 'WAIVED') = (waived_at IS NOT NULL AND waiver_reason IS NOT NULL))
);
CREATE INDEX co_handling_opinion_proposal ON co_handling_opinion (proposal_id, lead_unit_id);

-- The unit's contacts with the proposer (走访调研、座谈交流、电话沟通 ...), each confirmed or disputed by the proposer.
-- A disputed contact stays on record but no longer counts for the unit.
CREATE TABLE contact_record (
    id               uuid PRIMARY KEY,
    case_id          uuid          NOT NULL REFERENCES handling_case (id),
    assignment_id    uuid          NOT NULL,
    proposal_id      uuid          NOT NULL,
    unit_id          varchar(100)  NOT NULL,
    channel          varchar(30)   NOT NULL,
    face_to_face     boolean       NOT NULL,
    contacted_at     timestamptz   NOT NULL,
    participants     text[]        NOT NULL,
    summary          text          NOT NULL,
    recorded_by_id   varchar(100),
    recorded_by_name varchar(200),
    recorded_at      timestamptz   NOT NULL,
    confirmation     varchar(20)   NOT NULL DEFAULT 'UNANSWERED',
    proposer_comment varchar(2000),
    answered_by_id   varchar(100),
    answered_at      timestamptz,
    version          bigint        NOT NULL DEFAULT 0,
    CONSTRAINT contact_record_confirmation CHECK (confirmation IN ('UNANSWERED', 'CONFIRMED', 'DISPUTED')),
    CONSTRAINT contact_record_answered CHECK ((confirmation = 'UNANSWERED') = (answered_at IS NULL))
);
CREATE INDEX contact_record_case ON contact_record (case_id, contacted_at DESC);
