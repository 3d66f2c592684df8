package org.proposals.events.proposal;

import org.proposals.events.EventType;
import org.proposals.events.ProposalEvent;
import org.proposals.events.Topics;
import org.proposals.events.NotFiledReason;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The committee decided not to file the proposal, with its reason; it will not be assigned. */
@EventType(name = "ProposalNotFiled", version = 1, aggregateType = "Proposal", topic = Topics.PROPOSAL_EVENTS)
public record ProposalNotFiled(
        UUID proposalId,
        String number,
        NotFiledReason reason,
        String note,
        OffsetDateTime decidedAt) implements ProposalEvent {

    @Override
    public String aggregateId() {
        return proposalId.toString();
    }
}
