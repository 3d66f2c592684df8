-- The handlings still open (not ended by an adjustment, not done for their current round), by due date: the overdue
-- items are read from these few instead of from every handling of every year. The predicate is HandlingSql.done,
-- negated, as StatisticsRepository writes it.
CREATE INDEX unit_handling_open ON unit_handling (reply_due_date, unit_id)
    WHERE handling_type IS NOT NULL AND ended_at IS NULL
      AND NOT (CASE WHEN handling_type = 'CO_HANDLING' THEN opinion_submitted_at IS NOT NULL
                    ELSE reply_id IS NOT NULL AND (reopened_round IS NULL OR reopened_round <= COALESCE(reply_round, 1)) END);
