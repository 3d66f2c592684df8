package org.proposals.reply.rest;

import org.proposals.events.HandlingType;
import org.proposals.events.Proposer;
import org.proposals.reply.CaseStatus;
import org.proposals.reply.HandlingCase;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A unit's case file as the API shows it, with its replies. */
public record CaseView(
        UUID id,
        UUID assignmentId,
        UUID proposalId,
        String proposalTitle,
        Proposer proposer,
        String unitId,
        String unitName,
        HandlingType handlingType,
        String leadUnitId,
        LocalDate replyDueDate,
        CaseStatus status,
        OffsetDateTime openedAt,
        long version,
        List<ReplyView> replies) {

    public static CaseView of(HandlingCase c) {
        Proposer proposer = c.proposerId == null && c.proposerName == null ? null : new Proposer(c.proposerId, c.proposerName);
        return new CaseView(c.id, c.assignmentId, c.proposalId, c.proposalTitle, proposer, c.unitId, c.unitName,
                c.handlingType, c.leadUnitId, c.replyDueDate, c.status, c.openedAt, c.version,
                c.replies.stream().map(ReplyView::of).toList());
    }
}
