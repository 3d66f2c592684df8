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
import org.proposals.events.reply.CaseOpened;
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

/** An assignment arriving over the real broker opens a case once, announced on reply.events, and the chain names its people. */
@QuarkusTest
@WithTestResource(value = TestIdentity.class, scope = TestResourceScope.GLOBAL)
class CaseLifecycleTest {

    static RequestSpecification as(String person) {
        return given().auth().oauth2(TestIdentity.tokenFor(person));
    }

    static ProposalAssigned assigned(UUID proposalId, HandlingType type) {
        return new ProposalAssigned(UUID.randomUUID(), proposalId, "关于确保经济稳增长，创新产业集群服务模式的提案",
                new Proposer("member-zhang", "张委员"), "miit", "市工业和信息化局", type,
                type == HandlingType.CO_HANDLING ? "drc" : null, OffsetDateTime.now(), ReplyFlow.today().plusMonths(3));
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
    void anAssignmentOpensOneCaseWhichIsAnnouncedAndNamesWhoAnswersForIt() {
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

            // the case's opening is announced, keyed by the case
            List<ConsumerRecord<String, String>> read = kafka.readUntil(KafkaTestClient.topic(Topics.REPLY_EVENTS),
                    r -> caseId.equals(r.key()), Duration.ofSeconds(30));
            ConsumerRecord<String, String> record = read.get(read.size() - 1);
            EventEnvelope published = EventCodec.fromJson(record.value());
            assertEquals("CaseOpened", KafkaTestClient.header(record, Topics.HEADER_EVENT_TYPE));
            assertEquals(published.eventId().toString(), KafkaTestClient.header(record, Topics.HEADER_EVENT_ID));
            assertEquals(assignedEnvelope.correlationId(), published.correlationId());
            CaseOpened announced = assertInstanceOf(CaseOpened.class, EventCodec.payloadOf(published));
            assertEquals(UUID.fromString(caseId), announced.caseId());
            assertEquals(assignment.assignmentId(), announced.assignmentId());
            assertEquals(HandlingType.LEAD, announced.handlingType());

            // the office records who answers for it: the case names them, and audits the change
            ReplyFlow.recordChain(kafka, assignment, caseId);
            as("head-miit-sme").when().get("/api/v1/cases/" + caseId).then()
                    .body("responsibility.divisionName", equalTo("中小企业服务处"))
                    .body("responsibility.deputyHead.name", equalTo("赵副局长"))
                    .body("responsibility.divisionHead.id", equalTo("head-miit-sme"))
                    .body("responsibility.bureauHead.id", equalTo("leader-miit"));
            Map<String, Object> chain = auditRecords("recordType=HandlingCase&recordId=" + caseId).get(0);
            assertEquals("ResponsibilityAssignedApplied", chain.get("action"));
            assertEquals("handler-miit-sme", changes(chain).get("handlerId").get("after"));
        }
    }
}
