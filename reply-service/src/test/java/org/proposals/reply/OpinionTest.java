package org.proposals.reply;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.proposals.events.EventCodec;
import org.proposals.events.EventEnvelope;
import org.proposals.events.HandlingType;
import org.proposals.events.Proposer;
import org.proposals.events.Topics;
import org.proposals.events.assignment.ProposalAssigned;
import org.proposals.events.assignment.ResponsibilityAssigned;
import org.proposals.events.reply.CoHandlingOpinionSubmitted;
import org.proposals.infra.DevIdentity;
import org.proposals.infra.KafkaTestClient;
import org.proposals.infra.TestIdentity;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.proposals.reply.CaseLifecycleTest.as;
import static org.proposals.reply.CaseLifecycleTest.auditRecords;
import static org.proposals.reply.CaseLifecycleTest.envelope;

/**
 * Co-handling units send their opinions to the lead unit, which sees them pending, submitted or waived; the proposer
 * never sees them.
 */
@QuarkusTest
class OpinionTest {

    private static final String PROBLEM = "application/problem+json";
    static final String OPINION = "建议将中小企业数字化转型纳入产业集群行动方案，由我委统筹安排专项资金予以支持。";

    /** One unit's assignment of the proposal, proposed by member-zhang. */
    static ProposalAssigned assignment(UUID proposalId, String unitId, String unitName, HandlingType type, String leadUnitId) {
        return new ProposalAssigned(UUID.randomUUID(), proposalId, "关于推动中小企业数字化转型的提案",
                new Proposer("member-zhang", "张委员"), unitId, unitName, type, leadUnitId, OffsetDateTime.now(),
                ReplyFlow.today().plusMonths(3));
    }

    /** Publishes the assignment and waits for its case; returns the case id. */
    static String open(KafkaTestClient kafka, ProposalAssigned assignment) {
        kafka.publish(KafkaTestClient.topic(Topics.ASSIGNMENT_EVENTS), envelope(assignment));
        String query = "/api/v1/cases?proposalId=" + assignment.proposalId() + "&unitId=" + assignment.unitId();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("admin").get(query).then().statusCode(200).body("total", equalTo(1)));
        return as("admin").get(query).then().extract().path("items[0].id");
    }

    /** Publishes the unit's responsibility chain and waits until the case knows it. */
    static void nameChain(KafkaTestClient kafka, ProposalAssigned assignment, String caseId, String divisionHeadId,
                          String handlerId) {
        kafka.publish(KafkaTestClient.topic(Topics.ASSIGNMENT_EVENTS), envelope(new ResponsibilityAssigned(
                assignment.assignmentId(), assignment.proposalId(), assignment.unitId(), "division", "处室",
                null, null, new ResponsibilityAssigned.Person(divisionHeadId, "处长"),
                new ResponsibilityAssigned.Person(handlerId, "承办人"), OffsetDateTime.now())));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("admin").get("/api/v1/cases/" + caseId).then()
                .statusCode(200).body("responsibility.handler.id", equalTo(handlerId)));
    }

    static ValidatableResponse submit(String person, String caseId, String body) {
        return as(person).contentType(ContentType.JSON).body(body).post("/api/v1/cases/" + caseId + "/opinion").then();
    }

    static ValidatableResponse waive(String person, String caseId, String body) {
        return as(person).contentType(ContentType.JSON).body(body).post("/api/v1/cases/" + caseId + "/opinions/waivers").then();
    }

    static String opinionJson(String text) {
        return "{\"text\":\"" + text + "\",\"suggestions\":[\"设立专项资金\",\"建立联席会议制度\"]}";
    }

    @Test
    void theLeadUnitSeesItsCoHandlersOpinionsPendingSubmittedAndWaived() {
        UUID proposalId = UUID.randomUUID();
        String otherUnit = "unit-" + UUID.randomUUID().toString().substring(0, 8);
        ProposalAssigned drcAssignment = assignment(proposalId, "drc", "市发展和改革委员会", HandlingType.CO_HANDLING, "miit");
        String leadCase;
        String drcCase;
        String otherCase;
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            // a co-handler's case may open before the lead's
            drcCase = open(kafka, drcAssignment);
            leadCase = open(kafka, assignment(proposalId, "miit", "市工业和信息化局", HandlingType.LEAD, null));
            otherCase = open(kafka, assignment(proposalId, otherUnit, "市生态环境局", HandlingType.CO_HANDLING, "miit"));

            as("office-miit").get("/api/v1/cases/" + leadCase + "/opinions").then()
                    .statusCode(200)
                    .body("size()", equalTo(2))
                    .body("state", equalTo(List.of("PENDING", "PENDING")))
                    .body("find { it.unitId == 'drc' }.caseId", equalTo(drcCase))
                    .body("find { it.unitId == 'drc' }.unitName", equalTo("市发展和改革委员会"))
                    .body("find { it.unitId == 'drc' }.opinionId", nullValue())
                    .body("find { it.unitId == 'drc' }.dueDate", equalTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(1).toString()));

            // the co-handler submits from its own case
            String opinionId = submit("handler-drc-industry", drcCase, opinionJson(OPINION))
                    .statusCode(201)
                    .header("Location", matchesPattern(".*/api/v1/cases/" + drcCase + "/opinions/[0-9a-f-]{36}"))
                    .body("state", equalTo("SUBMITTED"))
                    .body("text", equalTo(OPINION))
                    .body("suggestions", equalTo(List.of("设立专项资金", "建立联席会议制度")))
                    .body("submittedBy.id", equalTo("handler-drc-industry"))
                    .extract().path("opinionId");
            as("office-drc").get("/api/v1/cases/" + drcCase).then().body("status", equalTo("OPINION_SUBMITTED"));
            as("office-drc").get("/api/v1/cases/" + drcCase + "/opinions").then()
                    .statusCode(200).body("size()", equalTo(1)).body("[0].opinionId", equalTo(opinionId));

            List<ConsumerRecord<String, String>> read = kafka.readUntil(KafkaTestClient.topic(Topics.REPLY_EVENTS),
                    r -> drcCase.equals(r.key()) && "CoHandlingOpinionSubmitted".equals(KafkaTestClient.header(r, Topics.HEADER_EVENT_TYPE)),
                    Duration.ofSeconds(30));
            EventEnvelope published = EventCodec.fromJson(read.get(read.size() - 1).value());
            CoHandlingOpinionSubmitted submitted = assertInstanceOf(CoHandlingOpinionSubmitted.class, EventCodec.payloadOf(published));
            assertEquals(UUID.fromString(opinionId), submitted.opinionId());
            assertEquals(UUID.fromString(drcCase), submitted.caseId());
            assertEquals(drcAssignment.assignmentId(), submitted.assignmentId());
            assertEquals(proposalId, submitted.proposalId());
            assertEquals("drc", submitted.unitId());
            assertEquals("miit", submitted.leadUnitId());
            assertEquals("handler-drc-industry", published.actor().id());
        }

        as("leader-miit").get("/api/v1/cases/" + leadCase + "/opinions").then()
                .statusCode(200)
                .body("find { it.unitId == 'drc' }.state", equalTo("SUBMITTED"))
                .body("find { it.unitId == 'drc' }.text", equalTo(OPINION))
                .body("find { it.unitId == 'drc' }.submittedAt", notNullValue())
                .body("find { it.unitId == '" + otherUnit + "' }.state", equalTo("PENDING"));

        // a second opinion, or one on a case that is not co-handling, is refused
        submit("handler-drc-industry", drcCase, opinionJson("再次提交的意见")).statusCode(409).contentType(PROBLEM);
        submit("handler-miit-sme", leadCase, opinionJson(OPINION)).statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("co-handling"));

        // the lead's division head stops waiting for the other unit, with a reason
        waive("head-miit-sme", leadCase, "{\"unitId\":\"" + otherUnit + "\"}")
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("reason"));
        waive("head-miit-sme", leadCase, "{\"unitId\":\"" + otherUnit + "\",\"reason\":\"  \"}")
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("reason"));
        String waiverId = waive("head-miit-sme", leadCase, "{\"unitId\":\"" + otherUnit + "\",\"reason\":\"该单位职能调整，不再会办\"}")
                .statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/cases/" + leadCase + "/opinions/[0-9a-f-]{36}"))
                .body("state", equalTo("WAIVED"))
                .body("caseId", equalTo(otherCase))
                .body("waiverReason", equalTo("该单位职能调整，不再会办"))
                .body("waivedBy.id", equalTo("head-miit-sme"))
                .extract().path("opinionId");
        as("office-miit").get("/api/v1/cases/" + leadCase + "/opinions").then()
                .body("find { it.unitId == '" + otherUnit + "' }.state", equalTo("WAIVED"))
                .body("find { it.unitId == '" + otherUnit + "' }.waivedAt", notNullValue());
        as("office-miit").get("/api/v1/cases/" + leadCase + "/opinions/" + waiverId).then()
                .statusCode(200).body("state", equalTo("WAIVED"));
        // nothing left to waive: in already, waived already, or not a co-handler of this proposal
        waive("head-miit-sme", leadCase, "{\"unitId\":\"drc\",\"reason\":\"不再等待\"}").statusCode(409).contentType(PROBLEM);
        waive("head-miit-sme", leadCase, "{\"unitId\":\"" + otherUnit + "\",\"reason\":\"不再等待\"}").statusCode(409);
        waive("head-miit-sme", leadCase, "{\"unitId\":\"no-such-unit\",\"reason\":\"不再等待\"}").statusCode(409);

        // another unit's cases do not exist for you; proposers never see opinions
        submit("handler-miit-sme", drcCase, opinionJson(OPINION)).statusCode(404).contentType(PROBLEM);
        as("office-drc").get("/api/v1/cases/" + leadCase + "/opinions").then().statusCode(404);
        as("office-miit").get("/api/v1/cases/" + drcCase + "/opinions").then().statusCode(404);
        waive("head-drc-industry", leadCase, "{\"unitId\":\"drc\",\"reason\":\"不再等待\"}").statusCode(404);
        as("member-zhang").get("/api/v1/cases/" + leadCase + "/opinions").then().statusCode(403).contentType(PROBLEM);
        as("member-zhang").contentType(ContentType.JSON).body(opinionJson(OPINION))
                .post("/api/v1/cases/" + drcCase + "/opinion").then().statusCode(403);
        given().get("/api/v1/cases/" + leadCase + "/opinions").then().statusCode(401);
        // overseers see everything
        as("committee-wang").get("/api/v1/cases/" + leadCase + "/opinions").then().statusCode(200).body("size()", equalTo(2));
        as("supervision-system").get("/api/v1/cases/" + drcCase + "/opinions/" + submittedId(drcCase)).then().statusCode(200);

        // every change is on record
        List<Map<String, Object>> records = auditRecords("proposalId=" + proposalId + "&recordType=CoHandlingOpinion");
        assertEquals(List.of("CoHandlingOpinionWaived:" + waiverId, "CoHandlingOpinionSubmitted:" + submittedId(drcCase)),
                records.stream().map(r -> r.get("action") + ":" + r.get("recordId")).toList());
        assertEquals(OPINION, CaseLifecycleTest.changes(records.get(1)).get("text").get("after"));
        Map<String, Object> caseRecord = auditRecords("recordType=HandlingCase&recordId=" + drcCase).get(0);
        assertEquals("CoHandlingOpinionSubmitted", caseRecord.get("action"));
        assertEquals(Map.of("status", Map.of("before", "OPEN", "after", "OPINION_SUBMITTED")), caseRecord.get("changes"));
    }

    @Test
    void onlyCoHandlingCasesSubmitAndOnlyLeadCasesListCoHandlers() {
        UUID proposalId = UUID.randomUUID();
        String soleCase;
        String splitCase;
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            soleCase = open(kafka, assignment(proposalId, "miit", "市工业和信息化局", HandlingType.SOLE, null));
            splitCase = open(kafka, assignment(proposalId, "drc", "市发展和改革委员会", HandlingType.SPLIT, null));
        }
        submit("handler-miit-sme", soleCase, opinionJson(OPINION)).statusCode(409).contentType(PROBLEM);
        as("office-miit").get("/api/v1/cases/" + soleCase + "/opinions").then().statusCode(200).body("size()", equalTo(0));
        as("office-drc").get("/api/v1/cases/" + splitCase + "/opinions").then().statusCode(200).body("size()", equalTo(0));
        waive("head-miit-sme", soleCase, "{\"unitId\":\"drc\",\"reason\":\"不再等待\"}").statusCode(409).contentType(PROBLEM);
        // bad bodies name their field
        submit("handler-miit-sme", soleCase, "{\"text\":\" \"}").statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("text"));
        submit("handler-miit-sme", soleCase, "{\"text\":\"" + "很".repeat(20_001) + "\"}").statusCode(400)
                .body("errors.field", hasItem("text"));
        submit("handler-miit-sme", soleCase, "{\"text\":\"意见\",\"suggestions\":[\"\"]}").statusCode(400)
                .body("errors.field", hasItem("suggestions[0]"));
        as("office-miit").get("/api/v1/cases/" + soleCase).then().body("status", equalTo("OPEN"));
    }

    @Test
    void onceTheChainIsRecordedOnlyTheNamedHandlerSubmitsAndOnlyTheNamedHeadWaives() {
        UUID proposalId = UUID.randomUUID();
        ProposalAssigned drcAssignment = assignment(proposalId, "drc", "市发展和改革委员会", HandlingType.CO_HANDLING, "miit");
        ProposalAssigned leadAssignment = assignment(proposalId, "miit", "市工业和信息化局", HandlingType.LEAD, null);
        String drcCase;
        String leadCase;
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            drcCase = open(kafka, drcAssignment);
            leadCase = open(kafka, leadAssignment);
            nameChain(kafka, drcAssignment, drcCase, "head-drc-industry", "handler-drc-second");
            nameChain(kafka, leadAssignment, leadCase, "head-miit-other", "handler-miit-sme");
        }
        // another handler of the unit than the one named: 403, and nothing changes
        submit("handler-drc-industry", drcCase, opinionJson(OPINION)).statusCode(403).contentType(PROBLEM)
                .body("detail", containsString("named handler"));
        as("office-drc").get("/api/v1/cases/" + drcCase + "/opinions").then().body("[0].state", equalTo("PENDING"));
        // another division head of the lead unit than the one named: 403
        waive("head-miit-sme", leadCase, "{\"unitId\":\"drc\",\"reason\":\"不再等待\"}").statusCode(403).contentType(PROBLEM)
                .body("detail", containsString("named division head"));

        String named = TestIdentity.token(DevIdentity.Person.of("handler-drc-second", "钱承办", "drc", "HANDLER"));
        given().auth().oauth2(named).contentType(ContentType.JSON).body(opinionJson(OPINION))
                .post("/api/v1/cases/" + drcCase + "/opinion").then().statusCode(201).body("submittedBy.id", equalTo("handler-drc-second"));
        as("head-miit-sme").get("/api/v1/cases/" + leadCase + "/opinions").then().body("[0].state", equalTo("SUBMITTED"));
    }

    private static String submittedId(String caseId) {
        return as("admin").get("/api/v1/cases/" + caseId + "/opinions").then().extract().path("[0].opinionId");
    }
}
