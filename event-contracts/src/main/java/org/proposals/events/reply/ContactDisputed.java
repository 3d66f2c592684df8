package org.proposals.events.reply;

import org.proposals.events.EventType;
import org.proposals.events.ProposalEvent;
import org.proposals.events.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The proposer disputed a logged contact (it did not happen, or not as recorded): it no longer counts for the unit. */
@EventType(name = "ContactDisputed", version = 1, aggregateType = "Case", topic = Topics.REPLY_EVENTS)
public record ContactDisputed(
        UUID contactId,
        UUID caseId,
        UUID proposalId,
        String unitId,
        String comment,
        OffsetDateTime disputedAt) implements ProposalEvent {

    @Override
    public String aggregateId() {
        return caseId.toString();
    }
}
