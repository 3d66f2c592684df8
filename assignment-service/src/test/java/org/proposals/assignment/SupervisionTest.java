package org.proposals.assignment;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proposals.events.EventCodec;
import org.proposals.events.Topics;
import org.proposals.events.assignment.SupervisionDirectiveIssued;
import org.proposals.infra.KafkaTestClient;
import org.proposals.infra.MovableClock;
import org.proposals.kit.time.CityClock;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.proposals.assignment.AssignmentFlowTest.as;
import static org.proposals.assignment.AssignmentFlowTest.assignment;

/** Key proposals supervised by city leaders, and the supervision office's directives to units. */
@QuarkusTest
class SupervisionTest {

    @BeforeEach
    void standOnTheDayOfAssignment() {
        QuarkusMock.installMockForType(new CityClock(MovableClock.at(LocalDate.of(2025, 9, 26))), CityClock.class);
    }

    @Test
    void aKeyProposalIsSupervisedByANamedLeader() {
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            UUID proposalId = AssignmentFlowTest.registeredProposal(kafka);
            String body = "{\"leaderName\":\"李副市长\",\"note\":\"市领导重点督办\"}";
            as("office-miit").contentType(ContentType.JSON).body(body).put("/api/v1/key-proposals/" + proposalId).then().statusCode(403);
            as("supervision-system").contentType(ContentType.JSON).body(body).put("/api/v1/key-proposals/" + proposalId).then().statusCode(403);
            as("supervisor-city").contentType(ContentType.JSON).body("{\"leaderName\":\"\"}")
                    .put("/api/v1/key-proposals/" + proposalId).then().statusCode(400);
            as("supervisor-city").contentType(ContentType.JSON).body(body).put("/api/v1/key-proposals/" + UUID.randomUUID())
                    .then().statusCode(404);
            as("supervisor-city").contentType(ContentType.JSON).body(body).put("/api/v1/key-proposals/" + proposalId).then()
                    .statusCode(200).body("supervisedBy", equalTo("李副市长"));
            as("office-miit").get("/api/v1/key-proposals?size=200").then().statusCode(200)
                    .body("items.proposalId", hasItem(proposalId.toString()));
            kafka.readUntil(KafkaTestClient.topic(Topics.ASSIGNMENT_EVENTS),
                    r -> proposalId.toString().equals(r.key()) && r.value().contains("\"ProposalSupervised\""), Duration.ofSeconds(30));
        }
    }

    @Test
    void directivesReachTheUnitAndAnEarlierDeadlineReplacesTheRegulationsOne() {
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            UUID proposalId = AssignmentFlowTest.registeredProposal(kafka);
            List<Map<String, Object>> created = as("committee-wang").contentType(ContentType.JSON)
                    .body(assignment(proposalId, "miit", "SOLE")).post("/api/v1/assignments").then().statusCode(201).extract().path("$");
            String id = (String) created.get(0).get("id");          // reply due 2025-12-26
            String directives = "/api/v1/assignments/" + id + "/directives";

            as("office-miit").contentType(ContentType.JSON).body("{\"type\":\"URGE\",\"note\":\"请加快办理\"}")
                    .post(directives).then().statusCode(403);
            as("supervisor-city").contentType(ContentType.JSON).body("{\"type\":\"URGE\",\"note\":\"请加快办理\",\"dueDate\":\"2025-10-10\"}")
                    .post(directives).then().statusCode(400).body("errors[0].field", equalTo("dueDate"));
            as("supervisor-city").contentType(ContentType.JSON).body("{\"type\":\"PROGRESS_REPORT\",\"note\":\"请报告进展\"}")
                    .post(directives).then().statusCode(400);
            as("supervisor-city").contentType(ContentType.JSON)
                    .body("{\"type\":\"EARLIER_DEADLINE\",\"note\":\"请提前答复\",\"dueDate\":\"2026-01-30\"}")
                    .post(directives).then().statusCode(400);
            as("supervisor-city").contentType(ContentType.JSON)
                    .body("{\"type\":\"PROGRESS_REPORT\",\"note\":\"请报告进展\",\"dueDate\":\"2025-09-01\"}")
                    .post(directives).then().statusCode(400);

            as("supervisor-city").contentType(ContentType.JSON).body("{\"type\":\"URGE\",\"note\":\"请加快办理\"}")
                    .post(directives).then().statusCode(201).body("issuedBy", equalTo("supervisor-city"));
            UUID directiveId = UUID.randomUUID();
            String earlier = "{\"directiveId\":\"" + directiveId + "\",\"type\":\"EARLIER_DEADLINE\",\"note\":\"市领导要求11月底前答复\","
                    + "\"dueDate\":\"2025-11-28\"}";
            // the supervision system's directives come through the supervision adapter, not this endpoint
            as("supervision-system").contentType(ContentType.JSON).body(earlier).post(directives).then().statusCode(403)
                    .contentType("application/problem+json");
            as("supervisor-city").contentType(ContentType.JSON).body(earlier).post(directives).then().statusCode(201)
                    .body("previousReplyDue", equalTo("2025-12-26"));
            // sent again: nothing changes, the first is answered
            as("supervisor-city").contentType(ContentType.JSON).body(earlier).post(directives).then().statusCode(200)
                    .body("id", equalTo(directiveId.toString()));
            as("supervisor-city").contentType(ContentType.JSON)
                    .body("{\"type\":\"PROGRESS_REPORT\",\"note\":\"请于10月20日前报告进展\",\"dueDate\":\"2025-10-20\"}")
                    .post(directives).then().statusCode(201);

            as("committee-wang").get("/api/v1/assignments/" + id).then().body("replyDue", equalTo("2025-11-28"))
                    .body("originalReplyDue", equalTo("2025-12-26"));
            as("office-miit").get(directives).then().statusCode(200)
                    .body("type", equalTo(List.of("URGE", "EARLIER_DEADLINE", "PROGRESS_REPORT")));
            as("office-drc").get(directives).then().statusCode(404);

            AtomicInteger seen = new AtomicInteger();
            List<String> types = kafka.readUntil(KafkaTestClient.topic(Topics.ASSIGNMENT_EVENTS),
                            r -> id.equals(r.key()) && r.value().contains("SupervisionDirectiveIssued") && seen.incrementAndGet() >= 3,
                            Duration.ofSeconds(30))
                    .stream().filter(r -> id.equals(r.key()) && r.value().contains("SupervisionDirectiveIssued"))
                    .map(r -> ((SupervisionDirectiveIssued) EventCodec.payloadOf(EventCodec.fromJson(r.value()))).type()).toList();
            assertEquals(List.of("URGE", "EARLIER_DEADLINE", "PROGRESS_REPORT"), types);
        }
    }
}
