package org.proposals.proposal;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.proposals.infra.TestIdentity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.proposals.events.EventCodec;
import org.proposals.events.EventEnvelope;
import org.proposals.events.Topics;
import org.proposals.infra.KafkaTestClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = TestIdentity.class, scope = TestResourceScope.GLOBAL)
class ProposalResourceTest {

    static RequestSpecification asCommittee() {
        return given().auth().oauth2(TestIdentity.tokenFor("committee-wang"));
    }

    static String proposalJson(String title) {
        return proposalJson(TestSessions.current(), title);
    }

    static String proposalJson(String sessionId, String title) {
        return """
                {"sessionId":"%s","title":"%s",
                 "content":"建议优先发展产业集群，创新产业集群服务模式，建立重点产业链链长制。",
                 "proposer":{"id":"member-zhang","name":"张委员","sector":"经济界"}}""".formatted(sessionId, title);
    }

    static ValidatableResponse submit(String body) {
        return asCommittee().contentType(ContentType.JSON).body(body).when().post("/api/v1/proposals").then();
    }

    /** The items of a page of this service's audit records, newest first. */
    static List<Map<String, Object>> auditRecords(String query) {
        return given().auth().oauth2(TestIdentity.tokenFor("admin")).when().get("/api/v1/audit-records?size=200&" + query).then().statusCode(200).extract().path("items");
    }

    /** The before and after of one field in an audit record. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> change(Map<String, Object> record, String field) {
        return ((Map<String, Map<String, Object>>) record.get("changes")).get(field);
    }

    @Test
    void registrationNumbersTheProposalAndAnnouncesIt() {
        String requestId = "register-" + UUID.randomUUID();
        UUID correlationId = UUID.randomUUID();
        String id = asCommittee().contentType(ContentType.JSON)
                .header("X-Request-Id", requestId).header("X-Correlation-Id", correlationId.toString())
                .body(proposalJson("关于确保经济稳增长，创新产业集群服务模式的提案"))
                .when().post("/api/v1/proposals").then()
                .statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/proposals/[0-9a-f-]{36}"))
                .body("status", equalTo("SUBMITTED"))
                .body("number", matchesPattern("20\\d{2}\\d{4}"))
                .body("proposer.name", equalTo("张委员"))
                .extract().path("id");

        String number = asCommittee().when().get("/api/v1/proposals/" + id).then()
                .statusCode(200)
                .body("title", equalTo("关于确保经济稳增长，创新产业集群服务模式的提案"))
                .extract().path("number");

        // the registration left one audit record, in its own transaction, naming its request
        List<Map<String, Object>> audit = auditRecords("proposalId=" + id);
        assertEquals(1, audit.size());
        Map<String, Object> registered = audit.get(0);
        assertEquals("ProposalSubmitted", registered.get("action"));
        assertEquals("Proposal", registered.get("recordType"));
        assertEquals(id, registered.get("recordId"));
        assertEquals(id, registered.get("proposalId"));
        assertEquals(requestId, registered.get("requestId"));
        assertEquals(correlationId.toString(), registered.get("correlationId"));
        assertNull(registered.get("causationId"));
        assertEquals("关于确保经济稳增长，创新产业集群服务模式的提案", change(registered, "title").get("after"));
        assertNull(change(registered, "title").get("before"));
        assertEquals("SUBMITTED", change(registered, "status").get("after"));
        assertEquals(number, change(registered, "number").get("after"));
        assertEquals("member-zhang", change(registered, "proposerId").get("after"));
        assertEquals("committee-wang", ((Map<?, ?>) registered.get("actor")).get("id"), "the person the token named");

        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            List<ConsumerRecord<String, String>> read = kafka.readUntil(KafkaTestClient.topic(Topics.PROPOSAL_EVENTS),
                    r -> id.equals(r.key()), Duration.ofSeconds(30));
            ConsumerRecord<String, String> record = read.get(read.size() - 1);
            EventEnvelope envelope = EventCodec.fromJson(record.value());
            assertEquals("ProposalSubmitted", envelope.type());
            assertEquals("ProposalSubmitted", KafkaTestClient.header(record, Topics.HEADER_EVENT_TYPE));
            assertEquals(envelope.eventId().toString(), KafkaTestClient.header(record, Topics.HEADER_EVENT_ID));
            assertEquals(id, envelope.aggregateId());
        }
    }

    @Test
    void concurrentRegistrationsGetConsecutiveNumbersInTheSessionsFormat() throws Exception {
        int year = java.time.LocalDate.now().getYear();
        String session = TestSessions.create("PROPOSAL", year, "{year}-{seq:3}");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                int n = i;
                calls.add(() -> submit(proposalJson(session, "并发登记 " + n)).statusCode(201).extract().path("number"));
            }
            Set<String> numbers = new HashSet<>();
            for (Future<String> f : pool.invokeAll(calls)) {
                numbers.add(f.get());
            }
            Set<String> expected = new HashSet<>();
            for (int seq = 1; seq <= 24; seq++) {
                expected.add(String.format("%d-%03d", year, seq));
            }
            assertEquals(expected, numbers, "every number from 001 to 024 exactly once");
        } finally {
            pool.shutdownNow();
        }
        // a registration that is refused does not use up a number
        submit(proposalJson(session, "")).statusCode(400);
        submit(proposalJson(session, "第二十五件")).statusCode(201).body("number", equalTo(year + "-025"));
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndChangesNothing() {
        String session = TestSessions.current(); // made (and audited) before counting
        long before = total();
        long auditedBefore = auditTotal();

        submit("""
                {"kind":"PROPOSAL","title":"","content":"x","proposer":{"id":"m","name":"n"}}""")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem("title"))
                .body("errors.field", hasItem("sessionId"));
        submit("""
                {"sessionId":"%s","kind":"SUGGESTION","title":"t","content":"x","proposer":{"id":"m","name":"n"}}"""
                .formatted(session)).statusCode(400).body("errors[0].field", equalTo("kind"));
        submit("""
                {"sessionId":"%s","title":"t","content":"x","proposer":{"id":"m","name":"n"},"topics":["NOT_A_TOPIC"]}"""
                .formatted(session)).statusCode(400).body("errors[0].field", equalTo("topics"));
        submit("""
                {"sessionId":"%s","title":"t","content":"x","proposer":{"id":"m","name":"n"},
                 "coProposers":[{"id":"m","name":"n"}]}""".formatted(session))
                .statusCode(400).body("errors[0].field", equalTo("coProposers[0].id"));
        submit("""
                {"sessionId":"%s","title":"t","content":"x","proposer":{"type":"GROUP","id":"djc","name":"民建市委"}}"""
                .formatted(session)).statusCode(400).body("errors[0].field", equalTo("proposer.groupKind"));
        submit("""
                {"sessionId":"%s","title":"t","content":"x","proposer":{"id":"m","name":"n"},"submittedOn":"2999-01-01"}"""
                .formatted(session)).statusCode(400).body("errors[0].field", equalTo("submittedOn"));
        submit("""
                {"sessionId":"%s","title":"t","content":"x","proposer":{"id":"m","name":"n"}}"""
                .formatted(java.util.UUID.randomUUID())).statusCode(400).body("errors[0].field", equalTo("sessionId"));

        submit("""
                {"kind":"MOTION","title":"t","content":"x","proposer":{"id":"m","name":"n"}}""")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("kind"))
                .body("errors[0].message", startsWith("must be one of"));

        submit("{\"kind\":\"PROPOSAL\",\"title\":").statusCode(400).contentType("application/problem+json");
        // NUL cannot be stored by PostgreSQL: refused by name wherever it is in the body, not failed in the database
        submit("""
                {"sessionId":"%s","title":"t\\u0000","content":"x","proposer":{"id":"m","name":"n"}}"""
                .formatted(session)).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("title"))
                .body("errors[0].message", equalTo("must not contain the NUL character"));
        submit("""
                {"sessionId":"%s","title":"t","content":"x","proposer":{"id":"m","name":"n\\u0000"}}"""
                .formatted(session)).statusCode(400).body("errors[0].field", equalTo("proposer.name"));
        submit("""
                {"sessionId":"%s","title":"t","content":"x","proposer":{"id":"m","name":"n"},"keywords":["a","\\u0000"]}"""
                .formatted(session)).statusCode(400).body("errors[0].field", equalTo("keywords[1]"));
        submit("""
                {"kind":"PROPOSAL","title":"t","content":"x","proposer":"someone"}""")
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("proposer"));
        submit("""
                {"kind":"PROPOSAL","title":"t","content":"x","proposer":{"id":"m"}}""")
                .statusCode(400).body("errors.field", hasItem("proposer.name"));
        asCommittee().contentType(ContentType.JSON).when().post("/api/v1/proposals").then()
                .statusCode(400).contentType("application/problem+json");
        asCommittee().contentType(ContentType.TEXT).body("hello").when().post("/api/v1/proposals").then()
                .statusCode(415).contentType("application/problem+json");

        asCommittee().when().get("/api/v1/proposals/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
        asCommittee().when().get("/api/v1/proposals/00000000-0000-0000-0000-000000000000").then()
                .statusCode(404).contentType("application/problem+json");
        asCommittee().when().get("/api/v1/proposals?size=100000").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("size"));
        asCommittee().when().get("/api/v1/proposals?status=LOST").then().statusCode(400).contentType("application/problem+json");
        asCommittee().when().get("/api/v1/proposals?sort=colour").then().statusCode(400).body("errors[0].field", equalTo("sort"));
        asCommittee().when().get("/api/v1/proposals?sessionId=nope").then().statusCode(400).contentType("application/problem+json");

        assertEquals(before, total());
        assertEquals(auditedBefore, auditTotal());
    }

    @Test
    void listsArePagedWithTotals() {
        submit(proposalJson("分页一")).statusCode(201);
        submit(proposalJson("分页二")).statusCode(201);
        asCommittee().when().get("/api/v1/proposals?size=1&page=0").then()
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .body("size", equalTo(1))
                .body("page", equalTo(0));
        assertTrue(total() >= 2);
    }

    private static long auditTotal() {
        return ((Number) given().auth().oauth2(TestIdentity.tokenFor("admin")).when().get("/api/v1/audit-records?size=1").then().statusCode(200)
                .extract().path("total")).longValue();
    }

    private static long total() {
        return ((Number) asCommittee().when().get("/api/v1/proposals?size=1").then().statusCode(200)
                .extract().path("total")).longValue();
    }
}
