package org.proposals.evaluation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.proposals.events.SatisfactionRating;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The proposer's rating of one unit's formal reply (满意度评价); a reply is rated once. */
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

    public String comment;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
}
