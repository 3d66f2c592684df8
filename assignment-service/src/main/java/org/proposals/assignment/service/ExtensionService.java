package org.proposals.assignment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.proposals.assignment.AssignableProposal;
import org.proposals.assignment.Assignment;
import org.proposals.assignment.AssignmentStatus;
import org.proposals.assignment.ExtensionRequest;
import org.proposals.assignment.RequestStatus;
import org.proposals.assignment.repository.AssignableProposalRepository;
import org.proposals.assignment.repository.AssignmentRepository;
import org.proposals.assignment.repository.ExtensionRequestRepository;
import org.proposals.events.assignment.ExtensionGranted;
import org.proposals.events.assignment.ExtensionRejected;
import org.proposals.events.assignment.ExtensionRequested;
import org.proposals.kit.audit.AuditChanges;
import org.proposals.kit.audit.AuditTrail;
import org.proposals.kit.messaging.EventContext;
import org.proposals.kit.messaging.EventPublisher;
import org.proposals.kit.rest.ApiProblem;
import org.proposals.kit.time.CityClock;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * Extensions of the reply deadline: asked for by the unit before the deadline with its reason, decided by the
 * committee; all extensions together never reach past the original deadline plus the configured cap
 * (default 6 months).
 */
@ApplicationScoped
@Transactional
public class ExtensionService {

    @Inject
    ExtensionRequestRepository requests;

    @Inject
    AssignmentRepository assignments;

    @Inject
    AssignableProposalRepository proposals;

    @Inject
    ClockRules clocks;

    @Inject
    EventPublisher events;

    @Inject
    EventContext context;

    @Inject
    AuditTrail audit;

    @Inject
    CityClock clock;

    public ExtensionRequest request(UUID assignmentId, String reason, LocalDate requestedDue) {
        Assignment assignment = assignments.findForUpdate(assignmentId)
                .orElseThrow(() -> ApiProblem.notFound("Assignment", assignmentId));
        if (assignment.status == AssignmentStatus.ADJUSTED) {
            throw ApiProblem.conflict("Assignment " + assignmentId + " ended with its adjustment");
        }
        if (clock.today().isAfter(assignment.replyDue)) {
            throw ApiProblem.conflict("An extension is asked for before the deadline; assignment " + assignmentId
                    + " was due on " + assignment.replyDue);
        }
        if (requests.hasPending(assignmentId)) {
            throw ApiProblem.conflict("Assignment " + assignmentId + " already has an extension request awaiting the committee's decision");
        }
        checkNewDue("requestedDue", assignment, requestedDue);
        ExtensionRequest request = new ExtensionRequest();
        request.id = UUID.randomUUID();
        request.assignmentId = assignment.id;
        request.proposalId = assignment.proposalId;
        request.unitId = assignment.unitId;
        request.reason = reason.strip();
        request.currentDue = assignment.replyDue;
        request.requestedDue = requestedDue;
        request.requestedAt = clock.now();
        request.requestedBy = context.actor().id();
        request.status = RequestStatus.PENDING;
        requests.persist(request);
        audit.record("ExtensionRequested", "ExtensionRequest", request.id, request.proposalId, AuditChanges.created(state(request)));
        events.publish(new ExtensionRequested(assignment.id, assignment.proposalId, assignment.unitId, request.id, request.reason,
                request.currentDue, request.requestedDue, request.requestedAt));
        return request;
    }

    /** Grants the extension, to the date asked for or to an earlier one the committee sets. */
    public ExtensionRequest grant(UUID requestId, String note, LocalDate grantedDue) {
        ExtensionRequest request = pending(requestId);
        Assignment assignment = assignments.findForUpdate(request.assignmentId).orElseThrow();
        LocalDate newDue = grantedDue == null ? request.requestedDue : grantedDue;
        checkNewDue("grantedDue", assignment, newDue);
        OffsetDateTime now = clock.now();
        Map<String, Object> assignmentBefore = AssignmentService.state(assignment);
        LocalDate previousDue = assignment.replyDue;
        assignment.replyDue = newDue;
        audit.record("ExtensionGranted", "Assignment", assignment.id, assignment.proposalId,
                AuditChanges.between(assignmentBefore, AssignmentService.state(assignment)));
        Map<String, Object> before = state(request);
        request.decide(RequestStatus.GRANTED, note, now, context.actor().id());
        request.grantedDue = newDue;
        audit.record("ExtensionGranted", "ExtensionRequest", request.id, request.proposalId, AuditChanges.between(before, state(request)));
        events.publish(new ExtensionGranted(assignment.id, assignment.proposalId, assignment.unitId, request.id, previousDue, newDue,
                request.decisionNote, now));
        return request;
    }

    public ExtensionRequest reject(UUID requestId, String note) {
        ExtensionRequest request = pending(requestId);
        OffsetDateTime now = clock.now();
        Map<String, Object> before = state(request);
        request.decide(RequestStatus.REJECTED, note, now, context.actor().id());
        audit.record("ExtensionRejected", "ExtensionRequest", request.id, request.proposalId, AuditChanges.between(before, state(request)));
        events.publish(new ExtensionRejected(request.assignmentId, request.proposalId, request.unitId, request.id,
                request.decisionNote, now));
        return request;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ExtensionRequest get(UUID id) {
        return requests.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("Extension request", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public io.quarkus.hibernate.orm.panache.PanacheQuery<ExtensionRequest> list(RequestStatus status, String unitId, UUID assignmentId) {
        return requests.query(status, unitId, assignmentId);
    }

    /** A new deadline lies after the current one and within the cap counted from the original one. */
    private void checkNewDue(String field, Assignment assignment, LocalDate due) {
        if (!due.isAfter(assignment.replyDue)) {
            throw ApiProblem.invalid(field, "must be after the current deadline " + assignment.replyDue);
        }
        AssignableProposal proposal = proposals.findByIdOptional(assignment.proposalId).orElseThrow();
        LocalDate limit = clocks.extensionLimit(assignment, proposal.kind, proposal.source);
        if (due.isAfter(limit)) {
            throw ApiProblem.invalid(field, "extensions may reach " + limit + " at the latest ("
                    + clocks.limit(ClockRules.Clock.EXTENSION_CAP, proposal.kind, proposal.source) + " after the original deadline "
                    + assignment.originalReplyDue + ")");
        }
    }

    private ExtensionRequest pending(UUID requestId) {
        ExtensionRequest request = requests.findForUpdate(requestId)
                .orElseThrow(() -> ApiProblem.notFound("Extension request", requestId));
        if (request.status != RequestStatus.PENDING) {
            throw ApiProblem.conflict("Extension request " + requestId + " was already decided: " + request.status);
        }
        return request;
    }

    private static Map<String, Object> state(ExtensionRequest r) {
        return AuditChanges.state("assignmentId", r.assignmentId, "unitId", r.unitId, "reason", r.reason,
                "currentDue", r.currentDue, "requestedDue", r.requestedDue, "status", r.status, "decidedBy", r.decidedBy,
                "decisionNote", r.decisionNote, "grantedDue", r.grantedDue);
    }
}
