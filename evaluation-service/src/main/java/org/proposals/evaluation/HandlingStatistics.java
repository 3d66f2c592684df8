package org.proposals.evaluation;

import org.proposals.events.HandlingType;
import org.proposals.events.ResultCategory;
import org.proposals.events.SatisfactionRating;

import java.util.Map;

/**
 * The handling figures of a unit, a year or both, as the annual summary states them: handlings by type,
 * sign-for, replies by result category and the proposers' ratings. Every map has every key of its enum.
 *
 * @param proposals the distinct proposals among the handlings counted
 * @param handlings one per unit and proposal
 */
public record HandlingStatistics(
        long proposals,
        long handlings,
        Map<HandlingType, Long> byHandlingType,
        long signed,
        long signedLate,
        long replied,
        Map<ResultCategory, Long> byResultCategory,
        Map<SatisfactionRating, Long> ratings) {

    /** Handlings that owe the proposer a formal reply: sole, lead and split, not co-handling. */
    public long needingReply() {
        return byHandlingType.entrySet().stream()
                .filter(e -> e.getKey().repliesToProposer())
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    public long rated() {
        return ratings.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Satisfied and basically satisfied ratings over all ratings; null when nothing has been rated. */
    public Double satisfactionRate() {
        long rated = rated();
        if (rated == 0) {
            return null;
        }
        long satisfied = ratings.entrySet().stream()
                .filter(e -> e.getKey().countsAsSatisfied())
                .mapToLong(Map.Entry::getValue)
                .sum();
        return (double) satisfied / rated;
    }
}
