package org.proposals.events.reply;

import org.proposals.events.EventType;
import org.proposals.events.ProposalEvent;
import org.proposals.events.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The proposer confirmed that a logged contact took place as recorded. */
@EventType(name = "ContactConfirmed", version = 1, aggregateType = "Case", topic = Topics.REPLY_EVENTS)
public record ContactConfirmed(
        UUID contactId,
        UUID caseId,
        UUID proposalId,
        String unitId,
        String comment,
        OffsetDateTime confirmedAt) implements ProposalEvent {

    @Override
    public String aggregateId() {
        return caseId.toString();
    }
}
