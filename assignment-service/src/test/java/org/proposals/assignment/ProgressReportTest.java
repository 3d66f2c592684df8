package org.proposals.assignment;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proposals.events.EventCodec;
import org.proposals.events.EventEnvelope;
import org.proposals.events.IntegrationEvent;
import org.proposals.events.Topics;
import org.proposals.events.assignment.ProgressReportSubmitted;
import org.proposals.infra.KafkaTestClient;
import org.proposals.infra.MovableClock;
import org.proposals.kit.time.CityClock;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proposals.assignment.AssignmentFlowTest.as;
import static org.proposals.assignment.AssignmentFlowTest.assignment;

/** A unit answers the supervision office's PROGRESS_REPORT directive with its progress, once, on time or late. */
@QuarkusTest
class ProgressReportTest {

    private final MovableClock time = MovableClock.at(LocalDate.of(2025, 9, 26));

    @BeforeEach
    void standOnTheDayOfAssignment() {
        QuarkusMock.installMockForType(new CityClock(time), CityClock.class);
    }

    private static String soleAssignment(KafkaTestClient kafka) {
        UUID proposalId = AssignmentFlowTest.registeredProposal(kafka);
        List<Map<String, Object>> created = as("committee-wang").contentType(ContentType.JSON)
                .body(assignment(proposalId, "miit", "SOLE")).post("/api/v1/assignments").then().statusCode(201).extract().path("$");
        return (String) created.get(0).get("id");
    }

    private static String directive(String assignmentId, String type, String note, LocalDate dueDate) {
        String due = dueDate == null ? "" : ",\"dueDate\":\"" + dueDate + "\"";
        return as("supervisor-city").contentType(ContentType.JSON).body("{\"type\":\"" + type + "\",\"note\":\"" + note + "\"" + due + "}")
                .post("/api/v1/assignments/" + assignmentId + "/directives").then().statusCode(201).extract().path("id");
    }

    private static String report(String assignmentId, String directiveId) {
        return "/api/v1/assignments/" + assignmentId + "/directives/" + directiveId + "/progress-report";
    }

    /** The directive with this id in a list of directives. */
    private static String about(String directiveId) {
        return "find { it.id == '" + directiveId + "' }";
    }

    private static String progress(String text) {
        return "{\"progress\":\"" + text + "\"}";
    }

    @Test
    void theUnitReportsItsProgressOnceOnTimeOrLate() {
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            String id = soleAssignment(kafka);
            String onTime = directive(id, "PROGRESS_REPORT", "请于10月20日前报告进展", LocalDate.of(2025, 10, 20));
            String late = directive(id, "PROGRESS_REPORT", "请于10月31日前报告进展", LocalDate.of(2025, 10, 31));
            String urge = directive(id, "URGE", "请加快办理", null);
            String another = soleAssignment(kafka);
            String anothers = directive(another, "PROGRESS_REPORT", "请报告进展", LocalDate.of(2025, 10, 20));
            String text = "已召开专题会议研究，正在起草产业集群行动计划。";

            // who may report: the unit's people only; another unit's assignment is not there for it
            for (String person : List.of("committee-wang", "supervisor-city", "admin", "supervision-system", "member-zhang")) {
                as(person).contentType(ContentType.JSON).body(progress(text)).post(report(id, onTime)).then().statusCode(403)
                        .contentType("application/problem+json");
            }
            as("office-drc").contentType(ContentType.JSON).body(progress(text)).post(report(id, onTime)).then().statusCode(404)
                    .contentType("application/problem+json");
            // what: a directive of this assignment that asks for a report
            as("office-miit").contentType(ContentType.JSON).body(progress(text)).post(report(id, UUID.randomUUID().toString()))
                    .then().statusCode(404).contentType("application/problem+json");
            as("office-miit").contentType(ContentType.JSON).body(progress(text)).post(report(id, "not-a-directive")).then()
                    .statusCode(404).contentType("application/problem+json");
            as("office-miit").contentType(ContentType.JSON).body(progress(text)).post(report(id, anothers)).then().statusCode(404);
            as("office-miit").contentType(ContentType.JSON).body(progress(text)).post(report(id, urge)).then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("detail", equalTo("Directive " + urge + " is URGE; only a PROGRESS_REPORT directive takes a progress report"));
            // with some progress to report
            as("office-miit").contentType(ContentType.JSON).body("{}").post(report(id, onTime)).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("progress"));
            as("office-miit").contentType(ContentType.JSON).body(progress("  ")).post(report(id, onTime)).then().statusCode(400);
            as("office-miit").contentType(ContentType.JSON).body(progress("进".repeat(4001))).post(report(id, onTime)).then()
                    .statusCode(400).contentType("application/problem+json");
            as("office-miit").contentType(ContentType.JSON).post(report(id, onTime)).then().statusCode(400)
                    .contentType("application/problem+json");
            as("office-miit").contentType(ContentType.JSON).body("{\"progress\":").post(report(id, onTime)).then().statusCode(400)
                    .contentType("application/problem+json");
            as("office-miit").get("/api/v1/assignments/" + id + "/directives").then()
                    .body("progress", everyItem(nullValue())).body("size()", equalTo(3));

            // on the due date: on time
            time.moveTo(LocalDate.of(2025, 10, 20));
            as("handler-miit-sme").contentType(ContentType.JSON).body(progress(" " + text + " ")).post(report(id, onTime)).then()
                    .statusCode(200)
                    .body("id", equalTo(onTime))
                    .body("progress", equalTo(text))
                    .body("progressSubmittedBy", equalTo("handler-miit-sme"))
                    .body("progressSubmittedAt", notNullValue())
                    .body("progressLate", equalTo(false));
            // once
            as("office-miit").contentType(ContentType.JSON).body(progress("补充报告")).post(report(id, onTime)).then().statusCode(409)
                    .contentType("application/problem+json");

            // after the due date: late
            time.moveTo(LocalDate.of(2025, 11, 3));
            as("leader-miit").contentType(ContentType.JSON).body(progress("行动计划已印发。")).post(report(id, late)).then()
                    .statusCode(200).body("progressLate", equalTo(true)).body("progressSubmittedBy", equalTo("leader-miit"));

            // the directives show the reports to whoever reads them (issued at the same instant: in no particular order)
            as("supervisor-city").get("/api/v1/assignments/" + id + "/directives").then().statusCode(200)
                    .body("id", containsInAnyOrder(onTime, late, urge))
                    .body(about(onTime) + ".progress", equalTo(text))
                    .body(about(onTime) + ".progressLate", equalTo(false))
                    .body(about(late) + ".progress", equalTo("行动计划已印发。"))
                    .body(about(late) + ".progressLate", equalTo(true))
                    .body(about(urge) + ".progress", nullValue())
                    .body(about(urge) + ".progressSubmittedAt", nullValue());

            Set<String> wanted = new HashSet<>(Set.of(onTime, late));
            List<ConsumerRecord<String, String>> read = kafka.readUntil(KafkaTestClient.topic(Topics.ASSIGNMENT_EVENTS), r -> {
                IntegrationEvent event = EventCodec.payloadOf(EventCodec.fromJson(r.value()));
                if (event instanceof ProgressReportSubmitted submitted) {
                    wanted.remove(submitted.directiveId().toString());
                }
                return wanted.isEmpty();
            }, Duration.ofSeconds(30));
            List<EventEnvelope> reports = read.stream().map(r -> EventCodec.fromJson(r.value()))
                    .filter(e -> EventCodec.payloadOf(e) instanceof ProgressReportSubmitted p && p.assignmentId().toString().equals(id))
                    .toList();
            assertEquals(2, reports.size());
            ProgressReportSubmitted first = (ProgressReportSubmitted) EventCodec.payloadOf(reports.get(0));
            assertEquals(onTime, first.directiveId().toString());
            assertEquals(text, first.progress());
            assertEquals(LocalDate.of(2025, 10, 20), first.dueDate());
            assertEquals("miit", first.unitId());
            assertFalse(first.late());
            assertEquals("handler-miit-sme", reports.get(0).actor().id());
            ProgressReportSubmitted second = (ProgressReportSubmitted) EventCodec.payloadOf(reports.get(1));
            assertEquals(late, second.directiveId().toString());
            assertTrue(second.late());
            assertEquals(LocalDate.of(2025, 11, 3), second.submittedAt().atZoneSameInstant(MovableClock.CITY).toLocalDate());

            List<Map<String, Object>> audit = as("admin").get("/api/v1/audit-records?recordType=SupervisionDirective&recordId=" + onTime)
                    .then().statusCode(200).extract().path("items");
            assertEquals(List.of("ProgressReportSubmitted", "SupervisionDirectiveIssued"), audit.stream().map(r -> r.get("action")).toList());
            assertEquals("handler-miit-sme", ((Map<?, ?>) audit.get(0).get("actor")).get("id"));
        }
    }
}
