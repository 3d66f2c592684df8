package org.proposals.proposal;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.proposals.infra.AccessMatrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.proposals.infra.AccessMatrix.ANONYMOUS;

/**
 * Every endpoint of proposal-service × every role × own / another person's record, with the exact status
 * each gets; refused calls change nothing. A new endpoint without rows fails this test.
 */
@QuarkusTest
class ProposalAccessMatrixTest {

    private static final String[] STAFF = {"committee-wang", "office-miit", "leader-miit", "head-miit-sme",
            "handler-miit-sme", "supervisor-city", "admin", "supervision-system"};

    @Test
    void everyoneGetsExactlyWhatTheirRoleAndTheRecordAllow() {
        String zhangs = ProposalAccessTest.proposalOf("member-zhang");
        String lis = ProposalAccessTest.proposalOf("member-li");
        long before = ProposalAccessTest.total();

        AccessMatrix matrix = new AccessMatrix().auditTrail();
        matrix.endpoint("POST", "/api/v1/proposals")
                .body(() -> ProposalResourceTest.proposalJson("矩阵登记"))
                .expect(201, "committee-wang", "admin")
                .expect(403, "office-miit", "leader-miit", "head-miit-sme", "handler-miit-sme", "member-zhang",
                        "supervisor-city", "supervision-system")
                .expect(401, ANONYMOUS);
        matrix.endpoint("GET", "/api/v1/proposals/{id}").at("/api/v1/proposals/" + zhangs)
                .expect(200, STAFF)
                .expect(200, "member-zhang")
                .expect(401, ANONYMOUS);
        matrix.endpoint("GET", "/api/v1/proposals/{id}").at("/api/v1/proposals/" + lis)
                .expect(404, "member-zhang")
                .expect(200, "committee-wang", "office-miit");
        matrix.endpoint("GET", "/api/v1/proposals")
                .expect(200, STAFF)
                .expect(200, "member-zhang")
                .expect(401, ANONYMOUS);

        matrix.assertCoversEveryOperationAndRole();
        matrix.run();

        assertEquals(before + 2, ProposalAccessTest.total(), "only the two permitted registrations happened");
    }
}
