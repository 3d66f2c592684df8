package org.proposals.events.assignment;

import org.proposals.events.EventType;
import org.proposals.events.ProposalEvent;
import org.proposals.events.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A directive the supervision system sent could not be applied, for the {@code reason} given: the unit has
 * replied already, the proposal is not assignable, the due date is not earlier than the deadline, and so on.
 */
@EventType(name = "SupervisionDirectiveRejected", version = 1, aggregateType = "Proposal", topic = Topics.ASSIGNMENT_EVENTS)
public record SupervisionDirectiveRejected(
        UUID directiveId,
        UUID proposalId,
        String unitId,
        String reason,
        OffsetDateTime rejectedAt) implements ProposalEvent {

    @Override
    public String aggregateId() {
        return proposalId.toString();
    }
}
