package org.proposals.evaluation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.proposals.evaluation.service.PointsSheetService;
import org.proposals.events.Actor;
import org.proposals.events.EventCatalog;
import org.proposals.events.EventCodec;
import org.proposals.events.EventEnvelope;
import org.proposals.events.HandlingType;
import org.proposals.events.IntegrationEvent;
import org.proposals.events.ProposalKind;
import org.proposals.events.ResultCategory;
import org.proposals.events.assignment.AssignmentSigned;
import org.proposals.events.assignment.DeadlineMissed;
import org.proposals.events.assignment.ProposalAssigned;
import org.proposals.events.proposal.ProposalSubmitted;
import org.proposals.events.reply.CoHandlingOpinionSubmitted;
import org.proposals.events.reply.CommitmentFulfilled;
import org.proposals.events.reply.ContactDisputed;
import org.proposals.events.reply.ContactRecorded;
import org.proposals.events.reply.ReplyApproved;
import org.proposals.events.reply.ReplyDelivered;
import org.proposals.infra.KafkaTestClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.proposals.evaluation.HandlingScenario.CITY;
import static org.proposals.evaluation.HandlingScenario.PROPOSER;
import static org.proposals.evaluation.HandlingScenario.WAIT;

/**
 * The points sheet, criterion by criterion: each scenario is a new unit's year as the other services report it, with
 * one kind of miss, and the sheet loses exactly the points the default rules say, naming the proposal and the events
 * that caused it. Then the office's adjustments and who sees which sheet.
 */
@QuarkusTest
class PointsSheetTest {

    @Inject
    PointsSheetService sheets;

    /** Submitted five months ago: assigned ten days later, replies due three months after assignment, now past. */
    final OffsetDateTime submittedAt = OffsetDateTime.now(CITY).minusMonths(5);
    final OffsetDateTime assignedAt = submittedAt.plusDays(10);
    final LocalDate replyDue = assignedAt.toLocalDate().plusMonths(3);
    final int year = submittedAt.getYear();

    /** A unit's handling of one proposal, and the events that tell it, in the order the services would send them. */
    final class Handling {
        final UUID proposalId = UUID.randomUUID();
        final UUID assignmentId = UUID.randomUUID();
        final UUID caseId = UUID.randomUUID();
        final UUID replyId = UUID.randomUUID();
        final String unitId;
        final String number;
        final HandlingType type;
        final List<EventEnvelope> events = new ArrayList<>();

        Handling(String unitId, String number, HandlingType type) {
            this.unitId = unitId;
            this.number = number;
            this.type = type;
            add(new ProposalSubmitted(proposalId, ProposalKind.PROPOSAL, number, "提案" + number, PROPOSER, submittedAt));
            add(new ProposalAssigned(assignmentId, proposalId, "提案" + number, PROPOSER, unitId, "测试局", type,
                    type == HandlingType.CO_HANDLING ? "miit" : null, assignedAt,
                    type == HandlingType.CO_HANDLING ? assignedAt.toLocalDate().plusMonths(1) : replyDue));
        }

        EventEnvelope add(IntegrationEvent event) {
            EventEnvelope envelope = EventCodec.envelope(event, UUID.randomUUID(), null, Actor.SYSTEM);
            events.add(envelope);
            return envelope;
        }

        Handling signed(boolean late) {
            add(new AssignmentSigned(assignmentId, proposalId, unitId, assignedAt.plusDays(late ? 9 : 1), late));
            return this;
        }

        UUID contact(boolean faceToFace) {
            UUID contactId = UUID.randomUUID();
            add(new ContactRecorded(contactId, caseId, assignmentId, proposalId, unitId, faceToFace ? "FACE_TO_FACE" : "PHONE",
                    faceToFace, assignedAt.plusDays(5)));
            return contactId;
        }

        Handling metFaceToFace() {
            contact(true);
            return this;
        }

        /** The formal reply approved on the day given and delivered to the proposer the same day. */
        Handling replied(OffsetDateTime approvedAt, ResultCategory category, LocalDate commitmentDue) {
            add(new ReplyApproved(replyId, caseId, assignmentId, proposalId, unitId, type, category, approvedAt, commitmentDue));
            LocalDate on = approvedAt.atZoneSameInstant(CITY).toLocalDate();
            add(new ReplyDelivered(replyId, caseId, assignmentId, proposalId, unitId, on, "POST", List.of(PROPOSER),
                    approvedAt.plusHours(1)));
            return this;
        }

        Handling repliedOnTime() {
            return replied(assignedAt.plusMonths(2), ResultCategory.A, null);
        }

        UUID missed(String clock, LocalDate due) {
            return add(new DeadlineMissed(assignmentId, proposalId, unitId, clock, due, 3, "DIVISION_HEAD", null)).eventId();
        }

        /** All on time: signed, met face to face, replied and delivered (a co-handling unit: its opinion given). */
        Handling onTime() {
            signed(false);
            if (type == HandlingType.CO_HANDLING) {
                add(new CoHandlingOpinionSubmitted(UUID.randomUUID(), caseId, assignmentId, proposalId, unitId, "miit",
                        assignedAt.plusDays(20)));
                return this;
            }
            return metFaceToFace().repliedOnTime();
        }
    }

    /** Decimals in the answers are read as BigDecimal, so that 9.00 is 9.00. */
    static RequestSpecification as(String person) {
        return HandlingScenario.as(person).config(RestAssuredConfig.config()
                .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)));
    }

    static BigDecimal p(String points) {
        return new BigDecimal(points);
    }

    static String newUnit() {
        return "unit-" + UUID.randomUUID();
    }

    static void publish(List<Handling> handlings) {
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            for (Handling h : handlings) {
                for (EventEnvelope envelope : h.events) {
                    kafka.publish(KafkaTestClient.topic(EventCatalog.contractOf(EventCodec.payloadOf(envelope).getClass()).topic()),
                            envelope);
                }
            }
        }
    }

    ValidatableResponse sheet(String unitId) {
        return as("committee-wang").get("/api/v1/evaluations/" + unitId + "/" + year).then();
    }

    /** The criterion's part of the sheet, as a GPath prefix. */
    static String criterion(String name) {
        return "criteria.find { it.criterion == '" + name + "' }";
    }

    /** Waits for the unit's handlings to be applied, then for the sheet to state what is expected. */
    void awaitSheet(String unitId, int handlings, java.util.function.Consumer<ValidatableResponse> expected) {
        await().atMost(WAIT).untilAsserted(() -> expected.accept(sheet(unitId).statusCode(200).body("handlings", equalTo(handlings))));
    }

    /** The proposer rates the handling's reply once it has been delivered; returns the satisfaction id. */
    String rate(Handling h, UUID replyId, String rating) {
        await().atMost(WAIT).untilAsserted(() -> as("committee-wang").queryParam("unitId", h.unitId)
                .get("/api/v1/ratings/pending?size=200").then().statusCode(200)
                .body("items.replyId", hasItem(replyId.toString())));
        return as("member-zhang").contentType(ContentType.JSON).body("{\"rating\":\"" + rating + "\"}")
                .post("/api/v1/replies/" + replyId + "/satisfaction").then().statusCode(201).extract().path("id");
    }

    static void expectOnlyDeduction(ValidatableResponse sheet, String name, Handling h, String points, String score,
                                    String total) {
        sheet.body(criterion(name) + ".score", equalTo(p(score)))
                .body(criterion(name) + ".deductions.size()", equalTo(1))
                .body(criterion(name) + ".deductions[0].proposalId", equalTo(h.proposalId.toString()))
                .body(criterion(name) + ".deductions[0].number", equalTo(h.number))
                .body(criterion(name) + ".deductions[0].unitId", equalTo(h.unitId))
                .body(criterion(name) + ".deductions[0].points", equalTo(p(points)))
                .body("criteria.findAll { it.criterion != '" + name + "' }.deductions.flatten()", empty())
                .body("total", equalTo(p(total)));
    }

    @Test
    void everythingOnTimeScoresFullMarks() {
        String unit = newUnit();
        Handling lead = new Handling(unit, "20220001", HandlingType.LEAD).onTime();
        Handling co = new Handling(unit, "20220002", HandlingType.CO_HANDLING).onTime();
        // a B reply whose promised measure was done before its due date
        Handling sole = new Handling(unit, "20220003", HandlingType.SOLE).signed(false).metFaceToFace()
                .replied(assignedAt.plusMonths(2), ResultCategory.B, replyDue.plusMonths(2));
        sole.add(new CommitmentFulfilled(UUID.randomUUID(), sole.caseId, sole.assignmentId, sole.proposalId, unit, "出台扶持政策",
                replyDue.plusMonths(2), null, assignedAt.plusMonths(3)));
        publish(List.of(lead, co, sole));
        awaitSheet(unit, 3, sheet -> sheet
                .body("criteria.criterion", contains("SIGN_FOR_ON_TIME", "OPINIONS_ON_TIME", "CONTACT_RATE", "FACE_TO_FACE_RATE",
                        "REPLIES_ON_TIME", "FIRST_ROUND_SATISFACTION", "REHANDLING_SATISFACTION", "COMMITMENTS_KEPT"))
                .body("criteria.max", contains(p("10.00"), p("10.00"), p("10.00"), p("5.00"), p("25.00"), p("25.00"), p("5.00"), p("10.00")))
                .body(criterion("SIGN_FOR_ON_TIME") + ".figure", equalTo(Map.of("met", 3, "of", 3, "percent", p("100.00"))))
                .body(criterion("OPINIONS_ON_TIME") + ".figure.of", equalTo(1))
                .body(criterion("FACE_TO_FACE_RATE") + ".figure", equalTo(Map.of("met", 2, "of", 2, "percent", p("100.00"))))
                .body(criterion("COMMITMENTS_KEPT") + ".figure", equalTo(Map.of("met", 1, "of", 1, "percent", p("100.00"))))
                .body("criteria.deductions.flatten()", empty())
                .body("total", equalTo(p("100.00"))).body("maximum", equalTo(p("100.00")))
                .body("unitName", equalTo("测试局")).body("year", equalTo(year)));
        rate(lead, lead.replyId, "SATISFIED");
        rate(sole, sole.replyId, "BASICALLY_SATISFIED");
        awaitSheet(unit, 3, sheet -> sheet
                .body(criterion("FIRST_ROUND_SATISFACTION") + ".figure", equalTo(Map.of("met", 2, "of", 2, "percent", p("100.00"))))
                .body("total", equalTo(p("100.00"))));

        // the annual summary's figure, and none for a unit without handlings that year
        assertEquals(Optional.of(new PointsSheet.Total(new BigDecimal("100.00"), new BigDecimal("100.00"))),
                sheets.total(unit, year));
        assertEquals(Optional.empty(), sheets.total(unit, year - 1));
        assertEquals(Optional.empty(), sheets.total(newUnit(), year));
        sheet(unit.toUpperCase()).statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aLateSignForCostsAPointAndNamesTheDeadlineMissed() {
        String unit = newUnit();
        Handling late = new Handling(unit, "20220011", HandlingType.LEAD).signed(true).metFaceToFace().repliedOnTime();
        UUID event = late.missed("sign-for", assignedAt.toLocalDate().plusDays(7));
        Handling fine = new Handling(unit, "20220012", HandlingType.SPLIT).onTime();
        publish(List.of(late, fine));
        awaitSheet(unit, 2, sheet -> {
            expectOnlyDeduction(sheet, "SIGN_FOR_ON_TIME", late, "1.00", "9.00", "99.00");
            sheet.body(criterion("SIGN_FOR_ON_TIME") + ".figure", equalTo(Map.of("met", 1, "of", 2, "percent", p("50.00"))))
                    .body(criterion("SIGN_FOR_ON_TIME") + ".deductions[0].causes",
                            equalTo(List.of(Map.of("type", "DeadlineMissed", "id", event.toString()))));
        });
    }

    @Test
    void aLateCoHandlingOpinionCostsAPointAndNamesTheDeadlineMissed() {
        String unit = newUnit();
        Handling late = new Handling(unit, "20220021", HandlingType.CO_HANDLING).signed(false);
        UUID event = late.missed("co-handling-opinion", assignedAt.toLocalDate().plusMonths(1));
        late.add(new CoHandlingOpinionSubmitted(UUID.randomUUID(), late.caseId, late.assignmentId, late.proposalId, unit, "miit",
                assignedAt.plusMonths(1).plusDays(10)));
        publish(List.of(late, new Handling(unit, "20220022", HandlingType.CO_HANDLING).onTime()));
        awaitSheet(unit, 2, sheet -> {
            expectOnlyDeduction(sheet, "OPINIONS_ON_TIME", late, "1.00", "9.00", "99.00");
            sheet.body(criterion("OPINIONS_ON_TIME") + ".deductions[0].causes.id", contains(event.toString()))
                    .body(criterion("OPINIONS_ON_TIME") + ".figure", equalTo(Map.of("met", 1, "of", 2, "percent", p("50.00"))));
        });
    }

    @Test
    void anUncontactedProposerLowersTheContactAndFaceToFaceRates() {
        // the seed's 44 handlings owing a reply; one proposer disputes the only contact, and it came too late anyway
        String unit = newUnit();
        List<Handling> year = new ArrayList<>();
        for (int i = 1; i <= 43; i++) {
            year.add(new Handling(unit, String.format("2022%04d", i), HandlingType.LEAD).onTime());
        }
        Handling uncontacted = new Handling(unit, "20220044", HandlingType.SOLE).signed(false);
        UUID disputed = uncontacted.contact(true);
        uncontacted.add(new ContactDisputed(disputed, uncontacted.caseId, uncontacted.proposalId, unit, "从未见面",
                assignedAt.plusDays(6)));
        UUID missed = uncontacted.missed("first-contact", assignedAt.toLocalDate().plusDays(21));
        uncontacted.repliedOnTime();
        year.add(uncontacted);
        publish(year);
        awaitSheet(unit, 44, sheet -> sheet
                // 43 of 44 = 97.73 %: 2.27 percentage points short at 1 point each
                .body(criterion("CONTACT_RATE") + ".figure", equalTo(Map.of("met", 43, "of", 44, "percent", p("97.73"))))
                .body(criterion("CONTACT_RATE") + ".score", equalTo(p("7.73")))
                .body(criterion("CONTACT_RATE") + ".deductions.number", contains("20220044"))
                .body(criterion("CONTACT_RATE") + ".deductions[0].points", equalTo(p("2.27")))
                .body(criterion("CONTACT_RATE") + ".deductions[0].causes", equalTo(List.of(
                        Map.of("type", "DeadlineMissed", "id", missed.toString()),
                        Map.of("type", "ContactRecorded", "id", disputed.toString()))))
                // 面商率 100 % = 5 points, -1 per percentage point short
                .body(criterion("FACE_TO_FACE_RATE") + ".figure", equalTo(Map.of("met", 43, "of", 44, "percent", p("97.73"))))
                .body(criterion("FACE_TO_FACE_RATE") + ".score", equalTo(p("2.73")))
                .body(criterion("FACE_TO_FACE_RATE") + ".deductions.proposalId", contains(uncontacted.proposalId.toString()))
                .body(criterion("FACE_TO_FACE_RATE") + ".deductions[0].causes.id", contains(disputed.toString()))
                .body("criteria.findAll { !(it.criterion in ['CONTACT_RATE', 'FACE_TO_FACE_RATE']) }.deductions.flatten()", empty())
                .body("total", equalTo(p("95.46"))));
    }

    @Test
    void aPhoneCallIsContactButNotAFaceToFaceConsultation() {
        String unit = newUnit();
        Handling phoned = new Handling(unit, "20220031", HandlingType.LEAD).signed(false);
        UUID call = phoned.contact(false);
        phoned.repliedOnTime();
        List<Handling> year = new ArrayList<>(List.of(phoned));
        for (int i = 2; i <= 20; i++) {
            year.add(new Handling(unit, String.format("2022%04d", 30 + i), HandlingType.SPLIT).onTime());
        }
        publish(year);
        // 19 of 20 = 95 %: 5 points short, the criterion's 5
        awaitSheet(unit, 20, sheet -> {
            expectOnlyDeduction(sheet, "FACE_TO_FACE_RATE", phoned, "5.00", "0.00", "95.00");
            sheet.body(criterion("FACE_TO_FACE_RATE") + ".deductions[0].causes",
                            equalTo(List.of(Map.of("type", "ContactRecorded", "id", call.toString()))))
                    .body(criterion("CONTACT_RATE") + ".figure.percent", equalTo(p("100.00")));
        });
    }

    @Test
    void aLateFormalReplyCostsTwoPointsAndNamesTheDeadlineMissed() {
        String unit = newUnit();
        Handling late = new Handling(unit, "20220041", HandlingType.SOLE).signed(false).metFaceToFace();
        UUID event = late.missed("formal-reply", replyDue);
        late.replied(assignedAt.plusMonths(3).plusDays(12), ResultCategory.A, null);
        publish(List.of(late, new Handling(unit, "20220042", HandlingType.LEAD).onTime()));
        awaitSheet(unit, 2, sheet -> {
            expectOnlyDeduction(sheet, "REPLIES_ON_TIME", late, "2.00", "23.00", "98.00");
            sheet.body(criterion("REPLIES_ON_TIME") + ".deductions[0].causes",
                            equalTo(List.of(Map.of("type", "DeadlineMissed", "id", event.toString()))))
                    .body(criterion("REPLIES_ON_TIME") + ".figure", equalTo(Map.of("met", 1, "of", 2, "percent", p("50.00"))));
        });
    }

    @Test
    void anUnsatisfiedFirstRoundLowersTheSatisfactionRate() {
        String unit = newUnit();
        List<Handling> year = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            year.add(new Handling(unit, String.format("2022%04d", 100 + i), HandlingType.LEAD).onTime());
        }
        publish(year);
        awaitSheet(unit, 20, sheet -> sheet.body("total", equalTo(p("100.00"))));
        Handling unsatisfied = year.get(6);
        String satisfactionId = null;
        for (Handling h : year) {
            String id = rate(h, h.replyId, h == unsatisfied ? "UNSATISFIED" : "SATISFIED");
            if (h == unsatisfied) {
                satisfactionId = id;
            }
        }
        String expectedId = satisfactionId;
        // 19 of 20 = 95 %: 5 percentage points short at 1 point each
        awaitSheet(unit, 20, sheet -> {
            expectOnlyDeduction(sheet, "FIRST_ROUND_SATISFACTION", unsatisfied, "5.00", "20.00", "95.00");
            sheet.body(criterion("FIRST_ROUND_SATISFACTION") + ".figure", equalTo(Map.of("met", 19, "of", 20, "percent", p("95.00"))))
                    .body(criterion("FIRST_ROUND_SATISFACTION") + ".deductions[0].causes",
                            equalTo(List.of(Map.of("type", "SatisfactionRecorded", "id", expectedId))));
        });
    }

    @Test
    void stillUnsatisfiedAfterRehandlingCostsFivePoints() {
        String unit = newUnit();
        Handling h = new Handling(unit, "20220201", HandlingType.LEAD).onTime();
        publish(List.of(h));
        awaitSheet(unit, 1, sheet -> sheet.body("total", equalTo(p("100.00"))));
        String first = rate(h, h.replyId, "UNSATISFIED");

        // re-handled: the round-2 reply, delivered, rated unsatisfied again
        UUID second = UUID.randomUUID();
        OffsetDateTime approvedAt = OffsetDateTime.now(CITY).minusDays(2);
        h.events.clear();
        h.add(new ReplyApproved(second, h.caseId, h.assignmentId, h.proposalId, unit, HandlingType.LEAD, ResultCategory.B,
                approvedAt, null, "REHANDLING", 2, "FULL"));
        h.add(new ReplyDelivered(second, h.caseId, h.assignmentId, h.proposalId, unit, approvedAt.toLocalDate(), "POST",
                List.of(PROPOSER), approvedAt.plusHours(1)));
        publish(List.of(h));
        String again = rate(h, second, "UNSATISFIED");
        awaitSheet(unit, 1, sheet -> sheet
                .body(criterion("REHANDLING_SATISFACTION") + ".figure", equalTo(Map.of("met", 0, "of", 1, "percent", p("0.00"))))
                .body(criterion("REHANDLING_SATISFACTION") + ".score", equalTo(p("0.00")))
                .body(criterion("REHANDLING_SATISFACTION") + ".deductions.number", contains("20220201"))
                .body(criterion("REHANDLING_SATISFACTION") + ".deductions[0].points", equalTo(p("5.00")))
                .body(criterion("REHANDLING_SATISFACTION") + ".deductions[0].causes",
                        equalTo(List.of(Map.of("type", "SatisfactionRecorded", "id", again))))
                // round 1 stays the first-round rating: 0 of 1 loses all 25
                .body(criterion("FIRST_ROUND_SATISFACTION") + ".score", equalTo(p("0.00")))
                .body(criterion("FIRST_ROUND_SATISFACTION") + ".deductions[0].causes.id", contains(first))
                // the re-handling reply came after the first deadline, which does not make the formal reply late
                .body(criterion("REPLIES_ON_TIME") + ".deductions", empty())
                .body("total", equalTo(p("70.00"))));
    }

    @Test
    void aPromiseKeptLateCostsTwoPointsAndNamesTheCommitmentAndTheDeadline() {
        String unit = newUnit();
        LocalDate promised = replyDue.plusDays(10);
        Handling late = new Handling(unit, "20220301", HandlingType.SOLE).signed(false).metFaceToFace()
                .replied(assignedAt.plusMonths(2), ResultCategory.B, promised);
        UUID event = late.missed("second-reply", promised);
        UUID commitment = UUID.randomUUID();
        late.add(new CommitmentFulfilled(commitment, late.caseId, late.assignmentId, late.proposalId, unit, "建成公共服务平台",
                promised, null, promised.plusDays(20).atTime(10, 0).atZone(CITY).toOffsetDateTime()));
        Handling kept = new Handling(unit, "20220302", HandlingType.LEAD).signed(false).metFaceToFace()
                .replied(assignedAt.plusMonths(2), ResultCategory.C, promised);
        kept.add(new CommitmentFulfilled(UUID.randomUUID(), kept.caseId, kept.assignmentId, kept.proposalId, unit, "修订管理办法",
                promised, null, promised.minusDays(3).atTime(10, 0).atZone(CITY).toOffsetDateTime()));
        publish(List.of(late, kept));
        awaitSheet(unit, 2, sheet -> {
            expectOnlyDeduction(sheet, "COMMITMENTS_KEPT", late, "2.00", "8.00", "98.00");
            sheet.body(criterion("COMMITMENTS_KEPT") + ".figure", equalTo(Map.of("met", 1, "of", 2, "percent", p("50.00"))))
                    .body(criterion("COMMITMENTS_KEPT") + ".deductions[0].causes", equalTo(List.of(
                            Map.of("type", "DeadlineMissed", "id", event.toString()),
                            Map.of("type", "CommitmentFulfilled", "id", commitment.toString()))));
        });
    }

    @Test
    void theOfficeAdjustsWithAReasonAndCanWithdrawItAudited() {
        String unit = newUnit();
        publish(List.of(new Handling(unit, "20220401", HandlingType.LEAD).onTime()));
        awaitSheet(unit, 1, sheet -> sheet.body("total", equalTo(p("100.00"))));
        String adjustments = "/api/v1/evaluations/" + unit + "/" + year + "/adjustments";

        // a reason is mandatory, and the points must say something
        as("committee-wang").contentType(ContentType.JSON).body("{\"points\":-3}").post(adjustments).then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("reason"));
        as("committee-wang").contentType(ContentType.JSON).body("{\"points\":-3,\"reason\":\"  \"}").post(adjustments).then()
                .statusCode(400).body("errors.field", hasItem("reason"));
        as("committee-wang").contentType(ContentType.JSON).body("{\"points\":0,\"reason\":\"无\"}").post(adjustments).then()
                .statusCode(400).body("errors.field", hasItem("points"));
        as("committee-wang").contentType(ContentType.JSON).body("{\"points\":1.234,\"reason\":\"无\"}").post(adjustments).then()
                .statusCode(400).body("errors.field", hasItem("points"));
        as("committee-wang").contentType(ContentType.JSON).body("{\"points\":-3,\"reason\":\"x\"}")
                .post("/api/v1/evaluations/" + unit + "/" + (year - 1) + "/adjustments").then().statusCode(404);
        sheet(unit).body("adjustments", empty()).body("total", equalTo(p("100.00")));

        String id = as("committee-wang").contentType(ContentType.JSON).header("X-Request-Id", "adjust-" + unit)
                .body("{\"points\":-3,\"reason\":\"答复件未按要求公开\"}").post(adjustments).then()
                .statusCode(201).header("Location", org.hamcrest.Matchers.containsString(adjustments + "/"))
                .body("points", equalTo(p("-3.00"))).body("reason", equalTo("答复件未按要求公开"))
                .body("createdById", equalTo("committee-wang")).body("withdrawn", equalTo(false))
                .extract().path("id");
        as("committee-wang").contentType(ContentType.JSON).body("{\"points\":1.5,\"reason\":\"典型案例被市政协通报表扬\"}")
                .post(adjustments).then().statusCode(201);
        sheet(unit).body("criteriaPoints", equalTo(p("100.00"))).body("adjustmentPoints", equalTo(p("-1.50")))
                .body("total", equalTo(p("98.50"))).body("maximum", equalTo(p("100.00")))
                .body("adjustments.reason", contains("答复件未按要求公开", "典型案例被市政协通报表扬"));
        assertEquals(Optional.of(new PointsSheet.Total(new BigDecimal("98.50"), new BigDecimal("100.00"))), sheets.total(unit, year));

        List<Map<String, Object>> added = as("admin").get("/api/v1/audit-records?recordType=EvaluationAdjustment&recordId=" + id)
                .then().statusCode(200).extract().path("items");
        assertEquals(1, added.size());
        assertEquals("EvaluationAdjustmentAdded", added.get(0).get("action"));
        assertEquals("committee-wang", ((Map<?, ?>) added.get(0).get("actor")).get("id"));
        assertEquals("adjust-" + unit, added.get(0).get("requestId"));
        assertEquals("答复件未按要求公开", HandlingScenario.changes(added.get(0)).get("reason").get("after"));

        // withdrawn with a reason: still listed, no longer counted; once only
        as("committee-wang").delete(adjustments + "/" + id).then().statusCode(400).body("errors.field", hasItem("reason"));
        as("committee-wang").queryParam("reason", "核实后已公开").delete(adjustments + "/" + id).then().statusCode(200)
                .body("withdrawn", equalTo(true)).body("withdrawalReason", equalTo("核实后已公开"))
                .body("withdrawnById", equalTo("committee-wang"));
        as("committee-wang").queryParam("reason", "again").delete(adjustments + "/" + id).then().statusCode(409);
        as("committee-wang").queryParam("reason", "x").delete(adjustments + "/" + UUID.randomUUID()).then().statusCode(404);
        // the bonus left takes the unit above the maximum
        sheet(unit).body("adjustments.withdrawn", contains(true, false)).body("total", equalTo(p("101.50")))
                .body("adjustmentPoints", equalTo(p("1.50")));
        as("office-miit").get(adjustments + "/" + id).then().statusCode(404);
        as("committee-wang").get(adjustments + "/" + id).then().statusCode(200).body("withdrawn", equalTo(true));
        List<Map<String, Object>> records = as("admin").get("/api/v1/audit-records?recordType=EvaluationAdjustment&recordId=" + id)
                .then().statusCode(200).extract().path("items");
        assertEquals(List.of("EvaluationAdjustmentWithdrawn", "EvaluationAdjustmentAdded"),
                records.stream().map(r -> r.get("action")).toList());
    }

    @Test
    void aUnitSeesItsOwnSheetOnly() {
        HandlingScenario s = new HandlingScenario(OffsetDateTime.now(), "miit");
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            HandlingScenario.publish(kafka, s.submitted, s.leadAssigned, s.leadSigned);
        }
        String own = "/api/v1/evaluations/miit/" + s.year;
        await().atMost(WAIT).untilAsserted(() -> as("office-miit").get(own).then().statusCode(200)
                .body("unitId", equalTo("miit")).body("criteria.size()", equalTo(8)));
        as("handler-miit-sme").get(own).then().statusCode(200);
        as("supervisor-city").get(own).then().statusCode(200);
        as("office-drc").get(own).then().statusCode(404).contentType("application/problem+json");
        as("office-miit").get("/api/v1/evaluations/" + s.coUnit + "/" + s.year).then().statusCode(404);
        as("member-zhang").get(own).then().statusCode(403).contentType("application/problem+json");
        as("office-miit").contentType(ContentType.JSON).body("{\"points\":5,\"reason\":\"自评加分\"}")
                .post(own + "/adjustments").then().statusCode(403);
        as("committee-wang").get("/api/v1/evaluations/miit/1800").then().statusCode(400);
        as("committee-wang").get("/api/v1/evaluations/" + newUnit() + "/" + s.year).then().statusCode(404)
                .body("criteria", org.hamcrest.Matchers.nullValue());
    }
}
