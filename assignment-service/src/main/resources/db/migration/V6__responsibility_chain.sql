-- Who answers for an assignment inside the unit: the responsible division and the four levels of the
-- responsibility chain (四级办理机制), each a person of the unit's master data.
ALTER TABLE assignment
    ADD COLUMN division_id      varchar(100),
    ADD COLUMN bureau_head_id   varchar(100),
    ADD COLUMN deputy_head_id   varchar(100),
    ADD COLUMN division_head_id varchar(100),
    ADD COLUMN handler_id       varchar(100),
    ADD COLUMN responsibility_assigned_at timestamptz;
CREATE INDEX assignment_division ON assignment (division_id) WHERE division_id IS NOT NULL;
CREATE INDEX assignment_handler ON assignment (handler_id) WHERE handler_id IS NOT NULL;
