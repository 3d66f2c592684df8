package org.proposals.systemtest;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
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
        String proposalId = as("committee-wang").contentType(ContentType.JSON).body("""
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
        await().atMost(Duration.ofSeconds(60)).until(() -> as("committee-wang").contentType(ContentType.JSON).body(assignmentBody)
                .post(assignments + "/api/v1/assignments").statusCode() == 201);
        as("committee-wang").get(assignments + "/api/v1/assignments?proposalId=" + proposalId).then()
                .statusCode(200).body("total", equalTo(2));

        // 3. reply-service opened a case per assignment; the lead unit replies and the reply is approved
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("committee-wang").get(replies + "/api/v1/cases?proposalId=" + proposalId)
                .then().statusCode(200).body("total", equalTo(2)));
        List<Map<String, Object>> cases = as("committee-wang").get(replies + "/api/v1/cases?proposalId=" + proposalId)
                .then().extract().path("items");
        String leadCase = (String) cases.stream().filter(c -> "LEAD".equals(c.get("handlingType"))).findFirst().orElseThrow().get("id");
        String coCase = (String) cases.stream().filter(c -> "CO_HANDLING".equals(c.get("handlingType"))).findFirst().orElseThrow().get("id");
        String replyText = "我局认真研究，充分采纳，牵头制定印发网络与通信、智能终端、智能机器人等11个产业集群行动计划，建立重点产业链链长制。";
        as("handler-drc-industry").contentType(ContentType.JSON).body("{\"resultCategory\":\"A\",\"text\":\"" + replyText + "\"}")
                .post(replies + "/api/v1/cases/" + coCase + "/replies").then().statusCode(409);
        String replyId = as("handler-miit-sme").contentType(ContentType.JSON).body("{\"resultCategory\":\"A\",\"text\":\"" + replyText + "\"}")
                .post(replies + "/api/v1/cases/" + leadCase + "/replies").then().statusCode(201).extract().path("id");
        as("head-miit-sme").post(replies + "/api/v1/cases/" + leadCase + "/replies/" + replyId + "/approval").then().statusCode(200);

        // 4. proposal-service shows the proposal as replied
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("committee-wang").get(proposals + "/api/v1/proposals/" + proposalId)
                .then().body("status", equalTo("REPLIED")));

        // 5. the proposer rates the reply once evaluation-service knows of it
        await().atMost(Duration.ofSeconds(60)).until(() -> as("member-zhang").contentType(ContentType.JSON)
                .body("{\"rating\":\"SATISFIED\",\"comment\":\"答复认真，措施具体\"}")
                .post(evaluation + "/api/v1/replies/" + replyId + "/satisfaction").statusCode() == 201);

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

        // 6. its timeline holds every service's events about it, in order, each naming whose action caused it
        List<Map<String, Object>> timeline = as("member-zhang").get(proposals + "/api/v1/proposals/" + proposalId + "/timeline")
                .then().statusCode(200).extract().path("$");
        List<String> types = timeline.stream().map(e -> (String) e.get("type")).toList();
        assertEquals(List.of("ProposalSubmitted", "ProposalFiled", "ProposalAssigned", "ProposalAssigned", "ReplyApproved",
                "SatisfactionRecorded", "ProposalClosed"), types);
        assertEquals(List.of("proposal", "proposal", "assignment", "assignment", "reply", "evaluation", "proposal"),
                timeline.stream().map(e -> e.get("source")).toList());
        assertEquals(List.of("committee-wang", "committee-wang", "committee-wang", "committee-wang", "head-miit-sme",
                "member-zhang", "committee-wang"), timeline.stream().map(e -> ((Map<?, ?>) e.get("actor")).get("id")).toList());
    }

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
