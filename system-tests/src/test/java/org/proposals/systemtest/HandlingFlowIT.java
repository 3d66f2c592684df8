package org.proposals.systemtest;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.proposals.infra.KafkaTestClient;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One proposal through all four services, only through their public REST APIs: registered, assigned
 * to a lead and a co-handling unit, replied by the lead, rated by the proposer, and counted.
 */
class HandlingFlowIT {

    private static PlatformProcesses platform;

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = new PlatformProcesses().start();
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    /** The trace ids in the traceparent headers of the first {@code count} events of a type about a proposal. */
    private static List<String> traceIdsOf(String topic, String type, String proposalId, int count) {
        java.util.function.Predicate<ConsumerRecord<String, String>> about = r ->
                type.equals(KafkaTestClient.header(r, "event-type")) && r.value().contains(proposalId);
        AtomicInteger seen = new AtomicInteger();
        try (KafkaTestClient kafka = new KafkaTestClient(System.getProperty("test.kafka.servers", "127.0.0.1:29092"))) {
            return kafka.readUntil(platform.topicPrefix() + topic, r -> about.test(r) && seen.incrementAndGet() == count,
                            Duration.ofSeconds(60))
                    .stream().filter(about)
                    .map(r -> KafkaTestClient.header(r, "traceparent"))
                    .map(traceparent -> traceparent == null ? null : traceparent.split("-")[1])
                    .toList();
        }
    }

    /** A request with the bearer token of one of the demo people. */
    private static RequestSpecification as(String person) {
        return given().auth().oauth2(platform.tokenFor(person));
    }

    @Test
    void aProposalIsRegisteredAssignedRepliedRatedAndCounted() {
        String proposals = platform.url("proposal-service");
        String assignments = platform.url("assignment-service");
        String replies = platform.url("reply-service");
        String evaluation = platform.url("evaluation-service");

        // 1. the committee opens the session, registers the proposal and files it
        String sessionId = as("committee-wang").contentType(ContentType.JSON).body("""
                        {"kind":"PROPOSAL","term":7,"sessionNumber":2,"year":2022,"name":"政协第七届委员会第二次会议",
                         "plenaryStart":"2022-01-10","plenaryEnd":"2022-01-14","numberFormat":"{year}{seq:4}"}""")
                .post(proposals + "/api/v1/sessions").then().statusCode(201).extract().path("id");
        // the committee's frontend traces its requests: the proposal's trace starts with its registration
        String proposalTrace = UUID.randomUUID().toString().replace("-", "");
        String proposalId = as("committee-wang").contentType(ContentType.JSON)
                .header("traceparent", "00-" + proposalTrace + "-" + proposalTrace.substring(16) + "-00").body("""
                        {"sessionId":"%s","title":"关于确保经济稳增长，创新产业集群服务模式的提案",
                         "content":"建议优先发展产业集群，创新产业集群服务模式。",
                         "proposer":{"id":"member-zhang","name":"张委员","sector":"经济界"},
                         "topics":["INDUSTRY_CLUSTERS"],"submittedOn":"2022-01-12"}""".formatted(sessionId))
                .post(proposals + "/api/v1/proposals").then().statusCode(201)
                .body("number", equalTo("20220001"))
                .body("source", equalTo("PLENARY"))
                .extract().path("id");
        as("committee-wang").post(proposals + "/api/v1/proposals/" + proposalId + "/filing").then().statusCode(200)
                .body("status", equalTo("FILED"));

        // 2. once assignment-service has heard of it, the committee assigns it to a lead and a co-handling unit
        String assignmentBody = """
                {"proposalId":"%s","units":[
                  {"unitId":"miit","unitName":"市工业和信息化局","handlingType":"LEAD"},
                  {"unitId":"drc","unitName":"市发展和改革委员会","handlingType":"CO_HANDLING"}]}""".formatted(proposalId);
        // the assignment is a request of its own, in a trace of its own
        String traceId = UUID.randomUUID().toString().replace("-", "");
        await().atMost(Duration.ofSeconds(60)).until(() -> as("committee-wang").contentType(ContentType.JSON).body(assignmentBody)
                .header("traceparent", "00-" + traceId + "-" + traceId.substring(16) + "-00")
                .post(assignments + "/api/v1/assignments").statusCode() == 201);
        as("committee-wang").get(assignments + "/api/v1/assignments?proposalId=" + proposalId).then()
                .statusCode(200).body("total", equalTo(2));
        // assignment-service → ProposalAssigned → reply-service opens the cases → CaseOpened: all in the proposal's
        // trace, which the assignment request's trace is linked to
        assertEquals(List.of(proposalTrace, proposalTrace), traceIdsOf("assignment.events", "ProposalAssigned", proposalId, 2));
        assertEquals(List.of(proposalTrace, proposalTrace), traceIdsOf("reply.events", "CaseOpened", proposalId, 2));

        // 3. reply-service opened a case per assignment; the bureau's office names who answers for it
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("committee-wang").get(replies + "/api/v1/cases?proposalId=" + proposalId)
                .then().statusCode(200).body("total", equalTo(2)));
        List<Map<String, Object>> cases = as("committee-wang").get(replies + "/api/v1/cases?proposalId=" + proposalId)
                .then().extract().path("items");
        String leadCase = (String) cases.stream().filter(c -> "LEAD".equals(c.get("handlingType"))).findFirst().orElseThrow().get("id");
        String coCase = (String) cases.stream().filter(c -> "CO_HANDLING".equals(c.get("handlingType"))).findFirst().orElseThrow().get("id");
        String leadAssignment = as("office-miit").get(assignments + "/api/v1/assignments?proposalId=" + proposalId)
                .then().statusCode(200).extract().path("items[0].id");
        as("office-miit").contentType(ContentType.JSON).body("""
                        {"divisionId":"miit-sme","bureauHeadId":"leader-miit","deputyHeadId":"deputy-miit",
                         "divisionHeadId":"head-miit-sme","handlerId":"handler-miit-sme"}""")
                .put(assignments + "/api/v1/assignments/" + leadAssignment + "/responsibility").then().statusCode(200);

        // the co-handling unit sends its opinion to the lead unit; it never replies to the proposer
        as("handler-drc-industry").contentType(ContentType.JSON).body("{\"resultCategory\":\"A\",\"text\":\"我委同意。\"}")
                .post(replies + "/api/v1/cases/" + coCase + "/replies").then().statusCode(409);
        String opinionId = as("handler-drc-industry").contentType(ContentType.JSON)
                .body("{\"text\":\"建议将产业集群用能保障纳入行动计划，我委在重点项目审批中给予支持。\"}")
                .post(replies + "/api/v1/cases/" + coCase + "/opinion").then().statusCode(201).extract().path("opinionId");
        // the handler meets the proposer
        as("handler-miit-sme").contentType(ContentType.JSON).body("""
                        {"channel":"FACE_TO_FACE","contactedAt":"%s","participants":["周承办","张委员"],
                         "summary":"当面听取委员对产业集群服务模式的意见"}""".formatted(OffsetDateTime.now().minusHours(2)))
                .post(replies + "/api/v1/cases/" + leadCase + "/contacts").then().statusCode(201);

        // the unit asks from its case for a later deadline; the committee grants it in assignment-service
        String due = as("office-miit").get(replies + "/api/v1/cases/" + leadCase).then().extract().path("replyDueDate");
        String later = LocalDate.parse(due).plusMonths(1).toString();
        String extension = as("handler-miit-sme").contentType(ContentType.JSON)
                .body("{\"reason\":\"需会同多个部门开展专题调研\",\"requestedDue\":\"%s\"}".formatted(later))
                .post(replies + "/api/v1/cases/" + leadCase + "/extension-requests").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("committee-wang").get(assignments + "/api/v1/extension-requests/" + extension)
                .then().statusCode(200).body("status", equalTo("PENDING")));
        as("committee-wang").contentType(ContentType.JSON).body("{\"note\":\"同意延期\"}")
                .post(assignments + "/api/v1/extension-requests/" + extension + "/approval").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("office-miit").get(replies + "/api/v1/cases/" + leadCase)
                .then().body("replyDueDate", equalTo(later)));

        // 4. the handler drafts the reply reflecting the opinion; it goes up the chain, to the proposer, and is signed
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("office-miit").get(replies + "/api/v1/cases/" + leadCase)
                .then().body("responsibility.deputyHead.id", equalTo("deputy-miit")));
        String replyText = "我局认真研究，充分采纳，牵头制定印发网络与通信、智能终端、智能机器人、新能源汽车、生物医药等11个产业集群行动计划，"
                + "建立重点产业链链长制，由市领导牵头协调解决集群企业用地、用工和融资问题；设立产业集群发展专项资金，"
                + "对检验检测、工业设计等公共服务平台建设给予补助；组织产业链供需对接活动十二场，促成本地配套合同四十余项。"
                + "市发展改革委意见已吸收：将集群用能保障纳入行动计划，在重点项目审批中给予支持。我局将持续跟踪落实，及时向委员通报进展。";
        String replyId = as("handler-miit-sme").contentType(ContentType.JSON).body("""
                        {"resultCategory":"A","text":"%s","answers":["创新产业集群服务模式"],
                         "measuresTaken":[{"description":"印发11个产业集群行动计划"}],"reflectedOpinions":["%s"]}"""
                        .formatted(replyText, opinionId))
                .post(replies + "/api/v1/cases/" + leadCase + "/replies").then().statusCode(201).extract().path("id");
        String reply = replies + "/api/v1/cases/" + leadCase + "/replies/" + replyId;
        as("handler-miit-sme").post(reply + "/submission").then().statusCode(200);
        as("head-miit-sme").contentType(ContentType.JSON).body("{\"decision\":\"APPROVE\"}").post(reply + "/reviews").then().statusCode(200);
        as("deputy-miit").contentType(ContentType.JSON).body("{\"decision\":\"APPROVE\",\"disclosure\":\"FULL\"}")
                .post(reply + "/reviews").then().statusCode(200).body("status", equalTo("REVIEWED"));
        as("handler-miit-sme").post(reply + "/consultation").then().statusCode(200);
        as("member-zhang").contentType(ContentType.JSON).body("{\"agrees\":true}").post(reply + "/consultation/answer").then().statusCode(200);
        as("deputy-miit").post(reply + "/approval").then().statusCode(200);
        as("office-miit").contentType(ContentType.JSON).body("{\"deliveredOn\":\"%s\",\"channel\":\"POST\"}".formatted(LocalDate.now(ZoneId.of("Asia/Shanghai"))))
                .post(reply + "/delivery").then().statusCode(200).body("status", equalTo("DELIVERED"));

        // assignment-service's clocks stopped on what the units did
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("committee-wang").get(assignments + "/api/v1/assignments/" + leadAssignment)
                .then().body("repliedAt", notNullValue()).body("firstContactAt", notNullValue()));

        // 5. proposal-service shows the proposal as replied
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("committee-wang").get(proposals + "/api/v1/proposals/" + proposalId)
                .then().body("status", equalTo("REPLIED")));

        // 6. the proposer rates the reply once evaluation-service knows of it
        await().atMost(Duration.ofSeconds(60)).until(() -> as("member-zhang").contentType(ContentType.JSON)
                .body("{\"rating\":\"SATISFIED\",\"comment\":\"答复认真，措施具体\"}")
                .post(evaluation + "/api/v1/replies/" + replyId + "/satisfaction").statusCode() == 201);
        // weeks later in real life, a request of the proposer's own: the rating's event is in the proposal's trace
        assertEquals(List.of(proposalTrace), traceIdsOf("evaluation.events", "SatisfactionRecorded", proposalId, 1));

        Response lead = as("committee-wang").get(evaluation + "/api/v1/statistics?unitId=miit");
        lead.then().statusCode(200)
                .body("byHandlingType.LEAD", equalTo(1))
                .body("needingReply", equalTo(1))
                .body("replied", equalTo(1))
                .body("ratings.SATISFIED", equalTo(1))
                .body("satisfactionRate", equalTo(1.0f));
        as("committee-wang").get(evaluation + "/api/v1/statistics?unitId=drc").then()
                .body("byHandlingType.CO_HANDLING", equalTo(1))
                .body("needingReply", equalTo(0));

        // the rating reaches proposal-service too, and the committee closes the proposal
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("committee-wang").get(proposals + "/api/v1/proposals/" + proposalId)
                .then().body("status", equalTo("EVALUATED")));
        as("committee-wang").post(proposals + "/api/v1/proposals/" + proposalId + "/closure").then().statusCode(200)
                .body("status", equalTo("CLOSED"));

        // 7. its timeline holds every service's events about it, in order, each naming whose action caused it
        List<Map<String, Object>> timeline = as("member-zhang").get(proposals + "/api/v1/proposals/" + proposalId + "/timeline")
                .then().statusCode(200).extract().path("$");
        List<String> types = timeline.stream().map(e -> (String) e.get("type")).toList();
        assertEquals(List.of("ProposalSubmitted", "ProposalFiled", "ProposalAssigned", "ProposalAssigned", "CaseOpened", "CaseOpened",
                "ResponsibilityAssigned", "CoHandlingOpinionSubmitted", "ContactRecorded", "ReplyExtensionRequested", "ExtensionRequested",
                "ExtensionGranted", "ReplySubmittedForReview", "ReplyApproved",
                "ReplyDelivered", "SatisfactionRecorded", "ProposalClosed"), types);
        assertEquals(List.of("proposal", "proposal", "assignment", "assignment", "reply", "reply", "assignment", "reply", "reply", "reply",
                "assignment", "assignment", "reply", "reply", "reply", "evaluation", "proposal"),
                timeline.stream().map(e -> e.get("source")).toList());
        // each step names the person whose job it was
        assertEquals(List.of("committee-wang", "committee-wang", "committee-wang", "committee-wang", "committee-wang", "committee-wang",
                "office-miit", "handler-drc-industry", "handler-miit-sme", "handler-miit-sme", "handler-miit-sme", "committee-wang",
                "handler-miit-sme", "deputy-miit", "office-miit",
                "member-zhang", "committee-wang"), timeline.stream().map(e -> ((Map<?, ?>) e.get("actor")).get("id")).toList());
    }

    @Test
    void anUnsatisfiedProposerGetsTheUnitsHandlingReopenedAndRatesTheSecondRound() {
        String proposals = platform.url("proposal-service");
        String assignments = platform.url("assignment-service");
        String replies = platform.url("reply-service");
        String evaluation = platform.url("evaluation-service");

        String sessionId = as("committee-wang").contentType(ContentType.JSON).body("""
                        {"kind":"PROPOSAL","term":7,"sessionNumber":3,"year":2023,"name":"政协第七届委员会第三次会议",
                         "plenaryStart":"2023-01-09","plenaryEnd":"2023-01-13","numberFormat":"{year}{seq:4}"}""")
                .post(proposals + "/api/v1/sessions").then().statusCode(201).extract().path("id");
        String proposalId = as("committee-wang").contentType(ContentType.JSON).body("""
                        {"sessionId":"%s","title":"关于加快培育专精特新中小企业的提案","content":"建议设立专精特新企业培育专项资金。",
                         "proposer":{"id":"member-li","name":"李委员"},"topics":["SME"],"submittedOn":"2023-01-11"}"""
                        .formatted(sessionId))
                .post(proposals + "/api/v1/proposals").then().statusCode(201).extract().path("id");
        as("committee-wang").post(proposals + "/api/v1/proposals/" + proposalId + "/filing").then().statusCode(200);
        String assignmentBody = """
                {"proposalId":"%s","units":[{"unitId":"miit","handlingType":"SOLE"}]}""".formatted(proposalId);
        await().atMost(Duration.ofSeconds(60)).until(() -> as("committee-wang").contentType(ContentType.JSON).body(assignmentBody)
                .post(assignments + "/api/v1/assignments").statusCode() == 201);
        String assignmentId = as("committee-wang").get(assignments + "/api/v1/assignments?proposalId=" + proposalId)
                .then().extract().path("items[0].id");
        as("office-miit").contentType(ContentType.JSON).body(CHAIN)
                .put(assignments + "/api/v1/assignments/" + assignmentId + "/responsibility").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("committee-wang").get(replies + "/api/v1/cases?proposalId=" + proposalId)
                .then().body("items[0].responsibility.handler.id", equalTo("handler-miit-sme")));
        String caseId = as("committee-wang").get(replies + "/api/v1/cases?proposalId=" + proposalId).then().extract().path("items[0].id");
        as("handler-miit-sme").contentType(ContentType.JSON).body("""
                        {"channel":"PHONE","contactedAt":"%s","participants":["周承办","李委员"],"summary":"电话沟通办理思路"}"""
                        .formatted(OffsetDateTime.now().minusHours(2)))
                .post(replies + "/api/v1/cases/" + caseId + "/contacts").then().statusCode(201);

        // round 1: a reply the proposer finds wanting
        String first = formalReply(replies, caseId, "C", "member-li");
        await().atMost(Duration.ofSeconds(60)).until(() -> as("member-li").contentType(ContentType.JSON)
                .body("{\"rating\":\"UNSATISFIED\",\"comment\":\"资金支持未落实\"}")
                .post(evaluation + "/api/v1/replies/" + first + "/satisfaction").statusCode() == 201);

        // RehandlingRequested → proposal-service reopens it for the unit → the assignment and the case start round 2
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("committee-wang").get(proposals + "/api/v1/proposals/" + proposalId)
                .then().body("handlingRound", equalTo(2)));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("committee-wang").get(assignments + "/api/v1/assignments/" + assignmentId)
                .then().body("handlingRound", equalTo(2)).body("repliedAt", equalTo(null)));
        String rehandlingDue = as("committee-wang").get(assignments + "/api/v1/assignments/" + assignmentId).then()
                .extract().path("replyDue");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("office-miit").get(replies + "/api/v1/cases/" + caseId)
                .then().body("handlingRound", equalTo(2)).body("status", equalTo("OPEN")).body("replyDueDate", equalTo(rehandlingDue)));

        // round 2: the re-handling reply, rated again; both rounds' ratings are kept
        String second = formalReply(replies, caseId, "A", "member-li");
        as("office-miit").get(replies + "/api/v1/cases/" + caseId + "/replies/" + second).then()
                .body("purpose", equalTo("REHANDLING")).body("handlingRound", equalTo(2));
        await().atMost(Duration.ofSeconds(60)).until(() -> as("member-li").contentType(ContentType.JSON)
                .body("{\"rating\":\"SATISFIED\"}")
                .post(evaluation + "/api/v1/replies/" + second + "/satisfaction").statusCode() == 201);
        as("member-li").get(evaluation + "/api/v1/replies/" + first + "/satisfaction").then()
                .body("rating", equalTo("UNSATISFIED")).body("round", equalTo(1));
        as("member-li").get(evaluation + "/api/v1/replies/" + second + "/satisfaction").then()
                .body("rating", equalTo("SATISFIED")).body("round", equalTo(2));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("committee-wang").get(proposals + "/api/v1/proposals/" + proposalId)
                .then().body("status", equalTo("EVALUATED")));
    }

    private static final String CHAIN = """
            {"divisionId":"miit-sme","bureauHeadId":"leader-miit","deputyHeadId":"deputy-miit",
             "divisionHeadId":"head-miit-sme","handlerId":"handler-miit-sme"}""";

    /** A reply of the unit's case through the quality rules, the chain, the proposer's consultation, signature and delivery. */
    private static String formalReply(String replies, String caseId, String category, String proposer) {
        String promise = "B".equals(category) || "C".equals(category)
                ? ",\"measuresPromised\":[{\"description\":\"设立专精特新企业培育专项资金\",\"dueDate\":\""
                        + LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(6) + "\"}]"
                : ",\"measuresTaken\":[{\"description\":\"设立专精特新企业培育专项资金\"}]";
        String replyId = as("handler-miit-sme").contentType(ContentType.JSON).body("{\"resultCategory\":\"" + category + "\","
                        + "\"text\":\"" + SME_REPLY + "\",\"answers\":[\"专精特新企业培育\"]" + promise + "}")
                .post(replies + "/api/v1/cases/" + caseId + "/replies").then().statusCode(201).extract().path("id");
        String reply = replies + "/api/v1/cases/" + caseId + "/replies/" + replyId;
        as("handler-miit-sme").post(reply + "/submission").then().statusCode(200);
        as("head-miit-sme").contentType(ContentType.JSON).body("{\"decision\":\"APPROVE\"}").post(reply + "/reviews").then().statusCode(200);
        as("deputy-miit").contentType(ContentType.JSON).body("{\"decision\":\"APPROVE\",\"disclosure\":\"FULL\"}")
                .post(reply + "/reviews").then().statusCode(200);
        as("handler-miit-sme").post(reply + "/consultation").then().statusCode(200);
        as(proposer).contentType(ContentType.JSON).body("{\"agrees\":true}").post(reply + "/consultation/answer").then().statusCode(200);
        as("deputy-miit").post(reply + "/approval").then().statusCode(200);
        as("office-miit").contentType(ContentType.JSON).body("{\"deliveredOn\":\"%s\",\"channel\":\"POST\"}"
                        .formatted(LocalDate.now(ZoneId.of("Asia/Shanghai"))))
                .post(reply + "/delivery").then().statusCode(200);
        return replyId;
    }

    private static final String SME_REPLY = "我局高度重视专精特新中小企业培育工作，已印发《为专精特新企业办实事清单（第一批）》，"
            + "建立专精特新企业梯度培育库，入库企业二千余家；举办专精特新“小巨人”企业融通创新路演暨创新产品展示对接会三场，"
            + "促成合作项目四十余个；联合金融机构推出专精特新贷，为企业提供融资支持逾十亿元；开展万名干部助企行，"
            + "走访服务企业三千余家，协调解决用地、用工、融资等问题二百余项。下一步将继续跟踪落实，按季度向委员通报工作进展情况。";

    @Test
    void theApisAnswerNoOneWithoutAToken() {
        given().get(platform.url("proposal-service") + "/api/v1/proposals").then().statusCode(401);
        given().get(platform.url("assignment-service") + "/api/v1/assignments").then().statusCode(401);
        given().get(platform.url("reply-service") + "/api/v1/cases").then().statusCode(401);
        given().get(platform.url("evaluation-service") + "/api/v1/statistics").then().statusCode(401);
    }

    @Test
    void everyServiceReportsItsDatabaseAndKafkaAndDescribesItsApi() {
        for (String service : PlatformProcesses.SERVICES) {
            List<String> checks = given().get(platform.url(service) + "/q/health/ready").then()
                    .statusCode(200).body("status", equalTo("UP")).extract().path("checks.name");
            assertTrue(checks.stream().anyMatch(c -> c.toLowerCase().contains("database")), service + ": " + checks);
            assertTrue(checks.stream().anyMatch(c -> c.toLowerCase().contains("kafka")), service + ": " + checks);

            Response openapi = given().accept("application/json").get(platform.url(service) + "/q/openapi");
            assertEquals(200, openapi.statusCode(), service);
            Map<String, Map<String, Map<String, Object>>> paths = openapi.path("paths");
            assertTrue(paths.keySet().stream().allMatch(p -> p.startsWith("/api/v1/")), service + ": " + paths.keySet());
            openapi.then().body("components.schemas.keySet()", hasItems("Problem"));
            // every operation says how it fails, as problem+json
            paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
                String where = service + " " + method.toUpperCase() + " " + path;
                assertTrue(responses.keySet().stream().anyMatch(code -> code.startsWith("4")), where + " documents no 4xx");
                assertTrue(responses.containsKey("500"), where + " documents no 500");
                responses.forEach((code, response) -> {
                    if (code.startsWith("4") || code.startsWith("5")) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> content = (Map<String, Object>) response.get("content");
                        assertTrue(content != null && content.containsKey("application/problem+json"), where + " " + code);
                    }
                });
            }));
        }
        given().accept("application/json").get(platform.url("proposal-service") + "/q/openapi").then()
                .body("paths.keySet()", hasItem("/api/v1/proposals/{id}"));
    }
}
