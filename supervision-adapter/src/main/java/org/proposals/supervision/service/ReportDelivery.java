package org.proposals.supervision.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.proposals.kit.time.CityClock;
import org.proposals.kit.worker.BatchWorker;
import org.proposals.supervision.StatusReport;
import org.proposals.supervision.client.SupervisionSystemClient;
import org.proposals.supervision.config.SupervisionConfig;
import org.proposals.supervision.repository.StatusReportRepository;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Delivers status reports to the supervision system, one transaction per report: the report is locked while it
 * is sent, then marked delivered, dead (refused with a 4xx) or due again after a back-off that doubles with each
 * failed attempt, with jitter, for as long as it takes. A failing proposal waits on its own; the others go on,
 * unless the circuit breaker says the whole system is down.
 */
@ApplicationScoped
public class ReportDelivery extends BatchWorker {

    private static final Logger LOG = Logger.getLogger(ReportDelivery.class);

    @Inject
    SupervisionConfig config;

    @Inject
    StatusReportRepository reports;

    @Inject
    SupervisionSystemClient client;

    @Inject
    CircuitBreaker breaker;

    @Inject
    CityClock clock;

    void start(@Observes StartupEvent startup) {
        if (config.delivery().enabled()) {
            startWorker("supervision-delivery");
        } else {
            LOG.info("Delivery of status reports is off on this instance");
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopWorker();
    }

    @Override
    protected Batch work() {
        return Batch.done(deliverDue(config.delivery().batchSize()), config.delivery().batchSize());
    }

    /** Sends up to {@code max} due reports, fewer when none is due or the circuit is open; returns how many were tried. */
    public int deliverDue(int max) {
        int tried = 0;
        while (tried < max && breaker.allowsRequest()) {
            boolean sent = QuarkusTransaction.requiringNew().call(this::deliverNext);
            if (!sent) {
                break;
            }
            tried++;
        }
        return tried;
    }

    private boolean deliverNext() {
        OffsetDateTime now = clock.now();
        Optional<StatusReport> next = reports.lockNextDue(now);
        if (next.isEmpty()) {
            return false;
        }
        StatusReport report = next.get();
        SupervisionSystemClient.Attempt attempt = client.send(report.id, report.body);
        OffsetDateTime after = clock.now();
        report.attempts++;
        report.lastAttemptAt = after;
        report.lastHttpStatus = attempt.status() == 0 ? null : attempt.status();
        if (attempt.delivered()) {
            report.status = StatusReport.Status.DELIVERED;
            report.deliveredAt = after;
            report.lastError = null;
            breaker.succeeded();
        } else if (attempt.refused()) {
            // the system is up but will not take this report as it is: an operator fixes and resends it
            report.status = StatusReport.Status.DEAD;
            report.deadAt = after;
            report.lastError = "HTTP " + attempt.status() + (attempt.detail() == null ? "" : ": " + attempt.detail());
            breaker.succeeded();
            LOG.warnf("Status report %s (%s of proposal %s) refused with HTTP %d: a dead letter until resent",
                    report.id, report.type, report.proposalId, attempt.status());
        } else {
            // doubling from the first retry interval up to the maximum, with jitter, however many days it takes
            Duration wait = backoff(report.attempts, config.delivery().retryInitial(), config.delivery().retryMax());
            if (attempt.retryAfter().isPresent() && attempt.retryAfter().get().compareTo(wait) > 0) {
                wait = attempt.retryAfter().get();
            }
            report.nextAttemptAt = after.plus(wait);
            report.lastError = attempt.status() == 0 ? attempt.detail() : "HTTP " + attempt.status()
                    + (attempt.detail() == null ? "" : ": " + attempt.detail());
            breaker.failed();
            LOG.debugf("Status report %s not delivered (attempt %d: %s); next attempt at %s",
                    report.id, report.attempts, report.lastError, report.nextAttemptAt);
        }
        return true;
    }

    @Override
    protected Duration pollInterval() {
        return config.delivery().pollInterval();
    }

    @Override
    protected Duration backoff(int failures) {
        // the database was unavailable: the reports wait where they are
        return backoff(failures, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }
}
