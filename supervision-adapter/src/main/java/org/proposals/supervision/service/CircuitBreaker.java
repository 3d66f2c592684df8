package org.proposals.supervision.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.proposals.kit.time.CityClock;
import org.proposals.supervision.config.SupervisionConfig;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Stops sending to the supervision system while it is down, so that a backlog of reports does not hammer it: after
 * enough failed attempts in a row the circuit opens and nothing is sent until a single trial request is due; a
 * failed trial opens it again for twice as long, up to a maximum; any answer that is not a failure closes it.
 * Each replica has its own; an answer, even a refusal, counts as the system being up.
 */
@ApplicationScoped
public class CircuitBreaker {

    private static final Logger LOG = Logger.getLogger(CircuitBreaker.class);

    public enum State {
        CLOSED,
        OPEN,
        /** Open time is over: the next request is the trial. */
        HALF_OPEN
    }

    /** What the operator endpoint shows. */
    public record Snapshot(State state, int consecutiveFailures, OffsetDateTime openUntil) {
    }

    @Inject
    SupervisionConfig config;

    @Inject
    CityClock clock;

    private State state = State.CLOSED;
    private int consecutiveFailures;
    private Duration openFor;
    private OffsetDateTime openUntil;

    /** Whether a request may go now; moves an open circuit whose time is over to the trial. */
    public synchronized boolean allowsRequest() {
        if (state == State.OPEN && !clock.now().isBefore(openUntil)) {
            state = State.HALF_OPEN;
        }
        return state != State.OPEN;
    }

    public synchronized void succeeded() {
        if (state != State.CLOSED) {
            LOG.infof("The supervision system answers again: circuit closed after %d failed attempts", consecutiveFailures);
        }
        state = State.CLOSED;
        consecutiveFailures = 0;
        openFor = null;
        openUntil = null;
    }

    public synchronized void failed() {
        consecutiveFailures++;
        SupervisionConfig.Breaker settings = config.breaker();
        if (state == State.HALF_OPEN) {
            openFor = openFor == null ? settings.openFor() : min(openFor.multipliedBy(2), settings.openForMax());
        } else if (state == State.CLOSED && consecutiveFailures >= settings.failureThreshold()) {
            openFor = settings.openFor();
        } else {
            return;
        }
        state = State.OPEN;
        openUntil = clock.now().plus(openFor);
        LOG.warnf("The supervision system failed %d times in a row: circuit open, nothing sent until %s",
                consecutiveFailures, openUntil);
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(state, consecutiveFailures, openUntil);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
