package org.proposals.events.assignment;

import org.proposals.events.EventType;
import org.proposals.events.HandlingType;
import org.proposals.events.ProposalEvent;
import org.proposals.events.Proposer;
import org.proposals.events.Topics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One unit was given a proposal with a handling type. One event per unit; a co-handling unit's event
 * names the lead unit it sends its opinion to.
 *
 * @param origin how the assignment came about: {@code INITIAL}, {@code ADJUSTMENT} (in place of a unit relieved
 *               of it) or {@code RECESS_REASSIGNMENT} (闭会期间重新交办); added compatibly, null from older producers
 */
@EventType(name = "ProposalAssigned", version = 1, aggregateType = "Assignment", topic = Topics.ASSIGNMENT_EVENTS)
public record ProposalAssigned(
        UUID assignmentId,
        UUID proposalId,
        String proposalTitle,
        Proposer proposer,
        String unitId,
        String unitName,
        HandlingType handlingType,
        String leadUnitId,
        OffsetDateTime assignedAt,
        LocalDate replyDueDate,
        String origin) implements ProposalEvent {

    /** An initial assignment, as the first producers wrote it. */
    public ProposalAssigned(UUID assignmentId, UUID proposalId, String proposalTitle, Proposer proposer, String unitId,
                            String unitName, HandlingType handlingType, String leadUnitId, OffsetDateTime assignedAt,
                            LocalDate replyDueDate) {
        this(assignmentId, proposalId, proposalTitle, proposer, unitId, unitName, handlingType, leadUnitId, assignedAt,
                replyDueDate, "INITIAL");
    }

    @Override
    public String aggregateId() {
        return assignmentId.toString();
    }
}
