package org.proposals.reply.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.proposals.events.assignment.ExtensionGranted;
import org.proposals.events.assignment.ExtensionRejected;
import org.proposals.events.reply.ReplyExtensionRequested;
import org.proposals.kit.audit.AuditChanges;
import org.proposals.kit.audit.AuditTrail;
import org.proposals.kit.messaging.EventContext;
import org.proposals.kit.messaging.EventPublisher;
import org.proposals.kit.rest.ApiProblem;
import org.proposals.kit.time.CityClock;
import org.proposals.reply.CaseStatus;
import org.proposals.reply.ExtensionRequest;
import org.proposals.reply.HandlingCase;
import org.proposals.reply.repository.CaseRepository;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A unit that cannot reply by its deadline asks from the case for a later one, before the deadline and with its
 * reason; assignment-service registers the request and the committee decides, and the decision comes back here.
 */
@ApplicationScoped
@Transactional
public class ExtensionService {

    @Inject
    CaseRepository cases;

    @Inject
    EventPublisher events;

    @Inject
    EventContext context;

    @Inject
    AuditTrail audit;

    @Inject
    CityClock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ExtensionRequest> ofCase(UUID caseId) {
        return ExtensionRequest.list("handlingCase.id = ?1 order by requestedAt desc, id", caseId);
    }

    public ExtensionRequest request(UUID caseId, String reason, LocalDate requestedDue) {
        HandlingCase handlingCase = cases.findForUpdate(caseId).orElseThrow(() -> ApiProblem.notFound("Case", caseId));
        ReplyService.requireReplyingUnit(handlingCase);
        if (handlingCase.status == CaseStatus.REPLIED) {
            throw ApiProblem.conflict("case " + caseId + " has its formal reply for round " + handlingCase.handlingRound);
        }
        LocalDate due = handlingCase.replyDueDate;
        if (due == null) {
            throw ApiProblem.conflict("case " + caseId + " has no reply deadline to extend");
        }
        if (clock.today().isAfter(due)) {
            throw ApiProblem.conflict("an extension is asked for before the deadline; the reply was due on " + due);
        }
        if (!requestedDue.isAfter(due)) {
            throw ApiProblem.invalid("requestedDue", "must be later than the current deadline " + due);
        }
        if (ExtensionRequest.count("handlingCase.id = ?1 and status = ?2", caseId, ExtensionRequest.Status.PENDING) > 0) {
            throw ApiProblem.conflict("case " + caseId + " already has an extension request awaiting the committee's decision");
        }
        ExtensionRequest request = new ExtensionRequest();
        request.id = UUID.randomUUID();
        request.handlingCase = handlingCase;
        request.reason = reason.strip();
        request.currentDue = due;
        request.requestedDue = requestedDue;
        request.requestedAt = clock.now();
        request.requestedBy = context.actor().id();
        request.status = ExtensionRequest.Status.PENDING;
        request.persist();
        audit.record("ExtensionRequested", "ExtensionRequest", request.id, handlingCase.proposalId, AuditChanges.created(state(request)));
        events.publish(new ReplyExtensionRequested(request.id, handlingCase.id, handlingCase.assignmentId, handlingCase.proposalId,
                handlingCase.unitId, request.reason, due, requestedDue, request.requestedAt));
        return request;
    }

    /** The committee granted an extension (asked for here or in assignment-service): the case's deadline moves. */
    public void onGranted(ExtensionGranted granted) {
        cases.findByAssignment(granted.assignmentId()).ifPresent(handlingCase -> {
            Map<String, Object> before = CaseService.state(handlingCase);
            handlingCase.replyDueDate = granted.newDue();
            audit.record("ExtensionGrantedApplied", "HandlingCase", handlingCase.id, handlingCase.proposalId,
                    AuditChanges.between(before, CaseService.state(handlingCase)));
        });
        decide(granted.requestId(), ExtensionRequest.Status.GRANTED, granted.newDue(), granted.decisionNote(), granted.grantedAt());
    }

    public void onRejected(ExtensionRejected rejected) {
        decide(rejected.requestId(), ExtensionRequest.Status.REJECTED, null, rejected.decisionNote(), rejected.rejectedAt());
    }

    private void decide(UUID requestId, ExtensionRequest.Status status, LocalDate grantedDue, String note,
                        java.time.OffsetDateTime at) {
        ExtensionRequest request = ExtensionRequest.findById(requestId);
        if (request == null || request.status != ExtensionRequest.Status.PENDING) {
            return;
        }
        Map<String, Object> before = state(request);
        request.status = status;
        request.grantedDue = grantedDue;
        request.decisionNote = note;
        request.decidedAt = at;
        audit.record("Extension" + (status == ExtensionRequest.Status.GRANTED ? "Granted" : "Rejected") + "Applied",
                "ExtensionRequest", request.id, request.handlingCase.proposalId, AuditChanges.between(before, state(request)));
    }

    private static Map<String, Object> state(ExtensionRequest r) {
        return AuditChanges.state("caseId", r.handlingCase.id, "reason", r.reason, "currentDue", r.currentDue,
                "requestedDue", r.requestedDue, "requestedBy", r.requestedBy, "status", r.status, "grantedDue", r.grantedDue,
                "decisionNote", r.decisionNote, "decidedAt", r.decidedAt);
    }
}
