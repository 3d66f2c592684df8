package org.proposals.reply;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.proposals.events.EventCodec;
import org.proposals.events.HandlingType;
import org.proposals.events.Topics;
import org.proposals.events.assignment.ExtensionGranted;
import org.proposals.events.assignment.ExtensionRejected;
import org.proposals.events.assignment.ProposalAssigned;
import org.proposals.events.assignment.RehandlingStarted;
import org.proposals.events.proposal.ProposalReopened;
import org.proposals.events.reply.ReplyApproved;
import org.proposals.events.reply.ReplyExtensionRequested;
import org.proposals.infra.KafkaTestClient;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.proposals.reply.CaseLifecycleTest.as;
import static org.proposals.reply.CaseLifecycleTest.envelope;
import static org.proposals.reply.ReplyFlow.PROBLEM;
import static org.proposals.reply.ReplyFlow.REPLY_TEXT;
import static org.proposals.reply.ReplyFlow.contact;
import static org.proposals.reply.ReplyFlow.reply;

/** Extensions asked for from the case and decided by the committee; a reopened proposal asks for a new round's reply. */
@QuarkusTest
class ExtensionAndRehandlingTest {

    @Test
    void anExtensionIsAskedForHereAndTheCommitteesDecisionMovesTheDeadline() {
        ProposalAssigned assignment = ReplyFlow.assigned(HandlingType.LEAD);
        LocalDate due = assignment.replyDueDate();
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            String caseId = ReplyFlow.openWithChain(kafka, assignment);
            request(caseId, "{\"reason\":\"需协调多部门\",\"requestedDue\":\"" + due + "\"}").statusCode(400).contentType(PROBLEM)
                    .body("errors.field", hasItem("requestedDue"));
            request(caseId, "{\"requestedDue\":\"" + due.plusMonths(1) + "\"}").statusCode(400).body("errors.field", hasItem("reason"));
            String first = request(caseId, "{\"reason\":\"需协调多部门联合调研\",\"requestedDue\":\"" + due.plusMonths(1) + "\"}")
                    .statusCode(201).body("status", equalTo("PENDING")).body("currentDue", equalTo(due.toString()))
                    .extract().path("id");
            request(caseId, "{\"reason\":\"再次申请\",\"requestedDue\":\"" + due.plusMonths(2) + "\"}").statusCode(409);

            List<ConsumerRecord<String, String>> events = ReplyReviewChainTest.eventsOf(kafka, caseId, "ReplyExtensionRequested");
            ReplyExtensionRequested requested = (ReplyExtensionRequested) EventCodec.payloadOf(
                    EventCodec.fromJson(events.get(events.size() - 1).value()));
            assertEquals(first, requested.requestId().toString());
            assertEquals(assignment.assignmentId(), requested.assignmentId());
            assertEquals(due.plusMonths(1), requested.requestedDue());

            // the committee grants it in assignment-service: the deadline moves here
            kafka.publish(KafkaTestClient.topic(Topics.ASSIGNMENT_EVENTS), envelope(new ExtensionGranted(assignment.assignmentId(),
                    assignment.proposalId(), "miit", UUID.fromString(first), due, due.plusMonths(1), "同意", OffsetDateTime.now())));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("office-miit").get("/api/v1/cases/" + caseId).then()
                    .body("replyDueDate", equalTo(due.plusMonths(1).toString())));
            as("office-miit").get("/api/v1/cases/" + caseId + "/extension-requests").then()
                    .body("[0].status", equalTo("GRANTED")).body("[0].grantedDue", equalTo(due.plusMonths(1).toString()));

            // a second request, refused
            String second = request(caseId, "{\"reason\":\"仍需时间\",\"requestedDue\":\"" + due.plusMonths(2) + "\"}")
                    .statusCode(201).extract().path("id");
            kafka.publish(KafkaTestClient.topic(Topics.ASSIGNMENT_EVENTS), envelope(new ExtensionRejected(assignment.assignmentId(),
                    assignment.proposalId(), "miit", UUID.fromString(second), "延期总时长不得超过六个月", OffsetDateTime.now())));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("office-miit").get("/api/v1/cases/" + caseId + "/extension-requests")
                    .then().body("[0].id", equalTo(second)).body("[0].status", equalTo("REJECTED"))
                    .body("[0].decisionNote", equalTo("延期总时长不得超过六个月")));
            as("office-miit").get("/api/v1/cases/" + caseId).then().body("replyDueDate", equalTo(due.plusMonths(1).toString()));
        }
    }

    @Test
    void aReopenedProposalIsRepliedToAgainInANewRound() {
        ProposalAssigned assignment = ReplyFlow.assigned(HandlingType.SOLE);
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            String caseId = ReplyFlow.openWithChain(kafka, assignment);
            contact(caseId, "PHONE");
            String first = ReplyFlow.toFormal(caseId, reply("C", REPLY_TEXT), false);

            kafka.publish(KafkaTestClient.topic(Topics.PROPOSAL_EVENTS), envelope(new ProposalReopened(assignment.proposalId(),
                    "20220024", 2, List.of("miit"), "委员不满意，重新办理", OffsetDateTime.now())));
            LocalDate rehandlingDue = ReplyFlow.today().plusMonths(1);
            kafka.publish(KafkaTestClient.topic(Topics.ASSIGNMENT_EVENTS), envelope(new RehandlingStarted(assignment.assignmentId(),
                    assignment.proposalId(), "miit", 2, rehandlingDue, OffsetDateTime.now())));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("office-miit").get("/api/v1/cases/" + caseId).then()
                    .body("handlingRound", equalTo(2)).body("status", equalTo("OPEN"))
                    .body("replyDueDate", equalTo(rehandlingDue.toString())));

            String second = ReplyFlow.toFormal(caseId, reply("A", REPLY_TEXT + "经重新办理，平台已建成投用。"), false);
            as("office-miit").get(ReplyFlow.path(caseId, second)).then().body("purpose", equalTo("REHANDLING")).body("handlingRound", equalTo(2));
            as("office-miit").get(ReplyFlow.path(caseId, first)).then().body("handlingRound", equalTo(1)).body("status", equalTo("APPROVED"));
            List<ConsumerRecord<String, String>> events = kafka.readUntil(KafkaTestClient.topic(Topics.REPLY_EVENTS),
                    r -> caseId.equals(r.key()) && "ReplyApproved".equals(KafkaTestClient.header(r, Topics.HEADER_EVENT_TYPE))
                            && r.value().contains(second), Duration.ofSeconds(30));
            ReplyApproved approved = (ReplyApproved) EventCodec.payloadOf(EventCodec.fromJson(events.get(events.size() - 1).value()));
            assertEquals("REHANDLING", approved.purpose());
            assertEquals(2, approved.round());
        }
    }

    private static io.restassured.response.ValidatableResponse request(String caseId, String body) {
        return as("handler-miit-sme").contentType(ContentType.JSON).body(body)
                .post("/api/v1/cases/" + caseId + "/extension-requests").then();
    }
}
