package org.proposals.events.evaluation;

import org.proposals.events.EventType;
import org.proposals.events.ProposalEvent;
import org.proposals.events.SatisfactionRating;
import org.proposals.events.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The proposer rated a unit's formal reply. */
@EventType(name = "SatisfactionRecorded", version = 1, aggregateType = "Satisfaction", topic = Topics.EVALUATION_EVENTS)
public record SatisfactionRecorded(
        UUID satisfactionId,
        UUID proposalId,
        UUID replyId,
        String unitId,
        String proposerId,
        SatisfactionRating rating,
        String comment,
        OffsetDateTime recordedAt) implements ProposalEvent {

    @Override
    public String aggregateId() {
        return satisfactionId.toString();
    }
}
