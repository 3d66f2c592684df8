package org.proposals.evaluation.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import org.proposals.evaluation.PendingRating;
import org.proposals.evaluation.ReplyRound;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ReplyRoundRepository implements PanacheRepositoryBase<ReplyRound, UUID> {

    /** The reply, created with what is known when neither its approval nor its delivery has arrived before. */
    public ReplyRound findOrCreate(UUID replyId, UUID proposalId, String unitId) {
        return findByIdOptional(replyId).orElseGet(() -> {
            ReplyRound reply = new ReplyRound(replyId, proposalId, unitId);
            persist(reply);
            return reply;
        });
    }

    /** The reply, locked until the transaction ends, so that its ratings are checked and written one at a time. */
    public Optional<ReplyRound> findForUpdate(UUID replyId) {
        return findByIdOptional(replyId, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Delivered replies that a recipient has not rated in the reply's round yet (follow-up replies open no
     * rating), by the end of their window: of one unit, or every unit when null; of one proposer, or every
     * proposer when null; only those whose window ended before {@code today} when {@code overdueOnly}.
     */
    public List<PendingRating> pending(String unitId, String proposerId, boolean overdueOnly, LocalDate today,
                                       int page, int size) {
        Query query = getEntityManager().createNativeQuery("""
                SELECT r.reply_id, r.proposal_id, r.unit_id, coalesce(r.round, 1), p.proposer_id, p.proposer_name,
                       r.delivered_on, r.rating_due
                """ + pendingFrom(unitId, proposerId, overdueOnly) + """
                 ORDER BY r.rating_due, r.reply_id, p.proposer_id
                """);
        bind(query, unitId, proposerId, overdueOnly, today);
        query.setFirstResult(page * size).setMaxResults(size);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(row -> new PendingRating((UUID) row[0], (UUID) row[1], (String) row[2],
                ((Number) row[3]).intValue(), (String) row[4], (String) row[5], toDate(row[6]), toDate(row[7]),
                today.isAfter(toDate(row[7])))).toList();
    }

    public long countPending(String unitId, String proposerId, boolean overdueOnly, LocalDate today) {
        Query query = getEntityManager().createNativeQuery("SELECT count(*) " + pendingFrom(unitId, proposerId, overdueOnly));
        bind(query, unitId, proposerId, overdueOnly, today);
        return ((Number) query.getSingleResult()).longValue();
    }

    private static String pendingFrom(String unitId, String proposerId, boolean overdueOnly) {
        StringBuilder sql = new StringBuilder("""
                  FROM reply_round r
                  JOIN reply_recipient p ON p.reply_id = r.reply_id
                 WHERE r.delivered_on IS NOT NULL
                   AND coalesce(r.purpose, 'INITIAL') <> 'FOLLOW_UP'
                   AND NOT EXISTS (SELECT 1 FROM satisfaction s
                                    WHERE s.proposal_id = r.proposal_id AND s.unit_id = r.unit_id
                                      AND s.round = coalesce(r.round, 1) AND s.proposer_id = p.proposer_id)
                """);
        if (unitId != null) {
            sql.append("   AND r.unit_id = :unitId\n");
        }
        if (proposerId != null) {
            sql.append("   AND p.proposer_id = :proposerId\n");
        }
        if (overdueOnly) {
            sql.append("   AND r.rating_due < :today\n");
        }
        return sql.toString();
    }

    private static void bind(Query query, String unitId, String proposerId, boolean overdueOnly, LocalDate today) {
        if (unitId != null) {
            query.setParameter("unitId", unitId);
        }
        if (proposerId != null) {
            query.setParameter("proposerId", proposerId);
        }
        if (overdueOnly) {
            query.setParameter("today", today);
        }
    }

    private static LocalDate toDate(Object value) {
        return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
