-- When the unit's reply (or co-handling opinion) was approved: its clock stops.
ALTER TABLE assignment ADD COLUMN replied_at timestamptz;

-- Each reminder and escalation goes out once: the scheduler inserts the notice it means to send, and only
-- the replica whose insert succeeds publishes it, in the same transaction.
CREATE TABLE deadline_notice (
    assignment_id uuid        NOT NULL REFERENCES assignment (id),
    clock         varchar(40) NOT NULL,
    due           date        NOT NULL,
    notice        varchar(40) NOT NULL,   -- APPROACHING_<n> (working days left) or MISSED_<level>
    sent_at       timestamptz NOT NULL,
    PRIMARY KEY (assignment_id, clock, due, notice)
);
