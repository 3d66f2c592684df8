package org.proposals.reply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.proposals.events.HandlingType;
import org.proposals.events.Topics;
import org.proposals.events.assignment.ProposalAssigned;
import org.proposals.events.assignment.ProposalSupervised;
import org.proposals.events.assignment.ResponsibilityAssigned;
import org.proposals.infra.KafkaTestClient;
import org.proposals.infra.MovableClock;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.proposals.reply.CaseLifecycleTest.as;
import static org.proposals.reply.CaseLifecycleTest.envelope;

/**
 * Drives a case through the reply flow over the public API, as the people of the demo unit miit would: the chain
 * is 刘局长 (leader-miit) → 赵副局长 (deputy-miit) → 孙处长 (head-miit-sme) → 周承办 (handler-miit-sme).
 */
final class ReplyFlow {

    static final String PROBLEM = "application/problem+json";

    /** A reply that says what was done, long and substantial enough for the default quality rules. */
    static final String REPLY_TEXT = "关于您提出的创新产业集群服务模式的建议，我局已将产业集群培育纳入年度重点工作计划。"
            + "一是出台重点产业链集群行动方案十一个，建立重点产业链链长制，由市领导牵头协调解决企业用地、用工和融资问题；"
            + "二是设立产业集群发展专项资金，对集群公共服务平台建设给予补助，今年已支持检验检测、工业设计等平台八个；"
            + "三是组织开展产业链供需对接活动十二场，促成本地配套合同四十余项；"
            + "四是通过走访调研、座谈交流多次听取委员意见，并将持续跟踪落实情况，及时向您通报进展。";

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private ReplyFlow() {
    }

    /** Today in the city, which is what the service's dates are counted in (UTC may still be on yesterday). */
    static LocalDate today() {
        return LocalDate.now(MovableClock.CITY);
    }

    static ProposalAssigned assigned(HandlingType type) {
        return CaseLifecycleTest.assigned(UUID.randomUUID(), type);
    }

    /** Opens the case of {@code assignment}, with its responsibility chain recorded; returns the case id. */
    static String openWithChain(KafkaTestClient kafka, ProposalAssigned assignment) {
        String caseId = CaseLifecycleTest.openCase(kafka, assignment);
        recordChain(kafka, assignment, caseId);
        return caseId;
    }

    static void recordChain(KafkaTestClient kafka, ProposalAssigned assignment, String caseId) {
        kafka.publish(KafkaTestClient.topic(Topics.ASSIGNMENT_EVENTS), envelope(new ResponsibilityAssigned(
                assignment.assignmentId(), assignment.proposalId(), assignment.unitId(), "miit-sme", "中小企业服务处",
                new ResponsibilityAssigned.Person("leader-miit", "刘局长"), new ResponsibilityAssigned.Person("deputy-miit", "赵副局长"),
                new ResponsibilityAssigned.Person("head-miit-sme", "孙处长"), new ResponsibilityAssigned.Person("handler-miit-sme", "周承办"),
                OffsetDateTime.now())));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("office-miit").get("/api/v1/cases/" + caseId).then()
                .body("responsibility.handler.id", equalTo("handler-miit-sme")));
    }

    static void makeKey(KafkaTestClient kafka, UUID proposalId, String caseId) {
        kafka.publish(KafkaTestClient.topic(Topics.ASSIGNMENT_EVENTS),
                envelope(new ProposalSupervised(proposalId, "市领导", "重点督办", OffsetDateTime.now(), null)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("office-miit").get("/api/v1/cases/" + caseId).then()
                .body("keyProposal", equalTo(true)));
    }

    /** The handler logs a contact with the proposer; returns its id. */
    static String contact(String caseId, String channel) {
        return as("handler-miit-sme").contentType(ContentType.JSON).body(json(Map.of(
                        "channel", channel,
                        "contactedAt", OffsetDateTime.now().minusHours(1).toString(),
                        "participants", List.of("周承办", "张委员"),
                        "summary", "当面听取委员对产业集群服务模式的意见，介绍我局已采取的措施")))
                .post("/api/v1/cases/" + caseId + "/contacts").then().statusCode(201).extract().path("id");
    }

    /** A reply body: category, text, the points it answers and measures; reflected opinions by id. */
    static Map<String, Object> reply(String category, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("resultCategory", category);
        body.put("text", text);
        body.put("answers", List.of("创新产业集群服务模式"));
        if ("A".equals(category)) {
            body.put("measuresTaken", List.of(Map.of("description", "出台重点产业链集群行动方案")));
        }
        if ("B".equals(category) || "C".equals(category)) {
            body.put("measuresPromised", List.of(Map.of("description", "建成产业集群公共服务平台", "dueDate",
                    today().plusMonths(6).toString())));
        }
        return body;
    }

    static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ValidatableResponse draft(String caseId, Object body) {
        return as("handler-miit-sme").contentType(ContentType.JSON).body(body instanceof String s ? s : json(body))
                .post("/api/v1/cases/" + caseId + "/replies").then();
    }

    static String drafted(String caseId, Object body) {
        return draft(caseId, body).statusCode(201).extract().path("id");
    }

    static ValidatableResponse revise(String caseId, String replyId, Object body) {
        String etag = as("handler-miit-sme").get(path(caseId, replyId)).then().statusCode(200).extract().header("ETag");
        return as("handler-miit-sme").contentType(ContentType.JSON).header("If-Match", etag).body(json(body))
                .put(path(caseId, replyId)).then();
    }

    static ValidatableResponse submit(String caseId, String replyId) {
        return as("handler-miit-sme").post(path(caseId, replyId) + "/submission").then();
    }

    static ValidatableResponse review(String person, String caseId, String replyId, Map<String, Object> decision) {
        return as(person).contentType(ContentType.JSON).body(json(decision)).post(path(caseId, replyId) + "/reviews").then();
    }

    static Map<String, Object> approveAt(String disclosure) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", "APPROVE");
        if (disclosure != null) {
            body.put("disclosure", disclosure);
        }
        return body;
    }

    static Map<String, Object> returnWith(String comments) {
        return Map.of("decision", "RETURN", "comments", comments);
    }

    static ValidatableResponse consult(String caseId, String replyId) {
        return as("handler-miit-sme").post(path(caseId, replyId) + "/consultation").then();
    }

    static ValidatableResponse answer(String person, String caseId, String replyId, Map<String, Object> answer) {
        return as(person).contentType(ContentType.JSON).body(json(answer)).post(path(caseId, replyId) + "/consultation/answer").then();
    }

    static ValidatableResponse approve(String person, String caseId, String replyId) {
        return as(person).post(path(caseId, replyId) + "/approval").then();
    }

    static ValidatableResponse deliver(String person, String caseId, String replyId, LocalDate on, String channel) {
        return as(person).contentType(ContentType.JSON).body(json(Map.of("deliveredOn", on.toString(), "channel", channel)))
                .post(path(caseId, replyId) + "/delivery").then();
    }

    /**
     * Takes a reply of a ready case (chain recorded, proposer contacted) from draft to formal: reviewed by the
     * division head and the deputy head (and the bureau head when key), consulted, agreed and signed.
     */
    static String toFormal(String caseId, Map<String, Object> body, boolean key) {
        String replyId = drafted(caseId, body);
        submit(caseId, replyId).statusCode(200);
        review("head-miit-sme", caseId, replyId, approveAt(null)).statusCode(200);
        review("deputy-miit", caseId, replyId, approveAt(key ? null : "FULL")).statusCode(200);
        if (key) {
            review("leader-miit", caseId, replyId, approveAt("FULL")).statusCode(200);
        }
        consult(caseId, replyId).statusCode(200);
        answer("member-zhang", caseId, replyId, Map.of("agrees", true)).statusCode(200);
        approve(key ? "leader-miit" : "deputy-miit", caseId, replyId).statusCode(200).body("approvedAt", notNullValue());
        return replyId;
    }

    static String path(String caseId, String replyId) {
        return "/api/v1/cases/" + caseId + "/replies/" + replyId;
    }
}
