package org.proposals.events.proposal;

import org.proposals.events.EventType;
import org.proposals.events.ProposalEvent;
import org.proposals.events.Proposer;
import org.proposals.events.Topics;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The committee corrected a registration before assignment: the title, proposers or topics now read so. */
@EventType(name = "ProposalRevised", version = 1, aggregateType = "Proposal", topic = Topics.PROPOSAL_EVENTS)
public record ProposalRevised(
        UUID proposalId,
        String number,
        String title,
        Proposer proposer,
        List<Proposer> coProposers,
        List<String> topics,
        OffsetDateTime revisedAt) implements ProposalEvent {

    @Override
    public String aggregateId() {
        return proposalId.toString();
    }
}
