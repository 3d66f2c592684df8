package org.proposals.kit.messaging;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.proposals.events.Topics;
import org.proposals.kit.worker.BatchWorker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Moves committed outbox rows to Kafka in outbox order and marks them published only once the broker
 * has acknowledged them (acks=all, idempotent producer).
 *
 * <p>Several replicas may run it: a transaction-scoped advisory lock lets one relay publish at a time,
 * which keeps events of one aggregate in order across replicas; {@code FOR UPDATE SKIP LOCKED} keeps the
 * rows of a batch out of anyone else's hands until it commits. A crash after the broker acknowledged but
 * before the mark commits re-sends the batch: consumers deduplicate on the event id.
 */
@ApplicationScoped
public class OutboxRelay extends BatchWorker {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key shared by every replica of one service (each service has its own database). */
    private static final long RELAY_LOCK = 0x6f7574626f78L;

    @Inject
    MessagingConfig config;

    @Inject
    EntityManager entityManager;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    TraceHeaders trace;

    @ConfigProperty(name = "quarkus.application.name", defaultValue = "service")
    String applicationName;

    private KafkaProducer<String, String> producer;
    private volatile Instant lastFailureAt;
    private volatile String lastError;

    void start(@Observes StartupEvent startup) {
        if (!config.outbox().relayEnabled()) {
            LOG.info("Outbox relay disabled on this instance");
            return;
        }
        startWorker("outbox-relay");
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopWorker();
        closeProducer();
    }

    /** When the last publication failed, and why; null when the last attempt succeeded. */
    public String lastError() {
        return lastError;
    }

    public Instant lastFailureAt() {
        return lastFailureAt;
    }

    @Override
    protected void prepare() {
        // connect before the first event needs it: its first delivery should not pay for the handshake
        producer();
    }

    @Override
    protected Batch work() {
        Published published = publishBatch();
        if (published.failure() != null) {
            closeProducer();
            return Batch.failed("broker did not acknowledge (" + published.failure() + "); "
                    + published.count() + " published");
        }
        return Batch.done(published.count(), config.outbox().batchSize());
    }

    @Override
    protected void failed(String reason, int failures, Duration pause) {
        lastFailureAt = Instant.now();
        lastError = reason;
        LOG.warnf("Outbox: %s; retrying in %d ms", reason, pause.toMillis());
    }

    @Override
    protected void succeeded() {
        lastError = null;
    }

    @Override
    protected Duration pollInterval() {
        return config.outbox().pollInterval();
    }

    @Override
    protected Duration backoff(int failures) {
        return backoff(failures, config.outbox().retryBackoffMin(), config.outbox().retryBackoffMax());
    }

    /** Publishes one batch of pending events in outbox order; stops at the first one not acknowledged. */
    Published publishBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Boolean leader = (Boolean) entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, RELAY_LOCK)
                    .getSingleResult();
            if (!Boolean.TRUE.equals(leader)) {
                return new Published(0, null);
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery("""
                    SELECT id, topic, aggregate_id, event_type, event_version, envelope, trace_parent, trace_state
                      FROM outbox_event
                     WHERE published_at IS NULL
                     ORDER BY position
                     LIMIT ?1
                       FOR UPDATE SKIP LOCKED""")
                    .setParameter(1, config.outbox().batchSize())
                    .getResultList();
            if (rows.isEmpty()) {
                return new Published(0, null);
            }
            List<UUID> ids = new ArrayList<>(rows.size());
            List<Future<RecordMetadata>> sends = new ArrayList<>(rows.size());
            // the relay's span per event, a child of the span that published it (null when there was none)
            List<Span> spans = new ArrayList<>(rows.size());
            List<UUID> acknowledged = new ArrayList<>(rows.size());
            String failure = null;
            try {
                for (Object[] row : rows) {
                    try {
                        ProducerRecord<String, String> record = record(row);
                        spans.add(trace.startPublishing(record.topic(), row[0].toString(), (String) row[6],
                                (String) row[7], record.headers()));
                        Future<RecordMetadata> send = producer().send(record);
                        ids.add((UUID) row[0]);
                        sends.add(send);
                        if (send.isDone() && failed(send)) {
                            break; // metadata unavailable: the broker is not there, don't queue the rest
                        }
                    } catch (RuntimeException e) {
                        failure = e.toString();
                        break;
                    }
                }
                long deadline = System.nanoTime() + config.outbox().sendTimeout().toNanos();
                for (int i = 0; i < sends.size(); i++) {
                    try {
                        sends.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                        acknowledged.add(ids.get(i));
                    } catch (ExecutionException | TimeoutException e) {
                        failure = (e instanceof ExecutionException ? e.getCause() : e).toString();
                        recordFailure(ids.get(i), failure);
                        if (spans.get(i) != null) {
                            spans.get(i).setStatus(StatusCode.ERROR, failure);
                        }
                        break; // later rows wait, so that order within an aggregate holds
                    }
                }
            } finally {
                spans.stream().filter(span -> span != null).forEach(Span::end);
            }
            if (!acknowledged.isEmpty()) {
                entityManager.createNativeQuery("UPDATE outbox_event SET published_at = now() WHERE id IN (:ids)")
                        .setParameter("ids", acknowledged)
                        .executeUpdate();
            }
            return new Published(acknowledged.size(), failure);
        });
    }

    /** Deletes published events past their retention; pending ones are never deleted. */
    @Scheduled(every = "${messaging.outbox.cleanup-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deletePublished() {
        OffsetDateTime before = OffsetDateTime.now().minus(config.outbox().retention());
        int deleted = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("DELETE FROM outbox_event WHERE published_at < ?1")
                .setParameter(1, before)
                .executeUpdate());
        if (deleted > 0) {
            LOG.infof("Outbox: deleted %d events published before %s", deleted, before);
        }
    }

    private ProducerRecord<String, String> record(Object[] row) {
        String topic = config.kafka().topicPrefix().orElse("") + row[1];
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, (String) row[2], (String) row[5]);
        record.headers()
                .add(Topics.HEADER_EVENT_ID, row[0].toString().getBytes(StandardCharsets.UTF_8))
                .add(Topics.HEADER_EVENT_TYPE, ((String) row[3]).getBytes(StandardCharsets.UTF_8))
                .add(Topics.HEADER_EVENT_VERSION, row[4].toString().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private void recordFailure(UUID id, String error) {
        entityManager.createNativeQuery("UPDATE outbox_event SET attempts = attempts + 1, last_error = ?1 WHERE id = ?2")
                .setParameter(1, error.length() > 2000 ? error.substring(0, 2000) : error)
                .setParameter(2, id)
                .executeUpdate();
    }

    private static boolean failed(Future<?> future) {
        try {
            future.get();
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Map<String, Object> settings = new HashMap<>();
            kafkaConfig.forEach((key, value) -> {
                if (ProducerConfig.configNames().contains(key)) {
                    settings.put(key, value);
                }
            });
            long timeout = config.outbox().sendTimeout().toMillis();
            settings.put(ProducerConfig.CLIENT_ID_CONFIG, applicationName + "-outbox-relay");
            settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            settings.put(ProducerConfig.ACKS_CONFIG, "all");
            settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            settings.put(ProducerConfig.LINGER_MS_CONFIG, 2);
            settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(timeout, 5000));
            settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout / 2, 5000));
            settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout);
            producer = new KafkaProducer<>(settings);
        }
        return producer;
    }

    private synchronized void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(2));
            } catch (RuntimeException e) {
                LOG.debug("Closing the outbox producer failed", e);
            }
            producer = null;
        }
    }

    record Published(int count, String failure) {
    }
}
