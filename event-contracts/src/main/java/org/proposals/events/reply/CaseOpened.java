package org.proposals.events.reply;

import org.proposals.events.EventType;
import org.proposals.events.HandlingType;
import org.proposals.events.ProposalEvent;
import org.proposals.events.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A unit's case file for one assignment was opened: the unit can log contacts, draft and submit from now on. */
@EventType(name = "CaseOpened", version = 1, aggregateType = "Case", topic = Topics.REPLY_EVENTS)
public record CaseOpened(
        UUID caseId,
        UUID assignmentId,
        UUID proposalId,
        String unitId,
        HandlingType handlingType,
        String leadUnitId,
        OffsetDateTime openedAt) implements ProposalEvent {

    @Override
    public String aggregateId() {
        return caseId.toString();
    }
}
