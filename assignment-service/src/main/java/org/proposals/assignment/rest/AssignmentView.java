package org.proposals.assignment.rest;

import org.proposals.assignment.Assignment;
import org.proposals.assignment.AssignmentStatus;
import org.proposals.events.HandlingType;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

public record AssignmentView(
        UUID id,
        UUID proposalId,
        String unitId,
        String unitName,
        HandlingType handlingType,
        String leadUnitId,
        AssignmentStatus status,
        OffsetDateTime assignedAt,
        LocalDate signForDue,
        LocalDate replyDue,
        OffsetDateTime signedAt,
        Boolean signedLate,
        long version) {

    public static AssignmentView of(Assignment a) {
        return new AssignmentView(a.id, a.proposalId, a.unitId, a.unitName, a.handlingType, a.leadUnitId, a.status,
                a.assignedAt, a.signForDue, a.replyDue, a.signedAt, a.signedLate, a.version);
    }
}
