package org.proposals.evaluation.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import org.proposals.evaluation.HandlingStatistics;
import org.proposals.evaluation.ProposalRecord;
import org.proposals.evaluation.UnitHandling;
import org.proposals.events.HandlingType;
import org.proposals.events.ResultCategory;
import org.proposals.events.SatisfactionRating;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class UnitHandlingRepository implements PanacheRepositoryBase<UnitHandling, UnitHandling.Key> {

    /**
     * The unit's handling of the proposal, created empty when no event about it has arrived before, in the proposal's
     * year if the proposal is known (otherwise its ProposalSubmitted gives the year).
     */
    public UnitHandling findOrCreate(UUID proposalId, String unitId) {
        // Locked like findForUpdate: an event applied while the proposer rates would otherwise write back the whole
        // row it read before the rating committed, and the rating would be lost.
        return findForUpdate(proposalId, unitId).orElseGet(() -> {
            UnitHandling handling = new UnitHandling(proposalId, unitId);
            ProposalRecord proposal = getEntityManager().find(ProposalRecord.class, proposalId);
            handling.year = proposal == null ? null : proposal.year;
            persist(handling);
            return handling;
        });
    }

    /** Every unit's handling of the proposal, locked until the transaction ends. */
    public List<UnitHandling> listForUpdate(UUID proposalId) {
        return find("proposalId", proposalId).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** The unit's handling of the proposal, locked until the transaction ends. */
    public Optional<UnitHandling> findForUpdate(UUID proposalId, String unitId) {
        return findByIdOptional(new UnitHandling.Key(proposalId, unitId), LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * The figures of the handlings of one unit, of the proposals submitted in one year, or both (either
     * may be null), in one pass: the grouping sets give the totals and the counts by handling type, by
     * result category and by rating. Only handlings whose type is known count, so that the types add up
     * to the total; a year counts only proposals whose ProposalSubmitted has arrived.
     */
    public HandlingStatistics statistics(String unitId, Integer year) {
        StringBuilder sql = new StringBuilder("""
                SELECT GROUPING(h.handling_type), GROUPING(h.result_category), GROUPING(h.rating),
                       h.handling_type, h.result_category, h.rating,
                       count(*),
                       count(DISTINCT h.proposal_id),
                       count(h.signed_at),
                       count(*) FILTER (WHERE h.signed_late),
                       count(h.reply_id)
                  FROM unit_handling h
                """);
        sql.append(" WHERE h.handling_type IS NOT NULL\n");
        if (year != null) {
            sql.append("   AND h.year = :year\n");
        }
        if (unitId != null) {
            sql.append("   AND h.unit_id = :unitId\n");
        }
        sql.append(" GROUP BY GROUPING SETS ((), (h.handling_type), (h.result_category), (h.rating))");

        Query query = getEntityManager().createNativeQuery(sql.toString());
        if (year != null) {
            query.setParameter("year", year);
        }
        if (unitId != null) {
            query.setParameter("unitId", unitId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();

        long proposals = 0;
        long handlings = 0;
        long signed = 0;
        long signedLate = 0;
        long replied = 0;
        Map<HandlingType, Long> byHandlingType = zeros(HandlingType.class);
        Map<ResultCategory, Long> byResultCategory = zeros(ResultCategory.class);
        Map<SatisfactionRating, Long> ratings = zeros(SatisfactionRating.class);
        for (Object[] row : rows) {
            boolean byType = number(row[0]) == 0;
            boolean byCategory = number(row[1]) == 0;
            boolean byRating = number(row[2]) == 0;
            long count = number(row[6]);
            if (byType) {
                byHandlingType.put(HandlingType.valueOf((String) row[3]), count);
            } else if (byCategory) {
                if (row[4] != null) { // handlings without a reply yet
                    byResultCategory.put(ResultCategory.valueOf((String) row[4]), count);
                }
            } else if (byRating) {
                if (row[5] != null) { // handlings not rated
                    ratings.put(SatisfactionRating.valueOf((String) row[5]), count);
                }
            } else {
                handlings = count;
                proposals = number(row[7]);
                signed = number(row[8]);
                signedLate = number(row[9]);
                replied = number(row[10]);
            }
        }
        return new HandlingStatistics(proposals, handlings, byHandlingType, signed, signedLate, replied,
                byResultCategory, ratings);
    }

    private static <E extends Enum<E>> Map<E, Long> zeros(Class<E> type) {
        Map<E, Long> counts = new EnumMap<>(type);
        for (E value : type.getEnumConstants()) {
            counts.put(value, 0L);
        }
        return counts;
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
