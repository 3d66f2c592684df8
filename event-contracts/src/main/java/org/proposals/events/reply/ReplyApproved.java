package org.proposals.events.reply;

import org.proposals.events.EventType;
import org.proposals.events.HandlingType;
import org.proposals.events.ProposalEvent;
import org.proposals.events.ResultCategory;
import org.proposals.events.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A unit's reply to the proposer passed review and is the formal reply. */
@EventType(name = "ReplyApproved", version = 1, aggregateType = "Case", topic = Topics.REPLY_EVENTS)
public record ReplyApproved(
        UUID replyId,
        UUID caseId,
        UUID assignmentId,
        UUID proposalId,
        String unitId,
        HandlingType handlingType,
        ResultCategory resultCategory,
        OffsetDateTime approvedAt) implements ProposalEvent {

    @Override
    public String aggregateId() {
        return caseId.toString();
    }
}
