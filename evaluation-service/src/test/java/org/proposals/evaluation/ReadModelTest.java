package org.proposals.evaluation;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.proposals.infra.TestIdentity;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.proposals.infra.KafkaTestClient;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.proposals.evaluation.HandlingScenario.changes;
import static org.proposals.evaluation.HandlingScenario.WAIT;
import static org.proposals.evaluation.HandlingScenario.publish;
import static org.proposals.evaluation.HandlingScenario.statistics;

/** The figures are built from the proposal, assignment and reply services' events over the real broker. */
@QuarkusTest
@WithTestResource(value = TestIdentity.class, scope = TestResourceScope.GLOBAL)
class ReadModelTest {

    private static final Map<String, Integer> NO_RATINGS = Map.of("SATISFIED", 0, "BASICALLY_SATISFIED", 0, "UNSATISFIED", 0);

    @Test
    void theFiguresFollowTheEventsAndARedeliveryChangesNothing() {
        HandlingScenario s = new HandlingScenario(OffsetDateTime.of(2022, 1, 20, 10, 0, 0, 0, ZoneOffset.ofHours(8)));

        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            publish(kafka, s.submitted, s.leadAssigned, s.coAssigned, s.leadSigned, s.leadReplyApproved);

            await().atMost(WAIT).untilAsserted(() -> assertLeadFigures(statistics(s.leadUnit, null), s.leadUnit, null));
            assertCoHandlingFigures(statistics(s.coUnit, null), 0);
            assertLeadFigures(statistics(s.leadUnit, 2022), s.leadUnit, 2022);
            assertNothing(statistics(s.leadUnit, 2021));

            // each event applied left its audit record (in whatever order the topics delivered them); the reply's
            // names the leader who approved it. (A ProposalSubmitted that came after a handling also records the
            // year it gave that handling: whether it did depends on that order.)
            List<Map<String, Object>> applied = s.auditRecords("");
            assertEquals(List.of("AssignmentSignedApplied", "ProposalAssignedApplied", "ProposalAssignedApplied",
                    "ReplyApprovedApplied"), applied.stream().filter(r -> "UnitHandling".equals(r.get("recordType")))
                    .filter(r -> !"ProposalSubmittedApplied".equals(r.get("action")))
                    .map(r -> (String) r.get("action")).sorted().toList());
            Map<String, Object> replied = applied.stream()
                    .filter(r -> "ReplyApprovedApplied".equals(r.get("action")) && "UnitHandling".equals(r.get("recordType")))
                    .findFirst().orElseThrow();
            assertEquals("UnitHandling", replied.get("recordType"));
            assertEquals(s.proposalId + "/" + s.leadUnit, replied.get("recordId"));
            assertEquals(s.leadReplyApproved.eventId().toString(), replied.get("causationId"));
            assertEquals(Map.of("id", "leader-miit", "name", "刘局长", "roles", List.of("UNIT_LEADER"), "unitId", "miit"),
                    replied.get("actor"));
            assertEquals("A", changes(replied).get("resultCategory").get("after"));
            assertNull(changes(replied).get("resultCategory").get("before"));
            assertEquals(s.replyId.toString(), changes(replied).get("replyId").get("after"));
            Map<String, Object> submitted = applied.stream()
                    .filter(r -> "ProposalSubmittedApplied".equals(r.get("action"))).findFirst().orElseThrow();
            assertEquals("ProposalRecord", submitted.get("recordType"));
            assertEquals("20220024", changes(submitted).get("number").get("after"));

            // The same ProposalAssigned again, then the co-handler's sign-for: same key, same partition, so
            // once the sign-for shows, the redelivery before it has been received too.
            publish(kafka, s.coAssigned, s.coSignedLate);
            await().atMost(WAIT).untilAsserted(() -> statistics(s.coUnit, null).body("signed", equalTo(1)));
            assertCoHandlingFigures(statistics(s.coUnit, null), 1);
            // the redelivery was not applied again: no second record of it
            assertEquals(1, s.auditRecords("recordType=UnitHandling&recordId=" + s.proposalId + "/" + s.coUnit).stream()
                    .filter(r -> "ProposalAssignedApplied".equals(r.get("action"))).count());
            Map<String, Object> signedLate = s.auditRecords("").get(0);
            assertEquals("AssignmentSignedApplied", signedLate.get("action"));
            assertEquals(true, changes(signedLate).get("signedLate").get("after"));
            assertLeadFigures(statistics(s.leadUnit, null), s.leadUnit, null);
        }
    }

    @Test
    void eventsArrivingOutOfOrderEndInTheSameFigures() {
        // 2022-12-31 16:30 UTC is already 2023 in the city: the proposal counts for 2023
        HandlingScenario s = new HandlingScenario(OffsetDateTime.of(2022, 12, 31, 16, 30, 0, 0, ZoneOffset.UTC));

        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            publish(kafka, s.leadReplyApproved);
            // the reply alone makes the handling known, with the type it names
            await().atMost(WAIT).untilAsserted(() -> statistics(s.leadUnit, null)
                    .body("handlings", equalTo(1))
                    .body("byHandlingType.LEAD", equalTo(1))
                    .body("replied", equalTo(1))
                    .body("byResultCategory.A", equalTo(1))
                    .body("signed", equalTo(0)));
            // not yet submitted as far as this service knows: in no year
            assertNothing(statistics(s.leadUnit, 2023));

            publish(kafka, s.leadSigned, s.coAssigned, s.leadAssigned, s.submitted);

            await().atMost(WAIT).untilAsserted(() -> assertLeadFigures(statistics(s.leadUnit, 2023), s.leadUnit, 2023));
            assertLeadFigures(statistics(s.leadUnit, null), s.leadUnit, null);
            assertCoHandlingFigures(statistics(s.coUnit, 2023), 0);
            assertNothing(statistics(s.leadUnit, 2022));
            // the year the late ProposalSubmitted gave the handlings recorded before it is in the audit trail
            Map<String, Object> yearGiven = s.auditRecords("recordType=UnitHandling&recordId=" + s.proposalId + "/" + s.leadUnit)
                    .stream().filter(r -> "ProposalSubmittedApplied".equals(r.get("action"))).findFirst().orElseThrow();
            assertNull(changes(yearGiven).get("year").get("before"));
            assertEquals(2023, changes(yearGiven).get("year").get("after"));
            assertEquals(s.submitted.eventId().toString(), yearGiven.get("causationId"));
        }
    }

    @Test
    void aHandlingRecordedAfterItsProposalCountsInTheProposalsYear() {
        HandlingScenario s = new HandlingScenario(OffsetDateTime.of(2021, 3, 2, 10, 0, 0, 0, ZoneOffset.ofHours(8)));

        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            publish(kafka, s.submitted);
            await().atMost(WAIT).until(() -> s.auditRecords("").stream()
                    .anyMatch(r -> "ProposalSubmittedApplied".equals(r.get("action"))));
            // the reply is the first this service hears of the unit's handling: it is in 2021 at once
            publish(kafka, s.leadReplyApproved);
            await().atMost(WAIT).untilAsserted(() -> statistics(s.leadUnit, 2021)
                    .body("handlings", equalTo(1))
                    .body("replied", equalTo(1)));
            assertNothing(statistics(s.leadUnit, 2022));
        }
    }

    @Test
    void aYearOfAllUnitsCountsEachProposalOnceAcrossItsUnits() {
        HandlingScenario first = new HandlingScenario(OffsetDateTime.of(2013, 3, 1, 10, 0, 0, 0, ZoneOffset.ofHours(8)));
        HandlingScenario second = new HandlingScenario(OffsetDateTime.of(2013, 6, 1, 10, 0, 0, 0, ZoneOffset.ofHours(8)));
        // no other test writes 2013, but an earlier run against the same database may have
        JsonPath before = statistics(null, 2013).extract().jsonPath();

        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            publish(kafka, first.submitted, first.leadAssigned, first.coAssigned, first.leadSigned, first.leadReplyApproved,
                    second.submitted, second.leadAssigned, second.coAssigned, second.coSignedLate);

            await().atMost(WAIT).untilAsserted(() -> statistics(null, 2013)
                    .body("handlings", equalTo(before.getInt("handlings") + 4))
                    .body("proposals", equalTo(before.getInt("proposals") + 2))
                    .body("byHandlingType.LEAD", equalTo(before.getInt("byHandlingType.LEAD") + 2))
                    .body("byHandlingType.CO_HANDLING", equalTo(before.getInt("byHandlingType.CO_HANDLING") + 2))
                    .body("needingReply", equalTo(before.getInt("needingReply") + 2))
                    .body("signed", equalTo(before.getInt("signed") + 2))
                    .body("signedLate", equalTo(before.getInt("signedLate") + 1))
                    .body("replied", equalTo(before.getInt("replied") + 1))
                    .body("byResultCategory.A", equalTo(before.getInt("byResultCategory.A") + 1)));
            // one unit's share of the year: its handlings are its proposals
            assertLeadFigures(statistics(first.leadUnit, 2013), first.leadUnit, 2013);
        }
    }

    @Test
    void figuresOfAllUnitsAndBadParameters() {
        HandlingScenario.as("committee-wang").when().get("/api/v1/statistics").then()
                .statusCode(200)
                .body("unitId", nullValue())
                .body("year", nullValue())
                .body("byHandlingType.keySet()", hasItem("CO_HANDLING"))
                .body("byResultCategory.keySet()", hasItem("D"));
        HandlingScenario.as("committee-wang").when().get("/api/v1/statistics?year=99999").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("year"));
    }

    static void assertLeadFigures(ValidatableResponse response, String unitId, Integer year) {
        response.body("unitId", equalTo(unitId))
                .body("year", equalTo(year))
                .body("proposals", equalTo(1))
                .body("handlings", equalTo(1))
                .body("byHandlingType", equalTo(Map.of("SOLE", 0, "LEAD", 1, "SPLIT", 0, "CO_HANDLING", 0)))
                .body("needingReply", equalTo(1))
                .body("signed", equalTo(1))
                .body("signedLate", equalTo(0))
                .body("replied", equalTo(1))
                .body("byResultCategory", equalTo(Map.of("A", 1, "B", 0, "C", 0, "D", 0)))
                .body("ratings", equalTo(NO_RATINGS))
                .body("rated", equalTo(0))
                .body("satisfactionRate", nullValue());
    }

    static void assertCoHandlingFigures(ValidatableResponse response, int signed) {
        response.body("proposals", equalTo(1))
                .body("handlings", equalTo(1))
                .body("byHandlingType", equalTo(Map.of("SOLE", 0, "LEAD", 0, "SPLIT", 0, "CO_HANDLING", 1)))
                .body("needingReply", equalTo(0))
                .body("signed", equalTo(signed))
                .body("signedLate", equalTo(signed))
                .body("replied", equalTo(0))
                .body("byResultCategory", equalTo(Map.of("A", 0, "B", 0, "C", 0, "D", 0)))
                .body("ratings", equalTo(NO_RATINGS))
                .body("rated", equalTo(0))
                .body("satisfactionRate", nullValue());
    }

    static void assertNothing(ValidatableResponse response) {
        response.body("proposals", equalTo(0))
                .body("handlings", equalTo(0))
                .body("byHandlingType", equalTo(Map.of("SOLE", 0, "LEAD", 0, "SPLIT", 0, "CO_HANDLING", 0)))
                .body("needingReply", equalTo(0))
                .body("replied", equalTo(0))
                .body("rated", equalTo(0))
                .body("satisfactionRate", nullValue());
    }
}
