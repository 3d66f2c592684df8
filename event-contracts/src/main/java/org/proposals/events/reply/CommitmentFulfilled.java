package org.proposals.events.reply;

import org.proposals.events.EventType;
import org.proposals.events.ProposalEvent;
import org.proposals.events.Topics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A measure promised in a B or C reply is done: the unit now owes the proposer a second reply.
 *
 * @param measureId the register's work measure that fulfils it, when there is one
 */
@EventType(name = "CommitmentFulfilled", version = 1, aggregateType = "Case", topic = Topics.REPLY_EVENTS)
public record CommitmentFulfilled(
        UUID commitmentId,
        UUID caseId,
        UUID assignmentId,
        UUID proposalId,
        String unitId,
        String description,
        LocalDate dueDate,
        UUID measureId,
        OffsetDateTime fulfilledAt) implements ProposalEvent {

    @Override
    public String aggregateId() {
        return caseId.toString();
    }
}
