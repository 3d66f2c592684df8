package org.proposals.events.proposal;

import org.proposals.events.EventType;
import org.proposals.events.ProposalEvent;
import org.proposals.events.Topics;
import org.proposals.events.Proposer;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The proposal was merged into another (并案): it is handled with that one, and its proposer still gets a reply. */
@EventType(name = "ProposalMerged", version = 1, aggregateType = "Proposal", topic = Topics.PROPOSAL_EVENTS)
public record ProposalMerged(
        UUID proposalId,
        String number,
        UUID intoProposalId,
        String intoNumber,
        Proposer proposer,
        OffsetDateTime mergedAt) implements ProposalEvent {

    @Override
    public String aggregateId() {
        return proposalId.toString();
    }
}
