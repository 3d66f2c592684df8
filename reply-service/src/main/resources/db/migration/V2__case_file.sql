-- Who answers for the case (领导分工责任制 + 承办工作责任制), as assignment-service last announced it: the review
-- chain follows these people by name. Null until the unit's office records them.
ALTER TABLE handling_case
    ADD COLUMN division_id        varchar(100),
    ADD COLUMN division_name      varchar(200),
    ADD COLUMN bureau_head_id     varchar(100),
    ADD COLUMN bureau_head_name   varchar(200),
    ADD COLUMN deputy_head_id     varchar(100),
    ADD COLUMN deputy_head_name   varchar(200),
    ADD COLUMN division_head_id   varchar(100),
    ADD COLUMN division_head_name varchar(200),
    ADD COLUMN handler_id         varchar(100),
    ADD COLUMN handler_name       varchar(200),
    ADD COLUMN responsibility_at  timestamptz,
    -- a key proposal (重点提案) is reviewed by the bureau head as well and needs a face-to-face contact
    ADD COLUMN key_proposal       boolean     NOT NULL DEFAULT false,
    -- 1, then 2, 3 ... each time the proposal is reopened for re-handling
    ADD COLUMN handling_round     integer     NOT NULL DEFAULT 1,
    -- set when the assignment ended with the unit's adjustment request
    ADD COLUMN ended_at           timestamptz,
    ADD COLUMN end_note           varchar(2000);

-- Proposals the city made key proposals, whether or not their cases are open yet (the events may come first).
CREATE TABLE key_proposal (
    proposal_id   uuid PRIMARY KEY,
    leader_name   varchar(200),
    supervised_at timestamptz NOT NULL
);

-- Proposals merged into another (并案): their proposers receive the reply to the proposal they were merged into.
CREATE TABLE merged_proposal (
    proposal_id      uuid PRIMARY KEY,
    into_proposal_id uuid         NOT NULL,
    number           varchar(50),
    proposer_id      varchar(100),
    proposer_name    varchar(200),
    merged_at        timestamptz  NOT NULL
);
CREATE INDEX merged_proposal_into ON merged_proposal (into_proposal_id);
