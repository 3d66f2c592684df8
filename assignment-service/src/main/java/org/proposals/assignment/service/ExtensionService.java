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
import org.jboss.logging.Logger;
import org.proposals.events.Actor;
import org.proposals.events.MalformedEventException;
import org.proposals.events.assignment.ExtensionGranted;
import org.proposals.events.assignment.ExtensionRejected;
import org.proposals.events.assignment.ExtensionRequested;
import org.proposals.events.reply.ReplyExtensionRequested;
import org.proposals.kit.audit.AuditChanges;
import org.proposals.kit.audit.AuditTrail;
import org.proposals.kit.messaging.EventContext;
import org.proposals.kit.messaging.EventPublisher;
import org.proposals.kit.rest.ApiProblem;
import org.proposals.kit.time.CityClock;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Extensions of the reply deadline: asked for by the unit before the deadline with its reason, decided by the
 * committee; all extensions together never reach past the original deadline plus the configured cap
 * (default 6 months).
 */
@ApplicationScoped
@Transactional
public class ExtensionService {

    private static final Logger LOG = Logger.getLogger(ExtensionService.class);

    /** Who decides a request refused on arrival, when the unit asked from its case. */
    static final String SYSTEM = Actor.SYSTEM.id();

    /** The longest reason and decision note stored. */
    private static final int MAX_TEXT = 2000;

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

    /** The unit asks over the API: an inadmissible request is refused with 409 or 400 and leaves nothing behind. */
    public ExtensionRequest request(UUID assignmentId, String reason, LocalDate requestedDue) {
        Assignment assignment = assignments.findForUpdate(assignmentId)
                .orElseThrow(() -> ApiProblem.notFound("Assignment", assignmentId));
        OffsetDateTime now = clock.now();
        ApiProblem refusal = refusal(assignment, reason, requestedDue, now);
        if (refusal != null) {
            throw refusal;
        }
        return register(assignment, UUID.randomUUID(), reason, requestedDue, now, null);
    }

    /**
     * The unit asked from its case in reply-service (ReplyExtensionRequested): the request is registered under the
     * same id, as the person named by the event, as if they had asked here; a request already registered under that
     * id changes nothing. Nobody is there to answer 409 or 400, so an inadmissible request is stored as refused
     * by the system, with the reason, and ExtensionRejected tells the unit why.
     */
    public void onReplyExtensionRequested(ReplyExtensionRequested asked) {
        if (asked.requestId() == null || asked.assignmentId() == null || asked.requestedDue() == null) {
            throw new MalformedEventException("ReplyExtensionRequested lacks requestId, assignmentId or requestedDue");
        }
        if (requests.findByIdOptional(asked.requestId()).isPresent()) {
            LOG.infof("Extension request %s is registered already; ReplyExtensionRequested ignored", asked.requestId());
            return;
        }
        Assignment assignment = assignments.findForUpdate(asked.assignmentId()).orElseThrow(() -> new MalformedEventException(
                "ReplyExtensionRequested names assignment " + asked.assignmentId() + ", which was never made here"));
        if (asked.unitId() != null && !asked.unitId().equals(assignment.unitId)) {
            throw new MalformedEventException("ReplyExtensionRequested names unit " + asked.unitId() + " for assignment "
                    + assignment.id + " of unit " + assignment.unitId);
        }
        // judged as of when the unit asked, not when the event happened to arrive
        OffsetDateTime askedAt = asked.requestedAt() == null ? clock.now() : asked.requestedAt();
        ApiProblem refusal = refusal(assignment, asked.reason(), asked.requestedDue(), askedAt);
        register(assignment, asked.requestId(), asked.reason(), asked.requestedDue(), askedAt,
                refusal == null ? null : refusal.getMessage());
    }

    /**
     * Why the request cannot be registered, or null when it can: the assignment ended, the deadline passed by the day
     * it was asked on, another request awaits the committee, or the date asked for is not later or beyond the cap.
     */
    private ApiProblem refusal(Assignment assignment, String reason, LocalDate requestedDue, OffsetDateTime askedAt) {
        if (reason == null || reason.isBlank()) {
            return ApiProblem.invalid("reason", "an extension is asked for with the unit's reason");
        }
        if (reason.strip().length() > MAX_TEXT) {
            return ApiProblem.invalid("reason", "at most " + MAX_TEXT + " characters");
        }
        if (assignment.status == AssignmentStatus.ADJUSTED) {
            return ApiProblem.conflict("Assignment " + assignment.id + " ended with its adjustment");
        }
        LocalDate askedOn = askedAt.atZoneSameInstant(clock.zone()).toLocalDate();
        if (askedOn.isAfter(assignment.replyDue)) {
            return ApiProblem.conflict("An extension is asked for before the deadline; assignment " + assignment.id
                    + " was due on " + assignment.replyDue);
        }
        if (requests.hasPending(assignment.id)) {
            return ApiProblem.conflict("Assignment " + assignment.id + " already has an extension request awaiting the committee's decision");
        }
        return newDueProblem("requestedDue", assignment, requestedDue);
    }

    /**
     * Stores the request and announces it (ExtensionRequested). With a refusal, the request is stored as refused by
     * the system with the refusal as its decision note, and ExtensionRejected follows.
     */
    private ExtensionRequest register(Assignment assignment, UUID requestId, String reason, LocalDate requestedDue,
                                      OffsetDateTime askedAt, String refusal) {
        ExtensionRequest request = new ExtensionRequest();
        request.id = requestId;
        request.assignmentId = assignment.id;
        request.proposalId = assignment.proposalId;
        request.unitId = assignment.unitId;
        request.reason = reason == null ? "" : truncated(reason.strip());
        request.currentDue = assignment.replyDue;
        request.requestedDue = requestedDue;
        request.requestedAt = askedAt;
        request.requestedBy = Objects.requireNonNullElse(context.actor().id(), SYSTEM);
        request.status = RequestStatus.PENDING;
        if (refusal != null) {
            request.decide(RequestStatus.REJECTED, truncated(refusal), clock.now(), SYSTEM);
        }
        requests.persist(request);
        audit.record(refusal == null ? "ExtensionRequested" : "ExtensionRefused", "ExtensionRequest", request.id,
                request.proposalId, AuditChanges.created(state(request)));
        events.publish(new ExtensionRequested(assignment.id, assignment.proposalId, assignment.unitId, request.id, request.reason,
                request.currentDue, request.requestedDue, request.requestedAt));
        if (refusal != null) {
            events.publish(new ExtensionRejected(assignment.id, assignment.proposalId, assignment.unitId, request.id,
                    request.decisionNote, request.decidedAt));
        }
        return request;
    }

    private static String truncated(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }

    /** Grants the extension, to the date asked for or to an earlier one the committee sets. */
    public ExtensionRequest grant(UUID requestId, String note, LocalDate grantedDue) {
        ExtensionRequest request = pending(requestId);
        Assignment assignment = assignments.findForUpdate(request.assignmentId).orElseThrow();
        LocalDate newDue = grantedDue == null ? request.requestedDue : grantedDue;
        ApiProblem problem = newDueProblem("grantedDue", assignment, newDue);
        if (problem != null) {
            throw problem;
        }
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

    /** A new deadline lies after the current one and within the cap counted from the original one; null when it does. */
    private ApiProblem newDueProblem(String field, Assignment assignment, LocalDate due) {
        if (!due.isAfter(assignment.replyDue)) {
            return ApiProblem.invalid(field, "must be after the current deadline " + assignment.replyDue);
        }
        AssignableProposal proposal = proposals.findByIdOptional(assignment.proposalId).orElseThrow();
        LocalDate limit = clocks.extensionLimit(assignment, proposal.kind, proposal.source);
        if (due.isAfter(limit)) {
            return ApiProblem.invalid(field, "extensions may reach " + limit + " at the latest ("
                    + clocks.limit(ClockRules.Clock.EXTENSION_CAP, proposal.kind, proposal.source) + " after the original deadline "
                    + assignment.originalReplyDue + ")");
        }
        return null;
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
