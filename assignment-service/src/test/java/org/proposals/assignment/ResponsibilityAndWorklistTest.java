package org.proposals.assignment;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proposals.events.EventCodec;
import org.proposals.events.Topics;
import org.proposals.events.assignment.ResponsibilityAssigned;
import org.proposals.infra.KafkaTestClient;
import org.proposals.infra.MovableClock;
import org.proposals.kit.time.CityClock;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.proposals.assignment.AssignmentFlowTest.as;
import static org.proposals.assignment.AssignmentFlowTest.assignment;

/** The unit's four-level responsibility chain for an assignment, and the worklists it makes possible. */
@QuarkusTest
class ResponsibilityAndWorklistTest {

    private static final String CHAIN = """
            {"divisionId":"miit-sme","bureauHeadId":"leader-miit","deputyHeadId":"deputy-miit",
             "divisionHeadId":"head-miit-sme","handlerId":"handler-miit-sme"}""";

    private final MovableClock time = MovableClock.at(LocalDate.of(2025, 9, 26));

    @BeforeEach
    void standBeforeTheHoliday() {
        QuarkusMock.installMockForType(new CityClock(time), CityClock.class);
    }

    private static String soleAssignment(KafkaTestClient kafka, String unit) {
        UUID proposalId = AssignmentFlowTest.registeredProposal(kafka);
        List<Map<String, Object>> created = as("committee-wang").contentType(ContentType.JSON)
                .body(assignment(proposalId, unit, "SOLE")).post("/api/v1/assignments").then().statusCode(201).extract().path("$");
        return (String) created.get(0).get("id");
    }

    @Test
    void theOfficeNamesTheFourLevelsFromItsOwnPeople() {
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            String id = soleAssignment(kafka, "miit");
            String path = "/api/v1/assignments/" + id + "/responsibility";

            as("handler-miit-sme").contentType(ContentType.JSON).body(CHAIN).put(path).then().statusCode(403);
            as("office-drc").contentType(ContentType.JSON).body(CHAIN).put(path).then().statusCode(404);
            // a division head as handler, a deputy as head, a division of another unit: each named
            as("office-miit").contentType(ContentType.JSON).body("""
                    {"divisionId":"drc-industry","bureauHeadId":"deputy-miit","deputyHeadId":"deputy-miit",
                     "divisionHeadId":"head-miit-sme","handlerId":"head-miit-sme"}""").put(path).then().statusCode(400)
                    .body("errors.field", equalTo(List.of("divisionId", "bureauHeadId", "divisionHeadId", "handlerId")));
            as("office-miit").contentType(ContentType.JSON).body("{\"divisionId\":\"miit-sme\"}").put(path).then().statusCode(400);

            as("office-miit").contentType(ContentType.JSON).body(CHAIN).put(path).then().statusCode(200)
                    .body("divisionId", equalTo("miit-sme"))
                    .body("handlerId", equalTo("handler-miit-sme"));

            ResponsibilityAssigned event = (ResponsibilityAssigned) EventCodec.payloadOf(EventCodec.fromJson(
                    kafka.readUntil(KafkaTestClient.topic(Topics.ASSIGNMENT_EVENTS),
                                    r -> id.equals(r.key()) && r.value().contains("ResponsibilityAssigned"), Duration.ofSeconds(30))
                            .stream().filter(r -> id.equals(r.key()) && r.value().contains("ResponsibilityAssigned"))
                            .reduce((a, b) -> b).orElseThrow().value()));
            assertEquals("中小企业服务处", event.divisionName());
            assertEquals(new ResponsibilityAssigned.Person("leader-miit", "刘局长"), event.bureauHead());
            assertEquals(new ResponsibilityAssigned.Person("deputy-miit", "赵副局长"), event.deputyHead());
            assertEquals(new ResponsibilityAssigned.Person("handler-miit-sme", "周承办"), event.handler());
        }
    }

    @Test
    void worklistsSortTheUnitsWorkByWhatIsDue() {
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            String toSign = soleAssignment(kafka, "miit");
            String handled = soleAssignment(kafka, "miit");
            String late = soleAssignment(kafka, "miit");
            String adjusting = soleAssignment(kafka, "miit");
            String drcs = soleAssignment(kafka, "drc");
            as("office-miit").post("/api/v1/assignments/" + handled + "/sign-for").then().statusCode(200);
            as("office-miit").contentType(ContentType.JSON).body(CHAIN).put("/api/v1/assignments/" + handled + "/responsibility")
                    .then().statusCode(200);
            as("office-miit").contentType(ContentType.JSON).body("{\"reason\":\"职责不符\"}")
                    .post("/api/v1/assignments/" + adjusting + "/adjustment-requests").then().statusCode(201);

            // Monday 13 October: sign-for was due on Friday 10 October
            time.moveTo(LocalDate.of(2025, 10, 13));
            as("office-miit").get("/api/v1/worklist").then().statusCode(200)
                    .body("toSign.items.id", hasItems(toSign, late))
                    .body("toSign.items.id", not(hasItem(drcs)))
                    .body("awaitingAdjustment.items.id", hasItem(adjusting))
                    .body("inHandling.items.id", hasItem(handled))
                    .body("overdue.items.id", hasItems(toSign, late, adjusting))
                    .body("overdue.items.id", not(hasItem(handled)))
                    .body("overdue.items.find { it.id == '" + late + "' }.light", equalTo("RED"));
            // the handler's own worklist holds what the chain gives them
            as("handler-miit-sme").get("/api/v1/worklist?handlerId=handler-miit-sme").then().statusCode(200)
                    .body("inHandling.items.id", hasItem(handled))
                    .body("inHandling.items.handlerId", org.hamcrest.Matchers.everyItem(equalTo("handler-miit-sme")))
                    .body("toSign.items.id", not(hasItem(toSign)));
            as("office-miit").get("/api/v1/worklist?divisionId=miit-sme").then()
                    .body("inHandling.items.id", hasItem(handled))
                    .body("inHandling.items.divisionId", org.hamcrest.Matchers.everyItem(equalTo("miit-sme")))
                    .body("toSign.items.id", not(hasItem(late)));
            // another unit's office sees only its own, whatever it asks for
            as("office-drc").get("/api/v1/worklist?unitId=miit").then().statusCode(200)
                    .body("toSign.items.id", not(hasItem(toSign)))
                    .body("toSign.items.id", hasItem(drcs));
            as("committee-wang").get("/api/v1/worklist?unitId=drc").then().body("toSign.items.unitId", org.hamcrest.Matchers.everyItem(equalTo("drc")));
            as("member-zhang").get("/api/v1/worklist").then().statusCode(403);
        }
    }
}
