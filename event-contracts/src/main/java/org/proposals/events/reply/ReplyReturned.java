package org.proposals.events.reply;

import org.proposals.events.EventType;
import org.proposals.events.ProposalEvent;
import org.proposals.events.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A reviewer (at {@code level}) sent the reply back to the handler with comments. */
@EventType(name = "ReplyReturned", version = 1, aggregateType = "Case", topic = Topics.REPLY_EVENTS)
public record ReplyReturned(
        UUID replyId,
        UUID caseId,
        UUID proposalId,
        String unitId,
        int replyVersion,
        String level,
        String comments,
        OffsetDateTime returnedAt) implements ProposalEvent {

    @Override
    public String aggregateId() {
        return caseId.toString();
    }
}
