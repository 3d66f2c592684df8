package org.proposals.events.supervision;

import org.proposals.events.EventType;
import org.proposals.events.ProposalEvent;
import org.proposals.events.Topics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The city supervision office's system sent a directive about a proposal, and the supervision adapter accepted it
 * for assignment-service to apply: {@code MARK_KEY} (key proposal supervised by {@code leaderName}), {@code URGE}
 * (督办 the unit), {@code PROGRESS_REPORT} (the unit reports progress by {@code dueDate}) or
 * {@code EARLIER_DEADLINE} (the unit replies by {@code dueDate}). assignment-service answers with
 * {@code ProposalSupervised} or {@code SupervisionDirectiveIssued} under the same {@code directiveId}, or with
 * {@code SupervisionDirectiveRejected}.
 *
 * @param directiveId the platform's id of the directive, the same for every repeat of it
 * @param externalId  the supervision system's own id of the directive
 * @param unitId      the unit directed; null for {@code MARK_KEY}
 */
@EventType(name = "SupervisionDirectiveReceived", version = 1, aggregateType = "Proposal", topic = Topics.SUPERVISION_EVENTS)
public record SupervisionDirectiveReceived(
        UUID directiveId,
        String externalId,
        String type,
        UUID proposalId,
        String unitId,
        String leaderName,
        String note,
        LocalDate dueDate,
        OffsetDateTime receivedAt) implements ProposalEvent {

    @Override
    public String aggregateId() {
        return proposalId.toString();
    }
}
