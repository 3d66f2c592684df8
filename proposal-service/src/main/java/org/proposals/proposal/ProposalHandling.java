package org.proposals.proposal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.proposals.events.HandlingType;
import org.proposals.events.ResultCategory;
import org.proposals.events.SatisfactionRating;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/** One unit's part in handling a proposal, as reported by the assignment, reply and evaluation services. */
@Entity
@Table(name = "proposal_handling")
@IdClass(ProposalHandling.Key.class)
public class ProposalHandling {

    @Id
    @ManyToOne
    @JoinColumn(name = "proposal_id")
    public Proposal proposal;

    @Id
    @Column(name = "unit_id")
    public String unitId;

    @Column(name = "assignment_id")
    public UUID assignmentId;

    @Column(name = "unit_name")
    public String unitName;

    @Enumerated(EnumType.STRING)
    @Column(name = "handling_type")
    public HandlingType handlingType;

    @Column(name = "lead_unit_id")
    public String leadUnitId;

    @Column(name = "assigned_at")
    public OffsetDateTime assignedAt;

    @Column(name = "signed_at")
    public OffsetDateTime signedAt;

    @Column(name = "reply_id")
    public UUID replyId;

    @Enumerated(EnumType.STRING)
    @Column(name = "result_category")
    public ResultCategory resultCategory;

    @Column(name = "replied_at")
    public OffsetDateTime repliedAt;

    @Enumerated(EnumType.STRING)
    public SatisfactionRating rating;

    @Column(name = "rated_at")
    public OffsetDateTime ratedAt;

    protected ProposalHandling() {
    }

    ProposalHandling(Proposal proposal, String unitId) {
        this.proposal = proposal;
        this.unitId = unitId;
    }

    /**
     * Whether a proposer's rating applies to the unit's part as it stands: a rating of its current reply, or one
     * that arrived before the reply itself, but never a rating of an earlier round's reply after the unit was
     * reopened (such a rating stays in the timeline only).
     */
    public boolean isRatedBy(UUID ratedReplyId, Integer ratedRound) {
        if (replyId != null) {
            return replyId.equals(ratedReplyId);
        }
        return (ratedRound == null ? 1 : ratedRound) >= proposal.handlingRound;
    }

    /** Takes a proposer's rating: the least satisfied of the round's proposers stands for the unit's part. */
    public void rate(SatisfactionRating given, OffsetDateTime at) {
        if (rating == null || given.ordinal() > rating.ordinal()) {
            rating = given;
        }
        if (ratedAt == null) {
            ratedAt = at;
        }
    }

    boolean owesReply() {
        return handlingType != null && handlingType.repliesToProposer();
    }

    /** Re-handling: the unit replies again and the proposer rates again; the earlier round stays in the timeline. */
    void startNewRound() {
        replyId = null;
        resultCategory = null;
        repliedAt = null;
        rating = null;
        ratedAt = null;
    }

    public static class Key implements Serializable {
        public UUID proposal;
        public String unitId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(proposal, k.proposal) && Objects.equals(unitId, k.unitId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(proposal, unitId);
        }
    }
}
