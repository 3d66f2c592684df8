package org.proposals.kit.messaging;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.MDC;
import org.proposals.events.Actor;
import org.proposals.events.EventEnvelope;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * Where an event being published comes from: the incoming event being applied on this thread, or the
 * HTTP request being served. It gives new events their correlation id, causation id and actor.
 */
@ApplicationScoped
public class EventContext {

    /** The log field that names the correlation id (JSON logs carry it with the trace and span ids). */
    public static final String CORRELATION_MDC_KEY = "correlationId";

    private static final ThreadLocal<EventEnvelope> CAUSE = new ThreadLocal<>();

    /** Runs {@code work} as the consequence of {@code cause}: events it publishes carry the cause's trace and actor. */
    public <T> T asConsequenceOf(EventEnvelope cause, Supplier<T> work) {
        EventEnvelope previous = CAUSE.get();
        Object previousCorrelation = MDC.get(CORRELATION_MDC_KEY);
        CAUSE.set(cause);
        if (cause.correlationId() != null) {
            MDC.put(CORRELATION_MDC_KEY, cause.correlationId().toString());
        }
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CAUSE.remove();
            } else {
                CAUSE.set(previous);
            }
            if (previousCorrelation == null) {
                MDC.remove(CORRELATION_MDC_KEY);
            } else {
                MDC.put(CORRELATION_MDC_KEY, previousCorrelation);
            }
        }
    }

    public UUID correlationId() {
        EventEnvelope cause = CAUSE.get();
        if (cause != null && cause.correlationId() != null) {
            return cause.correlationId();
        }
        RequestTrace request = currentRequest();
        return request != null ? request.correlationId() : UUID.randomUUID();
    }

    public UUID causationId() {
        EventEnvelope cause = CAUSE.get();
        return cause != null ? cause.eventId() : null;
    }

    public Actor actor() {
        EventEnvelope cause = CAUSE.get();
        if (cause != null) {
            return cause.actor() != null ? cause.actor() : Actor.SYSTEM;
        }
        RequestTrace request = currentRequest();
        return request != null ? request.actor() : Actor.SYSTEM;
    }

    private static RequestTrace currentRequest() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        InstanceHandle<RequestTrace> handle = Arc.container().instance(RequestTrace.class);
        return handle.isAvailable() ? handle.get() : null;
    }
}
