package org.proposals.assignment.rest;

import org.proposals.assignment.Assignment;
import org.proposals.assignment.AssignmentOrigin;
import org.proposals.assignment.AssignmentStatus;
import org.proposals.assignment.service.DeadlineWatch;
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
        AssignmentOrigin origin,
        AssignmentStatus status,
        OffsetDateTime assignedAt,
        LocalDate adjustmentDue,
        LocalDate signForDue,
        LocalDate firstContactDue,
        LocalDate replyDue,
        LocalDate originalReplyDue,
        OffsetDateTime signedAt,
        Boolean signedLate,
        String divisionId,
        String bureauHeadId,
        String deputyHeadId,
        String divisionHeadId,
        String handlerId,
        int handlingRound,
        OffsetDateTime firstContactAt,
        OffsetDateTime opinionSubmittedAt,
        OffsetDateTime repliedAt,
        LocalDate commitmentDue,
        OffsetDateTime commitmentMetAt,
        OffsetDateTime endedAt,
        DeadlineWatch.Light light,
        long version) {

    /** @param light how it stands against its open deadlines today, for dashboards */
    public static AssignmentView of(Assignment a, DeadlineWatch.Light light) {
        return new AssignmentView(a.id, a.proposalId, a.unitId, a.unitName, a.handlingType, a.leadUnitId, a.origin, a.status,
                a.assignedAt, a.adjustmentDue, a.signForDue, a.firstContactDue, a.replyDue, a.originalReplyDue, a.signedAt,
                a.signedLate, a.divisionId, a.bureauHeadId, a.deputyHeadId, a.divisionHeadId, a.handlerId, a.handlingRound, a.firstContactAt, a.opinionSubmittedAt, a.repliedAt,
                a.commitmentDue, a.commitmentMetAt,
                a.endedAt, light, a.version);
    }
}
