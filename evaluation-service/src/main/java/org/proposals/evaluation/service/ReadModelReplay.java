package org.proposals.evaluation.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.proposals.evaluation.messaging.ReadModelEvents;
import org.proposals.kit.audit.AuditChanges;
import org.proposals.kit.audit.AuditTrail;
import org.proposals.kit.messaging.EventInbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds the read model from nothing by reading the other services' topics from their beginning, through the
 * same handlers and inbox as the live consumer: the figures it gives are the figures the events say. The
 * proposers' ratings, which this service owns, are kept and put back on the rebuilt handlings.
 */
@ApplicationScoped
public class ReadModelReplay {

    private static final Logger LOG = Logger.getLogger(ReadModelReplay.class);

    /** Everything built from events; the ratings (satisfaction) and the kit's tables are not. */
    static final List<String> READ_MODEL_TABLES = List.of("unit_handling", "proposal_record", "reply_round", "reply_recipient",
            "handling_contact", "handling_measure", "handling_commitment", "missed_deadline");

    @Inject
    EntityManager entityManager;

    @Inject
    EventInbox inbox;

    @Inject
    ReadModelEvents events;

    @Inject
    AuditTrail audit;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "mp.messaging.incoming.handling-events.topics")
    List<String> topics;

    /** What a replay did. */
    public record Result(long recordsRead, long eventsApplied, long recordsSkipped, long millis) {
    }

    public synchronized Result replay() {
        long started = System.nanoTime();
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("TRUNCATE " + String.join(", ", READ_MODEL_TABLES)).executeUpdate();
            entityManager.createNativeQuery("DELETE FROM processed_event WHERE consumer = ?1")
                    .setParameter(1, ReadModelEvents.CONSUMER).executeUpdate();
            audit.record("ReadModelReplayStarted", "ReadModel", "evaluation", null,
                    AuditChanges.of().set("tables", READ_MODEL_TABLES).set("topics", topics));
        });
        long read = 0;
        long applied = 0;
        long skipped = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, Duration.ofSeconds(10))
                        .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // up to where the topics stood when the replay began; what comes later the live consumer applies
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    read++;
                    try {
                        if (inbox.receive(ReadModelEvents.CONSUMER, record.value(), events.handlers())) {
                            applied++;
                        } else {
                            skipped++;
                        }
                    } catch (RuntimeException e) {
                        // the live consumer sent this record to the dead-letter topic already
                        skipped++;
                        LOG.warnf("replay: %s-%d@%d not applied: %s", record.topic(), record.partition(), record.offset(), e);
                    }
                }
            }
        }
        QuarkusTransaction.requiringNew().run(() -> restoreRatings());
        Result result = new Result(read, applied, skipped, (System.nanoTime() - started) / 1_000_000);
        LOG.infof("read model replayed: %s", result);
        return result;
    }

    /**
     * The ratings are this service's own records: each round's least satisfied rating goes back on its handling, as
     * the first-round rating and as the rating of the handling's current round.
     */
    private void restoreRatings() {
        String worst = """
                WITH worst AS (
                    SELECT DISTINCT ON (proposal_id, unit_id, round) proposal_id, unit_id, round, rating, recorded_at
                      FROM satisfaction
                     ORDER BY proposal_id, unit_id, round,
                              CASE rating WHEN 'UNSATISFIED' THEN 0 WHEN 'BASICALLY_SATISFIED' THEN 1 ELSE 2 END, recorded_at DESC)
                """;
        entityManager.createNativeQuery(worst + """
                UPDATE unit_handling h SET first_round_rating = w.rating, first_round_rated_at = w.recorded_at
                  FROM worst w WHERE w.proposal_id = h.proposal_id AND w.unit_id = h.unit_id AND w.round = 1""").executeUpdate();
        entityManager.createNativeQuery(worst + """
                UPDATE unit_handling h SET rating = w.rating, rated_at = w.recorded_at
                  FROM worst w WHERE w.proposal_id = h.proposal_id AND w.unit_id = h.unit_id
                   AND w.round = COALESCE(h.reply_round, 1)""").executeUpdate();
    }
}
