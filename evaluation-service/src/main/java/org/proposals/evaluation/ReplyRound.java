package org.proposals.evaluation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One formal reply of a unit as the reply service reported it: the handling round it closes, its purpose, its
 * delivery and who received it. Its proposers rate it from the delivery on; the window ends on {@link #ratingDue}.
 */
@Entity
@Table(name = "reply_round")
public class ReplyRound extends PanacheEntityBase {

    /** A follow-up reply, sent once a promised measure is done: it opens no rating of its own. */
    public static final String FOLLOW_UP = "FOLLOW_UP";
    public static final String INITIAL = "INITIAL";

    @Id
    @Column(name = "reply_id")
    public UUID replyId;

    @Column(name = "proposal_id")
    public UUID proposalId;

    @Column(name = "unit_id")
    public String unitId;

    /** The handling round the reply closes: 1, then 2, 3 ... after re-handling; null until ReplyApproved arrives. */
    public Integer round;

    /** INITIAL, REHANDLING or FOLLOW_UP; null until ReplyApproved arrives. */
    public String purpose;

    @Column(name = "approved_at")
    public OffsetDateTime approvedAt;

    @Column(name = "delivered_on")
    public LocalDate deliveredOn;

    /** The last day of the rating window; a rating after it is accepted and flagged late. */
    @Column(name = "rating_due")
    public LocalDate ratingDue;

    @ElementCollection
    @CollectionTable(name = "reply_recipient", joinColumns = @JoinColumn(name = "reply_id"))
    public List<Recipient> recipients = new ArrayList<>();

    protected ReplyRound() {
    }

    public ReplyRound(UUID replyId, UUID proposalId, String unitId) {
        this.replyId = replyId;
        this.proposalId = proposalId;
        this.unitId = unitId;
    }

    public boolean isFollowUp() {
        return FOLLOW_UP.equals(purpose);
    }

    public boolean isDelivered() {
        return deliveredOn != null;
    }

    /** The round, 1 when the producer did not say. */
    public int roundOrFirst() {
        return round == null ? 1 : round;
    }

    public boolean isRecipient(String proposerId) {
        return recipients.stream().anyMatch(r -> r.proposerId.equals(proposerId));
    }

    /** A proposer the reply was delivered to. */
    @Embeddable
    public static class Recipient {

        @Column(name = "proposer_id")
        public String proposerId;

        @Column(name = "proposer_name")
        public String proposerName;

        protected Recipient() {
        }

        public Recipient(String proposerId, String proposerName) {
            this.proposerId = proposerId;
            this.proposerName = proposerName;
        }
    }
}
