package org.proposals.kit.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Applies incoming events exactly once per consumer: the event id is recorded in {@code processed_event}
 * in the same transaction as the effect, so a redelivery finds it and changes nothing.
 *
 * <p>The records of one poll are applied together, up to {@code messaging.inbox.batch-size} events in one
 * transaction, each with its own {@code processed_event} row: one commit for many events is what lets a consumer
 * keep up with a surge. When that transaction fails because of one of its events, each is applied again in a
 * transaction of its own, so that only the event at fault is given up on.
 *
 * <p>A record that is not a well-formed event, or whose application still fails after the configured attempts,
 * is nacked alone: the messaging layer's {@code dead-letter-queue} failure strategy moves it to the dead-letter
 * topic with the reason, and the rest of the batch is applied. A transient failure of the database is no reason
 * to give up on a record: it is tried again until the database answers.
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
     * Receives the records of one poll as they came off the topics, in their order within each partition: each is
     * handled in a span that continues the trace of the request or event that published it (its {@code traceparent}
     * header); the records given up on are counted and nacked, each alone, which moves it to the dead-letter topic.
     * Never nacks the batch as a whole: that would move every record of it to the dead-letter topic.
     *
     * @param consumer the name this consumer records applied events under (unique within the service)
     * @return the batch's acknowledgement, which lets its offsets be committed
     */
    public CompletionStage<Void> receive(String consumer, KafkaRecordBatch<String, String> batch, EventHandlers handlers) {
        List<KafkaRecord<String, String>> records = batch.getRecords();
        int size = Math.max(1, config.inbox().batchSize());
        for (int from = 0; from < records.size(); from += size) {
            List<Delivery> chunk = records.subList(from, Math.min(from + size, records.size())).stream()
                    .map(record -> new Delivery(consumer, record))
                    .toList();
            try {
                apply(consumer, chunk, handlers);
            } finally {
                chunk.forEach(delivery -> delivery.span.end());
            }
        }
        return batch.ack();
    }

    /**
     * @param consumer  the name this consumer records applied events under (unique within the service)
     * @param value     the record's value as it came off the topic
     * @return true when the event was applied now, false when skipped (duplicate or a type not handled)
     */
    public boolean receive(String consumer, String value, EventHandlers handlers) {
        Delivery delivery = new Delivery(value);
        return delivery.decode(handlers)
                && delivery.within(() -> applyWithRetries(consumer, delivery.envelope, delivery.event, delivery.handler));
    }

    private void apply(String consumer, List<Delivery> chunk, EventHandlers handlers) {
        List<Delivery> events = new ArrayList<>(chunk.size());
        for (Delivery delivery : chunk) {
            try {
                if (delivery.decode(handlers)) {
                    events.add(delivery);
                }
            } catch (RuntimeException e) {
                giveUp(consumer, delivery, e);
            }
        }
        if (events.size() > 1 && applyTogether(consumer, events)) {
            return;
        }
        for (Delivery delivery : events) {
            try {
                delivery.within(() -> applyWithRetries(consumer, delivery.envelope, delivery.event, delivery.handler));
            } catch (RuntimeException e) {
                giveUp(consumer, delivery, e);
            }
        }
    }

    /**
     * Applies the events in one transaction, as if each had a transaction of its own: the effects of each are
     * flushed before the next is applied, whose handler then reads them. False when the transaction failed for
     * another reason than the infrastructure: which event caused it is not known, so none is counted as failing.
     */
    private boolean applyTogether(String consumer, List<Delivery> events) {
        try {
            inTransaction(consumer, events.size() + " events together", () -> {
                for (Delivery delivery : events) {
                    delivery.within(() -> applyOnce(consumer, delivery.envelope, delivery.event, delivery.handler));
                    entityManager.flush();
                    entityManager.clear(); // what the next handler reads comes from the database, as in its own transaction
                }
                return null;
            });
            return true;
        } catch (RuntimeException e) {
            LOG.infof("%s: %d events failed together, applying them one at a time: %s", consumer, events.size(), e.toString());
            return false;
        }
    }

    /** Counts the record as given up on and nacks it, alone: the failure strategy moves it to the dead-letter topic. */
    private void giveUp(String consumer, Delivery delivery, RuntimeException reason) {
        delivery.span.recordException(reason);
        delivery.span.setStatus(StatusCode.ERROR, "dead-lettered");
        deadLetters(consumer, delivery.record.getTopic()).increment();
        // the batch's acknowledgement commits offsets past this record: it must be on the dead-letter topic first
        delivery.record.nack(reason).toCompletableFuture().join();
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
        while (true) {
            try {
                return inTransaction(consumer, envelope.type() + " " + envelope.eventId(),
                        () -> applyOnce(consumer, envelope, event, handler));
            } catch (MalformedEventException e) {
                throw e;
            } catch (RuntimeException e) {
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

    /** Runs the work in a transaction of its own, again while the database is away or the service stops. */
    private <T> T inTransaction(String consumer, String what, Callable<T> work) {
        int outages = 0;
        while (true) {
            try {
                return QuarkusTransaction.requiringNew().call(work);
            } catch (RuntimeException e) {
                if (!stopping && !TransientFailures.isTransient(e)) {
                    throw e;
                }
                Duration pause = transientPause(++outages);
                LOG.warnf("%s: applying %s failed on the infrastructure or as the service stops (%d in a row), trying again in %d ms: %s",
                        consumer, what, outages, pause.toMillis(), e.toString());
                pause(pause);
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

    /** One record as delivered to this consumer: its span, and once decoded, its event and the handler for it. */
    private final class Delivery {

        final KafkaRecord<String, String> record;
        final String value;
        final Span span;
        EventEnvelope envelope;
        IntegrationEvent event;
        BiConsumer<IntegrationEvent, EventEnvelope> handler;

        Delivery(String consumer, KafkaRecord<String, String> record) {
            this.record = record;
            this.value = record.getPayload();
            this.span = trace.startProcessing(consumer, consumerRecord(record));
        }

        /** A record read outside the listener, which handles it in the current span. */
        Delivery(String value) {
            this.record = null;
            this.value = value;
            this.span = Span.current();
        }

        /** False for an event of a type this consumer does not handle; throws when the record is not an event. */
        boolean decode(EventHandlers handlers) {
            envelope = EventCodec.fromJson(value);
            handler = handlers.forType(envelope.type()).orElse(null);
            if (handler == null) {
                return false;
            }
            event = EventCodec.payloadOf(envelope);
            return true;
        }

        /** Runs the work in this record's span, with its event's correlation id in the log lines (retries too). */
        <T> T within(Supplier<T> work) {
            Object previousCorrelation = MDC.get(EventContext.CORRELATION_MDC_KEY);
            if (envelope.correlationId() != null) {
                MDC.put(EventContext.CORRELATION_MDC_KEY, envelope.correlationId().toString());
            }
            try (Scope ignored = span.makeCurrent()) {
                return work.get();
            } finally {
                if (previousCorrelation == null) {
                    MDC.remove(EventContext.CORRELATION_MDC_KEY);
                } else {
                    MDC.put(EventContext.CORRELATION_MDC_KEY, previousCorrelation);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, String> consumerRecord(KafkaRecord<String, String> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow().getRecord();
    }
}
