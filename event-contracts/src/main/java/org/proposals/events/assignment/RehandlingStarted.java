package org.proposals.events.assignment;

import org.proposals.events.EventType;
import org.proposals.events.ProposalEvent;
import org.proposals.events.Topics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A unit's assignment entered a new handling round after the proposal was reopened (重新办理): the unit owes a new
 * formal reply by {@code replyDue}, counted on the re-handling clock from the day it started.
 */
@EventType(name = "RehandlingStarted", version = 1, aggregateType = "Assignment", topic = Topics.ASSIGNMENT_EVENTS)
public record RehandlingStarted(
        UUID assignmentId,
        UUID proposalId,
        String unitId,
        int round,
        LocalDate replyDue,
        OffsetDateTime startedAt) implements ProposalEvent {

    @Override
    public String aggregateId() {
        return assignmentId.toString();
    }
}
