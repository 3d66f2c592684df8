package org.proposals.evaluation;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.proposals.infra.AccessMatrix;
import org.proposals.infra.KafkaTestClient;

import java.time.OffsetDateTime;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.proposals.evaluation.HandlingScenario.WAIT;
import static org.proposals.evaluation.HandlingScenario.as;
import static org.proposals.evaluation.HandlingScenario.publish;
import static org.proposals.infra.AccessMatrix.ANONYMOUS;
import static org.proposals.infra.AccessMatrix.OVERSEERS;
import static org.proposals.infra.AccessMatrix.UNIT_PEOPLE;

/**
 * Every endpoint of evaluation-service × every role × own / another's record, with the exact status each
 * gets; refused ratings record nothing. A new endpoint without rows fails this test.
 */
@QuarkusTest
class EvaluationAccessMatrixTest {

    @Test
    void everyoneGetsExactlyWhatTheirRoleAndTheRecordAllow() {
        HandlingScenario s = new HandlingScenario(OffsetDateTime.now(), "miit");
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            publish(kafka, s.submitted, s.leadAssigned, s.leadReplyApproved, s.leadReplyDelivered);
        }
        String rating = "/api/v1/replies/" + s.replyId + "/satisfaction";
        // delivered: the proposer sees it among their pending ratings
        await().atMost(WAIT).untilAsserted(() -> as("member-zhang").get("/api/v1/ratings/pending?size=200").then()
                .body("items.replyId", org.hamcrest.Matchers.hasItem(s.replyId.toString())));

        AccessMatrix matrix = new AccessMatrix().auditTrail();
        matrix.endpoint("POST", "/api/v1/replies/{replyId}/satisfaction").at(rating)
                .body(() -> "{\"rating\":\"SATISFIED\",\"comment\":\"满意\"}")
                .expect(403, UNIT_PEOPLE).expect(403, OVERSEERS)
                .expect(404, "member-li")
                .expect(401, ANONYMOUS)
                .expect(201, "member-zhang");
        matrix.endpoint("GET", "/api/v1/replies/{replyId}/satisfaction").at(rating)
                .expect(200, "member-zhang").expect(200, UNIT_PEOPLE).expect(200, OVERSEERS)
                .expect(404, "member-li", "office-drc")
                .expect(401, ANONYMOUS);
        matrix.endpoint("GET", "/api/v1/ratings/pending")
                .expect(200, UNIT_PEOPLE).expect(200, OVERSEERS)
                .expect(200, "member-zhang", "member-li")
                .expect(401, ANONYMOUS);
        matrix.endpoint("GET", "/api/v1/statistics")
                .expect(200, UNIT_PEOPLE).expect(200, OVERSEERS)
                .expect(403, "member-zhang")
                .expect(401, ANONYMOUS);
        matrix.endpoint("GET", "/api/v1/statistics/breakdown").at("/api/v1/statistics/breakdown?by=HANDLING_TYPE")
                .expect(200, UNIT_PEOPLE).expect(200, OVERSEERS)
                .expect(403, "member-zhang")
                .expect(401, ANONYMOUS);
        matrix.endpoint("GET", "/api/v1/statistics/overdue")
                .expect(200, UNIT_PEOPLE).expect(200, OVERSEERS)
                .expect(403, "member-zhang")
                .expect(401, ANONYMOUS);
        matrix.endpoint("GET", "/api/v1/summaries/annual").at("/api/v1/summaries/annual?unitId=miit&year=2026")
                .expect(200, UNIT_PEOPLE).expect(200, OVERSEERS)
                .expect(403, "member-zhang")
                .expect(401, ANONYMOUS);
        matrix.endpoint("GET", "/api/v1/summaries/annual/register").at("/api/v1/summaries/annual/register?unitId=miit&year=2026")
                .expect(200, UNIT_PEOPLE).expect(200, OVERSEERS)
                .expect(403, "member-zhang")
                .expect(401, ANONYMOUS);
        // rebuilding the read model is an operator's act
        matrix.endpoint("POST", "/api/v1/read-model/replay")
                .expect(403, UNIT_PEOPLE).expect(403, "committee-wang", "supervisor-city", "supervision-system", "member-zhang")
                .expect(401, ANONYMOUS)
                .expect(200, "admin");

        // the points sheet: the unit's own people and the overseers; the committee adjusts it
        String sheet = "/api/v1/evaluations/miit/" + s.year;
        await().atMost(WAIT).untilAsserted(() -> as("committee-wang").get(sheet).then().statusCode(200));
        String adjustment = as("committee-wang").contentType("application/json")
                .body("{\"points\":-1,\"reason\":\"答复件未按要求公开\"}").post(sheet + "/adjustments").then()
                .statusCode(201).extract().path("id");
        matrix.endpoint("GET", "/api/v1/evaluations/{unitId}/{year}").at(sheet)
                .expect(200, UNIT_PEOPLE).expect(200, OVERSEERS)
                .expect(404, "office-drc")
                .expect(403, "member-zhang")
                .expect(401, ANONYMOUS);
        matrix.endpoint("POST", "/api/v1/evaluations/{unitId}/{year}/adjustments").at(sheet + "/adjustments")
                .body(() -> "{\"points\":2,\"reason\":\"典型案例\"}")
                .expect(403, UNIT_PEOPLE).expect(403, "supervisor-city", "admin", "supervision-system", "member-zhang")
                .expect(401, ANONYMOUS)
                .expect(201, "committee-wang");
        matrix.endpoint("GET", "/api/v1/evaluations/{unitId}/{year}/adjustments/{adjustmentId}")
                .at(sheet + "/adjustments/" + adjustment)
                .expect(200, UNIT_PEOPLE).expect(200, OVERSEERS)
                .expect(404, "office-drc")
                .expect(403, "member-zhang")
                .expect(401, ANONYMOUS);
        matrix.endpoint("DELETE", "/api/v1/evaluations/{unitId}/{year}/adjustments/{adjustmentId}")
                .at(sheet + "/adjustments/" + adjustment + "?reason=" + "withdrawn")
                .expect(403, UNIT_PEOPLE).expect(403, "supervisor-city", "admin", "supervision-system", "member-zhang")
                .expect(401, ANONYMOUS)
                .expect(200, "committee-wang");

        matrix.assertCoversEveryOperationAndRole();
        matrix.run();

        as("committee-wang").get(rating).then().body("proposerId", equalTo("member-zhang")).body("rating", equalTo("SATISFIED"));
    }
}
