package org.proposals.evaluation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.proposals.events.HandlingType;
import org.proposals.events.ResultCategory;
import org.proposals.events.SatisfactionRating;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * One unit's part in handling one proposal: its assignment, sign-for and formal reply as the assignment
 * and reply services report them, and the proposers' rating of that reply, round by round (see V2's columns).
 */
@Entity
@Table(name = "unit_handling")
@IdClass(UnitHandling.Key.class)
public class UnitHandling extends PanacheEntityBase {

    @Id
    @Column(name = "proposal_id")
    public UUID proposalId;

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

    @Column(name = "assigned_at")
    public OffsetDateTime assignedAt;

    @Column(name = "reply_due_date")
    public LocalDate replyDueDate;

    @Column(name = "signed_at")
    public OffsetDateTime signedAt;

    @Column(name = "signed_late")
    public Boolean signedLate;

    @Column(name = "reply_id")
    public UUID replyId;

    @Enumerated(EnumType.STRING)
    @Column(name = "result_category")
    public ResultCategory resultCategory;

    @Column(name = "replied_at")
    public OffsetDateTime repliedAt;

    /** The round of {@link #replyId}, and so of {@link #rating}: 1 until re-handling. */
    @Column(name = "reply_round")
    public Integer replyRound;

    /**
     * The rating of the latest round's reply: the least satisfied of its proposers' overall ratings; null until
     * rated, and again once a new round's reply arrives.
     */
    @Enumerated(EnumType.STRING)
    public SatisfactionRating rating;

    @Column(name = "rated_at")
    public OffsetDateTime ratedAt;

    /** INITIAL, ADJUSTMENT or RECESS_REASSIGNMENT (闭会期间重新交办). */
    public String origin;

    /** The year of the proposal ({@link ProposalRecord#year}), kept here so that a year's figures are found by index. */
    public Integer year;

    /** When the assignment ended with the unit's adjustment request: the unit no longer handles it. */
    @Column(name = "ended_at")
    public OffsetDateTime endedAt;

    /** When a co-handling unit's opinion reached the lead unit. */
    @Column(name = "opinion_submitted_at")
    public OffsetDateTime opinionSubmittedAt;

    /** When the unit first contacted the proposer. */
    @Column(name = "first_contact_at")
    public OffsetDateTime firstContactAt;

    /** Round 1's rating, kept through re-handling: the first-round satisfaction. */
    @Enumerated(EnumType.STRING)
    @Column(name = "first_round_rating")
    public SatisfactionRating firstRoundRating;

    @Column(name = "first_round_rated_at")
    public OffsetDateTime firstRoundRatedAt;

    /** The latest round the unit was reopened for; re-handling is under way while it exceeds {@link #replyRound}. */
    @Column(name = "reopened_round")
    public Integer reopenedRound;

    protected UnitHandling() {
    }

    public UnitHandling(UUID proposalId, String unitId) {
        this.proposalId = proposalId;
        this.unitId = unitId;
    }

    public static class Key implements Serializable {
        public UUID proposalId;
        public String unitId;

        public Key() {
        }

        public Key(UUID proposalId, String unitId) {
            this.proposalId = proposalId;
            this.unitId = unitId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(proposalId, k.proposalId) && Objects.equals(unitId, k.unitId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(proposalId, unitId);
        }
    }
}
