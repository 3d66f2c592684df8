package org.proposals.evaluation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The office's adjustment of a unit's points sheet for a year: plus or minus points with the reason. Never edited:
 * a withdrawal is recorded on it (who, when, why) and it stops counting.
 */
@Entity
@Table(name = "evaluation_adjustment")
public class EvaluationAdjustment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "unit_id")
    public String unitId;

    public int year;

    public BigDecimal points;

    public String reason;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "created_by_id")
    public String createdById;

    @Column(name = "created_by_name")
    public String createdByName;

    @Column(name = "withdrawn_at")
    public OffsetDateTime withdrawnAt;

    @Column(name = "withdrawn_by_id")
    public String withdrawnById;

    @Column(name = "withdrawn_by_name")
    public String withdrawnByName;

    @Column(name = "withdrawal_reason")
    public String withdrawalReason;
}
