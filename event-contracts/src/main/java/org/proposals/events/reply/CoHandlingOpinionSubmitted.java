package org.proposals.events.reply;

import org.proposals.events.EventType;
import org.proposals.events.ProposalEvent;
import org.proposals.events.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A co-handling unit submitted its opinion (会办意见) to the lead unit's case: its opinion clock stops. */
@EventType(name = "CoHandlingOpinionSubmitted", version = 1, aggregateType = "Case", topic = Topics.REPLY_EVENTS)
public record CoHandlingOpinionSubmitted(
        UUID caseId,
        UUID assignmentId,
        UUID proposalId,
        String unitId,
        String leadUnitId,
        OffsetDateTime submittedAt) implements ProposalEvent {

    @Override
    public String aggregateId() {
        return caseId.toString();
    }
}
