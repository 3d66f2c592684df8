package org.proposals.assignment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.proposals.infra.AccessMatrix;
import org.proposals.infra.KafkaTestClient;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.hamcrest.Matchers.equalTo;
import static org.proposals.assignment.AssignmentFlowTest.as;
import static org.proposals.infra.AccessMatrix.ANONYMOUS;
import static org.proposals.infra.AccessMatrix.OVERSEERS;
import static org.proposals.infra.AccessMatrix.UNIT_PEOPLE;

/**
 * Every endpoint of assignment-service × every role × own unit / another unit, with the exact status each
 * gets; refused calls change nothing. A new endpoint without rows fails this test.
 */
@QuarkusTest
class AssignmentAccessMatrixTest {

    /** The committee and administrators decide, each on a request of its own; no one else may. */
    private static void decisions(AccessMatrix matrix, String kind, String[] requests, String grant) {
        String[] others = {"office-miit", "leader-miit", "head-miit-sme", "handler-miit-sme", "member-zhang", "supervisor-city",
                "supervision-system"};
        matrix.endpoint("POST", "/api/v1/" + kind + "/{id}/approval").at("/api/v1/" + kind + "/" + requests[0] + "/approval")
                .body(() -> grant).expect(403, others).expect(401, ANONYMOUS).expect(200, "committee-wang");
        matrix.endpoint("POST", "/api/v1/" + kind + "/{id}/approval").at("/api/v1/" + kind + "/" + requests[1] + "/approval")
                .body(() -> grant).expect(200, "admin");
        matrix.endpoint("POST", "/api/v1/" + kind + "/{id}/rejection").at("/api/v1/" + kind + "/" + requests[2] + "/rejection")
                .body(() -> "{\"note\":\"不同意\"}").expect(403, others).expect(401, ANONYMOUS).expect(200, "committee-wang");
        matrix.endpoint("POST", "/api/v1/" + kind + "/{id}/rejection").at("/api/v1/" + kind + "/" + requests[3] + "/rejection")
                .body(() -> "{\"note\":\"不同意\"}").expect(200, "admin");
    }

    private static String soleAssignmentOf(UUID proposalId) {
        List<Map<String, Object>> created = as("committee-wang").contentType(ContentType.JSON)
                .body(AssignmentFlowTest.assignment(proposalId, "miit", "SOLE"))
                .post("/api/v1/assignments").then().statusCode(201).extract().path("");
        return (String) created.get(0).get("id");
    }

    private static String adjustmentRequest(UUID proposalId) {
        return as("office-miit").contentType(ContentType.JSON).body("{\"reason\":\"职责不符\"}")
                .post("/api/v1/assignments/" + soleAssignmentOf(proposalId) + "/adjustment-requests")
                .then().statusCode(201).extract().path("id");
    }

    private static String extensionRequest(UUID proposalId) {
        return as("office-miit").contentType(ContentType.JSON)
                .body("{\"reason\":\"需进一步调研\",\"requestedDue\":\"" + LocalDate.now().plusMonths(4) + "\"}")
                .post("/api/v1/assignments/" + soleAssignmentOf(proposalId) + "/extension-requests")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void everyoneGetsExactlyWhatTheirRoleAndTheRecordAllow() {
        UUID assigned;
        UUID first;
        UUID second;
        UUID untouched;
        List<UUID> more = new java.util.ArrayList<>();
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            assigned = AssignmentFlowTest.registeredProposal(kafka);
            first = AssignmentFlowTest.registeredProposal(kafka);
            second = AssignmentFlowTest.registeredProposal(kafka);
            untouched = AssignmentFlowTest.registeredProposal(kafka);
            for (int i = 0; i < 9; i++) {
                more.add(AssignmentFlowTest.registeredProposal(kafka));
            }
        }
        // requests of miit's office for the committee's decisions: two to grant, two to refuse, of each kind
        String adjustable = soleAssignmentOf(more.get(0));
        String[] adjustments = {adjustmentRequest(more.get(1)), adjustmentRequest(more.get(2)),
                adjustmentRequest(more.get(3)), adjustmentRequest(more.get(4))};
        String[] extensions = {extensionRequest(more.get(5)), extensionRequest(more.get(6)),
                extensionRequest(more.get(7)), extensionRequest(more.get(8))};
        List<Map<String, Object>> created = as("committee-wang").contentType(ContentType.JSON)
                .body(AssignmentFlowTest.assignment(assigned, "miit", "LEAD", "drc", "CO_HANDLING"))
                .post("/api/v1/assignments").then().statusCode(201).extract().path("");
        String miits = (String) created.stream().filter(a -> "miit".equals(a.get("unitId"))).findFirst().orElseThrow().get("id");
        // the two permitted assignments take a proposal each; every refused one names a proposal that must stay untouched
        AtomicInteger calls = new AtomicInteger();
        UUID[] targets = {first, second};

        AccessMatrix matrix = new AccessMatrix().auditTrail();
        matrix.endpoint("GET", "/api/v1/assignable-proposals")
                .expect(200, "committee-wang", "supervisor-city", "admin")
                .expect(403, "office-miit", "leader-miit", "head-miit-sme", "handler-miit-sme", "member-zhang", "supervision-system")
                .expect(401, ANONYMOUS);
        matrix.endpoint("POST", "/api/v1/assignments")
                .body(() -> AssignmentFlowTest.assignment(calls.get() < 2 ? targets[calls.getAndIncrement()] : untouched, "miit", "SOLE"))
                .expect(201, "committee-wang", "admin")
                .expect(403, "office-miit", "leader-miit", "head-miit-sme", "handler-miit-sme", "member-zhang",
                        "supervisor-city", "supervision-system")
                .expect(401, ANONYMOUS);
        matrix.endpoint("GET", "/api/v1/assignments")
                .expect(200, UNIT_PEOPLE).expect(200, OVERSEERS)
                .expect(403, "member-zhang")
                .expect(401, ANONYMOUS);
        matrix.endpoint("GET", "/api/v1/assignments/{id}").at("/api/v1/assignments/" + miits)
                .expect(200, UNIT_PEOPLE).expect(200, OVERSEERS)
                .expect(404, "office-drc", "handler-drc-industry")
                .expect(403, "member-zhang")
                .expect(401, ANONYMOUS);
        matrix.endpoint("POST", "/api/v1/assignments/{id}/sign-for").at("/api/v1/assignments/" + miits + "/sign-for")
                .expect(403, "leader-miit", "head-miit-sme", "handler-miit-sme", "member-zhang")
                .expect(403, OVERSEERS)
                .expect(404, "office-drc")
                .expect(401, ANONYMOUS)
                .expect(200, "office-miit");

        matrix.endpoint("POST", "/api/v1/assignments/{id}/adjustment-requests").at("/api/v1/assignments/" + adjustable + "/adjustment-requests")
                .body(() -> "{\"reason\":\"职责不符\"}")
                .expect(403, "leader-miit", "head-miit-sme", "handler-miit-sme", "member-zhang")
                .expect(403, OVERSEERS)
                .expect(404, "office-drc")
                .expect(401, ANONYMOUS)
                .expect(201, "office-miit");
        matrix.endpoint("POST", "/api/v1/assignments/{id}/extension-requests").at("/api/v1/assignments/" + miits + "/extension-requests")
                .body(() -> "{\"reason\":\"需进一步调研\",\"requestedDue\":\"" + LocalDate.now().plusMonths(4) + "\"}")
                .expect(403, "leader-miit", "head-miit-sme", "handler-miit-sme", "member-zhang")
                .expect(403, OVERSEERS)
                .expect(404, "office-drc")
                .expect(401, ANONYMOUS)
                .expect(201, "office-miit");
        for (String kind : List.of("adjustment-requests", "extension-requests")) {
            String one = kind.startsWith("adjustment") ? adjustments[0] : extensions[0];
            matrix.endpoint("GET", "/api/v1/" + kind)
                    .expect(200, UNIT_PEOPLE).expect(200, OVERSEERS)
                    .expect(403, "member-zhang")
                    .expect(401, ANONYMOUS);
            matrix.endpoint("GET", "/api/v1/" + kind + "/{id}").at("/api/v1/" + kind + "/" + one)
                    .expect(200, UNIT_PEOPLE).expect(200, OVERSEERS)
                    .expect(404, "office-drc")
                    .expect(403, "member-zhang")
                    .expect(401, ANONYMOUS);
        }
        decisions(matrix, "adjustment-requests", adjustments,
                "{\"note\":\"同意\",\"units\":[{\"unitId\":\"drc\",\"unitName\":\"市发展和改革委员会\",\"handlingType\":\"SOLE\"}]}");
        decisions(matrix, "extension-requests", extensions, "{\"note\":\"同意\"}");

        matrix.endpoint("GET", "/api/v1/key-proposals")
                .expect(200, UNIT_PEOPLE).expect(200, OVERSEERS)
                .expect(403, "member-zhang")
                .expect(401, ANONYMOUS);
        matrix.endpoint("PUT", "/api/v1/key-proposals/{proposalId}").at("/api/v1/key-proposals/" + assigned)
                .body(() -> "{\"leaderName\":\"李副市长\"}")
                .expect(200, OVERSEERS)
                .expect(403, UNIT_PEOPLE).expect(403, "member-zhang")
                .expect(401, ANONYMOUS);
        matrix.endpoint("POST", "/api/v1/assignments/{id}/directives").at("/api/v1/assignments/" + miits + "/directives")
                .body(() -> "{\"type\":\"URGE\",\"note\":\"请加快办理\"}")
                .expect(201, "supervisor-city", "supervision-system", "admin")
                .expect(403, UNIT_PEOPLE).expect(403, "committee-wang", "member-zhang")
                .expect(401, ANONYMOUS);
        matrix.endpoint("GET", "/api/v1/assignments/{id}/directives").at("/api/v1/assignments/" + miits + "/directives")
                .expect(200, UNIT_PEOPLE).expect(200, OVERSEERS)
                .expect(404, "office-drc")
                .expect(403, "member-zhang")
                .expect(401, ANONYMOUS);

        matrix.assertCoversEveryOperationAndRole();
        matrix.run();

        as("committee-wang").get("/api/v1/assignments?proposalId=" + untouched).then().body("total", equalTo(0));
        as("committee-wang").get("/api/v1/assignments/" + miits).then().body("status", equalTo("SIGNED"));
        as("committee-wang").get("/api/v1/assignments?proposalId=" + first).then().body("total", equalTo(1));
    }
}
