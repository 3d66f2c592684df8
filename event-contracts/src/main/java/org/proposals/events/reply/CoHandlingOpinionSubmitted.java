package org.proposals.events.reply;

import org.proposals.events.EventType;
import org.proposals.events.ProposalEvent;
import org.proposals.events.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A co-handling unit submitted its opinion (会办意见) to the lead unit: its opinion clock stops. The opinion goes to
 * the lead unit only, never to the proposer; the event carries no text.
 */
@EventType(name = "CoHandlingOpinionSubmitted", version = 1, aggregateType = "Case", topic = Topics.REPLY_EVENTS)
public record CoHandlingOpinionSubmitted(
        UUID opinionId,
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
