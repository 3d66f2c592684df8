package org.proposals.events.assignment;

import org.proposals.events.EventType;
import org.proposals.events.ProposalEvent;
import org.proposals.events.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A proposal became a key proposal (重点提案) supervised by a named city leader (市领导重点督办).
 *
 * @param directiveId the supervision system's directive that made it so, or null when marked on the platform
 */
@EventType(name = "ProposalSupervised", version = 1, aggregateType = "Proposal", topic = Topics.ASSIGNMENT_EVENTS)
public record ProposalSupervised(
        UUID proposalId,
        String leaderName,
        String note,
        OffsetDateTime supervisedAt,
        UUID directiveId) implements ProposalEvent {

    @Override
    public String aggregateId() {
        return proposalId.toString();
    }
}
