package org.proposals.kit.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * How far the outbox is behind: pending events and the age of the oldest. Exposed as metrics and in the
 * readiness report. A backlog alone does not make the service unready: writes still succeed and the
 * events leave when the broker is back; only a dead relay does.
 */
@Readiness
@ApplicationScoped
public class OutboxMonitor implements HealthCheck {

    @Inject
    EntityManager entityManager;

    @Inject
    OutboxRelay relay;

    @Inject
    MessagingConfig config;

    void registerMetrics(@Observes StartupEvent startup, MeterRegistry registry) {
        Gauge.builder("outbox.pending", this, m -> m.backlog().pending())
                .description("Events written to the outbox and not yet acknowledged by the broker")
                .register(registry);
        Gauge.builder("outbox.oldest.pending.age", this, m -> m.backlog().oldestAge().toMillis() / 1000.0)
                .baseUnit("seconds")
                .description("Age of the oldest event not yet acknowledged by the broker")
                .register(registry);
    }

    public Backlog backlog() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[]) entityManager.createNativeQuery(
                            "SELECT count(*), min(created_at) FROM outbox_event WHERE published_at IS NULL")
                    .getSingleResult();
            long pending = ((Number) row[0]).longValue();
            Duration age = row[1] == null ? Duration.ZERO
                    : Duration.between(toOffsetDateTime(row[1]).toInstant(), OffsetDateTime.now().toInstant());
            return new Backlog(pending, age.isNegative() ? Duration.ZERO : age);
        });
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Outbox relay");
        boolean relayExpected = config.outbox().relayEnabled();
        response.status(!relayExpected || relay.isRunning());
        response.withData("relay", relayExpected ? (relay.isRunning() ? "running" : "stopped") : "disabled");
        try {
            Backlog backlog = backlog();
            response.withData("pending", backlog.pending());
            response.withData("oldestPendingSeconds", backlog.oldestAge().toSeconds());
        } catch (RuntimeException e) {
            response.withData("pending", "unknown: " + e.getMessage());
        }
        if (relay.lastError() != null) {
            response.withData("lastError", relay.lastError());
        }
        return response.build();
    }

    private static OffsetDateTime toOffsetDateTime(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }

    public record Backlog(long pending, Duration oldestAge) {
    }
}
