package org.proposals.events.reply;

import org.proposals.events.EventType;
import org.proposals.events.ProposalEvent;
import org.proposals.events.Topics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A work measure (policy document, action plan, event, platform ...) was linked to a proposal that led to it
 * (提案转化为实际工作措施). One event per proposal the measure is linked to.
 *
 * @param kind           POLICY_DOCUMENT, ACTION_PLAN, EVENT, PLATFORM or OTHER
 * @param documentNumber the document's number (文号) where it has one
 */
@EventType(name = "WorkMeasureRecorded", version = 1, aggregateType = "Case", topic = Topics.REPLY_EVENTS)
public record WorkMeasureRecorded(
        UUID measureId,
        UUID caseId,
        UUID proposalId,
        String unitId,
        String kind,
        String title,
        String documentNumber,
        LocalDate issuedOn,
        OffsetDateTime recordedAt) implements ProposalEvent {

    @Override
    public String aggregateId() {
        return caseId.toString();
    }
}
