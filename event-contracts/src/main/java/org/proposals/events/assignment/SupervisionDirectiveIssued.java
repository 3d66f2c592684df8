package org.proposals.events.assignment;

import org.proposals.events.EventType;
import org.proposals.events.ProposalEvent;
import org.proposals.events.Topics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The supervision office directed a unit about an assignment: {@code URGE} (督办), {@code PROGRESS_REPORT}
 * (report progress by {@code dueDate}) or {@code EARLIER_DEADLINE} (reply by {@code dueDate} instead).
 */
@EventType(name = "SupervisionDirectiveIssued", version = 1, aggregateType = "Assignment", topic = Topics.ASSIGNMENT_EVENTS)
public record SupervisionDirectiveIssued(
        UUID directiveId,
        UUID assignmentId,
        UUID proposalId,
        String unitId,
        String type,
        String note,
        LocalDate dueDate,
        OffsetDateTime issuedAt) implements ProposalEvent {

    @Override
    public String aggregateId() {
        return assignmentId.toString();
    }
}
