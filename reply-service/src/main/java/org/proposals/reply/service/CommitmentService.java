package org.proposals.reply.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.proposals.events.Actor;
import org.proposals.events.reply.CommitmentFulfilled;
import org.proposals.kit.audit.AuditChanges;
import org.proposals.kit.audit.AuditTrail;
import org.proposals.kit.messaging.EventContext;
import org.proposals.kit.messaging.EventPublisher;
import org.proposals.kit.rest.ApiProblem;
import org.proposals.kit.time.CityClock;
import org.proposals.reply.CaseStatus;
import org.proposals.reply.Commitment;
import org.proposals.reply.HandlingCase;
import org.proposals.reply.repository.CaseRepository;
import org.proposals.reply.repository.CommitmentRepository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Measures promised in formal B and C replies. When one is done the unit owes the proposer a second reply
 * (办结后再次答复): the case asks for it, and it goes through the same review as the first.
 */
@ApplicationScoped
@Transactional
public class CommitmentService {

    @Inject
    CaseRepository cases;

    @Inject
    CommitmentRepository commitments;

    @Inject
    EventPublisher events;

    @Inject
    EventContext context;

    @Inject
    AuditTrail audit;

    @Inject
    CityClock clock;

    @Inject
    WorkMeasureService measures;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Commitment> ofCase(UUID caseId) {
        return commitments.ofCase(caseId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Commitment> list(String unitId, Commitment.Status status, LocalDate dueBefore, int page, int size) {
        return commitments.list(unitId, status, dueBefore, page, size);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(String unitId, Commitment.Status status, LocalDate dueBefore) {
        return commitments.count(unitId, status, dueBefore);
    }

    /** The unit reports a promised measure done, optionally with the register's measure that did it. */
    public Commitment fulfil(UUID caseId, UUID commitmentId, UUID measureId, String note) {
        HandlingCase handlingCase = cases.findForUpdate(caseId).orElseThrow(() -> ApiProblem.notFound("Case", caseId));
        Commitment commitment = commitments.findByIdOptional(commitmentId)
                .filter(c -> c.handlingCase.id.equals(caseId))
                .orElseThrow(() -> ApiProblem.notFound("Commitment", commitmentId));
        if (commitment.status != Commitment.Status.OPEN) {
            throw ApiProblem.conflict("commitment " + commitmentId + " was already reported done on " + commitment.fulfilledAt);
        }
        if (!handlingCase.isLive()) {
            throw ApiProblem.conflict("case " + caseId + " ended with the unit's adjustment request");
        }
        if (measureId != null && !measures.isLinkedTo(measureId, caseId)) {
            throw ApiProblem.invalid("measureId", "work measure " + measureId + " is not in the register for this case:"
                    + " record it, or link it to the case, first");
        }
        Actor actor = context.actor();
        OffsetDateTime now = clock.now();
        Map<String, Object> caseBefore = CaseService.state(handlingCase);
        commitment.status = Commitment.Status.FULFILLED;
        commitment.fulfilledAt = now;
        commitment.fulfilledBy = actor.id();
        commitment.measureId = measureId;
        commitment.note = note == null || note.isBlank() ? null : note.strip();
        audit.record("CommitmentFulfilled", "Commitment", commitment.id, handlingCase.proposalId,
                AuditChanges.of().set("status", Commitment.Status.OPEN, Commitment.Status.FULFILLED)
                        .set("measureId", measureId).set("note", commitment.note));
        if (handlingCase.status == CaseStatus.REPLIED) {
            handlingCase.status = CaseStatus.FOLLOW_UP_DUE;
            audit.record("FollowUpReplyDue", "HandlingCase", handlingCase.id, handlingCase.proposalId,
                    AuditChanges.between(caseBefore, CaseService.state(handlingCase)));
        }
        events.publish(new CommitmentFulfilled(commitment.id, handlingCase.id, handlingCase.assignmentId, handlingCase.proposalId,
                handlingCase.unitId, commitment.description, commitment.dueDate, measureId, now));
        return commitment;
    }
}
