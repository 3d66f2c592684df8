package org.proposals.reply;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.proposals.events.HandlingType;
import org.proposals.infra.AccessMatrix;
import org.proposals.infra.KafkaTestClient;

import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.proposals.infra.AccessMatrix.ANONYMOUS;
import static org.proposals.infra.AccessMatrix.OVERSEERS;
import static org.proposals.infra.AccessMatrix.UNIT_PEOPLE;
import static org.proposals.reply.CaseLifecycleTest.as;

/**
 * Every endpoint of reply-service × every role × own unit / another unit, with the exact status each gets;
 * refused calls change nothing. A new endpoint without rows fails this test.
 */
@QuarkusTest
class CaseAccessMatrixTest {

    @Test
    void everyoneGetsExactlyWhatTheirRoleAndTheRecordAllow() {
        String caseId;
        String secondCase;
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            caseId = CaseLifecycleTest.openCase(kafka, CaseLifecycleTest.assigned(UUID.randomUUID(), HandlingType.LEAD));
            secondCase = CaseLifecycleTest.openCase(kafka, CaseLifecycleTest.assigned(UUID.randomUUID(), HandlingType.SOLE));
        }
        String reply = CaseLifecycleTest.replyJson("A", CaseLifecycleTest.REPLY_TEXT);
        String draft = draft(caseId, reply);
        String secondDraft = draft(secondCase, reply);
        String cases = "/api/v1/cases/" + caseId;

        AccessMatrix matrix = new AccessMatrix().auditTrail();
        matrix.endpoint("GET", "/api/v1/cases")
                .expect(200, UNIT_PEOPLE).expect(200, OVERSEERS)
                .expect(403, "member-zhang")
                .expect(401, ANONYMOUS);
        matrix.endpoint("GET", "/api/v1/cases/{caseId}").at(cases)
                .expect(200, UNIT_PEOPLE).expect(200, OVERSEERS)
                .expect(404, "office-drc", "handler-drc-industry")
                .expect(403, "member-zhang")
                .expect(401, ANONYMOUS);
        matrix.endpoint("POST", "/api/v1/cases/{caseId}/replies").at(cases + "/replies")
                .body(() -> reply)
                .expect(403, "office-miit", "leader-miit", "head-miit-sme", "member-zhang")
                .expect(403, OVERSEERS)
                .expect(404, "handler-drc-industry")
                .expect(401, ANONYMOUS)
                .expect(201, "handler-miit-sme");
        matrix.endpoint("GET", "/api/v1/cases/{caseId}/replies/{replyId}").at(cases + "/replies/" + draft)
                .expect(200, UNIT_PEOPLE).expect(200, OVERSEERS)
                .expect(404, "office-drc")
                .expect(403, "member-zhang")
                .expect(401, ANONYMOUS);
        matrix.endpoint("POST", "/api/v1/cases/{caseId}/replies/{replyId}/approval").at(cases + "/replies/" + draft + "/approval")
                .expect(403, "office-miit", "handler-miit-sme", "member-zhang")
                .expect(403, OVERSEERS)
                .expect(404, "head-drc-industry")
                .expect(401, ANONYMOUS)
                .expect(200, "head-miit-sme");
        matrix.endpoint("POST", "/api/v1/cases/{caseId}/replies/{replyId}/approval")
                .at("/api/v1/cases/" + secondCase + "/replies/" + secondDraft + "/approval")
                .expect(200, "leader-miit");

        matrix.assertCoversEveryOperationAndRole();
        matrix.run();

        // one draft by the handler besides the one made above, and each case approved once
        as("office-miit").get(cases).then().body("replies.size()", equalTo(2)).body("status", equalTo("REPLIED"));
        as("office-miit").get("/api/v1/cases/" + secondCase).then().body("status", equalTo("REPLIED"));
    }

    private static String draft(String caseId, String reply) {
        return as("handler-miit-sme").contentType(ContentType.JSON).body(reply)
                .post("/api/v1/cases/" + caseId + "/replies").then().statusCode(201).extract().path("id");
    }
}
