package org.proposals.events.assignment;

import org.proposals.events.EventType;
import org.proposals.events.ProposalEvent;
import org.proposals.events.Topics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The committee granted an extension: the reply is now due on {@code newDue}. */
@EventType(name = "ExtensionGranted", version = 1, aggregateType = "Assignment", topic = Topics.ASSIGNMENT_EVENTS)
public record ExtensionGranted(
        UUID assignmentId,
        UUID proposalId,
        String unitId,
        UUID requestId,
        LocalDate previousDue,
        LocalDate newDue,
        String decisionNote,
        OffsetDateTime grantedAt) implements ProposalEvent {

    @Override
    public String aggregateId() {
        return assignmentId.toString();
    }
}
