package org.proposals.events.proposal;

import org.proposals.events.EventType;
import org.proposals.events.ProposalEvent;
import org.proposals.events.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The committee closed the proposal: its handling is complete. */
@EventType(name = "ProposalClosed", version = 1, aggregateType = "Proposal", topic = Topics.PROPOSAL_EVENTS)
public record ProposalClosed(
        UUID proposalId,
        String number,
        OffsetDateTime closedAt) implements ProposalEvent {

    @Override
    public String aggregateId() {
        return proposalId.toString();
    }
}
