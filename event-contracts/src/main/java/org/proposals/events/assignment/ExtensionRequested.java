package org.proposals.events.assignment;

import org.proposals.events.EventType;
import org.proposals.events.ProposalEvent;
import org.proposals.events.Topics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A unit asked, before its reply deadline, for a later one, with its reason. */
@EventType(name = "ExtensionRequested", version = 1, aggregateType = "Assignment", topic = Topics.ASSIGNMENT_EVENTS)
public record ExtensionRequested(
        UUID assignmentId,
        UUID proposalId,
        String unitId,
        UUID requestId,
        String reason,
        LocalDate currentDue,
        LocalDate requestedDue,
        OffsetDateTime requestedAt) implements ProposalEvent {

    @Override
    public String aggregateId() {
        return assignmentId.toString();
    }
}
