-- The trace each proposal's events join: that of the first event this service published or applied about the
-- proposal (its registration, for an event that started there). Later actions on the proposal, whatever trace
-- their request has, publish their events in this one, so that one trace follows a proposal through every
-- service from its registration to the last rating; the request's own trace is linked to it.
CREATE TABLE proposal_trace (
    proposal_id   uuid PRIMARY KEY,
    trace_parent  text        NOT NULL,
    trace_state   text,
    recorded_at   timestamptz NOT NULL DEFAULT now()
);
