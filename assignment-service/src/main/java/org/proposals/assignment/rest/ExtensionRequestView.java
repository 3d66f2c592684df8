package org.proposals.assignment.rest;

import org.proposals.assignment.ExtensionRequest;
import org.proposals.assignment.RequestStatus;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

public record ExtensionRequestView(UUID id, UUID assignmentId, UUID proposalId, String unitId, String reason,
                                   LocalDate currentDue, LocalDate requestedDue, OffsetDateTime requestedAt,
                                   String requestedBy, RequestStatus status, OffsetDateTime decidedAt, String decidedBy,
                                   String decisionNote, LocalDate grantedDue, long version) {

    static ExtensionRequestView of(ExtensionRequest r) {
        return new ExtensionRequestView(r.id, r.assignmentId, r.proposalId, r.unitId, r.reason, r.currentDue,
                r.requestedDue, r.requestedAt, r.requestedBy, r.status, r.decidedAt, r.decidedBy, r.decisionNote,
                r.grantedDue, r.version);
    }
}
