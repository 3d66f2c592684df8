package org.proposals.assignment;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proposals.assignment.service.AssignmentMetrics;
import org.proposals.assignment.service.DeadlineWatch;
import org.proposals.events.Actor;
import org.proposals.events.EventCodec;
import org.proposals.events.HandlingType;
import org.proposals.events.IntegrationEvent;
import org.proposals.events.ResultCategory;
import org.proposals.events.Topics;
import org.proposals.events.assignment.DeadlineReminderSent;
import org.proposals.events.assignment.DeadlineMissed;
import org.proposals.events.reply.CoHandlingOpinionSubmitted;
import org.proposals.events.reply.ContactRecorded;
import org.proposals.events.reply.ReplyApproved;
import org.proposals.infra.KafkaTestClient;
import org.proposals.infra.PrometheusText;
import org.proposals.infra.MovableClock;
import org.proposals.kit.time.CityClock;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proposals.assignment.AssignmentFlowTest.as;
import static org.proposals.assignment.AssignmentFlowTest.assignment;

/** Reminders before a deadline, escalation up the responsibility chain after it, and the traffic light; the clock is moved. */
@QuarkusTest
class DeadlineWatchTest {

    private final MovableClock time = MovableClock.at(LocalDate.of(2025, 9, 26));

    @Inject
    DeadlineWatch watch;

    @Inject
    EntityManager entityManager;

    @Inject
    AssignmentMetrics metrics;

    @BeforeEach
    void standBeforeTheHoliday() {
        QuarkusMock.installMockForType(new CityClock(time), CityClock.class);
    }

    private String light(String assignmentId) {
        return as("committee-wang").get("/api/v1/assignments/" + assignmentId).then().statusCode(200).extract().path("light");
    }

    @Test
    void theUnitIsRemindedThenTheChainIsToldLevelByLevelAndEachNoticeGoesOutOnce() {
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            UUID proposalId = AssignmentFlowTest.registeredProposal(kafka);
            List<Map<String, Object>> created = as("committee-wang").contentType(ContentType.JSON)
                    .body(assignment(proposalId, "miit", "SOLE")).post("/api/v1/assignments").then().statusCode(201).extract().path("$");
            String id = (String) created.get(0).get("id");   // sign-for due Friday 10 October, reply due 26 December
            assertEquals("GREEN", light(id));
            // the office names the chain: the notices name its people
            as("office-miit").contentType(ContentType.JSON).body("""
                    {"divisionId":"miit-sme","bureauHeadId":"leader-miit","deputyHeadId":"deputy-miit",
                     "divisionHeadId":"head-miit-sme","handlerId":"handler-miit-sme"}""")
                    .put("/api/v1/assignments/" + id + "/responsibility").then().statusCode(200);
            // the handler called the proposer at once: the first-contact clock stops and sends nothing
            publish(kafka, Topics.REPLY_EVENTS, new ContactRecorded(UUID.randomUUID(), UUID.randomUUID(), UUID.fromString(id), proposalId, "miit",
                    "PHONE", false, OffsetDateTime.now()));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("committee-wang").get("/api/v1/assignments/" + id)
                    .then().body("firstContactAt", notNullValue()));

            // Monday 29 September: 3 working days left (30 September, 9 and 10 October) — the 3-day reminder
            time.moveTo(LocalDate.of(2025, 9, 29));
            watch.scan();
            watch.scan();
            assertEquals("YELLOW", light(id));
            // Thursday 9 October: 1 working day left — the 1-day reminder
            time.moveTo(LocalDate.of(2025, 10, 9));
            watch.scan();
            // Monday 13 October, not signed for: 2 working days late (Saturday 11 October was worked) — the division head
            time.moveTo(LocalDate.of(2025, 10, 13));
            watch.scan();
            assertEquals("RED", light(id));
            // Monday 20 October: 7 working days late — the deputy head in charge; Monday 27 October: 12 — the bureau head
            time.moveTo(LocalDate.of(2025, 10, 20));
            watch.scan();
            time.moveTo(LocalDate.of(2025, 10, 27));
            watch.scan();
            watch.scan();

            as("office-miit").post("/api/v1/assignments/" + id + "/sign-for").then().statusCode(200).body("signedLate", equalTo(true));
            assertEquals("GREEN", light(id), "the reply is due in two months");

            List<IntegrationEvent> notices = notices(kafka, id, 5);
            assertEquals(List.of(
                    new DeadlineReminderSent(UUID.fromString(id), proposalId, "miit", "sign-for", LocalDate.of(2025, 10, 10), 3, "handler-miit-sme"),
                    new DeadlineReminderSent(UUID.fromString(id), proposalId, "miit", "sign-for", LocalDate.of(2025, 10, 10), 1, "handler-miit-sme"),
                    new DeadlineMissed(UUID.fromString(id), proposalId, "miit", "sign-for", LocalDate.of(2025, 10, 10), 2, "DIVISION_HEAD", "head-miit-sme"),
                    new DeadlineMissed(UUID.fromString(id), proposalId, "miit", "sign-for", LocalDate.of(2025, 10, 10), 7, "DEPUTY_HEAD", "deputy-miit"),
                    new DeadlineMissed(UUID.fromString(id), proposalId, "miit", "sign-for", LocalDate.of(2025, 10, 10), 12, "BUREAU_HEAD", "leader-miit")),
                    notices);

            // the approved reply (B: being solved, the measure promised by 31 March 2026) stops the reply clock and
            // starts the second-reply clock
            publish(kafka, Topics.REPLY_EVENTS, new ReplyApproved(UUID.randomUUID(), UUID.randomUUID(), UUID.fromString(id),
                    proposalId, "miit", HandlingType.SOLE, ResultCategory.B, OffsetDateTime.now(), LocalDate.of(2026, 3, 31)));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("committee-wang").get("/api/v1/assignments/" + id)
                    .then().body("repliedAt", notNullValue()).body("commitmentDue", equalTo("2026-03-31")));
            time.moveTo(LocalDate.of(2025, 12, 22));
            watch.scan();
            time.moveTo(LocalDate.of(2026, 1, 5));
            watch.scan();
            assertEquals("GREEN", light(id));
            // Friday 27 March: 2 working days left for the promised measure
            time.moveTo(LocalDate.of(2026, 3, 27));
            watch.scan();
            assertEquals("YELLOW", light(id));
            // the second reply (A: solved) keeps the promise; nothing more is sent
            publish(kafka, Topics.REPLY_EVENTS, new ReplyApproved(UUID.randomUUID(), UUID.randomUUID(), UUID.fromString(id),
                    proposalId, "miit", HandlingType.SOLE, ResultCategory.A, OffsetDateTime.now(), null));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("committee-wang").get("/api/v1/assignments/" + id)
                    .then().body("commitmentMetAt", notNullValue()));
            time.moveTo(LocalDate.of(2026, 4, 10));
            watch.scan();
            assertEquals("GREEN", light(id));
            List<IntegrationEvent> all = notices(kafka, id, 6);
            assertEquals(6, all.size(), "nothing more about this assignment: " + all);
            assertEquals(new DeadlineReminderSent(UUID.fromString(id), proposalId, "miit", "second-reply", LocalDate.of(2026, 3, 31), 2,
                    "handler-miit-sme"), all.get(5));
        }
    }

    @Test
    void aCoHandlersOpinionClockStopsWhenTheOpinionReachesTheLead() {
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            UUID proposalId = AssignmentFlowTest.registeredProposal(kafka);
            List<Map<String, Object>> created = as("committee-wang").contentType(ContentType.JSON)
                    .body(assignment(proposalId, "miit", "LEAD", "drc", "CO_HANDLING")).post("/api/v1/assignments").then()
                    .statusCode(201).extract().path("$");
            String drcs = (String) created.stream().filter(a -> "drc".equals(a.get("unitId"))).findFirst().orElseThrow().get("id");
            as("office-drc").post("/api/v1/assignments/" + drcs + "/sign-for").then().statusCode(200);
            // Wednesday 22 October: the opinion is due on Monday 27 October, 3 working days away
            time.moveTo(LocalDate.of(2025, 10, 22));
            watch.scan();
            assertEquals("YELLOW", light(drcs));
            publish(kafka, Topics.REPLY_EVENTS, new CoHandlingOpinionSubmitted(UUID.randomUUID(), UUID.randomUUID(), UUID.fromString(drcs), proposalId,
                    "drc", "miit", OffsetDateTime.now()));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("committee-wang").get("/api/v1/assignments/" + drcs)
                    .then().body("opinionSubmittedAt", notNullValue()));
            time.moveTo(LocalDate.of(2025, 10, 29));
            watch.scan();
            assertEquals("GREEN", light(drcs));
            assertEquals(List.of(new DeadlineReminderSent(UUID.fromString(drcs), proposalId, "drc", "co-handling-opinion",
                    LocalDate.of(2025, 10, 27), 3, null)), notices(kafka, drcs, 1));
        }
    }

    /**
     * Several replicas run the watch on the same schedule: scans at the same moment send each notice once,
     * because a notice is claimed in deadline_notice (unique per assignment, clock, due date and notice) in
     * the transaction that writes its event, and a second claim waits for the first and then finds it.
     */
    @Test
    void scansRunningAtTheSameTimeOnSeveralReplicasSendEachNoticeOnce() throws Exception {
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            UUID proposalId = AssignmentFlowTest.registeredProposal(kafka);
            List<Map<String, Object>> created = as("committee-wang").contentType(ContentType.JSON)
                    .body(assignment(proposalId, "miit", "SOLE")).post("/api/v1/assignments").then().statusCode(201).extract().path("$");
            String id = (String) created.get(0).get("id");   // sign-for due Friday 10 October
            // Monday 27 October, not signed for, 12 working days late: three escalations are due at once
            time.moveTo(LocalDate.of(2025, 10, 27));
            int replicas = 4;
            ExecutorService pool = Executors.newFixedThreadPool(replicas);
            try {
                CyclicBarrier together = new CyclicBarrier(replicas);
                List<Future<Integer>> scans = new ArrayList<>();
                for (int i = 0; i < replicas; i++) {
                    scans.add(pool.submit(() -> {
                        together.await();
                        return watch.scan();
                    }));
                }
                for (Future<Integer> scan : scans) {
                    scan.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            @SuppressWarnings("unchecked")
            List<IntegrationEvent> written = QuarkusTransaction.requiringNew().call(() -> ((List<String>) entityManager
                    .createNativeQuery("""
                            SELECT envelope FROM outbox_event
                             WHERE aggregate_id = ?1 AND event_type IN ('DeadlineReminderSent', 'DeadlineMissed')
                             ORDER BY position""")
                    .setParameter(1, id).getResultList()).stream()
                    .map(envelope -> EventCodec.payloadOf(EventCodec.fromJson(envelope))).toList());
            long claimed = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                    .createNativeQuery("SELECT count(*) FROM deadline_notice WHERE assignment_id = ?1")
                    .setParameter(1, UUID.fromString(id)).getSingleResult()).longValue());
            assertEquals(written.size(), written.stream().distinct().count(), "no notice written twice: " + written);
            assertEquals(claimed, written.size(), "one event per notice claimed");
            // the three escalations of the missed sign-for (the first-contact clock, also missed, has its own)
            assertEquals(List.of("DIVISION_HEAD", "DEPUTY_HEAD", "BUREAU_HEAD"), written.stream()
                    .filter(n -> n instanceof DeadlineMissed m && m.clock().equals("sign-for"))
                    .map(n -> ((DeadlineMissed) n).escalatedTo()).toList());
            assertEquals(written.size(), notices(kafka, id, written.size()).size());
        }
    }

    @Test
    void overdueAssignmentsAreCountedForPrometheusAndLeaveTheCountWhenTheWorkIsDone() {
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            UUID proposalId = AssignmentFlowTest.registeredProposal(kafka);
            List<Map<String, Object>> created = as("committee-wang").contentType(ContentType.JSON)
                    .body(assignment(proposalId, "miit", "SOLE")).post("/api/v1/assignments").then().statusCode(201).extract().path("$");
            String id = (String) created.get(0).get("id");   // sign-for due Friday 10 October
            time.moveTo(LocalDate.of(2025, 10, 13));           // not signed for: late
            metrics.refresh();
            double overdue = metric("assignments_overdue");
            double signForOverdue = metric("assignment_deadlines_overdue", "clock", "sign-for");
            assertTrue(overdue >= 1 && signForOverdue >= 1, overdue + " overdue, " + signForOverdue + " on sign-for");

            as("office-miit").post("/api/v1/assignments/" + id + "/sign-for").then().statusCode(200);
            metrics.refresh();
            assertEquals(overdue - 1, metric("assignments_overdue"));
            assertEquals(signForOverdue - 1, metric("assignment_deadlines_overdue", "clock", "sign-for"));
        }
    }

    private static double metric(String name, String... labels) {
        String exposition = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return PrometheusText.value(exposition, name, labels).orElseThrow(() -> new AssertionError(name + " not exposed"));
    }

    private static void publish(KafkaTestClient kafka, String topic, IntegrationEvent event) {
        kafka.publish(KafkaTestClient.topic(topic), EventCodec.envelope(event, UUID.randomUUID(), null, Actor.SYSTEM));
    }

    /** The reminders and escalations published about one assignment, in order, waiting until {@code count} arrived. */
    private static List<IntegrationEvent> notices(KafkaTestClient kafka, String assignmentId, int count) {
        AtomicInteger seen = new AtomicInteger();
        return kafka.readUntil(KafkaTestClient.topic(Topics.ASSIGNMENT_EVENTS),
                        r -> assignmentId.equals(r.key()) && isNotice(r) && seen.incrementAndGet() >= count, Duration.ofSeconds(30))
                .stream().filter(r -> assignmentId.equals(r.key()) && isNotice(r))
                .map(r -> EventCodec.payloadOf(EventCodec.fromJson(r.value()))).toList();
    }

    private static boolean isNotice(ConsumerRecord<String, String> r) {
        String type = KafkaTestClient.header(r, Topics.HEADER_EVENT_TYPE);
        return "DeadlineReminderSent".equals(type) || "DeadlineMissed".equals(type);
    }
}
