package org.proposals.assignment;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proposals.events.Actor;
import org.proposals.events.EventCodec;
import org.proposals.events.EventEnvelope;
import org.proposals.events.IntegrationEvent;
import org.proposals.events.Topics;
import org.proposals.events.assignment.ProposalSupervised;
import org.proposals.events.assignment.SupervisionDirectiveIssued;
import org.proposals.events.assignment.SupervisionDirectiveRejected;
import org.proposals.events.supervision.SupervisionDirectiveReceived;
import org.proposals.infra.KafkaTestClient;
import org.proposals.infra.MovableClock;
import org.proposals.kit.time.CityClock;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.proposals.assignment.AssignmentFlowTest.as;
import static org.proposals.assignment.AssignmentFlowTest.assignment;

/**
 * The supervision system's directives, as the supervision adapter publishes them (SupervisionDirectiveReceived):
 * applied once under their directive id, however often they arrive, or rejected saying why, changing nothing.
 */
@QuarkusTest
class SupervisionDirectiveReceivedTest {

    /** The supervision system, as the adapter names it in the envelopes it publishes. */
    private static final Actor SUPERVISION_SYSTEM = new Actor("supervision-system", "市督查室督查系统",
            List.of("SUPERVISION_SYSTEM"), "supervision", null);

    @BeforeEach
    void standOnTheDayOfAssignment() {
        // assigned on Friday 26 September 2025, a sole unit's reply is due on 26 December
        QuarkusMock.installMockForType(new CityClock(MovableClock.at(LocalDate.of(2025, 9, 26))), CityClock.class);
    }

    private static String soleAssignment(UUID proposalId) {
        List<Map<String, Object>> created = as("committee-wang").contentType(ContentType.JSON)
                .body(assignment(proposalId, "miit", "SOLE")).post("/api/v1/assignments").then().statusCode(201).extract().path("$");
        return (String) created.get(0).get("id");
    }

    private static SupervisionDirectiveReceived directive(String type, UUID proposalId, String unitId, String leaderName,
                                                          String note, LocalDate dueDate) {
        return new SupervisionDirectiveReceived(UUID.randomUUID(), "DB-" + UUID.randomUUID().toString().substring(0, 8), type,
                proposalId, unitId, leaderName, note, dueDate, OffsetDateTime.now());
    }

    private static EventEnvelope envelope(SupervisionDirectiveReceived directive) {
        return EventCodec.envelope(directive, UUID.randomUUID(), null, SUPERVISION_SYSTEM);
    }

    private static void send(KafkaTestClient kafka, EventEnvelope envelope) {
        kafka.publish(KafkaTestClient.topic(Topics.SUPERVISION_EVENTS), envelope);
    }

    /**
     * The envelopes on assignment.events up to the last of the wanted events. Each marker is published after what the
     * test counts on the same partition (same key), so everything before it has been read.
     */
    @SafeVarargs
    private static List<EventEnvelope> readUntilAll(KafkaTestClient kafka, Predicate<IntegrationEvent>... wanted) {
        Set<Integer> found = new HashSet<>();
        return kafka.readUntil(KafkaTestClient.topic(Topics.ASSIGNMENT_EVENTS), r -> {
                    IntegrationEvent event = EventCodec.payloadOf(EventCodec.fromJson(r.value()));
                    for (int i = 0; i < wanted.length; i++) {
                        if (wanted[i].test(event)) {
                            found.add(i);
                        }
                    }
                    return found.size() == wanted.length;
                }, Duration.ofSeconds(30))
                .stream().map(r -> EventCodec.fromJson(r.value())).toList();
    }

    private static Predicate<IntegrationEvent> issued(UUID directiveId) {
        return e -> e instanceof SupervisionDirectiveIssued i && i.directiveId().equals(directiveId);
    }

    private static Predicate<IntegrationEvent> rejected(UUID directiveId) {
        return e -> e instanceof SupervisionDirectiveRejected r && r.directiveId().equals(directiveId);
    }

    private static <E extends IntegrationEvent> List<E> payloads(List<EventEnvelope> envelopes, Class<E> type,
                                                                 Predicate<IntegrationEvent> which) {
        List<E> matching = new ArrayList<>();
        for (EventEnvelope envelope : envelopes) {
            IntegrationEvent event = EventCodec.payloadOf(envelope);
            if (which.test(event)) {
                matching.add(type.cast(event));
            }
        }
        return matching;
    }

    private static List<Map<String, Object>> auditRecords(UUID directiveId) {
        return as("admin").get("/api/v1/audit-records?recordType=ReceivedDirective&recordId=" + directiveId)
                .then().statusCode(200).extract().path("items");
    }

    @Test
    void aDirectiveToAUnitIsIssuedOnItsAssignmentOnceUnderItsId() {
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            UUID proposalId = AssignmentFlowTest.registeredProposal(kafka);
            String id = soleAssignment(proposalId);
            String directives = "/api/v1/assignments/" + id + "/directives";
            SupervisionDirectiveReceived urge = directive("URGE", proposalId, "miit", null, "请加快办理", null);
            SupervisionDirectiveReceived earlier = directive("EARLIER_DEADLINE", proposalId, "miit", null, "市领导要求11月底前答复",
                    LocalDate.of(2025, 11, 28));
            EventEnvelope earlierEnvelope = envelope(earlier);
            send(kafka, envelope(urge));
            send(kafka, earlierEnvelope);

            // issued at the same instant of the city's clock: in no particular order
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("office-miit").get(directives).then().statusCode(200)
                    .body("id", containsInAnyOrder(urge.directiveId().toString(), earlier.directiveId().toString())));
            String earlierOne = "find { it.id == '" + earlier.directiveId() + "' }";
            as("office-miit").get(directives).then()
                    .body("find { it.id == '" + urge.directiveId() + "' }.type", equalTo("URGE"))
                    .body(earlierOne + ".type", equalTo("EARLIER_DEADLINE"))
                    .body(earlierOne + ".note", equalTo("市领导要求11月底前答复"))
                    .body(earlierOne + ".dueDate", equalTo("2025-11-28"))
                    .body(earlierOne + ".previousReplyDue", equalTo("2025-12-26"))
                    .body("issuedBy", equalTo(List.of("supervision-system", "supervision-system")));
            as("office-miit").get("/api/v1/assignments/" + id).then().body("replyDue", equalTo("2025-11-28"));

            // the same envelope redelivered, and both directives sent again under new event ids: were the earlier deadline
            // judged again, it would be rejected now, no longer being before the deadline it set
            send(kafka, earlierEnvelope);
            send(kafka, envelope(earlier));
            send(kafka, envelope(urge));
            // behind them on the partition: a new directive applied, and one rejected
            SupervisionDirectiveReceived report = directive("PROGRESS_REPORT", proposalId, "miit", null, "请于10月20日前报告进展",
                    LocalDate.of(2025, 10, 20));
            SupervisionDirectiveReceived notEarlier = directive("EARLIER_DEADLINE", proposalId, "miit", null, "请提前答复",
                    LocalDate.of(2025, 12, 1));
            send(kafka, envelope(report));
            send(kafka, envelope(notEarlier));

            List<EventEnvelope> published = readUntilAll(kafka, issued(report.directiveId()), rejected(notEarlier.directiveId()));
            assertEquals(1, payloads(published, SupervisionDirectiveIssued.class, issued(urge.directiveId())).size());
            List<SupervisionDirectiveIssued> issuedEarlier = payloads(published, SupervisionDirectiveIssued.class,
                    issued(earlier.directiveId()));
            assertEquals(1, issuedEarlier.size());
            assertEquals(UUID.fromString(id), issuedEarlier.get(0).assignmentId());
            assertEquals("EARLIER_DEADLINE", issuedEarlier.get(0).type());
            assertEquals(LocalDate.of(2025, 11, 28), issuedEarlier.get(0).dueDate());
            assertEquals(List.of(), payloads(published, SupervisionDirectiveRejected.class,
                    rejected(earlier.directiveId()).or(rejected(urge.directiveId()))));
            // the resulting event names the supervision system, as the envelope it applied did
            EventEnvelope issuedEnvelope = published.stream().filter(e -> issued(earlier.directiveId()).test(EventCodec.payloadOf(e)))
                    .findFirst().orElseThrow();
            assertEquals("supervision-system", issuedEnvelope.actor().id());
            assertEquals(earlierEnvelope.eventId(), issuedEnvelope.causationId());
            assertEquals("dueDate: must be before the current deadline 2025-11-28",
                    payloads(published, SupervisionDirectiveRejected.class, rejected(notEarlier.directiveId())).get(0).reason());

            as("office-miit").get(directives).then().body("id", containsInAnyOrder(urge.directiveId().toString(),
                    earlier.directiveId().toString(), report.directiveId().toString()));
            as("office-miit").get("/api/v1/assignments/" + id).then().body("replyDue", equalTo("2025-11-28"));
            List<Map<String, Object>> audit = auditRecords(earlier.directiveId());
            assertEquals(List.of("SupervisionDirectiveReceivedApplied"), audit.stream().map(r -> r.get("action")).toList());
            assertEquals("supervision-system", ((Map<?, ?>) audit.get(0).get("actor")).get("id"));
            List<Map<String, Object>> issuedAudit = as("admin").get("/api/v1/audit-records?recordType=SupervisionDirective&recordId="
                    + earlier.directiveId()).then().statusCode(200).extract().path("items");
            assertEquals(List.of("SupervisionDirectiveIssued"), issuedAudit.stream().map(r -> r.get("action")).toList());
            assertEquals("supervision-system", ((Map<?, ?>) issuedAudit.get(0).get("actor")).get("id"));
        }
    }

    @Test
    void aMarkKeyDirectiveMakesTheProposalKeyUnderItsId() {
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            UUID proposalId = AssignmentFlowTest.registeredProposal(kafka);
            SupervisionDirectiveReceived mark = directive("MARK_KEY", proposalId, null, "李副市长", "市领导重点督办", null);
            EventEnvelope markEnvelope = envelope(mark);
            send(kafka, markEnvelope);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("office-miit").get("/api/v1/key-proposals?size=200").then()
                    .statusCode(200).body("items.find { it.proposalId == '" + proposalId + "' }.supervisedBy", equalTo("李副市长")));

            // the same directive again under a new event id, naming another leader: it was applied already
            send(kafka, envelope(new SupervisionDirectiveReceived(mark.directiveId(), mark.externalId(), "MARK_KEY", proposalId,
                    null, "王市长", null, null, OffsetDateTime.now())));
            // behind it: a directive to a unit of the proposal not yet assigned, rejected
            SupervisionDirectiveReceived urge = directive("URGE", proposalId, "miit", null, "请加快办理", null);
            send(kafka, envelope(urge));

            List<EventEnvelope> published = readUntilAll(kafka, rejected(urge.directiveId()));
            Predicate<IntegrationEvent> supervisedProposal = e -> e instanceof ProposalSupervised s && s.proposalId().equals(proposalId);
            List<ProposalSupervised> supervised = payloads(published, ProposalSupervised.class, supervisedProposal);
            assertEquals(1, supervised.size());
            assertEquals(mark.directiveId(), supervised.get(0).directiveId());
            assertEquals("李副市长", supervised.get(0).leaderName());
            assertEquals("市领导重点督办", supervised.get(0).note());
            EventEnvelope supervisedEnvelope = published.stream().filter(e -> supervisedProposal.test(EventCodec.payloadOf(e)))
                    .findFirst().orElseThrow();
            assertEquals("supervision-system", supervisedEnvelope.actor().id());
            assertEquals("Unit miit does not handle proposal 20220024",
                    payloads(published, SupervisionDirectiveRejected.class, rejected(urge.directiveId())).get(0).reason());

            as("office-miit").get("/api/v1/key-proposals?size=200").then()
                    .body("items.find { it.proposalId == '" + proposalId + "' }.supervisedBy", equalTo("李副市长"));
            List<Map<String, Object>> audit = as("admin").get("/api/v1/audit-records?recordType=AssignableProposal&recordId=" + proposalId)
                    .then().statusCode(200).extract().path("items");
            List<Map<String, Object>> marked = audit.stream().filter(r -> "ProposalSupervised".equals(r.get("action"))).toList();
            assertEquals(1, marked.size());
            assertEquals("supervision-system", ((Map<?, ?>) marked.get(0).get("actor")).get("id"));
        }
    }

    @Test
    void aDirectiveThatCannotBeAppliedIsRejectedSayingWhyAndChangesNothing() {
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            UUID proposalId = AssignmentFlowTest.registeredProposal(kafka);
            String id = soleAssignment(proposalId);
            SupervisionDirectiveReceived otherUnit = directive("URGE", proposalId, "drc", null, "请加快办理", null);
            SupervisionDirectiveReceived notEarlier = directive("EARLIER_DEADLINE", proposalId, "miit", null, "请提前答复",
                    LocalDate.of(2026, 1, 30));
            SupervisionDirectiveReceived pastReport = directive("PROGRESS_REPORT", proposalId, "miit", null, "请报告进展",
                    LocalDate.of(2025, 9, 1));
            SupervisionDirectiveReceived noDue = directive("EARLIER_DEADLINE", proposalId, "miit", null, "请提前答复", null);
            SupervisionDirectiveReceived unknownType = directive("SUMMON", proposalId, "miit", null, "请来汇报", null);
            SupervisionDirectiveReceived unknownProposal = directive("URGE", UUID.randomUUID(), "miit", null, "请加快办理", null);
            EventEnvelope notEarlierEnvelope = envelope(notEarlier);
            for (SupervisionDirectiveReceived directive : List.of(otherUnit, pastReport, noDue, unknownType, unknownProposal)) {
                send(kafka, envelope(directive));
            }
            send(kafka, notEarlierEnvelope);
            // a rejected directive again, redelivered and under a new event id: not judged again
            send(kafka, notEarlierEnvelope);
            send(kafka, envelope(notEarlier));
            // behind them: a key proposal without its leader, rejected
            SupervisionDirectiveReceived noLeader = directive("MARK_KEY", proposalId, null, " ", "市领导重点督办", null);
            send(kafka, envelope(noLeader));

            List<EventEnvelope> published = readUntilAll(kafka, rejected(noLeader.directiveId()), rejected(unknownProposal.directiveId()));
            Map<UUID, String> expected = Map.of(
                    otherUnit.directiveId(), "Unit drc does not handle proposal 20220024",
                    notEarlier.directiveId(), "dueDate: must be before the current deadline 2025-12-26",
                    pastReport.directiveId(), "dueDate: must not be in the past",
                    noDue.directiveId(), "dueDate: is required for this directive",
                    unknownType.directiveId(), "type: SUMMON is not a directive (MARK_KEY, URGE, PROGRESS_REPORT, EARLIER_DEADLINE)",
                    unknownProposal.directiveId(), "Proposal " + unknownProposal.proposalId() + " does not exist",
                    noLeader.directiveId(), "leaderName: names the city leader who supervises the proposal");
            expected.forEach((directiveId, reason) -> {
                List<SupervisionDirectiveRejected> rejections = payloads(published, SupervisionDirectiveRejected.class, rejected(directiveId));
                assertEquals(1, rejections.size(), "rejections of " + directiveId);
                assertEquals(reason, rejections.get(0).reason());
            });
            SupervisionDirectiveRejected otherUnitRejected = payloads(published, SupervisionDirectiveRejected.class,
                    rejected(otherUnit.directiveId())).get(0);
            assertEquals(proposalId, otherUnitRejected.proposalId());
            assertEquals("drc", otherUnitRejected.unitId());
            EventEnvelope rejectedEnvelope = published.stream().filter(e -> rejected(notEarlier.directiveId()).test(EventCodec.payloadOf(e)))
                    .findFirst().orElseThrow();
            assertEquals("supervision-system", rejectedEnvelope.actor().id());
            assertEquals(notEarlierEnvelope.eventId(), rejectedEnvelope.causationId());
            assertEquals(List.of(), payloads(published, SupervisionDirectiveIssued.class,
                    e -> e instanceof SupervisionDirectiveIssued i && expected.containsKey(i.directiveId())));

            // nothing changed
            as("office-miit").get("/api/v1/assignments/" + id + "/directives").then().statusCode(200).body("size()", equalTo(0));
            as("office-miit").get("/api/v1/assignments/" + id).then().body("replyDue", equalTo("2025-12-26"));
            as("office-miit").get("/api/v1/key-proposals?size=200").then().body("items.proposalId", not(hasItem(proposalId.toString())));
            List<Map<String, Object>> audit = auditRecords(notEarlier.directiveId());
            assertEquals(List.of("SupervisionDirectiveRejected"), audit.stream().map(r -> r.get("action")).toList());
            assertEquals("supervision-system", ((Map<?, ?>) audit.get(0).get("actor")).get("id"));
            assertEquals("REJECTED", ((Map<?, ?>) ((Map<?, ?>) audit.get(0).get("changes")).get("outcome")).get("after"));
        }
    }
}
