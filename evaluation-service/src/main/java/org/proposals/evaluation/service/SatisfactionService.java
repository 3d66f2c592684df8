package org.proposals.evaluation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.proposals.evaluation.PendingRating;
import org.proposals.evaluation.RehandlingRequest;
import org.proposals.evaluation.ReplyRound;
import org.proposals.evaluation.Satisfaction;
import org.proposals.evaluation.UnitHandling;
import org.proposals.evaluation.repository.ProposalRecordRepository;
import org.proposals.evaluation.repository.RehandlingRequestRepository;
import org.proposals.evaluation.repository.ReplyRoundRepository;
import org.proposals.evaluation.repository.SatisfactionRepository;
import org.proposals.evaluation.repository.UnitHandlingRepository;
import org.proposals.events.SatisfactionRating;
import org.proposals.events.evaluation.RehandlingRequested;
import org.proposals.events.evaluation.SatisfactionRecorded;
import org.proposals.kit.audit.AuditChanges;
import org.proposals.kit.audit.AuditTrail;
import org.proposals.kit.messaging.EventPublisher;
import org.proposals.kit.rest.ApiProblem;
import org.proposals.kit.rest.Page;
import org.proposals.kit.time.CityClock;

import java.time.OffsetDateTime;
import java.util.List;
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
    ReplyRoundRepository replies;

    @Inject
    SatisfactionRepository satisfactions;

    @Inject
    RehandlingRequestRepository rehandlings;

    @Inject
    EventPublisher events;

    @Inject
    AuditTrail audit;

    @Inject
    CityClock clock;

    /** A proposer's verdict on a formal reply: overall, and the unit's attitude and the result (each optional). */
    public record Verdict(SatisfactionRating rating, SatisfactionRating attitude, SatisfactionRating result, String comment) {
    }

    /**
     * Records a proposer's rating of a delivered formal reply and announces it with SatisfactionRecorded, in one
     * transaction. Each proposer the reply was delivered to rates each round once; a rating after the window is
     * accepted and flagged late. An unsatisfied overall rating asks for re-handling with RehandlingRequested,
     * once per proposal, unit and round.
     */
    public Satisfaction record(UUID replyId, String raterId, Verdict verdict) {
        ReplyRound reply = replies.findForUpdate(replyId).orElseThrow(() -> ApiProblem.notFound("Reply", replyId));
        if (!reply.isDelivered()) {
            boolean someoneElses = proposals.findByIdOptional(reply.proposalId)
                    .map(p -> p.proposerId != null && !p.proposerId.equals(raterId)).orElse(false);
            if (someoneElses) {
                throw ApiProblem.notFound("Reply", replyId);
            }
            throw ApiProblem.conflict("Reply " + replyId + " has not been delivered yet: it is rated once it has reached the proposer");
        }
        if (!reply.isRecipient(raterId)) {
            throw ApiProblem.notFound("Reply", replyId);
        }
        if (reply.isFollowUp()) {
            throw ApiProblem.conflict("Reply " + replyId + " is a follow-up reply to round " + reply.roundOrFirst()
                    + ": it is not rated on its own; the round's rating is given on its formal reply");
        }
        int round = reply.roundOrFirst();
        if (satisfactions.findByRound(reply.proposalId, reply.unitId, round, raterId).isPresent()) {
            throw ApiProblem.conflict("Round " + round + " of this handling has already been rated by " + raterId
                    + "; each proposer rates each round once");
        }
        OffsetDateTime now = clock.now();
        Satisfaction satisfaction = new Satisfaction();
        satisfaction.id = UUID.randomUUID();
        satisfaction.replyId = replyId;
        satisfaction.proposalId = reply.proposalId;
        satisfaction.unitId = reply.unitId;
        satisfaction.proposerId = raterId;
        satisfaction.round = round;
        satisfaction.rating = verdict.rating();
        satisfaction.attitude = verdict.attitude();
        satisfaction.result = verdict.result();
        satisfaction.comment = verdict.comment();
        satisfaction.recordedAt = now;
        satisfaction.ratingDue = reply.ratingDue;
        satisfaction.late = reply.ratingDue != null && clock.today().isAfter(reply.ratingDue);
        satisfactions.persist(satisfaction);
        audit.record("SatisfactionRecorded", "Satisfaction", satisfaction.id, satisfaction.proposalId,
                AuditChanges.created(state(satisfaction)));

        UnitHandling handling = handlings.findForUpdate(reply.proposalId, reply.unitId)
                .orElseGet(() -> handlings.findOrCreate(reply.proposalId, reply.unitId));
        Map<String, Object> before = ReadModelService.state(handling);
        if (replyId.equals(handling.replyId) && isWorse(verdict.rating(), handling.rating)) {
            handling.rating = verdict.rating();
            handling.ratedAt = now;
        }
        if (round == 1 && isWorse(verdict.rating(), handling.firstRoundRating)) {
            handling.firstRoundRating = verdict.rating();
            handling.firstRoundRatedAt = now;
        }
        AuditChanges changes = AuditChanges.between(before, ReadModelService.state(handling));
        if (!changes.isEmpty()) {
            audit.record("SatisfactionRecorded", "UnitHandling", ReadModelService.recordId(handling), handling.proposalId, changes);
        }
        events.publish(new SatisfactionRecorded(satisfaction.id, satisfaction.proposalId, replyId, satisfaction.unitId,
                raterId, verdict.rating(), verdict.comment(), now, round, verdict.attitude(), verdict.result(),
                satisfaction.late));

        if (verdict.rating() == SatisfactionRating.UNSATISFIED) {
            requestRehandling(satisfaction, handling);
        }
        return satisfaction;
    }

    /**
     * Asks for the unit's re-handling after an unsatisfied rating: once per proposal, unit and round, and only while
     * the rated round is the unit's latest (a round already reopened needs no second request).
     */
    private void requestRehandling(Satisfaction rated, UnitHandling handling) {
        if (handling.reopenedRound != null && handling.reopenedRound > rated.round) {
            return;
        }
        if (rehandlings.find(rated.proposalId, rated.unitId, rated.round).isPresent()) {
            return;
        }
        RehandlingRequest request = new RehandlingRequest();
        request.id = UUID.randomUUID();
        request.proposalId = rated.proposalId;
        request.unitId = rated.unitId;
        request.round = rated.round;
        request.replyId = rated.replyId;
        request.proposerId = rated.proposerId;
        request.reason = rated.comment;
        request.requestedAt = rated.recordedAt;
        rehandlings.persist(request);
        audit.record("RehandlingRequested", "RehandlingRequest", request.id, request.proposalId,
                AuditChanges.created(AuditChanges.state("unitId", request.unitId, "round", request.round,
                        "replyId", request.replyId, "proposerId", request.proposerId, "reason", request.reason,
                        "requestedAt", request.requestedAt)));
        events.publish(new RehandlingRequested(request.id, request.proposalId, request.unitId, request.replyId,
                request.round, request.proposerId, request.reason, request.requestedAt));
    }

    /** Whether {@code rating} is less satisfied than {@code current} (any rating is, when there is none yet). */
    private static boolean isWorse(SatisfactionRating rating, SatisfactionRating current) {
        return current == null || rating.ordinal() > current.ordinal();
    }

    /** What the audit trail records of a rating. */
    private static Map<String, Object> state(Satisfaction s) {
        return AuditChanges.state("replyId", s.replyId, "proposalId", s.proposalId, "unitId", s.unitId,
                "proposerId", s.proposerId, "round", s.round, "rating", s.rating, "attitude", s.attitude,
                "result", s.result, "comment", s.comment, "recordedAt", s.recordedAt, "ratingDue", s.ratingDue,
                "late", s.late);
    }

    /** The ratings of a reply, earliest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Satisfaction> ofReply(UUID replyId) {
        return satisfactions.findByReply(replyId);
    }

    /** Delivered replies awaiting a rating, see {@link ReplyRoundRepository#pending}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PendingRating> pending(String unitId, String proposerId, boolean overdueOnly, int page, int size) {
        var today = clock.today();
        return new Page<>(replies.pending(unitId, proposerId, overdueOnly, today, page, size),
                replies.countPending(unitId, proposerId, overdueOnly, today), page, size);
    }
}
