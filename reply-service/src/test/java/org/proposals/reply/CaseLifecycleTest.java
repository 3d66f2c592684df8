package org.proposals.reply;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.proposals.infra.TestIdentity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.proposals.events.Actor;
import org.proposals.events.EventCodec;
import org.proposals.events.EventEnvelope;
import org.proposals.events.HandlingType;
import org.proposals.events.IntegrationEvent;
import org.proposals.events.Proposer;
import org.proposals.events.ResultCategory;
import org.proposals.events.Topics;
import org.proposals.events.assignment.ProposalAssigned;
import org.proposals.events.reply.ReplyApproved;
import org.proposals.infra.KafkaTestClient;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** An assignment arriving over the real broker opens a case; its approved reply is announced on reply.events. */
@QuarkusTest
@WithTestResource(value = TestIdentity.class, scope = TestResourceScope.GLOBAL)
class CaseLifecycleTest {

    static RequestSpecification as(String person) {
        return given().auth().oauth2(TestIdentity.tokenFor(person));
    }

    /** A reply that says what was done, long enough to pass review. */
    static final String REPLY_TEXT = "经研究，我局已将产业集群培育纳入年度工作计划，出台重点产业链集群行动方案，"
            + "建立重点产业链链长制，并通过走访调研、座谈交流听取委员意见，将持续跟踪落实情况。";

    static ProposalAssigned assigned(UUID proposalId, HandlingType type) {
        return new ProposalAssigned(UUID.randomUUID(), proposalId, "关于确保经济稳增长，创新产业集群服务模式的提案",
                new Proposer("member-001", "张委员"), "miit", "市工业和信息化局", type,
                type == HandlingType.CO_HANDLING ? "drc" : null, OffsetDateTime.now(), LocalDate.now().plusMonths(3));
    }

    static EventEnvelope envelope(IntegrationEvent event) {
        return EventCodec.envelope(event, UUID.randomUUID(), null, Actor.SYSTEM);
    }

    /** Publishes the assignment as the assignment service would and waits for its case; returns the case id. */
    static String openCase(KafkaTestClient kafka, ProposalAssigned assignment) {
        kafka.publish(KafkaTestClient.topic(Topics.ASSIGNMENT_EVENTS), envelope(assignment));
        return awaitCase(assignment.proposalId());
    }

    static String awaitCase(UUID proposalId) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> casesOf(proposalId).body("total", equalTo(1)));
        return casesOf(proposalId).extract().path("items[0].id");
    }

    static ValidatableResponse casesOf(UUID proposalId) {
        return as("office-miit").when().get("/api/v1/cases?proposalId=" + proposalId).then().statusCode(200);
    }

    static ValidatableResponse draft(String caseId, String body) {
        return as("handler-miit-sme").contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/cases/" + caseId + "/replies").then();
    }

    static String replyJson(String category, String text) {
        return "{\"resultCategory\":\"" + category + "\",\"text\":\"" + text + "\"}";
    }

    static ValidatableResponse approve(String caseId, String replyId) {
        return as("head-miit-sme").when().post("/api/v1/cases/" + caseId + "/replies/" + replyId + "/approval").then();
    }

    /** This service's audit records, newest first. */
    static List<Map<String, Object>> auditRecords(String query) {
        return as("admin").when().get("/api/v1/audit-records?size=200&" + query).then().statusCode(200).extract().path("items");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> changes(Map<String, Object> record) {
        return (Map<String, Map<String, Object>>) record.get("changes");
    }

    /** An actor as a token would make it; read from JSON so that the test holds while the actor gains fields. */
    static Actor actor(String id, String name, String role, String unitId) {
        String json = String.format("{\"id\":\"%s\",\"name\":\"%s\",\"role\":\"%s\",\"roles\":[\"%s\"],\"unitId\":\"%s\"}",
                id, name, role, role, unitId);
        try {
            return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false).readValue(json, Actor.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anAssignmentOpensOneCaseAndItsApprovedReplyIsAnnounced() {
        UUID proposalId = UUID.randomUUID();
        ProposalAssigned assignment = assigned(proposalId, HandlingType.LEAD);
        // assigned by a member of the committee, whose token named them
        EventEnvelope assignedEnvelope = EventCodec.envelope(assignment, UUID.randomUUID(), null,
                actor("committee-wang", "王明（市政协提案委）", "COMMITTEE", "cppcc"));

        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            String assignments = KafkaTestClient.topic(Topics.ASSIGNMENT_EVENTS);
            kafka.publish(assignments, assignedEnvelope);
            String caseId = awaitCase(proposalId);
            as("office-miit").when().get("/api/v1/cases/" + caseId).then()
                    .statusCode(200)
                    .body("assignmentId", equalTo(assignment.assignmentId().toString()))
                    .body("proposalTitle", equalTo(assignment.proposalTitle()))
                    .body("proposer.name", equalTo("张委员"))
                    .body("unitId", equalTo("miit"))
                    .body("unitName", equalTo("市工业和信息化局"))
                    .body("handlingType", equalTo("LEAD"))
                    .body("replyDueDate", equalTo(assignment.replyDueDate().toString()))
                    .body("status", equalTo("OPEN"))
                    .body("replies.size()", equalTo(0));

            // The same envelope redelivered, and the same assignment published again under a new event id.
            kafka.publish(assignments, assignedEnvelope);
            kafka.publish(assignments, envelope(assignment));
            // A later assignment on the same record key lands on the same partition, so once its case is open
            // both copies above have been consumed.
            UUID laterProposal = UUID.randomUUID();
            kafka.send(assignments, assignment.assignmentId().toString(),
                    EventCodec.toJson(envelope(assigned(laterProposal, HandlingType.SOLE))));
            awaitCase(laterProposal);
            casesOf(proposalId).body("total", equalTo(1)).body("items[0].id", equalTo(caseId));

            // the case opened once, and its audit record names the committee member behind the assignment
            List<Map<String, Object>> opened = auditRecords("proposalId=" + proposalId);
            assertEquals(1, opened.size());
            assertEquals("ProposalAssignedApplied", opened.get(0).get("action"));
            assertEquals("HandlingCase", opened.get(0).get("recordType"));
            assertEquals(caseId, opened.get(0).get("recordId"));
            assertEquals(assignedEnvelope.eventId().toString(), opened.get(0).get("causationId"));
            assertEquals(assignedEnvelope.correlationId().toString(), opened.get(0).get("correlationId"));
            assertEquals(Map.of("id", "committee-wang", "name", "王明（市政协提案委）", "roles", List.of("COMMITTEE"), "unitId", "cppcc"),
                    opened.get(0).get("actor"));
            assertEquals(assignment.assignmentId().toString(), changes(opened.get(0)).get("assignmentId").get("after"));
            assertEquals("OPEN", changes(opened.get(0)).get("status").get("after"));

            String replyId = as("handler-miit-sme").contentType(ContentType.JSON).header("X-Request-Id", "draft-" + caseId)
                    .body(replyJson("A", REPLY_TEXT))
                    .when().post("/api/v1/cases/" + caseId + "/replies").then()
                    .statusCode(201)
                    .header("Location", matchesPattern(".*/api/v1/cases/" + caseId + "/replies/[0-9a-f-]{36}"))
                    .body("status", equalTo("DRAFT"))
                    .body("caseId", equalTo(caseId))
                    .body("resultCategory", equalTo("A"))
                    .body("text", equalTo(REPLY_TEXT))
                    .extract().path("id");
            as("office-miit").when().get("/api/v1/cases/" + caseId + "/replies/" + replyId).then()
                    .statusCode(200).body("status", equalTo("DRAFT"));

            approve(caseId, replyId).statusCode(200)
                    .body("id", equalTo(replyId))
                    .body("status", equalTo("APPROVED"))
                    .body("approvedAt", notNullValue());
            as("office-miit").when().get("/api/v1/cases/" + caseId).then()
                    .statusCode(200)
                    .body("status", equalTo("REPLIED"))
                    .body("replies.size()", equalTo(1))
                    .body("replies[0].status", equalTo("APPROVED"));

            // drafted, then approved: the reply's records, newest first, and the case's
            List<Map<String, Object>> replyRecords = auditRecords("recordType=Reply&recordId=" + replyId);
            assertEquals(List.of("ReplyApproved", "ReplyDrafted"), replyRecords.stream().map(r -> r.get("action")).toList());
            Map<String, Object> drafted = replyRecords.get(1);
            assertEquals(proposalId.toString(), drafted.get("proposalId"));
            assertEquals("draft-" + caseId, drafted.get("requestId"));
            assertNull(changes(drafted).get("text").get("before"));
            assertEquals(REPLY_TEXT, changes(drafted).get("text").get("after"));
            assertEquals("A", changes(drafted).get("resultCategory").get("after"));
            assertEquals("DRAFT", changes(drafted).get("status").get("after"));
            Map<String, Object> approvedRecord = replyRecords.get(0);
            assertEquals(Set.of("status", "approvedAt"), changes(approvedRecord).keySet());
            assertEquals(Map.of("before", "DRAFT", "after", "APPROVED"), changes(approvedRecord).get("status"));
            assertNotNull(changes(approvedRecord).get("approvedAt").get("after"));
            Map<String, Object> caseRecord = auditRecords("recordType=HandlingCase&recordId=" + caseId).get(0);
            assertEquals("ReplyApproved", caseRecord.get("action"));
            assertEquals(Map.of("status", Map.of("before", "OPEN", "after", "REPLIED")), caseRecord.get("changes"));

            List<ConsumerRecord<String, String>> read = kafka.readUntil(KafkaTestClient.topic(Topics.REPLY_EVENTS),
                    r -> caseId.equals(r.key()), Duration.ofSeconds(30));
            ConsumerRecord<String, String> record = read.get(read.size() - 1);
            EventEnvelope published = EventCodec.fromJson(record.value());
            assertEquals("ReplyApproved", published.type());
            assertEquals("ReplyApproved", KafkaTestClient.header(record, Topics.HEADER_EVENT_TYPE));
            assertEquals(published.eventId().toString(), KafkaTestClient.header(record, Topics.HEADER_EVENT_ID));
            ReplyApproved approved = assertInstanceOf(ReplyApproved.class, EventCodec.payloadOf(published));
            assertEquals(UUID.fromString(replyId), approved.replyId());
            assertEquals(UUID.fromString(caseId), approved.caseId());
            assertEquals(assignment.assignmentId(), approved.assignmentId());
            assertEquals(proposalId, approved.proposalId());
            assertEquals("miit", approved.unitId());
            assertEquals(HandlingType.LEAD, approved.handlingType());
            assertEquals(ResultCategory.A, approved.resultCategory());
            assertEquals(OffsetDateTime.parse(as("office-miit").when().get("/api/v1/cases/" + caseId + "/replies/" + replyId)
                    .then().extract().path("approvedAt")).toInstant(), approved.approvedAt().toInstant());
        }
    }
}
