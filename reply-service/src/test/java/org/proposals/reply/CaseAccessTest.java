package org.proposals.reply;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.proposals.events.HandlingType;
import org.proposals.infra.KafkaTestClient;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;
import static org.proposals.reply.CaseLifecycleTest.as;

/** A unit sees only its own case files; a handler drafts, a division head or leader approves. */
@QuarkusTest
class CaseAccessTest {

    @Test
    void anotherUnitsCaseDoesNotExistForYou() {
        String caseId;
        UUID proposalId = UUID.randomUUID();
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            caseId = CaseLifecycleTest.openCase(kafka, CaseLifecycleTest.assigned(proposalId, HandlingType.LEAD));
        }
        String reply = ReplyFlow.json(ReplyFlow.reply("A", ReplyFlow.REPLY_TEXT));

        as("office-drc").get("/api/v1/cases/" + caseId).then().statusCode(404).contentType("application/problem+json");
        as("handler-drc-industry").contentType(ContentType.JSON).body(reply)
                .post("/api/v1/cases/" + caseId + "/replies").then().statusCode(404);
        as("office-drc").get("/api/v1/cases?proposalId=" + proposalId).then().statusCode(200).body("total", equalTo(0));
        as("office-drc").get("/api/v1/cases?unitId=miit").then().statusCode(200).body("items.unitId", everyItem(equalTo("drc")));

        // within the unit: the office reads, the handler drafts; a division head cannot sign the formal reply
        as("office-miit").contentType(ContentType.JSON).body(reply).post("/api/v1/cases/" + caseId + "/replies")
                .then().statusCode(403).contentType("application/problem+json");
        String replyId = as("handler-miit-sme").contentType(ContentType.JSON).body(reply)
                .post("/api/v1/cases/" + caseId + "/replies").then().statusCode(201).extract().path("id");
        as("handler-miit-sme").post("/api/v1/cases/" + caseId + "/replies/" + replyId + "/approval").then().statusCode(403);
        as("head-miit-sme").post("/api/v1/cases/" + caseId + "/replies/" + replyId + "/approval").then().statusCode(403);
        as("head-drc-industry").contentType(ContentType.JSON).body("{\"decision\":\"APPROVE\"}")
                .post("/api/v1/cases/" + caseId + "/replies/" + replyId + "/reviews").then().statusCode(404);
        as("office-miit").get("/api/v1/cases/" + caseId).then().statusCode(200).body("status", equalTo("OPEN"))
                .body("replies[0].status", equalTo("DRAFT"));
        // the proposer sees none of it: not the case file, not the unit's draft
        as("member-zhang").get("/api/v1/cases/" + caseId + "/replies/" + replyId).then().statusCode(403);
        as("member-zhang").get("/api/v1/proposer-cases").then().statusCode(200)
                .body("items.find { it.caseId == '" + caseId + "' }.consultation", nullValue())
                .body("items.find { it.caseId == '" + caseId + "' }.formalReplies.size()", equalTo(0));
    }

    @Test
    void proposersAndAnonymousCallersSeeNoCaseFiles() {
        as("member-zhang").get("/api/v1/cases").then().statusCode(403);
        given().get("/api/v1/cases").then().statusCode(401).contentType("application/problem+json");
    }
}
