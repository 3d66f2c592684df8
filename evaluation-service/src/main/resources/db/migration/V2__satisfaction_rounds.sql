-- Ratings per handling round: the proposer rates the formal reply of each round (the first reply, then the
-- reply after each re-handling); a merged proposal's proposer, who receives the reply too, rates it as well.

-- Each formal reply of a unit as the reply service reports it (ReplyApproved, then ReplyDelivered), kept for
-- every round so that the rating window and who may rate are known per reply.
CREATE TABLE reply_round (
    reply_id        uuid PRIMARY KEY,
    proposal_id     uuid          NOT NULL,
    unit_id         varchar(100)  NOT NULL,
    round           integer,                -- the handling round the reply closes; ReplyApproved's round, null there means 1
    purpose         varchar(20),            -- INITIAL, REHANDLING or FOLLOW_UP (null in ReplyApproved means INITIAL);
                                            -- a FOLLOW_UP reply (once a promised measure is done) opens no rating
    approved_at     timestamptz,
    delivered_on    date,                   -- ReplyDelivered: the rating window opens on this day
    rating_due      date                    -- the window's last day: delivered_on + evaluation.rating.window working days
);
CREATE INDEX reply_round_by_handling ON reply_round (proposal_id, unit_id, round);
-- Replies awaiting ratings, by unit and by the end of their window
CREATE INDEX reply_round_delivered ON reply_round (unit_id, rating_due) WHERE delivered_on IS NOT NULL;

-- Who received each delivered reply (ReplyDelivered.recipients): the proposal's proposer and those of the
-- proposals merged into it. Exactly these people may rate the reply, one rating each.
CREATE TABLE reply_recipient (
    reply_id        uuid          NOT NULL REFERENCES reply_round (reply_id),
    proposer_id     varchar(100)  NOT NULL,
    proposer_name   varchar(200),
    PRIMARY KEY (reply_id, proposer_id)
);
CREATE INDEX reply_recipient_by_proposer ON reply_recipient (proposer_id);

-- A rating is now one per proposer per round of a unit's handling, with the unit's attitude in communication
-- and the result rated separately from the overall rating (both optional, on the same three-level scale).
ALTER TABLE satisfaction DROP CONSTRAINT satisfaction_one_per_reply;
ALTER TABLE satisfaction
    ADD COLUMN round      integer     NOT NULL DEFAULT 1,
    ADD COLUMN attitude   varchar(30),
    ADD COLUMN result     varchar(30),
    ADD COLUMN rating_due date,                          -- the window's last day when rated
    ADD COLUMN late       boolean     NOT NULL DEFAULT false;   -- rated after rating_due: accepted, flagged
ALTER TABLE satisfaction ALTER COLUMN round DROP DEFAULT;
ALTER TABLE satisfaction
    ADD CONSTRAINT satisfaction_one_per_proposer_and_round UNIQUE (proposal_id, unit_id, round, proposer_id);
CREATE INDEX satisfaction_by_reply ON satisfaction (reply_id);

-- The re-handling an unsatisfied rating asked for: one per proposal, unit and rated round, announced with
-- RehandlingRequested in the transaction of the rating.
CREATE TABLE rehandling_request (
    id              uuid PRIMARY KEY,
    proposal_id     uuid          NOT NULL,
    unit_id         varchar(100)  NOT NULL,
    round           integer       NOT NULL,   -- the round rated unsatisfied; re-handling is round + 1
    reply_id        uuid          NOT NULL,
    proposer_id     varchar(100)  NOT NULL,
    reason          varchar(2000),
    requested_at    timestamptz   NOT NULL,
    CONSTRAINT rehandling_request_one_per_round UNIQUE (proposal_id, unit_id, round)
);

-- The unit's handling keeps the rounds apart:
--   reply_id, result_category, replied_at  the formal reply of the latest round (a FOLLOW_UP reply changes none of them)
--   reply_round                            the round of that reply, 1 until re-handling
--   rating, rated_at                       that round's rating: the least satisfied of its proposers' overall
--                                          ratings; null until rated, and again once a new round's reply arrives
--   first_round_rating, first_round_rated_at  round 1's rating, kept through re-handling: first-round satisfaction
--   reopened_round                         the latest round the unit was reopened for (ProposalReopened); re-handling
--                                          is under way while it is greater than reply_round
-- so that first-round satisfaction (first_round_rating) and satisfaction after re-handling (rating where
-- reply_round > 1) can both be counted.
ALTER TABLE unit_handling
    ADD COLUMN reply_round           integer,
    ADD COLUMN first_round_rating    varchar(30),
    ADD COLUMN first_round_rated_at  timestamptz,
    ADD COLUMN reopened_round        integer;
UPDATE unit_handling SET reply_round = 1 WHERE reply_id IS NOT NULL;
UPDATE unit_handling SET first_round_rating = rating, first_round_rated_at = rated_at WHERE rating IS NOT NULL;

-- Replies approved before this version: their round is 1; they can be rated once their delivery is reported.
INSERT INTO reply_round (reply_id, proposal_id, unit_id, round, purpose, approved_at)
SELECT reply_id, proposal_id, unit_id, 1, 'INITIAL', replied_at FROM unit_handling WHERE reply_id IS NOT NULL;
