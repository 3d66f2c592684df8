package org.proposals.kit.messaging;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.proposals.events.Topics;
import org.proposals.infra.KafkaTestClient;
import org.proposals.infra.TestIdentity;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One trace follows a change from the request that made it, through the outbox and the broker, to the
 * consumer that applied its event: the outbox row keeps the request's trace context, the Kafka record
 * carries it as {@code traceparent}, and the consumer's handling span is in the same trace, below the
 * relay's publishing span.
 */
@QuarkusTest
@WithTestResource(DedicatedBroker.class)
@WithTestResource(TestIdentity.class)
class TracePropagationTest {

    @Inject
    InMemorySpanExporter spans;

    @Inject
    EntityManager entityManager;

    @Inject
    ProbeService probe;

    @Inject
    Tracer tracer;

    @Test
    void theConsumersHandlingIsInTheTraceOfTheRequestThatPublishedTheEvent() {
        UUID id = UUID.randomUUID();
        // the caller's own trace, as a gateway or a frontend with tracing would send it
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String callerSpanId = traceId.substring(0, 16);

        given().header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .post("/probe/records/{id}?title=traced", id)
                .then().statusCode(204);

        String stored = QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("SELECT trace_parent FROM outbox_event WHERE aggregate_id = ?1")
                .setParameter(1, id.toString()).getSingleResult());
        assertNotNull(stored, "the outbox row keeps the trace it was written in");
        assertTrue(stored.startsWith("00-" + traceId + "-"), stored);

        try (KafkaTestClient kafka = new KafkaTestClient(DedicatedBroker.broker().bootstrapServers())) {
            List<ConsumerRecord<String, String>> records = kafka.readUntil(Topics.PROPOSAL_EVENTS,
                    r -> id.toString().equals(r.key()), Duration.ofSeconds(30));
            String header = KafkaTestClient.header(records.get(records.size() - 1), "traceparent");
            assertNotNull(header, "the record carries the trace context");
            assertTrue(header.startsWith("00-" + traceId + "-"), header);
        }

        SpanData handling = await().atMost(Duration.ofSeconds(30)).until(
                () -> span(traceId, SpanKind.CONSUMER, Topics.PROPOSAL_EVENTS + " process"), Optional::isPresent).get();
        SpanData publishing = span(traceId, SpanKind.PRODUCER, Topics.PROPOSAL_EVENTS + " publish").orElseThrow();
        SpanData request = await().atMost(Duration.ofSeconds(10)).until(
                () -> spans.getFinishedSpanItems().stream()
                        .filter(s -> s.getTraceId().equals(traceId) && s.getKind() == SpanKind.SERVER).findFirst(),
                Optional::isPresent).get();

        assertEquals(callerSpanId, request.getParentSpanId(), "the request continues the caller's trace");
        assertEquals(publishing.getSpanId(), handling.getParentSpanId(), "handling is a child of publishing");
        assertTrue(isBelow(publishing, request), "publishing is below the request that wrote the event");
        assertEquals("probe-events", handling.getAttributes().get(
                io.opentelemetry.api.common.AttributeKey.stringKey("messaging.consumer.name")));
    }

    @Test
    void laterActionsOnAProposalJoinTheTraceOfItsRegistration() {
        UUID id = UUID.randomUUID();
        String registration = UUID.randomUUID().toString().replace("-", "");
        String revision = UUID.randomUUID().toString().replace("-", "");
        given().header("traceparent", traceParent(registration)).post("/probe/records/{id}?title=registered", id)
                .then().statusCode(204);
        // a later request about the same proposal, in a trace of its own
        given().header("traceparent", traceParent(revision)).post("/probe/records/{id}/revision?title=revised", id)
                .then().statusCode(204);

        List<String> stored = traceParentsOfEventsAbout(id);
        assertEquals(2, stored.size());
        stored.forEach(traceParent -> assertTrue(traceParent.startsWith("00-" + registration + "-"),
                "both events are in the proposal's trace: " + traceParent));

        // the revision's span in the proposal's trace links the request that made it
        SpanData joined = await().atMost(Duration.ofSeconds(10)).until(
                () -> span(registration, SpanKind.INTERNAL, "proposal ProposalRevised"), Optional::isPresent).get();
        assertTrue(joined.getLinks().stream().anyMatch(link -> link.getSpanContext().getTraceId().equals(revision)),
                "linked to the revision request's own trace");
        // and its consumer handles it in the proposal's trace too
        await().atMost(Duration.ofSeconds(30)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(s -> s.getTraceId().equals(registration) && s.getKind() == SpanKind.CONSUMER).count() >= 2);
    }

    @Test
    void theTraceOfAChangeRolledBackIsNotTheProposals() {
        UUID id = UUID.randomUUID();
        Span failed = tracer.spanBuilder("a change that fails").startSpan();
        try (Scope ignored = failed.makeCurrent()) {
            assertThrows(IllegalStateException.class, () -> probe.recordThenFail(id));
        } finally {
            failed.end();
        }
        String first = UUID.randomUUID().toString().replace("-", "");
        String second = UUID.randomUUID().toString().replace("-", "");
        for (String traceId : List.of(first, second)) {
            given().header("traceparent", traceParent(traceId)).post("/probe/records/{id}/revision?title=revised", id)
                    .then().statusCode(204);
        }

        List<String> stored = traceParentsOfEventsAbout(id);
        assertEquals(2, stored.size(), "the failed change left no event");
        stored.forEach(traceParent -> assertTrue(traceParent.startsWith("00-" + first + "-"),
                "both events are in the trace of the first change that was kept: " + traceParent));
    }

    /** A W3C traceparent header of a sampled span in the trace {@code traceId} (32 hex digits). */
    private static String traceParent(String traceId) {
        return "00-" + traceId + "-" + traceId.substring(0, 16) + "-01";
    }

    /** The trace context each event about the record was written to the outbox with, oldest first. */
    @SuppressWarnings("unchecked")
    private List<String> traceParentsOfEventsAbout(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("SELECT trace_parent FROM outbox_event WHERE aggregate_id = ?1 ORDER BY position")
                .setParameter(1, id.toString()).getResultList());
    }

    private Optional<SpanData> span(String traceId, SpanKind kind, String name) {
        return spans.getFinishedSpanItems().stream()
                .filter(s -> s.getTraceId().equals(traceId) && s.getKind() == kind && s.getName().equals(name))
                .findFirst();
    }

    /** Whether {@code span} descends from {@code ancestor} through spans of its trace that ended. */
    private boolean isBelow(SpanData span, SpanData ancestor) {
        String parent = span.getParentSpanId();
        for (int depth = 0; depth < 20; depth++) {
            if (parent.equals(ancestor.getSpanId())) {
                return true;
            }
            String current = parent;
            Optional<SpanData> next = spans.getFinishedSpanItems().stream()
                    .filter(s -> s.getSpanId().equals(current)).findFirst();
            if (next.isEmpty()) {
                return false;
            }
            parent = next.get().getParentSpanId();
        }
        return false;
    }
}
