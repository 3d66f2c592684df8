-- A reply is the unit's answer for one round (and the second reply once a promised measure is done). Its text
-- and content live in numbered versions; the row keeps where it stands in review, consultation and delivery.
ALTER TABLE reply
    DROP CONSTRAINT reply_approved_at_iff_approved,
    ALTER COLUMN result_category DROP NOT NULL,
    ADD COLUMN purpose          varchar(20)  NOT NULL DEFAULT 'INITIAL',
    ADD COLUMN handling_round   integer      NOT NULL DEFAULT 1,
    ADD COLUMN current_version  integer      NOT NULL DEFAULT 1,
    ADD COLUMN review_level     varchar(20),
    ADD COLUMN disclosure       varchar(10),
    ADD COLUMN disclosure_note  varchar(4000),
    ADD COLUMN delivered_on     date,
    ADD COLUMN delivery_channel varchar(20),
    ADD COLUMN delivered_at     timestamptz,
    ADD COLUMN signed_by_id     varchar(100),
    ADD COLUMN signed_by_name   varchar(200);
DROP INDEX reply_one_approved_per_case;
-- Before versions, a case could collect several drafts: all but the newest unfinished one are set aside.
UPDATE reply r SET status = 'SUPERSEDED'
 WHERE r.status = 'DRAFT'
   AND (EXISTS (SELECT 1 FROM reply a WHERE a.case_id = r.case_id AND a.status = 'APPROVED')
        OR EXISTS (SELECT 1 FROM reply n WHERE n.case_id = r.case_id AND n.status = 'DRAFT'
                   AND (n.created_at, n.id) > (r.created_at, r.id)));
-- one formal reply per case, round and purpose; at most one reply in the works per case
CREATE UNIQUE INDEX reply_one_formal_per_round ON reply (case_id, handling_round, purpose)
    WHERE status IN ('APPROVED', 'DELIVERED');
CREATE UNIQUE INDEX reply_one_in_the_works ON reply (case_id)
    WHERE status NOT IN ('APPROVED', 'DELIVERED', 'SUPERSEDED');
ALTER TABLE reply ADD CONSTRAINT reply_approved_at_iff_formal
    CHECK ((status IN ('APPROVED', 'DELIVERED')) = (approved_at IS NOT NULL));

-- Every version of a reply as the handler wrote it: never changed, never deleted.
CREATE TABLE reply_version (
    id                 uuid PRIMARY KEY,
    reply_id           uuid         NOT NULL REFERENCES reply (id),
    number             integer      NOT NULL,
    result_category    varchar(5),
    text               text         NOT NULL,
    answers            jsonb        NOT NULL,
    measures_taken     jsonb        NOT NULL,
    measures_promised  jsonb        NOT NULL,
    reflected_opinions jsonb        NOT NULL,
    created_at         timestamptz  NOT NULL,
    created_by_id      varchar(100) NOT NULL,
    created_by_name    varchar(200),
    CONSTRAINT reply_version_number_unique UNIQUE (reply_id, number)
);
-- replies drafted before versions become their own version 1
INSERT INTO reply_version (id, reply_id, number, result_category, text, answers, measures_taken, measures_promised,
                           reflected_opinions, created_at, created_by_id)
SELECT gen_random_uuid(), id, 1, result_category, text, '[]', '[]', '[]', '[]', created_at, 'unknown' FROM reply;

-- Each level's decision on a version: approved, or returned to the handler with comments.
CREATE TABLE reply_review (
    id             uuid PRIMARY KEY,
    reply_id       uuid         NOT NULL REFERENCES reply (id),
    version_number integer      NOT NULL,
    level          varchar(20)  NOT NULL,
    decision       varchar(10)  NOT NULL,
    comments       varchar(4000),
    reviewer_id    varchar(100) NOT NULL,
    reviewer_name  varchar(200),
    decided_at     timestamptz  NOT NULL
);
CREATE INDEX reply_review_reply ON reply_review (reply_id, decided_at);

-- The reviewed draft put to the proposer before the reply is final (先行征询意见), and what they said.
CREATE TABLE reply_consultation (
    id              uuid PRIMARY KEY,
    reply_id        uuid         NOT NULL REFERENCES reply (id),
    version_number  integer      NOT NULL,
    sent_at         timestamptz  NOT NULL,
    sent_by_id      varchar(100) NOT NULL,
    sent_by_name    varchar(200),
    answered_at     timestamptz,
    agrees          boolean,
    comments        varchar(4000),
    answer_channel  varchar(20),
    answered_by_id  varchar(100),
    answered_by_name varchar(200)
);
CREATE INDEX reply_consultation_reply ON reply_consultation (reply_id, sent_at);

-- Measures a B or C reply promised, with their due dates: done, they call for a second reply.
CREATE TABLE commitment (
    id            uuid PRIMARY KEY,
    case_id       uuid          NOT NULL REFERENCES handling_case (id),
    reply_id      uuid          NOT NULL REFERENCES reply (id),
    description   varchar(2000) NOT NULL,
    due_date      date          NOT NULL,
    status        varchar(20)   NOT NULL,
    fulfilled_at  timestamptz,
    fulfilled_by  varchar(100),
    measure_id    uuid,
    note          varchar(4000),
    version       bigint        NOT NULL DEFAULT 0
);
CREATE INDEX commitment_case ON commitment (case_id);
CREATE INDEX commitment_open_due ON commitment (due_date) WHERE status = 'OPEN';

-- A later reply deadline the unit asked for from its case; assignment-service registers and decides it.
CREATE TABLE extension_request (
    id            uuid PRIMARY KEY,
    case_id       uuid          NOT NULL REFERENCES handling_case (id),
    reason        varchar(2000) NOT NULL,
    current_due   date          NOT NULL,
    requested_due date          NOT NULL,
    requested_at  timestamptz   NOT NULL,
    requested_by  varchar(100)  NOT NULL,
    status        varchar(20)   NOT NULL,
    granted_due   date,
    decision_note varchar(2000),
    decided_at    timestamptz
);
CREATE INDEX extension_request_case ON extension_request (case_id, requested_at);
CREATE UNIQUE INDEX extension_request_one_pending ON extension_request (case_id) WHERE status = 'PENDING';
