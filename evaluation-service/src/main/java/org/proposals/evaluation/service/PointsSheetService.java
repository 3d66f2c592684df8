package org.proposals.evaluation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.proposals.evaluation.EvaluationAdjustment;
import org.proposals.evaluation.PointsCriterion;
import org.proposals.evaluation.PointsSheet;
import org.proposals.evaluation.config.PointsConfig;
import org.proposals.evaluation.repository.PointsRepository;
import org.proposals.kit.time.CityClock;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A unit's performance points sheet (绩效评价) for the proposals submitted in a year: each criterion of
 * {@link PointsConfig} scored from the read model, every deduction naming its item and the events behind it, plus the
 * office's adjustments.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PointsSheetService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Inject
    PointsRepository points;

    @Inject
    PointsConfig config;

    @Inject
    CityClock clock;

    /** The sheet, empty when the unit has no handlings on that year's proposals. */
    public Optional<PointsSheet> sheet(String unitId, int year) {
        String zone = clock.zone().getId();
        PointsRepository.Counts counts = points.counts(unitId, year, zone);
        if (counts.handlings() == 0) {
            return Optional.empty();
        }
        Map<PointsCriterion, List<PointsRepository.Missed>> missed = new EnumMap<>(PointsCriterion.class);
        for (PointsCriterion criterion : PointsCriterion.values()) {
            missed.put(criterion, new ArrayList<>());
        }
        points.missed(unitId, year, zone).forEach(m -> missed.get(m.criterion()).add(m));

        List<PointsSheet.Criterion> criteria = new ArrayList<>();
        BigDecimal criteriaPoints = BigDecimal.ZERO;
        BigDecimal maximum = BigDecimal.ZERO;
        for (PointsCriterion criterion : PointsCriterion.values()) {
            PointsSheet.Criterion scored = score(criterion, config.of(criterion), counted(criterion, counts),
                    missed.get(criterion), unitId);
            criteria.add(scored);
            criteriaPoints = criteriaPoints.add(scored.score());
            maximum = maximum.add(scored.max());
        }
        List<PointsSheet.Adjustment> adjustments = EvaluationAdjustment.<EvaluationAdjustment>list(
                "unitId = ?1 and year = ?2 order by createdAt, id", unitId, year).stream().map(PointsSheet.Adjustment::of).toList();
        BigDecimal adjustmentPoints = adjustments.stream().filter(a -> !a.withdrawn()).map(PointsSheet.Adjustment::points)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal total = criteriaPoints.add(adjustmentPoints).max(BigDecimal.ZERO);
        return Optional.of(new PointsSheet(unitId, counts.unitName(), year, counts.handlings(), scale(total), scale(maximum),
                scale(criteriaPoints), scale(adjustmentPoints), criteria, adjustments));
    }

    /** The sheet's points and maximum, for the annual summary; empty when the unit has no handlings that year. */
    public Optional<PointsSheet.Total> total(String unitId, int year) {
        return sheet(unitId, year).map(PointsSheet::asTotal);
    }

    /** How many items each criterion counts. */
    private static long counted(PointsCriterion criterion, PointsRepository.Counts counts) {
        return switch (criterion) {
            case SIGN_FOR_ON_TIME -> counts.handlings();
            case OPINIONS_ON_TIME -> counts.coHandling();
            case CONTACT_RATE, FACE_TO_FACE_RATE, REPLIES_ON_TIME -> counts.needingReply();
            case FIRST_ROUND_SATISFACTION -> counts.firstRoundRated();
            case REHANDLING_SATISFACTION -> counts.rehandlingRated();
            case COMMITMENTS_KEPT -> counts.promised();
        };
    }

    /**
     * Scores one criterion: {@code max} less what the items that missed cost, never below 0.
     * <ul>
     *   <li>PER_ITEM: each item costs {@code pointsPerItem}, in proposal-number order until the criterion is at 0;</li>
     *   <li>RATE: the share met, in percent with two decimals; each percentage point short of 100 costs
     *   {@code pointsPerPercentagePoint} (97.73 % at 1 point costs 2.27), and what is lost is spread evenly over the
     *   items that missed, the last taking the rounding, so that the deductions add up to the points lost.</li>
     * </ul>
     * Nothing counted is full points.
     */
    public static PointsSheet.Criterion score(PointsCriterion criterion, PointsConfig.Criterion rule, long counted,
                                              List<PointsRepository.Missed> missed, String unitId) {
        BigDecimal max = scale(rule.max());
        long missedCount = Math.min(missed.size(), counted);
        BigDecimal percent = counted == 0 ? null
                : BigDecimal.valueOf(counted - missedCount).multiply(HUNDRED).divide(BigDecimal.valueOf(counted), 2, RoundingMode.HALF_UP);
        List<BigDecimal> costs = new ArrayList<>();
        if (rule.rule() == PointsConfig.Rule.PER_ITEM) {
            BigDecimal left = max;
            for (int i = 0; i < missed.size(); i++) {
                BigDecimal cost = scale(rule.pointsPerItem()).min(left).max(BigDecimal.ZERO);
                costs.add(cost);
                left = left.subtract(cost);
            }
        } else if (!missed.isEmpty() && percent != null) {
            BigDecimal lost = scale(HUNDRED.subtract(percent).multiply(rule.pointsPerPercentagePoint())).min(max);
            BigDecimal each = lost.divide(BigDecimal.valueOf(missed.size()), 2, RoundingMode.DOWN);
            for (int i = 0; i < missed.size() - 1; i++) {
                costs.add(each);
            }
            costs.add(lost.subtract(each.multiply(BigDecimal.valueOf(missed.size() - 1L))));
        } else {
            missed.forEach(m -> costs.add(BigDecimal.ZERO.setScale(2)));
        }
        List<PointsSheet.Deduction> deductions = new ArrayList<>();
        BigDecimal lost = BigDecimal.ZERO;
        for (int i = 0; i < missed.size(); i++) {
            PointsRepository.Missed m = missed.get(i);
            deductions.add(new PointsSheet.Deduction(m.proposalId(), m.number(), m.title(), unitId, costs.get(i),
                    reason(criterion, m), causes(m)));
            lost = lost.add(costs.get(i));
        }
        return new PointsSheet.Criterion(criterion, description(criterion), rule.rule(), max,
                rule.rule() == PointsConfig.Rule.PER_ITEM ? scale(rule.pointsPerItem()) : null,
                rule.rule() == PointsConfig.Rule.RATE ? rule.pointsPerPercentagePoint() : null,
                new PointsSheet.Figure(counted - missedCount, counted, percent), scale(max.subtract(lost).max(BigDecimal.ZERO)),
                deductions);
    }

    private static List<PointsSheet.Cause> causes(PointsRepository.Missed m) {
        List<PointsSheet.Cause> causes = new ArrayList<>();
        add(causes, "DeadlineMissed", m.missedDeadlines());
        add(causes, "SatisfactionRecorded", m.satisfactions());
        add(causes, "ContactRecorded", m.contacts());
        add(causes, "CommitmentFulfilled", m.commitments());
        return causes;
    }

    private static void add(List<PointsSheet.Cause> causes, String type, List<UUID> ids) {
        ids.forEach(id -> causes.add(new PointsSheet.Cause(type, id)));
    }

    static String description(PointsCriterion criterion) {
        return switch (criterion) {
            case SIGN_FOR_ON_TIME -> "按时签收: assignments signed for within the sign-for time";
            case OPINIONS_ON_TIME -> "按时提交会办意见: co-handling opinions given to the lead unit by their due date";
            case CONTACT_RATE -> "沟通率: handlings owing a reply whose proposer was contacted (undisputed)";
            case FACE_TO_FACE_RATE -> "面商率: handlings owing a reply with a face-to-face consultation (undisputed)";
            case REPLIES_ON_TIME -> "按时答复: formal replies and replies after re-handling by their (extended) deadline";
            case FIRST_ROUND_SATISFACTION -> "初次满意率: first-round replies rated satisfied or basically satisfied";
            case REHANDLING_SATISFACTION -> "再次办理满意: replies after re-handling rated satisfied or basically satisfied";
            case COMMITMENTS_KEPT -> "承诺事项落实: measures promised in B and C replies done by the date promised";
        };
    }

    private static String reason(PointsCriterion criterion, PointsRepository.Missed m) {
        return switch (criterion) {
            case SIGN_FOR_ON_TIME -> "signed for late, or not signed for by the deadline";
            case OPINIONS_ON_TIME -> "co-handling opinion given after its due date, or not given by it";
            case CONTACT_RATE -> m.contacts().isEmpty() ? "the proposer was not contacted"
                    : "the proposer disputed every contact recorded";
            case FACE_TO_FACE_RATE -> m.contacts().isEmpty() ? "no contact with the proposer, face to face or otherwise"
                    : "no undisputed face-to-face consultation among the contacts recorded";
            case REPLIES_ON_TIME -> "formal reply after its deadline, or not given by it";
            case FIRST_ROUND_SATISFACTION -> "the proposer was unsatisfied with the first round's reply";
            case REHANDLING_SATISFACTION -> "the proposer was still unsatisfied after re-handling (round " + m.round() + ")";
            case COMMITMENTS_KEPT -> "a promised measure was not done by the date promised";
        };
    }

    private static BigDecimal scale(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
