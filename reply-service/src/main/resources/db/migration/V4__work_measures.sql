-- Work measures a unit's proposals led to (提案转化为实际工作措施): policy documents, action plans, events,
-- platforms. One measure may stem from several proposals of the unit, and one proposal may lead to many.
CREATE TABLE work_measure (
    id               uuid PRIMARY KEY,
    unit_id          varchar(100)  NOT NULL,
    kind             varchar(30)   NOT NULL,
    title            varchar(500)  NOT NULL,
    -- the document's number (文号), e.g. 工信发〔2022〕12号
    document_number  varchar(100),
    issued_on        date          NOT NULL,
    issuer           varchar(200),
    description      text,
    recorded_at      timestamptz   NOT NULL,
    recorded_by_id   varchar(100),
    recorded_by_name varchar(200),
    corrected_at     timestamptz,
    version          bigint        NOT NULL DEFAULT 0
);
CREATE INDEX work_measure_unit_issued ON work_measure (unit_id, issued_on DESC);
CREATE INDEX work_measure_issued ON work_measure (issued_on DESC);

-- The case files (and so the proposals) a measure stems from; linking a case again changes nothing.
CREATE TABLE work_measure_case (
    measure_id   uuid         NOT NULL REFERENCES work_measure (id),
    case_id      uuid         NOT NULL REFERENCES handling_case (id),
    proposal_id  uuid         NOT NULL,
    linked_at    timestamptz  NOT NULL,
    linked_by_id varchar(100),
    PRIMARY KEY (measure_id, case_id)
);
CREATE INDEX work_measure_case_case ON work_measure_case (case_id);
CREATE INDEX work_measure_case_proposal ON work_measure_case (proposal_id);
