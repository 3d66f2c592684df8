package org.proposals.evaluation;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A delivered formal reply that one of its proposers has not rated yet.
 *
 * @param round       the handling round of the reply
 * @param windowEnds  the last day of the rating window
 * @param overdue     the window has passed: the rating is missing (it is still accepted, flagged late)
 */
public record PendingRating(
        UUID replyId,
        UUID proposalId,
        String unitId,
        int round,
        String proposerId,
        String proposerName,
        LocalDate deliveredOn,
        LocalDate windowEnds,
        boolean overdue) {
}
