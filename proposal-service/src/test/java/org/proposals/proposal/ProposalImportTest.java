package org.proposals.proposal;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.proposals.infra.TestIdentity;
import org.proposals.kit.tabular.XlsxWriter;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A session's proposals imported from the committee office's CSV and XLSX files. */
@QuarkusTest
class ProposalImportTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String[] SUBJECTS = {"专精特新中小企业培育", "制造业数字化转型", "工业互联网平台建设", "产业集群发展",
            "民营经济健康发展", "新型信息基础设施建设", "时尚产业品牌建设", "中小微企业上云"};

    private static ValidatableResponse upload(String session, String fileName, byte[] content, String type, String query) {
        return given().auth().oauth2(TestIdentity.tokenFor("committee-wang"))
                .multiPart("file", fileName, content, type)
                .post("/api/v1/sessions/" + session + "/imports" + query).then();
    }

    private static long proposalsIn(String session) {
        return ((Number) ProposalResourceTest.asCommittee().get("/api/v1/proposals?size=1&sessionId=" + session)
                .then().statusCode(200).extract().path("total")).longValue();
    }

    /** 1,000 rows in the office's layout, with bad rows at the data rows given (1-based). */
    private static byte[] thousandRows(Set<Integer> badRows) {
        StringBuilder csv = new StringBuilder("\uFEFF标题,内容,提案人编号,提案人,界别,附议人,主题,关键词,提交日期\n");
        for (int i = 1; i <= 1000; i++) {
            String subject = SUBJECTS[i % SUBJECTS.length];
            String title = "关于加快" + subject + "的提案（第" + i + "件）";
            String content = "\"建议进一步加强" + subject + "，\"\"强化政策支持\"\"，\n完善配套措施。\"";
            String date = "2022-01-1" + (i % 5);
            String topic = i % 2 == 0 ? "数字经济" : "SME";
            if (badRows.contains(i)) {
                switch (i % 3) {
                    case 0 -> title = "";
                    case 1 -> date = "2022-13-45";
                    default -> topic = "低空经济";
                }
            }
            csv.append(title).append(',').append(content).append(",member-").append(i % 40).append(",委员").append(i % 40)
                    .append(",经济界,李委员(member-li),").append(topic).append(',').append(subject).append("、政策").append(',')
                    .append(date).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aThousandRowFileWithBadRowsIsRefusedWholeOrImportedWithoutThemAndNeverTwice() {
        String session = TestSessions.create("PROPOSAL", 2022, "{year}{seq:4}");
        Set<Integer> bad = Set.of(99, 502, 998);
        byte[] file = thousandRows(bad);

        // one bad row and nothing is imported; every error names its row (the header is row 1) and column
        List<Map<String, String>> errors = upload(session, "2022年提案.csv", file, "text/csv", "")
                .statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("3 of 1000 rows are invalid"))
                .extract().path("errors");
        assertEquals(List.of(
                        Map.of("field", "row 100, column A (标题)", "message", "must not be empty"),
                        Map.of("field", "row 503, column I (提交日期)", "message", "'2022-13-45' is not a date such as 2022-01-12"),
                        Map.of("field", "row 999, column G (主题)", "message", "'低空经济' is not a topic of the taxonomy (GET /api/v1/topics)")),
                errors);
        assertEquals(0, proposalsIn(session));

        // asked to keep the valid rows, it imports the 997 others, numbered in file order without gaps
        List<Map<String, Object>> results = upload(session, "2022年提案.csv", file, "text/csv", "?keepValidRows=true")
                .statusCode(200)
                .body("rows", equalTo(1000))
                .body("imported", equalTo(997))
                .body("invalid", equalTo(3))
                .body("alreadyImported", equalTo(0))
                .extract().path("results");
        List<String> numbers = results.stream().filter(r -> "IMPORTED".equals(r.get("outcome")))
                .map(r -> (String) r.get("number")).toList();
        assertEquals(IntStream.rangeClosed(1, 997).mapToObj(n -> String.format("2022%04d", n)).toList(), numbers);
        assertEquals(997, proposalsIn(session));
        assertEquals("INVALID", results.get(98).get("outcome"));
        assertEquals(100, results.get(98).get("row"));

        Map<String, Object> first = ProposalResourceTest.asCommittee().get("/api/v1/proposals/" + results.get(0).get("proposalId"))
                .then().statusCode(200)
                .body("title", equalTo("关于加快制造业数字化转型的提案（第1件）"))
                .body("content", equalTo("建议进一步加强制造业数字化转型，\"强化政策支持\"，\n完善配套措施。"))
                .body("coProposers[0].id", equalTo("member-li"))
                .body("topics", equalTo(List.of("SME")))
                .body("keywords", equalTo(List.of("制造业数字化转型", "政策")))
                .body("submittedOn", equalTo("2022-01-11"))
                .body("status", equalTo("SUBMITTED"))
                .extract().path("$");
        assertEquals("member-1", ((Map<?, ?>) first.get("proposer")).get("id"));

        // the same file again adds nothing: each valid row is found as already imported
        upload(session, "2022年提案.csv", file, "text/csv", "?keepValidRows=true")
                .statusCode(200)
                .body("imported", equalTo(0))
                .body("alreadyImported", equalTo(997))
                .body("invalid", equalTo(3));
        assertEquals(997, proposalsIn(session));
        // imported proposals are found by search like registered ones
        ProposalResourceTest.asCommittee().queryParam("q", "工业互联网").queryParam("sessionId", session).queryParam("size", 1)
                .get("/api/v1/proposals").then().body("total", equalTo(125));
    }

    @Test
    void anXlsxListOfFiledProposalsKeepsItsNumbers() throws Exception {
        String session = TestSessions.create("PROPOSAL", 2022, "{year}{seq:4}");
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("提案号", "标题", "内容", "提案人编号", "提案人", "提案人类型", "集体类型", "主题", "提交日期"));
        rows.add(List.of(20220024L, "关于确保经济稳增长，创新产业集群服务模式的提案", "建议优先发展产业集群。", "member-zhang", "张委员",
                "个人", "", "产业集群", LocalDate.of(2022, 1, 12)));
        rows.add(List.of("20220277", "关于加快深圳时尚创意产业中小微企业数字化转型的建议", "建议支持中小微企业上云。", "cpc-djc",
                "民建市委", "集体", "党派", "中小企业；数字经济", LocalDate.of(2022, 1, 13)));
        byte[] xlsx = XlsxWriter.toBytes(rows);

        List<Map<String, Object>> results = upload(session, "提案清单.xlsx", xlsx, XLSX, "?file=true").statusCode(200)
                .body("imported", equalTo(2))
                .body("filed", equalTo(true))
                .extract().path("results");
        assertEquals(List.of("20220024", "20220277"), results.stream().map(r -> r.get("number")).toList());
        ProposalResourceTest.asCommittee().get("/api/v1/proposals/" + results.get(1).get("proposalId")).then()
                .body("status", equalTo("FILED"))
                .body("proposer.type", equalTo("GROUP"))
                .body("proposer.groupKind", equalTo("PARTY"))
                .body("topics", equalTo(List.of("DIGITAL_ECONOMY", "SME")));
        // registered and then filed, as if the committee had filed it by hand: both in the audit trail and the timeline
        String filed = (String) results.get(1).get("proposalId");
        List<Map<String, Object>> audited = ProposalResourceTest.auditRecords("recordType=Proposal&recordId=" + filed);
        assertEquals(List.of("ProposalFiled", "ProposalSubmitted"), audited.stream().map(r -> r.get("action")).toList());
        assertEquals(Map.of("before", "SUBMITTED", "after", "FILED"), ProposalResourceTest.change(audited.get(0), "status"));
        assertEquals("SUBMITTED", ProposalResourceTest.change(audited.get(1), "status").get("after"));
        assertEquals(List.of("ProposalSubmitted", "ProposalFiled"), ProposalResourceTest.asCommittee()
                .get("/api/v1/proposals/" + filed + "/timeline").then().statusCode(200).extract().path("type"));
        // the next registration takes the number after the highest the office used
        ProposalResourceTest.submit(ProposalResourceTest.proposalJson(session, "闭会期间提出的提案")).statusCode(201)
                .body("number", equalTo("20220278"));

        upload(session, "提案清单.xlsx", xlsx, XLSX, "?file=true").statusCode(200)
                .body("imported", equalTo(0)).body("alreadyImported", equalTo(2));

        // a number outside the session's format, or used by another proposal, is an error of its row
        rows.set(1, List.of("2021-0001", "关于另一件事的提案", "内容", "member-zhang", "张委员", "", "", "", ""));
        rows.set(2, List.of("20220278", "关于再一件事的提案", "内容", "member-zhang", "张委员", "", "", "", ""));
        upload(session, "提案清单.xlsx", XlsxWriter.toBytes(rows), XLSX, "").statusCode(422)
                .body("errors.field", equalTo(List.of("row 2, column A (提案号)", "row 3, column A (提案号)")));
    }

    @Test
    void aFileThatIsNotASpreadsheetOrLacksAColumnIsABadRequest() {
        String session = TestSessions.current();
        long before = proposalsIn(session);
        upload(session, "photo.png", new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0}, "image/png", "")
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("file"));
        upload(session, "list.csv", "标题,内容\n关于,建议\n".getBytes(StandardCharsets.UTF_8), "text/csv", "")
                .statusCode(400).body("detail", containsString("提案人编号 (proposerId)"));
        upload(java.util.UUID.randomUUID().toString(), "list.csv", thousandRows(Set.of()), "text/csv", "")
                .statusCode(400).body("errors[0].field", equalTo("sessionId"));
        given().auth().oauth2(TestIdentity.tokenFor("committee-wang")).multiPart("other", "x")
                .post("/api/v1/sessions/" + session + "/imports").then().statusCode(400).body("errors[0].field", equalTo("file"));
        given().auth().oauth2(TestIdentity.tokenFor("office-miit")).multiPart("file", "list.csv", thousandRows(Set.of()), "text/csv")
                .post("/api/v1/sessions/" + session + "/imports").then().statusCode(403);
        assertEquals(before, proposalsIn(session));
    }
}
