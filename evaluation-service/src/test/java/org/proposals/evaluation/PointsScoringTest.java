package org.proposals.evaluation;

import org.junit.jupiter.api.Test;
import org.proposals.evaluation.config.PointsConfig;
import org.proposals.evaluation.repository.PointsRepository;
import org.proposals.evaluation.service.PointsSheetService;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The two deduction rules, without infrastructure: what a criterion scores and what each deduction costs. */
class PointsScoringTest {

    record Rule(BigDecimal max, PointsConfig.Rule rule, BigDecimal pointsPerItem, BigDecimal pointsPerPercentagePoint)
            implements PointsConfig.Criterion {
    }

    static Rule rate(String max, String perPoint) {
        return new Rule(new BigDecimal(max), PointsConfig.Rule.RATE, BigDecimal.ONE, new BigDecimal(perPoint));
    }

    static Rule perItem(String max, String perItem) {
        return new Rule(new BigDecimal(max), PointsConfig.Rule.PER_ITEM, new BigDecimal(perItem), BigDecimal.ONE);
    }

    static List<PointsRepository.Missed> missed(int n) {
        return IntStream.range(0, n).mapToObj(i -> new PointsRepository.Missed(PointsCriterion.FACE_TO_FACE_RATE,
                UUID.randomUUID(), "2022" + i, "提案", null, List.of(), List.of(), List.of(), List.of())).toList();
    }

    @Test
    void aRateOf43Of44At1PointPerPercentagePointShortLoses227() {
        PointsSheet.Criterion c = PointsSheetService.score(PointsCriterion.FACE_TO_FACE_RATE, rate("5", "1"), 44, missed(1), "u");
        assertEquals(new PointsSheet.Figure(43, 44, new BigDecimal("97.73")), c.figure());
        assertEquals(new BigDecimal("2.73"), c.score());
        assertEquals(new BigDecimal("2.27"), c.deductions().get(0).points());
    }

    @Test
    void whatARateLosesIsSpreadOverItsItemsAndAddsUp() {
        // 41 of 44 = 93.18 %: 6.82 points short at 1 per point, over three items
        PointsSheet.Criterion c = PointsSheetService.score(PointsCriterion.CONTACT_RATE, rate("10", "1"), 44, missed(3), "u");
        assertEquals(new BigDecimal("93.18"), c.figure().percent());
        assertEquals(new BigDecimal("3.18"), c.score());
        assertEquals(List.of(new BigDecimal("2.27"), new BigDecimal("2.27"), new BigDecimal("2.28")),
                c.deductions().stream().map(PointsSheet.Deduction::points).toList());
    }

    @Test
    void aCriterionNeverGoesBelowZero() {
        PointsSheet.Criterion rated = PointsSheetService.score(PointsCriterion.FIRST_ROUND_SATISFACTION, rate("25", "1"), 2, missed(1), "u");
        assertEquals(new BigDecimal("0.00"), rated.score());
        assertEquals(new BigDecimal("25.00"), rated.deductions().get(0).points());
        PointsSheet.Criterion items = PointsSheetService.score(PointsCriterion.REPLIES_ON_TIME, perItem("5", "2"), 10, missed(4), "u");
        assertEquals(new BigDecimal("0.00"), items.score());
        assertEquals(List.of(new BigDecimal("2.00"), new BigDecimal("2.00"), new BigDecimal("1.00"), new BigDecimal("0.00")),
                items.deductions().stream().map(PointsSheet.Deduction::points).toList());
    }

    @Test
    void nothingCountedIsFullPoints() {
        PointsSheet.Criterion c = PointsSheetService.score(PointsCriterion.REHANDLING_SATISFACTION, perItem("5", "5"), 0, List.of(), "u");
        assertEquals(new BigDecimal("5.00"), c.score());
        assertNull(c.figure().percent());
    }
}
