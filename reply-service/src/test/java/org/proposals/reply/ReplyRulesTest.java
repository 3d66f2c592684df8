package org.proposals.reply;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.proposals.events.HandlingType;
import org.proposals.infra.KafkaTestClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.proposals.reply.CaseLifecycleTest.REPLY_TEXT;
import static org.proposals.reply.CaseLifecycleTest.approve;
import static org.proposals.reply.CaseLifecycleTest.assigned;
import static org.proposals.reply.CaseLifecycleTest.auditRecords;
import static org.proposals.reply.CaseLifecycleTest.draft;
import static org.proposals.reply.CaseLifecycleTest.openCase;
import static org.proposals.reply.CaseLifecycleTest.replyJson;

/** What the reply service refuses, and that a refusal changes nothing: no reply row, no event. */
@QuarkusTest
class ReplyRulesTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    EntityManager entityManager;

    @Test
    void aCoHandlingUnitCannotReplyToTheProposer() {
        String caseId;
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            caseId = openCase(kafka, assigned(UUID.randomUUID(), HandlingType.CO_HANDLING));
        }
        CaseLifecycleTest.as("office-miit").when().get("/api/v1/cases/" + caseId).then()
                .body("handlingType", equalTo("CO_HANDLING"))
                .body("leadUnitId", equalTo("drc"));

        draft(caseId, replyJson("A", REPLY_TEXT))
                .statusCode(409)
                .contentType(PROBLEM)
                .body("status", equalTo(409))
                .body("detail", containsString("opinion to the lead unit"));

        assertStored(caseId, 0, 0);
    }

    @Test
    void aReplyTooShortOrWithoutAKnownCategoryIsSentBack() {
        String caseId;
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            caseId = openCase(kafka, assigned(UUID.randomUUID(), HandlingType.SOLE));
        }

        draft(caseId, replyJson("A", "已收悉，我局将认真研究。"))
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("text"));
        // 29 characters padded with spaces (ASCII and ideographic) are still 29 characters
        draft(caseId, replyJson("A", "   " + REPLY_TEXT.substring(0, 29) + "\u3000\u3000"))
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("text"));
        draft(caseId, replyJson("A", "  ")).statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("text"));
        draft(caseId, replyJson("A", "很".repeat(20_001))).statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("text"));
        draft(caseId, replyJson("E", REPLY_TEXT))
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("resultCategory"))
                .body("errors[0].message", startsWith("must be one of"));
        draft(caseId, "{\"text\":\"" + REPLY_TEXT + "\"}")
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("resultCategory"));
        draft(caseId, "{\"resultCategory\":\"A\",\"text\":").statusCode(400).contentType(PROBLEM);

        assertStored(caseId, 0, 0);

        // exactly the minimum, once trimmed, passes review
        draft(caseId, replyJson("B", "  " + REPLY_TEXT.substring(0, 30) + "  "))
                .statusCode(201)
                .body("text", equalTo(REPLY_TEXT.substring(0, 30)))
                .body("resultCategory", equalTo("B"));
    }

    @Test
    void aCaseHasOneFormalReply() {
        String caseId;
        UUID proposalId = UUID.randomUUID();
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            caseId = openCase(kafka, assigned(proposalId, HandlingType.SPLIT));
        }
        String first = draft(caseId, replyJson("A", REPLY_TEXT)).statusCode(201).extract().path("id");
        String second = draft(caseId, replyJson("B", REPLY_TEXT)).statusCode(201).extract().path("id");

        approve(caseId, first).statusCode(200).body("status", equalTo("APPROVED"));
        assertStored(caseId, 2, 1);

        approve(caseId, first).statusCode(409).contentType(PROBLEM).body("detail", containsString("DRAFT"));
        approve(caseId, second).statusCode(409).contentType(PROBLEM).body("detail", containsString("approved reply"));
        draft(caseId, replyJson("A", REPLY_TEXT)).statusCode(409).contentType(PROBLEM);

        assertStored(caseId, 2, 1);
        CaseLifecycleTest.as("office-miit").when().get("/api/v1/cases/" + caseId).then()
                .body("status", equalTo("REPLIED"))
                .body("replies.find { it.id == '" + second + "' }.status", equalTo("DRAFT"));
        // the refused requests left no audit record
        List<Map<String, Object>> replyRecords = auditRecords("proposalId=" + proposalId + "&recordType=Reply");
        assertEquals(List.of("ReplyApproved:" + first, "ReplyDrafted:" + second, "ReplyDrafted:" + first),
                replyRecords.stream().map(r -> r.get("action") + ":" + r.get("recordId")).toList());
    }

    @Test
    void unknownCasesAndRepliesAreNotFound() {
        String caseId;
        String otherCaseId;
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            caseId = openCase(kafka, assigned(UUID.randomUUID(), HandlingType.LEAD));
            otherCaseId = openCase(kafka, assigned(UUID.randomUUID(), HandlingType.LEAD));
        }
        String replyId = draft(caseId, replyJson("A", REPLY_TEXT)).statusCode(201).extract().path("id");
        String unknown = UUID.randomUUID().toString();

        CaseLifecycleTest.as("office-miit").when().get("/api/v1/cases/" + unknown).then().statusCode(404).contentType(PROBLEM);
        CaseLifecycleTest.as("office-miit").when().get("/api/v1/cases/not-a-uuid").then().statusCode(404).contentType(PROBLEM);
        draft(unknown, replyJson("A", REPLY_TEXT)).statusCode(404).contentType(PROBLEM);
        approve(unknown, replyId).statusCode(404).contentType(PROBLEM);
        CaseLifecycleTest.as("office-miit").when().get("/api/v1/cases/" + caseId + "/replies/" + unknown).then().statusCode(404).contentType(PROBLEM);
        // a reply is found only under its own case
        CaseLifecycleTest.as("office-miit").when().get("/api/v1/cases/" + otherCaseId + "/replies/" + replyId).then().statusCode(404).contentType(PROBLEM);
        approve(otherCaseId, replyId).statusCode(404).contentType(PROBLEM);
        approve(caseId, unknown).statusCode(404).contentType(PROBLEM);

        CaseLifecycleTest.as("office-miit").when().get("/api/v1/cases?proposalId=not-a-uuid").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("proposalId"));
        CaseLifecycleTest.as("office-miit").when().get("/api/v1/cases?size=0").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("size"));

        assertStored(caseId, 1, 0);
        assertStored(otherCaseId, 0, 0);
        CaseLifecycleTest.as("office-miit").when().get("/api/v1/cases/" + caseId).then().body("status", equalTo("OPEN"));
    }

    /** The case has exactly these replies in the database and these events in its outbox (the source of reply.events). */
    private void assertStored(String caseId, long replies, long events) {
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(replies, count("SELECT count(*) FROM reply WHERE case_id = ?1", UUID.fromString(caseId)));
            assertEquals(events, count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ?1", caseId));
        });
        CaseLifecycleTest.as("office-miit").when().get("/api/v1/cases/" + caseId).then().statusCode(200).body("replies.size()", equalTo((int) replies));
    }

    private long count(String sql, Object parameter) {
        return ((Number) entityManager.createNativeQuery(sql).setParameter(1, parameter).getSingleResult()).longValue();
    }
}
