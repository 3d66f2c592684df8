package org.proposals.proposal;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.proposals.infra.DevIdentity;
import org.proposals.infra.TestIdentity;
import org.proposals.kit.security.VerifiedTokens;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Who may register and read proposals; a proposer sees only their own. */
@QuarkusTest
class ProposalAccessTest {

    static String proposalOf(String proposerId) {
        return ProposalResourceTest.submit("""
                {"sessionId":"%s","title":"关于加快民营企业健康发展的建议","content":"建议加强企业服务。",
                 "proposer":{"id":"%s","name":"委员"}}""".formatted(TestSessions.current(), proposerId)).statusCode(201).extract().path("id");
    }

    static long total() {
        return ((Number) ProposalResourceTest.asCommittee().get("/api/v1/proposals?size=1").then().extract().path("total")).longValue();
    }

    @Inject
    JWTParser tokenParser;

    @Test
    void aTokenOnceVerifiedIsKnownByItsExactTextOnly() {
        assertInstanceOf(VerifiedTokens.class, tokenParser);
        String token = TestIdentity.tokenFor("committee-wang");
        given().auth().oauth2(token).get("/api/v1/proposals").then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/proposals").then().statusCode(200);

        // the same header and claims with another signature is another token: verified, and refused
        String payload = token.substring(0, token.lastIndexOf('.') + 1);
        String otherSignature = DevIdentity.generate().tokenFor("committee-wang", java.time.Duration.ofMinutes(5));
        String forged = payload + otherSignature.substring(otherSignature.lastIndexOf('.') + 1);
        given().auth().oauth2(forged).get("/api/v1/proposals").then().statusCode(401);
    }

    @Test
    void withoutAValidTokenNothingIsReadOrWritten() {
        long before = total();
        given().get("/api/v1/proposals").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/proposals").then().statusCode(401);

        Map<String, Object> expired = claims("committee-wang", List.of("COMMITTEE"));
        expired.put("exp", Instant.now().minusSeconds(600).getEpochSecond());
        given().auth().oauth2(TestIdentity.identity().sign(expired)).get("/api/v1/proposals").then().statusCode(401);

        Map<String, Object> foreignIssuer = claims("committee-wang", List.of("COMMITTEE"));
        foreignIssuer.put("iss", "https://somewhere.else");
        given().auth().oauth2(TestIdentity.identity().sign(foreignIssuer)).get("/api/v1/proposals").then().statusCode(401);

        Map<String, Object> otherAudience = claims("committee-wang", List.of("COMMITTEE"));
        otherAudience.put("aud", "another-system");
        given().auth().oauth2(TestIdentity.identity().sign(otherAudience)).get("/api/v1/proposals").then().statusCode(401);

        String signedByAnotherKey = DevIdentity.generate().tokenFor("committee-wang", java.time.Duration.ofMinutes(5));
        given().auth().oauth2(signedByAnotherKey).contentType(ContentType.JSON)
                .body(ProposalResourceTest.proposalJson("伪造")).post("/api/v1/proposals").then().statusCode(401);

        assertEquals(before, total());
    }

    @Test
    void onlyTheCommitteeRegisters() {
        long before = total();
        for (String person : List.of("member-zhang", "office-miit", "handler-miit-sme", "supervisor-city")) {
            given().auth().oauth2(TestIdentity.tokenFor(person)).contentType(ContentType.JSON)
                    .body(ProposalResourceTest.proposalJson("越权登记")).post("/api/v1/proposals").then()
                    .statusCode(403).contentType("application/problem+json");
        }
        assertEquals(before, total());
    }

    @Test
    void aProposerSeesOnlyTheirOwnProposals() {
        String zhangs = proposalOf("member-zhang");
        String lis = proposalOf("member-li");
        String zhang = TestIdentity.tokenFor("member-zhang");

        given().auth().oauth2(zhang).get("/api/v1/proposals/" + zhangs).then().statusCode(200);
        given().auth().oauth2(zhang).get("/api/v1/proposals/" + lis).then().statusCode(404).contentType("application/problem+json");
        // their own: those they lead and those they co-signed, never another's
        given().auth().oauth2(zhang).get("/api/v1/proposals?size=200").then().statusCode(200)
                .body("items.id", hasItem(zhangs))
                .body("items.id", not(hasItem(lis)));
        given().auth().oauth2(zhang).get("/api/v1/proposals?proposerId=member-li&size=200").then().statusCode(200)
                .body("items.id", not(hasItem(lis)));

        // staff read any proposal
        given().auth().oauth2(TestIdentity.tokenFor("office-miit")).get("/api/v1/proposals/" + lis).then().statusCode(200);
        given().auth().oauth2(TestIdentity.tokenFor("supervisor-city")).get("/api/v1/proposals/" + lis).then().statusCode(200);
    }

    private static Map<String, Object> claims(String subject, List<String> roles) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", DevIdentity.ISSUER);
        claims.put("aud", DevIdentity.AUDIENCE);
        claims.put("sub", subject);
        claims.put("upn", subject);
        claims.put("groups", roles);
        claims.put("iat", Instant.now().getEpochSecond());
        claims.put("exp", Instant.now().plusSeconds(600).getEpochSecond());
        return claims;
    }
}
