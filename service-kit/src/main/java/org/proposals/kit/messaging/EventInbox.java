package org.proposals.kit.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.proposals.events.EventCodec;
import org.proposals.events.EventEnvelope;
import org.proposals.events.IntegrationEvent;
import org.proposals.events.MalformedEventException;
import org.proposals.events.ProposalEvent;
import org.proposals.kit.persistence.TransientFailures;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Applies incoming events exactly once per consumer: the event id is recorded in {@code processed_event}
 * in the same transaction as the effect, so a redelivery finds it and changes nothing.
 *
 * <p>A record that is not a well-formed event, or whose application still fails after the configured attempts,
 * is thrown back to the messaging layer, whose {@code dead-letter-queue} failure strategy moves it to the
 * dead-letter topic with the reason and goes on with the next record. A transient failure of the database
 * is no reason to give up on a record: it is tried again until the database answers.
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);

    @Inject
    EntityManager entityManager;

    @Inject
    EventContext context;

    @Inject
    MessagingConfig config;

    @Inject
    TraceHeaders trace;

    @Inject
    ProposalTraces proposalTraces;

    @Inject
    MeterRegistry registry;

    // Once the service is stopping, its database and ORM close under a record being applied: that failure is the
    // stop's, not the event's, so the record is held (never committed, redelivered after the restart), not given up.
    private volatile boolean stopping;

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /**
     * Receives a record as it came off the topic: handles it in a span that continues the trace of the
     * request or event that published it (its {@code traceparent} header), and counts the records given up
     * on, which the messaging layer then moves to the dead-letter topic.
     *
     * @param consumer the name this consumer records applied events under (unique within the service)
     * @return true when the event was applied now, false when skipped (duplicate or a type not handled)
     */
    public boolean receive(String consumer, ConsumerRecord<String, String> record, EventHandlers handlers) {
        Span span = trace.startProcessing(consumer, record);
        try (Scope ignored = span.makeCurrent()) {
            return receive(consumer, record.value(), handlers);
        } catch (RuntimeException e) {
            // whatever the listener throws sends the record to the dead-letter topic (failure-strategy)
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, "dead-lettered");
            deadLetters(consumer, record.topic()).increment();
            throw e;
        } finally {
            span.end();
        }
    }

    /**
     * @param consumer  the name this consumer records applied events under (unique within the service)
     * @param value     the record's value as it came off the topic
     * @return true when the event was applied now, false when skipped (duplicate or a type not handled)
     */
    public boolean receive(String consumer, String value, EventHandlers handlers) {
        EventEnvelope envelope = EventCodec.fromJson(value);
        Optional<BiConsumer<IntegrationEvent, EventEnvelope>> handler = handlers.forType(envelope.type());
        if (handler.isEmpty()) {
            return false;
        }
        IntegrationEvent event = EventCodec.payloadOf(envelope);
        // the inbox's own log lines about this event (retries) name its correlation id too
        Object previousCorrelation = MDC.get(EventContext.CORRELATION_MDC_KEY);
        if (envelope.correlationId() != null) {
            MDC.put(EventContext.CORRELATION_MDC_KEY, envelope.correlationId().toString());
        }
        try {
            return applyWithRetries(consumer, envelope, event, handler.get());
        } finally {
            if (previousCorrelation == null) {
                MDC.remove(EventContext.CORRELATION_MDC_KEY);
            } else {
                MDC.put(EventContext.CORRELATION_MDC_KEY, previousCorrelation);
            }
        }
    }

    /*
     * A failure of the event's own application is tried maxAttempts times and then given up on. A transient
     * failure of the database (restarting, unreachable, out of connections) says nothing about the event: it is
     * tried again, with a back-off capped at transientBackoffMax, until the database is back. Retrying here, on
     * the listener's thread, holds back the records behind it, so the partition's order is kept.
     */
    private boolean applyWithRetries(String consumer, EventEnvelope envelope, IntegrationEvent event,
                                     BiConsumer<IntegrationEvent, EventEnvelope> handler) {
        int attempts = Math.max(1, config.inbox().maxAttempts());
        int failures = 0;
        int outages = 0;
        while (true) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> applyOnce(consumer, envelope, event, handler));
            } catch (MalformedEventException e) {
                throw e;
            } catch (RuntimeException e) {
                if (stopping || TransientFailures.isTransient(e)) {
                    Duration pause = transientPause(++outages);
                    LOG.warnf("%s: applying %s %s failed on the infrastructure or as the service stops (%d in a row), trying again in %d ms: %s",
                            consumer, envelope.type(), envelope.eventId(), outages, pause.toMillis(), e.toString());
                    pause(pause);
                    continue;
                }
                failures++;
                if (failures >= attempts) {
                    throw new EventNotAppliedException(envelope, failures, e);
                }
                LOG.warnf("%s: applying %s %s failed (failure %d of %d): %s",
                        consumer, envelope.type(), envelope.eventId(), failures, attempts, e.toString());
                pause(config.inbox().retryBackoff().multipliedBy(failures));
            }
        }
    }

    /** Doubles from the retry back-off up to the transient back-off's cap. */
    private Duration transientPause(int outages) {
        Duration first = config.inbox().retryBackoff();
        Duration cap = config.inbox().transientBackoffMax();
        Duration pause = first.multipliedBy(1L << Math.min(outages - 1, 16));
        return pause.compareTo(cap) > 0 ? cap : pause;
    }

    private boolean applyOnce(String consumer, EventEnvelope envelope, IntegrationEvent event,
                              BiConsumer<IntegrationEvent, EventEnvelope> handler) {
        int inserted = entityManager.createNativeQuery("""
                        INSERT INTO processed_event (consumer, event_id, event_type)
                        VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING""")
                .setParameter(1, consumer)
                .setParameter(2, envelope.eventId())
                .setParameter(3, envelope.type())
                .executeUpdate();
        if (inserted == 0) {
            LOG.debugf("%s: %s %s already applied, skipped", consumer, envelope.type(), envelope.eventId());
            return false;
        }
        if (event instanceof ProposalEvent about && about.proposalId() != null) {
            proposalTraces.rememberCurrent(about.proposalId()); // the trace this service's events about it will join
        }
        context.asConsequenceOf(envelope, () -> {
            handler.accept(event, envelope);
            return null;
        });
        return true;
    }

    private Counter deadLetters(String consumer, String topic) {
        return Counter.builder("messaging.dead.letters")
                .description("Records a consumer gave up on (not an event, or still failing after every attempt) "
                        + "and left to the dead-letter topic")
                .tag("consumer", consumer)
                .tag("topic", topic)
                .register(registry);
    }

    private void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying", e);
        }
    }
}
