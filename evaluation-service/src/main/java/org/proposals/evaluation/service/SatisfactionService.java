package org.proposals.evaluation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.proposals.evaluation.ProposalRecord;
import org.proposals.evaluation.Satisfaction;
import org.proposals.evaluation.UnitHandling;
import org.proposals.evaluation.repository.ProposalRecordRepository;
import org.proposals.evaluation.repository.SatisfactionRepository;
import org.proposals.evaluation.repository.UnitHandlingRepository;
import org.proposals.events.SatisfactionRating;
import org.proposals.events.evaluation.SatisfactionRecorded;
import org.proposals.kit.audit.AuditChanges;
import org.proposals.kit.audit.AuditTrail;
import org.proposals.kit.messaging.EventPublisher;
import org.proposals.kit.rest.ApiProblem;
import org.proposals.kit.time.CityClock;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class SatisfactionService {

    @Inject
    UnitHandlingRepository handlings;

    @Inject
    ProposalRecordRepository proposals;

    @Inject
    SatisfactionRepository satisfactions;

    @Inject
    EventPublisher events;

    @Inject
    AuditTrail audit;

    @Inject
    CityClock clock;

    /**
     * Records the proposer's rating of a formal reply and announces it with SatisfactionRecorded, in one
     * transaction. A reply is rated once.
     */
    /** The proposer rates a formal reply addressed to them; anyone else's reply answers 404 as if unknown. */
    public Satisfaction record(UUID replyId, String raterId, SatisfactionRating rating, String comment) {
        UnitHandling handling = handlings.findByReplyForUpdate(replyId)
                .orElseThrow(() -> ApiProblem.notFound("Reply", replyId));
        ProposalRecord proposal = proposals.findByIdOptional(handling.proposalId)
                .filter(p -> p.proposerId != null)
                .orElseThrow(() -> ApiProblem.conflict("Reply " + replyId
                        + " cannot be rated yet: its proposal and proposer are not known here yet"));
        if (!proposal.proposerId.equals(raterId)) {
            throw ApiProblem.notFound("Reply", replyId);
        }
        if (satisfactions.findByReply(replyId).isPresent()) {
            throw ApiProblem.conflict("Reply " + replyId + " has already been rated; a reply is rated once");
        }
        OffsetDateTime now = clock.now();
        Satisfaction satisfaction = new Satisfaction();
        satisfaction.id = UUID.randomUUID();
        satisfaction.replyId = replyId;
        satisfaction.proposalId = handling.proposalId;
        satisfaction.unitId = handling.unitId;
        satisfaction.proposerId = proposal.proposerId;
        satisfaction.rating = rating;
        satisfaction.comment = comment;
        satisfaction.recordedAt = now;
        satisfactions.persist(satisfaction);
        audit.record("SatisfactionRecorded", "Satisfaction", satisfaction.id, satisfaction.proposalId,
                AuditChanges.created(state(satisfaction)));
        Map<String, Object> before = ReadModelService.state(handling);
        handling.rating = rating;
        handling.ratedAt = now;
        audit.record("SatisfactionRecorded", "UnitHandling", ReadModelService.recordId(handling), handling.proposalId,
                AuditChanges.between(before, ReadModelService.state(handling)));
        events.publish(new SatisfactionRecorded(satisfaction.id, satisfaction.proposalId, replyId, satisfaction.unitId,
                satisfaction.proposerId, rating, comment, now));
        return satisfaction;
    }

    /** What the audit trail records of a rating. */
    private static Map<String, Object> state(Satisfaction s) {
        return AuditChanges.state("replyId", s.replyId, "proposalId", s.proposalId, "unitId", s.unitId,
                "proposerId", s.proposerId, "rating", s.rating, "comment", s.comment, "recordedAt", s.recordedAt);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Satisfaction get(UUID replyId) {
        return satisfactions.findByReply(replyId)
                .orElseThrow(() -> ApiProblem.notFound("Satisfaction rating of reply", replyId));
    }
}
