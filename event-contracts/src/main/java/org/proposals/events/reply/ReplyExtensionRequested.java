package org.proposals.events.reply;

import org.proposals.events.EventType;
import org.proposals.events.ProposalEvent;
import org.proposals.events.Topics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The unit asked from its case for a later reply deadline, with its reason. assignment-service registers the
 * request under the same {@code requestId} (announcing ExtensionRequested) and the committee decides.
 */
@EventType(name = "ReplyExtensionRequested", version = 1, aggregateType = "Case", topic = Topics.REPLY_EVENTS)
public record ReplyExtensionRequested(
        UUID requestId,
        UUID caseId,
        UUID assignmentId,
        UUID proposalId,
        String unitId,
        String reason,
        LocalDate currentDue,
        LocalDate requestedDue,
        OffsetDateTime requestedAt) implements ProposalEvent {

    @Override
    public String aggregateId() {
        return caseId.toString();
    }
}
