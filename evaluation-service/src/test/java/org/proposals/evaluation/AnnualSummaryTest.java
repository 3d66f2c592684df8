package org.proposals.evaluation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.proposals.events.HandlingType;
import org.proposals.events.ProposalKind;
import org.proposals.events.ProposalSource;
import org.proposals.events.ResultCategory;
import org.proposals.events.assignment.AssignmentAdjusted;
import org.proposals.events.assignment.AssignmentSigned;
import org.proposals.events.assignment.DeadlineMissed;
import org.proposals.events.assignment.ProposalAssigned;
import org.proposals.events.proposal.ProposalSubmitted;
import org.proposals.events.reply.CoHandlingOpinionSubmitted;
import org.proposals.events.reply.ContactRecorded;
import org.proposals.events.reply.ReplyApproved;
import org.proposals.events.reply.ReplyDelivered;
import org.proposals.events.reply.WorkMeasureRecorded;
import org.proposals.infra.KafkaTestClient;
import org.proposals.kit.document.DocxText;
import org.proposals.kit.tabular.TabularFile;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proposals.evaluation.HandlingScenario.PROPOSER;
import static org.proposals.evaluation.HandlingScenario.as;

/**
 * A unit's year as the other services report it, summed up: two sole proposals (one of them replied after its
 * deadline, its first contact late too), a lead proposal that led to three measures and was rated, a co-handling
 * opinion on time, a split proposal re-assigned in the recess and still open, and a co-handling assignment ended
 * by an adjustment. The JSON, the Markdown, the DOCX and the register state exactly those figures.
 */
@QuarkusTest
class AnnualSummaryTest {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    final String unit = "unit-" + UUID.randomUUID();
    final LocalDate today = LocalDate.now(CITY);
    final int year = today.getYear();
    final OffsetDateTime now = OffsetDateTime.now(CITY);
    final UUID session = UUID.randomUUID();

    @Test
    void theSummaryStatesTheYearsFiguresInEveryForm() {
        UUID sole1 = UUID.randomUUID();
        UUID sole2 = UUID.randomUUID();
        UUID lead = UUID.randomUUID();
        UUID co = UUID.randomUUID();
        UUID recess = UUID.randomUUID();
        UUID ended = UUID.randomUUID();
        UUID leadReply = UUID.randomUUID();
        UUID leadCase = UUID.randomUUID();
        UUID[] assignments = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID()};
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            HandlingScenario.publish(kafka,
                    submitted(sole1, "20260001", List.of("INDUSTRY_CLUSTERS", "SME")),
                    submitted(sole2, "20260002", List.of()),
                    submitted(lead, "20260024", List.of("INDUSTRY_CLUSTERS")),
                    submitted(co, "20260031", List.of()),
                    submitted(recess, "20260040", List.of()),
                    submitted(ended, "20260052", List.of()),
                    assigned(assignments[0], sole1, HandlingType.SOLE, "INITIAL", today.minusDays(1)),
                    assigned(assignments[1], sole2, HandlingType.SOLE, "INITIAL", today.minusDays(20)),
                    assigned(assignments[2], lead, HandlingType.LEAD, "INITIAL", today.plusDays(5)),
                    assigned(assignments[3], co, HandlingType.CO_HANDLING, "INITIAL", today.plusDays(5)),
                    assigned(assignments[4], recess, HandlingType.SPLIT, "RECESS_REASSIGNMENT", today.plusMonths(1)),
                    assigned(assignments[5], ended, HandlingType.CO_HANDLING, "INITIAL", today.plusDays(5)),
                    new AssignmentSigned(assignments[0], sole1, unit, now.minusMonths(2), false),
                    new AssignmentSigned(assignments[1], sole2, unit, now.minusMonths(2), true),
                    new AssignmentSigned(assignments[2], lead, unit, now.minusMonths(2), false),
                    new AssignmentSigned(assignments[3], co, unit, now.minusMonths(2), false),
                    contact(assignments[0], sole1), contact(assignments[1], sole2), contact(assignments[2], lead),
                    new DeadlineMissed(assignments[1], sole2, unit, "first-contact", today.minusMonths(2), 3, "DIVISION_HEAD", null),
                    reply(assignments[0], sole1, UUID.randomUUID(), ResultCategory.A, now.minusDays(3)),
                    reply(assignments[1], sole2, UUID.randomUUID(), ResultCategory.B, now.minusDays(3)),
                    reply(assignments[2], lead, leadReply, ResultCategory.A, now.minusDays(3)),
                    new ReplyDelivered(leadReply, leadCase, assignments[2], lead, unit, today.minusDays(2), "POST", List.of(PROPOSER), now),
                    new CoHandlingOpinionSubmitted(UUID.randomUUID(), UUID.randomUUID(), assignments[3], co, unit, "drc", now.minusDays(1)),
                    measure(lead, "智能终端产业集群行动计划", "ACTION_PLAN", null),
                    measure(lead, "现代时尚产业集群行动计划", "ACTION_PLAN", null),
                    measure(lead, "产业集群发展专项资金管理办法", "POLICY_DOCUMENT", "工信发〔2026〕12号"),
                    measure(sole1, "专精特新企业融通创新路演", "EVENT", null),
                    new AssignmentAdjusted(assignments[5], ended, unit, UUID.randomUUID(), "不属本单位职责", List.of(), now));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> summary().body("handled.total", equalTo(4))
                .body("convertedProposals.size()", equalTo(2)).body("reassignedInRecessOpen", equalTo(1))
                .body("timeliness.proposerContacts.due", equalTo(3)).body("handled.completed", equalTo(4)));
        as("member-zhang").contentType("application/json").body("{\"rating\":\"SATISFIED\"}")
                .post("/api/v1/replies/" + leadReply + "/satisfaction").then().statusCode(201);

        summary()
                .body("unitName", equalTo("市工业和信息化局"))
                .body("year", equalTo(year))
                .body("handled.sole", equalTo(2)).body("handled.lead", equalTo(1)).body("handled.split", equalTo(0))
                .body("handled.coHandling", equalTo(1)).body("handled.needingReply", equalTo(3)).body("handled.inProgress", equalTo(0))
                .body("mainTopics", contains("产业集群", "中小企业"))
                // A, B, A and the opinion given
                .body("adoption.adopted", equalTo(4)).body("adoption.total", equalTo(4))
                .body("convertedProposals.proposalNumber", contains("20260001", "20260024"))
                .body("convertedProposals[1].measures.size()", equalTo(3))
                .body("typicalCases.proposalNumber", contains("20260024", "20260001"))
                .body("typicalCases[0].measureCount", equalTo(3))
                .body("typicalCases[0].handlingType", equalTo("LEAD"))
                .body("timeliness.signFor.onTime", equalTo(3)).body("timeliness.signFor.due", equalTo(4))
                .body("timeliness.coHandlingOpinions.onTime", equalTo(1)).body("timeliness.coHandlingOpinions.due", equalTo(1))
                .body("timeliness.proposerContacts.onTime", equalTo(2)).body("timeliness.proposerContacts.due", equalTo(3))
                // the first sole reply came two days after its deadline
                .body("timeliness.formalReplies.onTime", equalTo(2)).body("timeliness.formalReplies.due", equalTo(3))
                .body("satisfaction.satisfied", equalTo(1)).body("satisfaction.rated", equalTo(1))
                .body("satisfaction.rate", equalTo(1.0f));
        // the evaluation is the year's points sheet
        float total = as("committee-wang").get("/api/v1/evaluations/" + unit + "/" + year).then().statusCode(200)
                .extract().path("total");
        summary().body("evaluation.points", equalTo(total));
        assertEquals(100f, summary().extract().<Number>path("evaluation.maximum").floatValue());
        assertTrue(total < 100, "the late sign-for and the late reply cost points: " + total);

        String docx = DocxText.of(bytes("application/vnd.openxmlformats-officedocument.wordprocessingml.document")).text();
        for (String text : List.of(docx, new String(bytes("text/markdown"), StandardCharsets.UTF_8))) {
            assertTrue(text.contains("其中承办件2件、主办件1件、会办件1件，目前已全部办理完成"), text);
            assertTrue(text.contains("除1件闭会期间重新交办的案件正在办理外"), text);
            assertTrue(text.contains("满意率为100%"), text);
            assertTrue(text.contains("产业集群发展专项资金管理办法"), text);
        }
        String csv = new String(registerBytes("text/csv"), StandardCharsets.UTF_8);
        assertEquals(5, csv.split("\r\n").length, csv);
        assertTrue(csv.startsWith("\uFEFF序号,提案编号,提案标题,措施类型,工作措施,文号,日期\r\n1,20260001,"), csv);
        TabularFile table = TabularFile.read("register.xlsx", TabularFile.XLSX_CONTENT_TYPE,
                new java.io.ByteArrayInputStream(registerBytes(TabularFile.XLSX_CONTENT_TYPE)));
        assertEquals(List.of("序号", "提案编号", "提案标题", "措施类型", "工作措施", "文号", "日期"), table.header());
        assertEquals(4, table.rows().size());
    }

    @Test
    void aSummaryIsOfOneUnitForAYearOrASession() {
        as("committee-wang").get("/api/v1/summaries/annual?year=2026").then().statusCode(400).body("errors[0].field", equalTo("unitId"));
        as("committee-wang").get("/api/v1/summaries/annual?unitId=miit").then().statusCode(400).body("errors[0].field", equalTo("year"));
        as("committee-wang").get("/api/v1/summaries/annual?unitId=miit&year=2026&sessionId=" + UUID.randomUUID()).then().statusCode(400);
        as("member-zhang").get("/api/v1/summaries/annual?unitId=miit&year=2026").then().statusCode(403);
        // a unit's people get their own unit's, whichever they ask for
        as("office-miit").get("/api/v1/summaries/annual?unitId=drc&year=2026").then().statusCode(200).body("unitId", equalTo("miit"));
    }

    private ValidatableResponse summary() {
        return as("committee-wang").accept("application/json")
                .get("/api/v1/summaries/annual?unitId=" + unit + "&year=" + year).then().statusCode(200);
    }

    private byte[] bytes(String type) {
        return as("committee-wang").accept(type).get("/api/v1/summaries/annual?unitId=" + unit + "&sessionId=" + session)
                .then().statusCode(200).extract().asByteArray();
    }

    private byte[] registerBytes(String type) {
        return as("committee-wang").accept(type).get("/api/v1/summaries/annual/register?unitId=" + unit + "&year=" + year)
                .then().statusCode(200).extract().asByteArray();
    }

    private ProposalSubmitted submitted(UUID proposalId, String number, List<String> topics) {
        return new ProposalSubmitted(proposalId, ProposalKind.PROPOSAL, number, "提案" + number, PROPOSER, now.minusMonths(3),
                session, year, ProposalSource.PLENARY, List.of(), topics);
    }

    private ProposalAssigned assigned(UUID assignmentId, UUID proposalId, HandlingType type, String origin, LocalDate due) {
        return new ProposalAssigned(assignmentId, proposalId, "提案", PROPOSER, unit, "市工业和信息化局", type,
                type == HandlingType.CO_HANDLING ? "drc" : null, now.minusMonths(2), due, origin);
    }

    private ContactRecorded contact(UUID assignmentId, UUID proposalId) {
        return new ContactRecorded(UUID.randomUUID(), UUID.randomUUID(), assignmentId, proposalId, unit, "VISIT", true,
                now.minusMonths(1));
    }

    private ReplyApproved reply(UUID assignmentId, UUID proposalId, UUID replyId, ResultCategory category, OffsetDateTime at) {
        return new ReplyApproved(replyId, UUID.randomUUID(), assignmentId, proposalId, unit, HandlingType.SOLE, category, at);
    }

    private WorkMeasureRecorded measure(UUID proposalId, String title, String kind, String documentNumber) {
        return new WorkMeasureRecorded(UUID.randomUUID(), UUID.randomUUID(), proposalId, unit, kind, title, documentNumber,
                today.minusMonths(1), now);
    }
}
