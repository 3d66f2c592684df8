package org.proposals.proposal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.proposals.events.assignment.ProposalAssigned;
import org.proposals.events.evaluation.SatisfactionRecorded;
import org.proposals.events.proposal.ProposalSubmitted;
import org.proposals.events.reply.ReplyApproved;
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
        handling.assignmentId = assigned.assignmentId();
        handling.unitName = assigned.unitName();
        handling.handlingType = assigned.handlingType();
        handling.assignedAt = assigned.assignedAt();
        proposal.refreshStatus(OffsetDateTime.now(clock));
    }

    public void onReplyApproved(ReplyApproved approved) {
        Proposal proposal = known(approved.proposalId());
        ProposalHandling handling = proposal.handlingByOrNew(approved.unitId());
        handling.assignmentId = approved.assignmentId();
        handling.handlingType = approved.handlingType();
        handling.replyId = approved.replyId();
        handling.resultCategory = approved.resultCategory();
        handling.repliedAt = approved.approvedAt();
        proposal.refreshStatus(OffsetDateTime.now(clock));
    }

    public void onSatisfactionRecorded(SatisfactionRecorded recorded) {
        Proposal proposal = known(recorded.proposalId());
        ProposalHandling handling = proposal.handlingByOrNew(recorded.unitId());
        handling.rating = recorded.rating();
        handling.ratedAt = recorded.recordedAt();
        proposal.refreshStatus(OffsetDateTime.now(clock));
    }

    private Proposal known(UUID proposalId) {
        // Events name proposals this service registered; an unknown id is a fault worth dead-lettering.
        return proposals.findByIdOptional(proposalId)
                .orElseThrow(() -> new IllegalStateException("unknown proposal " + proposalId));
    }
}
