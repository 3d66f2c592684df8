package org.proposals.events.proposal;

import org.proposals.events.EventType;
import org.proposals.events.ProposalEvent;
import org.proposals.events.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The committee filed the proposal (立案): it may now be assigned to handling units. */
@EventType(name = "ProposalFiled", version = 1, aggregateType = "Proposal", topic = Topics.PROPOSAL_EVENTS)
public record ProposalFiled(
        UUID proposalId,
        String number,
        OffsetDateTime filedAt) implements ProposalEvent {

    @Override
    public String aggregateId() {
        return proposalId.toString();
    }
}
