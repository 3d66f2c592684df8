package org.proposals.supervision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proposals.events.EventEnvelope;
import org.proposals.infra.MovableClock;
import org.proposals.infra.TestIdentity;
import org.proposals.kit.time.CityClock;
import org.proposals.supervision.client.RequestSignature;
import org.proposals.supervision.service.CircuitBreaker;
import org.proposals.supervision.service.ReportDelivery;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proposals.supervision.PlatformEvents.as;
import static org.proposals.supervision.SupervisionSystemStandIn.REPORTS_PATH;

/**
 * Status reports reach the supervision system (a stand-in HTTP server) signed, in order per proposal and exactly as
 * recorded, through an outage, and past a refusal once an operator has fixed the report. The clock is the city's
 * clock, moved by the test; the deliverer is run by hand.
 */
@QuarkusTest
@WithTestResource(value = TestIdentity.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = SupervisionSystemStandIn.class, scope = TestResourceScope.GLOBAL)
class StatusReportDeliveryTest {

    @Inject
    ReportDelivery delivery;

    @Inject
    CircuitBreaker breaker;

    @Inject
    ObjectMapper json;

    MovableClock clock;

    @BeforeEach
    void standToday() {
        // an hour ahead of the real time, so that every report written so far is due
        clock = MovableClock.at(LocalDate.now());
        clock.advance(Duration.between(clock.instant(), java.time.Instant.now()).plusHours(1));
        QuarkusMock.installMockForType(new CityClock(clock), CityClock.class);
        SupervisionSystemStandIn.takeEverything();
        breaker.succeeded();
    }

    @Test
    void reportsAreDeliveredSignedWithTheirIdempotencyKeyInOrder() throws Exception {
        try (PlatformEvents proposal = new PlatformEvents().submittedAndAssigned()) {
            EventEnvelope signedFor = proposal.signed();
            List<StatusReport> reports = proposal.awaitReports(2);
            delivery.deliverDue(100);

            List<ServeEvent> received = receivedFor(proposal.proposalId);
            assertEquals(2, received.size());
            RequestSignature signature = new RequestSignature(SupervisionSystemStandIn.secret());
            for (int i = 0; i < 2; i++) {
                var request = received.get(i).getRequest();
                String body = request.getBodyAsString();
                assertEquals(reports.get(i).id.toString(), request.getHeader("Idempotency-Key"));
                assertEquals("proposal-platform", request.getHeader(RequestSignature.KEY_ID_HEADER));
                long timestamp = Long.parseLong(request.getHeader(RequestSignature.TIMESTAMP_HEADER));
                assertEquals(signature.sign(timestamp, "POST", REPORTS_PATH, body), request.getHeader(RequestSignature.SIGNATURE_HEADER));
                assertEquals(reports.get(i).body, body, "sent exactly as recorded");
            }
            JsonNode assigned = json.readTree(received.get(0).getRequest().getBodyAsString());
            assertEquals("ASSIGNED", assigned.get("type").asText());
            assertEquals(1, assigned.get("sequence").asInt());
            assertEquals(proposal.number, assigned.at("/proposal/number").asText());
            assertEquals("关于加快中小企业数字化转型的提案", assigned.at("/proposal/title").asText());
            assertEquals("市工业和信息化局", assigned.at("/unit/name").asText());
            assertEquals("LEAD", assigned.at("/details/handlingType").asText());
            JsonNode signed = json.readTree(received.get(1).getRequest().getBodyAsString());
            assertEquals("SIGNED_FOR", signed.get("type").asText());
            assertEquals(2, signed.get("sequence").asInt());
            assertFalse(signed.at("/details/late").asBoolean());
            assertTrue(proposal.reports().stream().allMatch(r -> r.status == StatusReport.Status.DELIVERED && r.deliveredAt != null));

            // the same event delivered again by the broker is reported once
            proposal.publish(signedFor);
            Thread.sleep(1500);
            assertEquals(2, proposal.reports().size());
        }
    }

    @Test
    void anOutageOfMinutesLosesNothingKeepsTheOrderAndTheCircuitStopsTheHammering() {
        try (PlatformEvents first = new PlatformEvents().submittedAndAssigned();
             PlatformEvents second = new PlatformEvents().submittedAndAssigned()) {
            first.signed();
            second.signed();
            second.extensionRequested();
            first.awaitReports(2);
            second.awaitReports(3);
            SupervisionSystemStandIn.server().stubFor(WireMock.post(REPORTS_PATH).atPriority(1)
                    .willReturn(WireMock.serviceUnavailable().withBody("maintenance")));

            // ten minutes of outage, looked at every fifteen seconds
            int openedAfter = -1;
            for (int step = 0; step < 40; step++) {
                int before = SupervisionSystemStandIn.received().size();
                delivery.deliverDue(100);
                int sent = SupervisionSystemStandIn.received().size() - before;
                if (openedAfter < 0 && breaker.snapshot().state() == CircuitBreaker.State.OPEN) {
                    openedAfter = SupervisionSystemStandIn.received().size();
                } else if (openedAfter >= 0) {
                    assertTrue(sent <= 1, "an open circuit lets one trial through at a time, not " + sent);
                }
                clock.advance(Duration.ofSeconds(15));
            }
            assertEquals(5, openedAfter, "the circuit opens after five failures in a row");
            int duringOutage = SupervisionSystemStandIn.received().size();
            assertTrue(duringOutage <= 5 + 4, "open, the circuit sends one trial after 1, 2, 4 minutes: " + duringOutage);
            as("admin").get("/api/v1/supervision/outbound").then().statusCode(200)
                    .body("circuit.state", equalTo("OPEN"))
                    .body("deadLetters", equalTo(0))
                    .body("oldestUndelivered.lastError", containsString("503"));
            assertTrue(first.reports().stream().allMatch(r -> r.status == StatusReport.Status.PENDING));
            assertTrue(second.reports().stream().allMatch(r -> r.status == StatusReport.Status.PENDING));

            // the supervision system is back: within the longest back-off everything arrives, in order
            SupervisionSystemStandIn.takeEverything();
            for (int minute = 0; minute < 60 && !allDelivered(first, second); minute++) {
                clock.advance(Duration.ofMinutes(1));
                delivery.deliverDue(100);
            }
            assertTrue(allDelivered(first, second), "every report delivered once the system is back");
            assertEquals(List.of(1L, 2L), deliveredSequences(first.proposalId));
            assertEquals(List.of(1L, 2L, 3L), deliveredSequences(second.proposalId));
            assertEquals(CircuitBreaker.State.CLOSED, breaker.snapshot().state());
        }
    }

    @Test
    void aRefusedReportIsADeadLetterThatHoldsItsProposalUntilAnOperatorFixesAndResendsIt() throws Exception {
        try (PlatformEvents refused = new PlatformEvents().submittedAndAssigned();
             PlatformEvents other = new PlatformEvents().submittedAndAssigned()) {
            refused.signed();
            refused.extensionRequested();
            other.signed();
            List<StatusReport> reports = refused.awaitReports(3);
            other.awaitReports(2);
            // the supervision system knows the unit under another code and refuses the sign-for report
            SupervisionSystemStandIn.server().stubFor(WireMock.post(REPORTS_PATH).atPriority(1)
                    .withRequestBody(WireMock.matchingJsonPath("$.proposal.id", WireMock.equalTo(refused.proposalId.toString())))
                    .withRequestBody(WireMock.matchingJsonPath("$.unit.id", WireMock.equalTo("miit")))
                    .withRequestBody(WireMock.matchingJsonPath("$.type", WireMock.equalTo("SIGNED_FOR")))
                    .willReturn(WireMock.aResponse().withStatus(422).withBody("{\"detail\":\"unknown unit code miit\"}")));
            delivery.deliverDue(100);

            UUID dead = reports.get(1).id;
            assertEquals(List.of(StatusReport.Status.DELIVERED, StatusReport.Status.DEAD, StatusReport.Status.PENDING),
                    refused.reports().stream().map(r -> r.status).toList());
            assertTrue(other.reports().stream().allMatch(r -> r.status == StatusReport.Status.DELIVERED), "other proposals go on");
            assertEquals(List.of(1L, 2L), sentSequences(refused.proposalId), "the report behind the dead letter waits");
            as("admin").get("/api/v1/supervision/dead-letters?size=200").then().statusCode(200)
                    .body("items.reportId", hasItem(dead.toString()));
            as("supervisor-city").get("/api/v1/supervision/status-reports/" + dead).then().statusCode(200)
                    .body("status", equalTo("DEAD")).body("lastHttpStatus", equalTo(422))
                    .body("lastError", containsString("unknown unit code miit"));
            as("admin").get("/api/v1/supervision/outbound").then().statusCode(200)
                    .body("heldByDeadLetters", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
            delivery.deliverDue(100);
            assertEquals(List.of(1L, 2L), sentSequences(refused.proposalId), "a dead letter is not retried by itself");

            // the operator corrects the unit code and resends; the identity of the report stays
            Map<String, Object> corrected = json.readValue(reports.get(1).body, Map.class);
            Map<String, Object> unit = new HashMap<>((Map<String, Object>) corrected.get("unit"));
            unit.put("id", "GXJ-001");
            corrected.put("unit", unit);
            corrected.put("sequence", 99);
            String resend = json.writeValueAsString(Map.of("body", corrected, "note", "市督查室系统中的单位代码"));
            as("supervisor-city").contentType(ContentType.JSON).body(resend).post("/api/v1/supervision/dead-letters/" + dead + "/resend")
                    .then().statusCode(403);
            as("admin").contentType(ContentType.JSON).body(resend).post("/api/v1/supervision/dead-letters/" + reports.get(0).id + "/resend")
                    .then().statusCode(409);
            as("admin").contentType(ContentType.JSON).body("{\"body\":[1,2]}").post("/api/v1/supervision/dead-letters/" + dead + "/resend")
                    .then().statusCode(400);
            as("admin").contentType(ContentType.JSON).body(resend).post("/api/v1/supervision/dead-letters/" + dead + "/resend")
                    .then().statusCode(200).body("status", equalTo("PENDING"));
            delivery.deliverDue(100);

            assertTrue(refused.reports().stream().allMatch(r -> r.status == StatusReport.Status.DELIVERED));
            assertEquals(List.of(1L, 2L), deliveredSequences(refused.proposalId).subList(0, 2));
            assertEquals(List.of(1L, 2L, 3L), deliveredSequences(refused.proposalId));
            ServeEvent resent = receivedFor(refused.proposalId).stream()
                    .filter(e -> e.getResponse().getStatus() == 200 && dead.toString().equals(e.getRequest().getHeader("Idempotency-Key")))
                    .findFirst().orElseThrow();
            JsonNode body = json.readTree(resent.getRequest().getBodyAsString());
            assertEquals("GXJ-001", body.at("/unit/id").asText());
            assertEquals(2, body.get("sequence").asInt(), "the sequence is the report's own, whatever the correction says");
            as("admin").get("/api/v1/audit-records?recordType=StatusReport&recordId=" + dead).then().statusCode(200)
                    .body("items.action", hasItem("StatusReportResent"));
        }
    }

    @Test
    void aDiscardedDeadLetterReleasesItsProposal() {
        try (PlatformEvents proposal = new PlatformEvents().submittedAndAssigned()) {
            proposal.signed();
            List<StatusReport> reports = proposal.awaitReports(2);
            SupervisionSystemStandIn.server().stubFor(WireMock.post(REPORTS_PATH).atPriority(1)
                    .withRequestBody(WireMock.matchingJsonPath("$.proposal.id", WireMock.equalTo(proposal.proposalId.toString())))
                    .withRequestBody(WireMock.matchingJsonPath("$.type", WireMock.equalTo("ASSIGNED")))
                    .willReturn(WireMock.badRequest()));
            delivery.deliverDue(100);
            UUID dead = reports.get(0).id;
            assertEquals(StatusReport.Status.DEAD, proposal.reports().get(0).status);
            assertEquals(StatusReport.Status.PENDING, proposal.reports().get(1).status);

            as("admin").contentType(ContentType.JSON).body("{\"reason\":\" \"}").post("/api/v1/supervision/dead-letters/" + dead + "/discard")
                    .then().statusCode(400);
            as("admin").contentType(ContentType.JSON).body("{\"reason\":\"已由督查室人工录入\"}")
                    .post("/api/v1/supervision/dead-letters/" + dead + "/discard").then().statusCode(200).body("status", equalTo("DISCARDED"));
            delivery.deliverDue(100);
            assertEquals(StatusReport.Status.DELIVERED, proposal.reports().get(1).status);
        }
    }

    @Test
    void replicasDeliveringAtOnceSendEachReportOnceAndInOrder() throws Exception {
        try (PlatformEvents first = new PlatformEvents().submittedAndAssigned();
             PlatformEvents second = new PlatformEvents().submittedAndAssigned();
             PlatformEvents third = new PlatformEvents().submittedAndAssigned()) {
            for (PlatformEvents proposal : List.of(first, second, third)) {
                proposal.signed();
                proposal.extensionRequested();
                proposal.awaitReports(3);
            }
            // a slow supervision system, so that the replicas' attempts overlap
            SupervisionSystemStandIn.server().stubFor(WireMock.post(REPORTS_PATH).atPriority(5)
                    .willReturn(WireMock.ok().withFixedDelay(100)));
            // three deliverers, each in its own transactions, as three replicas would be
            java.util.concurrent.ExecutorService replicas = java.util.concurrent.Executors.newFixedThreadPool(3);
            try {
                List<java.util.concurrent.Future<Integer>> rounds = new ArrayList<>();
                for (int replica = 0; replica < 3; replica++) {
                    rounds.add(replicas.submit(() -> {
                        int sent = 0;
                        for (int round = 0; round < 10; round++) {
                            sent += delivery.deliverDue(100);
                        }
                        return sent;
                    }));
                }
                for (java.util.concurrent.Future<Integer> round : rounds) {
                    round.get(60, java.util.concurrent.TimeUnit.SECONDS);
                }
            } finally {
                replicas.shutdownNow();
            }
            for (PlatformEvents proposal : List.of(first, second, third)) {
                assertTrue(proposal.reports().stream().allMatch(r -> r.status == StatusReport.Status.DELIVERED));
                assertEquals(List.of(1L, 2L, 3L), deliveredSequences(proposal.proposalId));
                for (StatusReport report : proposal.reports()) {
                    assertEquals(1, receivedFor(proposal.proposalId).stream()
                            .filter(e -> report.id.toString().equals(e.getRequest().getHeader("Idempotency-Key"))).count(),
                            "report " + report.sequence + " sent once");
                }
            }
        }
    }

    private static boolean allDelivered(PlatformEvents... proposals) {
        for (PlatformEvents proposal : proposals) {
            if (!proposal.reports().stream().allMatch(r -> r.status == StatusReport.Status.DELIVERED)) {
                return false;
            }
        }
        return true;
    }

    /** What the stand-in received about the proposal, oldest first. */
    private List<ServeEvent> receivedFor(UUID proposalId) {
        return SupervisionSystemStandIn.received().stream()
                .filter(e -> e.getRequest().getBodyAsString().contains(proposalId.toString()))
                .toList();
    }

    /** The sequence numbers of every request about the proposal, in the order they arrived. */
    private List<Long> sentSequences(UUID proposalId) {
        List<Long> sequences = new ArrayList<>();
        for (ServeEvent event : receivedFor(proposalId)) {
            long sequence = sequenceOf(event);
            if (!sequences.contains(sequence)) {
                sequences.add(sequence);
            }
        }
        return sequences;
    }

    /**
     * The sequence numbers the supervision system took (2xx), in the order it took them; checks on the way that no
     * report was ever sent before the one ahead of it had been taken.
     */
    private List<Long> deliveredSequences(UUID proposalId) {
        List<Long> taken = new ArrayList<>();
        for (ServeEvent event : receivedFor(proposalId)) {
            long sequence = sequenceOf(event);
            assertTrue(sequence <= taken.size() + 1, "report " + sequence + " was sent before report " + (taken.size() + 1) + " was taken");
            if (event.getResponse().getStatus() / 100 == 2 && !taken.contains(sequence)) {
                taken.add(sequence);
            }
        }
        return taken;
    }

    private long sequenceOf(ServeEvent event) {
        try {
            JsonNode body = json.readTree(event.getRequest().getBodyAsString());
            assertNotNull(body.get("sequence"));
            return body.get("sequence").asLong();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
