package org.proposals.events.assignment;

import org.proposals.events.EventType;
import org.proposals.events.ProposalEvent;
import org.proposals.events.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The unit's office recorded who answers for an assignment (领导分工责任制 + 承办工作责任制): the responsible
 * division and the four levels — bureau head, deputy head in charge, division head, handler — by id and name.
 * Announced again whenever it changes.
 */
@EventType(name = "ResponsibilityAssigned", version = 1, aggregateType = "Assignment", topic = Topics.ASSIGNMENT_EVENTS)
public record ResponsibilityAssigned(
        UUID assignmentId,
        UUID proposalId,
        String unitId,
        String divisionId,
        String divisionName,
        Person bureauHead,
        Person deputyHead,
        Person divisionHead,
        Person handler,
        OffsetDateTime assignedAt) implements ProposalEvent {

    /** One person of the chain. */
    public record Person(String id, String name) {
    }

    @Override
    public String aggregateId() {
        return assignmentId.toString();
    }
}
