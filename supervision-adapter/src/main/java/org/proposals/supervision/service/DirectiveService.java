package org.proposals.supervision.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.proposals.events.supervision.SupervisionDirectiveReceived;
import org.proposals.kit.audit.AuditChanges;
import org.proposals.kit.audit.AuditTrail;
import org.proposals.kit.messaging.EventPublisher;
import org.proposals.kit.rest.ApiProblem;
import org.proposals.kit.time.CityClock;
import org.proposals.supervision.ReceivedDirective;
import org.proposals.supervision.rest.DirectiveRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/**
 * The supervision system's directives: checked against what the adapter knows, recorded under the system's own id
 * and handed to assignment-service as {@code SupervisionDirectiveReceived}, once, however often they are sent.
 */
@ApplicationScoped
@Transactional
public class DirectiveService {

    /** The directive, and whether this call accepted it (false: the same directive was sent before). */
    public record Received(ReceivedDirective directive, boolean created) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    SupervisedProposals proposals;

    @Inject
    EventPublisher events;

    @Inject
    AuditTrail audit;

    @Inject
    CityClock clock;

    public Received receive(DirectiveRequest request) {
        String externalId = request.directiveId().strip();
        String hash = hashOf(request);
        // one at a time per directive id, so that two copies sent at once cannot both be accepted
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))").setParameter(1, externalId).getResultList();
        ReceivedDirective earlier = ReceivedDirective.find("externalId", externalId).firstResult();
        if (earlier != null) {
            if (!earlier.requestHash.equals(hash)) {
                throw ApiProblem.conflict("Directive " + externalId + " was received before with other contents");
            }
            return new Received(earlier, false);
        }
        check(request);
        ReceivedDirective directive = new ReceivedDirective();
        directive.id = platformId(externalId);
        directive.externalId = externalId;
        directive.type = request.type();
        directive.proposalId = request.proposalId();
        directive.unitId = blankToNull(request.unitId());
        directive.leaderName = blankToNull(request.leaderName());
        directive.note = request.note().strip();
        directive.dueDate = request.dueDate();
        directive.requestHash = hash;
        directive.receivedAt = clock.now();
        directive.status = ReceivedDirective.Status.ACCEPTED;
        directive.persist();
        audit.record("SupervisionDirectiveReceived", "ReceivedDirective", directive.id, directive.proposalId,
                AuditChanges.created(AuditChanges.state("externalId", directive.externalId, "type", directive.type,
                        "unitId", directive.unitId, "leaderName", directive.leaderName, "note", directive.note,
                        "dueDate", directive.dueDate)));
        events.publish(new SupervisionDirectiveReceived(directive.id, directive.externalId, directive.type.name(),
                directive.proposalId, directive.unitId, directive.leaderName, directive.note, directive.dueDate,
                directive.receivedAt));
        return new Received(directive, true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ReceivedDirective get(String externalId) {
        ReceivedDirective directive = ReceivedDirective.find("externalId", externalId).firstResult();
        if (directive == null) {
            throw ApiProblem.notFound("Directive", externalId);
        }
        return directive;
    }

    /**
     * assignment-service applied the directive {@code directiveId}: returns the supervision system's id of it, or
     * null when it was issued on the platform by the supervision office's staff.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String applied(UUID directiveId, OffsetDateTime at) {
        return decide(directiveId, ReceivedDirective.Status.APPLIED, null, at);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public String rejected(UUID directiveId, String reason, OffsetDateTime at) {
        return decide(directiveId, ReceivedDirective.Status.REJECTED, reason, at);
    }

    /** The supervision system's id of a directive, or null for one issued on the platform. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String externalId(UUID directiveId) {
        ReceivedDirective directive = directiveId == null ? null : ReceivedDirective.findById(directiveId);
        return directive == null ? null : directive.externalId;
    }

    private String decide(UUID directiveId, ReceivedDirective.Status outcome, String reason, OffsetDateTime at) {
        ReceivedDirective directive = directiveId == null ? null : ReceivedDirective.findById(directiveId);
        if (directive == null) {
            return null;
        }
        if (directive.status == ReceivedDirective.Status.ACCEPTED) {
            audit.record("SupervisionDirective" + (outcome == ReceivedDirective.Status.APPLIED ? "Applied" : "Rejected"),
                    "ReceivedDirective", directive.id, directive.proposalId,
                    AuditChanges.of().set("status", directive.status, outcome).set("outcomeReason", null, reason));
            directive.status = outcome;
            directive.outcomeReason = reason;
            directive.decidedAt = at;
        }
        return directive.externalId;
    }

    /** What the adapter can tell at once; the rest (deadlines, replies given) is assignment-service's to judge. */
    private void check(DirectiveRequest request) {
        ReceivedDirective.Type type = request.type();
        String unitId = blankToNull(request.unitId());
        if (type.directsAUnit() && unitId == null) {
            throw ApiProblem.invalid("unitId", "is required for a " + type + " directive");
        }
        if (!type.directsAUnit() && unitId != null) {
            throw ApiProblem.invalid("unitId", "a MARK_KEY directive concerns the proposal, not a unit");
        }
        if (type == ReceivedDirective.Type.MARK_KEY && blankToNull(request.leaderName()) == null) {
            throw ApiProblem.invalid("leaderName", "is required for a MARK_KEY directive: the leader who supervises it");
        }
        if (type.hasDueDate()) {
            if (request.dueDate() == null) {
                throw ApiProblem.invalid("dueDate", "is required for a " + type + " directive");
            }
            if (request.dueDate().isBefore(clock.today())) {
                throw ApiProblem.invalid("dueDate", "must not be in the past");
            }
        } else if (request.dueDate() != null) {
            throw ApiProblem.invalid("dueDate", "a " + type + " directive has no due date");
        }
        if (!proposals.known(request.proposalId())) {
            throw notAccepted("Proposal " + request.proposalId() + " is not known to the platform");
        }
        if (unitId != null && proposals.openHandlings(request.proposalId(), unitId).isEmpty()) {
            throw notAccepted("Unit " + unitId + " does not handle proposal " + request.proposalId());
        }
    }

    private static ApiProblem notAccepted(String detail) {
        return new ApiProblem(422, ApiProblem.TYPE_BASE + "directive-not-accepted", "The directive is not accepted", detail, null);
    }

    /** The platform's id of a directive: the same for every copy the supervision system sends. */
    public static UUID platformId(String externalId) {
        return UUID.nameUUIDFromBytes(("supervision-directive/" + externalId).getBytes(StandardCharsets.UTF_8));
    }

    private static String hashOf(DirectiveRequest r) {
        String canonical = String.join("\n", r.directiveId().strip(), r.type().name(), r.proposalId().toString(),
                Objects.toString(blankToNull(r.unitId()), ""), Objects.toString(blankToNull(r.leaderName()), ""),
                r.note().strip(), Objects.toString(r.dueDate(), ""));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
