-- The office's adjustments to a unit's points sheet of a year (绩效评价加减分): plus or minus points with the reason,
-- always shown on the sheet. Never edited or deleted: a withdrawal is recorded on the adjustment, with who withdrew it,
-- when and why, and a withdrawn adjustment no longer counts in the total.
CREATE TABLE evaluation_adjustment (
    id                 uuid PRIMARY KEY,
    unit_id            varchar(100)  NOT NULL,
    year               integer       NOT NULL,
    points             numeric(6, 2) NOT NULL CHECK (points <> 0),
    reason             varchar(2000) NOT NULL,
    created_at         timestamptz   NOT NULL,
    created_by_id      varchar(100),
    created_by_name    varchar(200),
    withdrawn_at       timestamptz,
    withdrawn_by_id    varchar(100),
    withdrawn_by_name  varchar(200),
    withdrawal_reason  varchar(2000),
    CONSTRAINT evaluation_adjustment_withdrawal_has_reason
        CHECK (withdrawn_at IS NULL OR withdrawal_reason IS NOT NULL)
);
CREATE INDEX evaluation_adjustment_by_sheet ON evaluation_adjustment (unit_id, year, created_at);
