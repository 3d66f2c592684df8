package org.proposals.evaluation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
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
import org.proposals.events.evaluation.RehandlingRequested;
import org.proposals.events.evaluation.SatisfactionRecorded;
import org.proposals.infra.KafkaTestClient;
import org.proposals.infra.MovableClock;
import org.proposals.kit.time.CityClock;
import org.proposals.kit.time.WorkingCalendar;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.proposals.evaluation.HandlingScenario.MERGED_PROPOSER;
import static org.proposals.evaluation.HandlingScenario.PROPOSER;
import static org.proposals.evaluation.HandlingScenario.WAIT;
import static org.proposals.evaluation.HandlingScenario.as;
import static org.proposals.evaluation.HandlingScenario.publish;
import static org.proposals.evaluation.HandlingScenario.statistics;

/**
 * Ratings per handling round: attitude and result besides the overall rating, one per proposer and round (a
 * merged proposal's proposer too), the rating window, re-handling after an unsatisfied rating, and follow-up
 * replies that open no rating.
 */
@QuarkusTest
class SatisfactionRoundsTest {

    @Inject
    EntityManager entityManager;

    static ValidatableResponse rate(String person, UUID replyId, String body) {
        return as(person).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/replies/" + replyId + "/satisfaction").then();
    }

    @Test
    void eachRecipientRatesTheRoundOnceWithAttitudeAndResult() {
        HandlingScenario s = new HandlingScenario(OffsetDateTime.now());
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            publish(kafka, s.submitted, s.leadAssigned, s.leadReplyApproved,
                    s.delivered(s.replyId, LocalDate.now(HandlingScenario.CITY), PROPOSER, MERGED_PROPOSER));
            s.awaitDelivered(s.replyId);
            s.pending("").body("total", equalTo(2)).body("items.proposerId", equalTo(List.of("member-li", "member-zhang")));

            String zhang = rate("member-zhang", s.replyId, """
                    {"rating":"SATISFIED","attitude":"SATISFIED","result":"BASICALLY_SATISFIED","comment":"沟通及时"}""")
                    .statusCode(201)
                    .body("round", equalTo(1)).body("rating", equalTo("SATISFIED"))
                    .body("attitude", equalTo("SATISFIED")).body("result", equalTo("BASICALLY_SATISFIED"))
                    .body("late", equalTo(false))
                    .extract().path("id");
            // the merged proposal's proposer received the reply and rates it too, attitude and result left out
            rate("member-li", s.replyId, "{\"rating\":\"BASICALLY_SATISFIED\"}")
                    .statusCode(201).body("proposerId", equalTo("member-li")).body("attitude", nullValue());
            rate("member-zhang", s.replyId, "{\"rating\":\"UNSATISFIED\"}").statusCode(409);
            rate("member-zhang", s.replyId, "{\"rating\":\"SATISFIED\",\"attitude\":\"RUDE\"}")
                    .statusCode(400).body("errors[0].field", equalTo("attitude"));

            as("member-zhang").get("/api/v1/replies/" + s.replyId + "/satisfaction").then().statusCode(200)
                    .body("id", equalTo(zhang));
            as("member-li").get("/api/v1/replies/" + s.replyId + "/satisfaction").then().statusCode(200)
                    .body("rating", equalTo("BASICALLY_SATISFIED"));
            as("committee-wang").get("/api/v1/replies/" + s.replyId + "/satisfaction?proposerId=member-li").then()
                    .statusCode(200).body("proposerId", equalTo("member-li"));
            as("committee-wang").get("/api/v1/replies/" + s.replyId + "/satisfaction").then()
                    .statusCode(200).body("id", equalTo(zhang));

            // the handling's rating is the least satisfied of the round's: one rated handling
            statistics(s.leadUnit, null).body("rated", equalTo(1))
                    .body("ratings", equalTo(Map.of("SATISFIED", 0, "BASICALLY_SATISFIED", 1, "UNSATISFIED", 0)));
            s.pending("").body("total", equalTo(0));

            List<ConsumerRecord<String, String>> read = kafka.readUntil(KafkaTestClient.topic(Topics.EVALUATION_EVENTS),
                    r -> zhang.equals(r.key()), WAIT);
            SatisfactionRecorded recorded = (SatisfactionRecorded) EventCodec.payloadOf(
                    EventCodec.fromJson(read.get(read.size() - 1).value()));
            assertEquals(1, recorded.round());
            assertEquals(SatisfactionRating.SATISFIED, recorded.attitude());
            assertEquals(SatisfactionRating.BASICALLY_SATISFIED, recorded.result());
            assertEquals(false, recorded.late());
            assertEquals(0, outboxEvents("RehandlingRequested", s.proposalId));
        }
    }

    @Test
    void aRatingAfterTheWindowIsFlaggedLateAndAMissingRatingShows() {
        LocalDate monday = LocalDate.of(2026, 3, 2);
        LocalDate windowEnds = WorkingCalendar.shipped().plusWorkingDays(monday, 15);
        assertEquals(LocalDate.of(2026, 3, 23), windowEnds);
        HandlingScenario s = new HandlingScenario(OffsetDateTime.of(2026, 1, 5, 9, 0, 0, 0, ZoneOffset.ofHours(8)));
        MovableClock clock = MovableClock.at(windowEnds);
        QuarkusMock.installMockForType(new CityClock(clock), CityClock.class);
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            publish(kafka, s.submitted, s.leadAssigned, s.leadReplyApproved, s.delivered(s.replyId, monday, PROPOSER));
            s.awaitDelivered(s.replyId);

            // on the window's last day the rating is due, not missing
            s.pending("").body("total", equalTo(1))
                    .body("items[0].proposerId", equalTo("member-zhang"))
                    .body("items[0].deliveredOn", equalTo("2026-03-02"))
                    .body("items[0].windowEnds", equalTo("2026-03-23"))
                    .body("items[0].overdue", equalTo(false));
            s.pending("overdueOnly=true").body("total", equalTo(0));
            // the unit's office sees its own unit's only, the proposer their own
            as("office-miit").get("/api/v1/ratings/pending?size=200&unitId=" + s.leadUnit).then().statusCode(200)
                    .body("items.replyId", not(hasItem(s.replyId.toString())));
            as("member-zhang").get("/api/v1/ratings/pending?size=200").then().statusCode(200)
                    .body("items.replyId", hasItem(s.replyId.toString()));
            as("member-li").get("/api/v1/ratings/pending?size=200").then().statusCode(200)
                    .body("items.replyId", not(hasItem(s.replyId.toString())));

            clock.moveTo(windowEnds.plusDays(1));
            s.pending("overdueOnly=true").body("total", equalTo(1)).body("items[0].overdue", equalTo(true));

            rate("member-zhang", s.replyId, "{\"rating\":\"SATISFIED\"}")
                    .statusCode(201).body("late", equalTo(true)).body("ratingDue", equalTo("2026-03-23"));
            s.pending("").body("items", empty());
            statistics(s.leadUnit, null).body("rated", equalTo(1));
        }
    }

    @Test
    void anUnsatisfiedRatingAsksForRehandlingOnceAndTheNextRoundIsRatedAgain() {
        HandlingScenario s = new HandlingScenario(OffsetDateTime.now());
        UUID secondReply = UUID.randomUUID();
        LocalDate today = LocalDate.now(HandlingScenario.CITY);
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            publish(kafka, s.submitted, s.leadAssigned, s.leadReplyApproved,
                    s.delivered(s.replyId, today, PROPOSER, MERGED_PROPOSER));
            s.awaitDelivered(s.replyId);

            rate("member-zhang", s.replyId, "{\"rating\":\"UNSATISFIED\",\"attitude\":\"BASICALLY_SATISFIED\","
                    + "\"result\":\"UNSATISFIED\",\"comment\":\"措施不具体\"}").statusCode(201);
            // a second unsatisfied rating of the same round asks for nothing more
            rate("member-li", s.replyId, "{\"rating\":\"UNSATISFIED\"}").statusCode(201);
            assertEquals(1, outboxEvents("RehandlingRequested", s.proposalId));

            List<ConsumerRecord<String, String>> read = kafka.readUntil(KafkaTestClient.topic(Topics.EVALUATION_EVENTS),
                    r -> s.proposalId.toString().equals(r.key())
                            && "RehandlingRequested".equals(KafkaTestClient.header(r, Topics.HEADER_EVENT_TYPE)), WAIT);
            EventEnvelope envelope = EventCodec.fromJson(read.get(read.size() - 1).value());
            assertEquals(s.proposalId.toString(), envelope.aggregateId());
            assertEquals("member-zhang", envelope.actor().id());
            RehandlingRequested requested = (RehandlingRequested) EventCodec.payloadOf(envelope);
            assertEquals(s.proposalId, requested.proposalId());
            assertEquals(s.leadUnit, requested.unitId());
            assertEquals(s.replyId, requested.replyId());
            assertEquals(1, requested.round());
            assertEquals("member-zhang", requested.proposerId());
            assertEquals("措施不具体", requested.reason());
            statistics(s.leadUnit, null).body("ratings.UNSATISFIED", equalTo(1));

            // proposal-service reopened it for the unit; the unit replies again in round 2, delivered, rated again
            publish(kafka, s.leadReopened(2), s.leadReply(secondReply, 2, "REHANDLING", OffsetDateTime.now()),
                    s.delivered(secondReply, today, PROPOSER, MERGED_PROPOSER));
            s.awaitDelivered(secondReply);
            // the new round's reply is not rated yet
            statistics(s.leadUnit, null).body("rated", equalTo(0)).body("replied", equalTo(1));

            rate("member-zhang", secondReply, "{\"rating\":\"SATISFIED\",\"attitude\":\"SATISFIED\",\"result\":\"SATISFIED\"}")
                    .statusCode(201).body("round", equalTo(2));
            rate("member-li", secondReply, "{\"rating\":\"BASICALLY_SATISFIED\"}").statusCode(201);
            assertEquals(1, outboxEvents("RehandlingRequested", s.proposalId));

            // both rounds are kept
            as("member-zhang").get("/api/v1/replies/" + s.replyId + "/satisfaction").then()
                    .body("round", equalTo(1)).body("rating", equalTo("UNSATISFIED"));
            as("member-zhang").get("/api/v1/replies/" + secondReply + "/satisfaction").then()
                    .body("round", equalTo(2)).body("rating", equalTo("SATISFIED"));
            assertEquals(List.of("1 UNSATISFIED", "1 UNSATISFIED", "2 BASICALLY_SATISFIED", "2 SATISFIED"), ratings(s.proposalId));
            statistics(s.leadUnit, null).body("rated", equalTo(1))
                    .body("ratings", equalTo(Map.of("SATISFIED", 0, "BASICALLY_SATISFIED", 1, "UNSATISFIED", 0)));
            assertEquals(List.of(secondReply.toString(), "2", "BASICALLY_SATISFIED", "UNSATISFIED", "2"), handling(s));
        }
    }

    @Test
    void aFollowUpReplyOpensNoRatingAndKeepsTheRoundsRating() {
        HandlingScenario s = new HandlingScenario(OffsetDateTime.now());
        UUID followUp = UUID.randomUUID();
        LocalDate today = LocalDate.now(HandlingScenario.CITY);
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            publish(kafka, s.submitted, s.leadAssigned, s.leadReplyApproved, s.delivered(s.replyId, today, PROPOSER));
            s.awaitDelivered(s.replyId);
            rate("member-zhang", s.replyId, "{\"rating\":\"BASICALLY_SATISFIED\"}").statusCode(201);

            // the promised measure is done: the unit replies again, in the same round
            publish(kafka, s.leadReply(followUp, 1, "FOLLOW_UP", OffsetDateTime.now()), s.delivered(followUp, today, PROPOSER));
            await().atMost(WAIT).untilAsserted(() -> assertEquals(1L, QuarkusTransaction.requiringNew().call(() ->
                    ((Number) entityManager.createNativeQuery(
                                    "SELECT count(*) FROM reply_round WHERE reply_id = ?1 AND delivered_on IS NOT NULL")
                            .setParameter(1, followUp).getSingleResult()).longValue())));

            rate("member-zhang", followUp, "{\"rating\":\"SATISFIED\"}").statusCode(409);
            s.pending("").body("total", equalTo(0));
            statistics(s.leadUnit, null).body("rated", equalTo(1)).body("ratings.BASICALLY_SATISFIED", equalTo(1));
            assertEquals(List.of(s.replyId.toString(), "1", "BASICALLY_SATISFIED", "BASICALLY_SATISFIED", "null"), handling(s));
        }
    }

    /** The lead unit's handling: reply, its round, rating, first-round rating, round reopened for. */
    private List<String> handling(HandlingScenario s) {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery("""
                        SELECT reply_id, reply_round, rating, first_round_rating, reopened_round
                          FROM unit_handling WHERE proposal_id = ?1 AND unit_id = ?2""")
                .setParameter(1, s.proposalId).setParameter(2, s.leadUnit).getSingleResult());
        return java.util.Arrays.stream(row).map(String::valueOf).toList();
    }

    /** "round rating" of every rating of the proposal, in order. */
    private List<String> ratings(UUID proposalId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery(
                            "SELECT round, rating FROM satisfaction WHERE proposal_id = ?1 ORDER BY round, rating")
                    .setParameter(1, proposalId).getResultList();
            return rows.stream().map(r -> r[0] + " " + r[1]).toList();
        });
    }

    private long outboxEvents(String type, UUID proposalId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "SELECT count(*) FROM outbox_event WHERE event_type = ?1 AND envelope LIKE ?2")
                .setParameter(1, type).setParameter(2, "%\"proposalId\":\"" + proposalId + "\"%")
                .getSingleResult()).longValue());
    }
}
