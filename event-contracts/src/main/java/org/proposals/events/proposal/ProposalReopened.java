package org.proposals.events.proposal;

import org.proposals.events.EventType;
import org.proposals.events.ProposalEvent;
import org.proposals.events.Topics;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The committee reopened a replied proposal for re-handling (重新办理) by the units named. */
@EventType(name = "ProposalReopened", version = 1, aggregateType = "Proposal", topic = Topics.PROPOSAL_EVENTS)
public record ProposalReopened(
        UUID proposalId,
        String number,
        int round,
        List<String> unitIds,
        String reason,
        OffsetDateTime reopenedAt) implements ProposalEvent {

    @Override
    public String aggregateId() {
        return proposalId.toString();
    }
}
