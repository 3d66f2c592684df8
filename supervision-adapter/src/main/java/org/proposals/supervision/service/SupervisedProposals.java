package org.proposals.supervision.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.proposals.events.assignment.AssignmentAdjusted;
import org.proposals.events.assignment.ProposalAssigned;
import org.proposals.events.proposal.ProposalRevised;
import org.proposals.events.proposal.ProposalSubmitted;
import org.proposals.supervision.SupervisedHandling;
import org.proposals.supervision.SupervisedProposal;

import java.util.List;
import java.util.UUID;

/** The proposals and handling units the reports name and the directives may address, as the other services report them. */
@ApplicationScoped
@Transactional
public class SupervisedProposals {

    public void onSubmitted(ProposalSubmitted event) {
        SupervisedProposal proposal = SupervisedProposal.findById(event.proposalId());
        boolean known = proposal != null;
        if (!known) {
            proposal = new SupervisedProposal();
            proposal.proposalId = event.proposalId();
        }
        proposal.number = event.number();
        proposal.title = event.title();
        proposal.kind = event.kind() == null ? null : event.kind().name();
        proposal.sessionId = event.sessionId();
        proposal.year = event.year();
        if (!known) {
            proposal.persist();
        }
    }

    public void onRevised(ProposalRevised event) {
        SupervisedProposal proposal = SupervisedProposal.findById(event.proposalId());
        if (proposal != null) {
            proposal.number = event.number();
            proposal.title = event.title();
        }
    }

    public void onAssigned(ProposalAssigned event) {
        SupervisedHandling handling = SupervisedHandling.findById(event.assignmentId());
        boolean known = handling != null;
        if (!known) {
            handling = new SupervisedHandling();
            handling.assignmentId = event.assignmentId();
        }
        handling.proposalId = event.proposalId();
        handling.unitId = event.unitId();
        handling.unitName = event.unitName();
        handling.handlingType = event.handlingType().name();
        if (!known) {
            handling.persist();
        }
    }

    public void onAdjusted(AssignmentAdjusted event) {
        SupervisedHandling.<SupervisedHandling>findByIdOptional(event.assignmentId()).ifPresent(h -> h.ended = true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean known(UUID proposalId) {
        return SupervisedProposal.findById(proposalId) != null;
    }

    /** The unit's assignments of the proposal that have not ended with an adjustment. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SupervisedHandling> openHandlings(UUID proposalId, String unitId) {
        return SupervisedHandling.list("proposalId = ?1 and unitId = ?2 and ended = false", proposalId, unitId);
    }
}
