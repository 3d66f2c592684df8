package org.proposals.proposal;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.proposals.infra.AccessMatrix;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.proposals.infra.AccessMatrix.ANONYMOUS;
import static org.proposals.infra.AccessMatrix.UNIT_PEOPLE;

/**
 * Every endpoint of proposal-service × every role × own / another person's record, with the exact status
 * each gets; refused calls change nothing. A new endpoint without rows fails this test.
 */
@QuarkusTest
class ProposalAccessMatrixTest {

    private static final String[] STAFF = {"committee-wang", "office-miit", "leader-miit", "head-miit-sme",
            "handler-miit-sme", "supervisor-city", "admin", "supervision-system"};

    /** Everyone but the committee and administrators, who alone take the committee's decisions. */
    private static final String[] NOT_THE_COMMITTEE = {"office-miit", "leader-miit", "head-miit-sme", "handler-miit-sme",
            "member-zhang", "supervisor-city", "supervision-system"};

    private static String filed(String proposerId) {
        String id = ProposalAccessTest.proposalOf(proposerId);
        ProposalResourceTest.asCommittee().post("/api/v1/proposals/" + id + "/filing").then().statusCode(200);
        return id;
    }

    @Test
    void everyoneGetsExactlyWhatTheirRoleAndTheRecordAllow() {
        String zhangs = ProposalAccessTest.proposalOf("member-zhang");
        String lis = ProposalAccessTest.proposalOf("member-li");
        String target = filed("member-li");
        String session = TestSessions.current();

        AccessMatrix matrix = new AccessMatrix().auditTrail();
        matrix.endpoint("POST", "/api/v1/proposals")
                .body(() -> ProposalResourceTest.proposalJson("矩阵登记"))
                .expect(201, "committee-wang", "admin")
                .expect(403, NOT_THE_COMMITTEE)
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
        // past the role check, a correction without If-Match is refused for lack of it
        matrix.endpoint("PUT", "/api/v1/proposals/{id}").at("/api/v1/proposals/" + zhangs)
                .body(() -> """
                        {"title":"改","content":"改","proposer":{"id":"member-zhang","name":"张委员"}}""")
                .expect(428, "committee-wang", "admin")
                .expect(403, NOT_THE_COMMITTEE)
                .expect(401, ANONYMOUS);
        committeeDecision(matrix, "filing", null, ProposalAccessTest.proposalOf("member-zhang"),
                ProposalAccessTest.proposalOf("member-zhang"));
        committeeDecision(matrix, "non-filing", "{\"reason\":\"RETURNED\"}", ProposalAccessTest.proposalOf("member-zhang"),
                ProposalAccessTest.proposalOf("member-zhang"));
        committeeDecision(matrix, "merger", "{\"intoProposalId\":\"" + target + "\"}",
                ProposalAccessTest.proposalOf("member-zhang"), ProposalAccessTest.proposalOf("member-zhang"));
        // reopening and closing are the committee's, and need a replied proposal: a filed one gets 409
        String filed = filed("member-zhang");
        matrix.endpoint("POST", "/api/v1/proposals/{id}/reopening").at("/api/v1/proposals/" + filed + "/reopening")
                .body(() -> "{\"reason\":\"不满意\"}")
                .expect(409, "committee-wang", "admin")
                .expect(403, NOT_THE_COMMITTEE)
                .expect(401, ANONYMOUS);
        matrix.endpoint("POST", "/api/v1/proposals/{id}/closure").at("/api/v1/proposals/" + filed + "/closure")
                .expect(409, "committee-wang", "admin")
                .expect(403, NOT_THE_COMMITTEE)
                .expect(401, ANONYMOUS);
        matrix.endpoint("POST", "/api/v1/proposals/{id}/withdrawal").at("/api/v1/proposals/" + lis + "/withdrawal")
                .body(() -> "{}")
                .expect(404, "member-zhang")
                .expect(403, UNIT_PEOPLE).expect(403, "supervisor-city", "supervision-system")
                .expect(401, ANONYMOUS);
        withdrawal(matrix, "member-zhang");
        withdrawal(matrix, "committee-wang");
        withdrawal(matrix, "admin");
        matrix.endpoint("GET", "/api/v1/proposals/{id}/timeline").at("/api/v1/proposals/" + zhangs + "/timeline")
                .expect(200, STAFF)
                .expect(200, "member-zhang")
                .expect(401, ANONYMOUS);
        matrix.endpoint("GET", "/api/v1/proposals/{id}/timeline").at("/api/v1/proposals/" + lis + "/timeline")
                .expect(404, "member-zhang");

        matrix.endpoint("GET", "/api/v1/proposals/{id}/similar").at("/api/v1/proposals/" + zhangs + "/similar")
                .expect(200, STAFF)
                .expect(403, "member-zhang")
                .expect(401, ANONYMOUS);

        String[] everyone = {"committee-wang", "office-miit", "leader-miit", "head-miit-sme", "handler-miit-sme",
                "member-zhang", "supervisor-city", "admin", "supervision-system"};
        matrix.endpoint("POST", "/api/v1/sessions")
                .body(ProposalAccessMatrixTest::newSession)
                .expect(201, "committee-wang", "admin")
                .expect(403, NOT_THE_COMMITTEE)
                .expect(401, ANONYMOUS);
        matrix.endpoint("GET", "/api/v1/sessions").expect(200, everyone).expect(401, ANONYMOUS);
        matrix.endpoint("GET", "/api/v1/sessions/{id}").at("/api/v1/sessions/" + session)
                .expect(200, everyone).expect(401, ANONYMOUS);
        matrix.endpoint("PUT", "/api/v1/sessions/{id}").at("/api/v1/sessions/" + session)
                .body(ProposalAccessMatrixTest::newSession)
                .expect(428, "committee-wang", "admin")
                .expect(403, NOT_THE_COMMITTEE)
                .expect(401, ANONYMOUS);
        // the committee imports the one row; the administrator's import of the same file finds it already there
        byte[] oneRow = "标题,内容,提案人编号,提案人\n关于矩阵导入的提案,建议。,member-zhang,张委员\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        matrix.endpoint("POST", "/api/v1/sessions/{sessionId}/imports").at("/api/v1/sessions/" + session + "/imports")
                .request(r -> r.multiPart("file", "list.csv", oneRow, "text/csv"))
                .expect(200, "committee-wang", "admin")
                .expect(403, NOT_THE_COMMITTEE)
                .expect(401, ANONYMOUS);
        matrix.endpoint("GET", "/api/v1/topics").expect(200, everyone).expect(401, ANONYMOUS);
        String code = "MATRIX_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        matrix.endpoint("PUT", "/api/v1/topics/{code}").at("/api/v1/topics/" + code)
                .body(() -> "{\"name\":\"矩阵专题\",\"position\":999,\"active\":false}")
                .expect(201, "committee-wang")
                .expect(200, "admin")
                .expect(403, NOT_THE_COMMITTEE)
                .expect(401, ANONYMOUS);

        matrix.assertCoversEveryOperationAndRole();
        long before = ProposalAccessTest.total();
        matrix.run();

        assertEquals(before + 3, ProposalAccessTest.total(), "only the two permitted registrations and the one import happened");
    }

    /** A decision only the committee and administrators take, each on a proposal of its own. */
    private static void committeeDecision(AccessMatrix matrix, String decision, String body, String forCommittee, String forAdmin) {
        String template = "/api/v1/proposals/{id}/" + decision;
        matrix.endpoint("POST", template).at("/api/v1/proposals/" + forCommittee + "/" + decision).body(() -> body)
                .expect(403, NOT_THE_COMMITTEE)
                .expect(401, ANONYMOUS)
                .expect(200, "committee-wang");
        matrix.endpoint("POST", template).at("/api/v1/proposals/" + forAdmin + "/" + decision).body(() -> body)
                .expect(200, "admin");
    }

    private static void withdrawal(AccessMatrix matrix, String person) {
        matrix.endpoint("POST", "/api/v1/proposals/{id}/withdrawal")
                .at("/api/v1/proposals/" + ProposalAccessTest.proposalOf("member-zhang") + "/withdrawal")
                .body(() -> "{}")
                .expect(200, person);
    }

    private static String newSession() {
        return """
                {"kind":"SUGGESTION","term":%d,"sessionNumber":%d,"year":2026,"name":"矩阵会议",
                 "plenaryStart":"2026-01-06","plenaryEnd":"2026-01-09"}"""
                .formatted(ThreadLocalRandom.current().nextInt(1, 100), ThreadLocalRandom.current().nextInt(1, 100));
    }
}
