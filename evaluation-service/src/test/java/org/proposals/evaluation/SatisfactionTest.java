package org.proposals.evaluation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.proposals.events.EventCodec;
import org.proposals.events.EventEnvelope;
import org.proposals.events.SatisfactionRating;
import org.proposals.events.Topics;
import org.proposals.events.evaluation.SatisfactionRecorded;
import org.proposals.infra.KafkaTestClient;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.proposals.evaluation.HandlingScenario.changes;
import static org.proposals.evaluation.HandlingScenario.PROPOSER;
import static org.proposals.evaluation.HandlingScenario.WAIT;
import static org.proposals.evaluation.HandlingScenario.publish;
import static org.proposals.evaluation.HandlingScenario.statistics;

@QuarkusTest
class SatisfactionTest {

    @Inject
    EntityManager entityManager;

    static ValidatableResponse rate(UUID replyId, String body) {
        return HandlingScenario.as("member-zhang").contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/replies/" + replyId + "/satisfaction").then();
    }

    static ValidatableResponse rating(UUID replyId) {
        return HandlingScenario.as("committee-wang").when().get("/api/v1/replies/" + replyId + "/satisfaction").then();
    }

    @Test
    void theProposerRatesARoundOnceAndTheRatingIsAnnounced() {
        HandlingScenario s = new HandlingScenario(OffsetDateTime.now());
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            publish(kafka, s.submitted, s.leadAssigned, s.leadReplyApproved, s.leadReplyDelivered);
            s.awaitDelivered(s.replyId);

            // refused input records nothing
            rate(s.replyId, "{\"rating\":\"DELIGHTED\"}")
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("rating"))
                    .body("errors[0].message", startsWith("must be one of"));
            rate(s.replyId, "{\"comment\":\"没有评价\"}")
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("rating"));
            rate(s.replyId, "{\"rating\":\"SATISFIED\",\"comment\":\"" + "很".repeat(2001) + "\"}")
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("comment"));
            rating(s.replyId).statusCode(404).contentType("application/problem+json");
            assertRecorded(s.replyId, 0);

            String url = "/api/v1/replies/" + s.replyId + "/satisfaction";
            String id = HandlingScenario.as("member-zhang").contentType(ContentType.JSON).header("X-Request-Id", "rate-" + s.replyId)
                    .body("{\"rating\":\"SATISFIED\",\"comment\":\"答复认真，措施具体\"}")
                    .when().post("/api/v1/replies/" + s.replyId + "/satisfaction").then()
                    .statusCode(201)
                    .header("Location", endsWith(url))
                    .body("rating", equalTo("SATISFIED"))
                    .body("replyId", equalTo(s.replyId.toString()))
                    .body("proposalId", equalTo(s.proposalId.toString()))
                    .body("unitId", equalTo(s.leadUnit))
                    .body("proposerId", equalTo(PROPOSER.id()))
                    .body("comment", equalTo("答复认真，措施具体"))
                    .extract().path("id");
            rating(s.replyId).statusCode(200).body("id", equalTo(id)).body("rating", equalTo("SATISFIED"));

            List<ConsumerRecord<String, String>> read = kafka.readUntil(KafkaTestClient.topic(Topics.EVALUATION_EVENTS),
                    r -> id.equals(r.key()), WAIT);
            ConsumerRecord<String, String> record = read.get(read.size() - 1);
            EventEnvelope envelope = EventCodec.fromJson(record.value());
            assertEquals("SatisfactionRecorded", envelope.type());
            assertEquals("SatisfactionRecorded", KafkaTestClient.header(record, Topics.HEADER_EVENT_TYPE));
            assertEquals(id, envelope.aggregateId());
            SatisfactionRecorded recorded = (SatisfactionRecorded) EventCodec.payloadOf(envelope);
            assertEquals(UUID.fromString(id), recorded.satisfactionId());
            assertEquals(s.proposalId, recorded.proposalId());
            assertEquals(s.replyId, recorded.replyId());
            assertEquals(s.leadUnit, recorded.unitId());
            assertEquals(PROPOSER.id(), recorded.proposerId());
            assertEquals(SatisfactionRating.SATISFIED, recorded.rating());
            assertEquals("答复认真，措施具体", recorded.comment());

            // one rating per proposer and round
            rate(s.replyId, "{\"rating\":\"UNSATISFIED\"}")
                    .statusCode(409).contentType("application/problem+json");
            rating(s.replyId).statusCode(200).body("id", equalTo(id)).body("rating", equalTo("SATISFIED"));

            // a reply this service has not heard of
            UUID unknown = UUID.randomUUID();
            rate(unknown, "{\"rating\":\"SATISFIED\"}").statusCode(404).contentType("application/problem+json");
            rating(unknown).statusCode(404);
            assertRecorded(unknown, 0);

            assertRecorded(s.replyId, 1);

            // the rating and the handling it rated, each with its audit record from the one request; the refused
            // requests left none
            List<Map<String, Object>> rated = s.auditRecords("").stream()
                    .filter(r -> "SatisfactionRecorded".equals(r.get("action"))).toList();
            assertEquals(List.of("UnitHandling", "Satisfaction"), rated.stream().map(r -> r.get("recordType")).toList());
            Map<String, Object> handlingRecord = rated.get(0);
            assertEquals(s.proposalId + "/" + s.leadUnit, handlingRecord.get("recordId"));
            assertEquals("rate-" + s.replyId, handlingRecord.get("requestId"));
            assertEquals("SATISFIED", changes(handlingRecord).get("rating").get("after"));
            assertNull(changes(handlingRecord).get("rating").get("before"));
            Map<String, Object> satisfactionRecord = rated.get(1);
            assertEquals(id, satisfactionRecord.get("recordId"));
            assertEquals("rate-" + s.replyId, satisfactionRecord.get("requestId"));
            assertEquals("答复认真，措施具体", changes(satisfactionRecord).get("comment").get("after"));
            assertEquals(PROPOSER.id(), changes(satisfactionRecord).get("proposerId").get("after"));

            statistics(s.leadUnit, null)
                    .body("rated", equalTo(1))
                    .body("ratings", equalTo(Map.of("SATISFIED", 1, "BASICALLY_SATISFIED", 0, "UNSATISFIED", 0)))
                    .body("satisfactionRate", equalTo(1.0f))
                    .body("needingReply", equalTo(1))
                    .body("replied", equalTo(1));
        }
    }

    @Test
    void aReplyIsRatedOnlyOnceDelivered() {
        HandlingScenario s = new HandlingScenario(OffsetDateTime.now());
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            publish(kafka, s.submitted, s.leadReplyApproved);
            await().atMost(WAIT).untilAsserted(() -> statistics(s.leadUnit, s.year).body("replied", equalTo(1)));

            // approved, not delivered yet: the proposer is told so; another proposer learns nothing
            rate(s.replyId, "{\"rating\":\"BASICALLY_SATISFIED\"}")
                    .statusCode(409).contentType("application/problem+json");
            HandlingScenario.as("member-li").contentType(ContentType.JSON).body("{\"rating\":\"SATISFIED\"}")
                    .post("/api/v1/replies/" + s.replyId + "/satisfaction").then().statusCode(404);
            assertRecorded(s.replyId, 0);

            publish(kafka, s.leadReplyDelivered);
            s.awaitDelivered(s.replyId);

            rate(s.replyId, "{\"rating\":\"BASICALLY_SATISFIED\"}")
                    .statusCode(201)
                    .body("proposerId", equalTo(PROPOSER.id()));
            statistics(s.leadUnit, null).body("rated", equalTo(1)).body("satisfactionRate", equalTo(1.0f));
            assertRecorded(s.replyId, 1);
        }
    }

    /** The ratings stored for a reply and the SatisfactionRecorded events written for it. */
    private void assertRecorded(UUID replyId, int expected) {
        long ratings = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM satisfaction WHERE reply_id = ?1")
                .setParameter(1, replyId).getSingleResult()).longValue());
        long events = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("""
                        SELECT count(*) FROM outbox_event
                         WHERE event_type = 'SatisfactionRecorded' AND envelope LIKE ?1""")
                .setParameter(1, "%\"replyId\":\"" + replyId + "\"%").getSingleResult()).longValue());
        assertEquals(expected, ratings, "ratings of reply " + replyId);
        assertEquals(expected, events, "SatisfactionRecorded events for reply " + replyId);
    }
}
