package org.proposals.events.assignment;

import org.proposals.events.EventType;
import org.proposals.events.ProposalEvent;
import org.proposals.events.Topics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A unit reported its progress on an assignment, as a {@code PROGRESS_REPORT} directive of the supervision office
 * asked it to by {@code dueDate}; {@code late} when it came after that day.
 */
@EventType(name = "ProgressReportSubmitted", version = 1, aggregateType = "Assignment", topic = Topics.ASSIGNMENT_EVENTS)
public record ProgressReportSubmitted(
        UUID directiveId,
        UUID assignmentId,
        UUID proposalId,
        String unitId,
        String progress,
        LocalDate dueDate,
        OffsetDateTime submittedAt,
        boolean late) implements ProposalEvent {

    @Override
    public String aggregateId() {
        return assignmentId.toString();
    }
}
