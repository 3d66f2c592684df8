package org.proposals.evaluation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.proposals.events.HandlingType;
import org.proposals.events.ProposalKind;
import org.proposals.events.ProposalSource;
import org.proposals.events.ResultCategory;
import org.proposals.events.assignment.AssignmentAdjusted;
import org.proposals.events.assignment.AssignmentSigned;
import org.proposals.events.assignment.DeadlineMissed;
import org.proposals.events.assignment.ProposalAssigned;
import org.proposals.events.assignment.RehandlingStarted;
import org.proposals.events.proposal.ProposalSubmitted;
import org.proposals.events.reply.CoHandlingOpinionSubmitted;
import org.proposals.events.reply.ContactDisputed;
import org.proposals.events.reply.ContactRecorded;
import org.proposals.events.reply.ReplyApproved;
import org.proposals.events.reply.ReplyDelivered;
import org.proposals.events.reply.WorkMeasureRecorded;
import org.proposals.infra.KafkaTestClient;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proposals.evaluation.HandlingScenario.PROPOSER;
import static org.proposals.evaluation.HandlingScenario.as;

/**
 * A unit's year as the other services report it: a lead proposal replied on time with two measures and contacts
 * (one disputed), a co-handling opinion given late, a sole proposal past its deadline, and a split assignment ended
 * by an adjustment. The breakdowns and the overdue list state exactly that, and a replay of the topics from their
 * beginning gives the same figures, the proposer's rating included.
 */
@QuarkusTest
class BreakdownAndReplayTest {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    @Inject
    EntityManager entityManager;

    final String unit = "unit-" + UUID.randomUUID();
    final UUID session = UUID.randomUUID();
    final LocalDate today = LocalDate.now(CITY);
    final OffsetDateTime assignedAt = OffsetDateTime.now(CITY).minusMonths(4);

    @Test
    void breakdownsOverdueItemsAndAReplayStateWhatTheEventsSay() {
        UUID lead = UUID.randomUUID();
        UUID coHandled = UUID.randomUUID();
        UUID sole = UUID.randomUUID();
        UUID split = UUID.randomUUID();
        UUID leadAssignment = UUID.randomUUID();
        UUID splitAssignment = UUID.randomUUID();
        UUID coAssignment = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        UUID disputedContact = UUID.randomUUID();
        UUID reply = UUID.randomUUID();
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            HandlingScenario.publish(kafka,
                    submitted(lead, "20220024", List.of("INDUSTRY_CLUSTERS", "DIGITAL_ECONOMY")),
                    submitted(coHandled, "20220031", List.of("SME")),
                    submitted(sole, "20220040", List.of()),
                    submitted(split, "20220052", List.of()),
                    assigned(leadAssignment, lead, HandlingType.LEAD, today.plusDays(10)),
                    assigned(coAssignment, coHandled, HandlingType.CO_HANDLING, today.minusMonths(2)),
                    assigned(UUID.randomUUID(), sole, HandlingType.SOLE, today.minusDays(3)),
                    assigned(splitAssignment, split, HandlingType.SPLIT, today.plusMonths(1)),
                    new AssignmentSigned(leadAssignment, lead, unit, assignedAt.plusDays(1), false),
                    new AssignmentSigned(coAssignment, coHandled, unit, assignedAt.plusDays(9), true),
                    new ContactRecorded(UUID.randomUUID(), caseId, leadAssignment, lead, unit, "FACE_TO_FACE", true, assignedAt.plusDays(5)),
                    new ContactRecorded(disputedContact, caseId, leadAssignment, lead, unit, "PHONE", false, assignedAt.plusDays(3)),
                    new ContactDisputed(disputedContact, caseId, lead, unit, "没有接到过电话", assignedAt.plusDays(6)),
                    new DeadlineMissed(leadAssignment, lead, unit, "first-contact", assignedAt.toLocalDate().plusDays(20), 2, "DIVISION_HEAD", null),
                    new CoHandlingOpinionSubmitted(UUID.randomUUID(), UUID.randomUUID(), coAssignment, coHandled, unit, "miit",
                            OffsetDateTime.now(CITY).minusDays(1)),
                    new WorkMeasureRecorded(UUID.randomUUID(), caseId, lead, unit, "ACTION_PLAN", "智能终端产业集群行动计划", null,
                            today.minusMonths(1), OffsetDateTime.now(CITY)),
                    new WorkMeasureRecorded(UUID.randomUUID(), caseId, lead, unit, "POLICY_DOCUMENT", "产业集群发展专项资金管理办法",
                            "工信发〔2022〕12号", today.minusMonths(1), OffsetDateTime.now(CITY)),
                    new AssignmentAdjusted(splitAssignment, split, unit, UUID.randomUUID(), "不属本单位职责", List.of(),
                            OffsetDateTime.now(CITY)),
                    new ReplyApproved(reply, caseId, leadAssignment, lead, unit, HandlingType.LEAD, ResultCategory.A,
                            OffsetDateTime.now(CITY).minusDays(2)),
                    new ReplyDelivered(reply, caseId, leadAssignment, lead, unit, today.minusDays(1), "POST", List.of(PROPOSER),
                            OffsetDateTime.now(CITY).minusDays(1)));
        }
        // events from three topics arrive in their own time: wait until every one is applied
        await().atMost(Duration.ofSeconds(60)).untilAsserted(this::figuresStateTheYear);
        // the proposer rates the delivered reply: the rating is this service's own record, and survives a replay
        as("member-zhang").contentType("application/json").body("{\"rating\":\"SATISFIED\",\"comment\":\"措施具体\"}")
                .post("/api/v1/replies/" + reply + "/satisfaction").then().statusCode(201);
        breakdown("HANDLING_TYPE").body("find { it.key == 'LEAD' }.rated", equalTo(1))
                .body("find { it.key == 'LEAD' }.satisfactionRate", equalTo(1.0f));
        String before = breakdown("HANDLING_TYPE").extract().asString();

        // the same figures from nothing but the topics
        Map<String, Object> replay = as("admin").post("/api/v1/read-model/replay").then().statusCode(200).extract().path("$");
        assertTrue(((Number) replay.get("eventsApplied")).longValue() >= 19, replay.toString());
        assertEquals(before, breakdown("HANDLING_TYPE").extract().asString());
        figuresStateTheYear();
        as("handler-miit-sme").post("/api/v1/read-model/replay").then().statusCode(403);
    }

    @Test
    void aNewRoundIsDueByTheReHandlingDeadline() {
        UUID proposal = UUID.randomUUID();
        UUID assignment = UUID.randomUUID();
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            HandlingScenario.publish(kafka, submitted(proposal, "20220060", List.of()),
                    assigned(assignment, proposal, HandlingType.SOLE, today.minusDays(5)));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("committee-wang")
                    .get("/api/v1/statistics/overdue?unitId=" + unit).then().body("total", equalTo(1)));
            // reopened for re-handling: the unit owes the new round's reply by the re-handling deadline
            HandlingScenario.publish(kafka, new RehandlingStarted(assignment, proposal, unit, 2, today.plusMonths(1), OffsetDateTime.now(CITY)));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("committee-wang")
                .get("/api/v1/statistics/overdue?unitId=" + unit).then().body("total", equalTo(0)));
    }

    private void figuresStateTheYear() {
        breakdown("HANDLING_TYPE")
                .body("key", contains("CO_HANDLING", "LEAD", "SOLE"))
                .body("find { it.key == 'LEAD' }.needingReply", equalTo(1))
                .body("find { it.key == 'LEAD' }.replied", equalTo(1))
                .body("find { it.key == 'LEAD' }.repliedOnTime", equalTo(1))
                .body("find { it.key == 'LEAD' }.onTimeReplyRate", equalTo(1.0f))
                .body("find { it.key == 'LEAD' }.signedOnTime", equalTo(1))
                // the opinion came a month after its due date, and the sign-for was late
                .body("find { it.key == 'CO_HANDLING' }.opinions", equalTo(1))
                .body("find { it.key == 'CO_HANDLING' }.opinionsOnTime", equalTo(0))
                .body("find { it.key == 'CO_HANDLING' }.signed", equalTo(1))
                .body("find { it.key == 'CO_HANDLING' }.signedOnTime", equalTo(0))
                .body("find { it.key == 'CO_HANDLING' }.needingReply", equalTo(0))
                .body("find { it.key == 'SOLE' }.replied", equalTo(0))
                .body("find { it.key == 'SOLE' }.overdue", equalTo(1))
                .body("find { it.key == 'SOLE' }.onTimeReplyRate", nullValue());
        // the split assignment ended with the unit's adjustment: it counts only as ENDED
        breakdown("STATUS").body("key", contains("DONE", "ENDED", "OPEN")).body("handlings", contains(2, 1, 1));
        breakdown("TOPIC").body("key", contains("DIGITAL_ECONOMY", "INDUSTRY_CLUSTERS", "SME", null))
                .body("handlings", contains(1, 1, 1, 1));
        breakdown("SESSION").body("key", contains(session.toString())).body("handlings", contains(3));
        // within the proposals' year (of their submission in the city) the topics and sessions are the same; in the
        // year before there is nothing
        int year = assignedAt.minusDays(10).getYear();
        breakdown("TOPIC&year=" + year).body("key", contains("DIGITAL_ECONOMY", "INDUSTRY_CLUSTERS", "SME", null))
                .body("handlings", contains(1, 1, 1, 1));
        breakdown("SESSION&year=" + year).body("key", contains(session.toString())).body("handlings", contains(3));
        breakdown("TOPIC&year=" + (year - 1)).body("$", hasSize(0));
        as("committee-wang").get("/api/v1/statistics/overdue?unitId=" + unit).then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].number", equalTo("20220040"))
                .body("items[0].due", equalTo(today.minusDays(3).toString()))
                .body("items[0].daysOverdue", equalTo(3));
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(2L, count("SELECT count(*) FROM handling_measure WHERE unit_id = ?1"));
            assertEquals(1L, count("SELECT count(*) FROM handling_contact WHERE unit_id = ?1 AND disputed"));
            assertEquals(1L, count("SELECT count(*) FROM missed_deadline WHERE unit_id = ?1 AND clock = 'first-contact'"));
            assertEquals(1L, count("SELECT count(*) FROM unit_handling WHERE unit_id = ?1 AND first_contact_at IS NOT NULL"));
        });
    }

    private ValidatableResponse breakdown(String by) {
        return as("committee-wang").get("/api/v1/statistics/breakdown?by=" + by + "&unitId=" + unit).then().statusCode(200);
    }

    private long count(String sql) {
        return ((Number) entityManager.createNativeQuery(sql).setParameter(1, unit).getSingleResult()).longValue();
    }

    private ProposalSubmitted submitted(UUID proposalId, String number, List<String> topics) {
        return new ProposalSubmitted(proposalId, ProposalKind.PROPOSAL, number, "提案" + number, PROPOSER,
                assignedAt.minusDays(10), session, 2022, ProposalSource.PLENARY, List.of(), topics);
    }

    private ProposalAssigned assigned(UUID assignmentId, UUID proposalId, HandlingType type, LocalDate due) {
        return new ProposalAssigned(assignmentId, proposalId, "提案", PROPOSER, unit, "市工业和信息化局", type,
                type == HandlingType.CO_HANDLING ? "miit" : null, assignedAt, due);
    }
}
