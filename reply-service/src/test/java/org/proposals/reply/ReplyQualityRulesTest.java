package org.proposals.reply;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.proposals.events.HandlingType;
import org.proposals.events.Proposer;
import org.proposals.events.assignment.ProposalAssigned;
import org.proposals.infra.KafkaTestClient;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.proposals.reply.CaseLifecycleTest.as;
import static org.proposals.reply.ReplyFlow.PROBLEM;
import static org.proposals.reply.ReplyFlow.REPLY_TEXT;
import static org.proposals.reply.ReplyFlow.contact;
import static org.proposals.reply.ReplyFlow.drafted;
import static org.proposals.reply.ReplyFlow.json;
import static org.proposals.reply.ReplyFlow.path;
import static org.proposals.reply.ReplyFlow.reply;
import static org.proposals.reply.ReplyFlow.revise;
import static org.proposals.reply.ReplyFlow.submit;

/**
 * Each quality rule, failing alone: the submission answers 422 naming the rule and what it asks, and the reply
 * stays a draft with nothing announced. Switching rules off is covered by ReplyQualityGateTest.
 */
@QuarkusTest
class ReplyQualityRulesTest {

    /** Courtesies and set phrases only: long enough, empty of substance (杜绝内容空洞). */
    static final String BOILERPLATE = "感谢您对我局工作的关心和支持！您提出的关于创新产业集群服务模式的提案收悉。经认真研究，现答复如下："
            .repeat(2) + "我局高度重视，认真研究。".repeat(6) + "特此答复。欢迎继续提出宝贵意见。再次感谢！".repeat(3);

    @Inject
    EntityManager entityManager;

    @Test
    void eachRuleFailsAloneAndSaysWhatItAsks() {
        String caseId;
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            caseId = ReplyFlow.openWithChain(kafka, ReplyFlow.assigned(HandlingType.SOLE));
        }
        contact(caseId, "PHONE");

        assertRejected(caseId, reply("A", "已收悉，我局将认真研究。"), "MIN_LENGTH", "SUBSTANCE");
        assertEquals(true, BOILERPLATE.codePointCount(0, BOILERPLATE.length()) >= 200);
        assertRejected(caseId, reply("A", BOILERPLATE), "SUBSTANCE");

        Map<String, Object> noCategory = reply("A", REPLY_TEXT);
        noCategory.remove("resultCategory");
        assertRejected(caseId, noCategory, "CATEGORY");
        Map<String, Object> aWithoutMeasures = reply("A", REPLY_TEXT);
        aWithoutMeasures.remove("measuresTaken");
        assertRejected(caseId, aWithoutMeasures, "CATEGORY");
        Map<String, Object> bWithoutPromise = reply("A", REPLY_TEXT);
        bWithoutPromise.put("resultCategory", "B");
        assertRejected(caseId, bWithoutPromise, "CATEGORY");
        Map<String, Object> cPromisedInThePast = reply("C", REPLY_TEXT);
        cPromisedInThePast.put("measuresPromised", List.of(Map.of("description", "建成平台", "dueDate", ReplyFlow.today().minusDays(1).toString())));
        assertRejected(caseId, cPromisedInThePast, "CATEGORY");

        Map<String, Object> noPoints = reply("A", REPLY_TEXT);
        noPoints.remove("answers");
        assertRejected(caseId, noPoints, "POINTS_ANSWERED");

        // the quality view lists every rule, passed or not, with what it asks
        String replyId = drafted(caseId, reply("D", REPLY_TEXT));
        as("head-miit-sme").get(path(caseId, replyId) + "/quality").then().statusCode(200)
                .body("rule", containsInAnyOrder("OPINIONS_COMPLETE", "MIN_LENGTH", "SUBSTANCE", "CATEGORY", "POINTS_ANSWERED",
                        "OPINIONS_REFLECTED", "CONTACT"))
                .body("passed", not(hasItem(false)))
                .body("find { it.rule == 'MIN_LENGTH' }.explanation", containsString("200"));
        submit(caseId, replyId).statusCode(200);
    }

    @Test
    void aContactMustBeLoggedAndUndisputedAndFaceToFaceForAKeyProposal() {
        ProposalAssigned assignment = ReplyFlow.assigned(HandlingType.SOLE);
        String caseId;
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            caseId = ReplyFlow.openWithChain(kafka, assignment);
            assertRejected(caseId, reply("A", REPLY_TEXT), "CONTACT");

            // a contact the proposer disputes does not count
            String call = contact(caseId, "PHONE");
            as("member-zhang").contentType(ContentType.JSON).body(json(Map.of("confirmed", false, "comment", "没有接到过电话")))
                    .post("/api/v1/cases/" + caseId + "/contacts/" + call + "/confirmation").then().statusCode(200);
            assertRejected(caseId, reply("A", REPLY_TEXT), "CONTACT");
            contact(caseId, "PHONE");

            // a key proposal needs a face-to-face consultation
            ReplyFlow.makeKey(kafka, assignment.proposalId(), caseId);
            assertRejected(caseId, reply("A", REPLY_TEXT), "CONTACT");
            contact(caseId, "FACE_TO_FACE");
        }
        String replyId = drafted(caseId, reply("A", REPLY_TEXT));
        submit(caseId, replyId).statusCode(200);
    }

    @Test
    void theLeadWaitsForEveryOpinionAndReflectsThoseSubmitted() {
        UUID proposalId = UUID.randomUUID();
        ProposalAssigned lead = CaseLifecycleTest.assigned(proposalId, HandlingType.LEAD);
        ProposalAssigned coHandling = new ProposalAssigned(UUID.randomUUID(), proposalId, lead.proposalTitle(),
                new Proposer("member-zhang", "张委员"), "drc", "市发展和改革委员会", HandlingType.CO_HANDLING, "miit",
                OffsetDateTime.now(), ReplyFlow.today().plusMonths(1));
        String caseId;
        String coCaseId;
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            caseId = ReplyFlow.openWithChain(kafka, lead);
            kafka.publish(KafkaTestClient.topic(org.proposals.events.Topics.ASSIGNMENT_EVENTS), CaseLifecycleTest.envelope(coHandling));
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                    as("office-drc").get("/api/v1/cases?proposalId=" + proposalId).then().body("total", equalTo(1)));
            coCaseId = as("office-drc").get("/api/v1/cases?proposalId=" + proposalId).then().extract().path("items[0].id");
        }
        contact(caseId, "VISIT");

        // the co-handler's opinion is not in: no review yet
        String replyId = drafted(caseId, reply("A", REPLY_TEXT));
        submitRejected(caseId, replyId, "OPINIONS_COMPLETE");

        String opinionId = as("handler-drc-industry").contentType(ContentType.JSON)
                .body(json(Map.of("text", "建议将产业集群用能保障纳入方案，我委将在重点项目审批中给予支持。")))
                .post("/api/v1/cases/" + coCaseId + "/opinion").then().statusCode(201).extract().path("opinionId");
        // in, but not reflected in the reply
        submitRejected(caseId, replyId, "OPINIONS_REFLECTED");
        // only opinions this case received can be reflected
        Map<String, Object> unknownOpinion = reply("A", REPLY_TEXT);
        unknownOpinion.put("reflectedOpinions", List.of(UUID.randomUUID().toString()));
        revise(caseId, replyId, unknownOpinion).statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("reflectedOpinions"));

        Map<String, Object> reflecting = new LinkedHashMap<>(reply("A", REPLY_TEXT + "市发展改革委意见：将产业集群用能保障纳入方案。"));
        reflecting.put("reflectedOpinions", List.of(opinionId));
        revise(caseId, replyId, reflecting).statusCode(200);
        submit(caseId, replyId).statusCode(200).body("status", equalTo("IN_REVIEW"));
    }

    /** A new draft with {@code body} is refused at submission for exactly {@code rules}; it is then set aside. */
    private void assertRejected(String caseId, Map<String, Object> body, String... rules) {
        String replyId = drafted(caseId, body);
        submitRejected(caseId, replyId, rules);
        // set the draft aside so that the next one can be written
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("UPDATE reply SET status = 'SUPERSEDED' WHERE id = ?1").setParameter(1, UUID.fromString(replyId))
                .executeUpdate());
    }

    private void submitRejected(String caseId, String replyId, String... rules) {
        submit(caseId, replyId).statusCode(422).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder((Object[]) rules))
                .body("errors.message", not(hasItem(equalTo(""))));
        as("office-miit").get(path(caseId, replyId)).then().body("status", equalTo("DRAFT"));
        QuarkusTransaction.requiringNew().run(() -> assertEquals(0L, ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM outbox_event WHERE aggregate_id = ?1 AND event_type = 'ReplySubmittedForReview'")
                .setParameter(1, caseId).getSingleResult()).longValue()));
    }
}
