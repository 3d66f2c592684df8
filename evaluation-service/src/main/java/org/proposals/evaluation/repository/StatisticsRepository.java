package org.proposals.evaluation.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.proposals.evaluation.StatisticsDimension;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Figures for dashboards, grouped by one dimension, and the overdue items, each in one query over the read model
 * (indexed by unit, year and session, so that ten years of handlings stay quick).
 */
@ApplicationScoped
public class StatisticsRepository {

    @Inject
    EntityManager entityManager;

    /** The scope of a figure: each part optional. */
    public record Scope(String unitId, Integer year, UUID sessionId) {
    }

    /** One group's figures; rates are null when there is nothing to divide by. */
    public record Row(String key, long handlings, long proposals, long needingReply, long replied, long repliedOnTime,
                      BigDecimal onTimeReplyRate, long signed, long signedOnTime, long coHandling, long opinions,
                      long opinionsOnTime, long rated, long satisfied, BigDecimal satisfactionRate, long overdue) {
    }

    /** An item past its deadline and not done: a reply not approved, or a co-handling opinion not given. */
    public record Overdue(UUID proposalId, String number, String title, String unitId, String unitName, String handlingType,
                          LocalDate due, long daysOverdue) {
    }

    /**
     * The handlings in scope with what the groups need: their status, the city's dates of reply and opinion, and the
     * month of assignment. Handlings ended by an adjustment count only under STATUS.
     */
    private static String handlings(Scope scope, boolean withEnded) {
        StringBuilder sql = new StringBuilder("""
                SELECT h.*, p.session_id, p.topics,
                       CASE WHEN h.ended_at IS NOT NULL THEN 'ENDED'
                            WHEN %s THEN 'DONE'
                            ELSE 'OPEN' END AS status,
                       CAST(h.replied_at AT TIME ZONE :zone AS date) AS replied_on,
                       CAST(h.opinion_submitted_at AT TIME ZONE :zone AS date) AS opinion_on,
                       h.assigned_at AT TIME ZONE :zone AS assigned_local
                  FROM unit_handling h
                  LEFT JOIN proposal_record p ON p.proposal_id = h.proposal_id%s
                 WHERE h.handling_type IS NOT NULL
                """.formatted(HandlingSql.done("h"), yearOfProposals(scope)));
        if (!withEnded) {
            sql.append("   AND h.ended_at IS NULL\n");
        }
        return withScope(sql, scope);
    }

    public List<Row> breakdown(StatisticsDimension by, Scope scope, LocalDate today, String zone) {
        String from = by == StatisticsDimension.TOPIC
                ? "h CROSS JOIN LATERAL unnest(COALESCE(NULLIF(h.topics, CAST(ARRAY[] AS text[])), CAST(ARRAY[NULL] AS text[]))) AS topic"
                : "h";
        String sql = "WITH h AS (" + handlings(scope, by == StatisticsDimension.STATUS) + ")\n"
                + "SELECT " + by.key + " AS key,\n"
                + """
                       count(*),
                       count(DISTINCT h.proposal_id),
                       count(*) FILTER (WHERE h.handling_type <> 'CO_HANDLING'),
                       count(h.reply_id) FILTER (WHERE h.handling_type <> 'CO_HANDLING'),
                       count(*) FILTER (WHERE h.handling_type <> 'CO_HANDLING' AND h.replied_on <= h.reply_due_date),
                       count(h.signed_at),
                       count(*) FILTER (WHERE h.signed_at IS NOT NULL AND NOT COALESCE(h.signed_late, false)),
                       count(*) FILTER (WHERE h.handling_type = 'CO_HANDLING'),
                       count(h.opinion_submitted_at),
                       count(*) FILTER (WHERE h.handling_type = 'CO_HANDLING' AND h.opinion_on <= h.reply_due_date),
                       count(h.rating),
                       count(*) FILTER (WHERE h.rating IN ('SATISFIED', 'BASICALLY_SATISFIED')),
                       count(*) FILTER (WHERE h.status = 'OPEN' AND h.reply_due_date < :today)
                """ + "  FROM " + from + "\n GROUP BY 1\n ORDER BY 1 NULLS LAST";
        Query query = entityManager.createNativeQuery(sql);
        bind(query, scope);
        query.setParameter("zone", zone);
        query.setParameter("today", today);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new Row(r[0] == null ? null : r[0].toString(), n(r[1]), n(r[2]), n(r[3]), n(r[4]), n(r[5]),
                rate(n(r[5]), n(r[4])), n(r[6]), n(r[7]), n(r[8]), n(r[9]), n(r[10]), n(r[11]), n(r[12]),
                rate(n(r[12]), n(r[11])), n(r[13]))).toList();
    }

    /**
     * A handling's year is its proposal's, so a year's handlings need only that year's proposals: said in the join, it
     * lets the topics and sessions be read from the year's hundred thousand proposals instead of from all of them.
     */
    private static String yearOfProposals(Scope scope) {
        return scope.year() == null ? "" : " AND p.year = :year";
    }

    public List<Overdue> overdue(Scope scope, LocalDate today, int page, int size) {
        Query query = entityManager.createNativeQuery(overdueSql(scope, "h.proposal_id, p.number, p.title, h.unit_id, h.unit_name,"
                + " h.handling_type, h.reply_due_date") + " ORDER BY h.reply_due_date, p.number, h.unit_id LIMIT :size OFFSET :offset");
        bind(query, scope);
        query.setParameter("today", today);
        query.setParameter("size", size);
        query.setParameter("offset", page * size);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> {
            LocalDate due = (LocalDate) r[6];
            return new Overdue((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5], due,
                    java.time.temporal.ChronoUnit.DAYS.between(due, today));
        }).toList();
    }

    public long countOverdue(Scope scope, LocalDate today) {
        Query query = entityManager.createNativeQuery(overdueSql(scope, "count(*)"));
        bind(query, scope);
        query.setParameter("today", today);
        return n(query.getSingleResult());
    }

    /**
     * The handlings open past their due date: not ended and not done (the STATUS breakdown's OPEN), written out so that
     * the partial index unit_handling_open, which holds only the open ones, answers it.
     */
    private static String overdueSql(Scope scope, String select) {
        StringBuilder sql = new StringBuilder("SELECT " + select + """

                  FROM unit_handling h
                  LEFT JOIN proposal_record p ON p.proposal_id = h.proposal_id
                 WHERE h.handling_type IS NOT NULL AND h.ended_at IS NULL AND NOT %s
                   AND h.reply_due_date < :today
                """.formatted(HandlingSql.done("h")));
        return withScope(sql, scope);
    }

    private static void bind(Query query, Scope scope) {
        if (scope.unitId() != null) {
            query.setParameter("unitId", scope.unitId());
        }
        if (scope.year() != null) {
            query.setParameter("year", scope.year());
        }
        if (scope.sessionId() != null) {
            query.setParameter("sessionId", scope.sessionId());
        }
    }

    private static long n(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** A share with four decimals, null when there is nothing to divide by. */
    static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    /** The scope's conditions on the handlings {@code h} and their proposals {@code p}. */
    private static String withScope(StringBuilder sql, Scope scope) {
        if (scope.unitId() != null) {
            sql.append("   AND h.unit_id = :unitId\n");
        }
        if (scope.year() != null) {
            sql.append("   AND h.year = :year\n");
        }
        if (scope.sessionId() != null) {
            sql.append("   AND p.session_id = :sessionId\n");
        }
        return sql.toString();
    }
}
