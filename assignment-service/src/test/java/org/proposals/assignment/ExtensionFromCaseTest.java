package org.proposals.assignment;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proposals.events.Actor;
import org.proposals.events.EventCodec;
import org.proposals.events.EventEnvelope;
import org.proposals.events.IntegrationEvent;
import org.proposals.events.Topics;
import org.proposals.events.assignment.ExtensionRejected;
import org.proposals.events.assignment.ExtensionRequested;
import org.proposals.events.reply.ReplyExtensionRequested;
import org.proposals.infra.KafkaTestClient;
import org.proposals.infra.MovableClock;
import org.proposals.kit.time.CityClock;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.proposals.assignment.AssignmentFlowTest.as;
import static org.proposals.assignment.AssignmentFlowTest.assignment;

/**
 * A unit asks for a later reply deadline from its case in reply-service (ReplyExtensionRequested): the request is
 * registered here under the same id, once; one that cannot be admitted is refused at once, saying why.
 */
@QuarkusTest
class ExtensionFromCaseTest {

    /** Assigned on Friday 26 September 2025: the reply is due on 26 December, extensions reach 26 June 2026 at most. */
    private static final LocalDate ASSIGNED_ON = LocalDate.of(2025, 9, 26);
    private static final LocalDate DUE = LocalDate.of(2025, 12, 26);

    /** The handler who asked from the case, as their token named them in reply-service. */
    private static final Actor HANDLER = new Actor("handler-miit-sme", "赵六（中小企业处）", List.of("HANDLER"), "miit", "miit-sme");

    private final MovableClock time = MovableClock.at(ASSIGNED_ON);

    @BeforeEach
    void standOnTheDayOfAssignment() {
        QuarkusMock.installMockForType(new CityClock(time), CityClock.class);
    }

    private static String assign(KafkaTestClient kafka) {
        UUID proposalId = AssignmentFlowTest.registeredProposal(kafka);
        List<Map<String, Object>> created = as("committee-wang").contentType(ContentType.JSON).body(assignment(proposalId, "miit", "SOLE"))
                .post("/api/v1/assignments").then().statusCode(201).extract().path("$");
        return (String) created.get(0).get("id");
    }

    private static ReplyExtensionRequested asked(String assignmentId, UUID caseId, LocalDate requestedDue, OffsetDateTime at) {
        Map<String, Object> a = as("committee-wang").get("/api/v1/assignments/" + assignmentId).then().extract().path("$");
        return new ReplyExtensionRequested(UUID.randomUUID(), caseId, UUID.fromString(assignmentId),
                UUID.fromString((String) a.get("proposalId")), "miit", "涉及跨部门政策，需进一步调研", DUE, requestedDue, at);
    }

    private static OffsetDateTime on(LocalDate day) {
        return day.atTime(LocalTime.of(10, 0)).atZone(MovableClock.CITY).toOffsetDateTime();
    }

    private static EventEnvelope envelope(ReplyExtensionRequested event) {
        return EventCodec.envelope(event, UUID.randomUUID(), null, HANDLER);
    }

    private static ValidatableResponse awaitRequest(UUID requestId, String status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("office-miit").get("/api/v1/extension-requests/" + requestId)
                .then().statusCode(200).body("status", equalTo(status)));
        return as("office-miit").get("/api/v1/extension-requests/" + requestId).then();
    }

    /** The event of the given type about the request, as published on assignment.events. */
    private static <E extends IntegrationEvent> E published(KafkaTestClient kafka, Class<E> type, Predicate<E> about) {
        List<ConsumerRecord<String, String>> read = kafka.readUntil(KafkaTestClient.topic(Topics.ASSIGNMENT_EVENTS), r -> {
            IntegrationEvent event = EventCodec.payloadOf(EventCodec.fromJson(r.value()));
            return type.isInstance(event) && about.test(type.cast(event));
        }, Duration.ofSeconds(30));
        return assertInstanceOf(type, EventCodec.payloadOf(EventCodec.fromJson(read.get(read.size() - 1).value())));
    }

    @Test
    void aRequestFromTheCaseIsRegisteredUnderItsIdOnce() {
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            String assignmentId = assign(kafka);
            UUID caseId = UUID.randomUUID();
            String replies = KafkaTestClient.topic(Topics.REPLY_EVENTS);
            ReplyExtensionRequested request = asked(assignmentId, caseId, LocalDate.of(2026, 2, 26), on(LocalDate.of(2025, 12, 1)));
            EventEnvelope first = envelope(request);
            kafka.publish(replies, first);

            awaitRequest(request.requestId(), "PENDING")
                    .body("assignmentId", equalTo(assignmentId))
                    .body("unitId", equalTo("miit"))
                    .body("reason", equalTo("涉及跨部门政策，需进一步调研"))
                    .body("currentDue", equalTo(DUE.toString()))
                    .body("requestedDue", equalTo("2026-02-26"))
                    .body("requestedBy", equalTo("handler-miit-sme"))
                    .body("decidedBy", nullValue());
            ExtensionRequested announced = published(kafka, ExtensionRequested.class, e -> e.requestId().equals(request.requestId()));
            assertEquals(UUID.fromString(assignmentId), announced.assignmentId());
            assertEquals(LocalDate.of(2026, 2, 26), announced.requestedDue());
            assertEquals(DUE, announced.currentDue());

            // the same envelope redelivered, and the same request published again under a new event id
            kafka.publish(replies, first);
            kafka.publish(replies, envelope(request));
            // a second request on the same case (so behind them on its partition) while the first awaits the committee
            ReplyExtensionRequested second = asked(assignmentId, caseId, LocalDate.of(2026, 3, 26), on(LocalDate.of(2025, 12, 2)));
            kafka.publish(replies, envelope(second));
            awaitRequest(second.requestId(), "REJECTED")
                    .body("decidedBy", equalTo("system"))
                    .body("decisionNote", equalTo("Assignment " + assignmentId
                            + " already has an extension request awaiting the committee's decision"));

            as("office-miit").get("/api/v1/extension-requests?assignmentId=" + assignmentId).then().statusCode(200)
                    .body("total", equalTo(2))
                    .body("items.id", equalTo(List.of(request.requestId().toString(), second.requestId().toString())))
                    .body("items.status", equalTo(List.of("PENDING", "REJECTED")));
            // the committee decides the registered one as any other
            as("committee-wang").contentType(ContentType.JSON).body("{\"note\":\"同意延期\"}")
                    .post("/api/v1/extension-requests/" + request.requestId() + "/approval").then().statusCode(200)
                    .body("status", equalTo("GRANTED"));
            as("committee-wang").get("/api/v1/assignments/" + assignmentId).then().body("replyDue", equalTo("2026-02-26"));

            List<Map<String, Object>> audit = as("admin").get("/api/v1/audit-records?recordType=ExtensionRequest&recordId="
                    + request.requestId()).then().statusCode(200).extract().path("items");
            assertEquals(List.of("ExtensionGranted", "ExtensionRequested"), audit.stream().map(r -> r.get("action")).toList());
            assertEquals("handler-miit-sme", ((Map<?, ?>) audit.get(1).get("actor")).get("id"));
        }
    }

    @Test
    void anInadmissibleRequestIsRefusedAtOnceSayingWhy() {
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            String assignmentId = assign(kafka);
            String replies = KafkaTestClient.topic(Topics.REPLY_EVENTS);

            // a date not later than the current deadline
            ReplyExtensionRequested early = asked(assignmentId, UUID.randomUUID(), LocalDate.of(2025, 12, 20), on(LocalDate.of(2025, 11, 3)));
            kafka.publish(replies, envelope(early));
            awaitRequest(early.requestId(), "REJECTED")
                    .body("decidedBy", equalTo("system"))
                    .body("requestedBy", equalTo("handler-miit-sme"))
                    .body("requestedDue", equalTo("2025-12-20"))
                    .body("decisionNote", equalTo("requestedDue: must be after the current deadline " + DUE));
            ExtensionRejected rejected = published(kafka, ExtensionRejected.class, e -> e.requestId().equals(early.requestId()));
            assertEquals("requestedDue: must be after the current deadline " + DUE, rejected.decisionNote());
            assertEquals(UUID.fromString(assignmentId), rejected.assignmentId());
            assertEquals("miit", rejected.unitId());

            // asked after the deadline
            time.moveTo(LocalDate.of(2026, 1, 5));
            ReplyExtensionRequested late = asked(assignmentId, UUID.randomUUID(), LocalDate.of(2026, 3, 26), on(LocalDate.of(2026, 1, 5)));
            kafka.publish(replies, envelope(late));
            awaitRequest(late.requestId(), "REJECTED")
                    .body("decisionNote", equalTo("An extension is asked for before the deadline; assignment " + assignmentId
                            + " was due on " + DUE));
            assertEquals("An extension is asked for before the deadline; assignment " + assignmentId + " was due on " + DUE,
                    published(kafka, ExtensionRejected.class, e -> e.requestId().equals(late.requestId())).decisionNote());

            // nothing changed the deadline, and the refusal is on the audit trail under the person who asked
            as("committee-wang").get("/api/v1/assignments/" + assignmentId).then().body("replyDue", equalTo(DUE.toString()));
            List<Map<String, Object>> audit = as("admin").get("/api/v1/audit-records?recordType=ExtensionRequest&recordId="
                    + late.requestId()).then().statusCode(200).extract().path("items");
            assertEquals(List.of("ExtensionRefused"), audit.stream().map(r -> r.get("action")).toList());
            assertEquals("handler-miit-sme", ((Map<?, ?>) audit.get(0).get("actor")).get("id"));
        }
    }
}
