package org.proposals.evaluation;

import org.proposals.evaluation.config.PointsConfig;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A unit's performance points sheet (绩效评价) for the proposals submitted in one year: per criterion its points and
 * every deduction with the item and the events that caused it, the office's adjustments, and the total.
 *
 * @param criteriaPoints   the criteria's scores added up
 * @param adjustmentPoints the adjustments still in force added up
 * @param total            criteria and adjustments, never below 0 (bonus points may take it above the maximum)
 * @param maximum          the criteria's points added up
 */
public record PointsSheet(String unitId, String unitName, int year, long handlings, BigDecimal total, BigDecimal maximum,
                          BigDecimal criteriaPoints, BigDecimal adjustmentPoints, List<Criterion> criteria,
                          List<Adjustment> adjustments) {

    /** The sheet's result, as the annual summary states it. */
    public record Total(BigDecimal points, BigDecimal maximum) {
    }

    public Total asTotal() {
        return new Total(total, maximum);
    }

    /**
     * One criterion: worth {@code max}, scored {@code score} = max less its deductions (never below 0).
     *
     * @param figure what the criterion counts, e.g. 43 of 44 contacted
     */
    public record Criterion(PointsCriterion criterion, String description, PointsConfig.Rule rule, BigDecimal max,
                            BigDecimal pointsPerItem, BigDecimal pointsPerPercentagePoint, Figure figure, BigDecimal score,
                            List<Deduction> deductions) {
    }

    /**
     * @param met     items that met the criterion (signed on time, contacted, satisfied ...)
     * @param of      items the criterion counts
     * @param percent met of of in percent with two decimals; null when there is nothing to count
     */
    public record Figure(long met, long of, BigDecimal percent) {
    }

    /**
     * Points lost for one item: the unit's handling of a proposal, and the events that show it.
     *
     * @param causes the events behind the deduction, earliest first; none when only the read model's dates show it
     *               (e.g. a reply approved after its due date before any deadline notice went out)
     */
    public record Deduction(UUID proposalId, String number, String title, String unitId, BigDecimal points, String reason,
                            List<Cause> causes) {
    }

    /**
     * An event behind a deduction.
     *
     * @param type the event type: {@code DeadlineMissed} (id: the event's id), {@code SatisfactionRecorded} (the
     *             satisfaction id), {@code ContactRecorded} (the contact id: a contact that did not count, disputed or
     *             not face to face), {@code CommitmentFulfilled} (the commitment id, fulfilled after its due date)
     */
    public record Cause(String type, UUID id) {
    }

    /** An adjustment by the office, with its reason; a withdrawn one is shown and does not count. */
    public record Adjustment(UUID id, String unitId, int year, BigDecimal points, String reason, OffsetDateTime createdAt,
                             String createdById, String createdByName, boolean withdrawn, OffsetDateTime withdrawnAt,
                             String withdrawnById, String withdrawnByName, String withdrawalReason) {

        public static Adjustment of(EvaluationAdjustment a) {
            return new Adjustment(a.id, a.unitId, a.year, a.points, a.reason, a.createdAt, a.createdById, a.createdByName,
                    a.withdrawnAt != null, a.withdrawnAt, a.withdrawnById, a.withdrawnByName, a.withdrawalReason);
        }
    }
}
