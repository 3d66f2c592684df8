package org.proposals.assignment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.proposals.infra.AccessMatrix;
import org.proposals.infra.KafkaTestClient;

import java.nio.charset.StandardCharsets;
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
            for (int i = 0; i < 11; i++) {
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
        // directives asking miit for a progress report: each of the unit's people answers one, as a directive takes one answer
        String[] reports = new String[UNIT_PEOPLE.length];
        for (int i = 0; i < reports.length; i++) {
            reports[i] = as("supervisor-city").contentType(ContentType.JSON)
                    .body("{\"type\":\"PROGRESS_REPORT\",\"note\":\"请报告进展\",\"dueDate\":\"" + LocalDate.now().plusDays(10) + "\"}")
                    .post("/api/v1/assignments/" + miits + "/directives").then().statusCode(201).extract().path("id");
        }
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
        AtomicInteger batchCalls = new AtomicInteger();
        UUID[] batchTargets = {more.get(9), more.get(10)};
        matrix.endpoint("POST", "/api/v1/assignments/batch")
                .body(() -> "{\"assignments\":[" + AssignmentFlowTest.assignment(batchCalls.get() < 2
                        ? batchTargets[batchCalls.getAndIncrement()] : untouched, "miit", "SOLE") + "]}")
                .expect(200, "committee-wang", "admin")
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

        matrix.endpoint("PUT", "/api/v1/assignments/{id}/responsibility").at("/api/v1/assignments/" + miits + "/responsibility")
                .body(() -> "{\"divisionId\":\"miit-sme\",\"bureauHeadId\":\"leader-miit\",\"deputyHeadId\":\"deputy-miit\","
                        + "\"divisionHeadId\":\"head-miit-sme\",\"handlerId\":\"handler-miit-sme\"}")
                .expect(200, "office-miit")
                .expect(404, "office-drc")
                .expect(403, "leader-miit", "head-miit-sme", "handler-miit-sme", "member-zhang")
                .expect(403, OVERSEERS)
                .expect(401, ANONYMOUS);
        // past the role check, a proposal not yet assigned cannot be re-assigned
        matrix.endpoint("POST", "/api/v1/reassignments")
                .body(() -> "{\"proposalId\":\"" + untouched + "\",\"reason\":\"补充\",\"units\":[{\"unitId\":\"drc\",\"handlingType\":\"SOLE\"}]}")
                .expect(409, "committee-wang", "admin")
                .expect(403, UNIT_PEOPLE).expect(403, "member-zhang", "supervisor-city", "supervision-system")
                .expect(401, ANONYMOUS);
        matrix.endpoint("GET", "/api/v1/worklist")
                .expect(200, UNIT_PEOPLE).expect(200, OVERSEERS)
                .expect(403, "member-zhang")
                .expect(401, ANONYMOUS);
        matrix.endpoint("GET", "/api/v1/key-proposals")
                .expect(200, UNIT_PEOPLE).expect(200, OVERSEERS)
                .expect(403, "member-zhang")
                .expect(401, ANONYMOUS);
        // the supervision system writes through the supervision adapter, not here
        matrix.endpoint("PUT", "/api/v1/key-proposals/{proposalId}").at("/api/v1/key-proposals/" + assigned)
                .body(() -> "{\"leaderName\":\"李副市长\"}")
                .expect(200, "committee-wang", "supervisor-city", "admin")
                .expect(403, UNIT_PEOPLE).expect(403, "member-zhang", "supervision-system")
                .expect(401, ANONYMOUS);
        matrix.endpoint("POST", "/api/v1/assignments/{id}/directives").at("/api/v1/assignments/" + miits + "/directives")
                .body(() -> "{\"type\":\"URGE\",\"note\":\"请加快办理\"}")
                .expect(201, "supervisor-city", "admin")
                .expect(403, UNIT_PEOPLE).expect(403, "committee-wang", "member-zhang", "supervision-system")
                .expect(401, ANONYMOUS);
        matrix.endpoint("GET", "/api/v1/assignments/{id}/directives").at("/api/v1/assignments/" + miits + "/directives")
                .expect(200, UNIT_PEOPLE).expect(200, OVERSEERS)
                .expect(404, "office-drc")
                .expect(403, "member-zhang")
                .expect(401, ANONYMOUS);
        String progressReport = "/api/v1/assignments/{id}/directives/{directiveId}/progress-report";
        for (int i = 0; i < reports.length; i++) {
            matrix.endpoint("POST", progressReport).at("/api/v1/assignments/" + miits + "/directives/" + reports[i] + "/progress-report")
                    .body(() -> "{\"progress\":\"已召开专题会议研究\"}")
                    .expect(200, UNIT_PEOPLE[i]);
        }
        matrix.endpoint("POST", progressReport).at("/api/v1/assignments/" + miits + "/directives/" + reports[0] + "/progress-report")
                .body(() -> "{\"progress\":\"已召开专题会议研究\"}")
                .expect(404, "office-drc", "handler-drc-industry")
                .expect(403, OVERSEERS).expect(403, "member-zhang")
                .expect(401, ANONYMOUS);

        // master data: everyone reads; the committee and administrators keep every unit, an office its own unit's
        // divisions and people (another unit's are not there for it); each PUT creates once, then changes nothing
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String unit = "matrix-" + suffix;
        String division = "miit-matrix-" + suffix;
        String person = "matrix-" + suffix;
        String imported = "matrix-import-" + suffix;
        String[] everyRole = AccessMatrix.PERSON_OF_ROLE.values().toArray(String[]::new);
        matrix.endpoint("GET", "/api/v1/units")
                .expect(200, everyRole)
                .expect(401, ANONYMOUS);
        matrix.endpoint("GET", "/api/v1/units/{unitId}").at("/api/v1/units/miit")
                .expect(200, everyRole)
                .expect(401, ANONYMOUS);
        matrix.endpoint("PUT", "/api/v1/units/{unitId}").at("/api/v1/units/" + unit)
                .body(() -> "{\"name\":\"市测试局\"}").request(r -> r.header("If-Match", "*"))
                .expect(201, "committee-wang")
                .expect(200, "admin")
                .expect(403, UNIT_PEOPLE).expect(403, "office-drc", "member-zhang", "supervisor-city", "supervision-system")
                .expect(401, ANONYMOUS);
        matrix.endpoint("GET", "/api/v1/units/{unitId}/divisions").at("/api/v1/units/miit/divisions")
                .expect(200, everyRole)
                .expect(401, ANONYMOUS);
        matrix.endpoint("GET", "/api/v1/units/{unitId}/divisions/{divisionId}").at("/api/v1/units/miit/divisions/miit-sme")
                .expect(200, everyRole)
                .expect(401, ANONYMOUS);
        matrix.endpoint("PUT", "/api/v1/units/{unitId}/divisions/{divisionId}").at("/api/v1/units/miit/divisions/" + division)
                .body(() -> "{\"name\":\"测试处\"}").request(r -> r.header("If-Match", "*"))
                .expect(201, "office-miit")
                .expect(200, "committee-wang", "admin")
                .expect(404, "office-drc")
                .expect(403, "leader-miit", "head-miit-sme", "handler-miit-sme", "member-zhang", "supervisor-city", "supervision-system")
                .expect(401, ANONYMOUS);
        matrix.endpoint("GET", "/api/v1/units/{unitId}/people").at("/api/v1/units/miit/people")
                .expect(200, everyRole)
                .expect(401, ANONYMOUS);
        matrix.endpoint("GET", "/api/v1/units/{unitId}/people/{personId}").at("/api/v1/units/miit/people/handler-miit-sme")
                .expect(200, everyRole)
                .expect(401, ANONYMOUS);
        matrix.endpoint("PUT", "/api/v1/units/{unitId}/people/{personId}").at("/api/v1/units/miit/people/" + person)
                .body(() -> "{\"name\":\"测试承办人\",\"divisionId\":\"miit-sme\",\"position\":\"HANDLER\"}")
                .request(r -> r.header("If-Match", "*"))
                .expect(201, "office-miit")
                .expect(200, "committee-wang", "admin")
                .expect(404, "office-drc")
                .expect(403, "leader-miit", "head-miit-sme", "handler-miit-sme", "member-zhang", "supervisor-city", "supervision-system")
                .expect(401, ANONYMOUS);
        byte[] file = ("人员编号,姓名,职务,单位编号,单位名称,处室编号,处室名称\n" + imported
                + ",导入承办人,具体承办人,miit,市工业和信息化局,miit-sme,中小企业服务处\n").getBytes(StandardCharsets.UTF_8);
        matrix.endpoint("POST", "/api/v1/units/imports")
                .request(r -> r.multiPart("file", "people.csv", file, "text/csv"))
                .expect(200, "office-miit", "committee-wang", "admin")
                // another unit's office may import, but not this unit's people: every row is refused
                .expect(422, "office-drc")
                .expect(403, "leader-miit", "head-miit-sme", "handler-miit-sme", "member-zhang", "supervisor-city", "supervision-system")
                .expect(401, ANONYMOUS);

        matrix.assertCoversEveryOperationAndRole();
        matrix.run();

        as("committee-wang").get("/api/v1/assignments?proposalId=" + untouched).then().body("total", equalTo(0));
        as("committee-wang").get("/api/v1/assignments/" + miits).then().body("status", equalTo("SIGNED"));
        as("committee-wang").get("/api/v1/assignments/" + miits + "/directives").then()
                .body("find { it.id == '" + reports[0] + "' }.progressSubmittedBy", equalTo("office-miit"));
        as("committee-wang").get("/api/v1/assignments?proposalId=" + first).then().body("total", equalTo(1));
        // the permitted saves after the first found nothing to change, and the refused ones wrote nothing
        for (String record : List.of("HandlingUnit&recordId=" + unit, "Division&recordId=" + division,
                "Person&recordId=" + person, "Person&recordId=" + imported)) {
            as("admin").get("/api/v1/audit-records?recordType=" + record).then().statusCode(200).body("total", equalTo(1));
        }
        as("admin").get("/api/v1/units/miit/people/" + person).then().body("version", equalTo(0));
    }
}
