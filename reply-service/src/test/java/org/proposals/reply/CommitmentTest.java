package org.proposals.reply;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.proposals.events.EventCodec;
import org.proposals.events.HandlingType;
import org.proposals.events.ResultCategory;
import org.proposals.events.Topics;
import org.proposals.events.assignment.ProposalAssigned;
import org.proposals.events.reply.CommitmentFulfilled;
import org.proposals.events.reply.ReplyApproved;
import org.proposals.infra.KafkaTestClient;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.proposals.reply.CaseLifecycleTest.as;
import static org.proposals.reply.ReplyFlow.PROBLEM;
import static org.proposals.reply.ReplyFlow.REPLY_TEXT;
import static org.proposals.reply.ReplyFlow.contact;
import static org.proposals.reply.ReplyFlow.reply;

/** A B reply's promises become commitments; one done, the case asks for the second reply, reviewed like the first. */
@QuarkusTest
class CommitmentTest {

    @Test
    void aPromiseKeptCallsForTheSecondReply() {
        ProposalAssigned assignment = ReplyFlow.assigned(HandlingType.SOLE);
        LocalDate platformDue = ReplyFlow.today().plusMonths(6);
        LocalDate fundDue = ReplyFlow.today().plusMonths(3);
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            String caseId = ReplyFlow.openWithChain(kafka, assignment);
            contact(caseId, "SYMPOSIUM");
            Map<String, Object> promising = reply("B", REPLY_TEXT);
            promising.put("measuresPromised", List.of(
                    Map.of("description", "建成产业集群公共服务平台", "dueDate", platformDue.toString()),
                    Map.of("description", "设立产业集群发展专项资金", "dueDate", fundDue.toString())));
            String first = ReplyFlow.toFormal(caseId, promising, false);

            List<ConsumerRecord<String, String>> events = ReplyReviewChainTest.eventsOf(kafka, caseId, "ReplyApproved");
            ReplyApproved approved = (ReplyApproved) EventCodec.payloadOf(EventCodec.fromJson(events.get(events.size() - 1).value()));
            assertEquals(ResultCategory.B, approved.resultCategory());
            assertEquals(fundDue, approved.commitmentDue());

            List<String> ids = as("office-miit").get("/api/v1/cases/" + caseId + "/commitments").then().statusCode(200)
                    .body("description", contains("设立产业集群发展专项资金", "建成产业集群公共服务平台"))
                    .body("status", contains("OPEN", "OPEN"))
                    .body("replyId", contains(first, first))
                    .extract().path("id");
            as("committee-wang").get("/api/v1/commitments?unitId=miit&status=OPEN&dueBefore=" + fundDue.plusDays(1) + "&size=200")
                    .then().statusCode(200).body("items.id", hasItem(ids.get(0))).body("items.id", not(hasItem(ids.get(1))));

            // no second reply before a promise is kept
            ReplyFlow.draft(caseId, reply("A", REPLY_TEXT)).statusCode(409).contentType(PROBLEM);
            // the measure that kept it is in the register, linked to this case
            String elsewhere = UUID.randomUUID().toString();
            fulfil(caseId, ids.get(0), elsewhere).statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("measureId"));
            String measure = as("handler-miit-sme").contentType(ContentType.JSON).body(ReplyFlow.json(Map.of(
                            "kind", "POLICY_DOCUMENT", "title", "产业集群发展专项资金管理办法", "documentNumber", "工信发〔2026〕8号",
                            "issuedOn", ReplyFlow.today().toString(), "caseIds", List.of(caseId))))
                    .post("/api/v1/work-measures").then().statusCode(201).extract().path("id");
            fulfil(caseId, ids.get(0), measure).statusCode(200).body("status", equalTo("FULFILLED")).body("measureId", equalTo(measure));
            fulfil(caseId, ids.get(0), null).statusCode(409).contentType(PROBLEM);
            as("office-miit").get("/api/v1/cases/" + caseId).then().body("status", equalTo("FOLLOW_UP_DUE"));

            List<ConsumerRecord<String, String>> fulfilledEvents = ReplyReviewChainTest.eventsOf(kafka, caseId, "CommitmentFulfilled");
            CommitmentFulfilled fulfilled = (CommitmentFulfilled) EventCodec.payloadOf(
                    EventCodec.fromJson(fulfilledEvents.get(fulfilledEvents.size() - 1).value()));
            assertEquals(ids.get(0), fulfilled.commitmentId().toString());
            assertEquals(fundDue, fulfilled.dueDate());
            assertEquals(measure, fulfilled.measureId().toString());

            // the second reply: same review, purpose FOLLOW_UP
            String second = ReplyFlow.toFormal(caseId, reply("A", REPLY_TEXT + "专项资金已设立，首批支持项目二十个。"), false);
            as("office-miit").get(ReplyFlow.path(caseId, second)).then().body("purpose", equalTo("FOLLOW_UP"));
            as("office-miit").get("/api/v1/cases/" + caseId).then().body("status", equalTo("REPLIED"));
            List<ConsumerRecord<String, String>> after = kafka.readUntil(KafkaTestClient.topic(Topics.REPLY_EVENTS),
                    r -> caseId.equals(r.key()) && "ReplyApproved".equals(KafkaTestClient.header(r, Topics.HEADER_EVENT_TYPE))
                            && r.value().contains(second), Duration.ofSeconds(30));
            ReplyApproved followUp = after.stream().map(r -> EventCodec.payloadOf(EventCodec.fromJson(r.value())))
                    .filter(e -> e instanceof ReplyApproved a && a.replyId().toString().equals(second))
                    .map(ReplyApproved.class::cast).findFirst().orElseThrow();
            assertEquals("FOLLOW_UP", followUp.purpose());
            assertEquals(ResultCategory.A, followUp.resultCategory());
        }
    }

    private static io.restassured.response.ValidatableResponse fulfil(String caseId, String commitmentId, String measureId) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("note", "专项资金管理办法已印发"));
        if (measureId != null) {
            body.put("measureId", measureId);
        }
        return as("handler-miit-sme").contentType(ContentType.JSON).body(ReplyFlow.json(body))
                .post("/api/v1/cases/" + caseId + "/commitments/" + commitmentId + "/fulfilment").then();
    }
}
