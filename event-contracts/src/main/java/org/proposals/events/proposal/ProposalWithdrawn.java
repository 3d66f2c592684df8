package org.proposals.events.proposal;

import org.proposals.events.EventType;
import org.proposals.events.ProposalEvent;
import org.proposals.events.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The proposer withdrew the proposal before it was assigned. */
@EventType(name = "ProposalWithdrawn", version = 1, aggregateType = "Proposal", topic = Topics.PROPOSAL_EVENTS)
public record ProposalWithdrawn(
        UUID proposalId,
        String number,
        String reason,
        OffsetDateTime withdrawnAt) implements ProposalEvent {

    @Override
    public String aggregateId() {
        return proposalId.toString();
    }
}
