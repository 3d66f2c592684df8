package org.proposals.events.assignment;

import org.proposals.events.EventType;
import org.proposals.events.ProposalEvent;
import org.proposals.events.Topics;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One of an assignment's clocks ran out with the work not done. Announced once per level of the unit's
 * responsibility chain as lateness grows: first the handler and division head, then the deputy head in
 * charge, then the bureau head.
 *
 * @param escalatedTo the level of the four-level responsibility chain (四级办理机制) now told:
 *                    {@code DIVISION_HEAD}, {@code DEPUTY_HEAD} or {@code BUREAU_HEAD}
 * @param personId    the person at that level as the unit's office recorded the chain, or null before it did
 */
@EventType(name = "DeadlineMissed", version = 1, aggregateType = "Assignment", topic = Topics.ASSIGNMENT_EVENTS)
public record DeadlineMissed(
        UUID assignmentId,
        UUID proposalId,
        String unitId,
        String clock,
        LocalDate due,
        int workingDaysLate,
        String escalatedTo,
        String personId) implements ProposalEvent {

    @Override
    public String aggregateId() {
        return assignmentId.toString();
    }
}
