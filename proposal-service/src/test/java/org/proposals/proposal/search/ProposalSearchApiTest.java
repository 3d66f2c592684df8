package org.proposals.proposal.search;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.proposals.infra.TestIdentity;
import org.proposals.proposal.TestSessions;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Searching registered proposals in Chinese and English, and finding earlier proposals like a new one. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProposalSearchApiTest {

    private String earlierSession;
    private String session;
    private final Map<SampleProposals.Sample, String> ids = new java.util.HashMap<>();

    private static RequestSpecification asHandler() {
        return given().auth().oauth2(TestIdentity.tokenFor("handler-miit-sme"));
    }

    private String register(String sessionId, SampleProposals.Sample sample, String... keywords) {
        String keywordList = keywords.length == 0 ? "" : ",\"keywords\":[\"" + String.join("\",\"", keywords) + "\"]";
        String id = given().auth().oauth2(TestIdentity.tokenFor("committee-wang")).contentType(ContentType.JSON)
                .body(Map.of("sessionId", sessionId, "title", sample.title(), "content", sample.content(),
                        "proposer", Map.of("id", "member-zhang", "name", "张委员")))
                .post("/api/v1/proposals").then().statusCode(201).extract().path("id");
        ids.put(sample, id);
        return id;
    }

    /** Registers the samples once, before the first test's first request. */
    @org.junit.jupiter.api.BeforeEach
    void registerEarlierAndNewProposals() {
        if (session != null) {
            return;
        }
        earlierSession = TestSessions.create("SUGGESTION", 2021, "{year}{seq:4}");
        for (SampleProposals.Sample sample : SampleProposals.EARLIER) {
            register(earlierSession, sample);
        }
        session = TestSessions.create("SUGGESTION", 2023, "{year}{seq:4}");
        register(session, SampleProposals.NEW_LITTLE_GIANTS);
        register(session, SampleProposals.NEW_SME_DIGITAL);
        register(session, new SampleProposals.Sample(null, "Proposal on opening industrial internet platforms to small firms",
                "Small firms cannot afford their own platforms; the city should fund shared industrial internet services."));
    }

    private List<String> search(String query, String sessionId) {
        return asHandler().queryParam("q", query).queryParam("size", 50)
                .queryParam("sessionId", sessionId)
                .get("/api/v1/proposals").then().statusCode(200).extract().path("items.id");
    }

    @Test
    void aCorrectedProposalIsFoundByItsNewWordsOnly() {
        String corrections = TestSessions.create("SUGGESTION", 2024, "{year}{seq:4}");
        String id = register(corrections, new SampleProposals.Sample(null, "关于发展低空经济的建议", "建议规划无人机起降场。"));
        assertEquals(List.of(id), search("低空经济", corrections), "found by the words it was registered with");

        String etag = given().auth().oauth2(TestIdentity.tokenFor("committee-wang")).get("/api/v1/proposals/" + id)
                .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(TestIdentity.tokenFor("committee-wang")).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("title", "关于发展氢能产业的建议", "content", "建议建设加氢站。",
                        "proposer", Map.of("id", "member-zhang", "name", "张委员")))
                .put("/api/v1/proposals/" + id).then().statusCode(200);
        assertEquals(List.of(id), search("氢能", corrections));
        assertEquals(List.of(), search("低空经济", corrections), "the words it no longer has find nothing");
    }

    @Test
    void chineseWordsAreFoundWithoutSpaces() {
        List<String> found = search("专精特新", earlierSession);
        assertEquals(List.of(ids.get(SampleProposals.LITTLE_GIANTS)), found, "only the proposal that says 专精特新");
        assertEquals(List.of(ids.get(SampleProposals.NEW_LITTLE_GIANTS)), search("专精特新", session));
        // the characters must be in that order: 特新专精 is not 专精特新
        assertEquals(List.of(), search("特新专精", session));

        // best match first: 数字化转型 in the title before 数字化转型 only in the text
        List<String> digital = search("数字化转型", earlierSession);
        assertEquals(ids.get(SampleProposals.MANUFACTURING_DIGITAL), digital.get(0));
        assertTrue(digital.contains(ids.get(SampleProposals.INDUSTRIAL_INTERNET)), "named in its content");
        assertFalse(digital.contains(ids.get(SampleProposals.WASTE_SORTING)));

        // several words must all be there; one character alone is a word too
        assertEquals(List.of(ids.get(SampleProposals.LITTLE_GIANTS)), search("小巨人 融资", earlierSession));
        assertTrue(search("税", earlierSession).isEmpty());
        assertTrue(search("垃圾", earlierSession).contains(ids.get(SampleProposals.WASTE_SORTING)));
    }

    @Test
    void englishWordsAreFoundInAnyCaseAndPlural() {
        assertEquals(1, search("Industrial Internet platform", session).size(), "platform finds platforms");
        assertEquals(1, search("SMALL FIRMS", session).size());
        assertTrue(search("industrial robots", session).isEmpty(), "every word must be there");
    }

    @Test
    void aQueryWithNothingToSearchOrAWrongSortIsRefused() {
        asHandler().queryParam("q", "，。！").get("/api/v1/proposals").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("q"));
        asHandler().queryParam("sort", "relevance").get("/api/v1/proposals").then().statusCode(400)
                .body("errors[0].field", equalTo("sort"));
        asHandler().queryParam("q", "数字化转型").queryParam("sort", "number").queryParam("sessionId", earlierSession)
                .get("/api/v1/proposals").then().statusCode(200).body("items.number", equalTo(List.of("20210002", "20210006")));
    }

    @Test
    void earlierProposalsOnTheSameSubjectRankFirst() {
        // among suggestions only: the proposals other tests register do not crowd them out
        List<Map<String, Object>> similar = asHandler().queryParam("minScore", 0).queryParam("limit", 50).queryParam("kind", "SUGGESTION")
                .get("/api/v1/proposals/" + ids.get(SampleProposals.NEW_LITTLE_GIANTS) + "/similar")
                .then().statusCode(200).extract().path("$");
        List<String> order = similar.stream().map(s -> (String) s.get("id")).toList();
        int littleGiants = order.indexOf(ids.get(SampleProposals.LITTLE_GIANTS));
        int manufacturing = order.indexOf(ids.get(SampleProposals.MANUFACTURING_DIGITAL));
        int waste = order.indexOf(ids.get(SampleProposals.WASTE_SORTING));
        assertTrue(littleGiants >= 0 && manufacturing > littleGiants, "专精特新 first: " + similar);
        assertTrue(waste < 0 || waste > manufacturing, "垃圾分类 last: " + similar);
        assertEquals(2021, similar.get(order.indexOf(ids.get(SampleProposals.LITTLE_GIANTS))).get("year"));
        double best = ((Number) similar.get(littleGiants).get("score")).doubleValue();
        assertTrue(best > 0.2 && best <= 1.0, "a score between 0 and 1: " + best);
        // only earlier proposals: the other new one is not offered
        assertFalse(order.contains(ids.get(SampleProposals.NEW_SME_DIGITAL)));

        List<String> forDigital = asHandler().queryParam("kind", "SUGGESTION")
                .get("/api/v1/proposals/" + ids.get(SampleProposals.NEW_SME_DIGITAL) + "/similar")
                .then().statusCode(200).extract().path("id");
        assertEquals(ids.get(SampleProposals.MANUFACTURING_DIGITAL), forDigital.stream()
                .filter(ids::containsValue).findFirst().orElseThrow(), "制造业数字化转型 first among ours: " + forDigital);

        given().auth().oauth2(TestIdentity.tokenFor("member-zhang"))
                .get("/api/v1/proposals/" + ids.get(SampleProposals.NEW_SME_DIGITAL) + "/similar").then().statusCode(403);
        asHandler().queryParam("limit", 0).get("/api/v1/proposals/" + ids.get(SampleProposals.NEW_SME_DIGITAL) + "/similar")
                .then().statusCode(400);
    }
}
