package org.proposals.assignment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.proposals.infra.AccessMatrix;
import org.proposals.infra.KafkaTestClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.hamcrest.Matchers.equalTo;
import static org.proposals.assignment.AssignmentFlowTest.as;
import static org.proposals.infra.AccessMatrix.ANONYMOUS;
import static org.proposals.infra.AccessMatrix.OVERSEERS;
import static org.proposals.infra.AccessMatrix.UNIT_PEOPLE;

/**
 * Every endpoint of assignment-service × every role × own unit / another unit, with the exact status each
 * gets; refused calls change nothing. A new endpoint without rows fails this test.
 */
@QuarkusTest
class AssignmentAccessMatrixTest {

    @Test
    void everyoneGetsExactlyWhatTheirRoleAndTheRecordAllow() {
        UUID assigned;
        UUID first;
        UUID second;
        UUID untouched;
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            assigned = AssignmentFlowTest.registeredProposal(kafka);
            first = AssignmentFlowTest.registeredProposal(kafka);
            second = AssignmentFlowTest.registeredProposal(kafka);
            untouched = AssignmentFlowTest.registeredProposal(kafka);
        }
        List<Map<String, Object>> created = as("committee-wang").contentType(ContentType.JSON)
                .body(AssignmentFlowTest.assignment(assigned, "miit", "LEAD", "drc", "CO_HANDLING"))
                .post("/api/v1/assignments").then().statusCode(201).extract().path("");
        String miits = (String) created.stream().filter(a -> "miit".equals(a.get("unitId"))).findFirst().orElseThrow().get("id");
        // the two permitted assignments take a proposal each; every refused one names a proposal that must stay untouched
        AtomicInteger calls = new AtomicInteger();
        UUID[] targets = {first, second};

        AccessMatrix matrix = new AccessMatrix().auditTrail();
        matrix.endpoint("GET", "/api/v1/assignable-proposals")
                .expect(200, "committee-wang", "supervisor-city", "admin")
                .expect(403, "office-miit", "leader-miit", "head-miit-sme", "handler-miit-sme", "member-zhang", "supervision-system")
                .expect(401, ANONYMOUS);
        matrix.endpoint("POST", "/api/v1/assignments")
                .body(() -> AssignmentFlowTest.assignment(calls.get() < 2 ? targets[calls.getAndIncrement()] : untouched, "miit", "SOLE"))
                .expect(201, "committee-wang", "admin")
                .expect(403, "office-miit", "leader-miit", "head-miit-sme", "handler-miit-sme", "member-zhang",
                        "supervisor-city", "supervision-system")
                .expect(401, ANONYMOUS);
        matrix.endpoint("GET", "/api/v1/assignments")
                .expect(200, UNIT_PEOPLE).expect(200, OVERSEERS)
                .expect(403, "member-zhang")
                .expect(401, ANONYMOUS);
        matrix.endpoint("GET", "/api/v1/assignments/{id}").at("/api/v1/assignments/" + miits)
                .expect(200, UNIT_PEOPLE).expect(200, OVERSEERS)
                .expect(404, "office-drc", "handler-drc-industry")
                .expect(403, "member-zhang")
                .expect(401, ANONYMOUS);
        matrix.endpoint("POST", "/api/v1/assignments/{id}/sign-for").at("/api/v1/assignments/" + miits + "/sign-for")
                .expect(403, "leader-miit", "head-miit-sme", "handler-miit-sme", "member-zhang")
                .expect(403, OVERSEERS)
                .expect(404, "office-drc")
                .expect(401, ANONYMOUS)
                .expect(200, "office-miit");

        matrix.assertCoversEveryOperationAndRole();
        matrix.run();

        as("committee-wang").get("/api/v1/assignments?proposalId=" + untouched).then().body("total", equalTo(0));
        as("committee-wang").get("/api/v1/assignments/" + miits).then().body("status", equalTo("SIGNED"));
        as("committee-wang").get("/api/v1/assignments?proposalId=" + first).then().body("total", equalTo(1));
    }
}
