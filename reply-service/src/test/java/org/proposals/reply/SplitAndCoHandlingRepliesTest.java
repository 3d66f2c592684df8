package org.proposals.reply;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.proposals.events.EventCodec;
import org.proposals.events.HandlingType;
import org.proposals.events.Proposer;
import org.proposals.events.Topics;
import org.proposals.events.assignment.ProposalAssigned;
import org.proposals.events.reply.ReplyApproved;
import org.proposals.infra.KafkaTestClient;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.proposals.reply.CaseLifecycleTest.as;
import static org.proposals.reply.CaseLifecycleTest.envelope;
import static org.proposals.reply.ReplyFlow.PROBLEM;
import static org.proposals.reply.ReplyFlow.REPLY_TEXT;
import static org.proposals.reply.ReplyFlow.contact;
import static org.proposals.reply.ReplyFlow.reply;

/** Split units each reply for their own part; a co-handling unit never replies to the proposer. */
@QuarkusTest
class SplitAndCoHandlingRepliesTest {

    @Test
    void eachSplitUnitRepliesForItsPartAndTheCoHandlerOnlyGivesAnOpinion() {
        UUID proposalId = UUID.randomUUID();
        ProposalAssigned miit = CaseLifecycleTest.assigned(proposalId, HandlingType.SPLIT);
        ProposalAssigned drc = new ProposalAssigned(UUID.randomUUID(), proposalId, miit.proposalTitle(),
                new Proposer("member-zhang", "张委员"), "drc", "市发展和改革委员会", HandlingType.SPLIT, null,
                OffsetDateTime.now(), ReplyFlow.today().plusMonths(3));
        String miitCase;
        String drcCase;
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            miitCase = ReplyFlow.openWithChain(kafka, miit);
            kafka.publish(KafkaTestClient.topic(Topics.ASSIGNMENT_EVENTS), envelope(drc));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    as("office-drc").get("/api/v1/cases?proposalId=" + proposalId).then().body("total", equalTo(1)));
            drcCase = as("office-drc").get("/api/v1/cases?proposalId=" + proposalId).then().extract().path("items[0].id");
        }
        // a split reply names the part it answers
        contact(miitCase, "PHONE");
        Map<String, Object> noPart = reply("A", REPLY_TEXT);
        noPart.remove("answers");
        String draft = ReplyFlow.drafted(miitCase, noPart);
        ReplyFlow.submit(miitCase, draft).statusCode(422).contentType(PROBLEM)
                .body("errors.find { it.field == 'POINTS_ANSWERED' }.message", containsString("its own part"));
        Map<String, Object> part = reply("A", REPLY_TEXT);
        part.put("answers", List.of("产业集群服务模式（第一、二条）"));
        ReplyFlow.revise(miitCase, draft, part).statusCode(200);
        ReplyFlow.submit(miitCase, draft).statusCode(200);

        // miit's reply goes its own way; drc's case is untouched and its own unit replies for its part
        as("office-drc").get("/api/v1/cases/" + drcCase).then().body("replies.size()", equalTo(0)).body("status", equalTo("OPEN"));
        as("handler-miit-sme").contentType("application/json").body(ReplyFlow.json(part))
                .post("/api/v1/cases/" + drcCase + "/replies").then().statusCode(404);
        as("handler-drc-industry").contentType("application/json").body(ReplyFlow.json(part))
                .post("/api/v1/cases/" + drcCase + "/replies").then().statusCode(201);

        // both split units reply to the proposer: both appear to them
        as("member-zhang").get("/api/v1/proposer-cases").then()
                .body("items.caseId", hasItem(miitCase)).body("items.caseId", hasItem(drcCase));
    }

    @Test
    void aCoHandlingUnitNeverRepliesToTheProposer() {
        UUID proposalId = UUID.randomUUID();
        String caseId;
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            caseId = ReplyFlow.openWithChain(kafka, CaseLifecycleTest.assigned(proposalId, HandlingType.CO_HANDLING));
        }
        ReplyFlow.draft(caseId, reply("A", REPLY_TEXT)).statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("opinion to the lead unit"));
        as("handler-miit-sme").contentType("application/json").body("{\"reason\":\"来不及\",\"requestedDue\":\""
                        + ReplyFlow.today().plusMonths(5) + "\"}")
                .post("/api/v1/cases/" + caseId + "/extension-requests").then().statusCode(409);
        // nor does the proposer see the co-handler's case
        as("member-zhang").get("/api/v1/proposer-cases").then().body("items.caseId", not(hasItem(caseId)));
        as("office-miit").get("/api/v1/cases/" + caseId).then().body("replies.size()", equalTo(0));
    }

    @Test
    void theFormalReplyOfEachSplitUnitIsAnnouncedForThatUnit() {
        UUID proposalId = UUID.randomUUID();
        ProposalAssigned miit = CaseLifecycleTest.assigned(proposalId, HandlingType.SPLIT);
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            String caseId = ReplyFlow.openWithChain(kafka, miit);
            contact(caseId, "PHONE");
            String replyId = ReplyFlow.toFormal(caseId, reply("A", REPLY_TEXT), false);
            List<ConsumerRecord<String, String>> events = ReplyReviewChainTest.eventsOf(kafka, caseId, "ReplyApproved");
            ReplyApproved approved = (ReplyApproved) EventCodec.payloadOf(EventCodec.fromJson(events.get(events.size() - 1).value()));
            assertEquals(UUID.fromString(replyId), approved.replyId());
            assertEquals("miit", approved.unitId());
            assertEquals(HandlingType.SPLIT, approved.handlingType());
            assertEquals(miit.assignmentId(), approved.assignmentId());
        }
    }
}
