package org.proposals.reply;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.proposals.events.HandlingType;
import org.proposals.events.Topics;
import org.proposals.events.assignment.ProposalAssigned;
import org.proposals.events.assignment.ResponsibilityAssigned;
import org.proposals.infra.KafkaTestClient;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.proposals.reply.CaseLifecycleTest.as;
import static org.proposals.reply.CaseLifecycleTest.auditRecords;
import static org.proposals.reply.CaseLifecycleTest.envelope;
import static org.proposals.reply.CaseLifecycleTest.openCase;
import static org.proposals.reply.ReplyFlow.PROBLEM;
import static org.proposals.reply.ReplyFlow.REPLY_TEXT;
import static org.proposals.reply.ReplyFlow.draft;
import static org.proposals.reply.ReplyFlow.drafted;
import static org.proposals.reply.ReplyFlow.json;
import static org.proposals.reply.ReplyFlow.path;
import static org.proposals.reply.ReplyFlow.reply;

/** What the reply endpoints refuse, and that a refusal changes nothing: no reply row, no event, no audit record. */
@QuarkusTest
class ReplyRulesTest {

    @Inject
    EntityManager entityManager;

    @Test
    void aDraftThatIsNotWellFormedIsRefused() {
        String caseId;
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            caseId = openCase(kafka, ReplyFlow.assigned(HandlingType.SOLE));
        }
        draft(caseId, reply("A", "  ")).statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("text"));
        draft(caseId, reply("A", "很".repeat(20_001))).statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("text"));
        draft(caseId, reply("E", REPLY_TEXT)).statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("resultCategory"))
                .body("errors[0].message", startsWith("must be one of"));
        Map<String, Object> undatedPromise = reply("B", REPLY_TEXT);
        undatedPromise.put("measuresPromised", List.of(Map.of("description", "建成平台")));
        draft(caseId, undatedPromise).statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem(containsString("dueDate")));
        Map<String, Object> blankPoint = reply("A", REPLY_TEXT);
        blankPoint.put("answers", List.of(" "));
        draft(caseId, blankPoint).statusCode(400).contentType(PROBLEM).body("errors.field", hasItem(containsString("answers")));
        draft(caseId, "{\"resultCategory\":\"A\",\"text\":").statusCode(400).contentType(PROBLEM);
        assertStored(caseId, 0, 1);

        // the category may wait until review; the text is kept trimmed
        Map<String, Object> noCategory = reply("A", "  " + REPLY_TEXT + "  ");
        noCategory.remove("resultCategory");
        draft(caseId, noCategory).statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body("text", equalTo(REPLY_TEXT))
                .body("resultCategory", nullValue())
                .body("purpose", equalTo("INITIAL"))
                .body("currentVersion", equalTo(1));
        assertStored(caseId, 1, 1);
    }

    @Test
    void aCaseWorksOnOneReplyAtATimeAndRevisionsNeedTheCurrentVersion() {
        ProposalAssigned assignment = ReplyFlow.assigned(HandlingType.LEAD);
        String caseId;
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            caseId = ReplyFlow.openWithChain(kafka, assignment);
        }
        String replyId = drafted(caseId, reply("A", REPLY_TEXT));
        draft(caseId, reply("B", REPLY_TEXT)).statusCode(409).contentType(PROBLEM).body("detail", containsString(replyId));

        as("handler-miit-sme").contentType(ContentType.JSON).body(json(reply("A", REPLY_TEXT)))
                .put(path(caseId, replyId)).then().statusCode(428).contentType(PROBLEM);
        as("handler-miit-sme").contentType(ContentType.JSON).header("If-Match", "\"7\"").body(json(reply("A", REPLY_TEXT)))
                .put(path(caseId, replyId)).then().statusCode(412).contentType(PROBLEM);
        ReplyFlow.revise(caseId, replyId, reply("A", REPLY_TEXT + "补充。")).statusCode(200).header("ETag", equalTo("\"1\""));

        // in review it cannot change under the reviewers
        ReplyFlow.contact(caseId, "PHONE");
        ReplyFlow.submit(caseId, replyId).statusCode(200);
        ReplyFlow.revise(caseId, replyId, reply("A", REPLY_TEXT)).statusCode(409).contentType(PROBLEM);
        ReplyFlow.submit(caseId, replyId).statusCode(409).contentType(PROBLEM);
        List<String> actions = auditRecords("recordType=Reply&recordId=" + replyId).stream().map(r -> (String) r.get("action")).toList();
        assertEquals(List.of("ReplySubmittedForReview", "ReplyRevised", "ReplyDrafted"), actions);
    }

    @Test
    void onceAHandlerIsNamedOnlyTheyWriteTheCasesReply() {
        ProposalAssigned assignment = ReplyFlow.assigned(HandlingType.SOLE);
        String caseId;
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            caseId = openCase(kafka, assignment);
            kafka.publish(KafkaTestClient.topic(Topics.ASSIGNMENT_EVENTS), envelope(new ResponsibilityAssigned(
                    assignment.assignmentId(), assignment.proposalId(), "miit", "miit-sme", "中小企业服务处", null, null,
                    new ResponsibilityAssigned.Person("head-miit-sme", "孙处长"),
                    new ResponsibilityAssigned.Person("handler-miit-other", "吴承办"), OffsetDateTime.now())));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("office-miit").get("/api/v1/cases/" + caseId).then()
                    .body("responsibility.handler.id", equalTo("handler-miit-other")));
        }
        draft(caseId, reply("A", REPLY_TEXT)).statusCode(403).contentType(PROBLEM).body("detail", containsString("吴承办"));
        assertStored(caseId, 0, 1);
    }

    @Test
    void unknownCasesAndRepliesAreNotFound() {
        String caseId;
        String otherCaseId;
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            caseId = openCase(kafka, ReplyFlow.assigned(HandlingType.LEAD));
            otherCaseId = openCase(kafka, ReplyFlow.assigned(HandlingType.LEAD));
        }
        String replyId = drafted(caseId, reply("A", REPLY_TEXT));
        String unknown = UUID.randomUUID().toString();

        as("office-miit").get("/api/v1/cases/" + unknown).then().statusCode(404).contentType(PROBLEM);
        as("office-miit").get("/api/v1/cases/not-a-uuid").then().statusCode(404).contentType(PROBLEM);
        draft(unknown, reply("A", REPLY_TEXT)).statusCode(404).contentType(PROBLEM);
        as("office-miit").get(path(caseId, unknown)).then().statusCode(404).contentType(PROBLEM);
        // a reply is found only under its own case
        as("office-miit").get(path(otherCaseId, replyId)).then().statusCode(404).contentType(PROBLEM);
        ReplyFlow.submit(otherCaseId, replyId).statusCode(404).contentType(PROBLEM);
        ReplyFlow.approve("deputy-miit", unknown, replyId).statusCode(404).contentType(PROBLEM);

        as("office-miit").get("/api/v1/cases?proposalId=not-a-uuid").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("proposalId"));
        as("office-miit").get("/api/v1/cases?size=0").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("size"));

        assertStored(caseId, 1, 1);
        assertStored(otherCaseId, 0, 1);
    }

    /** The case has exactly these replies in the database and these events in its outbox (CaseOpened is one). */
    private void assertStored(String caseId, long replies, long events) {
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(replies, count("SELECT count(*) FROM reply WHERE case_id = ?1", UUID.fromString(caseId)));
            assertEquals(events, count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ?1", caseId));
        });
    }

    private long count(String sql, Object parameter) {
        return ((Number) entityManager.createNativeQuery(sql).setParameter(1, parameter).getSingleResult()).longValue();
    }
}
