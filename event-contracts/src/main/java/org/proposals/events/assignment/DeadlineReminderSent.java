package org.proposals.events.assignment;

import org.proposals.events.EventType;
import org.proposals.events.ProposalEvent;
import org.proposals.events.Topics;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A reminder (督促提醒): one of an assignment's clocks runs out in {@code workingDaysLeft} working days.
 *
 * @param clock     the clock's name as configured, e.g. {@code sign-for}, {@code formal-reply}
 * @param handlerId the handler the unit's office named for it, or null before it did; the office is always told
 */
@EventType(name = "DeadlineReminderSent", version = 1, aggregateType = "Assignment", topic = Topics.ASSIGNMENT_EVENTS)
public record DeadlineReminderSent(
        UUID assignmentId,
        UUID proposalId,
        String unitId,
        String clock,
        LocalDate due,
        int workingDaysLeft,
        String handlerId) implements ProposalEvent {

    @Override
    public String aggregateId() {
        return assignmentId.toString();
    }
}
