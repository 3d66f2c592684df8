package org.proposals.assignment.rest;

import org.proposals.assignment.AdjustmentRequest;
import org.proposals.assignment.RequestStatus;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

public record AdjustmentRequestView(UUID id, UUID assignmentId, UUID proposalId, String unitId, String reason,
                                    String suggestedUnitId, OffsetDateTime requestedAt, String requestedBy,
                                    LocalDate decisionDue, RequestStatus status, OffsetDateTime decidedAt, String decidedBy,
                                    String decisionNote, Boolean decidedLate, long version) {

    static AdjustmentRequestView of(AdjustmentRequest r) {
        return new AdjustmentRequestView(r.id, r.assignmentId, r.proposalId, r.unitId, r.reason, r.suggestedUnitId,
                r.requestedAt, r.requestedBy, r.decisionDue, r.status, r.decidedAt, r.decidedBy, r.decisionNote,
                r.decidedLate, r.version);
    }
}
