package org.proposals.events.assignment;

import org.proposals.events.EventType;
import org.proposals.events.ProposalEvent;
import org.proposals.events.Topics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A unit asked, within its adjustment window, to be relieved of an assignment or to have it changed
 * (退回/申请调整), with its reason; the committee decides by {@code decisionDue}.
 */
@EventType(name = "AssignmentAdjustmentRequested", version = 1, aggregateType = "Assignment", topic = Topics.ASSIGNMENT_EVENTS)
public record AssignmentAdjustmentRequested(
        UUID assignmentId,
        UUID proposalId,
        String unitId,
        UUID requestId,
        String reason,
        String suggestedUnitId,
        OffsetDateTime requestedAt,
        LocalDate decisionDue) implements ProposalEvent {

    @Override
    public String aggregateId() {
        return assignmentId.toString();
    }
}
