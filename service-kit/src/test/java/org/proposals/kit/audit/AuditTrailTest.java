package org.proposals.kit.audit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import org.proposals.infra.TestIdentity;
import org.proposals.events.Actor;
import org.proposals.events.EventCodec;
import org.proposals.events.EventEnvelope;
import org.proposals.events.ProposalKind;
import org.proposals.events.Proposer;
import org.proposals.events.Topics;
import org.proposals.events.proposal.ProposalSubmitted;
import org.proposals.infra.KafkaTestClient;
import org.proposals.kit.messaging.DedicatedBroker;
import org.proposals.kit.messaging.ProbeService;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit trail: every state change leaves a record in its own transaction, records are sealed into a
 * hash chain, the database refuses to change or remove them, and a row altered behind the trigger's back
 * is found by the verification.
 *
 * <p>Shares the broker and the fresh database of {@link DedicatedBroker} with the delivery tests, whatever
 * order the classes run in; the one test that alters a row puts it back.
 */
@QuarkusTest
@WithTestResource(DedicatedBroker.class)
@WithTestResource(TestIdentity.class)
class AuditTrailTest {

    private static final Duration SEALING = Duration.ofSeconds(30);
    private static final String PROBLEM = "application/problem+json";

    @Inject
    ProbeService probe;

    @Inject
    EntityManager entityManager;

    @Test
    void aStateChangeIsRecordedWithItsRequestAndSealed() {
        UUID id = UUID.randomUUID();
        UUID correlationId = UUID.randomUUID();
        given().auth().oauth2(TestIdentity.tokenFor("office-miit")).header("X-Request-Id", "req-" + id).header("X-Correlation-Id", correlationId.toString())
                .when().post("/probe/records/" + id + "?title=audited").then().statusCode(204);

        // the probe's own consumer soon records applying the event about the same id: ask for the change itself
        JsonPath page = records("proposalId=" + id + "&recordType=ProbeRecord");
        assertEquals(1, page.getInt("total"));
        assertEquals("ProbeRecorded", page.getString("items[0].action"));
        assertEquals("ProbeRecord", page.getString("items[0].recordType"));
        assertEquals(id.toString(), page.getString("items[0].recordId"));
        assertEquals(id.toString(), page.getString("items[0].proposalId"));
        assertEquals("req-" + id, page.getString("items[0].requestId"));
        assertEquals(correlationId.toString(), page.getString("items[0].correlationId"));
        assertNull(page.get("items[0].causationId"));
        assertNotNull(page.get("items[0].occurredAt"));
        // who: the person the bearer token names
        assertEquals("office-miit", page.getString("items[0].actor.id"));
        assertEquals(List.of("UNIT_OFFICE"), page.getList("items[0].actor.roles"));
        assertEquals(Map.of("title", mapOf("before", null, "after", "audited")), page.getMap("items[0].changes"));

        // sealed into the chain shortly after the commit
        await().atMost(SEALING).until(() -> records("recordType=ProbeRecord&recordId=" + id).get("items[0].chainPosition") != null);
        JsonPath sealed = records("recordType=ProbeRecord&recordId=" + id);
        assertTrue(sealed.getString("items[0].hash").matches("[0-9a-f]{64}"));
        assertTrue(sealed.getString("items[0].previousHash").matches("[0-9a-f]{64}"));
        awaitIntactChain();

        given().when().get("/q/metrics").then().statusCode(200).body(containsString("audit_unsealed"));
        // every service that uses the kit documents the endpoints, errors as problems like its own
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/audit-records'.get.responses.'400'.content.'application/problem+json'.schema.$ref",
                        equalTo("#/components/schemas/Problem"))
                .body("paths.'/api/v1/audit-records/verification'.get.operationId", equalTo("verifyAuditChain"));
        given().auth().oauth2(TestIdentity.tokenFor("admin")).when().get("/api/v1/audit-records?size=0").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("size"));
        given().auth().oauth2(TestIdentity.tokenFor("admin")).when().get("/api/v1/audit-records?proposalId=not-a-uuid").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("proposalId"));
    }

    @Test
    void aConsumersRecordNamesThePersonWhoseActionCausedTheEvent() throws Exception {
        UUID proposalId = UUID.randomUUID();
        UUID correlationId = UUID.randomUUID();
        Actor officer = actor("office-miit", "陈静（市工信局办公室）", "UNIT_OFFICE", "miit");
        ProposalSubmitted submitted = new ProposalSubmitted(proposalId, ProposalKind.PROPOSAL, "20229998", "audited event",
                new Proposer("m", "委员"), OffsetDateTime.now());
        EventEnvelope first = EventCodec.envelope(submitted, correlationId, null, officer);
        EventEnvelope second = EventCodec.envelope(submitted, correlationId, null, officer);
        try (KafkaTestClient kafka = new KafkaTestClient(DedicatedBroker.broker().bootstrapServers())) {
            kafka.publish(Topics.PROPOSAL_EVENTS, first);
            kafka.publish(Topics.PROPOSAL_EVENTS, second);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> records("proposalId=" + proposalId).getInt("total") == 2);

        JsonPath page = records("proposalId=" + proposalId);
        // newest first: the second event's effect
        assertEquals(second.eventId().toString(), page.getString("items[0].causationId"));
        assertEquals(Map.of("times", mapOf("before", 1, "after", 2)), page.getMap("items[0].changes"));
        assertEquals(first.eventId().toString(), page.getString("items[1].causationId"));
        assertEquals(Map.of("times", mapOf("before", null, "after", 1)), page.getMap("items[1].changes"));
        for (int i = 0; i < 2; i++) {
            String item = "items[" + i + "].";
            assertEquals("ProposalSubmittedApplied", page.getString(item + "action"));
            assertEquals("office-miit", page.getString(item + "actor.id"));
            assertEquals("陈静（市工信局办公室）", page.getString(item + "actor.name"));
            assertEquals(List.of("UNIT_OFFICE"), page.getList(item + "actor.roles"));
            assertEquals("miit", page.getString(item + "actor.unitId"));
            assertEquals(correlationId.toString(), page.getString(item + "correlationId"));
            assertNull(page.get(item + "requestId"), "an event applied is no request");
        }
    }

    @Test
    void aChangeThatRollsBackLeavesNoAuditRecord() {
        UUID id = UUID.randomUUID();
        assertThrows(IllegalStateException.class, () -> probe.recordThenFail(id));
        assertEquals(0L, count("SELECT count(*) FROM audit_record WHERE record_id = ?1", id.toString()));
        assertEquals(0, records("proposalId=" + id).getInt("total"));
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveAnAuditRecord() {
        UUID probeId = UUID.randomUUID();
        probe.record(probeId, "kept as recorded");
        UUID id = auditIdOf(probeId);
        Long position = awaitSealed(id);

        assertRefused("UPDATE audit_record SET action = 'Forged' WHERE id = ?1", id);
        assertRefused("UPDATE audit_record SET changes = '{}' WHERE id = ?1", id);
        assertRefused("UPDATE audit_record SET hash = repeat('f', 64) WHERE id = ?1", id);
        assertRefused("UPDATE audit_record SET chain_position = NULL, previous_hash = NULL, hash = NULL WHERE id = ?1", id);
        assertRefused("DELETE FROM audit_record WHERE id = ?1", id);
        assertRefused("TRUNCATE audit_record");
        // nor can a record be inserted as if sealed, or changed before it is sealed (other than by sealing)
        UUID forged = UUID.randomUUID();
        assertRefused("INSERT INTO audit_record (id, occurred_at, action, record_type, record_id, changes, chain_position,"
                + " previous_hash, hash) VALUES (?1, now(), 'Forged', 'ProbeRecord', 'x', '{}', 999999, repeat('0', 64),"
                + " repeat('f', 64))", forged);
        assertRefused(List.of(
                "INSERT INTO audit_record (id, occurred_at, action, record_type, record_id, changes)"
                        + " VALUES (?1, now(), 'Inserted', 'ProbeRecord', 'x', '{}')",
                "UPDATE audit_record SET action = 'Changed' WHERE id = ?1"), forged);

        assertEquals(1L, count("SELECT count(*) FROM audit_record WHERE id = ?1 AND action = 'ProbeRecorded'"
                + " AND changes = '{\"title\":{\"before\":null,\"after\":\"kept as recorded\"}}'", id));
        assertEquals(position, chainPosition(id));
        assertEquals(0L, count("SELECT count(*) FROM audit_record WHERE id = ?1", forged));
        awaitIntactChain();
    }

    @Test
    void aRowAlteredDirectlyIsReportedAsTheFirstBrokenLink() {
        UUID[] probes = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
        probe.record(probes[0], "first");
        probe.record(probes[1], "to be altered");
        probe.record(probes[2], "last");
        UUID altered = auditIdOf(probes[1]);
        awaitSealed(auditIdOf(probes[0]));
        awaitSealed(auditIdOf(probes[2]));
        long position = awaitSealed(altered);
        long next = ((Number) single("SELECT min(chain_position) FROM audit_record WHERE chain_position > ?1", position)).longValue();
        awaitIntactChain();

        String originalChanges = (String) single("SELECT changes FROM audit_record WHERE id = ?1", altered);
        String originalHash = (String) single("SELECT hash FROM audit_record WHERE id = ?1", altered);
        try {
            // someone with the database's keys changes what was recorded
            alterBehindTheTrigger("UPDATE audit_record SET changes = ?2 WHERE id = ?1", altered,
                    "{\"title\":{\"before\":null,\"after\":\"something else\"}}");
            JsonPath report = verification();
            assertEquals(false, report.getBoolean("intact"));
            assertEquals(position, report.getLong("firstBrokenLink.chainPosition"));
            assertEquals(altered.toString(), report.getString("firstBrokenLink.auditId"));
            assertEquals("hash does not match the record", report.getString("firstBrokenLink.reason"));

            // ... and gives the row a hash that fits its new content: then the next link no longer holds
            alterBehindTheTrigger("UPDATE audit_record SET hash = ?2 WHERE id = ?1", altered, rehashed(altered));
            report = verification();
            assertEquals(false, report.getBoolean("intact"));
            assertEquals(next, report.getLong("firstBrokenLink.chainPosition"));
            assertEquals("previous hash does not match", report.getString("firstBrokenLink.reason"));
        } finally {
            alterBehindTheTrigger("UPDATE audit_record SET changes = ?2, hash = ?3 WHERE id = ?1", altered,
                    originalChanges, originalHash);
        }
        JsonPath restored = verification();
        assertTrue(restored.getBoolean("intact"));
        assertNull(restored.get("firstBrokenLink"));
        assertTrue(restored.getLong("sealed") >= 3);
        assertTrue(restored.getLong("lastChainPosition") >= next);
    }

    @Test
    void anEarlierReportShowsAChainRewrittenToItsEndOrCutShort() {
        probe.record(UUID.randomUUID(), "the last record, for now");
        awaitIntactChain();
        JsonPath earlier = verification();
        long position = earlier.getLong("lastChainPosition");
        String hash = earlier.getString("lastHash");
        JsonPath same = verification("lastChainPosition=" + position + "&lastHash=" + hash);
        assertTrue(same.getBoolean("intact"));
        assertNull(same.get("firstBrokenLink"));

        UUID last = (UUID) single("SELECT id FROM audit_record WHERE chain_position = ?1", position);
        String originalChanges = (String) single("SELECT changes FROM audit_record WHERE id = ?1", last);
        try {
            // the last record changed and re-hashed: no later record links to it, so the chain alone cannot tell
            alterBehindTheTrigger("UPDATE audit_record SET changes = ?2 WHERE id = ?1", last,
                    "{\"title\":{\"before\":null,\"after\":\"rewritten\"}}");
            alterBehindTheTrigger("UPDATE audit_record SET hash = ?2 WHERE id = ?1", last, rehashed(last));
            JsonPath alone = verification();
            if (alone.getLong("lastChainPosition") == position) { // nothing was sealed after it meanwhile
                assertTrue(alone.getBoolean("intact"), alone.prettify());
            }
            // ... but the earlier report can
            JsonPath report = verification("lastChainPosition=" + position + "&lastHash=" + hash);
            assertEquals(false, report.getBoolean("intact"));
            assertEquals(position, report.getLong("firstBrokenLink.chainPosition"));
            assertEquals(last.toString(), report.getString("firstBrokenLink.auditId"));
            assertEquals("hash does not match the earlier report", report.getString("firstBrokenLink.reason"));
        } finally {
            alterBehindTheTrigger("UPDATE audit_record SET changes = ?2, hash = ?3 WHERE id = ?1", last, originalChanges, hash);
        }
        assertTrue(verification("lastChainPosition=" + position + "&lastHash=" + hash).getBoolean("intact"));

        // a report whose last record the chain no longer reaches: records were removed from its end
        JsonPath cutShort = verification("lastChainPosition=" + (position + 1_000_000) + "&lastHash=" + hash);
        assertEquals(false, cutShort.getBoolean("intact"));
        assertEquals(position + 1_000_000, cutShort.getLong("firstBrokenLink.chainPosition"));
        assertNull(cutShort.get("firstBrokenLink.auditId"));
        assertEquals("record missing", cutShort.getString("firstBrokenLink.reason"));

        given().auth().oauth2(TestIdentity.tokenFor("admin")).when().get("/api/v1/audit-records/verification?lastHash=" + hash).then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("lastChainPosition"));
        given().auth().oauth2(TestIdentity.tokenFor("admin")).when().get("/api/v1/audit-records/verification?lastChainPosition=" + position).then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("lastHash"));
        given().auth().oauth2(TestIdentity.tokenFor("admin")).when().get("/api/v1/audit-records/verification?lastChainPosition=0&lastHash=" + hash).then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("lastChainPosition"));
        given().auth().oauth2(TestIdentity.tokenFor("admin")).when().get("/api/v1/audit-records/verification?lastChainPosition=1&lastHash=XYZ").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("lastHash"));
    }

    // ------------------------------------------------------------------------------------------------

    /** An actor as a token would make it; built from JSON so that the test holds while the actor's shape evolves. */
    static Actor actor(String id, String name, String role, String unitId) throws Exception {
        String json = """
                {"id":"%s","name":"%s","role":"%s","roles":["%s"],"unitId":"%s"}""".formatted(id, name, role, role, unitId);
        return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .readValue(json, Actor.class);
    }

    private static JsonPath records(String query) {
        return given().auth().oauth2(TestIdentity.tokenFor("admin")).when().get("/api/v1/audit-records?" + query).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath verification() {
        return verification("");
    }

    private static JsonPath verification(String query) {
        return given().auth().oauth2(TestIdentity.tokenFor("admin")).when().get("/api/v1/audit-records/verification" + (query.isEmpty() ? "" : "?" + query))
                .then().statusCode(200).extract().jsonPath();
    }

    private static void awaitIntactChain() {
        await().atMost(SEALING).untilAsserted(() -> {
            JsonPath report = verification();
            assertTrue(report.getBoolean("intact"), report.prettify());
            assertEquals(0L, report.getLong("unsealed"));
        });
        assertNull(verification().get("firstBrokenLink"));
    }

    /** The id of the audit record of the probe's state change. */
    private UUID auditIdOf(UUID probeId) {
        return (UUID) single("SELECT id FROM audit_record WHERE record_type = 'ProbeRecord' AND record_id = ?1",
                probeId.toString());
    }

    private long awaitSealed(UUID id) {
        await().atMost(SEALING).until(() -> chainPosition(id) != null);
        return chainPosition(id);
    }

    private Long chainPosition(UUID id) {
        Object position = single("SELECT chain_position FROM audit_record WHERE id = ?1", id);
        return position == null ? null : ((Number) position).longValue();
    }

    /** The hash a forger would give the row after changing it, computed as the sealer does. */
    private String rehashed(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT chain_position, previous_hash, "
                    + AuditChain.RECORDED_COLUMNS + " FROM audit_record WHERE id = ?")) {
                query.setObject(1, id);
                try (ResultSet rs = query.executeQuery()) {
                    rs.next();
                    return AuditChain.hash(rs.getString(2), rs.getLong(1), AuditChain.Recorded.read(rs, 3));
                }
            }
        }));
    }

    /** Runs an update with triggers off, as only someone with the database's own keys could. */
    private void alterBehindTheTrigger(String sql, Object... parameters) {
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("SET LOCAL session_replication_role = replica").executeUpdate();
            assertEquals(1, bind(entityManager.createNativeQuery(sql), parameters).executeUpdate());
        });
    }

    private void assertRefused(String sql, Object... parameters) {
        assertRefused(List.of(sql), parameters);
    }

    /** The statements, run in one transaction, fail on the audit trail's trigger. */
    private void assertRefused(List<String> statements, Object... parameters) {
        Exception refused = assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            for (String sql : statements) {
                Query query = entityManager.createNativeQuery(sql);
                if (sql.contains("?1")) {
                    bind(query, parameters);
                }
                query.executeUpdate();
            }
        }), statements + " was not refused");
        StringBuilder messages = new StringBuilder();
        for (Throwable t = refused; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        assertTrue(messages.toString().contains("audit_record is append-only"), messages.toString());
    }

    private static Query bind(Query query, Object... parameters) {
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query;
    }

    private Object single(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = bind(entityManager.createNativeQuery(sql), parameters).getResultList();
            return rows.isEmpty() ? null : rows.get(0);
        });
    }

    private long count(String sql, Object... parameters) {
        return ((Number) single(sql, parameters)).longValue();
    }

    private static Map<String, Object> mapOf(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }
}
