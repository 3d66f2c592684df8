package org.proposals.kit.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.proposals.infra.TestIdentity;
import org.proposals.events.Actor;
import org.proposals.events.EventCodec;
import org.proposals.events.EventEnvelope;
import org.proposals.events.Topics;
import org.proposals.infra.KafkaTestClient;
import org.proposals.infra.PrometheusText;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The three promises of the messaging kit, against a real broker that the test stops and starts:
 * nothing saved is lost, nothing delivered twice is applied twice, and a poison message is set aside
 * without blocking the ones behind it.
 */
@QuarkusTest
@WithTestResource(DedicatedBroker.class)
@WithTestResource(TestIdentity.class)
class DeliveryGuaranteesTest {

    private static final String DEAD_LETTER_TOPIC = "service-kit-test.dead-letter";

    @Inject
    ProbeService probe;

    @Inject
    EntityManager entityManager;

    @Inject
    OutboxRelay relay;

    @Test
    void anEventSavedWhileTheBrokerIsDownIsDeliveredWhenItComesBack() {
        UUID id = UUID.randomUUID();
        DedicatedBroker.broker().stop();
        try {
            probe.record(id, "written while the broker is down");
            // the change is committed; its event waits in the outbox however long the broker is away
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> publishedAt(id) == null && timesApplied(id) == 0);
        } finally {
            DedicatedBroker.broker().start();
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> timesApplied(id) == 1);
        assertNotNull(publishedAt(id));
    }

    @Test
    void aChangeThatRollsBackSendsNoEvent() {
        UUID id = UUID.randomUUID();
        assertThrows(IllegalStateException.class, () -> probe.recordThenFail(id));
        assertEquals(0L, count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ?1", id.toString()));
        assertEquals(0L, count("SELECT count(*) FROM probe_record WHERE id = ?1", id));
    }

    @Test
    void aDuplicateDeliveryIsAppliedOnce() {
        UUID id = UUID.randomUUID();
        UUID marker = UUID.randomUUID();
        EventEnvelope envelope = EventCodec.envelope(ProbeService.event(id, "delivered twice"), UUID.randomUUID(), null, Actor.SYSTEM);
        try (KafkaTestClient kafka = client()) {
            kafka.publish(Topics.PROPOSAL_EVENTS, envelope);
            kafka.publish(Topics.PROPOSAL_EVENTS, envelope);
            // a later event with the same key travels the same partition: once it is applied, so were both copies
            kafka.publish(Topics.PROPOSAL_EVENTS, sameKey(envelope, marker));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> timesApplied(marker) == 1);
        assertEquals(1, timesApplied(id));
        assertEquals(1L, count("SELECT count(*) FROM processed_event WHERE event_id = ?1", envelope.eventId()));
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheNextOneIsApplied() {
        String key = UUID.randomUUID().toString();
        UUID unappliable = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        double deadLettersBefore = deadLetters();
        EventEnvelope failing = EventCodec.envelope(ProbeService.event(unappliable, ProbeListener.ALWAYS_FAILS), UUID.randomUUID(), null, Actor.SYSTEM);
        try (KafkaTestClient kafka = client()) {
            kafka.send(Topics.PROPOSAL_EVENTS, key, "{this is not an event");
            kafka.send(Topics.PROPOSAL_EVENTS, key, EventCodec.toJson(withKey(failing, key)));
            kafka.send(Topics.PROPOSAL_EVENTS, key, EventCodec.toJson(withKey(
                    EventCodec.envelope(ProbeService.event(after, "behind the poison"), UUID.randomUUID(), null, Actor.SYSTEM), key)));

            await().atMost(Duration.ofSeconds(60)).until(() -> timesApplied(after) == 1);
            assertEquals(0, timesApplied(unappliable));

            List<ConsumerRecord<String, String>> dead = kafka.readUntil(DEAD_LETTER_TOPIC,
                    r -> r.value().contains(unappliable.toString()), Duration.ofSeconds(30));
            ConsumerRecord<String, String> malformed = dead.stream()
                    .filter(r -> r.value().equals("{this is not an event")).findFirst().orElseThrow();
            assertEquals(key, malformed.key());
            assertTrue(KafkaTestClient.header(malformed, "dead-letter-reason").contains("not an event envelope"),
                    KafkaTestClient.header(malformed, "dead-letter-reason"));
            ConsumerRecord<String, String> exhausted = dead.get(dead.size() - 1);
            assertTrue(KafkaTestClient.header(exhausted, "dead-letter-reason").contains("not applied after 3 attempts"),
                    KafkaTestClient.header(exhausted, "dead-letter-reason"));
            assertEquals(Topics.PROPOSAL_EVENTS, KafkaTestClient.header(exhausted, "dead-letter-topic"));
        }
        // operators see both in the consumer's dead-letter count
        assertEquals(deadLettersBefore + 2, deadLetters());
        // the failed attempts left no trace of having been applied
        assertEquals(0L, count("SELECT count(*) FROM processed_event WHERE event_id = ?1", failing.eventId()));
    }

    @Test
    void anEventWhoseDatabaseSessionIsLostIsAppliedOnceTheDatabaseAnswersAndNotDeadLettered() {
        String key = UUID.randomUUID().toString();
        UUID interrupted = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        double deadLettersBefore = deadLetters();
        try (KafkaTestClient kafka = client()) {
            kafka.send(Topics.PROPOSAL_EVENTS, key, EventCodec.toJson(withKey(EventCodec.envelope(
                    ProbeService.event(interrupted, ProbeListener.LOSES_ITS_CONNECTION), UUID.randomUUID(), null, Actor.SYSTEM), key)));
            kafka.send(Topics.PROPOSAL_EVENTS, key, EventCodec.toJson(withKey(EventCodec.envelope(
                    ProbeService.event(after, "behind the lost connections"), UUID.randomUUID(), null, Actor.SYSTEM), key)));

            // more lost sessions than attempts for a failing event, yet it is applied, once, and before the next one
            await().atMost(Duration.ofSeconds(60)).until(() -> timesApplied(after) == 1);
            assertEquals(1, timesApplied(interrupted));
            assertTrue(appliedAt(interrupted) < appliedAt(after));
        }
        assertEquals(deadLettersBefore, deadLetters());
    }

    @Test
    void publishedEventsAreDeletedAfterTheirRetentionButPendingOnesNever() {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        UUID pending = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            insertOutboxRow(old, "now() - interval '8 days'", "now() - interval '8 days'");
            insertOutboxRow(recent, "now() - interval '1 day'", "now() - interval '1 day'");
            // pending this long means the broker was away: the row must survive any clean-up
            insertOutboxRow(pending, "now() - interval '30 days'", null);
        });

        relay.deletePublished();

        assertEquals(0L, count("SELECT count(*) FROM outbox_event WHERE id = ?1", old));
        assertEquals(1L, count("SELECT count(*) FROM outbox_event WHERE id = ?1", recent));
        assertEquals(1L, count("SELECT count(*) FROM outbox_event WHERE id = ?1", pending));
    }

    private void insertOutboxRow(UUID id, String createdAt, String publishedAt) {
        EventEnvelope envelope = EventCodec.envelope(ProbeService.event(UUID.randomUUID(), "clean-up"), UUID.randomUUID(), null, Actor.SYSTEM);
        entityManager.createNativeQuery("INSERT INTO outbox_event (id, topic, aggregate_type, aggregate_id, event_type,"
                        + " event_version, envelope, created_at, published_at) VALUES (?1, 'clean-up.events', 'Proposal', ?2,"
                        + " 'ProposalSubmitted', 1, ?3, " + createdAt + ", " + (publishedAt == null ? "NULL" : publishedAt) + ")")
                .setParameter(1, id)
                .setParameter(2, envelope.aggregateId())
                .setParameter(3, EventCodec.toJson(envelope))
                .executeUpdate();
    }

    private static double deadLetters() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return PrometheusText.value(metrics, "messaging_dead_letters_total",
                "consumer", "probe-events", "topic", Topics.PROPOSAL_EVENTS).orElse(0);
    }

    private static KafkaTestClient client() {
        return new KafkaTestClient(DedicatedBroker.broker().bootstrapServers());
    }

    private static EventEnvelope sameKey(EventEnvelope original, UUID proposalId) {
        EventEnvelope other = EventCodec.envelope(ProbeService.event(proposalId, "marker"), UUID.randomUUID(), null, Actor.SYSTEM);
        return withKey(other, original.aggregateId());
    }

    private static EventEnvelope withKey(EventEnvelope e, String key) {
        return new EventEnvelope(e.eventId(), e.type(), e.version(), e.occurredAt(), e.aggregateType(), key,
                e.correlationId(), e.causationId(), e.actor(), e.payload());
    }

    private int timesApplied(UUID id) {
        List<?> times = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("SELECT times FROM probe_applied WHERE proposal_id = ?1")
                .setParameter(1, id).getResultList());
        return times.isEmpty() ? 0 : ((Number) times.get(0)).intValue();
    }

    /** The position of the audit record of the probe's event about {@code id} being applied. */
    private long appliedAt(UUID id) {
        return count("SELECT min(seq) FROM audit_record WHERE record_id = ?1", id.toString());
    }

    private Object publishedAt(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("SELECT published_at FROM outbox_event WHERE aggregate_id = ?1")
                .setParameter(1, id.toString()).getSingleResult());
    }

    private int attempts(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT attempts FROM outbox_event WHERE aggregate_id = ?1")
                .setParameter(1, id.toString()).getSingleResult()).intValue());
    }

    private long count(String sql, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter(1, parameter).getSingleResult()).longValue());
    }
}
