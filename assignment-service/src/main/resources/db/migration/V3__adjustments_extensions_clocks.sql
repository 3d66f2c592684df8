-- Clocks depend on the kind of proposal and on when it was put forward (plenary or recess).
ALTER TABLE assignable_proposal ADD COLUMN source varchar(20) NOT NULL DEFAULT 'PLENARY';

-- Every clock an assignment runs, and how it came about (the first assignment, or in place of a unit
-- whose adjustment request was granted). An adjusted assignment ends; its row stays as history.
ALTER TABLE assignment
    ADD COLUMN origin             varchar(30) NOT NULL DEFAULT 'INITIAL',
    ADD COLUMN adjustment_due     date,
    ADD COLUMN first_contact_due  date,
    ADD COLUMN original_reply_due date,
    ADD COLUMN ended_at           timestamptz;
UPDATE assignment SET adjustment_due = sign_for_due, original_reply_due = reply_due;
ALTER TABLE assignment DROP CONSTRAINT assignment_unit_once;
-- A unit holds one live assignment per proposal; an adjusted one may be followed by a new one later.
CREATE UNIQUE INDEX assignment_unit_once ON assignment (proposal_id, unit_id) WHERE ended_at IS NULL;

-- A unit's request to be relieved of an assignment or to have it changed (退回/申请调整), and the decision.
CREATE TABLE adjustment_request (
    id                uuid PRIMARY KEY,
    assignment_id     uuid          NOT NULL REFERENCES assignment (id),
    proposal_id       uuid          NOT NULL,
    unit_id           varchar(100)  NOT NULL,
    reason            varchar(2000) NOT NULL,
    suggested_unit_id varchar(100),
    requested_at      timestamptz   NOT NULL,
    requested_by      varchar(100)  NOT NULL,
    decision_due      date          NOT NULL,
    status            varchar(20)   NOT NULL,
    decided_at        timestamptz,
    decided_by        varchar(100),
    decision_note     varchar(2000),
    decided_late      boolean,
    version           bigint        NOT NULL DEFAULT 0
);
CREATE INDEX adjustment_request_status ON adjustment_request (status, decision_due);
CREATE INDEX adjustment_request_assignment ON adjustment_request (assignment_id);
-- At most one undecided request per assignment.
CREATE UNIQUE INDEX adjustment_request_pending ON adjustment_request (assignment_id) WHERE status = 'PENDING';

-- A unit's request for a later reply deadline, and the decision.
CREATE TABLE extension_request (
    id            uuid PRIMARY KEY,
    assignment_id uuid          NOT NULL REFERENCES assignment (id),
    proposal_id   uuid          NOT NULL,
    unit_id       varchar(100)  NOT NULL,
    reason        varchar(2000) NOT NULL,
    current_due   date          NOT NULL,
    requested_due date          NOT NULL,
    requested_at  timestamptz   NOT NULL,
    requested_by  varchar(100)  NOT NULL,
    status        varchar(20)   NOT NULL,
    decided_at    timestamptz,
    decided_by    varchar(100),
    decision_note varchar(2000),
    granted_due   date,
    version       bigint        NOT NULL DEFAULT 0
);
CREATE INDEX extension_request_status ON extension_request (status, requested_at);
CREATE INDEX extension_request_assignment ON extension_request (assignment_id);
CREATE UNIQUE INDEX extension_request_pending ON extension_request (assignment_id) WHERE status = 'PENDING';
