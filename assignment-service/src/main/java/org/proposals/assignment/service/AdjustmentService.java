package org.proposals.assignment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.proposals.assignment.AdjustmentRequest;
import org.proposals.assignment.AssignableProposal;
import org.proposals.assignment.Assignment;
import org.proposals.assignment.AssignmentOrigin;
import org.proposals.assignment.AssignmentStatus;
import org.proposals.assignment.HandlingUnit;
import org.proposals.assignment.RequestStatus;
import org.proposals.assignment.repository.AdjustmentRequestRepository;
import org.proposals.assignment.repository.AssignableProposalRepository;
import org.proposals.assignment.repository.AssignmentRepository;
import org.proposals.events.HandlingType;
import org.proposals.events.assignment.AssignmentAdjusted;
import org.proposals.events.assignment.AssignmentAdjustmentRejected;
import org.proposals.events.assignment.AssignmentAdjustmentRequested;
import org.proposals.kit.audit.AuditChanges;
import org.proposals.kit.audit.AuditTrail;
import org.proposals.kit.messaging.EventContext;
import org.proposals.kit.messaging.EventPublisher;
import org.proposals.kit.rest.ApiProblem;
import org.proposals.kit.time.CityClock;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Adjustment requests (退回/申请调整): a unit asks within its window to be relieved of an assignment; the
 * committee grants it, giving the proposal to other units in its place, or refuses it. Both are audited and
 * announced; the history of requests stays.
 */
@ApplicationScoped
@Transactional
public class AdjustmentService {

    @Inject
    AdjustmentRequestRepository requests;

    @Inject
    AssignmentRepository assignments;

    @Inject
    AssignableProposalRepository proposals;

    @Inject
    ClockRules clocks;

    @Inject
    AssignmentService assignmentService;

    @Inject
    UnitDirectory directory;

    @Inject
    EventPublisher events;

    @Inject
    EventContext context;

    @Inject
    AuditTrail audit;

    @Inject
    CityClock clock;

    public AdjustmentRequest request(UUID assignmentId, String reason, String suggestedUnitId) {
        Assignment assignment = assignments.findForUpdate(assignmentId)
                .orElseThrow(() -> ApiProblem.notFound("Assignment", assignmentId));
        LocalDate today = clock.today();
        if (assignment.status != AssignmentStatus.ASSIGNED) {
            throw ApiProblem.conflict("Assignment " + assignmentId + " is " + assignment.status
                    + ": an adjustment is asked for instead of signing for it, not after");
        }
        if (today.isAfter(assignment.adjustmentDue)) {
            throw ApiProblem.conflict("The adjustment window of assignment " + assignmentId + " closed on " + assignment.adjustmentDue);
        }
        if (requests.hasPending(assignmentId)) {
            throw ApiProblem.conflict("Assignment " + assignmentId + " already has an adjustment request awaiting the committee's decision");
        }
        AssignableProposal proposal = proposals.findByIdOptional(assignment.proposalId).orElseThrow();
        AdjustmentRequest request = new AdjustmentRequest();
        request.id = UUID.randomUUID();
        request.assignmentId = assignment.id;
        request.proposalId = assignment.proposalId;
        request.unitId = assignment.unitId;
        request.reason = reason.strip();
        request.suggestedUnitId = suggestedUnitId == null || suggestedUnitId.isBlank() ? null : suggestedUnitId.strip();
        request.requestedAt = clock.now();
        request.requestedBy = context.actor().id();
        request.decisionDue = clocks.due(ClockRules.Clock.ADJUSTMENT_DECISION, proposal.kind, proposal.source, today);
        request.status = RequestStatus.PENDING;
        requests.persist(request);
        audit.record("AssignmentAdjustmentRequested", "AdjustmentRequest", request.id, request.proposalId,
                AuditChanges.created(state(request)));
        events.publish(new AssignmentAdjustmentRequested(assignment.id, assignment.proposalId, assignment.unitId, request.id,
                request.reason, request.suggestedUnitId, request.requestedAt, request.decisionDue));
        return request;
    }

    /**
     * Grants the request: the unit's assignment ends and each unit in {@code replacements} is assigned in its
     * place, with fresh clocks. The units left must still satisfy the assignment rules: a LEAD leaving its
     * co-handlers needs a LEAD in its place, who then receives their opinions.
     */
    public AdjustmentRequest grant(UUID requestId, String note, List<UnitAssignment> replacements) {
        AdjustmentRequest request = pending(requestId);
        Assignment adjusted = assignments.findForUpdate(request.assignmentId).orElseThrow();
        AssignableProposal proposal = proposals.findForUpdate(request.proposalId).orElseThrow();
        List<Assignment> staying = assignments.live(proposal.id).stream().filter(a -> !a.id.equals(adjusted.id)).toList();
        List<UnitAssignment> after = AssignmentRules.checkChange(staying, replacements,
                "with " + adjusted.unitId + " gone and these units added");

        Map<String, HandlingUnit> handlingUnits = directory.requireActive(replacements);
        OffsetDateTime now = clock.now();
        Map<String, Object> before = AssignmentService.state(adjusted);
        adjusted.status = AssignmentStatus.ADJUSTED;
        adjusted.endedAt = now;
        audit.record("AssignmentAdjusted", "Assignment", adjusted.id, proposal.id,
                AuditChanges.between(before, AssignmentService.state(adjusted)));

        String leadUnitId = AssignmentService.leadUnitOf(after);
        for (Assignment coHandler : staying) {
            if (coHandler.handlingType == HandlingType.CO_HANDLING && !coHandler.leadUnitId.equals(leadUnitId)) {
                Map<String, Object> was = AssignmentService.state(coHandler);
                coHandler.leadUnitId = leadUnitId;
                audit.record("LeadUnitChanged", "Assignment", coHandler.id, proposal.id,
                        AuditChanges.between(was, AssignmentService.state(coHandler)));
            }
        }
        List<Assignment> created = assignmentService.give(proposal, replacements, handlingUnits, leadUnitId,
                AssignmentOrigin.ADJUSTMENT);

        Map<String, Object> requestBefore = state(request);
        request.decide(RequestStatus.GRANTED, note, now, context.actor().id());
        request.decidedLate = now.toLocalDate().isAfter(request.decisionDue);
        audit.record("AdjustmentRequestGranted", "AdjustmentRequest", request.id, request.proposalId,
                AuditChanges.between(requestBefore, state(request)));
        events.publish(new AssignmentAdjusted(adjusted.id, proposal.id, adjusted.unitId, request.id, request.decisionNote,
                created.stream().map(a -> a.id).toList(), now));
        return request;
    }

    /** Refuses the request: the unit keeps the assignment and its clocks. */
    public AdjustmentRequest reject(UUID requestId, String note) {
        AdjustmentRequest request = pending(requestId);
        OffsetDateTime now = clock.now();
        Map<String, Object> before = state(request);
        request.decide(RequestStatus.REJECTED, note, now, context.actor().id());
        request.decidedLate = now.toLocalDate().isAfter(request.decisionDue);
        audit.record("AdjustmentRequestRejected", "AdjustmentRequest", request.id, request.proposalId,
                AuditChanges.between(before, state(request)));
        events.publish(new AssignmentAdjustmentRejected(request.assignmentId, request.proposalId, request.unitId, request.id,
                request.decisionNote, now));
        return request;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AdjustmentRequest get(UUID id) {
        return requests.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("Adjustment request", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public io.quarkus.hibernate.orm.panache.PanacheQuery<AdjustmentRequest> list(RequestStatus status, String unitId, UUID assignmentId) {
        return requests.query(status, unitId, assignmentId);
    }

    private AdjustmentRequest pending(UUID requestId) {
        AdjustmentRequest request = requests.findForUpdate(requestId)
                .orElseThrow(() -> ApiProblem.notFound("Adjustment request", requestId));
        if (request.status != RequestStatus.PENDING) {
            throw ApiProblem.conflict("Adjustment request " + requestId + " was already decided: " + request.status);
        }
        return request;
    }

    private static Map<String, Object> state(AdjustmentRequest r) {
        return AuditChanges.state("assignmentId", r.assignmentId, "unitId", r.unitId, "reason", r.reason,
                "suggestedUnitId", r.suggestedUnitId, "decisionDue", r.decisionDue, "status", r.status,
                "decidedBy", r.decidedBy, "decisionNote", r.decisionNote, "decidedLate", r.decidedLate);
    }
}
