package org.proposals.events.reply;

import org.proposals.events.EventType;
import org.proposals.events.ProposalEvent;
import org.proposals.events.Proposer;
import org.proposals.events.Topics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The formal reply reached the proposer: on which day and how (POST, EMAIL, IN_PERSON, PLATFORM).
 *
 * @param recipients the proposer of the proposal and those of the proposals merged into it, who each get the reply
 */
@EventType(name = "ReplyDelivered", version = 1, aggregateType = "Case", topic = Topics.REPLY_EVENTS)
public record ReplyDelivered(
        UUID replyId,
        UUID caseId,
        UUID assignmentId,
        UUID proposalId,
        String unitId,
        LocalDate deliveredOn,
        String channel,
        List<Proposer> recipients,
        OffsetDateTime recordedAt) implements ProposalEvent {

    @Override
    public String aggregateId() {
        return caseId.toString();
    }
}
