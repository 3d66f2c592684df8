package org.proposals.reply;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.proposals.events.EventCodec;
import org.proposals.events.HandlingType;
import org.proposals.events.Proposer;
import org.proposals.events.Topics;
import org.proposals.events.assignment.ProposalAssigned;
import org.proposals.events.proposal.ProposalMerged;
import org.proposals.events.reply.ReplyDelivered;
import org.proposals.infra.KafkaTestClient;
import org.proposals.infra.MovableClock;
import org.proposals.kit.time.CityClock;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.proposals.reply.CaseLifecycleTest.as;
import static org.proposals.reply.CaseLifecycleTest.envelope;
import static org.proposals.reply.ReplyFlow.PROBLEM;
import static org.proposals.reply.ReplyFlow.REPLY_TEXT;
import static org.proposals.reply.ReplyFlow.answer;
import static org.proposals.reply.ReplyFlow.approve;
import static org.proposals.reply.ReplyFlow.approveAt;
import static org.proposals.reply.ReplyFlow.consult;
import static org.proposals.reply.ReplyFlow.contact;
import static org.proposals.reply.ReplyFlow.deliver;
import static org.proposals.reply.ReplyFlow.drafted;
import static org.proposals.reply.ReplyFlow.reply;
import static org.proposals.reply.ReplyFlow.review;
import static org.proposals.reply.ReplyFlow.revise;
import static org.proposals.reply.ReplyFlow.submit;

/** The reviewed draft goes to the proposer before it is final; the formal reply reaches them and merged proposers. */
@QuarkusTest
class ConsultationAndDeliveryTest {

    @Test
    void theProposersCommentsLeadToARevisionReviewedAgainAndTheFormalReplyReachesEveryProposer() {
        ProposalAssigned assignment = ReplyFlow.assigned(HandlingType.LEAD);
        UUID mergedProposal = UUID.randomUUID();
        String caseId;
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            caseId = ReplyFlow.openWithChain(kafka, assignment);
            // member-li's identical proposal was merged into this one: they receive its reply as well
            kafka.publish(KafkaTestClient.topic(Topics.PROPOSAL_EVENTS), envelope(new ProposalMerged(mergedProposal, "20220031",
                    assignment.proposalId(), "20220024", new Proposer("member-li", "李委员"), OffsetDateTime.now())));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("member-li").get("/api/v1/proposer-cases").then()
                    .body("items.caseId", hasItem(assignmentCase(assignment))));
        }
        contact(caseId, "VISIT");
        String replyId = reviewed(caseId, reply("A", REPLY_TEXT));
        consult(caseId, replyId).statusCode(200);

        // the proposer sees the draft put to them; the merged proposer does not, and nobody else sees it at all
        as("member-zhang").get("/api/v1/proposer-cases").then().statusCode(200)
                .body("items.find { it.caseId == '" + caseId + "' }.consultation.text", equalTo(REPLY_TEXT))
                .body("items.find { it.caseId == '" + caseId + "' }.merged", equalTo(false));
        as("member-li").get("/api/v1/proposer-cases").then()
                .body("items.find { it.caseId == '" + caseId + "' }.consultation", nullValue())
                .body("items.find { it.caseId == '" + caseId + "' }.merged", equalTo(true));
        as("member-li").contentType("application/json").body("{\"agrees\":true}")
                .post(ReplyFlow.path(caseId, replyId) + "/consultation/answer").then().statusCode(404).contentType(PROBLEM);

        // disagreeing needs comments; the handler may not answer for the proposer without saying how they heard it
        answer("member-zhang", caseId, replyId, Map.of("agrees", false)).statusCode(400).body("errors.field", hasItem("comments"));
        answer("handler-miit-sme", caseId, replyId, Map.of("agrees", true)).statusCode(400).body("errors.field", hasItem("channel"));
        answer("member-zhang", caseId, replyId, Map.of("agrees", false, "comments", "希望补充对中小企业融资的支持措施"))
                .statusCode(200).body("agrees", equalTo(false)).body("comments", containsString("融资"));
        answer("member-zhang", caseId, replyId, Map.of("agrees", true)).statusCode(409);

        // the unit revises: reviewed again, consulted again, and this time agreed
        String revised = REPLY_TEXT + "同时，我局联合金融机构推出“集群贷”产品，已为二百余家中小企业提供融资支持。";
        revise(caseId, replyId, reply("A", revised)).statusCode(200).body("currentVersion", equalTo(2));
        submit(caseId, replyId).statusCode(200);
        review("head-miit-sme", caseId, replyId, approveAt(null)).statusCode(200);
        review("deputy-miit", caseId, replyId, approveAt("FULL")).statusCode(200);
        consult(caseId, replyId).statusCode(200);
        answer("handler-miit-sme", caseId, replyId, Map.of("agrees", true, "channel", "PHONE")).statusCode(200);
        approve("deputy-miit", caseId, replyId).statusCode(200)
                .body("consultations.versionNumber", contains(1, 2))
                .body("consultations.answerChannel", contains("PLATFORM", "PHONE"));

        // delivered on a day between the approval and today, by a known channel
        deliver("office-miit", caseId, replyId, ReplyFlow.today().plusDays(1), "POST").statusCode(400)
                .body("errors.field", hasItem("deliveredOn"));
        deliver("office-miit", caseId, replyId, ReplyFlow.today(), "CARRIER_PIGEON").statusCode(400)
                .body("errors.field", hasItem("channel"));
        deliver("office-miit", caseId, replyId, ReplyFlow.today(), "POST").statusCode(200)
                .body("status", equalTo("DELIVERED")).body("deliveredOn", equalTo(ReplyFlow.today().toString()));
        deliver("office-miit", caseId, replyId, ReplyFlow.today(), "POST").statusCode(409);

        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            List<ConsumerRecord<String, String>> events = ReplyReviewChainTest.eventsOf(kafka, caseId, "ReplyDelivered");
            ReplyDelivered delivered = (ReplyDelivered) EventCodec.payloadOf(EventCodec.fromJson(events.get(events.size() - 1).value()));
            assertEquals(List.of(new Proposer("member-zhang", "张委员"), new Proposer("member-li", "李委员")), delivered.recipients());
            assertEquals("POST", delivered.channel());
        }
        for (String proposer : List.of("member-zhang", "member-li")) {
            as(proposer).get("/api/v1/proposer-cases").then()
                    .body("items.find { it.caseId == '" + caseId + "' }.formalReplies[0].text", equalTo(revised))
                    .body("items.find { it.caseId == '" + caseId + "' }.formalReplies[0].deliveryChannel", equalTo("POST"));
        }
    }

    @Test
    void aProposerWhoDoesNotAnswerHoldsTheReplyUpOnlyForTheConsultationWindow() {
        String caseId;
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            caseId = ReplyFlow.openWithChain(kafka, ReplyFlow.assigned(HandlingType.SOLE));
        }
        contact(caseId, "PHONE");
        String replyId = reviewed(caseId, reply("A", REPLY_TEXT));
        LocalDate monday = LocalDate.of(2026, 3, 2);
        QuarkusMock.installMockForType(new CityClock(MovableClock.at(monday)), CityClock.class);
        consult(caseId, replyId).statusCode(200);
        // five working days to answer: until Monday 9 March
        QuarkusMock.installMockForType(new CityClock(MovableClock.at(LocalDate.of(2026, 3, 9))), CityClock.class);
        approve("deputy-miit", caseId, replyId).statusCode(409).contentType(PROBLEM).body("detail", containsString("2026-03-09"));
        QuarkusMock.installMockForType(new CityClock(MovableClock.at(LocalDate.of(2026, 3, 10))), CityClock.class);
        approve("deputy-miit", caseId, replyId).statusCode(200).body("status", equalTo("APPROVED"))
                .body("consultations[0].answeredAt", nullValue());
    }

    /** Drafts {@code body} and takes it through review; returns the reply id. */
    static String reviewed(String caseId, Map<String, Object> body) {
        String replyId = drafted(caseId, body);
        submit(caseId, replyId).statusCode(200);
        review("head-miit-sme", caseId, replyId, approveAt(null)).statusCode(200);
        review("deputy-miit", caseId, replyId, approveAt("FULL")).statusCode(200);
        return replyId;
    }

    private static String assignmentCase(ProposalAssigned assignment) {
        return as("office-miit").get("/api/v1/cases?proposalId=" + assignment.proposalId()).then().extract().path("items[0].id");
    }
}
