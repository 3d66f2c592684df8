package org.proposals.proposal.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.proposals.proposal.ProposalStatus;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code proposals_by_status{status}}: how many proposals stand in each status. One grouped query serves
 * every status and is reused for a few seconds, so that a scrape (which reads each status's gauge) costs
 * one query at most, however often Prometheus scrapes.
 */
@ApplicationScoped
public class ProposalMetrics {

    static final Duration FRESH_FOR = Duration.ofSeconds(5);

    @Inject
    EntityManager entityManager;

    private Map<String, Long> counts = Map.of();
    private long countedAt;

    void registerMetrics(@Observes StartupEvent startup, MeterRegistry registry) {
        for (ProposalStatus status : ProposalStatus.values()) {
            Gauge.builder("proposals.by.status", this, m -> m.count(status))
                    .description("Proposals in each status (at most " + FRESH_FOR.toSeconds() + " s old)")
                    .tag("status", status.name())
                    .register(registry);
        }
    }

    double count(ProposalStatus status) {
        return counts().getOrDefault(status.name(), 0L);
    }

    private synchronized Map<String, Long> counts() {
        long now = System.nanoTime();
        if (countedAt == 0 || now - countedAt > FRESH_FOR.toNanos()) {
            counts = QuarkusTransaction.requiringNew().call(() -> {
                @SuppressWarnings("unchecked")
                List<Object[]> rows = entityManager
                        .createNativeQuery("SELECT status, count(*) FROM proposal GROUP BY status")
                        .getResultList();
                Map<String, Long> byStatus = new HashMap<>();
                rows.forEach(row -> byStatus.put((String) row[0], ((Number) row[1]).longValue()));
                return byStatus;
            });
            countedAt = now;
        }
        return counts;
    }
}
