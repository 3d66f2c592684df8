package org.proposals.reply;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.proposals.events.EventCodec;
import org.proposals.events.EventEnvelope;
import org.proposals.events.HandlingType;
import org.proposals.events.Proposer;
import org.proposals.events.Topics;
import org.proposals.events.assignment.AssignmentAdjusted;
import org.proposals.events.assignment.ProposalAssigned;
import org.proposals.events.reply.WorkMeasureRecorded;
import org.proposals.infra.KafkaTestClient;
import org.proposals.kit.tabular.Row;
import org.proposals.kit.tabular.TabularFile;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proposals.reply.CaseLifecycleTest.as;
import static org.proposals.reply.CaseLifecycleTest.assigned;
import static org.proposals.reply.CaseLifecycleTest.auditRecords;
import static org.proposals.reply.CaseLifecycleTest.changes;
import static org.proposals.reply.CaseLifecycleTest.openCase;

/** The register of work measures proposals led to: recorded against a unit's live cases, announced once per case. */
@QuarkusTest
class WorkMeasureTest {

    static final String MEASURES = "/api/v1/work-measures";

    /** A year of its own for each run, so that the register of that year holds this run's measures first of all. */
    static final int YEAR = 1950 + ThreadLocalRandom.current().nextInt(60);

    static String measureJson(String kind, String title, String documentNumber, LocalDate issuedOn, String... caseIds) {
        return "{\"kind\":" + quoted(kind) + ",\"title\":" + quoted(title) + ",\"documentNumber\":" + quoted(documentNumber)
                + ",\"issuedOn\":" + quoted(issuedOn == null ? null : issuedOn.toString()) + ",\"issuer\":\"深圳市工业和信息化局\""
                + ",\"caseIds\":[" + String.join(",", List.of(caseIds).stream().map(WorkMeasureTest::quoted).toList()) + "]}";
    }

    static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    static ValidatableResponse record(String person, String body) {
        return as(person).contentType(ContentType.JSON).body(body).when().post(MEASURES).then();
    }

    static String recorded(String body) {
        return record("handler-miit-sme", body).statusCode(201).extract().path("id");
    }

    static ProposalAssigned assignedTo(String unitId, String unitName, String title) {
        return new ProposalAssigned(UUID.randomUUID(), UUID.randomUUID(), title, new Proposer("member-001", "张委员"), unitId,
                unitName, HandlingType.LEAD, null, OffsetDateTime.now(), LocalDate.now().plusMonths(3));
    }

    /** Reads reply.events until {@code count} WorkMeasureRecorded events of the measure arrived; returns them. */
    static List<WorkMeasureRecorded> announced(KafkaTestClient kafka, String measureId, int count) {
        AtomicInteger found = new AtomicInteger();
        List<ConsumerRecord<String, String>> read = kafka.readUntil(KafkaTestClient.topic(Topics.REPLY_EVENTS),
                r -> ofMeasure(r, measureId) != null && found.incrementAndGet() == count, Duration.ofSeconds(30));
        return read.stream().map(r -> ofMeasure(r, measureId)).filter(Objects::nonNull).toList();
    }

    private static WorkMeasureRecorded ofMeasure(ConsumerRecord<String, String> record, String measureId) {
        EventEnvelope envelope = EventCodec.fromJson(record.value());
        if (!"WorkMeasureRecorded".equals(envelope.type())) {
            return null;
        }
        WorkMeasureRecorded event = assertInstanceOf(WorkMeasureRecorded.class, EventCodec.payloadOf(envelope));
        return event.measureId().toString().equals(measureId) ? event : null;
    }

    @Test
    void aMeasureRecordedAgainstTwoCasesIsAnnouncedForEachAndLinkedOnceMore() {
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            ProposalAssigned first = assigned(UUID.randomUUID(), HandlingType.LEAD);
            ProposalAssigned second = assigned(UUID.randomUUID(), HandlingType.SOLE);
            ProposalAssigned third = assigned(UUID.randomUUID(), HandlingType.SPLIT);
            String caseA = openCase(kafka, first);
            String caseB = openCase(kafka, second);
            String caseC = openCase(kafka, third);
            LocalDate issued = LocalDate.now().minusDays(3);

            String id = record("handler-miit-sme", measureJson("ACTION_PLAN", "深圳市培育发展智能终端产业集群行动计划（2022-2025年）",
                    "深工信规〔2022〕3号", issued, caseA, caseB))
                    .statusCode(201)
                    .header("Location", matchesPattern(".*/api/v1/work-measures/[0-9a-f-]{36}"))
                    .header("ETag", equalTo("\"0\""))
                    .body("unitId", equalTo("miit"))
                    .body("kind", equalTo("ACTION_PLAN"))
                    .body("documentNumber", equalTo("深工信规〔2022〕3号"))
                    .body("issuedOn", equalTo(issued.toString()))
                    .body("issuer", equalTo("深圳市工业和信息化局"))
                    .body("recordedBy.id", equalTo("handler-miit-sme"))
                    .body("recordedAt", notNullValue())
                    .body("cases.caseId", containsInAnyOrder(caseA, caseB))
                    .body("cases.proposalTitle", hasItem(first.proposalTitle()))
                    .extract().path("id");

            List<WorkMeasureRecorded> events = announced(kafka, id, 2);
            assertEquals(2, events.size());
            for (WorkMeasureRecorded event : events) {
                ProposalAssigned of = event.caseId().toString().equals(caseA) ? first : second;
                assertEquals(of.proposalId(), event.proposalId());
                assertEquals("miit", event.unitId());
                assertEquals("ACTION_PLAN", event.kind());
                assertEquals("深圳市培育发展智能终端产业集群行动计划（2022-2025年）", event.title());
                assertEquals("深工信规〔2022〕3号", event.documentNumber());
                assertEquals(issued, event.issuedOn());
            }
            assertEquals(List.of(caseA, caseB).stream().sorted().toList(),
                    events.stream().map(e -> e.caseId().toString()).sorted().toList());

            // the measure and each link are on the audit trail, the links under their proposal
            List<Map<String, Object>> measureRecords = auditRecords("recordType=WorkMeasure&recordId=" + id);
            assertEquals(List.of("WorkMeasureRecorded"), measureRecords.stream().map(r -> r.get("action")).toList());
            assertEquals("handler-miit-sme", ((Map<?, ?>) measureRecords.get(0).get("actor")).get("id"));
            assertEquals("深工信规〔2022〕3号", changes(measureRecords.get(0)).get("documentNumber").get("after"));
            List<Map<String, Object>> linkRecords = auditRecords("proposalId=" + first.proposalId() + "&recordType=WorkMeasureLink");
            assertEquals(1, linkRecords.size());
            assertEquals(id + "/" + caseA, linkRecords.get(0).get("recordId"));

            // linking the first case again and a third: only the third is announced, and the ETag moves on
            as("office-miit").contentType(ContentType.JSON).body("{\"caseIds\":[\"" + caseA + "\",\"" + caseC + "\"]}")
                    .when().post(MEASURES + "/" + id + "/cases").then()
                    .statusCode(200)
                    .header("ETag", equalTo("\"1\""))
                    .body("cases.caseId", containsInAnyOrder(caseA, caseB, caseC));
            as("office-miit").contentType(ContentType.JSON).body("{\"caseIds\":[\"" + caseA + "\"]}")
                    .when().post(MEASURES + "/" + id + "/cases").then()
                    .statusCode(200).header("ETag", equalTo("\"1\"")).body("cases.size()", equalTo(3));
            // a later measure on the first case: its event follows any on that case's partition
            String later = recorded(measureJson("EVENT", "专精特新企业创新产品对接会", null, issued, caseA));
            announced(kafka, later, 1);
            List<WorkMeasureRecorded> all = announced(kafka, id, 3);
            assertEquals(List.of(caseA, caseB, caseC).stream().sorted().toList(),
                    all.stream().map(e -> e.caseId().toString()).sorted().toList());
            List<ConsumerRecord<String, String>> caseAEvents = kafka.readUntil(KafkaTestClient.topic(Topics.REPLY_EVENTS),
                    r -> ofMeasure(r, later) != null, Duration.ofSeconds(30));
            assertEquals(1, caseAEvents.stream().map(r -> ofMeasure(r, id)).filter(Objects::nonNull)
                    .filter(e -> e.caseId().toString().equals(caseA)).count(), "the case linked twice is announced once");
            assertTrue(as("office-miit").get(MEASURES + "?caseId=" + caseA).then().statusCode(200)
                    .extract().<List<String>>path("items.id").containsAll(List.of(id, later)));
        }
    }

    @Test
    void theListFiltersByProposalCaseKindAndDate() {
        String caseA;
        String caseB;
        ProposalAssigned first = assigned(UUID.randomUUID(), HandlingType.LEAD);
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            caseA = openCase(kafka, first);
            caseB = openCase(kafka, assigned(UUID.randomUUID(), HandlingType.LEAD));
        }
        String policy = recorded(measureJson("POLICY_DOCUMENT", "深圳市中小微企业上云资助项目实施细则", "深工信〔" + YEAR + "〕12号",
                LocalDate.of(YEAR, 3, 1), caseA));
        String plan = recorded(measureJson("ACTION_PLAN", "深圳市培育发展现代时尚产业集群行动计划", null,
                LocalDate.of(YEAR, 6, 30), caseA, caseB));
        String event = recorded(measureJson("EVENT", "产业会客厅-创新产品对接会", null, LocalDate.of(YEAR + 1, 1, 15), caseB));

        // newest issued first
        as("office-miit").get(MEASURES + "?proposalId=" + first.proposalId()).then().statusCode(200)
                .body("total", equalTo(2)).body("items.id", equalTo(List.of(plan, policy)))
                .body("page", equalTo(0)).body("size", equalTo(20));
        as("head-miit-sme").get(MEASURES + "?caseId=" + caseB).then().statusCode(200)
                .body("items.id", equalTo(List.of(event, plan)));
        as("leader-miit").get(MEASURES + "?caseId=" + caseB + "&kind=EVENT").then().body("items.id", equalTo(List.of(event)));
        as("leader-miit").get(MEASURES + "?caseId=" + caseB + "&year=" + YEAR).then().body("items.id", equalTo(List.of(plan)));
        as("leader-miit").get(MEASURES + "?caseId=" + caseA + "&from=" + YEAR + "-01-01&to=" + YEAR + "-03-01")
                .then().body("items.id", equalTo(List.of(policy)));
        as("leader-miit").get(MEASURES + "?caseId=" + caseA + "&size=1&page=1")
                .then().body("total", equalTo(2)).body("items.id", equalTo(List.of(policy)));
        as("committee-wang").get(MEASURES + "?unitId=miit&caseId=" + caseA).then().statusCode(200).body("total", equalTo(2));
        as("committee-wang").get(MEASURES + "?unitId=drc&caseId=" + caseA).then().statusCode(200).body("total", equalTo(0));
        // another unit sees none of them, and a measure of another unit does not exist for it
        as("office-drc").get(MEASURES + "?caseId=" + caseA).then().statusCode(200).body("total", equalTo(0));
        as("office-drc").get(MEASURES + "?unitId=miit").then().statusCode(200).body("items.unitId", not(hasItem("miit")));
        as("office-drc").get(MEASURES + "/" + policy).then().statusCode(404).contentType("application/problem+json");
        as("supervisor-city").get(MEASURES + "/" + policy).then().statusCode(200).body("title", equalTo("深圳市中小微企业上云资助项目实施细则"));
        as("office-miit").get(MEASURES + "?from=" + YEAR + "-02-01&to=" + YEAR + "-01-01").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        as("office-miit").get(MEASURES + "?kind=SPEECH").then().statusCode(400);
        as("office-miit").get(MEASURES + "/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void theRegisterListsEachProposalWithItsMeasuresAsJsonCsvAndXlsx() throws Exception {
        // titles of their own, so that the lines of this run's proposals can be told apart in the register
        int number = 20_220_000 + ThreadLocalRandom.current().nextInt(9_999);
        ProposalAssigned clusters = assignedTo("miit", "市工业和信息化局", "关于确保经济稳增长，创新产业集群服务模式的提案（第" + number + "号）");
        ProposalAssigned fashion = assignedTo("miit", "市工业和信息化局", "关于助力本市优质时尚品牌为深圳特色代言的提案（第" + (number + 1) + "号）");
        String clusterCase;
        String fashionCase;
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            clusterCase = openCase(kafka, clusters);
            fashionCase = openCase(kafka, fashion);
        }
        String network = recorded(measureJson("ACTION_PLAN", "深圳市培育发展网络与通信产业集群行动计划（2022-2025年）",
                "深府办〔" + YEAR + "〕7号", LocalDate.of(YEAR, 6, 1), clusterCase));
        String terminal = recorded(measureJson("ACTION_PLAN", "深圳市培育发展智能终端产业集群行动计划（2022-2025年）",
                null, LocalDate.of(YEAR, 5, 1), clusterCase));
        String shared = recorded(measureJson("POLICY_DOCUMENT", "深圳市现代时尚产业集群行动计划,含品牌与设计",
                null, LocalDate.of(YEAR, 7, 1), clusterCase, fashionCase));
        // another year's measure stays out of this year's register
        recorded(measureJson("EVENT", "时尚周", null, LocalDate.of(YEAR - 1, 10, 1), fashionCase));

        List<Map<String, Object>> proposals = as("office-miit").accept(ContentType.JSON)
                .get(MEASURES + "/register?year=" + YEAR).then().statusCode(200)
                .body("unitId", equalTo("miit")).body("year", equalTo(YEAR))
                .extract().path("proposals");
        List<Map<String, Object>> mine = proposals.stream()
                .filter(p -> List.of(clusters.proposalId().toString(), fashion.proposalId().toString()).contains(p.get("proposalId")))
                .toList();
        assertEquals(List.of(clusters.proposalTitle(), fashion.proposalTitle()), mine.stream().map(p -> p.get("proposalTitle")).toList());
        assertEquals(List.of(terminal, network, shared), idsOf(mine.get(0)));
        assertEquals(List.of(shared), idsOf(mine.get(1)));
        @SuppressWarnings("unchecked")
        Map<String, Object> firstMeasure = ((List<Map<String, Object>>) mine.get(0).get("measures")).get(1);
        assertEquals("行动计划", firstMeasure.get("kindLabel"));
        assertEquals("深府办〔" + YEAR + "〕7号", firstMeasure.get("documentNumber"));
        // people of another unit get their own unit's register, whatever they ask for
        as("office-drc").accept(ContentType.JSON).get(MEASURES + "/register?unitId=miit&year=" + YEAR).then().statusCode(200)
                .body("unitId", equalTo("drc")).body("proposals.proposalId", not(hasItem(clusters.proposalId().toString())));
        as("committee-wang").accept(ContentType.JSON).get(MEASURES + "/register?unitId=miit&year=" + YEAR).then().statusCode(200)
                .body("proposals.proposalId", hasItem(clusters.proposalId().toString()));

        byte[] csv = as("office-miit").accept("text/csv").get(MEASURES + "/register?year=" + YEAR).then().statusCode(200)
                .contentType(matchesPattern("text/csv.*"))
                .header("Content-Disposition", matchesPattern("attachment; filename=\"work-measures-miit-" + YEAR + ".csv\""))
                .extract().asByteArray();
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(csv[0], csv[1], csv[2]), "UTF-8 byte order mark");
        List<String> lines = List.of(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).split("\r\n"));
        assertEquals("序号,提案,承办单位,措施类型,工作措施,文号,日期,发文单位", lines.get(0));
        List<String> ofClusters = lines.stream().filter(l -> l.contains(clusters.proposalTitle())).toList();
        String seq = ofClusters.get(0).substring(0, ofClusters.get(0).indexOf(','));
        assertEquals(List.of(
                seq + "," + clusters.proposalTitle() + ",miit,行动计划,深圳市培育发展智能终端产业集群行动计划（2022-2025年）,," + YEAR + "-05-01,深圳市工业和信息化局",
                seq + "," + clusters.proposalTitle() + ",miit,行动计划,深圳市培育发展网络与通信产业集群行动计划（2022-2025年）,深府办〔" + YEAR + "〕7号," + YEAR + "-06-01,深圳市工业和信息化局",
                seq + "," + clusters.proposalTitle() + ",miit,政策文件,\"深圳市现代时尚产业集群行动计划,含品牌与设计\",," + YEAR + "-07-01,深圳市工业和信息化局"),
                ofClusters);
        // one group after another: the fashion proposal's line follows the clusters' lines, numbered next
        int last = lines.indexOf(ofClusters.get(2));
        assertEquals((Integer.parseInt(seq) + 1) + "," + fashion.proposalTitle() + ",miit,政策文件,"
                + "\"深圳市现代时尚产业集群行动计划,含品牌与设计\",," + YEAR + "-07-01,深圳市工业和信息化局", lines.get(last + 1));

        byte[] xlsx = as("office-miit").accept(TabularFile.XLSX_CONTENT_TYPE).get(MEASURES + "/register?year=" + YEAR).then()
                .statusCode(200).contentType(matchesPattern(TabularFile.XLSX_CONTENT_TYPE + ".*"))
                .extract().asByteArray();
        TabularFile sheet = TabularFile.read("register.xlsx", TabularFile.XLSX_CONTENT_TYPE, new ByteArrayInputStream(xlsx));
        assertEquals(List.of("序号", "提案", "承办单位", "措施类型", "工作措施", "文号", "日期", "发文单位"), sheet.header());
        List<Row> clusterRows = sheet.rows().stream().filter(r -> r.get("提案").equals(clusters.proposalTitle())).toList();
        assertEquals(List.of("深圳市培育发展智能终端产业集群行动计划（2022-2025年）", "深圳市培育发展网络与通信产业集群行动计划（2022-2025年）",
                "深圳市现代时尚产业集群行动计划,含品牌与设计"), clusterRows.stream().map(r -> r.get("工作措施")).toList());
        assertEquals(seq, clusterRows.get(0).get("序号"));
        assertEquals("深府办〔" + YEAR + "〕7号", clusterRows.get(1).get("文号"));
        assertEquals(YEAR + "-06-01", clusterRows.get(1).get("日期"));
        assertEquals("行动计划", clusterRows.get(1).get("措施类型"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> idsOf(Map<String, Object> proposal) {
        List<String> ids = new ArrayList<>();
        ((List<Map<String, Object>>) proposal.get("measures")).forEach(m -> ids.add((String) m.get("id")));
        return ids;
    }

    @Test
    void aMeasureNeedsKindTitleAPastDateAndCases() {
        String caseId;
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            caseId = openCase(kafka, assigned(UUID.randomUUID(), HandlingType.LEAD));
        }
        LocalDate yesterday = LocalDate.now().minusDays(1);
        record("handler-miit-sme", measureJson("ACTION_PLAN", null, null, yesterday, caseId)).statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("title"));
        record("handler-miit-sme", measureJson("ACTION_PLAN", "  ", null, yesterday, caseId)).statusCode(400)
                .body("errors.field", hasItem("title"));
        record("handler-miit-sme", measureJson(null, "行动计划", null, yesterday, caseId)).statusCode(400)
                .body("errors.field", hasItem("kind"));
        record("handler-miit-sme", measureJson("SPEECH", "行动计划", null, yesterday, caseId)).statusCode(400)
                .body("errors.field", hasItem("kind"));
        record("handler-miit-sme", measureJson("ACTION_PLAN", "行动计划", null, null, caseId)).statusCode(400)
                .body("errors.field", hasItem("issuedOn"));
        record("handler-miit-sme", measureJson("ACTION_PLAN", "行动计划", null, LocalDate.now().plusDays(2), caseId)).statusCode(400)
                .body("errors.field", equalTo(List.of("issuedOn")));
        record("handler-miit-sme", measureJson("ACTION_PLAN", "行动计划", null, yesterday)).statusCode(400)
                .body("errors.field", equalTo(List.of("caseIds")));
        record("handler-miit-sme", "{\"kind\":\"ACTION_PLAN\",\"title\":\"行动计划\",\"issuedOn\":\"" + yesterday + "\"}")
                .statusCode(400).body("errors.field", equalTo(List.of("caseIds")));
        record("handler-miit-sme", measureJson("ACTION_PLAN", "行动计划", null, yesterday, caseId, UUID.randomUUID().toString()))
                .statusCode(404);
        as("office-miit").get(MEASURES + "?caseId=" + caseId).then().body("total", equalTo(0));
    }

    @Test
    void onlyLiveCasesOfTheCallersUnit() {
        ProposalAssigned ofDrc = assignedTo("drc", "市发展和改革委员会", "关于促进民营经济发展的提案");
        ProposalAssigned toEnd = assigned(UUID.randomUUID(), HandlingType.LEAD);
        String drcCase;
        String ownCase;
        String endedCase;
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            kafka.publish(KafkaTestClient.topic(Topics.ASSIGNMENT_EVENTS), CaseLifecycleTest.envelope(ofDrc));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("office-drc")
                    .get("/api/v1/cases?proposalId=" + ofDrc.proposalId()).then().body("total", equalTo(1)));
            drcCase = as("office-drc").get("/api/v1/cases?proposalId=" + ofDrc.proposalId()).then().extract().path("items[0].id");
            ownCase = openCase(kafka, assigned(UUID.randomUUID(), HandlingType.LEAD));
            endedCase = openCase(kafka, toEnd);
            kafka.publish(KafkaTestClient.topic(Topics.ASSIGNMENT_EVENTS), CaseLifecycleTest.envelope(new AssignmentAdjusted(
                    toEnd.assignmentId(), toEnd.proposalId(), "miit", UUID.randomUUID(), "不属于我局职责", List.of(), OffsetDateTime.now())));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("office-miit").get("/api/v1/cases/" + endedCase)
                    .then().body("status", equalTo("ENDED")));
        }
        LocalDate yesterday = LocalDate.now().minusDays(1);
        record("handler-miit-sme", measureJson("EVENT", "座谈会", null, yesterday, ownCase, drcCase)).statusCode(404)
                .contentType("application/problem+json");
        record("handler-miit-sme", measureJson("EVENT", "座谈会", null, yesterday, ownCase, endedCase)).statusCode(409)
                .contentType("application/problem+json");
        as("office-miit").get(MEASURES + "?caseId=" + ownCase).then().body("total", equalTo(0));

        String id = recorded(measureJson("EVENT", "座谈会", null, yesterday, ownCase));
        as("office-miit").contentType(ContentType.JSON).body("{\"caseIds\":[\"" + drcCase + "\"]}")
                .post(MEASURES + "/" + id + "/cases").then().statusCode(404);
        as("office-miit").contentType(ContentType.JSON).body("{\"caseIds\":[\"" + endedCase + "\"]}")
                .post(MEASURES + "/" + id + "/cases").then().statusCode(409);
        as("office-miit").contentType(ContentType.JSON).body("{\"caseIds\":[]}")
                .post(MEASURES + "/" + id + "/cases").then().statusCode(400).body("errors.field", equalTo(List.of("caseIds")));
        // drc's people do not see the measure, so they cannot link it either
        as("office-drc").contentType(ContentType.JSON).body("{\"caseIds\":[\"" + drcCase + "\"]}")
                .post(MEASURES + "/" + id + "/cases").then().statusCode(404);
        as("office-miit").get(MEASURES + "/" + id).then().body("cases.caseId", equalTo(List.of(ownCase)));
    }

    @Test
    void aCorrectionNamesTheVersionItCorrects() {
        String caseId;
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            caseId = openCase(kafka, assigned(UUID.randomUUID(), HandlingType.LEAD));
        }
        LocalDate issued = LocalDate.now().minusDays(10);
        String id = recorded(measureJson("POLICY_DOCUMENT", "关于加快培育壮大市场的实施意见", null, issued, caseId));
        String url = MEASURES + "/" + id;
        String etag = as("office-miit").get(url).then().statusCode(200).extract().header("ETag");
        assertEquals("\"0\"", etag);
        String correction = "{\"kind\":\"POLICY_DOCUMENT\",\"title\":\"关于加快培育壮大市场主体的实施意见\","
                + "\"documentNumber\":\"深府〔2022〕1号\",\"issuedOn\":\"" + issued + "\",\"issuer\":\"深圳市人民政府\"}";

        as("head-miit-sme").contentType(ContentType.JSON).body(correction).put(url).then().statusCode(428)
                .contentType("application/problem+json");
        as("head-miit-sme").contentType(ContentType.JSON).header("If-Match", "\"7\"").body(correction).put(url).then().statusCode(412);
        as("office-drc").contentType(ContentType.JSON).header("If-Match", etag).body(correction).put(url).then().statusCode(404);
        as("committee-wang").contentType(ContentType.JSON).header("If-Match", etag).body(correction).put(url).then().statusCode(403);
        as("head-miit-sme").contentType(ContentType.JSON).header("If-Match", etag)
                .body(correction.replace(issued.toString(), LocalDate.now().plusDays(5).toString())).put(url).then()
                .statusCode(400).body("errors.field", equalTo(List.of("issuedOn")));
        as("head-miit-sme").contentType(ContentType.JSON).header("If-Match", etag).body(correction).put(url).then()
                .statusCode(200).header("ETag", equalTo("\"1\""))
                .body("title", equalTo("关于加快培育壮大市场主体的实施意见"))
                .body("documentNumber", equalTo("深府〔2022〕1号"))
                .body("correctedAt", notNullValue())
                .body("cases.caseId", equalTo(List.of(caseId)));
        // the same correction on the old version is stale; again on the new one it changes nothing
        as("head-miit-sme").contentType(ContentType.JSON).header("If-Match", etag).body(correction).put(url).then().statusCode(412);
        as("head-miit-sme").contentType(ContentType.JSON).header("If-Match", "\"1\"").body(correction).put(url).then()
                .statusCode(200).header("ETag", equalTo("\"1\""));

        List<Map<String, Object>> records = auditRecords("recordType=WorkMeasure&recordId=" + id);
        assertEquals(List.of("WorkMeasureCorrected", "WorkMeasureRecorded"), records.stream().map(r -> r.get("action")).toList());
        Map<String, Map<String, Object>> changed = changes(records.get(0));
        assertEquals(Map.of("before", "关于加快培育壮大市场的实施意见", "after", "关于加快培育壮大市场主体的实施意见"), changed.get("title"));
        assertEquals("深圳市人民政府", changed.get("issuer").get("after"));
        assertEquals("head-miit-sme", ((Map<?, ?>) records.get(0).get("actor")).get("id"));
    }

    @Test
    void proposersNeverSeeTheRegisterAndAnonymousCallersNothing() {
        String caseId;
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            caseId = openCase(kafka, assigned(UUID.randomUUID(), HandlingType.LEAD));
        }
        String body = measureJson("EVENT", "座谈会", null, LocalDate.now(), caseId);
        String id = recorded(body);
        as("member-zhang").get(MEASURES).then().statusCode(403).contentType("application/problem+json");
        as("member-zhang").get(MEASURES + "/" + id).then().statusCode(403);
        as("member-zhang").get(MEASURES + "/register").then().statusCode(403);
        as("member-zhang").accept("text/csv").get(MEASURES + "/register").then().statusCode(403);
        record("member-zhang", body).statusCode(403);
        record("committee-wang", body).statusCode(403);
        given().get(MEASURES).then().statusCode(401);
        given().get(MEASURES + "/register").then().statusCode(401);
        as("office-miit").get(MEASURES + "?caseId=" + caseId).then().body("total", equalTo(1));
    }
}
