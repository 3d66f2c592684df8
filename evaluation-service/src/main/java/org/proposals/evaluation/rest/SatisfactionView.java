package org.proposals.evaluation.rest;

import org.proposals.evaluation.Satisfaction;
import org.proposals.events.SatisfactionRating;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A recorded rating as the API shows it. */
public record SatisfactionView(
        UUID id,
        UUID replyId,
        UUID proposalId,
        String unitId,
        String proposerId,
        SatisfactionRating rating,
        String comment,
        OffsetDateTime recordedAt) {

    public static SatisfactionView of(Satisfaction s) {
        return new SatisfactionView(s.id, s.replyId, s.proposalId, s.unitId, s.proposerId, s.rating, s.comment,
                s.recordedAt);
    }
}
