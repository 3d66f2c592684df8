package org.proposals.supervision;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.proposals.events.Topics;
import org.proposals.events.assignment.ProgressReportSubmitted;
import org.proposals.events.assignment.ProposalSupervised;
import org.proposals.events.assignment.SupervisionDirectiveIssued;
import org.proposals.events.assignment.SupervisionDirectiveRejected;
import org.proposals.infra.KafkaTestClient;
import org.proposals.supervision.client.RequestSignature;
import org.proposals.supervision.service.DirectiveService;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proposals.supervision.PlatformEvents.WAIT;
import static org.proposals.supervision.PlatformEvents.as;
import static org.proposals.supervision.SupervisionSystemStandIn.signedDirective;

/**
 * The supervision system's directives: only the supervision system, only signed, each handed on once to
 * assignment-service however often it is sent, and what assignment-service made of it reported back.
 */
@QuarkusTest
class DirectiveTest {

    private static final String PATH = SupervisionSystemStandIn.DIRECTIVES_PATH;

    @Inject
    EntityManager entityManager;

    @Test
    void onlyTheSupervisionSystemWithAValidSignatureSendsDirectives() {
        try (PlatformEvents proposal = new PlatformEvents().submittedAndAssigned()) {
            String id = "DB-" + UUID.randomUUID();
            String body = urge(id, proposal.proposalId);
            given().contentType(ContentType.JSON).body(body).post(PATH).then().statusCode(401);
            signedDirective(as("office-miit"), body).post(PATH).then().statusCode(403);
            as("supervision-system").contentType(ContentType.JSON).body(body).post(PATH).then().statusCode(401)
                    .body("detail", containsString("not signed"));
            signedDirective(as("supervision-system"), body, now(), "another-secret").post(PATH).then().statusCode(401)
                    .contentType("application/problem+json").body("detail", containsString("does not match"));
            signedDirective(as("supervision-system"), body, now() - 600, SupervisionSystemStandIn.secret()).post(PATH).then().statusCode(401)
                    .body("detail", containsString("window"));
            // signed for one body, sent with another
            long timestamp = now();
            as("supervision-system").contentType(ContentType.JSON).body(body.replace("请加快办理", "不必办理"))
                    .header(RequestSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(RequestSignature.SIGNATURE_HEADER, new RequestSignature(SupervisionSystemStandIn.secret()).sign(timestamp, "POST", PATH, body))
                    .post(PATH).then().statusCode(401);
            as("admin").get(PATH + "/" + id).then().statusCode(404);
            assertEquals(0, eventsFor(DirectiveService.platformId(id)));
        }
    }

    @Test
    void aDirectiveIsHandedOnOnceHoweverOftenItIsSent() {
        try (PlatformEvents proposal = new PlatformEvents().submittedAndAssigned();
             KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            String id = "DB-" + UUID.randomUUID();
            UUID platformId = DirectiveService.platformId(id);
            send(urge(id, proposal.proposalId)).statusCode(202)
                    .header("Location", containsString(PATH + "/" + id))
                    .body("status", equalTo("ACCEPTED")).body("platformDirectiveId", equalTo(platformId.toString()));
            send(urge(id, proposal.proposalId)).statusCode(200).body("status", equalTo("ACCEPTED"));
            send(urge(id, proposal.proposalId)).statusCode(200);
            send(urge(id, proposal.proposalId).replace("请加快办理", "请尽快答复")).statusCode(409);
            assertEquals(1, eventsFor(platformId));
            var record = kafka.readUntil(KafkaTestClient.topic(Topics.SUPERVISION_EVENTS),
                    r -> r.value().contains(platformId.toString()), WAIT).stream()
                    .filter(r -> r.value().contains(platformId.toString())).findFirst().orElseThrow();
            assertEquals(proposal.proposalId.toString(), record.key());
            assertTrue(record.value().contains("\"SupervisionDirectiveReceived\""));
            assertTrue(record.value().contains("\"externalId\":\"" + id + "\""));
            assertTrue(record.value().contains("\"unitId\":\"miit\""));
            as("admin").get("/api/v1/audit-records?recordType=ReceivedDirective&recordId=" + platformId).then().statusCode(200)
                    .body("items.action", hasItem("SupervisionDirectiveReceived"));

            // assignment-service applied it: the supervision system hears so, with its own id
            proposal.publish(new SupervisionDirectiveIssued(platformId, proposal.assignmentId, proposal.proposalId, "miit", "URGE",
                    "请加快办理", null, OffsetDateTime.now()));
            await().atMost(WAIT).untilAsserted(() -> as("supervision-system").get(PATH + "/" + id).then().statusCode(200)
                    .body("status", equalTo("APPLIED")));
            StatusReport applied = reportOf(proposal, ReportType.DIRECTIVE_APPLIED);
            assertTrue(applied.body.contains("\"directiveId\":\"" + id + "\""), applied.body);
            send(urge(id, proposal.proposalId)).statusCode(200).body("status", equalTo("APPLIED"));
        }
    }

    @Test
    void whatTheAdapterCannotAcceptIsRefusedAtOnceAndChangesNothing() {
        try (PlatformEvents proposal = new PlatformEvents().submittedAndAssigned()) {
            String unknownProposal = urge("DB-" + UUID.randomUUID(), UUID.randomUUID());
            send(unknownProposal).statusCode(422).body("detail", containsString("not known"));
            String otherUnit = urge("DB-" + UUID.randomUUID(), proposal.proposalId).replace("\"miit\"", "\"drc\"");
            send(otherUnit).statusCode(422).body("detail", containsString("does not handle"));
            send(directive("DB-" + UUID.randomUUID(), "PROGRESS_REPORT", proposal.proposalId, "\"unitId\":\"miit\",")).statusCode(400)
                    .body("errors.field", hasItem("dueDate"));
            send(directive("DB-" + UUID.randomUUID(), "MARK_KEY", proposal.proposalId, "")).statusCode(400)
                    .body("errors.field", hasItem("leaderName"));
            send(directive("DB-" + UUID.randomUUID(), "EARLIER_DEADLINE", proposal.proposalId,
                    "\"unitId\":\"miit\",\"dueDate\":\"" + LocalDate.now().minusDays(1) + "\",")).statusCode(400);
            send(directive("bad id!", "URGE", proposal.proposalId, "\"unitId\":\"miit\",")).statusCode(400)
                    .body("errors.field", hasItem("directiveId"));
            send(directive("DB-" + UUID.randomUUID(), "CANCEL_PROPOSAL", proposal.proposalId, "")).statusCode(400);
            send("{\"directiveId\":").statusCode(400);
            send("").statusCode(400);
            assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() ->
                    ReceivedDirective.count("proposalId", proposal.proposalId)));
        }
    }

    @Test
    void outcomesAndProgressReportsGoBackToTheSupervisionSystem() {
        try (PlatformEvents proposal = new PlatformEvents().submittedAndAssigned()) {
            String key = "DB-" + UUID.randomUUID();
            send(directive(key, "MARK_KEY", proposal.proposalId, "\"leaderName\":\"李副市长\",")).statusCode(202);
            String report = "DB-" + UUID.randomUUID();
            send(directive(report, "PROGRESS_REPORT", proposal.proposalId,
                    "\"unitId\":\"miit\",\"dueDate\":\"" + LocalDate.now().plusDays(10) + "\",")).statusCode(202);
            String earlier = "DB-" + UUID.randomUUID();
            send(directive(earlier, "EARLIER_DEADLINE", proposal.proposalId,
                    "\"unitId\":\"miit\",\"dueDate\":\"" + LocalDate.now().plusYears(1) + "\",")).statusCode(202);

            proposal.publish(new ProposalSupervised(proposal.proposalId, "李副市长", "请加快办理", OffsetDateTime.now(),
                    DirectiveService.platformId(key)));
            proposal.publish(new SupervisionDirectiveRejected(DirectiveService.platformId(earlier), proposal.proposalId, "miit",
                    "The due date must be before the current deadline", OffsetDateTime.now()));
            proposal.publish(new SupervisionDirectiveIssued(DirectiveService.platformId(report), proposal.assignmentId,
                    proposal.proposalId, "miit", "PROGRESS_REPORT", "请加快办理", LocalDate.now().plusDays(10), OffsetDateTime.now()));
            proposal.publish(new ProgressReportSubmitted(DirectiveService.platformId(report), proposal.assignmentId,
                    proposal.proposalId, "miit", "已召开专题协调会，正在制定扶持政策", LocalDate.now().plusDays(10),
                    OffsetDateTime.now(), false));

            await().atMost(WAIT).untilAsserted(() -> as("supervisor-city").get(PATH + "?proposalId=" + proposal.proposalId)
                    .then().statusCode(200).body("total", equalTo(3))
                    .body("items.find { it.directiveId == '" + key + "' }.status", equalTo("APPLIED"))
                    .body("items.find { it.directiveId == '" + report + "' }.status", equalTo("APPLIED"))
                    .body("items.find { it.directiveId == '" + earlier + "' }.status", equalTo("REJECTED"))
                    .body("items.find { it.directiveId == '" + earlier + "' }.reason", containsString("before the current deadline")));
            await().atMost(WAIT).until(() -> proposal.reports().size() >= 5);
            assertTrue(reportOf(proposal, ReportType.KEY_PROPOSAL_MARKED).body.contains("\"directiveId\":\"" + key + "\""));
            assertTrue(reportOf(proposal, ReportType.DIRECTIVE_REJECTED).body.contains("before the current deadline"));
            StatusReport progress = reportOf(proposal, ReportType.PROGRESS_REPORTED);
            assertTrue(progress.body.contains("\"directiveId\":\"" + report + "\""), progress.body);
            assertTrue(progress.body.contains("正在制定扶持政策"), progress.body);
            assertEquals("miit", progress.unitId);
        }
    }

    private static StatusReport reportOf(PlatformEvents proposal, ReportType type) {
        await().atMost(WAIT).until(() -> proposal.reports().stream().anyMatch(r -> r.type == type));
        return proposal.reports().stream().filter(r -> r.type == type).findFirst().orElseThrow();
    }

    private long eventsFor(UUID platformId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "SELECT count(*) FROM outbox_event WHERE event_type = 'SupervisionDirectiveReceived' AND aggregate_id IS NOT NULL "
                                + "AND envelope LIKE ?1")
                .setParameter(1, "%" + platformId + "%").getSingleResult()).longValue());
    }

    private static ValidatableResponse send(String body) {
        return signedDirective(as("supervision-system"), body).post(PATH).then();
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private static String urge(String id, UUID proposalId) {
        return directive(id, "URGE", proposalId, "\"unitId\":\"miit\",");
    }

    private static String directive(String id, String type, UUID proposalId, String more) {
        return "{\"directiveId\":\"" + id + "\",\"type\":\"" + type + "\",\"proposalId\":\"" + proposalId + "\","
                + more + "\"note\":\"请加快办理\"}";
    }

}
