package org.proposals.proposal;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.proposals.events.EventCodec;
import org.proposals.events.HandlingType;
import org.proposals.events.IntegrationEvent;
import org.proposals.events.Proposer;
import org.proposals.events.ResultCategory;
import org.proposals.events.SatisfactionRating;
import org.proposals.events.Topics;
import org.proposals.events.assignment.AssignmentAdjusted;
import org.proposals.events.assignment.AssignmentSigned;
import org.proposals.events.assignment.ProposalAssigned;
import org.proposals.events.evaluation.RehandlingRequested;
import org.proposals.events.evaluation.SatisfactionRecorded;
import org.proposals.events.proposal.ProposalReopened;
import org.proposals.events.reply.ReplyApproved;
import org.proposals.infra.KafkaTestClient;
import org.proposals.infra.TestIdentity;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.proposals.proposal.ProposalResourceTest.asCommittee;
import static org.proposals.proposal.ProposalResourceTest.submit;

/** Each rule of a proposal's life: who decides what, from which status, with optimistic locking. */
@QuarkusTest
class ProposalLifecycleTest {

    private static String registered(String title) {
        return submit(ProposalResourceTest.proposalJson(title)).statusCode(201).extract().path("id");
    }

    private static ValidatableResponse decide(String id, String decision, String body) {
        var request = asCommittee().contentType(ContentType.JSON);
        if (body != null) {
            request = request.body(body);
        }
        return request.post("/api/v1/proposals/" + id + "/" + decision).then();
    }

    private static String etag(String id) {
        return asCommittee().get("/api/v1/proposals/" + id).then().statusCode(200).extract().header("ETag");
    }

    @Test
    void filingIsDecidedOnceAndAnnounced() {
        String id = registered("关于加快培育专精特新中小企业的提案");
        decide(id, "filing", null).statusCode(200).body("status", equalTo("FILED"));
        decide(id, "filing", null).statusCode(409).contentType("application/problem+json");
        decide(id, "non-filing", "{\"reason\":\"RETURNED\"}").statusCode(409);

        String other = registered("关于某企业债务纠纷的提案");
        decide(other, "non-filing", "{\"reason\":\"CONVERTED_TO_OPINION_LETTER\",\"note\":\"属个案，转有关部门参考\"}")
                .statusCode(200)
                .body("status", equalTo("NOT_FILED"))
                .body("notFiledReason", equalTo("CONVERTED_TO_OPINION_LETTER"))
                .body("statusNote", equalTo("属个案，转有关部门参考"));
        decide(other, "filing", null).statusCode(409);
        decide(other, "non-filing", "{\"reason\":\"LOST\"}").statusCode(400);

        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            assertEquals(List.of("ProposalSubmitted", "ProposalFiled"), typesOf(kafka, id, 2));
            assertEquals(List.of("ProposalSubmitted", "ProposalNotFiled"), typesOf(kafka, other, 2));
        }
    }

    @Test
    void aStaleOrMissingVersionIsRefusedAndChangesNothing() {
        String id = registered("关于推进制造业数字化转型的提案");
        String etag = etag(id);
        String correction = """
                {"title":"关于加快推进制造业数字化转型的提案","content":"建议设立数字化转型专项资金。",
                 "proposer":{"id":"member-zhang","name":"张委员"},"coProposers":[{"id":"member-li","name":"李委员","sector":"科技界"}],
                 "topics":["DIGITAL_ECONOMY","ADVANCED_MANUFACTURING"],"keywords":["数字化转型"]}""";

        asCommittee().contentType(ContentType.JSON).body(correction).put("/api/v1/proposals/" + id).then()
                .statusCode(428).contentType("application/problem+json");
        String newTag = asCommittee().contentType(ContentType.JSON).header("If-Match", etag).body(correction)
                .put("/api/v1/proposals/" + id).then()
                .statusCode(200)
                .body("title", equalTo("关于加快推进制造业数字化转型的提案"))
                .body("coProposers[0].sector", equalTo("科技界"))
                .body("topics", equalTo(List.of("ADVANCED_MANUFACTURING", "DIGITAL_ECONOMY")))
                .extract().header("ETag");
        // the same (now stale) version again: someone else's change would be overwritten
        asCommittee().contentType(ContentType.JSON).header("If-Match", etag).body(correction.replace("专项资金", "基金"))
                .put("/api/v1/proposals/" + id).then().statusCode(412).contentType("application/problem+json");
        asCommittee().contentType(ContentType.JSON).header("If-Match", etag).post("/api/v1/proposals/" + id + "/filing")
                .then().statusCode(412);
        asCommittee().get("/api/v1/proposals/" + id).then()
                .header("ETag", newTag)
                .body("content", equalTo("建议设立数字化转型专项资金。"))
                .body("status", equalTo("SUBMITTED"));

        // the co-proposer now finds it among their proposals
        given().auth().oauth2(TestIdentity.tokenFor("member-li")).get("/api/v1/proposals/" + id).then().statusCode(200);
        given().auth().oauth2(TestIdentity.tokenFor("member-li")).get("/api/v1/proposals?size=200").then()
                .body("items.id", hasItem(id));
        asCommittee().header("If-Match", newTag).post("/api/v1/proposals/" + id + "/filing").then().statusCode(200);
    }

    @Test
    void aMergedProposalIsHandledWithItsTarget() {
        String target = registered("关于支持中小企业数字化转型的提案");
        String merged = registered("关于中小企业数字化改造的提案");
        decide(merged, "merger", "{\"intoProposalId\":\"" + target + "\"}").statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("only into a filed proposal"));
        decide(target, "filing", null).statusCode(200);
        decide(merged, "merger", "{\"intoProposalId\":\"" + merged + "\"}").statusCode(400);
        decide(merged, "merger", "{\"intoProposalId\":\"" + UUID.randomUUID() + "\"}").statusCode(400);
        decide(merged, "merger", "{\"intoProposalId\":\"" + target + "\"}").statusCode(200)
                .body("status", equalTo("MERGED"))
                .body("mergedInto.id", equalTo(target));
        asCommittee().get("/api/v1/proposals/" + target).then().body("merged.id", equalTo(List.of(merged)));
        decide(merged, "withdrawal", null).statusCode(409);
    }

    @Test
    void onlyTheLeadProposerWithdrawsAndOnlyBeforeAssignment() {
        String session = TestSessions.current();
        String id = submit("""
                {"sessionId":"%s","title":"关于优化营商环境的建议","content":"建议精简审批。",
                 "proposer":{"id":"member-zhang","name":"张委员"},"coProposers":[{"id":"member-li","name":"李委员"}]}"""
                .formatted(session)).statusCode(201).extract().path("id");
        given().auth().oauth2(TestIdentity.tokenFor("member-li")).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/proposals/" + id + "/withdrawal").then().statusCode(403);
        given().auth().oauth2(TestIdentity.tokenFor("office-miit")).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/proposals/" + id + "/withdrawal").then().statusCode(403);
        given().auth().oauth2(TestIdentity.tokenFor("member-zhang")).contentType(ContentType.JSON).body("{\"reason\":\"已通过其他渠道解决\"}")
                .post("/api/v1/proposals/" + id + "/withdrawal").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"))
                .body("statusNote", equalTo("已通过其他渠道解决"));

        String assigned = registered("关于加强工业互联网平台建设的提案");
        decide(assigned, "filing", null).statusCode(200);
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            publishAssigned(kafka, assigned, "miit", HandlingType.SOLE);
            awaitStatus(assigned, "ASSIGNED");
        }
        given().auth().oauth2(TestIdentity.tokenFor("member-zhang")).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/proposals/" + assigned + "/withdrawal").then().statusCode(409);
        asCommittee().contentType(ContentType.JSON).header("If-Match", etag(assigned)).body("""
                {"title":"改","content":"改","proposer":{"id":"member-zhang","name":"张委员"}}""")
                .put("/api/v1/proposals/" + assigned).then().statusCode(409);
    }

    @Test
    void aRepliedProposalIsReopenedForReHandlingAndClosedAtTheEnd() {
        String id = registered("关于促进民营经济高质量发展的提案");
        decide(id, "filing", null).statusCode(200);
        decide(id, "closure", null).statusCode(409);
        decide(id, "reopening", "{\"reason\":\"不满意\"}").statusCode(409);
        UUID proposalId = UUID.fromString(id);
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            UUID miit = publishAssigned(kafka, id, "miit", HandlingType.LEAD);
            publishAssigned(kafka, id, "drc", HandlingType.CO_HANDLING);
            awaitStatus(id, "ASSIGNED");
            publish(kafka, Topics.ASSIGNMENT_EVENTS, new AssignmentSigned(miit, proposalId, "miit", OffsetDateTime.now(), false));
            awaitStatus(id, "IN_HANDLING");
            UUID reply = UUID.randomUUID();
            publish(kafka, Topics.REPLY_EVENTS, new ReplyApproved(reply, UUID.randomUUID(), miit, proposalId, "miit",
                    HandlingType.LEAD, ResultCategory.B, OffsetDateTime.now()));
            awaitStatus(id, "REPLIED");
            publish(kafka, Topics.EVALUATION_EVENTS, new SatisfactionRecorded(UUID.randomUUID(), proposalId, reply, "miit",
                    "member-zhang", SatisfactionRating.UNSATISFIED, "措施不具体", OffsetDateTime.now()));
            awaitStatus(id, "EVALUATED");

            decide(id, "reopening", "{\"reason\":\"委员不满意，重新办理\",\"unitIds\":[\"drc\"]}").statusCode(400)
                    .body("errors[0].field", equalTo("unitIds"));
            decide(id, "reopening", "{\"reason\":\"委员不满意，重新办理\"}").statusCode(200)
                    .body("status", equalTo("IN_HANDLING"))
                    .body("handlingRound", equalTo(2))
                    .body("units.find { it.unitId == 'miit' }.repliedAt", nullValue())
                    .body("units.find { it.unitId == 'miit' }.rating", nullValue());
            decide(id, "closure", null).statusCode(409);

            publish(kafka, Topics.REPLY_EVENTS, new ReplyApproved(UUID.randomUUID(), UUID.randomUUID(), miit, proposalId, "miit",
                    HandlingType.LEAD, ResultCategory.A, OffsetDateTime.now()));
            awaitStatus(id, "REPLIED");
            decide(id, "closure", null).statusCode(200).body("status", equalTo("CLOSED"));
            decide(id, "closure", null).statusCode(409);

            assertEquals(List.of("ProposalSubmitted", "ProposalFiled", "ProposalReopened", "ProposalClosed"), typesOf(kafka, id, 4));
        }

        // the timeline holds this service's events and the others', oldest first, each with who caused it
        List<String> types = asCommittee().get("/api/v1/proposals/" + id + "/timeline").then().statusCode(200)
                .body("[0].actor.id", equalTo("committee-wang"))
                .body("[0].source", equalTo("proposal"))
                .body("find { it.type == 'AssignmentSigned' }.unitId", equalTo("miit"))
                .body("find { it.type == 'AssignmentSigned' }.source", equalTo("assignment"))
                .body("find { it.type == 'ProposalReopened' }.details.round", equalTo(2))
                .extract().path("type");
        assertEquals(List.of("ProposalSubmitted", "ProposalFiled", "ProposalAssigned", "ProposalAssigned", "AssignmentSigned",
                "ReplyApproved", "SatisfactionRecorded", "ProposalReopened", "ReplyApproved", "ProposalClosed"), types);
        given().auth().oauth2(TestIdentity.tokenFor("member-li")).get("/api/v1/proposals/" + id + "/timeline").then().statusCode(404);
        given().auth().oauth2(TestIdentity.tokenFor("member-zhang")).get("/api/v1/proposals/" + id + "/timeline").then().statusCode(200);
    }

    @Test
    void anUnsatisfiedRatingReopensTheUnitForTheNextRoundOnce() {
        String id = registered("关于支持中小企业数字化改造的提案");
        decide(id, "filing", null).statusCode(200);
        UUID proposalId = UUID.fromString(id);
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            UUID miit = publishAssigned(kafka, id, "miit", HandlingType.SPLIT);
            UUID drc = publishAssigned(kafka, id, "drc", HandlingType.SPLIT);
            awaitStatus(id, "ASSIGNED");
            UUID miitReply = UUID.randomUUID();
            UUID drcReply = UUID.randomUUID();
            publish(kafka, Topics.REPLY_EVENTS, new ReplyApproved(miitReply, UUID.randomUUID(), miit, proposalId, "miit",
                    HandlingType.SPLIT, ResultCategory.B, OffsetDateTime.now()));
            publish(kafka, Topics.REPLY_EVENTS, new ReplyApproved(drcReply, UUID.randomUUID(), drc, proposalId, "drc",
                    HandlingType.SPLIT, ResultCategory.A, OffsetDateTime.now()));
            awaitStatus(id, "REPLIED");

            // evaluation-service asks for miit's re-handling after 张委员 rated its round-1 reply unsatisfied
            RehandlingRequested request = new RehandlingRequested(UUID.randomUUID(), proposalId, "miit", miitReply, 1,
                    "member-zhang", "措施不具体", OffsetDateTime.now());
            kafka.publish(KafkaTestClient.topic(Topics.EVALUATION_EVENTS), EventCodec.envelope(request, UUID.randomUUID(),
                    null, HandlingEventsTest.actor("member-zhang", "张委员", "PROPOSER", null)));
            awaitStatus(id, "IN_HANDLING");
            asCommittee().get("/api/v1/proposals/" + id).then()
                    .body("handlingRound", equalTo(2))
                    .body("statusNote", equalTo("rated unsatisfied by member-zhang: 措施不具体"))
                    .body("units.find { it.unitId == 'miit' }.repliedAt", nullValue())
                    .body("units.find { it.unitId == 'drc' }.resultCategory", equalTo("A"));
            ConsumerRecord<String, String> reopened = kafka.readUntil(KafkaTestClient.topic(Topics.PROPOSAL_EVENTS),
                    r -> id.equals(r.key()) && "ProposalReopened".equals(KafkaTestClient.header(r, Topics.HEADER_EVENT_TYPE)),
                    Duration.ofSeconds(30)).stream().filter(r -> id.equals(r.key())
                            && "ProposalReopened".equals(KafkaTestClient.header(r, Topics.HEADER_EVENT_TYPE)))
                    .findFirst().orElseThrow();
            var envelope = EventCodec.fromJson(reopened.value());
            ProposalReopened payload = (ProposalReopened) EventCodec.payloadOf(envelope);
            assertEquals(2, payload.round());
            assertEquals(List.of("miit"), payload.unitIds());
            assertEquals("member-zhang", envelope.actor().id());

            // the same request again (a redelivery, or the same request under a new event id), and a rating of the
            // round-1 reply arriving after the reopening: nothing changes
            kafka.publish(KafkaTestClient.topic(Topics.EVALUATION_EVENTS), HandlingEventsTest.envelope(request));
            publish(kafka, Topics.EVALUATION_EVENTS, new SatisfactionRecorded(UUID.randomUUID(), proposalId, miitReply, "miit",
                    "member-li", SatisfactionRating.UNSATISFIED, null, OffsetDateTime.now(), 1, null, null, false));
            // drc's reply rated satisfied: a marker that the events before it on the topic have been applied
            publish(kafka, Topics.EVALUATION_EVENTS, new SatisfactionRecorded(UUID.randomUUID(), proposalId, drcReply, "drc",
                    "member-zhang", SatisfactionRating.SATISFIED, null, OffsetDateTime.now(), 1, null, null, false));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asCommittee().get("/api/v1/proposals/" + id).then()
                    .body("units.find { it.unitId == 'drc' }.rating", equalTo("SATISFIED")));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(4L,
                    asCommittee().get("/api/v1/proposals/" + id + "/timeline").then().extract().<List<String>>path("type")
                            .stream().filter(t -> t.equals("RehandlingRequested") || t.equals("SatisfactionRecorded")).count()));
            asCommittee().get("/api/v1/proposals/" + id).then()
                    .body("status", equalTo("IN_HANDLING"))
                    .body("handlingRound", equalTo(2))
                    .body("units.find { it.unitId == 'miit' }.rating", nullValue());
            assertEquals(1L, asCommittee().get("/api/v1/proposals/" + id + "/timeline").then().extract().<List<String>>path("type")
                    .stream().filter("ProposalReopened"::equals).count());

            // round 2: miit replies again and is rated again
            UUID secondReply = UUID.randomUUID();
            publish(kafka, Topics.REPLY_EVENTS, new ReplyApproved(secondReply, UUID.randomUUID(), miit, proposalId, "miit",
                    HandlingType.SPLIT, ResultCategory.A, OffsetDateTime.now(), null, "REHANDLING", 2, "FULL"));
            awaitStatus(id, "REPLIED");
            publish(kafka, Topics.EVALUATION_EVENTS, new SatisfactionRecorded(UUID.randomUUID(), proposalId, secondReply, "miit",
                    "member-zhang", SatisfactionRating.SATISFIED, null, OffsetDateTime.now(), 2, null, null, false));
            awaitStatus(id, "EVALUATED");
        }
    }

    @Test
    void listsNarrowBySessionTopicProposerUnitAndStatus() {
        String session = TestSessions.create("PROPOSAL", 2024, "{year}{seq:3}");
        String clusters = submit("""
                {"sessionId":"%s","title":"关于壮大战略性新兴产业集群的提案","content":"建议。",
                 "proposer":{"id":"member-zhang","name":"张委员"},"topics":["INDUSTRY_CLUSTERS"]}""".formatted(session))
                .statusCode(201).extract().path("id");
        String talent = submit("""
                {"sessionId":"%s","title":"关于引进高层次人才的提案","content":"建议。",
                 "proposer":{"id":"member-li","name":"李委员"},"coProposers":[{"id":"member-zhang","name":"张委员"}],
                 "topics":["TALENT"]}""".formatted(session)).statusCode(201).extract().path("id");
        String other = submit("""
                {"sessionId":"%s","title":"关于完善工业互联网标识解析体系的提案","content":"建议。",
                 "proposer":{"id":"member-li","name":"李委员"},"topics":["INDUSTRIAL_INTERNET"]}""".formatted(session))
                .statusCode(201).extract().path("id");
        decide(clusters, "filing", null).statusCode(200);
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            publishAssigned(kafka, clusters, "drc", HandlingType.SOLE);
            awaitStatus(clusters, "ASSIGNED");
        }
        String base = "/api/v1/proposals?sessionId=" + session;
        asCommittee().get(base + "&sort=number").then().body("total", equalTo(3))
                .body("items.number", equalTo(List.of("2024001", "2024002", "2024003")));
        asCommittee().get(base + "&sort=-number&size=2&page=0").then().body("total", equalTo(3))
                .body("items.id", equalTo(List.of(other, talent)));
        asCommittee().get(base + "&topic=TALENT&topic=INDUSTRY_CLUSTERS&sort=number").then()
                .body("items.id", equalTo(List.of(clusters, talent)));
        // the lead proposer or a co-proposer
        asCommittee().get(base + "&proposerId=member-zhang&sort=number").then().body("items.id", equalTo(List.of(clusters, talent)));
        // the units come from the assignment events
        asCommittee().get(base + "&unitId=drc").then().body("items.id", equalTo(List.of(clusters)))
                .body("items[0].units[0].handlingType", equalTo("SOLE"));
        asCommittee().get(base + "&status=SUBMITTED&sort=number").then().body("items.id", equalTo(List.of(talent, other)));
        asCommittee().get(base + "&kind=SUGGESTION").then().body("total", equalTo(0));
        asCommittee().get("/api/v1/proposals?year=2024&sessionId=" + session).then().body("total", equalTo(3));
    }

    @Test
    void aUnitRelievedByAnAdjustmentLeavesTheProposalsUnits() {
        String id = registered("关于加强新型信息基础设施建设的提案");
        decide(id, "filing", null).statusCode(200);
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            UUID drc = publishAssigned(kafka, id, "drc", HandlingType.SOLE);
            awaitStatus(id, "ASSIGNED");
            UUID miit = publishAssigned(kafka, id, "miit", HandlingType.SOLE);
            publish(kafka, Topics.ASSIGNMENT_EVENTS, new AssignmentAdjusted(drc, UUID.fromString(id), "drc", UUID.randomUUID(),
                    "改由市工业和信息化局承办", List.of(miit), OffsetDateTime.now()));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asCommittee().get("/api/v1/proposals/" + id).then()
                    .body("units.unitId", equalTo(List.of("miit"))));
        }
        asCommittee().get("/api/v1/proposals/" + id + "/timeline").then()
                .body("find { it.type == 'AssignmentAdjusted' }.details.decisionNote", equalTo("改由市工业和信息化局承办"));
    }

    @Test
    void everyDecisionDocumentsItsRefusalsForClientTeams() {
        java.util.Map<String, java.util.Map<String, Object>> paths = given().accept("application/json").get("/q/openapi")
                .then().statusCode(200).extract().path("paths");
        for (String decision : List.of("filing", "non-filing", "merger", "withdrawal", "reopening", "closure")) {
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> responses = (java.util.Map<String, Object>)
                    ((java.util.Map<String, Object>) paths.get("/api/v1/proposals/{id}/" + decision).get("post")).get("responses");
            assertEquals(java.util.Set.of("200", "400", "401", "403", "404", "409", "412", "500"), responses.keySet(), decision);
        }
    }

    private static UUID publishAssigned(KafkaTestClient kafka, String proposalId, String unitId, HandlingType type) {
        UUID assignmentId = UUID.randomUUID();
        publish(kafka, Topics.ASSIGNMENT_EVENTS, new ProposalAssigned(assignmentId, UUID.fromString(proposalId), "t",
                new Proposer("member-zhang", "张委员"), unitId, unitId, type, type == HandlingType.CO_HANDLING ? "miit" : null,
                OffsetDateTime.now(), LocalDate.now().plusMonths(3)));
        return assignmentId;
    }

    private static void publish(KafkaTestClient kafka, String topic, IntegrationEvent event) {
        kafka.publish(KafkaTestClient.topic(topic), HandlingEventsTest.envelope(event));
    }

    private static void awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                asCommittee().get("/api/v1/proposals/" + id).then().body("status", equalTo(status)));
    }

    /** The types of the first {@code count} events published about a proposal, in order. */
    private static List<String> typesOf(KafkaTestClient kafka, String id, int count) {
        java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger();
        List<ConsumerRecord<String, String>> records = kafka.readUntil(KafkaTestClient.topic(Topics.PROPOSAL_EVENTS),
                r -> id.equals(r.key()) && seen.incrementAndGet() >= count, Duration.ofSeconds(30));
        return records.stream().filter(r -> id.equals(r.key())).map(r -> EventCodec.fromJson(r.value()).type()).toList();
    }
}
