package org.proposals.supervision.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.proposals.supervision.StatusReport;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class StatusReportRepository implements PanacheRepositoryBase<StatusReport, UUID> {

    /** Figures of the outbound queue for operators. */
    public record Backlog(long pending, long due, long held, long deadLetters, OffsetDateTime lastDeliveredAt) {
    }

    /**
     * The next report that may go now, locked for this transaction: due, and first of its proposal's open reports
     * (nothing earlier pending or dead), so that a proposal's reports arrive in order. Reports other replicas
     * hold are skipped.
     */
    public Optional<StatusReport> lockNextDue(OffsetDateTime now) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = getEntityManager().createNativeQuery("""
                        SELECT r.id FROM status_report r
                        WHERE r.status = 'PENDING' AND r.next_attempt_at <= ?1
                          AND NOT EXISTS (SELECT 1 FROM status_report e
                                          WHERE e.proposal_id = r.proposal_id AND e.position < r.position
                                            AND e.status IN ('PENDING', 'DEAD'))
                        ORDER BY r.position
                        LIMIT 1
                        FOR UPDATE OF r SKIP LOCKED""")
                .setParameter(1, now)
                .getResultList();
        return ids.stream().findFirst().map(this::findById);
    }

    public Backlog backlog(OffsetDateTime now) {
        Object[] row = (Object[]) getEntityManager().createNativeQuery("""
                        SELECT count(*) FILTER (WHERE r.status = 'PENDING'),
                               count(*) FILTER (WHERE r.status = 'PENDING' AND r.next_attempt_at <= ?1 AND NOT EXISTS (
                                   SELECT 1 FROM status_report e WHERE e.proposal_id = r.proposal_id
                                     AND e.position < r.position AND e.status IN ('PENDING', 'DEAD'))),
                               count(*) FILTER (WHERE r.status = 'PENDING' AND EXISTS (
                                   SELECT 1 FROM status_report e WHERE e.proposal_id = r.proposal_id
                                     AND e.position < r.position AND e.status = 'DEAD')),
                               count(*) FILTER (WHERE r.status = 'DEAD'),
                               (SELECT max(delivered_at) FROM status_report)
                        FROM status_report r WHERE r.status IN ('PENDING', 'DEAD')""")
                .setParameter(1, now)
                .getSingleResult();
        return new Backlog(number(row[0]), number(row[1]), number(row[2]), number(row[3]),
                row[4] == null ? null : toOffsetDateTime(row[4]));
    }

    /** The oldest report not yet delivered: pending or dead. */
    public Optional<StatusReport> oldestUndelivered() {
        return find("status in ?1 order by position", List.of(StatusReport.Status.PENDING, StatusReport.Status.DEAD))
                .firstResultOptional();
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static OffsetDateTime toOffsetDateTime(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
}
