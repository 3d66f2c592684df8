package org.proposals.evaluation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.proposals.infra.KafkaTestClient;

import java.time.OffsetDateTime;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.proposals.evaluation.HandlingScenario.as;
import static org.proposals.evaluation.HandlingScenario.publish;
import static org.proposals.evaluation.HandlingScenario.statistics;

/** Only the proposer the reply is addressed to rates it; a unit sees its own figures only. */
@QuarkusTest
class EvaluationAccessTest {

    private static final String RATING = "{\"rating\":\"SATISFIED\",\"comment\":\"满意\"}";

    @Test
    void onlyTheAddresseeRatesAReplyAndOnlyThoseConcernedSeeTheRating() {
        HandlingScenario s = new HandlingScenario(OffsetDateTime.now());
        String url = "/api/v1/replies/" + s.replyId + "/satisfaction";
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            publish(kafka, s.submitted, s.leadAssigned, s.leadReplyApproved, s.leadReplyDelivered);
            s.awaitDelivered(s.replyId);
        }

        given().contentType(ContentType.JSON).body(RATING).post(url).then().statusCode(401);
        as("member-li").contentType(ContentType.JSON).body(RATING).post(url).then()
                .statusCode(404).contentType("application/problem+json");
        as("office-miit").contentType(ContentType.JSON).body(RATING).post(url).then().statusCode(403);
        as("committee-wang").contentType(ContentType.JSON).body(RATING).post(url).then().statusCode(403);
        statistics(s.leadUnit, null).body("rated", equalTo(0));

        as("member-zhang").contentType(ContentType.JSON).body(RATING).post(url).then().statusCode(201);

        as("member-zhang").get(url).then().statusCode(200);
        as("member-li").get(url).then().statusCode(404);
        as("committee-wang").get(url).then().statusCode(200);
        // office-miit works in unit "miit", not in the scenario's lead unit
        as("office-miit").get(url).then().statusCode(404);
    }

    @Test
    void aUnitGetsItsOwnFiguresAndProposersNone() {
        as("office-miit").get("/api/v1/statistics?unitId=some-other-unit").then().statusCode(200)
                .body("unitId", equalTo("miit"));
        as("member-zhang").get("/api/v1/statistics").then().statusCode(403).contentType("application/problem+json");
        given().get("/api/v1/statistics").then().statusCode(401);
    }
}
