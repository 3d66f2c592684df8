package org.proposals.proposal;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.proposals.infra.TestIdentity;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;

/** Sessions for tests: each test run creates its own, so that runs against a reused database do not collide. */
public final class TestSessions {

    private static String current;

    private TestSessions() {
    }

    /** A CPPCC session of this year, shared by the tests that need just some session. */
    public static synchronized String current() {
        if (current == null) {
            current = create("PROPOSAL", LocalDate.now().getYear(), "{year}{seq:4}");
        }
        return current;
    }

    /** A new session of the given kind, year and number format, with a term and number no other run uses. */
    public static String create(String kind, int year, String numberFormat) {
        for (int attempt = 0; ; attempt++) {
            int term = ThreadLocalRandom.current().nextInt(1, 100);
            int number = ThreadLocalRandom.current().nextInt(1, 100);
            Response response = given().auth().oauth2(TestIdentity.tokenFor("committee-wang")).contentType(ContentType.JSON)
                    .body("""
                            {"kind":"%s","term":%d,"sessionNumber":%d,"year":%d,"name":"第%d届第%d次会议",
                             "plenaryStart":"%d-01-10","plenaryEnd":"%d-01-14","numberFormat":"%s"}"""
                            .formatted(kind, term, number, year, term, number, year, year, numberFormat))
                    .post("/api/v1/sessions");
            if (response.statusCode() == 201) {
                return response.path("id");
            }
            if (response.statusCode() != 409 || attempt > 20) {
                throw new IllegalStateException("cannot create a session: " + response.statusCode() + " " + response.asString());
            }
        }
    }
}
