package org.proposals.events.evaluation;

import org.proposals.events.EventType;
import org.proposals.events.ProposalEvent;
import org.proposals.events.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A proposer rated a unit's formal reply unsatisfied: the unit's handling of the proposal is to be reopened for
 * the next round (重新办理). One per proposal, unit and rated round, however many proposers rated it unsatisfied.
 *
 * @param requestId  this request, the same for every delivery of it
 * @param replyId    the formal reply rated unsatisfied
 * @param round      the handling round that reply closed, the round rated (1, then 2 ... after re-handling)
 * @param proposerId who rated it unsatisfied (the lead proposer or the proposer of a proposal merged into it)
 * @param reason     the proposer's comment with the rating, if any
 */
@EventType(name = "RehandlingRequested", version = 1, aggregateType = "Proposal", topic = Topics.EVALUATION_EVENTS)
public record RehandlingRequested(
        UUID requestId,
        UUID proposalId,
        String unitId,
        UUID replyId,
        int round,
        String proposerId,
        String reason,
        OffsetDateTime requestedAt) implements ProposalEvent {

    @Override
    public String aggregateId() {
        return proposalId.toString();
    }
}
