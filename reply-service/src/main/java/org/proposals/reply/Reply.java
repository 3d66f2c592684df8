package org.proposals.reply;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;
import org.proposals.events.ResultCategory;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A unit's reply to the proposer for one round: drafted in versions by the handler, reviewed up the chain, put to
 * the proposer, signed as the formal reply and delivered. The text and category here are the current version's.
 */
@Entity
@Table(name = "reply")
public class Reply extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "case_id")
    public HandlingCase handlingCase;

    @Enumerated(EnumType.STRING)
    public ReplyPurpose purpose;

    @Column(name = "handling_round")
    public int handlingRound;

    @Enumerated(EnumType.STRING)
    @Column(name = "result_category")
    public ResultCategory resultCategory;

    public String text;

    @Enumerated(EnumType.STRING)
    public ReplyStatus status;

    @Column(name = "current_version")
    public int currentVersion;

    /** Whose turn it is while the reply is in review. */
    @Enumerated(EnumType.STRING)
    @Column(name = "review_level")
    public ReviewLevel reviewLevel;

    @Enumerated(EnumType.STRING)
    public Disclosure disclosure;

    /** The summary to publish (SUMMARY) or the reason not to publish (NONE). */
    @Column(name = "disclosure_note")
    public String disclosureNote;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "approved_at")
    public OffsetDateTime approvedAt;

    @Column(name = "signed_by_id")
    public String signedById;

    @Column(name = "signed_by_name")
    public String signedByName;

    @Column(name = "delivered_on")
    public LocalDate deliveredOn;

    @Column(name = "delivery_channel")
    public String deliveryChannel;

    @Column(name = "delivered_at")
    public OffsetDateTime deliveredAt;

    @Version
    public long version;

    // loaded for many parents at once when a list shows them, not one query per parent
    @BatchSize(size = 50)
    @OneToMany(mappedBy = "reply", cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    @OrderBy("number")
    public List<ReplyVersion> versions = new ArrayList<>();

    @BatchSize(size = 50)
    @OneToMany(mappedBy = "reply", cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    @OrderBy("decidedAt, id")
    public List<ReplyReview> reviews = new ArrayList<>();

    @BatchSize(size = 50)
    @OneToMany(mappedBy = "reply", cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    @OrderBy("sentAt, id")
    public List<ReplyConsultation> consultations = new ArrayList<>();

    protected Reply() {
    }

    Reply(HandlingCase handlingCase, ReplyPurpose purpose, OffsetDateTime now) {
        this.id = UUID.randomUUID();
        this.handlingCase = handlingCase;
        this.purpose = purpose;
        this.handlingRound = handlingCase.handlingRound;
        this.status = ReplyStatus.DRAFT;
        this.createdAt = now;
    }

    /** Keeps {@code content} as the next version, which becomes the current one; the reply is a draft again. */
    public ReplyVersion write(ReplyContent content, OffsetDateTime now, String byId, String byName) {
        ReplyVersion next = new ReplyVersion(this, versions.size() + 1, content, now, byId, byName);
        versions.add(next);
        currentVersion = next.number;
        resultCategory = content.resultCategory();
        text = content.text();
        status = ReplyStatus.DRAFT;
        reviewLevel = null;
        return next;
    }

    public ReplyVersion current() {
        return versions.get(versions.size() - 1);
    }

    public Optional<ReplyConsultation> openConsultation() {
        return consultations.stream().filter(c -> c.versionNumber == currentVersion).reduce((a, b) -> b);
    }

    public ReplyReview review(ReviewLevel level, ReplyReview.Decision decision, String comments, OffsetDateTime now,
                              String byId, String byName) {
        ReplyReview review = new ReplyReview();
        review.id = UUID.randomUUID();
        review.reply = this;
        review.versionNumber = currentVersion;
        review.level = level;
        review.decision = decision;
        review.comments = comments;
        review.reviewerId = byId;
        review.reviewerName = byName;
        review.decidedAt = now;
        reviews.add(review);
        return review;
    }

    public ReplyConsultation consult(OffsetDateTime now, String byId, String byName) {
        ReplyConsultation consultation = new ReplyConsultation();
        consultation.id = UUID.randomUUID();
        consultation.reply = this;
        consultation.versionNumber = currentVersion;
        consultation.sentAt = now;
        consultation.sentById = byId;
        consultation.sentByName = byName;
        consultations.add(consultation);
        status = ReplyStatus.IN_CONSULTATION;
        return consultation;
    }
}
