package org.proposals.assignment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.proposals.infra.AccessMatrix;
import org.proposals.infra.KafkaTestClient;

import java.nio.charset.StandardCharsets;
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

    @Test
    void everyoneGetsExactlyWhatTheirRoleAndTheRecordAllow() {
        UUID assigned;
        UUID first;
        UUID second;
        UUID untouched;
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            assigned = AssignmentFlowTest.registeredProposal(kafka);
            first = AssignmentFlowTest.registeredProposal(kafka);
            second = AssignmentFlowTest.registeredProposal(kafka);
            untouched = AssignmentFlowTest.registeredProposal(kafka);
        }
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
        as("committee-wang").get("/api/v1/assignments?proposalId=" + first).then().body("total", equalTo(1));
        // the permitted saves after the first found nothing to change, and the refused ones wrote nothing
        for (String record : List.of("HandlingUnit&recordId=" + unit, "Division&recordId=" + division,
                "Person&recordId=" + person, "Person&recordId=" + imported)) {
            as("admin").get("/api/v1/audit-records?recordType=" + record).then().statusCode(200).body("total", equalTo(1));
        }
        as("admin").get("/api/v1/units/miit/people/" + person).then().body("version", equalTo(0));
    }
}
