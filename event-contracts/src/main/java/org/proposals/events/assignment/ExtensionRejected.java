package org.proposals.events.assignment;

import org.proposals.events.EventType;
import org.proposals.events.ProposalEvent;
import org.proposals.events.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The committee refused an extension: the reply stays due when it was. */
@EventType(name = "ExtensionRejected", version = 1, aggregateType = "Assignment", topic = Topics.ASSIGNMENT_EVENTS)
public record ExtensionRejected(
        UUID assignmentId,
        UUID proposalId,
        String unitId,
        UUID requestId,
        String decisionNote,
        OffsetDateTime rejectedAt) implements ProposalEvent {

    @Override
    public String aggregateId() {
        return assignmentId.toString();
    }
}
