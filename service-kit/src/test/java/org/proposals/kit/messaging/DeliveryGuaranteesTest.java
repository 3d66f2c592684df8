package org.proposals.kit.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.proposals.infra.TestIdentity;
import org.proposals.events.Actor;
import org.proposals.events.EventCodec;
import org.proposals.events.EventEnvelope;
import org.proposals.events.Topics;
import org.proposals.events.proposal.ProposalSubmitted;
import org.proposals.infra.KafkaTestClient;
import org.proposals.infra.PrometheusText;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
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
    private static final String CONSUMER_GROUP = "service-kit-test";

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
    void aBatchSetsAsideOnlyItsPoisonAndAppliesEveryOtherEventOnceAndInOrder() {
        String key = UUID.randomUUID().toString();
        List<EventEnvelope> good = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            good.add(keyed(ProbeService.event(UUID.randomUUID(), "in a batch " + i), key));
        }
        UUID unappliable = UUID.randomUUID();
        EventEnvelope failing = keyed(ProbeService.event(unappliable, ProbeListener.ALWAYS_FAILS), key);
        String malformed = "{not an event either, " + key;
        double deadLettersBefore = deadLetters();
        // parts of 4 (messaging.inbox.batch-size): the first applies together around the malformed record; the second
        // fails on the unappliable event and is applied again one event at a time
        List<String> values = List.of(json(good.get(0)), json(good.get(1)), malformed, json(good.get(2)),
                json(failing), json(good.get(3)), json(good.get(4)), json(good.get(5)));
        try (KafkaTestClient kafka = client()) {
            kafka.sendTogether(Topics.PROPOSAL_EVENTS, key, values);

            await().atMost(Duration.ofSeconds(60)).until(() -> timesApplied(proposalOf(good.get(5))) == 1);
            long previous = 0;
            for (EventEnvelope event : good) {
                assertEquals(1, timesApplied(proposalOf(event)), event.eventId().toString());
                assertTrue(appliedAt(proposalOf(event)) > previous, "applied in the partition's order");
                previous = appliedAt(proposalOf(event));
            }
            assertEquals(1L, transactionsThatProcessed(good.subList(0, 3)), "the first part in one transaction");
            assertEquals(0, timesApplied(unappliable));

            // the batch's offsets are committed past the records set aside
            await().atMost(Duration.ofSeconds(30)).until(() -> consumerLag() == 0);
            List<ConsumerRecord<String, String>> dead = kafka.readAll(DEAD_LETTER_TOPIC, Duration.ofSeconds(30)).stream()
                    .filter(r -> key.equals(r.key())).toList();
            assertEquals(2, dead.size(), dead.toString());
            assertEquals(malformed, dead.get(0).value());
            assertTrue(KafkaTestClient.header(dead.get(0), "dead-letter-reason").contains("not an event envelope"),
                    KafkaTestClient.header(dead.get(0), "dead-letter-reason"));
            assertTrue(dead.get(1).value().contains(unappliable.toString()));
            assertTrue(KafkaTestClient.header(dead.get(1), "dead-letter-reason").contains("not applied after 3 attempts"),
                    KafkaTestClient.header(dead.get(1), "dead-letter-reason"));
        }
        assertEquals(deadLettersBefore + 2, deadLetters());
        assertEquals(0L, count("SELECT count(*) FROM processed_event WHERE event_id = ?1", failing.eventId()));
        // no record of the batch is left counted as unprocessed: past the unprocessed-record age the consumer is healthy
        await().pollDelay(Duration.ofSeconds(9)).atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().get("/q/health").then().statusCode(200).body("status", equalTo("UP")));
    }

    @Test
    void anEventTwiceInOneBatchIsAppliedOnce() {
        String key = UUID.randomUUID().toString();
        EventEnvelope twice = keyed(ProbeService.event(UUID.randomUUID(), "twice in one batch"), key);
        EventEnvelope after = keyed(ProbeService.event(UUID.randomUUID(), "behind the copies"), key);
        try (KafkaTestClient kafka = client()) {
            kafka.sendTogether(Topics.PROPOSAL_EVENTS, key, List.of(json(twice), json(twice), json(after)));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> timesApplied(proposalOf(after)) == 1);
        assertEquals(1, timesApplied(proposalOf(twice)));
        assertEquals(1L, count("SELECT count(*) FROM processed_event WHERE event_id = ?1", twice.eventId()));
        // in one transaction: the second copy met the row the first had written in it
        assertEquals(1L, transactionsThatProcessed(List.of(twice, after)));
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

    /** How many transactions wrote the events' processed_event rows (rows written in one share their xmin). */
    private long transactionsThatProcessed(List<EventEnvelope> events) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery("""
                        SELECT count(DISTINCT xmin::text) FROM processed_event
                         WHERE consumer = 'probe-events' AND event_id = ANY (CAST(?1 AS uuid[]))""")
                .setParameter(1, events.stream().map(e -> e.eventId().toString()).toArray(String[]::new))
                .getSingleResult()).longValue());
    }

    /** Records on the probe's topic that the consumer group has not committed yet. */
    private static long consumerLag() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                DedicatedBroker.broker().bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(CONSUMER_GROUP)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> ends = admin.describeTopics(List.of(Topics.PROPOSAL_EVENTS)).allTopicNames().get()
                    .get(Topics.PROPOSAL_EVENTS).partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(Topics.PROPOSAL_EVENTS, p.partition()), p -> OffsetSpec.latest()));
            long lag = 0;
            for (var end : admin.listOffsets(ends).all().get().entrySet()) {
                OffsetAndMetadata done = committed.get(end.getKey());
                lag += end.getValue().offset() - (done == null ? 0 : done.offset());
            }
            return lag;
        }
    }

    private static EventEnvelope keyed(ProposalSubmitted event, String key) {
        return withKey(EventCodec.envelope(event, UUID.randomUUID(), null, Actor.SYSTEM), key);
    }

    private static String json(EventEnvelope envelope) {
        return EventCodec.toJson(envelope);
    }

    private static UUID proposalOf(EventEnvelope envelope) {
        return ((ProposalSubmitted) EventCodec.payloadOf(envelope)).proposalId();
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
