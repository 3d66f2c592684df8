package org.proposals.supervision;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proposals.infra.MovableClock;
import org.proposals.infra.TestIdentity;
import org.proposals.kit.time.CityClock;
import org.proposals.supervision.client.RequestSignature;
import org.proposals.supervision.client.SupervisionSystemClient;
import org.proposals.supervision.service.CircuitBreaker;
import org.proposals.supervision.service.ReportDelivery;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proposals.supervision.MutualTlsSupervisionSystem.PLATFORM_KEY_STORE;
import static org.proposals.supervision.MutualTlsSupervisionSystem.PLATFORM_KEY_STORE_PASSWORD;
import static org.proposals.supervision.MutualTlsSupervisionSystem.PLATFORM_TRUST_STORE;
import static org.proposals.supervision.MutualTlsSupervisionSystem.PLATFORM_TRUST_STORE_PASSWORD;
import static org.proposals.supervision.PlatformEvents.as;

/**
 * Status reports reach a supervision system that takes only clients it trusts by their certificate: over HTTPS, with
 * the platform's client certificate and unsigned. A supervision system that does not trust the certificate gets
 * nothing, and the report waits for the next attempt like any report that found no answer.
 */
@QuarkusTest
@TestProfile(MutualTlsDeliveryTest.MutualTls.class)
class MutualTlsDeliveryTest {

    /** The adapter authenticated by its client certificate alone, against the HTTPS stand-in. */
    public static class MutualTls implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "supervision.system.authentication", "MTLS",
                    "supervision.system.tls.key-store", PLATFORM_KEY_STORE.toString(),
                    "supervision.system.tls.key-store-password", PLATFORM_KEY_STORE_PASSWORD,
                    "supervision.system.tls.trust-store", PLATFORM_TRUST_STORE.toString(),
                    "supervision.system.tls.trust-store-password", PLATFORM_TRUST_STORE_PASSWORD,
                    // a refused handshake now and then goes unanswered (see below): no need to wait 15 s for it
                    "supervision.system.request-timeout", "3s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(TestIdentity.class), new TestResourceEntry(MutualTlsSupervisionSystem.class));
        }

        /** The plain HTTP stand-in the other tests share would set the supervision system's URL too. */
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    /** How the client tells that the supervision system gave no answer, as opposed to an HTTP status. */
    private static final Matcher<String> NO_ANSWER = anyOf(startsWith("not reachable: "), startsWith("no answer within "));

    @Inject
    ReportDelivery delivery;

    @Inject
    CircuitBreaker breaker;

    @Inject
    SupervisionSystemClient client;

    MovableClock clock;

    @BeforeEach
    void trustedAndNothingElseDue() {
        // an hour ahead of the real time, so that every report written so far is due
        clock = MovableClock.at(LocalDate.now());
        clock.advance(Duration.between(clock.instant(), Instant.now()).plusHours(1));
        QuarkusMock.installMockForType(new CityClock(clock), CityClock.class);
        MutualTlsSupervisionSystem.trustThePlatform();
        breaker.succeeded();
        // what the other test classes left undelivered goes now, so that each test sees only its own proposal's reports
        for (int round = 0; round < 20 && delivery.deliverDue(100) > 0; round++) {
            breaker.succeeded();
        }
        MutualTlsSupervisionSystem.server().resetRequests();
    }

    @Test
    void aReportIsDeliveredOverHttpsWithTheClientCertificateAndUnsigned() throws Exception {
        // the server takes no client without a certificate it trusts, so a request that arrives proves the certificate
        HttpClient withoutCertificate = HttpClient.newBuilder().sslContext(trustingTheSupervisionSystemOnly())
                .connectTimeout(Duration.ofSeconds(3)).build();
        assertThrows(IOException.class, () -> withoutCertificate.send(HttpRequest.newBuilder(client.reportsUri())
                .timeout(Duration.ofSeconds(3)).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString()));
        assertTrue(MutualTlsSupervisionSystem.server().getAllServeEvents().isEmpty());

        try (PlatformEvents proposal = new PlatformEvents().submittedAndAssigned()) {
            StatusReport assigned = proposal.awaitReports(1).get(0);
            delivery.deliverDue(100);

            assertEquals(StatusReport.Status.DELIVERED, proposal.reports().get(0).status);
            var received = MutualTlsSupervisionSystem.receivedAbout(proposal.proposalId);
            assertEquals(1, received.size());
            LoggedRequest request = received.get(0).getRequest();
            assertEquals("https", request.getScheme());
            assertEquals(assigned.id.toString(), request.getHeader("Idempotency-Key"));
            assertEquals(assigned.body, request.getBodyAsString(), "sent exactly as recorded");
            // the certificate is the proof of origin: nothing is signed
            assertFalse(request.containsHeader(RequestSignature.SIGNATURE_HEADER));
            assertFalse(request.containsHeader(RequestSignature.TIMESTAMP_HEADER));
            assertFalse(request.containsHeader(RequestSignature.KEY_ID_HEADER));
        }
    }

    @Test
    void aServerThatDoesNotTrustTheCertificateGetsNothingAndTheReportWaitsForTheNextAttempt() {
        try (PlatformEvents proposal = new PlatformEvents().submittedAndAssigned()) {
            StatusReport assigned = proposal.awaitReports(1).get(0);
            MutualTlsSupervisionSystem.distrustThePlatform();
            delivery.deliverDue(100);

            assertTrue(MutualTlsSupervisionSystem.server().getAllServeEvents().isEmpty(), "refused in the handshake");
            StatusReport waiting = proposal.reports().get(0);
            // a refused handshake is no answer: retried after a back-off, never a dead letter
            assertEquals(StatusReport.Status.PENDING, waiting.status);
            assertEquals(1, waiting.attempts);
            assertNull(waiting.lastHttpStatus);
            // TLS 1.3 refuses a client certificate after the client has finished its side of the handshake: the client
            // meets the server's alert, a broken pipe as it writes the request, or, rarely over HTTP/2, no answer at all
            assertThat(waiting.lastError, NO_ANSWER);
            assertTrue(waiting.nextAttemptAt.isAfter(waiting.lastAttemptAt));
            as("supervisor-city").get("/api/v1/supervision/status-reports/" + assigned.id).then().statusCode(200)
                    .body("status", equalTo("PENDING")).body("lastError", NO_ANSWER);
            assertEquals(CircuitBreaker.State.CLOSED, breaker.snapshot().state());

            // trusted again, the next attempt delivers the report
            MutualTlsSupervisionSystem.trustThePlatform();
            clock.advance(Duration.ofMinutes(1));
            delivery.deliverDue(100);
            assertEquals(StatusReport.Status.DELIVERED, proposal.reports().get(0).status);
            assertEquals(2, proposal.reports().get(0).attempts);
            assertEquals(1, MutualTlsSupervisionSystem.receivedAbout(proposal.proposalId).size());
        }
    }

    private static SSLContext trustingTheSupervisionSystemOnly() throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(PLATFORM_TRUST_STORE)) {
            trusted.load(in, PLATFORM_TRUST_STORE_PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
