package org.proposals.reply;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.proposals.events.EventCodec;
import org.proposals.events.HandlingType;
import org.proposals.events.Topics;
import org.proposals.events.assignment.ProposalAssigned;
import org.proposals.events.reply.ReplyApproved;
import org.proposals.events.reply.ReplyReturned;
import org.proposals.infra.KafkaTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proposals.reply.CaseLifecycleTest.as;
import static org.proposals.reply.CaseLifecycleTest.auditRecords;
import static org.proposals.reply.ReplyFlow.PROBLEM;
import static org.proposals.reply.ReplyFlow.REPLY_TEXT;
import static org.proposals.reply.ReplyFlow.answer;
import static org.proposals.reply.ReplyFlow.approve;
import static org.proposals.reply.ReplyFlow.approveAt;
import static org.proposals.reply.ReplyFlow.consult;
import static org.proposals.reply.ReplyFlow.contact;
import static org.proposals.reply.ReplyFlow.drafted;
import static org.proposals.reply.ReplyFlow.path;
import static org.proposals.reply.ReplyFlow.reply;
import static org.proposals.reply.ReplyFlow.returnWith;
import static org.proposals.reply.ReplyFlow.review;
import static org.proposals.reply.ReplyFlow.revise;
import static org.proposals.reply.ReplyFlow.submit;

/** Handler → division head → deputy head in charge (→ bureau head for a key proposal), with returns and versions. */
@QuarkusTest
class ReplyReviewChainTest {

    @Test
    void aReplyGoesUpTheChainAndAReturnSendsItBackToTheHandler() {
        ProposalAssigned assignment = ReplyFlow.assigned(HandlingType.SOLE);
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            String caseId = CaseLifecycleTest.openCase(kafka, assignment);
            String replyId = drafted(caseId, reply("A", REPLY_TEXT));
            contact(caseId, "PHONE");

            // nobody is named to review it yet
            submit(caseId, replyId).statusCode(409).contentType(PROBLEM)
                    .body("detail", containsString("DIVISION_HEAD, DEPUTY_HEAD"));
            ReplyFlow.recordChain(kafka, assignment, caseId);

            submit(caseId, replyId).statusCode(200).body("status", equalTo("IN_REVIEW")).body("reviewLevel", equalTo("DIVISION_HEAD"));
            // the division head first: the deputy head's turn has not come
            review("deputy-miit", caseId, replyId, approveAt("FULL")).statusCode(403).contentType(PROBLEM)
                    .body("detail", containsString("孙处长"));
            review("head-miit-sme", caseId, replyId, approveAt(null)).statusCode(200).body("reviewLevel", equalTo("DEPUTY_HEAD"));
            // a return says what to change
            review("deputy-miit", caseId, replyId, Map.of("decision", "RETURN")).statusCode(400).contentType(PROBLEM)
                    .body("errors.field", hasItem("comments"));
            review("deputy-miit", caseId, replyId, returnWith("请补充已出台政策的文号和印发时间")).statusCode(200)
                    .body("status", equalTo("RETURNED")).body("reviewLevel", nullValue());
            review("deputy-miit", caseId, replyId, approveAt("FULL")).statusCode(409).contentType(PROBLEM);

            // the handler revises: version 2, version 1 kept as it was
            String revised = REPLY_TEXT + "相关行动方案已于2022年6月印发（工信发〔2022〕12号）。";
            revise(caseId, replyId, reply("A", revised)).statusCode(200)
                    .body("status", equalTo("DRAFT"))
                    .body("currentVersion", equalTo(2))
                    .body("text", equalTo(revised))
                    .body("versions.number", contains(1, 2))
                    .body("versions[0].text", equalTo(REPLY_TEXT))
                    .body("versions[0].createdBy", equalTo("周承办"));

            // review starts again from the division head
            submit(caseId, replyId).statusCode(200).body("reviewLevel", equalTo("DIVISION_HEAD"));
            review("head-miit-sme", caseId, replyId, approveAt(null)).statusCode(200);
            // the last level decides disclosure
            review("deputy-miit", caseId, replyId, approveAt(null)).statusCode(400).contentType(PROBLEM)
                    .body("errors.field", hasItem("disclosure"));
            review("deputy-miit", caseId, replyId, approveAt("NONE")).statusCode(400).contentType(PROBLEM)
                    .body("errors.field", hasItem("disclosureNote"));
            review("deputy-miit", caseId, replyId, Map.of("decision", "APPROVE", "disclosure", "SUMMARY",
                    "disclosureNote", "我局出台重点产业链集群行动方案，建立链长制。")).statusCode(200)
                    .body("status", equalTo("REVIEWED"))
                    .body("disclosure", equalTo("SUMMARY"))
                    .body("reviews.level", contains("DIVISION_HEAD", "DEPUTY_HEAD", "DIVISION_HEAD", "DEPUTY_HEAD"))
                    .body("reviews.decision", contains("APPROVED", "RETURNED", "APPROVED", "APPROVED"))
                    .body("reviews.versionNumber", contains(1, 1, 2, 2))
                    .body("reviews[1].comments", equalTo("请补充已出台政策的文号和印发时间"))
                    .body("reviews[1].reviewerName", equalTo("赵副局长"));

            // not formal until the proposer has been consulted
            approve("deputy-miit", caseId, replyId).statusCode(409).contentType(PROBLEM);
            consult(caseId, replyId).statusCode(200).body("status", equalTo("IN_CONSULTATION"));
            answer("member-zhang", caseId, replyId, Map.of("agrees", true)).statusCode(200);
            approve("deputy-miit", caseId, replyId).statusCode(200).body("status", equalTo("APPROVED"))
                    .body("signedBy", equalTo("赵副局长"));
            as("office-miit").get("/api/v1/cases/" + caseId).then().body("status", equalTo("REPLIED"));

            List<String> types = eventsOf(kafka, caseId, "ReplyApproved").stream()
                    .map(r -> KafkaTestClient.header(r, Topics.HEADER_EVENT_TYPE)).toList();
            assertEquals(List.of("CaseOpened", "ReplySubmittedForReview", "ReplyReturned", "ReplySubmittedForReview", "ReplyApproved"),
                    types.stream().filter(t -> !t.startsWith("Contact")).toList());
            List<ConsumerRecord<String, String>> records = eventsOf(kafka, caseId, "ReplyApproved");
            ReplyReturned returned = (ReplyReturned) EventCodec.payloadOf(EventCodec.fromJson(records.stream()
                    .filter(r -> "ReplyReturned".equals(KafkaTestClient.header(r, Topics.HEADER_EVENT_TYPE))).findFirst().orElseThrow().value()));
            assertEquals("DEPUTY_HEAD", returned.level());
            assertEquals(1, returned.replyVersion());
            ReplyApproved approved = assertInstanceOf(ReplyApproved.class,
                    EventCodec.payloadOf(EventCodec.fromJson(records.get(records.size() - 1).value())));
            assertEquals("INITIAL", approved.purpose());
            assertEquals(1, approved.round());
            assertEquals("SUMMARY", approved.disclosure());

            List<String> actions = auditRecords("recordType=Reply&recordId=" + replyId).stream().map(r -> (String) r.get("action")).toList();
            assertEquals(List.of("ReplyApproved", "ReplyConsultationAnswered", "ReplyConsultationSent", "ReplyReviewed", "ReplyReviewed",
                    "ReplySubmittedForReview", "ReplyRevised", "ReplyReturned", "ReplyReviewed", "ReplySubmittedForReview", "ReplyDrafted"),
                    actions);
        }
    }

    @Test
    void aKeyProposalIsReviewedAndSignedByTheBureauHead() {
        ProposalAssigned assignment = ReplyFlow.assigned(HandlingType.LEAD);
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            String caseId = ReplyFlow.openWithChain(kafka, assignment);
            ReplyFlow.makeKey(kafka, assignment.proposalId(), caseId);
            contact(caseId, "FACE_TO_FACE");
            String replyId = drafted(caseId, reply("A", REPLY_TEXT));
            submit(caseId, replyId).statusCode(200);
            review("head-miit-sme", caseId, replyId, approveAt(null)).statusCode(200);
            // for a key proposal the deputy head is not the last level
            review("deputy-miit", caseId, replyId, approveAt(null)).statusCode(200).body("reviewLevel", equalTo("BUREAU_HEAD"));
            review("deputy-miit", caseId, replyId, approveAt("FULL")).statusCode(403).contentType(PROBLEM);
            review("leader-miit", caseId, replyId, approveAt("FULL")).statusCode(200).body("status", equalTo("REVIEWED"));
            consult(caseId, replyId).statusCode(200);
            answer("member-zhang", caseId, replyId, Map.of("agrees", true)).statusCode(200);
            // key replies are signed by the unit's head
            approve("deputy-miit", caseId, replyId).statusCode(403).contentType(PROBLEM).body("detail", containsString("BUREAU_HEAD"));
            approve("leader-miit", caseId, replyId).statusCode(200).body("signedBy", equalTo("刘局长"));
            as("office-miit").get(path(caseId, replyId)).then().body("reviews.level", contains("DIVISION_HEAD", "DEPUTY_HEAD", "BUREAU_HEAD"));
        }
    }

    /** The case's events on reply.events, in order, up to the first of type {@code until}. */
    static List<ConsumerRecord<String, String>> eventsOf(KafkaTestClient kafka, String caseId, String until) {
        List<ConsumerRecord<String, String>> read = kafka.readUntil(KafkaTestClient.topic(Topics.REPLY_EVENTS),
                r -> caseId.equals(r.key()) && until.equals(KafkaTestClient.header(r, Topics.HEADER_EVENT_TYPE)), Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> ofCase = read.stream().filter(r -> caseId.equals(r.key())).toList();
        assertTrue(!ofCase.isEmpty());
        return ofCase;
    }
}
