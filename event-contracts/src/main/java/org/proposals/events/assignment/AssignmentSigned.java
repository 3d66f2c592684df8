package org.proposals.events.assignment;

import org.proposals.events.EventType;
import org.proposals.events.ProposalEvent;
import org.proposals.events.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The unit's office signed for an assignment (签收); {@code late} when after the sign-for deadline. */
@EventType(name = "AssignmentSigned", version = 1, aggregateType = "Assignment", topic = Topics.ASSIGNMENT_EVENTS)
public record AssignmentSigned(
        UUID assignmentId,
        UUID proposalId,
        String unitId,
        OffsetDateTime signedAt,
        boolean late) implements ProposalEvent {

    @Override
    public String aggregateId() {
        return assignmentId.toString();
    }
}
