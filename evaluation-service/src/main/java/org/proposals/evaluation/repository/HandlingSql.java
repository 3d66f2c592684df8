package org.proposals.evaluation.repository;

/** The SQL the figures share, so that statistics, overdue items and the summary count a handling the same way. */
public final class HandlingSql {

    private HandlingSql() {
    }

    /**
     * Whether the handling {@code alias} of unit_handling is done for its current round: a co-handling unit once its
     * opinion is given; any other once its formal reply is approved, unless the proposal was reopened for a later
     * round it has not replied to yet.
     */
    public static String done(String alias) {
        return "(CASE WHEN " + alias + ".handling_type = 'CO_HANDLING' THEN " + alias + ".opinion_submitted_at IS NOT NULL"
                + " ELSE " + alias + ".reply_id IS NOT NULL AND (" + alias + ".reopened_round IS NULL OR " + alias
                + ".reopened_round <= COALESCE(" + alias + ".reply_round, 1)) END)";
    }
}
