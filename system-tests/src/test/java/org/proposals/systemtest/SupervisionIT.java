package org.proposals.systemtest;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The city supervision system, played by a stand-in HTTP server, follows a proposal through the platform: it hears
 * of every step from the supervision adapter, signed and in order, and its directives, sent more than once, are
 * applied once by assignment-service, which the unit answers.
 */
class SupervisionIT {

    private static final String DIRECTIVES = "/api/v1/supervision/directives";
    private static final Duration EVENTUALLY = Duration.ofSeconds(60);

    private static WireMockServer supervisionSystem;
    private static PlatformProcesses platform;

    @BeforeAll
    static void startPlatform() throws Exception {
        supervisionSystem = new WireMockServer(options().dynamicPort());
        supervisionSystem.start();
        supervisionSystem.stubFor(WireMock.post("/city/api/status-reports").willReturn(WireMock.ok()));
        platform = new PlatformProcesses().withSupervisionSystem(supervisionSystem.baseUrl() + "/city/api").start();
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
        if (supervisionSystem != null) {
            supervisionSystem.stop();
        }
    }

    private static RequestSpecification as(String person) {
        return given().auth().oauth2(platform.tokenFor(person));
    }

    @Test
    void theSupervisionSystemFollowsAProposalAndItsDirectivesAreAppliedOnce() throws Exception {
        String proposals = platform.url("proposal-service");
        String assignments = platform.url("assignment-service");
        String adapter = platform.url("supervision-adapter");

        // the committee registers, files and assigns a proposal; the bureau signs for it
        String sessionId = as("committee-wang").contentType(ContentType.JSON).body("""
                        {"kind":"PROPOSAL","term":8,"sessionNumber":1,"year":2026,"name":"政协第八届委员会第一次会议",
                         "plenaryStart":"2026-01-10","plenaryEnd":"2026-01-14","numberFormat":"{year}{seq:4}"}""")
                .post(proposals + "/api/v1/sessions").then().statusCode(201).extract().path("id");
        String proposalId = as("committee-wang").contentType(ContentType.JSON).body("""
                        {"sessionId":"%s","title":"关于加快中小企业数字化转型的提案","content":"建议设立中小企业数字化转型专项资金。",
                         "proposer":{"id":"member-zhang","name":"张委员"},"topics":["SME"],"submittedOn":"2026-01-12"}"""
                        .formatted(sessionId))
                .post(proposals + "/api/v1/proposals").then().statusCode(201).extract().path("id");
        as("committee-wang").post(proposals + "/api/v1/proposals/" + proposalId + "/filing").then().statusCode(200);
        String assignment = """
                {"proposalId":"%s","units":[{"unitId":"miit","unitName":"市工业和信息化局","handlingType":"SOLE"}]}"""
                .formatted(proposalId);
        await().atMost(EVENTUALLY).until(() -> as("committee-wang").contentType(ContentType.JSON).body(assignment)
                .post(assignments + "/api/v1/assignments").statusCode() == 201);
        String assignmentId = as("office-miit").get(assignments + "/api/v1/assignments?proposalId=" + proposalId)
                .then().statusCode(200).extract().path("items[0].id");
        as("office-miit").post(assignments + "/api/v1/assignments/" + assignmentId + "/sign-for").then().statusCode(200);

        // the supervision system hears of both, signed with the shared secret, with the proposal's number
        List<JsonPath> reports = awaitReports(proposalId, "SIGNED_FOR");
        assertEquals(List.of("ASSIGNED", "SIGNED_FOR"), reports.stream().map(r -> r.getString("type")).toList());
        assertEquals("20260001", reports.get(0).getString("proposal.number"));
        assertEquals("市工业和信息化局", reports.get(0).getString("unit.name"));

        // it sets an earlier deadline, and its system sends the directive three times
        LocalDate earlier = LocalDate.now().plusDays(20);
        String directive = "DB-" + UUID.randomUUID();
        String body = """
                {"directiveId":"%s","type":"EARLIER_DEADLINE","proposalId":"%s","unitId":"miit",
                 "note":"市领导批示，请于%s前答复","dueDate":"%s"}""".formatted(directive, proposalId, earlier, earlier);
        send(adapter, body).statusCode(202);
        send(adapter, body).statusCode(200);
        send(adapter, body).statusCode(200);
        // a directive to a unit that does not handle the proposal is not accepted
        send(adapter, body.replace(directive, directive + "-drc").replace("\"miit\"", "\"drc\"")).statusCode(422);

        // assignment-service applied it once: one directive, the deadline moved, one report back
        await().atMost(EVENTUALLY).untilAsserted(() -> as("supervision-system").get(adapter + DIRECTIVES + "/" + directive)
                .then().statusCode(200).body("status", equalTo("APPLIED")));
        as("supervisor-city").get(assignments + "/api/v1/assignments/" + assignmentId + "/directives").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].type", equalTo("EARLIER_DEADLINE"));
        as("office-miit").get(assignments + "/api/v1/assignments/" + assignmentId).then().statusCode(200)
                .body("replyDue", equalTo(earlier.toString()));
        List<JsonPath> applied = awaitReports(proposalId, "DIRECTIVE_APPLIED");
        assertEquals(1, applied.stream().filter(r -> r.getString("type").equals("DIRECTIVE_APPLIED")).count());
        assertEquals(directive, applied.get(applied.size() - 1).getString("details.directiveId"));

        // it asks for a progress report; the unit answers it in assignment-service and the answer goes back
        String progressDirective = "DB-" + UUID.randomUUID();
        send(adapter, """
                {"directiveId":"%s","type":"PROGRESS_REPORT","proposalId":"%s","unitId":"miit",
                 "note":"请报告办理进展","dueDate":"%s"}""".formatted(progressDirective, proposalId, LocalDate.now().plusDays(5)))
                .statusCode(202);
        String platformDirectiveId = as("supervision-system").get(adapter + DIRECTIVES + "/" + progressDirective)
                .then().statusCode(200).extract().path("platformDirectiveId");
        await().atMost(EVENTUALLY).untilAsserted(() -> as("office-miit")
                .get(assignments + "/api/v1/assignments/" + assignmentId + "/directives").then().statusCode(200)
                .body("size()", equalTo(2)));
        as("office-miit").contentType(ContentType.JSON).body("{\"progress\":\"已召开专题协调会，扶持政策正在起草\"}")
                .post(assignments + "/api/v1/assignments/" + assignmentId + "/directives/" + platformDirectiveId + "/progress-report")
                .then().statusCode(200);
        List<JsonPath> all = awaitReports(proposalId, "PROGRESS_REPORTED");
        JsonPath progress = all.get(all.size() - 1);
        assertEquals(progressDirective, progress.getString("details.directiveId"));
        assertEquals("已召开专题协调会，扶持政策正在起草", progress.getString("details.progress"));

        // every report of the proposal arrived once, in its order, with no gap
        List<Long> sequences = all.stream().map(r -> r.getLong("sequence")).toList();
        List<Long> expected = new ArrayList<>();
        for (long i = 1; i <= sequences.size(); i++) {
            expected.add(i);
        }
        assertEquals(expected, sequences);
        as("admin").get(adapter + "/api/v1/supervision/outbound").then().statusCode(200)
                .body("deadLetters", equalTo(0)).body("circuit.state", equalTo("CLOSED"));
    }

    /** Waits until a report of {@code type} arrived; returns the proposal's reports in the order they arrived, signatures checked. */
    private static List<JsonPath> awaitReports(String proposalId, String type) {
        await().atMost(EVENTUALLY).until(() -> received(proposalId).stream().anyMatch(r -> r.getString("type").equals(type)));
        return received(proposalId);
    }

    private static List<JsonPath> received(String proposalId) {
        List<JsonPath> reports = new ArrayList<>();
        List<ServeEvent> events = supervisionSystem.getAllServeEvents().stream()
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate())).toList();
        for (ServeEvent event : events) {
            String body = event.getRequest().getBodyAsString();
            if (!body.contains(proposalId)) {
                continue;
            }
            String timestamp = event.getRequest().getHeader("X-Signature-Timestamp");
            assertEquals(sign(timestamp, "/city/api/status-reports", body), event.getRequest().getHeader("X-Signature"));
            JsonPath report = JsonPath.from(body);
            assertEquals(report.getString("reportId"), event.getRequest().getHeader("Idempotency-Key"));
            reports.add(report);
        }
        return reports;
    }

    private static ValidatableResponse send(String adapter, String body) {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        return as("supervision-system").contentType(ContentType.JSON).body(body)
                .header("X-Signature-Timestamp", timestamp)
                .header("X-Signature", sign(timestamp, DIRECTIVES, body))
                .post(adapter + DIRECTIVES).then();
    }

    /** The signature as supervision-system.yaml documents it, computed here independently of the adapter. */
    private static String sign(String timestamp, String path, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(PlatformProcesses.SUPERVISION_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "\nPOST\n" + path + "\n" + body).getBytes(StandardCharsets.UTF_8));
            assertTrue(timestamp != null && !timestamp.isBlank(), "signed requests carry their timestamp");
            return "v1=" + HexFormat.of().formatHex(digest);
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
