package org.proposals.assignment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.proposals.infra.KafkaTestClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.proposals.assignment.AssignmentFlowTest.as;

/** Only the committee assigns; a unit sees and signs for only its own assignments. */
@QuarkusTest
class AssignmentAccessTest {

    @Test
    void aUnitSeesAndSignsForOnlyItsOwnAssignments() {
        UUID proposalId;
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            proposalId = AssignmentFlowTest.registeredProposal(kafka);
        }
        List<Map<String, Object>> created = as("committee-wang").contentType(ContentType.JSON)
                .body(AssignmentFlowTest.assignment(proposalId, "miit", "LEAD", "drc", "CO_HANDLING"))
                .post("/api/v1/assignments").then().statusCode(201).extract().path("");
        String miits = (String) created.stream().filter(a -> "miit".equals(a.get("unitId"))).findFirst().orElseThrow().get("id");

        // another unit's assignment does not exist for it
        as("office-drc").get("/api/v1/assignments/" + miits).then().statusCode(404).contentType("application/problem+json");
        as("office-drc").post("/api/v1/assignments/" + miits + "/sign-for").then().statusCode(404);
        as("office-drc").get("/api/v1/assignments?proposalId=" + proposalId).then().statusCode(200)
                .body("total", equalTo(1)).body("items.unitId", everyItem(equalTo("drc")));
        as("office-drc").get("/api/v1/assignments?unitId=miit").then().statusCode(200)
                .body("items.unitId", everyItem(equalTo("drc")));

        // within the unit, only its office signs for
        as("handler-miit-sme").get("/api/v1/assignments/" + miits).then().statusCode(200);
        as("handler-miit-sme").post("/api/v1/assignments/" + miits + "/sign-for").then().statusCode(403)
                .contentType("application/problem+json");
        as("committee-wang").post("/api/v1/assignments/" + miits + "/sign-for").then().statusCode(403);
        as("committee-wang").get("/api/v1/assignments/" + miits).then().statusCode(200).body("status", equalTo("ASSIGNED"));

        as("office-miit").post("/api/v1/assignments/" + miits + "/sign-for").then().statusCode(200);
    }

    @Test
    void onlyTheCommitteeAssignsAndSeesWhatAwaitsAssignment() {
        UUID proposalId;
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            proposalId = AssignmentFlowTest.registeredProposal(kafka);
        }
        for (String person : List.of("office-miit", "leader-miit", "member-zhang", "supervisor-city")) {
            as(person).contentType(ContentType.JSON).body(AssignmentFlowTest.assignment(proposalId, "miit", "SOLE"))
                    .post("/api/v1/assignments").then().statusCode(403).contentType("application/problem+json");
        }
        as("office-miit").get("/api/v1/assignable-proposals").then().statusCode(403);
        as("member-zhang").get("/api/v1/assignments").then().statusCode(403);
        given().get("/api/v1/assignments").then().statusCode(401);
        as("committee-wang").get("/api/v1/assignments?proposalId=" + proposalId).then().body("total", equalTo(0));
    }
}
