package org.proposals.evaluation.rest;

import org.proposals.evaluation.Satisfaction;
import org.proposals.events.SatisfactionRating;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A recorded rating as the API shows it.
 *
 * @param round     the handling round of the rated reply
 * @param rating    the overall rating
 * @param attitude  the unit's attitude in communication, null when not rated
 * @param result    the result, null when not rated
 * @param ratingDue the last day of the rating window
 * @param late      given after the window
 */
public record SatisfactionView(
        UUID id,
        UUID replyId,
        UUID proposalId,
        String unitId,
        String proposerId,
        int round,
        SatisfactionRating rating,
        SatisfactionRating attitude,
        SatisfactionRating result,
        String comment,
        OffsetDateTime recordedAt,
        LocalDate ratingDue,
        boolean late) {

    public static SatisfactionView of(Satisfaction s) {
        return new SatisfactionView(s.id, s.replyId, s.proposalId, s.unitId, s.proposerId, s.round, s.rating, s.attitude,
                s.result, s.comment, s.recordedAt, s.ratingDue, s.late);
    }
}
