package org.proposals.assignment;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
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
import org.proposals.events.proposal.ProposalSubmitted;
import org.proposals.infra.KafkaTestClient;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@QuarkusTest
@WithTestResource(value = TestIdentity.class, scope = TestResourceScope.GLOBAL)
class AssignmentFlowTest {

    static RequestSpecification as(String person) {
        return given().auth().oauth2(TestIdentity.tokenFor(person));
    }

    static UUID registeredProposal(KafkaTestClient kafka) {
        UUID proposalId = UUID.randomUUID();
        kafka.publish(KafkaTestClient.topic(Topics.PROPOSAL_EVENTS), EventCodec.envelope(new ProposalSubmitted(proposalId,
                ProposalKind.PROPOSAL, "20220024", "关于确保经济稳增长，创新产业集群服务模式的提案",
                new Proposer("member-001", "张委员"), OffsetDateTime.now()), UUID.randomUUID(), null, Actor.SYSTEM));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("committee-wang").get("/api/v1/assignable-proposals?size=200")
                .then().body("items.id", hasItem(proposalId.toString())));
        return proposalId;
    }

    static String assignment(UUID proposalId, String... unitsAndTypes) {
        StringBuilder units = new StringBuilder();
        for (int i = 0; i < unitsAndTypes.length; i += 2) {
            units.append(i == 0 ? "" : ",").append("""
                    {"unitId":"%s","unitName":"单位%s","handlingType":"%s"}""".formatted(unitsAndTypes[i], unitsAndTypes[i], unitsAndTypes[i + 1]));
        }
        return "{\"proposalId\":\"" + proposalId + "\",\"units\":[" + units + "]}";
    }

    @Test
    void theCommitteeAssignsALeadAndACoHandlerAndTheLeadSignsFor() {
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            UUID proposalId = registeredProposal(kafka);

            List<Map<String, Object>> created = as("committee-wang").contentType(ContentType.JSON)
                    .body(assignment(proposalId, "miit", "LEAD", "drc", "CO_HANDLING"))
                    .post("/api/v1/assignments").then()
                    .statusCode(201)
                    .header("Location", notNullValue())
                    .extract().path("");
            assertEquals(2, created.size());
            Map<String, Map<String, Object>> byUnit = created.stream().collect(Collectors.toMap(a -> (String) a.get("unitId"), a -> a));
            assertEquals("miit", byUnit.get("drc").get("leadUnitId"));
            assertNull(byUnit.get("miit").get("leadUnitId"));

            // every unit hears of its assignment, keyed by the assignment
            String leadId = (String) byUnit.get("miit").get("id");
            String coId = (String) byUnit.get("drc").get("id");
            String topic = KafkaTestClient.topic(Topics.ASSIGNMENT_EVENTS);
            ConsumerRecord<String, String> lead = last(kafka.readUntil(topic, r -> leadId.equals(r.key()), Duration.ofSeconds(30)));
            ProposalAssigned assigned = (ProposalAssigned) EventCodec.payloadOf(EventCodec.fromJson(lead.value()));
            assertEquals(HandlingType.LEAD, assigned.handlingType());
            assertEquals(proposalId, assigned.proposalId());
            ConsumerRecord<String, String> co = last(kafka.readUntil(topic, r -> coId.equals(r.key()), Duration.ofSeconds(30)));
            assertEquals("miit", ((ProposalAssigned) EventCodec.payloadOf(EventCodec.fromJson(co.value()))).leadUnitId());

            // assigned once only
            as("committee-wang").contentType(ContentType.JSON).body(assignment(proposalId, "sti", "SOLE"))
                    .post("/api/v1/assignments").then().statusCode(409).contentType("application/problem+json");

            as("office-miit").post("/api/v1/assignments/" + leadId + "/sign-for").then()
                    .statusCode(200).body("status", equalTo("SIGNED")).body("signedLate", equalTo(false));
            as("office-miit").post("/api/v1/assignments/" + leadId + "/sign-for").then().statusCode(409);
            ConsumerRecord<String, String> signed = last(kafka.readUntil(topic,
                    r -> leadId.equals(r.key()) && "AssignmentSigned".equals(KafkaTestClient.header(r, Topics.HEADER_EVENT_TYPE)),
                    Duration.ofSeconds(30)));
            EventEnvelope envelope = EventCodec.fromJson(signed.value());
            assertEquals(leadId, ((AssignmentSigned) EventCodec.payloadOf(envelope)).assignmentId().toString());

            as("committee-wang").get("/api/v1/assignments?proposalId=" + proposalId).then()
                    .statusCode(200).body("total", equalTo(2));
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
        }
    }

    private static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }
}
