package org.proposals.evaluation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.proposals.evaluation.ProposalRecord;
import org.proposals.evaluation.ReplyRound;
import org.proposals.evaluation.UnitHandling;
import org.proposals.evaluation.repository.ProposalRecordRepository;
import org.proposals.evaluation.repository.ReplyRoundRepository;
import org.proposals.evaluation.repository.UnitHandlingRepository;
import org.proposals.events.assignment.AssignmentSigned;
import org.proposals.events.assignment.ProposalAssigned;
import org.proposals.events.proposal.ProposalSubmitted;
import org.proposals.events.Proposer;
import org.proposals.events.proposal.ProposalReopened;
import org.proposals.events.reply.ReplyApproved;
import org.proposals.events.reply.ReplyDelivered;
import org.proposals.kit.audit.AuditChanges;
import org.proposals.kit.audit.AuditTrail;
import org.proposals.kit.time.CityClock;
import org.proposals.kit.time.WorkingCalendar;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps the read model of proposals and their handlings from the other services' events. Events from
 * different topics arrive in any order, so every handler creates what it does not find and sets only
 * what its event knows; together they end in the same rows whatever the order.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ReadModelService {

    @Inject
    CityClock clock;

    @Inject
    ProposalRecordRepository proposals;

    @Inject
    UnitHandlingRepository handlings;

    @Inject
    ReplyRoundRepository replies;

    @Inject
    AuditTrail audit;

    @Inject
    WorkingCalendar calendar;

    /** Working days a proposer has to rate a delivered reply, from the day after delivery. */
    @ConfigProperty(name = "evaluation.rating.window", defaultValue = "15")
    int ratingWindow;

    public void onSubmitted(ProposalSubmitted submitted) {
        // Usually the first this service hears of the proposal: persisted once filled in, so that it is one insert
        // rather than an insert of an empty record and an update.
        ProposalRecord known = proposals.findById(submitted.proposalId());
        ProposalRecord proposal = known != null ? known : new ProposalRecord(submitted.proposalId());
        Map<String, Object> before = state(proposal);
        proposal.kind = submitted.kind();
        proposal.number = submitted.number();
        proposal.title = submitted.title();
        if (submitted.proposer() != null) {
            proposal.proposerId = submitted.proposer().id();
            proposal.proposerName = submitted.proposer().name();
        }
        proposal.submittedAt = submitted.submittedAt();
        proposal.year = submitted.submittedAt() == null ? null
                : submitted.submittedAt().atZoneSameInstant(clock.zone()).getYear();
        proposal.sessionId = submitted.sessionId();
        proposal.source = submitted.source() == null ? null : submitted.source().name();
        proposal.topics = submitted.topics() == null ? null : List.copyOf(submitted.topics());
        if (known == null) {
            proposals.persist(proposal);
        }
        audit.record("ProposalSubmittedApplied", "ProposalRecord", proposal.proposalId, proposal.proposalId,
                AuditChanges.between(before, state(proposal)));
        // handlings recorded before the proposal was known take its year now
        for (UnitHandling handling : handlings.listForUpdate(proposal.proposalId)) {
            if (!Objects.equals(handling.year, proposal.year)) {
                Map<String, Object> handlingBefore = state(handling);
                handling.year = proposal.year;
                audit.record("ProposalSubmittedApplied", "UnitHandling", recordId(handling), handling.proposalId,
                        AuditChanges.between(handlingBefore, state(handling)));
            }
        }
    }

    public void onAssigned(ProposalAssigned assigned) {
        // The assignment names the proposal and its proposer: enough to rate its replies before ProposalSubmitted arrives.
        ProposalRecord proposal = proposals.findOrCreate(assigned.proposalId());
        Map<String, Object> proposalBefore = state(proposal);
        if (proposal.title == null) {
            proposal.title = assigned.proposalTitle();
        }
        if (proposal.proposerId == null && assigned.proposer() != null) {
            proposal.proposerId = assigned.proposer().id();
            proposal.proposerName = assigned.proposer().name();
        }
        AuditChanges proposalChanges = AuditChanges.between(proposalBefore, state(proposal));
        if (!proposalChanges.isEmpty()) { // usually ProposalSubmitted came first and nothing changed
            audit.record("ProposalAssignedApplied", "ProposalRecord", proposal.proposalId, proposal.proposalId, proposalChanges);
        }
        UnitHandling handling = handlings.findOrCreate(assigned.proposalId(), assigned.unitId());
        Map<String, Object> before = state(handling);
        handling.assignmentId = assigned.assignmentId();
        handling.unitName = assigned.unitName();
        handling.handlingType = assigned.handlingType();
        handling.assignedAt = assigned.assignedAt();
        handling.replyDueDate = assigned.replyDueDate();
        handling.origin = assigned.origin();
        audit.record("ProposalAssignedApplied", "UnitHandling", recordId(handling), handling.proposalId,
                AuditChanges.between(before, state(handling)));
    }

    public void onSigned(AssignmentSigned signed) {
        UnitHandling handling = handlings.findOrCreate(signed.proposalId(), signed.unitId());
        Map<String, Object> before = state(handling);
        if (handling.assignmentId == null) {
            handling.assignmentId = signed.assignmentId();
        }
        handling.signedAt = signed.signedAt();
        handling.signedLate = signed.late();
        audit.record("AssignmentSignedApplied", "UnitHandling", recordId(handling), handling.proposalId,
                AuditChanges.between(before, state(handling)));
    }

    /**
     * A formal reply: kept per reply with its round and purpose. The reply of a new round (the first, or one after
     * re-handling) becomes the handling's reply, unrated; a FOLLOW_UP reply (sent once a promised measure is done)
     * belongs to the round already rated and changes neither the handling's reply nor its rating.
     */
    public void onReplyApproved(ReplyApproved approved) {
        ReplyRound reply = replies.findOrCreate(approved.replyId(), approved.proposalId(), approved.unitId());
        Map<String, Object> replyBefore = state(reply);
        reply.round = approved.round() == null ? 1 : approved.round();
        reply.purpose = approved.purpose() == null ? ReplyRound.INITIAL : approved.purpose();
        reply.approvedAt = approved.approvedAt();
        audit.record("ReplyApprovedApplied", "ReplyRound", reply.replyId, reply.proposalId,
                AuditChanges.between(replyBefore, state(reply)));

        UnitHandling handling = handlings.findOrCreate(approved.proposalId(), approved.unitId());
        Map<String, Object> before = state(handling);
        if (handling.assignmentId == null) {
            handling.assignmentId = approved.assignmentId();
        }
        if (handling.handlingType == null) {
            // the assignment, when it arrives, is the authority on the type
            handling.handlingType = approved.handlingType();
        }
        boolean olderRound = handling.replyRound != null && reply.round < handling.replyRound;
        if (!reply.isFollowUp() && !olderRound) {
            if (!Objects.equals(handling.replyId, approved.replyId())) {
                // a new round's formal reply has not been rated yet; round 1's rating stays in first_round_rating
                handling.rating = null;
                handling.ratedAt = null;
            }
            handling.replyId = approved.replyId();
            handling.replyRound = reply.round;
            handling.resultCategory = approved.resultCategory();
            handling.repliedAt = approved.approvedAt();
        }
        AuditChanges changes = AuditChanges.between(before, state(handling));
        if (!changes.isEmpty()) {
            audit.record("ReplyApprovedApplied", "UnitHandling", recordId(handling), handling.proposalId, changes);
        }
    }

    /**
     * The reply reached its proposers: the rating window opens on the day of delivery and lasts
     * {@code evaluation.rating.window} working days; the recipients are who may rate it.
     */
    public void onReplyDelivered(ReplyDelivered delivered) {
        ReplyRound reply = replies.findOrCreate(delivered.replyId(), delivered.proposalId(), delivered.unitId());
        Map<String, Object> before = state(reply);
        reply.deliveredOn = delivered.deliveredOn();
        reply.ratingDue = delivered.deliveredOn() == null ? null
                : calendar.plusWorkingDays(delivered.deliveredOn(), ratingWindow);
        if (delivered.recipients() != null) {
            for (Proposer recipient : delivered.recipients()) {
                if (recipient != null && recipient.id() != null && !reply.isRecipient(recipient.id())) {
                    reply.recipients.add(new ReplyRound.Recipient(recipient.id(), recipient.name()));
                }
            }
        }
        audit.record("ReplyDeliveredApplied", "ReplyRound", reply.replyId, reply.proposalId,
                AuditChanges.between(before, state(reply)));
    }

    /** The units named handle the proposal again in the round given: their re-handling is under way. */
    public void onReopened(ProposalReopened reopened) {
        if (reopened.unitIds() == null) {
            return;
        }
        for (String unitId : reopened.unitIds()) {
            UnitHandling handling = handlings.findOrCreate(reopened.proposalId(), unitId);
            if (handling.reopenedRound != null && handling.reopenedRound >= reopened.round()) {
                continue;
            }
            Map<String, Object> before = state(handling);
            handling.reopenedRound = reopened.round();
            audit.record("ProposalReopenedApplied", "UnitHandling", recordId(handling), handling.proposalId,
                    AuditChanges.between(before, state(handling)));
        }
    }

    /** A unit's handling of a proposal is named by both: {@code <proposalId>/<unitId>}. */
    static String recordId(UnitHandling handling) {
        return handling.proposalId + "/" + handling.unitId;
    }

    /** What the audit trail records of a proposal as this service knows it. */
    static Map<String, Object> state(ProposalRecord p) {
        return AuditChanges.state("kind", p.kind, "number", p.number, "title", p.title, "proposerId", p.proposerId,
                "proposerName", p.proposerName, "submittedAt", p.submittedAt, "year", p.year, "sessionId", p.sessionId,
                "source", p.source, "topics", p.topics, "decision", p.decision, "closedAt", p.closedAt);
    }

    /** What the audit trail records of a unit's handling of a proposal. */
    static Map<String, Object> state(UnitHandling h) {
        return AuditChanges.state("assignmentId", h.assignmentId, "unitName", h.unitName, "handlingType", h.handlingType,
                "assignedAt", h.assignedAt, "replyDueDate", h.replyDueDate, "signedAt", h.signedAt, "signedLate", h.signedLate,
                "replyId", h.replyId, "resultCategory", h.resultCategory, "repliedAt", h.repliedAt,
                "replyRound", h.replyRound, "rating", h.rating, "ratedAt", h.ratedAt,
                "firstRoundRating", h.firstRoundRating, "firstRoundRatedAt", h.firstRoundRatedAt,
                "reopenedRound", h.reopenedRound, "origin", h.origin, "year", h.year, "endedAt", h.endedAt,
                "opinionSubmittedAt", h.opinionSubmittedAt, "firstContactAt", h.firstContactAt);
    }

    /** What the audit trail records of a formal reply as this service knows it. */
    static Map<String, Object> state(ReplyRound r) {
        return AuditChanges.state("proposalId", r.proposalId, "unitId", r.unitId, "round", r.round, "purpose", r.purpose,
                "approvedAt", r.approvedAt, "deliveredOn", r.deliveredOn, "ratingDue", r.ratingDue,
                "recipients", r.recipients.stream().map(p -> p.proposerId).toList());
    }
}
