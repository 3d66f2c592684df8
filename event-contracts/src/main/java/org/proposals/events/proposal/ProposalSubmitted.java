package org.proposals.events.proposal;

import org.proposals.events.EventType;
import org.proposals.events.IntegrationEvent;
import org.proposals.events.ProposalKind;
import org.proposals.events.Proposer;
import org.proposals.events.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A proposal or suggestion was registered and awaits assignment. */
@EventType(name = "ProposalSubmitted", version = 1, aggregateType = "Proposal", topic = Topics.PROPOSAL_EVENTS)
public record ProposalSubmitted(
        UUID proposalId,
        ProposalKind kind,
        String number,
        String title,
        Proposer proposer,
        OffsetDateTime submittedAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return proposalId.toString();
    }
}
