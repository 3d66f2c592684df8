package org.proposals.events.assignment;

import org.proposals.events.EventType;
import org.proposals.events.ProposalEvent;
import org.proposals.events.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The committee refused a unit's adjustment request: the unit keeps the assignment and its clocks. */
@EventType(name = "AssignmentAdjustmentRejected", version = 1, aggregateType = "Assignment", topic = Topics.ASSIGNMENT_EVENTS)
public record AssignmentAdjustmentRejected(
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
