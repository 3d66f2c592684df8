package org.proposals.reply;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.proposals.events.EventCodec;
import org.proposals.events.HandlingType;
import org.proposals.events.IntegrationEvent;
import org.proposals.events.Topics;
import org.proposals.events.assignment.ProposalAssigned;
import org.proposals.events.reply.ContactConfirmed;
import org.proposals.events.reply.ContactDisputed;
import org.proposals.events.reply.ContactRecorded;
import org.proposals.infra.DevIdentity;
import org.proposals.infra.KafkaTestClient;
import org.proposals.infra.TestIdentity;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proposals.reply.CaseLifecycleTest.as;
import static org.proposals.reply.CaseLifecycleTest.auditRecords;
import static org.proposals.reply.OpinionTest.assignment;
import static org.proposals.reply.OpinionTest.open;

/** The unit logs its contacts with the proposer, the proposer confirms or disputes each, and units' rates follow. */
@QuarkusTest
class ContactTest {

    private static final String PROBLEM = "application/problem+json";
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    static String contactJson(String channel, OffsetDateTime at, String participants, Boolean faceToFace) {
        return "{\"channel\":\"" + channel + "\",\"contactedAt\":\"" + at + "\",\"participants\":" + participants
                + ",\"summary\":\"就提案所提产业集群培育问题交换意见，介绍了我局工作进展。\""
                + (faceToFace == null ? "" : ",\"faceToFace\":" + faceToFace) + "}";
    }

    static ValidatableResponse log(RequestSpecification who, String caseId, String body) {
        return who.contentType(ContentType.JSON).body(body).post("/api/v1/cases/" + caseId + "/contacts").then();
    }

    static ValidatableResponse answer(String person, String caseId, String contactId, String body) {
        return as(person).contentType(ContentType.JSON).body(body)
                .post("/api/v1/cases/" + caseId + "/contacts/" + contactId + "/confirmation").then();
    }

    /** Shortly before now: never in the future, and (but right after midnight) on the day the case opened. */
    private static OffsetDateTime secondsAgo(int seconds) {
        return OffsetDateTime.now(CITY).minusSeconds(seconds);
    }

    @Test
    void theUnitLogsContactsAndTheProposerConfirmsOrDisputesEach() {
        UUID proposalId = UUID.randomUUID();
        ProposalAssigned assigned = assignment(proposalId, "miit", "市工业和信息化局", HandlingType.SOLE, null);
        String caseId;
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            caseId = open(kafka, assigned);

            String phone = log(as("handler-miit-sme"), caseId, contactJson("PHONE", secondsAgo(2 * 2), "[\"周承办\",\"张委员\"]", null))
                    .statusCode(201)
                    .header("Location", matchesPattern(".*/api/v1/cases/" + caseId + "/contacts/[0-9a-f-]{36}"))
                    .body("channel", equalTo("PHONE"))
                    .body("faceToFace", equalTo(false))
                    .body("participants", equalTo(List.of("周承办", "张委员")))
                    .body("confirmation", equalTo("UNANSWERED"))
                    .body("recordedBy.id", equalTo("handler-miit-sme"))
                    .extract().path("id");
            String meeting = log(as("head-miit-sme"), caseId, contactJson("FACE_TO_FACE", secondsAgo(1 * 2), "[\"孙处长\",\"张委员\"]", null))
                    .statusCode(201)
                    .body("faceToFace", equalTo(true))
                    .extract().path("id");

            List<ConsumerRecord<String, String>> read = kafka.readUntil(KafkaTestClient.topic(Topics.REPLY_EVENTS),
                    r -> caseId.equals(r.key()) && r.value().contains(meeting), Duration.ofSeconds(30));
            Map<UUID, ContactRecorded> recorded = eventsOf(read, caseId, ContactRecorded.class).stream()
                    .collect(Collectors.toMap(ContactRecorded::contactId, e -> e));
            assertEquals(Set.of(UUID.fromString(phone), UUID.fromString(meeting)), recorded.keySet());
            ContactRecorded phoneEvent = recorded.get(UUID.fromString(phone));
            assertEquals("PHONE", phoneEvent.channel());
            assertFalse(phoneEvent.faceToFace());
            assertEquals(assigned.assignmentId(), phoneEvent.assignmentId());
            assertEquals(proposalId, phoneEvent.proposalId());
            assertEquals("miit", phoneEvent.unitId());
            assertTrue(recorded.get(UUID.fromString(meeting)).faceToFace());

            // the case's proposer, the unit and overseers see them, newest first; nobody else
            for (String person : List.of("member-zhang", "office-miit", "committee-wang")) {
                as(person).get("/api/v1/cases/" + caseId + "/contacts").then()
                        .statusCode(200).body("total", equalTo(2)).body("items.id", equalTo(List.of(meeting, phone)));
            }
            as("member-zhang").get("/api/v1/cases/" + caseId + "/contacts/" + phone).then()
                    .statusCode(200).body("summary", containsString("产业集群"));
            as("member-li").get("/api/v1/cases/" + caseId + "/contacts").then().statusCode(404).contentType(PROBLEM);
            as("member-li").get("/api/v1/cases/" + caseId + "/contacts/" + phone).then().statusCode(404);
            as("office-drc").get("/api/v1/cases/" + caseId + "/contacts").then().statusCode(404);
            given().get("/api/v1/cases/" + caseId + "/contacts").then().statusCode(401);

            // the proposer answers each once; a dispute says why
            answer("member-zhang", caseId, phone, "{\"confirmed\":true}").statusCode(200)
                    .body("confirmation", equalTo("CONFIRMED")).body("proposerComment", nullValue());
            answer("member-zhang", caseId, meeting, "{\"confirmed\":false}").statusCode(400).contentType(PROBLEM)
                    .body("errors.field", hasItem("comment"));
            answer("member-zhang", caseId, meeting, "{\"comment\":\"没有见面\"}").statusCode(400)
                    .body("errors.field", hasItem("confirmed"));
            answer("member-li", caseId, meeting, "{\"confirmed\":true}").statusCode(404).contentType(PROBLEM);
            answer("handler-miit-sme", caseId, meeting, "{\"confirmed\":true}").statusCode(403).contentType(PROBLEM);
            answer("member-zhang", caseId, meeting, "{\"confirmed\":false,\"comment\":\"只通过电话沟通，没有见面\"}").statusCode(200)
                    .body("confirmation", equalTo("DISPUTED"))
                    .body("proposerComment", equalTo("只通过电话沟通，没有见面"));
            answer("member-zhang", caseId, phone, "{\"confirmed\":false,\"comment\":\"改变主意\"}").statusCode(409).contentType(PROBLEM);
            answer("member-zhang", caseId, UUID.randomUUID().toString(), "{\"confirmed\":true}").statusCode(404);

            List<ConsumerRecord<String, String>> answers = kafka.readUntil(KafkaTestClient.topic(Topics.REPLY_EVENTS),
                    r -> caseId.equals(r.key()) && "ContactDisputed".equals(KafkaTestClient.header(r, Topics.HEADER_EVENT_TYPE)),
                    Duration.ofSeconds(30));
            ContactConfirmed confirmed = eventsOf(answers, caseId, ContactConfirmed.class).get(0);
            assertEquals(UUID.fromString(phone), confirmed.contactId());
            assertNull(confirmed.comment());
            ContactDisputed disputed = eventsOf(answers, caseId, ContactDisputed.class).get(0);
            assertEquals(UUID.fromString(meeting), disputed.contactId());
            assertEquals("只通过电话沟通，没有见面", disputed.comment());
            assertEquals("miit", disputed.unitId());
        }

        as("office-miit").get("/api/v1/cases/" + caseId + "/contacts").then()
                .body("items.confirmation", equalTo(List.of("DISPUTED", "CONFIRMED")));
        List<Map<String, Object>> records = auditRecords("proposalId=" + proposalId + "&recordType=ContactRecord");
        assertEquals(List.of("ContactDisputed", "ContactConfirmed", "ContactRecorded", "ContactRecorded"),
                records.stream().map(r -> r.get("action")).toList());
        assertEquals(Map.of("before", "UNANSWERED", "after", "DISPUTED"), CaseLifecycleTest.changes(records.get(0)).get("confirmation"));
    }

    @Test
    void aContactIsRefusedWithTheFieldAtFault() {
        String caseId;
        ProposalAssigned assigned = assignment(UUID.randomUUID(), "miit", "市工业和信息化局", HandlingType.CO_HANDLING, "drc");
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            caseId = open(kafka, assigned);
            OffsetDateTime now = OffsetDateTime.now(CITY);
            log(as("handler-miit-sme"), caseId, contactJson("PHONE", now.plusDays(1), "[\"张委员\"]", null))
                    .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("contactedAt"))
                    .body("errors[0].message", containsString("future"));
            log(as("handler-miit-sme"), caseId, contactJson("PHONE", now.minusDays(30), "[\"张委员\"]", null))
                    .statusCode(400).body("errors[0].field", equalTo("contactedAt"));
            log(as("handler-miit-sme"), caseId, contactJson("PHONE", secondsAgo(1 * 2), "[]", null))
                    .statusCode(400).body("errors.field", hasItem("participants"));
            log(as("handler-miit-sme"), caseId, "{\"channel\":\"PHONE\",\"contactedAt\":\"" + secondsAgo(1 * 2)
                    + "\",\"summary\":\"电话沟通\"}").statusCode(400).body("errors.field", hasItem("participants"));
            log(as("handler-miit-sme"), caseId, contactJson("EMAIL", secondsAgo(1 * 2), "[\"张委员\"]", null))
                    .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("channel"))
                    .body("errors[0].message", containsString("must be one of"));
            log(as("handler-miit-sme"), caseId, "{\"channel\":\"PHONE\",\"contactedAt\":\"yesterday\",\"participants\":[\"张委员\"],"
                    + "\"summary\":\"电话沟通\"}").statusCode(400).body("errors[0].field", equalTo("contactedAt"));
            log(as("handler-miit-sme"), caseId, "{\"channel\":\"PHONE\",\"contactedAt\":\"" + secondsAgo(1 * 2)
                    + "\",\"participants\":[\"张委员\"]}").statusCode(400).body("errors.field", hasItem("summary"));
            as("handler-miit-sme").get("/api/v1/cases/" + caseId + "/contacts").then().body("total", equalTo(0));

            // a co-handling unit may log contacts too; the unit may say a visit was not face to face
            log(as("handler-miit-sme"), caseId, contactJson("VISIT", secondsAgo(1 * 2), "[\"张委员\"]", false))
                    .statusCode(201).body("faceToFace", equalTo(false));

            // once the chain names another handler, only they (or a division head) log contacts
            OpinionTest.nameChain(kafka, assigned, caseId, "head-miit-sme", "handler-miit-second");
        }
        log(as("handler-miit-sme"), caseId, contactJson("PHONE", secondsAgo(1 * 2), "[\"张委员\"]", null))
                .statusCode(403).contentType(PROBLEM).body("detail", containsString("named handler"));
        log(as("head-miit-sme"), caseId, contactJson("PHONE", secondsAgo(1 * 2), "[\"张委员\"]", null)).statusCode(201);
        log(as("handler-drc-industry"), caseId, contactJson("PHONE", secondsAgo(1 * 2), "[\"张委员\"]", null)).statusCode(404);
        log(as("office-miit"), caseId, contactJson("PHONE", secondsAgo(1 * 2), "[\"张委员\"]", null)).statusCode(403);
        as("office-miit").get("/api/v1/cases/" + caseId + "/contacts").then().body("total", equalTo(2));
    }

    @Test
    void contactRatesCountTheUnitsReplyingCasesWithAnUndisputedContact() {
        String unit = "unit-" + UUID.randomUUID().toString().substring(0, 8);
        RequestSpecification handler = given().auth().oauth2(
                TestIdentity.token(DevIdentity.Person.of("handler-" + unit, "测试承办", unit, "HANDLER")));
        String sole;
        String lead;
        String split;
        String coHandling;
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            sole = open(kafka, assignment(UUID.randomUUID(), unit, "测试局", HandlingType.SOLE, null));
            lead = open(kafka, assignment(UUID.randomUUID(), unit, "测试局", HandlingType.LEAD, null));
            split = open(kafka, assignment(UUID.randomUUID(), unit, "测试局", HandlingType.SPLIT, null));
            coHandling = open(kafka, assignment(UUID.randomUUID(), unit, "测试局", HandlingType.CO_HANDLING, "miit"));
        }
        String rates = "/api/v1/contact-rates?unitId=" + unit;
        as("committee-wang").get(rates).then().statusCode(200)
                .body("units.size()", equalTo(1))
                .body("units[0].replyingCases", equalTo(3))
                .body("units[0].contactedCases", equalTo(0))
                .body("units[0].contactRate", equalTo(0f));

        // sole: a call and a confirmed meeting; lead: a call and a disputed visit; split: nothing;
        // co-handling: a meeting, but co-handlers do not reply to the proposer
        log(handler, sole, contactJson("PHONE", secondsAgo(3 * 2), "[\"张委员\"]", null)).statusCode(201);
        String meeting = log(handler, sole, contactJson("FACE_TO_FACE", secondsAgo(2 * 2), "[\"张委员\"]", null))
                .statusCode(201).extract().path("id");
        log(handler, lead, contactJson("PHONE", secondsAgo(3 * 2), "[\"张委员\"]", null)).statusCode(201);
        String visit = log(handler, lead, contactJson("VISIT", secondsAgo(2 * 2), "[\"张委员\"]", null))
                .statusCode(201).extract().path("id");
        log(handler, coHandling, contactJson("FACE_TO_FACE", secondsAgo(2 * 2), "[\"张委员\"]", null)).statusCode(201);
        answer("member-zhang", sole, meeting, "{\"confirmed\":true}").statusCode(200);
        answer("member-zhang", lead, visit, "{\"confirmed\":false,\"comment\":\"未曾走访\"}").statusCode(200);

        JsonPath figures = as("committee-wang").get(rates).then().statusCode(200).extract().jsonPath();
        assertEquals(unit, figures.getString("units[0].unitId"));
        assertEquals("测试局", figures.getString("units[0].unitName"));
        assertEquals(3, figures.getInt("units[0].replyingCases"));
        assertEquals(2, figures.getInt("units[0].contactedCases"));
        assertEquals(1, figures.getInt("units[0].faceToFaceCases"));
        assertEquals("0.6667", figures.getString("units[0].contactRate"));
        assertEquals("0.3333", figures.getString("units[0].faceToFaceRate"));

        // by the day the cases opened
        LocalDate today = LocalDate.now(CITY);
        as("admin").get(rates + "&from=" + today + "&to=" + today).then().statusCode(200)
                .body("units[0].replyingCases", equalTo(3)).body("from", equalTo(today.toString()));
        as("admin").get(rates + "&to=" + today.minusDays(1)).then().statusCode(200)
                .body("units[0].replyingCases", equalTo(0))
                .body("units[0].contactRate", nullValue())
                .body("units[0].faceToFaceRate", nullValue());
        as("admin").get("/api/v1/contact-rates?from=" + today).then().statusCode(200)
                .body("units.unitId", hasItem(unit));

        // the unit's own people see their own unit's figures only; proposers none
        handler.get("/api/v1/contact-rates").then().statusCode(200)
                .body("units.size()", equalTo(1)).body("units[0].faceToFaceCases", equalTo(1));
        as("office-miit").get(rates).then().statusCode(200).body("units.unitId", equalTo(List.of("miit")));
        as("member-zhang").get(rates).then().statusCode(403).contentType(PROBLEM);
        as("admin").get(rates + "&from=2025-13-01").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("from"));
        as("admin").get(rates + "&from=" + today + "&to=" + today.minusDays(1)).then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
        as("office-miit").get("/api/v1/cases/" + split + "/contacts").then().statusCode(404);
    }

    private static <T extends IntegrationEvent> List<T> eventsOf(List<ConsumerRecord<String, String>> records, String caseId,
                                                                  Class<T> type) {
        return records.stream().filter(r -> caseId.equals(r.key()))
                .map(r -> EventCodec.payloadOf(EventCodec.fromJson(r.value())))
                .filter(type::isInstance).map(type::cast).toList();
    }
}
