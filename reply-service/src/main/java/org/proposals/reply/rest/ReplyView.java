package org.proposals.reply.rest;

import org.proposals.events.ResultCategory;
import org.proposals.reply.Disclosure;
import org.proposals.reply.Reply;
import org.proposals.reply.ReplyConsultation;
import org.proposals.reply.ReplyContent;
import org.proposals.reply.ReplyPurpose;
import org.proposals.reply.ReplyReview;
import org.proposals.reply.ReplyStatus;
import org.proposals.reply.ReplyVersion;
import org.proposals.reply.ReviewLevel;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A reply as the unit and the overseers see it: every version, every review decision and every consultation. */
public record ReplyView(
        UUID id,
        UUID caseId,
        ReplyPurpose purpose,
        int handlingRound,
        ReplyStatus status,
        ReviewLevel reviewLevel,
        int currentVersion,
        ResultCategory resultCategory,
        String text,
        Disclosure disclosure,
        String disclosureNote,
        OffsetDateTime createdAt,
        OffsetDateTime approvedAt,
        String signedBy,
        LocalDate deliveredOn,
        String deliveryChannel,
        long version,
        List<VersionView> versions,
        List<ReviewView> reviews,
        List<ConsultationView> consultations) {

    public record VersionView(int number, ResultCategory resultCategory, String text, List<String> answers,
                              List<ReplyContent.MeasureTaken> measuresTaken, List<ReplyContent.PromisedMeasure> measuresPromised,
                              List<UUID> reflectedOpinions, OffsetDateTime createdAt, String createdBy) {

        static VersionView of(ReplyVersion v) {
            return new VersionView(v.number, v.resultCategory, v.text, v.answers, v.measuresTaken, v.measuresPromised,
                    v.reflectedOpinions, v.createdAt, v.createdByName != null ? v.createdByName : v.createdById);
        }
    }

    public record ReviewView(int versionNumber, ReviewLevel level, ReplyReview.Decision decision, String comments,
                             String reviewerId, String reviewerName, OffsetDateTime decidedAt) {

        static ReviewView of(ReplyReview r) {
            return new ReviewView(r.versionNumber, r.level, r.decision, r.comments, r.reviewerId, r.reviewerName, r.decidedAt);
        }
    }

    public record ConsultationView(int versionNumber, OffsetDateTime sentAt, String sentBy, OffsetDateTime answeredAt,
                                   Boolean agrees, String comments, String answerChannel, String answeredBy) {

        static ConsultationView of(ReplyConsultation c) {
            return new ConsultationView(c.versionNumber, c.sentAt, c.sentByName != null ? c.sentByName : c.sentById, c.answeredAt,
                    c.agrees, c.comments, c.answerChannel, c.answeredByName != null ? c.answeredByName : c.answeredById);
        }
    }

    public static ReplyView of(Reply r) {
        return new ReplyView(r.id, r.handlingCase.id, r.purpose, r.handlingRound, r.status, r.reviewLevel, r.currentVersion,
                r.resultCategory, r.text, r.disclosure, r.disclosureNote, r.createdAt, r.approvedAt,
                r.signedByName != null ? r.signedByName : r.signedById, r.deliveredOn, r.deliveryChannel, r.version,
                r.versions.stream().map(VersionView::of).toList(),
                r.reviews.stream().map(ReviewView::of).toList(),
                r.consultations.stream().map(ConsultationView::of).toList());
    }
}
