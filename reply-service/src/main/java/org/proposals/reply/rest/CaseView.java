package org.proposals.reply.rest;

import org.proposals.events.HandlingType;
import org.proposals.events.Proposer;
import org.proposals.reply.CaseStatus;
import org.proposals.events.ResultCategory;
import org.proposals.reply.HandlingCase;
import org.proposals.reply.Reply;
import org.proposals.reply.ReplyPurpose;
import org.proposals.reply.ReplyStatus;
import org.proposals.reply.ReviewLevel;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A unit's case file as the API shows it, with its replies in brief. */
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
        Responsibility responsibility,
        boolean keyProposal,
        int handlingRound,
        OffsetDateTime endedAt,
        String endNote,
        long version,
        List<ReplySummary> replies) {

    /** Who answers for the case: the division and the four levels, by id and name; null until the office records them. */
    public record Responsibility(String divisionId, String divisionName, Person bureauHead, Person deputyHead,
                                 Person divisionHead, Person handler, OffsetDateTime recordedAt) {

        static Responsibility of(HandlingCase c) {
            return c.responsibilityRecorded() ? new Responsibility(c.divisionId, c.divisionName,
                    Person.of(c.bureauHeadId, c.bureauHeadName), Person.of(c.deputyHeadId, c.deputyHeadName),
                    Person.of(c.divisionHeadId, c.divisionHeadName), Person.of(c.handlerId, c.handlerName), c.responsibilityAt)
                    : null;
        }
    }

    public record Person(String id, String name) {

        static Person of(String id, String name) {
            return id == null ? null : new Person(id, name);
        }
    }

    /** A reply of the case in brief; GET .../replies/{replyId} gives its versions, reviews and consultations. */
    public record ReplySummary(UUID id, ReplyPurpose purpose, int handlingRound, ReplyStatus status, ReviewLevel reviewLevel,
                               int currentVersion, ResultCategory resultCategory, OffsetDateTime createdAt,
                               OffsetDateTime approvedAt, LocalDate deliveredOn) {

        static ReplySummary of(Reply r) {
            return new ReplySummary(r.id, r.purpose, r.handlingRound, r.status, r.reviewLevel, r.currentVersion, r.resultCategory,
                    r.createdAt, r.approvedAt, r.deliveredOn);
        }
    }

    public static CaseView of(HandlingCase c) {
        Proposer proposer = c.proposerId == null && c.proposerName == null ? null : new Proposer(c.proposerId, c.proposerName);
        return new CaseView(c.id, c.assignmentId, c.proposalId, c.proposalTitle, proposer, c.unitId, c.unitName,
                c.handlingType, c.leadUnitId, c.replyDueDate, c.status, c.openedAt, Responsibility.of(c), c.keyProposal,
                c.handlingRound, c.endedAt, c.endNote, c.version,
                c.replies.stream().map(ReplySummary::of).toList());
    }
}
