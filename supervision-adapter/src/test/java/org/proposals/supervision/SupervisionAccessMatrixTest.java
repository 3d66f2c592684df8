package org.proposals.supervision;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.proposals.infra.AccessMatrix;
import org.proposals.supervision.service.CircuitBreaker;
import org.proposals.supervision.service.ReportDelivery;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.proposals.infra.AccessMatrix.ANONYMOUS;
import static org.proposals.infra.AccessMatrix.UNIT_PEOPLE;
import static org.proposals.supervision.SupervisionSystemStandIn.REPORTS_PATH;
import static org.proposals.supervision.SupervisionSystemStandIn.signedDirective;

/**
 * Every endpoint of the supervision adapter × every role, with the exact status each gets: the supervision system
 * sends directives, the supervision office and operators watch the channel, only operators act on dead letters.
 * A new endpoint without rows fails this test.
 */
@QuarkusTest
class SupervisionAccessMatrixTest {

    private static final String DIRECTIVES = SupervisionSystemStandIn.DIRECTIVES_PATH;

    @Inject
    ReportDelivery delivery;

    @Inject
    CircuitBreaker breaker;

    @Test
    void everyoneGetsExactlyWhatTheirRoleAllows() {
        try (PlatformEvents proposal = new PlatformEvents().submittedAndAssigned();
             PlatformEvents other = new PlatformEvents().submittedAndAssigned()) {
            List<StatusReport> reports = proposal.awaitReports(1);
            other.awaitReports(1);
            // the supervision system refuses both proposals' reports: dead letters to resend and discard
            breaker.succeeded();
            SupervisionSystemStandIn.takeEverything();
            for (PlatformEvents refused : List.of(proposal, other)) {
                SupervisionSystemStandIn.server().stubFor(WireMock.post(REPORTS_PATH).atPriority(1)
                        .withRequestBody(WireMock.matchingJsonPath("$.proposal.id", WireMock.equalTo(refused.proposalId.toString())))
                        .willReturn(WireMock.badRequest()));
            }
            delivery.deliverDue(100);
            assertEquals(StatusReport.Status.DEAD, proposal.reports().get(0).status);
            assertEquals(StatusReport.Status.DEAD, other.reports().get(0).status);
            String directive = "DB-" + UUID.randomUUID();
            signedDirective(PlatformEvents.as("supervision-system"), urge(directive, proposal.proposalId)).post(DIRECTIVES).then().statusCode(202);

            String[] watchers = {"supervisor-city", "admin"};
            String[] notWatching = {"office-miit", "leader-miit", "head-miit-sme", "handler-miit-sme", "committee-wang",
                    "member-zhang", "supervision-system"};
            AccessMatrix matrix = new AccessMatrix().auditTrail();
            matrix.endpoint("POST", DIRECTIVES)
                    .request(r -> signedDirective(r, urge("DB-" + UUID.randomUUID(), proposal.proposalId)))
                    .expect(202, "supervision-system")
                    .expect(403, UNIT_PEOPLE).expect(403, "committee-wang", "supervisor-city", "admin", "member-zhang")
                    .expect(401, ANONYMOUS);
            matrix.endpoint("GET", DIRECTIVES)
                    .expect(200, "supervision-system", "supervisor-city", "admin")
                    .expect(403, UNIT_PEOPLE).expect(403, "committee-wang", "member-zhang")
                    .expect(401, ANONYMOUS);
            matrix.endpoint("GET", DIRECTIVES + "/{directiveId}").at(DIRECTIVES + "/" + directive)
                    .expect(200, "supervision-system", "supervisor-city", "admin")
                    .expect(403, UNIT_PEOPLE).expect(403, "committee-wang", "member-zhang")
                    .expect(401, ANONYMOUS);
            matrix.endpoint("GET", "/api/v1/supervision/outbound")
                    .expect(200, watchers).expect(403, notWatching).expect(401, ANONYMOUS);
            matrix.endpoint("GET", "/api/v1/supervision/status-reports")
                    .expect(200, watchers).expect(403, notWatching).expect(401, ANONYMOUS);
            matrix.endpoint("GET", "/api/v1/supervision/status-reports/{reportId}")
                    .at("/api/v1/supervision/status-reports/" + reports.get(0).id)
                    .expect(200, watchers).expect(403, notWatching).expect(401, ANONYMOUS);
            matrix.endpoint("GET", "/api/v1/supervision/dead-letters")
                    .expect(200, watchers).expect(403, notWatching).expect(401, ANONYMOUS);
            String[] notOperating = {"office-miit", "leader-miit", "head-miit-sme", "handler-miit-sme", "committee-wang",
                    "member-zhang", "supervision-system", "supervisor-city"};
            matrix.endpoint("POST", "/api/v1/supervision/dead-letters/{reportId}/resend")
                    .at("/api/v1/supervision/dead-letters/" + reports.get(0).id + "/resend").body(() -> "{\"note\":\"再次发送\"}")
                    .expect(403, notOperating).expect(401, ANONYMOUS).expect(200, "admin");
            matrix.endpoint("POST", "/api/v1/supervision/dead-letters/{reportId}/discard")
                    .at("/api/v1/supervision/dead-letters/" + other.reports().get(0).id + "/discard").body(() -> "{\"reason\":\"人工录入\"}")
                    .expect(403, notOperating).expect(401, ANONYMOUS).expect(200, "admin");
            matrix.endpoint("POST", "/api/v1/supervision/dead-letters/resend").at("/api/v1/supervision/dead-letters/resend?note=fixed")
                    .expect(403, notOperating).expect(401, ANONYMOUS).expect(200, "admin");

            matrix.assertCoversEveryOperationAndRole();
            matrix.run();
            SupervisionSystemStandIn.takeEverything();
        }
    }

    private static String urge(String id, UUID proposalId) {
        return "{\"directiveId\":\"" + id + "\",\"type\":\"URGE\",\"proposalId\":\"" + proposalId
                + "\",\"unitId\":\"miit\",\"note\":\"请加快办理\"}";
    }
}
