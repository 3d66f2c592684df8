package org.proposals.kit.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.proposals.events.Actor;
import org.proposals.events.EventCodec;
import org.proposals.events.EventEnvelope;
import org.proposals.events.Topics;
import org.proposals.infra.KafkaTestClient;
import org.proposals.infra.TestIdentity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Several replicas of a service relay one outbox: relays publishing at the same time (this application's
 * own and three more, one per thread, as other replicas would) send each event once and one aggregate's
 * events in outbox order, because one relay at a time holds the advisory lock for a whole batch.
 */
@QuarkusTest
@WithTestResource(DedicatedBroker.class)
@WithTestResource(TestIdentity.class)
class OutboxReplicasTest {

    private static final int EVENTS = 60; // several batches (messaging.outbox.batch-size=10 in the tests)

    @Inject
    OutboxRelay relay;

    @Inject
    EntityManager entityManager;

    @Test
    void relaysRunningAtOnceSendEachEventOnceAndInOrder() throws Exception {
        String key = UUID.randomUUID().toString();
        List<UUID> written = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < EVENTS; i++) {
                EventEnvelope e = EventCodec.envelope(ProbeService.event(UUID.randomUUID(), "replica " + i),
                        UUID.randomUUID(), null, Actor.SYSTEM);
                EventEnvelope keyed = new EventEnvelope(e.eventId(), e.type(), e.version(), e.occurredAt(),
                        e.aggregateType(), key, e.correlationId(), e.causationId(), e.actor(), e.payload());
                entityManager.persist(new OutboxEvent(Topics.PROPOSAL_EVENTS, keyed, Map.of()));
                written.add(keyed.eventId());
            }
        });

        int replicas = 3;
        ExecutorService pool = Executors.newFixedThreadPool(replicas);
        try {
            CyclicBarrier together = new CyclicBarrier(replicas);
            List<Future<?>> relays = new ArrayList<>();
            for (int r = 0; r < replicas; r++) {
                relays.add(pool.submit(() -> {
                    together.await();
                    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                    while (pending(key) > 0 && System.nanoTime() < deadline) {
                        relay.publishBatch();
                    }
                    return null;
                }));
            }
            for (Future<?> r : relays) {
                r.get(90, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, pending(key));

        UUID last = written.get(EVENTS - 1);
        try (KafkaTestClient kafka = new KafkaTestClient(DedicatedBroker.broker().bootstrapServers())) {
            List<UUID> sent = kafka.readUntil(Topics.PROPOSAL_EVENTS,
                            r -> last.toString().equals(KafkaTestClient.header(r, Topics.HEADER_EVENT_ID)),
                            Duration.ofSeconds(30))
                    .stream().filter(r -> key.equals(r.key()))
                    .map(ConsumerRecord::value).map(v -> EventCodec.fromJson(v).eventId()).toList();
            assertEquals(written, sent, "each event once, in the order written");
        }
    }

    private long pending(String key) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "SELECT count(*) FROM outbox_event WHERE aggregate_id = ?1 AND published_at IS NULL")
                .setParameter(1, key).getSingleResult()).longValue());
    }
}
