package org.proposals.assignment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.proposals.kit.tabular.XlsxWriter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.proposals.assignment.AssignmentFlowTest.as;

/** Units, divisions and people imported from a CSV or XLSX file, one row per person. */
@QuarkusTest
class UnitImportTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String HEADER = "人员编号,姓名,职务,单位编号,单位名称,单位简称,处室编号,处室名称,联系电话,状态\n";

    private static ValidatableResponse upload(String person, String fileName, byte[] content, String type, String query) {
        return as(person).multiPart("file", fileName, content, type).post("/api/v1/units/imports" + query).then();
    }

    private static ValidatableResponse upload(String person, String csv, String query) {
        return upload(person, "人员名单.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv", query);
    }

    private static String fresh() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static long people(String unitId) {
        return ((Number) as("admin").get("/api/v1/units/" + unitId + "/people?size=1&includeRetired=true").then()
                .extract().path("total")).longValue();
    }

    private static long auditRecords(String recordType, String recordId) {
        return ((Number) as("admin").get("/api/v1/audit-records?size=1&recordType=" + recordType + "&recordId=" + recordId)
                .then().statusCode(200).extract().path("total")).longValue();
    }

    /** A bureau of five people in the four-level chain and its office, in two divisions. */
    private static String bureau(String unit, String phoneOfHandler, String statusOfDeputy) {
        return HEADER
                + "leader-" + unit + ",钱局长,局主要领导," + unit + ",市商务局,市商务局,,,,\n"
                + "deputy-" + unit + ",孙副局长,分管局领导," + unit + ",市商务局,,,,," + statusOfDeputy + "\n"
                + "office-" + unit + ",李主任,办公室," + unit + ",市商务局,,"+ unit + "-office,办公室,内线 7101,\n"
                + "head-" + unit + ",周处长,处室负责人," + unit + ",市商务局,," + unit + "-trade,对外贸易处,内线 7201,在职\n"
                + "handler-" + unit + ",吴承办,具体承办人," + unit + ",市商务局,," + unit + "-trade,对外贸易处," + phoneOfHandler + ",\n";
    }

    @Test
    void aFileCreatesUnitsDivisionsAndPeopleAndTheSameFileAgainChangesNothing() {
        String unit = "commerce-" + fresh();
        List<Map<String, Object>> results = upload("committee-wang", bureau(unit, "内线 7202", ""), "").statusCode(200)
                .body("rows", equalTo(5))
                .body("created", equalTo(5))
                .body("updated", equalTo(0))
                .body("unchanged", equalTo(0))
                .body("invalid", equalTo(0))
                .body("units.created", equalTo(1))
                .body("divisions.created", equalTo(2))
                .extract().path("results");
        assertEquals(List.of(2, 3, 4, 5, 6), results.stream().map(r -> r.get("row")).toList());
        assertEquals("CREATED", results.get(4).get("outcome"));
        assertEquals(unit + "-trade", results.get(4).get("divisionId"));

        as("handler-miit-sme").get("/api/v1/units/" + unit).then().statusCode(200)
                .body("name", equalTo("市商务局")).body("shortName", equalTo("市商务局"));
        as("handler-miit-sme").get("/api/v1/units/" + unit + "/people/handler-" + unit).then().statusCode(200)
                .body("position", equalTo("HANDLER")).body("divisionId", equalTo(unit + "-trade")).body("phone", equalTo("内线 7202"));
        as("handler-miit-sme").get("/api/v1/units/" + unit + "/people/leader-" + unit).then().body("divisionId", nullValue());
        // the audit trail names the importer
        Map<String, Object> created = as("admin").get("/api/v1/audit-records?recordType=Person&recordId=handler-" + unit)
                .then().extract().path("items[0]");
        assertEquals("PersonCreated", created.get("action"));
        assertEquals("committee-wang", ((Map<?, ?>) created.get("actor")).get("id"));

        // again: an upsert by id finds everything as it is and writes nothing
        upload("committee-wang", bureau(unit, "内线 7202", ""), "").statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(5))
                .body("units.created", equalTo(0)).body("units.updated", equalTo(0)).body("divisions.created", equalTo(0))
                .body("results.outcome", equalTo(List.of("UNCHANGED", "UNCHANGED", "UNCHANGED", "UNCHANGED", "UNCHANGED")));
        assertEquals(1, auditRecords("Person", "handler-" + unit));
        assertEquals(1, auditRecords("HandlingUnit", unit));
        assertEquals(5, people(unit));

        // a later list: the handler's phone changed, the deputy head left
        upload("committee-wang", bureau(unit, "内线 7209", "停用"), "").statusCode(200)
                .body("updated", equalTo(2)).body("unchanged", equalTo(3))
                .body("results.outcome", equalTo(List.of("UNCHANGED", "UPDATED", "UNCHANGED", "UNCHANGED", "UPDATED")));
        assertEquals("PersonRetired", as("admin").get("/api/v1/audit-records?recordType=Person&recordId=deputy-" + unit)
                .then().extract().path("items[0].action"));
        as("admin").get("/api/v1/units/" + unit + "/people/handler-" + unit).then().body("phone", equalTo("内线 7209"))
                .body("version", equalTo(1));
        as("admin").get("/api/v1/units/" + unit + "/people").then().body("total", equalTo(4));
    }

    @Test
    void invalidRowsRefuseTheWholeFileUnlessTheValidOnesAreKept() {
        String unit = "sports-" + fresh();
        String csv = HEADER
                + "ok-" + unit + ",郑局长,局主要领导," + unit + ",市体育局,,,,,\n"
                + "nameless-" + unit + ",,具体承办人," + unit + ",市体育局,," + unit + "-a,竞技体育处,,\n"
                + "boss-" + unit + ",王某,老板," + unit + ",市体育局,,,,,\n"
                + "alone-" + unit + ",冯承办,具体承办人," + unit + ",市体育局,,,,,\n"
                + "renamed-" + unit + ",陈处长,处室负责人," + unit + ",市体育总局,," + unit + "-a,竞技体育处,,\n"
                + "ok-" + unit + ",郑局长,局主要领导," + unit + ",市体育局,,,,,\n"
                + "Bad Id,褚承办,具体承办人," + unit + ",市体育局,," + unit + "-a,群众体育处,,休假\n"
                + "stray-" + unit + ",卫承办,具体承办人," + unit + ",市体育局,,miit-sme,中小企业服务处,,\n"
                + "fine-" + unit + ",蒋承办,具体承办人," + unit + ",市体育局,," + unit + "-a,竞技体育处,内线 9001,\n";

        List<Map<String, String>> errors = upload("committee-wang", csv, "").statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("7 of 9 rows are invalid, so nothing was imported"))
                .extract().path("errors");
        assertEquals(List.of(
                Map.of("field", "row 3, column B (姓名)", "message", "must not be empty"),
                Map.of("field", "row 4, column C (职务)", "message", "'老板' is not one of 局主要领导, 分管局领导, 处室负责人, 具体承办人, 办公室 "
                        + "(BUREAU_HEAD, DEPUTY_HEAD, DIVISION_HEAD, HANDLER, OFFICE)"),
                Map.of("field", "row 5, column G (处室编号)", "message", "a 具体承办人 (HANDLER) works in a division; name it"),
                Map.of("field", "row 6, column E (单位名称)", "message", "unit " + unit + " is named 市体育局 on row 2"),
                Map.of("field", "row 7, column A (人员编号)", "message", "person ok-" + unit + " is also on row 2"),
                Map.of("field", "row 8, column A (人员编号)", "message", "'Bad Id' is not an id: " + MasterRecord.PERSON_ID_RULE),
                Map.of("field", "row 8, column J (状态)", "message", "'休假' is not 在职 (ACTIVE) or 停用 (RETIRED)"),
                Map.of("field", "row 9, column G (处室编号)", "message", "division miit-sme belongs to unit miit")), errors);
        as("admin").get("/api/v1/units/" + unit).then().statusCode(404);

        // kept: the two valid rows are imported, the others reported
        List<Map<String, Object>> results = upload("committee-wang", csv, "?keepValidRows=true").statusCode(200)
                .body("created", equalTo(2)).body("invalid", equalTo(7))
                .extract().path("results");
        assertEquals(List.of("CREATED", "INVALID", "INVALID", "INVALID", "INVALID", "INVALID", "INVALID", "INVALID", "CREATED"),
                results.stream().map(r -> r.get("outcome")).toList());
        assertEquals(List.of(Map.of("row", 9, "column", "G", "heading", "处室编号", "reason", "division miit-sme belongs to unit miit")),
                results.get(7).get("errors"));
        assertEquals(2, people(unit));
        as("admin").get("/api/v1/units/" + unit + "/divisions").then().body("id", equalTo(List.of(unit + "-a")));
    }

    @Test
    void anXlsxWorkbookWithEnglishHeadingsIsReadAlike() {
        String unit = "health-" + fresh();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("personId", "name", "position", "unitId", "unitName", "unitShortName", "divisionId", "divisionName", "phone"));
        rows.add(List.of("office-" + unit, "卫主任", "OFFICE", unit, "市卫生健康委员会", "市卫健委", unit + "-office", "办公室", 83101234L));
        rows.add(List.of("handler-" + unit, "沈承办", "handler", unit, "市卫生健康委员会", "市卫健委", unit + "-medical", "医政医管处", ""));
        upload("committee-wang", "名单.xlsx", XlsxWriter.toBytes(rows), XLSX, "").statusCode(200)
                .body("created", equalTo(2)).body("units.created", equalTo(1)).body("divisions.created", equalTo(2));
        as("admin").get("/api/v1/units/" + unit + "/people/office-" + unit).then().statusCode(200)
                .body("phone", equalTo("83101234")).body("position", equalTo("OFFICE"));
        as("admin").get("/api/v1/units/" + unit).then().body("shortName", equalTo("市卫健委"));
    }

    @Test
    void anOfficeImportsItsOwnUnitsPeopleOnly() {
        String suffix = fresh();
        String csv = HEADER
                + "handler-drc-" + suffix + ",褚承办,具体承办人,drc,市发展和改革委员会,,drc-price-" + suffix + ",价格管理处,,\n"
                + "handler-miit-" + suffix + ",卫承办,具体承办人,miit,市工业和信息化局,,miit-sme,中小企业服务处,,\n"
                + "head-drc-" + suffix + ",蒋处长,处室负责人,drc,市发改委,,drc-price-" + suffix + ",价格管理处,,\n"
                + "handler-miit-sme,周承办,具体承办人,drc,市发展和改革委员会,,drc-industry,产业发展处,,\n";
        List<Map<String, String>> errors = upload("office-drc", csv, "").statusCode(422).extract().path("errors");
        assertEquals(List.of(
                Map.of("field", "row 3, column D (单位编号)", "message", "your office manages the people of unit drc only"),
                Map.of("field", "row 4, column E (单位名称)", "message", "unit drc is named 市发展和改革委员会 on row 2"),
                Map.of("field", "row 4, column E (单位名称)", "message", "unit drc is recorded as 市发展和改革委员会; the committee renames units"),
                Map.of("field", "row 5, column A (人员编号)", "message", "person handler-miit-sme works in unit miit, which your office does not manage")),
                errors);

        upload("office-drc", csv, "?keepValidRows=true").statusCode(200).body("created", equalTo(1)).body("invalid", equalTo(3))
                .body("divisions.created", equalTo(1)).body("units.created", equalTo(0));
        as("admin").get("/api/v1/units/drc/people/handler-drc-" + suffix).then().statusCode(200).body("divisionId", equalTo("drc-price-" + suffix));
        as("admin").get("/api/v1/units/miit/people/handler-miit-sme").then().statusCode(200).body("version", equalTo(0));
        as("admin").get("/api/v1/units/drc").then().body("name", equalTo("市发展和改革委员会")).body("version", equalTo(0));
    }

    @Test
    void aFileThatIsNotATableOrLacksColumnsIsRefused() {
        upload("committee-wang", "名单.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8), XLSX, "").statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("file"));
        upload("committee-wang", "人员编号,姓名\nx,y\n", "").statusCode(400)
                .body("errors[0].field", equalTo("file"))
                .body("errors[0].message", containsString("the file has no column 职务 (position), 单位编号 (unitId), 单位名称 (unitName)"));
        as("committee-wang").contentType("multipart/form-data").multiPart("other", "x").post("/api/v1/units/imports").then()
                .statusCode(400).body("errors[0].field", equalTo("file"));
        // the import's own address is not a unit
        upload("committee-wang", HEADER + "someone,某人,局主要领导,imports,某局,,,,,\n", "").statusCode(422)
                .body("errors[0].field", equalTo("row 2, column D (单位编号)"))
                .body("errors[0].message", equalTo("'imports' is not an id: " + MasterRecord.UNIT_ID_RULE));
    }
}
