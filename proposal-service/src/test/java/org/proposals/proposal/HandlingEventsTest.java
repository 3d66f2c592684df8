package org.proposals.proposal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.proposals.events.Actor;
import org.proposals.events.EventCodec;
import org.proposals.events.EventEnvelope;
import org.proposals.events.HandlingType;
import org.proposals.events.Proposer;
import org.proposals.events.ResultCategory;
import org.proposals.events.SatisfactionRating;
import org.proposals.events.Topics;
import org.proposals.events.assignment.ProposalAssigned;
import org.proposals.events.evaluation.SatisfactionRecorded;
import org.proposals.events.reply.ReplyApproved;
import org.proposals.infra.KafkaTestClient;
import org.proposals.infra.TestIdentity;

import java.time.Duration;
import java.time.LocalDate;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proposals.proposal.ProposalResourceTest.auditRecords;
import static org.proposals.proposal.ProposalResourceTest.change;

/** The proposal follows what the assignment, reply and evaluation services report over the real broker. */
@QuarkusTest
class HandlingEventsTest {

    /** The committee member who assigned the proposal, as the token of their request named them. */
    static final Actor COMMITTEE = actor("committee-wang", "王明（市政协提案委）", "COMMITTEE", "cppcc");

    @Test
    void theProposalShowsAssignedRepliedAndEvaluatedAsTheUnitsReport() {
        String id = ProposalResourceTest.submit(ProposalResourceTest.proposalJson("关于促进科技型中小企业创新发展的建议"))
                .statusCode(201).extract().path("id");
        UUID proposalId = UUID.fromString(id);
        UUID leadAssignment = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now();

        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            String assignments = KafkaTestClient.topic(Topics.ASSIGNMENT_EVENTS);
            EventEnvelope leadAssigned = EventCodec.envelope(new ProposalAssigned(leadAssignment, proposalId, "t",
                    new Proposer("member-001", "张委员"), "miit", "市工业和信息化局", HandlingType.LEAD, null, now,
                    LocalDate.now().plusMonths(3)), UUID.randomUUID(), null, COMMITTEE);
            EventEnvelope coAssigned = EventCodec.envelope(new ProposalAssigned(UUID.randomUUID(), proposalId, "t",
                    new Proposer("member-001", "张委员"), "drc", "市发展和改革委员会", HandlingType.CO_HANDLING, "miit", now,
                    LocalDate.now().plusMonths(1)), leadAssigned.correlationId(), null, COMMITTEE);
            kafka.publish(assignments, leadAssigned);
            kafka.publish(assignments, coAssigned);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> ProposalResourceTest.asCommittee().get("/api/v1/proposals/" + id).then()
                    .body("status", equalTo("ASSIGNED"))
                    .body("units.size()", equalTo(2)));

            // each assignment applied left an audit record naming the committee member whose action caused it
            List<Map<String, Object>> applied = auditRecords("proposalId=" + id).stream()
                    .filter(r -> "ProposalAssignedApplied".equals(r.get("action"))).toList();
            assertEquals(2, applied.size());
            assertEquals(Set.of(leadAssigned.eventId().toString(), coAssigned.eventId().toString()),
                    applied.stream().map(r -> (String) r.get("causationId")).collect(Collectors.toSet()));
            for (Map<String, Object> record : applied) {
                assertEquals("Proposal", record.get("recordType"));
                assertEquals(id, record.get("recordId"));
                assertEquals(leadAssigned.correlationId().toString(), record.get("correlationId"));
                assertNull(record.get("requestId"));
                @SuppressWarnings("unchecked")
                Map<String, Object> who = (Map<String, Object>) record.get("actor");
                assertEquals("committee-wang", who.get("id"));
                assertEquals("王明（市政协提案委）", who.get("name"));
                assertEquals(List.of("COMMITTEE"), who.get("roles"));
                assertEquals("cppcc", who.get("unitId"));
            }
            Map<String, Object> lead = applied.stream()
                    .filter(r -> leadAssigned.eventId().toString().equals(r.get("causationId"))).findFirst().orElseThrow();
            assertNull(change(lead, "units[miit].handlingType").get("before"));
            assertEquals("LEAD", change(lead, "units[miit].handlingType").get("after"));
            assertEquals(leadAssignment.toString(), change(lead, "units[miit].assignmentId").get("after"));
            // whichever was applied first moved the status; the other left it as it was
            assertEquals(1, applied.stream().filter(r -> change(r, "status") != null).count());
            assertTrue(applied.stream().map(r -> change(r, "status")).anyMatch(
                    c -> c != null && "SUBMITTED".equals(c.get("before")) && "ASSIGNED".equals(c.get("after"))));

            UUID replyId = UUID.randomUUID();
            EventEnvelope approved = envelope(new ReplyApproved(replyId, UUID.randomUUID(), leadAssignment, proposalId,
                    "miit", HandlingType.LEAD, ResultCategory.A, now));
            kafka.publish(KafkaTestClient.topic(Topics.REPLY_EVENTS), approved);
            // only the lead owes the proposer a reply: the co-handler's silence does not hold the status back
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> ProposalResourceTest.asCommittee().get("/api/v1/proposals/" + id).then()
                    .body("status", equalTo("REPLIED"))
                    .body("units.find { it.unitId == 'miit' }.resultCategory", equalTo("A")));

            kafka.publish(KafkaTestClient.topic(Topics.EVALUATION_EVENTS), envelope(new SatisfactionRecorded(UUID.randomUUID(),
                    proposalId, replyId, "miit", "member-001", SatisfactionRating.SATISFIED, "满意", now)));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> ProposalResourceTest.asCommittee().get("/api/v1/proposals/" + id).then()
                    .body("status", equalTo("EVALUATED"))
                    .body("units.find { it.unitId == 'miit' }.rating", equalTo("SATISFIED")));
        }

        // newest first: the rating, then the reply
        List<Map<String, Object>> audit = auditRecords("proposalId=" + id);
        assertEquals(List.of("SatisfactionRecordedApplied", "ReplyApprovedApplied"),
                audit.subList(0, 2).stream().map(r -> r.get("action")).toList());
        assertEquals(Map.of("before", "REPLIED", "after", "EVALUATED"), change(audit.get(0), "status"));
        assertEquals("SATISFIED", change(audit.get(0), "units[miit].rating").get("after"));
        assertEquals(Map.of("before", "ASSIGNED", "after", "REPLIED"), change(audit.get(1), "status"));
        assertEquals("A", change(audit.get(1), "units[miit].resultCategory").get("after"));
        assertEquals("ProposalSubmitted", audit.get(audit.size() - 1).get("action"));

        // every record is sealed into this service's chain, which is intact
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> io.restassured.RestAssured.given().auth().oauth2(TestIdentity.tokenFor("admin")).get("/api/v1/audit-records/verification").then()
                .statusCode(200)
                .body("intact", equalTo(true))
                .body("unsealed", equalTo(0)));
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

    static EventEnvelope envelope(org.proposals.events.IntegrationEvent event) {
        return EventCodec.envelope(event, UUID.randomUUID(), null, Actor.SYSTEM);
    }
}
