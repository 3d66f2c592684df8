package org.proposals.proposal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.proposals.events.assignment.ProposalAssigned;
import org.proposals.events.evaluation.SatisfactionRecorded;
import org.proposals.events.proposal.ProposalSubmitted;
import org.proposals.events.reply.ReplyApproved;
import org.proposals.kit.audit.AuditChanges;
import org.proposals.kit.audit.AuditTrail;
import org.proposals.kit.messaging.EventPublisher;
import org.proposals.kit.rest.ApiProblem;
import org.proposals.proposal.Proposal;
import org.proposals.proposal.ProposalHandling;
import org.proposals.proposal.ProposalStatus;
import org.proposals.proposal.repository.ProposalRepository;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class ProposalService {

    /** Numbers follow the year in which the proposal is registered, in the city's time zone. */
    private static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");

    @Inject
    ProposalRepository proposals;

    @Inject
    EventPublisher events;

    @Inject
    AuditTrail audit;

    Clock clock = Clock.system(CITY_ZONE);

    public Proposal submit(NewProposal registration) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Proposal proposal = new Proposal();
        proposal.id = UUID.randomUUID();
        proposal.kind = registration.kind();
        proposal.number = proposals.nextNumber(registration.kind(), now.getYear());
        proposal.title = registration.title().strip();
        proposal.content = registration.content().strip();
        proposal.proposerId = registration.proposer().id();
        proposal.proposerName = registration.proposer().name();
        proposal.status = ProposalStatus.SUBMITTED;
        proposal.submittedAt = now;
        proposal.updatedAt = now;
        proposals.persist(proposal);
        audit.record("ProposalSubmitted", "Proposal", proposal.id, proposal.id, AuditChanges.created(state(proposal)));
        events.publish(new ProposalSubmitted(proposal.id, proposal.kind, proposal.number, proposal.title,
                registration.proposer(), now));
        return proposal;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Proposal get(UUID id) {
        return proposals.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("Proposal", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Proposal> list(ProposalStatus status, String proposerId, int page, int size) {
        return proposals.list(status, proposerId, page, size);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(ProposalStatus status, String proposerId) {
        return proposals.count(status, proposerId);
    }

    public void onAssigned(ProposalAssigned assigned) {
        Proposal proposal = known(assigned.proposalId());
        ProposalHandling handling = proposal.handlingByOrNew(assigned.unitId());
        Map<String, Object> before = state(proposal, handling);
        handling.assignmentId = assigned.assignmentId();
        handling.unitName = assigned.unitName();
        handling.handlingType = assigned.handlingType();
        handling.assignedAt = assigned.assignedAt();
        proposal.refreshStatus(OffsetDateTime.now(clock));
        audit.record("ProposalAssignedApplied", "Proposal", proposal.id, proposal.id,
                AuditChanges.between(before, state(proposal, handling)));
    }

    public void onReplyApproved(ReplyApproved approved) {
        Proposal proposal = known(approved.proposalId());
        ProposalHandling handling = proposal.handlingByOrNew(approved.unitId());
        Map<String, Object> before = state(proposal, handling);
        handling.assignmentId = approved.assignmentId();
        handling.handlingType = approved.handlingType();
        handling.replyId = approved.replyId();
        handling.resultCategory = approved.resultCategory();
        handling.repliedAt = approved.approvedAt();
        proposal.refreshStatus(OffsetDateTime.now(clock));
        audit.record("ReplyApprovedApplied", "Proposal", proposal.id, proposal.id,
                AuditChanges.between(before, state(proposal, handling)));
    }

    public void onSatisfactionRecorded(SatisfactionRecorded recorded) {
        Proposal proposal = known(recorded.proposalId());
        ProposalHandling handling = proposal.handlingByOrNew(recorded.unitId());
        Map<String, Object> before = state(proposal, handling);
        handling.rating = recorded.rating();
        handling.ratedAt = recorded.recordedAt();
        proposal.refreshStatus(OffsetDateTime.now(clock));
        audit.record("SatisfactionRecordedApplied", "Proposal", proposal.id, proposal.id,
                AuditChanges.between(before, state(proposal, handling)));
    }

    /** What the audit trail records of a new proposal. */
    private static Map<String, Object> state(Proposal p) {
        return AuditChanges.state("kind", p.kind, "number", p.number, "title", p.title, "content", p.content,
                "proposerId", p.proposerId, "proposerName", p.proposerName, "status", p.status, "submittedAt", p.submittedAt);
    }

    /** The proposal's status and one unit's part, as the audit trail records their changes: units[miit].replyId ... */
    private static Map<String, Object> state(Proposal p, ProposalHandling h) {
        String unit = "units[" + h.unitId + "].";
        return AuditChanges.state("status", p.status,
                unit + "unitName", h.unitName, unit + "handlingType", h.handlingType,
                unit + "assignmentId", h.assignmentId, unit + "assignedAt", h.assignedAt,
                unit + "replyId", h.replyId, unit + "resultCategory", h.resultCategory, unit + "repliedAt", h.repliedAt,
                unit + "rating", h.rating, unit + "ratedAt", h.ratedAt);
    }

    private Proposal known(UUID proposalId) {
        // Events name proposals this service registered; an unknown id is a fault worth dead-lettering.
        return proposals.findByIdOptional(proposalId)
                .orElseThrow(() -> new IllegalStateException("unknown proposal " + proposalId));
    }
}
