package org.proposals.assignment;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.proposals.infra.TestIdentity;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.proposals.events.Actor;
import org.proposals.events.EventCodec;
import org.proposals.events.EventEnvelope;
import org.proposals.events.HandlingType;
import org.proposals.events.ProposalKind;
import org.proposals.events.Proposer;
import org.proposals.events.Topics;
import org.proposals.events.assignment.AssignmentSigned;
import org.proposals.events.assignment.ProposalAssigned;
import org.proposals.events.proposal.ProposalFiled;
import org.proposals.events.proposal.ProposalSubmitted;
import org.proposals.events.proposal.ProposalWithdrawn;
import org.proposals.infra.KafkaTestClient;

import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

@QuarkusTest
@WithTestResource(value = TestIdentity.class, scope = TestResourceScope.GLOBAL)
class AssignmentFlowTest {

    static RequestSpecification as(String person) {
        return given().auth().oauth2(TestIdentity.tokenFor(person));
    }

    /** The committee member who registered the proposals, as the token of their request named them. */
    private static final Actor REGISTRAR = actor("committee-wang", "王明（市政协提案委）", "COMMITTEE", "cppcc");

    static UUID registeredProposal(KafkaTestClient kafka) {
        UUID proposalId = UUID.randomUUID();
        kafka.publish(KafkaTestClient.topic(Topics.PROPOSAL_EVENTS), EventCodec.envelope(new ProposalSubmitted(proposalId,
                ProposalKind.PROPOSAL, "20220024", "关于确保经济稳增长，创新产业集群服务模式的提案",
                new Proposer("member-001", "张委员"), OffsetDateTime.now()), UUID.randomUUID(), null, REGISTRAR));
        kafka.publish(KafkaTestClient.topic(Topics.PROPOSAL_EVENTS), EventCodec.envelope(new ProposalFiled(proposalId,
                "20220024", OffsetDateTime.now()), UUID.randomUUID(), null, REGISTRAR));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("committee-wang").get("/api/v1/assignable-proposals?size=200")
                .then().body("items.id", hasItem(proposalId.toString())));
        return proposalId;
    }

    /** An assignment to units of the master data (the demo units miit and drc, or units a test adds), named by id only. */
    static String assignment(UUID proposalId, String... unitsAndTypes) {
        StringBuilder units = new StringBuilder();
        for (int i = 0; i < unitsAndTypes.length; i += 2) {
            units.append(i == 0 ? "" : ",").append("""
                    {"unitId":"%s","handlingType":"%s"}""".formatted(unitsAndTypes[i], unitsAndTypes[i + 1]));
        }
        return "{\"proposalId\":\"" + proposalId + "\",\"units\":[" + units + "]}";
    }

    @Test
    void theCommitteeAssignsALeadAndACoHandlerAndTheLeadSignsFor() {
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            UUID proposalId = registeredProposal(kafka);

            String requestId = "assign-" + proposalId;
            List<Map<String, Object>> created = as("committee-wang").contentType(ContentType.JSON).header("X-Request-Id", requestId)
                    .body(assignment(proposalId, "miit", "LEAD", "drc", "CO_HANDLING"))
                    .post("/api/v1/assignments").then()
                    .statusCode(201)
                    .header("Location", notNullValue())
                    .extract().path("");
            assertEquals(2, created.size());
            Map<String, Map<String, Object>> byUnit = created.stream().collect(Collectors.toMap(a -> (String) a.get("unitId"), a -> a));
            assertEquals("miit", byUnit.get("drc").get("leadUnitId"));
            // the request named the units by id; their names come from the master data
            assertEquals("市工业和信息化局", byUnit.get("miit").get("unitName"));
            assertEquals("市发展和改革委员会", byUnit.get("drc").get("unitName"));
            assertNull(byUnit.get("miit").get("leadUnitId"));

            // every unit hears of its assignment, keyed by the assignment
            String leadId = (String) byUnit.get("miit").get("id");
            String coId = (String) byUnit.get("drc").get("id");

            // one audit record per assignment, and one for the proposal now assigned, all in the request's transaction
            List<Map<String, Object>> assignedRecords = auditRecords("proposalId=" + proposalId + "&recordType=Assignment");
            assertEquals(Set.of(leadId, coId), assignedRecords.stream().map(r -> r.get("recordId")).collect(Collectors.toSet()));
            for (Map<String, Object> record : assignedRecords) {
                assertEquals("ProposalAssigned", record.get("action"));
                assertEquals(proposalId.toString(), record.get("proposalId"));
                assertEquals(requestId, record.get("requestId"));
                assertNull(change(record, "status").get("before"));
                assertEquals("ASSIGNED", change(record, "status").get("after"));
                assertNotNull(change(record, "signForDue").get("after"));
            }
            Map<String, Object> leadRecord = assignedRecords.stream().filter(r -> leadId.equals(r.get("recordId"))).findFirst().orElseThrow();
            assertEquals("LEAD", change(leadRecord, "handlingType").get("after"));
            assertEquals("miit", change(leadRecord, "unitId").get("after"));
            assertNull(change(leadRecord, "leadUnitId"), "a field without a value is not listed for a new record");
            Map<String, Object> coRecord = assignedRecords.stream().filter(r -> coId.equals(r.get("recordId"))).findFirst().orElseThrow();
            assertEquals("miit", change(coRecord, "leadUnitId").get("after"));
            List<Map<String, Object>> proposalRecords = auditRecords("recordType=AssignableProposal&recordId=" + proposalId);
            assertEquals(List.of("ProposalAssigned", "ProposalFiledApplied", "ProposalSubmittedApplied"),
                    proposalRecords.stream().map(r -> r.get("action")).toList());
            assertEquals(Map.of("status", Map.of("before", "AWAITING_ASSIGNMENT", "after", "ASSIGNED")),
                    proposalRecords.get(0).get("changes"));
            // the registration came as an event: its record names the person who registered the proposal
            Map<String, Object> registered = proposalRecords.get(2);
            assertNull(registered.get("requestId"));
            assertNotNull(registered.get("causationId"));
            assertEquals(Map.of("id", "committee-wang", "name", "王明（市政协提案委）", "roles", List.of("COMMITTEE"), "unitId", "cppcc"),
                    registered.get("actor"));
            assertEquals("20220024", change(registered, "number").get("after"));
            String topic = KafkaTestClient.topic(Topics.ASSIGNMENT_EVENTS);
            ConsumerRecord<String, String> lead = last(kafka.readUntil(topic, r -> leadId.equals(r.key()), Duration.ofSeconds(30)));
            ProposalAssigned assigned = (ProposalAssigned) EventCodec.payloadOf(EventCodec.fromJson(lead.value()));
            assertEquals(HandlingType.LEAD, assigned.handlingType());
            assertEquals("市工业和信息化局", assigned.unitName());
            assertEquals(proposalId, assigned.proposalId());
            ConsumerRecord<String, String> co = last(kafka.readUntil(topic, r -> coId.equals(r.key()), Duration.ofSeconds(30)));
            assertEquals("miit", ((ProposalAssigned) EventCodec.payloadOf(EventCodec.fromJson(co.value()))).leadUnitId());

            // assigned once only
            as("committee-wang").contentType(ContentType.JSON).body(assignment(proposalId, "drc", "SOLE"))
                    .post("/api/v1/assignments").then().statusCode(409).contentType("application/problem+json");

            as("office-miit").post("/api/v1/assignments/" + leadId + "/sign-for").then()
                    .statusCode(200).body("status", equalTo("SIGNED")).body("signedLate", equalTo(false));
            as("office-miit").post("/api/v1/assignments/" + leadId + "/sign-for").then().statusCode(409);
            ConsumerRecord<String, String> signed = last(kafka.readUntil(topic,
                    r -> leadId.equals(r.key()) && "AssignmentSigned".equals(KafkaTestClient.header(r, Topics.HEADER_EVENT_TYPE)),
                    Duration.ofSeconds(30)));
            EventEnvelope envelope = EventCodec.fromJson(signed.value());
            assertEquals(leadId, ((AssignmentSigned) EventCodec.payloadOf(envelope)).assignmentId().toString());

            // the sign-for is the newest record of the lead's assignment, with what it changed
            Map<String, Object> signedRecord = auditRecords("recordType=Assignment&recordId=" + leadId).get(0);
            assertEquals("AssignmentSigned", signedRecord.get("action"));
            assertEquals(proposalId.toString(), signedRecord.get("proposalId"));
            assertEquals(Map.of("before", "ASSIGNED", "after", "SIGNED"), change(signedRecord, "status"));
            assertEquals(false, change(signedRecord, "signedLate").get("after"));
            assertNotNull(change(signedRecord, "signedAt").get("after"));
            assertEquals(Set.of("status", "signedAt", "signedLate"), changes(signedRecord).keySet());

            as("committee-wang").get("/api/v1/assignments?proposalId=" + proposalId).then()
                    .statusCode(200).body("total", equalTo(2));
        }
    }

    @Test
    void theCommitteeAssignsManyProposalsInOneRequestAllOrNone() {
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            UUID first = registeredProposal(kafka);
            UUID second = registeredProposal(kafka);
            UUID assignedBefore = registeredProposal(kafka);
            as("committee-wang").contentType(ContentType.JSON).body(assignment(assignedBefore, "drc", "SOLE"))
                    .post("/api/v1/assignments").then().statusCode(201);

            // one item refused: the refusal names it, and the items before it are not assigned either
            as("committee-wang").contentType(ContentType.JSON)
                    .body(batch(assignment(first, "miit", "SOLE"), assignment(assignedBefore, "miit", "SOLE")))
                    .post("/api/v1/assignments/batch").then().statusCode(409).contentType("application/problem+json")
                    .body("detail", equalTo("assignments[1]: Proposal 20220024 is already assigned"));
            as("committee-wang").contentType(ContentType.JSON)
                    .body(batch(assignment(first, "miit", "SOLE"), assignment(second, "miit", "SOLE", "drc", "CO_HANDLING")))
                    .post("/api/v1/assignments/batch").then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("assignments[1].units"));
            as("committee-wang").contentType(ContentType.JSON)
                    .body(batch(assignment(first, "miit", "SOLE"), assignment(first, "drc", "SOLE")))
                    .post("/api/v1/assignments/batch").then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("assignments[1].proposalId"));
            as("committee-wang").contentType(ContentType.JSON).body(batch())
                    .post("/api/v1/assignments/batch").then().statusCode(400).contentType("application/problem+json");
            as("office-miit").contentType(ContentType.JSON).body(batch(assignment(first, "miit", "SOLE")))
                    .post("/api/v1/assignments/batch").then().statusCode(403);
            as("committee-wang").get("/api/v1/assignments?proposalId=" + first).then().body("total", equalTo(0));
            as("committee-wang").get("/api/v1/assignable-proposals?size=200").then()
                    .body("items.id", hasItem(first.toString()));

            List<Map<String, Object>> created = as("committee-wang").contentType(ContentType.JSON)
                    .body(batch(assignment(first, "miit", "LEAD", "drc", "CO_HANDLING"), assignment(second, "drc", "SOLE")))
                    .post("/api/v1/assignments/batch").then().statusCode(200)
                    .extract().path("");
            assertEquals(List.of(first.toString(), first.toString(), second.toString()),
                    created.stream().map(a -> a.get("proposalId")).toList());
            assertEquals("miit", created.get(1).get("leadUnitId"));
            assertEquals("市发展和改革委员会", created.get(2).get("unitName"));
            // each assignment is announced and audited as if it had been made alone
            String topic = KafkaTestClient.topic(Topics.ASSIGNMENT_EVENTS);
            for (Map<String, Object> assignment : created) {
                String id = (String) assignment.get("id");
                ConsumerRecord<String, String> announced = last(kafka.readUntil(topic, r -> id.equals(r.key()), Duration.ofSeconds(30)));
                assertEquals(assignment.get("proposalId"),
                        ((ProposalAssigned) EventCodec.payloadOf(EventCodec.fromJson(announced.value()))).proposalId().toString());
                assertEquals(List.of("ProposalAssigned"), auditRecords("recordType=Assignment&recordId=" + id).stream()
                        .map(r -> r.get("action")).toList());
            }
            as("committee-wang").contentType(ContentType.JSON).body(batch(assignment(second, "miit", "SOLE")))
                    .post("/api/v1/assignments/batch").then().statusCode(409);

            // a batch longer than the service's unit of work, with every proposal's units in the request's order
            List<UUID> session = new java.util.ArrayList<>();
            for (int i = 0; i < 23; i++) {
                session.add(registeredProposal(kafka));
            }
            List<Map<String, Object>> meeting = as("committee-wang").contentType(ContentType.JSON)
                    .body(batch(session.stream().map(id -> assignment(id, "miit", "LEAD", "drc", "CO_HANDLING")).toArray(String[]::new)))
                    .post("/api/v1/assignments/batch").then().statusCode(200)
                    .extract().path("");
            assertEquals(session.stream().flatMap(id -> java.util.stream.Stream.of(id.toString(), id.toString())).toList(),
                    meeting.stream().map(a -> a.get("proposalId")).toList());
            assertEquals(23, meeting.stream().filter(a -> "miit".equals(a.get("leadUnitId"))).count());
            for (UUID id : session) {
                as("committee-wang").get("/api/v1/assignments?proposalId=" + id).then().body("total", equalTo(2));
            }
        }
    }

    private static String batch(String... assignments) {
        return "{\"assignments\":[" + String.join(",", assignments) + "]}";
    }

    @Test
    void onlyAFiledProposalIsAssignedAndAWithdrawnOneNever() {
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            UUID proposalId = UUID.randomUUID();
            String proposals = KafkaTestClient.topic(Topics.PROPOSAL_EVENTS);
            kafka.publish(proposals, EventCodec.envelope(new ProposalSubmitted(proposalId, ProposalKind.PROPOSAL, "20220031",
                    "关于加快专精特新企业培育的提案", new Proposer("member-001", "张委员"), OffsetDateTime.now()),
                    UUID.randomUUID(), null, REGISTRAR));
            await().atMost(Duration.ofSeconds(30)).until(() -> auditRecords("proposalId=" + proposalId).size() == 1);

            as("committee-wang").contentType(ContentType.JSON).body(assignment(proposalId, "miit", "SOLE"))
                    .post("/api/v1/assignments").then().statusCode(409).contentType("application/problem+json")
                    .body("detail", equalTo("Proposal 20220031 is not filed yet"));

            kafka.publish(proposals, EventCodec.envelope(new ProposalWithdrawn(proposalId, "20220031", "已另行反映",
                    OffsetDateTime.now()), UUID.randomUUID(), null, REGISTRAR));
            await().atMost(Duration.ofSeconds(30)).until(() -> auditRecords("proposalId=" + proposalId).size() == 2);
            as("committee-wang").contentType(ContentType.JSON).body(assignment(proposalId, "miit", "SOLE"))
                    .post("/api/v1/assignments").then().statusCode(409)
                    .body("detail", equalTo("Proposal 20220031 was not filed, merged into another or withdrawn, and is not assigned"));
            as("committee-wang").get("/api/v1/assignable-proposals?size=200").then()
                    .body("items.id", org.hamcrest.Matchers.not(hasItem(proposalId.toString())));
            as("committee-wang").get("/api/v1/assignments?proposalId=" + proposalId).then().body("total", equalTo(0));
        }
    }

    @Test
    void assignmentsBreakingTheRulesAreRefusedAndChangeNothing() {
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            UUID proposalId = registeredProposal(kafka);

            as("committee-wang").contentType(ContentType.JSON).body(assignment(proposalId, "miit", "SOLE", "drc", "CO_HANDLING"))
                    .post("/api/v1/assignments").then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("units"));
            as("committee-wang").contentType(ContentType.JSON).body(assignment(proposalId, "miit", "SPLIT", "miit", "SPLIT"))
                    .post("/api/v1/assignments").then().statusCode(400).body("errors.field", hasItem("units[1].unitId"));
            as("committee-wang").contentType(ContentType.JSON).body(assignment(proposalId, "miit", "HELPING"))
                    .post("/api/v1/assignments").then().statusCode(400).body("errors[0].field", equalTo("units[0].handlingType"));
            as("committee-wang").contentType(ContentType.JSON).body("{\"proposalId\":\"" + proposalId + "\",\"units\":[]}")
                    .post("/api/v1/assignments").then().statusCode(400).body("errors[0].field", equalTo("units"));
            as("committee-wang").contentType(ContentType.JSON).body(assignment(UUID.randomUUID(), "miit", "SOLE"))
                    .post("/api/v1/assignments").then().statusCode(404).contentType("application/problem+json");
            as("office-miit").post("/api/v1/assignments/" + UUID.randomUUID() + "/sign-for").then().statusCode(404);

            as("committee-wang").get("/api/v1/assignments?proposalId=" + proposalId).then().statusCode(200).body("total", equalTo(0));
            as("committee-wang").get("/api/v1/assignable-proposals?size=200").then().body("items.id", hasItem(proposalId.toString()));
            // refused requests leave no audit record: only the registration's
            assertEquals(List.of("ProposalFiledApplied", "ProposalSubmittedApplied"),
                    auditRecords("proposalId=" + proposalId).stream().map(r -> r.get("action")).toList());
        }
    }

    private static List<Map<String, Object>> auditRecords(String query) {
        return as("admin").when().get("/api/v1/audit-records?size=200&" + query).then().statusCode(200).extract().path("items");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> changes(Map<String, Object> record) {
        return (Map<String, Map<String, Object>>) record.get("changes");
    }

    private static Map<String, Object> change(Map<String, Object> record, String field) {
        return changes(record).get(field);
    }

    /** An actor as a token would make it; read from JSON so that the test holds while the actor gains fields. */
    private static Actor actor(String id, String name, String role, String unitId) {
        String json = String.format("{\"id\":\"%s\",\"name\":\"%s\",\"role\":\"%s\",\"roles\":[\"%s\"],\"unitId\":\"%s\"}",
                id, name, role, role, unitId);
        try {
            return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false).readValue(json, Actor.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }
}
