package org.proposals.events.reply;

import org.proposals.events.EventType;
import org.proposals.events.HandlingType;
import org.proposals.events.ProposalEvent;
import org.proposals.events.ResultCategory;
import org.proposals.events.Topics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A unit's reply to the proposer passed review and is the formal reply.
 *
 * @param commitmentDue for a B or C reply, when the measure it promises is due: the unit replies again once it is
 *                      done (added compatibly; null from older producers and for A and D replies)
 * @param purpose       INITIAL, REHANDLING (after an unsatisfied rating) or FOLLOW_UP (the second reply once a promised
 *                      measure is done); added compatibly, null from older producers means INITIAL
 * @param round         the handling round the reply closes: 1, then 2, 3 ... after re-handling (null from older producers)
 * @param disclosure    decided at review: FULL, SUMMARY or NONE (null from older producers)
 */
@EventType(name = "ReplyApproved", version = 1, aggregateType = "Case", topic = Topics.REPLY_EVENTS)
public record ReplyApproved(
        UUID replyId,
        UUID caseId,
        UUID assignmentId,
        UUID proposalId,
        String unitId,
        HandlingType handlingType,
        ResultCategory resultCategory,
        OffsetDateTime approvedAt,
        LocalDate commitmentDue,
        String purpose,
        Integer round,
        String disclosure) implements ProposalEvent {

    /** A reply without a promised measure, as the first producers wrote it. */
    public ReplyApproved(UUID replyId, UUID caseId, UUID assignmentId, UUID proposalId, String unitId, HandlingType handlingType,
                         ResultCategory resultCategory, OffsetDateTime approvedAt) {
        this(replyId, caseId, assignmentId, proposalId, unitId, handlingType, resultCategory, approvedAt, null);
    }

    /** A first-round reply, as the producers before purpose, round and disclosure wrote it. */
    public ReplyApproved(UUID replyId, UUID caseId, UUID assignmentId, UUID proposalId, String unitId, HandlingType handlingType,
                         ResultCategory resultCategory, OffsetDateTime approvedAt, LocalDate commitmentDue) {
        this(replyId, caseId, assignmentId, proposalId, unitId, handlingType, resultCategory, approvedAt, commitmentDue,
                null, null, null);
    }

    @Override
    public String aggregateId() {
        return caseId.toString();
    }
}
