package org.proposals.events.reply;

import org.proposals.events.EventType;
import org.proposals.events.ProposalEvent;
import org.proposals.events.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A unit logged a contact with the proposer (a visit, symposium, call, face-to-face consultation 面商 ...):
 * the first one stops the first-contact clock.
 *
 * @param channel    how: VISIT, SYMPOSIUM, PHONE, FACE_TO_FACE, PROGRESS_NOTICE, POLICY_EXPLANATION
 * @param faceToFace whether it counts as a face-to-face consultation (面商)
 */
@EventType(name = "ContactRecorded", version = 1, aggregateType = "Case", topic = Topics.REPLY_EVENTS)
public record ContactRecorded(
        UUID contactId,
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
