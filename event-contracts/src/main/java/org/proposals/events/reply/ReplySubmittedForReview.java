package org.proposals.events.reply;

import org.proposals.events.EventType;
import org.proposals.events.ProposalEvent;
import org.proposals.events.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The handler sent a version of the unit's reply up the review chain, after it passed the quality gate.
 *
 * @param purpose INITIAL, REHANDLING or FOLLOW_UP (the second reply once a promised measure is done)
 * @param level   the first level that reviews it: DIVISION_HEAD
 */
@EventType(name = "ReplySubmittedForReview", version = 1, aggregateType = "Case", topic = Topics.REPLY_EVENTS)
public record ReplySubmittedForReview(
        UUID replyId,
        UUID caseId,
        UUID proposalId,
        String unitId,
        int replyVersion,
        String purpose,
        String level,
        OffsetDateTime submittedAt) implements ProposalEvent {

    @Override
    public String aggregateId() {
        return caseId.toString();
    }
}
