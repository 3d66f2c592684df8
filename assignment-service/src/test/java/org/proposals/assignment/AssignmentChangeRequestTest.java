package org.proposals.assignment;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proposals.events.Actor;
import org.proposals.events.EventCodec;
import org.proposals.events.HandlingType;
import org.proposals.events.ResultCategory;
import org.proposals.events.Topics;
import org.proposals.events.assignment.AssignmentAdjusted;
import org.proposals.events.assignment.RehandlingStarted;
import org.proposals.events.proposal.ProposalReopened;
import org.proposals.events.reply.ReplyApproved;
import org.proposals.infra.KafkaTestClient;
import org.proposals.infra.MovableClock;
import org.proposals.kit.time.CityClock;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.proposals.assignment.AssignmentFlowTest.as;
import static org.proposals.assignment.AssignmentFlowTest.assignment;

/**
 * The clocks of an assignment on the official calendar, and a unit's requests to change it: adjustment
 * (退回/申请调整) and extension, each decided by the committee. The city's clock is moved, not waited for.
 */
@QuarkusTest
class AssignmentChangeRequestTest {

    /** Friday before the National Day and Mid-Autumn holiday of 2025 (1–8 October; Sunday 28 September and Saturday 11 October worked). */
    private static final LocalDate BEFORE_NATIONAL_DAY = LocalDate.of(2025, 9, 26);

    private final MovableClock time = MovableClock.at(BEFORE_NATIONAL_DAY);

    @BeforeEach
    void standBeforeTheHoliday() {
        QuarkusMock.installMockForType(new CityClock(time), CityClock.class);
    }

    private static String assign(UUID proposalId, String... unitsAndTypes) {
        List<Map<String, Object>> created = as("committee-wang").contentType(ContentType.JSON).body(assignment(proposalId, unitsAndTypes))
                .post("/api/v1/assignments").then().statusCode(201).extract().path("$");
        return (String) created.get(0).get("id");
    }

    @Test
    void everyClockFallsOnAWorkingDayOfTheOfficialCalendar() {
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            UUID proposalId = AssignmentFlowTest.registeredProposal(kafka);
            List<Map<String, Object>> created = as("committee-wang").contentType(ContentType.JSON)
                    .body(assignment(proposalId, "miit", "LEAD", "drc", "CO_HANDLING"))
                    .post("/api/v1/assignments").then().statusCode(201).extract().path("$");
            Map<String, Object> lead = created.stream().filter(a -> "LEAD".equals(a.get("handlingType"))).findFirst().orElseThrow();
            Map<String, Object> co = created.stream().filter(a -> "CO_HANDLING".equals(a.get("handlingType"))).findFirst().orElseThrow();
            // 5 working days: Sun 28 Sep (worked), Mon 29, Tue 30, then after the holiday Thu 9 and Fri 10 October
            assertEquals("2025-10-10", lead.get("adjustmentDue"));
            assertEquals("2025-10-10", lead.get("signForDue"));
            // 15 working days: ... Sat 11 October (worked), 13–17, 20–23 October
            assertEquals("2025-10-23", lead.get("firstContactDue"));
            // 3 calendar months: 26 December, a Friday
            assertEquals("2025-12-26", lead.get("replyDue"));
            assertEquals("2025-12-26", lead.get("originalReplyDue"));
            // co-handlers: no contact clock of their own; the opinion is due in a month, 26 October is a Sunday → Monday
            assertEquals(null, co.get("firstContactDue"));
            assertEquals("2025-10-27", co.get("replyDue"));
        }
    }

    @Test
    void aReopenedProposalStartsTheRehandlingClockOfTheUnitsNamed() {
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            UUID proposalId = AssignmentFlowTest.registeredProposal(kafka);
            List<Map<String, Object>> created = as("committee-wang").contentType(ContentType.JSON)
                    .body(assignment(proposalId, "miit", "SPLIT", "drc", "SPLIT"))
                    .post("/api/v1/assignments").then().statusCode(201).extract().path("$");
            String miits = (String) created.stream().filter(a -> "miit".equals(a.get("unitId"))).findFirst().orElseThrow().get("id");
            String drcs = (String) created.stream().filter(a -> "drc".equals(a.get("unitId"))).findFirst().orElseThrow().get("id");
            for (String id : List.of(miits, drcs)) {
                kafka.publish(KafkaTestClient.topic(Topics.REPLY_EVENTS), EventCodec.envelope(new ReplyApproved(UUID.randomUUID(),
                        UUID.randomUUID(), UUID.fromString(id), proposalId, id.equals(miits) ? "miit" : "drc", HandlingType.SPLIT,
                        ResultCategory.B, OffsetDateTime.now()), UUID.randomUUID(), null, Actor.SYSTEM));
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("committee-wang").get("/api/v1/assignments/" + drcs)
                    .then().body("repliedAt", notNullValue()));

            // only miit's reply was rated unsatisfied: it replies again within a month, 26 October being a Sunday
            kafka.publish(KafkaTestClient.topic(Topics.PROPOSAL_EVENTS), EventCodec.envelope(new ProposalReopened(proposalId,
                    "20220024", 2, List.of("miit"), "委员不满意", OffsetDateTime.now()), UUID.randomUUID(), null, Actor.SYSTEM));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("committee-wang").get("/api/v1/assignments/" + miits)
                    .then().body("handlingRound", equalTo(2))
                    .body("repliedAt", nullValue())
                    .body("replyDue", equalTo("2025-10-27"))
                    .body("originalReplyDue", equalTo("2025-10-27")));
            as("committee-wang").get("/api/v1/assignments/" + drcs).then()
                    .body("handlingRound", equalTo(1)).body("repliedAt", notNullValue());
            // the new round and its deadline are announced for the unit's case and the figures
            List<ConsumerRecord<String, String>> read = kafka.readUntil(KafkaTestClient.topic(Topics.ASSIGNMENT_EVENTS),
                    r -> miits.equals(r.key()) && "RehandlingStarted".equals(KafkaTestClient.header(r, Topics.HEADER_EVENT_TYPE)),
                    Duration.ofSeconds(30));
            RehandlingStarted started = (RehandlingStarted) EventCodec.payloadOf(EventCodec.fromJson(read.get(read.size() - 1).value()));
            assertEquals(2, started.round());
            assertEquals(LocalDate.parse("2025-10-27"), started.replyDue());
            assertEquals("miit", started.unitId());
        }
    }

    @Test
    void aProposalReassignedDuringTheRecessRunsTheRecessClocks() {
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            UUID proposalId = AssignmentFlowTest.registeredProposal(kafka);
            String body = "{\"proposalId\":\"" + proposalId + "\",\"reason\":\"闭会期间委员补充意见，请市发改委分办\","
                    + "\"units\":[{\"unitId\":\"drc\",\"handlingType\":\"SPLIT\"}]}";
            as("committee-wang").contentType(ContentType.JSON).body(body).post("/api/v1/reassignments").then().statusCode(409);
            assign(proposalId, "miit", "SPLIT", "drc", "SPLIT");
            // drc already handles it: a unit appears once
            as("committee-wang").contentType(ContentType.JSON).body(body).post("/api/v1/reassignments").then().statusCode(400);
            as("office-miit").contentType(ContentType.JSON).body(body).post("/api/v1/reassignments").then().statusCode(403);

            // a third unit takes its part up: recess clocks (in the tests, 2 months for recess proposals) from today
            as("committee-wang").contentType(ContentType.JSON).header("If-Match", "*")
                    .body("{\"name\":\"市科学技术局\",\"shortName\":\"市科技局\"}").put("/api/v1/units/sti").then()
                    .statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201)));
            List<Map<String, Object>> added = as("committee-wang").contentType(ContentType.JSON)
                    .body(body.replace("\"drc\"", "\"sti\"")).post("/api/v1/reassignments").then().statusCode(201)
                    .extract().path("$");
            assertEquals(1, added.size());
            assertEquals("RECESS_REASSIGNMENT", added.get(0).get("origin"));
            assertEquals("市科学技术局", added.get(0).get("unitName"));
            assertEquals("2025-11-26", added.get(0).get("replyDue"));
            as("committee-wang").get("/api/v1/assignments?proposalId=" + proposalId).then().body("total", equalTo(3));
        }
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            UUID proposalId = AssignmentFlowTest.registeredProposal(kafka);
            assign(proposalId, "miit", "LEAD", "drc", "CO_HANDLING");
            // a second lead breaks the rules; the rules speak of the whole set of units
            as("committee-wang").contentType(ContentType.JSON).body("{\"proposalId\":\"" + proposalId + "\",\"reason\":\"补充\","
                    + "\"units\":[{\"unitId\":\"miit\",\"handlingType\":\"LEAD\"}]}").post("/api/v1/reassignments").then()
                    .statusCode(400).body("errors[0].field", equalTo("units"));
        }
    }

    @Test
    void aGrantedAdjustmentEndsTheUnitsAssignmentAndGivesItToAnother() {
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            UUID proposalId = AssignmentFlowTest.registeredProposal(kafka);
            String drcs = assign(proposalId, "drc", "SOLE");

            as("office-miit").contentType(ContentType.JSON).body("{\"reason\":\"不是我们的职责\"}")
                    .post("/api/v1/assignments/" + drcs + "/adjustment-requests").then().statusCode(404);
            as("office-drc").contentType(ContentType.JSON).body("{\"reason\":\" \"}")
                    .post("/api/v1/assignments/" + drcs + "/adjustment-requests").then().statusCode(400);
            String request = as("office-drc").contentType(ContentType.JSON)
                    .body("{\"reason\":\"该提案涉及中小企业服务，属市工业和信息化局职责\",\"suggestedUnitId\":\"miit\"}")
                    .post("/api/v1/assignments/" + drcs + "/adjustment-requests").then().statusCode(201)
                    .body("status", equalTo("PENDING"))
                    // 7 days from 26 September end on 3 October, a holiday: the committee has until Thursday 9 October
                    .body("decisionDue", equalTo("2025-10-09"))
                    .extract().path("id");
            as("office-drc").contentType(ContentType.JSON).body("{\"reason\":\"再次申请\"}")
                    .post("/api/v1/assignments/" + drcs + "/adjustment-requests").then().statusCode(409);
            as("office-drc").post("/api/v1/assignments/" + drcs + "/sign-for").then().statusCode(409);
            as("office-drc").contentType(ContentType.JSON).body("{\"note\":\"同意\"}")
                    .post("/api/v1/adjustment-requests/" + request + "/approval").then().statusCode(403);

            // left with no unit, the proposal cannot be: the committee names who takes it over
            as("committee-wang").contentType(ContentType.JSON).body("{\"note\":\"同意\"}")
                    .post("/api/v1/adjustment-requests/" + request + "/approval").then().statusCode(400)
                    .body("errors[0].field", equalTo("units"));
            as("committee-wang").contentType(ContentType.JSON)
                    .body("{\"units\":[{\"unitId\":\"nowhere\",\"handlingType\":\"SOLE\"}]}")
                    .post("/api/v1/adjustment-requests/" + request + "/approval").then().statusCode(400)
                    .body("errors[0].field", equalTo("units[0].unitId"));
            time.moveTo(LocalDate.of(2025, 10, 10));
            as("committee-wang").contentType(ContentType.JSON)
                    .body("{\"note\":\"同意调整，改由市工业和信息化局承办\",\"units\":[{\"unitId\":\"miit\",\"unitName\":\"市工业和信息化局\",\"handlingType\":\"SOLE\"}]}")
                    .post("/api/v1/adjustment-requests/" + request + "/approval").then().statusCode(200)
                    .body("status", equalTo("GRANTED"))
                    .body("decidedBy", equalTo("committee-wang"))
                    .body("decidedLate", equalTo(true));
            as("committee-wang").contentType(ContentType.JSON).body("{\"note\":\"不同意\"}")
                    .post("/api/v1/adjustment-requests/" + request + "/rejection").then().statusCode(409);

            as("committee-wang").get("/api/v1/assignments/" + drcs).then().body("status", equalTo("ADJUSTED"))
                    .body("endedAt", notNullValue());
            List<Map<String, Object>> all = as("committee-wang").get("/api/v1/assignments?proposalId=" + proposalId)
                    .then().extract().path("items");
            Map<String, Object> miits = all.stream().filter(a -> "miit".equals(a.get("unitId"))).findFirst().orElseThrow();
            assertEquals("ADJUSTMENT", miits.get("origin"));
            assertEquals("ASSIGNED", miits.get("status"));
            // its clocks run from the day it was given: Friday 10 October + 5 working days, Saturday 11 October worked
            assertEquals("2025-10-16", miits.get("signForDue"));

            ConsumerRecord<String, String> adjusted = kafka.readUntil(KafkaTestClient.topic(Topics.ASSIGNMENT_EVENTS),
                    r -> drcs.equals(r.key()) && r.value().contains("\"AssignmentAdjusted\""), Duration.ofSeconds(30))
                    .stream().filter(r -> drcs.equals(r.key())).reduce((a, b) -> b).orElseThrow();
            AssignmentAdjusted event = (AssignmentAdjusted) EventCodec.payloadOf(EventCodec.fromJson(adjusted.value()));
            assertEquals(List.of(UUID.fromString((String) miits.get("id"))), event.replacementAssignmentIds());
            assertEquals("同意调整，改由市工业和信息化局承办", event.decisionNote());
        }
    }

    @Test
    void aRefusedAdjustmentLeavesTheAssignmentAndTheWindowCloses() {
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            UUID proposalId = AssignmentFlowTest.registeredProposal(kafka);
            String miits = assign(proposalId, "miit", "SOLE");
            String request = as("office-miit").contentType(ContentType.JSON).body("{\"reason\":\"职责不符\"}")
                    .post("/api/v1/assignments/" + miits + "/adjustment-requests").then().statusCode(201).extract().path("id");
            as("committee-wang").contentType(ContentType.JSON).body("{\"note\":\"\"}")
                    .post("/api/v1/adjustment-requests/" + request + "/rejection").then().statusCode(400);
            as("committee-wang").contentType(ContentType.JSON).body("{\"note\":\"属该局职责，请按时办理\"}")
                    .post("/api/v1/adjustment-requests/" + request + "/rejection").then().statusCode(200)
                    .body("status", equalTo("REJECTED"))
                    .body("decidedLate", equalTo(false));
            as("office-miit").get("/api/v1/adjustment-requests?assignmentId=" + miits).then().body("total", equalTo(1));
            as("office-drc").get("/api/v1/adjustment-requests/" + request).then().statusCode(404);

            // past the window (Friday 10 October) no request is taken; signing for still is, late
            time.moveTo(LocalDate.of(2025, 10, 13));
            as("office-miit").contentType(ContentType.JSON).body("{\"reason\":\"再议\"}")
                    .post("/api/v1/assignments/" + miits + "/adjustment-requests").then().statusCode(409);
            as("office-miit").post("/api/v1/assignments/" + miits + "/sign-for").then().statusCode(200)
                    .body("signedLate", equalTo(true));
        }
    }

    @Test
    void anExtensionIsAskedBeforeTheDeadlineAndCappedAtSixMonths() {
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            UUID proposalId = AssignmentFlowTest.registeredProposal(kafka);
            String miits = assign(proposalId, "miit", "SOLE");   // reply due 2025-12-26; the cap: 2026-06-26
            String body = "{\"reason\":\"涉及跨部门政策，需进一步调研\",\"requestedDue\":\"%s\"}";

            as("office-miit").contentType(ContentType.JSON).body(body.formatted("2025-12-20"))
                    .post("/api/v1/assignments/" + miits + "/extension-requests").then().statusCode(400)
                    .body("errors[0].field", equalTo("requestedDue"));
            as("office-miit").contentType(ContentType.JSON).body(body.formatted("2026-07-01"))
                    .post("/api/v1/assignments/" + miits + "/extension-requests").then().statusCode(400)
                    .body("errors[0].message", equalTo("extensions may reach 2026-06-26 at the latest (6M after the original deadline 2025-12-26)"));
            String first = as("office-miit").contentType(ContentType.JSON).body(body.formatted("2026-03-26"))
                    .post("/api/v1/assignments/" + miits + "/extension-requests").then().statusCode(201)
                    .body("currentDue", equalTo("2025-12-26")).extract().path("id");
            as("office-miit").contentType(ContentType.JSON).body(body.formatted("2026-02-26"))
                    .post("/api/v1/assignments/" + miits + "/extension-requests").then().statusCode(409);
            as("committee-wang").contentType(ContentType.JSON).body("{\"note\":\"同意延期一个月\",\"grantedDue\":\"2026-01-26\"}")
                    .post("/api/v1/extension-requests/" + first + "/approval").then().statusCode(200)
                    .body("status", equalTo("GRANTED")).body("grantedDue", equalTo("2026-01-26"));
            as("committee-wang").get("/api/v1/assignments/" + miits).then()
                    .body("replyDue", equalTo("2026-01-26")).body("originalReplyDue", equalTo("2025-12-26"));

            String second = as("office-miit").contentType(ContentType.JSON).body(body.formatted("2026-06-26"))
                    .post("/api/v1/assignments/" + miits + "/extension-requests").then().statusCode(201).extract().path("id");
            as("committee-wang").contentType(ContentType.JSON).body("{\"note\":\"请按期答复\"}")
                    .post("/api/v1/extension-requests/" + second + "/rejection").then().statusCode(200).body("status", equalTo("REJECTED"));
            as("committee-wang").get("/api/v1/assignments/" + miits).then().body("replyDue", equalTo("2026-01-26"));

            // after the deadline it is too late to ask
            time.moveTo(LocalDate.of(2026, 1, 27));
            as("office-miit").contentType(ContentType.JSON).body(body.formatted("2026-03-26"))
                    .post("/api/v1/assignments/" + miits + "/extension-requests").then().statusCode(409);
        }
    }
}
