package org.proposals.reply.rest;

import org.proposals.events.HandlingType;
import org.proposals.events.ResultCategory;
import org.proposals.reply.HandlingCase;
import org.proposals.reply.Reply;
import org.proposals.reply.ReplyConsultation;
import org.proposals.reply.ReplyStatus;
import org.proposals.reply.ReplyVersion;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A unit's case as the proposer sees it: the draft put to them for comment and the formal replies, never the
 * unit's internal drafts, review comments or co-handling opinions.
 *
 * @param merged true when the proposer's own proposal was merged into this one: they receive its formal replies
 */
public record ProposerCaseView(
        UUID caseId,
        UUID proposalId,
        String proposalTitle,
        String unitId,
        String unitName,
        HandlingType handlingType,
        LocalDate replyDueDate,
        boolean merged,
        ConsultationDraft consultation,
        List<FormalReply> formalReplies) {

    /** The version put to the proposer and their answer, if any. */
    public record ConsultationDraft(UUID replyId, int versionNumber, ResultCategory resultCategory, String text,
                                    OffsetDateTime sentAt, OffsetDateTime answeredAt, Boolean agrees, String comments) {

        static ConsultationDraft of(Reply reply) {
            ReplyConsultation c = reply.consultations.get(reply.consultations.size() - 1);
            ReplyVersion v = reply.versions.get(c.versionNumber - 1);
            return new ConsultationDraft(reply.id, v.number, v.resultCategory, v.text, c.sentAt, c.answeredAt, c.agrees, c.comments);
        }
    }

    public record FormalReply(UUID replyId, String purpose, int handlingRound, ResultCategory resultCategory, String text,
                              OffsetDateTime approvedAt, String signedBy, LocalDate deliveredOn, String deliveryChannel) {

        static FormalReply of(Reply r) {
            return new FormalReply(r.id, r.purpose.name(), r.handlingRound, r.resultCategory, r.text, r.approvedAt, r.signedByName,
                    r.deliveredOn, r.deliveryChannel);
        }
    }

    public static ProposerCaseView of(HandlingCase c, String proposerId) {
        boolean merged = !Objects.equals(proposerId, c.proposerId);
        // the consultation is with the proposal's own proposer; merged proposers receive the formal reply
        ConsultationDraft consultation = merged ? null : c.replies.stream()
                .filter(r -> r.status == ReplyStatus.IN_CONSULTATION || r.status == ReplyStatus.CONSULTED)
                .findFirst().map(ConsultationDraft::of).orElse(null);
        return new ProposerCaseView(c.id, c.proposalId, c.proposalTitle, c.unitId, c.unitName, c.handlingType, c.replyDueDate,
                merged, consultation, c.replies.stream().filter(r -> r.status.isFormal()).map(FormalReply::of).toList());
    }
}
