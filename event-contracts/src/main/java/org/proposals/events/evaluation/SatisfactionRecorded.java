package org.proposals.events.evaluation;

import org.proposals.events.EventType;
import org.proposals.events.ProposalEvent;
import org.proposals.events.SatisfactionRating;
import org.proposals.events.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A proposer rated a unit's formal reply.
 *
 * @param rating   the overall rating
 * @param round    the handling round the rated reply closed (added compatibly; null from older producers means 1)
 * @param attitude the unit's attitude in communicating with the proposer (added compatibly; null when not given)
 * @param result   the result of the handling (added compatibly; null when not given)
 * @param late     rated after the rating window closed (added compatibly; null from older producers)
 */
@EventType(name = "SatisfactionRecorded", version = 1, aggregateType = "Satisfaction", topic = Topics.EVALUATION_EVENTS)
public record SatisfactionRecorded(
        UUID satisfactionId,
        UUID proposalId,
        UUID replyId,
        String unitId,
        String proposerId,
        SatisfactionRating rating,
        String comment,
        OffsetDateTime recordedAt,
        Integer round,
        SatisfactionRating attitude,
        SatisfactionRating result,
        Boolean late) implements ProposalEvent {

    /** An overall rating of a first-round reply, as the first producers wrote it. */
    public SatisfactionRecorded(UUID satisfactionId, UUID proposalId, UUID replyId, String unitId, String proposerId,
                                SatisfactionRating rating, String comment, OffsetDateTime recordedAt) {
        this(satisfactionId, proposalId, replyId, unitId, proposerId, rating, comment, recordedAt, null, null, null, null);
    }

    @Override
    public String aggregateId() {
        return satisfactionId.toString();
    }
}
