package org.proposals.evaluation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.proposals.evaluation.ProposalRecord;
import org.proposals.evaluation.UnitHandling;
import org.proposals.evaluation.repository.ProposalRecordRepository;
import org.proposals.evaluation.repository.UnitHandlingRepository;
import org.proposals.events.assignment.AssignmentSigned;
import org.proposals.events.assignment.ProposalAssigned;
import org.proposals.events.proposal.ProposalSubmitted;
import org.proposals.events.reply.ReplyApproved;
import org.proposals.kit.audit.AuditChanges;
import org.proposals.kit.audit.AuditTrail;
import org.proposals.kit.time.CityClock;

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
    AuditTrail audit;

    public void onSubmitted(ProposalSubmitted submitted) {
        ProposalRecord proposal = proposals.findOrCreate(submitted.proposalId());
        Map<String, Object> before = state(proposal);
        proposal.kind = submitted.kind();
        proposal.number = submitted.number();
        proposal.title = submitted.title();
        if (submitted.proposer() != null) {
            proposal.proposerId = submitted.proposer().id();
            proposal.proposerName = submitted.proposer().name();
        }
        proposal.submittedAt = submitted.submittedAt();
        // the session's year (a proposal of the 2022 session counts for 2022); older producers sent none
        proposal.year = submitted.year() > 0 ? Integer.valueOf(submitted.year()) : submitted.submittedAt() == null ? null
                : submitted.submittedAt().atZoneSameInstant(clock.zone()).getYear();
        proposal.sessionId = submitted.sessionId();
        proposal.source = submitted.source() == null ? null : submitted.source().name();
        proposal.topics = submitted.topics() == null ? null : List.copyOf(submitted.topics());
        audit.record("ProposalSubmittedApplied", "ProposalRecord", proposal.proposalId, proposal.proposalId,
                AuditChanges.between(before, state(proposal)));
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

    public void onReplyApproved(ReplyApproved approved) {
        UnitHandling handling = handlings.findOrCreate(approved.proposalId(), approved.unitId());
        Map<String, Object> before = state(handling);
        if (handling.assignmentId == null) {
            handling.assignmentId = approved.assignmentId();
        }
        if (handling.handlingType == null) {
            // the assignment, when it arrives, is the authority on the type
            handling.handlingType = approved.handlingType();
        }
        if (!Objects.equals(handling.replyId, approved.replyId())) {
            // a new formal reply (after re-handling) has not been rated yet
            handling.rating = null;
            handling.ratedAt = null;
        }
        handling.replyId = approved.replyId();
        handling.resultCategory = approved.resultCategory();
        handling.repliedAt = approved.approvedAt();
        audit.record("ReplyApprovedApplied", "UnitHandling", recordId(handling), handling.proposalId,
                AuditChanges.between(before, state(handling)));
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
                "rating", h.rating, "ratedAt", h.ratedAt, "origin", h.origin, "endedAt", h.endedAt,
                "opinionSubmittedAt", h.opinionSubmittedAt, "firstContactAt", h.firstContactAt);
    }
}
