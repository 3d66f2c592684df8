package org.proposals.events.assignment;

import org.proposals.events.EventType;
import org.proposals.events.ProposalEvent;
import org.proposals.events.Topics;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The committee granted a unit's adjustment request: the unit's assignment ends, and the units that take
 * the proposal over (if any) each get a ProposalAssigned of their own.
 *
 * @param replacementAssignmentIds the assignments made in its place, possibly none
 */
@EventType(name = "AssignmentAdjusted", version = 1, aggregateType = "Assignment", topic = Topics.ASSIGNMENT_EVENTS)
public record AssignmentAdjusted(
        UUID assignmentId,
        UUID proposalId,
        String unitId,
        UUID requestId,
        String decisionNote,
        List<UUID> replacementAssignmentIds,
        OffsetDateTime adjustedAt) implements ProposalEvent {

    @Override
    public String aggregateId() {
        return assignmentId.toString();
    }
}
