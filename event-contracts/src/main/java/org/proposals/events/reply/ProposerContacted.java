package org.proposals.events.reply;

import org.proposals.events.EventType;
import org.proposals.events.ProposalEvent;
import org.proposals.events.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A unit was in contact with the proposer (a visit, symposium, call, face-to-face consultation 面商 ...),
 * as its handler logged it: the first one stops the first-contact clock.
 *
 * @param channel    how: VISIT, SYMPOSIUM, PHONE, FACE_TO_FACE, PROGRESS_NOTICE, POLICY_EXPLANATION ...
 * @param faceToFace whether it counts as a face-to-face consultation (面商)
 */
@EventType(name = "ProposerContacted", version = 1, aggregateType = "Case", topic = Topics.REPLY_EVENTS)
public record ProposerContacted(
        UUID caseId,
        UUID assignmentId,
        UUID proposalId,
        String unitId,
        String channel,
        boolean faceToFace,
        OffsetDateTime contactedAt) implements ProposalEvent {

    @Override
    public String aggregateId() {
        return caseId.toString();
    }
}
