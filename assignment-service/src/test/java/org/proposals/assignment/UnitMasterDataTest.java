package org.proposals.assignment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.proposals.infra.KafkaTestClient;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.proposals.assignment.AssignmentFlowTest.as;

/** Units, divisions and people kept over REST: versions, the audit trail, who keeps what, and retiring. */
@QuarkusTest
class UnitMasterDataTest {

    private static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ValidatableResponse put(String person, String path, String ifMatch, String body) {
        var request = as(person).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.put(path).then();
    }

    static void addUnit(String unitId, String name, String shortName) {
        put("committee-wang", "/api/v1/units/" + unitId, null,
                "{\"name\":\"" + name + "\",\"shortName\":\"" + shortName + "\"}").statusCode(201);
    }

    private static List<Map<String, Object>> auditRecords(String query) {
        return as("admin").get("/api/v1/audit-records?size=200&" + query).then().statusCode(200).extract().path("items");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> changes(Map<String, Object> record) {
        return (Map<String, Map<String, Object>>) record.get("changes");
    }

    @Test
    void theCommitteeAddsAUnitAndChangesItOnlyFromTheVersionItRead() {
        String unit = fresh("sti");
        String path = "/api/v1/units/" + unit;

        // an If-Match naming a version of a unit that does not exist is not met
        put("committee-wang", path, "\"3\"", "{\"name\":\"市科学技术局\"}").statusCode(412);
        put("committee-wang", path, null, "{\"name\":\"市科学技术局\",\"shortName\":\"市科技局\"}")
                .statusCode(201)
                .header("Location", endsWith(path))
                .header("ETag", "\"0\"")
                .body("id", equalTo(unit))
                .body("active", equalTo(true))
                .body("version", equalTo(0))
                .body("createdAt", notNullValue());
        as("handler-drc-industry").get(path).then().statusCode(200).header("ETag", "\"0\"").body("name", equalTo("市科学技术局"));

        // a change names the version it was made on
        put("committee-wang", path, null, "{\"name\":\"市科学技术局（改）\"}").statusCode(428)
                .contentType("application/problem+json");
        put("committee-wang", path, "\"7\"", "{\"name\":\"市科学技术局（改）\"}").statusCode(412)
                .contentType("application/problem+json");
        put("committee-wang", path, "\"0\"", "{\"name\":\"市科学技术局\",\"shortName\":\"科技局\"}").statusCode(200)
                .header("ETag", "\"1\"").body("shortName", equalTo("科技局"));
        // a second editor working from version 0 does not overwrite the first
        put("admin", path, "\"0\"", "{\"name\":\"市科技局\",\"shortName\":\"市科技局\"}").statusCode(412);
        // saving what is already there changes nothing, not even the version
        put("admin", path, "\"1\"", "{\"name\":\"市科学技术局\",\"shortName\":\"科技局\"}").statusCode(200).header("ETag", "\"1\"");

        List<Map<String, Object>> records = auditRecords("recordType=HandlingUnit&recordId=" + unit);
        assertEquals(List.of("UnitUpdated", "UnitCreated"), records.stream().map(r -> r.get("action")).toList());
        assertEquals(Map.of("shortName", Map.of("before", "市科技局", "after", "科技局")), records.get(0).get("changes"));
        assertEquals("committee-wang", ((Map<?, ?>) records.get(0).get("actor")).get("id"));
        // a new record lists every field that has a value, each with before null
        Map<String, Map<String, Object>> created = changes(records.get(1));
        assertEquals(Set.of("name", "shortName", "active"), created.keySet());
        assertNull(created.get("name").get("before"));
        assertEquals("市科学技术局", created.get("name").get("after"));

        as("member-zhang").get("/api/v1/units?size=200").then().statusCode(200).body("items.id", hasItem(unit));
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        put("committee-wang", "/api/v1/units/Not_A_Code", null, "{\"name\":\"某局\"}").statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("unitId"));
        put("committee-wang", "/api/v1/units/" + fresh("blank"), null, "{\"name\":\" \"}").statusCode(400)
                .body("errors[0].field", equalTo("name"));
        put("committee-wang", "/api/v1/units/" + fresh("long"), null, "{\"name\":\"某局\",\"shortName\":\"" + "局".repeat(101) + "\"}")
                .statusCode(400).body("errors[0].field", equalTo("shortName"));
        String person = "/api/v1/units/miit/people/" + fresh("p");
        put("office-miit", person, null, "{\"name\":\"某人\",\"position\":\"BOSS\"}").statusCode(400)
                .body("errors[0].field", equalTo("position"));
        put("office-miit", person, null, "{\"name\":\"某人\",\"position\":\"HANDLER\"}").statusCode(400)
                .body("errors[0].field", equalTo("divisionId"));
        put("office-miit", person, null, "{\"name\":\"某人\",\"position\":\"BUREAU_HEAD\",\"divisionId\":\"miit-sme\"}")
                .statusCode(400).body("errors[0].field", equalTo("divisionId"));
        put("office-miit", person, null, "{\"name\":\"某人\",\"position\":\"HANDLER\",\"divisionId\":\"drc-industry\"}")
                .statusCode(400).body("errors[0].field", equalTo("divisionId"))
                .body("errors[0].message", equalTo("unit miit has no division drc-industry"));
        put("office-miit", "/api/v1/units/miit/divisions/" + fresh("miit"), null, "{\"active\":true}").statusCode(400)
                .body("errors[0].field", equalTo("name"));
        as("office-miit").get("/api/v1/units/miit/people?position=BOSS").then().statusCode(400)
                .body("errors[0].field", equalTo("position"));
        // nothing of it was stored
        as("admin").get(person).then().statusCode(404);
    }

    @Test
    void anOfficeKeepsItsOwnUnitsDivisionsAndPeopleAndNoOneElses() {
        String division = fresh("miit-policy");
        String person = fresh("handler-miit");
        put("office-miit", "/api/v1/units/miit/divisions/" + division, null, "{\"name\":\"政策法规处\"}").statusCode(201);
        put("office-miit", "/api/v1/units/miit/people/" + person, null,
                "{\"name\":\"钱承办\",\"divisionId\":\"" + division + "\",\"position\":\"HANDLER\",\"phone\":\"内线 8301\"}")
                .statusCode(201).body("unitId", equalTo("miit")).body("phone", equalTo("内线 8301"));

        // another unit's office: the records are not there for it, whichever unit the path names
        put("office-drc", "/api/v1/units/miit/divisions/" + division, "*", "{\"name\":\"改名处\"}").statusCode(404);
        put("office-drc", "/api/v1/units/miit/people/" + person, "*",
                "{\"name\":\"钱承办\",\"divisionId\":\"" + division + "\",\"position\":\"HANDLER\"}").statusCode(404);
        put("office-drc", "/api/v1/units/drc/people/" + person, "*",
                "{\"name\":\"钱承办\",\"divisionId\":\"drc-industry\",\"position\":\"HANDLER\"}").statusCode(404)
                .contentType("application/problem+json");
        put("office-drc", "/api/v1/units/drc/divisions/" + division, "*", "{\"name\":\"政策法规处\"}").statusCode(404);
        // an office does not keep units, nor does anyone but the committee and administrators
        put("office-miit", "/api/v1/units/miit", "*", "{\"name\":\"市工业和信息化局\"}").statusCode(403);
        // a division stays with its unit, even for the committee
        put("committee-wang", "/api/v1/units/drc/divisions/" + division, "*", "{\"name\":\"政策法规处\"}").statusCode(409);

        // the committee moves a person to another unit; from then on the first unit's office no longer keeps them
        put("committee-wang", "/api/v1/units/drc/people/" + person, "\"0\"",
                "{\"name\":\"钱承办\",\"divisionId\":\"drc-industry\",\"position\":\"HANDLER\",\"phone\":\"内线 6353\"}")
                .statusCode(200).body("unitId", equalTo("drc")).body("version", equalTo(1));
        as("office-miit").get("/api/v1/units/miit/people/" + person).then().statusCode(404);
        as("office-miit").get("/api/v1/units/drc/people/" + person).then().statusCode(200);
        put("office-miit", "/api/v1/units/miit/people/" + person, "*",
                "{\"name\":\"钱承办\",\"divisionId\":\"" + division + "\",\"position\":\"HANDLER\"}").statusCode(404);
        Map<String, Object> moved = auditRecords("recordType=Person&recordId=" + person).get(0);
        assertEquals("PersonUpdated", moved.get("action"));
        assertEquals(Map.of("before", "miit", "after", "drc"), changes(moved).get("unitId"));
        assertEquals(Map.of("before", division, "after", "drc-industry"), changes(moved).get("divisionId"));

        // the unchanged records saw none of the refused calls
        as("admin").get("/api/v1/units/miit/divisions/" + division).then().statusCode(200)
                .header("ETag", "\"0\"").body("name", equalTo("政策法规处"));
    }

    @Test
    void proposersSeeWhoHandlesButNotTheirPhone() {
        as("member-zhang").get("/api/v1/units/miit/people/handler-miit-sme").then().statusCode(200)
                .body("name", equalTo("周承办")).body("position", equalTo("HANDLER")).body("phone", nullValue());
        as("member-zhang").get("/api/v1/units/miit/people?size=200").then().statusCode(200)
                .body("items.phone", everyItem(nullValue()));
        as("handler-drc-industry").get("/api/v1/units/miit/people/handler-miit-sme").then().statusCode(200)
                .body("phone", equalTo("内线 8232"));
        as("supervisor-city").get("/api/v1/units/miit/people?position=HANDLER&divisionId=miit-sme&size=200").then()
                .statusCode(200).body("items.id", hasItem("handler-miit-sme")).body("items.position", everyItem(equalTo("HANDLER")));
        as("member-zhang").get("/api/v1/units/miit/people/head-drc-industry").then().statusCode(404);
        as("member-zhang").get("/api/v1/units/nowhere/people").then().statusCode(404);
        given().get("/api/v1/units/miit/people").then().statusCode(401);
    }

    @Test
    void retiringGoesFromThePeopleUpAndEachStepIsAudited() {
        String unit = fresh("retiring");
        String division = unit + "-office";
        String person = fresh("office");
        addUnit(unit, "市某某局", "某某局");
        put("committee-wang", "/api/v1/units/" + unit + "/divisions/" + division, null, "{\"name\":\"办公室\"}").statusCode(201);
        put("committee-wang", "/api/v1/units/" + unit + "/people/" + person, null,
                "{\"name\":\"某主任\",\"divisionId\":\"" + division + "\",\"position\":\"OFFICE\"}").statusCode(201);

        // nobody is left behind in a unit or division that is retired
        put("committee-wang", "/api/v1/units/" + unit, "\"0\"", "{\"name\":\"市某某局\",\"shortName\":\"某某局\",\"active\":false}")
                .statusCode(409).body("detail", equalTo("Unit " + unit + " still has 1 active divisions and 1 active people; retire them first"));
        put("committee-wang", "/api/v1/units/" + unit + "/divisions/" + division, "\"0\"", "{\"name\":\"办公室\",\"active\":false}")
                .statusCode(409);

        put("committee-wang", "/api/v1/units/" + unit + "/people/" + person, "\"0\"",
                "{\"name\":\"某主任\",\"divisionId\":\"" + division + "\",\"position\":\"OFFICE\",\"active\":false}")
                .statusCode(200).body("active", equalTo(false));
        put("committee-wang", "/api/v1/units/" + unit + "/divisions/" + division, "\"0\"", "{\"name\":\"办公室\",\"active\":false}")
                .statusCode(200);
        put("committee-wang", "/api/v1/units/" + unit, "\"0\"", "{\"name\":\"市某某局\",\"shortName\":\"某某局\",\"active\":false}")
                .statusCode(200).body("active", equalTo(false)).header("ETag", "\"1\"");

        // retired records stay readable, and are listed when asked for
        as("handler-miit-sme").get("/api/v1/units/" + unit).then().statusCode(200).body("active", equalTo(false));
        as("handler-miit-sme").get("/api/v1/units?size=200").then().body("items.id", not(hasItem(unit)));
        as("handler-miit-sme").get("/api/v1/units?size=200&includeRetired=true").then().body("items.id", hasItem(unit));
        as("handler-miit-sme").get("/api/v1/units/" + unit + "/divisions").then().body("id", not(hasItem(division)));
        as("handler-miit-sme").get("/api/v1/units/" + unit + "/people?includeRetired=true").then().body("total", equalTo(1));

        // a retired unit takes no one new, until it is reinstated
        put("committee-wang", "/api/v1/units/" + unit + "/people/" + fresh("leader"), null,
                "{\"name\":\"某局长\",\"position\":\"BUREAU_HEAD\"}").statusCode(409);
        put("committee-wang", "/api/v1/units/" + unit, "\"1\"", "{\"name\":\"市某某局\",\"shortName\":\"某某局\",\"active\":true}")
                .statusCode(200).body("active", equalTo(true));

        assertEquals(List.of("UnitReinstated", "UnitRetired", "UnitCreated"),
                auditRecords("recordType=HandlingUnit&recordId=" + unit).stream().map(r -> r.get("action")).toList());
        assertEquals(List.of("DivisionRetired", "DivisionCreated"),
                auditRecords("recordType=Division&recordId=" + division).stream().map(r -> r.get("action")).toList());
        List<Map<String, Object>> personRecords = auditRecords("recordType=Person&recordId=" + person);
        assertEquals(List.of("PersonRetired", "PersonCreated"), personRecords.stream().map(r -> r.get("action")).toList());
        assertEquals(Map.of("active", Map.of("before", true, "after", false)), personRecords.get(0).get("changes"));
    }

    @Test
    void onlyRecordedActiveUnitsAreAssignedAndTheirNamesComeFromTheMasterData() {
        String unit = fresh("retired");
        addUnit(unit, "市旧机构局", "旧机构局");
        put("committee-wang", "/api/v1/units/" + unit, "\"0\"", "{\"name\":\"市旧机构局\",\"active\":false}").statusCode(200);
        UUID proposalId;
        try (KafkaTestClient kafka = KafkaTestClient.forApplication()) {
            proposalId = AssignmentFlowTest.registeredProposal(kafka);
        }

        as("committee-wang").contentType(ContentType.JSON)
                .body(AssignmentFlowTest.assignment(proposalId, "miit", "SPLIT", unit, "SPLIT", "nowhere", "SPLIT"))
                .post("/api/v1/assignments").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("units[1].unitId", "units[2].unitId")))
                .body("errors[0].message", equalTo("unit " + unit + " (市旧机构局) is retired and takes no new assignments"))
                .body("errors[1].message", equalTo("no handling unit nowhere is recorded (GET /api/v1/units)"));
        // a name sent along must be the unit's: a form that shows one unit and sends another's id is caught
        as("committee-wang").contentType(ContentType.JSON).body("""
                        {"proposalId":"%s","units":[{"unitId":"miit","unitName":"市发展和改革委员会","handlingType":"SOLE"}]}"""
                        .formatted(proposalId))
                .post("/api/v1/assignments").then().statusCode(400).body("errors[0].field", equalTo("units[0].unitName"));
        as("committee-wang").get("/api/v1/assignments?proposalId=" + proposalId).then().body("total", equalTo(0));

        // reinstated, it is assigned to again; a short name is as good as the name
        put("committee-wang", "/api/v1/units/" + unit, "\"1\"", "{\"name\":\"市旧机构局\",\"shortName\":\"旧机构局\",\"active\":true}")
                .statusCode(200);
        List<Map<String, Object>> created = as("committee-wang").contentType(ContentType.JSON).body("""
                        {"proposalId":"%s","units":[{"unitId":"miit","unitName":"市工信局","handlingType":"SPLIT"},
                          {"unitId":"%s","handlingType":"SPLIT"}]}""".formatted(proposalId, unit))
                .post("/api/v1/assignments").then().statusCode(201).extract().path("");
        assertEquals(List.of("市工业和信息化局", "市旧机构局"), created.stream().map(a -> a.get("unitName")).toList());
    }
}
