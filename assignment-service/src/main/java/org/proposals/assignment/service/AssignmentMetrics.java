package org.proposals.assignment.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.proposals.assignment.Assignment;
import org.proposals.assignment.repository.AssignmentRepository;
import org.proposals.kit.time.CityClock;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Overdue work, by the same clocks {@link DeadlineWatch} watches: {@code assignments_overdue} counts the open
 * assignments with at least one deadline passed, {@code assignment_deadlines_overdue{clock}} the passed
 * deadlines per clock (sign-for, first-contact, formal-reply, co-handling-opinion, second-reply). Computed
 * at most every 30 seconds, so that scrapes stay cheap.
 */
@ApplicationScoped
public class AssignmentMetrics {

    static final Duration FRESH_FOR = Duration.ofSeconds(30);
    static final List<String> CLOCKS = List.of(ClockRules.Clock.SIGN_FOR.key, ClockRules.Clock.FIRST_CONTACT.key,
            ClockRules.Clock.FORMAL_REPLY.key, ClockRules.Clock.CO_HANDLING_OPINION.key, DeadlineWatch.SECOND_REPLY);

    @Inject
    AssignmentRepository assignments;

    @Inject
    CityClock clock;

    private Overdue overdue = new Overdue(0, Map.of());
    private long countedAt;

    void registerMetrics(@Observes StartupEvent startup, MeterRegistry registry) {
        Gauge.builder("assignments.overdue", this, m -> m.overdue().assignments())
                .description("Open assignments with at least one deadline passed (at most "
                        + FRESH_FOR.toSeconds() + " s old)")
                .register(registry);
        for (String name : CLOCKS) {
            Gauge.builder("assignment.deadlines.overdue", this, m -> m.overdue().byClock().getOrDefault(name, 0L))
                    .description("Passed deadlines of open assignments, per clock")
                    .tag("clock", name)
                    .register(registry);
        }
    }

    /** Counts afresh when the last count is older than {@link #FRESH_FOR}. */
    synchronized Overdue overdue() {
        long now = System.nanoTime();
        if (countedAt == 0 || now - countedAt > FRESH_FOR.toNanos()) {
            overdue = QuarkusTransaction.requiringNew().call(this::count);
            countedAt = now;
        }
        return overdue;
    }

    /** Forgets the last count, so that the next scrape counts afresh (tests move the clock). */
    public synchronized void refresh() {
        countedAt = 0;
    }

    private Overdue count() {
        LocalDate today = clock.today();
        long late = 0;
        Map<String, Long> byClock = new HashMap<>();
        for (Assignment assignment : assignments.withOpenDeadlines()) {
            boolean any = false;
            for (DeadlineWatch.Deadline deadline : DeadlineWatch.openDeadlines(assignment)) {
                if (today.isAfter(deadline.due())) {
                    byClock.merge(deadline.clock(), 1L, Long::sum);
                    any = true;
                }
            }
            if (any) {
                late++;
            }
        }
        return new Overdue(late, byClock);
    }

    record Overdue(long assignments, Map<String, Long> byClock) {
    }
}
