package org.proposals.evaluation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.proposals.events.SatisfactionRating;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A proposer's rating of one unit's formal reply (满意度评价): overall, and separately the unit's attitude in
 * communication and the result. One per proposer per handling round of the unit.
 */
@Entity
@Table(name = "satisfaction")
public class Satisfaction extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "reply_id")
    public UUID replyId;

    @Column(name = "proposal_id")
    public UUID proposalId;

    @Column(name = "unit_id")
    public String unitId;

    @Column(name = "proposer_id")
    public String proposerId;

    @Enumerated(EnumType.STRING)
    public SatisfactionRating rating;

    /** The unit's attitude in communicating with the proposer; null when not rated. */
    @Enumerated(EnumType.STRING)
    public SatisfactionRating attitude;

    /** The result of the handling; null when not rated. */
    @Enumerated(EnumType.STRING)
    public SatisfactionRating result;

    public String comment;

    /** The handling round of the rated reply. */
    public int round;

    /** The last day of the rating window when the rating was given. */
    @Column(name = "rating_due")
    public LocalDate ratingDue;

    /** Given after the window closed: accepted, and flagged. */
    public boolean late;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
}
