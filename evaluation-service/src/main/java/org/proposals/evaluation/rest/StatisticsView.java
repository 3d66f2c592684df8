package org.proposals.evaluation.rest;

import org.proposals.evaluation.HandlingStatistics;
import org.proposals.events.HandlingType;
import org.proposals.events.ResultCategory;
import org.proposals.events.SatisfactionRating;

import java.util.Map;

/**
 * Handling figures for a dashboard or the annual summary. {@code unitId} and {@code year} repeat the
 * filter (null: all units, all years).
 *
 * @param proposals        distinct proposals among the handlings counted
 * @param handlings        one per unit and proposal
 * @param needingReply     handlings that owe the proposer a formal reply (sole, lead, split)
 * @param signed           handlings signed for, {@code signedLate} of them after the deadline
 * @param replied          handlings with an approved formal reply
 * @param rated            replies the proposer has rated
 * @param satisfactionRate satisfied and basically satisfied over rated, null when nothing is rated
 */
public record StatisticsView(
        String unitId,
        Integer year,
        long proposals,
        long handlings,
        Map<HandlingType, Long> byHandlingType,
        long needingReply,
        long signed,
        long signedLate,
        long replied,
        Map<ResultCategory, Long> byResultCategory,
        Map<SatisfactionRating, Long> ratings,
        long rated,
        Double satisfactionRate) {

    public static StatisticsView of(String unitId, Integer year, HandlingStatistics s) {
        return new StatisticsView(unitId, year, s.proposals(), s.handlings(), s.byHandlingType(), s.needingReply(),
                s.signed(), s.signedLate(), s.replied(), s.byResultCategory(), s.ratings(), s.rated(),
                s.satisfactionRate());
    }
}
