package org.proposals.supervision.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.proposals.kit.time.CityClock;
import org.proposals.supervision.StatusReport;
import org.proposals.supervision.client.SupervisionSystemClient;
import org.proposals.supervision.repository.StatusReportRepository;
import org.proposals.supervision.rest.SupervisionViews;

import java.time.Duration;
import java.time.OffsetDateTime;

/** How far the supervision system is behind: for operators, as an endpoint and as metrics to alert on. */
@ApplicationScoped
public class OutboundMonitor {

    static final Duration FRESH_FOR = Duration.ofSeconds(5);

    @Inject
    StatusReportRepository reports;

    @Inject
    CircuitBreaker breaker;

    @Inject
    SupervisionSystemClient client;

    @Inject
    CityClock clock;

    private SupervisionViews.Outbound figures;
    private long figuresAt;

    void registerMetrics(@Observes StartupEvent startup, MeterRegistry registry) {
        Gauge.builder("supervision.reports.pending", this, m -> m.figures().pending())
                .description("Status reports not yet delivered to the supervision system (dead letters not counted)")
                .register(registry);
        Gauge.builder("supervision.reports.dead", this, m -> m.figures().deadLetters())
                .description("Status reports the supervision system refused, waiting for an operator")
                .register(registry);
        Gauge.builder("supervision.reports.oldest.age", this, m -> {
                    SupervisionViews.Oldest oldest = m.figures().oldestUndelivered();
                    return oldest == null ? 0 : oldest.waitingSeconds();
                })
                .baseUnit("seconds")
                .description("How long the oldest undelivered status report has waited")
                .register(registry);
        Gauge.builder("supervision.circuit.open", breaker, b -> b.snapshot().state() == CircuitBreaker.State.CLOSED ? 0 : 1)
                .description("1 while the circuit to the supervision system is open")
                .register(registry);
    }

    /** The figures for the gauges: read once for a scrape of all of them, reused for a few seconds. */
    private synchronized SupervisionViews.Outbound figures() {
        long now = System.nanoTime();
        if (figures == null || now - figuresAt > FRESH_FOR.toNanos()) {
            figures = outbound();
            figuresAt = now;
        }
        return figures;
    }

    public SupervisionViews.Outbound outbound() {
        return QuarkusTransaction.requiringNew().call(() -> {
            OffsetDateTime now = clock.now();
            SupervisionViews.Oldest oldest = reports.oldestUndelivered().map(r -> oldest(r, now)).orElse(null);
            return SupervisionViews.Outbound.of(client.reportsUri(), reports.backlog(now), oldest, breaker.snapshot());
        });
    }

    private static SupervisionViews.Oldest oldest(StatusReport r, OffsetDateTime now) {
        long waiting = Math.max(0, Duration.between(r.createdAt, now).toSeconds());
        return new SupervisionViews.Oldest(r.id, r.proposalId, r.type, r.status, r.createdAt, waiting, r.attempts, r.lastError);
    }
}
